/* resc diff: the marked document between two versions (authoring/diff.c),
 * optionally wrapped as a MOD amendment in a proposal. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/diff.h"
#include "authoring/proposal.h"
#include "authoring/source.h"
#include "cmd/cmd.h"
#include "core/analyse.h"
#include "core/doc.h"
#include "core/output.h"
#include "core/validate.h"
#include "import/import.h"
#include "rules/rules.h"

static const char usage[] =
    "usage: resc diff OLD NEW [-o OUT] [--diagnostics=gcc|json|sarif]\n"
    "       resc diff OLD NEW --proposal --by ADMIN --ref REF [--reasons FILE] [-o OUT]\n"
    "\n"
    "Writes the marked document whose original view is OLD and amended view is\n"
    "NEW (two clean documents with the same root: resolution or report). Items\n"
    "and other blocks are matched by their content, not their position or label:\n"
    "a block present in one version only is marked change=\"del\" or \"ins\"; inside\n"
    "a changed paragraph, heading, call, note, event or footnote, whole words,\n"
    "punctuation and references are marked with <del> and <ins>. Labels are not\n"
    "marked: resc computes them in each view (num and was are written only where\n"
    "OLD or NEW had them). A moved block is a deletion and an insertion. The\n"
    "inputs must be well-formed, valid and clean; the vocabulary's other rules\n"
    "are check's business. OLD and NEW may be Word files (.docx): each is read as\n"
    "'resc import' reads it (Word's tracked changes are marks: accept or reject\n"
    "them in Word first).\n"
    "\n"
    "  -o OUT                  the output file (written atomically); - is standard output\n"
    "  --proposal              wrap the result as a MOD amendment in a proposal\n"
    "  --by ADMIN              the proposing administration (ATU), author of the marks\n"
    "  --ref REF               the proposal's reference (ATU/35A18/1)\n"
    "  --reasons FILE          the reasons, plain text, paragraphs separated by blank lines\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc diff res75-2022.xml res75-draft.xml --proposal --by ATU \\\n"
    "           --ref ATU/35A18/1 -o proposal.xml\n"
    "exit status: 0 written, 1 document error, 2 usage or I/O error\n";

enum { OPT_PROPOSAL = OPT_FIRST_FREE, OPT_BY, OPT_REF, OPT_REASONS };

static const struct option longopts[] = {
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"proposal", no_argument, NULL, OPT_PROPOSAL},
    {"by", required_argument, NULL, OPT_BY},
    {"ref", required_argument, NULL, OPT_REF},
    {"reasons", required_argument, NULL, OPT_REASONS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct diff_options {
  struct common_options common;
  const char *out, *old, *new, *by, *ref, *reasons;
  bool proposal;
};

static int parse_options(struct diff_options *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      *done = true;
      return EXIT_OK;
    }
    if (opt == '?' || opt == ':')
      return bad_option("diff", argv, opt);
    if (once("diff", opt, seen, option_spelling(longopts, opt)))
      return EXIT_USAGE;
    if (opt == 'o')
      o->out = optarg;
    else if (opt == OPT_PROPOSAL)
      o->proposal = true;
    else if (opt == OPT_BY)
      o->by = optarg;
    else if (opt == OPT_REF)
      o->ref = optarg;
    else if (opt == OPT_REASONS)
      o->reasons = optarg;
    else if (common_option("diff", opt, optarg, &o->common) != 1)
      return EXIT_USAGE;
  }
  if (argc - optind != 2)
    return usage_error("diff", "diff needs two files, OLD and NEW (%d given)", argc - optind);
  o->old = argv[optind];
  o->new = argv[optind + 1];
  if (!o->proposal && (o->by || o->ref || o->reasons))
    return usage_error("diff", "--by, --ref and --reasons go with --proposal");
  if (o->proposal && (!o->by || !o->ref))
    return usage_error("diff", "--proposal needs --by ADMIN and --ref REF");
  return 0;
}

/* Loads one input: well-formed, valid against the schema, clean (no
 * marks). The other rules are not diff's business: a NEW with stale
 * labels or punctuation is what a drafter hands in. A Word file is
 * imported as `resc import` does (its tracked changes are marks, refused
 * like any). Returns the document, or NULL with *STATUS and diagnostics. */
