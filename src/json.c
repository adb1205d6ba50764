/*
 * JSON parser (RFC 8259) with positions on every value and key.
 *
 * One engine serves both ways in. The input is seen through a window: the
 * whole buffer for json_parse(), or a refillable chunk for files, so that
 * the ~100 MB registry file never sits in memory at once. Nothing keeps a
 * pointer into the window across a refill: strings and numbers are decoded
 * into a scratch buffer and then copied into the caller's arena.
 *
 * Positions cost O(1): we keep the stream offset where the current line
 * starts and the number of UTF-8 continuation bytes seen on it since. The
 * column of offset o is then o - line_start - line_cont + 1. Continuation
 * bytes can only occur inside strings (anything non-ASCII elsewhere is an
 * error) and raw newlines only outside them, so both counters are updated
 * in exactly one place each.
 *
 * The first syntax error ends the parse: after it the position of anything
 * else is guesswork, and a coordinator fixes the first error and runs again.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json.h"
#include "strmap.h"
#include "util.h"

#define FILE_WINDOW	(64 * 1024)
/* Objects with more members than this check duplicates through a hash. */
#define LINEAR_KEYS	16

/* One open object or array (streaming or inside a value being parsed). */
struct level {
	char		 kind;	/* '{' or '[' */
	bool		 first;	/* streaming: nothing read inside yet */
	struct srcpos	 pos;	/* its opening bracket */
	struct strmap	*keys;	/* streaming objects: keys seen */
};

struct json_reader {
	struct diag		*d;
	const char		*file;	/* interned */
	FILE			*fp;	/* file mode */
	const unsigned char	*src;	/* memory mode: the caller's bytes */
	size_t			 srclen;
	size_t			 srcoff; /* windowed memory: bytes handed out */
	unsigned char		*buf;	/* window storage when copying */
	size_t			 window; /* bytes per refill */
	const unsigned char	*w0, *p, *end; /* window and cursor */
	uint64_t		 base;	/* stream offset of w0 */
	bool			 eof;	/* nothing more to refill */
	bool			 failed;
	bool			 started; /* byte-order mark handled */
	int			 line;
	uint64_t		 line_start; /* offset of the line's 1st byte */
	uint64_t		 line_cont; /* continuation bytes on it */
	struct level		 levels[JSON_MAX_DEPTH + 1];
	int			 depth;	/* open levels */
	int			 stream_depth; /* of which json_begin_*() */
	struct buf		 tok;	/* decoded string or number */
	struct buf		 key;	/* json_next_key()'s key */
	struct arena		*keyarena; /* streamed keys, for duplicates */
};

/*
 * Bytes that stop the fast scan of a string: the quote, the backslash,
 * control characters and everything non-ASCII (validated one by one).
 */
static unsigned char	 stop_in_string[256];
static bool		 tables_ready;

static void
init_tables(void)
{
	int	 c;

	if (tables_ready)
		return;
	for (c = 0; c < 256; c++)
		stop_in_string[c] = c < 0x20 || c == '"' || c == '\\' ||
		    c >= 0x80;
	tables_ready = true;
}

/* Positions and reporting */

static uint64_t
offset(const struct json_reader *r)
{
	return r->base + (uint64_t)(r->p - r->w0);
}

static struct srcpos
here(const struct json_reader *r)
{
	struct srcpos	 pos;
	uint64_t	 col = offset(r) - r->line_start - r->line_cont + 1;

	pos.file = r->file;
	pos.line = r->line;
	pos.col = col > INT32_MAX ? INT32_MAX : (int)col;
	return pos;
}

