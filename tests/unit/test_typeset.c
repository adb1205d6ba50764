/*
 * Unit tests of the typesetter (typeset.c) with the real fonts of fonts/
 * and the A5 layout: widths as Pango measures them (unhinted, fractional),
 * lines within the measure, justified lines ending exactly at it, the
 * Czech breaking rules (ties, no-break spans, URLs, hyphen limits), text
 * extraction through the runs' clusters, fills and page references,
 * labels, pictograms, links, alignment, the font table, one-line texts
 * with an ellipsis, and the reports. Run from the top of the checkout.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "harness.h"
#include "hyph.h"
#include "layout_file.h"
#include "page.h"
#include "testutil.h"
#include "typeset.h"
#include "typo.h"
#include "util.h"

#define EPS	0.01

static struct fonts *fonts;
static struct layout_spec *ls;
static struct typeset *ts;
static struct arena *ar;
static struct capture cap;

/* --- helpers ----------------------------------------------------------- */

static struct doc_span
span(const char *text, enum lspec_role role, unsigned flags)
{
	struct doc_span	 s;

	memset(&s, 0, sizeof s);
	s.text = text;
	s.len = text != NULL ? strlen(text) : 0;
	s.role = role;
	s.colour = -1;
	s.flags = flags;
	return s;
}

static struct doc_par
par1(struct doc_span *spans, size_t n, enum doc_align align, bool hyph)
{
	struct doc_par	 p;

	memset(&p, 0, sizeof p);
	p.spans = spans;
	p.nspans = n;
	p.align = align;
	p.hyphenate = hyph;
	return p;
}

/* Sets p at measure m (no ref function, no no_hyphen). */
static struct pg_par
set(const struct doc_par *p, double m)
{
	struct typeset_opts o;
	struct pg_par	 r;

	memset(&o, 0, sizeof o);
	o.measure = m;
	if (!typeset_par(ts, p, &o, ar, &r, cap.d))
		memset(&r, 0, sizeof r);
	return r;
}

/* A line's text: its runs' text joined (malloc'd). */
static char *
line_text(const struct pg_line *l)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < l->nruns; i++)
		buf_put(&b, l->runs[i].text, l->runs[i].len);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* Whether every run's clusters cover its text and glyphs exactly, with no
   empty cluster (what cairo_show_text_glyphs demands). */
static bool
clusters_ok(const struct pg_par *r)
{
	size_t	 i, j, k, b, g;

	for (i = 0; i < r->nlines; i++)
		for (j = 0; j < r->lines[i].nruns; j++) {
			const struct pg_run *run = &r->lines[i].runs[j];

			b = g = 0;
			for (k = 0; k < run->nclusters; k++) {
				if (run->clusters[k].bytes == 0 &&
				    run->clusters[k].glyphs == 0)
					return false;
				b += run->clusters[k].bytes;
				g += run->clusters[k].glyphs;
			}
			if (b != run->len || g != run->nglyphs ||
			    strlen(run->text) != run->len)
				return false;
		}
	return true;
}

/* Whether no line leaves the measure m (unless marked overfull). */
static bool
within(const struct pg_par *r, double m)
{
	size_t	 i;

	for (i = 0; i < r->nlines; i++)
		if (!r->lines[i].overfull &&
		    r->lines[i].x + r->lines[i].width > m + EPS)
			return false;
	return true;
}

/*
 * The paragraph's text as extracted: lines joined with a space, except
 * after a drawn hyphen; a soft hyphen is allowed only as a line's last
 * character (then dropped). Returns NULL when one stands elsewhere.
 */
static char *
extract(const struct pg_par *r)
{
	struct buf	 b = { 0 };
	size_t		 i, n;
	char		*t, *p;

	for (i = 0; i < r->nlines; i++) {
		t = line_text(&r->lines[i]);
		n = strlen(t);
		p = strstr(t, "\xc2\xad");
		if (p != NULL && (!r->lines[i].hyphen || p != t + n - 2)) {
			free(t);
			buf_free(&b);
			return NULL;
		}
		if (p != NULL)
			n -= 2;
		if (i > 0 && !r->lines[i - 1].hyphen)
			buf_putc(&b, ' ');
		buf_put(&b, t, n);
		free(t);
	}
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* s with U+00A0 as a plain space (extraction shows every glue as one). */
static char *
plain_spaces(const char *s)
{
	struct buf	 b = { 0 };

	for (; *s != '\0'; s++)
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
			buf_putc(&b, ' ');
			s++;
		} else
			buf_putc(&b, *s);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* The width Pango gives text in a PangoLayout, with a context set up the
   way typeset.c's is documented to be (PangoFT2, unrounded positions). */
static double
pango_width(const char *family, double size, const char *text)
{
	PangoFontMap	*fm = pango_ft2_font_map_new();
	PangoContext	*ctx;
	PangoLayout	*l;
	PangoFontDescription *d;
	int		 w, h;

	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm),
	    fonts_config(fonts));
	ctx = pango_font_map_create_context(fm);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	l = pango_layout_new(ctx);
	d = pango_font_description_from_string(family);
	pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
	pango_layout_set_font_description(l, d);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_size(l, &w, &h);
	pango_font_description_free(d);
	g_object_unref(l);
	g_object_unref(ctx);
	g_object_unref(fm);
	return (double)w / PANGO_SCALE;
}

