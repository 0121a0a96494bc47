<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text (docs/text-format.md): one block per line; labelled
  items as LABEL<TAB>TEXT; N tabs before a paragraph with indent="N"; in
  the marked view [-deleted-] and {+inserted+}; footnote references [N]
  and the footnotes after a line of underscores. Tables (v2): one line
  per row, cells separated by " | ", a line of dashes under heading rows
  (docs/vocabulary.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    exclude-result-prefixes="r x">

  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="TAB" select="'&#9;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- ============================================================ lines -->

  <!-- One line: PREFIX, then the inline content of the context node,
       wrapped in the marks of its block in the marked view. The line is
       built inside an element, which the text output leaves out: libxslt
       appends to the output's last text node in place only while nothing
       else (a variable's fragment) was built since, and otherwise copies
       it whole, which made the output of a long document quadratic. -->
  <xsl:template name="line">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="content" select="node()"/>
    <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
    <line>
      <xsl:value-of select="$prefix"/>
      <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:apply-templates select="$content"/>
      <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
    </line>
  </xsl:template>

  <xsl:template name="open">
    <xsl:param name="m"/>
    <xsl:if test="$m = 'ins'">{+</xsl:if>
    <xsl:if test="$m = 'del'">[-</xsl:if>
  </xsl:template>
  <xsl:template name="close">
    <xsl:param name="m"/>
    <xsl:if test="$m = 'ins'">+}</xsl:if>
    <xsl:if test="$m = 'del'">-]</xsl:if>
  </xsl:template>

  <xsl:template name="tabs">
    <xsl:param name="n" select="0"/>
    <xsl:if test="$n &gt; 0">
      <xsl:value-of select="$TAB"/>
      <xsl:call-template name="tabs"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>


  <!-- ============================================================ roots -->

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
    <xsl:if test="$visible-footnotes">
      <xsl:value-of select="concat('____________', $NL)"/>
      <xsl:apply-templates select="$visible-footnotes" mode="body"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:proposal">
    <xsl:apply-templates select="r:summary | r:section | r:amendment"/>
  </xsl:template>

  <xsl:template match="r:summary">
    <xsl:call-template name="word"><xsl:with-param name="key" select="'summary'"/></xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="r:p"/>
  </xsl:template>

  <xsl:template match="r:proposal/r:section">
    <xsl:for-each select="r:title"><xsl:call-template name="line"/></xsl:for-each>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <xsl:template match="r:amendment">
    <xsl:value-of select="@action"/>
    <xsl:if test="@ref"><xsl:value-of select="concat($TAB, @ref)"/></xsl:if>
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="r:resolution"/>
    <xsl:for-each select="r:reasons">
      <xsl:call-template name="word"><xsl:with-param name="key" select="'reasons'"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
      <xsl:apply-templates select="r:p"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ resolution -->

  <xsl:template match="r:resolution">
    <xsl:apply-templates select="r:heading | r:preamble | r:operative | r:annex"/>
  </xsl:template>

  <xsl:template match="r:resolution/r:heading">
    <xsl:call-template name="number-before"/>
    <xsl:apply-templates select="r:number/node()"/>
    <xsl:call-template name="number-after"/>
    <xsl:for-each select="r:note">
      <xsl:call-template name="note-open"/><xsl:apply-templates/><xsl:call-template name="note-close"/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="r:adopted">
      <xsl:text>(</xsl:text><xsl:apply-templates/><xsl:text>)</xsl:text>
      <xsl:value-of select="$NL"/>
    </xsl:for-each>
    <xsl:for-each select="r:title"><xsl:call-template name="line"/></xsl:for-each>
    <xsl:apply-templates select="r:history"/>
  </xsl:template>

  <xsl:template match="r:history">
    <xsl:variable name="events" select="r:event[not(@change = $hide)]"/>
    <xsl:text>(</xsl:text>
    <xsl:for-each select="$events">
      <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
      <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:if test="position() &gt; 1"><xsl:call-template name="history-sep"/></xsl:if>
      <xsl:value-of select="."/>
      <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="concat(')', $NL)"/>
  </xsl:template>

  <xsl:template match="r:preamble">
    <xsl:for-each select="r:authority"><xsl:call-template name="line"/></xsl:for-each>
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>

  <xsl:template match="r:operative">
    <xsl:apply-templates select="r:section | r:gap"/>
  </xsl:template>


  <!-- (v3) Text left out of an extract: a line "…". -->
  <xsl:template match="r:gap">
    <xsl:value-of select="concat('&#x2026;', $NL)"/>
  </xsl:template>
  <xsl:template match="r:annex">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
      <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:call-template name="annex-word"/>
      <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
      <xsl:if test="string($has)">
        <xsl:text> </xsl:text><xsl:call-template name="label"/>
      </xsl:if>
      <xsl:if test="@heading = 'to-text'"><xsl:call-template name="to-text"/></xsl:if>
      <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
      <xsl:for-each select="r:title"><xsl:call-template name="line"/></xsl:for-each>
      <xsl:apply-templates select="r:section | r:p | r:list | r:table | r:annex"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:section">
    <xsl:if test="not(@change = $hide)">
      <xsl:if test="r:title">
        <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
        <xsl:variable name="prefix">
          <xsl:if test="string($has)"><xsl:call-template name="label"/><xsl:value-of select="$TAB"/></xsl:if>
        </xsl:variable>
        <xsl:for-each select="r:title">
          <xsl:call-template name="line"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:for-each select="r:call"><xsl:call-template name="line"/></xsl:for-each>
      <xsl:apply-templates select="r:item | r:p | r:list | r:table | r:section"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ tables -->

  <!-- A table: its title on a line, then a line per row. -->
  <xsl:template match="r:table">
    <xsl:if test="not(@change = $hide)">
      <xsl:for-each select="r:title"><xsl:call-template name="line"/></xsl:for-each>
      <xsl:apply-templates select="r:row[not(@change = $hide)]"/>
    </xsl:if>
  </xsl:template>

  <!-- A row: its cells separated by " | ", in the row's marks; under the
       last of a run of heading rows, a line of dashes as long. -->
  <xsl:template match="r:row">
    <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
    <xsl:variable name="text">
      <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:for-each select="r:cell">
        <xsl:if test="position() &gt; 1"> | </xsl:if>
        <xsl:apply-templates select="." mode="cell"/>
      </xsl:for-each>
      <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    </xsl:variable>
    <line>
      <xsl:value-of select="concat($text, $NL)"/>
      <xsl:if test="@header = 'true' and not(following-sibling::r:row[not(@change = $hide)][1]/@header = 'true')">
        <xsl:value-of select="concat(substring($dashes, 1, string-length($text)), $NL)"/>
      </xsl:if>
    </line>
  </xsl:template>

  <!-- A cell's blocks, separated by a space; a list item as its label, a
       space and its text. -->
  <xsl:template match="r:cell" mode="cell">
    <xsl:for-each select="(r:p | r:list)[not(@change = $hide)]">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="cell"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:list" mode="cell">
    <xsl:for-each select="r:item[not(@change = $hide)]">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="cell"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="r:item" mode="cell">
    <xsl:variable name="m" select="substring(@change, 1, $mark-len)"/>
    <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
    <xsl:if test="string($has)"><xsl:call-template name="label"/><xsl:text> </xsl:text></xsl:if>
    <xsl:for-each select="(r:p | r:list)[not(@change = $hide)]">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="cell"/>
    </xsl:for-each>
    <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="r:p" mode="cell">
    <xsl:variable name="m" select="substring(@change, 1, $mark-len)"/>
    <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    <xsl:apply-templates/>
    <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="r:list">
    <xsl:if test="not(@change = $hide)">
      <xsl:apply-templates select="r:item"/>
    </xsl:if>
  </xsl:template>

  <!-- An item: its label, a tab and its first paragraph on one line; its
       other paragraphs and lists after. -->
  <xsl:template match="r:item">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="first" select="r:p[not(@change = $hide)][1]"/>
      <xsl:variable name="has"><xsl:call-template name="has-label"/></xsl:variable>
      <xsl:variable name="prefix">
        <xsl:if test="string($has)">
          <xsl:call-template name="label"/><xsl:value-of select="$TAB"/>
        </xsl:if>
      </xsl:variable>
      <xsl:for-each select="$first">
        <xsl:call-template name="line">
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:table)[count(. | $first) != count($first)]"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:p">
    <xsl:if test="not(@change = $hide)">
      <xsl:call-template name="line">
        <xsl:with-param name="prefix">
          <xsl:call-template name="tabs"><xsl:with-param name="n" select="number(concat('0', @indent))"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ report -->

  <xsl:template match="r:report">
    <xsl:for-each select="r:heading/r:title | r:heading/r:subtitle"><xsl:call-template name="line"/></xsl:for-each>
    <xsl:apply-templates select="r:fields/r:field | r:section | r:signature"/>
  </xsl:template>

  <xsl:template match="r:field">
    <xsl:value-of select="concat(@name, $NL)"/>
    <xsl:apply-templates select="r:p | r:list"/>
  </xsl:template>

  <!-- A report section: its number and title on one line, or its number
       and first paragraph when it has no title (a run-in heading). -->
  <xsl:template match="r:report//r:section" priority="2">
    <xsl:if test="not(@change = $hide)">
      <xsl:variable name="prefix">
        <xsl:call-template name="label"/><xsl:value-of select="$TAB"/>
      </xsl:variable>
      <xsl:variable name="head" select="(r:title | r:p[not(@change = $hide)])[1]"/>
      <xsl:for-each select="$head">
        <xsl:call-template name="line"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="(r:p | r:list | r:section)[count(. | $head) != count($head)]"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:signature">
    <xsl:for-each select="r:name | r:role"><xsl:call-template name="line"/></xsl:for-each>
  </xsl:template>

  <!-- ============================================================ inline -->

  <xsl:template match="r:ins">
    <xsl:choose>
      <xsl:when test="$view = 'marked'">{+<xsl:apply-templates/>+}</xsl:when>
      <xsl:when test="$view = 'amended'"><xsl:apply-templates/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:del">
    <xsl:choose>
      <xsl:when test="$view = 'marked'">[-<xsl:apply-templates/>-]</xsl:when>
      <xsl:when test="$view = 'original'"><xsl:apply-templates/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:text>[</xsl:text><xsl:call-template name="footnote-number"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="r:footnote" mode="body">
    <xsl:variable name="m"><xsl:call-template name="footnote-mark"/></xsl:variable>
    <xsl:text>[</xsl:text><xsl:call-template name="footnote-number"/><xsl:text>]</xsl:text>
    <xsl:value-of select="$TAB"/>
    <xsl:for-each select="r:p">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$NL"/></xsl:if>
      <xsl:call-template name="open"><xsl:with-param name="m" select="$m"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="close"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="r:ref">
    <xsl:call-template name="label"/>
  </xsl:template>

  <xsl:template match="r:fnref">
    <xsl:text>[</xsl:text><xsl:call-template name="footnote-number"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="x:label"/>
</xsl:stylesheet>
