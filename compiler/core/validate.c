#include "core/validate.h"
#include "core/xalloc.h"

#include <libxml/relaxng.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/label.h"
#include "core/resources.h"

struct schema {
  xmlRelaxNGPtr rng;
};

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

struct schema *schema_load(void) {
  const struct resc_resource *r = resource_find("schema/resc.rng");
  if (!r)
    return NULL;
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)r->data, (int)r->size);
  xmlRelaxNGSetParserErrors(pc, quiet, quiet, NULL);
  xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!rng)
    return NULL;
  struct schema *s = xcalloc(1, sizeof *s);
  s->rng = rng;
  return s;
}

void schema_free(struct schema *s) {
  if (!s)
    return;
  xmlRelaxNGFree(s->rng);
  free(s);
}

/* ------------------------------------------------------------ messages */

/* What an attribute accepts, for messages that say what would be right. */
static const char *allowed_values(const char *attr) {
  static const struct {
    const char *attr, *allowed;
  } table[] = {
      {"change", "ins or del"},
      {"numbering", "alpha, arabic, roman, alpha-dot, dash, none, decimal, arabic-paren or bullet"},
      {"indent", "1, 2 or 3"},
      {"action", "MOD, (MOD), ADD, ADD*, SUP, SUP* or NOC"},
      {"num", "a label without punctuation, such as b, iii, 6 or bbis"},
      {"was", "a label without punctuation, such as b, iii, 6 or bbis"},
      {"lang", "fr, en, es, ar, zh or ru"},
      {"date", "an ISO 8601 date such as 2024-10-15"},
      {"id", "a name: letters, digits, '-', '_' or '.', not starting with a digit"},
      {"to", "the id of an item, section or annex"},
  };
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(attr, table[i].attr) == 0)
      return table[i].allowed;
  return NULL;
}

/* Whether VALUE is one of the values ALLOWED lists ("ins or del",
 * "alpha, arabic … or none"). */
static bool listed(const char *value, const char *allowed) {
  size_t n = strlen(value);
  for (const char *p = allowed; (p = strstr(p, value)) != NULL; p += n) {
    bool starts = p == allowed || p[-1] == ' ';
    bool ends = p[n] == 0 || p[n] == ',' || p[n] == ' ';
    if (starts && ends)
      return true;
  }
  return false;
}

static void value_message(const char *attr, const char *el, const char *value, char *msg,
                          size_t size) {
  const char *allowed = allowed_values(attr);
  if (allowed && value)
    snprintf(msg, size, "invalid value \"%s\" for attribute %s of %s; expected %s", value, attr, el,
             allowed);
  else
    snprintf(msg, size, "attribute %s is not allowed on %s", attr, el);
}

/* An element of running text, which a mark may hold whole. */
static bool inline_name(const char *el) {
  static const char *const names[] = {"footnote", "em", "strong", "sup", "sub", "ref", "fnref"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(el, names[i]) == 0)
      return true;
  return false;
}

/* libxml2 says "invalid attribute" both of a value out of the list and
 * of an attribute the element does not take: a value of the list, or
 * any value of an attribute whose form the grammar leaves to resc, means
 * the latter. */
static void grammar_message(const char *attr, const char *el, const char *value, char *msg,
                            size_t size) {
  const char *allowed = allowed_values(attr);
  bool unchecked = !strcmp(attr, "num") || !strcmp(attr, "was") || !strcmp(attr, "date");
  if (!value || !allowed || !(unchecked || listed(value, allowed)))
    value_message(attr, el, value, msg, size);
  else if (strcmp(attr, "change") == 0 && inline_name(el))
    snprintf(msg, size, "%s has no change attribute; put it inside the mark: <%s><%s>…</%s></%s>",
             el, value, el, el, value);
  else if (strcmp(attr, "change") == 0)
    snprintf(msg, size, "%s has no change attribute; mark its words instead: <%s><%s>…</%s></%s>",
             el, el, value, value, el);
  else
    snprintf(msg, size, "attribute %s is not allowed on %s", attr, el);
}

/* "Invalid attribute change for element item" → what value, and what is
 * allowed instead. */
