/*
 * Total-fit line breaking (see linebreak.h for the model and the passes).
 *
 * The search is Knuth and Plass's: the items are scanned once per pass;
 * at each legal break every active node (a break that may start a line)
 * is tried as the start of a line ending here; a line that can no longer
 * fit from a node deactivates it, so the active list holds only the breaks
 * within one line's length before the scan point, and the whole pass is
 * linear in the paragraph. Widths come from prefix sums, so a line's
 * natural, stretch and shrink are three subtractions.
 *
 * A node's state is everything the rest of the paragraph's cost depends
 * on: position, line number (only while lines still differ: variable
 * widths, per-line hyphen bans), fitness class of the line before (for
 * adj_demerits) and how many hyphenated lines end there in a row (for the
 * limit and flagged_demerits). Keeping the cheapest node per state is
 * exact. At each break a node is also dropped when another one at the same
 * break with no more hyphens in a row is cheaper by at least adj_demerits:
 * its future can cost at most that much more (TeX does the same for
 * fitness classes).
 *
 * Costs are compared as (overflow, violations, demerits) in that order.
 * The first two are always 0 except in the last pass, where they make the
 * search minimise the overflowing width first and broken hyphen rules
 * second.
 *
 * Ragged right uses the same search with a finite stretch at each line end
 * and no shrink (TeX's \raggedright with \rightskip 0pt plus …) instead of
 * a greedy fill with look-ahead: the rag comes out even over the whole
 * paragraph (no very short line after a long one), and the hyphen rules,
 * forced and forbidden breaks and variable widths need no second
 * implementation; it costs the same linear time.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "util.h"

#define NIL	((size_t)-1)
#define NFIT	4
#define NH	(LB_MAX_HYPHENS + 1)
#define MAXDEM	1000000000	/* cap on demerit options */

struct cost {
	int64_t		 overflow;	/* Pango units beyond the line widths */
	int64_t		 viol;		/* broken hyphen rules */
	int64_t		 dem;		/* demerits */
};

/* An active node: a break that may start the next line. */
struct node {
	ptrdiff_t	 pos;		/* break item, -1 = paragraph start */
	size_t		 line;		/* lines before, capped at easy_line */
	int		 fit;		/* fitness of the line ending here */
	int		 h;		/* hyphenated lines in a row ending here */
	struct cost	 cost;
	size_t		 passive;	/* its record in lb.passive */
	size_t		 next;		/* next active node or NIL */
};

/* A chosen break, kept for tracing the best path back. */
struct passive {
	ptrdiff_t	 pos;
	size_t		 prev;		/* NIL for the paragraph start */
};

/* The best way found so far to reach the current break in one state. */
struct cand {
	struct cost	 cost;
	size_t		 from;		/* passive index of the line's start */
};

/* Candidates at the current break for one line number. */
struct group {
	size_t		 line;
	uint64_t	 used;		/* bit f * NH + h: c[f][h] is set */
	struct cand	 c[NFIT][NH];
};

#define USED(g, f, h)	(((g)->used >> ((f) * NH + (h))) & 1)

/* One pass's parameters. */
struct pass {
	int		 num;		/* 1 .. 5 */
	int		 tol;		/* highest badness accepted */
	bool		 soft;		/* LB_HYPHENATION breaks allowed */
	int64_t		 emerg;		/* extra stretch per line */
	bool		 rescue;	/* overfull lines and broken rules ok */
};

/* A line from one break to another, measured. */
struct rating {
	size_t		 start;
	int32_t		 pre, post;
	int64_t		 nat, stretch, shrink;
	int64_t		 minw;		/* width if everything shrank, pre not
					   counted: never decreases as the end
					   moves right */
	int64_t		 overflow;
	bool		 fill;		/* last line or forced break */
	bool		 overfull;
	int		 bad;
	int		 fit;
};

struct lb {
	const struct lb_opts *o;
	struct lb_item	*it;		/* normalised copy of the items */
	size_t		 n, itcap;
	size_t		 end;		/* the paragraph's final break */
	int64_t		*w, *y, *z;	/* prefix sums of width, stretch,
					   shrink over it[0 .. i) */
	size_t		*nb;		/* nb[i]: first box at or after i */
	size_t		 sumcap;
	size_t		 easy_line;	/* lines from here on are all alike */
	int		 hcap;		/* largest hyphen count kept in state */
	int		 max_h;
	int64_t		 line_penalty, flagged_dem, final_dem, adj_dem,
			 runt_dem;

