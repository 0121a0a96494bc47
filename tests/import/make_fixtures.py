#!/usr/bin/env python3
"""Writes the Word fixtures of tests/import/ (NAME.docx), part by part.

They are made to look like the Word files ITU secretariat and delegations
exchange: runs fragmented by editing sessions (w:rsid*), bookmarks (_Toc…),
proofing marks, smart tags, content controls, fields (code and result),
soft hyphens, non-breaking hyphens, symbols, Word automatic numbering,
tracked changes with authors and dates (an item inserted, the next one
relettered by deleting its letter and typing the next, a paragraph deleted
with its mark, text moved), formatting-only revisions, a table (heading row, spans, a row inserted),
a table where none may stand, a text box.

  python3 tests/import/make_fixtures.py            rewrite every NAME.docx here

The archive has fixed timestamps, so the same script gives the same bytes.
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (f'xmlns:w="{W}" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
          'mc:Ignorable="w14"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_rsid = [0x00A1B2C3]


def rsid():
    _rsid[0] = (_rsid[0] * 1103515245 + 12345) & 0xFFFFFF
    return f"00{_rsid[0]:06X}"


# ------------------------------------------------------------------ runs

def r(text, b=False, i=False, u=False, strike=False, sup=False, caps_off=False, rpr_change=False):
    """A run as Word writes it: w:rsidR, properties, xml:space where needed."""
    props = ""
    if b:
        props += "<w:b/><w:bCs/>"
    if i:
        props += "<w:i/><w:iCs/>"
    if caps_off:
        props += '<w:caps w:val="0"/>'
    if strike:
        props += "<w:strike/>"
    if u:
        props += '<w:u w:val="single"/>'
    if sup:
        props += '<w:vertAlign w:val="superscript"/>'
    props += '<w:lang w:val="en-GB"/>'
    if rpr_change:
        props += ('<w:rPrChange w:id="900" w:author="Editor" w:date="2024-05-02T09:00:00Z">'
                  '<w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrChange>')
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<w:r w:rsidR="{rsid()}"><w:rPr>{props}</w:rPr><w:t{space}>{escape(text)}</w:t></w:r>'


def frag(text, **kw):
    """Text split in runs of a few words, as editing sessions leave it."""
    words = text.split(" ")
    out, k = [], 0
    while k < len(words):
        n = 1 + (k * 7 + 3) % 4
        piece = " ".join(words[k:k + n])
        k += n
        out.append(r(piece + (" " if k < len(words) else ""), **kw))
    return "".join(out)


TAB = "<w:r><w:tab/></w:r>"


def deleted(text, author="France", date="2024-05-01T10:20:00Z", rid=[100]):
    rid[0] += 1
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<w:del w:id="{rid[0]}" w:author="{author}" w:date="{date}"><w:r w:rsidDel="{rsid()}">'
            f'<w:delText{space}>{escape(text)}</w:delText></w:r></w:del>')


def inserted(content, author="France", date="2024-05-01T10:20:00Z", rid=[500]):
    rid[0] += 1
    return f'<w:ins w:id="{rid[0]}" w:author="{author}" w:date="{date}">{content}</w:ins>'


def p(style, *content, mark=None, numpr=None, ind=None):
    """A paragraph: style, numbering, indentation, its mark's revision."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numpr:
        ppr += f'<w:numPr><w:ilvl w:val="{numpr[1]}"/><w:numId w:val="{numpr[0]}"/></w:numPr>'
    if ind:
        ppr += f'<w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>'
    if mark:
        ppr += (f'<w:rPr><w:{mark} w:id="{700 + len(content)}" w:author="France" '
                f'w:date="2024-05-01T10:20:00Z"/></w:rPr>')
    return (f'<w:p w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}" w:rsidP="{rsid()}">'
            f'<w:pPr>{ppr}</w:pPr>{"".join(content)}</w:p>')


def bookmark(name, *content, bid=[0]):
    bid[0] += 1
    return (f'<w:bookmarkStart w:id="{bid[0]}" w:name="{name}"/>{"".join(content)}'
            f'<w:bookmarkEnd w:id="{bid[0]}"/>')


