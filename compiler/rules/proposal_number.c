/* Rule proposal-number: the amendments' proposal numbers (ref,
 * ATU/35A18/1) are unique and in sequence within their contribution.
 * The contribution is what comes before the last '/' (ATU/35A18), the
 * number what follows it; each number follows the one before of the same
 * contribution by one. The first number is free: a file may hold the
 * proposals of a contribution from its fifth on. */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/xalloc.h"
#include "rules/rules.h"

static void run(struct rule_ctx *c);

const struct rule rule_proposal_number = {
    "proposal-number", SEV_ERROR,
    "proposal numbers (ref=\"ATU/35A18/1\") are unique and in sequence within a contribution",
    "Each amendment's ref is its proposal number: the contribution (ATU/35A18), a '/', then "
    "the proposal's number. In a contribution each number is given once and follows the one "
    "before by one, in the order of the document, as ITU numbers the proposals of a "
    "contribution. Renumber the proposals.",
    run};

struct seen {
  const char *ref;
  size_t prefix; /* the length of its contribution, with the '/' */
  long num, line;
};

/* The number after REF's last '/', or -1 if there is none. */
static long number_of(const char *ref, size_t *prefix) {
  const char *slash = strrchr(ref, '/');
  if (!slash || slash == ref || !slash[1] || strspn(slash + 1, "0123456789") != strlen(slash + 1) ||
      strlen(slash + 1) > 6)
    return -1;
  *prefix = (size_t)(slash - ref) + 1;
  return strtol(slash + 1, NULL, 10);
}

/* The last proposal of the same contribution as S among the N before it
 * (NULL if none), and whether one of them has S's number. */
static const struct seen *last_of(const struct seen *all, size_t n, const struct seen *s,
                                  const struct seen **twice) {
  const struct seen *last = NULL;
  *twice = NULL;
  for (size_t i = 0; i < n; i++)
    if (all[i].prefix == s->prefix && strncmp(all[i].ref, s->ref, s->prefix) == 0) {
      last = &all[i];
      if (all[i].num == s->num && !*twice)
        *twice = &all[i];
    }
  return last;
}

static void check(struct rule_ctx *c, const struct seen *all, size_t n, const struct seen *s) {
  const struct seen *twice, *last = last_of(all, n, s, &twice);
  if (twice)
    rule_report(c, &rule_proposal_number, s->line,
                "proposal number %s given twice (first at line %ld): each proposal of a "
                "contribution has its own number",
                s->ref, twice->line);
  else if (last && s->num != last->num + 1)
    rule_report(c, &rule_proposal_number, s->line,
                "proposal %s follows %s (line %ld): the proposals of a contribution are "
                "numbered in sequence, %.*s%ld expected",
                s->ref, last->ref, last->line, (int)s->prefix, s->ref, last->num + 1);
}

static void run(struct rule_ctx *c) {
  struct seen *all = NULL;
  size_t n = 0, cap = 0;
  for (xmlNodePtr am = first_el(xmlDocGetRootElement(c->a->doc)); am; am = next_el(am)) {
    const char *ref = is_k(am, K_AMENDMENT) ? attr(am, "ref") : NULL;
    if (!ref)
      continue;
    struct seen s = {ref, 0, 0, node_line(am)};
    s.num = number_of(ref, &s.prefix);
    if (s.num < 0) {
      rule_report(c, &rule_proposal_number, s.line,
                  "proposal number %s does not end in '/' and a number, as ATU/35A18/1 does", ref);
      continue;
    }
    check(c, all, n, &s);
    if (n == cap)
      all = xrealloc(all, (cap = cap ? 2 * cap : 8) * sizeof *all);
    all[n++] = s;
  }
  free(all);
}
