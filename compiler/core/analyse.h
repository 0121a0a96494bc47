/* Stage 3: analyse. One walk over the validated tree computes, for every
 * node, the sides it is present on; for every item, report section and
 * annex its label in the original and in the amended text; for every
 * footnote its number in each view; and resolves every cross-reference.
 * The rules that need those results (label, ref) run here; the others
 * are in rules/. Results hang off node->_private. */
#ifndef RESC_ANALYSE_H
#define RESC_ANALYSE_H

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <stdbool.h>

#include "core/diag.h"
#include "core/doc.h"
#include "core/label.h"

struct label {
  bool has;
  char base[LABEL_MAX]; /* "f", "iii", "3.1" */
  const char *sfx;      /* "bis" … or NULL */
  const char *punct;    /* ")" "." "" */
};

struct info {
  struct node_facts f; /* first: the node helpers of core/doc.h read it */
  xmlNodePtr node;
  int in;              /* SIDE_O | SIDE_A */
  struct label lab[2]; /* [0] original, [1] amended */
  bool only[2];        /* unlabelled because it is the only item */
  bool explained[2];   /* a section or list whose typed labels on a side are
                          explained by a missing mark, reported at its item */
  enum numbering style;
  int fn[3];     /* footnote number: original, amended, marked; 0 = absent */
  int fn_serial; /* every footnote in order, symbol ones too (DOCX ids) */
  bool listed;   /* in the analysis's infos */
};

struct analysis {
  xmlDocPtr doc;
  const char *file;
  struct diags *d;
  struct info **infos; /* in the order the walk labelled them */
  size_t ninfos, cap;
  struct info **chunks; /* where the infos are, CHUNK (analyse.c) each */
  size_t nchunks, chunkcap, nall;
  xmlHashTablePtr ids;
  xmlNodePtr *refs;
  size_t nrefs, refcap;
  int unknown_refs; /* refs to no id, so far */
  bool has_marks;   /* any node present on one side only */
};

#define SIDX(side) ((side)-1) /* SIDE_O → 0, SIDE_A → 1 */

struct analysis *analyse(xmlDocPtr doc, const char *file, struct diags *d);
void analysis_free(struct analysis *a);
/* N's info, or NULL (inline: every check asks it of many nodes). */
static inline struct info *info_of(const xmlNode *n) {
  return n ? (struct info *)n->_private : NULL;
}
/* Frees what the analysis holds but its document and its summary
 * (doc, file, has_marks): once the tree is annotated, nothing reads the
 * rest. analysis_free is still needed afterwards. */
void analysis_shed(struct analysis *a);

/* "e)", "b)bis", "3.1", "" when the node has no label on that side. */
void label_text(const struct label *l, char *buf, size_t size);
/* "e", "bbis": the form written in num/was. */
void label_value(const struct label *l, char *buf, size_t size);
/* " in the amended text" / " in the original text" for a message about
 * one side, or nothing when the document has no marks and so one text. */
const char *in_text(const struct analysis *a, int side);
/* The node a ref points to, or NULL. */
xmlNodePtr ref_target(const struct analysis *a, const xmlNode *ref);

#endif
