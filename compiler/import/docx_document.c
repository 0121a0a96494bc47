/* word/document.xml: takes the body, yields one block per paragraph:
 * its role (from its ITU style, or, in a file that uses Normal for
 * everything, from its text), its label split off, its inline content in
 * the vocabulary.
 *
 * Word's noise is dropped here: bookmarks, proofing marks, rsids,
 * permission and comment ranges; run fragmentation is merged (adjacent
 * runs of the same formatting and revision become one text); smart tags,
 * content controls, hyperlinks and simple fields give their content,
 * complex fields their result (never their code); soft hyphens vanish,
 * w:noBreakHyphen is U+2011, w:sym its character. Text boxes, which the
 * vocabulary has no place for, give their paragraphs, with a warning. A
 * table gives its paragraphs as blocks and, on its first block, itself as
 * a resc table: import.c places the one or the other. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/doc.h"
#include "core/symbol.h"
#include "core/xalloc.h"
#include "import/docx.h"

#define M_NS "http://schemas.openxmlformats.org/officeDocument/2006/math"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define FIELD_DEPTH 16

enum { F_BOLD = 1, F_ITALIC = 2, F_SUP = 4, F_SUB = 8 };

struct para {
  struct docx_reader *r;
  xmlNodePtr p;
  const char *part;
  long index;
  int field_depth;
  bool field_code[FIELD_DEPTH];
  bool all_italic, any_text, warned_box;
};

void docx_warn(struct docx_reader *r, const char *part, long index, const char *first,
               const char *fmt, ...) {
  if (r->quiet)
    return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_add(r->d, r->path, 0, 0, &rule_import, "%s, paragraph %ld (\"%s\"): %s", part, index,
           first ? first : "", msg);
}

/* ------------------------------------------------------------ inline content */

static bool same_attr(const xmlNode *n, const char *name, const char *v) {
  const char *a = attr(n, name);
  return (!a && !v) || (a && v && strcmp(a, v) == 0);
}

/* The revision's author and date as the vocabulary writes them: resc's
 * own placeholder author is no author; a date at midnight UTC is a date. */
static void mark_attrs(const struct revision *rev, const char **by, char date[32]) {
  *by = rev->by && *rev->by && strcmp(rev->by, "resc") != 0 ? rev->by : NULL;
  date[0] = 0;
  if (rev->date) {
    snprintf(date, 32, "%s", rev->date);
    char *t = strstr(date, "T00:00:00");
    if (t && (!t[9] || strcmp(t + 9, "Z") == 0))
      *t = 0;
  }
}

/* The element NAME to append to in PARENT: its last child when that is
 * one with the same attributes (runs merged), else a new one. */
static xmlNodePtr layer(struct para *pp, xmlNodePtr parent, const char *name, const char *by,
                        const char *date) {
  xmlNodePtr last = parent->last;
  if (last && is_el(last, name) && same_attr(last, "by", by) && same_attr(last, "date", date))
    return last;
  xmlNodePtr e = xmlNewChild(parent, pp->r->ns, (const xmlChar *)name, NULL);
  if (by)
    xmlNewProp(e, (const xmlChar *)"by", (const xmlChar *)by);
  if (date)
    xmlNewProp(e, (const xmlChar *)"date", (const xmlChar *)date);
  return e;
}

static xmlNodePtr mark_layer(struct para *pp, const struct revision *rev) {
  if (rev->kind == MARK_NONE)
    return pp->p;
  const char *by;
  char date[32];
  mark_attrs(rev, &by, date);
  return layer(pp, pp->p, rev->kind == MARK_INS ? "ins" : "del", by, *date ? date : NULL);
}

static void append_text(struct para *pp, const struct revision *rev, unsigned fmt, const char *s,
                        size_t n) {
  if (!n)
    return;
  xmlNodePtr at = mark_layer(pp, rev);
  static const struct {
    unsigned flag;
    const char *name;
  } layers[] = {{F_BOLD, "strong"}, {F_ITALIC, "em"}, {F_SUP, "sup"}, {F_SUB, "sub"}};
  for (size_t i = 0; i < sizeof layers / sizeof layers[0]; i++)
    if (fmt & layers[i].flag)
      at = layer(pp, at, layers[i].name, NULL, NULL);
  if (at->last && at->last->type == XML_TEXT_NODE)
    xmlNodeAddContentLen(at->last, (const xmlChar *)s, (int)n);
  else
    xmlAddChild(at, xmlNewTextLen((const xmlChar *)s, (int)n));
  for (size_t i = 0; i < n; i++)
    if (!isspace((unsigned char)s[i])) {
      pp->any_text = true;
      if (!(fmt & F_ITALIC))
        pp->all_italic = false;
      break;
    }
}

static void utf8(unsigned cp, char out[5]) {
  if (cp < 0x80) {
    out[0] = (char)cp, out[1] = 0;
  } else if (cp < 0x800) {
    out[0] = (char)(0xC0 | cp >> 6), out[1] = (char)(0x80 | (cp & 0x3F)), out[2] = 0;
  } else if (cp < 0x10000) {
    out[0] = (char)(0xE0 | cp >> 12), out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F)), out[3] = 0;
  } else {
    out[0] = (char)(0xF0 | cp >> 18), out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F)), out[4] = 0;
  }
}

/* w:sym: a character of a symbol font. Symbol fonts put their glyphs at
 * U+F020-U+F0FF; the ASCII ones among them are their characters, and the
 * Symbol font's common signs (≤ ≥ ± × → …) are mapped. */
