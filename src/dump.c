/*
 * Text dump of the catalogue model, for golden tests and for coordinators
 * who want to see what mapa understood. One field per line (line breaks
 * inside a value are written as \n), indented by
 * nesting, in a fixed order; absent fields are not printed. Positions,
 * input numbers and the loader's name are left out on purpose, so that the
 * same data read from different formats dump identically.
 */
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "compose.h"
#include "diag.h"
#include "doc.h"
#include "dump.h"
#include "edition.h"
#include "fonts.h"
#include "layout_file.h"
#include "stats.h"
#include "util.h"

/* Prints a value on one line: a line break shows as \n, a backslash as \\. */
static void
value(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			putc(*s, f);
	}
}

static void
field(FILE *f, int indent, const char *name, const struct str *s)
{
	if (s->s == NULL)
		return;
	fprintf(f, "%*s%s: ", indent, "", name);
	value(f, s->s);
	putc('\n', f);
}

static void
list(FILE *f, int indent, const char *name, const struct str *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		field(f, indent, name, &v[i]);
}

static void
date(FILE *f, int indent, const char *name, const struct date *d)
{
	if (d->y != 0)
		fprintf(f, "%*s%s: %04d-%02d-%02d\n", indent, "", name,
		    d->y, d->m, d->d);
}

/* Prints haléře as Kč with two decimals, exactly. */
static void
money(FILE *f, int indent, const char *name, long long h)
{
	if (h < 0)
		return;
	fprintf(f, "%*s%s: %lld.%02lld\n", indent, "", name, h / 100, h % 100);
}

static void
hundredths(FILE *f, int indent, const char *name, long long v)
{
	if (v < 0)
		return;
	fprintf(f, "%*s%s: %lld.%02lld\n", indent, "", name, v / 100, v % 100);
}

static void
contacts(FILE *f, int indent, const struct contacts *c)
{
	list(f, indent, "phone", c->phones, c->nphones);
	list(f, indent, "email", c->emails, c->nemails);
	list(f, indent, "web", c->webs, c->nwebs);
}

static void
address(FILE *f, int indent, const char *name, const struct address *a)
{
	if (!a->present)
		return;
	fprintf(f, "%*s%s:\n", indent, "", name);
	indent += 2;
	field(f, indent, "street", &a->street);
	field(f, indent, a->evidence ? "house-evidence" : "house", &a->house);
	field(f, indent, "orient", &a->orient);
	field(f, indent, "part", &a->part);
	field(f, indent, "municipality", &a->municipality);
	field(f, indent, "municipality-code", &a->municipality_code);
	field(f, indent, "psc", &a->psc);
	field(f, indent, "district", &a->district);
	field(f, indent, "region", &a->region);
	field(f, indent, "region-code", &a->region_code);
	field(f, indent, "note", &a->note);
	if (a->ruian)
		fprintf(f, "%*sruian: %lld\n", indent, "", a->ruian);
}

static void
hours(FILE *f, int indent, const struct hours *h)
{
	static const char *const days[] = {
		"po", "út", "st", "čt", "pá", "so", "ne"
	};
	size_t	 i;
	int	 d;

	if (!h->present)
		return;
	fprintf(f, "%*shours:%s\n", indent, "", h->nonstop ? " nonstop" : "");
	for (i = 0; i < h->nranges; i++) {
		fprintf(f, "%*srange:", indent + 2, "");
		for (d = 0; d < 7; d++)
			if (h->ranges[i].days & (1u << d))
				fprintf(f, " %s", days[d]);
		fprintf(f, " %02d:%02d-%02d:%02d\n", h->ranges[i].from / 60,
		    h->ranges[i].from % 60, h->ranges[i].to / 60,
		    h->ranges[i].to % 60);
	}
	field(f, indent + 2, "note", &h->note);
}

static void
capacities(FILE *f, int indent, const struct capacity *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		fprintf(f, "%*scapacity: %lld %s\n", indent, "", c[i].count,
		    c[i].unit ? c[i].unit->code : "?");
		field(f, indent + 2, "note", &c[i].note);
	}
}

static void
figures(FILE *f, int indent, const struct year_figures *y)
{
	size_t	 i;

	fprintf(f, "%*sfigures: %d\n", indent, "", y->year);
	indent += 2;
	if (y->clients >= 0)
		fprintf(f, "%*sclients: %lld\n", indent, "", y->clients);
	capacities(f, indent, y->caps, y->ncaps);
	hundredths(f, indent, "fte-direct", y->fte_direct);
	hundredths(f, indent, "fte-other", y->fte_other);
	money(f, indent, "costs", y->costs);
	money(f, indent, "costs-personnel", y->costs_personnel);
	for (i = 0; i < cb_count(CB_FUND); i++)
		if (y->revenue[i] >= 0)
			money(f, indent, cb_at(CB_FUND, i)->code, y->revenue[i]);
}

static const char *
tri_name(enum tri t)
{
	static const char *const names[] = { NULL, "no", "yes", "partly" };

	return names[t];
}

static const char *
fee_name(enum fee fee)
{
	static const char *const names[] = { NULL, "free", "paid", "partly" };

	return names[fee];
}

