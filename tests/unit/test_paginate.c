/*
 * Unit tests of the page builder (paginate.c) and the page helpers
 * (page.c) on synthetic documents: paragraphs of fake set lines of known
 * heights, a fake one-line setter for running heads and continuation
 * marks, a layout built in code. No fonts.
 *
 * The test page: 200 × 300 pt, margins inner 20, outer 10, top 30,
 * bottom 30: a type area 170 × 240 pt, 24 lines of 10 pt per column.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "harness.h"
#include "page.h"
#include "paginate.h"
#include "testutil.h"
#include "util.h"

#define LH	10.0		/* the body lines' height */
#define MAXSEC	16
#define MAXPAR	16

static double fake_w = 60;	/* the width of fake lines */

struct fx {
	struct arena	*a;
	struct layout_spec ls;
	struct doc	 doc;
	size_t		 maxblocks;	/* per section */
	struct pg_par	*pars;		/* by seq */
	size_t		 cap;
};

static void
fx_init(struct fx *f, int columns, size_t maxblocks)
{
	int		 r;

	memset(f, 0, sizeof *f);
	f->a = arena_new();
	f->maxblocks = maxblocks;
	f->ls.page_w = 200;
	f->ls.page_h = 300;
	f->ls.inner = 20;
	f->ls.outer = 10;
	f->ls.top = 30;
	f->ls.bottom = 30;
	f->ls.columns = columns;
	f->ls.gutter = 10;
	for (r = 0; r < LSR__MAX; r++) {
		f->ls.font[r].size = 8;
		f->ls.font[r].leading = LH;
	}
	f->ls.font[LSR_RUNNING].leading = 8;
	f->ls.colour[LSC_RULES] = 0x112233;
	f->ls.colour[LSC_TINT] = 0xeeeeee;
	f->ls.head.recto = LSRT_SECTION;
	f->ls.head.verso = LSRT_TITLE;
	f->ls.head.align = LSP_OUTER;
	f->ls.head.folio = LSP_NONE;
	f->ls.head.rule = 0.5;
	f->ls.head.distance = 12;
	f->ls.head.on_opening = false;
	f->ls.foot.recto = LSRT_NONE;
	f->ls.foot.verso = LSRT_NONE;
	f->ls.foot.align = LSP_INNER;
	f->ls.foot.folio = LSP_OUTER;
	f->ls.foot.distance = 15;
	f->ls.foot.on_opening = true;
	f->ls.entry.space = 6;
	f->ls.orphans = 2;
	f->ls.widows = 2;
	f->ls.keep_heading = 2;
	f->ls.balance = true;
	f->doc.arena = f->a;
	f->doc.layout = &f->ls;
	f->doc.meta.running_title = "Titul";
	f->doc.meta.territory = "Území";
	f->doc.sections = arena_alloc(f->a, MAXSEC *
	    sizeof *f->doc.sections);
}

static void
fx_free(struct fx *f)
{
	free(f->pars);
	arena_free(f->a);
}

static struct doc_section *
sec_add(struct fx *f, enum lspec_start start, int columns,
    enum doc_folio numbering, const char *title, const char *id)
{
	struct doc_section *s = &f->doc.sections[f->doc.nsections++];

	s->id = id;
	s->title = title;
	s->start = start;
	s->columns = columns;
	s->numbering = numbering;
	s->folio = true;
	s->running = true;
	s->blocks = arena_alloc(f->a, f->maxblocks * sizeof *s->blocks);
	return s;
}

static struct doc_block *
blk_add(struct fx *f, struct doc_section *s, enum doc_block_kind kind)
{
	struct doc_block *b = &s->blocks[s->nblocks++];

	b->kind = kind;
	b->pars = arena_alloc(f->a, MAXPAR * sizeof *b->pars);
	return b;
}

/* A fake set line: one run of text. */
static struct pg_line *
fake_line(struct arena *a, const char *text, double h, double w)
{
	struct pg_line	*l;

	ANEW(a, l);
	l->height = h;
	l->ascent = 0.8 * h;
	l->width = w;
	l->runs = arena_alloc(a, sizeof *l->runs);
	l->nruns = 1;
	l->runs[0].text = arena_strdup(a, text);
	l->runs[0].len = strlen(text);
	return l;
}

/* A paragraph of n lines of height h; their text is "<seq>.<line>". */
static struct doc_par *
par_add_h(struct fx *f, struct doc_block *b, size_t n, double h)
{
	struct doc_par	*p = &b->pars[b->npars++];
	struct pg_par	*pp;
	char		 t[32];
	size_t		 i;

	p->seq = f->doc.npars++;
	p->spans = arena_alloc(f->a, sizeof *p->spans);
	p->nspans = 1;
	snprintf(t, sizeof t, "Par %zu", p->seq);
	p->spans[0].text = arena_strdup(f->a, t);
	p->spans[0].len = strlen(t);
	if (f->doc.npars > f->cap)
		grow(&f->pars, &f->cap, f->doc.npars, sizeof *f->pars);
	pp = &f->pars[p->seq];
	memset(pp, 0, sizeof *pp);
	pp->par = p;
	pp->nlines = n;
	pp->lines = arena_alloc(f->a, (n ? n : 1) * sizeof *pp->lines);
	for (i = 0; i < n; i++) {
		snprintf(t, sizeof t, "%zu.%zu", p->seq, i);
		pp->lines[i] = *fake_line(f->a, t, h, fake_w);
	}
	return p;
}

static struct doc_par *
par_add(struct fx *f, struct doc_block *b, size_t n)
{
	return par_add_h(f, b, n, LH);
}

/* The one-line setter: leading of the role, 4 pt per byte. */
static struct pg_line *
line_fn(void *ctx, enum lspec_role role, enum lspec_face face,
    const char *text, double width, struct arena *a)
{
	const struct layout_spec *ls = ctx;
	double		 w = 4.0 * strlen(text);

	return fake_line(a, text, ls->font[role].leading,
	    w < width ? w : width);
}

static void
run(struct fx *f, struct paginate_out *out, struct diag *d)
{
	struct paginate_in in;

	memset(&in, 0, sizeof in);
	in.doc = &f->doc;
	in.pars = f->pars;
	in.line = line_fn;
	in.line_ctx = &f->ls;
	paginate(&in, out, d);
}

/* The item of line l of paragraph seq; its page in *page. */
static const struct pg_item *
find_line(const struct pg_doc *pg, size_t seq, size_t l, size_t *page)
{
	size_t		 p, i;
	const struct pg_item *it;

	for (p = 0; p < pg->npages; p++)
		for (i = 0; i < pg->pages[p].nitems; i++) {
			it = &pg->pages[p].items[i];
			if (it->kind == PGI_LINE && it->par != NULL &&
			    it->par->seq == seq && it->line_no == l) {
				if (page != NULL)
					*page = p;
				return it;
			}
		}
	return NULL;
}

/* The top of an item's line box. */
static double
line_top(const struct pg_item *it)
{
	return it->y - it->line->ascent;
}

