/*
 * libFuzzer harness for the katalog.json loader and the merge step after
 * it. Each input is loaded twice into one catalogue — once as an ordinary
 * input, once as an override with a date and territorial filter — so that
 * grouping, filtering, conflicts and merging all see fuzzed data.
 * Seed corpus: tests/fuzz/corpus/fuzz_katalog/ (the real extract and small
 * hand-made documents).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codebook.h"
#include "diag.h"
#include "load.h"
#include "merge.h"
#include "model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 init;
	static const char *kraje[] = { "Kraj/141", "CZ032" };
	static const char *obce[] = { "Klášter", "545058" };
	struct load_opts o = { 0 };
	struct catalogue *c;
	struct diag	*d;

	if (!init) {
		cb_init();
		init = true;
	}
	d = diag_new(NULL);
	c = model_new();
	load_katalog(c, diag_file(d, "fuzz.json"), (const char *)data, size,
	    &o, d);
	o.input = 1;
	o.is_override = true;
	o.active_on = (struct date){ 2026, 9, 1, { NULL, 0, 0 } };
	o.kraje = kraje, o.nkraje = 2;
	o.obce = obce, o.nobce = 2;
	load_katalog(c, diag_file(d, "fuzz2.json"), (const char *)data, size,
	    &o, d);
	merge_catalogue(c, d);
	diag_flush(d);
	model_free(c);
	diag_free(d);
	return 0;
}
