/*
 * YAML reader: libyaml's event parser turned into the document tree of
 * tree.h. libyaml knows the grammar; this file adds what mapa needs on top:
 * positions in the project's convention (1-based, columns in characters),
 * a small fixed schema for plain scalars, refusal of the YAML features a
 * coordinator never means to use (anchors, aliases, custom tags, several
 * documents), duplicate keys, a nesting limit, and syntax errors reworded
 * for people who do not know YAML's grammar.
 *
 * libyaml counts mark.index and mark.column in characters, not bytes (a
 * line "název: x" puts the value at column 7), and it does not count a
 * leading byte order mark. Both match what diag.h wants after adding one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "util.h"
#include "yaml.h"

#define YAML_MAX_DEPTH	64
#define CORE_TAG	"tag:yaml.org,2002:"

/* An open list or mapping. */
struct frame {
	struct node	*n;
	const char	*key;		/* mapping: key waiting for its value */
	struct srcpos	 keypos;
	bool		 have_key;
};

struct yctx {
	struct arena		*a;
	struct diag		*d;
	const char		*file;
	const unsigned char	*buf;		/* the whole input */
	size_t			 len;
	size_t			 bom;		/* 3 when it starts with a BOM */
	struct frame		 stack[YAML_MAX_DEPTH];
	int			 depth;
	struct node		*root;
	int			 docs;
	bool			 failed;
};

/* What a tag asks for; anything else is reported and ignored. */
enum ytag {
	TAG_NONE, TAG_STR, TAG_INT, TAG_FLOAT, TAG_BOOL, TAG_NULL,
	TAG_SEQ, TAG_MAP, TAG_OTHER
};

/*
 * windows-1250 bytes that spell Czech letters and the punctuation Czech
 * texts use, for the "save it as UTF-8" hint on a file that is not UTF-8.
 */
static const struct {
	unsigned char	 byte;
	uint32_t	 cp;
} cp1250[] = {
	{ 0x84, 0x201E }, { 0x8A, 0x0160 }, { 0x8D, 0x0164 }, { 0x8E, 0x017D },
	{ 0x93, 0x201C }, { 0x96, 0x2013 }, { 0x9A, 0x0161 }, { 0x9D, 0x0165 },
	{ 0x9E, 0x017E }, { 0xA0, 0x00A0 }, { 0xA7, 0x00A7 }, { 0xC1, 0x00C1 },
	{ 0xC8, 0x010C }, { 0xC9, 0x00C9 }, { 0xCC, 0x011A }, { 0xCD, 0x00CD },
	{ 0xCF, 0x010E }, { 0xD2, 0x0147 }, { 0xD3, 0x00D3 }, { 0xD8, 0x0158 },
	{ 0xD9, 0x016E }, { 0xDA, 0x00DA }, { 0xDD, 0x00DD }, { 0xE1, 0x00E1 },
	{ 0xE4, 0x00E4 }, { 0xE8, 0x010D }, { 0xE9, 0x00E9 }, { 0xEC, 0x011B },
	{ 0xED, 0x00ED }, { 0xEF, 0x010F }, { 0xF2, 0x0148 }, { 0xF3, 0x00F3 },
	{ 0xF4, 0x00F4 }, { 0xF8, 0x0159 }, { 0xF9, 0x016F }, { 0xFA, 0x00FA },
	{ 0xFD, 0x00FD },
};

/* Positions. */

static struct srcpos
mark_pos(const struct yctx *y, yaml_mark_t m)
{
	struct srcpos	 pos;

	pos.file = y->file;
	pos.line = (int)m.line + 1;
	pos.col = (int)m.column + 1;
	return pos;
}

/* Byte offset (from the start of the input) of character number index. */
static size_t
char_offset(const struct yctx *y, size_t index)
{
	size_t		 off = y->bom, n;
	uint32_t	 cp;

	while (index > 0 && off < y->len) {
		n = utf8_decode(y->buf + off, y->len - off, &cp);
		off += n ? n : 1;
		index--;
	}
	return off;
}

/* Position of a byte offset, for errors libyaml reports by offset. */
static struct srcpos
byte_pos(const struct yctx *y, size_t off)
{
	struct srcpos	 pos = { y->file, 1, 1 };
	size_t		 i;

	for (i = y->bom; i < off && i < y->len; i++) {
		if (y->buf[i] == '\n' || (y->buf[i] == '\r' &&
		    (i + 1 >= y->len || y->buf[i + 1] != '\n'))) {
			pos.line++;
			pos.col = 1;
		} else if (y->buf[i] != '\r' && (y->buf[i] & 0xC0) != 0x80)
			pos.col++;
	}
	return pos;
}

