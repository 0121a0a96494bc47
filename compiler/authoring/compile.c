#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/compile_int.h"
#include "authoring/diff.h"
#include "authoring/match.h"
#include "authoring/resolve.h"
#include "authoring/words.h"
#include "core/doc.h"
#include "core/symbol.h"
#include "core/xalloc.h"

/* ------------------------------------------------------------ records */

static size_t slot(uintptr_t key, size_t cap) {
  uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ULL;
  return (size_t)(h >> 17) & (cap - 1);
}

static void recs_grow(struct cc *c) {
  size_t cap = c->capr ? 2 * c->capr : 256;
  struct rec *v = xcalloc(cap, sizeof *v);
  for (size_t i = 0; i < c->capr; i++) {
    if (!c->recs[i].key)
      continue;
    size_t k = slot(c->recs[i].key, cap);
    while (v[k].key)
      k = (k + 1) & (cap - 1);
    v[k] = c->recs[i];
  }
  free(c->recs);
  c->recs = v;
  c->capr = cap;
}

struct rec *rec_find(struct cc *c, uintptr_t key) {
  if (!c->capr)
    return NULL;
  for (size_t k = slot(key, c->capr); c->recs[k].key; k = (k + 1) & (c->capr - 1))
    if (c->recs[k].key == key)
      return &c->recs[k];
  return NULL;
}

static struct rec *rec_get(struct cc *c, uintptr_t key) {
  struct rec *r = rec_find(c, key);
  if (r)
    return r;
  if (2 * (c->nrec + 1) > c->capr)
    recs_grow(c);
  size_t k = slot(key, c->capr);
  while (c->recs[k].key)
    k = (k + 1) & (c->capr - 1);
  c->recs[k].key = key;
  c->nrec++;
  return &c->recs[k];
}

static struct change *add_change(struct cc *c, uintptr_t key, int prop, enum change_kind kind,
                                 const xmlNode *node) {
  struct rec *r = rec_get(c, key);
  if (r->n == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 4;
    r->v = xrealloc(r->v, r->cap * sizeof *r->v);
  }
  r->v[r->n] = (struct change){prop, kind, node, NULL, 0};
  return &r->v[r->n++];
}

/* ------------------------------------------------------------ tokens */

static void push(struct ctoks *t, struct ctok k) {
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 64;
    t->v = xrealloc(t->v, t->cap * sizeof *t->v);
  }
  t->v[t->n++] = k;
}

void toks_free(struct ctoks *t) {
  free(t->v);
  t->v = NULL;
  t->n = t->cap = 0;
}

static uint64_t node_key(const xmlNode *n) {
  uint64_t h = hash_bytes(HASH_SEED, "\1", 1);
  h = hash_bytes(h, n->name, strlen((const char *)n->name) + 1);
  const char *to = attr(n, "to");
  if (to)
    h = hash_bytes(h, to, strlen(to) + 1);
  xmlChar *text = xmlNodeGetContent(n);
  size_t w = 0, k = 0;
  h = text_hash(h, text ? (const char *)text : "", &w, &k);
  xmlFree(text);
  return h;
}

static void clear_private(xmlNodePtr n) {
  for (; n; n = n->next) {
    n->_private = NULL;
    if (n->type == XML_ELEMENT_NODE)
      clear_private(n->children);
  }
}

/* Keeps N's content as it reads on SIDE: the other side's marks and
 * blocks go, the marks of SIDE are unwrapped. */
