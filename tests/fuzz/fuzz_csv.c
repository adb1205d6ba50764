/*
 * libFuzzer harness for the CSV reader and the CSV loader. Each input is
 * first read by csv_read() alone, asking csv_value_pos() for every byte
 * offset of every field (the position walk must stay inside the text and
 * never go backwards); then it is loaded twice into one catalogue — once as
 * an ordinary input, once as an enrichment input with a date and
 * territorial filter — and merged and validated, so that grouping,
 * conflicts, hours, numbers and filters all see fuzzed data.
 * Seed corpus: tests/fuzz/corpus/fuzz_csv/ (the regress inputs, including
 * windows-1250 and UTF-16 files).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "codebook.h"
#include "csv.h"
#include "diag.h"
#include "load.h"
#include "merge.h"
#include "model.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
walk_positions(const struct csv *c, const struct csv_field *f)
{
	struct srcpos	 prev = f->pos, pos;
	size_t		 off, step = f->len / 32 + 1;

	/* A sample of offsets: each walk is linear in the field. */
	for (off = 0; off <= f->len; off += step) {
		pos = csv_value_pos(c, f, off);
		if (pos.line < prev.line || (pos.line == prev.line &&
		    pos.col < prev.col))
			abort();
		prev = pos;
	}
}

static void
read_only(const uint8_t *data, size_t size)
{
	struct diag	*d = diag_new(NULL);
	struct csv	*c;
	size_t		 i, j;

	c = csv_read(diag_file(d, "fuzz.csv"), (const char *)data, size, d);
	if (c != NULL) {
		for (j = 0; j < c->header.n; j++)
			walk_positions(c, &c->header.fields[j]);
		for (i = 0; i < c->nrows; i++)
			for (j = 0; j < c->rows[i].n; j++)
				walk_positions(c, &c->rows[i].fields[j]);
	}
	csv_free(c);
	diag_flush(d);
	diag_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 init;
	static const char *kraje[] = { "CZ072", "Zlínský kraj" };
	static const char *obce[] = { "Kroměříž", "588296" };
	struct load_opts o = { 0 };
	struct catalogue *c;
	struct diag	*d;

	if (!init) {
		cb_init();
		init = true;
	}
	read_only(data, size);
	d = diag_new(NULL);
	c = model_new();
	load_csv(c, diag_file(d, "fuzz.csv"), (const char *)data, size, &o, d);
	o.input = 1;
	o.is_override = true;
	load_csv(c, diag_file(d, "fuzz2.csv"), (const char *)data, size, &o,
	    d);
	o.input = 2;
	o.is_override = false;
	o.active_on = (struct date){ 2026, 9, 1, { NULL, 0, 0 } };
	o.kraje = kraje, o.nkraje = 2;
	o.obce = obce, o.nobce = 2;
	load_csv(c, diag_file(d, "fuzz3.csv"), (const char *)data, size, &o,
	    d);
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	diag_flush(d);
	model_free(c);
	diag_free(d);
	return 0;
}
