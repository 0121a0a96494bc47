/* The semantic rules that read the analysed tree: marks, action,
 * history, punctuation, stale-ref (label and ref run in analyse.c, where
 * their results are computed). Rules that depend on the view run once per
 * side; a finding that is the same in both texts is reported once. */
#include "rules/checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/doc.h"
#include "core/text.h"

struct ctx {
  struct analysis *a;
  struct diags *d;
  struct vtext t;
  char *raw; /* stale-ref's scratch: a paragraph's text, markup aside */
  size_t raw_cap;
};

/* A per-side finding, so that both sides can be compared before it is
 * reported. */
struct finding {
  bool set;
  long line;
  char msg[768];
};

/* ============================================================ marks */

static const char *mark_name(const xmlNode *n) {
  if (is_el(n, "ins") || is_el(n, "del"))
    return (const char *)n->name;
  return NULL;
}

static bool is_empty_mark(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE)
      return false;
    if (c->type == XML_TEXT_NODE)
      for (const xmlChar *p = c->content; p && *p; p++)
        if (!isspace(*p))
          return false;
  }
  return true;
}

static void describe(const xmlNode *n, char *buf, size_t size) {
  if (mark_name(n))
    snprintf(buf, size, "<%s> (line %ld)", mark_name(n), node_line(n));
  else
    snprintf(buf, size, "%s %s with change=\"%s\" (line %ld)",
             strchr("aeiou", n->name[0]) ? "an" : "a", (const char *)n->name, attr(n, "change"),
             node_line(n));
}

static void check_marks(struct ctx *c, xmlNodePtr n, xmlNodePtr outer) {
  for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    bool marks = mark_name(ch) || attr(ch, "change");
    xmlNodePtr next_outer = outer;
    if (marks) {
      if (outer) {
        char o[128];
        describe(outer, o, sizeof o);
        if (mark_name(ch))
          diag_add(c->d, c->a->file, node_line(ch), 0, SEV_ERROR, "marks",
                   "<%s> inside %s: revision marks do not nest; mark the text once", ch->name, o);
        else
          diag_add(c->d, c->a->file, node_line(ch), 0, SEV_ERROR, "marks",
                   "change=\"%s\" on %s %s inside %s: a changed block holds no other mark",
                   attr(ch, "change"), strchr("aeiou", ch->name[0]) ? "an" : "a", ch->name, o);
      } else {
        next_outer = ch;
      }
      if (mark_name(ch) && is_empty_mark(ch))
        diag_add(c->d, c->a->file, node_line(ch), 0, SEV_ERROR, "marks",
                 "empty <%s>: it %s nothing; remove it", ch->name,
                 is_el(ch, "ins") ? "inserts" : "deletes");
    }
    check_marks(c, ch, next_outer);
  }
}

/* ============================================================ action */

static void count_marks(const xmlNode *n, int *ins, int *del) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int s = own_sides(ch);
    *ins += s == SIDE_A;
    *del += s == SIDE_O;
    count_marks(ch, ins, del);
  }
}

static void check_action(struct ctx *c, xmlNodePtr am) {
  const char *action = attr(am, "action");
  xmlNodePtr res = child_el(am, "resolution");
  if (!action || !res)
    return;
  int ins = 0, del = 0;
  count_marks(res, &ins, &del);
  long line = node_line(am);
  const char *file = c->a->file;
  if (strcmp(action, "MOD") == 0 && ins + del == 0)
    diag_add(c->d, file, line, 0, SEV_ERROR, "action",
             "MOD amendment whose resolution has no revision mark; mark the changes, or use NOC "
             "for no change");
  else if (strcmp(action, "ADD") == 0 && del)
    diag_add(c->d, file, line, 0, SEV_ERROR, "action",
             "ADD amendment with %d deletion%s: a new resolution has nothing to delete", del,
             del > 1 ? "s" : "");
  else if (strcmp(action, "NOC") == 0 && ins + del)
    diag_add(c->d, file, line, 0, SEV_ERROR, "action",
             "NOC amendment with %d revision mark%s: use MOD to change the resolution", ins + del,
             ins + del > 1 ? "s" : "");
  else if (strcmp(action, "SUP") == 0) {
    for (xmlNodePtr ch = first_el(res); ch; ch = next_el(ch))
      if (!is_el(ch, "heading")) {
        diag_add(c->d, file, node_line(ch), 0, SEV_ERROR, "action",
                 "SUP amendment gives the resolution's %s: a suppressed resolution is given by "
                 "its heading only",
                 (const char *)ch->name);
        break;
      }
  }
}

