/*
 * The catalogue model: one in-memory picture of everything a "mapa pomoci"
 * edition prints or tabulates, whatever format it was loaded from. Loaders
 * fill it (load_*.c), validation checks and repairs it (validate.c), and
 * from then on every later stage reads it through const pointers.
 *
 * Every value that came from a file keeps its source position, so that a
 * semantic problem found later ("IČO fails its checksum") points at the
 * exact value. Strings are UTF-8, allocated in the catalogue's arena.
 */
#ifndef MAPA_MODEL_H
#define MAPA_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "codebook.h"
#include "diag.h"

struct arena;
struct strmap;

/* A text value with its position. s == NULL means absent. */
struct str {
	const char	*s;
	struct srcpos	 pos;
};

/* A calendar date; y == 0 means absent. */
struct date {
	int		 y, m, d;
	struct srcpos	 pos;
};

/* A reference to a codebook item with the position it was written at. */
struct coderef {
	const struct cb_item	*item;
	struct srcpos		 pos;
};

/*
 * Phone numbers are stored normalised: 9 digits for Czech numbers
 * ("585562109"), 3 or 6 digits for short numbers ("112", "116111"), or "+"
 * and digits for foreign ones ("+421212345678"). Printing them grouped is
 * the typography stage's job. Web addresses are stored as written but
 * trimmed; e-mail addresses as written.
 */
struct contacts {
	struct str	*phones;
	size_t		 nphones;
	struct str	*emails;
	size_t		 nemails;
	struct str	*webs;
	size_t		 nwebs;
};

struct address {
	bool		 present;
	struct str	 street;	/* ulice; absent in villages without streets */
	struct str	 house;		/* číslo domovní (č. p. or č. ev.) */
	bool		 evidence;	/* house is číslo evidenční (č. ev.) */
	struct str	 orient;	/* číslo orientační, e.g. "19", "93/11" */
	struct str	 part;		/* část obce */
	struct str	 municipality;	/* obec */
	struct str	 municipality_code; /* kód obce, 6 digits */
	struct str	 psc;		/* 5 digits, no space */
	struct str	 district;	/* okres */
	struct str	 region;	/* kraj */
	struct str	 region_code;	/* NUTS 3, e.g. "CZ072" */
	struct str	 note;		/* dodatek: "budova B, 2. patro" */
	long long	 ruian;		/* kód adresního místa; 0 = none */
	struct srcpos	 pos;
};

struct place {
	struct str	 name;
	struct address	 addr;
	struct str	 note;
	struct srcpos	 pos;
};

struct capacity {
	const struct cb_item	*unit;	/* CB_UNIT; never NULL once validated */
	long long		 count;
	struct str		 note;	/* "okamžitá kapacita", registry popis */
	struct srcpos		 pos;
};

struct service_form {
	const struct cb_item	*form;	/* CB_FORM */
	struct capacity		*caps;
	size_t			 ncaps;
	struct srcpos		 pos;
};

/* Opening hours: either nonstop, or ranges per weekday, and/or a note. */
struct hours_range {
	unsigned	 days;		/* bit 0 = pondělí … bit 6 = neděle */
	int		 from, to;	/* minutes after midnight; to may be 1440 */
	struct srcpos	 pos;
};

struct hours {
	bool			 present;
	bool			 nonstop;
	struct hours_range	*ranges;
	size_t			 nranges;
	struct str		 note;	/* "po domluvě", "jen ve školním roce" */
};

enum tri { TRI_UNKNOWN, TRI_NO, TRI_YES, TRI_PARTLY };

enum fee { FEE_UNKNOWN, FEE_FREE, FEE_PAID, FEE_PARTLY };

/* Room for the funding sources of src/codebooks/funds.tsv (checked at start). */
#define MODEL_MAX_FUNDS	16

/*
 * Money is kept in haléře (1/100 Kč) and FTE in hundredths, so that sums
 * are exact; -1 means "not given".
 */
struct year_figures {
	int		 year;
	long long	 clients;		/* uživatelé za rok */
	long long	 fte_direct;		/* úvazky v přímé péči ×100 */
	long long	 fte_other;		/* ostatní úvazky ×100 */
	long long	 costs;			/* náklady celkem, haléře */
	long long	 costs_personnel;	/* z toho osobní */
	long long	 revenue[MODEL_MAX_FUNDS];	/* by CB_FUND index, haléře */
	struct capacity	*caps;			/* capacity in that year */
	size_t		 ncaps;
	struct srcpos	 pos;
};

struct provider {
	int		 index;		/* position in catalogue.providers */
	int		 input;		/* which input file (edition order) */
	struct str	 key;		/* id used by services to refer to it */
	struct str	 name;
	struct str	 legal_form;	/* "zapsaný ústav", "příspěvková organizace" */
	struct str	 ico;		/* 8 digits, text (leading zeros kept) */
	struct str	 dic;
	struct address	 seat;		/* sídlo */
	struct contacts	 contacts;
	struct srcpos	 pos;
};

