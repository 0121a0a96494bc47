#include "core/analyse.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"

/* Infos come in chunks of CHUNK, one allocation each. Chunks are kept
 * for the next analysis rather than freed (a check of many files makes
 * one analysis after another), and an info is cleared when it is taken:
 * clearing whole chunks ahead cost more than the analysis of a small
 * document. */
#define CHUNK 64

static struct info **spare; /* chunks of analyses freed, for the next */
static size_t nspare, spare_cap;

static struct info *chunk_new(void) {
  if (nspare)
    return spare[--nspare];
  return xmalloc(CHUNK * sizeof(struct info));
}

static void chunk_free(struct info *chunk) {
  if (nspare == spare_cap) {
    spare_cap = spare_cap ? 2 * spare_cap : 16;
    spare = xrealloc(spare, spare_cap * sizeof *spare);
  }
  spare[nspare++] = chunk;
}

/* Gives every element under N (N too) its info, in a pass of its own
 * before the walk: the labelling looks at children before the walk
 * reaches them, and their kind and sides are then known already. */
/* What give_infos has learnt of the document so far: the resc namespace's
 * declaration, and the kinds of names seen, by the name's address (the
 * parser keeps one copy of each name per document). */
struct seen {
  const xmlNs *resc;
  const xmlChar *name[64];
  unsigned char kind[64];
};

static enum kind kind_seen(struct seen *s, const xmlNode *n) {
  /* the namespace compared once per declaration, not per element */
  if (!n->ns || (n->ns != s->resc && strcmp((const char *)n->ns->href, RESC_NS) != 0))
    return K_NONE;
  s->resc = n->ns;
  size_t h = ((uintptr_t)n->name >> 4) % 64;
  if (s->name[h] != n->name) {
    s->name[h] = n->name;
    s->kind[h] = (unsigned char)kind_named((const char *)n->name);
  }
  return (enum kind)s->kind[h];
}

static void give_infos(struct analysis *a, xmlNodePtr n, struct seen *seen) {
  if (a->nall % CHUNK == 0) {
    if (a->nchunks == a->chunkcap) {
      a->chunkcap = a->chunkcap ? 2 * a->chunkcap : 4;
      a->chunks = xrealloc(a->chunks, a->chunkcap * sizeof *a->chunks);
    }
    a->chunks[a->nchunks++] = chunk_new();
  }
  struct info *i = &a->chunks[a->nall / CHUNK][a->nall % CHUNK];
  a->nall++;
  memset(i, 0, sizeof *i);
  enum kind k = kind_seen(seen, n);
  i->f.kind = (unsigned char)k;
  i->f.own =
      (unsigned char)(k != K_INS && k != K_DEL && !n->properties ? SIDE_BOTH : el_own_sides(n, k));
  if (i->f.own != SIDE_BOTH)
    a->has_marks = true; /* known before the walk: label_items reads it */
  i->node = n;
  n->_private = i;
  for (xmlNodePtr ch = n->children; ch; ch = ch->next)
    if (ch->type == XML_ELEMENT_NODE)
      give_infos(a, ch, seen);
}

/* N's info, put in the analysis's list (a->infos, the order the walk
 * labels nodes in, which the checks after it follow) the first time. */
static struct info *info_new(struct analysis *a, xmlNodePtr n) {
  struct info *i = info_of(n);
  if (i->listed)
    return i;
  if (a->ninfos == a->cap) {
    a->cap = a->cap ? 2 * a->cap : CHUNK;
    a->infos = xrealloc(a->infos, a->cap * sizeof *a->infos);
  }
  a->infos[a->ninfos++] = i;
  i->listed = true;
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
  if (!is_k(n, K_SECTION))
    return false;
  for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_k(p, K_REPORT))
      return true;
  return false;
}

static bool in_annex(const xmlNode *n) {
  for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_k(p, K_ANNEX))
      return true;
  return false;
}

/* A section of a preamble, operative part or annex (an annex's sections
 * nest): its items are labelled. Cover sections of a proposal hold
 * paragraphs only. */
static bool is_item_section(const xmlNode *n) {
  return is_k(n, K_SECTION) &&
         (is_k(n->parent, K_PREAMBLE) || is_k(n->parent, K_OPERATIVE) || is_k(n->parent, K_ANNEX) ||
          (is_k(n->parent, K_SECTION) && in_annex(n)));
}

