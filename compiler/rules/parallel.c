#include "rules/parallel.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "core/xalloc.h"

const struct rule rule_parallel = {
    "parallel", SEV_ERROR,
    "with `check --parallel`: the language versions of a document have the same sections, "
    "items and labels, refs, footnotes, revision marks, annexes and tables",
    "check --parallel A.xml B.xml … compares each FILE with the first, the reference: the "
    "sections of each part by their place (not their words), the items by their labels in the "
    "original and the amended text, the annexes, lists, tables, rows and cells by their place, "
    "and for each of them its footnotes, the places its refs point at and whether its text "
    "holds revision marks. A translation that drops or adds an item, letters it otherwise, "
    "marks an insertion the other text does not mark, or loses a footnote is reported once, "
    "at the file that has what the other lacks; with three files or more, a place every other "
    "version has and the reference lacks (or the reference has and every other lacks) is "
    "reported once, naming them all.",
    NULL};

/* A place of A matched with a place of B. */
struct pair {
  const xmlNode *a, *b;
};

/* A place one file has and the other lacks, as the reference's
 * structure knows it, so that the comparisons of several versions with
 * the reference can tell one fault from several (parallel_check_files). */
struct miss {
  size_t diag;   /* its finding, in the comparison's diags */
  bool lacking;  /* the reference lacks it (else the version does) */
  char key[160]; /* the place: its parent in the reference, kind, label */
  char *what;    /* the place as the finding names it */
};

struct misses {
  struct miss *v;
  size_t n, cap;
};

struct par {
  struct analysis *doc[2]; /* [0] the reference A, [1] the version B */
  const char *name[2];
  struct diags *d;
  struct pair *pairs;
  size_t npairs, cap;
  size_t count;
  struct misses *misses; /* what one file has and the other lacks */
};

/* ------------------------------------------------------------ places */

/* The elements whose place is compared; the others (paragraphs, calls,
 * titles, inline markup) are the text of the place they stand in. */
static bool structural(const xmlNode *n) {
  switch (kind_of(n)) {
  case K_AMENDMENT:
  case K_RESOLUTION:
  case K_HEADING:
  case K_HISTORY:
  case K_EVENT:
  case K_PREAMBLE:
  case K_OPERATIVE:
  case K_SECTION:
  case K_ITEM:
  case K_LIST:
  case K_ANNEX:
  case K_TABLE:
  case K_ROW:
  case K_CELL:
    return true;
  case K_OTHER:
    return is_el(n, "gap");
  default:
    return false;
  }
}

/* The structural children of N, in order. */
static size_t places(const xmlNode *n, const xmlNode ***out) {
  size_t k = 0, cap = 0;
  *out = NULL;
  for (const xmlNode *c = first_el(n); c; c = next_el(c)) {
    if (!structural(c))
      continue;
    if (k == cap) {
      cap = cap ? 2 * cap : 8;
      *out = xrealloc(*out, cap * sizeof **out);
    }
    (*out)[k++] = c;
  }
  return k;
}

static size_t count_items(const xmlNode *n) {
  size_t k = 0;
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    k += is_k(c, K_ITEM) || is_k(c, K_ROW) || is_k(c, K_CELL);
  return k;
}

static void label_on(const xmlNode *n, int side, char *buf, size_t size) {
  const struct info *ii = info_of(n);
  if (!ii || !(ii->in & side)) {
    snprintf(buf, size, "-");
    return;
  }
  label_text(&ii->lab[SIDX(side)], buf, size);
  if (!buf[0])
    snprintf(buf, size, "(no label)");
}

static bool same_kind(const xmlNode *s, const xmlNode *n);

/* Adds the numbers of TEXT to *SUM, each hashed, in any order: "No. 53"
 * and "п. 53", "2014-2017" and "2017-2014" (an Arabic range) agree. */
static void add_numbers(const char *text, uint64_t *sum) {
  for (const char *c = text; *c;) {
    if (*c < '0' || *c > '9') {
      c++;
      continue;
    }
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *c >= '0' && *c <= '9'; c++)
      h = (h ^ (unsigned char)*c) * 1099511628211u;
    /* mixed (splitmix64's finalizer) before the sum: FNV values of
     * neighbouring numbers add up alike ("2014" and "1", "2015" and "2") */
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
    *sum += h ^ (h >> 31);
  }
}

