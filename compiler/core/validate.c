#include "core/validate.h"
#include "core/xalloc.h"

#include <libxml/relaxng.h>
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
      {"numbering", "alpha, arabic, roman, alpha-dot, dash or none"},
      {"indent", "1, 2 or 3"},
      {"action", "MOD, ADD, SUP or NOC"},
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

static void value_message(const char *attr, const char *el, const char *value, char *msg,
                          size_t size) {
  const char *allowed = allowed_values(attr);
  if (allowed && value)
    snprintf(msg, size, "invalid value \"%s\" for attribute %s of %s; expected %s", value, attr, el,
             allowed);
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
  value_message(a, el, (const char *)v, msg, size);
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

/* The forms the schema leaves to resc (see label.value and mark.attrs in
 * schema/resc.rng): checked on every element, since wherever the grammar
 * allows these attributes they have these forms. */
static int check_values(struct diags *d, const char *name, xmlNodePtr n) {
  int errors = 0;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    const char *an = (const char *)a->name;
    bool label = !a->ns && (strcmp(an, "num") == 0 || strcmp(an, "was") == 0);
    bool date = !a->ns && strcmp(an, "date") == 0;
    if (!label && !date)
      continue;
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
    if (v && !(label ? label_is_wellformed((char *)v) : is_iso_date((char *)v))) {
      char msg[256];
      value_message(an, (const char *)n->name, (const char *)v, msg, sizeof msg);
      diag_add(d, name, xmlGetLineNo(n), 0, &rule_schema, "%s", msg);
      errors++;
    }
    xmlFree(v);
  }
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      errors += check_values(d, name, c);
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

struct vstate {
  struct diags *d;
  const char *name;
  int errors;
  long last_line;
  char last[256];
  xmlNodePtr covered[32]; /* parents reported missing a child */
  int ncovered;
};

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
        child_el(n, r->child))
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
    if (next)
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

/* libxml2 reports one failure several times as it backtracks up the
 * tree; keep the first, innermost report per line. */
static void on_error(void *ctx, xmlErrorPtr e) {
  struct vstate *st = ctx;
  if (covered(st, e->node))
    return;
  char msg[256];
  if (!attribute_message(e, msg, sizeof msg))
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
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
  struct vstate st = {d, name, 0, -1, "", {0}, 0};
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
    check_required(&st, root);
    vc = xmlRelaxNGNewValidCtxt(s->rng);
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, &st);
    xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
  }
  st.errors += check_values(d, name, root);
  if (rc != 0 && st.errors == 0) {
    diag_add(d, name, 0, 0, &rule_schema, "the document is not valid against the schema");
    st.errors = 1;
  }
  return st.errors;
}
