/* Rule action: an amendment's content agrees with its symbol, as ITU's
 * guidelines for the preparation of proposals define them (the sources
 * are named in docs/vocabulary.md). MOD changes something, (MOD) changes
 * words only, NOC nothing; ADD and ADD* delete nothing and give the text;
 * SUP and SUP* give the heading only. */
#include <string.h>

#include "core/doc.h"
#include "core/symbol.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_action = {
    "action", SEV_ERROR,
    "an amendment's content agrees with its symbol: MOD, (MOD), ADD, ADD*, SUP, SUP*, NOC",
    "An amendment's symbol says what it does to the resolution: MOD marks its changes, (MOD) "
    "(editorial) marks changes of words inside the text and inserts or deletes no block, NOC "
    "has no revision mark, ADD (a new resolution) and ADD* (text brought from elsewhere) "
    "delete nothing and give the text, SUP (suppression) and SUP* (transfer elsewhere) give "
    "the resolution's heading only. Change the symbol or the marks.",
    run};

/* The revision marks under a resolution: inserted and deleted nodes, and
 * the first block (not an ins or del) inserted or deleted whole; a
 * history event is not one: it records the revision, whatever its kind. */
struct marks {
  int ins, del;
  const xmlNode *block;
};

static void count_marks(const xmlNode *n, struct marks *m) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int s = own_sides(ch);
    m->ins += s == SIDE_A;
    m->del += s == SIDE_O;
    if (s != SIDE_BOTH && !m->block && !is_k(ch, K_INS) && !is_k(ch, K_DEL) &&
        !is_k(ch, K_EVENT))
      m->block = ch;
    count_marks(ch, m);
  }
}

static const char *const sup_why[] = {
    [SYM_SUP] = "a suppressed resolution is given by its heading only",
    [SYM_SUP_MOV] = "a resolution transferred elsewhere is given here by its heading only",
};

static void check_sup(struct rule_ctx *c, xmlNodePtr res, const char *action, enum symbol sym) {
  for (xmlNodePtr ch = first_el(res); ch; ch = next_el(ch))
    if (!is_k(ch, K_HEADING)) {
      rule_report(c, &rule_action, node_line(ch), "%s amendment gives the resolution's %s: %s",
                  action, (const char *)ch->name, sup_why[sym]);
      return;
    }
}

/* ADD and ADD*: nothing deleted, and the text given, not its heading
 * alone (the guidelines: texts carrying ADD* are reproduced). */
static void check_add(struct rule_ctx *c, xmlNodePtr am, xmlNodePtr res, const char *action,
                      const struct marks *m) {
  bool moved = symbol_of(action) == SYM_ADD_MOV;
  long line = node_line(am);
  if (m->del)
    rule_report(c, &rule_action, line, "%s amendment with %d deletion%s: %s", action, m->del,
                m->del > 1 ? "s" : "",
                moved ? "text brought from elsewhere is reproduced as it stands"
                      : "a new resolution has nothing to delete");
  else if (!next_el(first_el(res)))
    rule_report(
        c, &rule_action, line, "%s amendment gives the resolution's heading only: %s", action,
        moved ? "text brought from elsewhere is reproduced" : "a new resolution is given whole");
}

/* (MOD): an editorial amendment marks its corrections inside the text; a
 * block inserted or deleted whole changes what the resolution says. */
static void check_editorial(struct rule_ctx *c, xmlNodePtr am, const struct marks *m) {
  if (m->ins + m->del == 0)
    rule_report(c, &rule_action, node_line(am),
                "(MOD) amendment whose resolution has no revision mark; mark the editorial "
                "changes, or use NOC for no change");
  else if (m->block)
    rule_report(c, &rule_action, node_line(m->block),
                "(MOD) amendment %s a whole %s: an editorial amendment changes words inside the "
                "text; use MOD for a change of substance",
                own_sides(m->block) == SIDE_A ? "inserts" : "deletes",
                (const char *)m->block->name);
}

static void check_amendment(struct rule_ctx *c, xmlNodePtr am) {
  const char *action = attr(am, "action");
  xmlNodePtr res = child_k(am, K_RESOLUTION);
  enum symbol sym = symbol_of(action);
  if (sym == SYM_NONE || !res)
    return;
  struct marks m = {0, 0, NULL};
  count_marks(res, &m);
  long line = node_line(am);
  if (sym == SYM_MOD && m.ins + m.del == 0)
    rule_report(c, &rule_action, line,
                "MOD amendment whose resolution has no revision mark; mark the changes, or use "
                "NOC for no change");
  else if (sym == SYM_MOD_ED)
    check_editorial(c, am, &m);
  else if (sym == SYM_ADD || sym == SYM_ADD_MOV)
    check_add(c, am, res, action, &m);
  else if (sym == SYM_NOC && m.ins + m.del)
    rule_report(c, &rule_action, line,
                "NOC amendment with %d revision mark%s: use MOD to change the resolution",
                m.ins + m.del, m.ins + m.del > 1 ? "s" : "");
  else if (sym == SYM_SUP || sym == SYM_SUP_MOV)
    check_sup(c, res, action, sym);
}

static void run(struct rule_ctx *c) {
  for (xmlNodePtr am = first_el(xmlDocGetRootElement(c->a->doc)); am; am = next_el(am))
    if (is_k(am, K_AMENDMENT))
      check_amendment(c, am);
}
