/* Stage 1: read and parse. The input is read into memory by resc itself
 * (so a directory, a missing file or an unreadable one is an I/O error,
 * exit 2) and parsed with options that never reach outside it. */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/doc.h"
#include "core/xalloc.h"

struct parse_state {
  struct diags *d;
  const char *name;
  bool refused, reported;
  charactersSAXFunc characters; /* libxml2's tree builder */
  startElementNsSAX2Func start; /* the same */
  const xmlNode *text;          /* the text node it last appended to */
  size_t text_len;              /* and that node's length */
};

/* libxml2's wording is for programmers; say what an author can act on. */
static void author_message(const xmlError *e, char *msg, size_t size) {
  const char *m = e->message ? e->message : "malformed XML";
  const char *bytes = strstr(m, "Bytes: ");
  if (e->code == XML_ERR_INVALID_CHAR && bytes) {
    unsigned b = 0;
    sscanf(bytes, "Bytes: 0x%x", &b);
    snprintf(msg, size, "the document is not valid UTF-8 (byte 0x%02X); save it as UTF-8", b);
  } else if (e->code == XML_ERR_INTERNAL_ERROR && strstr(m, "Excessive depth")) {
    snprintf(msg, size, "elements are nested more than %d levels deep", xmlParserMaxDepth);
  } else if (e->code == XML_ERR_TAG_NAME_MISMATCH && e->str1 && e->str2) {
    /* libxml2 names the opening tag's line, often the line printed */
    char at[48] = "";
    if (e->int1 != e->line)
      snprintf(at, sizeof at, " (opened on line %d)", e->int1);
    snprintf(msg, size, "</%s> closes <%s>%s; write </%s> before it", e->str2, e->str1, at,
             e->str1);
  } else if (e->code == XML_ERR_TAG_NOT_FINISHED && e->str1) {
    char at[48] = "";
    if (e->int1 != e->line)
      snprintf(at, sizeof at, " (opened on line %d)", e->int1);
    snprintf(msg, size,
             "the document ends inside <%s>%s; the file is cut short or </%s> is missing", e->str1,
             at, e->str1);
  } else {
    snprintf(msg, size, "%s", m);
  }
  /* one finding, one line */
  for (char *p = msg; *p; p++)
    if (*p == '\n')
      *p = ' ';
  size_t n = strlen(msg);
  while (n && msg[n - 1] == ' ')
    msg[--n] = 0;
}

/* Only the first error is reported: after it libxml2 reports the same
 * fault again from every enclosing element. */
static void on_error(void *ctx, xmlErrorPtr e) {
  struct parse_state *st = ctx;
  if (!e || st->refused || st->reported)
    return;
  char msg[512];
  author_message(e, msg, sizeof msg);
  diag_add(st->d, st->name, e->line, e->int2, &rule_xml, "%s", msg);
  st->reported = true;
}

/* Entity declarations are the door to expansion bombs and to reading
 * local files: the vocabulary needs none, so the first one stops the
 * parse. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
                           const xmlChar *systemId, xmlChar *content) {
  (void)type, (void)publicId, (void)systemId, (void)content;
  xmlParserCtxtPtr ctxt = ctx;
  struct parse_state *st = ctxt->_private;
  if (!st->refused)
    diag_add(st->d, st->name, ctxt->input ? ctxt->input->line : 0, 0, &rule_xml,
             "the document declares entity '%s': entity declarations are refused", name);
  st->refused = true;
  xmlStopParser(ctxt);
}

/* libxml2 bounds a text node to XML_MAX_TEXT_LENGTH bytes, but 2.9
 * does not check a run of text that reaches it in one call, as a whole
 * document in memory does: bound it here. */
static void on_characters(void *ctx, const xmlChar *ch, int len) {
  xmlParserCtxtPtr ctxt = ctx;
  struct parse_state *st = ctxt->_private;
  if (ctxt->disableSAX) /* after a fatal error libxml2 still delivers text: the tree is dropped */
    return;
  const xmlNode *last = ctxt->node ? ctxt->node->last : NULL;
  size_t run = (last && last == st->text && last->type == XML_TEXT_NODE ? st->text_len : 0) +
               (size_t)(len > 0 ? len : 0);
  if (run > XML_MAX_TEXT_LENGTH) {
    if (!st->refused)
      diag_add(st->d, st->name, ctxt->node ? xmlGetLineNo(ctxt->node) : 0, 0, &rule_xml,
               "element %s holds a text longer than %d bytes",
               ctxt->node ? (const char *)ctxt->node->name : "?", XML_MAX_TEXT_LENGTH);
    st->refused = true;
    xmlStopParser(ctxt);
    return;
  }
  st->characters(ctx, ch, len);
  st->text = ctxt->node ? ctxt->node->last : NULL;
  st->text_len = run;
}

