/* What the importer's files share (internal to compiler/import/). */
#ifndef RESC_IMPORT_DOCX_H
#define RESC_IMPORT_DOCX_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "core/diag.h"
#include "core/label.h"
#include "import/import.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* ------------------------------------------------------------ package */

struct docx_parts {
  xmlDocPtr document, styles, numbering, footnotes, endnotes; /* all but document may be NULL */
};

/* Opens the zip at PATH, refuses unsafe packages and parses the parts
 * resc reads. Returns 0, or -1 with the reason in D (parts freed). */
int docx_package_open(const char *path, struct docx_parts *p, struct diags *d);
void docx_parts_free(struct docx_parts *p);

/* ------------------------------------------------------------ styles */

/* What a paragraph style means in the ITU templates. */
enum role {
  ROLE_NORMAL,
  ROLE_RESNO,      /* RESOLUTION 75 (Rev. …) */
  ROLE_RESTITLE,   /* the title */
  ROLE_RESREF,     /* (history) or (adopted …) */
  ROLE_AFTERTITLE, /* the authority line */
  ROLE_CALL,       /* considering, resolves … */
  ROLE_ENUMLEV,    /* enumlev1-3: LEVEL */
  ROLE_ANNEXNO,
  ROLE_ANNEXTITLE,
  ROLE_PROPOSAL, /* MOD ATU/35A18/1 */
  ROLE_REASONS,  /* Reasons: */
  ROLE_HEADINGB, /* summary, cover-section titles, report fields */
  ROLE_HEADING,  /* heading 1-9: LEVEL */
  ROLE_SIGNATURE,
  ROLE_FOOTNOTE,
};

struct style {
  char *id;
  enum role role;
  int level;         /* enumlev N, heading N */
  int num_id, ilvl;  /* numbering the style applies, num_id 0 if none */
  int left, hanging; /* indentation in twips, -1 when not set */
  bool italic;
};

struct docx_styles {
  struct style *v;
  size_t n;
  char lang[8]; /* "fr", from the default run properties, or "" */
  bool itu;     /* the file uses ITU paragraph styles */
};

void docx_styles_load(xmlDocPtr styles, struct docx_styles *s);
void docx_styles_free(struct docx_styles *s);
/* The style with id ID, or NULL (then the paragraph is Normal). */
const struct style *docx_style(const struct docx_styles *s, const char *id);
/* Whether the style is one only ITU templates define (ResNo, Call …). */
bool docx_style_is_itu(const struct style *st);

/* ------------------------------------------------------------ numbering */

struct docx_numbering;
struct docx_numbering *docx_numbering_load(xmlDocPtr numbering);
void docx_numbering_free(struct docx_numbering *n);
/* The label Word prints for the next paragraph of list NUM_ID at level
 * ILVL ("a)", "iv)", "3", "–"), counting it; false when there is none. */
bool docx_numbering_next(struct docx_numbering *n, int num_id, int ilvl, char *out, size_t size);

/* ------------------------------------------------------------ revisions */

enum mark { MARK_NONE, MARK_INS, MARK_DEL };

struct revision {
  enum mark kind;
  const char *by, *date; /* point into the part's tree; NULL when absent */
};

/* The revision an element w:ins, w:del, w:moveFrom or w:moveTo stands for
 * (MARK_NONE for any other element). */
struct revision docx_revision_of(const xmlNode *el);
/* The mark a run's formatting stands for with --marks format. */
enum mark docx_format_mark(bool underline, bool strike);
/* Whether EL records a formatting-only revision (w:rPrChange …). */
bool docx_is_format_change(const xmlNode *el);
/* A paragraph whose every character (and footnote) lies in one kind of
 * mark is changed whole: returns that kind and unwraps those marks (their
 * author and date are written to *BY and *DATE, copies to free), else
 * MARK_NONE. */
enum mark docx_whole_change(xmlNodePtr p, char **by, char **date);
/* The text of P's inline content as SIDE (SIDE_O, SIDE_A, or 3 for both,
 * as marked) sees it, into a malloc'ed string. */
