/*
 * Tests of the PDF object reader and writer (pdfobj.c): every kind of
 * value, malformed values, nesting limits, the compact writer (parse, put
 * and parse again must give the same value), dictionaries, text and byte
 * strings both ways; files built here with their offsets computed (a good
 * one, and ones with a cross-reference stream, an update, encryption, a
 * damaged table, an impossible size), their objects and streams; and the
 * small file Cairo 1.16 writes, kept as a fuzzing seed.
 *
 * Every input is copied into a buffer of exactly its length, so that
 * under AddressSanitizer a read past the end is caught.
 * Run from the checkout (tests/run.sh does): tests/fuzz/corpus/.
 */
#include <sys/resource.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "harness.h"
#include "pdfobj.h"
#include "util.h"

#define CAIRO_SEED	"tests/fuzz/corpus/fuzz_pdfobj/cairo.pdf"

static struct arena	*A;

/* The copies made by exact(), freed by reset(). */
static char		**kept;
static size_t		 nkept, capkept;

/* A copy of s[0..len) in a buffer of exactly len bytes (malloc'd). */
static char *
dup_exact(const char *s, size_t len)
{
	char	*p = xmalloc(len > 0 ? len : 1);

	memcpy(p, s, len);
	return p;
}

/* The same, kept until reset(). */
static char *
exact(const char *s, size_t len)
{
	char	*p = dup_exact(s, len);

	if (nkept == capkept)
		grow(&kept, &capkept, nkept + 1, sizeof *kept);
	kept[nkept++] = p;
	return p;
}

/* Frees the copies and empties the arena. */
static void
reset(void)
{
	while (nkept > 0)
		free(kept[--nkept]);
	arena_reset(A);
}

/* Parses one value from an exact copy of s[0..len); *end: where it stopped. */
static bool
parse_n(const char *s, size_t len, struct pdf_val *v, size_t *end)
{
	char	*p = exact(s, len);

	*end = 0;
	return pdf_parse(A, p, len, end, v);
}

static bool
parse_s(const char *s, struct pdf_val *v)
{
	size_t	 end;

	return parse_n(s, strlen(s), v, &end);
}

/* The value's source text as a NUL-terminated string (from the arena). */
static const char *
text(const struct pdf_val *v)
{
	return v->s == NULL ? "(none)" : arena_strndup(A, v->s, v->len);
}

