/*
 * Statistics of a catalogue (see stats.h for the counting rules). Everything
 * is integer arithmetic on the model's exact values; the only floating point
 * is the rate per 1 000 inhabitants, computed as value * 1000 / population,
 * the order in which the workbook's formula computes it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "stats.h"
#include "strmap.h"
#include "util.h"

static const struct stats_rate_def rate_defs[] = {
	{ "lůžka v domovech pro seniory a domovech se zvláštním režimem "
	  "(§ 49, § 50) na 1 000 obyvatel ve věku 65+",
	  { "49", "50", NULL }, 0, "luzka", STATS_POP_65 },
	{ "klienti osobní asistence a pečovatelské služby (§ 39, § 40) "
	  "na 1 000 obyvatel ve věku 80+",
	  { "39", "40", NULL }, 0, "klient", STATS_POP_80 },
	{ "lůžka služeb sociální péče na 1 000 obyvatel",
	  { NULL }, GROUP_PECE, "luzka", STATS_POP_TOTAL },
	{ "sociální služby celkem na 1 000 obyvatel",
	  { NULL }, -1, NULL, STATS_POP_TOTAL },
};

const struct stats_rate_def *
stats_rate_defs(size_t *n)
{
	*n = NELEM(rate_defs);
	return rate_defs;
}

/* ---- per service ---------------------------------------------------- */

unsigned
stats_service_caps(const struct service *s, long long cap[STATS_MAX_UNITS])
{
	unsigned	 mask = 0;
	size_t		 i, j;
	int		 u;

	memset(cap, 0, STATS_MAX_UNITS * sizeof cap[0]);
	for (i = 0; i < s->nforms; i++)
		for (j = 0; j < s->forms[i].ncaps; j++) {
			if (s->forms[i].caps[j].unit == NULL)
				continue;
			u = s->forms[i].caps[j].unit->index;
			if (u < 0 || u >= STATS_MAX_UNITS)
				continue;
			cap[u] += s->forms[i].caps[j].count;
			mask |= 1u << u;
		}
	return mask;
}

size_t
stats_service_munis(const struct service *s, const char **out)
{
	size_t		 i, j, n = 0;
	const char	*m;

	for (i = 0; i < s->nplaces; i++) {
		m = s->places[i].addr.municipality.s;
		if (m == NULL || m[0] == '\0')
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(out[j], m) == 0)
				break;
		if (j == n)
			out[n++] = m;
	}
	return n;
}

const struct year_figures *
stats_service_year(const struct service *s, int year)
{
	size_t	 i;

	for (i = 0; i < s->nfigures; i++)
		if (s->figures[i].year == year)
			return &s->figures[i];
	return NULL;
}

/* ---- municipality columns ------------------------------------------- */

struct munis {
	struct strmap	*by_name;	/* name → column + 1 */
	char		**names;
	bool		*is_code;	/* the column still shows a code */
	size_t		 n, cap, capcode;
};

static size_t
muni_add(struct munis *mu, const char *name, bool is_code)
{
	if (mu->n == mu->cap)
		grow(&mu->names, &mu->cap, mu->n + 1, sizeof *mu->names);
	if (mu->n == mu->capcode)
		grow(&mu->is_code, &mu->capcode, mu->n + 1,
		    sizeof *mu->is_code);
	mu->names[mu->n] = xstrdup(name);
	mu->is_code[mu->n] = is_code;
	if (!is_code)
		strmap_put(mu->by_name, mu->names[mu->n],
		    (void *)(uintptr_t)(mu->n + 1));
	return mu->n++;
}

static bool
is_muni_code(const char *s)
{
	return strlen(s) == 6 && all_digits(s, 6);
}

/*
 * A code in the edition's order takes the name of the first place with
 * that code; from then on places are matched by name only, as the
 * workbook's formulas match them.
 */
static void
muni_resolve_codes(struct munis *mu, const struct catalogue *c)
{
	size_t			 i, j, k;
	const struct address	*a;

	for (k = 0; k < mu->n; k++) {
		if (!mu->is_code[k])
			continue;
		for (i = 0; i < c->nservices && mu->is_code[k]; i++)
			for (j = 0; j < c->services[i]->nplaces; j++) {
				a = &c->services[i]->places[j].addr;
				if (a->municipality_code.s == NULL ||
				    a->municipality.s == NULL ||
				    a->municipality.s[0] == '\0' ||
				    strcmp(a->municipality_code.s,
				    mu->names[k]) != 0)
					continue;
				mu->is_code[k] = false;
				if (strmap_get(mu->by_name,
				    a->municipality.s) != NULL)
					break;	/* named twice: keep the code */
				free(mu->names[k]);
				mu->names[k] = xstrdup(a->municipality.s);
				strmap_put(mu->by_name, mu->names[k],
				    (void *)(uintptr_t)(k + 1));
				break;
			}
	}
}

