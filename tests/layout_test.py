#!/usr/bin/env python3
"""One layout in the DOCX and the PDF. usage: layout_test.py RESC DIR...

Every document of every DIR is rendered twice in its default view: as a
DOCX (with --docx-marks format, the marks drawn as the PDF draws them)
that LibreOffice (headless, one run for all files) prints to PDF, and as
resc's own PDF (XSL-FO through FOP). pdftotext -bbox gives every word's
box. The two PDFs must have the same number of pages, and on each of the
first two pages: the lines that start with the same three words in both
start at the same left edge within 1 pt, and where a line has a label
and a tab (a label such as a), 1, 3.3, – or MOD, then a gap of more
than 8 pt that ends at a tab stop), its text
after the tab too; the lines with a label are the same in both; every left edge
of one page is a left edge of the other (a hanging indent in one and not
the other fails). Lines centred are left out (their edges follow
their length); so are the lines centred in one, which are centred
headings that wrap differently.

A line is the words whose boxes share a baseline (within 2 pt); its left
edges are the first word's x and, after a gap wider than a tab's least
(8 pt, which no justified space reaches), the next word's. The page
numbers of the headers ("– 2 –") are left out: they are centred. The
words are not compared (docx_test.py and fo_test.py do that), nor the
vertical positions (LibreOffice and FOP place a baseline differently
within a line of the same height).
"""
import difflib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from testlib import check, finish

RESC, DIRS = os.path.abspath(sys.argv[1]), sys.argv[2:]
TAB_GAP = 8.0
MARGIN = 2 / 2.54 * 72  # 2 cm
# a), b)bis, xii), 1, 3.3, –, MOD: what stands before a tab
LABEL = re.compile(r"[a-z]{1,5}\)(bis|ter|quater)?|\d+(\.\d+)*\)?|[–—•-]|[A-Z]{3}")
TAB_STEP = 0.7 / 2.54 * 72  # 0.7 cm
TOLERANCE = 1.0
PAGES = 2
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def run(*args):
    return subprocess.run(args, capture_output=True, check=False)


def pages(pdf):
    """Per page, its lines, top to bottom: (key, [left edges], centred, text)."""
    out = run("pdftotext", "-bbox", pdf, "-").stdout.decode("utf-8", "replace")
    result = []
    for page in out.split("<page ")[1:]:
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD.findall(page)]
        lines = []
        for w in sorted(words, key=lambda w: (round(w[3]), w[0])):
            if lines and abs(lines[-1][-1][3] - w[3]) <= 2:
                lines[-1].append(w)
            else:
                lines.append([w])
        page_lines = []
        for ws in lines:
            ws.sort(key=lambda w: w[0])
            text = " ".join(w[4] for w in ws)
            if re.fullmatch(r"– \d+ –", text):
                continue
            edges = [ws[0][0]]
            if (len(ws) > 1 and LABEL.fullmatch(ws[0][4]) and ws[1][0] - ws[0][2] > TAB_GAP
                    and at_tab_stop(ws[1][0])):
                edges.append(ws[1][0])
            # centred, and not a justified line from margin to margin
            centred = abs((ws[0][0] + ws[-1][2]) / 2 - width / 2) < 2 and ws[0][0] > MARGIN + 1.5
            page_lines.append((" ".join(w[4] for w in ws[:3]), edges, centred, text))
        result.append(page_lines)
    return result


def at_tab_stop(x):
    """Whether X is one of the tab stops (every 0.7 cm from the margin):
    a justified line's wide space is not a tab."""
    steps = (x - MARGIN) / TAB_STEP
    return steps > 0.5 and abs(steps - round(steps)) * TAB_STEP <= 1.5


