/* resc fmt: rewrite a document's labels. --fix-labels edits the file's
 * bytes (only the num and was attributes it changes); --renumber
 * converts between relettering and interposed items. */
#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/linkrefs.h"
#include "authoring/relabel.h"
#include "authoring/renumber.h"
#include "authoring/source.h"
#include "cmd/cmd.h"
#include "core/output.h"
#include "core/pipeline.h"
#include "core/xalloc.h"

static const char usage[] =
    "usage: resc fmt --fix-labels [-o OUT | -i] FILE\n"
    "       resc fmt --renumber=bis|sequence [-o OUT | -i] FILE\n"
    "       resc fmt --link-refs [-o OUT | -i] FILE\n"
    "\n"
    "--fix-labels sets every num and was that FILE gives to the label resc\n"
    "computes (num: the amended text, was: the original), and removes one that\n"
    "names a text the item is absent from. Nothing else changes, byte for byte:\n"
    "spacing, comments and the order of attributes stay as they were.\n"
    "\n"
    "--renumber=bis gives every inserted item an interposed label after the\n"
    "item before it (b)bis, b)ter, 3bis), the convention of final texts, so that\n"
    "the items of the text in force keep their labels; --renumber=sequence goes\n"
    "back to relettering. Both rewrite the num and was that FILE gives; the\n"
    "document is written out anew.\n"
    "\n"
    "--link-refs turns the citations of the document's own items typed as text\n"
    "(\"point i) du considérant\", \"considering d)\", \"resolves 1 to 4\") into\n"
    "<ref to=\"ID\"/> elements, which follow relettering; a cited item without an\n"
    "id gets one. A citation that fits several sections, names no item or is\n"
    "stale (its label names another item in the amended text) is reported on\n"
    "standard error and left as it is. The document is written out anew.\n"
    "\n"
    "  -o OUT                  the output file (written atomically); - is standard output\n"
    "  -i, --in-place          replace FILE (atomically)\n"
    "  --diagnostics=FORMAT    gcc (default), json or sarif, for a FILE that does\n"
    "                          not load\n"
    "\n"
    "example: resc fmt --fix-labels -i proposal.xml\n"
    "exit status: 0 written, 1 document error, 2 usage or I/O error\n";

enum { OPT_FIX_LABELS = OPT_FIRST_FREE, OPT_RENUMBER, OPT_LINK_REFS };

static const struct option longopts[] = {
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"fix-labels", no_argument, NULL, OPT_FIX_LABELS},
    {"renumber", required_argument, NULL, OPT_RENUMBER},
    {"link-refs", no_argument, NULL, OPT_LINK_REFS},
    {"in-place", no_argument, NULL, 'i'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

enum fmt_op { FMT_NONE, FMT_FIX_LABELS, FMT_BIS, FMT_SEQUENCE, FMT_LINK_REFS };

struct fmt_options {
  struct common_options common;
  const char *out, *file;
  bool in_place;
  enum fmt_op op;
};

static int set_op(struct fmt_options *o, enum fmt_op op) {
  if (o->op != FMT_NONE)
    return usage_error("fmt",
                       "fmt does one thing at a time: --fix-labels, --renumber or --link-refs");
  o->op = op;
  return 0;
}

static int parse_options(struct fmt_options *o, int argc, char **argv, bool *done) {
  unsigned char seen[1024] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":o:ih", longopts, NULL)) != -1) {
    int r = 0;
    switch (opt) {
    case 'h':
      fputs(usage, stdout);
      *done = true;
      return EXIT_OK;
    case 'o':
      r = once("fmt", opt, seen, "-o");
      o->out = optarg;
      break;
    case 'i':
      r = once("fmt", opt, seen, "-i");
      o->in_place = true;
      break;
    case OPT_FIX_LABELS:
      r = set_op(o, FMT_FIX_LABELS);
      break;
    case OPT_LINK_REFS:
      r = set_op(o, FMT_LINK_REFS);
      break;
    case OPT_RENUMBER:
      if (strcmp(optarg, "bis") != 0 && strcmp(optarg, "sequence") != 0)
        return usage_error("fmt", "unknown --renumber '%s' (bis or sequence)", optarg);
      r = set_op(o, strcmp(optarg, "bis") == 0 ? FMT_BIS : FMT_SEQUENCE);
      break;
    case OPT_DIAGNOSTICS:
      if (once("fmt", opt, seen, "--diagnostics") ||
          common_option("fmt", opt, optarg, &o->common) != 1)
        return EXIT_USAGE;
      break;
    default:
      return bad_option("fmt", argv, opt);
    }
    if (r)
      return r;
  }
  if (argc - optind > 1)
    return usage_error("fmt", "fmt takes one FILE; '%s' is one too many", argv[optind + 1]);
  if (optind >= argc)
    return usage_error("fmt", "fmt needs a FILE");
  o->file = argv[optind];
  if (o->op == FMT_NONE)
    return usage_error("fmt", "fmt needs --fix-labels, --renumber=bis|sequence or --link-refs");
  if (o->in_place && o->out)
    return usage_error("fmt", "-i and -o exclude each other; choose one");
  if (o->in_place)
    o->out = o->file;
  return 0;
}

