/*
 * Unit tests of the total-fit line breaker (src/linebreak.c).
 *
 * Paragraphs are written as text with fixed-width letters (U Pango units
 * each) and a few marks for the other items; the result is printed back
 * as text, one line per line. Optimality is checked against two references
 * written here from the rules alone: an exhaustive search over every set
 * of breaks (tiny paragraphs) and a plain dynamic programme over every
 * (break, line, hyphens in a row, fitness) state without pruning (medium
 * ones). Thousands of seeded random paragraphs check the properties: no
 * overfull line whenever a setting without one exists, hyphen rules kept
 * whenever they can be, forced and forbidden breaks, exact placement.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "linebreak.h"
#include "util.h"

#define U	100		/* one letter */

/* ---- paragraphs written as text ---------------------------------------- */

/*
 * Marks: ' ' a space (glue U, stretch 60, shrink 40); '~' a tie (no break,
 * still a stretchable space); '=' a hyphenation point (hyphen U, penalty
 * 50); '+' a compound's own hyphen (box "-", break repeats it on the next
 * line); '|' a forced break; '#' a forbidden break; '^' a free break (URL
 * after "/"); anything else a letter.
 */
struct para {
	struct lb_item	*it;
	char		*ch;		/* what each item prints, 0: nothing */
	size_t		 n, cap;
};

static void
push(struct para *p, struct lb_item it, char c)
{
	if (p->n == p->cap) {
		size_t	 cap = p->cap;

		grow(&p->it, &cap, p->n + 1, sizeof *p->it);
		grow(&p->ch, &p->cap, p->n + 1, sizeof *p->ch);
	}
	p->it[p->n] = it;
	p->ch[p->n++] = c;
}

static void
para_free(struct para *p)
{
	free(p->it);
	free(p->ch);
	memset(p, 0, sizeof *p);
}

static void
para_text(struct para *p, const char *s)
{
	struct lb_item	 it;

	for (; *s; s++)
		switch (*s) {
		case ' ':
			push(p, lb_glue(U, 60, 40), ' ');
			break;
		case '~':
			push(p, lb_penalty(0, LB_INF, 0), 0);
			push(p, lb_glue(U, 60, 40), ' ');
			break;
		case '=':
			push(p, lb_penalty(U, 50, LB_FLAGGED | LB_HYPHENATION),
			    0);
			break;
		case '+':
			push(p, lb_box(U), '-');
			it = lb_penalty(0, 50, LB_FLAGGED);
			it.post = U;
			push(p, it, 0);
			break;
		case '|':
			push(p, lb_penalty(0, -LB_INF, 0), 0);
			break;
		case '#':
			push(p, lb_penalty(0, LB_INF, 0), 0);
			break;
		case '^':
			push(p, lb_penalty(0, 0, 0), 0);
			break;
		default:
			push(p, lb_box(U), *s);
		}
}

/* The result as text: lines joined with '\n'. The caller frees it. */
static char *
render(const struct para *p, const struct lb_result *r)
{
	struct buf	 b = { 0 };
	const struct lb_line *l;
	size_t		 i, k;

	buf_puts(&b, "");
	for (k = 0; k < r->nlines; k++) {
		l = &r->lines[k];
		if (k > 0)
			buf_putc(&b, '\n');
		if (l->post > 0)
			buf_putc(&b, '-');
		for (i = l->start; i < l->end; i++)
			if (p->ch[i] != 0)
				buf_putc(&b, p->ch[i]);
		if (l->hyphen && l->pre > 0)
			buf_putc(&b, '-');
	}
	return buf_steal(&b);
}

/* Breaks text at width (in letters) with options o; returns the text. */
static char *
brk(struct lb *b, const char *text, const struct lb_opts *o,
    struct lb_result *res)
{
	struct para	 p = { 0 };
	char		*s;

	para_text(&p, text);
	lb_break(b, p.it, p.n, o, res);
	s = render(&p, res);
	para_free(&p);
	return s;
}

/* ---- the references ---------------------------------------------------- */

struct rcost {
	int64_t		 overflow, viol, dem;
};

struct ref {
	const struct lb_item *it;
	size_t		 n, end;
	const struct lb_opts *o;
	int		 pass, tol;
	bool		 soft, rescue, allow_viol;
	int64_t		 emerg;
	int64_t		*w, *y, *z;	/* sums over it[0 .. i), penalties
					   not counted */
};

/* One line as the rules rate it. */
struct rline {
	bool		 ok;
	int		 fit, bad;
	int64_t		 overflow;
	int64_t		 viol, dem;
	int64_t		 nat, shrink;
};

static bool
rless(const struct rcost *a, const struct rcost *b)
{
	if (a->overflow != b->overflow)
		return a->overflow < b->overflow;
	if (a->viol != b->viol)
		return a->viol < b->viol;
	return a->dem < b->dem;
}

/* The paragraph's final break, or (size_t)-1 for nothing to set. */
static size_t
ref_end(const struct lb_item *it, size_t n)
{
	size_t	 e = n;

	while (e > 0 && it[e - 1].type == LB_GLUE)
		e--;
	if (e == 0)
		return (size_t)-1;
	if (it[e - 1].type == LB_PENALTY && it[e - 1].penalty <= -LB_INF)
		e--;
	return e;
}

/* Sets up r for the items: the final break and the sums. */
static void
ref_init(struct ref *r, const struct lb_item *it, size_t n,
    const struct lb_opts *o)
{
	size_t	 i;

	memset(r, 0, sizeof *r);
	r->it = it;
	r->n = n;
	r->o = o;
	r->end = ref_end(it, n);
	r->w = xcalloc(n + 1, sizeof *r->w);
	r->y = xcalloc(n + 1, sizeof *r->y);
	r->z = xcalloc(n + 1, sizeof *r->z);
	for (i = 0; i < n; i++) {
		r->w[i + 1] = r->w[i] + (it[i].type == LB_PENALTY ? 0 :
		    it[i].width);
		r->y[i + 1] = r->y[i] + it[i].stretch;
		r->z[i + 1] = r->z[i] + it[i].shrink;
	}
}

static void
ref_fini(struct ref *r)
{
	free(r->w);
	free(r->y);
	free(r->z);
}

static bool
ref_legal(const struct ref *r, size_t i, bool *forced)
{
	const struct lb_item *x;

	*forced = true;
	if (i == r->end)
		return true;
	x = &r->it[i];
	*forced = x->type == LB_PENALTY && x->penalty <= -LB_INF;
	if (x->type == LB_GLUE)
		return i > 0 && r->it[i - 1].type == LB_BOX;
	if (x->type != LB_PENALTY || x->penalty >= LB_INF)
		return false;
	return *forced || r->soft || !(x->flags & LB_HYPHENATION);
}

static int
ref_badness(int64_t t, int64_t s)
{
	double	 q;

	if (t <= 0)
		return 0;
	if (s <= 0)
		return LB_INF_BAD;
	q = (double)t / (double)s;
	if (q >= 4.7)
		return LB_INF_BAD;
	q = 100.0 * q * q * q + 0.5;
	return q >= LB_INF_BAD ? LB_INF_BAD : (int)q;
}

static bool
ref_flagged(const struct ref *r, size_t to)
{
	return to < r->n && r->it[to].type == LB_PENALTY &&
	    (r->it[to].flags & LB_FLAGGED);
}

