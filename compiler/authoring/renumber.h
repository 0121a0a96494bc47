/* fmt --renumber: the two conventions for items added by an amendment.
 * Relettering (the default: every later item takes the next letter) or
 * interposition, the convention of final texts: an inserted item takes
 * the label of the item before it with bis, ter … (b)bis, 3ter) and the
 * items after it keep theirs. */
#ifndef RESC_RENUMBER_H
#define RESC_RENUMBER_H

#include <stdbool.h>

#include "core/analyse.h"

/* BIS: gives every item present in the amended text only an interposed
 * num after the item before it (an item inserted first in its list,
 * before any other, cannot be interposed and is left to relettering;
 * their count is returned). Otherwise removes the interposed num and
 * was of the items the amendment inserts (of every item in a document
 * without marks), so that they are lettered in sequence. Labels of
 * other items are then stale: analyse again and relabel_apply. */
int renumber(struct analysis *a, bool bis);

#endif
