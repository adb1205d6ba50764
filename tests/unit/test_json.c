/*
 * Unit tests of the JSON parser: values, positions (in characters, after
 * multi-byte letters and escapes), every syntax error with its position,
 * surrogates, the byte-order mark, depth, duplicate keys, and the pull
 * reader walking {"polozky": [...]} through windows as small as one byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "harness.h"
#include "testutil.h"
#include "json.h"
#include "tree.h"
#include "util.h"

/* Diagnostics printed by the last parse. */
static char	 msgs[8192];

/* Parses text (whole buffer) and captures the messages in msgs. */
static struct node *
parse(struct arena *a, const char *text, size_t len)
{
	struct capture	 cap;
	struct node	*n;

	capture_open(&cap);
	n = json_parse(a, "t.json", text, len, cap.d);
	capture_copy(&cap, msgs, sizeof msgs);
	capture_close(&cap);
	return n;
}

static struct node *
parse_str(struct arena *a, const char *text)
{
	return parse(a, text, strlen(text));
}

/* The parse fails with exactly one message, which is want. */
static void
expect_error(const char *text, const char *want, const char *what)
{
	struct arena	*a = arena_new();
	struct node	*n = parse_str(a, text);
	char		 line[1024];

	snprintf(line, sizeof line, "%s\n", want);
	OK(n == NULL, what);
	STR_EQ(msgs, line, what);
	arena_free(a);
}

static void
test_values(void)
{
	struct arena	*a = arena_new();
	struct node	*n, *v;

	n = parse_str(a, "{\"s\": \"Kroměříž\", \"i\": -12, \"f\": 1.5e+3, "
	    "\"t\": true, \"x\": false, \"z\": null, \"l\": [1, [], {}], "
	    "\"e\": \"\"}");
	OK(n != NULL && n->kind == N_OBJECT, "object parsed");
	STR_EQ(msgs, "", "no messages");
	INT_EQ(n->n, 8, "member count");
	STR_EQ(tree_get(n, "s")->str, "Kroměříž", "string value");
	v = tree_get(n, "i");
	INT_EQ(v->kind, N_NUMBER, "number kind");
	STR_EQ(v->str, "-12", "integer literal kept");
	STR_EQ(tree_get(n, "f")->str, "1.5e+3", "exponent literal kept");
	OK(tree_get(n, "t")->kind == N_BOOL && tree_get(n, "t")->b, "true");
	OK(tree_get(n, "x")->kind == N_BOOL && !tree_get(n, "x")->b, "false");
	STR_EQ(tree_get(n, "t")->str, "true", "bool text");
	OK(tree_get_raw(n, "z")->kind == N_NULL, "null");
	v = tree_get(n, "l");
	INT_EQ(v->n, 3, "list length");
	OK(v->items[1]->kind == N_ARRAY && v->items[1]->n == 0, "empty list");
	OK(v->items[2]->kind == N_OBJECT && v->items[2]->n == 0, "empty object");
	STR_EQ(tree_get(n, "e")->str, "", "empty string");
	INT_EQ(tree_get(n, "e")->len, 0, "empty string length");

	n = parse_str(a, "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u010D\"");
	STR_EQ(n ? n->str : NULL, "\"\\/\b\f\n\r\t\xc3\xa9\xc4\x8d",
	    "escapes decoded");
	n = parse_str(a, "\"a\\u0000b\"");
	INT_EQ(n ? n->len : 0, 3, "\\u0000 kept in a value");
	OK(n && memcmp(n->str, "a\0b", 3) == 0, "\\u0000 bytes");
	n = parse_str(a, " 0 ");
	STR_EQ(n ? n->str : NULL, "0", "top-level zero");
	n = parse_str(a, "[-0, 0.5, 10E-2, 7e9]");
	OK(n && n->n == 4 && strcmp(n->items[2]->str, "10E-2") == 0,
	    "number forms");
	arena_free(a);
}

