/*
 * Unit tests for impose.c: the booklet page order, and the print files
 * made from small reader PDFs built here with libqpdf (each page's content
 * starts with "% page K", so that every placed page can be identified),
 * read back with libqpdf: boxes, what each sheet half shows, what is
 * dropped and kept, determinism and failures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "edition.h"
#include "impose.h"
#include "outfile.h"
#include "util.h"

#include "harness.h"
#include "testutil.h"

#define MM	(72.0 / 25.4)
#define A5W	419.527559
#define A5H	595.275591
#define NEAR(a, b)	((a) - (b) < 0.01 && (b) - (a) < 0.01)

static char	 dir[64];

static const char *
tpath(const char *name)
{
	static char	 ring[8][128];
	static int	 k;
	char		*p = ring[k++ % 8];

	snprintf(p, sizeof ring[0], "%s/%s", dir, name);
	return p;
}

/*
 * Writes a reader PDF of n A5 pages (a structure tree, an outline, a link
 * on page 2, document info); page 1 draws a box 8 pt past its corner, as a
 * full-bleed background would.
 */
static void
make_reader(const char *path, int n)
{
	qpdf_data	 q = qpdf_init();
	qpdf_oh		 font, root;
	char		 text[256];
	int		 k;

	qpdf_empty_pdf(q);
	font = qpdf_make_indirect_object(q, qpdf_oh_parse(q,
	    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
	for (k = 1; k <= n; k++) {
		qpdf_oh	 page = qpdf_oh_parse(q, "<< /Type /Page "
			    "/MediaBox [0 0 419.527559 595.275591] /Group << "
			    "/S /Transparency /CS /DeviceRGB /I true >> >>");
		qpdf_oh	 res = qpdf_oh_new_dictionary(q);
		qpdf_oh	 fonts = qpdf_oh_new_dictionary(q);
		qpdf_oh	 content = qpdf_oh_new_stream(q);

		snprintf(text, sizeof text, "%% page %d\n%sBT /F1 24 Tf "
		    "200 300 Td (%d) Tj ET\n", k, k == 1 ?
		    "0 0 1 rg -8 -8 108 108 re f\n" : "", k);
		qpdf_oh_replace_stream_data(q, content,
		    (const unsigned char *)text, strlen(text),
		    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, fonts, "/F1", font);
		qpdf_oh_replace_key(q, res, "/Font", fonts);
		qpdf_oh_replace_key(q, page, "/Resources", res);
		qpdf_oh_replace_key(q, page, "/Contents", content);
		if (k == 2)
			qpdf_oh_replace_key(q, page, "/Annots", qpdf_oh_parse(q,
			    "[<< /Type /Annot /Subtype /Link "
			    "/Rect [0 0 10 10] >>]"));
		page = qpdf_make_indirect_object(q, page);
		qpdf_add_page(q, q, page, QPDF_FALSE);
	}
	root = qpdf_get_root(q);
	qpdf_oh_replace_key(q, root, "/StructTreeRoot",
	    qpdf_make_indirect_object(q, qpdf_oh_parse(q,
	    "<< /Type /StructTreeRoot >>")));
	qpdf_oh_replace_key(q, root, "/MarkInfo",
	    qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_set_info_key(q, "/Title", "Test brochure");
	qpdf_init_write(q, path);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_write(q);
	if (qpdf_has_error(q)) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(2);
	}
	qpdf_cleanup(&q);
}

static qpdf_data
open_pdf(const char *path)
{
	qpdf_data	 q = qpdf_init();

	qpdf_silence_errors(q);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
		qpdf_cleanup(&q);
		return NULL;
	}
	return q;
}

/* Reads a box array; false if the key is missing. */
static bool
get_box(qpdf_data q, qpdf_oh dict, const char *key, double v[4])
{
	qpdf_oh	 a;
	int	 i;

	if (!qpdf_oh_has_key(q, dict, key))
		return false;
	a = qpdf_oh_get_key(q, dict, key);
	for (i = 0; i < 4; i++)
		v[i] = qpdf_oh_get_numeric_value(q,
		    qpdf_oh_get_array_item(q, a, i));
	return true;
}

static bool
box_is(const double v[4], double x0, double y0, double x1, double y1)
{
	return NEAR(v[0], x0) && NEAR(v[1], y0) && NEAR(v[2], x1) &&
	    NEAR(v[3], y1);
}

/* The reader page a form shows (its "% page K"), 0 if none. */
static int
form_page(qpdf_data q, qpdf_oh form)
{
	unsigned char	*data = NULL;
	size_t		 len = 0;
	int		 k = 0;
	char		*s;

	if (qpdf_oh_get_stream_data(q, form, qpdf_dl_generalized, NULL, &data,
	    &len) & QPDF_ERRORS)
		return 0;
	s = xmalloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';
	if (sscanf(s, "%% page %d", &k) != 1)
		k = 0;
	free(s);
	free(data);
	return k;
}

/*
 * What an output page shows: left[] and right[] get the reader pages
 * placed in its left and right half (0: nothing), by their x offset
 * against half. Returns the number of forms drawn.
 */
static int
sheet_pages(qpdf_data q, qpdf_oh page, double half, int *left, int *right)
{
	unsigned char	*data = NULL;
	size_t		 len = 0;
	char		*s, *line, *save = NULL;
	qpdf_oh		 xo = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page,
			    "/Resources"), "/XObject");
	int		 drawn = 0;

	*left = *right = 0;
	if (qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS)
		return -1;
	s = xmalloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		double	 x, y;
		char	 name[32], key[40];

		if (sscanf(line, "q 1 0 0 1 %lf %lf cm /%31s Do Q", &x, &y,
		    name) != 3)
			continue;
		snprintf(key, sizeof key, "/%s", name);
		*(x < half ? left : right) = form_page(q,
		    qpdf_oh_get_key(q, xo, key));
		drawn++;
	}
	free(s);
	free(data);
	return drawn;
}