/* The character at off (0 at the end of the input). */
static uint32_t
char_at(const struct yctx *y, size_t off)
{
	uint32_t	 cp;

	if (off >= y->len || utf8_decode(y->buf + off, y->len - off, &cp) == 0)
		return 0;
	return cp;
}

/* Copies the rest of the line from off, without trailing blanks. */
static const char *
rest_of_line(const struct yctx *y, size_t off, char *out, size_t outsz)
{
	size_t	 end = off, n;

	while (end < y->len && y->buf[end] != '\n' && y->buf[end] != '\r')
		end++;
	while (end > off && (y->buf[end - 1] == ' ' || y->buf[end - 1] == '\t'))
		end--;
	n = end - off < outsz - 1 ? end - off : outsz - 1;
	memcpy(out, y->buf + off, n);
	out[n] = '\0';
	return out;
}

/* Is there anything but blanks between the start of the line and off? */
static bool
text_before(const struct yctx *y, size_t off)
{
	while (off > y->bom && y->buf[off - 1] != '\n' && y->buf[off - 1] != '\r') {
		off--;
		if (y->buf[off] != ' ' && y->buf[off] != '\t')
			return true;
	}
	return false;
}

/* Does the line hold ": " (or ':' at its end) before off, outside quotes? */
static bool
colon_before(const struct yctx *y, size_t off)
{
	size_t	 start = off, i;
	char	 quote = 0;

	while (start > y->bom && y->buf[start - 1] != '\n' &&
	    y->buf[start - 1] != '\r')
		start--;
	for (i = start; i < off; i++) {
		if (quote) {
			if (y->buf[i] == (unsigned char)quote)
				quote = 0;
		} else if (y->buf[i] == '"' || y->buf[i] == '\'')
			quote = (char)y->buf[i];
		else if (y->buf[i] == ':' && i + 1 < y->len &&
		    (y->buf[i + 1] == ' ' || y->buf[i + 1] == '\t'))
			return true;
	}
	return false;
}

/* One character as UTF-8 text, for dq(). */
static const char *
char_text(uint32_t cp, char out[8])
{
	out[utf8_encode(cp, out)] = '\0';
	return out;
}

/* Encoding problems. */

static uint32_t
cp1250_char(unsigned char b)
{
	size_t	 i;

	for (i = 0; i < NELEM(cp1250); i++)
		if (cp1250[i].byte == b)
			return cp1250[i].cp;
	return 0;
}

/*
 * The word around a bad byte read as windows-1250, or NULL when one of its
 * bytes is not a Czech letter there (then the hint would be a guess).
 */
static const char *
cp1250_word(const struct yctx *y, size_t off, struct buf *b)
{
	size_t		 start = off, end = off, i;
	uint32_t	 cp;

	while (start > y->bom && (y->buf[start - 1] >= 0x80 ||
	    (y->buf[start - 1] > ' ' && strchr(":,[]{}\"'#", y->buf[start - 1])
	    == NULL)))
		start--;
	while (end < y->len && (y->buf[end] >= 0x80 || (y->buf[end] > ' ' &&
	    strchr(":,[]{}\"'#", y->buf[end]) == NULL)))
		end++;
	if (end - start > 40)
		return NULL;
	for (i = start; i < end; i++) {
		if (y->buf[i] < 0x80)
			buf_putc(b, (char)y->buf[i]);
		else if ((cp = cp1250_char(y->buf[i])) != 0)
			buf_put_utf8(b, cp);
		else
			return NULL;
	}
	return buf_str(b);
}

/* A UTF-16 file: its byte order mark, or a NUL in the first two bytes. */
static bool
looks_utf16(const struct yctx *y)
{
	return y->len >= 2 && ((y->buf[0] == 0xFF && y->buf[1] == 0xFE) ||
	    (y->buf[0] == 0xFE && y->buf[1] == 0xFF) || y->buf[0] == 0 ||
	    y->buf[1] == 0);
}