/* v written by pdf_put (from the arena). */
static const char *
put(const struct pdf_val *v)
{
	struct buf	 b = { 0 };
	char		*s;

	pdf_put(&b, v);
	s = arena_strndup(A, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Whether a and b are the same value (kinds, texts, numbers, items). */
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

/* ---- values ------------------------------------------------------------- */

/* Parses in as one atom: kind, text, number and where it stopped. */
static void
atom_case(const char *in, enum pdf_vt t, const char *want, long long num,
    size_t end, const char *msg)
{
	struct pdf_val	 v;
	size_t		 e;

	OK(parse_n(in, strlen(in), &v, &e), msg);
	INT_EQ(v.t, t, msg);
	STR_EQ(text(&v), want, msg);
	INT_EQ(v.num, num, msg);
	INT_EQ(e, end, msg);
}

static void
test_atoms(void)
{
	struct pdf_val	 v;

	atom_case("null", PV_NULL, "null", 0, 4, "null");
	atom_case("true", PV_BOOL, "true", 0, 4, "true");
	atom_case("  false ", PV_BOOL, "false", 0, 7, "false after blanks");
	atom_case("42", PV_NUM, "42", 42, 2, "integer");
	atom_case("-17 ", PV_NUM, "-17", -17, 3, "negative integer");
	atom_case("+5", PV_NUM, "+5", 5, 2, "signed integer");
	atom_case("0", PV_NUM, "0", 0, 1, "zero");
	atom_case("123456789012345678", PV_NUM, "123456789012345678",
	    123456789012345678LL, 18, "18 digits");
	atom_case("3.14", PV_NUM, "3.14", 0, 4, "real");
	atom_case("-.5", PV_NUM, "-.5", 0, 3, "negative real");
	atom_case("4.", PV_NUM, "4.", 0, 2, "real with a point at the end");
	atom_case("/Type", PV_NAME, "/Type", 0, 5, "name");
	atom_case("/A#20B/C", PV_NAME, "/A#20B", 0, 6, "name with #xx");
	atom_case("/ ", PV_NAME, "/", 0, 1, "empty name");
	atom_case("(a(b)c)", PV_STRING, "(a(b)c)", 0, 7, "nested parentheses");
	atom_case("(a\\)b\\\\)x", PV_STRING, "(a\\)b\\\\)", 0, 8,
	    "escaped parenthesis and backslash");
	atom_case("()", PV_STRING, "()", 0, 2, "empty literal");
	atom_case("<48 65\n6C>", PV_STRING, "<48 65\n6C>", 0, 10,
	    "hex string with blanks");
	atom_case("<>", PV_STRING, "<>", 0, 2, "empty hex string");
	atom_case("% a comment\r\n 7", PV_NUM, "7", 7, 15, "comment skipped");
	atom_case("12 0 R", PV_REF, "12 0 R", 12, 6, "reference");
	atom_case("12 0", PV_NUM, "12", 12, 2, "two integers, not a reference");
	atom_case("12 0 Rx", PV_NUM, "12", 12, 2, "Rx is no R");
	atom_case("-1 0 R", PV_NUM, "-1", -1, 2, "no negative reference");
	atom_case("12 0 R/N", PV_REF, "12 0 R", 12, 6, "reference, name");
	atom_case("1.0 0 R", PV_NUM, "1.0", 0, 3, "no real reference");
	atom_case("7 0.5 R", PV_NUM, "7", 7, 1, "no real generation");

	OK(parse_s("42", &v) && v.integer, "42 is an integer");
	OK(parse_s("4.2", &v) && !v.integer, "4.2 is not");
	OK(parse_s("9 0 R", &v) && !v.integer, "a reference is not");
}

static void
test_containers(void)
{
	struct pdf_val	 v, *x;

	OK(parse_s("[1 /a (x) [2] <<>> 5 0 R 6 0 true]", &v), "array");
	INT_EQ(v.t, PV_ARRAY, "array kind");
	INT_EQ(v.n, 9, "array items");
	INT_EQ(v.v[0].t, PV_NUM, "item 0");
	INT_EQ(v.v[1].t, PV_NAME, "item 1");
	INT_EQ(v.v[2].t, PV_STRING, "item 2");
	INT_EQ(v.v[3].t, PV_ARRAY, "item 3");
	INT_EQ(v.v[3].n, 1, "inner array");
	INT_EQ(v.v[4].t, PV_DICT, "item 4");
	INT_EQ(v.v[4].n, 0, "empty dictionary");
	INT_EQ(v.v[5].t, PV_REF, "item 5");
	INT_EQ(v.v[5].num, 5, "item 5 number");
	INT_EQ(v.v[6].t, PV_NUM, "item 6: 6 then 0, no R");
	INT_EQ(v.v[7].num, 0, "item 7");
	INT_EQ(v.v[7].t, PV_NUM, "item 7 kind");
	INT_EQ(v.v[8].t, PV_BOOL, "item 8");

	OK(parse_s("[1 2 3 R]", &v), "1 then a reference");
	INT_EQ(v.n, 2, "1 2 3 R: two items");
	INT_EQ(v.v[1].t, PV_REF, "2 3 R");
	INT_EQ(v.v[1].num, 2, "2 3 R number");

	OK(parse_s("<< /Type /Page /Kids [3 0 R] /Count 1 %c\n"
	    "/Parent 2 0 R >>", &v), "dictionary");
	INT_EQ(v.t, PV_DICT, "dictionary kind");
	INT_EQ(v.n, 8, "four pairs");
	STR_EQ(text(&v.v[0]), "/Type", "first key");
	OK(pdf_is_name(pdf_dict_get(&v, "Type"), "Page"), "/Type /Page");
	x = pdf_dict_get(&v, "Kids");
	OK(x != NULL && x->t == PV_ARRAY && x->n == 1, "/Kids");
	x = pdf_dict_get(&v, "Count");
	OK(x != NULL && x->integer && x->num == 1, "/Count");
	x = pdf_dict_get(&v, "Parent");
	OK(x != NULL && x->t == PV_REF && x->num == 2, "/Parent");
	OK(pdf_dict_get(&v, "Typ") == NULL, "no prefix match");
	OK(pdf_dict_get(&v, "Types") == NULL, "no longer match");
	OK(pdf_dict_get(&v, "Page") == NULL, "a value is not a key");
	OK(pdf_dict_get(&v.v[5], "Kids") == NULL, "not a dictionary");
	OK(pdf_dict_get(NULL, "Kids") == NULL, "NULL");
	OK(!pdf_is_name(pdf_dict_get(&v, "Type"), "Pag"), "name prefix");
	OK(!pdf_is_name(pdf_dict_get(&v, "Count"), "1"), "not a name");
	OK(!pdf_is_name(NULL, "Page"), "NULL is no name");

	OK(parse_s("<</A<</B[<</C 1>>]>>>>", &v), "tight nesting");
	x = pdf_dict_get(pdf_dict_get(&v, "A"), "B");
	OK(x != NULL && x->n == 1 && pdf_dict_get(&x->v[0], "C") != NULL,
	    "/A /B [ /C ]");
	OK(parse_s("<</A<41>>>", &v), "hex string just before >>");
	INT_EQ(v.n, 2, "one pair");
}

/* n nested arrays (with an integer inside when inner) or dictionaries. */
static char *
nested(size_t n, bool dict, bool inner)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_puts(&b, dict ? "<</K " : "[");
	buf_puts(&b, inner ? "1" : dict ? "0" : "");
	for (i = 0; i < n; i++)
		buf_puts(&b, dict ? ">>" : "]");
	return buf_steal(&b);
}

static bool
parse_nested(size_t n, bool dict, bool inner)
{
	char		*s = nested(n, dict, inner);
	struct pdf_val	 v;
	size_t		 e;
	bool		 ok = parse_n(s, strlen(s), &v, &e) &&
			    e == strlen(s);

	free(s);
	reset();
	return ok;
}

static void
test_depth(void)
{
	OK(parse_nested(1, false, false), "one array");
	OK(parse_nested(64, false, false), "64 arrays");
	OK(parse_nested(64, false, true), "64 arrays around an integer");
	OK(parse_nested(64, true, false), "64 dictionaries");
	OK(!parse_nested(65, false, false), "65 arrays");
	OK(!parse_nested(65, false, true), "65 arrays around an integer");
	OK(!parse_nested(65, true, false), "65 dictionaries");
	OK(!parse_nested(100000, false, false), "100 000 arrays");
	OK(!parse_nested(100000, true, true), "100 000 dictionaries");
}

/* Every one of these is refused, read from a buffer of its exact length. */
static void
test_malformed(void)
{
	static const char *const bad[] = {
		"", "   ", "% only a comment", "%\n", "(abc", "(a(b)",
		"(a\\", "(a\\)", "[1 2", "[", "[(x]", "<</a 1", "<<",
		"<</a>>", "<</a 1 /b>>", "<<1 2>>", "<<(a) 1>>", "<</a 1 2>>",
		">", ">>", "]", ")", "<4G>", "<41", "<", "{", "}", "{1}",
		"nul", "truex", "True", "R", "obj", "-", "+", "-x", ".+",
		"1234567890123456789", "[1 2 R", "<</a [1 >>", "[<</a 1]>>",
		"<</a 1>", "[1 0 R", "\\", ".", "-.", "+.", "..",
	};
	struct pdf_val	 v;
	size_t		 i, e;
	char		 msg[80];

	for (i = 0; i < NELEM(bad); i++) {
		snprintf(msg, sizeof msg, "refused: \"%s\"", bad[i]);
		OK(!parse_n(bad[i], strlen(bad[i]), &v, &e), msg);
	}
	/* A NUL byte is white space; a value may follow it. */
	OK(parse_n("\0 7", 3, &v, &e) && v.num == 7, "NUL before a value");
	OK(parse_n("(a\0b)", 5, &v, &e) && v.len == 5, "NUL in a string");
	reset();
}

/* Every proper prefix of a container is refused; the whole is not. */
static void
test_prefixes(void)
{
	static const char *const good[] = {
		"<</A [1 2.5 (x\\)y) <41> /N 12 0 R] /B true /C null>>",
		"[(a(b)c) <</K [1 2 3 R]>> /x -4]",
		"(\\(\\)\\\\\\101\\\r\n)",
	};
	struct pdf_val	 v;
	size_t		 i, n, len, e, fails;

	for (i = 0; i < NELEM(good); i++) {
		len = strlen(good[i]);
		OK(parse_n(good[i], len, &v, &e) && e == len, good[i]);
		for (fails = 0, n = 0; n < len; n++)
			if (!parse_n(good[i], n, &v, &e))
				fails++;
		INT_EQ(fails, len, good[i]);
		reset();
	}
}

/* Parses in, writes it (want), parses that again: the same value. */
static void
put_case(const char *in, const char *want)
{
	struct pdf_val	 v, w;
	const char	*out;
	size_t		 e;

	OK(parse_s(in, &v), in);
	out = put(&v);
	STR_EQ(out, want, in);
	OK(parse_n(out, strlen(out), &w, &e) && e == strlen(out), out);
	OK(same(&v, &w), in);
	STR_EQ(put(&w), out, "written twice");
}

static void
test_put(void)
{
	put_case("<< /Type /Page\n  /Kids [ 1 0 R 2 0 R ]\n  /Count 2 >>",
	    "<</Type/Page/Kids[1 0 R 2 0 R]/Count 2>>");
	put_case("[ /a 1 (s) true null false 2.5 -3 <41> ]",
	    "[/a 1(s)true null false 2.5 -3<41>]");
	put_case("[ 12 0 ]", "[12 0]");
	put_case("[ 1 2 3 R 4 ]", "[1 2 3 R 4]");
	put_case("[ /a /b ]", "[/a/b]");
	put_case("[ 1 .5 +2 -.0 ]", "[1 .5 +2 -.0]");
	put_case("[ / 1 ]", "[/ 1]");
	put_case("[ / /a / true ]", "[//a/ true]");
	/* Found by fuzz_pdfobj (corpus: crash-empty-name.pdf). */
	put_case("<</Widths [ 0 0 / 0 0 ]>>", "<</Widths[0 0/ 0 0]>>");
	put_case("<< /A << /B [ ] >> /C ( x ) >>", "<</A<</B[]>>/C( x )>>");
	put_case("[ 1 %c\n ]", "[1]");
	put_case("[]", "[]");
	put_case("[ (a) (b) ]", "[(a)(b)]");
	put_case("[ null null ]", "[null null]");
	reset();
}

static void
test_dict_set(void)
{
	struct pdf_val	 v, d;
	size_t		 i;

	OK(parse_s("<</Type/Annot/Subtype/Link>>", &v), "annotation");
	pdf_dict_set(A, &v, "Subtype", pdf_name(A, "Widget"));
	INT_EQ(v.n, 4, "replaced, not added");
	STR_EQ(put(&v), "<</Type/Annot/Subtype/Widget>>", "replaced");
	pdf_dict_set(A, &v, "Contents", pdf_text(A, "odkaz"));
	pdf_dict_set(A, &v, "F", pdf_int(A, -4));
	pdf_dict_set(A, &v, "P", pdf_ref(A, 17));
	pdf_dict_set(A, &v, "Open", pdf_bool(false));
	STR_EQ(put(&v), "<</Type/Annot/Subtype/Widget/Contents(odkaz)/F -4"
	    "/P 17 0 R/Open false>>", "added at the end");
	OK(pdf_dict_get(&v, "P") != NULL && pdf_dict_get(&v, "P")->num == 17,
	    "pdf_ref's number");
	OK(pdf_dict_get(&v, "F")->integer && pdf_dict_get(&v, "F")->num == -4,
	    "pdf_int's number");

	memset(&d, 0, sizeof d);
	d.t = PV_DICT;
	for (i = 0; i < 40; i++) {
		char	 key[8];

		snprintf(key, sizeof key, "K%zu", i);
		pdf_dict_set(A, &d, key, pdf_int(A, (long long)i));
	}
	INT_EQ(d.n, 80, "40 keys in an empty dictionary");
	INT_EQ(pdf_dict_get(&d, "K39")->num, 39, "the last one");
	INT_EQ(pdf_dict_get(&d, "K0")->num, 0, "the first one");
	pdf_dict_set(A, &d, "K7", pdf_bool(true));
	INT_EQ(d.n, 80, "set again");
	STR_EQ(text(pdf_dict_get(&d, "K7")), "true", "K7 replaced");
	v = pdf_name(A, "Tabs");
	STR_EQ(put(&v), "/Tabs", "pdf_name");
	reset();
}

/* ---- strings ------------------------------------------------------------ */

/* The bytes of the string value in, other than printable ASCII as \xNN. */
static const char *
bytes_of(const char *in)
{
	struct pdf_val	 v;
	struct buf	 b = { 0 }, o = { 0 };
	size_t		 i;
	const char	*s;

	if (!parse_s(in, &v))
		return "(no value)";
	pdf_string_bytes(&v, &b);
	for (i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];

		if (c < 0x20 || c >= 0x7f || c == '\\')
			buf_printf(&o, "\\x%02x", c);
		else
			buf_putc(&o, (char)c);
	}
	s = arena_strndup(A, o.data != NULL ? o.data : "", o.len);
	buf_free(&b);
	buf_free(&o);
	return s;
}

