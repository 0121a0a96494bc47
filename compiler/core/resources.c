#include "core/resources.h"

#include <libxml/parserInternals.h>
#include <string.h>

const struct resc_resource *resource_find(const char *path) {
  for (const struct resc_resource *r = resc_resources; r->path; r++)
    if (strcmp(r->path, path) == 0)
      return r;
  return NULL;
}

static xmlParserInputPtr embedded_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)id;
  size_t n = strlen(RESC_URI_PREFIX);
  if (url && strncmp(url, RESC_URI_PREFIX, n) == 0) {
    const struct resc_resource *r = resource_find(url + n);
    if (r) {
      xmlParserInputPtr in = xmlNewStringInputStream(ctxt, (const xmlChar *)r->data);
      if (in) {
        /* the base URL lets xsl:import resolve siblings */
        in->filename = (char *)xmlStrdup((const xmlChar *)url);
      }
      return in;
    }
  }
  (void)ctxt; /* libxml2 reports the failed load itself */
  return NULL;
}

void resources_install_loader(void) { xmlSetExternalEntityLoader(embedded_loader); }