struct shape {
  unsigned footnotes, refs;
  uint64_t numbers;
};

static void shape_walk(const xmlNode *n, struct shape *sh) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content)
      add_numbers((const char *)c->content, &sh->numbers);
    if (c->type != XML_ELEMENT_NODE || !is_resc(c) || structural(c))
      continue;
    sh->footnotes += is_k(c, K_FOOTNOTE) || is_k(c, K_FNREF);
    sh->refs += is_k(c, K_REF);
    shape_walk(c, sh);
  }
}

/* What a place holds, words aside: its footnotes, refs, numbers and
 * places, in one number that two versions of it share. The numbers of a
 * text survive its translation ("Document PP-18/46", "2030"): they tell
 * which of two items of one shape a translation left out. */
static uint64_t shape(const xmlNode *n) {
  struct shape sh = {0, 0, 0};
  unsigned inner = 0;
  shape_walk(n, &sh);
  /* a row's text is its cells': "2014" tells one row of figures from
   * the next */
  for (const xmlNode *c = first_el(n); c && is_k(n, K_ROW); c = next_el(c))
    shape_walk(c, &sh);
  for (const xmlNode *c = first_el(n); c; c = next_el(c))
    inner += structural(c);
  return sh.numbers ^ (sh.footnotes + 64u * sh.refs + 4096u * inner);
}

/* A place's key: two places can be the same one of two versions when
 * their keys are equal: same kind, marking and (v2) annex kind, the same
 * labels in each view, as many items (rows, cells) when they hold some,
 * and the same shape. Worked out once a place: the matching compares
 * every place of a part with every other. */
struct place_key {
  uint64_t key, shape;
};

static uint64_t mix(uint64_t h, const void *bytes, size_t n) {
  for (size_t i = 0; i < n; i++)
    h = (h ^ ((const unsigned char *)bytes)[i]) * 1099511628211u; /* FNV-1a */
  return h;
}

static struct place_key key_of(const xmlNode *n) {
  struct place_key k = {1469598103934665603u, shape(n)};
  const char *kind = attr(n, "kind");
  int facts[4] = {kind_of(n), own_sides(n), (int)count_items(n), attr(n, "header") != NULL};
  k.key = mix(k.key, facts, sizeof facts);
  k.key = mix(k.key, n->name, strlen((const char *)n->name) + 1);
  k.key = mix(k.key, kind ? kind : "", kind ? strlen(kind) + 1 : 1);
  k.key = mix(k.key, &k.shape, sizeof k.shape);
  for (int side = SIDE_O; side <= SIDE_A && is_k(n, K_ITEM); side++) {
    char lab[LABEL_MAX + 8];
    label_on(n, side, lab, sizeof lab);
    k.key = mix(k.key, lab, strlen(lab) + 1);
  }
  return k;
}

static struct place_key *keys_of(const xmlNode **v, size_t n) {
  struct place_key *k = xcalloc(n ? n : 1, sizeof *k);
  for (size_t i = 0; i < n; i++)
    k[i] = key_of(v[i]);
  return k;
}

static const xmlNode *paired(const struct par *p, const xmlNode *n, int from) {
  for (size_t i = 0; i < p->npairs; i++)
    if ((from == 0 ? p->pairs[i].a : p->pairs[i].b) == n)
      return from == 0 ? p->pairs[i].b : p->pairs[i].a;
  return NULL;
}

/* ------------------------------------------------------------ names */

static const xmlNode *place_parent(const xmlNode *n) {
  for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (structural(n) || is_k(n, K_PROPOSAL) || is_k(n, K_REPORT))
      return n;
  return NULL;
}

/* Whether S and N are places of one kind (annexes of one kind attribute). */
static bool same_kind(const xmlNode *s, const xmlNode *n) {
  const char *ks = attr(s, "kind"), *kn = attr(n, "kind");
  return kind_of(s) == kind_of(n) && strcmp((const char *)s->name, (const char *)n->name) == 0 &&
         (ks && kn ? strcmp(ks, kn) == 0 : ks == kn);
}

/* N's number among its siblings of the same kind, from 1. */
static int place_number(const xmlNode *n) {
  int k = 1;
  for (const xmlNode *s = first_el(n->parent); s && s != n; s = next_el(s))
    k += same_kind(s, n);
  return k;
}

