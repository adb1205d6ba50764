/*
 * Validation of the loaded catalogue (DOMAIN.md §8): the pure checks of
 * identifiers and contacts first, then the walk over the model that
 * applies them, repairs what is safe and drops what is not.
 *
 * Every message names the field and the value, says what was done, and
 * points at the value itself. A record is dropped only when it cannot be
 * printed sensibly (no name, no type, a bad identifikátor); a bad value is
 * dropped alone and the record kept.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "codebook.h"
#include "hours.h"
#include "strmap.h"
#include "util.h"
#include "validate.h"

/* Capacities above this are typing errors, not services. */
#define CAP_MAX		100000
#define YEAR_MIN	2000
#define YEAR_MAX	2100

/* ------------------------------------------------------------------ */
/* Character classes shared by the pure checks                         */
/* ------------------------------------------------------------------ */

/*
 * Byte length of a space at p: ASCII space or tab, NBSP, thin space or
 * narrow NBSP (spreadsheets and word processors put all of these in
 * numbers); 0 if p is not a space.
 */
static size_t
space_len(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xaf))
		return 3;
	return 0;
}

/* Like space_len(), also for the punctuation people group phone digits with. */
static size_t
phone_sep_len(const unsigned char *p)
{
	size_t	 n;

	if ((n = space_len(p)) > 0)
		return n;
	if (*p == '-' || *p == '.' || *p == '(' || *p == ')')
		return 1;
	/* en dash, as word processors turn "585-562-109" into. */
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x93)
		return 3;
	return 0;
}

static bool
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

/* True if s is NULL, empty, or only spaces (including NBSP). */
static bool
is_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 n;

	if (s == NULL)
		return true;
	while (*p != '\0') {
		if ((n = space_len(p)) == 0 && *p != '\n' && *p != '\r')
			return false;
		p += n ? n : 1;
	}
	return true;
}

static bool
prefix_nocase(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++)
		if (ascii_tolower((unsigned char)*s) != *prefix)
			return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* IČO and identifikátor                                               */
/* ------------------------------------------------------------------ */

int
val_ico_check_digit(const char *s)
{
	int	 i, sum = 0, r;

	if (s == NULL)
		return -1;
	for (i = 0; i < 7; i++) {
		if (!is_digit((unsigned char)s[i]))
			return -1;
		sum += (8 - i) * (s[i] - '0');
	}
	r = sum % 11;
	return (11 - r) % 10;
}

bool
val_ico_format(const char *s)
{
	return s != NULL && strlen(s) == 8 && all_digits(s, 8);
}

bool
val_ico_checksum(const char *s)
{
	return val_ico_format(s) && s[7] - '0' == val_ico_check_digit(s);
}

bool
val_ident(const char *s)
{
	return s != NULL && strlen(s) == 7 && all_digits(s, 7);
}

/* ------------------------------------------------------------------ */
/* Phone numbers                                                       */
/* ------------------------------------------------------------------ */

/* Emergency numbers and the EU-harmonised 116 xxx range (DOMAIN §5.3, §8.3). */
static bool
phone_is_short(const char *dig, size_t n)
{
	static const char *const emergency[] = {
		"112", "150", "155", "156", "158"
	};
	size_t	 i;

	if (n == 3) {
		for (i = 0; i < NELEM(emergency); i++)
			if (memcmp(dig, emergency[i], 3) == 0)
				return true;
		return false;
	}
	return n == 6 && memcmp(dig, "116", 3) == 0;
}

static bool
phone_is_czech(const char *dig, size_t n)
{
	return n == 9 && dig[0] >= '2' && dig[0] <= '9';
}

static bool
phone_put(char *out, size_t outlen, const char *prefix, const char *dig,
    size_t n)
{
	size_t	 lp = strlen(prefix);

	if (lp + n + 1 > outlen)
		return false;
	memcpy(out, prefix, lp);
	memcpy(out + lp, dig, n);
	out[lp + n] = '\0';
	return true;
}

/*
 * Collects the digits of s into dig (NUL-terminated) and whether it began
 * with "+". Returns false when s holds anything but digits, separators
 * and one leading "+", or too many digits.
 */
static bool
phone_digits(const char *s, char *dig, size_t diglen, size_t *n, bool *plus)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 k;

	*n = 0;
	*plus = false;
	while (*p != '\0') {
		if ((k = phone_sep_len(p)) > 0) {
			p += k;
			continue;
		}
		if (*p == '+' && *n == 0 && !*plus) {
			*plus = true;
			p++;
			continue;
		}
		if (!is_digit(*p) || *n + 1 >= diglen)
			return false;
		dig[(*n)++] = (char)*p++;
	}
	dig[*n] = '\0';
	return true;
}

bool
val_phone_normalise(const char *s, char *out, size_t outlen)
{
	char	 dig[24];
	size_t	 n;
	bool	 plus;

	if (s == NULL || out == NULL || !phone_digits(s, dig, sizeof dig, &n,
	    &plus))
		return false;
	/* International forms: +CC… or 00CC…; +420 and 00420 are ours. */
	if (!plus && n > 2 && dig[0] == '0' && dig[1] == '0') {
		memmove(dig, dig + 2, n - 1);
		n -= 2;
		plus = true;
	}
	if (plus && n > 3 && memcmp(dig, "420", 3) == 0)
		return phone_is_czech(dig + 3, n - 3) &&
		    phone_put(out, outlen, "", dig + 3, n - 3);
	if (plus)
		return n >= 7 && n <= 15 && dig[0] != '0' &&
		    phone_put(out, outlen, "+", dig, n);
	/* 420 written without the + (seen in spreadsheet exports). */
	if (n == 12 && memcmp(dig, "420", 3) == 0 &&
	    phone_is_czech(dig + 3, 9))
		return phone_put(out, outlen, "", dig + 3, 9);
	if (phone_is_czech(dig, n) || phone_is_short(dig, n))
		return phone_put(out, outlen, "", dig, n);
	return false;
}

const char *
val_phone_problem(const char *s)
{
	char	 dig[24], out[VAL_PHONE_MAX];
	size_t	 n;
	bool	 plus;

	if (val_phone_normalise(s, out, sizeof out))
		return NULL;
	if (is_blank(s))
		return "it is empty";
	if (!phone_digits(s, dig, sizeof dig, &n, &plus)) {
		if (strchr(s, '@') != NULL)
			return "it is an e-mail address";
		return "it contains characters other than digits";
	}
	if (plus || (n > 2 && dig[0] == '0' && dig[1] == '0'))
		return "it is not a Czech number (+420 and 9 digits) nor "
		    "a foreign one (7 to 15 digits after the +)";
	if (n == 9)
		return "a Czech number cannot start with 0 or 1";
	if (n < 9)
		return n == 3 || n == 6 ? "it is not a known short number "
		    "(112, 150, 155, 156, 158, 116 xxx)" :
		    "it has too few digits; a Czech number has 9";
	return "it has too many digits; a Czech number has 9";
}

/*
 * Length of a separator between two phone numbers at p: ",", ";", "/",
 * "|", a line break, or the word "nebo" or "a" between spaces.
 */