static const char *const long_text =
    "Terénní sociální služba poskytovaná osobám se sníženou soběstačností "
    "z důvodu věku, chronického onemocnění nebo zdravotního postižení, "
    "jejichž situace vyžaduje pomoc jiné fyzické osoby. Služba se "
    "poskytuje v domácnostech uživatelů v Kroměříži a v obcích "
    "Chropyně, Hulín, Bystřice pod Hostýnem i v okolních obcích; "
    "pomáháme s péčí o vlastní osobu, s osobní hygienou, zajišťujeme "
    "stravu a pomoc při zajištění chodu domácnosti a zprostředkování "
    "kontaktu se společenským prostředím. Poskytovatelé sociálních "
    "služeb spolupracují s ošetřujícími lékaři.";

/* The long text through the typography stage. */
static char *
typo_long(void)
{
	return typo_text(long_text, strlen(long_text), &ls->typo, NULL);
}

/* --- tests ------------------------------------------------------------- */

static void
test_widths(void)
{
	struct doc_span	 s = span("Kroměříž", LSR_TEXT, DS_NOHYPH);
	struct doc_par	 p = par1(&s, 1, DA_LEFT, false);
	struct pg_par	 r = set(&p, 300);
	double		 want = pango_width("Charis SIL", 10.5, "Kroměříž");
	struct pg_line	*l;

	INT_EQ(r.nlines, 1, "one line");
	if (r.nlines != 1)
		return;
	OK(fabs(r.lines[0].width - want) < 1e-3, "width as Pango's layout");
	OK(fabs(want - round(want)) > 0.01, "fractional, not rounded");
	OK(fabs(want - 42.7334) < 1e-3, "the measured width");
	INT_EQ(r.lines[0].nruns, 1, "one run");
	INT_EQ(r.lines[0].runs[0].nglyphs, 8, "eight glyphs");
	STR_EQ(r.lines[0].runs[0].text, "Kroměříž", "run text");
	OK(clusters_ok(&r), "clusters");
	OK(fabs(r.lines[0].runs[0].size - 10.5) < 1e-6, "size");
	INT_EQ(r.lines[0].runs[0].rgb, ls->font[LSR_TEXT].rgb, "colour");
	OK(r.lines[0].height == 14, "height = leading");
	OK(r.lines[0].ascent > 7 && r.lines[0].ascent < 14, "ascent");

	l = typeset_line(ts, LSR_TEXT, LSF_REGULAR, "Kroměříž", 200, ar);
	OK(l != NULL && fabs(l->width - want) < 1e-3, "typeset_line width");
	/* Words are shaped (and cached) one by one: a sentence measures as
	   Pango measures it whole, and setting it again gives the same. */
	{
		static const char sent[] =
		    "Poskytovatel sociálních služeb pro seniory, Kroměříž";
		struct doc_span	 s2 = span(sent, LSR_TEXT, DS_NOHYPH);
		struct doc_par	 p2 = par1(&s2, 1, DA_LEFT, false);
		struct pg_par	 a = set(&p2, 400), b = set(&p2, 400);

		OK(a.nlines == 1 && fabs(a.lines[0].width -
		    pango_width("Charis SIL", 10.5, sent)) < 1e-3,
		    "sentence width as Pango's layout");
		OK(a.nlines == 1 && b.nlines == 1 && a.lines[0].nruns == 1 &&
		    b.lines[0].nruns == 1 && a.lines[0].runs[0].nglyphs ==
		    b.lines[0].runs[0].nglyphs && memcmp(a.lines[0].runs[0].glyphs,
		    b.lines[0].runs[0].glyphs, a.lines[0].runs[0].nglyphs *
		    sizeof(struct pg_glyph)) == 0, "the same again");
	}
	/* Glyph positions step by the advances. */
	OK(r.lines[0].runs[0].glyphs[0].x == 0, "first glyph at 0");
	OK(r.lines[0].runs[0].glyphs[7].x > 30 &&
	    r.lines[0].runs[0].glyphs[7].x < want, "last glyph inside");
}