static void describe(const struct par *p, const xmlNode *n, int doc, bool subject, char *buf,
                     size_t size);

/* " of " and the name of N's parent place, or nothing at the top. */
/* Whether the only amendment of its proposal. */
static bool sole_amendment(const xmlNode *am) {
  int n = 0;
  for (const xmlNode *s = first_el(am->parent); s; s = next_el(s))
    n += is_k(s, K_AMENDMENT);
  return n == 1;
}

/* The place that names N's whereabouts in a message, or NULL when N's
 * name says enough: a section is named by its call, the resolution and
 * a sole amendment go without saying. */
static const xmlNode *named_parent(const xmlNode *n) {
  bool called = is_k(n, K_SECTION) && child_k(n, K_CALL);
  for (const xmlNode *up = place_parent(n); up; up = place_parent(up)) {
    if (is_k(up, K_PROPOSAL) || is_k(up, K_REPORT) || (is_k(up, K_AMENDMENT) && sole_amendment(up)))
      return NULL;
    if (!is_k(up, K_RESOLUTION) && !(called && (is_k(up, K_PREAMBLE) || is_k(up, K_OPERATIVE))))
      return up;
  }
  return NULL;
}

/* " of " and the name of N's parent place, or nothing. */
static void of_parent(const struct par *p, const xmlNode *n, int doc, char *buf, size_t size) {
  const xmlNode *up = named_parent(n);
  buf[0] = 0;
  if (!up)
    return;
  /* a place of B whose parent has a match is named as A names it */
  const xmlNode *in_a = doc == 1 ? paired(p, up, 1) : NULL;
  char name[256];
  describe(p, in_a ? in_a : up, in_a ? 0 : doc, false, name, sizeof name);
  snprintf(buf, size, " of %s", name);
}

/* TEXT cut after its last word within 40 characters, with "…": a call such
 * as "invite les États Membres, les Membres de Secteur, …" is named by
 * its first words. */
static char *shorten(char *text) {
  size_t n = 0, chars = 0, cut = 0;
  for (; text[n]; n++)
    if (((unsigned char)text[n] & 0xC0) != 0x80 && ++chars > 40)
      break;
    else if (text[n] == ' ')
      cut = n;
  if (!text[n] || !cut)
    return text;
  while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ' '))
    cut--;
  memcpy(text + cut, " …", sizeof " …");
  return text;
}

static void own_name(const xmlNode *n, char *buf, size_t size) {
  char lab[LABEL_MAX + 8];
  switch (kind_of(n)) {
  case K_ITEM:
    label_on(n, (info_of(n) && (info_of(n)->in & SIDE_A)) ? SIDE_A : SIDE_O, lab, sizeof lab);
    if (strcmp(lab, "-") == 0 || strcmp(lab, "(no label)") == 0)
      snprintf(buf, size, "the item");
    else
      snprintf(buf, size, "item %s", lab);
    return;
  case K_SECTION: {
    /* named by its call, its title (proposals, reports), its number */
    const xmlNode *words = child_k(n, K_CALL) ? child_k(n, K_CALL) : child_k(n, K_TITLE);
    struct vtext t = {0};
    char *text = words ? vtext_copy(&t, words, own_sides(n) & SIDE_A ? SIDE_A : SIDE_O) : NULL;
    if (text && text[0])
      snprintf(buf, size, "%s", shorten(text));
    else if (attr(n, "num"))
      snprintf(buf, size, "section %s", attr(n, "num"));
    else
      snprintf(buf, size, "section %d", place_number(n));
    free(text);
    vtext_free(&t);
    return;
  }
  case K_PREAMBLE:
    snprintf(buf, size, "the preamble");
    return;
  case K_OPERATIVE:
    snprintf(buf, size, "the operative part");
    return;
  case K_HEADING:
  case K_HISTORY:
    snprintf(buf, size, "the %s", (const char *)n->name);
    return;
  case K_RESOLUTION:
    snprintf(buf, size, "the resolution");
    return;
  case K_ANNEX: {
    const char *kind = attr(n, "kind");
    snprintf(buf, size, "%s %d", kind ? kind : "annex", place_number(n));
  }
    return;
  case K_AMENDMENT: {
    const char *ref = attr(n, "ref");
    if (ref)
      snprintf(buf, size, "amendment %d (%s)", place_number(n), ref);
    else
      snprintf(buf, size, "amendment %d", place_number(n));
  }
    return;
  default:
    snprintf(buf, size, "%s %d", (const char *)n->name, place_number(n));
  }
}