/*
 * The line from break `from` (-1: start) to `to`, as line number `line`,
 * after h hyphenated lines in a row and a line of fitness fit; first: no
 * legal break lies between them.
 */
static void
ref_line(const struct ref *r, long from, size_t to, size_t line, int h,
    int fit, bool first, struct rline *out)
{
	const struct lb_opts *o = r->o;
	int64_t		 T, nat, st, sh, d, p;
	size_t		 s;
	bool		 fill;
	int		 bad, mh;

	T = o->widths != NULL && o->nwidths > 0 ?
	    o->widths[line < o->nwidths ? line : o->nwidths - 1] : o->width;
	s = from < 0 ? 0 : (size_t)from + 1;
	if (from >= 0)
		while (s < to && r->it[s].type != LB_BOX)
			s++;
	nat = r->w[to] - r->w[s];
	st = r->y[to] - r->y[s];
	sh = r->z[to] - r->z[s];
	if (to < r->n && r->it[to].type == LB_PENALTY)
		nat += r->it[to].width;
	if (from >= 0 && r->it[from].type == LB_PENALTY)
		nat += r->it[from].post;
	fill = to == r->end || (r->it[to].type == LB_PENALTY &&
	    r->it[to].penalty <= -LB_INF);
	if (o->ragged)
		sh = 0;
	out->nat = nat;
	out->shrink = sh;
	out->overflow = 0;
	out->ok = true;
	if (nat - sh > T) {
		out->overflow = nat - sh - T;
		out->ok = r->rescue && first;
		bad = LB_INF_BAD;
		out->fit = LB_TIGHT;
	} else if (nat > T) {
		bad = ref_badness(nat - T, sh);
		out->fit = bad > 12 ? LB_TIGHT : LB_DECENT;
	} else if (fill || nat == T) {
		bad = 0;
		out->fit = LB_DECENT;
	} else {
		bad = ref_badness(T - nat, (o->ragged ? (o->ragged_stretch > 0 ?
		    o->ragged_stretch : T / 6) : st) + r->emerg);
		out->fit = bad > 99 ? LB_VERY_LOOSE : bad > 12 ? LB_LOOSE :
		    LB_DECENT;
	}
	out->bad = bad;
	if (out->overflow == 0 && bad > r->tol)
		out->ok = false;
	mh = o->max_hyphens;
	out->viol = 0;
	if (ref_flagged(r, to)) {
		if (mh > 0 && h >= mh)
			out->viol++;
		if (line < o->nno_hyphen && o->no_hyphen[line])
			out->viol++;
	}
	if (to == r->end && h > 0 && o->no_final_hyphen)
		out->viol++;
	if (out->viol > 0 && !r->allow_viol)
		out->ok = false;
	d = o->line_penalty + bad;
	d = llabs(d) >= 10000 ? 100000000 : d * d;
	if (to < r->n && r->it[to].type == LB_PENALTY) {
		p = r->it[to].penalty;
		d += p > 0 ? p * p : p > -LB_INF ? -p * p : 0;
	}
	if (h > 0 && ref_flagged(r, to))
		d += o->flagged_demerits;
	if (h > 0 && to == r->end)
		d += o->final_hyphen_demerits;
	if (abs(out->fit - fit) > 1)
		d += o->adj_demerits;
	if (to == r->end && line > 0 && nat < o->last_line_min)
		d += o->runt_demerits;
	out->dem = d;
}

/* Exhaustive search: every sequence of legal breaks. */
static void
ref_dfs(const struct ref *r, long from, size_t line, int h, int fit,
    struct rcost cur, struct rcost *best, bool *found)
{
	struct rline	 l;
	struct rcost	 c;
	size_t		 j;
	bool		 forced, first = true;

	for (j = (size_t)(from + 1); j <= r->end; j++) {
		if (!ref_legal(r, j, &forced))
			continue;
		ref_line(r, from, j, line, h, fit, first, &l);
		first = false;
		if (l.ok) {
			c.overflow = cur.overflow + l.overflow;
			c.viol = cur.viol + l.viol;
			c.dem = cur.dem + l.dem;
			if (j == r->end) {
				if (!*found || rless(&c, best))
					*best = c;
				*found = true;
			} else
				ref_dfs(r, (long)j, line + 1,
				    ref_flagged(r, j) ? h + 1 : 0, l.fit, c,
				    best, found);
		}
		if (forced)
			break;
	}
}

/*
 * Dynamic programme over every state (break, line number, hyphens in a row
 * capped at the limit, fitness), no pruning. Line numbers are exact up to
 * the last one the options name (a width or a no-hyphen mark); all later
 * lines are alike. Returns whether a setting exists and its cost in *best.
 */
static bool
ref_dp(const struct ref *r, struct rcost *best)
{
	struct state {
		struct rcost	 c;
		bool		 ok;
	}		*st;
	struct rline	 l;
	struct rcost	 c;
	size_t		*br, nb = 0, i, j, line, nl, idx, to;
	int		 hcap, h, f, h2;
	bool		 forced, found = false, first;

	br = xcalloc(r->end + 2, sizeof *br);
	for (j = 0; j <= r->end; j++)
		if (ref_legal(r, j, &forced))
			br[nb++] = j;
	hcap = r->o->max_hyphens > 0 ? r->o->max_hyphens : 1;
	nl = r->o->nwidths > r->o->nno_hyphen ? r->o->nwidths :
	    r->o->nno_hyphen;
	nl = (nl > 1 ? nl : 1) + 1;
	/* state of break index i (0 = start, i = br[i - 1]) */
	st = xcalloc((nb + 1) * nl * (size_t)(hcap + 1) * 4, sizeof *st);
#define ST(i, l, h, f) st[(((i) * nl + (l)) * (size_t)(hcap + 1) + (size_t)(h)) * 4 + (size_t)(f)]
	ST(0, 0, 0, LB_DECENT).ok = true;
	for (i = 0; i <= nb; i++)
		for (line = 0; line < nl; line++)
			for (h = 0; h <= hcap; h++)
				for (f = 0; f < 4; f++) {
					struct state *s = &ST(i, line, h, f);
					long	 from = i == 0 ? -1 : (long)br[i - 1];

					if (!s->ok || (i > 0 && br[i - 1] == r->end))
						continue;
					first = true;
					for (idx = i; idx < nb; idx++) {
						to = br[idx];
						ref_line(r, from, to, line, h, f,
						    first, &l);
						first = false;
						(void)ref_legal(r, to, &forced);
						if (l.ok) {
							c.overflow = s->c.overflow + l.overflow;
							c.viol = s->c.viol + l.viol;
							c.dem = s->c.dem + l.dem;
							h2 = ref_flagged(r, to) ?
							    (h < hcap ? h + 1 : hcap) : 0;
							struct state *t = &ST(idx + 1,
							    line + 1 < nl ? line + 1 :
							    nl - 1, h2, l.fit);
							if (!t->ok || rless(&c, &t->c)) {
								t->ok = true;
								t->c = c;
							}
						}
						if (forced)
							break;
					}
				}
	for (line = 0; line < nl; line++)
		for (h = 0; h <= hcap; h++)
			for (f = 0; f < 4; f++) {
				struct state *s = &ST(nb, line, h, f);

				if (s->ok && (!found || rless(&s->c, best))) {
					*best = s->c;
					found = true;
				}
			}
#undef ST
	free(st);
	free(br);
	return found;
}

