/* The schema and stylesheets, built into the binary (cmake/embed.cmake),
 * and the loader that serves them: the only external resources resc ever
 * loads. */
#ifndef RESC_RESOURCES_H
#define RESC_RESOURCES_H

#include <stddef.h>

struct resc_resource {
  const char *path; /* "schema/resc.rng", "xslt/text.xsl" */
  const unsigned char *data;
  size_t size;
};

extern const struct resc_resource resc_resources[];

#define RESC_URI_PREFIX "resc:///"

const struct resc_resource *resource_find(const char *path);
/* Installs an external entity loader that serves RESC_URI_PREFIX paths
 * from the embedded resources and refuses everything else: no file, no
 * network, no DTD is ever fetched on behalf of a document. */
void resources_install_loader(void);

#endif
