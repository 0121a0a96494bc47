#include "core/pipeline.h"

#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/doc.h"
#include "rules/rules.h"

/* Real resolutions are 10 to 200 KB; a document of 1 MB makes about
 * 6 MB of libxml2 blocks. */
#define REGION_DOC_MAX (1 << 20)

/* A document checked in the arena goes with it, unwalked, unless part
 * of it was made on the heap. */
static void drop(xmlDocPtr doc) {
  if (!arena_active() || arena_spilled())
    xmlFreeDoc(doc);
}

static int from_doc(struct schema *schema, xmlDocPtr doc, const char *name, struct diags *d,
                    struct analysis **out) {
  if (schema_validate(schema, doc, name, d) > 0) {
    drop(doc);
    return 1;
  }
  struct analysis *a = analyse(doc, name, d);
  rules_run(a, d);
  if (out) {
    *out = a;
    return 0;
  }
  analysis_free(a);
  drop(doc);
  return 0;
}

int pipeline_check(struct schema *schema, const char *path, struct diags *d,
                   struct analysis **out) {
  /* a document handed back to the caller outlives the region; a large
   * one is left on the heap, where what libxml2 frees while it checks is
   * used again (the region only grows until the document is done) */
  struct stat sb;
  bool region = !out && strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
                sb.st_size <= REGION_DOC_MAX && arena_begin();
  int status = 0;
  xmlDocPtr doc = doc_load(path, d, &status);
  if (doc)
    status = from_doc(schema, doc, doc_name(path), d, out);
  if (region)
    arena_end();
  return status;
}

int pipeline_check_buffer(struct schema *schema, const char *name, const char *buf, size_t len,
                          struct diags *d, struct analysis **out) {
  xmlDocPtr doc = doc_parse(name, buf, len, d);
  return doc ? from_doc(schema, doc, name, d, out) : 1;
}

int pipeline_verdict(const struct diags *d, bool werror) {
  for (size_t i = 0; i < d->n; i++)
    if (d->v[i].rule == &rule_io)
      return 2;
  if (diags_count(d, SEV_ERROR) || (werror && diags_count(d, SEV_WARNING)))
    return 1;
  return 0;
}