static void
test_positions(void)
{
	struct arena	*a = arena_new();
	struct node	*n, *v;

	n = parse_str(a, "{\n  \"název\": \"Kroměříž\", \"x\": 5,\n"
	    "\t\"esc\": \"\\u010d\\n\", \"y\": [true,\n    null]\n}");
	OK(n != NULL, "parsed");
	INT_EQ(n->pos.line, 1, "object line");
	INT_EQ(n->pos.col, 1, "object col");
	STR_EQ(n->members[0].key, "název", "key decoded");
	INT_EQ(n->members[0].keypos.line, 2, "key line");
	INT_EQ(n->members[0].keypos.col, 3, "key col");
	/* {"název": counts 7 characters for "název" including quotes */
	INT_EQ(n->members[0].val->pos.col, 12, "value after multibyte key");
	INT_EQ(n->members[1].keypos.col, 24, "key after multibyte value");
	INT_EQ(n->members[1].val->pos.col, 29, "number col");
	INT_EQ(n->members[2].keypos.line, 3, "line after newline");
	INT_EQ(n->members[2].keypos.col, 2, "tab counts one column");
	INT_EQ(n->members[3].keypos.col, 21, "key after escapes");
	v = n->members[3].val;
	INT_EQ(v->pos.col, 26, "list col");
	INT_EQ(v->items[0]->pos.col, 27, "true col");
	INT_EQ(v->items[1]->pos.line, 4, "null line");
	INT_EQ(v->items[1]->pos.col, 5, "null col");

	/* CRLF line ends; a BOM does not count as a column. */
	n = parse_str(a, "\xef\xbb\xbf{\"a\":\r\n \"b\"}");
	OK(n != NULL, "BOM skipped");
	INT_EQ(n->pos.col, 1, "first char after BOM is column 1");
	INT_EQ(n->members[0].keypos.col, 2, "key after BOM");
	INT_EQ(n->members[0].val->pos.line, 2, "CRLF counts one line");
	INT_EQ(n->members[0].val->pos.col, 2, "col after CRLF");
	/* Four-byte characters count one column too. */
	n = parse_str(a, "[\"😀ž\", 1]");
	INT_EQ(n ? n->items[1]->pos.col : 0, 8, "col after emoji");
	arena_free(a);
}

static void
test_surrogates(void)
{
	struct arena	*a = arena_new();
	struct node	*n;

	n = parse_str(a, "\"\\ud83d\\ude00!\"");
	STR_EQ(n ? n->str : NULL, "\xf0\x9f\x98\x80!", "surrogate pair");
	n = parse_str(a, "\"\\uD834\\uDD1E\"");
	STR_EQ(n ? n->str : NULL, "\xf0\x9d\x84\x9e", "upper-case hex pair");
	arena_free(a);
	expect_error("[\"ab\\ud83dx\"]",
	    "t.json:1:5: error: \\uD83D is the first half of a surrogate pair "
	    "and must be followed by a second \\uDC00–\\uDFFF [json-syntax]",
	    "lone high surrogate");
	expect_error("\"\\ude00\"",
	    "t.json:1:2: error: \\uDE00 is the second half of a surrogate pair "
	    "without a first half [json-syntax]", "lone low surrogate");
	expect_error("\"\\ud83d\\u0041\"",
	    "t.json:1:2: error: \\uD83D is the first half of a surrogate pair "
	    "but \\u0041 is not a second half [json-syntax]",
	    "high surrogate + non-low");
	expect_error("\"\\u12G4\"",
	    "t.json:1:2: error: \\u in text must be followed by four "
	    "hexadecimal digits [json-syntax]", "bad hex");
}

