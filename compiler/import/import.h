/* resc import: a Word file (.docx) into the vocabulary. The result is the
 * same in-memory document (namespace urn:resc:1) that parsing an XML file
 * gives: nothing downstream learns where it came from.
 *
 * The importer is render/docx.c reversed, a file per part of the package:
 *   docx_package.c    the zip, safely: refuses what is not a DOCX package
 *   docx_styles.c     word/styles.xml: style ids and names → roles
 *   docx_numbering.c  word/numbering.xml: the labels Word would print
 *   docx_revisions.c  tracked changes (or underline/strike) → ins/del
 *   docx_document.c   word/document.xml: paragraphs and runs → blocks
 *   docx_footnotes.c  word/footnotes.xml (and endnotes): footnote bodies
 *   import.c          blocks → the document tree */
#ifndef RESC_IMPORT_H
#define RESC_IMPORT_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "core/diag.h"

struct import_options {
  /* read underline as insertion and strike-through as deletion (printed
   * ITU proposals) rather than Word's tracked changes */
  bool format_marks;
};

/* Reads the package at PATH and builds the document in *OUT (free with
 * xmlFreeDoc). Returns 0, or -1 when the file is not a DOCX package resc
 * accepts (not a zip, an OLE or encrypted file, a zip bomb, unsafe entry
 * names, a DTD or entity in a part, a part too large, no
 * word/document.xml): then *OUT is NULL and D says why. Text that could
 * not be mapped is kept and reported as a warning with rule `import`. */
int import_docx(const char *path, const struct import_options *o, xmlDocPtr *out, struct diags *d);

/* Whether PATH is to be read as a Word file: its name ends in .docx, or
 * it starts as a zip or an OLE file does (a Word file renamed, a .doc:
 * the importer then says why it refuses it). */
bool import_is_word(const char *path);

/* The document `resc import PATH` writes, parsed again as any XML input
 * is (doc_load): what reads it cannot tell it from the XML file.
 * Returns NULL with diagnostics and *STATUS (2: refused package, 1: the
 * import does not parse) on failure. */
xmlDocPtr import_load(const char *path, const struct import_options *o, struct diags *d,
                      int *status);

#endif
