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

pyuno is LibreOffice's own, built for the system's Python: when the
interpreter running this script lacks it, the script runs itself again
under the first python3 of the system's default path that has it.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time


def find_uno_python():
    """A python3 that can import uno, other than this one, or None."""
    dirs = os.environ.get("PATH", "").split(os.pathsep) + os.defpath.split(os.pathsep)
    for d in dirs:
        py = os.path.join(d, "python3")
        if not d or not os.access(py, os.X_OK) or os.path.realpath(py) == os.path.realpath(sys.executable):
            continue
        if subprocess.run([py, "-c", "import uno"], capture_output=True).returncode == 0:
            return py
    return None


try:
    import uno  # noqa: E402
    from com.sun.star.beans import PropertyValue  # noqa: E402
except ImportError:
    if os.environ.get("RESC_UNO_REEXEC"):
        raise SystemExit("python3-uno (LibreOffice's pyuno) is not importable")
    py = find_uno_python()
    if not py:
        raise SystemExit("no python3 with LibreOffice's pyuno (apt-get install python3-uno)")
    os.environ["RESC_UNO_REEXEC"] = "1"
    os.execv(py, [py, *sys.argv])

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lotext import compare_with_text_view, marked_documents, resc  # noqa: E402
from testlib import check, finish  # noqa: E402

RESC, DIRS = os.path.abspath(sys.argv[1]), sys.argv[2:]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(tmp):
    pipe = f"resc-uno-{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         f"-env:UserInstallation=file://{tmp}/profile",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return office, ctx
        except Exception:  # NoConnectException until soffice listens
            if time.time() > deadline or office.poll() is not None:
                office.kill()
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.5)


class Office:
    def __init__(self, ctx):
        smgr = ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

    def load(self, path):
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                 (prop("Hidden", True),))

    def text_after(self, path, command, out):
        """The text of PATH once COMMAND (a dispatch URL) ran on it."""
        doc = self.load(path)
        try:
            frame = doc.getCurrentController().getFrame()
            self.dispatcher.executeDispatch(frame, command, "", 0, ())
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Text"),))
        finally:
            doc.close(True)
        with open(out, encoding="utf-8-sig") as f:
            return f.read().replace("\r\n", "\n").rstrip("\n")

    def save_as_docx(self, path, out):
        doc = self.load(path)
        try:
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))
        finally:
            doc.close(True)


def main():
    tmp = tempfile.mkdtemp()
    office = None
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
        if office:
            try:
                lo.desktop.terminate()
            except Exception:  # the bridge closes as soffice ends
                pass
            try:
                office.wait(timeout=60)
            except subprocess.TimeoutExpired:
                office.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


main()
