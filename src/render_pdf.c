/*
 * The reader PDF (see render_pdf.h): compose → typeset → paginate → pdf,
 * with the passes that settle page references.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "compose.h"
#include "doc.h"
#include "edition.h"
#include "fonts.h"
#include "layout_file.h"
#include "outfile.h"
#include "page.h"
#include "paginate.h"
#include "pdf.h"
#include "pdfpost.h"
#include "progress.h"
#include "render_pdf.h"
#include "strmap.h"
#include "typeset.h"
#include "util.h"

/* Passes after which references that still move are reported. */
#define MAX_PASSES	8

/*
 * A column-end hyphen is avoided only in a paragraph's first lines: each
 * banned line makes the line breaker tell apart breaks by their line
 * number up to it, so bans deep into a paragraph that runs over many
 * columns (a description of a thousand sentences) would make setting it
 * quadratic. Past this line a column may end with a hyphen.
 */
#define MAX_BANNED_LINE	100

/* Where each paragraph stands and what it needs. */
struct slot {
	const struct doc_par *par;
	double		 measure;	/* its section's */
	bool		 has_ref;	/* prints a page reference */
	unsigned char	*no_hyphen;	/* lines that must not end with a
					   hyphen (malloc'd), or NULL */
	size_t		 nno_hyphen;
};

/* Folios by anchor, from one pagination. */
struct folios {
	struct arena	*arena;		/* keys, labels and the arrays */
	struct strmap	*map;		/* anchor -> label */
	const char	**names;	/* in the pagination's (sorted) order */
	const char	**labels;
	size_t		 n;
};

struct run {
	const struct render_pdf_in *in;
	struct diag	*d;
	struct fonts	*fonts;
	struct layout_spec *layout;
	struct doc	*doc;
	struct typeset	*ts;
	struct slot	*slots;		/* [doc->npars] by seq */
	struct pg_par	*set;		/* [doc->npars]: the current setting */
	struct arena	*stable;	/* lines set once */
	struct arena	*pass;		/* lines set again every pass */
	struct folios	 prev;		/* what the current pass prints */
	size_t		 refs;
};

static void
folios_init(struct folios *f)
{
	f->arena = arena_new();
	f->map = strmap_new();
	f->names = f->labels = NULL;
	f->n = 0;
}

static void
folios_free(struct folios *f)
{
	strmap_free(f->map);
	arena_free(f->arena);
	f->map = NULL;
	f->arena = NULL;
}

/* The folios a pagination gives every anchor. */
static void
folios_take(struct folios *f, const struct pg_doc *pd)
{
	size_t	 i;

	f->names = arena_alloc(f->arena, (pd->nanchors + 1) * sizeof *f->names);
	f->labels = arena_alloc(f->arena,
	    (pd->nanchors + 1) * sizeof *f->labels);
	for (i = 0; i < pd->nanchors; i++) {
		const struct pg_anchor *a = &pd->anchors[i];

		f->names[i] = arena_strdup(f->arena, a->name);
		f->labels[i] = arena_strdup(f->arena,
		    pd->pages[a->page].label);
		strmap_put(f->map, f->names[i], (void *)f->labels[i]);
	}
	f->n = pd->nanchors;
}

/* Whether two paginations give the same folios to the same anchors. */
static bool
folios_equal(const struct folios *a, const struct folios *b)
{
	size_t	 i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->names[i], b->names[i]) != 0 ||
		    strcmp(a->labels[i], b->labels[i]) != 0)
			return false;
	return true;
}

static const char *
resolve(void *ctx, const char *anchor)
{
	struct run	*r = ctx;

	return strmap_get(r->prev.map, anchor);
}

static bool
par_has_ref(const struct doc_par *p)
{
	size_t	 i;

	for (i = 0; i < p->nspans; i++)
		if (p->spans[i].ref != NULL)
			return true;
	return false;
}

