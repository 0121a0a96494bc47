#!/usr/bin/env python3
"""Tests of `resc import` (tests/import/import.cmake registers each mode).

  import_test.py fixtures RESC DIR         each DIR/NAME.docx imports (with the options of
                                           NAME.options) to the text of NAME.VIEW.txt in every
                                           view, with the [import] diagnostics of NAME.expected;
                                           no text lost
  import_test.py roundtrip RESC DOC|DIR... each document (of a DIR: each valid one), built by resc to DOCX (every view,
                                           both --docx-marks) and imported, gives the same text
                                           in every view (labels included); no text lost
  import_test.py libreoffice RESC DOC|DIR... the same through LibreOffice: resc's DOCX re-saved
                                           as .docx, and through .odt
  import_test.py pandoc RESC DIR           DIR/NAME.md made a DOCX by pandoc (Normal style
                                           only) imports to NAME.VIEW.txt
  import_test.py hostile RESC              bad packages: exit 2, nothing written, within 1 s
  import_test.py diff RESC DOC|DIR...      `resc diff` of resc's DOCX of each document's original
                                           and amended views (and of one view in XML, the other in
                                           DOCX) reads like the document in every view, and
                                           accepts and rejects to what `resc accept`/`reject` give

"No text lost": the multiset of the words of the DOCX (inserted and deleted
text alike, footnotes included) equals that of the import's marked view,
revision brackets and footnote numbers aside. Labels Word numbers
automatically are printed by the import but are not text of the DOCX: the
only words allowed in excess are labels, one per numbered paragraph, and
the headings resc prints for a proposal's parts (Summary:, MOD …) where the
Word file has none.
"""
import collections
import difflib
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from testlib import check, finish  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
VIEWS = ("original", "amended", "marked")
RESC = None


