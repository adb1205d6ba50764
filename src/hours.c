/*
 * Opening hours parsing (see hours.h). One small lexer serves both the
 * strict forms of the native format and the free text of spreadsheets: it
 * reads the UTF-8 input as it is, folding words to lower-case ASCII
 * ("Út" → "ut") so that offsets stay offsets in the caller's text. "Loose"
 * switches on the extra forms of free text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "util.h"

enum tok { T_END, T_WORD, T_TIME, T_DASH, T_COMMA, T_COLON, T_OTHER };

struct lex {
	const char	*s;
	size_t		 len;
	size_t		 p;		/* next byte to read */
	bool		 loose;		/* free text (hours_text) */
	enum tok	 t;
	size_t		 off;		/* where the token starts */
	char		 word[16];	/* T_WORD, folded (longer words cut) */
	int		 minutes;	/* T_TIME when err is HOURS_OK */
	enum hours_err	 err;		/* T_TIME: why it is no time */
};

/* The code point at byte p (U+FFFD for a bad byte); returns its length. */
static size_t
cp_at(const char *s, size_t len, size_t p, uint32_t *cp)
{
	size_t	 n;

	if ((n = utf8_decode((const unsigned char *)s + p, len - p, cp)) == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

/* Spaces of every kind that people and spreadsheets put between words. */
static bool
is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	    cp == 0xa0 || cp == 0x202f || cp == 0x2009;
}

/* Hyphen, en and em dash, minus: all read as "to". */
static bool
is_dash_cp(uint32_t cp)
{
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212 ||
	    cp == 0x2010 || cp == 0x2011;
}

static bool
fail(struct hours_error *err, enum hours_err kind, size_t off)
{
	err->kind = kind;
	err->off = off;
	return false;
}

/*
 * A time at the lexer's position (a digit): one or two digits of hours and,
 * after ':' or '.', two of minutes; loose text may leave the minutes out.
 */
static void
scan_time(struct lex *l)
{
	const char	*s = l->s;
	size_t		 nd = 0;
	int		 h = 0, m = 0;
	bool		 mins = false;

	for (; l->p < l->len && is_digit((unsigned char)s[l->p]); l->p++, nd++)
		if (nd < 3)
			h = h * 10 + (s[l->p] - '0');
	if (l->len - l->p >= 3 && (s[l->p] == ':' || s[l->p] == '.') &&
	    is_digit((unsigned char)s[l->p + 1]) &&
	    is_digit((unsigned char)s[l->p + 2]) &&
	    (l->p + 3 == l->len || !is_digit((unsigned char)s[l->p + 3]))) {
		m = (s[l->p + 1] - '0') * 10 + (s[l->p + 2] - '0');
		l->p += 3;
		mins = true;
	}
	l->t = T_TIME;
	l->minutes = h * 60 + m;
	if (nd > 2 || (!mins && !l->loose))
		l->err = HOURS_E_TIME;
	else if (m > 59 || h > 24 || (h == 24 && m != 0))
		l->err = HOURS_E_TIME_RANGE;
	else
		l->err = HOURS_OK;
}

/* A word at the lexer's position (a letter), folded: "Út" → "ut". */
static void
scan_word(struct lex *l)
{
	uint32_t	 cp;
	size_t		 n, k = 0;
	int		 c;

	while (l->p < l->len) {
		n = cp_at(l->s, l->len, l->p, &cp);
		if ((c = fold_letter(cp)) < 'a' || c > 'z')
			break;
		if (k + 1 < sizeof l->word)
			l->word[k++] = (char)c;
		l->p += n;
	}
	l->word[k] = '\0';
	if (l->loose && l->p < l->len && l->s[l->p] == '.')
		l->p++;		/* "po." */
	l->t = T_WORD;
}

/* Reads the next token, skipping blanks before it. */
static void
next(struct lex *l)
{
	uint32_t	 cp;
	size_t		 n;
	int		 c;

	for (;;) {
		l->off = l->p;
		if (l->p >= l->len) {
			l->t = T_END;
			return;
		}
		n = cp_at(l->s, l->len, l->p, &cp);
		if (!is_blank_cp(cp))
			break;
		l->p += n;
	}
	if ((c = fold_letter(cp)) >= 'a' && c <= 'z')
		scan_word(l);
	else if (c != 0)		/* a digit */
		scan_time(l);
	else {
		l->p += n;
		l->t = is_dash_cp(cp) ? T_DASH : cp == ',' ? T_COMMA :
		    cp == ':' ? T_COLON : T_OTHER;
	}
}

static void
lex_init(struct lex *l, const char *s, size_t len, bool loose)
{
	memset(l, 0, sizeof *l);
	l->s = s;
	l->len = len;
	l->loose = loose;
	next(l);
}

static bool
word(const struct lex *l, const char *w)
{
	return l->t == T_WORD && strcmp(l->word, w) == 0;
}

/* The day a word names (0 = pondělí), or -1; full names only when loose. */
static int
day_index(const struct lex *l)
{
	static const char *const shortn[] = { "po", "ut", "st", "ct", "pa",
	    "so", "ne" };
	static const char *const longn[] = { "pondeli", "utery", "streda",
	    "ctvrtek", "patek", "sobota", "nedele" };
	int	 i;

	for (i = 0; i < 7; i++)
		if (word(l, shortn[i]) || (l->loose && word(l, longn[i])))
			return i;
	return -1;
}

/* The error for a token that is not what was expected there. */
static bool
unexpected(const struct lex *l, enum hours_err kind, struct hours_error *err)
{
	return fail(err, l->t == T_END ? HOURS_E_END : kind, l->off);
}

/* One day, a range of days, or a word for several days. */
static bool
day_item(struct lex *l, unsigned *mask, struct hours_error *err)
{
	int	 a, b, i;

	if (l->loose && (word(l, "v") || word(l, "o")))
		next(l);		/* "v pondělí", "o víkendu" */
	if (word(l, "denne")) {
		*mask |= 0x7f;
		next(l);
		return true;
	}
	if (l->loose && (word(l, "pracovni") || word(l, "vsedni"))) {
		next(l);
		if (word(l, "dny") || word(l, "den"))
			next(l);
		*mask |= 0x1f;
		return true;
	}
	if (l->loose && (word(l, "vikend") || word(l, "vikendu"))) {
		*mask |= 0x60;
		next(l);
		return true;
	}
	if ((a = day_index(l)) < 0)
		return unexpected(l, HOURS_E_DAY, err);
	next(l);
	b = a;
	if (l->t == T_DASH) {
		next(l);
		if ((b = day_index(l)) < 0)
			return unexpected(l, HOURS_E_DAY, err);
		if (b < a && !l->loose)
			return fail(err, HOURS_E_DAY_ORDER, l->off);
		next(l);
	}
	for (i = a;; i = (i + 1) % 7) {	/* loose "pá-po" wraps */
		*mask |= 1u << i;
		if (i == b)
			break;
	}
	return true;
}

/* Day items separated by commas (or "a" when loose), then a loose ':'. */
static bool
days(struct lex *l, unsigned *mask, struct hours_error *err)
{
	*mask = 0;
	for (;;) {
		if (!day_item(l, mask, err))
			return false;
		if (l->t != T_COMMA && !(l->loose && word(l, "a")))
			break;
		next(l);
	}
	if (l->loose && l->t == T_COLON)
		next(l);
	return true;
}

/* The time at the token; end allows 24:00. */
static bool
take_time(const struct lex *l, bool end, int *minutes,
    struct hours_error *err)
{
	if (l->t != T_TIME)
		return unexpected(l, HOURS_E_TIME, err);
	if (l->err != HOURS_OK)
		return fail(err, l->err, l->off);
	if (!end && l->minutes == 1440)
		return fail(err, HOURS_E_START_24, l->off);
	*minutes = l->minutes;
	return true;
}

bool
hours_days(const char *s, size_t len, unsigned *mask,
    struct hours_error *err)
{
	struct lex	 l;

	lex_init(&l, s, len, false);
	if (!days(&l, mask, err))
		return false;
	if (l.t != T_END)
		return fail(err, HOURS_E_UNEXPECTED, l.off);
	return true;
}

bool
hours_time(const char *s, size_t len, bool end, int *minutes,
    struct hours_error *err)
{
	struct lex	 l;
	int		 m;

	lex_init(&l, s, len, false);
	if (!take_time(&l, end, &m, err))
		return false;
	next(&l);
	if (l.t != T_END)
		return fail(err, HOURS_E_UNEXPECTED, l.off);
	*minutes = m;
	return true;
}

enum hours_err
hours_range_check(int from, int to)
{
	if (from < 0 || from > 1440 || to < 0 || to > 1440)
		return HOURS_E_TIME_RANGE;
	if (from == 1440)
		return HOURS_E_START_24;
	if (from == to)
		return HOURS_E_SAME;
	return HOURS_OK;
}

/* ---- free text ---------------------------------------------------------- */

/* Skips "h", "hod" or "hodin" after a time. */
static void
skip_hours_word(struct lex *l)
{
	if (word(l, "h") || word(l, "hod") || word(l, "hodin"))
		next(l);
}

static void
add_range(struct hours_text *out, size_t *cap, unsigned mask, int from,
    int to, size_t off)
{
	grow(&out->ranges, cap, out->nranges + 1, sizeof *out->ranges);
	out->ranges[out->nranges].days = mask;
	out->ranges[out->nranges].from = from;
	out->ranges[out->nranges].to = to;
	out->ranges[out->nranges].off = off;
	out->nranges++;
}

/*
 * Time ranges for the days in mask: "8–12", "od 8 do 12", "8.00 - 12.00,
 * 13.00 - 16.00". A comma not followed by a time belongs to the caller.
 */
static bool
times(struct lex *l, unsigned mask, size_t part, struct hours_text *out,
    size_t *cap, struct hours_error *err)
{
	struct lex	 save;
	int		 from, to;
	size_t		 at;
	enum hours_err	 e;

	for (;;) {
		if (word(l, "od"))
			next(l);
		if (!take_time(l, false, &from, err))
			return false;
		next(l);
		skip_hours_word(l);
		if (l->t != T_DASH && !word(l, "do"))
			return unexpected(l, HOURS_E_UNEXPECTED, err);
		next(l);
		at = l->off;
		if (!take_time(l, true, &to, err))
			return false;
		if ((e = hours_range_check(from, to)) != HOURS_OK)
			return fail(err, e, at);	/* 19–7 is past midnight */
		next(l);
		skip_hours_word(l);
		add_range(out, cap, mask, from, to, part);
		if (l->t != T_COMMA && !word(l, "a"))
			return true;
		save = *l;
		next(l);
		if (l->t != T_TIME && !word(l, "od")) {
			*l = save;
			return true;
		}
	}
}

/*
 * One part: groups of days with their times or "zavřeno", separated by
 * commas. On failure the ranges it added are taken back.
 */
static bool
part_hours(const char *s, size_t off, size_t len, struct hours_text *out,
    size_t *cap, struct hours_error *err)
{
	struct lex	 l;
	size_t		 n0 = out->nranges;
	unsigned	 mask;

	lex_init(&l, s + off, len, true);
	while (l.t != T_END) {
		if (!days(&l, &mask, err))
			goto fail;
		if (word(&l, "zavreno"))
			next(&l);
		else if (!times(&l, mask, off, out, cap, err))
			goto fail;
		if (l.t == T_COMMA)
			next(&l);
		else if (l.t != T_END) {
			(void)unexpected(&l, HOURS_E_UNEXPECTED, err);
			goto fail;
		}
	}
	return true;
fail:
	err->off += off;
	out->nranges = n0;
	return false;
}

/* Whether the part says "open all the time", ignoring case and marks. */
static bool
part_nonstop(const char *s, size_t len)
{
	static const char *const words[] = { "nonstop", "247", "nepretrzite",
	    "nepretrzityprovoz", "24hodindenne", "nepretrzite24hodindenne",
	    "nonstop247", "24hodindenne7dnivtydnu" };
	char		 b[32];
	size_t		 i = 0, k = 0;
	uint32_t	 cp;
	int		 c;

	while (i < len) {
		i += cp_at(s, len, i, &cp);
		if ((c = fold_letter(cp)) == 0)
			continue;
		if (k + 1 >= sizeof b)
			return false;
		b[k++] = (char)c;
	}
	b[k] = '\0';
	for (i = 0; i < NELEM(words); i++)
		if (strcmp(b, words[i]) == 0)
			return true;
	return false;
}

static bool
is_part_sep(char c)
{
	return c == ';' || c == '|' || c == '\n';
}

void
hours_text(const char *s, size_t len, struct hours_text *out)
{
	struct buf		 note = { 0 };
	struct hours_error	 err;
	size_t			 i = 0, start, end, n, cap = 0, rcap = 0;
	uint32_t		 cp;

	memset(out, 0, sizeof *out);
	while (i < len) {
		/* A part runs to the next separator, without blanks around. */
		n = cp_at(s, len, i, &cp);
		if (is_part_sep(s[i]) || is_blank_cp(cp)) {
			i += n;
			continue;
		}
		start = end = i;
		while (i < len && !is_part_sep(s[i])) {
			n = cp_at(s, len, i, &cp);
			i += n;
			if (!is_blank_cp(cp))
				end = i;
		}
		if (part_nonstop(s + start, end - start)) {
			out->nonstop = true;
			continue;
		}
		if (part_hours(s, start, end - start, out, &cap, &err))
			continue;
		grow(&out->rest, &rcap, out->nrest + 1, sizeof *out->rest);
		out->rest[out->nrest].off = start;
		out->rest[out->nrest].len = end - start;
		out->rest[out->nrest].why = err;
		out->nrest++;
		if (note.len > 0)
			buf_puts(&note, "; ");
		buf_put(&note, s + start, end - start);
	}
	if (note.len > 0)
		out->note = buf_steal(&note);
}

void
hours_text_free(struct hours_text *t)
{
	free(t->ranges);
	free(t->rest);
	free(t->note);
	memset(t, 0, sizeof *t);
}
