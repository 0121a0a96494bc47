/* What the subcommands share: usage errors and the common options. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/xalloc.h"
#include "rules/rules.h"

int usage_error(const char *command, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("resc: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  if (command)
    fprintf(stderr, "\ntry 'resc %s --help'\n", command);
  else
    fputs("\ntry 'resc --help'\n", stderr);
  return EXIT_USAGE;
}

static int parse_jobs(const char *command, const char *v, int *jobs) {
  char *end;
  long n = strtol(v, &end, 10);
  if (!*v || *end || n < 1 || n > 256)
    return usage_error(command, "bad value '%s' for -j (a number from 1 to 256)", v);
  *jobs = (int)n;
  return 0;
}

int common_option(const char *command, int opt, const char *value, struct common_options *o) {
  switch (opt) {
  case OPT_WERROR:
    o->werror = true;
    return 1;
  case 'W':
    if (strcmp(value, "error") != 0)
      return usage_error(command, "unknown -W '%s' (only -W error)", value);
    o->werror = true;
    return 1;
  case OPT_DIAGNOSTICS:
    if (strcmp(value, "json") == 0)
      o->diag_format = DIAG_JSON;
    else if (strcmp(value, "gcc") == 0)
      o->diag_format = DIAG_GCC;
    else if (strcmp(value, "sarif") == 0)
      o->diag_format = DIAG_SARIF;
    else
      return usage_error(command, "unknown --diagnostics '%s' (gcc, json or sarif)", value);
    return 1;
  case 'q':
    o->quiet = true;
    return 1;
  case 'j':
  case OPT_JOBS:
    return parse_jobs(command, value, &o->jobs) ? EXIT_USAGE : 1;
  default:
    return 0;
  }
}

int once(const char *command, int opt, unsigned char seen[1024], const char *spelling) {
  if (opt < 0 || opt >= 1024)
    return 0;
  if (seen[opt])
    return usage_error(command, "%s given twice", spelling);
  seen[opt] = 1;
  return 0;
}

int bad_option(const char *command, char **argv, int opt) {
  const char *arg = argv[optind - 1];
  if (opt == ':')
    return usage_error(command, "option '%s' needs a value", arg);
  return usage_error(command, "unknown option '%s'", arg);
}

int stdout_failed(void) {
  static bool said; /* check reports it, then main's last flush finds it again */
  int e = errno;
  if (!said)
    fprintf(stderr, "resc: cannot write to standard output: %s\n", e ? strerror(e) : "write error");
  said = true;
  return EXIT_USAGE;
}

const char *option_spelling(const struct option *longopts, int opt) {
  static char shortopt[3] = "-?";
  for (const struct option *l = longopts; l->name; l++)
    if (l->val == opt && !l->flag) {
      static char buf[64];
      snprintf(buf, sizeof buf, "--%s", l->name);
      return buf;
    }
  shortopt[1] = (char)opt;
  return shortopt;
}

void report_diags(struct diags *d, enum diag_format format) {
  diags_sort(d);
  if (format == DIAG_SARIF) {
    struct sarif s;
    sarif_open(&s, stderr);
    diags_print(d, format, s.results);
    sarif_close(&s);
  } else
    diags_print(d, format, stderr);
  diags_free(d);
}

void sarif_open(struct sarif *s, void *log) {
  s->log = log;
  s->text = NULL;
  s->len = 0;
  s->results = open_memstream(&s->text, &s->len);
  if (!s->results)
    xalloc_fail();
}

void sarif_close(struct sarif *s) {
  fclose(s->results);
  diags_sarif_log(s->log, rule_registry, s->text, s->len);
  free(s->text);
}

int run_with_schema(int (*task)(const void *options, struct schema *schema, struct diags *d),
                    const void *options, enum diag_format format) {
  struct schema *schema = schema_load();
  if (!schema)
    return usage_error(NULL, "internal error: the schema does not compile");
  struct diags d;
  diags_init(&d);
  int rc = task(options, schema, &d);
  report_diags(&d, format);
  schema_free(schema);
  return rc;
}
