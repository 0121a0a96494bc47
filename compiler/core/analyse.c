#include "core/analyse.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"

struct info *info_of(const xmlNode *n) {
  return n ? (struct info *)n->_private : NULL;
}

/* Infos come in chunks of CHUNK, one allocation each, freed together. */
#define CHUNK 64

static struct info *info_new(struct analysis *a, xmlNodePtr n) {
  if (a->ninfos == a->cap) {
    a->cap = a->cap ? 2 * a->cap : CHUNK;
    a->infos = xrealloc(a->infos, a->cap * sizeof *a->infos);
    if (!a->infos)
      abort();
  }
  if (a->ninfos % CHUNK == 0) {
    struct info *chunk = xcalloc(CHUNK, sizeof *chunk);
    if (!chunk)
      abort();
    a->infos[a->ninfos] = chunk;
  } else {
    a->infos[a->ninfos] = a->infos[a->ninfos - 1] + 1;
  }
  struct info *i = a->infos[a->ninfos];
  a->ninfos++;
  i->node = n;
  n->_private = i;
  return i;
}

/* BUF gets the strings of PARTS, NULL ones skipped, as much as fits:
 * the checks ask for labels' texts thousands of times per document, and
 * snprintf's machinery was a fifth of the analysis. */
static void join(char *buf, size_t size, const char *const *parts, size_t n) {
  size_t len = 0;
  for (size_t i = 0; i < n; i++)
    for (const char *p = parts[i]; p && *p && len + 1 < size; p++)
      buf[len++] = *p;
  if (size)
    buf[len] = 0;
}

void label_value(const struct label *l, char *buf, size_t size) {
  const char *parts[] = {l->has ? l->base : NULL, l->has ? l->sfx : NULL};
  join(buf, size, parts, 2);
}

void label_text(const struct label *l, char *buf, size_t size) {
  const char *parts[] = {l->has ? l->base : NULL, l->has ? l->punct : NULL, l->has ? l->sfx : NULL};
  join(buf, size, parts, 3);
}

/* ------------------------------------------------------------ kinds */

static bool is_report_section(const xmlNode *n) {
  if (!is_el(n, "section"))
    return false;
  for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_el(p, "report"))
      return true;
  return false;
}

static bool in_annex(const xmlNode *n) {
  for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_el(p, "annex"))
      return true;
  return false;
}

/* A section of a preamble, operative part or annex (an annex's sections
 * nest): its items are labelled. Cover sections of a proposal hold
 * paragraphs only. */
static bool is_item_section(const xmlNode *n) {
  return is_el(n, "section") &&
         (is_el(n->parent, "preamble") || is_el(n->parent, "operative") ||
          is_el(n->parent, "annex") || (is_el(n->parent, "section") && in_annex(n)));
}

/* A section heading numbered 1, 2, 2.1: a titled section of an annex
 * with headings="numbered". */
static bool is_annex_heading(const xmlNode *n) {
  return is_el(n, "section") && child_el(n, "title") && in_annex(n);
}

static enum numbering default_style(const xmlNode *container) {
  if (is_el(container, "list"))
    return NUM_ROMAN;
  if (is_el(container->parent, "operative"))
    return NUM_ARABIC;
  return NUM_ALPHA;
}

/* The suffix index of an item interposed on SIDE (num="bbis" for the
 * amended text, was="bbis" for the original; either one when the other
 * is not given), or -1. */
static int interposed(const xmlNode *item, int side) {
  const char *num = attr(item, "num"), *was = attr(item, "was");
  const char *v = side == SIDE_A ? (num ? num : was) : (was ? was : num);
  char base[LABEL_MAX];
  unsigned k;
  if (v && label_split(v, base, sizeof base, &k))
    return (int)k;
  return -1;
}

/* ------------------------------------------------------------ labels */

/* A decimal list's items take their item's label as a prefix: 4.1. */
static const struct label *decimal_parent(const xmlNode *c, enum numbering style, int s) {
  if (style != NUM_DECIMAL || !is_el(c, "list") || !is_el(c->parent, "item"))
    return NULL;
  const struct info *pi = info_of(c->parent);
  return pi && pi->lab[s].has && pi->lab[s].base[0] ? &pi->lab[s] : NULL;
}

