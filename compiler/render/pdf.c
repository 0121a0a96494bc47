/* PDF through Apache FOP. The FO and resc's FOP configuration go to a
 * private temporary directory; `fop` runs there without a shell; the PDF
 * is kept only if FOP said nothing at warning level or above. FOP's
 * warnings are defects of the printed page (a missing glyph prints as '#',
 * a substituted font changes every line break, a line overflows the
 * margin), not noise, so they fail the build like errors do. */
#include "render/pdf.h"
#include "core/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/output.h"
#include "core/resources.h"

extern char **environ;

/* What is kept of FOP's output: enough for every message of a real run;
 * the rest is read and dropped so that FOP never blocks on a full pipe. */
#define LOG_MAX (256 * 1024)

struct bytes {
  char *data;
  size_t len;
};

struct workdir {
  char dir[4096], fo[4200], conf[4200], pdf[4200];
};

static int make_workdir(struct workdir *w) {
  const char *tmp = getenv("TMPDIR");
  if (!tmp || !*tmp)
    tmp = "/tmp";
  if (snprintf(w->dir, sizeof w->dir, "%s/resc-pdf-XXXXXX", tmp) >= (int)sizeof w->dir) {
    errno = ENAMETOOLONG;
    return -1;
  }
  if (!mkdtemp(w->dir))
    return -1;
  snprintf(w->fo, sizeof w->fo, "%s/document.fo", w->dir);
  snprintf(w->conf, sizeof w->conf, "%s/fop.xconf", w->dir);
  snprintf(w->pdf, sizeof w->pdf, "%s/document.pdf", w->dir);
  return 0;
}

/* Removes everything in the directory, not only the files resc wrote: a
 * half-written PDF or whatever else FOP left behind goes too. */
static void remove_workdir(const struct workdir *w) {
  DIR *d = opendir(w->dir);
  if (d) {
    char path[4400];
    for (struct dirent *e; (e = readdir(d));) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
        continue;
      snprintf(path, sizeof path, "%s/%s", w->dir, e->d_name);
      unlink(path);
    }
    closedir(d);
  }
  rmdir(w->dir);
}

/* ---- an interrupted build leaves nothing behind ----
 *
 * While a PDF is made, SIGINT, SIGTERM and SIGHUP end FOP's process group
 * (FOP is started in a group of its own: its wrapper script and the JVM
 * it starts), remove the temporary directory and the temporary output,
 * then end resc as the signal would have. The handler reads what the
 * build set up before it was armed and makes only async-signal-safe
 * calls. */

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define NCAUGHT (sizeof caught / sizeof caught[0])
static const struct workdir *volatile armed;
static volatile pid_t fop_group;
static struct sigaction saved[NCAUGHT];

static void on_signal(int sig) {
  pid_t g = fop_group;
  if (g > 0)
    kill(-g, SIGKILL);
  const struct workdir *w = armed;
  if (w) {
    unlink(w->fo);
    unlink(w->conf);
    unlink(w->pdf);
    rmdir(w->dir);
  }
  output_abandon();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void arm(const struct workdir *w) {
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigfillset(&sa.sa_mask); /* one handler at a time */
  for (size_t i = 0; i < NCAUGHT; i++)
    sigaction(caught[i], &sa, &saved[i]);
  armed = w;
}

static void disarm(void) {
  armed = NULL;
  for (size_t i = 0; i < NCAUGHT; i++)
    sigaction(caught[i], &saved[i], NULL);
}

static int write_file(const char *path, const void *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return -1;
  const char *p = data;
  while (len) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      close(fd);
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return close(fd);
}

/* Appends what is read from FD until end of file to B, up to LIMIT bytes;
 * the rest is read and dropped. Returns 0, or -1 on a read error. */
static int read_all(int fd, struct bytes *b, size_t limit) {
  char chunk[8192];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return n < 0 ? -1 : 0;
    size_t keep = b->len + (size_t)n > limit ? limit - b->len : (size_t)n;
    if (!keep)
      continue;
    char *p = xrealloc(b->data, b->len + keep + 1);
    if (!p)
      return -1;
    b->data = p;
    memcpy(b->data + b->len, chunk, keep);
    b->len += keep;
    b->data[b->len] = '\0';
  }
}

static int read_file(const char *path, struct bytes *b) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int rc = read_all(fd, b, (size_t)-1 / 2);
  close(fd);
  return rc;
}

/* Starts fop with its standard output and error on the write end of
 * PIPEFD and nothing on its input. Returns 0 or an errno value (ENOENT:
 * there is no fop on PATH). */