static xmlDocPtr load_input(struct schema *schema, const char *path, struct diags *d, int *status) {
  static const struct import_options word = {.format_marks = false};
  xmlDocPtr doc =
      import_is_word(path) ? import_load(path, &word, d, status) : doc_load(path, d, status);
  if (doc && schema_validate(schema, doc, path, d) > 0) {
    *status = EXIT_DOC_ERROR;
  } else if (doc && diff_has_marks(xmlDocGetRootElement(doc))) {
    diag_add(d, path, 0, 0, &rule_marks,
             "the document holds revision marks; diff compares clean texts: "
             "run 'resc accept' or 'resc reject' on it first");
    *status = EXIT_DOC_ERROR;
  } else {
    return doc;
  }
  xmlFreeDoc(doc);
  return NULL;
}

static bool has_labels(const xmlNode *n) {
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    if (attr(c, "num") || attr(c, "was") || has_labels(c))
      return true;
  return false;
}

/* Sets the labels diff carried over (when the inputs had any) and writes
 * the result. */
static int finish(const struct diff_options *o, xmlDocPtr merged) {
  if (has_labels(xmlDocGetRootElement(merged))) {
    struct diags ad; /* the labels' own findings: diff_labels fixes them */
    diags_init(&ad);
    struct analysis *a = analyse(merged, o->out ? o->out : "(diff)", &ad);
    diff_labels(a);
    analysis_free(a);
    diags_free(&ad);
  }
  xmlChar *mem = NULL;
  int len = 0;
  xmlDocDumpMemoryEnc(merged, &mem, &len, "UTF-8");
  int rc = EXIT_OK;
  if (!mem || output_write(o->out, mem, (size_t)len) != 0) {
    fprintf(stderr, "resc: cannot write '%s': %s\n", o->out ? o->out : "-", strerror(errno));
    rc = EXIT_USAGE;
  }
  xmlFree(mem);
  return rc;
}

static int run_diff(const void *options, struct schema *schema, struct diags *d) {
  const struct diff_options *o = options;
  char *reasons = NULL;
  size_t rlen = 0;
  if (o->reasons && !(reasons = source_read(o->reasons, &rlen))) {
    fprintf(stderr, "resc: cannot read '%s': %s\n", o->reasons, strerror(errno));
    return EXIT_USAGE;
  }
  int rc = 0, rc2 = 0;
  xmlDocPtr old = load_input(schema, o->old, d, &rc);
  xmlDocPtr new = load_input(schema, o->new, d, &rc2);
  rc = rc > rc2 ? rc : rc2;
  if (rc == 0) {
    xmlNodePtr ro = xmlDocGetRootElement(old), rn = xmlDocGetRootElement(new);
    if (!xmlStrEqual(ro->name, rn->name)) {
      diag_add(d, o->new, node_line(rn), 0, &rule_schema,
               "'%s' is a %s but '%s' is a %s; diff compares two versions of one kind of document",
               o->new, rn->name, o->old, ro->name);
      rc = EXIT_DOC_ERROR;
    } else if (o->proposal && !is_el(rn, "resolution")) {
      diag_add(d, o->new, node_line(rn), 0, &rule_schema,
               "--proposal wraps a resolution, and '%s' is a %s; diff two resolutions", o->new,
               rn->name);
      rc = EXIT_DOC_ERROR;
    }
  }
  if (rc == 0) {
    xmlDocPtr merged = diff_documents(old, new);
    /* the result holds copies: the inputs' memory serves the output */
    xmlFreeDoc(old);
    xmlFreeDoc(new);
    old = new = NULL;
    if (o->proposal) {
      bool marked = diff_has_marks(xmlDocGetRootElement(merged));
      proposal_wrap(merged, o->by, o->ref, marked ? "MOD" : "NOC", reasons);
    }
    rc = finish(o, merged);
    xmlFreeDoc(merged);
  }
  xmlFreeDoc(old);
  xmlFreeDoc(new);
  free(reasons);
  return rc;
}

int cmd_diff(int argc, char **argv) {
  struct diff_options o = {.common.jobs = 1};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  return run_with_schema(run_diff, &o, o.common.diag_format);
}