	struct node	*nodes;
	size_t		 nnodes, nodecap, freelist;
	size_t		 head, tail, nactive;
	struct passive	*passive;
	size_t		 npassive, passivecap;
	struct group	*groups;
	size_t		 ngroups, groupcap;
	uint64_t	 work;

	struct lb_line	*lines;
	size_t		 linecap;
};

struct lb_item
lb_box(int32_t width)
{
	struct lb_item	 i = { .type = LB_BOX, .width = width };

	return i;
}

struct lb_item
lb_glue(int32_t width, int32_t stretch, int32_t shrink)
{
	struct lb_item	 i = { .type = LB_GLUE, .width = width,
	    .stretch = stretch, .shrink = shrink };

	return i;
}

struct lb_item
lb_penalty(int32_t width, int32_t penalty, unsigned flags)
{
	struct lb_item	 i = { .type = LB_PENALTY, .width = width,
	    .penalty = penalty, .flags = flags };

	return i;
}

void
lb_opts_default(struct lb_opts *o, int32_t width)
{
	memset(o, 0, sizeof *o);
	o->width = width;
	o->pretolerance = 100;
	o->tolerance = 200;
	o->line_penalty = 10;
	o->flagged_demerits = 10000;
	o->final_hyphen_demerits = 5000;
	o->adj_demerits = 10000;
	o->max_hyphens = 3;
	o->no_final_hyphen = true;
	o->max_active = 4096;
}

struct lb *
lb_new(void)
{
	return xcalloc(1, sizeof(struct lb));
}

void
lb_free(struct lb *b)
{
	if (b == NULL)
		return;
	free(b->it);
	free(b->w);
	free(b->y);
	free(b->z);
	free(b->nb);
	free(b->nodes);
	free(b->passive);
	free(b->groups);
	free(b->lines);
	free(b);
}

