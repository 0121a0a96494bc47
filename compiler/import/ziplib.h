/* libzip, loaded when the first DOCX is imported rather than at
 * start-up. libzip links OpenSSL's libcrypto, bzip2 and xz; loading and
 * relocating them cost about 3 ms of every process, `resc check`
 * included, which never reads a zip. Only reading is here: resc writes
 * its DOCX with zlib (render/zipwrite.c). */
#ifndef RESC_ZIPLIB_H
#define RESC_ZIPLIB_H

#include <zip.h>

struct ziplib {
  __typeof__(zip_error_init) *error_init;
  __typeof__(zip_error_fini) *error_fini;
  __typeof__(zip_source_buffer_create) *source_buffer_create;
  __typeof__(zip_source_free) *source_free;
  __typeof__(zip_open_from_source) *open_from_source;
  __typeof__(zip_discard) *discard;
  __typeof__(zip_get_num_entries) *get_num_entries;
  __typeof__(zip_stat_index) *stat_index;
  __typeof__(zip_fopen_index) *fopen_index;
  __typeof__(zip_fread) *fread;
  __typeof__(zip_fclose) *fclose;
  __typeof__(zip_error_strerror) *error_strerror;
};

/* Loads libzip once per process (one thread: resc has no other).
 * Returns NULL when it cannot, with the loader's reason in *WHY. */
const struct ziplib *ziplib_load(const char **why);

#endif
