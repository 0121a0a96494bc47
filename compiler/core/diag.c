#include "core/diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  fputs("resc: out of memory\n", stderr);
  exit(2);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q)
    out_of_memory();
  return q;
}

void diags_init(struct diags *d) { memset(d, 0, sizeof *d); }

void diags_free(struct diags *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->v[i].file);
    free(d->v[i].message);
  }
  free(d->v);
  diags_init(d);
}

void diag_addv(struct diags *d, const char *file, long line, int column, enum severity sev,
               const struct rule *rule, const char *fmt, va_list ap) {
  if (d->n == d->cap) {
    d->cap = d->cap ? 2 * d->cap : 16;
    d->v = xrealloc(d->v, d->cap * sizeof *d->v);
  }
  struct diag *g = &d->v[d->n++];
  g->file = strdup(file ? file : "");
  if (!g->file)
    out_of_memory();
  g->line = line;
  g->column = column;
  g->severity = sev;
  g->rule = rule;
  /* most messages fit in a line: format once into it */
  char line_buf[256];
  va_list copy;
  va_copy(copy, ap);
  int len = vsnprintf(line_buf, sizeof line_buf, fmt, copy);
  va_end(copy);
  if (len < 0)
    len = 0, line_buf[0] = 0;
  g->message = xrealloc(NULL, (size_t)len + 1);
  if ((size_t)len < sizeof line_buf)
    memcpy(g->message, line_buf, (size_t)len + 1);
  else
    vsnprintf(g->message, (size_t)len + 1, fmt, ap);
}

void diag_add(struct diags *d, const char *file, long line, int column, const struct rule *rule,
              const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_addv(d, file, line, column, rule->severity, rule, fmt, ap);
  va_end(ap);
}

void diag_add_sev(struct diags *d, const char *file, long line, int column, enum severity sev,
                  const struct rule *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_addv(d, file, line, column, sev, rule, fmt, ap);
  va_end(ap);
}

/* Merge sort: stable (findings on one line keep the order the rules
 * found them in) and n log n, as a large document may have many. */
static bool before(const struct diag *a, const struct diag *b) {
  return a->line < b->line || (a->line == b->line && a->column < b->column);
}

static void merge_sort(struct diag *v, struct diag *tmp, size_t n) {
  if (n < 2)
    return;
  size_t h = n / 2;
  merge_sort(v, tmp, h);
  merge_sort(v + h, tmp, n - h);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n)
    tmp[k++] = before(&v[j], &v[i]) ? v[j++] : v[i++];
  while (i < h)
    tmp[k++] = v[i++];
  while (j < n)
    tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

void diags_sort(struct diags *d) {
  if (d->n < 2)
    return;
  struct diag *tmp = xrealloc(NULL, d->n * sizeof *tmp);
  merge_sort(d->v, tmp, d->n);
  free(tmp);
}

size_t diags_count(const struct diags *d, enum severity sev) {
  size_t n = 0;
  for (size_t i = 0; i < d->n; i++)
    n += d->v[i].severity == sev;
  return n;
}

static const char *sev_name(enum severity s) {
  return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", f);
    else if (*p < 0x20)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

static void print_gcc(FILE *f, const struct diag *g) {
  fputs(g->file, f);
  if (g->line > 0) {
    fprintf(f, ":%ld", g->line);
    if (g->column > 0)
      fprintf(f, ":%d", g->column);
  }
  fprintf(f, ": %s: %s [%s]\n", sev_name(g->severity), g->message, g->rule->id);
}

static void print_json(FILE *f, const struct diag *g) {
  fputs("{\"file\":", f);
  json_string(f, g->file);
  fprintf(f, ",\"line\":%ld,\"column\":%d,\"severity\":\"%s\",\"rule\":", g->line, g->column,
          sev_name(g->severity));
  json_string(f, g->rule->id);
  fputs(",\"message\":", f);
  json_string(f, g->message);
  fputs("}\n", f);
}

void diags_print(const struct diags *d, enum diag_format fmt, void *stream) {
  FILE *f = stream;
  for (size_t i = 0; i < d->n; i++) {
    if (fmt == DIAG_JSON)
      print_json(f, &d->v[i]);
    else
      print_gcc(f, &d->v[i]);
  }
}
