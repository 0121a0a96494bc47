#include "authoring/diff.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/match.h"
#include "authoring/relabel.h"
#include "authoring/words.h"
#include "core/doc.h"
#include "core/symbol.h"

struct builder {
  xmlDocPtr doc;
  xmlNsPtr ns;
  struct match_cache *cache;
  xmlHashTablePtr new_ids; /* ids of NEW: a deleted copy must not repeat one */
};

static bool is_format(const xmlNode *n) {
  return is_el(n, "em") || is_el(n, "strong") || is_el(n, "sup") || is_el(n, "sub");
}

static xmlNodePtr new_el(struct builder *b, xmlNodePtr parent, const xmlChar *name) {
  xmlNodePtr e = xmlNewDocNode(b->doc, b->ns, name, NULL);
  if (parent)
    xmlAddChild(parent, e);
  return e;
}

static void add_text(struct builder *b, xmlNodePtr parent, const char *s, size_t len) {
  xmlNodePtr last = parent->last;
  if (last && last->type == XML_TEXT_NODE)
    xmlNodeAddContentLen(last, (const xmlChar *)s, (int)len);
  else
    xmlAddChild(parent, xmlNewDocTextLen(b->doc, (const xmlChar *)s, (int)len));
}

/* ------------------------------------------------------------ attributes */

enum copy_mode { COPY_PLAIN, COPY_DEL, COPY_INS };

static void copy_attrs(struct builder *b, xmlNodePtr to, const xmlNode *from, enum copy_mode mode) {
  for (xmlAttrPtr p = from->properties; p; p = p->next) {
    const char *name = (const char *)p->name;
    if (!p->ns &&
        (strcmp(name, "num") == 0 || strcmp(name, "was") == 0 || strcmp(name, "change") == 0))
      continue;
    xmlChar *v = xmlNodeGetContent((const xmlNode *)p);
    if (!p->ns && strcmp(name, "id") == 0 && mode == COPY_DEL && b->new_ids &&
        xmlHashLookup(b->new_ids, v)) {
      xmlFree(v); /* the block moved: the id goes with its new place */
      continue;
    }
    if (p->ns)
      xmlSetNsProp(to, xmlSearchNsByHref(b->doc, to, p->ns->href), p->name, v);
    else
      xmlSetProp(to, p->name, v);
    xmlFree(v);
  }
  /* labels: num is the amended label, was the original one */
  const char *num = attr(from, "num"), *was = attr(from, "was");
  if (mode == COPY_DEL && (num || was))
    xmlSetProp(to, (const xmlChar *)"was", (const xmlChar *)(was ? was : num));
  if (mode != COPY_DEL && num)
    xmlSetProp(to, (const xmlChar *)"num", (const xmlChar *)num);
}

/* A deep copy of SRC under PARENT; inside a deleted or inserted block
 * labels follow the block's side. */
static xmlNodePtr copy_tree(struct builder *b, const xmlNode *src, xmlNodePtr parent,
                            enum copy_mode mode) {
  if (src->type == XML_TEXT_NODE) {
    add_text(b, parent, (const char *)src->content, strlen((const char *)src->content));
    return NULL;
  }
  if (src->type != XML_ELEMENT_NODE)
    return NULL;
  xmlNodePtr e = new_el(b, parent, src->name);
  copy_attrs(b, e, src, mode);
  for (const xmlNode *c = src->children; c; c = c->next)
    copy_tree(b, c, e, mode);
  return e;
}

void diff_indent(xmlDocPtr doc, xmlNodePtr e, int depth) {
  char buf[130];
  int n = depth + 1 < 64 ? depth + 1 : 64;
  buf[0] = '\n';
  memset(buf + 1, ' ', (size_t)(2 * n));
  for (xmlNodePtr c = e->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      xmlAddPrevSibling(c, xmlNewDocTextLen(doc, (const xmlChar *)buf, 1 + 2 * n));
  if (e->children)
    xmlAddChild(e, xmlNewDocTextLen(doc, (const xmlChar *)buf, 1 + 2 * (n - 1)));
}

/* ------------------------------------------------------------ inline */

enum tok_kind { TOK_TEXT, TOK_NODE };
struct tok {
  uint64_t key;
  enum tok_kind kind;
  bool space;
  const char *s; /* TOK_TEXT: the bytes */
  size_t len;
  const xmlNode *node; /* TOK_NODE: the element (ref, footnote …) */
  const xmlNode *fmt;  /* innermost em/strong/sup/sub around it, or NULL */
};
struct toks {
  struct tok *v;
  size_t n, cap;
};

static void push(struct toks *t, struct tok k) {
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 64;
    t->v = words_alloc(t->v, t->cap * sizeof *t->v);
  }
  t->v[t->n++] = k;
}