static void strip_marks(xmlNodePtr n, int side) {
  const char *gone = side == SIDE_O ? "ins" : "del";
  for (xmlNodePtr ch = n->children, next; ch; ch = next) {
    next = ch->next;
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    const char *change = attr(ch, "change");
    if (is_el(ch, gone) || (change && strcmp(change, gone) == 0)) {
      xmlUnlinkNode(ch);
      xmlFreeNode(ch);
    } else if (is_el(ch, "ins") || is_el(ch, "del")) {
      strip_marks(ch, side);
      for (xmlNodePtr g = ch->children, gn; g; g = gn) {
        gn = g->next;
        xmlUnlinkNode(g);
        xmlAddPrevSibling(ch, g);
      }
      xmlUnlinkNode(ch);
      xmlFreeNode(ch);
    } else {
      xmlUnsetProp(ch, (const xmlChar *)"change");
      strip_marks(ch, side);
    }
  }
}

static void drop_labels(xmlNodePtr n) {
  static const char *const names[] = {"id", "num", "was", "by", "date"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    xmlUnsetProp(n, (const xmlChar *)names[i]);
  for (xmlNodePtr ch = n->children; ch; ch = ch->next)
    if (ch->type == XML_ELEMENT_NODE)
      drop_labels(ch);
}

xmlNodePtr view_copy(xmlDocPtr doc, const xmlNode *n, int side) {
  xmlNodePtr e = xmlDocCopyNode((xmlNodePtr)n, doc, 1);
  clear_private(e);
  strip_marks(e, side);
  xmlUnsetProp(e, (const xmlChar *)"change");
  drop_labels(e);
  return e;
}

static void push_text(struct ctoks *out, const char *s, int side) {
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    enum token_kind kind;
    size_t end = token_end(s, len, i, &kind);
    struct ctok k = {.s = kind == TOKEN_SPACE ? " " : s + i, .side = side};
    k.len = kind == TOKEN_SPACE ? 1 : end - i;
    k.key = hash_bytes(HASH_SEED, k.s, k.len);
    push(out, k);
    i = end;
  }
}

static void push_node(struct ctoks *out, const xmlNode *n, int side) {
  push(out, (struct ctok){node_key(n), NULL, 0, n, side});
}

void tokenise(struct cc *c, const xmlNode *n, int side, struct ctoks *out) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_TEXT_NODE) {
      push_text(out, (const char *)ch->content, side);
    } else if (ch->type != XML_ELEMENT_NODE) {
      continue;
    } else if (is_el(ch, "del") || is_el(ch, "ins")) {
      int s = is_el(ch, "del") ? SIDE_O : SIDE_A;
      tokenise(c, ch, side == SIDE_BOTH ? s : side, out);
    } else if (side == SIDE_BOTH && diff_has_marks(ch)) {
      /* an em or a footnote changed inside: replaced whole */
      xmlNodePtr o = view_copy(c->scratch, ch, SIDE_O), a = view_copy(c->scratch, ch, SIDE_A);
      xmlAddChild(xmlDocGetRootElement(c->scratch), o);
      xmlAddChild(xmlDocGetRootElement(c->scratch), a);
      push_node(out, o, SIDE_O);
      push_node(out, a, SIDE_A);
    } else {
      push_node(out, ch, side);
    }
  }
}

void toks_quote(const struct ctok *v, size_t lo, size_t hi, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = 0;
  while (lo < hi && v[lo].s && v[lo].s[0] == ' ') /* no space at the edge of a quote */
    lo++;
  for (size_t i = lo; i < hi && n < 60 && n + 8 < size; i++) {
    int k;
    if (v[i].s) {
      k = snprintf(buf + n, size - n, "%.*s", (int)v[i].len, v[i].s);
    } else {
      xmlChar *t = xmlNodeGetContent(v[i].node);
      k = is_el(v[i].node, "footnote") ? snprintf(buf + n, size - n, "[footnote]")
                                       : snprintf(buf + n, size - n, "%s", t ? (char *)t : "");
      xmlFree(t);
    }
    n += k > 0 ? (size_t)k : 0;
  }
  if (n >= size)
    n = size - 1;
  while (n > 0 && buf[n - 1] == ' ') /* a space at the edge of a quote shows nothing */
    buf[--n] = 0;
  if (n >= 60 && n + 4 < size)
    snprintf(buf + n, 4, "…");
}

