#!/usr/bin/env python3
"""The command line as docs/cli.md describes it: options, output formats, exit
statuses, atomic output. usage: cli.py RESC SAMPLES_DIR LIBZIP_SONAME"""
import json
import os
import stat
import subprocess
import sys
import tempfile

from testlib import check, finish

RESC, SAMPLES, LIBZIP = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]


def run(*args, cwd=None, stdin=None):
    p = subprocess.run([RESC, *args], capture_output=True, cwd=cwd, check=False, input=stdin)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")




def sample(name):
    return os.path.join(SAMPLES, name)


BAD = """<resolution xmlns="urn:resc:1" xml:lang="en">
  <heading><number>1</number><title>T</title></heading>
  <preamble><section><call>considering</call>
    <item num="b"><p>one;</p></item>
    <item><p>two.</p></item>
  </section></preamble>
</resolution>
"""

WARN = BAD.replace(' num="b"', "").replace("two.", "two;")

with tempfile.TemporaryDirectory() as tmp:
    bad = os.path.join(tmp, "bad.xml")
    warn = os.path.join(tmp, "warn.xml")
    with open(bad, "w") as f:
        f.write(BAD)
    with open(warn, "w") as f:
        f.write(WARN)

    # --help, --version, usage errors
    rc, out, _ = run("--help")
    check("--help exits 0 and shows usage", rc == 0 and "resc check" in out)
    rc, out, _ = run("--version")
    check("--version", rc == 0 and out.startswith("resc "))
    check("no command is a usage error", run()[0] == 2)
    check("unknown command", run("frobnicate")[0] == 2)
    check("check with no file", run("check")[0] == 2)
    check("unknown option", run("check", "--frob", bad)[0] == 2)
    check("build without -t", run("build", sample("res75-2.xml"))[0] == 2)
    check("unknown format", run("build", "-t", "rtf", sample("res75-2.xml"))[0] == 2)
    check("unknown view", run("build", "-t", "text", "--view", "both", sample("res75-2.xml"))[0] == 2)
    # the authoring commands
    for cmd in ("accept", "reject", "diff", "fmt", "new"):
        rc, out, _ = run(cmd, "--help")
        check(f"{cmd} --help exits 0", rc == 0 and out.startswith("usage: resc"), out)
        check(f"{cmd}: unknown option", run(cmd, "--frob", sample("res75-2.xml"))[0] == 2)
    check("diff needs two files", run("diff", sample("res75-2.xml"))[0] == 2)
    check("diff --by goes with --proposal",
          run("diff", "--by", "ATU", sample("res75-2.xml"), sample("res75-2.xml"))[0] == 2)
    check("accept: -i and -o exclude each other",
          run("accept", "-i", "-o", "x.xml", sample("res75-2.xml"))[0] == 2)
    check("fmt needs an operation", run("fmt", sample("res75-2.xml"))[0] == 2)
    check("fmt: unknown --renumber", run("fmt", "--renumber=roman", sample("res75-2.xml"))[0] == 2)
    check("new needs --base", run("new", "--by", "ATU", "--ref", "ATU/1/1")[0] == 2)
    check("new: unknown --action", run("new", "--base", sample("res75-2.xml"), "--by", "ATU",
                                       "--ref", "ATU/1/1", "--action", "DEL")[0] == 2)
    check("diff of a marked document is refused",
          run("diff", sample("res75-2.xml"), sample("res75-2.xml"))[0] == 1)
    check("check --base with a missing text in force",
          run("check", "--base", os.path.join(tmp, "none.xml"), sample("res75-2.xml"))[0] == 2)
    check("check --parallel needs two files", run("check", "--parallel", sample("res75-2.xml"))[0] == 2)
    check("check --parallel cannot read standard input",
          run("check", "--parallel", "-", sample("res75-2.xml"))[0] == 2)
    check("check --parallel given twice",
          run("check", "--parallel", "--parallel", sample("res75-2.xml"),
              sample("res75-2.xml"))[0] == 2)
    rc, out, err = run("check", "--parallel", "--diagnostics=json", sample("res75-atu.xml"),
                       sample("res75-2.xml"))
    check("check --parallel: divergences exit 1, one JSON object a line",
          rc == 1 and out and all(l.startswith("{") and '"parallel"' in l
                                  for l in out.splitlines() if "[stale-ref]" not in l
                                  and '"stale-ref"' not in l), out)
    # compile
    base75 = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs",
                          "examples", "res75-2022.xml")
    rc, out, _ = run("compile", "--help")
    check("compile --help exits 0", rc == 0 and out.startswith("usage: resc compile"), out)
    check("compile: unknown option", run("compile", "--frob", base75, sample("res75-2.xml"))[0] == 2)
    check("compile needs a proposal", run("compile", base75)[0] == 2)
    check("compile: unknown format",
          run("compile", "-t", "annotated", base75, sample("res75-2.xml"))[0] == 2)
    check("compile -t docx needs -o", run("compile", "-t", "docx", base75, sample("res75-2.xml"))[0] == 2)
    check("compile: a marked text in force is refused",
          run("compile", sample("res75-atu.xml"), sample("res75-2.xml"))[0] == 1)
    check("compile: an unreadable proposal",
          run("compile", base75, os.path.join(tmp, "none.xml"))[0] == 2)
    rc, _, err = run("compile", base75, bad)
    check("compile: a proposal that does not load", rc == 1 and "bad.xml" in err, err)
    rc, _, err = run("compile", base75, warn)
    check("compile: no proposal amends the text in force", rc == 1 and "[baseline]" in err, err)
    rc, _, err = run("compile", base75, sample("res75-2.xml"), "-o", "/dev/full")
    check("compile: an output that cannot be written", rc == 2, err)
    rc, out, err = run("compile", "-W", "error", base75, sample("res75-2.xml"), "-o", "-")
    check("compile -W error: the baseline differences fail", rc == 1 and "<resolution" in out, err)
    check("import --help exits 0", run("import", "--help")[0] == 0)
    check("import: unknown option", run("import", "--frob", "x.docx")[0] == 2)
    check("import: unknown --marks", run("import", "--marks", "both", "x.docx")[0] == 2)
    check("import with no file", run("import")[0] == 2)

    # check: gcc format, exit statuses, several files
    rc, out, err = run("check", bad)
    check("error exits 1", rc == 1, out)
    check("gcc format with line and rule",
          out.startswith(f"{bad}:4: error: num=\"b\" but the item is a)") and out.rstrip().endswith("[label]"), out)
    check("summary on stderr", "1 file checked: 1 error" in err, err)
    rc, out, err = run("check", "-q", bad)
    check("-q prints diagnostics only", rc == 1 and out and not err, err)
    rc, out, _ = run("check", "-q", warn)
    check("a warning alone exits 0", rc == 0 and "warning:" in out and "[punctuation]" in out, out)
    check("-W error makes it 1", run("check", "-q", "-W", "error", warn)[0] == 1)
    check("--werror makes it 1", run("check", "-q", "--werror", warn)[0] == 1)
    rc, out, _ = run("check", "-q", "--diagnostics=json", bad, warn)
    rows = [json.loads(line) for line in out.splitlines()]
    check("json: one object per finding, in file order",
          [r["file"] for r in rows] == [bad, warn] and rows[0]["rule"] == "label"
          and rows[0]["line"] == 4 and rows[0]["severity"] == "error"
          and rows[1]["severity"] == "warning" and set(rows[0]) == {
              "file", "line", "column", "severity", "rule", "message"}, out)
    rc, out, err = run("check", *[sample(s) for s in sorted(os.listdir(SAMPLES)) if s.endswith(".xml")])
    check("all samples in one call", rc == 0 and "5 files checked: 0 errors" in err, err)

    # -j N: the same findings in the same order, from several processes
    files = [sample(s) for s in sorted(os.listdir(SAMPLES)) if s.endswith(".xml")]
    mixed = [bad, warn] + files + [bad, os.path.join(tmp, "missing.xml"), warn] * 3
    one = run("check", "-q", *mixed)
    for j in ("-j", "3"), ("-j2",), ("--jobs=4",):
        many = run("check", "-q", *j, *mixed)
        check(f"check {' '.join(j)} prints what -j 1 prints, in order", many == one,
              f"{many}\n---\n{one}")
    check("-j 1 exits 2 for the missing file", one[0] == 2)
    check("-j 0 is a usage error", run("check", "-j", "0", bad)[0] == 2)
    check("-j x is a usage error", run("check", "-jx", bad)[0] == 2)

    # unreadable input is exit 2, and the other files are still checked
    rc, out, _ = run("check", "-q", os.path.join(tmp, "missing.xml"), bad)
    check("missing file exits 2", rc == 2 and "cannot read" in out and "[label]" in out, out)
    check("a directory exits 2", run("check", tmp)[0] == 2)
    check("build of a missing file exits 2",
          run("build", "-t", "text", os.path.join(tmp, "missing.xml"))[0] == 2)

    # build: output, default view, atomic writes
    rc, out, _ = run("build", "-t", "text", sample("res75-2.xml"))
    check("default view is marked when there are marks", rc == 0 and "[-" in out and "{+" in out)
    rc, out, _ = run("build", "-t", "text", sample("council-res1334.xml"))
    check("default view is amended without marks", rc == 0 and out.startswith("RÉSOLUTION 1334"))
    target = os.path.join(tmp, "out.txt")
    rc, _, _ = run("build", "-t", "text", "--view", "amended", sample("res75-2.xml"), "-o", target)
    with open(target) as f:
        good = f.read()
    check("-o writes the file", rc == 0 and good.startswith("Résumé:"))
    check("-o - is standard output",
          run("build", "-t", "text", "--view", "amended", sample("res75-2.xml"), "-o", "-")[1] == good)
    rc, _, err = run("build", "-t", "text", bad, "-o", target)
    with open(target) as f:
        after = f.read()
    check("a document with errors is not rendered", rc == 1 and "[label]" in err)
    check("a failed build leaves the earlier output untouched", after == good)
    check("no temporary file is left behind", sorted(os.listdir(tmp)) == ["bad.xml", "out.txt", "warn.xml"],
          str(os.listdir(tmp)))
    rc, _, err = run("build", "-t", "text", sample("res75-2.xml"), "-o",
                     os.path.join(tmp, "no", "such", "dir.txt"))
    check("unwritable output exits 2", rc == 2 and "cannot write" in err, err)
    rc, _, err = run("build", "-t", "text", warn, "-W", "error")
    check("build -W error refuses warnings", rc == 1)
    a = run("build", "-t", "text", sample("res75-atu.xml"))[1]
    b = run("build", "-t", "text", sample("res75-atu.xml"))[1]
    check("same input, same output", a == b and a)
    rc, out, _ = run("build", "-t", "annotated", sample("res75-2.xml"))
    check("annotated tree carries the labels", rc == 0 and "urn:resc:annot" in out and "<x:label" in out)
    check("annotated revisions carry their author", 'x:by="ATU"' in run(
        "build", "-t", "annotated", sample("res75-atu.xml"))[1])

    # libzip is loaded when the first DOCX is read (import): a broken one is
    # a diagnostic and no file, not a crash (a library of libzip's name
    # with no symbols, found first through LD_LIBRARY_PATH; needs a C
    # compiler). Building a DOCX does not need it (zlib writes the zip).
    broken = os.path.join(tmp, "lib")
    os.mkdir(broken)
    src = os.path.join(broken, "empty.c")
    with open(src, "w") as f:
        f.write("int resc_test_nothing;\n")
    cc = subprocess.run(["cc", "-shared", "-fPIC", "-o", os.path.join(broken, LIBZIP), src],
                        capture_output=True, check=False)
    if cc.returncode == 0:
        docx = os.path.join(tmp, "broken.docx")
        p = subprocess.run([RESC, "build", "-t", "docx", sample("res75-2.xml"), "-o", docx],
                           capture_output=True, check=False,
                           env=dict(os.environ, LD_LIBRARY_PATH=broken))
        check("a DOCX build does not need libzip", p.returncode == 0 and os.path.getsize(docx) > 1000,
              p.stderr.decode("utf-8", "replace"))
        imported = os.path.join(tmp, "broken.xml")
        p = subprocess.run([RESC, "import", docx, "-o", imported], capture_output=True,
                           check=False, env=dict(os.environ, LD_LIBRARY_PATH=broken))
        err = p.stderr.decode("utf-8", "replace") + p.stdout.decode("utf-8", "replace")
        check("a broken libzip is a diagnostic", p.returncode != 0 and "libzip could not be loaded" in err,
              err)
        check("a broken libzip leaves no file", not os.path.exists(imported))
        os.unlink(docx)
        p = subprocess.run([RESC, "build", "-t", "text", sample("res75-2.xml")], capture_output=True,
                           check=False, env=dict(os.environ, LD_LIBRARY_PATH=broken))
        check("other formats do not need libzip", p.returncode == 0 and p.stdout)

    # '-' is standard input, for check and build
    with open(bad, "rb") as f:
        bad_bytes = f.read()
    with open(sample("res75-2.xml"), "rb") as f:
        sample_bytes = f.read()
    rc, out, _ = run("check", "-", stdin=bad_bytes)
    check("check - reads standard input, named <stdin>",
          rc == 1 and out.startswith("<stdin>:4: error: ") and "[label]" in out, out)
    rc, out, err = run("check", "-q", warn, "-", stdin=bad_bytes)
    check("check FILE - : both", rc == 1 and warn in out and "<stdin>:4:" in out, out + err)
    check("check - - is a usage error", run("check", "-", "-", stdin=b"")[0] == 2)
    rc, out, _ = run("build", "-t", "text", "-", stdin=sample_bytes)
    check("build -t text - reads standard input",
          rc == 0 and out == run("build", "-t", "text", sample("res75-2.xml"))[1], out[:200])
    rc, _, err = run("build", "-t", "docx", "-", stdin=sample_bytes)
    check("build -t docx - needs -o", rc == 2 and "needs -o" in err, err)
    rc, _, _ = run("build", "-t", "docx", "-", "-o", os.path.join(tmp, "stdin.docx"), stdin=sample_bytes)
    check("build -t docx - -o OUT", rc == 0 and os.path.getsize(os.path.join(tmp, "stdin.docx")) > 1000)
    if os.path.exists(os.path.join(tmp, "stdin.docx")):
        os.unlink(os.path.join(tmp, "stdin.docx"))

    # -- ends the options: a file may be named like one
    dashed = os.path.join(tmp, "-q.xml")
    with open(dashed, "w") as f:
        f.write(BAD)
    rc, out, err = run("check", "--", "-q.xml", cwd=tmp)
    check("check -- -q.xml checks the file", rc == 1 and out.startswith("-q.xml:4:"), out + err)
    rc, out, err = run("check", "-q.xml", cwd=tmp)
    check("without --, -q.xml is options", rc == 2, out + err)
    rc, out, err = run("build", "-t", "text", "--", "-q.xml", cwd=tmp)
    check("build -t text -- -q.xml", rc == 1 and "[label]" in err, err)
    os.unlink(dashed)

    # an option given twice is refused, not silently taken last
    twice = [["build", "-t", "text", "-t", "fo", bad],
             ["build", "-t", "text", bad, "-o", "a", "-o", "b"],
             ["build", "-t", "text", "--view", "amended", "--view=original", bad],
             ["build", "-t", "docx", "--docx-marks", "track", "--docx-marks=format", bad],
             ["check", "-j", "2", "--jobs=3", bad],
             ["check", "--diagnostics=json", "--diagnostics=gcc", bad]]
    for args in twice:
        rc, _, err = run(*args)
        check(f"{' '.join(args[:-1])}: repeated option refused", rc == 2 and "given twice" in err, err)

finish()