static int32_t
clamp32(int32_t v, int32_t lo, int32_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int64_t
clampopt(int v)
{
	return v < 0 ? 0 : v > MAXDEM ? MAXDEM : v;
}

/* The item as the search sees it (see struct lb_item). */
static struct lb_item
normalise(const struct lb_item *src)
{
	struct lb_item	 i = *src;

	i.width = i.width < 0 ? 0 : i.width;
	if (i.type == LB_GLUE) {
		i.stretch = i.stretch < 0 ? 0 : i.stretch;
		i.shrink = clamp32(i.shrink, 0, i.width);
	} else {
		i.stretch = i.shrink = 0;
	}
	if (i.type == LB_PENALTY) {
		i.penalty = clamp32(i.penalty, -LB_INF, LB_INF);
		i.post = i.post < 0 ? 0 : i.post;
	} else {
		i.penalty = i.post = 0;
		i.flags = 0;
	}
	return i;
}

/*
 * Copies the items and builds the prefix sums; finds the final break.
 * Returns false when there is nothing to set (no items but glue).
 */
static bool
prepare(struct lb *b, const struct lb_item *items, size_t n)
{
	size_t	 i, e;

	if (n > b->itcap)
		grow(&b->it, &b->itcap, n, sizeof *b->it);
	if (n + 1 > b->sumcap) {
		size_t	 cap = b->sumcap;

		grow(&b->w, &cap, n + 1, sizeof *b->w);
		cap = b->sumcap;
		grow(&b->y, &cap, n + 1, sizeof *b->y);
		cap = b->sumcap;
		grow(&b->z, &cap, n + 1, sizeof *b->z);
		cap = b->sumcap;
		grow(&b->nb, &cap, n + 1, sizeof *b->nb);
		b->sumcap = cap;
	}
	b->n = n;
	b->w[0] = b->y[0] = b->z[0] = 0;
	for (i = 0; i < n; i++) {
		b->it[i] = normalise(&items[i]);
		b->w[i + 1] = b->w[i] + (b->it[i].type == LB_PENALTY ? 0 :
		    b->it[i].width);
		b->y[i + 1] = b->y[i] + b->it[i].stretch;
		b->z[i + 1] = b->z[i] + b->it[i].shrink;
	}
	b->nb[n] = n;
	for (i = n; i-- > 0; )
		b->nb[i] = b->it[i].type == LB_BOX ? i : b->nb[i + 1];

	/* Glue at the end is dropped (TeX's \unskip before \parfillskip);
	   a forced break at the end is the end. */
	for (e = n; e > 0 && b->it[e - 1].type == LB_GLUE; e--)
		continue;
	if (e == 0)
		return false;
	if (b->it[e - 1].type == LB_PENALTY && b->it[e - 1].penalty <= -LB_INF)
		e--;
	b->end = e;
	return true;
}

static int64_t
line_width(const struct lb *b, size_t line)
{
	const struct lb_opts *o = b->o;

	if (o->widths == NULL || o->nwidths == 0)
		return o->width;
	return o->widths[line < o->nwidths ? line : o->nwidths - 1];
}

/* TeX's badness: about 100 (t/s)³, at most LB_INF_BAD. */
static int
badness(int64_t t, int64_t s)
{
	double	 r;

	if (t <= 0)
		return 0;
	if (s <= 0)
		return LB_INF_BAD;
	r = (double)t / (double)s;
	if (r >= 4.7)
		return LB_INF_BAD;
	r = 100.0 * r * r * r + 0.5;
	return r >= LB_INF_BAD ? LB_INF_BAD : (int)r;
}

static bool
is_forced(const struct lb *b, size_t to)
{
	return to == b->end || (b->it[to].type == LB_PENALTY &&
	    b->it[to].penalty <= -LB_INF);
}

static bool
is_flagged(const struct lb *b, size_t to)
{
	return to < b->n && b->it[to].type == LB_PENALTY &&
	    (b->it[to].flags & LB_FLAGGED);
}

/*
 * Measures the line from break `from` (-1: paragraph start) to break `to`
 * for a line width T, with emerg extra stretch when rating it.
 */
static void
rate(const struct lb *b, ptrdiff_t from, size_t to, int64_t T,
    int64_t emerg, struct rating *r)
{
	const struct lb_opts *o = b->o;
	int64_t	 content, shrink, avail;
	size_t	 s;

	s = from < 0 ? 0 : b->nb[from + 1];
	if (s > to)
		s = to;
	r->start = s;
	r->post = from >= 0 && b->it[from].type == LB_PENALTY ?
	    b->it[from].post : 0;
	r->pre = to < b->n && b->it[to].type == LB_PENALTY ?
	    b->it[to].width : 0;
	r->fill = is_forced(b, to);
	content = b->w[to] - b->w[s];
	r->nat = content + r->pre + r->post;
	r->stretch = b->y[to] - b->y[s];
	r->shrink = b->z[to] - b->z[s];
	shrink = o->ragged ? 0 : r->shrink;
	r->minw = content + r->post - shrink;
	r->overflow = 0;
	r->overfull = r->nat - shrink > T;
	if (r->overfull) {
		r->overflow = r->nat - shrink - T;
		r->bad = LB_INF_BAD;
		r->fit = LB_TIGHT;
	} else if (r->nat > T) {
		r->bad = badness(r->nat - T, shrink);
		r->fit = r->bad > 12 ? LB_TIGHT : LB_DECENT;
	} else if (r->fill || r->nat == T) {
		r->bad = 0;
		r->fit = LB_DECENT;
	} else {
		if (o->ragged)
			avail = o->ragged_stretch > 0 ? o->ragged_stretch :
			    T / 6;
		else
			avail = r->stretch;
		r->bad = badness(T - r->nat, avail + emerg);
		r->fit = r->bad > 99 ? LB_VERY_LOOSE :
		    r->bad > 12 ? LB_LOOSE : LB_DECENT;
	}
}

/* Demerits of the line rated r, from node state (h, fit, line) to `to`. */
static int64_t
demerits(const struct lb *b, const struct rating *r, size_t to, int h,
    int fit, size_t line)
{
	int64_t	 d, p;

	d = b->line_penalty + r->bad;
	d = llabs(d) >= 10000 ? 100000000 : d * d;
	if (to < b->n && b->it[to].type == LB_PENALTY) {
		p = b->it[to].penalty;
		if (p > 0)
			d += p * p;
		else if (p > -LB_INF)
			d -= p * p;
	}
	if (h > 0 && is_flagged(b, to))
		d += b->flagged_dem;
	if (h > 0 && to == b->end)
		d += b->final_dem;
	if (abs(r->fit - fit) > 1)
		d += b->adj_dem;
	if (to == b->end && line > 0 && r->nat < b->o->last_line_min)
		d += b->runt_dem;
	return d;
}

/* How many hyphen rules a line ending at `to` after state (h, line) breaks. */
static int
violations(const struct lb *b, size_t to, int h, size_t line)
{
	const struct lb_opts *o = b->o;
	int	 v = 0;

	if (is_flagged(b, to)) {
		if (b->max_h > 0 && h >= b->max_h)
			v++;
		if (line < o->nno_hyphen && o->no_hyphen[line])
			v++;
	}
	if (to == b->end && h > 0 && o->no_final_hyphen)
		v++;
	return v;
}

static bool
cost_less(const struct cost *a, const struct cost *c)
{
	if (a->overflow != c->overflow)
		return a->overflow < c->overflow;
	if (a->viol != c->viol)
		return a->viol < c->viol;
	return a->dem < c->dem;
}

/* Does a candidate with cost a (plus adj) make one with cost c useless? */
static bool
dominates(const struct cost *a, int64_t adj, const struct cost *c,
    bool tie)
{
	if (a->overflow != c->overflow)
		return a->overflow < c->overflow;
	if (a->viol != c->viol)
		return a->viol < c->viol;
	if (a->dem + adj != c->dem)
		return a->dem + adj < c->dem;
	return tie;
}

static struct group *
find_group(struct lb *b, size_t line)
{
	struct group	*g;
	size_t		 i;

	for (i = 0; i < b->ngroups; i++)
		if (b->groups[i].line == line)
			return &b->groups[i];
	if (b->ngroups == b->groupcap)
		grow(&b->groups, &b->groupcap, b->ngroups + 1,
		    sizeof *b->groups);
	g = &b->groups[b->ngroups++];
	g->used = 0;
	g->line = line;
	return g;
}

static size_t
node_alloc(struct lb *b)
{
	size_t	 i;

	if (b->freelist != NIL) {
		i = b->freelist;
		b->freelist = b->nodes[i].next;
		return i;
	}
	if (b->nnodes == b->nodecap)
		grow(&b->nodes, &b->nodecap, b->nnodes + 1, sizeof *b->nodes);
	return b->nnodes++;
}

static void
node_append(struct lb *b, size_t i)
{
	b->nodes[i].next = NIL;
	if (b->tail == NIL)
		b->head = i;
	else
		b->nodes[b->tail].next = i;
	b->tail = i;
	b->nactive++;
}

/* Unlinks node i, whose predecessor in the active list is prev. */
static void
node_remove(struct lb *b, size_t prev, size_t i)
{
	size_t	 next = b->nodes[i].next;

	if (prev == NIL)
		b->head = next;
	else
		b->nodes[prev].next = next;
	if (b->tail == i)
		b->tail = prev;
	b->nodes[i].next = b->freelist;
	b->freelist = i;
	b->nactive--;
}

static size_t
passive_add(struct lb *b, ptrdiff_t pos, size_t prev)
{
	if (b->npassive == b->passivecap)
		grow(&b->passive, &b->passivecap, b->npassive + 1,
		    sizeof *b->passive);
	b->passive[b->npassive].pos = pos;
	b->passive[b->npassive].prev = prev;
	return b->npassive++;
}

/*
 * Tries node a as the start of a line ending at `to`; records the result
 * as a candidate. Returns whether a can be dropped (no later line from it
 * can fit).
 */
static bool
consider(struct lb *b, const struct pass *p, const struct node *a, size_t to,
    ptrdiff_t last_b)
{
	struct rating	 r;
	struct cost	 c;
	struct group	*g;
	struct cand	*slot;
	int64_t		 T = line_width(b, a->line);
	int		 v, h;
	bool		 drop;

	rate(b, a->pos, to, T, p->emerg, &r);
	drop = r.minw > T;
	if (r.overfull) {
		/* Only in the last pass, and then only as much as cannot be
		   avoided: up to the first break after the start. */
		if (!p->rescue || a->pos != last_b)
			return drop;
	} else if (r.bad > p->tol)
		return drop;
	v = violations(b, to, a->h, a->line);
	if (v > 0 && !p->rescue)
		return drop;
	c.overflow = a->cost.overflow + r.overflow;
	c.viol = a->cost.viol + v;
	c.dem = a->cost.dem + demerits(b, &r, to, a->h, a->fit, a->line);
	h = is_flagged(b, to) ? (a->h < b->hcap ? a->h + 1 : b->hcap) : 0;
	g = find_group(b, a->line + 1 < b->easy_line ? a->line + 1 :
	    b->easy_line);
	slot = &g->c[r.fit][h];
	if (!USED(g, r.fit, h) || cost_less(&c, &slot->cost)) {
		g->used |= (uint64_t)1 << (r.fit * NH + h);
		slot->cost = c;
		slot->from = a->passive;
	}
	return drop;
}

/* Turns the candidates at break `to` into active nodes, minus dominated
   ones. */
static void
add_candidates(struct lb *b, size_t to)
{
	struct group	*g;
	struct cand	*c, *o;
	struct node	*nd;
	size_t		 gi, k;
	int		 f, h, f2, h2;
	bool		 dominated;

	for (gi = 0; gi < b->ngroups; gi++) {
		g = &b->groups[gi];
		for (f = 0; f < NFIT; f++)
			for (h = 0; h <= b->hcap; h++) {
				c = &g->c[f][h];
				if (!USED(g, f, h))
					continue;
				dominated = false;
				for (f2 = 0; f2 < NFIT && !dominated; f2++)
					for (h2 = 0; h2 <= h; h2++) {
						o = &g->c[f2][h2];
						if (o == c || !USED(g, f2, h2))
							continue;
						if (dominates(&o->cost,
						    f2 == f ? 0 : b->adj_dem,
						    &c->cost, h2 < h ||
						    (h2 == h && f2 < f))) {
							dominated = true;
							break;
						}
					}
				if (dominated)
					continue;
				k = node_alloc(b);
				nd = &b->nodes[k];
				nd->pos = (ptrdiff_t)to;
				nd->line = g->line;
				nd->fit = f;
				nd->h = h;
				nd->cost = c->cost;
				nd->passive = passive_add(b, nd->pos, c->from);
				node_append(b, k);
			}
	}
}

/* Is item i a legal break in pass p? *forced tells whether it must be. */
static bool
legal(const struct lb *b, const struct pass *p, size_t i, bool *forced)
{
	const struct lb_item *it;

	*forced = true;
	if (i == b->end)
		return true;
	it = &b->it[i];
	*forced = false;
	switch (it->type) {
	case LB_GLUE:
		return i > 0 && b->it[i - 1].type == LB_BOX;
	case LB_PENALTY:
		if (it->penalty >= LB_INF)
			return false;
		*forced = it->penalty <= -LB_INF;
		return *forced || p->soft || !(it->flags & LB_HYPHENATION);
	default:
		return false;
	}
}

/* One pass over the paragraph. Returns the best final node or NIL. */
static size_t
run_pass(struct lb *b, const struct pass *p)
{
	struct node	*nd;
	ptrdiff_t	 last_b = -1;
	size_t		 i, k, prev, next, best;
	size_t		 max_active = b->o->max_active < 64 ? 64 :
			    b->o->max_active;
	bool		 forced;

	b->nnodes = b->npassive = b->nactive = 0;
	b->freelist = b->head = b->tail = NIL;
	k = node_alloc(b);
	nd = &b->nodes[k];
	memset(nd, 0, sizeof *nd);
	nd->pos = -1;
	nd->fit = LB_DECENT;
	nd->passive = passive_add(b, -1, NIL);
	node_append(b, k);

	for (i = 0; i <= b->end; i++) {
		if (!legal(b, p, i, &forced))
			continue;
		b->ngroups = 0;
		for (prev = NIL, k = b->head; k != NIL; k = next) {
			next = b->nodes[k].next;
			b->work++;
			if (consider(b, p, &b->nodes[k], i, last_b) || forced)
				node_remove(b, prev, k);
			else
				prev = k;
		}
		add_candidates(b, i);
		/* Guard for degenerate input (zero-width items): forget the
		   oldest starts; real text never has this many. */
		while (b->nactive > max_active &&
		    b->nodes[b->head].pos != (ptrdiff_t)i)
			node_remove(b, NIL, b->head);
		if (b->head == NIL)
			return NIL;
		last_b = (ptrdiff_t)i;
	}
	/* Only nodes at the end are left: the forced end removed the rest. */
	best = b->head;
	for (k = b->head; k != NIL; k = b->nodes[k].next)
		if (cost_less(&b->nodes[k].cost, &b->nodes[best].cost))
			best = k;
	return best;
}

/* Fills b->lines from the best node's path; returns the number of lines. */
static size_t
trace(struct lb *b, const struct pass *p, size_t best, struct lb_result *res)
{
	struct lb_line	*l;
	struct rating	 r, rs;
	size_t		 nl = 0, k, i, line;
	ptrdiff_t	 from;
	int		 h = 0, fit = LB_DECENT;

	for (k = b->nodes[best].passive; b->passive[k].prev != NIL;
	    k = b->passive[k].prev)
		nl++;
	if (nl > b->linecap)
		grow(&b->lines, &b->linecap, nl, sizeof *b->lines);
	/* Break positions into lines[].end, backwards. */
	i = nl;
	for (k = b->nodes[best].passive; b->passive[k].prev != NIL;
	    k = b->passive[k].prev)
		b->lines[--i].end = (size_t)b->passive[k].pos;

	from = -1;
	for (line = 0; line < nl; line++) {
		l = &b->lines[line];
		l->target = (int32_t)line_width(b, line);
		rate(b, from, l->end, l->target, 0, &r);
		rate(b, from, l->end, l->target, p->emerg, &rs);
		l->start = r.start;
		l->end_kind = l->end == b->end && (l->end >= b->n ||
		    b->it[l->end].type != LB_PENALTY) ? LB_END_PARAGRAPH :
		    b->it[l->end].type == LB_GLUE ? LB_END_GLUE :
		    LB_END_PENALTY;
		l->pre = r.pre;
		l->post = r.post;
		l->natural = r.nat;
		l->stretch = r.stretch;
		l->shrink = r.shrink;
		l->overflow = r.overflow;
		l->badness = r.bad;
		l->fitness = r.fit;
		l->hyphen = is_flagged(b, l->end);
		l->last = r.fill;
		l->ratio = 0;
		l->width = r.nat;
		if (r.overfull) {
			if (!b->o->ragged && r.shrink > 0)
				l->ratio = -1;
			l->width = r.nat - (b->o->ragged ? 0 : r.shrink);
		} else if (r.nat > l->target) {
			l->ratio = (double)(l->target - r.nat) /
			    (double)r.shrink;
			l->width = l->target;
		} else if (r.nat < l->target && !r.fill && !b->o->ragged &&
		    r.stretch > 0) {
			l->ratio = (double)(l->target - r.nat) /
			    (double)r.stretch;
			l->width = l->target;
		}
		l->demerits = demerits(b, &rs, l->end, h, fit,
		    line < b->easy_line ? line : b->easy_line);
		res->demerits += l->demerits;
		res->overflow += r.overflow;
		res->violations += (size_t)violations(b, l->end, h,
		    line < b->easy_line ? line : b->easy_line);
		if (r.overfull)
			res->status |= LB_OVERFULL;
		else if (!r.fill && r.bad > b->o->tolerance)
			res->status |= LB_UNDERFULL;
		h = l->hyphen ? (h < b->hcap ? h + 1 : b->hcap) : 0;
		fit = rs.fit;
		from = (ptrdiff_t)l->end;
	}
	if (res->violations > 0)
		res->status |= LB_RELAXED;
	return nl;
}

unsigned
lb_break(struct lb *b, const struct lb_item *items, size_t n,
    const struct lb_opts *o, struct lb_result *res)
{
	struct pass	 passes[5], *p;
	size_t		 np = 0, i, best = NIL;
	int		 tol;
	int64_t		 emerg;

	memset(res, 0, sizeof *res);
	b->o = o;
	b->work = 0;
	if (!prepare(b, items, n)) {
		res->lines = b->lines;
		res->pass = 1;
		return 0;
	}
	b->max_h = o->max_hyphens <= 0 ? 0 : o->max_hyphens > LB_MAX_HYPHENS ?
	    LB_MAX_HYPHENS : o->max_hyphens;
	b->hcap = b->max_h > 0 ? b->max_h : 1;
	b->easy_line = 1;
	if (o->widths != NULL && o->nwidths > b->easy_line + 1)
		b->easy_line = o->nwidths - 1;
	if (o->no_hyphen != NULL && o->nno_hyphen > b->easy_line)
		b->easy_line = o->nno_hyphen;
	b->line_penalty = o->line_penalty < -LB_INF ? -LB_INF :
	    o->line_penalty > LB_INF ? LB_INF : o->line_penalty;
	b->flagged_dem = clampopt(o->flagged_demerits);
	b->final_dem = clampopt(o->final_hyphen_demerits);
	b->adj_dem = clampopt(o->adj_demerits);
	b->runt_dem = clampopt(o->runt_demerits);

	tol = o->tolerance > LB_INF_BAD ? LB_INF_BAD : o->tolerance;
	emerg = o->emergency_stretch > 0 ? o->emergency_stretch : 0;
	if (o->pretolerance >= 0)
		passes[np++] = (struct pass){ 1, o->pretolerance > LB_INF_BAD ?
		    LB_INF_BAD : o->pretolerance, false, 0, false };
	passes[np++] = (struct pass){ 2, tol, true, 0, false };
	if (emerg > 0)
		passes[np++] = (struct pass){ 3, tol, true, emerg, false };
	if (tol < LB_INF_BAD)
		passes[np++] = (struct pass){ 4, LB_INF_BAD, true, emerg,
		    false };
	passes[np++] = (struct pass){ 5, LB_INF_BAD, true, emerg, true };

	for (i = 0, p = passes; i < np; i++, p++)
		if ((best = run_pass(b, p)) != NIL)
			break;
	/* The last pass cannot fail: from each break the next one is
	   reachable. */
	if (best == NIL)
		abort();
	res->pass = p->num;
	res->nlines = trace(b, p, best, res);
	res->lines = b->lines;
	res->work = b->work;
	return res->status;
}

void
lb_place(const struct lb_item *items, const struct lb_line *l, int64_t *x)
{
	struct lb_item	 it;
	int64_t		 nat = l->post, acc = 0, total, diff;
	size_t		 i, k = 0;

	diff = l->width - l->natural;
	total = diff > 0 ? l->stretch : l->shrink;
	for (i = l->start; ; i++, k++) {
		if (diff == 0 || total <= 0)
			x[k] = nat;
		else if (acc == total)
			x[k] = nat + diff;
		else
			x[k] = nat + llround((double)diff * (double)acc /
			    (double)total);
		if (i >= l->end)
			break;
		it = normalise(&items[i]);
		if (it.type == LB_PENALTY)
			continue;
		nat += it.width;
		acc += diff > 0 ? it.stretch : it.shrink;
	}
}

static const char *const fitness_names[] = {
	"very-loose", "loose", "decent", "tight"
};

static const char *const end_names[] = { "glue", "penalty", "end" };

void
lb_dump(FILE *f, const struct lb_result *res)
{
	const struct lb_line *l;
	size_t	 i;

	fprintf(f, "lines %zu pass %d status %u demerits %lld overflow %lld"
	    " violations %zu\n", res->nlines, res->pass, res->status,
	    (long long)res->demerits, (long long)res->overflow,
	    res->violations);
	for (i = 0; i < res->nlines; i++) {
		l = &res->lines[i];
		fprintf(f, "%4zu: items %zu-%zu %s target %d natural %lld "
		    "width %lld ratio %+.3f badness %d %s%s%s", i, l->start,
		    l->end, end_names[l->end_kind], (int)l->target,
		    (long long)l->natural, (long long)l->width, l->ratio,
		    l->badness, fitness_names[l->fitness],
		    l->hyphen ? " hyphen" : "", l->last ? " last" : "");
		if (l->overflow > 0)
			fprintf(f, " overflow %lld", (long long)l->overflow);
		fputc('\n', f);
	}
}