static void
test_justified(void)
{
	char		*t = typo_long(), *x, *want;
	struct doc_span	 s = span(t, LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_JUSTIFY, true);
	double		 m = lspec_column_width(ls);
	struct pg_par	 r = set(&p, m);
	size_t		 i, hy = 0;

	OK(r.nlines >= 5, "several lines");
	OK(within(&r, m), "within the measure");
	for (i = 0; i < r.nlines; i++) {
		OK(!r.lines[i].overfull, "no overfull line");
		if (i + 1 < r.nlines)
			OK(fabs(r.lines[i].x + r.lines[i].width - m) < EPS,
			    "justified line ends at the measure");
		hy += r.lines[i].hyphen;
	}
	OK(r.lines[r.nlines - 1].width < m - 1, "last line ragged");
	OK(!r.lines[r.nlines - 2].hyphen, "no hyphen before the last line");
	OK(clusters_ok(&r), "clusters");
	x = extract(&r);
	want = plain_spaces(t);
	OK(x != NULL, "soft hyphens only at line ends");
	STR_EQ(x, want, "extracted text");
	free(x);
	free(want);

	/* The same ragged: lines at natural width, still within. */
	p.align = DA_LEFT;
	r = set(&p, m);
	OK(within(&r, m), "ragged within");
	x = extract(&r);
	want = plain_spaces(t);
	STR_EQ(x, want, "ragged extracted text");
	free(x);
	free(want);
	free(t);
}

/* Whether a line ends with a one-letter word of the tie set. */
static bool
ends_one_letter(const char *t)
{
	size_t	 n = strlen(t);
	const char *w;

	while (n > 0 && t[n - 1] == ' ')
		n--;
	w = t + n;
	while (w > t && w[-1] != ' ')
		w--;
	if (t + n - w != 1)
		return false;
	return strchr("kKsSvVzZoOuUaAiI", *w) != NULL;
}

static void
test_ties(void)
{
	char		*line = NULL, *t, *lt, *x, *want;
	size_t		 lcap = 0, i, nlines = 0, npars = 0;
	ssize_t		 n;
	FILE		*f = fopen("tests/typo/typo-cases.tsv", "r");
	struct buf	 all = { 0 };
	static const double measures[] = { 60, 90, 150, 240 };
	size_t		 mi;
	bool		 ok = true, ex = true;

	OK(f != NULL, "tests/typo/typo-cases.tsv opens");
	if (f == NULL)
		return;
	/* Every input of the corpus, as one long paragraph and one by one. */
	while ((n = getline(&line, &lcap, f)) > 0) {
		char	*in = strchr(line, '\t');

		if (in == NULL || strncmp(line, "id\t", 3) == 0)
			continue;
		in = strchr(in + 1, '\t');
		if (in == NULL)
			continue;
		in++;
		in[strcspn(in, "\t\n")] = '\0';
		if (all.len > 0)
			buf_putc(&all, ' ');
		buf_puts(&all, in);
	}
	free(line);
	fclose(f);
	t = typo_text(all.data, all.len, &ls->typo, NULL);
	for (mi = 0; mi < NELEM(measures); mi++) {
		struct doc_span	 s = span(t, LSR_TEXT, 0);
		struct doc_par	 p = par1(&s, 1, DA_JUSTIFY, true);
		struct pg_par	 r = set(&p, measures[mi]);

		npars++;
		for (i = 0; i + 1 < r.nlines; i++) {
			lt = line_text(&r.lines[i]);
			if (ends_one_letter(lt)) {
				printf("ends with a one-letter word: %s\n", lt);
				ok = false;
			}
			free(lt);
			nlines++;
		}
		x = extract(&r);
		want = plain_spaces(t);
		if (x == NULL || strcmp(x, want) != 0) {
			ex = false;
			if (getenv("TYPESET_DEBUG") != NULL)
				printf("got  %s\nwant %s\n", x ? x : "NULL",
				    want);
		}
		free(x);
		free(want);
		OK(clusters_ok(&r), "clusters");
	}
	OK(ok, "no line ends with a one-letter preposition");
	OK(nlines > 100, "enough lines looked at");
	OK(ex, "extracted text of the corpus");
	INT_EQ(npars, 4, "four measures");
	free(t);
	buf_free(&all);
}

static void
test_nobreak(void)
{
	struct doc_span	 s[3];
	struct doc_par	 p;
	struct pg_par	 r;
	size_t		 i, found = 0;
	char		*lt;
	double		 m;

	s[0] = span("Volejte kdykoli na naši bezplatnou linku ", LSR_TEXT, 0);
	s[1] = span("+420 800 111 222", LSR_TEXT, DS_NOBREAK);
	s[2] = span(" nebo pište.", LSR_TEXT, 0);
	p = par1(s, 3, DA_LEFT, true);
	/* Measures where the number would fall across a line end. */
	for (m = 150; m < 260; m += 7) {
		r = set(&p, m);
		OK(within(&r, m), "within");
		for (i = 0; i < r.nlines; i++) {
			lt = line_text(&r.lines[i]);
			if (strstr(lt, "+420 800 111 222") != NULL)
				found++;
			free(lt);
		}
	}
	INT_EQ(found, 16, "the number whole on one line each time");
}

