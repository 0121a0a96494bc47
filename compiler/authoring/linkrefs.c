#include "authoring/linkrefs.h"

#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/words.h"
#include "core/doc.h"
#include "rules/citations.h"
#include "rules/rules.h"

/* A paragraph's amended text, whitespace collapsed, each byte knowing the
 * text node and offset it comes from (NULL for a collapsed space). */
struct ptext {
  char *s;
  const xmlNode **node;
  size_t *off;
  bool *ins; /* the byte is in text the amendment inserts */
  size_t n, cap;
};

struct link {
  xmlNodePtr text; /* the text node the label is in */
  size_t off, len;
  const xmlNode *item;
};

struct linker {
  struct analysis *a;
  struct diags *d;
  xmlHashTablePtr ids;
  struct cite_sections secs[2];
  struct vtext scratch;
  struct ptext t;
  struct link *links;
  size_t nlinks, cap;
  size_t made;
};

static void put(struct ptext *t, char c, const xmlNode *node, size_t off, bool ins) {
  if (t->n + 1 >= t->cap) {
    t->cap = t->cap ? 2 * t->cap : 256;
    t->s = words_alloc(t->s, t->cap);
    t->node = words_alloc(t->node, t->cap * sizeof *t->node);
    t->off = words_alloc(t->off, t->cap * sizeof *t->off);
    t->ins = words_alloc(t->ins, t->cap * sizeof *t->ins);
  }
  t->s[t->n] = c;
  t->node[t->n] = node;
  t->off[t->n] = off;
  t->ins[t->n] = ins;
  t->n++;
  t->s[t->n] = 0;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The text of N present in the amended view, footnote bodies aside. */
static void amended_text(struct ptext *t, const xmlNode *n, bool ins) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      const char *s = (const char *)c->content;
      for (size_t i = 0; s[i]; i++) {
        if (!is_space(s[i]))
          put(t, s[i], c, i, ins);
        else if (t->n && t->s[t->n - 1] != ' ')
          put(t, ' ', NULL, 0, ins);
      }
    } else if (c->type == XML_ELEMENT_NODE && !is_el(c, "footnote") && (own_sides(c) & SIDE_A)) {
      amended_text(t, c, ins || own_sides(c) == SIDE_A);
    }
  }
}

/* The item of SECTION labelled LAB on SIDE, or NULL. */
static const xmlNode *item_labelled(const xmlNode *section, const char *lab, int side) {
  for (const xmlNode *it = first_el(section); it; it = next_el(it)) {
    const struct info *ii = is_el(it, "item") ? info_of(it) : NULL;
    if (!ii || !(ii->in & side) || !ii->lab[SIDX(side)].has)
      continue;
    char v[LABEL_MAX];
    label_value(&ii->lab[SIDX(side)], v, sizeof v);
    if (strcmp(v, lab) == 0)
      return it;
  }
  return NULL;
}

static void report(struct linker *k, const xmlNode *p, const struct citation *c, const char *why) {
  diag_add(k->d, k->a->file, node_line(p), 0, &rule_stale_ref, "\"%.*s\": %s", (int)c->len,
           k->t.s + c->start, why);
}

/* The text node holding the whole of [START, START+LEN), or NULL. */
static xmlNodePtr one_node(const struct ptext *t, size_t start, size_t len, size_t *off) {
  const xmlNode *n = t->node[start];
  for (size_t i = 1; i < len; i++)
    if (t->node[start + i] != n || t->off[start + i] != t->off[start] + i)
      return NULL;
  *off = t->off[start];
  return (xmlNodePtr)n;
}

static bool all_inserted(const struct ptext *t, size_t start, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (!t->ins[start + i])
      return false;
  return true;
}

/* The item label L cites, or NULL after reporting why it is left. */
static const xmlNode *target(struct linker *k, const xmlNode *p, const struct citation *c,
                             const struct cite_label *l) {
  const xmlNode *now = item_labelled(c->section, l->value, SIDE_A);
  if (k->a->has_marks && !all_inserted(&k->t, l->start, l->len)) {
    /* text of both texts: its label must name one item in both */
    const xmlNode *was = item_labelled(c->section, l->value, SIDE_O);
    if (was != now) {
      char msg[160];
      const struct info *wi = was ? info_of(was) : NULL;
      char lab[LABEL_MAX + 8] = "";
      if (wi)
        label_text(&wi->lab[1], lab, sizeof lab);
      if (!wi)
        snprintf(msg, sizeof msg,
                 "it names no item of the original text but one of the amended text; not "
                 "linked: correct the citation, then link it");
      else
        snprintf(msg, sizeof msg,
                 "the item it named in the original text is %s in the amended text; not linked: "
                 "correct the citation, then link it",
                 wi->in & SIDE_A ? lab : "deleted");
      report(k, p, c, msg);
      return NULL;
    }
  }
  if (!now)
    report(k, p, c, "the section has no such item; not linked");
  return now;
}

/* A fresh id for ITEM: its section's id or position, and its label. */
static const char *id_for(struct linker *k, xmlNodePtr item) {
  const char *id = attr(item, "id");
  if (id)
    return id;
  const xmlNode *sec = item->parent;
  while (sec && !is_el(sec, "section"))
    sec = sec->parent;
  char base[96], v[LABEL_MAX] = "x";
  const struct info *ii = info_of(item);
  if (ii && ii->lab[1].has)
    label_value(&ii->lab[1], v, sizeof v);
  int pos = 1;
  for (const xmlNode *s = sec ? sec->prev : NULL; s; s = s->prev)
    pos += is_el(s, "section");
  if (sec && attr(sec, "id"))
    snprintf(base, sizeof base, "%.60s-%s", attr(sec, "id"), v);
  else
    snprintf(base, sizeof base, "s%d-%s", pos, v);
  char name[128];
  snprintf(name, sizeof name, "%s", base);
  for (int n = 2; xmlHashLookup(k->ids, (const xmlChar *)name); n++)
    snprintf(name, sizeof name, "%s-%d", base, n);
  xmlSetProp(item, (const xmlChar *)"id", (const xmlChar *)name);
  xmlHashAddEntry(k->ids, (const xmlChar *)name, item);
  return attr(item, "id");
}

