/*
 * Unit tests of the CSV reader (src/csv.c): encodings, separators, quoting,
 * positions of fields (also inside multi-line values) and syntax errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "diag.h"
#include "harness.h"
#include "testutil.h"
#include "util.h"

/* A run of csv_read with the messages captured as text. */
struct run {
	struct capture	 cap;
	struct csv	*csv;
};

static void
run_csv(struct run *r, const char *buf, size_t len)
{
	memset(r, 0, sizeof *r);
	capture_open(&r->cap);
	r->csv = csv_read(diag_file(r->cap.d, "t.csv"), buf, len, r->cap.d);
	capture_text(&r->cap);
}

static void
run_free(struct run *r)
{
	csv_free(r->csv);
	capture_close(&r->cap);
}

static const char *
field(const struct run *r, size_t row, size_t col)
{
	if (r->csv == NULL || row >= r->csv->nrows ||
	    col >= r->csv->rows[row].n)
		return "(none)";
	return r->csv->rows[row].fields[col].text;
}

static bool
said(const struct run *r, const char *text)
{
	return r->cap.mem != NULL && strstr(r->cap.mem, text) != NULL;
}

static void
test_bom_semicolon(void)
{
	static const char in[] = "\xef\xbb\xbfn\xc3\xa1zev;obec\r\n"
	    "Domov;Krom\xc4\x9b\xc5\x99\xc3\xad\xc5\xbe\r\n";
	struct run r;

	run_csv(&r, in, sizeof in - 1);
	OK(r.csv != NULL, "read");
	INT_EQ(r.csv->enc, CSV_UTF8_BOM, "BOM recognised");
	INT_EQ(r.csv->sep, ';', "separator");
	INT_EQ(r.csv->header.n, 2, "header width");
	STR_EQ(r.csv->header.fields[0].text, "název", "BOM stripped");
	INT_EQ(r.csv->header.fields[0].pos.col, 1, "BOM takes no column");
	INT_EQ(r.csv->nrows, 1, "one row");
	STR_EQ(field(&r, 0, 1), "Kroměříž", "UTF-8 value");
	INT_EQ(r.csv->rows[0].fields[1].pos.line, 2, "line");
	INT_EQ(r.csv->rows[0].fields[1].pos.col, 7, "column");
	INT_EQ(diag_count(r.cap.d, DIAG_NOTE), 0, "no encoding note for UTF-8");
	run_free(&r);
}

static void
test_cp1250(void)
{
	/* "Kroměříž" and "Hulín" in windows-1250 */
	static const char in[] = "n\xe1zev;obec\nDomov;Krom\xec\xf8\xed\x9e\n"
	    "Byty;Hul\xedn\n";
	struct run r;

	run_csv(&r, in, sizeof in - 1);
	INT_EQ(r.csv->enc, CSV_CP1250, "windows-1250 recognised");
	STR_EQ(r.csv->header.fields[0].text, "název", "header converted");
	STR_EQ(field(&r, 0, 1), "Kroměříž", "Kroměříž converted");
	STR_EQ(field(&r, 1, 1), "Hulín", "Hulín converted");
	INT_EQ(diag_count_code(r.cap.d, D_ENCODING), 1, "exactly one note");
	OK(said(&r, "t.csv:1:2: note: the file is not UTF-8; read as "
	    "windows-1250"), "note at the first non-UTF-8 byte");
	OK(!r.csv->rows[0].fields[1].bad, "converted value is good");
	run_free(&r);
}

static void
test_cp1250_bad_byte(void)
{
	/* 0x81 is undefined in windows-1250 */
	static const char in[] = "a;b\n\xe8x\x81y;z\n";
	struct run r;

	run_csv(&r, in, sizeof in - 1);
	INT_EQ(r.csv->enc, CSV_CP1250, "windows-1250");
	INT_EQ(diag_count_code(r.cap.d, D_BAD_UTF8), 1, "one bad byte");
	OK(said(&r, "t.csv:2:3: error: byte 0x81 is neither UTF-8 nor a "
	    "windows-1250 character"), "bad byte at its line:col");
	OK(r.csv->rows[0].fields[0].bad, "field marked bad");
	OK(!r.csv->rows[0].fields[1].bad, "next field fine");
	STR_EQ(field(&r, 0, 0), "čx\xef\xbf\xbdy", "replaced by U+FFFD");
	run_free(&r);
}

static void
test_utf8_with_bad_bytes(void)
{
	/* Mostly UTF-8 with one broken byte: reported, not read as cp1250. */
	static const char in[] = "obec;kraj\nKroměříž;Zlínský\nHul\xedn;x\n";
	struct run r;

	run_csv(&r, in, sizeof in - 1);
	INT_EQ(r.csv->enc, CSV_UTF8, "still UTF-8");
	INT_EQ(diag_count_code(r.cap.d, D_ENCODING), 0, "no encoding note");
	OK(said(&r, "t.csv:3:4: error: byte 0xED is not UTF-8"),
	    "bad byte reported");
	OK(r.csv->rows[1].fields[0].bad, "value dropped");
	STR_EQ(field(&r, 0, 0), "Kroměříž", "good rows intact");
	run_free(&r);
}