/* Every element in document order, as the source's start tags come. */
static void preorder(xmlNodePtr n, xmlNodePtr **v, size_t *len, size_t *cap) {
  for (xmlNodePtr c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (*len == *cap) {
      *cap = *cap ? 2 * *cap : 256;
      xmlNodePtr *t = xrealloc(*v, *cap * sizeof **v);
      if (!t) {
        fputs("resc: out of memory\n", stderr);
        exit(EXIT_USAGE);
      }
      *v = t;
    }
    (*v)[(*len)++] = c;
    preorder(c->children, v, len, cap);
  }
}

struct edit_span {
  struct attr_span span;
  const struct label_fix *fix;
};

static int by_start(const void *x, const void *y) {
  const struct edit_span *p = x, *q = y;
  return p->span.start < q->span.start ? -1 : p->span.start > q->span.start;
}

/* The file's bytes with each fix written into its attribute. */
static char *fix_bytes(struct analysis *a, const char *src, size_t len, size_t *outlen) {
  struct label_fix *fixes;
  size_t nfix = relabel_find(a, &fixes);
  xmlNodePtr *els = NULL;
  size_t nels = 0, cap = 0, k = 0, nspans = 0;
  preorder(xmlDocGetRootElement(a->doc), &els, &nels, &cap);
  struct edit_span *spans = xcalloc(nfix + 1, sizeof *spans);
  struct source_cursor cur = SOURCE_CURSOR_INIT;
  /* fixes come in document order, as the elements do */
  for (size_t i = 0; i < nfix && spans; i++) {
    while (k < nels && els[k] != fixes[i].node)
      k++;
    if (k == nels)
      break;
    if (source_find_attr(src, len, &cur, (long)k, fixes[i].name, &spans[nspans].span) == 0)
      spans[nspans++].fix = &fixes[i];
  }
  char *out = spans ? xmalloc(len + 1 + nspans * LABEL_MAX) : NULL;
  size_t w = 0, at = 0;
  if (out) {
    qsort(spans, nspans, sizeof *spans, by_start);
    for (size_t i = 0; i < nspans; i++) {
      const struct attr_span *s = &spans[i].span;
      size_t keep = spans[i].fix->remove ? s->start : s->value;
      memcpy(out + w, src + at, keep - at);
      w += keep - at;
      if (!spans[i].fix->remove) {
        size_t vl = strlen(spans[i].fix->value);
        memcpy(out + w, spans[i].fix->value, vl);
        w += vl;
        at = s->vend;
      } else {
        at = s->end;
      }
    }
    memcpy(out + w, src + at, len - at);
    w += len - at;
    out[w] = 0;
  }
  *outlen = w;
  free(spans);
  free(els);
  free(fixes);
  return out;
}

