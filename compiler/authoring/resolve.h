/* A view as a document of its own: the original view rejects every
 * revision mark, the amended view accepts them, and labels are written
 * out as num. The result is valid input again (the round-trip tests
 * check it). Works in place on the analysed tree, before annotation. */
#ifndef RESC_RESOLVE_H
#define RESC_RESOLVE_H

#include "core/analyse.h"
#include "core/doc.h"

void resolve_view(struct analysis *a, enum view v);
/* The same for resc accept and reject: every mark resolved, but num and
 * was rewritten (as num, the label in that text) only on the items and
 * report sections that carried one, so that a drafter's file keeps its
 * style. */
void resolve_marks(struct analysis *a, enum view v);

#endif
