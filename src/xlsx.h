/*
 * The XLSX statistical appendices (PRODUCT.md §3.3): one workbook with a
 * contents sheet, the network of services (Síť služeb), services and
 * capacities by type and municipality as live formulas with correct cached
 * values, capacities by unit and target group with rates per 1 000
 * inhabitants, funding by source and year with a chart, the ESF indicators
 * and the changes against a previous edition when the edition gives them.
 *
 * Every number comes from stats.c (the same computation the PDF uses) and
 * is stored as a number with a Czech display format. The bytes depend only
 * on the inputs: the creation time is given, the process locale is "C".
 * libxlsxwriter is used here and nowhere else.
 */
#ifndef MAPA_XLSX_H
#define MAPA_XLSX_H

#include <stdbool.h>
#include <time.h>

#include "changes.h"
#include "diag.h"
#include "edition.h"
#include "model.h"
#include "stats.h"

struct xlsx_input {
	const struct edition	*edition;
	const struct catalogue	*catalogue;
	const struct stats	*stats;		/* of catalogue */
	const struct changes	*changes;	/* NULL: no Změny sheet */
	const struct catalogue	*previous;	/* the previous data, or NULL */
	time_t			 created;	/* document creation time */
};

/*
 * Writes the workbook to path through a temporary file that replaces path
 * only when complete (outfile.h). Returns false after reporting D_IO at pos
 * (where the path was named; may be NULL): the previous file, if any, is
 * then untouched and no temporary file is left.
 */
bool	xlsx_write(const char *path, const struct xlsx_input *,
	    const struct srcpos *pos, struct diag *);

#endif
