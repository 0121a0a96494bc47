#ifndef RESC_HEAP_H
#define RESC_HEAP_H

#include <stddef.h>

/* Sets up the C library's allocator for a short-lived process that
 * allocates a few megabytes and frees them part by part: the heap is
 * grown in one step of BYTES, its pages made present in one system call,
 * and freed memory kept for reuse rather than given back. Does nothing
 * where the allocator is not glibc's (sanitizers) or the kernel has no
 * MADV_POPULATE_WRITE. */
void heap_prepare(size_t bytes);

#endif
