/* Writing results: to standard output, or to a temporary file beside
 * the target renamed into place, so that a failed build never leaves a
 * partial file nor clobbers an earlier good one. */
#ifndef RESC_OUTPUT_H
#define RESC_OUTPUT_H

#include <stddef.h>

/* PATH "-" or NULL: standard output. Returns 0, or -1 with errno set. */
int output_write(const char *path, const void *data, size_t len);

#endif