static void symbol(struct para *pp, const xmlNode *sym, const struct revision *rev, unsigned fmt) {
  static const unsigned symbol_font[][2] = {
      {0xF0A3, 0x2264}, {0xF0B3, 0x2265}, {0xF0B1, 0x00B1}, {0xF0B4, 0x00D7}, {0xF0AE, 0x2192},
      {0xF0AC, 0x2190}, {0xF0B7, 0x2022}, {0xF0B9, 0x2260}, {0xF0BB, 0x2248}, {0xF0B0, 0x00B0}};
  const char *c = w_attr(sym, "char");
  unsigned cp = c ? (unsigned)strtoul(c, NULL, 16) : 0;
  if (cp >= 0xF020 && cp < 0xF07F)
    cp -= 0xF000;
  for (size_t i = 0; i < sizeof symbol_font / sizeof symbol_font[0]; i++)
    if (cp == symbol_font[i][0])
      cp = symbol_font[i][1];
  if (!cp || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
    return;
  char buf[5];
  utf8(cp, buf);
  append_text(pp, rev, fmt, buf, strlen(buf));
}

static bool in_field_code(const struct para *pp) {
  for (int i = 0; i < pp->field_depth && i < FIELD_DEPTH; i++)
    if (pp->field_code[i])
      return true;
  return false;
}

static void field_char(struct para *pp, const xmlNode *fc) {
  const char *t = w_attr(fc, "fldCharType");
  if (!t)
    return;
  if (strcmp(t, "begin") == 0) {
    if (pp->field_depth < FIELD_DEPTH)
      pp->field_code[pp->field_depth] = true;
    pp->field_depth++;
  } else if (strcmp(t, "separate") == 0 && pp->field_depth > 0) {
    if (pp->field_depth <= FIELD_DEPTH)
      pp->field_code[pp->field_depth - 1] = false;
  } else if (strcmp(t, "end") == 0 && pp->field_depth > 0) {
    pp->field_depth--;
  }
}

/* A symbol footnote (w:customMarkFollows): the text after the reference
 * in its run is its mark ("*", "†"), not text of the paragraph; the note
 * opens with it too. Returns the w:t elements the mark took. */
static int custom_mark(xmlNodePtr fn, const xmlNode *ref) {
  char mark[16] = {0};
  int taken = 0;
  for (const xmlNode *c = ref->next; c && (w_is(c, "t") || c->type != XML_ELEMENT_NODE);
       c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *t = xmlNodeGetContent(c);
    strncat(mark, (const char *)t, sizeof mark - 1 - strlen(mark));
    xmlFree(t);
    taken++;
  }
  size_t n = strlen(mark);
  if (!taken || !n || n > 8) /* the vocabulary's marks: up to 8 characters */
    return 0;
  xmlNewProp(fn, (const xmlChar *)"mark", (const xmlChar *)mark);
  /* the note opens with the mark (LibreOffice writes it twice) */
  xmlNodePtr p = fn->children;
  for (int twice = 0; p && twice < 2; twice++) {
    char *t = docx_side_text(p, SIDE_BOTH);
    bool opens = strncmp(t, mark, n) == 0;
    if (opens)
      docx_cut_prefix(p, n + strspn(t + n, " \t"));
    free(t);
    if (!opens)
      break;
  }
  return taken;
}

/* Returns the w:t elements after REF that were its custom mark. */
static int footnote_ref(struct para *pp, const xmlNode *ref, const struct revision *rev,
                        bool endnote) {
  xmlNodePtr fn = docx_footnote(pp->r, endnote, w_attr(ref, "id"), rev->kind);
  if (!fn) {
    docx_warn(pp->r, pp->part, pp->index, "", "a %s reference names no %s; it is left out",
              endnote ? "endnote" : "footnote", endnote ? "endnote" : "footnote");
    return 0;
  }
  const char *cm = w_attr(ref, "customMarkFollows");
  bool custom = cm && (strcmp(cm, "1") == 0 || strcmp(cm, "true") == 0 || strcmp(cm, "on") == 0);
  int taken = custom ? custom_mark(fn, ref) : 0;
  struct docx_reader *r = pp->r;
  if (!r->quiet) { /* a table's paragraphs read again: their notes are known */
    if (r->n_notes == r->cap_notes) {
      r->cap_notes = r->cap_notes ? 2 * r->cap_notes : 16;
      r->notes = xrealloc(r->notes, r->cap_notes * sizeof *r->notes);
    }
    r->notes[r->n_notes++] = fn;
  }
  xmlAddChild(mark_layer(pp, rev), fn);
  pp->any_text = true;
  return taken;
}

static void walk(struct para *pp, const xmlNode *n, struct revision rev);

static const char box_warning[] =
    "a text box has no place in the vocabulary; its text is kept in this paragraph";

/* Text boxes inside a drawing: their paragraphs' text joins this
 * paragraph (the vocabulary has no text box), with a warning. The
 * fallback of mc:AlternateContent repeats its choice: skipped. */
static void text_boxes(struct para *pp, const xmlNode *n, const struct revision *rev) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (c->ns && strcmp((const char *)c->ns->href, MC_NS) == 0 &&
        strcmp((const char *)c->name, "Fallback") == 0)
      continue;
    if (w_is(c, "txbxContent")) {
      pp->warned_box = true; /* reported with the paragraph's first words */
      for (const xmlNode *q = c->children; q; q = q->next)
        if (w_is(q, "p")) {
          append_text(pp, rev, 0, " ", 1);
          walk(pp, q, *rev);
        }
      continue;
    }
    text_boxes(pp, c, rev);
  }
}

static unsigned run_format(struct para *pp, const xmlNode *rpr, bool *underline, bool *strike) {
  unsigned fmt = 0;
  *underline = *strike = false;
  for (const xmlNode *c = rpr ? rpr->children : NULL; c; c = c->next) {
    if (w_is(c, "b"))
      fmt |= w_on(c) ? F_BOLD : 0;
    else if (w_is(c, "i"))
      fmt |= w_on(c) ? F_ITALIC : 0;
    else if (w_is(c, "vertAlign")) {
      const char *v = w_attr(c, "val");
      fmt |= v && strcmp(v, "superscript") == 0 ? F_SUP
             : v && strcmp(v, "subscript") == 0 ? F_SUB
                                                : 0;
    } else if (w_is(c, "u"))
      *underline = w_on(c);
    else if (w_is(c, "strike") || w_is(c, "dstrike"))
      *strike = *strike || w_on(c);
    else if (docx_is_format_change(c))
      pp->r->format_change_seen = true;
  }
  return fmt;
}

/* A run in the footnote reference style holding only "2" or "*": a
 * second call of the footnote numbered 2 (or marked *) before it, as
 * resc writes an fnref and drafters copy a reference. The footnote gets
 * an id if it has none. False when the run is not one. */
static bool second_call(struct para *pp, const xmlNode *run, const struct revision *rev) {
  const char *style = w_attr(w_child(w_child(run, "rPr"), "rStyle"), "val");
  bool footnote_style = false; /* FootnoteReference, LibreOffice's Footnote_20_anchor … */
  for (const char *c = style; c && *c && !footnote_style; c++)
    footnote_style = strncasecmp(c, "footnote", 8) == 0;
  if (!footnote_style)
    return false;
  xmlChar *t = NULL;
  for (const xmlNode *c = run->children; c; c = c->next)
    if (w_is(c, "t") && !t)
      t = xmlNodeGetContent(c);
    else if (c->type == XML_ELEMENT_NODE && !w_is(c, "rPr")) {
      xmlFree(t);
      return false;
    }
  const char *s = (const char *)t;
  size_t number = s && *s && strspn(s, "0123456789") == strlen(s) ? (size_t)atol(s) : 0;
  xmlNodePtr target = NULL;
  for (size_t i = 0, counted = 0; s && *s && i < pp->r->n_notes && !target; i++) {
    const char *mark = attr(pp->r->notes[i], "mark");
    counted += !mark;
    if (mark ? strcmp(mark, s) == 0 : counted == number)
      target = pp->r->notes[i];
  }
  xmlFree(t);
  if (!target)
    return false;
  if (!attr(target, "id")) {
    char id[32];
    for (size_t i = 0; i < pp->r->n_notes; i++)
      if (pp->r->notes[i] == target)
        snprintf(id, sizeof id, "fn-%zu", i + 1);
    xmlNewProp(target, (const xmlChar *)"id", (const xmlChar *)id);
  }
  xmlNodePtr ref = xmlNewChild(mark_layer(pp, rev), pp->r->ns, (const xmlChar *)"fnref", NULL);
  xmlNewProp(ref, (const xmlChar *)"to", (const xmlChar *)attr(target, "id"));
  pp->any_text = true;
  return true;
}