/*
 * The passes of linebreak.h, each searched by the reference; returns the
 * pass that found a setting and its cost.
 */
static int
ref_best(const struct lb_item *it, size_t n, const struct lb_opts *o,
    bool exhaustive, struct rcost *best)
{
	struct ref	 r;
	struct rcost	 zero = { 0, 0, 0 };
	int		 tol = o->tolerance > LB_INF_BAD ? LB_INF_BAD :
			    o->tolerance, pass = 0;
	bool		 found;

	ref_init(&r, it, n, o);
	if (r.end == (size_t)-1) {
		ref_fini(&r);
		return 1;
	}
	for (r.pass = 1; r.pass <= 5; r.pass++) {
		r.soft = r.pass > 1;
		r.tol = r.pass == 1 ? o->pretolerance : r.pass <= 3 ? tol :
		    LB_INF_BAD;
		r.emerg = r.pass >= 3 ? o->emergency_stretch : 0;
		r.rescue = r.allow_viol = r.pass == 5;
		if ((r.pass == 1 && o->pretolerance < 0) ||
		    (r.pass == 3 && o->emergency_stretch <= 0) ||
		    (r.pass == 4 && tol >= LB_INF_BAD))
			continue;
		found = false;
		if (exhaustive)
			ref_dfs(&r, -1, 0, 0, LB_DECENT, zero, best, &found);
		else
			found = ref_dp(&r, best);
		if (found) {
			pass = r.pass;
			break;
		}
	}
	ref_fini(&r);
	return pass;
}

/* Does a setting exist without overfull lines (hyphen rules kept or not)? */
static bool
ref_exists(const struct lb_item *it, size_t n, const struct lb_opts *o,
    bool keep_rules)
{
	struct ref	 r;
	struct rcost	 c;
	bool		 ok = true;

	ref_init(&r, it, n, o);
	r.pass = 4;
	r.tol = LB_INF_BAD;
	r.soft = true;
	r.allow_viol = !keep_rules;
	if (r.end != (size_t)-1)
		ok = ref_dp(&r, &c);
	ref_fini(&r);
	return ok;
}

/* ---- random paragraphs ------------------------------------------------- */

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * A paragraph of `words` random words with random widths and marks; kind 0
 * has no ties or compounds (every word fits a line of 1 500), kind 2 has
 * long words and many marks.
 */
static void
rand_para(struct para *p, uint64_t *seed, int words, int kind)
{
	struct lb_item	 it;
	int		 w, k, len;
	int32_t		 gw;

	for (w = 0; w < words; w++) {
		if (w > 0) {
			gw = 80 + (int32_t)(rnd(seed) % 41);
			switch (rnd(seed) % (kind == 2 ? 16 : 40)) {
			case 0:
				if (kind == 0)
					goto space;
				push(p, lb_penalty(0, LB_INF, 0), 0);
				push(p, lb_glue(gw, gw / 2, gw / 3), '~');
				break;
			case 1:
				push(p, lb_penalty(0, -LB_INF, 0), '|');
				break;
			case 2:
				if (kind == 0)
					goto space;
				it = lb_penalty(0, 50, LB_FLAGGED);
				it.post = 70;
				push(p, lb_box(70), '-');
				push(p, it, 0);
				break;
			case 3:
				push(p, lb_penalty(0, (int32_t)(rnd(seed) %
				    200) - 100, 0), '^');
				break;
			case 4:
				/* a wide break (more than the space after
				   it): lines may fit again past it */
				if (kind != 2)
					goto space;
				push(p, lb_penalty(200 + (int32_t)(rnd(seed) %
				    300), 0, (unsigned)(rnd(seed) % 2)), '^');
				push(p, lb_glue(gw, gw / 2, gw / 3), ' ');
				break;
			default:
			space:
				push(p, lb_glue(gw, gw / 2, gw / 3), ' ');
			}
		}
		len = 1 + (int)(rnd(seed) % (kind == 2 && rnd(seed) % 8 == 0 ?
		    30 : 10));
		for (k = 0; k < len; k++) {
			push(p, lb_box(60 + (int32_t)(rnd(seed) % 81)), 'a');
			if (len >= 5 && k >= 1 && k + 3 < len &&
			    rnd(seed) % 3 == 0)
				push(p, lb_penalty(60, 50, LB_FLAGGED |
				    LB_HYPHENATION), '=');
		}
	}
}

/* Random options; widths and no_hyphen point into the given arrays. */
static void
rand_opts(struct lb_opts *o, uint64_t *seed, int32_t *widths,
    unsigned char *noh)
{
	size_t	 i;

	lb_opts_default(o, 600 + (int32_t)(rnd(seed) % 2400));
	if (rnd(seed) % 4 == 0) {
		o->nwidths = 1 + rnd(seed) % 3;
		for (i = 0; i < o->nwidths; i++)
			widths[i] = 400 + (int32_t)(rnd(seed) % 2600);
		o->widths = widths;
	}
	o->ragged = rnd(seed) % 4 == 0;
	if (o->ragged && rnd(seed) % 2)
		o->ragged_stretch = 100 + (int32_t)(rnd(seed) % 600);
	o->max_hyphens = (int)(rnd(seed) % 4);
	o->no_final_hyphen = rnd(seed) % 2;
	o->flagged_demerits = rnd(seed) % 2 ? 10000 : 0;
	if (rnd(seed) % 4 == 0)
		o->pretolerance = -1;
	o->tolerance = 100 + (int)(rnd(seed) % 900);
	if (rnd(seed) % 3 == 0)
		o->emergency_stretch = (int32_t)(rnd(seed) % 500);
	if (rnd(seed) % 4 == 0) {
		o->nno_hyphen = 1 + rnd(seed) % 4;
		for (i = 0; i < o->nno_hyphen; i++)
			noh[i] = rnd(seed) % 2;
		o->no_hyphen = noh;
	}
	if (rnd(seed) % 4 == 0) {
		o->last_line_min = 300;
		o->runt_demerits = 3000;
	}
}

/* ---- property checks --------------------------------------------------- */

static int	 bad_props;	/* failures of check_result, reported once */

static void
prop(bool ok, const char *what, uint64_t seed)
{
	if (!ok && bad_props++ < 10)
		printf("property failed: %s (seed %llu)\n", what,
		    (unsigned long long)seed);
}

/*
 * Checks a result against the rules: lines in order ending at legal breaks,
 * every forced break taken, widths and placement consistent, no overfull
 * line unless none can be avoided, hyphen rules kept unless impossible.
 */
