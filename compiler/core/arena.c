/* Why this exists: checking a folder of documents is, for libxml2, a
 * million small allocations per few hundred files (a node, its name
 * copy, a text, a validation state), each freed again node by node when
 * the document goes. glibc's malloc and free were a sixth of the time
 * of `resc check` on the corpus, and freeing the tree another
 * hundredth. While one document is checked, libxml2's allocations are
 * instead cut from one region, one after the other; when the document
 * is done the region is taken back whole, and the tree is never walked
 * to be freed.
 *
 * What makes it safe: only libxml2's allocations while a document is
 * checked come from the region (resc's own go to malloc, as always), and
 * nothing libxml2 keeps from one document to the next is made then (the
 * parser context and its dictionary are made per document while the
 * region is in use; the schema before). A block of the region that
 * libxml2 frees is left where it is; a block made on the heap before is
 * freed and grown on the heap. Under AddressSanitizer the region is
 * poisoned when taken back, so that a pointer kept past its document
 * is caught. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE, madvise */
#include "core/arena.h"

#include <libxml/xmlmemory.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Address space only: pages are made present as they are used. A
 * document that needs more goes on to the heap for the rest. The
 * pipeline sends documents up to 1 MB here, which make about 6 MB of
 * blocks; the reservation counts against a `ulimit -v`, so it is kept
 * to ten times that. */
#define REGION (64u << 20)
/* What the region keeps present once a document is done: a large
 * document's pages beyond it are given back. */
#define KEEP (16u << 20)
/* Each block starts with its size, on 16 bytes so that blocks stay
 * aligned as malloc's are. */
#define HEAD 16

static char *base;
static size_t top, high;
static bool active, spilled;

static size_t round16(size_t n) { return (n + 15) & ~(size_t)15; }

static bool inside(const void *p) {
  return base && (const char *)p >= base && (const char *)p < base + REGION;
}

static size_t size_of(const void *p) {
  size_t n;
  memcpy(&n, (const char *)p - HEAD, sizeof n);
  return n;
}

static void *cut(size_t n) {
  size_t need = HEAD + round16(n ? n : 1);
  if (!active || need > REGION - top)
    return NULL;
  char *block = base + top;
  UNPOISON(block, need);
  memcpy(block, &n, sizeof n);
  top += need;
  if (top > high)
    high = top;
  return block + HEAD;
}

static void *arena_malloc(size_t n) {
  void *p = cut(n);
  if (p)
    return p;
  spilled |= active;
  return xmalloc(n);
}

static void arena_free(void *p) {
  if (!inside(p))
    free(p);
}

static void *arena_realloc(void *p, size_t n) {
  if (!p)
    return arena_malloc(n);
  if (!inside(p)) {
    spilled |= active;
    return xrealloc(p, n);
  }
  size_t old = size_of(p);
  char *end = (char *)p + round16(old ? old : 1);
  /* the last block grows where it is: libxml2's buffers grow this way */
  size_t at = (size_t)((char *)p - base);
  if (end == base + top && round16(n ? n : 1) <= REGION - at) {
    top = at + round16(n ? n : 1);
    UNPOISON(p, round16(n ? n : 1));
    if (top > high)
      high = top;
    memcpy((char *)p - HEAD, &n, sizeof n);
    return p;
  }
  void *q = arena_malloc(n);
  memcpy(q, p, old < n ? old : n);
  return q;
}

static char *arena_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(arena_malloc(n), s, n);
}

void arena_install(void) {
  void *m = mmap(NULL, REGION, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  if (m == MAP_FAILED)
    return; /* no region: libxml2 keeps the allocator xalloc_install gave it */
  base = m;
  xmlMemSetup(arena_free, arena_malloc, arena_realloc, arena_strdup);
}

bool arena_begin(void) {
  if (!base || active)
    return false;
  active = true;
  spilled = false;
  return true;
}

void arena_end(void) {
  active = false;
  if (high > KEEP)
    madvise(base + KEEP, high - KEEP, MADV_DONTNEED);
  POISON(base, high);
  top = 0;
  high = high > KEEP ? KEEP : high;
}

bool arena_active(void) { return active; }

bool arena_spilled(void) { return spilled; }
