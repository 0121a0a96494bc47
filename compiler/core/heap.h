#ifndef RESC_HEAP_H
#define RESC_HEAP_H

/* Sets up the C library's allocator for a short-lived process that
 * allocates a few megabytes and frees them part by part: freed memory
 * is kept for reuse rather than given back, large blocks too. Does
 * nothing where the allocator is not glibc's (sanitizers). */
void heap_prepare(void);

#endif