/* An artifact line with this text on page p, or NULL. */
static const struct pg_item *
find_artifact(const struct pg_doc *pg, size_t p, const char *text)
{
	size_t		 i;
	char		*t;
	const struct pg_item *it;
	bool		 eq;

	for (i = 0; i < pg->pages[p].nitems; i++) {
		it = &pg->pages[p].items[i];
		if (it->kind != PGI_LINE || it->role != PGR_ARTIFACT)
			continue;
		t = pg_line_text(it->line);
		eq = strcmp(t, text) == 0;
		free(t);
		if (eq)
			return it;
	}
	return NULL;
}

static size_t
count_kind(const struct pg_page *p, enum pg_item_kind k, enum pg_role r)
{
	size_t		 i, n = 0;

	for (i = 0; i < p->nitems; i++)
		if (p->items[i].kind == k && p->items[i].role == r)
			n++;
	return n;
}

/*
 * Nothing leaves the page; content stays in the type area (a line's box,
 * an image); every line of every paragraph is placed exactly once.
 */
static bool
check_bounds(const struct fx *f, const struct pg_doc *pg)
{
	const struct layout_spec *ls = &f->ls;
	const struct pg_item *it;
	double		 left, tw = 170, e = 1e-6, top, bot;
	size_t		 p, i, n = 0, want = 0;

	for (i = 0; i < f->doc.npars; i++)
		want += f->pars[i].nlines;
	for (p = 0; p < pg->npages; p++) {
		left = p % 2 == 0 ? ls->inner : ls->outer;
		for (i = 0; i < pg->pages[p].nitems; i++) {
			it = &pg->pages[p].items[i];
			top = it->kind == PGI_LINE ? line_top(it) : it->y;
			bot = it->kind == PGI_LINE ? top + it->h :
			    it->y + it->h;
			if (it->x < -e || it->x + it->w > ls->page_w + e ||
			    top < -e || bot > ls->page_h + e) {
				printf("page %zu item %zu off the page\n",
				    p + 1, i);
				return false;
			}
			if (it->role != PGR_CONTENT || it->kind == PGI_DEST)
				continue;
			if (it->kind == PGI_LINE)
				n++;
			if (it->x < left - e || it->x + it->w > left + tw + e ||
			    top < ls->top - e ||
			    bot > ls->top + 240 + e) {
				printf("page %zu item %zu (%s) outside the "
				    "type area: x %g..%g y %g..%g\n", p + 1, i,
				    it->kind == PGI_LINE ? "line" : "image",
				    it->x, it->x + it->w, top, bot);
				return false;
			}
		}
	}
	if (n != want)
		printf("%zu lines placed, %zu set\n", n, want);
	return n == want;
}

static void
test_simple(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	const struct pg_item *it;
	const struct pg_anchor *an;
	size_t		 i, pg;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, "Úvod", "sec-1");
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 10);
	capture_open(&cap);
	run(&f, &o, cap.d);
	INT_EQ(o.pages->npages, 1, "one page");
	STR_EQ(o.pages->pages[0].label, "i", "label");
	for (i = 0; i < 10; i++) {
		it = find_line(o.pages, 0, i, &pg);
		OK(it != NULL, "line placed");
		if (it == NULL)
			continue;
		INT_EQ(pg, 0, "page");
		OK(fabs(it->x - 20) < 1e-9, "x at the inner margin");
		OK(fabs(it->y - (30 + i * LH + 8)) < 1e-9, "baseline");
		OK(it->role == PGR_CONTENT, "content");
	}
	an = pg_find_anchor(o.pages, "sec-1");
	OK(an != NULL && an->page == 0 && fabs(an->y - 30) < 1e-9,
	    "section anchor at the type area's top");
	OK(pg_find_anchor(o.pages, "nope") == NULL, "unknown anchor");
	OK(check_bounds(&f, o.pages), "bounds");
	INT_EQ(o.nfixes, 0, "no fixes");
	STR_EQ(capture_text(&cap), "", "no messages");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A heading never ends a column: it goes on with its lines. */
static void
test_heading_kept(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*h;
	size_t		 pg = 9;
	int		 kh;

	for (kh = 1; kh <= 3; kh++) {
		fx_init(&f, 1, 8);
		f.ls.keep_heading = kh;
		f.ls.orphans = 1;
		f.ls.widows = 1;
		s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
		b = blk_add(&f, s, DB_FLOW);
		par_add(&f, b, 21);		/* seq 0 */
		h = par_add(&f, b, 1);		/* seq 1: the heading */
		h->keep_with_next = true;
		par_add(&f, b, 10);		/* seq 2 */
		run(&f, &o, NULL);
		/* 21 + heading + kh lines > 24 only when kh == 3 */
		find_line(o.pages, 1, 0, &pg);
		INT_EQ(pg, kh == 3 ? 1 : 0, "heading page");
		find_line(o.pages, 2, 0, &pg);
		INT_EQ(pg, kh == 3 ? 1 : 0, "first line with the heading");
		OK(check_bounds(&f, o.pages), "bounds");
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}

	/* A chain of headings goes on together. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 20);			/* seq 0 */
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 1 */
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 2 */
	par_add(&f, b, 4);			/* seq 3 */
	run(&f, &o, NULL);
	/* 20 + 1 + 1 + 2 = 24 fits exactly: no break needed... */
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 0, "chain fits");
	find_line(o.pages, 3, 2, &pg);
	INT_EQ(pg, 1, "the rest of the paragraph goes on");
	find_line(o.pages, 3, 1, &pg);
	INT_EQ(pg, 0, "two lines stay with the headings");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 21);			/* seq 0 */
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 1 */
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 2 */
	par_add(&f, b, 4);			/* seq 3 */
	run(&f, &o, NULL);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 1, "chain moves on whole");
	find_line(o.pages, 0, 20, &pg);
	INT_EQ(pg, 0, "the paragraph before stays");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* An index: heading, one line, heading, one line... breaks before
	   a heading, never after one. */
	fx_init(&f, 1, 64);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	for (kh = 0; kh < 20; kh++) {
		b = blk_add(&f, s, DB_FLOW);
		par_add(&f, b, 1)->keep_with_next = true;	/* 2 kh */
		par_add(&f, b, 1);				/* 2 kh + 1 */
	}
	capture_open(&cap);
	run(&f, &o, cap.d);
	find_line(o.pages, 23, 0, &pg);
	INT_EQ(pg, 0, "line 24 fits");
	find_line(o.pages, 24, 0, &pg);
	INT_EQ(pg, 1, "the next heading goes on");
	STR_EQ(capture_text(&cap), "", "nothing forced");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

