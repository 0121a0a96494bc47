#!/usr/bin/env python3
"""The schema as editors read it.

  schema_test.py SCHEMA_DIR SAMPLES_DIR TESTS_DIR

- schema/resc.rnc is what trang makes of schema/resc.rng, byte for byte
  (regenerate it with `trang schema/resc.rng schema/resc.rnc`);
- jing with the .rng and with the .rnc accepts and rejects the same
  documents: the samples, the corpus and every document under tests/
  (valid, invalid, vocab), and rejects at least one (the grammar's own
  mistakes in tests/invalid);
- every sample starts with an <?xml-model?> processing instruction naming
  the schema by a relative path that exists, so that an editor validates
  it as it is typed.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
from xml.etree import ElementTree

from testlib import check, finish

MODEL = re.compile(
    r'<\?xml version="1\.0" encoding="UTF-8"\?>\n'
    r'<\?xml-model href="([^"]+)" type="application/xml" '
    r'schematypens="http://relaxng\.org/ns/structure/1\.0"\?>\n'
)


def rnc_is_trangs(schema_dir):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "resc.rnc")
        r = subprocess.run(["trang", os.path.join(schema_dir, "resc.rng"), out],
                           capture_output=True, text=True)
        check("trang converts resc.rng", r.returncode == 0, r.stderr)
        with open(out, "rb") as f:
            made = f.read()
    with open(os.path.join(schema_dir, "resc.rnc"), "rb") as f:
        kept = f.read()
    check("schema/resc.rnc is trang's output for resc.rng (run trang schema/resc.rng "
          "schema/resc.rnc)", made == kept)


def well_formed(doc):
    try:
        ElementTree.parse(doc)
        return True
    except ElementTree.ParseError:
        return False


def rejected(schema, docs):
    """The documents jing finds invalid (or not well-formed) under SCHEMA.
    jing stops at the first document that is not well-formed: those are
    given one call each, the others one call together."""
    args = ["jing"] + (["-c"] if schema.endswith(".rnc") else []) + [schema]
    broken = {d for d in docs if not well_formed(d)}
    broken_bad = {d for d in broken if subprocess.run(args + [d], capture_output=True).returncode}
    docs = [d for d in docs if d not in broken]
    args += docs
    r = subprocess.run(args, capture_output=True, text=True)
    named = {os.path.abspath(d): d for d in docs}  # jing prints absolute paths
    bad = set()
    for line in (r.stdout + r.stderr).splitlines():
        path = re.match(r"(.*?):\d+:\d+: ", line)
        if path and os.path.abspath(path.group(1)) in named:
            bad.add(named[os.path.abspath(path.group(1))])
    check(f"jing {os.path.basename(schema)} ran", r.returncode in (0, 1), r.stderr[:500])
    check(f"jing {os.path.basename(schema)}: every line names a document",
          all(re.match(r".*?:\d+:\d+: ", l) for l in (r.stdout + r.stderr).splitlines()),
          r.stdout + r.stderr)
    return bad | broken_bad


def same_verdicts(schema_dir, docs):
    rng = rejected(os.path.join(schema_dir, "resc.rng"), docs)
    rnc = rejected(os.path.join(schema_dir, "resc.rnc"), docs)
    check("the .rng and the .rnc reject the same documents", rng == rnc,
          f"only .rng: {sorted(rng - rnc)}\nonly .rnc: {sorted(rnc - rng)}")
    check("some documents are rejected (the test can fail)", len(rng) >= 5, str(len(rng)))
    check("some documents are accepted", len(docs) - len(rng) >= 20, str(len(docs) - len(rng)))
    return rng


def samples_name_schema(schema_dir, samples):
    for s in samples:
        with open(s, encoding="utf-8") as f:
            head = f.read(400)
        m = MODEL.match(head)
        if not check(f"{s} starts with <?xml-model?> naming the RELAX NG schema", m, head[:200]):
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(s), m.group(1)))
        check(f"{s}: the xml-model href is the schema",
              os.path.samefile(target, os.path.join(schema_dir, "resc.rng"))
              if os.path.exists(target) else False, m.group(1))


def main():
    schema_dir, samples_dir, tests_dir = sys.argv[1:4]
    samples = sorted(glob.glob(os.path.join(samples_dir, "*.xml")) +
                     glob.glob(os.path.join(samples_dir, "corpus", "*.xml")))
    check("samples found", len(samples) >= 5, samples_dir)
    rnc_is_trangs(schema_dir)
    samples_name_schema(schema_dir, samples)
    tests = sorted(glob.glob(os.path.join(tests_dir, d, "*.xml"))
                   for d in ("valid", "invalid", "vocab", "vocab/invalid"))
    docs = samples + [d for group in tests for d in group]
    bad = same_verdicts(schema_dir, docs)
    check("jing accepts every sample", not (bad & set(samples)), str(sorted(bad & set(samples))))
    finish()


if __name__ == "__main__":
    main()
