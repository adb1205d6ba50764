/*
 * Unit tests of the YAML reader: scalar types, positions of keys and values
 * (1-based, in characters after multi-byte letters, with a BOM, with CRLF),
 * and every refusal and syntax error with its message and position.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "harness.h"
#include "testutil.h"
#include "tree.h"
#include "util.h"
#include "yaml.h"

/* Diagnostics printed by the last parse. */
static char	 msgs[8192];

static struct node *
parse_len(struct arena *a, const char *text, size_t len)
{
	struct capture	 cap;
	struct node	*n;

	capture_open(&cap);
	n = yaml_parse(a, diag_file(cap.d, "t.yaml"), text, len, cap.d);
	capture_copy(&cap, msgs, sizeof msgs);
	capture_close(&cap);
	return n;
}

static struct node *
parse(struct arena *a, const char *text)
{
	return parse_len(a, text, strlen(text));
}

/* The parse fails (or not, when tree) with exactly the message want. */
static void
expect_msg(const char *text, bool tree, const char *want, const char *what)
{
	struct arena	*a = arena_new();
	struct node	*n = parse(a, text);
	char		 line[1024];

	snprintf(line, sizeof line, "%s\n", want);
	OK((n != NULL) == tree, what);
	STR_EQ(msgs, line, what);
	arena_free(a);
}

/* The kind (and text) one plain or quoted scalar "v: TEXT" resolves to. */
static void
expect_scalar(const char *text, enum node_kind kind, const char *str,
    bool quoted)
{
	struct arena	*a = arena_new();
	char		 doc[256];
	struct node	*n, *v;

	snprintf(doc, sizeof doc, "v: %s\n", text);
	n = parse(a, doc);
	v = tree_get_raw(n, "v");
	OK(v != NULL, text);
	if (v != NULL) {
		INT_EQ(v->kind, kind, text);
		STR_EQ(v->str, str, text);
		INT_EQ(v->quoted, quoted, text);
		if (str != NULL)
			INT_EQ(v->len, strlen(str), text);
	}
	STR_EQ(msgs, "", text);
	arena_free(a);
}

static void
test_types(void)
{
	expect_scalar("12", N_NUMBER, "12", false);
	expect_scalar("-3", N_NUMBER, "-3", false);
	expect_scalar("0", N_NUMBER, "0", false);
	expect_scalar("1.50", N_NUMBER, "1.50", false);
	expect_scalar("2.5e3", N_NUMBER, "2.5e3", false);
	/* Not numbers: leading zeros keep codes as text, and no YAML 1.1 forms. */
	expect_scalar("012", N_STRING, "012", false);
	expect_scalar("00123456", N_STRING, "00123456", false);
	expect_scalar(".5", N_STRING, ".5", false);
	expect_scalar("+1", N_STRING, "+1", false);
	expect_scalar("1_000", N_STRING, "1_000", false);
	expect_scalar("0x1F", N_STRING, "0x1F", false);
	expect_scalar("1,5", N_STRING, "1,5", false);
	expect_scalar("12:30", N_STRING, "12:30", false);
	expect_scalar(".inf", N_STRING, ".inf", false);
	expect_scalar("2026-09-01", N_STRING, "2026-09-01", false);
	expect_scalar("3. vydání", N_STRING, "3. vydání", false);
	expect_scalar("1.", N_STRING, "1.", false);
	expect_scalar("true", N_BOOL, "true", false);
	expect_scalar("True", N_BOOL, "true", false);
	expect_scalar("FALSE", N_BOOL, "false", false);
	expect_scalar("yes", N_STRING, "yes", false);
	expect_scalar("no", N_STRING, "no", false);
	expect_scalar("ano", N_STRING, "ano", false);
	expect_scalar("on", N_STRING, "on", false);
	expect_scalar("null", N_NULL, NULL, false);
	expect_scalar("~", N_NULL, NULL, false);
	expect_scalar("", N_NULL, NULL, false);
	expect_scalar("\"12\"", N_STRING, "12", true);
	expect_scalar("'true'", N_STRING, "true", true);
	expect_scalar("''", N_STRING, "", true);
	expect_scalar("\"null\"", N_STRING, "null", true);
	expect_scalar("!!str 12", N_STRING, "12", true);
	expect_scalar("! 12", N_STRING, "12", true);
	expect_scalar("!!int \"12\"", N_NUMBER, "12", true);
	expect_scalar("!!null ~", N_NULL, NULL, false);
	expect_scalar("!!bool true", N_BOOL, "true", false);
	expect_scalar("\"a\\tb\\u010d\"", N_STRING, "a\tb\xc4\x8d", true);
	expect_scalar("'it''s'", N_STRING, "it's", true);
}

