<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every format's stylesheet: the view, what is visible in it,
  labels, footnote numbers and the words the compiler generates. The
  input is the annotated tree written by `resc build -t xml`: labels and
  numbers are already computed (x:label, @x:o/@x:a/@x:m); nothing here
  counts or resolves.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    exclude-result-prefixes="r x">

  <!-- original | amended | marked -->
  <xsl:param name="view" select="'marked'"/>

  <!-- What a view leaves out: deletions from the amended text ('del'),
       insertions from the original ('ins'), nothing from the marked
       view (''). -->
  <xsl:variable name="hide"
      select="substring('delins', 1 + 3 * number($view = 'original'), 3 * number($view != 'marked'))"/>

  <!-- The footnotes the view shows, in document order: not those inside
       what it leaves out (a changed block, or an inline mark). -->
  <xsl:variable name="visible-footnotes"
      select="//r:footnote[not(ancestor-or-self::*/@change = $hide)]
              [not($hide = 'del' and ancestor::r:del) and not($hide = 'ins' and ancestor::r:ins)]"/>

  <!-- The mark that governs a block in the marked view is its own change
       or its nearest changed ancestor's, which annotate.c wrote as
       x:change: substring(@x:change, 1, $mark-len) is 'ins', 'del' or ''
       (always '' outside the marked view). An expression, not a template
       call: a variable made by a call is a result tree fragment, built
       anew for every block. -->
  <xsl:variable name="mark-len" select="3 * number($view = 'marked')"/>

  <!-- The same for a footnote body, which may sit inside inline marks. -->
  <xsl:template name="footnote-mark">
    <xsl:if test="$view = 'marked'">
      <xsl:variable name="m" select="(ancestor::r:ins | ancestor::r:del | ancestor::*[@change])[last()]"/>
      <xsl:choose>
        <xsl:when test="$m/@change"><xsl:value-of select="$m/@change"/></xsl:when>
        <xsl:when test="$m"><xsl:value-of select="local-name($m)"/></xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A footnote's number in the view. -->
  <xsl:template name="footnote-number">
    <xsl:choose>
      <xsl:when test="$view = 'original'"><xsl:value-of select="@x:o"/></xsl:when>
      <xsl:when test="$view = 'amended'"><xsl:value-of select="@x:a"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@x:m"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether the context element has a label in the view. -->
  <xsl:template name="has-label">
    <xsl:choose>
      <xsl:when test="$view = 'original'"><xsl:if test="string(x:label/@o)">1</xsl:if></xsl:when>
      <xsl:when test="$view = 'amended'"><xsl:if test="string(x:label/@a)">1</xsl:if></xsl:when>
      <xsl:otherwise><xsl:if test="x:label">1</xsl:if></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of the context node in the view: text in the original
       and amended views; in the marked view its x:label content, whose
       ins and del each format renders its own way. -->
  <xsl:template name="label">
    <xsl:choose>
      <xsl:when test="$view = 'original'"><xsl:value-of select="x:label/@o"/></xsl:when>
      <xsl:when test="$view = 'amended'"><xsl:value-of select="x:label/@a"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="x:label/node()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Words the compiler generates, by the language of the text. -->
  <xsl:template name="word">
    <xsl:param name="key"/>
    <xsl:variable name="l" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:choose>
      <xsl:when test="$key = 'resolution'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">RÉSOLUTION</xsl:when>
          <xsl:when test="$l = 'es'">RESOLUCIÓN</xsl:when>
          <xsl:when test="$l = 'ar'">القرار</xsl:when>
          <xsl:when test="$l = 'zh'">决议</xsl:when>
          <xsl:when test="$l = 'ru'">РЕЗОЛЮЦИЯ</xsl:when>
          <xsl:otherwise>RESOLUTION</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'annex'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">ANNEXE</xsl:when>
          <xsl:when test="$l = 'es'">ANEXO</xsl:when>
          <xsl:when test="$l = 'ar'">الملحق</xsl:when>
          <xsl:when test="$l = 'zh'">附件</xsl:when>
          <xsl:when test="$l = 'ru'">ПРИЛОЖЕНИЕ</xsl:when>
          <xsl:otherwise>ANNEX</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'reasons'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">Motifs:</xsl:when>
          <xsl:when test="$l = 'es'">Motivos:</xsl:when>
          <xsl:when test="$l = 'ar'">الأسباب:</xsl:when>
          <xsl:when test="$l = 'zh'">理由：</xsl:when>
          <xsl:when test="$l = 'ru'">Основания:</xsl:when>
          <xsl:otherwise>Reasons:</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'summary'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">Résumé:</xsl:when>
          <xsl:when test="$l = 'es'">Resumen:</xsl:when>
          <xsl:when test="$l = 'ar'">ملخص:</xsl:when>
          <xsl:when test="$l = 'zh'">摘要：</xsl:when>
          <xsl:when test="$l = 'ru'">Резюме:</xsl:when>
          <xsl:otherwise>Summary:</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
