#include "render/docx.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/resources.h"
#include "render/docx_marks.h"
#include "render/ziplib.h"

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
 * the text, written where the part says @LOCALE@. It was a stylesheet run
 * once: the run and its compilation were a twentieth of a DOCX build. */
static const char locale_mark[] = "@LOCALE@";

/* word/settings.xml is fixed but for @TRACK@: in the marked view with
 * tracked changes, w:trackRevisions, so that the editor's own edits are
 * tracked too from the first keystroke. */
static const char track_mark[] = "@TRACK@";

/* Word's language tag for the document's xml:lang. */
static const char *locale_of(xmlDocPtr doc) {
  static const char *const locales[][2] = {
      {"fr", "fr-FR"}, {"es", "es-ES"}, {"ar", "ar-SA"}, {"zh", "zh-CN"}, {"ru", "ru-RU"}};
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlChar *lang = root ? xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
  const char *locale = "en-GB";
  for (size_t i = 0; lang && i < sizeof locales / sizeof locales[0]; i++)
    if (strcmp((const char *)lang, locales[i][0]) == 0)
      locale = locales[i][1];
  xmlFree(lang);
  return locale;
}

/* A copy of resource R with its @LOCALE@ or @TRACK@, if any, replaced. */
static int fixed_part(const struct resc_resource *r, xmlDocPtr doc, bool tracking,
                      struct buffer *b) {
  const char *data = (const char *)r->data;
  const char *mark = locale_mark, *at = strstr(data, mark); /* resources end in a NUL */
  if (!at)
    at = strstr(data, mark = track_mark);
  const char *with = !at                   ? ""
                     : mark == locale_mark ? locale_of(doc)
                     : tracking            ? "<w:trackRevisions/>"
                                           : "";
  size_t cut = at ? strlen(mark) : 0, len = strlen(with);
  b->data = xmalloc(r->size - cut + len);
  if (!b->data)
    return -1;
  size_t head = at ? (size_t)(at - data) : r->size;
  memcpy(b->data, data, head);
  memcpy(b->data + head, with, len);
  memcpy(b->data + head + len, data + head + cut, r->size - head - cut);
  b->len = r->size - cut + len;
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

static int add_part(const struct ziplib *zl, zip_t *z, const char *name, struct buffer *b) {
  /* libzip frees the buffer with free() once written */
  zip_source_t *s = zl->source_buffer(z, b->data, b->len, 1);
  if (!s)
    return -1;
  zip_int64_t i = zl->file_add(z, name, s, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zl->source_free(s);
    return -1;
  }
  size_t len = b->len;
  b->data = NULL;
  /* deflate's fastest level: the parts are small text, and level 9 cost
   * more time than the whole of some parts' rendering for a few KB. A
   * part under STORE_BELOW bytes is stored: deflate would save a few
   * hundred bytes but set up 256 KB of state for it (a third of the cost
   * of zipping a sample's nine parts, seven of which are that small). */
  zip_int32_t method = len < STORE_BELOW ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  if (zl->file_set_dostime(z, (zip_uint64_t)i, DOS_TIME, DOS_DATE, 0) != 0 ||
      zl->set_file_compression(z, (zip_uint64_t)i, method, 1) != 0)
    return -1;
  return 0;
}

/* Reads the finished archive back out of its in-memory source. */
static int take_bytes(const struct ziplib *zl, zip_source_t *src, struct buffer *out) {
  zip_stat_t st;
  if (zl->source_open(src) != 0)
    return -1;
  int rc = -1;
  if (zl->source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    out->data = xmalloc(st.size ? st.size : 1);
    if (out->data && zl->source_read(src, out->data, st.size) == (zip_int64_t)st.size) {
      out->len = st.size;
      rc = 0;
    }
  }
  zl->source_close(src);
  return rc;
}

int docx_build(xmlDocPtr doc, enum view view, bool track, struct buffer *out, struct diags *d,
               const char *file) {
  const char *why = NULL;
  const struct ziplib *zl = ziplib_load(&why);
  if (!zl) {
    diag_add(d, file, 0, 0, &rule_internal, "libzip could not be loaded: %s", why);
    return -1;
  }
  zip_error_t ze;
  zl->error_init(&ze);
  zip_source_t *src = zl->source_buffer_create(NULL, 0, 0, &ze);
  zip_t *z = src ? zl->open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
  int rc = z ? 0 : -1;
  if (src)
    zl->source_keep(src); /* it outlives the archive: the bytes are in it */
  for (size_t i = 0; rc == 0 && i < sizeof parts / sizeof parts[0]; i++) {
    struct buffer b = {0};
    rc = make_part(&parts[i], doc, view, track, &b, d, file);
    if (rc == 0)
      rc = add_part(zl, z, parts[i].name, &b);
    free(b.data);
  }
  if (z && rc == 0)
    rc = zl->close(z) == 0 ? 0 : -1;
  else if (z)
    zl->discard(z);
  if (rc == 0)
    rc = take_bytes(zl, src, out);
  if (src)
    zl->source_free(src);
  zl->error_fini(&ze);
  if (rc != 0 && diags_count(d, SEV_ERROR) == 0)
    diag_add(d, file, 0, 0, &rule_internal, "the DOCX package could not be made");
  return rc;
}