static void
check_result(const struct para *p, const struct lb_opts *o,
    const struct lb_result *r, uint64_t seed)
{
	const struct lb_line *l;
	size_t		 k, i, e = ref_end(p->it, p->n), prev = 0;
	int64_t		*x, T;
	int		 run = 0;
	bool		 forced, clean = true, hy;
	struct ref	 rf = { .it = p->it, .n = p->n, .o = o, .soft = true };

	rf.end = e;
	if (e == (size_t)-1) {
		prop(r->nlines == 0, "empty paragraph has lines", seed);
		return;
	}
	prop(r->nlines > 0 && r->lines[r->nlines - 1].end == e,
	    "last line does not end the paragraph", seed);
	for (k = 0; k < r->nlines; k++) {
		l = &r->lines[k];
		prop(k == 0 || l->end > r->lines[k - 1].end,
		    "line ends not increasing", seed);
		prop(l->start >= prev && l->start <= l->end,
		    "line start out of order", seed);
		for (i = prev; i < l->end; i++)
			if (ref_legal(&rf, i, &forced) && forced)
				prop(false, "forced break skipped", seed);
		prop(ref_legal(&rf, l->end, &forced),
		    "line ends at an illegal break", seed);
		T = o->widths ? o->widths[k < o->nwidths ? k :
		    o->nwidths - 1] : o->width;
		prop(l->target == T, "wrong target width", seed);
		if (l->overflow == 0)
			prop(l->natural - (o->ragged ? 0 : l->shrink) <= T,
			    "overfull line without overflow", seed);
		else
			prop(r->status & LB_OVERFULL,
			    "overflow without LB_OVERFULL", seed);
		prop(l->width - l->overflow <= T, "width beyond target", seed);
		if (!o->ragged && !l->last && l->stretch > 0 &&
		    l->overflow == 0)
			prop(l->width == T, "justified line not at width",
			    seed);
		if (o->ragged)
			prop(l->ratio == 0 && (l->width == l->natural ||
			    l->width == l->natural),
			    "ragged line stretched", seed);
		x = xcalloc(l->end - l->start + 1, sizeof *x);
		lb_place(p->it, l, x);
		for (i = l->start; i < l->end; i++)
			prop(x[i - l->start] <= x[i - l->start + 1] ||
			    p->it[i].type == LB_PENALTY,
			    "placement goes backwards", seed);
		prop(x[l->end - l->start] + l->pre == l->width,
		    "placement does not end at the width", seed);
		prop(x[0] == l->post, "placement does not start at post",
		    seed);
		free(x);
		/* hyphen rules */
		hy = l->hyphen;
		run = hy ? run + 1 : 0;
		if (hy && o->max_hyphens > 0 && run > o->max_hyphens)
			clean = false;
		if (hy && k < o->nno_hyphen && o->no_hyphen[k])
			clean = false;
		if (k + 1 == r->nlines && k > 0 && r->lines[k - 1].hyphen &&
		    o->no_final_hyphen)
			clean = false;
		prev = l->end + 1;
	}
	prop(clean == !(r->status & LB_RELAXED) || (r->status & LB_OVERFULL),
	    "LB_RELAXED disagrees with the lines", seed);
	prop(!(r->status & LB_OVERFULL) == ref_exists(p->it, p->n, o, false),
	    "LB_OVERFULL although a setting without overfull lines exists",
	    seed);
	prop(!(r->status & (LB_OVERFULL | LB_RELAXED)) ==
	    ref_exists(p->it, p->n, o, true),
	    "rules broken although a clean setting exists", seed);
}

/* ---- the tests --------------------------------------------------------- */

static struct lb	*B;

static void
test_one_line(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 20 * U);
	s = brk(B, "aaa bbb ccc", &o, &r);
	STR_EQ(s, "aaa bbb ccc", "fits on one line");
	INT_EQ(r.nlines, 1, "one line");
	INT_EQ(r.status, 0, "clean");
	INT_EQ(r.pass, 1, "first pass");
	OK(r.lines[0].last && r.lines[0].ratio == 0, "last line is ragged");
	INT_EQ(r.lines[0].width, 11 * U, "last line keeps natural width");
	INT_EQ(r.lines[0].end_kind, LB_END_PARAGRAPH, "ends the paragraph");
	free(s);

	/* Trailing glue is dropped, empty input gives no lines. */
	s = brk(B, "aaa   ", &o, &r);
	STR_EQ(s, "aaa", "trailing spaces dropped");
	INT_EQ(r.lines[0].natural, 3 * U, "trailing glue not measured");
	free(s);
	s = brk(B, "", &o, &r);
	INT_EQ(r.nlines, 0, "empty paragraph");
	free(s);
	s = brk(B, "   ", &o, &r);
	INT_EQ(r.nlines, 0, "only spaces");
	free(s);
}

/*
 * Justified: every line but the last reaches the width exactly; the
 * ratio is what the glue needs.
 */
static void
test_justified(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 10 * U);
	/* "aaaa bbbb" is 9 letters + 1 space = 900 + 100 ... */
	s = brk(B, "aaaa bbb cccc ddd eeee", &o, &r);
	STR_EQ(s, "aaaa bbb\ncccc ddd\neeee", "two justified lines");
	INT_EQ(r.lines[0].natural, 8 * U, "natural width");
	INT_EQ(r.lines[0].width, 10 * U, "stretched to the width");
	OK(r.lines[0].ratio > 3.33 && r.lines[0].ratio < 3.34,
	    "ratio = 200 / 60");
	INT_EQ(r.lines[0].end_kind, LB_END_GLUE, "ends at a space");
	INT_EQ(r.lines[1].start, 9, "discarded space skipped");
	INT_EQ(r.status, LB_UNDERFULL, "loose lines are reported");
	free(s);

	/* Shrinking: 10 letters + 2 spaces (1 200, shrink 80) in 1 150. */
	lb_opts_default(&o, 11 * U + U / 2);
	s = brk(B, "aaa bbb cccc d", &o, &r);
	STR_EQ(s, "aaa bbb cccc\nd", "a tight line rather than a loose one");
	OK(r.lines[0].ratio == -0.625, "shrunk: ratio -50 / 80");
	INT_EQ(r.lines[0].width, 11 * U + U / 2, "shrunk to the width");
	INT_EQ(r.lines[0].fitness, LB_TIGHT, "tight");
	free(s);
}

/* Placement spreads the rounding so that the line ends exactly. */
static void
test_place(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	int64_t		 x[16];

	para_text(&p, "a b c d e");
	lb_opts_default(&o, 9 * U + 7);
	o.pretolerance = o.tolerance = 10000;
	lb_break(B, p.it, p.n, &o, &r);
	/* One last line: glue stays natural. */
	lb_place(p.it, &r.lines[0], x);
	INT_EQ(x[0], 0, "first box at 0");
	INT_EQ(x[2], 2 * U, "natural spacing on a last line");
	INT_EQ(x[8], 8 * U, "last box");
	INT_EQ(x[9], 9 * U, "line end");
	para_free(&p);

	/* A justified line of 3 spaces that must gain 7 units: 2 + 3 + 2. */
	para_text(&p, "a b c d|e");
	lb_opts_default(&o, 7 * U + 7);
	o.pretolerance = -1;
	lb_break(B, p.it, p.n, &o, &r);
	INT_EQ(r.nlines, 2, "forced break");
	/* a forced break sets its line ragged: use a non-forced one */
	para_free(&p);
	para_text(&p, "a b c d eeeeeeeee");
	lb_break(B, p.it, p.n, &o, &r);
	INT_EQ(r.nlines, 2, "two lines");
	lb_place(p.it, &r.lines[0], x);
	INT_EQ(r.lines[0].width, 7 * U + 7, "justified width");
	INT_EQ(x[7], 7 * U + 7, "ends exactly at the width");
	INT_EQ(x[2] - x[1], U + 2, "first space +2");
	INT_EQ(x[4] - x[3], U + 3, "second space +3 (rounded)");
	INT_EQ(x[6] - x[5], U + 2, "third space +2");
	para_free(&p);

	/* A hyphen is placed after the last box; a repeated one at 0. */
	para_text(&p, "aaaa=bbbb ccc+ddd");
	lb_opts_default(&o, 5 * U);
	o.no_final_hyphen = false;
	o.pretolerance = -1;
	o.tolerance = 10000;
	lb_break(B, p.it, p.n, &o, &r);
	lb_place(p.it, &r.lines[0], x);
	OK(r.lines[0].hyphen && r.lines[0].pre == U, "hyphenated line");
	INT_EQ(x[r.lines[0].end - r.lines[0].start], 4 * U,
	    "hyphen after aaaa");
	para_free(&p);
}

