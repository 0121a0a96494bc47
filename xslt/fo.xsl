<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO 1.1 in the ITU house style, for
  Apache FOP. It follows text.xsl block for block and prints the same words
  in the same order: where text.xsl writes a line, this writes a block;
  LABEL<TAB> becomes a list-block whose body starts at the 1.4 cm tab stop;
  [-…-] and {+…+} become struck-through and underlined text with a change
  bar in the margin; [N] becomes a footnote at the foot of the page; a
  table's rows become an fo:table (v2).
  Attribute-set names are the ITU Word style names.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    xmlns:meta="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="r x">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="lang" select="string(/*/@xml:lang)"/>

  <!-- The families of the text's script, from xslt/fop.xconf (docs/house-
       style.md, "Scripts and fonts"). FOP picks the font character by
       character, so a character the first family lacks comes from the
       next instead of printing '#' — except inside Arabic, which FOP
       shapes one font at a time: there the naskh comes first and has the
       digits, Latin letters and brackets Arabic texts mix in. -->
  <xsl:variable name="fonts">
    <xsl:choose>
      <xsl:when test="$lang = 'ar'">'Scheherazade', 'Liberation Serif', 'DejaVu Serif'</xsl:when>
      <xsl:when test="$lang = 'zh'">'Liberation Serif', 'AR PL UMing CN', 'DejaVu Serif'</xsl:when>
      <xsl:otherwise>'Liberation Serif', 'DejaVu Serif'</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ styles -->

  <xsl:attribute-set name="Normal">
    <xsl:attribute name="space-before">6pt</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="text-align-last">start</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="ResNo">
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">17pt</xsl:attribute>
    <xsl:attribute name="space-before">12pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Restitle">
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">17pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">18pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Resref">
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="space-before">6pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Normalaftertitle" use-attribute-sets="Normal">
    <xsl:attribute name="space-before">14pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Call">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="start-indent">1.4cm</xsl:attribute>
    <xsl:attribute name="space-before">12pt</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="AnnexNo">
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">17pt</xsl:attribute>
    <xsl:attribute name="space-before">24pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Annextitle" use-attribute-sets="Restitle">
    <xsl:attribute name="space-before">12pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- A run-in bold heading of a proposal or a report. -->
  <xsl:attribute-set name="Headingb">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">12pt</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="Proposal" use-attribute-sets="Headingb">
    <xsl:attribute name="space-before">24pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="FootnoteText">
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="line-height">12pt</xsl:attribute>
    <xsl:attribute name="space-before">3pt</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="text-align-last">start</xsl:attribute>
    <!-- A footnote body inherits from where its reference stands (an
         italic call, an indented list item, an underlined insertion):
         start afresh. -->
    <xsl:attribute name="start-indent">0</xsl:attribute>
    <xsl:attribute name="end-indent">0</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
    <xsl:attribute name="font-style">normal</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
    <xsl:attribute name="text-decoration">no-underline no-line-through</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="FootnoteReference">
    <xsl:attribute name="font-size">8pt</xsl:attribute>
    <xsl:attribute name="baseline-shift">3pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="change-bar">
    <xsl:attribute name="change-bar-placement">start</xsl:attribute>
    <xsl:attribute name="change-bar-offset">0.5cm</xsl:attribute>
    <xsl:attribute name="change-bar-width">1pt</xsl:attribute>
    <xsl:attribute name="change-bar-style">solid</xsl:attribute>
    <xsl:attribute name="change-bar-color">black</xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ levels -->

  <!-- Where a label starts and where the text after its tab starts, by
       list depth (enumlev1-3; a section's own items sit at 0 / 1.4 cm). -->
  <xsl:template name="label-start">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level &lt;= 1">0cm</xsl:when>
      <xsl:when test="$level = 2">1.4cm</xsl:when>
      <xsl:otherwise>2.1cm</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="text-start">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level &lt;= 1">1.4cm</xsl:when>
      <xsl:when test="$level = 2">2.1cm</xsl:when>
      <xsl:otherwise>2.8cm</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ marks -->

  <!-- CONTENT, struck through (M = 'del') or underlined (M = 'ins') with a
       change bar beside its lines; plain otherwise. -->
  <xsl:template name="marked">
    <xsl:param name="m"/>
    <xsl:param name="content" select="node()"/>
    <xsl:choose>
      <xsl:when test="string($m)">
        <xsl:call-template name="bar-begin"/>
        <fo:inline>
          <xsl:call-template name="decoration"><xsl:with-param name="m" select="$m"/></xsl:call-template>
          <xsl:apply-templates select="$content"/>
        </fo:inline>
        <xsl:call-template name="bar-end"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A change bar beside the lines from its begin to its end; the class
       pairs them: the id of the node that carries the mark. -->
  <xsl:template name="bar-begin">
    <fo:change-bar-begin change-bar-class="{generate-id()}" xsl:use-attribute-sets="change-bar"/>
  </xsl:template>
  <xsl:template name="bar-end">
    <fo:change-bar-end change-bar-class="{generate-id()}"/>
  </xsl:template>

  <xsl:template name="decoration">
    <xsl:param name="m"/>
    <xsl:attribute name="text-decoration">
      <xsl:choose>
        <xsl:when test="$m = 'ins'">underline</xsl:when>
        <xsl:otherwise>line-through</xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
  </xsl:template>

  <!-- The inline content of the context node, in the marks of its block:
       what text.xsl's "line" writes between its prefix and the line end. -->
  <xsl:template name="content">
    <xsl:param name="content" select="node()"/>
    <xsl:call-template name="marked">
      <xsl:with-param name="m" select="substring(@x:change, 1, $mark-len)"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>


  <!-- A labelled line: LABEL at START, the context node's content from
       TEXT (the tab stop) on, continuation lines aligned with the text. -->
  <xsl:template name="labelled">
    <xsl:param name="label"/>
    <xsl:param name="start" select="'0cm'"/>
    <xsl:param name="text" select="'1.4cm'"/>
    <xsl:param name="space" select="'6pt'"/>
    <!-- The label's cell widens for a label that would not fit in it (three
         letters, or a marked pair "aaaaab)" in a section of a thousand
         items), as Word's text moves on to the next tab stop. Its width is
         estimated from Times' widths at 12pt, a little over: the usual
         labels keep the tab stop and the FO they always had. -->
    <xsl:variable name="l" select="string($label)"/>
    <xsl:variable name="n" select="string-length($l)"/>
    <xsl:variable name="narrow" select="$n - string-length(translate($l, 'ijlt.,', ''))"/>
    <xsl:variable name="mid" select="$n - string-length(translate($l, 'fr()-s', ''))"/>
    <xsl:variable name="wide" select="$n - string-length(translate($l, 'mwMW', ''))"/>
    <xsl:variable name="width"
        select="3.4 * $narrow + 4.7 * $mid + 9.4 * $wide + 6.1 * ($n - $narrow - $mid - $wide)"/>
    <fo:list-block start-indent="{$start}" space-before="{$space}">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="$width &gt; 35.5">
            <xsl:value-of select="concat('max(', $text, ' - ', $start, ', ', ceiling($width) + 4, 'pt)')"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($text, ' - ', $start)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="provisional-label-separation">2pt</xsl:attribute>
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block text-align="start"><xsl:copy-of select="$label"/></fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block xsl:use-attribute-sets="Normal" space-before="0pt">
            <xsl:call-template name="content"/>
          </fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- ============================================================ roots -->

  <xsl:template match="/">
    <!-- Justified lines stretch their spaces and never shrink them, as
         in Word and LibreOffice: FOP's default lets a space shrink, which
         fits more words on a line than the DOCX does, and the PDF came
         out a page shorter (docs/house-style.md). -->
    <fo:root font-family="{$fonts}" font-size="12pt" line-height="14pt"
        word-spacing.minimum="0pt" word-spacing.optimum="0pt" word-spacing.maximum="12pt">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="first" page-height="29.7cm" page-width="21cm"
            margin="1cm 2cm">
          <fo:region-body margin="1cm 0"/>
          <fo:region-before region-name="header-first" extent="1cm"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="rest" page-height="29.7cm" page-width="21cm"
            margin="1cm 2cm">
          <fo:region-body margin="1cm 0"/>
          <fo:region-before region-name="header-rest" extent="1cm"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="document">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference page-position="first" master-reference="first"/>
            <fo:conditional-page-master-reference page-position="rest" master-reference="rest"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <xsl:call-template name="metadata"/>
      <fo:bookmark-tree>
        <xsl:apply-templates select="*" mode="bookmark"/>
      </fo:bookmark-tree>
      <!-- No hyphenation: FOP ships no patterns, and ITU texts are not
           hyphenated; the language still goes to the PDF. -->
      <fo:page-sequence master-reference="document" hyphenate="false">
        <xsl:if test="$lang"><xsl:attribute name="language"><xsl:value-of select="$lang"/></xsl:attribute></xsl:if>
        <!-- Arabic runs right to left: blocks start at the right margin,
             a label stands right of its text, and FOP's bidi orders the
             Latin and digits inside a line. -->
        <xsl:if test="$lang = 'ar'"><xsl:attribute name="writing-mode">rl-tb</xsl:attribute></xsl:if>
        <!-- ITU documents number pages from the second, in the header:
             "– 2 –". -->
        <fo:static-content flow-name="header-rest">
          <fo:block text-align="center" font-size="10pt">
            <xsl:text>– </xsl:text><fo:page-number/><xsl:text> –</xsl:text>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-footnote-separator">
          <fo:block>
            <fo:leader leader-pattern="rule" leader-length="5cm" rule-thickness="0.5pt"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:apply-templates select="*"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The document title, for the PDF's metadata (FOP copies dc:title to
       the document information dictionary). -->
  <xsl:template name="metadata">
    <fo:declarations>
      <meta:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title><xsl:apply-templates select="*" mode="title"/></dc:title>
            <dc:language><xsl:value-of select="$lang"/></dc:language>
          </rdf:Description>
        </rdf:RDF>
      </meta:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <xsl:template match="r:proposal" mode="title">
    <xsl:apply-templates select="(.//r:resolution)[1]" mode="title"/>
  </xsl:template>
  <xsl:template match="r:resolution" mode="title">
    <xsl:apply-templates select="r:heading" mode="bookmark-title"/>
  </xsl:template>
  <xsl:template match="r:report" mode="title">
    <xsl:apply-templates select="r:heading/r:title" mode="plain"/>
  </xsl:template>

  <xsl:template match="r:proposal">
    <xsl:apply-templates select="r:summary | r:section | r:amendment"/>
  </xsl:template>

  <xsl:template match="r:summary">
    <fo:block xsl:use-attribute-sets="Headingb">
      <xsl:call-template name="word"><xsl:with-param name="key" select="'summary'"/></xsl:call-template>
    </fo:block>
    <xsl:apply-templates select="r:p"/>
  </xsl:template>

  <xsl:template match="r:proposal/r:section">
    <xsl:for-each select="r:title">
      <fo:block xsl:use-attribute-sets="Headingb"><xsl:call-template name="content"/></fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <!-- MOD<TAB>ATU/35A18/1, then the text, then Motifs: and the reasons.
       (v4) "(MOD)" is wider than the three letters the tab stop was set
       for: its number starts a little further. -->
  <xsl:template match="r:amendment">
    <fo:list-block xsl:use-attribute-sets="Proposal" provisional-label-separation="2pt">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="string-length(@action) &gt; 4">1.8cm</xsl:when>
          <xsl:otherwise>1.4cm</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block><xsl:value-of select="@action"/></fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block><xsl:value-of select="@ref"/></fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
    <xsl:apply-templates select="r:resolution"/>
    <xsl:for-each select="r:reasons">
      <fo:block xsl:use-attribute-sets="Headingb">
        <xsl:call-template name="word"><xsl:with-param name="key" select="'reasons'"/></xsl:call-template>
      </fo:block>
      <xsl:apply-templates select="r:p"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ resolution -->

  <xsl:template match="r:resolution">
    <xsl:apply-templates select="r:heading | r:preamble | r:operative | r:annex"/>
  </xsl:template>

  <xsl:template match="r:resolution/r:heading">
    <fo:block xsl:use-attribute-sets="ResNo" id="{generate-id()}">
      <xsl:call-template name="number-before"/>
      <xsl:apply-templates select="r:number/node()"/>
      <xsl:call-template name="number-after"/>
      <xsl:for-each select="r:note">
        <xsl:call-template name="note-open"/><xsl:apply-templates/><xsl:call-template name="note-close"/>
      </xsl:for-each>
    </fo:block>
    <xsl:for-each select="r:adopted">
      <fo:block xsl:use-attribute-sets="Resref">
        <xsl:text>(</xsl:text><xsl:apply-templates/><xsl:text>)</xsl:text>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="r:title">
      <fo:block xsl:use-attribute-sets="Restitle"><xsl:call-template name="content"/></fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:history"/>
  </xsl:template>

  <xsl:template match="r:history">
    <fo:block xsl:use-attribute-sets="Resref">
      <xsl:text>(</xsl:text>
      <xsl:for-each select="r:event[not(@change = $hide)]">
        <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
        <!-- The separator belongs to the event: {+; New Delhi, 2024+}. -->
        <xsl:if test="string($m)"><xsl:call-template name="bar-begin"/></xsl:if>
        <fo:inline>
          <xsl:if test="string($m)">
            <xsl:call-template name="decoration"><xsl:with-param name="m" select="$m"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="position() &gt; 1"><xsl:call-template name="history-sep"/></xsl:if>
          <xsl:value-of select="."/>
        </fo:inline>
        <xsl:if test="string($m)"><xsl:call-template name="bar-end"/></xsl:if>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </fo:block>
  </xsl:template>

  <xsl:template match="r:preamble">
    <xsl:for-each select="r:authority">
      <fo:block xsl:use-attribute-sets="Normalaftertitle"><xsl:call-template name="content"/></fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>

  <xsl:template match="r:operative">
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>


  <!-- (v3) Text left out of an extract: a paragraph "…". -->
  <xsl:template match="r:gap">
    <fo:block xsl:use-attribute-sets="Normal">&#x2026;</fo:block>
  </xsl:template>
  <xsl:template match="r:annex">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
      <fo:block xsl:use-attribute-sets="AnnexNo" id="{generate-id()}">
        <xsl:if test="@new-page = 'true'"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
        <xsl:if test="string($m)"><xsl:call-template name="bar-begin"/></xsl:if>
        <fo:inline>
          <xsl:if test="string($m)">
            <xsl:call-template name="decoration"><xsl:with-param name="m" select="$m"/></xsl:call-template>
          </xsl:if>
          <xsl:call-template name="annex-word"/>
          <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
          <xsl:if test="string($has)">
            <xsl:text> </xsl:text><xsl:call-template name="label"/>
          </xsl:if>
          <xsl:if test="@heading = 'to-text'"><xsl:call-template name="to-text"/></xsl:if>
        </fo:inline>
        <xsl:if test="string($m)"><xsl:call-template name="bar-end"/></xsl:if>
      </fo:block>
      <xsl:for-each select="r:title">
        <fo:block xsl:use-attribute-sets="Annextitle"><xsl:call-template name="content"/></fo:block>
      </xsl:for-each>
      <xsl:apply-templates select="r:section | r:p | r:list | r:table | r:annex"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:if test="not(@change = $hide)">
      <xsl:if test="r:title">
        <!-- (v2) an annex's heading, numbered or not -->
        <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
        <xsl:variable name="label"><xsl:call-template name="label"/></xsl:variable>
        <xsl:for-each select="r:title">
          <fo:block xsl:use-attribute-sets="Headingb" id="{generate-id(..)}">
            <xsl:choose>
              <xsl:when test="string($has)">
                <xsl:call-template name="labelled">
                  <xsl:with-param name="label" select="$label"/>
                  <xsl:with-param name="space" select="'0pt'"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="content"/></xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </xsl:for-each>
      </xsl:if>
      <xsl:for-each select="r:call">
        <fo:block xsl:use-attribute-sets="Call"><xsl:call-template name="content"/></fo:block>
      </xsl:for-each>
      <xsl:apply-templates select="r:item | r:p | r:list | r:table | r:section"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ tables -->

  <!-- (v2) A table: its title, then an fo:table of equal columns
       (x:cols, from annotate.c); the leading heading rows in the
       fo:table-header, which FOP repeats on every page. -->
  <xsl:template match="r:table">
    <xsl:if test="not(@change = $hide)">
      <xsl:for-each select="r:title">
        <fo:block xsl:use-attribute-sets="Normal" text-align="center" text-align-last="center"
            font-weight="bold" keep-with-next.within-page="always">
          <xsl:call-template name="content"/>
        </fo:block>
      </xsl:for-each>
      <xsl:variable name="rows" select="r:row[not(@change = $hide)]"/>
      <xsl:variable name="head" select="$rows[@header = 'true'][not(preceding-sibling::r:row[not(@change = $hide)][not(@header = 'true')])]"/>
      <xsl:variable name="body" select="$rows[count(. | $head) != count($head)]"/>
      <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-before="6pt"
          start-indent="0cm" end-indent="0cm">
        <fo:table-column column-width="proportional-column-width(1)" number-columns-repeated="{@x:cols}"/>
        <xsl:choose>
          <xsl:when test="$body">
            <xsl:if test="$head">
              <fo:table-header><xsl:apply-templates select="$head"/></fo:table-header>
            </xsl:if>
            <fo:table-body><xsl:apply-templates select="$body"/></fo:table-body>
          </xsl:when>
          <xsl:otherwise>
            <fo:table-body><xsl:apply-templates select="$rows"/></fo:table-body>
          </xsl:otherwise>
        </xsl:choose>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:row">
    <fo:table-row keep-together.within-page="always">
      <xsl:apply-templates select="r:cell"/>
    </fo:table-row>
  </xsl:template>

  <!-- A cell: its paragraphs (heading rows bold and centred, unless the
       cell says how to align them) and lists. -->
  <xsl:template match="r:cell">
    <xsl:variable name="header" select="../@header = 'true'"/>
    <xsl:variable name="align">
      <xsl:choose>
        <xsl:when test="@align = 'right'">end</xsl:when>
        <xsl:when test="@align = 'center' or (not(@align) and $header)">center</xsl:when>
        <xsl:otherwise>start</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table-cell border="0.5pt solid black" padding="2pt 4pt">
      <xsl:if test="@colspan &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
      <xsl:if test="@rowspan &gt; 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
      <xsl:variable name="blocks" select="(r:p | r:list)[not(@change = $hide)]"/>
      <xsl:for-each select="$blocks">
        <xsl:choose>
          <xsl:when test="self::r:p">
            <fo:block font-size="11pt" line-height="13pt" text-align="{$align}" space-before="2pt">
              <xsl:if test="$header"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
              <xsl:call-template name="content"/>
            </fo:block>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="not($blocks)"><fo:block/></xsl:if>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="r:list">
    <xsl:if test="not(@change = $hide)">
      <xsl:apply-templates select="r:item"/>
    </xsl:if>
  </xsl:template>

  <!-- An item: its label, the tab and its first paragraph; its other
       paragraphs and lists after, each at its own indent. -->
  <xsl:template match="r:item">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="first" select="r:p[not(@change = $hide)][1]"/>
      <xsl:variable name="level" select="count(ancestor::r:list[not(@numbering = 'decimal')])"/>
      <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
      <xsl:variable name="label"><xsl:call-template name="label"/></xsl:variable>
      <xsl:variable name="start">
        <xsl:call-template name="label-start"><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="space">
        <xsl:choose>
          <xsl:when test="$level &gt; 0">4pt</xsl:when>
          <xsl:otherwise>6pt</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:for-each select="$first">
        <xsl:choose>
          <xsl:when test="string($has)">
            <xsl:call-template name="labelled">
              <xsl:with-param name="label" select="$label"/>
              <xsl:with-param name="start" select="$start"/>
              <xsl:with-param name="text">
                <xsl:choose>
                  <!-- (v2) a decimal label (4.1.2, or two of them in the
                       marked view) gets the room it needs -->
                  <xsl:when test="../../@numbering = 'decimal' and string-length($label) &gt; 5">
                    <xsl:value-of select="concat(format-number(0.23 * string-length($label) + 0.3, '0.00'), 'cm')"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="text-start"><xsl:with-param name="level" select="$level"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="space" select="$space"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <fo:block xsl:use-attribute-sets="Normal" start-indent="{$start}" space-before="{$space}">
              <xsl:call-template name="content"/>
            </fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:table)[count(. | $first) != count($first)]"/>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph; indent="N" puts it where the text of a level-N list
       item starts (text.xsl: N tabs). -->
  <xsl:template match="r:p">
    <xsl:if test="not(@change = $hide)">
      <fo:block xsl:use-attribute-sets="Normal">
        <xsl:if test="@indent">
          <xsl:attribute name="start-indent">
            <xsl:call-template name="text-start"><xsl:with-param name="level" select="number(@indent)"/></xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="space-before">4pt</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="content"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ report -->

  <xsl:template match="r:report">
    <xsl:for-each select="r:heading/r:title">
      <fo:block xsl:use-attribute-sets="Restitle" space-before="0pt" id="{generate-id()}">
        <xsl:call-template name="content"/>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="r:heading/r:subtitle">
      <fo:block xsl:use-attribute-sets="Restitle" font-size="12pt" line-height="14pt" space-before="12pt">
        <xsl:call-template name="content"/>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="r:fields">
      <!-- The summary box of an ITU Council document. -->
      <fo:block border="0.5pt solid black" padding="2pt 6pt 6pt 6pt" space-before="18pt">
        <xsl:apply-templates select="r:field"/>
      </fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:section | r:signature"/>
  </xsl:template>

  <xsl:template match="r:field">
    <fo:block xsl:use-attribute-sets="Headingb" space-before="6pt">
      <xsl:value-of select="@name"/>
    </fo:block>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <!-- A report section: its number and title (bold, a heading), or its
       number and first paragraph when it has no title (a run-in heading). -->
  <xsl:template match="r:report//r:section" priority="2">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="label"><xsl:call-template name="label"/></xsl:variable>
      <xsl:variable name="head" select="(r:title | r:p[not(@change = $hide)])[1]"/>
      <xsl:for-each select="$head">
        <xsl:choose>
          <xsl:when test="self::r:title">
            <fo:block xsl:use-attribute-sets="Headingb" id="{generate-id(..)}">
              <xsl:call-template name="labelled">
                <xsl:with-param name="label" select="$label"/>
                <xsl:with-param name="space" select="'0pt'"/>
              </xsl:call-template>
            </fo:block>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="labelled">
              <xsl:with-param name="label" select="$label"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:section)[count(. | $head) != count($head)]"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:signature">
    <fo:block start-indent="9cm" space-before="24pt" keep-together.within-page="always">
      <xsl:for-each select="r:name | r:role">
        <fo:block><xsl:call-template name="content"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ inline -->

  <xsl:template match="r:ins | r:del">
    <xsl:choose>
      <xsl:when test="$view = 'marked'">
        <xsl:call-template name="marked"><xsl:with-param name="m" select="local-name()"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="local-name() != $hide"><xsl:apply-templates/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:em">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="r:strong">
    <fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="r:sup">
    <fo:inline baseline-shift="super" font-size="75%"><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="r:sub">
    <fo:inline baseline-shift="sub" font-size="75%"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="r:ref">
    <xsl:call-template name="label"/>
  </xsl:template>

  <!-- A second call of a footnote (v2): its number, no second body. -->
  <xsl:template match="r:fnref">
    <fo:inline xsl:use-attribute-sets="FootnoteReference"><xsl:call-template name="footnote-number"/></fo:inline>
  </xsl:template>

  <xsl:template match="x:label"/>

  <!-- The reference where the footnote stands, its text at the foot of the
       page: the number, a tab (hanging indent 255 twips), the paragraphs. -->
  <xsl:template match="r:footnote">
    <xsl:variable name="n"><xsl:call-template name="footnote-number"/></xsl:variable>
    <xsl:variable name="m"><xsl:call-template name="footnote-mark"/></xsl:variable>
    <fo:footnote>
      <fo:inline xsl:use-attribute-sets="FootnoteReference"><xsl:value-of select="$n"/></fo:inline>
      <fo:footnote-body>
        <fo:list-block xsl:use-attribute-sets="FootnoteText"
            provisional-distance-between-starts="0.45cm" provisional-label-separation="1pt">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()">
              <fo:block><fo:inline xsl:use-attribute-sets="FootnoteReference"><xsl:value-of select="$n"/></fo:inline></fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <xsl:for-each select="r:p">
                <fo:block>
                  <xsl:call-template name="marked"><xsl:with-param name="m" select="$m"/></xsl:call-template>
                </fo:block>
              </xsl:for-each>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!-- ============================================================ outline -->

  <!-- Bookmarks: each resolution, its annexes inside; a report's title
       and its sections. Titles are plain text in the view (the amended
       text in the marked view). -->
  <xsl:template match="r:proposal" mode="bookmark">
    <xsl:apply-templates select="r:amendment/r:resolution" mode="bookmark"/>
  </xsl:template>

  <xsl:template match="r:resolution" mode="bookmark">
    <fo:bookmark internal-destination="{generate-id(r:heading)}">
      <fo:bookmark-title><xsl:apply-templates select="r:heading" mode="bookmark-title"/></fo:bookmark-title>
      <xsl:apply-templates select="r:annex[not(@change = $hide)]" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

  <xsl:template match="r:heading" mode="bookmark-title">
    <xsl:call-template name="number-before"/>
    <xsl:value-of select="r:number/text()[1]"/>
    <xsl:call-template name="number-after"/>
    <xsl:text> – </xsl:text>
    <xsl:apply-templates select="r:title" mode="plain"/>
  </xsl:template>

  <xsl:template match="r:annex" mode="bookmark">
    <fo:bookmark internal-destination="{generate-id()}">
      <fo:bookmark-title>
        <xsl:call-template name="annex-word"/>
        <xsl:variable name="n">
          <xsl:call-template name="plain-label"/>
        </xsl:variable>
        <xsl:if test="string($n)"><xsl:value-of select="concat(' ', $n)"/></xsl:if>
        <xsl:text> – </xsl:text>
        <xsl:apply-templates select="r:title" mode="plain"/>
      </fo:bookmark-title>
      <xsl:apply-templates select="r:annex[not(@change = $hide)]" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

  <xsl:template match="r:report" mode="bookmark">
    <fo:bookmark internal-destination="{generate-id(r:heading/r:title)}">
      <fo:bookmark-title><xsl:apply-templates select="r:heading/r:title" mode="plain"/></fo:bookmark-title>
      <xsl:apply-templates select="r:section[r:title][not(@change = $hide)]" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

  <xsl:template match="r:section" mode="bookmark">
    <fo:bookmark internal-destination="{generate-id()}">
      <fo:bookmark-title>
        <xsl:call-template name="plain-label"/>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="r:title" mode="plain"/>
      </fo:bookmark-title>
    </fo:bookmark>
  </xsl:template>

  <!-- A label as plain text: the amended one, the original one in the
       original view or where there is no amended one. -->
  <xsl:template name="plain-label">
    <xsl:choose>
      <xsl:when test="$view = 'original' or not(string(x:label/@a))"><xsl:value-of select="x:label/@o"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="x:label/@a"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:footnote | r:fnref | x:label" mode="plain"/>
  <xsl:template match="r:ins" mode="plain">
    <xsl:if test="$view != 'original'"><xsl:apply-templates mode="plain"/></xsl:if>
  </xsl:template>
  <xsl:template match="r:del" mode="plain">
    <xsl:if test="$view = 'original'"><xsl:apply-templates mode="plain"/></xsl:if>
  </xsl:template>
  <xsl:template match="r:ref" mode="plain">
    <xsl:call-template name="plain-label"/>
  </xsl:template>
</xsl:stylesheet>
