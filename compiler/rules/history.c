/* Rule history: the revision note ("Rév. Genève, 2022") and the authority
 * line's "(place, year)" name the last event of the history, in each
 * text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/xalloc.h"
#include "rules/rules.h"
#include "rules/sides.h"

static void run(struct rule_ctx *c);

const struct rule rule_history = {
    "history", SEV_ERROR,
    "a \"Rév. …\" note and the authority line's \"(place, year)\" name the last history event, "
    "in each view",
    "When a resolution is revised, its revision note (\"Rév. Genève, 2022\") and the "
    "authority line's \"(Genève, 2022)\" name the meeting that revised it last: the last "
    "event of its history, in the original and in the amended text. An amendment that adds "
    "an event changes the note and the authority line with it.",
    run};

/* Compares two texts as a reader would: a no-break space (U+00A0, U+202F)
 * is a space. */
static const char *skip_space(const char *s, bool *space) {
  *space = false;
  for (;;) {
    if (*s == ' ') {
      s++;
    } else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
      s += 2;
    } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
               (unsigned char)s[2] == 0xAF) {
      s += 3;
    } else {
      return s;
    }
    *space = true;
  }
}

static bool same_words(const char *a, const char *b) {
  for (;;) {
    bool sa, sb;
    a = skip_space(a, &sa);
    b = skip_space(b, &sb);
    if (sa != sb || *a != *b)
      return false;
    if (!*a)
      return true;
    a++, b++;
  }
}

/* The year a history event or a parenthesis states: "Genève, 2022" and
 * "2022" state 2022, "WRC-23" (a conference) 23; -1 when none. *FULL:
 * whether it is a four-digit year. */
static int year_of(const char *s, bool *full) {
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == ' ')
    n--;
  size_t d = 0;
  while (d < n && isdigit((unsigned char)s[n - 1 - d]))
    d++;
  *full = d == 4;
  if (d != 4 && !(d == 2 && n > 2 && s[n - 3] == '-'))
    return -1;
  return atoi(s + n - d);
}

enum form { PLACE_YEAR, YEAR, CONFERENCE, OTHER };

/* "Genève, 2022", "2022", "WRC-23", or something else. */
static enum form form_of(const char *s) {
  bool full;
  if (year_of(s, &full) < 0)
    return OTHER;
  if (!full)
    return CONFERENCE;
  return strchr(s, ',') ? PLACE_YEAR : YEAR;
}

/* Whether STATED (a note's or the authority line's) disagrees with the
 * history's last event LAST. Texts of one form are compared word for
 * word; across forms ("Dubai, 2023" and "WRC-23", "Geneva, 2007" and
 * "2007") only what both state, the year, is. */
static bool disagrees(const char *stated, const char *last) {
  enum form fs = form_of(stated), fl = form_of(last);
  if (fs == fl || !*stated)
    return !same_words(stated, last);
  if (fs == OTHER || fl == OTHER)
    return false;
  bool full;
  int ys = year_of(stated, &full), yl = year_of(last, &full);
  if (fs == CONFERENCE || fl == CONFERENCE)
    return ys % 100 != yl % 100;
  return ys != yl;
}

static const xmlNode *last_event(const xmlNode *history, int side) {
  const xmlNode *last = NULL;
  for (const xmlNode *e = first_el(history); e; e = next_el(e))
    if (is_k(e, K_EVENT) && (own_sides(e) & side))
      last = e;
  return last;
}

/* "Rév. Genève, 2022" → "Genève, 2022"; NULL when the note is of
 * another form ("C11, dernière mod. C24"). The word is ITU's in each
 * language: "Rév." (fr), "Rev." (en, es), "Пересм." (ru), "المراجَع في"
 * (ar, "revised at"), and in Chinese after the place and year:
 * "2018年，迪拜，修订版". The result points into NOTE, or for a Chinese
 * note into BUF. */
