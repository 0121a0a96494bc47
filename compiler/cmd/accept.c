/* resc accept / resc reject: every revision mark resolved, the clean
 * amended (accept) or original (reject) document written out. The work
 * is authoring/resolve.c's, the same as `build -t xml --view`. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/resolve.h"
#include "cmd/cmd.h"
#include "core/output.h"
#include "core/pipeline.h"

static const char usage_fmt[] =
    "usage: resc %s [-o OUT | -i] [--diagnostics=gcc|json|sarif] FILE\n"
    "\n"
    "Checks FILE, then %s every revision mark and writes the clean %s\n"
    "document: inserted text %s, deleted text %s. Items and report\n"
    "sections that carry num or was get num, the label in that text; the\n"
    "others stay unlabelled. A document with errors is not resolved.\n"
    "\n"
    "  -o OUT                  the output file (written atomically); - is standard output\n"
    "  -i, --in-place          replace FILE (atomically)\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc %s samples/res75-atu.xml -o res75.%s.xml\n"
    "exit status: 0 written, 1 document error, 2 usage or I/O error\n";

static const struct option longopts[] = {
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"in-place", no_argument, NULL, 'i'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static void print_usage(const char *name, bool accept) {
  printf(usage_fmt, name, accept ? "accepts" : "rejects", accept ? "amended" : "original",
         accept ? "kept" : "dropped", accept ? "dropped" : "kept", name,
         accept ? "amended" : "original");
}

struct resolve_options {
  struct common_options common;
  const char *out, *file;
  bool in_place;
};

/* Returns 0, or an exit status (EXIT_OK after --help, with *DONE). */
static int parse_options(const char *name, bool accept, struct resolve_options *o, int argc,
                         char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:ih", longopts, NULL)) != -1) {
    if (opt == 'h') {
      print_usage(name, accept);
      *done = true;
      return EXIT_OK;
    }
    if (opt == 'o' || opt == 'i' || opt == OPT_DIAGNOSTICS) {
      if (once(name, opt, seen, option_spelling(longopts, opt)))
        return EXIT_USAGE;
    }
    if (opt == 'o')
      o->out = optarg;
    else if (opt == 'i')
      o->in_place = true;
    else if (common_option(name, opt, optarg, &o->common) != 1)
      return opt == OPT_DIAGNOSTICS ? EXIT_USAGE : bad_option(name, argv, opt);
  }
  if (argc - optind > 1)
    return usage_error(name, "%s takes one FILE; '%s' is one too many", name, argv[optind + 1]);
  if (optind >= argc)
    return usage_error(name, "%s needs a FILE", name);
  o->file = argv[optind];
  if (o->in_place && o->out)
    return usage_error(name, "-i and -o exclude each other; choose one");
  if (o->in_place)
    o->out = o->file;
  return 0;
}

static int resolve_file(const struct resolve_options *o, enum view v, struct diags *d) {
  struct schema *schema = schema_load();
  if (!schema)
    return usage_error(NULL, "internal error: the schema does not compile");
  struct analysis *a = NULL;
  int rc = pipeline_check(schema, o->file, d, &a);
  if (rc == 0)
    rc = pipeline_verdict(d, false);
  if (rc == 0) {
    resolve_marks(a, v);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(a->doc, &mem, &len, "UTF-8");
    if (!mem || output_write(o->out, mem, (size_t)len) != 0) {
      fprintf(stderr, "resc: cannot write '%s': %s\n", o->out ? o->out : "-", strerror(errno));
      rc = EXIT_USAGE;
    }
    xmlFree(mem);
  }
  xmlDocPtr doc = a ? a->doc : NULL;
  analysis_free(a);
  xmlFreeDoc(doc);
  schema_free(schema);
  return rc;
}

static int run(int argc, char **argv, bool accept) {
  const char *name = accept ? "accept" : "reject";
  struct resolve_options o = {.common.jobs = 1};
  bool done = false;
  int rc = parse_options(name, accept, &o, argc, argv, &done);
  if (rc || done)
    return rc;
  struct diags d;
  diags_init(&d);
  rc = resolve_file(&o, accept ? VIEW_AMENDED : VIEW_ORIGINAL, &d);
  report_diags(&d, o.common.diag_format);
  return rc;
}

int cmd_accept(int argc, char **argv) { return run(argc, argv, true); }

int cmd_reject(int argc, char **argv) { return run(argc, argv, false); }
