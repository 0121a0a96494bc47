/* word/numbering.xml: takes the numbering part, yields the label Word
 * prints for each numbered paragraph, counting as Word counts: a
 * counter per abstract numbering and level, starting at the level's
 * w:start (or a w:num's w:startOverride, the first time that w:num is
 * used: a restart), and the levels below reset when a level advances.
 * The label is the level's w:lvlText with %1 … %9 replaced by the
 * counters in the level's w:numFmt (lowerLetter, lowerRoman, decimal …);
 * a bullet becomes the dash of ITU lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "import/docx.h"

#define LEVELS 9

struct level {
  char fmt[16];
  char text[32];
  int start;
};

struct abstract {
  int id;
  struct level lvl[LEVELS];
  int count[LEVELS]; /* what was printed last; -1 before the first */
};

struct num {
  int id, abstract;
  int override[LEVELS]; /* startOverride, -1 none */
  bool used;
};

struct docx_numbering {
  struct abstract *a;
  size_t na;
  struct num *n;
  size_t nn;
};

static int ival(const xmlNode *n, int dflt) {
  const char *v = w_attr(n, "val");
  return v ? atoi(v) : dflt;
}

static void read_abstract(xmlNodePtr el, struct abstract *a) {
  memset(a, 0, sizeof *a);
  const char *id = w_attr(el, "abstractNumId");
  a->id = id ? atoi(id) : -1;
  for (int i = 0; i < LEVELS; i++) {
    a->count[i] = -1;
    a->lvl[i].start = 1;
    snprintf(a->lvl[i].fmt, sizeof a->lvl[i].fmt, "decimal");
  }
  for (xmlNodePtr l = el->children; l; l = l->next) {
    if (!w_is(l, "lvl"))
      continue;
    const char *il = w_attr(l, "ilvl");
    int i = il ? atoi(il) : -1;
    if (i < 0 || i >= LEVELS)
      continue;
    a->lvl[i].start = ival(w_child(l, "start"), 1);
    const char *f = w_attr(w_child(l, "numFmt"), "val");
    const char *t = w_attr(w_child(l, "lvlText"), "val");
    snprintf(a->lvl[i].fmt, sizeof a->lvl[i].fmt, "%s", f ? f : "decimal");
    snprintf(a->lvl[i].text, sizeof a->lvl[i].text, "%s", t ? t : "");
  }
}

static void read_num(xmlNodePtr el, struct num *n) {
  const char *id = w_attr(el, "numId");
  n->id = id ? atoi(id) : -1;
  n->abstract = ival(w_child(el, "abstractNumId"), -1);
  n->used = false;
  for (int i = 0; i < LEVELS; i++)
    n->override[i] = -1;
  for (xmlNodePtr o = el->children; o; o = o->next) {
    const char *il = w_is(o, "lvlOverride") ? w_attr(o, "ilvl") : NULL;
    int i = il ? atoi(il) : -1;
    if (i >= 0 && i < LEVELS && w_child(o, "startOverride"))
      n->override[i] = ival(w_child(o, "startOverride"), 1);
  }
}

struct docx_numbering *docx_numbering_load(xmlDocPtr numbering) {
  xmlNodePtr root = numbering ? xmlDocGetRootElement(numbering) : NULL;
  struct docx_numbering *n = xcalloc(1, sizeof *n);
  if (!root || !n)
    return n;
  size_t na = 0, nn = 0;
  for (xmlNodePtr c = root->children; c; c = c->next)
    na += w_is(c, "abstractNum"), nn += w_is(c, "num");
  n->a = xcalloc(na + 1, sizeof *n->a);
  n->n = xcalloc(nn + 1, sizeof *n->n);
  if (!n->a || !n->n)
    return n;
  for (xmlNodePtr c = root->children; c; c = c->next) {
    if (w_is(c, "abstractNum"))
      read_abstract(c, &n->a[n->na++]);
    else if (w_is(c, "num"))
      read_num(c, &n->n[n->nn++]);
  }
  return n;
}