static void add_link(struct linker *k, struct link l) {
  if (k->nlinks == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 16;
    k->links = words_alloc(k->links, k->cap * sizeof *k->links);
  }
  k->links[k->nlinks++] = l;
}

static void link_citation(struct linker *k, const xmlNode *p, const struct citation *c) {
  if (c->external)
    return;
  if (!c->section) {
    report(k, p, c, "its words fit several sections; not linked: name the section");
    return;
  }
  for (size_t i = 0; i < c->nlabels; i++) {
    const struct cite_label *l = &c->labels[i];
    if (strchr(l->value, '.'))
      continue; /* a sub-item of a list (4.1): cited inside its item */
    size_t off;
    xmlNodePtr text = one_node(&k->t, l->start, l->len, &off);
    if (!text) {
      report(k, p, c, "markup splits its label; not linked");
      continue;
    }
    const xmlNode *item = target(k, p, c, l);
    if (item)
      add_link(k, (struct link){text, off, l->len, item});
  }
}

/* Whether a paragraph before P in its item (or the items its list is in)
 * names another text: citations in P are then probably that text's. */
static bool after_other_text(const xmlNode *p) {
  for (const xmlNode *n = p; n && n->type == XML_ELEMENT_NODE && !is_el(n, "section");
       n = n->parent)
    for (const xmlNode *b = n->prev; b; b = b->prev) {
      if (!is_el(b, "p"))
        continue;
      struct ptext t = {0};
      amended_text(&t, b, false);
      bool named = t.n && cite_names_text(t.s, t.n);
      free(t.s), free(t.node), free(t.off), free(t.ins);
      if (named)
        return true;
    }
  return false;
}

/* Replaces the labels of P's links by refs, last first so that offsets
 * stay right. */
static void apply(struct linker *k) {
  for (size_t i = k->nlinks; i-- > 0;) {
    struct link *l = &k->links[i];
    const char *id = id_for(k, (xmlNodePtr)l->item);
    const char *s = (const char *)l->text->content;
    xmlNodePtr ref = xmlNewDocNode(l->text->doc, l->text->parent->ns, (const xmlChar *)"ref", NULL);
    xmlSetProp(ref, (const xmlChar *)"to", (const xmlChar *)id);
    xmlNodePtr after = xmlNewDocText(l->text->doc, (const xmlChar *)s + l->off + l->len);
    xmlChar *before = xmlStrndup((const xmlChar *)s, (int)l->off);
    xmlAddNextSibling(l->text, ref);
    xmlAddNextSibling(ref, after);
    xmlNodeSetContent(l->text, before);
    xmlFree(before);
    k->made++;
  }
  k->nlinks = 0;
}

static void paragraph(struct linker *k, const xmlNode *p) {
  k->t.n = 0;
  amended_text(&k->t, p, own_sides(p) == SIDE_A);
  if (!k->t.n || !cite_may_hold(&k->secs[1], k->t.s, k->t.n))
    return;
  struct citation *cites;
  size_t n = cite_find(&k->secs[1], k->t.s, k->t.n, after_other_text(p), &cites);
  for (size_t i = 0; i < n; i++)
    link_citation(k, p, &cites[i]);
  free(cites);
  apply(k);
}

static void walk(struct linker *k, xmlNodePtr n) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if (!(node_sides(c) & SIDE_A))
      continue; /* deleted text cites nothing any more */
    if (is_el(c, "p"))
      paragraph(k, c);
    walk(k, c);
  }
}

static void resolution(struct linker *k, xmlNodePtr res) {
  cite_sections_init(&k->secs[0], res, SIDE_O, &k->scratch);
  cite_sections_init(&k->secs[1], res, SIDE_A, &k->scratch);
  if (k->secs[1].n)
    walk(k, res);
  cite_sections_free(&k->secs[0]);
  cite_sections_free(&k->secs[1]);
}

static void collect_ids(xmlHashTablePtr ids, xmlNodePtr n) {
  for (xmlNodePtr c = first_el(n); c; c = next_el(c)) {
    if (attr(c, "id"))
      xmlHashAddEntry(ids, (const xmlChar *)attr(c, "id"), c);
    collect_ids(ids, c);
  }
}

size_t link_refs(struct analysis *a, struct diags *d) {
  struct linker k = {.a = a, .d = d, .ids = xmlHashCreate(64)};
  vtext_init(&k.scratch);
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  collect_ids(k.ids, root);
  if (is_el(root, "resolution"))
    resolution(&k, root);
  for (xmlNodePtr am = is_el(root, "proposal") ? first_el(root) : NULL; am; am = next_el(am))
    if (is_el(am, "amendment") && child_el(am, "resolution"))
      resolution(&k, child_el(am, "resolution"));
  vtext_free(&k.scratch);
  free(k.t.s), free(k.t.node), free(k.t.off), free(k.t.ins);
  free(k.links);
  xmlHashFree(k.ids, NULL);
  return k.made;
}
