/* The package: takes a path, yields the parsed parts resc reads
 * (word/document.xml, styles, numbering, footnotes, endnotes).
 *
 * A .docx comes from anyone, so the zip is read defensively: the file
 * must be a zip (an OLE compound file is a .doc or an encrypted .docx);
 * no entry may be encrypted, named with ".." or an absolute path; the
 * sizes the archive declares are bounded and so are the bytes actually
 * inflated (a zip bomb lies about its sizes); a part may hold no DTD and
 * no entity declaration (core/parse.c refuses those, and the text limits
 * of libxml2 hold). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/doc.h"
#include "core/xalloc.h"
#include "import/docx.h"
#include "import/ziplib.h"

#define FILE_MAX (64u << 20)   /* the .docx itself */
#define PART_MAX (64u << 20)   /* one part, inflated */
#define TOTAL_MAX (256u << 20) /* every entry, inflated, as declared */
#define ENTRIES_MAX 4096
#define RATIO_MAX 200 /* inflated / deflated, for entries over RATIO_FROM */
#define RATIO_FROM (1u << 20)

static const char *const wanted[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                                     "word/footnotes.xml", "word/endnotes.xml"};
#define NWANTED (sizeof wanted / sizeof wanted[0])

static int refuse(struct diags *d, const char *path, const char *fmt, const char *what) {
  diag_add_sev(d, path, 0, 0, SEV_ERROR, &rule_import, fmt, what);
  return -1;
}

