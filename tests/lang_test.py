#!/usr/bin/env python3
"""Arabic, Chinese and Russian through every output (issue 19).
usage: lang_test.py pdf RESC FOP_XCONF SAMPLE...
       lang_test.py uno RESC SAMPLE...
       lang_test.py words RESC

pdf: each SAMPLE checks without error and builds to text, DOCX and PDF;
the PDF's text (pdftotext) is the text view's (word for word; Chinese
character for character, Arabic as tests/scripts.py says), with no '#'
and no U+FFFD; every font of the PDF is embedded and the script's own
font is among them (docs/house-style.md, "Scripts and fonts"); and FOP
itself, run on resc's FO with resc's configuration (FOP_XCONF), prints no
warning but the one notice about a font table that render/pdf.c lets
through, which is shown.

words: in each of the six languages, a text of each kind (resolution,
decision, opinion, recommendation) with an annex, an appendix and an
attachment, inside a proposal with a summary and reasons, prints the
generated words of docs/house-style.md — the heading word with its
number, the annex words, "Summary:" and "Reasons:" — in the text view,
the DOCX (word/document.xml's text) and the FO (its text nodes).

uno: LibreOffice (headless, through UNO) opens each SAMPLE's DOCX: every
paragraph of an Arabic text is right to left (the WritingMode it reports
is RL_TB), every paragraph of another language left to right, and its
text is the text view (lotext.py).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scripts  # noqa: E402
from testlib import check, finish  # noqa: E402

FONT_OF = {"ar": "Scheherazade", "zh": "UMingCN", "ru": "LiberationSerif"}
FOP_NOTICE = "[WARN] GlyphClassTable$CoverageSetClassTable - coverage set class table not yet supported"
PAGE_NUMBER = re.compile(r"^– \d+ –$")


def run(args):
    p = subprocess.run(args, capture_output=True, check=False)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check_builds(resc, sample, tmp):
    name = os.path.basename(sample)
    rc, out, err = run([resc, "check", sample])
    check(f"{name}: checks without error", rc == 0 and ": error:" not in out, out + err)
    outputs = {}
    for fmt in ("text", "docx", "pdf"):
        path = os.path.join(tmp, f"{name}.{fmt}")
        rc, _, err = run([resc, "build", "-t", fmt, sample, "-o", path])
        problems = [line for line in err.splitlines() if line.endswith("[pdf]")]
        if check(f"{name}: builds to {fmt}", rc == 0 and not problems and os.path.getsize(path) > 0,
                 err):
            outputs[fmt] = path
    return outputs


def check_pdf_text(resc, sample, pdf):
    name, lang = os.path.basename(sample), scripts.lang_of(sample)
    rc, raw, err = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    check(f"{name}: pdftotext reads the PDF", rc == 0, err)
    check(f"{name}: no '#' and no U+FFFD in the PDF's text", "#" not in raw and "\ufffd" not in raw,
          raw)
    rc, view, err = run([resc, "build", "-t", "text", sample])
    lines = [line for line in raw.replace("\f", "\n").splitlines()
             if not PAGE_NUMBER.match(line.strip())]
    if scripts.needs_own_reading(lang):
        problem = scripts.compare(lang, view, lines)
    else:
        want, got = view.split(), " ".join(lines).split()
        problem = None if want == got else f"view: {want[:30]}\n pdf: {got[:30]}"
    check(f"{name}: the PDF's text is the text view's ({lang})", problem is None, problem or "")


def check_fonts(sample, pdf):
    name, lang = os.path.basename(sample), scripts.lang_of(sample)
    rc, out, err = run(["pdffonts", pdf])
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    check(f"{name}: pdffonts lists the fonts", rc == 0 and rows, out + err)
    # columns: name type... emb sub uni object ID; emb is the 5th from the end
    check(f"{name}: every font is embedded", all(r[-5] == "yes" for r in rows), out)
    check(f"{name}: the {lang} font {FONT_OF[lang]} is used",
          any(FONT_OF[lang] in r[0] for r in rows), out)


def check_fop_log(resc, xconf, sample, tmp):
    name = os.path.basename(sample)
    fo = os.path.join(tmp, f"{name}.fo")
    rc, _, err = run([resc, "build", "-t", "fo", sample, "-o", fo])
    check(f"{name}: builds to FO", rc == 0, err)
    rc, out, err = run(["fop", "-c", xconf, "-fo", fo, "-pdf", os.path.join(tmp, f"{name}.fop.pdf")])
    log = (out + err).splitlines()
    warnings = [line for line in log
                if re.match(r"(\[WARN\]|\[ERROR\]|\[FATAL\]|WARNING:|SEVERE:)", line)]
    notices = [line for line in warnings if line == FOP_NOTICE]
    check(f"{name}: FOP prints no warning ({len(notices)} font-table notice(s) let through)",
          rc == 0 and len(warnings) == len(notices), "\n".join(warnings))


def test_pdf(resc, xconf, samples):
    tmp = tempfile.mkdtemp(prefix="lang_test-")
    try:
        for sample in samples:
            outputs = check_builds(resc, sample, tmp)
            if "pdf" in outputs:
                check_pdf_text(resc, sample, outputs["pdf"])
                check_fonts(sample, outputs["pdf"])
            check_fop_log(resc, xconf, sample, tmp)
    finally:
        shutil.rmtree(tmp)


def test_uno(resc, samples):
    import uno_office  # LibreOffice's pyuno: imported only here

    from lotext import compare_with_text_view
    tmp = tempfile.mkdtemp(prefix="lang_uno-")
    office = None
    try:
        office, lo = uno_office.start(tmp)
        for sample in samples:
            name, lang = os.path.basename(sample), scripts.lang_of(sample)
            docx = os.path.join(tmp, f"{name}.docx")
            rc, _, err = run([resc, "build", "-t", "docx", sample, "-o", docx])
            if not check(f"{name}: builds to DOCX", rc == 0, err):
                continue
            modes, text = lo.paragraphs(docx, os.path.join(tmp, f"{name}.txt"))
            want = 1 if lang == "ar" else 0  # com.sun.star.text.WritingMode2 RL_TB, LR_TB
            wrong = [(i, m) for i, m in enumerate(modes) if m != want]
            check(f"{name}: LibreOffice reads {len(modes)} paragraphs, each "
                  f"{'right to left' if want else 'left to right'}",
                  modes and not wrong, f"paragraphs with another WritingMode: {wrong[:10]}")
            compare_with_text_view(resc, sample, "marked", text, f"LibreOffice's text of {name}.docx")
    finally:
        uno_office.stop(office, tmp)
    finish()


# The words each language generates (docs/house-style.md, "Words resc
# generates"): the number line of text 7 of each kind, then annex,
# appendix, attachment, summary, reasons.
WORDS = {
    "en": (("RESOLUTION 7", "DECISION 7", "OPINION 7", "RECOMMENDATION 7"),
           ("ANNEX", "APPENDIX", "ATTACHMENT", "Summary:", "Reasons:")),
    "fr": (("RÉSOLUTION 7", "DÉCISION 7", "AVIS 7", "RECOMMANDATION 7"),
           ("ANNEXE", "APPENDICE", "PIÈCE JOINTE", "Résumé:", "Motifs:")),
    "es": (("RESOLUCIÓN 7", "DECISIÓN 7", "OPINIÓN 7", "RECOMENDACIÓN 7"),
           ("ANEXO", "APÉNDICE", "ADJUNTO", "Resumen:", "Motivos:")),
    "ar": (("القرار 7", "المقرر 7", "الرأي 7", "التوصية 7"),
           ("الملحق", "التذييل", "المرفق", "ملخص:", "الأسباب:")),
    "zh": (("第7号决议", "第7号决定", "第7号意见", "第7号建议"),
           ("附件", "附录", "附文", "摘要：", "理由：")),
    "ru": (("РЕЗОЛЮЦИЯ 7", "РЕШЕНИЕ 7", "МНЕНИЕ 7", "РЕКОМЕНДАЦИЯ 7"),
           ("ПРИЛОЖЕНИЕ", "ДОБАВЛЕНИЕ", "ВЛОЖЕНИЕ", "Резюме:", "Основания:")),
}
KINDS = ("resolution", "decision", "opinion", "recommendation")

WORDS_DOC = """<proposal xmlns="urn:resc:1" xml:lang="{lang}" by="X">
  <summary><p>s.</p></summary>
  <amendment action="ADD" ref="X/1/1">
    <resolution kind="{kind}">
      <heading><number>7</number><title>t</title></heading>
      <operative><section><call>c</call><item><p>one.</p></item></section></operative>
      <annex><title>a</title><p>p.</p>
        <annex kind="appendix"><title>b</title><p>p.</p></annex>
        <annex kind="attachment"><title>c</title><p>p.</p></annex>
      </annex>
    </resolution>
    <reasons><p>r.</p></reasons>
  </amendment>
