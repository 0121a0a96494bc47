/* What the two halves of resc compile share: compile.c carries each
 * proposal onto the text in force and records its changes against the
 * blocks of BASE; compile_emit.c lays the records of all the proposals
 * over BASE, finds the conflicts and writes the synoptic table. */
#ifndef RESC_COMPILE_INT_H
#define RESC_COMPILE_INT_H

#include <stdint.h>

#include "authoring/compile.h"

/* A token of a paragraph: a word, a space, a punctuation character, or
 * an inline element taken whole (a footnote, a ref, an em …). SIDE says
 * whether the marked text holds it in the original text only, the
 * amended text only, or both. */
struct ctok {
  uint64_t key;
  const char *s; /* text, or NULL for an element */
  size_t len;
  const xmlNode *node;
  int side;
};
struct ctoks {
  struct ctok *v;
  size_t n, cap;
};

/* A proposal's change to a paragraph of BASE: its tokens [s, e) replaced
 * by INS (s == e: an insertion before token s). */
struct hunk {
  size_t s, e;
  struct ctok *ins;
  size_t nins;
  int prop;
  const xmlNode *at; /* the proposal's paragraph, for messages */
};

enum change_kind { CH_INS, CH_DEL, CH_MOD };
struct change {
  int prop;
  enum change_kind kind;
  const xmlNode *node; /* INS: the inserted block; DEL, MOD: the proposal's counterpart */
  struct hunk *h;      /* MOD of a paragraph */
  size_t nh;
};
/* The changes recorded against one block of BASE (or, keyed by its
 * parent's address plus one, against the end of the parent). */
struct rec {
  uintptr_t key;
  struct change *v;
  size_t n, cap;
};

struct prop {
  const char *file;
  xmlDocPtr doc;
  struct analysis *a; /* of DOC, for the labels it gives inserted items */
  xmlNodePtr amendment, res;
  const char *action, *ref;
  char *name;   /* the administration, as messages name it */
  char *author; /* the marks' by: NAME, or NAME (REF) when another proposal has its NAME */
};

struct cc {
  struct analysis *base;
  const char *base_file;
  struct prop *p;
  size_t np;
  struct diags *d;
  bool merge, table; /* merge: apply what conflicts with nothing; table: the synoptic one */
  xmlDocPtr scratch; /* views of inline elements that hold marks */
  struct rec *recs;  /* open addressing on key */
  size_t nrec, capr;
  size_t baseline, conflicts;
};

/* compile.c */
struct rec *rec_find(struct cc *c, uintptr_t key);
void tokenise(struct cc *c, const xmlNode *n, int side, struct ctoks *out);
void toks_free(struct ctoks *t);
/* Tokens [lo, hi) as text, quoted for a message (at most about 60 bytes). */
void toks_quote(const struct ctok *v, size_t lo, size_t hi, char *buf, size_t size);
/* "considérant b)", "décide 4", "title": where BASE's block N stands. */
void provision_name(const xmlNode *n, char *buf, size_t size);
/* A copy of the proposal's block N in one view, for the output: marks
 * resolved, ids, num and was dropped (the result labels its items). */
xmlNodePtr view_copy(xmlDocPtr doc, const xmlNode *n, int side);

/* The words of SECTION's call, collapsed, shortened past 40 bytes. */
void call_words(const xmlNode *section, char *buf, size_t size);

/* compile_emit.c */
xmlDocPtr compile_emit(struct cc *c);

#endif
