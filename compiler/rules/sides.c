#include "rules/sides.h"
#include "core/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FMT formatted, in a string to free. */
__attribute__((format(printf, 1, 0))) static char *vformat(const char *fmt, va_list ap) {
  char small[256]; /* most messages fit: format once */
  va_list copy;
  va_copy(copy, ap);
  int len = vsnprintf(small, sizeof small, fmt, copy);
  va_end(copy);
  if (len < 0)
    len = 0, small[0] = 0;
  char *s = xmalloc((size_t)len + 1);
  if (!s)
    abort();
  if ((size_t)len < sizeof small)
    memcpy(s, small, (size_t)len + 1);
  else
    vsnprintf(s, (size_t)len + 1, fmt, ap);
  return s;
}

void finding_set(struct finding *f, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = vformat(fmt, ap);
  va_end(ap);
  free(f->msg);
  f->set = true;
  f->line = line;
  f->msg = msg;
}

void finding_free(struct finding *f) {
  free(f->msg);
  memset(f, 0, sizeof *f);
}

void findings_add(struct findings *fs, long line, const char *fmt, ...) {
  if (fs->n == fs->cap) {
    fs->cap = fs->cap ? 2 * fs->cap : 8;
    fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
    if (!fs->v)
      abort();
  }
  struct finding *f = &fs->v[fs->n++];
  va_list ap;
  va_start(ap, fmt);
  f->msg = vformat(fmt, ap);
  va_end(ap);
  f->set = true;
  f->line = line;
}

void findings_free(struct findings *fs) {
  for (size_t i = 0; i < fs->n; i++)
    free(fs->v[i].msg);
  free(fs->v);
  memset(fs, 0, sizeof *fs);
}

/* MSG without the first occurrence of WHAT, in a copy to free. */
static char *without(const char *msg, const char *what) {
  char *s = xstrdup(msg);
  if (!s)
    abort();
  char *p = strstr(s, what);
  if (p)
    memmove(p, p + strlen(what), strlen(p + strlen(what)) + 1);
  return s;
}

/* Whether O and A are one finding seen from both sides; if so, *SAME
 * gets the message without its side words. */
static bool same_finding(const struct finding *o, const struct finding *a, char **same) {
  if (!o->set || !a->set || o->line != a->line)
    return false;
  char *x = without(o->msg, " in the original text");
  char *y = without(a->msg, " in the amended text");
  bool eq = strcmp(x, y) == 0;
  free(y);
  if (eq && same)
    *same = x;
  else
    free(x);
  return eq;
}

void sides_report(struct rule_ctx *c, const struct rule *rule, const struct finding *o,
                  const struct finding *a) {
  char *same = NULL;
  if (same_finding(o, a, &same)) {
    rule_report(c, rule, o->line, "%s", same);
    free(same);
    return;
  }
  if (o->set)
    rule_report(c, rule, o->line, "%s", o->msg);
  if (a->set)
    rule_report(c, rule, a->line, "%s", a->msg);
}

void sides_report_all(struct rule_ctx *c, const struct rule *rule, const struct findings *o,
                      const struct findings *a) {
  if (!o->n && !a->n) /* the common case: nothing to pair */
    return;
  bool *used = xcalloc(a->n + 1, sizeof *used);
  if (!used)
    abort();
  for (size_t i = 0; i < o->n; i++) {
    size_t match = a->n;
    for (size_t j = 0; j < a->n && match == a->n; j++)
      if (!used[j] && same_finding(&o->v[i], &a->v[j], NULL))
        match = j;
    if (match < a->n) {
      used[match] = true;
      sides_report(c, rule, &o->v[i], &a->v[match]);
    } else {
      rule_report(c, rule, o->v[i].line, "%s", o->v[i].msg);
    }
  }
  for (size_t j = 0; j < a->n; j++)
    if (!used[j])
      rule_report(c, rule, a->v[j].line, "%s", a->v[j].msg);
  free(used);
}
