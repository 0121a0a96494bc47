#!/usr/bin/env python3
"""Test steps that CTest runs one by one (see tests/CMakeLists.txt).

  runner.py golden RESC SAMPLE VIEW GOLDEN      text output equals the golden file
  runner.py expect RESC DOC.xml                 check output equals DOC.expected
  runner.py silent RESC DOC.xml                 check finds nothing at all in DOC
  runner.py roundtrip RESC SAMPLE VIEW          the view as XML is valid and says the same
  runner.py update RESC SAMPLES_DIR GOLDEN_DIR  rewrite the golden texts (review the diff!)
  runner.py parallel RESC DIR                   check --parallel of the files DIR/args names
                                                equals DIR/expected (empty: silent, status 0)
  runner.py findings RESC EXPECTED DOC...       check of all DOCs: no error, and exactly
                                                the warnings listed in EXPECTED

Paths in diagnostics are printed relative to the document's folder, so the
expected files do not depend on where the tree is checked out.
"""
import os
import re
import subprocess
import sys
import tempfile


def run(cmd, cwd=None):
    p = subprocess.run(cmd, capture_output=True, cwd=cwd, check=False)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def show_diff(want, got):
    import difflib
    for line in difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "actual",
                                     lineterm=""):
        print(line)


def golden(resc, sample, view, path):
    rc, out, err = run([resc, "build", "-t", "text", "--view", view, sample])
    if rc != 0:
        print(f"resc exited {rc}: {err}")
        return 1
    with open(path, encoding="utf-8") as f:
        want = f.read()
    if out != want:
        show_diff(want, out)
        return 1
    print(f"{sample} [{view}] equals {path}")
    return 0


def matches(want, rc, out, err):
    """Whether a check's output is WANT, its status the one WANT deserves."""
    want_rc = 1 if ": error: " in want else 0
    ok = True
    if out != want:
        show_diff(want, out)
        ok = False
    if rc != want_rc:
        print(f"exit status {rc}, expected {want_rc}; stderr: {err}")
        ok = False
    return ok


def expect(resc, doc):
    folder, name = os.path.split(os.path.abspath(doc))
    rc, out, err = run([os.path.abspath(resc), "check", "-q", name], cwd=folder)
    with open(os.path.join(folder, name[:-4] + ".expected"), encoding="utf-8") as f:
        want = f.read()
    ok = matches(want, rc, out, err)
    if not want.strip():
        print("an expected file must name at least one diagnostic")
        ok = False
    if ok:
        print(f"{name}: {len(want.splitlines())} diagnostic(s) as expected")
    return 0 if ok else 1


def parallel(resc, folder):
    with open(os.path.join(folder, "args"), encoding="utf-8") as f:
        files = f.read().split()
    rc, out, err = run([os.path.abspath(resc), "check", "-q", "--parallel", *files], cwd=folder)
    with open(os.path.join(folder, "expected"), encoding="utf-8") as f:
        want = f.read()
    if not matches(want, rc, out, err):
        return 1
    print(f"{folder}: {len(want.splitlines())} divergence(s) as expected")
    return 0


def silent(resc, doc):
    folder, name = os.path.split(os.path.abspath(doc))
    rc, out, err = run([os.path.abspath(resc), "check", "-q", name], cwd=folder)
    if rc != 0 or out:
        print(f"exit status {rc}, expected 0 and no finding:\n{out}{err}")
        return 1
    print(f"{name}: no finding, as expected")
    return 0


def findings(resc, expected, *docs):
    """The corpus of real texts: what `resc check` finds in it is what
    EXPECTED lists (the real defects of the official texts), no error and no
    other warning. Paths are printed relative to the documents' folder."""
    folder = os.path.dirname(os.path.abspath(docs[0]))
    names = [os.path.relpath(os.path.abspath(d), folder) for d in docs]
    rc, out, err = run([os.path.abspath(resc), "check", "-q", *names], cwd=folder)
    with open(expected, encoding="utf-8") as f:
        want = f.read()
    ok = True
    if out != want:
        show_diff(want, out)
        ok = False
    if rc != 0 or ": error: " in want:
        print(f"exit status {rc}: a corpus text must check without error; stderr: {err}")
        ok = False
    if ok:
        print(f"{len(docs)} texts: {len(want.splitlines())} finding(s), each a listed defect")
    return 0 if ok else 1


def normalize_action(text):
    # resolving a MOD or (MOD) amendment leaves a NOC: the rest must read the
    # same (both sides are normalized, a NOC of the source being one too)
    return re.sub(r"^(?:NOC|\(MOD\))(?=\t|$)", "MOD", text, flags=re.M)


def roundtrip(resc, sample, view):
    with tempfile.TemporaryDirectory() as tmp:
        resolved = os.path.join(tmp, "resolved.xml")
        rc, _, err = run([resc, "build", "-t", "xml", "--view", view, sample, "-o", resolved])
        if rc != 0:
            print(f"build -t xml exited {rc}: {err}")
            return 1
        rc, out, err = run([resc, "check", "-q", "--werror", resolved])
        # resolving a numbered MOD leaves a numbered NOC, which asks for the
        # reasons the MOD did not give: that warning alone is the source's
        findings = [l for l in out.splitlines() if l.strip()]
        if findings and all(l.endswith("[reasons]") and ": warning: NOC " in l for l in findings):
            rc = 0
        if rc != 0:
            print(f"the {view} view of {sample} is not valid input:\n{out}{err}")
            return 1
        rc1, a, _ = run([resc, "build", "-t", "text", resolved])
        rc2, b, _ = run([resc, "build", "-t", "text", "--view", view, sample])
        if rc1 or rc2 or normalize_action(a) != normalize_action(b):
            show_diff(normalize_action(b), normalize_action(a))
            return 1
    print(f"{sample} [{view}] round-trips")
    return 0


def update(resc, samples, goldens):
    for name in sorted(os.listdir(samples)):
        if not name.endswith(".xml"):
            continue
        for view in ("original", "amended", "marked"):
            rc, out, err = run([resc, "build", "-t", "text", "--view", view,
                                os.path.join(samples, name)])
            if rc != 0:
                print(err)
                return 1
            with open(os.path.join(goldens, f"{name[:-4]}.{view}.txt"), "w",
                      encoding="utf-8") as f:
                f.write(out)
    return 0


def main(argv):
    cmd, args = argv[1], argv[2:]
    return {"golden": golden, "expect": expect, "silent": silent, "parallel": parallel,
            "roundtrip": roundtrip, "update": update, "findings": findings}[cmd](*args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
