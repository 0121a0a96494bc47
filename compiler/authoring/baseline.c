#include "authoring/baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/match.h"
#include "authoring/resolve.h"
#include "authoring/words.h"
#include "core/doc.h"
#include "core/symbol.h"
#include "core/pipeline.h"

struct ctx {
  struct match_cache *cache;
  struct analysis *p;
  struct diags *d;
  size_t count;
};

/* ------------------------------------------------------------ words */

struct word {
  uint64_t h;
  const char *s;
  size_t len;
  bool space; /* a space came before it */
};
struct wordv {
  struct word *v;
  size_t n, cap;
};

static void add_word(struct wordv *w, uint64_t h, const char *s, size_t len, bool space) {
  if (w->n == w->cap) {
    w->cap = w->cap ? 2 * w->cap : 64;
    w->v = words_alloc(w->v, w->cap * sizeof *w->v);
  }
  w->v[w->n++] = (struct word){h, s, len, space};
}

static void words_of(struct wordv *w, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      const char *s = (const char *)c->content;
      size_t len = strlen(s);
      bool space = true;
      for (size_t i = 0; i < len;) {
        enum token_kind kind;
        size_t end = token_end(s, len, i, &kind);
        if (kind != TOKEN_SPACE)
          add_word(w, hash_bytes(HASH_SEED, s + i, end - i), s + i, end - i, space);
        space = kind == TOKEN_SPACE;
        i = end;
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      const char *to = attr(c, "to");
      if (to)
        add_word(w, hash_bytes(HASH_SEED, to, strlen(to)), "(ref)", 5, true);
      words_of(w, c);
    }
  }
}

/* Words [lo, hi) of W, quoted, at most 60 bytes. */
static void quote(const struct wordv *w, size_t lo, size_t hi, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = 0;
  for (size_t i = lo; i < hi && n + 8 < size && n < 60; i++) {
    int k = snprintf(buf + n, size - n, "%s%.*s", i > lo && w->v[i].space ? " " : "",
                     (int)w->v[i].len, w->v[i].s);
    n += k > 0 ? (size_t)k : 0;
  }
  if (n >= size)
    n = size - 1;
  if (hi > lo && n >= 60)
    snprintf(buf + (n < size - 4 ? n : size - 4), 4, "…");
}

/* ------------------------------------------------------------ names */

/* "item b)", "section 'considérant'", "the title" … for messages. */
static void describe(const xmlNode *n, char *buf, size_t size) {
  const struct info *i = info_of(n);
  if ((is_el(n, "item") || is_el(n, "section")) && i && i->lab[0].has) {
    char l[LABEL_MAX + 8];
    label_text(&i->lab[0], l, sizeof l);
    snprintf(buf, size, "%s %s", (const char *)n->name, l);
    return;
  }
  const xmlNode *call = is_el(n, "section") ? child_el(n, "call") : NULL;
  if (call) {
    struct wordv w = {0};
    char q[80];
    words_of(&w, call);
    quote(&w, 0, w.n, q, sizeof q);
    free(w.v);
    snprintf(buf, size, "section '%s'", q);
    return;
  }
  const char *parent = n->parent && n->parent->type == XML_ELEMENT_NODE && is_el(n->parent, "item")
                           ? "of its item "
                           : "";
  snprintf(buf, size, "%s %s", is_el(n, "p") ? "a paragraph" : (const char *)n->name, parent);
  size_t len = strlen(buf);
  if (len && buf[len - 1] == ' ')
    buf[len - 1] = 0;
}

static void report(struct ctx *c, const xmlNode *at, const char *fmt, const char *what,
                   const char *a, const char *b) {
  diag_add(c->d, c->p->file, node_line(at), 0, &rule_base, fmt, what, a, b);
  c->count++;
}

/* ------------------------------------------------------------ walk */

/* The item or section a block belongs to, for messages. */
static const xmlNode *owner(const xmlNode *n) {
  for (const xmlNode *o = n; o && o->type == XML_ELEMENT_NODE; o = o->parent)
    if (is_el(o, "item") || is_el(o, "section"))
      return o;
  return n;
}

static void compare_text(struct ctx *c, const xmlNode *b, const xmlNode *p) {
  struct wordv wb = {0}, wp = {0};
  words_of(&wb, b);
  words_of(&wp, p);
  size_t lo = 0, tail = 0;
  while (lo < wb.n && lo < wp.n && wb.v[lo].h == wp.v[lo].h)
    lo++;
  while (tail < wb.n - lo && tail < wp.n - lo && wb.v[wb.n - 1 - tail].h == wp.v[wp.n - 1 - tail].h)
    tail++;
  if (lo < wb.n || lo < wp.n) {
    char what[160], qb[96], qp[96];
    const xmlNode *o = owner(p);
    describe(o, what, sizeof what);
    if (o != p && !is_el(p, "p")) {
      size_t len = strlen(what);
      snprintf(what + len, sizeof what - len, ", its %s", (const char *)p->name);
    }
    /* a word added or dropped is shown with the word before it (or after) */
    size_t from = lo, pe = wp.n - tail, be = wb.n - tail;
    if (pe == lo || be == lo) {
      if (lo > 0)
        from = lo - 1;
      else if (tail > 0)
        pe++, be++;
    }
    quote(&wp, from, pe, qp, sizeof qp);
    quote(&wb, from, be, qb, sizeof qb);
    report(c, p,
           "%s: the original text has '%s' where the text in force has '%s'; draft the "
           "proposal on the text in force",
           what, qp, qb);
  }
  free(wb.v);
  free(wp.v);
}

