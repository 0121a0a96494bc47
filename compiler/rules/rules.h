/* The rules of the vocabulary that read the analysed tree, one file each
 * (rules/ID.c, '-' written '_'), and the registry of every rule id.
 *
 * Adding a rule:
 *   1. rules/ID.c defines `const struct rule rule_ID` (id, severity,
 *      summary, help, run) and its run function; declare it below.
 *   2. A line in registry.c's table, where its place is the order it runs.
 *   3. The file in CMakeLists.txt's RESC_SOURCES.
 *   4. tests/invalid/ID-*.xml with its .expected, and a near-miss that
 *      stays silent in tests/valid/.
 *   5. Its row in the README's table of rules; its words in fuzz/resc.dict;
 *      its section "## ID" in docs/rules.md (test docs-examples fails
 *      without it).
 *
 * A rule reports through rule_report (the severity is the rule's); a rule
 * whose finding depends on the view finds it per side and lets sides.c
 * report it once when both texts agree. Rules never print. */
#ifndef RESC_RULES_H
#define RESC_RULES_H

#include <libxml/tree.h>
#include <stddef.h>

#include "core/analyse.h"
#include "core/diag.h"
#include "core/text.h"

/* What a rule's run function is given: the analysis of one document (its
 * tree, file name and per-node results), where to report, and a scratch
 * text any rule may use between calls (its content is not kept). */
struct rule_ctx {
  struct analysis *a;
  struct diags *d;
  struct vtext t;
};

/* The rules that run, in registry order. */
extern const struct rule rule_marks, rule_action, rule_history, rule_punctuation, rule_stale_ref;
/* (v4) the proposal symbols' reasons and numbers */
extern const struct rule rule_reasons, rule_proposal_number;

/* Every rule, in the order the rules run (those with a run function) and
 * the README lists them; NULL-terminated. */
extern const struct rule *const rule_registry[];

/* The registered rule with id ID, or NULL. */
const struct rule *rule_find(const char *id);

/* Runs every rule that has a run function on the analysed document A,
 * adding findings to D. */
void rules_run(struct analysis *a, struct diags *d);

/* Reports a finding of RULE at LINE of the document being checked. */
void rule_report(struct rule_ctx *c, const struct rule *rule, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Calls FN on every resolution of the document: the root, or the
 * resolution of each amendment of a proposal, in document order; ARG is
 * passed on. */
void rules_each_resolution(struct rule_ctx *c,
                           void (*fn)(struct rule_ctx *c, xmlNodePtr res, void *arg), void *arg);

#endif
