/*
 * PDF objects read in place and written compactly (see pdfobj.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdfobj.h"

#define MAX_DEPTH	64

bool
pdf_is_ws(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	    c == ' ';
}

bool
pdf_is_delim(unsigned char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}


static bool
is_regular(unsigned char c)
{
	return !pdf_is_ws(c) && !pdf_is_delim(c);
}

static void
skip_ws(const char *s, size_t len, size_t *i)
{
	while (*i < len) {
		if (pdf_is_ws((unsigned char)s[*i]))
			(*i)++;
		else if (s[*i] == '%') {
			while (*i < len && s[*i] != '\n' && s[*i] != '\r')
				(*i)++;
		} else
			break;
	}
}

/* A run of digits at s[*i] as a number (at most 18 digits); false if none. */
static bool
read_uint(const char *s, size_t len, size_t *i, long long *v)
{
	size_t	 start = *i;

	*v = 0;
	while (*i < len && is_digit((unsigned char)s[*i]) && *i - start < 18)
		*v = *v * 10 + (s[(*i)++] - '0');
	return *i > start && (*i >= len || !is_digit((unsigned char)s[*i]));
}

/* ---- parsing ------------------------------------------------------------ */

static bool	parse(struct arena *, const char *, size_t, size_t *,
		    struct pdf_val *, int);

/* A literal string "(...)": nested parentheses, backslash escapes. */
static bool
skip_literal(const char *s, size_t len, size_t *i)
{
	int	 depth = 0;

	for (; *i < len; (*i)++) {
		char	 c = s[*i];

		if (c == '\\')
			(*i)++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0) {
			(*i)++;
			return true;
		}
	}
	return false;
}

/* Items up to the closing "]" or ">>" into v->v, v->n. */
static bool
parse_items(struct arena *a, const char *s, size_t len, size_t *i,
    struct pdf_val *v, const char *close, int depth)
{
	struct pdf_val	*items = NULL, *bigger;
	size_t		 cap = 0, n = 0, cl = strlen(close);

	/* This container is nesting level depth + 1: at most MAX_DEPTH. */
	if (depth >= MAX_DEPTH)
		return false;
	for (;;) {
		skip_ws(s, len, i);
		if (*i >= len)
			return false;
		if (*i + cl <= len && memcmp(s + *i, close, cl) == 0) {
			*i += cl;
			break;
		}
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (n > 0)
				memcpy(bigger, items, n * sizeof *items);
			items = bigger;
		}
		if (!parse(a, s, len, i, &items[n], depth + 1))
			return false;
		n++;
	}
	v->v = items;
	v->n = n;
	return true;
}

static bool
parse(struct arena *a, const char *s, size_t len, size_t *i,
    struct pdf_val *v, int depth)
{
	size_t	 start, j;
	char	 c;