/* Reports the first byte that is not UTF-8, with a hint at the cause. */
static void
bad_utf8(struct yctx *y, size_t off)
{
	struct srcpos	 pos = byte_pos(y, off);
	struct buf	 b = { 0 };
	const char	*word;
	unsigned	 byte = off < y->len ? y->buf[off] : 0;

	if (looks_utf16(y)) {
		pos.line = 0;	/* the whole file */
		diag(y->d, D_BAD_UTF8, &pos, "the file is not UTF-8 but looks "
		    "like UTF-16; save it as UTF-8");
	}
	else if ((word = cp1250_word(y, off, &b)) != NULL)
		diag(y->d, D_BAD_UTF8, &pos, "the file is not valid UTF-8 "
		    "(byte 0x%02X); it looks like windows-1250, where this "
		    "reads %s: save the file as UTF-8", byte,
		    dq(y->d, word));
	else
		diag(y->d, D_BAD_UTF8, &pos, "the file is not valid UTF-8 "
		    "(byte 0x%02X cannot be read here); save the file as UTF-8",
		    byte);
	buf_free(&b);
}

static void
reader_error(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = byte_pos(y, p->problem_offset);

	if (strstr(p->problem, "control characters") != NULL) {
		if (p->problem_value == 0 && looks_utf16(y))
			bad_utf8(y, p->problem_offset);
		else if (p->problem_value == 0xFEFF)
			diag(y->d, D_YAML_SYNTAX, &pos, "an invisible byte "
			    "order mark (U+FEFF) is allowed only at the very "
			    "start of the file; remove it");
		else
			diag(y->d, D_YAML_SYNTAX, &pos, "control character "
			    "U+%04X is not allowed in a YAML file (is the file "
			    "damaged, or not text?)", (unsigned)p->problem_value);
	} else
		bad_utf8(y, p->problem_offset);
}

/* Syntax errors, reworded. */

static bool
is_problem(const yaml_parser_t *p, const char *s)
{
	return p->problem != NULL && strstr(p->problem, s) != NULL;
}

static bool
is_context(const yaml_parser_t *p, const char *s)
{
	return p->context != NULL && strstr(p->context, s) != NULL;
}

/* "„x“ cannot start a value" and friends: a character in the wrong place. */
static void
bad_start(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->problem_mark);
	uint32_t	 c = char_at(y, char_offset(y, p->problem_mark.index));
	char		 ch[8];

	if (c == '\t')
		diag(y->d, D_YAML_SYNTAX, &pos,
		    "a tab character cannot indent YAML; use spaces");
	else if (c == '@' || c == '`')
		diag(y->d, D_YAML_SYNTAX, &pos, "%s is reserved in YAML and "
		    "cannot start a value; put the value in quotes",
		    dq(y->d, char_text(c, ch)));
	else
		diag(y->d, D_YAML_SYNTAX, &pos, "%s cannot start a value "
		    "here; put the value in quotes", dq(y->d, char_text(c, ch)));
}

/* ':' where no key may start: "a: b: c" or a key indented too deep. */
static void
bad_colon(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->problem_mark);
	size_t		 off = char_offset(y, p->problem_mark.index);

	if (colon_before(y, off)) {
		diag(y->d, D_YAML_SYNTAX, &pos, "a value cannot contain "
		    "\xe2\x80\x9e: \xe2\x80\x9c unless it is quoted; write "
		    "the whole value in quotes");
		return;
	}
	/* Point at the start of the key, not at its colon. */
	while (off > y->bom && y->buf[off - 1] != '\n' && y->buf[off - 1] != '\r')
		off--;
	pos.col = 1;
	while (off < y->len && y->buf[off] == ' ')
		off++, pos.col++;
	diag(y->d, D_YAML_SYNTAX, &pos, "this key is indented deeper than "
	    "the line above, which already has a value; give the keys of one "
	    "mapping the same indentation");
}

/* "key" with no colon: the line is neither "key: value" nor "- item". */
static void
no_colon(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->context_mark);
	size_t		 off = char_offset(y, p->context_mark.index);
	char		 line[256], fixed[260], *colon;

	rest_of_line(y, off, line, sizeof line);
	if (line[0] == '-' && line[1] != '\0' && line[1] != ' ') {
		snprintf(fixed, sizeof fixed, "- %s", line + 1);
		diag(y->d, D_YAML_SYNTAX, &pos, "a list item needs a space "
		    "after \xe2\x80\x9e-\xe2\x80\x9c: write %s",
		    dq(y->d, fixed));
	}
	else if ((colon = strchr(line, ':')) != NULL && colon[1] != '\0') {
		snprintf(fixed, sizeof fixed, "%.*s: %s", (int)(colon - line),
		    line, colon + 1);
		diag(y->d, D_YAML_SYNTAX, &pos, "a space must follow "
		    "\xe2\x80\x9e:\xe2\x80\x9c after a key: write %s",
		    dq(y->d, fixed));
	} else
		diag(y->d, D_YAML_SYNTAX, &pos, "did not find the expected "
		    "\xe2\x80\x9e:\xe2\x80\x9c after %s; each line of a mapping "
		    "must be \xe2\x80\x9ekey: value\xe2\x80\x9c",
		    dq(y->d, line));
}