static void
test_block_scalars(void)
{
	struct arena	*a = arena_new();
	struct node	*n;

	n = parse(a, "text: |\n  První odstavec\n  pokračuje.\n\n  Druhý.\n"
	    "fold: >\n  a\n  b\n");
	STR_EQ(msgs, "", "no messages");
	STR_EQ(tree_get(n, "text")->str,
	    "První odstavec\npokračuje.\n\nDruhý.\n", "literal");
	OK(tree_get(n, "text")->quoted, "block scalar is never a number");
	INT_EQ(tree_get(n, "text")->pos.line, 1, "literal line");
	INT_EQ(tree_get(n, "text")->pos.col, 7, "literal col");
	STR_EQ(tree_get(n, "fold")->str, "a b\n", "folded");
	arena_free(a);
}

static void
test_positions(void)
{
	struct arena	*a = arena_new();
	struct node	*n, *v;

	n = parse(a, "název: Kroměříž\n"
	    "obce: [Hulín, Chropyně, \"Kroměříž\"]\n"
	    "uzemi:\n"
	    "  nazev: ORP Kroměříž\n"
	    "  seznam:\n"
	    "    - žž: 1\n"
	    "      ř: \"x\"\n"
	    "    -   y\n"
	    "# komentář\n"
	    "čas: {od: 7:00, do: 15:30}\n");
	STR_EQ(msgs, "", "no messages");
	OK(n != NULL && n->kind == N_OBJECT, "root object");
	INT_EQ(n->pos.line, 1, "root line");
	INT_EQ(n->pos.col, 1, "root col");
	INT_EQ(n->n, 4, "4 members");
	STR_EQ(n->members[0].key, "název", "first key");
	INT_EQ(n->members[0].keypos.col, 1, "key col");
	v = tree_get(n, "název");
	INT_EQ(v->pos.line, 1, "value line");
	INT_EQ(v->pos.col, 8, "value col counts č-like letters once");
	v = tree_get(n, "obce");
	INT_EQ(v->kind, N_ARRAY, "flow list");
	INT_EQ(v->pos.col, 7, "flow list at [");
	INT_EQ(v->n, 3, "3 items");
	INT_EQ(v->items[1]->pos.col, 15, "after Hulín,");
	INT_EQ(v->items[2]->pos.col, 25, "quoted item at its quote");
	v = tree_get(tree_get(n, "uzemi"), "nazev");
	INT_EQ(v->pos.line, 4, "nested line");
	INT_EQ(v->pos.col, 10, "nested col");
	INT_EQ(tree_get(n, "uzemi")->members[0].keypos.col, 3, "nested key");
	v = tree_get(tree_get(n, "uzemi"), "seznam");
	INT_EQ(v->pos.line, 6, "block list at its first -");
	INT_EQ(v->pos.col, 5, "block list col");
	INT_EQ(v->items[0]->pos.col, 7, "mapping in list at its first key");
	INT_EQ(v->items[0]->members[1].keypos.line, 7, "ř line");
	INT_EQ(v->items[0]->members[1].keypos.col, 7, "ř col");
	INT_EQ(tree_get(v->items[0], "ř")->pos.col, 10, "after ř:");
	INT_EQ(v->items[1]->pos.line, 8, "second item line");
	INT_EQ(v->items[1]->pos.col, 9, "second item col");
	v = tree_get(n, "čas");
	INT_EQ(v->pos.line, 10, "after a comment line");
	INT_EQ(v->pos.col, 6, "flow mapping at {");
	INT_EQ(v->members[1].keypos.col, 17, "do:");
	STR_EQ(tree_get(v, "do")->str, "15:30", "time is text");
	INT_EQ(tree_get(v, "do")->pos.col, 21, "value after do:");
	arena_free(a);
}

