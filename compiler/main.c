/* resc: the command line. Each document flows one way: parse → validate
 * → analyse and check → annotate → render. */
#include <errno.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analyse.h"
#include "render/annotate.h"
#include "core/batch.h"
#include "rules/checks.h"
#include "core/diag.h"
#include "core/doc.h"
#include "render/docx.h"
#include "core/heap.h"
#include "core/output.h"
#include "render/pdf.h"
#include "core/pipeline.h"
#include "render/render.h"
#include "authoring/resolve.h"
#include "core/resources.h"
#include "core/validate.h"

static const char usage_text[] =
    "usage: resc check [-W error|--werror] [--diagnostics=gcc|json] [-q] [-j N] FILE...\n"
    "       resc build -t text|docx|fo|pdf|xml|annotated [--view amended|original|marked]\n"
    "                  [--docx-marks track|format] [-W error] FILE [-o OUT]\n"
    "       resc --help | --version\n"
    "\n"
    "check  validates each FILE against the schema and the rules of the vocabulary\n"
    "       (schema, label, ref, marks, action, history, punctuation, stale-ref) and\n"
    "       prints one line per finding: FILE:LINE[:COL]: error|warning: MESSAGE [RULE];\n"
    "       -j N checks with N processes, the output still in the order of the files\n"
    "build  validates FILE, then renders it in the view asked for (default: marked\n"
    "       when the document holds revision marks, else amended); a document with\n"
    "       errors is not rendered. Formats: text (plain text); docx (Word, with\n"
    "       tracked changes, or underline and strike-through with --docx-marks\n"
    "       format); fo (XSL-FO); pdf (through Apache FOP); xml (the document in\n"
    "       the view: original rejects every mark, amended accepts them, labels\n"
    "       written as num); annotated (the tree the stylesheets read, for\n"
    "       debugging and other XSLT processors). Output goes to OUT, written\n"
    "       atomically, or to standard output (docx and pdf: FILE with its\n"
    "       extension replaced).\n"
    "\n"
    "exit status: 0 no error, 1 document error, 2 usage or I/O error\n";

static int usage_error(const char *fmt, const char *arg) {
  fputs("resc: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\ntry 'resc --help'\n", stderr);
  return 2;
}

struct options {
  bool werror, quiet;
  enum diag_format diag_format;
  const char *format, *out;
  int view;          /* -1: default */
  bool format_marks; /* --docx-marks format */
  int jobs;
  char *default_out;
};

/* Common options; returns 1 if ARGV[*I] was one, 0 if not, -1 on error. */
static int common_option(struct options *o, int argc, char **argv, int *i) {
  const char *a = argv[*i];
  if (strcmp(a, "--werror") == 0) {
    o->werror = true;
  } else if (strcmp(a, "-W") == 0 || strcmp(a, "-Werror") == 0) {
    if (a[2] == 0 && (++*i >= argc || strcmp(argv[*i], "error") != 0))
      return -1;
    o->werror = true;
  } else if (strncmp(a, "--diagnostics=", 14) == 0) {
    if (strcmp(a + 14, "json") == 0)
      o->diag_format = DIAG_JSON;
    else if (strcmp(a + 14, "gcc") == 0)
      o->diag_format = DIAG_GCC;
    else
      return -1;
  } else if (strcmp(a, "-q") == 0) {
    o->quiet = true;
  } else {
    return 0;
  }
  return 1;
}

/* -j N, -jN or --jobs=N. Returns 1 if ARGV[*I] was one, 0 if not, -1 on
 * a bad value. */
static int jobs_option(struct options *o, int argc, char **argv, int *i) {
  const char *a = argv[*i], *v = NULL;
  if (strcmp(a, "-j") == 0 && *i + 1 < argc)
    v = argv[++*i];
  else if (strncmp(a, "-j", 2) == 0 && a[2])
    v = a + 2;
  else if (strncmp(a, "--jobs=", 7) == 0)
    v = a + 7;
  else
    return 0;
  char *end;
  long n = strtol(v, &end, 10);
  if (*end || n < 1 || n > 256)
    return -1;
  o->jobs = (int)n;
  return 1;
}