static void label_side(struct analysis *a, xmlNodePtr c, int side, enum numbering style,
                       bool explicit_style) {
  int cin = info_of(c)->in, s = SIDX(side);
  if (!(cin & side))
    return;
  const struct label *parent = decimal_parent(c, style, s);
  char prefix[LABEL_MAX] = "";
  if (parent) {
    label_value(parent, prefix, sizeof prefix - 12);
    strcat(prefix, ".");
  }
  int total = 0;
  for (xmlNodePtr it = first_el(c); it; it = next_el(it))
    total += is_el(it, "item") && (own_sides(it) & side);
  bool only = total == 1 && !explicit_style;
  char base[LABEL_MAX] = "";
  unsigned n = 0, k = 0;
  for (xmlNodePtr it = first_el(c); it; it = next_el(it)) {
    if (!is_el(it, "item") || !(own_sides(it) & side))
      continue;
    struct info *ii = info_of(it) ? info_of(it) : info_new(a, it);
    ii->style = style;
    struct label *l = &ii->lab[s];
    if (only || style == NUM_NONE) {
      ii->only[s] = only;
      continue;
    }
    if (interposed(it, side) >= 0) {
      l->sfx = label_suffix(k++);
    } else {
      size_t plen = strlen(prefix);
      memcpy(base, prefix, plen);
      label_format(style, n++, base + plen, sizeof base - plen);
      k = 0;
    }
    l->has = true;
    memcpy(l->base, base, sizeof l->base); /* both LABEL_MAX, NUL-terminated */
    l->punct = label_punct(style);
  }
}

static void label_items(struct analysis *a, xmlNodePtr c) {
  enum numbering style = default_style(c);
  const char *ns = attr(c, "numbering");
  bool explicit_style = ns && numbering_parse(ns, &style);
  label_side(a, c, SIDE_O, style, explicit_style);
  label_side(a, c, SIDE_A, style, explicit_style);
}

/* Report sections: 1, 2, 3 and nested 3.1, 3.2 under their parent. */
static void label_report_sections(struct analysis *a, xmlNodePtr parent) {
  struct info *pi = info_of(parent);
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    int s = SIDX(side);
    unsigned n = 0;
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c)) {
      if (!is_el(c, "section") || !(pi->in & own_sides(c) & side))
        continue;
      struct info *ci = info_of(c) ? info_of(c) : info_new(a, c);
      ci->style = NUM_DECIMAL;
      struct label *l = &ci->lab[s];
      l->has = true;
      l->punct = "";
      if (is_el(parent, "section") && pi->lab[s].has)
        snprintf(l->base, sizeof l->base, "%.30s.%u", pi->lab[s].base, ++n);
      else
        snprintf(l->base, sizeof l->base, "%u", ++n);
    }
  }
}

/* Titled sections of an annex with headings="numbered": 1, 2 and nested
 * 2.1 under their parent heading; untitled sections are not counted. */
static void label_annex_headings(struct analysis *a, xmlNodePtr parent) {
  const xmlNode *annex = parent;
  while (annex && !is_el(annex, "annex"))
    annex = annex->parent;
  const char *h = annex ? attr(annex, "headings") : NULL;
  struct info *pi = info_of(parent);
  if (!h || strcmp(h, "numbered") != 0) {
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c))
      if (is_annex_heading(c)) /* unnumbered, but a heading: "numbered" in messages */
        (info_of(c) ? info_of(c) : info_new(a, c))->style = NUM_DECIMAL;
    return;
  }
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    int s = SIDX(side);
    unsigned n = 0;
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c)) {
      if (!is_annex_heading(c) || !(pi->in & own_sides(c) & side))
        continue;
      struct info *ci = info_of(c) ? info_of(c) : info_new(a, c);
      ci->style = NUM_DECIMAL;
      struct label *l = &ci->lab[s];
      l->has = true;
      l->punct = "";
      if (is_el(parent, "section") && pi->lab[s].has)
        snprintf(l->base, sizeof l->base, "%.30s.%u", pi->lab[s].base, ++n);
      else
        snprintf(l->base, sizeof l->base, "%u", ++n);
    }
  }
}

static bool same_kind(const xmlNode *x, const char *kind) {
  const char *k = attr(x, "kind");
  return is_el(x, "annex") && strcmp(k ? k : "annex", kind) == 0;
}