/* No attribute of the vocabulary needs more than a line: an author, a
 * date, a label, an id. A longer value is refused before the tree is
 * built, because renderers repeat some of them (a mark's author goes on
 * every change Word tracks), so an absurd one would be multiplied. */
#define ATTR_MAX 1024

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes) {
  xmlParserCtxtPtr ctxt = ctx;
  struct parse_state *st = ctxt->_private;
  for (int i = 0; i < nb_attributes; i++) {
    const xmlChar *const *a = attributes + 5 * i; /* localname, prefix, URI, value, end */
    size_t len = (size_t)(a[4] - a[3]);
    if (len > ATTR_MAX) {
      if (!st->refused)
        diag_add(st->d, st->name, ctxt->input ? ctxt->input->line : 0, 0, &rule_schema,
                 "attribute '%s' of %s is %zu bytes long; make it at most %d bytes",
                 (const char *)a[0], (const char *)localname, len, ATTR_MAX);
      st->refused = true;
      xmlStopParser(ctxt);
      return;
    }
  }
  st->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
            attributes);
}

static charactersSAXFunc characters; /* libxml2's, under ours */
static startElementNsSAX2Func start;

static xmlParserCtxtPtr new_parser(void) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt)
    return NULL;
  ctxt->sax->entityDecl = on_entity_decl;
  /* whitespace too, as before: libxml2 tells blanks apart only when the
   * two handlers differ */
  characters = ctxt->sax->characters;
  if (ctxt->sax->ignorableWhitespace == characters)
    ctxt->sax->ignorableWhitespace = on_characters;
  ctxt->sax->characters = on_characters;
  start = ctxt->sax->startElementNs;
  if (start)
    ctxt->sax->startElementNs = on_start;
  return ctxt;
}

/* The parser context, kept from one document to the next (libxml2 resets
 * it for each): making and freeing one per file was a sixtieth of
 * checking a corpus of small files. Its dictionary of names is then
 * shared by the documents; once it holds many strings, a fresh context
 * starts, so that a long batch never reaches libxml2's bound on it.
 * While the arena is in use (arena.c) the context is the document's
 * own, cut from the region with the tree and taken back with it. */
static xmlParserCtxtPtr parser(struct parse_state *st, bool *own) {
  static xmlParserCtxtPtr kept;
  xmlParserCtxtPtr ctxt;
  *own = arena_active();
  if (*own) {
    ctxt = new_parser();
  } else {
    if (kept && xmlDictSize(kept->dict) > 50000) {
      xmlFreeParserCtxt(kept);
      kept = NULL;
    }
    if (!kept)
      kept = new_parser();
    ctxt = kept;
  }
  st->characters = characters;
  st->start = start;
  return ctxt;
}

xmlDocPtr doc_parse(const char *name, const char *buf, size_t len, struct diags *d) {
  struct parse_state st = {d, name, false, false, NULL, NULL, NULL, 0};
  if (len > (size_t)0x7fffffff) {
    diag_add(d, name, 0, 0, &rule_xml, "the document is too large");
    return NULL;
  }
  bool own;
  xmlParserCtxtPtr ctxt = parser(&st, &own);
  if (!ctxt)
    return NULL;
  ctxt->_private = &st;
  xmlSetStructuredErrorFunc(&st, on_error);
  /* COMPACT keeps text nodes shorter than 16 bytes (labels, a word
   * between marks) inside the node: no allocation each, a twentieth of
   * the instructions of checking the corpus. libxml2's own setters
   * (xmlNodeSetContent, xmlNodeAddContent, xmlFreeNode) handle them. */
  int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING |
             XML_PARSE_COMPACT;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, opts);
  bool ok = doc && ctxt->wellFormed && !st.refused;
  xmlSetStructuredErrorFunc(NULL, NULL);
  ctxt->_private = NULL;
  if (own)
    xmlFreeParserCtxt(ctxt);
  if (!ok) {
    if (diags_count(d, SEV_ERROR) == 0)
      diag_add(d, name, 0, 0, &rule_xml, "the document is not well-formed XML");
    xmlFreeDoc(doc);
    return NULL;
  }
  return doc;
}

/* PATH "-" is standard input, which may be a pipe or a terminal; a
 * named file must be a regular file (a FIFO or a device could block or
 * never end). */
