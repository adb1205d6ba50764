/*
 * CSV reading (see csv.h). Two steps: the bytes are decoded into UTF-8 text
 * (remembering where undecodable bytes were replaced by U+FFFD), then the
 * text is split into records and fields while counting lines and
 * characters, so every field knows where it starts.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "csv.h"
#include "util.h"

/* At most this many undecodable bytes are listed one by one. */
#define CSV_MAX_BAD_REPORTS	20
/* Syntax errors reported one by one; the rest are counted. */
#define CSV_MAX_SYNTAX_REPORTS	30

enum bad_kind { BAD_UTF8, BAD_CP1250, BAD_UTF16, BAD_NUL };

/* A byte (or UTF-16 unit) that was replaced by U+FFFD. */
struct bad {
	size_t		 off;	/* offset of the U+FFFD in the decoded text */
	unsigned	 value;
	enum bad_kind	 kind;
};

struct decoded {
	struct buf	 out;
	struct bad	*bads;
	size_t		 nbads, capbads;
};

/* The tokenizer's cursor over the decoded text. */
struct tok {
	const char	*s;
	size_t		 len, p;
	int		 line, col;
	const struct bad *bads;	/* sorted by offset */
	size_t		 nbads, nextbad;
	char		 sep;
	const char	*file;
	struct diag	*d;
	struct arena	*arena;
	struct buf	 val;
	size_t		 nsyntax;	/* syntax errors met */
	struct srcpos	 unlisted;	/* the first one not reported */
};

struct record {
	struct csv_field *f;
	size_t		  n, cap;
	int		  line;
	struct srcpos	  end;	/* where the record's last field ended */
	size_t		  endraw;
};

enum rec_status { REC_OK, REC_EOF, REC_ABORT };

const char *
csv_encoding_name(enum csv_encoding e)
{
	switch (e) {
	case CSV_UTF8:
		return "UTF-8";
	case CSV_UTF8_BOM:
		return "UTF-8 with BOM";
	case CSV_CP1250:
		return "windows-1250";
	case CSV_UTF16LE:
		return "UTF-16LE";
	case CSV_UTF16BE:
		return "UTF-16BE";
	}
	return "?";
}

/* Length of the UTF-8 sequence that starts with c (the text is valid). */
static size_t
clen(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/* ---- Decoding ---------------------------------------------------------- */

static void
add_bad(struct decoded *dc, unsigned value, enum bad_kind kind)
{
	struct bad	*b;

	grow(&dc->bads, &dc->capbads, dc->nbads + 1, sizeof *dc->bads);
	b = &dc->bads[dc->nbads++];
	b->off = dc->out.len;
	b->value = value;
	b->kind = kind;
	buf_put(&dc->out, "\xef\xbf\xbd", 3);
}

static void
decode_utf8(struct decoded *dc, const unsigned char *s, size_t len)
{
	size_t		 i = 0, n, run;
	uint32_t	 cp;

	while (i < len) {
		/* Copy runs of plain ASCII at once. */
		for (run = i; run < len && s[run] != 0 && s[run] < 0x80; run++)
			;
		if (run > i) {
			buf_put(&dc->out, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] == 0) {
			add_bad(dc, 0, BAD_NUL);
			i++;
		} else if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			add_bad(dc, s[i], BAD_UTF8);
			i++;
		} else {
			buf_put(&dc->out, s + i, n);
			i += n;
		}
	}
}

/*
 * Converts one NUL-free piece from windows-1250 with iconv: a byte that has
 * no character in windows-1250 (0x81, 0x83, 0x88, 0x90, 0x98) becomes
 * U+FFFD and is remembered.
 */
