/* Diagnostics: one module owns them. Stages report findings here; only
 * the printers write them out, so the checker itself never prints. */
#ifndef RESC_DIAG_H
#define RESC_DIAG_H

#include <stddef.h>

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

struct diag {
  char *file;
  long line;  /* 0: no line */
  int column; /* 0: no column */
  enum severity severity;
  char rule[16];
  char *message;
};

struct diags {
  struct diag *v;
  size_t n, cap;
};

void diags_init(struct diags *d);
void diags_free(struct diags *d);
void diag_add(struct diags *d, const char *file, long line, int column, enum severity sev,
              const char *rule, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Sorts by line, then column, keeping the order of equal positions. */
void diags_sort(struct diags *d);
size_t diags_count(const struct diags *d, enum severity sev);

enum diag_format { DIAG_GCC, DIAG_JSON };
void diags_print(const struct diags *d, enum diag_format fmt, void *stream);

#endif
