#include "authoring/match.h"

#include <stdlib.h>
#include <string.h>

#include "authoring/words.h"
#include "core/doc.h"

bool match_markable(const xmlNode *n) {
  static const char *const names[] = {"item", "section", "p", "list", "annex", "event"};
  if (is_el(n, "section") && is_el(n->parent, "proposal"))
    return false; /* a cover section cannot be marked as a whole */
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (is_el(n, names[i]))
      return true;
  return false;
}

void matches_free(struct matches *m) {
  free(m->v);
  m->v = NULL;
  m->n = m->cap = 0;
}

static void add(struct matches *m, enum match_kind kind, xmlNodePtr old, xmlNodePtr new) {
  if (m->n == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 16;
    m->v = words_alloc(m->v, m->cap * sizeof *m->v);
  }
  m->v[m->n++] = (struct match){kind, old, new};
}

/* ------------------------------------------------------------ summaries */

struct block {
  xmlNodePtr node;
  uint64_t key;    /* the element's name, structure and words */
  uint64_t *words; /* its word and punctuation hashes, sorted */
  size_t nwords, cap;
  size_t weight; /* its words alone: what marking it whole costs */
};

static void add_word(struct block *b, uint64_t h) {
  if (b->nwords == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 32;
    b->words = words_alloc(b->words, b->cap * sizeof *b->words);
  }
  b->words[b->nwords++] = h;
}

static void summarise_text(struct block *b, const char *s) {
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    enum token_kind kind;
    size_t end = token_end(s, len, i, &kind);
    if (kind == TOKEN_SPACE) {
      b->key = hash_bytes(b->key, " ", 1);
    } else {
      uint64_t h = hash_bytes(HASH_SEED, s + i, end - i);
      b->weight += kind == TOKEN_WORD;
      b->key = hash_bytes(b->key, &h, sizeof h);
      add_word(b, h);
    }
    i = end;
  }
}

static void summarise(struct block *b, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      summarise_text(b, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      b->key = hash_bytes(b->key, c->name, strlen((const char *)c->name) + 1);
      const char *to = attr(c, "to");
      if (to)
        b->key = hash_bytes(b->key, to, strlen(to) + 1);
      summarise(b, c);
      b->key = hash_bytes(b->key, "/", 1);
    }
  }
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
  return p < q ? -1 : p > q;
}

static size_t blocks_of(xmlNodePtr parent, struct block **out) {
  size_t n = 0;
  for (xmlNodePtr c = parent ? first_el(parent) : NULL; c; c = next_el(c))
    n++;
  struct block *v = words_alloc(NULL, (n + 1) * sizeof *v);
  size_t i = 0;
  for (xmlNodePtr c = parent ? first_el(parent) : NULL; c; c = next_el(c), i++) {
    v[i] = (struct block){.node = c, .key = HASH_SEED};
    v[i].key = hash_bytes(v[i].key, c->name, strlen((const char *)c->name) + 1);
    summarise(&v[i], c);
    qsort(v[i].words, v[i].nwords, sizeof *v[i].words, u64_cmp);
  }
  *out = v;
  return n;
}

static void blocks_free(struct block *v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i].words);
  free(v);
}

/* ------------------------------------------------------------ pairing */

/* Below this share of common words two blocks are different blocks. */
#define PAIR_THRESHOLD 0.5
/* Regions larger than this (olds × news) are not paired word by word:
 * only blocks that have a sole namesake slot are. */
#define PAIR_MAX_CELLS 40000

/* A section, list or annex, or an item holding a list: blocks that grow
 * and shrink by whole blocks. */
static bool holds_blocks(const xmlNode *n) {
  if (is_el(n, "section") || is_el(n, "list") || is_el(n, "annex"))
    return true;
  return is_el(n, "item") && child_el(n, "list");
}

/* The share of the smaller multiset found in the larger. */
static double containment(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t small = na < nb ? na : nb;
  if (!small)
    return 0;
  return word_similarity(a, na, b, nb) * (double)(na + nb) / (2.0 * (double)small);
}