def field(code, result):
    """A complex field: its code is dropped, its result kept."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


PROOF = '<w:proofErr w:type="spellStart"/>'
PROOF_END = '<w:proofErr w:type="spellEnd"/>'


def smart(content):
    return (f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
            f'{content}</w:smartTag>')


def sdt(content):
    return (f'<w:sdt><w:sdtPr><w:alias w:val="Title"/><w:id w:val="-1234"/></w:sdtPr>'
            f'<w:sdtContent>{content}</w:sdtContent></w:sdt>')


def footnote_ref(n):
    return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{n}"/></w:r>')


# ------------------------------------------------------------------ parts

STYLES = [  # id, name, based on
    ("Normal", "Normal", None), ("ResNo", "ResNo", "Normal"), ("Restitle", "Restitle", "Normal"),
    ("Resref", "Resref", "Normal"), ("Normalaftertitle", "Normal after title", "Normal"),
    ("Call", "Call", "Normal"), ("enumlev1", "enumlev1", "Normal"),
    ("enumlev2", "enumlev2", "enumlev1"), ("AnnexNo", "Annex_No", "Normal"),
    ("Annextitle", "Annex_title", "Normal"), ("Proposal", "Proposal", "Normal"),
    ("Reasons", "Reasons", "Normal"), ("Headingb", "Heading_b", "Normal"),
    ("FootnoteText", "footnote text", "Normal"), ("ListParagraph", "List Paragraph", "Normal"),
]


def styles_xml(lang, itu=True, styles=None):
    out = [HEAD, f'<w:styles {NSDECL}><w:docDefaults><w:rPrDefault><w:rPr>'
           f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
           f'<w:lang w:val="{lang}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
           '</w:docDefaults>']
    for sid, name, base in styles or STYLES:
        if not itu and sid not in ("Normal", "ListParagraph", "FootnoteText"):
            continue
        extra = ""
        if sid == "Call":
            extra = "<w:rPr><w:i/></w:rPr>"
        if sid == "ResNo":
            extra = "<w:rPr><w:caps/></w:rPr>"
        if sid == "ListParagraph":
            extra = '<w:pPr><w:ind w:left="720"/></w:pPr>'
        based = f'<w:basedOn w:val="{base}"/>' if base else ""
        default = ' w:default="1"' if sid == "Normal" else ""
        out.append(f'<w:style w:type="paragraph"{default} w:styleId="{sid}">'
                   f'<w:name w:val="{name}"/>{based}<w:qFormat/>{extra}</w:style>')
    out.append('<w:style w:type="character" w:styleId="FootnoteReference">'
               '<w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/>'
               '</w:rPr></w:style></w:styles>')
    return "".join(out)


def numbering_xml(abstracts, nums):
    """ABSTRACTS: {id: [(fmt, text), …] per level}; NUMS: [(numId, abstractId, restart)]."""
    out = [HEAD, f'<w:numbering {NSDECL}>']
    for aid, levels in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>')
        for k, (fmt, text) in enumerate(levels):
            out.append(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
                       f'<w:pPr><w:ind w:left="{794 * (k + 1)}" w:hanging="794"/></w:pPr></w:lvl>')
        out.append("</w:abstractNum>")
    for nid, aid, restart in nums:
        over = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                if restart else "")
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def footnotes_xml(notes):
    out = [HEAD, f'<w:footnotes {NSDECL}>',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           '</w:r></w:p></w:footnote>']
    for n, text in notes.items():
        out.append(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                   f'<w:r><w:tab/></w:r>{frag(text)}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def write_docx(name, body, lang, itu=True, numbering=None, footnotes=None, styles=None):
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.styles+xml"/>']
    parts = {"word/styles.xml": styles_xml(lang, itu, styles)}
    if numbering:
        parts["word/numbering.xml"] = numbering
        rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/numbering" Target="numbering.xml"/>')
        types.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
                     'openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
    if footnotes:
        parts["word/footnotes.xml"] = footnotes
        rels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/footnotes" Target="footnotes.xml"/>')
        types.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                     'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    parts["word/document.xml"] = (
        f'{HEAD}<w:document {NSDECL}><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11907" w:h="16840"/></w:sectPr></w:body></w:document>')
    parts["word/_rels/document.xml.rels"] = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{"".join(rels)}</Relationships>')
    parts["_rels/.rels"] = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(types)}</Types>')
    order = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
             "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]
    with zipfile.ZipFile(os.path.join(HERE, name + ".docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for part in order:
            if part in parts:
                info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, parts[part])


# ------------------------------------------------------------------ fixtures

def itu_resolution():
    """Secretariat's text in force: ITU styles, Word's noise everywhere."""
    body = [
        p("ResNo", bookmark("_Toc170000001", frag("Resolution 64 ("), r("Rev. Geneva, 2022", caps_off=True),
                                                 r(")"))),
        p("Restitle", bookmark("_Toc170000002", frag("Internet protocol address allocation and "
                                                     "facilitating the transition to and deployment "
                                                     "of IPv6"))),
        p("Resref", r("(Johannesburg, 2008; Dubai, 2012; "), smart(r("Hammamet")), r(", 2016; Geneva, 2022)")),
        p("Normalaftertitle", r("The World Telecommunication Standardization Assembly ("),
          smart(r("Geneva")), r(", 2022),")),
        p("Call", r("considering", i=True)),
        p("Normal", r("a)"), TAB, frag("the importance of IP\u00adv6 for the growth of the "),
          PROOF, r("Internet"), PROOF_END, r(";")),
        p("Normal", r("b)"), TAB, r("that ITU"), "<w:r><w:noBreakHyphen/></w:r>",
          r("T studies addressing "), sdt(r("in content controls")), r(", with a traffic share "),
          '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', r(" 50 per cent"),
          footnote_ref(1), r(",")),
        p("Call", r("resolves", i=True)),
        p("Normal", r("1"), TAB, frag("to continue the studies referred to in "),
          field("REF _Ref123 \\r \\h", "b)"), r(" of "), r("considering", i=True), r(";")),
        p("Normal", r("2"), TAB,
          '<w:hyperlink r:id="rId9" w:history="1">' + r("to cooperate with the Regional Internet "
                                                       "Registries") + "</w:hyperlink>", r(",")),
        p("Call", r("instructs the Director of the Telecommunication Standardization Bureau", i=True)),
        p("Normal", frag("to report on the progress of this resolution to the next assembly"),
          field("PAGE", ""), r(".")),
        p("AnnexNo", r("ANNEX")),
        p("Annextitle", r("Terms of reference")),
        p("Normal", frag("The group studies addressing; its chairman reports each year.")),
    ]
    write_docx("word-itu-resolution", body, "en-GB",
               footnotes=footnotes_xml({1: "As measured by the secretariat in 2024."}))


def tracked_proposal():
    """A delegation's proposal with Word's tracked changes: an item
    inserted, the next relettered (old letter deleted, new one typed), a
    paragraph deleted with its mark, a sentence moved, a formatting
    revision."""
    body = [
        p("Headingb", r("Résumé:")),
        p("Normal", frag("La France propose de modifier la Résolution 75.")),
        p("Proposal", r("MOD"), TAB, r("F/12A1/1")),
        p("ResNo", r("RÉSOLUTION 75 ("), r("Rév. ", caps_off=True), deleted("Genève, 2022"),
          inserted(r("New Delhi, 2024", caps_off=True)), r(")")),
        p("Restitle", frag("Contribution de l'UIT-T à la mise en œuvre des résultats du SMSI")),
        p("Resref", r("(Johannesburg, 2008; Genève, 2022"), inserted(r("; New Delhi, 2024")), r(")")),
        p("Normalaftertitle", r("L'Assemblée mondiale de normalisation des télécommunications ("),
          deleted("Genève, 2022"), inserted(r("New Delhi, 2024")), r("),")),
        p("Call", r("considérant")),
        p("Normal", r("a)"), TAB, frag("les résultats pertinents des deux phases du SMSI;")),
        p("Normal", inserted(r("b)") + TAB + frag("la Résolution 78/L.49 de l'Assemblée générale;")),
          mark="ins"),
        p("Normal", deleted("b"), inserted(r("c")), r(")"), TAB,
          frag("les Résolutions pertinentes de la Conférence de plénipotentiaires,"),
          r(" ", rpr_change=True)),
        p("Call", r("décide")),
        p("Normal", r("1"), TAB, r("que l'UIT-T doit poursuivre ses travaux"),
          '<w:moveFrom w:id="801" w:author="France" w:date="2024-05-01T10:20:00Z">'
          '<w:r><w:delText xml:space="preserve"> sans délai</w:delText></w:r></w:moveFrom>', r(";")),
        p("Normal", deleted("2") + "<w:del w:id=\"802\" w:author=\"France\" "
          "w:date=\"2024-05-01T10:20:00Z\"><w:r><w:tab/></w:r></w:del>"
          + deleted("que le GCT examine la question chaque année;"), mark="del"),
        p("Normal", deleted("3"), inserted(r("2")), TAB, r("que l'UIT-T contribue"),
          '<w:moveTo w:id="803" w:author="France" w:date="2024-05-01T10:20:00Z">'
          + r(" sans délai") + "</w:moveTo>", r(".")),
        p("Reasons", r("Motifs:")),
        p("Normal", frag("Aligner la Résolution sur la Résolution 1332 du Conseil.")),
    ]
    write_docx("word-tracked-proposal", body, "fr-FR")


def numbered_resolution():
    """A delegation's draft in Normal style only, lettered and numbered
    by Word's automatic numbering (a restart included)."""
    numbering = numbering_xml(
        {0: [("lowerLetter", "%1)"), ("lowerRoman", "%2)")], 1: [("decimal", "%1")]},
        [(1, 0, False), (2, 1, False), (3, 1, True)])
    body = [
        p(None, r("RESOLUTION 12 (Rev. Dubai, 2012)")),
        p(None, r("Strengthening the exchange of information", b=True)),
        p(None, r("(Florianópolis, 2004; Dubai, 2012)", i=True)),
        p(None, frag("The World Telecommunication Standardization Assembly (Dubai, 2012),")),
        p(None, r("considering", i=True)),
        p("ListParagraph", frag("that the exchange of information is essential;"), numpr=(1, 0)),
        p("ListParagraph", frag("that the following are available:"), numpr=(1, 0)),
        p("ListParagraph", frag("mailing lists;"), numpr=(1, 1)),
        p("ListParagraph", frag("wikis,"), numpr=(1, 1)),
        p(None, r("resolves", i=True)),
        p("ListParagraph", frag("to continue the exchange;"), numpr=(2, 0)),
        p("ListParagraph", frag("to report on it,"), numpr=(2, 0)),
        p(None, r("instructs the Director", i=True)),
        p("ListParagraph", frag("to take the measures needed;"), numpr=(3, 0)),
        p("ListParagraph", frag("to report to the next assembly."), numpr=(3, 0)),
    ]
    write_docx("word-numbered-resolution", body, "en-GB", itu=False, numbering=numbering)


