#!/usr/bin/env python3
"""The marked view shows its marks on the page (issue 18).

usage: marks_visible.py fo RESC DIR...
       marks_visible.py pdf RESC SAMPLE...

FOP and the PDF readers take an FO whose insertions are not underlined,
or whose deletions are not struck through, without a word: the word tests
of fo_test.py compare words only. These checks compare the decorations
themselves with resc's own marked text view, whose {+ +} and [- -] are the
marks:

fo   every document of every DIR with marks, marked view: the words of the
     underlined inlines are exactly the words of the text view's insertions
     and the words of the struck-through inlines exactly those of its
     deletions (as multisets, footnote bodies aside, which the text view
     prints apart); every decorated inline has a change bar beside it
     (a change-bar-begin of its own just before it).
pdf  each SAMPLE through FOP, marked view: every page is read twice, its
     words with their boxes (pdftotext -bbox) and its drawing
     (pdftocairo -svg): FOP draws a decoration as a thin filled rectangle
     under a word (underline) or across its middle (strike-through), a
     change bar as a vertical stroke. The words under or across such a
     rectangle must be, to 95 %, the words the text view marks, the other
     way round too; every page with a decoration has change bars; the
     original view's PDF has no decoration at all.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from testlib import check, finish

FO = "{http://www.w3.org/1999/XSL/Format}"


def resc(*args):
    p = subprocess.run([RESC, *args], capture_output=True, check=False)
    if p.returncode not in (0, 1):
        raise SystemExit(f"resc {' '.join(args)}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def marked_spans(text):
    """(inserted, deleted) runs of a marked text view: a footnote reference
    [N] is N on the page, a table's " | " and rules of dashes are drawn,
    not printed."""
    body = re.sub(r"\[(\d+|\*)\]", r"\1", text.split("\n____________\n")[0])
    body = re.sub(r"(?<=\s)(\||-{3,}|[-+|]{3,})(?=\s)", " ", body)
    return re.findall(r"\{\+(.*?)\+\}", body, re.S), re.findall(r"\[-(.*?)-\]", body, re.S)


def marked_words(text):
    """(inserted, deleted) words of a marked text view, as Counters."""
    return tuple(collections.Counter(w for m in spans for w in m.split())
                 for spans in marked_spans(text))


def fo_decorated(root):
    """(underlined, struck) words of an FO tree outside footnote bodies, and
    the decorated inlines without a change bar of their own before them.
    A word may run over several inlines ("CO" and a subscript "2"): the
    decorated text is joined in document order, and only undecorated text
    between two pieces separates them."""
    text = {"underline": [], "line-through": []}
    unbarred = []

    def put(on, chunk):
        for d in text:
            text[d].append(chunk if d == on else " ")

    def walk(e, on):
        if e.tag == FO + "footnote-body":
            return
        inline = e.tag in (FO + "inline", FO + "basic-link")
        if not inline:  # a block, a label, a cell: its words are its own
            put(None, " ")
        d = e.get("text-decoration", "")
        if d in text:
            on = d
        elif d.startswith("no-"):
            on = None
        if e.text:
            put(on, e.text)
        prev = None
        for c in e:
            if c.get("text-decoration") in text and (
                    prev is None or prev.tag != FO + "change-bar-begin"):
                unbarred.append(ET.tostring(c, encoding="unicode")[:120])
            walk(c, on)
            if c.tail:
                put(on, c.tail)
            prev = c
        if not inline:
            put(None, " ")

    walk(root, None)
    under, struck = (collections.Counter("".join(text[d]).split()) for d in text)
    return under, struck, unbarred


def delta(want, got):
    return f"missing {list((want - got).elements())[:12]}, extra {list((got - want).elements())[:12]}"


def test_fo(paths):
    for s in paths:
        name = os.path.basename(s)
        text = resc("build", "-t", "text", "--view", "marked", s)
        ins, dele = marked_words(text)
        if not ins and not dele:
            continue
        root = ET.fromstring(resc("build", "-t", "fo", "--view", "marked", s).encode())
        under, struck, unbarred = fo_decorated(root)
        check(f"{name}: the FO underlines exactly the inserted words", under == ins, delta(ins, under))
        check(f"{name}: the FO strikes through exactly the deleted words", struck == dele,
              delta(dele, struck))
        check(f"{name}: every decorated inline has its change bar", not unbarred, str(unbarred[:3]))


# ------------------------------------------------------------------ pdf

def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def page_drawing(pdf, page, tmp):
    """A page as cairo draws it: its glyphs as (x, baseline y), its thin
    filled rectangles as (x0, x1, y), and its number of stroked lines."""
    svg = os.path.join(tmp, f"p{page}.svg")
    subprocess.run(["pdftocairo", "-svg", "-f", str(page), "-l", str(page), pdf, svg], check=True)
    body = open(svg, encoding="utf-8").read().split("</defs>", 1)[-1]
    glyphs = [(float(x), float(y)) for x, y in
              re.findall(r'<use xlink:href="#glyph[^"]*" x="([-\d.]+)" y="([-\d.]+)"', body)]
    rects, strokes = [], 0
    for style, d in re.findall(r'<path style="([^"]*)" d="([^"]*)"', body):
        if "stroke-width" in style and "fill:none" in style:
            strokes += 1
            continue
        nums = [float(n) for n in re.findall(r"-?[\d.]+", d)]
        xs, ys = nums[0::2], nums[1::2]
        if "fill-rule" in style and len(xs) >= 4 and max(ys) - min(ys) < 1.2 and max(xs) - min(xs) > 1:
            rects.append((min(xs), max(xs), (min(ys) + max(ys)) / 2))
    return glyphs, rects, strokes


def pdf_decorated(pdf, tmp):
    """Glyphs underlined and struck through in the PDF, and the pages with
    a decoration but no change bar. A glyph is decorated when a thin
    rectangle runs through its first point: a few points above its
    baseline (struck through) or at most 3 points below (underlined)."""
    under = struck = 0
    unbarred = []
    for page in range(1, pages(pdf) + 1):
        glyphs, rects, strokes = page_drawing(pdf, page, tmp)
        for gx, gy in glyphs:
            for rx0, rx1, ry in rects:
                if rx0 - 0.2 <= gx + 0.8 <= rx1 and gy - 6 <= ry <= gy + 3:
                    if ry < gy - 1:
                        struck += 1
                    else:
                        under += 1
                    break
        if rects and not strokes:
            unbarred.append(page)
    return under, struck, unbarred


def letters(spans):
    """Characters of the runs as the PDF draws them: cairo draws a space
    between two words as a glyph too, and a line end as none."""
    return sum(len(" ".join(m.split())) for m in spans)


def test_pdf(paths):
    with tempfile.TemporaryDirectory() as tmp:
        for s in paths:
            name = os.path.basename(s)
            ins, dele = marked_spans(resc("build", "-t", "text", "--view", "marked", s))
            pdf = os.path.join(tmp, "marked.pdf")
            resc("build", "-t", "pdf", "--view", "marked", s, "-o", pdf)
            under, struck, unbarred = pdf_decorated(pdf, tmp)
            for what, want, got in (("underlined", letters(ins), under),
                                    ("struck through", letters(dele), struck)):
                check(f"{name}: the PDF has {got} letters {what} where the text view marks {want}"
                      " (within 5 %)", abs(got - want) <= 0.05 * want)
            check(f"{name}: every page with a decoration has change bars", not unbarred,
                  f"pages {unbarred}")
            resc("build", "-t", "pdf", "--view", "original", s, "-o", pdf)
            under, struck, _ = pdf_decorated(pdf, tmp)
            check(f"{name}: the original view's PDF decorates nothing", not under and not struck,
                  f"{under} letters underlined, {struck} struck")


if __name__ == "__main__":
    MODE, RESC, ARGS = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    if MODE == "fo":
        test_fo(sorted(os.path.join(d, f) for d in ARGS for f in os.listdir(d) if f.endswith(".xml")))
    else:
        test_pdf(ARGS)
    finish()