/* ============================================================ history */

/* Compares two texts as a reader would: a no-break space (U+00A0, U+202F)
 * is a space. */
static const char *skip_space(const char *s, bool *space) {
  *space = false;
  for (;;) {
    if (*s == ' ') {
      s++;
    } else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
      s += 2;
    } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
               (unsigned char)s[2] == 0xAF) {
      s += 3;
    } else {
      return s;
    }
    *space = true;
  }
}

static bool same_words(const char *a, const char *b) {
  for (;;) {
    bool sa, sb;
    a = skip_space(a, &sa);
    b = skip_space(b, &sb);
    if (sa != sb || *a != *b)
      return false;
    if (!*a)
      return true;
    a++, b++;
  }
}

static const xmlNode *last_event(const xmlNode *history, int side) {
  const xmlNode *last = NULL;
  for (const xmlNode *e = first_el(history); e; e = next_el(e))
    if (is_el(e, "event") && (own_sides(e) & side))
      last = e;
  return last;
}

/* "Rév. Genève, 2022" → "Genève, 2022"; NULL when the note is of
 * another form ("C11, dernière mod. C24"). */
static const char *revision_of(const char *note) {
  static const char *const prefixes[] = {"Rév.", "Rev.", "Rév", "Rev"};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    size_t n = strlen(prefixes[i]);
    if (strncmp(note, prefixes[i], n) == 0) {
      bool space;
      const char *p = note + n;
      while (*p == '.')
        p++;
      return skip_space(p, &space);
    }
  }
  return NULL;
}

/* The last "(…)" of the authority line: "(Genève, 2022)"; *AT is where
 * it opens. */
static char *last_parenthesis(const char *s, size_t *at) {
  const char *close = strrchr(s, ')');
  if (!close)
    return NULL;
  const char *open = close;
  while (open > s && *open != '(')
    open--;
  if (*open != '(')
    return NULL;
  *at = (size_t)(open - s);
  return strndup(open + 1, (size_t)(close - open - 1));
}

static void history_side(struct ctx *c, const xmlNode *heading, const xmlNode *authority, int side,
                         struct finding f[2]) {
  const xmlNode *hist = child_el(heading, "history"), *note = child_el(heading, "note");
  const xmlNode *ev = last_event(hist, side);
  if (!ev)
    return;
  char *last = vtext_copy(&c->t, ev, side);
  struct finding *out = &f[0];
  if (note && (node_sides(note) & side)) {
    char *nt = vtext_copy(&c->t, note, side);
    const char *rev = revision_of(nt);
    if (rev && !same_words(rev, last)) {
      out->set = true;
      out->line = node_line(note);
      snprintf(out->msg, sizeof out->msg,
               "the note names '%s' but the last event of the history%s is '%s'", rev,
               in_text(c->a, side), last);
    }
    free(nt);
  }
  out = &f[1];
  if (authority && (node_sides(authority) & side)) {
    char *at = vtext_copy(&c->t, authority, side);
    size_t open = 0;
    char *place = last_parenthesis(at, &open);
    if (place && !same_words(place, last)) {
      out->set = true;
      out->line = c->t.line[open]; /* c->t still holds the authority line */
      snprintf(out->msg, sizeof out->msg,
               "the authority line names '(%s)' but the last event of the history%s is '%s'", place,
               in_text(c->a, side), last);
    } else if (!place) {
      out->set = true;
      out->line = node_line(authority);
      snprintf(out->msg, sizeof out->msg,
               "the authority line%s names no place and year in parentheses; the history ends "
               "with '%s'",
               in_text(c->a, side), last);
    }
    free(place);
    free(at);
  }
  free(last);
}

