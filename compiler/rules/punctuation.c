/* Rule punctuation: the terminal punctuation of items, in each text. An
 * item ends with ';', the last of a section with ',', the last of the
 * resolution with '.', an item whose paragraph opens a list with ':'; the
 * last item of a list ends as the item holding the list would. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/doc.h"
#include "rules/rules.h"
#include "rules/sides.h"

static void run(struct rule_ctx *c);

const struct rule rule_punctuation = {
    "punctuation", SEV_WARNING,
    "items end with `;`, the last of a section with `,`, an item that opens a list with `:`, "
    "the resolution's last item with `.`",
    "ITU resolutions are one sentence: each item of a section ends with ';', the last item "
    "of a section with ',', the last item of the resolution with '.', and a paragraph that "
    "introduces a list with ':'. When an amendment inserts or deletes the last item, the "
    "punctuation moves with it, in each text.",
    run};

struct expect {
  const char *end;    /* ";" "," "." ":" */
  const char *reason; /* why */
  const char *also;   /* another end the texts use here, or NULL */
  bool any;           /* any end will do (a term of a list of terms) */
};

/* "…; and" ends an item as ';' does (Radio Regulations, PP texts); "; и",
 * "; или" in Russian texts, "؛ و" in Arabic ones. */
static const char *const conjunctions[] = {"and", "or", "et", "ou",  "y", "o",
                                           "e",   "u",  "и",  "или", "و"};

/* The marks a text ends its items with, in its language: ITU's Arabic
 * texts write "؛" and "،" (the full stop and colon are the Latin ones),
 * its Chinese texts the full-width "；" "，" "。" "：". */
struct marks {
  const char *semi, *comma, *stop, *colon;
};
static const struct marks latin_marks = {";", ",", ".", ":"};
static const struct marks arabic_marks = {"؛", "،", ".", ":"};
static const struct marks chinese_marks = {"；", "，", "。", "："};

/* The marks of the resolution being checked (check_resolution sets them:
 * the expectations below are written with the Latin ones and read through
 * local_mark). */
static const struct marks *marks = &latin_marks;

static const struct marks *marks_of(const xmlNode *res) {
  xmlChar *lang = xmlNodeGetLang(res);
  const struct marks *m = &latin_marks;
  if (lang && (xmlStrncasecmp(lang, BAD_CAST "ar", 2) == 0))
    m = &arabic_marks;
  else if (lang && (xmlStrncasecmp(lang, BAD_CAST "zh", 2) == 0))
    m = &chinese_marks;
  xmlFree(lang);
  return m;
}

/* The mark of the text's language for the Latin mark END. */
static const char *local_mark(const char *end) {
  switch (end[0]) {
  case ';':
    return marks->semi;
  case ',':
    return marks->comma;
  case '.':
    return marks->stop;
  case ':':
    return marks->colon;
  default:
    return end;
  }
}

/* The bytes of a punctuation mark at S (one of any language's), or 0. */
static size_t mark_len(const char *s) {
  static const struct marks *const all[] = {&arabic_marks, &chinese_marks};
  if (ispunct((unsigned char)s[0]))
    return 1;
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    const char *m[] = {all[i]->semi, all[i]->comma, all[i]->stop, all[i]->colon};
    for (size_t k = 0; k < 4; k++)
      if ((unsigned char)m[k][0] >= 0x80 && strncmp(s, m[k], strlen(m[k])) == 0)
        return strlen(m[k]);
  }
  return 0;
}

/* Whether CH, the last character of a text, is a letter or a digit (not
 * a mark of any language). */
static bool unpunctuated(const char *ch) {
  return isalnum((unsigned char)ch[0]) || ((unsigned char)ch[0] >= 0x80 && !mark_len(ch));
}

/* The end of a block's text: its last character, or "; and" when it
 * ends with a conjunction after a punctuation mark; in OUT. */
static void text_end(const struct vtext *t, char *out, size_t size) {
  size_t i = t->n - 1;
  while (i > 0 && ((unsigned char)t->s[i] & 0xC0) == 0x80)
    i--;
  snprintf(out, size, "%s", t->s + i);
  const char *sp = strrchr(t->s, ' ');
  if (!sp || sp == t->s)
    return;
  const char *m = sp - 1; /* the character before the space */
  while (m > t->s && ((unsigned char)*m & 0xC0) == 0x80)
    m--;
  size_t n = mark_len(m);
  if (!n || m + n != sp)
    return;
  for (size_t k = 0; k < sizeof conjunctions / sizeof conjunctions[0]; k++)
    if (strcmp(sp + 1, conjunctions[k]) == 0) {
      snprintf(out, size, "%.*s %s", (int)n, m, sp + 1);
      return;
    }
}

