#include "authoring/renumber.h"

#include <stdio.h>
#include <string.h>

#include "core/doc.h"

static bool is_interposed(const char *v) {
  char base[LABEL_MAX];
  unsigned k;
  return v && label_split(v, base, sizeof base, &k);
}

/* The items of one section or list, interposed after their neighbours. */
static int interpose(xmlNodePtr container) {
  char base[LABEL_MAX] = "";
  unsigned next = 0; /* the next suffix after BASE */
  int stuck = 0;
  for (xmlNodePtr it = first_el(container); it; it = next_el(it)) {
    if (!is_el(it, "item") || !(node_sides(it) & SIDE_A))
      continue;
    const struct info *i = info_of(it);
    if (!i || i->style == NUM_NONE || label_is_symbol(i->style))
      return 0;
    if (node_sides(it) & SIDE_O) {
      /* an item of the text in force keeps its original label */
      const struct label *l = &i->lab[SIDX(SIDE_O)];
      if (!l->has)
        return 0; /* a sole item had no label: nothing to interpose after */
      unsigned k = 0;
      char v[LABEL_MAX];
      label_value(l, v, sizeof v);
      if (label_split(v, base, sizeof base, &k))
        next = k + 1;
      else
        snprintf(base, sizeof base, "%s", v), next = 0;
      continue;
    }
    if (!base[0] || !label_suffix(next)) {
      stuck++;
      continue;
    }
    char v[LABEL_MAX * 2];
    snprintf(v, sizeof v, "%s%s", base, label_suffix(next++));
    xmlSetProp(it, (const xmlChar *)"num", (const xmlChar *)v);
  }
  return stuck;
}

/* ONLY_INSERTED: in a marked document, the items of the text in force
 * keep their interposed labels; only the amendment's are undone. */
static void plain(xmlNodePtr n, bool only_inserted) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if (is_el(c, "item") && (!only_inserted || node_sides(c) == SIDE_A)) {
      if (is_interposed(attr(c, "num")))
        xmlUnsetProp(c, (const xmlChar *)"num");
      if (is_interposed(attr(c, "was")))
        xmlUnsetProp(c, (const xmlChar *)"was");
    }
    plain(c, only_inserted);
  }
}

static int walk(xmlNodePtr n) {
  int stuck = 0;
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if ((is_el(c, "section") || is_el(c, "list")) && child_el(c, "item"))
      stuck += interpose(c);
    stuck += walk(c);
  }
  return stuck;
}

int renumber(struct analysis *a, bool bis) {
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (!root)
    return 0;
  if (!bis) {
    plain(root, a->has_marks);
    return 0;
  }
  return walk(root);
}