static void cut(char *s, const char *what) {
  char *p = strstr(s, what);
  if (p)
    memmove(p, p + strlen(what), strlen(p + strlen(what)) + 1);
}

/* The two messages without their side words, to compare them. */
static void emit_pair_same(struct finding *x, struct finding *y) {
  cut(x->msg, " in the original text");
  cut(y->msg, " in the amended text");
}

static void emit(struct ctx *c, enum severity sev, const char *rule, struct finding *o,
                 struct finding *a) {
  if (o->set && a->set && o->line == a->line) {
    /* the same finding on both sides is reported once */
    struct finding x = *o, y = *a;
    emit_pair_same(&x, &y);
    if (strcmp(x.msg, y.msg) == 0) {
      diag_add(c->d, c->a->file, o->line, 0, sev, rule, "%s", x.msg);
      return;
    }
  }
  if (o->set)
    diag_add(c->d, c->a->file, o->line, 0, sev, rule, "%s", o->msg);
  if (a->set)
    diag_add(c->d, c->a->file, a->line, 0, sev, rule, "%s", a->msg);
}

static void check_history(struct ctx *c, xmlNodePtr res) {
  xmlNodePtr heading = child_el(res, "heading");
  if (!heading || !child_el(heading, "history"))
    return;
  xmlNodePtr authority = child_el(child_el(res, "preamble"), "authority");
  struct finding fo[2] = {{0}}, fa[2] = {{0}};
  history_side(c, heading, authority, SIDE_O, fo);
  history_side(c, heading, authority, SIDE_A, fa);
  for (int i = 0; i < 2; i++)
    emit(c, SEV_ERROR, "history", &fo[i], &fa[i]);
}

/* ============================================================ punctuation */

struct expect {
  const char *end;    /* ";" "," "." */
  const char *reason; /* why */
};

/* The findings of one rule in one section, per side. */
struct findings {
  struct finding v[32];
  int n;
};

/* An item is named by its amended label when it has one, so that a
 * finding on both sides reads the same and is reported once. */
static void item_name(const xmlNode *item, int side, char *buf, size_t size) {
  const struct info *ii = info_of(item);
  char t[LABEL_MAX + 8];
  label_text(&ii->lab[(ii->in & SIDE_A) && ii->lab[1].has ? 1 : SIDX(side)], t, sizeof t);
  if (t[0])
    snprintf(buf, size, "item %s", t);
  else
    snprintf(buf, size, "the item");
}

/* The last character of a block's text on SIDE (UTF-8 aware). */
static bool last_char(struct ctx *c, const xmlNode *p, int side, char *out, long *line) {
  vtext_of(&c->t, p, side);
  if (!c->t.n)
    return false;
  size_t i = c->t.n - 1;
  while (i > 0 && ((unsigned char)c->t.s[i] & 0xC0) == 0x80)
    i--;
  snprintf(out, 8, "%s", c->t.s + i);
  *line = c->t.line[c->t.n - 1];
  return true;
}

static void check_end(struct ctx *c, const xmlNode *item, const xmlNode *p, int side,
                      const struct expect *e, struct findings *f) {
  char ch[8], name[LABEL_MAX + 16], ends[32];
  long line;
  if (f->n == 32 || (block_last_char(p, side, ch, sizeof ch) && strcmp(ch, e->end) == 0))
    return;
  if (!last_char(c, p, side, ch, &line) || strcmp(ch, e->end) == 0)
    return;
  item_name(item, side, name, sizeof name);
  if (isalnum((unsigned char)ch[0]) || (unsigned char)ch[0] >= 0x80)
    snprintf(ends, sizeof ends, "ends without punctuation");
  else
    snprintf(ends, sizeof ends, "ends with '%s'", ch);
  struct finding *x = &f->v[f->n++];
  x->set = true;
  x->line = line;
  snprintf(x->msg, sizeof x->msg, "%s %s but should end with '%s'%s (%s)", name, ends, e->end,
           in_text(c->a, side), e->reason);
}

