#include "render/docx.h"
#include "core/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/resources.h"
#include "render/docx_marks.h"
#include "render/zipwrite.h"

/* The package's parts in the order they are written: [Content_Types].xml
 * first, as consumers that stream the archive expect. A part comes from a
 * stylesheet run over the annotated tree, or is a fixed resource. */
static const struct part {
  const char *name;
  const char *sheet;    /* the part="…" of xslt/docx.xsl that makes it, or NULL */
  const char *resource; /* a fixed part */
} parts[] = {
    {"[Content_Types].xml", NULL, "xslt/docx-content-types.xml"},
    {"_rels/.rels", NULL, "xslt/docx-rels.xml"},
    {"docProps/app.xml", NULL, "xslt/docx-app.xml"},
    {"docProps/core.xml", "'core'", NULL},
    {"word/_rels/document.xml.rels", NULL, "xslt/docx-document-rels.xml"},
    {"word/document.xml", "'document'", NULL},
    {"word/footnotes.xml", "'footnotes'", NULL},
    {"word/header1.xml", NULL, "xslt/docx-header.xml"},
    {"word/settings.xml", NULL, "xslt/docx-settings.xml"},
    {"word/styles.xml", NULL, "xslt/docx-styles.xml"},
};

/* word/styles.xml is the ITU house styles of docs/house-style.md under the names
 * ITU templates use (so that an editor can paste the output into an ITU
 * template and keep working): Times New Roman 12 pt, lengths in twips
 * (1 cm = 567), sizes in half-points. It is fixed but for the language of
 * the text: @LOCALE@ is its Word language tag, and in Arabic @BIDI@ and
 * @RTL@ make every paragraph right to left (w:bidi) and every run a
 * right-to-left run (w:rtl) in the document defaults, which every style
 * and paragraph inherits. It was a stylesheet run once: the run and its
 * compilation were a twentieth of a DOCX build.
 *
 * word/settings.xml is fixed but for @TRACK@: in the marked view with
 * tracked changes, w:trackRevisions, so that the editor's own edits are
 * tracked too from the first keystroke. */

/* The document's xml:lang (two letters, or "" when there is none). */
static void lang_of(xmlDocPtr doc, char out[3]) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlChar *lang = root ? xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
  out[0] = '\0';
  if (lang && strlen((const char *)lang) == 2)
    memcpy(out, lang, 3);
  xmlFree(lang);
}

/* Word's language tag for the document's language. */
static const char *locale_of(const char *lang) {
  static const char *const locales[][2] = {
      {"fr", "fr-FR"}, {"es", "es-ES"}, {"ar", "ar-SA"}, {"zh", "zh-CN"}, {"ru", "ru-RU"}};
  for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++)
    if (strcmp(lang, locales[i][0]) == 0)
      return locales[i][1];
  return "en-GB";
}

/* A copy of resource R with each of its @MARKS@ replaced. */
static int fixed_part(const struct resc_resource *r, xmlDocPtr doc, bool tracking,
                      struct buffer *b) {
  char lang[3];
  lang_of(doc, lang);
  bool rtl = strcmp(lang, "ar") == 0;
  const char *const marks[][2] = {{"@LOCALE@", locale_of(lang)},
                                  {"@BIDI@", rtl ? "<w:bidi/>" : ""},
                                  {"@RTL@", rtl ? "<w:rtl/>" : ""},
                                  {"@TRACK@", tracking ? "<w:trackRevisions/>" : ""}};
  const char *data = (const char *)r->data; /* resources end in a NUL */
  b->data = xmalloc(r->size + 64);          /* what the marks can add */
  if (!b->data)
    return -1;
  b->len = 0;
  for (const char *at = data; at < data + r->size;) {
    size_t i = 0, n = 0;
    if (*at == '@')
      for (; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(at, marks[i][0], n = strlen(marks[i][0])) == 0)
          break;
    if (*at != '@' || i == sizeof marks / sizeof marks[0]) {
      b->data[b->len++] = *at++;
      continue;
    }
    size_t len = strlen(marks[i][1]);
    memcpy(b->data + b->len, marks[i][1], len);
    b->len += len;
    at += n;
  }
  return 0;
}

/* 1980-01-01 00:00, the first instant a zip entry can record, in DOS
 * format: no clock and no time zone goes into the archive. */
#define DOS_DATE ((0 << 9) | (1 << 5) | 1)
#define DOS_TIME 0
#define STORE_BELOW 1536

static int make_part(const struct part *p, xmlDocPtr doc, enum view view, bool track,
                     struct buffer *b, struct diags *d, const char *file) {
  if (p->sheet) {
    const char *extra[] = {"marks", track ? "'track'" : "'format'", "part", p->sheet, NULL};
    void (*fix)(xmlDocPtr) = NULL;
    if (strcmp(p->name, "word/document.xml") == 0)
      fix = track && view == VIEW_MARKED ? docx_fix_tracked : docx_first_at_top;
    return render_fixed(doc, "docx", view, extra, fix, b, d, file);
  }
  const struct resc_resource *r = resource_find(p->resource);
  return r ? fixed_part(r, doc, track && view == VIEW_MARKED, b) : -1;
}

/* deflate's fastest level: the parts are small text, and level 9 cost
 * more time than the whole of some parts' rendering for a few KB. A part
 * under STORE_BELOW bytes is stored: deflate would save a few hundred
 * bytes but set up 256 KB of state for it (a third of the cost of zipping
 * a sample's nine parts, seven of which are that small). */
static int level_for(size_t len) { return len < STORE_BELOW ? 0 : 1; }

int docx_build(xmlDocPtr doc, enum view view, bool track, int fd, struct diags *d,
               const char *file) {
  /* each part is made, written and freed before the next: the package
   * is never whole in memory */
  struct zipwrite *z = zipwrite_open(fd, DOS_DATE, DOS_TIME);
  int failed = 0;
  for (size_t i = 0; !failed && i < sizeof parts / sizeof parts[0]; i++) {
    struct buffer b = {0};
    if (make_part(&parts[i], doc, view, track, &b, d, file) != 0)
      failed = 1;
    else if (zipwrite_add(z, parts[i].name, b.data, b.len, level_for(b.len)) != 0)
      failed = -1;
    free(b.data);
  }
  int e = errno;
  if (zipwrite_close(z) != 0 && !failed) {
    e = errno;
    failed = -1;
  }
  if (failed > 0 && diags_count(d, SEV_ERROR) == 0)
    diag_add(d, file, 0, 0, &rule_internal, "the DOCX package could not be made");
  errno = e;
  return failed;
}
