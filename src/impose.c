/*
 * Print-shop files from the reader PDF (see impose.h). Each reader page
 * becomes a Form XObject in a new document (its content streams joined,
 * its resources and transparency group copied with qpdf's foreign-object
 * copier, so fonts and images shared by pages are copied once) and is
 * placed on new pages: one per page with bleed and crop marks, or two per
 * side of a folded sheet.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <qpdf/qpdf-c.h>

#include "edition.h"
#include "impose.h"
#include "layout_file.h"
#include "outfile.h"
#include "util.h"

#define MM		(72.0 / 25.4)
#define SLUG		(10 * MM)	/* room for the marks past their offset */
#define MARK_LEN	(7 * MM)	/* leaves 3 mm to the sheet's edge */
#define MARK_MIN_OFF	(3 * MM)	/* marks never closer to the trim */
#define MARK_WIDTH	0.25		/* pt */

/* The registration colour: prints on every plate (marks must). */
#define REGISTRATION	"[/Separation /All /DeviceCMYK << /FunctionType 2 " \
			"/Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"

enum kind {
	K_PRINT,		/* every page, bleed and marks */
	K_PERFECT,		/* the same, padded to an even count */
	K_SADDLE		/* 2-up printer's spreads */
};

struct box {
	double	 x0, y0, x1, y1;
};

struct imp {
	qpdf_data	 src, dst;
	struct diag	*d;
	const char	*reader;
	const struct impose_opts *o;
	double		 grow;		/* page content kept past the trim */
	size_t		 n;		/* reader pages */
	struct box	*boxes;		/* [n] their MediaBoxes */
	qpdf_oh		*forms;		/* [n] in dst; 0 until made */
	qpdf_oh		 reg;		/* registration colour space; 0 until
					   the first marks */
};

/* One page of the output being built. */
struct sheet {
	struct buf	 content;
	qpdf_oh		 xobjects;	/* its /XObject resources */
	int		 nxobjects;
	bool		 marks;
};

size_t
impose_order(size_t n, enum impose_binding binding, bool keep_last,
    size_t *order)
{
	size_t	 unit = binding == IMPOSE_SADDLE ? 4 : 2;
	size_t	 total = (n + unit - 1) / unit * unit;
	size_t	 pad = total - n, body = keep_last && n > 1 ? n - 1 : n;
	size_t	*seq, i, k;

	if (n == 0)
		return 0;
	/* the brochure's page sequence: body, padding, back cover */
	seq = xcalloc(total, sizeof *seq);
	for (i = 0; i < body; i++)
		seq[i] = i;
	for (i = 0; i < pad; i++)
		seq[body + i] = IMPOSE_BLANK;
	for (i = body; i < n; i++)
		seq[pad + i] = i;
	if (binding == IMPOSE_PERFECT)
		memcpy(order, seq, total * sizeof *seq);
	else
		for (k = 0; k < total / 4; k++) {
			order[4 * k] = seq[total - 1 - 2 * k];
			order[4 * k + 1] = seq[2 * k];
			order[4 * k + 2] = seq[2 * k + 1];
			order[4 * k + 3] = seq[total - 2 - 2 * k];
		}
	free(seq);
	return total;
}

void
impose_opts_for(struct impose_opts *o, const struct edition *e,
    const char *layout)
{
	const char	*name = layout != NULL ? layout : e->layout.s != NULL ?
			    e->layout.s : LSPEC_DEFAULT;
	char		*path = lspec_path(name, layout != NULL ? NULL :
			    e->file);
	/* the reader PDF's run has already reported the layout's problems */
	struct diag	*quiet = diag_new(NULL);
	struct layout_spec *ls = lspec_load(path, NULL, quiet);

	memset(o, 0, sizeof *o);
	o->bleed = ls != NULL ? ls->bleed : 3 * MM;
	o->keep_last = e->nparts > 0 &&
	    e->parts[e->nparts - 1].section == EDS_BACK;
	o->binding = IMPOSE_SADDLE;
	lspec_free(ls);
	diag_free(quiet);
	free(path);
}

/*
 * Appends v rounded to 1/10000 with no exponent and no locale: PDF
 * numbers must not get a decimal comma.
 */
