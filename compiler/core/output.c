#define _DEFAULT_SOURCE /* realpath */
#include "core/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"

/* The temporary file being written, for output_abandon (a signal
 * handler); NULL when there is none. */
static char *volatile pending;

int output_write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

/* Where a regular file is replaced: PATH, or what a symbolic link PATH
 * points to, so that the link stays a link. Free with free. */
static char *real_target(const char *path) {
  struct stat ls;
  if (lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode)) {
    char *r = realpath(path, NULL);
    if (r)
      return r;
  }
  return xstrdup(path);
}

/* A temporary name beside TARGET, short whatever TARGET's length, so that
 * a name of 255 bytes (the most a directory entry holds) still works. */
static char *temp_name(const char *target) {
  const char *slash = strrchr(target, '/');
  size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
  char *tmp = xmalloc(dir + 16);
  memcpy(tmp, target, dir);
  memcpy(tmp + dir, ".resc-XXXXXX", 13);
  return tmp;
}

/* The new file gets the mode (and, where allowed, the owner) of the one
 * it replaces; a new name gets the usual permissions. */
static void keep_attributes(int fd, const struct stat *old) {
  if (old) {
    if (fchown(fd, old->st_uid, old->st_gid) != 0) {
      /* not allowed for another's file: the mode is what matters */
    }
    fchmod(fd, old->st_mode & 07777);
    return;
  }
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
}

struct output {
  int fd;
  char *tmp;    /* the temporary file, renamed onto TARGET at the end */
  char *target; /* NULL: FD is written directly */
};

/* Standard output, or a device, a FIFO, a socket, a terminal: written as
 * it is, never replaced (renaming a file onto /dev/null would make it a
 * file; a FIFO's reader would read nothing). */
static struct output *open_direct(const char *path) {
  int fd = STDOUT_FILENO;
  if (path && (fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
    return NULL;
  struct output *o = xcalloc(1, sizeof *o);
  o->fd = fd;
  return o;
}

/* A regular file or a new name: a temporary file beside it, with the
 * attributes of the file it is to replace (OLD, or NULL for a new one). */
static struct output *open_replacing(const char *path, const struct stat *old) {
  char *target = real_target(path), *tmp = temp_name(target);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    free(target);
    errno = e;
    return NULL;
  }
  pending = tmp;
  keep_attributes(fd, old);
  struct output *o = xcalloc(1, sizeof *o);
  o->fd = fd;
  o->tmp = tmp;
  o->target = target;
  return o;
}

struct output *output_open(const char *path) {
  if (!path || strcmp(path, "-") == 0)
    return open_direct(NULL);
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    return NULL;
  }
  if (exists && !S_ISREG(st.st_mode))
    return open_direct(path);
  return open_replacing(path, exists ? &st : NULL);
}

int output_fd(const struct output *o) { return o->fd; }

/* Closes O's file (standard output stays open) and frees O; with KEEP,
 * the temporary file is renamed into place, else removed. */
static int finish(struct output *o, bool keep) {
  int rc = 0;
  if (o->fd != STDOUT_FILENO && close(o->fd) != 0)
    rc = -1;
  if (o->tmp && keep && rc == 0 && rename(o->tmp, o->target) != 0)
    rc = -1;
  int e = errno;
  if (o->tmp && (rc != 0 || !keep))
    unlink(o->tmp);
  if (o->tmp)
    pending = NULL;
  free(o->tmp);
  free(o->target);
  free(o);
  errno = e;
  return rc;
}

int output_close(struct output *o) { return finish(o, true); }

void output_discard(struct output *o) {
  if (o)
    finish(o, false);
}

int output_write(const char *path, const void *data, size_t len) {
  struct output *o = output_open(path);
  if (!o)
    return -1;
  if (output_write_all(o->fd, data, len) != 0) {
    int e = errno;
    output_discard(o);
    errno = e;
    return -1;
  }
  return output_close(o);
}

void output_abandon(void) {
  char *tmp = pending;
  if (tmp)
    unlink(tmp);
}

bool output_is_input(const char *out, const char *in) {
  struct stat so, si;
  if (!out || !in || strcmp(out, "-") == 0 || strcmp(in, "-") == 0)
    return false;
  return stat(out, &so) == 0 && stat(in, &si) == 0 && so.st_dev == si.st_dev &&
         so.st_ino == si.st_ino;
}
