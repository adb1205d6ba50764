/*
 * The page builder (see paginate.h).
 *
 * Method. The document is first flattened into one vertical list: an item
 * per set line, per picture, per vertical fill, and a zero-height mark per
 * section start (carrying the section's anchor) and per empty paragraph
 * with an anchor. Every item knows the space above it (dropped when it is
 * the first thing in a column), the rule drawn in that space, and whether
 * a column may end just before it. The rules of the layout become those
 * permissions once, here:
 *   - inside a paragraph: only with at least min_radku_dole lines above
 *     and min_radku_nahore below, never in a keep_lines paragraph or a
 *     heading;
 *   - after a keep_with_next paragraph: not before the next nadpis_s_radky
 *     items (so a chain of headings carries its lines along; a heading
 *     that follows some text under the last one ends that keep, or an
 *     index of one-line groups would become one unbreakable chain);
 *   - after a mark: never (an anchor stays with what it names);
 *   - inside an entry: as inside flowing text ("split" permissions),
 *     but used only when the entry is taller than a page (all its
 *     section's columns) or, in columns, when the rest of the entry then
 *     ends in the next columns of the same page.
 *
 * The rule is about pages (PRODUCT.md 3.1): a reader may follow an entry
 * from one column to the next on the same spread of the eye, not over a
 * page turn. So an entry that does not fit in what is left of a column
 * goes on in the next column (under its continuation mark) when it ends
 * on this page, and moves whole to the next page otherwise; in one
 * column, it simply moves whole. In a page's last column, an entry that
 * does not fit there whole but fits on a page leaves the column empty.
 *
 * Columns are then filled greedily: items go into a column while they fit
 * and the column ends at the last permitted break before the first item
 * that does not fit (or inside the entry that does not fit, as above).
 * Every break being equally good, the greedy choice is the one that
 * wastes least paper. When no break is permitted in a whole column, an
 * entry that does not fit together with the headings kept with it (a
 * section's first entry, usually) is split at the last point that fits,
 * so that its first part is as long as the page allows (the headings may
 * not end a page alone and the entries' order is fixed, so this is the
 * best possible; it is reported as a note); failing even that, the column
 * ends where the material stops fitting (a warning). Each item is looked
 * at a few times (the rest of an entry once more per column it may go
 * on into), so the whole is linear in the number of lines.
 *
 * Space between entries is the layout's zaznam mezera (or the block's
 * space_before when set), with the block's rule in its middle; space
 * after a paragraph and before the next add up. A running head's rule
 * stands midway between the band's line and the type area. Running text
 * and rules need section.running; folios need section.folio only.
 *
 * Sections that run on in the same number of columns are one "run" of the
 * list. A run in a different number of columns that runs on opens a new
 * band of columns under the last one on the same page. At the end of a run
 * in several columns, the last band is balanced: the smallest column
 * height with which the same greedy filling still places the band's
 * material in its columns is found by bisection, and the band is filled
 * again at that height. A section that runs on gets a line of its first
 * heading's size above that heading. A back cover that would stand on an
 * odd page gets a blank page before it.
 *
 * Everything the result holds lives in its arena; the list and the column
 * records are scratch memory freed at the end.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "paginate.h"
#include "strmap.h"
#include "util.h"

#define EPS		1e-6	/* slack of the "does it fit" tests, pt */
#define TINT_PAD	3.0	/* background boxes stand out of the text */
#define BAND_GAP	12.0	/* between running text and folio, pt */
#define NONE		SIZE_MAX

enum vkind {
	V_LINE,			/* a set line of a paragraph */
	V_IMAGE,		/* a picture */
	V_FILL,			/* elastic space (DB_VFILL) */
	V_MARK			/* zero height: an anchor, a section start */
};

enum vbrk {
	B_NO,			/* a column may not end before the item */
	B_YES,			/* it may */
	B_SPLIT			/* only when the entry is taller than a
				   column */
};

/* One item of the vertical list. */
struct vit {
	unsigned char	 kind;		/* enum vkind */
	unsigned char	 brk;		/* enum vbrk: a break before it */
	bool		 secmark;	/* MARK: a section starts here */
	size_t		 sec;		/* section index */
	size_t		 blk;		/* index into pag.b; NONE for a
					   section mark */
	const struct doc_par *par;	/* LINE, paragraph MARK */
	const struct pg_line *line;	/* LINE */
	size_t		 line_no;	/* LINE */
	const char	*anchor;	/* MARK, or a paragraph's first LINE */
	double		 h;		/* height (FILL: the minimum) */
	double		 w;		/* IMAGE: width */
	double		 gap;		/* space above unless first in column */
	double		 rule;		/* a rule in that space, pt; 0 = none */
	double		 rule_at;	/* its centre below the gap's top */
};

/* A block of the document and what became of it. */
struct blk {
	const struct doc_block *b;
	size_t		 first, end;	/* its items */
	bool		 tall;		/* an entry taller than a page: split
					   wherever the rules allow */
	bool		 squeezed;	/* split: no room with its headings */
	bool		 forced;	/* broken against the rules */
	size_t		 pfirst, plast;	/* the pages it is on (report) */
	size_t		 npages;
	int		 parts;		/* columns it went on into */
	double		 cw;		/* its column width */
	const struct pg_line *cont;	/* its continuation mark, once set */
};

/* A filled column: items first .. end on page, band top y0. */
struct col {
	size_t		 page;
	int		 k;		/* column in the band, 0-based */
	int		 ncols;		/* columns of the band */
	double		 y0;		/* band top below the type area's top */
	double		 cap;		/* height available */
	size_t		 first, end;
};

struct page_st {
	size_t		 sec;
	bool		 blank;
};

/* The state of one paginate() call. */
struct pag {
	const struct paginate_in *in;
	const struct doc *doc;
	const struct layout_spec *ls;
	struct diag	*d;
	struct pg_doc	*out;
	struct arena	*arena;		/* the result's */
	double		 tw, th;	/* the type area */

	struct vit	*v;
	size_t		 nv, vcap;
	struct blk	*b;
	size_t		 nb, bcap;
	size_t		*secfirst;	/* [nsections]: the section's mark */
	struct col	*c;
	size_t		 nc, ccap;
	struct page_st	*p;
	size_t		 np, pcap;

