/* The registry: every rule id resc reports, the ones the stages emit
 * (xml, io, schema, label, ref, internal, pdf) defined here, the others
 * in their own files. The table's order is the order rules run in and the
 * README's table lists them in. */
#include "rules/rules.h"

#include <stdarg.h>
#include <string.h>

#include "core/doc.h"
#include "rules/parallel.h"

const struct rule rule_xml = {
    "xml", SEV_ERROR, "the file is well-formed XML (entity declarations are refused)",
    "The parser's findings: the file must be well-formed XML, with no DTD entity declaration "
    "(resc refuses them, so that no document expands or fetches anything). Fix the XML at the "
    "line given.",
    NULL};

const struct rule rule_schema = {
    "schema", SEV_ERROR, "the document is valid against schema/resc.rng",
    "The document must follow the vocabulary's grammar (schema/resc.rng): which elements go "
    "where, and the forms of num, was and date. The mistakes drafters make (<ins> around an "
    "item, num=\"b)\", an item outside its section) are told with their fix; other messages are "
    "the grammar's, after the element's path.",
    NULL};

const struct rule rule_label = {
    "label", SEV_ERROR,
    "an explicit num/was equals the label computed for the amended/original text",
    "A hand-typed num (amended label) or was (original label) must be the label resc computes "
    "from the items and their marks, e.g. an item after an inserted one moves from b) to c). "
    "Fix the label, or remove it and let resc compute it. When the typed labels are off because "
    "an item lacks its change=\"ins\" or change=\"del\", that item is reported instead.",
    NULL};

const struct rule rule_ref = {
    "ref", SEV_ERROR, "every <ref to> resolves in every view where it is present; ids are unique",
    "A <ref to=\"ID\"/> must name an item, section or annex that exists, is labelled, and is "
    "present in each text where the ref is. Ids are unique in a document. An unknown id names "
    "the document's nearest ids.",
    NULL};

const struct rule rule_io = {
    "io", SEV_ERROR, "the file could not be read (exit status 2)",
    "An input could not be read or an output could not be written; the message gives the "
    "system's reason.",
    NULL};

const struct rule rule_internal = {
    "internal", SEV_ERROR, "resc itself failed (a library could not be loaded or run)",
    "A failure of resc or of a library it loads (libzip, a built-in stylesheet), not of the "
    "document: report it with the command that gave it.",
    NULL};

const struct rule rule_pdf = {
    "pdf", SEV_ERROR, "Apache FOP rendered the PDF with no warning",
    "-t pdf runs Apache FOP; any warning FOP gives (a missing glyph, a substituted font) fails "
    "the build with FOP's words. Install fop and fonts-liberation.",
    NULL};

const struct rule rule_base = {
    "base", SEV_ERROR,
    "with `check --base RES.xml`: the proposal's original text is the text in force, block by "
    "block",
    "check --base compares the original view of each amendment with the resolution in force: "
    "a block missing, added or reworded means the proposal was drafted on another revision. "
    "Start again from the text in force (resc new --base) or correct the original text.",
    NULL};

/* resc compile (authoring/compile.c) */
const struct rule rule_baseline = {
    "baseline", SEV_WARNING,
    "with `compile`: a proposal's original text differs from the text in force",
    "compile compares the original view of each proposal with the text in force: a difference "
    "means the proposal was drafted on another revision. Its changes are carried onto the text "
    "in force where the words they touch are the same there; a change that falls on a "
    "difference is reported and left out of the compilation.",
    NULL};

const struct rule rule_conflict = {
    "conflict", SEV_WARNING,
    "with `compile`: two proposals change the same provision in incompatible ways",
    "compile lays the changes of every proposal over the text in force: two proposals that change "
    "the same words differently, delete and modify the same item, insert items at the same place "
    "(so that their letterings clash), give the same interposed label (bis) or suppress a "
    "resolution that another modifies are in conflict. Both changes are shown, marked, for the "
    "committee to decide.",
    NULL};

const struct rule rule_import = {
    "import", SEV_WARNING,
    "`resc import`: text of the Word file with no place in the vocabulary is kept in the nearest "
    "paragraph; a package refused is an error (exit status 2)",
    "resc import keeps every word of a Word file: what the vocabulary has no place for (a table, "
    "a text box, lines before the resolution's number) is kept in the nearest paragraph and "
    "reported with its part, paragraph number and first words; move it where it belongs. A "
    "package that is not a Word document resc accepts (not a zip, a .doc or a file protected by "
    "a password, a zip bomb, unsafe entry names, a DTD in a part) is refused: save the file "
    "again as .docx.",
    NULL};

// clang-format off
const struct rule *const rule_registry[] = {
    &rule_xml,      &rule_schema,      &rule_label,     &rule_ref,  &rule_marks,    &rule_action,
    &rule_reasons,  &rule_proposal_number, /* (v4) proposal symbols */
    &rule_history,  &rule_punctuation, &rule_stale_ref, &rule_base, &rule_parallel, &rule_io,
    &rule_internal, &rule_pdf,         &rule_import,
    &rule_baseline, &rule_conflict, /* resc compile */
    NULL};
// clang-format on

const struct rule *rule_find(const char *id) {
  for (const struct rule *const *r = rule_registry; *r; r++)
    if (strcmp((*r)->id, id) == 0)
      return *r;
  return NULL;
}

void rule_report(struct rule_ctx *c, const struct rule *rule, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_addv(c->d, c->a->file, line, 0, rule->severity, rule, fmt, ap);
  va_end(ap);
}

void rules_each_resolution(struct rule_ctx *c,
                           void (*fn)(struct rule_ctx *c, xmlNodePtr res, void *arg), void *arg) {
  xmlNodePtr root = xmlDocGetRootElement(c->a->doc);
  if (is_k(root, K_RESOLUTION))
    fn(c, root, arg);
  for (xmlNodePtr am = first_el(root); am; am = next_el(am))
    if (is_k(am, K_AMENDMENT) && child_k(am, K_RESOLUTION))
      fn(c, child_k(am, K_RESOLUTION), arg);
}

void rules_run(struct analysis *a, struct diags *d) {
  /* the scratch text is kept from one document to the next: a check of
   * many files would allocate it again for each */
  static struct vtext scratch;
  struct rule_ctx c = {a, d, scratch};
  vtext_reset(&c.t);
  for (const struct rule *const *r = rule_registry; *r; r++)
    if ((*r)->run)
      (*r)->run(&c);
  scratch = c.t;
}
