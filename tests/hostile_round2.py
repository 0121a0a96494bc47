#!/usr/bin/env python3
"""Hardening, second round (issue 13): what an attacker or an unlucky CI
machine does to resc's outputs, batches, memory and diagnostics.

usage: hostile_round2.py MODE RESC SAMPLES_DIR [SHIM]
  outputs   -o onto a character device, a FIFO and a link to
            /proc/self/fd/1: written directly, never replaced; a replaced
            file keeps its mode; a hard-linked output is replaced under its
            name, its other link keeps the earlier content (output.h says
            why); a symbolic link stays a link; names of 250 to 255 bytes;
            the input is never the output (-o naming it, a link to it,
            `build -t docx doc.docx`)
  batch     with SHIM (tests/hostile_shim.c, LD_PRELOAD): `check -j` when
            the first fork fails, when a later one fails (no hang, however
            much a worker has to say), when a worker is killed: every file
            accounted for, or named as not checked with exit status 2
  stdout    every command writing to /dev/full: exit status 2 and a message
  signals   SIGTERM and SIGINT during `build -t pdf` (a stand-in `fop` on
            PATH that starts a child and sleeps): the temporary directory
            and output removed, FOP's process group ended, resc killed by
            the signal
  oom       an address-space limit: `check` and every build format say
            "resc: out of memory" and exit 2, in a few lines
  names     file names with a newline, an escape sequence, a bidi override,
            a byte that is not UTF-8: one line per finding in the gcc
            format, well-formed JSON, no such byte printed raw
  memory    an author name of a megabyte refused quickly in little memory;
            a long inherited `by` on many marks costs no more memory than a
            short one; a build's peak memory at most 1.3 x xsltproc's on
            the same stylesheet and annotated tree (a sample, 10 000 items)
  labels    (needs FOP) 1 000 items in one section with an insertion at
            the top: three-letter labels, marked pairs "aaaaab)", through
            FOP in the marked view with no overflow warning
"""
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

from testlib import check, finish

MODE, RESC, SAMPLES = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
SHIM = os.path.abspath(sys.argv[4]) if len(sys.argv) > 4 else None
SAMPLE = os.path.join(SAMPLES, "res75-atu.xml")
SANITIZED = "ASAN_OPTIONS" in os.environ  # tests/hostile.cmake sets it in sanitizer builds

BAD = """<resolution xmlns="urn:resc:1" xml:lang="en">
  <heading><number>1</number><title>T</title></heading>
  <preamble><section><call>considering</call>
    <item num="b"><p>one;</p></item>
    <item><p>two.</p></item>
  </section></preamble>
</resolution>
"""


def run(*args, env=None, timeout=120, stdout=subprocess.PIPE, preexec=None, stdin=None):
    try:
        p = subprocess.run([RESC, *args], stdout=stdout, stderr=subprocess.PIPE, env=env,
                           timeout=timeout, check=False, preexec_fn=preexec, stdin=stdin)
        return p.returncode, p.stdout or b"", p.stderr
    except subprocess.TimeoutExpired as e:
        return -999, e.stdout or b"", (e.stderr or b"") + b"(timed out)"


def text(b):
    return b.decode("utf-8", "replace")


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def generated(n, by="ATU", top_insert=True):
    """A proposal with N items in one section (an insertion at the top
    reletters all of them)."""
    items = "".join(f"<item><p>item number {i} of the section;</p></item>\n" for i in range(n - 1))
    ins = '<item change="ins"><p>inserted at the top;</p></item>\n' if top_insert else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<proposal xmlns="urn:resc:1" xml:lang="en" by="{by}">