/* "item ii) of item c) of considering": N named in the words of DOC
 * (0: A, 1: B), its parents through their match in A when they have one.
 * The SUBJECT of a message is "section considering"; a parent is "of
 * considering". */
static void describe(const struct par *p, const xmlNode *n, int doc, bool subject, char *buf,
                     size_t size) {
  char own[160], up[400];
  own_name(n, own, sizeof own);
  /* a list is named by the item holding it: "item ii) of item c)" */
  const xmlNode *from = is_k(n, K_ITEM) && is_k(n->parent, K_LIST) ? n->parent : n;
  of_parent(p, from, doc, up, sizeof up);
  bool worded = is_k(n, K_SECTION) && strncmp(own, "section ", 8) != 0;
  snprintf(buf, size, "%s%s%s", subject && worded ? "section " : "", own, up);
}

/* ------------------------------------------------------------ reports */

static void report(struct par *p, int doc, const xmlNode *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(struct par *p, int doc, const xmlNode *at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_addv(p->d, p->doc[doc]->file, node_line(at), 0, rule_parallel.severity, &rule_parallel, fmt,
            ap);
  va_end(ap);
  p->count++;
}

/* What names N's place across comparisons: a place of the reference is
 * itself; a place of B is its parent's match in the reference, its kind,
 * its number among its like and its label (items). Empty when its parent
 * has no match. */
static void miss_key(const struct par *p, int doc, const xmlNode *n, char *key, size_t size) {
  key[0] = 0;
  if (doc == 0) {
    snprintf(key, size, "%p", (const void *)n);
    return;
  }
  const xmlNode *up = place_parent(n);
  const xmlNode *in_a = up ? paired(p, up, 1) : NULL;
  if (!in_a)
    return;
  char lab[LABEL_MAX + 8] = "";
  if (is_k(n, K_ITEM))
    label_on(n, (info_of(n) && (info_of(n)->in & SIDE_A)) ? SIDE_A : SIDE_O, lab, sizeof lab);
  snprintf(key, size, "%p/%d/%d/%s", (const void *)in_a, (int)kind_of(n), place_number(n), lab);
}

static void missing(struct par *p, int doc, const xmlNode *n) {
  char name[512];
  describe(p, n, doc, true, name, sizeof name);
  report(p, doc, n, "%s: in %s, missing in %s", name, p->name[doc], p->name[1 - doc]);
  struct misses *m = p->misses;
  if (m->n == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 8;
    m->v = xrealloc(m->v, m->cap * sizeof *m->v);
  }
  struct miss *x = &m->v[m->n];
  x->diag = p->d->n - 1;
  x->lacking = doc == 1;
  miss_key(p, doc, n, x->key, sizeof x->key);
  if (x->key[0]) {
    x->what = xstrdup(name);
    m->n++;
  }
}

/* ------------------------------------------------------------ text of a place */

/* What a place's own text holds (its paragraphs, call, title …, not the
 * places inside it). */
struct facts {
  int footnotes;
  int marks; /* ins, del, and paragraphs marked whole */
  const xmlNode **refs;
  size_t nrefs, cap;
};

static void facts_walk(const xmlNode *n, struct analysis *a, struct facts *f) {
  for (const xmlNode *c = first_el(n); c; c = next_el(c)) {
    if (structural(c))
      continue;
    enum kind k = kind_of(c);
    f->footnotes += k == K_FOOTNOTE || k == K_FNREF;
    f->marks += k == K_INS || k == K_DEL || attr(c, "change") != NULL;
    if (k == K_REF) {
      if (f->nrefs == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 4;
        f->refs = xrealloc(f->refs, f->cap * sizeof *f->refs);
      }
      f->refs[f->nrefs++] = ref_target(a, c);
    }
    facts_walk(c, a, f);
  }
}

static const char *plural(int n, const char *word, char *buf, size_t size) {
  snprintf(buf, size, "%d %s%s", n, word, n == 1 ? "" : "s");
  return buf;
}

static void compare_facts(struct par *p, const xmlNode *a, const xmlNode *b) {
  struct facts fa = {0}, fb = {0};
  facts_walk(a, p->doc[0], &fa);
  facts_walk(b, p->doc[1], &fb);
  char name[512], x[32], y[32];
  describe(p, a, 0, true, name, sizeof name);
  long la = node_line(a);
  if (fa.footnotes != fb.footnotes)
    report(p, 1, b, "%s: %s in %s (line %ld), %s in %s", name,
           plural(fa.footnotes, "footnote", x, sizeof x), p->name[0], la,
           plural(fb.footnotes, "footnote", y, sizeof y), p->name[1]);
  if (!fa.marks != !fb.marks)
    report(p, 1, b, "%s: %s in its text in %s (line %ld), %s in %s", name,
           fa.marks ? "revision marks" : "no revision mark", p->name[0], la,
           fb.marks ? "revision marks" : "none", p->name[1]);
  if (fa.nrefs != fb.nrefs)
    report(p, 1, b, "%s: %s in %s (line %ld), %s in %s", name,
           plural((int)fa.nrefs, "ref", x, sizeof x), p->name[0], la,
           plural((int)fb.nrefs, "ref", y, sizeof y), p->name[1]);
  for (size_t i = 0; fa.nrefs == fb.nrefs && i < fa.nrefs; i++) {
    const xmlNode *want = fa.refs[i] ? paired(p, fa.refs[i], 0) : NULL;
    if (want == fb.refs[i] || (!fa.refs[i] && !fb.refs[i]))
      continue;
    char ta[512], tb[512];
    if (fa.refs[i])
      describe(p, fa.refs[i], 0, true, ta, sizeof ta);
    else
      snprintf(ta, sizeof ta, "nothing");
    const xmlNode *tb_a = fb.refs[i] ? paired(p, fb.refs[i], 1) : NULL;
    if (tb_a)
      describe(p, tb_a, 0, true, tb, sizeof tb);
    else if (fb.refs[i])
      describe(p, fb.refs[i], 1, true, tb, sizeof tb);
    else
      snprintf(tb, sizeof tb, "nothing");
    report(p, 1, b, "%s: its ref %zu points at %s in %s (line %ld), at %s in %s", name, i + 1, ta,
           p->name[0], la, tb, p->name[1]);
  }
  free(fa.refs);
  free(fb.refs);
}

/* ------------------------------------------------------------ matching */

static const char *state(int own) {
  return own == SIDE_A ? "inserted" : own == SIDE_O ? "deleted" : "not marked";
}

/* A and B stand at the same place but differ: in their marking, or in
 * their labels. Returns whether the marking differs (the labels after
 * it follow from it and are not reported again). */
static bool compare_key(struct par *p, const xmlNode *a, const xmlNode *b, bool quiet_labels) {
  char name[512];
  describe(p, a, 0, true, name, sizeof name);
  long la = node_line(a);
  if (own_sides(a) != own_sides(b)) {
    report(p, 1, b, "%s: %s in %s (line %ld), %s in %s", name, state(own_sides(a)), p->name[0], la,
           state(own_sides(b)), p->name[1]);
    return true;
  }
  /* the kind of an annex or a text, the action of an amendment */
  static const char *const attrs[] = {"kind", "action"};
  for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
    /* an annex or resolution without kind is of its element's kind */
    const char *dflt = i == 0 ? (const char *)a->name : NULL;
    const char *va = attr(a, attrs[i]) ? attr(a, attrs[i]) : dflt;
    const char *vb = attr(b, attrs[i]) ? attr(b, attrs[i]) : dflt;
    if ((va || vb) && (!va || !vb || strcmp(va, vb) != 0))
      report(p, 1, b, "%s: %s \"%s\" in %s (line %ld), \"%s\" in %s", name, attrs[i],
             va ? va : "(none)", p->name[0], la, vb ? vb : "(none)", p->name[1]);
  }
  /* without marks in either text, the two views are one */
  int first = p->doc[0]->has_marks || p->doc[1]->has_marks ? SIDE_O : SIDE_A;
  for (int side = first; side <= SIDE_A && is_k(a, K_ITEM) && !quiet_labels; side++) {
    char lx[LABEL_MAX + 8], ly[LABEL_MAX + 8];
    /* an item on one side only in one text: its section's marking differs,
     * reported there */
    if (!(info_of(a)->in & side) || !(info_of(b)->in & side))
      continue;
    label_on(a, side, lx, sizeof lx);
    label_on(b, side, ly, sizeof ly);
    if (strcmp(lx, ly) != 0)
      report(p, 1, b, "%s: labelled %s in %s (line %ld), %s in %s%s", name, lx, p->name[0], la, ly,
             p->name[1], in_text(p->doc[0], side));
  }
  return false;
}