static bool
same_bytes(const char *a, const char *b)
{
	size_t	 la, lb;
	char	*x = read_file(a, &la), *y = read_file(b, &lb);
	bool	 same = x != NULL && y != NULL && la == lb &&
		    memcmp(x, y, la) == 0;

	free(x);
	free(y);
	return same;
}

/* --- the page order ---------------------------------------------------- */

static void
test_order_saddle(void)
{
	size_t	 o[16];
	size_t	 want8[] = { 7, 0, 1, 6, 5, 2, 3, 4 };
	/* 5 pages, back cover kept last: 1 2 3 4 _ _ _ 5 */
	size_t	 want5[] = { 4, 0, 1, IMPOSE_BLANK, IMPOSE_BLANK, 2, 3,
		    IMPOSE_BLANK };
	/* the same without a back cover: 1 2 3 4 5 _ _ _ */
	size_t	 want5e[] = { IMPOSE_BLANK, 0, 1, IMPOSE_BLANK, IMPOSE_BLANK,
		    2, 3, 4 };
	size_t	 i;

	INT_EQ(impose_order(8, IMPOSE_SADDLE, true, o), 8, "8 pages");
	for (i = 0; i < 8; i++)
		INT_EQ(o[i], want8[i], "8 pages: sheet 1 = [8|1] [2|7] ...");
	INT_EQ(impose_order(5, IMPOSE_SADDLE, true, o), 8, "5 -> 8");
	for (i = 0; i < 8; i++)
		INT_EQ(o[i], want5[i], "5 pages, blanks before the back");
	INT_EQ(impose_order(5, IMPOSE_SADDLE, false, o), 8, "5 -> 8");
	for (i = 0; i < 8; i++)
		INT_EQ(o[i], want5e[i], "5 pages, blanks at the end");
	INT_EQ(impose_order(1, IMPOSE_SADDLE, true, o), 4, "1 -> 4");
	INT_EQ(o[1], 0, "a single page is the front");
	INT_EQ(impose_order(0, IMPOSE_SADDLE, true, o), 0, "no pages");
}

