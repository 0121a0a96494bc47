/* resc new: a proposal skeleton holding the text in force. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/proposal.h"
#include "cmd/cmd.h"
#include "core/doc.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "core/symbol.h"
#include "rules/rules.h"

static const char usage[] =
    "usage: resc new --base RES.xml --by ADMIN --ref REF [--action SYMBOL] [-o OUT]\n"
    "\n"
    "Writes a proposal whose one amendment holds the resolution in force,\n"
    "RES.xml (a clean resolution): with --action MOD (the default) the whole text,\n"
    "for the drafter to mark the changes in (or to edit a clean copy of and hand\n"
    "to 'resc diff --proposal'); NOC the whole text; SUP its heading only;\n"
    "(v4) (MOD) as MOD, SUP* as SUP.\n"
    "\n"
    "  --base RES.xml          the resolution in force\n"
    "  --by ADMIN              the proposing administration (ATU)\n"
    "  --ref REF               the proposal's reference (ATU/35A18/1)\n"
    "  --action ACTION         MOD (default), (MOD), SUP, SUP* or NOC\n"
    "  -o OUT                  the output file (written atomically); - is standard output\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif\n"
    "\n"
    "example: resc new --base res75.xml --by ATU --ref ATU/35A18/1 -o proposal.xml\n"
    "exit status: 0 written, 1 document error, 2 usage or I/O error\n";

enum { OPT_BASE = OPT_FIRST_FREE, OPT_BY, OPT_REF, OPT_ACTION };

static const struct option longopts[] = {
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"base", required_argument, NULL, OPT_BASE},
    {"by", required_argument, NULL, OPT_BY},
    {"ref", required_argument, NULL, OPT_REF},
    {"action", required_argument, NULL, OPT_ACTION},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

struct new_options {
  struct common_options common;
  const char *base, *by, *ref, *action, *out;
};

static int parse_options(struct new_options *o, int argc, char **argv, bool *done) {
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
      return bad_option("new", argv, opt);
    if (once("new", opt, seen, option_spelling(longopts, opt)))
      return EXIT_USAGE;
    if (opt == OPT_BASE)
      o->base = optarg;
    else if (opt == OPT_BY)
      o->by = optarg;
    else if (opt == OPT_REF)
      o->ref = optarg;
    else if (opt == OPT_ACTION)
      o->action = optarg;
    else if (opt == 'o')
      o->out = optarg;
    else if (common_option("new", opt, optarg, &o->common) != 1)
      return EXIT_USAGE;
  }
  if (optind < argc)
    return usage_error("new", "new takes no FILE ('%s'): the text in force is --base RES.xml",
                       argv[optind]);
  if (!o->base || !o->by || !o->ref)
    return usage_error("new", "new needs --base RES.xml, --by ADMIN and --ref REF");
  /* ADD and ADD* give a text that is not the one in force */
  if (!symbol_is(o->action, "MOD") && !symbol_is(o->action, "SUP") && !symbol_is(o->action, "NOC"))
    return usage_error("new", "unknown --action '%s' (MOD, (MOD), SUP, SUP* or NOC)", o->action);
  return 0;
}

/* A suppressed resolution is given by its heading only. */
static void keep_heading(xmlNodePtr res) {
  xmlNodePtr c = res->children;
  while (c) {
    xmlNodePtr next = c->next;
    if (!is_el(c, "heading")) { /* whitespace between the parts too */
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
  xmlNodePtr h = res->children;
  if (h) {
    xmlAddPrevSibling(h, xmlNewDocText(res->doc, (const xmlChar *)"\n  "));
    xmlAddChild(res, xmlNewDocText(res->doc, (const xmlChar *)"\n"));
  }
}

static int make(const void *options, struct schema *schema, struct diags *d) {
  const struct new_options *o = options;
  struct analysis *a = NULL;
  int rc = pipeline_check(schema, o->base, d, &a);
  if (rc == 0)
    rc = pipeline_verdict(d, false);
  xmlNodePtr root = a ? xmlDocGetRootElement(a->doc) : NULL;
  if (rc == 0 && !is_el(root, "resolution")) {
    diag_add(d, o->base, node_line(root), 0, &rule_schema,
             "the text in force must be a resolution, and this is a %s; give the resolution "
             "itself",
             root->name);
    rc = EXIT_DOC_ERROR;
  } else if (rc == 0 && a->has_marks) {
    diag_add(d, o->base, 0, 0, &rule_marks,
             "the text in force holds revision marks; accept them first (resc accept)");
    rc = EXIT_DOC_ERROR;
  }
  if (rc == 0) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    a = NULL;
    if (symbol_is(o->action, "SUP")) /* SUP, SUP* */
      keep_heading(root);
    proposal_wrap(doc, o->by, o->ref, o->action, NULL);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
    xmlFreeDoc(doc);
    if (!mem || output_write(o->out, mem, (size_t)len) != 0) {
      fprintf(stderr, "resc: cannot write '%s': %s\n", o->out ? o->out : "-", strerror(errno));
      rc = EXIT_USAGE;
    } else if (symbol_is(o->action, "MOD")) {
      fprintf(stderr,
              "resc: the %s amendment has no revision mark yet: mark the changes in it, or edit "
              "a clean copy of the resolution and run 'resc diff --proposal'\n",
              o->action);
    }
    xmlFree(mem);
  }
  if (a) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    xmlFreeDoc(doc);
  }
  return rc;
}

int cmd_new(int argc, char **argv) {
  struct new_options o = {.common.jobs = 1, .action = "MOD"};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  return run_with_schema(make, &o, o.common.diag_format);
}