	/* Where filling stands. */
	int		 k;		/* column in the band */
	int		 ncols;
	double		 y0;		/* band top */
	bool		 used;		/* the current page holds a column */

	/* Emitting. */
	struct pg_item	*it;		/* the page being emitted */
	size_t		 nit, itcap;
	struct pg_anchor *anc;
	size_t		 nanc, anccap;
	size_t		 epage;		/* the page being emitted */
	struct strmap	*seen;		/* anchor names placed */
	size_t		*secpage;	/* [nsections]: first page, or NONE */
	struct paginate_fix *fix;
	size_t		 nfix, fixcap;
};

double
paginate_measure(const struct doc *doc, const struct doc_section *s)
{
	const struct layout_spec *ls = doc->layout;
	double		 tw = lspec_text_width(ls);
	int		 n = s->columns;

	if (n <= 1)
		return tw;
	return (tw - (n - 1) * ls->gutter) / n;
}

static int
sec_columns(const struct doc_section *s)
{
	return s->columns > 1 ? s->columns : 1;
}

static double
col_width(const struct pag *g, int ncols)
{
	if (ncols <= 1)
		return g->tw;
	return (g->tw - (ncols - 1) * g->ls->gutter) / ncols;
}

/* The set lines of a paragraph (none when the typesetter gave none). */
static const struct pg_par *
par_lines(const struct pag *g, const struct doc_par *par)
{
	const struct pg_par *pp;

	if (g->in->pars == NULL || par->seq >= g->doc->npars)
		return NULL;
	pp = &g->in->pars[par->seq];
	return pp->lines != NULL ? pp : NULL;
}

/*
 * A paragraph's text as plain characters: icons and fills left out, soft
 * hyphens and word joiners dropped, no-break spaces made spaces. For
 * bookmarks and messages; malloc'd.
 */
static char *
par_plain(const struct doc_par *par)
{
	struct buf	 b = { 0 };
	size_t		 i, j, n;
	uint32_t	 cp;
	const struct doc_span *sp;

	for (i = 0; i < par->nspans; i++) {
		sp = &par->spans[i];
		if (sp->icon != DI_NONE || sp->text == NULL)
			continue;
		for (j = 0; j < sp->len; j += n) {
			n = utf8_decode((const unsigned char *)sp->text + j,
			    sp->len - j, &cp);
			if (n == 0)
				break;
			if (cp == 0xAD || cp == 0x2060)
				continue;
			if (cp == 0xA0 || cp == 0x202F)
				buf_putc(&b, ' ');
			else
				buf_put(&b, sp->text + j, n);
		}
	}
	return buf_steal(&b);
}

/* Where a block's text came from, for a message; NULL if fixed text. */
static const struct srcpos *
block_pos(const struct doc_block *b)
{
	size_t		 i, j;

	for (i = 0; i < b->npars; i++)
		for (j = 0; j < b->pars[i].nspans; j++)
			if (b->pars[i].spans[j].src != NULL)
				return b->pars[i].spans[j].src;
	return NULL;
}

/* The vertical list. */

static struct vit *
push(struct pag *g, enum vkind kind, size_t sec)
{
	struct vit	*v;

	if (g->nv == g->vcap)
		grow(&g->v, &g->vcap, g->nv + 1, sizeof *g->v);
	v = &g->v[g->nv++];
	memset(v, 0, sizeof *v);
	v->kind = kind;
	v->sec = sec;
	v->blk = NONE;
	v->brk = B_YES;
	return v;
}

/* What the list builder carries from one item to the next. */
struct vstate {
	int		 keep;		/* items still kept with a heading */
	bool		 glue;		/* the next item stays with the last */
	double		 pending;	/* space_after of the last paragraph */
};

/* Applies the keeps that do not depend on the item itself. */
static void
keep_rules(struct vstate *st, struct vit *v, bool counts)
{
	if (st->glue) {
		v->brk = B_NO;
		st->glue = false;
	}
	if (st->keep > 0) {
		v->brk = B_NO;
		if (counts)
			st->keep--;
	}
}

static void
build_par(struct pag *g, struct vstate *st, size_t si, size_t bi,
    const struct doc_par *par, bool in_entry, bool first, double gap,
    double rule, double rule_at)
{
	const struct pg_par *pp = par_lines(g, par);
	const struct layout_spec *ls = g->ls;
	struct vit	*v;
	size_t		 l, n = pp != NULL ? pp->nlines : 0;
	int		 orphans = ls->orphans > 0 ? ls->orphans : 1;
	int		 widows = ls->widows > 0 ? ls->widows : 1;
	int		 kh = ls->keep_heading > 0 ? ls->keep_heading : 1;
	bool		 ok;

	/*
	 * A heading right under a heading goes with it; one after some
	 * text under the last heading ends that keep (an index of groups
	 * with one line each must not become one unbreakable chain).
	 */
	if (par->keep_with_next && st->keep > 0 && st->keep < kh)
		st->keep = 0;

	if (n == 0) {
		/* Nothing to print; only an anchor needs a place. */
		if (par->anchor == NULL)
			return;
		v = push(g, V_MARK, si);
		v->blk = bi;
		v->par = par;
		v->anchor = par->anchor;
		if (in_entry && !first)
			v->brk = B_SPLIT;
		keep_rules(st, v, false);
		st->glue = true;
		return;
	}
	for (l = 0; l < n; l++) {
		v = push(g, V_LINE, si);
		v->blk = bi;
		v->par = par;
		v->line = &pp->lines[l];
		v->line_no = l;
		v->h = pp->lines[l].height;
		if (l == 0) {
			v->anchor = par->anchor;
			v->gap = gap;
			v->rule = rule;
			v->rule_at = rule_at;
			ok = true;
		} else
			ok = !par->keep_lines && !par->keep_with_next &&
			    l >= (size_t)orphans && n - l >= (size_t)widows;
		if (!ok)
			v->brk = B_NO;
		else if (in_entry && !(l == 0 && first))
			v->brk = B_SPLIT;
		keep_rules(st, v, true);
	}
	st->pending = par->space_after;
	if (par->keep_with_next)
		st->keep = kh;
}