static void run(struct para *pp, const xmlNode *r, struct revision rev) {
  if (!in_field_code(pp) && second_call(pp, r, &rev))
    return;
  bool underline, strike;
  unsigned fmt = run_format(pp, w_child(r, "rPr"), &underline, &strike);
  if (pp->r->o->format_marks && rev.kind == MARK_NONE)
    rev.kind = docx_format_mark(underline, strike);
  for (const xmlNode *c = r->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (w_is(c, "fldChar")) {
      field_char(pp, c);
      continue;
    }
    if (in_field_code(pp))
      continue;
    if (w_is(c, "t") || w_is(c, "delText")) {
      xmlChar *t = xmlNodeGetContent(c);
      /* U+00AD soft hyphen: a hyphenation hint, not text */
      const char *s = (const char *)t;
      for (const char *sh; s && (sh = strstr(s, "\xC2\xAD"));) {
        append_text(pp, &rev, fmt, s, (size_t)(sh - s));
        s = sh + 2;
      }
      if (s)
        append_text(pp, &rev, fmt, s, strlen(s));
      xmlFree(t);
    } else if (w_is(c, "tab") || w_is(c, "ptab")) {
      append_text(pp, &rev, fmt, "\t", 1);
    } else if (w_is(c, "br") || w_is(c, "cr")) {
      append_text(pp, &rev, fmt, " ", 1);
    } else if (w_is(c, "noBreakHyphen")) {
      append_text(pp, &rev, fmt, "\xE2\x80\x91", 3);
    } else if (w_is(c, "sym")) {
      symbol(pp, c, &rev, fmt);
    } else if (w_is(c, "footnoteReference") || w_is(c, "endnoteReference")) {
      for (int skip = footnote_ref(pp, c, &rev, w_is(c, "endnoteReference")); skip > 0;)
        if ((c = c->next)->type == XML_ELEMENT_NODE)
          skip--;
    } else if (w_is(c, "drawing") || w_is(c, "pict") || w_is(c, "object") ||
               (c->ns && strcmp((const char *)c->ns->href, MC_NS) == 0)) {
      text_boxes(pp, c, &rev);
    }
    /* rPr, instrText, footnoteRef, separators, softHyphen,
     * lastRenderedPageBreak, commentReference …: nothing to keep */
  }
}

static bool skipped(const xmlNode *c) {
  static const char *const names[] = {"pPr",
                                      "rPr",
                                      "bookmarkStart",
                                      "bookmarkEnd",
                                      "proofErr",
                                      "permStart",
                                      "permEnd",
                                      "commentRangeStart",
                                      "commentRangeEnd",
                                      "moveFromRangeStart",
                                      "moveFromRangeEnd",
                                      "moveToRangeStart",
                                      "moveToRangeEnd",
                                      "sdtPr",
                                      "sdtEndPr",
                                      "customXmlPr",
                                      "customXmlInsRangeStart",
                                      "customXmlInsRangeEnd",
                                      "customXmlDelRangeStart",
                                      "customXmlDelRangeEnd",
                                      "smartTagPr"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (w_is(c, names[i]))
      return true;
  return false;
}

/* The content of a paragraph (or of what wraps runs in it: revisions,
 * hyperlinks, smart tags, content controls, simple fields, math). */
static void walk(struct para *pp, const xmlNode *n, struct revision rev) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || skipped(c))
      continue;
    if (w_is(c, "r")) {
      run(pp, c, rev);
    } else if (docx_revision_of(c).kind != MARK_NONE) {
      walk(pp, c, docx_revision_of(c));
    } else if (c->ns && strcmp((const char *)c->ns->href, M_NS) == 0 &&
               strcmp((const char *)c->name, "t") == 0) {
      xmlChar *t = xmlNodeGetContent(c);
      append_text(pp, &rev, 0, (const char *)t, strlen((const char *)t));
      xmlFree(t);
    } else {
      walk(pp, c, rev);
    }
  }
}

xmlNodePtr docx_paragraph_content(struct docx_reader *r, const xmlNode *wp, const char *part,
                                  long index) {
  struct para pp = {r, NULL, part, index, 0, {0}, true, false, false};
  pp.p = xmlNewNode(r->ns, (const xmlChar *)"p");
  struct revision none = {MARK_NONE, NULL, NULL};
  walk(&pp, wp, none);
  if (pp.warned_box)
    docx_warn(r, part, index, "", "%s", box_warning);
  return pp.p;
}

/* ------------------------------------------------------------ labels */

static const char *const suffixes[] = {"bis",     "ter",    "quater", "quinquies", "sexies",
                                       "septies", "octies", "novies", "decies"};

static size_t suffix_len(const char *s) {
  for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
    if (strcmp(s, suffixes[i]) == 0)
      return strlen(s);
  return 0;
}

/* An Arabic text's letters (أ) ب) ج)) read as the Latin ones num= keeps
 * (core/label.h), in place: "ب)" becomes "b)". */
static void latin_letters(char *l) {
  size_t i = 0, j = 0;
  for (char c; (c = label_from_abjad(l + i)) != 0; i += 2)
    l[j++] = c;
  memmove(l + j, l + i, strlen(l + i) + 1);
}

/* Reads a printed label ("a)", "b)bis", "iv)", "1", "3ter", "a.", "–",
 * "4.1"): its bare form into BARE and its kind. An empty label is
 * valid and has no kind (a label on one side only). */
static bool parse_label(const char *s, char *bare, size_t size, enum numbering *kind) {
  while (*s == ' ')
    s++;
  size_t n = strlen(s);
  while (n && s[n - 1] == ' ')
    n--;
  char l[LABEL_MAX];
  if (n >= sizeof l)
    return false;
  memcpy(l, s, n);
  l[n] = 0;
  bare[0] = 0;
  if (!n)
    return true;
  latin_letters(l);
  static const char *const dashes[] = {"\xE2\x80\x93", "-",        "\xE2\x80\x94",
                                       "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA",
                                       "\xEF\x82\xA7"};
  for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
    if (strcmp(l, dashes[i]) == 0) {
      /* "•" typed as text is a (v3) bullet list, as resc writes it; a
       * Word bullet of another shape stands for ITU's dash */
      *kind = i == 3 ? NUM_BULLET : NUM_DASH;
      return true;
    }
  size_t k = 0;
  while (l[k] >= 'a' && l[k] <= 'z')
    k++;
  if (k && k <= 4 && l[k] == ')' && (!l[k + 1] || suffix_len(l + k + 1))) {
    *kind = NUM_ALPHA;
    snprintf(bare, size, "%.*s%s", (int)k, l, l + k + 1);
    return true;
  }
  if (k && k <= 4 && l[k] == '.' && !l[k + 1]) {
    *kind = NUM_ALPHA_DOT;
    snprintf(bare, size, "%.*s", (int)k, l);
    return true;
  }
  if (k)
    return false;
  bool dots = false;
  while ((l[k] >= '0' && l[k] <= '9') || (l[k] == '.' && k && isdigit((unsigned char)l[k + 1])))
    dots |= l[k++] == '.';
  if (!k || k > 12)
    return false;
  const char *rest = l + k;
  size_t sl = suffix_len(rest);
  if (!(sl || !*rest || strcmp(rest, ".") == 0 || strcmp(rest, ")") == 0))
    return false;
  /* "1)": a (v3) arabic-paren list, as PP Res. 211 has; ITU's operative
   * items are "1" alone */
  *kind = dots ? NUM_DECIMAL : strcmp(rest, ")") == 0 ? NUM_ARABIC_PAREN : NUM_ARABIC;
  snprintf(bare, size, "%.*s%s", (int)k, l, sl ? rest : "");
  return true;
}

