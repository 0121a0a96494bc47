/* The output formats of `resc build`: one table that the command, its
 * usage text and the fuzzer read, and the one function that renders an
 * analysed document in a format. */
#ifndef RESC_FORMATS_H
#define RESC_FORMATS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analyse.h"
#include "core/diag.h"
#include "core/doc.h"
#include "render/render.h"

struct format {
  const char *name; /* -t NAME */
  bool binary;      /* written to FILE.NAME by default, never a terminal */
  bool tree;        /* the tree itself, serialised: xml, annotated */
  bool external;    /* made by another program (pdf: FOP) */
};

/* The I-th format of the table (for the fuzzers, which run every one),
 * or NULL past its end. */
const struct format *format_at(size_t i);

/* The format named NAME, or NULL. */
const struct format *format_find(const char *name);
/* "text, docx, fo, pdf, xml or annotated", for messages. */
const char *format_names(void);

struct render_options {
  const struct format *format;
  enum view view;
  bool format_marks; /* DOCX: --docx-marks format */
  const char *out;   /* pdf only: FOP writes the file itself */
};

/* Renders the analysed document A (which it annotates or resolves in
 * place, then sheds: see analysis_shed) to the file descriptor FD; for
 * pdf the file O->out is written instead (FD is not used). Returns 0, 1
 * (a document or renderer error, in D), 2 (the PDF could not be written)
 * or -1 (writing to FD failed, errno set). FILE names the input in
 * diagnostics. */
int format_render(const struct render_options *o, struct analysis *a, const char *file, int fd,
                  struct diags *d);

/* FILE with its extension replaced by the format's name (binary formats'
 * default output), or NULL for text formats. Free with free. */
char *format_default_output(const struct format *f, const char *file);

/* DIR/STEM.EXT for FILE (STEM: its name less folder and extension; EXT:
 * txt for text, annotated.xml for annotated, else the format's name):
 * where `build -d DIR` writes it. Free with free. */
char *format_output_in(const struct format *f, const char *dir, const char *file);

/* Does now what rendering in F would do first (compile its stylesheet,
 * load libzip), so that worker processes forked after share it. */
void format_prepare(const struct format *f);

#endif