/* The height of items first .. end set one under the other. */
static double
run_height(const struct pag *g, size_t first, size_t end)
{
	double		 y = 0;
	size_t		 k;

	for (k = first; k < end; k++)
		y += g->v[k].h + (k > first ? g->v[k].gap : 0);
	return y;
}

static const struct pg_line *cont_line(struct pag *, size_t);

/*
 * The height entry bi takes set in ncols columns: its lines, and the
 * continuation marks heading the columns after the first.
 */
static double
entry_height(struct pag *g, size_t bi, int ncols)
{
	const struct pg_line *cl = NULL;
	double		 h = run_height(g, g->b[bi].first, g->b[bi].end);

	if (ncols > 1 && g->b[bi].b->cont != NULL)
		cl = cont_line(g, bi);
	if (cl != NULL)
		h += (ncols - 1) * cl->height;
	return h;
}

static void
build_block(struct pag *g, struct vstate *st, size_t si,
    const struct doc_block *b, bool prev_entry)
{
	const struct layout_spec *ls = g->ls;
	const struct doc_section *s = &g->doc->sections[si];
	struct blk	*bk;
	struct vit	*v;
	size_t		 bi, i;
	double		 gap, es, rule = 0, rule_at = 0, sc;

	if (g->nb == g->bcap)
		grow(&g->b, &g->bcap, g->nb + 1, sizeof *g->b);
	bi = g->nb++;
	bk = &g->b[bi];
	memset(bk, 0, sizeof *bk);
	bk->b = b;
	bk->first = g->nv;
	bk->cw = col_width(g, sec_columns(s));

	switch (b->kind) {
	case DB_VFILL:
		v = push(g, V_FILL, si);
		v->blk = bi;
		v->h = b->space_before > 0 ? b->space_before : 0;
		keep_rules(st, v, false);
		st->pending = 0;
		break;
	case DB_IMAGE:
		v = push(g, V_IMAGE, si);
		v->blk = bi;
		v->w = b->image_w > 0 ? b->image_w : 0;
		v->h = b->image_h > 0 ? b->image_h : 0;
		/* Scaled down to the column (and to a column's height). */
		if (v->w > bk->cw) {
			sc = bk->cw / v->w;
			v->w *= sc;
			v->h *= sc;
		}
		if (v->h > g->th) {
			sc = g->th / v->h;
			v->w *= sc;
			v->h *= sc;
		}
		v->gap = st->pending + (b->space_before > 0 ?
		    b->space_before : 0);
		st->pending = 0;
		keep_rules(st, v, true);
		break;
	case DB_FLOW:
	case DB_ENTRY:
		es = 0;
		if (b->kind == DB_ENTRY && prev_entry) {
			es = b->space_before > 0 ? b->space_before :
			    ls->entry.space;
			if (b->rule > 0) {
				rule = b->rule;
				rule_at = st->pending + es / 2;
			}
		}
		for (i = 0; i < b->npars; i++) {
			gap = st->pending + b->pars[i].space_before;
			if (i == 0)
				gap += es;
			build_par(g, st, si, bi, &b->pars[i],
			    b->kind == DB_ENTRY, i == 0, gap,
			    i == 0 ? rule : 0, rule_at);
		}
		break;
	}
	bk = &g->b[bi];
	bk->end = g->nv;
	if (b->kind == DB_ENTRY && bk->end > bk->first)
		bk->tall = entry_height(g, bi, sec_columns(s)) >
		    sec_columns(s) * g->th + EPS;
}

/*
 * A section that runs on would start right under the last line of the
 * one before: its first heading gets the space of one line of its own
 * above it (dropped at the top of a column, as all such space is).
 */
static void
run_on_space(struct pag *g, size_t i)
{
	struct vit	*v;

	for (; i < g->nv && g->v[i].kind == V_MARK; i++)
		;
	if (i == g->nv)
		return;
	v = &g->v[i];
	if (v->kind == V_LINE && v->line_no == 0 &&
	    (v->par->tag == DT_H1 || v->par->tag == DT_H2))
		v->gap += v->h;
}

static void
build_list(struct pag *g)
{
	const struct doc *doc = g->doc;
	const struct doc_section *s;
	struct vstate	 st;
	struct vit	*v;
	size_t		 si, bi;
	bool		 prev_entry;

	g->secfirst = xcalloc(doc->nsections + 1, sizeof *g->secfirst);
	for (si = 0; si < doc->nsections; si++) {
		s = &doc->sections[si];
		memset(&st, 0, sizeof st);
		g->secfirst[si] = g->nv;
		v = push(g, V_MARK, si);
		v->secmark = true;
		v->anchor = s->id;
		st.glue = true;
		prev_entry = false;
		for (bi = 0; bi < s->nblocks; bi++) {
			build_block(g, &st, si, &s->blocks[bi], prev_entry);
			prev_entry = s->blocks[bi].kind == DB_ENTRY;
		}
		if (si > 0 && s->start == LSS_CONTINUE)
			run_on_space(g, g->secfirst[si]);
	}
	g->secfirst[doc->nsections] = g->nv;
}

/* Filling columns. */

static bool
breakable(const struct pag *g, size_t k)
{
	const struct vit *v = &g->v[k];

	return v->brk == B_YES ||
	    (v->brk == B_SPLIT && v->blk != NONE && g->b[v->blk].tall);
}

/*
 * The height an item takes in a column; *top is true while nothing but
 * marks and fills stand in the column, and then the space above the item
 * (and a fill's minimum) is dropped.
 */
static double
advance(const struct vit *v, bool *top, bool *gapped)
{
	*gapped = false;
	switch (v->kind) {
	case V_MARK:
		return 0;
	case V_FILL:
		return *top ? 0 : v->h;
	default:
		break;
	}
	if (*top) {
		*top = false;
		return v->h;
	}
	*gapped = true;
	return v->gap + v->h;
}

/* The continuation mark of an entry, set once. */
static const struct pg_line *
cont_line(struct pag *g, size_t bi)
{
	struct blk	*bk = &g->b[bi];

	if (bk->cont == NULL && g->in->line != NULL)
		bk->cont = g->in->line(g->in->line_ctx, LSR_ENTRY,
		    LSF_ITALIC, bk->b->cont, bk->cw, g->arena);
	return bk->cont;
}