/* The annexes of one kind among PARENT's children, on SIDE: numbered as
 * the first of them says (arabic by default, alpha: A, B; none), a sole
 * one only when its numbering is given. */
static void label_annex_kind(struct analysis *a, xmlNodePtr parent, const char *kind, int side) {
  int pin = info_of(parent)->in, total = 0;
  const char *numbering = NULL;
  bool first = true;
  for (xmlNodePtr c = first_el(parent); c; c = next_el(c))
    if (same_kind(c, kind)) {
      if (first)
        numbering = attr(c, "numbering");
      first = false;
      total += (pin & own_sides(c) & side) != 0;
    }
  bool alpha = numbering && strcmp(numbering, "alpha") == 0;
  bool none = numbering && strcmp(numbering, "none") == 0;
  unsigned n = 0;
  for (xmlNodePtr c = first_el(parent); c; c = next_el(c)) {
    if (!same_kind(c, kind) || !(pin & own_sides(c) & side))
      continue;
    struct info *ci = info_of(c) ? info_of(c) : info_new(a, c);
    ci->style = alpha ? NUM_ALPHA : NUM_ARABIC;
    ci->only[SIDX(side)] = total == 1 && !numbering;
    struct label *l = &ci->lab[SIDX(side)];
    l->has = !none && (total > 1 || numbering); /* a sole annex is just ANNEXE */
    l->punct = "";
    label_format(ci->style, n++, l->base, sizeof l->base);
    for (char *p = l->base; alpha && *p; p++)
      *p = (char)(*p - 'a' + 'A'); /* ANNEX A, B */
  }
}

/* Annexes are numbered when a view holds several (of a kind). */
static void label_annexes(struct analysis *a, xmlNodePtr parent) {
  static const char *const kinds[] = {"annex", "appendix", "attachment"};
  for (int side = SIDE_O; side <= SIDE_A; side++)
    for (size_t k = 0; k < 3; k++)
      label_annex_kind(a, parent, kinds[k], side);
}

/* ------------------------------------------------------------ label rule */

const char *in_text(const struct analysis *a, int side) {
  if (!a->has_marks)
    return "";
  return side == SIDE_O ? " in the original text" : " in the amended text";
}

static const char *container_name(const xmlNode *item) {
  return is_el(item->parent, "list") ? "list" : "section";
}

static const char *ordinal(unsigned k) {
  static const char *const words[] = {"first", "second",  "third",  "fourth", "fifth",
                                      "sixth", "seventh", "eighth", "ninth"};
  return k < 9 ? words[k] : "next";
}

/* Items inserted and deleted before ITEM, as "item e) was inserted and
 * item c) was deleted before it"; empty when there are none. */
static void moved_by(const xmlNode *item, char *buf, size_t size) {
  char ins[256] = "", del[256] = "";
  int nins = 0, ndel = 0;
  for (const xmlNode *it = first_el(item->parent); it && it != item; it = next_el(it)) {
    const struct info *o = is_el(it, "item") ? info_of(it) : NULL;
    if (!o || o->in == SIDE_BOTH || !o->in)
      continue;
    char *dst = o->in == SIDE_A ? ins : del;
    int *cnt = o->in == SIDE_A ? &nins : &ndel;
    size_t len = strlen(dst);
    /* once full, the rest would be cut: formatting it for every item of
     * a long section made the rule quadratic */
    if (len < 255) {
      char t[LABEL_MAX + 4];
      label_text(&o->lab[SIDX(o->in)], t, sizeof t);
      snprintf(dst + len, 256 - len, "%s%s", *cnt ? ", " : "", t[0] ? t : "(unlabelled)");
    }
    (*cnt)++;
  }
  buf[0] = 0;
  if (!nins && !ndel)
    return;
  char a[300] = "", b[300] = "";
  if (nins)
    snprintf(a, sizeof a, "item%s %s %s inserted", nins > 1 ? "s" : "", ins,
             nins > 1 ? "were" : "was");
  if (ndel)
    snprintf(b, sizeof b, "item%s %s %s deleted", ndel > 1 ? "s" : "", del,
             ndel > 1 ? "were" : "was");
  snprintf(buf, size, "%s%s%s before it", a, nins && ndel ? " and " : "", b);
}

