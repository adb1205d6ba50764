/*
 * The edition file (YAML): what one publication is — title, territory, data
 * date, issuer and imprint, foreword, which inputs to load and merge, filters,
 * section structure, layout, publicity block, population and indicators for
 * the workbook, and outputs. Documented for coordinators in
 * samples/edition.md. Every value keeps its position.
 *
 * Paths (inputs, codebook directories, logos, previous data, outputs) are
 * stored resolved against the directory of the edition file; the text as
 * written stays in the position's value for messages.
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
	struct str		 given;		/* the path as written */
	enum input_format	 format;	/* FMT_AUTO when not given */
	bool			 is_override;	/* "doplneni": enriches other inputs */
	struct str		 codebook_dir;	/* registry: MPSV codebooks, optional */
	struct srcpos		 pos;
};

/* How the entry sections are grouped (cleneni). */
enum edition_grouping {
	EDG_TARGET,		/* cilove_skupiny (the default) */
	EDG_SITUATION,		/* zivotni_situace */
	EDG_TYPE		/* druh */
};

/* Parts of the brochure (oddily), in the order of the default list. */
enum edition_section {
	EDS_COVER,		/* obalka */
	EDS_IMPRINT,		/* tiraz */
	EDS_FOREWORD,		/* uvodni_slovo */
	EDS_HOWTO,		/* jak_pouzivat */
	EDS_CONTENTS,		/* obsah */
	EDS_SIGNPOST,		/* rozcestnik */
	EDS_SERVICES,		/* sluzby */
	EDS_RELATED,		/* navazne_sluzby */
	EDS_OFFICES,		/* urady */
	EDS_CRISIS,		/* krizove_linky */
	EDS_INDEXES,		/* rejstriky */
	EDS_BACK,		/* zadni_obalka */
	EDS__MAX
};

struct edition_part {
	enum edition_section	 section;
	struct srcpos		 pos;	/* line 0 when from the default list */
};

/* A whole number >= 0 (print run, population); n == -1 means not given. */
struct edition_count {
	long long	 n;
	struct srcpos	 pos;
};

/* A decimal kept exactly in hundredths (indicator values). */
struct edition_amount {
	bool		 present;
	long long	 x100;		/* 12.5 -> 1250 */
	struct str	 text;		/* as written */
};

struct edition_issuer {
	struct str	 name;		/* vydavatel.nazev */
	struct str	 address;
	struct str	 web;
	struct str	 email;
};

struct edition_imprint {
	struct edition_count	 print_run;	/* naklad */
	struct date		 issued;	/* datum_vydani; y == 0: not given */
	struct str		*sources;	/* zdroje dat */
	size_t			 nsources;
	struct str		 note;
	struct str		 isbn;
};

struct edition_foreword {
	struct str	 heading;	/* nadpis */
	struct str	 text;		/* as written */
	/*
	 * The text split at blank lines, each paragraph's line breaks turned
	 * into spaces; positions are the text's.
	 */
	struct str	*paragraphs;
	size_t		 nparagraphs;
	struct str	 signature;	/* podpis */
};

struct edition_publicity {
	struct str	 project;	/* projekt */
	struct str	 reg_number;	/* registracni_cislo */
	struct str	 text;		/* funding statement */
	struct str	*logos;		/* resolved paths */
	size_t		 nlogos;
};

/* Inhabitants of the territory, for rates per 1 000 in the workbook. */
struct edition_population {
	struct edition_count	 total;		/* celkem */
	struct edition_count	 over65;	/* "65+" */
	struct edition_count	 over80;	/* "80+" */
};

/* An ESF monitoring indicator for the Indikátory sheet. */
struct edition_indicator {
	struct str		 code;		/* kod: "6 70 01" */
	struct str		 name;
	struct str		 unit;
	struct edition_amount	 baseline;	/* vychozi */
	struct edition_amount	 target;	/* cilova */
	struct edition_amount	 achieved;	/* dosazena */
	struct str		 source;
	struct srcpos		 pos;
};

struct edition_outputs {
	struct str	 pdf;		/* reader PDF */
	struct str	 print;		/* tisk: print PDF with bleed */
	struct str	 booklet;	/* brozura: imposed A5 booklet */
	struct str	 xlsx;
};

