/* Rule stale-ref: a citation in plain text ("point i) du considérant",
 * "points 1 et 2 du décide", "paragraph 2 of resolves") that names an item
 * whose label changed or vanished in the amended text. Runs only on a
 * document with revision marks: without them nothing was relettered. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/doc.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_stale_ref = {
    "stale-ref", SEV_WARNING,
    "plain text such as \"point i) du considérant\", \"points 1 et 2 du décide\" or \"paragraph "
    "2 of resolves\" names an item whose label changed or vanished in the amended text",
    "A citation typed as text is not updated when an amendment reletters the items it names: "
    "\"point e) du considérant\" still says e) after an insertion made it f). Change the "
    "citation with the amendment (<del>e)</del><ins>f)</ins>), or cite with <ref to=\"ID\"/>, "
    "which resc labels in every view.",
    run};

/* The rule's state while it walks one document. */
struct stale {
  struct rule_ctx *c;
  char *raw; /* a paragraph's text, markup aside */
  size_t raw_cap;
};

static const char *const cite_words[] = {"points",     "point",     "alinéas", "alinéa",
                                         "paragraphs", "paragraph", "puntos",  "punto",
                                         "apartados",  "apartado"};
static const char *const joiners[] = {", ", " et ", " and ", " y ", " à ", " to ", " a ", "-"};
static const char *const preps[] = {" du ",     " de la ", " de l'", " des ",
                                    " of the ", " of ",    " del ",  " de "};

static size_t match_any(const char *s, const char *const *words, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(words[i]);
    if (strncasecmp(s, words[i], len) == 0)
      return len;
  }
  return 0;
}

/* A label as cited: "i)", "5", "b)bis"; returns its length, with the
 * bare value in LAB. */
static size_t cited_label(const char *s, char *lab, size_t size) {
  size_t n = 0;
  if (isdigit((unsigned char)s[0])) {
    while (isdigit((unsigned char)s[n]))
      n++;
    if (isalpha((unsigned char)s[n]))
      return 0;
    snprintf(lab, size, "%.*s", (int)n, s);
    return n;
  }
  while (n < 6 && islower((unsigned char)s[n]))
    n++;
  if (n == 0 || s[n] != ')')
    return 0;
  snprintf(lab, size, "%.*s", (int)n, s);
  return n + 1;
}

static size_t word_len(const char *s) {
  size_t n = 0;
  while (s[n] && (isalpha((unsigned char)s[n]) || s[n] == '-' || (unsigned char)s[n] >= 0x80))
    n++;
  return n;
}

/* How many leading words TEXT shares with CALL (case aside); *LEN gets
 * the bytes of TEXT they cover, *FULL whether all of CALL matched. */
static int shared_words(const char *text, const char *call, size_t *len, bool *full) {
  int words = 0;
  size_t i = 0;
  *len = 0;
  for (;;) {
    size_t w = word_len(call + i);
    if (!w || strncasecmp(text + i, call + i, w) != 0 || (word_len(text + i) != w))
      break;
    words++;
    i += w;
    *len = i;
    if (call[i] != ' ' || text[i] != ' ')
      break;
    i++;
  }
  *full = call[*len] == 0;
  return words;
}

/* The section a citation names by its call: the one whose call shares
 * the most leading words with the text ("considérant en outre" is not
 * "considérant"), a call matched whole winning a tie, then the first. */
static const xmlNode *section_by_call(struct stale *c, const xmlNode *res, const char *text,
                                      size_t *len) {
  const char *parts[] = {"preamble", "operative"};
  const xmlNode *best = NULL;
  int best_words = 0;
  bool best_full = false;
  for (int i = 0; i < 2; i++)
    for (const xmlNode *s = first_el(child_el(res, parts[i])); s; s = next_el(s)) {
      const xmlNode *call = child_el(s, "call");
      if (!call || !(node_sides(s) & SIDE_O))
        continue;
      char *t = vtext_copy(&c->c->t, call, SIDE_O);
      size_t l;
      bool full;
      int words = shared_words(text, t, &l, &full);
      free(t);
      if (words > best_words || (words == best_words && words && full && !best_full)) {
        best = s;
        best_words = words;
        best_full = full;
        *len = l;
      }
    }
  return best;
}

static const xmlNode *item_was(const xmlNode *section, const char *lab) {
  for (const xmlNode *it = first_el(section); it; it = next_el(it)) {
    if (!is_el(it, "item") || !info_of(it))
      continue;
    char v[LABEL_MAX];
    label_value(&info_of(it)->lab[0], v, sizeof v);
    if ((info_of(it)->in & SIDE_O) && strcmp(v, lab) == 0)
      return it;
  }
  return NULL;
}