/* Lists the paragraphs by seq with their measures. */
static void
collect(struct run *r)
{
	const struct doc *doc = r->doc;
	size_t	 s, b, p;

	r->slots = xcalloc(doc->npars + 1, sizeof *r->slots);
	r->set = xcalloc(doc->npars + 1, sizeof *r->set);
	for (s = 0; s < doc->nsections; s++) {
		const struct doc_section *sec = &doc->sections[s];
		double	 m = paginate_measure(doc, sec);

		for (b = 0; b < sec->nblocks; b++)
			for (p = 0; p < sec->blocks[b].npars; p++) {
				const struct doc_par *par =
				    &sec->blocks[b].pars[p];
				struct slot *sl = &r->slots[par->seq];

				sl->par = par;
				sl->measure = m;
				sl->has_ref = par_has_ref(par);
				if (sl->has_ref)
					r->refs++;
			}
	}
}

/* Sets one paragraph with what is known now. */
static void
set_par(struct run *r, size_t seq, struct arena *a)
{
	struct slot	*sl = &r->slots[seq];
	struct typeset_opts o = { 0 };

	o.measure = sl->measure;
	o.no_hyphen = sl->no_hyphen;
	o.nno_hyphen = sl->nno_hyphen;
	o.ref = resolve;
	o.ref_ctx = r;
	if (!typeset_par(r->ts, sl->par, &o, a, &r->set[seq], r->d)) {
		fputs("mapa: out of memory\n", stderr);
		exit(3);
	}
}

/*
 * Sets the paragraphs that change between passes: those with references
 * and those a column end has asked to lose a hyphen.
 */
static void
set_changing(struct run *r)
{
	size_t	 i;

	arena_reset(r->pass);
	for (i = 0; i < r->doc->npars; i++)
		if (r->slots[i].par != NULL &&
		    (r->slots[i].has_ref || r->slots[i].no_hyphen != NULL))
			set_par(r, i, r->pass);
}

/* Records the column ends that must not hyphenate; true if any is new. */
static bool
take_fixes(struct run *r, const struct paginate_out *po)
{
	bool	 changed = false;
	size_t	 i;

	for (i = 0; i < po->nfixes; i++) {
		struct slot *sl = &r->slots[po->fixes[i].seq];
		size_t	 line = po->fixes[i].line;

		if (po->fixes[i].seq >= r->doc->npars || sl->par == NULL ||
		    line >= MAX_BANNED_LINE)
			continue;
		if (line >= sl->nno_hyphen) {
			sl->no_hyphen = xrealloc(sl->no_hyphen, line + 1);
			memset(sl->no_hyphen + sl->nno_hyphen, 0,
			    line + 1 - sl->nno_hyphen);
			sl->nno_hyphen = line + 1;
		}
		if (!sl->no_hyphen[line]) {
			sl->no_hyphen[line] = 1;
			changed = true;
		}
	}
	return changed;
}

static struct pg_line *
set_line(void *ctx, enum lspec_role role, enum lspec_face face,
    const char *text, double width, struct arena *a)
{
	struct run	*r = ctx;

	return typeset_line(r->ts, role, face, text, width, a);
}

/* Whether every folio the last pass printed is where its anchor is now. */
static bool
settled(const struct folios *printed, const struct folios *now)
{
	return folios_equal(printed, now);
}

/*
 * Paginates until the references settle; returns the last pagination.
 */
