/*
 * The PDF writer: draws laid-out pages (page.h) with Cairo's PDF surface.
 * The only module that uses Cairo. Glyphs are drawn exactly where the
 * typesetter placed them, with their characters attached (text extraction
 * gives the right Czech letters); pictograms are vector drawings; links
 * (web, e-mail, phone, internal), named destinations for every anchor, the
 * outline (bookmarks), page labels and the document information
 * (title, author, subject, keywords, creator, dates) are written.
 * Deterministic: the same pages give the same bytes (dates from
 * doc.meta.date).
 *
 * Tagged structure (issue 5): Document > Sect (one per doc_section) >
 * H1-H3 (levels never skip: a heading deeper than the one before plus
 * one is tagged one deeper than it), P, L > LI > LBody (a run of
 * consecutive list items), TOC > TOCI (a run of contents, signpost and
 * index lines), Figure (pictograms and pictures); every glyph run in a
 * Span or a Link. Decoration is drawn inside "Private" elements, which
 * pdfpost.c turns into artifacts.
 */
#ifndef MAPA_PDF_H
#define MAPA_PDF_H

#include <stdbool.h>

#include "diag.h"
#include "page.h"

/*
 * Writes the pages to path (the caller's temporary file; see outfile.h).
 * Returns false after reporting D_IO (cairo's error, a picture that cannot
 * be read); the file is then incomplete and the caller removes it.
 */
bool		 pdf_write(const struct pg_doc *, const char *path,
		    struct diag *);

/*
 * What the tagged structure needs and Cairo 1.16 cannot write: collected
 * while the pages are drawn, added afterwards by pdfpost.c. Both lists
 * are in structure order (the order in which the elements were opened,
 * which is the depth-first order of the structure tree).
 */
struct pdf_tags {
	char		**alt;		/* each Figure's alternative text */
	size_t		 nalt;
	char		**link;		/* each Link's annotation /Contents: the
					   text drawn inside it, or a
					   description of its target */
	size_t		 nlink;
	size_t		 artifacts;	/* "Private" elements that wrap
					   decoration (running heads, folios,
					   rules, boxes, leaders), for
					   pdfpost to turn into artifacts */
};

/*
 * pdf_write() that also fills tags (zeroed first; free it with
 * pdf_tags_free(), also after a failure).
 */
bool		 pdf_write_tagged(const struct pg_doc *, const char *path,
		    struct pdf_tags *, struct diag *);

/* Frees the lists of tags and zeroes it. */
void		 pdf_tags_free(struct pdf_tags *);

#endif