static void
test_widows_orphans(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	size_t		 pg = 9;

	/* Orphan: one line of B would stay at the foot: B moves whole. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 23);
	par_add(&f, b, 5);
	run(&f, &o, NULL);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 1, "no orphan: B starts on the next page");
	OK(check_bounds(&f, o.pages), "bounds");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Widow: 20 + 4 lines fit, but one alone would go on: 3 + 2. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 20);
	par_add(&f, b, 5);
	run(&f, &o, NULL);
	find_line(o.pages, 1, 2, &pg);
	INT_EQ(pg, 0, "three lines stay");
	find_line(o.pages, 1, 3, &pg);
	INT_EQ(pg, 1, "two lines go on (no widow)");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Too short to split (3 < 2 + 2): moves whole. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 22);
	par_add(&f, b, 3);
	run(&f, &o, NULL);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 1, "short paragraph moves whole");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* keep_lines: never split. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 14);
	par_add(&f, b, 12)->keep_lines = true;
	run(&f, &o, NULL);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 1, "kept paragraph moves whole");
	find_line(o.pages, 1, 11, &pg);
	INT_EQ(pg, 1, "and stays whole");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* Two entries of a directory, in two columns. */
static void
test_entry_whole(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*p;
	const struct pg_item *it;
	size_t		 pg = 9, i, nrules = 0;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 14);			/* seq 0 */
	for (i = 0; i < 2; i++) {
		b = blk_add(&f, s, DB_ENTRY);
		b->rule = 0.4;
		b->cont = "Entry (pokračování)";
		p = par_add(&f, b, 1);		/* seq 1, 4 */
		p->keep_with_next = true;
		p->space_before = 5;
		par_add(&f, b, 3)->space_before = 2;	/* seq 2, 5 */
		par_add(&f, b, 2);		/* seq 3, 6 */
	}
	capture_open(&cap);
	run(&f, &o, cap.d);
	/* 14 + 6 = 20 lines + spaces 5 + 2 fit; the second entry (6 lines +
	   entry space 6 + spaces) does not: it moves whole. */
	find_line(o.pages, 3, 1, &pg);
	INT_EQ(pg, 0, "first entry on page 1");
	it = find_line(o.pages, 4, 0, &pg);
	INT_EQ(pg, 1, "second entry moved whole");
	OK(it != NULL && fabs(line_top(it) - 30) < 1e-9,
	    "space and entry space dropped at the top");
	find_line(o.pages, 6, 1, &pg);
	INT_EQ(pg, 1, "its last line with it");
	it = find_line(o.pages, 2, 0, NULL);
	OK(it != NULL && fabs(line_top(it) - (30 + 14 * LH + 5 + LH + 2)) <
	    1e-9, "space_before inside the column");
	for (i = 0; i < o.pages->npages; i++)
		nrules += count_kind(&o.pages->pages[i], PGI_RULE,
		    PGR_ARTIFACT);
	/* The head's rule on page 2 only (page 1 opens the section). */
	INT_EQ(nrules, 1, "no entry rule at the top of a column");
	STR_EQ(capture_text(&cap), "", "no messages");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Two entries in one column: the rule between them. */
	fx_init(&f, 1, 8);
	f.ls.head.rule = 0;
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	for (i = 0; i < 2; i++) {
		b = blk_add(&f, s, DB_ENTRY);
		b->rule = 0.4;
		par_add(&f, b, 1)->keep_with_next = true;
		par_add(&f, b, 2)->space_after = 4;
	}
	run(&f, &o, NULL);
	INT_EQ(count_kind(&o.pages->pages[0], PGI_RULE, PGR_ARTIFACT), 1,
	    "one rule between the entries");
	for (i = 0; i < o.pages->pages[0].nitems; i++) {
		it = &o.pages->pages[0].items[i];
		if (it->kind != PGI_RULE)
			continue;
		/* entry 1 ends at 30 + 30; space_after 4, entry space 6 */
		OK(fabs(it->y - (30 + 3 * LH + 4 + 3)) < 1e-9,
		    "rule in the middle of the entry space");
		OK(fabs(it->w - 170) < 1e-9 && fabs(it->h - 0.4) < 1e-9 &&
		    it->rgb == 0x112233, "rule's size and colour");
	}
	it = find_line(o.pages, 2, 0, NULL);
	OK(it != NULL && fabs(line_top(it) - (30 + 3 * LH + 4 + 6)) < 1e-9,
	    "entry space");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A group heading (its own flow block) goes on with the entry after it. */
static void
test_heading_entry(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	size_t		 pg = 9;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 16);				/* seq 0 */
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 1: H2 */
	b = blk_add(&f, s, DB_ENTRY);
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 2 */
	par_add(&f, b, 7);				/* seq 3 */
	run(&f, &o, NULL);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 1, "the group heading goes with its entry");
	find_line(o.pages, 3, 6, &pg);
	INT_EQ(pg, 1, "the entry whole");
	find_line(o.pages, 0, 15, &pg);
	INT_EQ(pg, 0, "the text before stays");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

static void
test_entry_tall(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*p;
	const struct pg_item *it, *c;
	size_t		 pg = 9, i, n1 = 0;
	struct srcpos	 pos;

	fx_init(&f, 2, 8);
	f.ls.balance = false;	/* (balanced, it would be 16 + 15) */
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_ENTRY);
	b->cont = "Dlouhá (pokračování)";
	p = par_add(&f, b, 1);			/* seq 0 */
	p->keep_with_next = true;
	pos.file = diag_file(capture_open(&cap), "k.json");
	pos.line = 7;
	pos.col = 12;
	p->spans[0].text = "Dlouhá služba";
	p->spans[0].len = strlen(p->spans[0].text);
	p->spans[0].src = &pos;
	par_add(&f, b, 30);			/* seq 1 */
	run(&f, &o, cap.d);
	INT_EQ(o.pages->npages, 1, "one page, two columns");
	it = find_line(o.pages, 0, 0, &pg);
	OK(it != NULL && fabs(it->x - 20) < 1e-9, "starts in column 1");
	for (i = 0; i < 30; i++) {
		it = find_line(o.pages, 1, i, NULL);
		if (it != NULL && it->x < 100)
			n1++;
	}
	INT_EQ(n1, 23, "23 lines under the name in column 1");
	c = find_artifact(o.pages, 0, "Dlouhá (pokračování)");
	OK(c != NULL && fabs(c->x - 110) < 1e-9 &&
	    fabs(line_top(c) - 30) < 1e-9, "continuation mark at the top");
	it = find_line(o.pages, 1, 23, NULL);
	OK(it != NULL && fabs(line_top(it) - 40) < 1e-9,
	    "the rest under the mark");
	/* Taller than a column, not than a page: no rule is broken. */
	STR_EQ(capture_text(&cap), "", "not reported");
	OK(check_bounds(&f, o.pages), "bounds");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Taller than a page (1 + 50 lines, 48 per page): split across
	   pages, column after column, and reported once. */
	fx_init(&f, 2, 8);
	f.ls.balance = false;
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 10);			/* seq 0 */
	b = blk_add(&f, s, DB_ENTRY);
	b->cont = "Dlouhá (pokračování)";
	p = par_add(&f, b, 1);			/* seq 1 */
	p->keep_with_next = true;
	pos.file = diag_file(capture_open(&cap), "k.json");
	pos.line = 7;
	pos.col = 12;
	p->spans[0].text = "Dlouhá služba";
	p->spans[0].len = strlen(p->spans[0].text);
	p->spans[0].src = &pos;
	par_add(&f, b, 50);			/* seq 2 */
	run(&f, &o, cap.d);
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 0, "starts where it is, under the text");
	it = find_line(o.pages, 1, 0, NULL);
	OK(it != NULL && it->x < 100 && fabs(line_top(it) - 130) < 1e-9,
	    "in column 1 under the text");
	find_line(o.pages, 2, 49, &pg);
	INT_EQ(pg, 1, "goes on on page 2");
	INT_EQ(diag_count_code(cap.d, D_PAGINATION), 1, "reported once");
	STR_EQ(capture_text(&cap), "k.json:7:12: warning: entry „Dlouhá "
	    "služba“ is longer than a page: split across 3 columns on 2 "
	    "pages [pagination]\n", "message");
	OK(check_bounds(&f, o.pages), "bounds");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Split lines keep the widow rule: 22 + 3 lines after a 22-line
	   paragraph in a 24-line column: 2 stay at the foot? orphans 2:
	   the entry starts after it, widows 3 at the top. */
	fx_init(&f, 1, 8);
	f.ls.widows = 3;
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_ENTRY);
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 0 */
	par_add(&f, b, 25);				/* seq 1 */
	run(&f, &o, NULL);
	/* 1 + 23 would leave 2 lines for the top: 1 + 22 and 3 */
	find_line(o.pages, 1, 21, &pg);
	INT_EQ(pg, 0, "22 lines at the foot");
	find_line(o.pages, 1, 22, &pg);
	INT_EQ(pg, 1, "3 lines at the top");
	OK(find_artifact(o.pages, 1, "(pokračování)") == NULL,
	    "no mark without cont");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* An entry that fits a column alone but not under its section's heading:
   split cleanly (widows kept, mark on top), not broken blindly. */