static bool attribute_message(const xmlError *e, char *msg, size_t size) {
  char a[64], el[64];
  if (!e->message || sscanf(e->message, "Invalid attribute %63s for element %63s", a, el) != 2)
    return false;
  xmlNodePtr node = e->node;
  xmlChar *v = NULL;
  if (node && strcmp(a, "lang") == 0)
    v = xmlGetNsProp(node, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  else if (node)
    v = xmlGetNoNsProp(node, (const xmlChar *)a);
  grammar_message(a, el, (const char *)v, msg, size);
  xmlFree(v);
  return true;
}

/* ------------------------------------------------------------ value forms */

/* Matches S against FORM, where 'd' stands for a digit and any other
 * character for itself; returns the rest of S, or NULL. */
static const char *match(const char *s, const char *form) {
  for (; *form; form++, s++)
    if (*form == 'd' ? !(*s >= '0' && *s <= '9') : *s != *form)
      return NULL;
  return s;
}

/* YYYY-MM-DD[Thh:mm[:ss][Z|±hh:mm]] (schema: mark.attrs) */
static bool is_iso_date(const char *s) {
  s = match(s, "dddd-dd-dd");
  if (!s || !*s)
    return s != NULL;
  if (!(s = match(s, "Tdd:dd")))
    return false;
  const char *sec = match(s, ":dd");
  if (sec)
    s = sec;
  if (*s == 'Z')
    return s[1] == 0;
  if (*s == '+' || *s == '-')
    return (s = match(s + 1, "dd:dd")) && !*s;
  return !*s;
}

/* The label a drafter probably meant by V: "g)", "(g)" and "g." without
 * their punctuation, "C" and "IV" in lower case. False when V is no
 * label either way. */
static bool meant_label(const char *v, char *out, size_t size, bool *punct) {
  size_t len = strlen(v), o = 0;
  *punct = false;
  if (len && v[0] == '(')
    v++, len--, *punct = true;
  if (len && (v[len - 1] == ')' || v[len - 1] == '.'))
    len--, *punct = true;
  if (len == 0 || len >= size)
    return false;
  for (size_t i = 0; i < len; i++)
    out[o++] = (v[i] >= 'A' && v[i] <= 'Z') ? (char)(v[i] - 'A' + 'a') : v[i];
  out[o] = 0;
  return label_is_wellformed(out);
}

static void label_message(const char *an, const char *el, const char *v, char *msg, size_t size) {
  char fixed[LABEL_MAX];
  bool punct;
  if (!meant_label(v, fixed, sizeof fixed, &punct))
    value_message(an, el, v, msg, size);
  else if (punct)
    snprintf(msg, size,
             "%s=\"%s\" includes the label's punctuation, which resc adds itself; write "
             "%s=\"%s\"",
             an, v, an, fixed);
  else
    snprintf(msg, size, "%s=\"%s\" is in upper case; write %s=\"%s\"", an, v, an, fixed);
}

/* The forms the schema leaves to resc (see label.value and mark.attrs in
 * schema/resc.rng): checked on every element, since wherever the grammar
 * allows these attributes they have these forms. */
/* (v3) An item with no text of its own, holding a decimal list alone
 * (4.1, 4.2 under an item 4 that says nothing): it needs no p. */
static bool decimal_list_alone(const xmlNode *n) {
  const xmlNode *l = first_el(n);
  const char *numbering = l ? attr(l, "numbering") : NULL;
  return is_el(n, "item") && is_el(l, "list") && !next_el(l) && numbering &&
         strcmp(numbering, "decimal") == 0;
}

/* An item that holds lists but no p: the grammar admits it (its
 * messages stay precise that way); resc does not, but for a decimal list
 * alone. */
static bool item_without_text(const xmlNode *n) {
  return is_el(n, "item") && !child_el(n, "p") && !decimal_list_alone(n);
}

static void report_item_without_text(struct diags *d, const char *name, const xmlNode *n) {
  const xmlNode *list = child_el(n, "list");
  if (!list)
    diag_add(d, name, xmlGetLineNo((xmlNodePtr)n), 0, &rule_schema, "missing element p in item");
  else
    diag_add(d, name, xmlGetLineNo((xmlNodePtr)list), 0, &rule_schema,
             "missing element p in item (expected before list): only an item whose sole child "
             "is a list numbering=\"decimal\" has no text of its own");
}

/* ITEMS: whether to report items without text here (a valid document;
 * an invalid one has them reported with the other missing children). */
static int check_values(struct diags *d, const char *name, xmlNodePtr n, bool items) {
  int errors = 0;
  if (items && item_without_text(n)) {
    report_item_without_text(d, name, n);
    errors++;
  }
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    const char *an = (const char *)a->name;
    bool label = !a->ns && (strcmp(an, "num") == 0 || strcmp(an, "was") == 0);
    bool date = !a->ns && strcmp(an, "date") == 0;
    if (!label && !date)
      continue;
    /* the value as parsed, one text node, is read in place; anything
     * else is copied */
    bool one = a->children && a->children->type == XML_TEXT_NODE && !a->children->next;
    xmlChar *copy = one ? NULL : xmlNodeGetContent((xmlNodePtr)a);
    const xmlChar *v = one ? a->children->content : copy;
    if (v && !(label ? label_is_wellformed((const char *)v) : is_iso_date((const char *)v))) {
      char msg[256];
      if (label)
        label_message(an, (const char *)n->name, (const char *)v, msg, sizeof msg);
      else
        value_message(an, (const char *)n->name, (const char *)v, msg, sizeof msg);
      diag_add(d, name, xmlGetLineNo(n), 0, &rule_schema, "%s", msg);
      errors++;
    }
    xmlFree(copy);
  }
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      errors += check_values(d, name, c, items);
  return errors;
}