/* Why an item has the label it has on SIDE. */
static void why(const struct analysis *a, const xmlNode *item, int side, char *buf, size_t size) {
  const struct info *ii = info_of(item);
  const struct label *l = &ii->lab[SIDX(side)];
  if (ii->only[SIDX(side)]) {
    snprintf(buf, size, "it is the only item of its %s%s", container_name(item), in_text(a, side));
    return;
  }
  if (l->sfx) {
    unsigned k = 0;
    for (unsigned i = 0; label_suffix(i); i++)
      if (strcmp(label_suffix(i), l->sfx) == 0)
        k = i;
    snprintf(buf, size, "it is the %s item interposed after %s%s", ordinal(k), l->base, l->punct);
    return;
  }
  if (side == SIDE_A) {
    moved_by(item, buf, size);
    if (buf[0])
      return;
  }
  int pos = 0;
  for (const xmlNode *it = first_el(item->parent); it && it != item; it = next_el(it))
    pos += is_el(it, "item") && info_of(it) && (info_of(it)->in & side);
  snprintf(buf, size, "it is item %d of its %s%s", pos + 1, container_name(item), in_text(a, side));
}

static void why_section(const struct analysis *a, const xmlNode *sec, int side, char *buf,
                        size_t size) {
  int pos = 0;
  for (const xmlNode *s = first_el(sec->parent); s && s != sec; s = next_el(s))
    pos += is_el(s, "section") && info_of(s) && (info_of(s)->in & side);
  const struct info *pi = info_of(sec->parent);
  if (is_el(sec->parent, "section") && pi && pi->lab[SIDX(side)].has)
    snprintf(buf, size, "it is section %d of section %s%s", pos + 1, pi->lab[SIDX(side)].base,
             in_text(a, side));
  else
    snprintf(buf, size, "it is section %d%s", pos + 1, in_text(a, side));
}

static void check_one_label(struct analysis *a, xmlNodePtr n, const char *given, int side) {
  struct info *ii = info_of(n);
  const char *kind = is_el(n, "section") ? "section" : "item";
  const char *verb = label_verb(ii->style);
  const char *tense = side == SIDE_A ? "is" : "was";
  const struct label *l = &ii->lab[SIDX(side)];
  char have[LABEL_MAX + 8], reason[700];
  if (!(ii->in & side)) {
    diag_add(a->d, a->file, node_line(n), 0, &rule_label,
             "%s %s %s '%s' but it is %s, so it has no label in the %s text; "
             "remove %s=\"%s\"",
             kind, tense, verb, given, side == SIDE_A ? "deleted" : "inserted", side_name(side),
             side == SIDE_A ? "num" : "was", given);
    return;
  }
  if (l->has && l->sfx && !l->base[0])
    return; /* an interposed item with nothing before it: reported once, below */
  label_value(l, have, sizeof have);
  if (strcmp(have, given) == 0)
    return;
  if (is_el(n, "item"))
    why(a, n, side, reason, sizeof reason);
  else
    why_section(a, n, side, reason, sizeof reason);
  if (!have[0])
    diag_add(a->d, a->file, node_line(n), 0, &rule_label, "%s %s %s '%s' but has no label%s (%s)",
             kind, tense, verb, given, in_text(a, side), reason);
  else
    diag_add(a->d, a->file, node_line(n), 0, &rule_label, "%s %s %s '%s' but %s '%s'%s (%s)", kind,
             tense, verb, given, tense, have, in_text(a, side), reason);
}

static void check_interposed(struct analysis *a, xmlNodePtr item) {
  struct info *ii = info_of(item);
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    const struct label *l = &ii->lab[SIDX(side)];
    if ((ii->in & side) && l->has && l->sfx && !l->base[0]) {
      diag_add(a->d, a->file, node_line(item), 0, &rule_label,
               "interposed item '%s' has no item before it%s to take its label from",
               attr(item, "num") ? attr(item, "num") : attr(item, "was"), in_text(a, side));
      return;
    }
  }
}

static void check_labels(struct analysis *a, xmlNodePtr n) {
  const char *num = attr(n, "num"), *was = attr(n, "was");
  if (num)
    check_one_label(a, n, num, SIDE_A);
  if (was)
    check_one_label(a, n, was, SIDE_O);
  if (is_el(n, "item"))
    check_interposed(a, n);
}

/* ------------------------------------------------------------ walk */

struct counters {
  int fn[3];
  int serial; /* every footnote, symbol ones too: DOCX ids */
};

