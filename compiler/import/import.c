/* Blocks → the document: takes the blocks docx_document.c read, yields a
 * resolution, a proposal or a report in the vocabulary.
 *
 * The root is a proposal when a paragraph says MOD/ADD/SUP/NOC (style
 * Proposal), a resolution when one says "RESOLUTION N" (ResNo), a report
 * otherwise. Items nest by their depth (enumlevN, or what docx_document.c
 * read from labels and numbering); an unlabelled paragraph continues the
 * open item of its depth. Labels are kept as num (amended) and was
 * (original) so that `check` compares them with the labels resc
 * computes; a section's or list's numbering is written only where it is
 * not the default. A paragraph that fits nowhere is kept in the nearest
 * place that takes text, with a warning. */
#include "import/import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "authoring/diff.h"
#include "core/doc.h"
#include "core/symbol.h"
#include "import/docx.h"

#define MAXD 4

struct flow {
  xmlNodePtr host; /* section, list-taking container */
  bool takes_items;
  xmlNodePtr items[MAXD], lists[MAXD];
};

struct builder {
  struct docx_reader *r;
  struct blocks *bs;
  size_t i;
};

static xmlNodePtr el(struct builder *bd, xmlNodePtr parent, const char *name) {
  return xmlNewChild(parent, bd->r->ns, (const xmlChar *)name, NULL);
}

static struct block *peek(struct builder *bd) {
  return bd->i < bd->bs->n ? &bd->bs->v[bd->i] : NULL;
}

static void warn_block(struct builder *bd, const struct block *b, const char *msg) {
  docx_warn(bd->r, "word/document.xml", b->index, b->first, "%s", msg);
}

/* ------------------------------------------------------------ content */

/* Tabs are spaces in running text; blocks do not start or end with one. */
static void tidy(xmlNodePtr n) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (xmlChar *s = c->content; s && *s; s++)
        if (*s == '\t' || *s == '\n' || *s == '\r')
          *s = ' ';
    } else if (c->type == XML_ELEMENT_NODE) {
      tidy(c);
    }
  }
}

static void trim(xmlNodePtr p) {
  tidy(p);
  char *t = docx_side_text(p, SIDE_BOTH);
  size_t n = strlen(t), lead = strspn(t, " ");
  size_t tail = 0;
  while (tail < n - lead && t[n - 1 - tail] == ' ')
    tail++;
  free(t);
  docx_cut_suffix(p, tail);
  docx_cut_prefix(p, lead);
}

/* Moves the inline content of block B into EL. */
static void fill(xmlNodePtr target, struct block *b) {
  trim(b->p);
  for (xmlNodePtr c = b->p->children, next; c; c = next) {
    next = c->next;
    xmlUnlinkNode(c);
    xmlAddChild(target, c);
  }
}

static void set_change(xmlNodePtr n, const struct block *b) {
  if (b->change == MARK_NONE)
    return;
  xmlNewProp(n, (const xmlChar *)"change",
             (const xmlChar *)(b->change == MARK_INS ? "ins" : "del"));
  if (b->by && strcmp(b->by, "resc") != 0)
    xmlNewProp(n, (const xmlChar *)"by", (const xmlChar *)b->by);
  if (b->date)
    xmlNewProp(n, (const xmlChar *)"date", (const xmlChar *)b->date);
}

static xmlNodePtr para(struct builder *bd, xmlNodePtr parent, struct block *b) {
  xmlNodePtr p = el(bd, parent, "p");
  fill(p, b);
  set_change(p, b);
  return p;
}

/* The label back in front of the text, for a place that has no labels. */
static void unlabel(struct block *b) {
  if (!b->labelled)
    return;
  const char *l = b->num[0] ? b->num : b->was;
  char text[LABEL_MAX + 4];
  const char *punct = b->numbering == NUM_ALPHA || b->numbering == NUM_ARABIC_PAREN ? ")"
                      : b->numbering == NUM_ALPHA_DOT                               ? "."
                                                                                    : "";
  if (b->numbering == NUM_DASH || b->numbering == NUM_BULLET)
    snprintf(text, sizeof text, b->numbering == NUM_DASH ? "\xE2\x80\x93 " : "\xE2\x80\xA2 ");
  else
    snprintf(text, sizeof text, "%s%s ", l, punct);
  xmlNodePtr t = xmlNewText((const xmlChar *)text);
  if (b->p->children)
    xmlAddPrevSibling(b->p->children, t);
  else
    xmlAddChild(b->p, t);
  b->labelled = false;
}

/* ------------------------------------------------------------ items */

static void close_from(struct flow *f, int d) {
  for (int k = d; k < MAXD; k++)
    f->items[k] = f->lists[k] = NULL;
}

static void flow_start(struct flow *f, xmlNodePtr host, bool takes_items) {
  memset(f, 0, sizeof *f);
  f->host = host;
  f->takes_items = takes_items;
}

/* A new item at depth D of the flow: in the host (D 0) or in a list of
 * the open item above it, the items below closed. */
static xmlNodePtr open_item(struct builder *bd, struct flow *f, int d) {
  xmlNodePtr item;
  if (d == 0) {
    item = el(bd, f->host, "item");
  } else {
    xmlNodePtr parent = f->items[d - 1] ? f->items[d - 1] : f->host;
    xmlNodePtr list = f->lists[d];
    if (!list || list->parent != parent || parent->last != list)
      list = el(bd, parent, "list");
    f->lists[d] = list;
    item = el(bd, list, "item");
  }
  close_from(f, d + 1);
  f->items[d] = item;
  return item;
}

static void labelled_item(struct builder *bd, struct flow *f, struct block *b) {
  int d = b->depth < 0 ? 0 : b->depth >= MAXD ? MAXD - 1 : b->depth;
  if (d == 0 && !f->takes_items)
    d = 1;
  while (d > 1 && !f->items[d - 1])
    d--; /* a list's parent item is missing: the nearest level that has one */
  xmlNodePtr item = open_item(bd, f, d);
  if (!label_is_symbol(b->numbering)) {
    if (b->num[0])
      xmlNewProp(item, (const xmlChar *)"num", (const xmlChar *)b->num);
    if (b->was[0] && strcmp(b->was, b->num) != 0)
      xmlNewProp(item, (const xmlChar *)"was", (const xmlChar *)b->was);
  }
  /* the kind, for numbering_of() */
  xmlNewNsProp(item, NULL, (const xmlChar *)"_kind",
               (const xmlChar *)(b->numbering == NUM_ALPHA_DOT      ? "alpha-dot"
                                 : b->numbering == NUM_ARABIC       ? "arabic"
                                 : b->numbering == NUM_DASH         ? "dash"
                                 : b->numbering == NUM_BULLET       ? "bullet"
                                 : b->numbering == NUM_ARABIC_PAREN ? "arabic-paren"
                                 : b->numbering == NUM_DECIMAL      ? "decimal"
                                                                    : "alpha"));
  set_change(item, b);
  xmlNodePtr p = el(bd, item, "p");
  fill(p, b);
}

