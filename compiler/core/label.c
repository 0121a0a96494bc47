#include "core/label.h"

#include <stdio.h>
#include <string.h>

bool numbering_parse(const char *s, enum numbering *out) {
  static const struct {
    const char *name;
    enum numbering v;
  } names[] = {{"alpha", NUM_ALPHA},     {"arabic", NUM_ARABIC},
               {"roman", NUM_ROMAN},     {"alpha-dot", NUM_ALPHA_DOT},
               {"dash", NUM_DASH},       {"none", NUM_NONE},
               {"decimal", NUM_DECIMAL}, {"arabic-paren", NUM_ARABIC_PAREN},
               {"bullet", NUM_BULLET}};
  for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
    if (strcmp(s, names[i].name) == 0) {
      *out = names[i].v;
      return true;
    }
  return false;
}

/* Bijective base 26: z is followed by aa, as ITU lists run. */
static void alpha(unsigned n, char *buf, size_t size) {
  char tmp[16];
  size_t len = 0;
  unsigned long v = (unsigned long)n + 1;
  while (v > 0 && len < sizeof tmp) {
    v--;
    tmp[len++] = (char)('a' + v % 26);
    v /= 26;
  }
  size_t i = 0;
  for (; i < len && i + 1 < size; i++)
    buf[i] = tmp[len - 1 - i];
  buf[i] = 0;
}

/* V in decimal: snprintf's machinery was a tenth of analysing a
 * document, for numbers of a few digits. */
static void decimal(unsigned v, char *buf, size_t size) {
  char tmp[16];
  size_t len = 0;
  do {
    tmp[len++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  size_t i = 0;
  for (; i < len && i + 1 < size; i++)
    buf[i] = tmp[len - 1 - i];
  if (size)
    buf[i] = 0;
}

static void roman(unsigned n, char *buf, size_t size) {
  static const struct {
    unsigned v;
    const char *s;
  } parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
               {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  unsigned v = n + 1;
  if (v >= 4000) { /* beyond classical numerals: fall back to digits */
    decimal(v, buf, size);
    return;
  }
  buf[0] = 0;
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    while (v >= parts[i].v) {
      strncat(buf, parts[i].s, size - strlen(buf) - 1);
      v -= parts[i].v;
    }
}

void label_format(enum numbering style, unsigned n, char *buf, size_t size) {
  switch (style) {
  case NUM_ALPHA:
  case NUM_ALPHA_DOT:
    alpha(n, buf, size);
    break;
  case NUM_ROMAN:
    roman(n, buf, size);
    break;
  case NUM_ARABIC:
  case NUM_DECIMAL:
  case NUM_ARABIC_PAREN:
    decimal(n + 1, buf, size);
    break;
  case NUM_DASH:
    snprintf(buf, size, "\xe2\x80\x93"); /* – U+2013 */
    break;
  case NUM_BULLET:
    snprintf(buf, size, "\xe2\x80\xa2"); /* • U+2022 */
    break;
  case NUM_NONE:
    buf[0] = 0;
    break;
  }
}

const char *label_punct(enum numbering style) {
  switch (style) {
  case NUM_ALPHA:
  case NUM_ROMAN:
  case NUM_ARABIC_PAREN:
    return ")";
  case NUM_ALPHA_DOT:
    return ".";
  default:
    return "";
  }
}

bool label_is_symbol(enum numbering style) { return style == NUM_DASH || style == NUM_BULLET; }

const char *label_verb(enum numbering style) {
  return style == NUM_ARABIC || style == NUM_DECIMAL || style == NUM_ARABIC_PAREN ? "numbered"
                                                                                  : "lettered";
}

static const char *const suffixes[] = {"bis",     "ter",    "quater", "quinquies", "sexies",
                                       "septies", "octies", "novies", "decies"};

const char *label_suffix(unsigned k) {
  return k < sizeof suffixes / sizeof suffixes[0] ? suffixes[k] : NULL;
}

bool label_split(const char *label, char *base, size_t size, unsigned *k) {
  size_t len = strlen(label);
  if (len <= 3) /* every suffix has 3 letters or more, and a base before it */
    return false;
  /* longest suffix first: "quinquies" must not be read as "…ies" */
  unsigned best = 0;
  size_t best_len = 0;
  for (unsigned i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    size_t sl = strlen(suffixes[i]);
    if (sl < len && sl > best_len && strcmp(label + len - sl, suffixes[i]) == 0) {
      best = i;
      best_len = sl;
    }
  }
  if (!best_len)
    return false;
  size_t bl = len - best_len;
  if (bl + 1 > size)
    return false;
  memcpy(base, label, bl);
  base[bl] = 0;
  *k = best;
  return true;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool label_is_wellformed(const char *s) {
  if (*s >= 'a' && *s <= 'z') {
    while (*s >= 'a' && *s <= 'z')
      s++;
    return *s == 0;
  }
  if (!is_digit(*s))
    return false;
  for (;;) {
    while (is_digit(*s))
      s++;
    if (*s != '.' || !is_digit(s[1]))
      break;
    s++;
  }
  for (unsigned k = 0; *s && label_suffix(k); k++)
    if (strcmp(s, label_suffix(k)) == 0)
      return true;
  return *s == 0;
}

/* The Arabic letters, two bytes each in UTF-8, in the order of the Latin
 * ones they stand for. */
static const char *const abjad[] = {"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط",
                                    "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
                                    "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض"};

char label_from_abjad(const char *s) {
  for (size_t i = 0; i < sizeof abjad / sizeof abjad[0]; i++)
    if (s[0] == abjad[i][0] && s[0] && s[1] == abjad[i][1])
      return (char)('a' + i);
  return 0;
}

bool label_to_abjad(const char *base, char *buf, size_t size) {
  size_t n = strlen(base);
  if (!n || 2 * n >= size)
    return false;
  for (size_t i = 0; i < n; i++)
    if (base[i] < 'a' || base[i] > 'z')
      return false;
  for (size_t i = 0; i < n; i++)
    memcpy(buf + 2 * i, abjad[base[i] - 'a'], 2);
  buf[2 * n] = 0;
  return true;
}
