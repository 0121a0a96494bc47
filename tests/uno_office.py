"""LibreOffice driven through its UNO API (python3-uno), for the tests that
open resc's DOCX files in it (uno_tracked_test.py, uno_compile_test.py,
lang_test.py): one headless soffice per test run.

pyuno is LibreOffice's own, built for the system's Python: when the
interpreter running the test lacks it, importing this module runs the test
again under the first python3 of the system's default path that has it.
"""
import os
import shutil
import subprocess
import sys
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

    def paragraphs(self, path, out):
        """The WritingMode of each paragraph of PATH's body text, as
        LibreOffice reports it (com.sun.star.text.WritingMode2), and its
        text as LibreOffice saves it."""
        doc = self.load(path)
        try:
            modes = []
            para = doc.getText().createEnumeration()
            while para.hasMoreElements():
                p = para.nextElement()
                if p.supportsService("com.sun.star.text.Paragraph"):
                    modes.append(p.getPropertyValue("WritingMode"))
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Text"),))
        finally:
            doc.close(True)
        with open(out, encoding="utf-8-sig") as f:
            return modes, f.read().replace("\r\n", "\n").rstrip("\n")


def start(tmp):
    """A running soffice and an Office driving it."""
    office, ctx = start_office(tmp)
    return office, Office(ctx)


def stop(office, tmp):
    """Ends OFFICE (as returned by start, or None) and removes TMP."""
    if office:
        try:
            office.terminate()
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
    shutil.rmtree(tmp, ignore_errors=True)


def stop_office(office, lo):
    """Ends the soffice OFFICE (started by start_office) and its bridge LO."""
    if not office:
        return
    try:
        lo.desktop.terminate()
    except Exception:  # the bridge closes as soffice ends
        pass
    try:
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()
