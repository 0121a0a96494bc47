#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/compile_int.h"
#include "authoring/diff.h"
#include "authoring/match.h"
#include "core/doc.h"
#include "core/xalloc.h"

/* One row of the synoptic table: a provision of BASE, or a place where
 * proposals insert; what each proposal does there. */
struct row {
  uintptr_t key;
  char *name;
  char **cell; /* per proposal, NULL: nothing */
};

struct out {
  struct cc *c;
  xmlDocPtr doc;
  xmlNsPtr ns;
  struct row *rows;
  size_t nrows;
  bool fr;
};

/* ------------------------------------------------------------ table rows */

static struct row *row_for(struct out *o, uintptr_t key, const char *name) {
  for (size_t i = o->nrows; i-- > 0;)
    if (o->rows[i].key == key)
      return &o->rows[i];
  o->rows = xrealloc(o->rows, (o->nrows + 1) * sizeof *o->rows);
  struct row *r = &o->rows[o->nrows++];
  r->key = key;
  r->name = xstrdup(name);
  r->cell = xcalloc(o->c->np + 1, sizeof *r->cell);
  return r;
}

static void cell_add(struct row *r, int prop, const char *what) {
  char *old = r->cell[prop];
  if (old && strcmp(old, what) == 0)
    return;
  size_t len = (old ? strlen(old) + 2 : 0) + strlen(what) + 1;
  char *s = xmalloc(len);
  snprintf(s, len, "%s%s%s", old ? old : "", old ? ", " : "", what);
  free(old);
  r->cell[prop] = s;
}

/* The provision a block belongs to: its item, else its section, else
 * the part of the heading or preamble it is. */
static const xmlNode *provision_of(const xmlNode *n) {
  for (const xmlNode *o = n; o && o->type == XML_ELEMENT_NODE; o = o->parent) {
    if (is_el(o, "item") || is_el(o, "section") || is_el(o, "annex"))
      return o;
    if (o->parent && (is_el(o->parent, "heading") || is_el(o->parent, "preamble") ||
                      is_el(o->parent, "resolution")))
      return o;
  }
  return n;
}

static void note_action(struct out *o, const xmlNode *b, int prop, const char *what) {
  const xmlNode *pv = provision_of(b);
  char name[160];
  provision_name(pv, name, sizeof name);
  cell_add(row_for(o, (uintptr_t)pv, name), prop, what);
}

/* "e)", "bbis", as the proposal letters its inserted item. */
static void given_label(const struct change *ch, char *buf, size_t size) {
  const struct info *i = info_of(ch->node);
  buf[0] = 0;
  if (is_el(ch->node, "section"))
    call_words(ch->node, buf, size);
  else if (i && i->lab[1].has)
    label_text(&i->lab[1], buf, size);
  else if (attr(ch->node, "num"))
    snprintf(buf, size, "%s", attr(ch->node, "num"));
}

/* ------------------------------------------------------------ writing */

static xmlNodePtr add_el(struct out *o, xmlNodePtr parent, const char *name) {
  xmlNodePtr e = xmlNewDocNode(o->doc, o->ns, (const xmlChar *)name, NULL);
  xmlAddChild(parent, e);
  return e;
}

static xmlNodePtr add_copy(struct out *o, xmlNodePtr parent, xmlNodePtr copy) {
  xmlAddChild(parent, copy);
  xmlReconciliateNs(o->doc, copy);
  return copy;
}

static void indent(struct out *o, xmlNodePtr e, int depth) { diff_indent(o->doc, e, depth); }

/* Copies declare the namespace again on each copied root: one
 * declaration, the root's, is enough. */
static void point_ns(xmlNodePtr n, xmlNsPtr ns) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (n->ns && xmlStrEqual(n->ns->href, ns->href) && !n->ns->prefix)
      n->ns = ns;
    point_ns(n->children, ns);
  }
}

