/* Rule action: an amendment's content agrees with its action. MOD changes
 * something, NOC nothing, ADD deletes nothing, SUP gives the heading
 * only. */
#include <string.h>

#include "core/doc.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_action = {
    "action", SEV_ERROR, "an amendment's content agrees with MOD / ADD / SUP / NOC",
    "An amendment's action says what it does to the resolution: MOD marks its changes, NOC "
    "has no revision mark, ADD (a new resolution) deletes nothing, SUP (suppression) gives "
    "the resolution's heading only. Change the action or the marks.",
    run};

static void count_marks(const xmlNode *n, int *ins, int *del) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int s = own_sides(ch);
    *ins += s == SIDE_A;
    *del += s == SIDE_O;
    count_marks(ch, ins, del);
  }
}

static void check_sup(struct rule_ctx *c, xmlNodePtr res) {
  for (xmlNodePtr ch = first_el(res); ch; ch = next_el(ch))
    if (!is_k(ch, K_HEADING)) {
      rule_report(c, &rule_action, node_line(ch),
                  "SUP amendment gives the resolution's %s: a suppressed resolution is given by "
                  "its heading only",
                  (const char *)ch->name);
      return;
    }
}

static void check_amendment(struct rule_ctx *c, xmlNodePtr am) {
  const char *action = attr(am, "action");
  xmlNodePtr res = child_k(am, K_RESOLUTION);
  if (!action || !res)
    return;
  int ins = 0, del = 0;
  count_marks(res, &ins, &del);
  long line = node_line(am);
  if (strcmp(action, "MOD") == 0 && ins + del == 0)
    rule_report(c, &rule_action, line,
                "MOD amendment whose resolution has no revision mark; mark the changes, or use "
                "NOC for no change");
  else if (strcmp(action, "ADD") == 0 && del)
    rule_report(c, &rule_action, line,
                "ADD amendment with %d deletion%s: a new resolution has nothing to delete", del,
                del > 1 ? "s" : "");
  else if (strcmp(action, "NOC") == 0 && ins + del)
    rule_report(c, &rule_action, line,
                "NOC amendment with %d revision mark%s: use MOD to change the resolution",
                ins + del, ins + del > 1 ? "s" : "");
  else if (strcmp(action, "SUP") == 0)
    check_sup(c, res);
}

static void run(struct rule_ctx *c) {
  for (xmlNodePtr am = first_el(xmlDocGetRootElement(c->a->doc)); am; am = next_el(am))
    if (is_k(am, K_AMENDMENT))
      check_amendment(c, am);
}