static void add_pair(struct par *p, const xmlNode *a, const xmlNode *b) {
  if (p->npairs == p->cap) {
    p->cap = p->cap ? 2 * p->cap : 64;
    p->pairs = xrealloc(p->pairs, p->cap * sizeof *p->pairs);
  }
  p->pairs[p->npairs++] = (struct pair){a, b};
}

/* The places of one side of a comparison, with their keys. */
struct side {
  const xmlNode **v;
  struct place_key *k;
};

/* The first of B[J..NB) of A's kind (and shape, with SHAPED), or NB. */
static size_t find_like(const xmlNode *a, uint64_t shape, struct side b, size_t j, size_t nb,
                        bool shaped) {
  while (j < nb &&
         (kind_of(b.v[j]) != kind_of(a) || !attr(b.v[j], "header") != !attr(a, "header") ||
          (shaped && b.k[j].shape != shape)))
    j++;
  return j;
}

/* The places A[0..NA) and B[0..NB) between two matched ones: paired in
 * order, a place of the same shape first; where one side has more, the
 * places left over are missing on the other. Labels after a missing
 * place follow from it: *QUIET then holds their differences back, as
 * after a difference of marking. */
static void match_gap(struct par *p, struct side a, size_t na, struct side b, size_t nb,
                      bool *quiet) {
  size_t j = 0;
  *quiet |= na != nb;
  for (size_t i = 0; i < na; i++) {
    size_t k = find_like(a.v[i], a.k[i].shape, b, j, nb, true);
    if (k == nb && na - i <= nb - j)
      k = find_like(a.v[i], a.k[i].shape, b, j, nb, false);
    if (k == nb || (k - j > 0 && na - i > nb - k)) {
      missing(p, 0, a.v[i]);
      continue;
    }
    for (; j < k; j++)
      missing(p, 1, b.v[j]);
    add_pair(p, a.v[i], b.v[k]);
    *quiet |= compare_key(p, a.v[i], b.v[k], *quiet);
    j = k + 1;
  }
  for (; j < nb; j++)
    missing(p, 1, b.v[j]);
}