/*
 * One variant of the edition (varianty): the same data and texts with its
 * own title, narrower filters and its own outputs, e.g. one brochure per
 * municipality or one for seniors only. Checked when the file is read;
 * edition_for_variant() makes the edition to render.
 */
struct edition_variant {
	struct str		 id;		/* ASCII letters, digits, - and _ */
	struct str		 title;		/* nazev; s NULL: the edition's */
	struct str		 subtitle;	/* podtitul; s NULL: the edition's */
	struct str		 territory;	/* uzemi; s NULL: the edition's */
	struct str		 layout;	/* rozvrzeni; s NULL: the edition's */
	struct str		*municipalities; /* filtry.obce as written and */
	const char		**obce;		/* the same as load filters; */
	size_t			 nobce;		/* 0: the edition's */
	struct coderef		*target_filter;	/* filtry.cilove_skupiny; */
	size_t			 ntarget_filter; /* 0: the edition's */
	struct edition_outputs	 outputs;	/* vystupy, resolved */
	struct srcpos		 pos;
};

struct edition {
	struct arena		*arena;		/* owns the edition and its strings */
	const char		*file;		/* interned path of the edition file */
	struct str		 title;
	struct str		 subtitle;
	struct str		 territory;	/* "ORP Kroměříž" */
	struct str		*municipalities; /* names or codes it covers */
	size_t			 nmunicipalities;
	struct str		 year;
	struct str		 edition_no;	/* "3. vydání" */
	struct date		 data_date;	/* údaje k … */
	struct edition_issuer	 issuer;	/* vydavatel */
	struct edition_imprint	 imprint;	/* tiraz */
	struct edition_foreword	 foreword;	/* uvodni_slovo */
	struct edition_input	*inputs;	/* readable inputs, in order */
	size_t			 ninputs;
	struct load_opts	 filter;	/* territory and date filters */
	struct srcpos		 active_pos;	/* of filtry.aktivni_k; line 0 = default */
	struct coderef		*target_filter;	/* only these target groups */
	size_t			 ntarget_filter;
	enum edition_grouping	 grouping;	/* cleneni */
	struct srcpos		 grouping_pos;
	struct str		 layout;	/* rozvrzeni: layout name or path */
	struct edition_part	*parts;		/* oddily, in order */
	size_t			 nparts;
	struct edition_publicity publicity;	/* publicita */
	struct edition_population population;	/* obyvatele */
	struct edition_indicator *indicators;	/* ukazatele */
	size_t			 nindicators;
	struct str		 previous_data;	/* predchozi_data, resolved */
	struct edition_outputs	 outputs;	/* vystupy, resolved */
	struct edition_variant	*variants;	/* varianty, in order */
	size_t			 nvariants;
	/* In an edition made by edition_for_variant(): which; else NULL. */
	const struct edition_variant *variant;
};

/*
 * Reads and checks an edition file. Returns NULL when the file cannot be
 * read or is not YAML (reported); otherwise an edition, possibly with
 * reported errors in it (a missing input file is reported and left out of
 * inputs). Free with edition_free().
 */
struct edition	*edition_load(const char *path, struct diag *);

/*
 * The same over a buffer (also the fuzzing entry point): file names the
 * edition for positions and is the base for relative paths.
 */
struct edition	*edition_parse(const char *file, const char *buf, size_t len,
		    struct diag *);

void		 edition_free(struct edition *);

/*
 * The edition to render for variant i (0 <= i < e->nvariants): a copy of
 * e with the variant's nazev, podtitul and uzemi, its filters in place of
 * the edition's (already narrowed to them when the file was read: a
 * variant never lists more than the edition), its outputs, no variants of
 * its own and ->variant set. A variant with its own obce has no
 * population (obyvatele counts the whole territory), so no rates. Everything the pipeline needs is there, so
 * that it runs per variant unchanged. The copy has its own arena but
 * shares e's strings and arrays: free it with edition_free() before e.
 * Returns NULL when i is out of range. Every check is made when the file
 * is read, so nothing is reported to d today.
 */
struct edition	*edition_for_variant(const struct edition *e, size_t i,
		    struct diag *d);

/* Key names as written in the file: "sluzby", "cilove_skupiny". */
const char	*edition_section_name(enum edition_section);
const char	*edition_grouping_name(enum edition_grouping);

#endif
