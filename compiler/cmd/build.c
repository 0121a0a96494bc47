/* resc build: check one document, then render it in a view and format. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/batch.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "core/xalloc.h"
#include "render/formats.h"

static const char usage[] =
    "usage: resc build -t text|docx|fo|pdf|xml|annotated [--view amended|original|marked]\n"
    "                  [--docx-marks track|format] [-W error]\n"
    "                  [--diagnostics=gcc|json|sarif] FILE [-o OUT]\n"
    "       resc build -t FORMAT [OPTIONS] -d OUTDIR [-j N] [-q] FILE...\n"
    "\n"
    "Checks FILE, then renders it in the view asked for (default: marked when the\n"
    "document holds revision marks, else amended); a document with errors is not\n"
    "rendered. Formats: text (plain text); docx (Word, with tracked changes, or\n"
    "underline and strike-through with --docx-marks format); fo (XSL-FO); pdf\n"
    "(through Apache FOP); xml (the document in the view: original rejects every\n"
    "mark, amended accepts them, labels written as num); annotated (the tree the\n"
    "stylesheets read). Output goes to OUT, written atomically, or to standard\n"
    "output (docx and pdf: FILE with its extension replaced).\n"
    "\n"
    "With -d, builds every FILE into OUTDIR (created if missing) as NAME.EXT (txt,\n"
    "docx, fo, pdf, xml, annotated.xml), the stylesheets compiled once: each file\n"
    "written atomically; at the end the diagnostics, file by file in the order\n"
    "named, and a summary; the exit status is the worst of the files'. On a\n"
    "terminal a progress line is shown on standard error.\n"
    "\n"
    "  -t FORMAT               the output format\n"
    "  --view VIEW             amended, original or marked\n"
    "  --docx-marks MARKS      track (Word tracked changes) or format\n"
    "  -o OUT                  the output file; - is standard output\n"
    "  -d OUTDIR               build every FILE into OUTDIR\n"
    "  -j N, --jobs=N          with -d: build with N processes\n"
    "  -q                      with -d: no progress line and no summary\n"
    "  -W error, --werror      warnings count as errors\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc build -t docx samples/res75-atu.xml -o res75-atu.docx\n"
    "         resc build -t docx -d out -j 2 drafts/*.xml\n"
    "exit status: 0 built, 1 document error, 2 usage or I/O error\n";

static const struct option longopts[] = {
    {"werror", no_argument, NULL, OPT_WERROR},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"view", required_argument, NULL, OPT_VIEW},
    {"docx-marks", required_argument, NULL, OPT_DOCX_MARKS},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct build_options {
  struct common_options common;
  const char *format, *out, *file, *dir;
  char **files; /* with -d */
  int nfiles;
  int view; /* -1: the document's default */
  bool format_marks;
};

static int parse_view(const char *s) {
  static const char *const names[] = {
      [VIEW_ORIGINAL] = "original", [VIEW_AMENDED] = "amended", [VIEW_MARKED] = "marked"};
  for (int v = 0; v < 3; v++)
    if (strcmp(s, names[v]) == 0)
      return v;
  return -1;
}

/* -d OUTDIR FILE...: at least one FILE, none of them standard input, no
 * -o, no two FILEs with the same output. */
static int batch_options(struct build_options *o, int argc, char **argv) {
  if (o->out)
    return usage_error("build", "-o and -d exclude each other");
  o->files = argv + optind;
  o->nfiles = argc - optind;
  if (o->nfiles <= 0)
    return usage_error("build", "build -d needs at least one FILE");
  const struct format *f = format_find(o->format);
  char **outs = xcalloc((size_t)o->nfiles, sizeof *outs);
  int rc = 0;
  for (int i = 0; i < o->nfiles && !rc; i++) {
    if (strcmp(o->files[i], "-") == 0)
      rc = usage_error("build", "build -d cannot read standard input; name the file");
    outs[i] = format_output_in(f, o->dir, o->files[i]);
    for (int j = 0; j < i && !rc; j++)
      if (strcmp(outs[i], outs[j]) == 0)
        rc = usage_error("build", "'%s' and '%s' would both be written to '%s'", o->files[j],
                         o->files[i], outs[i]);
  }
  for (int i = 0; i < o->nfiles; i++)
    free(outs[i]);
  free(outs);
  return rc;
}