static const char *
utf8_of(const struct pdf_val *v)
{
	struct buf	 b = { 0 };
	const char	*s;

	pdf_string_utf8(v, &b);
	s = arena_strndup(A, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

static void
test_string_bytes(void)
{
	STR_EQ(bytes_of("(abc)"), "abc", "plain");
	STR_EQ(bytes_of("(a(b)c)"), "a(b)c", "nested parentheses");
	STR_EQ(bytes_of("(\\(\\)\\\\)"), "()\\x5c", "escaped delimiters");
	STR_EQ(bytes_of("(\\n\\r\\t\\b\\f)"), "\\x0a\\x0d\\x09\\x08\\x0c",
	    "letter escapes");
	STR_EQ(bytes_of("(\\101\\1012)"), "AA2", "octal: three digits");
	STR_EQ(bytes_of("(\\7x\\53)"), "\\x07x+", "octal: one or two digits");
	STR_EQ(bytes_of("(\\0)"), "\\x00", "octal zero");
	STR_EQ(bytes_of("(\\777)"), "\\xff", "octal overflow kept to a byte");
	STR_EQ(bytes_of("(ab\\\r\ncd)"), "abcd", "\\ CR LF continues");
	STR_EQ(bytes_of("(ab\\\ncd)"), "abcd", "\\ LF continues");
	STR_EQ(bytes_of("(ab\\\rcd)"), "abcd", "\\ CR continues");
	STR_EQ(bytes_of("(a\r\nb)"), "a\\x0ab", "CR LF reads as LF");
	STR_EQ(bytes_of("(a\rb)"), "a\\x0ab", "CR reads as LF");
	STR_EQ(bytes_of("(a\nb)"), "a\\x0ab", "LF stays");
	STR_EQ(bytes_of("(\\q)"), "q", "unknown escape: the letter");
	STR_EQ(bytes_of("<41 42\n43>"), "ABC", "hex with blanks");
	STR_EQ(bytes_of("<616263>"), "abc", "lower case");
	STR_EQ(bytes_of("<4A4b>"), "JK", "mixed case");
	STR_EQ(bytes_of("<414>"), "A@", "odd count: last digit then 0");
	STR_EQ(bytes_of("<7>"), "p", "one digit");
	STR_EQ(bytes_of("<>"), "", "empty hex");
	STR_EQ(bytes_of("()"), "", "empty literal");
	STR_EQ(bytes_of("/Name"), "", "a name has no bytes");
	reset();
}

/* pdf_text(in) is want; its characters read back are in again. */
static void
text_case(const char *in, const char *want, const char *msg)
{
	struct pdf_val	 v = pdf_text(A, in), w;
	size_t		 e;

	INT_EQ(v.t, PV_STRING, msg);
	STR_EQ(text(&v), want, msg);
	OK(parse_n(v.s, v.len, &w, &e) && e == v.len && w.t == PV_STRING,
	    msg);
	STR_EQ(utf8_of(&v), in, msg);
}

static void
test_text(void)
{
	struct pdf_val	 v;
	struct buf	 b = { 0 };

	text_case("Hello, world", "(Hello, world)", "ASCII literal");
	text_case("a(b)c\\d", "(a\\(b\\)c\\\\d)", "escaped ( ) \\");
	text_case("(", "(\\()", "a lone parenthesis");
	text_case("", "()", "empty");
	text_case("Kroměříž", "<FEFF004B0072006F006D011B015900ED017E>",
	    "UTF-16BE with a byte order mark");
	text_case("\xF0\x9F\x98\x80", "<FEFFD83DDE00>",
	    "U+1F600 as a surrogate pair");
	text_case("a\xF4\x8F\xBF\xBF", "<FEFF0061DBFFDFFF>", "U+10FFFF");
	text_case("a\tb", "<FEFF006100090062>", "a control character");
	text_case("\xC2\xA0", "<FEFF00A0>", "no-break space");

	v = pdf_text(A, "a\xFFz");
	STR_EQ(text(&v), "<FEFF0061FFFD007A>", "bad UTF-8: U+FFFD");

	v = pdf_bytes(A, "\x01\n(\\)\xE9", 6);
	STR_EQ(text(&v), "(\\001\\012\\(\\\\\\)\\351)", "pdf_bytes escapes");
	pdf_string_bytes(&v, &b);
	OK(b.len == 6 && memcmp(b.data, "\x01\n(\\)\xE9", 6) == 0,
	    "pdf_bytes read back");
	buf_free(&b);
	v = pdf_bytes(A, "a\0b", 3);
	STR_EQ(text(&v), "(a\\000b)", "a NUL byte");
	reset();
}

static void
test_string_utf8(void)
{
	static const struct {
		const char	*in, *want, *msg;
	} cases[] = {
		{ "(caf\\351)", "café", "PDFDocEncoding as Latin-1" },
		{ "(plain)", "plain", "ASCII" },
		{ "<FEFF00E9>", "é", "UTF-16BE" },
		{ "(\\376\\377\\000A)", "A", "UTF-16BE in a literal" },
		{ "<FEFFD83DDE00>", "\xF0\x9F\x98\x80", "surrogate pair" },
		{ "<FEFF004100>", "A", "odd last byte dropped" },
		{ "<FEFF>", "", "only the byte order mark" },
		{ "<FEFFD8000041>", "\xEF\xBF\xBD" "A",
		    "lone high surrogate: U+FFFD" },
		{ "<FEFFD83D>", "\xEF\xBF\xBD", "high surrogate at the end" },
		{ "<FEFFDE000041>", "\xEF\xBF\xBD" "A",
		    "lone low surrogate: U+FFFD" },
		{ "<FEFFD83DD83DDE00>", "\xEF\xBF\xBD\xF0\x9F\x98\x80",
		    "two high surrogates, then a low one" },
		{ "<FFFE4100>", "\xC3\xBF\xC3\xBE" "A", "no little-endian" },
	};
	struct pdf_val	 v;
	const char	*got;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		OK(parse_s(cases[i].in, &v), cases[i].msg);
		got = utf8_of(&v);
		STR_EQ(got, cases[i].want, cases[i].msg);
		OK(utf8_check((const unsigned char *)got, strlen(got)) ==
		    strlen(got), cases[i].msg);
	}
	reset();
}

/* ---- files -------------------------------------------------------------- */

/*
 * A file of objects 1..n (objs[i] is object i + 1 without "N 0 obj" and
 * "endobj"; NULL: a free entry; "@k": an entry pointing at object k's
 * offset, with no object of its own) with its table and trailer
 * (trailer NULL: /Size, /Root 1 0 R and /Info 2 0 R). Returns the
 * offset of "xref".
 */
static size_t
make_pdf(struct buf *b, const char *const *objs, size_t n,
    const char *trailer)
{
	size_t	 off[64], i, xref;

	buf_reset(b);
	buf_puts(b, "%PDF-1.5\n%\xB5\xED\xAE\xFB\n");
	for (i = 0; i < n && i < NELEM(off); i++) {
		off[i] = 0;
		if (objs[i] == NULL || objs[i][0] == '@')
			continue;
		off[i] = b->len;
		buf_printf(b, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	xref = b->len;
	buf_printf(b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (i = 0; i < n; i++) {
		size_t	 o = off[i];

		if (objs[i] != NULL && objs[i][0] == '@')
			o = off[atoi(objs[i] + 1) - 1];
		if (objs[i] == NULL)
			buf_puts(b, "0000000000 00000 f \n");
		else
			buf_printf(b, "%010zu 00000 n \n", o);
	}
	if (trailer == NULL)
		buf_printf(b, "trailer\n<< /Size %zu\n   /Root 1 0 R\n"
		    "   /Info 2 0 R\n>>\n", n + 1);
	else
		buf_printf(b, "trailer\n%s\n", trailer);
	buf_printf(b, "startxref\n%zu\n%%%%EOF\n", xref);
	return xref;
}

/* Replaces the first from in b by to; false if it is not there. */
static bool
replace(struct buf *b, const char *from, const char *to)
{
	char		*p = memmem(b->data, b->len, from, strlen(from));
	struct buf	 o = { 0 };

	if (p == NULL)
		return false;
	buf_put(&o, b->data, (size_t)(p - b->data));
	buf_puts(&o, to);
	buf_put(&o, p + strlen(from), b->len - (size_t)(p - b->data) -
	    strlen(from));
	buf_free(b);
	*b = o;
	return true;
}

/* Opens a copy of b of its exact length; the reason in *why. */
static bool
open_buf(struct pdf_file *f, const struct buf *b, char **copy,
    const char **why)
{
	*copy = dup_exact(b->data, b->len);
	*why = NULL;
	return pdf_file_open(f, *copy, b->len, why);
}

/* Whether opening b is refused with a reason containing want. */
static bool
refused(const struct buf *b, const char *want)
{
	struct pdf_file	 f;
	const char	*why;
	char		*copy;
	bool		 ok;

	ok = open_buf(&f, b, &copy, &why);
	if (ok)
		pdf_file_close(&f);
	else if (f.off != NULL || f.nobj != 0)
		ok = true;		/* a refused file holds nothing */
	free(copy);
	if (!ok && (why == NULL || strstr(why, want) == NULL))
		printf("reason: %s (want: %s)\n", why ? why : "(null)", want);
	return !ok && why != NULL && strstr(why, want) != NULL;
}

static const char *const good_objs[] = {
	/* 1 */ "<< /Type /Catalog /Pages 3 0 R >>",
	/* 2 */ "<< /Title (Mapa \\(pomoci\\)) /Producer <FEFF004B0159> >>",
	/* 3 */ "<< /Type /Pages /Kids [ ] /Count 0 >>",
	/* 4 */ "<< /Length 5 >>\nstream\nhello\nendstream",
	/* 5 */ "<< /Length 6 0 R /Filter /FlateDecode >>\nstream\n"
		"world!\nendstream",
	/* 6 */ "6",
	/* 7 */ "<< /Length 100000 >>\nstream\nabc\nendstream",
	/* 8 */ "[ 1 2 3 ]",
	/* 9 */ "@8",
	/* 10 */ NULL,
	/* 11 */ "<< /Length 3 >>\r\nstream\r\nxyz\r\nendstream",
	/* 12 */ "<< /Length 3 >>\nstream x\nendstream",
	/* 13 */ "[ ] stream\nabc\nendstream",
	/* 14 */ "<< /Size 3 >>\nstream\nabc\nendstream",
	/* 15 */ "<< /Length -1 >>\nstream\nabc\nendstream",
	/* 16 */ "<< /Length 3.0 >>\nstream\nabc\nendstream",
	/* 17 */ "<< /Length 99 0 R >>\nstream\nabc\nendstream",
	/* 18 */ "<< /Length 8 0 R >>\nstream\nabc\nendstream",
	/* 19 */ "<< /A 1 ",
	/* 20 */ "null",
	/* 21 */ "<< /Length 0 >>\nstream\n\nendstream",
	/* 22 */ "<< /Length 4 >>stream\nabcd\nendstream",
};

/* Object num of the good file: kind, stream text (or NULL), failure. */
static void
object_case(const struct pdf_file *f, long long num, int kind,
    const char *stream, const char *why_want, const char *msg)
{
	struct pdf_val	 v;
	const char	*st, *why = NULL;
	size_t		 slen;
	bool		 ok;

	ok = pdf_object(f, num, A, &v, &st, &slen, &why);
	if (why_want != NULL) {
		OK(!ok, msg);
		OK(why != NULL && strstr(why, why_want) != NULL, msg);
		return;
	}
	OK(ok, msg);
	if (!ok)
		return;
	INT_EQ(v.t, kind, msg);
	if (stream == NULL)
		OK(st == NULL && slen == 0, msg);
	else {
		OK(st != NULL && slen == strlen(stream) &&
		    memcmp(st, stream, slen) == 0, msg);
	}
}

static void
test_file_good(void)
{
	struct buf	 b = { 0 };
	struct pdf_file	 f;
	struct pdf_val	 v;
	const char	*why, *st;
	char		*copy, hdr[32];
	size_t		 i, slen;
	bool		 ok;

	make_pdf(&b, good_objs, NELEM(good_objs), NULL);
	ok = open_buf(&f, &b, &copy, &why);
	OK(ok, "a good file opens");
	if (!ok) {
		printf("reason: %s\n", why);
		free(copy);
		buf_free(&b);
		return;
	}
	INT_EQ(f.nobj, NELEM(good_objs) + 1, "/Size");
	INT_EQ(f.root, 1, "/Root");
	INT_EQ(f.info, 2, "/Info");
	OK(f.data == copy && f.len == b.len, "the data is kept");
	INT_EQ(f.off[0], 0, "object 0 is free");
	INT_EQ(f.off[10], 0, "object 10 is free");
	for (i = 1; i <= 8; i++) {
		snprintf(hdr, sizeof hdr, "%zu 0 obj\n", i);
		OK(f.off[i] > 0 && f.off[i] < f.len &&
		    strncmp(copy + f.off[i], hdr, strlen(hdr)) == 0, hdr);
	}

	object_case(&f, 1, PV_DICT, NULL, NULL, "catalog");
	object_case(&f, 3, PV_DICT, NULL, NULL, "pages");
	object_case(&f, 4, PV_DICT, "hello", NULL, "direct /Length");
	object_case(&f, 5, PV_DICT, "world!", NULL, "indirect /Length");
	object_case(&f, 6, PV_NUM, NULL, NULL, "a number");
	object_case(&f, 7, 0, NULL, "stream", "/Length past the end");
	object_case(&f, 8, PV_ARRAY, NULL, NULL, "an array");
	object_case(&f, 9, 0, NULL, "missing", "offset of object 8");
	object_case(&f, 10, 0, NULL, "missing", "a free entry");
	object_case(&f, 11, PV_DICT, "xyz", NULL, "stream after CR LF");
	object_case(&f, 12, 0, NULL, "stream", "no end of line after stream");
	object_case(&f, 13, 0, NULL, "stream", "an array with a stream");
	object_case(&f, 14, 0, NULL, "stream", "no /Length");
	object_case(&f, 15, 0, NULL, "stream", "/Length -1");
	object_case(&f, 16, 0, NULL, "stream", "/Length 3.0");
	object_case(&f, 17, 0, NULL, "stream", "/Length of a missing object");
	object_case(&f, 18, 0, NULL, "stream", "/Length of an array");
	object_case(&f, 19, 0, NULL, "damaged", "a cut dictionary");
	object_case(&f, 20, PV_NULL, NULL, NULL, "null");
	object_case(&f, 21, PV_DICT, "", NULL, "an empty stream");
	object_case(&f, 22, PV_DICT, "abcd", NULL, ">>stream");
	object_case(&f, 0, 0, NULL, "missing", "object 0");
	object_case(&f, 23, 0, NULL, "missing", "past /Size");
	object_case(&f, -1, 0, NULL, "missing", "a negative number");
	object_case(&f, 1LL << 62, 0, NULL, "missing", "a huge number");

	OK(pdf_object(&f, 2, A, &v, &st, &slen, &why), "information");
	STR_EQ(utf8_of(pdf_dict_get(&v, "Title")), "Mapa (pomoci)", "/Title");
	STR_EQ(utf8_of(pdf_dict_get(&v, "Producer")), "Kř", "/Producer");
	OK(pdf_object(&f, 5, A, &v, &st, &slen, &why) &&
	    pdf_is_name(pdf_dict_get(&v, "Filter"), "FlateDecode"),
	    "stream dictionary");
	pdf_file_close(&f);
	OK(f.off == NULL && f.nobj == 0, "closed");
	free(copy);
	reset();

	/* The trailer without /Info; two subsections. */
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 0 R >>");
	OK(replace(&b, "xref\n0 4\n0000000000 65535 f \n",
	    "xref\n0 1\n0000000000 65535 f \n1 3\n"), "two subsections");
	ok = open_buf(&f, &b, &copy, &why);
	OK(ok, "two subsections open");
	if (ok) {
		INT_EQ(f.info, 0, "no /Info");
		INT_EQ(f.nobj, 4, "/Size");
		object_case(&f, 3, PV_DICT, NULL, NULL, "object 3");
		pdf_file_close(&f);
	}
	free(copy);

	/* A subsection that leaves a gap; white space and a comment. */
	make_pdf(&b, good_objs, 3, "<< /Size 9 /Root 1 0 R >>");
	OK(replace(&b, "n \ntrailer", "n \n% gap\n6 2\r\n"
	    "0000000000 00000 f\r\n0000000009 00000 n\r\ntrailer"), "a gap");
	OK(replace(&b, "xref\n0 4", "xref\n0 4 "), "blank");
	ok = open_buf(&f, &b, &copy, &why);
	OK(ok, "a table with a gap opens");
	if (ok) {
		INT_EQ(f.nobj, 8, "the highest entry + 1");
		INT_EQ(f.off[5], 0, "object 5 is not in the table");
		INT_EQ(f.off[7], 9, "object 7");
		object_case(&f, 7, 0, NULL, "missing", "object 7 is not there");
		object_case(&f, 3, PV_DICT, NULL, NULL, "object 3 still");
		pdf_file_close(&f);
	}
	free(copy);
	buf_free(&b);
	reset();
}

/* The kilobytes the process has held at most. */
static long
max_rss(void)
{
	struct rusage	 ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void
test_file_bad(void)
{
	struct buf	 b = { 0 };
	struct pdf_file	 f;
	const char	*why;
	char		*copy;
	long		 rss;
	size_t		 xref, n;
	char		 num[64];
	bool		 ok;

	/* Sizes first, while the process is small. */
	rss = max_rss();
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0 60000000"), "0 60000000");
	OK(refused(&b, "damaged"), "a table of 60 million entries");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0 49999999"), "0 49999999");
	OK(refused(&b, "damaged"), "49 999 999 entries in 3 rows");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "n \ntrailer", "n \n49999990 1\n"
	    "0000000009 00000 n \ntrailer"), "49999990 1");
	OK(refused(&b, "damaged"), "a table with entry 49 999 990");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "n \ntrailer", "n \n999999999999999999 1\n"
	    "0000000009 00000 n \ntrailer"), "a huge first");
	OK(refused(&b, "damaged"), "entry 999 999 999 999 999 999");
	INT_EQ((max_rss() - rss) / 1024 > 64, 0,
	    "no huge allocation (MB more than 64)");

	/* A /Size of 60 million over a table of 4: the table counts. */
	make_pdf(&b, good_objs, 3, "<< /Size 60000000 /Root 1 0 R >>");
	ok = open_buf(&f, &b, &copy, &why);
	OK(ok && f.nobj == 4, "/Size is not trusted");
	if (ok)
		pdf_file_close(&f);
	free(copy);
	INT_EQ((max_rss() - rss) / 1024 > 64, 0, "still no huge allocation");

	/* Not PDF. */
	buf_reset(&b);
	buf_puts(&b, "hello");
	OK(refused(&b, "not a PDF"), "five bytes");
	buf_reset(&b);
	OK(refused(&b, "not a PDF"), "nothing");
	buf_puts(&b, "GIF89a......................................");
	OK(refused(&b, "not a PDF"), "a GIF");

	/* startxref. */
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "startxref", "startxrex"), "no startxref");
	OK(refused(&b, "cannot be found"), "no startxref");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "startxref\n", "startxref\n999999"), "outside");
	OK(refused(&b, "cannot be found"), "startxref outside the file");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "startxref\n", "startxref\n99999999999999999999"),
	    "20 digits");
	OK(refused(&b, "cannot be found"), "startxref of 20 digits");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "startxref\n", "startxref\nx"), "not a number");
	OK(refused(&b, "cannot be found"), "startxref x");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "startxref\n", "startxref\n-"), "negative");
	OK(refused(&b, "cannot be found"), "startxref -N");
	xref = make_pdf(&b, good_objs, 3, NULL);
	snprintf(num, sizeof num, "startxref\n%zu\n", xref);
	OK(replace(&b, num, "startxref\n17\n"), "startxref 17");
	OK(refused(&b, "cross-reference stream"), "startxref at an object");
	xref = make_pdf(&b, good_objs, 3, NULL);
	snprintf(num, sizeof num, "startxref\n%zu\n", xref);
	OK(replace(&b, num, "startxref\n0\n"), "startxref 0");
	OK(refused(&b, "cross-reference stream"), "startxref at the header");

	/* A cross-reference stream (PDF 1.5 as others write it). */
	buf_reset(&b);
	buf_puts(&b, "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
	xref = b.len;
	buf_printf(&b, "2 0 obj\n<< /Type /XRef /Size 3 /W [1 2 1] "
	    "/Root 1 0 R /Length 12 >>\nstream\n%s\nendstream\nendobj\n"
	    "startxref\n%zu\n%%%%EOF\n", "\x01\x02\x03\xff"
	    "\x01\x01\x09\x01" "\x01\x01\x2d\x01", xref);
	OK(refused(&b, "cross-reference stream"), "an xref stream");

	/* Updates and encryption. */
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 0 R /Prev 9 >>");
	OK(refused(&b, "incrementally"), "/Prev");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 0 R /Encrypt 3 0 R >>");
	OK(refused(&b, "encrypted"), "/Encrypt");

	/* The catalog. */
	make_pdf(&b, good_objs, 3, "<< /Size 4 >>");
	OK(refused(&b, "catalog"), "no /Root");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 4 0 R >>");
	OK(refused(&b, "catalog"), "/Root past the table");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 0 0 R >>");
	OK(refused(&b, "catalog"), "/Root 0");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 >>");
	OK(refused(&b, "catalog"), "/Root not a reference");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 0 R /Info 9 0 R >>");
	ok = open_buf(&f, &b, &copy, &why);
	OK(ok && f.info == 0, "/Info past the table is ignored");
	if (ok)
		pdf_file_close(&f);
	free(copy);

	/* The trailer. */
	make_pdf(&b, good_objs, 3, "[ /Root 1 0 R ]");
	OK(refused(&b, "trailer"), "an array");
	make_pdf(&b, good_objs, 3, "<< /Size 4 /Root 1 0 R");
	OK(refused(&b, "trailer"), "a cut trailer");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "trailer", "trailers"), "trailers");
	OK(refused(&b, "damaged"), "no trailer keyword");

	/* Rows. */
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "00000 n \n", "0000x n \n"), "a letter");
	OK(refused(&b, "damaged"), "a letter in a row");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "00000 n \n", "00000 q \n"), "q");
	OK(refused(&b, "damaged"), "neither n nor f");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, " 00000 n \n", " 00000 n \n0000000000 00000 n \n"),
	    "offset 0 in use");
	OK(replace(&b, "xref\n0 4", "xref\n0 5"), "count 5");
	OK(refused(&b, "damaged"), "an object at offset 0");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, " 00000 n \n", " 00000 n \n9999999999 00000 n \n"),
	    "an offset past the end");
	OK(replace(&b, "xref\n0 4", "xref\n0 5"), "count 5");
	OK(refused(&b, "damaged"), "an offset past the end of the file");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0 5"), "count 5");
	OK(refused(&b, "damaged"), "a row too few");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0 -4"), "count -4");
	OK(refused(&b, "damaged"), "a negative count");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0"), "no count");
	OK(refused(&b, "damaged"), "no count");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4\n", "xref\n"), "no subsection");
	OK(refused(&b, "damaged"), "rows without a subsection");
	make_pdf(&b, good_objs, 3, NULL);
	OK(replace(&b, "xref\n0 4", "xref\n0 1000000000000000000"),
	    "19 digits");
	OK(refused(&b, "damaged"), "a count of 19 digits");

	/* Cut anywhere before startxref: refused, and nothing read past. */
	make_pdf(&b, good_objs, NELEM(good_objs), NULL);
	{
		const char *sx = memmem(b.data, b.len, "startxref", 9);
		size_t	 cut = (size_t)(sx - b.data), opened = 0;

		for (n = 0; n <= cut + 9; n++) {
			copy = dup_exact(b.data, n);
			if (pdf_file_open(&f, copy, n, &why)) {
				opened++;
				pdf_file_close(&f);
			}
			free(copy);
		}
		INT_EQ(opened, 0, "no cut file opens");
	}
	buf_free(&b);
}

