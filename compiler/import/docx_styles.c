/* word/styles.xml: takes the styles part, yields for each paragraph style
 * its role in the ITU templates (ResNo, Restitle, Call, enumlev1 …), the
 * numbering and indentation it applies, and the document's language.
 *
 * A style is known by its id or by its name (LibreOffice and translated
 * Word versions rename ids: "Normal after title" may come back as
 * "Normalaftertitle" or "NormalAfterTitle"); a style the table does not
 * know takes the role of the style it is based on. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "import/docx.h"

static const struct {
  const char *name; /* compared without spaces, case-insensitively */
  enum role role;
  int level;
} known[] = {
    {"ResNo", ROLE_RESNO, 0},
    {"Restitle", ROLE_RESTITLE, 0},
    {"Resref", ROLE_RESREF, 0},
    {"Normalaftertitle", ROLE_AFTERTITLE, 0},
    {"Call", ROLE_CALL, 0},
    {"enumlev1", ROLE_ENUMLEV, 1},
    {"enumlev2", ROLE_ENUMLEV, 2},
    {"enumlev3", ROLE_ENUMLEV, 3},
    {"AnnexNo", ROLE_ANNEXNO, 0},
    {"Annextitle", ROLE_ANNEXTITLE, 0},
    {"Proposal", ROLE_PROPOSAL, 0},
    {"Reasons", ROLE_REASONS, 0},
    {"Headingb", ROLE_HEADINGB, 0},
    {"Signature", ROLE_SIGNATURE, 0},
    {"FootnoteText", ROLE_FOOTNOTE, 0},
    {"footnotetext", ROLE_FOOTNOTE, 0},
    {"Normal", ROLE_NORMAL, 0},
};

/* ITU styles that only ITU templates define: their presence says the
 * file's roles can be read from its styles */
static bool is_itu_role(enum role r) {
  return r == ROLE_RESNO || r == ROLE_CALL || r == ROLE_ENUMLEV || r == ROLE_PROPOSAL ||
         r == ROLE_RESTITLE || r == ROLE_ANNEXNO || r == ROLE_HEADINGB;
}

static bool same_name(const char *a, const char *b) {
  while (*a || *b) {
    while (*a == ' ')
      a++;
    while (*b == ' ')
      b++;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
      return false;
    if (*a)
      a++, b++;
  }
  return true;
}

static bool lookup(const char *name, enum role *role, int *level) {
  if (!name)
    return false;
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (same_name(name, known[i].name)) {
      *role = known[i].role;
      *level = known[i].level;
      return true;
    }
  /* "heading 1" (Word's name), "Heading1" (its id) */
  if (strncasecmp(name, "heading", 7) == 0) {
    const char *p = name + 7;
    while (*p == ' ')
      p++;
    if (*p >= '1' && *p <= '9' && !p[1]) {
      *role = ROLE_HEADING;
      *level = *p - '0';
      return true;
    }
  }
  return false;
}

bool w_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns &&
         strcmp((const char *)n->ns->href, W_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

const char *w_attr(const xmlNode *n, const char *name) {
  if (!n)
    return NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    if (a->ns && strcmp((const char *)a->ns->href, W_NS) == 0 &&
        strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE)
      return (const char *)a->children->content;
  return NULL;
}

xmlNodePtr w_child(const xmlNode *n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (w_is(c, name))
      return c;
  return NULL;
}

bool w_on(const xmlNode *prop) {
  if (!prop)
    return false;
  const char *v = w_attr(prop, "val");
  return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
                 strcmp(v, "none") == 0);
}

static int int_attr(const xmlNode *n, const char *name, int dflt) {
  const char *v = w_attr(n, name);
  return v ? atoi(v) : dflt;
}

