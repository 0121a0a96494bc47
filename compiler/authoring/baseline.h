/* check --base: where a proposal's original text differs from the text
 * in force (a proposal drafted on an outdated revision), block by block:
 * blocks are matched by content as diff matches them (match.h), and
 * each block missing, added or reworded is one diagnostic (rule `base`)
 * at its line in the proposal. */
#ifndef RESC_BASELINE_H
#define RESC_BASELINE_H

#include "core/analyse.h"
#include "core/diag.h"
#include "core/validate.h"

/* Compares the original text of each amendment of the analysed document
 * P (or of P itself, a resolution or report) with BASE, the analysed text
 * in force; adds the differences to D. P's tree is resolved to its
 * original view in place: it serves no other purpose afterwards.
 * Returns the number of differences. */
size_t baseline_compare(struct analysis *p, struct analysis *base, struct diags *d);

/* The text in force at PATH, analysed, or NULL after printing why on
 * standard error (it must load, check without error and hold no marks).
 * Free with analysis_free, then xmlFreeDoc. */
struct analysis *baseline_load(struct schema *schema, const char *path, enum diag_format fmt);
/* Loads FILE, compares it with BASE and prints the differences on
 * standard output in FMT; adds their count to *ERRORS. Returns the exit
 * status they deserve (0 or 1; a FILE that does not load has been
 * reported by check itself). */
int baseline_check_file(struct schema *schema, struct analysis *base, const char *file,
                        enum diag_format fmt, void *out, size_t *errors);

#endif
