#include "core/diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

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
  g->file = xstrdup(file ? file : "");
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

/* ---- escaping: a diagnostic is one line of text, whatever the name ----
 *
 * A file name is bytes: it may hold a newline (which would forge a line
 * of its own), an escape sequence for the terminal, a bidi control that
 * reorders what the reader sees, or bytes that are not UTF-8 (which JSON
 * cannot carry). Names and messages are printed with those escaped:
 * \n \t \r, other control bytes and bytes that are not UTF-8 as \xNN,
 * C1 controls, bidi controls and line separators as \uXXXX, and the
 * backslash itself doubled, so that the escaping is unambiguous. In
 * JSON the same text is a JSON string: \uXXXX is JSON's own escape and
 * decodes to the character, \xNN stays as four characters. */

/* The length of the UTF-8 sequence at P (1 to 4) and its code point, or
 * 0 if P does not start a well-formed one. */
static int utf8_char(const unsigned char *p, unsigned *cp) {
  int n = p[0] < 0x80             ? 1
          : (p[0] & 0xE0) == 0xC0 ? 2
          : (p[0] & 0xF0) == 0xE0 ? 3
          : (p[0] & 0xF8) == 0xF0 ? 4
                                  : 0;
  if (!n)
    return 0;
  unsigned c = n == 1 ? p[0] : p[0] & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    c = c << 6 | (p[i] & 0x3F);
  }
  static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  *cp = c;
  return n;
}

/* Characters that change how a line reads without being seen. */
static bool invisible(unsigned c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static void put_escaped(FILE *f, const char *s, bool json) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c;
    int n = utf8_char(p, &c);
    if (n == 0) {
      fprintf(f, json ? "\\\\x%02X" : "\\x%02X", *p); /* JSON: a backslash, then xNN */
      p++;
      continue;
    }
    if (c == '\\')
      fputs("\\\\", f);
    else if (c == '"' && json)
      fputs("\\\"", f);
    else if (c == '\n' || c == '\t' || c == '\r')
      fprintf(f, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
    else if (c < 0x20 || c == 0x7F)
      fprintf(f, json ? "\\u%04X" : "\\x%02X", c);
    else if (invisible(c))
      fprintf(f, "\\u%04X", c);
    else
      fwrite(p, 1, (size_t)n, f);
    p += n;
  }
}

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  put_escaped(f, s, true);
  fputc('"', f);
}

static void print_gcc(FILE *f, const struct diag *g) {
  put_escaped(f, g->file, false);
  if (g->line > 0) {
    fprintf(f, ":%ld", g->line);
    if (g->column > 0)
      fprintf(f, ":%d", g->column);
  }
  fprintf(f, ": %s: ", sev_name(g->severity));
  put_escaped(f, g->message, false);
  fprintf(f, " [%s]\n", g->rule->id);
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

/* ---- SARIF 2.1.0 (OASIS), for code-scanning dashboards ----
 *
 * A result names its file by a URI relative to the directory resc ran in
 * (the checkout, in CI), as dashboards resolve it against the repository:
 * a name under that directory is made relative; bytes outside the URI's
 * unreserved set are percent-encoded. A name that is elsewhere is an
 * absolute file: URI. */

static void put_uri_bytes(FILE *f, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
        strchr("-._~/", *p))
      fputc(*p, f);
    else
      fprintf(f, "%%%02X", *p);
  }
}

static void put_uri(FILE *f, const char *name) {
  if (name[0] != '/') {
    put_uri_bytes(f, name[0] == '.' && name[1] == '/' ? name + 2 : name);
    return;
  }
  char cwd[4096];
  size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
  if (n > 1 && strncmp(name, cwd, n) == 0 && name[n] == '/') {
    put_uri_bytes(f, name + n + 1);
    return;
  }
  fputs("file://", f);
  put_uri_bytes(f, name);
}

static void print_sarif(FILE *f, const struct diag *g) {
  fputs("{\"ruleId\":", f);
  json_string(f, g->rule->id);
  fprintf(f, ",\"level\":\"%s\",\"message\":{\"text\":", sev_name(g->severity));
  json_string(f, g->message);
  fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"", f);
  put_uri(f, g->file);
  fputs("\"", f);
  if (g->file[0] != '/')
    fputs(",\"uriBaseId\":\"SRCROOT\"", f);
  fputc('}', f);
  if (g->line > 0) {
    fprintf(f, ",\"region\":{\"startLine\":%ld", g->line);
    if (g->column > 0)
      fprintf(f, ",\"startColumn\":%d", g->column);
    fputc('}', f);
  }
  fputs("}}]}\n", f);
}

static void print_sarif_rule(FILE *f, const struct rule *r) {
  fputs("{\"id\":", f);
  json_string(f, r->id);
  fputs(",\"shortDescription\":{\"text\":", f);
  json_string(f, r->summary);
  fputs("},\"fullDescription\":{\"text\":", f);
  json_string(f, r->help);
  fputs("},\"help\":{\"text\":", f);
  json_string(f, r->help);
  fputc('}', f);
  if (RESC_DOCS_URL[0]) {
    fputs(",\"helpUri\":", f);
    fprintf(f, "\"%s#", RESC_DOCS_URL);
    put_uri_bytes(f, r->id);
    fputc('"', f);
  }
  fprintf(f, ",\"defaultConfiguration\":{\"level\":\"%s\"}}", sev_name(r->severity));
}

void diags_sarif_log(void *stream, const struct rule *const *rules, const char *results,
                     size_t len) {
  FILE *f = stream;
  fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
        "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"resc\",\"version\":\"" RESC_VERSION "\"",
        f);
  if (RESC_DOCS_URL[0])
    fputs(",\"informationUri\":\"" RESC_DOCS_URL "\"", f);
  fputs(",\"rules\":[\n", f);
  for (const struct rule *const *r = rules; *r; r++) {
    print_sarif_rule(f, *r);
    fputs(r[1] ? ",\n" : "\n", f);
  }
  fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":\"",
        f);
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd)) {
    fputs("file://", f);
    put_uri_bytes(f, cwd);
    if (strcmp(cwd, "/") != 0)
      fputc('/', f);
  }
  fputs("\"}},\"results\":[\n", f);
  /* one result a line: a comma between lines */
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(results + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - results) : len;
    if (at)
      fputs(",\n", f);
    fwrite(results + at, 1, end - at, f);
    at = end + 1;
  }
  fputs("\n]}]}\n", f);
}

void diag_print_name(const char *name, void *stream) { put_escaped(stream, name, false); }

void diags_print(const struct diags *d, enum diag_format fmt, void *stream) {
  FILE *f = stream;
  for (size_t i = 0; i < d->n; i++) {
    if (fmt == DIAG_JSON)
      print_json(f, &d->v[i]);
    else if (fmt == DIAG_SARIF)
      print_sarif(f, &d->v[i]);
    else
      print_gcc(f, &d->v[i]);
  }
}
