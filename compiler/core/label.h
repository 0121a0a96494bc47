/* The labelling engine: pure functions from a numbering style and a
 * position to a label. Everything else (which items count, in which
 * view) is the analyser's business. */
#ifndef RESC_LABEL_H
#define RESC_LABEL_H

#include <stdbool.h>
#include <stddef.h>

enum numbering {
  NUM_ALPHA,        /* a) b) … z) aa) ab) */
  NUM_ARABIC,       /* 1 2 3 */
  NUM_ROMAN,        /* i) ii) iii) */
  NUM_ALPHA_DOT,    /* a. b. c. */
  NUM_DASH,         /* – – – */
  NUM_NONE,         /* no label */
  NUM_DECIMAL,      /* 1, 2, 3.1: report sections, (v2) decimal lists 4.1 */
  NUM_ARABIC_PAREN, /* (v3) 1) 2) 3) */
  NUM_BULLET        /* (v3) • • • */
};

#define LABEL_MAX 48

bool numbering_parse(const char *s, enum numbering *out);
/* Bare label (no punctuation) of the item at 0-based position N. */
void label_format(enum numbering style, unsigned n, char *buf, size_t size);
/* Punctuation written after the bare label: ")" "." or "". */
const char *label_punct(enum numbering style);
/* Whether the style's label is a symbol (– or •), the same for every
 * item: no num can be written for it, nothing can be interposed. */
bool label_is_symbol(enum numbering style);
/* "lettered" or "numbered", for messages. */
const char *label_verb(enum numbering style);
/* Interposition suffixes in order: 0 → "bis", 1 → "ter" …; NULL past
 * the end of the list. */
const char *label_suffix(unsigned k);
/* Splits "bbis" into "b" and suffix index 0; returns false when the
 * label has no suffix. */
bool label_split(const char *label, char *base, size_t size, unsigned *k);

/* ITU's Arabic texts letter items in the order of the abjad, أ) ب) ج)
 * د) …, where the other texts write a) b) c) d) …. The Latin letter of the
 * Arabic letter at S ("ب" → 'b'), or 0. */
char label_from_abjad(const char *s);
/* BASE ("b", "aa") written in abjad letters ("ب", "أأ") into BUF; false,
 * and BUF untouched, when BASE is not lower-case Latin letters. */
bool label_to_abjad(const char *base, char *buf, size_t size);

/* Whether S has the form of a bare label (schema: label.value): lower-case
 * letters, or dot-joined numbers with an optional suffix ("bbis" is
 * letters already). */
bool label_is_wellformed(const char *s);

#endif
