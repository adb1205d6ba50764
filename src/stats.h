/*
 * Statistics of a validated catalogue: every count, capacity and sum that
 * the XLSX appendices print (and that the PDF will print), computed once
 * here so that both outputs show the same totals. Pure: reads the model,
 * writes nothing, knows nothing about spreadsheets.
 *
 * Counting rules (the workbook's first sheet states them for readers):
 *  - Capacity is counted per registration: a service's capacity in a unit
 *    is the sum of its forms' capacities in that unit, never multiplied by
 *    its places. Different units (beds, clients, interventions, contacts,
 *    calls) are never added together.
 *  - The municipalities of a service are those of its places (místa
 *    poskytování). A service with places in two municipalities counts, with
 *    its whole capacity, in both columns of a by-municipality table, but
 *    once in every total; so a by-municipality row may add up to more than
 *    its total. A service without any place municipality counts in the
 *    column "no municipality" (index nmunis).
 *  - A service with several forms or target groups counts under each of
 *    them; such tables have no meaningful column total.
 *  - Money is in haléře and FTE in hundredths (exact sums). A yearly figure
 *    that was not given (-1) is left out of its sum.
 */
#ifndef MAPA_STATS_H
#define MAPA_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "codebook.h"
#include "model.h"

#define STATS_MAX_UNITS	8	/* CB_UNIT items (checked at run time) */
#define STATS_MAX_FORMS	4	/* CB_FORM items */
#define STATS_NGROUPS	4	/* enum svc_group */

/* Services counted in one cell of a table, and their capacity by unit. */
struct stats_cell {
	long long	 services;
	long long	 cap[STATS_MAX_UNITS];	/* by CB_UNIT index */
};

/* The yearly figures (ukazatele) of all services for one year, summed. */
struct stats_year {
	int		 year;
	long long	 services;	/* services with figures for the year */
	long long	 clients;	/* uživatelé, of those that give them */
	long long	 fte_direct;	/* hundredths */
	long long	 fte_other;	/* hundredths */
	long long	 costs;		/* haléře */
	long long	 costs_personnel;
	long long	 costs_given;	/* services that give their costs */
	long long	 revenue[MODEL_MAX_FUNDS];	/* haléře by CB_FUND index */
	long long	 revenue_total;
	long long	 revenue_given;	/* services with at least one revenue */
};

/* Which population a rate per 1 000 inhabitants divides by. */
enum stats_pop {
	STATS_POP_TOTAL,	/* obyvatele.celkem */
	STATS_POP_65,		/* obyvatele."65+" */
	STATS_POP_80		/* obyvatele."80+" */
};

/*
 * An availability indicator: the capacity in one unit of some service types
 * (by § or, when paras is empty, by group) per 1 000 inhabitants of a
 * population. unit NULL counts services instead of capacity.
 */
struct stats_rate_def {
	const char	*label;		/* Czech, for the table */
	const char	*paras[4];	/* "49", "50"; NULL-terminated */
	int		 group;		/* enum svc_group when paras[0] is NULL */
	const char	*unit;		/* CB_UNIT code, or NULL */
	enum stats_pop	 pop;
};

struct stats_rate {
	const struct stats_rate_def *def;
	long long	 value;		/* capacity (or services) */
	long long	 population;	/* -1 when the edition does not give it */
	double		 per1000;	/* value * 1000 / population; 0 without one */
};

/* What the catalogue alone does not say. */
struct stats_opts {
	/*
	 * Municipalities to list first, in this order (the edition's uzemi.obce):
	 * names, or 6-digit codes matched against the places' kod_obce. Listed
	 * even when no service has a place there.
	 */
	const char *const *order;
	size_t		 norder;
	long long	 pop[3];	/* by enum stats_pop; -1 = not given */
};

struct stats {
	size_t		 nunits, nforms, ntypes, ntargets, nfunds;
	size_t		 nservices;
	size_t		 nproviders;	/* distinct providers of those services */
	unsigned	 units_used;	/* bit per CB_UNIT index that has a capacity */
	long long	 unit_services[STATS_MAX_UNITS]; /* services with the unit */
	struct stats_cell total;	/* every service once */
	struct stats_cell *by_type;	/* [ntypes], by cb_type index */
	struct stats_cell by_group[STATS_NGROUPS];
	/*
	 * Municipalities in column order: the ordered ones first, then the
	 * others in Czech alphabetical order. Copies owned by the stats.
	 */
	char		**munis;
	size_t		 nmunis;
	struct stats_cell *by_type_muni;	/* [ntypes * (nmunis + 1)] */
	struct stats_cell *by_group_muni;	/* [STATS_NGROUPS * (nmunis + 1)] */
	struct stats_cell *by_muni;	/* [nmunis + 1] */
	struct stats_cell by_form[STATS_MAX_FORMS];	/* that form's capacities */
	struct stats_cell *by_form_muni;	/* [STATS_MAX_FORMS * (nmunis + 1)] */
	struct stats_cell *by_target;	/* [ntargets] */
	struct stats_year *years;	/* ascending by year */
	size_t		 nyears;
	int		 ref_year;	/* latest year with figures; 0 = none */
	struct stats_rate *rates;	/* one per stats_rate_defs() entry */
	size_t		 nrates;
};

/*
 * Computes the statistics of c (a validated, linked catalogue; dropped
 * services are skipped). opts may be NULL (no order, no population). The
 * result does not point into c or opts; free it with stats_free().
 */
struct stats	*stats_compute(const struct catalogue *c,
		    const struct stats_opts *opts);
void		 stats_free(struct stats *);

/* The cell of type index t (or group g) in municipality column m. */
const struct stats_cell *stats_type_muni(const struct stats *, size_t t,
		    size_t m);
const struct stats_cell *stats_group_muni(const struct stats *, size_t g,
		    size_t m);
/* Services with form index f in municipality column m (no capacities). */
const struct stats_cell *stats_form_muni(const struct stats *, size_t f,
		    size_t m);
/* The column of a municipality name, or -1. */
long		 stats_muni_index(const struct stats *, const char *name);
/* The year's sums, or NULL when no service has figures for it. */
const struct stats_year *stats_year(const struct stats *, int year);

/* The rate definitions, in the order of stats.rates. */
const struct stats_rate_def *stats_rate_defs(size_t *n);

/*
 * Per service, the same rules the tables use. stats_service_caps() fills
 * cap[] (by CB_UNIT index, summed over forms) and returns the bit mask of
 * the units the service has. stats_service_munis() stores the distinct
 * municipality names of the places, in place order, into out (room for
 * s->nplaces entries; pointers into the catalogue) and returns how many.
 * stats_service_year() returns the figures for a year, or NULL.
 */
unsigned	 stats_service_caps(const struct service *,
		    long long cap[STATS_MAX_UNITS]);
size_t		 stats_service_munis(const struct service *, const char **out);
const struct year_figures *stats_service_year(const struct service *,
		    int year);

#endif