static int spawn_fop(const struct workdir *w, int pipefd[2], pid_t *pid) {
  char *argv[] = {"fop", "-c", (char *)w->conf, "-fo", (char *)w->fo, "-pdf", (char *)w->pdf, NULL};
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t at;
  int rc = posix_spawn_file_actions_init(&fa);
  if (rc)
    return rc;
  if ((rc = posix_spawnattr_init(&at))) {
    posix_spawn_file_actions_destroy(&fa);
    return rc;
  }
  /* a process group of its own, which the signal handler ends whole */
  /* the caught signals are blocked until fop_group is set, so that no
   * FOP can be started and then missed by the handler; FOP itself starts
   * with none blocked */
  sigset_t block, old, none;
  sigemptyset(&block);
  sigemptyset(&none);
  for (size_t i = 0; i < NCAUGHT; i++)
    sigaddset(&block, caught[i]);
  sigprocmask(SIG_BLOCK, &block, &old);
  if (!(rc = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK)) &&
      !(rc = posix_spawnattr_setsigmask(&at, &none)) && !(rc = posix_spawnattr_setpgroup(&at, 0)) &&
      !(rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)) &&
      !(rc = posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1)) &&
      !(rc = posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2)) &&
      !(rc = posix_spawn_file_actions_addclose(&fa, pipefd[0])) &&
      !(rc = posix_spawn_file_actions_addclose(&fa, pipefd[1])))
    rc = posix_spawnp(pid, "fop", &fa, &at, argv, environ);
  if (rc == 0)
    fop_group = *pid;
  sigprocmask(SIG_SETMASK, &old, NULL);
  posix_spawnattr_destroy(&at);
  posix_spawn_file_actions_destroy(&fa);
  return rc;
}

/* Runs fop, collecting what it prints in LOG. Returns 0 with its wait
 * status in STATUS, or an errno value. */
static int run_fop(const struct workdir *w, struct bytes *log, int *status) {
  int pipefd[2];
  if (pipe(pipefd) != 0)
    return errno;
  pid_t pid;
  int rc = spawn_fop(w, pipefd, &pid);
  close(pipefd[1]);
  if (rc) {
    close(pipefd[0]);
    return rc;
  }
  if (read_all(pipefd[0], log, LOG_MAX) != 0)
    rc = errno ? errno : EIO;
  close(pipefd[0]); /* before waiting: a fop still writing must not block */
  while (waitpid(pid, status, 0) < 0 && errno == EINTR)
    ;
  fop_group = 0;
  return rc;
}

/* FOP logs through commons-logging: SimpleLog ("[WARN] FOUserAgent -
 * Glyph …", Debian's wrapper) or the JDK logger ("WARNING: Glyph …",
 * upstream's). Returns the severity of a line at warning level or above,
 * with MSG pointing at its message, or -1 for anything else (progress,
 * and the Debian wrapper's own lower-case "[warning] … Unable to locate
 * xalan2" about optional jars). */
static int fop_severity(const char *line, const char **msg) {
  static const struct {
    const char *prefix;
    enum severity sev;
  } levels[] = {{"[WARN] ", SEV_WARNING},
                {"WARNING: ", SEV_WARNING},
                {"[ERROR] ", SEV_ERROR},
                {"[FATAL] ", SEV_ERROR},
                {"SEVERE: ", SEV_ERROR}};
  for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
    size_t n = strlen(levels[i].prefix);
    if (strncmp(line, levels[i].prefix, n) != 0)
      continue;
    *msg = line + n;
    const char *logger_end = strstr(*msg, " - ");
    if (logger_end && !memchr(*msg, ' ', (size_t)(logger_end - *msg)))
      *msg = logger_end + 3; /* drop SimpleLog's logger name */
    return (int)levels[i].sev;
  }
  return -1;
}

/* The one warning FOP gives about a font rather than the page: reading
 * the GDEF table of an OpenType font (Scheherazade, resc's Arabic face),
 * it meets mark glyph sets, which it does not implement, and says so each
 * time it loads the font, whatever the document. Those sets only narrow
 * which marks a lookup skips; every glyph is still there and shaped (the
 * tests read the PDF's text back against the text view). Only this exact
 * message from this exact logger is let through. */
static bool fop_font_notice(const char *line) {
  return strcmp(line, "[WARN] GlyphClassTable$CoverageSetClassTable - "
                      "coverage set class table not yet supported") == 0;
}

/* Reports each warning or error line of LOG; returns how many there were.
 * LAST receives the last non-empty line, for a failure FOP did not log. */
static size_t report_log(char *log, const char *file, struct diags *d, const char **last) {
  size_t problems = 0;
  *last = NULL;
  for (char *line = log; line && *line;) {
    char *end = strchr(line, '\n');
    if (end)
      *end = '\0';
    const char *msg;
    int sev = fop_font_notice(line) ? -1 : fop_severity(line, &msg);
    if (sev >= 0) {
      diag_add_sev(d, file, 0, 0, (enum severity)sev, &rule_pdf, "FOP: %s", msg);
      problems++;
    }
    if (*line && *line != '\t' && strncmp(line, "[warning] ", 10) != 0)
      *last = line;
    line = end ? end + 1 : NULL;
  }
  return problems;
}