static void
test_bom_crlf(void)
{
	struct arena	*a = arena_new();
	struct node	*n;

	n = parse(a, "\xef\xbb\xbf" "a: 1\r\nčb: ž\r\n\r\nc: [x,\r\n  y]\r\n");
	STR_EQ(msgs, "", "no messages");
	INT_EQ(n->members[0].keypos.col, 1, "BOM is not a column");
	INT_EQ(tree_get(n, "a")->pos.col, 4, "a value");
	INT_EQ(tree_get(n, "čb")->pos.line, 2, "CRLF is one line break");
	INT_EQ(tree_get(n, "čb")->pos.col, 5, "čb value");
	INT_EQ(tree_get(n, "c")->items[1]->pos.line, 5, "flow list over lines");
	INT_EQ(tree_get(n, "c")->items[1]->pos.col, 3, "y col");
	arena_free(a);
}

static void
test_empty(void)
{
	struct arena	*a = arena_new();
	struct node	*n;

	n = parse(a, "");
	OK(n != NULL && n->kind == N_NULL, "empty file is null");
	STR_EQ(msgs, "", "empty: no messages");
	n = parse(a, "# only a comment\n\n");
	OK(n != NULL && n->kind == N_NULL, "comment only is null");
	n = parse(a, "---\na: 1\n...\n");
	OK(n != NULL && n->kind == N_OBJECT, "explicit document markers");
	STR_EQ(msgs, "", "markers: no messages");
	n = parse(a, "- a\n- [b, {c: d}]\n");
	OK(n != NULL && n->kind == N_ARRAY && n->n == 2, "top-level list");
	STR_EQ(tree_get(n->items[1]->items[1], "c")->str, "d", "nested flow");
	arena_free(a);
}

static void
test_refused(void)
{
	struct arena	*a = arena_new();
	struct node	*n;

	n = parse(a, "a: 1\nb: 2\na: 3\n");
	STR_EQ(msgs, "t.yaml:3:1: error: „a“ is given twice in this mapping "
	    "(first at line 1); the second value is ignored [duplicate-key]\n",
	    "duplicate key");
	INT_EQ(n->n, 2, "duplicate dropped");
	STR_EQ(tree_get(n, "a")->str, "1", "first value kept");
	n = parse(a, "x:\n  - {k: 1, k: [2]}\n");
	STR_EQ(msgs, "t.yaml:2:12: error: „k“ is given twice in this mapping "
	    "(first at line 2); the second value is ignored [duplicate-key]\n",
	    "duplicate key in flow mapping");
	n = parse(a, "a: &x 1\nb: *x\n");
	STR_EQ(msgs, "t.yaml:1:4: error: YAML anchors („&x“) are not supported; "
	    "write the value out in full (anchor ignored) [yaml-syntax]\n"
	    "t.yaml:2:4: error: YAML aliases („*x“) are not supported; write the "
	    "value out in full (value ignored) [yaml-syntax]\n", "anchor, alias");
	OK(n != NULL && tree_get_raw(n, "b")->kind == N_NULL, "alias is null");
	n = parse(a, "a: !foo 2\nb: !!binary aGk=\nc: !!int x\nd: !!map {}\n");
	STR_EQ(msgs, "t.yaml:1:4: error: the YAML tag „!foo“ is not supported; "
	    "tag ignored [yaml-syntax]\n"
	    "t.yaml:2:4: error: the YAML tag „!!binary“ is not supported; tag "
	    "ignored [yaml-syntax]\n"
	    "t.yaml:3:4: error: „x“ does not fit its tag „!!int/!!float“; kept "
	    "as text [yaml-syntax]\n", "tags");
	INT_EQ(tree_get(n, "a")->kind, N_NUMBER, "unknown tag ignored");
	expect_msg("a: 1\n---\nb: 2\n", false, "t.yaml:2:1: error: a second "
	    "YAML document starts here with „---“; the file must hold one "
	    "document (remove this line or everything from here on) "
	    "[yaml-syntax]", "two documents");
	expect_msg("? [a]\n: 1\n", false, "t.yaml:1:3: error: a key must be "
	    "plain text, not a list [yaml-syntax]", "complex key");
	arena_free(a);
}

static void
test_depth(void)
{
	struct arena	*a = arena_new();
	char		 doc[300];
	int		 i;

	for (i = 0; i < 64; i++)
		doc[i] = '[', doc[64 + i] = ']';
	doc[128] = '\0';
	OK(parse(a, doc) != NULL, "64 levels are fine");
	STR_EQ(msgs, "", "64 levels: no messages");
	for (i = 0; i < 65; i++)
		doc[i] = '[', doc[65 + i] = ']';
	doc[130] = '\0';
	OK(parse(a, doc) == NULL, "65 levels fail");
	STR_EQ(msgs, "t.yaml:1:65: error: lists and mappings are nested more "
	    "than 64 levels deep here; the file cannot be read [too-deep]\n",
	    "too deep");
	arena_free(a);
}

