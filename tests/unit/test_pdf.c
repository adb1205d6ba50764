/*
 * Tests of the PDF writer (pdf.c): a small set of pages built by hand
 * (glyph ids from Cairo, as the typesetter would give them), written and
 * checked with the real tools: qpdf, pdffonts, pdfinfo, pdftotext.
 * Run from the checkout (tests/run.sh does): the fonts are in fonts/.
 */
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "arena.h"
#include "harness.h"
#include "page.h"
#include "pdf.h"
#include "testutil.h"
#include "util.h"

static char		 tmpdir[] = "/tmp/test_pdf.XXXXXX";
static char		 font_regular[PATH_MAX], font_bold[PATH_MAX];

/* ---- running tools ------------------------------------------------------ */

/* Runs a shell command; returns its exit status and its stdout (malloc'd). */
static int
run(const char *cmd, char **out)
{
	FILE	*f;
	struct buf b = { 0 };
	char	 chunk[4096];
	size_t	 n;
	int	 st;

	if ((f = popen(cmd, "r")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	st = pclose(f);
	buf_puts(&b, "");
	if (out != NULL)
		*out = buf_steal(&b);
	else
		buf_free(&b);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *
tmpfile_path(const char *name)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s/%s", tmpdir, name);
	return buf_steal(&b);
}

static char *
slurp(const char *path, size_t *len)
{
	char	*s = NULL;
	FILE	*f = fopen(path, "rb");
	long	 n;

	*len = 0;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = xmalloc((size_t)n + 1);
	*len = fread(s, 1, (size_t)n, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

static int
count_str(const char *hay, size_t len, const char *needle)
{
	size_t	 m = strlen(needle), i;
	int	 n = 0;

	for (i = 0; i + m <= len; i++)
		if (memcmp(hay + i, needle, m) == 0)
			n++;
	return n;
}

/* Collapses every run of white space in s[0..len) to one space; returns
   the new length. */
static size_t
squeeze(char *s, size_t len)
{
	char	*w = s, *r;

	for (r = s; r < s + len; r++)
		if (!is_space((unsigned char)*r))
			*w++ = *r;
		else if (w == s || w[-1] != ' ')
			*w++ = ' ';
	*w = '\0';
	return (size_t)(w - s);
}

/* ---- building pages ----------------------------------------------------- */

struct fixture {
	struct arena	*a;
	struct doc	 doc;
	struct pg_font	 fonts[2];
	cairo_font_face_t *face[2];
	cairo_scaled_font_t *sf[2];	/* at 10 pt */
	FcPattern	*pat[2];
	struct pg_doc	 pd;
	struct doc_par	 pars[8];
	struct doc_block block;		/* for the picture */
};

/*
 * A run showing draw in font f at 10 pt, origin x, whose text is text
 * (NULL: draw itself). When text is longer than draw, the last cluster
 * takes the extra bytes (a drawn hyphen standing for U+00AD). Spaces are
 * given no glyph, as the typesetter does with glue.
 */
static struct pg_run
mkrun(struct fixture *fx, int f, const char *draw, const char *text, double x,
    uint32_t rgb)
{
	struct pg_run		 r;
	cairo_glyph_t		*g = NULL;
	cairo_text_cluster_t	*c = NULL;
	int			 ng = 0, nc = 0, i, gi = 0, k;
	cairo_text_cluster_flags_t fl;
	size_t			 off = 0;

	memset(&r, 0, sizeof r);
	cairo_scaled_font_text_to_glyphs(fx->sf[f], 0, 0, draw, -1, &g, &ng,
	    &c, &nc, &fl);
	if (text == NULL)
		text = draw;
	r.font = (uint16_t)f;
	r.size = 10;
	r.rgb = rgb;
	r.x = x;
	r.text = arena_strdup(fx->a, text);
	r.len = strlen(text);
	r.glyphs = arena_alloc(fx->a, (size_t)ng * sizeof *r.glyphs);
	r.clusters = arena_alloc(fx->a, (size_t)nc * sizeof *r.clusters);
	for (i = 0; i < nc; i++) {
		bool	 space = c[i].num_bytes == 1 && draw[off] == ' ';

		r.clusters[i].bytes = (uint16_t)c[i].num_bytes;
		r.clusters[i].glyphs = space ? 0 : (uint16_t)c[i].num_glyphs;
		for (k = 0; k < c[i].num_glyphs; k++, gi++)
			if (!space) {
				r.glyphs[r.nglyphs].id = (uint32_t)g[gi].index;
				r.glyphs[r.nglyphs].x = (float)g[gi].x;
				r.glyphs[r.nglyphs].y = 0;
				r.nglyphs++;
			}
		off += (size_t)c[i].num_bytes;
	}
	r.nclusters = (size_t)nc;
	r.clusters[nc - 1].bytes += (uint16_t)(r.len - strlen(draw));
	cairo_glyph_free(g);
	cairo_text_cluster_free(c);
	return r;
}

static double
run_width(struct fixture *fx, int f, const char *s)
{
	cairo_text_extents_t e;

	cairo_scaled_font_text_extents(fx->sf[f], s, &e);
	return e.x_advance;
}

static struct pg_line *
mkline(struct fixture *fx, struct pg_run *runs, size_t nruns,
    struct pg_mark *marks, size_t nmarks)
{
	struct pg_line	*l = arena_alloc(fx->a, sizeof *l);

	l->ascent = 9;
	l->height = 12;
	l->runs = arena_alloc(fx->a, nruns * sizeof *runs + 1);
	memcpy(l->runs, runs, nruns * sizeof *runs);
	l->nruns = nruns;
	if (nmarks > 0) {
		l->marks = arena_alloc(fx->a, nmarks * sizeof *marks);
		memcpy(l->marks, marks, nmarks * sizeof *marks);
	}
	l->nmarks = nmarks;
	return l;
}

struct pagebuild {
	struct pg_item	 items[64];
	size_t		 n;
};

static void
add_line(struct pagebuild *pb, const struct pg_line *l, double x, double y,
    const struct doc_par *par, enum pg_role role)
{
	struct pg_item	*it = &pb->items[pb->n++];

	memset(it, 0, sizeof *it);
	it->kind = PGI_LINE;
	it->role = role;
	it->x = x;
	it->y = y;
	it->w = l->width;
	it->h = l->height;
	it->line = l;
	it->par = par;
}

static void
add_item(struct pagebuild *pb, enum pg_item_kind kind, double x, double y,
    double w, double h, uint32_t rgb, const char *name)
{
	struct pg_item	*it = &pb->items[pb->n++];

	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->role = PGR_ARTIFACT;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->rgb = rgb;
	it->name = name;
}

static void
add_page(struct fixture *fx, struct pagebuild *pb, const char *label)
{
	struct pg_page	*pg = &fx->pd.pages[fx->pd.npages++];

	memset(pg, 0, sizeof *pg);
	pg->items = arena_alloc(fx->a, pb->n * sizeof *pb->items + 1);
	memcpy(pg->items, pb->items, pb->n * sizeof *pb->items);
	pg->nitems = pb->n;
	pg->label = label;
	pb->n = 0;
}

static const char *
fixture_font(struct fixture *fx, int i, const char *path, bool bold)
{
	fx->fonts[i].file = path;
	fx->fonts[i].index = 0;
	fx->fonts[i].family = "Charis SIL";
	fx->fonts[i].bold = bold;
	fx->pat[i] = FcPatternCreate();
	FcPatternAddString(fx->pat[i], FC_FILE, (const FcChar8 *)path);
	FcPatternAddInteger(fx->pat[i], FC_INDEX, 0);
	fx->face[i] = cairo_ft_font_face_create_for_pattern(fx->pat[i]);
	{
		cairo_matrix_t	 fm, ctm;
		cairo_font_options_t *o = cairo_font_options_create();

		cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
		cairo_matrix_init_scale(&fm, 10, 10);
		cairo_matrix_init_identity(&ctm);
		fx->sf[i] = cairo_scaled_font_create(fx->face[i], &fm, &ctm, o);
		cairo_font_options_destroy(o);
	}
	return path;
}

/*
 * Three pages: i (a title, a paragraph with a web link and a link to an
 * anchor on page 2, every pictogram, a rule and a box), 1 (the anchor, a
 * paragraph whose first line ends in a drawn hyphen, a contents line with
 * dot leaders, a running foot), 2 (an image, twice).
 */
static void
fixture_open(struct fixture *fx, const char *image)
{
	struct pagebuild pb;
	struct pg_run	 runs[4];
	struct pg_mark	 marks[DI__MAX + 1];
	struct pg_line	*l;
	double		 x, w;
	int		 i, n;

	memset(fx, 0, sizeof *fx);
	memset(&pb, 0, sizeof pb);
	fx->a = arena_new();
	fixture_font(fx, 0, font_regular, false);
	fixture_font(fx, 1, font_bold, true);
	fx->doc.arena = fx->a;
	fx->doc.meta.title = "Mapa pomoci – ORP Kroměříž 2026";
	fx->doc.meta.author = "Město Kroměříž";
	fx->doc.meta.subject = "Katalog sociálních služeb";
	fx->doc.meta.keywords = "sociální služby, Kroměříž";
	fx->doc.meta.creator = "mapa test";
	fx->doc.meta.lang = "cs-CZ";
	fx->doc.meta.date = "2026-09-01T00:00:00Z";
	for (i = 0; i < 8; i++)
		fx->pars[i].seq = (size_t)i;
	fx->pars[0].tag = DT_H1;
	fx->pars[1].tag = DT_P;
	fx->pars[2].tag = DT_H2;
	fx->pars[3].tag = DT_P;
	fx->pars[4].tag = DT_TOCI;
	fx->block.kind = DB_IMAGE;
	fx->block.image = image;
	fx->block.image_w = 60;
	fx->block.image_h = 40;
	fx->pd.doc = &fx->doc;
	fx->pd.page_w = 420;
	fx->pd.page_h = 595;
	fx->pd.fonts = fx->fonts;
	fx->pd.nfonts = 2;
	fx->pd.pages = arena_alloc(fx->a, 4 * sizeof *fx->pd.pages);
	fx->pd.arena = fx->a;

	/* Page i. */
	runs[0] = mkrun(fx, 1, "Kroměříž – žluťoučký kůň", NULL, 0, 0x222222);
	l = mkline(fx, runs, 1, NULL, 0);
	add_line(&pb, l, 40, 60, &fx->pars[0], PGR_CONTENT);

	runs[0] = mkrun(fx, 0, "Web: ", NULL, 0, 0);
	x = run_width(fx, 0, "Web: ");
	runs[1] = mkrun(fx, 0, "mapa(kromeriz)/č", NULL, x, 0x0033aa);
	w = run_width(fx, 0, "mapa(kromeriz)/č");
	memset(marks, 0, sizeof marks);
	marks[0].kind = PGM_URI;
	marks[0].x0 = x;
	marks[0].x1 = x + w;
	marks[0].target = "https://example.cz/mapa(kromeriz)/č 'x'";
	runs[2] = mkrun(fx, 0, " viz strana 1", NULL, x + w, 0);
	marks[1].kind = PGM_DEST;
	marks[1].x0 = x + w + run_width(fx, 0, " viz ");
	marks[1].x1 = x + w + run_width(fx, 0, " viz strana 1");
	marks[1].target = "sekce-1";
	marks[2].kind = PGM_DEST;	/* to nowhere: no link */
	marks[2].x0 = 0;
	marks[2].x1 = 5;
	marks[2].target = "neni";
	l = mkline(fx, runs, 3, marks, 3);
	add_line(&pb, l, 40, 80, &fx->pars[1], PGR_CONTENT);

	/* Every pictogram on one line, each followed by its name. */
	memset(marks, 0, sizeof marks);
	for (i = DI_NONE + 1, n = 0; i < DI__MAX; i++, n++) {
		double	 iw = i == DI_EU ? 15 : 10;

		marks[n].kind = PGM_ICON;
		marks[n].icon = (enum doc_icon)i;
		marks[n].x0 = n * 22;
		marks[n].x1 = n * 22 + iw;
		marks[n].rgb = 0x1a4d80;
		marks[n].alt = "ikona";
	}
	runs[0] = mkrun(fx, 0, "ikony", NULL, n * 22, 0);
	l = mkline(fx, runs, 1, marks, (size_t)n);
	add_line(&pb, l, 40, 110, &fx->pars[1], PGR_CONTENT);
	add_item(&pb, PGI_RULE, 40, 130, 300, 0.5, 0x888888, NULL);
	add_item(&pb, PGI_BOX, 40, 140, 300, 30, 0xeeeeee, NULL);
	add_page(fx, &pb, "i");

	/* Page 1. */
	add_item(&pb, PGI_DEST, 40, 50, 0, 0, 0, "sekce-1");
	add_item(&pb, PGI_DEST, 40, 300, 0, 0, 0, "sekce-1");	/* again */
	add_item(&pb, PGI_DEST, 40, 70, 0, 0, 0, "entry 2/(x)");
	runs[0] = mkrun(fx, 1, "Senioři", NULL, 0, 0);
	l = mkline(fx, runs, 1, NULL, 0);
	add_line(&pb, l, 40, 60, &fx->pars[2], PGR_CONTENT);
	runs[0] = mkrun(fx, 0, "Text o žluťouč-", "Text o žluťouč\xc2\xad",
	    0, 0);
	l = mkline(fx, runs, 1, NULL, 0);
	l->hyphen = true;
	add_line(&pb, l, 40, 80, &fx->pars[3], PGR_CONTENT);
	/* A running foot between the lines of one paragraph. */
	runs[0] = mkrun(fx, 0, "Mapa pomoci", NULL, 0, 0x666666);
	l = mkline(fx, runs, 1, NULL, 0);
	add_line(&pb, l, 40, 560, NULL, PGR_ARTIFACT);
	runs[0] = mkrun(fx, 0, "kém koni.", NULL, 0, 0);
	l = mkline(fx, runs, 1, NULL, 0);
	add_line(&pb, l, 40, 92, &fx->pars[3], PGR_CONTENT);
	runs[0] = mkrun(fx, 0, "Obsah", NULL, 0, 0);
	runs[1] = mkrun(fx, 0, "12", NULL, 280, 0);
	memset(marks, 0, sizeof marks);
	marks[0].kind = PGM_LEADERS;
	marks[0].x0 = run_width(fx, 0, "Obsah");
	marks[0].x1 = 280;
	marks[0].size = 10;
	marks[0].rgb = 0;
	marks[1].kind = PGM_DEST;
	marks[1].x0 = 0;
	marks[1].x1 = 300;
	marks[1].target = "entry 2/(x)";
	l = mkline(fx, runs, 2, marks, 2);
	add_line(&pb, l, 40, 110, &fx->pars[4], PGR_CONTENT);
	runs[0] = mkrun(fx, 0, "Další", NULL, 0, 0);
	runs[1] = mkrun(fx, 0, "3", NULL, 280, 0);
	marks[0].x0 = run_width(fx, 0, "Další");
	l = mkline(fx, runs, 2, marks, 1);
	add_line(&pb, l, 40, 122, &fx->pars[4], PGR_CONTENT);
	add_page(fx, &pb, "1");

	/* Page 2: the picture twice, as content and as an artifact. */
	add_item(&pb, PGI_IMAGE, 40, 60, 60, 40, 0, NULL);
	pb.items[pb.n - 1].block = &fx->block;
	pb.items[pb.n - 1].role = PGR_CONTENT;
	add_item(&pb, PGI_IMAGE, 140, 60, 120, 40, 0, NULL);
	pb.items[pb.n - 1].block = &fx->block;
	add_page(fx, &pb, "2");

	fx->pd.outline = arena_alloc(fx->a, 4 * sizeof *fx->pd.outline);
	fx->pd.outline[0].level = 1;
	fx->pd.outline[0].title = "Senioři a péče";
	fx->pd.outline[0].dest = "sekce-1";
	fx->pd.outline[1].level = 2;
	fx->pd.outline[1].title = "Položka 2";
	fx->pd.outline[1].dest = "entry 2/(x)";
	fx->pd.outline[2].level = 1;
	fx->pd.outline[2].title = "Nikam";
	fx->pd.outline[2].dest = "neni";
	fx->pd.outline[3].level = 1;
	fx->pd.outline[3].title = "Rejstřík";
	fx->pd.outline[3].dest = "sekce-1";
	fx->pd.noutline = 4;
}

static void
fixture_close(struct fixture *fx)
{
	int	 i;

	for (i = 0; i < 2; i++) {
		cairo_scaled_font_destroy(fx->sf[i]);
		cairo_font_face_destroy(fx->face[i]);
		FcPatternDestroy(fx->pat[i]);
	}
	arena_free(fx->a);
}

/* A small PNG and an SVG logo in the temporary folder. */
static void
make_pictures(void)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    30, 20);
	cairo_t		*cr = cairo_create(s);
	char		*png = tmpfile_path("logo.png");
	char		*svg = tmpfile_path("logo.svg");
	FILE		*f;

	cairo_set_source_rgb(cr, 0.2, 0.5, 0.2);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_write_to_png(s, png);
	cairo_surface_destroy(s);
	if ((f = fopen(svg, "w")) != NULL) {
		fputs("<svg xmlns='http://www.w3.org/2000/svg' width='60' "
		    "height='30' viewBox='0 0 60 30'><rect width='60' "
		    "height='30' fill='#003399'/><circle cx='30' cy='15' "
		    "r='10' fill='#ffcc00'/></svg>\n", f);
		fclose(f);
	}
	free(png);
	free(svg);
}

/* ---- tests -------------------------------------------------------------- */

static bool
write_fixture(const char *image, const char *out, char *msgs, size_t size)
{
	struct fixture	 fx;
	struct capture	 cap;
	bool		 ok;

	fixture_open(&fx, image);
	capture_open(&cap);
	ok = pdf_write(&fx.pd, out, cap.d);
	capture_copy(&cap, msgs, size);
	capture_close(&cap);
	fixture_close(&fx);
	return ok;
}

static void
test_write(void)
{
	char	*png = tmpfile_path("logo.png");
	char	*pdf = tmpfile_path("a.pdf");
	char	*cmd = NULL, *out = NULL, msgs[512];
	struct buf b = { 0 };
	int	 st;

	OK(write_fixture(png, pdf, msgs, sizeof msgs), "written");
	STR_EQ(msgs, "", "no messages");

	buf_printf(&b, "qpdf --check '%s' 2>&1", pdf);
	st = run(buf_str(&b), &out);
	INT_EQ(st, 0, "qpdf --check");
	OK(strstr(out, "No syntax or stream encoding errors") != NULL &&
	    strstr(out, "WARNING") == NULL, out);
	free(out);

	/* Fonts: two TrueType faces (each in a Latin-1 and a CID part). */
	buf_reset(&b);
	buf_printf(&b, "pdffonts '%s' | tail -n +3", pdf);
	st = run(buf_str(&b), &out);
	INT_EQ(st, 0, "pdffonts");
	{
		char	*line, *save = NULL;
		int	 n = 0, good = 0;

		for (line = strtok_r(out, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			n++;
			if (strstr(line, "Type 3") == NULL &&
			    strstr(line, "yes yes yes") != NULL &&
			    (strstr(line, "CharisSIL") != NULL))
				good++;
		}
		OK(n >= 2, "fonts listed");
		INT_EQ(good, n, "every font embedded, subset, unicode");
	}
	free(out);

	buf_reset(&b);
	buf_printf(&b, "pdfinfo '%s'", pdf);
	run(buf_str(&b), &out);
	OK(strstr(out, "Title:           Mapa pomoci – ORP Kroměříž 2026\n")
	    != NULL, "title");
	OK(strstr(out, "Author:          Město Kroměříž\n") != NULL, "author");
	OK(strstr(out, "Subject:         Katalog sociálních služeb\n") != NULL,
	    "subject");
	OK(strstr(out, "Keywords:        sociální služby, Kroměříž\n") != NULL,
	    "keywords");
	OK(strstr(out, "Creator:         mapa test\n") != NULL, "creator");
	OK(strstr(out, "Pages:           3\n") != NULL, "pages");
	OK(strstr(out, "Tagged:          yes\n") != NULL, "tagged");
	OK(strstr(out, "Page size:       420 x 595 pts") != NULL, "size");
	free(out);

	/* Dates: as given, in UTC. */
	buf_reset(&b);
	buf_printf(&b, "pdfinfo -isodates '%s' | grep Date", pdf);
	run(buf_str(&b), &out);
	STR_EQ(out, "CreationDate:    2026-09-01T00:00:00Z\n"
	    "ModDate:         2026-09-01T00:00:00Z\n", "dates");
	free(out);

	/* Text: the Czech letters; no soft hyphen; the hyphenated word. */
	buf_reset(&b);
	buf_printf(&b, "pdftotext -enc UTF-8 '%s' -", pdf);
	run(buf_str(&b), &out);
	OK(strstr(out, "Kroměříž – žluťoučký kůň") != NULL, out);
	OK(strstr(out, "Text o žluťoučkém koni.") != NULL, "rejoined word");
	OK(strstr(out, "\xc2\xad") == NULL, "no soft hyphen");
	OK(strstr(out, "mapa(kromeriz)/č") != NULL, "link text");
	free(out);
	buf_reset(&b);
	buf_printf(&b, "pdftotext -raw -enc UTF-8 '%s' -", pdf);
	run(buf_str(&b), &out);
	OK(strstr(out, "Text o žluťouč-\n") != NULL, out);
	free(out);

	/* Structure: Document, headings, paragraphs, leaves. */
	buf_reset(&b);
	buf_printf(&b, "pdfinfo -struct '%s'", pdf);
	run(buf_str(&b), &out);
	OK(strncmp(out, "Document\n", 9) == 0, out);
	OK(strstr(out, "\n  H1 (block)\n    Span (inline)\n  P (block)\n"
	    "    Span (inline)\n    Link (inline)\n      Object ") != NULL,
	    "H1 > Span, P > Span, Link");
	/* Each pictogram is a figure of its own. */
	INT_EQ(count_str(out, strlen(out), "\n    Figure\n"), DI__MAX - 1,
	    "pictograms");
	OK(strstr(out, "\n  H2 (block)\n    Span (inline)\n") != NULL, "H2");
	OK(strstr(out, "\n  Figure\n") != NULL, "the picture");
	/* The paragraph split by the running foot is one element. */
	INT_EQ(count_str(out, strlen(out), "\n  P (block)\n"), 2,
	    "paragraphs");
	/* A contents line is an item of a table of contents (issue 5). */
	OK(strstr(out, "\n  TOC\n    TOCI\n") != NULL,
	    "TOC > TOCI");
	free(out);

	free(cmd);
	buf_free(&b);
	free(png);
	free(pdf);
}

/* Links, destinations, outline and page labels, from qpdf's JSON. */
static void
test_navigation(void)
{
	char	*pdf = tmpfile_path("a.pdf");
	char	*qdf = tmpfile_path("a.qdf");
	char	*out = NULL, *s;
	struct buf b = { 0 };
	size_t	 len;

	buf_printf(&b, "qpdf --json --json-key=pagelabels '%s' | "
	    "/usr/bin/python3 -c 'import json,sys; "
	    "j=json.load(sys.stdin); print(\" \".join(str(x[\"index\"])+\":\"+"
	    "x[\"label\"].get(\"/P\",\"\")[2:]+x[\"label\"].get(\"/S\",\"\")+"
	    "str(x[\"label\"][\"/St\"]) for x in j[\"pagelabels\"]))'",
	    pdf);
	run(buf_str(&b), &out);
	/* i, then 1, 2 (cairo writes them as decimal from 1). */
	STR_EQ(out, "0:i1 1:/D1\n", "page labels");
	free(out);
	buf_reset(&b);
	buf_printf(&b, "pdfinfo -f 1 -l 3 '%s' | grep -c 'Page.*size'", pdf);
	run(buf_str(&b), &out);
	STR_EQ(out, "3\n", "three pages");
	free(out);

	buf_reset(&b);
	buf_printf(&b, "qpdf --json --json-key=outlines '%s' | "
	    "/usr/bin/python3 -c 'import json,sys\n"
	    "def p(o, d):\n"
	    "  for x in o:\n"
	    "    print(\" \"*d + x[\"title\"] + \" \" + str(x[\"destpageposfrom1\"]))\n"
	    "    p(x[\"kids\"], d+1)\n"
	    "p(json.load(sys.stdin)[\"outlines\"], 0)'", pdf);
	run(buf_str(&b), &out);
	STR_EQ(out, "Senioři a péče 2\n Položka 2 2\nRejstřík 2\n",
	    "outline");
	free(out);

	buf_reset(&b);
	buf_printf(&b, "qpdf --qdf --object-streams=disable '%s' '%s'", pdf,
	    qdf);
	INT_EQ(run(buf_str(&b), NULL), 0, "qdf");
	s = slurp(qdf, &len);
	OK(s != NULL, "qdf read");
	if (s != NULL) {
		OK(count_str(s, len, "/URI (https://example.cz/mapa%28kromeriz"
		    "%29/%C4%8D%20%27x%27)") == 1, "URI encoded");
		INT_EQ(count_str(s, len, "/Dest (sekce-1)"), 3,
		    "link and two bookmarks to sekce-1");
		INT_EQ(count_str(s, len, "/Dest (entry%202%2F%28x%29)"), 2,
		    "a link and a bookmark to the encoded name");
		INT_EQ(count_str(s, len, "(neni)"), 0, "no link to nowhere");
		/* Named destinations: each once, at the first place. */
		len = squeeze(s, len);
		INT_EQ(count_str(s, len, "(sekce-1) [ "), 1, "dest sekce-1");
		INT_EQ(count_str(s, len, "/XYZ 40 545 0 ]"), 1, "at y 50");
		INT_EQ(count_str(s, len, "/XYZ 40 295 0 ]"), 0,
		    "repeat ignored");
		INT_EQ(count_str(s, len, "(entry%202%2F%28x%29) [ "), 1,
		    "dest 2");
		INT_EQ(count_str(s, len, "/XYZ 40 525 0 ]"), 1, "at y 70");
		/* One picture, embedded once though placed twice. */
		INT_EQ(count_str(s, len, "/Subtype /Image"), 1, "one image");
		INT_EQ(count_str(s, len, "/Subtype /Link"), 3, "links");
		free(s);
	}
	buf_free(&b);
	free(pdf);
	free(qdf);
}

static bool
same_file(const char *a, const char *b)
{
	size_t	 la, lb;
	char	*sa = slurp(a, &la), *sb = slurp(b, &lb);
	bool	 same = sa != NULL && sb != NULL && la == lb &&
		    memcmp(sa, sb, la) == 0;

	free(sa);
	free(sb);
	return same;
}

static void
test_deterministic(void)
{
	char	*png = tmpfile_path("logo.png");
	char	*a = tmpfile_path("a.pdf"), *b = tmpfile_path("b.pdf");
	char	*c = tmpfile_path("c.pdf"), msgs[512];
	bool	 ok;

	OK(write_fixture(png, b, msgs, sizeof msgs), "second write");
	OK(same_file(a, b), "same bytes twice");
	if (setlocale(LC_ALL, "cs_CZ.UTF-8") != NULL) {
		ok = write_fixture(png, c, msgs, sizeof msgs);
		setlocale(LC_ALL, "C");
		OK(ok, "written under cs_CZ");
		STR_EQ(msgs, "", "no messages under cs_CZ");
		OK(same_file(a, c), "same bytes under cs_CZ");
	} else
		printf("test_pdf: no cs_CZ.UTF-8 locale, locale test skipped\n");
	free(png);
	free(a);
	free(b);
	free(c);
}

static void
test_svg(void)
{
	char	*svg = tmpfile_path("logo.svg");
	char	*pdf = tmpfile_path("svg.pdf"), *qdf = tmpfile_path("svg.qdf");
	char	 msgs[512], *s;
	struct buf b = { 0 };
	size_t	 len;

	OK(write_fixture(svg, pdf, msgs, sizeof msgs), "written with SVG");
	STR_EQ(msgs, "", "no messages");
	buf_printf(&b, "qpdf --check '%s' >/dev/null 2>&1 && qpdf --qdf "
	    "--object-streams=disable '%s' '%s'", pdf, pdf, qdf);
	INT_EQ(run(buf_str(&b), NULL), 0, "qpdf");
	if ((s = slurp(qdf, &len)) != NULL) {
		/* The logo is vector: one form used twice, no image. */
		INT_EQ(count_str(s, len, "/Subtype /Image"), 0, "no image");
		OK(count_str(s, len, "0 0.2 0.6 rg") >= 1, "blue drawn");
		free(s);
	}
	buf_free(&b);
	free(svg);
	free(pdf);
	free(qdf);
}

static void
test_errors(void)
{
	char	*pdf = tmpfile_path("e.pdf"), *png = tmpfile_path("logo.png");
	char	 msgs[512], want[600];
	struct fixture	 fx;
	struct capture	 cap;

	OK(!write_fixture("/nonexistent/logo.png", pdf, msgs, sizeof msgs),
	    "missing picture fails");
	STR_EQ(msgs, "mapa: error: cannot read the picture "
	    "/nonexistent/logo.png: file not found [io]\n", "D_IO picture");
	OK(!write_fixture("/nonexistent/logo.svg", pdf, msgs, sizeof msgs),
	    "missing SVG fails");
	OK(strncmp(msgs, "mapa: error: cannot read the picture "
	    "/nonexistent/logo.svg: ", 57) == 0 &&
	    strstr(msgs, "[io]") != NULL, msgs);

	OK(!write_fixture(png, "/nonexistent/dir/x.pdf", msgs, sizeof msgs),
	    "unwritable path fails");
	STR_EQ(msgs, "mapa: error: cannot write the PDF /nonexistent/dir/x.pdf:"
	    " error while writing to output stream [io]\n", "D_IO path");

	/* A font file that is gone. */
	fixture_open(&fx, png);
	fx.fonts[1].file = "/nonexistent/font.ttf";
	capture_open(&cap);
	OK(!pdf_write(&fx.pd, pdf, cap.d), "missing font fails");
	capture_copy(&cap, msgs, sizeof msgs);
	snprintf(want, sizeof want, "mapa: error: cannot use the font file "
	    "/nonexistent/font.ttf: %s [io]\n",
	    cairo_status_to_string(CAIRO_STATUS_FILE_NOT_FOUND));
	OK(strncmp(msgs, "mapa: error: cannot use the font file "
	    "/nonexistent/font.ttf: ", 61) == 0, msgs);
	capture_close(&cap);
	fixture_close(&fx);
	free(pdf);
	free(png);
}

/*
 * Odd pages: a blank page, a page with only an anchor (nothing drawn: the
 * anchor is dropped, not the file), a run whose clusters do not add up
 * (drawn without text), and an empty document.
 */
static void
test_odd(void)
{
	char	*pdf = tmpfile_path("o.pdf"), *png = tmpfile_path("logo.png");
	char	*out = NULL, msgs[512];
	struct fixture	 fx;
	struct capture	 cap;
	struct pagebuild pb;
	struct pg_run	 run1;
	struct pg_line	*l;
	struct buf	 b = { 0 };

	memset(&pb, 0, sizeof pb);
	fixture_open(&fx, png);
	fx.pd.pages = arena_alloc(fx.a, 8 * sizeof *fx.pd.pages);
	fx.pd.npages = 0;
	/* Page 1: blank (before a recto). */
	add_page(&fx, &pb, "i");
	fx.pd.pages[0].blank = true;
	/* Page 2: an anchor only. */
	add_item(&pb, PGI_DEST, 40, 50, 0, 0, 0, "sekce-1");
	add_page(&fx, &pb, "ii");
	/* Page 3: a run with bad clusters, and a good one. */
	run1 = mkrun(&fx, 0, "Chybné shluky", NULL, 0, 0);
	run1.clusters[0].bytes += 5;
	l = mkline(&fx, &run1, 1, NULL, 0);
	add_line(&pb, l, 40, 60, &fx.pars[1], PGR_CONTENT);
	run1 = mkrun(&fx, 0, "Dobré", NULL, 0, 0);
	l = mkline(&fx, &run1, 1, NULL, 0);
	add_line(&pb, l, 40, 80, &fx.pars[3], PGR_CONTENT);
	add_page(&fx, &pb, "1");
	/* Page 4: blank at the end. */
	add_page(&fx, &pb, "2");
	fx.pd.pages[3].blank = true;

	capture_open(&cap);
	OK(pdf_write(&fx.pd, pdf, cap.d), "odd pages written");
	capture_copy(&cap, msgs, sizeof msgs);
	STR_EQ(msgs, "", "no messages");
	capture_close(&cap);
	buf_printf(&b, "qpdf --check '%s' 2>&1 | grep -c WARNING; "
	    "pdfinfo '%s' | grep Pages; pdftotext '%s' - | tr -s '\\n\\f' '|'",
	    pdf, pdf, pdf);
	run(buf_str(&b), &out);
	/* Glyphs without clusters are still read, through the font's map. */
	STR_EQ(out, "0\nPages:           4\n|Chybné shluky|Dobré|", "odd pages");
	free(out);

	/* No pages at all. */
	fx.pd.npages = 0;
	fx.pd.noutline = 0;
	capture_open(&cap);
	OK(pdf_write(&fx.pd, pdf, cap.d), "empty document written");
	capture_close(&cap);
	fixture_close(&fx);
	buf_free(&b);
	free(pdf);
	free(png);
}

int
main(void)
{
	char	*s;

	setlocale(LC_ALL, "C");
	if (realpath("fonts/CharisSIL-Regular.ttf", font_regular) == NULL ||
	    realpath("fonts/CharisSIL-Bold.ttf", font_bold) == NULL) {
		printf("test_pdf: run from the checkout (fonts/ not found)\n");
		return 1;
	}
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	make_pictures();
	RUN(test_write);
	RUN(test_navigation);
	RUN(test_deterministic);
	RUN(test_svg);
	RUN(test_errors);
	RUN(test_odd);
	if (getenv("TEST_PDF_KEEP") == NULL) {
		struct buf b = { 0 };

		buf_printf(&b, "rm -rf '%s'", tmpdir);
		s = buf_steal(&b);
		if (system(s) != 0)
			printf("test_pdf: could not remove %s\n", tmpdir);
		free(s);
	} else
		printf("test_pdf: files kept in %s\n", tmpdir);
	cairo_debug_reset_static_data();
	FcFini();
	return DONE();
}
