/*
 * Times the line breaker on synthetic paragraphs shaped like catalogue
 * text: 5 000 paragraphs of 80 words (Czech-like word lengths, letters of
 * 0.45–0.65 em, a hyphenation point at about every second place inside
 * words of five letters or more), set in three measures; then one
 * 50 000-word paragraph and one 10 000-letter word.
 *
 *	make		# builds build/bench/bench_linebreak
 *	build/bench/bench_linebreak
 *
 * Prints, per case: paragraphs, items, lines, the passes used, the
 * paragraphs with a status (mostly LB_UNDERFULL: a line looser than the
 * tolerance), CPU time and items per second, and the work (node, break
 * pairs) per item.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "linebreak.h"
#include "util.h"

#define PT	1024		/* Pango units per point */

struct items {
	struct lb_item	*v;
	size_t		 n, cap;
};

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
add(struct items *it, struct lb_item x)
{
	if (it->n == it->cap)
		grow(&it->v, &it->cap, it->n + 1, sizeof *it->v);
	it->v[it->n++] = x;
}

/* A paragraph of `words` words at font size `size` points. */
static void
paragraph(struct items *it, uint64_t *s, int words, int size)
{
	int32_t	 em = size * PT, space = em / 4;
	int	 w, k, len;

	it->n = 0;
	for (w = 0; w < words; w++) {
		if (w > 0)
			add(it, lb_glue(space, space / 2, space / 3));
		len = 1 + (int)(rnd(s) % 4 + rnd(s) % 4 + rnd(s) % 5);
		for (k = 0; k < len; k++) {
			add(it, lb_box(em * 45 / 100 +
			    (int32_t)(rnd(s) % (uint64_t)(em / 5))));
			if (len >= 5 && k >= 1 && k + 3 < len && rnd(s) % 2)
				add(it, lb_penalty(em / 3, 50, LB_FLAGGED |
				    LB_HYPHENATION));
		}
	}
}

static double
now(void)
{
	struct timespec	 t;

	/* CPU time: the figures should not depend on other processes. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
run(const char *name, struct lb *b, int paras, int words, int size,
    int32_t width_pt, bool ragged)
{
	struct items	 it = { 0 };
	struct lb_opts	 o;
	struct lb_result r;
	uint64_t	 s = 12345, work = 0;
	size_t		 items = 0, lines = 0, pass[6] = { 0 }, flagged = 0;
	double		 t = 0, t0;
	int		 i;

	lb_opts_default(&o, width_pt * PT);
	o.ragged = ragged;
	o.emergency_stretch = ragged ? 0 : 3 * size * PT / 2;
	o.tolerance = 400;
	for (i = 0; i < paras; i++) {
		paragraph(&it, &s, words, size);
		t0 = now();
		lb_break(b, it.v, it.n, &o, &r);
		t += now() - t0;
		items += it.n;
		lines += r.nlines;
		pass[r.pass]++;
		flagged += r.status != 0;
		work += r.work;
	}
	printf("%-28s %5d paragraphs %9zu items %7zu lines  passes "
	    "%zu/%zu/%zu/%zu/%zu  flagged %zu\n", name, paras, items, lines,
	    pass[1], pass[2], pass[3], pass[4], pass[5], flagged);
	printf("%-28s %8.1f ms  %6.2f M items/s  %5.1f work/item\n", "",
	    t * 1e3, (double)items / t / 1e6, (double)work / (double)items);
	free(it.v);
}

static void
one_word(struct lb *b, size_t letters, bool hyphens)
{
	struct items	 it = { 0 };
	struct lb_opts	 o;
	struct lb_result r;
	double		 t;
	size_t		 i;

	for (i = 0; i < letters; i++) {
		add(&it, lb_box(5 * PT));
		if (hyphens && i % 3 == 2 && i + 3 < letters)
			add(&it, lb_penalty(3 * PT, 50, LB_FLAGGED |
			    LB_HYPHENATION));
	}
	lb_opts_default(&o, 240 * PT);
	t = now();
	lb_break(b, it.v, it.n, &o, &r);
	t = now() - t;
	printf("%-28s %zu letters%s: %zu lines, pass %d, status %u, "
	    "%.2f ms, %.1f work/item\n", "one long word", letters,
	    hyphens ? " (hyphenable)" : "", r.nlines, r.pass, r.status,
	    t * 1e3, (double)r.work / (double)it.n);
	free(it.v);
}

int
main(void)
{
	struct lb	*b = lb_new();

	run("A4 two columns, 9 pt", b, 5000, 80, 9, 241, false);
	run("A5 one column, 9 pt", b, 5000, 80, 9, 312, false);
	run("A5 narrow, 9 pt", b, 5000, 80, 9, 150, false);
	run("large print 14 pt, ragged", b, 5000, 80, 14, 312, true);
	run("50 000 words, 9 pt", b, 1, 50000, 9, 241, false);
	one_word(b, 10000, false);
	one_word(b, 10000, true);
	lb_free(b);
	return 0;
}