/* Splits off the label before the first tab (after the indent's tabs):
 * "[-e-]{+f+})<TAB>text" gives was "e", num "f". */
static bool split_label(struct block *b, bool spaces_too) {
  char *all = docx_side_text(b->p, SIDE_BOTH);
  size_t at = (size_t)b->indent, end = at;
  while (all[end] && all[end] != '\t' && end - at < 40)
    end++;
  size_t skip = 1;
  if (all[end] != '\t' && spaces_too) {
    /* a label typed with spaces: "a) text", "– text" (not "1 text":
     * a number starts many sentences) */
    end = at;
    while (all[end] && all[end] != ' ' && end - at < 12)
      end++;
    skip = 0;
    while (all[end + skip] == ' ')
      skip++;
    if (!skip || end == at || isdigit((unsigned char)all[end - 1]))
      end = strlen(all);
  }
  bool ok = false;
  if (all[end] && end > at) {
    xmlNodePtr lead = docx_slice(b->p, at, end);
    char *o = docx_side_text(lead, SIDE_O), *a = docx_side_text(lead, SIDE_A);
    enum numbering ko = NUM_NONE, ka = NUM_NONE;
    ok = parse_label(o, b->was, sizeof b->was, &ko) && parse_label(a, b->num, sizeof b->num, &ka) &&
         (*o || *a) && (!*o || !*a || ko == ka);
    if (ok) {
      /* a paragraph changed whole has one side's label */
      if (b->change == MARK_DEL)
        b->num[0] = 0;
      else if (b->change == MARK_INS)
        b->was[0] = 0;
      b->numbering = *a ? ka : ko;
      b->labelled = true;
      docx_cut_prefix(b->p, end + skip);
    } else {
      b->num[0] = b->was[0] = 0;
    }
    free(o);
    free(a);
    xmlFreeNode(lead);
  }
  free(all);
  return ok;
}

/* ------------------------------------------------------------ blocks */

static struct block *new_block(struct blocks *bs) {
  if (bs->n == bs->cap) {
    bs->cap = bs->cap ? 2 * bs->cap : 64;
    struct block *v = realloc(bs->v, bs->cap * sizeof *v);
    if (!v)
      abort();
    bs->v = v;
  }
  struct block *b = &bs->v[bs->n++];
  memset(b, 0, sizeof *b);
  return b;
}

void blocks_free(struct blocks *b) {
  for (size_t i = 0; i < b->n; i++) {
    xmlFreeNode(b->v[i].p);
    xmlFreeNode(b->v[i].table);
    free(b->v[i].by);
    free(b->v[i].date);
  }
  free(b->v);
  memset(b, 0, sizeof *b);
}

static void first_words(struct block *b) {
  char *t = docx_side_text(b->p, SIDE_BOTH);
  size_t k = 0;
  for (const char *s = t + strspn(t, " \t"); *s && k + 4 < sizeof b->first; s++) {
    char c = (unsigned char)*s < 0x20 ? ' ' : *s;
    if (c == '"' || (c == ' ' && k && b->first[k - 1] == ' '))
      continue;
    b->first[k++] = c;
  }
  /* do not cut a UTF-8 sequence in two */
  while (k && ((unsigned char)b->first[k - 1] & 0xC0) == 0x80)
    k--;
  if (k && (unsigned char)b->first[k - 1] >= 0xC0)
    k--;
  b->first[k] = 0;
  if (strlen(t) > k && k > 0)
    strcat(b->first, "…");
  free(t);
}

static int leading_tabs(const xmlNode *p) {
  char *t = docx_side_text(p, SIDE_BOTH);
  int n = 0;
  while (t[n] == '\t')
    n++;
  free(t);
  return n;
}

/* Word's automatic number as a typed label before a tab. */
static void number_label(struct docx_reader *r, struct block *b, int num_id, int ilvl) {
  char label[LABEL_MAX];
  if (!num_id || !docx_numbering_next(r->numbering, num_id, ilvl, label, sizeof label))
    return;
  xmlNodePtr t = xmlNewText((const xmlChar *)label);
  xmlAddNextSibling(t, xmlNewText((const xmlChar *)"\t")); /* merged */
  if (b->p->children)
    xmlAddPrevSibling(b->p->children, t);
  else
    xmlAddChild(b->p, t);
}

static void read_paragraph(struct docx_reader *r, struct blocks *bs, const xmlNode *wp,
                           long index) {
  xmlNodePtr ppr = w_child(wp, "pPr");
  const struct style *st = docx_style(&r->styles, w_attr(w_child(ppr, "pStyle"), "val"));
  for (const xmlNode *c = ppr ? ppr->children : NULL; c; c = c->next)
    if (docx_is_format_change(c))
      r->format_change_seen = true;
  struct para pp = {r, NULL, "word/document.xml", index, 0, {0}, true, false, false};
  pp.p = xmlNewNode(r->ns, (const xmlChar *)"p");
  struct revision none = {MARK_NONE, NULL, NULL};
  walk(&pp, wp, none);
  if (!pp.any_text) {
    xmlFreeNode(pp.p);
    return;
  }
  struct block *b = new_block(bs);
  b->p = pp.p;
  b->index = index;
  b->italic = pp.all_italic || (st && st->italic);
  b->role = st ? st->role : ROLE_NORMAL;
  b->level = st ? st->level : 0;
  b->depth = b->role == ROLE_ENUMLEV ? b->level : 0;
  if (b->role == ROLE_FOOTNOTE)
    b->role = ROLE_NORMAL;
  b->left = st && st->left >= 0 ? st->left - st->hanging : 0;
  xmlNodePtr ind = w_child(ppr, "ind");
  if (ind) {
    const char *l = w_attr(ind, "left") ? w_attr(ind, "left") : w_attr(ind, "start");
    const char *h = w_attr(ind, "hanging"), *f = w_attr(ind, "firstLine");
    b->left = (l ? atoi(l) : 0) - (h ? atoi(h) : 0) + (f ? atoi(f) : 0);
  }
  xmlNodePtr numpr = w_child(ppr, "numPr");
  int num_id = st ? st->num_id : 0, ilvl = st ? st->ilvl : 0;
  if (numpr) {
    const char *id = w_attr(w_child(numpr, "numId"), "val");
    const char *lv = w_attr(w_child(numpr, "ilvl"), "val");
    num_id = id ? atoi(id) : num_id;
    ilvl = lv ? atoi(lv) : ilvl;
  }
  if (num_id) {
    number_label(r, b, num_id, ilvl);
    b->depth = ilvl;
    b->level = -1 - ilvl; /* says: the depth came from numbering */
  }
  b->change = docx_whole_change(b->p, &b->by, &b->date);
  first_words(b);
  if (pp.warned_box)
    docx_warn(r, "word/document.xml", index, b->first, "%s", box_warning);
  b->indent = leading_tabs(b->p);
  if (!split_label(b, !bs->itu))
    docx_cut_prefix(b->p, (size_t)b->indent);
  else
    b->indent = 0;
}

