/* resc: the command table. Each subcommand lives in cmd/NAME.c (see
 * cmd/cmd.h for how to add one); each document flows one way through
 * core/ (parse → validate → analyse), rules/ (check) and render/. */
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/heap.h"
#include "core/resources.h"
#include "core/xalloc.h"
#include "render/render.h"

struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *synopsis;
  const char *summary;
};

static const struct command commands[] = {
    {"check", cmd_check, "[OPTIONS] FILE...", "validate documents and print their diagnostics"},
    {"build", cmd_build, "-t FORMAT [OPTIONS] FILE [-o OUT]",
     "check a document, then render it as text, DOCX, XSL-FO, PDF or XML"},
    {"accept", cmd_accept, "[-o OUT | -i] FILE", "accept every revision mark: the amended text"},
    {"diff", cmd_diff, "OLD NEW [--proposal --by ADMIN --ref REF] [-o OUT]",
     "the marked document between two versions"},
    {"fmt", cmd_fmt, "--fix-labels | --renumber=bis|sequence | --link-refs [-o OUT | -i] FILE",
     "rewrite a document's labels"},
    {"new", cmd_new, "--base RES.xml --by ADMIN --ref REF [--action MOD|SUP|NOC]",
     "a proposal skeleton holding the text in force"},
    {"reject", cmd_reject, "[-o OUT | -i] FILE", "reject every revision mark: the original text"},
    {"compile", cmd_compile, "BASE PROPOSAL... [--merge] [-t FORMAT] [-o OUT]",
     "compile every proposal for a resolution: who changes what, baselines, conflicts"},
    {"import", cmd_import, "[OPTIONS] FILE.docx [-o OUT.xml]",
     "read a Word document (tracked changes and all) into the vocabulary, then check it"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static int print_help(void) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    printf("%s resc %s %s\n", i ? "      " : "usage:", commands[i].name, commands[i].synopsis);
  fputs("       resc help COMMAND | --help | --version\n\n", stdout);
  for (size_t i = 0; i < NCOMMANDS; i++)
    printf("  %-8s %s\n", commands[i].name, commands[i].summary);
  fputs("\n'resc COMMAND --help' describes a command and its options.\n"
        "exit status: 0 no error, 1 document error, 2 usage or I/O error\n",
        stdout);
  return EXIT_OK;
}

static const struct command *find_command(const char *name) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(name, commands[i].name) == 0)
      return &commands[i];
  return NULL;
}

/* resc help [COMMAND]: the command's own --help, or the list. */
static int help(const char *name) {
  if (!name)
    return print_help();
  const struct command *cmd = find_command(name);
  if (!cmd)
    return usage_error(NULL, "unknown command '%s'", name);
  char *args[] = {(char *)name, "--help", NULL};
  return cmd->run(2, args);
}

static int run(int argc, char **argv);

int main(int argc, char **argv) {
  xalloc_install();
  arena_install();
  int rc = run(argc, argv);
  /* what is still buffered for standard output, and whether all of it
   * (--help, --version, diagnostics) was written */
  if (fflush(stdout) != 0 || ferror(stdout))
    rc = stdout_failed();
  return rc;
}

static int run(int argc, char **argv) {
  if (argc < 2)
    return usage_error(NULL, "missing command");
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
    return help(argc > 2 ? argv[2] : NULL);
  if (strcmp(name, "--version") == 0) {
    printf("resc %s (libxml2 %s, libxslt %s)\n", RESC_VERSION, xmlParserVersion, xsltEngineVersion);
    return EXIT_OK;
  }
  const struct command *cmd = find_command(name);
  if (!cmd)
    return usage_error(NULL, "unknown command '%s'", name);
  heap_prepare();
  LIBXML_TEST_VERSION
  resources_install_loader();
  int rc = cmd->run(argc - 1, argv + 1);
#ifdef RESC_FREE_AT_EXIT
  render_cleanup();
  xsltCleanupGlobals();
  xmlCleanupParser();
#endif
  return rc;
}
