#include "core/batch.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/pipeline.h"

static void check_one(struct schema *schema, const char *file, enum diag_format fmt, bool werror,
                      struct file_result *r) {
  struct diags d;
  diags_init(&d);
  pipeline_check(schema, file, &d, NULL);
  diags_sort(&d);
  FILE *mem = open_memstream(&r->text, &r->len);
  if (mem) {
    diags_print(&d, fmt, mem);
    fclose(mem);
  }
  r->verdict = pipeline_verdict(&d, werror);
  r->errors = diags_count(&d, SEV_ERROR);
  r->warnings = diags_count(&d, SEV_WARNING);
  diags_free(&d);
}

/* ---- the record a worker sends for each file ---- */

struct record {
  uint32_t index;
  int32_t verdict;
  uint64_t errors, warnings, len;
};

static int write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

static void worker(struct schema *schema, char **files, int n, int jobs, int k,
                   enum diag_format fmt, bool werror, int fd) {
  for (int i = k; i < n; i += jobs) {
    struct file_result r = {0};
    check_one(schema, files[i], fmt, werror, &r);
    struct record rec = {(uint32_t)i, r.verdict, r.errors, r.warnings, r.len};
    if (write_all(fd, &rec, sizeof rec) != 0 || write_all(fd, r.text, r.len) != 0)
      _exit(3);
    free(r.text);
  }
  _exit(0);
}

/* A growing buffer per worker, parsed into records once it is closed. */
struct inbox {
  int fd;
  char *buf;
  size_t len, cap;
};

static int drain(struct inbox *b) {
  if (b->len + 65536 > b->cap) {
    b->cap = b->cap ? 2 * b->cap + 65536 : 65536 * 2;
    char *nb = realloc(b->buf, b->cap);
    if (!nb)
      return -1;
    b->buf = nb;
  }
  ssize_t got = read(b->fd, b->buf + b->len, b->cap - b->len);
  if (got < 0 && errno == EINTR)
    return 1;
  if (got <= 0)
    return 0; /* end of file, or an error: the worker is done either way */
  b->len += (size_t)got;
  return 1;
}

static void unpack(const struct inbox *b, int n, struct file_result *out) {
  size_t at = 0;
  while (at + sizeof(struct record) <= b->len) {
    struct record rec;
    memcpy(&rec, b->buf + at, sizeof rec);
    at += sizeof rec;
    if (rec.index >= (uint32_t)n || at + rec.len > b->len)
      return;
    struct file_result *r = &out[rec.index];
    r->text = malloc(rec.len + 1);
    if (r->text) {
      memcpy(r->text, b->buf + at, rec.len);
      r->text[rec.len] = 0;
      r->len = rec.len;
    }
    r->verdict = rec.verdict;
    r->errors = rec.errors;
    r->warnings = rec.warnings;
    at += rec.len;
  }
}

static int run_workers(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                       bool werror, struct file_result *out) {
  struct inbox *in = calloc((size_t)jobs, sizeof *in);
  pid_t *pids = calloc((size_t)jobs, sizeof *pids);
  struct pollfd *pf = calloc((size_t)jobs, sizeof *pf);
  int rc = in && pids && pf ? 0 : -1;
  for (int k = 0; in && k < jobs; k++)
    in[k].fd = -1;
  fflush(NULL); /* no buffered output may be written twice */
  for (int k = 0; rc == 0 && k < jobs; k++) {
    int p[2];
    if (pipe(p) != 0 || (pids[k] = fork()) < 0) {
      rc = -1;
      break;
    }
    if (pids[k] == 0) {
      close(p[0]);
      /* the worker never returns: the parent's bookkeeping is not its own */
      free(in);
      free(pids);
      free(pf);
      worker(schema, files, n, jobs, k, fmt, werror, p[1]);
    }
    close(p[1]);
    in[k].fd = p[0];
  }
  int open_fds = 0;
  for (int k = 0; rc == 0 && k < jobs; k++)
    open_fds += in[k].fd >= 0;
  while (rc == 0 && open_fds > 0) {
    for (int k = 0; k < jobs; k++)
      pf[k] = (struct pollfd){in[k].fd, POLLIN, 0};
    if (poll(pf, (nfds_t)jobs, -1) < 0 && errno != EINTR)
      break;
    for (int k = 0; k < jobs; k++)
      if (in[k].fd >= 0 && (pf[k].revents & (POLLIN | POLLHUP | POLLERR)) && drain(&in[k]) <= 0) {
        close(in[k].fd);
        in[k].fd = -1;
        open_fds--;
      }
  }
  for (int k = 0; in && pids && k < jobs; k++) {
    int status = 0;
    if (pids[k] > 0 &&
        (waitpid(pids[k], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0))
      rc = -1;
    unpack(&in[k], n, out);
    free(in[k].buf);
  }
  free(in);
  free(pids);
  free(pf);
  return rc;
}

int batch_check(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                bool werror, struct file_result *out) {
  for (int i = 0; i < n; i++)
    out[i] = (struct file_result){NULL, 0, 2, 0, 0}; /* until a result says otherwise */
  if (jobs > n)
    jobs = n;
  if (jobs <= 1) {
    for (int i = 0; i < n; i++)
      check_one(schema, files[i], fmt, werror, &out[i]);
    return 0;
  }
  return run_workers(schema, files, n, jobs, fmt, werror, out);
}
