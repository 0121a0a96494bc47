#!/usr/bin/env python3
"""LibreOffice's own Accept All and Reject All on resc's tracked changes.
usage: uno_tracked_test.py RESC DIR...

Every document of every DIR that holds a revision mark is built as a
marked DOCX with tracked changes. One LibreOffice process (headless,
driven through its UNO API, python3-uno) opens each, runs Accept All
(.uno:AcceptAllTrackedChanges) and Reject All (.uno:RejectAllTrackedChanges)
and saves the result as text: accepting must give resc's amended text
view and rejecting its original view, paragraph for paragraph (a line of
LibreOffice's text is a paragraph). The same is done once more on the
file LibreOffice itself saved as DOCX (what an editor does when opening
resc's file and saving it), so that a defect LibreOffice writes into the
file is caught too.

What is compared is normalised as docx_test.py does for LibreOffice's text
(lotext.py): footnote references as bare numbers, the footnote bodies left
out; a document with tables is compared by its words and by its lines
outside the tables.

LibreOffice is started and driven by uno_office.py.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uno_office import Office, start_office, stop_office  # noqa: E402
from lotext import compare_with_text_view, marked_documents, resc  # noqa: E402
from testlib import check, finish  # noqa: E402

RESC, DIRS = os.path.abspath(sys.argv[1]), sys.argv[2:]


def main():
    tmp = tempfile.mkdtemp()
    office = lo = None
    try:
        docs = marked_documents(RESC, DIRS)
        check("there are marked documents to open", len(docs) > 0, str(DIRS))
        office, ctx = start_office(tmp)
        lo = Office(ctx)
        for n, sample in enumerate(docs):
            base = os.path.basename(sample)[:-4]
            marked = os.path.join(tmp, f"{n}-{base}.docx")
            resc(RESC, "build", "-t", "docx", "--view", "marked", sample, "-o", marked)
            saved = os.path.join(tmp, f"{n}-{base}-saved.docx")
            lo.save_as_docx(marked, saved)
            for docx, how in ((marked, "resc's"), (saved, "LibreOffice's save of")):
                for command, view in ((".uno:AcceptAllTrackedChanges", "amended"),
                                      (".uno:RejectAllTrackedChanges", "original")):
                    got = lo.text_after(docx, command, os.path.join(tmp, f"{n}.txt"))
                    verb = command[5:11]
                    compare_with_text_view(RESC, sample, view, got,
                                           f"LibreOffice's {verb} All on {how} {base}.docx")
    finally:
        stop_office(office, lo)
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


main()