/* When FOP could not read a font file of resc's configuration, a note
 * naming the Debian package that holds it (xslt/fop.xconf). */
static void note_missing_fonts(const char *log, const char *file, struct diags *d) {
  static const char *const packages[][3] = {
      {"/liberation/", "Liberation Serif", "fonts-liberation"},
      {"/dejavu/", "DejaVu Serif", "fonts-dejavu-core fonts-dejavu-extra"},
      {"/scheherazade/", "Scheherazade (Arabic)", "fonts-sil-scheherazade"},
      {"/arphic/", "AR PL UMing (Chinese)", "fonts-arphic-uming"},
      {"/wqy/", "WenQuanYi Zen Hei (Chinese bold)", "fonts-wqy-zenhei"}};
  for (size_t i = 0; i < sizeof packages / sizeof packages[0]; i++) {
    const char *at = strstr(log, packages[i][0]);
    const char *eol = at ? strchr(at, '\n') : NULL;
    const char *missing = at ? strstr(at, "No such file") : NULL;
    if (missing && (!eol || missing < eol))
      diag_add_sev(d, file, 0, 0, SEV_NOTE, &rule_pdf,
                   "resc's FOP configuration uses %s: apt-get install %s", packages[i][1],
                   packages[i][2]);
  }
}

/* Turns FOP's exit and messages into diagnostics; returns 0 if the PDF
 * can be kept. */
static int judge(struct bytes *log, int status, const char *file, struct diags *d) {
  if (log->data)
    note_missing_fonts(log->data, file, d);
  const char *last = NULL;
  size_t problems = log->data ? report_log(log->data, file, d, &last) : 0;
  int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok && WIFSIGNALED(status))
    diag_add(d, file, 0, 0, &rule_pdf, "fop was killed by signal %d", WTERMSIG(status));
  else if (!ok)
    diag_add(d, file, 0, 0, &rule_pdf, "fop failed (exit status %d)%s%s", WEXITSTATUS(status),
             last ? ": " : "", last ? last : "");
  else if (problems)
    diag_add(d, file, 0, 0, &rule_pdf,
             "no PDF written: FOP reported %zu problem%s (each one is a defect of the "
             "printed page)",
             problems, problems == 1 ? "" : "s");
  return ok && !problems ? 0 : -1;
}

static int fail_io(struct diags *d, const char *file, const char *what, const char *path) {
  diag_add(d, file, 0, 0, &rule_io, "cannot %s '%s': %s", what, path, strerror(errno));
  return 2;
}

/* Runs FOP in the prepared directory and delivers its PDF to OUT. */
static int render_in(const struct workdir *w, const char *out, const char *file, struct diags *d) {
  struct bytes log = {0}, pdf = {0};
  int status = 0, rc = run_fop(w, &log, &status);
  if (rc == ENOENT) {
    diag_add(d, file, 0, 0, &rule_pdf,
             "PDF output needs Apache FOP, and there is no 'fop' on PATH: "
             "apt-get install fop fonts-liberation");
    rc = 2;
  } else if (rc) {
    diag_add(d, file, 0, 0, &rule_pdf, "cannot run fop: %s", strerror(rc));
    rc = 2;
  } else if (judge(&log, status, file, d) != 0) {
    rc = 1;
  } else if (read_file(w->pdf, &pdf) != 0) {
    rc = fail_io(d, file, "read FOP's output", w->pdf);
  } else if (output_write(out, pdf.data, pdf.len) != 0) {
    rc = fail_io(d, file, "write", out ? out : "-");
  }
  free(log.data);
  free(pdf.data);
  return rc;
}

int pdf_render(const unsigned char *fo, size_t len, const char *out, const char *file,
               struct diags *d) {
  const struct resc_resource *conf = resource_find("xslt/fop.xconf");
  if (!conf) {
    diag_add(d, file, 0, 0, &rule_internal, "the FOP configuration is not built in");
    return 2;
  }
  static struct workdir w; /* static: the signal handler reads it */
  if (make_workdir(&w) != 0)
    return fail_io(d, file, "create a temporary directory in", w.dir);
  arm(&w);
  int rc;
  if (write_file(w.fo, fo, len) != 0)
    rc = fail_io(d, file, "write", w.fo);
  else if (write_file(w.conf, conf->data, conf->size) != 0)
    rc = fail_io(d, file, "write", w.conf);
  else
    rc = render_in(&w, out, file, d);
  remove_workdir(&w);
  disarm();
  return rc;
}
