/* Rule stale-ref: a citation typed as text (rules/citations.h: "point i)
 * du considérant", "resolves 1 to 4", "considering d)") that names an item
 * of this resolution
 *   - whose label changed or vanished in the amended text (the text still
 *     says what the original said), or
 *   - that does not exist in the text where the citation stands.
 * Citations of other texts ("resolves 2 of Resolution 58") are not this
 * resolution's and are left alone. A finding the same in both texts is
 * reported once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/xalloc.h"
#include "rules/citations.h"
#include "rules/rules.h"
#include "rules/sides.h"

static void run(struct rule_ctx *c);

const struct rule rule_stale_ref = {
    "stale-ref", SEV_WARNING,
    "plain text such as \"point i) du considérant\", \"resolves 1 to 4\" or \"considering d)\" "
    "names an item whose label changed or vanished in the amended text, or that does not exist",
    "A citation typed as text is not updated when an amendment reletters the items it names: "
    "\"point e) du considérant\" still says e) after an insertion made it f). Change the "
    "citation with the amendment (<del>e)</del><ins>f)</ins>), or cite with <ref to=\"ID\"/>, "
    "which resc labels in every view. A citation of an item the section does not have (\"point "
    "f) du considérant\" when considérant ends at c)) is reported too; citations of other "
    "texts (\"resolves 2 of Resolution 58\") are not checked.",
    run};

/* The rule's state while it walks one resolution. */
struct stale {
  struct rule_ctx *c;
  struct cite_sections secs[2]; /* the sections by call, on each side */
  struct vtext t;               /* a paragraph's text on one side */
  char *raw;                    /* a paragraph's text, markup aside */
  size_t raw_cap;
};

/* The item of SECTION labelled LAB on SIDE, or NULL. */
static const xmlNode *item_labelled(const xmlNode *section, const char *lab, int side) {
  for (const xmlNode *it = first_el(section); it; it = next_el(it)) {
    const struct info *ii = is_k(it, K_ITEM) ? info_of(it) : NULL;
    if (!ii || !(ii->in & side))
      continue;
    char v[LABEL_MAX];
    label_value(&ii->lab[SIDX(side)], v, sizeof v);
    if (strcmp(v, lab) == 0)
      return it;
  }
  return NULL;
}

static const char *call_of(const struct cite_sections *s, const xmlNode *section) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i].node == section)
      return s->v[i].call;
  return "";
}

static bool inserted(const struct vtext *t, const struct cite_label *l) {
  for (size_t k = 0; k < l->len; k++)
    if (t->ins[l->start + k])
      return true;
  return false;
}

/* On the amended side of a marked document: whether the label names an
 * item of the original whose label changed (reported in F). A label the
 * amendment itself wrote (<del>c)</del><ins>d)</ins>) follows the amended
 * lettering already. */
static bool stale(struct stale *st, const struct citation *c, const struct cite_label *l,
                  struct findings *f) {
  const struct vtext *t = &st->t;
  const xmlNode *it = inserted(t, l) ? NULL : item_labelled(c->section, l->value, SIDE_O);
  if (!it)
    return false;
  const struct info *ii = info_of(it);
  char now[LABEL_MAX + 8], was[LABEL_MAX + 8], v[LABEL_MAX];
  label_value(&ii->lab[1], v, sizeof v);
  if ((ii->in & SIDE_A) && strcmp(v, l->value) == 0)
    return false;
  label_text(&ii->lab[0], was, sizeof was);
  label_text(&ii->lab[1], now, sizeof now);
  long line = t->line[c->start];
  int len = (int)c->len;
  const char *s = t->s + c->start;
  if (ii->in & SIDE_A)
    findings_add(f, line, "\"%.*s\": the item that was %s is %s in the amended text", len, s, was,
                 now[0] ? now : "unlabelled");
  else
    findings_add(f, line, "\"%.*s\": the item that was %s is deleted in the amended text", len, s,
                 was);
  return true;
}

static void check_citation(struct stale *st, const struct citation *c, int side,
                           struct findings *f) {
  const struct vtext *t = &st->t;
  for (size_t i = 0; i < c->nlabels; i++) {
    const struct cite_label *l = &c->labels[i];
    if (side == SIDE_A && st->c->a->has_marks && stale(st, c, l, f))
      continue;
    /* decimal sub-items (4.1) are cited inside their item's list: not
     * looked for here */
    if (strchr(l->value, '.') || item_labelled(c->section, l->value, side))
      continue;
    findings_add(f, t->line[c->start], "\"%.*s\": the section '%s' has no item %.*s%s", (int)c->len,
                 t->s + c->start, call_of(&st->secs[SIDX(side)], c->section), (int)l->len,
                 t->s + l->start, in_text(st->c->a, side));
  }
}

/* The citations of paragraph P on SIDE, into F; AFTER_TEXT: whether its
 * item named another text before it. */