static void read_style(xmlNodePtr el, struct style *s, char **based_on) {
  memset(s, 0, sizeof *s);
  s->id = xstrdup(w_attr(el, "styleId") ? w_attr(el, "styleId") : "");
  s->left = s->hanging = -1;
  s->role = ROLE_NORMAL;
  s->level = -1; /* unknown yet */
  if (!lookup(s->id, &s->role, &s->level))
    lookup(w_attr(w_child(el, "name"), "val"), &s->role, &s->level);
  xmlNodePtr ppr = w_child(el, "pPr");
  xmlNodePtr numpr = w_child(ppr, "numPr");
  if (numpr) {
    s->num_id = int_attr(w_child(numpr, "numId"), "val", 0);
    s->ilvl = int_attr(w_child(numpr, "ilvl"), "val", 0);
  }
  xmlNodePtr ind = w_child(ppr, "ind");
  if (ind) {
    s->left = int_attr(ind, "left", int_attr(ind, "start", 0));
    s->hanging = int_attr(ind, "hanging", 0) - int_attr(ind, "firstLine", 0);
  }
  s->italic = w_on(w_child(w_child(el, "rPr"), "i"));
  const char *b = w_attr(w_child(el, "basedOn"), "val");
  *based_on = b ? xstrdup(b) : NULL;
}

static void read_lang(xmlNodePtr root, struct docx_styles *s) {
  xmlNodePtr rpr = w_child(w_child(w_child(root, "docDefaults"), "rPrDefault"), "rPr");
  const char *v = w_attr(w_child(rpr, "lang"), "val");
  if (v && strlen(v) >= 2) {
    s->lang[0] = (char)tolower((unsigned char)v[0]);
    s->lang[1] = (char)tolower((unsigned char)v[1]);
    s->lang[2] = 0;
  }
}

void docx_styles_load(xmlDocPtr styles, struct docx_styles *s) {
  memset(s, 0, sizeof *s);
  xmlNodePtr root = styles ? xmlDocGetRootElement(styles) : NULL;
  if (!root)
    return;
  read_lang(root, s);
  size_t cap = 0;
  char **based = NULL;
  for (xmlNodePtr c = root->children; c; c = c->next) {
    if (!w_is(c, "style") || !w_attr(c, "type") || strcmp(w_attr(c, "type"), "paragraph") != 0)
      continue;
    if (s->n == cap) {
      cap = cap ? 2 * cap : 64;
      s->v = xrealloc(s->v, cap * sizeof *s->v);
      based = xrealloc(based, cap * sizeof *based);
    }
    read_style(c, &s->v[s->n], &based[s->n]);
    s->n++;
  }
  /* unknown styles inherit their base's role, and what the base sets;
   * bounded passes: a cycle of basedOn stops, it does not hang */
  for (int pass = 0; pass < 8; pass++)
    for (size_t i = 0; i < s->n; i++) {
      const struct style *b = based[i] ? docx_style(s, based[i]) : NULL;
      if (!b || b == &s->v[i])
        continue;
      if (s->v[i].level < 0 && b->level >= 0) {
        s->v[i].role = b->role;
        s->v[i].level = b->level;
      }
      if (!s->v[i].num_id)
        s->v[i].num_id = b->num_id, s->v[i].ilvl = b->ilvl;
      if (s->v[i].left < 0)
        s->v[i].left = b->left, s->v[i].hanging = b->hanging;
    }
  for (size_t i = 0; i < s->n; i++) {
    if (s->v[i].level < 0)
      s->v[i].level = 0;
    free(based[i]);
  }
  free(based);
}

void docx_styles_free(struct docx_styles *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->v[i].id);
  free(s->v);
  memset(s, 0, sizeof *s);
}

const struct style *docx_style(const struct docx_styles *s, const char *id) {
  for (size_t i = 0; id && i < s->n; i++)
    if (strcmp(s->v[i].id, id) == 0)
      return &s->v[i];
  return NULL;
}

bool docx_style_is_itu(const struct style *st) { return st && is_itu_role(st->role); }
