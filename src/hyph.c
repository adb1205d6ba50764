/*
 * Czech hyphenation with libhyphen (see hyph.h for the rules).
 *
 * The dictionary is Debian's hyph_cs_CZ.dic after libhyphen's substrings.pl
 * preprocessing plus mapa's patterns in src/hyph_cs_extra.pat, compiled in
 * by src/hyph_cs.sh as hyph_cs_lines[] (ISO-8859-2, one pattern a line).
 * libhyphen reads dictionaries only from a FILE, so the lines are joined
 * and read through fmemopen(): no run-time data file, so the program works
 * the same from the checkout and installed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "hyph.h"
#include "util.h"

#include "hyph_cs_dic.h"	/* generated: hyph_cs_lines[] */

#define LEFTMIN		2	/* letters before a break */
#define RIGHTMIN	3	/* letters after a break */
#define COMPOUNDMIN	2	/* letters on each side of a breakable own hyphen */
#define MAXPART		100	/* longer letter runs are not words */

struct hyph {
	HyphenDict	*dict;
	bool		 exceptions;
};

/*
 * mapa's exception list: whole words (lowercase) with every permitted break,
 * applied before the patterns. A word without "-" is never hyphenated.
 * The first five are csplain's/hyph-utf8's Czech exceptions (K. Horák),
 * which the libhyphen file lacks; the rest are brand names and loanwords
 * the patterns split wrongly, seen in catalogue data. Keep it short:
 * systematic errors belong in src/hyph_cs_extra.pat.
 */
static const char *const exceptions[] = {
	"koe-fi-ci-ent",
	"koe-fi-ci-en-ty",
	"pro-jek-ční",
	"úhlo-příč-ka",
	"úhlo-příč-ky",
	"face-book",
	"face-boo-ku",
	"face-boo-kem",
	"google",
	"googlu",
	"googlem",
	"work-shop",
	"work-sho-py",
	"work-sho-pu",
	"work-sho-pech",
};

/* Unicode code points of ISO-8859-2 bytes 0xA0..0xFF. */
static const uint16_t latin2[96] = {
	0x00a0, 0x0104, 0x02d8, 0x0141, 0x00a4, 0x013d, 0x015a, 0x00a7,
	0x00a8, 0x0160, 0x015e, 0x0164, 0x0179, 0x00ad, 0x017d, 0x017b,
	0x00b0, 0x0105, 0x02db, 0x0142, 0x00b4, 0x013e, 0x015b, 0x02c7,
	0x00b8, 0x0161, 0x015f, 0x0165, 0x017a, 0x02dd, 0x017e, 0x017c,
	0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7,
	0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
	0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7,
	0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
	0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7,
	0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
	0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7,
	0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
};

/* Returns the ISO-8859-2 byte of a lowercase letter, or -1. */
static int
to_latin2(uint32_t cp)
{
	size_t	 i;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? (int)cp : -1;
	for (i = 0; i < NELEM(latin2); i++)
		if (latin2[i] == cp)
			return (int)(0xa0 + i);
	return -1;
}

static HyphenDict *
load_builtin(void)
{
	struct buf	 b = { 0 };
	HyphenDict	*d = NULL;
	FILE		*f;
	size_t		 i;

	for (i = 0; i < NELEM(hyph_cs_lines); i++) {
		buf_puts(&b, hyph_cs_lines[i]);
		buf_putc(&b, '\n');
	}
	if ((f = fmemopen(b.data, b.len, "r")) != NULL) {
		d = hnj_hyphen_load_file(f);
		fclose(f);
	}
	buf_free(&b);
	return d;
}