static void one_ns(xmlNodePtr n, xmlNsPtr ns) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    for (xmlNsPtr *d = &n->nsDef; *d;) {
      if ((*d)->href && xmlStrEqual((*d)->href, ns->href) && !(*d)->prefix) {
        xmlNsPtr gone = *d;
        *d = gone->next;
        gone->next = NULL;
        xmlFreeNs(gone);
      } else {
        d = &(*d)->next;
      }
    }
    one_ns(n->children, ns);
  }
}

static void set_by(struct out *o, xmlNodePtr e, int prop) {
  xmlSetProp(e, (const xmlChar *)"by", (const xmlChar *)o->c->p[prop].author);
}

/* A deleted block keeps its labels as was (it has none in the amended
 * text): the result's analysis sets their values. */
static void num_to_was(xmlNodePtr n) {
  xmlChar *num = xmlGetNoNsProp(n, (const xmlChar *)"num");
  if (num && !xmlHasProp(n, (const xmlChar *)"was"))
    xmlSetProp(n, (const xmlChar *)"was", num);
  xmlUnsetProp(n, (const xmlChar *)"num");
  xmlFree(num);
  for (xmlNodePtr ch = n->children; ch; ch = ch->next)
    if (ch->type == XML_ELEMENT_NODE)
      num_to_was(ch);
}

static void put_deleted(struct out *o, xmlNodePtr parent, const xmlNode *b, int prop) {
  xmlNodePtr e = add_copy(o, parent, xmlDocCopyNode((xmlNodePtr)b, o->doc, 1));
  num_to_was(e);
  xmlSetProp(e, (const xmlChar *)"change", (const xmlChar *)"del");
  set_by(o, e, prop);
}

static void put_inserted(struct out *o, xmlNodePtr parent, const xmlNode *n, int prop, bool plain) {
  xmlNodePtr e = add_copy(o, parent, view_copy(o->doc, n, SIDE_A));
  if (!plain) {
    xmlSetProp(e, (const xmlChar *)"change", (const xmlChar *)"ins");
    set_by(o, e, prop);
  }
}

/* S with every run of spaces (no-break ones too) as one space, trimmed. */
static void squeeze(char *s) {
  char *w = s;
  bool space = true;
  for (unsigned char *r = (unsigned char *)s; *r;) {
    size_t k = *r == 0xC2 && r[1] == 0xA0                            ? 2
               : *r == 0xE2 && r[1] == 0x80 && r[2] == 0xAF          ? 3
               : *r == ' ' || *r == '\n' || *r == '\t' || *r == '\r' ? 1
                                                                     : 0;
    if (k) {
      if (!space)
        *w++ = ' ';
      space = true;
      r += k;
    } else {
      *w++ = (char)*r++;
      space = false;
    }
  }
  if (w > s && w[-1] == ' ')
    w--;
  *w = 0;
}

/* Whether two inserted blocks say the same (a no-break space against a
 * space is no difference a reader sees). */
static bool same_block(const xmlNode *a, const xmlNode *b) {
  xmlChar *ta = xmlNodeGetContent(a), *tb = xmlNodeGetContent(b);
  if (ta)
    squeeze((char *)ta);
  if (tb)
    squeeze((char *)tb);
  bool same = xmlStrEqual(a->name, b->name) && xmlStrEqual(ta, tb);
  xmlFree(ta);
  xmlFree(tb);
  return same;
}

static void conflict(struct out *o, int p1, const xmlNode *at1, int p2, const xmlNode *at2,
                     const char *what, const char *prov) {
  struct cc *c = o->c;
  diag_add(c->d, c->p[p2].file, node_line(at2), 0, &rule_conflict,
           "%s: %s (%s) against %s (%s, %s:%ld): %s", prov, c->p[p2].name,
           c->p[p2].ref ? c->p[p2].ref : "no reference", c->p[p1].name,
           c->p[p1].ref ? c->p[p1].ref : "no reference", c->p[p1].file, node_line(at1), what);
  c->conflicts++;
}

static bool is_bis(const char *label) {
  static const char *const sfx[] = {"bis", "ter", "quater", "quinquies", "sexies"};
  size_t n = label ? strlen(label) : 0;
  for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
    size_t k = strlen(sfx[i]);
    if (n > k && strcmp(label + n - k, sfx[i]) == 0)
      return true;
  }
  return false;
}