static void
test_entry_squeezed(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	size_t		 pg = 9;

	fx_init(&f, 1, 8);
	f.ls.widows = 3;
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 0: H1 */
	b = blk_add(&f, s, DB_ENTRY);
	b->cont = "E (pokr.)";
	par_add(&f, b, 1)->keep_with_next = true;	/* seq 1 */
	par_add(&f, b, 5);				/* seq 2 */
	par_add(&f, b, 18);				/* seq 3 */
	capture_open(&cap);
	run(&f, &o, cap.d);
	/* H1 + 1 + 5 + 17 = 24, but 1 line would be a widow: 15 + 3 */
	find_line(o.pages, 0, 0, &pg);
	INT_EQ(pg, 0, "the heading stays with the entry");
	find_line(o.pages, 3, 14, &pg);
	INT_EQ(pg, 0, "15 lines at the foot");
	find_line(o.pages, 3, 15, &pg);
	INT_EQ(pg, 1, "3 lines at the top");
	OK(find_artifact(o.pages, 1, "E (pokr.)") != NULL, "the mark");
	STR_EQ(capture_text(&cap), "mapa: note: entry „Par 1“ does not fit "
	    "on a page together with the headings above it: it starts under "
	    "them and goes on on the next page (2 pages) [pagination]\n",
	    "a note, not a warning");
	INT_EQ(diag_count(cap.d, DIAG_WARNING), 0, "no warning");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* An entry with a name (1 line, keeps 2 lines) and a body of n lines. */
static struct doc_block *
entry_add(struct fx *f, struct doc_section *s, size_t n)
{
	struct doc_block *b = blk_add(f, s, DB_ENTRY);

	b->cont = "E (pokr.)";
	par_add(f, b, 1)->keep_with_next = true;
	par_add(f, b, n);
	return b;
}

/* The lowest foot of the content lines in column 1 (col 0) or 2. */
static double
col_foot(const struct pg_doc *pg, size_t p, int col)
{
	const struct pg_item *it;
	double		 foot = 0, b;
	size_t		 i;

	for (i = 0; i < pg->pages[p].nitems; i++) {
		it = &pg->pages[p].items[i];
		if (it->kind != PGI_LINE || it->role != PGR_CONTENT ||
		    (it->x > 100) != (col == 1))
			continue;
		b = line_top(it) + it->h;
		if (b > foot)
			foot = b;
	}
	return foot;
}

/*
 * In columns, an entry goes on from one column to the next of the same
 * page (a continuation mark on top), but never from a page's last column
 * to the next page: then it moves whole.
 */
static void
test_column_split(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	const struct pg_item *it, *c;
	size_t		 pg = 9, i;
	bool		 right = false;

	/* 14 lines, then an entry of 1 + 15 in the 10 lines left. */
	fx_init(&f, 2, 8);
	f.ls.balance = false;
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 14);	/* seq 0 */
	entry_add(&f, s, 15);				/* seq 1, 2 */
	capture_open(&cap);
	run(&f, &o, cap.d);
	INT_EQ(o.pages->npages, 1, "one page");
	it = find_line(o.pages, 1, 0, NULL);
	OK(it != NULL && it->x < 100 && fabs(line_top(it) - 170) < 1e-9,
	    "the entry starts in column 1 under the text");
	it = find_line(o.pages, 2, 8, NULL);
	OK(it != NULL && it->x < 100, "9 lines of it in column 1");
	it = find_line(o.pages, 2, 9, NULL);
	OK(it != NULL && it->x > 100 && fabs(line_top(it) - 40) < 1e-9,
	    "the rest in column 2 under the mark");
	c = find_artifact(o.pages, 0, "E (pokr.)");
	OK(c != NULL && fabs(c->x - 110) < 1e-9 &&
	    fabs(line_top(c) - 30) < 1e-9, "the mark heads column 2");
	STR_EQ(capture_text(&cap), "", "nothing to report");
	OK(check_bounds(&f, o.pages), "bounds");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* The split keeps the widows: 1 + 10 lines in 10 lines left go
	   8 + 2, not 9 + 1. */
	fx_init(&f, 2, 8);
	f.ls.balance = false;
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 14);	/* seq 0 */
	entry_add(&f, s, 10);				/* seq 1, 2 */
	run(&f, &o, NULL);
	it = find_line(o.pages, 2, 7, NULL);
	OK(it != NULL && it->x < 100, "8 lines at the foot of column 1");
	it = find_line(o.pages, 2, 8, NULL);
	OK(it != NULL && it->x > 100 && fabs(line_top(it) - 40) < 1e-9,
	    "2 lines under the mark in column 2");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* The same entry with 10 lines left in column 2: it would go on to
	   the next page, so it moves whole. */
	fx_init(&f, 2, 8);
	f.ls.balance = false;
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 38);	/* seq 0 */
	entry_add(&f, s, 15);				/* seq 1, 2 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 2, "two pages");
	it = find_line(o.pages, 1, 0, &pg);
	OK(pg == 1 && it != NULL && it->x < 100 &&
	    fabs(line_top(it) - 30) < 1e-9, "the entry heads page 2");
	it = find_line(o.pages, 2, 14, &pg);
	OK(pg == 1 && it != NULL && it->x < 100, "whole in its column");
	OK(find_artifact(o.pages, 1, "E (pokr.)") == NULL, "no mark");
	OK(check_bounds(&f, o.pages), "bounds");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Taller than a column, not than a page, at the top of column 2:
	   it goes to the next page (column 2 stays empty) and there on
	   from column 1 to column 2. */
	fx_init(&f, 2, 8);
	f.ls.balance = false;
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 24);	/* seq 0 */
	entry_add(&f, s, 29);				/* seq 1, 2 */
	capture_open(&cap);
	run(&f, &o, cap.d);
	INT_EQ(o.pages->npages, 2, "two pages");
	for (i = 0; i < o.pages->pages[0].nitems; i++) {
		it = &o.pages->pages[0].items[i];
		if (it->kind == PGI_LINE && it->x > 100 &&
		    it->role == PGR_CONTENT)
			right = true;
	}
	OK(!right, "column 2 of page 1 left empty");
	it = find_line(o.pages, 1, 0, &pg);
	/* (page 2 is a verso: its columns stand at 10 and 100) */
	OK(pg == 1 && it != NULL && fabs(it->x - 10) < 1e-9,
	    "the entry heads page 2");
	it = find_line(o.pages, 2, 28, &pg);
	OK(pg == 1 && it != NULL && fabs(it->x - 100) < 1e-9,
	    "it ends in column 2");
	OK(find_artifact(o.pages, 1, "E (pokr.)") != NULL, "the mark");
	STR_EQ(capture_text(&cap), "", "nothing to report");
	OK(check_bounds(&f, o.pages), "bounds");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* One column: unchanged, the entry moves whole to the next page. */
	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 14);	/* seq 0 */
	entry_add(&f, s, 15);				/* seq 1, 2 */
	run(&f, &o, NULL);
	it = find_line(o.pages, 1, 0, &pg);
	OK(pg == 1 && it != NULL && fabs(line_top(it) - 30) < 1e-9,
	    "one column: moved whole");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Balanced, the split is used too: 10 + 16 lines and a mark go in
	   two columns of 14 lines (kept whole, they would need 16). */
	fx_init(&f, 2, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 10);	/* seq 0 */
	entry_add(&f, s, 15);				/* seq 1, 2 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 1, "one page");
	OK(col_foot(o.pages, 0, 0) <= 30 + 14 * LH + 1e-9 &&
	    col_foot(o.pages, 0, 1) <= 30 + 14 * LH + 1e-9,
	    "columns of 14 lines at most");
	OK(col_foot(o.pages, 0, 1) > 0, "both columns used");
	OK(find_artifact(o.pages, 0, "E (pokr.)") != NULL, "the mark");
	OK(check_bounds(&f, o.pages), "bounds");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A cover section (no folios, no running heads). */
