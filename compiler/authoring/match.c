#include "authoring/match.h"

#include <stdlib.h>
#include <string.h>

#include "authoring/words.h"
#include "core/doc.h"
#include "core/xalloc.h"

/* Only spaces: the indentation between blocks, which says nothing. */
static bool blank(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  return !*s;
}

bool match_inline_block(const xmlNode *n) {
  static const char *const names[] = {"p",     "call",     "title",   "number", "note", "authority",
                                      "event", "subtitle", "adopted", "name",   "role"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (is_el(n, names[i]))
      return true;
  /* an element the vocabulary may gain (a table's cell): text in it is
   * running text, never dropped as indentation */
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE && !blank((const char *)c->content))
      return true;
  return false;
}

bool match_markable(const xmlNode *n) {
  static const char *const names[] = {"item",  "section", "p",     "list",
                                      "annex", "event",   "table", "row"};
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

/* What matching needs of a block: a hash of its name, structure and words
 * (equal for equal blocks) and its count of words, computed once per node
 * from its children's (a match descends level by level, and hashing each
 * level's whole text again made the diff of a long document quadratic in
 * its depth). */
struct summary {
  const xmlNode *node;
  uint64_t key;
  size_t weight, tokens; /* its words; its words and punctuation */
};

struct match_cache {
  struct summary *v;
  size_t n, cap; /* cap: a power of two */
};

struct match_cache *match_cache_new(void) {
  struct match_cache *c = words_alloc(NULL, sizeof *c);
  c->n = 0;
  c->cap = 1024;
  c->v = xcalloc(c->cap, sizeof *c->v);
  if (!c->v)
    c->v = words_alloc(NULL, 1), c->cap = 0; /* never reached in practice */
  return c;
}

void match_cache_free(struct match_cache *c) {
  if (c)
    free(c->v);
  free(c);
}

static size_t slot(const struct match_cache *c, const xmlNode *n) {
  uint64_t h = (uint64_t)(uintptr_t)n * 11400714819323198485ULL;
  size_t i = (size_t)(h >> 20) & (c->cap - 1);
  while (c->v[i].node && c->v[i].node != n)
    i = (i + 1) & (c->cap - 1);
  return i;
}

static void cache_put(struct match_cache *c, struct summary s) {
  if (2 * (c->n + 1) > c->cap) {
    struct match_cache big = {xcalloc(2 * c->cap, sizeof *c->v), 0, 2 * c->cap};
    if (!big.v)
      words_alloc(NULL, (size_t)-1 / 2); /* out of memory: exits */
    for (size_t i = 0; i < c->cap; i++)
      if (c->v[i].node)
        big.v[slot(&big, c->v[i].node)] = c->v[i];
    free(c->v);
    c->v = big.v;
    c->cap = big.cap;
  }
  c->v[slot(c, s.node)] = s;
  c->n++;
}

/* A hash of N's attributes but its labels, change and id: what the
 * merged block cannot hold twice. Two blocks of which one has
 * numbering="arabic" and the other none are two blocks: the merge keeps
 * NEW's attributes, and OLD's view would lose its own. */
static uint64_t attrs_key(const xmlNode *n) {
  uint64_t h = HASH_SEED;
  for (const xmlAttr *p = n->properties; p; p = p->next) {
    const char *name = (const char *)p->name;
    if (!p->ns && (strcmp(name, "num") == 0 || strcmp(name, "was") == 0 ||
                   strcmp(name, "change") == 0 || strcmp(name, "id") == 0))
      continue;
    h = hash_bytes(h, name, strlen(name) + 1);
    for (const xmlNode *t = p->children; t; t = t->next)
      if (t->content)
        h = hash_bytes(h, t->content, strlen((const char *)t->content));
    h = hash_bytes(h, "", 1);
  }
  return h;
}

static struct summary summary_of(struct match_cache *c, const xmlNode *n) {
  size_t i = slot(c, n);
  if (c->v[i].node)
    return c->v[i];
  struct summary s = {n, hash_bytes(HASH_SEED, n->name, strlen((const char *)n->name) + 1), 0, 0};
  s.key = hash_bytes(s.key, &(uint64_t){attrs_key(n)}, sizeof(uint64_t));
  bool running = match_inline_block(n) || is_el(n, "footnote");
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_TEXT_NODE && (running || !blank((const char *)ch->content))) {
      s.key = text_hash(s.key, (const char *)ch->content, &s.weight, &s.tokens);
    } else if (ch->type == XML_ELEMENT_NODE) {
      struct summary cs = summary_of(c, ch);
      s.key = hash_bytes(s.key, &cs.key, sizeof cs.key);
      s.weight += cs.weight;
      s.tokens += cs.tokens;
    }
  }
  s.key = hash_bytes(s.key, "/", 1);
  cache_put(c, s);
  return s;
}