static uint64_t fmt_hash(const xmlNode *fmt, const xmlNode *block) {
  uint64_t h = HASH_SEED;
  for (const xmlNode *f = fmt; f && f != block; f = f->parent)
    h = hash_bytes(h, f->name, strlen((const char *)f->name) + 1);
  return h;
}

static void tokenise(struct toks *t, const xmlNode *n, const xmlNode *block, const xmlNode *fmt) {
  uint64_t fh = fmt_hash(fmt, block);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      const char *s = (const char *)c->content;
      size_t len = strlen(s);
      for (size_t i = 0; i < len;) {
        enum token_kind kind;
        size_t end = token_end(s, len, i, &kind);
        struct tok k = {.kind = TOK_TEXT, .space = kind == TOKEN_SPACE, .fmt = fmt};
        k.s = k.space ? " " : s + i;
        k.len = k.space ? 1 : end - i;
        k.key = hash_bytes(fh, k.s, k.len);
        push(t, k);
        i = end;
      }
    } else if (c->type == XML_ELEMENT_NODE && is_format(c)) {
      tokenise(t, c, block, c);
    } else if (c->type == XML_ELEMENT_NODE) {
      struct tok k = {.kind = TOK_NODE, .node = c, .fmt = fmt};
      k.key = hash_bytes(hash_bytes(fh, "\1", 1), c->name, strlen((const char *)c->name) + 1);
      const char *to = attr(c, "to");
      if (to)
        k.key = hash_bytes(k.key, to, strlen(to) + 1);
      push(t, k);
    }
  }
}

/* One token of the merged text: which side's token, and its mark. */
struct step {
  enum edit_op op;
  const struct tok *old, *new; /* old: EQUAL and DEL; new: EQUAL and INS */
};

/* A short unchanged run of spaces and punctuation between two changes
 * joins them: "Genève, 2022" for "New Delhi, 2024" reads as one
 * replacement, as a drafter writes it, not two around a comma. Words
 * are never absorbed: an unchanged word stays unmarked. */
#define ABSORB_MAX 3

static bool absorbable(const struct tok *t) {
  if (t->kind != TOK_TEXT)
    return false;
  if (t->space)
    return true;
  enum token_kind kind;
  token_end(t->s, t->len, 0, &kind);
  return kind == TOKEN_PUNCT;
}

static void join_changes(struct step *v, size_t n) {
  for (size_t i = 1; i < n; i++) {
    if (v[i].op != EDIT_EQUAL || v[i - 1].op == EDIT_EQUAL)
      continue;
    size_t j = i;
    while (j < n && v[j].op == EDIT_EQUAL && absorbable(v[j].new) && j - i < ABSORB_MAX)
      j++;
    if (j == i || j >= n || v[j].op == EDIT_EQUAL)
      continue;
    for (size_t k = i; k < j; k++)
      v[k].op = EDIT_DEL; /* its INS twin is added when the run is ordered */
    i = j;
  }
}

/* Where the emitter stands: the formatting elements open, innermost
 * last, and the open mark if any. */
struct emitter {
  struct builder *b;
  xmlNodePtr out[260];
  const xmlChar *names[260];
  int depth; /* out[0] is the block */
  xmlNodePtr mark;
  enum edit_op mark_op;
};

static void merge_el(struct builder *b, const xmlNode *o, const xmlNode *n, xmlNodePtr parent,
                     int depth);