static void check_side(struct stale *st, const xmlNode *p, int side, bool after_text,
                       struct findings *f) {
  vtext_reset(&st->t);
  vtext_block(&st->t, p, side);
  if (!st->t.n)
    return;
  struct citation *cites;
  size_t n = cite_find(&st->secs[SIDX(side)], st->t.s, st->t.n, after_text, &cites);
  for (size_t i = 0; i < n; i++)
    if (cites[i].section)
      check_citation(st, &cites[i], side, f);
  free(cites);
}

/* Appends the text under N, of every side, to ST->raw from *LEN on. */
static void gather(struct stale *st, const xmlNode *n, size_t *len) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_ELEMENT_NODE) {
      gather(st, ch, len);
      continue;
    }
    if (ch->type != XML_TEXT_NODE || !ch->content)
      continue;
    size_t k = strlen((const char *)ch->content);
    if (*len + k + 1 > st->raw_cap) {
      st->raw_cap = 2 * (*len + k + 1);
      st->raw = xrealloc(st->raw, st->raw_cap);
      if (!st->raw)
        abort();
    }
    memcpy(st->raw + *len, ch->content, k);
    *len += k;
  }
}

/* Whether paragraph P's text, of any side, markup aside, may hold a
 * citation: most paragraphs do not, and they are passed over without
 * building their text with its lines and marks (a sixth of the cost of
 * checking the benchmark's corpus). The raw text is gathered, so that
 * markup inside a word does not hide it. */
static bool may_cite(struct stale *st, const xmlNode *p) {
  size_t len = 0;
  const char *raw = st->raw;
  const xmlNode *only = p->children;
  if (only && !only->next && only->type == XML_TEXT_NODE && only->content) {
    raw = (const char *)only->content; /* a paragraph of one text: read in place */
    len = strlen(raw);
  } else {
    gather(st, p, &len);
    if (len)
      st->raw[len] = 0; /* gather leaves room */
    raw = st->raw;
  }
  if (len == 0)
    return false;
  return cite_may_hold(&st->secs[1], raw, len) ||
         (st->c->a->has_marks && cite_may_hold(&st->secs[0], raw, len));
}

/* Whether a paragraph before P in its item, or in the items its list is
 * in, names another text ("Résolution 140"): the citations in P are then
 * probably that text's. */
static bool item_names_text(struct stale *st, const xmlNode *p) {
  for (const xmlNode *n = p; n && n->type == XML_ELEMENT_NODE && !is_k(n, K_SECTION); n = n->parent)
    for (const xmlNode *b = n->prev; b; b = b->prev) {
      size_t len = 0;
      if (!is_k(b, K_P))
        continue;
      gather(st, b, &len);
      if (cite_names_text(st->raw, len))
        return true;
    }
  return false;
}

static void check_paragraph(struct stale *st, const xmlNode *p, int sides) {
  struct findings f[2] = {{0}};
  bool after_text = item_names_text(st, p);
  /* without marks the two texts are one: look at it once */
  int first = st->c->a->has_marks ? SIDE_O : SIDE_A;
  for (int side = first; side <= SIDE_A; side++)
    if (sides & side)
      check_side(st, p, side, after_text, &f[SIDX(side)]);
  sides_report_all(st->c, &rule_stale_ref, &f[0], &f[1]);
  findings_free(&f[0]);
  findings_free(&f[1]);
}

/* SIDES: where N is present (carried down rather than asked of each
 * node, which walks up to the root). */
static void walk(struct stale *st, const xmlNode *n, int sides) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int in = sides & own_sides(ch);
    if (!in)
      continue;
    if (is_k(ch, K_P) && may_cite(st, ch))
      check_paragraph(st, ch, in);
    walk(st, ch, in);
  }
}

static void check_resolution(struct rule_ctx *c, xmlNodePtr res, void *arg) {
  struct stale *st = arg;
  /* without marks the original side is the amended one, and only the
   * amended side is looked at (check_paragraph, may_cite) */
  if (c->a->has_marks)
    cite_sections_init(&st->secs[0], res, SIDE_O, &c->t);
  cite_sections_init(&st->secs[1], res, SIDE_A, &c->t);
  if (st->secs[0].n || st->secs[1].n)
    walk(st, res, node_sides(res));
  cite_sections_free(&st->secs[0]);
  cite_sections_free(&st->secs[1]);
}

static void run(struct rule_ctx *c) {
  /* the texts are kept from one document to the next (see rules_run) */
  static struct vtext text;
  static char *raw;
  static size_t raw_cap;
  struct stale st = {.c = c, .t = text, .raw = raw, .raw_cap = raw_cap};
  vtext_reset(&st.t);
  rules_each_resolution(c, check_resolution, &st);
  text = st.t;
  raw = st.raw;
  raw_cap = st.raw_cap;
}
