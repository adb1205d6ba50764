/*
 * Text dump of the catalogue model (`mapa dump`): every field, one per line,
 * in a stable order — the golden format for loader and round-trip tests.
 * Positions are left out, so the same data from different formats dump the
 * same.
 */
#ifndef MAPA_DUMP_H
#define MAPA_DUMP_H

#include <stdio.h>

#include "model.h"

void	dump_catalogue(FILE *, const struct catalogue *);

#endif
