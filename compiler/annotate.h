/* Stage 4: annotate. Writes the analysis onto the tree in the private
 * namespace urn:resc:annot (prefix x), so that renderers need not count
 * or resolve anything:
 *   - every labelled item, report section and annex gets a first child
 *     <x:label o="e)" a="f)">…</x:label> whose content is the label of
 *     the marked view, as text with <ins>/<del>;
 *   - every ref gets the same <x:label> child with its target's label;
 *   - every footnote gets x:o, x:a, x:m: its number in each view;
 *   - whitespace is collapsed in every block.
 * The analysis must still be alive; free it afterwards. */
#ifndef RESC_ANNOTATE_H
#define RESC_ANNOTATE_H

#include "analyse.h"

void annotate(struct analysis *a);

#endif
