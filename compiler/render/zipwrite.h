/* A zip archive written straight to a file descriptor, part after part,
 * with zlib: what a DOCX package needs and no more (no zip64, no
 * encryption, no reading). libzip, which import still uses to read
 * packages, held every part and then the whole archive in memory, and
 * its libcrypto cost each DOCX build 1.5 MB of resident memory. */
#ifndef RESC_ZIPWRITE_H
#define RESC_ZIPWRITE_H

#include <stddef.h>
#include <stdint.h>

struct zipwrite;

/* An archive written to FD; entries are dated DOS_DATE, DOS_TIME. */
struct zipwrite *zipwrite_open(int fd, uint16_t dos_date, uint16_t dos_time);
/* Adds the entry NAME with LEN bytes of DATA, deflated at zlib's level
 * LEVEL (0: stored). Returns 0, or -1 with errno set. */
int zipwrite_add(struct zipwrite *z, const char *name, const void *data, size_t len, int level);
/* Writes the central directory and frees Z. Returns 0, or -1 with errno
 * set (also when an earlier add failed). Z is freed either way. */
int zipwrite_close(struct zipwrite *z);

#endif
