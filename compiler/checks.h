#ifndef RESC_CHECKS_H
#define RESC_CHECKS_H

#include "analyse.h"
#include "diag.h"

/* Runs the rules marks, action, history, punctuation and stale-ref. */
void check_rules(struct analysis *a, struct diags *d);

#endif
