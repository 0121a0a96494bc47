"""The text of a PDF in Chinese or Arabic against the text view, for
fo_test.py and lang_test.py (docs/house-style.md, "Scripts and fonts").

The Latin and Cyrillic texts are compared word for word (fo_test.py). Two
scripts need another reading of pdftotext's output:

- Chinese has no spaces between words, and FOP breaks a line between any
  two characters: the two texts are compared character for character with
  all white space removed (labels, punctuation and digits included).
- Arabic is drawn right to left. pdftotext -raw gives each line's words
  from left to right (each Arabic word's letters in reading order), so a
  line's words are reversed to be read. What bidi does to the neutral
  characters around a run of digits or Latin cannot be undone from that
  output (FOP draws "2014-2017" as "2017-2014", as the Unicode bidi
  algorithm says inside Arabic, and mirrors every bracket), so:
  the Arabic words must be the same, in the same order; the numbers and
  Latin words the same, in any order; the punctuation marks the same
  number of each, a bracket of either hand counting as a bracket.
  Presentation forms (the joined shapes FOP's glyphs map to) are folded
  by NFKC and bidi controls dropped first.
"""
import collections
import re
import unicodedata
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+")
LTR_WORD = re.compile("[0-9A-Za-z\u00c0-\u024f]+")
PUNCTUATION = re.compile("[()\\[\\]،؛؟.,:;!?\"“”«»'’/–-]")


def lang_of(sample):
    return ET.parse(sample).getroot().get(XML_LANG, "")


def needs_own_reading(lang):
    return lang in ("zh", "ar")


def _arabic_parts(text):
    marks = collections.Counter(
        "()" if c in "()[]" else c for c in PUNCTUATION.findall(text))
    return ARABIC_WORD.findall(text), sorted(LTR_WORD.findall(text)), marks


def arabic_pdf_text(lines):
    """pdftotext -raw lines of an Arabic PDF in reading order of words."""
    out = []
    for line in lines:
        line = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", line))
        out.append(" ".join(reversed(line.split())))
    return "\n".join(out)


def compare(lang, view_text, pdf_lines):
    """None if the PDF's text (pdftotext -raw lines, page numbers out) is
    the view's text (footnote calls and marks already as the PDF prints
    them), else a short account of the first difference."""
    if lang == "zh":
        want = re.sub(r"\s+", "", view_text)
        got = re.sub(r"\s+", "", "".join(pdf_lines))
        if want == got:
            return None
        i = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
        return f"first difference at character {i}:\n view: {want[i:i + 40]}\n  pdf: {got[i:i + 40]}"
    want = _arabic_parts(unicodedata.normalize("NFKC", view_text))
    got = _arabic_parts(arabic_pdf_text(pdf_lines))
    for what, a, b in zip(("Arabic words", "numbers and Latin words", "punctuation"), want, got):
        if a != b:
            return f"{what} differ:\n view: {a}\n  pdf: {b}"
    return None