/* Forced (-inf) and forbidden (+inf) breaks, ties. */
static void
test_forced_forbidden(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 20 * U);
	s = brk(B, "aaa|bbb ccc|ddd", &o, &r);
	STR_EQ(s, "aaa\nbbb ccc\nddd", "forced breaks");
	OK(r.lines[0].last && r.lines[1].last, "forced lines are ragged");
	INT_EQ(r.lines[0].width, 3 * U, "not stretched");
	INT_EQ(r.lines[0].end_kind, LB_END_PENALTY, "ends at the penalty");
	free(s);
	s = brk(B, "aaa||bbb", &o, &r);
	STR_EQ(s, "aaa\n\nbbb", "two forced breaks give an empty line");
	free(s);
	s = brk(B, "aaa bbb|", &o, &r);
	STR_EQ(s, "aaa bbb", "a forced break at the end is the end");
	free(s);

	/* Width 7: "aa bb cc dd" would break after "bb"; a tie forbids it. */
	lb_opts_default(&o, 7 * U);
	o.pretolerance = -1;
	o.tolerance = 10000;
	s = brk(B, "aa bbb cc dd", &o, &r);
	STR_EQ(s, "aa bbb\ncc dd", "without tie");
	free(s);
	s = brk(B, "aa bbb~cc dd", &o, &r);
	STR_EQ(s, "aa\nbbb cc\ndd", "tie keeps bbb~cc together");
	free(s);
	s = brk(B, "aa bbb# cc dd", &o, &r);
	OK(strstr(s, "bbb\n") == NULL, "forbidden break not taken");
	free(s);
	/* A free break inside a URL-like word; no hyphen is added. */
	lb_opts_default(&o, 8 * U);
	o.pretolerance = -1;
	o.tolerance = 10000;
	s = brk(B, "see www/^example/^org now", &o, &r);
	OK(strstr(s, "-") == NULL, "URL breaks add no hyphen");
	OK(strstr(s, "www/\n") != NULL || strstr(s, "example/\n") != NULL,
	    "URL broken after a slash");
	free(s);
}

static int	 first_fit_worst(const struct para *, const struct lb_opts *);

/* Greedy fails, total fit succeeds: the textbook case (ragged), and a
   justified one. */
static void
test_greedy_fails(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	char		*s;

	lb_opts_default(&o, 6 * U);
	o.ragged = true;
	o.ragged_stretch = 3 * U;
	s = brk(B, "aaa bb cc ddddd", &o, &r);
	/* First fit would give "aaa bb" / "cc" / "ddddd". */
	STR_EQ(s, "aaa\nbb cc\nddddd", "balanced rag");
	INT_EQ(r.pass, 1, "within pretolerance");
	INT_EQ(r.lines[0].ratio == 0 && r.lines[1].ratio == 0, 1,
	    "ragged glue is natural");
	INT_EQ(r.lines[0].width, 3 * U, "ragged width is natural");
	free(s);

	/* Justified, width 12: first fit takes "aaa bbb ccc d" (1 300 shrunk
	   to 1 180, badness 58) and leaves "eeeee fff" (900, one space of
	   stretch 60: badness 10 000); total fit sets two lines of 1 100
	   (3 spaces: ratio 0.83, badness 58 each). */
	lb_opts_default(&o, 12 * U);
	s = brk(B, "aaa bbb ccc d eeeee fff gggggg", &o, &r);
	STR_EQ(s, "aaa bbb ccc\nd eeeee fff\ngggggg", "total fit");
	INT_EQ(r.lines[0].badness, 58, "first line");
	INT_EQ(r.lines[1].badness, 58, "second line");
	INT_EQ(r.pass, 1, "decent everywhere");
	para_text(&p, "aaa bbb ccc d eeeee fff gggggg");
	INT_EQ(first_fit_worst(&p, &o), LB_INF_BAD, "first fit's worst line");
	para_free(&p);
	free(s);
}

/*
 * The Frog King paragraph of Knuth and Plass (1981), with letters of one
 * width and hand-placed hyphenation points: total fit must equal the
 * exact optimum and beat first fit on the worst line.
 */
static const char frog[] =
    "In olden times when wish=ing still helped one, there lived a king "
    "whose daugh=ters were all beau=ti=ful; and the young=est was so "
    "beau=ti=ful that the sun it=self, which has seen so much, was "
    "aston=ished when=ever it shone in her face. Close by the king's "
    "cas=tle lay a great dark for=est, and under an old lime+tree in the "
    "for=est was a well, and when the day was very warm, the king's "
    "child went out into the for=est and sat down by the side of the "
    "cool foun=tain; and when she was bored she took a gold=en ball, "
    "and threw it up on high and caught it; and this ball was her "
    "fa=vor=ite play=thing.";

/* First fit: the longest line that fits (shrinking), at any break. */
static int
first_fit_worst(const struct para *p, const struct lb_opts *o)
{
	struct ref	 rf;
	struct rline	 l;
	size_t		 j, last;
	long		 from = -1;
	int		 worst = 0;
	bool		 forced;

	ref_init(&rf, p->it, p->n, o);
	rf.soft = rf.allow_viol = true;
	rf.tol = LB_INF_BAD;
	while (from < (long)rf.end) {
		last = (size_t)-1;
		for (j = (size_t)(from + 1); j <= rf.end; j++) {
			if (!ref_legal(&rf, j, &forced))
				continue;
			ref_line(&rf, from, j, 0, 0, LB_DECENT, false, &l);
			if (!l.ok && last != (size_t)-1)
				break;
			last = j;
			if (forced)
				break;
		}
		ref_line(&rf, from, last, 0, 0, LB_DECENT, false, &l);
		if (l.bad > worst)
			worst = l.bad;
		from = (long)last;
	}
	ref_fini(&rf);
	return worst;
}

static void
test_frog_king(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	struct rcost	 c;
	size_t		 k;
	int		 width, worst, pass, better = 0;

	para_text(&p, frog);
	for (width = 30; width <= 50; width += 4) {
		lb_opts_default(&o, width * U);
		o.no_final_hyphen = false;
		lb_break(B, p.it, p.n, &o, &r);
		pass = ref_best(p.it, p.n, &o, false, &c);
		INT_EQ(r.pass, pass, "same pass as the exact search");
		INT_EQ(r.demerits, c.dem, "optimal demerits");
		INT_EQ(r.status & LB_OVERFULL, 0, "no overfull line");
		worst = 0;
		for (k = 0; k + 1 < r.nlines; k++)
			if (r.lines[k].badness > worst)
				worst = r.lines[k].badness;
		OK(worst <= first_fit_worst(&p, &o),
		    "worst line no worse than first fit's");
		better += worst < first_fit_worst(&p, &o);
	}
	OK(better >= 3, "first fit's worst line is worse at most widths");
	para_free(&p);
}