static int chain_of(const xmlNode *fmt, const xmlNode *block, const xmlNode **chain) {
  int k = 0;
  for (const xmlNode *f = fmt; f && f != block && k < 256; f = f->parent)
    chain[k++] = f;
  for (int i = 0; i < k / 2; i++) {
    const xmlNode *t = chain[i];
    chain[i] = chain[k - 1 - i];
    chain[k - 1 - i] = t;
  }
  return k;
}

static void emit_tok(struct emitter *em, const struct tok *t, enum edit_op op, const xmlNode *fmt,
                     const xmlNode *block, const struct tok *twin) {
  const xmlNode *chain[256];
  int k = chain_of(fmt, block, chain);
  int same = 0;
  while (same < k && same < em->depth && xmlStrEqual(em->names[same + 1], chain[same]->name))
    same++;
  if (em->mark && (em->mark_op != op || same < em->depth || k > em->depth))
    em->mark = NULL;
  if (same < em->depth)
    em->depth = same, em->mark = NULL;
  for (int i = same; i < k; i++) {
    em->out[em->depth + 1] = new_el(em->b, em->out[em->depth], chain[i]->name);
    em->names[em->depth + 1] = chain[i]->name;
    em->depth++;
  }
  xmlNodePtr at = em->out[em->depth];
  if (op != EDIT_EQUAL) {
    if (!em->mark) {
      em->mark = new_el(em->b, at, (const xmlChar *)(op == EDIT_DEL ? "del" : "ins"));
      em->mark_op = op;
    }
    at = em->mark;
  }
  if (t->kind == TOK_TEXT)
    add_text(em->b, at, t->s, t->len);
  else if (op == EDIT_EQUAL && is_el(t->node, "footnote") && twin)
    merge_el(em->b, twin->node, t->node, at, 0); /* a footnote on both sides: its words */
  else
    copy_tree(em->b, t->node, at, COPY_PLAIN);
}

struct piece {
  const struct tok *tok, *twin; /* twin: the old side of an unchanged token */
  enum edit_op op;
  const xmlNode *fmt, *block; /* the formatting it is written in, inside which block */
};

/* Whether the piece next to I in direction DIR, in the view that does
 * not hold I's mark, is a space or the block's edge. */
static bool space_beside(const struct piece *pc, size_t np, size_t i, int dir) {
  enum edit_op skip = pc[i].op; /* the other view does not hold these */
  for (size_t k = i; dir < 0 ? k-- > 0 : ++k < np;) {
    if (pc[k].op == skip)
      continue;
    return pc[k].tok->kind == TOK_TEXT && pc[k].tok->space;
  }
  return true;
}

static bool same_mark(const struct piece *a, const struct piece *b) {
  const xmlNode *fa = a->fmt, *fb = b->fmt;
  return a->op == b->op && (fa == NULL) == (fb == NULL) && (!fa || xmlStrEqual(fa->name, fb->name));
}

/* A space marked on its own would be an empty mark. It joins a mark of
 * the same kind beside it (taking its formatting: a space shows none);
 * else, where the other view has a space or an edge beside it, it
 * changes nothing there and is written unmarked; else the token before
 * it is marked with it (a comma, say, in "a,b" → "a, b"). Returns the
 * new count: PC has room for one more piece per space. */
static size_t lone_spaces(struct piece *pc, size_t np) {
  for (size_t i = 0; i < np; i++) {
    if (pc[i].op == EDIT_EQUAL || pc[i].tok->kind != TOK_TEXT || !pc[i].tok->space)
      continue;
    if ((i > 0 && same_mark(&pc[i - 1], &pc[i])) || (i + 1 < np && same_mark(&pc[i + 1], &pc[i])))
      continue;
    const struct piece *join = i > 0 && pc[i - 1].op == pc[i].op        ? &pc[i - 1]
                               : i + 1 < np && pc[i + 1].op == pc[i].op ? &pc[i + 1]
                                                                        : NULL;
    if (join) {
      pc[i].fmt = join->fmt;
      pc[i].block = join->block;
    } else if (space_beside(pc, np, i, -1) || space_beside(pc, np, i, 1)) {
      pc[i].op = EDIT_EQUAL;
    } else if (i > 0 && pc[i - 1].op == EDIT_EQUAL) {
      /* [a][,][ ]ins → [a][,]del [,]ins [ ]ins, the del's twin from the old side */
      struct piece eq = pc[i - 1];
      memmove(&pc[i + 1], &pc[i], (np - i) * sizeof *pc);
      np++;
      pc[i - 1] = (struct piece){eq.twin ? eq.twin : eq.tok, NULL, EDIT_DEL, eq.fmt, eq.block};
      pc[i] = (struct piece){eq.tok, NULL, EDIT_INS, eq.fmt, eq.block};
      if (pc[i + 1].op == EDIT_DEL) { /* a deleted space goes with the deletion */
        struct piece t = pc[i];
        pc[i] = pc[i + 1];
        pc[i + 1] = t;
      }
      i++;
    }
  }
  return np;
}