/* Every page once, blanks only as padding, for many lengths. */
static void
test_order_all(void)
{
	size_t	 o[80], seen[80];
	size_t	 n, i, total, blanks;
	int	 b, bad = 0;

	for (b = 0; b < 2; b++)
		for (n = 1; n <= 70; n++) {
			enum impose_binding bd = b ? IMPOSE_PERFECT :
			    IMPOSE_SADDLE;

			total = impose_order(n, bd, n % 2 == 0, o);
			if (total % (b ? 2 : 4) != 0 || total < n ||
			    total >= n + (b ? 2 : 4))
				bad++;
			memset(seen, 0, sizeof seen);
			blanks = 0;
			for (i = 0; i < total; i++)
				if (o[i] == IMPOSE_BLANK)
					blanks++;
				else if (o[i] >= n || seen[o[i]]++)
					bad++;
			if (blanks != total - n)
				bad++;
		}
	INT_EQ(bad, 0, "every page exactly once, padded to 4 or 2");
}

static void
test_order_perfect(void)
{
	size_t	 o[8];
	size_t	 want[] = { 0, 1, 2, 3, IMPOSE_BLANK, 4 };
	size_t	 i;

	INT_EQ(impose_order(5, IMPOSE_PERFECT, true, o), 6, "5 -> 6");
	for (i = 0; i < 6; i++)
		INT_EQ(o[i], want[i], "perfect: blank before the back");
	INT_EQ(impose_order(4, IMPOSE_PERFECT, true, o), 4, "even kept");
	INT_EQ(o[3], 3, "last stays last");
}

/* --- the print PDF ----------------------------------------------------- */

static void
test_print(void)
{
	struct capture	 cap;
	struct impose_opts o = { 3 * MM, true, IMPOSE_SADDLE, NULL };
	struct impose_out res;
	const char	*in = tpath("r3.pdf"), *out = tpath("p3.pdf");
	double		 v[4], e = 3 * MM + 10 * MM, b = 3 * MM;
	qpdf_data	 q;
	qpdf_oh		 page, form, trailer;
	int		 i, l, r;

	make_reader(in, 3);
	capture_open(&cap);
	OK(impose_print(in, out, &o, cap.d, &res), "print PDF written");
	STR_EQ(capture_text(&cap), "", "no messages");
	INT_EQ(res.pages, 3, "3 pages");
	INT_EQ(res.blanks, 0, "no padding");
	capture_close(&cap);
	if ((q = open_pdf(out)) == NULL) {
		OK(0, "print PDF readable");
		return;
	}
	INT_EQ(qpdf_get_num_pages(q), 3, "page count");
	for (i = 0; i < 3; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		OK(get_box(q, page, "/MediaBox", v) && box_is(v, 0, 0,
		    A5W + 2 * e, A5H + 2 * e), "MediaBox: trim + 13 mm");
		OK(get_box(q, page, "/TrimBox", v) && box_is(v, e, e,
		    e + A5W, e + A5H), "TrimBox: the A5 page");
		OK(get_box(q, page, "/BleedBox", v) && box_is(v, e - b, e - b,
		    e + A5W + b, e + A5H + b), "BleedBox: trim + 3 mm");
		INT_EQ(sheet_pages(q, page, 1e9, &l, &r), 1, "one page drawn");
		INT_EQ(l, i + 1, "pages in reader order");
		OK(!qpdf_oh_has_key(q, page, "/Annots"), "links dropped");
		OK(qpdf_oh_has_key(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q,
		    page, "/Resources"), "/ColorSpace"), "/Reg"),
		    "marks in registration colour");
	}
	page = qpdf_get_page_n(q, 0);
	form = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q,
	    page, "/Resources"), "/XObject"), "/P0");
	OK(get_box(q, qpdf_oh_get_dict(q, form), "/BBox", v) &&
	    box_is(v, -b, -b, A5W + b, A5H + b),
	    "the page form keeps what reaches into the bleed");
	OK(qpdf_oh_has_key(q, qpdf_oh_get_dict(q, form), "/Group"),
	    "transparency group kept");
	OK(qpdf_oh_has_key(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, form),
	    "/Resources"), "/Font"), "resources kept");
	OK(!qpdf_oh_has_key(q, qpdf_get_root(q), "/StructTreeRoot"),
	    "structure tree dropped");
	OK(!qpdf_oh_has_key(q, qpdf_get_root(q), "/MarkInfo"),
	    "not marked as tagged");
	trailer = qpdf_get_trailer(q);
	OK(qpdf_oh_has_key(q, trailer, "/ID"), "has an /ID");
	STR_EQ(qpdf_get_info_key(q, "/Title"), "Test brochure", "Info kept");
	qpdf_cleanup(&q);
}

