/*
 * Merging inputs: several files load into one catalogue; this step
 *  - drops a service that an earlier, different ordinary input already
 *    brought (same identifikátor, or the same source id such as
 *    "mpsv-7583" when the identifikátor does not decide), reporting it;
 *    duplicates within one input are left to validation;
 *  - folds records from override inputs ("doplnění" kept by the office,
 *    keyed by identifikátor or source id) into the records they enrich,
 *    reporting every conflicting value and keeping the override's; the
 *    override records themselves are dropped;
 *  - folds providers with the same IČO (or key) into the first one, which
 *    takes the others' values only where it has none, reporting values
 *    that differ; services are re-pointed and the folded records removed.
 * Dropped services are removed (model_compact()). The result does not
 * depend on anything but input order.
 */
#ifndef MAPA_MERGE_H
#define MAPA_MERGE_H

#include "diag.h"
#include "model.h"

/* Runs after every loader and before validate_catalogue(). */
void	merge_catalogue(struct catalogue *, struct diag *);

#endif