<summary><p>Proposal.</p></summary>
<amendment action="MOD" ref="X/1">
<resolution><heading><number>1</number><title>Test</title></heading>
<preamble><authority>The Assembly,</authority>
<section><call>considering</call>
{ins}{items}<item><p>last,</p></item>
</section></preamble>
<operative><section><call>resolves</call><item><p>to do.</p></item></section></operative>
</resolution><reasons><p>Because.</p></reasons></amendment></proposal>
"""


# ------------------------------------------------------------ outputs

def mode_outputs(tmp):
    expected = run("build", "-t", "text", SAMPLE)[1]
    check("the sample builds", expected)

    # a character device of our own (the same device as /dev/null): were it
    # replaced by a file, it would stop being a device
    dev = os.path.join(tmp, "null")
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        rc, _, err = run("build", "-t", "text", SAMPLE, "-o", dev)
        check("-o a character device exits 0", rc == 0, err)
        check("-o a character device leaves it a device", stat.S_ISCHR(os.lstat(dev).st_mode))
    except PermissionError:
        print("(not root: the device case is skipped)")

    # a FIFO: its reader gets the whole output
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    got = {}

    def reader():
        with open(fifo, "rb") as f:
            got["data"] = f.read()
    t = threading.Thread(target=reader)
    t.start()
    rc, _, err = run("build", "-t", "text", SAMPLE, "-o", fifo, timeout=30)
    if rc == 0 and "data" not in got and t.is_alive():
        with open(fifo, "wb"):  # unblock a reader the build never opened
            pass
    t.join(10)
    check("-o a FIFO exits 0", rc == 0, err)
    check("-o a FIFO: the reader gets the output", got.get("data") == expected,
          f"{len(got.get('data') or b'')} bytes of {len(expected)}")
    check("-o a FIFO leaves it a FIFO", stat.S_ISFIFO(os.lstat(fifo).st_mode))

    # /dev/stdout is a link to /proc/self/fd/1; one of our own, so that a
    # resc that replaced it would replace nothing of the system's
    out = os.path.join(tmp, "stdout")
    os.symlink("/proc/self/fd/1", out)
    rc, so, err = run("build", "-t", "text", SAMPLE, "-o", out)
    check("-o /proc/self/fd/1 writes standard output", rc == 0 and so == expected, err)
    # the system's own, only if the private one survived: a resc that
    # replaced it would replace /dev/stdout for every process
    if check("-o /proc/self/fd/1 leaves the link", os.path.islink(out)):
        rc, so, err = run("build", "-t", "text", SAMPLE, "-o", "/dev/stdout")
        check("-o /dev/stdout writes standard output", rc == 0 and so == expected, err)

    # a replaced file keeps its mode
    for mode in (0o600, 0o640, 0o755):
        f = os.path.join(tmp, f"mode{mode:o}.txt")
        write(f, "old")
        os.chmod(f, mode)
        rc, _, err = run("build", "-t", "text", SAMPLE, "-o", f)
        check(f"a {mode:o} output stays {mode:o}", rc == 0 and stat.S_IMODE(os.stat(f).st_mode) == mode
              and read(f) == expected, f"{stat.S_IMODE(os.stat(f).st_mode):o} {err}")
    new = os.path.join(tmp, "new.txt")
    old_mask = os.umask(0o027)
    try:
        run("build", "-t", "text", SAMPLE, "-o", new)
    finally:
        os.umask(old_mask)
    check("a new output follows the umask", stat.S_IMODE(os.stat(new).st_mode) == 0o640,
          f"{stat.S_IMODE(os.stat(new).st_mode):o}")

    # a hard-linked output: replaced under its name; the other link keeps
    # the earlier content (the decision documented in core/output.h)
    a, b = os.path.join(tmp, "linked-a.txt"), os.path.join(tmp, "linked-b.txt")
    write(a, "old")
    os.chmod(a, 0o600)
    os.link(a, b)
    rc, _, err = run("build", "-t", "text", SAMPLE, "-o", a)
    check("a hard-linked output is written", rc == 0 and read(a) == expected, err)
    check("its other link keeps the earlier content", read(b) == b"old")
    check("and the mode", stat.S_IMODE(os.stat(a).st_mode) == 0o600)

    # a symbolic link: the file it points to is replaced, the link stays
    target, link = os.path.join(tmp, "target.txt"), os.path.join(tmp, "link.txt")
    write(target, "old")
    os.symlink(target, link)
    rc, _, err = run("build", "-t", "text", SAMPLE, "-o", link)
    check("-o a symbolic link writes its target and keeps the link",
          rc == 0 and os.path.islink(link) and read(target) == expected, err)

    # names of 250 to 255 bytes, the most a directory entry holds
    for n in range(250, 256):
        name = os.path.join(tmp, "n" * (n - 4) + ".txt")
        rc, _, err = run("build", "-t", "text", SAMPLE, "-o", name)
        ok = rc == 0 and os.path.exists(name) and read(name) == expected
        check(f"an output name of {n} bytes", ok, text(err))
        if os.path.exists(name):
            os.unlink(name)
    check("no temporary file left", not [f for f in os.listdir(tmp) if ".resc-" in f or "XXXX" in f],
          str(os.listdir(tmp)))

    # the input is never the output
    doc = os.path.join(tmp, "doc.xml")
    shutil.copy(SAMPLE, doc)
    before = read(doc)
    for label, args in (("-o the input", ["build", "-t", "text", doc, "-o", doc]),
                        ("-o the input by another path",
                         ["build", "-t", "xml", doc, "-o", os.path.join(tmp, ".", "doc.xml")])):
        rc, _, err = run(*args)
        check(f"{label}: exit 2 and a message", rc == 2 and b"is the input" in err, text(err))
        check(f"{label}: the input is untouched", read(doc) == before)
    hard = os.path.join(tmp, "hard.xml")
    os.link(doc, hard)
    rc, _, err = run("build", "-t", "text", doc, "-o", hard)
    check("-o a hard link to the input is refused", rc == 2 and read(doc) == before, text(err))
    for fmt in ("docx", "pdf"):
        same = os.path.join(tmp, f"doc.{fmt}")
        shutil.copy(SAMPLE, same)
        rc, _, err = run("build", "-t", fmt, same)
        check(f"build -t {fmt} doc.{fmt}: its default output is its input: refused",
              rc == 2 and read(same) == before, text(err))


# ------------------------------------------------------------ batch

def mode_batch(tmp):
    if not SHIM:
        check("the shim is built", False)
        return
    files = []
    for i in range(12):
        f = os.path.join(tmp, f"f{i:02}.xml")
        write(f, BAD if i % 3 == 0 else read(SAMPLE))
        files.append(f)
    one = run("check", *files)

    def shim(**kw):
        env = dict(os.environ, LD_PRELOAD=SHIM, **{k: str(v) for k, v in kw.items()})
        if SANITIZED:  # the sanitizer's runtime wants to be first; the shim only wraps fork and write
            env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
        return env

    # the first fork fails: every file is still checked (here)
    rc, out, err = run("check", "-j", "3", *files, env=shim(RESC_SHIM_FORK_FAIL=1), timeout=60)
    check("first fork fails: same findings as -j 1", (rc, out) == one[:2], text(err))
    check("first fork fails: the summary counts what was checked",
          b"12 files checked: 4 errors" in err, text(err))

    # a later fork fails while the first worker has more to say than a
    # pipe holds: no hang, every file checked
    many = []
    big = BAD.replace("<item><p>two.</p></item>",
                      "".join(f'<item num="z{i}"><p>x;</p></item>' for i in range(300)) +
                      "<item><p>two.</p></item>")
    for i in range(30):
        f = os.path.join(tmp, f"m{i:02}.xml")
        write(f, big)
        many.append(f)
    one_many = run("check", "-q", *many)
    check("the batch says more than a pipe holds", len(one_many[1]) > 3 * 65536, len(one_many[1]))
    t = time.monotonic()
    rc, out, err = run("check", "-q", "-j", "3", *many, env=shim(RESC_SHIM_FORK_FAIL=2), timeout=60)
    check("second fork fails: no hang", rc != -999 and time.monotonic() - t < 60, text(err))
    check("second fork fails: same findings as -j 1", (rc, out) == one_many[:2], text(err)[-500:])

    # a worker is killed: the files it did not report are named, exit 2
    rc, out, err = run("check", "-j", "3", *files, env=shim(RESC_SHIM_KILL_CHILD=2), timeout=60)
    lost = re.findall(rb"resc: '([^']*)' was not checked: worker 2 was killed by signal 9", err)
    check("killed worker: exit 2", rc == 2, f"{rc} {text(err)}")
    check("killed worker: its unreported files are named", len(lost) >= 1, text(err))
    reported = {line.split(b":")[0] for line in out.splitlines()}
    clean = {f.encode() for i, f in enumerate(files) if i % 3}
    accounted = reported | set(lost) | clean
    check("killed worker: every file reported or named as not checked",
          all(f.encode() in accounted for f in files) and not (reported & set(lost)),
          text(out + err))
    check("killed worker: the summary says so",
          re.search(rb"\d+ files checked, %d not checked" % len(lost), err), text(err))


# ------------------------------------------------------------ stdout

def mode_stdout(tmp):
    bad = os.path.join(tmp, "bad.xml")
    write(bad, BAD)
    cases = [("check", ["check", bad]), ("check json", ["check", "--diagnostics=json", bad]),
             ("check -j", ["check", "-j", "2", bad, bad]),
             ("build text", ["build", "-t", "text", SAMPLE]),
             ("build fo", ["build", "-t", "fo", SAMPLE]),
             ("build -o -", ["build", "-t", "xml", SAMPLE, "-o", "-"]),
             ("build docx -o -", ["build", "-t", "docx", SAMPLE, "-o", "-"]),
             ("--help", ["--help"]), ("check --help", ["check", "--help"]),
             ("--version", ["--version"])]
    for label, args in cases:
        with open("/dev/full", "wb") as full:
            rc, _, err = run(*args, stdout=full)
        check(f"{label} > /dev/full: exit 2 and a message, once",
              rc == 2 and err.count(b"cannot write to standard output: No space left on device") == 1,
              f"{rc} {text(err)}")
    # -o a device that is full: the output is streamed into it as it is
    # made, and a failed write is still exit 2 and one message
    for fmt in ("text", "fo", "docx", "xml"):
        rc, _, err = run("build", "-t", fmt, SAMPLE, "-o", "/dev/full")
        check(f"build -t {fmt} -o /dev/full: exit 2 and a message, once",
              rc == 2 and err.count(b"cannot write '/dev/full': No space left on device") == 1,
              f"{rc} {text(err)}")


# ------------------------------------------------------------ signals

FAKE_FOP = """#!/bin/sh
# a stand-in for fop: a child of its own (as the JVM is the wrapper's),
# then it waits, as a long FOP run does
sleep 300 &
echo "$$ $!" > "$RESC_TEST_FOP_PIDS"
wait
"""


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def mode_signals(tmp):
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    fop = os.path.join(bindir, "fop")
    write(fop, FAKE_FOP)
    os.chmod(fop, 0o755)
    for sig in (signal.SIGTERM, signal.SIGINT):
        tmpdir = os.path.join(tmp, f"tmp-{sig.name}")
        os.mkdir(tmpdir)
        pids = os.path.join(tmp, f"pids-{sig.name}")
        out = os.path.join(tmp, f"out-{sig.name}.pdf")
        env = dict(os.environ, PATH=bindir + ":" + os.environ.get("PATH", ""), TMPDIR=tmpdir,
                   RESC_TEST_FOP_PIDS=pids)
        p = subprocess.Popen([RESC, "build", "-t", "pdf", SAMPLE, "-o", out], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not (os.path.exists(pids) and os.path.getsize(pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        check(f"{sig.name}: the stand-in fop started", os.path.exists(pids))
        check(f"{sig.name}: a temporary directory exists while FOP runs",
              any(n.startswith("resc-pdf-") for n in os.listdir(tmpdir)))
        p.send_signal(sig)
        try:
            rc = p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
            rc = p.wait()
        check(f"{sig.name}: resc ends by the signal", rc == -sig, rc)
        check(f"{sig.name}: no temporary file left", os.listdir(tmpdir) == [], str(os.listdir(tmpdir)))
        check(f"{sig.name}: no output", not os.path.exists(out))
        with open(pids) as f:
            fop_pid, child = (int(x) for x in f.read().split())
        deadline = time.monotonic() + 10
        while (alive(fop_pid) or alive(child)) and time.monotonic() < deadline:
            time.sleep(0.05)
        check(f"{sig.name}: FOP and its child are gone", not alive(fop_pid) and not alive(child))
        for pid in (fop_pid, child):  # leave nothing behind whatever happened
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# ------------------------------------------------------------ oom

def mode_oom(tmp):
    if SANITIZED:
        print("(sanitizer build: an address-space limit cannot apply; skipped)")
        check("skipped under the sanitizers", True)
        return
    doc = os.path.join(tmp, "big.xml")
    write(doc, generated(100000))

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (64 << 20, 64 << 20))
    for label, args in (("check", ["check", doc]), ("build text", ["build", "-t", "text", doc]),
                        ("build fo", ["build", "-t", "fo", doc]),
                        ("build docx", ["build", "-t", "docx", doc, "-o", os.path.join(tmp, "o.docx")]),
                        ("build annotated", ["build", "-t", "annotated", doc])):
        rc, out, err = run(*args, preexec=limit, stdout=subprocess.DEVNULL)
        check(f"{label} out of memory: exit 2", rc == 2, f"{rc} {text(err[-2000:])}")
        check(f"{label} out of memory: one message",
              err.endswith(b"resc: out of memory\n") and err.count(b"\n") <= 3, text(err[-2000:]))
    check("no partial output", not os.path.exists(os.path.join(tmp, "o.docx")))


# ------------------------------------------------------------ names

NAMES = ["new\nline.xml", "esc\x1b[31mred.xml", "bidi\u202egnp.xml", "tab\there.xml",
         "back\\slash.xml", 'quote".xml']
RAW_NAMES = [b"latin1-\xe9t\xe9.xml"]
GCC_LINE = re.compile(rb"^[^\n]*:\d+(:\d+)?: (error|warning|note): .* \[[a-z-]+\]$")


def mode_names(tmp):
    paths = []
    for n in NAMES:
        p = os.path.join(tmp, n).encode()
        paths.append(p)
    for n in RAW_NAMES:
        paths.append(os.path.join(tmp.encode(), n))
    for p in paths:
        with open(p, "w") as f:
            f.write(BAD)
    rc, out, err = run("check", *paths)
    lines = out.split(b"\n")[:-1]
    check("gcc: one line per finding (one finding per file)", len(lines) == len(paths), text(out))
    check("gcc: every line has the form FILE:LINE: SEVERITY: MESSAGE [RULE]",
          all(GCC_LINE.match(line) for line in lines), text(out))
    for bad in (b"\x1b", "\u202e".encode(), b"\xe9t", b"\t"):
        check(f"gcc: {bad!r} is not printed raw", bad not in out, text(out))
    check("gcc: the escapes are readable",
          b"new\\nline.xml:4:" in out and b"esc\\x1B[31mred.xml" in out and b"bidi\\u202Egnp.xml" in out
          and b"latin1-\\xE9t\\xE9.xml" in out and b"back\\\\slash" in out, text(out))
    rc, out, err = run("check", "--diagnostics=json", *paths)
    rows = []
    try:
        rows = [json.loads(line.decode("utf-8", "strict")) for line in out.splitlines()]
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        check("json: every line is well-formed JSON in UTF-8", False, f"{e}\n{text(out)}")
    check("json: one object per finding", len(rows) == len(paths), text(out))
    files = {r["file"] for r in rows}
    check("json: names with controls decode to themselves",
          {os.path.join(tmp, n) for n in NAMES} <= files, str(files))
    check("json: a byte that is not UTF-8 is written \\xNN",
          os.path.join(tmp, "latin1-\\xE9t\\xE9.xml") in files, str(files))
    check("json: no raw control or bidi character", not re.search(rb"[\x00-\x09\x0b-\x1f]|\xe2\x80\xae", out),
          text(out))
    # resc's own messages name files the same way
    rc, _, err = run("build", "-t", "text", SAMPLE, "-o", os.path.join(tmp, "no\ndir", "x.txt"))
    check("resc's own messages escape names too", rc == 2 and b"no\\ndir" in err, text(err))


# ------------------------------------------------------------ memory

def rss_of(args):
    """Peak RSS (MB) of a resc run, measured by the kernel for the child
    (a Python process's fork: about 14 MB at the least)."""
    r = subprocess.run([sys.executable, "-c", RSS_CHILD, RESC, *args], capture_output=True,
                       check=False)
    rc, mb, secs = r.stdout.split()
    return int(rc), float(mb), float(secs), r.stderr


# a process of its own, so that RUSAGE_CHILDREN is this one resc's


RSS_CHILD = """
import resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
      time.monotonic() - t)
"""


def mode_memory(tmp):
    huge = os.path.join(tmp, "huge-by.xml")
    write(huge, generated(50, by="A" * (1 << 20)))
    rc, mb, secs, _ = rss_of(["check", huge])
    err = run("check", huge)[1]
    check("an author name of a megabyte is refused", rc == 1 and b"attribute 'by'" in err
          and b"at most 1024 bytes" in err and b"[schema]" in err, text(err))
    check("quickly", secs < 2, secs)
    if not SANITIZED:
        check("in little memory (under 40 MB)", mb < 40, mb)
    for fmt in ("docx", "fo", "annotated"):
        rc, mb, secs, _ = rss_of(["build", "-t", fmt, huge, "-o", os.path.join(tmp, "x")])
        check(f"build -t {fmt}: refused too", rc == 1, rc)
    if SANITIZED:
        return
    # the longest author allowed, inherited by 5 000 marks: the tree must
    # not hold 5 000 copies (5 MB) of it
    short = os.path.join(tmp, "short.xml")
    long_ = os.path.join(tmp, "long.xml")
    marks = "".join(f'<item change="ins"><p>inserted {i};</p></item>\n' for i in range(5000))
    write(short, generated(2).replace('<item change="ins"><p>inserted at the top;</p></item>\n', marks))
    write(long_, read(short).replace(b'by="ATU"', b'by="' + b"B" * 1024 + b'"'))
    # (text and FO do not print the author: what they need is the tree's;
    # DOCX and the annotated tree print it on every mark, as they must)
    for fmt in ("text", "fo"):
        _, a, _, _ = rss_of(["build", "-t", fmt, short])
        _, b, _, _ = rss_of(["build", "-t", fmt, long_])
        check(f"build -t {fmt}: a 1 KB author on 5000 marks costs no copy per mark",
              b - a < 2, f"{a:.1f} MB vs {b:.1f} MB")

    # issue 13's target (bench/RESULTS.md "## Memory" has the whole
    # table): a build needs at most 1.3 times what xsltproc needs to run
    # the same stylesheet on the same annotated tree (DOCX: its largest
    # part), on a sample (resc's fixed cost: the schema, the libraries it
    # loads) and on 10 000 items (what it holds beside libxslt's trees).
    # Measured by GNU time, which execs the program from a process of a
    # few hundred KB (rss_of's floor would hide a sample's figures).
    if not (shutil.which("xsltproc") and os.access(GNU_TIME, os.X_OK)):
        print("(no xsltproc or GNU time: the comparison with libxslt is skipped)")
        return
    xslt = os.path.join(os.path.dirname(SAMPLES), "xslt")
    items = os.path.join(tmp, "items.xml")
    write(items, generated(10000))
    annotated, out = os.path.join(tmp, "annotated.xml"), os.path.join(tmp, "out")
    largest = os.path.join(SAMPLES, "council-res1332.xml")  # the bench's ×1
    for name, doc, formats in (("a sample", largest, ("text", "fo", "docx")),
                               ("10 000 items", items, ("text", "docx"))):
        run("build", "-t", "annotated", doc, "-o", annotated)
        for fmt in formats:
            part = ["--stringparam", "part", "document"] if fmt == "docx" else []
            mine = peak_mb([RESC, "build", "-t", fmt, "--view", "marked", doc, "-o", out], tmp)
            theirs = peak_mb(["xsltproc", "--stringparam", "view", "marked", *part, "-o",
                              out + "2", os.path.join(xslt, f"{fmt}.xsl"), annotated], tmp)
            check(f"build -t {fmt} of {name}: at most 1.3 x xsltproc's peak memory",
                  mine <= 1.3 * theirs, f"{mine:.1f} MB vs {theirs:.1f} MB")


GNU_TIME = "/usr/bin/time"


def peak_mb(cmd, tmp):
    """Peak resident memory (MB) of CMD, by GNU time."""
    report = os.path.join(tmp, "time.out")
    subprocess.run([GNU_TIME, "-f", "%M", "-o", report, *cmd], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return int(read(report).split()[-1]) / 1024


# ------------------------------------------------------------ labels

def mode_labels(tmp):
    doc = os.path.join(tmp, "thousand.xml")
    write(doc, generated(1000))
    pdf = os.path.join(tmp, "thousand.pdf")
    rc, _, err = run("build", "-t", "pdf", "--view", "marked", doc, "-o", pdf, timeout=280)
    check("1 000 items, marked: FOP reports no overflow", rc == 0 and b"exceed" not in err,
          text(err[:3000]))
    check("and the PDF is written", os.path.exists(pdf))


MODES = {"labels": mode_labels, "outputs": mode_outputs, "batch": mode_batch, "stdout": mode_stdout,
         "signals": mode_signals, "oom": mode_oom, "names": mode_names, "memory": mode_memory}

with tempfile.TemporaryDirectory() as tmp:
    MODES[MODE](tmp)
finish()
