#!/usr/bin/env python3
"""DOCX output against real consumers. usage: docx_test.py RESC DIR...

Every document of every DIR (the samples, tests/vocab):

- LibreOffice (headless, one run for all files) converts every sample in
  every view, and the marked view with --docx-marks format, to text; it
  must equal resc's own text view, normalised as lotext.py says (footnote
  references, tracked changes and tables are printed LibreOffice's way).
- pandoc --track-changes=accept gives the amended text and reject the
  original, word for word, footnotes included, with exactly one paragraph
  per line of the text view (an accepted or rejected change leaves no
  empty paragraph behind). pandoc lays tables out in a grid of its own,
  which puts the words of a row's cells side by side line by line: the
  documents with tables are not read by pandoc, nor those with symbol
  footnotes or second calls of a footnote, which pandoc numbers as it
  numbers every note.
- The house styles exist in styles.xml and the paragraphs use them;
  revisions carry an author; the package is byte-identical when rebuilt.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import lotext
from lotext import diff
from testlib import check, finish

RESC, DIRS = os.path.abspath(sys.argv[1]), sys.argv[2:]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = ["Normal", "ResNo", "Restitle", "Resref", "Normalaftertitle", "Call", "enumlev1",
          "enumlev2", "enumlev3", "AnnexNo", "Annextitle", "FootnoteText", "FootnoteReference",
          "Proposal", "Reasons", "Heading1", "Heading2", "Tabletitle", "Tablehead", "Tabletext"]


def resc(*args):
    return lotext.resc(RESC, *args)


def text_view(sample, view):
    return lotext.text_view(RESC, sample, view)


def words(text):
    return text.split()


def pandoc(docx, how, fmt):
    p = subprocess.run(["pandoc", f"--track-changes={how}", "--wrap=none", "-t", fmt, docx],
                       capture_output=True, check=True)
    return p.stdout.decode("utf-8")


# pandoc's plain writer prints a superscript or subscript of digits with
# Unicode's superscript and subscript characters ("m²"); the text view
# prints the digits (whether they are superscripts is checked on pandoc's
# JSON, below)
SCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻₀₁₂₃₄₅₆₇₈₉₋", "0123456789−0123456789−")


def pandoc_plain_words(text):
    # pandoc's plain writer escapes nothing we use, but prints tabs as spaces
    # and footnotes as "[N] text" after the text, as resc does
    return [w for w in text.translate(SCRIPTS).split() if not re.fullmatch(r"_+", w)]


def count_paragraphs(blocks):
    n = 0
    for b in blocks:
        t = b.get("t")
        if t in ("Para", "Plain", "Header"):
            n += 1
        elif t in ("BlockQuote", "Div"):
            n += count_paragraphs(b["c"] if t == "BlockQuote" else b["c"][1])
        elif t in ("BulletList", "OrderedList"):
            for item in (b["c"] if t == "BulletList" else b["c"][1]):
                n += count_paragraphs(item)
    return n


NS = "{urn:resc:1}"


def source_inlines(sample, tag, side):
    """The texts of the TAG elements (sup, sub) of SAMPLE on SIDE
    (amended: without deletions, original: without insertions), in order."""
    skip = NS + ("del" if side == "amended" else "ins")

    def text(e):
        out = e.text or ""
        for c in e:
            if c.tag != skip and c.get("change") != skip[len(NS):]:
                out += text(c)
            out += c.tail or ""
        return out
    root = ET.parse(sample).getroot()
    found = []

    def walk(e, shown):
        for c in e:
            on = shown and c.tag != skip and c.get("change") != skip[len(NS):]
            if c.tag == NS + tag and on:
                found.append(text(c))
            else:
                walk(c, on)
    walk(root, True)
    return found


def pandoc_inlines(blocks, kind):
    """The texts of pandoc's KIND inlines (Superscript, Subscript), in order."""
    found = []

    def stringify(x):
        if isinstance(x, dict):
            if x.get("t") == "Str":
                return x["c"]
            if x.get("t") in ("Space", "SoftBreak"):
                return " "
            return stringify(x.get("c", []))
        if isinstance(x, list):
            return "".join(stringify(y) for y in x)
        return ""

    def walk(x):
        if isinstance(x, dict):
            if x.get("t") == kind:
                found.append(stringify(x["c"]))
                return
            walk(x.get("c", []))
        elif isinstance(x, list):
            for y in x:
                walk(y)
    walk(blocks)
    return found


def pandoc_reads(sample):
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    return not any(s in text for s in ("<table", "<fnref", "<footnote mark="))