static bool end_fits(const char *end, const struct expect *e) {
  const char *want = local_mark(e->end);
  if (e->any || strcmp(end, want) == 0 || (e->also && strcmp(end, local_mark(e->also)) == 0))
    return true;
  /* "; and" where ';' is expected */
  size_t n = strlen(want);
  return strcmp(e->end, ";") == 0 && strncmp(end, want, n) == 0 && end[n] == ' ';
}

/* An item is named by its amended label when it has one, so that a
 * finding on both sides reads the same and is reported once. */
static void item_name(const xmlNode *item, int side, char *buf, size_t size) {
  const struct info *ii = info_of(item);
  char t[LABEL_MAX + 8];
  label_text(&ii->lab[(ii->in & SIDE_A) && ii->lab[1].has ? 1 : SIDX(side)], t, sizeof t);
  if (t[0])
    snprintf(buf, size, "item %s", t);
  else
    snprintf(buf, size, "the item");
}

static void check_end(struct rule_ctx *c, const xmlNode *item, const xmlNode *p, int side,
                      const struct expect *e, struct findings *f) {
  char ch[16], name[LABEL_MAX + 16];
  if (block_last_char(p, side, ch, sizeof ch) && end_fits(ch, e))
    return;
  vtext_of(&c->t, p, side);
  if (!c->t.n)
    return;
  text_end(&c->t, ch, sizeof ch);
  if (end_fits(ch, e))
    return;
  item_name(item, side, name, sizeof name);
  char ends[32];
  if (unpunctuated(ch))
    snprintf(ends, sizeof ends, "ends without punctuation");
  else
    snprintf(ends, sizeof ends, "ends with '%s'", ch);
  findings_add(f, c->t.line[c->t.n - 1], "%s %s but should end with '%s'%s (%s)", name, ends,
               local_mark(e->end), in_text(c->a, side), e->reason);
}

static void punct_items(struct rule_ctx *c, const xmlNode *parent, int side, const struct expect *e,
                        const char *where_name, struct findings *f);

/* The items of a list end with ';', the last one as its parent item
 * would. */
static void punct_list(struct rule_ctx *c, const xmlNode *item, const xmlNode *list, int side,
                       const struct expect *e, struct findings *f) {
  char name[LABEL_MAX + 16], reason[256];
  item_name(item, side, name, sizeof name);
  const char *rest = strncmp(e->reason, "it ", 3) == 0 ? e->reason + 3 : e->reason;
  snprintf(reason, sizeof reason, "it ends the list of %s, which %s", name, rest);
  struct expect last = {e->end, reason, e->also, false};
  punct_items(c, list, side, &last, "list", f);
}

/* The paragraph or list after B in its item on SIDE, or NULL. */
static const xmlNode *next_block(const xmlNode *b, int side) {
  for (b = next_el(b); b; b = next_el(b))
    if ((is_k(b, K_P) || is_k(b, K_LIST)) && (own_sides(b) & side))
      return b;
  return NULL;
}

static void punct_item(struct rule_ctx *c, const xmlNode *item, int side, const struct expect *e,
                       struct findings *f) {
  static const struct expect colon = {":", "it introduces a list", NULL, false};
  const xmlNode *last = NULL;
  for (const xmlNode *b = first_el(item); b; b = next_el(b)) {
    if (!(is_k(b, K_P) || is_k(b, K_LIST)) || !(own_sides(b) & side))
      continue;
    /* a list inside a sentence that goes on after it ("that …, in
     * particular a) …, b) …, and that …") need not be introduced by ':' */
    const xmlNode *after = is_k(b, K_LIST) ? next_block(b, side) : NULL;
    if (is_k(b, K_LIST) && last && is_k(last, K_P) && !(after && is_k(after, K_P)))
      check_end(c, item, last, side, &colon, f);
    last = b;
  }
  if (last && is_k(last, K_P))
    check_end(c, item, last, side, e, f);
  else if (last)
    punct_list(c, item, last, side, e, f);
}