static void
test_syntax_errors(void)
{
	expect_msg("a: 1\nb:\n\t- x\n", false, "t.yaml:3:1: error: a tab "
	    "character cannot indent YAML; use spaces [yaml-syntax]", "tab");
	expect_msg("a: |\n  x\n\ty\n", false, "t.yaml:3:1: error: a tab "
	    "character cannot indent YAML; use spaces [yaml-syntax]",
	    "tab in block scalar");
	expect_msg("název: 1\nobec Hulín\nc: 2\n", false, "t.yaml:2:1: error: "
	    "did not find the expected „:“ after „obec Hulín“; each line of a "
	    "mapping must be „key: value“ [yaml-syntax]", "no colon");
	expect_msg("a: 1\nb:2\n", false, "t.yaml:2:1: error: a space must "
	    "follow „:“ after a key: write „b: 2“ [yaml-syntax]", "colon space");
	expect_msg("a:\n - b\n -c\n", false, "t.yaml:3:2: error: a list item "
	    "needs a space after „-“: write „- c“ [yaml-syntax]", "dash space");
	expect_msg("a: \"abc\nb: 3\n", false, "t.yaml:1:4: error: the quoted "
	    "text that starts here is never closed; add the closing „\"“ "
	    "[yaml-syntax]", "unclosed quote");
	expect_msg("a: 'abc\n", false, "t.yaml:1:4: error: the quoted text that "
	    "starts here is never closed; add the closing „'“ [yaml-syntax]",
	    "unclosed single quote");
	expect_msg("č: \"x\\qy\"\n", false, "t.yaml:1:6: error: unknown escape "
	    "„\\q“ in double-quoted text; write „\\\\“ for a backslash, or use "
	    "single quotes [yaml-syntax]", "bad escape");
	expect_msg("x: \"č\\u00zz\"\n", false, "t.yaml:1:6: error: bad „\\u“ "
	    "escape in double-quoted text: it needs hexadecimal digits, e.g. "
	    "„\\u00A0“; write „\\\\“ for a backslash [yaml-syntax]",
	    "bad hex escape");
	expect_msg("a: \"a\\u", false, "t.yaml:1:6: error: bad „\\u“ escape "
	    "in double-quoted text: it needs hexadecimal digits, e.g. "
	    "„\\u00A0“; write „\\\\“ for a backslash [yaml-syntax]",
	    "escape at the end of the file");
	expect_msg("a: b: c\n", false, "t.yaml:1:5: error: a value cannot "
	    "contain „: “ unless it is quoted; write the whole value in quotes "
	    "[yaml-syntax]", "colon in value");
	expect_msg("a: 1\n  b: 2\n", false, "t.yaml:2:3: error: this key is "
	    "indented deeper than the line above, which already has a value; "
	    "give the keys of one mapping the same indentation [yaml-syntax]",
	    "key too deep");
	expect_msg("a:\n  b: 1\n c: 2\n", false, "t.yaml:3:2: error: bad "
	    "indentation: this line does not line up with the keys of the "
	    "mapping that starts at line 1 (its keys start in column 1) "
	    "[yaml-syntax]", "misaligned key");
	expect_msg("a:\n  - 1\n  b: 2\n", false, "t.yaml:3:3: error: expected "
	    "another list item („- …“) of the list that starts at line 2; a "
	    "list and „key: value“ lines cannot share one indentation "
	    "[yaml-syntax]", "key after list");
	expect_msg("a: 1\n- b\n", false, "t.yaml:2:1: error: a list item cannot "
	    "follow „key: value“ lines at the same indentation; indent the list "
	    "under its key [yaml-syntax]", "list after key");
	expect_msg("a: -\n", false, "t.yaml:1:4: error: a list item („- …“) "
	    "cannot start here; put each item on its own line, indented under "
	    "its key [yaml-syntax]", "dash after key");
	expect_msg("a: [1, 2\nb: 3\n", false, "t.yaml:1:4: error: the list "
	    "opened here with „[“ is not closed: expected „,“ or „]“ before "
	    "line 2, column 2 [yaml-syntax]", "unclosed [");
	expect_msg("a: {b: 1\nc: 2\n", false, "t.yaml:1:4: error: the mapping "
	    "opened here with „{“ is not closed: expected „,“ or „}“ before "
	    "line 2, column 2 [yaml-syntax]", "unclosed {");
	expect_msg("a: [1, 2]]\n", false, "t.yaml:1:10: error: „]“ closes "
	    "nothing: no „[“ is open here [yaml-syntax]", "stray ]");
	expect_msg("{a: 1}}\n", false, "t.yaml:1:7: error: „}“ closes nothing: "
	    "no „{“ is open here [yaml-syntax]", "stray }");
	expect_msg("a: [1, ,]\n", false, "t.yaml:1:8: error: a value is missing "
	    "before „,“ [yaml-syntax]", "missing item");
	expect_msg("a: @x\n", false, "t.yaml:1:4: error: „@“ is reserved in "
	    "YAML and cannot start a value; put the value in quotes "
	    "[yaml-syntax]", "reserved @");
	expect_msg("a: *\n", false, "t.yaml:1:4: error: „*“ at the start of a "
	    "value begins a YAML alias; put the value in quotes [yaml-syntax]",
	    "lone *");
	expect_msg("a: \"b\" c\n", false, "t.yaml:1:8: error: unexpected text "
	    "„c“; text after a quoted value or key must be inside the quotes "
	    "[yaml-syntax]", "text after quotes");
	expect_msg("a: |x\n  b\n", false, "t.yaml:1:5: error: text cannot "
	    "follow „|“ or „>“ on the same line; start the text on the next "
	    "line, indented [yaml-syntax]", "block header");
	expect_msg("a: 1\n...\nb: 2\n", false, "t.yaml:3:1: error: unexpected "
	    "text after the end of the document; look above for a stray „...“ "
	    "line or a closing bracket [yaml-syntax]", "after ...");
	expect_msg("%FOO\na: 1\n", false, "t.yaml:1:1: error: a line starting "
	    "with „%“ is a YAML directive that mapa does not support; remove it "
	    "[yaml-syntax]", "directive");
	expect_msg("a: 1\n\xef\xbb\xbf" "b: 2\n", false, "t.yaml:2:1: error: an "
	    "invisible byte order mark (U+FEFF) starts this line; remove it "
	    "[yaml-syntax]", "BOM inside");
	expect_msg("ab\x01: 1\n", false, "t.yaml:1:3: error: control character "
	    "U+0001 is not allowed in a YAML file (is the file damaged, or not "
	    "text?) [yaml-syntax]", "control character");
}