/* ------------------------------------------------------------ names */

void call_words(const xmlNode *section, char *buf, size_t size) {
  const xmlNode *call = child_el(section, "call");
  xmlChar *t = call ? xmlNodeGetContent(call) : NULL;
  snprintf(buf, size, "%s", t ? (const char *)t : "");
  xmlFree(t);
  char *s = buf, *w = buf; /* collapsed, trimmed */
  for (bool space = true; *s; s++) {
    bool sp = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
    if (sp && !space)
      *w++ = ' ';
    else if (!sp)
      *w++ = *s;
    space = sp;
  }
  if (w > buf && w[-1] == ' ')
    w--;
  *w = 0;
  if (w - buf > 40) { /* "invite les États Membres, les Membres …" */
    char *cut = buf + 40;
    while (cut > buf && *cut != ' ')
      cut--;
    snprintf(cut > buf ? cut : buf + 40, 5, " …");
  }
}

void provision_name(const xmlNode *n, char *buf, size_t size) {
  char labels[128] = "";
  for (const xmlNode *o = n; o && o->type == XML_ELEMENT_NODE; o = o->parent) {
    const struct info *i = info_of(o);
    if (is_el(o, "item") && i && i->lab[0].has) {
      char l[LABEL_MAX + 8], t[128];
      label_text(&i->lab[0], l, sizeof l);
      snprintf(t, sizeof t, "%s%s%s", l, labels[0] ? " " : "", labels);
      snprintf(labels, sizeof labels, "%s", t);
    } else if (is_el(o, "section")) {
      char call[96];
      call_words(o, call, sizeof call);
      if (labels[0]) /* "b) (considérant)": no citation a checker would read as one */
        snprintf(buf, size, "%s (%s)", labels, call[0] ? call : "section");
      else
        snprintf(buf, size, "%s", call[0] ? call : "section");
      return;
    } else if (o->parent && (is_el(o->parent, "heading") || is_el(o->parent, "preamble") ||
                             is_el(o->parent, "resolution"))) {
      snprintf(buf, size, "%s%s%s", (const char *)o->name, labels[0] ? " " : "", labels);
      return;
    }
  }
  snprintf(buf, size, "%s", labels[0] ? labels : (const char *)n->name);
}

/* ------------------------------------------------------------ carrying */

struct walk {
  struct cc *c;
  int prop;
};

static void baseline_at(struct walk *w, const xmlNode *at, const char *fmt, const char *prov,
                        const char *x, const char *y) {
  struct prop *p = &w->c->p[w->prop];
  char msg[512];
  snprintf(msg, sizeof msg, fmt, prov, x, y);
  diag_add(w->c->d, p->file, node_line(at), 0, &rule_baseline, "%s (%s): %s", p->name,
           p->ref ? p->ref : "no reference", msg);
  w->c->baseline++;
}

static bool same_keys(const struct ctoks *a, int sa, const struct ctoks *b, int sb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a->n && !(a->v[i].side & sa))
      i++;
    while (j < b->n && !(b->v[j].side & sb))
      j++;
    if (i == a->n || j == b->n)
      return i == a->n && j == b->n;
    if (a->v[i++].key != b->v[j++].key)
      return false;
  }
}

/* The baseline differences of a paragraph: runs of D's tokens on one
 * side only. */
