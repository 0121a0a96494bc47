#!/usr/bin/env python3
"""The XSL-FO and PDF outputs (issue 4).

usage: fo_test.py fo RESC SAMPLES_DIR
       fo_test.py pdf RESC SAMPLES_DIR

fo   every sample in every view gives well-formed XSL-FO in the fo
     namespace, with paired change bars, a bookmark tree and a title;
     without fop on PATH, `-t pdf` says what to install and exits 2.
     Needs no FOP.
pdf  every sample in the amended and the marked view renders through
     `resc build -t pdf` with exit status 0 and no diagnostic from FOP (a
     warning is a missing glyph, a substituted font, an overflowing line),
     leaves no temporary file, and its text (pdftotext) has the words of
     resc's text view in the same order; a character no configured font
     has fails the build. Needs fop and pdftotext.

How the two texts are made comparable (nothing else is forgiven):
- text view: the marks [- -] {+ +} are removed (the PDF shows them as
  strike-through and underline); a footnote reference [N] becomes N (the
  PDF prints it as a superscript N glued to the word); the footnotes after
  the line of underscores are compared separately (below).
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

FO = "http://www.w3.org/1999/XSL/Format"
VIEWS = ("original", "amended", "marked")
failures = []


def fail(what, detail=""):
    failures.append(f"FAIL {what}\n{detail}".rstrip())


def run(args, env=None):
    p = subprocess.run(args, capture_output=True, env=env, check=False)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def samples(directory):
    return sorted(os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".xml"))


# ------------------------------------------------------------------ fo


def check_fo(resc, sample, view):
    name = f"{os.path.basename(sample)} {view}"
    rc, out, err = run([resc, "build", "-t", "fo", "--view", view, sample])
    if rc != 0:
        return fail(f"{name}: resc build -t fo exits {rc}", err)
    try:
        root = ET.fromstring(out)
    except ET.ParseError as e:
        return fail(f"{name}: the FO is not well-formed XML", str(e))
    if root.tag != f"{{{FO}}}root":
        return fail(f"{name}: the root element is {root.tag}, not fo:root")
    begins = [e.get("change-bar-class") for e in root.iter(f"{{{FO}}}change-bar-begin")]
    ends = [e.get("change-bar-class") for e in root.iter(f"{{{FO}}}change-bar-end")]
    if sorted(begins) != sorted(ends) or len(set(begins)) != len(begins):
        fail(f"{name}: change-bar-begin and -end do not pair up")
    if bool(begins) != (view == "marked" and has_marks(resc, sample)):
        fail(f"{name}: {len(begins)} change bars in the {view} view")
    if root.find(f"{{{FO}}}bookmark-tree/{{{FO}}}bookmark") is None:
        fail(f"{name}: no bookmark")
    title = root.find(".//{http://purl.org/dc/elements/1.1/}title")
    if title is None or not (title.text or "").strip():
        fail(f"{name}: no dc:title in fo:declarations")
    lang = ET.parse(sample).getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
    seq = root.find(f"{{{FO}}}page-sequence")
    if seq is None or seq.get("language") != lang:
        fail(f"{name}: the page-sequence has no language='{lang}'")


def has_marks(resc, sample):
    text = run([resc, "build", "-t", "text", "--view", "marked", sample])[1].decode("utf-8")
    return bool(MARKS.search(text))


def check_no_fop(resc, sample):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PATH=tmp)  # an empty directory: no fop
        out = os.path.join(tmp, "out.pdf")
        rc, _, err = run([resc, "build", "-t", "pdf", sample, "-o", out], env=env)
        if rc != 2 or "apt-get install fop fonts-liberation" not in err:
            fail("without fop: exit status 2 and what to install", f"exit {rc}\n{err}")
        if os.path.exists(out):
            fail("without fop: an output file was written")


def test_fo(resc, directory):
    for s in samples(directory):
        for view in VIEWS:
            check_fo(resc, s, view)
    check_no_fop(resc, samples(directory)[0])


# ------------------------------------------------------------------ pdf

MARKS = re.compile(r"\[-|-\]|\{\+|\+\}")
NOTE_REF = re.compile(r"\[(\d+)\]")
NOTE_START = re.compile(r"^\[(\d+)\]\t")
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
    return NOTE_REF.sub(r"\1", body).split(), note_words


def pdf_words(pdf, vocabulary):
    """The PDF's words in the order FOP wrote them (pdftotext -raw: its
    default layout analysis would gather a column of labels before their
    items), with the words FOP broke across two lines joined again."""
    rc, out, err = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    if rc != 0:
        raise RuntimeError(f"pdftotext exits {rc}: {err}")
    lines = [line.split() for line in out.decode("utf-8").replace("\f", "\n").splitlines()]
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
    if rc != 0 or problems:
        return fail(f"{name}: resc build -t pdf exits {rc}", err)
    if os.listdir(private):
        fail(f"{name}: temporary files left behind: {os.listdir(private)}")
    with open(pdf, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-") or b"/Outlines" not in data:
        fail(f"{name}: not a PDF with an outline")
    body, notes = text_view(resc, sample, view)
    got = pdf_words(pdf, set(body).union(*notes))
    for note in notes:
        rest = remove_run(got, note)
        if rest is None:
            fail(f"{name}: footnote not found in the PDF", " ".join(note))
        else:
            got = rest
    if got != body:
        fail(f"{name}: the PDF's words differ from the text view's", diff(body, got))


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
    if rc != 1 or "not available" not in err or "[pdf]" not in err:
        fail("a missing glyph fails the build with FOP's message", f"exit {rc}\n{err}")
    if os.path.exists(pdf) or os.listdir(private):
        fail("a failed PDF build leaves no file behind")


def test_pdf(resc, directory):
    tmp = tempfile.mkdtemp(prefix="fo_test-")
    try:
        jobs = [(s, v) for s in samples(directory) for v in ("amended", "marked")]
        # FOP spends most of its time starting the JVM: run a few at once.
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = [pool.submit(check_pdf, resc, s, v, tmp) for s, v in jobs]
            futures.append(pool.submit(check_missing_glyph, resc, tmp))
            for f in futures:
                f.result()
    finally:
        shutil.rmtree(tmp)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("fo", "pdf"):
        sys.exit(__doc__)
    resc, directory = os.path.abspath(sys.argv[2]), sys.argv[3]
    (test_fo if sys.argv[1] == "fo" else test_pdf)(resc, directory)
    for f in failures:
        print(f)
    print(f"{sys.argv[1]}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
