/*
 * The reader PDF: the brochure pipeline from a validated catalogue to a
 * file — compose (doc.h) → typeset (typeset.h) → paginate (paginate.h) →
 * pdf (pdf.h) — and the loop that makes every printed page number right.
 *
 * Page references (contents, signpost, indexes) print the folio of the
 * page their anchor lands on, but what they print changes the widths of
 * their lines and so, in principle, the pages. So the paragraphs that hold
 * references are set again with the folios of the previous pass and the
 * document is paginated again, until a pass prints exactly the folios it
 * produces (usually the second). In the same loop, a paragraph whose line
 * ends a column with a hyphen is set again with that line forbidden to
 * end in one. Paragraphs without references are set once.
 */
#ifndef MAPA_RENDER_PDF_H
#define MAPA_RENDER_PDF_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

struct catalogue;
struct edition;
struct stats;

struct render_pdf_in {
	const struct catalogue *catalogue;
	const struct edition *edition;
	const struct stats *stats;
	const char	*date;		/* creation date, ISO 8601 UTC */
	const char	*layout;	/* a layout name or path overriding the
					   edition's rozvrzeni; NULL: the
					   edition's */
	const char	*path;		/* the PDF to write */
	const struct srcpos *pos;	/* what named the path (messages) */
	FILE		*geometry;	/* when not NULL: the page geometry
					   dump (pg_dump) is written here */
};

/* What a run did, for the summary line and for tests. */
struct render_pdf_out {
	size_t		 pages;
	int		 passes;	/* paginations until references settled */
	size_t		 refs;		/* page references printed */
};

/*
 * Renders and writes the PDF. Returns false after reporting (no layout,
 * no fonts, a write that failed); the file is then untouched (a previous
 * good one stays).
 */
bool		 render_pdf(const struct render_pdf_in *,
		    struct render_pdf_out *, struct diag *);

#endif