static void
test_errors(void)
{
	expect_error("", "t.json:1:1: error: the file has no data (it is empty "
	    "or only whitespace) [json-syntax]", "empty");
	expect_error("[1, 2\n, 3,\n]", "t.json:2:4: error: extra comma before ] "
	    "[json-syntax]", "extra comma in list");
	expect_error("{\"a\": 1,}", "t.json:1:8: error: extra comma before } "
	    "[json-syntax]", "extra comma in object");
	expect_error("[1 2]", "t.json:1:4: error: missing comma between list "
	    "items [json-syntax]", "missing comma in list");
	expect_error("{\"a\": 1\n \"b\": 2}", "t.json:2:2: error: missing comma "
	    "between fields [json-syntax]", "missing comma in object");
	expect_error("{\"a\" 1}", "t.json:1:6: error: missing colon after the "
	    "field name „a“ [json-syntax]", "missing colon");
	expect_error("{\"a\": }", "t.json:1:7: error: expected a value for field "
	    "„a“, found „}“ [json-syntax]", "missing value");
	expect_error("[,1]", "t.json:1:2: error: expected a value, found „,“ "
	    "[json-syntax]", "leading comma");
	expect_error("{nazev: 1}", "t.json:1:2: error: field name „nazev“ must "
	    "be in double quotes [json-syntax]", "unquoted key");
	expect_error("{'a': 1}", "t.json:1:2: error: field names must be in "
	    "double quotes \"…\", not in single quotes [json-syntax]",
	    "single-quoted key");
	expect_error("['a']", "t.json:1:2: error: text must be in double quotes "
	    "\"…\", not in single quotes [json-syntax]", "single-quoted value");
	expect_error("{\"obec\": Kroměříž}", "t.json:1:10: error: text must be in "
	    "double quotes: „Kroměříž“ [json-syntax]", "unquoted text");
	expect_error("{\"obec\": „Hulín“}", "t.json:1:10: error: text must be in "
	    "straight double quotes \"…\", not in typographic quotes "
	    "[json-syntax]", "typographic quotes");
	expect_error("[True]", "t.json:1:2: error: write „True“ in lowercase: "
	    "true, false and null are the only words JSON knows [json-syntax]",
	    "capitalised literal");
	expect_error("[nul]", "t.json:1:2: error: text must be in double quotes: "
	    "„nul“ [json-syntax]", "misspelt literal");
	expect_error("{\"a\": 1} x", "t.json:1:10: error: unexpected „x“ after "
	    "the end of the data (the top value is already complete) "
	    "[json-syntax]", "trailing garbage");
	expect_error("{\"a\": 1}}", "t.json:1:9: error: unexpected „}“ after "
	    "the end of the data (the top value is already complete) "
	    "[json-syntax]", "extra bracket");
	expect_error("[1, 2}", "t.json:1:6: error: found } where ] was "
	    "expected: the list that starts at 1:1 is closed with the wrong "
	    "bracket [json-syntax]", "wrong bracket");
	expect_error("// note\n{}", "t.json:1:1: error: comments are not "
	    "allowed in JSON [json-syntax]", "comment");
	expect_error("{\"pocet\": 12,5}", "t.json:1:14: error: expected a field "
	    "name in double quotes, found a digit; numbers use a decimal point "
	    "(12.5), not a comma [json-syntax]", "decimal comma");
	expect_error("[1:2]", "t.json:1:3: error: unexpected colon in a list "
	    "(fields with names belong in an object {…}) [json-syntax]",
	    "colon in list");
	expect_error("[\"a\" \xc2\xa0]", "t.json:1:6: error: unexpected no-break "
	    "space; only ordinary spaces may separate values [json-syntax]",
	    "no-break space");
}