static void
put_num(struct buf *b, double v)
{
	long long	 u = llround(fabs(v) * 10000);
	long long	 ip = u / 10000, fp = u % 10000;
	int		 digits = 4;

	if (u != 0 && v < 0)
		buf_putc(b, '-');
	buf_printf(b, "%lld", ip);
	if (fp == 0)
		return;
	while (fp % 10 == 0) {
		fp /= 10;
		digits--;
	}
	buf_printf(b, ".%0*lld", digits, fp);
}

static void
put_nums(struct buf *b, const double *v, size_t n, const char *after)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ' ');
		put_num(b, v[i]);
	}
	buf_puts(b, after);
}

/* Parses PDF syntax built here into an object of dst. */
static qpdf_oh
parse(struct imp *m, struct buf *b)
{
	qpdf_oh	 h = qpdf_oh_parse(m->dst, buf_str(b));

	buf_reset(b);
	return h;
}

static qpdf_oh
box_array(struct imp *m, const struct box *bx)
{
	struct buf	 b = { 0 };
	double		 v[4] = { bx->x0, bx->y0, bx->x1, bx->y1 };
	qpdf_oh		 h;

	buf_putc(&b, '[');
	put_nums(&b, v, 4, "]");
	h = parse(m, &b);
	buf_free(&b);
	return h;
}

/* Reports the pending qpdf error of q, if any; true when there was one. */
static bool
failed(struct imp *m, qpdf_data q, const struct srcpos *pos,
    const char *what, const char *file)
{
	qpdf_error	 e;
	const char	*detail;

	if (!qpdf_has_error(q))
		return false;
	e = qpdf_get_error(q);
	detail = qpdf_get_error_message_detail(q, e);
	diag(m->d, D_IO, pos, "cannot %s %s: %s", what, file,
	    detail != NULL && *detail != '\0' ? detail :
	    qpdf_get_error_full_text(q, e));
	return true;
}

/*
 * A copy in dst of the src object h: indirect objects through qpdf's
 * foreign-object copier (which brings what they reference, once per
 * document), direct arrays and dictionaries member by member, other
 * direct values through their PDF syntax.
 */
static qpdf_oh
copy_obj(struct imp *m, qpdf_oh h)
{
	qpdf_oh	 r;
	char	**keys = NULL;
	size_t	 nkeys = 0, cap = 0, i;
	int	 k, nitems;

	if (qpdf_oh_is_indirect(m->src, h))
		return qpdf_oh_copy_foreign_object(m->dst, m->src, h);
	if (qpdf_oh_is_array(m->src, h)) {
		r = qpdf_oh_new_array(m->dst);
		nitems = qpdf_oh_get_array_n_items(m->src, h);
		for (k = 0; k < nitems; k++)
			qpdf_oh_append_item(m->dst, r, copy_obj(m,
			    qpdf_oh_get_array_item(m->src, h, k)));
		return r;
	}
	if (!qpdf_oh_is_dictionary(m->src, h))
		return qpdf_oh_parse(m->dst, qpdf_oh_unparse(m->src, h));
	/* the key iterator is shared: take the keys before recursing */
	qpdf_oh_begin_dict_key_iter(m->src, h);
	while (qpdf_oh_dict_more_keys(m->src)) {
		if (nkeys == cap)
			grow(&keys, &cap, nkeys + 1, sizeof *keys);
		keys[nkeys++] = xstrdup(qpdf_oh_dict_next_key(m->src));
	}
	r = qpdf_oh_new_dictionary(m->dst);
	for (i = 0; i < nkeys; i++) {
		qpdf_oh_replace_key(m->dst, r, keys[i], copy_obj(m,
		    qpdf_oh_get_key(m->src, h, keys[i])));
		free(keys[i]);
	}
	free(keys);
	return r;
}

/* Reads a page's MediaBox; false if it has none usable. */
static bool
media_box(struct imp *m, qpdf_oh page, struct box *bx)
{
	qpdf_oh	 a = qpdf_oh_get_key(m->src, page, "/MediaBox");
	double	 v[4], t;
	int	 i;

	if (!qpdf_oh_is_array(m->src, a) ||
	    qpdf_oh_get_array_n_items(m->src, a) != 4)
		return false;
	for (i = 0; i < 4; i++)
		if (!qpdf_oh_get_value_as_number(m->src,
		    qpdf_oh_get_array_item(m->src, a, i), &v[i]) ||
		    !isfinite(v[i]))
			return false;
	if (v[0] > v[2]) {
		t = v[0];
		v[0] = v[2];
		v[2] = t;
	}
	if (v[1] > v[3]) {
		t = v[1];
		v[1] = v[3];
		v[3] = t;
	}
	bx->x0 = v[0];
	bx->y0 = v[1];
	bx->x1 = v[2];
	bx->y1 = v[3];
	return v[2] - v[0] >= 1 && v[3] - v[1] >= 1;
}