/* Every byte of the good file changed in turn: never a crash; objects read. */
static void
test_file_flips(void)
{
	static const char flips[] = { 0, ' ', '0', '9', '(', '<', '[', '/',
	    'R', 'n', '\\', '%', '>' };
	struct buf	 b = { 0 }, out = { 0 };
	struct pdf_file	 f;
	struct pdf_val	 v;
	const char	*why, *st;
	char		*copy;
	size_t		 i, k, slen, opened = 0, objects = 0, outside = 0;
	long long	 num;

	make_pdf(&b, good_objs, NELEM(good_objs), NULL);
	for (i = 0; i < b.len; i++)
		for (k = 0; k < NELEM(flips); k++) {
			copy = dup_exact(b.data, b.len);
			copy[i] = flips[k];
			if (!pdf_file_open(&f, copy, b.len, &why)) {
				free(copy);
				continue;
			}
			opened++;
			for (num = 0; num <= (long long)f.nobj; num++) {
				if (!pdf_object(&f, num, A, &v, &st, &slen,
				    &why))
					continue;
				objects++;
				buf_reset(&out);
				pdf_put(&out, &v);
				if (st != NULL && (st < copy ||
				    st + slen > copy + b.len))
					outside++;
				reset();
			}
			pdf_file_close(&f);
			free(copy);
		}
	OK(opened > b.len, "most changed files still open");
	OK(objects > opened * 10, "and most of their objects read");
	INT_EQ(outside, 0, "streams inside the file");
	buf_free(&out);
	buf_free(&b);
}

