#include "authoring/words.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include <stdio.h>

void *words_alloc(void *p, size_t n) {
  void *q = xrealloc(p, n ? n : 1);
  if (!q) {
    fputs("resc: out of memory\n", stderr);
    exit(2);
  }
  return q;
}

/* ------------------------------------------------------------ tokens */

static unsigned decode(const unsigned char *s, size_t len, size_t i, size_t *next) {
  unsigned c = s[i];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > len)
    n = 1;
  unsigned cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < n; k++)
    cp = (cp << 6) | (s[i + k] & 0x3F);
  *next = i + n;
  return cp;
}

static bool is_space(unsigned cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

/* Ideographs and kana: a word each, as Chinese and Japanese have no spaces. */
static bool is_ideograph(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_word_char(unsigned cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
    return false; /* Latin-1 punctuation, no-break space, signs */
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0x060C ||
      cp == 0x061B || cp == 0x061F)
    return false; /* general, CJK and Arabic punctuation */
  return !is_ideograph(cp);
}

/* ASCII letters and digits, looked up rather than compared. */
static const unsigned char ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
    ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1};

size_t token_end(const char *str, size_t len, size_t i, enum token_kind *kind) {
  const unsigned char *s = (const unsigned char *)str;
  size_t next;
  unsigned cp = decode(s, len, i, &next);
  if (is_space(cp)) {
    *kind = TOKEN_SPACE;
    while (next < len && is_space(s[next]))
      next++;
    return next;
  }
  if (!is_word_char(cp)) {
    *kind = TOKEN_PUNCT;
    return next;
  }
  *kind = TOKEN_WORD;
  size_t end = next;
  while (end < len) {
    unsigned char c = s[end];
    if (c < 0x80) { /* the common case, without decoding */
      if (!ascii_word[c])
        break;
      end++;
      continue;
    }
    cp = decode(s, len, end, &next);
    if (!is_word_char(cp))
      break;
    end = next;
  }
  return end;
}

uint64_t hash_bytes(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* ------------------------------------------------------------ edits */

void edits_free(struct edits *e) {
  free(e->v);
  e->v = NULL;
  e->n = e->cap = 0;
}

static void emit(struct edits *e, enum edit_op op, size_t a, size_t b) {
  if (e->n == e->cap) {
    e->cap = e->cap ? 2 * e->cap : 64;
    e->v = words_alloc(e->v, e->cap * sizeof *e->v);
  }
  e->v[e->n++] = (struct edit){op, a, b};
}

/* The rest of a stretch, replaced whole. */
static void replace(struct edits *e, size_t alo, size_t ahi, size_t blo, size_t bhi) {
  for (size_t i = alo; i < ahi; i++)
    emit(e, EDIT_DEL, i, 0);
  for (size_t j = blo; j < bhi; j++)
    emit(e, EDIT_INS, 0, j);
}

/* Beyond this many differences in one stretch between anchors, Myers'
 * trace (a square of it) stops and the stretch is replaced whole. */
#define MYERS_MAX_D 600

static void reverse(struct edit *v, size_t n) {
  for (size_t i = 0; i < n / 2; i++) {
    struct edit t = v[i];
    v[i] = v[n - 1 - i];
    v[n - 1 - i] = t;
  }
}

/* Myers' greedy algorithm, keeping each round's frontier to walk back. */
static void myers(const uint64_t *a, size_t alo, size_t ahi, const uint64_t *b, size_t blo,
                  size_t bhi, struct edits *out) {
  long n = (long)(ahi - alo), m = (long)(bhi - blo);
  long dmax = n + m < MYERS_MAX_D ? n + m : MYERS_MAX_D;
  /* round d keeps the frontier for k in [-d-1, d+1] */
  size_t tsize = (size_t)(dmax + 1) * (size_t)(dmax + 3);
  long *trace = words_alloc(NULL, tsize * sizeof *trace);
  long *v = words_alloc(NULL, (size_t)(2 * dmax + 5) * sizeof *v);
  long off = dmax + 2, found = -1;
  for (long k = 0; k < 2 * dmax + 5; k++)
    v[k] = 0;
  size_t *start = words_alloc(NULL, (size_t)(dmax + 1) * sizeof *start);
  size_t used = 0;
  for (long d = 0; d <= dmax && found < 0; d++) {
    start[d] = used;
    for (long k = -d - 1; k <= d + 1; k++)
      trace[used++] = v[off + k];
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                        : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[alo + (size_t)x] == b[blo + (size_t)y])
        x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    replace(out, alo, ahi, blo, bhi);
  } else {
    size_t first = out->n;
    long x = n, y = m;
    for (long d = found; d >= 0; d--) {
      const long *pv = trace + start[d] + d + 1; /* pv[k] for k in [-d-1, d+1] */
      long k = x - y, pk = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
      long px = d ? pv[pk] : 0, py = d ? px - pk : 0;
      while (x > px && y > py)
        x--, y--, emit(out, EDIT_EQUAL, alo + (size_t)x, blo + (size_t)y);
      if (d == 0)
        break;
      if (x == px)
        emit(out, EDIT_INS, 0, blo + (size_t)--y);
      else
        emit(out, EDIT_DEL, alo + (size_t)--x, 0);
      x = px, y = py;
    }
    reverse(out->v + first, out->n - first);
  }
  free(start);
  free(v);
  free(trace);
}

