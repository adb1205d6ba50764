/*
 * Merging inputs: several files load into one catalogue; this step
 *  - folds records from override inputs ("doplnění" kept by the office,
 *    keyed by identifikátor) into the registry records they enrich, reporting
 *    every conflicting value and keeping the override's;
 *  - folds duplicate providers (same IČO) into one, reporting conflicting
 *    data;
 *  - reports services whose identifikátor appears twice in ordinary inputs.
 * The result does not depend on anything but input order.
 */
#ifndef MAPA_MERGE_H
#define MAPA_MERGE_H

#include "diag.h"
#include "model.h"

void	merge_catalogue(struct catalogue *, struct diag *);

#endif
