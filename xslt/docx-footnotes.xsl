<?xml version="1.0" encoding="UTF-8"?>
<!--
  word/footnotes.xml: the separator footnotes Word expects (ids -1 and 0),
  then every footnote visible in the view, with the id its reference in
  document.xml carries (its marked-view number, unique in the document).
  Word numbers footnotes by their order, which is the view's numbering.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    exclude-result-prefixes="r x">


  <xsl:template name="footnotes-part">
    <w:footnotes>
      <w:footnote w:type="separator" w:id="-1">
        <w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p>
      </w:footnote>
      <w:footnote w:type="continuationSeparator" w:id="0">
        <w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>
      </w:footnote>
      <xsl:apply-templates select="$visible-footnotes" mode="body"/>
    </w:footnotes>
  </xsl:template>

  <!-- In the marked view a footnote inside inserted or deleted text is
       itself inserted or deleted. -->
  <xsl:template match="r:footnote" mode="body">
    <xsl:variable name="m"><xsl:call-template name="footnote-mark"/></xsl:variable>
    <xsl:variable name="mark" select="(ancestor::r:ins | ancestor::r:del | ancestor::*[@change])[last()]"/>
    <w:footnote w:id="{@x:n}">
      <xsl:for-each select="r:p">
        <!-- revision ids: this paragraph's own (it lies in the change) -->
        <xsl:variable name="rid" select="number(@x:id)"/>
        <w:p>
          <w:pPr>
            <w:pStyle w:val="FootnoteText"/>
            <xsl:if test="$track and $m != ''">
              <w:rPr>
                <xsl:for-each select="$mark">
                  <xsl:element name="w:{$m}"><xsl:call-template name="revision"><xsl:with-param name="id" select="$rid + 1"/></xsl:call-template></xsl:element>
                </xsl:for-each>
              </w:rPr>
            </xsl:if>
          </w:pPr>
          <xsl:if test="position() = 1">
            <xsl:choose>
              <!-- a symbol footnote (v2) prints its mark -->
              <xsl:when test="../@mark">
                <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t><xsl:value-of select="../@mark"/></w:t></w:r>
              </xsl:when>
              <xsl:otherwise>
                <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
              </xsl:otherwise>
            </xsl:choose>
            <w:r><w:tab/></w:r>
          </xsl:if>
          <xsl:variable name="fmt" select="substring('US', 1 + number($m = 'del'), number($formatted and $m != ''))"/>
          <xsl:choose>
            <xsl:when test="$track and $m != ''">
              <xsl:variable name="p" select="."/>
              <xsl:for-each select="$mark">
                <xsl:element name="w:{$m}">
                  <xsl:call-template name="revision"><xsl:with-param name="id" select="$rid"/></xsl:call-template>
                  <xsl:apply-templates select="$p/node()" mode="run">
                    <xsl:with-param name="del" select="number($m = 'del')"/>
                  </xsl:apply-templates>
                </xsl:element>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates mode="run"><xsl:with-param name="fmt" select="$fmt"/></xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
        </w:p>
      </xsl:for-each>
    </w:footnote>
  </xsl:template>
</xsl:stylesheet>
