/* resc compile: every proposal for one resolution laid over the text in
 * force (authoring/compile.c), written as a marked resolution or, with
 * -t, rendered as build renders it. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/baseline.h"
#include "authoring/compile.h"
#include "authoring/diff.h"
#include "cmd/cmd.h"
#include "core/analyse.h"
#include "core/doc.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "core/validate.h"
#include "render/formats.h"

static const char usage[] =
    "usage: resc compile BASE PROPOSAL... [--merge] [-t FORMAT] [-o OUT]\n"
    "                    [-W error] [--diagnostics=gcc|json|sarif]\n"
    "\n"
    "Compiles every PROPOSAL's amendment of the resolution BASE (the text in force,\n"
    "a clean resolution) into one document: BASE with each proposal's changes\n"
    "marked, every mark's author (by) the proposal's administration, followed by a\n"
    "synoptic table (an attachment): one row per provision a proposal touches, one\n"
    "column per proposal, its action there (MOD, SUP, ADD with the label it gives).\n"
    "Each proposal's original text is compared with BASE: the differences are\n"
    "reported [baseline], and a change is carried onto BASE only where the words it\n"
    "touches read the same there. Changes of two proposals to the same words, the\n"
    "same item (deleted by one, modified by the other) or the same place (inserted\n"
    "items whose letterings clash, the same bis label) are reported [conflict] and\n"
    "both shown. A proposal that suppresses BASE conflicts with one that modifies it.\n"
    "\n"
    "  --merge                 every change in no conflict applied, the conflicts left\n"
    "                          marked, no synoptic table: the committee's first draft\n"
    "  -t FORMAT               xml (default: the compiled resolution), text, docx, fo\n"
    "                          or pdf, rendered in the marked view\n"
    "  -o OUT                  the output file (written atomically); - is standard\n"
    "                          output (not for docx and pdf)\n"
    "  -W error, --werror      baseline differences and conflicts count as errors\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc compile res75.xml res75-atu.xml res75-2.xml -t docx -o res75.docx\n"
    "exit status: 0 compiled, 1 document error (or a finding with -W error),\n"
    "             2 usage or I/O error\n";

enum { OPT_MERGE = OPT_FIRST_FREE };

static const struct option longopts[] = {
    {"werror", no_argument, NULL, OPT_WERROR},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"merge", no_argument, NULL, OPT_MERGE},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct compile_options {
  struct common_options common;
  const char *out, *base, *format;
  char **files;
  int nfiles;
  bool merge;
};

static int parse_options(struct compile_options *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:t:W:h", longopts, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      *done = true;
      return EXIT_OK;
    }
    if (opt == '?' || opt == ':')
      return bad_option("compile", argv, opt);
    if (once("compile", opt, seen, option_spelling(longopts, opt)))
      return EXIT_USAGE;
    if (opt == 'o')
      o->out = optarg;
    else if (opt == 't')
      o->format = optarg;
    else if (opt == OPT_MERGE)
      o->merge = true;
    else if (common_option("compile", opt, optarg, &o->common) != 1)
      return EXIT_USAGE;
  }
  if (argc - optind < 2)
    return usage_error("compile", "compile needs BASE and at least one PROPOSAL");
  o->base = argv[optind];
  o->files = argv + optind + 1;
  o->nfiles = argc - optind - 1;
  const struct format *f = format_find(o->format);
  if (!f || strcmp(o->format, "annotated") == 0)
    return usage_error("compile", "unknown format '%s' (xml, text, docx, fo or pdf)", o->format);
  if (f->binary && (!o->out || strcmp(o->out, "-") == 0))
    return usage_error("compile", "-t %s needs -o OUT", o->format);
  return 0;
}

/* A proposal: well-formed and valid; its other rules are check's business.
 * NULL with *STATUS 2 (unreadable) or 1 (malformed, invalid). */
static xmlDocPtr load_proposal(struct schema *schema, const char *path, struct diags *d,
                               int *status) {
  xmlDocPtr doc = doc_load(path, d, status);
  if (doc && schema_validate(schema, doc, path, d) > 0) {
    xmlFreeDoc(doc);
    *status = EXIT_DOC_ERROR;
    return NULL;
  }
  return doc;
}

static int write_failed(const char *out) {
  fprintf(stderr, "resc: cannot write '%s': %s\n", out ? out : "-", strerror(errno));
  return EXIT_USAGE;
}