/* Where a table may stand: in the open item (after its first
 * paragraph), else in a section of a resolution or an annex. */
static xmlNodePtr table_host(struct flow *f) {
  for (int d = MAXD - 1; d >= 0; d--)
    if (f->items[d])
      return f->items[d];
  if (!f->host)
    return NULL;
  if (is_el(f->host, "annex"))
    return f->host;
  for (xmlNodePtr a = f->host; a && a->type == XML_ELEMENT_NODE && is_el(f->host, "section");
       a = a->parent)
    if (is_el(a, "preamble") || is_el(a, "operative") || is_el(a, "annex"))
      return f->host;
  return NULL;
}

static void trim_all(xmlNodePtr n) {
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (is_el(c, "p") || is_el(c, "title"))
      trim(c);
    else if (c->type == XML_ELEMENT_NODE)
      trim_all(c);
}

/* The block of the table's paragraph numbered INDEX (FIRST and the
 * TABLE_N - 1 blocks after it), looked for from *AT on: cells list their
 * paragraphs in the blocks' order but for a merged cell's. NULL for an
 * empty paragraph, which makes no block. */
static struct block *table_block(struct block *first, size_t *at, long index) {
  for (size_t k = 0; k < first->table_n; k++) {
    size_t j = (*at + k) % first->table_n;
    if (first[j].index == index) {
      *at = j + 1;
      return &first[j];
    }
  }
  return NULL;
}

static struct block *cell_block(struct block *first, size_t *at, xmlNodePtr p) {
  xmlChar *v = xmlGetNoNsProp(p, (const xmlChar *)"_index");
  struct block *b = v ? table_block(first, at, atol((const char *)v)) : NULL;
  xmlFree(v);
  xmlUnsetNsProp(p, NULL, (const xmlChar *)"_index");
  return b && b->labelled ? b : NULL;
}

/* A cell's labelled paragraphs (enumlev, Word's numbering, labels typed
 * before a tab) become the items of lists in it, nested as their depths
 * say, the shallowest at the first level; a decimal label ("4.1") stays
 * text, as in a section. The others stay the cell's paragraphs. */
static void cell_lists(struct builder *bd, struct block *first, size_t *at, xmlNodePtr cell) {
  xmlNodePtr was = xmlNewNode(NULL, (const xmlChar *)"was");
  for (xmlNodePtr c = cell->children, next; c; c = next) {
    next = c->next;
    xmlUnlinkNode(c);
    xmlAddChild(was, c);
  }
  struct flow f;
  flow_start(&f, cell, false);
  int top = -1;
  for (xmlNodePtr c = was->children, next; c; c = next) {
    next = c->next;
    xmlUnlinkNode(c);
    struct block *b = is_el(c, "p") ? cell_block(first, at, c) : NULL;
    if (b && b->numbering != NUM_DECIMAL) {
      if (top < 0 || b->depth < top)
        top = b->depth < 0 ? 0 : b->depth; /* the cell's first level */
      b->depth -= top - 1;                 /* a cell takes no item: its first level is a list */
      labelled_item(bd, &f, b);
      xmlFreeNode(c);
    } else if (b) {
      unlabel(b);
      para(bd, cell, b);
      xmlFreeNode(c);
      close_from(&f, 0);
    } else {
      xmlAddChild(cell, c);
      close_from(&f, 0);
    }
  }
  xmlFreeNode(was);
}

static void table_lists(struct builder *bd, struct block *first) {
  size_t at = 0;
  for (xmlNodePtr row = first->table->children; row; row = row->next)
    for (xmlNodePtr cell = row->children; cell; cell = cell->next)
      if (is_el(cell, "cell"))
        cell_lists(bd, first, &at, cell);
}

/* The table block B stands for, placed whole; false when it cannot stand
 * here (its paragraphs are then placed one by one). */
static bool place_table(struct builder *bd, struct flow *f, struct block *b) {
  xmlNodePtr host = table_host(f);
  if (!host)
    return false;
  if (host == f->host)
    close_from(f, 0);
  table_lists(bd, b);
  trim_all(b->table);
  xmlAddChild(host, b->table);
  b->table = NULL;
  bd->i += b->table_n - 1; /* the table's paragraphs are in it */
  return true;
}

/* Whether the label of the item before, BEFORE ("1", "2.1"; NULL when
 * there is none), is followed by the label that L's first N bytes are
 * ("2", "2.2"; "1" when there is none). */
static bool follows(const char *before, const char *l, size_t n) {
  const char *dot = before ? strrchr(before, '.') : NULL;
  size_t head = dot ? (size_t)(dot - before) + 1 : 0; /* "2." of "2.1", with the dot */
  char want[LABEL_MAX + 8];
  if (before)
    snprintf(want, sizeof want, "%.*s%ld", (int)head, before, atol(before + head) + 1);
  else
    snprintf(want, sizeof want, "1");
  return strlen(want) == n && strncmp(want, l, n) == 0;
}

/* Whether the decimal label L ("2.1") is the first of its list. */
static bool first_of_list(const char *l) {
  const char *dot = strrchr(l, '.');
  return dot && strcmp(dot, ".1") == 0;
}

/* "2.1" after item 1, where item 2 has no text of its own (v3: Council
 * Res. 88's 4.1, 4.2): Word shows no line for item 2, so the sub-item
 * opens it, with the labels its own start with on each side. Only the
 * first sub-item of a list does, and only where that item comes next. */
static xmlNodePtr implied_parent(struct builder *bd, struct flow *f, struct block *b, int dots) {
  const char *l = b->num[0] ? b->num : b->was;
  size_t n = (size_t)(strrchr(l, '.') - l);
  xmlNodePtr before = f->items[dots - 1];
  if (!first_of_list(l) || (!before && dots > 1) ||
      !follows(before ? attr(before, "num") : NULL, l, n))
    return NULL;
  xmlNodePtr item = open_item(bd, f, dots - 1);
  char label[LABEL_MAX];
  if (b->num[0] && strrchr(b->num, '.')) {
    snprintf(label, sizeof label, "%.*s", (int)(strrchr(b->num, '.') - b->num), b->num);
    xmlNewProp(item, (const xmlChar *)"num", (const xmlChar *)label);
  }
  if (b->was[0] && strrchr(b->was, '.') && strcmp(b->was, b->num) != 0) {
    snprintf(label, sizeof label, "%.*s", (int)(strrchr(b->was, '.') - b->was), b->was);
    if (!attr(item, "num") || strcmp(label, attr(item, "num")) != 0)
      xmlNewProp(item, (const xmlChar *)"was", (const xmlChar *)label);
  }
  xmlNewNsProp(item, NULL, (const xmlChar *)"_kind",
               (const xmlChar *)(dots > 1 ? "decimal" : "arabic"));
  return item;
}

