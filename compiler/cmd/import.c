/* resc import: a Word file into the vocabulary, then checked. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "import/import.h"

static const char usage[] =
    "usage: resc import [--marks track|format] [-W error] [--diagnostics=gcc|json|sarif]\n"
    "                   FILE.docx [-o OUT.xml]\n"
    "\n"
    "Reads a Word document (ITU styles, or Normal throughout) with its tracked\n"
    "changes and writes it in the resc vocabulary, then checks the result and\n"
    "prints the findings on standard error (line numbers are the output's).\n"
    "Whatever cannot be mapped is kept and reported as a warning [import].\n"
    "\n"
    "  -o OUT                  write OUT atomically (default: standard output)\n"
    "  --marks MARKS           track (Word's tracked changes, the default) or\n"
    "                          format (underline is inserted, strike-through deleted)\n"
    "  -W error, --werror      warnings count as errors\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc import draft.docx -o draft.xml\n"
    "exit status: 0 imported, 1 the result has errors, 2 usage error, unreadable\n"
    "or refused package (nothing is written), unwritable output\n";

enum { OPT_MARKS = OPT_FIRST_FREE };

static const struct option longopts[] = {
    {"werror", no_argument, NULL, OPT_WERROR},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"marks", required_argument, NULL, OPT_MARKS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct import_cmd {
  struct common_options common;
  struct import_options import;
  const char *file, *out;
};

static int parse_options(struct import_cmd *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:W:h", longopts, NULL)) != -1) {
    int r = common_option("import", opt, optarg, &o->common);
    if (r == EXIT_USAGE)
      return r;
    if (r == 1)
      continue;
    switch (opt) {
    case 'h':
      fputs(usage, stdout);
      *done = true;
      return EXIT_OK;
    case 'o':
      if (once("import", opt, seen, "-o"))
        return EXIT_USAGE;
      o->out = optarg;
      break;
    case OPT_MARKS:
      if (once("import", opt, seen, "--marks"))
        return EXIT_USAGE;
      if (strcmp(optarg, "track") != 0 && strcmp(optarg, "format") != 0)
        return usage_error("import", "unknown --marks '%s' (track or format)", optarg);
      o->import.format_marks = strcmp(optarg, "format") == 0;
      break;
    default:
      return bad_option("import", argv, opt);
    }
  }
  if (argc - optind > 1)
    return usage_error("import", "import takes one FILE; '%s' is one too many", argv[optind + 1]);
  if (optind >= argc)
    return usage_error("import", "import needs a FILE.docx");
  o->file = argv[optind];
  return 0;
}

/* Writes the document, then checks what was written. */
static int emit_and_check(const struct import_cmd *o, xmlDocPtr doc, struct diags *d) {
  xmlChar *buf = NULL;
  int len = 0;
  xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 0);
  if (!buf) {
    diag_add(d, o->file, 0, 0, &rule_io, "out of memory");
    return EXIT_USAGE;
  }
  int rc = EXIT_OK;
  if (output_write(o->out, buf, (size_t)len) != 0) {
    fprintf(stderr, "resc: cannot write '%s': %s\n", o->out ? o->out : "-", strerror(errno));
    rc = EXIT_USAGE;
  } else {
    struct schema *schema = schema_load();
    if (!schema) {
      xmlFree(buf);
      return usage_error(NULL, "internal error: the schema does not compile");
    }
    const char *name = o->out && strcmp(o->out, "-") != 0 ? o->out : "<stdout>";
    pipeline_check_buffer(schema, name, (const char *)buf, (size_t)len, d, NULL);
    rc = pipeline_verdict(d, o->common.werror);
    schema_free(schema);
  }
  xmlFree(buf);
  return rc;
}

int cmd_import(int argc, char **argv) {
  struct import_cmd o = {.common.jobs = 1};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  struct diags d;
  diags_init(&d);
  xmlDocPtr doc = NULL;
  if (import_docx(o.file, &o.import, &doc, &d) != 0)
    rc = EXIT_USAGE;
  else
    rc = emit_and_check(&o, doc, &d);
  xmlFreeDoc(doc);
  report_diags(&d, o.common.diag_format);
  return rc;
}
