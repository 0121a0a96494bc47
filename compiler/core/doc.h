/* Loading documents and the small helpers every stage uses to look at
 * them. A node is present in the original text (SIDE_O), the amended
 * text (SIDE_A) or both; a view is a filter on that mask. */
#ifndef RESC_DOC_H
#define RESC_DOC_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "core/diag.h"

#define RESC_NS "urn:resc:1"
#define ANNOT_NS "urn:resc:annot"

enum { SIDE_O = 1, SIDE_A = 2, SIDE_BOTH = 3 };
enum view { VIEW_ORIGINAL, VIEW_AMENDED, VIEW_MARKED };

/* Reads and parses PATH safely (no network, no DTD, no entity
 * declarations). On failure returns NULL, adds diagnostics, and sets
 * *status to 2 for unreadable input or 1 for a malformed document. */
xmlDocPtr doc_load(const char *path, struct diags *d, int *status);
/* The name diagnostics give PATH: "<stdin>" for "-", which doc_load
 * reads from standard input. */
const char *doc_name(const char *path);
/* The same from a buffer, for the fuzzer and tests. */
xmlDocPtr doc_parse(const char *name, const char *buf, size_t len, struct diags *d);

/* The elements of the vocabulary, told apart once per node: most checks
 * ask "is this an item?" of every node they pass, and comparing names
 * (and the namespace) each time was a tenth of checking a document.
 * K_NONE: not an element, or not in the resc namespace; K_OTHER: in the
 * namespace but no element of the vocabulary. In the order of
 * kind_name's table (alphabetical). */
enum kind {
  K_NONE,
  K_OTHER,
  K_ADOPTED,
  K_AMENDMENT,
  K_ANNEX,
  K_AUTHORITY,
  K_CALL,
  K_CELL,
  K_DEL,
  K_EM,
  K_EVENT,
  K_FIELD,
  K_FIELDS,
  K_FNREF,
  K_FOOTNOTE,
  K_HEADING,
  K_HISTORY,
  K_INS,
  K_ITEM,
  K_LIST,
  K_NAME,
  K_NOTE,
  K_NUMBER,
  K_OPERATIVE,
  K_P,
  K_PREAMBLE,
  K_PROPOSAL,
  K_REASONS,
  K_REF,
  K_REPORT,
  K_RESOLUTION,
  K_ROLE,
  K_ROW,
  K_SECTION,
  K_SIGNATURE,
  K_STRONG,
  K_SUB,
  K_SUBTITLE,
  K_SUMMARY,
  K_SUP,
  K_TABLE,
  K_TITLE,
  K_COUNT
};

/* What the analysis has found out about a node, kept at the start of the
 * node's struct info (core/analyse.h) on node->_private while the
 * analysis lives, so that the helpers below need not work it out again. */
struct node_facts {
  unsigned char kind; /* enum kind */
  unsigned char own;  /* own_sides */
};

/* N's kind, worked out from its name and namespace. */
enum kind el_kind(const xmlNode *n);
/* The kind of an element of the namespace named NAME (K_OTHER if none). */
enum kind kind_named(const char *name);
/* The element name of kind K ("item"), or NULL for K_NONE and K_OTHER. */
const char *kind_name(enum kind k);

/* N's kind: the analysis's when it has one, else el_kind's. */
static inline enum kind kind_of(const xmlNode *n) {
  const struct node_facts *f = n ? (const struct node_facts *)n->_private : NULL;
  return f ? (enum kind)f->kind : el_kind(n);
}

/* Whether N is an element of kind K: is_el without comparing strings. */
static inline bool is_k(const xmlNode *n, enum kind k) { return n && kind_of(n) == k; }

bool is_el(const xmlNode *n, const char *name);
/* Value of an attribute without copying, or NULL; attr_of looks among
 * N's attributes (an element's). The checks ask it of every node, most
 * of which have no attribute: that case is answered here. */
const char *attr_of(const xmlNode *n, const char *name);
static inline const char *attr(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->properties ? attr_of(n, name) : NULL;
}
/* Whether N is an element of the resc namespace. */
bool in_ns(const xmlNode *n);
/* An element of the namespace: the analysis's kind, when there is one. */
static inline bool is_resc(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE)
    return false;
  const struct node_facts *f = (const struct node_facts *)n->_private;
  return f ? f->kind != K_NONE : in_ns(n);
}
/* The element children and siblings of the resc namespace, in order. */
static inline xmlNodePtr first_el(const xmlNode *parent) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
    if (is_resc(c))
      return c;
  return NULL;
}
static inline xmlNodePtr next_el(const xmlNode *n) {
  for (xmlNodePtr c = n->next; c; c = c->next)
    if (is_resc(c))
      return c;
  return NULL;
}
xmlNodePtr child_el(const xmlNode *parent, const char *name);
xmlNodePtr child_k(const xmlNode *parent, enum kind k);
/* The same worked out from N's kind K and its attributes (an element). */
int el_own_sides(const xmlNode *n, enum kind k);
/* Which sides a node's own marking keeps: ins and change="ins" keep the
 * amended side only, del and change="del" the original only. */
static inline int own_sides(const xmlNode *n) {
  if (!n || n->type != XML_ELEMENT_NODE)
    return SIDE_BOTH;
  const struct node_facts *f = (const struct node_facts *)n->_private;
  return f ? f->own : el_own_sides(n, el_kind(n));
}
/* Sides on which the node and all its ancestors are present. */
int node_sides(const xmlNode *n);
long node_line(const xmlNode *n);
const char *side_name(int side); /* "original" / "amended" */

#endif