static void
report(struct json_reader *r, enum diag_code code, const struct srcpos *pos,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Every syntax problem ends the parse: report it and remember. */
static void
report(struct json_reader *r, enum diag_code code, const struct srcpos *pos,
    const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	if (r->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag(r->d, code, pos, "%s", msg);
	r->failed = true;
}

#define SYNTAX(r, pos, ...)	report((r), D_JSON_SYNTAX, (pos), __VA_ARGS__)

/* Window management */

/*
 * Makes the next bytes of input visible. Returns false at the end of the
 * input (or after an I/O error, which is reported).
 */
static bool
refill(struct json_reader *r)
{
	size_t	 n;

	if (r->eof || r->failed)
		return false;
	r->base += (uint64_t)(r->end - r->w0);
	if (r->fp != NULL) {
		n = fread(r->buf, 1, r->window, r->fp);
		if (n == 0) {
			r->eof = true;
			if (ferror(r->fp))
				report(r, D_IO, NULL, "cannot read %s: %s",
				    r->file, strerror(errno));
		}
	} else {
		n = r->srclen - r->srcoff;
		if (n > r->window)
			n = r->window;
		if (n > 0)
			memcpy(r->buf, r->src + r->srcoff, n);
		r->srcoff += n;
		if (n == 0)
			r->eof = true;
	}
	r->w0 = r->p = r->buf;
	r->end = r->buf + n;
	return n > 0;
}

/* The next byte without consuming it, or -1 at the end of the input. */
static inline int
peek(struct json_reader *r)
{
	if (r->p < r->end)
		return *r->p;
	return refill(r) ? *r->p : -1;
}

/* Skips JSON whitespace, counting lines; returns the next byte or -1. */
static int
skip_ws(struct json_reader *r)
{
	int	 c;

	for (;;) {
		while (r->p < r->end) {
			c = *r->p;
			if (c == ' ' || c == '\t' || c == '\r')
				r->p++;
			else if (c == '\n') {
				r->p++;
				r->line++;
				r->line_start = offset(r);
				r->line_cont = 0;
			} else
				return c;
		}
		if (!refill(r))
			return -1;
	}
}

/* Describing what was found, for messages */

/* Looks like windows-1250 (or ISO 8859-2) Czech letters rather than UTF-8. */
static bool
cp1250_letter(int c)
{
	static const unsigned char letters[] = {
		0x8A, 0x8D, 0x8E, 0x9A, 0x9D, 0x9E, 0xA9, 0xAE, 0xB9, 0xBE,
		0xC1, 0xC8, 0xC9, 0xCC, 0xCD, 0xCF, 0xD2, 0xD3, 0xD8, 0xD9,
		0xDA, 0xDD, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xEF, 0xF2, 0xF3,
		0xF8, 0xF9, 0xFA, 0xFD
	};
	size_t	 i;

	for (i = 0; i < sizeof letters; i++)
		if (letters[i] == c)
			return true;
	return false;
}

static void
bad_utf8(struct json_reader *r, const struct srcpos *pos, int byte)
{
	if (cp1250_letter(byte))
		report(r, D_BAD_UTF8, pos, "the text is not valid UTF-8 "
		    "(byte 0x%02X); the file looks like windows-1250; save it "
		    "as UTF-8", byte);
	else
		report(r, D_BAD_UTF8, pos, "the text is not valid UTF-8 "
		    "(byte 0x%02X); save the file as UTF-8", byte);
}

/* The length of the UTF-8 sequence a lead byte starts, 0 if none. */
static size_t
utf8_lead_len(int c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/*
 * Reads one UTF-8 character at the cursor (which may straddle windows) into
 * out[4]. Returns its length and consumes it, or reports bad UTF-8 at pos
 * and returns 0. Continuation bytes are counted for column positions.
 */
static size_t
read_utf8(struct json_reader *r, unsigned char *out, uint32_t *cp)
{
	struct srcpos	 pos = here(r);
	size_t		 n, k;
	int		 lead = *r->p, c;

	if ((size_t)(r->end - r->p) >= 4 || r->eof) {
		n = utf8_decode(r->p, (size_t)(r->end - r->p), cp);
		if (n == 0) {
			bad_utf8(r, &pos, lead);
			return 0;
		}
		memcpy(out, r->p, n);
		r->p += n;
		r->line_cont += n - 1;
		return n;
	}
	/* Near the end of a window: gather the bytes one at a time. */
	if ((n = utf8_lead_len(lead)) == 0) {
		bad_utf8(r, &pos, lead);
		return 0;
	}
	out[0] = (unsigned char)lead;
	r->p++;
	for (k = 1; k < n; k++) {
		if ((c = peek(r)) < 0 || (c & 0xC0) != 0x80)
			break;
		out[k] = (unsigned char)c;
		r->p++;
	}
	if (k < n || utf8_decode(out, n, cp) != n) {
		bad_utf8(r, &pos, lead);
		return 0;
	}
	r->line_cont += n - 1;
	return n;
}

/*
 * Quotes what was found at the cursor for a message, e.g. „x“ or "the end
 * of the file". Uses dq(), so the result is valid for a few calls.
 */
static const char *
found(struct json_reader *r, int c)
{
	char	 tmp[2];

	if (c < 0)
		return "the end of the file";
	if (c >= 0x20 && c < 0x7F) {
		tmp[0] = (char)c;
		tmp[1] = '\0';
		return dq(r->d, tmp);
	}
	if (c < 0x20 || c == 0x7F)
		return "a control character";
	return "a non-ASCII character";
}

static const char *
level_name(char kind)
{
	return kind == '{' ? "object" : "list";
}

/*
 * The input ended where more was needed: point at the end and say which
 * unfinished thing began where.
 */
static void
unexpected_eof(struct json_reader *r)
{
	struct srcpos	 pos = here(r);
	struct level	*l;

	/* At the top, the only value ever expected is the first one. */
	if (r->depth == 0) {
		SYNTAX(r, &pos, "the file has no data (it is empty or only "
		    "whitespace)");
		return;
	}
	l = &r->levels[r->depth - 1];
	SYNTAX(r, &pos, "the file ends before the %s that starts at %d:%d is "
	    "closed (missing %c)", level_name(l->kind), l->pos.line,
	    l->pos.col, l->kind == '{' ? '}' : ']');
}

/* Strings */

static bool
read_hex4(struct json_reader *r, uint32_t *v, const struct srcpos *esc,
    const struct srcpos *start)
{
	int	 i, c;

	*v = 0;
	for (i = 0; i < 4; i++) {
		c = peek(r);
		if (c < 0) {
			struct srcpos pos = here(r);

			SYNTAX(r, &pos, "the file ends in the middle of a "
			    "text in quotes that starts at %d:%d",
			    start->line, start->col);
			return false;
		}
		if (is_digit(c))
			*v = *v << 4 | (uint32_t)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			*v = *v << 4 | (uint32_t)((c | 0x20) - 'a' + 10);
		else {
			SYNTAX(r, esc, "\\u in text must be followed by four "
			    "hexadecimal digits");
			return false;
		}
		r->p++;
	}
	return true;
}

/* Decodes a \u escape (the cursor is past the u), pairing surrogates. */
static bool
unicode_escape(struct json_reader *r, uint32_t *cp, const struct srcpos *esc,
    const struct srcpos *start)
{
	uint32_t	 lo;

	if (!read_hex4(r, cp, esc, start))
		return false;
	if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
		SYNTAX(r, esc, "\\u%04X is the second half of a surrogate pair "
		    "without a first half", (unsigned)*cp);
		return false;
	}
	if (*cp < 0xD800 || *cp > 0xDBFF)
		return true;
	if (peek(r) != '\\') {
		SYNTAX(r, esc, "\\u%04X is the first half of a surrogate pair "
		    "and must be followed by a second \\uDC00–\\uDFFF",
		    (unsigned)*cp);
		return false;
	}
	r->p++;
	if (peek(r) != 'u') {
		SYNTAX(r, esc, "\\u%04X is the first half of a surrogate pair "
		    "and must be followed by a second \\uDC00–\\uDFFF",
		    (unsigned)*cp);
		return false;
	}
	r->p++;
	if (!read_hex4(r, &lo, esc, start))
		return false;
	if (lo < 0xDC00 || lo > 0xDFFF) {
		SYNTAX(r, esc, "\\u%04X is the first half of a surrogate pair "
		    "but \\u%04X is not a second half", (unsigned)*cp,
		    (unsigned)lo);
		return false;
	}
	*cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
	return true;
}

/* Handles a backslash at the cursor; appends the character when keep. */
static bool
escape(struct json_reader *r, bool keep, bool iskey,
    const struct srcpos *start)
{
	struct srcpos	 esc = here(r);
	uint32_t	 cp;
	char		 ch, tmp[4];
	int		 c;

	r->p++;
	switch ((c = peek(r))) {
	case '"':	ch = '"'; break;
	case '\\':	ch = '\\'; break;
	case '/':	ch = '/'; break;
	case 'b':	ch = '\b'; break;
	case 'f':	ch = '\f'; break;
	case 'n':	ch = '\n'; break;
	case 'r':	ch = '\r'; break;
	case 't':	ch = '\t'; break;
	case 'u':
		r->p++;
		if (!unicode_escape(r, &cp, &esc, start))
			return false;
		if (cp == 0 && iskey) {
			SYNTAX(r, &esc, "a field name may not contain \\u0000");
			return false;
		}
		if (keep)
			buf_put(&r->tok, tmp, utf8_encode(cp, tmp));
		return true;
	case -1:
		esc = here(r);
		SYNTAX(r, &esc, "the file ends in the middle of a text in "
		    "quotes that starts at %d:%d", start->line, start->col);
		return false;
	default:
		if (c >= 0x20 && c < 0x7F)
			SYNTAX(r, &esc, "unknown escape „\\%c“ in text; a "
			    "backslash itself must be written as \\\\", c);
		else
			SYNTAX(r, &esc, "unknown escape in text; a backslash "
			    "itself must be written as \\\\");
		return false;
	}
	r->p++;
	if (keep)
		buf_putc(&r->tok, ch);
	return true;
}

static void
control_in_string(struct json_reader *r, int c, const struct srcpos *start)
{
	struct srcpos	 pos = here(r);

	if (c == '\n' || c == '\r')
		SYNTAX(r, start, "text in quotes is not closed on its line "
		    "(a line break inside text must be written as \\n)");
	else if (c == '\t')
		SYNTAX(r, &pos, "a tab inside text in quotes must be written "
		    "as \\t");
	else
		SYNTAX(r, &pos, "control character U+%04X inside text in "
		    "quotes must be written as \\u%04X", (unsigned)c,
		    (unsigned)c);
}

/*
 * Reads the string whose opening quote is at the cursor. With keep, the
 * decoded text is left in r->tok (NUL-terminated, may contain NULs).
 */
static bool
scan_string(struct json_reader *r, bool keep, bool iskey)
{
	struct srcpos		 start = here(r);
	const unsigned char	*run;
	unsigned char		 u[4];
	uint32_t		 cp;
	size_t			 n;
	int			 c;

	buf_reset(&r->tok);
	r->p++;
	for (;;) {
		run = r->p;
		while (r->p < r->end && !stop_in_string[*r->p])
			r->p++;
		if (keep && r->p > run)
			buf_put(&r->tok, run, (size_t)(r->p - run));
		if (r->p == r->end) {
			if (!refill(r)) {
				struct srcpos pos = here(r);

				SYNTAX(r, &pos, "the file ends in the middle "
				    "of a text in quotes that starts at %d:%d",
				    start.line, start.col);
				return false;
			}
			continue;
		}
		c = *r->p;
		if (c == '"') {
			r->p++;
			break;
		}
		if (c == '\\') {
			if (!escape(r, keep, iskey, &start))
				return false;
		} else if (c < 0x20) {
			control_in_string(r, c, &start);
			return false;
		} else {
			if ((n = read_utf8(r, u, &cp)) == 0)
				return false;
			if (keep)
				buf_put(&r->tok, u, n);
		}
	}
	if (keep)
		buf_str(&r->tok);	/* NUL-terminated even when empty */
	return true;
}

/* Numbers and words */

static bool
is_word_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    is_digit(c) || c == '_' || c == '.' || c == '+' || c == '-' ||
	    c >= 0x80;
}

/*
 * Appends the rest of a malformed token to r->tok for the message (at most
 * a few dozen bytes; dq() shortens and sanitises it).
 */
static void
rest_of_word(struct json_reader *r)
{
	int	 c;

	while (r->tok.len < 64 && (c = peek(r)) >= 0 && is_word_byte(c)) {
		buf_putc(&r->tok, (char)c);
		r->p++;
	}
	buf_str(&r->tok);
}

static bool
digits(struct json_reader *r)
{
	int	 c;
	bool	 any = false;

	while ((c = peek(r)) >= 0 && is_digit(c)) {
		buf_putc(&r->tok, (char)c);
		r->p++;
		any = true;
	}
	return any;
}

static bool
bad_number(struct json_reader *r, const struct srcpos *pos, const char *why)
{
	rest_of_word(r);
	SYNTAX(r, pos, "malformed number %s: %s", dq(r->d, r->tok.data), why);
	return false;
}

/* Reads a number per the RFC 8259 grammar; the literal is left in r->tok. */
static bool
scan_number(struct json_reader *r, const struct srcpos *pos)
{
	int	 c;

	buf_reset(&r->tok);
	if (peek(r) == '-') {
		buf_putc(&r->tok, '-');
		r->p++;
	}
	if ((c = peek(r)) == '0') {
		buf_putc(&r->tok, '0');
		r->p++;
		if ((c = peek(r)) >= 0 && is_digit(c)) {
			rest_of_word(r);
			SYNTAX(r, pos, "a number may not start with 0: %s; a "
			    "code whose leading zeros matter (IČO, PSČ) must "
			    "be written as text in quotes", dq(r->d,
			    r->tok.data));
			return false;
		}
	} else if (!digits(r))
		return bad_number(r, pos, "digits must follow the minus sign");
	if (peek(r) == '.') {
		buf_putc(&r->tok, '.');
		r->p++;
		if (!digits(r))
			return bad_number(r, pos, "digits must follow the "
			    "decimal point");
	}
	if ((c = peek(r)) == 'e' || c == 'E') {
		buf_putc(&r->tok, (char)c);
		r->p++;
		if ((c = peek(r)) == '+' || c == '-') {
			buf_putc(&r->tok, (char)c);
			r->p++;
		}
		if (!digits(r))
			return bad_number(r, pos, "digits must follow the "
			    "exponent mark e");
	}
	if ((c = peek(r)) >= 0 && is_word_byte(c))
		return bad_number(r, pos, "unexpected characters after the "
		    "number");
	buf_str(&r->tok);
	return true;
}

/* Compares a word with a literal ignoring ASCII case. */
static bool
word_is(const char *w, const char *lit)
{
	for (; *w && *lit; w++, lit++)
		if (ascii_tolower((unsigned char)*w) != *lit)
			return false;
	return *w == *lit;
}

/*
 * A word where a value was expected: true, false, null, or a mistake we can
 * name (True, an unquoted text). Leaves *kind set for the literals.
 */
static bool
scan_word(struct json_reader *r, const struct srcpos *pos,
    enum node_kind *kind, bool *b)
{
	const char	*w;

	buf_reset(&r->tok);
	rest_of_word(r);
	w = r->tok.data;
	if (strcmp(w, "true") == 0 || strcmp(w, "false") == 0) {
		*kind = N_BOOL;
		*b = w[0] == 't';
		return true;
	}
	if (strcmp(w, "null") == 0) {
		*kind = N_NULL;
		return true;
	}
	if (word_is(w, "true") || word_is(w, "false") || word_is(w, "null"))
		SYNTAX(r, pos, "write %s in lowercase: true, false and null "
		    "are the only words JSON knows", dq(r->d, w));
	else
		SYNTAX(r, pos, "text must be in double quotes: %s",
		    dq(r->d, w));
	return false;
}

/* Something that cannot start a value is at the cursor. */
static void
not_a_value(struct json_reader *r, int c, const char *field)
{
	struct srcpos	 pos = here(r);
	unsigned char	 u[4];
	uint32_t	 cp;
	size_t		 n;
	char		 ctx[128];

	if (c < 0) {
		unexpected_eof(r);
		return;
	}
	if (field != NULL)
		snprintf(ctx, sizeof ctx, " for field %s", dq(r->d, field));
	else
		ctx[0] = '\0';
	if (c == '\'')
		SYNTAX(r, &pos, "text must be in double quotes \"…\", not in "
		    "single quotes");
	else if (c == '/')
		SYNTAX(r, &pos, "comments are not allowed in JSON");
	else if (c >= 0x80) {
		if ((n = read_utf8(r, u, &cp)) == 0)
			return;
		if (cp == 0x201E || cp == 0x201C || cp == 0x201D ||
		    cp == 0x201A || cp == 0x2018 || cp == 0x2019)
			SYNTAX(r, &pos, "text must be in straight double "
			    "quotes \"…\", not in typographic quotes");
		else if (cp == 0xFEFF)
			SYNTAX(r, &pos, "unexpected byte-order mark (U+FEFF) "
			    "inside the file");
		else if (cp == 0xA0 || cp == 0x202F || cp == 0x2007)
			SYNTAX(r, &pos, "unexpected no-break space; only "
			    "ordinary spaces may separate values");
		else {
			buf_reset(&r->tok);
			buf_put(&r->tok, u, n);
			rest_of_word(r);
			SYNTAX(r, &pos, "text must be in double quotes: %s",
			    dq(r->d, r->tok.data));
		}
	} else
		SYNTAX(r, &pos, "expected a value%s, found %s", ctx,
		    found(r, c));
}

/* Values */

static bool	parse_value(struct json_reader *, struct arena *,
		    struct node **, const char *);

static bool
push_level(struct json_reader *r, char kind, const struct srcpos *pos)
{
	struct level	*l;

	if (r->depth >= JSON_MAX_DEPTH) {
		report(r, D_TOO_DEEP, pos, "the data are nested more than %d "
		    "levels deep", JSON_MAX_DEPTH);
		return false;
	}
	l = &r->levels[r->depth++];
	l->kind = kind;
	l->first = true;
	l->pos = *pos;
	l->keys = NULL;
	return true;
}

static void
pop_level(struct json_reader *r)
{
	struct level	*l = &r->levels[--r->depth];

	strmap_free(l->keys);
	l->keys = NULL;
}

/*
 * Finds an earlier member named key among obj's members, through a hash
 * once the object is large (so that a hostile file with a million keys is
 * not quadratic).
 */
static struct member *
find_member(struct node *obj, struct strmap **seen, const char *key)
{
	size_t	 i;
	void	*v;

	if (obj->n < LINEAR_KEYS) {
		for (i = 0; i < obj->n; i++)
			if (strcmp(obj->members[i].key, key) == 0)
				return &obj->members[i];
		return NULL;
	}
	if (*seen == NULL) {
		*seen = strmap_new();
		for (i = 0; i < obj->n; i++)
			strmap_put(*seen, obj->members[i].key,
			    (void *)(uintptr_t)(i + 1));
	}
	v = strmap_get(*seen, key);
	return v == NULL ? NULL : &obj->members[(uintptr_t)v - 1];
}

static void
duplicate_key(struct json_reader *r, const char *key, const struct srcpos *pos,
    const struct srcpos *first)
{
	diag(r->d, D_DUPLICATE_KEY, pos, "field %s appears twice in this "
	    "object (first at %d:%d); the second value is ignored",
	    dq(r->d, key), first->line, first->col);
}

/* Expected a field name in quotes but found c. */
static void
not_a_key(struct json_reader *r, int c, bool after_number)
{
	struct srcpos	 pos = here(r);

	if (c < 0)
		unexpected_eof(r);
	else if (c == '\'')
		SYNTAX(r, &pos, "field names must be in double quotes \"…\", "
		    "not in single quotes");
	else if (after_number && is_digit(c))
		SYNTAX(r, &pos, "expected a field name in double quotes, found "
		    "a digit; numbers use a decimal point (12.5), not a comma");
	else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '_') {
		buf_reset(&r->tok);
		rest_of_word(r);
		SYNTAX(r, &pos, "field name %s must be in double quotes",
		    dq(r->d, r->tok.data));
	} else if (c == '/')
		SYNTAX(r, &pos, "comments are not allowed in JSON");
	else if (c >= 0x80)
		not_a_value(r, c, NULL);
	else
		SYNTAX(r, &pos, "expected a field name in double quotes, "
		    "found %s", found(r, c));
}