def check_tables(base, document, view, marks):
    """Every row of every table fills the grid exactly (a cell's gridSpan,
    a covered cell's vMerge included); spans and heading rows are there;
    a changed row is a tracked row in the tracked marked view."""
    root = ET.fromstring(document)
    for n, tbl in enumerate(root.iter(W + "tbl")):
        cols = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        for r, tr in enumerate(tbl.findall(W + "tr")):
            width = sum(int(tc.find(f"{W}tcPr/{W}gridSpan").get(W + "val"))
                        if tc.find(f"{W}tcPr/{W}gridSpan") is not None else 1
                        for tc in tr.findall(W + "tc"))
            check(f"{base}: table {n + 1} row {r + 1} fills its {cols} grid columns",
                  width == cols, f"{width} columns")
            check(f"{base}: table {n + 1} row {r + 1}: every cell ends with a paragraph",
                  all(len(tc) and tc[-1].tag == W + "p" for tc in tr.findall(W + "tc")))
    if "rowspan=" in open(SOURCES[base], encoding="utf-8").read():
        check(f"{base}: a cell spanning rows starts a vMerge and covers the next",
              'w:vMerge w:val="restart"' in document and "<w:vMerge/>" in document)
    check(f"{base}: heading rows repeat (w:tblHeader)", "<w:tblHeader/>" in document)
    tracked = re.search(r"<w:trPr>(?:<w:tblHeader/>)?<w:(?:ins|del) ", document) is not None
    changed_rows = view == "marked" and 'row change=' in open(SOURCES[base], encoding="utf-8").read()
    check(f"{base}: rows inserted or deleted whole are tracked rows only in the tracked marked view",
          tracked == (changed_rows and marks == "track"))


