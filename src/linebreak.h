/*
 * Paragraph line breaking by total fit (Knuth & Plass, "Breaking paragraphs
 * into lines", 1981; TeX's line_break): chooses the breaks of a whole
 * paragraph at once so that the sum of per-line demerits is least, instead
 * of filling one line after another. A pure module: it sees only numbers
 * (boxes, glue, penalties) and knows nothing of fonts, Pango or Cairo; the
 * layout measures the text and turns the chosen breaks into glyph runs.
 *
 * Unit: every width is an integer in Pango units, 1/1024 pt (PANGO_SCALE),
 * so that Pango's measurements go in unchanged. One item is an int32_t (up
 * to ±2 097 151 pt); sums over a paragraph are int64_t.
 *
 * How text maps to items (the caller's job, after typo_text() and
 * hyph_text()):
 *	word (or glyph run)	LB_BOX, its advance width
 *	space U+0020		LB_GLUE: space width, stretch (½ space), shrink
 *				(⅓ space); a legal break when it follows a box
 *	no-break U+00A0		LB_PENALTY +LB_INF, then the same LB_GLUE: it
 *				still stretches but is no break (a glue is a
 *				break only right after a box)
 *	U+202F, U+2060		nothing: part of the box (no glue, no penalty)
 *	soft hyphen U+00AD	LB_PENALTY, width = the hyphen's width, penalty
 *				50, flags LB_FLAGGED | LB_HYPHENATION
 *	compound "Frýdek-Místek" box "Frýdek-", LB_PENALTY width 0, post = the
 *				hyphen's width (repeated on the next line),
 *				penalty 50, flags LB_FLAGGED
 *	URL after "/" or "."	LB_PENALTY width 0, penalty 0..100, no flags
 *	hard line break		LB_PENALTY -LB_INF (that line is set ragged,
 *				like the last one)
 *	paragraph end		nothing: the end of the list is the end; glue
 *				at the very end is dropped, the last line gets
 *				infinite stretch (TeX's \parfillskip)
 *
 * Passes, as in TeX: (1) with opts.pretolerance and without LB_HYPHENATION
 * breaks; (2) with opts.tolerance and all breaks; (3) if
 * opts.emergency_stretch > 0, again with that much extra stretch per line
 * when rating lines; (4) with any badness, so that a paragraph comes out
 * without overfull lines whenever such a setting exists at all; (5) only
 * when none exists: overfull lines are allowed (each holds just one
 * unbreakable piece, total overflow is least) and the hyphen rules become
 * soft; lb_result.status says what happened. Passes 1–4 give the exact
 * optimum for their constraints: the active list is pruned only by
 * dominance, by lines that can no longer fit, and by opts.max_active, a
 * guard that only degenerate input (thousands of zero-width breaks within
 * one line) can reach.
 *
 * Hyphen rules are hard constraints of the search (carried in the active
 * nodes' state), not just demerits: at most opts.max_hyphens hyphenated
 * lines in a row, optionally no hyphen before the last line, and a per-line
 * list of lines that must not end with a hyphen (the last line of a column:
 * the page builder asks again with that line marked).
 */
#ifndef MAPA_LINEBREAK_H
#define MAPA_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LB_INF		10000	/* penalty ≥ LB_INF: never break here;
				   ≤ -LB_INF: always break here */
