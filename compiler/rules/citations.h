/* Citations written as plain text, in English, French and Spanish:
 *
 *   a citation word, labels, a preposition, a section's call:
 *     "point i) du considérant", "points 1 et 2 du décide",
 *     "paragraph 2 of resolves", "punto 3 del resuelve";
 *   a section's call (or the first words of it), then labels:
 *     "considering d)", "resolves 1 to 4", "further resolves 1 and 2",
 *     "instructs the Director 2", "recognizing a) and b)".
 *
 * Labels come as a list ("1, 4 and 5", "a) et b)", "1 y 2") or a range
 * ("1 to 4", "1 à 4", "1 a 4", "1-4"); a label may carry a sub-item's
 * ("considering c) ii)": item c) is what is cited). A citation followed by
 * "of Resolution 58", "de la Résolution 140", "thereof" … names another
 * text: it is returned, marked external, with no section; so is one
 * after the sentence named another text (see cite_find).
 *
 * The parser is given a paragraph's text and the sections of the
 * resolution it stands in, and returns what it found with byte spans into
 * that text: the stale-ref rule reads it, and so can a tool turning
 * citations into <ref> elements. It never reports anything itself. */
#ifndef RESC_RULES_CITATIONS_H
#define RESC_RULES_CITATIONS_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/label.h"
#include "core/text.h"

#define CITE_MAX_LABELS 16

/* How a label joins the one before it. */
enum cite_join {
  CITE_FIRST, /* the first label */
  CITE_AND,   /* "1, 2", "a) and b)", "1 et 2", "1 y 2", "1 or 2" */
  CITE_TO     /* the end of a range: "1 to 4", "1 à 4", "1 a 4", "1-4" */
};

struct cite_label {
  char value[LABEL_MAX]; /* as num/was write it: "d", "4", "bbis", "4.1" */
  size_t start, len;     /* the label as written in the text: "d)", "b)bis" */
  enum cite_join join;
};

struct citation {
  size_t start, len;      /* the citation in the text, from its first word to
                             its call (citation word first) or its last label */
  const xmlNode *section; /* the section of this resolution it cites; NULL when
                             external, or when its words fit several sections */
  bool external;          /* it cites another text */
  size_t nlabels;
  struct cite_label labels[CITE_MAX_LABELS];
};

/* The sections a citation may name: every section of a resolution's
 * preamble and operative part present on a side, by its call on that
 * side (and, for the amended side, by its original call too, since text
 * written before the amendment still cites it so). */
struct cite_sections {
  struct cite_section {
    const xmlNode *node;
    char *call;
  } * v;
  size_t n, vcap;
  bool initial[256];      /* the first bytes of calls and citation words, both
                             cases: most words start with none of them */
  uint32_t second[26][8]; /* [first letter]: the second bytes, a bit each: fewer
                             still (bits, not bools: the structure is cleared for
                             every resolution) */
  char **keys;            /* the first words of calls and the citation words' stems,
                             lower case: where a citation may start */
  size_t nkeys, keycap;
  size_t nstems; /* the first keys, the stems', are shared: not freed */
  struct cite_word {
    const char *w; /* into a call */
    size_t n;
  } * words; /* every word of every call: a label follows one of them, or a
                citation word */
  size_t nwords, wcap;
};

/* Fills S with RESOLUTION's sections on SIDE (SIDE_O or SIDE_A); T is
 * scratch. Free with cite_sections_free. */
void cite_sections_init(struct cite_sections *s, const xmlNode *resolution, int side,
                        struct vtext *t);
void cite_sections_free(struct cite_sections *s);

/* Whether TEXT (LEN bytes, NUL-terminated) may hold a citation: a label
 * ("2", "d)") after a citation word or a word of a call, case aside. A
 * cheap test that lets a caller skip building a paragraph's text. */
bool cite_may_hold(const struct cite_sections *s, const char *text, size_t len);

/* Whether TEXT (LEN bytes) names another text: "Résolution 140",
 * "Resolution 70/1", "Recommendation ITU-T X.1". */
bool cite_names_text(const char *text, size_t len);

/* The citations in TEXT (LEN bytes, NUL-terminated), in text order: their
 * count, and in *OUT an array to free (NULL when none).
 *
 * A citation after a sentence has named another text ("aux termes de la
 * Résolution 140 … conformément au point 7 du décide") is taken as that
 * text's, unless it says it is this one's ("… above", "… ci-dessus", "…
 * of this resolution"). AFTER_TEXT: whether the text before TEXT in its
 * item (an earlier paragraph, the paragraph introducing its list) named
 * one (cite_names_text). S's keys (where citations may start) are made
 * at its first call. */
size_t cite_find(struct cite_sections *s, const char *text, size_t len, bool after_text,
                 struct citation **out);

#endif