static void
test_print_no_bleed(void)
{
	struct capture	 cap;
	struct impose_opts o = { 0, false, IMPOSE_SADDLE, NULL };
	const char	*in = tpath("r1.pdf"), *out = tpath("p1.pdf");
	double		 t[4], bl[4];
	qpdf_data	 q;
	qpdf_oh		 page;

	make_reader(in, 1);
	capture_open(&cap);
	OK(impose_print(in, out, &o, cap.d, NULL), "written without bleed");
	capture_close(&cap);
	if ((q = open_pdf(out)) == NULL) {
		OK(0, "readable");
		return;
	}
	page = qpdf_get_page_n(q, 0);
	OK(get_box(q, page, "/TrimBox", t) && get_box(q, page, "/BleedBox",
	    bl) && box_is(bl, t[0], t[1], t[2], t[3]), "BleedBox = TrimBox");
	/* marks still 3 mm off the trim: media = trim + 2 * 13 mm */
	OK(get_box(q, page, "/MediaBox", t) && box_is(t, 0, 0,
	    A5W + 26 * MM, A5H + 26 * MM), "room for the marks");
	qpdf_cleanup(&q);
}

/* --- the booklet ------------------------------------------------------- */

static void
test_booklet_saddle(void)
{
	struct capture	 cap;
	struct impose_opts o = { 3 * MM, true, IMPOSE_SADDLE, NULL };
	struct impose_out res;
	const char	*in = tpath("r5.pdf"), *out = tpath("b5.pdf");
	/* sheet sides of 5 pages padded to 8, back cover last */
	int		 wl[] = { 5, 2, 0, 4 }, wr[] = { 1, 0, 3, 0 };
	double		 v[4];
	qpdf_data	 q;
	qpdf_oh		 page, form;
	int		 i, l, r;

	make_reader(in, 5);
	capture_open(&cap);
	OK(impose_booklet(in, out, &o, cap.d, &res), "booklet written");
	STR_EQ(capture_text(&cap), "", "no messages");
	INT_EQ(res.pages, 4, "2 sheets, 4 sides");
	INT_EQ(res.blanks, 3, "3 blank pages");
	capture_close(&cap);
	if ((q = open_pdf(out)) == NULL) {
		OK(0, "booklet readable");
		return;
	}
	INT_EQ(qpdf_get_num_pages(q), 4, "4 sheet sides");
	for (i = 0; i < 4; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		OK(get_box(q, page, "/MediaBox", v) && box_is(v, 0, 0,
		    297 * MM, 210 * MM), "A4 landscape");
		OK(!qpdf_oh_has_key(q, page, "/TrimBox"), "no trim on sheets");
		sheet_pages(q, page, 297 * MM / 2, &l, &r);
		INT_EQ(l, wl[i], "left half");
		INT_EQ(r, wr[i], "right half");
	}
	/* the spread is centred: page 1 starts at the fold */
	page = qpdf_get_page_n(q, 0);
	form = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q,
	    page, "/Resources"), "/XObject"), "/P0");
	OK(get_box(q, qpdf_oh_get_dict(q, form), "/BBox", v) &&
	    box_is(v, 0, 0, A5W, A5H), "cut at the page edge on a sheet");
	qpdf_cleanup(&q);
}