static void
service(FILE *f, const struct service *s)
{
	size_t	 i;

	fprintf(f, "service:\n");
	field(f, 2, "ident", &s->ident);
	field(f, 2, "source-id", &s->source_id);
	field(f, 2, "name", &s->name);
	if (s->provider != NULL)
		fprintf(f, "  provider: %s%s%s\n",
		    s->provider->name.s ? s->provider->name.s : "?",
		    s->provider->ico.s ? " / IČO " : "",
		    s->provider->ico.s ? s->provider->ico.s : "");
	if (s->type != NULL)
		fprintf(f, "  type: %s%s %s (%s)\n", s->type->para ? "§ " : "",
		    s->type->para ? s->type->para : "", s->type->name,
		    cb_group_code(s->type->group));
	for (i = 0; i < s->nforms; i++) {
		fprintf(f, "  form: %s\n", s->forms[i].form ?
		    s->forms[i].form->code : "?");
		capacities(f, 4, s->forms[i].caps, s->forms[i].ncaps);
	}
	for (i = 0; i < s->ntargets; i++)
		fprintf(f, "  target: %s\n", s->targets[i].item->code);
	for (i = 0; i < s->nages; i++)
		fprintf(f, "  age: %s\n", s->ages[i].item->code);
	field(f, 2, "age-note", &s->age_note);
	for (i = 0; i < s->nplaces; i++) {
		fprintf(f, "  place:\n");
		field(f, 4, "name", &s->places[i].name);
		address(f, 4, "address", &s->places[i].addr);
		field(f, 4, "note", &s->places[i].note);
	}
	field(f, 2, "area", &s->area);
	list(f, 2, "area-municipality", s->area_municipalities,
	    s->narea_municipalities);
	contacts(f, 2, &s->contacts);
	hours(f, 2, &s->hours);
	if (fee_name(s->fee))
		fprintf(f, "  fee: %s\n", fee_name(s->fee));
	field(f, 2, "fee-note", &s->fee_note);
	field(f, 2, "description", &s->description);
	list(f, 2, "activity", s->activities, s->nactivities);
	if (tri_name(s->barrier_free))
		fprintf(f, "  barrier-free: %s\n", tri_name(s->barrier_free));
	field(f, 2, "barrier-note", &s->barrier_note);
	list(f, 2, "language", s->languages, s->nlanguages);
	date(f, 2, "from", &s->from);
	date(f, 2, "to", &s->to);
	field(f, 2, "qr", &s->qr_url);
	for (i = 0; i < s->nfigures; i++)
		figures(f, 2, &s->figures[i]);
}

static void
provider(FILE *f, const struct provider *p)
{
	fprintf(f, "provider:\n");
	field(f, 2, "name", &p->name);
	field(f, 2, "legal-form", &p->legal_form);
	field(f, 2, "ico", &p->ico);
	field(f, 2, "dic", &p->dic);
	address(f, 2, "seat", &p->seat);
	contacts(f, 2, &p->contacts);
}

static void
listing(FILE *f, const struct listing *l)
{
	static const char *const kinds[] = { "related", "office", "crisis" };

	fprintf(f, "%s:\n", kinds[l->kind]);
	field(f, 2, "id", &l->id);
	field(f, 2, "name", &l->name);
	field(f, 2, "category", &l->category);
	field(f, 2, "audience", &l->audience);
	field(f, 2, "description", &l->description);
	address(f, 2, "address", &l->addr);
	contacts(f, 2, &l->contacts);
	hours(f, 2, &l->hours);
}

static void
situation(FILE *f, const struct situation *s)
{
	size_t	 i;
	const struct service *sv;

	fprintf(f, "situation:\n");
	field(f, 2, "id", &s->id);
	field(f, 2, "group", &s->group);
	field(f, 2, "question", &s->question);
	for (i = 0; i < s->nservices; i++) {
		sv = s->services[i];
		fprintf(f, "  service: %s\n", sv->ident.s ? sv->ident.s :
		    sv->source_id.s ? sv->source_id.s : "?");
	}
}

void
dump_catalogue(FILE *f, const struct catalogue *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	date(f, 0, "data-date", &c->data_date);
	for (i = 0; i < c->nproviders; i++)
		provider(f, c->providers[i]);
	for (i = 0; i < c->nservices; i++)
		service(f, c->services[i]);
	for (i = 0; i < c->nlistings; i++)
		listing(f, c->listings[i]);
	for (i = 0; i < c->nsituations; i++)
		situation(f, c->situations[i]);
}

bool
dump_document(FILE *f, const struct catalogue *c, const struct edition *e,
    struct diag *d)
{
	/* the layout's own problems were reported by the edition's check */
	struct diag	*quiet = diag_new(stderr);
	struct fonts	*fonts = fonts_open(NULL, quiet);
	struct layout_spec *ls = NULL;
	struct stats	*st;
	struct doc	*doc;
	char		*path, date[32] = "";
	const struct date *dd = e->data_date.y != 0 ? &e->data_date :
	    &c->data_date;

	path = lspec_path(e->layout.s != NULL && e->layout.s[0] != '\0' ?
	    e->layout.s : LSPEC_DEFAULT, e->file);
	if (fonts != NULL)
		ls = lspec_load(path, fonts, quiet);
	free(path);
	if (ls == NULL) {
		diag(d, D_IO, NULL, "the layout or the fonts of the edition "
		    "cannot be loaded; no document to print");
		fonts_close(fonts);
		diag_free(quiet);
		return false;
	}
	if (dd->y != 0)
		snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z",
		    dd->y, dd->m, dd->d);
	st = build_stats(e, c);
	doc = compose(c, e, st, ls, fonts, date[0] != '\0' ? date : NULL, d);
	diag_flush(d);
	doc_dump(f, doc);
	compose_free(doc);
	stats_free(st);
	lspec_free(ls);
	fonts_close(fonts);
	diag_free(quiet);
	return true;
}
