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
/* The same, the output streamed to FD as it is serialised rather than
 * held in memory. Returns 0; 1 when the stylesheet failed (in D); -1
 * when writing to FD failed, with errno set. */
int render_fd(xmlDocPtr annotated, const char *format, enum view view, const char *const *extra,
              int fd, struct diags *d, const char *file);
/* DOC itself, serialised to FD as UTF-8. Returns 0, or -1 with errno set. */
int render_tree_fd(xmlDocPtr doc, int fd);
/* render, with FIX (if not NULL) run over the result tree before it is
 * written out: a change that needs the output's own order. */
int render_fixed(xmlDocPtr annotated, const char *format, enum view view, const char *const *extra,
                 void (*fix)(xmlDocPtr result), struct buffer *out, struct diags *d,
                 const char *file);
void render_cleanup(void);
/* Compiles the stylesheet FORMAT now (it is cached), so that the worker
 * processes of a batch, forked after, share it. */
void render_prepare(const char *format);

#endif