/* Opens the reader PDF and reads its page boxes. */
static bool
open_reader(struct imp *m)
{
	size_t	 i;
	int	 n;

	m->src = qpdf_init();
	qpdf_silence_errors(m->src);
	qpdf_set_suppress_warnings(m->src, QPDF_TRUE);
	qpdf_read(m->src, m->reader, NULL);
	if (failed(m, m->src, NULL, "read the reader PDF", m->reader))
		return false;
	qpdf_push_inherited_attributes_to_page(m->src);
	n = qpdf_get_num_pages(m->src);
	if (failed(m, m->src, NULL, "read the pages of", m->reader))
		return false;
	if (n <= 0) {
		diag(m->d, D_IO, NULL, "the reader PDF %s has no pages; no "
		    "print files made", m->reader);
		return false;
	}
	m->n = (size_t)n;
	m->boxes = xcalloc(m->n, sizeof *m->boxes);
	m->forms = xcalloc(m->n, sizeof *m->forms);
	for (i = 0; i < m->n; i++)
		if (!media_box(m, qpdf_get_page_n(m->src, i), &m->boxes[i])) {
			diag(m->d, D_IO, NULL, "the reader PDF %s: page %zu "
			    "has no usable MediaBox; no print files made",
			    m->reader, i + 1);
			return false;
		}
	return true;
}

/* Reader page i as a Form XObject of dst (made once). */
static qpdf_oh
page_form(struct imp *m, size_t i)
{
	qpdf_oh		 page = qpdf_get_page_n(m->src, i), form, dict;
	const struct box *p = &m->boxes[i];
	struct box	 bb = { p->x0 - m->grow, p->y0 - m->grow,
			    p->x1 + m->grow, p->y1 + m->grow };
	unsigned char	*data = NULL;
	size_t		 len = 0;

	if (m->forms[i] != 0)
		return m->forms[i];
	if (qpdf_oh_has_key(m->src, page, "/Contents") &&
	    qpdf_oh_get_page_content_data(m->src, page, &data, &len) &
	    QPDF_ERRORS)
		return 0;
	form = qpdf_oh_new_stream(m->dst);
	qpdf_oh_replace_stream_data(m->dst, form, data != NULL ? data :
	    (const unsigned char *)"", len, qpdf_oh_new_null(m->dst),
	    qpdf_oh_new_null(m->dst));
	free(data);
	dict = qpdf_oh_get_dict(m->dst, form);
	qpdf_oh_replace_key(m->dst, dict, "/Type",
	    qpdf_oh_new_name(m->dst, "/XObject"));
	qpdf_oh_replace_key(m->dst, dict, "/Subtype",
	    qpdf_oh_new_name(m->dst, "/Form"));
	qpdf_oh_replace_key(m->dst, dict, "/BBox", box_array(m, &bb));
	if (qpdf_oh_has_key(m->src, page, "/Resources"))
		qpdf_oh_replace_key(m->dst, dict, "/Resources", copy_obj(m,
		    qpdf_oh_get_key(m->src, page, "/Resources")));
	/* cairo gives every page a transparency group: keep its blending */
	if (qpdf_oh_has_key(m->src, page, "/Group"))
		qpdf_oh_replace_key(m->dst, dict, "/Group", copy_obj(m,
		    qpdf_oh_get_key(m->src, page, "/Group")));
	return m->forms[i] = form;
}

static void
sheet_begin(struct imp *m, struct sheet *s)
{
	memset(s, 0, sizeof *s);
	s->xobjects = qpdf_oh_new_dictionary(m->dst);
}