static void report_words(struct walk *w, const struct ctoks *td, const xmlNode *at,
                         const char *prov) {
  for (size_t i = 0; i < td->n;) {
    if (td->v[i].side == SIDE_BOTH) {
      i++;
      continue;
    }
    size_t j = i, from = i, to;
    while (j < td->n && td->v[j].side != SIDE_BOTH)
      j++;
    to = j;
    bool one_side = true; /* a word added or dropped is shown with the word before it */
    for (size_t k = i + 1; k < j; k++)
      one_side = one_side && td->v[k].side == td->v[i].side;
    bool spaces = true; /* a space alone shows nothing quoted: the word after it too */
    for (size_t k = i; k < j; k++)
      spaces = spaces && td->v[k].s && td->v[k].s[0] == ' ';
    if (spaces && to < td->n)
      to++;
    if (one_side && i > 0) {
      while (from > 0 && (from == i || !td->v[from].s || td->v[from].s[0] == ' '))
        from--;
    } else if (one_side) {
      while (to < td->n && (to == j || td->v[to - 1].s[0] == ' '))
        to++;
    }
    struct ctoks o = {0}, b = {0};
    for (size_t k = from; k < to; k++) {
      if (td->v[k].side & SIDE_A)
        push(&o, td->v[k]);
      if (td->v[k].side & SIDE_O)
        push(&b, td->v[k]);
    }
    char qo[96], qb[96];
    toks_quote(o.v, 0, o.n, qo, sizeof qo);
    toks_quote(b.v, 0, b.n, qb, sizeof qb);
    baseline_at(w, at, "%s: the original text has '%s' where the text in force has '%s'", prov, qo,
                qb);
    toks_free(&o);
    toks_free(&b);
    i = j;
  }
}

#define NONE ((size_t)-1)

/* Where the gap before O's token G is in BASE, or NONE when the words
 * around it differ there. */
static size_t base_gap(const size_t *map, size_t no, size_t nb, size_t g) {
  size_t left = g > 0 ? map[g - 1] : 0, right = g < no ? map[g] : nb;
  if ((g > 0 && left == NONE) || right == NONE)
    return NONE;
  if (g == 0)
    return right == 0 ? 0 : NONE;
  return right == left + 1 ? right : NONE;
}

/* Carries the proposal's hunks of TP (over O) onto BASE through MAP. */
static void carry_hunks(struct walk *w, const struct ctoks *tp, const size_t *map, size_t no,
                        size_t nb, const xmlNode *bc, const xmlNode *pc, const char *prov) {
  struct change *ch = NULL;
  size_t oi = 0;
  for (size_t i = 0; i < tp->n;) {
    if (tp->v[i].side == SIDE_BOTH) {
      i++, oi++;
      continue;
    }
    size_t s = oi, j = i;
    struct ctoks ins = {0};
    for (; j < tp->n && tp->v[j].side != SIDE_BOTH; j++) {
      if (tp->v[j].side == SIDE_O)
        oi++;
      else
        push(&ins, tp->v[j]);
    }
    size_t bs = NONE, be = NONE;
    if (s == oi) {
      bs = be = base_gap(map, no, nb, s);
    } else {
      bs = map[s];
      for (size_t k = s; k < oi && bs != NONE; k++)
        if (map[k] != bs + (k - s))
          bs = NONE;
      be = bs == NONE ? NONE : bs + (oi - s);
    }
    if (bs == NONE) {
      char qo[96], qa[96];
      struct ctoks del = {0};
      for (size_t k = i; k < j; k++)
        if (tp->v[k].side == SIDE_O)
          push(&del, tp->v[k]);
      toks_quote(del.v, 0, del.n, qo, sizeof qo);
      toks_quote(ins.v, 0, ins.n, qa, sizeof qa);
      toks_free(&del);
      baseline_at(w, pc,
                  "%s: the change of '%s' into '%s' falls on words the text in force has "
                  "otherwise; not carried",
                  prov, qo, qa);
      toks_free(&ins);
    } else {
      if (!ch)
        ch = add_change(w->c, (uintptr_t)bc, w->prop, CH_MOD, pc);
      ch->h = xrealloc(ch->h, (ch->nh + 1) * sizeof *ch->h);
      ch->h[ch->nh++] = (struct hunk){bs, be, ins.v, ins.n, w->prop, pc};
    }
    i = j;
  }
}

/* A paragraph of BASE (BC), the same in the baseline diff (DC: BASE → O)
 * and in the proposal (PC: O → A). */