/*
 * After a member or an item: a comma (returns true with the cursor on the
 * next thing) or the closing bracket (*closed). The messages name the usual
 * mistakes: a missing comma, an extra comma before the bracket.
 */
static bool
after_element(struct json_reader *r, char kind, bool *closed)
{
	char		 close = kind == '{' ? '}' : ']';
	struct srcpos	 comma, pos;
	int		 c = skip_ws(r);

	*closed = false;
	if (c == close) {
		r->p++;
		*closed = true;
		return true;
	}
	if (c == ',') {
		comma = here(r);
		r->p++;
		if (skip_ws(r) == close) {
			SYNTAX(r, &comma, "extra comma before %c", close);
			return false;
		}
		return true;
	}
	pos = here(r);
	if (c < 0)
		unexpected_eof(r);
	else if (c >= 0x80)
		not_a_value(r, c, NULL);	/* names no-break spaces etc. */
	else if (kind == '{' && c == '"')
		SYNTAX(r, &pos, "missing comma between fields");
	else if (kind == '[' && (c == '"' || c == '{' || c == '[' ||
	    c == '-' || is_digit(c) || c == 't' || c == 'f' || c == 'n'))
		SYNTAX(r, &pos, "missing comma between list items");
	else if (c == (kind == '{' ? ']' : '}'))
		SYNTAX(r, &pos, "found %c where %c was expected: the %s that "
		    "starts at %d:%d is closed with the wrong bracket", c,
		    close, level_name(kind), r->levels[r->depth - 1].pos.line,
		    r->levels[r->depth - 1].pos.col);
	else if (c == ':' && kind == '[')
		SYNTAX(r, &pos, "unexpected colon in a list (fields with names "
		    "belong in an object {…})");
	else
		SYNTAX(r, &pos, "expected a comma or %c, found %s", close,
		    found(r, c));
	return false;
}

