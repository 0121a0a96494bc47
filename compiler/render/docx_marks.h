/* Changes to word/document.xml that need the output's own order: where
 * the paragraph marks of paragraphs inserted or deleted whole carry their
 * revision, the first paragraph's space. */
#ifndef RESC_DOCX_MARKS_H
#define RESC_DOCX_MARKS_H

#include <libxml/tree.h>

/* RESULT is the rendered word/document.xml. docx_first_at_top: the first
 * paragraph has no space before, as in the PDF. docx_fix_tracked: that,
 * and the paragraph-mark revisions moved where consumers read them right
 * (docx_marks.c says why). */
void docx_first_at_top(xmlDocPtr result);
void docx_fix_tracked(xmlDocPtr result);

#endif
