#include "rules/citations.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/doc.h"
#include "core/label.h"
#include "core/xalloc.h"

/* ------------------------------------------------------------ sections */

/* The citation words, longest first where one begins another. */
static const char *const cite_words[] = {
    "subparagraphs", "subparagraph", "paragraphs", "paragraph", "points", "point", "alinéas",
    "alinéa", "puntos", "punto", "apartados", "apartado",
    /* Russian: "пункт 2 раздела решает", "пунктах 1 и 2 …", "подпункте a) …" */
    "подпунктах", "подпунктов", "подпункта", "подпункте", "подпункт", "пунктами", "пунктах",
    "пунктов", "пунктам", "пунктом", "пункты", "пункте", "пункта", "пункту", "пункт",
    /* Arabic: "الفقرة 2 من "يقرر"", the dual and plural, "البند" */
    "الفقرتين", "الفقرات", "الفقرة", "البنود", "البند",
    /* with "to", "by" or "and" written on: "للفقرة 2", "بالفقرة 2", "والفقرة 2" */
    "للفقرتين", "للفقرات", "للفقرة", "بالفقرتين", "بالفقرة", "والفقرتين", "والفقرة"};

/* The beginnings of the citation words: where cite_find looks for one. */
static const char *const cite_stems[] = {"subparagraph", "paragraph", "point",    "alin",  "punto",
                                         "apartado",     "пункт",     "подпункт", "الفقر", "البند",
                                         "البنود",       "للفقر",     "بالفقر",   "والفقر"};

static size_t word_len(const char *s);

/* Adds WORD (LEN bytes) to S's keys, lower case, once. */
static void add_word(struct cite_sections *s, const char *word, size_t len) {
  for (size_t i = 0; i < s->nkeys; i++)
    if (s->keys[i][0] == (char)tolower((unsigned char)word[0]) && strlen(s->keys[i]) == len &&
        strncasecmp(s->keys[i], word, len) == 0)
      return;
  if (s->nkeys == s->keycap) {
    s->keycap = s->keycap ? 2 * s->keycap : 16;
    s->keys = xrealloc(s->keys, s->keycap * sizeof *s->keys);
  }
  char *w = xmalloc(len + 1);
  for (size_t i = 0; i < len; i++)
    w[i] = (char)tolower((unsigned char)word[i]);
  w[len] = 0;
  s->keys[s->nkeys++] = w;
}

/* Adds the first N bytes of WORD to the keys, where cite_find looks for a
 * citation. */
static void add_key(struct cite_sections *s, const char *word, size_t n) {
  if (n < 2 || !(isalpha((unsigned char)word[0]) || (unsigned char)word[0] >= 0xC0))
    return; /* a call that starts otherwise is looked for by cite_find only */
  size_t had = s->nkeys;
  add_word(s, word, n);
  if (s->nkeys == had)
    return;
  const char *key = s->keys[had];
  s->initial[(unsigned char)key[0]] = true;
  if ((unsigned char)key[0] >= 0x80)
    return; /* Cyrillic, Arabic, Chinese: compared whole, case as written */
  s->initial[(unsigned char)toupper(key[0])] = true;
  uint32_t *second = s->second[key[0] - 'a'];
  unsigned char c2 = (unsigned char)key[1], u2 = (unsigned char)toupper(c2);
  second[c2 >> 5] |= 1u << (c2 & 31);
  second[u2 >> 5] |= 1u << (u2 & 31);
}

static void add_section(struct cite_sections *s, const xmlNode *node, char *call) {
  if (s->n == s->vcap) {
    s->vcap = s->vcap ? 2 * s->vcap : 8;
    s->v = xrealloc(s->v, s->vcap * sizeof *s->v);
  }
  s->v[s->n].node = node;
  s->v[s->n].call = call;
  s->n++;
  for (const char *c = call; *c;) {
    size_t n = word_len(c);
    /* each word once (case aside, as is_word compares): a document of
     * many sections with the same calls made is_word, and so the rule,
     * quadratic */
    bool known = false;
    for (size_t k = 0; n && k < s->nwords && !known; k++)
      known = s->words[k].n == n && strncasecmp(s->words[k].w, c, n) == 0;
    if (n && !known) {
      if (s->nwords == s->wcap) {
        s->wcap = s->wcap ? 2 * s->wcap : 32;
        s->words = xrealloc(s->words, s->wcap * sizeof *s->words);
        if (!s->words)
          abort();
      }
      s->words[s->nwords].w = c;
      s->words[s->nwords++].n = n;
    }
    c += n ? n : 1;
  }
}

