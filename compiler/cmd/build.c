/* resc build: check one document, then render it in a view and format. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "render/formats.h"

static const char usage[] =
    "usage: resc build -t text|docx|fo|pdf|xml|annotated [--view amended|original|marked]\n"
    "                  [--docx-marks track|format] [-W error]\n"
    "                  [--diagnostics=gcc|json|sarif] FILE [-o OUT]\n"
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
    "  -t FORMAT               the output format\n"
    "  --view VIEW             amended, original or marked\n"
    "  --docx-marks MARKS      track (Word tracked changes) or format\n"
    "  -o OUT                  the output file; - is standard output\n"
    "  -W error, --werror      warnings count as errors\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc build -t docx samples/res75-atu.xml -o res75-atu.docx\n"
    "exit status: 0 built, 1 document error, 2 usage or I/O error\n";

static const struct option longopts[] = {
    {"werror", no_argument, NULL, OPT_WERROR},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"view", required_argument, NULL, OPT_VIEW},
    {"docx-marks", required_argument, NULL, OPT_DOCX_MARKS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct build_options {
  struct common_options common;
  const char *format, *out, *file;
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

/* Returns 0, or an exit status: EXIT_OK after --help, else EXIT_USAGE. */
static int parse_options(struct build_options *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":t:o:W:qh", longopts, NULL)) != -1) {
    int r = common_option("build", opt, optarg, &o->common);
    if (r == EXIT_USAGE)
      return r;
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
  if (argc - optind > 1)
    return usage_error("build", "build takes one FILE; '%s' is one too many", argv[optind + 1]);
  o->file = optind < argc ? argv[optind] : NULL;
  if (!o->format)
    return usage_error("build", "build needs -t FORMAT (%s)", format_names());
  if (!format_find(o->format))
    return usage_error("build", "unknown format '%s' (%s)", o->format, format_names());
  if (!o->file)
    return usage_error("build", "build needs a FILE");
  if (strcmp(o->file, "-") == 0 && !o->out && format_find(o->format)->binary)
    return usage_error("build", "-t %s of standard input needs -o OUT", o->format);
  return 0;
}

static int write_output(const char *out, const struct buffer *b) {
  if (output_write(out, b->data, b->len) == 0)
    return EXIT_OK;
  if (!out || strcmp(out, "-") == 0)
    return stdout_failed();
  int e = errno;
  fputs("resc: cannot write '", stderr);
  diag_print_name(out ? out : "-", stderr);
  fprintf(stderr, "': %s\n", strerror(e));
  return EXIT_USAGE;
}

/* The output must not be the input: -o naming it (or a link to it), or
 * the default output of docx and pdf when FILE already has that
 * extension (`build -t docx doc.docx`). */
static int refuse_input_as_output(const char *out, const char *file) {
  if (!output_is_input(out, file))
    return 0;
  fputs("resc: the output '", stderr);
  diag_print_name(out, stderr);
  fputs("' is the input file; name another output with -o\n", stderr);
  return EXIT_USAGE;
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

static void release(struct analysis *a, struct schema *schema) {
  xmlDocPtr doc = a ? a->doc : NULL;
#ifdef RESC_FREE_AT_EXIT
  analysis_free(a);
  xmlFreeDoc(doc);
  schema_free(schema);
#else
  at_exit[0] = a;
  at_exit[1] = doc;
  at_exit[2] = schema;
#endif
}

static int build_one(const struct build_options *o, struct schema *schema, struct diags *d) {
  const struct format *f = format_find(o->format);
  char *default_out = o->out ? NULL : format_default_output(f, o->file);
  const char *target = o->out ? o->out : default_out;
  struct analysis *a = NULL;
  int rc = refuse_input_as_output(target, o->file);
  if (rc == 0)
    rc = pipeline_check(schema, o->file, d, &a);
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
    struct buffer out = {0};
    rc = format_render(&ro, a, doc_name(o->file), &out, d);
    if (rc == 0 && strcmp(f->name, "pdf") != 0)
      rc = write_output(ro.out, &out);
    free(out.data);
  }
  free(default_out);
  release(a, schema);
  return rc;
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
  struct diags d;
  diags_init(&d);
  rc = build_one(&o, schema, &d);
  report_diags(&d, o.common.diag_format);
  return rc;
}
