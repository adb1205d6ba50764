/*
 * libFuzzer harness for the native catalogue loader (load_native.c) and the
 * validation that runs over what it produced. Each input is loaded twice
 * into one catalogue — as an ordinary input and as an override — then
 * merged, validated and linked, so that every later stage sees whatever
 * the loader let through.
 * Seed corpus: tests/fuzz/corpus/fuzz_native/ (samples/priklad.json and
 * small documents with each kind of error).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codebook.h"
#include "diag.h"
#include "load.h"
#include "merge.h"
#include "model.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 init;
	struct load_opts o = { 0 };
	struct catalogue *c;
	struct diag	*d;
	const char	*file;

	if (!init) {
		cb_init();
		init = true;
	}
	d = diag_new(NULL);
	c = model_new();
	file = diag_file(d, "fuzz.json");
	load_native(c, file, (const char *)data, size, &o, d);
	o.input = 1;
	o.is_override = true;
	load_native(c, file, (const char *)data, size, &o, d);
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	model_free(c);
	diag_flush(d);
	diag_free(d);
	return 0;
}
