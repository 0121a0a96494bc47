<?xml version="1.0" encoding="UTF-8"?>
<!--
  WordprocessingML shared by word/document.xml and word/footnotes.xml:
  runs, revision marks (real tracked changes, or underline/strike-through
  with marks="format"), labels, paragraphs and the marks of paragraphs
  that are inserted or deleted whole.

  A run's formatting travels down the inline tree as a string of flags in
  $fmt: i (italic), b (bold), p (superscript), s (subscript), c (caps
  off), U (underlined: a formatted insertion), S (struck: a formatted
  deletion). $del is 1 inside a tracked deletion (w:delText).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:resc:1"
    xmlns:x="urn:resc:annot"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    exclude-result-prefixes="r x">

  <xsl:import href="common.xsl"/>

  <!-- track: Word tracked changes; format: underline and strike-through -->
  <xsl:param name="marks" select="'track'"/>
  <xsl:variable name="track" select="$view = 'marked' and $marks = 'track'"/>
  <xsl:variable name="formatted" select="$view = 'marked' and $marks != 'track'"/>

  <!-- ============================================================ revisions -->

  <!-- The attributes of a revision: id (the context's x:id, or ID), author
       and date (x:by and x:date, which annotate.c resolved from the mark
       or its ancestors). An author nobody named is "resc"; a date without
       a time is midnight UTC, as Word's w:date is a date-time. -->
  <xsl:template name="revision">
    <xsl:param name="id" select="@x:id"/>
    <xsl:attribute name="w:id"><xsl:value-of select="$id"/></xsl:attribute>
    <xsl:attribute name="w:author"><xsl:value-of select="concat(@x:by, substring('resc', 1, 4 * not(@x:by)))"/></xsl:attribute>
    <xsl:if test="@x:date">
      <!-- w:date is an xsd:dateTime: seconds are required -->
      <xsl:variable name="time" select="substring-after(@x:date, 'T')"/>
      <xsl:attribute name="w:date">
        <xsl:choose>
          <xsl:when test="$time = ''"><xsl:value-of select="concat(@x:date, 'T00:00:00Z')"/></xsl:when>
          <xsl:when test="substring($time, 6, 1) = ':'"><xsl:value-of select="@x:date"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(substring-before(@x:date, 'T'), 'T', substring($time, 1, 5), ':00', substring($time, 6))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ runs -->

  <xsl:template name="rpr">
    <xsl:param name="fmt"/>
    <xsl:param name="style"/>
    <xsl:if test="$fmt != '' or $style != ''">
      <w:rPr>
        <xsl:if test="$style != ''"><w:rStyle w:val="{$style}"/></xsl:if>
        <xsl:if test="contains($fmt, 'b')"><w:b/></xsl:if>
        <xsl:if test="contains($fmt, 'i')"><w:i/></xsl:if>
        <xsl:if test="contains($fmt, 'c')"><w:caps w:val="0"/></xsl:if>
        <xsl:if test="contains($fmt, 'S')"><w:strike/></xsl:if>
        <xsl:if test="contains($fmt, 'U')"><w:u w:val="single"/></xsl:if>
        <xsl:if test="contains($fmt, 'p')"><w:vertAlign w:val="superscript"/></xsl:if>
        <xsl:if test="contains($fmt, 's')"><w:vertAlign w:val="subscript"/></xsl:if>
      </w:rPr>
    </xsl:if>
  </xsl:template>

  <!-- Runs are the hot path (every text node of the document): no call
       is made that the run does not need. -->
  <xsl:template name="text-run">
    <xsl:param name="text"/>
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:if test="$text != ''">
      <w:r>
        <xsl:if test="$fmt != ''">
          <xsl:call-template name="rpr"><xsl:with-param name="fmt" select="$fmt"/></xsl:call-template>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$del = 1"><w:delText xml:space="preserve"><xsl:value-of select="$text"/></w:delText></xsl:when>
          <xsl:otherwise><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></xsl:otherwise>
        </xsl:choose>
      </w:r>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="run">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:if test=". != ''">
      <w:r>
        <xsl:if test="$fmt != ''">
          <xsl:call-template name="rpr"><xsl:with-param name="fmt" select="$fmt"/></xsl:call-template>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$del = 1"><w:delText xml:space="preserve"><xsl:value-of select="."/></w:delText></xsl:when>
          <xsl:otherwise><w:t xml:space="preserve"><xsl:value-of select="."/></w:t></xsl:otherwise>
        </xsl:choose>
      </w:r>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:em | r:strong | r:sup | r:sub" mode="run">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:variable name="flag">
      <xsl:choose>
        <xsl:when test="self::r:em">i</xsl:when>
        <xsl:when test="self::r:strong">b</xsl:when>
        <xsl:when test="self::r:sup">p</xsl:when>
        <xsl:otherwise>s</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:apply-templates mode="run">
      <xsl:with-param name="fmt" select="concat($fmt, $flag)"/>
      <xsl:with-param name="del" select="$del"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Inline revision marks, in each view and each way of marking. -->
  <xsl:template match="r:ins | r:del" mode="run">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:variable name="kind" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$kind = $hide"/>
      <xsl:when test="$track and $kind = 'ins'">
        <w:ins>
          <xsl:call-template name="revision"/>
          <xsl:apply-templates mode="run"><xsl:with-param name="fmt" select="$fmt"/></xsl:apply-templates>
        </w:ins>
      </xsl:when>
      <xsl:when test="$track">
        <w:del>
          <xsl:call-template name="revision"/>
          <xsl:apply-templates mode="run">
            <xsl:with-param name="fmt" select="$fmt"/>
            <xsl:with-param name="del" select="1"/>
          </xsl:apply-templates>
        </w:del>
      </xsl:when>
      <xsl:when test="$formatted">
        <xsl:apply-templates mode="run">
          <xsl:with-param name="fmt" select="concat($fmt, substring('US', 1 + number($kind = 'del'), 1))"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="run"><xsl:with-param name="fmt" select="$fmt"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:footnote" mode="run">
    <xsl:param name="fmt"/>
    <w:r>
      <xsl:call-template name="rpr">
        <xsl:with-param name="fmt" select="$fmt"/>
        <xsl:with-param name="style" select="'FootnoteReference'"/>
      </xsl:call-template>
      <xsl:choose>
        <!-- a symbol footnote (v2): Word prints the run's text as its mark -->
        <xsl:when test="@mark">
          <w:footnoteReference w:customMarkFollows="1" w:id="{@x:n}"/>
          <w:t><xsl:value-of select="@mark"/></w:t>
        </xsl:when>
        <xsl:otherwise><w:footnoteReference w:id="{@x:n}"/></xsl:otherwise>
      </xsl:choose>
    </w:r>
  </xsl:template>

  <!-- A second call of a footnote (v2): its number, styled as a footnote
       reference; Word would make a new footnote of a footnoteReference. -->
  <xsl:template match="r:fnref" mode="run">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:variable name="n"><xsl:call-template name="footnote-number"/></xsl:variable>
    <w:r>
      <xsl:call-template name="rpr">
        <xsl:with-param name="fmt" select="$fmt"/>
        <xsl:with-param name="style" select="'FootnoteReference'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$del = 1"><w:delText><xsl:value-of select="$n"/></w:delText></xsl:when>
        <xsl:otherwise><w:t><xsl:value-of select="$n"/></w:t></xsl:otherwise>
      </xsl:choose>
    </w:r>
  </xsl:template>

  <xsl:template match="r:ref" mode="run">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:call-template name="label-runs">
      <xsl:with-param name="fmt" select="$fmt"/>
      <xsl:with-param name="del" select="$del"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="x:label" mode="run"/>

  <!-- The context's label (x:label) as runs: its text in the original or
       amended view, its marked form in the marked view. -->
  <xsl:template name="label-runs">
    <xsl:param name="fmt"/>
    <xsl:param name="del"/>
    <xsl:choose>
      <xsl:when test="$view = 'original'">
        <xsl:call-template name="text-run">
          <xsl:with-param name="text" select="x:label/@o"/>
          <xsl:with-param name="fmt" select="$fmt"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$view = 'amended'">
        <xsl:call-template name="text-run">
          <xsl:with-param name="text" select="x:label/@a"/>
          <xsl:with-param name="fmt" select="$fmt"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="x:label/node()" mode="run">
          <xsl:with-param name="fmt" select="$fmt"/>
          <xsl:with-param name="del" select="$del"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ paragraphs -->

  <!-- One paragraph: style, optional label and tab, then CONTENT as runs.
       A paragraph inserted or deleted whole has its runs and its
       paragraph mark tracked, so that accepting or rejecting the change
       leaves no empty paragraph behind. Every parameter and variable
       costs an XPath evaluation per paragraph (most of a DOCX build), so
       the common paragraph, with no label, prefix or indent, passes
       none on: lead-runs is called only when there is something before
       the content. -->
  <xsl:template name="para">
    <xsl:param name="style" select="'Normal'"/>
    <xsl:param name="content" select="node()"/>
    <xsl:param name="labelled" select="false()"/>
    <xsl:param name="label-node" select="."/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="tab" select="true()"/>
    <xsl:param name="indent" select="0"/>
    <!-- (v2) after the label: an annex heading's "TO RESOLUTION 208 …" -->
    <xsl:param name="suffix" select="''"/>
    <!-- (v2) 'page': a page break before; 'left', 'center', 'right': the
         alignment of a table cell's paragraph -->
    <xsl:param name="ppr" select="''"/>
    <!-- the block's mark in the marked view (x:change, from annotate.c) -->
    <xsl:variable name="m" select="substring(@x:change, 1, $mark-len)"/>
    <!-- underline or strike-through for a changed block (docx-marks format) -->
    <xsl:variable name="fmt" select="substring('US', 1 + number($m = 'del'), number($formatted and $m != ''))"/>
    <xsl:variable name="lead" select="$indent &gt; 0 or $prefix != '' or $labelled or $suffix != ''"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="{$style}"/>
        <xsl:if test="$ppr = 'page'"><w:pageBreakBefore/></xsl:if>
        <xsl:if test="$indent &gt; 0">
          <!-- first line at the margin, the text at the level's indent:
               N tabs reach it, as N tabs do in the plain text -->
          <xsl:variable name="at" select="substring('0794119115881985', 4 * $indent - 3, 4)"/>
          <w:ind w:left="{number($at)}" w:hanging="{number($at)}"/>
        </xsl:if>
        <xsl:if test="$labelled and $tab and $style = 'Normal'">
          <!-- a labelled Normal paragraph (an item, a report's run-in
               section) hangs from the tab stop at 1.4 cm, as in the PDF
               (docs/house-style.md) -->
          <w:ind w:left="794" w:hanging="794"/>
        </xsl:if>
        <!-- w:jc comes after w:ind in CT_PPr -->
        <xsl:if test="$ppr != '' and $ppr != 'page'"><w:jc w:val="{$ppr}"/></xsl:if>
        <xsl:if test="$track and $m != ''">
          <!-- the paragraph mark: x:id + 1 (x:by and x:date are the
               change's) -->
          <w:rPr>
            <xsl:element name="w:{$m}">
              <xsl:call-template name="revision"><xsl:with-param name="id" select="@x:id + 1"/></xsl:call-template>
            </xsl:element>
          </w:rPr>
        </xsl:if>
      </w:pPr>
      <xsl:choose>
        <xsl:when test="$track and $m != ''">
          <xsl:variable name="del" select="number($m = 'del')"/>
          <xsl:element name="w:{$m}">
            <xsl:call-template name="revision"/>
            <xsl:if test="$lead">
              <xsl:call-template name="lead-runs">
                <xsl:with-param name="labelled" select="$labelled"/>
                <xsl:with-param name="label-node" select="$label-node"/>
                <xsl:with-param name="prefix" select="$prefix"/>
                <xsl:with-param name="tab" select="$tab"/>
                <xsl:with-param name="indent" select="$indent"/>
                <xsl:with-param name="del" select="$del"/>
                <xsl:with-param name="m" select="$m"/>
                <xsl:with-param name="suffix" select="$suffix"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:apply-templates select="$content" mode="run">
              <xsl:with-param name="del" select="$del"/>
            </xsl:apply-templates>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="$lead">
            <xsl:call-template name="lead-runs">
              <xsl:with-param name="labelled" select="$labelled"/>
              <xsl:with-param name="label-node" select="$label-node"/>
              <xsl:with-param name="prefix" select="$prefix"/>
              <xsl:with-param name="tab" select="$tab"/>
              <xsl:with-param name="indent" select="$indent"/>
              <xsl:with-param name="fmt" select="$fmt"/>
              <xsl:with-param name="m" select="$m"/>
              <xsl:with-param name="suffix" select="$suffix"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:apply-templates select="$content" mode="run">
            <xsl:with-param name="fmt" select="$fmt"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </w:p>
  </xsl:template>

  <xsl:template name="tab-runs">
    <xsl:param name="n" select="0"/>
    <xsl:if test="$n &gt; 0">
      <w:r><w:tab/></w:r>
      <xsl:call-template name="tab-runs"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- What comes before a paragraph's content: the tabs of its indent,
       its prefix, its label and the tab after it. -->
  <xsl:template name="lead-runs">
    <xsl:param name="labelled"/>
    <xsl:param name="label-node"/>
    <xsl:param name="prefix"/>
    <xsl:param name="tab"/>
    <xsl:param name="indent"/>
    <xsl:param name="fmt" select="''"/>
    <xsl:param name="del" select="0"/>
    <xsl:param name="m"/>
    <xsl:param name="suffix" select="''"/>
    <xsl:if test="$indent &gt; 0">
      <xsl:call-template name="tab-runs"><xsl:with-param name="n" select="$indent"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$prefix != ''">
      <xsl:call-template name="text-run">
        <xsl:with-param name="text" select="$prefix"/>
        <xsl:with-param name="fmt" select="$fmt"/>
        <xsl:with-param name="del" select="$del"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$labelled">
      <xsl:for-each select="$label-node">
        <xsl:choose>
          <!-- a paragraph changed whole is marked whole: its label is
               one side's, with no mark of its own inside -->
          <xsl:when test="$m != ''">
            <xsl:call-template name="text-run">
              <xsl:with-param name="text" select="x:label/@*[local-name() = substring('oa', 1 + number($m = 'ins'), 1)]"/>
              <xsl:with-param name="fmt" select="$fmt"/>
              <xsl:with-param name="del" select="$del"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="label-runs">
              <xsl:with-param name="fmt" select="$fmt"/>
              <xsl:with-param name="del" select="$del"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$tab">
        <!-- a label only one side has: its tab is that side's too, tracked
             with the label (the id after the label's), or the other view
             keeps a tab before its text -->
        <xsl:variable name="only" select="$label-node/x:label[$track and $m = '' and (@o = '' or @a = '')]/*[1]"/>
        <xsl:choose>
          <xsl:when test="$only">
            <xsl:element name="w:{local-name($only)}">
              <xsl:for-each select="$only">
                <xsl:call-template name="revision"><xsl:with-param name="id" select="@x:id + 1"/></xsl:call-template>
              </xsl:for-each>
              <w:r><w:tab/></w:r>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise><w:r><w:tab/></w:r></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:if>
    <xsl:if test="$suffix != ''">
      <xsl:call-template name="text-run">
        <xsl:with-param name="text" select="$suffix"/>
        <xsl:with-param name="fmt" select="$fmt"/>
        <xsl:with-param name="del" select="$del"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