/* CALL's text on SIDE, in a copy to free: vtext_copy's, made directly
 * when the call is one text node, as nearly every call is. */
static char *call_text(struct vtext *t, const xmlNode *call, int side) {
  const xmlNode *only = call->children;
  if (!only || only->next || only->type != XML_TEXT_NODE || !only->content)
    return vtext_copy(t, call, side);
  const unsigned char *p = only->content;
  char *out = xmalloc(strlen((const char *)p) + 1);
  size_t n = 0;
  bool space = true; /* leading whitespace dropped */
  for (; *p; p++) {
    bool ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
    if (!ws)
      out[n++] = (char)*p;
    else if (!space)
      out[n++] = ' ';
    space = ws;
  }
  while (n && out[n - 1] == ' ')
    n--;
  out[n] = 0;
  return out;
}

/* Whether a node under N is on one side only: else N's text is the
 * same on both. */
static bool marked_under(const xmlNode *n) {
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    if (own_sides(c) != SIDE_BOTH || marked_under(c))
      return true;
  return false;
}

void cite_sections_init(struct cite_sections *s, const xmlNode *resolution, int side,
                        struct vtext *t) {
  static const enum kind parts[] = {K_PREAMBLE, K_OPERATIVE};
  memset(s, 0, sizeof *s); /* no keys yet: see make_keys */
  for (int i = 0; i < 2; i++)
    for (const xmlNode *sec = first_el(child_k(resolution, parts[i])); sec; sec = next_el(sec)) {
      const xmlNode *call = child_k(sec, K_CALL);
      if (!is_k(sec, K_SECTION) || !call || !(node_sides(sec) & side))
        continue;
      char *text = call_text(t, call, side);
      add_section(s, sec, text);
      if (side == SIDE_A && (node_sides(sec) & SIDE_O) && marked_under(call)) {
        char *was = call_text(t, call, SIDE_O);
        if (strcmp(was, text) != 0)
          add_section(s, sec, was);
        else
          free(was);
      }
    }
}

/* The keys of S, where cite_find looks for a citation: made when it is
 * first asked for one, since most resolutions have no paragraph that may
 * cite (cite_may_hold) and need none. */
static void make_keys(struct cite_sections *s) {
  if (s->keys)
    return;
  /* the citation words' keys are every resolution's: made once, kept,
   * and copied */
  static struct cite_sections stems;
  if (!stems.nkeys)
    for (size_t i = 0; i < sizeof cite_stems / sizeof cite_stems[0]; i++)
      add_key(&stems, cite_stems[i], strlen(cite_stems[i]));
  memcpy(s->initial, stems.initial, sizeof s->initial);
  memcpy(s->second, stems.second, sizeof s->second);
  s->keycap = 2 * stems.nkeys;
  s->keys = xmalloc(s->keycap * sizeof *s->keys);
  memcpy(s->keys, stems.keys, stems.nkeys * sizeof *s->keys);
  s->nkeys = s->nstems = stems.nkeys;
  for (size_t i = 0; i < s->n; i++)
    if (word_len(s->v[i].call))
      add_key(s, s->v[i].call, word_len(s->v[i].call));
}

void cite_sections_free(struct cite_sections *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->v[i].call);
  for (size_t i = s->nstems; i < s->nkeys; i++) /* the stems' are shared */
    free(s->keys[i]);
  free(s->keys);
  free(s->words);
  free(s->v);
  /* empty, as after cite_sections_init of nothing; the tables of first
   * bytes are left as they are (init clears them) */
  s->v = NULL, s->keys = NULL, s->words = NULL;
  s->n = s->vcap = s->nkeys = s->keycap = s->nstems = s->nwords = s->wcap = 0;
}

