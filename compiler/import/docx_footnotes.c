/* word/footnotes.xml and word/endnotes.xml: takes a reference's id,
 * yields a resc footnote holding the note's paragraphs. Word opens a
 * note with its reference mark and a tab (or a space): both go. A note
 * whose reference lies inside a tracked change is inside that mark
 * already, so the same kind of mark inside the note is unwrapped (marks
 * do not nest). Endnotes, which the vocabulary does not have, become
 * footnotes. */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "import/docx.h"

static xmlNodePtr find_note(xmlDocPtr part, const char *id) {
  xmlNodePtr root = part ? xmlDocGetRootElement(part) : NULL;
  for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
    if ((w_is(c, "footnote") || w_is(c, "endnote")) && w_attr(c, "id") &&
        strcmp(w_attr(c, "id"), id) == 0)
      return c;
  return NULL;
}

static void unwrap(xmlNodePtr n, const char *kind) {
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    unwrap(c, kind);
    if (is_el(c, kind)) {
      for (xmlNodePtr k = c->children, kn; k; k = kn) {
        kn = k->next;
        xmlUnlinkNode(k);
        xmlAddPrevSibling(c, k);
      }
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
  }
}

static void trim_lead(xmlNodePtr p) {
  char *t = docx_side_text(p, SIDE_BOTH);
  size_t n = strspn(t, " \t");
  free(t);
  docx_cut_prefix(p, n);
}

xmlNodePtr docx_footnote(struct docx_reader *r, bool endnote, const char *id, enum mark in) {
  const char *part = endnote ? "word/endnotes.xml" : "word/footnotes.xml";
  xmlNodePtr note = id ? find_note(endnote ? r->parts->endnotes : r->parts->footnotes, id) : NULL;
  if (!note || r->note_depth > 0) /* a note inside a note: none in Word */
    return NULL;
  r->note_depth++;
  xmlNodePtr fn = xmlNewNode(r->ns, (const xmlChar *)"footnote");
  long index = 0;
  for (xmlNodePtr c = note->children; c; c = c->next) {
    if (!w_is(c, "p"))
      continue;
    xmlNodePtr p = docx_paragraph_content(r, c, part, ++index);
    if (index == 1)
      trim_lead(p);
    if (in != MARK_NONE)
      unwrap(p, in == MARK_INS ? "ins" : "del");
    xmlAddChild(fn, p);
  }
  r->note_depth--;
  if (!fn->children)
    xmlNewChild(fn, r->ns, (const xmlChar *)"p", NULL);
  return fn;
}