static struct doc_section *
cover_add(struct fx *f, enum doc_folio numbering)
{
	struct doc_section *s = sec_add(f, LSS_NEW_PAGE, 1, numbering, NULL,
	    NULL);

	s->cover = true;
	s->folio = false;
	s->running = false;
	par_add(f, blk_add(f, s, DB_FLOW), 3);
	return s;
}

/* The back cover is the last page and an even one. */
static void
test_back_cover(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	size_t		 pg = 9, n;

	/* cover, one page of text, back cover: a blank page 3 */
	fx_init(&f, 1, 8);
	cover_add(&f, DF_ROMAN);			/* seq 0 */
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "T", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 20);	/* seq 1 */
	cover_add(&f, DF_ARABIC);			/* seq 2 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 4, "four pages");
	find_line(o.pages, 2, 0, &pg);
	INT_EQ(pg, 3, "the back cover on page 4");
	OK(o.pages->pages[2].blank, "page 3 blank");
	INT_EQ(o.pages->pages[2].nitems, 0, "nothing on it");
	INT_EQ(o.pages->pages[2].section, 1, "it belongs to the text");
	STR_EQ(o.pages->pages[2].label, "2", "and keeps its label");
	STR_EQ(o.pages->pages[3].label, "3", "the back cover's label");
	OK(check_bounds(&f, o.pages), "bounds");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);

	/* Already even: nothing added; not a cover last: nothing added. */
	for (n = 0; n < 2; n++) {
		fx_init(&f, 1, 8);
		cover_add(&f, DF_ROMAN);
		s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "T", NULL);
		par_add(&f, blk_add(&f, s, DB_FLOW), n == 0 ? 30 : 20);
		if (n == 0)
			cover_add(&f, DF_ARABIC);
		else
			par_add(&f, blk_add(&f, sec_add(&f, LSS_NEW_PAGE, 1,
			    DF_ARABIC, "U", NULL), DB_FLOW), 3);
		run(&f, &o, NULL);
		INT_EQ(o.pages->npages, n == 0 ? 4 : 3, "no page added");
		OK(!o.pages->pages[2].blank, "no blank page");
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}

	/* A front cover alone is not a back cover. */
	fx_init(&f, 1, 8);
	cover_add(&f, DF_ROMAN);
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 1, "a cover alone: one page");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A section running on: a line's space above its first heading. */
static void
test_run_on_heading(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_par	*p;
	const struct pg_item *it;
	size_t		 pg = 9, n;
	int		 cols;

	for (cols = 1; cols <= 2; cols++) {
		fx_init(&f, 2, 8);
		s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "A", "a");
		par_add(&f, blk_add(&f, s, DB_FLOW), 5);	/* seq 0 */
		s = sec_add(&f, LSS_CONTINUE, cols, DF_ARABIC, "B", "b");
		p = par_add_h(&f, blk_add(&f, s, DB_FLOW), 1, 16);
		p->tag = DT_H1;					/* seq 1 */
		p->keep_with_next = true;
		par_add(&f, s->blocks, 3);			/* seq 2 */
		run(&f, &o, NULL);
		it = find_line(o.pages, 1, 0, &pg);
		OK(pg == 0 && it != NULL &&
		    fabs(line_top(it) - (30 + 50 + 16)) < 1e-9,
		    cols == 1 ? "a heading's line above it" :
		    "a heading's line above its band");
		OK(pg_find_anchor(o.pages, "b") != NULL &&
		    pg_find_anchor(o.pages, "b")->page == 0, "b's anchor");
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}

	/* At the top of a column the space is dropped; a paragraph that is
	   not a heading gets none. */
	for (n = 0; n < 2; n++) {
		fx_init(&f, 1, 8);
		s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "A", "a");
		par_add(&f, blk_add(&f, s, DB_FLOW), n == 0 ? 24 : 5);
		s = sec_add(&f, LSS_CONTINUE, 1, DF_ARABIC, "B", "b");
		p = par_add_h(&f, blk_add(&f, s, DB_FLOW), 1, 16);
		p->tag = n == 0 ? DT_H1 : DT_P;
		par_add(&f, s->blocks, 3);
		run(&f, &o, NULL);
		it = find_line(o.pages, 1, 0, &pg);
		if (n == 0)
			OK(pg == 1 && it != NULL &&
			    fabs(line_top(it) - 30) < 1e-9,
			    "dropped at the top of a page");
		else
			OK(pg == 0 && it != NULL &&
			    fabs(line_top(it) - 80) < 1e-9,
			    "not for a paragraph");
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}
}