def run(*args, timeout=120):
    p = subprocess.run([RESC, *args], capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def diff(want, got):
    return "\n".join(list(difflib.unified_diff(want.splitlines(), got.splitlines(), "expected",
                                               "actual", lineterm=""))[:40])


PATCHED = {}  # imports whose MOD was read as NOC: their symbols in order (see import_docx)
SYMBOL_LINE = re.compile(r"^(?:MOD|\(MOD\)|ADD\*?|SUP\*?|NOC)(?=\t|$)", re.M)


def text(xml, view):
    rc, out, err = run("build", "-t", "text", "--view", view, xml)
    if xml in PATCHED:
        symbols = iter(PATCHED[xml])
        out = SYMBOL_LINE.sub(lambda m: next(symbols, m.group(0)), out)
    return out if rc == 0 else f"(resc build exited {rc}: {err})"


def import_docx(docx, xml, options=()):
    """Imports DOCX to XML. A MOD proposal printed in the original or
    amended view has no marks left, which `check` rightly reports [action];
    the text is then rendered as NOC, printed as MOD again, so that the
    comparison still runs."""
    rc, out, err = run("import", *options, docx, "-o", xml)
    errors = [l for l in err.splitlines() if ": error: " in l]
    if rc == 1 and errors and all("[action]" in l and re.search(r"MOD\)? amendment", l) for l in errors):
        with open(xml, encoding="utf-8") as f:
            s = f.read()
        PATCHED[xml] = re.findall(r'<amendment action="([^"]*)"', s)
        with open(xml, "w", encoding="utf-8") as f:
            f.write(re.sub(r'action="\(?MOD\)?"', 'action="NOC"', s))  # MOD, (MOD)
        rc = 0
    return rc, err


# ------------------------------------------------------------------ words

SYMBOL = {0xF0A3: "≤", 0xF0B3: "≥", 0xF0B1: "±", 0xF0B4: "×", 0xF0AE: "→"}


def para_text(node, out):
    """The text of NODE in document order; a text box's paragraphs are
    part of the paragraph holding it, read once (mc:Fallback repeats
    mc:Choice)."""
    for el in node:
        if el.tag == MC_FALLBACK:
            continue
        if el.tag == W + "r":  # a note's reference: its number, symbol mark or second call
            style = el.find(f"{W}rPr/{W}rStyle")
            if style is not None and "footnote" in style.get(W + "val", "").lower():
                continue
        if el.tag in (W + "t", W + "delText", M + "t"):
            out.append((el.text or "").replace("\u00ad", ""))
        elif el.tag in (W + "tab", W + "br", W + "cr"):
            out.append(" ")
        elif el.tag == W + "noBreakHyphen":
            out.append("\u2011")
        elif el.tag == W + "sym":
            cp = int(el.get(W + "char"), 16)
            out.append(SYMBOL.get(cp, chr(cp - 0xF000 if 0xF020 <= cp < 0xF07F else cp)))
        elif el.tag == W + "p":
            out.append(" ")
            para_text(el, out)
            out.append(" ")
        elif el.tag not in (W + "instrText", W + "delInstrText"):
            para_text(el, out)


def docx_words(docx):
    """Words of the DOCX: every paragraph, inserted and deleted text alike,
    field codes aside. Also the number of paragraphs Word numbers."""
    out, numbered = [], 0
    with zipfile.ZipFile(docx) as z:
        for part in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
            if part in z.namelist():
                root = ET.fromstring(z.read(part))
                numbered += sum(1 for p in root.iter(W + "p")
                                if p.find(f"{W}pPr/{W}numPr") is not None)
                para_text(root, out)
    return collections.Counter(w.casefold() for w in "".join(out).split()), numbered


def import_words(xml):
    t = text(xml, "marked")
    t = re.sub(r"\[-|-\]|\{\+|\+\}", "", t)
    t = re.sub(r"\[(\d+|[*†‡§¶#]{1,8})\]", "", t)
    t = t.replace("____________", " ")
    # a table's layout in text: cells separated by " | ", a line of
    # dashes under its heading rows
    return collections.Counter(w.casefold() for w in t.split()
                               if w != "|" and not re.fullmatch(r"-{2,}", w))


LABEL = re.compile(r"^([a-z]+\)|[ivxlc]+\)|\d+|[a-z]\.|–)$")
# words resc prints as headings of a proposal's parts: a Word file that
# leaves out the summary's heading or the MOD line has them in the import
HEADINGS = {"summary:", "résumé:", "resumen:", "reasons:", "motifs:", "motivos:",
            "mod", "add", "sup", "noc"}


def no_text_lost(what, docx, xml):
    want, numbered = docx_words(docx)
    got = import_words(xml)
    missing = want - got
    extra = got - want
    extra_labels = sum(n for w, n in extra.items() if LABEL.match(w))
    extra_headings = sum(n for w, n in extra.items() if w in HEADINGS)
    ok = (not missing and sum(extra.values()) == extra_labels + extra_headings
          and extra_labels <= numbered)
    check(f"no text lost: {what}", ok,
          f"missing from the import: {dict(missing)}; in excess: {dict(extra)}")


# ------------------------------------------------------------------ modes

def fixtures(folder):
    tmp = tempfile.mkdtemp()
    try:
        for docx in sorted(glob.glob(os.path.join(folder, "*.docx"))):
            name = os.path.basename(docx)[:-5]
            opt_file = os.path.join(folder, name + ".options")
            options = open(opt_file).read().split() if os.path.exists(opt_file) else []
            xml = os.path.join(tmp, name + ".xml")
            p = subprocess.run([RESC, "import", *options, name + ".docx", "-o", xml],
                               capture_output=True, cwd=folder)
            err = p.stderr.decode("utf-8")
            if not check(f"{name} imports (exit 0)", p.returncode == 0, err):
                continue
            got_diags = "".join(l + "\n" for l in err.splitlines() if l.endswith("[import]"))
            exp = os.path.join(folder, name + ".expected")
            want_diags = open(exp, encoding="utf-8").read() if os.path.exists(exp) else ""
            check(f"{name}: the [import] diagnostics of {name}.expected", got_diags == want_diags,
                  diff(want_diags, got_diags))
            for view in VIEWS:
                path = os.path.join(folder, f"{name}.{view}.txt")
                want = open(path, encoding="utf-8").read()
                got = text(xml, view)
                check(f"{name} [{view}] equals {name}.{view}.txt", got == want, diff(want, got))
            no_text_lost(name, docx, xml)
            # standard output by default, the same bytes; -W error counts warnings
            p2 = subprocess.run([RESC, "import", *options, name + ".docx"], capture_output=True,
                                cwd=folder)
            check(f"{name}: standard output holds what -o wrote",
                  p2.returncode == 0 and p2.stdout == open(xml, "rb").read())
            if ": warning: " in err:
                p3 = subprocess.run([RESC, "import", "-W", "error", *options, name + ".docx",
                                     "-o", xml], capture_output=True, cwd=folder)
                check(f"{name}: -W error makes its warnings exit 1", p3.returncode == 1)
    finally:
        shutil.rmtree(tmp)


def builds(doc, tmp):
    """resc's DOCX of DOC in every view and both ways of marking."""
    name = os.path.basename(doc)[:-4]
    for view in VIEWS:
        for marks in (("track", "format") if view == "marked" else ("track",)):
            docx = os.path.join(tmp, f"{name}.{view}.{marks}.docx")
            rc, _, err = run("build", "-t", "docx", "--view", view, "--docx-marks", marks, doc,
                             "-o", docx)
            if check(f"resc builds {name} [{view}, {marks}]", rc == 0, err):
                yield docx, view, marks


def compare_views(what, doc, xml, view):
    """The import of DOC's VIEW reads like DOC in that view; the import of
    the marked view reads like DOC in every view."""
    for v in (VIEWS if view == "marked" else (view,)):
        want = text(doc, v)
        got = text(xml, v if view == "marked" else "amended")
        check(f"{what} [{v}] reads like the source", got == want, diff(want, got))


# What the import cannot read back yet, each with why: left out, named in
# the test's output so that it is not forgotten.
KNOWN_GAPS = {}


def valid_documents(paths):
    """The files named, and the documents of the folders named that
    `resc check` passes (exit 0: warnings allowed), but the KNOWN_GAPS."""
    for path in paths:
        if not os.path.exists(path):
            continue  # a folder the tree does not have (yet)
        for doc in sorted(glob.glob(os.path.join(path, "*.xml"))) if os.path.isdir(path) else [path]:
            if os.path.basename(doc) in KNOWN_GAPS:
                print(f"left out: {doc}: {KNOWN_GAPS[os.path.basename(doc)]}")
            elif not os.path.isdir(path) or run("check", "-q", doc)[0] == 0:
                yield doc


def parts(path):
    """[(part, call)] of the document at PATH: where each called section
    stands, preamble or operative, and its call (the structure a text view
    does not show)."""
    ns = "{urn:resc:1}"
    root = ET.parse(path).getroot()
    out = []
    for part in ("preamble", "operative"):
        for p in root.iter(ns + part):
            for sec in p.findall(ns + "section"):
                call = sec.find(ns + "call")
                if call is not None:
                    out.append((part, " ".join("".join(call.itertext()).split())))
    return out


def clean(path):
    """Whether PATH is a resolution without revision marks: its parts are
    the same in every view."""
    text = open(path, encoding="utf-8").read()
    return "<resolution" in text[:2000] and not re.search(r'change="|<ins[ >]|<del[ >]', text)


def roundtrip(docs):
    docs = list(valid_documents(docs))
    check("documents to round-trip", len(docs) > 5, str(docs))
    tmp = tempfile.mkdtemp()
    try:
        for doc in docs:
            for docx, view, marks in builds(doc, tmp):
                what = f"{os.path.basename(docx)}"
                xml = docx[:-5] + ".xml"
                rc, err = import_docx(docx, xml, ("--marks", marks))
                if not check(f"{what} imports", rc == 0, err):
                    continue
                compare_views(what, doc, xml, view)
                no_text_lost(what, docx, xml)
                if clean(doc):
                    check(f"{what}: each call in its part, preamble or operative",
                          parts(xml) == [(p, c) for p, c in parts(doc) if c], parts(xml))
    finally:
        shutil.rmtree(tmp)


def soffice(tmp, fmt, outdir, files):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", fmt, "--outdir", outdir, *files],
                   capture_output=True, check=False, timeout=900)