static char *read_file(const char *path, size_t *len, struct diags *d) {
  FILE *f = fopen(path, "rb");
  struct stat sb;
  if (!f) {
    diag_add(d, path, 0, 0, &rule_io, "cannot read: %s", strerror(errno));
    return NULL;
  }
  if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > FILE_MAX) {
    diag_add(d, path, 0, 0, &rule_io, "cannot read: %s",
             S_ISREG(sb.st_mode) ? "larger than 64 MB" : "not a regular file");
    fclose(f);
    return NULL;
  }
  char *buf = xmalloc((size_t)sb.st_size + 1);
  size_t n = buf ? fread(buf, 1, (size_t)sb.st_size, f) : 0;
  fclose(f);
  if (!buf || n != (size_t)sb.st_size) {
    diag_add(d, path, 0, 0, &rule_io, "cannot read: %s", buf ? "short read" : "out of memory");
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

/* What the first bytes say the file is. */
static int check_magic(const char *buf, size_t len, const char *path, struct diags *d) {
  static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (len >= sizeof ole && memcmp(buf, ole, sizeof ole) == 0)
    return refuse(d, path, "%s",
                  "the file is an OLE compound file (a Word 97-2003 .doc, or a .docx protected by "
                  "a password); save it as a Word document (.docx) without a password");
  if (len < 4 || memcmp(buf, "PK\3\4", 4) != 0)
    return refuse(d, path, "%s",
                  "the file is not a DOCX package (not a zip archive); save it as "
                  "a Word document (.docx)");
  return 0;
}

static bool unsafe_name(const char *name) {
  if (!*name || name[0] == '/' || name[0] == '\\' || strchr(name, '\\') ||
      (name[1] == ':' && ((name[0] | 32) >= 'a' && (name[0] | 32) <= 'z')))
    return true;
  for (const char *p = name; *p;) {
    const char *e = strchr(p, '/');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.')
      return true;
    p += n + (e != NULL);
  }
  return false;
}

/* Every entry, before any is read: names, encryption, declared sizes. */
static int check_entries(const struct ziplib *zl, zip_t *z, const char *path, struct diags *d,
                         zip_int64_t idx[NWANTED]) {
  zip_int64_t n = zl->get_num_entries(z, 0);
  if (n < 0 || n > ENTRIES_MAX)
    return refuse(d, path, "%s", "the package has too many entries (more than 4096)");
  zip_uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; i++) {
    zip_stat_t st;
    if (zl->stat_index(z, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
      return refuse(d, path, "%s", "the package is damaged (an entry cannot be read)");
    if (unsafe_name(st.name))
      return refuse(d, path,
                    "the package has an entry named '%s'; entry names must be relative "
                    "paths without '..'",
                    st.name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return refuse(d, path, "entry '%s' is encrypted; save the document without a password",
                    st.name);
    zip_uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (size > PART_MAX)
      return refuse(d, path, "entry '%s' is larger than 64 MB inflated", st.name);
    if (size > RATIO_FROM && size / (comp ? comp : 1) > RATIO_MAX)
      return refuse(d, path, "entry '%s' inflates more than 200 times (a zip bomb?)", st.name);
    total += size;
    if (total > TOTAL_MAX)
      return refuse(d, path, "%s", "the package inflates to more than 256 MB");
    for (size_t w = 0; w < NWANTED; w++)
      if (strcmp(st.name, wanted[w]) == 0)
        idx[w] = i;
  }
  if (idx[0] < 0)
    return refuse(d, path, "%s",
                  "the package has no word/document.xml; save the file as a Word document (.docx)");
  return 0;
}

/* Inflates entry I, trusting no declared size: libzip inflates until the
 * stream ends, so reading stops at the size the archive declares for the
 * entry (a bomb inflates past it) and at PART_MAX bytes. */
static char *read_entry(const struct ziplib *zl, zip_t *z, zip_int64_t i, size_t *len,
                        const char *path, struct diags *d) {
  zip_stat_t st;
  zip_uint64_t declared = PART_MAX;
  if (zl->stat_index(z, (zip_uint64_t)i, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
    declared = st.size;
  zip_file_t *f = zl->fopen_index(z, (zip_uint64_t)i, 0);
  if (!f) {
    refuse(d, path, "%s", "the package is damaged (an entry cannot be inflated)");
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    if (!buf)
      break;
    if (n > declared) {
      refuse(d, path, "%s", "a part inflates past the size the archive declares (a zip bomb?)");
      free(buf);
      buf = NULL;
      break;
    }
    if (n > PART_MAX) {
      refuse(d, path, "%s", "a part inflates to more than 64 MB (a zip bomb?)");
      free(buf);
      buf = NULL;
      break;
    }
    if (n == cap) {
      char *more = xrealloc(buf, cap * 2);
      if (!more) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = more;
      cap *= 2;
    }
    zip_int64_t got = zl->fread(f, buf + n, cap - n);
    if (got < 0) {
      refuse(d, path, "%s", "the package is damaged (an entry does not inflate)");
      free(buf);
      buf = NULL;
      break;
    }
    if (got == 0)
      break;
    n += (size_t)got;
  }
  zl->fclose(f);
  *len = n;
  return buf;
}

static xmlDocPtr parse_part(const char *buf, size_t len, const char *path, const char *part,
                            struct diags *d) {
  size_t nlen = strlen(path) + strlen(part) + 2;
  char *name = xmalloc(nlen);
  if (!name)
    return NULL;
  snprintf(name, nlen, "%s:%s", path, part);
  struct diags local;
  diags_init(&local);
  xmlDocPtr doc = len ? doc_parse(name, buf, len, &local) : NULL;
  if (doc && (doc->intSubset || doc->extSubset)) {
    diag_add_sev(d, name, 0, 0, SEV_ERROR, &rule_import,
                 "the part declares a document type (DTD); DTDs are refused");
    xmlFreeDoc(doc);
    doc = NULL;
  } else if (!doc) {
    /* the parser's own finding, under rule import: it is the package
     * that is bad, not a resc document */
    for (size_t i = 0; i < local.n; i++)
      diag_add_sev(d, name, local.v[i].line, local.v[i].column, SEV_ERROR, &rule_import, "%s",
                   local.v[i].message);
    if (!local.n)
      diag_add_sev(d, name, 0, 0, SEV_ERROR, &rule_import, "the part is empty");
  }
  diags_free(&local);
  free(name);
  return doc;
}

static int read_parts(const struct ziplib *zl, zip_t *z, const zip_int64_t idx[NWANTED],
                      struct docx_parts *p, const char *path, struct diags *d) {
  xmlDocPtr *slot[NWANTED] = {&p->document, &p->styles, &p->numbering, &p->footnotes, &p->endnotes};
  for (size_t w = 0; w < NWANTED; w++) {
    if (idx[w] < 0)
      continue;
    size_t len = 0;
    char *buf = read_entry(zl, z, idx[w], &len, path, d);
    if (!buf)
      return -1;
    *slot[w] = parse_part(buf, len, path, wanted[w], d);
    free(buf);
    if (!*slot[w])
      return -1;
  }
  return 0;
}

int docx_package_open(const char *path, struct docx_parts *p, struct diags *d) {
  memset(p, 0, sizeof *p);
  size_t len = 0;
  char *buf = read_file(path, &len, d);
  if (!buf)
    return -1;
  if (check_magic(buf, len, path, d) != 0) {
    free(buf);
    return -1;
  }
  const char *why = NULL;
  const struct ziplib *zl = ziplib_load(&why);
  if (!zl) {
    free(buf);
    diag_add(d, path, 0, 0, &rule_internal, "libzip could not be loaded: %s", why);
    return -1;
  }
  zip_error_t ze;
  zl->error_init(&ze);
  zip_source_t *src = zl->source_buffer_create(buf, len, 0, &ze);
  zip_t *z = src ? zl->open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
  int rc = -1;
  if (!z) {
    diag_add_sev(d, path, 0, 0, SEV_ERROR, &rule_import,
                 "the file is not a readable zip archive (%s); save it again as .docx",
                 zl->error_strerror(&ze));
    if (src)
      zl->source_free(src);
  } else {
    zip_int64_t idx[NWANTED] = {-1, -1, -1, -1, -1};
    rc = check_entries(zl, z, path, d, idx);
    if (rc == 0)
      rc = read_parts(zl, z, idx, p, path, d);
    zl->discard(z); /* frees the source */
  }
  zl->error_fini(&ze);
  free(buf);
  if (rc != 0)
    docx_parts_free(p);
  return rc;
}

void docx_parts_free(struct docx_parts *p) {
  xmlFreeDoc(p->document);
  xmlFreeDoc(p->styles);
  xmlFreeDoc(p->numbering);
  xmlFreeDoc(p->footnotes);
  xmlFreeDoc(p->endnotes);
  memset(p, 0, sizeof *p);
}