/* ------------------------------------------------------------ required children */

/* The children an element cannot do without, in the order the grammar
 * wants them: libxml2 reports their absence as "Did not expect element
 * title there" about the next one, which misleads. */
static const struct required {
  const char *parent, *context; /* context: the parent's parent, or NULL */
  const char *child;
  const char *order[6]; /* children in schema order */
} required[] = {
    {"resolution", NULL, "heading", {"heading", "preamble", "operative", "annex"}},
    {"heading", "resolution", "number", {"number", "note", "title", "history", "adopted"}},
    {"heading", "resolution", "title", {"number", "note", "title", "history", "adopted"}},
    {"heading", "report", "title", {"title", "subtitle"}},
    {"amendment", NULL, "resolution", {"resolution", "reasons"}},
    {"annex", NULL, "title", {"title", "section", "p", "list"}},
    {"item", NULL, "p", {"p", "list"}},
    {"footnote", NULL, "p", {"p"}},
};

static int order_of(const struct required *r, const char *name) {
  for (int i = 0; i < 6 && r->order[i]; i++)
    if (strcmp(r->order[i], name) == 0)
      return i;
  return 6;
}

#define MAX_EXPLAINED 64

struct vstate {
  struct diags *d;
  const char *name;
  int errors;
  long last_line;
  char last[256];
  xmlNodePtr covered[32]; /* parents reported missing a child */
  int ncovered;
  const xmlNode *explained[MAX_EXPLAINED]; /* drafters' mistakes already told */
  int nexplained;
};

/* Whether libxml2's report about N says again what a drafter's mistake
 * said in resc's words: it is about the element, its parent, or
 * something inside it. */
static bool explained(const struct vstate *st, const xmlNode *n) {
  for (int i = 0; n && i < st->nexplained; i++) {
    const xmlNode *x = st->explained[i];
    if (n == x->parent)
      return true;
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
      if (p == x)
        return true;
  }
  return false;
}

static bool covered(const struct vstate *st, const xmlNode *n) {
  for (int i = 0; n && i < st->ncovered; i++)
    if (st->covered[i] == n || st->covered[i] == n->parent)
      return true;
  return false;
}

