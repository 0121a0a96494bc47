/* A document's own bytes, for the commands that must change a file
 * without reserialising it (fmt --fix-labels): reading it whole, and
 * finding the start tags and attributes of its elements in document
 * order, which is the order of a pre-order walk of the parsed tree. */
#ifndef RESC_SOURCE_H
#define RESC_SOURCE_H

#include <libxml/tree.h>
#include <stddef.h>

/* The whole of PATH, NUL-terminated, its length in *LEN; NULL with errno
 * on failure. Free with free. */
char *source_read(const char *path, size_t *len);

struct attr_span {
  size_t start;       /* the space before the name: removing [start, end) removes it */
  size_t value, vend; /* the value between its quotes */
  size_t end;         /* after the closing quote */
};

/* Finds, in the start tag of the INDEX-th element (0-based, document
 * order) of S, the attribute NAME (no prefix). Returns 0 and fills
 * *SPAN, or -1 when there is no such element or attribute. Comments,
 * processing instructions, CDATA and the document type are skipped.
 * Cursor state makes successive calls with growing INDEX linear: pass
 * the same *CURSOR (start at SOURCE_CURSOR_INIT). */
struct source_cursor {
  size_t pos;   /* where the next start tag is looked for */
  long element; /* index of the element whose tag starts at tag, -1: none yet */
  size_t tag;
};
#define SOURCE_CURSOR_INIT                                                                         \
  { 0, -1, 0 }
int source_find_attr(const char *s, size_t len, struct source_cursor *c, long index,
                     const char *name, struct attr_span *span);

#endif
