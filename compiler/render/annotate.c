#include "render/annotate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"

struct ann {
  struct analysis *a;
  xmlNsPtr x, r;
  struct vtext t;
  long next_id;
  bool abjad; /* an Arabic text: its letters are printed أ) ب) ج) */
};

/* The value of attribute NAME on N or its nearest ancestor that has it. */
static const char *inherited(const xmlNode *n, const char *name) {
  for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    const char *v = attr(n, name);
    if (v)
      return v;
  }
  return NULL;
}

/* An attribute x:NAME whose value is stored once per document, however
 * many marks carry it: the string is the document's dictionary's, which
 * libxml2 knows not to free per node. A proposal's `by` is inherited by
 * every mark in it; copied onto each, memory grew as the length of `by`
 * times the number of marks. */
static void set_shared(struct ann *an, xmlNodePtr n, const char *name, const char *v) {
  xmlDictPtr dict = an->a->doc->dict;
  const xmlChar *shared = dict ? xmlDictLookup(dict, (const xmlChar *)v, -1) : NULL;
  if (!shared) {
    xmlNewNsProp(n, an->x, (const xmlChar *)name, (const xmlChar *)v);
    return;
  }
  xmlAttrPtr p = xmlNewNsProp(n, an->x, (const xmlChar *)name, NULL);
  xmlNodePtr t = xmlNewDocText(an->a->doc, NULL);
  if (!p || !t)
    return;
  t->content = (xmlChar *)shared;
  t->parent = (xmlNodePtr)p;
  p->children = p->last = t;
}

/* Word wants a distinct number on every tracked change: each mark gets an
 * even x:id, so that a renderer has that number and the next one (a
 * paragraph's runs and its paragraph mark). With it, who made the change
 * and when (x:by, x:date: the mark's own by and date, or its nearest
 * ancestor's), so that a renderer need not search for them. */
static void set_id(struct ann *an, xmlNodePtr n) {
  char buf[24];
  snprintf(buf, sizeof buf, "%ld", an->next_id);
  an->next_id += 2;
  xmlNewNsProp(n, an->x, (const xmlChar *)"id", (const xmlChar *)buf);
  static const char *const inherit[] = {"by", "date"};
  for (int i = 0; i < 2; i++) {
    const char *v = inherited(n, inherit[i]);
    if (v)
      set_shared(an, n, inherit[i], v);
  }
}

/* x:change on every element of a block inserted or deleted whole: the
 * change of the nearest such block, itself included. */
static void mark_changed(struct ann *an, xmlNodePtr n, const char *change) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || c->ns != an->r)
      continue;
    const char *own = attr(c, "change");
    const char *m = own ? own : change;
    if (m)
      xmlNewNsProp(c, an->x, (const xmlChar *)"change", (const xmlChar *)m);
    mark_changed(an, c, m);
  }
}

static void add_text(xmlNodePtr parent, const char *s) {
  if (s && *s)
    xmlAddChild(parent, xmlNewText((const xmlChar *)s));
}

/* o and a differ: the old one deleted, the new one inserted, then the
 * part they share. */
static void add_pair(struct ann *an, xmlNodePtr parent, const char *o, const char *a,
                     const char *tail) {
  if (strcmp(o, a) == 0) {
    add_text(parent, o);
  } else {
    if (*o)
      set_id(an, xmlNewTextChild(parent, an->r, (const xmlChar *)"del", (const xmlChar *)o));
    if (*a)
      set_id(an, xmlNewTextChild(parent, an->r, (const xmlChar *)"ins", (const xmlChar *)a));
  }
  add_text(parent, tail);
}

static xmlNodePtr new_label(struct ann *an, xmlNodePtr owner, const char *o, const char *a) {
  xmlNodePtr l = xmlNewDocNode(an->a->doc, an->x, (const xmlChar *)"label", NULL);
  xmlNewProp(l, (const xmlChar *)"o", (const xmlChar *)o);
  xmlNewProp(l, (const xmlChar *)"a", (const xmlChar *)a);
  if (owner->children)
    xmlAddPrevSibling(owner->children, l);
  else
    xmlAddChild(owner, l);
  return l;
}

/* L as the text prints it: in an Arabic text a lettered label's letters
 * are the abjad's (num= keeps the Latin letters, which the rules and the
 * other language versions share). */
