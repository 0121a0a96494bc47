#include "render/zipwrite.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/output.h"
#include "core/xalloc.h"

/* The record signatures and the version a reader needs (2.0: deflate). */
#define LOCAL_SIG 0x04034b50u
#define CENTRAL_SIG 0x02014b50u
#define END_SIG 0x06054b50u
#define VERSION 20
#define LOCAL_SIZE 30
#define CENTRAL_SIZE 46
#define END_SIZE 22
#define MAX_ENTRIES 0xffff

struct entry {
  char *name;
  uint32_t crc, csize, size, offset;
  uint16_t method;
};

struct zipwrite {
  int fd, error; /* error: the errno of the first failure, or 0 */
  uint16_t date, time;
  uint32_t offset; /* bytes written so far */
  struct entry *v;
  size_t n, cap;
};

static unsigned char *put16(unsigned char *p, uint16_t v) {
  p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
  return p + 2;
}

static unsigned char *put32(unsigned char *p, uint32_t v) {
  put16(p, (uint16_t)v);
  return put16(p + 2, (uint16_t)(v >> 16));
}

static void emit(struct zipwrite *z, const void *data, size_t len) {
  if (z->error)
    return;
  if ((uint64_t)z->offset + len > UINT32_MAX)
    z->error = EFBIG; /* no zip64: a DOCX package is far smaller */
  else if (output_write_all(z->fd, data, len) != 0)
    z->error = errno ? errno : EIO;
  else
    z->offset += (uint32_t)len;
}

/* The fields local and central headers share, from "version needed" on. */
static unsigned char *common_fields(unsigned char *p, const struct zipwrite *z,
                                    const struct entry *e) {
  p = put16(p, VERSION);
  p = put16(p, 0); /* flags: sizes known, names ASCII */
  p = put16(p, e->method);
  p = put16(p, z->time);
  p = put16(p, z->date);
  p = put32(p, e->crc);
  p = put32(p, e->csize);
  p = put32(p, e->size);
  return put16(p, (uint16_t)strlen(e->name));
}

struct zipwrite *zipwrite_open(int fd, uint16_t dos_date, uint16_t dos_time) {
  struct zipwrite *z = xcalloc(1, sizeof *z);
  z->fd = fd;
  z->date = dos_date;
  z->time = dos_time;
  return z;
}

/* DATA deflated (raw, no zlib header) at LEVEL into *OUT; its length, or
 * 0 on failure. */
static size_t deflated(const void *data, size_t len, int level, unsigned char **out) {
  z_stream s;
  memset(&s, 0, sizeof s);
  if (deflateInit2(&s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return 0;
  uLong bound = deflateBound(&s, (uLong)len);
  *out = xmalloc(bound ? bound : 1);
  s.next_in = (Bytef *)data;
  s.avail_in = (uInt)len;
  s.next_out = *out;
  s.avail_out = (uInt)bound;
  size_t n = deflate(&s, Z_FINISH) == Z_STREAM_END ? (size_t)s.total_out : 0;
  deflateEnd(&s);
  return n;
}

static struct entry *new_entry(struct zipwrite *z, const char *name) {
  if (z->n == z->cap) {
    z->cap = z->cap ? 2 * z->cap : 16;
    z->v = xrealloc(z->v, z->cap * sizeof *z->v);
  }
  struct entry *e = &z->v[z->n++];
  memset(e, 0, sizeof *e);
  e->name = xstrdup(name);
  e->offset = z->offset;
  return e;
}

int zipwrite_add(struct zipwrite *z, const char *name, const void *data, size_t len, int level) {
  if (!z->error && (len > UINT32_MAX || strlen(name) > 0xffff || z->n == MAX_ENTRIES))
    z->error = EFBIG;
  if (z->error) {
    errno = z->error;
    return -1;
  }
  struct entry *e = new_entry(z, name);
  e->size = (uint32_t)len;
  e->crc = (uint32_t)crc32(crc32(0, Z_NULL, 0), data, (uInt)len);
  unsigned char *packed = NULL;
  size_t plen = level > 0 ? deflated(data, len, level, &packed) : 0;
  e->method = plen ? Z_DEFLATED : 0;
  e->csize = (uint32_t)(plen ? plen : len);
  unsigned char head[LOCAL_SIZE], *p = put32(head, LOCAL_SIG);
  p = common_fields(p, z, e);
  put16(p, 0); /* no extra field */
  emit(z, head, sizeof head);
  emit(z, name, strlen(name));
  emit(z, plen ? packed : data, e->csize);
  free(packed);
  errno = z->error;
  return z->error ? -1 : 0;
}

static void central_entry(struct zipwrite *z, const struct entry *e) {
  unsigned char head[CENTRAL_SIZE], *p = put32(head, CENTRAL_SIG);
  p = put16(p, VERSION); /* made by: MS-DOS attributes, version 2.0 */
  p = common_fields(p, z, e);
  p = put16(p, 0); /* extra field */
  p = put16(p, 0); /* comment */
  p = put16(p, 0); /* disk */
  p = put16(p, 0); /* internal attributes */
  p = put32(p, 0); /* external attributes */
  put32(p, e->offset);
  emit(z, head, sizeof head);
  emit(z, e->name, strlen(e->name));
}

int zipwrite_close(struct zipwrite *z) {
  uint32_t start = z->offset;
  for (size_t i = 0; i < z->n; i++)
    central_entry(z, &z->v[i]);
  unsigned char end[END_SIZE], *p = put32(end, END_SIG);
  p = put16(p, 0); /* this disk */
  p = put16(p, 0); /* the disk the directory starts on */
  p = put16(p, (uint16_t)z->n);
  p = put16(p, (uint16_t)z->n);
  p = put32(p, z->offset - start);
  p = put32(p, start);
  put16(p, 0); /* comment */
  emit(z, end, sizeof end);
  int e = z->error;
  for (size_t i = 0; i < z->n; i++)
    free(z->v[i].name);
  free(z->v);
  free(z);
  errno = e;
  return e ? -1 : 0;
}