static void read_body(struct docx_reader *r, struct blocks *bs, const xmlNode *body, long *index,
                      int table_depth);

/* ------------------------------------------------------------ tables */

#define MAX_COLS 64

struct table_state {
  struct docx_reader *r;
  long index;                 /* the paragraphs' numbers, as read_body counts them */
  xmlNodePtr start[MAX_COLS]; /* the cell a vertical merge started in, by grid column */
  xmlNodePtr start_row[MAX_COLS];
};

static void add_cell_paragraphs(struct table_state *ts, xmlNodePtr cell, const xmlNode *n);

static void cell_paragraph(struct table_state *ts, xmlNodePtr cell, const xmlNode *wp) {
  xmlNodePtr p = docx_paragraph_content(ts->r, wp, "word/document.xml", ++ts->index);
  xmlAddChild(cell, p);
  /* the paragraph's number, by which import.c finds its block (label
   * split off, depth known) to make a list of the cell's labelled ones */
  char index[24];
  snprintf(index, sizeof index, "%ld", ts->index);
  xmlNewProp(p, (const xmlChar *)"_index", (const xmlChar *)index);
  const char *jc = w_attr(w_child(w_child(wp, "pPr"), "jc"), "val");
  const char *align = !jc                                                  ? "left"
                      : strcmp(jc, "center") == 0                          ? "center"
                      : strcmp(jc, "right") == 0 || strcmp(jc, "end") == 0 ? "right"
                                                                           : "left";
  /* the cell's alignment is its paragraphs' when they all agree */
  const char *was = attr(cell, "_align");
  if (!was)
    xmlNewProp(cell, (const xmlChar *)"_align", (const xmlChar *)align);
  else if (strcmp(was, align) != 0)
    xmlSetProp(cell, (const xmlChar *)"_align", (const xmlChar *)"mixed");
}

/* A cell's paragraphs; a nested table's paragraphs join the cell's (the
 * vocabulary has no table in a table). */
static void add_cell_paragraphs(struct table_state *ts, xmlNodePtr cell, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (w_is(c, "p"))
      cell_paragraph(ts, cell, c);
    else if (w_is(c, "tbl") || w_is(c, "tr") || w_is(c, "tc") || w_is(c, "sdt") ||
             w_is(c, "sdtContent") || w_is(c, "customXml") || w_is(c, "smartTag") ||
             docx_revision_of(c).kind != MARK_NONE)
      add_cell_paragraphs(ts, cell, c);
  }
}

static void finish_cell(xmlNodePtr cell) {
  xmlNodePtr p = cell->children;
  if (!p)
    xmlNewChild(cell, cell->ns, (const xmlChar *)"p", NULL);
  const char *align = attr(cell, "_align");
  if (align && (strcmp(align, "center") == 0 || strcmp(align, "right") == 0))
    xmlNewProp(cell, (const xmlChar *)"align", (const xmlChar *)align);
  xmlUnsetProp(cell, (const xmlChar *)"_align");
}

static int span_of(const xmlNode *tcpr) {
  const char *v = w_attr(w_child(tcpr, "gridSpan"), "val");
  int n = v ? atoi(v) : 1;
  return n < 1 ? 1 : n > MAX_COLS ? MAX_COLS : n;
}

static void set_int(xmlNodePtr n, const char *name, int v) {
  char buf[16];
  snprintf(buf, sizeof buf, "%d", v);
  xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)buf);
}

static void table_cell(struct table_state *ts, xmlNodePtr row, const xmlNode *tc, int *col) {
  xmlNodePtr tcpr = w_child(tc, "tcPr");
  int span = span_of(tcpr), at = *col < MAX_COLS ? *col : MAX_COLS - 1;
  if (at + span > MAX_COLS) /* the vocabulary's widest table */
    span = MAX_COLS - at > 1 ? MAX_COLS - at : 1;
  *col += span;
  xmlNodePtr vm = w_child(tcpr, "vMerge");
  const char *how = w_attr(vm, "val");
  xmlNodePtr start = ts->start[at];
  /* a continuation joins the cell above, unless the rows differ in
   * change (a span may not cross a changed row) */
  if (vm && (!how || strcmp(how, "continue") == 0) && start &&
      same_attr(row, "change", attr(ts->start_row[at], "change"))) {
    const char *rs = attr(start, "rowspan");
    set_int(start, "rowspan", (rs ? atoi(rs) : 1) + 1);
    xmlNodePtr tmp = xmlNewNode(start->ns, (const xmlChar *)"cell");
    add_cell_paragraphs(ts, tmp, tc);
    /* no text may be lost: what a continuation holds joins the start */
    for (xmlNodePtr p = tmp->children, next; p; p = next) {
      next = p->next;
      xmlUnlinkNode(p);
      char *t = docx_side_text(p, SIDE_BOTH);
      bool empty = strspn(t, " \t") == strlen(t);
      free(t);
      if (empty)
        xmlFreeNode(p);
      else
        xmlAddChild(start, p);
    }
    xmlFreeNode(tmp);
    return;
  }
  xmlNodePtr cell = xmlNewChild(row, row->ns, (const xmlChar *)"cell", NULL);
  if (span > 1)
    set_int(cell, "colspan", span);
  add_cell_paragraphs(ts, cell, tc);
  finish_cell(cell);
  for (int k = at; k < at + span && k < MAX_COLS; k++) {
    ts->start[k] = vm && how && strcmp(how, "restart") == 0 && k == at ? cell : NULL;
    ts->start_row[k] = row;
  }
}

static void set_mark(xmlNodePtr n, enum mark m, const char *by, const char *date) {
  xmlSetProp(n, (const xmlChar *)"change", (const xmlChar *)(m == MARK_INS ? "ins" : "del"));
  if (by && strcmp(by, "resc") != 0)
    xmlSetProp(n, (const xmlChar *)"by", (const xmlChar *)by);
  if (date)
    xmlSetProp(n, (const xmlChar *)"date", (const xmlChar *)date);
}

/* A cell paragraph whose text is all inserted (or deleted) is changed
 * whole; a row whose paragraphs all are, is (Word with --marks format,
 * or a row Word tracked only in its text). */
