/*
 * Text dump of the catalogue model (`mapa dump`): every field, one per line,
 * in a stable order — the golden format for loader and round-trip tests.
 * Positions are left out, so the same data from different formats dump the
 * same.
 */
#ifndef MAPA_DUMP_H
#define MAPA_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

void	dump_catalogue(FILE *, const struct catalogue *);

struct diag;
struct edition;

/*
 * `mapa dump --doc`: composes the edition's brochure the way `mapa render`
 * does (statistics, the edition's layout, the fonts of the data directory)
 * and prints it with doc_dump(). Problems of the composition are reported
 * to d; those of the layout are not (the edition's check has reported
 * them). Returns false, printing nothing, when the layout or the fonts
 * cannot be loaded.
 */
bool	dump_document(FILE *, const struct catalogue *,
	    const struct edition *, struct diag *d);

#endif
