/*
 * The finishing step of the reader PDF (see pdfpost.h), done as a stream:
 * Cairo's file is mapped and read object by object through its
 * cross-reference table (pdfobj.c); everything is written once, in object
 * number order, to a new file.
 *
 * First everything that decides an edit is read: the structure tree,
 * walked depth first, which is the order in which pdf.c opened the
 * elements, so that the n-th Figure gets the n-th alternative text and the
 * n-th Link the n-th /Contents (the counts must match exactly: a mismatch
 * means the lists and the tree went out of step, and the file is refused
 * rather than mislabelled); the page tree; the document information. Only
 * a table of flags per object is kept from it.
 *
 * Then each object is written: page contents are decompressed, their
 * "/Private <<...>> BDC" sequences become "/Artifact BMC", and they are
 * compressed again if that changed anything; other streams are copied as
 * they are; every other object is parsed, edited, written compactly and
 * gathered into compressed object streams; a cross-reference stream with
 * an /ID from the MD5 of the file ends it.
 *
 * Memory: the input is mapped; what is held is the flags (6 bytes per
 * object), the cross-reference entries and one object stream. (The
 * earlier version used libqpdf, which held every object of the file: for
 * a 6 000-page brochure 1.4 GB and 18 s, against this one's 3 s and a few
 * megabytes.)
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <zlib.h>

#include "arena.h"
#include "outfile.h"
#include "pdfobj.h"
#include "pdfpost.h"
#include "progress.h"
#include "util.h"

/* ---- content streams --------------------------------------------------- */


enum tok {
	T_END,
	T_NAME,
	T_DICT,
	T_OTHER,		/* number, string, array, true/false/null */
	T_OP			/* an operator */
};

struct lexer {
	const unsigned char *s;
	size_t		 len;
	size_t		 i;
};

static void
skip_ws(struct lexer *lx)
{
	while (lx->i < lx->len) {
		if (pdf_is_ws(lx->s[lx->i]))
			lx->i++;
		else if (lx->s[lx->i] == '%') {
			while (lx->i < lx->len && lx->s[lx->i] != '\n' &&
			    lx->s[lx->i] != '\r')
				lx->i++;
		} else
			break;
	}
}

/* Skips a literal string "(...)" with nested parentheses and escapes. */
static void
skip_string(struct lexer *lx)
{
	int	 depth = 0;

	for (; lx->i < lx->len; lx->i++) {
		unsigned char c = lx->s[lx->i];

		if (c == '\\')
			lx->i++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0) {
			lx->i++;
			return;
		}
	}
}

static void
skip_regular(struct lexer *lx)
{
	while (lx->i < lx->len && !pdf_is_ws(lx->s[lx->i]) &&
	    !pdf_is_delim(lx->s[lx->i]))
		lx->i++;
}

/*
 * Reads one token from lx->i (after white space and comments): an object
 * (a dictionary or array whole, with what it holds) or an operator.
 */
static enum tok
next_token(struct lexer *lx, size_t *start)
{
	unsigned char	 c;
	size_t		 t;

	skip_ws(lx);
	*start = lx->i;
	if (lx->i >= lx->len)
		return T_END;
	c = lx->s[lx->i];
	switch (c) {
	case '(':
		skip_string(lx);
		return T_OTHER;
	case '/':
		lx->i++;
		skip_regular(lx);
		return T_NAME;
	case '<':
		if (lx->i + 1 < lx->len && lx->s[lx->i + 1] == '<') {
			lx->i += 2;
			for (;;) {
				skip_ws(lx);
				if (lx->i >= lx->len)
					return T_DICT;
				if (lx->s[lx->i] == '>' && lx->i + 1 < lx->len &&
				    lx->s[lx->i + 1] == '>') {
					lx->i += 2;
					return T_DICT;
				}
				if (next_token(lx, &t) == T_END)
					return T_DICT;
			}
		}
		while (lx->i < lx->len && lx->s[lx->i] != '>')
			lx->i++;
		if (lx->i < lx->len)
			lx->i++;
		return T_OTHER;
	case '[':
		lx->i++;
		for (;;) {
			skip_ws(lx);
			if (lx->i >= lx->len)
				return T_OTHER;
			if (lx->s[lx->i] == ']') {
				lx->i++;
				return T_OTHER;
			}
			if (next_token(lx, &t) == T_END)
				return T_OTHER;
		}
	case ')':
	case '>':
	case ']':
	case '{':
	case '}':
		lx->i++;	/* stray delimiter: not an operand */
		return T_OTHER;
	default:
		break;
	}
	skip_regular(lx);
	if (lx->i == *start) {
		lx->i++;
		return T_OTHER;
	}
	if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')
		return T_OTHER;
	t = lx->i - *start;
	if ((t == 4 && (memcmp(lx->s + *start, "true", 4) == 0 ||
	    memcmp(lx->s + *start, "null", 4) == 0)) ||
	    (t == 5 && memcmp(lx->s + *start, "false", 5) == 0))
		return T_OTHER;
	return T_OP;
}

static bool
tok_is(const struct lexer *lx, size_t start, const char *word)
{
	size_t	 n = strlen(word);

	return lx->i - start == n && memcmp(lx->s + start, word, n) == 0;
}

/*
 * Skips an inline image's data after its "ID": one white-space byte, then
 * up to "EI" standing between white space and white space (or the end).
 */
static void
skip_inline_image(struct lexer *lx)
{
	size_t	 j;

	if (lx->i < lx->len)
		lx->i++;
	for (j = lx->i; j + 1 < lx->len; j++)
		if (lx->s[j] == 'E' && lx->s[j + 1] == 'I' &&
		    (j == 0 || pdf_is_ws(lx->s[j - 1])) &&
		    (j + 2 == lx->len || pdf_is_ws(lx->s[j + 2]) ||
		    pdf_is_delim(lx->s[j + 2]))) {
			lx->i = j + 2;
			return;
		}
	lx->i = lx->len;
}

/* The integer after "/MCID" in a dictionary's text, or -1. */
static long
dict_mcid(const unsigned char *s, size_t len)
{
	size_t	 i, k;
	long	 v;

	for (i = 0; i + 5 <= len; i++) {
		if (memcmp(s + i, "/MCID", 5) != 0 ||
		    (i + 5 < len && !pdf_is_ws(s[i + 5]) &&
		    !pdf_is_delim(s[i + 5])))
			continue;
		for (k = i + 5; k < len && pdf_is_ws(s[k]); k++)
			;
		if (k >= len || !is_digit(s[k]))
			return -1;
		for (v = 0; k < len && is_digit(s[k]) && v < 100000000; k++)
			v = v * 10 + (s[k] - '0');
		return v;
	}
	return -1;
}

