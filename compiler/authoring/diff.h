/* resc diff: from two clean versions of a document, the marked document
 * whose original view is OLD and amended view is NEW. Blocks are
 * matched by content (match.h); inside a changed paragraph, heading,
 * call, note, event or footnote the words are compared (words.h) and
 * whole words, punctuation and references marked with ins/del; blocks
 * present on one side only carry change="del|ins". Labels are not
 * marked: resc computes them per view. num and was are written only
 * where the inputs had them (diff_labels fixes their values). */
#ifndef RESC_DIFF_H
#define RESC_DIFF_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "core/analyse.h"

/* The marked document (free with xmlFreeDoc). OLD and NEW are clean
 * documents with roots of the same name. OLD is only read; NEW's
 * unchanged blocks are moved into the result, so NEW is left to be
 * freed, not read (the result shares its dictionary). */
xmlDocPtr diff_documents(xmlDocPtr old, xmlDocPtr new);
/* Whitespace between the element children of E, a block holding blocks
 * at DEPTH, so that the output reads like the input (text is never
 * indented: it would change the words). */
void diff_indent(xmlDocPtr doc, xmlNodePtr e, int depth);
/* Whether the tree under N holds a revision mark. */
bool diff_has_marks(const xmlNode *n);
/* Sets the num and was that diff_documents carried over to the labels
 * computed in A (an analysis of its result), and drops a was equal to
 * its item's num. */
void diff_labels(struct analysis *a);

#endif
