/*
 * libFuzzer harness for the PDF object reader (pdfobj.c). Each input is
 * taken as a whole file: pdf_file_open(), then every object 1..nobj-1 read
 * with pdf_object() into an arena reset per object; each value is written
 * with pdf_put(), parsed again and must be the same value written the same
 * way (else abort); a stream's bytes must lie inside the input (all are
 * read, so that AddressSanitizer sees them). The raw input is also parsed
 * as a sequence of values with pdf_parse() and checked the same way. The
 * characters of every string met (pdf_string_utf8) must be well-formed
 * UTF-8. Finally the input, when it is NUL-free UTF-8, must survive
 * pdf_text() and pdf_string_utf8(), and any input pdf_bytes() and
 * pdf_string_bytes(). Seed corpus: tests/fuzz/corpus/fuzz_pdfobj/ (a small
 * file Cairo 1.16 wrote, a hand-made one with streams, edge cases).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pdfobj.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
same(const struct pdf_val *a, const struct pdf_val *b)
{
	size_t	 i;

	if (a->t != b->t || a->n != b->n || a->num != b->num ||
	    a->integer != b->integer)
		return false;
	if (a->t != PV_ARRAY && a->t != PV_DICT)
		return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	for (i = 0; i < a->n; i++)
		if (!same(&a->v[i], &b->v[i]))
			return false;
	return true;
}

/* The characters of every string in v must be well-formed UTF-8. */
static void
strings(const struct pdf_val *v, struct buf *b)
{
	size_t	 i;

	if (v->t == PV_STRING) {
		buf_reset(b);
		pdf_string_utf8(v, b);
		if (utf8_check((const unsigned char *)b->data, b->len) !=
		    b->len)
			abort();
		buf_reset(b);
		pdf_string_bytes(v, b);
		if (b->len > v->len)
			abort();
	}
	if (v->t == PV_ARRAY || v->t == PV_DICT)
		for (i = 0; i < v->n; i++)
			strings(&v->v[i], b);
}

/* Writes v, parses it again: the same value, written the same way. */
static void
round_trip(struct arena *a, const struct pdf_val *v, struct buf *b)
{
	struct pdf_val	 w;
	struct buf	 again = { 0 };
	size_t		 pos = 0;
	char		*copy;

	buf_reset(b);
	pdf_put(b, v);
	/* An exact copy: a read past the written text is caught. */
	copy = xmalloc(b->len > 0 ? b->len : 1);
	memcpy(copy, b->data, b->len);
	if (!pdf_parse(a, copy, b->len, &pos, &w) || pos != b->len ||
	    !same(v, &w))
		abort();
	pdf_put(&again, &w);
	if (again.len != b->len || memcmp(again.data, b->data, b->len) != 0)
		abort();
	buf_free(&again);
	strings(v, b);
	free(copy);
}

static void
file(const char *data, size_t len, struct arena *a, struct buf *b)
{
	struct pdf_file	 f;
	struct pdf_val	 v;
	const char	*why, *st;
	size_t		 slen, i;
	long long	 num;
	unsigned	 sum = 0;

	if (!pdf_file_open(&f, data, len, &why)) {
		if (why == NULL || f.off != NULL || f.nobj != 0)
			abort();
		return;
	}
	if (f.root <= 0 || f.root >= (long long)f.nobj)
		abort();
	for (num = 0; num <= (long long)f.nobj; num++) {
		arena_reset(a);
		if (!pdf_object(&f, num, a, &v, &st, &slen, &why)) {
			if (why == NULL)
				abort();
			continue;
		}
		if (num == 0 || num == (long long)f.nobj)
			abort();
		if (st != NULL) {
			if (st < data || slen > len ||
			    (size_t)(st - data) > len - slen)
				abort();
			for (i = 0; i < slen; i++)
				sum += (unsigned char)st[i];
		} else if (slen != 0)
			abort();
		round_trip(a, &v, b);
	}
	(void)sum;
	pdf_file_close(&f);
}

/* The raw input as a sequence of values. */
static void
values(const char *data, size_t len, struct arena *a, struct buf *b)
{
	struct pdf_val	 v;
	size_t		 pos = 0, before;

	for (;;) {
		arena_reset(a);
		before = pos;
		if (!pdf_parse(a, data, len, &pos, &v))
			break;
		if (pos <= before || pos > len)
			abort();
		round_trip(a, &v, b);
	}
}

/* Text and bytes made into strings and read back. */
static void
strings_made(const char *data, size_t len, struct arena *a, struct buf *b)
{
	struct pdf_val	 v;
	char		*z;

	arena_reset(a);
	v = pdf_bytes(a, data, len);
	buf_reset(b);
	pdf_string_bytes(&v, b);
	if (b->len != len || (len > 0 && memcmp(b->data, data, len) != 0))
		abort();
	if (memchr(data, '\0', len) != NULL ||
	    utf8_check((const unsigned char *)data, len) != len)
		return;
	z = xstrndup(data, len);
	v = pdf_text(a, z);
	buf_reset(b);
	pdf_string_utf8(&v, b);
	if (b->len != len || (len > 0 && memcmp(b->data, data, len) != 0))
		abort();
	free(z);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	struct buf	 b = { 0 };
	const char	*s = (const char *)data;

	file(s, size, a, &b);
	values(s, size, a, &b);
	strings_made(s, size, a, &b);
	buf_free(&b);
	arena_free(a);
	return 0;
}
