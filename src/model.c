/*
 * The catalogue model: construction, lookup and reference resolution.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "model.h"
#include "strmap.h"
#include "util.h"

struct catalogue *
model_new(void)
{
	struct catalogue *c = xcalloc(1, sizeof *c);

	c->arena = arena_new();
	return c;
}

void
model_free(struct catalogue *c)
{
	if (c == NULL)
		return;
	free(c->providers);
	free(c->services);
	free(c->listings);
	free(c->situations);
	strmap_free(c->provider_index);
	strmap_free(c->service_index);
	arena_free(c->arena);
	free(c);
}

struct provider *
model_add_provider(struct catalogue *c)
{
	struct provider	*p = arena_alloc(c->arena, sizeof *p);

	grow(&c->providers, &c->capproviders, c->nproviders + 1,
	    sizeof *c->providers);
	p->index = (int)c->nproviders;
	c->providers[c->nproviders++] = p;
	c->index_stale = true;
	return p;
}

struct service *
model_add_service(struct catalogue *c)
{
	struct service	*s = arena_alloc(c->arena, sizeof *s);

	grow(&c->services, &c->capservices, c->nservices + 1,
	    sizeof *c->services);
	s->index = (int)c->nservices;
	s->fee = FEE_UNKNOWN;
	s->barrier_free = TRI_UNKNOWN;
	c->services[c->nservices++] = s;
	c->index_stale = true;
	return s;
}

struct listing *
model_add_listing(struct catalogue *c, enum listing_kind kind)
{
	struct listing	*l = arena_alloc(c->arena, sizeof *l);

	grow(&c->listings, &c->caplistings, c->nlistings + 1,
	    sizeof *c->listings);
	l->kind = kind;
	l->index = (int)c->nlistings;
	c->listings[c->nlistings++] = l;
	return l;
}

struct situation *
model_add_situation(struct catalogue *c)
{
	struct situation *s = arena_alloc(c->arena, sizeof *s);

	grow(&c->situations, &c->capsituations, c->nsituations + 1,
	    sizeof *c->situations);
	s->index = (int)c->nsituations;
	c->situations[c->nsituations++] = s;
	return s;
}

struct str
model_str(struct catalogue *c, const char *s, const struct srcpos *pos)
{
	struct str	 r;

	memset(&r, 0, sizeof r);
	if (s != NULL)
		r.s = arena_strdup(c->arena, s);
	if (pos != NULL)
		r.pos = *pos;
	return r;
}

void *
model_array(struct catalogue *c, size_t n, size_t sz)
{
	if (n != 0 && sz > SIZE_MAX / n)
		abort();
	return arena_alloc(c->arena, n * sz);
}

/*
 * Rebuilds the lookup indexes. The first provider or service with a given
 * key wins, as a linear search in input order would find it. Keys may change
 * after loading (merge, validation), so callers that change them call
 * model_touch().
 */
static void
reindex(struct catalogue *c)
{
	size_t		 i;
	struct provider	*p;
	struct service	*s;

	if (c->provider_index == NULL) {
		c->provider_index = strmap_new();
		c->service_index = strmap_new();
	}
	strmap_clear(c->provider_index);
	strmap_clear(c->service_index);
	for (i = 0; i < c->nproviders; i++) {
		p = c->providers[i];
		if (p->key.s != NULL)
			strmap_put(c->provider_index, p->key.s, p);
	}
	/* Keys first, then IČO: a key always wins over another's IČO. */
	for (i = 0; i < c->nproviders; i++) {
		p = c->providers[i];
		if (p->ico.s != NULL)
			strmap_put(c->provider_index, p->ico.s, p);
	}
	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (s->dropped)
			continue;
		if (s->ident.s != NULL)
			strmap_put(c->service_index, s->ident.s, s);
	}
	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (!s->dropped && s->source_id.s != NULL)
			strmap_put(c->service_index, s->source_id.s, s);
	}
	c->index_stale = false;
}

void
model_touch(struct catalogue *c)
{
	c->index_stale = true;
}

struct provider *
model_find_provider(struct catalogue *c, const char *key)
{
	if (key == NULL)
		return NULL;
	if (c->index_stale || c->provider_index == NULL)
		reindex(c);
	return strmap_get(c->provider_index, key);
}

struct service *
model_find_service(struct catalogue *c, const char *id)
{
	struct service	*s;

	if (id == NULL)
		return NULL;
	if (c->index_stale || c->service_index == NULL)
		reindex(c);
	s = strmap_get(c->service_index, id);
	return s != NULL && !s->dropped ? s : NULL;
}

void
model_compact(struct catalogue *c)
{
	size_t	 i, j;

	for (i = j = 0; i < c->nservices; i++)
		if (!c->services[i]->dropped) {
			c->services[j] = c->services[i];
			c->services[j]->index = (int)j;
			j++;
		}
	c->nservices = j;
	c->index_stale = true;
}

