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
  bool checked;  /* false: no result came back */
  char lost[64]; /* then, why: "worker 2 was killed by signal 9" */
};

/* Checks FILES[0..N) with JOBS processes (1: in this one). Fills OUT[i]
 * for each file (free the texts with free). Every file is accounted for:
 * the files of a worker that could not be started are checked in this
 * process; those of a worker that died before sending their results are
 * marked unchecked (verdict 2, LOST says why). Returns how many were
 * not checked. */
int batch_check(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                bool werror, struct file_result *out);

#endif