static void add_id(struct analysis *a, xmlNodePtr n) {
  const char *id = attr(n, "id");
  if (!id)
    return;
  xmlNodePtr prev = xmlHashLookup(a->ids, (const xmlChar *)id);
  if (prev) {
    diag_add(a->d, a->file, node_line(n), 0, &rule_ref,
             "id '%s' is already used at line %ld; ids must be unique", id, node_line(prev));
    return;
  }
  xmlHashAddEntry(a->ids, (const xmlChar *)id, n);
}

static void add_ref(struct analysis *a, xmlNodePtr n) {
  if (a->nrefs == a->refcap) {
    a->refcap = a->refcap ? 2 * a->refcap : 32;
    a->refs = xrealloc(a->refs, a->refcap * sizeof *a->refs);
    if (!a->refs)
      abort();
  }
  a->refs[a->nrefs++] = n;
}

static void number_footnote(struct analysis *a, xmlNodePtr n, struct counters *c) {
  struct info *ii = info_of(n);
  for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_el(p, "footnote")) {
      diag_add(a->d, a->file, node_line(n), 0, &rule_schema,
               "footnote inside a footnote (line %ld): footnotes do not nest", node_line(p));
      break;
    }
  ii->fn_serial = ++c->serial;
  if (attr(n, "mark"))
    return; /* a symbol footnote shows its mark, uncounted */
  ii->fn[2] = ++c->fn[2];
  if (ii->in & SIDE_O)
    ii->fn[0] = ++c->fn[0];
  if (ii->in & SIDE_A)
    ii->fn[1] = ++c->fn[1];
}

/* A cell's rowspan covers rows that every view has, or loses, with its
 * own row: a table must keep its shape from view to view. */
static void check_rowspans(struct analysis *a, xmlNodePtr row) {
  for (xmlNodePtr cell = first_el(row); cell; cell = next_el(cell)) {
    const char *v = attr(cell, "rowspan");
    long span = v ? strtol(v, NULL, 10) : 1;
    xmlNodePtr r = row;
    for (long i = 1; i < span; i++) {
      do
        r = next_el(r);
      while (r && !is_el(r, "row"));
      if (!r) {
        diag_add(a->d, a->file, node_line(cell), 0, &rule_schema,
                 "cell spans %ld rows but its table has %ld after its own; make rowspan smaller",
                 span, i - 1);
        break;
      }
      if (own_sides(r) != own_sides(row)) {
        diag_add(a->d, a->file, node_line(cell), 0, &rule_schema,
                 "cell spans %ld rows but the row at line %ld is %s and its own is not; "
                 "a rowspan must not cross a row inserted or deleted whole",
                 span, node_line(r), own_sides(r) == SIDE_A ? "inserted" : "deleted");
        break;
      }
    }
  }
}

static void walk(struct analysis *a, xmlNodePtr n, int parent_in, struct counters *c) {
  struct info *ii = info_of(n) ? info_of(n) : info_new(a, n);
  ii->in = parent_in & own_sides(n);
  add_id(a, n);
  if (is_el(n, "ref") || is_el(n, "fnref"))
    add_ref(a, n);
  else if (is_el(n, "footnote"))
    number_footnote(a, n, c);
  if (is_item_section(n) || is_el(n, "list"))
    label_items(a, n);
  else if (is_el(n, "report") || is_report_section(n))
    label_report_sections(a, n);
  else if (is_el(n, "resolution"))
    label_annexes(a, n);
  if (is_el(n, "row"))
    check_rowspans(a, n);
  if (is_el(n, "annex")) {
    label_annexes(a, n);
    label_annex_headings(a, n);
  } else if (is_el(n, "section") && in_annex(n)) {
    label_annex_headings(a, n);
  }
  if (own_sides(n) != SIDE_BOTH)
    a->has_marks = true;
  for (xmlNodePtr ch = n->children; ch; ch = ch->next)
    if (ch->type == XML_ELEMENT_NODE)
      walk(a, ch, ii->in, c);
}

/* ------------------------------------------------------------ refs */

xmlNodePtr ref_target(const struct analysis *a, const xmlNode *ref) {
  const char *to = attr(ref, "to");
  return to ? xmlHashLookup(a->ids, (const xmlChar *)to) : NULL;
}