static void check_required(struct vstate *st, xmlNodePtr n) {
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
    const struct required *r = &required[i];
    if (!is_el(n, r->parent) || (r->context && !is_el(n->parent, r->context)) ||
        child_el(n, r->child) || explained(st, n) || decimal_list_alone(n))
      continue;
    int want = order_of(r, r->child);
    xmlNodePtr next = NULL;
    bool unknown = false; /* an element of no use here: the grammar says so */
    for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
      int o = order_of(r, (const char *)c->name);
      unknown |= o == 6;
      if (o > want && !next)
        next = c;
    }
    if (unknown)
      continue;
    if (item_without_text(n))
      report_item_without_text(st->d, st->name, n);
    else if (next)
      diag_add(st->d, st->name, xmlGetLineNo(next), 0, &rule_schema,
               "missing element %s in %s (expected before %s)", r->child, r->parent, next->name);
    else
      diag_add(st->d, st->name, xmlGetLineNo(n), 0, &rule_schema, "missing element %s in %s",
               r->child, r->parent);
    st->errors++;
    if (st->ncovered < 32)
      st->covered[st->ncovered++] = n;
  }
  for (xmlNodePtr c = first_el(n); c; c = next_el(c))
    check_required(st, c);
}

/* ------------------------------------------------------------ drafters' mistakes */

/* The grammar's messages name what it expected, not what the drafter
 * meant. These are the structures a drafter writes by analogy — with
 * Word, with HTML, with the inline marks — each told in resc's words
 * with its fix, before the grammar's reports, which then say nothing
 * more about them. */

static void explain(struct vstate *st, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void explain(struct vstate *st, const xmlNode *n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_addv(st->d, st->name, xmlGetLineNo((xmlNodePtr)n), 0, SEV_ERROR, &rule_schema, fmt, ap);
  va_end(ap);
  st->errors++;
  if (st->nexplained < MAX_EXPLAINED)
    st->explained[st->nexplained++] = n;
}

static bool one_of(const xmlNode *n, const char *const *names) {
  for (; *names; names++)
    if (is_el(n, *names))
      return true;
  return false;
}

static const char *const running_text[] = {"ins", "del",      "em",  "strong", "sup",
                                           "sub", "footnote", "ref", "fnref",  NULL};
/* the blocks that carry change="ins|del" */
static const char *const changeable[] = {"item",  "p",     "list", "section", "annex",
                                         "event", "table", "row",  NULL};

static const char *article(const char *word) { return strchr("aeiou", word[0]) ? "an" : "a"; }

/* The element children of a mark that are not running text. */
struct blocks {
  const char *name[8];
  int count[8], kinds, total;
  const xmlNode *first;
  bool changeable; /* all of them carry change="…" */
};

static void blocks_inside(const xmlNode *n, struct blocks *b) {
  memset(b, 0, sizeof *b);
  b->changeable = true;
  for (const xmlNode *c = first_el(n); c; c = next_el(c)) {
    if (one_of(c, running_text))
      continue;
    if (!b->first)
      b->first = c;
    b->changeable &= one_of(c, changeable);
    b->total++;
    int i = 0;
    while (i < b->kinds && strcmp(b->name[i], (const char *)c->name) != 0)
      i++;
    if (i == b->kinds && b->kinds < 8)
      b->name[b->kinds++] = (const char *)c->name;
    if (i < b->kinds)
      b->count[i]++;
  }
}

/* "an item", "2 items", "an item and a p" */
static void blocks_text(const struct blocks *b, char *buf, size_t size) {
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; i < b->kinds && len < size; i++) {
    const char *sep = i == 0 ? "" : i == b->kinds - 1 ? " and " : ", ";
    if (b->count[i] == 1)
      len +=
          (size_t)snprintf(buf + len, size - len, "%s%s %s", sep, article(b->name[i]), b->name[i]);
    else
      len += (size_t)snprintf(buf + len, size - len, "%s%d %ss", sep, b->count[i], b->name[i]);
  }
}

/* <ins><item>…</item></ins>: Word marks a whole paragraph, so a drafter
 * wraps the block; resc marks a block with change="ins". */
/* <section><ins>words</ins></section>: the mark needs a block to stand
 * in, which then carries it. */
