/*
 * Times the streaming registry import (load_registry_file) with the filters
 * an edition would pass, and prints what was kept. Run it under
 * /usr/bin/time -v for the peak memory.
 *
 *	make		# builds build/bench/bench_registry
 *	build/bench/bench_registry rpss.json --kraj CZ072 --date 2026-09-01 \
 *	    --ciselniky ciselniky/
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "codebook.h"
#include "diag.h"
#include "load.h"
#include "model.h"

int
main(int argc, char **argv)
{
	struct load_opts o;
	struct catalogue *c;
	struct diag	*d;
	struct timespec	 t0, t1;
	const char	*kraje[8], *okresy[8], *obce[8];
	size_t		 i, places = 0;
	int		 k;

	memset(&o, 0, sizeof o);
	o.kraje = kraje;
	o.okresy = okresy;
	o.obce = obce;
	if (argc < 2) {
		fputs("usage: bench_registry FILE [--kraj K] [--okres O] "
		    "[--obec X] [--date D] [--ciselniky DIR]\n", stderr);
		return 2;
	}
	for (k = 2; k + 1 < argc; k += 2) {
		if (strcmp(argv[k], "--kraj") == 0 && o.nkraje < 8)
			kraje[o.nkraje++] = argv[k + 1];
		else if (strcmp(argv[k], "--okres") == 0 && o.nokresy < 8)
			okresy[o.nokresy++] = argv[k + 1];
		else if (strcmp(argv[k], "--obec") == 0 && o.nobce < 8)
			obce[o.nobce++] = argv[k + 1];
		else if (strcmp(argv[k], "--date") == 0)
			date_parse(argv[k + 1], &o.active_on);
		else if (strcmp(argv[k], "--ciselniky") == 0)
			o.codebook_dir = argv[k + 1];
	}
	cb_init();
	d = diag_new(stderr);
	c = model_new();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	load_registry_file(c, argv[1], &o, d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (i = 0; i < c->nservices; i++)
		places += c->services[i]->nplaces;
	printf("%zu services, %zu places, %zu providers, %zu MB in the "
	    "catalogue arena, %.3f s\n", c->nservices, places, c->nproviders,
	    arena_used(c->arena) >> 20,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	diag_flush(d);
	model_free(c);
	diag_free(d);
	return 0;
}
