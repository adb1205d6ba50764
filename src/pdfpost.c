/*
 * The accessibility post-processor (see pdfpost.h), with libqpdf's C API.
 *
 * The structure tree pdf.c writes through Cairo is walked depth first,
 * which is the order in which pdf.c opened the elements: the n-th Figure
 * gets the n-th alternative text, the n-th Link the n-th /Contents. The
 * counts must match exactly; a mismatch means the lists and the tree went
 * out of step and the file is refused rather than mislabelled.
 *
 * Content streams are rewritten only where "/Private <<...>> BDC" starts
 * decoration; everything else is copied byte for byte. The rewritten
 * streams are compressed here, the rest qpdf copies as Cairo compressed
 * them.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "pdfpost.h"
#include "util.h"

/* ---- content streams --------------------------------------------------- */

static bool
is_ws(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	    c == ' ';
}

static bool
is_delim(unsigned char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

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
		if (is_ws(lx->s[lx->i]))
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
	while (lx->i < lx->len && !is_ws(lx->s[lx->i]) &&
	    !is_delim(lx->s[lx->i]))
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
		    (j == 0 || is_ws(lx->s[j - 1])) &&
		    (j + 2 == lx->len || is_ws(lx->s[j + 2]) ||
		    is_delim(lx->s[j + 2]))) {
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
		    (i + 5 < len && !is_ws(s[i + 5]) && !is_delim(s[i + 5])))
			continue;
		for (k = i + 5; k < len && is_ws(s[k]); k++)
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

/* ---- the document ------------------------------------------------------ */

/*
 * Every qpdf_oh the C API hands out stays in its table until released (or
 * qpdf_cleanup), and a brochure of thousands of pages asks for millions:
 * so each function releases the handles it got before it returns, and
 * only the parent tree's entries live to the end.
 */

/* A number tree's entry (the parent tree). */
struct ptentry {
	long long	 key;
	qpdf_oh		 value;
};

struct post {
	qpdf_data	 q;
	struct diag	*d;
	const char	*path;		/* for messages */
	const struct pdfpost_opts *o;
	bool		 failed;
	struct ptentry	*pt;		/* sorted by key */
	size_t		 npt, cappt;
	size_t		 nfigure, nlink, nprivate;
};

static void
fail(struct post *p, const char *what)
{
	if (!p->failed)
		diag(p->d, D_IO, NULL, "cannot finish the accessible PDF %s: "
		    "%s", p->path, what);
	p->failed = true;
}

/* Reports qpdf's pending error or warnings; true if there was one. */
static bool
qpdf_trouble(struct post *p)
{
	bool	 bad = false;

	if (qpdf_has_error(p->q)) {
		fail(p, qpdf_get_error_full_text(p->q, qpdf_get_error(p->q)));
		bad = true;
	}
	while (qpdf_more_warnings(p->q)) {
		fail(p, qpdf_get_error_full_text(p->q,
		    qpdf_next_warning(p->q)));
		bad = true;
	}
	return bad;
}