/* The merged sequence of steps ST: each run of changes, what goes
 * first, then what comes. Returns the count of pieces written to PC. */
static size_t merged_pieces(const struct step *st, size_t n, const xmlNode *ob, const xmlNode *nb,
                            struct piece *pc) {
  size_t np = 0;
  for (size_t i = 0; i < n;) {
    if (st[i].op == EDIT_EQUAL) {
      pc[np++] = (struct piece){st[i].new, st[i].old, EDIT_EQUAL, st[i].new->fmt, nb};
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && st[j].op != EDIT_EQUAL)
      j++;
    for (size_t k = i; k < j; k++)
      if (st[k].old)
        pc[np++] = (struct piece){st[k].old, NULL, EDIT_DEL, st[k].old->fmt, ob};
    for (size_t k = i; k < j; k++)
      if (st[k].new)
        pc[np++] = (struct piece){st[k].new, NULL, EDIT_INS, st[k].new->fmt, nb};
    i = j;
  }
  return np;
}

/* The words of O and N compared, the merge written into OUT (either may
 * be NULL: everything is then inserted or deleted). */
static void inline_diff(struct builder *b, const xmlNode *o, const xmlNode *n, xmlNodePtr out) {
  struct toks ta = {0}, tb = {0};
  if (o)
    tokenise(&ta, o, o, NULL);
  if (n)
    tokenise(&tb, n, n, NULL);
  uint64_t *ka = words_alloc(NULL, (ta.n + 1) * sizeof *ka);
  uint64_t *kb = words_alloc(NULL, (tb.n + 1) * sizeof *kb);
  for (size_t i = 0; i < ta.n; i++)
    ka[i] = ta.v[i].key;
  for (size_t j = 0; j < tb.n; j++)
    kb[j] = tb.v[j].key;
  /* a word is a better anchor than a space or a comma: of "of" and the
   * one space between two changes, "of" stays unmarked */
  size_t *wa = words_alloc(NULL, (ta.n + 1) * sizeof *wa);
  for (size_t i = 0; i < ta.n; i++)
    wa[i] = ta.v[i].kind == TOK_TEXT && (ta.v[i].space || absorbable(&ta.v[i])) ? 1 : 2;
  struct edits e = {0};
  seq_diff_weighted(ka, ta.n, kb, tb.n, wa, &e);
  free(wa);
  struct step *st = words_alloc(NULL, (e.n + 1) * sizeof *st);
  for (size_t i = 0; i < e.n; i++)
    st[i] = (struct step){e.v[i].op, e.v[i].op != EDIT_INS ? &ta.v[e.v[i].a] : NULL,
                          e.v[i].op != EDIT_DEL ? &tb.v[e.v[i].b] : NULL};
  join_changes(st, e.n);
  struct piece *pc = words_alloc(NULL, (3 * e.n + 1) * sizeof *pc);
  size_t np = merged_pieces(st, e.n, o, n, pc);
  np = lone_spaces(pc, np);
  struct emitter em = {.b = b, .out = {out}};
  for (size_t i = 0; i < np; i++)
    emit_tok(&em, pc[i].tok, pc[i].op, pc[i].fmt, pc[i].block, pc[i].twin);
  free(pc);
  free(st);
  edits_free(&e);
  free(ka);
  free(kb);
  free(ta.v);
  free(tb.v);
}

/* ------------------------------------------------------------ blocks */