	memset(v, 0, sizeof *v);
	if (depth > MAX_DEPTH)
		return false;
	skip_ws(s, len, i);
	if (*i >= len)
		return false;
	start = *i;
	c = s[*i];
	if (c == '/') {
		for ((*i)++; *i < len && is_regular((unsigned char)s[*i]);
		    (*i)++)
			;
		v->t = PV_NAME;
	} else if (c == '(') {
		if (!skip_literal(s, len, i))
			return false;
		v->t = PV_STRING;
	} else if (c == '<' && *i + 1 < len && s[*i + 1] == '<') {
		*i += 2;
		v->t = PV_DICT;
		if (!parse_items(a, s, len, i, v, ">>", depth) || v->n % 2 != 0)
			return false;
		for (j = 0; j < v->n; j += 2)
			if (v->v[j].t != PV_NAME)
				return false;
	} else if (c == '<') {
		for ((*i)++; *i < len && s[*i] != '>'; (*i)++)
			if (!pdf_is_ws((unsigned char)s[*i]) &&
			    !strchr("0123456789abcdefABCDEF", s[*i]))
				return false;
		if (*i >= len)
			return false;
		(*i)++;
		v->t = PV_STRING;
	} else if (c == '[') {
		(*i)++;
		v->t = PV_ARRAY;
		if (!parse_items(a, s, len, i, v, "]", depth))
			return false;
	} else if (is_digit((unsigned char)c) || c == '+' || c == '-' ||
	    c == '.') {
		long long	 num, gen;
		size_t		 k;

		for ((*i)++; *i < len && (is_digit((unsigned char)s[*i]) ||
		    s[*i] == '.'); (*i)++)
			;
		/* "." or "-." is no number. */
		for (k = start; k < *i && !is_digit((unsigned char)s[k]); k++)
			;
		if (k == *i)
			return false;
		v->t = PV_NUM;
		v->integer = memchr(s + start, '.', *i - start) == NULL;
		if (v->integer) {
			k = start + (c == '+' || c == '-');
			if (!read_uint(s, *i, &k, &num) || k != *i)
				return false;
			v->num = c == '-' ? -num : num;
			/* "N G R" */
			k = *i;
			skip_ws(s, len, &k);
			if (c != '-' && c != '+' && read_uint(s, len, &k, &gen)) {
				skip_ws(s, len, &k);
				if (k < len && s[k] == 'R' && (k + 1 == len ||
				    !is_regular((unsigned char)s[k + 1]))) {
					*i = k + 1;
					v->t = PV_REF;
					v->integer = false;
				}
			}
		}
	} else if (is_regular((unsigned char)c)) {
		for (; *i < len && is_regular((unsigned char)s[*i]); (*i)++)
			;
		if (*i - start == 4 && memcmp(s + start, "null", 4) == 0)
			v->t = PV_NULL;
		else if ((*i - start == 4 && memcmp(s + start, "true", 4) == 0) ||
		    (*i - start == 5 && memcmp(s + start, "false", 5) == 0))
			v->t = PV_BOOL;
		else
			return false;
	} else
		return false;
	v->s = s + start;
	v->len = *i - start;
	return true;
}

bool
pdf_parse(struct arena *a, const char *s, size_t len, size_t *pos,
    struct pdf_val *v)
{
	return parse(a, s, len, pos, v, 0);
}

/* ---- the file ----------------------------------------------------------- */

/* Whether s[i] starts word (followed by a non-regular byte or the end). */
static bool
word_at(const char *s, size_t len, size_t i, const char *word)
{
	size_t	 n = strlen(word);

	return i + n <= len && memcmp(s + i, word, n) == 0 &&
	    (i + n == len || !is_regular((unsigned char)s[i + n]));
}