/* The mark heading a column that starts at item i, or NULL. */
static const struct pg_line *
cont_at(struct pag *g, size_t i)
{
	const struct vit *v;

	if (i >= g->nv)
		return NULL;
	v = &g->v[i];
	if (v->blk == NONE || g->b[v->blk].b->kind != DB_ENTRY ||
	    g->b[v->blk].b->cont == NULL || i == g->b[v->blk].first)
		return NULL;
	return cont_line(g, v->blk);
}

static size_t	 fill(struct pag *, size_t, size_t, double, int, int, bool,
		    bool);

/*
 * Whether the rest of an entry from item j (a split point) goes into the
 * columns k + 1 .. ncols - 1 of the band, each of height cap and headed by
 * the entry's continuation mark: an entry may go on in the next column of
 * the same page, never on the next page.
 */
static bool
rest_fits(struct pag *g, size_t j, double cap, int k, int ncols)
{
	size_t		 end = g->b[g->v[j].blk].end, e;

	for (k++; k < ncols && j < end; k++) {
		e = fill(g, j, end, cap, k, ncols, false, true);
		if (e == j)
			return false;
		j = e;
	}
	return j == end;
}

/* Whether a column from item i starts with a block's (or section's) start. */
static bool
starts_block(const struct pag *g, size_t i, size_t lim)
{
	while (i < lim && g->v[i].kind == V_MARK && g->v[i].blk == NONE)
		i++;
	return i < lim && (g->v[i].blk == NONE ||
	    g->b[g->v[i].blk].first == i);
}

/*
 * Fills column k of a band of ncols columns, of height cap, from item i
 * (items before lim). Returns the item the next column starts with.
 *
 * The column ends at the last permitted break that fits, or, when that
 * would move an entry that does not fit in what is left of the column,
 * inside the entry at its last split point that fits, if the rest of the
 * entry then ends in the band's later columns (on the same page).
 *
 * When no permitted break fits: in the band's last column of several, a
 * column that starts with a block leaves it for the next page (i is
 * returned; an entry does not cross a page when it could stand on one);
 * in a column of a full page (full) an entry that would fit alone but not
 * with the headings kept with it is split as if it were taller than a
 * page (marked squeezed); failing that, the column ends where the
 * material stops fitting (at least one item) and the block is marked
 * forced. Marks are left alone when dry. Outside a full column nothing
 * is placed then (i is returned).
 */
static size_t
fill(struct pag *g, size_t i, size_t lim, double cap, int k, int ncols,
    bool full, bool dry)
{
	const struct pg_line *cl = cont_at(g, i);
	double		 y = cl != NULL ? cl->height : 0, h;
	size_t		 n, last = 0, split = 0, j;
	bool		 top = true, t, gapped;

	for (n = i; n < lim; n++) {
		if (n > i && breakable(g, n))
			last = n;
		else if (n > i && g->v[n].brk == B_SPLIT)
			split = n;
		t = top;
		h = advance(&g->v[n], &t, &gapped);
		if (y + h > cap + EPS)
			break;
		y += h;
		top = t;
	}
	if (n == lim)
		return lim;
	if (split > last && k + 1 < ncols &&
	    rest_fits(g, split, cap, k, ncols))
		return split;
	if (last > i)
		return last;
	if (split > i && ncols > 1 && k + 1 == ncols &&
	    starts_block(g, i, lim))
		return i;
	if (!full)
		return i;
	if (split > i) {
		if (!dry)
			g->b[g->v[split].blk].squeezed = true;
		return split;
	}
	j = n > i ? n : i + 1;
	if (!dry && g->v[j - 1].blk != NONE)
		g->b[g->v[j - 1].blk].forced = true;
	return j;
}

static size_t
new_page(struct pag *g, size_t sec)
{
	if (g->np == g->pcap)
		grow(&g->p, &g->pcap, g->np + 1, sizeof *g->p);
	g->p[g->np].sec = sec;
	g->p[g->np].blank = false;
	g->k = 0;
	g->y0 = 0;
	g->used = false;
	return g->np++;
}

static void
push_col(struct pag *g, size_t first, size_t end, double cap)
{
	struct col	*c;

	if (g->nc == g->ccap)
		grow(&g->c, &g->ccap, g->nc + 1, sizeof *g->c);
	c = &g->c[g->nc++];
	c->page = g->np - 1;
	c->k = g->k;
	c->ncols = g->ncols;
	c->y0 = g->y0;
	c->cap = cap;
	c->first = first;
	c->end = end;
	g->used = true;
}

/* The height a filled column's material takes (fills at their minimum). */
static double
col_used(struct pag *g, const struct col *c)
{
	const struct pg_line *cl = cont_at(g, c->first);
	double		 y = cl != NULL ? cl->height : 0;
	size_t		 k;
	bool		 top = true, gapped;

	for (k = c->first; k < c->end; k++)
		y += advance(&g->v[k], &top, &gapped);
	return y;
}

/* The first of the trailing columns that share the last one's band. */
static size_t
band_start(const struct pag *g)
{
	size_t		 a = g->nc - 1;

	while (a > 0 && g->c[a - 1].page == g->c[a].page &&
	    g->c[a - 1].y0 == g->c[a].y0 && g->c[a - 1].k < g->c[a].k)
		a--;
	return a;
}

/* Whether items i .. end fill ncols columns of height h. */
static bool
fits(struct pag *g, size_t i, size_t end, int ncols, double h)
{
	int		 n;
	size_t		 j;

	for (n = 0; n < ncols && i < end; n++) {
		j = fill(g, i, end, h, n, ncols, false, true);
		if (j == i)
			return false;
		i = j;
	}
	return i == end;
}

/*
 * Evens out the last band's columns: the least height at which greedy
 * filling still places the band's material in its columns (to 0.01 pt).
 */