/*
 * A container's members or items are gathered in a malloc'd array while it
 * is parsed, then copied into the arena at its exact size: grown inside
 * the arena, every doubling left the old copy behind (members took 2.4
 * times their size, a tenth of the memory of loading a large catalogue).
 */
static void *
settle(struct arena *a, void *scratch, size_t n, size_t sz)
{
	void	*p = NULL;

	if (n > 0) {
		p = arena_alloc(a, n * sz);
		memcpy(p, scratch, n * sz);
	}
	free(scratch);
	return p;
}

static bool
parse_object(struct json_reader *r, struct arena *a, struct node **out)
{
	struct srcpos	 pos = here(r), keypos;
	struct node	*obj = NULL, *val;
	struct strmap	*seen = NULL;
	struct member	*dup, *m;
	const char	*key;
	char		 keycopy[128];
	size_t		 cap = 0;
	bool		 closed = false, ok = false, after_number = false;
	int		 c;

	if (!push_level(r, '{', &pos))
		return false;
	r->p++;
	if (a != NULL)
		obj = tree_node(a, N_OBJECT, &pos);
	if ((c = skip_ws(r)) == '}') {
		r->p++;
		ok = true;
		goto out;
	}
	while (!closed) {
		if ((c = peek(r)) != '"') {
			not_a_key(r, c, after_number);
			goto out;
		}
		keypos = here(r);
		if (!scan_string(r, true, true))
			goto out;
		dup = NULL;
		if (a != NULL) {
			key = arena_strndup(a, r->tok.data, r->tok.len);
			if ((dup = find_member(obj, &seen, key)) != NULL)
				duplicate_key(r, key, &keypos, &dup->keypos);
		} else {
			/* Only checking: keep the name for messages. */
			snprintf(keycopy, sizeof keycopy, "%s", r->tok.data);
			key = keycopy;
		}
		if ((c = skip_ws(r)) != ':') {
			struct srcpos p = here(r);

			if (c < 0)
				unexpected_eof(r);
			else
				SYNTAX(r, &p, "missing colon after the field "
				    "name %s", dq(r->d, key));
			goto out;
		}
		r->p++;
		if (!parse_value(r, a, &val, key))
			goto out;
		after_number = val != NULL && val->kind == N_NUMBER;
		if (a != NULL && dup == NULL) {
			/* (obj->members is malloc'd until settle()) */
			if (obj->n == cap)
				grow(&obj->members, &cap, obj->n + 1,
				    sizeof *obj->members);
			m = &obj->members[obj->n++];
			memset(m, 0, sizeof *m);
			m->key = key;
			m->keypos = keypos;
			m->val = val;
			if (seen != NULL)
				strmap_put(seen, key,
				    (void *)(uintptr_t)obj->n);
		}
		if (!after_element(r, '{', &closed))
			goto out;
		if (!closed)
			skip_ws(r);
	}
	ok = true;
out:
	strmap_free(seen);
	if (obj != NULL)
		obj->members = settle(a, obj->members, obj->n,
		    sizeof *obj->members);
	pop_level(r);
	*out = obj;
	return ok;
}