/* "2.1" under the open item 2, "2.2.1" under 2.2: a decimal sub-item
 * (a decimal list in that item). False when no open item has the label
 * the sub-item's starts with, nor can be opened for it. */
static bool decimal_item(struct builder *bd, struct flow *f, struct block *b) {
  const char *l = b->num[0] ? b->num : b->was;
  const char *dot = strrchr(l, '.');
  int dots = 0;
  for (const char *c = l; *c; c++)
    dots += *c == '.';
  if (!dot || dots >= MAXD)
    return false;
  const xmlNode *parent = f->items[dots - 1];
  size_t n = (size_t)(dot - l);
  const char *pn = attr(parent, "num"), *pw = attr(parent, "was");
  if (!(pn && strlen(pn) == n && strncmp(pn, l, n) == 0) &&
      !(pw && strlen(pw) == n && strncmp(pw, l, n) == 0) && !implied_parent(bd, f, b, dots))
    return false;
  b->depth = dots;
  labelled_item(bd, f, b);
  return true;
}

static void place(struct builder *bd, struct flow *f, struct block *b) {
  if (b->table && place_table(bd, f, b))
    return;
  if (b->labelled && b->numbering == NUM_DECIMAL && decimal_item(bd, f, b))
    return;
  if (b->labelled && b->numbering == NUM_DECIMAL)
    unlabel(b);
  if (b->labelled) {
    labelled_item(bd, f, b);
    return;
  }
  int d = b->depth < 0 ? 0 : b->depth >= MAXD ? MAXD - 1 : b->depth;
  xmlNodePtr target = f->host;
  if (b->indent > 0) {
    target = f->items[0] ? f->items[0] : f->host;
    close_from(f, target == f->host ? 0 : 1);
  } else if (f->items[d]) {
    target = f->items[d];
    close_from(f, d + 1);
  } else if (d > 0 && f->items[d - 1]) {
    target = f->items[d - 1];
    close_from(f, d);
  } else {
    close_from(f, 0);
  }
  xmlNodePtr p = para(bd, target, b);
  if (b->indent > 0) {
    char v[2] = {(char)('0' + (b->indent > 3 ? 3 : b->indent)), 0};
    xmlNewProp(p, (const xmlChar *)"indent", (const xmlChar *)v);
  }
}

/* ------------------------------------------------------------ numbering */

static bool romanish(const char *s) { return *s && strspn(s, "ivxlc") == strlen(s); }

/* The numbering the labels of CONTAINER's items show, written where it
 * is not DEFAULT. Letters that are all roman numerals starting with "i"
 * (or longer than one letter, as "ii") are a roman list. */
static void numbering_of(xmlNodePtr container, const char *dflt) {
  const char *kind = NULL;
  bool roman = true, any = false;
  for (xmlNodePtr c = container->children; c; c = c->next) {
    if (!is_el(c, "item"))
      continue;
    xmlChar *k = xmlGetNoNsProp(c, (const xmlChar *)"_kind");
    if (k) {
      if (!kind)
        kind = strcmp((char *)k, "alpha-dot") == 0      ? "alpha-dot"
               : strcmp((char *)k, "arabic") == 0       ? "arabic"
               : strcmp((char *)k, "dash") == 0         ? "dash"
               : strcmp((char *)k, "bullet") == 0       ? "bullet"
               : strcmp((char *)k, "arabic-paren") == 0 ? "arabic-paren"
               : strcmp((char *)k, "decimal") == 0      ? "decimal"
                                                        : "alpha";
      xmlUnsetNsProp(c, NULL, (const xmlChar *)"_kind");
    }
    xmlFree(k);
    for (const char *a = "num"; a; a = strcmp(a, "num") == 0 ? "was" : NULL) {
      const char *v = attr(c, a);
      if (v && *v) {
        char base[LABEL_MAX];
        unsigned sk;
        if (!label_split(v, base, sizeof base, &sk))
          snprintf(base, sizeof base, "%s", v);
        roman = roman && romanish(base);
        any = true;
      }
    }
  }
  if (!kind)
    return;
  if (strcmp(kind, "alpha") == 0 && any && roman) {
    /* "i" alone is a letter when a sole item; "i", "ii" … a roman list */
    kind = "roman";
    for (xmlNodePtr c = container->children; c; c = c->next)
      if (is_el(c, "item") && attr(c, "num") && strcmp(attr(c, "num"), "i") != 0 &&
          strlen(attr(c, "num")) == 1 && strcmp(attr(c, "num"), "v") != 0 &&
          strcmp(attr(c, "num"), "x") != 0)
        kind = "alpha";
  }
  size_t items = 0;
  for (xmlNodePtr c = container->children; c; c = c->next)
    items += is_el(c, "item");
  /* a sole item is labelled only when the numbering is given */
  if (strcmp(kind, dflt) != 0 || (items == 1 && any))
    xmlNewProp(container, (const xmlChar *)"numbering", (const xmlChar *)kind);
}

/* Every section and list below N: lists default to roman; sections to
 * alpha, or arabic in the operative part. */
static void numberings(xmlNodePtr n, const char *section_default) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    const char *sd = is_el(c, "operative")                       ? "arabic"
                     : is_el(c, "preamble") || is_el(c, "annex") ? "alpha"
                                                                 : section_default;
    if (is_el(c, "list"))
      numbering_of(c, "roman");
    else if (is_el(c, "section"))
      numbering_of(c, sd);
    numberings(c, sd);
  }
}

/* A block changed whole holds no mark of the same kind: the changes
 * Word records on each paragraph of an inserted section are one. */
