/*
 * The brochure as a document: every text that will be printed, in reading
 * order, with its style and the rules for breaking it into pages, but no
 * measurement yet. compose.c builds it from the catalogue, the edition, the
 * statistics and the layout (the typography stage has been applied: ties,
 * quotes, dashes, number formats); typeset.c measures and breaks its
 * paragraphs into lines; paginate.c places the lines on pages; pdf.c draws
 * the pages. Pure data: no Pango, Cairo or model types.
 *
 * Shape: sections (cover, imprint, ..., one per group of entries, indexes)
 * hold blocks (a run of flowing paragraphs, one entry kept whole, a
 * picture, vertical fill), blocks hold paragraphs, paragraphs hold spans of
 * one style. Every string is owned by the document's arena.
 *
 * Lengths are in PostScript points.
 */
#ifndef MAPA_DOC_H
#define MAPA_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "layout_file.h"

struct arena;

/*
 * Pictograms (drawn as vector graphics by pdf.c, explained in the legend
 * of the "how to use" section). A span with an icon prints the icon, one
 * em of its role's font wide, instead of text; its text, if any, is the
 * icon's alternative text.
 */
enum doc_icon {
	DI_NONE,
	DI_ADDRESS,		/* where: a map pin */
	DI_PHONE,
	DI_EMAIL,
	DI_WEB,
	DI_HOURS,		/* opening hours: a clock */
	DI_FEES,		/* fees: a coin */
	DI_FREE,		/* free of charge */
	DI_RESIDENTIAL,		/* pobytová forma: a bed / house */
	DI_OUTPATIENT,		/* ambulantní: a door */
	DI_FIELD,		/* terénní: a car / walking person */
	DI_ACCESS,		/* barrier-free access: wheelchair */
	DI_NONSTOP,		/* 24 hours: a clock with 24 */
	DI_EU,			/* the EU flag (publicity block), 1.5 em
				   wide x 1 em high */
	DI_QR,			/* a QR code of the span's uri, size pt
				   square with its quiet zone */
	/* target groups: the chapters of entries by cilove_skupiny */
	DI_TG_SENIORS,		/* a figure with a walking stick */
	DI_TG_DISABILITY,	/* a heart held in an open hand's cup */
	DI_TG_FAMILY,		/* two adults and a child */
	DI_TG_CRISIS,		/* a lifebuoy */
	DI_TG_ADDICTION,	/* a bottle */
	DI_TG_FOREIGN,		/* two speech bubbles */
	DI__MAX
};

/* Span flags (struct doc_span.flags). */
#define DS_NOHYPH	0x01	/* never hyphenate: names, addresses, codes */
#define DS_URL		0x02	/* URL or e-mail: breaks only after "/", "."
				   or "@", never with a hyphen drawn */
#define DS_NOBREAK	0x04	/* no line break anywhere inside (a phone
				   number, a date, a short value) */
#define DS_FILL		0x08	/* an empty span: elastic space that pushes
				   what follows to the line's right end
				   (contents and index page numbers) */
#define DS_LEADERS	0x10	/* with DS_FILL: the space is drawn as dot
				   leaders */
#define DS_LINEBREAK	0x20	/* an empty span: a forced line break
				   (address lines, list items in one cell) */

/* A run of text in one style. */
struct doc_span {
	const char	*text;		/* UTF-8, typography applied; may hold
					   U+00A0, U+202F, U+2060, U+00AD */
	size_t		 len;		/* bytes */
	enum lspec_role	 role;		/* font, size and colour from the
					   layout */
	enum lspec_face	 face;		/* overrides the role's face */
	int		 colour;	/* enum lspec_colour, or -1: the role's */
	unsigned	 flags;		/* DS_* */
	enum doc_icon	 icon;		/* DI_NONE for text */
	const char	*uri;		/* a link out: https:, mailto:, tel:
					   (as is; pdf.c encodes it) */
	const char	*dest;		/* a link to an anchor in the document */
	const char	*ref;		/* a page reference: the span prints the
					   folio of the page where anchor ref
					   is; text is empty until resolved */
	const struct srcpos *src;	/* where the value came from (for
					   messages); NULL for fixed text */
	double		 size;		/* icon: its side in pt; 0: one em */
};

/* How lines stand between the paragraph's edges. */
enum doc_align {
	DA_JUSTIFY,		/* the last line ragged */
	DA_LEFT,
	DA_CENTRE,
	DA_RIGHT
};

/* What a paragraph is, for the tagged PDF (issue 5) and for the dump. */
enum doc_tag {
	DT_P,
	DT_H1,			/* section title */
	DT_H2,			/* group inside a section (a subheading) */
	DT_H3,			/* entry name */
	DT_LI,			/* an item of a list (activities, sources) */
	DT_TOCI,		/* a line of the contents, signpost or index */
	DT_TITLE		/* the cover title */
};