/* A section heading numbered 1, 2, 2.1: a titled section of an annex
 * with headings="numbered". */
static bool is_annex_heading(const xmlNode *n) {
  return is_k(n, K_SECTION) && child_k(n, K_TITLE) && in_annex(n);
}

static enum numbering default_style(const xmlNode *container) {
  if (is_k(container, K_LIST))
    return NUM_ROMAN;
  if (is_k(container->parent, K_OPERATIVE))
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
  if (style != NUM_DECIMAL || !is_k(c, K_LIST) || !is_k(c->parent, K_ITEM))
    return NULL;
  const struct info *pi = info_of(c->parent);
  return pi && pi->lab[s].has && pi->lab[s].base[0] ? &pi->lab[s] : NULL;
}

/* Items left out of a side, to try an explanation of its typed labels
 * (see explain_labels); NULL in the ordinary labelling. */
struct skip {
  const xmlNode *item[2];
  int n;
};

static bool skipped(const struct skip *sk, const xmlNode *it) {
  for (int i = 0; sk && i < sk->n; i++)
    if (sk->item[i] == it)
      return true;
  return false;
}

static bool on_side(const xmlNode *it, int side, const struct skip *sk) {
  return is_k(it, K_ITEM) && (own_sides(it) & side) && !skipped(sk, it);
}

static void label_side(struct analysis *a, xmlNodePtr c, int side, enum numbering style,
                       bool explicit_style, const struct skip *sk) {
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
    total += on_side(it, side, sk);
  bool only = total == 1 && !explicit_style;
  char base[LABEL_MAX] = "";
  unsigned n = 0, k = 0;
  for (xmlNodePtr it = first_el(c); it; it = next_el(it)) {
    if (!on_side(it, side, sk))
      continue;
    struct info *ii = info_new(a, it);
    ii->style = style;
    struct label *l = &ii->lab[s];
    *l = (struct label){0}; /* labelled again after a trial of explain_labels */
    ii->only[s] = only;
    if (only || style == NUM_NONE)
      continue;
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

/* Labels the items of C on SIDE, leaving out those of SK. */
static void label_container(struct analysis *a, xmlNodePtr c, int side, const struct skip *sk) {
  enum numbering style = default_style(c);
  const char *ns = attr(c, "numbering");
  bool explicit_style = ns && numbering_parse(ns, &style);
  label_side(a, c, side, style, explicit_style, sk);
}

/* Whether the labels of C's items are the same on both sides: the
 * document has no marks and no item gives both num and was (the original
 * side reads was first, the amended num). */
static bool one_labelling(const struct analysis *a, const xmlNode *c) {
  if (a->has_marks)
    return false;
  for (const xmlNode *it = first_el(c); it; it = next_el(it))
    if (it->properties && attr(it, "num") && attr(it, "was"))
      return false;
  return true;
}

static void label_items(struct analysis *a, xmlNodePtr c) {
  if (!one_labelling(a, c)) {
    label_container(a, c, SIDE_O, NULL);
    label_container(a, c, SIDE_A, NULL);
    return;
  }
  /* one text: label it once, and the original side is a copy */
  label_container(a, c, SIDE_A, NULL);
  for (xmlNodePtr it = first_el(c); it; it = next_el(it))
    if (is_k(it, K_ITEM)) {
      struct info *ii = info_of(it);
      ii->lab[0] = ii->lab[1];
      ii->only[0] = ii->only[1];
    }
}

/* Report sections: 1, 2, 3 and nested 3.1, 3.2 under their parent. */
static void label_report_sections(struct analysis *a, xmlNodePtr parent) {
  struct info *pi = info_of(parent);
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    int s = SIDX(side);
    unsigned n = 0;
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c)) {
      if (!is_k(c, K_SECTION) || !(pi->in & own_sides(c) & side))
        continue;
      struct info *ci = info_new(a, c);
      ci->style = NUM_DECIMAL;
      struct label *l = &ci->lab[s];
      l->has = true;
      l->punct = "";
      if (is_k(parent, K_SECTION) && pi->lab[s].has)
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
  while (annex && !is_k(annex, K_ANNEX))
    annex = annex->parent;
  const char *h = annex ? attr(annex, "headings") : NULL;
  struct info *pi = info_of(parent);
  if (!h || strcmp(h, "numbered") != 0) {
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c))
      if (is_annex_heading(c)) /* unnumbered, but a heading: "numbered" in messages */
        (info_new(a, c))->style = NUM_DECIMAL;
    return;
  }
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    int s = SIDX(side);
    unsigned n = 0;
    for (xmlNodePtr c = first_el(parent); c; c = next_el(c)) {
      if (!is_annex_heading(c) || !(pi->in & own_sides(c) & side))
        continue;
      struct info *ci = info_new(a, c);
      ci->style = NUM_DECIMAL;
      struct label *l = &ci->lab[s];
      l->has = true;
      l->punct = "";
      if (is_k(parent, K_SECTION) && pi->lab[s].has)
        snprintf(l->base, sizeof l->base, "%.30s.%u", pi->lab[s].base, ++n);
      else
        snprintf(l->base, sizeof l->base, "%u", ++n);
    }
  }
}