static void carry_inline(struct walk *w, const xmlNode *bc, const xmlNode *dc, const xmlNode *pc) {
  struct cc *c = w->c;
  char prov[160];
  provision_name(bc, prov, sizeof prov);
  struct ctoks tb = {0}, td = {0}, tp = {0};
  tokenise(c, bc, SIDE_BOTH, &tb);
  tokenise(c, dc, SIDE_BOTH, &td);
  tokenise(c, pc, SIDE_BOTH, &tp);
  if (!same_keys(&td, SIDE_O, &tb, SIDE_BOTH) || !same_keys(&td, SIDE_A, &tp, SIDE_O)) {
    baseline_at(w, pc, "%s: its words could not be matched with the text in force%s%s; not carried",
                prov, "", "");
  } else {
    report_words(w, &td, pc, prov);
    size_t no = 0;
    for (size_t i = 0; i < td.n; i++)
      no += (td.v[i].side & SIDE_A) != 0;
    size_t *map = xmalloc((no + 1) * sizeof *map);
    for (size_t i = 0, bi = 0, oi = 0; i < td.n; i++) {
      if (td.v[i].side == SIDE_BOTH)
        map[oi++] = bi++;
      else if (td.v[i].side == SIDE_O)
        bi++;
      else
        map[oi++] = NONE;
    }
    if (diff_has_marks(pc))
      carry_hunks(w, &tp, map, no, tb.n, bc, pc, prov);
    free(map);
  }
  toks_free(&tb);
  toks_free(&td);
  toks_free(&tp);
}

static bool one_sided(const xmlNode *n, const char *change) {
  const char *ch = attr(n, "change");
  return ch && strcmp(ch, change) == 0;
}

static void carry_children(struct walk *w, const xmlNode *b, const xmlNode *d, const xmlNode *p);

static void first_words_of(const xmlNode *n, char *buf, size_t size) {
  xmlChar *t = xmlNodeGetContent(n);
  snprintf(buf, size, "%.50s", t ? (const char *)t : "");
  xmlFree(t);
  for (char *s = buf; *s; s++)
    if (*s == '\n' || *s == '\t')
      *s = ' ';
}

/* The three blocks stand for one another: BC in BASE, DC in the baseline
 * diff, PC in the proposal. */
static void carry_pair(struct walk *w, const xmlNode *bc, const xmlNode *dc, const xmlNode *pc) {
  if (one_sided(pc, "del")) {
    add_change(w->c, (uintptr_t)bc, w->prop, CH_DEL, pc);
    return;
  }
  bool changed = diff_has_marks(pc), differs = diff_has_marks(dc);
  if (!changed && !differs)
    return;
  if (match_inline_block(bc)) {
    carry_inline(w, bc, dc, pc);
    return;
  }
  if (changed)
    add_change(w->c, (uintptr_t)bc, w->prop, CH_MOD, pc);
  carry_children(w, bc, dc, pc);
}

static void cannot_align(struct walk *w, const xmlNode *b, const xmlNode *p) {
  char prov[160];
  provision_name(b, prov, sizeof prov);
  baseline_at(w, p, "%s: its blocks could not be matched with the text in force%s%s; not carried",
              prov, "", "");
}

/* The children of B (BASE), D (baseline diff) and P (proposal) in step:
 * D's children are BASE's (but those it marks inserted) and O's (but
 * those it marks deleted); P's are O's (but those it marks inserted). */
