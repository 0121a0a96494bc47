/* check --parallel: the language versions of one document have the same
 * structure. Sections are matched by their place and kind (never by
 * their words, which differ from one language to the next), items by
 * their labels in each view, and annexes, lists, tables, rows and cells
 * by their place; each matched pair then holds the same footnotes, refs
 * (to matched places) and revision marks. Every divergence is one
 * diagnostic of rule `parallel`, at the place of the file that has what
 * the other lacks, naming the line of the other file when it has one;
 * with three files or more, a fault of the reference that every other
 * version shows is one diagnostic (parallel_check_files). */
#ifndef RESC_PARALLEL_H
#define RESC_PARALLEL_H

#include "core/analyse.h"
#include "core/diag.h"
#include "core/validate.h"

extern const struct rule rule_parallel;

/* Loads FILES[0] (the reference) and compares each other file with it,
 * printing the divergences on OUT in FMT and adding their count to
 * *ERRORS. A file that does not reach the rules (check has reported why)
 * is left out, with a line on standard error. Returns the exit status
 * the divergences deserve (0 or 1). */
int parallel_check_files(struct schema *schema, char **files, int n, enum diag_format fmt,
                         void *out, size_t *errors);

#endif