static void first_words(const xmlNode *n, char *buf, size_t size) {
  struct wordv w = {0};
  words_of(&w, n);
  quote(&w, 0, w.n < 8 ? w.n : 8, buf, size);
  free(w.v);
}

static void compare(struct ctx *c, const xmlNode *b, const xmlNode *p) {
  if (match_inline_block(p)) {
    compare_text(c, b, p);
    return;
  }
  struct matches m = {0};
  match_children(c->cache, (xmlNodePtr)b, (xmlNodePtr)p, &m);
  const xmlNode *last = p; /* where a missing block is reported */
  for (size_t i = 0; i < m.n; i++) {
    char what[160], words[96];
    if (m.v[i].kind == MATCH_BOTH) {
      compare(c, m.v[i].old, m.v[i].new);
      last = m.v[i].new;
    } else if (m.v[i].kind == MATCH_OLD) {
      describe(m.v[i].old, what, sizeof what);
      first_words(m.v[i].old, words, sizeof words);
      report(c, last,
             "%s of the text in force ('%s') is not in the original text%s; draft the proposal "
             "on the text in force",
             what, words, last == p ? " here" : " after this line");
    } else {
      describe(m.v[i].new, what, sizeof what);
      first_words(m.v[i].new, words, sizeof words);
      report(c, m.v[i].new,
             "%s of the original text ('%s') is not in the text in force%s; draft the proposal "
             "on the text in force",
             what, words, "");
      last = m.v[i].new;
    }
  }
  matches_free(&m);
}

size_t baseline_compare(struct analysis *p, struct analysis *base, struct diags *d) {
  struct ctx c = {NULL, p, d, 0};
  xmlNodePtr br = xmlDocGetRootElement(base->doc), pr = xmlDocGetRootElement(p->doc);
  if (!br || !pr)
    return 0;
  resolve_marks(p, VIEW_ORIGINAL);
  if (is_el(br, "proposal")) { /* the text in force given as a proposal: its resolution */
    xmlNodePtr am = child_el(br, "amendment");
    br = am ? child_el(am, "resolution") : NULL;
    if (!br)
      return 0;
  }
  c.cache = match_cache_new();
  if (!is_el(pr, "proposal"))
    compare(&c, br, pr);
  for (xmlNodePtr am = is_el(pr, "proposal") ? first_el(pr) : NULL; am; am = next_el(am)) {
    const char *action = attr(am, "action");
    xmlNodePtr res = child_el(am, "resolution");
    if (!is_el(am, "amendment") || !res || symbol_is(action, "ADD"))
      continue;
    if (symbol_is(action, "SUP")) { /* SUP, SUP*: given by its heading only */
      xmlNodePtr hb = child_el(br, "heading"), hp = child_el(res, "heading");
      if (hb && hp)
        compare(&c, hb, hp);
    } else {
      compare(&c, br, res);
    }
  }
  match_cache_free(c.cache);
  return c.count;
}

struct analysis *baseline_load(struct schema *schema, const char *path, enum diag_format fmt) {
  struct diags d;
  diags_init(&d);
  struct analysis *a = NULL;
  int rc = pipeline_check(schema, path, &d, &a);
  if (rc == 0 && pipeline_verdict(&d, false) == 0 && a->has_marks) {
    diag_add(&d, path, 0, 0, &rule_base,
             "the text in force holds revision marks; accept them first (resc accept)");
  }
  if (rc != 0 || pipeline_verdict(&d, false) != 0) {
    fprintf(stderr, "resc: the text in force '%s' does not load:\n", path);
    diags_sort(&d);
    diags_print(&d, fmt, stderr);
    if (a) {
      xmlDocPtr doc = a->doc;
      analysis_free(a);
      xmlFreeDoc(doc);
    }
    a = NULL;
  }
  diags_free(&d);
  return a;
}

int baseline_check_file(struct schema *schema, struct analysis *base, const char *file,
                        enum diag_format fmt, void *out, size_t *errors) {
  struct diags d, ignored;
  diags_init(&d);
  diags_init(&ignored); /* the file's own findings: check printed them already */
  struct analysis *a = NULL;
  int rc = pipeline_check(schema, file, &ignored, &a);
  size_t n = rc == 0 ? baseline_compare(a, base, &d) : 0;
  diags_sort(&d);
  diags_print(&d, fmt, out);
  *errors += n;
  if (a) {
    xmlDocPtr doc = a->doc;
    analysis_free(a);
    xmlFreeDoc(doc);
  }
  diags_free(&d);
  diags_free(&ignored);
  return n ? 1 : 0;
}