def typed_labels():
    """Normal style only, labels typed as text before a tab, in Spanish:
    an interposed b)bis, a roman list nested by indentation, dashes."""
    body = [
        p(None, r("RESOLUCIÓN 2 (Rev. Ginebra, 2022)")),
        p(None, r("Responsabilidad y mandatos de las Comisiones de Estudio")),
        p(None, r("(Ginebra, 2022)")),
        p(None, r("La Asamblea Mundial de Normalización de las Telecomunicaciones (Ginebra, 2022),")),
        p(None, r("considerando", i=True)),
        p(None, r("a)"), TAB, frag("que las Comisiones de Estudio son esenciales;")),
        p(None, r("b)"), TAB, frag("que sus mandatos evolucionan;")),
        p(None, r("b)bis"), TAB, frag("que las tareas se reparten;")),
        p(None, r("c)"), TAB, frag("que se reúnen dos veces al año, en particular:")),
        p(None, r("i)"), TAB, frag("en Ginebra;"), ind=(1191, 397)),
        p(None, r("ii)"), TAB, frag("en otras regiones,"), ind=(1191, 397)),
        p(None, r("resuelve", i=True)),
        p(None, r("1"), TAB, frag("que cada Comisión de Estudio actúe según su mandato:")),
        p(None, r("\u2013"), TAB, frag("en cooperación;"), ind=(1191, 397)),
        p(None, r("\u2013"), TAB, frag("con transparencia;"), ind=(1191, 397)),
        p(None, r("2"), TAB, frag("que el GANT coordine su trabajo.")),
    ]
    write_docx("word-typed-labels", body, "es-ES", itu=False)