static struct label shown(const struct ann *an, const struct label *l, enum numbering style) {
  struct label s = *l;
  if (an->abjad && l->has && (style == NUM_ALPHA || style == NUM_ALPHA_DOT))
    label_to_abjad(l->base, s.base, sizeof s.base);
  return s;
}

static void marked_label(struct ann *an, xmlNodePtr l, const struct label *lo,
                         const struct label *la) {
  char o[LABEL_MAX + 16], a[LABEL_MAX + 16];
  label_text(lo, o, sizeof o);
  label_text(la, a, sizeof a);
  bool same_tail = lo->has && la->has && strcmp(lo->punct, la->punct) == 0 && (lo->sfx == la->sfx);
  if (same_tail) {
    char tail[32];
    snprintf(tail, sizeof tail, "%s%s", lo->punct, lo->sfx ? lo->sfx : "");
    add_pair(an, l, lo->base, la->base, tail);
  } else {
    add_pair(an, l, o, a, "");
  }
}

static void label_node(struct ann *an, xmlNodePtr n, const struct info *ii) {
  char o[LABEL_MAX + 16], a[LABEL_MAX + 16];
  struct label lo = shown(an, &ii->lab[0], ii->style), la = shown(an, &ii->lab[1], ii->style);
  label_text(&lo, o, sizeof o);
  label_text(&la, a, sizeof a);
  if (!o[0] && !a[0])
    return;
  xmlNodePtr l = new_label(an, n, o, a);
  marked_label(an, l, &lo, &la);
}

static char *call_text(struct ann *an, const xmlNode *section, int side) {
  const xmlNode *call = child_el(section, "call");
  return vtext_copy(&an->t, call && (node_sides(call) & side) ? call : NULL, side);
}

/* A ref shows its target's label: in the marked view the pair, unless the
 * ref itself stands in inserted or deleted text, which has one side. */
static void label_ref(struct ann *an, xmlNodePtr ref) {
  xmlNodePtr t = ref_target(an->a, ref);
  const struct info *ti = info_of(t), *ri = info_of(ref);
  if (!t || !ti || !ri)
    return;
  xmlNodePtr l;
  if (is_el(t, "section") && child_el(t, "call") && !ti->lab[0].has && !ti->lab[1].has) {
    char *o = call_text(an, t, SIDE_O), *a = call_text(an, t, SIDE_A);
    l = new_label(an, ref, o, a);
    if (ri->in == SIDE_BOTH)
      add_pair(an, l, o, a, "");
    else /* inside inserted or deleted text, which is marked already */
      add_text(l, ri->in == SIDE_A ? a : o);
    free(o);
    free(a);
    return;
  }
  char o[LABEL_MAX + 16], a[LABEL_MAX + 16];
  struct label lo = shown(an, &ti->lab[0], ti->style), la = shown(an, &ti->lab[1], ti->style);
  label_text(&lo, o, sizeof o);
  label_text(&la, a, sizeof a);
  l = new_label(an, ref, o, a);
  if (ri->in == SIDE_BOTH)
    marked_label(an, l, &lo, &la);
  else /* inside inserted or deleted text, which is marked already */
    add_text(l, ri->in == SIDE_A ? a : o);
}

/* A footnote's number in each view (x:o, x:a, x:m: what its call shows;
 * a symbol footnote's mark wherever it is present) and x:n, its place
 * among all footnotes, which DOCX uses as the footnote's id. N is the
 * footnote itself or a second call of it (fnref), FN the footnote. */
static void number_footnote(struct ann *an, xmlNodePtr n, const xmlNode *fn) {
  static const char *const names[] = {"o", "a", "m"};
  const struct info *ii = info_of(fn);
  const char *mark = attr(fn, "mark");
  for (int i = 0; i < 3; i++) {
    char buf[16] = "";
    bool present = i == 2 || (ii->in & (i == 0 ? SIDE_O : SIDE_A));
    if (mark && present)
      snprintf(buf, sizeof buf, "%s", mark);
    else if (ii->fn[i])
      snprintf(buf, sizeof buf, "%d", ii->fn[i]);
    xmlNewNsProp(n, an->x, (const xmlChar *)names[i], (const xmlChar *)buf);
  }
  char serial[16];
  snprintf(serial, sizeof serial, "%d", ii->fn_serial);
  xmlNewNsProp(n, an->x, (const xmlChar *)"n", (const xmlChar *)serial);
}

