/* Stage 4: annotate. Writes the analysis onto the tree in the private
 * namespace urn:resc:annot (prefix x), so that renderers need not count
 * or resolve anything:
 *   - every labelled item, report section and annex gets a first child
 *     <x:label o="e)" a="f)">…</x:label> whose content is the label of
 *     the marked view, as text with <ins>/<del>;
 *   - every ref gets the same <x:label> child with its target's label;
 *   - every footnote gets x:o, x:a, x:m: its number in each view;
 *   - every revision (an ins or del, a block changed whole and what it
 *     holds) gets x:id, a distinct even number, and x:by and x:date:
 *     the by and date that apply to it, its own or an ancestor's;
 *   - every element of a block changed whole gets x:change, that
 *     block's change (ins or del);
 *   - whitespace is collapsed in every block.
 * The analysis must still be alive; free it afterwards. */
#ifndef RESC_ANNOTATE_H
#define RESC_ANNOTATE_H

#include "core/analyse.h"

void annotate(struct analysis *a);

#endif
