/* libzip, loaded when the first DOCX is made rather than at start-up.
 * libzip links OpenSSL's libcrypto, bzip2 and xz; loading and relocating
 * them cost about 3 ms of every process, `resc check` included, which
 * never writes a zip. */
#ifndef RESC_ZIPLIB_H
#define RESC_ZIPLIB_H

#include <zip.h>

struct ziplib {
  __typeof__(zip_error_init) *error_init;
  __typeof__(zip_error_fini) *error_fini;
  __typeof__(zip_source_buffer_create) *source_buffer_create;
  __typeof__(zip_source_buffer) *source_buffer;
  __typeof__(zip_source_keep) *source_keep;
  __typeof__(zip_source_free) *source_free;
  __typeof__(zip_source_open) *source_open;
  __typeof__(zip_source_stat) *source_stat;
  __typeof__(zip_source_read) *source_read;
  __typeof__(zip_source_close) *source_close;
  __typeof__(zip_open_from_source) *open_from_source;
  __typeof__(zip_file_add) *file_add;
  __typeof__(zip_file_set_dostime) *file_set_dostime;
  __typeof__(zip_set_file_compression) *set_file_compression;
  __typeof__(zip_close) *close;
  __typeof__(zip_discard) *discard;
  /* reading (import/docx_package.c) */
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