static void punct_items(struct ctx *c, const xmlNode *parent, int side, const struct expect *e,
                        const char *where_name, struct findings *f);

/* The items of a list end with ';', the last one as its parent item
 * would. */
static void punct_list(struct ctx *c, const xmlNode *item, const xmlNode *list, int side,
                       const struct expect *e, struct findings *f) {
  char name[LABEL_MAX + 16], reason[256];
  item_name(item, side, name, sizeof name);
  const char *rest = strncmp(e->reason, "it ", 3) == 0 ? e->reason + 3 : e->reason;
  snprintf(reason, sizeof reason, "it ends the list of %s, which %s", name, rest);
  struct expect last = {e->end, reason};
  punct_items(c, list, side, &last, "list", f);
}

static void punct_item(struct ctx *c, const xmlNode *item, int side, const struct expect *e,
                       struct findings *f) {
  static const struct expect colon = {":", "it introduces a list"};
  const xmlNode *last = NULL;
  for (const xmlNode *b = first_el(item); b; b = next_el(b)) {
    if (!(is_el(b, "p") || is_el(b, "list")) || !(own_sides(b) & side))
      continue;
    if (is_el(b, "list") && last && is_el(last, "p"))
      check_end(c, item, last, side, &colon, f);
    last = b;
  }
  if (last && is_el(last, "p"))
    check_end(c, item, last, side, e, f);
  else if (last)
    punct_list(c, item, last, side, e, f);
}

static void punct_items(struct ctx *c, const xmlNode *parent, int side, const struct expect *e,
                        const char *where_name, struct findings *f) {
  const xmlNode *prev = NULL;
  char semi_reason[64];
  snprintf(semi_reason, sizeof semi_reason, "it is not the last item of its %s", where_name);
  struct expect semi = {";", semi_reason};
  for (const xmlNode *it = first_el(parent); it; it = next_el(it)) {
    if (!is_el(it, "item") || !(own_sides(it) & side))
      continue;
    if (prev)
      punct_item(c, prev, side, &semi, f);
    prev = it;
  }
  if (prev)
    punct_item(c, prev, side, e, f);
}

static const xmlNode *last_section_with_items(const xmlNode *res, int side) {
  const xmlNode *found = NULL;
  const char *parts[] = {"preamble", "operative"};
  for (int i = 0; i < 2; i++)
    for (const xmlNode *s = first_el(child_el(res, parts[i])); s; s = next_el(s)) {
      if (!is_el(s, "section") || !(own_sides(s) & side))
        continue;
      for (const xmlNode *it = first_el(s); it; it = next_el(it))
        if (is_el(it, "item") && (own_sides(it) & side))
          found = s;
    }
  return found;
}

/* Reports the findings of both sides, once where they agree. */
static void emit_all(struct ctx *c, const char *rule, struct findings *o, struct findings *a) {
  bool used[32] = {false};
  for (int i = 0; i < o->n; i++) {
    int match = -1;
    for (int j = 0; j < a->n && match < 0; j++) {
      struct finding x = o->v[i], y = a->v[j];
      if (used[j] || x.line != y.line)
        continue;
      emit_pair_same(&x, &y);
      if (strcmp(x.msg, y.msg) == 0)
        match = j;
    }
    if (match >= 0) {
      used[match] = true;
      emit(c, SEV_WARNING, rule, &o->v[i], &a->v[match]);
    } else {
      diag_add(c->d, c->a->file, o->v[i].line, 0, SEV_WARNING, rule, "%s", o->v[i].msg);
    }
  }
  for (int j = 0; j < a->n; j++)
    if (!used[j])
      diag_add(c->d, c->a->file, a->v[j].line, 0, SEV_WARNING, rule, "%s", a->v[j].msg);
}

