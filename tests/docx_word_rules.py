#!/usr/bin/env python3
"""Word's rules for a DOCX, checked part by part (issue 18).

usage: docx_word_rules.py RESC DIR...

LibreOffice and pandoc open DOCX files that Word refuses or damages: a
w:t inside a deletion, a paragraph inserted whole without its paragraph
mark marked (accepting or rejecting then joins or leaves empty
paragraphs), a revision id used twice across parts, properties out of the
schema's order. No ECMA-376 schema is at hand under a licence this
repository can carry, so these are structural checks of what
ECMA-376 Part 1 (WordprocessingML, 17.3 and 17.13) requires, on every
document of every DIR, in every view, with both --docx-marks:

- text of a deletion is w:delText and only there (w:t never inside w:del,
  w:delText never outside);
- K paragraphs inserted (deleted) whole in a row carry K paragraph-mark
  revisions w:pPr/w:rPr/w:ins (w:del): their own, or the one before
  them and theirs but the last's, as Word writes it (and as LibreOffice
  needs it: docs/house-style.md), in document and footnotes alike;
- revision ids are unique across the parts that hold revisions;
- every revision has a non-empty author, and a date in the form
  YYYY-MM-DDThh:mm:ss[Z|±hh:mm] wherever it has one (all or none in a package);
- w:p starts with w:pPr, w:r with w:rPr; the children of w:pPr, w:rPr
  (of a run and of a paragraph mark) and w:sectPr come in the schema's
  sequence;
- the view without marks, and --docx-marks format, have no revision.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from testlib import check, finish

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISION = {W + n for n in ("ins", "del", "moveFrom", "moveTo")}

# CT_PPrBase then CT_PPr's own (ECMA-376 Part 1, 17.3.1.26)
PPR = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
       "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
       "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
       "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
       "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
       "cnfStyle", "rPr", "sectPr", "pPrChange"]
# EG_RPrBase (17.3.2.28); a paragraph mark's rPr starts with its revision
RPR = ["ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
       "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
       "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz",
       "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
       "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"]
SECTPR = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
          "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
          "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
          "printerSettings", "sectPrChange"]
DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?$")


def local(e):
    return e.tag.split("}")[-1]


def in_order(el, order):
    """The first child of EL out of ORDER's sequence, or None."""
    last = -1
    for c in el:
        name = local(c)
        if name not in order:
            return f"w:{name} (not in the sequence)"
        if order.index(name) < last:
            return f"w:{name} after w:{order[last]}"
        last = order.index(name)
    return None


def runs_with_marks(p):
    """The marks (ins/del/None) over each run with text of paragraph P."""
    marks = []

    def walk(e, mark):
        for c in e:
            if c.tag == W + "pPr":
                continue
            m = local(c) if c.tag in REVISION else mark
            if c.tag == W + "r" and (c.find(W + "t") is not None or c.find(W + "delText") is not None):
                marks.append(m)
            walk(c, m)
    walk(p, None)
    return marks


def whole(p):
    """'ins' or 'del' when every run with text of P is under that mark."""
    marks = runs_with_marks(p)
    for kind in ("ins", "del"):
        if marks and all(m == kind for m in marks):
            return kind
    return None


def mark_of(p):
    """The revision on P's paragraph mark: 'ins', 'del' or None."""
    rpr = p.find(f"{W}pPr/{W}rPr")
    for kind in ("ins", "del"):
        if rpr is not None and rpr.find(W + kind) is not None:
            return kind
    return None


def check_paragraph_marks(name, root, problems):
    """K paragraphs inserted (deleted) whole, one after another, need K
    paragraph marks inserted (deleted), or accepting or rejecting joins
    paragraphs: their own, or, as Word writes it when Enter is pressed at
    the end of a paragraph, the one before them and all of theirs but the
    last."""
    for parent in root.iter():
        paras = [c for c in parent if c.tag == W + "p"]
        i = 0
        while i < len(paras):
            kind = whole(paras[i])
            if not kind:
                i += 1
                continue
            j = i
            while j < len(paras) and whole(paras[j]) == kind:
                j += 1
            marks = sum(mark_of(p) == kind for p in paras[i:j])
            if i and mark_of(paras[i - 1]) == kind:
                marks += 1
            if marks < j - i:
                text = "".join(paras[i].itertext())[:60]
                problems[f"a paragraph {kind} whole without its paragraph-mark revision"].append(
                    f"{name}: {text} ({j - i} paragraphs, {marks} marks)")
            i = j


