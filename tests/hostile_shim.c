/* A test double for the system, loaded with LD_PRELOAD by
 * tests/hostile_round2.py: it makes the unlucky CI machine happen on
 * demand, without any hook in resc itself.
 *
 *   RESC_SHIM_FORK_FAIL=N   the Nth call of fork() (1-based) and every
 *                           later one fail with EAGAIN, as when the
 *                           process limit is reached
 *   RESC_SHIM_KILL_CHILD=N  the Nth child forked kills itself with
 *                           SIGKILL at its third write(), after it sent
 *                           a result or two (as the OOM killer would) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static int forks, doomed, writes;

static int env_int(const char *name) {
  const char *v = getenv(name);
  return v ? atoi(v) : 0;
}

pid_t fork(void) {
  static pid_t (*real_fork)(void);
  if (!real_fork)
    real_fork = (pid_t(*)(void))dlsym(RTLD_NEXT, "fork");
  forks++;
  int fail = env_int("RESC_SHIM_FORK_FAIL");
  if (fail > 0 && forks >= fail) {
    errno = EAGAIN;
    return -1;
  }
  pid_t pid = real_fork();
  if (pid == 0 && forks == env_int("RESC_SHIM_KILL_CHILD"))
    doomed = 1;
  return pid;
}

ssize_t write(int fd, const void *buf, size_t n) {
  static ssize_t (*real_write)(int, const void *, size_t);
  if (!real_write)
    real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (doomed && ++writes >= 3)
    raise(SIGKILL);
  return real_write(fd, buf, n);
}