static bool
decode_cp1250_piece(struct decoded *dc, iconv_t cd, const unsigned char *s,
    size_t len)
{
	char	*in = (char *)(uintptr_t)s, *out;
	size_t	 inleft = len, outleft, cap, r;

	while (inleft > 0) {
		/* A windows-1250 byte takes at most 3 bytes in UTF-8. */
		cap = inleft * 3 + 4;
		if (dc->out.cap - dc->out.len < cap + 1)
			grow(&dc->out.data, &dc->out.cap,
			    dc->out.len + cap + 1, 1);
		out = dc->out.data + dc->out.len;
		outleft = cap;
		r = iconv(cd, &in, &inleft, &out, &outleft);
		dc->out.len = (size_t)(out - dc->out.data);
		dc->out.data[dc->out.len] = '\0';
		if (r != (size_t)-1)
			continue;
		if (errno != EILSEQ && errno != EINVAL)
			return false;
		add_bad(dc, (unsigned char)*in, BAD_CP1250);
		in++;
		inleft--;
	}
	return true;
}

static bool
decode_cp1250(struct decoded *dc, const unsigned char *s, size_t len)
{
	iconv_t		 cd;
	const unsigned char *nul;
	size_t		 i = 0, piece;
	bool		 ok = true;

	if ((cd = iconv_open("UTF-8", "WINDOWS-1250")) == (iconv_t)-1)
		return false;
	while (ok && i < len) {
		nul = memchr(s + i, 0, len - i);
		piece = nul != NULL ? (size_t)(nul - (s + i)) : len - i;
		ok = decode_cp1250_piece(dc, cd, s + i, piece);
		i += piece;
		if (ok && i < len) {
			add_bad(dc, 0, BAD_NUL);
			i++;
		}
	}
	iconv_close(cd);
	return ok;
}

static void
decode_utf16(struct decoded *dc, const unsigned char *s, size_t len, bool le)
{
	size_t		 i = 0;
	unsigned	 u, u2;
	uint32_t	 cp;

	while (i + 1 < len) {
		u = le ? s[i] | s[i + 1] << 8 : s[i] << 8 | s[i + 1];
		i += 2;
		if (u == 0) {
			add_bad(dc, 0, BAD_NUL);
			continue;
		}
		if (u >= 0xdc00 && u <= 0xdfff) {
			add_bad(dc, u, BAD_UTF16);
			continue;
		}
		if (u >= 0xd800 && u <= 0xdbff) {
			if (i + 1 >= len) {
				add_bad(dc, u, BAD_UTF16);
				continue;
			}
			u2 = le ? s[i] | s[i + 1] << 8 : s[i] << 8 | s[i + 1];
			if (u2 < 0xdc00 || u2 > 0xdfff) {
				add_bad(dc, u, BAD_UTF16);
				continue;
			}
			i += 2;
			cp = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
		} else
			cp = u;
		buf_put_utf8(&dc->out, cp);
	}
	if (i < len)
		add_bad(dc, s[i], BAD_UTF16);
}

/*
 * Counts well-formed multi-byte UTF-8 sequences and ill-formed bytes: a
 * UTF-8 file with a few broken bytes has many more of the former, while
 * windows-1250 Czech text almost never forms a valid sequence.
 */
static bool
mostly_utf8(const unsigned char *s, size_t len)
{
	size_t		 i = 0, n, good = 0, badn = 0;
	uint32_t	 cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			badn++;
			i++;
		} else {
			good++;
			i += n;
		}
	}
	return good > badn;
}

/*
 * Line and column of byte offset off in s, counting CRLF, LF and CR as one
 * line end; each character counts one column (bytewise: each byte does).
 */
static struct srcpos
pos_at(const char *s, size_t len, size_t off, bool bytewise)
{
	struct srcpos	 pos = { NULL, 1, 1 };
	size_t		 i = 0;

	while (i < off && i < len) {
		if (s[i] == '\r') {
			i++;
			if (i < len && i < off && s[i] == '\n')
				i++;
			pos.line++;
			pos.col = 1;
		} else if (s[i] == '\n') {
			i++;
			pos.line++;
			pos.col = 1;
		} else {
			i += bytewise ? 1 : clen((unsigned char)s[i]);
			pos.col++;
		}
	}
	return pos;
}

