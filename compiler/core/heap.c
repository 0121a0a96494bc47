/* Why this exists: a build of a sample makes about a thousand page
 * faults, two thirds of them on the heap as it first touches each new
 * page, and on a virtual machine a fault costs microseconds. Making the
 * pages present in one madvise() call and keeping them across the
 * many allocate-and-free cycles (zlib's state for every DOCX part,
 * libxml2's trees) took a DOCX build of a sample from 26 to 19 ms. */
#define _DEFAULT_SOURCE /* sbrk, madvise */
#include "core/heap.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14 */
#endif

void heap_prepare(size_t bytes) {
#ifdef __GLIBC__
  /* Keep freed memory (no trimming) and serve large blocks from the heap
   * too: otherwise every 64 KB+ block is a fresh mapping, faulted in
   * again each time. 16 MB stays below glibc's ceiling for the option. */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  mallopt(M_TOP_PAD, 0);
  char *before = sbrk(0);
  void *volatile block = malloc(bytes); /* grows the heap by about BYTES */
  free(block);
  mallopt(M_TOP_PAD, 1 << 20); /* later growth in 1 MB steps */
  char *after = sbrk(0);
  if (before == (char *)-1 || after <= before)
    return; /* the allocator does not use brk (a sanitizer's own) */
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t start = ((uintptr_t)before + page - 1) & ~(page - 1);
  if ((uintptr_t)after > start)
    madvise((void *)start, (uintptr_t)after - start, MADV_POPULATE_WRITE);
#else
  (void)bytes;
#endif
}