bool match_equal(struct match_cache *c, const xmlNode *a, const xmlNode *b) {
  return summary_of(c, a).key == summary_of(c, b).key;
}

struct block {
  xmlNodePtr node;
  uint64_t key;        /* the element's name, structure and words */
  size_t weight;       /* its words alone: what marking it whole costs */
  size_t tokens;       /* its words and punctuation: the size of WORDS */
  struct hashes words; /* its word and punctuation hashes, sorted; made when asked */
  bool has_words;
};

static void gather(struct hashes *w, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE)
      gather(w, c);
    else if (c->type == XML_TEXT_NODE)
      text_word_hashes((const char *)c->content, strlen((const char *)c->content), w);
  }
}

/* The sorted words of B, for comparing it with a block alike. */
static void need_words(struct block *b) {
  if (b->has_words)
    return;
  gather(&b->words, b->node);
  hashes_sort(b->words.v, b->words.n);
  b->has_words = true;
}

static size_t blocks_of(struct match_cache *c, xmlNodePtr parent, struct block **out) {
  size_t n = 0;
  for (xmlNodePtr ch = parent ? first_el(parent) : NULL; ch; ch = next_el(ch))
    n++;
  struct block *v = words_alloc(NULL, (n + 1) * sizeof *v);
  size_t i = 0;
  for (xmlNodePtr ch = parent ? first_el(parent) : NULL; ch; ch = next_el(ch), i++) {
    struct summary s = summary_of(c, ch);
    v[i] = (struct block){.node = ch, .key = s.key, .weight = s.weight, .tokens = s.tokens};
  }
  *out = v;
  return n;
}

static void blocks_free(struct block *v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i].words.v);
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

/* A child of a block holding blocks, as comparing two such blocks sees it. */
struct child {
  uint64_t key;
  size_t tokens;
  const xmlNode *node;
  bool markable, shared;
};

static int child_cmp(const void *x, const void *y) {
  const struct child *p = x, *q = y;
  return p->key < q->key ? -1 : p->key > q->key;
}

/* N's element children, sorted by key; their count in *N_OUT. */
static struct child *children_of(struct match_cache *mc, const xmlNode *n, size_t *n_out) {
  size_t k = 0;
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    k++;
  struct child *v = words_alloc(NULL, (k + 1) * sizeof *v);
  k = 0;
  for (const xmlNode *c = first_el(n); c; c = next_el(c), k++) {
    struct summary s = summary_of(mc, c);
    v[k] = (struct child){s.key, s.tokens, c, match_markable(c), false};
  }
  qsort(v, k, sizeof *v, child_cmp);
  *n_out = k;
  return v;
}

/* The words of N outside its children marked shared (its own text, and
 * the children found unchanged on the other side left out), sorted. */
static void unshared_words(const xmlNode *n, const struct child *v, size_t k, struct hashes *w) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE)
      text_word_hashes((const char *)c->content, strlen((const char *)c->content), w);
  for (size_t i = 0; i < k; i++)
    if (!v[i].shared)
      gather(w, v[i].node);
  hashes_sort(w->v, w->n);
}

/* Two blocks holding blocks compared. *KEPT: the share of the smaller
 * one's blocks found unchanged in the other (a section that grew by ten
 * items, or lost some, is still that section). *DICE: the share of
 * words in common, as word_similarity of their whole words gives it, but
 * with the children equal on both sides counted whole, unread (the
 * intersection of two multisets splits so); 0 unless MAY. */