static void check_punctuation(struct ctx *c, xmlNodePtr res) {
  static const struct expect comma = {",", "it is the last item of its section"};
  static const struct expect stop = {".", "it is the last item of the resolution"};
  const char *parts[] = {"preamble", "operative"};
  const xmlNode *last[2] = {last_section_with_items(res, SIDE_O),
                            last_section_with_items(res, SIDE_A)};
  for (int i = 0; i < 2; i++) {
    for (xmlNodePtr s = first_el(child_el(res, parts[i])); s; s = next_el(s)) {
      if (!is_el(s, "section"))
        continue;
      struct findings f[2];
      f[0].n = f[1].n = 0;
      for (int side = SIDE_O; side <= SIDE_A; side++) {
        if (!(node_sides(s) & side))
          continue;
        const struct expect *e = s == last[SIDX(side)] ? &stop : &comma;
        punct_items(c, s, side, e, "section", &f[SIDX(side)]);
      }
      emit_all(c, "punctuation", &f[0], &f[1]);
    }
  }
}

/* ============================================================ stale-ref */

static const char *const cite_words[] = {"points",     "point",     "alinéas", "alinéa",
                                         "paragraphs", "paragraph", "puntos",  "punto",
                                         "apartados",  "apartado"};
static const char *const joiners[] = {", ", " et ", " and ", " y ", " à ", " to ", " a ", "-"};
static const char *const preps[] = {" du ",     " de la ", " de l'", " des ",
                                    " of the ", " of ",    " del ",  " de "};

static size_t match_any(const char *s, const char *const *words, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(words[i]);
    if (strncasecmp(s, words[i], len) == 0)
      return len;
  }
  return 0;
}

/* A label as cited: "i)", "5", "b)bis"; returns its length, with the
 * bare value in LAB. */
static size_t cited_label(const char *s, char *lab, size_t size) {
  size_t n = 0;
  if (isdigit((unsigned char)s[0])) {
    while (isdigit((unsigned char)s[n]))
      n++;
    if (isalpha((unsigned char)s[n]))
      return 0;
    snprintf(lab, size, "%.*s", (int)n, s);
    return n;
  }
  while (n < 6 && islower((unsigned char)s[n]))
    n++;
  if (n == 0 || s[n] != ')')
    return 0;
  snprintf(lab, size, "%.*s", (int)n, s);
  return n + 1;
}

static size_t word_len(const char *s) {
  size_t n = 0;
  while (s[n] && (isalpha((unsigned char)s[n]) || s[n] == '-' || (unsigned char)s[n] >= 0x80))
    n++;
  return n;
}

/* How many leading words TEXT shares with CALL (case aside); *LEN gets
 * the bytes of TEXT they cover, *FULL whether all of CALL matched. */
static int shared_words(const char *text, const char *call, size_t *len, bool *full) {
  int words = 0;
  size_t i = 0;
  *len = 0;
  for (;;) {
    size_t w = word_len(call + i);
    if (!w || strncasecmp(text + i, call + i, w) != 0 || (word_len(text + i) != w))
      break;
    words++;
    i += w;
    *len = i;
    if (call[i] != ' ' || text[i] != ' ')
      break;
    i++;
  }
  *full = call[*len] == 0;
  return words;
}

/* The section a citation names by its call: the one whose call shares
 * the most leading words with the text ("considérant en outre" is not
 * "considérant"), a call matched whole winning a tie, then the first. */