static size_t
phone_list_sep(const char *p)
{
	if (*p == ',' || *p == ';' || *p == '/' || *p == '|' || *p == '\n')
		return 1;
	if (strncmp(p, " nebo ", 6) == 0)
		return 6;
	if (strncmp(p, " a ", 3) == 0)
		return 3;
	return 0;
}

size_t
val_phone_split(const char *s, char (*out)[VAL_PHONE_MAX], size_t max)
{
	char	 part[128];
	size_t	 n = 0, len, k, seps = 0;
	const char *start, *p;

	if (s == NULL)
		return 0;
	for (start = p = s; ; p++) {
		k = *p == '\0' ? 0 : phone_list_sep(p);
		if (*p != '\0' && k == 0)
			continue;
		len = (size_t)(p - start);
		if (len >= sizeof part)
			return 0;
		memcpy(part, start, len);
		part[len] = '\0';
		/* "585 562 109," has a stray separator, not an empty number. */
		if (!is_blank(part)) {
			if (n == max ||
			    !val_phone_normalise(part, out[n], VAL_PHONE_MAX))
				return 0;
			n++;
		}
		if (*p == '\0')
			break;
		seps++;
		p += k - 1;
		start = p + 1;
	}
	return seps > 0 ? n : 0;
}

/* ------------------------------------------------------------------ */
/* PSČ                                                                 */
/* ------------------------------------------------------------------ */

bool
val_psc_normalise(const char *s, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char	 d[6];
	size_t	 n = 0, k;

	if (s == NULL)
		return false;
	while (*p != '\0') {
		if ((k = space_len(p)) > 0) {
			p += k;
			continue;
		}
		if (!is_digit(*p) || n == 5)
			return false;
		d[n++] = (char)*p++;
	}
	if (n != 5 || d[0] < '1' || d[0] > '7')
		return false;
	d[5] = '\0';
	memcpy(out, d, 6);
	return true;
}

/*
 * First digits of PSČ per region (DOMAIN §8.2), widened where whole
 * districts cross the rough rule: Semily and Jilemnice (Liberecký kraj)
 * have 51x, Pelhřimov (Vysočina) 39x, Uherské Hradiště (Zlínský kraj) 68x.
 * The name stems leave out the first letter, so that "Zlínský" and
 * "zlínský" both match without case folding UTF-8.
 */
static const struct {
	const char	*nuts;
	const char	*stem;
	unsigned	 mask;
} psc_regions[] = {
	{ "CZ010", "raha",		1u << 1 },
	{ "CZ020", "tředočes",		1u << 2 },
	{ "CZ031", "ihočes",		1u << 3 },
	{ "CZ032", "lzeňs",		1u << 3 },
	{ "CZ041", "arlovar",		1u << 3 },
	{ "CZ042", "stecký",		1u << 4 },
	{ "CZ051", "iberec",		1u << 4 | 1u << 5 },
	{ "CZ052", "rálovéhrad",	1u << 5 },
	{ "CZ053", "ardubic",		1u << 5 },
	{ "CZ063", "ysočin",		1u << 3 | 1u << 5 | 1u << 6 },
	{ "CZ064", "ihomorav",		1u << 6 },
	{ "CZ071", "lomouc",		1u << 7 },
	{ "CZ072", "línsk",		1u << 6 | 1u << 7 },
	{ "CZ080", "oravskoslez",	1u << 7 },
};

unsigned
val_psc_region_mask(const char *code, const char *name)
{
	size_t	 i;

	if (code != NULL && strlen(code) >= 5)
		for (i = 0; i < NELEM(psc_regions); i++)
			if (strncmp(code, psc_regions[i].nuts, 5) == 0)
				return psc_regions[i].mask;
	if (name != NULL)
		for (i = 0; i < NELEM(psc_regions); i++)
			if (strstr(name, psc_regions[i].stem) != NULL)
				return psc_regions[i].mask;
	return 0;
}

/* ------------------------------------------------------------------ */
/* E-mail and web addresses                                            */
/* ------------------------------------------------------------------ */

/* Why the host name h[0..len) is not usable, or NULL. */
static const char *
host_problem(const char *h, size_t len)
{
	size_t	 i, start = 0, labels = 0;
	unsigned char c;
	bool	 alpha_tld;

	if (len == 0)
		return "it has no domain name";
	for (i = 0; i <= len; i++) {
		if (i < len && h[i] != '.') {
			c = (unsigned char)h[i];
			if (!is_alnum(c) && c != '-' && c < 0x80)
				return "the domain name contains a character "
				    "that is not allowed";
			continue;
		}
		if (i == start)
			return "the domain name has an empty part "
			    "(two dots, or a dot at the start or end)";
		if (h[start] == '-' || h[i - 1] == '-' || i - start > 63)
			return "a part of the domain name starts or ends "
			    "with a hyphen or is too long";
		labels++;
		start = i + 1;
	}
	if (labels < 2)
		return "the domain name has no dot (e.g. charita.cz)";
	/* The top-level domain: letters only, or an IDN "xn--…" one. */
	start = len;
	while (start > 0 && h[start - 1] != '.')
		start--;
	alpha_tld = len - start >= 2;
	for (i = start; i < len; i++)
		if (!is_alpha((unsigned char)h[i]))
			alpha_tld = false;
	if (!alpha_tld && !prefix_nocase(h + start, "xn--"))
		return "it does not end with a top-level domain such as "
		    ".cz or .com";
	return NULL;
}

/* A space or a control character anywhere? */
static bool
has_space(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f || space_len(p) > 0)
			return true;
	return false;
}

static bool
looks_like_web(const char *s)
{
	return prefix_nocase(s, "http:") || prefix_nocase(s, "https:") ||
	    prefix_nocase(s, "www.") || strchr(s, '/') != NULL;
}