def check_part(name, root, problems, ids):
    parents = {c: e for e in root.iter() for c in e}

    def inside(e, tag):
        while e in parents:
            e = parents[e]
            if e.tag == W + tag:
                return True
        return False

    for t in root.iter(W + "t"):
        if inside(t, "del"):
            problems["w:t inside a deletion (Word wants w:delText)"].append(name)
    for t in root.iter(W + "delText"):
        if not inside(t, "del"):
            problems["w:delText outside a deletion"].append(name)
    for p in root.iter(W + "p"):
        kids = list(p)
        if any(c.tag == W + "pPr" for c in kids[1:]):
            problems["w:pPr not first in its paragraph"].append(name)
    check_paragraph_marks(name, root, problems)
    for r in root.iter(W + "r"):
        if any(c.tag == W + "rPr" for c in list(r)[1:]):
            problems["w:rPr not first in its run"].append(name)
    for tag, order in (("pPr", PPR), ("rPr", RPR), ("sectPr", SECTPR)):
        for e in root.iter(W + tag):
            wrong = in_order(e, order)
            if wrong:
                problems[f"w:{tag} children out of the schema's order"].append(f"{name}: {wrong}")
    for e in root.iter():
        if e.tag in REVISION or (e.tag in (W + "pPrChange", W + "rPrChange")):
            rid = e.get(W + "id")
            ids.append(rid)
            if not e.get(W + "author"):
                problems["a revision without an author"].append(name)
            date = e.get(W + "date")
            problems["dates"].append(date)
            if date is not None and not DATE.match(date):
                problems["a revision date not in the form YYYY-MM-DDThh:mm:ss[Z|±hh:mm]"].append(date)


def check_docx(path, tracked):
    base = os.path.basename(path)
    problems = {k: [] for k in (
        "w:t inside a deletion (Word wants w:delText)", "w:delText outside a deletion",
        "w:pPr not first in its paragraph", "w:rPr not first in its run",
        "a paragraph ins whole without its paragraph-mark revision",
        "a paragraph del whole without its paragraph-mark revision",
        "w:pPr children out of the schema's order", "w:rPr children out of the schema's order",
        "w:sectPr children out of the schema's order", "a revision without an author",
        "a revision date not in the form YYYY-MM-DDThh:mm:ss[Z|±hh:mm]", "dates")}
    ids = []
    with zipfile.ZipFile(path) as z:
        for part in sorted(n for n in z.namelist() if re.match(r"word/[^/]+\.xml$", n)):
            root = ET.fromstring(z.read(part))
            check_part(part, root, problems, ids)
    dates = problems.pop("dates")
    for what, where in problems.items():
        check(f"{base}: no {what}", not where, "; ".join(map(str, where[:4])))
    check(f"{base}: revision ids unique across parts", len(ids) == len(set(ids)),
          str(sorted(i for i in set(ids) if ids.count(i) > 1)[:8]))
    check(f"{base}: every revision dated or none", all(dates) or not any(dates))
    check(f"{base}: revisions only in the tracked marked view", bool(ids) <= tracked)


def main():
    resc, dirs = os.path.abspath(sys.argv[1]), sys.argv[2:]
    docs = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d) if f.endswith(".xml"))
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            name = os.path.basename(doc)[:-4]
            for view, marks in (("original", "track"), ("amended", "track"), ("marked", "track"),
                                ("marked", "format")):
                out = os.path.join(tmp, f"{name}-{view}-{marks}.docx")
                p = subprocess.run([resc, "build", "-t", "docx", "--view", view, "--docx-marks",
                                    marks, doc, "-o", out], capture_output=True, check=False)
                if not check(f"{name}: builds ({view}, {marks})", p.returncode in (0, 1)
                             and os.path.exists(out), p.stderr.decode("utf-8", "replace")):
                    continue
                check_docx(out, view == "marked" and marks == "track")
    finish()


if __name__ == "__main__":
    main()