static const xmlNode *section_by_call(struct ctx *c, const xmlNode *res, const char *text,
                                      size_t *len) {
  const char *parts[] = {"preamble", "operative"};
  const xmlNode *best = NULL;
  int best_words = 0;
  bool best_full = false;
  for (int i = 0; i < 2; i++)
    for (const xmlNode *s = first_el(child_el(res, parts[i])); s; s = next_el(s)) {
      const xmlNode *call = child_el(s, "call");
      if (!call || !(node_sides(s) & SIDE_O))
        continue;
      char *t = vtext_copy(&c->t, call, SIDE_O);
      size_t l;
      bool full;
      int words = shared_words(text, t, &l, &full);
      free(t);
      if (words > best_words || (words == best_words && words && full && !best_full)) {
        best = s;
        best_words = words;
        best_full = full;
        *len = l;
      }
    }
  return best;
}

static const xmlNode *item_was(const xmlNode *section, const char *lab) {
  for (const xmlNode *it = first_el(section); it; it = next_el(it)) {
    if (!is_el(it, "item") || !info_of(it))
      continue;
    char v[LABEL_MAX];
    label_value(&info_of(it)->lab[0], v, sizeof v);
    if ((info_of(it)->in & SIDE_O) && strcmp(v, lab) == 0)
      return it;
  }
  return NULL;
}

/* One citation starting at s[at]: "point i) du considérant". */
static void stale_at(struct ctx *c, const xmlNode *res, const struct vtext *t, size_t at) {
  const char *s = t->s + at;
  /* every citation word starts with p or a: most words stop here, before
   * ten comparisons each (a fifth of the checking of res75-atu) */
  char first = (char)tolower((unsigned char)s[0]);
  if (first != 'p' && first != 'a')
    return;
  size_t n = match_any(s, cite_words, sizeof cite_words / sizeof cite_words[0]);
  if (!n || s[n] != ' ')
    return;
  n++;
  char labs[8][LABEL_MAX];
  bool updated[8] = {false};
  int nl = 0;
  for (;;) {
    size_t l = cited_label(s + n, labs[nl], LABEL_MAX);
    if (!l)
      break;
    /* a label the amendment itself wrote (<del>c)</del><ins>d)</ins>)
     * follows the amended lettering already */
    for (size_t k = 0; k < l; k++)
      updated[nl] |= t->ins[at + n + k];
    n += l;
    if (++nl == 8)
      break;
    size_t j = match_any(s + n, joiners, sizeof joiners / sizeof joiners[0]);
    if (!j)
      break;
    n += j;
  }
  size_t p = nl ? match_any(s + n, preps, sizeof preps / sizeof preps[0]) : 0;
  if (!p)
    return;
  n += p;
  size_t w = 0;
  const xmlNode *sec = section_by_call(c, res, s + n, &w);
  if (!sec)
    return;
  for (int i = 0; i < nl; i++) {
    const xmlNode *it = updated[i] ? NULL : item_was(sec, labs[i]);
    if (!it)
      continue;
    const struct info *ii = info_of(it);
    char now[LABEL_MAX + 8], was[LABEL_MAX + 8];
    label_text(&ii->lab[0], was, sizeof was);
    label_text(&ii->lab[1], now, sizeof now);
    char v[LABEL_MAX];
    label_value(&ii->lab[1], v, sizeof v);
    if ((ii->in & SIDE_A) && strcmp(v, labs[i]) == 0)
      continue;
    if (ii->in & SIDE_A)
      diag_add(c->d, c->a->file, t->line[at], 0, SEV_WARNING, "stale-ref",
               "\"%.*s\": the item that was %s is %s in the amended text", (int)(n + w), s, was,
               now[0] ? now : "unlabelled");
    else
      diag_add(c->d, c->a->file, t->line[at], 0, SEV_WARNING, "stale-ref",
               "\"%.*s\": the item that was %s is deleted in the amended text", (int)(n + w), s,
               was);
  }
}