/* ------------------------------------------------------------ words */

/* A byte of a word: an ASCII letter, '-', or part of a UTF-8 sequence
 * (without the C library: this runs on every byte of every paragraph). */
static bool word_byte(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26u || c == '-' || c >= 0x80;
}

static size_t word_len(const char *s) {
  size_t n = 0;
  while (s[n] && word_byte((unsigned char)s[n]))
    n++;
  return n;
}

/* Whether S starts a Chinese (CJK) character: U+3000 to U+9FFF, three
 * bytes from E3 to E9. Chinese texts write no space between words, so
 * that a citation may start at any of them. */
static bool cjk_at(const char *s) {
  unsigned char c = (unsigned char)s[0];
  return c >= 0xE3 && c <= 0xE9 && ((unsigned char)s[1] & 0xC0) == 0x80;
}

/* Whether S starts with WORD (case aside) and WORD ends a word there. */
static bool starts_word(const char *s, const char *word) {
  size_t n = strlen(word);
  unsigned char next = (unsigned char)s[n];
  /* a letter of another script goes on with the word ("пункта" is not
   * "пункт"), unless the word is Chinese, which runs on into the next */
  return strncasecmp(s, word, n) == 0 && !isalnum(next) &&
         (next < 0x80 || (n >= 3 && cjk_at(word + n - 3)));
}

static size_t cite_word(const char *s) {
  for (size_t i = 0; i < sizeof cite_words / sizeof cite_words[0]; i++)
    if (starts_word(s, cite_words[i]))
      return strlen(cite_words[i]);
  return 0;
}

/* Whether S (LEN bytes) starts with KEY, which is lower case; ASCII
 * letters compared case aside. */
static bool starts_key(const char *s, size_t len, const char *key) {
  for (size_t i = 0; key[i]; i++) {
    char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
    if (i >= len || c != key[i])
      return false;
  }
  return true;
}

/* Whether TEXT (LEN bytes) starts with one of S's keys. */
static bool at_key(const struct cite_sections *s, const char *text, size_t len) {
  if (!s->initial[(unsigned char)text[0]] || len < 2)
    return false;
  if ((unsigned char)text[0] >= 0x80) {
    for (size_t k = 0; k < s->nkeys; k++)
      if (s->keys[k][0] == text[0] && strncmp(text, s->keys[k], strlen(s->keys[k])) == 0)
        return true;
    return false;
  }
  char first = (char)(text[0] | 0x20); /* an ASCII letter */
  unsigned char c2 = (unsigned char)text[1];
  if (!(s->second[first - 'a'][c2 >> 5] & (1u << (c2 & 31))))
    return false;
  for (size_t k = 0; k < s->nkeys; k++)
    if (s->keys[k][0] == first && starts_key(text, len, s->keys[k]))
      return true;
  return false;
}

/* Where the label that P is in begins: a digit after a space ("2"), or
 * letters after a space then ')' ("d)"); NULL when there is none. */

static const char *label_start(const char *text, const char *p) {
  if (*p == ')' && p - text >= 3 && (unsigned char)p[-1] >= 0x80) {
    /* an Arabic letter: "أ)" or "أ )" */
    const char *q = p - 2 - (p[-1] == ' ');
    return q > text && label_from_abjad(q) && q[-1] == ' ' ? q : NULL;
  }
  if (*p == ')') {
    const char *q = p;
    while (q > text && q[-1] >= 'a' && q[-1] <= 'z' && p - q < 6)
      q--;
    return q < p && q > text && q[-1] == ' ' ? q : NULL;
  }
  return p > text && p[-1] == ' ' ? p : NULL;
}

/* Whether the N bytes at W are a citation word or a word of a call. */
static bool is_word(const struct cite_sections *s, const char *w, size_t n) {
  for (size_t i = 0; i < sizeof cite_words / sizeof cite_words[0]; i++)
    if ((cite_words[i][0] | 0x20) == (w[0] | 0x20) && strncasecmp(cite_words[i], w, n) == 0 &&
        cite_words[i][n] == 0)
      return true;
  for (size_t k = 0; k < s->nwords; k++)
    if (s->words[k].n == n && strncasecmp(s->words[k].w, w, n) == 0)
      return true;
  return false;
}