def normal_proposal_fr():
    """A delegation's proposal typed in Normal style only, in French:
    the MOD line, labels typed with spaces rather than a tab, Word's
    tracked changes, the reasons."""
    body = [
        p(None, r("Résumé:")),
        p(None, frag("Le Brésil propose de modifier la Résolution 1.")),
        p(None, r("MOD BRA/7/1")),
        p(None, r("RÉSOLUTION 1 (Rév. "), deleted("Genève, 2022"), inserted(r("New Delhi, 2024")),
          r(")")),
        p(None, r("Règlement intérieur de l'UIT-T")),
        p(None, r("(Helsinki, 1993; Genève, 2022"), inserted(r("; New Delhi, 2024")), r(")")),
        p(None, r("L'Assemblée mondiale de normalisation des télécommunications ("),
          deleted("Genève, 2022"), inserted(r("New Delhi, 2024")), r("),")),
        p(None, r("considérant", i=True)),
        p(None, r("a) "), frag("que le règlement doit être clair;")),
        p(None, inserted(r("b) ") + frag("que les méthodes de travail évoluent;")), mark="ins"),
        p(None, deleted("b"), inserted(r("c")), r(") "), frag("que la transparence est essentielle,")),
        p(None, r("décide", i=True)),
        p(None, frag("d'adopter le règlement intérieur figurant dans l'Annexe.")),
        p(None, r("Motifs:")),
        p(None, frag("Tenir compte des nouvelles méthodes de travail.")),
    ]
    write_docx("word-normal-proposal-fr", body, "fr-FR", itu=False)


