/*
 * Building the validated catalogue from the command line's operands: one
 * edition file (its inputs loaded in order, with its filters), or any
 * number of data files. The stages run in the pipeline's order: load →
 * merge → validate → link → filter (filter.h: the edition's territory and
 * target-group filters). `mapa check`, `mapa dump` and `mapa render` all
 * start here, so they see the same catalogue and the same messages.
 */
#ifndef MAPA_BUILD_H
#define MAPA_BUILD_H

#include "diag.h"
#include "edition.h"
#include "load.h"
#include "model.h"

struct stats;

struct build_opts {
	enum input_format format;	/* FMT_AUTO: recognised per file */
	struct date	 active_on;	/* for data files; y == 0: all */
};

/*
 * Loads the operands into a new catalogue, reporting every problem to d.
 * Never returns NULL (an unreadable operand leaves the catalogue emptier).
 * When edition is not NULL, the first edition file among the operands is
 * kept and stored there (NULL when there was none); the caller frees it
 * with edition_free(). The first edition's filters apply to the whole
 * catalogue (data files given beside it included). Free the catalogue with
 * model_free().
 */
struct catalogue	*build_catalogue(int argc, char **argv,
			    const struct build_opts *, struct diag *d,
			    struct edition **edition);

/*
 * The whole pipeline for one edition already read: its inputs loaded with
 * its filters, merged, validated, linked and filtered (filter.h). For a
 * variant, pass edition_for_variant()'s edition: its narrower filters are
 * given to the loaders and to the filter stage alike. Never returns NULL;
 * free with model_free(). Problems are reported to d (the same data
 * problems again for every variant; diag folds repeats).
 */
struct catalogue	*build_edition(const struct edition *, struct diag *d);

/*
 * Loads the inputs an edition names into c, with the edition's filters;
 * problems are reported to d. Only the loaders' own filtering happens here
 * (build_edition() runs the filter stage too).
 */
void			 build_edition_inputs(struct catalogue *c,
			    const struct edition *, struct diag *d);

/*
 * Loads the previous edition's data (predchozi_data) into a new catalogue
 * for the list of changes: the same loaders and checks, the edition's
 * territory and target-group filters (filter.h; its notes stand at the
 * previous data's file), but no date filter (the file is the network as
 * it was then). Problems are reported to d like any input's. Returns NULL when the
 * edition names no previous data; free with model_free().
 */
struct catalogue	*build_previous(const struct edition *, struct diag *d);

/*
 * The statistics of an edition's catalogue as the PDF and the workbook
 * print them: the edition's municipalities first (uzemi.obce), its
 * population for the rates per 1 000. Free with stats_free().
 */
struct stats		*build_stats(const struct edition *,
			    const struct catalogue *);

#endif
