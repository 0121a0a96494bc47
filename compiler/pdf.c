/* Placeholder until the FOP driver lands (issue 4). */
#include "pdf.h"

int pdf_render(const unsigned char *fo, size_t len, const char *out, const char *file,
               struct diags *d) {
  (void)fo, (void)len, (void)out;
  diag_add(d, file, 0, 0, SEV_ERROR, "io", "PDF output is not available in this build");
  return 2;
}
