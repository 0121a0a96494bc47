#ifndef RESC_CHECKS_H
#define RESC_CHECKS_H

#include "core/analyse.h"
#include "core/diag.h"

/* Runs the rules marks, action, history, punctuation and stale-ref. */
void check_rules(struct analysis *a, struct diags *d);

#endif