static bool
parse_array(struct json_reader *r, struct arena *a, struct node **out)
{
	struct srcpos	 pos = here(r);
	struct node	*arr = NULL, *item;
	size_t		 cap = 0;
	bool		 closed = false, ok = false;

	if (!push_level(r, '[', &pos))
		return false;
	r->p++;
	if (a != NULL)
		arr = tree_node(a, N_ARRAY, &pos);
	if (skip_ws(r) == ']') {
		r->p++;
		ok = true;
		goto out;
	}
	while (!closed) {
		if (!parse_value(r, a, &item, NULL))
			goto out;
		if (a != NULL) {
			/* (arr->items is malloc'd until settle()) */
			if (arr->n == cap)
				grow(&arr->items, &cap, arr->n + 1,
				    sizeof *arr->items);
			arr->items[arr->n++] = item;
		}
		if (!after_element(r, '[', &closed))
			goto out;
	}
	ok = true;
out:
	if (arr != NULL)
		arr->items = settle(a, arr->items, arr->n, sizeof *arr->items);
	pop_level(r);
	*out = arr;
	return ok;
}

/*
 * Parses one value into a tree in a (or only checks it when a is NULL).
 * field names the member the value belongs to, for messages.
 */
static bool
parse_value(struct json_reader *r, struct arena *a, struct node **out,
    const char *field)
{
	struct srcpos	 pos;
	enum node_kind	 kind;
	struct node	*n;
	bool		 b = false;
	int		 c;

	*out = NULL;
	c = skip_ws(r);
	pos = here(r);
	switch (c) {
	case '{':
		return parse_object(r, a, out);
	case '[':
		return parse_array(r, a, out);
	case '"':
		if (!scan_string(r, a != NULL, false))
			return false;
		if (a != NULL) {
			n = *out = tree_node(a, N_STRING, &pos);
			n->str = arena_strndup(a, r->tok.data, r->tok.len);
			n->len = r->tok.len;
		}
		return true;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (!scan_number(r, &pos))
			return false;
		if (a != NULL) {
			n = *out = tree_node(a, N_NUMBER, &pos);
			n->str = arena_strndup(a, r->tok.data, r->tok.len);
			n->len = r->tok.len;
		}
		return true;
	default:
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			if (!scan_word(r, &pos, &kind, &b))
				return false;
			if (a != NULL) {
				n = *out = tree_node(a, kind, &pos);
				if (kind == N_BOOL) {
					n->b = b;
					n->str = b ? "true" : "false";
					n->len = strlen(n->str);
				}
			}
			return true;
		}
		not_a_value(r, c, field);
		return false;
	}
}

