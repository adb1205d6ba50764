/*
 * libFuzzer harness for the page builder: the input bytes describe a
 * layout (margins, columns, the breaking switches, running heads) and a
 * document of random shape (sections with every start, blocks of every
 * kind, paragraphs of 0-40 lines of 4-40 pt, keeps, spaces, anchors with
 * duplicates, bookmarks, hyphens at line ends). A missing byte reads as 0.
 *
 * Checks, besides memory safety and termination: every page is labelled;
 * nothing leaves the page; content lines and pictures stay in the type
 * area (every item is shorter than a column, so no rule has to give way
 * to that); every set line is placed exactly once; every anchor and
 * section id is found, on a page that exists, and the anchor table is
 * sorted without duplicates; every fix names a hyphenated line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "page.h"
#include "paginate.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct rd {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned
byte(struct rd *r)
{
	if (r->n == 0)
		return 0;
	r->n--;
	return *r->p++;
}

static struct pg_line *
mkline(struct arena *a, const char *text, double h, double w, bool hyph)
{
	struct pg_line	*l;

	ANEW(a, l);
	l->height = h;
	l->ascent = 0.75 * h;
	l->width = w;
	l->hyphen = hyph;
	l->runs = arena_alloc(a, sizeof *l->runs);
	l->nruns = 1;
	l->runs[0].text = arena_strdup(a, text);
	l->runs[0].len = strlen(text);
	return l;
}

static struct pg_line *
line_fn(void *ctx, enum lspec_role role, enum lspec_face face,
    const char *text, double width, struct arena *a)
{
	const struct layout_spec *ls = ctx;
	double		 w = 3.0 * strlen(text);

	return mkline(a, text, ls->font[role].leading, w < width ? w : width,
	    false);
}

static const char *
name(struct arena *a, const char *pre, unsigned n)
{
	char		 t[32];

	snprintf(t, sizeof t, "%s%u", pre, n);
	return arena_strdup(a, t);
}

static enum lspec_place
place(unsigned b)
{
	static const enum lspec_place p[] = { LSP_NONE, LSP_OUTER, LSP_INNER,
	    LSP_CENTRE };

	return p[b % 4];
}

static void
make_layout(struct rd *r, struct layout_spec *ls)
{
	int		 i;

	memset(ls, 0, sizeof *ls);
	ls->page_w = 300 + byte(r);
	ls->page_h = 400 + byte(r);
	ls->inner = 30 + byte(r) % 30;
	ls->outer = 30 + byte(r) % 30;
	ls->top = 45 + byte(r) % 30;
	ls->bottom = 45 + byte(r) % 30;
	ls->columns = 1 + byte(r) % 3;
	ls->gutter = byte(r) % 20;
	for (i = 0; i < LSR__MAX; i++)
		ls->font[i].leading = 6 + byte(r) % 12;
	ls->head.recto = (enum lspec_running)(byte(r) % 4);
	ls->head.verso = (enum lspec_running)(byte(r) % 4);
	ls->head.align = place(byte(r));
	ls->head.folio = place(byte(r));
	ls->head.rule = (byte(r) % 3) * 0.5;
	ls->head.distance = 5 + byte(r) % 20;
	ls->head.on_opening = byte(r) & 1;
	ls->foot = ls->head;
	ls->foot.folio = place(byte(r));
	ls->foot.on_opening = byte(r) & 1;
	ls->entry.space = byte(r) % 16;
	ls->orphans = 1 + byte(r) % 3;
	ls->widows = 1 + byte(r) % 3;
	ls->keep_heading = 1 + byte(r) % 3;
	ls->balance = byte(r) & 1;
}

struct built {
	struct doc	 doc;
	struct pg_par	*pars;
	size_t		 cap;
};

static void
make_par(struct rd *r, struct arena *a, struct built *bd,
    struct doc_block *b)
{
	struct doc_par	*p = &b->pars[b->npars++];
	struct pg_par	*pp;
	unsigned	 f = byte(r), n = byte(r) % 41, h = 4 + byte(r) % 37, i;
	char		 t[32];

	p->seq = bd->doc.npars++;
	p->spans = arena_alloc(a, sizeof *p->spans);
	p->nspans = 1;
	p->spans[0].text = "text";
	p->spans[0].len = 4;
	p->keep_with_next = f & 1;
	p->keep_lines = f & 2;
	p->space_before = (f >> 2) & 7;
	p->space_after = (f >> 5) & 3;
	if (byte(r) & 1)
		p->anchor = (f & 0x80) ? "dup" : name(a, "p", (unsigned)p->seq);
	p->outline = byte(r) % 3;
	if (bd->doc.npars > bd->cap)
		grow(&bd->pars, &bd->cap, bd->doc.npars, sizeof *bd->pars);
	pp = &bd->pars[p->seq];
	memset(pp, 0, sizeof *pp);
	pp->par = p;
	pp->nlines = n;
	pp->lines = arena_alloc(a, (n ? n : 1) * sizeof *pp->lines);
	for (i = 0; i < n; i++) {
		snprintf(t, sizeof t, "%zu.%u", p->seq, i);
		pp->lines[i] = *mkline(a, t, h, 10, (byte(r) & 7) == 0);
	}
}

static void
make_doc(struct rd *r, struct arena *a, const struct layout_spec *ls,
    struct built *bd)
{
	struct doc	*doc = &bd->doc;
	struct doc_section *s;
	struct doc_block *b;
	unsigned	 ns = 1 + byte(r) % 6, i, j, k, nb, np, f;

	doc->arena = a;
	doc->layout = ls;
	doc->meta.running_title = "Title";
	doc->meta.territory = "Territory";
	doc->sections = arena_alloc(a, ns * sizeof *doc->sections);
	for (i = 0; i < ns; i++) {
		s = &doc->sections[doc->nsections++];
		f = byte(r);
		s->start = (enum lspec_start)(f % 3);
		s->columns = f & 4 ? ls->columns : 1;
		s->numbering = f & 8 ? DF_ARABIC : DF_ROMAN;
		s->cover = f & 16;
		s->running = f & 32;
		s->folio = f & 64;
		s->title = f & 128 ? "Section" : NULL;
		s->id = (f & 3) == 3 ? "dup" : name(a, "s", i);
		nb = byte(r) % 21;
		s->blocks = arena_alloc(a, (nb ? nb : 1) * sizeof *s->blocks);
		for (j = 0; j < nb; j++) {
			b = &s->blocks[s->nblocks++];
			f = byte(r);
			b->kind = (enum doc_block_kind)(f % 4);
			b->rule = f & 4 ? 0.5 : 0;
			b->tint = f & 8;
			b->cont = f & 16 ? "cont" : NULL;
			b->space_before = (f >> 5) * 3;
			if (b->kind == DB_IMAGE) {
				b->image = "img.png";
				b->image_w = 1 + byte(r) * 4;
				b->image_h = 1 + byte(r) * 4;
				continue;
			}
			if (b->kind == DB_VFILL)
				continue;
			np = byte(r) % 6;
			b->pars = arena_alloc(a, (np ? np : 1) *
			    sizeof *b->pars);
			for (k = 0; k < np; k++)
				make_par(r, a, bd, b);
		}
	}
}

static void
check(const struct layout_spec *ls, const struct built *bd,
    const struct paginate_out *o)
{
	const struct pg_doc *pg = o->pages;
	const struct pg_item *it;
	const struct pg_anchor *an;
	const struct doc_section *s;
	const struct doc_par *par;
	double		 e = 1e-6, left, top, bot;
	double		 tw = lspec_text_width(ls), th = lspec_text_height(ls);
	size_t		 p, i, j, k, n = 0, want = 0;

	for (p = 0; p < pg->npages; p++) {
		if (pg->pages[p].label == NULL)
			abort();
		if (pg->pages[p].blank && pg->pages[p].nitems != 0)
			abort();
		left = p % 2 == 0 ? ls->inner : ls->outer;
		for (i = 0; i < pg->pages[p].nitems; i++) {
			it = &pg->pages[p].items[i];
			top = it->kind == PGI_LINE ? it->y - it->line->ascent :
			    it->y;
			bot = it->kind == PGI_LINE ? top + it->line->height :
			    top + it->h;
			if (it->x < -e || it->x + it->w > ls->page_w + e ||
			    top < -e || bot > ls->page_h + e)
				abort();
			if (it->role != PGR_CONTENT || it->kind == PGI_DEST)
				continue;
			if (it->kind == PGI_LINE)
				n++;
			if (it->x < left - e || it->x + it->w > left + tw + e ||
			    top < ls->top - e || bot > ls->top + th + e)
				abort();
		}
	}
	for (i = 0; i < bd->doc.npars; i++)
		want += bd->pars[i].nlines;
	if (n != want)
		abort();
	for (i = 1; i < pg->nanchors; i++)
		if (strcmp(pg->anchors[i - 1].name, pg->anchors[i].name) >= 0)
			abort();
	for (i = 0; i < bd->doc.nsections; i++) {
		s = &bd->doc.sections[i];
		an = pg_find_anchor(pg, s->id);
		if (an == NULL || an->page >= pg->npages)
			abort();
		for (j = 0; j < s->nblocks; j++)
			for (k = 0; k < s->blocks[j].npars; k++) {
				par = &s->blocks[j].pars[k];
				if (par->anchor == NULL)
					continue;
				an = pg_find_anchor(pg, par->anchor);
				if (an == NULL || an->page >= pg->npages)
					abort();
			}
	}
	for (i = 0; i < pg->noutline; i++)
		if (pg_find_anchor(pg, pg->outline[i].dest) == NULL)
			abort();
	for (i = 0; i < o->nfixes; i++)
		if (o->fixes[i].seq >= bd->doc.npars ||
		    o->fixes[i].line >= bd->pars[o->fixes[i].seq].nlines ||
		    !bd->pars[o->fixes[i].seq].lines[o->fixes[i].line].hyphen)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rd	 r = { data, size };
	struct layout_spec ls;
	struct built	 bd;
	struct arena	*a = arena_new();
	struct paginate_in in;
	struct paginate_out o;
	struct diag	*d = diag_new(NULL);

	make_layout(&r, &ls);
	memset(&bd, 0, sizeof bd);
	make_doc(&r, a, &ls, &bd);
	memset(&in, 0, sizeof in);
	in.doc = &bd.doc;
	in.pars = bd.pars;
	in.line = line_fn;
	in.line_ctx = &ls;
	paginate(&in, &o, d);
	check(&ls, &bd, &o);
	paginate_free(o.pages);
	free(o.fixes);
	free(bd.pars);
	diag_free(d);
	arena_free(a);
	return 0;
}