/* Whether the items of LIST on SIDE are a list of terms: all but the last
 * short and unpunctuated ("e-government", "e-business", … "e-science;"),
 * as official texts print such lists. */
static bool list_of_terms(struct rule_ctx *c, const xmlNode *list, int side) {
  const xmlNode *prev = NULL;
  int terms = 0;
  for (const xmlNode *it = first_el(list); it; it = next_el(it)) {
    if (!is_k(it, K_ITEM) || !(own_sides(it) & side))
      continue;
    if (prev) {
      const xmlNode *p = child_k(prev, K_P);
      char ch[8];
      if (!p || next_el(p) || !block_last_char(p, side, ch, sizeof ch) || !unpunctuated(ch))
        return false;
      vtext_of(&c->t, p, side);
      int words = 1;
      for (size_t i = 0; i < c->t.n; i++)
        words += c->t.s[i] == ' ';
      if (words > 6)
        return false;
      terms++;
    }
    prev = it;
  }
  return terms > 0;
}

static void punct_items(struct rule_ctx *c, const xmlNode *parent, int side, const struct expect *e,
                        const char *where_name, struct findings *f) {
  const xmlNode *prev = NULL;
  /* the two reasons written out: formatting one for every section cost a
   * fifth of the rule */
  bool in_list = strcmp(where_name, "list") == 0;
  const char *semi_reason =
      in_list ? "it is not the last item of its list" : "it is not the last item of its section";
  struct expect semi = {";", semi_reason, NULL, false};
  if (is_k(parent, K_LIST)) {
    enum numbering style;
    /* ITU texts end the items of dash and (v3) bullet lists with ',' as
     * often as ';' */
    if (numbering_parse(attr(parent, "numbering"), &style) && label_is_symbol(style))
      semi.also = ",";
    semi.any = list_of_terms(c, parent, side);
  }
  for (const xmlNode *it = first_el(parent); it; it = next_el(it)) {
    if (!is_k(it, K_ITEM) || !(own_sides(it) & side))
      continue;
    if (prev)
      punct_item(c, prev, side, &semi, f);
    prev = it;
  }
  if (prev)
    punct_item(c, prev, side, e, f);
}

static const enum kind parts[] = {K_PREAMBLE, K_OPERATIVE};

static const xmlNode *last_section_with_items(const xmlNode *res, int side) {
  const xmlNode *found = NULL;
  for (int i = 0; i < 2; i++)
    for (const xmlNode *s = first_el(child_k(res, parts[i])); s; s = next_el(s)) {
      if (!is_k(s, K_SECTION) || !(own_sides(s) & side))
        continue;
      for (const xmlNode *it = first_el(s); it; it = next_el(it))
        if (is_k(it, K_ITEM) && (own_sides(it) & side))
          found = s;
    }
  return found;
}

static void check_resolution(struct rule_ctx *c, xmlNodePtr res, void *unused) {
  (void)unused;
  static const struct expect comma = {",", "it is the last item of its section", NULL, false};
  static const struct expect stop = {".", "it is the last item of the resolution", NULL, false};
  /* without marks the two texts are one, and their findings the same:
   * look at the amended text only, reported as it is */
  int first = c->a->has_marks ? SIDE_O : SIDE_A;
  marks = marks_of(res);
  /* (v3) text left out after it: the item ends as the text goes on */
  static const struct expect before_gap = {",", "text is left out after it", NULL, true};
  const xmlNode *last[2] = {first == SIDE_O ? last_section_with_items(res, SIDE_O) : NULL,
                            last_section_with_items(res, SIDE_A)};
  for (int i = 0; i < 2; i++) {
    for (xmlNodePtr s = first_el(child_k(res, parts[i])); s; s = next_el(s)) {
      if (!is_k(s, K_SECTION))
        continue;
      struct findings f[2] = {{0}};
      for (int side = first; side <= SIDE_A; side++) {
        if (!(node_sides(s) & side))
          continue;
        const struct expect *e = is_el(next_el(s), "gap") ? &before_gap
                                 : s == last[SIDX(side)]  ? &stop
                                                          : &comma;
        punct_items(c, s, side, e, "section", &f[SIDX(side)]);
      }
      sides_report_all(c, &rule_punctuation, &f[0], &f[1]);
      findings_free(&f[0]);
      findings_free(&f[1]);
    }
  }
}

static void run(struct rule_ctx *c) { rules_each_resolution(c, check_resolution, NULL); }