static void unnest_changes(xmlNodePtr n, const char *outer) {
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    const char *ch = attr(c, "change");
    if (outer && ch && strcmp(ch, outer) == 0) {
      xmlUnsetProp(c, (const xmlChar *)"change");
      xmlUnsetProp(c, (const xmlChar *)"by");
      xmlUnsetProp(c, (const xmlChar *)"date");
      ch = NULL;
    }
    unnest_changes(c, ch ? ch : outer);
    if (outer && is_el(c, outer)) {
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

/* ------------------------------------------------------------ resolution */

static bool ends_part(const struct block *b) {
  return b->role == ROLE_PROPOSAL || b->role == ROLE_REASONS;
}

/* "RÉSOLUTION 75 (Rév. Genève, 2022)": the number, and the note inside
 * the parentheses with its marks. */
/* FROM's text and footnotes moved into TO, the elements around them
 * dropped (a number holds only those). */
static void text_and_notes(xmlNodePtr to, xmlNodePtr from) {
  for (xmlNodePtr c = from->children, next; c; c = next) {
    next = c->next;
    if (c->type == XML_TEXT_NODE || is_el(c, "footnote")) {
      xmlUnlinkNode(c);
      xmlAddChild(to, c);
    } else if (c->type == XML_ELEMENT_NODE) {
      text_and_notes(to, c);
    }
  }
}

/* Where the number of the number line T lies, [*at, *end), and where its
 * note's brackets are (OPEN and CLOSE, their byte lengths in *open_len):
 * "RESOLUTION 75 (Rév. Genève, 2022)", or in Chinese "第75号决议（…）". */
static void number_line_parts(const char *t, size_t *at, size_t *end, const char **open,
                              const char **close, size_t *open_len) {
  const char *rest;
  if (docx_zh_number_line(t, at, end, &rest)) {
    *open = strstr(rest, "\xef\xbc\x88"); /* （ */
    const char *c = NULL;
    for (const char *p = rest; (p = strstr(p, "\xef\xbc\x89")); p += 3) /* ） */
      c = p;
    *close = c;
    *open_len = 3;
    return;
  }
  *at = strcspn(t, " ");
  *at += strspn(t + *at, " ");
  /* the number runs to the note's parenthesis: "UIT-R 12-1", "75" */
  const char *paren = strstr(t + *at, " (");
  *end = paren ? (size_t)(paren - t) : strlen(t);
  while (*end > *at && t[*end - 1] == ' ')
    (*end)--;
  *open = strchr(t + *end, '(');
  *close = strrchr(t, ')');
  *open_len = 1;
}

static void heading_number(struct builder *bd, xmlNodePtr heading, struct block *b) {
  tidy(b->p);
  char *t = docx_side_text(b->p, SIDE_BOTH);
  size_t at, end, open_len;
  const char *open, *close;
  number_line_parts(t, &at, &end, &open, &close, &open_len);
  const char *kind = docx_heading_kind(t, NULL);
  if (kind && strcmp(kind, "resolution") != 0 && !attr(heading->parent, "kind"))
    xmlNewProp(heading->parent, (const xmlChar *)"kind", (const xmlChar *)kind);
  xmlNodePtr number = el(bd, heading, "number");
  /* a slice, not its text: a footnote on the number stays there */
  xmlNodePtr slice = docx_slice(b->p, at, end);
  text_and_notes(number, slice);
  xmlFreeNode(slice);
  if (open && close && close > open) {
    xmlNodePtr slice = docx_slice(b->p, (size_t)(open - t) + open_len, (size_t)(close - t));
    xmlNodePtr note = el(bd, heading, "note");
    trim(slice);
    for (xmlNodePtr c = slice->children, next; c; c = next) {
      next = c->next;
      xmlUnlinkNode(c);
      xmlAddChild(note, c);
    }
    xmlFreeNode(slice);
  }
  free(t);
}

static bool looks_like_history(const char *t) {
  /* "(Place, 2008; Place, 2012)": every part ends with a year */
  size_t n = strlen(t);
  if (n < 4 || t[0] != '(' || t[n - 1] != ')')
    return false;
  for (size_t i = 1; i < n - 1;) {
    size_t e = i + strcspn(t + i, ";)");
    if (e < i + 4 || !isdigit((unsigned char)t[e - 1]) || !isdigit((unsigned char)t[e - 4]))
      return false;
    i = e + 1;
  }
  return true;
}

static void history(struct builder *bd, xmlNodePtr heading, struct block *b) {
  tidy(b->p);
  char *t = docx_side_text(b->p, SIDE_BOTH);
  size_t n = strlen(t);
  xmlNodePtr h = el(bd, heading, "history");
  for (size_t i = 1; i < n - 1;) {
    size_t e = i + strcspn(t + i, ";");
    if (e > n - 1)
      e = n - 1;
    xmlNodePtr seg = docx_slice(b->p, i, e);
    char *by = NULL, *date = NULL;
    enum mark m = docx_whole_change(seg, &by, &date);
    char *o = docx_side_text(seg, SIDE_O), *a = docx_side_text(seg, SIDE_A);
    const char *text = m == MARK_DEL ? o : a;
    if (m == MARK_NONE && strcmp(o, a) != 0)
      warn_block(bd, b,
                 "a history event changed in part cannot be marked; its amended text is "
                 "kept");
    xmlNodePtr ev = xmlNewChild(h, bd->r->ns, (const xmlChar *)"event", NULL);
    xmlNodeAddContent(ev, (const xmlChar *)text);
    trim(ev);
    if (!ev->children) {
      xmlUnlinkNode(ev);
      xmlFreeNode(ev);
    } else {
      struct block tmp = {.change = m, .by = by, .date = date};
      set_change(ev, &tmp);
    }
    free(o), free(a), free(by), free(date);
    xmlFreeNode(seg);
    i = e + 1;
  }
  free(t);
}

static void adopted(struct builder *bd, xmlNodePtr heading, struct block *b) {
  tidy(b->p);
  char *t = docx_side_text(b->p, SIDE_BOTH);
  size_t n = strlen(t);
  xmlNodePtr a = el(bd, heading, "adopted");
  if (n >= 2 && t[0] == '(' && t[n - 1] == ')') {
    docx_cut_prefix(b->p, 1);
    docx_cut_suffix(b->p, 1);
  }
  fill(a, b);
  free(t);
}

static xmlNodePtr build_heading(struct builder *bd, xmlNodePtr res) {
  xmlNodePtr heading = el(bd, res, "heading");
  xmlNodePtr title = NULL;
  struct block *b;
  /* what precedes the number line has no place: kept in the title */
  size_t orphans = bd->i;
  while ((b = peek(bd)) && b->role != ROLE_RESNO && !ends_part(b) && b->role != ROLE_RESTITLE)
    bd->i++;
  size_t orphans_end = bd->i;
  if ((b = peek(bd)) && b->role == ROLE_RESNO) {
    heading_number(bd, heading, b);
    bd->i++;
  } else {
    el(bd, heading, "number");
  }
  while ((b = peek(bd)) && (b->role == ROLE_RESREF || b->role == ROLE_RESTITLE)) {
    char *t = docx_side_text(b->p, SIDE_BOTH);
    tidy(b->p);
    if (b->role == ROLE_RESTITLE && !title) {
      title = el(bd, heading, "title");
      fill(title, b);
    } else if (b->role == ROLE_RESTITLE) {
      xmlNodeAddContent(title, (const xmlChar *)" ");
      fill(title, b);
      warn_block(bd, b, "a second title line is joined to the title");
    } else if (title && looks_like_history(t)) {
      history(bd, heading, b);
    } else if (!title) {
      adopted(bd, heading, b);
    } else {
      free(t);
      break;
    }
    free(t);
    bd->i++;
  }
  if (!title)
    title = el(bd, heading, "title");
  for (size_t k = orphans_end; k > orphans; k--) {
    struct block *o = &bd->bs->v[k - 1];
    warn_block(bd, o, "text before the resolution's number line is kept in its title");
    trim(o->p);
    xmlNodePtr first = title->children;
    xmlNodePtr sp = xmlNewText((const xmlChar *)" ");
    first ? xmlAddPrevSibling(first, sp) : xmlAddChild(title, sp);
    for (xmlNodePtr c = o->p->last, prev; c; c = prev) {
      prev = c->prev;
      xmlUnlinkNode(c);
      xmlAddPrevSibling(title->children, c);
    }
  }
  /* the heading's elements in the schema's order: number, note, title,
   * history/adopted; adopted was read before the title */
  xmlNodePtr ad = NULL;
  for (xmlNodePtr c = heading->children; c; c = c->next)
    if (is_el(c, "adopted"))
      ad = c;
  if (ad) {
    xmlUnlinkNode(ad);
    xmlAddChild(heading, ad);
  }
  return heading;
}

/* The words that open an operative call (a call starting with one opens
 * the operative part), in the six languages; Arabic, Chinese and Russian
 * as ITU's texts in them write resolves, decides, instructs, invites,
 * requests, encourages, urges, calls upon; an opinion's "is of the view"
 * and a recommendation's "recommends" ("recommande" is "recommend"'s
 * prefix). */
static const char *const operative_words[] = {
    "resolve", "instruct", "invite", "request", "encourage", "decide", "urge", "call", "appeal",
    "further resolve", "décide", "charge", "prie", "demande", "resuelve", "encarga", "invita",
    "pide", "alienta", "solicita", "insta", "يقرر", "يكلف", "يدعو", "يطلب", "يشجع", "يحث", "يناشد",
    "做出决议", "决定", "责成", "请", "鼓励", "敦促", "呼吁", "решает", "поручает", "предлагает",
    "просит", "призывает", "постановляет",
    /* (v2) opinions and recommendations */
    "is of the view", "est d'avis", "es de opinión", "recommend", "recomienda", "рекомендует",
    "يوصي", "建议", NULL};

static bool operative_call(const struct block *b) {
  char *t = docx_side_text(b->p, SIDE_A);
  char low[64];
  size_t k = 0;
  for (const char *s = t; *s && k + 1 < sizeof low; s++)
    low[k++] = (char)tolower((unsigned char)*s);
  low[k] = 0;
  free(t);
  const char *s = low + strspn(low, " \t");
  for (size_t i = 0; operative_words[i]; i++)
    if (strncmp(s, operative_words[i], strlen(operative_words[i])) == 0)
      return true;
  return false;
}

struct res_state {
  xmlNodePtr res, preamble, operative, annex, part;
  xmlNodePtr section;
  struct flow flow;
  xmlNodePtr top;      /* the last annex of the text: appendices go in it */
  xmlNodePtr heads[4]; /* the annex's titled sections, by heading level */
};

static xmlNodePtr need_preamble(struct builder *bd, struct res_state *s) {
  if (!s->preamble) {
    s->preamble = el(bd, s->res, "preamble");
    if (s->operative) { /* the preamble comes first */
      xmlUnlinkNode(s->preamble);
      xmlAddPrevSibling(s->operative, s->preamble);
    }
  }
  return s->preamble;
}

static void new_section(struct builder *bd, struct res_state *s, struct block *call) {
  if (!s->annex && (s->operative || (call && operative_call(call)))) {
    if (!s->operative)
      s->operative = el(bd, s->res, "operative");
    s->part = s->operative;
  } else if (!s->annex) {
    s->part = need_preamble(bd, s);
  }
  s->section = el(bd, s->part, "section");
  if (call) {
    xmlNodePtr c = el(bd, s->section, "call");
    /* a call is italic by its style: direct italics say nothing more */
    fill(c, call);
    for (xmlNodePtr k = c->children, next; k; k = next) {
      next = k->next;
      if (is_el(k, "em") && !k->next && !k->prev) {
        for (xmlNodePtr g = k->children, gn; g; g = gn) {
          gn = g->next;
          xmlUnlinkNode(g);
          xmlAddPrevSibling(k, g);
        }
        xmlUnlinkNode(k);
        xmlFreeNode(k);
      }
    }
    set_change(s->section, call);
  }
  flow_start(&s->flow, s->section, true);
}

/* "ANNEX B" or "ANNEX B TO RESOLUTION 208 (DUBAI, 2018)": the number
 * Word's line shows says the annexes' numbering (on the first, where the
 * vocabulary takes it; given, it numbers a sole annex too), and words
 * after it say the heading names the text (heading="to-text", which resc
 * writes itself). A number resc will not print there (a sole "ANNEX B",
 * annexes out of order) is reported: the vocabulary numbers annexes by
 * their place. */
static void annex_number(struct builder *bd, xmlNodePtr annex, const struct block *b) {
  char *t = docx_side_text(b->p, SIDE_A);
  char *s = t + strspn(t, " \t");
  if (strncmp(s, "PIÈCE JOINTE", strlen("PIÈCE JOINTE")) == 0)
    s += strlen("PIÈCE"); /* the kind's word is two words */
  s += strspn(s, " \t");
  s += strcspn(s, " \t");
  s += strspn(s, " \t");
  size_t n = strcspn(s, " \t");
  const char *rest = s + n + strspn(s + n, " \t");
  /* "ANEXO A LA DECISIÓN 5": "A" is the connector, not a number */
  bool connector =
      n == 1 && s[0] == 'A' && (strncmp(rest, "LA ", 3) == 0 || strncmp(rest, "EL ", 3) == 0);
  bool alpha = !connector && n == 1 && s[0] >= 'A' && s[0] <= 'Z';
  bool arabic = n >= 1 && n <= 3 && strspn(s, "0123456789") >= n;
  if (!alpha && !arabic)
    rest = s;
  if (*rest)
    xmlNewProp(annex, (const xmlChar *)"heading", (const xmlChar *)"to-text");
  int place = 1;
  xmlNodePtr first = annex;
  const char *kind_of = attr(annex, "kind") ? attr(annex, "kind") : "annex";
  for (xmlNodePtr c = annex->prev; c; c = c->prev)
    if (is_el(c, "annex") && strcmp(attr(c, "kind") ? attr(c, "kind") : "annex", kind_of) == 0)
      place++, first = c;
  if (alpha || arabic) {
    if (first == annex)
      xmlNewProp(annex, (const xmlChar *)"numbering",
                 (const xmlChar *)(alpha ? "alpha" : "arabic"));
    const char *kind = attr(first, "numbering");
    int shown = alpha ? s[0] - 'A' + 1 : atoi(s);
    if (shown != place || !kind || strcmp(kind, alpha ? "alpha" : "arabic") != 0) {
      char msg[200];
      snprintf(msg, sizeof msg,
               "the annex is numbered '%.*s' in the Word file; resc numbers annexes by their "
               "place (this one is the %d%s)",
               (int)n, s, place,
               place == 1   ? "st"
               : place == 2 ? "nd"
               : place == 3 ? "rd"
                            : "th");
      warn_block(bd, b, msg);
    }
  }
  free(t);
}

/* "APPENDIX 1 TO ANNEX B": the kind of an annex line's word, NULL for an
 * annex (ANNEX, ANNEXE, ANEXO …). */
static const char *annex_kind(const struct block *b) {
  static const struct {
    const char *word, *kind;
  } words[] = {
      {"APPENDIX", "appendix"},     {"APPENDICE", "appendix"},      {"APÉNDICE", "appendix"},
      {"ДОБАВЛЕНИЕ", "appendix"},   {"التذييل", "appendix"},        {"附录", "appendix"},
      {"ATTACHMENT", "attachment"}, {"PIÈCE JOINTE", "attachment"}, {"ADJUNTO", "attachment"},
      {"ВЛОЖЕНИЕ", "attachment"},   {"المرفق", "attachment"},       {"附文", "attachment"},
  };
  char *t = docx_side_text(b->p, SIDE_A);
  const char *s = t + strspn(t, " \t"), *kind = NULL;
  for (size_t i = 0; i < sizeof words / sizeof words[0] && !kind; i++) {
    size_t n = strlen(words[i].word);
    if (strncmp(s, words[i].word, n) == 0 && strchr(" \t", s[n]))
      kind = words[i].kind;
  }
  free(t);
  return kind;
}

/* An annex line opens an annex; an appendix's or attachment's opens one
 * inside the last annex (at the end of it, where the vocabulary takes
 * them). */
static void new_annex(struct builder *bd, struct res_state *s, struct block *b) {
  const char *kind = annex_kind(b);
  s->annex = el(bd, kind && s->top ? s->top : s->res, "annex");
  if (kind)
    xmlNewProp(s->annex, (const xmlChar *)"kind", (const xmlChar *)kind);
  else
    s->top = s->annex;
  set_change(s->annex, b);
  annex_number(bd, s->annex, b);
  s->section = NULL;
  memset(s->heads, 0, sizeof s->heads);
  flow_start(&s->flow, s->annex, false);
}

/* A heading (Heading N) in an annex: a titled section at level N, in the
 * one of level N - 1; its label ("2.1") makes the annex's headings
 * numbered and is the section's num, checked as an item's. */
static void annex_heading(struct builder *bd, struct res_state *s, struct block *b) {
  int lv = b->level > 4 ? 4 : b->level;
  xmlNodePtr parent = s->annex;
  for (int k = lv - 2; k >= 0 && parent == s->annex; k--)
    if (s->heads[k])
      parent = s->heads[k];
  xmlNodePtr sec = el(bd, parent, "section");
  if (b->labelled) {
    if (!attr(s->annex, "headings"))
      xmlNewProp(s->annex, (const xmlChar *)"headings", (const xmlChar *)"numbered");
    if (b->num[0])
      xmlNewProp(sec, (const xmlChar *)"num", (const xmlChar *)b->num);
    if (b->was[0] && strcmp(b->was, b->num) != 0)
      xmlNewProp(sec, (const xmlChar *)"was", (const xmlChar *)b->was);
  }
  set_change(sec, b);
  fill(el(bd, sec, "title"), b);
  s->heads[lv - 1] = sec;
  for (int k = lv; k < 4; k++)
    s->heads[k] = NULL;
  s->section = sec;
  flow_start(&s->flow, sec, true);
}

static void resolution_block(struct builder *bd, struct res_state *s, struct block *b) {
  switch (b->role) {
  case ROLE_AFTERTITLE:
    if (!s->preamble && !s->operative && !s->annex) {
      fill(el(bd, need_preamble(bd, s), "authority"), b);
      return;
    }
    break;
  case ROLE_CALL:
    new_section(bd, s, b);
    return;
  case ROLE_ANNEXNO:
    new_annex(bd, s, b);
    return;
  case ROLE_HEADING:
    if (s->annex && b->level >= 1) {
      annex_heading(bd, s, b);
      return;
    }
    break;
  case ROLE_ANNEXTITLE:
    if (s->annex && !child_el(s->annex, "title")) {
      fill(el(bd, s->annex, "title"), b);
      return;
    }
    break;
  default:
    break;
  }
  if (s->annex && !s->section && b->labelled && b->depth == 0) {
    /* labelled items in an annex: a section without a call holds them */
    s->section = el(bd, s->annex, "section");
    flow_start(&s->flow, s->section, true);
  }
  if (!s->section && !s->annex)
    new_section(bd, s, NULL);
  place(bd, &s->flow, b);
}

/* Fills RES (a new resolution element) from the blocks, up to the end of
 * the amendment (or the file). */
static void build_resolution(struct builder *bd, xmlNodePtr res) {
  struct res_state s;
  memset(&s, 0, sizeof s);
  s.res = res;
  build_heading(bd, s.res);
  struct block *b;
  while ((b = peek(bd)) && !ends_part(b)) {
    if (b->role == ROLE_RESNO) {
      if (!res->parent || res->parent->type == XML_DOCUMENT_NODE)
        warn_block(bd, b, "a second resolution in one file is kept as a paragraph of the first");
      else
        break;
    }
    resolution_block(bd, &s, b);
    bd->i++;
  }
}

/* ------------------------------------------------------------ proposal */

/* "Summary", "Résumé", "Resumen" opening the paragraph: its heading
 * (Headingb), or in a paragraph of another style with its colon
 * ("Summary:<TAB>The ATU proposes …"), as delegations type it. */
static bool is_summary_word(const struct block *b) {
  static const char *const words[] = {"Summary", "Résumé", "Resumen", NULL};
  char *t = docx_side_text(b->p, SIDE_A);
  char *s = t + strspn(t, " \t");
  bool yes = false;
  for (size_t i = 0; words[i] && !yes; i++) {
    size_t n = strlen(words[i]);
    yes = strncmp(s, words[i], n) == 0 &&
          (b->role == ROLE_HEADINGB ? strchr(": \t", s[n]) != NULL : s[n] == ':');
  }
  free(t);
  return yes;
}

/* Removes the first SKIP characters (bytes) of P's text, in document
 * order, and the inline elements that are left empty. */
static void drop_text(xmlNodePtr p, size_t *skip) {
  for (xmlNodePtr n = p->children, next; n && *skip; n = next) {
    next = n->next;
    if (n->type == XML_TEXT_NODE) {
      size_t len = xmlStrlen(n->content);
      if (len <= *skip) {
        *skip -= len;
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      } else {
        xmlChar *rest = xmlStrdup(n->content + *skip); /* SetContent frees the old */
        xmlNodeSetContent(n, rest);
        xmlFree(rest);
        *skip = 0;
      }
    } else if (n->type == XML_ELEMENT_NODE && !is_el(n, "footnote") && !is_el(n, "ref")) {
      drop_text(n, skip);
      if (!n->children) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      }
    }
  }
}

/* "Reasons:<TAB>Clarity." in one paragraph, as many delegations write
 * it: the heading word goes (<reasons> prints it), the rest is the first
 * paragraph of the reasons, never dropped. Returns whether text is left. */
static bool drop_heading_word(xmlNodePtr p) {
  xmlChar *all = xmlNodeGetContent(p);
  const char *s = (const char *)all;
  size_t word = strcspn(s, ": \t");
  size_t skip = word + (s[word] == ':');
  skip += strspn(s + skip, " \t");
  bool rest = s[skip] != 0;
  xmlFree(all);
  if (rest)
    drop_text(p, &skip);
  return rest;
}

/* "MOD<TAB>ATU/35A18/1": the action and the reference. */
static void action_line(xmlNodePtr am, struct block *b) {
  tidy(b->p);
  char *t = docx_side_text(b->p, SIDE_A);
  char *s = t + strspn(t, " ");
  char action[8] = {0}; /* MOD, (v4) (MOD), ADD*, SUP* … */
  size_t len = symbol_prefix(s);
  if (!len) /* not a symbol: its first letters, which the schema then refuses */
    len = strlen(s) < 3 ? strlen(s) : 3;
  memcpy(action, s, len);
  xmlNewProp(am, (const xmlChar *)"action", (const xmlChar *)action);
  s += strlen(action);
  s += strspn(s, " ");
  size_t n = strlen(s);
  while (n && s[n - 1] == ' ')
    s[--n] = 0;
  if (n)
    xmlNewProp(am, (const xmlChar *)"ref", (const xmlChar *)s);
  free(t);
}

/* A resolution with reasons but no MOD/ADD/SUP/NOC line before it (a
 * draft whose proposal line was left out): MOD when it carries marks,
 * NOC otherwise, said in a warning. */
static void implied_action(struct builder *bd, xmlNodePtr am, const struct block *resno) {
  const char *action = diff_has_marks(am) ? "MOD" : "NOC";
  xmlNewProp(am, (const xmlChar *)"action", (const xmlChar *)action);
  char msg[160];
  snprintf(msg, sizeof msg,
           "a resolution with reasons and no MOD, ADD, SUP or NOC line before it: taken as %s "
           "(it %s revision marks)",
           action, action[0] == 'M' ? "carries" : "has no");
  warn_block(bd, resno, msg);
}

static void amendment(struct builder *bd, xmlNodePtr prop, struct block *b) {
  xmlNodePtr am = el(bd, prop, "amendment");
  bool stated = b->role == ROLE_PROPOSAL;
  if (stated) {
    action_line(am, b);
    bd->i++;
  }
  build_resolution(bd, el(bd, am, "resolution"));
  if (!stated)
    implied_action(bd, am, b);
  struct block *r = peek(bd);
  if (r && r->role == ROLE_REASONS) {
    xmlNodePtr reasons = el(bd, am, "reasons");
    if (drop_heading_word(r->p))
      para(bd, reasons, r);
    bd->i++;
    while ((r = peek(bd)) && r->role != ROLE_PROPOSAL && r->role != ROLE_HEADINGB &&
           r->role != ROLE_RESNO) {
      unlabel(r);
      para(bd, reasons, r);
      bd->i++;
    }
  }
}

static void build_proposal(struct builder *bd, xmlNodePtr root) {
  bool named = false; /* the summary's heading word was read */
  struct flow f;
  flow_start(&f, NULL, false);
  struct block *b;
  while ((b = peek(bd))) {
    if (b->role == ROLE_PROPOSAL || b->role == ROLE_RESNO) {
      amendment(bd, root, b);
      continue;
    }
    if (is_summary_word(b) && !named && !child_el(root, "amendment")) {
      /* the word goes (<summary> prints it); text after it is the
       * summary's next paragraph, after the cover lines before it (the
       * source, the title), which the summary already holds */
      named = true;
      xmlNodePtr summary = child_el(root, "summary");
      if (!summary) {
        summary = el(bd, root, "summary");
        if (root->children != summary) { /* the schema's order: before cover sections */
          xmlUnlinkNode(summary);
          xmlAddPrevSibling(root->children, summary);
        }
      }
      flow_start(&f, summary, false);
      if (drop_heading_word(b->p)) {
        unlabel(b);
        para(bd, f.host, b);
      }
    } else if (b->role == ROLE_HEADINGB || !f.host) {
      xmlNodePtr sec = el(bd, root, b->role == ROLE_HEADINGB ? "section" : "summary");
      if (b->role == ROLE_HEADINGB)
        fill(el(bd, sec, "title"), b);
      flow_start(&f, sec, false);
      if (b->role != ROLE_HEADINGB)
        place(bd, &f, b);
    } else if (is_el(f.host, "summary")) {
      unlabel(b);
      para(bd, f.host, b);
    } else {
      place(bd, &f, b);
    }
    bd->i++;
  }
}

/* ------------------------------------------------------------ report */

static int section_depth(const struct block *b) {
  const char *l = b->num[0] ? b->num : b->was;
  int d = 0;
  for (; *l; l++)
    d += *l == '.';
  return d;
}

static void build_report(struct builder *bd, xmlNodePtr root) {
  xmlNodePtr heading = el(bd, root, "heading"), fields = NULL, field = NULL;
  xmlNodePtr secs[6] = {0};
  struct flow f;
  flow_start(&f, NULL, false);
  struct block *b;
  int titles = 0;
  while ((b = peek(bd)) && b->role == ROLE_RESTITLE && titles < 2) {
    fill(el(bd, heading, titles++ ? "subtitle" : "title"), b);
    bd->i++;
  }
  if (!titles)
    el(bd, heading, "title");
  xmlNodePtr signature = NULL;
  for (; (b = peek(bd)); bd->i++) {
    bool numbered = b->labelled && (b->numbering == NUM_DECIMAL || b->numbering == NUM_ARABIC) &&
                    (b->role == ROLE_HEADING || b->role == ROLE_NORMAL) && b->depth == 0;
    if (b->role == ROLE_SIGNATURE) {
      if (!signature)
        signature = el(bd, root, "signature");
      fill(el(bd, signature, child_el(signature, "name") ? "role" : "name"), b);
    } else if (b->role == ROLE_HEADINGB && !secs[0]) {
      if (!fields)
        fields = el(bd, root, "fields");
      field = el(bd, fields, "field");
      char *t = docx_side_text(b->p, SIDE_A);
      tidy(b->p);
      char *s = t + strspn(t, " \t");
      size_t n = strlen(s);
      while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = 0;
      xmlNewProp(field, (const xmlChar *)"name", (const xmlChar *)s);
      free(t);
      flow_start(&f, field, false);
    } else if (numbered || (b->role == ROLE_HEADING && !b->labelled)) {
      int d = b->labelled ? section_depth(b) : (b->level > 0 ? b->level - 1 : 0);
      if (d > 5)
        d = 5;
      while (d > 0 && !secs[d - 1])
        d--;
      xmlNodePtr sec = el(bd, d ? secs[d - 1] : root, "section");
      for (int k = d + 1; k < 6; k++)
        secs[k] = NULL;
      secs[d] = sec;
      set_change(sec, b);
      b->change = MARK_NONE;
      if (b->role == ROLE_HEADING)
        fill(el(bd, sec, "title"), b);
      else
        para(bd, sec, b);
      flow_start(&f, sec, false);
    } else {
      if (!f.host) {
        xmlNodePtr sec = el(bd, root, "section");
        secs[0] = sec;
        flow_start(&f, sec, false);
      }
      place(bd, &f, b);
    }
  }
  /* the schema's order: heading, fields, sections, signature */
  if (signature) {
    xmlUnlinkNode(signature);
    xmlAddChild(root, signature);
  }
}

/* ------------------------------------------------------------ layout */

static bool is_inline_host(const xmlNode *n) {
  static const char *const names[] = {"p",     "title",  "call", "note", "authority", "adopted",
                                      "event", "number", "name", "role", "subtitle",  NULL};
  for (size_t i = 0; names[i]; i++)
    if (is_el(n, names[i]))
      return true;
  return false;
}

/* One element a line, indented, in the blocks only: whitespace added
 * inside running text would change it (libxml2's own formatting indents
 * a call holding only marks). */
static void indent(xmlNodePtr n, int depth) {
  if (is_inline_host(n) || !n->children)
    return;
  char pad[2 + 2 * 32];
  int w = depth > 30 ? 30 : depth;
  pad[0] = '\n';
  memset(pad + 1, ' ', (size_t)(2 * (w + 1)));
  pad[1 + 2 * (w + 1)] = 0;
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    xmlAddPrevSibling(c, xmlNewText((const xmlChar *)pad));
    indent(c, depth + 1);
  }
  pad[1 + 2 * w] = 0;
  xmlAddChild(n, xmlNewText((const xmlChar *)pad));
}