static void
test_url(void)
{
	const char	*url = "https://www.charita-kromeriz.cz/socialni-sluzby/"
	    "pecovatelska-sluzba/kontakty@info.example.cz";
	struct doc_span	 s = span(url, LSR_TEXT, DS_URL);
	struct doc_par	 p = par1(&s, 1, DA_LEFT, true);
	struct pg_par	 r;
	struct buf	 b = { 0 };
	size_t		 i, n;
	char		*lt;
	bool		 ends = true, nohy = true;

	s.uri = url;
	r = set(&p, 80);
	OK(r.nlines >= 3, "broken into lines");
	OK(within(&r, 80), "within");
	for (i = 0; i < r.nlines; i++) {
		lt = line_text(&r.lines[i]);
		n = strlen(lt);
		if (i + 1 < r.nlines && (n == 0 ||
		    strchr("/.@", lt[n - 1]) == NULL))
			ends = false;
		if (strstr(lt, "\xc2\xad") != NULL || r.lines[i].hyphen)
			nohy = false;
		OK(strcmp(lt, "https:/") != 0 && strcmp(lt, "https:") != 0,
		    "not inside ://");
		OK(n < 3 || strcmp(lt + n - 3, ".cz") == 0 ||
		    lt[n - 1] != '.' || i + 1 < r.nlines, "tld");
		buf_puts(&b, lt);
		free(lt);
		INT_EQ(r.lines[i].nmarks, 1, "a link on every line");
		if (r.lines[i].nmarks == 1) {
			OK(r.lines[i].marks[0].kind == PGM_URI, "URI mark");
			STR_EQ(r.lines[i].marks[0].target, url, "target");
			OK(fabs(r.lines[i].marks[0].x1 - r.lines[i].width) <
			    EPS, "link to the line's end");
		}
	}
	OK(ends, "breaks only after / . @");
	OK(nohy, "no hyphen drawn");
	buf_putc(&b, '\0');
	STR_EQ(b.data, url, "the URL comes back whole");
	buf_free(&b);
	OK(clusters_ok(&r), "clusters");
	/* The top-level domain stays with its name. */
	s = span("poradna@charita.cz", LSR_TEXT, DS_URL);
	p = par1(&s, 1, DA_LEFT, true);
	r = set(&p, 55);
	lt = r.nlines > 0 ? line_text(&r.lines[r.nlines - 1]) : NULL;
	STR_EQ(lt, "charita.cz", "last line is the domain");
	free(lt);
}

/* The longest run of consecutive hyphenated lines. */
static size_t
max_run(const struct pg_par *r)
{
	size_t	 i, k = 0, best = 0;

	for (i = 0; i < r->nlines; i++) {
		k = r->lines[i].hyphen ? k + 1 : 0;
		best = k > best ? k : best;
	}
	return best;
}

static void
test_hyphens(void)
{
	char		*t = typo_long();
	struct doc_span	 s = span(t, LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_JUSTIFY, true);
	struct typeset_opts o;
	struct pg_par	 r;
	unsigned char	 nh[64];
	size_t		 i, hyl = SIZE_MAX, total = 0;
	double		 m;
	int		 keep = ls->max_hyphens;

	/* Narrow columns hyphenate a lot; at most one in a row here. */
	ls->max_hyphens = 1;
	for (m = 70; m <= 120; m += 5) {
		r = set(&p, m);
		OK(max_run(&r) <= 1, "at most 1 hyphenated line in a row");
		for (i = 0; i < r.nlines; i++)
			total += r.lines[i].hyphen;
	}
	OK(total > 0, "some hyphens at all");
	ls->max_hyphens = 2;
	for (m = 70; m <= 120; m += 5) {
		r = set(&p, m);
		OK(max_run(&r) <= 2, "at most 2 in a row");
	}
	ls->max_hyphens = keep;

	/* no_hyphen: the page builder forbids a hyphen on a line. */
	r = set(&p, 100);
	for (i = 0; i + 1 < r.nlines && i < sizeof nh; i++)
		if (r.lines[i].hyphen) {
			hyl = i;
			break;
		}
	OK(hyl != SIZE_MAX, "a hyphenated line at 100 pt");
	if (hyl != SIZE_MAX) {
		memset(nh, 0, sizeof nh);
		nh[hyl] = 1;
		memset(&o, 0, sizeof o);
		o.measure = 100;
		o.no_hyphen = nh;
		o.nno_hyphen = hyl + 1;
		OK(typeset_par(ts, &p, &o, ar, &r, cap.d), "set again");
		OK(hyl < r.nlines && !r.lines[hyl].hyphen,
		    "no hyphen where forbidden");
		OK(within(&r, 100), "still within");
	}

	/* Not hyphenated when the paragraph says so. */
	p.hyphenate = false;
	r = set(&p, 100);
	for (i = 0, total = 0; i < r.nlines; i++)
		total += r.lines[i].hyphen;
	INT_EQ(total, 0, "no hyphens without hyphenate");
	OK(within(&r, 100), "within");
	/* Nor a DS_NOHYPH span. */
	p.hyphenate = true;
	s.flags = DS_NOHYPH;
	r = set(&p, 100);
	for (i = 0, total = 0; i < r.nlines; i++)
		total += r.lines[i].hyphen;
	INT_EQ(total, 0, "no hyphens in a DS_NOHYPH span");
	free(t);
}

