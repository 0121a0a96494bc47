/* resc compile: one compilation of every proposal for one resolution.
 *
 * Each proposal's amendment of the resolution is carried onto the text in
 * force (BASE) by a three-way match: BASE against the amendment's
 * original view (diff_documents: the baseline differences, reported as
 * `baseline`), the original view against the amended one (the proposal's
 * own marks). A change is carried where the words it touches stand
 * unchanged in BASE, else reported. The carried changes of all the
 * proposals are then laid over BASE at once, block by block and, inside
 * a paragraph, token by token: every mark's `by` is its proposal's
 * author. Changes of two proposals that touch the same words, the same
 * block or the same place are compared: the same change twice is one
 * change; different ones are reported (`conflict`) and both are shown.
 *
 * The result is a plain resolution of the vocabulary, which the
 * renderers read like any: with a synoptic table (provision × proposal ×
 * action) as an attachment at its end; or, with merge, the text with
 * every change that conflicts with none accepted and the others left
 * marked. */
#ifndef RESC_COMPILE_H
#define RESC_COMPILE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/analyse.h"
#include "core/diag.h"

struct compile_input {
  const char *file; /* for diagnostics */
  xmlDocPtr doc;    /* a valid proposal; compile_run changes it (refs become text) */
};

struct compile_result {
  xmlDocPtr doc;   /* the compilation, or NULL when no proposal amends BASE */
  size_t baseline; /* differences between original views and BASE */
  size_t conflicts;
};

/* Compiles the proposals IN[0, N) against BASE, the analysed text in
 * force (a clean resolution). With MERGE, non-conflicting changes are
 * applied and the synoptic table left out. Diagnostics go to D. */
struct compile_result compile_run(struct analysis *base, const char *base_file,
                                  struct compile_input *in, size_t n, bool merge, struct diags *d);

#endif
