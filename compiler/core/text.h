/* The words of a block as one view sees them: inline content present on
 * one side, whitespace collapsed as in HTML, footnote bodies left out,
 * each byte remembering its source line (for diagnostics inside long
 * paragraphs). */
#ifndef RESC_TEXT_H
#define RESC_TEXT_H

#include <libxml/tree.h>
#include <stdbool.h>

struct vtext {
  char *s;
  long *line;
  char *ins; /* 1 where the byte comes from an inline <ins> */
  size_t n, cap;
  bool space; /* last byte appended was a collapsed space */
};

void vtext_init(struct vtext *t);
void vtext_free(struct vtext *t);
void vtext_reset(struct vtext *t);
/* Appends the inline content of BLOCK present on SIDE. */
void vtext_block(struct vtext *t, const xmlNode *block, int side);
/* The last character of BLOCK's text on SIDE (a UTF-8 sequence) into
 * OUT, without building the text: the common case of the punctuation
 * rule, which needs the whole text (and its lines) only to report. */
bool block_last_char(const xmlNode *block, int side, char *out, size_t size);
/* Drops trailing spaces. */
void vtext_trim(struct vtext *t);
/* T holds BLOCK's text on SIDE alone, trimmed (empty for a NULL block). */
void vtext_of(struct vtext *t, const xmlNode *block, int side);
/* The same, and a copy of it to free. */
char *vtext_copy(struct vtext *t, const xmlNode *block, int side);

/* Collapses whitespace in the text nodes of every block of the tree, in
 * place, so that renderers can copy text as it is. */
void normalize_space(xmlNodePtr root);

#endif