static void compare_blocks(struct match_cache *mc, struct block *o, struct block *n, bool may,
                           double *kept, double *dice) {
  size_t ko, kn, shared = 0, common = 0, mo = 0, mn = 0;
  struct child *co = children_of(mc, o->node, &ko), *cn = children_of(mc, n->node, &kn);
  for (size_t i = 0; i < ko; i++)
    mo += co[i].markable;
  for (size_t j = 0; j < kn; j++)
    mn += cn[j].markable;
  for (size_t i = 0, j = 0; i < ko && j < kn;) {
    if (co[i].key < cn[j].key) {
      i++;
    } else if (co[i].key > cn[j].key) {
      j++;
    } else {
      co[i].shared = cn[j].shared = true;
      shared += co[i].tokens;
      common += co[i].markable;
      i++, j++;
    }
  }
  size_t small = mo < mn ? mo : mn;
  *kept = small ? (double)common / (double)small : 0;
  *dice = 0;
  if (!may) {
    /* too unlike in size for their words to count */
  } else if (!shared) {
    /* nothing in common whole: the blocks' own words, kept for the
     * other comparisons of this region */
    need_words(o);
    need_words(n);
    *dice = word_similarity(o->words.v, o->words.n, n->words.v, n->words.n);
  } else {
    struct hashes wo = {0}, wn = {0};
    unshared_words(o->node, co, ko, &wo);
    unshared_words(n->node, cn, kn, &wn);
    double d = word_similarity(wo.v, wo.n, wn.v, wn.n) * (double)(wo.n + wn.n);
    *dice =
        o->tokens + n->tokens ? (2.0 * (double)shared + d) / (double)(o->tokens + n->tokens) : 1;
    free(wo.v);
    free(wn.v);
  }
  free(co);
  free(cn);
}

/* How much pairing O with N is worth (0: never): the share of words they
 * have in common, or for two blocks holding blocks the share of blocks
 * the smaller keeps whole if that is more. Both measures are on one
 * scale, so that a section keeping half its items unchanged does not
 * lose to another section with the same number of words in common. */
static double pair_score(struct match_cache *mc, struct block *o, struct block *n) {
  if (!xmlStrEqual(o->node->name, n->node->name))
    return 0;
  if (!match_markable(o->node))
    return 2; /* a heading, a call, a title: one slot, always paired */
  if (attrs_key(o->node) != attrs_key(n->node))
    return 0;
  bool blocks = holds_blocks(o->node) && holds_blocks(n->node);
  size_t lo = o->weight < n->weight ? o->weight : n->weight;
  if (!blocks && 5 * (lo + 1) < o->weight + n->weight + 2)
    return 0; /* one is more than four times the other: Dice is below 0.4 */
  /* Dice is at most 2 min / sum: below the threshold, no word is read */
  size_t tlo = o->tokens < n->tokens ? o->tokens : n->tokens;
  bool may = (double)(2 * tlo) >= PAIR_THRESHOLD * (double)(o->tokens + n->tokens);
  double kept = 0, dice = 0;
  if (blocks) {
    compare_blocks(mc, o, n, may, &kept, &dice);
  } else if (may) {
    need_words(o);
    need_words(n);
    dice = word_similarity(o->words.v, o->words.n, n->words.v, n->words.n);
  }
  double s = kept > dice ? kept : dice;
  return s >= PAIR_THRESHOLD ? s : 0;
}

/* Beyond this many word comparisons, a region is paired in one pass
 * rather than by the dynamic programme, and blocks moved and changed are
 * not looked for. */
#define PAIR_BUDGET 4000000

/* The word comparisons of comparing every block of A with every one of B. */
static bool within_budget(const struct block *a, size_t na, const struct block *b, size_t nb) {
  if (na * nb > PAIR_MAX_CELLS)
    return false;
  size_t wa = 0, wb = 0;
  for (size_t i = 0; i < na; i++)
    wa += a[i].weight + 1;
  for (size_t j = 0; j < nb; j++)
    wb += b[j].weight + 1;
  return wa * nb + wb * na <= PAIR_BUDGET;
}

/* One pass along the region: a block is paired with the one facing it
 * when they are alike, else the side whose next block is alike to the
 * other's goes on. Linear in the number of blocks. */
static void pair_along(struct match_cache *mc, struct block *old, size_t no, struct block *new,
                       size_t nn, struct matches *out) {
  size_t i = 0, j = 0;
  while (i < no && j < nn) {
    if (pair_score(mc, &old[i], &new[j]) > 0) {
      add(out, MATCH_BOTH, old[i].node, new[j].node);
      i++, j++;
    } else if (j + 1 < nn && pair_score(mc, &old[i], &new[j + 1]) > 0) {
      add(out, MATCH_NEW, NULL, new[j++].node);
    } else {
      add(out, MATCH_OLD, old[i++].node, NULL);
    }
  }
  for (; i < no; i++)
    add(out, MATCH_OLD, old[i].node, NULL);
  for (; j < nn; j++)
    add(out, MATCH_NEW, NULL, new[j].node);
}

