/* Explicit labels (num, was) against the computed ones: what fmt
 * --fix-labels rewrites in a file's bytes and what diff writes into the
 * document it makes. */
#ifndef RESC_RELABEL_H
#define RESC_RELABEL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analyse.h"

struct label_fix {
  xmlNodePtr node;
  const char *name;      /* "num" or "was" */
  char value[LABEL_MAX]; /* what it should be */
  bool remove;           /* the node has no label in that text */
};

/* Every num/was of the analysed document A whose value is not the label
 * computed for its text (num: amended, was: original), in document
 * order, into *OUT (free with free). Returns the count. */
size_t relabel_find(struct analysis *a, struct label_fix **out);
/* Applies them to the tree. */
void relabel_apply(struct analysis *a);

#endif
