#!/usr/bin/env python3
"""The XSL-FO and PDF outputs (issue 4).

usage: fo_test.py fo RESC DIR...
       fo_test.py pdf RESC DIR...

Every document of every DIR (the samples, tests/vocab).

fo   every sample in every view gives well-formed XSL-FO in the fo
     namespace, with paired change bars, a bookmark tree and a title;
     without fop on PATH, `-t pdf` says what to install and exits 2.
     Needs no FOP.
pdf  every sample in the amended and the marked view (the marked view
     only where its FO differs from the amended one) renders through
     `resc build -t pdf` with exit status 0 and no diagnostic from FOP (a
     warning is a missing glyph, a substituted font, an overflowing line),
     leaves no temporary file, and its text (pdftotext) has the words of
     resc's text view in the same order; a character no configured font
     has fails the build. Needs fop and pdftotext.

How the two texts are made comparable (nothing else is forgiven):
- text view: the marks [- -] {+ +} are removed (the PDF shows them as
  strike-through and underline); a footnote reference [N] becomes N (the
  PDF prints it as a superscript N glued to the word); the footnotes after
  the line of underscores are compared separately (below); a symbol
  footnote's [*] is * as [N] is N; a table's " | " separators and its
  lines of dashes are left out (the PDF draws rules); in a document whose
  tables have cells spanning rows the words are compared in any order, as
  FOP writes such a cell after the other cells of its rows.
- PDF: the text comes in the order FOP wrote it (pdftotext -raw); the
  page-number lines "– N –" of the headers are dropped; a word FOP broke
  across two lines ("hommes-|femmes", "télécommunications/|TIC",
  "SMSI|+20": hyphenation is off, so it adds no hyphen) is joined again
  when the two halves make a word of the text view and are not both words
  of their own.
- footnotes: FOP prints each footnote at the foot of its page, in the
  middle of the body text; each one's words ("N" then its text) must occur
  there as one run, which is then removed before the body is compared.
Words are compared after splitting on white space, which includes the
no-break spaces.
"""
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import scripts
from testlib import check, finish

FO = "http://www.w3.org/1999/XSL/Format"
VIEWS = ("original", "amended", "marked")


def run(args, env=None):
    p = subprocess.run(args, capture_output=True, env=env, check=False)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def samples(directories):
    """The documents of the folders named, and the files named."""
    files = [d for d in directories if d.endswith(".xml")]
    return sorted(files + [os.path.join(d, f) for d in directories if not d.endswith(".xml")
                           for f in os.listdir(d) if f.endswith(".xml")])


# ------------------------------------------------------------------ fo


def check_fo(resc, sample, view):
    name = f"{os.path.basename(sample)} {view}"
    rc, out, err = run([resc, "build", "-t", "fo", "--view", view, sample])
    if not check(f"{name}: resc build -t fo exits 0", rc == 0, err):
        return
    try:
        root = ET.fromstring(out)
    except ET.ParseError as e:
        check(f"{name}: the FO is well-formed XML", False, str(e))
        return
    if not check(f"{name}: the root element is fo:root", root.tag == f"{{{FO}}}root", root.tag):
        return
    begins = [e.get("change-bar-class") for e in root.iter(f"{{{FO}}}change-bar-begin")]
    ends = [e.get("change-bar-class") for e in root.iter(f"{{{FO}}}change-bar-end")]
    check(f"{name}: change-bar-begin and -end pair up",
          sorted(begins) == sorted(ends) and len(set(begins)) == len(begins))
    check(f"{name}: change bars only in the marked view of a marked document",
          bool(begins) == (view == "marked" and has_marks(resc, sample)),
          f"{len(begins)} change bars in the {view} view")
    check(f"{name}: a bookmark", root.find(f"{{{FO}}}bookmark-tree/{{{FO}}}bookmark") is not None)
    title = root.find(".//{http://purl.org/dc/elements/1.1/}title")
    check(f"{name}: a dc:title in fo:declarations",
          title is not None and (title.text or "").strip() != "")
    lang = ET.parse(sample).getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
    seq = root.find(f"{{{FO}}}page-sequence")
    check(f"{name}: the page-sequence has language='{lang}'",
          seq is not None and seq.get("language") == lang)


