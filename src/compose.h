/*
 * Composition: turns a validated catalogue and its edition into the
 * brochure document (doc.h) — which parts in which order, what every entry
 * shows and how it is labelled, the contents, the signpost, the indexes —
 * with the Czech typography stage applied to every text (typo.h). No
 * measuring: page numbers are left as references for the page builder.
 *
 * The parts follow the edition's oddily; the entry sections follow its
 * cleneni (by target group, life situation or service type; a service
 * listed under several groups appears in each, and every index entry
 * points at its first appearance); the fields follow the layout's entry
 * templates.
 */
#ifndef MAPA_COMPOSE_H
#define MAPA_COMPOSE_H

#include "diag.h"
#include "doc.h"

struct catalogue;
struct edition;
struct fonts;
struct layout_spec;
struct stats;

/*
 * Builds the document. Every printed value is checked against the fonts
 * of its role (D_GLYPH_MISSING at the value's position). date is the
 * creation date for the metadata (ISO 8601 UTC, copied). Never NULL; free
 * with compose_free().
 */
struct doc	*compose(const struct catalogue *, const struct edition *,
		    const struct stats *, const struct layout_spec *,
		    const struct fonts *, const char *date, struct diag *);

void		 compose_free(struct doc *);

#endif