struct sortname {
	unsigned char	*key;	/* collation key, NULL without ICU data */
	char		*name;
};

static int
cmp_names(const void *a, const void *b)
{
	const struct sortname *x = a, *y = b;
	int	 r = 0;

	if (x->key != NULL && y->key != NULL)
		r = strcmp((const char *)x->key, (const char *)y->key);
	return r != 0 ? r : strcmp(x->name, y->name);
}

/* Sorts names[from..n) in Czech order (byte order without ICU data). */
static void
muni_sort_rest(struct munis *mu, size_t from)
{
	struct collate	 *col;
	struct sortname	 *v;
	size_t		  i, n = mu->n - from, len;

	if (n < 2)
		return;
	col = collate_new(true);
	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i].name = mu->names[from + i];
		if (col != NULL)
			v[i].key = collate_key(col, v[i].name,
			    strlen(v[i].name), &len);
	}
	qsort(v, n, sizeof *v, cmp_names);
	for (i = 0; i < n; i++) {
		mu->names[from + i] = v[i].name;
		free(v[i].key);
	}
	free(v);
	collate_free(col);
}

/* Builds the columns: the edition's order first, then the others sorted. */
static void
muni_build(struct stats *st, const struct catalogue *c,
    const struct stats_opts *o)
{
	struct munis	 mu = { 0 };
	const char	**names;
	size_t		  i, j, n, nordered;

	mu.by_name = strmap_new();
	for (i = 0; o != NULL && i < o->norder; i++) {
		if (o->order[i] == NULL || o->order[i][0] == '\0')
			continue;
		if (is_muni_code(o->order[i])) {
			for (j = 0; j < mu.n; j++)
				if (strcmp(mu.names[j], o->order[i]) == 0)
					break;
			if (j == mu.n)
				muni_add(&mu, o->order[i], true);
		} else if (strmap_get(mu.by_name, o->order[i]) == NULL)
			muni_add(&mu, o->order[i], false);
	}
	muni_resolve_codes(&mu, c);
	nordered = mu.n;
	for (i = 0; i < c->nservices; i++) {
		const struct service *s = c->services[i];

		if (s->dropped || s->nplaces == 0)
			continue;
		names = xcalloc(s->nplaces, sizeof *names);
		n = stats_service_munis(s, names);
		for (j = 0; j < n; j++)
			if (strmap_get(mu.by_name, names[j]) == NULL)
				muni_add(&mu, names[j], false);
		free(names);
	}
	strmap_free(mu.by_name);
	muni_sort_rest(&mu, nordered);
	free(mu.is_code);
	st->munis = mu.names;
	st->nmunis = mu.n;
}

long
stats_muni_index(const struct stats *st, const char *name)
{
	size_t	 i;

	for (i = 0; i < st->nmunis; i++)
		if (strcmp(st->munis[i], name) == 0)
			return (long)i;
	return -1;
}

/* ---- tables ---------------------------------------------------------- */

static void
cell_add(struct stats_cell *cell, const long long cap[STATS_MAX_UNITS])
{
	size_t	 u;

	cell->services++;
	for (u = 0; u < STATS_MAX_UNITS; u++)
		cell->cap[u] += cap[u];
}

const struct stats_cell *
stats_type_muni(const struct stats *st, size_t t, size_t m)
{
	return &st->by_type_muni[t * (st->nmunis + 1) + m];
}

const struct stats_cell *
stats_group_muni(const struct stats *st, size_t g, size_t m)
{
	return &st->by_group_muni[g * (st->nmunis + 1) + m];
}

const struct stats_cell *
stats_form_muni(const struct stats *st, size_t f, size_t m)
{
	return &st->by_form_muni[f * (st->nmunis + 1) + m];
}

