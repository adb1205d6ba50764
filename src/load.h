/*
 * Loaders: each input format becomes part of one catalogue model.
 *
 *   native    mapa's own JSON catalogue (samples/README.md)
 *   registry  MPSV open data rpss.json, streamed (samples/registry/README.md)
 *   katalog   the open senior-services catalogue katalog.json
 *   csv       spreadsheet exports with Czech headers (samples/csv/README.md)
 *
 * Loaders check syntax and types and map values into the model with their
 * positions; semantic checks (IČO checksum, phone numbers, …) are
 * validate.c's job and run once over the whole model.
 */
#ifndef MAPA_LOAD_H
#define MAPA_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

enum input_format {
	FMT_AUTO,	/* decided by load_sniff() */
	FMT_NATIVE,
	FMT_REGISTRY,
	FMT_KATALOG,
	FMT_CSV,
	FMT_EDITION	/* not data: an edition file (YAML) */
};

/* Options that filter what an import keeps. Zeroed = keep everything. */
struct load_opts {
	struct date	 active_on;	/* keep services active on this date */
	const char	**kraje;	/* NUTS 3 ("CZ072") or RÚIAN ("Kraj/141", "141") */
	size_t		 nkraje;
	const char	**okresy;	/* LAU 1 ("CZ0721") or RÚIAN ("Okres/3708") */
	size_t		 nokresy;
	const char	**obce;		/* ČSÚ codes ("588296") or names */
	size_t		 nobce;
	const char	*codebook_dir;	/* MPSV codebook files, optional */
	int		 input;		/* index of this input in the edition */
	bool		 is_override;	/* records enrich others (merge.c) */
};

/* Guesses the format from the name and the first bytes of the file. */
enum input_format load_sniff(const char *path, const char *head, size_t len);
/*
 * Reads the first bytes of a file and guesses its format with load_sniff().
 * Returns false (reported as D_IO) when the file cannot be opened.
 */
bool		 load_sniff_file(const char *path, enum input_format *,
		    struct diag *);
const char	*load_format_name(enum input_format);
/* Parses "native", "registr", "katalog", "csv" (and English names). */
enum input_format load_format_from_name(const char *);

/*
 * Loads one file into c. Returns false when the file could not be read or
 * parsed at all (reported); bad records inside a readable file are reported
 * and skipped, and the function still returns true.
 */
bool	load_file(struct catalogue *, const char *path, enum input_format,
	    const struct load_opts *, struct diag *);

/* The loaders, over memory (the registry one also streams from a file). */
bool	load_native(struct catalogue *, const char *file, const char *buf,
	    size_t len, const struct load_opts *, struct diag *);
bool	load_katalog(struct catalogue *, const char *file, const char *buf,
	    size_t len, const struct load_opts *, struct diag *);
bool	load_csv(struct catalogue *, const char *file, const char *buf,
	    size_t len, const struct load_opts *, struct diag *);
bool	load_registry_file(struct catalogue *, const char *path,
	    const struct load_opts *, struct diag *);
bool	load_registry_mem(struct catalogue *, const char *file,
	    const char *buf, size_t len, const struct load_opts *, struct diag *);

#endif
