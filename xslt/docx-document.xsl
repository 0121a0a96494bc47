<?xml version="1.0" encoding="UTF-8"?>
<!--
  word/document.xml. One paragraph per line of the plain-text view, in the
  ITU house styles (docs/house-style.md): ResNo, Restitle, Resref,
  Normalaftertitle, Call, Normal items with their label and a tab,
  enumlev1-3, AnnexNo, Annextitle, Proposal, Reasons. Labels are literal
  text followed by a tab, never Word numbering, so that what is printed is
  what was checked.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="r x">


  <xsl:template name="document-part">
    <w:document>
      <w:body>
        <xsl:apply-templates select="*"/>
        <!-- ITU documents number pages from the second, in the header
             ("– 2 –", word/header1.xml): the first page has a header of
             its own (w:titlePg), which is empty -->
        <w:sectPr>
          <w:headerReference w:type="default" rel:id="rId4"/>
          <w:pgSz w:w="11906" w:h="16838"/>
          <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"
                   w:header="567" w:footer="567" w:gutter="0"/>
          <w:titlePg/>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <!-- A paragraph of generated words only. -->
  <xsl:template name="word-para">
    <xsl:param name="key"/>
    <xsl:param name="style"/>
    <w:p>
      <w:pPr><w:pStyle w:val="{$style}"/></w:pPr>
      <w:r><w:t><xsl:call-template name="word"><xsl:with-param name="key" select="$key"/></xsl:call-template></w:t></w:r>
    </w:p>
  </xsl:template>

  <!-- ============================================================ proposal -->

  <xsl:template match="r:proposal">
    <xsl:apply-templates select="r:summary | r:section | r:amendment"/>
  </xsl:template>

  <xsl:template match="r:summary">
    <xsl:call-template name="word-para">
      <xsl:with-param name="key" select="'summary'"/>
      <xsl:with-param name="style" select="'Headingb'"/>
    </xsl:call-template>
    <xsl:apply-templates select="r:p"/>
  </xsl:template>

  <xsl:template match="r:proposal/r:section">
    <xsl:for-each select="r:title">
      <xsl:call-template name="para"><xsl:with-param name="style" select="'Headingb'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <xsl:template match="r:amendment">
    <w:p>
      <w:pPr><w:pStyle w:val="Proposal"/></w:pPr>
      <w:r><w:t><xsl:value-of select="@action"/></w:t></w:r>
      <xsl:if test="@ref"><w:r><w:tab/><w:t><xsl:value-of select="@ref"/></w:t></w:r></xsl:if>
    </w:p>
    <xsl:apply-templates select="r:resolution"/>
    <xsl:for-each select="r:reasons">
      <xsl:call-template name="word-para">
        <xsl:with-param name="key" select="'reasons'"/>
        <xsl:with-param name="style" select="'Reasons'"/>
      </xsl:call-template>
      <xsl:apply-templates select="r:p"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ resolution -->

  <xsl:template match="r:resolution">
    <xsl:apply-templates select="r:heading | r:preamble | r:operative | r:annex"/>
  </xsl:template>

  <xsl:template match="r:resolution/r:heading">
    <w:p>
      <w:pPr><w:pStyle w:val="ResNo"/></w:pPr>
      <xsl:choose>
        <!-- (v2) a number with footnotes: the word, then the number's runs -->
        <xsl:when test="r:number/r:footnote">
          <w:r><w:t xml:space="preserve"><xsl:call-template name="number-before"/></w:t></w:r>
          <xsl:apply-templates select="r:number/node()" mode="run"/>
          <w:r><w:t xml:space="preserve"><xsl:call-template name="number-after"/></w:t></w:r>
        </xsl:when>
        <xsl:otherwise>
          <w:r><w:t xml:space="preserve"><xsl:call-template name="number-before"/><xsl:value-of select="r:number"/><xsl:call-template name="number-after"/></w:t></w:r>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="r:note">
        <!-- "Rév. Genève, 2022" keeps its case in an all-caps line -->
        <w:r><w:t xml:space="preserve"><xsl:call-template name="note-open"/></w:t></w:r>
        <xsl:apply-templates mode="run"><xsl:with-param name="fmt" select="'c'"/></xsl:apply-templates>
        <w:r><w:t><xsl:call-template name="note-close"/></w:t></w:r>
      </xsl:for-each>
    </w:p>
    <xsl:for-each select="r:adopted">
      <w:p>
        <w:pPr><w:pStyle w:val="Resref"/></w:pPr>
        <w:r><w:t>(</w:t></w:r>
        <xsl:apply-templates mode="run"/>
        <w:r><w:t>)</w:t></w:r>
      </w:p>
    </xsl:for-each>
    <xsl:for-each select="r:title">
      <xsl:call-template name="para"><xsl:with-param name="style" select="'Restitle'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="r:history"/>
  </xsl:template>

  <xsl:template match="r:history">
    <w:p>
      <w:pPr><w:pStyle w:val="Resref"/></w:pPr>
      <w:r><w:t>(</w:t></w:r>
      <xsl:for-each select="r:event[not(@change = $hide)]">
        <xsl:variable name="text">
          <xsl:if test="position() &gt; 1"><xsl:call-template name="history-sep"/></xsl:if>
          <xsl:value-of select="."/>
        </xsl:variable>
        <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
        <xsl:choose>
          <xsl:when test="$track and $m != ''">
            <xsl:element name="w:{$m}">
              <xsl:call-template name="revision"/>
              <xsl:call-template name="text-run">
                <xsl:with-param name="text" select="$text"/>
                <xsl:with-param name="del" select="number($m = 'del')"/>
              </xsl:call-template>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="text-run">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="fmt" select="substring('US', 1 + number($m = 'del'), number($formatted and $m != ''))"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <w:r><w:t>)</w:t></w:r>
    </w:p>
  </xsl:template>

  <xsl:template match="r:preamble">
    <xsl:for-each select="r:authority">
      <xsl:call-template name="para"><xsl:with-param name="style" select="'Normalaftertitle'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>

  <xsl:template match="r:operative">
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>


  <!-- (v3) Text left out of an extract: a paragraph "…". -->
  <xsl:template match="r:gap">
    <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>&#x2026;</w:t></w:r></w:p>
  </xsl:template>
  <xsl:template match="r:annex">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
      <xsl:variable name="word">
        <xsl:call-template name="annex-word"/>
        <xsl:if test="string($has)"><xsl:text> </xsl:text></xsl:if>
      </xsl:variable>
      <xsl:variable name="suffix">
        <xsl:if test="@heading = 'to-text'"><xsl:call-template name="to-text"/></xsl:if>
      </xsl:variable>
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="'AnnexNo'"/>
        <xsl:with-param name="prefix" select="$word"/>
        <xsl:with-param name="labelled" select="string($has) != ''"/>
        <xsl:with-param name="tab" select="false()"/>
        <xsl:with-param name="content" select="/.."/>
        <xsl:with-param name="suffix" select="string($suffix)"/>
        <xsl:with-param name="ppr" select="substring('page', 1, 4 * (@new-page = 'true'))"/>
      </xsl:call-template>
      <xsl:for-each select="r:title">
        <xsl:call-template name="para"><xsl:with-param name="style" select="'Annextitle'"/></xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="r:section | r:p | r:list | r:table | r:annex"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:if test="not(@change = $hide)">
      <xsl:if test="r:title">
        <!-- (v2) an annex's heading: Heading1, nested ones Heading2 -->
        <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
        <xsl:variable name="section" select="."/>
        <xsl:for-each select="r:title">
          <xsl:call-template name="para">
            <xsl:with-param name="style" select="concat('Heading', 1 + number(boolean($section/parent::r:section)))"/>
            <xsl:with-param name="labelled" select="string($has) != ''"/>
            <xsl:with-param name="label-node" select="$section"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:for-each select="r:call">
        <xsl:call-template name="para"><xsl:with-param name="style" select="'Call'"/></xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="r:item | r:p | r:list | r:table | r:section"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ tables -->

  <!-- (v2) A table: its title (Tabletitle), then a w:tbl the width of the
       text, its grid equal columns (x:cols, from annotate.c), heading
       rows repeated on every page. A row inserted or deleted whole is a
       tracked row (w:trPr/w:ins or w:del) whose paragraphs are tracked
       too. -->
  <xsl:template match="r:table">
    <xsl:if test="not(@change = $hide)">
      <xsl:for-each select="r:title">
        <xsl:call-template name="para"><xsl:with-param name="style" select="'Tabletitle'"/></xsl:call-template>
      </xsl:for-each>
      <xsl:variable name="w" select="floor(9638 div @x:cols)"/>
      <w:tbl>
        <w:tblPr>
          <w:tblW w:w="{$w * @x:cols}" w:type="dxa"/>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
          </w:tblBorders>
          <w:tblLayout w:type="fixed"/>
          <!-- the PDF's cell padding: 2 pt above and below, 4 pt beside -->
          <w:tblCellMar>
            <w:top w:w="40" w:type="dxa"/>
            <w:left w:w="80" w:type="dxa"/>
            <w:bottom w:w="40" w:type="dxa"/>
            <w:right w:w="80" w:type="dxa"/>
          </w:tblCellMar>
          <w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>
        </w:tblPr>
        <w:tblGrid>
          <xsl:call-template name="grid-cols">
            <xsl:with-param name="n" select="@x:cols"/>
            <xsl:with-param name="w" select="$w"/>
          </xsl:call-template>
        </w:tblGrid>
        <xsl:apply-templates select="r:row[not(@change = $hide)]">
          <xsl:with-param name="w" select="$w"/>
        </xsl:apply-templates>
      </w:tbl>
    </xsl:if>
  </xsl:template>

  <xsl:template name="grid-cols">
    <xsl:param name="n"/>
    <xsl:param name="w"/>
    <xsl:if test="$n &gt; 0">
      <w:gridCol w:w="{$w}"/>
      <xsl:call-template name="grid-cols">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="w" select="$w"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:row">
    <xsl:param name="w"/>
    <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
    <w:tr>
      <xsl:if test="@header = 'true' or ($track and $m != '')">
        <w:trPr>
          <xsl:if test="@header = 'true'"><w:tblHeader/></xsl:if>
          <xsl:if test="$track and $m != ''">
            <xsl:element name="w:{$m}"><xsl:call-template name="revision"/></xsl:element>
          </xsl:if>
        </w:trPr>
      </xsl:if>
      <xsl:apply-templates select="r:cell | x:merge">
        <xsl:with-param name="w" select="$w"/>
      </xsl:apply-templates>
    </w:tr>
  </xsl:template>

  <xsl:template match="r:cell">
    <xsl:param name="w"/>
    <xsl:variable name="span" select="number(concat('0', @colspan)) + number(not(@colspan))"/>
    <xsl:variable name="style" select="substring('TabletextTablehead', 1 + 9 * number(../@header = 'true'), 9)"/>
    <xsl:variable name="align" select="string(@align)"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{$w * $span}" w:type="dxa"/>
        <xsl:if test="$span &gt; 1"><w:gridSpan w:val="{$span}"/></xsl:if>
        <xsl:if test="@rowspan &gt; 1"><w:vMerge w:val="restart"/></xsl:if>
      </w:tcPr>
      <xsl:variable name="blocks" select="(r:p | r:list)[not(@change = $hide)]"/>
      <xsl:for-each select="$blocks">
        <xsl:choose>
          <xsl:when test="self::r:p">
            <xsl:call-template name="para">
              <xsl:with-param name="style" select="$style"/>
              <xsl:with-param name="ppr" select="$align"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <!-- a cell ends with a paragraph, even one the view empties -->
      <xsl:if test="not($blocks)"><w:p><w:pPr><w:pStyle w:val="{$style}"/></w:pPr></w:p></xsl:if>
    </w:tc>
  </xsl:template>

  <!-- A cell covered by a rowspan from above. -->
  <xsl:template match="x:merge">
    <xsl:param name="w"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{$w * @colspan}" w:type="dxa"/>
        <xsl:if test="@colspan &gt; 1"><w:gridSpan w:val="{@colspan}"/></xsl:if>
        <w:vMerge/>
      </w:tcPr>
      <w:p/>
    </w:tc>
  </xsl:template>

  <xsl:template match="r:list">
    <xsl:if test="not(@change = $hide)">
      <xsl:apply-templates select="r:item"/>
    </xsl:if>
  </xsl:template>

  <!-- The style of an item's paragraphs: Normal at the top level,
       enumlevN in a list nested N deep. -->
  <xsl:template name="level-style">
    <xsl:param name="depth" select="count(ancestor::r:list[not(@numbering = 'decimal')])"/>
    <xsl:choose>
      <xsl:when test="$depth = 0">Normal</xsl:when>
      <xsl:when test="$depth &gt; 3">enumlev3</xsl:when>
      <xsl:otherwise>enumlev<xsl:value-of select="$depth"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="first" select="r:p[not(@change = $hide)][1]"/>
      <xsl:variable name="item" select="."/>
      <xsl:variable name="depth" select="count(ancestor::r:list[not(@numbering = 'decimal')])"/>
      <xsl:for-each select="$first">
        <xsl:call-template name="para">
          <xsl:with-param name="style" select="normalize-space(substring('Normal  enumlev1enumlev2enumlev3', 1 + 8 * (($depth &gt; 3) * 3 + ($depth &lt;= 3) * $depth), 8))"/>
          <xsl:with-param name="labelled" select="($view = 'original' and string($item/x:label/@o) != '') or ($view = 'amended' and string($item/x:label/@a) != '') or ($view = 'marked' and boolean($item/x:label))"/>
          <xsl:with-param name="label-node" select="$item"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:table)[count(. | $first) != count($first)]"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:p">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="style">
        <xsl:choose>
          <xsl:when test="@indent">enumlev<xsl:value-of select="@indent"/></xsl:when>
          <xsl:when test="parent::r:item"><xsl:call-template name="level-style"/></xsl:when>
          <xsl:otherwise>Normal</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="indent" select="number(concat('0', @indent))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ report -->

  <xsl:template match="r:report">
    <xsl:for-each select="r:heading/r:title | r:heading/r:subtitle">
      <xsl:call-template name="para"><xsl:with-param name="style" select="'Restitle'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="r:fields/r:field | r:section | r:signature"/>
  </xsl:template>

  <xsl:template match="r:field">
    <w:p>
      <w:pPr><w:pStyle w:val="Headingb"/></w:pPr>
      <w:r><w:t xml:space="preserve"><xsl:value-of select="@name"/></w:t></w:r>
    </w:p>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <xsl:template match="r:report//r:section" priority="2">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="head" select="(r:title | r:p[not(@change = $hide)])[1]"/>
      <xsl:variable name="section" select="."/>
      <xsl:for-each select="$head">
        <xsl:call-template name="para">
          <xsl:with-param name="style" select="substring('Heading1Normal', 1 + 8 * number(not(self::r:title)), 8)"/>
          <xsl:with-param name="labelled" select="true()"/>
          <xsl:with-param name="label-node" select="$section"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:section)[count(. | $head) != count($head)]"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:signature">
    <xsl:for-each select="r:name | r:role">
      <xsl:call-template name="para"><xsl:with-param name="style" select="'Signature'"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