static void
balance(struct pag *g)
{
	size_t		 a, i, end, j;
	double		 lo = 0, hi, mid, cap;
	int		 ncols, n;

	if (g->nc == 0)
		return;
	a = band_start(g);
	ncols = g->c[a].ncols;
	if (ncols <= 1 || g->c[g->nc - 1].page != g->np - 1)
		return;
	i = g->c[a].first;
	end = g->c[g->nc - 1].end;
	cap = g->c[a].cap;
	if (!fits(g, i, end, ncols, cap))
		return;		/* broken against the rules: leave it */
	hi = cap;
	while (hi - lo > 0.01) {
		mid = (lo + hi) / 2;
		if (fits(g, i, end, ncols, mid))
			hi = mid;
		else
			lo = mid;
	}
	g->nc = a;
	g->k = 0;
	for (n = 0; n < ncols && i < end; n++) {
		g->k = n;
		j = fill(g, i, end, hi, n, ncols, false, false);
		push_col(g, i, j, hi);
		i = j;
	}
}

/* Where the run starting with section si begins. */
static void
start_run(struct pag *g, size_t si)
{
	const struct doc_section *s = &g->doc->sections[si];
	const struct col *c;
	size_t		 a, i, n;
	double		 bottom = 0, u, gap = 0;

	g->ncols = sec_columns(s);
	if (g->np == 0) {
		new_page(g, si);	/* a recto, whatever the start */
		return;
	}
	switch (s->start) {
	case LSS_CONTINUE:
		if (!g->used) {
			g->p[g->np - 1].sec = si;
			g->k = 0;
			g->y0 = 0;
			return;
		}
		/* A band of its own under the last one. */
		a = band_start(g);
		for (n = a; n < g->nc; n++) {
			c = &g->c[n];
			u = col_used(g, c);
			if (u > bottom)
				bottom = u;
		}
		for (i = g->secfirst[si]; i < g->nv &&
		    g->v[i].kind == V_MARK; i++)
			;
		if (i < g->nv && g->v[i].kind != V_MARK)
			gap = g->v[i].gap;
		g->y0 = g->c[a].y0 + bottom + gap;
		g->k = 0;
		if (g->y0 >= g->th - EPS)
			new_page(g, si);
		return;
	case LSS_RECTO:
		if (g->used)
			new_page(g, si);
		if ((g->np - 1) % 2 == 1) {
			/* A verso: left blank, counted with what precedes. */
			g->p[g->np - 1].blank = true;
			g->p[g->np - 1].sec = g->np >= 2 ?
			    g->p[g->np - 2].sec : si;
			new_page(g, si);
		}
		g->p[g->np - 1].sec = si;
		g->k = 0;
		g->y0 = 0;
		return;
	case LSS_NEW_PAGE:
	default:
		if (g->used)
			new_page(g, si);
		g->p[g->np - 1].sec = si;
		g->k = 0;
		g->y0 = 0;
		return;
	}
}

/* Lays out sections s0 .. s1, which run on in the same columns. */
static void
layout_run(struct pag *g, size_t s0, size_t s1)
{
	size_t		 i = g->secfirst[s0], lim = g->secfirst[s1], j;
	bool		 full;

	start_run(g, s0);
	while (i < lim) {
		full = g->y0 <= EPS;
		j = fill(g, i, lim, g->th - g->y0, g->k, g->ncols, full,
		    false);
		if (j == i) {
			/* Nothing fits under the band above: a new page. */
			new_page(g, g->v[i].sec);
			continue;
		}
		push_col(g, i, j, g->th - g->y0);
		i = j;
		if (i >= lim)
			break;
		if (++g->k >= g->ncols)
			new_page(g, g->v[i].sec);
	}
	if (g->ls->balance && g->ncols > 1)
		balance(g);
}

/*
 * A back cover (the document's last section, a cover, not the only
 * section) is the outside of the last leaf: when it would stand on an odd
 * page, a blank page goes before it. The blank page belongs to what
 * precedes it, like the verso left before a recto.
 */
static void
pad_back_cover(struct pag *g)
{
	const struct doc *doc = g->doc;
	size_t		 last = doc->nsections - 1, p, p0, ci;

	if (doc->nsections < 2 || !doc->sections[last].cover ||
	    doc->sections[last].start == LSS_CONTINUE || g->np % 2 == 0)
		return;
	for (p0 = 0; p0 < g->np && (g->p[p0].sec != last ||
	    g->p[p0].blank); p0++)
		;
	if (p0 == 0 || p0 == g->np)
		return;
	/* Nothing of the sections before may share its first page. */
	for (ci = 0; ci < g->nc; ci++)
		if (g->c[ci].page == p0 && g->c[ci].first < g->nv &&
		    g->v[g->c[ci].first].sec != last)
			return;
	if (g->np == g->pcap)
		grow(&g->p, &g->pcap, g->np + 1, sizeof *g->p);
	for (p = g->np; p > p0; p--)
		g->p[p] = g->p[p - 1];
	g->np++;
	g->p[p0].sec = g->p[p0 - 1].sec;
	g->p[p0].blank = true;
	for (ci = 0; ci < g->nc; ci++)
		if (g->c[ci].page >= p0)
			g->c[ci].page++;
}

static void
layout_all(struct pag *g)
{
	const struct doc *doc = g->doc;
	size_t		 s0 = 0, s1;

	while (s0 < doc->nsections) {
		for (s1 = s0 + 1; s1 < doc->nsections &&
		    doc->sections[s1].start == LSS_CONTINUE &&
		    sec_columns(&doc->sections[s1]) ==
		    sec_columns(&doc->sections[s0]); s1++)
			;
		layout_run(g, s0, s1);
		s0 = s1;
	}
	pad_back_cover(g);
}

/* Emitting the pages. */