def libreoffice(docs):
    docs = list(valid_documents(docs))
    tmp = tempfile.mkdtemp()
    try:
        made = []
        for doc in docs:
            made += [(doc, d, v, m) for d, v, m in builds(doc, tmp) if m == "track"]
        files = [d for _, d, _, _ in made]
        # soffice given no file waits for ever
        if not check("DOCX files for LibreOffice", len(files) >= 5, str(docs)):
            return
        # one LibreOffice start per conversion, for every file
        soffice(tmp, "docx:MS Word 2007 XML", os.path.join(tmp, "docx"), files)
        soffice(tmp, "odt", os.path.join(tmp, "odt"), files)
        odts = [os.path.join(tmp, "odt", os.path.basename(f)[:-5] + ".odt") for f in files]
        soffice(tmp, "docx:MS Word 2007 XML", os.path.join(tmp, "viaodt"),
                [o for o in odts if os.path.exists(o)])
        for doc, docx, view, _ in made:
            base = os.path.basename(docx)
            for way in ("docx", "viaodt"):
                resaved = os.path.join(tmp, way, base)
                what = f"{base} re-saved by LibreOffice ({'through .odt' if way == 'viaodt' else 'as .docx'})"
                if not check(f"{what} exists", os.path.exists(resaved)):
                    continue
                xml = resaved[:-5] + ".xml"
                rc, err = import_docx(resaved, xml)
                if not check(f"{what} imports", rc == 0, err):
                    continue
                compare_views(what, doc, xml, view)
                no_text_lost(what, resaved, xml)
    finally:
        shutil.rmtree(tmp)


