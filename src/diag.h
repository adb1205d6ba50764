/*
 * Diagnostics: every problem found in the input, reported as
 *	file:line:col: error|warning|note: message [code]
 * with 1-based lines and columns counted in characters. Messages are
 * collected during a run and printed sorted by file and position, followed by
 * a summary line. The exit status follows the worst level seen.
 *
 * The table of codes below is the single list of messages; README.md
 * documents each code for users. Keep the two in step.
 */
#ifndef MAPA_DIAG_H
#define MAPA_DIAG_H

#include <stdbool.h>
#include <stdio.h>

/* A position in an input file. line == 0 means the whole file. */
struct srcpos {
	const char	*file;	/* interned by diag_file(); NULL = no file */
	int		 line;	/* 1-based */
	int		 col;	/* 1-based, in characters */
};

enum diag_level {
	DIAG_NOTE,	/* information; never changes the exit status */
	DIAG_WARNING,	/* suspicious or repaired; the data are used */
	DIAG_ERROR,	/* the value or record was dropped */
	DIAG_FATAL	/* the run cannot go on (I/O, unusable file) */
};

/* X(enum name, level, code shown in brackets) */
#define DIAG_CODES(X)							\
	/* files and syntax */						\
	X(D_IO,			FATAL,	 "io")				\
	X(D_USAGE,		FATAL,	 "usage")			\
	X(D_FORMAT_UNKNOWN,	FATAL,	 "format-unknown")		\
	X(D_JSON_SYNTAX,	ERROR,	 "json-syntax")			\
	X(D_YAML_SYNTAX,	ERROR,	 "yaml-syntax")			\
	X(D_CSV_SYNTAX,		ERROR,	 "csv-syntax")			\
	X(D_BAD_UTF8,		ERROR,	 "bad-utf8")			\
	X(D_ENCODING,		NOTE,	 "encoding")			\
	X(D_TOO_DEEP,		ERROR,	 "too-deep")			\
	X(D_DUPLICATE_KEY,	ERROR,	 "duplicate-key")		\
	/* structure */							\
	X(D_UNKNOWN_KEY,	WARNING, "unknown-key")			\
	X(D_UNKNOWN_COLUMN,	WARNING, "unknown-column")		\
	X(D_WRONG_TYPE,		ERROR,	 "wrong-type")			\
	X(D_MISSING_FIELD,	ERROR,	 "missing-field")		\
	X(D_EMPTY_VALUE,	WARNING, "empty-value")			\
	X(D_BAD_VALUE,		ERROR,	 "bad-value")			\
	/* identifiers and contacts */					\
	X(D_ICO_FORMAT,		ERROR,	 "ico-format")			\
	X(D_ICO_CHECKSUM,	ERROR,	 "ico-checksum")		\
	X(D_IDENT_FORMAT,	ERROR,	 "ident-format")		\
	X(D_IDENT_DUPLICATE,	ERROR,	 "ident-duplicate")		\
	X(D_ID_DUPLICATE,	ERROR,	 "id-duplicate")		\
	X(D_PSC_FORMAT,		ERROR,	 "psc-format")			\
	X(D_PSC_REGION,		WARNING, "psc-region")			\
	X(D_PHONE_FORMAT,	ERROR,	 "phone-format")		\
	X(D_PHONE_REPAIRED,	WARNING, "phone-repaired")		\
	X(D_EMAIL_FORMAT,	ERROR,	 "email-format")		\
	X(D_WEB_FORMAT,		ERROR,	 "web-format")			\
	/* codebooks and service rules */				\
	X(D_UNKNOWN_CODE,	ERROR,	 "unknown-code")		\
	X(D_FORM_NOT_ALLOWED,	ERROR,	 "form-not-allowed")		\
	X(D_CAPACITY_UNIT,	ERROR,	 "capacity-unit")		\
	X(D_CAPACITY_VALUE,	ERROR,	 "capacity-value")		\
	X(D_UNIT_FORM,		WARNING, "unit-form")			\
	X(D_DATE_FORMAT,	ERROR,	 "date-format")			\
	X(D_DATE_RANGE,		ERROR,	 "date-range")			\
	X(D_HOURS_FORMAT,	ERROR,	 "hours-format")		\
	X(D_NUMBER_FORMAT,	ERROR,	 "number-format")		\
	X(D_FIGURES,		WARNING, "figures")			\
	/* references, merging, duplicates */				\
	X(D_UNKNOWN_REF,	ERROR,	 "unknown-ref")			\
	X(D_PROVIDER_CONFLICT,	WARNING, "provider-conflict")		\
	X(D_MERGE_CONFLICT,	WARNING, "merge-conflict")		\
	X(D_SERVICE_INACTIVE,	NOTE,	 "service-inactive")		\
	X(D_FILTERED,		NOTE,	 "filtered")			\
	X(D_EMPTY_CATALOGUE,	WARNING, "empty-catalogue")		\
	X(D_PRIVACY,		NOTE,	 "privacy")			\
	/* the edition file */						\
	X(D_EDITION,		ERROR,	 "edition")			\
	/* fonts and layouts */						\
	X(D_FONT_MISSING,	ERROR,	 "font-missing")		\
	X(D_GLYPH_MISSING,	ERROR,	 "glyph-missing")		\
	/* typesetting */						\
	X(D_TOO_LONG,		WARNING, "too-long")			\
	X(D_PAGINATION,		WARNING, "pagination")

enum diag_code {
#define DIAG_ENUM(name, level, str)	name,
	DIAG_CODES(DIAG_ENUM)
#undef DIAG_ENUM
	D__MAX
};

struct diag;

/*
 * Creates a diagnostics collector that prints to out when flushed. The
 * caller frees it with diag_free().
 */
struct diag	*diag_new(FILE *out);
void		 diag_free(struct diag *);

/*
 * Interns a file name and returns the copy that srcpos.file should point to.
 * Files are listed in the order they were first interned.
 */
const char	*diag_file(struct diag *, const char *name);

/* Reports one problem. pos may be NULL (no location: "mapa: ..."). */
void		 diag(struct diag *, enum diag_code, const struct srcpos *,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Like diag() but with an explicit level (to downgrade or upgrade a code). */
void		 diag_at_level(struct diag *, enum diag_code, enum diag_level,
		    const struct srcpos *, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));

/*
 * Prints the collected messages sorted by (file, line, column, arrival) and
 * forgets them; counters are kept. Called at the end of a run.
 */
void		 diag_flush(struct diag *);
/* Prints "mapa: N errors, M warnings" (or "no problems"). */
void		 diag_summary(struct diag *, FILE *);

int		 diag_count(const struct diag *, enum diag_level);
/* Number of messages with this code so far. */
int		 diag_count_code(const struct diag *, enum diag_code);
/*
 * Exit status: 0 = no errors (notes and warnings only, unless strict),
 * 1 = data errors (or warnings with strict), 3 = fatal.
 */
int		 diag_exit_status(const struct diag *, bool strict);

const char	*diag_code_name(enum diag_code);
enum diag_level	 diag_code_level(enum diag_code);

/*
 * Quotes a user value for a message: „value“, shortened to 60 characters,
 * control characters shown as \n etc. Returns a pointer into a small ring
 * of buffers inside the diag object: valid for the next 8 calls.
 */
const char	*dq(struct diag *, const char *value);

#endif