/* How much pairing O with N is worth; 0: never. */
static double pair_score(const struct block *o, const struct block *n) {
  if (!xmlStrEqual(o->node->name, n->node->name))
    return 0;
  if (!match_markable(o->node))
    return 2; /* a heading, a call, a title: one slot, always paired */
  double s = word_similarity(o->words, o->nwords, n->words, n->nwords);
  if (holds_blocks(o->node) && holds_blocks(n->node)) {
    /* a section that grew by ten items is still that section */
    double c = containment(o->words, o->nwords, n->words, n->nwords);
    s = c * 0.9 > s ? c * 0.9 : s;
  }
  return s >= PAIR_THRESHOLD ? s : 0;
}

/* Pairs OLD[0,no) with NEW[0,nn) keeping their order, maximising the
 * summed scores; appends pairs, deletions and insertions in order
 * (deletions before insertions where both fall at one place). */
static void pair_region(const struct block *old, size_t no, const struct block *new, size_t nn,
                        struct matches *out) {
  if (no == 1 && nn == 1 && xmlStrEqual(old->node->name, new->node->name)) {
    /* one block replaced by one of its kind where it stood: changed */
    add(out, MATCH_BOTH, old->node, new->node);
    return;
  }
  if (no * nn == 0 || no * nn > PAIR_MAX_CELLS) {
    for (size_t i = 0; i < no; i++)
      add(out, MATCH_OLD, old[i].node, NULL);
    for (size_t j = 0; j < nn; j++)
      add(out, MATCH_NEW, NULL, new[j].node);
    return;
  }
  size_t w = nn + 1;
  double *best = words_alloc(NULL, (no + 1) * w * sizeof *best);
  double *score = words_alloc(NULL, no * nn * sizeof *score);
  for (size_t i = 0; i < no; i++)
    for (size_t j = 0; j < nn; j++)
      score[i * nn + j] = pair_score(&old[i], &new[j]);
  /* best[i][j]: the best over old[i..] and new[j..] */
  for (size_t i = no + 1; i-- > 0;)
    for (size_t j = nn + 1; j-- > 0;) {
      double b = 0;
      if (i < no && best[(i + 1) * w + j] > b)
        b = best[(i + 1) * w + j];
      if (j < nn && best[i * w + j + 1] > b)
        b = best[i * w + j + 1];
      if (i < no && j < nn && score[i * nn + j] > 0 &&
          score[i * nn + j] + best[(i + 1) * w + j + 1] > b)
        b = score[i * nn + j] + best[(i + 1) * w + j + 1];
      best[i * w + j] = b;
    }
  size_t i = 0, j = 0;
  while (i < no || j < nn) {
    double here = best[i * w + j];
    if (i < no && j < nn && score[i * nn + j] > 0 &&
        here == score[i * nn + j] + best[(i + 1) * w + j + 1]) {
      add(out, MATCH_BOTH, old[i].node, new[j].node);
      i++, j++;
    } else if (i < no && here == best[(i + 1) * w + j]) {
      add(out, MATCH_OLD, old[i++].node, NULL);
    } else {
      add(out, MATCH_NEW, NULL, new[j++].node);
    }
  }
  free(best);
  free(score);
}

/* A pair of blocks kept in place, and what keeping it saves. */
struct cand {
  size_t o, n;
  double weight;
};

static int cand_cmp(const void *x, const void *y) {
  const struct cand *p = x, *q = y;
  return p->o < q->o ? -1 : p->o > q->o;
}

/* Beyond this many candidate pairs, moved-and-changed blocks are not
 * looked for (the heaviest increasing run is quadratic). */
#define MOVES_MAX 2048

/* Blocks that the exact alignment left aside but that are alike (the
 * best partner of each other): an item both moved and changed, or an
 * item that stays while another moves past it. Appends them to C. */
static size_t alike(const struct block *old, size_t no, const struct block *new, size_t nn,
                    const bool *used_o, const bool *used_n, struct cand *c, size_t nc) {
  size_t uo = 0, un = 0;
  for (size_t i = 0; i < no; i++)
    uo += !used_o[i] && match_markable(old[i].node);
  for (size_t j = 0; j < nn; j++)
    un += !used_n[j] && match_markable(new[j].node);
  if (!uo || !un || uo * un > PAIR_MAX_CELLS)
    return nc;
  size_t *best_n = words_alloc(NULL, (no + 1) * sizeof *best_n);
  double *score_n = words_alloc(NULL, (no + 1) * sizeof *score_n);
  for (size_t i = 0; i < no; i++) {
    best_n[i] = (size_t)-1;
    score_n[i] = 0;
    if (used_o[i] || !match_markable(old[i].node))
      continue;
    for (size_t j = 0; j < nn; j++) {
      if (used_n[j] || !match_markable(new[j].node))
        continue;
      double sc = pair_score(&old[i], &new[j]);
      if (sc > score_n[i])
        score_n[i] = sc, best_n[i] = j;
    }
  }
  for (size_t i = 0; i < no; i++) {
    size_t j = best_n[i];
    if (j == (size_t)-1)
      continue;
    bool mutual = true; /* no other old block likes J better */
    for (size_t k = 0; k < no && mutual; k++)
      mutual = k == i || best_n[k] != j || score_n[k] < score_n[i];
    if (mutual)
      c[nc++] = (struct cand){i, j, score_n[i] * (double)(old[i].weight + 1)};
  }
  free(best_n);
  free(score_n);
  return nc;
}