struct hyph *
hyph_new(const char *path, unsigned flags)
{
	struct hyph	*h;
	HyphenDict	*d;

	d = path == NULL ? load_builtin() : hnj_hyphen_load(path);
	if (d == NULL)
		return NULL;
	h = xcalloc(1, sizeof *h);
	h->dict = d;
	h->exceptions = (flags & HYPH_NO_EXCEPTIONS) == 0;
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

/* Decodes UTF-8 into cp (room for len code points); returns the count or -1. */
static long
decode(const char *s, size_t len, uint32_t *cp)
{
	size_t	 i = 0, k, n = 0;

	while (i < len) {
		if ((k = utf8_decode((const unsigned char *)s + i, len - i,
		    &cp[n])) == 0)
			return -1;
		i += k;
		n++;
	}
	return (long)n;
}

/*
 * Applies the exception list to a lowercase part; returns false when the
 * part is not listed. Breaks closer to the edges than the minimums are
 * dropped (úhlo-příč-ka gives úhlo-příčka).
 */
static bool
exception(const uint32_t *lw, size_t n, unsigned char *marks)
{
	const char	*e;
	uint32_t	 c;
	size_t		 i, j, k, len;

	for (i = 0; i < NELEM(exceptions); i++) {
		e = exceptions[i];
		len = strlen(e);
		for (j = 0, k = 0; j < len; ) {
			if (e[j] == '-') {
				j++;
				continue;
			}
			if (k == n)
				break;
			j += utf8_decode((const unsigned char *)e + j,
			    len - j, &c);
			if (c != lw[k])
				break;
			k++;
		}
		if (j < len || k != n)
			continue;
		for (j = 0, k = 0; j < len; ) {
			if (e[j] == '-') {
				if (k >= LEFTMIN && n - k >= RIGHTMIN)
					marks[k - 1] = HYPH_SOFT;
				j++;
				continue;
			}
			j += utf8_decode((const unsigned char *)e + j,
			    len - j, &c);
			k++;
		}
		return true;
	}
	return false;
}

/* Marks the breaks inside one letter run (a word or a compound's part). */
static void
mark_part(const struct hyph *h, const uint32_t *cp, size_t n,
    unsigned char *marks)
{
	uint32_t	 lw[MAXPART];
	char		 w[MAXPART + 1], hy[MAXPART + 5];
	char		**rep = NULL;
	int		*pos = NULL, *cut = NULL, b;
	size_t		 i;

	if (n < LEFTMIN + RIGHTMIN || n > MAXPART)
		return;
	for (i = 0; i < n; i++) {
		/* Acronyms (OSVČ) and mixed case (MUDr, YouTube) stay whole. */
		if (i > 0 && (u_isupper((UChar32)cp[i]) ||
		    u_istitle((UChar32)cp[i])))
			return;
		lw[i] = (uint32_t)u_tolower((UChar32)cp[i]);
	}
	if (h->exceptions && exception(lw, n, marks))
		return;
	for (i = 0; i < n; i++) {
		if ((b = to_latin2(lw[i])) < 0)
			return;
		w[i] = (char)b;
	}
	w[n] = '\0';
	memset(hy, 0, sizeof hy);
	if (hnj_hyphen_hyphenate3(h->dict, w, (int)n, hy, NULL, &rep, &pos,
	    &cut, LEFTMIN, RIGHTMIN, LEFTMIN, RIGHTMIN) == 0) {
		for (i = LEFTMIN - 1; i + RIGHTMIN < n; i++)
			if (hy[i] & 1)
				marks[i] = HYPH_SOFT;
	}
	if (rep != NULL) {
		for (i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
}

/* A letter (words are letters, joined by single hyphens). */
static bool
is_letter(uint32_t c)
{
	return c != '-' && u_isalpha((UChar32)c);
}

/* hyph_word() on decoded code points. */
static int
mark_word(const struct hyph *h, const uint32_t *cp, size_t n,
    unsigned char *marks)
{
	size_t	 i, j, start;

	memset(marks, HYPH_NONE, n);
	for (i = 0; i < n; i++) {
		if (is_letter(cp[i]))
			continue;
		if (cp[i] != '-' || i == 0 || i + 1 == n || cp[i - 1] == '-')
			return -1;
	}
	for (start = 0, i = 0; i <= n; i++) {
		if (i < n && cp[i] != '-')
			continue;
		mark_part(h, cp + start, i - start, marks + start);
		if (i < n) {
			/* The word's own hyphen: breakable between two parts
			 * of two letters or more (je-li, not e-mail). */
			for (j = i + 1; j < n && cp[j] != '-'; j++)
				;
			marks[i] = i - start >= COMPOUNDMIN &&
			    j - i - 1 >= COMPOUNDMIN ? HYPH_COMPOUND : HYPH_KEEP;
		}
		start = i + 1;
	}
	return (int)n;
}

int
hyph_word(const struct hyph *h, const char *word, size_t len,
    unsigned char *marks, size_t nmarks)
{
	uint32_t	*cp;
	long		 n;
	int		 rc = -1;

	memset(marks, HYPH_NONE, nmarks);
	cp = xmalloc((len + 1) * sizeof *cp);
	n = decode(word, len, cp);
	if (n >= 0 && (size_t)n <= nmarks && n <= MAXPART * 4) {
		rc = mark_word(h, cp, (size_t)n, marks);
		if (rc < 0)
			memset(marks, HYPH_NONE, (size_t)n);
	}
	free(cp);
	return rc;
}

char *
hyph_show(const struct hyph *h, const char *word, size_t len)
{
	unsigned char	*marks;
	struct buf	 b = { 0 };
	uint32_t	 c;
	size_t		 i = 0, k, n = 0;
	int		 rc;

	marks = xmalloc(len + 1);
	rc = hyph_word(h, word, len, marks, len + 1);
	if (rc <= 0) {
		free(marks);
		buf_put(&b, word, len);
		buf_putc(&b, '\0');
		b.len--;
		return buf_steal(&b);
	}
	while (i < len) {
		k = utf8_decode((const unsigned char *)word + i, len - i, &c);
		if (marks[n] == HYPH_COMPOUND)
			buf_putc(&b, '=');
		else if (marks[n] == HYPH_KEEP)
			buf_put_utf8(&b, 0x2011);
		else
			buf_put(&b, word + i, k);
		if (marks[n] == HYPH_SOFT)
			buf_putc(&b, '-');
		i += k;
		n++;
	}
	free(marks);
	return buf_steal(&b);
}

/* Spaces that separate tokens in running text. */
static bool
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0x00a0 || c == 0x202f || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x3000;
}

/* URLs and e-mail addresses are copied as they are. */
static bool
is_address(const uint32_t *cp, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (cp[i] == '@' || cp[i] == 0x00ad)
			return true;
		if (cp[i] == ':' && i + 2 < n && cp[i + 1] == '/' &&
		    cp[i + 2] == '/')
			return true;
		if (i + 4 <= n && (cp[i] == 'w' || cp[i] == 'W') &&
		    (cp[i + 1] == 'w' || cp[i + 1] == 'W') &&
		    (cp[i + 2] == 'w' || cp[i + 2] == 'W') && cp[i + 3] == '.' &&
		    (i == 0 || !is_letter(cp[i - 1])))
			return true;
	}
	return false;
}

static bool
is_alnum(uint32_t c)
{
	return is_letter(c) || u_isdigit((UChar32)c);
}

/* Hyphenates one whitespace-free token into b. */
static void
hyph_token(const struct hyph *h, const uint32_t *cp, size_t n,
    unsigned flags, bool sentence_start, struct buf *b)
{
	unsigned char	*marks;
	size_t		 i, j, k;
	bool		 first = true, whole;

	if (is_address(cp, n)) {
		for (i = 0; i < n; i++)
			buf_put_utf8(b, cp[i]);
		return;
	}
	marks = xmalloc(n + 1);
	for (i = 0; i < n; ) {
		if (!is_letter(cp[i])) {
			buf_put_utf8(b, cp[i]);
			/* A hyphen inside a code (COVID-19, 978-80) holds. */
			if (cp[i] == '-' && i > 0 && i + 1 < n &&
			    is_alnum(cp[i - 1]) && is_alnum(cp[i + 1]))
				buf_put_utf8(b, 0x2060);
			i++;
			continue;
		}
		/* A run of letters joined by single hyphens. */
		for (j = i; j < n; j++) {
			if (is_letter(cp[j]))
				continue;
			if (cp[j] == '-' && j + 1 < n && is_letter(cp[j + 1]) &&
			    j > i)
				continue;
			break;
		}
		/* Letters glued to digits or apostrophes are not words. */
		whole = (i > 0 && (u_isdigit((UChar32)cp[i - 1]) ||
		    cp[i - 1] == '\'' || cp[i - 1] == 0x2019)) ||
		    (j < n && (u_isdigit((UChar32)cp[j]) || cp[j] == '\'' ||
		    cp[j] == 0x2019));
		if (whole || mark_word(h, cp + i, j - i, marks) < 0)
			memset(marks, HYPH_NONE, j - i);
		else if (u_isupper((UChar32)cp[i]) && !(first && sentence_start) &&
		    (flags & HYPH_NAMES) == 0) {
			/* A name: keep it whole, but its hyphen may break. */
			for (k = 0; k < j - i; k++)
				if (marks[k] == HYPH_SOFT)
					marks[k] = HYPH_NONE;
		}
		for (k = 0; k < j - i; k++) {
			buf_put_utf8(b, cp[i + k]);
			if (marks[k] == HYPH_SOFT)
				buf_put_utf8(b, 0x00ad);
			else if (marks[k] == HYPH_KEEP ||
			    (marks[k] == HYPH_COMPOUND &&
			    (flags & HYPH_NO_COMPOUND)))
				buf_put_utf8(b, 0x2060);
			else if (whole && cp[i + k] == '-')
				buf_put_utf8(b, 0x2060);
		}
		first = false;
		i = j;
	}
	free(marks);
}

/* Whether a token ends a sentence, so that the next word may be capitalised. */
static bool
ends_sentence(const uint32_t *cp, size_t n)
{
	while (n > 0 && (cp[n - 1] == ')' || cp[n - 1] == 0x201c ||
	    cp[n - 1] == '"' || cp[n - 1] == 0x2018 || cp[n - 1] == ']'))
		n--;
	return n > 0 && (cp[n - 1] == '.' || cp[n - 1] == '!' ||
	    cp[n - 1] == '?' || cp[n - 1] == 0x2026);
}

char *
hyph_text(const struct hyph *h, const char *text, size_t len,
    unsigned flags, size_t *outlen)
{
	struct buf	 b = { 0 };
	uint32_t	*cp;
	size_t		 i, j, n;
	long		 m;
	bool		 start = true;

	buf_putc(&b, '\0');
	b.len = 0;
	cp = xmalloc((len + 1) * sizeof *cp);
	if ((m = decode(text, len, cp)) < 0) {
		buf_put(&b, text, len);
		free(cp);
		if (outlen != NULL)
			*outlen = b.len;
		return buf_steal(&b);
	}
	n = (size_t)m;
	for (i = 0; i < n; ) {
		if (is_blank(cp[i])) {
			if (cp[i] == '\n')
				start = true;
			buf_put_utf8(&b, cp[i++]);
			continue;
		}
		for (j = i; j < n && !is_blank(cp[j]); j++)
			;
		hyph_token(h, cp + i, j - i, flags, start, &b);
		start = ends_sentence(cp + i, j - i);
		i = j;
	}
	free(cp);
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}
