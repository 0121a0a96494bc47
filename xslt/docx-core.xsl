<?xml version="1.0" encoding="UTF-8"?>
<!--
  docProps/core.xml: the title of the (first) resolution or report in the
  view, and its language. No dates, so that the same input gives the same
  bytes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:dcterms="http://purl.org/dc/terms/"
    exclude-result-prefixes="r x">


  <xsl:template name="core-part">
    <xsl:variable name="heading" select="(//r:resolution/r:heading | /r:report/r:heading)[1]"/>
    <cp:coreProperties>
      <dc:title>
        <xsl:for-each select="$heading[r:number]">
          <xsl:call-template name="number-before"/>
          <xsl:value-of select="r:number"/>
          <xsl:call-template name="number-after"/>
          <xsl:text> – </xsl:text>
        </xsl:for-each>
        <xsl:apply-templates select="$heading/r:title/node()" mode="core"/>
      </dc:title>
      <dc:creator>resc</dc:creator>
      <dc:language><xsl:value-of select="/*/@xml:lang"/></dc:language>
    </cp:coreProperties>
  </xsl:template>

  <xsl:template match="r:ins" mode="core"><xsl:if test="$view != 'original'"><xsl:apply-templates mode="core"/></xsl:if></xsl:template>
  <xsl:template match="r:del" mode="core"><xsl:if test="$view = 'original'"><xsl:apply-templates mode="core"/></xsl:if></xsl:template>
  <xsl:template match="r:footnote | x:label" mode="core"/>
</xsl:stylesheet>
