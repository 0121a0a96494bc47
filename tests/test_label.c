/* Unit tests of the labelling engine (label.c) and of the labels the
 * analyser computes per side (analyse.c). Prints "N passed, N failed". */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

#include "core/analyse.h"
#include "core/doc.h"
#include "core/label.h"

static int passed, failed;

static void expect_str(const char *what, const char *want, const char *got) {
  if (strcmp(want, got) == 0) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s: want '%s', got '%s'\n", what, want, got);
  }
}

static void expect_fmt(enum numbering style, unsigned n, const char *want) {
  char buf[LABEL_MAX], what[64];
  label_format(style, n, buf, sizeof buf);
  snprintf(what, sizeof what, "format(style %d, %u)", (int)style, n);
  expect_str(what, want, buf);
}

static void test_format(void) {
  expect_fmt(NUM_ALPHA, 0, "a");
  expect_fmt(NUM_ALPHA, 25, "z");
  expect_fmt(NUM_ALPHA, 26, "aa");
  expect_fmt(NUM_ALPHA, 27, "ab");
  expect_fmt(NUM_ALPHA, 51, "az");
  expect_fmt(NUM_ALPHA, 52, "ba");
  expect_fmt(NUM_ALPHA, 701, "zz");
  expect_fmt(NUM_ALPHA, 702, "aaa");
  expect_fmt(NUM_ROMAN, 0, "i");
  expect_fmt(NUM_ROMAN, 3, "iv");
  expect_fmt(NUM_ROMAN, 8, "ix");
  expect_fmt(NUM_ROMAN, 13, "xiv");
  expect_fmt(NUM_ROMAN, 38, "xxxix");
  expect_fmt(NUM_ROMAN, 39, "xl");
  expect_fmt(NUM_ROMAN, 43, "xliv");
  expect_fmt(NUM_ROMAN, 48, "xlix");
  expect_fmt(NUM_ROMAN, 89, "xc");
  expect_fmt(NUM_ROMAN, 398, "cccxcix");
  expect_fmt(NUM_ARABIC, 0, "1");
  expect_fmt(NUM_ARABIC, 13, "14");
  expect_fmt(NUM_ALPHA_DOT, 1, "b");
  expect_fmt(NUM_DASH, 7, "\xe2\x80\x93");
  expect_fmt(NUM_NONE, 3, "");
  expect_str("punct alpha", ")", label_punct(NUM_ALPHA));
  expect_str("punct roman", ")", label_punct(NUM_ROMAN));
  expect_str("punct alpha-dot", ".", label_punct(NUM_ALPHA_DOT));
  expect_str("punct arabic", "", label_punct(NUM_ARABIC));
}

static void test_suffix(void) {
  char base[LABEL_MAX];
  unsigned k = 99;
  expect_str("split bbis", "1", label_split("bbis", base, sizeof base, &k) ? "1" : "0");
  expect_str("split bbis base", "b", base);
  expect_str("split bbis k", "bis", label_suffix(k));
  label_split("3quinquies", base, sizeof base, &k);
  expect_str("split 3quinquies base", "3", base);
  expect_str("split 3quinquies k", "quinquies", label_suffix(k));
  label_split("cquater", base, sizeof base, &k);
  expect_str("split cquater", "quater", label_suffix(k));
  expect_str("no suffix", "0", label_split("iii", base, sizeof base, &k) ? "1" : "0");
  expect_str("suffix alone is no label", "0",
             label_split("bis", base, sizeof base, &k) ? "1" : "0");
}

/* ---- labels computed by the analyser on small documents ---- */

struct fixture {
  xmlDocPtr doc;
  struct analysis *a;
  struct diags d;
};