struct occ {
  uint64_t h;
  size_t i;
};

static int occ_cmp(const void *x, const void *y) {
  const struct occ *p = x, *q = y;
  if (p->h != q->h)
    return p->h < q->h ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

/* Tokens occurring once in A[lo,hi): sorted (hash, index), multiples dropped. */
static size_t uniques(const uint64_t *a, size_t lo, size_t hi, struct occ *out) {
  size_t n = 0;
  for (size_t i = lo; i < hi; i++)
    out[n++] = (struct occ){a[i], i};
  qsort(out, n, sizeof *out, occ_cmp);
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && out[j].h == out[i].h)
      j++;
    if (j == i + 1)
      out[w++] = out[i];
    i = j;
  }
  return w;
}

/* Pairs (ai, bi) of tokens unique on both sides, in the order of A, then
 * the longest run increasing in B (patience sorting). Returns the count;
 * the anchors are in PA/PB. */
/* With weights, the heaviest increasing run instead of the longest (a
 * quadratic programme, for the few blocks of one parent): of two items
 * swapped, the longer stays and the shorter is marked moved. */
#define HEAVIEST_MAX 2048

static size_t heaviest(const struct occ *pairs, size_t np, const size_t *w, size_t *prev,
                       size_t *last) {
  size_t *best = words_alloc(NULL, (np + 1) * sizeof *best), top = 0, len = 0;
  for (size_t p = 0; p < np; p++) {
    best[p] = w[pairs[p].h];
    prev[p] = (size_t)-1;
    for (size_t q = 0; q < p; q++)
      if (pairs[q].i < pairs[p].i && best[q] + w[pairs[p].h] > best[p])
        best[p] = best[q] + w[pairs[p].h], prev[p] = q;
    if (best[p] > best[top])
      top = p;
  }
  for (size_t p = np ? top : (size_t)-1; p != (size_t)-1; p = prev[p])
    len++;
  free(best);
  *last = top;
  return len;
}