/* The file Cairo 1.16 wrote (the fuzzing seed): every object round trips. */
static void
test_cairo(void)
{
	struct pdf_file	 f;
	struct pdf_val	 v, w, *x;
	const char	*why, *st, *out;
	char		*data;
	size_t		 len, slen, e, objects = 0, streams = 0;
	size_t		 same_n = 0;
	long long	 num;
	bool		 ok;

	data = read_file(CAIRO_SEED, &len);
	OK(data != NULL, CAIRO_SEED);
	if (data == NULL)
		return;
	ok = pdf_file_open(&f, data, len, &why);
	OK(ok, "Cairo's file opens");
	if (!ok) {
		printf("reason: %s\n", why);
		free(data);
		return;
	}
	OK(pdf_object(&f, f.root, A, &v, &st, &slen, &why) &&
	    pdf_is_name(pdf_dict_get(&v, "Type"), "Catalog"), "the catalog");
	OK(f.info > 0 && pdf_object(&f, f.info, A, &v, &st, &slen, &why),
	    "the information");
	x = pdf_dict_get(&v, "Title");
	STR_EQ(x != NULL ? utf8_of(x) : "", "Mapa pomoci – Kroměříž 😀",
	    "the title");
	x = pdf_dict_get(&v, "Author");
	STR_EQ(x != NULL ? utf8_of(x) : "", "Město (Kroměříž)", "the author");
	for (num = 1; num < (long long)f.nobj; num++) {
		reset();
		if (!pdf_object(&f, num, A, &v, &st, &slen, &why))
			continue;
		objects++;
		if (st != NULL)
			streams++;
		out = put(&v);
		if (parse_n(out, strlen(out), &w, &e) && e == strlen(out) &&
		    same(&v, &w))
			same_n++;
	}
	INT_EQ(objects, f.nobj - 1, "every object read");
	OK(streams >= 4, "contents, font file and more are streams");
	INT_EQ(same_n, objects, "every object round trips");
	pdf_file_close(&f);
	free(data);
	reset();
}

int
main(void)
{
	A = arena_new();
	RUN(test_file_bad);		/* first: it measures the memory */
	RUN(test_atoms);
	RUN(test_containers);
	RUN(test_depth);
	RUN(test_malformed);
	RUN(test_prefixes);
	RUN(test_put);
	RUN(test_dict_set);
	RUN(test_string_bytes);
	RUN(test_text);
	RUN(test_string_utf8);
	RUN(test_file_good);
	RUN(test_file_flips);
	RUN(test_cairo);
	arena_free(A);
	return DONE();
}
