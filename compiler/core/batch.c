#include "core/batch.h"
#include "core/xalloc.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/pipeline.h"

struct check_ctx {
  struct schema *schema;
  enum diag_format fmt;
  bool werror;
};

void batch_result(struct file_result *r, struct diags *d, enum diag_format fmt, int verdict) {
  diags_sort(d);
  /* most files have nothing to say: no stream for them (opening one
   * cost a fortieth of checking a small file) */
  if (d->n) {
    FILE *mem = open_memstream(&r->text, &r->len);
    if (!mem)
      xalloc_fail();
    diags_print(d, fmt, mem);
    fclose(mem);
  }
  r->verdict = verdict;
  r->checked = true;
  r->errors = diags_count(d, SEV_ERROR);
  r->warnings = diags_count(d, SEV_WARNING);
  diags_free(d);
}

static void check_one(const void *ctx, const char *file, struct file_result *r) {
  const struct check_ctx *c = ctx;
  struct diags d;
  diags_init(&d);
  pipeline_check(c->schema, file, &d, NULL);
  batch_result(r, &d, c->fmt, pipeline_verdict(&d, c->werror));
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

static void worker(const struct batch_task *task, char **files, int n, int jobs, int k, int fd) {
  for (int i = k; i < n; i += jobs) {
    struct file_result r = {0};
    task->one(task->ctx, files[i], &r);
    struct record rec = {(uint32_t)i, r.verdict, r.errors, r.warnings, r.len};
    if (write_all(fd, &rec, sizeof rec) != 0 || write_all(fd, r.text, r.len) != 0)
      _exit(3);
    free(r.text);
  }
  _exit(0);
}

/* One worker as the parent sees it: its process, the pipe it writes its
 * records to, and the records read so far. */
struct inbox {
  pid_t pid; /* 0: never started */
  int fd;    /* -1: closed */
  int status;
  char *buf;
  size_t len, cap;
  size_t seen; /* how far the records were counted for progress */
};

/* How many whole records B holds past B->seen, which moves past them. */
static int count_new(struct inbox *b) {
  int count = 0;
  while (b->seen + sizeof(struct record) <= b->len) {
    struct record rec;
    memcpy(&rec, b->buf + b->seen, sizeof rec);
    if (rec.len > b->len - b->seen - sizeof rec)
      break;
    b->seen += sizeof rec + rec.len;
    count++;
  }
  return count;
}

/* Reads what is there; returns 0 at end of file (or an error: the worker
 * is done either way), 1 otherwise. */
static int drain(struct inbox *b) {
  if (b->len + 65536 > b->cap) {
    b->cap = b->cap ? 2 * b->cap + 65536 : 65536 * 2;
    b->buf = xrealloc(b->buf, b->cap);
  }
  ssize_t got = read(b->fd, b->buf + b->len, b->cap - b->len);
  if (got < 0 && (errno == EINTR || errno == EAGAIN))
    return 1;
  if (got <= 0)
    return 0;
  b->len += (size_t)got;
  return 1;
}

/* Takes worker K's records into OUT; a record for a file that is not K's,
 * or cut short (the worker died while writing it), ends the reading. */
static void unpack(const struct inbox *b, int k, int jobs, int n, struct file_result *out) {
  size_t at = 0;
  while (at + sizeof(struct record) <= b->len) {
    struct record rec;
    memcpy(&rec, b->buf + at, sizeof rec);
    at += sizeof rec;
    if (rec.index >= (uint32_t)n || (int)rec.index % jobs != k || rec.len > b->len - at)
      return;
    struct file_result *r = &out[rec.index];
    r->text = xmalloc(rec.len + 1);
    memcpy(r->text, b->buf + at, rec.len);
    r->text[rec.len] = 0;
    r->len = rec.len;
    r->verdict = rec.verdict;
    r->errors = rec.errors;
    r->warnings = rec.warnings;
    r->checked = true;
    at += rec.len;
  }
}

/* Starts worker K; on failure (fork or pipe) it stays unstarted and the
 * parent checks its files itself. */
static void start(struct inbox *in, int k, const struct batch_task *task, char **files, int n,
                  int jobs) {
  int p[2];
  if (pipe(p) != 0)
    return;
  pid_t pid = fork();
  if (pid < 0) {
    close(p[0]);
    close(p[1]);
    return;
  }
  if (pid == 0) {
    close(p[0]);
    for (int j = 0; j < k; j++) /* the other workers' pipes are the parent's */
      if (in[j].fd >= 0)
        close(in[j].fd);
    worker(task, files, n, jobs, k, p[1]);
  }
  close(p[1]);
  in[k].pid = pid;
  in[k].fd = p[0];
}

/* Reads every started worker's pipe to its end, then waits for it. */
static void collect(struct inbox *in, int jobs, const struct batch_task *task, int n) {
  int done = 0;
  struct pollfd *pf = xcalloc((size_t)jobs, sizeof *pf);
  for (;;) {
    int open_fds = 0;
    for (int k = 0; k < jobs; k++) {
      pf[k] = (struct pollfd){in[k].fd, POLLIN, 0};
      open_fds += in[k].fd >= 0;
    }
    if (!open_fds)
      break;
    if (poll(pf, (nfds_t)jobs, -1) < 0) {
      if (errno == EINTR)
        continue;
      /* poll itself failed: read each pipe to its end in turn instead */
      for (int k = 0; k < jobs; k++)
        while (in[k].fd >= 0 && drain(&in[k]))
          ;
    }
    for (int k = 0; k < jobs; k++)
      if (in[k].fd >= 0 && (pf[k].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) &&
          !drain(&in[k])) {
        close(in[k].fd);
        in[k].fd = -1;
      }
    int more = 0;
    for (int k = 0; k < jobs; k++)
      more += count_new(&in[k]);
    if (more && task->progress)
      task->progress(done += more, n);
  }
  free(pf);
  for (int k = 0; k < jobs; k++)
    while (in[k].pid > 0 && waitpid(in[k].pid, &in[k].status, 0) < 0 && errno == EINTR)
      ;
}

static void why_lost(const struct inbox *b, int k, char *why, size_t size) {
  if (WIFSIGNALED(b->status))
    snprintf(why, size, "worker %d was killed by signal %d", k + 1, WTERMSIG(b->status));
  else if (WIFEXITED(b->status) && WEXITSTATUS(b->status) != 0)
    snprintf(why, size, "worker %d failed (exit status %d)", k + 1, WEXITSTATUS(b->status));
  else
    snprintf(why, size, "worker %d ended without its result", k + 1);
}

static int run_workers(const struct batch_task *task, char **files, int n, int jobs,
                       struct file_result *out) {
  struct inbox *in = xcalloc((size_t)jobs, sizeof *in);
  for (int k = 0; k < jobs; k++)
    in[k].fd = -1;
  fflush(NULL); /* no buffered output may be written twice */
  for (int k = 0; k < jobs; k++)
    start(in, k, task, files, n, jobs);
  collect(in, jobs, task, n);
  int lost = 0;
  for (int k = 0; k < jobs; k++) {
    unpack(&in[k], k, jobs, n, out);
    free(in[k].buf);
    for (int i = k; i < n; i += jobs) {
      if (out[i].checked)
        continue;
      if (in[k].pid == 0) /* never started: the work is done here */
        task->one(task->ctx, files[i], &out[i]);
      else {
        why_lost(&in[k], k, out[i].lost, sizeof out[i].lost);
        lost++;
      }
    }
  }
  free(in);
  return lost;
}

int batch_run(const struct batch_task *task, char **files, int n, int jobs,
              struct file_result *out) {
  for (int i = 0; i < n; i++)
    out[i] = (struct file_result){.verdict = 2}; /* until a result says otherwise */
  if (jobs > n)
    jobs = n;
  if (jobs <= 1) {
    for (int i = 0; i < n; i++) {
      task->one(task->ctx, files[i], &out[i]);
      if (task->progress)
        task->progress(i + 1, n);
    }
    return 0;
  }
  return run_workers(task, files, n, jobs, out);
}

int batch_check(struct schema *schema, char **files, int n, int jobs, enum diag_format fmt,
                bool werror, struct file_result *out) {
  struct check_ctx c = {schema, fmt, werror};
  struct batch_task task = {check_one, &c, NULL};
  return batch_run(&task, files, n, jobs, out);
}