/* Appends the text under N, of every side, to C->raw from *LEN on. */
static void gather(struct ctx *c, const xmlNode *n, size_t *len) {
  for (const xmlNode *ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_ELEMENT_NODE) {
      gather(c, ch, len);
      continue;
    }
    if (ch->type != XML_TEXT_NODE || !ch->content)
      continue;
    size_t k = strlen((const char *)ch->content);
    if (*len + k + 1 > c->raw_cap) {
      c->raw_cap = 2 * (*len + k + 1);
      c->raw = realloc(c->raw, c->raw_cap);
      if (!c->raw)
        abort();
    }
    memcpy(c->raw + *len, ch->content, k);
    *len += k;
  }
}

/* Whether S (LEN bytes, folded to lower case as compared) starts with
 * STEM, which is lower case. */
static bool starts_folded(const char *s, size_t len, const char *stem) {
  size_t i = 0;
  for (; stem[i]; i++)
    if (i >= len || (s[i] | 0x20) != stem[i])
      return false;
  return true;
}

/* Whether paragraph P's text, of any side, markup aside, holds the start
 * of a citation word: most paragraphs do not, and they are passed over
 * without building their text with its lines and marks, which was a sixth
 * of the cost of checking the benchmark's corpus. The raw text is gathered, so that
 * markup inside a word does not hide it, and each p or a (case aside:
 * every citation word starts with one) is compared with the stems. */
static bool may_cite(struct ctx *c, const xmlNode *p) {
  static const char *const p_stems[] = {"point", "punto", "paragraph"};
  static const char *const a_stems[] = {"alin", "apartado"};
  size_t len = 0;
  gather(c, p, &len);
  if (len == 0)
    return false;
  c->raw[len] = 0; /* gather leaves room */
  /* strpbrk skips to the next p or a with the C library's vector code */
  for (const char *at = strpbrk(c->raw, "pPaA"); at; at = strpbrk(at + 1, "pPaA")) {
    size_t rest = len - (size_t)(at - c->raw);
    bool p_word = (*at | 0x20) == 'p';
    const char *const *stems = p_word ? p_stems : a_stems;
    size_t n = p_word ? sizeof p_stems / sizeof p_stems[0] : sizeof a_stems / sizeof a_stems[0];
    for (size_t k = 0; k < n; k++)
      if (starts_folded(at, rest, stems[k]))
        return true;
  }
  return false;
}

/* SIDES: where N is present (carried down rather than asked of each
 * node, which walks up to the root). */
static void stale_walk(struct ctx *c, const xmlNode *res, xmlNodePtr n, int sides) {
  for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
    if (ch->type != XML_ELEMENT_NODE)
      continue;
    int in = sides & own_sides(ch);
    if (!(in & SIDE_A))
      continue;
    if (is_el(ch, "p") && may_cite(c, ch)) {
      struct vtext t;
      vtext_init(&t);
      vtext_block(&t, ch, SIDE_A);
      for (size_t i = 0; i < t.n; i++)
        if (i == 0 || !isalpha((unsigned char)t.s[i - 1]))
          stale_at(c, res, &t, i);
      vtext_free(&t);
    }
    stale_walk(c, res, ch, in);
  }
}

/* ============================================================ driver */

static void check_resolution(struct ctx *c, xmlNodePtr res) {
  check_history(c, res);
  check_punctuation(c, res);
  if (c->a->has_marks)
    stale_walk(c, res, res, node_sides(res));
}

void check_rules(struct analysis *a, struct diags *d) {
  struct ctx c = {a, d, {0}, NULL, 0};
  vtext_init(&c.t);
  xmlNodePtr root = xmlDocGetRootElement(a->doc);
  check_marks(&c, root, NULL);
  if (is_el(root, "resolution"))
    check_resolution(&c, root);
  for (xmlNodePtr am = first_el(root); am; am = next_el(am))
    if (is_el(am, "amendment")) {
      check_action(&c, am);
      if (child_el(am, "resolution"))
        check_resolution(&c, child_el(am, "resolution"));
    }
  vtext_free(&c.t);
  free(c.raw);
}
