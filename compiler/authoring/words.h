/* Words and sequences: the tokens a diff compares and the sequence diff
 * itself. A token is a whole word, a run of whitespace (one space, as
 * text collapses it), or a single punctuation character; CJK ideographs
 * are words of their own. Sequences are compared as arrays of 64-bit
 * hashes, so that the same diff aligns the words of a paragraph and the
 * items of a section. */
#ifndef RESC_WORDS_H
#define RESC_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* realloc that exits with "resc: out of memory" (status 2) on failure. */
void *words_alloc(void *p, size_t n);

enum token_kind { TOKEN_SPACE, TOKEN_WORD, TOKEN_PUNCT };

/* The end of the token of S (LEN bytes) that starts at I, and its kind. */
size_t token_end(const char *s, size_t len, size_t i, enum token_kind *kind);

#define HASH_SEED 14695981039346656037ULL
/* FNV-1a over N bytes of P, continuing from H (start from HASH_SEED). */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);

/* Continues H over the text S, each run of spaces hashed as one space
 * (text is collapsed so), and adds its count of words to *WORDS and of
 * words and punctuation (the tokens text_word_hashes gives) to *TOKENS. */
uint64_t text_hash(uint64_t h, const char *s, size_t *words, size_t *tokens);

/* A growing array of hashes. */
struct hashes {
  uint64_t *v;
  size_t n, cap;
};
/* Appends the hashes of the words and punctuation of S (LEN bytes), in
 * order, spaces left out. */
void text_word_hashes(const char *s, size_t len, struct hashes *out);
/* Sorts V[0,N) ascending (a radix sort: linear, no comparison calls). */
void hashes_sort(uint64_t *v, size_t n);

enum edit_op { EDIT_EQUAL, EDIT_DEL, EDIT_INS };
struct edit {
  enum edit_op op;
  size_t a, b; /* EQUAL: both; DEL: a (in A); INS: b (in B) */
};
struct edits {
  struct edit *v;
  size_t n, cap;
};

void edits_free(struct edits *e);
/* Appends to OUT a shortest-ish edit script turning A into B, in order.
 * Common prefix and suffix are taken first, then tokens that occur once
 * on each side anchor the rest (patience diff), and what lies between
 * anchors goes to Myers' O(ND) diff; a stretch whose cost passes a bound
 * is replaced whole, so that no input costs more than linear time and
 * a bounded square. */
void seq_diff(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, struct edits *out);

/* The same, where keeping A[i] unchanged is worth WA[i] (its words):
 * among crossing anchors the heavier are kept. */
void seq_diff_weighted(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, const size_t *wa,
                       struct edits *out);

/* Similarity of two sorted multisets of word hashes: 2|A∩B| / (|A|+|B|),
 * 1 for two empty sets. */
double word_similarity(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