static void row_changes(xmlNodePtr row) {
  enum mark all = MARK_NONE;
  bool same = true;
  for (xmlNodePtr cell = row->children; cell; cell = cell->next)
    for (xmlNodePtr p = cell->children; p; p = p->next) {
      if (!is_el(p, "p") || !p->children)
        continue;
      char *by = NULL, *date = NULL;
      enum mark m = docx_whole_change(p, &by, &date);
      if (m != MARK_NONE)
        set_mark(p, m, by, date);
      if (all == MARK_NONE && same)
        all = m;
      same = same && m == all;
      if (m == MARK_NONE)
        same = false;
      free(by), free(date);
    }
  if (!same || all == MARK_NONE || attr(row, "change"))
    return;
  const char *by = NULL, *date = NULL;
  for (xmlNodePtr cell = row->children; cell; cell = cell->next)
    for (xmlNodePtr p = cell->children; p; p = p->next) {
      if (!by && attr(p, "by"))
        by = attr(p, "by");
      if (!date && attr(p, "date"))
        date = attr(p, "date");
    }
  xmlChar *b = by ? xmlStrdup((const xmlChar *)by) : NULL;
  xmlChar *d = date ? xmlStrdup((const xmlChar *)date) : NULL;
  for (xmlNodePtr cell = row->children; cell; cell = cell->next)
    for (xmlNodePtr p = cell->children; p; p = p->next) {
      xmlUnsetProp(p, (const xmlChar *)"change");
      xmlUnsetProp(p, (const xmlChar *)"by");
      xmlUnsetProp(p, (const xmlChar *)"date");
    }
  set_mark(row, all, (const char *)b, (const char *)d);
  xmlFree(b), xmlFree(d);
}

static void table_row(struct table_state *ts, xmlNodePtr table, const xmlNode *tr) {
  xmlNodePtr row = xmlNewChild(table, table->ns, (const xmlChar *)"row", NULL);
  xmlNodePtr trpr = w_child(tr, "trPr");
  if (w_child(trpr, "tblHeader") && w_on(w_child(trpr, "tblHeader")))
    xmlNewProp(row, (const xmlChar *)"header", (const xmlChar *)"true");
  for (const xmlNode *c = trpr ? trpr->children : NULL; c; c = c->next) {
    struct revision rev = docx_revision_of(c);
    if (rev.kind != MARK_NONE && !attr(row, "change"))
      xmlNewProp(row, (const xmlChar *)"change",
                 (const xmlChar *)(rev.kind == MARK_INS ? "ins" : "del"));
  }
  int col = 0;
  for (const xmlNode *c = tr->children; c; c = c->next) {
    if (w_is(c, "tc"))
      table_cell(ts, row, c, &col);
    else if (w_is(c, "sdt") || w_is(c, "customXml"))
      for (const xmlNode *k = w_is(c, "sdt") ? w_child(c, "sdtContent") : c; k; k = NULL)
        for (const xmlNode *tc = k->children; tc; tc = tc->next)
          if (w_is(tc, "tc"))
            table_cell(ts, row, tc, &col);
  }
  for (int k = col; k < MAX_COLS; k++)
    ts->start[k] = NULL;
  row_changes(row);
  if (!row->children) {
    xmlUnlinkNode(row);
    xmlFreeNode(row);
  }
}

/* The Word table TBL as a resc table, its paragraphs numbered from
 * INDEX + 1 as read_body numbers them; NULL when it has no row. */
static xmlNodePtr read_table(struct docx_reader *r, const xmlNode *tbl, long index) {
  struct table_state ts;
  memset(&ts, 0, sizeof ts);
  ts.r = r;
  ts.index = index;
  xmlNodePtr table = xmlNewNode(r->ns, (const xmlChar *)"table");
  r->quiet = true; /* read_body has read (and warned about) these paragraphs */
  for (const xmlNode *c = tbl->children; c; c = c->next)
    if (w_is(c, "tr"))
      table_row(&ts, table, c);
  r->quiet = false;
  if (!table->children) {
    xmlFreeNode(table);
    return NULL;
  }
  return table;
}

/* A paragraph of style Tabletitle just before the table is its title:
 * a copy of its content titles the table, and its block, the table's
 * first, stands for it. Returns the table's first block. */
static size_t table_title(struct blocks *bs, const xmlNode *tbl, size_t before, long index,
                          xmlNodePtr table) {
  const xmlNode *prev = tbl->prev;
  while (prev && prev->type != XML_ELEMENT_NODE)
    prev = prev->prev;
  const char *style = w_attr(w_child(w_child(prev, "pPr"), "pStyle"), "val");
  if (!prev || !w_is(prev, "p") || !style || strcasecmp(style, "Tabletitle") != 0 || !before)
    return before;
  struct block *b = &bs->v[before - 1];
  if (b->index != index || b->labelled || b->table || b->change != MARK_NONE)
    return before;
  xmlNodePtr title = xmlNewNode(table->ns, (const xmlChar *)"title");
  for (xmlNodePtr c = b->p->children; c; c = c->next)
    xmlAddChild(title, xmlDocCopyNode(c, NULL, 1));
  xmlAddPrevSibling(table->children, title);
  return before - 1;
}

static void read_body(struct docx_reader *r, struct blocks *bs, const xmlNode *body, long *index,
                      int table_depth) {
  for (const xmlNode *c = body->children; c; c = c->next) {
    if (w_is(c, "p")) {
      read_paragraph(r, bs, c, ++*index);
    } else if (w_is(c, "tbl")) {
      size_t before = bs->n;
      long at = *index;
      if (table_depth < 8) {
        /* rows and cells, in order */
        for (const xmlNode *tr = c->children; tr; tr = tr->next)
          for (const xmlNode *tc = tr->children; w_is(tr, "tr") && tc; tc = tc->next)
            if (w_is(tc, "tc") || w_is(tc, "sdt") || w_is(tc, "customXml"))
              read_body(r, bs, tc, index, table_depth + 1);
      }
      if (bs->n > before && table_depth == 0) {
        /* the paragraphs stay blocks: where the table cannot stand
         * (import.c decides), they are kept as paragraphs */
        xmlNodePtr table = read_table(r, c, at);
        size_t first = table ? table_title(bs, c, before, at, table) : before;
        bs->v[first].table = table;
        bs->v[first].table_n = bs->n - first;
      }
    } else if (w_is(c, "sdt") || w_is(c, "sdtContent") || w_is(c, "customXml") ||
               w_is(c, "smartTag") || docx_revision_of(c).kind != MARK_NONE) {
      read_body(r, bs, c, index, table_depth);
    }
  }
}

/* ------------------------------------------------------------ recognition */

static char *amended_text(const struct block *b) {
  char *t = docx_side_text(b->p, SIDE_A);
  char *s = t;
  while (*s == ' ' || *s == '\t')
    s++;
  memmove(t, s, strlen(s) + 1);
  size_t n = strlen(t);
  while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
    t[--n] = 0;
  return t;
}

static bool starts_with_word(const char *s, const char *const *words) {
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    if (strncmp(s, words[i], n) == 0 && (!s[n] || s[n] == ' ' || s[n] == ':' || s[n] == ','))
      return true;
  }
  return false;
}

/* The words that open a call, in English, French and Spanish: lower
 * case, as printed. */
