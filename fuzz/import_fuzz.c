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

static struct schema *schema;
static char path[64];

static void quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return ~c;
}

static void put16(FILE *f, unsigned v) {
  fputc((int)(v & 0xFF), f);
  fputc((int)((v >> 8) & 0xFF), f);
}

static void put32(FILE *f, uint32_t v) {
  put16(f, v & 0xFFFF);
  put16(f, v >> 16);
}

/* A zip of one stored entry, word/document.xml. */
static void write_package(FILE *f, const uint8_t *data, size_t size) {
  static const char name[] = "word/document.xml";
  const unsigned nlen = sizeof name - 1;
  uint32_t crc = crc32(data, size);
  put32(f, 0x04034b50);
  put16(f, 20), put16(f, 0), put16(f, 0), put16(f, 0), put16(f, 0x21);
  put32(f, crc), put32(f, (uint32_t)size), put32(f, (uint32_t)size);
  put16(f, nlen), put16(f, 0);
  fwrite(name, 1, nlen, f);
  fwrite(data, 1, size, f);
  long cd = ftell(f);
  put32(f, 0x02014b50);
  put16(f, 20), put16(f, 20), put16(f, 0), put16(f, 0), put16(f, 0), put16(f, 0x21);
  put32(f, crc), put32(f, (uint32_t)size), put32(f, (uint32_t)size);
  put16(f, nlen), put16(f, 0), put16(f, 0), put16(f, 0), put16(f, 0);
  put32(f, 0), put32(f, 0);
  fwrite(name, 1, nlen, f);
  long end = ftell(f);
  put32(f, 0x06054b50);
  put16(f, 0), put16(f, 0), put16(f, 1), put16(f, 1);
  put32(f, (uint32_t)(end - cd)), put32(f, (uint32_t)cd), put16(f, 0);
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