/* Returns 0, or an exit status: EXIT_OK after --help, else EXIT_USAGE. */
static int parse_options(struct build_options *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":t:o:d:j:W:qh", longopts, NULL)) != -1) {
    int r = common_option("build", opt, optarg, &o->common);
    if (r == EXIT_USAGE)
      return r;
    if (r == 1 && (opt == 'j' || opt == OPT_JOBS) && once("build", 'j', seen, "-j"))
      return EXIT_USAGE;
    if (r == 1)
      continue;
    switch (opt) {
    case 'h':
      fputs(usage, stdout);
      *done = true;
      return EXIT_OK;
    case 't':
      if (once("build", opt, seen, "-t"))
        return EXIT_USAGE;
      o->format = optarg;
      break;
    case 'o':
      if (once("build", opt, seen, "-o"))
        return EXIT_USAGE;
      o->out = optarg;
      break;
    case 'd':
      if (once("build", opt, seen, "-d"))
        return EXIT_USAGE;
      o->dir = optarg;
      break;
    case OPT_VIEW:
      if (once("build", opt, seen, "--view"))
        return EXIT_USAGE;
      o->view = parse_view(optarg);
      if (o->view < 0)
        return usage_error("build", "unknown view '%s' (amended, original or marked)", optarg);
      break;
    case OPT_DOCX_MARKS:
      if (once("build", opt, seen, "--docx-marks"))
        return EXIT_USAGE;
      if (strcmp(optarg, "track") != 0 && strcmp(optarg, "format") != 0)
        return usage_error("build", "unknown --docx-marks '%s' (track or format)", optarg);
      o->format_marks = strcmp(optarg, "format") == 0;
      break;
    default:
      return bad_option("build", argv, opt);
    }
  }
  if (!o->format)
    return usage_error("build", "build needs -t FORMAT (%s)", format_names());
  if (!format_find(o->format))
    return usage_error("build", "unknown format '%s' (%s)", o->format, format_names());
  if (o->dir)
    return batch_options(o, argc, argv);
  if (seen['j'])
    return usage_error("build", "-j builds many files: give -d OUTDIR");
  if (argc - optind > 1)
    return usage_error("build",
                       "build takes one FILE (or -d OUTDIR and many); '%s' is one too "
                       "many",
                       argv[optind + 1]);
  o->file = optind < argc ? argv[optind] : NULL;
  if (!o->file)
    return usage_error("build", "build needs a FILE");
  if (strcmp(o->file, "-") == 0 && !o->out && format_find(o->format)->binary)
    return usage_error("build", "-t %s of standard input needs -o OUT", o->format);
  return 0;
}

/* The exit status for an output that could not be written (errno). */
static int write_failed(const char *out) {
  if (!out || strcmp(out, "-") == 0)
    return stdout_failed();
  int e = errno;
  fputs("resc: cannot write '", stderr);
  diag_print_name(out, stderr);
  fprintf(stderr, "': %s\n", strerror(e));
  return EXIT_USAGE;
}

/* Renders A into TARGET (FILE names the input), streamed into the file
 * as it is made, which is put in place only when all of it was; pdf's
 * driver writes TARGET itself. */
static int render_into(const struct render_options *ro, struct analysis *a, const char *file,
                       struct diags *d) {
  if (strcmp(ro->format->name, "pdf") == 0)
    return format_render(ro, a, file, -1, d);
  struct output *out = output_open(ro->out);
  if (!out)
    return write_failed(ro->out);
  int rc = format_render(ro, a, file, output_fd(out), d);
  if (rc == -1) {
    int e = errno;
    output_discard(out);
    errno = e;
    return write_failed(ro->out);
  }
  if (rc != 0) {
    output_discard(out);
    return rc;
  }
  return output_close(out) == 0 ? EXIT_OK : write_failed(ro->out);
}

/* The output must not be the input: -o naming it (or a link to it), or
 * the default output of docx and pdf when FILE already has that
 * extension (`build -t docx doc.docx`). */
static int refuse_input_as_output(const char *out, const char *file) {
  if (!output_is_input(out, file))
    return 0;
  fputs("resc: the output '", stderr);
  diag_print_name(out, stderr);
  fputs("' is the input file; name another output (-o, or another folder for -d)\n", stderr);
  return EXIT_USAGE;
}

/* What a build leaves to the end of the process: the document, what
 * is left of its analysis and the compiled stylesheets. Freeing them node
 * by node was a twentieth of a DOCX build of a sample, for memory the
 * exit returns at once. Held here, so that leak checkers count them as
 * reachable; builds with the sanitizers define RESC_FREE_AT_EXIT and free
 * everything, so that the freeing code stays checked. (The schema is
 * freed as soon as the check is done, in build_one: the stylesheet run
 * reuses its memory, which otherwise adds to the peak.) */
#ifndef RESC_FREE_AT_EXIT
static void *volatile at_exit[2]; /* volatile: stores nobody reads stay */
#endif

static void release(struct analysis *a) {
  xmlDocPtr doc = a ? a->doc : NULL;
#ifdef RESC_FREE_AT_EXIT
  analysis_free(a);
  xmlFreeDoc(doc);
#else
  at_exit[0] = a;
  at_exit[1] = doc;
#endif
}

/* Checks FILE and renders it into TARGET (NULL: standard output); the
 * analysis is left in *A for the caller to free or keep. With OWN, the
 * schema is freed once the check is done (a single build: the
 * stylesheet's memory is the larger); a batch keeps it for the next. */
