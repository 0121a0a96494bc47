#!/usr/bin/env python3
"""resc compile: golden diagnostics, and what every compilation must hold.
usage: compile_test.py RESC DIR [--update]

Each folder of DIR is a case: its proposals (p*.xml) compiled against
DIR/base.xml, or the files its `args` names (paths relative to the folder,
BASE first). Run from the folder, so that the diagnostics name the files as
given. For each case:
- `resc compile` exits 0 and its diagnostics are the folder's expected.diag
  (--update rewrites them);
- the compilation and the --merge text check without an error;
- the compilation's original view is the text in force (a compilation only
  adds marks), its amended view (the synoptic table aside) the amended view
  of the --merge text: what Accept All gives is the merged draft;
- the authors of its marks are the proposals' that change something (the
  folder's `authors`, one a line);
- its synoptic table, as text, is the folder's table.txt (--update too);
- without a [conflict], the --merge text holds no mark at all.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testlib import check, finish  # noqa: E402

RESC, DIR = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
UPDATE = "--update" in sys.argv[3:]
ATTACHMENT = re.compile(r"^(PIÈCE JOINTE|ATTACHMENT)$", re.M)


def run(*args, cwd=None):
    return subprocess.run([RESC, *args], capture_output=True, cwd=cwd, check=False)


def text(path, view):
    p = run("build", "-t", "text", "--view", view, path)
    check(f"{os.path.basename(path)} builds in the {view} view", p.returncode == 0, p.stderr)
    out = p.stdout.decode("utf-8").split("\n____________\n")[0]  # footnotes come last
    m = ATTACHMENT.search(out)
    return out[:m.start()].rstrip("\n") if m else out.rstrip("\n")


def table(path):
    """The synoptic table of a compilation, as text."""
    out = run("build", "-t", "text", path).stdout.decode("utf-8").split("\n____________\n")[0]
    m = ATTACHMENT.search(out)
    return out[m.start():] if m else ""


def golden_file(path, got):
    if UPDATE:
        with open(path, "w", encoding="utf-8") as f:
            f.write(got)
    with open(path, encoding="utf-8") as f:
        return f.read()


def inputs(case):
    args = os.path.join(case, "args")
    if os.path.exists(args):
        with open(args, encoding="utf-8") as f:
            return f.read().split()
    props = sorted(f for f in os.listdir(case) if re.fullmatch(r"p\d+\.xml", f))
    return ["../base.xml", *props]


def authors_of(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r' by="([^"]*)"', f.read()))


def one(case, tmp):
    name = os.path.basename(case)
    files = inputs(case)
    out, merged = os.path.join(tmp, f"{name}.xml"), os.path.join(tmp, f"{name}-merged.xml")
    p = run("compile", *files, "-o", out, cwd=case)
    check(f"{name}: compile exits 0", p.returncode == 0, p.stderr)
    diag = p.stderr.decode("utf-8")
    want = golden_file(os.path.join(case, "expected.diag"), diag)
    check(f"{name}: the diagnostics are expected.diag", diag == want, f"got:\n{diag}want:\n{want}")
    got = table(out)
    want = golden_file(os.path.join(case, "table.txt"), got)
    check(f"{name}: the synoptic table is table.txt", got == want, f"got:\n{got}want:\n{want}")
    p = run("compile", "--merge", *files, "-o", merged, cwd=case)
    check(f"{name}: compile --merge exits 0", p.returncode == 0, p.stderr)
    for path in (out, merged):
        c = run("check", path)
        check(f"{name}: {os.path.basename(path)} checks without error", c.returncode == 0, c.stderr)
    base = os.path.join(case, files[0])
    check(f"{name}: the compilation's original view is the text in force",
          text(out, "original") == text(base, "amended"))
    check(f"{name}: Accept All of the compilation is the merged text",
          text(out, "amended") == text(merged, "amended"))
    with open(os.path.join(case, "authors"), encoding="utf-8") as f:
        want_authors = set(f.read().split("\n")) - {""}
    check(f"{name}: the marks' authors are the proposals'", authors_of(out) == want_authors,
          str(authors_of(out)))
    if "[conflict]" not in diag:
        check(f"{name}: without a conflict the merged text holds no mark",
              not authors_of(merged), str(authors_of(merged)))
    else:
        check(f"{name}: the conflicts stay marked in the merged text", authors_of(merged))


def main():
    cases = sorted(os.path.join(DIR, d) for d in os.listdir(DIR)
                   if os.path.isdir(os.path.join(DIR, d)))
    check("there are cases", len(cases) > 0)
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            one(case, tmp)
    finish()


main()