/* Encodes ASCII-and-BMP UTF-8 text as UTF-16LE with a BOM. */
static char *
utf16le(const char *s, size_t *len)
{
	size_t		 n = strlen(s), i = 0, o = 2, k;
	char		*out = xmalloc(2 * n + 4);
	uint32_t	 cp;

	out[0] = (char)0xff;
	out[1] = (char)0xfe;
	while (i < n) {
		k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += k;
		out[o++] = (char)(cp & 0xff);
		out[o++] = (char)(cp >> 8);
	}
	*len = o;
	return out;
}

static void
test_utf16(void)
{
	size_t	 len;
	char	*in = utf16le("název\tobec\r\nDům; \"A\"\tKroměříž\r\n", &len);
	struct run r;

	run_csv(&r, in, len);
	INT_EQ(r.csv->enc, CSV_UTF16LE, "UTF-16LE recognised");
	INT_EQ(r.csv->sep, '\t', "tab separated");
	STR_EQ(field(&r, 0, 0), "Dům; \"A\"", "semicolon is text here");
	STR_EQ(field(&r, 0, 1), "Kroměříž", "UTF-16 decoded");
	INT_EQ(r.csv->rows[0].fields[1].pos.col, 10, "column in characters");
	INT_EQ(diag_count_code(r.cap.d, D_ENCODING), 1, "UTF-16 noted");
	run_free(&r);
	free(in);

	/* A lone surrogate and an odd trailing byte. */
	{
		static const char bad[] = "\xff\xfe" "a\0;\0b\0\n\0" "x\0"
		    "\x00\xdc" ";\0y\0\n";
		run_csv(&r, bad, sizeof bad - 1);
		INT_EQ(diag_count_code(r.cap.d, D_BAD_UTF8), 2,
		    "lone surrogate and odd byte");
		OK(r.csv->rows[0].fields[0].bad, "surrogate field bad");
		OK(said(&r, "t.csv:2:2: error: broken UTF-16"), "position");
		run_free(&r);
	}
}

static void
test_separators(void)
{
	struct run r;

	run_csv(&r, "a,b,c\n1,2,3\n", 12);
	INT_EQ(r.csv->sep, ',', "comma");
	STR_EQ(field(&r, 0, 2), "3", "comma fields");
	run_free(&r);

	run_csv(&r, "\"x;y;z\",b,c\n1,2,3\n", 18);
	INT_EQ(r.csv->sep, ',', "separators inside quotes do not count");
	STR_EQ(r.csv->header.fields[0].text, "x;y;z", "quoted header");
	run_free(&r);

	run_csv(&r, "a\tb;c\n1\t2;3\n", 12);
	INT_EQ(r.csv->sep, ';', "ties go to ;");
	run_free(&r);

	run_csv(&r, "a\tb\tc,d\n", 9);
	INT_EQ(r.csv->sep, '\t', "tab is the most frequent");
	STR_EQ(r.csv->header.fields[2].text, "c,d", "comma is text");
	run_free(&r);

	run_csv(&r, "\r\n\na,b\n1,2\n", 12);
	INT_EQ(r.csv->sep, ',', "blank lines before the header");
	INT_EQ(r.csv->header.fields[1].pos.line, 3, "header line");
	INT_EQ(r.csv->header.number, 3, "header row number");
	run_free(&r);

	run_csv(&r, "sep=,\na;b,c\n1;2,3\n", 18);
	INT_EQ(r.csv->sep, ',', "Excel sep= line");
	STR_EQ(r.csv->header.fields[0].text, "a;b", "sep line skipped");
	INT_EQ(r.csv->header.fields[0].pos.line, 2, "header on line 2");
	run_free(&r);
}

static void
test_quotes_and_lines(void)
{
	static const char in[] = "a;b;c\n"
	    "\"x;\"\"y\"\"\";\"multi\r\nline\";  padded  \n"
	    "z;\" kept \";\"\"\n";
	struct run r;
	struct srcpos pos;

	run_csv(&r, in, sizeof in - 1);
	INT_EQ(r.csv->nrows, 2, "two rows");
	STR_EQ(field(&r, 0, 0), "x;\"y\"", "doubled quotes");
	STR_EQ(field(&r, 0, 1), "multi\nline", "CRLF inside a value is \\n");
	STR_EQ(field(&r, 0, 2), "padded", "unquoted value trimmed");
	INT_EQ(r.csv->rows[0].fields[1].pos.line, 2, "multi-line starts on 2");
	INT_EQ(r.csv->rows[0].fields[1].pos.col, 11, "at its opening quote");
	INT_EQ(r.csv->rows[0].fields[2].pos.line, 3, "next field on line 3");
	INT_EQ(r.csv->rows[0].fields[2].pos.col, 9, "after the spaces");
	INT_EQ(r.csv->rows[1].line, 4, "second row starts on line 4");
	INT_EQ(r.csv->rows[1].number, 3, "spreadsheet row 3");
	STR_EQ(field(&r, 1, 1), " kept ", "quoted spaces kept");
	STR_EQ(field(&r, 1, 2), "", "empty quoted");

	pos = csv_value_pos(r.csv, &r.csv->rows[0].fields[1], 6);
	INT_EQ(pos.line, 3, "value offset after the line break: line");
	INT_EQ(pos.col, 1, "value offset after the line break: column");
	pos = csv_value_pos(r.csv, &r.csv->rows[0].fields[0], 3);
	INT_EQ(pos.col, 6, "doubled quote counts two columns");
	pos = csv_value_pos(r.csv, &r.csv->rows[0].fields[2], 3);
	INT_EQ(pos.col, 12, "unquoted offset");
	run_free(&r);
}