bool
pdf_file_open(struct pdf_file *f, const char *data, size_t len,
    const char **why)
{
	struct arena	*a;
	struct pdf_val	 trailer, *v;
	size_t		 i, tail, k;
	long long	 xref, first, count, off, n;
	bool		 ok = false;

	memset(f, 0, sizeof *f);
	f->data = data;
	f->len = len;
	*why = "it is not a PDF file";
	if (len < 16 || memcmp(data, "%PDF-", 5) != 0)
		return false;
	/* "startxref N" within the last kilobyte. */
	tail = len > 1024 ? len - 1024 : 0;
	for (i = len - 9; i > tail; i--)
		if (memcmp(data + i, "startxref", 9) == 0)
			break;
	*why = "its cross-reference table cannot be found";
	if (i == tail)
		return false;
	i += 9;
	skip_ws(data, len, &i);
	if (!read_uint(data, len, &i, &xref) || (size_t)xref >= len)
		return false;
	i = (size_t)xref;
	if (!word_at(data, len, i, "xref")) {
		*why = "it has a cross-reference stream (only files as Cairo "
		    "writes them are read)";
		return false;
	}
	i += 4;
	a = arena_new();
	for (;;) {
		skip_ws(data, len, &i);
		if (word_at(data, len, i, "trailer"))
			break;
		*why = "its cross-reference table is damaged";
		/*
		 * The offsets are allocated before the rows are read: bound
		 * them by the file (a row takes at least 2 bytes, an object
		 * more than 1), or a few bytes could ask for gigabytes.
		 */
		if (!read_uint(data, len, &i, &first) ||
		    (skip_ws(data, len, &i), !read_uint(data, len, &i, &count)) ||
		    first + count > 50000000 || count < 0 ||
		    count > (long long)((len - i) / 2) ||
		    first + count > (long long)len)
			goto done;
		if (first + count > (long long)f->nobj) {
			f->off = xrealloc(f->off, (size_t)(first + count) *
			    sizeof *f->off);
			memset(f->off + f->nobj, 0, ((size_t)(first + count) -
			    f->nobj) * sizeof *f->off);
			f->nobj = (size_t)(first + count);
		}
		for (n = 0; n < count; n++) {
			skip_ws(data, len, &i);
			if (i + 18 > len || !read_uint(data, len, &i, &off))
				goto done;
			skip_ws(data, len, &i);
			k = i;
			while (k < len && is_digit((unsigned char)data[k]))
				k++;
			skip_ws(data, len, &k);
			if (k >= len || (data[k] != 'n' && data[k] != 'f'))
				goto done;
			if (data[k] == 'n') {
				if (off <= 0 || (size_t)off >= len)
					goto done;
				f->off[first + n] = (size_t)off;
			}
			i = k + 1;
		}
	}
	i += 7;
	*why = "its trailer is damaged";
	if (!pdf_parse(a, data, len, &i, &trailer) || trailer.t != PV_DICT)
		goto done;
	if (pdf_dict_get(&trailer, "Prev") != NULL ||
	    pdf_dict_get(&trailer, "Encrypt") != NULL) {
		*why = "it was updated incrementally or is encrypted (only "
		    "files as Cairo writes them are read)";
		goto done;
	}
	if ((v = pdf_dict_get(&trailer, "Root")) == NULL || v->t != PV_REF ||
	    v->num <= 0 || v->num >= (long long)f->nobj) {
		*why = "it has no document catalog";
		goto done;
	}
	f->root = v->num;
	if ((v = pdf_dict_get(&trailer, "Info")) != NULL && v->t == PV_REF &&
	    v->num > 0 && v->num < (long long)f->nobj)
		f->info = v->num;
	ok = true;
done:
	arena_free(a);
	if (!ok)
		pdf_file_close(f);
	return ok;
}

void
pdf_file_close(struct pdf_file *f)
{
	free(f->off);
	f->off = NULL;
	f->nobj = 0;
}

/* The start of object num's value (after "num G obj"), or 0. */
static size_t
object_start(const struct pdf_file *f, long long num)
{
	size_t		 i;
	long long	 n, g;

	if (num <= 0 || num >= (long long)f->nobj || f->off[num] == 0)
		return 0;
	i = f->off[num];
	if (!read_uint(f->data, f->len, &i, &n) || n != num)
		return 0;
	skip_ws(f->data, f->len, &i);
	if (!read_uint(f->data, f->len, &i, &g))
		return 0;
	skip_ws(f->data, f->len, &i);
	if (!word_at(f->data, f->len, i, "obj"))
		return 0;
	return i + 3;
}

bool
pdf_object(const struct pdf_file *f, long long num, struct arena *a,
    struct pdf_val *val, const char **stream, size_t *slen,
    const char **why)
{
	struct pdf_val	*lv, lenv;
	size_t		 i, k;

	*stream = NULL;
	*slen = 0;
	if ((i = object_start(f, num)) == 0) {
		*why = "an object it refers to is missing";
		return false;
	}
	if (!pdf_parse(a, f->data, f->len, &i, val)) {
		*why = "an object is damaged";
		return false;
	}
	k = i;
	skip_ws(f->data, f->len, &k);
	if (!word_at(f->data, f->len, k, "stream"))
		return true;
	k += 6;
	if (k < f->len && f->data[k] == '\r')
		k++;
	if (k >= f->len || f->data[k] != '\n' || val->t != PV_DICT ||
	    (lv = pdf_dict_get(val, "Length")) == NULL)
		goto damaged;
	k++;
	if (lv->t == PV_REF) {
		size_t	 j = object_start(f, lv->num);

		if (j == 0 || !pdf_parse(a, f->data, f->len, &j, &lenv))
			goto damaged;
		lv = &lenv;
	}
	if (lv->t != PV_NUM || !lv->integer || lv->num < 0 ||
	    (size_t)lv->num > f->len - k)
		goto damaged;
	*stream = f->data + k;
	*slen = (size_t)lv->num;
	return true;
damaged:
	*why = "a stream is damaged";
	return false;
}