const char *
val_email_problem(const char *s)
{
	static const char specials[] = "!#$%&'*+/=?^_`{|}~.-";
	const char *at, *p;

	if (is_blank(s))
		return "it is empty";
	if (has_space(s))
		return "it contains a space";
	if ((at = strchr(s, '@')) == NULL)
		return looks_like_web(s) ? "it has no @; it looks like a web "
		    "address" : "it has no @";
	if (strchr(at + 1, '@') != NULL)
		return "it has more than one @";
	if (at == s)
		return "there is nothing before the @";
	if (at - s > 64)
		return "the part before the @ is too long";
	for (p = s; p < at; p++)
		if (!is_alnum((unsigned char)*p) && strchr(specials, *p) == NULL)
			return "the part before the @ contains a character "
			    "that is not allowed";
	if (*s == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return "the part before the @ has a misplaced dot";
	if (strlen(s) > 254)
		return "it is too long";
	return host_problem(at + 1, strlen(at + 1));
}

bool
val_email(const char *s)
{
	return val_email_problem(s) == NULL;
}

const char *
val_web_problem(const char *s)
{
	const char *p, *h, *q;
	size_t	 hl;

	if (is_blank(s))
		return "it is empty";
	if (has_space(s))
		return "it contains a space";
	if (prefix_nocase(s, "mailto:"))
		return "it is an e-mail address";
	p = s;
	if (prefix_nocase(p, "https://"))
		p += 8;
	else if (prefix_nocase(p, "http://"))
		p += 7;
	else if (prefix_nocase(p, "http:") || prefix_nocase(p, "https:") ||
	    prefix_nocase(p, "http//") || prefix_nocase(p, "https//"))
		return "the http:// or https:// at its start is mistyped";
	else if (strstr(p, "://") != NULL)
		return "only http:// and https:// addresses can be used";
	h = p;
	hl = strcspn(h, "/?#:");
	if (memchr(h, '@', hl) != NULL)
		return "it is an e-mail address";
	if ((q = host_problem(h, hl)) != NULL)
		return q;
	p = h + hl;
	if (*p == ':') {
		for (q = ++p; is_digit((unsigned char)*p); p++)
			continue;
		if (p == q || p - q > 5 || (*p != '\0' && *p != '/' &&
		    *p != '?' && *p != '#'))
			return "the port after the : is not a number";
	}
	return NULL;
}

bool
val_web(const char *s)
{
	return val_web_problem(s) == NULL;
}

/* ------------------------------------------------------------------ */
/* The walk over the model                                             */
/* ------------------------------------------------------------------ */

struct vctx {
	struct catalogue *c;
	struct diag	 *d;
	char		  ring[8][160];	/* formatted numbers and positions */
	unsigned	  nring;
};

static char *
ring(struct vctx *v)
{
	return v->ring[v->nring++ % NELEM(v->ring)];
}

/* "line 12" when first is in the same file as here, else "file:12". */
static const char *
pos_ref(struct vctx *v, const struct srcpos *first, const struct srcpos *here)
{
	char	*b = ring(v);

	if (first->line <= 0)
		snprintf(b, sizeof v->ring[0], "%s",
		    first->file ? first->file : "another input");
	else if (first->file == NULL || (here->file != NULL &&
	    strcmp(first->file, here->file) == 0))
		snprintf(b, sizeof v->ring[0], "line %d", first->line);
	else
		snprintf(b, sizeof v->ring[0], "%s:%d", first->file,
		    first->line);
	return b;
}

/* An integer with spaces between thousands: "100 000", "-5". */
static const char *
fmt_int(struct vctx *v, long long n)
{
	char	 digits[32], *b = ring(v);
	size_t	 len, i, o = 0;
	unsigned long long u;

	u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	len = (size_t)snprintf(digits, sizeof digits, "%llu", u);
	if (n < 0)
		b[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			b[o++] = ' ';
		b[o++] = digits[i];
	}
	b[o] = '\0';
	return b;
}

/* Hundredths as a Czech decimal: 523000050 → "5 230 000,50", -300 → "-3". */
static const char *
fmt_fixed2(struct vctx *v, long long h)
{
	char		*b = ring(v);
	long long	 whole = h / 100, frac = h % 100;

	if (frac < 0)
		frac = -frac;
	if (frac != 0)
		snprintf(b, sizeof v->ring[0], "%s%s,%02lld",
		    h < 0 && whole == 0 ? "-" : "", fmt_int(v, whole), frac);
	else
		snprintf(b, sizeof v->ring[0], "%s", fmt_int(v, whole));
	return b;
}

/* Haléře as Czech money: "5 230 000,50 Kč". */
static const char *
fmt_money(struct vctx *v, long long h)
{
	char	*b = ring(v);

	snprintf(b, sizeof v->ring[0], "%s Kč", fmt_fixed2(v, h));
	return b;
}

/* Minutes after midnight as "7:05". */
static const char *
fmt_time(struct vctx *v, int min)
{
	char	*b = ring(v);

	if (min < 0 || min > 100 * 60)
		snprintf(b, sizeof v->ring[0], "%d min", min);
	else
		snprintf(b, sizeof v->ring[0], "%d:%02d", min / 60, min % 60);
	return b;
}

/* A normalised phone number as people read it: "585 562 109", "116 111". */
static const char *
fmt_phone(struct vctx *v, const char *num)
{
	char	*b = ring(v);
	size_t	 n = strlen(num);

	if (n == 9 && num[0] != '+')
		snprintf(b, sizeof v->ring[0], "%.3s %.3s %.3s", num,
		    num + 3, num + 6);
	else if (n == 6)
		snprintf(b, sizeof v->ring[0], "%.3s %.3s", num, num + 3);
	else
		snprintf(b, sizeof v->ring[0], "%s", num);
	return b;
}

static const char *
aput(struct vctx *v, const char *s)
{
	return arena_strdup(v->c->arena, s);
}

/*
 * A copy of s without leading and trailing spaces (NBSP included), or s
 * itself when there are none.
 */
static const char *
trim(struct vctx *v, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *e;
	size_t	 k;

	while ((k = space_len(p)) > 0 || *p == '\n' || *p == '\r')
		p += k ? k : 1;
	e = p + strlen((const char *)p);
	while (e > p) {
		if (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
		    e[-1] == '\r')
			e--;
		else if (e - p >= 2 && e[-2] == 0xc2 && e[-1] == 0xa0)
			e -= 2;
		else if (e - p >= 3 && e[-3] == 0xe2 && e[-2] == 0x80 &&
		    (e[-1] == 0x89 || e[-1] == 0xaf))
			e -= 3;
		else
			break;
	}
	if (p == (const unsigned char *)s && *e == '\0')
		return s;
	return arena_strndup(v->c->arena, (const char *)p, (size_t)(e - p));
}

/*
 * An empty value where one is expected: reported and treated as absent.
 * Returns whether a value is present afterwards.
 */
static bool
present(struct vctx *v, struct str *x, const char *what)
{
	if (x->s == NULL)
		return false;
	if (!is_blank(x->s))
		return true;
	diag(v->d, D_EMPTY_VALUE, &x->pos, "%s is empty; treated as absent",
	    what);
	x->s = NULL;
	return false;
}

/*
 * A printed text longer than this many characters is shortened: a brochure
 * entry of more than a few pages helps no reader, and a runaway field (a
 * whole document pasted into popis) must not make the render run for
 * minutes.
 */
#define MAX_TEXT_CHARS	10000

/*
 * Shortens an overlong text at the last sentence end (or space) before the
 * limit, adding an ellipsis, and says so. The text is copied into the
 * catalogue's arena.
 */
static void
limit_length(struct vctx *v, struct str *x, const char *what)
{
	const char	*p, *cut = NULL, *space = NULL, *last = NULL;
	size_t		 n = 0, len;
	char		*t;

	if (x->s == NULL)
		return;
	for (p = x->s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		if (++n > MAX_TEXT_CHARS)
			break;
		last = p;	/* (the ellipsis takes the last one's place) */
		if (*p == ' ') {
			space = p;
			if (p > x->s && (p[-1] == '.' || p[-1] == '!' ||
			    p[-1] == '?'))
				cut = p;
		}
	}
	if (*p == '\0')
		return;
	if (cut == NULL)
		cut = space != NULL ? space : last;
	len = (size_t)(cut - x->s);
	t = arena_alloc(v->c->arena, len + 4);
	memcpy(t, x->s, len);
	memcpy(t + len, "\xe2\x80\xa6", 4);		/* … */
	diag(v->d, D_TOO_LONG, &x->pos, "%s has more than %d characters; "
	    "shortened to %zu", what, MAX_TEXT_CHARS, utf8_count(t, len) + 1);
	x->s = t;
}

/* Removes empty strings from a list, reporting each. */
static void
present_list(struct vctx *v, struct str *list, size_t *n, const char *what)
{
	size_t	 i, j;

	for (i = j = 0; i < *n; i++)
		if (present(v, &list[i], what))
			list[j++] = list[i];
	*n = j;
}

/* Service name for messages: „name“ or the identifikátor. */
static const char *
svc_label(struct vctx *v, const struct service *s)
{
	char	*b;

	if (s->name.s != NULL && !is_blank(s->name.s))
		return dq(v->d, s->name.s);
	b = ring(v);
	if (s->ident.s != NULL)
		snprintf(b, sizeof v->ring[0], "with identifikátor %s",
		    dq(v->d, s->ident.s));
	else if (s->source_id.s != NULL)
		snprintf(b, sizeof v->ring[0], "with id %s",
		    dq(v->d, s->source_id.s));
	else
		snprintf(b, sizeof v->ring[0], "without a name");
	return b;
}

/* ---- IČO ---------------------------------------------------------- */

/*
 * Repairs an IČO written without its leading zeros, with spaces, or as a
 * DIČ ("CZ" + IČO) when the result passes the checksum, and drops it
 * otherwise. The provider is always kept.
 */
static void
check_ico(struct vctx *v, struct provider *p)
{
	struct str	*x = &p->ico;
	char		 dig[16], padded[9];
	const char	*s, *q;
	size_t		 n = 0, k;
	int		 want;

	if (!present(v, x, "the IČO"))
		return;
	s = trim(v, x->s);
	q = s;
	if ((q[0] == 'C' || q[0] == 'c') && (q[1] == 'Z' || q[1] == 'z'))
		q += 2;
	while (*q != '\0' && n < sizeof dig - 1) {
		if ((k = space_len((const unsigned char *)q)) > 0) {
			q += k;
			continue;
		}
		if (!is_digit((unsigned char)*q))
			break;
		dig[n++] = *q++;
	}
	dig[n] = '\0';
	if (*q != '\0' || n == 0 || n > 8) {
		diag(v->d, D_ICO_FORMAT, &x->pos, "IČO %s is not a number of "
		    "8 digits; IČO dropped, the provider is kept",
		    dq(v->d, x->s));
		x->s = NULL;
		return;
	}
	if (n < 8) {
		memset(padded, '0', 8 - n);
		memcpy(padded + 8 - n, dig, n + 1);
		if (!val_ico_checksum(padded)) {
			diag(v->d, D_ICO_FORMAT, &x->pos, "IČO %s has %zu "
			    "digits, not 8, and padding it with zeros does not "
			    "give a valid IČO; IČO dropped, the provider is "
			    "kept", dq(v->d, x->s), n);
			x->s = NULL;
			return;
		}
		diag_at_level(v->d, D_ICO_FORMAT, DIAG_WARNING, &x->pos,
		    "IČO %s padded to %s (an IČO has 8 digits; the leading "
		    "zeros were left out)", x->s, padded);
		x->s = aput(v, padded);
		return;
	}
	if (strcmp(dig, x->s) != 0 && val_ico_checksum(dig)) {
		if (s[0] == 'C' || s[0] == 'c')
			diag_at_level(v->d, D_ICO_FORMAT, DIAG_WARNING,
			    &x->pos, "IČO %s is written as a DIČ (tax "
			    "number); the CZ was removed", dq(v->d, x->s));
		x->s = aput(v, dig);
	}
	if (!val_ico_checksum(dig)) {
		want = val_ico_check_digit(dig);
		diag(v->d, D_ICO_CHECKSUM, &x->pos, "IČO %s fails the check "
		    "digit: after %.7s the last digit would have to be %d, "
		    "not %c (a digit is mistyped); IČO dropped, the provider "
		    "is kept", dq(v->d, x->s), dig, want, dig[7]);
		x->s = NULL;
	}
}

/* ---- addresses ---------------------------------------------------- */

static void
check_psc(struct vctx *v, struct address *a)
{
	char	 psc[6];
	unsigned mask;
	int	 first, i;
	char	 allowed[32];
	size_t	 o = 0;

	if (!present(v, &a->psc, "the PSČ"))
		return;
	if (!val_psc_normalise(a->psc.s, psc)) {
		diag(v->d, D_PSC_FORMAT, &a->psc.pos, "PSČ %s is not a Czech "
		    "postal code (5 digits, the first one 1 to 7); PSČ "
		    "dropped", dq(v->d, a->psc.s));
		a->psc.s = NULL;
		return;
	}
	if (strcmp(psc, a->psc.s) != 0)
		a->psc.s = aput(v, psc);
	mask = val_psc_region_mask(a->region_code.s, a->region.s);
	first = psc[0] - '0';
	if (mask == 0 || (mask & 1u << first))
		return;
	for (i = 1; i <= 9; i++)
		if (mask & 1u << i)
			o += (size_t)snprintf(allowed + o, sizeof allowed - o,
			    "%s%d", o ? " or " : "", i);
	diag(v->d, D_PSC_REGION, &a->psc.pos, "PSČ %.3s %s starts with %d, "
	    "which does not fit the region %s (PSČ there start with %s); "
	    "check the address", psc, psc + 3, first,
	    dq(v->d, a->region.s ? a->region.s : a->region_code.s), allowed);
}

static void
check_address(struct vctx *v, struct address *a)
{
	if (!a->present)
		return;
	present(v, &a->street, "the street (ulice)");
	present(v, &a->house, "the house number (číslo popisné)");
	present(v, &a->orient, "the číslo orientační");
	present(v, &a->part, "the part of the municipality (část obce)");
	present(v, &a->municipality, "the municipality (obec)");
	present(v, &a->municipality_code, "the municipality code (kód obce)");
	present(v, &a->district, "the district (okres)");
	present(v, &a->region, "the region (kraj)");
	present(v, &a->region_code, "the region code (kód kraje)");
	present(v, &a->note, "the address note");
	check_psc(v, a);
}

/* ---- contacts ----------------------------------------------------- */

/* Normalises x in place; returns false when it must be dropped. */
static bool
check_phone(struct vctx *v, struct str *x, struct str *extra, size_t *nextra)
{
	char	 num[VAL_PHONE_MAX], parts[4][VAL_PHONE_MAX];
	size_t	 n, i;
	char	*list;

	if (val_phone_normalise(x->s, num, sizeof num)) {
		if (strcmp(num, x->s) != 0)
			x->s = aput(v, num);
		return true;
	}
	if ((n = val_phone_split(x->s, parts, NELEM(parts))) > 0) {
		list = ring(v);
		list[0] = '\0';
		for (i = 0; i < n; i++)
			snprintf(list + strlen(list), sizeof v->ring[0] -
			    strlen(list), "%s%s", i == 0 ? "" : i + 1 == n ?
			    " and " : ", ", fmt_phone(v, parts[i]));
		if (n == 1)
			diag(v->d, D_PHONE_REPAIRED, &x->pos, "phone %s: the "
			    "stray separator was removed", dq(v->d, x->s));
		else
			diag(v->d, D_PHONE_REPAIRED, &x->pos, "phone %s holds "
			    "%zu numbers; split into %s", dq(v->d, x->s), n,
			    list);
		x->s = aput(v, parts[0]);
		for (i = 1; i < n; i++) {
			extra[*nextra].s = aput(v, parts[i]);
			extra[(*nextra)++].pos = x->pos;
		}
		return true;
	}
	diag(v->d, D_PHONE_FORMAT, &x->pos, "phone number %s is not valid: "
	    "%s; value dropped", dq(v->d, x->s), val_phone_problem(x->s));
	return false;
}

static void
check_phones(struct vctx *v, struct contacts *k)
{
	struct str	*out;
	size_t		 i, j, m, n = 0, nextra;
	struct str	 extra[3];

	present_list(v, k->phones, &k->nphones, "a phone number");
	if (k->nphones == 0)
		return;
	/* A split can at most quadruple the list (see parts in check_phone). */
	out = model_array(v->c, 4 * k->nphones, sizeof *out);
	for (i = 0; i < k->nphones; i++) {
		out[n] = k->phones[i];
		out[n].s = trim(v, out[n].s);
		nextra = 0;
		if (!check_phone(v, &out[n], extra, &nextra))
			continue;
		n++;
		for (j = 0; j < nextra; j++)
			out[n++] = extra[j];
	}
	/* The same number twice (often after a split) is printed once. */
	for (i = m = 0; i < n; i++) {
		for (j = 0; j < m; j++)
			if (strcmp(out[j].s, out[i].s) == 0)
				break;
		if (j < m) {
			diag(v->d, D_PHONE_REPAIRED, &out[i].pos, "phone number "
			    "%s is listed twice; printed once",
			    fmt_phone(v, out[i].s));
			continue;
		}
		out[m++] = out[i];
	}
	k->phones = out;
	k->nphones = m;
}

/* Splits "a@x.cz, b@y.cz"; returns how many parts (0 if not a list). */
static size_t
email_split(struct vctx *v, const char *s, struct str *out, size_t max,
    const struct srcpos *pos)
{
	const char *p = s, *e;
	size_t	 n = 0;
	char	*part;

	if (strpbrk(s, ",;") == NULL)
		return 0;
	while (*p != '\0') {
		e = p + strcspn(p, ",;");
		part = arena_strndup(v->c->arena, p, (size_t)(e - p));
		if (n == max)
			return 0;
		out[n].s = trim(v, part);
		out[n].pos = *pos;
		if (!val_email(out[n].s))
			return 0;
		n++;
		p = *e ? e + 1 : e;
	}
	return n >= 2 ? n : 0;
}

static void
check_emails(struct vctx *v, struct contacts *k)
{
	struct str	*out, parts[4];
	size_t		 i, j, n = 0, np;
	struct str	 x;

	present_list(v, k->emails, &k->nemails, "an e-mail address");
	if (k->nemails == 0)
		return;
	out = model_array(v->c, NELEM(parts) * k->nemails, sizeof *out);
	for (i = 0; i < k->nemails; i++) {
		x = k->emails[i];
		x.s = trim(v, x.s);
		if (prefix_nocase(x.s, "mailto:")) {
			diag_at_level(v->d, D_EMAIL_FORMAT, DIAG_WARNING,
			    &x.pos, "e-mail %s: the mailto: in front was "
			    "removed", dq(v->d, x.s));
			x.s = trim(v, x.s + 7);
		}
		if (val_email(x.s)) {
			out[n++] = x;
			continue;
		}
		if ((np = email_split(v, x.s, parts, NELEM(parts),
		    &x.pos)) > 0) {
			diag_at_level(v->d, D_EMAIL_FORMAT, DIAG_WARNING,
			    &x.pos, "e-mail %s holds %zu addresses; split "
			    "into separate e-mails", dq(v->d, x.s), np);
			for (j = 0; j < np; j++)
				out[n++] = parts[j];
			continue;
		}
		diag(v->d, D_EMAIL_FORMAT, &x.pos, "e-mail %s is not valid: %s; "
		    "value dropped", dq(v->d, x.s), val_email_problem(x.s));
	}
	k->emails = out;
	k->nemails = n;
}

/*
 * Checks one web address; trims a lone trailing "/" after the host
 * (www.example.cz/ is printed www.example.cz). Returns false to drop it.
 */
static bool
check_web(struct vctx *v, struct str *x, const char *what)
{
	const char *q, *host;
	size_t	 len;

	x->s = trim(v, x->s);
	if ((q = val_web_problem(x->s)) != NULL) {
		if (strcmp(q, "it is an e-mail address") == 0)
			diag(v->d, D_WEB_FORMAT, &x->pos, "%s %s is an e-mail "
			    "address; put it among the e-mails (emaily); "
			    "value dropped", what, dq(v->d, x->s));
		else
			diag(v->d, D_WEB_FORMAT, &x->pos, "%s %s is not valid: "
			    "%s; value dropped", what, dq(v->d, x->s), q);
		return false;
	}
	host = strstr(x->s, "://");
	host = host ? host + 3 : x->s;
	len = strlen(x->s);
	if (x->s[len - 1] == '/' && strchr(host, '/') == x->s + len - 1)
		x->s = arena_strndup(v->c->arena, x->s, len - 1);
	return true;
}

static void
check_webs(struct vctx *v, struct contacts *k)
{
	size_t	 i, n = 0;

	present_list(v, k->webs, &k->nwebs, "a web address");
	for (i = 0; i < k->nwebs; i++)
		if (check_web(v, &k->webs[i], "web address"))
			k->webs[n++] = k->webs[i];
	k->nwebs = n;
}

static void
check_contacts(struct vctx *v, struct contacts *k)
{
	check_phones(v, k);
	check_emails(v, k);
	check_webs(v, k);
}

/* ---- opening hours ------------------------------------------------ */

/*
 * A range that ends earlier than it starts runs past midnight (a
 * noclehárna open 19:00–7:00, as samples/README.md documents); one that
 * ends when it starts, or lies outside the day, is an error
 * (hours_range_check()).
 */
static void
check_hours(struct vctx *v, struct hours *h)
{
	struct hours_range *r;
	size_t	 i, n = 0;
	enum hours_err	 e;

	if (!h->present)
		return;
	present(v, &h->note, "the note on opening hours");
	for (i = 0; i < h->nranges; i++) {
		r = &h->ranges[i];
		e = hours_range_check(r->from, r->to);
		if (e == HOURS_E_TIME_RANGE || e == HOURS_E_START_24)
			diag(v->d, D_HOURS_FORMAT, &r->pos, "opening hours "
			    "%s–%s are outside 0:00–24:00; range dropped",
			    fmt_time(v, r->from), fmt_time(v, r->to));
		else if (e == HOURS_E_SAME)
			diag(v->d, D_HOURS_FORMAT, &r->pos, "opening hours "
			    "%s–%s end when they start; range dropped (write "
			    "„nonstop“ for a service open all day)",
			    fmt_time(v, r->from), fmt_time(v, r->to));
		else if ((r->days & 0x7f) == 0 || (r->days & ~0x7fu) != 0)
			diag(v->d, D_HOURS_FORMAT, &r->pos, "opening hours "
			    "%s–%s have no valid days; range dropped",
			    fmt_time(v, r->from), fmt_time(v, r->to));
		else
			h->ranges[n++] = *r;
	}
	h->nranges = n;
}

/* ---- forms and capacities ----------------------------------------- */

/* Lists the forms in a mask: "terénní, ambulantní". */
static const char *
forms_list(struct vctx *v, unsigned mask)
{
	char	*b = ring(v);
	size_t	 i, o = 0;
	const struct cb_item *f;

	b[0] = '\0';
	for (i = 0; i < cb_count(CB_FORM); i++) {
		f = cb_at(CB_FORM, i);
		if (mask & cb_form_bit(f))
			o += (size_t)snprintf(b + o, sizeof v->ring[0] - o,
			    "%s%s", o ? ", " : "", f->label);
	}
	return o ? b : "none";
}

static bool
is_beds(const struct cb_item *unit)
{
	return unit != NULL && strcmp(unit->code, "luzka") == 0;
}

static bool
has_form(const struct service *s, const char *code)
{
	size_t	 i;

	for (i = 0; i < s->nforms; i++)
		if (s->forms[i].form != NULL &&
		    strcmp(s->forms[i].form->code, code) == 0)
			return true;
	return false;
}

/*
 * Checks one capacity of service s, given in form (NULL for the yearly
 * figures, whose capacities belong to the whole service). Returns false
 * to drop it.
 */
static bool
check_capacity(struct vctx *v, struct service *s, const struct cb_item *form,
    struct capacity *cap)
{
	present(v, &cap->note, "the capacity note");
	if (cap->unit == NULL) {
		diag(v->d, D_CAPACITY_UNIT, &cap->pos, "capacity %s has no "
		    "unit (jednotka: lůžka, klienti, intervence, kontakty or "
		    "hovory); capacity dropped", fmt_int(v, cap->count));
		return false;
	}
	if (cap->count < 0 || cap->count > CAP_MAX) {
		diag(v->d, D_CAPACITY_VALUE, &cap->pos, "capacity „%s %s“ is "
		    "%s; capacity dropped", fmt_int(v, cap->count),
		    cb_unit_word(cap->unit, cap->count), cap->count < 0 ?
		    "negative" : "not plausible (more than 100 000)");
		return false;
	}
	/* DOMAIN §1.4: a field service must never print "32 lůžek". */
	if (form != NULL && is_beds(cap->unit) &&
	    !(cap->unit->forms & cb_form_bit(form))) {
		diag_at_level(v->d, D_UNIT_FORM, DIAG_ERROR, &cap->pos,
		    "a service in the %s form cannot have beds: capacity "
		    "„%s %s“ dropped (use klienti)", form->label,
		    fmt_int(v, cap->count), cb_unit_word(cap->unit,
		    cap->count));
		return false;
	}
	if (form == NULL && is_beds(cap->unit) && s->nforms > 0 &&
	    !has_form(s, "pob")) {
		diag_at_level(v->d, D_UNIT_FORM, DIAG_ERROR, &cap->pos,
		    "service %s has no pobytová form, so it cannot have "
		    "beds: capacity „%s %s“ dropped", svc_label(v, s),
		    fmt_int(v, cap->count), cb_unit_word(cap->unit,
		    cap->count));
		return false;
	}
	if (form != NULL && !(cap->unit->forms & cb_form_bit(form)))
		diag(v->d, D_UNIT_FORM, &cap->pos, "capacity unit %s is unusual "
		    "for the %s form (it goes with: %s); check the unit",
		    dq(v->d, cap->unit->short_label), form->label,
		    forms_list(v, cap->unit->forms));
	return true;
}

static void
check_capacities(struct vctx *v, struct service *s,
    const struct cb_item *form, struct capacity *caps, size_t *ncaps)
{
	size_t	 i, n = 0;

	for (i = 0; i < *ncaps; i++)
		if (check_capacity(v, s, form, &caps[i]))
			caps[n++] = caps[i];
	*ncaps = n;
}

/* "§ 39 osobní asistence", or the name alone for types without a §. */
static const char *
type_label(struct vctx *v, const struct cb_type *t)
{
	char	*b = ring(v);

	if (t->para != NULL)
		snprintf(b, sizeof v->ring[0], "§ %s %s", t->para, t->name);
	else
		snprintf(b, sizeof v->ring[0], "%s", t->name);
	return b;
}

/* Appends the capacities of form src to dst (the same form written twice). */
static void
merge_form(struct vctx *v, struct service_form *dst,
    const struct service_form *src)
{
	struct capacity	*caps;

	if (src->ncaps == 0)
		return;
	caps = model_array(v->c, dst->ncaps + src->ncaps, sizeof *caps);
	if (dst->ncaps > 0)
		memcpy(caps, dst->caps, dst->ncaps * sizeof *caps);
	memcpy(caps + dst->ncaps, src->caps, src->ncaps * sizeof *caps);
	dst->caps = caps;
	dst->ncaps += src->ncaps;
}

static void
check_forms(struct vctx *v, struct service *s)
{
	struct service_form *f;
	size_t	 i, j, n = 0;

	for (i = 0; i < s->nforms; i++) {
		f = &s->forms[i];
		if (f->form == NULL)	/* unknown code: the loader said so */
			continue;
		if (s->type != NULL && !(s->type->forms & cb_form_bit(f->form))) {
			diag(v->d, D_FORM_NOT_ALLOWED, &f->pos, "form %s is not "
			    "allowed for %s (allowed: %s); form dropped%s",
			    dq(v->d, f->form->label), type_label(v, s->type),
			    forms_list(v, s->type->forms), f->ncaps > 0 ?
			    " with its capacities" : "");
			continue;
		}
		for (j = 0; j < n; j++)
			if (s->forms[j].form == f->form)
				break;
		if (j < n) {
			diag_at_level(v->d, D_BAD_VALUE, DIAG_WARNING, &f->pos,
			    "form %s is listed twice for service %s (first at "
			    "%s); the two were merged", dq(v->d,
			    f->form->label), svc_label(v, s),
			    pos_ref(v, &s->forms[j].pos, &f->pos));
			merge_form(v, &s->forms[j], f);
			continue;
		}
		s->forms[n++] = *f;
	}
	s->nforms = n;
	for (i = 0; i < s->nforms; i++)
		check_capacities(v, s, s->forms[i].form, s->forms[i].caps,
		    &s->forms[i].ncaps);
}

/* Codebook references the loader could not resolve were reported there. */
static void
drop_unknown_codes(struct coderef *list, size_t *n)
{
	size_t	 i, j;

	for (i = j = 0; i < *n; i++)
		if (list[i].item != NULL)
			list[j++] = list[i];
	*n = j;
}

/* ---- dates and yearly figures ------------------------------------- */

static const char *
fmt_date(struct vctx *v, const struct date *dt)
{
	char	*b = ring(v);

	snprintf(b, sizeof v->ring[0], "%04d-%02d-%02d", dt->y, dt->m, dt->d);
	return b;
}

static void
check_dates(struct vctx *v, struct service *s)
{
	if (s->from.y == 0 || s->to.y == 0 || date_cmp(&s->from, &s->to) <= 0)
		return;
	diag(v->d, D_DATE_RANGE, &s->to.pos, "the registration of service %s "
	    "ends (%s) before it starts (%s); both dates dropped",
	    svc_label(v, s), fmt_date(v, &s->to), fmt_date(v, &s->from));
	memset(&s->from, 0, sizeof s->from);
	memset(&s->to, 0, sizeof s->to);
}

enum amount { AM_COUNT, AM_FTE, AM_MONEY };

/* Reports a negative amount (-1 means "not given" in the model). */
static void
check_amount(struct vctx *v, const struct year_figures *f, long long x,
    const char *what, enum amount kind)
{
	if (x >= -1)
		return;
	diag(v->d, D_FIGURES, &f->pos, "negative %s for %d (%s); check the "
	    "figures", what, f->year, kind == AM_MONEY ? fmt_money(v, x) :
	    kind == AM_FTE ? fmt_fixed2(v, x) : fmt_int(v, x));
}

static void
check_amounts(struct vctx *v, struct year_figures *f)
{
	long long sum = 0;
	size_t	 i;
	bool	 any = false;

	check_amount(v, f, f->clients, "number of clients", AM_COUNT);
	check_amount(v, f, f->fte_direct, "FTE in direct care", AM_FTE);
	check_amount(v, f, f->fte_other, "other FTE", AM_FTE);
	check_amount(v, f, f->costs, "costs", AM_MONEY);
	check_amount(v, f, f->costs_personnel, "personnel costs", AM_MONEY);
	for (i = 0; i < cb_count(CB_FUND) && i < NELEM(f->revenue); i++) {
		if (f->revenue[i] < 0) {
			check_amount(v, f, f->revenue[i], cb_at(CB_FUND,
			    i)->short_label, AM_MONEY);
			continue;
		}
		if (__builtin_add_overflow(sum, f->revenue[i], &sum))
			sum = -1;
		any = true;
	}
	if (f->costs > 0 && f->costs_personnel > f->costs)
		diag(v->d, D_FIGURES, &f->pos, "personnel costs for %d (%s) "
		    "are higher than the costs (%s); check the figures",
		    f->year, fmt_money(v, f->costs_personnel),
		    fmt_money(v, f->costs));
	/* Revenues a little above costs are normal (a surplus); 2× is not. */
	if (any && f->costs > 0 && (sum < 0 || sum / 2 > f->costs))
		diag(v->d, D_FIGURES, &f->pos, "revenues for %d (%s in total) "
		    "are more than twice the costs (%s); check the figures",
		    f->year, fmt_money(v, sum), fmt_money(v, f->costs));
}

static void
check_figures(struct vctx *v, struct service *s)
{
	struct year_figures *f;
	size_t	 i, j, n = 0;

	for (i = 0; i < s->nfigures; i++) {
		f = &s->figures[i];
		if (f->year < YEAR_MIN || f->year > YEAR_MAX) {
			diag(v->d, D_BAD_VALUE, &f->pos, "year %d of the yearly "
			    "figures of service %s is outside %d–%d; figures "
			    "for that year dropped", f->year, svc_label(v, s),
			    YEAR_MIN, YEAR_MAX);
			continue;
		}
		for (j = 0; j < n; j++)
			if (s->figures[j].year == f->year)
				break;
		if (j < n) {
			diag_at_level(v->d, D_FIGURES, DIAG_ERROR, &f->pos,
			    "figures for %d are given twice for service %s "
			    "(first at %s); the second set dropped", f->year,
			    svc_label(v, s), pos_ref(v, &s->figures[j].pos,
			    &f->pos));
			continue;
		}
		check_amounts(v, f);
		check_capacities(v, s, NULL, f->caps, &f->ncaps);
		s->figures[n++] = *f;
	}
	s->nfigures = n;
}

/* ---- providers ---------------------------------------------------- */

static void
check_provider(struct vctx *v, struct provider *p)
{
	present(v, &p->key, "the provider id");
	present(v, &p->legal_form, "the legal form (právní forma)");
	present(v, &p->dic, "the DIČ");
	if (!present(v, &p->name, "the provider name"))
		diag_at_level(v->d, D_MISSING_FIELD, DIAG_WARNING, &p->pos,
		    "provider %s has no name (nazev); it is printed without "
		    "one", dq(v->d, p->key.s ? p->key.s : p->ico.s));
	check_ico(v, p);
	check_address(v, &p->seat);
	check_contacts(v, &p->contacts);
}

/* A one-line address for a message: "Street 1/2, 76701 Obec". */
static const char *
addr_line(struct vctx *v, const struct address *a)
{
	char	*b = ring(v);

	snprintf(b, sizeof v->ring[0], "%s%s%s%s%s, %s %s",
	    a->street.s ? a->street.s : a->part.s ? a->part.s : "",
	    a->house.s ? " " : "", a->house.s ? a->house.s : "",
	    a->orient.s ? "/" : "", a->orient.s ? a->orient.s : "",
	    a->psc.s ? a->psc.s : "", a->municipality.s ? a->municipality.s :
	    "");
	return b;
}

/*
 * The same place, as far as printing the seat goes: unlike
 * model_address_eq(), a different district, code or note is no conflict.
 */
static bool
addr_same(const struct address *a, const struct address *b)
{
	return model_str_eq(&a->street, &b->street) &&
	    model_str_eq(&a->house, &b->house) &&
	    model_str_eq(&a->orient, &b->orient) &&
	    model_str_eq(&a->part, &b->part) &&
	    model_str_eq(&a->psc, &b->psc) &&
	    model_str_eq(&a->municipality, &b->municipality);
}

/*
 * Providers that share an IČO but disagree on the name or the seat. The
 * merge step folds providers whose IČO matched as written; this catches
 * the ones that only match once validation has repaired an IČO (3593207
 * padded to 03593207). Reported at the second one; both are kept.
 */
static void
provider_conflicts(struct vctx *v)
{
	struct strmap	*first = strmap_new();	/* IČO -> its first provider */
	struct provider	*p, *q;
	size_t		 i;

	for (i = 0; i < v->c->nproviders; i++) {
		p = v->c->providers[i];
		if (p->ico.s == NULL)
			continue;
		if ((q = strmap_put(first, p->ico.s, p)) == p)
			continue;
		if (p->name.s && q->name.s && strcmp(p->name.s, q->name.s) != 0)
			diag(v->d, D_PROVIDER_CONFLICT, &p->name.pos, "provider "
			    "%s has the same IČO %s as provider %s (%s) but a "
			    "different name; both kept", dq(v->d, p->name.s),
			    p->ico.s, dq(v->d, q->name.s),
			    pos_ref(v, &q->name.pos, &p->name.pos));
		if (!p->seat.present || !q->seat.present ||
		    addr_same(&p->seat, &q->seat))
			continue;
		diag(v->d, D_PROVIDER_CONFLICT, &p->seat.pos, "provider with "
		    "IČO %s has the seat %s here but %s at %s; both kept",
		    p->ico.s, dq(v->d, addr_line(v, &p->seat)),
		    dq(v->d, addr_line(v, &q->seat)),
		    pos_ref(v, &q->seat.pos, &p->seat.pos));
	}
	strmap_free(first);
}

/*
 * Resolves each service's provider before IČOs are repaired or dropped,
 * so that a service referring to its provider by the IČO as written keeps
 * it. Unresolved references are left for model_link() to report.
 */
static void
prelink_providers(struct vctx *v)
{
	struct service	*s;
	size_t		 i;

	for (i = 0; i < v->c->nservices; i++) {
		s = v->c->services[i];
		if (!s->dropped && s->provider == NULL && s->provider_ref.s &&
		    !is_blank(s->provider_ref.s))
			s->provider = model_find_provider(v->c,
			    s->provider_ref.s);
	}
}

/* ---- services ----------------------------------------------------- */

/* The values of a service; none of these drops the service. */
static void
check_service_values(struct vctx *v, struct service *s)
{
	size_t	 i;

	present(v, &s->source_id, "the source id");
	present(v, &s->age_note, "the note on age (vek_poznamka)");
	present(v, &s->area, "the area served (uzemni_pusobnost)");
	present(v, &s->fee_note, "the note on fees (uhrada_poznamka)");
	present(v, &s->description, "the description (popis)");
	limit_length(v, &s->description, "the description (popis)");
	present(v, &s->barrier_note, "the note on accessibility");
	present_list(v, s->activities, &s->nactivities, "an activity");
	present_list(v, s->languages, &s->nlanguages, "a language");
	present_list(v, s->area_municipalities, &s->narea_municipalities,
	    "a municipality of the area served");
	drop_unknown_codes(s->targets, &s->ntargets);
	drop_unknown_codes(s->ages, &s->nages);
	check_forms(v, s);
	for (i = 0; i < s->nplaces; i++) {
		present(v, &s->places[i].name, "the name of the place");
		present(v, &s->places[i].note, "the note on the place");
		check_address(v, &s->places[i].addr);
	}
	check_contacts(v, &s->contacts);
	check_hours(v, &s->hours);
	check_dates(v, s);
	if (present(v, &s->qr_url, "the QR link") &&
	    !check_web(v, &s->qr_url, "QR link"))
		s->qr_url.s = NULL;
	check_figures(v, s);
}

/* Name, provider, type and identifikátor: without them no entry. */
static void
check_service_required(struct vctx *v, struct service *s)
{
	const char *id;

	if (!present(v, &s->name, "the service name")) {
		diag(v->d, D_MISSING_FIELD, &s->pos, "service %s has no name "
		    "(nazev); service dropped", svc_label(v, s));
		s->dropped = true;
	}
	if (!present(v, &s->provider_ref, "the provider reference") &&
	    s->provider == NULL) {
		diag(v->d, D_MISSING_FIELD, &s->pos, "service %s has no "
		    "provider (poskytovatel); service dropped",
		    svc_label(v, s));
		s->dropped = true;
	}
	if (s->type == NULL) {
		if (s->type_pos.line > 0)
			diag(v->d, D_UNKNOWN_CODE, &s->type_pos, "service %s "
			    "has no known type (druh); service dropped",
			    svc_label(v, s));
		else
			diag(v->d, D_MISSING_FIELD, &s->pos, "service %s has "
			    "no type (druh, e.g. \"§ 40\"); service dropped",
			    svc_label(v, s));
		s->dropped = true;
	}
	if (present(v, &s->ident, "the identifikátor")) {
		id = trim(v, s->ident.s);
		if (!val_ident(id)) {
			diag(v->d, D_IDENT_FORMAT, &s->ident.pos, "identifikátor "
			    "%s of service %s is not 7 digits; service "
			    "dropped", dq(v->d, s->ident.s), s->name.s ?
			    dq(v->d, s->name.s) : "without a name");
			s->dropped = true;
		} else if (id != s->ident.s)
			s->ident.s = id;
	} else if (s->source_id.s == NULL)
		diag_at_level(v->d, D_MISSING_FIELD, DIAG_WARNING, &s->pos,
		    "service %s has no identifikátor; it is printed, but life "
		    "situations and override files cannot refer to it",
		    svc_label(v, s));
}

/*
 * One identifikátor, one service. Override records were folded into the
 * services they enrich by merge.c and do not count.
 */
static void
ident_duplicates(struct vctx *v)
{
	struct strmap	*seen = strmap_new();
	struct service	*s, *t;
	size_t		 i;

	for (i = 0; i < v->c->nservices; i++) {
		s = v->c->services[i];
		if (s->dropped || s->is_override || s->ident.s == NULL)
			continue;
		if ((t = strmap_put(seen, s->ident.s, s)) == s)
			continue;
		diag(v->d, D_IDENT_DUPLICATE, &s->ident.pos, "identifikátor %s "
		    "of service %s is already used by service %s (%s); this "
		    "one dropped", s->ident.s, svc_label(v, s),
		    svc_label(v, t), pos_ref(v, &t->ident.pos, &s->ident.pos));
		s->dropped = true;
	}
	strmap_free(seen);
}

/* ---- listings and life situations --------------------------------- */

static const char *
listing_kind_name(enum listing_kind k)
{
	switch (k) {
	case LIST_OFFICE:
		return "office (urady)";
	case LIST_CRISIS:
		return "crisis line (krizove_linky)";
	case LIST_RELATED:
	default:
		return "related service (navazne_sluzby)";
	}
}

static void
check_listings(struct vctx *v)
{
	struct listing	*l;
	size_t		 i, n = 0;

	for (i = 0; i < v->c->nlistings; i++) {
		l = v->c->listings[i];
		present(v, &l->id, "the id");
		present(v, &l->category, "the category (kategorie)");
		present(v, &l->audience, "the audience (pro_koho)");
		present(v, &l->description, "the description (popis)");
		limit_length(v, &l->description, "the description (popis)");
		check_address(v, &l->addr);
		check_contacts(v, &l->contacts);
		check_hours(v, &l->hours);
		if (!present(v, &l->name, "the name")) {
			diag(v->d, D_MISSING_FIELD, &l->pos, "%s %s has no "
			    "name (nazev); record dropped",
			    listing_kind_name(l->kind), l->id.s ?
			    dq(v->d, l->id.s) : "without an id");
			continue;
		}
		l->index = (int)n;
		v->c->listings[n++] = l;
	}
	v->c->nlistings = n;
}

static void
check_situations(struct vctx *v)
{
	struct situation *sit;
	size_t		 i;

	for (i = 0; i < v->c->nsituations; i++) {
		sit = v->c->situations[i];
		present(v, &sit->id, "the id");
		present(v, &sit->group, "the group (skupina)");
		present(v, &sit->question, "the question (otazka)");
		present_list(v, sit->refs, &sit->nrefs, "a service reference");
	}
}

void
validate_catalogue(struct catalogue *c, struct diag *d)
{
	struct vctx	 v;
	struct service	*s;
	size_t		 i;

	memset(&v, 0, sizeof v);
	v.c = c;
	v.d = d;
	prelink_providers(&v);
	for (i = 0; i < c->nproviders; i++)
		check_provider(&v, c->providers[i]);
	model_touch(c);		/* IČOs were repaired or dropped */
	provider_conflicts(&v);
	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (s->dropped)		/* by the loader or merged away */
			continue;
		check_service_values(&v, s);
		check_service_required(&v, s);
	}
	ident_duplicates(&v);
	check_listings(&v);
	check_situations(&v);
	model_compact(c);	/* also marks the indexes stale */
}
