/*
 * Set lines and laid-out pages: what the typesetter (typeset.c, Pango)
 * hands to the page builder (paginate.c), and what the page builder hands
 * to the PDF writer (pdf.c, Cairo). Pure data, so that neither side sees
 * the other's library: a line is glyph ids placed on a baseline in fonts
 * named by file, with the characters they show for text extraction.
 *
 * Lengths are in points; x grows to the right, y downwards from the top
 * edge of the trimmed page.
 */
#ifndef MAPA_PAGE_H
#define MAPA_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"

/* A font file a run uses (a face of the fonts/ directory). */
struct pg_font {
	const char	*file;		/* absolute path */
	int		 index;		/* face index in the file */
	const char	*family;	/* "Charis SIL" */
	bool		 bold, italic;
};

struct pg_glyph {
	uint32_t	 id;		/* glyph index in the font */
	float		 x, y;		/* offset from the run's origin, pt */
};

/* n bytes of the run's text are shown by m glyphs (as cairo clusters). */
struct pg_cluster {
	uint16_t	 bytes;
	uint16_t	 glyphs;
};

/* Glyphs of one font, size and colour on one baseline. */
struct pg_run {
	uint16_t	 font;		/* index into the font table */
	float		 size;		/* pt */
	uint32_t	 rgb;
	double		 x;		/* origin from the line's left edge */
	struct pg_glyph	*glyphs;
	size_t		 nglyphs;
	const char	*text;		/* the characters shown, UTF-8; a drawn
					   line-end hyphen is U+00AD's place */
	size_t		 len;
	struct pg_cluster *clusters;	/* in order; their sums are len and
					   nglyphs */
	size_t		 nclusters;
};

/* Something on a line that is not glyphs. */
enum pg_mark_kind {
	PGM_URI,		/* a link out over x0 .. x1 */
	PGM_DEST,		/* a link to an anchor over x0 .. x1 */
	PGM_LEADERS,		/* dot leaders over x0 .. x1 */
	PGM_ICON		/* a pictogram in the square x0 .. x1 wide,
				   standing on the baseline */
};

struct pg_mark {
	enum pg_mark_kind kind;
	double		 x0, x1;	/* from the line's left edge */
	const char	*target;	/* URI (as given) or anchor name */
	enum doc_icon	 icon;
	const char	*alt;		/* ICON: alternative text */
	uint32_t	 rgb;		/* LEADERS, ICON */
	float		 size;		/* LEADERS: the font size of the dots */
};

/* One set line. */
struct pg_line {
	double		 x;		/* left edge from the column's edge */
	double		 width;		/* as set, from x */
	double		 ascent;	/* top of the line's box to baseline */
	double		 height;	/* the box: baseline to next baseline
					   (the role's leading) */
	struct pg_run	*runs;
	size_t		 nruns;
	struct pg_mark	*marks;
	size_t		 nmarks;
	bool		 hyphen;	/* ends with a drawn hyphen */
	bool		 overfull;	/* wider than its measure (reported) */
};

/* A paragraph's lines, as the typesetter returns them. */
struct pg_par {
	const struct doc_par *par;
	struct pg_line	*lines;
	size_t		 nlines;
};

/* What is placed on a page. */
enum pg_item_kind {
	PGI_LINE,		/* line at (x, y) = its left end on the
				   baseline */
	PGI_RULE,		/* a horizontal rule from (x, y), w long,
				   h thick (centred on y) */
	PGI_BOX,		/* a filled rectangle, top-left (x, y) */
	PGI_IMAGE,		/* block->image in the rectangle */
	PGI_DEST		/* anchor name at (x, y) */
};

/* Where an item belongs, for tagging (issue 5). */
enum pg_role {
	PGR_CONTENT,		/* part of the document's text */
	PGR_ARTIFACT		/* running head, folio, rule, background */
};

struct pg_item {
	enum pg_item_kind kind;
	enum pg_role	 role;
	double		 x, y, w, h;
	uint32_t	 rgb;		/* RULE, BOX */
	const struct pg_line *line;	/* LINE */
	const struct doc_par *par;	/* LINE of content: its paragraph */
	const struct doc_block *block;	/* its block (IMAGE, content LINE) */
	size_t		 line_no;	/* LINE: index in its paragraph */
	const char	*name;		/* DEST */
};

struct pg_page {
	struct pg_item	*items;		/* in reading order: column by column,
					   then the running head and foot */
	size_t		 nitems;
	const char	*label;		/* page label and printed folio: "iv",
					   "12" (every page has one) */
	size_t		 section;	/* index into doc.sections */
	bool		 blank;		/* an inserted empty page (before a
					   recto): nothing printed */
};

/* Where an anchor landed. */
struct pg_anchor {
	const char	*name;
	size_t		 page;		/* 0-based index into pages */
	double		 y;		/* top of its line */
};

/* A bookmark, in document order. */
struct pg_outline {
	int		 level;		/* 1 = top */
	const char	*title;
	const char	*dest;		/* anchor name */
};

/* The laid-out document. */
struct pg_doc {
	const struct doc *doc;
	double		 page_w, page_h;
	const struct pg_font *fonts;	/* owned by the typesetter */
	size_t		 nfonts;
	struct pg_page	*pages;
	size_t		 npages;
	struct pg_anchor *anchors;	/* sorted by name */
	size_t		 nanchors;
	struct pg_outline *outline;
	size_t		 noutline;
	struct arena	*arena;		/* owns pages, items, anchors, strings */
};

/* The anchor's entry, or NULL (binary search). */
const struct pg_anchor *pg_find_anchor(const struct pg_doc *, const char *);

/*
 * Prints the page geometry: one line per page (label, section) and per
 * item (kind, position and size in pt to 0.01, the line's text without
 * soft hyphens), for golden tests and for checking that nothing leaves the
 * type area.
 */
void		 pg_dump(FILE *, const struct pg_doc *);

/* The characters a line shows, in order (runs' text joined), malloc'd. */
char		*pg_line_text(const struct pg_line *);

#endif
