#!/usr/bin/env python3
"""Mutation testing of resc's suite, on demand (not in CI).

usage: tools/mutate.py [--list FILE] [--only N,M] [--check] [-j JOBS]

Each mutation of tools/mutations.txt (a plausible one-line bug) is
applied, one at a time, to a copy of the working tree (its tracked files,
as they are now, uncommitted changes included), built there, and run
against the suite; then reverted. A mutation is killed when the build
still succeeds and a test fails; it survives when every test passes. The
suite runs in two passes, so that a killed mutation costs little: the
quick tests first, then, only if they all pass, the slow ones (real
consumers, FOP, valgrind, the random properties); each pass stops at its
first failure. At the end: the score and the survivors.

--check   only verify that every mutation's text occurs exactly once.
--only    run the mutations with these numbers (1-based).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLOW = ("docx-consumers|fo-pdf|marks-visible-pdf|valgrind|authoring-random|import-|hostile|"
        "desk-|lo-|corpus-docx|corpus-pdf")


def parse(path):
    """[(file, what, old, new)] from a mutations file."""
    out, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@@ "):
            file, what = line[3:].split(" :: ", 1)
            cur = [file.strip(), what.strip(), [], []]
            out.append(cur)
        elif cur and line.startswith("- "):
            cur[2].append(line[2:])
        elif cur and line.startswith("+ "):
            cur[3].append(line[2:])
    return [(f, w, "\n".join(o), "\n".join(n)) for f, w, o, n in out]


def copy_tree(dst):
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for f in filter(None, files):
        src = os.path.join(ROOT, f)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(os.path.join(dst, f)), exist_ok=True)
        shutil.copy2(src, os.path.join(dst, f))


# The devices the tests write to. A mutant resc that no longer refuses
# to replace a device ("-o /dev/full" renamed onto) replaces it with a
# file when the harness runs as root, and every later test that writes
# there then fails for a reason of its own: each is checked after every
# mutation and made again.
DEVICES = {"/dev/null": (1, 3), "/dev/full": (1, 7), "/dev/zero": (1, 5)}


def devices_replaced():
    """The devices a test replaced, made again (root only)."""
    import stat
    bad = []
    for path, (major, minor) in DEVICES.items():
        try:
            st = os.lstat(path)
            if stat.S_ISCHR(st.st_mode) and os.major(st.st_rdev) == major \
                    and os.minor(st.st_rdev) == minor:
                continue
        except FileNotFoundError:
            pass
        bad.append(path)
        try:
            if os.path.lexists(path):
                os.unlink(path)
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
            os.chmod(path, 0o666)
        except OSError as e:
            sys.exit(f"{path} was replaced by a test and cannot be made again ({e}): "
                     "make it again before any other run")
    return bad


def run(cmd, cwd, timeout=3600):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout)
    return p.returncode, p.stdout + p.stderr


def failed_tests(log):
    """{test: how} of the tests a ctest log says failed."""
    return dict((name, how) for name, how in re.findall(
        r"\d+ - (\S+) \((Failed|Timeout|SEGFAULT|Subprocess aborted)", log))


def suite(build, jobs):
    """(None, seconds) when every test passes, else (failing test, seconds).
    A test that only timed out (a loaded machine) is run again alone, with
    no time limit, before it counts: a timeout is not a kill."""
    start = time.time()
    for select in (["-E", SLOW], ["-R", SLOW]):
        rc, log = run(["ctest", "--test-dir", build, "-j", str(jobs), "--stop-on-failure",
                       *select], build)
        failed = failed_tests(log)
        for name, how in failed.items():
            if how != "Timeout":
                return name, time.time() - start
            rc2, _ = run(["ctest", "--test-dir", build, "-R", f"^{re.escape(name)}$",
                          "--timeout", "0"], build)
            if rc2 != 0:
                return name, time.time() - start
        if rc != 0 and not failed:
            return "?", time.time() - start
        if failed:  # timeouts only, each passed alone: the rest of the pass
            done = "|".join(f"^{re.escape(n)}$" for n in failed)
            rest = ["-E", f"{SLOW}|{done}"] if select[0] == "-E" else [*select, "-E", done]
            rc, log = run(["ctest", "--test-dir", build, "-j", str(jobs), *rest], build)
            if rc != 0:
                return next(iter(failed_tests(log)), "?"), time.time() - start
    return None, time.time() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", default=os.path.join(ROOT, "tools", "mutations.txt"))
    ap.add_argument("--only", default="")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    muts = parse(args.list)
    bad = []
    for i, (f, what, old, new) in enumerate(muts, 1):
        n = open(os.path.join(ROOT, f), encoding="utf-8").read().count(old)
        if n != 1 or old == new:
            bad.append(f"{i}. {f} :: {what}: its text occurs {n} times")
    if bad or args.check:
        print("\n".join(bad) or f"{len(muts)} mutations, each applies once")
        sys.exit(1 if bad else 0)
    only = {int(x) for x in args.only.split(",") if x}
    if devices_replaced():
        print("a device had been replaced by an earlier run: made again", flush=True)
    src = tempfile.mkdtemp(prefix="resc-mutate-")
    try:
        copy_tree(src)
        build = os.path.join(src, "build")
        run(["cmake", "-S", src, "-B", build], src)
        rc, log = run(["cmake", "--build", build, "-j", str(args.jobs)], src)
        if rc:
            sys.exit("the unmutated tree does not build:\n" + log[-2000:])
        killed, survivors, stillborn = [], [], []
        for i, (f, what, old, new) in enumerate(muts, 1):
            if only and i not in only:
                continue
            path = os.path.join(src, f)
            text = open(path, encoding="utf-8").read()
            open(path, "w", encoding="utf-8").write(text.replace(old, new))
            try:
                rc, log = run(["cmake", "--build", build, "-j", str(args.jobs)], src)
                if rc:
                    stillborn.append((i, f, what))
                    print(f"{i:2}. {what}: does not build", flush=True)
                    continue
                test, secs = suite(build, args.jobs)
                replaced = devices_replaced()
                if replaced:  # said, whether a test saw it or not
                    print(f"    the mutant replaced {', '.join(replaced)}: made again", flush=True)
                if test:
                    killed.append((i, f, what, test))
                    print(f"{i:2}. {what}: killed by {test} ({secs:.0f} s)", flush=True)
                else:
                    survivors.append((i, f, what))
                    print(f"{i:2}. {what}: SURVIVED ({secs:.0f} s)", flush=True)
            finally:
                open(path, "w", encoding="utf-8").write(text)
                os.utime(path)
        run(["cmake", "--build", build, "-j", str(args.jobs)], src)
        tried = len(killed) + len(survivors)
        print(f"\nscore: {len(killed)} of {tried} mutations killed "
              f"({100 * len(killed) / max(tried, 1):.0f} %); {len(stillborn)} did not build")
        for i, f, what in survivors:
            print(f"  survivor {i}: {f}: {what}")
    finally:
        shutil.rmtree(src, ignore_errors=True)


if __name__ == "__main__":
    main()
