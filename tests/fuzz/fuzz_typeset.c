/*
 * libFuzzer harness for the typesetter: random spans (text, flags, role,
 * face, colour, pictograms, references, links) and paragraph settings go
 * through typeset_par() with the real fonts and the A5 layout (of the
 * checkout the harness was built in), each span's text also through
 * typeset_line().
 *
 * Input: 6 bytes of settings (measure, alignment and hyphenation, hang,
 * indent, right indent, label count), then spans separated by 0x1f, each
 * [flags][style][text...]: flags are the DS_* bits (0x3f), 0x40 makes a
 * pictogram, 0x80 a page reference; style is the role (low 3 bits), the
 * face (next 2) and the colour (top 3, 7 = the role's).
 *
 * Checks, besides memory safety: every run's clusters cover its text and
 * glyphs exactly with no empty cluster; a line that is not marked overfull
 * stays within the measure; an overfull line is reported (D_TOO_LONG);
 * setting the same paragraph again gives the same lines; a one-line text
 * is never wider than asked unless marked overfull.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "layout_file.h"
#include "page.h"
#include "typeset.h"
#include "util.h"

int		 LLVMFuzzerTestOneInput(const uint8_t *, size_t);
const char	*__lsan_default_suppressions(void);

/*
 * The typesetter lives for the whole run: fontconfig's, Pango's and
 * HarfBuzz's font caches grow as new faces and sizes are used and are
 * freed only at exit (fontconfig keeps character sets as offsets, which
 * LeakSanitizer cannot follow). The same libraries as tests/lsan.supp.
 */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libpango-1.0.so\n"
	    "leak:libpangoft2-1.0.so\nleak:libglib-2.0.so\n"
	    "leak:libgobject-2.0.so\nleak:libharfbuzz.so\n";
}

#define MAXSPANS	64

static struct fonts *fonts;
static struct layout_spec *ls;
static struct typeset *ts;

/* The fonts and the A5 layout of the checkout the harness was built in. */
static void
setup(void)
{
	struct diag	*d = diag_new(NULL);
	char		*path = fonts_data_path("layouts/a5-brochure.yaml");

	fonts = fonts_open(NULL, d);
	ls = fonts != NULL ? lspec_load(path, fonts, d) : NULL;
	ts = ls != NULL ? typeset_new(fonts, ls, d) : NULL;
	diag_free(d);
	free(path);
	if (ts == NULL)
		abort();
}

static const char *
ref(void *ctx, const char *anchor)
{
	(void)ctx;
	return anchor[0] == 'a' ? "12" : anchor[0] == 'b' ? "xxiv" : NULL;
}

static void
check_runs(const struct pg_line *l)
{
	size_t	 j, k, b, g;

	for (j = 0; j < l->nruns; j++) {
		const struct pg_run *r = &l->runs[j];

		b = g = 0;
		for (k = 0; k < r->nclusters; k++) {
			if (r->clusters[k].bytes == 0 &&
			    r->clusters[k].glyphs == 0)
				abort();
			b += r->clusters[k].bytes;
			g += r->clusters[k].glyphs;
		}
		if (b != r->len || g != r->nglyphs || strlen(r->text) != r->len)
			abort();
		if (utf8_check((const unsigned char *)r->text, r->len) !=
		    r->len)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc_span	 spans[MAXSPANS];
	struct doc_par	 p;
	struct typeset_opts o;
	struct pg_par	 r, r2;
	struct arena	*a;
	struct diag	*d;
	char		*texts[MAXSPANS];
	size_t		 n = 0, i, k, start, end, nlabel;
	double		 m, right;
	int		 before;
	struct pg_line	*l;

	if (ts == NULL)
		setup();
	if (size < 6)
		return 0;
	memset(&p, 0, sizeof p);
	m = 10 + data[0] * 2;
	p.align = (enum doc_align)(data[1] & 3);
	p.hyphenate = (data[1] & 4) != 0;
	p.hang = data[2] & 0x80 ? (data[2] & 0x7f) : 0;
	p.indent = (double)(int8_t)data[3] / 4;
	right = p.right = data[4] & 0x1f;
	nlabel = data[5] & 3;

	for (start = 6; start <= size && n < MAXSPANS; start = end + 1) {
		struct doc_span	*s = &spans[n];
		uint8_t		 fl, st;

		for (end = start; end < size && data[end] != 0x1f; end++)
			continue;
		if (end - start < 2) {
			if (end >= size)
				break;
			continue;
		}
		fl = data[start];
		st = data[start + 1];
		memset(s, 0, sizeof *s);
		texts[n] = xstrndup((const char *)data + start + 2,
		    end - start - 2);
		s->text = texts[n];
		s->len = strlen(texts[n]);
		s->flags = fl & 0x3f;
		s->role = (enum lspec_role)((st & 7) % LSR__MAX);
		s->face = (enum lspec_face)((st >> 3) & 3);
		s->colour = (st >> 5) == 7 ? -1 : (st >> 5) % LSC__MAX;
		if (fl & 0x40)
			s->icon = (enum doc_icon)(1 + s->len % (DI__MAX - 1));
		if (fl & 0x80)
			s->ref = s->len > 0 && s->text[0] == 'a' ? "a" :
			    s->len > 0 && s->text[0] == 'b' ? "b" : "c";
		if (s->len > 0 && s->text[0] == 'h')
			s->uri = "https://example.cz/";
		if (s->len > 1 && s->text[1] == 'd')
			s->dest = "kotva";
		n++;
		if (end >= size)
			break;
	}
	if (nlabel > n)
		nlabel = n;
	p.label = spans;
	p.nlabel = nlabel;
	p.spans = spans + nlabel;
	p.nspans = n - nlabel;

	d = diag_new(NULL);
	a = arena_new();
	memset(&o, 0, sizeof o);
	o.measure = m;
	o.ref = (data[1] & 8) ? ref : NULL;
	before = diag_count_code(d, D_TOO_LONG);
	if (!typeset_par(ts, &p, &o, a, &r, d))
		abort();
	for (i = 0; i < r.nlines; i++) {
		l = &r.lines[i];
		check_runs(l);
		if (!isfinite(l->width) || !isfinite(l->x))
			abort();
		if (l->overfull && diag_count_code(d, D_TOO_LONG) == before)
			abort();
		/* The first line of a labelled paragraph starts at the
		   label, which may itself be wider than anything. */
		if (!l->overfull && !(i == 0 && nlabel > 0) &&
		    m - right - p.hang - (i == 0 ? p.indent : 0) >= 1 &&
		    l->x + l->width > m - right + 0.01)
			abort();
	}
	if (!typeset_par(ts, &p, &o, a, &r2, d) || r2.nlines != r.nlines)
		abort();
	for (i = 0; i < r.nlines; i++)
		if (r.lines[i].width != r2.lines[i].width ||
		    r.lines[i].nruns != r2.lines[i].nruns)
			abort();
	for (k = 0; k < n; k++) {
		l = typeset_line(ts, spans[k].role, spans[k].face, texts[k],
		    m / 2, a);
		if (l == NULL)
			abort();
		check_runs(l);
		if (!l->overfull && l->width > m / 2 + 0.01)
			abort();
	}
	arena_free(a);
	diag_free(d);
	for (k = 0; k < n; k++)
		free(texts[k]);
	return 0;
}
