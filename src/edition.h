/*
 * The edition file (YAML): what one publication is — title, territory, data
 * date, issuer and imprint, foreword, which inputs to load and merge, filters,
 * section structure, layout, publicity block and outputs. Documented in
 * samples/README.md. Every value keeps its position.
 */
#ifndef MAPA_EDITION_H
#define MAPA_EDITION_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "load.h"
#include "model.h"

struct arena;

struct edition_input {
	struct str		 path;		/* resolved relative to the edition file */
	enum input_format	 format;	/* FMT_AUTO when not given */
	bool			 is_override;	/* "doplneni": enriches other inputs */
	struct str		 codebook_dir;	/* registry: MPSV codebooks, optional */
	struct srcpos		 pos;
};

struct edition {
	struct arena		*arena;
	const char		*file;		/* interned path of the edition file */
	struct str		 title;
	struct str		 subtitle;
	struct str		 territory;	/* "ORP Kroměříž" */
	struct str		*municipalities; /* names or codes it covers */
	size_t			 nmunicipalities;
	struct str		 year;
	struct str		 edition_no;	/* "3. vydání" */
	struct date		 data_date;	/* údaje k … */
	struct edition_input	*inputs;
	size_t			 ninputs;
	struct load_opts	 filter;	/* territory and date filters */
	struct coderef		*target_filter;	/* only these target groups */
	size_t			 ntarget_filter;
	struct str		 layout;	/* layout name or path */
	/* The helper that owns edition.c extends this struct. */
};

/*
 * Reads and checks an edition file. Returns NULL when the file cannot be
 * read or parsed (reported); otherwise an edition (possibly with reported
 * errors in it). Free with edition_free().
 */
struct edition	*edition_load(const char *path, struct diag *);
void		 edition_free(struct edition *);

#endif