void docx_numbering_free(struct docx_numbering *n) {
  if (!n)
    return;
  free(n->a);
  free(n->n);
  free(n);
}

static void roman(int v, char *out, size_t size) {
  static const struct {
    int v;
    const char *s;
  } t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
           {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  size_t k = 0;
  out[0] = 0;
  for (size_t i = 0; i < sizeof t / sizeof t[0] && v > 0 && v < 4000; i++)
    while (v >= t[i].v && k + strlen(t[i].s) < size) {
      memcpy(out + k, t[i].s, strlen(t[i].s) + 1);
      k += strlen(t[i].s);
      v -= t[i].v;
    }
}

/* Word's letters: a … z, then aa … zz, aaa … (the letter repeated) */
static void letters(int v, char *out, size_t size, char base) {
  if (v < 1)
    v = 1;
  int reps = (v - 1) / 26 + 1;
  size_t k = 0;
  for (int i = 0; i < reps && k + 1 < size; i++)
    out[k++] = (char)(base + (v - 1) % 26);
  out[k] = 0;
}

static void format_value(const char *fmt, int v, char *out, size_t size) {
  if (strcmp(fmt, "lowerLetter") == 0)
    letters(v, out, size, 'a');
  else if (strcmp(fmt, "upperLetter") == 0)
    letters(v, out, size, 'A');
  else if (strcmp(fmt, "lowerRoman") == 0)
    roman(v, out, size);
  else if (strcmp(fmt, "upperRoman") == 0) {
    roman(v, out, size);
    for (char *p = out; *p; p++)
      *p = (char)(*p - 32);
  } else
    snprintf(out, size, "%d", v);
}

static struct num *find_num(struct docx_numbering *n, int id) {
  for (size_t i = 0; i < n->nn; i++)
    if (n->n[i].id == id)
      return &n->n[i];
  return NULL;
}

static struct abstract *find_abstract(struct docx_numbering *n, int id) {
  for (size_t i = 0; i < n->na; i++)
    if (n->a[i].id == id)
      return &n->a[i];
  return NULL;
}

static void expand(const struct abstract *a, int ilvl, char *out, size_t size) {
  const char *t = a->lvl[ilvl].text;
  size_t k = 0;
  for (; *t && k + 1 < size; t++) {
    if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
      int l = t[1] - '1';
      char v[24];
      format_value(a->lvl[l].fmt, a->count[l] < 0 ? a->lvl[l].start : a->count[l], v, sizeof v);
      size_t vl = strlen(v);
      if (k + vl + 1 >= size)
        break;
      memcpy(out + k, v, vl);
      k += vl;
      t++;
    } else {
      out[k++] = *t;
    }
  }
  out[k] = 0;
}

bool docx_numbering_next(struct docx_numbering *n, int num_id, int ilvl, char *out, size_t size) {
  out[0] = 0;
  struct num *num = n ? find_num(n, num_id) : NULL;
  struct abstract *a = num ? find_abstract(n, num->abstract) : NULL;
  if (!a || ilvl < 0 || ilvl >= LEVELS || strcmp(a->lvl[ilvl].fmt, "none") == 0)
    return false;
  if (!num->used) {
    num->used = true;
    for (int i = 0; i < LEVELS; i++)
      if (num->override[i] >= 0)
        a->count[i] = num->override[i] - 1;
  }
  struct level *l = &a->lvl[ilvl];
  a->count[ilvl] = a->count[ilvl] < 0 ? l->start : a->count[ilvl] + 1;
  for (int i = ilvl + 1; i < LEVELS; i++)
    a->count[i] = -1;
  if (strcmp(l->fmt, "bullet") == 0) {
    snprintf(out, size, "\xE2\x80\x93"); /* – */
    return true;
  }
  expand(a, ilvl, out, size);
  return out[0] != 0;
}