static void
test_compound(void)
{
	static const char text[] = "Pobočka Frýdek-Místek je otevřena denně";
	char		*t = typo_text(text, strlen(text), &ls->typo, NULL);
	struct doc_span	 s = span(t, LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_LEFT, true);
	struct pg_par	 r;
	char		*a, *b, *x;
	double		 m;
	bool		 seen = false;

	for (m = 60; m < 110 && !seen; m += 1) {
		r = set(&p, m);
		if (r.nlines < 2)
			continue;
		a = line_text(&r.lines[0]);
		b = line_text(&r.lines[1]);
		if (strcmp(a, "Pobočka Frýdek-") == 0) {
			seen = true;
			OK(r.lines[0].hyphen, "line ends with the hyphen");
			STR_EQ(b, "Místek je", "next line's text");
			OK(r.lines[1].nruns >= 1 &&
			    r.lines[1].runs[0].nglyphs == 9 &&
			    r.lines[1].runs[0].clusters[0].bytes == 0 &&
			    r.lines[1].runs[0].clusters[0].glyphs == 1,
			    "the hyphen repeated, without text");
			OK(r.lines[1].runs[0].glyphs[0].x == 0 &&
			    r.lines[1].runs[0].glyphs[1].x > 2,
			    "the repeated hyphen before the word");
			OK(within(&r, m), "within");
			OK(clusters_ok(&r), "clusters");
			x = extract(&r);
			STR_EQ(x, text, "extracted: the hyphen once");
			free(x);
		}
		free(a);
		free(b);
	}
	OK(seen, "a break at the compound's hyphen");
	free(t);
}

static const char *
ref12(void *ctx, const char *anchor)
{
	(void)ctx;
	return strcmp(anchor, "seniori") == 0 ? "12" : NULL;
}

static void
test_fill(void)
{
	struct doc_span	 s[3];
	struct doc_par	 p;
	struct typeset_opts o;
	struct pg_par	 r;
	const struct pg_line *l;
	char		*lt;
	size_t		 i;
	double		 m = 200, end;

	s[0] = span("Senioři", LSR_TEXT, DS_NOHYPH);
	s[1] = span("", LSR_TEXT, DS_FILL | DS_LEADERS);
	s[2] = span("", LSR_TEXT, DS_NOHYPH);
	s[2].ref = "seniori";
	s[2].dest = "seniori";
	p = par1(s, 3, DA_LEFT, false);
	memset(&o, 0, sizeof o);
	o.measure = m;
	o.ref = ref12;
	OK(typeset_par(ts, &p, &o, ar, &r, cap.d), "set");
	INT_EQ(r.nlines, 1, "one line");
	if (r.nlines != 1)
		return;
	l = &r.lines[0];
	OK(fabs(l->x + l->width - m) < EPS, "ends at the measure");
	lt = line_text(l);
	STR_EQ(lt, "Senioři 12", "text with the reference");
	free(lt);
	INT_EQ(l->nmarks, 2, "leaders and a link");
	for (i = 0; i < l->nmarks; i++) {
		if (l->marks[i].kind == PGM_LEADERS) {
			OK(l->marks[i].x0 > 30 && l->marks[i].x0 < 40,
			    "leaders start after the title");
			end = l->marks[i].x1;
			OK(m - end > 5 && m - end < 15,
			    "leaders end before the number");
			OK(l->marks[i].size > 10, "leader size");
		} else {
			OK(l->marks[i].kind == PGM_DEST, "a DEST mark");
			STR_EQ(l->marks[i].target, "seniori", "its anchor");
			OK(fabs(l->marks[i].x1 - m) < EPS, "number at the end");
		}
	}
	/* The number's last glyph ends at the measure. */
	if (l->nruns >= 1) {
		const struct pg_run *run = &l->runs[l->nruns - 1];

		OK(run->nglyphs >= 2 && fabs(run->x +
		    run->glyphs[run->nglyphs - 1].x + pango_width("Charis SIL",
		    10.5, "2") - m) < EPS,
		    "the number's right edge at the measure");
	}
	/* Unresolved: "000". */
	o.ref = NULL;
	OK(typeset_par(ts, &p, &o, ar, &r, cap.d), "set");
	lt = r.nlines ? line_text(&r.lines[0]) : NULL;
	STR_EQ(lt, "Senioři 000", "placeholder");
	free(lt);
	/* Centred and right-aligned lines too. */
	p.align = DA_CENTRE;
	r = set(&p, m);
	OK(r.nlines == 1 && fabs(r.lines[0].x + r.lines[0].width - m) < EPS,
	    "fill wins over centring");
	/* A long title: the number stays on the last line with words. */
	s[0] = span("Pečovatelská služba pro seniory a osoby se zdravotním "
	    "postižením v Kroměříži", LSR_TEXT, 0);
	p = par1(s, 3, DA_LEFT, false);
	o.ref = ref12;
	OK(typeset_par(ts, &p, &o, ar, &r, cap.d), "set");
	OK(r.nlines == 2, "two lines");
	if (r.nlines == 2) {
		l = &r.lines[1];
		lt = line_text(l);
		OK(strlen(lt) > 4 && strcmp(lt + strlen(lt) - 3, " 12") == 0,
		    "the number ends the last line");
		OK(strchr(lt, ' ') != lt + strlen(lt) - 3,
		    "with a word before it");
		OK(fabs(l->x + l->width - m) < EPS, "at the measure");
		free(lt);
	}
}