/* A section on a new recto gets a blank verso before it. */
static void
test_recto(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	size_t		 pg = 9;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, "A", "a");
	par_add(&f, blk_add(&f, s, DB_FLOW), 5);	/* seq 0 */
	s = sec_add(&f, LSS_RECTO, 1, DF_ROMAN, "B", "b");
	par_add(&f, blk_add(&f, s, DB_FLOW), 5);	/* seq 1 */
	s = sec_add(&f, LSS_RECTO, 1, DF_ROMAN, "C", "c");
	par_add(&f, blk_add(&f, s, DB_FLOW), 30);	/* seq 2 */
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, "D", "d");
	par_add(&f, blk_add(&f, s, DB_FLOW), 2);	/* seq 3 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 7, "pages");
	OK(o.pages->pages[1].blank, "page 2 blank");
	INT_EQ(o.pages->pages[1].nitems, 0, "nothing on the blank page");
	STR_EQ(o.pages->pages[1].label, "ii", "the blank page is labelled");
	INT_EQ(o.pages->pages[1].section, 0, "it belongs to what precedes");
	find_line(o.pages, 1, 0, &pg);
	INT_EQ(pg, 2, "B on page 3");
	find_line(o.pages, 2, 0, &pg);
	INT_EQ(pg, 4, "C on page 5 after a blank page 4");
	OK(o.pages->pages[3].blank, "page 4 blank");
	find_line(o.pages, 2, 29, &pg);
	INT_EQ(pg, 5, "C goes on to page 6");
	/* D starts a new page: page 7 */
	find_line(o.pages, 3, 0, &pg);
	INT_EQ(pg, 6, "D on a new page (no blank)");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

static void
test_labels(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	const struct pg_item *it;
	static const char *const want[] = { "i", "ii", "iii", "1", "2" };
	size_t		 i;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, NULL, NULL);
	s->cover = true;
	s->folio = false;
	s->running = false;
	par_add(&f, blk_add(&f, s, DB_FLOW), 3);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, "Obsah", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 40);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "Služby", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 40);
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 5, "pages");
	for (i = 0; i < 5 && i < o.pages->npages; i++)
		STR_EQ(o.pages->pages[i].label, want[i], "label");
	INT_EQ(count_kind(&o.pages->pages[0], PGI_LINE, PGR_ARTIFACT), 0,
	    "nothing running on the cover");
	OK(find_artifact(o.pages, 0, "i") == NULL, "no folio on the cover");
	/* Page 4 (verso): folio "1" at the outer (left) edge, 15 pt under
	   the type area. */
	it = find_artifact(o.pages, 3, "1");
	OK(it != NULL && fabs(it->x - 10) < 1e-9 &&
	    fabs(it->y - (300 - 30 + 15)) < 1e-9, "verso folio");
	it = find_artifact(o.pages, 4, "2");
	OK(it != NULL && fabs(it->x + it->w - 190) < 1e-9, "recto folio");
	it = find_artifact(o.pages, 2, "iii");
	OK(it != NULL, "roman folio");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* Running heads by page parity, not on a section's opening page. */
static void
test_running(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	const struct pg_item *it;
	size_t		 i, n;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "Senioři", NULL);
	par_add(&f, blk_add(&f, s, DB_FLOW), 70);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "Bez", NULL);
	s->running = false;
	par_add(&f, blk_add(&f, s, DB_FLOW), 30);
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 5, "pages");
	OK(find_artifact(o.pages, 0, "Senioři") == NULL,
	    "no head on the opening page");
	OK(find_artifact(o.pages, 0, "1") != NULL,
	    "the foot is there (na_uvodni_strane)");
	it = find_artifact(o.pages, 1, "Titul");
	OK(it != NULL && fabs(it->x - 10) < 1e-9 &&
	    fabs(it->y - (30 - 12)) < 1e-9, "verso: title at the outer edge");
	it = find_artifact(o.pages, 2, "Senioři");
	OK(it != NULL && fabs(it->x + it->w - 190) < 1e-9,
	    "recto: section title at the outer edge");
	n = 0;
	for (i = 0; i < o.pages->pages[2].nitems; i++) {
		it = &o.pages->pages[2].items[i];
		if (it->kind == PGI_RULE) {
			n++;
			OK(it->y < 30 && it->y > 30 - 12 &&
			    it->role == PGR_ARTIFACT, "head rule between");
		}
	}
	INT_EQ(n, 1, "head rule");
	/* The section without running heads: folio only. */
	OK(find_artifact(o.pages, 4, "Bez") == NULL &&
	    find_artifact(o.pages, 4, "Titul") == NULL, "no running text");
	OK(find_artifact(o.pages, 4, "5") != NULL, "its folio");
	INT_EQ(count_kind(&o.pages->pages[4], PGI_RULE, PGR_ARTIFACT), 0,
	    "no head rule");
	/* Reading order: content first, then head and foot. */
	it = &o.pages->pages[2].items[o.pages->pages[2].nitems - 1];
	OK(it->role == PGR_ARTIFACT, "bands after the content");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

static void
test_balance(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	const struct pg_item *it;
	double		 h[2];
	size_t		 i, p, nl;
	int		 bal;

	for (bal = 0; bal <= 1; bal++) {
		fx_init(&f, 2, 64);
		f.ls.balance = bal;
		s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
		b = blk_add(&f, s, DB_FLOW);
		for (i = 0; i < 16; i++)	/* 48 + 30 = 78 lines */
			par_add(&f, b, 3);
		for (i = 0; i < 10; i++) {
			b = blk_add(&f, s, DB_ENTRY);
			par_add(&f, b, 1)->keep_with_next = true;
			par_add(&f, b, 2);
		}
		run(&f, &o, NULL);
		INT_EQ(o.pages->npages, 2, "pages");
		p = o.pages->npages - 1;
		h[0] = h[1] = 0;
		for (i = 0; i < o.pages->pages[p].nitems; i++) {
			it = &o.pages->pages[p].items[i];
			if (it->kind != PGI_LINE || it->role != PGR_CONTENT)
				continue;
			nl = it->x < 100 ? 0 : 1;
			if (it->y - it->line->ascent + it->h - 30 > h[nl])
				h[nl] = it->y - it->line->ascent + it->h - 30;
		}
		if (bal) {
			OK(fabs(h[0] - h[1]) <= LH + 6 + 1e-9,
			    "balanced: within one line (and entry space)");
			OK(h[1] > 0, "both columns used");
		} else
			OK(h[1] == 0 || h[0] - h[1] > LH,
			    "not balanced when off");
		OK(check_bounds(&f, o.pages), "bounds");
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}

	/* Uniform lines: 31 in two columns → 16 + 15 (off: 24 + 7). */
	fx_init(&f, 2, 64);
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 31);
	run(&f, &o, NULL);
	it = find_line(o.pages, 0, 16, NULL);
	OK(it != NULL && it->x > 100 && fabs(line_top(it) - 30) < 1e-9,
	    "line 17 heads column 2");
	it = find_line(o.pages, 0, 15, NULL);
	OK(it != NULL && it->x < 100, "line 16 ends column 1");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* Bookmarks and anchors: sorted, first wins, levels in order. */
