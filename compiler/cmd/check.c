/* resc check: validate files and print their diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring/baseline.h"
#include "cmd/cmd.h"
#include "core/batch.h"
#include "core/validate.h"
#include "core/xalloc.h"
#include "rules/parallel.h"

static const char usage[] =
    "usage: resc check [-W error|--werror] [--diagnostics=gcc|json|sarif] [-q] [-j N]\n"
    "                  [--base RES.xml] [--parallel] FILE...\n"
    "\n"
    "Validates each FILE against the schema and the rules of the vocabulary and\n"
    "prints one line per finding on standard output, sorted by line:\n"
    "  FILE:LINE[:COL]: error|warning|note: MESSAGE [RULE]\n"
    "\n"
    "  -W error, --werror      warnings count as errors\n"
    "  --diagnostics=FORMAT    gcc (default), json (one object per line) or sarif\n"
    "                          (one SARIF 2.1.0 log, for code-scanning dashboards)\n"
    "  -q                      no summary on standard error\n"
    "  -j N, --jobs=N          check with N processes; output still in file order\n"
    "  --base RES.xml          also report, block by block, where each FILE's original\n"
    "                          text differs from RES.xml, the text in force [base]\n"
    "  --parallel              the FILEs are language versions of one text: each has\n"
    "                          the first one's sections, items and labels, refs,\n"
    "                          footnotes, marks, annexes and tables [parallel]\n"
    "\n"
    "example: resc check samples/*.xml\n"
    "         resc check --diagnostics=sarif drafts/*.xml > resc.sarif\n"
    "         resc check --parallel res150-en.xml res150-fr.xml res150-ru.xml\n"
    "exit status: 0 no error, 1 document error, 2 usage or I/O error\n";

static const struct option longopts[] = {
    {"werror", no_argument, NULL, OPT_WERROR},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"base", required_argument, NULL, OPT_FIRST_FREE},
    {"parallel", no_argument, NULL, OPT_FIRST_FREE + 1},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static void print_summary(int nfiles, int unchecked, size_t errors, size_t warnings) {
  if (unchecked)
    fprintf(stderr, "resc: %d file%s checked, %d not checked: %zu error%s, %zu warning%s\n",
            nfiles - unchecked, nfiles - unchecked == 1 ? "" : "s", unchecked, errors,
            errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  else
    fprintf(stderr, "resc: %d file%s checked: %zu error%s, %zu warning%s\n", nfiles,
            nfiles == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
}

/* Standard input can be read once. */
static int stdin_once(char **files, int n) {
  int seen = 0;
  for (int i = 0; i < n; i++)
    if (strcmp(files[i], "-") == 0 && seen++)
      return usage_error("check", "'-' (standard input) given twice");
  return 0;
}

/* Prints one file's result; a file with no result is named on standard
 * error, whatever -q says: a silent gap would read as a pass. Returns
 * the file's verdict. */
static int report(const char *file, const struct file_result *r, FILE *out, size_t *errors,
                  size_t *warnings) {
  if (r->text)
    fwrite(r->text, 1, r->len, out);
  if (!r->checked) {
    fputs("resc: '", stderr);
    diag_print_name(file, stderr);
    fprintf(stderr, "' was not checked: %s\n", r->lost);
  }
  *errors += r->errors;
  *warnings += r->warnings;
  return r->verdict;
}

int cmd_check(int argc, char **argv) {
  struct common_options o = {.jobs = 1};
  unsigned char seen[1024] = {0};
  const char *base = NULL;
  bool parallel = false;
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":W:qj:h", longopts, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return EXIT_OK;
    }
    if (opt == OPT_FIRST_FREE) {
      if (once("check", opt, seen, "--base"))
        return EXIT_USAGE;
      base = optarg;
      continue;
    }
    if (opt == OPT_FIRST_FREE + 1) {
      if (once("check", opt, seen, "--parallel"))
        return EXIT_USAGE;
      parallel = true;
      continue;
    }
    int r = common_option("check", opt, optarg, &o);
    if (r == EXIT_USAGE)
      return r;
    if (r == 0)
      return bad_option("check", argv, opt);
    if ((opt == 'j' || opt == OPT_JOBS) && once("check", 'j', seen, "-j"))
      return EXIT_USAGE;
    if (opt == OPT_DIAGNOSTICS && once("check", opt, seen, "--diagnostics"))
      return EXIT_USAGE;
  }
  char **files = argv + optind;
  int nfiles = argc - optind;
  if (nfiles <= 0)
    return usage_error("check", "check needs at least one FILE");
  if (stdin_once(files, nfiles))
    return EXIT_USAGE;
  if (parallel && nfiles < 2)
    return usage_error("check", "check --parallel needs two FILEs or more");
  for (int i = 0; (base || parallel) && i < nfiles; i++)
    if (strcmp(files[i], "-") == 0) /* --base and --parallel read each file a second time */
      return usage_error("check",
                         base ? "check --base cannot read standard input; name the file"
                              : "check --parallel cannot read standard input; name the file");
  struct schema *schema = schema_load();
  struct file_result *res = xcalloc((size_t)nfiles, sizeof *res);
  if (!schema || !res) {
    free(res);
    schema_free(schema);
    return usage_error(NULL, "internal error: the schema does not compile");
  }
  struct analysis *in_force = base ? baseline_load(schema, base, o.diag_format) : NULL;
  if (base && !in_force) {
    free(res);
    schema_free(schema);
    return EXIT_USAGE;
  }
  int unchecked = batch_check(schema, files, nfiles, o.jobs, o.diag_format, o.werror, res);
  size_t errors = 0, warnings = 0;
  int worst = 0;
  struct sarif sarif = {0};
  if (o.diag_format == DIAG_SARIF)
    sarif_open(&sarif, stdout);
  FILE *out = o.diag_format == DIAG_SARIF ? sarif.results : stdout;
  for (int i = 0; i < nfiles; i++) {
    int v = report(files[i], &res[i], out, &errors, &warnings);
    worst = v > worst ? v : worst;
    if (in_force && res[i].checked && res[i].verdict < 2) {
      v = baseline_check_file(schema, in_force, files[i], o.diag_format, out, &errors);
      worst = v > worst ? v : worst;
    }
    free(res[i].text);
  }
  if (parallel) {
    int v = parallel_check_files(schema, files, nfiles, o.diag_format, out, &errors);
    worst = v > worst ? v : worst;
  }
  if (o.diag_format == DIAG_SARIF)
    sarif_close(&sarif);
  if (fflush(stdout) != 0 || ferror(stdout))
    worst = stdout_failed();
  if (!o.quiet)
    print_summary(nfiles, unchecked, errors, warnings);
  free(res);
  if (in_force) {
    xmlDocPtr doc = in_force->doc;
    analysis_free(in_force);
    xmlFreeDoc(doc);
  }
  schema_free(schema);
  return worst;
}