/* Adds one service to every table it belongs to. */
static void
count_service(struct stats *st, const struct service *s, struct strmap *cols,
    bool *seen, size_t nseen)
{
	long long	 cap[STATS_MAX_UNITS];
	const char	**names;
	size_t		  i, n, t, g, m, w = st->nmunis + 1;
	size_t		 *cols_of;
	unsigned	  mask;
	int		  f;

	mask = stats_service_caps(s, cap);
	st->units_used |= mask;
	for (i = 0; i < STATS_MAX_UNITS; i++)
		if (mask & (1u << i))
			st->unit_services[i]++;
	if (s->provider != NULL && s->provider->index >= 0 &&
	    (size_t)s->provider->index < nseen &&
	    !seen[s->provider->index]) {
		seen[s->provider->index] = true;
		st->nproviders++;
	}
	st->nservices++;
	cell_add(&st->total, cap);
	t = (size_t)s->type->index;
	g = (size_t)s->type->group;
	cell_add(&st->by_type[t], cap);
	cell_add(&st->by_group[g], cap);

	names = xcalloc(s->nplaces + 1, sizeof *names);
	cols_of = xcalloc(s->nplaces + 1, sizeof *cols_of);
	n = stats_service_munis(s, names);
	for (i = 0; i < n; i++)
		cols_of[i] = (size_t)(uintptr_t)strmap_get(cols, names[i]) - 1;
	if (n == 0)
		cols_of[n++] = st->nmunis;
	for (i = 0; i < n; i++) {
		m = cols_of[i];
		cell_add(&st->by_type_muni[t * w + m], cap);
		cell_add(&st->by_group_muni[g * w + m], cap);
		cell_add(&st->by_muni[m], cap);
	}
	free(names);

	for (i = 0; i < s->nforms; i++) {
		long long	 fcap[STATS_MAX_UNITS] = { 0 };
		size_t		 j;

		if (s->forms[i].form == NULL)
			continue;
		f = s->forms[i].form->index;
		if (f < 0 || f >= STATS_MAX_FORMS)
			continue;
		for (j = 0; j < s->forms[i].ncaps; j++) {
			const struct capacity *c = &s->forms[i].caps[j];

			if (c->unit != NULL && c->unit->index >= 0 &&
			    c->unit->index < STATS_MAX_UNITS)
				fcap[c->unit->index] += c->count;
		}
		cell_add(&st->by_form[f], fcap);
		for (j = 0; j < n; j++)
			st->by_form_muni[(size_t)f * w + cols_of[j]].services++;
	}
	free(cols_of);
	for (i = 0; i < s->ntargets; i++)
		if (s->targets[i].item != NULL &&
		    (size_t)s->targets[i].item->index < st->ntargets)
			cell_add(&st->by_target[s->targets[i].item->index],
			    cap);
}

/* ---- yearly figures -------------------------------------------------- */