/* A line that does not fit the block mapping or list around it. */
static void
bad_block(struct yctx *y, const yaml_parser_t *p, bool list)
{
	struct srcpos	 pos = mark_pos(y, p->problem_mark);
	size_t		 off = char_offset(y, p->problem_mark.index);
	uint32_t	 c = char_at(y, off);
	char		 ch[8], line[256];
	int		 cl = (int)p->context_mark.line + 1;
	int		 cc = (int)p->context_mark.column + 1;

	if (c == ']' || c == '}')
		diag(y->d, D_YAML_SYNTAX, &pos, "%s closes nothing: no %s is "
		    "open here", dq(y->d, char_text(c, ch)),
		    dq(y->d, c == ']' ? "[" : "{"));
	else if (off >= y->bom + 3 && char_at(y, off - 3) == 0xFEFF) {
		/* libyaml skips it but counts its column. */
		pos.col--;
		diag(y->d, D_YAML_SYNTAX, &pos, "an invisible byte order mark "
		    "(U+FEFF) starts this line; remove it");
	} else if (text_before(y, off))
		diag(y->d, D_YAML_SYNTAX, &pos, "unexpected text %s; text "
		    "after a quoted value or key must be inside the quotes",
		    dq(y->d, rest_of_line(y, off, line, sizeof line)));
	else if (!list && c == '-')
		diag(y->d, D_YAML_SYNTAX, &pos, "a list item cannot follow "
		    "\xe2\x80\x9ekey: value\xe2\x80\x9c lines at the same "
		    "indentation; indent the list under its key");
	else if (!list)
		diag(y->d, D_YAML_SYNTAX, &pos, "bad indentation: this line "
		    "does not line up with the keys of the mapping that starts "
		    "at line %d (its keys start in column %d)", cl, cc);
	else if (pos.col == cc)
		diag(y->d, D_YAML_SYNTAX, &pos, "expected another list item "
		    "(\xe2\x80\x9e- \xe2\x80\xa6\xe2\x80\x9c) of the list that "
		    "starts at line %d; a list and \xe2\x80\x9ekey: value\xe2\x80"
		    "\x9c lines cannot share one indentation", cl);
	else
		diag(y->d, D_YAML_SYNTAX, &pos, "bad indentation: this line "
		    "does not line up with the list that starts at line %d (its "
		    "items start in column %d)", cl, cc);
}

/* [ or { without its closing bracket. */
static void
unclosed(struct yctx *y, const yaml_parser_t *p, bool list)
{
	struct srcpos	 pos = mark_pos(y, p->context_mark);

	diag(y->d, D_YAML_SYNTAX, &pos, "the %s opened here with %s is not "
	    "closed: expected %s or %s before line %d, column %d",
	    list ? "list" : "mapping", dq(y->d, list ? "[" : "{"),
	    dq(y->d, ","), dq(y->d, list ? "]" : "}"),
	    (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1);
}

/* &, *, ! at the start of a value: YAML syntax the writer did not mean. */
static void
bad_indicator(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->context_mark);
	uint32_t	 c = char_at(y, char_offset(y, p->context_mark.index));
	char		 ch[8];

	diag(y->d, D_YAML_SYNTAX, &pos, "%s at the start of a value begins a "
	    "YAML %s; put the value in quotes", dq(y->d, char_text(c, ch)),
	    c == '&' ? "anchor" : c == '*' ? "alias" : "tag");
}