/* An insertion into a block of BASE: where (the record of the block it
 * comes before, or of the parent's end) and what. */
struct ins_at {
  const struct rec *r;
  const struct change *ch;
  bool dup; /* the same block, at the same place, as another proposal's */
};

static void collect_inserts(const struct rec *r, struct ins_at **v, size_t *n) {
  for (size_t i = 0; r && i < r->n; i++) {
    if (r->v[i].kind != CH_INS)
      continue;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    bool dup = false;
    for (size_t k = 0; k < *n && !dup; k++)
      dup = (*v)[k].r == r && (*v)[k].ch->prop != r->v[i].prop &&
            same_block((*v)[k].ch->node, r->v[i].node);
    (*v)[(*n)++] = (struct ins_at){r, &r->v[i], dup};
  }
}

/* Proposals that insert items into one list of BASE: each letters its
 * items (and those after them) as if alone, so the letterings clash; at
 * the same place they clash outright, and an interposed label (bis) given
 * by both names two items. One finding per other proposal, naming its
 * first such insertion and the first proposal's nearest. Returns whether
 * there was any. */
static bool lettering_clashes(struct out *o, const struct ins_at *v, size_t n, const char *prov) {
  bool any = false;
  for (size_t k = 0; k < n; k++) {
    if (v[k].dup || v[k].ch->prop == v[0].ch->prop)
      continue;
    bool first_of_prop = true;
    for (size_t m = 0; m < k && first_of_prop; m++)
      first_of_prop = v[m].dup || v[m].ch->prop != v[k].ch->prop;
    if (!first_of_prop)
      continue;
    size_t m = 0; /* the first proposal's insertion at the same place, if any */
    for (size_t i = 0; i < n; i++)
      if (v[i].ch->prop == v[0].ch->prop && v[i].r == v[k].r)
        m = i;
    char l1[64], l2[64], msg[320];
    given_label(v[m].ch, l1, sizeof l1);
    given_label(v[k].ch, l2, sizeof l2);
    if (v[m].r == v[k].r && is_bis(l1) && strcmp(l1, l2) == 0)
      snprintf(msg, sizeof msg, "the same interposed label '%s' given to different items", l1);
    else if (v[m].r == v[k].r)
      snprintf(msg, sizeof msg,
               "items inserted at the same place: '%s' and '%s' clash in the lettering", l2, l1);
    else
      snprintf(msg, sizeof msg,
               "items inserted into the same list ('%s' and '%s'): each one's lettering of it "
               "no longer holds",
               l2, l1);
    conflict(o, v[0].ch->prop, v[m].ch->node, v[k].ch->prop, v[k].ch->node, msg, prov);
    any = true;
  }
  return any;
}

/* The blocks proposals insert at one place (before BEFORE, or at the end
 * of PARENT), and their row of the synoptic table. */
static void put_inserts(struct out *o, xmlNodePtr out, const struct rec *r, const xmlNode *parent,
                        const xmlNode *before, const struct ins_at *v, size_t n, bool clash) {
  if (!r)
    return;
  char prov[160], gap[200], label[64];
  const xmlNode *prev = before ? before->prev : parent->last;
  while (prev && prev->type != XML_ELEMENT_NODE)
    prev = prev->prev;
  provision_name(prev ? prev : parent, prov, sizeof prov);
  snprintf(gap, sizeof gap, "%s (%s)", prov,
           prev ? (o->fr ? "nouveau, après" : "new, after")
                : (o->fr ? "nouveau, au début" : "new, at the start"));
  for (size_t i = 0; i < n; i++) {
    if (v[i].r != r)
      continue;
    const struct change *ch = v[i].ch;
    given_label(ch, label, sizeof label);
    char what[96];
    snprintf(what, sizeof what, "ADD%s%s", label[0] ? " " : "", label);
    cell_add(row_for(o, (uintptr_t)r, gap), ch->prop, what);
    if (!v[i].dup) /* the same block twice: one insertion */
      put_inserted(o, out, ch->node, ch->prop, o->c->merge && !clash);
  }
}

