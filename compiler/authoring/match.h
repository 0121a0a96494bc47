/* Matching the blocks of two versions of a document: the element
 * children of two corresponding elements (a section's items, a list's
 * items, a history's events …) are aligned by their content, not their
 * position or label. Identical blocks are aligned by the sequence diff
 * of words.h; between them, blocks of the same kind whose words are
 * alike enough are paired as changed (a dynamic programme that keeps
 * the order); the rest are deleted or inserted. A block moved within
 * its parent is thus a deletion and an insertion; an item split in two
 * is paired with the half most like it, the other half inserted. */
#ifndef RESC_MATCH_H
#define RESC_MATCH_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

enum match_kind { MATCH_BOTH, MATCH_OLD, MATCH_NEW };
struct match {
  enum match_kind kind;
  xmlNodePtr old, new; /* NULL on the side it is absent from */
};
struct matches {
  struct match *v;
  size_t n, cap;
};

/* Whether N may carry change="ins|del" (item, section, p, list, annex,
 * event). Other blocks (a call, a title, the heading) are paired with
 * their namesake whatever their words. */
bool match_markable(const xmlNode *n);
/* Whether N holds running text (p, call, title, number, note, authority,
 * event, subtitle, adopted, name, role, or any element with text of its
 * own): compared word by word. */
bool match_inline_block(const xmlNode *n);
/* What is known of the blocks of the two documents (hashes, word counts),
 * kept across the calls of one comparison. */
struct match_cache;
struct match_cache *match_cache_new(void);
void match_cache_free(struct match_cache *c);

/* Aligns the element children of OLD and NEW in the resc namespace,
 * either of which may be NULL, into OUT (free with matches_free). */
void match_children(struct match_cache *c, xmlNodePtr old, xmlNodePtr new, struct matches *out);
/* Whether A and B hold the same names, structure and words (attributes
 * aside). */
bool match_equal(struct match_cache *c, const xmlNode *a, const xmlNode *b);
void matches_free(struct matches *m);

#endif