/* One citation starting at s[at]: "point i) du considérant". */
static void stale_at(struct stale *c, const xmlNode *res, const struct vtext *t, size_t at) {
  const char *s = t->s + at;
  /* every citation word starts with p or a: most words stop here, before
   * ten comparisons each (a fifth of the checking of res75-atu) */
  char first = (char)tolower((unsigned char)s[0]);
  if (first != 'p' && first != 'a')
    return;
  size_t n = match_any(s, cite_words, sizeof cite_words / sizeof cite_words[0]);
  if (!n || s[n] != ' ')
    return;
  n++;
  char labs[8][LABEL_MAX];
  bool updated[8] = {false};
  int nl = 0;
  for (;;) {
    size_t l = cited_label(s + n, labs[nl], LABEL_MAX);
    if (!l)
      break;
    /* a label the amendment itself wrote (<del>c)</del><ins>d)</ins>)
     * follows the amended lettering already */
    for (size_t k = 0; k < l; k++)
      updated[nl] |= t->ins[at + n + k];
    n += l;
    if (++nl == 8)
      break;
    size_t j = match_any(s + n, joiners, sizeof joiners / sizeof joiners[0]);
    if (!j)
      break;
    n += j;
  }
  size_t p = nl ? match_any(s + n, preps, sizeof preps / sizeof preps[0]) : 0;
  if (!p)
    return;
  n += p;
  size_t w = 0;
  const xmlNode *sec = section_by_call(c, res, s + n, &w);
  if (!sec)
    return;
  for (int i = 0; i < nl; i++) {
    const xmlNode *it = updated[i] ? NULL : item_was(sec, labs[i]);
    if (!it)
      continue;
    const struct info *ii = info_of(it);
    char now[LABEL_MAX + 8], was[LABEL_MAX + 8];
    label_text(&ii->lab[0], was, sizeof was);
    label_text(&ii->lab[1], now, sizeof now);
    char v[LABEL_MAX];
    label_value(&ii->lab[1], v, sizeof v);
    if ((ii->in & SIDE_A) && strcmp(v, labs[i]) == 0)
      continue;
    if (ii->in & SIDE_A)
      rule_report(c->c, &rule_stale_ref, t->line[at],
                  "\"%.*s\": the item that was %s is %s in the amended text", (int)(n + w), s, was,
                  now[0] ? now : "unlabelled");
    else
      rule_report(c->c, &rule_stale_ref, t->line[at],
                  "\"%.*s\": the item that was %s is deleted in the amended text", (int)(n + w), s,
                  was);
  }
}

/* Appends the text under N, of every side, to C->raw from *LEN on. */
static void gather(struct stale *c, const xmlNode *n, size_t *len) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_ELEMENT_NODE) {
      gather(c, ch, len);
      continue;
    }
    if (ch->type != XML_TEXT_NODE || !ch->content)
      continue;
    size_t k = strlen((const char *)ch->content);
    if (*len + k + 1 > c->raw_cap) {
      c->raw_cap = 2 * (*len + k + 1);
      c->raw = realloc(c->raw, c->raw_cap);
      if (!c->raw)
        abort();
    }
    memcpy(c->raw + *len, ch->content, k);
    *len += k;
  }
}

/* Whether S (LEN bytes, folded to lower case as compared) starts with
 * STEM, which is lower case. */
static bool starts_folded(const char *s, size_t len, const char *stem) {
  size_t i = 0;
  for (; stem[i]; i++)
    if (i >= len || (s[i] | 0x20) != stem[i])
      return false;
  return true;
}

/* Whether paragraph P's text, of any side, markup aside, holds the start
 * of a citation word: most paragraphs do not, and they are passed over
 * without building their text with its lines and marks, which was a sixth
 * of the cost of checking the benchmark's corpus. The raw text is gathered, so that
 * markup inside a word does not hide it, and each p or a (case aside:
 * every citation word starts with one) is compared with the stems. */
static bool may_cite(struct stale *c, const xmlNode *p) {
  static const char *const p_stems[] = {"point", "punto", "paragraph"};
  static const char *const a_stems[] = {"alin", "apartado"};
  size_t len = 0;
  gather(c, p, &len);
  if (len == 0)
    return false;
  c->raw[len] = 0; /* gather leaves room */
  /* strpbrk skips to the next p or a with the C library's vector code */
  for (const char *at = strpbrk(c->raw, "pPaA"); at; at = strpbrk(at + 1, "pPaA")) {
    size_t rest = len - (size_t)(at - c->raw);
    bool p_word = (*at | 0x20) == 'p';
    const char *const *stems = p_word ? p_stems : a_stems;
    size_t n = p_word ? sizeof p_stems / sizeof p_stems[0] : sizeof a_stems / sizeof a_stems[0];
    for (size_t k = 0; k < n; k++)
      if (starts_folded(at, rest, stems[k]))
        return true;
  }
  return false;
}

/* SIDES: where N is present (carried down rather than asked of each
 * node, which walks up to the root). */
static void stale_walk(struct stale *c, const xmlNode *res, xmlNodePtr n, int sides) {
  for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int in = sides & own_sides(ch);
    if (!(in & SIDE_A))
      continue;
    if (is_el(ch, "p") && may_cite(c, ch)) {
      struct vtext t;
      vtext_init(&t);
      vtext_block(&t, ch, SIDE_A);
      for (size_t i = 0; i < t.n; i++)
        if (i == 0 || !isalpha((unsigned char)t.s[i - 1]))
          stale_at(c, res, &t, i);
      vtext_free(&t);
    }
    stale_walk(c, res, ch, in);
  }
}

static void check_resolution(struct rule_ctx *c, xmlNodePtr res, void *arg) {
  (void)c;
  stale_walk(arg, res, res, node_sides(res));
}

static void run(struct rule_ctx *c) {
  if (!c->a->has_marks)
    return;
  struct stale st = {c, NULL, 0};
  rules_each_resolution(c, check_resolution, &st);
  free(st.raw);
}