/* S from its Ith place; an empty side (NULL arrays) stays as it is, since
 * NULL + 0 is undefined in C. */
static struct side from(struct side s, size_t i) {
  if (!i)
    return s;
  return (struct side){s.v + i, s.k + i};
}

/* The places A[0..NA) and B[0..NB), which differ at both ends: the
 * longest common run of places with equal keys, and match_gap between
 * them. */
static void match_middle(struct par *p, struct side a, size_t na, struct side b, size_t nb) {
  bool quiet = false;
  /* past 4 million pairs of places (two sections of 2 000 items each
   * differing at both ends), the table would cost more than the answer
   * is worth: the places are paired in order, as in a gap */
  if ((na + 1) > 4000000 / (nb + 1)) {
    match_gap(p, a, na, b, nb, &quiet);
    return;
  }
  uint32_t *len = xcalloc((na + 1) * (nb + 1), sizeof *len);
#define L(i, j) len[(i) * (nb + 1) + (j)]
  for (size_t i = na; i-- > 0;)
    for (size_t j = nb; j-- > 0;)
      L(i, j) = a.k[i].key == b.k[j].key    ? L(i + 1, j + 1) + 1
                : L(i + 1, j) > L(i, j + 1) ? L(i + 1, j)
                                            : L(i, j + 1);
  size_t i = 0, j = 0, gi = 0, gj = 0;
  while (i < na && j < nb) {
    if (a.k[i].key == b.k[j].key && L(i, j) == L(i + 1, j + 1) + 1) {
      match_gap(p, from(a, gi), i - gi, from(b, gj), j - gj, &quiet);
      add_pair(p, a.v[i], b.v[j]);
      gi = ++i, gj = ++j;
    } else if (L(i + 1, j) >= L(i, j + 1)) {
      i++;
    } else {
      j++;
    }
  }
#undef L
  match_gap(p, from(a, gi), na - gi, from(b, gj), nb - gj, &quiet);
  free(len);
}

