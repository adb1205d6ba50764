/*
 * The typesetter: measures and breaks paragraphs (doc.h) into set lines
 * (page.h). Pango shapes the text with the fonts of the private fontconfig
 * configuration (fonts.h) — hint metrics off, glyph positions not rounded,
 * language cs — and measures every word; the line breaks are chosen by the
 * total-fit breaker (linebreak.h); hyphenation points come from hyph.h.
 * The only module that uses Pango.
 *
 * Rules kept: no overfull line when any other setting exists (a piece wider
 * than the measure is reported as D_TOO_LONG at its value's position); no
 * break inside ties, DS_NOBREAK spans or after a one-letter preposition
 * (the typography stage put U+00A0 there); URLs and e-mails break only after
 * "/", "." or "@" and without a hyphen; at most the layout's
 * max_deleni_za_sebou hyphenated lines in a row; no hyphen before the last
 * line; a compound's own hyphen is repeated on the next line.
 */
#ifndef MAPA_TYPESET_H
#define MAPA_TYPESET_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "page.h"

struct arena;
struct fonts;
struct layout_spec;
struct typeset;

/*
 * A typesetter for one layout. fonts must stay open until typeset_free().
 * Returns NULL after reporting (a role's font cannot be loaded).
 */
struct typeset	*typeset_new(const struct fonts *, const struct layout_spec *,
		    struct diag *);
void		 typeset_free(struct typeset *);

/* The fonts runs refer to (struct pg_run.font); owned by the typesetter,
   grows as fonts are used. */
const struct pg_font *typeset_fonts(const struct typeset *, size_t *nfonts);

/* Resolves a page reference (doc_span.ref) to the text to print: the folio
   of the anchor's page, or NULL when not known yet. */
typedef const char *(*typeset_ref_fn)(void *ctx, const char *anchor);

struct typeset_opts {
	double		 measure;	/* the column's width, pt */
	/* line i must not end with a hyphen when i < nno_hyphen and
	   no_hyphen[i] (the last line of a column, from the page builder) */
	const unsigned char *no_hyphen;
	size_t		 nno_hyphen;
	typeset_ref_fn	 ref;		/* NULL: references print as "000" */
	void		*ref_ctx;
};

/*
 * Sets one paragraph. The lines and everything they point to are allocated
 * in out (an arena the caller owns). Problems (too long values, glyphs
 * missing in spite of the checks) are reported to d once per value.
 * Returns false only when out of memory.
 */
bool		 typeset_par(struct typeset *, const struct doc_par *,
		    const struct typeset_opts *, struct arena *out,
		    struct pg_par *res, struct diag *d);

/*
 * Sets a one-line text in a role and face (running heads, folios,
 * continuation marks), not justified, not hyphenated; x = 0. Text wider
 * than width is shortened with an ellipsis. Allocated in out.
 */
struct pg_line	*typeset_line(struct typeset *, enum lspec_role,
		    enum lspec_face, const char *text, double width,
		    struct arena *out);

#endif