/* Quoted scalars: unclosed quotes and bad escapes. */
static bool
quoted_error(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos;
	uint32_t	 c;
	char		 esc[16], ch[8];
	size_t		 off;

	if (!is_context(p, "quoted scalar"))
		return false;
	if (is_problem(p, "end of stream")) {
		pos = mark_pos(y, p->context_mark);
		c = char_at(y, char_offset(y, p->context_mark.index));
		diag(y->d, D_YAML_SYNTAX, &pos, "the quoted text that starts "
		    "here is never closed; add the closing %s",
		    dq(y->d, char_text(c, ch)));
		return true;
	}
	pos = mark_pos(y, p->problem_mark);
	off = char_offset(y, p->problem_mark.index);
	if (is_problem(p, "unknown escape")) {
		snprintf(esc, sizeof esc, "\\%s", char_text(char_at(y, off + 1),
		    ch));
		diag(y->d, D_YAML_SYNTAX, &pos, "unknown escape %s in "
		    "double-quoted text; write %s for a backslash, or use single "
		    "quotes", dq(y->d, esc), dq(y->d, "\\\\"));
		return true;
	}
	if (is_problem(p, "hexdecimal") || is_problem(p, "Unicode")) {
		/* Point at the backslash that starts the escape. */
		while (off > y->bom && (off >= y->len || y->buf[off] != '\\') &&
		    pos.col > 1) {
			off--;
			if ((y->buf[off] & 0xC0) != 0x80)
				pos.col--;
		}
		diag(y->d, D_YAML_SYNTAX, &pos, "bad %s escape in double-quoted "
		    "text: it needs hexadecimal digits, e.g. %s; write %s for a "
		    "backslash", dq(y->d, "\\u"), dq(y->d, "\\u00A0"),
		    dq(y->d, "\\\\"));
		return true;
	}
	return false;
}

/*
 * A value expected where there is none: before the character named, or
 * at the end of a file that stops there (cut short), which is reported
 * at its last character rather than on a line the file does not have.
 */
static void
missing_value(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->problem_mark);
	size_t		 off = char_offset(y, p->problem_mark.index), e;
	char		 ch[8];

	if (off < y->len) {
		diag(y->d, D_YAML_SYNTAX, &pos, "a value is missing before %s",
		    dq(y->d, char_text(char_at(y, off), ch)));
		return;
	}
	for (e = y->len; e > y->bom && (y->buf[e - 1] == ' ' ||
	    y->buf[e - 1] == '\t' || y->buf[e - 1] == '\r' ||
	    y->buf[e - 1] == '\n'); e--)
		;
	if (e == y->bom) {
		diag(y->d, D_YAML_SYNTAX, &pos, "a value is missing at the end "
		    "of the file");
		return;
	}
	for (e--; e > y->bom && (y->buf[e] & 0xC0) == 0x80; e--)
		;
	pos = byte_pos(y, e);
	diag(y->d, D_YAML_SYNTAX, &pos, "the file ends after %s where a value "
	    "is expected; is it cut short?",
	    dq(y->d, char_text(char_at(y, e), ch)));
}

static void
grammar_error(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = mark_pos(y, p->problem_mark);
	uint32_t	 c;
	char		 ch[8];

	if (quoted_error(y, p))
		return;
	if (is_problem(p, "tab character"))
		diag(y->d, D_YAML_SYNTAX, &pos,
		    "a tab character cannot indent YAML; use spaces");
	else if (is_problem(p, "cannot start any token"))
		bad_start(y, p);
	else if (is_problem(p, "mapping values are not allowed"))
		bad_colon(y, p);
	else if (is_problem(p, "block sequence entries are not allowed"))
		diag(y->d, D_YAML_SYNTAX, &pos, "a list item (%s) cannot start "
		    "here; put each item on its own line, indented under its key",
		    dq(y->d, "- \xe2\x80\xa6"));
	else if (is_problem(p, "could not find expected ':'"))
		no_colon(y, p);
	else if (is_problem(p, "did not find expected key"))
		bad_block(y, p, false);
	else if (is_problem(p, "did not find expected '-'"))
		bad_block(y, p, true);
	else if (is_problem(p, "expected ',' or ']'"))
		unclosed(y, p, true);
	else if (is_problem(p, "expected ',' or '}'"))
		unclosed(y, p, false);
	else if (is_problem(p, "expected node content"))
		missing_value(y, p); else if (is_context(p, "anchor") || is_context(p, "alias") ||
	    is_context(p, "tag"))
		bad_indicator(y, p);
	else if (is_problem(p, "<document start>")) {
		c = char_at(y, char_offset(y, p->problem_mark.index));
		if (c == ']' || c == '}')
			diag(y->d, D_YAML_SYNTAX, &pos, "%s closes nothing: no "
			    "%s is open here", dq(y->d, char_text(c, ch)),
			    dq(y->d, c == ']' ? "[" : "{"));
		else
			diag(y->d, D_YAML_SYNTAX, &pos, "unexpected text after "
			    "the end of the document; look above for a stray "
			    "%s line or a closing bracket", dq(y->d, "..."));
	} else if (is_context(p, "directive") || is_problem(p, "directive") ||
	    is_problem(p, "incompatible YAML")) {
		if (is_context(p, "directive"))
			pos = mark_pos(y, p->context_mark);
		diag(y->d, D_YAML_SYNTAX, &pos, "a line starting with %s is a "
		    "YAML directive that mapa does not support; remove it",
		    dq(y->d, "%"));
	} else if (is_context(p, "block scalar") &&
	    is_problem(p, "comment or line break"))
		diag(y->d, D_YAML_SYNTAX, &pos, "text cannot follow %s or %s on "
		    "the same line; start the text on the next line, indented",
		    dq(y->d, "|"), dq(y->d, ">"));
	else
		diag(y->d, D_YAML_SYNTAX, &pos, "YAML syntax error: %s%s%s%s",
		    p->problem ? p->problem : "unknown problem",
		    p->context ? " (" : "", p->context ? p->context : "",
		    p->context ? ")" : "");
}

