#include "authoring/proposal.h"

#include <string.h>

#include "core/doc.h"

/* The paragraphs of plain text: blank lines separate them, other line
 * ends are spaces. */
static void add_reasons(xmlDocPtr doc, xmlNsPtr ns, xmlNodePtr amendment, const char *text) {
  xmlNodePtr reasons = NULL;
  const char *s = text;
  while (*s) {
    const char *end = strstr(s, "\n\n");
    size_t len = end ? (size_t)(end - s) : strlen(s);
    size_t lo = 0, hi = len;
    while (lo < hi && strchr(" \t\r\n", s[lo]))
      lo++;
    while (hi > lo && strchr(" \t\r\n", s[hi - 1]))
      hi--;
    if (hi > lo) {
      if (!reasons)
        reasons = xmlNewChild(amendment, ns, (const xmlChar *)"reasons", NULL);
      xmlNodePtr p = xmlNewChild(reasons, ns, (const xmlChar *)"p", NULL);
      xmlAddChild(p, xmlNewDocTextLen(doc, (const xmlChar *)s + lo, (int)(hi - lo)));
    }
    s += len;
    while (*s == '\n')
      s++;
  }
}

void proposal_wrap(xmlDocPtr doc, const char *by, const char *ref, const char *action,
                   const char *reasons) {
  xmlNodePtr res = xmlDocGetRootElement(doc);
  xmlNodePtr prop = xmlNewDocNode(doc, NULL, (const xmlChar *)"proposal", NULL);
  xmlNsPtr ns = res->nsDef;
  if (ns && !ns->prefix && xmlStrEqual(ns->href, (const xmlChar *)RESC_NS)) {
    /* the resolution's declaration moves up, its nodes keep pointing to it */
    res->nsDef = ns->next;
    ns->next = NULL;
    prop->nsDef = ns;
  } else {
    ns = xmlNewNs(prop, (const xmlChar *)RESC_NS, NULL);
  }
  xmlSetNs(prop, ns);
  xmlChar *lang = xmlNodeGetLang(res);
  if (lang)
    xmlNodeSetLang(prop, lang);
  xmlFree(lang);
  xmlUnsetNsProp(res, xmlSearchNsByHref(doc, res, XML_XML_NAMESPACE), (const xmlChar *)"lang");
  if (by)
    xmlSetProp(prop, (const xmlChar *)"by", (const xmlChar *)by);
  xmlUnlinkNode(res);
  xmlDocSetRootElement(doc, prop);
  xmlNodePtr am = xmlNewChild(prop, ns, (const xmlChar *)"amendment", NULL);
  xmlSetProp(am, (const xmlChar *)"action", (const xmlChar *)action);
  if (ref)
    xmlSetProp(am, (const xmlChar *)"ref", (const xmlChar *)ref);
  xmlAddChild(am, res);
  xmlReconciliateNs(doc, prop);
  if (reasons)
    add_reasons(doc, ns, am, reasons);
  /* the lines of a hand-written proposal */
  xmlAddPrevSibling(am, xmlNewDocText(doc, (const xmlChar *)"\n  "));
  xmlAddChild(prop, xmlNewDocText(doc, (const xmlChar *)"\n"));
  for (xmlNodePtr c = am->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      xmlAddPrevSibling(c, xmlNewDocText(doc, (const xmlChar *)"\n    "));
  xmlAddChild(am, xmlNewDocText(doc, (const xmlChar *)"\n  "));
}
