/* Side pairing. A rule whose finding depends on the view (history,
 * punctuation) looks at the original and the amended text in turn and
 * keeps what it finds per side; these functions then report a finding
 * that is the same in both texts once, without its side words ("in the
 * original text"), and the others as they are. */
#ifndef RESC_RULES_SIDES_H
#define RESC_RULES_SIDES_H

#include <stdbool.h>

#include "rules/rules.h"

/* One finding on one side, not yet reported. */
struct finding {
  bool set;
  long line;
  char *msg; /* owned */
};

/* The findings of one rule in one part of the document, on one side. */
struct findings {
  struct finding *v;
  size_t n, cap;
};

/* Sets F (freeing a message it held). */
void finding_set(struct finding *f, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void finding_free(struct finding *f);
/* Appends a finding to FS. */
void findings_add(struct findings *fs, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void findings_free(struct findings *fs);

/* Reports O (original side) and A (amended side) as RULE's findings: once
 * if both are set, on the same line, and say the same thing but for the
 * side; otherwise each that is set. */
void sides_report(struct rule_ctx *c, const struct rule *rule, const struct finding *o,
                  const struct finding *a);
/* The same for lists: each original finding is paired with the first
 * unpaired amended finding that matches it. */
void sides_report_all(struct rule_ctx *c, const struct rule *rule, const struct findings *o,
                      const struct findings *a);

#endif