static void
syntax_error(struct yctx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos = { y->file, 0, 0 };

	if (p->error == YAML_MEMORY_ERROR) {
		fputs("mapa: out of memory\n", stderr);
		exit(3);
	}
	if (p->error == YAML_READER_ERROR)
		reader_error(y, p);
	else if (p->error == YAML_SCANNER_ERROR || p->error == YAML_PARSER_ERROR)
		grammar_error(y, p);
	else
		diag(y->d, D_YAML_SYNTAX, &pos, "cannot read the YAML file");
}

/* Scalars. */

/* A decimal number in JSON's spelling: -12, 0.5, 1e3; not 012 or .5. */
static bool
is_number(const char *s, size_t n)
{
	size_t	 i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i == n || !is_digit((unsigned char)s[i]))
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
	if (i < n && s[i] == '.') {
		if (++i == n || !is_digit((unsigned char)s[i]))
			return false;
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == n || !is_digit((unsigned char)s[i]))
			return false;
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
	}
	return i == n;
}

/* s[0..n) is one of the NULL-terminated words. */
static bool
is_word(const char *s, size_t n, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == n && memcmp(s, *words, n) == 0)
			return true;
	return false;
}

static const char *const null_words[] = { "", "~", "null", "Null", "NULL", NULL };
static const char *const true_words[] = { "true", "True", "TRUE", NULL };
static const char *const false_words[] = { "false", "False", "FALSE", NULL };

static enum ytag
tag_kind(const yaml_char_t *t)
{
	static const struct {
		const char	*name;
		enum ytag	 kind;
	} core[] = {
		{ "str", TAG_STR }, { "int", TAG_INT }, { "float", TAG_FLOAT },
		{ "bool", TAG_BOOL }, { "null", TAG_NULL }, { "seq", TAG_SEQ },
		{ "map", TAG_MAP },
	};
	const char	*s = (const char *)t;
	size_t		 i;

	if (s == NULL)
		return TAG_NONE;
	if (strcmp(s, "!") == 0)
		return TAG_STR;
	if (strncmp(s, CORE_TAG, strlen(CORE_TAG)) == 0)
		for (i = 0; i < NELEM(core); i++)
			if (strcmp(s + strlen(CORE_TAG), core[i].name) == 0)
				return core[i].kind;
	return TAG_OTHER;
}

/* Reports an unsupported tag the way it was probably written. */
static void
bad_tag(struct yctx *y, const struct srcpos *pos, const yaml_char_t *t)
{
	const char	*s = (const char *)t;
	char		 shown[128];

	if (strncmp(s, CORE_TAG, strlen(CORE_TAG)) == 0)
		snprintf(shown, sizeof shown, "!!%s", s + strlen(CORE_TAG));
	else
		snprintf(shown, sizeof shown, "%s", s);
	diag(y->d, D_YAML_SYNTAX, pos, "the YAML tag %s is not supported; "
	    "tag ignored", dq(y->d, shown));
}

static void
no_anchor(struct yctx *y, const struct srcpos *pos, const yaml_char_t *anchor)
{
	char	 shown[128];

	snprintf(shown, sizeof shown, "&%s", (const char *)anchor);
	diag(y->d, D_YAML_SYNTAX, pos, "YAML anchors (%s) are not supported; "
	    "write the value out in full (anchor ignored)", dq(y->d, shown));
}