/* A block present on one side only, under PARENT. */
static void put_side(struct builder *b, const xmlNode *x, xmlNodePtr parent, enum copy_mode mode,
                     int depth) {
  if (match_markable(x)) {
    xmlNodePtr e = copy_tree(b, x, parent, mode);
    xmlSetProp(e, (const xmlChar *)"change", (const xmlChar *)(mode == COPY_DEL ? "del" : "ins"));
    return;
  }
  /* a heading, a call …: the element stays, its content is marked */
  xmlNodePtr e = new_el(b, parent, x->name);
  copy_attrs(b, e, x, mode);
  if (match_inline_block(x)) {
    inline_diff(b, mode == COPY_DEL ? x : NULL, mode == COPY_INS ? x : NULL, e);
    return;
  }
  for (const xmlNode *c = first_el(x); c; c = next_el(c))
    put_side(b, c, e, mode, depth + 1);
  diff_indent(b->doc, e, depth);
}

/* E, made for the pair O and N: NEW's attributes, was taken from OLD's
 * labels, and OLD's id where NEW has none (a Word file keeps no ids: the
 * deleted references of OLD still point at the item) unless NEW gives it
 * to another block. */
static void merge_attrs(struct builder *b, const xmlNode *o, const xmlNode *n, xmlNodePtr e) {
  copy_attrs(b, e, n, COPY_INS);
  const char *was = attr(o, "num") ? attr(o, "num") : attr(o, "was");
  if (was)
    xmlSetProp(e, (const xmlChar *)"was", (const xmlChar *)was);
  const char *id = attr(o, "id");
  if (id && !attr(n, "id") && !xmlHashLookup(b->new_ids, (const xmlChar *)id))
    xmlSetProp(e, (const xmlChar *)"id", (const xmlChar *)id);
}

/* N's labels set as a copy would have them: NEW's num, OLD's label as
 * was (in that order, last, as copy_attrs writes them), OLD's id where N
 * has none (as merge_attrs), and the same below, child by child (equal
 * hashes: the same elements in the same order). */
static void adopt_labels(struct builder *b, const xmlNode *o, xmlNodePtr n) {
  const char *was = attr(o, "num") ? attr(o, "num") : attr(o, "was");
  xmlChar *keep = was ? xmlStrdup((const xmlChar *)was) : NULL; /* O may be N */
  xmlChar *num = xmlGetNoNsProp(n, (const xmlChar *)"num");
  xmlUnsetProp(n, (const xmlChar *)"num");
  xmlUnsetProp(n, (const xmlChar *)"was");
  if (num)
    xmlSetProp(n, (const xmlChar *)"num", num);
  if (keep)
    xmlSetProp(n, (const xmlChar *)"was", keep);
  xmlFree(num);
  xmlFree(keep);
  const char *id = attr(o, "id");
  if (id && !attr(n, "id") && !xmlHashLookup(b->new_ids, (const xmlChar *)id))
    xmlSetProp(n, (const xmlChar *)"id", (const xmlChar *)id);
  const xmlNode *oc = first_el(o);
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE && c->type != XML_TEXT_NODE) {
      xmlNodePtr prev = c->prev; /* a comment: a copy held text and elements only */
      xmlUnlinkNode(c);
      xmlFreeNode(c);
      if (prev && next && prev->type == XML_TEXT_NODE && next->type == XML_TEXT_NODE)
        next = xmlTextMerge(prev, next)->next; /* one text, as the copy made it */
    } else if (c->type == XML_ELEMENT_NODE) {
      adopt_labels(b, oc && xmlStrEqual(oc->name, c->name) ? oc : c, c);
      oc = oc ? next_el(oc) : NULL;
    }
  }
}

/* N, equal to O but for attributes, moved from NEW into the result under
 * PARENT rather than copied: an unchanged block, most of a document,
 * costs neither a copy nor a free. NEW is not read there again; its
 * dictionary is the result's (diff_documents), and the namespaces of the
 * subtree are set to the result's. */
static void take_same(struct builder *b, const xmlNode *o, xmlNodePtr n, xmlNodePtr parent) {
  xmlUnlinkNode(n);
  xmlAddChild(parent, n);
  xmlReconciliateNs(b->doc, n);
  adopt_labels(b, o, n);
}