static bool same_kind(const xmlNode *x, const char *kind) {
  const char *k = attr(x, "kind");
  return is_k(x, K_ANNEX) && strcmp(k ? k : "annex", kind) == 0;
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
    struct info *ci = info_new(a, c);
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

/* FMT ("(line %ld)") naming line THERE, or "" when THERE is HERE: a
 * message printed at a line does not name it again. */
static const char *line_note(char *buf, size_t size, const char *fmt, long there, long here) {
  buf[0] = 0;
  if (there != here)
    snprintf(buf, size, fmt, there);
  return buf;
}

static const char *container_name(const xmlNode *item) {
  return is_k(item->parent, K_LIST) ? "list" : "section";
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
    const struct info *o = is_k(it, K_ITEM) ? info_of(it) : NULL;
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
    pos += is_k(it, K_ITEM) && info_of(it) && (info_of(it)->in & side);
  snprintf(buf, size, "it is item %d of its %s%s", pos + 1, container_name(item), in_text(a, side));
}

static void why_section(const struct analysis *a, const xmlNode *sec, int side, char *buf,
                        size_t size) {
  int pos = 0;
  for (const xmlNode *s = first_el(sec->parent); s && s != sec; s = next_el(s))
    pos += is_k(s, K_SECTION) && info_of(s) && (info_of(s)->in & side);
  const struct info *pi = info_of(sec->parent);
  if (is_k(sec->parent, K_SECTION) && pi && pi->lab[SIDX(side)].has)
    snprintf(buf, size, "it is section %d of section %s%s", pos + 1, pi->lab[SIDX(side)].base,
             in_text(a, side));
  else
    snprintf(buf, size, "it is section %d%s", pos + 1, in_text(a, side));
}

/* The messages name the attribute as typed and the label as printed
 * ("was=\"c\" but the item was b)"): a drafter compares them at a glance. */
static void check_one_label(struct analysis *a, xmlNodePtr n, const char *given, int side) {
  struct info *ii = info_of(n);
  const char *kind = is_k(n, K_SECTION) ? "section" : "item";
  const char *an = side == SIDE_A ? "num" : "was";
  const char *tense = side == SIDE_A ? "is" : "was";
  const struct label *l = &ii->lab[SIDX(side)];
  char have[LABEL_MAX + 8], shown[LABEL_MAX + 8], reason[700];
  if (!(ii->in & side)) {
    diag_add(a->d, a->file, node_line(n), 0, &rule_label,
             "%s=\"%s\" but the %s is %s, so it has no label in the %s text; remove %s", an, given,
             kind, side == SIDE_A ? "deleted" : "inserted", side_name(side), an);
    return;
  }
  if (l->has && l->sfx && !l->base[0])
    return; /* an interposed item with nothing before it: reported once, below */
  if (info_of(n->parent) && info_of(n->parent)->explained[SIDX(side)])
    return; /* reported at the item that lacks its mark */
  label_value(l, have, sizeof have);
  if (strcmp(have, given) == 0)
    return;
  if (l->has && label_is_symbol(ii->style)) { /* "–" or "•" cannot be written in num */
    label_text(l, shown, sizeof shown);
    diag_add(a->d, a->file, node_line(n), 0, &rule_label,
             "%s=\"%s\" but the item is marked %s, as every item of its list; a %s item carries "
             "no %s: remove it",
             an, given, shown, ii->style == NUM_DASH ? "dash" : "bullet", an);
    return;
  }
  if (is_k(n, K_ITEM))
    why(a, n, side, reason, sizeof reason);
  else
    why_section(a, n, side, reason, sizeof reason);
  label_text(l, shown, sizeof shown);
  if (!have[0])
    diag_add(a->d, a->file, node_line(n), 0, &rule_label,
             "%s=\"%s\" but the %s has no label%s (%s); remove %s", an, given, kind,
             in_text(a, side), reason, an);
  else
    diag_add(a->d, a->file, node_line(n), 0, &rule_label,
             "%s=\"%s\" but the %s %s %s%s (%s); write %s=\"%s\"", an, given, kind, tense, shown,
             in_text(a, side), reason, an, have);
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
  if (is_k(n, K_ITEM))
    check_interposed(a, n);
}

/* ------------------------------------------------------------ forgotten marks */

/* An item inserted or deleted without its mark shifts every label after
 * it, and the label rule then finds fault with each of them but not
 * with the item. When the typed labels of a section disagree with its
 * marks, look for the fewest unmarked items (one or two) whose absence
 * from that text would make every typed label right, and report those
 * items instead: once each, with the mark they probably lack. */

#define OTHER(side) (SIDE_BOTH - (side))
#define MAX_TIED 4
#define MAX_PAIRED 40 /* candidates beyond which pairs are not tried */

/* The label typed for SIDE: num for the amended text, was for the original. */
static const char *typed(const xmlNode *item, int side) {
  return attr(item, side == SIDE_A ? "num" : "was");
}

/* Whether ITEM's typed label for SIDE differs from the computed one (as
 * check_one_label judges it). */
static bool disagrees(const xmlNode *item, int side) {
  const char *given = typed(item, side);
  const struct info *ii = info_of(item);
  if (!given || !ii || !(ii->in & side))
    return false;
  const struct label *l = &ii->lab[SIDX(side)];
  if (l->has && l->sfx && !l->base[0])
    return false; /* check_interposed reports it */
  char have[LABEL_MAX + 8];
  label_value(l, have, sizeof have);
  return strcmp(have, given) != 0;
}

/* Typed labels of C's items that disagree on SIDE, counted from FROM on
 * (NULL: all); *FIRST gets the first of them. */
static int disagreements(const xmlNode *c, int side, const xmlNode *from, const xmlNode **first) {
  int n = 0;
  for (const xmlNode *it = from ? from : first_el(c); it; it = next_el(it))
    if (is_k(it, K_ITEM) && disagrees(it, side)) {
      if (!n && first)
        *first = it;
      n++;
    }
  return n;
}

/* An item that may have lost its mark for SIDE: unmarked, and with no
 * label typed for the text it would be absent from. */
static bool candidate(const xmlNode *it, int side) {
  return is_k(it, K_ITEM) && own_sides(it) == SIDE_BOTH && !typed(it, side);
}

struct search {
  int side;
  int found;                     /* explanations of the smallest size, of the best evidence */
  int evidence;                  /* how many of their items have the other text's label typed */
  struct skip best;              /* the first of them */
  const xmlNode *tied[MAX_TIED]; /* their items, for a message when several tie */
  int ntied;
  bool more; /* and items beyond MAX_TIED */
};

static void consider(struct search *s, const struct skip *sk) {
  int e = 0;
  for (int i = 0; i < sk->n; i++)
    e += typed(sk->item[i], OTHER(s->side)) != NULL;
  if (s->found && e < s->evidence)
    return;
  if (!s->found || e > s->evidence) {
    s->found = 0, s->ntied = 0, s->more = false, s->evidence = e;
    s->best = *sk;
  }
  s->found++;
  for (int i = 0; i < sk->n; i++) {
    bool seen = false;
    for (int j = 0; j < s->ntied; j++)
      seen |= s->tied[j] == sk->item[i];
    if (!seen && s->ntied < MAX_TIED)
      s->tied[s->ntied++] = sk->item[i];
    else if (!seen)
      s->more = true;
  }
}

static bool explains(struct analysis *a, xmlNodePtr c, int side, const struct skip *sk) {
  label_container(a, c, side, sk);
  return disagreements(c, side, NULL, NULL) == 0;
}

/* Where a single missing mark can be: after the last typed label that is
 * right and before the first that is wrong (removing an item elsewhere
 * leaves the first wrong one as it is), unless the container is so short
 * that a removal leaves an only item, which has no label. */
static void window(const xmlNode *c, int side, const xmlNode **lo, const xmlNode **hi) {
  int total = 0;
  *lo = *hi = NULL;
  for (const xmlNode *it = first_el(c); it; it = next_el(it))
    total += is_k(it, K_ITEM) && (own_sides(it) & side);
  if (total <= 2)
    return;
  disagreements(c, side, NULL, hi);
  for (const xmlNode *it = first_el(c); it && it != *hi; it = next_el(it))
    if (is_k(it, K_ITEM) && typed(it, side) && (info_of(it)->in & side))
      *lo = it;
}

/* Items labelled in trials, per container and side: every candidate of
 * a section of a thousand items is tried; a generated section of tens of
 * thousands with a label off costs no more than a fraction of a second. */
#define TRIAL_BUDGET 1000000L

/* Tries the candidates of the window one by one, then pairs of any
 * candidates; leaves C labelled as it was. */
static void search(struct analysis *a, xmlNodePtr c, struct search *s) {
  const xmlNode *cand[MAX_PAIRED + 1], *lo, *hi;
  long items = 0, spent = 0;
  for (const xmlNode *it = first_el(c); it; it = next_el(it))
    items++;
  window(c, s->side, &lo, &hi);
  int n = 0;
  bool many = false, inside = lo == NULL;
  for (const xmlNode *it = first_el(c); it && spent < TRIAL_BUDGET; it = next_el(it)) {
    if (it == hi)
      inside = false;
    if (candidate(it, s->side)) {
      if (inside || !hi) {
        struct skip one = {{it, NULL}, 1};
        spent += items;
        if (explains(a, c, s->side, &one))
          consider(s, &one);
      }
      if (n <= MAX_PAIRED)
        cand[n++] = it;
      else
        many = true;
    }
    if (it == lo)
      inside = true;
  }
  for (int i = 0; !s->found && !many && i < n && spent < TRIAL_BUDGET; i++)
    for (int j = i + 1; j < n; j++) {
      struct skip two = {{cand[i], cand[j]}, 2};
      spent += items;
      if (explains(a, c, s->side, &two))
        consider(s, &two);
    }
  label_container(a, c, s->side, NULL);
}

/* "12", "12 or 13", "12, 13 or 14"; "12, 13, 14 …" when there are more */
static void lines_of(const struct search *s, char *buf, size_t size) {
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; i < s->ntied && len < size; i++) {
    const char *sep = i == 0 ? "" : i == s->ntied - 1 && !s->more ? " or " : ", ";
    len += (size_t)snprintf(buf + len, size - len, "%s%ld", sep, node_line(s->tied[i]));
  }
  if (s->more && len < size)
    snprintf(buf + len, size - len, " …");
}

