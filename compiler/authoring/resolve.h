/* A view as a document of its own: the original view rejects every
 * revision mark, the amended view accepts them, and labels are written
 * out as num. The result is valid input again (the round-trip tests
 * check it). Works in place on the analysed tree, before annotation. */
#ifndef RESC_RESOLVE_H
#define RESC_RESOLVE_H

#include "core/analyse.h"
#include "core/doc.h"

void resolve_view(struct analysis *a, enum view v);

#endif