static void
report_bads(struct csv *c, const struct decoded *dc, struct diag *d)
{
	struct srcpos	 pos = { c->file, 1, 1 };
	size_t		 i, at = 0;

	for (i = 0; i < dc->nbads && i < CSV_MAX_BAD_REPORTS; i++) {
		/* Walk on from the previous bad one: offsets are sorted. */
		struct srcpos step = pos_at(c->text + at, c->textlen - at,
		    dc->bads[i].off - at, false);

		if (step.line > 1) {
			pos.line += step.line - 1;
			pos.col = step.col;
		} else
			pos.col += step.col - 1;
		at = dc->bads[i].off;
		switch (dc->bads[i].kind) {
		case BAD_NUL:
			diag(d, D_BAD_UTF8, &pos, "NUL character (byte 0) in "
			    "the text; the value containing it is dropped");
			break;
		case BAD_UTF16:
			diag(d, D_BAD_UTF8, &pos, "broken UTF-16 character "
			    "(code unit 0x%04X); the value containing it is "
			    "dropped", dc->bads[i].value);
			break;
		case BAD_CP1250:
			diag(d, D_BAD_UTF8, &pos, "byte 0x%02X is neither "
			    "UTF-8 nor a windows-1250 character; the value "
			    "containing it is dropped", dc->bads[i].value);
			break;
		case BAD_UTF8:
			diag(d, D_BAD_UTF8, &pos, "byte 0x%02X is not UTF-8 "
			    "text; the value containing it is dropped (save "
			    "the file as „CSV UTF-8“)", dc->bads[i].value);
			break;
		}
	}
	if (dc->nbads > CSV_MAX_BAD_REPORTS) {
		pos.line = 0;
		diag(d, D_BAD_UTF8, &pos, "%zu more bytes that are not "
		    "characters (not listed); is this a spreadsheet saved as "
		    "CSV?", dc->nbads - CSV_MAX_BAD_REPORTS);
	}
}

/*
 * Decides the encoding and decodes buf into c->text. Returns false (after
 * reporting) when a conversion is impossible.
 */
static bool
decode(struct csv *c, const unsigned char *s, size_t len,
    struct decoded *dc, struct diag *d)
{
	struct srcpos	 pos;
	size_t		 odd = 0;

	if (len >= 2 && s[0] == 0xff && s[1] == 0xfe) {
		c->enc = CSV_UTF16LE;
		decode_utf16(dc, s + 2, len - 2, true);
	} else if (len >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		c->enc = CSV_UTF16BE;
		decode_utf16(dc, s + 2, len - 2, false);
	} else if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		c->enc = CSV_UTF8_BOM;
		decode_utf8(dc, s + 3, len - 3);
	} else if ((odd = utf8_check(s, len)) == len || mostly_utf8(s, len)) {
		c->enc = CSV_UTF8;
		decode_utf8(dc, s, len);
	} else {
		c->enc = CSV_CP1250;
		if (!decode_cp1250(dc, s, len)) {
			diag(d, D_IO, NULL, "%s: cannot convert from "
			    "windows-1250: %s", c->file, strerror(errno));
			return false;
		}
		pos = pos_at((const char *)s, len, odd, true);
		pos.file = c->file;
		diag(d, D_ENCODING, &pos, "the file is not UTF-8; read as "
		    "windows-1250 (Excel „CSV“ on Czech Windows)");
	}
	if (c->enc == CSV_UTF16LE || c->enc == CSV_UTF16BE) {
		pos.file = c->file;
		pos.line = 0;
		pos.col = 0;
		diag(d, D_ENCODING, &pos, "the file is %s (Excel „Unicode "
		    "text“); read as such", csv_encoding_name(c->enc));
	}
	if (dc->out.data == NULL)
		buf_puts(&dc->out, "");
	c->textlen = dc->out.len;
	c->text = buf_steal(&dc->out);
	report_bads(c, dc, d);
	return true;
}

/* ---- Tokenizing -------------------------------------------------------- */

static int
peek(const struct tok *t)
{
	return t->p < t->len ? (unsigned char)t->s[t->p] : -1;
}

static bool
at_eol(const struct tok *t)
{
	int	 c = peek(t);

	return c == '\r' || c == '\n';
}