/* ------------------------------------------------------------ the document */

static bool any_role(const struct blocks *bs, enum role r) {
  for (size_t i = 0; i < bs->n; i++)
    if (bs->v[i].role == r)
      return true;
  return false;
}

static void build(struct builder *bd, xmlDocPtr doc) {
  /* reasons after a resolution make a proposal even without its MOD
   * line: the reasons have no place in a resolution */
  bool resno = any_role(bd->bs, ROLE_RESNO);
  const char *root_name =
      any_role(bd->bs, ROLE_PROPOSAL) || (resno && any_role(bd->bs, ROLE_REASONS)) ? "proposal"
      : resno                                                                      ? "resolution"
                                                                                   : "report";
  xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)root_name, NULL);
  xmlDocSetRootElement(doc, root);
  bd->r->ns = xmlNewNs(root, (const xmlChar *)RESC_NS, NULL);
  xmlSetNs(root, bd->r->ns);
  if (strcmp(root_name, "resolution") == 0)
    build_resolution(bd, root);
  else if (strcmp(root_name, "proposal") == 0)
    build_proposal(bd, root);
  else if (strcmp(root_name, "report") == 0)
    build_report(bd, root);
  static const char *const langs[] = {"fr", "en", "es", "ar", "zh", "ru"};
  for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
    if (strcmp(bd->bs->lang, langs[i]) == 0)
      xmlNodeSetLang(root, (const xmlChar *)langs[i]);
  for (size_t i = 0; i < bd->bs->n; i++)
    if (bd->bs->v[i].table)
      warn_block(bd, &bd->bs->v[i],
                 "a table has no place here in the vocabulary; its paragraphs are kept as "
                 "paragraphs");
  unnest_changes(root, NULL);
  numberings(root, "alpha");
  indent(root, 0);
}