unsigned char *
pdfpost_artifacts(const unsigned char *data, size_t len, size_t *outlen,
    long **mcids, size_t *nmcids)
{
	struct lexer	 lx = { data, len, 0 };
	struct buf	 out = { 0 };
	size_t		 copied = 0, start, cap = 0;
	size_t		 ostart[2] = { 0, 0 }, oend[2] = { 0, 0 };
	enum tok	 okind[2] = { T_END, T_END };
	enum tok	 t;

	*mcids = NULL;
	*nmcids = 0;
	while ((t = next_token(&lx, &start)) != T_END) {
		if (t != T_OP) {
			/* Keep the last two operands. */
			ostart[0] = ostart[1];
			oend[0] = oend[1];
			okind[0] = okind[1];
			ostart[1] = start;
			oend[1] = lx.i;
			okind[1] = t;
			continue;
		}
		if (tok_is(&lx, start, "BI")) {
			size_t	 s2;
			enum tok t2;

			while ((t2 = next_token(&lx, &s2)) != T_END &&
			    !(t2 == T_OP && tok_is(&lx, s2, "ID")))
				;
			if (t2 != T_END)
				skip_inline_image(&lx);
		} else if (tok_is(&lx, start, "BDC") && okind[0] == T_NAME &&
		    oend[0] - ostart[0] == 8 &&
		    memcmp(data + ostart[0], "/Private", 8) == 0) {
			buf_put(&out, data + copied, ostart[0] - copied);
			buf_puts(&out, "/Artifact BMC");
			copied = lx.i;
			if (*nmcids == cap)
				grow(mcids, &cap, *nmcids + 1, sizeof **mcids);
			(*mcids)[(*nmcids)++] = okind[1] == T_DICT ?
			    dict_mcid(data + ostart[1], oend[1] - ostart[1]) :
			    -1;
		}
		okind[0] = okind[1] = T_END;
	}
	buf_put(&out, data + copied, len - copied);
	*outlen = out.len;
	if (out.data == NULL)
		return xcalloc(1, 1);
	return (unsigned char *)buf_steal(&out);
}

/* ---- document information and XMP -------------------------------------- */

/*
 * Parses a PDF date ("D:20260901000000Z", cairo's "20260901000000Z",
 * "+01'00'" offsets, fields after the year optional) into its standard
 * form pdf[24] ("D:YYYYMMDDHHmmSS" + "Z" or "+HH'mm'") and the XMP form
 * iso[32] ("YYYY-MM-DDTHH:mm:SS" + "Z" or "+HH:mm"). False if it is not
 * a date.
 */
static bool
parse_date(const char *s, char pdf[32], char iso[32])
{
	int	 v[6] = { 0, 1, 1, 0, 0, 0 }, width[6] = { 4, 2, 2, 2, 2, 2 };
	int	 i, k, oh = 0, om = 0;
	char	 sign = 'Z';

	if (strncmp(s, "D:", 2) == 0)
		s += 2;
	for (i = 0; i < 6; i++) {
		if (!is_digit((unsigned char)s[0])) {
			if (i == 0)
				return false;
			break;
		}
		for (k = 0, v[i] = 0; k < width[i]; k++, s++) {
			if (!is_digit((unsigned char)*s))
				return false;
			v[i] = v[i] * 10 + (*s - '0');
		}
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 ||
	    v[4] > 59 || v[5] > 60)
		return false;
	if (*s == '+' || *s == '-') {
		sign = *s++;
		if (!is_digit((unsigned char)s[0]) ||
		    !is_digit((unsigned char)s[1]))
			return false;
		oh = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
		if (*s == '\'')
			s++;
		if (is_digit((unsigned char)s[0]) &&
		    is_digit((unsigned char)s[1]))
			om = (s[0] - '0') * 10 + (s[1] - '0');
		if (oh > 23 || om > 59)
			return false;
		if (oh == 0 && om == 0)
			sign = 'Z';
	}
	/* (The remainders tell the compiler how wide each field is.) */
	snprintf(pdf, 32, "D:%04u%02u%02u%02u%02u%02u",
	    (unsigned)v[0] % 10000, (unsigned)v[1] % 100,
	    (unsigned)v[2] % 100, (unsigned)v[3] % 100,
	    (unsigned)v[4] % 100, (unsigned)v[5] % 100);
	snprintf(iso, 32, "%04u-%02u-%02uT%02u:%02u:%02u",
	    (unsigned)v[0] % 10000, (unsigned)v[1] % 100,
	    (unsigned)v[2] % 100, (unsigned)v[3] % 100,
	    (unsigned)v[4] % 100, (unsigned)v[5] % 100);
	if (sign == 'Z') {
		strcat(pdf, "Z");
		strcat(iso, "Z");
	} else {
		snprintf(pdf + 16, 16, "%c%02u'%02u'", sign,
		    (unsigned)oh % 100, (unsigned)om % 100);
		snprintf(iso + 19, 13, "%c%02u:%02u", sign,
		    (unsigned)oh % 100, (unsigned)om % 100);
	}
	return true;
}

static void
xml_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			/* Controls are not allowed in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' ||
			    *s == '\n')
				buf_putc(b, *s);
			break;
		}
}

static void
xmp_simple(struct buf *b, const char *tag, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return;
	buf_printf(b, "   <%s>", tag);
	xml_escape(b, v);
	buf_printf(b, "</%s>\n", tag);
}

/* A language alternative (dc:title, dc:description). */
static void
xmp_alt(struct buf *b, const char *tag, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return;
	buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    tag);
	xml_escape(b, v);
	buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

/* ---- the document ------------------------------------------------------ */

/*
 * zlib's level for the page contents compressed again here: most pages
 * carry decoration, so most of them are. Level 3 takes half the default
 * level's time for 11 % more bytes in the whole file (measured: the
 * sample 730 against 656 KB, 1 280 pages 9.2 against 8.2 MB).
 */
#define CONTENT_LEVEL	3
/* Objects per object stream. */
#define OBJSTM_SIZE	100
/* The deepest structure tree walked (pdf.c's is five levels deep). */
#define MAX_TREE	100

/* What is done to an object when it is written (struct post.flags). */
enum {
	O_DROP = 1 << 0,	/* not written: a Private element, a length */
	O_SEEN = 1 << 1,	/* reached in the structure walk */
	O_ELEM = 1 << 2,	/* structure: /K loses the kids dropped */
	O_FIGURE = 1 << 3,	/* /Alt: the aux-th text, or "obrázek" */
	O_LINKANNOT = 1 << 4,	/* a Link's annotation: /Contents, the
				   aux-th link text or its URI */
	O_ANNOT = 1 << 5,	/* a page's annotation: a link without
				   /Contents gets its URI */
	O_PAGE = 1 << 6,	/* /Tabs /S */
	O_CONTENT = 1 << 7,	/* a page's content: decoration becomes
				   artifacts */
	O_CATALOG = 1 << 8,
	O_INFO = 1 << 9
};

/* A cross-reference entry of the file written. */
struct xent {
	uint8_t		 type;		/* 0 free, 1 at offset, 2 in a stream */
	uint64_t	 f2;		/* offset, or the object stream */
	uint32_t	 f3;		/* the index in the object stream */
};