</proposal>
"""


def docx_text(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def fo_text(path):
    import xml.etree.ElementTree as ET
    return "".join(ET.parse(path).getroot().itertext())


def test_words(resc):
    tmp = tempfile.mkdtemp(prefix="lang_words-")
    try:
        for lang, (numbers, others) in WORDS.items():
            for kind, number in zip(KINDS, numbers):
                src = os.path.join(tmp, f"{lang}-{kind}.xml")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(WORDS_DOC.format(lang=lang, kind=kind))
                texts = {}
                for fmt, read in (("text", None), ("docx", docx_text), ("fo", fo_text)):
                    out = os.path.join(tmp, f"{lang}-{kind}.{fmt}")
                    rc, _, err = run([resc, "build", "-t", fmt, src, "-o", out])
                    if not check(f"{lang} {kind}: builds to {fmt}", rc == 0, err):
                        continue
                    if read:
                        texts[fmt] = read(out)
                    else:
                        with open(out, encoding="utf-8") as f:
                            texts[fmt] = f.read()
                for fmt, text in texts.items():
                    missing = [w for w in (number, *others) if w not in text]
                    check(f"{lang} {kind} {fmt}: the generated words", not missing,
                          f"missing {missing} in:\n{text[:600]}")
    finally:
        shutil.rmtree(tmp)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("pdf", "uno", "words"):
        raise SystemExit(__doc__)
    if sys.argv[1] == "words":
        test_words(os.path.abspath(sys.argv[2]))
        finish()
    elif sys.argv[1] == "pdf":
        test_pdf(os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4:])
        finish()
    else:
        test_uno(os.path.abspath(sys.argv[2]), sys.argv[3:])


main()