/* At most three hyphenated lines in a row: a hard rule, not a cost. */
static void
test_hyphen_limit(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	size_t		 k;
	int		 run, most, limit;

	/* Long words, hyphenable everywhere, in a narrow measure with no
	   cost for consecutive hyphens: every line wants one. */
	para_text(&p, "ab=cd=ef=gh=ij=kl ab=cd=ef=gh=ij=kl ab=cd=ef=gh=ij=kl "
	    "ab=cd=ef=gh=ij=kl ab=cd=ef=gh=ij=kl ab=cd=ef=gh=ij=kl "
	    "ab=cd=ef=gh=ij=kl ab=cd=ef=gh=ij=kl");
	for (limit = 0; limit <= 3; limit++) {
		lb_opts_default(&o, 9 * U);
		o.flagged_demerits = 0;
		o.max_hyphens = limit;
		o.no_final_hyphen = false;
		lb_break(B, p.it, p.n, &o, &r);
		for (k = 0, run = most = 0; k < r.nlines; k++) {
			run = r.lines[k].hyphen ? run + 1 : 0;
			most = run > most ? run : most;
		}
		if (limit == 0)
			OK(most > 3, "without a limit, long hyphen runs");
		else
			OK(most <= limit, "hyphen run within the limit");
		INT_EQ(r.status & (LB_OVERFULL | LB_RELAXED), 0, "clean");
	}
	para_free(&p);

	/* One word spanning five lines, hyphen points only: impossible to
	   keep; the last pass reports it and sets it without overflow. */
	para_text(&p, "aaa=bbb=ccc=ddd=eee=fff=ggg=hhh=iii=jjj");
	lb_opts_default(&o, 8 * U);
	o.max_hyphens = 2;
	o.no_final_hyphen = false;
	lb_break(B, p.it, p.n, &o, &r);
	INT_EQ(r.pass, 5, "rescue pass");
	INT_EQ(r.status & LB_OVERFULL, 0, "no overflow");
	OK(r.status & LB_RELAXED, "rule broken and reported");
	OK(r.violations >= 1, "violations counted");
	para_free(&p);
}

#define LAST_WORD "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk " \
	"llll mmm nnnnnn=oooooo=pppppp"

#define SERVICES "pro=vo=zo=va=tel so=ci=al=nich slu=zeb po=skyt=uje " \
	"od=bor=ne so=ci=al=ni po=rad=en=stvi a po=moc pri u=pla=tno=va=ni " \
	"prav a o=pra=vne=nych zajmu"

/* The last word of a paragraph stays whole (no hyphen before the last
   line), and a chosen line can be kept free of a hyphen. */
static void
test_final_and_line_hyphen(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	unsigned char	 noh[4] = { 0 };
	char		*s, *t;
	size_t		 hy;

	lb_opts_default(&o, 26 * U);
	o.no_final_hyphen = false;
	s = brk(B, LAST_WORD, &o, &r);
	STR_EQ(s, "aaaa bbbb cccc dddd eeee\nffff gggg hhhh iiii jjjj\n"
	    "kkkk llll mmm nnnnnnoooooo-\npppppp",
	    "the last word split when allowed");
	INT_EQ(r.pass, 2, "second pass");
	free(s);
	o.no_final_hyphen = true;
	s = brk(B, LAST_WORD, &o, &r);
	STR_EQ(s, "aaaa bbbb cccc dddd\neeee ffff gggg hhhh\n"
	    "iiii jjjj kkkk llll mmm\nnnnnnnoooooopppppp",
	    "the last word kept whole");
	INT_EQ(r.status & (LB_RELAXED | LB_OVERFULL), 0, "no rule broken");
	free(s);

	/* Find a hyphenated line, then forbid a hyphen there (the page
	   builder does this for the last line of a column). */
	lb_opts_default(&o, 20 * U);
	s = brk(B, SERVICES, &o, &r);
	for (hy = 0; hy < r.nlines && !r.lines[hy].hyphen; hy++)
		continue;
	OK(hy < 4, "an early line is hyphenated");
	if (hy < 4) {
		noh[hy] = 1;
		o.no_hyphen = noh;
		o.nno_hyphen = 4;
		t = brk(B, SERVICES, &o, &r);
		OK(!r.lines[hy].hyphen, "no hyphen at the marked line");
		INT_EQ(r.status & (LB_RELAXED | LB_OVERFULL), 0, "clean");
		OK(strcmp(s, t) != 0, "the setting changed");
		free(t);
	}
	free(s);
}

/* Compound hyphen: broken after it, repeated on the next line. */
static void
test_compound(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 10 * U);
	o.pretolerance = -1;
	o.tolerance = 10000;
	s = brk(B, "do Frydek+Mistek", &o, &r);
	STR_EQ(s, "do Frydek-\n-Mistek", "hyphen repeated");
	INT_EQ(r.lines[1].post, U, "post width");
	INT_EQ(r.lines[1].natural, 7 * U, "post counted in the width");
	OK(r.lines[0].hyphen, "counts as hyphenated");
	free(s);
}

/* Per-line widths: a short first line (indent or a pictogram beside). */
static void
test_widths(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	int32_t		 w[3] = { 5 * U, 5 * U, 12 * U };
	char		*s;

	lb_opts_default(&o, 0);
	o.widths = w;
	o.nwidths = 3;
	o.pretolerance = -1;
	o.tolerance = 10000;
	s = brk(B, "aa bb cc dd ee ff gg hh ii jj", &o, &r);
	STR_EQ(s, "aa bb\ncc dd\nee ff gg hh\nii jj", "lines beside a block");
	INT_EQ(r.lines[0].target, 5 * U, "first width");
	INT_EQ(r.lines[2].target, 12 * U, "later lines use the last width");
	INT_EQ(r.lines[3].target, 12 * U, "repeated");
	free(s);
}

/* Ragged right: glue natural, no shrink, an even rag, hyphen rules. */
static void
test_ragged(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	size_t		 k;
	char		*s;

	lb_opts_default(&o, 10 * U + U / 2);
	o.ragged = true;
	o.ragged_stretch = 4 * U;
	s = brk(B, "aaa bbb ccc ddd eee fff ggg hhh iii", &o, &r);
	STR_EQ(s, "aaa bbb\nccc ddd\neee fff\nggg hhh\niii",
	    "no shrinking in ragged mode");
	for (k = 0; k < r.nlines; k++) {
		OK(r.lines[k].ratio == 0, "glue at natural width");
		INT_EQ(r.lines[k].width, r.lines[k].natural, "natural width");
	}
	free(s);
	/* Justified, the same text shrinks to 3 words a line. */
	o.ragged = false;
	s = brk(B, "aaa bbb ccc ddd eee fff ggg hhh iii", &o, &r);
	STR_EQ(s, "aaa bbb ccc\nddd eee fff\nggg hhh iii", "justified shrinks");
	INT_EQ(r.pass, 1, "first pass");
	free(s);
}

/* A word longer than the line: reported, set with the overflow measured,
   the rest as well as possible. */