/* E, already made for N, gets the merge of O and N. */
static void merge_into(struct builder *b, const xmlNode *o, const xmlNode *n, xmlNodePtr e,
                       int depth) {
  merge_attrs(b, o, n, e);
  if (match_inline_block(n)) {
    inline_diff(b, o, n, e);
    return;
  }
  struct matches m = {0};
  match_children(b->cache, (xmlNodePtr)o, (xmlNodePtr)n, &m);
  for (size_t i = 0; i < m.n; i++) {
    if (m.v[i].kind == MATCH_BOTH && match_equal(b->cache, m.v[i].old, m.v[i].new))
      take_same(b, m.v[i].old, m.v[i].new, e);
    else if (m.v[i].kind == MATCH_BOTH)
      merge_el(b, m.v[i].old, m.v[i].new, e, depth + 1);
    else if (m.v[i].kind == MATCH_OLD)
      put_side(b, m.v[i].old, e, COPY_DEL, depth + 1);
    else
      put_side(b, m.v[i].new, e, COPY_INS, depth + 1);
  }
  matches_free(&m);
  if (!is_el(n, "footnote"))
    diff_indent(b->doc, e, depth);
}

static void merge_el(struct builder *b, const xmlNode *o, const xmlNode *n, xmlNodePtr parent,
                     int depth) {
  merge_into(b, o, n, new_el(b, parent, n->name), depth);
}

static void collect_ids(xmlHashTablePtr ids, const xmlNode *n) {
  for (const xmlNode *c = first_el(n); c; c = next_el(c)) {
    const char *id = attr(c, "id");
    if (id)
      xmlHashAddEntry(ids, (const xmlChar *)id, (void *)c);
    collect_ids(ids, c);
  }
}

static bool has_change(const xmlNode *n) {
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    if (is_el(c, "ins") || is_el(c, "del") || attr(c, "change") || has_change(c))
      return true;
  return false;
}

bool diff_has_marks(const xmlNode *n) { return has_change(n); }

/* Two versions of a proposal (accepted, rejected) hold NOC amendments:
 * an amendment the diff marked is a MOD, one it left clean a NOC. */
static void fix_actions(xmlNodePtr n) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if (!is_el(c, "amendment"))
      continue;
    const char *action = attr(c, "action");
    bool marked = has_change(c);
    if (marked && action && strcmp(action, "NOC") == 0)
      xmlSetProp(c, (const xmlChar *)"action", (const xmlChar *)"MOD");
    if (!marked && symbol_is(action, "MOD")) /* MOD or (MOD) */
      xmlSetProp(c, (const xmlChar *)"action", (const xmlChar *)"NOC");
  }
}

xmlDocPtr diff_documents(xmlDocPtr old, xmlDocPtr new) {
  xmlNodePtr ro = xmlDocGetRootElement(old), rn = xmlDocGetRootElement(new);
  struct builder b = {.doc = xmlNewDoc((const xmlChar *)"1.0"),
                      .new_ids = xmlHashCreate(64),
                      .cache = match_cache_new()};
  if (new->dict) { /* NEW's unchanged blocks move into the result (take_same) */
    b.doc->dict = new->dict;
    xmlDictReference(new->dict);
  }
  xmlNodePtr root = xmlNewDocNode(b.doc, NULL, rn->name, NULL);
  b.ns = xmlNewNs(root, (const xmlChar *)RESC_NS, NULL);
  xmlSetNs(root, b.ns);
  xmlDocSetRootElement(b.doc, root);
  collect_ids(b.new_ids, rn);
  merge_into(&b, ro, rn, root, 0);
  fix_actions(root);
  xmlHashFree(b.new_ids, NULL);
  match_cache_free(b.cache);
  return b.doc;
}

static void drop_equal_was(xmlNodePtr n) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    const char *num = attr(c, "num"), *was = attr(c, "was");
    if (num && was && strcmp(num, was) == 0)
      xmlUnsetProp(c, (const xmlChar *)"was");
    drop_equal_was(c);
  }
}

void diff_labels(struct analysis *a) {
  relabel_apply(a);
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (root)
    drop_equal_was(root);
}