static void
test_align(void)
{
	struct doc_span	 s = span("Krizová pomoc", LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_RIGHT, false);
	struct pg_par	 r = set(&p, 200);
	double		 w;

	OK(r.nlines == 1 && fabs(r.lines[0].x + r.lines[0].width - 200) <
	    EPS, "right aligned");
	w = r.nlines ? r.lines[0].width : 0;
	p.align = DA_CENTRE;
	r = set(&p, 200);
	OK(r.nlines == 1 && fabs(r.lines[0].x - (200 - w) / 2) < EPS,
	    "centred");
	p.align = DA_LEFT;
	p.hang = 10;
	p.indent = 5;
	p.right = 20;
	r = set(&p, 200);
	OK(r.nlines == 1 && fabs(r.lines[0].x - 15) < EPS,
	    "hang + indent");
	p.align = DA_RIGHT;
	r = set(&p, 200);
	OK(r.nlines == 1 && fabs(r.lines[0].x + r.lines[0].width - 180) <
	    EPS, "right indent");
}

static void
test_label(void)
{
	struct doc_span	 lab = span("Pro koho", LSR_LABEL, 0);
	struct doc_span	 s = span("senioři, osoby se zdravotním postižením, "
	    "rodiny s dětmi, osoby v krizi, lidé bez domova", LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_LEFT, false);
	struct pg_par	 r;
	const struct pg_line *l;
	double		 lw;

	p.label = &lab;
	p.nlabel = 1;
	p.hang = 68;
	r = set(&p, 250);
	OK(r.nlines >= 2, "two lines or more");
	if (r.nlines < 2)
		return;
	l = &r.lines[0];
	OK(l->x == 0, "first line from the column's edge");
	OK(l->nruns >= 2, "label and text runs");
	STR_EQ(l->runs[0].text, "Pro koho", "label first");
	OK(l->runs[0].x == 0, "label at 0");
	OK(fabs(l->runs[1].x - 68) < EPS, "text at the hang");
	OK(l->runs[0].size == 9.0f, "label size");
	OK(l->x + l->width <= 250 + EPS, "within");
	OK(fabs(r.lines[1].x - 68) < EPS, "next line at the hang");
	OK(within(&r, 250), "within");
	lw = pango_width("Andika", 9, "Pro koho");
	/* A label wider than the hang pushes the first line's text. */
	p.hang = 20;
	r = set(&p, 250);
	OK(r.nlines >= 2 && r.lines[0].nruns >= 2 &&
	    fabs(r.lines[0].runs[1].x - (lw + 2)) < EPS,
	    "text after the wide label");
	OK(within(&r, 250), "within");
	/* A label alone. */
	p.nspans = 0;
	r = set(&p, 250);
	OK(r.nlines == 1 && r.lines[0].nruns == 1 &&
	    fabs(r.lines[0].width - lw) < EPS, "label without text");
}

