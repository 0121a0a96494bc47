/* PDF through Apache FOP: a convenience around `resc build -t fo`. */
#ifndef RESC_PDF_H
#define RESC_PDF_H

#include <stddef.h>

#include "core/diag.h"

/* Renders the XSL-FO document FO (LEN bytes) to a PDF at OUT (written
 * atomically; "-" or NULL: standard output) with the FOP configuration
 * resc ships. FILE names the source document in diagnostics. Returns an
 * exit status: 0, 1 (FOP reported an error or a warning), or 2 (FOP is not
 * installed, or the output cannot be written). */
int pdf_render(const unsigned char *fo, size_t len, const char *out, const char *file,
               struct diags *d);

#endif
