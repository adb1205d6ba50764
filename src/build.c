/*
 * The catalogue-building stage shared by every command (see build.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "filter.h"
#include "layout_file.h"
#include "merge.h"
#include "stats.h"
#include "util.h"
#include "validate.h"

void
build_edition_inputs(struct catalogue *c, const struct edition *e,
    struct diag *d)
{
	struct load_opts opts;
	size_t		 i;

	for (i = 0; i < e->ninputs; i++) {
		opts = e->filter;
		opts.input = (int)i;
		opts.is_override = e->inputs[i].is_override;
		opts.codebook_dir = e->inputs[i].codebook_dir.s;
		load_file(c, e->inputs[i].path.s, e->inputs[i].format, &opts, d);
	}
}

/*
 * The stages after loading: merge → validate → link → filter (with the
 * edition's filters, when there is an edition).
 */
static void
build_finish(struct catalogue *c, const struct edition *e, struct diag *d)
{
	struct filter_stats st;

	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	filter_catalogue(c, e, NULL, d, &st);
	/* Only news when nothing else explains it. */
	if (c->nservices == 0 && st.before > 0)
		diag(d, D_EMPTY_CATALOGUE, NULL,
		    "the filters left no services to print");
	else if (c->nservices == 0 && diag_count(d, DIAG_FATAL) == 0 &&
	    diag_count(d, DIAG_ERROR) == 0)
		diag(d, D_EMPTY_CATALOGUE, NULL,
		    "the catalogue has no services to print");
}

struct catalogue *
build_edition(const struct edition *e, struct diag *d)
{
	struct catalogue *c = model_new();

	build_edition_inputs(c, e, d);
	build_finish(c, e, d);
	return c;
}

/* Checks the layout of the edition and those its variants name. */
static void
check_layouts(const struct edition *e, struct diag *d)
{
	struct edition	*v;
	size_t		 i;

	lspec_check_edition(e, d);
	for (i = 0; i < e->nvariants; i++) {
		if (e->variants[i].layout.s == NULL)
			continue;
		if ((v = edition_for_variant(e, i, d)) != NULL) {
			lspec_check_edition(v, d);
			edition_free(v);
		}
	}
}

struct catalogue *
build_catalogue(int argc, char **argv, const struct build_opts *o,
    struct diag *d, struct edition **edition)
{
	struct catalogue *c = model_new();
	struct edition	 *e, *first = NULL;
	struct load_opts  opts;
	int		  i;
	enum input_format fmt;

	if (edition != NULL)
		*edition = NULL;
	for (i = 0; i < argc; i++) {
		fmt = o->format;
		if (fmt == FMT_AUTO && !load_sniff_file(argv[i], &fmt, d))
			continue;	/* reported: cannot open */
		if (fmt == FMT_EDITION) {
			if ((e = edition_load(argv[i], d)) != NULL) {
				check_layouts(e, d);
				build_edition_inputs(c, e, d);
				if (first == NULL)
					first = e;
				else
					edition_free(e);
			}
			continue;
		}
		memset(&opts, 0, sizeof opts);
		opts.active_on = o->active_on;
		opts.input = i;
		load_file(c, argv[i], fmt, &opts, d);
	}
	build_finish(c, first, d);
	if (edition != NULL)
		*edition = first;
	else
		edition_free(first);
	return c;
}

struct catalogue *
build_previous(const struct edition *e, struct diag *d)
{
	struct catalogue *c;
	struct load_opts  opts;
	struct srcpos	  where = { NULL, 0, 0 };

	if (e->previous_data.s == NULL)
		return NULL;
	c = model_new();
	opts = e->filter;
	memset(&opts.active_on, 0, sizeof opts.active_on);
	opts.input = 0;
	opts.is_override = false;
	opts.codebook_dir = NULL;
	load_file(c, e->previous_data.s, FMT_AUTO, &opts, d);
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	/* the same part of the network, or everything else looks ended */
	where.file = diag_file(d, e->previous_data.s);
	filter_catalogue(c, e, &where, d, NULL);
	return c;
}

struct stats *
build_stats(const struct edition *e, const struct catalogue *c)
{
	struct stats_opts so;
	const char	**order = xcalloc(e->nmunicipalities + 1,
			    sizeof *order);
	struct stats	 *st;
	size_t		  i;

	for (i = 0; i < e->nmunicipalities; i++)
		order[i] = e->municipalities[i].s;
	so.order = order;
	so.norder = e->nmunicipalities;
	so.pop[STATS_POP_TOTAL] = e->population.total.n;
	so.pop[STATS_POP_65] = e->population.over65.n;
	so.pop[STATS_POP_80] = e->population.over80.n;
	st = stats_compute(c, &so);
	free(order);
	return st;
}