static void load(struct fixture *f, const char *body) {
  char buf[8192];
  snprintf(buf, sizeof buf,
           "<resolution xmlns='urn:resc:1' xml:lang='en'><heading><number>1</number>"
           "<title>T</title></heading>%s</resolution>",
           body);
  diags_init(&f->d);
  f->doc = doc_parse("t.xml", buf, strlen(buf), &f->d);
  f->a = f->doc ? analyse(f->doc, "t.xml", &f->d) : NULL;
}

static void unload(struct fixture *f) {
  analysis_free(f->a);
  xmlFreeDoc(f->doc);
  diags_free(&f->d);
}

/* Labels of the items of the first section or list found, on one side,
 * as "a) b) c)" (an unlabelled item shows as "-"). */
static void labels(struct fixture *f, const char *container, int side, char *out, size_t size) {
  out[0] = 0;
  xmlNodePtr n = xmlDocGetRootElement(f->doc);
  while (n && !is_el(n, container)) { /* depth-first search */
    if (first_el(n))
      n = first_el(n);
    else {
      while (n && !next_el(n))
        n = n->parent;
      n = n ? next_el(n) : NULL;
    }
  }
  for (xmlNodePtr it = first_el(n); it; it = next_el(it)) {
    if (!is_el(it, "item") || !(info_of(it)->in & side))
      continue;
    char t[LABEL_MAX + 8];
    label_text(&info_of(it)->lab[SIDX(side)], t, sizeof t);
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s%s", len ? " " : "", t[0] ? t : "-");
  }
}

static void expect_labels(const char *what, const char *body, const char *container,
                          const char *want_o, const char *want_a) {
  struct fixture f;
  load(&f, body);
  char got[512], name[128];
  if (!f.a) {
    failed++;
    printf("FAIL %s: document did not parse\n", what);
    return;
  }
  labels(&f, container, SIDE_O, got, sizeof got);
  snprintf(name, sizeof name, "%s (original)", what);
  expect_str(name, want_o, got);
  labels(&f, container, SIDE_A, got, sizeof got);
  snprintf(name, sizeof name, "%s (amended)", what);
  expect_str(name, want_a, got);
  unload(&f);
}

#define I "<item><p>x;</p></item>"
#define INS "<item change='ins'><p>x;</p></item>"
#define DEL "<item change='del'><p>x;</p></item>"
#define PRE(x) "<preamble><section><call>considering</call>" x "</section></preamble>"
#define OPE(x) "<operative><section><call>resolves</call>" x "</section></operative>"

