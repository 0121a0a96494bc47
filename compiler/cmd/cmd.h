/* The subcommands, one file each (cmd/NAME.c), and what they share.
 *
 * Adding a subcommand:
 *   1. cmd/NAME.c defines `int cmd_NAME(int argc, char **argv)`: ARGV[0]
 *      is the command's name, so getopt_long starts at optind = 1. Its
 *      usage text, options and `struct option` table stay static in it;
 *      `-h`/`--help` prints the usage on standard output and returns 0.
 *   2. A row in main.c's command table: name, function, one-line summary.
 *   3. The file in CMakeLists.txt's RESC_SOURCES.
 *   4. Tests: a `cli.py` case (`--help` exits 0, a bogus option exits 2)
 *      and a data folder under tests/ if it has inputs of its own.
 *   5. Its section in the README (and the man page once there is one).
 *
 * Library code returns 0/-1 or a count and reports through diagnostics;
 * only the commands map results to exit statuses (enum exit_status). */
#ifndef RESC_CMD_H
#define RESC_CMD_H

#include <getopt.h>
#include <stdbool.h>

#include "core/diag.h"
#include "core/validate.h"

enum exit_status { EXIT_OK = 0, EXIT_DOC_ERROR = 1, EXIT_USAGE = 2 };

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_accept(int argc, char **argv);
int cmd_reject(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_compile(int argc, char **argv);

/* Prints "resc: MESSAGE" and "try 'resc COMMAND --help'" on standard
 * error; returns EXIT_USAGE. COMMAND may be NULL (the top level). */
int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Options several commands share. Long options get values >= 256. */
enum {
  OPT_WERROR = 256,
  OPT_DIAGNOSTICS,
  OPT_VIEW,
  OPT_DOCX_MARKS,
  OPT_JOBS,
  OPT_FIRST_FREE = 512 /* commands number their own long options from here */
};

struct common_options {
  bool werror, quiet;
  enum diag_format diag_format;
  int jobs;
};

/* Handles one option returned by getopt_long that belongs to the shared
 * set (-W error, --werror, --diagnostics=, -q, -j/--jobs). Returns 1 if
 * it was one, 0 if not, or EXIT_USAGE after printing why. */
int common_option(const char *command, int opt, const char *value, struct common_options *o);

/* Refuses an option given twice: SEEN is a caller-owned set of option
 * characters or codes (below 1024). Returns 0, or EXIT_USAGE after
 * printing why. */
int once(const char *command, int opt, unsigned char seen[1024], const char *spelling);

/* How the user spells option OPT: "--NAME" from LONGOPTS, else "-C".
 * The text lives in a static buffer for short options. */
const char *option_spelling(const struct option *longopts, int opt);

/* Sorts D, prints it on standard error in FORMAT and frees it: how every
 * command ends. */
void report_diags(struct diags *d, enum diag_format format);

/* A SARIF log is one JSON document for the whole run: the results of
 * every file are gathered in RESULTS (diags_print in DIAG_SARIF), then
 * sarif_close writes the log, the registry's rules and the results, to
 * LOG. */
struct sarif {
  void *log, *results; /* FILE * */
  char *text;
  size_t len;
};
void sarif_open(struct sarif *s, void *log);
void sarif_close(struct sarif *s);

/* The body of a command that checks documents: loads the schema, runs
 * TASK(OPTIONS, schema, diagnostics), reports the diagnostics in FORMAT,
 * frees the schema. Returns TASK's exit status, or EXIT_USAGE if the
 * schema does not compile. */
int run_with_schema(int (*task)(const void *options, struct schema *schema, struct diags *d),
                    const void *options, enum diag_format format);

/* The message for an option getopt_long did not accept (unknown, or its
 * value missing): ARGV[optind - 1] names it. */
int bad_option(const char *command, char **argv, int opt);

/* After a write to standard output failed (a full disk, a closed pipe,
 * /dev/full): says so on standard error; returns EXIT_USAGE. Every
 * command's output is checked, so that lost diagnostics never pass for
 * none. */
int stdout_failed(void);

#endif
