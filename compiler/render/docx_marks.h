/* Where the paragraph marks of paragraphs inserted or deleted whole carry
 * their revision in word/document.xml. */
#ifndef RESC_DOCX_MARKS_H
#define RESC_DOCX_MARKS_H

#include <libxml/tree.h>

/* Moves paragraph-mark revisions in RESULT, the rendered word/document.xml,
 * where consumers read them right (docx_marks.c says why). */
void docx_place_paragraph_marks(xmlDocPtr result);

#endif
