/*
 * CSV reading as Czech offices export spreadsheets: the encoding is
 * recognised (UTF-8 with or without BOM, windows-1250 from Excel's "CSV" on
 * Czech Windows, UTF-16 from Excel's "Unicode text"), the separator is taken
 * from the header line (`;`, `,` or tab), and quoting follows RFC 4180 with
 * fields that may span lines. Every field keeps the position where it
 * starts in the decoded text (line, and column in characters), so that a
 * loader can point at a bad value.
 *
 * This module knows nothing about catalogues: it turns bytes into a header
 * and rows of text fields (load_csv.c maps them).
 */
#ifndef MAPA_CSV_H
#define MAPA_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum csv_encoding {
	CSV_UTF8,	/* no BOM, valid UTF-8 (plain ASCII too) */
	CSV_UTF8_BOM,	/* Excel "CSV UTF-8" */
	CSV_CP1250,	/* Excel "CSV" on Czech Windows */
	CSV_UTF16LE,	/* Excel "Unicode text" (BOM FF FE) */
	CSV_UTF16BE	/* BOM FE FF */
};

struct csv_field {
	const char	*text;	/* the value, UTF-8, NUL-terminated, never NULL */
	size_t		 len;	/* bytes in text */
	struct srcpos	 pos;	/* first character; the opening quote if quoted */
	bool		 quoted;
	/*
	 * An encoding or syntax error was reported inside this field; the
	 * text is what could be read, and a loader should drop the value.
	 */
	bool		 bad;
	bool		 padded;	/* missing in a short row: added empty */
	size_t		 raw;	/* offset of pos in the decoded text */
};

struct csv_row {
	struct csv_field *fields;	/* exactly as many as the header has */
	size_t		  n;
	int		  line;		/* physical line the row starts on */
	int		  number;	/* row number as a spreadsheet shows it
					   (the header is row 1) */
};

struct csv {
	enum csv_encoding enc;
	char		  sep;		/* ';', ',' or '\t' */
	struct csv_row	  header;
	struct csv_row	 *rows;		/* data rows; blank rows are left out */
	size_t		  nrows;
	/* private */
	struct arena	 *arena;
	char		 *text;		/* the decoded text */
	size_t		  textlen;
	const char	 *file;
};

/*
 * Reads a CSV document from buf (len bytes, any encoding above). file must
 * come from diag_file(). Problems are reported to d: bytes that are not
 * characters (D_BAD_UTF8), quoting errors (D_CSV_SYNTAX), rows with more
 * fields than the header (D_CSV_SYNTAX; the row is left out), and one
 * D_ENCODING note when the file was not UTF-8. Rows with fewer fields are
 * padded with empty ones; rows with only empty fields are skipped.
 *
 * Returns NULL (after reporting) when there is no header line at all, or
 * when iconv cannot convert from windows-1250 (D_IO); the caller frees the
 * result with csv_free().
 */
struct csv	*csv_read(const char *file, const char *buf, size_t len,
		    struct diag *d);
void		 csv_free(struct csv *);

/*
 * The position of byte off of field f's text in the file: used to point at
 * one item of a list inside a cell ("777 123 456" in "573 372 012 | 777 123
 * 456"). Offsets past the end give the position of the last character.
 */
struct srcpos	 csv_value_pos(const struct csv *, const struct csv_field *f,
		    size_t off);

/* "UTF-8", "windows-1250", ... for messages. */
const char	*csv_encoding_name(enum csv_encoding);

#endif
