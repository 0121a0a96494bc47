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
  uint64_t *words; /* its word hashes, sorted */
  size_t nwords, cap;
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

void match_children(xmlNodePtr oldp, xmlNodePtr newp, struct matches *out) {
  struct block *old, *new;
  size_t no = blocks_of(oldp, &old), nn = blocks_of(newp, &new);
  uint64_t *ka = words_alloc(NULL, (no + 1) * sizeof *ka);
  uint64_t *kb = words_alloc(NULL, (nn + 1) * sizeof *kb);
  for (size_t i = 0; i < no; i++)
    ka[i] = old[i].key;
  for (size_t j = 0; j < nn; j++)
    kb[j] = new[j].key;
  struct edits e = {0};
  seq_diff(ka, no, kb, nn, &e);
  /* between equal blocks, the changed ones: a region of each side */
  size_t i = 0, j = 0;
  for (size_t k = 0; k <= e.n; k++) {
    if (k < e.n && e.v[k].op != EDIT_EQUAL)
      continue;
    size_t ai = k < e.n ? e.v[k].a : no, bj = k < e.n ? e.v[k].b : nn;
    pair_region(old + i, ai - i, new + j, bj - j, out);
    if (k < e.n)
      add(out, MATCH_BOTH, old[ai].node, new[bj].node);
    i = ai + 1, j = bj + 1;
  }
  edits_free(&e);
  free(ka);
  free(kb);
  blocks_free(old, no);
  blocks_free(new, nn);
}
