/* Why this exists: a build of a sample makes about a thousand page
 * faults, most of them on the heap as it first touches each new page,
 * and on a virtual machine a fault costs microseconds. Keeping freed
 * memory across the many allocate-and-free cycles (zlib's state for
 * every DOCX part, libxml2's trees, the stylesheet runs) means a page is
 * faulted in once per process, not once per cycle.
 *
 * The heap's pages used to be made present up front as well (3 MB in
 * one madvise call: a DOCX build of a sample went from 26 to 19 ms), but
 * every process then held 3 MB whether it used them or not: more than
 * libxslt's own peak for a text build of a sample, and the issue 13
 * targets compare peak memory with xsltproc's. Pages are now made
 * present as they are used. */
#include "core/heap.h"

#include <malloc.h>

void heap_prepare(void) {
#ifdef __GLIBC__
  /* Keep freed memory (no trimming) and serve large blocks from the heap
   * too: otherwise every 64 KB+ block is a fresh mapping, faulted in
   * again each time. 16 MB stays below glibc's ceiling for the option. */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  mallopt(M_TOP_PAD, 1 << 20); /* growth in 1 MB steps */
#endif
}
