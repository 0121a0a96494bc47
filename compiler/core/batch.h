/* Checking many files in one call: the schema is compiled once; with
 * several jobs, worker processes forked after compiling share it, and
 * the results come back in the order the files were named. */
#ifndef RESC_BATCH_H
#define RESC_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/validate.h"

struct file_result {
  char *text; /* the file's diagnostics, printed */
  size_t len;
  int verdict; /* exit status the file deserves */
  size_t errors, warnings;
};

/* Checks FILES[0..N) with JOBS processes (1: in this one). Fills OUT[i]
 * for each file (free the texts with free). Returns 0, or -1 when a
 * worker could not be started or died (its files then have verdict 2). */
int batch_check(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                bool werror, struct file_result *out);

#endif
