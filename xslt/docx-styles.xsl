<?xml version="1.0" encoding="UTF-8"?>
<!--
  word/styles.xml: the ITU house styles of HOUSE-STYLE.md, by the names ITU
  templates use, so that an editor can paste the output into an ITU
  template and keep working. Times New Roman 12 pt, language from xml:lang.
  Lengths in twips (1 cm = 567), sizes in half-points.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    exclude-result-prefixes="r">


  <xsl:variable name="l" select="string(/*/@xml:lang)"/>
  <xsl:variable name="locale">
    <xsl:choose>
      <xsl:when test="$l = 'fr'">fr-FR</xsl:when>
      <xsl:when test="$l = 'es'">es-ES</xsl:when>
      <xsl:when test="$l = 'ar'">ar-SA</xsl:when>
      <xsl:when test="$l = 'zh'">zh-CN</xsl:when>
      <xsl:when test="$l = 'ru'">ru-RU</xsl:when>
      <xsl:otherwise>en-GB</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="tabs">
    <w:tabs>
      <w:tab w:val="left" w:pos="794"/>
      <w:tab w:val="left" w:pos="1191"/>
      <w:tab w:val="left" w:pos="1588"/>
      <w:tab w:val="left" w:pos="1985"/>
    </w:tabs>
  </xsl:template>

  <xsl:template name="styles-part">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>
            <w:sz w:val="24"/>
            <w:szCs w:val="24"/>
            <w:lang w:val="{$locale}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
        </w:pPrDefault>
      </w:docDefaults>

      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <xsl:call-template name="tabs"/>
          <w:spacing w:before="120" w:line="280" w:lineRule="exact"/>
          <w:jc w:val="both"/>
        </w:pPr>
      </w:style>

      <w:style w:type="paragraph" w:styleId="ResNo">
        <w:name w:val="ResNo"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Restitle"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="480" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:caps/><w:sz w:val="28"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Restitle">
        <w:name w:val="Restitle"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Resref"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="28"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Resref">
        <w:name w:val="Resref"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normalaftertitle"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:i/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Normalaftertitle">
        <w:name w:val="Normal after title"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:spacing w:before="280"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Call">
        <w:name w:val="Call"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240"/><w:ind w:left="794"/><w:jc w:val="left"/></w:pPr>
        <w:rPr><w:i/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="enumlev1">
        <w:name w:val="enumlev1"/>
        <w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:before="80"/><w:ind w:left="794" w:hanging="794"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="enumlev2">
        <w:name w:val="enumlev2"/>
        <w:basedOn w:val="enumlev1"/>
        <w:pPr><w:ind w:left="1191" w:hanging="397"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="enumlev3">
        <w:name w:val="enumlev3"/>
        <w:basedOn w:val="enumlev2"/>
        <w:pPr><w:ind w:left="1588" w:hanging="397"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="AnnexNo">
        <w:name w:val="Annex_No"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Annextitle"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="480" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:caps/><w:sz w:val="28"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Annextitle">
        <w:name w:val="Annex_title"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="280" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="28"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="FootnoteText">
        <w:name w:val="footnote text"/>
        <w:basedOn w:val="Normal"/>
        <w:pPr><w:keepLines/><w:spacing w:before="60" w:line="240" w:lineRule="auto"/><w:ind w:left="255" w:hanging="255"/></w:pPr>
        <w:rPr><w:sz w:val="20"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="FootnoteReference">
        <w:name w:val="footnote reference"/>
        <w:rPr><w:position w:val="6"/><w:sz w:val="16"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Note">
        <w:name w:val="Note"/>
        <w:basedOn w:val="Normal"/>
        <w:rPr><w:sz w:val="20"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Proposal">
        <w:name w:val="Proposal"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:keepNext/><w:spacing w:before="240"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Reasons">
        <w:name w:val="Reasons"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:keepNext/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Headingb">
        <w:name w:val="Heading_b"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:pPr><w:keepNext/><w:spacing w:before="160"/><w:jc w:val="left"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Heading1">
        <w:name w:val="heading 1"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280"/><w:ind w:left="794" w:hanging="794"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Signature">
        <w:name w:val="Signature"/>
        <w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="right"/></w:pPr>
      </w:style>
    </w:styles>
  </xsl:template>
</xsl:stylesheet>