def pandoc(folder):
    tmp = tempfile.mkdtemp()
    try:
        for md in sorted(glob.glob(os.path.join(folder, "*.md"))):
            name = os.path.basename(md)[:-3]
            docx = os.path.join(tmp, name + ".docx")
            p = subprocess.run(["pandoc", md, "-o", docx], capture_output=True)
            if not check(f"pandoc makes {name}.docx", p.returncode == 0, p.stderr):
                continue
            xml = os.path.join(tmp, name + ".xml")
            rc, err = import_docx(docx, xml)
            if not check(f"pandoc's {name}.docx imports", rc == 0, err):
                continue
            for view in VIEWS:
                want = open(os.path.join(folder, f"{name}.{view}.txt"), encoding="utf-8").read()
                got = text(xml, view)
                check(f"pandoc's {name}.docx [{view}] equals {name}.{view}.txt", got == want,
                      diff(want, got))
            no_text_lost(f"pandoc's {name}.docx", docx, xml)
    finally:
        shutil.rmtree(tmp)


# ------------------------------------------------------------------ hostile

def zip_of(path, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)


DOC = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
       b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>RESOLUTION 1</w:t></w:r></w:p>'
       b'</w:body></w:document>')


def set_encrypted_flag(path):
    """Marks every entry encrypted (general purpose bit 0), as a zip
    protected by a password has it."""
    data = bytearray(open(path, "rb").read())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            flags = struct.unpack_from("<H", data, i + off)[0] | 1
            struct.pack_into("<H", data, i + off, flags)
            i = data.find(sig, i + 4)
    open(path, "wb").write(bytes(data))


def lie_about_size(path, size):
    """Declares SIZE as every entry's inflated size (a bomb's lie)."""
    data = bytearray(open(path, "rb").read())
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = data.find(sig)
        while i >= 0:
            struct.pack_into("<I", data, i + off, size)
            i = data.find(sig, i + 4)
    open(path, "wb").write(bytes(data))


