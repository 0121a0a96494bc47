#include "core/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int output_write(const char *path, const void *data, size_t len) {
  if (!path || strcmp(path, "-") == 0) {
    if (write_all(STDOUT_FILENO, data, len) != 0)
      return -1;
    return 0;
  }
  size_t n = strlen(path);
  char *tmp = malloc(n + 16);
  if (!tmp)
    return -1;
  snprintf(tmp, n + 16, "%s.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    errno = e;
    return -1;
  }
  /* mkstemp makes the file 0600; give it the usual permissions */
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  int rc = write_all(fd, data, len);
  if (close(fd) != 0)
    rc = -1;
  if (rc == 0 && rename(tmp, path) != 0)
    rc = -1;
  if (rc != 0) {
    int e = errno;
    unlink(tmp);
    errno = e;
  }
  free(tmp);
  return rc;
}
