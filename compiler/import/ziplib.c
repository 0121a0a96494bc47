#include "import/ziplib.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* RESC_LIBZIP_SONAME is the name CMake read from the libzip the build
 * found, so the library loaded is the one the headers describe. */
static struct ziplib lib;
static const char *failure;
static char failure_text[256]; /* dlerror()'s own is overwritten by the next call */
static bool tried;

static const struct symbol {
  const char *name;
  size_t offset;
} symbols[] = {
#define SYM(field)                                                                                 \
  { "zip_" #field, offsetof(struct ziplib, field) }
    SYM(error_init),      SYM(error_fini), SYM(source_buffer_create), SYM(source_free),
    SYM(open_from_source), SYM(discard),    SYM(get_num_entries),      SYM(stat_index),
    SYM(fopen_index),      SYM(fread),      SYM(fclose),               SYM(error_strerror),
#undef SYM
};

static void fail(void) {
  const char *e = dlerror();
  snprintf(failure_text, sizeof failure_text, "%s", e ? e : "unknown error");
  failure = failure_text;
}

static void load(void) {
  void *h = dlopen(RESC_LIBZIP_SONAME, RTLD_LAZY | RTLD_LOCAL);
  if (!h) {
    fail();
    return;
  }
  for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
    void *f = dlsym(h, symbols[i].name);
    if (!f) {
      fail();
      return;
    }
    /* POSIX guarantees a function pointer survives the trip through
     * void *; every field has the size of one. */
    *(void **)((char *)&lib + symbols[i].offset) = f;
  }
}

const struct ziplib *ziplib_load(const char **why) {
  if (!tried)
    load();
  tried = true;
  if (failure) {
    if (why)
      *why = failure;
    return NULL;
  }
  return &lib;
}