static void
test_unfinished(void)
{
	expect_error("{\n  \"a\": [1],\n  \"b\": \"Krom", "t.json:3:13: error: the "
	    "file ends in the middle of a text in quotes that starts at 3:8 "
	    "[json-syntax]", "string cut");
	expect_error("{\"a\": [1, 2", "t.json:1:12: error: the file ends before "
	    "the list that starts at 1:7 is closed (missing ]) [json-syntax]",
	    "list cut");
	expect_error("{\"a\": 1,\n", "t.json:2:1: error: the file ends before "
	    "the object that starts at 1:1 is closed (missing }) [json-syntax]",
	    "object cut after comma");
	expect_error("{\"a\":", "t.json:1:6: error: the file ends before the "
	    "object that starts at 1:1 is closed (missing }) [json-syntax]",
	    "object cut after colon");
	expect_error("\"ab\\", "t.json:1:5: error: the file ends in the middle of "
	    "a text in quotes that starts at 1:1 [json-syntax]",
	    "cut after backslash");
	expect_error("\"\\u00", "t.json:1:6: error: the file ends in the middle "
	    "of a text in quotes that starts at 1:1 [json-syntax]",
	    "cut inside \\u");
	expect_error("{\"nazev\": \"Charita\n\"}", "t.json:1:11: error: text in "
	    "quotes is not closed on its line (a line break inside text must be "
	    "written as \\n) [json-syntax]", "newline in string");
	expect_error("[\"a\tb\"]", "t.json:1:4: error: a tab inside text in "
	    "quotes must be written as \\t [json-syntax]", "tab in string");
	expect_error("[\"a\x01\"]", "t.json:1:4: error: control character U+0001 "
	    "inside text in quotes must be written as \\u0001 [json-syntax]",
	    "control char");
	expect_error("[\"a\\x\"]", "t.json:1:4: error: unknown escape „\\x“ in "
	    "text; a backslash itself must be written as \\\\ [json-syntax]",
	    "unknown escape");
	expect_error("{\"a\\u0000\": 1}", "t.json:1:4: error: a field name may not "
	    "contain \\u0000 [json-syntax]", "NUL in key");
}

static void
test_numbers(void)
{
	expect_error("{\"ico\": 044740867}", "t.json:1:9: error: a number may not "
	    "start with 0: „044740867“; a code whose leading zeros matter (IČO, "
	    "PSČ) must be written as text in quotes [json-syntax]",
	    "leading zero");
	expect_error("[1.]", "t.json:1:2: error: malformed number „1.“: digits "
	    "must follow the decimal point [json-syntax]", "no fraction");
	expect_error("[-]", "t.json:1:2: error: malformed number „-“: digits must "
	    "follow the minus sign [json-syntax]", "lone minus");
	expect_error("[1e+]", "t.json:1:2: error: malformed number „1e+“: digits "
	    "must follow the exponent mark e [json-syntax]", "empty exponent");
	expect_error("[1.2.3]", "t.json:1:2: error: malformed number „1.2.3“: "
	    "unexpected characters after the number [json-syntax]",
	    "two points");
	expect_error("[12abc]", "t.json:1:2: error: malformed number „12abc“: "
	    "unexpected characters after the number [json-syntax]",
	    "letters after number");
	expect_error("[.5]", "t.json:1:2: error: expected a value, found „.“ "
	    "[json-syntax]", "leading point");
	expect_error("[+1]", "t.json:1:2: error: expected a value, found „+“ "
	    "[json-syntax]", "leading plus");
	expect_error("[-Infinity]", "t.json:1:2: error: malformed number "
	    "„-Infinity“: digits must follow the minus sign [json-syntax]",
	    "infinity");
}

static void
test_utf8(void)
{
	expect_error("{\"obec\": \"Krom\xec\xf8\xed\x9e\"}", "t.json:1:15: error: "
	    "the text is not valid UTF-8 (byte 0xEC); the file looks like "
	    "windows-1250; save it as UTF-8 [bad-utf8]", "windows-1250 text");
	expect_error("[\"\xc0\xaf\"]", "t.json:1:3: error: the text is not valid "
	    "UTF-8 (byte 0xC0); save the file as UTF-8 [bad-utf8]", "overlong");
	expect_error("[\"\xed\xa0\x80\"]", "t.json:1:3: error: the text is not "
	    "valid UTF-8 (byte 0xED); the file looks like windows-1250; save it "
	    "as UTF-8 [bad-utf8]", "encoded surrogate");
	expect_error("[\"ab\xe2\x80\"]", "t.json:1:5: error: the text is not "
	    "valid UTF-8 (byte 0xE2); save the file as UTF-8 [bad-utf8]",
	    "truncated sequence");
	expect_error("\xff\xfe[\0]\0", "t.json:1:1: error: the file is in UTF-16; "
	    "save it as UTF-8 [bad-utf8]", "UTF-16");
	expect_error("\xef\xbb[]", "t.json:1:1: error: the text is not valid "
	    "UTF-8 (byte 0xEF); the file looks like windows-1250; save it as "
	    "UTF-8 [bad-utf8]", "broken BOM");
	expect_error("[\x9a]", "t.json:1:2: error: the text is not valid UTF-8 "
	    "(byte 0x9A); the file looks like windows-1250; save it as UTF-8 "
	    "[bad-utf8]", "stray byte outside strings");
}

