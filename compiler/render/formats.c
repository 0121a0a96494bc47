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

static const struct format formats[] = {
    {"text", false, false, false}, {"docx", true, false, false}, {"fo", false, false, false},
    {"pdf", true, false, true},    {"xml", false, true, false},  {"annotated", false, true, false},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const struct format *format_at(size_t i) { return i < NFORMATS ? &formats[i] : NULL; }

const struct format *format_find(const char *name) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(name, formats[i].name) == 0)
      return &formats[i];
  return NULL;
}

const char *format_names(void) {
  static char names[128];
  if (!names[0])
    for (size_t i = 0; i < NFORMATS; i++) {
      size_t used = strlen(names);
      const char *sep = i == 0 ? "" : i + 1 < NFORMATS ? ", " : " or ";
      snprintf(names + used, sizeof names - used, "%s%s", sep, formats[i].name);
    }
  return names;
}

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
}

/* What no format reads once the tree is annotated (or resolved): the
 * analysis, a fifth of the tree's size again, is given back before the
 * stylesheet runs, whose memory is the larger. */
static void prepare(const struct render_options *o, struct analysis *a) {
  if (strcmp(o->format->name, "xml") == 0)
    resolve_view(a, o->view);
  else
    annotate(a);
  analysis_shed(a);
}

int format_render(const struct render_options *o, struct analysis *a, const char *file, int fd,
                  struct diags *d) {
  const char *name = o->format->name;
  prepare(o, a);
  if (o->format->tree)
    return render_tree_fd(a->doc, fd);
  if (strcmp(name, "docx") == 0)
    return docx_build(a->doc, o->view, !o->format_marks, fd, d, file);
  if (strcmp(name, "pdf") == 0) {
    struct buffer fo = {0};
    if (render(a->doc, "fo", o->view, NULL, &fo, d, file) != 0)
      return 1;
    int rc = pdf_render(fo.data, fo.len, o->out, file, d);
    xmlFree(fo.data);
    return rc;
  }
  return render_fd(a->doc, name, o->view, NULL, fd, d, file);
}