static void
link_services(struct catalogue *c, struct diag *d)
{
	size_t		 i;
	struct service	*s;

	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (s->dropped || s->provider != NULL)
			continue;
		if (s->provider_ref.s == NULL) {
			diag(d, D_MISSING_FIELD, &s->pos,
			    "service %s has no provider; service dropped",
			    dq(d, s->name.s));
			s->dropped = true;
			continue;
		}
		s->provider = model_find_provider(c, s->provider_ref.s);
		if (s->provider == NULL) {
			diag(d, D_UNKNOWN_REF, &s->provider_ref.pos,
			    "service %s names provider %s, which is not in "
			    "the data; service dropped", dq(d, s->name.s),
			    dq(d, s->provider_ref.s));
			s->dropped = true;
		}
	}
}

static void
link_situations(struct catalogue *c, struct diag *d)
{
	size_t		  i, j;
	struct situation *sit;
	struct service	 *s;

	for (i = 0; i < c->nsituations; i++) {
		sit = c->situations[i];
		sit->services = model_array(c, sit->nrefs,
		    sizeof *sit->services);
		sit->nservices = 0;
		for (j = 0; j < sit->nrefs; j++) {
			s = model_find_service(c, sit->refs[j].s);
			if (s == NULL) {
				diag(d, D_UNKNOWN_REF, &sit->refs[j].pos,
				    "life situation %s points to service %s, "
				    "which is not in the catalogue; reference "
				    "dropped", dq(d, sit->question.s),
				    dq(d, sit->refs[j].s));
				continue;
			}
			sit->services[sit->nservices++] = s;
		}
	}
}

void
model_link(struct catalogue *c, struct diag *d)
{
	link_services(c, d);
	model_compact(c);
	link_situations(c, d);
}

void
model_figures_init(struct year_figures *y)
{
	size_t	 i;

	y->clients = y->fte_direct = y->fte_other = -1;
	y->costs = y->costs_personnel = -1;
	for (i = 0; i < MODEL_MAX_FUNDS; i++)
		y->revenue[i] = -1;
}

bool
model_str_eq(const struct str *a, const struct str *b)
{
	if (a->s == NULL || b->s == NULL)
		return a->s == b->s;
	return strcmp(a->s, b->s) == 0;
}

bool
model_strs_eq(const struct str *a, size_t na, const struct str *b,
    size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!model_str_eq(&a[i], &b[i]))
			return false;
	return true;
}

bool
model_codes_eq(const struct coderef *a, size_t na, const struct coderef *b,
    size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].item != b[i].item)
			return false;
	return true;
}

bool
model_caps_eq(const struct capacity *a, size_t na, const struct capacity *b,
    size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].unit != b[i].unit || a[i].count != b[i].count ||
		    !model_str_eq(&a[i].note, &b[i].note))
			return false;
	return true;
}

bool
model_forms_eq(const struct service_form *a, size_t na,
    const struct service_form *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].form != b[i].form || !model_caps_eq(a[i].caps,
		    a[i].ncaps, b[i].caps, b[i].ncaps))
			return false;
	return true;
}

bool
model_address_eq(const struct address *a, const struct address *b)
{
	return a->present == b->present && a->evidence == b->evidence &&
	    a->ruian == b->ruian && model_str_eq(&a->street, &b->street) &&
	    model_str_eq(&a->house, &b->house) &&
	    model_str_eq(&a->orient, &b->orient) &&
	    model_str_eq(&a->part, &b->part) &&
	    model_str_eq(&a->municipality, &b->municipality) &&
	    model_str_eq(&a->municipality_code, &b->municipality_code) &&
	    model_str_eq(&a->psc, &b->psc) &&
	    model_str_eq(&a->district, &b->district) &&
	    model_str_eq(&a->region, &b->region) &&
	    model_str_eq(&a->region_code, &b->region_code) &&
	    model_str_eq(&a->note, &b->note);
}

bool
date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	int	 max;

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Reads 1..maxdigits digits; returns the number or -1. */
static int
digits(const char **pp, int maxdigits)
{
	const char	*p = *pp;
	int		 v = 0, n = 0;

	while (is_digit((unsigned char)*p) && n < maxdigits) {
		v = v * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || is_digit((unsigned char)*p))
		return -1;
	*pp = p;
	return v;
}

static void
skip_spaces(const char **pp)
{
	for (;;) {
		if (**pp == ' ')
			(*pp)++;
		else if (strncmp(*pp, "\xc2\xa0", 2) == 0)
			*pp += 2;
		else
			return;
	}
}

bool
date_parse(const char *s, struct date *out)
{
	const char	*p = s;
	int		 a, b, c;

	if (s == NULL)
		return false;
	if ((a = digits(&p, 4)) < 0)
		return false;
	if (*p == '-') {
		/* ISO 8601: 2026-09-01 */
		if (p - s != 4)
			return false;
		p++;
		if ((b = digits(&p, 2)) < 0 || *p++ != '-' ||
		    (c = digits(&p, 2)) < 0 || *p != '\0')
			return false;
		if (!date_valid(a, b, c))
			return false;
		out->y = a, out->m = b, out->d = c;
		return true;
	}
	/* Czech: 1. 9. 2026 or 1.9.2026 */
	if (*p++ != '.')
		return false;
	skip_spaces(&p);
	if ((b = digits(&p, 2)) < 0 || *p++ != '.')
		return false;
	skip_spaces(&p);
	if ((c = digits(&p, 4)) < 0 || *p != '\0')
		return false;
	if (!date_valid(c, b, a))
		return false;
	out->y = c, out->m = b, out->d = a;
	return true;
}

int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}