static const char *revision_of(const char *note, char *buf, size_t size) {
  static const char *const prefixes[] = {"Rév.",     "Rev.",    "Rév",        "Rev",
                                         "Пересм.",  "Пересм",  "المراجَع في", "المراجع في",
                                         "مراجَع في", "مراجع في"};
  static const char *const suffixes[] = {"，修订版", ", 修订版", "修订版"};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    size_t n = strlen(prefixes[i]);
    if (strncmp(note, prefixes[i], n) == 0) {
      bool space;
      const char *p = note + n;
      while (*p == '.')
        p++;
      return skip_space(p, &space);
    }
  }
  size_t len = strlen(note);
  for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    size_t n = strlen(suffixes[i]);
    if (len > n && len - n < size && strcmp(note + len - n, suffixes[i]) == 0) {
      snprintf(buf, size, "%.*s", (int)(len - n), note);
      return buf;
    }
  }
  return NULL;
}

/* The last "(…)" of the authority line that states a place or a year
 * ("(Genève, 2022)", or an empty "()"), in a copy to free; *AT is where
 * it opens. An abbreviation ("(AMNT)") states neither. */
static char *last_parenthesis(const char *s, size_t *at) {
  const char *open = NULL, *close = NULL;
  for (const char *o = strchr(s, '('); o; o = strchr(o + 1, '(')) {
    const char *c = strchr(o, ')');
    if (!c)
      break;
    bool digit = false, blank = true;
    for (const char *p = o + 1; p < c; p++) {
      digit |= isdigit((unsigned char)*p) != 0;
      blank &= *p == ' ';
    }
    if (digit || blank)
      open = o, close = c;
  }
  if (!open)
    return NULL;
  *at = (size_t)(open - s);
  char *inside = xstrndup(open + 1, (size_t)(close - open - 1));
  if (!inside)
    abort();
  return inside;
}

static void check_note(struct rule_ctx *c, const xmlNode *note, int side, const char *last,
                       struct finding *out) {
  if (!note || !(node_sides(note) & side))
    return;
  char *nt = vtext_copy(&c->t, note, side);
  char buf[256];
  const char *rev = revision_of(nt, buf, sizeof buf);
  if (rev && disagrees(rev, last))
    finding_set(out, node_line(note),
                "the note names '%s' but the last event of the history%s is '%s'", rev,
                in_text(c->a, side), last);
  free(nt);
}

static void check_authority(struct rule_ctx *c, const xmlNode *authority, int side,
                            const char *last, struct finding *out) {
  if (!authority || !(node_sides(authority) & side))
    return;
  char *at = vtext_copy(&c->t, authority, side);
  size_t open = 0;
  char *place = last_parenthesis(at, &open);
  /* a line with no place or year ("The ITU Radiocommunication Assembly,")
   * states nothing to check */
  if (place && disagrees(place, last))
    finding_set(out, c->t.line[open], /* c->t still holds the authority line */
                "the authority line names '(%s)' but the last event of the history%s is '%s'",
                place, in_text(c->a, side), last);
  free(place);
  free(at);
}

/* F[0]: the note's finding on SIDE, F[1]: the authority line's. */
static void history_side(struct rule_ctx *c, const xmlNode *heading, const xmlNode *authority,
                         int side, struct finding f[2]) {
  const xmlNode *ev = last_event(child_k(heading, K_HISTORY), side);
  if (!ev)
    return;
  char *last = vtext_copy(&c->t, ev, side);
  check_note(c, child_k(heading, K_NOTE), side, last, &f[0]);
  check_authority(c, authority, side, last, &f[1]);
  free(last);
}

static void check_resolution(struct rule_ctx *c, xmlNodePtr res, void *unused) {
  (void)unused;
  xmlNodePtr heading = child_k(res, K_HEADING);
  if (!heading || !child_k(heading, K_HISTORY))
    return;
  xmlNodePtr authority = child_k(child_k(res, K_PREAMBLE), K_AUTHORITY);
  struct finding fo[2] = {{0}}, fa[2] = {{0}};
  history_side(c, heading, authority, SIDE_O, fo);
  history_side(c, heading, authority, SIDE_A, fa);
  for (int i = 0; i < 2; i++) {
    sides_report(c, &rule_history, &fo[i], &fa[i]);
    finding_free(&fo[i]);
    finding_free(&fa[i]);
  }
}

static void run(struct rule_ctx *c) { rules_each_resolution(c, check_resolution, NULL); }
