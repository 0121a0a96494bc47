/* A resolution wrapped as an amendment in a proposal: what `diff
 * --proposal` and `new` write. */
#ifndef RESC_PROPOSAL_H
#define RESC_PROPOSAL_H

#include <libxml/tree.h>

/* Moves the root resolution of DOC into
 *   <proposal by=BY><amendment action=ACTION ref=REF>…<reasons/></amendment></proposal>
 * which becomes DOC's root; the resolution's xml:lang moves to the
 * proposal. REASONS (may be NULL) is plain text, paragraphs separated by
 * blank lines. */
void proposal_wrap(xmlDocPtr doc, const char *by, const char *ref, const char *action,
                   const char *reasons);

#endif