static struct pg_item *
item(struct pag *g, enum pg_item_kind kind, enum pg_role role)
{
	struct pg_item	*it;

	if (g->nit == g->itcap)
		grow(&g->it, &g->itcap, g->nit + 1, sizeof *g->it);
	it = &g->it[g->nit++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->role = role;
	return it;
}


/* A named destination, the first time the name is placed. */
static void
dest(struct pag *g, const char *name, double x, double y)
{
	struct pg_item	*it;
	struct pg_anchor *a;

	if (name == NULL || strmap_get(g->seen, name) != NULL)
		return;
	strmap_put(g->seen, name, (void *)(uintptr_t)1);
	it = item(g, PGI_DEST, PGR_CONTENT);
	it->x = x;
	it->y = y;
	it->name = name;
	if (g->nanc == g->anccap)
		grow(&g->anc, &g->anccap, g->nanc + 1, sizeof *g->anc);
	a = &g->anc[g->nanc++];
	a->name = name;
	a->page = g->epage;
	a->y = y;
}

static double
page_left(const struct pag *g, size_t page)
{
	return page % 2 == 0 ? g->ls->inner : g->ls->outer;
}

static void
add_fix(struct pag *g, const struct vit *v)
{
	if (g->nfix == g->fixcap)
		grow(&g->fix, &g->fixcap, g->nfix + 1, sizeof *g->fix);
	g->fix[g->nfix].seq = v->par->seq;
	g->fix[g->nfix].line = v->line_no;
	g->nfix++;
}

/*
 * The background of a tinted block's part in a column: from top (the top
 * of its first item, or of the continuation mark) to the foot of its last
 * item in the column (items k .. of the column c, tops in pos).
 */
static void
tint_box(struct pag *g, const struct col *c, const double *pos, size_t k,
    double top, double x0, double cw)
{
	const struct doc_block *b = g->b[g->v[k].blk].b;
	struct pg_item	*it;
	size_t		 r;
	double		 bot;

	for (r = k; r < c->end && g->v[r].blk == g->v[k].blk; r++)
		;
	bot = pos[r - 1 - c->first] + g->v[r - 1].h;
	if (bot < top)
		bot = top;
	it = item(g, PGI_BOX, PGR_ARTIFACT);
	it->x = x0 - TINT_PAD;
	it->y = top - TINT_PAD;
	it->w = cw + 2 * TINT_PAD;
	it->h = bot - top + 2 * TINT_PAD;
	it->rgb = g->ls->colour[LSC_TINT];
	it->block = b;
}

/*
 * Where each item of a column stands: pos[k] the top of item first + k,
 * gapped[k] whether the space above it was kept (and so its rule drawn).
 * Fills share what the column leaves free.
 */
static void
col_positions(struct pag *g, const struct col *c, double ytop,
    const struct pg_line *cl, double *pos, bool *gapped)
{
	const struct vit *v;
	double		 y, extra = 0, h;
	size_t		 k, nfill = 0;
	bool		 top = true;

	for (k = c->first; k < c->end; k++)
		if (g->v[k].kind == V_FILL)
			nfill++;
	if (nfill > 0)
		extra = (c->cap - col_used(g, c)) / nfill;
	if (extra < 0)
		extra = 0;
	y = ytop + (cl != NULL ? cl->height : 0);
	for (k = c->first; k < c->end; k++) {
		v = &g->v[k];
		h = advance(v, &top, &gapped[k - c->first]);
		if (v->kind == V_FILL)
			h += extra;
		pos[k - c->first] = y + (gapped[k - c->first] ? v->gap : 0);
		y += h;
	}
}

static void
emit_column(struct pag *g, const struct col *c)
{
	const struct layout_spec *ls = g->ls;
	const struct pg_line *cl = cont_at(g, c->first);
	const struct vit *v;
	const struct doc_block *b;
	struct pg_item	*it;
	double		 cw = col_width(g, c->ncols);
	double		 x0 = page_left(g, c->page) + c->k * (cw + ls->gutter);
	double		 ytop = ls->top + c->y0, y;
	double		*pos;
	size_t		 k, n = c->end - c->first;
	bool		*gapped;

	pos = xcalloc(n + 1, sizeof *pos);
	gapped = xcalloc(n + 1, sizeof *gapped);
	col_positions(g, c, ytop, cl, pos, gapped);

	if (cl != NULL) {
		b = g->b[g->v[c->first].blk].b;
		if (b->tint)
			tint_box(g, c, pos, c->first, ytop, x0, cw);
		it = item(g, PGI_LINE, PGR_ARTIFACT);
		it->x = x0 + cl->x;
		it->y = ytop + cl->ascent;
		it->w = cl->width;
		it->h = cl->height;
		it->line = cl;
		it->block = b;
	}
	for (k = c->first; k < c->end; k++) {
		v = &g->v[k];
		b = v->blk != NONE ? g->b[v->blk].b : NULL;
		y = pos[k - c->first];
		if (gapped[k - c->first] && v->rule > 0) {
			it = item(g, PGI_RULE, PGR_ARTIFACT);
			it->x = x0;
			it->y = y - v->gap + v->rule_at;
			it->w = cw;
			it->h = v->rule;
			it->rgb = ls->colour[LSC_RULES];
			it->block = b;
		}
		if (b != NULL && b->tint && (k == c->first ? cl == NULL :
		    g->v[k - 1].blk != v->blk))
			tint_box(g, c, pos, k, y, x0, cw);
		switch (v->kind) {
		case V_MARK:
			if (v->secmark && g->secpage[v->sec] == NONE)
				g->secpage[v->sec] = c->page;
			dest(g, v->anchor, x0, y);
			break;
		case V_LINE:
			if (v->line_no == 0)
				dest(g, v->anchor, x0, y);
			it = item(g, PGI_LINE, PGR_CONTENT);
			it->x = x0 + v->line->x;
			it->y = y + v->line->ascent;
			it->w = v->line->width;
			it->h = v->line->height;
			it->line = v->line;
			it->par = v->par;
			it->block = b;
			it->line_no = v->line_no;
			break;
		case V_IMAGE:
			it = item(g, PGI_IMAGE, PGR_CONTENT);
			it->x = x0 + (cw - v->w) / 2;
			it->y = y;
			it->w = v->w;
			it->h = v->h;
			it->block = b;
			break;
		case V_FILL:
		default:
			break;
		}
	}

	/* A hyphen at the column's foot: the driver sets the line again. */
	for (k = c->end; k > c->first; k--) {
		v = &g->v[k - 1];
		if (v->kind == V_MARK || v->kind == V_FILL)
			continue;
		if (v->kind == V_LINE && v->line->hyphen)
			add_fix(g, v);
		break;
	}
	free(pos);
	free(gapped);
}

/* The text a band shows on a page, or NULL. */
static const char *
band_text(const struct pag *g, const struct lspec_band *band, size_t page)
{
	enum lspec_running what = page % 2 == 0 ? band->recto : band->verso;

	switch (what) {
	case LSRT_SECTION:
		return g->doc->sections[g->p[page].sec].title;
	case LSRT_TITLE:
		return g->doc->meta.running_title;
	case LSRT_TERRITORY:
		return g->doc->meta.territory;
	case LSRT_NONE:
	default:
		return NULL;
	}
}

/* The left end of a line w wide standing at place on the page. */
static double
band_x(const struct pag *g, size_t page, enum lspec_place place, double w)
{
	double		 left = page_left(g, page), right = left + g->tw;
	bool		 recto = page % 2 == 0;

	switch (place) {
	case LSP_OUTER:
		return recto ? right - w : left;
	case LSP_INNER:
		return recto ? left : right - w;
	case LSP_CENTRE:
	default:
		return left + (g->tw - w) / 2;
	}
}

static void
band_line(struct pag *g, const struct pg_line *l, double x, double base)
{
	struct pg_item	*it = item(g, PGI_LINE, PGR_ARTIFACT);

	it->x = x;
	it->y = base;
	it->w = l->width;
	it->h = l->height;
	it->line = l;
}

/*
 * A running head (head) or foot on a page: its text and rule when the
 * section has running heads, its folio when the section prints folios.
 * The rule stands midway between the band's line and the type area.
 */
static void
emit_band(struct pag *g, const struct lspec_band *band, bool head,
    size_t page, const char *label)
{
	const struct layout_spec *ls = g->ls;
	const struct doc_section *s = &g->doc->sections[g->p[page].sec];
	const struct pg_line *fl = NULL, *tl = NULL;
	const char	*text = s->running ? band_text(g, band, page) : NULL;
	struct pg_item	*it;
	double		 base, avail = g->tw, edge;

	if (g->in->line == NULL)
		return;
	if (g->secpage[g->p[page].sec] == page && !band->on_opening)
		return;
	base = head ? ls->top - band->distance :
	    g->out->page_h - ls->bottom + band->distance;
	if (band->folio != LSP_NONE && s->folio && label != NULL) {
		fl = g->in->line(g->in->line_ctx, LSR_RUNNING, LSF_REGULAR,
		    label, g->tw, g->arena);
		if (fl != NULL)
			avail -= fl->width + BAND_GAP;
	}
	if (text != NULL && *text != '\0' && band->align != LSP_NONE &&
	    avail > 0)
		tl = g->in->line(g->in->line_ctx, LSR_RUNNING, LSF_REGULAR,
		    text, avail, g->arena);
	if (tl != NULL)
		band_line(g, tl, band_x(g, page, band->align, tl->width),
		    base);
	if (fl != NULL)
		band_line(g, fl, band_x(g, page, band->folio, fl->width),
		    base);
	if (band->rule > 0 && tl != NULL) {
		if (head)
			edge = (base + tl->height - tl->ascent + ls->top) / 2;
		else
			edge = (base - tl->ascent + g->out->page_h -
			    ls->bottom) / 2;
		it = item(g, PGI_RULE, PGR_ARTIFACT);
		it->x = page_left(g, page);
		it->y = edge;
		it->w = g->tw;
		it->h = band->rule;
		it->rgb = ls->colour[LSC_RULES];
	}
}

/* Lower-case roman numerals (thousands as repeated m). */
static void
roman(struct buf *b, size_t n)
{
	static const struct {
		size_t		 v;
		const char	*s;
	} r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t		 i;

	for (i = 0; i < NELEM(r); i++)
		while (n >= r[i].v) {
			buf_puts(b, r[i].s);
			n -= r[i].v;
		}
}

/*
 * Page labels: counted from the first page, roman in roman sections; the
 * first page of an arabic section starts the count again at 1.
 */
static void
label_pages(struct pag *g)
{
	struct buf	 b = { 0 };
	size_t		 p, n = 1;
	bool		 arabic = false, ar;

	for (p = 0; p < g->np; p++) {
		ar = g->doc->sections[g->p[p].sec].numbering == DF_ARABIC;
		if (ar && !arabic) {
			arabic = true;
			n = 1;
		}
		buf_reset(&b);
		if (ar)
			buf_printf(&b, "%zu", n);
		else
			roman(&b, n);
		g->out->pages[p].label = arena_strdup(g->arena, buf_str(&b));
		n++;
	}
	buf_free(&b);
}

static void
emit_pages(struct pag *g)
{
	struct pg_doc	*out = g->out;
	struct pg_page	*pg;
	const struct doc_section *s;
	size_t		 p, ci = 0;

	out->pages = arena_alloc(g->arena, (g->np ? g->np : 1) *
	    sizeof *out->pages);
	out->npages = g->np;
	g->secpage = xcalloc(g->doc->nsections + 1, sizeof *g->secpage);
	for (p = 0; p < g->doc->nsections; p++)
		g->secpage[p] = NONE;
	for (p = 0; p < g->np; p++) {
		out->pages[p].section = g->p[p].sec;
		out->pages[p].blank = g->p[p].blank;
	}
	label_pages(g);
	g->seen = strmap_new();
	for (p = 0; p < g->np; p++) {
		pg = &out->pages[p];
		s = &g->doc->sections[g->p[p].sec];
		g->nit = 0;
		g->epage = p;
		for (; ci < g->nc && g->c[ci].page == p; ci++)
			emit_column(g, &g->c[ci]);
		if (!pg->blank && !s->cover) {
			emit_band(g, &g->ls->head, true, p, pg->label);
			emit_band(g, &g->ls->foot, false, p, pg->label);
		}
		pg->nitems = g->nit;
		pg->items = arena_alloc(g->arena, (g->nit ? g->nit : 1) *
		    sizeof *pg->items);
		if (g->nit > 0)
			memcpy(pg->items, g->it, g->nit * sizeof *g->it);
	}
	strmap_free(g->seen);
}

static int
anchor_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pg_anchor *)a)->name,
	    ((const struct pg_anchor *)b)->name);
}

