#include "authoring/source.h"

#include "core/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *source_read(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t n = 0, cap = 1 << 16;
  char *s = xmalloc(cap);
  while (s) {
    size_t r = fread(s + n, 1, cap - n - 1, f);
    n += r;
    if (r == 0)
      break;
    if (n + 1 == cap) {
      char *t = xrealloc(s, cap *= 2);
      if (!t)
        free(s);
      s = t;
    }
  }
  int err = ferror(f);
  fclose(f);
  if (!s || err) {
    free(s);
    errno = err ? EIO : ENOMEM;
    return NULL;
  }
  s[n] = 0;
  *len = n;
  return s;
}

/* Position after the first occurrence of END at or after I, or LEN. */
static size_t skip_past(const char *s, size_t len, size_t i, const char *end) {
  size_t k = strlen(end);
  for (; i + k <= len; i++)
    if (memcmp(s + i, end, k) == 0)
      return i + k;
  return len;
}

/* A DOCTYPE may hold an internal subset in brackets. */
static size_t skip_doctype(const char *s, size_t len, size_t i) {
  int depth = 0;
  for (; i < len; i++) {
    if (s[i] == '[')
      depth++;
    else if (s[i] == ']')
      depth--;
    else if (s[i] == '>' && depth <= 0)
      return i + 1;
  }
  return len;
}

/* The next start tag at or after I: its '<', or LEN. */
static size_t next_start_tag(const char *s, size_t len, size_t i) {
  while (i < len) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt)
      return len;
    i = (size_t)(lt - s);
    if (i + 1 >= len)
      return len;
    if (strncmp(s + i, "<!--", 4) == 0)
      i = skip_past(s, len, i + 4, "-->");
    else if (strncmp(s + i, "<![CDATA[", 9) == 0)
      i = skip_past(s, len, i + 9, "]]>");
    else if (s[i + 1] == '?')
      i = skip_past(s, len, i + 2, "?>");
    else if (s[i + 1] == '!')
      i = skip_doctype(s, len, i + 2);
    else if (s[i + 1] == '/')
      i = skip_past(s, len, i + 2, ">");
    else
      return i;
  }
  return len;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Walks the attributes of the tag at I; fills SPAN for NAME. */
static int tag_attr(const char *s, size_t len, size_t i, const char *name, struct attr_span *span) {
  i++;
  while (i < len && !is_space(s[i]) && s[i] != '>' && s[i] != '/')
    i++; /* the element's name */
  size_t nlen = strlen(name);
  while (i < len) {
    size_t start = i;
    while (i < len && is_space(s[i]))
      i++;
    if (i >= len || s[i] == '>' || s[i] == '/')
      return -1;
    size_t an = i;
    while (i < len && s[i] != '=' && !is_space(s[i]))
      i++;
    size_t anend = i;
    while (i < len && (is_space(s[i]) || s[i] == '='))
      i++;
    if (i >= len || (s[i] != '"' && s[i] != '\''))
      return -1;
    char q = s[i];
    size_t value = ++i;
    const char *close = memchr(s + i, q, len - i);
    if (!close)
      return -1;
    i = (size_t)(close - s);
    if (anend - an == nlen && memcmp(s + an, name, nlen) == 0) {
      *span = (struct attr_span){start, value, i, i + 1};
      return 0;
    }
    i++;
  }
  return -1;
}

int source_find_attr(const char *s, size_t len, struct source_cursor *c, long index,
                     const char *name, struct attr_span *span) {
  if (c->element > index) /* gone past it: start again */
    *c = (struct source_cursor)SOURCE_CURSOR_INIT;
  while (c->element < index) {
    size_t t = next_start_tag(s, len, c->pos);
    if (t >= len)
      return -1;
    c->tag = t;
    c->element++;
    c->pos = t + 1;
  }
  return tag_attr(s, len, c->tag, name, span);
}
