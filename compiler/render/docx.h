/* DOCX: a WordprocessingML package, one part per stylesheet or static
 * resource, zipped with fixed timestamps and a fixed entry order so that
 * the same input gives the same bytes. */
#ifndef RESC_DOCX_H
#define RESC_DOCX_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/doc.h"
#include "render/render.h"

/* Writes the DOCX package of ANNOTATED in VIEW to FD. TRACK: revision
 * marks as Word tracked changes; otherwise as underline and
 * strike-through. Returns 0, 1 (a part could not be made, in D) or -1
 * (writing to FD failed, errno set). */
int docx_build(xmlDocPtr annotated, enum view view, bool track, int fd, struct diags *d,
               const char *file);

#endif