/* Pairs OLD[0,no) with NEW[0,nn) keeping their order, maximising the
 * summed scores; appends pairs, deletions and insertions in order
 * (deletions before insertions where both fall at one place). */
static void pair_region(struct match_cache *mc, struct block *old, size_t no, struct block *new,
                        size_t nn, struct matches *out) {
  if (no == 1 && nn == 1 && xmlStrEqual(old->node->name, new->node->name) &&
      (!match_markable(old->node) || attrs_key(old->node) == attrs_key(new->node))) {
    /* one block replaced by one of its kind where it stood: changed */
    add(out, MATCH_BOTH, old->node, new->node);
    return;
  }
  if (no * nn == 0 || !within_budget(old, no, new, nn)) {
    pair_along(mc, old, no, new, nn, out);
    return;
  }
  size_t w = nn + 1;
  double *best = words_alloc(NULL, (no + 1) * w * sizeof *best);
  double *score = words_alloc(NULL, no * nn * sizeof *score);
  for (size_t i = 0; i < no; i++)
    for (size_t j = 0; j < nn; j++)
      score[i * nn + j] = pair_score(mc, &old[i], &new[j]);
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

/* What keeping O and N in place saves: the words left unmarked, all of
 * O's for an equal pair (N NULL), the share SCORE of the two's for a
 * pair alike. One scale for both (and for the anchors seq_diff_weighted
 * chose), so that of an item moved and another moved and changed, the
 * one whose marks would cost more words stays. */
static double kept_words(const struct block *o, const struct block *n, double score) {
  double size = n ? (double)(o->weight + n->weight) / 2.0 : (double)o->weight;
  return score * (size + 1);
}

/* Beyond this many candidate pairs, moved-and-changed blocks are not
 * looked for (the heaviest increasing run is quadratic). */
#define MOVES_MAX 2048

/* Blocks that the exact alignment left aside but that are alike (the
 * best partner of each other): an item both moved and changed, or an
 * item that stays while another moves past it. Appends them to C. */
static size_t alike(struct match_cache *mc, struct block *old, size_t no, struct block *new,
                    size_t nn, const bool *used_o, const bool *used_n, struct cand *c, size_t nc) {
  size_t uo = 0, un = 0;
  for (size_t i = 0; i < no; i++)
    uo += !used_o[i] && match_markable(old[i].node);
  for (size_t j = 0; j < nn; j++)
    un += !used_n[j] && match_markable(new[j].node);
  if (!uo || !un || uo * un > PAIR_MAX_CELLS || !within_budget(old, no, new, nn))
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
      double sc = pair_score(mc, &old[i], &new[j]);
      if (sc > score_n[i])
        score_n[i] = sc, best_n[i] = j;
    }
  }
  /* the old block that likes each new one best */
  size_t *taker = words_alloc(NULL, (nn + 1) * sizeof *taker);
  for (size_t j = 0; j < nn; j++)
    taker[j] = (size_t)-1;
  for (size_t i = 0; i < no; i++) {
    size_t j = best_n[i];
    if (j != (size_t)-1 && (taker[j] == (size_t)-1 || score_n[i] > score_n[taker[j]]))
      taker[j] = i;
  }
  for (size_t i = 0; i < no; i++) {
    size_t j = best_n[i];
    if (j != (size_t)-1 && taker[j] == i)
      c[nc++] = (struct cand){i, j, kept_words(&old[i], &new[j], score_n[i])};
  }
  free(taker);
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

void match_children(struct match_cache *mc, xmlNodePtr oldp, xmlNodePtr newp, struct matches *out) {
  struct block *old, *new;
  size_t no = blocks_of(mc, oldp, &old), nn = blocks_of(mc, newp, &new);
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
  bool *used_o = xcalloc(no + 1, 1), *used_n = xcalloc(nn + 1, 1);
  size_t nc = 0;
  for (size_t k = 0; k < e.n; k++)
    if (e.v[k].op == EDIT_EQUAL) {
      c[nc++] = (struct cand){e.v[k].a, e.v[k].b, kept_words(&old[e.v[k].a], NULL, 1)};
      used_o[e.v[k].a] = used_n[e.v[k].b] = true;
    }
  size_t exact = nc;
  if (nc < MOVES_MAX && used_o && used_n)
    nc = alike(mc, old, no, new, nn, used_o, used_n, c, nc);
  bool *keep = xcalloc(nc + 1, 1);
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
    pair_region(mc, old + i, ai - i, new + j, bj - j, out);
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