static char *read_all(const char *path, const char *name, size_t *len, struct diags *d) {
  struct stat sb;
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    diag_add(d, name, 0, 0, &rule_io, "cannot read: %s", strerror(errno));
    return NULL;
  }
  if (fstat(fileno(f), &sb) != 0 || (!is_stdin && !S_ISREG(sb.st_mode))) {
    diag_add(d, name, 0, 0, &rule_io, "cannot read: not a regular file");
    fclose(f);
    return NULL;
  }
  size_t cap = (S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 65536) + 1, n = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap)
      break;
    cap *= 2;
    buf = xrealloc(buf, cap);
  }
  bool failed = ferror(f);
  int e = errno;
  if (!is_stdin)
    fclose(f);
  if (failed) {
    diag_add(d, name, 0, 0, &rule_io, "cannot read: %s", strerror(e));
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

const char *doc_name(const char *path) { return strcmp(path, "-") == 0 ? "<stdin>" : path; }

xmlDocPtr doc_load(const char *path, struct diags *d, int *status) {
  size_t len = 0;
  const char *name = doc_name(path);
  char *buf = read_all(path, name, &len, d);
  if (!buf) {
    *status = 2;
    return NULL;
  }
  if (len == 0) {
    diag_add(d, name, 1, 0, &rule_xml, "the file is empty");
    free(buf);
    *status = 1;
    return NULL;
  }
  xmlDocPtr doc = doc_parse(name, buf, len, d);
  free(buf);
  *status = doc ? 0 : 1;
  return doc;
}

/* kind_name's table: K_ADOPTED … K_TITLE, alphabetical. */
static const char *const names[K_COUNT] = {
    NULL,       NULL,      "adopted",    "amendment", "annex",    "authority", "call",
    "cell",     "del",     "em",         "event",     "field",    "fields",    "fnref",
    "footnote", "heading", "history",    "ins",       "item",     "list",      "name",
    "note",     "number",  "operative",  "p",         "preamble", "proposal",  "reasons",
    "ref",      "report",  "resolution", "role",      "row",      "section",   "signature",
    "strong",   "sub",     "subtitle",   "summary",   "sup",      "table",     "title"};

const char *kind_name(enum kind k) { return k < K_COUNT ? names[k] : NULL; }

bool in_ns(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, RESC_NS) == 0;
}

enum kind el_kind(const xmlNode *n) {
  return n && in_ns(n) ? kind_named((const char *)n->name) : K_NONE;
}

enum kind kind_named(const char *name) {
  static unsigned char from[27]; /* the first kind of each initial, 'a'..'z', then the end */
  if (!from[26]) {
    for (int c = 0, k = K_OTHER + 1; c <= 26; c++) {
      while (k < K_COUNT && names[k][0] < 'a' + c)
        k++;
      from[c] = (unsigned char)k;
    }
  }
  unsigned c = (unsigned)(unsigned char)name[0] - 'a';
  if (c >= 26)
    return K_OTHER;
  for (int k = from[c]; k < from[c + 1]; k++) {
    /* compared here: the names are short, a call to strcmp costs more */
    const char *a = names[k] + 1, *b = name + 1;
    while (*a && *a == *b)
      a++, b++;
    if (*a == *b)
      return (enum kind)k;
  }
  return K_OTHER;
}

bool is_el(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE)
    return false;
  const struct node_facts *f = n->_private;
  /* the analysis knows its kind: no namespace to compare; an element the
   * kinds do not list (K_OTHER: "gap", "appendix" …) is asked by name */
  if (f && f->kind != K_OTHER)
    return f->kind > K_OTHER && names[f->kind][0] == name[0] && strcmp(names[f->kind], name) == 0;
  /* the name first, its first letter before all of it: it differs far
   * more often than the namespace */
  return n->name[0] == (xmlChar)name[0] && strcmp((const char *)n->name, name) == 0 && n->ns &&
         strcmp((const char *)n->ns->href, RESC_NS) == 0;
}

const char *attr_of(const xmlNode *n, const char *name) {
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (a->ns || a->name[0] != (xmlChar)name[0] || strcmp((const char *)a->name, name) != 0)
      continue;
    if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
      return (const char *)a->children->content;
    return "";
  }
  return NULL;
}

xmlNodePtr child_k(const xmlNode *parent, enum kind k) {
  for (xmlNodePtr c = first_el(parent); c; c = next_el(c))
    if (kind_of(c) == k)
      return c;
  return NULL;
}

xmlNodePtr child_el(const xmlNode *parent, const char *name) {
  for (xmlNodePtr c = first_el(parent); c; c = next_el(c))
    if (is_el(c, name))
      return c;
  return NULL;
}

int el_own_sides(const xmlNode *n, enum kind k) {
  if (k == K_INS)
    return SIDE_A;
  if (k == K_DEL)
    return SIDE_O;
  const char *c = attr(n, "change");
  if (c && strcmp(c, "ins") == 0)
    return SIDE_A;
  if (c && strcmp(c, "del") == 0)
    return SIDE_O;
  return SIDE_BOTH;
}

int node_sides(const xmlNode *n) {
  int s = SIDE_BOTH;
  for (; n && n->type != XML_DOCUMENT_NODE; n = n->parent)
    s &= own_sides(n);
  return s;
}

long node_line(const xmlNode *n) { return n ? xmlGetLineNo(n) : 0; }

const char *side_name(int side) { return side == SIDE_O ? "original" : "amended"; }
