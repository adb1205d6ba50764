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

#endif