int import_docx(const char *path, const struct import_options *o, xmlDocPtr *out, struct diags *d) {
  *out = NULL;
  struct docx_parts parts;
  if (docx_package_open(path, &parts, d) != 0)
    return -1;
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  struct docx_reader r = {.path = path, .o = o, .parts = &parts, .d = d, .out = doc};
  /* blocks are read before the root exists (its name depends on them):
   * their elements use a namespace of their own until they move into
   * the tree, where xmlReconciliateNs points them at the root's */
  xmlNodePtr holder = xmlNewDocNode(doc, NULL, (const xmlChar *)"holder", NULL);
  r.ns = xmlNewNs(holder, (const xmlChar *)RESC_NS, NULL);
  docx_styles_load(parts.styles, &r.styles);
  r.numbering = docx_numbering_load(parts.numbering);
  struct blocks bs;
  docx_document_read(&r, &bs);
  struct builder bd = {&r, &bs, 0};
  build(&bd, doc);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlReconciliateNs(doc, root);
  if (r.format_change_seen)
    diag_add_sev(d, path, 0, 0, SEV_NOTE, &rule_import,
                 "formatting-only revisions (tracked changes of formatting) are ignored");
  blocks_free(&bs);
  free(r.notes);
  docx_numbering_free(r.numbering);
  docx_styles_free(&r.styles);
  docx_parts_free(&parts);
  xmlFreeNode(holder);
  *out = doc;
  return 0;
}

