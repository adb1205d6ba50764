/*
 * Print-shop files made from the finished reader PDF (libqpdf), so that
 * they hold exactly the same vector pages:
 *
 * - the print PDF (vystupy.tisk): every page on a sheet enlarged by the
 *   bleed and a slug for crop marks; /TrimBox is the page, /BleedBox the
 *   trim plus the bleed, /MediaBox everything. Anything a page draws
 *   beyond its edge (up to the bleed) shows in the bleed: a layout gets
 *   full-bleed backgrounds by drawing them that far past the page edge,
 *   which the reader PDF's MediaBox hides.
 * - the booklet (vystupy.brozura): for saddle stitch, the pages padded
 *   with blank pages to a multiple of 4 and placed two by two in
 *   printer's spreads, centred on sheets twice as wide (A5 pages on A4
 *   landscape; the ISO A paper within 3 mm of the spread, else the
 *   spread's size): sheet 1 front = [last | 1], back = [2 | last-1],
 *   sheet 2 front = [last-2 | 3] and so on, so that duplex printing (flip
 *   on the short edge), folding and stapling give the brochure. No bleed
 *   and no marks (an office printer prints neither; each page is cut at
 *   its edge). For perfect binding: no imposition, the print PDF's pages
 *   (bleed, marks) padded to an even count.
 *
 * Padding pages are new, empty pages (no folio, nothing drawn). When the
 * last page is the back cover they go just before it, so that it stays
 * the outside of the brochure; otherwise at the end.
 *
 * Print files carry no structure tree, links, outline or XMP metadata
 * (they are for printers); the document information (title, author,
 * dates) is kept. Output is deterministic: the same reader PDF gives the
 * same bytes.
 */
#ifndef MAPA_IMPOSE_H
#define MAPA_IMPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct edition;

enum impose_binding {
	IMPOSE_SADDLE,		/* folded sheets, stapled: imposed 2-up */
	IMPOSE_PERFECT		/* glued spine: single pages, even count */
};

struct impose_opts {
	double		 bleed;		/* pt past the trim on each side (print
					   PDF and perfect binding); >= 0 */
	bool		 keep_last;	/* the last page is the back cover:
					   padding goes before it */
	enum impose_binding binding;	/* what impose_booklet() makes */
	const struct srcpos *pos;	/* what named the output (messages);
					   may be NULL */
};

/* What a run wrote, for the summary line and tests. */
struct impose_out {
	size_t		 pages;		/* pages of the written file */
	size_t		 blanks;	/* padding pages added */
};

/* A padding page in impose_order(). */
#define IMPOSE_BLANK	((size_t)-1)

/*
 * The order in which the output shows the n reader pages (n >= 1):
 * fills order[] with 0-based reader page indexes, IMPOSE_BLANK for a
 * padding page. Saddle stitch: four entries per sheet, front left, front
 * right, back left, back right. Perfect binding: one per page. order must
 * hold n + 3 entries. Returns the padded page count (the entries filled).
 */
size_t	 impose_order(size_t n, enum impose_binding, bool keep_last,
	    size_t *order);

/*
 * Options for an edition: the bleed of its layout (layout: a name or path
 * given on the command line, or NULL for the edition's rozvrzeni; the
 * default 3 mm when the layout cannot be read, whose problems the reader
 * PDF's run has reported) and keep_last when its last part is the back
 * cover (zadni_obalka). binding is IMPOSE_SADDLE, pos NULL.
 */
void	 impose_opts_for(struct impose_opts *, const struct edition *,
	    const char *layout);

/*
 * Writes the print PDF of reader_pdf to out (through outfile.h: never a
 * partial file, a previous good one kept on failure). res may be NULL.
 * Returns false after reporting D_IO (reader unreadable or not a PDF,
 * output not writable).
 */
bool	 impose_print(const char *reader_pdf, const char *out,
	    const struct impose_opts *, struct diag *, struct impose_out *res);

/*
 * Writes the booklet of reader_pdf to out, imposed for saddle stitch or
 * padded for perfect binding (opts->binding); as impose_print() otherwise.
 */
bool	 impose_booklet(const char *reader_pdf, const char *out,
	    const struct impose_opts *, struct diag *, struct impose_out *res);


#endif