static void
test_booklet_perfect(void)
{
	struct capture	 cap;
	struct impose_opts o = { 3 * MM, true, IMPOSE_PERFECT, NULL };
	struct impose_out res;
	const char	*in = tpath("r5.pdf"), *out = tpath("f5.pdf");
	int		 want[] = { 1, 2, 3, 4, 0, 5 };
	double		 v[4];
	qpdf_data	 q;
	qpdf_oh		 page;
	int		 i, l, r;

	capture_open(&cap);
	OK(impose_booklet(in, out, &o, cap.d, &res), "perfect binding");
	INT_EQ(res.pages, 6, "padded to 6");
	INT_EQ(res.blanks, 1, "one blank");
	capture_close(&cap);
	if ((q = open_pdf(out)) == NULL) {
		OK(0, "readable");
		return;
	}
	INT_EQ(qpdf_get_num_pages(q), 6, "6 pages");
	for (i = 0; i < 6; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		INT_EQ(sheet_pages(q, page, 1e9, &l, &r), want[i] ? 1 : 0,
		    "drawn forms");
		INT_EQ(l, want[i], "page order");
		OK(get_box(q, page, "/TrimBox", v), "trimmed pages");
	}
	qpdf_cleanup(&q);
}

static void
test_deterministic(void)
{
	struct capture	 cap;
	struct impose_opts o = { 3 * MM, true, IMPOSE_SADDLE, NULL };
	const char	*in = tpath("r5.pdf");

	capture_open(&cap);
	OK(impose_booklet(in, tpath("d1.pdf"), &o, cap.d, NULL) &&
	    impose_booklet(in, tpath("d2.pdf"), &o, cap.d, NULL), "written");
	OK(same_bytes(tpath("d1.pdf"), tpath("d2.pdf")), "same bytes");
	OK(impose_print(in, tpath("d3.pdf"), &o, cap.d, NULL) &&
	    impose_print(in, tpath("d4.pdf"), &o, cap.d, NULL), "written");
	OK(same_bytes(tpath("d3.pdf"), tpath("d4.pdf")), "same bytes");
	capture_close(&cap);
}

/* --- failures ---------------------------------------------------------- */

static void
test_failures(void)
{
	struct capture	 cap;
	struct impose_opts o = { 3 * MM, true, IMPOSE_SADDLE, NULL };
	const char	*junk = tpath("junk.pdf"), *out = tpath("x.pdf");
	FILE		*f;
	char		 msg[512];
	struct stat	 st;

	capture_open(&cap);
	OK(!impose_print(tpath("missing.pdf"), out, &o, cap.d, NULL),
	    "missing reader");
	capture_copy(&cap, msg, sizeof msg);
	OK(strstr(msg, "cannot read the reader PDF") != NULL &&
	    strstr(msg, "[io]") != NULL, "reported as io");
	OK(stat(out, &st) != 0, "nothing written");
	capture_close(&cap);

	if ((f = fopen(junk, "w")) != NULL) {
		fputs("not a PDF at all\n", f);
		fclose(f);
	}
	capture_open(&cap);
	OK(!impose_booklet(junk, out, &o, cap.d, NULL), "not a PDF");
	OK(diag_count(cap.d, DIAG_FATAL) == 1, "one fatal message");
	OK(stat(out, &st) != 0, "nothing written");
	capture_close(&cap);

	capture_open(&cap);
	OK(!impose_print(tpath("r3.pdf"), tpath("no/such/dir/x.pdf"), &o,
	    cap.d, NULL), "unwritable output");
	OK(diag_count(cap.d, DIAG_FATAL) == 1, "reported");
	capture_close(&cap);

	capture_open(&cap);
	OK(!impose_print(tpath("r3.pdf"), tpath("r3.pdf"), &o, cap.d, NULL),
	    "output = reader");
	capture_copy(&cap, msg, sizeof msg);
	OK(strstr(msg, "would replace the reader PDF") != NULL, "said why");
	capture_close(&cap);

	/* a failed write keeps the previous good file */
	capture_open(&cap);
	OK(impose_print(tpath("r3.pdf"), out, &o, cap.d, NULL), "good file");
	OK(!impose_print(junk, out, &o, cap.d, NULL), "then a bad run");
	OK(stat(out, &st) == 0 && st.st_size > 0, "good file kept");
	capture_close(&cap);
}