def hostile_cases(tmp):
    cases = {}

    def case(name, why, make):
        path = os.path.join(tmp, name)
        make(path)
        cases[name] = (path, why)

    case("text.docx", "not a zip", lambda p: open(p, "w").write("RESOLUTION 1\n"))
    case("empty.docx", "an empty file", lambda p: open(p, "wb").close())
    case("word97.doc", "an OLE file (.doc)",
         lambda p: open(p, "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000))
    case("encrypted-ole.docx", "an encrypted .docx (OLE)",
         lambda p: open(p, "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + b"EncryptedPackage" * 100))

    def encrypted_entry(p):
        zip_of(p, {"word/document.xml": DOC}, zipfile.ZIP_STORED)
        set_encrypted_flag(p)
    case("encrypted-entry.docx", "an encrypted zip entry", encrypted_entry)
    case("dotdot.docx", "an entry named with ..",
         lambda p: zip_of(p, {"word/document.xml": DOC, "../../evil.xml": b"<x/>"}))
    case("absolute.docx", "an absolute entry name",
         lambda p: zip_of(p, {"word/document.xml": DOC, "/etc/evil.xml": b"<x/>"}))
    case("no-document.docx", "no word/document.xml",
         lambda p: zip_of(p, {"word/styles.xml": b"<x/>"}))
    case("doctype.docx", "a DTD in a part",
         lambda p: zip_of(p, {"word/document.xml": DOC.replace(
             b"<w:document", b'<!DOCTYPE w:document SYSTEM "http://example.org/x.dtd"><w:document')}))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">'
                         % ((98 + i,) + (97 + i,) * 10) for i in range(8))
              + b']><d>&i;</d>')
    case("entity-bomb.docx", "an entity expansion bomb in a part",
         lambda p: zip_of(p, {"word/document.xml": laughs}))
    case("zip-bomb.docx", "a zip bomb (inflates 1000 times)",
         lambda p: zip_of(p, {"word/document.xml": DOC, "word/media/image1.png": b"\0" * (40 << 20)}))

    def liar(p):
        big = DOC[:-len(b"</w:body></w:document>")] + b"<w:p/>" * (12 << 20) + b"</w:body></w:document>"
        zip_of(p, {"word/document.xml": big})
        lie_about_size(p, 4096)
    case("lying-bomb.docx", "a part that inflates past its declared size", liar)
    case("gigantic-part.docx", "a part over 64 MB",
         lambda p: zip_of(p, {"word/document.xml": DOC + b" " * (65 << 20)}))
    case("gigantic-file.docx", "a file over 64 MB",
         lambda p: zip_of(p, {"word/document.xml": DOC, "word/media/big.bin": os.urandom(1 << 20) * 65},
                          zipfile.ZIP_STORED))

    def truncated(p):
        zip_of(p, {"word/document.xml": DOC * 1})
        data = open(p, "rb").read()
        open(p, "wb").write(data[: len(data) // 2])
    case("truncated.docx", "a truncated zip", truncated)
    case("not-a-part.docx", "a document.xml that is not XML",
         lambda p: zip_of(p, {"word/document.xml": b"\x00\x01binary"}))
    os.mkdir(os.path.join(tmp, "folder.docx"))
    cases["folder.docx"] = (os.path.join(tmp, "folder.docx"), "a directory")
    cases["missing.docx"] = (os.path.join(tmp, "missing.docx"), "a missing file")
    return cases


def hostile():
    tmp = tempfile.mkdtemp()
    try:
        for name, (path, why) in hostile_cases(tmp).items():
            out = os.path.join(tmp, "out.xml")
            if os.path.exists(out):
                os.unlink(out)
            start = time.monotonic()
            rc, stdout, err = run("import", path, "-o", out)
            took = time.monotonic() - start
            check(f"{why} ({name}): exit 2", rc == 2, f"exit {rc}: {err}")
            check(f"{why} ({name}): a diagnostic", ": error: " in err, err)
            check(f"{why} ({name}): nothing written", not os.path.exists(out) and not stdout,
                  stdout[:200])
            check(f"{why} ({name}): within a second", took < 1.0, f"{took:.2f} s")
            leftovers = [f for f in os.listdir(tmp) if f.startswith(".out.xml")]
            check(f"{why} ({name}): no temporary file", not leftovers, str(leftovers))
    finally:
        shutil.rmtree(tmp)


def resolved(cmd, xml, tmp):
    """The text of `resc accept|reject XML`."""
    out = os.path.join(tmp, f"{cmd}.xml")
    rc, _, err = run(cmd, xml, "-o", out)
    return text(out, "amended") if rc == 0 else f"(resc {cmd} exited {rc}: {err})"


def shape(el):
    """An element's name and children: the structure, without the ids and
    labels Word does not keep, text and comments aside."""
    return (el.tag, [shape(c) for c in el if isinstance(c.tag, str)])


def same_structure(xml, docx, tmp):
    out = os.path.join(tmp, "structure.xml")
    if run("import", docx, "-o", out)[0] != 0:
        return False
    return shape(ET.parse(xml).getroot()) == shape(ET.parse(out).getroot())


def diff_docx(docs):
    """resc diff with Word files as OLD and NEW: the import happens in
    memory, and the result is what diffing the XML views would give."""
    docs = [d for d in valid_documents(docs) if run("check", "-q", d)[0] == 0]
    tmp = tempfile.mkdtemp()
    try:
        marked = mixed = 0
        for doc in docs:
            name = os.path.basename(doc)[:-4]
            built = {v: os.path.join(tmp, f"{name}.{v}.docx") for v in VIEWS}
            xml = {v: os.path.join(tmp, f"{name}.{v}.xml") for v in ("original", "amended")}
            ok = all(run("build", "-t", "docx", "--view", v, doc, "-o", built[v])[0] == 0
                     for v in VIEWS)
            ok = ok and run("reject", doc, "-o", xml["original"])[0] == 0
            ok = ok and run("accept", doc, "-o", xml["amended"])[0] == 0
            if not check(f"{name}: DOCX of each view, XML of each clean text", ok):
                continue
            marked += text(doc, "original") != text(doc, "amended")
            want_accept, want_reject = resolved("accept", doc, tmp), resolved("reject", doc, tmp)
            pairs = [(built["original"], built["amended"])]
            # one side XML, the other Word: only where the import gives the
            # XML's very structure (else diff rightly marks the difference)
            if all(same_structure(xml[v], built[v], tmp) for v in xml):
                pairs += [(xml["original"], built["amended"]), (built["original"], xml["amended"])]
                mixed += 1
            for old, new in pairs:
                what = f"diff {os.path.basename(old)} {os.path.basename(new)}"
                out = os.path.join(tmp, "diff.xml")
                rc, _, err = run("diff", old, new, "-o", out)
                if not check(f"{what}: exit 0", rc == 0, err):
                    continue
                check(f"{what}: no diagnostic", err == "", err)
                for v in ("original", "amended"):
                    want, got = text(doc, v), text(out, v)
                    check(f"{what} [{v}] reads like {name}", got == want, diff(want, got))
                got = resolved("accept", out, tmp)
                check(f"{what}: accepted, reads like {name} accepted", got == want_accept,
                      diff(want_accept, got))
                got = resolved("reject", out, tmp)
                check(f"{what}: rejected, reads like {name} rejected", got == want_reject,
                      diff(want_reject, got))
                check(f"{what}: the result checks clean", run("check", "-q", out)[0] == 0,
                      run("check", out)[2])
            # Word's tracked changes are marks: refused as an XML input's are
            out = os.path.join(tmp, "refused.xml")
            if text(doc, "original") != text(doc, "amended"):
                rc, stdout, err = run("diff", built["marked"], built["amended"], "-o", out)
                check(f"{name}: a DOCX with tracked changes is refused (exit 1, [marks])",
                      rc == 1 and "[marks]" in err and not os.path.exists(out), f"exit {rc}: {err}")
        check("documents with marks among those diffed", marked >= 3, str(marked))
        check("documents diffed XML against Word", mixed >= 3, str(mixed))
        # a refused package: exit 2, the importer's diagnostic, nothing written
        bad = os.path.join(tmp, "bad.docx")
        open(bad, "w").write("RESOLUTION 1\n")
        out = os.path.join(tmp, "bad-out.xml")
        rc, stdout, err = run("diff", bad, bad, "-o", out)
        check("diff of a file that is not a DOCX package: exit 2, [import], nothing written",
              rc == 2 and "[import]" in err and not os.path.exists(out), f"exit {rc}: {err}")
    finally:
        shutil.rmtree(tmp)


def main():
    global RESC
    mode, RESC = sys.argv[1], os.path.abspath(sys.argv[2])
    args = sys.argv[3:]
    if mode == "fixtures":
        fixtures(args[0])
    elif mode == "roundtrip":
        roundtrip(args)
    elif mode == "libreoffice":
        libreoffice(args)
    elif mode == "pandoc":
        pandoc(args[0])
    elif mode == "hostile":
        hostile()
    elif mode == "diff":
        diff_docx(args)
    else:
        sys.exit(f"unknown mode {mode}")
    finish()


if __name__ == "__main__":
    main()