/* ------------------------------------------------------------ paragraphs */

struct pen {
  struct out *o;
  xmlNodePtr block, mark;
  int op, prop; /* the open mark: 1 del, 2 ins */
};

static void put_tok(struct pen *p, const struct ctok *t, int op, int prop) {
  xmlNodePtr at = p->block;
  if (op == 0) {
    p->mark = NULL;
  } else {
    if (!p->mark || p->op != op || p->prop != prop) {
      p->mark = add_el(p->o, p->block, op == 1 ? "del" : "ins");
      set_by(p->o, p->mark, prop);
      p->op = op;
      p->prop = prop;
    }
    at = p->mark;
  }
  if (!t->s) {
    add_copy(p->o, at, xmlDocCopyNode((xmlNodePtr)t->node, p->o->doc, 1));
    return;
  }
  xmlNodePtr last = at->last;
  if (last && last->type == XML_TEXT_NODE)
    xmlNodeAddContentLen(last, (const xmlChar *)t->s, (int)t->len);
  else
    xmlAddChild(at, xmlNewDocTextLen(p->o->doc, (const xmlChar *)t->s, (int)t->len));
}

static int by_place(const void *x, const void *y) {
  const struct hunk *a = *(const struct hunk *const *)x, *b = *(const struct hunk *const *)y;
  if (a->s != b->s)
    return a->s < b->s ? -1 : 1;
  if (a->e != b->e)
    return a->e < b->e ? -1 : 1;
  return a->prop - b->prop;
}

static bool same_hunk(const struct hunk *a, const struct hunk *b) {
  if (a->s != b->s || a->e != b->e || a->nins != b->nins)
    return false;
  for (size_t i = 0; i < a->nins; i++)
    if (a->ins[i].key != b->ins[i].key)
      return false;
  return true;
}

/* Hunks H[i, j) overlap: written as one place. */
static void put_cluster(struct pen *pen, const struct ctoks *tb, struct hunk **h, size_t i,
                        size_t j, const char *prov) {
  size_t S = h[i]->s, E = h[i]->e;
  bool clash = false;
  for (size_t k = i + 1; k < j; k++) {
    E = h[k]->e > E ? h[k]->e : E;
    if (!same_hunk(h[i], h[k]) && h[k]->prop != h[i]->prop) {
      char q1[96], q2[96], msg[320];
      toks_quote(h[i]->ins, 0, h[i]->nins, q1, sizeof q1);
      toks_quote(h[k]->ins, 0, h[k]->nins, q2, sizeof q2);
      snprintf(msg, sizeof msg, "the same words changed differently ('%s' against '%s')", q2, q1);
      conflict(pen->o, h[i]->prop, h[i]->at, h[k]->prop, h[k]->at, msg, prov);
      clash = true;
    }
  }
  bool plain = pen->o->c->merge && !clash;
  for (size_t t = S; t < E; t++) {
    int by = h[i]->prop;
    for (size_t k = i; k < j; k++)
      if (h[k]->s <= t && t < h[k]->e) {
        by = h[k]->prop;
        break;
      }
    if (!plain)
      put_tok(pen, &tb->v[t], 1, by);
  }
  for (size_t k = i; k < j; k++) {
    bool dup = false;
    for (size_t m = i; m < k && !dup; m++)
      dup = same_hunk(h[m], h[k]);
    for (size_t t = 0; !dup && t < h[k]->nins; t++)
      put_tok(pen, &h[k]->ins[t], plain ? 0 : 2, h[k]->prop);
  }
}