static size_t anchors(const uint64_t *a, size_t alo, size_t ahi, const uint64_t *b, size_t blo,
                      size_t bhi, const size_t *w, size_t *pa, size_t *pb) {
  struct occ *ua = words_alloc(NULL, (ahi - alo) * sizeof *ua);
  struct occ *ub = words_alloc(NULL, (bhi - blo) * sizeof *ub);
  size_t na = uniques(a, alo, ahi, ua), nb = uniques(b, blo, bhi, ub), np = 0;
  /* pairs, then sort by position in A */
  struct occ *pairs = words_alloc(NULL, (na < nb ? na : nb) * sizeof *pairs + 1);
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (ua[i].h < ub[j].h)
      i++;
    else if (ua[i].h > ub[j].h)
      j++;
    else
      pairs[np++] = (struct occ){ua[i++].i, ub[j++].i}; /* h holds A's index */
  }
  free(ua);
  free(ub);
  qsort(pairs, np, sizeof *pairs, occ_cmp);
  size_t *tails = words_alloc(NULL, (np + 1) * sizeof *tails);
  size_t *prev = words_alloc(NULL, (np + 1) * sizeof *prev);
  size_t len = 0, p = 0;
  if (w && np <= HEAVIEST_MAX) {
    len = heaviest(pairs, np, w, prev, &p);
    np = 0; /* skip the patience sort */
  }
  for (size_t p = 0; p < np; p++) {
    size_t lo = 0, hi = len;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (pairs[tails[mid]].i < pairs[p].i)
        lo = mid + 1;
      else
        hi = mid;
    }
    prev[p] = lo ? tails[lo - 1] : (size_t)-1;
    tails[lo] = p;
    if (lo == len)
      len++;
  }
  if (np)
    p = len ? tails[len - 1] : 0;
  for (size_t k = len; k-- > 0;) {
    pa[k] = (size_t)pairs[p].h;
    pb[k] = pairs[p].i;
    p = prev[p];
  }
  free(tails);
  free(prev);
  free(pairs);
  return len;
}

/* Anchors inside anchors: a few levels find moved blocks' own unique
 * words; deeper, Myers alone is cheaper than sorting again. */
#define MAX_ANCHOR_DEPTH 6

static void diff_range(const uint64_t *a, size_t alo, size_t ahi, const uint64_t *b, size_t blo,
                       size_t bhi, const size_t *w, struct edits *out, int depth) {
  while (alo < ahi && blo < bhi && a[alo] == b[blo])
    emit(out, EDIT_EQUAL, alo++, blo++);
  size_t tail = 0;
  while (alo < ahi - tail && blo < bhi - tail && a[ahi - 1 - tail] == b[bhi - 1 - tail])
    tail++;
  ahi -= tail, bhi -= tail;
  if (alo == ahi || blo == bhi) {
    replace(out, alo, ahi, blo, bhi);
  } else {
    size_t cap = (ahi - alo < bhi - blo ? ahi - alo : bhi - blo) + 1;
    size_t *pa = words_alloc(NULL, cap * sizeof *pa), *pb = words_alloc(NULL, cap * sizeof *pb);
    size_t n = depth < MAX_ANCHOR_DEPTH ? anchors(a, alo, ahi, b, blo, bhi, w, pa, pb) : 0;
    if (n == 0) {
      myers(a, alo, ahi, b, blo, bhi, out);
    } else {
      size_t i = alo, j = blo;
      for (size_t k = 0; k < n; k++) {
        diff_range(a, i, pa[k], b, j, pb[k], w, out, depth + 1);
        emit(out, EDIT_EQUAL, pa[k], pb[k]);
        i = pa[k] + 1, j = pb[k] + 1;
      }
      diff_range(a, i, ahi, b, j, bhi, w, out, depth + 1);
    }
    free(pa);
    free(pb);
  }
  for (size_t k = 0; k < tail; k++)
    emit(out, EDIT_EQUAL, ahi + k, bhi + k);
}

void seq_diff(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, struct edits *out) {
  diff_range(a, 0, na, b, 0, nb, NULL, out, 0);
}

void seq_diff_weighted(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, const size_t *wa,
                       struct edits *out) {
  diff_range(a, 0, na, b, 0, nb, wa, out, 0);
}

double word_similarity(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  if (na + nb == 0)
    return 1;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (a[i] < b[j])
      i++;
    else if (a[i] > b[j])
      j++;
    else
      common++, i++, j++;
  }
  return 2.0 * (double)common / (double)(na + nb);
}

