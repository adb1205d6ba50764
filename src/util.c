/*
 * Allocation, growable buffers and UTF-8 helpers.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
oom(void)
{
	fputs("mapa: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
grow(void *p, size_t *cap, size_t need, size_t sz)
{
	void	**vp = p;
	size_t	  ncap = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / sz)
			oom();
		ncap *= 2;
	}
	*vp = xrealloc(*vp, ncap * sz);
	*cap = ncap;
}

void
buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		grow(&b->data, &b->cap, b->len + extra + 1, 1);
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	 probe[1];

	va_start(ap, fmt);
	n = vsnprintf(probe, sizeof probe, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_put_utf8(struct buf *b, uint32_t cp)
{
	char	 tmp[4];

	buf_put(b, tmp, utf8_encode(cp, tmp));
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
buf_steal(struct buf *b)
{
	char	*s = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
buf_str(struct buf *b)
{
	if (b->data == NULL)
		buf_reserve(b, 0), b->data[0] = '\0';
	return b->data;
}

size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c;
	size_t	 n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_check(const unsigned char *s, size_t len)
{
	size_t	 i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return i;
		i += n;
	}
	return len;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

bool
all_digits(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
		if (!is_digit((unsigned char)s[i]))
			return false;
	return true;
}

int
ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

const char *
trim_space(const char *s, size_t len, size_t *outlen)
{
	while (len > 0 && (is_space((unsigned char)*s) ||
	    (len >= 2 && memcmp(s, "\xc2\xa0", 2) == 0))) {
		if (is_space((unsigned char)*s))
			s++, len--;
		else
			s += 2, len -= 2;
	}
	while (len > 0 && (is_space((unsigned char)s[len - 1]) ||
	    (len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0)))
		len -= is_space((unsigned char)s[len - 1]) ? 1 : 2;
	*outlen = len;
	return s;
}

int
fold_letter(uint32_t cp)
{
	static const struct {
		uint16_t	 cp;
		char		 c;
	} map[] = {
		{ 0xe0, 'a' }, { 0xe1, 'a' }, { 0xe2, 'a' }, { 0xe4, 'a' },
		{ 0xe7, 'c' }, { 0xe8, 'e' }, { 0xe9, 'e' }, { 0xea, 'e' },
		{ 0xeb, 'e' }, { 0xec, 'i' }, { 0xed, 'i' }, { 0xee, 'i' },
		{ 0xf1, 'n' }, { 0xf2, 'o' }, { 0xf3, 'o' }, { 0xf4, 'o' },
		{ 0xf6, 'o' }, { 0xf9, 'u' }, { 0xfa, 'u' }, { 0xfb, 'u' },
		{ 0xfc, 'u' }, { 0xfd, 'y' }, { 0xff, 'y' },
		{ 0x103, 'a' }, { 0x105, 'a' }, { 0x107, 'c' }, { 0x10d, 'c' },
		{ 0x10f, 'd' }, { 0x111, 'd' }, { 0x119, 'e' }, { 0x11b, 'e' },
		{ 0x13a, 'l' }, { 0x13e, 'l' }, { 0x142, 'l' }, { 0x144, 'n' },
		{ 0x148, 'n' }, { 0x151, 'o' }, { 0x155, 'r' }, { 0x159, 'r' },
		{ 0x15b, 's' }, { 0x15f, 's' }, { 0x161, 's' }, { 0x163, 't' },
		{ 0x165, 't' }, { 0x16f, 'u' }, { 0x171, 'u' }, { 0x17a, 'z' },
		{ 0x17c, 'z' }, { 0x17e, 'z' },
	};
	size_t	 i;

	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return (int)cp + 32;
		return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ?
		    (int)cp : 0;
	}
	/* Capitals to small letters: Latin-1 is 0x20 apart; in Latin
	   Extended-A the pairs alternate (capital even, or odd in the
	   ranges Ĺ–Ň and Ź–Ž). */
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		cp += 0x20;
	else if (((cp >= 0x100 && cp <= 0x137) ||
	    (cp >= 0x14a && cp <= 0x177)) && cp % 2 == 0)
		cp++;
	else if (((cp >= 0x139 && cp <= 0x148) ||
	    (cp >= 0x179 && cp <= 0x17e)) && cp % 2 == 1)
		cp++;
	for (i = 0; i < NELEM(map); i++)
		if (map[i].cp == cp)
			return map[i].c;
	return 0;
}

char *
read_file(const char *path, size_t *len)
{
	FILE	*f;
	struct buf b = { 0 };
	char	 chunk[65536];
	size_t	 n;
	int	 saved;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		saved = errno;
		fclose(f);
		buf_free(&b);
		errno = saved;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}