static void carry_children(struct walk *w, const xmlNode *b, const xmlNode *d, const xmlNode *p) {
  const xmlNode *bc = first_el(b), *dc = first_el(d), *pc = first_el(p);
  char prov[160], words[64];
  for (; dc; dc = next_el(dc)) {
    if (one_sided(dc, "del")) { /* in force, not in the proposal's original */
      provision_name(bc, prov, sizeof prov);
      first_words_of(bc, words, sizeof words);
      baseline_at(w, pc ? pc : p, "%s ('%s') of the text in force is not in the original text%s",
                  prov, words, "");
      bc = next_el(bc);
      continue;
    }
    for (; pc && one_sided(pc, "ins"); pc = next_el(pc))
      add_change(w->c, bc ? (uintptr_t)bc : (uintptr_t)b + 1, w->prop, CH_INS, pc);
    if (!pc || !xmlStrEqual(pc->name, dc->name)) {
      cannot_align(w, b, p);
      return;
    }
    if (one_sided(dc, "ins")) { /* in the proposal's original, not in force */
      provision_name(b, prov, sizeof prov);
      first_words_of(dc, words, sizeof words);
      baseline_at(w, pc, "%s: the original text has '%s', which the text in force has not%s", prov,
                  words, "");
      if (one_sided(pc, "del") || diff_has_marks(pc))
        baseline_at(w, pc, "%s: the change to '%s' falls on a block the text in force has not%s",
                    prov, words, "; not carried");
      pc = next_el(pc);
      continue;
    }
    if (!bc || !xmlStrEqual(bc->name, dc->name)) {
      cannot_align(w, b, p);
      return;
    }
    carry_pair(w, bc, dc, pc);
    bc = next_el(bc);
    pc = next_el(pc);
  }
  for (; pc && one_sided(pc, "ins"); pc = next_el(pc))
    add_change(w->c, (uintptr_t)b + 1, w->prop, CH_INS, pc);
}

/* ------------------------------------------------------------ proposals */

/* The text of N on SIDE, collapsed (a resolution's number). */
static void side_text(const xmlNode *n, int side, char *buf, size_t size) {
  xmlDocPtr tmp = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr v = view_copy(tmp, n, side);
  xmlDocSetRootElement(tmp, v);
  xmlChar *t = xmlNodeGetContent(v);
  snprintf(buf, size, "%s", t ? (const char *)t : "");
  xmlFree(t);
  xmlFreeDoc(tmp);
  char *s = buf, *o = buf;
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
      *o++ = *s;
  *o = 0;
}

static void res_number(const xmlNode *res, int side, char *buf, size_t size) {
  const xmlNode *h = child_el(res, "heading"), *num = h ? child_el(h, "number") : NULL;
  buf[0] = 0;
  if (num)
    side_text(num, side, buf, size);
  else if (attr(res, "id"))
    snprintf(buf, size, "#%s", attr(res, "id"));
}

/* A ref becomes the text of its label: the proposals' words are compared
 * with the text in force, which cites by words. */
struct ref_text {
  xmlNodePtr ref;
  char o[LABEL_MAX + 16], a[LABEL_MAX + 16];
  int in;
};

static void flatten_refs(xmlDocPtr doc, const char *file) {
  struct diags ignored;
  diags_init(&ignored);
  struct analysis *a = analyse(doc, file, &ignored);
  struct ref_text *v = xcalloc(a->nrefs + 1, sizeof *v);
  size_t n = 0;
  for (size_t i = 0; i < a->nrefs; i++) {
    xmlNodePtr r = a->refs[i], t = ref_target(a, r);
    const struct info *ti = info_of(t), *ri = info_of(r);
    if (!is_el(r, "ref") || !ti || !ri || (!ti->lab[0].has && !ti->lab[1].has))
      continue;
    v[n].ref = r;
    v[n].in = ri->in;
    label_text(&ti->lab[0], v[n].o, sizeof v[n].o);
    label_text(&ti->lab[1], v[n].a, sizeof v[n].a);
    n++;
  }
  analysis_free(a);
  diags_free(&ignored);
  for (size_t i = 0; i < n; i++) {
    xmlNodePtr r = v[i].ref, with;
    if (v[i].in == SIDE_BOTH && strcmp(v[i].o, v[i].a) != 0) {
      with = xmlNewDocNode(doc, r->ns, (const xmlChar *)"del", (const xmlChar *)v[i].o);
      xmlAddNextSibling(r,
                        xmlNewDocNode(doc, r->ns, (const xmlChar *)"ins", (const xmlChar *)v[i].a));
    } else {
      with = xmlNewDocText(doc, (const xmlChar *)(v[i].in == SIDE_A ? v[i].a : v[i].o));
    }
    xmlReplaceNode(r, with);
    xmlFreeNode(r);
  }
  free(v);
}