static int
ptentry_cmp(const void *a, const void *b)
{
	const struct ptentry *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * Collects the parent tree's number tree (its /Nums and /Kids); the
 * entries' values are kept, node and everything else released.
 */
static void
read_numtree(struct post *p, qpdf_oh node, int depth)
{
	qpdf_oh	 nums, kids;
	int	 i, n;

	if (depth > 32 || !qpdf_oh_is_dictionary(p->q, node)) {
		qpdf_oh_release(p->q, node);
		return;
	}
	nums = qpdf_oh_get_key(p->q, node, "/Nums");
	if (qpdf_oh_is_array(p->q, nums)) {
		n = qpdf_oh_get_array_n_items(p->q, nums);
		for (i = 0; i + 1 < n; i += 2) {
			qpdf_oh	 k = qpdf_oh_get_array_item(p->q, nums, i);

			if (qpdf_oh_is_integer(p->q, k)) {
				if (p->npt == p->cappt)
					grow(&p->pt, &p->cappt, p->npt + 1,
					    sizeof *p->pt);
				p->pt[p->npt].key = qpdf_oh_get_int_value(p->q,
				    k);
				p->pt[p->npt++].value =
				    qpdf_oh_get_array_item(p->q, nums, i + 1);
			}
			qpdf_oh_release(p->q, k);
		}
	}
	qpdf_oh_release(p->q, nums);
	kids = qpdf_oh_get_key(p->q, node, "/Kids");
	if (qpdf_oh_is_array(p->q, kids)) {
		n = qpdf_oh_get_array_n_items(p->q, kids);
		for (i = 0; i < n; i++)
			read_numtree(p, qpdf_oh_get_array_item(p->q, kids, i),
			    depth + 1);
	}
	qpdf_oh_release(p->q, kids);
	qpdf_oh_release(p->q, node);
}

/* The parent tree's value under key (kept in p->pt), or 0. */
static qpdf_oh
parent_entry(struct post *p, long long key)
{
	struct ptentry	 k = { key, 0 }, *e;

	e = p->npt == 0 ? NULL : bsearch(&k, p->pt, p->npt, sizeof *p->pt,
	    ptentry_cmp);
	return e != NULL ? e->value : 0;
}

/*
 * Rewrites one content stream of a page (the caller's handle); nulls its
 * artifacts' entries in parents (0: none).
 */
static void
page_stream(struct post *p, qpdf_oh stream, qpdf_oh parents)
{
	unsigned char	*data = NULL, *out;
	size_t		 len = 0, outlen, n, i;
	long		*mcids;
	int		 np;
	QPDF_BOOL	 filtered = QPDF_FALSE;

	if (!qpdf_oh_is_stream(p->q, stream))
		return;
	if (qpdf_oh_get_stream_data(p->q, stream, qpdf_dl_generalized,
	    &filtered, &data, &len) != QPDF_SUCCESS || !filtered) {
		free(data);
		if (!qpdf_trouble(p))
			fail(p, "a page's content cannot be decoded");
		return;
	}
	out = pdfpost_artifacts(data, len, &outlen, &mcids, &n);
	free(data);
	if (n > 0) {
		qpdf_oh	 nul = qpdf_oh_new_null(p->q);
		qpdf_oh	 flate = qpdf_oh_new_name(p->q, "/FlateDecode");
		uLongf	 zlen = compressBound(outlen);
		Bytef	*z = xmalloc(zlen);

		/*
		 * Compressed here, as qpdf would when writing (zlib's
		 * default level, like its Pl_Flate: the same bytes), so
		 * that it keeps a page's stream compressed, not five
		 * times as big, until then; it copies a Flate stream
		 * whose data it did not filter as it is.
		 */
		if (compress2(z, &zlen, out, outlen, Z_DEFAULT_COMPRESSION) ==
		    Z_OK)
			qpdf_oh_replace_stream_data(p->q, stream, z, zlen,
			    flate, nul);
		else
			qpdf_oh_replace_stream_data(p->q, stream, out, outlen,
			    nul, nul);
		free(z);
		qpdf_oh_release(p->q, flate);
		np = parents != 0 ? qpdf_oh_get_array_n_items(p->q, parents) :
		    0;
		for (i = 0; i < n; i++)
			if (mcids[i] >= 0 && mcids[i] < np)
				qpdf_oh_set_array_item(p->q, parents,
				    (int)mcids[i], nul);
		qpdf_oh_release(p->q, nul);
	}
	free(mcids);
	free(out);
}

/*
 * A link annotation's URI (malloc'd), or NULL. (Copied: qpdf's string
 * lives only until its next call that returns one.)
 */
static char *
annot_uri(struct post *p, qpdf_oh annot)
{
	qpdf_oh	 a = qpdf_oh_get_key(p->q, annot, "/A");
	qpdf_oh	 u = qpdf_oh_get_key_if_dict(p->q, a, "/URI");
	char	*s = NULL;

	if (qpdf_oh_is_string(p->q, u))
		s = xstrdup(qpdf_oh_get_utf8_value(p->q, u));
	qpdf_oh_release(p->q, u);
	qpdf_oh_release(p->q, a);
	return s;
}

/* Sets a text under key in the dictionary oh. */
static void
set_text(struct post *p, qpdf_oh oh, const char *key, const char *text)
{
	qpdf_oh	 s = qpdf_oh_new_unicode_string(p->q, text);

	qpdf_oh_replace_key(p->q, oh, key, s);
	qpdf_oh_release(p->q, s);
}

/* A Link annotation without /Contents gets its URI. */
static void
page_annot(struct post *p, qpdf_oh a)
{
	char	*uri;

	if (!qpdf_oh_is_dictionary_of_type(p->q, a, "", "/Link") ||
	    qpdf_oh_has_key(p->q, a, "/Contents"))
		return;
	uri = annot_uri(p, a);
	set_text(p, a, "/Contents", uri != NULL ? uri : "odkaz v dokumentu");
	free(uri);
}

/* One page: /Tabs, its content streams, its links. */
static void
do_page(struct post *p, qpdf_oh pg)
{
	qpdf_oh	 c = qpdf_oh_get_key(p->q, pg, "/Contents");
	qpdf_oh	 sp = qpdf_oh_get_key(p->q, pg, "/StructParents");
	qpdf_oh	 annots = qpdf_oh_get_key(p->q, pg, "/Annots");
	qpdf_oh	 tabs = qpdf_oh_new_name(p->q, "/S");
	qpdf_oh	 parents = 0, item;
	int	 k, n;

	qpdf_oh_replace_key(p->q, pg, "/Tabs", tabs);
	qpdf_oh_release(p->q, tabs);
	if (qpdf_oh_is_integer(p->q, sp))
		parents = parent_entry(p, qpdf_oh_get_int_value(p->q, sp));
	if (parents != 0 && !qpdf_oh_is_array(p->q, parents))
		parents = 0;
	if (qpdf_oh_is_array(p->q, c)) {
		n = qpdf_oh_get_array_n_items(p->q, c);
		for (k = 0; k < n && !p->failed; k++) {
			item = qpdf_oh_get_array_item(p->q, c, k);
			page_stream(p, item, parents);
			qpdf_oh_release(p->q, item);
		}
	} else
		page_stream(p, c, parents);
	if (qpdf_oh_is_array(p->q, annots)) {
		n = qpdf_oh_get_array_n_items(p->q, annots);
		for (k = 0; k < n; k++) {
			item = qpdf_oh_get_array_item(p->q, annots, k);
			page_annot(p, item);
			qpdf_oh_release(p->q, item);
		}
	}
	qpdf_oh_release(p->q, annots);
	qpdf_oh_release(p->q, sp);
	qpdf_oh_release(p->q, c);
}

/*
 * Tabs in structure order; every Link annotation without /Contents (one
 * pdf.c did not tag, or a file without lists) gets its URI.
 */
static void
do_pages(struct post *p)
{
	int	 np = qpdf_get_num_pages(p->q), i;

	if (np < 0) {
		qpdf_trouble(p);
		fail(p, "its pages cannot be read");
		return;
	}
	for (i = 0; i < np && !p->failed; i++) {
		qpdf_oh	 pg = qpdf_get_page_n(p->q, (size_t)i);

		do_page(p, pg);
		qpdf_oh_release(p->q, pg);
		qpdf_trouble(p);
	}
}

/* The alternative text of the next Figure. */
static const char *
next_alt(struct post *p)
{
	const struct pdf_tags *t = p->o->tags;
	size_t	 i = p->nfigure++;

	if (t == NULL)
		return "obrázek";
	return i < t->nalt ? t->alt[i] : NULL;
}

static const char *
next_link(struct post *p)
{
	const struct pdf_tags *t = p->o->tags;
	size_t	 i = p->nlink++;

	if (t == NULL)
		return NULL;
	return i < t->nlink ? t->link[i] : NULL;
}

/* Whether kid is a structure element (not an MCID, MCR or OBJR). */
static bool
is_elem(struct post *p, qpdf_oh kid)
{
	qpdf_oh	 type;
	bool	 yes;

	if (!qpdf_oh_is_dictionary(p->q, kid) ||
	    !qpdf_oh_has_key(p->q, kid, "/S"))
		return false;
	type = qpdf_oh_get_key(p->q, kid, "/Type");
	yes = qpdf_oh_is_null(p->q, type) ||
	    qpdf_oh_is_name_and_equals(p->q, type, "/StructElem");
	qpdf_oh_release(p->q, type);
	return yes;
}

/* A Link's annotations (its OBJR kids) get /Contents text. */
static void
link_annots(struct post *p, qpdf_oh elem, const char *text)
{
	qpdf_oh	 k = qpdf_oh_get_key(p->q, elem, "/K"), arr = k;
	char	*uri = NULL;
	int	 i, n;

	if (!qpdf_oh_is_array(p->q, k))
		arr = qpdf_oh_wrap_in_array(p->q, k);
	n = qpdf_oh_get_array_n_items(p->q, arr);
	for (i = 0; i < n; i++) {
		qpdf_oh	 kid = qpdf_oh_get_array_item(p->q, arr, i);
		qpdf_oh	 obj = 0;

		if (qpdf_oh_is_dictionary_of_type(p->q, kid, "/OBJR", "") &&
		    qpdf_oh_is_dictionary(p->q,
		    obj = qpdf_oh_get_key(p->q, kid, "/Obj"))) {
			if (text == NULL)
				text = (uri = annot_uri(p, obj)) != NULL ?
				    uri : "odkaz v dokumentu";
			set_text(p, obj, "/Contents", text);
		}
		if (obj != 0)
			qpdf_oh_release(p->q, obj);
		qpdf_oh_release(p->q, kid);
	}
	free(uri);
	if (arr != k)
		qpdf_oh_release(p->q, arr);
	qpdf_oh_release(p->q, k);
}

static void	walk(struct post *, qpdf_oh, int);

/*
 * One structure element kid: false if it is to be removed (a Private
 * element); a Figure gets /Alt, a Link's annotations /Contents, and its
 * own kids are walked.
 */
static bool
walk_kid(struct post *p, qpdf_oh kid, int depth)
{
	qpdf_oh	 s = qpdf_oh_get_key(p->q, kid, "/S");
	const char *txt;

	if (qpdf_oh_is_name_and_equals(p->q, s, "/Private")) {
		qpdf_oh_release(p->q, s);
		p->nprivate++;
		return false;
	}
	if (qpdf_oh_is_name_and_equals(p->q, s, "/Figure")) {
		if ((txt = next_alt(p)) == NULL)
			fail(p, "its structure has more figures than were "
			    "drawn");
		else
			set_text(p, kid, "/Alt", txt);
	} else if (qpdf_oh_is_name_and_equals(p->q, s, "/Link")) {
		txt = next_link(p);
		if (txt == NULL && p->o->tags != NULL)
			fail(p, "its structure has more links than were "
			    "drawn");
		else
			link_annots(p, kid, txt);
	}
	qpdf_oh_release(p->q, s);
	walk(p, kid, depth + 1);
	return true;
}

/*
 * Walks the element's kids depth first: Private kids are removed, Figures
 * get /Alt, Links give their annotations /Contents. The kids kept are
 * moved down in place and the tail cut once, so that a parent of
 * thousands of kids is not shifted for every removal.
 */
static void
walk(struct post *p, qpdf_oh elem, int depth)
{
	qpdf_oh	 k, arr;
	int	 i, n, w;

	if (depth > 200) {
		fail(p, "its structure tree is too deep");
		return;
	}
	k = qpdf_oh_get_key(p->q, elem, "/K");
	if (!qpdf_oh_is_array(p->q, k)) {
		if (!is_elem(p, k)) {
			qpdf_oh_release(p->q, k);
			return;
		}
		/* A single kid: make it an array so it can be removed. */
		arr = qpdf_oh_wrap_in_array(p->q, k);
		qpdf_oh_replace_key(p->q, elem, "/K", arr);
		qpdf_oh_release(p->q, k);
		k = arr;
	}
	n = qpdf_oh_get_array_n_items(p->q, k);
	for (i = w = 0; i < n && !p->failed; i++) {
		qpdf_oh	 kid = qpdf_oh_get_array_item(p->q, k, i);

		if (!is_elem(p, kid) || walk_kid(p, kid, depth)) {
			if (w != i)
				qpdf_oh_set_array_item(p->q, k, w, kid);
			w++;
		}
		qpdf_oh_release(p->q, kid);
	}
	/* (After a failure the file is refused: the array does not matter.) */
	if (!p->failed)
		while (n > w)
			qpdf_oh_erase_item(p->q, k, --n);
	qpdf_oh_release(p->q, k);
}

static void
do_structure(struct post *p, qpdf_oh root)
{
	qpdf_oh	 str = qpdf_oh_get_key(p->q, root, "/StructTreeRoot");
	const struct pdf_tags *t = p->o->tags;
	char	 msg[160];

	if (!qpdf_oh_is_dictionary(p->q, str)) {
		qpdf_oh_release(p->q, str);
		fail(p, "it has no structure tree");
		return;
	}
	read_numtree(p, qpdf_oh_get_key(p->q, str, "/ParentTree"), 0);
	qsort(p->pt, p->npt, sizeof *p->pt, ptentry_cmp);
	walk(p, str, 0);
	qpdf_oh_release(p->q, str);
	if (p->failed || t == NULL)
		return;
	/*
	 * (Fewer decorations than drawn is no harm: cairo may leave out an
	 * element that holds nothing.)
	 */
	if (p->nfigure != t->nalt || p->nlink != t->nlink ||
	    p->nprivate > t->artifacts) {
		snprintf(msg, sizeof msg, "its structure has %zu figures, %zu "
		    "links and %zu decorations, but %zu, %zu and %zu were "
		    "drawn", p->nfigure, p->nlink, p->nprivate, t->nalt,
		    t->nlink, t->artifacts);
		fail(p, msg);
	}
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

/* A text of the information dictionary as UTF-8 (malloc'd), or NULL. */
static char *
info_text(struct post *p, qpdf_oh info, const char *key)
{
	qpdf_oh	 v = qpdf_oh_get_key_if_dict(p->q, info, key);

	if (!qpdf_oh_is_string(p->q, v))
		return NULL;
	return xstrdup(qpdf_oh_get_utf8_value(p->q, v));
}

/* The information's date under key, normalised; *iso its XMP form. */
static bool
info_date(struct post *p, qpdf_oh info, const char *key, char iso[32])
{
	char	*s = info_text(p, info, key);
	char	 pdf[32];
	bool	 ok = s != NULL && parse_date(s, pdf, iso);

	if (ok)
		qpdf_oh_replace_key(p->q, info, key,
		    qpdf_oh_new_string(p->q, pdf));
	free(s);
	return ok;
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

/*
 * The XMP packet from the information dictionary (whose dates it
 * normalises) and the language.
 */
static void
make_xmp(struct post *p, qpdf_oh info, struct buf *b)
{
	char	*title = info_text(p, info, "/Title");
	char	*author = info_text(p, info, "/Author");
	char	*subject = info_text(p, info, "/Subject");
	char	*keywords = info_text(p, info, "/Keywords");
	char	*creator = info_text(p, info, "/Creator");
	char	*producer = info_text(p, info, "/Producer");
	char	 created[32], modified[32];
	bool	 has_c = info_date(p, info, "/CreationDate", created);
	bool	 has_m = info_date(p, info, "/ModDate", modified);
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
	xmp_alt(b, "dc:title", title);
	if (author != NULL && author[0] != '\0') {
		buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
		xml_escape(b, author);
		buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	xmp_alt(b, "dc:description", subject);
	if (lang != NULL && lang[0] != '\0') {
		buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>");
		xml_escape(b, lang);
		buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	xmp_simple(b, "pdf:Keywords", keywords);
	xmp_simple(b, "pdf:Producer", producer);
	xmp_simple(b, "xmp:CreatorTool", creator);
	if (has_c)
		xmp_simple(b, "xmp:CreateDate", created);
	if (has_m) {
		xmp_simple(b, "xmp:ModifyDate", modified);
		xmp_simple(b, "xmp:MetadataDate", modified);
	} else if (has_c)
		xmp_simple(b, "xmp:MetadataDate", created);
	buf_puts(b, "   <pdfuaid:part>1</pdfuaid:part>\n"
	    "  </rdf:Description>\n"
	    " </rdf:RDF>\n"
	    "</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	free(title);
	free(author);
	free(subject);
	free(keywords);
	free(creator);
	free(producer);
}

/* Lang, ViewerPreferences, MarkInfo and the XMP stream of the catalog. */
static void
do_catalog(struct post *p, qpdf_oh root)
{
	qpdf_oh	 trailer = qpdf_get_trailer(p->q);
	qpdf_oh	 info = qpdf_oh_get_key(p->q, trailer, "/Info");
	qpdf_oh	 vp, mi, xmp, dict;
	struct buf b = { 0 };

	if (p->o->lang != NULL && p->o->lang[0] != '\0')
		qpdf_oh_replace_key(p->q, root, "/Lang",
		    qpdf_oh_new_unicode_string(p->q, p->o->lang));
	vp = qpdf_oh_get_key(p->q, root, "/ViewerPreferences");
	if (!qpdf_oh_is_dictionary(p->q, vp)) {
		vp = qpdf_oh_new_dictionary(p->q);
		qpdf_oh_replace_key(p->q, root, "/ViewerPreferences", vp);
	}
	qpdf_oh_replace_key(p->q, vp, "/DisplayDocTitle",
	    qpdf_oh_new_bool(p->q, QPDF_TRUE));
	mi = qpdf_oh_get_key(p->q, root, "/MarkInfo");
	if (!qpdf_oh_is_dictionary(p->q, mi)) {
		mi = qpdf_oh_new_dictionary(p->q);
		qpdf_oh_replace_key(p->q, root, "/MarkInfo", mi);
	}
	qpdf_oh_replace_key(p->q, mi, "/Marked",
	    qpdf_oh_new_bool(p->q, QPDF_TRUE));
	if (!qpdf_oh_is_dictionary(p->q, info)) {
		info = qpdf_make_indirect_object(p->q,
		    qpdf_oh_new_dictionary(p->q));
		qpdf_oh_replace_key(p->q, trailer, "/Info", info);
	}
	make_xmp(p, info, &b);
	xmp = qpdf_oh_new_stream(p->q);
	dict = qpdf_oh_get_dict(p->q, xmp);
	qpdf_oh_replace_key(p->q, dict, "/Type",
	    qpdf_oh_new_name(p->q, "/Metadata"));
	qpdf_oh_replace_key(p->q, dict, "/Subtype",
	    qpdf_oh_new_name(p->q, "/XML"));
	qpdf_oh_replace_stream_data(p->q, xmp, (const unsigned char *)b.data,
	    b.len, qpdf_oh_new_null(p->q), qpdf_oh_new_null(p->q));
	qpdf_oh_replace_key(p->q, root, "/Metadata", xmp);
	buf_free(&b);
	qpdf_trouble(p);
}

/* ---- input and output -------------------------------------------------- */

/*
 * The input in memory, for qpdf_read_memory: qpdf_read's file source
 * costs an fseek and an lseek for every object it resolves, and a big
 * brochure has a million. Mapped where possible (no copy, and the pages
 * stay the page cache's), read otherwise (a pipe, an empty file).
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
 * Where qpdf writes: a temporary file next to out (the same folder, so
 * that the rename is atomic) that replaces out only when complete. A
 * failure thus leaves out as it was, and out may be the input: the
 * rename leaves the mapped old file alone. A target that exists and is
 * not a regular file (a device, a FIFO) is written in place; a symbolic
 * link is followed, so that the file it points to is replaced.
 */
struct output {
	char	*final;		/* what the result replaces */
	char	*tmp;		/* what qpdf writes */
	bool	 copy;		/* final is a device or FIFO: tmp (in
				   $TMPDIR) is copied into it, checked */
};

static bool
output_open(struct output *o, const char *path)
{
	struct stat	 st;
	struct buf	 b = { 0 };
	mode_t		 mode, mask;
	int		 fd;

	o->final = o->tmp = NULL;
	o->copy = false;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			const char *dir = getenv("TMPDIR");

			if (dir == NULL || dir[0] == '\0')
				dir = "/tmp";
			o->final = xstrdup(path);
			o->copy = true;
			buf_printf(&b, "%s/mapa-pdf.XXXXXX", dir);
			o->tmp = buf_steal(&b);
			if ((fd = mkstemp(o->tmp)) < 0 || close(fd) != 0) {
				free(o->tmp);
				free(o->final);
				o->final = o->tmp = NULL;
				return false;
			}
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
	if (fchmod(fd, mode) != 0 || close(fd) != 0) {
		unlink(o->tmp);
		free(o->tmp);
		free(o->final);
		o->final = o->tmp = NULL;
		return false;
	}
	return true;
}

/*
 * Whether the file qpdf wrote ends with "%%EOF": QPDFWriter closes its
 * file without looking at fclose's result, so a last flush that failed
 * (a full disk) shows only as a short file.
 */
static bool
output_whole(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	 end[6];
	bool	 ok;

	if (f == NULL)
		return false;
	ok = fseek(f, -(long)sizeof end, SEEK_END) == 0 &&
	    fread(end, 1, sizeof end, f) == sizeof end &&
	    memcmp(end, "%%EOF\n", sizeof end) == 0;
	fclose(f);
	return ok;
}

/*
 * Puts the temporary file in place when ok (and it is whole), removes it
 * otherwise; frees o. Returns whether out now holds the result.
 */
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

static bool
output_close(struct output *o, bool ok)
{
	if (o->copy) {
		ok = ok && output_whole(o->tmp) &&
		    output_copy(o->tmp, o->final);
		unlink(o->tmp);
		free(o->tmp);
	} else if (o->tmp != o->final) {
		ok = ok && output_whole(o->tmp) &&
		    rename(o->tmp, o->final) == 0;
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
	qpdf_oh		 root;
	bool		 written = false;

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
	p.q = qpdf_init();
	qpdf_silence_errors(p.q);
	qpdf_set_suppress_warnings(p.q, QPDF_TRUE);	/* reported as D_IO */
	if (qpdf_read_memory(p.q, in, src.data, src.len, NULL) &
	    QPDF_ERRORS) {
		qpdf_trouble(&p);
		fail(&p, "it cannot be read");
		goto done;
	}
	if (qpdf_trouble(&p))
		goto done;
	root = qpdf_get_root(p.q);
	do_structure(&p, root);
	if (!p.failed)
		do_pages(&p);
	if (!p.failed)
		do_catalog(&p, root);
	qpdf_oh_release(p.q, root);
	if (p.failed)
		goto done;
	if (!output_open(&dst, out) ||
	    (qpdf_init_write(p.q, dst.tmp) & QPDF_ERRORS)) {
		qpdf_trouble(&p);
		fail(&p, "the file cannot be written");
		goto done;
	}
	qpdf_set_deterministic_ID(p.q, QPDF_TRUE);
	qpdf_set_object_stream_mode(p.q, qpdf_o_generate);
	qpdf_set_compress_streams(p.q, QPDF_TRUE);
	qpdf_set_minimum_pdf_version(p.q, "1.7");
	if ((qpdf_write(p.q) & QPDF_ERRORS) || qpdf_trouble(&p)) {
		fail(&p, "qpdf cannot write it");
		goto done;
	}
	written = true;
done:
	/* (This also closes qpdf's output file, before it is renamed.) */
	qpdf_cleanup(&p.q);
	input_close(&src);
	free(p.pt);
	if (dst.tmp != NULL && !output_close(&dst, written) && written)
		fail(&p, "the file cannot be written");
	return written && !p.failed;
}

bool
pdfpost_write(const struct pg_doc *pd, const char *path, struct diag *d)
{
	struct pdf_tags	 tags;
	struct pdfpost_opts o = { NULL, &tags };
	struct stat	 st;
	const char	*dir = getenv("TMPDIR");
	char		*tmp = NULL;
	int		 fd;
	bool		 ok;

	o.lang = pd->doc != NULL ? pd->doc->meta.lang : NULL;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		ok = pdf_write_tagged(pd, path, &tags, d) &&
		    pdfpost_file(path, path, &o, d);
		pdf_tags_free(&tags);
		return ok;
	}
	/* A device or FIFO cannot be read back: go through a file. */
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	{
		struct buf	 b = { 0 };

		buf_printf(&b, "%s/mapa-pdf.XXXXXX", dir);
		tmp = buf_steal(&b);
	}
	if ((fd = mkstemp(tmp)) < 0) {
		diag(d, D_IO, NULL, "cannot write the PDF %s: no temporary "
		    "file in %s", path, dir);
		free(tmp);
		return false;
	}
	close(fd);
	ok = pdf_write_tagged(pd, tmp, &tags, d) &&
	    pdfpost_file(tmp, path, &o, d);
	pdf_tags_free(&tags);
	unlink(tmp);
	free(tmp);
	return ok;
}