/* Draws reader page i with its lower left corner at (x, y). */
static bool
sheet_place(struct imp *m, struct sheet *s, size_t i, double x, double y)
{
	qpdf_oh		 form;
	char		 name[32];
	double		 cm[6] = { 1, 0, 0, 1, x - m->boxes[i].x0,
			    y - m->boxes[i].y0 };

	if ((form = page_form(m, i)) == 0)
		return false;
	snprintf(name, sizeof name, "/P%d", s->nxobjects++);
	qpdf_oh_replace_key(m->dst, s->xobjects, name, form);
	buf_puts(&s->content, "q ");
	put_nums(&s->content, cm, 6, " cm ");
	buf_printf(&s->content, "%s Do Q\n", name);
	return true;
}

static void
mark_line(struct buf *b, double x0, double y0, double x1, double y1)
{
	double	 v[2] = { x0, y0 };

	put_nums(b, v, 2, " m ");
	v[0] = x1;
	v[1] = y1;
	put_nums(b, v, 2, " l S\n");
}

/*
 * Crop marks: at each corner of the trim, two lines continuing its edges,
 * starting the bleed (at least 3 mm) away from the corner so that none
 * reaches into the bleed.
 */
static void
sheet_marks(struct imp *m, struct sheet *s, const struct box *t)
{
	double	 off = m->o->bleed > MARK_MIN_OFF ? m->o->bleed : MARK_MIN_OFF;
	double	 xs[2] = { t->x0, t->x1 }, ys[2] = { t->y0, t->y1 };
	double	 w = MARK_WIDTH;
	int	 i, j;

	buf_puts(&s->content, "q /Reg CS 1 SCN ");
	put_nums(&s->content, &w, 1, " w 0 J 0 j [] 0 d\n");
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			double	 sx = i == 0 ? -1 : 1, sy = j == 0 ? -1 : 1;

			mark_line(&s->content, xs[i] + sx * off, ys[j],
			    xs[i] + sx * (off + MARK_LEN), ys[j]);
			mark_line(&s->content, xs[i], ys[j] + sy * off,
			    xs[i], ys[j] + sy * (off + MARK_LEN));
		}
	buf_puts(&s->content, "Q\n");
	s->marks = true;
}

/* Makes the sheet a page of dst; trim and bleed may be NULL. */
static bool
sheet_end(struct imp *m, struct sheet *s, const struct box *media,
    const struct box *trim, const struct box *bleed)
{
	qpdf_oh	 page = qpdf_oh_new_dictionary(m->dst);
	qpdf_oh	 res = qpdf_oh_new_dictionary(m->dst);
	qpdf_oh	 content = qpdf_oh_new_stream(m->dst);
	qpdf_oh	 cs;
	bool	 ok;

	qpdf_oh_replace_stream_data(m->dst, content,
	    (const unsigned char *)(s->content.data != NULL ?
	    s->content.data : ""), s->content.len,
	    qpdf_oh_new_null(m->dst), qpdf_oh_new_null(m->dst));
	if (s->nxobjects > 0)
		qpdf_oh_replace_key(m->dst, res, "/XObject", s->xobjects);
	if (s->marks) {
		if (m->reg == 0)
			m->reg = qpdf_make_indirect_object(m->dst,
			    qpdf_oh_parse(m->dst, REGISTRATION));
		cs = qpdf_oh_new_dictionary(m->dst);
		qpdf_oh_replace_key(m->dst, cs, "/Reg", m->reg);
		qpdf_oh_replace_key(m->dst, res, "/ColorSpace", cs);
	}
	qpdf_oh_replace_key(m->dst, page, "/Type",
	    qpdf_oh_new_name(m->dst, "/Page"));
	qpdf_oh_replace_key(m->dst, page, "/MediaBox", box_array(m, media));
	if (bleed != NULL)
		qpdf_oh_replace_key(m->dst, page, "/BleedBox",
		    box_array(m, bleed));
	if (trim != NULL)
		qpdf_oh_replace_key(m->dst, page, "/TrimBox",
		    box_array(m, trim));
	qpdf_oh_replace_key(m->dst, page, "/Resources", res);
	qpdf_oh_replace_key(m->dst, page, "/Contents", content);
	page = qpdf_make_indirect_object(m->dst, page);
	ok = !(qpdf_add_page(m->dst, m->dst, page, QPDF_FALSE) & QPDF_ERRORS);
	buf_free(&s->content);
	return ok;
}

/*
 * A page with bleed and marks holding reader page i (IMPOSE_BLANK: a
 * padding page the size of the first, marks only).
 */