static int write_out(const char *out, const void *data, size_t len) {
  if (data && output_write(out, data, len) == 0)
    return EXIT_OK;
  fprintf(stderr, "resc: cannot write '%s': %s\n", out ? out : "-",
          data ? strerror(errno) : "out of memory");
  return EXIT_USAGE;
}

static void release(struct analysis *a) {
  if (!a)
    return;
  xmlDocPtr doc = a->doc;
  analysis_free(a);
  xmlFreeDoc(doc);
}

/* Renumbers, then analyses the result anew to rewrite the other labels. */
static int renumbered(const struct fmt_options *o, struct schema *schema, struct analysis *a,
                      struct diags *d) {
  int stuck = renumber(a, o->op == FMT_BIS);
  if (stuck)
    fprintf(stderr,
            "resc: %d inserted item%s first in %s list cannot be interposed and %s relettered\n",
            stuck, stuck > 1 ? "s" : "", stuck > 1 ? "their" : "its", stuck > 1 ? "are" : "is");
  xmlChar *mem = NULL;
  int len = 0;
  xmlDocDumpMemoryEnc(a->doc, &mem, &len, "UTF-8");
  struct analysis *b = NULL;
  struct diags rd;
  diags_init(&rd);
  int rc = mem ? pipeline_check_buffer(schema, o->file, (const char *)mem, (size_t)len, &rd, &b)
               : EXIT_USAGE;
  xmlFree(mem);
  if (rc == 0) {
    relabel_apply(b);
    xmlDocDumpMemoryEnc(b->doc, &mem, &len, "UTF-8");
    rc = write_out(o->out, mem, (size_t)len);
    xmlFree(mem);
  } else {
    for (size_t i = 0; i < rd.n; i++)
      diag_add_sev(d, rd.v[i].file, rd.v[i].line, rd.v[i].column, rd.v[i].severity, rd.v[i].rule,
                   "%s", rd.v[i].message);
  }
  diags_free(&rd);
  release(b);
  return rc;
}

static int run_fmt(const void *options, struct schema *schema, struct diags *d) {
  const struct fmt_options *o = options;
  size_t len = 0;
  char *src = source_read(o->file, &len);
  if (!src) {
    diag_add(d, o->file, 0, 0, &rule_io, "cannot read the file: %s", strerror(errno));
    return EXIT_USAGE;
  }
  struct diags cd; /* the check's own findings are not fmt's business */
  diags_init(&cd);
  struct analysis *a = NULL;
  int rc = pipeline_check_buffer(schema, o->file, src, len, &cd, &a);
  if (rc != 0) {
    for (size_t i = 0; i < cd.n; i++)
      if (cd.v[i].severity == SEV_ERROR)
        diag_add_sev(d, cd.v[i].file, cd.v[i].line, cd.v[i].column, SEV_ERROR, cd.v[i].rule, "%s",
                     cd.v[i].message);
  } else if (o->op == FMT_LINK_REFS) {
    link_refs(a, d);
    xmlChar *mem = NULL;
    int mlen = 0;
    xmlDocDumpMemoryEnc(a->doc, &mem, &mlen, "UTF-8");
    rc = write_out(o->out, mem, (size_t)mlen);
    xmlFree(mem);
  } else if (o->op == FMT_FIX_LABELS) {
    size_t outlen = 0;
    char *out = fix_bytes(a, src, len, &outlen);
    rc = write_out(o->out, out, outlen);
    free(out);
  } else {
    rc = renumbered(o, schema, a, d);
  }
  diags_free(&cd);
  release(a);
  free(src);
  return rc;
}

int cmd_fmt(int argc, char **argv) {
  struct fmt_options o = {.common.jobs = 1};
  bool done = false;
  int rc = parse_options(&o, argc, argv, &done);
  if (rc || done)
    return rc;
  return run_with_schema(run_fmt, &o, o.common.diag_format);
}