SOURCES = {}  # DOCX file name → its document
samples = sorted(os.path.join(d, f) for d in DIRS for f in os.listdir(d) if f.endswith(".xml"))
tmp = tempfile.mkdtemp()
try:
    jobs = []  # (docx path, sample, view, marks)
    for s in samples:
        name = os.path.basename(s)[:-4]
        for view in ("original", "amended", "marked"):
            out = os.path.join(tmp, f"{name}-{view}.docx")
            resc("build", "-t", "docx", "--view", view, s, "-o", out)
            jobs.append((out, s, view, "track"))
            SOURCES[os.path.basename(out)] = s
        out = os.path.join(tmp, f"{name}-format.docx")
        resc("build", "-t", "docx", "--docx-marks", "format", "--view", "marked", s, "-o", out)
        jobs.append((out, s, "marked", "format"))
        SOURCES[os.path.basename(out)] = s

    # one LibreOffice start for every file
    lo = os.path.join(tmp, "lo")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", "txt:Text", "--outdir", lo, *[j[0] for j in jobs]],
                   capture_output=True, check=False, timeout=600)
    for docx, sample, view, marks in jobs:
        base = os.path.basename(docx)[:-5]
        txt = os.path.join(lo, base + ".txt")
        got = open(txt, encoding="utf-8-sig").read().replace("\r\n", "\n").rstrip("\n") \
            if os.path.exists(txt) else "(LibreOffice made no text)"
        lotext.compare_with_text_view(RESC, sample, view, got, f"LibreOffice's reading of {base}")

    for docx, sample, view, marks in jobs:
        if view != "marked" or marks != "track" or not pandoc_reads(sample):
            continue
        base = os.path.basename(docx)[:-5]
        for how, side in (("accept", "amended"), ("reject", "original")):
            want_text = text_view(sample, side)
            got = pandoc_plain_words(pandoc(docx, how, "plain"))
            want = [w for w in words(want_text) if not re.fullmatch(r"_+", w)]
            check(f"pandoc --track-changes={how} on {base} gives the {side} text", got == want,
                  diff(" ".join(want).replace(" ", "\n"), " ".join(got).replace(" ", "\n")))
            body_lines = want_text.split("\n____________\n")[0].strip("\n").split("\n")
            blocks = json.loads(pandoc(docx, how, "json"))["blocks"]
            check(f"{base} after {how}: one paragraph per line, none left empty",
                  count_paragraphs(blocks) == len(body_lines),
                  f"{count_paragraphs(blocks)} paragraphs, {len(body_lines)} lines")
            for tag, kind in (("sup", "Superscript"), ("sub", "Subscript")):
                want, got = source_inlines(sample, tag, side), pandoc_inlines(blocks, kind)
                if want or got:
                    check(f"{base} after {how}: every {tag} a {kind}, with its text",
                          got == want, f"want {want}, got {got}")

    used = set()
    for docx, sample, view, marks in jobs:
        with zipfile.ZipFile(docx) as z:
            names = z.namelist()
            document = z.read("word/document.xml").decode()
            used |= set(re.findall(r'<w:pStyle w:val="([^"]+)"', document))
            used |= set(re.findall(r'<w:rStyle w:val="([^"]+)"', document))
            styles = set(re.findall(r'w:styleId="([^"]+)"', z.read("word/styles.xml").decode()))
            core = z.read("docProps/core.xml").decode()
            footnotes = z.read("word/footnotes.xml").decode()
            settings = z.read("word/settings.xml").decode()
            header = z.read("word/header1.xml").decode() if "word/header1.xml" in names else ""
        base = os.path.basename(docx)
        check(f"{base}: [Content_Types].xml first, every part present",
              names[0] == "[Content_Types].xml" and {"word/document.xml", "word/styles.xml",
                                                     "word/footnotes.xml", "word/settings.xml",
                                                     "docProps/core.xml", "docProps/app.xml",
                                                     "_rels/.rels",
                                                     "word/_rels/document.xml.rels"} <= set(names))
        check(f"{base}: every house style is defined", set(STYLES) <= styles,
              str(set(STYLES) - styles))
        check(f"{base}: every style used is defined", set(re.findall(
            r'w:val="([^"]+)"', " ".join(re.findall(r'<w:[pr]Style [^>]*>', document)))) <= styles)
        check(f"{base}: title in docProps/core.xml", re.search(r"<dc:title>[^<]{10,}</dc:title>", core))
        check(f"{base}: separator footnotes", 'w:type="separator"' in footnotes
              and 'w:type="continuationSeparator"' in footnotes)
        if marks == "track" and view == "marked" and ("<w:ins " in document or "<w:del " in document):
            revs = re.findall(r"<w:(?:ins|del) [^>]*>", document)
            check(f"{base}: every revision has an id and an author",
                  all("w:id=" in r and "w:author=" in r for r in revs))
            ids = re.findall(r'<w:(?:ins|del) w:id="(\d+)"', document)
            check(f"{base}: revision ids are unique", len(ids) == len(set(ids)))
        check(f"{base}: the page number in the header from page 2, as the PDF's",
              'w:instr=" PAGE "' in header and "<w:titlePg/>" in document
              and 'w:headerReference w:type="default"' in document)
        tracking = view == "marked" and marks == "track"
        check(f"{base}: track changes on (w:trackRevisions) in the tracked marked view only",
              ("<w:trackRevisions/>" in settings) == tracking)
        dates = re.findall(r'<w:(?:ins|del) [^>]*w:date="([^"]*)"', document)
        check(f"{base}: revision dates are xsd:dateTime", all(re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?", d) for d in dates), str(dates))
        if tracking and re.search(r'<proposal [^>]*date="', open(sample, encoding="utf-8").read()):
            check(f"{base}: every revision dated (the proposal gives a date)",
                  len(dates) == len(re.findall(r"<w:(?:ins|del) ", document)))
        if "<w:tbl>" in document:
            check_tables(base, document, view, marks)
        if view != "marked" or marks == "format":
            check(f"{base}: no tracked change outside the tracked marked view",
                  "<w:ins " not in document and "<w:del " not in document)
    check("the paragraphs use the house styles",
          {"Normal", "ResNo", "Restitle", "Resref", "Normalaftertitle", "Call", "enumlev1",
           "enumlev2", "AnnexNo", "Annextitle", "Proposal", "FootnoteReference", "Heading1",
           "Heading2", "Tabletitle", "Tablehead", "Tabletext"} <= used,
          str(used))
    annexes = [j for j in jobs if os.path.basename(j[1]) == "annexes.xml"]
    for docx, *_ in annexes[:1]:
        with zipfile.ZipFile(docx) as z:
            check("an annex with new-page=\"true\" starts a page (w:pageBreakBefore)",
                  "<w:pageBreakBefore/>" in z.read("word/document.xml").decode())

    # reproducible: the same bytes again
    again = os.path.join(tmp, "again.docx")
    first = jobs[0]
    resc("build", "-t", "docx", "--view", first[2], first[1], "-o", again)
    check("the same input gives the same bytes",
          open(again, "rb").read() == open(first[0], "rb").read())
    env_run = subprocess.run([RESC, "build", "-t", "docx", "--view", first[2], first[1], "-o",
                              again], env={**os.environ, "TZ": "Pacific/Kiritimati",
                                           "LC_ALL": "C", "SOURCE_DATE_EPOCH": "1"},
                             capture_output=True, check=False)
    check("and the same in another time zone and locale",
          env_run.returncode == 0 and open(again, "rb").read() == open(first[0], "rb").read())
finally:
    shutil.rmtree(tmp, ignore_errors=True)

finish()
