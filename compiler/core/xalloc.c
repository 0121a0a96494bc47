#include "core/xalloc.h"

#include <libxml/xmlmemory.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void xalloc_fail(void) {
  /* write(2), not stdio: stdio may itself need memory */
  static const char msg[] = "resc: out of memory\n";
  ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)ignored;
  _exit(2);
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    xalloc_fail();
  return p;
}

void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    xalloc_fail();
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    xalloc_fail();
  return q;
}

char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}

char *xstrndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *t = xmalloc(len + 1);
  memcpy(t, s, len);
  t[len] = 0;
  return t;
}

static char *xml_strdup(const char *s) { return xstrdup(s); }

void xalloc_install(void) { xmlMemSetup(free, xmalloc, xrealloc, xml_strdup); }