static char *stem(const char *file) {
  const char *s = strrchr(file, '/');
  s = s ? s + 1 : file;
  char *out = xstrdup(s);
  char *dot = strrchr(out, '.');
  if (dot && dot != out)
    *dot = 0;
  return out;
}

/* Finds the amendment of BASE in proposal P; its author and reference. */
static bool find_amendment(struct cc *c, struct prop *p, const char *number) {
  xmlNodePtr root = xmlDocGetRootElement(p->doc);
  for (xmlNodePtr am = is_el(root, "proposal") ? first_el(root) : NULL; am; am = next_el(am)) {
    xmlNodePtr res = is_el(am, "amendment") ? child_el(am, "resolution") : NULL;
    char no[64], na[64];
    if (!res)
      continue;
    res_number(res, SIDE_O, no, sizeof no);
    res_number(res, SIDE_A, na, sizeof na);
    if (strcmp(no, number) != 0 && strcmp(na, number) != 0)
      continue;
    p->amendment = am;
    p->res = res;
    p->action = attr(am, "action") ? attr(am, "action") : "MOD";
    p->ref = attr(am, "ref");
    const char *by = attr(am, "by") ? attr(am, "by") : attr(root, "by");
    p->name = by ? xstrdup(by) : p->ref ? xstrdup(p->ref) : stem(p->file);
    p->author = xstrdup(p->name);
    return true;
  }
  diag_add(c->d, p->file, node_line(root), 0, &rule_baseline,
           "no amendment of resolution %s here: the proposal is left out of the compilation",
           number);
  return false;
}

/* Two proposals by one administration: their marks carry the reference
 * too, so that the tracked changes tell them apart. */
static void distinct_authors(struct cc *c) {
  for (size_t i = 0; i < c->np; i++)
    for (size_t j = 0; j < c->np; j++)
      if (i != j && strcmp(c->p[i].name, c->p[j].name) == 0) {
        char *tail = c->p[i].ref && (!c->p[j].ref || strcmp(c->p[i].ref, c->p[j].ref) != 0)
                         ? xstrdup(c->p[i].ref)
                         : stem(c->p[i].file);
        char buf[256];
        snprintf(buf, sizeof buf, "%s (%s)", c->p[i].name, tail);
        free(tail);
        free(c->p[i].author);
        c->p[i].author = xstrdup(buf);
        break;
      }
}

/* The original view of P's resolution, as a document of its own. */
static xmlDocPtr original_of(struct prop *p) {
  xmlDocPtr copy = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr res = xmlDocCopyNode(p->res, copy, 1);
  clear_private(res);
  xmlDocSetRootElement(copy, res);
  xmlReconciliateNs(copy, res);
  struct diags ignored;
  diags_init(&ignored);
  struct analysis *a = analyse(copy, p->file, &ignored);
  resolve_view(a, VIEW_ORIGINAL);
  analysis_free(a);
  diags_free(&ignored);
  return copy;
}

static void carry(struct cc *c, int i) {
  struct prop *p = &c->p[i];
  if (!symbol_is(p->action, "MOD"))
    return; /* SUP, NOC, ADD: the synoptic table shows them; nothing to lay over */
  xmlDocPtr o = original_of(p);
  xmlNodePtr broot = xmlDocGetRootElement(c->base->doc);
  xmlDocPtr d = diff_documents(c->base->doc, o);
  xmlFreeDoc(o);
  struct walk w = {c, i};
  carry_children(&w, broot, xmlDocGetRootElement(d), p->res);
  xmlFreeDoc(d);
}