static int build_file(const struct build_options *o, const char *file, const char *target,
                      struct schema *schema, bool own, struct diags *d, struct analysis **ap) {
  const struct format *f = format_find(o->format);
  struct analysis *a = NULL;
  int rc = refuse_input_as_output(target, file);
  if (rc == 0)
    rc = pipeline_check(schema, file, d, &a);
  if (own)
    schema_free(schema);
  if (rc == 0)
    rc = pipeline_verdict(d, o->common.werror);
  if (rc == 0) {
    struct render_options ro = {
        .format = f,
        .view = o->view >= 0   ? (enum view)o->view
                : a->has_marks ? VIEW_MARKED
                               : VIEW_AMENDED,
        .format_marks = o->format_marks,
        .out = target,
    };
    rc = render_into(&ro, a, doc_name(file), d);
  }
  *ap = a;
  return rc;
}

/* Takes SCHEMA, which it frees. */
static int build_one(const struct build_options *o, struct schema *schema, struct diags *d) {
  char *default_out = o->out ? NULL : format_default_output(format_find(o->format), o->file);
  struct analysis *a = NULL;
  int rc = build_file(o, o->file, o->out ? o->out : default_out, schema, true, d, &a);
  free(default_out);
  release(a);
  return rc;
}

/* ---- build -d OUTDIR FILE...: a batch (core/batch.c) ---- */

struct batch_ctx {
  const struct build_options *o;
  struct schema *schema;
};

/* Builds one FILE of the batch into R: its diagnostics printed, its
 * verdict. Everything of the file is freed: a batch may be long. */
static void batch_one(const void *ctx, const char *file, struct file_result *r) {
  const struct batch_ctx *c = ctx;
  char *target = format_output_in(format_find(c->o->format), c->o->dir, file);
  struct diags d;
  diags_init(&d);
  struct analysis *a = NULL;
  int verdict = build_file(c->o, file, target, c->schema, false, &d, &a);
  if (a) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    xmlFreeDoc(doc);
  }
  batch_result(r, &d, c->o->common.diag_format, verdict);
  free(target);
}

static void progress(int done, int n) {
  fprintf(stderr, "\rresc: %d of %d built", done, n);
  fflush(stderr);
}

static int make_dir(const char *dir) {
  struct stat st;
  if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
    return 0;
  if (mkdir(dir, 0777) == 0)
    return 0;
  int e = errno;
  fputs("resc: cannot make the folder '", stderr);
  diag_print_name(dir, stderr);
  fprintf(stderr, "': %s\n", strerror(e == EEXIST ? ENOTDIR : e));
  return EXIT_USAGE;
}

/* Prints the files' diagnostics in the order named (a SARIF log gathers
 * them), names each file that was not built, sums up unless -q. Returns
 * the worst verdict. */
static int report_batch(const struct build_options *o, const struct file_result *res) {
  struct sarif sarif = {0};
  bool sarif_on = o->common.diag_format == DIAG_SARIF;
  if (sarif_on)
    sarif_open(&sarif, stderr);
  FILE *out = sarif_on ? sarif.results : stderr;
  int worst = 0, built = 0;
  size_t errors = 0, warnings = 0;
  for (int i = 0; i < o->nfiles; i++) {
    if (res[i].text)
      fwrite(res[i].text, 1, res[i].len, out);
    if (!res[i].checked) {
      fputs("resc: '", stderr);
      diag_print_name(o->files[i], stderr);
      fprintf(stderr, "' was not built: %s\n", res[i].lost);
    }
    built += res[i].checked && res[i].verdict == 0;
    errors += res[i].errors;
    warnings += res[i].warnings;
    worst = res[i].verdict > worst ? res[i].verdict : worst;
  }
  if (sarif_on)
    sarif_close(&sarif);
  if (!o->common.quiet)
    fprintf(stderr, "resc: %d of %d file%s built: %zu error%s, %zu warning%s\n", built, o->nfiles,
            o->nfiles == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
  return worst;
}

static int build_batch(const struct build_options *o, struct schema *schema) {
  if (make_dir(o->dir))
    return EXIT_USAGE;
  format_prepare(format_find(o->format)); /* compiled once, before the workers fork */
  bool show = !o->common.quiet && isatty(STDERR_FILENO);
  struct batch_ctx c = {o, schema};
  struct batch_task task = {batch_one, &c, show ? progress : NULL};
  struct file_result *res = xcalloc((size_t)o->nfiles, sizeof *res);
  batch_run(&task, o->files, o->nfiles, o->common.jobs, res); /* each file's result in res */
  if (show)
    fputs("\r\033[K", stderr); /* the progress line goes */
  int worst = report_batch(o, res);
  for (int i = 0; i < o->nfiles; i++)
    free(res[i].text);
  free(res);
  return worst;
}

int cmd_build(int argc, char **argv) {
  struct build_options o = {.view = -1, .common.jobs = 1};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  struct schema *schema = schema_load();
  if (!schema)
    return usage_error(NULL, "internal error: the schema does not compile");
  if (o.dir) {
    rc = build_batch(&o, schema);
    schema_free(schema);
    return rc;
  }
  struct diags d;
  diags_init(&d);
  rc = build_one(&o, schema, &d);
  report_diags(&d, o.common.diag_format);
  return rc;
}