def compare(name, lo, fop):
    """LO and FOP: the pages of each PDF. Lines are paired by their first
    three words (LibreOffice breaks lines first-fit, FOP over the whole
    paragraph: the same paragraph may wrap differently, but its first line
    starts with the same words, as do most of its other lines)."""
    check(f"{name}: LibreOffice's PDF of the DOCX and FOP's PDF have as many pages",
          len(lo) == len(fop), f"DOCX {len(lo)} pages, PDF {len(fop)}")
    for n in range(min(PAGES, len(lo), len(fop))):
        a, b = lo[n], fop[n]
        pairs = []
        for block in difflib.SequenceMatcher(None, [x[0] for x in a], [y[0] for y in b],
                                             autojunk=False).get_matching_blocks():
            pairs += [(a[block.a + i], b[block.b + i]) for i in range(block.size)]
        pairs = [(x, y) for x, y in pairs if not (x[2] or y[2])]
        bad = [(x, y) for x, y in pairs if not same_edges(x, y)]
        labelled_a = [x[0] for x in a if len(x[1]) == 2]
        labelled_b = [y[0] for y in b if len(y[1]) == 2]
        paired = [x[0] for x, y in pairs if len(x[1]) == 2 and len(y[1]) == 2]
        check(f"{name}: page {n + 1}: the same labelled lines in both",
              len(labelled_a) == len(labelled_b) == len(paired),
              f"DOCX {len(labelled_a)}, PDF {len(labelled_b)}, paired {len(paired)}: "
              + repr(sorted(set(labelled_a) ^ set(labelled_b))[:6]))
        check(f"{name}: page {n + 1}: labels and text start within {TOLERANCE} pt in both",
              not bad, "\n".join(f"DOCX {x[1]} {x[3][:50]!r}\nPDF  {y[1]} {y[3][:50]!r}"
                                  for x, y in bad)[:3000])
        edges_a = sorted({round(e, 1) for x in a if not x[2] for e in x[1]})
        edges_b = sorted({round(e, 1) for y in b if not y[2] for e in y[1]})
        check(f"{name}: page {n + 1}: every left edge of one is one of the other's",
              all(any(abs(e - f) <= TOLERANCE for f in edges_b) for e in edges_a)
              and all(any(abs(e - f) <= TOLERANCE for f in edges_a) for e in edges_b),
              f"DOCX {edges_a}\nPDF  {edges_b}")
        STATS.append((name, n + 1, len(pairs), len(a), len(b)))


def same_edges(x, y):
    return len(x[1]) == len(y[1]) and all(abs(p - q) <= TOLERANCE for p, q in zip(x[1], y[1]))


STATS = []


def main():
    tmp = tempfile.mkdtemp()
    try:
        docs = sorted(os.path.join(d, f) for d in DIRS for f in os.listdir(d) if f.endswith(".xml"))
        docx_dir, pdf_dir = os.path.join(tmp, "docx"), os.path.join(tmp, "pdf")
        os.makedirs(docx_dir)
        os.makedirs(pdf_dir)
        names = []
        for i, doc in enumerate(docs):
            name = f"{i:03d}-{os.path.basename(doc)[:-4]}"
            p = run(RESC, "build", "-t", "docx", "--docx-marks", "format", doc,
                    "-o", os.path.join(docx_dir, name + ".docx"))
            if p.returncode == 0:
                names.append((name, doc))
        lo = os.path.join(tmp, "lo")
        run("soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
            "--convert-to", "pdf", "--outdir", lo,
            *[os.path.join(docx_dir, n + ".docx") for n, _ in names])

        def fop(item):
            name, doc = item
            return run(RESC, "build", "-t", "pdf", doc, "-o", os.path.join(pdf_dir, name + ".pdf"))

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(fop, names))
        check("documents to compare", len(names) > 0, str(DIRS))
        for name, doc in names:
            a, b = os.path.join(lo, name + ".pdf"), os.path.join(pdf_dir, name + ".pdf")
            if not check(f"{name}: both PDFs made", os.path.exists(a) and os.path.exists(b)):
                continue
            compare(os.path.basename(doc), pages(a), pages(b))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for name, page, paired, lines_lo, lines_fop in STATS:
        print(f"{name} page {page}: {paired} lines paired, {lines_lo} in the DOCX, {lines_fop} in the PDF")
    finish()


main()