static void sup_conflicts(struct cc *c) {
  for (size_t i = 0; i < c->np; i++) {
    if (!c->p[i].res || !symbol_is(c->p[i].action, "SUP"))
      continue;
    for (size_t j = 0; j < c->np; j++) {
      const char *aj = c->p[j].res ? c->p[j].action : "";
      if (!symbol_is(aj, "MOD") && !symbol_is(aj, "ADD"))
        continue;
      diag_add(c->d, c->p[i].file, node_line(c->p[i].amendment), 0, &rule_conflict,
               "%s (%s) suppresses the resolution, which %s (%s) %s at %s:%ld", c->p[i].name,
               c->p[i].ref ? c->p[i].ref : "no reference", c->p[j].name,
               c->p[j].ref ? c->p[j].ref : "no reference",
               symbol_is(aj, "ADD") ? "adds" : "modifies", c->p[j].file,
               node_line(c->p[j].amendment));
      c->conflicts++;
    }
  }
}

static void free_cc(struct cc *c) {
  for (size_t i = 0; i < c->capr; i++) {
    for (size_t k = 0; k < c->recs[i].n; k++) {
      for (size_t h = 0; h < c->recs[i].v[k].nh; h++)
        free(c->recs[i].v[k].h[h].ins);
      free(c->recs[i].v[k].h);
    }
    free(c->recs[i].v);
  }
  free(c->recs);
  for (size_t i = 0; i < c->np; i++) {
    free(c->p[i].author);
    free(c->p[i].name);
    if (c->p[i].a)
      analysis_free(c->p[i].a);
  }
  free(c->p);
  xmlFreeDoc(c->scratch);
}

struct compile_result compile_run(struct analysis *base, const char *base_file,
                                  struct compile_input *in, size_t n, bool merge, struct diags *d) {
  /* the text in force cites by words, as the proposals are read: its refs
   * become their labels' text in a copy, which the compilation is made of */
  xmlDocPtr flat = xmlCopyDoc(base->doc, 1);
  clear_private(xmlDocGetRootElement(flat));
  flatten_refs(flat, base_file);
  struct diags ignored_base;
  diags_init(&ignored_base);
  base = analyse(flat, base_file, &ignored_base);
  diags_free(&ignored_base);
  struct cc c = {.base = base, .base_file = base_file, .d = d, .merge = merge, .table = !merge};
  c.scratch = xmlNewDoc((const xmlChar *)"1.0");
  xmlDocSetRootElement(c.scratch, xmlNewDocNode(c.scratch, NULL, (const xmlChar *)"views", NULL));
  c.p = xcalloc(n + 1, sizeof *c.p);
  char number[64];
  res_number(xmlDocGetRootElement(base->doc), SIDE_O, number, sizeof number);
  struct compile_result r = {0};
  for (size_t i = 0; i < n; i++) {
    struct prop *p = &c.p[c.np];
    p->file = in[i].file;
    p->doc = in[i].doc;
    flatten_refs(p->doc, p->file);
    if (!find_amendment(&c, p, number))
      continue;
    struct diags ignored;
    diags_init(&ignored);
    p->a = analyse(p->doc, p->file, &ignored);
    diags_free(&ignored);
    c.np++;
  }
  distinct_authors(&c);
  for (size_t i = 0; i < c.np; i++)
    carry(&c, (int)i);
  size_t before = c.conflicts;
  sup_conflicts(&c);
  if (c.conflicts > before) /* suppressed by one: every change of another is in conflict */
    c.merge = false;
  if (c.np)
    r.doc = compile_emit(&c);
  r.baseline = c.baseline;
  r.conflicts = c.conflicts;
  free_cc(&c);
  analysis_free(base);
  xmlFreeDoc(flat);
  return r;
}