static int cmd_check(int argc, char **argv) {
  struct options o = {0};
  o.jobs = 1;
  int nfiles = 0;
  for (int i = 0; i < argc; i++) {
    int r = common_option(&o, argc, argv, &i);
    if (r == 0)
      r = jobs_option(&o, argc, argv, &i);
    if (r < 0)
      return usage_error("bad option '%s'", argv[i < argc ? i : argc - 1]);
    if (r == 0) {
      if (argv[i][0] == '-' && argv[i][1])
        return usage_error("unknown option '%s'", argv[i]);
      argv[nfiles++] = argv[i];
    }
  }
  if (!nfiles)
    return usage_error("%s", "check needs at least one FILE");
  struct schema *schema = schema_load();
  struct file_result *res = calloc((size_t)nfiles, sizeof *res);
  if (!schema || !res) {
    free(res);
    schema_free(schema);
    return usage_error("%s", "internal error: the schema does not compile");
  }
  int worst = batch_check(schema, argv, nfiles, o.jobs, o.diag_format, o.werror, res) ? 2 : 0;
  size_t errors = 0, warnings = 0;
  for (int i = 0; i < nfiles; i++) {
    if (res[i].text)
      fwrite(res[i].text, 1, res[i].len, stdout);
    worst = res[i].verdict > worst ? res[i].verdict : worst;
    errors += res[i].errors;
    warnings += res[i].warnings;
    free(res[i].text);
  }
  fflush(stdout);
  if (!o.quiet)
    fprintf(stderr, "resc: %d file%s checked: %zu error%s, %zu warning%s\n", nfiles,
            nfiles == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
  free(res);
  schema_free(schema);
  return worst;
}

static int parse_view(const char *s) {
  if (strcmp(s, "original") == 0)
    return VIEW_ORIGINAL;
  if (strcmp(s, "amended") == 0)
    return VIEW_AMENDED;
  if (strcmp(s, "marked") == 0)
    return VIEW_MARKED;
  return -1;
}

static const char *const formats[] = {"text", "docx", "fo", "pdf", "xml", "annotated"};

static bool is_format(const char *f) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(f, formats[i]) == 0)
      return true;
  return false;
}

/* Formats that are the tree itself rather than a stylesheet's output. */
static bool is_tree_format(const char *f) {
  return strcmp(f, "xml") == 0 || strcmp(f, "annotated") == 0;
}

/* Binary formats go to a file by default: FILE with its extension
 * replaced. */
static char *default_output(const char *file, const char *format) {
  if (strcmp(format, "docx") != 0 && strcmp(format, "pdf") != 0)
    return NULL;
  const char *slash = strrchr(file, '/'), *dot = strrchr(file, '.');
  size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - file) : strlen(file);
  char *out = malloc(stem + 8);
  if (out)
    snprintf(out, stem + 8, "%.*s.%s", (int)stem, file, format);
  return out;
}

static int build_options(struct options *o, int argc, char **argv, const char **file) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(o, argc, argv, &i);
    if (r < 0)
      return usage_error("bad option '%s'", a);
    if (r > 0)
      continue;
    bool has_value = i + 1 < argc;
    if (strcmp(a, "-t") == 0 && has_value) {
      o->format = argv[++i];
    } else if (strcmp(a, "-o") == 0 && has_value) {
      o->out = argv[++i];
    } else if (strcmp(a, "--view") == 0 && has_value) {
      o->view = parse_view(argv[++i]);
      if (o->view < 0)
        return usage_error("unknown view '%s' (amended, original or marked)", argv[i]);
    } else if (strcmp(a, "--docx-marks") == 0 && has_value) {
      const char *m = argv[++i];
      if (strcmp(m, "track") != 0 && strcmp(m, "format") != 0)
        return usage_error("unknown --docx-marks '%s' (track or format)", m);
      o->format_marks = strcmp(m, "format") == 0;
    } else if (strncmp(a, "--view=", 7) == 0) {
      o->view = parse_view(a + 7);
      if (o->view < 0)
        return usage_error("unknown view '%s' (amended, original or marked)", a + 7);
    } else if (a[0] == '-' && a[1]) {
      return usage_error("unknown option or missing value '%s'", a);
    } else if (*file) {
      return usage_error("build takes one FILE; '%s' is one too many", a);
    } else {
      *file = a;
    }
  }
  if (!o->format)
    return usage_error("%s", "build needs -t FORMAT (text, docx, fo, pdf, xml or annotated)");
  if (!is_format(o->format))
    return usage_error("unknown format '%s' (text, docx, fo, pdf, xml or annotated)", o->format);
  if (!*file)
    return usage_error("%s", "build needs a FILE");
  if (!o->out)
    o->out = o->default_out = default_output(*file, o->format);
  return 0;
}

