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

bool is_el(const xmlNode *n, const char *name);
/* Value of an attribute without copying, or NULL. */
const char *attr(const xmlNode *n, const char *name);
/* The element children and siblings of the resc namespace, in order. */
xmlNodePtr first_el(const xmlNode *parent);
xmlNodePtr next_el(const xmlNode *n);
xmlNodePtr child_el(const xmlNode *parent, const char *name);
/* Which sides a node's own marking keeps: ins and change="ins" keep the
 * amended side only, del and change="del" the original only. */
int own_sides(const xmlNode *n);
/* Sides on which the node and all its ancestors are present. */
int node_sides(const xmlNode *n);
long node_line(const xmlNode *n);
const char *side_name(int side); /* "original" / "amended" */

#endif