struct post {
	struct diag	*d;
	const char	*path;		/* for messages */
	const struct pdfpost_opts *o;
	bool		 failed;
	struct pdf_file	 f;
	uint16_t	*flags;		/* per object of f */
	int32_t		*aux;		/* per object of f: its text */
	struct arena	*level[MAX_TREE + 2];	/* one per depth of the walk */
	size_t		 nfigure, nlink, nprivate;
	size_t		 private_mcids;	/* what the Private elements mark */
	size_t		 artifacts;	/* sequences the pages turned over */
	size_t		 npages;
	bool		 mapped;	/* f.data is a mapping of the input */
	size_t		 parsed;	/* objects read since the last release */
	/* The information dictionary, for XMP and its dates. */
	char		*title, *author, *subject, *keywords, *creator;
	char		*producer;
	char		 created[32], modified[32];	/* "" if none */
	char		 created_iso[32], modified_iso[32];
	/* The file written. */
	FILE		*out;
	GChecksum	*md5;		/* of what is written, for the /ID */
	bool		 summed;	/* md5 read: the rest is not in it */
	uint64_t	 pos;
	bool		 werr;
	struct xent	*x;		/* per object written */
	size_t		 nx, capx;
	long long	 meta;		/* the new XMP stream's number */
	struct buf	 hdr, body;	/* the object stream being filled */
	long long	 batch[OBJSTM_SIZE];	/* its objects */
	size_t		 nbatch;
	struct buf	 tmp;		/* one object's text */
	struct contents	*cs;		/* the page contents (put_content) */
};

static void
fail(struct post *p, const char *what)
{
	if (!p->failed)
		diag(p->d, D_IO, NULL, "cannot finish the accessible PDF %s: "
		    "%s", p->path, what);
	p->failed = true;
}

static bool
is_obj(const struct post *p, long long num)
{
	return num > 0 && (size_t)num < p->f.nobj;
}

/*
 * Every RELEASE_EVERY objects read, the pages of the mapped input are
 * given back: they stay in the page cache and come back when touched
 * again, but they no longer count in the process's memory (the input of
 * a 6 000-page brochure was 110 MB when this was measured).
 */
#define RELEASE_EVERY	2000

static void
release_input(struct post *p)
{
	if (++p->parsed < RELEASE_EVERY)
		return;
	p->parsed = 0;
	if (p->mapped)
		madvise((void *)(uintptr_t)p->f.data, p->f.len,
		    MADV_DONTNEED);
}

/* Object num parsed into *v from the arena of depth level. */
static bool
get_obj(struct post *p, long long num, int level, struct pdf_val *v)
{
	const char	*data, *why;
	size_t		 len;

	if (p->level[level] == NULL)
		p->level[level] = arena_new();
	arena_reset(p->level[level]);
	release_input(p);
	if (!pdf_object(&p->f, num, p->level[level], v, &data, &len, &why)) {
		fail(p, why);
		return false;
	}
	return true;
}

/* ---- reading: the structure tree, the pages, the information ----------- */

/* The alternative text of the next Figure: its index, or -1 (default). */
static int32_t
next_alt(struct post *p)
{
	const struct pdf_tags *t = p->o->tags;
	size_t	 i = p->nfigure++;

	if (t == NULL)
		return -1;
	if (i >= t->nalt) {
		fail(p, "its structure has more figures than were drawn");
		return -1;
	}
	return (int32_t)i;
}

/* The next Link's text: its index, or -1 (the annotation's URI). */
static int32_t
next_link(struct post *p)
{
	const struct pdf_tags *t = p->o->tags;
	size_t	 i = p->nlink++;

	if (t == NULL)
		return -1;
	if (i >= t->nlink) {
		fail(p, "its structure has more links than were drawn");
		return -1;
	}
	return (int32_t)i;
}

/*
 * A Private element: dropped, with its marked content counted; it must
 * hold no structure of its own.
 */
static void
walk_private(struct post *p, long long num, const struct pdf_val *k)
{
	size_t	 i, n = k == NULL ? 0 : k->t == PV_ARRAY ? k->n : 1;

	p->flags[num] |= O_DROP;
	p->nprivate++;
	for (i = 0; i < n; i++) {
		const struct pdf_val *kid = k->t == PV_ARRAY ? &k->v[i] : k;

		if ((kid->t == PV_NUM && kid->integer) ||
		    (kid->t == PV_DICT &&
		    pdf_is_name(pdf_dict_get(kid, "Type"), "MCR")))
			p->private_mcids++;
		else if (kid->t == PV_REF)
			fail(p, "a decoration holds structure elements");
	}
}

static void	walk(struct post *, long long, int);

/* The kids of an element (or of the root): elements are walked. */
static void
walk_kids(struct post *p, const struct pdf_val *k, int depth)
{
	size_t	 i, n = k == NULL ? 0 : k->t == PV_ARRAY ? k->n : 1;

	for (i = 0; i < n && !p->failed; i++) {
		const struct pdf_val *kid = k->t == PV_ARRAY ? &k->v[i] : k;

		if (kid->t == PV_REF)
			walk(p, kid->num, depth + 1);
	}
}

/*
 * Structure element num, depth first (the order pdf.c opened the
 * elements in): Private elements are dropped, Figures get their texts,
 * Links give theirs to their annotations (their OBJR kids).
 */
static void
walk(struct post *p, long long num, int depth)
{
	struct pdf_val	 e, *s, *k;
	size_t		 i, n;
	int32_t		 t;

	if (depth > MAX_TREE) {
		fail(p, "its structure tree is too deep");
		return;
	}
	if (!is_obj(p, num) || (p->flags[num] & O_SEEN)) {
		fail(p, "its structure tree refers to an element twice or "
		    "to one that is missing");
		return;
	}
	p->flags[num] |= O_SEEN | O_ELEM;
	if (!get_obj(p, num, depth, &e))
		return;
	if (e.t != PV_DICT || (s = pdf_dict_get(&e, "S")) == NULL) {
		fail(p, "its structure tree holds something that is not an "
		    "element");
		return;
	}
	k = pdf_dict_get(&e, "K");
	if (pdf_is_name(s, "Private")) {
		walk_private(p, num, k);
		return;
	}
	if (pdf_is_name(s, "Figure")) {
		p->flags[num] |= O_FIGURE;
		p->aux[num] = next_alt(p);
	} else if (pdf_is_name(s, "Link")) {
		t = next_link(p);
		n = k == NULL ? 0 : k->t == PV_ARRAY ? k->n : 1;
		for (i = 0; i < n; i++) {
			const struct pdf_val *kid = k->t == PV_ARRAY ?
			    &k->v[i] : k, *obj;

			if (kid->t == PV_DICT &&
			    pdf_is_name(pdf_dict_get(kid, "Type"), "OBJR") &&
			    (obj = pdf_dict_get(kid, "Obj")) != NULL &&
			    obj->t == PV_REF && is_obj(p, obj->num)) {
				p->flags[obj->num] |= O_LINKANNOT;
				p->aux[obj->num] = t;
			}
		}
	}
	walk_kids(p, k, depth);
}

