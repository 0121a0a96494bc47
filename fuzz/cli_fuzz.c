/* libFuzzer harness over the command line: one input becomes up to four
 * files, checked together by `resc check` (with -j 1 to 3), then the
 * first one built in every format of render/formats.c's table with an
 * output path, the DOCX built imported again, the last file imported as
 * a package, and the first two compared by `resc diff` — through the
 * same functions compiler/main.c calls (cmd_check, cmd_build, cmd_import,
 * cmd_diff), and all the files built together by `build -d` (the batch
 * builder). This reaches what resc_fuzz.c does not: option handling, the
 * batch checker and its workers, atomic output, the PDF driver (with no
 * FOP on PATH) and the printing of diagnostics to standard output.
 *
 * The input: its first byte chooses options (bit 0-1 jobs, 2 JSON
 * diagnostics, or SARIF when bit 0 is set too, 3 -W error, 4-5 the view
 * (4 also: diff --proposal and check --parallel), 6 --docx-marks format,
 * import --marks format and DOCX for the batch, 7 the outputs go to
 * standard output rather than to files); the rest is split into
 * documents at each line "--8<--". Inputs up to 1 MB (run with
 * -max_len=1048576). Build and run: see fuzz/README.md. */
#define _GNU_SOURCE /* memmem */
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/resources.h"
#include "render/formats.h"

#define MAX_FILES 4
#define SEPARATOR "\n--8<--\n"

static char dir[64];

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlInitParser();
  resources_install_loader();
  xmlSetGenericErrorFunc(NULL, quiet);
  xsltSetGenericErrorFunc(NULL, quiet);
  snprintf(dir, sizeof dir, "/tmp/resc-cli-fuzz-XXXXXX");
  if (!mkdtemp(dir))
    abort();
  /* what the commands print is not looked at: to /dev/null (their
   * standard error too with libFuzzer's -close_fd_mask=2, which fuzz/run.sh
   * passes, keeping the fuzzer's own log readable) */
  int null = open("/dev/null", O_WRONLY);
  if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
    abort();
  close(null);
  /* -t pdf runs to the point of starting FOP, which is not there */
  setenv("PATH", dir, 1);
  return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    abort();
  if (len)
    fwrite(data, 1, len, f);
  fclose(f);
}

/* Splits DATA at SEPARATOR into files dir/0.xml …; returns how many. */
static int split(const uint8_t *data, size_t size, char names[MAX_FILES][96]) {
  size_t seplen = strlen(SEPARATOR);
  int n = 0;
  while (n < MAX_FILES) {
    const uint8_t *end = n + 1 < MAX_FILES ? memmem(data, size, SEPARATOR, seplen) : NULL;
    size_t len = end ? (size_t)(end - data) : size;
    snprintf(names[n], sizeof names[n], "%s/%d.xml", dir, n);
    write_file(names[n], data, len);
    n++;
    if (!end)
      break;
    data = end + seplen;
    size -= len + seplen;
  }
  return n;
}

/* The --diagnostics option bits 2 and 0 of OPTS choose, or NULL. */
static char *diagnostics(uint8_t opts) {
  if (!(opts & 4))
    return NULL;
  return opts & 1 ? "--diagnostics=sarif" : "--diagnostics=json";
}

static void run_check(uint8_t opts, char names[MAX_FILES][96], int n) {
  char jobs[4];
  snprintf(jobs, sizeof jobs, "%d", (opts & 3) + 1);
  char *argv[16] = {"check", "-q", "-j", jobs};
  int argc = 4;
  if (diagnostics(opts))
    argv[argc++] = diagnostics(opts);
  if (opts & 8)
    argv[argc++] = "--werror";
  if (opts & 16 && n > 1) /* the files as language versions of one text */
    argv[argc++] = "--parallel";
  argv[argc++] = "--";
  for (int i = 0; i < n; i++)
    argv[argc++] = names[i];
  argv[argc] = NULL;
  cmd_check(argc, argv);
}

