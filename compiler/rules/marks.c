/* Rule marks: revision marks that make sense. Marks do not nest (an <ins>
 * inside a <del>, a changed item inside a changed section), a mark is
 * never empty, and no block is left empty by the marks inside it. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/doc.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_marks = {
    "marks", SEV_ERROR,
    "no nested marks, no marks inside a changed block, no empty mark, no block left empty in a "
    "view",
    "A revision mark (<ins>, <del>, change=\"ins|del\") says once what changed: marks do not "
    "nest, a block marked as changed holds no other mark, and an empty <ins> or <del> changes "
    "nothing. Mark the text once, at the outermost change; remove empty marks. A footnote, "
    "paragraph, item, list or section whose every word is marked is printed empty in the other "
    "view: mark the block itself.",
    run};

static const char *mark_name(const xmlNode *n) {
  if (is_k(n, K_INS) || is_k(n, K_DEL))
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

/* OUTER as a message names it from line HERE: its line only when it is
 * another. */
static void describe(const xmlNode *n, long here, char *buf, size_t size) {
  char at[32] = "";
  if (node_line(n) != here)
    snprintf(at, sizeof at, " (line %ld)", node_line(n));
  if (mark_name(n))
    snprintf(buf, size, "<%s>%s", mark_name(n), at);
  else
    snprintf(buf, size, "%s %s with change=\"%s\"%s", article(n), (const char *)n->name,
             attr(n, "change"), at);
}

/* OUTER: the mark N is inside, or NULL. */
static void walk(struct rule_ctx *c, xmlNodePtr n, xmlNodePtr outer) {
  for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    /* ins, del, or change="ins|del" (the schema allows no other value) */
    bool marks = own_sides(ch) != SIDE_BOTH;
    xmlNodePtr next_outer = outer;
    if (marks) {
      if (outer) {
        char o[128];
        describe(outer, node_line(ch), o, sizeof o);
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
                    is_k(ch, K_INS) ? "inserts" : "deletes");
    }
    walk(c, ch, next_outer);
  }
}

/* A block whose every word is marked, but not the block: the view
 * without those words still prints the block, empty — an empty footnote
 * [1], a label with nothing after it. The mark belongs on the block. */

static bool is_checked_block(const xmlNode *n) {
  return is_k(n, K_FOOTNOTE) || is_k(n, K_P) || is_k(n, K_ITEM) || is_k(n, K_SECTION) ||
         is_k(n, K_LIST);
}

/* Whether N holds, on SIDE, a word or a ref (which prints a label); a
 * section's call or title alone does not fill it. */
static bool has_words(const xmlNode *n, int side) {
  bool section = is_k(n, K_SECTION);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (const xmlChar *p = c->content; p && *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
          return true;
    } else if (c->type == XML_ELEMENT_NODE && (own_sides(c) & side)) {
      if (section && (is_k(c, K_CALL) || is_k(c, K_TITLE)))
        continue;
      if (is_k(c, K_REF) || has_words(c, side))
        return true;
    }
  }
  return false;
}

static void report_empty(struct rule_ctx *c, const xmlNode *n, int in, int empty) {
  const char *name = (const char *)n->name;
  if (empty == in) {
    rule_report(c, &rule_marks, node_line(n), "%s is empty; write its text or remove it", name);
    return;
  }
  /* empty on one side only: what fills it on the other is marked */
  bool o = empty == SIDE_O;
  bool text = is_k(n, K_P) || is_k(n, K_FOOTNOTE);
  const char *mark = o ? "ins" : "del";
  if (is_k(n, K_FOOTNOTE))
    rule_report(c, &rule_marks, node_line(n),
                "footnote is empty in the %s text: all its text is %s; put the whole footnote "
                "inside <%s>…</%s>, in place of the marks inside it",
                side_name(empty), o ? "inserted" : "deleted", mark, mark);
  else
    rule_report(c, &rule_marks, node_line(n),
                "%s is empty in the %s text: all %s is %s; write change=\"%s\" on the %s, in place "
                "of the marks inside it",
                name, side_name(empty), text ? "its text" : "it holds", o ? "inserted" : "deleted",
                mark, name);
}

/* DONE: the sides on which an enclosing block was found empty already. */
static void check_empty(struct rule_ctx *c, const xmlNode *n, int done) {
  if (is_checked_block(n) && info_of(n)) {
    int in = info_of(n)->in & ~done, empty = 0;
    /* a document without marks has one text: look at it once */
    if (!c->a->has_marks && in == SIDE_BOTH)
      empty = has_words(n, SIDE_A) ? 0 : SIDE_BOTH;
    else
      for (int side = SIDE_O; side <= SIDE_A; side++)
        if ((in & side) && !has_words(n, side))
          empty |= side;
    if (empty)
      report_empty(c, n, in, empty);
    done |= empty;
  }
  for (const xmlNode *ch = first_el(n); ch; ch = next_el(ch))
    check_empty(c, ch, done);
}

static void run(struct rule_ctx *c) {
  walk(c, xmlDocGetRootElement(c->a->doc), NULL);
  check_empty(c, xmlDocGetRootElement(c->a->doc), 0);
}