static bool
add_trimmed(struct imp *m, size_t i)
{
	const struct box *p = &m->boxes[i == IMPOSE_BLANK ? 0 : i];
	double		 w = p->x1 - p->x0, h = p->y1 - p->y0, b = m->o->bleed;
	double		 off = b > MARK_MIN_OFF ? b : MARK_MIN_OFF;
	double		 e = off + SLUG;
	struct box	 media = { 0, 0, w + 2 * e, h + 2 * e };
	struct box	 trim = { e, e, e + w, e + h };
	struct box	 bleed = { e - b, e - b, e + w + b, e + h + b };
	struct sheet	 s;

	sheet_begin(m, &s);
	if (i != IMPOSE_BLANK && !sheet_place(m, &s, i, e, e)) {
		buf_free(&s.content);
		return false;
	}
	sheet_marks(m, &s, &trim);
	return sheet_end(m, &s, &media, &trim, &bleed);
}

/*
 * The sheet a spread of w × h pt is printed on: the ISO A paper, landscape,
 * that holds it with at most 3 mm to spare each way (two A5 pages, 296 mm,
 * on A4, 297 mm), else the spread itself.
 */
static void
sheet_size(double w, double h, double *sw, double *sh)
{
	static const double a[][2] = {	/* mm, long side first */
		{ 594, 420 }, { 420, 297 }, { 297, 210 }, { 210, 148 },
		{ 148, 105 }
	};
	size_t	 i;

	for (i = 0; i < NELEM(a); i++) {
		double	 pw = a[i][0] * MM, ph = a[i][1] * MM;

		if (w <= pw + 0.01 && h <= ph + 0.01 && pw - w <= 3 * MM &&
		    ph - h <= 3 * MM) {
			*sw = pw;
			*sh = ph;
			return;
		}
	}
	*sw = w;
	*sh = h;
}

/*
 * One side of a folded sheet: pages l and r (or IMPOSE_BLANK), the
 * spread centred so that the fold is the sheet's middle.
 */
static bool
add_spread(struct imp *m, size_t l, size_t r)
{
	const struct box *p = &m->boxes[0];
	double		 w = p->x1 - p->x0, h = p->y1 - p->y0, sw, sh, x0, y0;
	struct box	 media = { 0, 0, 0, 0 };
	size_t		 side[2] = { l, r };
	struct sheet	 s;
	int		 k;

	sheet_size(2 * w, h, &sw, &sh);
	media.x1 = sw;
	media.y1 = sh;
	x0 = (sw - 2 * w) / 2;
	y0 = (sh - h) / 2;
	sheet_begin(m, &s);
	for (k = 0; k < 2; k++) {
		const struct box *q;

		if (side[k] == IMPOSE_BLANK)
			continue;
		/* a page of another size is centred in its half */
		q = &m->boxes[side[k]];
		if (!sheet_place(m, &s, side[k],
		    x0 + k * w + (w - (q->x1 - q->x0)) / 2,
		    y0 + (h - (q->y1 - q->y0)) / 2)) {
			buf_free(&s.content);
			return false;
		}
	}
	return sheet_end(m, &s, &media, NULL, NULL);
}

/* Copies the document information and, for kind, the page labels. */
static void
copy_doc(struct imp *m, enum kind kind)
{
	qpdf_oh	 trailer = qpdf_get_trailer(m->src);
	qpdf_oh	 root = qpdf_get_root(m->src);

	if (qpdf_oh_has_key(m->src, trailer, "/Info")) {
		qpdf_oh info = copy_obj(m, qpdf_oh_get_key(m->src, trailer,
		    "/Info"));

		if (!qpdf_oh_is_indirect(m->dst, info))
			info = qpdf_make_indirect_object(m->dst, info);
		qpdf_oh_replace_key(m->dst, qpdf_get_trailer(m->dst), "/Info",
		    info);
	}
	/* the same pages in the same order: the labels still hold */
	if (kind == K_PRINT && qpdf_oh_has_key(m->src, root, "/PageLabels"))
		qpdf_oh_replace_key(m->dst, qpdf_get_root(m->dst),
		    "/PageLabels", copy_obj(m, qpdf_oh_get_key(m->src, root,
		    "/PageLabels")));
}

