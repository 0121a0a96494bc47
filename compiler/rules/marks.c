/* Rule marks: revision marks that make sense. Marks do not nest (an <ins>
 * inside a <del>, a changed item inside a changed section), and a mark is
 * never empty. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/doc.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_marks = {
    "marks", SEV_ERROR, "no nested marks, no marks inside a changed block, no empty mark",
    "A revision mark (<ins>, <del>, change=\"ins|del\") says once what changed: marks do not "
    "nest, a block marked as changed holds no other mark, and an empty <ins> or <del> changes "
    "nothing. Mark the text once, at the outermost change; remove empty marks.",
    run};

static const char *mark_name(const xmlNode *n) {
  if (is_el(n, "ins") || is_el(n, "del"))
    return (const char *)n->name;
  return NULL;
}

static bool is_empty_mark(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE)
      return false;
    if (c->type == XML_TEXT_NODE)
      for (const xmlChar *p = c->content; p && *p; p++)
        if (!isspace(*p))
          return false;
  }
  return true;
}

static const char *article(const xmlNode *n) { return strchr("aeiou", n->name[0]) ? "an" : "a"; }

static void describe(const xmlNode *n, char *buf, size_t size) {
  if (mark_name(n))
    snprintf(buf, size, "<%s> (line %ld)", mark_name(n), node_line(n));
  else
    snprintf(buf, size, "%s %s with change=\"%s\" (line %ld)", article(n), (const char *)n->name,
             attr(n, "change"), node_line(n));
}

/* OUTER: the mark N is inside, or NULL. */
static void walk(struct rule_ctx *c, xmlNodePtr n, xmlNodePtr outer) {
  for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    bool marks = mark_name(ch) || attr(ch, "change");
    xmlNodePtr next_outer = outer;
    if (marks) {
      if (outer) {
        char o[128];
        describe(outer, o, sizeof o);
        if (mark_name(ch))
          rule_report(c, &rule_marks, node_line(ch),
                      "<%s> inside %s: revision marks do not nest; mark the text once", ch->name,
                      o);
        else
          rule_report(c, &rule_marks, node_line(ch),
                      "change=\"%s\" on %s %s inside %s: a changed block holds no other mark",
                      attr(ch, "change"), article(ch), ch->name, o);
      } else {
        next_outer = ch;
      }
      if (mark_name(ch) && is_empty_mark(ch))
        rule_report(c, &rule_marks, node_line(ch), "empty <%s>: it %s nothing; remove it", ch->name,
                    is_el(ch, "ins") ? "inserts" : "deletes");
    }
    walk(c, ch, next_outer);
  }
}

static void run(struct rule_ctx *c) { walk(c, xmlDocGetRootElement(c->a->doc), NULL); }
