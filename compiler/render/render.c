#include "render/render.h"

#include <errno.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <string.h>

#include "core/output.h"
#include "core/resources.h"

/* Compiled stylesheets, by name ("text" for xslt/text.xsl). */
#define MAX_SHEETS 16
static struct {
  char name[32];
  xsltStylesheetPtr sheet;
} cache[MAX_SHEETS];
static xsltSecurityPrefsPtr prefs;

static const struct resc_resource *sheet_resource(const char *name, char *path, size_t size) {
  snprintf(path, size, "xslt/%s.xsl", name);
  return strcmp(name, "common") == 0 ? NULL : resource_find(path);
}

/* Whether resc has a stylesheet xslt/FORMAT.xsl (common.xsl is none). */
static int render_known(const char *format) {
  char path[64];
  return strlen(format) < 32 && sheet_resource(format, path, sizeof path) != NULL;
}

/* Transformations may read nothing and write nothing. (Compiling the
 * stylesheets is not subject to this: their xsl:import goes through the
 * entity loader, which serves embedded resources only.) */
static void lock_down(void) {
  if (prefs)
    return;
  prefs = xsltNewSecurityPrefs();
  xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
}

static xsltStylesheetPtr stylesheet(const char *name) {
  int free_slot = -1;
  for (int i = 0; i < MAX_SHEETS; i++) {
    if (cache[i].sheet && strcmp(cache[i].name, name) == 0)
      return cache[i].sheet;
    if (!cache[i].sheet && free_slot < 0)
      free_slot = i;
  }
  char path[64], uri[96];
  const struct resc_resource *r = sheet_resource(name, path, sizeof path);
  if (!r || free_slot < 0)
    return NULL;
  lock_down();
  snprintf(uri, sizeof uri, RESC_URI_PREFIX "%s", path);
  xmlDocPtr sdoc = xmlReadMemory((const char *)r->data, (int)r->size, uri, NULL, XML_PARSE_NONET);
  if (!sdoc)
    return NULL;
  xsltStylesheetPtr sheet = xsltParseStylesheetDoc(sdoc);
  if (!sheet) {
    xmlFreeDoc(sdoc);
    return NULL;
  }
  snprintf(cache[free_slot].name, sizeof cache[free_slot].name, "%s", name);
  cache[free_slot].sheet = sheet;
  return sheet;
}

static const char *view_name(enum view v) {
  return v == VIEW_ORIGINAL ? "'original'" : v == VIEW_AMENDED ? "'amended'" : "'marked'";
}

/* Runs FORMAT's stylesheet over DOC; the result tree, or NULL (with a
 * diagnostic in D). */
static xmlDocPtr transform(xmlDocPtr doc, const char *format, enum view view,
                           const char *const *extra, xsltStylesheetPtr *style, struct diags *d,
                           const char *file) {
  *style = render_known(format) ? stylesheet(format) : NULL;
  if (!*style) {
    diag_add(d, file, 0, 0, &rule_internal, "the %s stylesheet could not be loaded", format);
    return NULL;
  }
  const char *params[16] = {"view", view_name(view)};
  for (int i = 0; extra && extra[i] && i < 12; i++)
    params[2 + i] = extra[i];
  xsltTransformContextPtr tc = xsltNewTransformContext(*style, doc);
  xsltSetCtxtSecurityPrefs(prefs, tc);
  xmlDocPtr res = xsltApplyStylesheetUser(*style, doc, params, NULL, NULL, tc);
  int failed = !res || tc->state != XSLT_STATE_OK;
  xsltFreeTransformContext(tc);
  if (failed) {
    xmlFreeDoc(res);
    diag_add(d, file, 0, 0, &rule_internal, "rendering to %s failed", format);
    return NULL;
  }
  return res;
}

int render(xmlDocPtr doc, const char *format, enum view view, const char *const *extra,
           struct buffer *out, struct diags *d, const char *file) {
  return render_fixed(doc, format, view, extra, NULL, out, d, file);
}

int render_fixed(xmlDocPtr doc, const char *format, enum view view, const char *const *extra,
                 void (*fix)(xmlDocPtr result), struct buffer *out, struct diags *d,
                 const char *file) {
  xsltStylesheetPtr style;
  xmlDocPtr res = transform(doc, format, view, extra, &style, d, file);
  if (!res)
    return -1;
  if (fix)
    fix(res);
  xmlChar *data = NULL;
  int len = 0;
  int failed = xsltSaveResultToString(&data, &len, res, style) != 0;
  xmlFreeDoc(res);
  if (failed) {
    xmlFree(data);
    diag_add(d, file, 0, 0, &rule_internal, "rendering to %s failed", format);
    return -1;
  }
  out->data = data;
  out->len = (size_t)len;
  return 0;
}

/* libxml2's output to a file descriptor, with the reason a write failed
 * kept for the caller's message. */
struct sink {
  int fd, error;
};

static int sink_write(void *context, const char *data, int len) {
  struct sink *s = context;
  if (output_write_all(s->fd, data, (size_t)len) != 0) {
    s->error = errno;
    return -1;
  }
  return len;
}

/* ENCODING's converter, or NULL for UTF-8 (the tree's own). */
static xmlCharEncodingHandlerPtr encoder(const xmlChar *encoding) {
  xmlCharEncodingHandlerPtr e =
      encoding ? xmlFindCharEncodingHandler((const char *)encoding) : NULL;
  return e && xmlStrcasecmp((const xmlChar *)e->name, (const xmlChar *)"UTF-8") == 0 ? NULL : e;
}

/* The end of a streamed write: 0, or -1 with errno set. */
static int sink_close(xmlOutputBufferPtr ob, const struct sink *s) {
  int rc = xmlOutputBufferClose(ob);
  if (s->error) {
    errno = s->error;
    return -1;
  }
  if (rc < 0) {
    errno = EIO;
    return -1;
  }
  return 0;
}

int render_fd(xmlDocPtr doc, const char *format, enum view view, const char *const *extra, int fd,
              struct diags *d, const char *file) {
  xsltStylesheetPtr style;
  xmlDocPtr res = transform(doc, format, view, extra, &style, d, file);
  if (!res)
    return 1;
  const xmlChar *encoding;
  XSLT_GET_IMPORT_PTR(encoding, style, encoding)
  struct sink s = {fd, 0};
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, &s, encoder(encoding));
  if (!ob) {
    xmlFreeDoc(res);
    errno = ENOMEM;
    return -1;
  }
  xsltSaveResultTo(ob, res, style);
  xmlFreeDoc(res);
  return sink_close(ob, &s);
}

int render_tree_fd(xmlDocPtr doc, int fd) {
  struct sink s = {fd, 0};
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, &s, NULL);
  if (!ob) {
    errno = ENOMEM;
    return -1;
  }
  xmlSaveFormatFileTo(ob, doc, "UTF-8", 0); /* closes OB */
  if (s.error) {
    errno = s.error;
    return -1;
  }
  return 0;
}

void render_prepare(const char *format) { stylesheet(format); }

void render_cleanup(void) {
  for (int i = 0; i < MAX_SHEETS; i++) {
    if (cache[i].sheet)
      xsltFreeStylesheet(cache[i].sheet);
    cache[i].sheet = NULL;
  }
  if (prefs)
    xsltFreeSecurityPrefs(prefs);
  prefs = NULL;
}
