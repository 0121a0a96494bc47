"""LibreOffice's text of a DOCX against resc's text view: what
docx_test.py and uno_tracked_test.py share.

LibreOffice prints a footnote reference as its bare number and leaves the
footnote bodies out, and it prints a tracked change's deleted and inserted
text side by side: resc's [N] (or a symbol footnote's [*]) becomes N, the
footnote block is dropped and the [- -] {+ +} markers are removed. A table
(vocabulary v2) is one line per row in the text view and a paragraph per
cell paragraph in LibreOffice's text, a covered cell an empty one: for a
document with tables the words must be the same, in the same order (the
" | " separators and the lines of dashes aside), and every line of the
text view outside its tables must be a line of LibreOffice's text, in the
same order."""
import difflib
import os
import re
import subprocess

from testlib import check

MARKED = re.compile(r'<(?:ins|del)[ >]|change="')


def resc(program, *args):
    p = subprocess.run([program, *args], capture_output=True, check=False)
    if p.returncode != 0:
        raise SystemExit(f"resc {' '.join(args)} failed: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def text_view(program, sample, view):
    return resc(program, "build", "-t", "text", "--view", view, sample)


def for_libreoffice(text):
    text = text.split("\n____________\n")[0]
    text = re.sub(r"\[(\d+|[*†‡§]+)\]", r"\1", text)
    for mark in ("[-", "-]", "{+", "+}"):
        text = text.replace(mark, "")
    return text.rstrip("\n")


def diff(a, b):
    return "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), "resc",
                                               "consumer", lineterm=""))[:40])


def has_tables(sample):
    with open(sample, encoding="utf-8") as f:
        return "<table" in f.read()


def is_table_line(line):
    return " | " in line or re.fullmatch(r"-{3,}", line) is not None


def table_words(text):
    return [w for w in text.split() if w != "|" and not re.fullmatch(r"-{3,}", w)]


def in_order(lines, within):
    """Whether LINES occur in WITHIN, in order."""
    it = iter(within)
    return all(any(line == other for other in it) for line in lines)


def compare_with_text_view(program, sample, view, got, what):
    """Checks that GOT, LibreOffice's text, is resc's VIEW of SAMPLE."""
    want = for_libreoffice(text_view(program, sample, view))
    if has_tables(sample):
        check(f"{what} has the words of resc's {view} text",
              table_words(got) == table_words(want), diff(want, got))
        outside = [line for line in want.split("\n") if not is_table_line(line)]
        check(f"{what} has the lines outside tables of resc's {view} text",
              in_order(outside, got.split("\n")), diff(want, got))
    else:
        check(f"{what} is resc's {view} text", got == want, diff(want, got))


def marked_documents(program, dirs):
    """The documents of DIRS that hold a revision mark and check clean."""
    found = []
    for d in dirs:
        for f in sorted(os.listdir(d)):
            path = os.path.join(d, f)
            if not f.endswith(".xml"):
                continue
            with open(path, encoding="utf-8") as fh:
                if not MARKED.search(fh.read()):
                    continue
            if subprocess.run([program, "check", path], capture_output=True).returncode == 0:
                found.append(path)
    return found