static void report_item(struct analysis *a, xmlNodePtr c, int side, const xmlNode *it) {
  const xmlNode *first = NULL;
  int after = disagreements(c, side, next_el(it), &first);
  const char *where = "after it";
  if (!after) {
    after = disagreements(c, side, NULL, &first);
    where = "in its section";
  }
  char name[LABEL_MAX + 16] = "this item", lab[LABEL_MAX + 8];
  label_text(&info_of(it)->lab[SIDX(OTHER(side))], lab, sizeof lab);
  if (lab[0])
    snprintf(name, sizeof name, "item %s", lab);
  char more[32] = "", at[32];
  if (after > 1)
    snprintf(more, sizeof more, ", and %d more", after - 1);
  diag_add(a->d, a->file, node_line(it), 0, &rule_label,
           "%s is probably %s but not marked: the %s labels typed %s (%s=\"%s\"%s%s) "
           "leave it out; add change=\"%s\" to it",
           name, side == SIDE_O ? "inserted" : "deleted", side_name(side), where,
           side == SIDE_A ? "num" : "was", typed(first, side),
           line_note(at, sizeof at, " on line %ld", node_line(first), node_line(it)), more,
           side == SIDE_O ? "ins" : "del");
}

/* Several items would explain the labels equally well: one error, at the
 * first label that is off, naming them. */