bool import_is_word(const char *path) {
  size_t n = strlen(path);
  if (n >= 5 && strcasecmp(path + n - 5, ".docx") == 0)
    return true;
  FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
  if (!f)
    return false;
  unsigned char magic[4] = {0};
  size_t got = fread(magic, 1, sizeof magic, f);
  fclose(f);
  static const unsigned char zip[4] = {'P', 'K', 3, 4}, ole[4] = {0xD0, 0xCF, 0x11, 0xE0};
  return got == 4 && (memcmp(magic, zip, 4) == 0 || memcmp(magic, ole, 4) == 0);
}

xmlDocPtr import_load(const char *path, const struct import_options *o, struct diags *d,
                      int *status) {
  xmlDocPtr imported = NULL;
  if (import_docx(path, o, &imported, d) != 0) {
    *status = 2;
    return NULL;
  }
  /* the bytes `resc import` writes, read back as doc_load reads a file */
  xmlChar *buf = NULL;
  int len = 0;
  xmlDocDumpFormatMemoryEnc(imported, &buf, &len, "UTF-8", 0);
  xmlFreeDoc(imported);
  xmlDocPtr doc = buf ? doc_parse(path, (const char *)buf, (size_t)len, d) : NULL;
  xmlFree(buf);
  *status = doc ? 0 : 1;
  return doc;
}
