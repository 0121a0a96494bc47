/* A region for libxml2's allocations while one document is checked,
 * taken back whole when it is done (see arena.c for why and when it is
 * safe). */
#ifndef RESC_ARENA_H
#define RESC_ARENA_H

#include <stdbool.h>

/* Makes libxml2 allocate through the region's functions, which use the
 * heap (xmalloc) whenever no document is being checked. Call after
 * xalloc_install and before any other libxml2 function. */
void arena_install(void);
/* From now until arena_end, libxml2's new allocations come from the
 * region. False if there is no region or one is in use: the caller then
 * frees what it made as usual. */
bool arena_begin(void);
/* Takes every block of the region back. Nothing made since arena_begin
 * may be used after. */
void arena_end(void);
/* Whether the region is in use (the parser then makes a context of its
 * own rather than keep one across documents). */
bool arena_active(void);
/* Whether libxml2 allocated on the heap since arena_begin (the region
 * was full, or it grew a block it had made before): what it made must
 * then be freed as usual, since not all of it goes with the region. */
bool arena_spilled(void);

#endif