static struct pg_doc *
lay_out(struct run *r, int *passes)
{
	struct paginate_in in = { 0 };
	struct paginate_out po = { 0 };
	struct pg_doc	*pd = NULL;
	int		 pass;
	size_t		 i, nfonts;

	progress("setting %zu paragraphs", r->doc->npars);
	for (i = 0; i < r->doc->npars; i++)
		if (r->slots[i].par != NULL && !r->slots[i].has_ref)
			set_par(r, i, r->stable);
	in.doc = r->doc;
	in.pars = r->set;
	in.line = set_line;
	in.line_ctx = r;
	for (pass = 1; ; pass++) {
		struct folios	 now;
		bool		 fixes;

		progress("pagination, pass %d", pass);
		set_changing(r);
		in.fonts = typeset_fonts(r->ts, &nfonts);
		in.nfonts = nfonts;
		paginate_free(pd);
		free(po.fixes);
		memset(&po, 0, sizeof po);
		paginate(&in, &po, r->d);
		pd = po.pages;
		fixes = take_fixes(r, &po);
		folios_init(&now);
		folios_take(&now, pd);
		if (pass > 1 && !fixes && settled(&r->prev, &now)) {
			folios_free(&now);
			break;
		}
		folios_free(&r->prev);
		r->prev = now;
		if (pass == MAX_PASSES) {
			diag(r->d, D_PAGINATION, NULL, "page references still "
			    "moved after %d passes; some printed page numbers "
			    "may be wrong", MAX_PASSES);
			break;
		}
	}
	free(po.fixes);
	*passes = pass;
	return pd;
}

static void
run_free(struct run *r)
{
	size_t	 i;

	if (r->slots != NULL)
		for (i = 0; i < r->doc->npars; i++)
			free(r->slots[i].no_hyphen);
	free(r->slots);
	free(r->set);
	folios_free(&r->prev);
	arena_free(r->pass);
	arena_free(r->stable);
	typeset_free(r->ts);
	compose_free(r->doc);
	lspec_free(r->layout);
	fonts_close(r->fonts);
	memset(r, 0, sizeof *r);	/* (freed twice is harmless) */
}

/* Loads the layout the edition (or the command line) names. */
static struct layout_spec *
load_layout(const struct render_pdf_in *in, struct fonts *f, struct diag *d)
{
	const struct edition *e = in->edition;
	const char	*name = in->layout != NULL ? in->layout :
			    e->layout.s != NULL ? e->layout.s : LSPEC_DEFAULT;
	char		*path = lspec_path(name, in->layout != NULL ? NULL :
			    e->file);
	struct layout_spec *l = lspec_load(path, f, d);

	free(path);
	return l;
}

bool
render_pdf(const struct render_pdf_in *in, struct render_pdf_out *out,
    struct diag *d)
{
	struct run	 r = { 0 };
	struct pg_doc	*pd;
	struct outfile	 of;
	bool		 ok = false, drawn;
	int		 passes = 0;
	int		 before = diag_count(d, DIAG_ERROR) +
			    diag_count(d, DIAG_FATAL);

	memset(out, 0, sizeof *out);
	r.in = in;
	r.d = d;
	folios_init(&r.prev);
	r.stable = arena_new();
	r.pass = arena_new();
	if ((r.fonts = fonts_open(NULL, d)) == NULL ||
	    (r.layout = load_layout(in, r.fonts, d)) == NULL ||
	    diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_FATAL) > before)
		goto done;
	progress("composing the brochure");
	r.doc = compose(in->catalogue, in->edition, in->stats, r.layout,
	    r.fonts, in->date, d);
	if ((r.ts = typeset_new(r.fonts, r.layout, d)) == NULL)
		goto done;
	collect(&r);
	pd = lay_out(&r, &passes);
	if (diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_FATAL) > before) {
		paginate_free(pd);
		goto done;
	}
	if (in->geometry != NULL)
		pg_dump(in->geometry, pd);
	out->pages = pd->npages;
	out->passes = passes;
	out->refs = r.refs;
	progress("drawing %zu pages", pd->npages);
	if (outfile_begin(&of, in->path, in->pos, d)) {
		struct pdfpost_scratch s;

		drawn = pdfpost_draw(pd, of.tmp, &s, d);
		/* Finishing needs none of this: give its memory back. */
		paginate_free(pd);
		pd = NULL;
		run_free(&r);
		if (drawn && pdfpost_finish(&s, of.tmp, d))
			ok = outfile_commit(&of, in->pos, d);
		else
			outfile_abort(&of);
	}
	paginate_free(pd);
done:
	run_free(&r);
	return ok;
}
