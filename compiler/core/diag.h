/* Diagnostics: one module owns them. Stages report findings here; only
 * the printers write them out, so the checker itself never prints. */
#ifndef RESC_DIAG_H
#define RESC_DIAG_H

#include <stdarg.h>
#include <stddef.h>

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

struct rule_ctx; /* rules/rules.h */

/* A rule: what every diagnostic names in brackets. Each is one constant,
 * listed in rules/registry.c (the one list of ids, the stages' included);
 * rules/rules.h says how to add one. It is declared here, not in rules/,
 * because every stage reports through it and core and render do not
 * include rules/. */
struct rule {
  const char *id;                  /* "stale-ref": printed in [...] and as JSON "rule" */
  enum severity severity;          /* what diag_add reports it at */
  const char *summary;             /* one line: the README's table */
  const char *help;                /* what, why, how to fix */
  void (*run)(struct rule_ctx *c); /* NULL for the ids a stage emits */
};

/* The ids the stages emit (defined in rules/registry.c). */
extern const struct rule rule_xml, rule_io, rule_schema, rule_label, rule_ref, rule_internal,
    rule_pdf;
/* check --base (authoring/baseline.c) */
extern const struct rule rule_base;
/* resc compile (authoring/compile.c) */
extern const struct rule rule_baseline, rule_conflict;
extern const struct rule rule_import; /* resc import (compiler/import/) */

struct diag {
  char *file;
  long line;  /* 0: no line */
  int column; /* 0: no column */
  enum severity severity;
  const struct rule *rule; /* a registry constant: never freed */
  char *message;
};

struct diags {
  struct diag *v;
  size_t n, cap;
};

void diags_init(struct diags *d);
void diags_free(struct diags *d);
/* Adds a finding of RULE at its default severity; FILE is copied. */
void diag_add(struct diags *d, const char *file, long line, int column, const struct rule *rule,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The same at severity SEV, for a stage whose findings vary (FOP's
 * warnings and notes). */
void diag_add_sev(struct diags *d, const char *file, long line, int column, enum severity sev,
                  const struct rule *rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* The same with a va_list, for reporting helpers. */
void diag_addv(struct diags *d, const char *file, long line, int column, enum severity sev,
               const struct rule *rule, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));
/* Sorts by line, then column, keeping the order of equal positions. */
void diags_sort(struct diags *d);
size_t diags_count(const struct diags *d, enum severity sev);

enum diag_format { DIAG_GCC, DIAG_JSON, DIAG_SARIF };
/* Prints every finding, file names and messages escaped (one finding is
 * one line, whatever bytes a name holds). DIAG_SARIF prints one SARIF
 * result object a line: diags_sarif_log makes them a log. */
void diags_print(const struct diags *d, enum diag_format fmt, void *stream);
/* Writes a SARIF 2.1.0 log to STREAM: the tool's driver with every rule of
 * RULES (NULL-terminated: the registry), then the results RESULTS holds
 * (LEN bytes printed by diags_print in DIAG_SARIF, for any number of
 * files). */
void diags_sarif_log(void *stream, const struct rule *const *rules, const char *results,
                     size_t len);
/* Prints NAME escaped as diagnostics print it, for messages of resc's
 * own ("resc: cannot write 'NAME'"). */
void diag_print_name(const char *name, void *stream);

#endif
