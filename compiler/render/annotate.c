#include "render/annotate.h"

#include <stdio.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"

struct ann {
  struct analysis *a;
  xmlNsPtr x, r;
  struct vtext t;
  long next_id;
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
      xmlNewNsProp(n, an->x, (const xmlChar *)inherit[i], (const xmlChar *)v);
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
  label_text(&ii->lab[0], o, sizeof o);
  label_text(&ii->lab[1], a, sizeof a);
  if (!o[0] && !a[0])
    return;
  xmlNodePtr l = new_label(an, n, o, a);
  marked_label(an, l, &ii->lab[0], &ii->lab[1]);
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
  if (is_el(t, "section") && child_el(t, "call")) {
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
  label_text(&ti->lab[0], o, sizeof o);
  label_text(&ti->lab[1], a, sizeof a);
  l = new_label(an, ref, o, a);
  if (ri->in == SIDE_BOTH)
    marked_label(an, l, &ti->lab[0], &ti->lab[1]);
  else /* inside inserted or deleted text, which is marked already */
    add_text(l, ri->in == SIDE_A ? a : o);
}

static void number_footnote(struct ann *an, xmlNodePtr n, const struct info *ii) {
  static const char *const names[] = {"o", "a", "m"};
  for (int i = 0; i < 3; i++) {
    char buf[16] = "";
    if (ii->fn[i])
      snprintf(buf, sizeof buf, "%d", ii->fn[i]);
    xmlNewNsProp(n, an->x, (const xmlChar *)names[i], (const xmlChar *)buf);
  }
}

void annotate(struct analysis *a) {
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (!root)
    return;
  struct ann an = {a, NULL, NULL, {0}, 2};
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
      number_footnote(&an, node, ii);
  }
  vtext_free(&an.t);
  mark_changed(&an, root, NULL);
  normalize_space(root);
}