static const char *const call_words[] = {"considering",
                                         "recognizing",
                                         "recognising",
                                         "noting",
                                         "recalling",
                                         "bearing in mind",
                                         "having regard",
                                         "aware",
                                         "emphasizing",
                                         "emphasising",
                                         "taking into account",
                                         "observing",
                                         "further considering",
                                         "further recognizing",
                                         "further noting",
                                         "mindful",
                                         "acknowledging",
                                         "convinced",
                                         "concerned",
                                         "welcoming",
                                         "reaffirming",
                                         "resolves",
                                         "instructs",
                                         "invites",
                                         "requests",
                                         "encourages",
                                         "decides",
                                         "urges",
                                         "calls upon",
                                         "appeals",
                                         "further resolves",
                                         "considérant",
                                         "reconnaissant",
                                         "notant",
                                         "rappelant",
                                         "ayant à l'esprit",
                                         "tenant compte",
                                         "consciente",
                                         "conscient",
                                         "soulignant",
                                         "prenant note",
                                         "observant",
                                         "convaincue",
                                         "préoccupée",
                                         "se félicitant",
                                         "réaffirmant",
                                         "décide",
                                         "charge",
                                         "invite",
                                         "prie",
                                         "encourage",
                                         "demande",
                                         "considerando",
                                         "reconociendo",
                                         "observando",
                                         "recordando",
                                         "teniendo en cuenta",
                                         "consciente",
                                         "destacando",
                                         "tomando nota",
                                         "convencida",
                                         "preocupada",
                                         "acogiendo",
                                         "reafirmando",
                                         "resuelve",
                                         "encarga",
                                         "invita",
                                         "pide",
                                         "alienta",
                                         "solicita",
                                         "decide",
                                         NULL};

static bool is_call(const struct block *b, const char *t) {
  size_t n = strlen(t);
  if (!n || n > 120 || b->labelled)
    return false;
  char low[128];
  size_t k = 0;
  for (const char *s = t; *s && k + 1 < sizeof low; s++)
    low[k++] = (char)tolower((unsigned char)*s);
  low[k] = 0;
  if (!starts_with_word(low, call_words))
    return false;
  /* a call is italic, or short and ends without a sentence's punctuation */
  return b->italic || (n < 60 && strchr(".;", t[n - 1]) == NULL);
}

static bool in_parens(const char *t) {
  size_t n = strlen(t);
  return n >= 2 && t[0] == '(' && t[n - 1] == ')';
}

static bool matches_any(const char *t, const char *const *words) {
  for (size_t i = 0; words[i]; i++)
    if (strcmp(t, words[i]) == 0)
      return true;
  return false;
}

/* The words of a heading line and what they say: the kind of text
 * (docs/vocabulary.md, `kind`) and its language. */
static const struct {
  const char *word, *kind, *lang;
} heading_words[] = {
    {"RESOLUTION", "resolution", "en"},
    {"Resolution", "resolution", "en"},
    {"RÉSOLUTION", "resolution", "fr"},
    {"Résolution", "resolution", "fr"},
    {"RESOLUCIÓN", "resolution", "es"},
    {"Resolución", "resolution", "es"},
    {"DECISION", "decision", "en"},
    {"Decision", "decision", "en"},
    {"DÉCISION", "decision", "fr"},
    {"Décision", "decision", "fr"},
    {"DECISIÓN", "decision", "es"},
    {"Decisión", "decision", "es"},
    {"OPINION", "opinion", "en"},
    {"Opinion", "opinion", "en"},
    {"AVIS", "opinion", "fr"},
    {"Avis", "opinion", "fr"},
    {"OPINIÓN", "opinion", "es"},
    {"Opinión", "opinion", "es"},
    {"RECOMMENDATION", "recommendation", "en"},
    {"Recommendation", "recommendation", "en"},
    {"RECOMMANDATION", "recommendation", "fr"},
    {"Recommandation", "recommendation", "fr"},
    {"RECOMENDACIÓN", "recommendation", "es"},
    {"Recomendación", "recommendation", "es"},
    {"РЕЗОЛЮЦИЯ", "resolution", "ru"},
    {"РЕШЕНИЕ", "decision", "ru"},
    {"МНЕНИЕ", "opinion", "ru"},
    {"РЕКОМЕНДАЦИЯ", "recommendation", "ru"},
    {"القرار", "resolution", "ar"},
    {"المقرر", "decision", "ar"},
    {"الرأي", "opinion", "ar"},
    {"التوصية", "recommendation", "ar"},
    {"决议", "resolution", "zh"},
    {"决定", "decision", "zh"},
    {"意见", "opinion", "zh"},
    {"建议", "recommendation", "zh"},
};

/* The Chinese number line, "第495号决定（C-2000）": the number stands
 * between 第 and 号, the word of the kind follows with no space. Returns
 * the kind, with the number's bytes in [*from, *to) and *rest after the
 * word, or NULL. */
const char *docx_zh_number_line(const char *t, size_t *from, size_t *to, const char **rest) {
  static const char di[] = "\xe7\xac\xac", hao[] = "\xe5\x8f\xb7"; /* 第 号 */
  if (strncmp(t, di, 3) != 0)
    return NULL;
  const char *end = strstr(t + 3, hao);
  if (!end || end == t + 3 || end - t > 3 + 16)
    return NULL;
  for (size_t i = 0; i < sizeof heading_words / sizeof heading_words[0]; i++) {
    size_t n = strlen(heading_words[i].word);
    if (strcmp(heading_words[i].lang, "zh") == 0 &&
        strncmp(end + 3, heading_words[i].word, n) == 0) {
      *from = 3;
      *to = (size_t)(end - t);
      *rest = end + 3 + n;
      return heading_words[i].kind;
    }
  }
  return NULL;
}

const char *docx_heading_kind(const char *t, const char **lang) {
  size_t from, to;
  const char *rest, *zh = docx_zh_number_line(t, &from, &to, &rest);
  if (zh) {
    if (lang)
      *lang = "zh";
    return zh;
  }
  for (size_t i = 0; i < sizeof heading_words / sizeof heading_words[0]; i++) {
    size_t n = strlen(heading_words[i].word);
    if (strncmp(t, heading_words[i].word, n) == 0 && t[n] == ' ') {
      if (lang)
        *lang = heading_words[i].lang;
      return heading_words[i].kind;
    }
  }
  return NULL;
}
/* The generated words of xslt/common.xsl in the six languages. */
static const char *const annex_words[] = {"ANNEX",  "ANNEXE", "ANEXO", "ПРИЛОЖЕНИЕ",
                                          "الملحق", "附件",   NULL};
static const char *const reasons_words[] = {
    "Reasons:", "Motifs:", "Motivos:",  "Основания:", "الأسباب:", "理由：", "Reasons",
    "Motifs",   "Motivos", "Основания", "الأسباب",    "理由",     NULL};
static const char *const summary_words[] = {
    "Summary:", "Résumé:", "Resumen:", "Резюме:", "ملخص:", "摘要：", "Summary",
    "Résumé",   "Resumen", "Резюме",   "ملخص",    "摘要",  NULL};

