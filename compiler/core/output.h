/* Writing results. A regular file (or a new name) is written to a
 * temporary file beside it and renamed into place, so that a failed
 * build never leaves a partial file nor clobbers an earlier good one; the
 * replacement keeps the old file's mode (and owner where allowed), and
 * the file a symbolic link points to is replaced, not the link. A
 * multiply linked file is replaced under the name given: its other links
 * keep the earlier content (as git and rsync do; a hard-linked snapshot
 * tree stays a snapshot). Anything else — a device, a FIFO, a socket,
 * /dev/stdout — is written directly, never replaced. */
#ifndef RESC_OUTPUT_H
#define RESC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* PATH "-" or NULL: standard output. Returns 0, or -1 with errno set. */
int output_write(const char *path, const void *data, size_t len);

/* The same in steps, for an output written as it is made (a stylesheet's
 * result, streamed rather than held in memory whole): output_open, then
 * writes to output_fd, then output_close to put the file in place, or
 * output_discard to leave everything as it was. output_open returns NULL
 * with errno set, output_close 0 or -1 with errno set; either way O is
 * freed. */
struct output;
struct output *output_open(const char *path);
int output_fd(const struct output *o);
int output_close(struct output *o);
void output_discard(struct output *o);
/* Writes all LEN bytes to FD (again after EINTR). Returns 0 or -1. */
int output_write_all(int fd, const void *data, size_t len);
/* Removes the temporary file of a write under way, if any. Only
 * async-signal-safe calls: for signal handlers. */
void output_abandon(void);
/* Whether OUT names the same file as IN (the same inode: a hard link or
 * a symbolic link to it counts). */
bool output_is_input(const char *out, const char *in);

#endif