static void mark_without_block(struct vstate *st, const xmlNode *mark) {
  static const char *const wants_item[] = {"section", "list", NULL};
  static const char *const wants_p[] = {"item", "footnote", "annex", "summary", "reasons", NULL};
  const xmlNode *parent = mark->parent;
  const char *m = (const char *)mark->name, *p = (const char *)parent->name;
  if (explained(st, mark)) /* text straight in an item, marks and all */
    return;
  if (one_of(parent, wants_item))
    explain(st, mark,
            "<%s> directly in %s %s: <%s> marks words inside a paragraph; write the words as "
            "<item change=\"%s\"><p>…</p></item>",
            m, article(p), p, m, m);
  else if (one_of(parent, wants_p))
    explain(st, mark,
            "<%s> directly in %s %s: <%s> marks words inside a paragraph; write the words as "
            "<p change=\"%s\">…</p>",
            m, article(p), p, m, m);
}

static void mark_around_blocks(struct vstate *st, const xmlNode *mark) {
  struct blocks b;
  blocks_inside(mark, &b);
  if (!b.first) {
    mark_without_block(st, mark);
    return;
  }
  char what[160], on[64];
  blocks_text(&b, what, sizeof what);
  const char *m = (const char *)mark->name, *first = (const char *)b.first->name;
  if (b.total == 1)
    snprintf(on, sizeof on, "the %s", first);
  else if (b.kinds == 1)
    snprintf(on, sizeof on, "each %s", first);
  else
    snprintf(on, sizeof on, "each of them");
  if (b.changeable)
    explain(st, mark,
            "<%s> around %s: <%s> marks words in running text; write change=\"%s\" on %s and "
            "remove the <%s>",
            m, what, m, m, on, m);
  else
    explain(st, mark,
            "<%s> around %s: <%s> marks words in running text, and %s %s has no change "
            "attribute; put the <%s> inside the %s, around its words",
            m, what, m, article(first), first, m, first);
}

/* Items and paragraphs stand in sections and lists: a drafter who
 * leaves out the section, or writes a paragraph where the list wants an
 * item, is told once per parent. */
static void misplaced(struct vstate *st, const xmlNode *parent) {
  static const char *const outer[] = {"preamble", "operative", "resolution", "annex", NULL};
  bool in_outer = one_of(parent, outer), in_list = is_el(parent, "list");
  const xmlNode *first = NULL;
  int more = 0;
  for (const xmlNode *c = first_el(parent); c; c = next_el(c)) {
    bool wrong = (in_outer && is_el(c, "item")) ||
                 ((in_outer || in_list) && is_el(c, "p") && !is_el(parent, "annex"));
    if (!wrong)
      continue;
    if (first)
      more++;
    else
      first = c;
  }
  if (!first)
    return;
  char others[48] = "";
  if (more)
    snprintf(others, sizeof others, " (and %d more after it)", more);
  const char *p = (const char *)parent->name;
  if (in_list)
    explain(st, first, "p directly in a list%s: a list holds items; put the paragraph in an <item>",
            others);
  else if (is_el(first, "p"))
    explain(st, first,
            "p directly in %s%s: the text of a resolution stands in the items of its sections; "
            "put the paragraph in an <item> of a <section>",
            p, others);
  else if (is_el(parent, "annex"))
    explain(st, first,
            "item directly in annex%s: items stand in a section or a list; put them in a "
            "<section> or a <list>",
            others);
  else
    explain(st, first,
            "item directly in %s%s: items stand in a section; put them in a <section> with its "
            "<call>",
            p, others);
}

/* <item>text</item>, as in HTML's <li>. */
static void text_in_item(struct vstate *st, const xmlNode *item) {
  for (const xmlNode *c = item->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE)
      for (const xmlChar *t = c->content; t && *t; t++)
        if (!strchr(" \t\r\n", *t)) {
          explain(st, item,
                  "text directly in item: an item's text stands in paragraphs; wrap it in "
                  "<p>…</p>");
          return;
        }
}

static void drafters_mistakes(struct vstate *st, const xmlNode *n) {
  if (is_el(n, "ins") || is_el(n, "del"))
    mark_around_blocks(st, n);
  else if (is_el(n, "item"))
    text_in_item(st, n);
  misplaced(st, n);
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    drafters_mistakes(st, c);
}