static void
test_icon_link(void)
{
	struct doc_span	 s[3];
	struct doc_par	 p;
	struct pg_par	 r;
	const struct pg_line *l;
	size_t		 i, icons = 0, uris = 0;

	s[0] = span("telefon", LSR_LABEL, 0);
	s[0].icon = DI_PHONE;
	s[0].colour = LSC_ACCENT;
	s[1] = span(" ", LSR_TEXT, 0);
	s[2] = span("info@charita.cz", LSR_TEXT, DS_URL);
	s[2].uri = "mailto:info@charita.cz";
	p = par1(s, 3, DA_LEFT, false);
	r = set(&p, 250);
	OK(r.nlines == 1, "one line");
	if (r.nlines != 1)
		return;
	l = &r.lines[0];
	for (i = 0; i < l->nmarks; i++)
		if (l->marks[i].kind == PGM_ICON) {
			icons++;
			OK(l->marks[i].icon == DI_PHONE, "phone");
			OK(l->marks[i].x0 == 0 && fabs(l->marks[i].x1 - 9) <
			    EPS, "one em of the label's size");
			STR_EQ(l->marks[i].alt, "telefon", "alt text");
			INT_EQ(l->marks[i].rgb, ls->colour[LSC_ACCENT],
			    "accent colour");
		} else if (l->marks[i].kind == PGM_URI) {
			uris++;
			OK(l->marks[i].x0 > 9, "link after the icon");
			OK(fabs(l->marks[i].x1 - l->width) < EPS,
			    "link to the end");
		}
	INT_EQ(icons, 1, "one icon");
	INT_EQ(uris, 1, "one link");
	OK(l->nruns == 1 && strcmp(l->runs[0].text, " info@charita.cz") ==
	    0, "space then address (the icon has no text)");
	OK(clusters_ok(&r), "clusters");

	/* The EU flag is one and a half em wide. */
	s[0] = span("vlajka Evropské unie", LSR_TEXT, 0);
	s[0].icon = DI_EU;
	p = par1(s, 1, DA_LEFT, false);
	r = set(&p, 250);
	OK(r.nlines == 1 && r.lines[0].nmarks == 1 &&
	    r.lines[0].marks[0].icon == DI_EU &&
	    fabs(r.lines[0].marks[0].x1 - 1.5 * 10.5) < EPS &&
	    r.lines[0].nruns == 0, "EU flag 1.5 em, no runs");
}

static void
test_fonts_table(void)
{
	struct doc_span	 s[2];
	struct doc_par	 p;
	struct pg_par	 r;
	const struct pg_font *f;
	size_t		 n, i;
	bool		 charis = false, andika_bold = false;

	s[0] = span("Název služby ", LSR_ENTRY, 0);
	s[1] = span("a text", LSR_TEXT, 0);
	s[1].face = LSF_ITALIC;
	p = par1(s, 2, DA_LEFT, false);
	r = set(&p, 300);
	OK(r.nlines == 1 && r.lines[0].nruns == 2, "two runs");
	f = typeset_fonts(ts, &n);
	OK(n >= 2, "fonts");
	for (i = 0; i < n; i++) {
		OK(f[i].file[0] == '/', "absolute path");
		if (strstr(f[i].file, "CharisSIL-Italic.ttf") != NULL)
			charis = f[i].italic && !f[i].bold &&
			    strcmp(f[i].family, "Charis SIL") == 0;
		if (strstr(f[i].file, "Andika-Bold.ttf") != NULL)
			andika_bold = f[i].bold && !f[i].italic &&
			    strcmp(f[i].family, "Andika") == 0;
	}
	OK(charis, "Charis SIL italic listed");
	OK(andika_bold, "Andika bold listed (the role's face)");
	if (r.nlines == 1 && r.lines[0].nruns == 2) {
		OK(strstr(f[r.lines[0].runs[0].font].file, "Andika-Bold") !=
		    NULL, "entry name in Andika bold");
		OK(strstr(f[r.lines[0].runs[1].font].file,
		    "CharisSIL-Italic") != NULL, "italic span");
		OK(r.lines[0].height == ls->font[LSR_ENTRY].leading,
		    "first span's role gives the leading");
	}
}

static void
test_overfull(void)
{
	struct doc_span	 s = span("Nejneobhospodařovávatelnějšími obcemi",
	    LSR_TEXT, DS_NOHYPH);
	struct srcpos	 pos = { NULL, 3, 7 };
	struct doc_par	 p = par1(&s, 1, DA_JUSTIFY, true);
	struct pg_par	 r;
	size_t		 i, over = 0;
	const char	*msg;
	int		 n0 = diag_count_code(cap.d, D_TOO_LONG);

	pos.file = diag_file(cap.d, "k.json");
	s.src = &pos;
	r = set(&p, 60);
	for (i = 0; i < r.nlines; i++)
		over += r.lines[i].overfull;
	INT_EQ(over, 1, "one overfull line");
	INT_EQ(diag_count_code(cap.d, D_TOO_LONG), n0 + 1, "reported once");
	msg = capture_text(&cap);
	OK(strstr(msg, "k.json:3:7: warning: „Nejneobhospodařovávatelnějšími“"
	    " is ") != NULL, "message names the word at its value");
	r = set(&p, 60);
	INT_EQ(diag_count_code(cap.d, D_TOO_LONG), n0 + 2,
	    "once per setting of a span");
	/* Hyphenation lets it fit: no report. */
	s.flags = 0;
	r = set(&p, 80);
	for (i = 0, over = 0; i < r.nlines; i++)
		over += r.lines[i].overfull;
	INT_EQ(over, 0, "hyphenated, it fits");
	INT_EQ(diag_count_code(cap.d, D_TOO_LONG), n0 + 2, "no new report");
}