/* Moves over one character (a line end counts as one). */
static void
adv(struct tok *t)
{
	int	 c = peek(t);
	size_t	 n;

	if (c < 0)
		return;
	if (c == '\r') {
		t->p++;
		if (peek(t) == '\n')
			t->p++;
		t->line++;
		t->col = 1;
	} else if (c == '\n') {
		t->p++;
		t->line++;
		t->col = 1;
	} else {
		n = clen((unsigned char)c);
		t->p = t->p + n > t->len ? t->len : t->p + n;
		t->col++;
	}
}

/* Appends the current character to the value and moves over it. */
static void
take(struct tok *t, struct csv_field *f)
{
	size_t	 start = t->p;

	while (t->nextbad < t->nbads && t->bads[t->nextbad].off < start)
		t->nextbad++;
	if (t->nextbad < t->nbads && t->bads[t->nextbad].off == start)
		f->bad = true;
	if (at_eol(t)) {
		buf_putc(&t->val, '\n');
		adv(t);
		return;
	}
	adv(t);
	buf_put(&t->val, t->s + start, t->p - start);
}

static bool
is_pad(const struct tok *t, int c)
{
	return c == ' ' || (c == '\t' && t->sep != '\t');
}

static struct srcpos
here(const struct tok *t)
{
	struct srcpos	 pos;

	pos.file = t->file;
	pos.line = t->line;
	pos.col = t->col;
	return pos;
}

/*
 * Whether the syntax error at pos is to be reported: the first
 * CSV_MAX_SYNTAX_REPORTS are, the rest only counted (a file that is not
 * CSV at all would otherwise give one per line).
 */
static bool
syntax_listed(struct tok *t, const struct srcpos *pos)
{
	if (++t->nsyntax == CSV_MAX_SYNTAX_REPORTS + 1)
		t->unlisted = *pos;
	return t->nsyntax <= CSV_MAX_SYNTAX_REPORTS;
}

static bool
at_field_end(const struct tok *t)
{
	int	 c = peek(t);

	return c < 0 || c == t->sep || c == '\r' || c == '\n';
}

/* Reads an unquoted value; spaces around it are dropped. */
static void
read_plain(struct tok *t, struct csv_field *f)
{
	size_t		 keep = 0;
	bool		 stray = false;
	struct srcpos	 pos;

	while (!at_field_end(t)) {
		if (peek(t) == '"' && !stray && !f->bad) {
			pos = here(t);
			if (syntax_listed(t, &pos))
				diag(t->d, D_CSV_SYNTAX, &pos, "stray quote in "
				    "a value that does not start with a quote "
				    "(a value containing „\"“ must be enclosed "
				    "in quotes, with the quote doubled); value "
				    "dropped");
			stray = true;
			f->bad = true;
		}
		take(t, f);
		if (!is_pad(t, (unsigned char)t->val.data[t->val.len - 1]))
			keep = t->val.len;
	}
	t->val.len = keep;
}

/*
 * Reads a quoted value from its opening quote. Returns false at the end of
 * the text before the closing quote.
 */
static bool
read_quoted(struct tok *t, struct csv_field *f)
{
	struct srcpos	 pos;

	adv(t);			/* the opening quote */
	for (;;) {
		if (peek(t) < 0)
			return false;
		if (peek(t) == '"') {
			adv(t);
			if (peek(t) != '"')
				break;
		}
		take(t, f);
	}
	while (is_pad(t, peek(t)))
		adv(t);
	if (at_field_end(t))
		return true;
	pos = here(t);
	if (syntax_listed(t, &pos))
		diag(t->d, D_CSV_SYNTAX, &pos, "text after the closing quote "
		    "of a quoted value (a quote inside a value must be "
		    "doubled: „\"\"“); value dropped");
	f->bad = true;
	/* Keep the rest as text so the row's other fields stay in place. */
	while (!at_field_end(t))
		take(t, f);
	return true;
}

/* The last line that has text (a final line end starts no line). */
static int
last_line(const struct tok *t)
{
	if (t->len > 0 && (t->s[t->len - 1] == '\n' || t->s[t->len - 1] == '\r'))
		return t->line - 1;
	return t->line;
}

