/* The output formats and how each is made from an analysed document. */
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/resolve.h"
#include "core/xalloc.h"
#include "render/annotate.h"
#include "render/docx.h"
#include "render/formats.h"
#include "render/pdf.h"
#include "render/ziplib.h"

static const struct format formats[] = {
    {"text", false, false}, {"docx", true, false}, {"fo", false, false},
    {"pdf", true, false},   {"xml", false, true},  {"annotated", false, true},
};

const struct format *format_find(const char *name) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(name, formats[i].name) == 0)
      return &formats[i];
  return NULL;
}

const char *format_names(void) { return "text, docx, fo, pdf, xml or annotated"; }

char *format_default_output(const struct format *f, const char *file) {
  if (!f->binary)
    return NULL;
  const char *slash = strrchr(file, '/'), *dot = strrchr(file, '.');
  size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - file) : strlen(file);
  size_t size = stem + strlen(f->name) + 2;
  char *out = xmalloc(size);
  if (out)
    snprintf(out, size, "%.*s.%s", (int)stem, file, f->name);
  return out;
}

char *format_output_in(const struct format *f, const char *dir, const char *file) {
  const char *slash = strrchr(file, '/'), *base = slash ? slash + 1 : file;
  const char *dot = strrchr(base, '.');
  size_t stem = dot && dot > base ? (size_t)(dot - base) : strlen(base);
  const char *ext = strcmp(f->name, "text") == 0        ? "txt"
                    : strcmp(f->name, "annotated") == 0 ? "annotated.xml"
                                                        : f->name;
  size_t dlen = strlen(dir);
  while (dlen > 1 && dir[dlen - 1] == '/') /* "out/" is "out" */
    dlen--;
  size_t size = dlen + stem + strlen(ext) + 3;
  char *out = xmalloc(size);
  snprintf(out, size, "%.*s/%.*s.%s", (int)dlen, dir, (int)stem, base, ext);
  return out;
}

void format_prepare(const struct format *f) {
  const char *sheet = strcmp(f->name, "pdf") == 0 ? "fo" : f->tree ? NULL : f->name;
  if (sheet)
    render_prepare(sheet);
  if (strcmp(f->name, "docx") == 0) {
    const char *why;
    ziplib_load(&why); /* a failure is reported by the first DOCX */
  }
}

int format_render(const struct render_options *o, struct analysis *a, const char *file,
                  struct buffer *out, struct diags *d) {
  const char *name = o->format->name;
  if (strcmp(name, "xml") == 0)
    resolve_view(a, o->view);
  else
    annotate(a);
  if (o->format->tree) {
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(a->doc, &mem, &len, "UTF-8");
    out->data = mem; /* xmlMalloc is malloc */
    out->len = (size_t)len;
    return 0;
  }
  if (strcmp(name, "docx") == 0)
    return docx_build(a->doc, o->view, !o->format_marks, out, d, file) != 0;
  if (strcmp(name, "pdf") == 0) {
    struct buffer fo = {0};
    if (render(a->doc, "fo", o->view, NULL, &fo, d, file) != 0)
      return 1;
    int rc = pdf_render(fo.data, fo.len, o->out, file, d);
    xmlFree(fo.data);
    return rc;
  }
  return render(a->doc, name, o->view, NULL, out, d, file) != 0;
}