static int emit_output(const struct options *o, struct analysis *a, const char *file,
                       struct diags *d) {
  struct buffer out = {0};
  xmlDocPtr doc = a->doc;
  enum view v = o->view >= 0 ? (enum view)o->view : a->has_marks ? VIEW_MARKED : VIEW_AMENDED;
  if (strcmp(o->format, "xml") == 0)
    resolve_view(a, v);
  else
    annotate(a);
  if (is_tree_format(o->format)) {
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
    out.data = mem;
    out.len = (size_t)len;
  } else if (strcmp(o->format, "docx") == 0) {
    if (docx_build(doc, v, !o->format_marks, &out, d, file) != 0)
      return 1;
  } else if (strcmp(o->format, "pdf") == 0) {
    if (render(doc, "fo", v, NULL, &out, d, file) != 0)
      return 1;
    int rc = pdf_render(out.data, out.len, o->out, file, d);
    xmlFree(out.data);
    return rc;
  } else if (render(doc, o->format, v, NULL, &out, d, file) != 0) {
    return 1;
  }
  int rc = 0;
  if (output_write(o->out, out.data, out.len) != 0) {
    fprintf(stderr, "resc: cannot write '%s': %s\n", o->out ? o->out : "-", strerror(errno));
    rc = 2;
  }
  free(out.data); /* xmlMalloc is malloc, and libzip's buffers too */
  return rc;
}

/* What a build leaves to the end of the process: the document, its
 * analysis, the schema and the compiled stylesheets. Freeing them node by
 * node was a twentieth of a DOCX build of a sample, for memory the exit
 * returns at once. Held here, so that leak checkers count them as
 * reachable; builds with the sanitizers define RESC_FREE_AT_EXIT and free
 * everything, so that the freeing code stays checked. */
#ifndef RESC_FREE_AT_EXIT
static void *volatile at_exit[3]; /* volatile: stores nobody reads stay */
#endif

static int cmd_build(int argc, char **argv) {
  struct options o = {0};
  o.view = -1;
  const char *file = NULL;
  int rc = build_options(&o, argc, argv, &file);
  if (rc) {
    free(o.default_out);
    return rc;
  }
  struct schema *schema = schema_load();
  struct diags d;
  diags_init(&d);
  struct analysis *a = NULL;
  if (schema)
    rc = pipeline_check(schema, file, &d, &a);
  else
    rc = usage_error("%s", "internal error: the schema does not compile");
  if (rc == 0)
    rc = pipeline_verdict(&d, o.werror);
  xmlDocPtr doc = a ? a->doc : NULL;
  if (rc == 0)
    rc = emit_output(&o, a, file, &d);
  diags_sort(&d);
  diags_print(&d, o.diag_format, stderr);
  diags_free(&d);
  free(o.default_out);
#ifdef RESC_FREE_AT_EXIT
  analysis_free(a);
  xmlFreeDoc(doc);
  schema_free(schema);
#else
  at_exit[0] = a;
  at_exit[1] = doc;
  at_exit[2] = schema;
#endif
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage_error("%s", "missing command");
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    fputs(usage_text, stdout);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("resc %s (libxml2 %s, libxslt %s)\n", RESC_VERSION, xmlParserVersion, xsltEngineVersion);
    return 0;
  }
  /* A build of a sample peaks at 2 to 3 MB of heap (measured on the five) */
  heap_prepare(3 << 20);
  LIBXML_TEST_VERSION
  resources_install_loader();
  int rc;
  if (strcmp(cmd, "check") == 0)
    rc = cmd_check(argc - 2, argv + 2);
  else if (strcmp(cmd, "build") == 0)
    rc = cmd_build(argc - 2, argv + 2);
  else
    rc = usage_error("unknown command '%s' (check or build)", cmd);
#ifdef RESC_FREE_AT_EXIT
  render_cleanup();
  xsltCleanupGlobals();
  xmlCleanupParser();
#endif
  return rc;
}