static void run_build(uint8_t opts, const char *format, const char *file) {
  static const char *const views[] = {"marked", "original", "amended", "marked"};
  char out[128];
  if (opts & 128)
    snprintf(out, sizeof out, "-");
  else
    snprintf(out, sizeof out, "%s/out.%s", dir, format);
  char *argv[16] = {"build", "-t", (char *)format, "--view", (char *)views[(opts >> 4) & 3],
                    "-o",    out};
  int argc = 7;
  if (opts & 64)
    argv[argc++] = "--docx-marks=format";
  if (opts & 8)
    argv[argc++] = "-Werror";
  argv[argc++] = (char *)file;
  argv[argc] = NULL;
  cmd_build(argc, argv);
}

/* resc build -d of every file at once, text or DOCX as bit 6 says. */
static void run_batch(uint8_t opts, char names[MAX_FILES][96], int n) {
  char jobs[4], out[128];
  snprintf(jobs, sizeof jobs, "%d", (opts & 3) + 1);
  snprintf(out, sizeof out, "%s/batch", dir);
  char *argv[16] = {"build", "-q", "-t", opts & 64 ? "docx" : "text", "-d", out, "-j", jobs};
  int argc = 8;
  if (diagnostics(opts))
    argv[argc++] = diagnostics(opts);
  argv[argc++] = "--";
  for (int i = 0; i < n; i++)
    argv[argc++] = names[i];
  argv[argc] = NULL;
  cmd_build(argc, argv);
}

/* resc import of PACKAGE, with the options of the byte OPTS that apply. */
static void run_import(uint8_t opts, const char *package) {
  char out[128];
  snprintf(out, sizeof out, "%s", opts & 128 ? "-" : "");
  if (!out[0])
    snprintf(out, sizeof out, "%s/imported.xml", dir);
  char *argv[16] = {"import", "-o", out};
  int argc = 3;
  if (opts & 64)
    argv[argc++] = "--marks=format";
  if (opts & 8)
    argv[argc++] = "--werror";
  if (diagnostics(opts))
    argv[argc++] = diagnostics(opts);
  argv[argc++] = "--";
  argv[argc++] = (char *)package;
  argv[argc] = NULL;
  cmd_import(argc, argv);
}

/* resc diff OLD NEW, as a marked document or (bit 4) as a proposal. */
static void run_diff(uint8_t opts, const char *old, const char *new) {
  char out[128];
  if (opts & 128)
    snprintf(out, sizeof out, "-");
  else
    snprintf(out, sizeof out, "%s/diff.xml", dir);
  char *argv[16] = {"diff", "-o", out};
  int argc = 3;
  if (opts & 16) {
    char *proposal[] = {"--proposal", "--by", "ATU", "--ref", "PP-18/1"};
    for (size_t i = 0; i < sizeof proposal / sizeof proposal[0]; i++)
      argv[argc++] = proposal[i];
  }
  if (diagnostics(opts))
    argv[argc++] = diagnostics(opts);
  argv[argc++] = (char *)old;
  argv[argc++] = (char *)new;
  argv[argc] = NULL;
  cmd_diff(argc, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1 << 20))
    return 0;
  uint8_t opts = data[0];
  char names[MAX_FILES][96];
  int n = split(data + 1, size - 1, names);
  run_check(opts, names, n);
  run_batch(opts, names, n);
  /* every format of resc's own table (render/formats.c) */
  char docx[128];
  snprintf(docx, sizeof docx, "%s/out.docx", dir);
  unlink(docx); /* the import below reads this input's DOCX only */
  for (size_t i = 0; format_at(i); i++)
    run_build(opts, format_at(i)->name, names[0]);
  /* diff: the first file against the second (or itself) */
  run_diff(opts, names[0], names[n > 1 ? 1 : 0]);
  /* import: the DOCX just built, if it was (a file, valid input), and
   * the last file taken as a package when there are several */
  if (access(docx, F_OK) == 0)
    run_import(opts, docx);
  if (n > 1) {
    char package[128];
    snprintf(package, sizeof package, "%s/in.docx", dir);
    if (rename(names[n - 1], package) == 0)
      run_import(opts, package);
  }
  return 0;
}