static void check_ref(struct analysis *a, xmlNodePtr ref) {
  const char *to = attr(ref, "to");
  xmlNodePtr t = ref_target(a, ref);
  long line = node_line(ref);
  if (!t) {
    diag_add(a->d, a->file, line, 0, &rule_ref,
             "reference to '%s': no item, section or annex has this id", to);
    return;
  }
  if (!is_el(t, "item") && !is_el(t, "section") && !is_el(t, "annex")) {
    diag_add(a->d, a->file, line, 0, &rule_ref,
             "reference to '%s' names a %s (line %ld); only items, sections and annexes "
             "can be cited",
             to, (const char *)t->name, node_line(t));
    return;
  }
  int rin = info_of(ref)->in, tin = info_of(t)->in;
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    if (!(rin & side))
      continue;
    if (!(tin & side)) {
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "reference to '%s' is in the %s text but its target (line %ld) is %s there", to,
               side_name(side), node_line(t), side == SIDE_A ? "deleted" : "not yet inserted");
      return;
    }
    if (!is_el(t, "section") && !info_of(t)->lab[SIDX(side)].has) {
      char why_none[128] = "";
      if (info_of(t)->only[SIDX(side)])
        snprintf(why_none, sizeof why_none, " (it is the only %s of its %s)", (const char *)t->name,
                 is_el(t, "annex") ? "resolution" : container_name(t));
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "reference to '%s': the %s (line %ld) has no label%s%s", to, (const char *)t->name,
               node_line(t), in_text(a, side), why_none);
      return;
    }
    if (is_el(t, "section") && !is_report_section(t) && !child_el(t, "call") &&
        !info_of(t)->lab[SIDX(side)].has) {
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "reference to '%s': the section (line %ld) has no call to cite it by", to,
               node_line(t));
      return;
    }
  }
}

/* A second call of a footnote: its target must be a footnote, present
 * wherever the call is. */
static void check_fnref(struct analysis *a, xmlNodePtr ref) {
  const char *to = attr(ref, "to");
  xmlNodePtr t = ref_target(a, ref);
  long line = node_line(ref);
  if (!t) {
    diag_add(a->d, a->file, line, 0, &rule_ref,
             "footnote call '%s': no footnote has this id; give the footnote id=\"%s\"", to, to);
    return;
  }
  if (!is_el(t, "footnote")) {
    diag_add(
        a->d, a->file, line, 0, &rule_ref,
        "footnote call '%s' names the %s at line %ld; fnref calls a footnote, ref cites an item",
        to, (const char *)t->name, node_line(t));
    return;
  }
  int rin = info_of(ref)->in, tin = info_of(t)->in;
  for (int side = SIDE_O; side <= SIDE_A; side++)
    if ((rin & side) && !(tin & side)) {
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "footnote call '%s' is in the %s text but its footnote (line %ld) is not; "
               "call a footnote present in both",
               to, side_name(side), node_line(t));
      return;
    }
}

struct analysis *analyse(xmlDocPtr doc, const char *file, struct diags *d) {
  struct analysis *a = xcalloc(1, sizeof *a);
  if (!a)
    abort();
  a->doc = doc;
  a->file = file;
  a->d = d;
  a->ids = xmlHashCreate(64);
  struct counters c = {{0, 0, 0}, 0};
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (root)
    walk(a, root, SIDE_BOTH, &c);
  /* after the walk: every label is known, and whether there are marks */
  for (size_t i = 0; i < a->ninfos; i++) {
    xmlNodePtr n = a->infos[i]->node;
    if (is_el(n, "item") || is_report_section(n) || is_annex_heading(n))
      check_labels(a, n);
  }
  for (size_t i = 0; i < a->nrefs; i++) {
    if (is_el(a->refs[i], "fnref"))
      check_fnref(a, a->refs[i]);
    else
      check_ref(a, a->refs[i]);
  }
  return a;
}

void analysis_free(struct analysis *a) {
  if (!a)
    return;
  for (size_t i = 0; i < a->ninfos; i++) {
    if (a->infos[i]->node) /* the tree outlives the analysis */
      a->infos[i]->node->_private = NULL;
  }
  for (size_t i = 0; i < a->ninfos; i += CHUNK)
    free(a->infos[i]);
  free(a->infos);
  free(a->refs);
  xmlHashFree(a->ids, NULL);
  free(a);
}
