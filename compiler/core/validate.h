/* Stage 2: RelaxNG validation against the embedded schema, compiled once
 * per process and shared by every document checked. */
#ifndef RESC_VALIDATE_H
#define RESC_VALIDATE_H

#include <libxml/tree.h>

#include "core/diag.h"

struct schema;
struct schema *schema_load(void);
void schema_free(struct schema *s);
/* Returns the number of errors added. */
int schema_validate(struct schema *s, xmlDocPtr doc, const char *name, struct diags *d);

#endif
