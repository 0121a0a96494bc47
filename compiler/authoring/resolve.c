#include "authoring/resolve.h"

#include <string.h>

#include "core/symbol.h"

/* The analysis must forget nodes that are freed here. */
static void forget(xmlNodePtr n) {
  for (xmlNodePtr c = n->children; c; c = c->next)
    forget(c);
  struct info *i = n->type == XML_ELEMENT_NODE ? info_of(n) : NULL;
  if (i)
    i->node = NULL;
  n->_private = NULL;
}

static void drop(xmlNodePtr n) {
  forget(n);
  xmlUnlinkNode(n);
  xmlFreeNode(n);
}

/* Replaces an inline mark by its content. */
static void unwrap(xmlNodePtr n) {
  xmlNodePtr c = n->children;
  while (c) {
    xmlNodePtr next = c->next;
    xmlUnlinkNode(c);
    xmlAddPrevSibling(n, c);
    c = next;
  }
  drop(n);
}

static void relabel(xmlNodePtr n, int s, bool all) {
  struct info *i = info_of(n);
  bool had = attr(n, "num") || attr(n, "was");
  xmlUnsetProp(n, (const xmlChar *)"was");
  if (!all && !had)
    return;
  /* a dash is not a label one can write in num */
  if (!i || !i->lab[s].has || label_is_symbol(i->style)) {
    xmlUnsetProp(n, (const xmlChar *)"num");
    return;
  }
  char v[LABEL_MAX];
  label_value(&i->lab[s], v, sizeof v);
  xmlSetProp(n, (const xmlChar *)"num", (const xmlChar *)v);
}

static void resolve(xmlNodePtr n, int side, bool all) {
  xmlNodePtr c = n->children;
  while (c) {
    xmlNodePtr next = c->next;
    if (c->type == XML_ELEMENT_NODE) {
      int own = own_sides(c);
      if (!(own & side)) {
        /* a dropped block takes its line with it (not a mark: the space
         * before a deleted word separates words) */
        xmlNodePtr before = c->prev;
        if (!is_el(c, "ins") && !is_el(c, "del") && before && before->type == XML_TEXT_NODE &&
            xmlIsBlankNode(before))
          drop(before);
        drop(c);
      } else {
        resolve(c, side, all);
        if (is_el(c, "ins") || is_el(c, "del")) {
          unwrap(c);
        } else {
          xmlUnsetProp(c, (const xmlChar *)"change");
          xmlUnsetProp(c, (const xmlChar *)"by");
          xmlUnsetProp(c, (const xmlChar *)"date");
          if (is_el(c, "item") ||
              (is_el(c, "section") && info_of(c) && info_of(c)->style == NUM_DECIMAL))
            relabel(c, SIDX(side), all);
          /* the proposal's change is applied: what is left changes nothing */
          if (is_el(c, "amendment") && symbol_is(attr(c, "action"), "MOD"))
            xmlSetProp(c, (const xmlChar *)"action", (const xmlChar *)"NOC");
        }
      }
    }
    c = next;
  }
}

static void resolve_root(struct analysis *a, enum view v, bool all) {
  if (v == VIEW_MARKED)
    return;
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (root)
    resolve(root, v == VIEW_ORIGINAL ? SIDE_O : SIDE_A, all);
}

void resolve_view(struct analysis *a, enum view v) { resolve_root(a, v, true); }

void resolve_marks(struct analysis *a, enum view v) { resolve_root(a, v, false); }