/* Byte-order marks: UTF-8's is skipped; UTF-16's earn a clear message. */
static bool
start(struct json_reader *r)
{
	struct srcpos	 pos;
	int		 c;

	if (r->started)
		return !r->failed;
	r->started = true;
	pos = here(r);
	c = peek(r);
	if (c == 0xFF || c == 0xFE) {
		report(r, D_BAD_UTF8, &pos, "the file is in UTF-16; save it as "
		    "UTF-8");
		return false;
	}
	if (c != 0xEF)
		return !r->failed;
	r->p++;
	if (peek(r) != 0xBB) {
		bad_utf8(r, &pos, 0xEF);
		return false;
	}
	r->p++;
	if (peek(r) != 0xBF) {
		bad_utf8(r, &pos, 0xEF);
		return false;
	}
	r->p++;
	/* Editors do not show the mark: the next character is column 1. */
	r->line_start = offset(r);
	return true;
}

/* Public interface */

static struct json_reader *
reader_new(const char *file, struct diag *d)
{
	struct json_reader *r = xcalloc(1, sizeof *r);

	init_tables();
	r->d = d;
	r->file = diag_file(d, file);
	r->line = 1;
	return r;
}

struct json_reader *
json_reader_open(const char *path, struct diag *d)
{
	struct json_reader *r;
	FILE		*fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag(d, D_IO, NULL, "cannot open %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	r = reader_new(path, d);
	r->fp = fp;
	r->window = FILE_WINDOW;
	r->buf = xmalloc(r->window);
	r->w0 = r->p = r->end = r->buf;
	return r;
}

struct json_reader *
json_reader_mem(const char *file, const char *buf, size_t len,
    struct diag *d)
{
	struct json_reader *r = reader_new(file, d);

	r->src = (const unsigned char *)buf;
	r->srclen = len;
	/* The whole buffer is one window: no copying, nothing to refill. */
	r->w0 = r->p = r->src;
	r->end = r->src + len;
	r->eof = true;
	return r;
}

void
json_reader_set_window(struct json_reader *r, size_t n)
{
	if (r->started || n == 0)
		return;
	r->window = n;
	free(r->buf);
	r->buf = xmalloc(n);
	if (r->fp == NULL) {
		/* Hand the memory out n bytes at a time, like a file. */
		r->srcoff = 0;
		r->eof = false;
		r->w0 = r->p = r->end = r->buf;
	}
}

void
json_reader_close(struct json_reader *r)
{
	if (r == NULL)
		return;
	while (r->depth > 0)
		pop_level(r);
	if (r->fp != NULL)
		fclose(r->fp);
	free(r->buf);
	buf_free(&r->tok);
	buf_free(&r->key);
	arena_free(r->keyarena);
	free(r);
}

const char *
json_reader_file(const struct json_reader *r)
{
	return r->file;
}

bool
json_reader_failed(const struct json_reader *r)
{
	return r->failed;
}

static bool
begin(struct json_reader *r, char kind, struct srcpos *pos)
{
	struct srcpos	 p;
	int		 c;

	if (!start(r))
		return false;
	c = skip_ws(r);
	p = here(r);
	if (pos != NULL)
		*pos = p;
	if (c == kind) {
		if (!push_level(r, kind, &p))
			return false;
		r->p++;
		r->stream_depth++;
		return true;
	}
	if (c < 0)
		unexpected_eof(r);
	else
		SYNTAX(r, &p, "expected %s (%c…%c), found %s",
		    kind == '{' ? "an object" : "a list", kind,
		    kind == '{' ? '}' : ']', found(r, c));
	return false;
}

bool
json_begin_object(struct json_reader *r, struct srcpos *pos)
{
	return !r->failed && begin(r, '{', pos);
}

bool
json_begin_array(struct json_reader *r, struct srcpos *pos)
{
	return !r->failed && begin(r, '[', pos);
}

/* Closes the innermost streaming level (its bracket was consumed). */
static void
end_stream_level(struct json_reader *r)
{
	pop_level(r);
	r->stream_depth--;
}

/*
 * Moves to the next element of the innermost streaming level: handles the
 * comma or the closing bracket. Returns true when an element follows.
 */
static bool
stream_next(struct json_reader *r, char kind)
{
	struct level	*l;
	bool		 closed;

	if (r->failed || r->stream_depth == 0 || r->depth == 0 ||
	    r->levels[r->depth - 1].kind != kind)
		return false;
	l = &r->levels[r->depth - 1];
	if (l->first) {
		l->first = false;
		if (skip_ws(r) == (kind == '{' ? '}' : ']')) {
			r->p++;
			end_stream_level(r);
			return false;
		}
		return !r->failed;
	}
	if (!after_element(r, kind, &closed))
		return false;
	if (closed) {
		end_stream_level(r);
		return false;
	}
	skip_ws(r);
	return !r->failed;
}

bool
json_next_key(struct json_reader *r, const char **key, struct srcpos *keypos)
{
	struct level	*l;
	struct srcpos	 kp, *first;
	const char	*copy;
	int		 c;

	for (;;) {
		if (!stream_next(r, '{'))
			return false;
		l = &r->levels[r->depth - 1];
		if ((c = peek(r)) != '"') {
			not_a_key(r, c, false);
			return false;
		}
		kp = here(r);
		if (!scan_string(r, true, true))
			return false;
		buf_reset(&r->key);
		buf_put(&r->key, r->tok.data, r->tok.len);
		if ((c = skip_ws(r)) != ':') {
			struct srcpos p = here(r);

			if (c < 0)
				unexpected_eof(r);
			else
				SYNTAX(r, &p, "missing colon after the field "
				    "name %s", dq(r->d, r->key.data));
			return false;
		}
		r->p++;
		if (l->keys == NULL)
			l->keys = strmap_new();
		if (r->keyarena == NULL)
			r->keyarena = arena_new();
		if ((first = strmap_get(l->keys, r->key.data)) == NULL) {
			first = arena_alloc(r->keyarena, sizeof *first);
			*first = kp;
			copy = arena_strdup(r->keyarena, r->key.data);
			strmap_put(l->keys, copy, first);
			break;
		}
		/* Keep the first value: skip this one and move on. */
		duplicate_key(r, r->key.data, &kp, first);
		if (!json_skip_value(r))
			return false;
	}
	*key = r->key.data;
	if (keypos != NULL)
		*keypos = kp;
	return true;
}

bool
json_next_item(struct json_reader *r)
{
	return stream_next(r, '[');
}

struct node *
json_read_value(struct json_reader *r, struct arena *a)
{
	struct node	*n;

	if (r->failed || !start(r))
		return NULL;
	return parse_value(r, a, &n, NULL) ? n : NULL;
}

bool
json_skip_value(struct json_reader *r)
{
	struct node	*n;

	if (r->failed || !start(r))
		return false;
	return parse_value(r, NULL, &n, NULL);
}

bool
json_reader_end(struct json_reader *r)
{
	struct srcpos	 pos;
	int		 c;

	if (r->failed || !start(r))
		return false;
	if ((c = skip_ws(r)) < 0)
		return !r->failed;
	pos = here(r);
	SYNTAX(r, &pos, "unexpected %s after the end of the data (the top "
	    "value is already complete)", c < 0x80 ? found(r, c) :
	    "text");
	return false;
}

struct node *
json_parse(struct arena *a, const char *file, const char *buf, size_t len,
    struct diag *d)
{
	struct json_reader *r = json_reader_mem(file, buf, len, d);
	struct node	*n;

	n = json_read_value(r, a);
	if (n != NULL && !json_reader_end(r))
		n = NULL;
	json_reader_close(r);
	return n;
}