static void
test_line_ends(void)
{
	struct run r;

	run_csv(&r, "a;b\r1;2\r3;4", 11);
	INT_EQ(r.csv->nrows, 2, "CR-only line ends");
	INT_EQ(r.csv->rows[1].fields[1].pos.line, 3, "line counted at CR");
	STR_EQ(field(&r, 1, 1), "4", "last line without an end");
	run_free(&r);

	run_csv(&r, "a;b\n1;2\n\n;\n3;4\n\n\r\n\n", 19);
	INT_EQ(r.csv->nrows, 2, "blank rows and trailing lines skipped");
	INT_EQ(r.csv->rows[1].number, 5, "blank rows still count as rows");
	run_free(&r);
}

static void
test_errors(void)
{
	struct run r;

	run_csv(&r, "a;b\n1;x\"y\n2;3\n", 14);
	OK(said(&r, "t.csv:2:4: error: stray quote"), "stray quote position");
	OK(r.csv->rows[0].fields[1].bad, "stray-quote value dropped");
	INT_EQ(r.csv->nrows, 2, "row kept");
	run_free(&r);

	run_csv(&r, "a;b\n1;2\n3;\"abc\n4;5\n", 19);
	OK(said(&r, "t.csv:3:3: error: this quote opens a value that is "
	    "never closed"), "unterminated quote at its start");
	INT_EQ(r.csv->nrows, 1, "rest of the file ignored");
	run_free(&r);

	run_csv(&r, "a;b\n1;2;3\n4;5;;\n", 16);
	OK(said(&r, "t.csv:2:5: error: row 2 has 3 values but the header "
	    "has 2 columns"), "too many fields names the row");
	INT_EQ(r.csv->nrows, 1, "long row dropped, empty extras ignored");
	STR_EQ(field(&r, 0, 0), "4", "padded row kept");
	run_free(&r);

	run_csv(&r, "a;b;c\n1\n", 8);
	INT_EQ(r.csv->nrows, 1, "short row kept");
	STR_EQ(field(&r, 0, 2), "", "missing cell empty");
	OK(r.csv->rows[0].fields[2].padded, "marked padded");
	INT_EQ(diag_count(r.cap.d, DIAG_ERROR), 0, "short rows are fine");
	run_free(&r);

	run_csv(&r, "a;b\n\"x\" y;2\n", 12);
	OK(said(&r, "t.csv:2:5: error: text after the closing quote"),
	    "junk after closing quote");
	OK(r.csv->rows[0].fields[0].bad, "value dropped");
	STR_EQ(field(&r, 0, 1), "2", "row continues");
	run_free(&r);

	run_csv(&r, "", 0);
	OK(r.csv == NULL, "empty file");
	OK(said(&r, "t.csv: error: the file is empty"), "reported");
	run_free(&r);

	run_csv(&r, "a;b\n1\0;2\n", 9);
	OK(said(&r, "t.csv:2:2: error: NUL character"), "NUL byte");
	OK(r.csv->rows[0].fields[0].bad, "NUL value dropped");
	run_free(&r);
}

static void
test_big_field(void)
{
	struct buf b = { 0 };
	size_t	 i;
	struct run r;

	buf_puts(&b, "a;b\n\"");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, i % 100 == 99 ? "\"\"\n" : "x");
	buf_puts(&b, "\";end\n");
	run_csv(&r, b.data, b.len);
	INT_EQ(r.csv->nrows, 1, "one huge field");
	STR_EQ(field(&r, 0, 1), "end", "field after it");
	INT_EQ(r.csv->rows[0].fields[1].pos.line, 1002, "its line");
	run_free(&r);
	buf_free(&b);
}

int
main(void)
{
	RUN(test_bom_semicolon);
	RUN(test_cp1250);
	RUN(test_cp1250_bad_byte);
	RUN(test_utf8_with_bad_bytes);
	RUN(test_utf16);
	RUN(test_separators);
	RUN(test_quotes_and_lines);
	RUN(test_line_ends);
	RUN(test_errors);
	RUN(test_big_field);
	return DONE();
}