static void put_paragraph(struct out *o, xmlNodePtr e, const xmlNode *b, const struct rec *r) {
  struct ctoks tb = {0};
  tokenise(o->c, b, SIDE_BOTH, &tb);
  size_t nh = 0;
  for (size_t i = 0; i < r->n; i++)
    nh += r->v[i].kind == CH_MOD ? r->v[i].nh : 0;
  struct hunk **h = xmalloc((nh + 1) * sizeof *h);
  nh = 0;
  for (size_t i = 0; i < r->n; i++)
    for (size_t k = 0; r->v[i].kind == CH_MOD && k < r->v[i].nh; k++)
      h[nh++] = &r->v[i].h[k];
  qsort(h, nh, sizeof *h, by_place);
  char prov[160];
  provision_name(b, prov, sizeof prov);
  struct pen pen = {o, e, NULL, 0, 0};
  size_t pos = 0;
  for (size_t i = 0; i < nh;) {
    size_t j = i + 1, E = h[i]->e;
    while (j < nh && (h[j]->s < E || h[j]->s == h[i]->s)) {
      E = h[j]->e > E ? h[j]->e : E;
      j++;
    }
    for (; pos < h[i]->s; pos++)
      put_tok(&pen, &tb.v[pos], 0, 0);
    put_cluster(&pen, &tb, h, i, j, prov);
    pos = E > pos ? E : pos;
    i = j;
  }
  for (; pos < tb.n; pos++)
    put_tok(&pen, &tb.v[pos], 0, 0);
  free(h);
  toks_free(&tb);
}

/* ------------------------------------------------------------ blocks */

static void put_children(struct out *o, xmlNodePtr out, const xmlNode *b, int depth);

static void put_block(struct out *o, xmlNodePtr out, const xmlNode *b, int depth) {
  const struct rec *r = rec_find(o->c, (uintptr_t)b);
  int del = -1, mod = -1;
  const struct change *delc = NULL;
  for (size_t i = 0; r && i < r->n; i++) {
    if (r->v[i].kind == CH_DEL && del < 0)
      del = r->v[i].prop, delc = &r->v[i];
    if (r->v[i].kind == CH_MOD && mod < 0)
      mod = r->v[i].prop;
    if (r->v[i].kind == CH_DEL || (r->v[i].kind == CH_MOD && match_inline_block(b)))
      note_action(o, b, r->v[i].prop, r->v[i].kind == CH_DEL ? "SUP" : "MOD");
  }
  if (del < 0 && mod < 0) {
    add_copy(o, out, xmlDocCopyNode((xmlNodePtr)b, o->doc, 1));
    return;
  }
  if (mod < 0) {
    if (!o->c->merge)
      put_deleted(o, out, b, del);
    return;
  }
  if (del >= 0) { /* deleted by one, modified by another: both shown */
    char prov[160];
    provision_name(b, prov, sizeof prov);
    put_deleted(o, out, b, del);
    for (size_t i = 0; i < r->n; i++) {
      if (r->v[i].kind != CH_MOD || r->v[i].prop == del)
        continue;
      conflict(
          o, del, delc->node, r->v[i].prop, r->v[i].node,
          "modified by the first, deleted by the second; the modified text follows the deleted one",
          prov);
      put_inserted(o, out, r->v[i].node, r->v[i].prop, false);
    }
    return;
  }
  xmlNodePtr e = add_copy(o, out, xmlDocCopyNode((xmlNodePtr)b, o->doc, 2));
  if (match_inline_block(b))
    put_paragraph(o, e, b, r);
  else
    put_children(o, e, b, depth + 1);
}

static void put_children(struct out *o, xmlNodePtr out, const xmlNode *b, int depth) {
  struct ins_at *v = NULL;
  size_t n = 0;
  for (const xmlNode *ch = first_el(b); ch; ch = next_el(ch))
    collect_inserts(rec_find(o->c, (uintptr_t)ch), &v, &n);
  collect_inserts(rec_find(o->c, (uintptr_t)b + 1), &v, &n);
  bool clash = false;
  if (n > 1) {
    char prov[160];
    provision_name(b, prov, sizeof prov);
    clash = lettering_clashes(o, v, n, prov);
  }
  for (const xmlNode *ch = first_el(b); ch; ch = next_el(ch)) {
    put_inserts(o, out, rec_find(o->c, (uintptr_t)ch), b, ch, v, n, clash);
    put_block(o, out, ch, depth);
  }
  put_inserts(o, out, rec_find(o->c, (uintptr_t)b + 1), b, NULL, v, n, clash);
  free(v);
  indent(o, out, depth);
}