/* "Reasons:<TAB>Clarity.": a heading word with its colon, then text
 * in the same paragraph, as delegations type it. */
static bool heading_then_text(const char *t, const char *const *words) {
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    if (words[i][n - 1] == ':' && strncmp(t, words[i], n) == 0 && (t[n] == ' ' || t[n] == '\t'))
      return true;
  }
  return false;
}

/* "RESOLUTION 75" alone, or followed by its note in parentheses and
 * nothing else: "Resolution 70 (Rev. Bucharest, 2022) of the
 * Plenipotentiary Conference …" is a sentence that cites one. */
static bool is_resno_line(const char *t) {
  size_t from, to;
  const char *rest;
  if (docx_zh_number_line(t, &from, &to, &rest)) {
    /* nothing after the word but the note in full-width brackets */
    size_t n = strlen(rest);
    return !n || (strncmp(rest, "\xef\xbc\x88", 3) == 0 && n > 6 &&
                  strcmp(rest + n - 3, "\xef\xbc\x89") == 0); /* （ … ） */
  }
  if (!docx_heading_kind(t, NULL))
    return false;
  const char *s = strchr(t, ' ') + 1;
  const char *paren = strstr(s, " (");
  size_t n = paren ? (size_t)(paren - s) : strlen(s);
  if (!n || n > 16 || memchr(s, '(', n)) /* "75", "ITU-R 11-4" */
    return false;
  if (!paren)
    return true;
  size_t len = strlen(paren);
  return paren[len - 1] == ')' && !strchr(paren + 2, '(');
}

static bool is_action(const char *t) { return symbol_prefix(t) > 0; }

static bool is_annex_line(const char *t) {
  for (size_t i = 0; annex_words[i]; i++) {
    size_t n = strlen(annex_words[i]);
    if (strncmp(t, annex_words[i], n) == 0 && (!t[n] || (t[n] == ' ' && strlen(t + n) < 8)))
      return true;
  }
  return false;
}

static void guess_lang(struct blocks *bs, const char *t) {
  const char *lang = NULL;
  if (!bs->lang[0] && docx_heading_kind(t, &lang))
    snprintf(bs->lang, sizeof bs->lang, "%s", lang);
}

enum stage { BEFORE, TITLE, AFTER_TITLE, BODY, ANNEX_TITLE };

/* A file with no ITU styles: roles from the text. */
static void recognise(struct blocks *bs) {
  enum stage stage = BEFORE;
  for (size_t i = 0; i < bs->n; i++) {
    struct block *b = &bs->v[i];
    if (b->role != ROLE_NORMAL && b->role != ROLE_HEADING)
      continue;
    char *t = amended_text(b);
    enum role was = b->role;
    b->role = ROLE_NORMAL;
    if (!b->labelled && is_resno_line(t)) {
      b->role = ROLE_RESNO;
      guess_lang(bs, t);
      stage = TITLE;
    } else if (stage == TITLE) {
      b->role = ROLE_RESTITLE;
      stage = AFTER_TITLE;
    } else if (stage == AFTER_TITLE && in_parens(t)) {
      b->role = ROLE_RESREF;
    } else if (!b->labelled && is_action(t)) {
      b->role = ROLE_PROPOSAL;
      stage = BEFORE;
    } else if (!b->labelled &&
               (matches_any(t, reasons_words) || heading_then_text(t, reasons_words))) {
      b->role = ROLE_REASONS;
    } else if (!b->labelled &&
               (matches_any(t, summary_words) || heading_then_text(t, summary_words))) {
      b->role = ROLE_HEADINGB;
    } else if (!b->labelled && is_annex_line(t)) {
      b->role = ROLE_ANNEXNO;
      stage = ANNEX_TITLE;
    } else if (stage == ANNEX_TITLE) {
      b->role = ROLE_ANNEXTITLE;
      stage = BODY;
    } else if (is_call(b, t)) {
      b->role = ROLE_CALL;
      stage = BODY;
    } else if (stage == AFTER_TITLE && !b->labelled && strlen(t) && t[strlen(t) - 1] == ',') {
      b->role = ROLE_AFTERTITLE;
      stage = BODY;
    } else if (was == ROLE_HEADING) {
      b->role = ROLE_HEADING;
    }
    if (stage == AFTER_TITLE && b->role == ROLE_NORMAL)
      stage = BODY;
    free(t);
  }
}

/* Nesting from the labels' kinds and the indentation, for files whose
 * styles do not say it: a kind seen before at some depth returns there
 * ("c)" after "ii)"); a new kind, or a deeper indentation, goes a level
 * down. "i)" after "h)" is the next letter, not a new roman list. */
struct level_state {
  enum numbering kind;
  char last[LABEL_MAX];
  int left;
};

static bool next_letter(const char *last, const char *cur) {
  return strlen(last) == 1 && strlen(cur) == 1 && cur[0] == last[0] + 1;
}

static void nest(struct blocks *bs) {
  struct level_state lv[4];
  int top = -1;
  for (size_t i = 0; i < bs->n; i++) {
    struct block *b = &bs->v[i];
    if (b->role != ROLE_NORMAL) {
      top = -1;
      continue;
    }
    if (!b->labelled)
      continue;
    if (b->level < 0) { /* from Word's numbering */
      b->depth = -1 - b->level;
      continue;
    }
    const char *label = b->num[0] ? b->num : b->was;
    enum numbering k = b->numbering;
    bool romanish = k == NUM_ALPHA && strspn(label, "ivxlc") == strlen(label);
    int d = -1;
    for (int j = top; j >= 0 && d < 0; j--) {
      if (lv[j].kind != k)
        continue;
      if (romanish && lv[j].kind == NUM_ALPHA && strcmp(label, "i") == 0 &&
          !next_letter(lv[j].last, label) && j == top)
        break; /* "i)" under "c)": a roman list opens */
      d = j;
    }
    if (d < 0)
      d = top + 1 > 3 ? 3 : top + 1;
    top = d;
    lv[d].kind = k;
    lv[d].left = b->left;
    snprintf(lv[d].last, sizeof lv[d].last, "%s", label);
    b->depth = d;
  }
}

void docx_document_read(struct docx_reader *r, struct blocks *bs) {
  memset(bs, 0, sizeof *bs);
  snprintf(bs->lang, sizeof bs->lang, "%s", r->styles.lang);
  xmlNodePtr root = xmlDocGetRootElement(r->parts->document);
  xmlNodePtr body = w_child(root, "body");
  /* a file "uses ITU styles" when a paragraph has one, not when its
   * styles part merely defines them */
  for (const xmlNode *p = body ? body->children : NULL; p && !bs->itu; p = p->next)
    if (w_is(p, "p"))
      bs->itu = docx_style_is_itu(
          docx_style(&r->styles, w_attr(w_child(w_child(p, "pPr"), "pStyle"), "val")));
  long index = 0;
  if (body)
    read_body(r, bs, body, &index, 0);
  if (!bs->itu) {
    recognise(bs);
    nest(bs);
  }
}
