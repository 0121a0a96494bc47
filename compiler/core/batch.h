/* Checking (or building) many files in one call: the schema is compiled
 * once; with several jobs, worker processes forked after compiling share it, and
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

/* The work done on each file: fills R (its printed diagnostics, its
 * verdict and counts; checked = true). CTX is the caller's. */
struct batch_task {
  void (*one)(const void *ctx, const char *file, struct file_result *r);
  const void *ctx;
  /* NULL, or called in this process as results come in: DONE of N */
  void (*progress)(int done, int n);
};

/* For a task's one(): fills R from the file's findings D (sorted,
 * printed in FMT, counted, then freed) and VERDICT. */
void batch_result(struct file_result *r, struct diags *d, enum diag_format fmt, int verdict);

/* Runs TASK on FILES[0..N) with JOBS processes (1: in this one; workers
 * are forked, so that what the caller prepared, a compiled schema or
 * stylesheet, is shared). Fills OUT[i] for each file (free the texts with
 * free). Every file is accounted for: the files of a worker that could
 * not be started are done in this process; those of a worker that died
 * before sending their results are marked unchecked (verdict 2, LOST says
 * why). Returns how many were not done. */
int batch_run(const struct batch_task *task, char **files, int n, int jobs,
              struct file_result *out);

/* batch_run of the checks: the schema compiled once, each file's
 * diagnostics printed in FMT. */
int batch_check(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                bool werror, struct file_result *out);

#endif