struct service {
	int			 index;		/* position in catalogue.services */
	int			 input;		/* which input file (edition order) */
	bool			 is_override;	/* from an override input (merge.c) */
	const char		*origin;	/* "native", "registry", "katalog", "csv" */
	struct str		 ident;		/* identifikátor: 7 digits */
	struct str		 source_id;	/* id in the source, e.g. "mpsv-7583" */
	struct str		 name;
	struct str		 provider_ref;	/* as written: provider key or IČO */
	struct provider		*provider;	/* resolved by model_link() */
	const struct cb_type	*type;
	struct srcpos		 type_pos;
	struct service_form	*forms;
	size_t			 nforms;
	struct coderef		*targets;	/* CB_TARGET */
	size_t			 ntargets;
	struct coderef		*ages;		/* CB_AGE */
	size_t			 nages;
	struct str		 age_note;	/* "od 15 let", free text */
	struct place		*places;	/* místa poskytování */
	size_t			 nplaces;
	struct str		 area;		/* územní působnost, free text */
	struct str		*area_municipalities;	/* obce působnosti */
	size_t			 narea_municipalities;
	struct contacts		 contacts;
	struct hours		 hours;
	enum fee		 fee;
	struct str		 fee_note;
	struct str		 description;	/* poslání a popis */
	struct str		*activities;	/* základní činnosti */
	size_t			 nactivities;
	enum tri		 barrier_free;
	struct str		 barrier_note;
	struct str		*languages;
	size_t			 nlanguages;
	struct date		 from, to;	/* registrace: poskytováno od/do */
	struct str		 qr_url;	/* odkaz pro QR kód, if wanted */
	struct year_figures	*figures;
	size_t			 nfigures;
	struct srcpos		 pos;
	bool			 dropped;	/* validation removed it */
};

/*
 * Related services (návazné služby), offices and institutions, and crisis
 * lines share one shape: a named listing with contacts.
 */
enum listing_kind { LIST_RELATED, LIST_OFFICE, LIST_CRISIS };

struct listing {
	enum listing_kind kind;
	int		 index;
	struct str	 id;
	struct str	 name;
	struct str	 category;	/* "zdravotní péče", "dluhové poradenství" */
	struct str	 audience;	/* "pro děti a mládež do 26 let" */
	struct str	 description;
	struct address	 addr;
	struct contacts	 contacts;
	struct hours	 hours;
	struct srcpos	 pos;
};

/* A question in the signpost ("Pečuji o blízkého člověka…") → services. */
struct situation {
	int		 index;
	struct str	 id;
	struct str	 question;
	struct str	 group;		/* heading the question stands under */
	struct str	*refs;		/* identifikátory as written */
	size_t		 nrefs;
	struct service	**services;	/* resolved by model_link() */
	size_t		 nservices;
	struct srcpos	 pos;
};

struct catalogue {
	struct arena		*arena;	/* owns every string and node */
	struct provider		**providers;
	size_t			 nproviders, capproviders;
	struct service		**services;
	size_t			 nservices, capservices;
	struct listing		**listings;	/* all kinds, in input order */
	size_t			 nlistings, caplistings;
	struct situation	**situations;
	size_t			 nsituations, capsituations;
	struct str		 data_date_text;
	struct date		 data_date;	/* "údaje k" of the data file */
	/* Lookup indexes, rebuilt on demand after additions (model.c). */
	struct strmap		*provider_index, *service_index;
	bool			 index_stale;
};

/* Creates an empty catalogue with its own arena; free with model_free(). */
struct catalogue	*model_new(void);
void			 model_free(struct catalogue *);

/* Allocate a zeroed object in the catalogue and append it (index set). */
struct provider		*model_add_provider(struct catalogue *);
struct service		*model_add_service(struct catalogue *);
struct listing		*model_add_listing(struct catalogue *, enum listing_kind);
struct situation	*model_add_situation(struct catalogue *);

/* Copies s into the catalogue's arena with pos (s may be NULL). */
struct str		 model_str(struct catalogue *, const char *s,
			    const struct srcpos *pos);
/* Arena array of n zeroed elements of size sz. */
void			*model_array(struct catalogue *, size_t n, size_t sz);

/*
 * Finds a provider by key or by IČO; NULL if none. Hash lookups: the index
 * is rebuilt after additions; call model_touch() after changing a key, an
 * IČO, an identifikátor or a dropped flag by hand.
 */
struct provider		*model_find_provider(struct catalogue *, const char *);
/* Finds a live (not dropped) service by identifikátor or source id. */
struct service		*model_find_service(struct catalogue *, const char *);
void			 model_touch(struct catalogue *);

/*
 * Resolves references (service → provider, situation → services), reporting
 * unknown ones, then removes dropped services and renumbers indexes.
 */
void			 model_link(struct catalogue *, struct diag *);

/* Removes dropped services from the array (keeps order) and renumbers. */
void			 model_compact(struct catalogue *);

/*
 * Equality of values, for merging inputs and reporting conflicts. Texts are
 * equal when their bytes are (no folding of case or spaces); positions never
 * count. An absent text (s == NULL) equals only another absent text, never
 * "". Lists are equal when they have the same length and are equal item by
 * item in the same order. Codebook references are equal when they name the
 * same item; capacities when unit, count and note are; forms when the form
 * and its capacities are; addresses when every field is (both absent counts
 * as equal).
 */
bool			 model_str_eq(const struct str *, const struct str *);
bool			 model_strs_eq(const struct str *, size_t,
			    const struct str *, size_t);
bool			 model_codes_eq(const struct coderef *, size_t,
			    const struct coderef *, size_t);
bool			 model_caps_eq(const struct capacity *, size_t,
			    const struct capacity *, size_t);
bool			 model_forms_eq(const struct service_form *, size_t,
			    const struct service_form *, size_t);
bool			 model_address_eq(const struct address *,
			    const struct address *);

/* Sets every figure of y to "not given" (-1); loaders call it first. */
void			 model_figures_init(struct year_figures *);

/* Dates: parse "2026-09-01" or "1. 9. 2026"; false if malformed or impossible. */
bool			 date_parse(const char *, struct date *);
int			 date_cmp(const struct date *, const struct date *);
bool			 date_valid(int y, int m, int d);

#endif