static void
test_depth(void)
{
	struct arena	*a = arena_new();
	char		 deep[2 * JSON_MAX_DEPTH + 8];
	struct node	*n;
	int		 i;

	for (i = 0; i < JSON_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * JSON_MAX_DEPTH - 1 - i] = ']';
	}
	n = parse(a, deep, 2 * JSON_MAX_DEPTH);
	OK(n != NULL, "128 levels accepted");
	STR_EQ(msgs, "", "no message at the limit");
	deep[0] = '{';
	memcpy(deep + 1, "\"a\":", 4);
	for (i = 0; i < JSON_MAX_DEPTH; i++) {
		deep[5 + i] = '[';
		deep[5 + 2 * JSON_MAX_DEPTH - 1 - i] = ']';
	}
	deep[5 + 2 * JSON_MAX_DEPTH] = '}';
	n = parse(a, deep, 6 + 2 * JSON_MAX_DEPTH);
	OK(n == NULL, "129 levels rejected");
	STR_EQ(msgs, "t.json:1:133: error: the data are nested more than 128 "
	    "levels deep [too-deep]\n", "depth message");
	arena_free(a);
}

static void
test_duplicates(void)
{
	struct arena	*a = arena_new();
	struct node	*n;
	struct buf	 b = { 0 };
	int		 i;

	n = parse_str(a, "{\"a\": 1, \"b\": {\"a\": 5}, \"a\": [2]}");
	OK(n != NULL, "duplicate does not end the parse");
	INT_EQ(n ? n->n : 0, 2, "duplicate dropped");
	STR_EQ(n ? tree_get(n, "a")->str : NULL, "1", "first value kept");
	STR_EQ(msgs, "t.json:1:25: error: field „a“ appears twice in this object "
	    "(first at 1:2); the second value is ignored [duplicate-key]\n",
	    "duplicate message");
	/* A large object checks through the hash. */
	buf_putc(&b, '{');
	for (i = 0; i < 40; i++)
		buf_printf(&b, "\"k%d\": %d, ", i, i);
	buf_puts(&b, "\"k7\": 0, \"k39\": 1, \"last\": 2}");
	n = parse(a, b.data, b.len);
	INT_EQ(n ? n->n : 0, 41, "large object keeps first values");
	STR_EQ(n ? tree_get(n, "k7")->str : NULL, "7", "first k7 kept");
	STR_EQ(n ? tree_get(n, "last")->str : NULL, "2", "member after "
	    "duplicates added");
	OK(strstr(msgs, "field „k7“ appears twice in this object (first at "
	    "1:65)") != NULL, "first duplicate in large object");
	OK(strstr(msgs, "field „k39“ appears twice") != NULL,
	    "second duplicate in large object");
	buf_free(&b);
	arena_free(a);
}

/* The reader */

static const char registry[] =
    "\xef\xbb\xbf{\"verze\": \"1.0\", \"polozky\": [\n"
    "  {\"id\": 1, \"nazev\": \"Domov pro seniory Kroměříž\", \"esc\": "
    "\"tab\\there \\\"q\\\" \\u010d\\ud83d\\ude00\"},\n"
    "  {\"id\": 2, \"nazev\": \"Charita Hulín – pečovatelská služba\", "
    "\"x\": [1.25, -3e2, true, null]},\n"
    "  {\"id\": 3, \"nazev\": \"Žďár\"}\n"
    "], \"pozn\": {\"a\": [1, {\"b\": \"ř\"}]}, \"verze\": \"2\"}\n";

struct walk {
	int	 items;
	char	 names[512];
	int	 lines[8], cols[8];
	char	 esc[64];
	int	 xcol;
	bool	 ended;
	char	 out[2048];
};