def has_marks(resc, sample):
    text = run([resc, "build", "-t", "text", "--view", "marked", sample])[1].decode("utf-8")
    return bool(MARKS.search(text))


def check_no_fop(resc, sample):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PATH=tmp)  # an empty directory: no fop
        out = os.path.join(tmp, "out.pdf")
        rc, _, err = run([resc, "build", "-t", "pdf", sample, "-o", out], env=env)
        check("without fop: exit status 2 and what to install",
              rc == 2 and "apt-get install fop fonts-liberation" in err, f"exit {rc}\n{err}")
        check("without fop: no output file is written", not os.path.exists(out))


def test_fo(resc, directory):
    for s in samples(directory):
        for view in VIEWS:
            check_fo(resc, s, view)
    check_no_fop(resc, samples(directory[:1])[0])


# ------------------------------------------------------------------ pdf

MARKS = re.compile(r"\[-|-\]|\{\+|\+\}")
NOTE_REF = re.compile(r"\[(\d+|[*†‡§]+)\]")
NOTE_START = re.compile(r"^\[(\d+|[*†‡§]+)\]\t")
TABLE_RULE = re.compile(r"\||-{3,}")
PAGE_NUMBER = re.compile(r"^– \d+ –$")


def text_view(resc, sample, view):
    """The text view's body words and its footnotes' word lists."""
    rc, out, err = run([resc, "build", "-t", "text", "--view", view, sample])
    if rc != 0:
        raise RuntimeError(f"resc build -t text exits {rc}: {err}")
    text = MARKS.sub("", out.decode("utf-8"))
    body, _, notes = text.partition("\n____________\n")
    note_words = []
    for line in notes.splitlines():
        if NOTE_START.match(line) or not note_words:
            note_words.append([])
        note_words[-1] += NOTE_REF.sub(r"\1", line).split()
    words = [w for w in NOTE_REF.sub(r"\1", body).split() if not TABLE_RULE.fullmatch(w)]
    return words, note_words


def pdf_lines(pdf):
    rc, out, err = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    if rc != 0:
        raise RuntimeError(f"pdftotext exits {rc}: {err}")
    return out.decode("utf-8").replace("\f", "\n").splitlines()


def pdf_words(pdf, vocabulary):
    """The PDF's words in the order FOP wrote them (pdftotext -raw: its
    default layout analysis would gather a column of labels before their
    items), with the words FOP broke across two lines joined again."""
    lines = [line.split() for line in pdf_lines(pdf)]
    words = []
    for line in lines:
        if PAGE_NUMBER.match(" ".join(line)):
            continue
        if words and line and is_broken(words[-1], line[0], vocabulary):
            words[-1] += line.pop(0)
        words += line
    return words


def is_broken(end, start, vocabulary):
    """Whether a line that ends with the word END and a line that starts
    with START split one word: FOP breaks after "-" and "/" and before "+"
    ("hommes-|femmes", "SMSI|+20"), and hyphenation is off, so it adds no
    character. Joined only when the two halves make a word of the text and
    are not both words of their own."""
    return end + start in vocabulary and not (end in vocabulary and start in vocabulary)


def remove_run(words, run_):
    for i in range(len(words) - len(run_) + 1):
        if words[i : i + len(run_)] == run_:
            return words[:i] + words[i + len(run_) :]
    return None


def diff(expected, got):
    lines = difflib.unified_diff(expected, got, "text view", "pdftotext", n=4, lineterm="")
    return "\n".join(list(lines)[:60])