static void test_views(void) {
  expect_labels("plain alpha", PRE(I I I), "section", "a) b) c)", "a) b) c)");
  expect_labels("operative arabic", OPE(I I I), "section", "1 2 3", "1 2 3");
  expect_labels("single item has no label", PRE(I), "section", "-", "-");
  expect_labels("single item, explicit numbering",
                "<preamble><section numbering='alpha'><call>c</call>" I "</section></preamble>",
                "section", "a)", "a)");
  expect_labels("insert in the middle", PRE(I INS I I), "section", "a) b) c)", "a) b) c) d)");
  expect_labels("insert at the start", PRE(INS I I), "section", "a) b)", "a) b) c)");
  expect_labels("insert at the end", PRE(I I INS), "section", "a) b)", "a) b) c)");
  expect_labels("delete in the middle", PRE(I DEL I), "section", "a) b) c)", "a) b)");
  expect_labels("delete at the start", PRE(DEL I I), "section", "a) b) c)", "a) b)");
  expect_labels("delete at the end", PRE(I I DEL), "section", "a) b) c)", "a) b)");
  expect_labels("one item grows to two", PRE(I INS), "section", "-", "a) b)");
  expect_labels("two items shrink to one", PRE(I DEL), "section", "a) b)", "-");
  expect_labels("interposed bis and ter",
                PRE(I I "<item num='bbis'><p>x;</p></item><item num='bter'><p>x;</p></item>" I),
                "section", "a) b) b)bis b)ter c)", "a) b) b)bis b)ter c)");
  expect_labels("interposed follows a relettered base",
                PRE(INS I "<item num='bbis'><p>x;</p></item>" I), "section", "a) a)bis b)",
                "a) b) b)bis c)");
  expect_labels("interposed arabic", OPE(I I "<item num='2bis'><p>x;</p></item>" I), "section",
                "1 2 2bis 3", "1 2 2bis 3");
  expect_labels("roman list in an item", PRE("<item><p>x:</p><list>" I INS I "</list></item>" I),
                "list", "i) ii)", "i) ii) iii)");
  expect_labels("dash list", PRE("<item><p>x:</p><list numbering='dash'>" I I "</list></item>" I),
                "list", "\xe2\x80\x93 \xe2\x80\x93", "\xe2\x80\x93 \xe2\x80\x93");
  expect_labels("alpha-dot list",
                PRE("<item><p>x:</p><list numbering='alpha-dot'>" I I "</list></item>" I), "list",
                "a. b.", "a. b.");
  /* vocabulary v2: decimal sub-items take their item's label */
  expect_labels("decimal list under item 2",
                OPE(I "<item><p>x:</p><list numbering='decimal'>" I INS I "</list></item>"),
                "list", "2.1 2.2", "2.1 2.2 2.3");
  expect_labels("decimal list, sole item (explicit numbering)",
                OPE(I "<item><p>x:</p><list numbering='decimal'>" I "</list></item>"), "list",
                "2.1", "2.1");
  expect_labels("decimal list under an unlabelled item",
                OPE("<item><p>x:</p><list numbering='decimal'>" I I "</list></item>"), "list",
                "1 2", "1 2");
  expect_labels("decimal list follows its item's relettering",
                OPE(INS "<item><p>x:</p><list numbering='decimal'>" I I "</list></item>"), "list",
                "1 2", "2.1 2.2");
  /* z → aa through the analyser too */
  char many[4096] = "";
  for (int i = 0; i < 28; i++)
    strcat(many, I);
  char body[4200];
  snprintf(body, sizeof body, PRE("%s"), many);
  struct fixture f;
  load(&f, body);
  char got[1024];
  labels(&f, "section", SIDE_A, got, sizeof got);
  expect_str("28 items end with z) aa) ab)", "z) aa) ab)", got + strlen(got) - 10);
  unload(&f);
}

/* The form schema/resc.rng describes for num and was, which resc checks
 * itself (no pattern facet). */
static void test_wellformed(void) {
  static const char *const good[] = {"f",    "aa",   "iii",          "6",           "3.1", "12",
                                     "3ter", "bbis", "3.1quinquies", "2.10.4decies"};
  static const char *const bad[] = {"",      "b)", "3.",   ".3", "3..1", "B",    "3x",
                                    "3bisx", "a1", "3.1a", "3 ", " 3",   "bis1", "3-1"};
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
    expect_str(good[i], "1", label_is_wellformed(good[i]) ? "1" : "0");
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    expect_str(bad[i], "0", label_is_wellformed(bad[i]) ? "1" : "0");
}

static void test_label_diagnostics(void) {
  struct fixture f;
  load(&f, PRE(I INS "<item num='c'><p>x;</p></item>"
                     "<item num='c'><p>x,</p></item>"));
  /* the fourth item is d) in the amended text: one error naming the insertion */
  int n = 0;
  for (size_t i = 0; i < f.d.n; i++)
    if (f.d.v[i].rule == &rule_label) {
      n++;
      expect_str("why the label moved",
                 "num=\"c\" but the item is d) in the amended text (item b) was inserted "
                 "before it); write num=\"d\"",
                 f.d.v[i].message);
    }
  expect_str("one label error", "1", n == 1 ? "1" : "0");
  unload(&f);
}

int main(void) {
  LIBXML_TEST_VERSION
  test_format();
  test_suffix();
  test_wellformed();
  test_views();
  test_label_diagnostics();
  xmlCleanupParser();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