/* Each digit and ')' is looked at (strpbrk runs through the text with the
 * C library's vector code: this test sees every paragraph of every
 * document), and the word before a label there compared with S's words. */
/* Whether TEXT holds the call of one of S's sections written in Chinese. */
static bool cjk_call_in(const struct cite_sections *s, const char *text) {
  for (size_t k = 0; k < s->n; k++)
    if (cjk_at(s->v[k].call) && strstr(text, s->v[k].call))
      return true;
  return false;
}

bool cite_may_hold(const struct cite_sections *s, const char *text, size_t len) {
  (void)len;
  for (const char *p = strpbrk(text, "0123456789)"); p; p = strpbrk(p + 1, "0123456789)")) {
    const char *start = label_start(text, p);
    /* a label after a Chinese character ("做出决议第2段") */
    const char *q = p;
    while (*p == ')' && q > text && q[-1] >= 'a' && q[-1] <= 'z')
      q--;
    bool after_cjk = q - text >= 3 && cjk_at(q - 3);
    /* a label starts a run of digits: the rest of the run ("2018") is
     * passed over */
    while (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9')
      p++;
    if (after_cjk && cjk_call_in(s, text))
      return true;
    if (!start)
      continue;
    const char *end = start - 1, *w = end; /* the space before the label */
    while (w > text && word_byte((unsigned char)w[-1]))
      w--;
    if (w < end && is_word(s, w, (size_t)(end - w)))
      return true;
  }
  return false;
}

/* ------------------------------------------------------------ labels */

static size_t suffix_at(const char *s, char *out, size_t size) {
  for (unsigned k = 0; label_suffix(k); k++) {
    const char *sfx = label_suffix(k);
    size_t n = strlen(sfx);
    if (strncmp(s, sfx, n) == 0 && !isalnum((unsigned char)s[n])) {
      snprintf(out, size, "%s", sfx);
      return n;
    }
  }
  out[0] = 0;
  return 0;
}

/* An Arabic label, "ب)" or "ب )" (ITU's Arabic texts set a space before
 * the parenthesis): its length, and its value in LAB; 0 when none. */
static size_t arabic_label(const char *s, char *lab, size_t size) {
  char letter = label_from_abjad(s);
  if (!letter)
    return 0;
  size_t n = 2 + (s[2] == ' ');
  if (s[n] != ')')
    return 0;
  snprintf(lab, size, "%c", letter);
  return n + 1;
}

/* A label as cited: "i)", "5", "4.1", "b)bis", "3bis", "ب)"; its length,
 * and its value as num/was write it in LAB; 0 when S holds none. */
static size_t cited_label(const char *s, char *lab, size_t size) {
  char sfx[16];
  size_t n = 0;
  if ((unsigned char)s[0] >= 0x80)
    return arabic_label(s, lab, size);
  if (isdigit((unsigned char)s[0])) {
    /* a label has few digits: "2030 Agenda" is no label */
    while (isdigit((unsigned char)s[n]))
      n++;
    if (n > 3)
      return 0;
    while (s[n] == '.' && isdigit((unsigned char)s[n + 1])) {
      n++;
      while (isdigit((unsigned char)s[n]))
        n++;
    }
    size_t k = suffix_at(s + n, sfx, sizeof sfx);
    if (!k && isalnum((unsigned char)s[n]))
      return 0;
    snprintf(lab, size, "%.*s%s", (int)n, s, sfx);
    return n + k;
  }
  while (n < 6 && islower((unsigned char)s[n]))
    n++;
  if (n == 0 || s[n] != ')')
    return 0;
  size_t k = suffix_at(s + n + 1, sfx, sizeof sfx);
  if (!k && isalnum((unsigned char)s[n + 1]))
    return 0;
  snprintf(lab, size, "%.*s%s", (int)n, s, sfx);
  return n + 1 + k;
}

/* A sub-item's label after an item's: " ii)" in "c) ii)". */
static size_t sub_label(const char *s) {
  char lab[LABEL_MAX];
  if (s[0] != ' ' || !islower((unsigned char)s[1]))
    return 0;
  size_t n = cited_label(s + 1, lab, sizeof lab);
  return n ? n + 1 : 0;
}

static const struct joiner {
  const char *text;
  enum cite_join join;
} joiners[] = {
    {", and ", CITE_AND},
    {", et ", CITE_AND},
    {", y ", CITE_AND},
    {", ", CITE_AND},
    {" and ", CITE_AND},
    {" et ", CITE_AND},
    {" y ", CITE_AND},
    {" e ", CITE_AND},
    {" or ", CITE_AND},
    {" ou ", CITE_AND},
    {" o ", CITE_AND},
    {" to ", CITE_TO},
    {" à ", CITE_TO},
    {" a ", CITE_TO},
    {" al ", CITE_TO},
    {" – ", CITE_TO},
    {"–", CITE_TO},
    {" - ", CITE_TO},
    {"-", CITE_TO},
    /* Russian, Arabic, Chinese */
    {", и ", CITE_AND},
    {" и ", CITE_AND},
    {" или ", CITE_AND},
    {" و ", CITE_AND},
    {" و", CITE_AND},
    {" أو ", CITE_AND},
    {" إلى ", CITE_TO},
    {"、第", CITE_AND},
    {"段和第", CITE_AND},
    {"段、第", CITE_AND},
    {"段至第", CITE_TO},
    {"和第", CITE_AND},
    {"至第", CITE_TO},
    {"、", CITE_AND},
    {"和", CITE_AND},
    {"及", CITE_AND},
    {"至", CITE_TO},
    {"到", CITE_TO},
};

/* The labels of a citation from POS: fills C's labels; returns where they
 * end, or 0 when there is no label at POS. A joiner is taken only when a
 * label follows it ("point 2 a été" has one label). */
static size_t parse_labels(const char *text, size_t pos, struct citation *c) {
  c->nlabels = 0;
  enum cite_join join = CITE_FIRST;
  for (;;) {
    struct cite_label *l = &c->labels[c->nlabels];
    size_t n = cited_label(text + pos, l->value, sizeof l->value);
    if (!n)
      return c->nlabels ? pos : 0;
    l->start = pos;
    l->len = n;
    l->join = join;
    pos += n;
    while ((n = sub_label(text + pos)))
      pos += n;
    if (++c->nlabels == CITE_MAX_LABELS)
      return pos;
    size_t j = 0;
    for (size_t k = 0; k < sizeof joiners / sizeof joiners[0] && !j; k++) {
      size_t len = strlen(joiners[k].text);
      char lab[LABEL_MAX];
      if (strncasecmp(text + pos, joiners[k].text, len) == 0 &&
          cited_label(text + pos + len, lab, sizeof lab)) {
        j = len;
        join = joiners[k].join;
      }
    }
    if (!j)
      return pos;
    pos += j;
  }
}

/* ------------------------------------------------------------ sections by call */

/* How many leading words TEXT shares with CALL (case aside); *LEN gets
 * the bytes of TEXT they cover, *FULL whether all of CALL matched. */
static int shared_words(const char *text, const char *call, size_t *len, bool *full) {
  int words = 0;
  size_t i = 0;
  *len = 0;
  for (;;) {
    size_t w = word_len(call + i);
    if (!w || strncasecmp(text + i, call + i, w) != 0 || word_len(text + i) != w)
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

/* The section whose call shares the most leading words with TEXT
 * ("considérant en outre" is not "considérant"), a call matched whole
 * winning a tie. With LABEL_AFTER, only calls after which a label
 * follows count. NULL when none, or when two sections tie (*LEN is then
 * still set, so that the words can be skipped). */
static const xmlNode *section_by_call(const struct cite_sections *s, const char *text,
                                      bool label_after, size_t *len) {
  const xmlNode *best = NULL;
  int best_words = 0;
  bool best_full = false, tie = false;
  *len = 0;
  for (size_t k = 0; k < s->n; k++) {
    size_t l;
    bool full;
    int words = shared_words(text, s->v[k].call, &l, &full);
    char lab[LABEL_MAX];
    if (!words || (label_after && (text[l] != ' ' || !cited_label(text + l + 1, lab, sizeof lab))))
      continue;
    if (words > best_words || (words == best_words && full && !best_full)) {
      best = s->v[k].node;
      best_words = words;
      best_full = full;
      tie = false;
      *len = l;
    } else if (words == best_words && full == best_full && s->v[k].node != best) {
      tie = true;
    }
  }
  return tie ? NULL : best;
}

/* ------------------------------------------------------------ other texts */

static const char *const preps[] = {" du ",      " de la ",
                                    " de l'",    " de l’",
                                    " des ",     " of the ",
                                    " of ",      " del ",
                                    " de ", /* "пункт 2 раздела решает" */
                                    " раздела ", /* "الفقرة 2 من "يقرر"" */ " من "};

static size_t prep_at(const char *s) {
  for (size_t i = 0; i < sizeof preps / sizeof preps[0]; i++)
    if (strncasecmp(s, preps[i], strlen(preps[i])) == 0)
      return strlen(preps[i]);
  return 0;
}

/* Words after "of" that name this very text. */
static const char *const this_text[] = {
    "this", "the present", "present",     "la présente", "le présent", "cette", "esta",
    "este", "la presente", "el presente", "présente",    "presente",   "هذا",   "هذه"};

/* Nouns that name a text of their own. */
static const char *const other_texts[] = {
    "resolution", "resolutions", "résolution", "résolutions", "resolución", "resoluciones",
    "decision", "décision", "decisión", "recommendation", "recommandation", "recomendación",
    "opinion", "avis", "opinión", "annex", "annexe", "anexo", "appendix", "appendice", "apéndice",
    "article", "artículo", "report", "rapport", "informe", "document", "documento", "constitution",
    "convention", "convención",
    /* after "من" (of) in Arabic: "الفقرة 2 من "يقرر" من القرار 58" */
    "القرار", "القرارات", "المقرر", "التوصية", "الدستور", "الاتفاقية", "الملحق"};

/* Russian names another text in the genitive, with no preposition:
 * "пункт 2 раздела решает Резолюции 58". */
static const char *const other_texts_genitive[] = {" Резолюции",    " Резолюций", " Решения",
                                                   " Рекомендации", " Устава",    " Конвенции",
                                                   " Приложения",   " Регламента"};

/* Whether TEXT[POS…] says that what comes before cites another text:
 * "… of Resolution 58", "… de la Résolution 140", "… of the ITU
 * Constitution", "… thereof". */
static bool names_other_text(const char *text, size_t pos) {
  const char *s = text + pos;
  if (*s == ',' || *s == '"')
    s++;
  for (size_t i = 0; i < sizeof other_texts_genitive / sizeof other_texts_genitive[0]; i++)
    if (starts_word(s, other_texts_genitive[i]))
      return true;
  if (starts_word(s, " في")) /* Arabic "in": "… في القرار 58" */
    s += strlen(" في") - 1;
  if (starts_word(s, " thereof") || starts_word(s, " de celle-ci") ||
      starts_word(s, " de celui-ci") || starts_word(s, " de la misma") ||
      starts_word(s, " del mismo"))
    return true;
  size_t p = prep_at(s);
  if (!p)
    return false;
  s += p;
  for (size_t i = 0; i < sizeof this_text / sizeof this_text[0]; i++)
    if (starts_word(s, this_text[i]))
      return false;
  if (starts_word(s, "the "))
    s += 4;
  if (isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0]) ||
      ((unsigned char)s[0] == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0x9F))
    return true;
  for (size_t i = 0; i < sizeof other_texts / sizeof other_texts[0]; i++)
    if (starts_word(s, other_texts[i]))
      return true;
  return false;
}

/* Whether TEXT[POS…] says that the citation before it is of this text:
 * "… above", "… ci-dessus", "… of this resolution". */
static bool names_this_text(const char *text, size_t pos) {
  static const char *const here[] = {" above",     " below",      " ci-dessus",  " ci-dessous",
                                     " supra",     " anterior",   " precedente", " más arriba",
                                     " más abajo", " siguiente",  " выше",       " ниже",
                                     " настоящей", " настоящего", " أعلاه",      " أدناه"};
  const char *s = text + pos;
  for (size_t i = 0; i < sizeof here / sizeof here[0]; i++)
    if (starts_word(s, here[i]))
      return true;
  size_t p = prep_at(s);
  for (size_t i = 0; p && i < sizeof this_text / sizeof this_text[0]; i++)
    if (starts_word(s + p, this_text[i]))
      return true;
  return false;
}

/* The words that name a text when a number or a name follows them:
 * "Resolution 140", "Résolution 70/1", "Recommendation ITU-T X.1". */
static const char *const text_names[] = {
    "Resolution", "Résolution", "Resolución",     "Decision",       "Décision",     "Decisión",
    "Opinion",    "Avis",       "Recommendation", "Recommandation", "Recomendación"};

/* The bytes of a space at S: a space or a no-break space (U+00A0,
 * U+202F, as French typography puts before a number). */
static size_t space_at(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == ' ')
    return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  return u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF ? 3 : 0;
}