def check_pdf(resc, sample, view, tmp):
    name = f"{os.path.basename(sample)} {view}"
    work = os.path.join(tmp, f"{os.path.basename(sample)}.{view}")
    os.mkdir(work)
    pdf = os.path.join(work, "out.pdf")
    private = os.path.join(work, "tmp")  # resc's TMPDIR: must end up empty
    os.mkdir(private)
    rc, _, err = run(
        [resc, "build", "-t", "pdf", "--view", view, sample, "-o", pdf],
        env=dict(os.environ, TMPDIR=private),
    )
    problems = [line for line in err.splitlines() if line.endswith("[pdf]")]
    if not check(f"{name}: resc build -t pdf exits 0 with no FOP diagnostic",
                 rc == 0 and not problems, err):
        return
    check(f"{name}: no temporary file left behind", not os.listdir(private),
          str(os.listdir(private)))
    with open(pdf, "rb") as f:
        data = f.read()
    check(f"{name}: a PDF with an outline", data.startswith(b"%PDF-") and b"/Outlines" in data)
    body, notes = text_view(resc, sample, view)
    lang = scripts.lang_of(sample)
    if scripts.needs_own_reading(lang):
        # Chinese and Arabic: tests/scripts.py says how they are read
        lines = [line for line in pdf_lines(pdf) if not PAGE_NUMBER.match(line.strip())]
        view_text = " ".join(body + [w for note in notes for w in note])
        problem = scripts.compare(lang, view_text, lines)
        check(f"{name}: the PDF's text is the text view's ({lang}: tests/scripts.py)",
              problem is None, problem or "")
        return
    got = pdf_words(pdf, set(body).union(*notes))
    for note in notes:
        rest = remove_run(got, note)
        if check(f"{name}: footnote found in the PDF", rest is not None, " ".join(note)):
            got = rest
    with open(sample, encoding="utf-8") as f:
        rowspans = "rowspan=" in f.read()
    if rowspans:
        # FOP writes a cell that spans rows after the other cells of
        # those rows: the same words, in another order
        check(f"{name}: the PDF's words are the text view's (cells spanning rows: in any order)",
              sorted(got) == sorted(body), diff(body, got))
    else:
        check(f"{name}: the PDF's words are the text view's", got == body, diff(body, got))


MISSING_GLYPH = """<resolution xmlns="urn:resc:1" xml:lang="en">
  <heading><number>1</number><title>Ideographs 漢字</title></heading>
  <operative><section><call>resolves</call><item><p>one.</p></item></section></operative>
</resolution>
"""


def check_missing_glyph(resc, tmp):
    src = os.path.join(tmp, "glyph.xml")
    with open(src, "w", encoding="utf-8") as f:
        f.write(MISSING_GLYPH)
    pdf = os.path.join(tmp, "glyph.pdf")
    private = os.path.join(tmp, "glyph-tmp")
    os.mkdir(private)
    rc, _, err = run(
        [resc, "build", "-t", "pdf", src, "-o", pdf], env=dict(os.environ, TMPDIR=private)
    )
    check("a missing glyph fails the build with FOP's message",
          rc == 1 and "not available" in err and "[pdf]" in err, f"exit {rc}\n{err}")
    check("a failed PDF build leaves no file behind",
          not os.path.exists(pdf) and not os.listdir(private))


def same_fo(resc, sample):
    """Whether the marked view's FO is the amended view's, byte for byte (a
    text with no revision mark, as every corpus text): its PDF is then made
    once, which halves the time FOP takes on the corpus."""
    fo = [run([resc, "build", "-t", "fo", "--view", v, sample])[1] for v in ("amended", "marked")]
    return fo[0] == fo[1] and fo[0] != b""


def test_pdf(resc, directory):
    tmp = tempfile.mkdtemp(prefix="fo_test-")
    try:
        jobs = [(s, v) for s in samples(directory) for v in ("amended", "marked")
                if v == "amended" or not same_fo(resc, s)]
        # FOP spends most of its time starting the JVM: run a few at once.
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = [pool.submit(check_pdf, resc, s, v, tmp) for s, v in jobs]
            futures.append(pool.submit(check_missing_glyph, resc, tmp))
            for f in futures:
                f.result()
    finally:
        shutil.rmtree(tmp)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("fo", "pdf"):
        sys.exit(__doc__)
    resc, directory = os.path.abspath(sys.argv[2]), sys.argv[3:]
    (test_fo if sys.argv[1] == "fo" else test_pdf)(resc, directory)
    finish()


if __name__ == "__main__":
    main()