def format_marks():
    """A printed ITU proposal: insertions underlined, deletions struck."""
    body = [
        p("Proposal", r("MOD"), TAB, r("ATU/35A18/1")),
        p("ResNo", r("RÉSOLUTION 75 (Rév. "), r("Genève, 2022", strike=True),
          r("New Delhi, 2024", u=True), r(")")),
        p("Restitle", r("Contribution de l'UIT-T")),
        p("Call", r("considérant", strike=True), r("rappelant", u=True)),
        p("Normal", r("a)"), TAB, r("les résultats du SMSI;")),
        p("Normal", r("b)", u=True), r("\t", u=True), r("la Résolution 78/L.49;", u=True)),
        p("Normal", r("b", strike=True), r("c", u=True), r(")"), TAB, r("les Résolutions pertinentes.")),
    ]
    write_docx("word-format-marks", body, "fr-FR")


def unmapped():
    """What the vocabulary has no place for: a table, a text box."""
    textbox = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
               '<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
               + p("Normal", r("Draft for discussion"))
               + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
               '</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
               + p("Normal", r("Draft for discussion"))
               + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    def tc(*paras, pr=""):
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{''.join(paras) or p('Normal')}</w:tc>"

    def tr(*cells, pr=""):
        return f"<w:tr><w:trPr>{pr}</w:trPr>{''.join(cells)}</w:tr>"

    # a heading row, a vertical merge (its continuation holding text),
    # a column span, a row inserted whole, a change in a cell
    table = ("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
             + tr(tc(p("Normal", r("Region"))), tc(p("Normal", r("Members"))),
                  pr="<w:tblHeader/>")
             + tr(tc(p("Normal", r("Africa")), pr='<w:vMerge w:val="restart"/>'),
                  tc(p("Normal", deleted("53"), inserted(r("54")))))
             + tr(tc(p("Normal", r("(AU)")), pr="<w:vMerge/>"), tc(p("Normal", r("observers"))))
             + tr(tc(p("Normal", inserted(r("Asia"))), pr='<w:vMerge w:val="restart"/>'),
                  tc(p("Normal", inserted(r("38")))),
                  pr='<w:ins w:id="900" w:author="France" w:date="2024-05-01T10:20:00Z"/>')
             + tr(tc(p("Normal", r("Total: 54 Members and observers")), pr='<w:gridSpan w:val="2"/>'))
             + "</w:tbl>")
    body = [
        p("ResNo", r("RESOLUTION 99")),
        p("Restitle", r("Regional participation")),
        p("Call", r("considering")),
        p("Normal", r("a)"), TAB, r("the participation shown below;"), textbox),
        table,
        p("Normal", r("b)"), TAB, r("the need for balance,")),
        p("Call", r("resolves")),
        p("Normal", r("to encourage participation.")),
    ]
    write_docx("word-unmapped", body, "en-GB")


