/* Rule reasons: an amendment whose symbol asks for reasons gives them.
 * ITU's guidelines for the preparation of proposals ask the reasons for
 * a suppression (SUP) and for a transfer (SUP*), and for a text proposed
 * to be maintained without change, that is a NOC carrying a proposal
 * number; a NOC with no number only says that nothing is proposed. */
#include "core/doc.h"
#include "core/symbol.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_reasons = {
    "reasons", SEV_WARNING, "a SUP, SUP* or numbered NOC amendment gives its reasons",
    "ITU's proposal guidelines ask reasons for a proposal to suppress a text (SUP), to "
    "transfer it elsewhere (SUP*) and to maintain it without change (NOC with a proposal "
    "number). Add a <reasons> after the resolution.",
    run};

static const char *why(enum symbol sym) {
  switch (sym) {
  case SYM_SUP:
    return "say why the resolution should be suppressed";
  case SYM_SUP_MOV:
    return "say where the text goes and why";
  default:
    return "say why the resolution should stay as it is";
  }
}

static void check_amendment(struct rule_ctx *c, xmlNodePtr am) {
  const char *action = attr(am, "action");
  enum symbol sym = symbol_of(action);
  if (sym != SYM_SUP && sym != SYM_SUP_MOV && !(sym == SYM_NOC && attr(am, "ref")))
    return;
  /* empty reasons are the marks rule's (an empty p) */
  if (!child_k(am, K_REASONS))
    rule_report(c, &rule_reasons, node_line(am), "%s amendment without reasons: %s", action,
                why(sym));
}

static void run(struct rule_ctx *c) {
  for (xmlNodePtr am = first_el(xmlDocGetRootElement(c->a->doc)); am; am = next_el(am))
    if (is_k(am, K_AMENDMENT))
      check_amendment(c, am);
}
