/* The one out-of-memory path: every allocation resc makes, and every one
 * libxml2 and libxslt make once xalloc_install has run, either succeeds
 * or ends the process with "resc: out of memory" and exit status 2. A
 * half-built tree is never mistaken for a document error, and a library
 * never prints thousands of messages on its way down. */
#ifndef RESC_XALLOC_H
#define RESC_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* At most N bytes of S, terminated. */
char *xstrndup(const char *s, size_t n);
/* Prints the message and exits 2. */
_Noreturn void xalloc_fail(void);
/* Makes libxml2 (and so libxslt) allocate through the functions above.
 * Call before any other libxml2 function. */
void xalloc_install(void);

#endif