#define LB_INF_BAD	10000	/* badness of a line that cannot stretch
				   enough (TeX's inf_bad) */
#define LB_MAX_HYPHENS	8	/* largest accepted opts.max_hyphens */

enum lb_type {
	LB_BOX,			/* unbreakable material */
	LB_GLUE,		/* space: breakable when it follows a box */
	LB_PENALTY		/* a break opportunity with a cost */
};

/* Flags of a penalty (struct lb_item.flags). */
#define LB_FLAGGED	0x01	/* the line ends with a hyphen when broken
				   here: counts for the hyphen rules */
#define LB_HYPHENATION	0x02	/* a hyphenation point inside a word: not
				   tried in the first pass */

/*
 * One item. Values out of range are taken as the nearest sensible value:
 * negative widths, stretch and shrink as 0, a glue's shrink as at most its
 * width, penalties as at most ±LB_INF (the search relies on a line only
 * getting wider when it takes in more items).
 */
struct lb_item {
	enum lb_type	 type;
	unsigned	 flags;		/* LB_FLAGGED, LB_HYPHENATION */
	int32_t		 width;		/* box, glue; for a penalty: the width
					   added at the end of a line broken
					   here (the hyphen) */
	int32_t		 stretch;	/* glue only */
	int32_t		 shrink;	/* glue only */
	int32_t		 penalty;	/* penalty only */
	int32_t		 post;		/* penalty only: width added at the
					   start of the next line when broken
					   here (a repeated hyphen) */
};

/* Item constructors, for readable item lists. */
struct lb_item	 lb_box(int32_t width);
struct lb_item	 lb_glue(int32_t width, int32_t stretch, int32_t shrink);
struct lb_item	 lb_penalty(int32_t width, int32_t penalty, unsigned flags);

struct lb_opts {
	int32_t		 width;		/* line width, when widths is NULL */
	const int32_t	*widths;	/* line i is widths[min(i, n - 1)] */
	size_t		 nwidths;	/*   (TeX's \parshape) */
	bool		 ragged;	/* ragged right, see below */
	int32_t		 ragged_stretch;/* stretch at each line end when ragged;
					   ≤ 0: a sixth of the line width */
	int		 pretolerance;	/* first pass (default 100); < 0 skips
					   it */
	int		 tolerance;	/* second pass (default 200) */
	int32_t		 emergency_stretch; /* third pass when > 0 (default
					   0) */
	int		 line_penalty;	/* added to each line's badness (10) */
	int		 flagged_demerits; /* two hyphenated lines in a row
					   (10000, \doublehyphendemerits) */
	int		 final_hyphen_demerits; /* hyphen before the last line
					   (5000) */
	int		 adj_demerits;	/* adjacent lines two fitness classes
					   apart (10000) */
	int		 max_hyphens;	/* most hyphenated lines in a row (3);
					   0: no limit */
	bool		 no_final_hyphen; /* never a hyphen before the last
					   line: the last word stays whole
					   (true) */
	const unsigned char *no_hyphen;	/* line i must not end with a hyphen */
	size_t		 nno_hyphen;	/*   when i < n and no_hyphen[i] */
	int32_t		 last_line_min;	/* a last line (of more than one) with
					   less natural width ... */
	int		 runt_demerits;	/* ... costs this much (0) */
	size_t		 max_active;	/* cap on active nodes, a guard for
					   degenerate input (4096) */
};

/*
 * Fills *o with the defaults above (plain TeX's values) for lines of the
 * given width (Pango units).
 */
void		 lb_opts_default(struct lb_opts *o, int32_t width);

/* Fitness classes (struct lb_line.fitness), as in TeX. */
enum lb_fitness {
	LB_VERY_LOOSE,		/* stretched, badness > 99 */
	LB_LOOSE,		/* stretched, badness 13..99 */
	LB_DECENT,		/* badness ≤ 12 */
	LB_TIGHT		/* shrunk, badness > 12 */
};

/* How a line ends (struct lb_line.end_kind). */
enum lb_end {
	LB_END_GLUE,		/* at glue items[end] (dropped) */
	LB_END_PENALTY,		/* at penalty items[end] (its width drawn) */
	LB_END_PARAGRAPH	/* at the end of the list */
};

/*
 * One line of the result. Its material is items[start .. end) (glue and
 * penalties inside are set as the ratio says; penalties inside draw
 * nothing), plus opts' post width of the previous break at the left and
 * the width of the break penalty items[end] at the right.
 * To set a glue item g: width + ratio * stretch when ratio > 0,
 * width + ratio * shrink when ratio < 0; lb_place() does this with exact
 * rounding.
 */
struct lb_line {
	size_t		 start;		/* first item (discarded glue and
					   penalties after a break skipped) */
	size_t		 end;		/* the break item (see end_kind) */
	enum lb_end	 end_kind;
	int32_t		 target;	/* the line width asked for */
	int32_t		 pre;		/* width of the break penalty (hyphen) */
	int32_t		 post;		/* width at the start from the previous
					   break (repeated hyphen) */
	int64_t		 natural;	/* natural width, pre and post included */
	int64_t		 stretch;	/* total glue stretch in the line */
	int64_t		 shrink;	/* total glue shrink in the line */
	int64_t		 width;		/* width as set: target for a justified
					   line that could reach it; natural
					   when ragged, last, or underfull
					   without stretch; natural - shrink
					   when overfull */
	int64_t		 overflow;	/* width - target when > 0 (overfull) */
	double		 ratio;		/* glue adjustment ratio, -1 .. +inf; 0
					   when ragged or at a last line that
					   does not have to shrink */
	int		 badness;	/* 0 .. LB_INF_BAD */
	enum lb_fitness	 fitness;
	bool		 hyphen;	/* ends at an LB_FLAGGED penalty */
	bool		 last;		/* ends the paragraph or at a forced
					   break: set ragged (infinite stretch) */
	int64_t		 demerits;	/* this line's share of the total */
};

/* lb_result.status bits; 0 means a clean setting. */
#define LB_OVERFULL	0x01	/* no setting without overfull lines exists:
				   some lines have overflow > 0 */
#define LB_RELAXED	0x02	/* the hyphen rules could not all be kept:
				   result.violations lines break them */
#define LB_UNDERFULL	0x04	/* some line (not a last one) is looser
				   than opts.tolerance or cannot stretch
				   at all (after pass 3, 4 or 5) */

struct lb_result {
	struct lb_line	*lines;		/* owned by the struct lb; may be NULL
					   when nlines is 0 */
	size_t		 nlines;
	unsigned	 status;	/* LB_OVERFULL, LB_RELAXED, LB_UNDERFULL */
	int		 pass;		/* pass that succeeded, 1 .. 5 */
	int64_t		 demerits;	/* total demerits of the setting */
	int64_t		 overflow;	/* sum of the lines' overflow */
	size_t		 violations;	/* hyphen rules broken (a line can
					   break two) */
	uint64_t	 work;		/* (active node, break) pairs looked at
					   in all passes: a measure of running
					   time for tests */
};

/* A line breaker: reusable buffers, so that thousands of paragraphs do not
   allocate each time. */
struct lb;

/* Returns a new line breaker; free it with lb_free(). Never NULL. */
struct lb	*lb_new(void);
void		 lb_free(struct lb *);

/*
 * Breaks the paragraph items[0 .. n) into lines with options o (start from
 * lb_opts_default()). Fills *res; its lines array belongs to lb and stays
 * valid until the next lb_break() or lb_free(). Always produces a setting
 * (a list without material gives 0 lines) and returns res->status: 0 for a
 * clean setting, else the caller warns (LB_OVERFULL: a piece wider than the
 * line, to be split or reported with res->overflow).
 */
unsigned	 lb_break(struct lb *, const struct lb_item *items, size_t n,
		    const struct lb_opts *o, struct lb_result *res);

/*
 * Places one line of a result: x[k] gets the left edge (Pango units, from
 * the line's left edge) of items[line->start + k] for k = 0 ..
 * line->end - line->start; the last entry is where the break penalty's
 * material (the hyphen) goes, or the end of the line. Glue is set by the
 * line's ratio with the rounding spread so that the line ends exactly at
 * line->width. x must have line->end - line->start + 1 elements. The
 * items must be those the line was computed from.
 */
void		 lb_place(const struct lb_item *items, const struct lb_line *,
		    int64_t *x);

/*
 * Prints the result, one line per output line (items, widths, ratio,
 * badness, fitness, hyphen), for tests and debugging. Numbers only; the
 * caller knows the text.
 */
void		 lb_dump(FILE *, const struct lb_result *);

#endif
