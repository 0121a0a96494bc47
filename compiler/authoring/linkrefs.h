/* fmt --link-refs: citations of the document's own items typed as text
 * ("point i) du considérant", "considering d)", "resolves 1 to 4", found
 * by rules/citations.h, the parser the stale-ref rule reads) become
 * <ref to="ID"/> elements, which resc labels in every view, so that they
 * follow relettering from then on. An item cited gets an id if it has
 * none. A citation is reported, not guessed, when its words fit several
 * sections, when its label is split by markup, when it names no item,
 * and when it is stale: text standing in both texts of a marked document
 * whose label names one item in the original and another (or none) in
 * the amended text. */
#ifndef RESC_LINKREFS_H
#define RESC_LINKREFS_H

#include <stddef.h>

#include "core/analyse.h"
#include "core/diag.h"

/* Links the citations of the analysed document A in place; reports what
 * it leaves to D (rule stale-ref, warnings). Returns the number of refs
 * made. The analysis is stale afterwards (the tree gained nodes). */
size_t link_refs(struct analysis *a, struct diags *d);

#endif