static void report_tie(struct analysis *a, xmlNodePtr c, const struct search *s) {
  const xmlNode *first = NULL;
  int n = disagreements(c, s->side, NULL, &first);
  char shown[LABEL_MAX + 8], lines[128], more[48] = "";
  label_text(&info_of(first)->lab[SIDX(s->side)], shown, sizeof shown);
  lines_of(s, lines, sizeof lines);
  if (n > 1)
    snprintf(more, sizeof more, ", and %d label%s after it disagree%s too", n - 1, n > 2 ? "s" : "",
             n > 2 ? "" : "s");
  diag_add(a->d, a->file, node_line(first), 0, &rule_label,
           "%s=\"%s\" but the item %s %s%s%s: %s of this %s %s probably %s but not marked "
           "(line%s %s); add change=\"%s\" to %s",
           s->side == SIDE_A ? "num" : "was", typed(first, s->side),
           s->side == SIDE_A ? "is" : "was", shown, in_text(a, s->side), more,
           s->best.n == 1 ? "an item" : "two items", container_name(first),
           s->best.n == 1 ? "is" : "are", s->side == SIDE_O ? "inserted" : "deleted",
           s->ntied > 1 ? "s" : "", lines, s->side == SIDE_O ? "ins" : "del",
           s->best.n == 1 ? "it" : "them");
}