/* Matches the places inside A and B. The versions of a text mostly
 * agree: the places equal at both ends are paired as they stand, and
 * only those between are matched run by run (match_middle, quadratic). */
static void match_children(struct par *p, const xmlNode *a, const xmlNode *b) {
  struct side sa, sb;
  size_t na = places(a, &sa.v), nb = places(b, &sb.v);
  sa.k = keys_of(sa.v, na);
  sb.k = keys_of(sb.v, nb);
  size_t lo = 0, hi = 0, first = p->npairs;
  while (lo < na && lo < nb && sa.k[lo].key == sb.k[lo].key)
    add_pair(p, sa.v[lo], sb.v[lo]), lo++;
  while (hi < na - lo && hi < nb - lo && sa.k[na - 1 - hi].key == sb.k[nb - 1 - hi].key)
    hi++;
  match_middle(p, from(sa, lo), na - lo - hi, from(sb, lo), nb - lo - hi);
  for (size_t k = hi; k > 0; k--)
    add_pair(p, sa.v[na - k], sb.v[nb - k]);
  free(sa.v), free(sa.k), free(sb.v), free(sb.k);
  /* the pairs made here are A's children; the calls add theirs after */
  for (size_t k = first, last = p->npairs; k < last; k++)
    match_children(p, p->pairs[k].a, p->pairs[k].b);
}

/* The texts' numbers agree: "150" in every language. */
static void compare_numbers(struct par *p, const xmlNode *a, const xmlNode *b) {
  struct vtext t = {0};
  char *na = vtext_copy(&t, child_k(a, K_NUMBER), SIDE_A);
  char *nb = vtext_copy(&t, child_k(b, K_NUMBER), SIDE_A);
  if (strcmp(na, nb) != 0) {
    char name[512];
    describe(p, a, 0, true, name, sizeof name);
    report(p, 1, b, "%s: number %s in %s (line %ld), %s in %s", name, na, p->name[0], node_line(a),
           nb, p->name[1]);
  }
  free(na);
  free(nb);
  vtext_free(&t);
}

/* Compares B, a language version, with A, the reference; adds the
 * divergences to D in A's document order and the places one lacks to M.
 * Returns the number of divergences. */
static size_t compare(struct analysis *a, struct analysis *b, struct diags *d, struct misses *m) {
  struct par p = {{a, b}, {a->file, b->file}, d, NULL, 0, 0, 0, m};
  xmlNodePtr ra = xmlDocGetRootElement(a->doc), rb = xmlDocGetRootElement(b->doc);
  if (kind_of(ra) != kind_of(rb)) {
    report(&p, 1, rb, "the document: a %s in %s, a %s in %s", (const char *)ra->name, p.name[0],
           (const char *)rb->name, p.name[1]);
    return p.count;
  }
  add_pair(&p, ra, rb);
  compare_key(&p, ra, rb, false);
  match_children(&p, ra, rb);
  /* what the places hold, once every place is matched (a ref may point
   * forward) */
  for (size_t i = 0; i < p.npairs; i++) {
    compare_facts(&p, p.pairs[i].a, p.pairs[i].b);
    if (is_k(p.pairs[i].a, K_HEADING))
      compare_numbers(&p, p.pairs[i].a, p.pairs[i].b);
  }
  free(p.pairs);
  return p.count;
}

/* ------------------------------------------------------------ files */

static struct analysis *load(struct schema *schema, const char *file) {
  struct diags ignored; /* the file's own findings: check printed them */
  diags_init(&ignored);
  struct analysis *a = NULL;
  if (pipeline_check(schema, file, &ignored, &a) != 0 && a) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    xmlFreeDoc(doc);
    a = NULL;
  }
  diags_free(&ignored);
  if (!a) {
    fputs("resc: '", stderr);
    diag_print_name(file, stderr);
    fputs("' is left out of the parallel comparison: it does not reach the rules\n", stderr);
  }
  return a;
}

static void unload(struct analysis *a) {
  if (!a)
    return;
  xmlDocPtr doc = a->doc;
  analysis_free(a);
  xmlFreeDoc(doc);
}