/* ---- values ------------------------------------------------------------- */

struct pdf_val *
pdf_dict_get(const struct pdf_val *d, const char *key)
{
	size_t	 i, n = strlen(key);

	if (d == NULL || d->t != PV_DICT)
		return NULL;
	for (i = 0; i < d->n; i += 2)
		if (d->v[i].len == n + 1 && memcmp(d->v[i].s + 1, key, n) == 0)
			return &d->v[i + 1];
	return NULL;
}

bool
pdf_is_name(const struct pdf_val *v, const char *name)
{
	size_t	 n = strlen(name);

	return v != NULL && v->t == PV_NAME && v->len == n + 1 &&
	    memcmp(v->s + 1, name, n) == 0;
}

void
pdf_dict_set(struct arena *a, struct pdf_val *d, const char *key,
    struct pdf_val val)
{
	struct pdf_val	*old = pdf_dict_get(d, key), *items;

	if (old != NULL) {
		*old = val;
		return;
	}
	items = arena_alloc(a, (d->n + 2) * sizeof *items);
	if (d->n > 0)
		memcpy(items, d->v, d->n * sizeof *items);
	items[d->n] = pdf_name(a, key);
	items[d->n + 1] = val;
	d->v = items;
	d->n += 2;
}

static struct pdf_val
atom(struct arena *a, enum pdf_vt t, const char *s, size_t len)
{
	struct pdf_val	 v;

	memset(&v, 0, sizeof v);
	v.t = t;
	v.s = arena_strndup(a, s, len);
	v.len = len;
	return v;
}

struct pdf_val
pdf_name(struct arena *a, const char *name)
{
	struct pdf_val	 v;
	char		*s = arena_alloc(a, strlen(name) + 2);

	s[0] = '/';
	strcpy(s + 1, name);
	memset(&v, 0, sizeof v);
	v.t = PV_NAME;
	v.s = s;
	v.len = strlen(s);
	return v;
}

struct pdf_val
pdf_int(struct arena *a, long long n)
{
	char		 s[32];
	struct pdf_val	 v;

	snprintf(s, sizeof s, "%lld", n);
	v = atom(a, PV_NUM, s, strlen(s));
	v.integer = true;
	v.num = n;
	return v;
}

struct pdf_val
pdf_bool(bool b)
{
	struct pdf_val	 v;

	memset(&v, 0, sizeof v);
	v.t = PV_BOOL;
	v.s = b ? "true" : "false";
	v.len = strlen(v.s);
	return v;
}

struct pdf_val
pdf_ref(struct arena *a, long long num)
{
	char		 s[32];
	struct pdf_val	 v;

	snprintf(s, sizeof s, "%lld 0 R", num);
	v = atom(a, PV_REF, s, strlen(s));
	v.num = num;
	return v;
}

struct pdf_val
pdf_bytes(struct arena *a, const char *s, size_t len)
{
	struct buf	 b = { 0 };
	struct pdf_val	 v;
	size_t		 i;

	buf_putc(&b, '(');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(' || c == ')' || c == '\\')
			buf_printf(&b, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			buf_printf(&b, "\\%03o", c);
		else
			buf_putc(&b, (char)c);
	}
	buf_putc(&b, ')');
	v = atom(a, PV_STRING, b.data, b.len);
	buf_free(&b);
	return v;
}

struct pdf_val
pdf_text(struct arena *a, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	struct buf	 b = { 0 };
	struct pdf_val	 v;
	size_t		 i, n, len = strlen(utf8);
	uint32_t	 cp;

	for (i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			break;
	if (i == len)
		return pdf_bytes(a, utf8, len);
	buf_puts(&b, "<FEFF");
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			cp = 0xFFFD;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			buf_printf(&b, "%04X%04X", 0xD800 + (cp >> 10),
			    0xDC00 + (cp & 0x3FF));
		} else
			buf_printf(&b, "%04X", (unsigned)cp);
	}
	buf_putc(&b, '>');
	v = atom(a, PV_STRING, b.data, b.len);
	buf_free(&b);
	return v;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void