static void
test_overlong(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 5 * U);
	s = brk(B, "aa bbbbbbbbbbbbbbbbbbbb cc dd", &o, &r);
	STR_EQ(s, "aa\nbbbbbbbbbbbbbbbbbbbb\ncc dd", "overlong word alone");
	OK(r.status & LB_OVERFULL, "reported");
	INT_EQ(r.pass, 5, "last pass");
	INT_EQ(r.overflow, 15 * U, "overflow measured");
	INT_EQ(r.lines[1].overflow, 15 * U, "on its line");
	INT_EQ(r.lines[0].overflow + r.lines[2].overflow, 0, "others fit");
	free(s);

	/* Ragged mode reports the same. */
	o.ragged = true;
	s = brk(B, "aa bbbbbbbbbbbbbbbbbbbb cc dd", &o, &r);
	STR_EQ(s, "aa\nbbbbbbbbbbbbbbbbbbbb\ncc dd", "ragged: alone too");
	INT_EQ(r.overflow, 15 * U, "ragged overflow");
	free(s);

	/* Hyphenable: no overflow, split over lines. */
	o.ragged = false;
	s = brk(B, "aa bbbb=bbbb=bbbb=bbbb=bbbb cc", &o, &r);
	INT_EQ(r.status & LB_OVERFULL, 0, "hyphenation avoids overflow");
	free(s);
}

/* The last line may be kept from being a short runt. */
static void
test_runt(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 17 * U);
	s = brk(B, "aaaa bbbb cc dddd ee fff ggg hh iii k", &o, &r);
	STR_EQ(s, "aaaa bbbb cc dddd\nee fff ggg hh iii\nk",
	    "a runt by default");
	free(s);
	o.last_line_min = 4 * U;
	o.runt_demerits = 1000000;
	s = brk(B, "aaaa bbbb cc dddd ee fff ggg hh iii k", &o, &r);
	OK(r.lines[r.nlines - 1].natural >= 4 * U, "no runt when asked");
	free(s);
}

/* Passes: hyphenation only when needed; emergency stretch. */
static void
test_passes(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s;

	lb_opts_default(&o, 17 * U);
	s = brk(B, "aaaa bbbb cc dddd ee fff ggg hh i=ii jj=jj k", &o, &r);
	INT_EQ(r.pass, 1, "no hyphen needed");
	OK(strchr(s, '-') == NULL, "no hyphen used");
	free(s);

	lb_opts_default(&o, 26 * U);
	o.no_final_hyphen = false;
	s = brk(B, LAST_WORD, &o, &r);
	INT_EQ(r.pass, 2, "second pass hyphenates");
	free(s);

	/* Lines that cannot be decent: emergency stretch makes pass 3 find
	   them, without it pass 4 takes any badness. */
	lb_opts_default(&o, 13 * U);
	s = brk(B, "aaaaaaaaa bbbbbbbbbb cccccccccc", &o, &r);
	INT_EQ(r.pass, 4, "any badness");
	OK(r.status & LB_UNDERFULL, "underfull reported");
	INT_EQ(r.status & LB_OVERFULL, 0, "not overfull");
	free(s);
	o.emergency_stretch = 4 * U;
	s = brk(B, "aaaaaaaaa bbbbbbbbbb cccccccccc", &o, &r);
	INT_EQ(r.pass, 3, "emergency stretch");
	free(s);
}

/* lb_dump prints one row per line. */
static void
test_dump(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	char		*s, *out = NULL;
	size_t		 len = 0;
	FILE		*f;

	lb_opts_default(&o, 10 * U);
	s = brk(B, "aaaa bbb cccc ddd eeee", &o, &r);
	f = open_memstream(&out, &len);
	lb_dump(f, &r);
	fclose(f);
	OK(strstr(out, "lines 3 pass 4 status 4 demerits") != NULL, "header");
	OK(strstr(out, "   0: items 0-8 glue target 1000 natural 800 width 1000"
	    " ratio +3.333 badness 3704 very-loose") != NULL, "line 0");
	OK(strstr(out, "   2: items 18-22 end") != NULL, "last line");
	free(out);
	free(s);
}

/* Tiny random paragraphs against the exhaustive search. */
static void
test_exhaustive(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	struct rcost	 c;
	struct ref	 rf;
	int32_t		 widths[4];
	unsigned char	 noh[4];
	uint64_t	 seed;
	size_t		 j, nb;
	int		 pass, cases = 0, diff = 0;
	bool		 forced;

	for (seed = 1; cases < 1500; seed++) {
		uint64_t s = seed * 0x9e3779b97f4a7c15ULL;

		para_free(&p);
		rand_para(&p, &s, 2 + (int)(rnd(&s) % 5), seed % 3 == 0 ? 2 : 1);
		rand_opts(&o, &s, widths, noh);
		o.width = 300 + (int32_t)(rnd(&s) % 1500);
		rf = (struct ref){ .it = p.it, .n = p.n, .soft = true };
		rf.end = ref_end(p.it, p.n);
		for (j = 0, nb = 0; rf.end != (size_t)-1 && j <= rf.end; j++)
			nb += ref_legal(&rf, j, &forced);
		if (nb > 14)
			continue;
		cases++;
		lb_break(B, p.it, p.n, &o, &r);
		pass = ref_best(p.it, p.n, &o, true, &c);
		if (r.nlines == 0 && pass == 1)
			continue;
		if (r.pass != pass || r.demerits != c.dem ||
		    r.overflow != c.overflow ||
		    (int64_t)r.violations != c.viol) {
			if (diff++ < 5)
				printf("exhaustive seed %llu: pass %d/%d "
				    "demerits %lld/%lld overflow %lld/%lld "
				    "viol %zu/%lld\n",
				    (unsigned long long)seed, r.pass, pass,
				    (long long)r.demerits, (long long)c.dem,
				    (long long)r.overflow,
				    (long long)c.overflow, r.violations,
				    (long long)c.viol);
		}
	}
	INT_EQ(diff, 0, "cases differing from the exhaustive search");
	para_free(&p);
}

/* Medium random paragraphs against the unpruned dynamic programme. */
static void
test_dp(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	struct rcost	 c;
	int32_t		 widths[4];
	unsigned char	 noh[4];
	uint64_t	 seed;
	int		 pass, diff = 0;

	for (seed = 1; seed <= 1000; seed++) {
		uint64_t s = seed * 0xd1b54a32d192ed03ULL;

		para_free(&p);
		rand_para(&p, &s, 8 + (int)(rnd(&s) % 40), seed % 4 == 0 ? 2 : 1);
		rand_opts(&o, &s, widths, noh);
		lb_break(B, p.it, p.n, &o, &r);
		pass = ref_best(p.it, p.n, &o, false, &c);
		if (r.pass != pass || r.demerits != c.dem ||
		    r.overflow != c.overflow ||
		    (int64_t)r.violations != c.viol) {
			if (diff++ < 5)
				printf("dp seed %llu: pass %d/%d demerits "
				    "%lld/%lld overflow %lld/%lld\n",
				    (unsigned long long)seed, r.pass, pass,
				    (long long)r.demerits, (long long)c.dem,
				    (long long)r.overflow,
				    (long long)c.overflow);
		}
	}
	INT_EQ(diff, 0, "cases differing from the exact programme");
	para_free(&p);
}