static size_t text_name_at(const char *s) {
  for (size_t i = 0; i < sizeof text_names / sizeof text_names[0]; i++) {
    if (text_names[i][0] != s[0]) /* most capitals begin none of them */
      continue;
    size_t n = strlen(text_names[i]), sp;
    if (strncmp(s, text_names[i], n) == 0 && (sp = space_at(s + n)) &&
        (isdigit((unsigned char)s[n + sp]) || isupper((unsigned char)s[n + sp])))
      return n;
  }
  return 0;
}

/* The same in the other scripts: "Резолюции 58", "القرار 58" before a
 * number, and in Chinese "第58号决议" (Resolution 58). */
static size_t script_text_name_at(const char *s) {
  static const char *const names[] = {"Резолюция", "Резолюции", "Резолюцию",    "Резолюцией",
                                      "Решение",   "Решения",   "Рекомендация", "Рекомендации",
                                      "القرار",    "المقرر",    "التوصية"};
  static const char *const cjk_names[] = {"号决议", "号决定", "号建议"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t n = strlen(names[i]), sp;
    if (strncmp(s, names[i], n) == 0 && (sp = space_at(s + n)) && isdigit((unsigned char)s[n + sp]))
      return n;
  }
  if (strncmp(s, "第", strlen("第")) != 0)
    return 0;
  size_t n = strlen("第");
  while (isdigit((unsigned char)s[n]))
    n++;
  for (size_t i = 0; n > strlen("第") && i < sizeof cjk_names / sizeof cjk_names[0]; i++)
    if (strncmp(s + n, cjk_names[i], strlen(cjk_names[i])) == 0)
      return n + strlen(cjk_names[i]);
  return 0;
}