/* What an ASCII byte is to a token: 0 a space, 1 a word character, 2
 * punctuation (a token of its own). */
static unsigned char ascii_class(unsigned char c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
    return 0;
  return ascii_word[c] ? 1 : 2;
}

#define FNV_PRIME 1099511628211ULL

/* One pass, a byte at a time, with no decoding but for bytes above
 * ASCII: this hashes both whole documents, and was a tenth of a diff. */
uint64_t text_hash(uint64_t h, const char *str, size_t *words, size_t *tokens) {
  const unsigned char *s = (const unsigned char *)str;
  size_t len = strlen(str), n = 0, punct = 0;
  bool in_word = false, space = false;
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    bool word;
    if (c < 0x80) {
      unsigned char k = ascii_class(c);
      i++;
      if (k == 0) {
        space = true;
        in_word = false;
        continue;
      }
      word = k == 1;
      if (space) /* a run of spaces counts as one */
        h = (h ^ ' ') * FNV_PRIME;
      h = (h ^ c) * FNV_PRIME;
    } else {
      size_t next;
      word = is_word_char(decode(s, len, i, &next));
      if (space)
        h = (h ^ ' ') * FNV_PRIME;
      for (; i < next; i++)
        h = (h ^ s[i]) * FNV_PRIME;
    }
    space = false;
    n += word && !in_word;
    punct += !word;
    in_word = word;
  }
  if (space)
    h = (h ^ ' ') * FNV_PRIME;
  *words += n;
  *tokens += n + punct;
  return h;
}

static void hashes_push(struct hashes *out, uint64_t h) {
  if (out->n == out->cap) {
    out->cap = out->cap ? 2 * out->cap : 32;
    out->v = words_alloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = h;
}

void text_word_hashes(const char *str, size_t len, struct hashes *out) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    unsigned char k = c < 0x80 ? ascii_class(c) : 1;
    if (k == 0) {
      i++;
      continue;
    }
    uint64_t h = HASH_SEED;
    size_t end = i + 1;
    if (k == 2) {
      h = (h ^ c) * FNV_PRIME;
    } else {
      /* a word: its ASCII letters hashed as they are read */
      for (end = i; end < len && s[end] < 0x80 && ascii_class(s[end]) == 1; end++)
        h = (h ^ s[end]) * FNV_PRIME;
      if (end < len && s[end] >= 0x80) {
        enum token_kind kind;
        size_t more = token_end(str, len, end, &kind);
        if (end == i || kind == TOKEN_WORD) /* the token starts, or goes on, above ASCII */
          end = more;
        h = hash_bytes(HASH_SEED, s + i, end - i);
      }
    }
    /* the low 32 bits: enough to tell a block's words apart, and half
     * the passes of the radix sort */
    hashes_push(out, h & 0xFFFFFFFFu);
    i = end;
  }
}

/* Least significant byte first, a counting pass per byte; the passes in
 * which every value has the same byte are skipped. */
void hashes_sort(uint64_t *v, size_t n) {
  if (n < 48) {
    for (size_t i = 1; i < n; i++) {
      uint64_t x = v[i];
      size_t j = i;
      for (; j > 0 && v[j - 1] > x; j--)
        v[j] = v[j - 1];
      v[j] = x;
    }
    return;
  }
  uint64_t *tmp = words_alloc(NULL, n * sizeof *tmp), *from = v, *to = tmp;
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++)
      count[((from[i] >> shift) & 0xFF) + 1]++;
    if (count[((from[0] >> shift) & 0xFF) + 1] == n)
      continue;
    for (int d = 0; d < 256; d++)
      count[d + 1] += count[d];
    for (size_t i = 0; i < n; i++)
      to[count[(from[i] >> shift) & 0xFF]++] = from[i];
    uint64_t *t = from;
    from = to;
    to = t;
  }
  if (from != v)
    memcpy(v, from, n * sizeof *v);
  free(tmp);
}
