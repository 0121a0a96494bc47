/* DOCX: a WordprocessingML package, one part per stylesheet or static
 * resource, zipped with fixed timestamps and a fixed entry order so that
 * the same input gives the same bytes. */
#ifndef RESC_DOCX_H
#define RESC_DOCX_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/doc.h"
#include "render/render.h"

/* TRACK: revision marks as Word tracked changes; otherwise as underline
 * and strike-through. OUT->data is malloc'd. Returns 0 or -1. */
int docx_build(xmlDocPtr annotated, enum view view, bool track, struct buffer *out, struct diags *d,
               const char *file);

#endif