/* The pages of the page tree node num: /Tabs, contents, annotations. */
static void
walk_pages(struct post *p, long long num, int depth)
{
	struct pdf_val	 v, *k, *c, *an;
	size_t		 i;

	if (depth > MAX_TREE || !is_obj(p, num) ||
	    (p->flags[num] & (O_PAGE | O_SEEN))) {
		fail(p, "its page tree is damaged");
		return;
	}
	if (!get_obj(p, num, depth, &v))
		return;
	if (pdf_is_name(pdf_dict_get(&v, "Type"), "Pages")) {
		p->flags[num] |= O_SEEN;
		if ((k = pdf_dict_get(&v, "Kids")) == NULL ||
		    k->t != PV_ARRAY) {
			fail(p, "its page tree is damaged");
			return;
		}
		for (i = 0; i < k->n && !p->failed; i++)
			if (k->v[i].t == PV_REF)
				walk_pages(p, k->v[i].num, depth + 1);
		return;
	}
	if (!pdf_is_name(pdf_dict_get(&v, "Type"), "Page")) {
		fail(p, "its page tree is damaged");
		return;
	}
	p->flags[num] |= O_PAGE;
	p->npages++;
	if ((c = pdf_dict_get(&v, "Contents")) != NULL) {
		size_t	 n = c->t == PV_ARRAY ? c->n : 1;

		for (i = 0; i < n; i++) {
			const struct pdf_val *s = c->t == PV_ARRAY ?
			    &c->v[i] : c;

			if (s->t == PV_REF && is_obj(p, s->num))
				p->flags[s->num] |= O_CONTENT;
			else
				fail(p, "a page's content is not a stream");
		}
	}
	if ((an = pdf_dict_get(&v, "Annots")) != NULL && an->t == PV_ARRAY)
		for (i = 0; i < an->n; i++)
			if (an->v[i].t == PV_REF && is_obj(p, an->v[i].num))
				p->flags[an->v[i].num] |= O_ANNOT;
}