/* Whether a name of another text starts at TEXT[I]. */
static bool text_name_here(const char *text, size_t i) {
  unsigned char c = (unsigned char)text[i];
  if (c < 0x80)
    return isupper(c) && (i == 0 || !word_byte((unsigned char)text[i - 1])) &&
           text_name_at(text + i);
  return c >= 0xC0 && (i == 0 || !word_byte((unsigned char)text[i - 1]) || cjk_at(text + i)) &&
         script_text_name_at(text + i);
}

bool cite_names_text(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text_name_here(text, i))
      return true;
  return false;
}

/* Whether the word before START is a possessive that makes the citation
 * another text's: "Resolution 71 … in its resolves 2". */
static bool after_possessive(const char *text, size_t start) {
  static const char *const words[] = {"its ", "their ", "son ", "sa ", "leur ", "su ", "sus "};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t n = strlen(words[i]);
    if (start >= n && strncasecmp(text + start - n, words[i], n) == 0 &&
        (start == n || !word_byte((unsigned char)text[start - n - 1])))
      return true;
  }
  return false;
}

/* ------------------------------------------------------------ parsing */

/* "point i) du considérant": a citation word at AT. */
static bool word_first(const struct cite_sections *s, const char *text, size_t at,
                       struct citation *c) {
  size_t n = cite_word(text + at);
  if (!n || text[at + n] != ' ')
    return false;
  size_t end = parse_labels(text, at + n + 1, c);
  size_t p = end ? prep_at(text + end) : 0;
  if (!p)
    return false;
  /* an Arabic text quotes the call: الفقرة 2 من "يقرر" */
  static const char *const quotes[][2] = {{"\"", "\""}, {"«", "»"}, {"“", "”"}};
  const char *closing = NULL;
  for (size_t q = 0; q < sizeof quotes / sizeof quotes[0] && !closing; q++)
    if (strncmp(text + end + p, quotes[q][0], strlen(quotes[q][0])) == 0) {
      p += strlen(quotes[q][0]);
      closing = quotes[q][1];
    }
  size_t w = 0;
  c->section = section_by_call(s, text + end + p, false, &w);
  if (!w)
    return false;
  c->start = at;
  c->len = end + p + w - at;
  /* the quote that closes the call, with it */
  if (closing && strncmp(text + at + c->len, closing, strlen(closing)) == 0)
    c->len += strlen(closing);
  return true;
}