/* One label is off, and one unmarked item would explain it as well: the
 * label may be wrong, or the item new (or gone). Both fixes are named,
 * for only the drafter knows which is true. */
static void report_either(struct analysis *a, xmlNodePtr c, const struct search *s) {
  const xmlNode *first = NULL;
  disagreements(c, s->side, NULL, &first);
  const struct info *fi = info_of(first);
  char have[LABEL_MAX + 8], shown[LABEL_MAX + 8], reason[700], lines[128];
  label_value(&fi->lab[SIDX(s->side)], have, sizeof have);
  label_text(&fi->lab[SIDX(s->side)], shown, sizeof shown);
  why(a, first, s->side, reason, sizeof reason);
  lines_of(s, lines, sizeof lines);
  const char *an = s->side == SIDE_A ? "num" : "was";
  bool ins = s->side == SIDE_O;
  diag_add(a->d, a->file, node_line(first), 0, &rule_label,
           "%s=\"%s\" but the item %s %s%s (%s); write %s=\"%s\", or, if the item on line %s "
           "%s, add change=\"%s\" to it",
           an, typed(first, s->side), ins ? "was" : "is", shown, in_text(a, s->side), reason, an,
           have, lines, ins ? "is new" : "is deleted", ins ? "ins" : "del");
}

/* Whether S is an explanation worth giving: no larger than fixing the
 * labels themselves, and, when only as large, borne out by the other
 * text's labels typed on the items. */
static bool convincing(const struct search *s, int off) {
  if (!s->found || s->best.n > off)
    return false;
  return s->best.n < off || (s->found == 1 && s->evidence == s->best.n);
}