/* Gives a plain scalar its type: null, true/false, number or text. */
static void
plain_kind(struct node *n, const char *s, size_t len)
{
	if (is_word(s, len, null_words))
		n->kind = N_NULL;
	else if (is_word(s, len, true_words) || is_word(s, len, false_words)) {
		n->kind = N_BOOL;
		n->b = is_word(s, len, true_words);
		n->str = n->b ? "true" : "false";
		n->len = strlen(n->str);
	} else if (is_number(s, len))
		n->kind = N_NUMBER;
	else
		n->kind = N_STRING;
}

/* Applies a core tag; a value that does not fit it stays as resolved. */
static void
apply_tag(struct yctx *y, struct node *n, enum ytag tag, const char *s,
    size_t len, const yaml_char_t *tagname)
{
	enum node_kind	 want;

	switch (tag) {
	case TAG_STR:
		n->kind = N_STRING;
		n->quoted = true;
		return;
	case TAG_INT:
	case TAG_FLOAT:
		want = N_NUMBER;
		break;
	case TAG_BOOL:
		want = N_BOOL;
		break;
	case TAG_NULL:
		want = N_NULL;
		break;
	case TAG_OTHER:
	case TAG_SEQ:
	case TAG_MAP:
		bad_tag(y, &n->pos, tagname);
		return;
	default:
		return;
	}
	plain_kind(n, s, len);
	if (n->kind != want) {
		n->kind = N_STRING;
		n->quoted = true;
		diag(y->d, D_YAML_SYNTAX, &n->pos, "%s does not fit its tag "
		    "%s; kept as text", dq(y->d, s), dq(y->d,
		    want == N_NUMBER ? "!!int/!!float" : want == N_BOOL ?
		    "!!bool" : "!!null"));
	}
}

static struct node *
scalar_node(struct yctx *y, const yaml_event_t *e)
{
	struct srcpos	 pos = mark_pos(y, e->start_mark);
	const char	*s = (const char *)e->data.scalar.value;
	size_t		 len = e->data.scalar.length;
	struct node	*n = tree_node(y->a, N_STRING, &pos);
	enum ytag	 tag = tag_kind(e->data.scalar.tag);

	n->str = arena_strndup(y->a, s, len);
	n->len = len;
	if (e->data.scalar.anchor != NULL)
		no_anchor(y, &pos, e->data.scalar.anchor);
	if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		plain_kind(n, s, len);
	else
		n->quoted = true;
	if (tag != TAG_NONE)
		apply_tag(y, n, tag, n->str, len, e->data.scalar.tag);
	if (n->kind == N_NULL) {
		n->str = NULL;
		n->len = 0;
	}
	return n;
}

/* Building the tree. */

static struct frame *
top(struct yctx *y)
{
	return y->depth > 0 ? &y->stack[y->depth - 1] : NULL;
}

static bool
wants_key(struct yctx *y)
{
	struct frame	*f = top(y);

	return f != NULL && f->n->kind == N_OBJECT && !f->have_key;
}

/* Hands a finished value to its list or mapping (or makes it the root). */
static void
add_value(struct yctx *y, struct node *n)
{
	struct frame	*f = top(y);
	struct node	*obj;
	size_t		 i;

	if (f == NULL) {
		y->root = n;
		return;
	}
	if (f->n->kind == N_ARRAY) {
		tree_append(y->a, f->n, n);
		return;
	}
	obj = f->n;
	f->have_key = false;
	for (i = 0; i < obj->n; i++)
		if (strcmp(obj->members[i].key, f->key) == 0) {
			diag(y->d, D_DUPLICATE_KEY, &f->keypos, "%s is given "
			    "twice in this mapping (first at line %d); the second "
			    "value is ignored", dq(y->d, f->key),
			    obj->members[i].keypos.line);
			return;
		}
	tree_add_member(y->a, obj, f->key, &f->keypos, n);
}

static void
on_scalar(struct yctx *y, const yaml_event_t *e)
{
	struct frame	*f;
	struct srcpos	 pos;

	if (wants_key(y)) {
		f = top(y);
		pos = mark_pos(y, e->start_mark);
		if (e->data.scalar.anchor != NULL)
			no_anchor(y, &pos, e->data.scalar.anchor);
		f->key = arena_strndup(y->a, (const char *)e->data.scalar.value,
		    e->data.scalar.length);
		f->keypos = pos;
		f->have_key = true;
		return;
	}
	add_value(y, scalar_node(y, e));
}

