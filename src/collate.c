/*
 * Czech collation with ICU (see collate.h). Strings are converted from
 * UTF-8 to ICU's UTF-16 once per call; sorting computes every sort key once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "collate.h"
#include "util.h"

struct collate {
	UCollator	*full;		/* all levels: the sort order */
	UCollator	*primary;	/* letters only: index headings */
};

/* The headings of a Czech index, in order. */
static const char *const headings[] = {
	"A", "B", "C", "Č", "D", "E", "F", "G", "H", "Ch", "I", "J", "K", "L",
	"M", "N", "O", "P", "Q", "R", "Ř", "S", "Š", "T", "U", "V", "W", "X",
	"Y", "Z", "Ž",
};

static UCollator *
open_cs(bool numeric, UCollationStrength strength)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UCollator	*c;
	const char	*actual;

	c = ucol_open("cs", &err);
	if (U_FAILURE(err) || c == NULL)
		return NULL;
	/* Without Czech data ICU falls back to the root order silently. */
	actual = ucol_getLocaleByType(c, ULOC_ACTUAL_LOCALE, &err);
	if (U_FAILURE(err) || actual == NULL || strncmp(actual, "cs", 2) != 0) {
		ucol_close(c);
		return NULL;
	}
	ucol_setStrength(c, strength);
	ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, numeric ? UCOL_ON : UCOL_OFF,
	    &err);
	if (U_FAILURE(err)) {
		ucol_close(c);
		return NULL;
	}
	return c;
}

struct collate *
collate_new(bool numeric)
{
	struct collate	*c = xcalloc(1, sizeof *c);

	c->full = open_cs(numeric, UCOL_TERTIARY);
	c->primary = open_cs(false, UCOL_PRIMARY);
	if (c->full == NULL || c->primary == NULL) {
		collate_free(c);
		return NULL;
	}
	return c;
}

void
collate_free(struct collate *c)
{
	if (c == NULL)
		return;
	if (c->full != NULL)
		ucol_close(c->full);
	if (c->primary != NULL)
		ucol_close(c->primary);
	free(c);
}

/* UTF-8 → UTF-16 (malloc'd); ill-formed bytes become U+FFFD. */
static UChar *
to_utf16(const char *s, size_t len, int32_t *ulen)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		*u;
	int32_t		 cap = (int32_t)len + 1;

	if (len > INT32_MAX / 2)
		len = INT32_MAX / 2;
	u = xmalloc((size_t)cap * sizeof *u);
	u_strFromUTF8WithSub(u, cap, ulen, s, (int32_t)len, 0xfffd, NULL,
	    &err);
	if (U_FAILURE(err))
		*ulen = 0;
	return u;
}

int
collate_cmp(const struct collate *c, const char *a, size_t alen,
    const char *b, size_t blen)
{
	UChar		*ua, *ub;
	int32_t		 na, nb;
	UCollationResult r;

	ua = to_utf16(a, alen, &na);
	ub = to_utf16(b, blen, &nb);
	r = ucol_strcoll(c->full, ua, na, ub, nb);
	free(ua);
	free(ub);
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

unsigned char *
collate_key(const struct collate *c, const char *s, size_t len,
    size_t *keylen)
{
	UChar		*u;
	unsigned char	*key;
	int32_t		 n, need, cap = 64;

	u = to_utf16(s, len, &n);
	key = xmalloc((size_t)cap);
	need = ucol_getSortKey(c->full, u, n, key, cap);
	if (need > cap) {
		cap = need;
		key = xrealloc(key, (size_t)cap);
		need = ucol_getSortKey(c->full, u, n, key, cap);
	}
	free(u);
	if (need <= 0) {	/* cannot happen with valid input; be safe */
		key[0] = '\0';
		need = 1;
	}
	if (keylen != NULL)
		*keylen = (size_t)need - 1;	/* ICU counts the final NUL */
	return key;
}

struct keyed {
	unsigned char	*key;
	const char	*s;
	size_t		 i;
};

static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 r = strcmp((const char *)x->key,
				    (const char *)y->key);

	if (r != 0)
		return r;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
collate_sort(const struct collate *c, const char **v, size_t n)
{
	struct keyed	*k;
	size_t		 i;

	if (n < 2)
		return;
	k = xcalloc(n, sizeof *k);
	for (i = 0; i < n; i++) {
		k[i].key = collate_key(c, v[i], strlen(v[i]), NULL);
		k[i].s = v[i];
		k[i].i = i;
	}
	qsort(k, n, sizeof *k, keyed_cmp);
	for (i = 0; i < n; i++) {
		v[i] = k[i].s;
		free(k[i].key);
	}
	free(k);
}

char *
collate_heading(const struct collate *c, const char *s, size_t len,
    char *out)
{
	UChar		*u, *h;
	int32_t		 n, nh, take;
	uint32_t	 cp = 0;
	size_t		 i = 0, k = 0;

	/* Skip what is not a letter or digit: quotes, brackets, spaces. */
	while (k < len) {
		i = utf8_decode((const unsigned char *)s + k, len - k, &cp);
		if (i == 0)
			break;
		if (is_digit((int)cp) || u_isalpha((UChar32)cp))
			break;
		k += i;
	}
	strcpy(out, "#");
	if (k >= len || i == 0)
		return out;
	if (is_digit((int)cp)) {
		strcpy(out, "0\xe2\x80\x93" "9");	/* 0–9 */
		return out;
	}
	u = to_utf16(s + k, len - k, &n);
	if (n == 0) {
		free(u);
		return out;
	}
	/* "ch" is one letter; otherwise compare the first letter. */
	take = n >= 2 && (u[0] == 'c' || u[0] == 'C') &&
	    (u[1] == 'h' || u[1] == 'H') ? 2 : U16_LENGTH(u[0]);
	for (i = NELEM(headings); i-- > 0; ) {
		h = to_utf16(headings[i], strlen(headings[i]), &nh);
		if (ucol_strcoll(c->primary, h, nh, u, take) == UCOL_EQUAL) {
			free(h);
			strcpy(out, headings[i]);
			free(u);
			return out;
		}
		free(h);
	}
	/* A letter outside the Czech alphabet (Ł, Ø) files under itself. */
	i = utf8_encode((uint32_t)u_toupper((UChar32)cp), out);
	out[i] = '\0';
	free(u);
	return out;
}
