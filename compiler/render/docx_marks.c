#include "render/docx_marks.h"

#include <string.h>

/* docx-document.xsl marks a paragraph inserted (or deleted) whole on its
 * runs and on its own paragraph mark: k paragraphs, k marks, and
 * rejecting (accepting) removes both. That is valid, and Word and pandoc
 * read it right, but LibreOffice joins two tracked changes of the same
 * kind, author and minute into one when one ends a paragraph and the
 * other starts the next, taking the paragraph mark between them with it.
 * An inserted ";" at the end of an existing item followed by inserted
 * items (res75-atu: "concernées[-,-]{+;+}" then items e) to i)) thus
 * became one insertion from the ";" to the end of item i), the existing
 * item's mark included, and Reject All joined "concernées," to the next
 * paragraph.
 *
 * Of the k+1 marks from the paragraph before the run (X) to the run's
 * last paragraph, any k can be the ones tracked: the text is the same.
 * The untracked one is safe where no tracked change of the same kind
 * touches it on both sides. X's own mark (what the stylesheet writes) is
 * unsafe when X ends with such a change; then the run's last mark is
 * taken instead, as Word itself does when an editor types Enter at the
 * end of X: X's mark and each mark but the last are tracked, the last
 * paragraph ends with X's old mark. That one is unsafe in turn when the
 * paragraph after the run starts with such a change: then nothing can be
 * done by placement alone, and the stylesheet's placement is kept. */

static const char wml[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

static int is_w(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, wml) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (is_w(c, name))
      return c;
  return NULL;
}

static xmlNodePtr element_sibling(xmlNodePtr n, int forward) {
  do
    n = forward ? n->next : n->prev;
  while (n && n->type != XML_ELEMENT_NODE);
  return n;
}

/* The paragraph next to P (forward or back), if its neighbour is one. */
static xmlNodePtr para_sibling(xmlNodePtr p, int forward) {
  xmlNodePtr n = element_sibling(p, forward);
  return is_w(n, "p") ? n : NULL;
}

/* The revision on P's paragraph mark (w:pPr/w:rPr/w:ins or w:del). */
static xmlNodePtr mark_of(xmlNodePtr p) {
  xmlNodePtr rpr = child(child(p, "pPr"), "rPr");
  xmlNodePtr m = child(rpr, "ins");
  return m ? m : child(rpr, "del");
}

static const char *kind_of(xmlNodePtr p) {
  xmlNodePtr m = mark_of(p);
  return m ? (const char *)m->name : NULL;
}

/* Whether P's content ends (AT_END) or starts with a revision KIND. */
static int touches(xmlNodePtr p, const char *kind, int at_end) {
  xmlNodePtr c = at_end ? p->last : p->children;
  while (c && (c->type != XML_ELEMENT_NODE || is_w(c, "pPr")))
    c = at_end ? c->prev : c->next;
  return is_w(c, kind);
}

static xmlNodePtr ensure_mark_rpr(xmlNodePtr p) {
  xmlNodePtr ppr = child(p, "pPr");
  if (!ppr) {
    ppr = xmlNewNode(p->ns, (const xmlChar *)"pPr");
    if (p->children)
      xmlAddPrevSibling(p->children, ppr);
    else
      xmlAddChild(p, ppr);
  }
  xmlNodePtr rpr = child(ppr, "rPr");
  return rpr ? rpr : xmlNewChild(ppr, p->ns, (const xmlChar *)"rPr", NULL);
}

/* Each mark from FIRST to LAST moves to the paragraph before it. */
static void shift_marks(xmlNodePtr before, xmlNodePtr last) {
  for (xmlNodePtr to = before, from = para_sibling(before, 1); to != last;
       to = from, from = para_sibling(from, 1)) {
    xmlNodePtr m = mark_of(from), rpr = m->parent;
    xmlUnlinkNode(m);
    xmlAddChild(ensure_mark_rpr(to), m);
    if (!rpr->children) {
      xmlUnlinkNode(rpr);
      xmlFreeNode(rpr);
    }
  }
}

/* The run of paragraphs changed whole that starts at FIRST. */
static xmlNodePtr place_run(xmlNodePtr first, const char *kind) {
  xmlNodePtr last = first, n;
  while ((n = para_sibling(last, 1)) && kind_of(n) && strcmp(kind_of(n), kind) == 0)
    last = n;
  xmlNodePtr before = para_sibling(first, 0), after = para_sibling(last, 1);
  if (before && !kind_of(before) && touches(before, kind, 1) && !(after && touches(after, kind, 0)))
    shift_marks(before, last);
  return last;
}

static void place_in(xmlNodePtr container) {
  for (xmlNodePtr c = container->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (!is_w(c, "p")) {
      place_in(c); /* a table's cells, the body */
      continue;
    }
    const char *kind = kind_of(c);
    xmlNodePtr prev = para_sibling(c, 0);
    if (kind && !(prev && kind_of(prev) && strcmp(kind_of(prev), kind) == 0))
      c = place_run(c, kind);
  }
}

/* The space before the first paragraph: none. Word and LibreOffice keep
 * a paragraph's space before at the top of the first page, FOP (and so
 * the PDF) drops it, as both do at the top of every other page: the
 * first page of the DOCX then starts where the PDF's does. */
void docx_first_at_top(xmlDocPtr result) {
  xmlNodePtr root = xmlDocGetRootElement(result);
  xmlNodePtr first = child(child(root, "body"), "p");
  xmlNodePtr ppr = child(first, "pPr"), at = child(ppr, "pStyle");
  if (!at)
    return;
  xmlNodePtr spacing = xmlNewNode(root->ns, (const xmlChar *)"spacing");
  xmlNewNsProp(spacing, root->ns, (const xmlChar *)"before", (const xmlChar *)"0");
  xmlAddNextSibling(at, spacing);
}

void docx_fix_tracked(xmlDocPtr result) {
  xmlNodePtr root = xmlDocGetRootElement(result);
  if (root)
    place_in(root);
  docx_first_at_top(result);
}
