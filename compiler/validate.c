#include "validate.h"

#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resources.h"

struct schema {
  xmlRelaxNGPtr rng;
};

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

struct schema *schema_load(void) {
  const struct resc_resource *r = resource_find("schema/resc.rng");
  if (!r)
    return NULL;
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)r->data, (int)r->size);
  xmlRelaxNGSetParserErrors(pc, quiet, quiet, NULL);
  xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!rng)
    return NULL;
  struct schema *s = calloc(1, sizeof *s);
  s->rng = rng;
  return s;
}

void schema_free(struct schema *s) {
  if (!s)
    return;
  xmlRelaxNGFree(s->rng);
  free(s);
}

struct vstate {
  struct diags *d;
  const char *name;
  int errors;
  long last_line;
  char last[256];
};

/* libxml2 reports one failure several times as it backtracks up the
 * tree; keep the first, innermost report per line. */
static void on_error(void *ctx, xmlErrorPtr e) {
  struct vstate *st = ctx;
  char msg[256];
  snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = 0;
  long line = e->node ? xmlGetLineNo((xmlNodePtr)e->node) : e->line;
  if (line == st->last_line && strcmp(msg, st->last) == 0)
    return;
  if (st->errors && line == st->last_line && strstr(msg, "failed to validate content"))
    return;
  st->last_line = line;
  snprintf(st->last, sizeof st->last, "%s", msg);
  diag_add(st->d, st->name, line, 0, SEV_ERROR, "schema", "%s", msg);
  st->errors++;
}

int schema_validate(struct schema *s, xmlDocPtr doc, const char *name, struct diags *d) {
  struct vstate st = {d, name, 0, -1, ""};
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(s->rng);
  xmlRelaxNGSetValidStructuredErrors(vc, on_error, &st);
  int rc = xmlRelaxNGValidateDoc(vc, doc);
  xmlRelaxNGFreeValidCtxt(vc);
  if (rc != 0 && st.errors == 0) {
    diag_add(d, name, 0, 0, SEV_ERROR, "schema", "the document is not valid against the schema");
    st.errors = 1;
  }
  return st.errors;
}
