/*
 * What changed between a previous edition's catalogue and this one, for
 * the workbook's "Změny" sheet: services that are new, services that ended,
 * and services whose planning-relevant fields changed. Services are matched
 * by identifikátor (services without one cannot be matched and are left
 * out). Pure: reads two validated catalogues, writes nothing.
 *
 * Compared fields, in this order: název, poskytovatel (by IČO when both
 * have one, else by name), druh, formy, kapacita (per unit, summed over
 * forms as in stats.h), cílové skupiny, věkové skupiny, obce poskytování
 * (the places' municipalities as a set), územní působnost, úhrada.
 * Descriptions, contacts, opening hours and yearly figures are not
 * compared: they are not what a network plan tracks.
 */
#ifndef MAPA_CHANGES_H
#define MAPA_CHANGES_H

#include <stddef.h>

#include "model.h"

enum change_kind {
	CHANGE_NEW,		/* only in the current catalogue */
	CHANGE_ENDED,		/* only in the previous one */
	CHANGE_FIELD		/* in both, with one field different */
};

struct change {
	enum change_kind	 kind;
	const struct service	*now;		/* NULL when ended */
	const struct service	*before;	/* NULL when new */
	const char		*field;		/* CHANGE_FIELD: "kapacita" */
	char			*was;		/* CHANGE_FIELD: value before */
	char			*is;		/* CHANGE_FIELD: value now */
};

struct changes {
	struct change	*v;		/* new, then ended, then changed */
	size_t		 n, cap;
	size_t		 nnew, nended;
	size_t		 nchanged;	/* services with at least one change */
};

/*
 * Compares the catalogues. Within each kind, services are in codebook type
 * order, then by identifikátor; a changed service's fields follow the
 * order above. Pointers refer into both catalogues, which must outlive the
 * result; free it with changes_free().
 */
struct changes	*changes_compute(const struct catalogue *now,
		    const struct catalogue *before);
void		 changes_free(struct changes *);

/*
 * The text a field shows in the sheet, as changes_compute() writes it into
 * was/is ("82 lůžek, 10 klientů"); field is one of the names above. The
 * caller frees the result. NULL for an unknown field name.
 */
char		*changes_field_text(const struct service *, const char *field);

#endif
