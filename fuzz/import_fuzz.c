/* libFuzzer harness for resc import: one input through the importer and
 * the checker, as cmd/import.c runs them (import_docx, the XML written,
 * pipeline_check_buffer on it).
 *
 * An input that starts with "PK" is a whole package, mutated as bytes
 * (the package checks: names, sizes, encryption, damaged archives); any
 * other input is word/document.xml, put in a package of its own (stored,
 * so that the mutations reach the XML reader, the paragraph and run
 * walker, labels, revisions and the tree builder). Each input is tried
 * with --marks track and format. Seeds: the Word files of tests/import/
 * (and, for a longer run, the word/document.xml parts inside them). */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/pipeline.h"
#include "core/resources.h"
#include "core/validate.h"
#include "import/import.h"
#include "render/zipwrite.h"

static struct schema *schema;
static char path[64];

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* A zip of one stored entry, word/document.xml, written by the zip
 * writer DOCX builds use. */
static void write_package(FILE *f, const uint8_t *data, size_t size) {
  fflush(f);
  struct zipwrite *z = zipwrite_open(fileno(f), 0x21, 0);
  zipwrite_add(z, "word/document.xml", data, size, 0);
  zipwrite_close(z);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlSetGenericErrorFunc(NULL, quiet);
  resources_install_loader();
  schema = schema_load();
  snprintf(path, sizeof path, "/tmp/import_fuzz_%ld.docx", (long)getpid());
  return schema ? 0 : 1;
}

static void one(bool format_marks) {
  struct diags d;
  diags_init(&d);
  struct import_options o = {.format_marks = format_marks};
  xmlDocPtr doc = NULL;
  if (import_docx(path, &o, &doc, &d) == 0) {
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 0);
    if (buf)
      pipeline_check_buffer(schema, "fuzz.xml", (const char *)buf, (size_t)len, &d, NULL);
    xmlFree(buf);
  }
  xmlFreeDoc(doc);
  diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return 0;
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    fwrite(data, 1, size, f);
  else
    write_package(f, data, size);
  fclose(f);
  one(false);
  one(true);
  return 0;
}
