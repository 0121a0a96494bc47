/* Stage 5: render. Runs the format's stylesheet (compiled once per
 * process and cached) over the annotated tree with the view as a
 * parameter. */
#ifndef RESC_RENDER_H
#define RESC_RENDER_H

#include <libxml/tree.h>

#include "core/diag.h"
#include "core/doc.h"

struct buffer {
  unsigned char *data;
  size_t len;
};

/* FORMAT names a stylesheet, xslt/FORMAT.xsl ("text", "fo", "docx-document"),
 * run with the parameter view. Returns 0 on success with the output in OUT
 * (free with xmlFree). */
/* EXTRA: further stylesheet parameters, name and XPath value pairs,
 * NULL-terminated (or NULL). */
int render(xmlDocPtr annotated, const char *format, enum view view, const char *const *extra,
           struct buffer *out, struct diags *d, const char *file);
void render_cleanup(void);
/* Compiles the stylesheet FORMAT now (it is cached), so that the worker
 * processes of a batch, forked after, share it. */
void render_prepare(const char *format);

#endif
