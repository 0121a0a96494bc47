/* Unit tests of the region libxml2 allocates from while a document is
 * checked (core/arena.c). Prints "N passed, N failed". */
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

static int passed, failed;

static void expect(const char *what, int ok) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s\n", what);
  }
}

static int filled(const unsigned char *p, size_t n, unsigned char c) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != c)
      return 0;
  return 1;
}

/* Blocks are aligned as malloc's, grow with their content, and the
 * region is used again from its start once taken back. */
static void test_blocks(void) {
  expect("a region to begin", arena_begin());
  expect("no second region while one is in use", !arena_begin());
  unsigned char *a = xmlMalloc(10), *b = xmlMalloc(33);
  expect("aligned", ((uintptr_t)a % 16) == 0 && ((uintptr_t)b % 16) == 0);
  expect("one after the other", b > a && b - a <= 64);
  memset(a, 'a', 10);
  memset(b, 'b', 33);
  unsigned char *b2 = xmlRealloc(b, 5000); /* the last block: grown in place */
  expect("the last block grows in place", b2 == b && filled(b2, 33, 'b'));
  unsigned char *a2 = xmlRealloc(a, 100); /* not the last: copied */
  expect("another block is copied", a2 != a && filled(a2, 10, 'a') && filled(b2, 33, 'b'));
  char *s = (char *)xmlStrdup((const xmlChar *)"considering");
  expect("strdup", strcmp(s, "considering") == 0);
  xmlFree(a2); /* left where it is */
  expect("nothing went to the heap", !arena_spilled());
  arena_end();
  expect("a region again", arena_begin());
  unsigned char *c = xmlMalloc(10);
  expect("the region is used from its start again", c == a);
#if defined(__SANITIZE_ADDRESS__)
  arena_end();
  expect("a block taken back is poisoned", __asan_address_is_poisoned(b2 + 100));
#else
  arena_end();
#endif
}

/* A block made on the heap before stays on the heap, and the region
 * says so: what the document made must then be freed as usual. */
static void test_heap(void) {
  unsigned char *h = xmlMalloc(64); /* no region in use: the heap */
  memset(h, 'h', 64);
  arena_begin();
  h = xmlRealloc(h, 4096);
  expect("a heap block grown in the region's time keeps its content", filled(h, 64, 'h'));
  expect("and the region says it spilled", arena_spilled());
  xmlFree(h);
  arena_end();
  arena_begin();
  expect("a new region has not spilled", !arena_spilled());
  arena_end();
}

/* A whole document parsed in the region, read, then taken back. */
static void test_document(void) {
  static const char xml[] = "<resolution xmlns='urn:x'><p>resolves to instruct</p></resolution>";
  arena_begin();
  xmlDocPtr doc = xmlReadMemory(xml, (int)sizeof xml - 1, "t.xml", NULL, 0);
  expect("a document parsed in the region",
         doc && doc->children && strcmp((const char *)doc->children->name, "resolution") == 0);
  xmlChar *text = xmlNodeGetContent(doc->children);
  expect("its text read", text && strcmp((const char *)text, "resolves to instruct") == 0);
  xmlFree(text);
  expect("all of it in the region", !arena_spilled());
  arena_end();
}

int main(void) {
  xalloc_install();
  arena_install();
  LIBXML_TEST_VERSION
  test_blocks();
  test_heap();
  test_document();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
