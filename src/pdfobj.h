/*
 * A small reader and writer of PDF objects, for the finishing step of the
 * reader PDF (pdfpost.c): the file Cairo writes is read in place (mapped),
 * object by object, through its cross-reference table; each object is
 * parsed into values that keep their source text, edited, and written
 * back compactly. Nothing of the file is held beyond the object at hand
 * and the table of offsets.
 *
 * Only what Cairo 1.16 writes is read: a classic cross-reference table
 * (one or more subsections, no cross-reference streams, no object
 * streams, no encryption). Anything else is refused with a reason.
 */
#ifndef MAPA_PDFOBJ_H
#define MAPA_PDFOBJ_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "util.h"

enum pdf_vt {
	PV_NULL,
	PV_BOOL,
	PV_NUM,			/* an integer or a real */
	PV_NAME,
	PV_STRING,
	PV_ARRAY,
	PV_DICT,
	PV_REF
};

/*
 * A value. Atoms keep their source text (s, len: a name with its "/", a
 * string with its delimiters, a number as written); an integer also has
 * num, a reference its object number in num. An array holds n items in v;
 * a dictionary n pairs, the key (a PV_NAME) in v[2i], its value in
 * v[2i + 1].
 */
struct pdf_val {
	enum pdf_vt	 t;
	bool		 integer;	/* PV_NUM: written without a point */
	const char	*s;
	size_t		 len;
	long long	 num;
	struct pdf_val	*v;
	size_t		 n;
};

/* A file's objects: where each one starts ("N 0 obj"), 0 for free. */
struct pdf_file {
	const char	*data;
	size_t		 len;
	size_t		*off;
	size_t		 nobj;		/* the table's /Size */
	long long	 root;		/* the trailer's /Root, /Info (0: none) */
	long long	 info;
};

/*
 * Reads the cross-reference table and trailer of data (which must stay
 * until pdf_file_close). Returns false with a reason in *why (static
 * text) if the file is not one this reader handles.
 */
bool		 pdf_file_open(struct pdf_file *, const char *data, size_t len,
		    const char **why);
void		 pdf_file_close(struct pdf_file *);

/*
 * Parses object num into *val (allocated from a). If the object is a
 * stream, *stream points at its data and *slen is its length (its
 * /Length resolved, indirect or not); otherwise *stream is NULL. Returns
 * false (with *why) if the object is missing or malformed.
 */
bool		 pdf_object(const struct pdf_file *, long long num,
		    struct arena *a, struct pdf_val *val, const char **stream,
		    size_t *slen, const char **why);

/*
 * Parses one value from s[*pos] (white space and comments before it
 * skipped), nesting at most 64 deep; *pos moves past it. False if there is
 * no well-formed value there.
 */
bool		 pdf_parse(struct arena *, const char *s, size_t len,
		    size_t *pos, struct pdf_val *);

/* The value under key (without its "/") in a dictionary, or NULL. */
struct pdf_val	*pdf_dict_get(const struct pdf_val *dict, const char *key);
/* Whether v is the name key (without its "/"). */
bool		 pdf_is_name(const struct pdf_val *v, const char *name);
/*
 * Sets key in the dictionary to val (replacing it, or added at the end;
 * the dictionary's items are re-allocated from a when it grows).
 */
void		 pdf_dict_set(struct arena *, struct pdf_val *dict,
		    const char *key, struct pdf_val val);

/* Values made here; the text is copied into a. */
struct pdf_val	 pdf_name(struct arena *, const char *name);
struct pdf_val	 pdf_int(struct arena *, long long);
struct pdf_val	 pdf_bool(bool);
struct pdf_val	 pdf_ref(struct arena *, long long num);
/*
 * A text string from UTF-8: a literal string when the text is printable
 * ASCII, UTF-16BE with its byte order mark otherwise.
 */
struct pdf_val	 pdf_text(struct arena *, const char *utf8);
/* A byte string (a literal string, escaped as needed). */
struct pdf_val	 pdf_bytes(struct arena *, const char *s, size_t len);

/* The bytes of a string value (literal or hexadecimal) into b. */
void		 pdf_string_bytes(const struct pdf_val *, struct buf *b);
/*
 * A text string's characters as UTF-8 into b: UTF-16BE when it starts
 * with the byte order mark, PDFDocEncoding (taken as Latin-1) otherwise.
 */
void		 pdf_string_utf8(const struct pdf_val *, struct buf *b);

/* PDF's white space (NUL included) and delimiter bytes. */
bool		 pdf_is_ws(unsigned char);
bool		 pdf_is_delim(unsigned char);

/* Writes v compactly: a space only where two tokens would run together. */
void		 pdf_put(struct buf *, const struct pdf_val *);

#endif