/* "/resolution/preamble/section[2]/item[3]": where libxml2's message
 * applies, as an XPath a drafter can paste; a position only where a
 * name repeats among siblings. */
static void element_path(const xmlNode *n, char *buf, size_t size) {
  const xmlNode *chain[300];
  int depth = 0;
  for (; n && n->type == XML_ELEMENT_NODE && depth < 300; n = n->parent)
    chain[depth++] = n;
  size_t len = 0;
  buf[0] = 0;
  while (depth-- > 0 && len < size) {
    const xmlNode *c = chain[depth];
    int pos = 0, same = 0;
    for (const xmlNode *s = c->parent ? c->parent->children : NULL; s; s = s->next)
      if (s->type == XML_ELEMENT_NODE && xmlStrEqual(s->name, c->name)) {
        same++;
        if (s == c)
          pos = same;
      }
    if (same > 1)
      len += (size_t)snprintf(buf + len, size - len, "/%s[%d]", c->name, pos);
    else
      len += (size_t)snprintf(buf + len, size - len, "/%s", c->name);
  }
}

/* libxml2 reports one failure several times as it backtracks up the
 * tree; keep the first, innermost report per line. */
static void on_error(void *ctx, xmlErrorPtr e) {
  struct vstate *st = ctx;
  if (covered(st, e->node) || explained(st, e->node))
    return;
  char msg[768], path[512] = "";
  if (!attribute_message(e, msg, sizeof msg)) {
    if (e->node)
      element_path(e->node, path, sizeof path);
    snprintf(msg, sizeof msg, "%s%s%s", path, path[0] ? ": " : "",
             e->message ? e->message : "invalid");
  }
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = 0;
  long line = e->node ? xmlGetLineNo((xmlNodePtr)e->node) : e->line;
  if (line == st->last_line && strcmp(msg, st->last) == 0)
    return;
  if (st->errors && line == st->last_line && strstr(msg, "failed to validate content"))
    return;
  st->last_line = line;
  snprintf(st->last, sizeof st->last, "%s", msg);
  diag_add(st->d, st->name, line, 0, &rule_schema, "%s", msg);
  st->errors++;
}

static void count_only(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }

/* A document in no namespace, or another, fails on its root: say why. */
static bool wrong_namespace(struct vstate *st, xmlNodePtr root) {
  static const char *const roots[] = {"resolution", "proposal", "report"};
  if (!root || (root->ns && strcmp((const char *)root->ns->href, RESC_NS) == 0))
    return false;
  for (size_t i = 0; i < 3; i++)
    if (strcmp((const char *)root->name, roots[i]) == 0) {
      diag_add(st->d, st->name, xmlGetLineNo(root), 0, &rule_schema,
               "element %s is not in the resc namespace; add xmlns=\"" RESC_NS "\"", roots[i]);
      return true;
    }
  return false;
}

int schema_validate(struct schema *s, xmlDocPtr doc, const char *name, struct diags *d) {
  struct vstate st = {d, name, 0, -1, "", {0}, 0, {0}, 0};
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (wrong_namespace(&st, root))
    return 1;
  /* a valid document is validated once, silently; an invalid one again,
   * after its missing children are explained, so that the grammar's
   * reports about their parents (the same thing said worse) are dropped */
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(s->rng);
  xmlRelaxNGSetValidStructuredErrors(vc, count_only, NULL);
  int rc = xmlRelaxNGValidateDoc(vc, doc);
  xmlRelaxNGFreeValidCtxt(vc);
  if (rc != 0) {
    drafters_mistakes(&st, root);
    check_required(&st, root);
    vc = xmlRelaxNGNewValidCtxt(s->rng);
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, &st);
    xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
  }
  st.errors += check_values(d, name, root, rc == 0);
  if (rc != 0 && st.errors == 0) {
    diag_add(d, name, 0, 0, &rule_schema, "the document is not valid against the schema");
    st.errors = 1;
  }
  return st.errors;
}