/* A text of the information dictionary as UTF-8 (malloc'd), or NULL. */
static char *
info_text(const struct pdf_val *info, const char *key)
{
	const struct pdf_val *v = pdf_dict_get(info, key);
	struct buf	 b = { 0 };

	if (v == NULL || v->t != PV_STRING)
		return NULL;
	pdf_string_utf8(v, &b);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* The information's date under key in both forms, or "". */
static void
info_date(const struct pdf_val *info, const char *key, char pdf[32],
    char iso[32])
{
	char	*s = info_text(info, key);

	if (s == NULL || !parse_date(s, pdf, iso))
		pdf[0] = iso[0] = '\0';
	free(s);
}

static void
read_info(struct post *p)
{
	struct pdf_val	 info;

	if (p->f.info == 0) {
		p->created[0] = p->modified[0] = '\0';
		return;
	}
	if (!get_obj(p, p->f.info, 0, &info))
		return;
	if (info.t != PV_DICT) {
		fail(p, "its document information is damaged");
		return;
	}
	p->flags[p->f.info] |= O_INFO;
	p->title = info_text(&info, "Title");
	p->author = info_text(&info, "Author");
	p->subject = info_text(&info, "Subject");
	p->keywords = info_text(&info, "Keywords");
	p->creator = info_text(&info, "Creator");
	p->producer = info_text(&info, "Producer");
	info_date(&info, "CreationDate", p->created, p->created_iso);
	info_date(&info, "ModDate", p->modified, p->modified_iso);
}

/* Everything read before a byte is written. */
static void
read_document(struct post *p)
{
	const struct pdf_tags *t = p->o->tags;
	struct pdf_val	 root, str, *v;
	long long	 pages;
	char		 msg[200];

	if (!get_obj(p, p->f.root, 0, &root))
		return;
	if (root.t != PV_DICT ||
	    !pdf_is_name(pdf_dict_get(&root, "Type"), "Catalog") ||
	    (v = pdf_dict_get(&root, "Pages")) == NULL || v->t != PV_REF) {
		fail(p, "its document catalog is damaged");
		return;
	}
	p->flags[p->f.root] |= O_CATALOG;
	pages = v->num;
	if ((v = pdf_dict_get(&root, "StructTreeRoot")) == NULL ||
	    v->t != PV_REF || !is_obj(p, v->num)) {
		fail(p, "it has no structure tree");
		return;
	}
	p->flags[v->num] |= O_ELEM | O_SEEN;
	if (!get_obj(p, v->num, 0, &str) || str.t != PV_DICT) {
		fail(p, "its structure tree is damaged");
		return;
	}
	walk_kids(p, pdf_dict_get(&str, "K"), 0);
	if (p->failed)
		return;
	walk_pages(p, pages, 0);
	if (p->failed)
		return;
	read_info(p);
	/*
	 * (Fewer decorations than drawn is no harm: cairo may leave out an
	 * element that holds nothing.)
	 */
	if (t != NULL && (p->nfigure != t->nalt || p->nlink != t->nlink ||
	    p->nprivate > t->artifacts)) {
		snprintf(msg, sizeof msg, "its structure has %zu figures, %zu "
		    "links and %zu decorations, but %zu, %zu and %zu were "
		    "drawn", p->nfigure, p->nlink, p->nprivate, t->nalt,
		    t->nlink, t->artifacts);
		fail(p, msg);
	}
}

/* ---- writing ------------------------------------------------------------ */

static void
out_put(struct post *p, const void *s, size_t n)
{
	if (n == 0)
		return;
	if (fwrite(s, 1, n, p->out) != n)
		p->werr = true;
	if (!p->summed)
		g_checksum_update(p->md5, s, (gssize)n);
	p->pos += n;
}

static void
out_puts(struct post *p, const char *s)
{
	out_put(p, s, strlen(s));
}

/* The cross-reference entry of object num (the table grows to it). */
static struct xent *
xent(struct post *p, long long num)
{
	if ((size_t)num >= p->nx) {
		if ((size_t)num >= p->capx)
			grow(&p->x, &p->capx, (size_t)num + 1, sizeof *p->x);
		memset(p->x + p->nx, 0, ((size_t)num + 1 - p->nx) *
		    sizeof *p->x);
		p->nx = (size_t)num + 1;
	}
	return &p->x[num];
}

/* A new object's number. */
static long long
new_obj(struct post *p)
{
	long long	 num = (long long)p->nx;

	xent(p, num);
	return num;
}

/* Writes "num 0 obj dict stream data endstream endobj" at the end. */
static void
put_stream(struct post *p, long long num, struct pdf_val *dict,
    const void *data, size_t len, struct arena *a)
{
	struct xent	*x = xent(p, num);
	char		 head[48];

	x->type = 1;
	x->f2 = p->pos;
	pdf_dict_set(a, dict, "Length", pdf_int(a, (long long)len));
	buf_reset(&p->tmp);
	pdf_put(&p->tmp, dict);
	snprintf(head, sizeof head, "%lld 0 obj\n", num);
	out_puts(p, head);
	out_put(p, p->tmp.data, p->tmp.len);
	out_puts(p, "\nstream\n");
	out_put(p, data, len);
	out_puts(p, "\nendstream\nendobj\n");
}

/* Compresses data at level into *z (malloc'd); false if zlib fails. */
static bool
deflate_data(const void *data, size_t len, int level, Bytef **z,
    uLongf *zlen)
{
	*zlen = compressBound((uLong)len);
	*z = xmalloc(*zlen);
	if (compress2(*z, zlen, data, (uLong)len, level) != Z_OK) {
		free(*z);
		*z = NULL;
		return false;
	}
	return true;
}

/* Writes the object stream being filled. */
static void
flush_batch(struct post *p)
{
	struct arena	*a;
	struct pdf_val	 d = { PV_DICT, false, NULL, 0, 0, NULL, 0 };
	long long	 num;
	Bytef		*z;
	uLongf		 zlen;
	size_t		 first = p->hdr.len;

	if (p->nbatch == 0)
		return;
	num = new_obj(p);
	for (size_t i = 0; i < p->nbatch; i++) {
		p->x[p->batch[i]].type = 2;
		p->x[p->batch[i]].f2 = (uint64_t)num;
		p->x[p->batch[i]].f3 = (uint32_t)i;
	}
	buf_put(&p->hdr, p->body.data, p->body.len);
	a = arena_new();
	pdf_dict_set(a, &d, "Type", pdf_name(a, "ObjStm"));
	pdf_dict_set(a, &d, "N", pdf_int(a, (long long)p->nbatch));
	pdf_dict_set(a, &d, "First", pdf_int(a, (long long)first));
	if (deflate_data(p->hdr.data, p->hdr.len, Z_DEFAULT_COMPRESSION, &z,
	    &zlen)) {
		pdf_dict_set(a, &d, "Filter", pdf_name(a, "FlateDecode"));
		put_stream(p, num, &d, z, zlen, a);
		free(z);
	} else
		put_stream(p, num, &d, p->hdr.data, p->hdr.len, a);
	arena_free(a);
	buf_reset(&p->hdr);
	buf_reset(&p->body);
	p->nbatch = 0;
}

/*
 * Drops the references to objects not written: from the /K of a
 * structure element (is_k) they are removed, anywhere else they become
 * null (the parent tree's entries of decoration).
 */
static void
prune(struct post *p, struct pdf_val *v, bool is_k)
{
	size_t	 i, w;

	if (v->t == PV_ARRAY) {
		for (i = w = 0; i < v->n; i++) {
			struct pdf_val *it = &v->v[i];

			if (it->t == PV_REF && is_obj(p, it->num) &&
			    (p->flags[it->num] & O_DROP)) {
				if (is_k)
					continue;
				memset(it, 0, sizeof *it);
				it->t = PV_NULL;
			} else
				prune(p, it, false);
			v->v[w++] = *it;
		}
		v->n = w;
	} else if (v->t == PV_DICT)
		for (i = 0; i < v->n; i += 2)
			prune(p, &v->v[i + 1], false);
}

/* A Link annotation's /Contents when pdf.c gave none: its URI. */
static struct pdf_val
annot_text(struct arena *a, struct pdf_val *annot)
{
	struct pdf_val	*uri = pdf_dict_get(pdf_dict_get(annot, "A"), "URI");

	if (uri != NULL && uri->t == PV_STRING)
		return *uri;
	return pdf_text(a, "odkaz v dokumentu");
}

/* The edits of object num (a dictionary or array) before it is written. */
static void
edit(struct post *p, long long num, struct pdf_val *v, struct arena *a)
{
	const struct pdf_tags *t = p->o->tags;
	unsigned	 fl = p->flags[num];
	struct pdf_val	 d = { PV_DICT, false, NULL, 0, 0, NULL, 0 }, *k;
	int32_t		 aux = p->aux[num];

	if ((fl & O_ELEM) && (k = pdf_dict_get(v, "K")) != NULL) {
		if (k->t == PV_REF && is_obj(p, k->num) &&
		    (p->flags[k->num] & O_DROP)) {
			memset(k, 0, sizeof *k);
			k->t = PV_ARRAY;
		}
		prune(p, k, true);
	}
	prune(p, v, false);
	if (v->t != PV_DICT)
		return;
	if (fl & O_FIGURE)
		pdf_dict_set(a, v, "Alt", pdf_text(a, aux >= 0 ?
		    t->alt[aux] : "obrázek"));
	if (fl & O_LINKANNOT)
		pdf_dict_set(a, v, "Contents", aux >= 0 ?
		    pdf_text(a, t->link[aux]) : annot_text(a, v));
	else if ((fl & O_ANNOT) &&
	    pdf_is_name(pdf_dict_get(v, "Subtype"), "Link") &&
	    pdf_dict_get(v, "Contents") == NULL)
		pdf_dict_set(a, v, "Contents", annot_text(a, v));
	if (fl & O_PAGE)
		pdf_dict_set(a, v, "Tabs", pdf_name(a, "S"));
	if (fl & O_INFO) {
		if (p->created[0] != '\0')
			pdf_dict_set(a, v, "CreationDate", pdf_bytes(a,
			    p->created, strlen(p->created)));
		if (p->modified[0] != '\0')
			pdf_dict_set(a, v, "ModDate", pdf_bytes(a,
			    p->modified, strlen(p->modified)));
	}
	if (fl & O_CATALOG) {
		if (p->o->lang != NULL && p->o->lang[0] != '\0')
			pdf_dict_set(a, v, "Lang", pdf_text(a, p->o->lang));
		if ((k = pdf_dict_get(v, "ViewerPreferences")) != NULL &&
		    k->t == PV_DICT)
			pdf_dict_set(a, k, "DisplayDocTitle", pdf_bool(true));
		else {
			pdf_dict_set(a, &d, "DisplayDocTitle", pdf_bool(true));
			pdf_dict_set(a, v, "ViewerPreferences", d);
		}
		d.n = 0;
		pdf_dict_set(a, &d, "Marked", pdf_bool(true));
		pdf_dict_set(a, v, "MarkInfo", d);
		pdf_dict_set(a, v, "Metadata", pdf_ref(a, p->meta));
	}
}

/* Inflates data into b; false if it is not a whole zlib stream. */
static bool
inflate_data(const char *data, size_t len, struct buf *b)
{
	z_stream	 z;
	int		 rc;

	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return false;
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	buf_reset(b);
	do {
		buf_reserve(b, 65536);
		z.next_out = (Bytef *)b->data + b->len;
		z.avail_out = (uInt)(b->cap - b->len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		b->len = b->cap - 1 - z.avail_out;
	} while (rc == Z_OK);
	inflateEnd(&z);
	return rc == Z_STREAM_END;
}

/*
 * A page's content stream, worked out apart from the writing (so that it
 * can be done on the other core): decoration marked "/Private <<...>> BDC"
 * becomes "/Artifact BMC", compressed again only when something changed.
 */
struct content {
	long long	 num;		/* the stream object */
	Bytef		*z;		/* the new data (NULL: unchanged) */
	uLongf		 zlen;
	size_t		 artifacts;	/* sequences turned over */
	const char	*why;		/* NULL, or what went wrong */
	bool		 done;
};

static void
content_work(const struct pdf_file *f, struct arena *a, struct content *c)
{
	struct pdf_val	 dict, *filter;
	struct buf	 plain = { 0 };
	const char	*data;
	unsigned char	*out;
	size_t		 len, outlen;
	long		*mcids;

	c->z = NULL;
	c->artifacts = 0;
	c->why = NULL;
	arena_reset(a);
	if (!pdf_object(f, c->num, a, &dict, &data, &len, &c->why))
		return;
	filter = pdf_dict_get(&dict, "Filter");
	if (data == NULL) {
		c->why = "a page's content is not a stream";
		return;
	}
	if (pdf_dict_get(&dict, "DecodeParms") != NULL || (filter != NULL &&
	    !pdf_is_name(filter, "FlateDecode"))) {
		c->why = "a page's content is compressed in an unexpected way";
		return;
	}
	if (filter == NULL)
		buf_put(&plain, data, len);
	else if (!inflate_data(data, len, &plain)) {
		c->why = "a page's content cannot be decompressed";
		buf_free(&plain);
		return;
	}
	out = pdfpost_artifacts((const unsigned char *)plain.data, plain.len,
	    &outlen, &mcids, &c->artifacts);
	buf_free(&plain);
	free(mcids);
	if (c->artifacts > 0 && !deflate_data(out, outlen, CONTENT_LEVEL,
	    &c->z, &c->zlen))
		c->why = "a page's content cannot be compressed";
	free(out);
}

/*
 * The page contents, in object number order, worked out by a second
 * thread at most CONTENT_AHEAD of the writer (which takes them in the
 * same order): the two cores share the finishing.
 */
#define CONTENT_AHEAD	32

struct contents {
	const struct pdf_file *f;
	long long	*nums;		/* the content streams, ascending */
	size_t		 n;
	struct content	 ring[CONTENT_AHEAD];
	size_t		 next;		/* the next one the writer takes */
	bool		 stop;		/* the writer gave up */
	bool		 threaded;
	struct arena	*a;		/* for the work without the thread */
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 ready, room;
};

static void *
contents_thread(void *arg)
{
	struct contents	*cs = arg;
	struct arena	*a = arena_new();
	size_t		 i;

	for (i = 0; i < cs->n; i++) {
		struct content *c = &cs->ring[i % CONTENT_AHEAD];

		bool		 stop;

		pthread_mutex_lock(&cs->mu);
		while (!cs->stop && i >= cs->next + CONTENT_AHEAD)
			pthread_cond_wait(&cs->room, &cs->mu);
		stop = cs->stop;
		pthread_mutex_unlock(&cs->mu);
		if (stop)
			break;
		c->num = cs->nums[i];
		content_work(cs->f, a, c);
		pthread_mutex_lock(&cs->mu);
		c->done = true;
		pthread_cond_signal(&cs->ready);
		pthread_mutex_unlock(&cs->mu);
	}
	arena_free(a);
	return NULL;
}

/* Lists the content streams and starts the thread that works them out. */
static void
contents_start(struct post *p, struct contents *cs)
{
	size_t	 i;

	memset(cs, 0, sizeof *cs);
	cs->f = &p->f;
	cs->a = arena_new();
	for (i = 1; i < p->f.nobj; i++)
		if (p->flags[i] & O_CONTENT)
			cs->n++;
	cs->nums = xcalloc(cs->n + 1, sizeof *cs->nums);
	for (i = 1, cs->n = 0; i < p->f.nobj; i++)
		if (p->flags[i] & O_CONTENT)
			cs->nums[cs->n++] = (long long)i;
	pthread_mutex_init(&cs->mu, NULL);
	pthread_cond_init(&cs->ready, NULL);
	pthread_cond_init(&cs->room, NULL);
	cs->threaded = pthread_create(&cs->thread, NULL, contents_thread,
	    cs) == 0;
}

/* The next content stream (object num), once worked out; NULL if not. */
static struct content *
contents_take(struct contents *cs, long long num)
{
	struct content	*c;

	if (cs->next >= cs->n || cs->nums[cs->next] != num)
		return NULL;
	c = &cs->ring[cs->next % CONTENT_AHEAD];
	if (!cs->threaded) {
		c->num = num;
		content_work(cs->f, cs->a, c);
		return c;
	}
	pthread_mutex_lock(&cs->mu);
	while (!c->done)
		pthread_cond_wait(&cs->ready, &cs->mu);
	pthread_mutex_unlock(&cs->mu);
	return c;
}

/* Frees what contents_take returned and makes room for another. */
static void
contents_done(struct contents *cs, struct content *c)
{
	free(c->z);
	c->z = NULL;
	pthread_mutex_lock(&cs->mu);
	c->done = false;
	cs->next++;
	pthread_cond_signal(&cs->room);
	pthread_mutex_unlock(&cs->mu);
}

/* Stops the thread (whether or not everything was taken); frees cs. */
static void
contents_stop(struct contents *cs)
{
	size_t	 i;

	if (cs->threaded) {
		pthread_mutex_lock(&cs->mu);
		cs->stop = true;
		pthread_cond_signal(&cs->room);
		pthread_mutex_unlock(&cs->mu);
		pthread_join(cs->thread, NULL);
	}
	for (i = 0; i < CONTENT_AHEAD; i++)
		free(cs->ring[i].z);
	pthread_mutex_destroy(&cs->mu);
	pthread_cond_destroy(&cs->ready);
	pthread_cond_destroy(&cs->room);
	arena_free(cs->a);
	free(cs->nums);
}

/* Writes the content stream num with what the other thread made of it. */
static void
put_content(struct post *p, long long num, struct pdf_val *dict,
    const char *data, size_t len, struct arena *a)
{
	struct content	*c = contents_take(p->cs, num);

	if (c == NULL) {
		fail(p, "its page contents cannot be matched");
		return;
	}
	if (c->why != NULL)
		fail(p, c->why);
	else if (c->z == NULL)
		put_stream(p, num, dict, data, len, a);
	else {
		pdf_dict_set(a, dict, "Filter", pdf_name(a, "FlateDecode"));
		put_stream(p, num, dict, c->z, c->zlen, a);
	}
	p->artifacts += c->artifacts;
	contents_done(p->cs, c);
}

/* Object num of the file read, edited, written (or dropped). */
static void
put_object(struct post *p, long long num, struct arena *a)
{
	struct pdf_val	 v, *len;
	const char	*data, *why;
	size_t		 dlen;
	char		 head[48];

	if (p->f.off[num] == 0 || (p->flags[num] & O_DROP))
		return;
	release_input(p);
	if (!pdf_object(&p->f, num, a, &v, &data, &dlen, &why)) {
		fail(p, why);
		return;
	}
	if (data == NULL && (p->flags[num] & O_CONTENT)) {
		fail(p, "a page's content is not a stream");
		return;
	}
	if (data != NULL) {
		/* Its length is written in place: drop the one holding it. */
		if ((len = pdf_dict_get(&v, "Length")) != NULL &&
		    len->t == PV_REF && len->num > num && is_obj(p, len->num))
			p->flags[len->num] |= O_DROP;
		if (p->flags[num] & O_CONTENT)
			put_content(p, num, &v, data, dlen, a);
		else
			put_stream(p, num, &v, data, dlen, a);
		return;
	}
	edit(p, num, &v, a);
	snprintf(head, sizeof head, "%lld %zu ", num, p->body.len);
	buf_puts(&p->hdr, head);
	pdf_put(&p->body, &v);
	buf_putc(&p->body, '\n');
	p->batch[p->nbatch++] = num;
	if (p->nbatch == OBJSTM_SIZE)
		flush_batch(p);
}

/* The XMP packet from the information dictionary and the language. */
static void
make_xmp(struct post *p, struct buf *b)
{
	const char *lang = p->o->lang;

	buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	buf_puts(b, "   <dc:format>application/pdf</dc:format>\n");
	xmp_alt(b, "dc:title", p->title);
	if (p->author != NULL && p->author[0] != '\0') {
		buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
		xml_escape(b, p->author);
		buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	xmp_alt(b, "dc:description", p->subject);
	if (lang != NULL && lang[0] != '\0') {
		buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>");
		xml_escape(b, lang);
		buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	xmp_simple(b, "pdf:Keywords", p->keywords);
	xmp_simple(b, "pdf:Producer", p->producer);
	xmp_simple(b, "xmp:CreatorTool", p->creator);
	if (p->created[0] != '\0')
		xmp_simple(b, "xmp:CreateDate", p->created_iso);
	if (p->modified[0] != '\0') {
		xmp_simple(b, "xmp:ModifyDate", p->modified_iso);
		xmp_simple(b, "xmp:MetadataDate", p->modified_iso);
	} else if (p->created[0] != '\0')
		xmp_simple(b, "xmp:MetadataDate", p->created_iso);
	buf_puts(b, "   <pdfuaid:part>1</pdfuaid:part>\n"
	    "  </rdf:Description>\n"
	    " </rdf:RDF>\n"
	    "</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

/* The cross-reference stream and the end of the file. */
static void
put_xref(struct post *p, struct arena *a)
{
	struct pdf_val	 d = { PV_DICT, false, NULL, 0, 0, NULL, 0 };
	struct pdf_val	 id = { PV_ARRAY, false, NULL, 0, 0, NULL, 0 };
	struct buf	 rows = { 0 };
	long long	 num = new_obj(p);
	uint64_t	 at = p->pos;
	const char	*sum;
	char		 hex[40], tail[64];
	size_t		 i;
	Bytef		*z;
	uLongf		 zlen;

	p->x[num].type = 1;
	p->x[num].f2 = at;
	for (i = 0; i < p->nx; i++) {
		const struct xent *x = &p->x[i];
		unsigned char row[8];
		uint32_t f3 = i == 0 ? 65535 : x->f3;

		row[0] = x->type;
		for (int k = 0; k < 5; k++)
			row[1 + k] = (unsigned char)(x->f2 >> (8 * (4 - k)));
		row[6] = (unsigned char)(f3 >> 8);
		row[7] = (unsigned char)f3;
		buf_put(&rows, row, sizeof row);
	}
	sum = g_checksum_get_string(p->md5);
	p->summed = true;
	snprintf(hex, sizeof hex, "<%.32s>", sum);
	id.v = arena_alloc(a, 2 * sizeof *id.v);
	id.v[0].t = id.v[1].t = PV_STRING;
	id.v[0].s = id.v[1].s = arena_strdup(a, hex);
	id.v[0].len = id.v[1].len = strlen(hex);
	id.n = 2;
	pdf_dict_set(a, &d, "Type", pdf_name(a, "XRef"));
	pdf_dict_set(a, &d, "Size", pdf_int(a, (long long)p->nx));
	{
		struct pdf_val	 w = { PV_ARRAY, false, NULL, 0, 0, NULL, 0 };

		w.v = arena_alloc(a, 3 * sizeof *w.v);
		w.v[0] = pdf_int(a, 1);
		w.v[1] = pdf_int(a, 5);
		w.v[2] = pdf_int(a, 2);
		w.n = 3;
		pdf_dict_set(a, &d, "W", w);
	}
	pdf_dict_set(a, &d, "Root", pdf_ref(a, p->f.root));
	if (p->f.info != 0)
		pdf_dict_set(a, &d, "Info", pdf_ref(a, p->f.info));
	pdf_dict_set(a, &d, "ID", id);
	if (!deflate_data(rows.data, rows.len, Z_DEFAULT_COMPRESSION, &z,
	    &zlen)) {
		fail(p, "its cross-reference table cannot be compressed");
		buf_free(&rows);
		return;
	}
	pdf_dict_set(a, &d, "Filter", pdf_name(a, "FlateDecode"));
	put_stream(p, num, &d, z, zlen, a);
	free(z);
	buf_free(&rows);
	snprintf(tail, sizeof tail, "startxref\n%" PRIu64 "\n%%%%EOF\n", at);
	out_puts(p, tail);
}

/* The whole file, into p->out. */
static void
write_document(struct post *p)
{
	struct arena	*a = arena_new();
	struct pdf_val	 d = { PV_DICT, false, NULL, 0, 0, NULL, 0 };
	struct buf	 xmp = { 0 };
	long long	 num;

	struct contents	 cs;

	contents_start(p, &cs);
	p->cs = &cs;
	out_puts(p, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
	xent(p, (long long)p->f.nobj - 1);
	p->meta = new_obj(p);
	for (num = 1; num < (long long)p->f.nobj && !p->failed &&
	    !p->werr; num++) {
		arena_reset(a);
		put_object(p, num, a);
	}
	flush_batch(p);
	contents_stop(&cs);
	p->cs = NULL;
	if (!p->failed && p->artifacts != p->private_mcids) {
		char	 msg[160];

		snprintf(msg, sizeof msg, "its pages mark %zu decorations, "
		    "its structure tree %zu", p->artifacts, p->private_mcids);
		fail(p, msg);
	}
	if (!p->failed) {
		arena_reset(a);
		make_xmp(p, &xmp);
		pdf_dict_set(a, &d, "Type", pdf_name(a, "Metadata"));
		pdf_dict_set(a, &d, "Subtype", pdf_name(a, "XML"));
		put_stream(p, p->meta, &d, xmp.data, xmp.len, a);
		arena_reset(a);
		put_xref(p, a);
	}
	buf_free(&xmp);
	arena_free(a);
}

/* ---- input and output -------------------------------------------------- */

/*
 * The input in memory: mapped where possible (no copy, and the pages stay
 * the page cache's), read otherwise (a pipe, an empty file).
 */
struct input {
	char	*data;
	size_t	 len;
	bool	 mapped;
};

static bool
input_open(struct input *in, const char *path)
{
	struct stat	 st;
	void		*m;
	int		 fd;

	memset(in, 0, sizeof *in);
	if ((fd = open(path, O_RDONLY)) < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= SIZE_MAX) {
		m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
		    0);
		if (m != MAP_FAILED) {
			close(fd);
			in->data = m;
			in->len = (size_t)st.st_size;
			in->mapped = true;
			return true;
		}
	}
	close(fd);
	in->data = read_file(path, &in->len);
	return in->data != NULL;
}

static void
input_close(struct input *in)
{
	if (in->mapped)
		munmap(in->data, in->len);
	else
		free(in->data);
	memset(in, 0, sizeof *in);
}

/*
 * Where the result is written: a temporary file next to out (the same
 * folder, so that the rename is atomic) that replaces out only when
 * complete. A failure thus leaves out as it was, and out may be the input:
 * the rename leaves the mapped old file alone. A target that exists and is
 * not a regular file (a device, a FIFO) is written in place; a symbolic
 * link is followed, so that the file it points to is replaced.
 */
struct output {
	char	*final;		/* what the result replaces */
	char	*tmp;		/* what is written */
	bool	 copy;		/* final is a device or FIFO: tmp (in
				   $TMPDIR) is copied into it, checked */
};

static bool
output_open(struct output *o, const char *path, struct diag *d)
{
	struct stat	 st;
	struct buf	 b = { 0 };
	mode_t		 mode, mask;
	int		 fd;

	o->final = o->tmp = NULL;
	o->copy = false;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			if ((o->tmp = outfile_scratch_new(".pdf", path,
			    d)) == NULL)
				return false;
			o->final = xstrdup(path);
			o->copy = true;
			return true;
		}
		if ((o->final = realpath(path, NULL)) == NULL)
			o->final = xstrdup(path);
		mode = st.st_mode & 07777;
	} else {
		o->final = xstrdup(path);
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	buf_printf(&b, "%s.XXXXXX", o->final);
	o->tmp = buf_steal(&b);
	if ((fd = mkstemp(o->tmp)) < 0) {
		free(o->tmp);
		free(o->final);
		o->final = o->tmp = NULL;
		return false;
	}
	outfile_scratch(o->tmp, true);
	if (fchmod(fd, mode) != 0 || close(fd) != 0) {
		outfile_scratch(o->tmp, false);
		unlink(o->tmp);
		free(o->tmp);
		free(o->final);
		o->final = o->tmp = NULL;
		return false;
	}
	return true;
}

/* Copies the file from into the device to, checking every write. */
static bool
output_copy(const char *from, const char *to)
{
	FILE	*in = fopen(from, "rb"), *out;
	char	 buf[65536];
	size_t	 n;
	bool	 ok = true;

	if (in == NULL)
		return false;
	if ((out = fopen(to, "wb")) == NULL) {
		fclose(in);
		return false;
	}
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	ok = ok && !ferror(in);
	if (fclose(out) != 0)
		ok = false;
	fclose(in);
	return ok;
}

/*
 * Puts the temporary file in place when ok, removes it otherwise; frees
 * o. Returns whether out now holds the result.
 */
static bool
output_close(struct output *o, bool ok)
{
	if (o->copy) {
		ok = ok && output_copy(o->tmp, o->final);
		outfile_scratch_drop(o->tmp);
	} else if (o->tmp != o->final) {
		outfile_scratch(o->tmp, false);
		ok = ok && rename(o->tmp, o->final) == 0;
		if (!ok)
			unlink(o->tmp);
		free(o->tmp);
	}
	free(o->final);
	o->final = o->tmp = NULL;
	return ok;
}

bool
pdfpost_file(const char *in, const char *out, const struct pdfpost_opts *o,
    struct diag *d)
{
	static const struct pdfpost_opts none = { NULL, NULL };
	struct post	 p;
	struct input	 src;
	struct output	 dst = { NULL, NULL, false };
	const char	*why;
	bool		 written = false;
	size_t		 i;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.path = out;
	p.o = o != NULL ? o : &none;
	if (!input_open(&src, in)) {
		struct buf	 b = { 0 };

		buf_printf(&b, "%s cannot be read (%s)", in, strerror(errno));
		fail(&p, b.data);
		buf_free(&b);
		return false;
	}
	if (!pdf_file_open(&p.f, src.data, src.len, &why)) {
		fail(&p, why);
		input_close(&src);
		return false;
	}
	p.mapped = src.mapped;
	p.flags = xcalloc(p.f.nobj, sizeof *p.flags);
	p.aux = xcalloc(p.f.nobj, sizeof *p.aux);
	read_document(&p);
	if (p.failed)
		goto done;
	if (!output_open(&dst, out, d) ||
	    (p.out = fopen(dst.tmp, "wb")) == NULL) {
		fail(&p, "the file cannot be written");
		goto done;
	}
	setvbuf(p.out, NULL, _IOFBF, 1 << 20);
	progress("writing the finished PDF");
	p.md5 = g_checksum_new(G_CHECKSUM_MD5);
	write_document(&p);
	if (fclose(p.out) != 0)
		p.werr = true;
	p.out = NULL;
	if (p.werr)
		fail(&p, "the file cannot be written");
	written = !p.failed;
done:
	if (p.md5 != NULL)
		g_checksum_free(p.md5);
	for (i = 0; i < sizeof p.level / sizeof p.level[0]; i++)
		if (p.level[i] != NULL)
			arena_free(p.level[i]);
	free(p.flags);
	free(p.aux);
	free(p.x);
	buf_free(&p.hdr);
	buf_free(&p.body);
	buf_free(&p.tmp);
	free(p.title);
	free(p.author);
	free(p.subject);
	free(p.keywords);
	free(p.creator);
	free(p.producer);
	pdf_file_close(&p.f);
	input_close(&src);
	if (dst.tmp != NULL && !output_close(&dst, written) && written)
		fail(&p, "the file cannot be written");
	return written && !p.failed;
}


/* Frees what pdfpost_draw() kept, removing its scratch file. */
static void
scratch_free(struct pdfpost_scratch *s)
{
	if (s->own)
		outfile_scratch_drop(s->file);
	else
		free(s->file);
	free(s->lang);
	pdf_tags_free(&s->tags);
	memset(s, 0, sizeof *s);
}

bool
pdfpost_draw(const struct pg_doc *pd, const char *path,
    struct pdfpost_scratch *s, struct diag *d)
{
	struct stat	 st;

	memset(s, 0, sizeof *s);
	if (pd->doc != NULL && pd->doc->meta.lang != NULL)
		s->lang = xstrdup(pd->doc->meta.lang);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		s->file = xstrdup(path);
	else {
		/* A device or FIFO cannot be read back: go through a file. */
		if ((s->file = outfile_scratch_new(".pdf", path, d)) == NULL) {
			scratch_free(s);
			return false;
		}
		s->own = true;
	}
	if (!pdf_write_tagged(pd, s->file, &s->tags, d)) {
		scratch_free(s);
		return false;
	}
	return true;
}

bool
pdfpost_finish(struct pdfpost_scratch *s, const char *path, struct diag *d)
{
	struct pdfpost_opts o = { s->lang, &s->tags };
	bool		 ok;

	progress("finishing the tagged PDF");
	ok = pdfpost_file(s->file, path, &o, d);
	scratch_free(s);
	return ok;
}

bool
pdfpost_write(const struct pg_doc *pd, const char *path, struct diag *d)
{
	struct pdfpost_scratch s;

	return pdfpost_draw(pd, path, &s, d) && pdfpost_finish(&s, path, d);
}
