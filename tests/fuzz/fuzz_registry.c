/*
 * libFuzzer harness for the MPSV registry loader (load_registry_mem). The
 * first byte chooses the options — a date filter and a territorial filter
 * by kraj, okres or obec — and the rest is the rpss.json text. The loaded
 * catalogue then goes through merging, validation and linking, so that
 * whatever the loader lets in is exercised downstream; every mapped value
 * must carry a position in the file. Seed corpus:
 * tests/fuzz/corpus/fuzz_registry/.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "diag.h"
#include "load.h"
#include "merge.h"
#include "model.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_str(const struct str *s, const char *file)
{
	if (s->s != NULL && (s->pos.file != file || s->pos.line < 1 ||
	    s->pos.col < 1))
		abort();
}

static void
check(const struct catalogue *c, const char *file)
{
	size_t		 i, j;
	struct service	*s;

	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		check_str(&s->ident, file);
		check_str(&s->name, file);
		check_str(&s->provider_ref, file);
		if (s->type == NULL || strcmp(s->origin, "registry") != 0)
			abort();
		for (j = 0; j < s->nplaces; j++) {
			check_str(&s->places[j].addr.municipality_code, file);
			check_str(&s->places[j].addr.street, file);
		}
		for (j = 0; j < s->nforms; j++)
			if (s->forms[j].form == NULL)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 ready;
	static const char *kraje[] = { "Kraj/141", "19" };
	static const char *okresy[] = { "3708" };
	static const char *obce[] = { "Obec/588296", "Hulín" };
	struct load_opts o;
	struct catalogue *c;
	struct diag	*d;

	if (!ready) {
		cb_init();
		ready = true;
	}
	if (size < 1)
		return 0;
	memset(&o, 0, sizeof o);
	if (data[0] & 1)
		date_parse("2026-09-01", &o.active_on);
	if (data[0] & 2) {
		o.kraje = kraje;
		o.nkraje = 2;
	}
	if (data[0] & 4) {
		o.okresy = okresy;
		o.nokresy = 1;
	}
	if (data[0] & 8) {
		o.obce = obce;
		o.nobce = 2;
	}
	o.is_override = (data[0] & 16) != 0;
	d = diag_new(NULL);
	c = model_new();
	load_registry_mem(c, "fuzz.json", (const char *)data + 1, size - 1,
	    &o, d);
	check(c, diag_file(d, "fuzz.json"));
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	model_free(c);
	diag_free(d);
	return 0;
}
