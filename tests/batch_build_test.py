#!/usr/bin/env python3
"""resc build -t FORMAT -d OUTDIR FILE... [-j N]: many documents in one call.

  batch_build_test.py RESC SAMPLES_DIR TESTS_DIR

- the files written are byte for byte those of one `build -o` per file,
  with one process and with two (text and DOCX);
- a document with errors is not written (an earlier file of that name is
  left as it was), its diagnostics are printed, the others are built; the
  exit status is the worst (1 for a document error, 2 for a missing file);
  no temporary file is left behind;
- diagnostics come in the order the files were named, whatever -j;
- a progress line on standard error on a terminal only, never with -q;
- one SARIF log for the batch;
- usage errors: -o with -d, -j without -d, two inputs with one output,
  standard input, no FILE.
"""
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

from testlib import check, finish


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)


def on_terminal(cmd):
    """Runs CMD with standard error on a pseudo-terminal; returns what it
    wrote there and its exit status."""
    master, slave = pty.openpty()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return out, p.wait()


def same_as_single(resc, samples, tmp, fmt, ext, jobs):
    d = os.path.join(tmp, f"{fmt}-j{jobs}")
    r = run([resc, "build", "-t", fmt, "-d", d, "-j", str(jobs), *samples])
    check(f"build -t {fmt} -d -j {jobs}: exit 0", r.returncode == 0, r.stderr)
    check(f"build -t {fmt} -d -j {jobs}: no progress line off a terminal", b"\r" not in r.stderr, r.stderr)
    check(f"build -t {fmt} -d -j {jobs}: a summary", f"{len(samples)} of {len(samples)} files built"
          .encode() in r.stderr, r.stderr)
    for s in samples:
        name = os.path.splitext(os.path.basename(s))[0] + "." + ext
        single = os.path.join(tmp, "single-" + name)
        run([resc, "build", "-t", fmt, s, "-o", single])
        with open(single, "rb") as a, open(os.path.join(d, name), "rb") as b:
            check(f"-t {fmt} -j {jobs}: {name} is what build -o writes", a.read() == b.read())
    check(f"-t {fmt} -j {jobs}: nothing else in the folder", sorted(os.listdir(d)) ==
          sorted(os.path.splitext(os.path.basename(s))[0] + "." + ext for s in samples), os.listdir(d))


def mixed(resc, samples, tests, tmp):
    bad = os.path.join(tests, "invalid", "label-bis-first.xml")
    d = os.path.join(tmp, "mixed")
    os.makedirs(d)
    kept = os.path.join(d, "label-bis-first.txt")
    with open(kept, "w") as f:
        f.write("an earlier good build\n")
    files = [samples[0], bad, samples[1], samples[2]]
    outs = {}
    for jobs in ("1", "2"):
        r = run([resc, "build", "-t", "text", "-d", d, "-j", jobs, *files])
        check(f"-j {jobs}: a document error: exit status 1", r.returncode == 1, r.stderr)
        err = r.stderr.decode()
        check(f"-j {jobs}: its diagnostic is printed", f"{bad}:12: error: " in err, err)
        check(f"-j {jobs}: the summary counts it", "3 of 4 files built: 1 error" in err, err)
        outs[jobs] = err
        with open(kept) as f:
            check(f"-j {jobs}: its earlier output is left as it was", f.read() == "an earlier good build\n")
        check(f"-j {jobs}: the others are built", all(os.path.exists(os.path.join(
            d, os.path.splitext(os.path.basename(s))[0] + ".txt")) for s in files if s != bad))
    check("the diagnostics are the same with -j 1 and -j 2", outs["1"] == outs["2"], outs)
    r = run([resc, "build", "-t", "text", "-d", d, "-j", "2", samples[0], bad, "missing.xml"])
    check("a missing file: exit status 2, the worst", r.returncode == 2, r.stderr)
    check("no temporary file is left", sorted(os.listdir(d)) == sorted(
        {os.path.splitext(os.path.basename(s))[0] + ".txt" for s in files}), os.listdir(d))
    # diagnostics in the order the files were named
    order = [samples[1], bad, samples[0]]
    r = run([resc, "build", "-t", "text", "-d", d, "-j", "2", "--diagnostics=json", *order])
    named = [json.loads(l)["file"] for l in r.stderr.decode().splitlines() if l.startswith("{")]
    check("diagnostics in the order the files were named",
          named == sorted(named, key=lambda f: order.index(f)) and bad in named, named)
    r = run([resc, "build", "-t", "text", "-d", d, "-q", "--diagnostics=sarif", *order])
    log = json.loads(r.stderr)
    uris = [x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in log["runs"][0]["results"]]
    check("--diagnostics=sarif: one log for the batch", bad.lstrip("/") in [u.lstrip("/") for u in uris] or
          any(u.endswith("label-bis-first.xml") for u in uris), uris)


def progress(resc, samples, tmp):
    d = os.path.join(tmp, "tty")
    out, rc = on_terminal([resc, "build", "-t", "text", "-d", d, *samples])
    check("on a terminal: a progress line", rc == 0 and f"\rresc: {len(samples)} of {len(samples)} built"
          .encode() in out, out)
    check("on a terminal: the progress line is erased at the end", b"\r\x1b[K" in out, out)
    out, rc = on_terminal([resc, "build", "-t", "text", "-q", "-d", d, *samples])
    # the terminal ends lines with \r\n: a progress line is a \r alone
    check("-q on a terminal: no progress, no summary",
          rc == 0 and not re.search(rb"\r(?!\n)", out) and b"built" not in out, out)


def usage(resc, samples, tmp):
    d = os.path.join(tmp, "usage")
    cases = [
        (["-d", d, "-o", "x.txt", samples[0]], "-o and -d"),
        (["-j", "2", samples[0]], "-j builds many files"),
        (["-d", d, samples[0], samples[0]], "would both be written"),
        (["-d", d, "-"], "standard input"),
        (["-d", d], "at least one FILE"),
        (["-d", d, "-j", "0", samples[0]], "-j"),
        (["-d", os.path.join(d, "no", "such"), samples[0]], "cannot make the folder"),
    ]
    for args, words in cases:
        r = run([resc, "build", "-t", "text", *args])
        check(f"build {' '.join(args)}: exit status 2, '{words}'", r.returncode == 2 and
              words.encode() in r.stderr, r.stderr)


def main():
    resc, samples_dir, tests = sys.argv[1:4]
    samples = sorted(os.path.join(samples_dir, f) for f in os.listdir(samples_dir) if f.endswith(".xml"))
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            same_as_single(resc, samples, tmp, "text", "txt", jobs)
            same_as_single(resc, samples, tmp, "docx", "docx", jobs)
        mixed(resc, samples, tests, tmp)
        progress(resc, samples, tmp)
        usage(resc, samples, tmp)
    finish()


if __name__ == "__main__":
    main()
