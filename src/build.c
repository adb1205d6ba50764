/*
 * The catalogue-building stage shared by every command (see build.h).
 */
#include <stdio.h>
#include <string.h>

#include "build.h"
#include "layout_file.h"
#include "merge.h"
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

struct catalogue *
build_catalogue(int argc, char **argv, const struct build_opts *o,
    struct diag *d, struct edition **edition)
{
	struct catalogue *c = model_new();
	struct edition	 *e;
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
				lspec_check_edition(e, d);
				build_edition_inputs(c, e, d);
				if (edition != NULL && *edition == NULL)
					*edition = e;
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
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	/* Only news when nothing else explains it. */
	if (c->nservices == 0 && diag_count(d, DIAG_FATAL) == 0 &&
	    diag_count(d, DIAG_ERROR) == 0)
		diag(d, D_EMPTY_CATALOGUE, NULL,
		    "the catalogue has no services to print");
	return c;
}

struct catalogue *
build_previous(const struct edition *e, struct diag *d)
{
	struct catalogue *c;
	struct load_opts  opts;

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
	return c;
}
