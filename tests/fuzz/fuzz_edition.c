/*
 * libFuzzer harness for the edition file (edition.c over yaml.c): any bytes
 * given to edition_parse() must give either NULL with a reported error or an
 * edition whose values all carry positions in the file. Paths in the input
 * resolve under a directory that does not exist, so no real file is read.
 * Seed corpus: tests/fuzz/corpus/fuzz_edition/ (complete editions and each
 * kind of mistake from tests/regress/edition/).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "codebook.h"
#include "diag.h"
#include "edition.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_str(const struct str *s, const char *file)
{
	if (s->s != NULL && (s->pos.file != file || s->pos.line < 1))
		abort();
}

static void
check(const struct edition *e)
{
	size_t	 i;

	check_str(&e->title, e->file);
	check_str(&e->territory, e->file);
	for (i = 0; i < e->nmunicipalities; i++)
		check_str(&e->municipalities[i], e->file);
	for (i = 0; i < e->ninputs; i++)
		if (e->inputs[i].path.s == NULL)
			abort();
	for (i = 0; i < e->ntarget_filter; i++)
		if (e->target_filter[i].item == NULL)
			abort();
	if (e->nparts == 0 || e->nparts > EDS__MAX)
		abort();
	for (i = 0; i < e->nparts; i++)
		if (e->parts[i].section >= EDS__MAX)
			abort();
	for (i = 0; i < e->foreword.nparagraphs; i++)
		if (e->foreword.paragraphs[i].s[0] == '\0')
			abort();
	if (e->data_date.y != 0 && e->filter.active_on.y == 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 init;
	struct diag	*d;
	struct edition	*e;

	if (!init) {
		cb_init();
		init = true;
	}
	d = diag_new(NULL);
	e = edition_parse("/nonexistent-mapa-fuzz/edice.yaml",
	    (const char *)data, size, d);
	if (e == NULL && diag_count(d, DIAG_ERROR) == 0)
		abort();
	if (e != NULL) {
		/* Empty or non-mapping files have no parts; the rest must. */
		if (e->title.s != NULL || e->ninputs > 0 || e->data_date.y)
			check(e);
		edition_free(e);
	}
	diag_flush(d);
	diag_free(d);
	return 0;
}