static void
test_glyph_missing(void)
{
	struct doc_span	 s = span("Jídelna 漢 Kroměříž", LSR_TEXT, 0);
	struct doc_par	 p = par1(&s, 1, DA_LEFT, false);
	struct pg_par	 r;
	int		 before = diag_count_code(cap.d, D_GLYPH_MISSING);

	r = set(&p, 300);
	OK(r.nlines == 1, "set anyway");
	INT_EQ(diag_count_code(cap.d, D_GLYPH_MISSING), before + 1,
	    "reported");
	OK(strstr(capture_text(&cap), "U+6F22") != NULL, "names the char");
	OK(clusters_ok(&r), "clusters");
	/* Invalid UTF-8 and control characters do not upset anything. */
	s = span("a\x01\xff\xfe b\tc\rd\ne", LSR_TEXT, 0);
	p = par1(&s, 1, DA_LEFT, true);
	r = set(&p, 300);
	INT_EQ(r.nlines, 2, "the newline breaks the line");
	OK(clusters_ok(&r), "clusters");
}

static void
test_line(void)
{
	struct pg_line	*l;
	char		*t;
	size_t		 n;

	l = typeset_line(ts, LSR_RUNNING, LSF_REGULAR,
	    "Sociální služby pro seniory a osoby se zdravotním postižením",
	    100, ar);
	OK(l != NULL && l->width <= 100 + EPS && l->width > 80,
	    "shortened to fit");
	t = l != NULL ? line_text(l) : NULL;
	n = t != NULL ? strlen(t) : 0;
	OK(n > 3 && strcmp(t + n - 3, "\xe2\x80\xa6") == 0,
	    "ends with an ellipsis");
	OK(n > 3 && t[n - 4] != ' ', "no space before the ellipsis");
	free(t);
	OK(l != NULL && l->height == 10 && !l->overfull, "running box");
	l = typeset_line(ts, LSR_RUNNING, LSF_REGULAR, "12", 100, ar);
	t = l != NULL ? line_text(l) : NULL;
	STR_EQ(t, "12", "short text unchanged");
	free(t);
	l = typeset_line(ts, LSR_RUNNING, LSF_REGULAR, "Dlouhý", 1, ar);
	OK(l != NULL && l->overfull, "nothing fits: overfull");
	l = typeset_line(ts, LSR_RUNNING, LSF_REGULAR, "", 100, ar);
	OK(l != NULL && l->nruns == 0 && l->width == 0, "empty text");
}

static void
test_forced(void)
{
	struct doc_span	 s[3];
	struct doc_par	 p;
	struct pg_par	 r;
	char		*a;

	s[0] = span("Velké náměstí 115/1 ", LSR_TEXT, DS_NOHYPH);
	s[1] = span(NULL, LSR_TEXT, DS_LINEBREAK);
	s[2] = span("767 01 Kroměříž", LSR_TEXT, DS_NOHYPH);
	p = par1(s, 3, DA_JUSTIFY, false);
	r = set(&p, 300);
	INT_EQ(r.nlines, 2, "two lines");
	if (r.nlines != 2)
		return;
	a = line_text(&r.lines[0]);
	STR_EQ(a, "Velké náměstí 115/1", "first line, trailing space gone");
	free(a);
	OK(r.lines[0].width < 150, "the forced line is ragged");
	/* An empty paragraph gives no lines. */
	p.nspans = 0;
	r = set(&p, 300);
	INT_EQ(r.nlines, 0, "no lines");
}

int
main(void)
{
	struct capture	 c;

	setenv("MAPA_DATADIR", ".", 1);
	capture_open(&c);
	fonts = fonts_open("fonts", c.d);
	ls = fonts != NULL ? lspec_load("layouts/a5-brochure.yaml", fonts,
	    c.d) : NULL;
	ts = ls != NULL ? typeset_new(fonts, ls, c.d) : NULL;
	STR_EQ(capture_text(&c), "", "no messages from the setup");
	capture_close(&c);
	OK(ts != NULL, "typesetter");
	if (ts == NULL)
		return DONE();
	capture_open(&cap);
	ar = arena_new();
	RUN(test_widths);
	RUN(test_justified);
	RUN(test_ties);
	RUN(test_nobreak);
	RUN(test_url);
	RUN(test_hyphens);
	RUN(test_compound);
	RUN(test_fill);
	RUN(test_align);
	RUN(test_label);
	RUN(test_icon_link);
	RUN(test_fonts_table);
	RUN(test_overfull);
	RUN(test_glyph_missing);
	RUN(test_line);
	RUN(test_forced);
	if (getenv("TYPESET_DEBUG") != NULL)
		printf("%s", capture_text(&cap));
	arena_free(ar);
	capture_close(&cap);
	typeset_free(ts);
	lspec_free(ls);
	fonts_close(fonts);
	return DONE();
}