struct doc_par {
	size_t		 seq;		/* index in document order, 0 .. npars */
	struct doc_span	*spans;
	size_t		 nspans;
	/*
	 * A hanging label (a field's label or a pictogram), set on the first
	 * line in the column from 0 to hang; the text starts at hang. A
	 * label wider than hang runs into the text.
	 */
	struct doc_span	*label;
	size_t		 nlabel;
	double		 hang;		/* left indent of the text lines */
	double		 indent;	/* extra indent of the first line; < 0:
					   outdent (index entries) */
	double		 right;		/* right indent */
	enum doc_align	 align;
	bool		 hyphenate;	/* the layout's deleni_slov, false for
					   headings and short values */
	double		 space_before;	/* dropped at the top of a column */
	double		 space_after;
	bool		 keep_with_next; /* never the last thing in a column */
	bool		 keep_lines;	/* never split between columns */
	enum doc_tag	 tag;
	const char	*anchor;	/* named destination at its first line;
					   page references point here */
	int		 outline;	/* bookmark level, 1 = top; 0: none */
	const char	*outline_title;	/* plain text (no ties, no U+00AD) */
};

enum doc_block_kind {
	DB_FLOW,		/* paragraphs that may break between lines
				   (widows, orphans and keeps apply) */
	DB_ENTRY,		/* one entry: never across a page turn; it
				   may go on in the next column of the same
				   page, and one longer than a page splits at
				   a line boundary; it goes on under cont */
	DB_IMAGE,		/* a picture file (a logo) */
	DB_VFILL		/* elastic vertical space: the blocks after
				   it go to the bottom of the page */
};

struct doc_block {
	enum doc_block_kind kind;
	struct doc_par	*pars;
	size_t		 npars;
	const char	*cont;		/* ENTRY: the continuation mark, e.g.
					   "Název služby (pokračování)" */
	double		 rule;		/* a rule above the block (between
					   entries), pt thick; 0 = none. Not
					   drawn at the top of a column. */
	bool		 tint;		/* on a background box (layout's
					   podklad colour): crisis lines */
	const char	*image;		/* IMAGE: path of a PNG or SVG file */
	double		 image_w;	/* IMAGE: size on the page, pt */
	double		 image_h;
	const char	*alt;		/* IMAGE: alternative text */
	double		 space_before;	/* IMAGE, VFILL (minimum) */
};

/* Page numbering of a section's pages. */
enum doc_folio {
	DF_ROMAN,		/* front matter: i, ii, ... */
	DF_ARABIC		/* the body: 1, 2, ... from the first arabic
				   page */
};

struct doc_section {
	const char	*id;		/* anchor of its first page */
	const char	*title;		/* for running heads and contents; NULL
					   for the cover */
	enum lspec_start start;		/* new page, new recto, or run on */
	int		 columns;	/* 1, or the layout's columns */
	enum doc_folio	 numbering;
	bool		 folio;		/* page numbers printed (not on covers) */
	bool		 running;	/* running head and foot printed */
	bool		 cover;		/* a cover page: no margins for heads,
					   blocks centred across the page */
	struct doc_block *blocks;
	size_t		 nblocks;
};

/* Document information for the PDF. */
struct doc_meta {
	const char	*title;		/* "Mapa pomoci – ORP Kroměříž 2026" */
	const char	*author;	/* the issuer */
	const char	*subject;
	const char	*keywords;
	const char	*creator;	/* "mapa 0.x" */
	const char	*lang;		/* "cs-CZ" */
	const char	*date;		/* creation date, ISO 8601 UTC
					   "2026-09-01T00:00:00Z" */
	const char	*running_title;	/* LSRT_TITLE in running heads */
	const char	*territory;	/* LSRT_TERRITORY */
};

struct doc {
	struct arena	*arena;		/* owns everything below */
	const struct layout_spec *layout; /* not owned */
	struct doc_meta	 meta;
	struct doc_section *sections;
	size_t		 nsections;
	size_t		 npars;		/* paragraphs in all sections (seq) */
};

/*
 * Prints the document as indented text, one line per section, block and
 * paragraph, with spans in brackets and flags spelled out; special
 * characters are shown as <nbsp>, <nnbsp>, <wj>, <shy>. For golden tests.
 */
void		 doc_dump(FILE *, const struct doc *);

const char	*doc_icon_name(enum doc_icon);		/* "phone" */
const char	*doc_tag_name(enum doc_tag);		/* "H1" */

#endif