pdf_string_bytes(const struct pdf_val *v, struct buf *b)
{
	size_t	 i, end;
	int	 hi = -1, d;

	if (v == NULL || v->t != PV_STRING || v->len < 2)
		return;
	end = v->len - 1;
	if (v->s[0] == '<') {
		for (i = 1; i < end; i++) {
			if ((d = hexval(v->s[i])) < 0)
				continue;
			if (hi < 0)
				hi = d;
			else {
				buf_putc(b, (char)(hi << 4 | d));
				hi = -1;
			}
		}
		if (hi >= 0)
			buf_putc(b, (char)(hi << 4));
		return;
	}
	for (i = 1; i < end; i++) {
		char	 c = v->s[i];

		if (c == '\r') {	/* an end of line reads as "\n" */
			if (i + 1 < end && v->s[i + 1] == '\n')
				i++;
			buf_putc(b, '\n');
			continue;
		}
		if (c != '\\' || i + 1 >= end) {
			buf_putc(b, c);
			continue;
		}
		c = v->s[++i];
		switch (c) {
		case 'n': buf_putc(b, '\n'); break;
		case 'r': buf_putc(b, '\r'); break;
		case 't': buf_putc(b, '\t'); break;
		case 'b': buf_putc(b, '\b'); break;
		case 'f': buf_putc(b, '\f'); break;
		case '\r':
			if (i + 1 < end && v->s[i + 1] == '\n')
				i++;
			break;
		case '\n':
			break;
		default:
			if (c >= '0' && c <= '7') {
				int	 o = c - '0', k;

				for (k = 1; k < 3 && i + 1 < end &&
				    v->s[i + 1] >= '0' && v->s[i + 1] <= '7'; k++)
					o = o * 8 + (v->s[++i] - '0');
				buf_putc(b, (char)(o & 0xFF));
			} else
				buf_putc(b, c);
			break;
		}
	}
}

void
pdf_string_utf8(const struct pdf_val *v, struct buf *b)
{
	struct buf	 raw = { 0 };
	const unsigned char *s;
	size_t		 i;

	pdf_string_bytes(v, &raw);
	s = (const unsigned char *)raw.data;
	if (raw.len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		for (i = 2; i + 1 < raw.len; i += 2) {
			uint32_t cp = (uint32_t)s[i] << 8 | s[i + 1];

			if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < raw.len) {
				uint32_t lo = (uint32_t)s[i + 2] << 8 |
				    s[i + 3];

				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) +
					    (lo - 0xDC00);
					i += 2;
				}
			}
			if (cp >= 0xD800 && cp < 0xE000)
				cp = 0xFFFD;	/* unpaired */
			buf_put_utf8(b, cp);
		}
	} else
		for (i = 0; i < raw.len; i++)
			buf_put_utf8(b, s[i]);
	buf_free(&raw);
}

/* ---- writing ------------------------------------------------------------ */

/*
 * A space where the token would run into the one before: after a regular
 * byte, or after an empty name "/", which would take the token as its own.
 */
static void
put_token(struct buf *b, const char *s, size_t len)
{
	unsigned char	 last;

	if (len > 0 && b->len > 0) {
		last = (unsigned char)b->data[b->len - 1];
		if ((is_regular(last) || last == '/') &&
		    is_regular((unsigned char)s[0]))
			buf_putc(b, ' ');
	}
	buf_put(b, s, len);
}

void
pdf_put(struct buf *b, const struct pdf_val *v)
{
	size_t	 i;

	switch (v->t) {
	case PV_ARRAY:
		buf_putc(b, '[');
		for (i = 0; i < v->n; i++)
			pdf_put(b, &v->v[i]);
		buf_putc(b, ']');
		break;
	case PV_DICT:
		buf_puts(b, "<<");
		for (i = 0; i < v->n; i++)
			pdf_put(b, &v->v[i]);
		buf_puts(b, ">>");
		break;
	case PV_NULL:
		put_token(b, "null", 4);
		break;
	default:
		put_token(b, v->s, v->len);
		break;
	}
}
