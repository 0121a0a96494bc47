/* Revisions: takes Word's tracked changes (w:ins, w:del, w:moveFrom,
 * w:moveTo, with w:author and w:date) or, with --marks format, underline
 * and strike-through; yields the vocabulary's ins and del, inline, or
 * change="ins|del" on a paragraph changed whole. Formatting-only
 * revisions (w:rPrChange, w:pPrChange …) have no counterpart: they are
 * ignored, with a note.
 *
 * The functions on resc paragraphs here see a paragraph's text as one
 * string, both sides in document order (what Word shows with markup),
 * so that a label ("[-e-]{+f+})") or a heading's parts can be cut off
 * by position whatever marks and formatting run through them. */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/xalloc.h"
#include "import/docx.h"

struct revision docx_revision_of(const xmlNode *el) {
  struct revision r = {MARK_NONE, NULL, NULL};
  if (w_is(el, "ins") || w_is(el, "moveTo"))
    r.kind = MARK_INS;
  else if (w_is(el, "del") || w_is(el, "moveFrom"))
    r.kind = MARK_DEL;
  else
    return r;
  r.by = w_attr(el, "author");
  r.date = w_attr(el, "date");
  return r;
}

enum mark docx_format_mark(bool underline, bool strike) {
  return strike ? MARK_DEL : underline ? MARK_INS : MARK_NONE;
}

bool docx_is_format_change(const xmlNode *el) {
  static const char *const names[] = {"rPrChange",  "pPrChange",  "sectPrChange",   "tblPrChange",
                                      "trPrChange", "tcPrChange", "numberingChange"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (w_is(el, names[i]))
      return true;
  return false;
}

static bool is_mark(const xmlNode *n) { return is_el(n, "ins") || is_el(n, "del"); }

/* ------------------------------------------------------------ whole change */

struct scan {
  int kinds; /* bit 1: text outside marks, 2: inside ins, 4: inside del */
  const xmlNode *first_mark;
};

static bool blank(const xmlChar *s) {
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return false;
  return true;
}

static void scan(const xmlNode *n, int in, struct scan *s) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      if (!blank(c->content))
        s->kinds |= in;
    } else if (is_mark(c)) {
      if (!s->first_mark)
        s->first_mark = c;
      scan(c, is_el(c, "ins") ? 2 : 4, s);
    } else if (is_el(c, "footnote")) {
      s->kinds |= in;
    } else if (c->type == XML_ELEMENT_NODE) {
      scan(c, in, s);
    }
  }
}

/* Replaces every mark in N by its content. */
static void unwrap_marks(xmlNodePtr n) {
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    unwrap_marks(c);
    if (is_mark(c)) {
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

static char *copy_attr(const xmlNode *n, const char *name) {
  const char *v = n ? attr(n, name) : NULL;
  return v ? xstrdup(v) : NULL;
}

enum mark docx_whole_change(xmlNodePtr p, char **by, char **date) {
  struct scan s = {0, NULL};
  scan(p, 1, &s);
  if (s.kinds != 2 && s.kinds != 4)
    return MARK_NONE;
  *by = copy_attr(s.first_mark, "by");
  *date = copy_attr(s.first_mark, "date");
  unwrap_marks(p);
  return s.kinds == 2 ? MARK_INS : MARK_DEL;
}

/* ------------------------------------------------------------ text by side */

struct sbuf {
  char *s;
  size_t n, cap;
};

static void sb_add(struct sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    char *m = xrealloc(b->s, b->cap);
    if (!m)
      abort();
    b->s = m;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

static void side_text(const xmlNode *n, int side, struct sbuf *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE)
      sb_add(b, (const char *)c->content, strlen((const char *)c->content));
    else if (is_el(c, "footnote"))
      continue;
    else if (is_el(c, "ins") && !(side & SIDE_A))
      continue;
    else if (is_el(c, "del") && !(side & SIDE_O))
      continue;
    else if (c->type == XML_ELEMENT_NODE)
      side_text(c, side, b);
  }
}

char *docx_side_text(const xmlNode *p, int side) {
  struct sbuf b = {NULL, 0, 0};
  sb_add(&b, "", 0);
  side_text(p, side, &b);
  return b.s;
}

/* ------------------------------------------------------------ cutting */

/* Removes N bytes of text from the start (FROM_END false) or the end of
 * N's content; returns how many are left to remove. Footnotes count for
 * nothing and stay. */
/* Removes K bytes of text from the start (or end) of N. A footnote on
 * the way, inside the bytes removed, stays unless DROP_NOTES (a slice
 * leaves the footnotes outside it to the other slices). */
static size_t cut(xmlNodePtr n, size_t k, bool from_end, bool drop_notes) {
  xmlNodePtr c = from_end ? n->last : n->children;
  while (c && k > 0) {
    xmlNodePtr next = from_end ? c->prev : c->next;
    if (c->type == XML_TEXT_NODE) {
      size_t len = strlen((const char *)c->content);
      if (len <= k) {
        k -= len;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else {
        xmlChar *rest =
            from_end ? xmlStrndup(c->content, (int)(len - k)) : xmlStrdup(c->content + k);
        xmlNodeSetContent(c, rest);
        xmlFree(rest);
        k = 0;
      }
    } else if (drop_notes && is_el(c, "footnote")) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE && !is_el(c, "footnote")) {
      k = cut(c, k, from_end, drop_notes);
      if (!c->children) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      }
    }
    c = next;
  }
  return k;
}

void docx_cut_prefix(xmlNodePtr p, size_t n) { cut(p, n, false, false); }
void docx_cut_suffix(xmlNodePtr p, size_t n) { cut(p, n, true, false); }

/* A copy that keeps the namespace pointers as they are (libxml2's copy
 * declares the namespace anew on a node out of its tree). */
static xmlNodePtr copy(const xmlNode *n) {
  if (n->type == XML_TEXT_NODE)
    return xmlNewText(n->content);
  xmlNodePtr c = xmlNewNode(n->ns, n->name);
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
    xmlNewProp(c, a->name, v);
    xmlFree(v);
  }
  for (const xmlNode *k = n->children; k; k = k->next)
    if (k->type == XML_TEXT_NODE || k->type == XML_ELEMENT_NODE)
      xmlAddChild(c, copy(k));
  return c;
}

xmlNodePtr docx_slice(const xmlNode *p, size_t from, size_t to) {
  xmlNodePtr c = copy(p);
  char *all = docx_side_text(c, SIDE_BOTH);
  size_t len = strlen(all);
  free(all);
  if (to < len)
    cut(c, len - to, true, true);
  cut(c, from, false, true);
  return c;
}