/* Builds the output's pages; returns the page count, 0 on failure. */
static size_t
build(struct imp *m, enum kind kind, size_t *blanks)
{
	size_t	*order = xcalloc(m->n + 3, sizeof *order);
	size_t	 total, i;
	bool	 ok = true;

	if (kind == K_PRINT) {
		for (i = 0; i < m->n; i++)
			order[i] = i;
		total = m->n;
	} else
		total = impose_order(m->n, kind == K_SADDLE ? IMPOSE_SADDLE :
		    IMPOSE_PERFECT, m->o->keep_last, order);
	*blanks = total - m->n;
	if (kind == K_SADDLE)
		for (i = 0; ok && i < total; i += 2)
			ok = add_spread(m, order[i], order[i + 1]);
	else
		for (i = 0; ok && i < total; i++)
			ok = add_trimmed(m, order[i]);
	free(order);
	if (!ok || qpdf_has_error(m->src) || qpdf_has_error(m->dst))
		return 0;
	copy_doc(m, kind);
	return kind == K_SADDLE ? total / 2 : total;
}

/* Writes dst to path (a temporary file of outfile.h). */
static void
write_dst(struct imp *m, const char *path)
{
	char	*version = xstrdup(qpdf_get_pdf_version(m->src));

	if (qpdf_init_write(m->dst, path) & QPDF_ERRORS) {
		free(version);
		return;
	}
	qpdf_set_deterministic_ID(m->dst, QPDF_TRUE);
	qpdf_set_object_stream_mode(m->dst, qpdf_o_generate);
	qpdf_set_compress_streams(m->dst, QPDF_TRUE);
	qpdf_set_minimum_pdf_version(m->dst, version);
	qpdf_write(m->dst);
	free(version);
}

static bool
impose(const char *reader, const char *out, const struct impose_opts *o,
    enum kind kind, struct diag *d, struct impose_out *res)
{
	struct imp	 m = { 0 };
	struct outfile	 of;
	size_t		 pages = 0, blanks = 0;
	bool		 ok = false;

	if (res != NULL)
		memset(res, 0, sizeof *res);
	m.d = d;
	m.reader = reader;
	m.o = o;
	/* on a folded sheet a neighbour's bleed would cover the page */
	m.grow = kind == K_SADDLE ? 0 : o->bleed;
	if (strcmp(reader, out) == 0) {
		diag(d, D_IO, o->pos, "the print file %s would replace the "
		    "reader PDF it is made from; name another file", out);
		return false;
	}
	if (!open_reader(&m))
		goto done;
	m.dst = qpdf_init();
	qpdf_silence_errors(m.dst);
	qpdf_set_suppress_warnings(m.dst, QPDF_TRUE);
	if (qpdf_empty_pdf(m.dst) & QPDF_ERRORS)
		goto done;
	if ((pages = build(&m, kind, &blanks)) == 0) {
		if (!failed(&m, m.src, NULL, "read the pages of", reader) &&
		    !failed(&m, m.dst, o->pos, "make", out))
			diag(d, D_IO, o->pos, "cannot make %s", out);
		goto done;
	}
	if (!outfile_begin(&of, out, o->pos, d))
		goto done;
	write_dst(&m, of.tmp);
	if (failed(&m, m.src, NULL, "read the pages of", reader) ||
	    failed(&m, m.dst, o->pos, "write", out))
		outfile_abort(&of);
	else
		ok = outfile_commit(&of, o->pos, d);
done:
	if (ok && res != NULL) {
		res->pages = pages;
		res->blanks = blanks;
	}
	/* both documents stay open until written: dst reads src's streams */
	if (m.dst != NULL)
		qpdf_cleanup(&m.dst);
	if (m.src != NULL)
		qpdf_cleanup(&m.src);
	free(m.boxes);
	free(m.forms);
	return ok;
}

bool
impose_print(const char *reader_pdf, const char *out,
    const struct impose_opts *o, struct diag *d, struct impose_out *res)
{
	return impose(reader_pdf, out, o, K_PRINT, d, res);
}

bool
impose_booklet(const char *reader_pdf, const char *out,
    const struct impose_opts *o, struct diag *d, struct impose_out *res)
{
	return impose(reader_pdf, out, o, o->binding == IMPOSE_PERFECT ?
	    K_PERFECT : K_SADDLE, d, res);
}