/* ------------------------------------------------------------ tables */

#define MAX_COLS 64

struct grid {
  int below[MAX_COLS]; /* rows still covered by a rowspan from above */
  int width[MAX_COLS]; /* the covering cell's colspan, at its first column */
};

static int span_of(const xmlNode *cell, const char *name) {
  const char *v = attr(cell, name);
  int n = v ? atoi(v) : 1;
  return n < 1 ? 1 : n > MAX_COLS ? MAX_COLS : n;
}

/* Where a rowspan covers column COL of a row, an x:merge stands in for
 * the covered cell (Word wants a w:tc with w:vMerge there); returns the
 * column after it. */
static int cover(struct ann *an, struct grid *g, xmlNodePtr row, xmlNodePtr before, int col) {
  while (col < MAX_COLS && g->below[col] > 0) {
    int w = g->width[col] ? g->width[col] : 1;
    xmlNodePtr m = xmlNewDocNode(an->a->doc, an->x, (const xmlChar *)"merge", NULL);
    char buf[16];
    snprintf(buf, sizeof buf, "%d", w);
    xmlNewProp(m, (const xmlChar *)"colspan", (const xmlChar *)buf);
    if (before)
      xmlAddPrevSibling(before, m);
    else
      xmlAddChild(row, m);
    for (int i = col; i < col + w && i < MAX_COLS; i++)
      g->below[i]--;
    col += w;
  }
  return col;
}

/* The grid of a table, for DOCX: x:cols, the number of its columns, and
 * an x:merge where a row's cell is covered by a rowspan. Rows count in
 * every view alike (a rowspan must not cross an inserted or deleted
 * row). */
static void table_grid(struct ann *an, xmlNodePtr table) {
  struct grid g;
  memset(&g, 0, sizeof g);
  int cols = 1;
  for (xmlNodePtr row = first_el(table); row; row = next_el(row)) {
    if (!is_el(row, "row"))
      continue;
    int col = 0;
    for (xmlNodePtr cell = first_el(row); cell; cell = next_el(cell)) {
      col = cover(an, &g, row, cell, col);
      int cs = span_of(cell, "colspan"), rs = span_of(cell, "rowspan");
      for (int i = col; i < col + cs && i < MAX_COLS; i++)
        g.below[i] = rs - 1;
      if (col < MAX_COLS)
        g.width[col] = cs;
      col += cs;
    }
    col = cover(an, &g, row, NULL, col);
    if (col > cols)
      cols = col;
  }
  char buf[16];
  snprintf(buf, sizeof buf, "%d", cols > MAX_COLS ? MAX_COLS : cols);
  xmlNewNsProp(table, an->x, (const xmlChar *)"cols", (const xmlChar *)buf);
}

void annotate(struct analysis *a) {
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (!root)
    return;
  struct ann an = {a, NULL, NULL, {0}, 2, false};
  xmlChar *lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  an.abjad = lang && xmlStrEqual(lang, (const xmlChar *)"ar");
  xmlFree(lang);
  vtext_init(&an.t);
  an.x = xmlNewNs(root, (const xmlChar *)ANNOT_NS, (const xmlChar *)"x");
  an.r = xmlSearchNsByHref(a->doc, root, (const xmlChar *)RESC_NS);
  /* the infos array is in document order: parents before children */
  size_t n = a->ninfos;
  for (size_t i = 0; i < n; i++) {
    struct info *ii = a->infos[i];
    xmlNodePtr node = ii->node;
    if (ii->in != SIDE_BOTH || own_sides(node) != SIDE_BOTH)
      set_id(&an, node);
    if (is_el(node, "item") || is_el(node, "section") || is_el(node, "annex"))
      label_node(&an, node, ii);
    else if (is_el(node, "ref"))
      label_ref(&an, node);
    else if (is_el(node, "footnote"))
      number_footnote(&an, node, node);
    else if (is_el(node, "fnref") && ref_target(a, node) && is_el(ref_target(a, node), "footnote"))
      number_footnote(&an, node, ref_target(a, node));
    else if (is_el(node, "table"))
      table_grid(&an, node);
  }
  vtext_free(&an.t);
  mark_changed(&an, root, NULL);
  normalize_space(root);
}