/* The compiled document checked again as any input is, then rendered. */
static int render_out(const struct compile_options *o, struct schema *schema, const xmlChar *mem,
                      int len, struct diags *d) {
  struct diags own;
  diags_init(&own);
  struct analysis *a = NULL;
  int rc = pipeline_check_buffer(schema, "(compiled)", (const char *)mem, (size_t)len, &own, &a);
  if (rc == 0 && diags_count(&own, SEV_ERROR) == 0) {
    struct render_options ro = {.format = format_find(o->format),
                                .view = a->has_marks ? VIEW_MARKED : VIEW_AMENDED,
                                .out = o->out};
    if (strcmp(o->format, "pdf") == 0) {
      rc = format_render(&ro, a, "(compiled)", -1, d);
    } else {
      struct output *out = output_open(o->out);
      rc = out ? format_render(&ro, a, "(compiled)", output_fd(out), d) : -1;
      if (rc == -1)
        rc = write_failed(o->out);
      if (out && rc != 0)
        output_discard(out);
      else if (out && output_close(out) != 0)
        rc = write_failed(o->out);
    }
  } else {
    for (size_t i = 0; i < own.n; i++) /* a compilation resc cannot read: say why */
      if (own.v[i].severity == SEV_ERROR)
        diag_add(d, "(compiled)", own.v[i].line, 0, own.v[i].rule, "%s", own.v[i].message);
    rc = EXIT_DOC_ERROR;
  }
  if (a) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    xmlFreeDoc(doc);
  }
  diags_free(&own);
  return rc;
}

static int write_out(const struct compile_options *o, struct schema *schema, xmlDocPtr doc,
                     struct diags *d) {
  struct diags ad; /* the labels' own findings: diff_labels fixes them */
  diags_init(&ad);
  struct analysis *a = analyse(doc, "(compiled)", &ad);
  diff_labels(a);
  analysis_free(a);
  diags_free(&ad);
  xmlChar *mem = NULL;
  int len = 0;
  xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
  int rc;
  if (!mem)
    rc = write_failed(o->out);
  else if (strcmp(o->format, "xml") != 0)
    rc = render_out(o, schema, mem, len, d);
  else
    rc = output_write(o->out, mem, (size_t)len) == 0 ? EXIT_OK : write_failed(o->out);
  xmlFree(mem);
  return rc;
}

static int run_compile(const void *options, struct schema *schema, struct diags *d) {
  const struct compile_options *o = options;
  struct analysis *base = baseline_load(schema, o->base, o->common.diag_format);
  if (!base)
    return EXIT_DOC_ERROR;
  int rc = EXIT_OK;
  if (!is_el(xmlDocGetRootElement(base->doc), "resolution")) {
    diag_add(d, o->base, 0, 0, &rule_schema, "the text in force must be a resolution");
    rc = EXIT_DOC_ERROR;
  }
  struct compile_input *in = calloc((size_t)o->nfiles + 1, sizeof *in);
  size_t n = 0;
  for (int i = 0; rc == EXIT_OK && i < o->nfiles; i++) {
    int status = EXIT_DOC_ERROR;
    xmlDocPtr doc = load_proposal(schema, o->files[i], d, &status);
    if (!doc)
      rc = status ? status : EXIT_DOC_ERROR;
    else
      in[n++] = (struct compile_input){o->files[i], doc};
  }
  if (rc == EXIT_OK) {
    struct compile_result r = compile_run(base, o->base, in, n, o->merge, d);
    if (!r.doc) {
      diag_add(d, o->base, 0, 0, &rule_baseline, "no proposal amends this resolution");
      rc = EXIT_DOC_ERROR;
    } else {
      rc = write_out(o, schema, r.doc, d);
      xmlFreeDoc(r.doc);
    }
    if (rc == EXIT_OK && o->common.werror && (r.baseline || r.conflicts))
      rc = EXIT_DOC_ERROR;
  }
  for (size_t i = 0; i < n; i++)
    xmlFreeDoc(in[i].doc);
  free(in);
  xmlDocPtr bd = base->doc;
  analysis_free(base);
  xmlFreeDoc(bd);
  return rc;
}

int cmd_compile(int argc, char **argv) {
  struct compile_options o = {.common.jobs = 1, .format = "xml"};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  return run_with_schema(run_compile, &o, o.common.diag_format);
}