def table_unplaced():
    """A table where the vocabulary takes none (a proposal's summary): its
    paragraphs are kept as paragraphs, with a warning."""
    table = ("<w:tbl>"
             + "".join("<w:tr>" + "".join(f"<w:tc>{p('Normal', r(cell))}</w:tc>" for cell in row)
                       + "</w:tr>" for row in (("Resolution", "Action"), ("5", "MOD")))
             + "</w:tbl>")
    body = [
        p("Headingb", r("Summary:")),
        table,
        p("Normal", r("One resolution is modified.")),
        p("Proposal", r("MOD"), TAB, r("ATU/1/1")),
        p("ResNo", r("RESOLUTION 5")),
        p("Restitle", r("Reports")),
        p("Call", r("resolves")),
        p("Normal", r("to publish "), inserted(r("annual ")), r("reports.")),
        # the reasons' heading word and their text in one paragraph
        p("Reasons", r("Reasons:", b=True), TAB, r("Clarity.")),
    ]
    write_docx("word-table-unplaced", body, "en-GB")


# The cover page of an ITU proposal (WTSA-24 contributions: the source,
# the title, then the summary; no heading), in the styles of the ITU
# templates (Source, Title1)
COVER_STYLES = STYLES + [("Source", "Source", "Normal"), ("Title1", "Title 1", "Normal")]
def res75_en():
    """Resolution 75 (Rev. Geneva, 2022), its heading and two operative
    items, as a delegation amends it for New Delhi, 2024."""
    return [
        p("ResNo", r("RESOLUTION 75 (Rev. "), deleted("Geneva, 2022"),
          inserted(r("New Delhi, 2024")), r(")")),
        p("Restitle", frag("Contribution of the ITU Telecommunication Standardization Sector to "
                           "the implementation of the outcomes of the World Summit on the "
                           "Information Society")),
        p("Resref", r("(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022"),
          inserted(r("; New Delhi, 2024")), r(")")),
        p("Normalaftertitle", r("The World Telecommunication Standardization Assembly ("),
          deleted("Geneva, 2022"), inserted(r("New Delhi, 2024")), r("),")),
        p("Call", r("resolves", i=True)),
        p("Normal", r("1"), TAB, frag("that ITU-T shall continue its work on the implementation "
                                      "of the WSIS outcomes;")),
        p("Normal", r("2"), TAB, frag("to report annually to the Council"),
          inserted(r(" and to the next assembly")), r(".")),
    ]


