/* The stages a document goes through before it is rendered, in order:
 * parse → validate → analyse → check. Shared by the command line, the
 * batch checker and the fuzzer. */
#ifndef RESC_PIPELINE_H
#define RESC_PIPELINE_H

#include <stdbool.h>

#include "core/analyse.h"
#include "core/diag.h"
#include "core/validate.h"

/* Parses, validates, analyses and checks PATH. Returns 2 (unreadable),
 * 1 (not well-formed or invalid against the schema) or 0 (the rules ran;
 * their findings are in D). With OUT, a document that reached the rules
 * is left analysed in *OUT (free with analysis_free, then xmlFreeDoc). */
int pipeline_check(struct schema *schema, const char *path, struct diags *d, struct analysis **out);
/* The same for a document in memory. */
int pipeline_check_buffer(struct schema *schema, const char *name, const char *buf, size_t len,
                          struct diags *d, struct analysis **out);
/* The exit status a document's findings deserve. */
int pipeline_verdict(const struct diags *d, bool werror);

#endif