/* Walks registry[] with the reader in windows of n bytes (0 = whole). */
static void
walk(size_t n, const char *text, size_t len, struct walk *w)
{
	FILE		*f = tmpfile();
	struct diag	*d = diag_new(f);
	struct json_reader *r = json_reader_mem("r.json", text, len, d);
	struct arena	*scratch = arena_new();
	struct srcpos	 pos, kp;
	const char	*key;
	struct node	*item, *v;
	size_t		 got;

	memset(w, 0, sizeof *w);
	if (n > 0)
		json_reader_set_window(r, n);
	if (json_begin_object(r, &pos)) {
		while (json_next_key(r, &key, &kp)) {
			if (strcmp(key, "polozky") != 0) {
				json_skip_value(r);
				continue;
			}
			if (!json_begin_array(r, NULL))
				break;
			while (json_next_item(r)) {
				if ((item = json_read_value(r, scratch)) == NULL)
					break;
				w->lines[w->items] = item->pos.line;
				if ((v = tree_get(item, "nazev")) != NULL) {
					strcat(w->names, v->str);
					strcat(w->names, "|");
					w->cols[w->items] = v->pos.col;
				}
				if ((v = tree_get(item, "esc")) != NULL)
					snprintf(w->esc, sizeof w->esc, "%s",
					    v->str);
				if ((v = tree_get(item, "x")) != NULL)
					w->xcol = v->items[3]->pos.col;
				w->items++;
				arena_reset(scratch);
			}
		}
		w->ended = json_reader_end(r);
	}
	json_reader_close(r);
	arena_free(scratch);
	diag_flush(d);
	diag_free(d);
	rewind(f);
	got = fread(w->out, 1, sizeof w->out - 1, f);
	w->out[got] = '\0';
	fclose(f);
}

static void
test_reader(void)
{
	struct walk	 whole, w;
	size_t		 n;
	int		 bad = 0;

	walk(0, registry, sizeof registry - 1, &whole);
	INT_EQ(whole.items, 3, "three items");
	STR_EQ(whole.names, "Domov pro seniory Kroměříž|Charita Hulín – "
	    "pečovatelská služba|Žďár|", "names in order");
	STR_EQ(whole.esc, "tab\there \"q\" \xc4\x8d\xf0\x9f\x98\x80",
	    "escapes in an item");
	INT_EQ(whole.lines[0], 2, "item line");
	INT_EQ(whole.cols[2], 22, "value col after multibyte");
	INT_EQ(whole.xcol, 85, "col after en dash and Czech letters");
	OK(whole.ended, "clean end");
	STR_EQ(whole.out, "r.json:5:36: error: field „verze“ appears twice in "
	    "this object (first at 1:2); the second value is ignored "
	    "[duplicate-key]\n", "duplicate top-level key reported");
	/* Every window size from 1 byte up gives the same result. */
	for (n = 1; n <= 80; n++) {
		walk(n, registry, sizeof registry - 1, &w);
		if (w.items != whole.items || strcmp(w.names, whole.names) ||
		    strcmp(w.esc, whole.esc) || w.xcol != whole.xcol ||
		    memcmp(w.cols, whole.cols, sizeof w.cols) ||
		    memcmp(w.lines, whole.lines, sizeof w.lines) ||
		    strcmp(w.out, whole.out) || !w.ended) {
			printf("window %zu differs: %s\n", n, w.out);
			bad++;
		}
	}
	INT_EQ(bad, 0, "windows 1..80 agree with the whole buffer");
}