static enum rec_status
read_field(struct tok *t, struct record *r)
{
	struct csv_field *f;
	struct srcpos	 start;

	if (r->n == r->cap)
		grow(&r->f, &r->cap, r->n + 1, sizeof *r->f);
	f = &r->f[r->n];
	memset(f, 0, sizeof *f);
	while (is_pad(t, peek(t)))
		adv(t);
	f->pos = here(t);
	f->raw = t->p;
	buf_reset(&t->val);
	if (peek(t) == '"') {
		f->quoted = true;
		start = f->pos;
		if (!read_quoted(t, f)) {
			diag(t->d, D_CSV_SYNTAX, &start, "this quote opens a "
			    "value that is never closed; the row and the rest "
			    "of the file (to line %d) are ignored",
			    last_line(t));
			return REC_ABORT;
		}
	} else
		read_plain(t, f);
	f->len = t->val.len;
	f->text = arena_strndup(t->arena, t->val.data ? t->val.data : "",
	    f->len);
	r->n++;
	r->end = here(t);
	r->endraw = t->p;
	return REC_OK;
}

/* Reads one record up to and including its line end. */
static enum rec_status
read_record(struct tok *t, struct record *r)
{
	enum rec_status	 st;

	r->n = 0;
	r->line = t->line;
	if (peek(t) < 0)
		return REC_EOF;
	for (;;) {
		if ((st = read_field(t, r)) != REC_OK)
			return st;
		if (peek(t) == t->sep) {
			adv(t);
			continue;
		}
		if (at_eol(t))
			adv(t);
		return REC_OK;
	}
}

/*
 * The separator is the most frequent of `;`, tab and `,` outside quotes on
 * the header line; ties go in that order, as Czech Excel writes `;`.
 */
static char
detect_sep(const char *s, size_t len)
{
	size_t	 i = 0, nsemi = 0, ntab = 0, ncomma = 0;
	bool	 inq = false;

	while (i < len && (s[i] == '\r' || s[i] == '\n'))
		i++;		/* blank lines before the header */
	for (; i < len; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (s[i] == '\r' || s[i] == '\n')
			break;
		else if (s[i] == ';')
			nsemi++;
		else if (s[i] == '\t')
			ntab++;
		else if (s[i] == ',')
			ncomma++;
	}
	if (nsemi >= ntab && nsemi >= ncomma && nsemi > 0)
		return ';';
	if (ntab >= ncomma && ntab > 0)
		return '\t';
	if (ncomma > 0)
		return ',';
	return ';';
}

static bool
record_blank(const struct record *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (r->f[i].len > 0 || r->f[i].bad)
			return false;
	return true;
}

/* Copies a record into the arena as a row of exactly width fields. */
static void
store_row(struct tok *t, const struct record *r, size_t width,
    struct csv_row *row)
{
	size_t	 i;

	row->fields = arena_alloc(t->arena,
	    (width ? width : 1) * sizeof *row->fields);
	row->n = width;
	for (i = 0; i < width; i++) {
		if (i < r->n) {
			row->fields[i] = r->f[i];
			continue;
		}
		row->fields[i].text = "";
		row->fields[i].pos = r->end;
		row->fields[i].raw = r->endraw;
		row->fields[i].padded = true;
	}
	row->line = r->line;
}

/* Rows longer than the header are an error unless the extra cells are empty. */
static bool
row_fits(struct tok *t, const struct record *r, size_t width, int number)
{
	size_t	 i;

	for (i = width; i < r->n; i++)
		if (r->f[i].len > 0) {
			if (syntax_listed(t, &r->f[i].pos))
				diag(t->d, D_CSV_SYNTAX, &r->f[i].pos, "row %d "
				    "has %zu values but the header has %zu "
				    "columns (extra value %s); row dropped",
				    number, r->n, width,
				    dq(t->d, r->f[i].text));
			return false;
		}
	return true;
}

