#include "authoring/relabel.h"

#include <stdlib.h>
#include <string.h>

#include "authoring/words.h"
#include "core/doc.h"

struct fixes {
  struct label_fix *v;
  size_t n, cap;
};

static void check_one(struct fixes *f, xmlNodePtr n, const char *name, int side) {
  const char *given = attr(n, name);
  const struct info *i = info_of(n);
  if (!given || !i)
    return;
  struct label_fix fx = {.node = n, .name = name};
  const struct label *l = &i->lab[SIDX(side)];
  if (!(i->in & side) || !l->has || label_is_symbol(i->style))
    fx.remove = true;
  else
    label_value(l, fx.value, sizeof fx.value);
  if (!fx.remove && strcmp(fx.value, given) == 0)
    return;
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 16;
    f->v = words_alloc(f->v, f->cap * sizeof *f->v);
  }
  f->v[f->n++] = fx;
}

static void walk(struct fixes *f, xmlNodePtr n) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if (is_el(c, "item") || is_el(c, "section")) {
      check_one(f, c, "num", SIDE_A);
      check_one(f, c, "was", SIDE_O);
    }
    walk(f, c);
  }
}

size_t relabel_find(struct analysis *a, struct label_fix **out) {
  struct fixes f = {0};
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  if (root)
    walk(&f, root);
  *out = f.v;
  return f.n;
}

void relabel_apply(struct analysis *a) {
  struct label_fix *v;
  size_t n = relabel_find(a, &v);
  for (size_t i = 0; i < n; i++) {
    if (v[i].remove)
      xmlUnsetProp(v[i].node, (const xmlChar *)v[i].name);
    else
      xmlSetProp(v[i].node, (const xmlChar *)v[i].name, (const xmlChar *)v[i].value);
  }
  free(v);
}