static void
test_reader_errors(void)
{
	static const char cut[] = "{\"polozky\": [{\"a\": 1}, {\"b\": \"xyž";
	static const char bad[] = "{\"polozky\": [{\"a\": 1} {\"b\": 2}]}";
	static const char notobj[] = "[1]";
	static const char trailing[] = "{\"polozky\": []} []";
	static const char cp1250[] = "{\"polozky\": [{\"a\": \"\x9a\"}]}";
	struct walk	 w;
	size_t		 n;
	int		 bad_count = 0;

	for (n = 0; n <= 7; n++) {
		walk(n, cut, sizeof cut - 1, &w);
		if (w.items != 1 || strcmp(w.out, "r.json:1:34: error: the "
		    "file ends in the middle of a text in quotes that starts "
		    "at 1:30 [json-syntax]\n") != 0) {
			printf("cut, window %zu: %d items, %s", n, w.items,
			    w.out);
			bad_count++;
		}
		walk(n, bad, sizeof bad - 1, &w);
		if (w.items != 1 || strcmp(w.out, "r.json:1:23: error: "
		    "missing comma between list items [json-syntax]\n") != 0) {
			printf("bad, window %zu: %s", n, w.out);
			bad_count++;
		}
		walk(n, cp1250, sizeof cp1250 - 1, &w);
		if (w.items != 0 || strstr(w.out, "r.json:1:21: error: the "
		    "text is not valid UTF-8 (byte 0x9A); the file looks like "
		    "windows-1250") == NULL) {
			printf("cp1250, window %zu: %s", n, w.out);
			bad_count++;
		}
	}
	INT_EQ(bad_count, 0, "errors found at the same place in every window");
	walk(3, notobj, sizeof notobj - 1, &w);
	STR_EQ(w.out, "r.json:1:1: error: expected an object ({…}), found „[“ "
	    "[json-syntax]\n", "top value not an object");
	walk(2, trailing, sizeof trailing - 1, &w);
	OK(!w.ended, "trailing data fails the end check");
	STR_EQ(w.out, "r.json:1:17: error: unexpected „[“ after the end of the "
	    "data (the top value is already complete) [json-syntax]\n",
	    "trailing data reported");
}

static void
test_reader_file(void)
{
	char		 path[] = "/tmp/mapa-test-json-XXXXXX";
	struct diag	*d = diag_new(NULL);
	struct json_reader *r;
	struct arena	*a = arena_new();
	struct srcpos	 pos;
	const char	*key;
	struct node	*item;
	FILE		*f;
	int		 fd, count = 0, i;
	long long	 sum = 0;

	fd = mkstemp(path);
	OK(fd >= 0, "temporary file");
	f = fdopen(fd, "w");
	/* Over 64 KiB, so that the file is read in several chunks. */
	fputs("{\"polozky\": [", f);
	for (i = 0; i < 3000; i++)
		fprintf(f, "%s{\"n\": %d, \"t\": \"Kroměříž – \\\"%d\\\"\"}\n",
		    i ? "," : "", i, i);
	fputs("]}", f);
	fclose(f);
	r = json_reader_open(path, d);
	OK(r != NULL, "opened");
	if (r != NULL && json_begin_object(r, &pos) &&
	    json_next_key(r, &key, NULL) && json_begin_array(r, NULL)) {
		while (json_next_item(r)) {
			if ((item = json_read_value(r, a)) == NULL)
				break;
			sum += atoi(tree_get(item, "n")->str);
			if (count == 2999)
				STR_EQ(tree_get(item, "t")->str,
				    "Kroměříž – \"2999\"", "last item text");
			if (count == 1500)
				INT_EQ(item->pos.line, 1501, "line of item");
			count++;
			arena_reset(a);
		}
		OK(!json_next_key(r, &key, NULL), "root object closed");
		OK(json_reader_end(r), "end");
	}
	INT_EQ(count, 3000, "all items read");
	INT_EQ(sum, 2999LL * 3000 / 2, "values read");
	INT_EQ(diag_count(d, DIAG_ERROR), 0, "no errors");
	json_reader_close(r);
	OK(json_reader_open("/nonexistent/x.json", d) == NULL, "missing file");
	INT_EQ(diag_count(d, DIAG_FATAL), 1, "missing file reported");
	unlink(path);
	arena_free(a);
	diag_free(d);
}

int
main(void)
{
	RUN(test_values);
	RUN(test_positions);
	RUN(test_surrogates);
	RUN(test_errors);
	RUN(test_unfinished);
	RUN(test_numbers);
	RUN(test_utf8);
	RUN(test_depth);
	RUN(test_duplicates);
	RUN(test_reader);
	RUN(test_reader_errors);
	RUN(test_reader_file);
	return DONE();
}