def proposal_cover():
    """A delegation's proposal as WTSA-24 files look: the cover (Source,
    Title1, then the summary typed after its word in one Normal paragraph)
    with no heading, the MOD line, the reasons after their word."""
    body = [
        p("Source", r("African Telecommunications Union Administrations")),
        p("Title1", r("PROPOSED MODIFICATION OF RESOLUTION 75")),
        p("Normal", r("Summary:", b=True), TAB,
          frag("This contribution proposes to modify Resolution 75 so that the assembly reports "
               "to the next one.")),
        p("Proposal", r("MOD"), TAB, r("ATU/35A18/1")),
        *res75_en(),
        p("Reasons", r("Reasons:", b=True), TAB, frag("To follow the implementation closely.")),
    ]
    write_docx("word-proposal-cover", body, "en-GB", styles=COVER_STYLES)


def proposal_no_action():
    """A draft whose MOD line was left out: the summary paragraph, then the
    resolution's number line, then the reasons (Normal style only)."""
    normal = [p(None, para.split("</w:pPr>", 1)[1][:-len("</w:p>")]) for para in res75_en()]
    body = [
        p(None, frag("The African Telecommunications Union proposes to modify Resolution 75.")),
        *normal,
        p(None, r("Reasons:"), TAB, frag("To follow the implementation closely.")),
    ]
    write_docx("word-proposal-no-action", body, "en-GB", itu=False)


def table_lists():
    """Lists in table cells, as the study groups' table of WTSA Resolution 2
    (Annex B) sets them out: labels typed before a tab in enumlev1 and
    enumlev2 paragraphs, Word's automatic numbering, dashes, an item
    inserted under track changes (the next relettered), a decimal label
    that stays text."""
    numbering = numbering_xml({0: [("lowerLetter", "%1)")]}, [(1, 0, False)])

    def tc(*paras):
        return f"<w:tc>{''.join(paras)}</w:tc>"

    def tr(*cells, header=False):
        pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{pr}{''.join(cells)}</w:tr>"

    table = ("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
             + tr(tc(p("Normal", r("Study group"))), tc(p("Normal", r("Lead study group roles"))),
                  header=True)
             + tr(tc(p("Normal", r("SG 2"))),
                  tc(p("Normal", frag("Lead study group on:")),
                     p("enumlev1", r("a)"), TAB, frag("service definition;")),
                     p("enumlev1", inserted(r("b)") + TAB + frag("numbering and routing;")),
                       mark="ins"),
                     p("enumlev1", deleted("b"), inserted(r("c")), r(")"), TAB,
                       frag("telecommunication management, in particular:")),
                     p("enumlev2", r("i)"), TAB, frag("network management;")),
                     p("enumlev2", r("ii)"), TAB, frag("service management.")),
                     p("Normal", frag("See also Resolution 40."))))
             + tr(tc(p("Normal", r("SG 3"))),
                  tc(p("Normal", frag("tariff and accounting principles;"), numpr=(1, 0)),
                     p("Normal", frag("economic and policy issues."), numpr=(1, 0))))
             + tr(tc(p("Normal", r("SG 5"))),
                  tc(p("enumlev1", r("\u2013"), TAB, frag("environment;")),
                     p("enumlev1", r("\u2013"), TAB, frag("circular economy.")),
                     p("Normal", r("4.1"), TAB, frag("as in Annex A."))))
             + "</w:tbl>")
    body = [
        p("ResNo", r("RESOLUTION 2 (Rev. Geneva, 2022)")),
        p("Restitle", r("Study group responsibility and mandates")),
        p("Call", r("resolves", i=True)),
        p("Normal", frag("that the lead study group roles are those of Annex B.")),
        p("AnnexNo", r("ANNEX A")),
        p("Annextitle", r("Study groups")),
        p("Normal", frag("The study groups are those of the table in Annex B.")),
        p("AnnexNo", r("ANNEX B")),
        p("Annextitle", r("Lead study group roles")),
        table,
        p("Normal", frag("The roles are reviewed by each assembly.")),
    ]
    write_docx("word-table-lists", body, "en-GB", numbering=numbering)


if __name__ == "__main__":
    for make in (itu_resolution, tracked_proposal, numbered_resolution, typed_labels,
                 normal_proposal_fr, format_marks, unmapped, table_unplaced, proposal_cover,
                 proposal_no_action, table_lists):
        make()