static int
cmp_int(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void
collect_years(struct stats *st, const struct catalogue *c)
{
	int	*ys = NULL;
	size_t	 n = 0, cap = 0, i, j, k;

	for (i = 0; i < c->nservices; i++) {
		if (c->services[i]->dropped)
			continue;
		for (j = 0; j < c->services[i]->nfigures; j++) {
			int y = c->services[i]->figures[j].year;

			for (k = 0; k < n && ys[k] != y; k++)
				continue;
			if (k < n)
				continue;
			if (n == cap)
				grow(&ys, &cap, n + 1, sizeof *ys);
			ys[n++] = y;
		}
	}
	if (n > 0)
		qsort(ys, n, sizeof *ys, cmp_int);
	st->years = xcalloc(n + 1, sizeof *st->years);
	for (i = 0; i < n; i++)
		st->years[i].year = ys[i];
	st->nyears = n;
	st->ref_year = n > 0 ? ys[n - 1] : 0;
	free(ys);
}

static void
add_figures(struct stats *st, struct stats_year *y,
    const struct year_figures *f)
{
	size_t	 k;
	bool	 any = false;

	y->services++;
	if (f->clients >= 0)
		y->clients += f->clients;
	if (f->fte_direct >= 0)
		y->fte_direct += f->fte_direct;
	if (f->fte_other >= 0)
		y->fte_other += f->fte_other;
	if (f->costs >= 0) {
		y->costs += f->costs;
		y->costs_given++;
	}
	if (f->costs_personnel >= 0)
		y->costs_personnel += f->costs_personnel;
	for (k = 0; k < st->nfunds; k++)
		if (f->revenue[k] >= 0) {
			y->revenue[k] += f->revenue[k];
			y->revenue_total += f->revenue[k];
			any = true;
		}
	if (any)
		y->revenue_given++;
}

const struct stats_year *
stats_year(const struct stats *st, int year)
{
	size_t	 i;

	for (i = 0; i < st->nyears; i++)
		if (st->years[i].year == year)
			return &st->years[i];
	return NULL;
}

/* ---- rates ----------------------------------------------------------- */

static void
compute_rates(struct stats *st, const struct stats_opts *o)
{
	const struct cb_item	*unit;
	const struct cb_type	*t;
	size_t			 i, j, k;

	st->nrates = NELEM(rate_defs);
	st->rates = xcalloc(st->nrates, sizeof *st->rates);
	for (i = 0; i < st->nrates; i++) {
		const struct stats_rate_def *d = &rate_defs[i];
		struct stats_rate	*r = &st->rates[i];

		r->def = d;
		unit = d->unit != NULL ? cb_find(CB_UNIT, d->unit) : NULL;
		for (k = 0; k < st->ntypes; k++) {
			t = cb_type_at(k);
			if (d->paras[0] != NULL) {
				for (j = 0; d->paras[j] != NULL; j++)
					if (t->para != NULL &&
					    strcmp(t->para, d->paras[j]) == 0)
						break;
				if (d->paras[j] == NULL)
					continue;
			} else if (d->group >= 0 && (int)t->group != d->group)
				continue;
			r->value += unit != NULL ?
			    st->by_type[k].cap[unit->index] :
			    st->by_type[k].services;
		}
		r->population = o != NULL && o->pop[d->pop] > 0 ?
		    o->pop[d->pop] : -1;
		if (r->population > 0)
			r->per1000 = (double)r->value * 1000.0 /
			    (double)r->population;
	}
}

/* ---- the whole -------------------------------------------------------- */

struct stats *
stats_compute(const struct catalogue *c, const struct stats_opts *o)
{
	struct stats	*st = xcalloc(1, sizeof *st);
	struct strmap	*cols;
	bool		*seen;
	size_t		 i, j;

	st->nunits = cb_count(CB_UNIT);
	st->nforms = cb_count(CB_FORM);
	st->ntypes = cb_type_count();
	st->ntargets = cb_count(CB_TARGET);
	st->nfunds = cb_count(CB_FUND);
	if (st->nunits > STATS_MAX_UNITS || st->nforms > STATS_MAX_FORMS ||
	    st->nfunds > MODEL_MAX_FUNDS) {
		fprintf(stderr, "mapa: codebooks larger than stats.h allows\n");
		exit(3);
	}
	muni_build(st, c, o);
	st->by_type = xcalloc(st->ntypes, sizeof *st->by_type);
	st->by_type_muni = xcalloc(st->ntypes * (st->nmunis + 1),
	    sizeof *st->by_type_muni);
	st->by_group_muni = xcalloc(STATS_NGROUPS * (st->nmunis + 1),
	    sizeof *st->by_group_muni);
	st->by_muni = xcalloc(st->nmunis + 1, sizeof *st->by_muni);
	st->by_form_muni = xcalloc(STATS_MAX_FORMS * (st->nmunis + 1),
	    sizeof *st->by_form_muni);
	st->by_target = xcalloc(st->ntargets + 1, sizeof *st->by_target);
	cols = strmap_new();
	seen = xcalloc(c->nproviders + 1, sizeof *seen);
	for (i = 0; i < st->nmunis; i++)
		strmap_put(cols, st->munis[i], (void *)(uintptr_t)(i + 1));
	collect_years(st, c);
	for (i = 0; i < c->nservices; i++) {
		const struct service *s = c->services[i];

		if (s->dropped || s->type == NULL)
			continue;
		count_service(st, s, cols, seen, c->nproviders);
		for (j = 0; j < st->nyears; j++) {
			const struct year_figures *f =
			    stats_service_year(s, st->years[j].year);

			if (f != NULL)
				add_figures(st, &st->years[j], f);
		}
	}
	strmap_free(cols);
	free(seen);
	compute_rates(st, o);
	return st;
}

void
stats_free(struct stats *st)
{
	size_t	 i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nmunis; i++)
		free(st->munis[i]);
	free(st->munis);
	free(st->by_type);
	free(st->by_type_muni);
	free(st->by_group_muni);
	free(st->by_muni);
	free(st->by_form_muni);
	free(st->by_target);
	free(st->years);
	free(st->rates);
	free(st);
}