/* --- options from an edition ------------------------------------------- */

static struct edition *
edition_with(const char *name, const char *parts, struct diag *d)
{
	const char	*path = tpath(name);
	FILE		*f = fopen(path, "w");

	if (f == NULL)
		return NULL;
	fprintf(f, "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [{soubor: k.json}]\n%s", parts);
	fclose(f);
	return edition_load(path, d);
}

static void
test_opts_for(void)
{
	struct capture	 cap;
	struct impose_opts o;
	struct edition	*e;
	FILE		*f;

	capture_open(&cap);
	e = edition_with("e1.yaml", "", cap.d);
	OK(e != NULL, "edition read");
	if (e != NULL) {
		impose_opts_for(&o, e, "layouts/a5-brochure.yaml");
		OK(NEAR(o.bleed, 3 * MM), "bleed of a5-brochure: 3 mm");
		OK(o.keep_last, "default parts end with the back cover");
		INT_EQ(o.binding, IMPOSE_SADDLE, "saddle by default");
		edition_free(e);
	}
	e = edition_with("e2.yaml", "oddily: [obalka, sluzby]\n", cap.d);
	if (e != NULL) {
		impose_opts_for(&o, e, "layouts/a5-brochure.yaml");
		OK(!o.keep_last, "no back cover: blanks at the end");
		edition_free(e);
	}
	if ((f = fopen(tpath("l.yaml"), "w")) != NULL) {
		fputs("strana:\n  format: A5\n  spadavka: 5\n", f);
		fclose(f);
	}
	e = edition_with("e3.yaml", "rozvrzeni: l.yaml\n", cap.d);
	if (e != NULL) {
		impose_opts_for(&o, e, NULL);
		OK(NEAR(o.bleed, 5 * MM), "the edition's layout: 5 mm");
		impose_opts_for(&o, e, tpath("none.yaml"));
		OK(NEAR(o.bleed, 3 * MM), "unreadable layout: 3 mm");
		edition_free(e);
	}
	capture_close(&cap);
}

/* The scratch reader PDF of a print-only run (outfile_scratch_new). */
static void
test_tmp_reader(void)
{
	struct capture	 cap;
	char		*p, *q;
	struct stat	 st;

	capture_open(&cap);
	setenv("TMPDIR", dir, 1);
	p = outfile_scratch_new(".pdf", "the print files", cap.d);
	OK(p != NULL && strncmp(p, dir, strlen(dir)) == 0, "in $TMPDIR");
	OK(p != NULL && strlen(p) > 4 &&
	    strcmp(p + strlen(p) - 4, ".pdf") == 0, "named .pdf");
	OK(p != NULL && stat(p, &st) == 0 && st.st_size == 0, "made, empty");
	q = p != NULL ? xstrdup(p) : NULL;
	outfile_scratch_drop(p);
	OK(q != NULL && stat(q, &st) != 0, "dropped: removed");
	free(q);
	setenv("TMPDIR", tpath("no-such-dir"), 1);
	OK(outfile_scratch_new(".pdf", "the print files", cap.d) == NULL,
	    "bad TMPDIR fails");
	OK(diag_count(cap.d, DIAG_FATAL) == 1, "reported");
	OK(strstr(capture_text(&cap), "for the print files") != NULL,
	    "saying what for");
	unsetenv("TMPDIR");
	capture_close(&cap);
}

int
main(void)
{
	char	 cmd[128];

	snprintf(dir, sizeof dir, "/tmp/mapa-impose-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	RUN(test_order_saddle);
	RUN(test_order_all);
	RUN(test_order_perfect);
	RUN(test_print);
	RUN(test_print_no_bleed);
	RUN(test_booklet_saddle);
	RUN(test_booklet_perfect);
	RUN(test_deterministic);
	RUN(test_failures);
	RUN(test_opts_for);
	RUN(test_tmp_reader);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return DONE();
}