/* Anchors sorted by name (names are unique: the first placed won). */
static void
finish_anchors(struct pag *g)
{
	struct pg_doc	*out = g->out;

	out->nanchors = g->nanc;
	out->anchors = arena_alloc(g->arena, (g->nanc ? g->nanc : 1) *
	    sizeof *out->anchors);
	if (g->nanc > 0)
		memcpy(out->anchors, g->anc, g->nanc * sizeof *g->anc);
	qsort(out->anchors, out->nanchors, sizeof *out->anchors, anchor_cmp);
}

/* Bookmarks: every paragraph with an outline level and an anchor. */
static void
finish_outline(struct pag *g)
{
	const struct doc *doc = g->doc;
	const struct doc_section *s;
	const struct doc_par *par;
	struct pg_outline *o;
	size_t		 si, bi, pi, n = 0;
	char		*t;

	for (si = 0; si < doc->nsections; si++) {
		s = &doc->sections[si];
		for (bi = 0; bi < s->nblocks; bi++)
			for (pi = 0; pi < s->blocks[bi].npars; pi++) {
				par = &s->blocks[bi].pars[pi];
				if (par->outline > 0 && par->anchor != NULL)
					n++;
			}
	}
	g->out->outline = arena_alloc(g->arena, (n ? n : 1) * sizeof *o);
	for (si = 0; si < doc->nsections; si++) {
		s = &doc->sections[si];
		for (bi = 0; bi < s->nblocks; bi++)
			for (pi = 0; pi < s->blocks[bi].npars; pi++) {
				par = &s->blocks[bi].pars[pi];
				if (par->outline <= 0 || par->anchor == NULL)
					continue;
				o = &g->out->outline[g->out->noutline++];
				o->level = par->outline;
				o->dest = par->anchor;
				if (par->outline_title != NULL)
					o->title = par->outline_title;
				else {
					t = par_plain(par);
					o->title = arena_strdup(g->arena, t);
					free(t);
				}
			}
	}
}