/* "做出决议第2段", "考虑到a)": a Chinese call at AT, "第" (the ordinal)
 * or nothing, then labels, with no space between. The longest call
 * written there names the section; two sections of that call, none. */
static bool cjk_call_first(const struct cite_sections *s, const char *text, size_t at,
                           struct citation *c) {
  size_t best = 0;
  c->section = NULL;
  for (size_t k = 0; k < s->n; k++) {
    size_t n = strlen(s->v[k].call);
    if (!n || !cjk_at(s->v[k].call) || strncmp(text + at, s->v[k].call, n) != 0 || n < best)
      continue;
    c->section = n > best || !c->section      ? s->v[k].node
                 : c->section == s->v[k].node ? c->section
                                              : NULL;
    best = n;
  }
  if (!best)
    return false;
  size_t from = at + best;
  if (strncmp(text + from, "第", strlen("第")) == 0)
    from += strlen("第");
  size_t end = parse_labels(text, from, c);
  if (!end)
    return false;
  if (strncmp(text + end, "段", strlen("段")) == 0) /* "paragraph", after the number */
    end += strlen("段");
  c->start = at;
  c->len = end - at;
  return true;
}

/* "considering d)", "resolves 1 to 4": a call's words at AT, then labels. */
static bool call_first(const struct cite_sections *s, const char *text, size_t at,
                       struct citation *c) {
  size_t w = 0;
  c->section = section_by_call(s, text + at, true, &w);
  if (!w)
    return false;
  size_t end = parse_labels(text, at + w + 1, c);
  if (!end)
    return false;
  c->start = at;
  c->len = end - at;
  return true;
}

