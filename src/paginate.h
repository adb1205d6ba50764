/*
 * The page builder: places set paragraphs (page.h) on pages and columns.
 * Pure: it sees only line heights and the document's rules, never a font.
 *
 * Rules (from the layout's zlom): a section starts on a new page, a new
 * recto (a blank verso inserted before it) or runs on (its first heading
 * then gets a line of space above it); an entry block is never split
 * across pages unless taller than a page: it may go on from one column
 * to the next of the same page, at a line boundary with its continuation
 * mark at the top of the next column, and otherwise moves whole to the
 * next page; a back cover (the last section, a cover) is put on an even
 * page, a blank page inserted before it when needed;
 * headings (keep_with_next) are never the last thing in a column and carry
 * the layout's nadpis_s_radky lines of what follows with them; no
 * paragraph leaves fewer than min_radku_dole lines at the bottom or
 * min_radku_nahore at the top of a column; space_before and entry rules are
 * dropped at the top of a column; columns are balanced at a section's end
 * when vyrovnat_sloupce is on; VFILL pushes the rest of a page down. Each
 * page gets its running head and foot (from the layout's bands, with the
 * current section's title) and its label (roman in front matter, arabic
 * from the first arabic section).
 */
#ifndef MAPA_PAGINATE_H
#define MAPA_PAGINATE_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "page.h"

/* Sets a one-line text for a running head, a folio or a continuation
   mark; allocated in the arena given. */
typedef struct pg_line *(*paginate_line_fn)(void *ctx, enum lspec_role,
		    enum lspec_face, const char *text, double width,
		    struct arena *);

struct paginate_in {
	const struct doc *doc;
	const struct pg_par *pars;	/* [doc->npars] by seq, each set at
					   paginate_measure() of its section */
	const struct pg_font *fonts;	/* copied into the result */
	size_t		 nfonts;
	paginate_line_fn line;
	void		*line_ctx;
};

/* A line that ends a column with a hyphen: set the paragraph again with
   no_hyphen[line] and paginate again. */
struct paginate_fix {
	size_t		 seq;		/* doc_par.seq */
	size_t		 line;
};

struct paginate_out {
	struct pg_doc	*pages;		/* free with paginate_free() */
	struct paginate_fix *fixes;	/* malloc'd; the caller frees */
	size_t		 nfixes;
};

/* The width paragraphs of the section are set at: the type area's width,
   or one column's when the section has several. */
double		 paginate_measure(const struct doc *, const struct doc_section *);

/*
 * Lays the document out. Rules that cannot be kept (an entry taller than a
 * page, text broken against the rules) are reported as D_PAGINATION
 * warnings, once per block; an entry split over a page turn only because
 * it does not fit under the headings kept with it, as a D_PAGINATION
 * note. Never fails (out of memory aborts).
 */
void		 paginate(const struct paginate_in *, struct paginate_out *,
		    struct diag *);

void		 paginate_free(struct pg_doc *);

#endif
