/* The symbols of ITU's guidelines for the preparation of proposals, as an
 * amendment's `action` writes them: MOD, (MOD), ADD, ADD*, SUP, SUP*, NOC.
 * Each form is one of four kinds of change; the forms say more about it
 * (docs/vocabulary.md gives their meanings and sources). */
#ifndef RESC_SYMBOL_H
#define RESC_SYMBOL_H

#include <stdbool.h>

enum symbol {
  SYM_NONE,    /* no symbol, or not one of the guidelines' */
  SYM_MOD,     /* amend a text by adding, deleting or replacing words */
  SYM_MOD_ED,  /* (MOD): amend a text from an editorial point of view */
  SYM_ADD,     /* add new text */
  SYM_ADD_MOV, /* ADD*: add existing text from elsewhere (reproduced) */
  SYM_SUP,     /* delete text */
  SYM_SUP_MOV, /* SUP*: transfer text elsewhere (not reproduced) */
  SYM_NOC      /* no change */
};

/* The symbol ACTION writes ("(MOD)" → SYM_MOD_ED); SYM_NONE for NULL or
 * anything else. */
enum symbol symbol_of(const char *action);
/* The plain symbol of ACTION's kind: "MOD" for MOD and (MOD), "ADD" for ADD
 * and ADD*, "SUP" for SUP and SUP*, "NOC"; NULL when ACTION is none. */
const char *symbol_base(const char *action);
/* Whether ACTION is of the kind BASE ("MOD", "ADD", "SUP", "NOC"). */
bool symbol_is(const char *action, const char *base);
/* The length of the symbol that T starts with, followed by the end, a
 * space or a tab ("(MOD)\tATU/1/1" → 5); 0 if none. */
unsigned symbol_prefix(const char *t);

#endif