/* Notes the pages block bi is on. */
static void
block_on(struct pag *g, size_t bi, size_t page)
{
	struct blk	*bk;

	if (bi == NONE)
		return;
	bk = &g->b[bi];
	if (bk->npages == 0 || page < bk->pfirst)
		bk->pfirst = page;
	if (bk->npages == 0 || page > bk->plast)
		bk->plast = page;
	bk->npages = bk->plast - bk->pfirst + 1;
}

/*
 * Reports the blocks the rules could not keep, once each: an entry split
 * across pages because it is taller than a page, or broken against the
 * rules, is a warning; one split across pages only because it does not
 * fit on a page under the headings that must stay with it is a note (no
 * rule is broken: the headings cannot end a page, the order of entries is
 * fixed, and the first part is as long as the page allows). An entry that
 * goes on in the next column of the same page is not reported.
 */
static void
report(struct pag *g)
{
	const struct blk *bk;
	const struct doc_block *b;
	const struct col *c;
	size_t		 ci, i;
	char		*name;

	if (g->d == NULL)
		return;
	for (ci = 0; ci < g->nc; ci++) {
		c = &g->c[ci];
		if (c->end > c->first) {
			block_on(g, g->v[c->first].blk, c->page);
			block_on(g, g->v[c->end - 1].blk, c->page);
		}
		i = c->first;
		if (i < g->nv && g->v[i].blk != NONE &&
		    i > g->b[g->v[i].blk].first)
			g->b[g->v[i].blk].parts++;
	}
	for (i = 0; i < g->nb; i++) {
		bk = &g->b[i];
		b = bk->b;
		if (!((bk->tall || bk->squeezed) && bk->npages > 1) &&
		    !bk->forced)
			continue;
		name = b->npars > 0 ? par_plain(&b->pars[0]) : xstrdup("");
		if (b->kind == DB_ENTRY && bk->forced)
			diag(g->d, D_PAGINATION, block_pos(b),
			    "entry %s does not fit in a column as the layout's "
			    "rules ask: broken where the column ends",
			    dq(g->d, name));
		else if (b->kind == DB_ENTRY && bk->tall)
			diag(g->d, D_PAGINATION, block_pos(b),
			    "entry %s is longer than a page: split across "
			    "%d columns on %zu pages", dq(g->d, name),
			    bk->parts + 1, bk->npages);
		else if (b->kind == DB_ENTRY)
			diag_at_level(g->d, D_PAGINATION, DIAG_NOTE,
			    block_pos(b), "entry %s does not fit on a page "
			    "together with the headings above it: it starts "
			    "under them and goes on on the next page (%zu "
			    "pages)", dq(g->d, name), bk->npages);
		else
			diag(g->d, D_PAGINATION, block_pos(b),
			    "text %s does not fit in a column as the layout's "
			    "rules ask: broken where the column ends",
			    dq(g->d, name));
		free(name);
	}
}

void
paginate(const struct paginate_in *in, struct paginate_out *res,
    struct diag *d)
{
	struct pag	 g;
	struct arena	*a = arena_new();
	const struct layout_spec *ls = in->doc->layout;

	memset(&g, 0, sizeof g);
	memset(res, 0, sizeof *res);
	g.in = in;
	g.doc = in->doc;
	g.ls = ls;
	g.d = d;
	g.arena = a;
	ANEW(a, g.out);
	g.out->arena = a;
	g.out->doc = in->doc;
	g.out->page_w = ls->page_w;
	g.out->page_h = ls->page_h;
	g.out->fonts = in->fonts;
	g.out->nfonts = in->nfonts;
	g.tw = lspec_text_width(ls);
	g.th = lspec_text_height(ls);

	build_list(&g);
	layout_all(&g);
	emit_pages(&g);
	finish_anchors(&g);
	finish_outline(&g);
	report(&g);

	res->pages = g.out;
	res->fixes = g.fix;
	res->nfixes = g.nfix;
	free(g.v);
	free(g.b);
	free(g.secfirst);
	free(g.c);
	free(g.p);
	free(g.it);
	free(g.anc);
	free(g.secpage);
}

void
paginate_free(struct pg_doc *pg)
{
	if (pg != NULL)
		arena_free(pg->arena);
}