static void explain_labels(struct analysis *a, xmlNodePtr c) {
  struct search s[2] = {{.side = SIDE_O}, {.side = SIDE_A}};
  int off[2] = {0, 0};
  for (int i = 0; i < 2; i++) {
    if (!(info_of(c)->in & s[i].side))
      continue;
    off[i] = disagreements(c, s[i].side, NULL, NULL);
    if (off[i])
      search(a, c, &s[i]);
  }
  /* an item cannot be both inserted and deleted */
  for (int i = 0; i < s[0].best.n; i++)
    if (skipped(&s[1].best, s[0].best.item[i]))
      return;
  for (int i = 0; i < 2; i++) {
    if (convincing(&s[i], off[i])) {
      info_of(c)->explained[i] = true;
      if (s[i].found == 1)
        for (int k = 0; k < s[i].best.n; k++)
          report_item(a, c, s[i].side, s[i].best.item[k]);
      else
        report_tie(a, c, &s[i]);
    } else if (s[i].found && off[i] == 1) {
      info_of(c)->explained[i] = true;
      report_either(a, c, &s[i]);
    }
  }
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
  if (!a->ids) /* made when first needed: most documents have few ids or none */
    a->ids = xmlHashCreate(16);
  xmlNodePtr prev = xmlHashLookup(a->ids, (const xmlChar *)id);
  if (prev) {
    char at[32];
    diag_add(a->d, a->file, node_line(n), 0, &rule_ref,
             "id '%s' is already used %s; ids must be unique", id,
             node_line(prev) == node_line(n)
                 ? "on this line"
                 : line_note(at, sizeof at, "at line %ld", node_line(prev), node_line(n)));
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
    if (is_k(p, K_FOOTNOTE)) {
      char at[32];
      diag_add(a->d, a->file, node_line(n), 0, &rule_schema,
               "footnote inside a footnote%s: footnotes do not nest",
               line_note(at, sizeof at, " (line %ld)", node_line(p), node_line(n)));
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
      while (r && !is_k(r, K_ROW));
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
  struct info *ii = info_new(a, n);
  ii->in = parent_in & own_sides(n);
  add_id(a, n);
  if (is_k(n, K_REF) || is_k(n, K_FNREF))
    add_ref(a, n);
  else if (is_k(n, K_FOOTNOTE))
    number_footnote(a, n, c);
  if (is_item_section(n) || is_k(n, K_LIST))
    label_items(a, n);
  else if (is_k(n, K_REPORT) || is_report_section(n))
    label_report_sections(a, n);
  else if (is_k(n, K_RESOLUTION))
    label_annexes(a, n);
  if (is_k(n, K_ROW))
    check_rowspans(a, n);
  if (is_k(n, K_ANNEX)) {
    label_annexes(a, n);
    label_annex_headings(a, n);
  } else if (is_k(n, K_SECTION) && in_annex(n)) {
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

/* ------------------------------------------------------------ ref suggestions */

#define ID_MAX 64   /* ids longer than this are not compared */
#define SUGGESTED 3 /* ids named at most */
#define SUGGEST_REFS                                                                               \
  200 /* unknown refs given suggestions, so that a                                                 \
         document of thousands costs no more */

/* Edits (insertion, deletion, substitution, swap of neighbours) from A
 * to B: optimal string alignment, the typist's distance. */
static size_t distance(const char *a, const char *b) {
  size_t m = strlen(a), n = strlen(b);
  size_t rows[3][ID_MAX + 1], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (size_t j = 0; j <= n; j++)
    prev[j] = j;
  for (size_t i = 1; i <= m; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= n; j++) {
      size_t cost = a[i - 1] != b[j - 1];
      size_t d = prev[j - 1] + cost;
      if (prev[j] + 1 < d)
        d = prev[j] + 1;
      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1;
      cur[j] = d;
    }
    size_t *t = prev2;
    prev2 = prev, prev = cur, cur = t;
  }
  return prev[n];
}

/* " or 'r2'": the ids of items, sections and annexes nearest to TO,
 * in document order, when they are near enough to be a slip. */
static void suggest(const struct analysis *a, const char *to, char *buf, size_t size) {
  buf[0] = 0;
  size_t len = strlen(to);
  if (len > ID_MAX)
    return;
  size_t best = len / 3 > 3 ? 3 : len / 3 ? len / 3 : 1; /* the most edits that suggest a slip */
  const char *found[SUGGESTED];
  int n = 0;
  for (size_t i = 0; i < a->ninfos; i++) {
    const xmlNode *x = a->infos[i]->node;
    const char *id = attr(x, "id");
    if (!id || !(is_k(x, K_ITEM) || is_k(x, K_SECTION) || is_k(x, K_ANNEX)))
      continue;
    size_t il = strlen(id);
    if (il > ID_MAX || (il > len ? il - len : len - il) > best)
      continue;
    size_t d = distance(to, id);
    if (d < best)
      n = 0, best = d;
    if (d == best && n < SUGGESTED)
      found[n++] = id;
  }
  size_t at = 0;
  for (int i = 0; i < n && at < size; i++)
    at += (size_t)snprintf(buf + at, size - at, "%s'%s'",
                           i == 0       ? "; did you mean "
                           : i == n - 1 ? " or "
                                        : ", ",
                           found[i]);
  if (n && at < size)
    snprintf(buf + at, size - at, "?");
}

static void check_ref(struct analysis *a, xmlNodePtr ref) {
  const char *to = attr(ref, "to");
  xmlNodePtr t = ref_target(a, ref);
  long line = node_line(ref);
  char at[32] = "";
  if (t)
    line_note(at, sizeof at, " (line %ld)", node_line(t), line);
  if (!t) {
    char hint[256] = "";
    if (a->unknown_refs++ < SUGGEST_REFS)
      suggest(a, to, hint, sizeof hint);
    diag_add(a->d, a->file, line, 0, &rule_ref,
             "reference to '%s': no item, section or annex has this id%s", to, hint);
    return;
  }
  if (!is_k(t, K_ITEM) && !is_k(t, K_SECTION) && !is_k(t, K_ANNEX)) {
    diag_add(a->d, a->file, line, 0, &rule_ref,
             "reference to '%s' names a %s%s; only items, sections and annexes can be cited", to,
             (const char *)t->name, at);
    return;
  }
  int rin = info_of(ref)->in, tin = info_of(t)->in;
  for (int side = SIDE_O; side <= SIDE_A; side++) {
    if (!(rin & side))
      continue;
    if (!(tin & side)) {
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "reference to '%s' is in the %s text but its target%s is %s there", to,
               side_name(side), at, side == SIDE_A ? "deleted" : "not yet inserted");
      return;
    }
    if (!is_k(t, K_SECTION) && !info_of(t)->lab[SIDX(side)].has) {
      char why_none[128] = "";
      if (info_of(t)->only[SIDX(side)])
        snprintf(why_none, sizeof why_none, " (it is the only %s of its %s)", (const char *)t->name,
                 is_k(t, K_ANNEX) ? "resolution" : container_name(t));
      diag_add(a->d, a->file, line, 0, &rule_ref, "reference to '%s': the %s%s has no label%s%s",
               to, (const char *)t->name, at, in_text(a, side), why_none);
      return;
    }
    if (is_k(t, K_SECTION) && !is_report_section(t) && !child_k(t, K_CALL) &&
        !info_of(t)->lab[SIDX(side)].has) {
      diag_add(a->d, a->file, line, 0, &rule_ref,
               "reference to '%s': the section%s has no call to cite it by", to, at);
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
  if (!is_k(t, K_FOOTNOTE)) {
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
  struct counters c = {{0, 0, 0}, 0};
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (root) {
    struct seen seen = {0};
    give_infos(a, root, &seen);
    a->cap = a->nall; /* every element is listed by the walk */
    a->infos = xmalloc(a->cap * sizeof *a->infos);
    walk(a, root, SIDE_BOTH, &c);
  }
  /* after the walk: every label is known, and whether there are marks */
  for (size_t i = 0; i < a->ninfos; i++) {
    xmlNodePtr n = a->infos[i]->node;
    if (is_item_section(n) || is_k(n, K_LIST))
      explain_labels(a, n);
  }
  for (size_t i = 0; i < a->ninfos; i++) {
    xmlNodePtr n = a->infos[i]->node;
    if (is_k(n, K_ITEM) || is_report_section(n) || is_annex_heading(n))
      check_labels(a, n);
  }
  for (size_t i = 0; i < a->nrefs; i++) {
    if (is_k(a->refs[i], K_FNREF))
      check_fnref(a, a->refs[i]);
    else
      check_ref(a, a->refs[i]);
  }
  return a;
}

void analysis_shed(struct analysis *a) {
  for (size_t i = 0; i < a->nall; i++) { /* the tree outlives the analysis */
    xmlNodePtr n = a->chunks[i / CHUNK][i % CHUNK].node;
    if (n) /* NULL: freed by authoring/resolve.c */
      n->_private = NULL;
  }
  for (size_t i = 0; i < a->nchunks; i++)
    chunk_free(a->chunks[i]);
  free(a->chunks);
  free(a->infos);
  free(a->refs);
  xmlHashFree(a->ids, NULL);
  a->chunks = NULL;
  a->infos = NULL;
  a->refs = NULL;
  a->ids = NULL;
  a->ninfos = a->cap = a->nrefs = a->refcap = 0;
  a->nchunks = a->chunkcap = a->nall = 0;
}

void analysis_free(struct analysis *a) {
  if (!a)
    return;
  analysis_shed(a);
  free(a);
}
