#!/usr/bin/env python3
"""resc compile's DOCX as LibreOffice reads it (issue 20).
usage: uno_compile_test.py RESC SAMPLES

The two seed proposals to modify Resolution 75 (SAMPLES/res75-atu.xml, by
ATU, and SAMPLES/res75-2.xml, which names no administration) compiled
against the text in force (docs/examples/res75-2022.xml) into a DOCX. One
LibreOffice, driven through UNO (tests/uno_office.py), opens it and:
- lists its tracked changes: their authors (RedlineAuthor) must be the
  two proposals' (and resc, which writes the relettering);
- runs Accept All: its text, up to the synoptic table, must be the amended
  view of `resc compile --merge` (every change in no conflict applied, the
  conflicts as both proposals have them);
- runs Reject All: the text in force.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uno_office import Office, start_office, stop_office  # noqa: E402
from lotext import for_libreoffice, resc, diff  # noqa: E402
from testlib import check, finish  # noqa: E402

RESC, SAMPLES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
FILES = [os.path.join(SAMPLES, "..", "docs", "examples", "res75-2022.xml"),
         *(os.path.join(SAMPLES, f) for f in ("res75-atu.xml", "res75-2.xml"))]


def authors(lo, path):
    """The author of every tracked change of PATH, as LibreOffice lists them."""
    doc = lo.load(path)
    try:
        found = {}
        redlines = doc.getRedlines().createEnumeration()
        while redlines.hasMoreElements():
            who = redlines.nextElement().getPropertyValue("RedlineAuthor")
            found[who] = found.get(who, 0) + 1
        return found
    finally:
        doc.close(True)


def before_table(text):
    """LibreOffice's text up to the attachment holding the synoptic table."""
    lines = text.split("\n")
    return "\n".join(lines[:lines.index("PIÈCE JOINTE")] if "PIÈCE JOINTE" in lines else lines)


def main():
    tmp = tempfile.mkdtemp()
    office = lo = None
    try:
        docx = os.path.join(tmp, "res75-compiled.docx")
        merged = os.path.join(tmp, "res75-merged.xml")
        resc(RESC, "compile", *FILES, "-t", "docx", "-o", docx)
        resc(RESC, "compile", "--merge", *FILES, "-o", merged)
        office, ctx = start_office(tmp)
        lo = Office(ctx)
        who = authors(lo, docx)
        # labels changed by insertions and deletions are resc's own
        # revisions (the renderer's author "resc"), not a proposal's
        check("the tracked changes are by the two proposals' authors",
              set(who) - {"resc"} == {"ATU", "res75-2"}, str(who))
        want = for_libreoffice(resc(RESC, "build", "-t", "text", "--view", "amended", merged))
        got = before_table(lo.text_after(docx, ".uno:AcceptAllTrackedChanges",
                                         os.path.join(tmp, "accepted.txt")))
        check("Accept All is the merged text", got == want, diff(want, got))
        want = for_libreoffice(resc(RESC, "build", "-t", "text", FILES[0]))
        got = before_table(lo.text_after(docx, ".uno:RejectAllTrackedChanges",
                                         os.path.join(tmp, "rejected.txt")))
        check("Reject All is the text in force", got == want, diff(want, got))
    finally:
        stop_office(office, lo)
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


main()