static void
on_alias(struct yctx *y, const yaml_event_t *e)
{
	struct srcpos	 pos = mark_pos(y, e->start_mark);
	char		 shown[128];

	snprintf(shown, sizeof shown, "*%s", (const char *)e->data.alias.anchor);
	diag(y->d, D_YAML_SYNTAX, &pos, "YAML aliases (%s) are not supported; "
	    "write the value out in full (value ignored)", dq(y->d, shown));
	if (wants_key(y)) {
		y->failed = true;
		return;
	}
	add_value(y, tree_node(y->a, N_NULL, &pos));
}

static void
on_start(struct yctx *y, const yaml_event_t *e, enum node_kind kind)
{
	struct srcpos	 pos = mark_pos(y, e->start_mark);
	const yaml_char_t *anchor, *tag;
	enum ytag	 t;
	struct node	*n;

	if (wants_key(y)) {
		diag(y->d, D_YAML_SYNTAX, &pos, "a key must be plain text, "
		    "not a %s", kind == N_ARRAY ? "list" : "mapping");
		y->failed = true;
		return;
	}
	if (y->depth == YAML_MAX_DEPTH) {
		diag(y->d, D_TOO_DEEP, &pos, "lists and mappings are nested "
		    "more than %d levels deep here; the file cannot be read",
		    YAML_MAX_DEPTH);
		y->failed = true;
		return;
	}
	anchor = kind == N_ARRAY ? e->data.sequence_start.anchor :
	    e->data.mapping_start.anchor;
	tag = kind == N_ARRAY ? e->data.sequence_start.tag :
	    e->data.mapping_start.tag;
	if (anchor != NULL)
		no_anchor(y, &pos, anchor);
	t = tag_kind(tag);
	if (t != TAG_NONE && !(t == TAG_STR && strcmp((const char *)tag, "!")
	    == 0) && t != (kind == N_ARRAY ? TAG_SEQ : TAG_MAP))
		bad_tag(y, &pos, tag);
	n = tree_node(y->a, kind, &pos);
	add_value(y, n);
	y->stack[y->depth].n = n;
	y->stack[y->depth].have_key = false;
	y->depth++;
}

static void
on_document(struct yctx *y, const yaml_event_t *e)
{
	struct srcpos	 pos = mark_pos(y, e->start_mark);

	if (++y->docs > 1) {
		diag(y->d, D_YAML_SYNTAX, &pos, "a second YAML document starts "
		    "here with %s; the file must hold one document (remove this "
		    "line or everything from here on)", dq(y->d, "---"));
		y->failed = true;
	}
}

/* Handles one event; returns false at the end of the stream. */
static bool
on_event(struct yctx *y, const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		on_document(y, e);
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(y, e);
		break;
	case YAML_ALIAS_EVENT:
		on_alias(y, e);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_start(y, e, N_ARRAY);
		break;
	case YAML_MAPPING_START_EVENT:
		on_start(y, e, N_OBJECT);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (y->depth > 0)
			y->depth--;
		break;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		break;
	}
	return true;
}

struct node *
yaml_parse(struct arena *a, const char *file, const char *buf, size_t len,
    struct diag *d)
{
	struct yctx	 y;
	yaml_parser_t	 p;
	yaml_event_t	 e;
	size_t		 bad;
	struct srcpos	 start = { file, 1, 1 };
	bool		 more = true;

	memset(&y, 0, sizeof y);
	y.a = a;
	y.d = d;
	y.file = file;
	y.buf = (const unsigned char *)buf;
	y.len = len;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		y.bom = 3;
	if ((bad = utf8_check(y.buf, len)) < len) {
		bad_utf8(&y, bad);
		return NULL;
	}
	if (!yaml_parser_initialize(&p)) {
		fputs("mapa: out of memory\n", stderr);
		exit(3);
	}
	yaml_parser_set_input_string(&p, y.buf, len);
	while (more && !y.failed) {
		if (!yaml_parser_parse(&p, &e)) {
			syntax_error(&y, &p);
			y.failed = true;
			break;
		}
		more = on_event(&y, &e);
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	if (y.failed)
		return NULL;
	/* An empty file is an empty (null) document. */
	return y.root != NULL ? y.root : tree_node(a, N_NULL, &start);
}
