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

static int write_all(int fd, const char *p, size_t len) {
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

/* A device, a FIFO, a socket, a terminal: written as it is, never
 * replaced (renaming a file onto /dev/null would make it a file; a
 * FIFO's reader would read nothing). */
static int write_special(const char *path, const void *data, size_t len) {
  int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  int rc = write_all(fd, data, len);
  int e = errno;
  if (close(fd) != 0 && rc == 0)
    return -1;
  errno = e;
  return rc;
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

static int replace(const char *target, const struct stat *old, const void *data, size_t len) {
  char *tmp = temp_name(target);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    errno = e;
    return -1;
  }
  pending = tmp;
  keep_attributes(fd, old);
  int rc = write_all(fd, data, len);
  if (close(fd) != 0)
    rc = -1;
  if (rc == 0 && rename(tmp, target) != 0)
    rc = -1;
  int e = errno;
  if (rc != 0)
    unlink(tmp);
  pending = NULL;
  free(tmp);
  errno = e;
  return rc;
}

int output_write(const char *path, const void *data, size_t len) {
  if (!path || strcmp(path, "-") == 0)
    return write_all(STDOUT_FILENO, data, len);
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      errno = EISDIR;
      return -1;
    }
    return write_special(path, data, len);
  }
  char *target = real_target(path);
  int rc = replace(target, exists ? &st : NULL, data, len);
  int e = errno;
  free(target);
  errno = e;
  return rc;
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