/* Keeps the heaviest run of candidates increasing on both sides; marks
 * KEEP. C is sorted by old position. */
static void heaviest_run(const struct cand *c, size_t nc, bool *keep) {
  double *best = words_alloc(NULL, (nc + 1) * sizeof *best);
  size_t *prev = words_alloc(NULL, (nc + 1) * sizeof *prev), top = 0;
  for (size_t p = 0; p < nc; p++) {
    best[p] = c[p].weight;
    prev[p] = (size_t)-1;
    for (size_t q = 0; q < p; q++)
      if (c[q].n < c[p].n && best[q] + c[p].weight > best[p])
        best[p] = best[q] + c[p].weight, prev[p] = q;
    if (best[p] > best[top])
      top = p;
  }
  for (size_t p = nc ? top : (size_t)-1; p != (size_t)-1; p = prev[p])
    keep[p] = true;
  free(best);
  free(prev);
}

void match_children(xmlNodePtr oldp, xmlNodePtr newp, struct matches *out) {
  struct block *old, *new;
  size_t no = blocks_of(oldp, &old), nn = blocks_of(newp, &new);
  uint64_t *ka = words_alloc(NULL, (no + 1) * sizeof *ka);
  uint64_t *kb = words_alloc(NULL, (nn + 1) * sizeof *kb);
  size_t *wa = words_alloc(NULL, (no + 1) * sizeof *wa);
  for (size_t i = 0; i < no; i++)
    ka[i] = old[i].key, wa[i] = old[i].weight + 1;
  for (size_t j = 0; j < nn; j++)
    kb[j] = new[j].key;
  struct edits e = {0};
  seq_diff_weighted(ka, no, kb, nn, wa, &e);
  /* the equal blocks, then the alike ones: the heaviest run of them stays */
  struct cand *c = words_alloc(NULL, (no + e.n + 1) * sizeof *c);
  bool *used_o = calloc(no + 1, 1), *used_n = calloc(nn + 1, 1);
  size_t nc = 0;
  for (size_t k = 0; k < e.n; k++)
    if (e.v[k].op == EDIT_EQUAL) {
      c[nc++] = (struct cand){e.v[k].a, e.v[k].b, (double)wa[e.v[k].a]};
      used_o[e.v[k].a] = used_n[e.v[k].b] = true;
    }
  size_t exact = nc;
  if (nc < MOVES_MAX && used_o && used_n)
    nc = alike(old, no, new, nn, used_o, used_n, c, nc);
  bool *keep = calloc(nc + 1, 1);
  if (nc > exact && keep) {
    qsort(c, nc, sizeof *c, cand_cmp);
    heaviest_run(c, nc, keep);
  } else if (keep) {
    memset(keep, 1, nc); /* the exact alignment is increasing already */
  }
  /* between the blocks kept, the rest: a region of each side */
  size_t i = 0, j = 0;
  for (size_t k = 0; k <= nc; k++) {
    if (k < nc && !keep[k])
      continue;
    size_t ai = k < nc ? c[k].o : no, bj = k < nc ? c[k].n : nn;
    pair_region(old + i, ai - i, new + j, bj - j, out);
    if (k < nc)
      add(out, MATCH_BOTH, old[ai].node, new[bj].node);
    i = ai + 1, j = bj + 1;
  }
  free(keep);
  free(used_o);
  free(used_n);
  free(c);
  edits_free(&e);
  free(wa);
  free(ka);
  free(kb);
  blocks_free(old, no);
  blocks_free(new, nn);
}
