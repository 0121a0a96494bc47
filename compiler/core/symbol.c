/* The proposal symbols and their kinds: one table for the rules, the
 * authoring commands and the import. */
#include "core/symbol.h"

#include <string.h>

static const struct {
  const char *form, *base;
  enum symbol sym;
} symbols[] = {
    {"MOD", "MOD", SYM_MOD},      {"(MOD)", "MOD", SYM_MOD_ED}, {"ADD", "ADD", SYM_ADD},
    {"ADD*", "ADD", SYM_ADD_MOV}, {"SUP", "SUP", SYM_SUP},      {"SUP*", "SUP", SYM_SUP_MOV},
    {"NOC", "NOC", SYM_NOC},
};
enum { NSYMBOLS = sizeof symbols / sizeof symbols[0] };

static int find(const char *action) {
  for (int i = 0; action && i < NSYMBOLS; i++)
    if (strcmp(action, symbols[i].form) == 0)
      return i;
  return -1;
}

enum symbol symbol_of(const char *action) {
  int i = find(action);
  return i < 0 ? SYM_NONE : symbols[i].sym;
}

const char *symbol_base(const char *action) {
  int i = find(action);
  return i < 0 ? NULL : symbols[i].base;
}

bool symbol_is(const char *action, const char *base) {
  const char *b = symbol_base(action);
  return b && strcmp(b, base) == 0;
}

unsigned symbol_prefix(const char *t) {
  unsigned best = 0;
  for (int i = 0; i < NSYMBOLS; i++) {
    size_t n = strlen(symbols[i].form);
    if (n > best && strncmp(t, symbols[i].form, n) == 0 && strchr(" \t", t[n]))
      best = (unsigned)n;
  }
  return best;
}
