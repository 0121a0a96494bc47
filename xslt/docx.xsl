<?xml version="1.0" encoding="UTF-8"?>
<!--
  The XML parts of a DOCX package that depend on the document, one per run
  of this stylesheet, chosen by the parameter part: document
  (word/document.xml), footnotes (word/footnotes.xml) or core
  (docProps/core.xml). One stylesheet, so that it is compiled once for all
  the parts; each part lives in its own file, included here. The other
  parts, word/styles.xml among them, are fixed: xslt/docx-*.xml. With another
  processor: xsltproc, string parameters part=document and view=marked,
  docx.xsl, then the annotated tree of `resc build -t annotated`.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="docx-common.xsl"/>
  <xsl:include href="docx-document.xsl"/>
  <xsl:include href="docx-footnotes.xsl"/>
  <xsl:include href="docx-core.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" standalone="yes"/>

  <xsl:param name="part" select="'document'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$part = 'footnotes'"><xsl:call-template name="footnotes-part"/></xsl:when>
      <xsl:when test="$part = 'core'"><xsl:call-template name="core-part"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="document-part"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