/* ------------------------------------------------------------ the cause */

/* With three versions or more, a place that every other version has and
 * the reference lacks (or that the reference has and every other version
 * lacks) is one fault, of the reference: said once, naming every
 * version, rather than once per comparison. D[i] and M[i] are the
 * findings and the misses of comparing the reference, FILES[0], with
 * FILES[i]. */

/* X's twin among M (the misses behind D), not yet merged, or NULL. */
static const struct miss *twin_in(const struct misses *m, const struct diags *d,
                                  const struct miss *x) {
  for (size_t k = 0; k < m->n; k++)
    if (m->v[k].lacking == x->lacking && strcmp(m->v[k].key, x->key) == 0 &&
        d->v[m->v[k].diag].message)
      return &m->v[k];
  return NULL;
}

/* Every version's name but the reference's, joined: "fr.xml, ru.xml". */
static char *versions(char **files, int n) {
  size_t len = 1;
  for (int i = 1; i < n; i++)
    len += strlen(doc_name(files[i])) + 2;
  char *s = xmalloc(len);
  s[0] = 0;
  for (int i = 1; i < n; i++)
    strcat(strcat(s, i > 1 ? ", " : ""), doc_name(files[i]));
  return s;
}

/* If every comparison found X (of comparison I), rewords its finding and
 * empties its twins' (dropped by merge_twins). Returns the twins. */
static size_t merge_one(struct diags *d, struct misses *m, char **files, int n, int i,
                        const struct miss *x) {
  for (int j = 1; j < n; j++)
    if (j != i && !twin_in(&m[j], &d[j], x))
      return 0;
  const char *ref = doc_name(files[0]);
  char *all = versions(files, n);
  char *text = xmalloc(strlen(x->what) + strlen(all) + strlen(ref) + 32);
  sprintf(text, "%s: in %s, missing in %s", x->what, x->lacking ? all : ref,
          x->lacking ? ref : all);
  free(all);
  size_t dropped = 0;
  for (int j = 1; j < n; j++) {
    const struct miss *t = j == i ? NULL : twin_in(&m[j], &d[j], x);
    if (t) {
      free(d[j].v[t->diag].message);
      d[j].v[t->diag].message = NULL;
      dropped++;
    }
  }
  free(d[i].v[x->diag].message);
  d[i].v[x->diag].message = text;
  return dropped;
}

/* Merges what every comparison found; returns how many findings went. */
static size_t merge_twins(struct diags *d, struct misses *m, char **files, int n) {
  size_t dropped = 0;
  for (int i = 1; n >= 3 && i < n; i++)
    for (size_t k = 0; k < m[i].n; k++)
      if (d[i].v[m[i].v[k].diag].message)
        dropped += merge_one(d, m, files, n, i, &m[i].v[k]);
  for (int i = 1; i < n; i++) {
    size_t kept = 0;
    for (size_t k = 0; k < d[i].n; k++) {
      if (d[i].v[k].message)
        d[i].v[kept++] = d[i].v[k];
      else
        free(d[i].v[k].file);
    }
    d[i].n = kept;
  }
  return dropped;
}

int parallel_check_files(struct schema *schema, char **files, int n, enum diag_format fmt,
                         void *out, size_t *errors) {
  struct analysis *ref = load(schema, files[0]);
  struct diags *d = xcalloc((size_t)n, sizeof *d);
  struct misses *m = xcalloc((size_t)n, sizeof *m);
  size_t total = 0;
  for (int i = 1; ref && i < n; i++) {
    diags_init(&d[i]);
    struct analysis *b = load(schema, files[i]);
    if (!b)
      continue; /* no findings, no misses: nothing of it is merged */
    total += compare(ref, b, &d[i], &m[i]);
    unload(b);
  }
  /* the reference's nodes name the places in the misses' keys: it is
   * unloaded once they are all compared */
  total -= merge_twins(d, m, files, ref ? n : 0);
  unload(ref);
  for (int i = 1; i < n; i++) {
    diags_print(&d[i], fmt, out);
    diags_free(&d[i]);
    for (size_t k = 0; k < m[i].n; k++)
      free(m[i].v[k].what);
    free(m[i].v);
  }
  free(d);
  free(m);
  *errors += total;
  return total ? 1 : 0;
}
