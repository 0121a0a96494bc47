/* libFuzzer harness: one input through the whole of resc's pipeline, as
 * compiler/main.c and compiler/cmd/ run it (pipeline_check, then
 * format_render), with every format of render/formats.c's table in every
 * view:
 *
 *   parse → schema → analyse → check rules → diagnostics (gcc and json)
 *   and, when the document has no error (main.c renders nothing else),
 *   for each view (original, amended, marked):
 *     text, docx (tracked changes and formatted marks), fo, xml,
 *     annotated (pdf is FOP's: cli_fuzz runs its driver)
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
#include "core/diag.h"
#include "core/doc.h"
#include "core/pipeline.h"
#include "core/resources.h"
#include "core/validate.h"
#include "render/formats.h"

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

/* build_one of cmd/build.c from the rendering on, the output to
 * /dev/null: the format's render, the same function resc calls. */
static void emit(const uint8_t *data, size_t size, const struct format *f, bool format_marks,
                 enum view v) {
  struct diags d;
  diags_init(&d);
  int verdict;
  struct analysis *a = check(data, size, &d, &verdict);
  if (!a || verdict != 0) { /* it was valid a moment ago: resc must be deterministic */
    fputs("resc_fuzz: a second parse of the same input failed\n", stderr);
    abort();
  }
  struct render_options o = {.format = f, .view = v, .format_marks = format_marks};
  format_render(&o, a, NAME, fileno(devnull), &d);
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
  /* every format of resc's table but those another program makes (pdf:
   * FOP, which cli_fuzz reaches up to its start); DOCX with both kinds
   * of marks */
  for (int v = VIEW_ORIGINAL; v <= VIEW_MARKED; v++)
    for (size_t i = 0; format_at(i); i++) {
      const struct format *f = format_at(i);
      if (f->external)
        continue;
      emit(data, size, f, false, (enum view)v);
      if (strcmp(f->name, "docx") == 0)
        emit(data, size, f, true, (enum view)v);
    }
  return 0;
}