char *docx_side_text(const xmlNode *p, int side);
/* Removes the first N bytes (text of both sides, in document order) of
 * P's content, dropping the elements it empties. */
void docx_cut_prefix(xmlNodePtr p, size_t n);
/* Removes the last N bytes. */
void docx_cut_suffix(xmlNodePtr p, size_t n);
/* A copy of P's content from byte FROM to byte TO. */
xmlNodePtr docx_slice(const xmlNode *p, size_t from, size_t to);

/* ------------------------------------------------------------ blocks */

/* One paragraph of the Word file, its inline content already in the
 * vocabulary (a resc p element), its label split off. */
struct block {
  enum role role;
  int level;                           /* enumlev N, heading N */
  int depth;                           /* nesting of an item: 0 a section's, 1 a list's in it … */
  int indent;                          /* leading tabs of an unlabelled paragraph */
  bool labelled;                       /* a label on either side */
  char num[LABEL_MAX], was[LABEL_MAX]; /* bare labels, amended and original ("" none) */
  enum numbering numbering;            /* the label's kind */
  enum mark change;                    /* inserted or deleted whole */
  char *by, *date;
  bool italic;      /* every character italic */
  int left;         /* the first line's indentation, twips */
  xmlNodePtr p;     /* the content: a resc p (owned) */
  long index;       /* paragraph number in its part, from 1 */
  char first[64];   /* its first words, for warnings */
  xmlNodePtr table; /* the first paragraph of a Word table: the table as a
                     * resc table (owned), to stand in place of the TABLE_N
                     * blocks its paragraphs make, where one may stand */
  size_t table_n;
};

struct blocks {
  struct block *v;
  size_t n, cap;
  char lang[8];
  bool itu; /* the file uses ITU styles: roles come from them */
};

struct docx_reader {
  const char *path;
  const struct import_options *o;
  struct docx_parts *parts;
  struct docx_styles styles;
  struct docx_numbering *numbering;
  struct diags *d;
  xmlNsPtr ns; /* urn:resc:1 on the document being built */
  xmlDocPtr out;
  bool format_change_seen;
  int note_depth;    /* inside a footnote's paragraphs */
  bool quiet;        /* reading a table's paragraphs again: warned once already */
  xmlNodePtr *notes; /* the footnotes read, in order: what a second call names */
  size_t n_notes, cap_notes;
};

/* The kind of text ("resolution", "decision", "opinion",
 * "recommendation") whose heading line T starts with its word ("DECISION
 * 11", "Avis 4"), its language in *LANG; NULL when T starts with none. */
const char *docx_heading_kind(const char *t, const char **lang);
/* The Chinese number line "第N号决议（note）": the kind, the number's
 * bytes [*from, *to) of T and *rest after the kind's word; NULL if T is
 * not one. */
const char *docx_zh_number_line(const char *t, size_t *from, size_t *to, const char **rest);

/* Reads word/document.xml into blocks. */
void docx_document_read(struct docx_reader *r, struct blocks *b);
void blocks_free(struct blocks *b);
/* Converts the paragraphs of a footnote or endnote (ID) into the
 * content of a resc footnote element, or NULL when there is none. */
xmlNodePtr docx_footnote(struct docx_reader *r, bool endnote, const char *id, enum mark in);
/* Paragraph content (w:p) into a resc p (used by footnotes). */
xmlNodePtr docx_paragraph_content(struct docx_reader *r, const xmlNode *wp, const char *part,
                                  long index);
/* A warning with rule `import` naming the place. */
void docx_warn(struct docx_reader *r, const char *part, long index, const char *first,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Helpers on the part trees. */
bool w_is(const xmlNode *n, const char *name);
const char *w_attr(const xmlNode *n, const char *name);
xmlNodePtr w_child(const xmlNode *n, const char *name);
/* A boolean property (w:b, w:i …): present and not val="0"/"false". */
bool w_on(const xmlNode *prop);

#endif
