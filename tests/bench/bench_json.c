/*
 * Times the JSON pull reader on a registry-shaped file: walks
 * {"polozky": [...]} and builds each item's tree in a scratch arena that is
 * reset after every item (what the registry loader does before mapping).
 *
 *	make		# builds build/bench/bench_json
 *	build/bench/bench_json rpss.json
 *
 * Prints items, nodes-arena peak and the elapsed time.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "json.h"

int
main(int argc, char **argv)
{
	struct diag	*d;
	struct json_reader *r;
	struct arena	*a;
	struct timespec	 t0, t1;
	struct srcpos	 pos;
	const char	*key;
	size_t		 items = 0, peak = 0;
	int		 status;

	if (argc != 2) {
		fputs("usage: bench_json FILE\n", stderr);
		return 2;
	}
	d = diag_new(stderr);
	a = arena_new();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((r = json_reader_open(argv[1], d)) == NULL)
		return 3;
	if (json_begin_object(r, &pos))
		while (json_next_key(r, &key, NULL)) {
			if (strcmp(key, "polozky") != 0 ||
			    !json_begin_array(r, NULL)) {
				json_skip_value(r);
				continue;
			}
			while (json_next_item(r)) {
				if (json_read_value(r, a) == NULL)
					break;
				items++;
				if (arena_used(a) > peak)
					peak = arena_used(a);
				arena_reset(a);
			}
		}
	json_reader_end(r);
	json_reader_close(r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	diag_flush(d);
	printf("%zu items, largest item tree %zu bytes, %.3f s\n", items, peak,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	status = diag_exit_status(d, false);
	arena_free(a);
	diag_free(d);
	return status;
}