/* Thousands of random paragraphs: the properties of check_result(). */
static void
test_random_properties(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	int32_t		 widths[4];
	unsigned char	 noh[4];
	uint64_t	 seed;
	int		 overfull = 0, relaxed = 0;

	bad_props = 0;
	for (seed = 1; seed <= 4000; seed++) {
		uint64_t s = seed * 0x2545f4914f6cdd1dULL;

		para_free(&p);
		rand_para(&p, &s, 1 + (int)(rnd(&s) % 40), seed % 5 == 0 ? 2 : 1);
		rand_opts(&o, &s, widths, noh);
		lb_break(B, p.it, p.n, &o, &r);
		check_result(&p, &o, &r, seed);
		overfull += (r.status & LB_OVERFULL) != 0;
		relaxed += (r.status & LB_RELAXED) != 0;
	}
	INT_EQ(bad_props, 0, "property failures");
	/* The generator must reach the hard cases too. */
	OK(overfull > 20, "some paragraphs need overfull lines");
	OK(relaxed > 5, "some paragraphs cannot keep the hyphen rules");
	para_free(&p);
}

/* Properties on paragraphs where every word fits: never overfull. */
static void
test_never_overfull(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	uint64_t	 seed;
	size_t		 k;
	int		 bad = 0;

	for (seed = 1; seed <= 3000; seed++) {
		uint64_t s = seed * 0x94d049bb133111ebULL;

		para_free(&p);
		rand_para(&p, &s, 5 + (int)(rnd(&s) % 60), 0);
		/* words are at most 10 letters of at most 140 */
		lb_opts_default(&o, 1500 + (int32_t)(rnd(&s) % 3000));
		o.ragged = seed % 3 == 0;
		lb_break(B, p.it, p.n, &o, &r);
		for (k = 0; k < r.nlines; k++)
			if (r.lines[k].natural - (o.ragged ? 0 :
			    r.lines[k].shrink) > r.lines[k].target)
				bad++;
		bad += (r.status & LB_OVERFULL) != 0;
	}
	INT_EQ(bad, 0, "overfull lines where words fit");
	para_free(&p);
}

static double
now(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Realistic words: letters 4.5–6.5 pt, hyphenation points, spaces. */
static void
long_para(struct para *p, uint64_t *s, int words)
{
	int	 w, k, len;

	for (w = 0; w < words; w++) {
		if (w > 0)
			push(p, lb_glue(3400, 1700, 1130), ' ');
		len = 1 + (int)(rnd(s) % 11);
		for (k = 0; k < len; k++) {
			push(p, lb_box(4608 + (int32_t)(rnd(s) % 2048)), 'a');
			if (len >= 5 && k >= 1 && k + 3 < len && rnd(s) % 2)
				push(p, lb_penalty(3400, 50, LB_FLAGGED |
				    LB_HYPHENATION), 0);
		}
	}
}

/*
 * Time and work stay linear: a 50 000-word paragraph, and a 10 000-letter
 * word with and without hyphenation points. work counts (node, break)
 * pairs, so the bound does not depend on the machine; the CPU-time bounds
 * are generous (sanitizers, valgrind) but far below what a quadratic
 * search would take (about 10^11 steps for the long paragraph). Natively
 * the three take about 150 ms, 0.2 ms and 1 ms.
 */
static void
test_scaling(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	uint64_t	 s = 42;
	double		 t;
	size_t		 i;
	int		 k;

	long_para(&p, &s, 50000);
	lb_opts_default(&o, 300 * 1024);
	t = now();
	lb_break(B, p.it, p.n, &o, &r);
	t = now() - t;
	INT_EQ(r.status & LB_OVERFULL, 0, "50 000 words set");
	OK(r.nlines > 5000, "many lines");
	OK(r.work < 40 * (uint64_t)p.n, "work linear in the items");
	OK(t < 30.0, "50 000 words in bounded time");
	para_free(&p);

	/* 10 000 letters, no break: one overfull line. */
	push(&p, lb_box(5000), 'a');
	push(&p, lb_glue(3400, 1700, 1130), ' ');
	for (i = 0; i < 10000; i++)
		push(&p, lb_box(5000), 'b');
	push(&p, lb_glue(3400, 1700, 1130), ' ');
	push(&p, lb_box(5000), 'c');
	t = now();
	lb_break(B, p.it, p.n, &o, &r);
	t = now() - t;
	OK(r.status & LB_OVERFULL, "reported");
	INT_EQ(r.nlines, 3, "the word alone");
	INT_EQ(r.overflow, 10000 * 5000 - 300 * 1024, "overflow");
	OK(r.work < 20 * (uint64_t)p.n, "work bounded");
	OK(t < 5.0, "bounded time");
	para_free(&p);

	/* 10 000 letters with a hyphenation point every 3: set in many
	   hyphenated lines, the run limit broken only where it must be. */
	for (i = 0; i < 10000; i++) {
		push(&p, lb_box(5000), 'b');
		if (i % 3 == 2 && i + 3 < 10000)
			push(&p, lb_penalty(3400, 50, LB_FLAGGED |
			    LB_HYPHENATION), 0);
	}
	t = now();
	lb_break(B, p.it, p.n, &o, &r);
	t = now() - t;
	INT_EQ(r.status & LB_OVERFULL, 0, "no overflow");
	OK(r.status & LB_RELAXED, "hyphen rules relaxed");
	for (i = 0, k = 0; i < r.nlines; i++)
		k += r.lines[i].hyphen;
	INT_EQ(k, (int)r.nlines - 1, "every line but the last hyphenated");
	OK(r.work < 200 * (uint64_t)p.n, "work bounded");
	OK(t < 5.0, "bounded time");
	para_free(&p);
}

/* Degenerate input: zero-width items everywhere, the active-list guard. */
static void
test_degenerate(void)
{
	struct lb_opts	 o;
	struct lb_result r;
	struct para	 p = { 0 };
	size_t		 i;

	for (i = 0; i < 20000; i++) {
		push(&p, lb_box(0), 'a');
		push(&p, lb_glue(0, 0, 0), ' ');
	}
	lb_opts_default(&o, 1000);
	o.max_active = 100;
	lb_break(B, p.it, p.n, &o, &r);
	INT_EQ(r.status & LB_OVERFULL, 0, "zero widths never overflow");
	OK(r.nlines >= 1, "set");
	OK(r.work < 2000 * (uint64_t)p.n, "work capped by max_active");
	para_free(&p);

	/* Odd values are normalised, not trusted. */
	push(&p, lb_box(-500), 'a');
	push(&p, lb_glue(100, -5, 400), ' ');
	push(&p, lb_penalty(-3, 99999, 0), 0);
	push(&p, lb_box(200), 'b');
	lb_opts_default(&o, 1000);
	lb_break(B, p.it, p.n, &o, &r);
	INT_EQ(r.nlines, 1, "one line");
	INT_EQ(r.lines[0].natural, 300, "negative width taken as 0");
	INT_EQ(r.lines[0].shrink, 100, "shrink at most the width");
	para_free(&p);
}

int
main(void)
{
	B = lb_new();
	RUN(test_one_line);
	RUN(test_justified);
	RUN(test_place);
	RUN(test_forced_forbidden);
	RUN(test_greedy_fails);
	RUN(test_frog_king);
	RUN(test_hyphen_limit);
	RUN(test_final_and_line_hyphen);
	RUN(test_compound);
	RUN(test_widths);
	RUN(test_ragged);
	RUN(test_overlong);
	RUN(test_runt);
	RUN(test_passes);
	RUN(test_dump);
	RUN(test_exhaustive);
	RUN(test_dp);
	RUN(test_random_properties);
	RUN(test_never_overfull);
	RUN(test_scaling);
	RUN(test_degenerate);
	lb_free(B);
	return DONE();
}