/* Excel writes "sep=;" as the first line when asked to name the separator. */
static bool
sep_line(struct tok *t)
{
	const char	*s = t->s;

	if (t->len >= 5 && strncmp(s, "sep=", 4) == 0 &&
	    (t->len == 5 || s[5] == '\r' || s[5] == '\n') &&
	    (s[4] == ';' || s[4] == ',' || s[4] == '\t' || s[4] == '|')) {
		t->sep = s[4];
		adv(t), adv(t), adv(t), adv(t), adv(t), adv(t);
		return true;
	}
	return false;
}

static void
tokenize(struct csv *c, struct tok *t)
{
	struct record	 r = { 0 };
	enum rec_status	 st;
	int		 number = 0;
	size_t		 caprows = 0;

	for (;;) {
		st = read_record(t, &r);
		if (st != REC_OK)
			break;
		number++;
		if (record_blank(&r))
			continue;
		if (c->header.fields == NULL) {
			store_row(t, &r, r.n, &c->header);
			c->header.number = number;
			continue;
		}
		if (!row_fits(t, &r, c->header.n, number))
			continue;
		grow(&c->rows, &caprows, c->nrows + 1, sizeof *c->rows);
		store_row(t, &r, c->header.n, &c->rows[c->nrows]);
		c->rows[c->nrows++].number = number;
	}
	free(r.f);
}

struct csv *
csv_read(const char *file, const char *buf, size_t len, struct diag *d)
{
	struct csv	*c = xcalloc(1, sizeof *c);
	struct decoded	 dc;
	struct tok	 t;
	struct srcpos	 pos = { file, 0, 0 };

	memset(&dc, 0, sizeof dc);
	c->file = file;
	c->arena = arena_new();
	if (!decode(c, (const unsigned char *)buf, len, &dc, d)) {
		buf_free(&dc.out);
		free(dc.bads);
		csv_free(c);
		return NULL;
	}
	memset(&t, 0, sizeof t);
	t.s = c->text;
	t.len = c->textlen;
	t.line = t.col = 1;
	t.bads = dc.bads;
	t.nbads = dc.nbads;
	t.file = file;
	t.d = d;
	t.arena = c->arena;
	if (!sep_line(&t))
		t.sep = detect_sep(t.s, t.len);
	c->sep = t.sep;
	tokenize(c, &t);
	if (t.nsyntax > CSV_MAX_SYNTAX_REPORTS)
		diag(d, D_CSV_SYNTAX, &t.unlisted, "%zu more syntax errors like "
		    "those above, not listed one by one (is this a CSV file?)",
		    t.nsyntax - CSV_MAX_SYNTAX_REPORTS);
	buf_free(&t.val);
	free(dc.bads);
	if (c->header.fields == NULL) {
		diag(d, D_CSV_SYNTAX, &pos, "the file is empty: expected a "
		    "header line with column names");
		csv_free(c);
		return NULL;
	}
	return c;
}

void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	arena_free(c->arena);
	free(c->rows);
	free(c->text);
	free(c);
}

struct srcpos
csv_value_pos(const struct csv *c, const struct csv_field *f, size_t off)
{
	struct srcpos	 pos = f->pos;
	size_t		 r = f->raw, v = 0, n;
	const char	*s = c->text;

	if (f->padded)
		return pos;
	if (f->quoted && r < c->textlen && s[r] == '"') {
		r++;
		pos.col++;
	}
	while (v < off && v < f->len && r < c->textlen) {
		if (s[r] == '"' && f->quoted) {
			/* A doubled quote stands for one. */
			if (r + 1 >= c->textlen || s[r + 1] != '"')
				break;
			r += 2;
			pos.col += 2;
			v++;
		} else if (s[r] == '\r' || s[r] == '\n') {
			r += s[r] == '\r' && r + 1 < c->textlen &&
			    s[r + 1] == '\n' ? 2 : 1;
			pos.line++;
			pos.col = 1;
			v++;
		} else {
			n = clen((unsigned char)s[r]);
			r += n;
			v += n;
			pos.col++;
		}
	}
	return pos;
}
