#include "core/text.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#include "core/doc.h"

/* Is N an element whose children are inline content (p, call, title …)? */
static bool is_block(const xmlNode *n) {
  switch (kind_of(n)) {
  case K_P:
  case K_CALL:
  case K_TITLE:
  case K_SUBTITLE:
  case K_NOTE:
  case K_AUTHORITY:
  case K_ADOPTED:
  case K_EVENT:
  case K_NUMBER:
  case K_NAME:
  case K_ROLE:
    return true;
  default:
    return false;
  }
}

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void vtext_init(struct vtext *t) { memset(t, 0, sizeof *t); }

void vtext_free(struct vtext *t) {
  free(t->s);
  free(t->line);
  free(t->ins);
  vtext_init(t);
}

void vtext_reset(struct vtext *t) {
  t->n = 0;
  t->space = true; /* so that leading whitespace is dropped */
  if (t->s)
    t->s[0] = 0;
}

/* Room for MORE bytes and the NUL after them. */
static void reserve(struct vtext *t, size_t more) {
  if (t->n + more + 1 <= t->cap)
    return;
  size_t cap = t->cap ? 2 * t->cap : 256;
  while (cap < t->n + more + 1)
    cap *= 2;
  t->s = xrealloc(t->s, cap);
  t->ins = xrealloc(t->ins, cap);
  t->line = xrealloc(t->line, cap * sizeof *t->line);
  t->cap = cap;
}

/* libxml2 stamps a text node with the line where the parser stood when
 * it made it, which may be past its start; element lines are exact. So
 * the walk carries a line counter, set from each element and advanced by
 * every newline, emitted or not. Room for the whole node is made first:
 * this loop sees every byte of the paragraphs the rules read. */
static void add_text(struct vtext *t, const xmlNode *node, long *line, bool emit, bool ins) {
  const unsigned char *p = node->content;
  if (!p)
    return;
  if (!emit) {
    for (; *p; p++)
      *line += *p == '\n';
    return;
  }
  reserve(t, strlen((const char *)p));
  char *s = t->s, *in = t->ins;
  long *ln = t->line, l = *line;
  size_t n = t->n;
  bool space = t->space;
  for (; *p; p++) {
    if (is_ws(*p)) {
      if (!space) {
        s[n] = ' ', ln[n] = l, in[n] = ins;
        n++;
      }
      space = true;
      l += *p == '\n';
    } else {
      s[n] = (char)*p, ln[n] = l, in[n] = ins;
      n++;
      space = false;
    }
  }
  s[n] = 0;
  t->n = n;
  t->space = space;
  *line = l;
}

static void add_inline(struct vtext *t, const xmlNode *parent, int side, long *line, bool emit,
                       bool ins) {
  for (const xmlNode *c = parent->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      add_text(t, c, line, emit, ins);
    } else if (c->type == XML_ELEMENT_NODE) {
      long el = xmlGetLineNo(c);
      if (el > *line)
        *line = el;
      bool keep = emit && !is_k(c, K_FOOTNOTE) && (own_sides(c) & side);
      add_inline(t, c, side, line, keep, ins || is_k(c, K_INS));
    }
  }
}

void vtext_block(struct vtext *t, const xmlNode *block, int side) {
  if (!t->s)
    vtext_reset(t);
  long line = xmlGetLineNo(block);
  add_inline(t, block, side, &line, true, false);
}

/* Searches the inline content under N backwards for its last
 * non-space character on SIDE; returns true and sets *LAST and *LEN when
 * found. */
static bool last_in(const xmlNode *n, int side, const unsigned char **last, size_t *len) {
  for (const xmlNode *c = n->last; c; c = c->prev) {
    if (c->type == XML_TEXT_NODE && c->content) {
      const unsigned char *p = c->content, *e = p + strlen((const char *)p);
      while (e > p && is_ws(e[-1]))
        e--;
      if (e > p) {
        const unsigned char *start = e - 1;
        while (start > p && (*start & 0xC0) == 0x80) /* back to the lead byte */
          start--;
        *last = start;
        *len = (size_t)(e - start);
        return true;
      }
    } else if (c->type == XML_ELEMENT_NODE && !is_k(c, K_FOOTNOTE) && (own_sides(c) & side) &&
               last_in(c, side, last, len)) {
      return true;
    }
  }
  return false;
}

bool block_last_char(const xmlNode *block, int side, char *out, size_t size) {
  const unsigned char *last;
  size_t len;
  if (!last_in(block, side, &last, &len) || len + 1 > size)
    return false;
  memcpy(out, last, len);
  out[len] = 0;
  return true;
}

void vtext_trim(struct vtext *t) {
  while (t->n && t->s[t->n - 1] == ' ')
    t->s[--t->n] = 0;
}

void vtext_of(struct vtext *t, const xmlNode *block, int side) {
  vtext_reset(t);
  if (block)
    vtext_block(t, block, side);
  vtext_trim(t);
}

char *vtext_copy(struct vtext *t, const xmlNode *block, int side) {
  vtext_of(t, block, side);
  char *s = xstrdup(t->s ? t->s : "");
  if (!s)
    abort();
  return s;
}

/* ---- in-place normalisation for rendering ---- */

/* Whitespace is collapsed in the marked tree, before a view drops its
 * del or ins: so a space is dropped only when every view holding it has
 * a space just before it. One state for the original view, one for the
 * amended: "that<del>, of </del><ins> four</ins>" keeps the space before
 * "four", which the amended view needs though the deletion ends with a
 * space. */
struct collapse {
  bool space[2];   /* SIDX: the last character of each view was a space (or none yet) */
  xmlNodePtr last; /* last text node written to */
};

static void collapse_text(struct collapse *st, xmlNodePtr node, int views) {
  const unsigned char *p = node->content;
  size_t len = p ? strlen((const char *)p) : 0;
  char *out = xmalloc(len + 1);
  if (!out)
    abort();
  size_t n = 0;
  for (; p && *p; p++) {
    bool ws = is_ws(*p), keep = !ws;
    for (int v = 0; v < 2; v++)
      if (ws && (views >> v & 1) && !st->space[v])
        keep = true;
    if (!keep)
      continue;
    out[n++] = ws ? ' ' : (char)*p;
    for (int v = 0; v < 2; v++)
      if (views >> v & 1)
        st->space[v] = ws;
  }
  out[n] = 0;
  xmlNodeSetContent(node, (const xmlChar *)out);
  free(out);
  if (n)
    st->last = node;
}

static void collapse_inline(struct collapse *st, xmlNodePtr parent, int views) {
  for (xmlNodePtr c = parent->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE)
      collapse_text(st, c, views);
    else if (c->type == XML_ELEMENT_NODE && !is_k(c, K_FOOTNOTE))
      collapse_inline(st, c,
                      is_k(c, K_DEL)   ? views & SIDE_O
                      : is_k(c, K_INS) ? views & SIDE_A
                                        : views);
  }
}

static void collapse_block(xmlNodePtr block) {
  struct collapse st = {{true, true}, NULL};
  collapse_inline(&st, block, SIDE_BOTH);
  if (st.last) {
    const xmlChar *s = st.last->content;
    int n = xmlStrlen(s);
    if (n && s[n - 1] == ' ') {
      xmlChar *copy = xmlStrndup(s, n - 1);
      xmlNodeSetContent(st.last, copy);
      xmlFree(copy);
    }
  }
}

void normalize_space(xmlNodePtr node) {
  for (xmlNodePtr c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (is_block(c))
      collapse_block(c);
    normalize_space(c); /* footnotes inside blocks hold blocks of their own */
  }
}