/* ------------------------------------------------------------ synoptic table */

static void put_cell(struct out *o, xmlNodePtr row, const char *text) {
  xmlNodePtr cell = add_el(o, row, "cell");
  xmlNodePtr p = add_el(o, cell, "p");
  xmlAddChild(p, xmlNewDocText(o->doc, (const xmlChar *)(text && *text ? text : "–")));
}

static void synoptic(struct out *o, xmlNodePtr root) {
  struct cc *c = o->c;
  xmlNodePtr annex = add_el(o, root, "annex");
  xmlSetProp(annex, (const xmlChar *)"kind", (const xmlChar *)"attachment");
  xmlSetProp(annex, (const xmlChar *)"new-page", (const xmlChar *)"true");
  xmlNodePtr title = add_el(o, annex, "title");
  xmlAddChild(title,
              xmlNewDocText(o->doc, (const xmlChar *)(o->fr ? "Tableau synoptique des propositions"
                                                            : "Synoptic table of proposals")));
  xmlNodePtr table = add_el(o, annex, "table");
  xmlNodePtr head = add_el(o, table, "row");
  xmlSetProp(head, (const xmlChar *)"header", (const xmlChar *)"true");
  put_cell(o, head, o->fr ? "Disposition" : "Provision");
  for (size_t i = 0; i < c->np; i++)
    put_cell(o, head, c->p[i].author);
  xmlNodePtr all = add_el(o, table, "row");
  put_cell(o, all, o->fr ? "Résolution" : "Resolution");
  for (size_t i = 0; i < c->np; i++) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s %s", c->p[i].action, c->p[i].ref ? c->p[i].ref : "");
    put_cell(o, all, buf);
  }
  for (size_t r = 0; r < o->nrows; r++) {
    xmlNodePtr row = add_el(o, table, "row");
    put_cell(o, row, o->rows[r].name);
    for (size_t i = 0; i < c->np; i++)
      put_cell(o, row, o->rows[r].cell[i]);
  }
  for (xmlNodePtr row = table->children; row; row = row->next)
    indent(o, row, 3);
  indent(o, table, 2);
  indent(o, annex, 1);
}

static const char *lang_of(const xmlNode *n) {
  for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    xmlChar *l = xmlNodeGetLang(n);
    if (l) {
      bool fr = strncmp((const char *)l, "fr", 2) == 0;
      xmlFree(l);
      return fr ? "fr" : "en";
    }
  }
  return "en";
}

xmlDocPtr compile_emit(struct cc *c) {
  const xmlNode *b = xmlDocGetRootElement(c->base->doc);
  struct out o = {.c = c, .doc = xmlNewDoc((const xmlChar *)"1.0")};
  o.fr = strcmp(lang_of(b), "fr") == 0;
  xmlNodePtr root = xmlDocCopyNode((xmlNodePtr)b, o.doc, 2);
  xmlDocSetRootElement(o.doc, root);
  o.ns = xmlSearchNsByHref(o.doc, root, (const xmlChar *)RESC_NS);
  if (!o.ns) {
    o.ns = xmlNewNs(root, (const xmlChar *)RESC_NS, NULL);
    xmlSetNs(root, o.ns);
  }
  xmlChar *lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  if (!lang)
    xmlNodeSetLang(root, (const xmlChar *)lang_of(b));
  xmlFree(lang);
  put_children(&o, root, b, 0);
  if (c->table)
    synoptic(&o, root);
  point_ns(root->children, o.ns);
  one_ns(root->children, o.ns);
  for (size_t r = 0; r < o.nrows; r++) {
    for (size_t i = 0; i < c->np; i++)
      free(o.rows[r].cell[i]);
    free(o.rows[r].cell);
    free(o.rows[r].name);
  }
  free(o.rows);
  return o.doc;
}
