#include "render.h"

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <string.h>

#include "resources.h"

static const char *const formats[] = {"text"};
#define NFORMATS (sizeof formats / sizeof formats[0])
static xsltStylesheetPtr cache[NFORMATS];
static xsltSecurityPrefsPtr prefs;

static int format_index(const char *format) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(format, formats[i]) == 0)
      return (int)i;
  return -1;
}

int render_known(const char *format) { return format_index(format) >= 0; }

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

static xsltStylesheetPtr stylesheet(int i) {
  if (cache[i])
    return cache[i];
  lock_down();
  char path[64], uri[96];
  snprintf(path, sizeof path, "xslt/%s.xsl", formats[i]);
  snprintf(uri, sizeof uri, RESC_URI_PREFIX "%s", path);
  const struct resc_resource *r = resource_find(path);
  if (!r)
    return NULL;
  xmlDocPtr sdoc = xmlReadMemory((const char *)r->data, (int)r->size, uri, NULL, XML_PARSE_NONET);
  if (!sdoc)
    return NULL;
  cache[i] = xsltParseStylesheetDoc(sdoc);
  if (!cache[i])
    xmlFreeDoc(sdoc);
  return cache[i];
}

static const char *view_name(enum view v) {
  return v == VIEW_ORIGINAL ? "'original'" : v == VIEW_AMENDED ? "'amended'" : "'marked'";
}

int render(xmlDocPtr doc, const char *format, enum view view, struct buffer *out, struct diags *d,
           const char *file) {
  int i = format_index(format);
  xsltStylesheetPtr style = i >= 0 ? stylesheet(i) : NULL;
  if (!style) {
    diag_add(d, file, 0, 0, SEV_ERROR, "internal", "the %s stylesheet could not be loaded", format);
    return -1;
  }
  const char *params[] = {"view", view_name(view), NULL};
  xsltTransformContextPtr tc = xsltNewTransformContext(style, doc);
  xsltSetCtxtSecurityPrefs(prefs, tc);
  xmlDocPtr res = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, tc);
  int failed = !res || tc->state != XSLT_STATE_OK;
  xsltFreeTransformContext(tc);
  xmlChar *data = NULL;
  int len = 0;
  if (!failed && xsltSaveResultToString(&data, &len, res, style) != 0)
    failed = 1;
  xmlFreeDoc(res);
  if (failed) {
    xmlFree(data);
    diag_add(d, file, 0, 0, SEV_ERROR, "internal", "rendering to %s failed", format);
    return -1;
  }
  out->data = data;
  out->len = (size_t)len;
  return 0;
}

void render_cleanup(void) {
  for (size_t i = 0; i < NFORMATS; i++) {
    if (cache[i])
      xsltFreeStylesheet(cache[i]);
    cache[i] = NULL;
  }
  if (prefs)
    xsltFreeSecurityPrefs(prefs);
  prefs = NULL;
}
