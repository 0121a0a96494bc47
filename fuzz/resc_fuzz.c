/* libFuzzer harness: one input through the whole of resc's pipeline, as
 * compiler/main.c and compiler/cmd/ run it (pipeline_check, then emit_output), with every
 * renderer in every view:
 *
 *   parse → schema → analyse → check rules → diagnostics (gcc and json)
 *   and, when the document has no error (main.c renders nothing else),
 *   for each view (original, amended, marked):
 *     xml (resolve_view), annotated, text, fo, docx (tracked changes and
 *     formatted marks)
 *
 * Every rendering starts again from a fresh parse, as each resc process
 * does: annotate and resolve_view change the tree in place. Build and run:
 * see fuzz/README.md. */
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analyse.h"
#include "render/annotate.h"
#include "core/diag.h"
#include "core/doc.h"
#include "render/docx.h"
#include "core/pipeline.h"
#include "render/render.h"
#include "authoring/resolve.h"
#include "core/resources.h"
#include "core/validate.h"

#define NAME "fuzz.xml"

static struct schema *schema;
static FILE *devnull;

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlInitParser();
  resources_install_loader();
  /* libxml2 and libxslt print what resc does not turn into diagnostics
   * (stylesheet run-time messages) on stderr: keep the fuzzer's log
   * readable */
  xmlSetGenericErrorFunc(NULL, quiet);
  xsltSetGenericErrorFunc(NULL, quiet);
  schema = schema_load();
  devnull = fopen("/dev/null", "w");
  if (!schema || !devnull) {
    fputs("resc_fuzz: the schema does not compile\n", stderr);
    abort();
  }
  return 0;
}

/* main.c's check_file, from memory: the pipeline module. Returns the
 * analysis (free it, then its doc) when the document reached the rules,
 * else NULL; *VERDICT is the exit status resc would give it. */
static struct analysis *check(const uint8_t *data, size_t size, struct diags *d, int *verdict) {
  struct analysis *a = NULL;
  int rc = pipeline_check_buffer(schema, NAME, (const char *)data, size, d, &a);
  *verdict = rc ? rc : pipeline_verdict(d, false);
  return rc ? NULL : a;
}

static void release(struct analysis *a) {
  xmlDocPtr doc = a ? a->doc : NULL;
  analysis_free(a);
  xmlFreeDoc(doc);
}

enum format { F_XML, F_ANNOTATED, F_TEXT, F_FO, F_DOCX_TRACK, F_DOCX_FORMAT, NFORMATS };

/* main.c's emit_output, with the bytes dropped instead of written. */
static void emit(const uint8_t *data, size_t size, enum format f, enum view v) {
  struct diags d;
  diags_init(&d);
  int verdict;
  struct analysis *a = check(data, size, &d, &verdict);
  if (!a || verdict != 0) { /* it was valid a moment ago: resc must be deterministic */
    fputs("resc_fuzz: a second parse of the same input failed\n", stderr);
    abort();
  }
  struct buffer out = {0};
  if (f == F_XML)
    resolve_view(a, v);
  else
    annotate(a);
  switch (f) {
  case F_XML:
  case F_ANNOTATED: {
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(a->doc, &mem, &len, "UTF-8");
    out.data = mem;
    out.len = (size_t)(len > 0 ? len : 0);
    break;
  }
  case F_TEXT:
    render(a->doc, "text", v, NULL, &out, &d, NAME);
    break;
  case F_FO:
    render(a->doc, "fo", v, NULL, &out, &d, NAME);
    break;
  case F_DOCX_TRACK:
  case F_DOCX_FORMAT:
    docx_build(a->doc, v, f == F_DOCX_TRACK, &out, &d, NAME);
    break;
  default:
    break;
  }
  if (out.data && out.len)
    fwrite(out.data, 1, out.len, devnull);
  free(out.data); /* xmlMalloc is malloc, and libzip's buffers too */
  diags_print(&d, DIAG_GCC, devnull);
  diags_free(&d);
  release(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct diags d;
  diags_init(&d);
  int verdict;
  struct analysis *a = check(data, size, &d, &verdict);
  diags_sort(&d);
  diags_print(&d, DIAG_GCC, devnull);
  diags_print(&d, DIAG_JSON, devnull);
  bool render_it = a && verdict == 0; /* main.c renders nothing else */
  diags_free(&d);
  release(a);
  if (!render_it)
    return 0;
  for (int v = VIEW_ORIGINAL; v <= VIEW_MARKED; v++)
    for (int f = 0; f < NFORMATS; f++)
      emit(data, size, (enum format)f, (enum view)v);
  return 0;
}
