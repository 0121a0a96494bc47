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
      <xsl:when test="$key = 'resolution' and ancestor-or-self::r:resolution[1]/@kind != 'resolution'">
        <xsl:call-template name="word">
          <xsl:with-param name="key" select="ancestor-or-self::r:resolution[1]/@kind"/>
        </xsl:call-template>
      </xsl:when>
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
      <xsl:when test="$key = 'decision'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">DÉCISION</xsl:when>
          <xsl:when test="$l = 'es'">DECISIÓN</xsl:when>
          <xsl:when test="$l = 'ar'">المقرر</xsl:when>
          <xsl:when test="$l = 'zh'">决定</xsl:when>
          <xsl:when test="$l = 'ru'">РЕШЕНИЕ</xsl:when>
          <xsl:otherwise>DECISION</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'opinion'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">AVIS</xsl:when>
          <xsl:when test="$l = 'es'">OPINIÓN</xsl:when>
          <xsl:when test="$l = 'ar'">الرأي</xsl:when>
          <xsl:when test="$l = 'zh'">意见</xsl:when>
          <xsl:when test="$l = 'ru'">МНЕНИЕ</xsl:when>
          <xsl:otherwise>OPINION</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'recommendation'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">RECOMMANDATION</xsl:when>
          <xsl:when test="$l = 'es'">RECOMENDACIÓN</xsl:when>
          <xsl:when test="$l = 'ar'">التوصية</xsl:when>
          <xsl:when test="$l = 'zh'">建议</xsl:when>
          <xsl:when test="$l = 'ru'">РЕКОМЕНДАЦИЯ</xsl:when>
          <xsl:otherwise>RECOMMENDATION</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'appendix'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">APPENDICE</xsl:when>
          <xsl:when test="$l = 'es'">APÉNDICE</xsl:when>
          <xsl:when test="$l = 'ar'">التذييل</xsl:when>
          <xsl:when test="$l = 'zh'">附录</xsl:when>
          <xsl:when test="$l = 'ru'">ДОБАВЛЕНИЕ</xsl:when>
          <xsl:otherwise>APPENDIX</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$key = 'attachment'">
        <xsl:choose>
          <xsl:when test="$l = 'fr'">PIÈCE JOINTE</xsl:when>
          <xsl:when test="$l = 'es'">ADJUNTO</xsl:when>
          <xsl:when test="$l = 'ar'">المرفق</xsl:when>
          <xsl:when test="$l = 'zh'">附文</xsl:when>
          <xsl:when test="$l = 'ru'">ВЛОЖЕНИЕ</xsl:when>
          <xsl:otherwise>ATTACHMENT</xsl:otherwise>
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

  <!-- The number line of a text: what goes before and after its number.
       "RESOLUTION 150", "РЕЗОЛЮЦИЯ 150", "القرار 150"; Chinese puts the
       number inside the word: "第150号决议" (ITU's Chinese texts). -->
  <xsl:template name="number-before">
    <xsl:choose>
      <xsl:when test="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) = 'zh'">第</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="word"><xsl:with-param name="key" select="'resolution'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="number-after">
    <xsl:if test="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) = 'zh'">
      <xsl:text>号</xsl:text>
      <xsl:call-template name="word"><xsl:with-param name="key" select="'resolution'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- The brackets of the note after the number: full-width and without
       a space in Chinese, "（2018年，迪拜，修订版）". -->
  <xsl:template name="note-open">
    <xsl:choose>
      <xsl:when test="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) = 'zh'">（</xsl:when>
      <xsl:otherwise> (</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="note-close">
    <xsl:choose>
      <xsl:when test="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) = 'zh'">）</xsl:when>
      <xsl:otherwise>)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ v2 -->

  <!-- The generated word of the context annex: ANNEX, APPENDIX or
       ATTACHMENT in the text's language. -->
  <xsl:template name="annex-word">
    <xsl:call-template name="word">
      <xsl:with-param name="key" select="concat(@kind, substring('annex', 1, 5 * not(@kind)))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- What follows an annex's number when heading="to-text": "TO
       RESOLUTION 208 (DUBAI, 2018)" for an annex of the text, "TO ANNEX
       1" for an appendix of an annex; the connective by language and
       the target's kind (French and Spanish articles, the Russian
       dative, the Arabic prefix bi-; Chinese has none), upper-cased as
       the PP Final Acts print it. Plain text in the view (the amended
       text in the marked view). -->
  <xsl:template name="to-text">
    <xsl:variable name="parent" select="parent::r:annex"/>
    <xsl:variable name="target">
      <xsl:choose>
        <xsl:when test="$parent"><xsl:value-of select="concat($parent/@kind, substring('annex', 1, 5 * not($parent/@kind)))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(../@kind, substring('resolution', 1, 10 * not(../@kind)))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="l" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="word">
      <xsl:call-template name="word"><xsl:with-param name="key" select="string($target)"/></xsl:call-template>
    </xsl:variable>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$l = 'fr'">
        <xsl:choose>
          <xsl:when test="$target = 'opinion' or $target = 'annex' or $target = 'appendix'">DE L'</xsl:when>
          <xsl:otherwise>DE LA </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$word"/>
      </xsl:when>
      <xsl:when test="$l = 'es'">
        <xsl:choose>
          <xsl:when test="$parent">AL </xsl:when>
          <xsl:otherwise>A LA </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$word"/>
      </xsl:when>
      <xsl:when test="$l = 'ru'">
        <xsl:text>К </xsl:text>
        <xsl:choose>
          <xsl:when test="$target = 'resolution'">РЕЗОЛЮЦИИ</xsl:when>
          <xsl:when test="$target = 'decision'">РЕШЕНИЮ</xsl:when>
          <xsl:when test="$target = 'opinion'">МНЕНИЮ</xsl:when>
          <xsl:when test="$target = 'recommendation'">РЕКОМЕНДАЦИИ</xsl:when>
          <xsl:when test="$target = 'annex'">ПРИЛОЖЕНИЮ</xsl:when>
          <xsl:when test="$target = 'appendix'">ДОБАВЛЕНИЮ</xsl:when>
          <xsl:otherwise>ВЛОЖЕНИЮ</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l = 'ar'"><xsl:value-of select="concat('ب', $word)"/></xsl:when>
      <xsl:when test="$l = 'zh'"><xsl:value-of select="$word"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('TO ', $word)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$parent">
        <xsl:for-each select="$parent">
          <xsl:variable name="n"><xsl:call-template name="view-label"/></xsl:variable>
          <xsl:if test="string($n)"><xsl:value-of select="concat(' ', $n)"/></xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="../r:heading">
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="r:number/node()" mode="view-plain"/>
          <xsl:for-each select="r:note">
            <xsl:variable name="note"><xsl:apply-templates mode="view-plain"/></xsl:variable>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="upper"><xsl:with-param name="s" select="$note"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="upper">
    <xsl:param name="s"/>
    <xsl:value-of select="translate($s, 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœабвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸŒАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ')"/>
  </xsl:template>

  <!-- A label as plain text in the view: the amended one in the marked
       view, unless there is none. -->
  <xsl:template name="view-label">
    <xsl:choose>
      <xsl:when test="$view = 'original' or not(string(x:label/@a))"><xsl:value-of select="x:label/@o"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="x:label/@a"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inline content as plain text in the view (the amended text in the
       marked view), with no footnote calls. -->
  <xsl:template match="r:footnote | r:fnref | x:label" mode="view-plain"/>
  <xsl:template match="r:ins" mode="view-plain">
    <xsl:if test="$view != 'original'"><xsl:apply-templates mode="view-plain"/></xsl:if>
  </xsl:template>
  <xsl:template match="r:del" mode="view-plain">
    <xsl:if test="$view = 'original'"><xsl:apply-templates mode="view-plain"/></xsl:if>
  </xsl:template>
  <xsl:template match="r:ref" mode="view-plain">
    <xsl:call-template name="view-label"/>
  </xsl:template>

  <!-- The separator of a history's events: "; " between places, "-"
       between years (form="years"). -->
  <xsl:template name="history-sep">
    <xsl:choose>
      <xsl:when test="../@form = 'years'">-</xsl:when>
      <xsl:otherwise>; </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A run of dashes to cut a line of dashes from (text view, tables). -->
  <xsl:variable name="dashes" select="'--------------------------------------------------------------------------------------------------------------------------------'"/>
</xsl:stylesheet>