size_t cite_find(struct cite_sections *s, const char *text, size_t len, bool after_text,
                 struct citation **out) {
  make_keys(s);
  size_t n = 0, cap = 0;
  bool named = after_text;
  *out = NULL;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)text[i];
    /* a word starts here, or a Chinese character, which may start one */
    bool cjk = cjk_at(text + i);
    if (!(isalpha(ch) || ch >= 0xC0) || (i > 0 && word_byte((unsigned char)text[i - 1]) && !cjk))
      continue;
    if (text_name_here(text, i))
      named = true;
    if (!at_key(s, text + i, len - i))
      continue;
    struct citation c;
    memset(&c, 0, sizeof c);
    if (!word_first(s, text, i, &c) && !call_first(s, text, i, &c) &&
        !(cjk && cjk_call_first(s, text, i, &c)))
      continue;
    size_t end = c.start + c.len;
    c.external = names_other_text(text, end) || after_possessive(text, c.start) ||
                 (named && !names_this_text(text, end));
    if (c.external)
      c.section = NULL;
    if (n == cap) {
      cap = cap ? 2 * cap : 4;
      struct citation *v = xrealloc(*out, cap * sizeof *v);
      if (!v)
        abort();
      *out = v;
    }
    (*out)[n++] = c;
    i = c.start + c.len - 1;
  }
  return n;
}