static void
test_encoding(void)
{
	struct arena	*a = arena_new();

	expect_msg("nazev: Mapa\nobec: Krom\xec\xf8\xed\x9e\n", false,
	    "t.yaml:2:11: error: the file is not valid UTF-8 (byte 0xEC); it "
	    "looks like windows-1250, where this reads „Kroměříž“: save the "
	    "file as UTF-8 [bad-utf8]", "windows-1250");
	expect_msg("čč: ž\xc4x\n", false, "t.yaml:1:6: error: the file is not "
	    "valid UTF-8 (byte 0xC4 cannot be read here); save the file as "
	    "UTF-8 [bad-utf8]", "truncated sequence");
	expect_msg("a: \xed\xa0\x80\n", false, "t.yaml:1:4: error: the file is "
	    "not valid UTF-8 (byte 0xED cannot be read here); save the file as "
	    "UTF-8 [bad-utf8]", "surrogate");
	OK(parse_len(a, "\xff\xfe" "a\0:\0 \0" "1\0", 10) == NULL, "UTF-16");
	STR_EQ(msgs, "t.yaml: error: the file is not UTF-8 but looks like "
	    "UTF-16; save it as UTF-8 [bad-utf8]\n", "UTF-16 message");
	OK(parse_len(a, "a\0:\0 \0" "1\0", 8) == NULL, "UTF-16 without BOM");
	STR_EQ(msgs, "t.yaml: error: the file is not UTF-8 but looks like "
	    "UTF-16; save it as UTF-8 [bad-utf8]\n", "UTF-16 without BOM msg");
	arena_free(a);
}

int
main(void)
{
	RUN(test_types);
	RUN(test_block_scalars);
	RUN(test_positions);
	RUN(test_bom_crlf);
	RUN(test_empty);
	RUN(test_refused);
	RUN(test_depth);
	RUN(test_syntax_errors);
	RUN(test_encoding);
	return DONE();
}