static void
test_anchors(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*p;
	const struct pg_anchor *a;
	size_t		 i, ndest = 0, pg;
	const struct pg_item *it;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "Jedna", "sec-1");
	b = blk_add(&f, s, DB_FLOW);
	p = par_add(&f, b, 1);			/* seq 0 */
	p->anchor = "sec-1";			/* the same as the section */
	p->outline = 1;
	p->outline_title = "Jedna";
	p = par_add(&f, b, 30);			/* seq 1 */
	p = par_add(&f, b, 2);			/* seq 2 */
	p->anchor = "zeta";
	p->outline = 2;
	p->spans[0].text = "Ze\xc2\xad" "ta\xc2\xa0z";
	p->spans[0].len = strlen(p->spans[0].text);
	p = par_add(&f, b, 2);			/* seq 3 */
	p->outline = 2;				/* no anchor: skipped */
	p = par_add(&f, b, 0);			/* seq 4: empty */
	p->anchor = "alfa";
	par_add(&f, b, 2);			/* seq 5 */
	p = par_add(&f, b, 1);			/* seq 6 */
	p->anchor = "zeta";			/* duplicate: first wins */
	run(&f, &o, NULL);
	INT_EQ(o.pages->nanchors, 3, "anchors");
	for (i = 1; i < o.pages->nanchors; i++)
		OK(strcmp(o.pages->anchors[i - 1].name,
		    o.pages->anchors[i].name) < 0, "sorted");
	a = pg_find_anchor(o.pages, "sec-1");
	OK(a != NULL && a->page == 0 && fabs(a->y - 30) < 1e-9, "sec-1");
	a = pg_find_anchor(o.pages, "zeta");
	it = find_line(o.pages, 2, 0, &pg);
	OK(a != NULL && it != NULL && a->page == pg &&
	    fabs(a->y - line_top(it)) < 1e-9, "zeta at its first line");
	a = pg_find_anchor(o.pages, "alfa");
	it = find_line(o.pages, 5, 0, &pg);
	OK(a != NULL && it != NULL && a->page == pg, "empty par's anchor");
	for (i = 0; i < o.pages->npages; i++)
		ndest += count_kind(&o.pages->pages[i], PGI_DEST,
		    PGR_CONTENT);
	INT_EQ(ndest, 3, "one destination per name");
	INT_EQ(o.pages->noutline, 2, "outline entries");
	if (o.pages->noutline == 2) {
		INT_EQ(o.pages->outline[0].level, 1, "level");
		STR_EQ(o.pages->outline[0].dest, "sec-1", "dest");
		STR_EQ(o.pages->outline[1].title, "Zeta z", "plain title");
		STR_EQ(o.pages->outline[1].dest, "zeta", "dest 2");
	}
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* Sections running on: in the same column; in other columns, below. */
static void
test_continue(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	const struct pg_item *it;
	size_t		 pg = 9;

	fx_init(&f, 2, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "A", "a");
	par_add(&f, blk_add(&f, s, DB_FLOW), 5);	/* seq 0 */
	s = sec_add(&f, LSS_CONTINUE, 1, DF_ARABIC, "B", "b");
	par_add(&f, blk_add(&f, s, DB_FLOW), 3)->space_before = 7;
	s = sec_add(&f, LSS_CONTINUE, 2, DF_ARABIC, "C", "c");
	par_add(&f, blk_add(&f, s, DB_FLOW), 10)->space_before = 4;
	s = sec_add(&f, LSS_CONTINUE, 1, DF_ARABIC, "D", "d");
	par_add(&f, blk_add(&f, s, DB_FLOW), 1);	/* seq 3 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 1, "one page");
	it = find_line(o.pages, 1, 0, &pg);
	OK(it != NULL && fabs(line_top(it) - (30 + 50 + 7)) < 1e-9,
	    "B runs on with its space");
	it = find_line(o.pages, 2, 0, NULL);
	OK(it != NULL && fabs(line_top(it) - (30 + 80 + 7 + 4)) < 1e-9 &&
	    fabs(it->x - 20) < 1e-9, "C in a band below");
	it = find_line(o.pages, 2, 5, NULL);
	OK(it != NULL && it->x > 100 && fabs(line_top(it) -
	    (30 + 80 + 7 + 4)) < 1e-9, "C balanced in two columns");
	it = find_line(o.pages, 3, 0, NULL);
	OK(it != NULL && fabs(line_top(it) - (30 + 80 + 7 + 4 + 50)) < 1e-9,
	    "D under the band");
	OK(pg_find_anchor(o.pages, "c") != NULL, "c placed");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A fill pushes the rest down; a tinted block gets its box; images. */
static void
test_fill_tint_image(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	const struct pg_item *it, *box = NULL;
	size_t		 i, boxi = 0, linei = 0;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ROMAN, NULL, NULL);
	s->cover = true;
	s->running = false;
	s->folio = false;
	par_add(&f, blk_add(&f, s, DB_FLOW), 2);	/* seq 0 */
	blk_add(&f, s, DB_VFILL)->space_before = 5;
	b = blk_add(&f, s, DB_IMAGE);
	b->image = "logo.svg";
	b->image_w = 340;
	b->image_h = 100;
	b = blk_add(&f, s, DB_FLOW);
	b->tint = true;
	par_add(&f, b, 2);				/* seq 1 */
	run(&f, &o, NULL);
	INT_EQ(o.pages->npages, 1, "one page");
	it = find_line(o.pages, 1, 1, NULL);
	OK(it != NULL && fabs(line_top(it) + it->h - 270) < 1e-9,
	    "pushed to the foot");
	for (i = 0; i < o.pages->pages[0].nitems; i++) {
		it = &o.pages->pages[0].items[i];
		if (it->kind == PGI_IMAGE) {
			OK(fabs(it->w - 170) < 1e-9 && fabs(it->h - 50) < 1e-9,
			    "image scaled to the column");
			OK(fabs(it->x - 20) < 1e-9, "image in the column");
			OK(fabs(it->y - (270 - 20 - 50)) < 1e-9,
			    "image above the tinted text");
		}
		if (it->kind == PGI_BOX) {
			box = it;
			boxi = i;
		}
		if (it->kind == PGI_LINE && it->par != NULL &&
		    it->par->seq == 1 && it->line_no == 0)
			linei = i;
	}
	OK(box != NULL && boxi < linei, "box before the lines");
	OK(box != NULL && fabs(box->y - 247) < 1e-9 &&
	    fabs(box->h - 26) < 1e-9 && fabs(box->x - 17) < 1e-9 &&
	    fabs(box->w - 176) < 1e-9 && box->rgb == 0xeeeeee &&
	    box->role == PGR_ARTIFACT, "box padded 3 pt");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A hyphen at a column's foot asks for a new setting. */
static void
test_fixes(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 10);
	par_add(&f, b, 20);
	f.pars[1].lines[13].hyphen = true;	/* ends column 1 */
	f.pars[1].lines[3].hyphen = true;	/* inside: no fix */
	run(&f, &o, NULL);
	INT_EQ(o.nfixes, 1, "one fix");
	if (o.nfixes == 1) {
		INT_EQ(o.fixes[0].seq, 1, "seq");
		INT_EQ(o.fixes[0].line, 13, "line");
	}
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

static void
test_dump(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*p;
	char		*mem = NULL;
	size_t		 len = 0;
	FILE		*m;

	fx_init(&f, 1, 8);
	f.ls.head.rule = 0;
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", "s");
	b = blk_add(&f, s, DB_ENTRY);
	b->rule = 0.5;
	p = par_add(&f, b, 2);
	p->anchor = "e\"1";
	p->outline = 1;
	p->outline_title = "E";
	f.pars[0].lines[1].runs[0].text = "ro\xc2\xad";
	f.pars[0].lines[1].runs[0].len = 4;
	run(&f, &o, NULL);
	m = open_memstream(&mem, &len);
	pg_dump(m, o.pages);
	fclose(m);
	STR_EQ(mem,
	    "pages 200.00 x 300.00 count 1\n"
	    "page 1 label 1 section 0 blank no area 20.00 30.00 190.00 "
	    "270.00\n"
	    "  dest 20.00 30.00 s\n"
	    "  dest 20.00 30.00 e\"1\n"
	    "  line 20.00 38.00 60.00 10.00 \"0.0\"\n"
	    "  line 20.00 48.00 60.00 10.00 \"ro\"\n"
	    "  line 186.00 285.00 4.00 8.00 artifact \"1\"\n"
	    "anchor e\"1 page 1 y 30.00\n"
	    "anchor s page 1 y 30.00\n"
	    "outline 1 e\"1 \"E\"\n", "dump");
	free(mem);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* A keep_lines paragraph taller than a column: broken, reported. */
static void
test_forced(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;

	fx_init(&f, 1, 8);
	s = sec_add(&f, LSS_NEW_PAGE, 1, DF_ARABIC, "S", NULL);
	b = blk_add(&f, s, DB_FLOW);
	par_add(&f, b, 3);
	par_add(&f, b, 30)->keep_lines = true;
	capture_open(&cap);
	run(&f, &o, cap.d);
	/* 3 lines; the paragraph moves on, 24 lines, 6 lines */
	INT_EQ(o.pages->npages, 3, "pages");
	INT_EQ(diag_count_code(cap.d, D_PAGINATION), 1, "reported");
	OK(check_bounds(&f, o.pages), "bounds");
	capture_close(&cap);
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

/* Entries whose lines stand on more than one page. */
static size_t
entries_split(const struct fx *f, const struct pg_doc *pg)
{
	const struct doc_section *s;
	const struct doc_block *b;
	const struct pg_item *it;
	size_t		*lo, *hi, p, i, si, bi, pi, n = 0;
	size_t		 a, z;

	lo = xcalloc(f->doc.npars + 1, sizeof *lo);
	hi = xcalloc(f->doc.npars + 1, sizeof *hi);
	for (i = 0; i < f->doc.npars; i++)
		lo[i] = SIZE_MAX;
	for (p = 0; p < pg->npages; p++)
		for (i = 0; i < pg->pages[p].nitems; i++) {
			it = &pg->pages[p].items[i];
			if (it->kind != PGI_LINE || it->par == NULL)
				continue;
			if (p < lo[it->par->seq])
				lo[it->par->seq] = p;
			if (p > hi[it->par->seq])
				hi[it->par->seq] = p;
		}
	for (si = 0; si < f->doc.nsections; si++) {
		s = &f->doc.sections[si];
		for (bi = 0; bi < s->nblocks; bi++) {
			b = &s->blocks[bi];
			if (b->kind != DB_ENTRY)
				continue;
			a = SIZE_MAX;
			z = 0;
			for (pi = 0; pi < b->npars; pi++) {
				if (lo[b->pars[pi].seq] < a)
					a = lo[b->pars[pi].seq];
				if (lo[b->pars[pi].seq] != SIZE_MAX &&
				    hi[b->pars[pi].seq] > z)
					z = hi[b->pars[pi].seq];
			}
			if (a != SIZE_MAX && z > a)
				n++;
		}
	}
	free(lo);
	free(hi);
	return n;
}

/*
 * A document of every shape: nothing outside, everything placed, and no
 * entry on two pages without a message (taller than a page, or split
 * under its headings).
 */
static void
test_mixed_bounds(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct capture	 cap;
	struct doc_section *s;
	struct doc_block *b;
	struct doc_par	*p;
	unsigned	 seed = 12345, r;
	size_t		 i, j, k, np, nsplit;
	int		 cols;

	fake_w = 45;		/* three columns are 50 pt wide */
	for (k = 0; k < 20; k++) {
		cols = 1 + (int)(k % 3);
		fx_init(&f, cols, 64);
		f.ls.balance = k % 2;
		for (i = 0; i < 6; i++) {
			seed = seed * 1103515245u + 12345u;
			r = seed >> 16;
			s = sec_add(&f, (enum lspec_start)(r % 3),
			    1 + (int)((r >> 3) % 3), r & 4 ? DF_ARABIC :
			    DF_ROMAN, "T", NULL);
			for (j = 0; j < 40; j++) {
				seed = seed * 1103515245u + 12345u;
				r = seed >> 16;
				b = blk_add(&f, s, r % 7 == 0 ? DB_FLOW :
				    DB_ENTRY);
				b->rule = r & 8 ? 0.5 : 0;
				b->tint = (r & 16) != 0;
				b->cont = r & 32 ? "cont" : NULL;
				for (np = 0; np < 1 + r % 4; np++) {
					p = par_add_h(&f, b, (r >> (np + 6)) %
					    9, 6 + (double)((r >> 10) % 9));
					p->keep_with_next = np == 0;
					p->space_before = (double)(r % 5);
					p->space_after = (double)(r % 3);
				}
			}
		}
		capture_open(&cap);
		run(&f, &o, cap.d);
		OK(check_bounds(&f, o.pages), "bounds");
		for (i = 0; i < o.pages->npages; i++)
			OK(o.pages->pages[i].label != NULL, "labelled");
		nsplit = entries_split(&f, o.pages);
		OK(nsplit <= (size_t)diag_count_code(cap.d, D_PAGINATION),
		    "every entry on two pages is reported");
		capture_close(&cap);
		paginate_free(o.pages);
		free(o.fixes);
		fx_free(&f);
	}
	fake_w = 60;
}

/* 5 000 entries of 12 lines: well under a second. */
static void
test_speed(void)
{
	struct fx	 f;
	struct paginate_out o;
	struct doc_section *s;
	struct doc_block *b;
	size_t		 i;
	clock_t		 t0;
	double		 secs;

	fx_init(&f, 2, 5001);
	s = sec_add(&f, LSS_NEW_PAGE, 2, DF_ARABIC, "S", NULL);
	for (i = 0; i < 5000; i++) {
		b = blk_add(&f, s, DB_ENTRY);
		b->rule = 0.4;
		par_add(&f, b, 1)->keep_with_next = true;
		par_add(&f, b, 5);
		par_add(&f, b, 6);
	}
	t0 = clock();
	run(&f, &o, NULL);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("paginate: 5000 entries, %zu pages in %.3f s\n",
	    o.pages->npages, secs);
	OK(secs < 3.0, "fast enough (even under sanitizers)");
	OK(o.pages->npages > 1000, "pages");
	paginate_free(o.pages);
	free(o.fixes);
	fx_free(&f);
}

int
main(void)
{
	RUN(test_simple);
	RUN(test_heading_kept);
	RUN(test_widows_orphans);
	RUN(test_entry_whole);
	RUN(test_heading_entry);
	RUN(test_entry_tall);
	RUN(test_entry_squeezed);
	RUN(test_column_split);
	RUN(test_back_cover);
	RUN(test_run_on_heading);
	RUN(test_recto);
	RUN(test_labels);
	RUN(test_running);
	RUN(test_balance);
	RUN(test_anchors);
	RUN(test_continue);
	RUN(test_fill_tint_image);
	RUN(test_fixes);
	RUN(test_dump);
	RUN(test_forced);
	RUN(test_mixed_bounds);
	RUN(test_speed);
	return DONE();
}
