/*
 * Merging inputs, after every loader has run and before validation. Three
 * steps, in this order, each walking records in input order so that the
 * result depends on nothing else:
 *
 *  1. duplicates: a service whose identifikátor (or, failing that, source
 *     id such as "mpsv-7583") already came from an earlier, different
 *     ordinary input is dropped; duplicates inside one input are left to
 *     validate.c, which reports them once;
 *  2. overrides: each record of an override input ("ucel: doplneni") is
 *     folded into the ordinary service with its identifikátor (or source
 *     id). Every field the override gives replaces the base's (lists
 *     wholesale); a different non-empty base value is reported. The
 *     override record itself is then dropped;
 *  3. providers: records with the same IČO (or the same key) are folded
 *     into the first one, which takes the later ones' values only where
 *     it had none; differing values are reported. Services are re-pointed
 *     and the folded records leave c->providers.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "strmap.h"
#include "util.h"

/* ---- rendering values for messages ---- */

static void
put_strs(struct buf *b, const struct str *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", v[i].s ? v[i].s : "");
}

static void
put_codes(struct buf *b, const struct coderef *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? ", " : "",
		    v[i].item ? v[i].item->code : "?");
}

static void
put_forms(struct buf *b, const struct service_form *f, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		buf_printf(b, "%s%s", i ? "; " : "",
		    f[i].form ? f[i].form->code : "?");
		for (j = 0; j < f[i].ncaps; j++)
			buf_printf(b, " %lld %s", f[i].caps[j].count,
			    f[i].caps[j].unit ? f[i].caps[j].unit->code : "?");
	}
}

static void
put_address(struct buf *b, const struct address *a)
{
	if (a->street.s)
		buf_printf(b, "%s ", a->street.s);
	else if (a->part.s && !a->house.s && !a->orient.s)
		buf_printf(b, "%s ", a->part.s);
	if (a->house.s)
		buf_printf(b, "%s%s", a->evidence ? "č. ev. " : "",
		    a->house.s);
	if (a->orient.s)
		buf_printf(b, "%s%s", a->house.s ? "/" : "", a->orient.s);
	buf_printf(b, ", %s %s", a->psc.s ? a->psc.s : "",
	    a->municipality.s ? a->municipality.s : "");
}

static void
put_places(struct buf *b, const struct place *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(b, "; ");
		if (p[i].name.s)
			buf_printf(b, "%s: ", p[i].name.s);
		if (p[i].addr.present)
			put_address(b, &p[i].addr);
		else
			buf_puts(b, "no address");
	}
}

static void
put_days(struct buf *b, unsigned days)
{
	static const char *const names[] = {
		"po", "út", "st", "čt", "pá", "so", "ne"
	};
	int	 d, e;
	bool	 first = true;

	for (d = 0; d < 7; d = e) {
		if (!(days & (1u << d))) {
			e = d + 1;
			continue;
		}
		for (e = d; e < 7 && (days & (1u << e)); e++)
			;
		buf_printf(b, "%s%s", first ? "" : ",", names[d]);
		if (e - d > 1)
			buf_printf(b, "-%s", names[e - 1]);
		first = false;
	}
}

static void
put_hours(struct buf *b, const struct hours *h)
{
	size_t	 i;

	if (h->nonstop)
		buf_puts(b, "nonstop");
	for (i = 0; i < h->nranges; i++) {
		if (i || h->nonstop)
			buf_puts(b, "; ");
		put_days(b, h->ranges[i].days);
		buf_printf(b, " %d:%02d-%d:%02d", h->ranges[i].from / 60,
		    h->ranges[i].from % 60, h->ranges[i].to / 60,
		    h->ranges[i].to % 60);
	}
	if (h->note.s)
		buf_printf(b, "%s%s", h->nonstop || h->nranges ? "; " : "",
		    h->note.s);
}

static void
put_date(struct buf *b, const struct date *d)
{
	buf_printf(b, "%04d-%02d-%02d", d->y, d->m, d->d);
}

static void
put_figures(struct buf *b, const struct year_figures *f, size_t n)
{
	size_t	 i;

	buf_puts(b, "figures for ");
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%d", i ? ", " : "", f[i].year);
}

/* ---- comparing values (model_*_eq() for the shared ones) ---- */

static bool
places_eq(const struct place *a, size_t na, const struct place *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!model_str_eq(&a[i].name, &b[i].name) ||
		    !model_str_eq(&a[i].note, &b[i].note) ||
		    !model_address_eq(&a[i].addr, &b[i].addr))
			return false;
	return true;
}

static bool
hours_eq(const struct hours *a, const struct hours *b)
{
	size_t	 i;

	if (a->present != b->present || a->nonstop != b->nonstop ||
	    a->nranges != b->nranges || !model_str_eq(&a->note, &b->note))
		return false;
	for (i = 0; i < a->nranges; i++)
		if (a->ranges[i].days != b->ranges[i].days ||
		    a->ranges[i].from != b->ranges[i].from ||
		    a->ranges[i].to != b->ranges[i].to)
			return false;
	return true;
}

static bool
figures_eq(const struct year_figures *a, size_t na,
    const struct year_figures *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].year != b[i].year || a[i].clients != b[i].clients ||
		    a[i].fte_direct != b[i].fte_direct ||
		    a[i].fte_other != b[i].fte_other ||
		    a[i].costs != b[i].costs ||
		    a[i].costs_personnel != b[i].costs_personnel ||
		    memcmp(a[i].revenue, b[i].revenue,
		    sizeof a[i].revenue) != 0 ||
		    !model_caps_eq(a[i].caps, a[i].ncaps, b[i].caps,
		    b[i].ncaps))
			return false;
	return true;
}

/* ---- step 1: duplicates across inputs ---- */

/*
 * The first earlier service from another input that s repeats: same
 * identifikátor, or — for a service without one, or one whose
 * identifikátor was not seen — the same source id (the registry's
 * "mpsv-7583" is the katalog's too). *by tells which matched.
 */
static struct service *
dup_of(struct strmap *idents, struct strmap *sources, struct service *s,
    const char **by)
{
	struct service	*t = NULL;

	*by = "identifikátor";
	if (s->ident.s != NULL)
		t = strmap_put(idents, s->ident.s, s);
	if ((t == NULL || t == s) && s->source_id.s != NULL) {
		*by = "registry id";
		t = strmap_put(sources, s->source_id.s, s);
	} else if (s->source_id.s != NULL)
		strmap_put(sources, s->source_id.s, s);
	return t == s ? NULL : t;
}

static void
merge_duplicates(struct catalogue *c, struct diag *d)
{
	struct strmap	*idents = strmap_new(), *sources = strmap_new();
	struct service	*s, *t;
	const char	*by;
	const struct str *key;
	size_t		 i;

	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (s->is_override || s->dropped)
			continue;
		if ((t = dup_of(idents, sources, s, &by)) == NULL ||
		    t->input == s->input)
			continue;	/* within one input: validate.c */
		key = strcmp(by, "identifikátor") == 0 ? &s->ident :
		    &s->source_id;
		diag(d, D_IDENT_DUPLICATE, &key->pos, "%s %s of service %s "
		    "was already loaded from %s:%d (service %s); this later "
		    "record is dropped", by, dq(d, key->s), dq(d, s->name.s),
		    t->pos.file ? t->pos.file : "?", t->pos.line,
		    dq(d, t->name.s));
		s->dropped = true;
		model_touch(c);
	}
	strmap_free(idents);
	strmap_free(sources);
}

/* ---- step 2: overrides ---- */

struct ovr {
	struct diag		*d;
	bool			 by_source;	/* o's identifikátor matched a
						   source id: not one to copy */
	struct service		*base;
	struct service		*o;	/* the override record */
};

/*
 * Reports that the override changes a field the base already had. Values
 * are rendered text; pos is the override value, bpos the base value.
 */
static void
ovr_conflict(struct ovr *m, const char *field, const struct srcpos *pos,
    const char *was, const struct srcpos *bpos, const char *now)
{
	const struct service *b = m->base;
	const char	*id = b->ident.s ? b->ident.s : b->source_id.s;

	if (bpos == NULL || bpos->file == NULL || bpos->line == 0)
		bpos = &b->pos;
	diag(m->d, D_MERGE_CONFLICT, pos->line ? pos : &m->o->pos,
	    "service %s: the override gives %s %s, but %s:%d has %s; the "
	    "value from the override file is used", dq(m->d, id), field,
	    dq(m->d, now), bpos->file ? bpos->file : "?", bpos->line,
	    dq(m->d, was));
}

static void
ovr_str(struct ovr *m, struct str *to, const struct str *from,
    const char *field)
{
	if (from->s == NULL)
		return;
	if (to->s != NULL && strcmp(to->s, from->s) != 0)
		ovr_conflict(m, field, &from->pos, to->s, &to->pos, from->s);
	*to = *from;
}

static void
ovr_strs(struct ovr *m, struct str **to, size_t *nto, struct str *from,
    size_t nfrom, const char *field)
{
	struct buf	 was = { 0 }, now = { 0 };

	if (nfrom == 0)
		return;
	if (*nto != 0 && !model_strs_eq(*to, *nto, from, nfrom)) {
		put_strs(&was, *to, *nto);
		put_strs(&now, from, nfrom);
		ovr_conflict(m, field, &from[0].pos, buf_str(&was),
		    &(*to)[0].pos, buf_str(&now));
	}
	*to = from;
	*nto = nfrom;
	buf_free(&was);
	buf_free(&now);
}

static void
ovr_codes(struct ovr *m, struct coderef **to, size_t *nto,
    struct coderef *from, size_t nfrom, const char *field)
{
	struct buf	 was = { 0 }, now = { 0 };

	if (nfrom == 0)
		return;
	if (*nto != 0 && !model_codes_eq(*to, *nto, from, nfrom)) {
		put_codes(&was, *to, *nto);
		put_codes(&now, from, nfrom);
		ovr_conflict(m, field, &from[0].pos, buf_str(&was),
		    &(*to)[0].pos, buf_str(&now));
	}
	*to = from;
	*nto = nfrom;
	buf_free(&was);
	buf_free(&now);
}

static void
ovr_date(struct ovr *m, struct date *to, const struct date *from,
    const char *field)
{
	struct buf	 was = { 0 }, now = { 0 };

	if (from->y == 0)
		return;
	if (to->y != 0 && date_cmp(to, from) != 0) {
		put_date(&was, to);
		put_date(&now, from);
		ovr_conflict(m, field, &from->pos, buf_str(&was), &to->pos,
		    buf_str(&now));
	}
	*to = *from;
	buf_free(&was);
	buf_free(&now);
}

static void
ovr_forms(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;
	struct buf	 was = { 0 }, now = { 0 };

	if (o->nforms == 0)
		return;
	if (b->nforms != 0 &&
	    !model_forms_eq(b->forms, b->nforms, o->forms, o->nforms)) {
		put_forms(&was, b->forms, b->nforms);
		put_forms(&now, o->forms, o->nforms);
		ovr_conflict(m, "forms and capacities", &o->forms[0].pos,
		    buf_str(&was), &b->forms[0].pos, buf_str(&now));
	}
	b->forms = o->forms;
	b->nforms = o->nforms;
	buf_free(&was);
	buf_free(&now);
}

static void
ovr_places(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;
	struct buf	 was = { 0 }, now = { 0 };

	if (o->nplaces == 0)
		return;
	if (b->nplaces != 0 &&
	    !places_eq(b->places, b->nplaces, o->places, o->nplaces)) {
		put_places(&was, b->places, b->nplaces);
		put_places(&now, o->places, o->nplaces);
		ovr_conflict(m, "places", &o->places[0].pos, buf_str(&was),
		    &b->places[0].pos, buf_str(&now));
	}
	b->places = o->places;
	b->nplaces = o->nplaces;
	buf_free(&was);
	buf_free(&now);
}

static const struct srcpos *
hours_pos(const struct hours *h, const struct srcpos *dflt)
{
	if (h->nranges != 0)
		return &h->ranges[0].pos;
	if (h->note.s != NULL)
		return &h->note.pos;
	return dflt;
}

static void
ovr_hours(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;
	struct buf	 was = { 0 }, now = { 0 };

	if (!o->hours.present)
		return;
	if (b->hours.present && !hours_eq(&b->hours, &o->hours)) {
		put_hours(&was, &b->hours);
		put_hours(&now, &o->hours);
		ovr_conflict(m, "opening hours", hours_pos(&o->hours, &o->pos),
		    buf_str(&was), hours_pos(&b->hours, &b->pos),
		    buf_str(&now));
	}
	b->hours = o->hours;
	buf_free(&was);
	buf_free(&now);
}

static void
ovr_figures(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;
	struct buf	 was = { 0 }, now = { 0 };

	if (o->nfigures == 0)
		return;
	if (b->nfigures != 0 &&
	    !figures_eq(b->figures, b->nfigures, o->figures, o->nfigures)) {
		put_figures(&was, b->figures, b->nfigures);
		put_figures(&now, o->figures, o->nfigures);
		ovr_conflict(m, "yearly figures", &o->figures[0].pos,
		    buf_str(&was), &b->figures[0].pos, buf_str(&now));
	}
	b->figures = o->figures;
	b->nfigures = o->nfigures;
	buf_free(&was);
	buf_free(&now);
}

static const char *
fee_word(enum fee f)
{
	static const char *const w[] = { "?", "zdarma", "placená", "částečně" };

	return w[f];
}

static const char *
tri_word(enum tri t)
{
	static const char *const w[] = { "?", "ne", "ano", "částečně" };

	return w[t];
}

/* Enumerations carry no position of their own: the record's is used. */
static void
ovr_enums(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;

	if (o->fee != FEE_UNKNOWN) {
		if (b->fee != FEE_UNKNOWN && b->fee != o->fee)
			ovr_conflict(m, "fee (úhrada)", &o->pos,
			    fee_word(b->fee), &b->pos, fee_word(o->fee));
		b->fee = o->fee;
	}
	if (o->barrier_free != TRI_UNKNOWN) {
		if (b->barrier_free != TRI_UNKNOWN &&
		    b->barrier_free != o->barrier_free)
			ovr_conflict(m, "barrier-free access", &o->pos,
			    tri_word(b->barrier_free), &b->pos,
			    tri_word(o->barrier_free));
		b->barrier_free = o->barrier_free;
	}
	if (o->type != NULL) {
		if (b->type != NULL && b->type != o->type)
			ovr_conflict(m, "type", &o->type_pos, b->type->name,
			    &b->type_pos, o->type->name);
		b->type = o->type;
		b->type_pos = o->type_pos;
	}
}

/* Copies into base every field the override gives. */
static void
ovr_apply(struct ovr *m)
{
	struct service	*b = m->base, *o = m->o;

	/*
	 * An override keyed by source id may bring the identifikátor the
	 * base lacks (a katalog record); one whose "identifikator" is the
	 * source id itself ("mpsv-7583") brings none.
	 */
	if (b->ident.s == NULL && o->ident.s != NULL && !m->by_source)
		b->ident = o->ident;
	ovr_str(m, &b->name, &o->name, "name");
	if (o->provider_ref.s != NULL) {
		if (!model_str_eq(&b->provider_ref, &o->provider_ref))
			b->provider = o->provider;
		ovr_str(m, &b->provider_ref, &o->provider_ref, "provider");
	}
	ovr_enums(m);
	ovr_forms(m);
	ovr_codes(m, &b->targets, &b->ntargets, o->targets, o->ntargets,
	    "target groups");
	ovr_codes(m, &b->ages, &b->nages, o->ages, o->nages, "age groups");
	ovr_str(m, &b->age_note, &o->age_note, "age note");
	ovr_places(m);
	ovr_str(m, &b->area, &o->area, "area of operation");
	ovr_strs(m, &b->area_municipalities, &b->narea_municipalities,
	    o->area_municipalities, o->narea_municipalities,
	    "municipalities of the area");
	ovr_strs(m, &b->contacts.phones, &b->contacts.nphones,
	    o->contacts.phones, o->contacts.nphones, "phones");
	ovr_strs(m, &b->contacts.emails, &b->contacts.nemails,
	    o->contacts.emails, o->contacts.nemails, "e-mails");
	ovr_strs(m, &b->contacts.webs, &b->contacts.nwebs,
	    o->contacts.webs, o->contacts.nwebs, "web addresses");
	ovr_hours(m);
	ovr_str(m, &b->fee_note, &o->fee_note, "fee note");
	ovr_str(m, &b->description, &o->description, "description");
	ovr_strs(m, &b->activities, &b->nactivities, o->activities,
	    o->nactivities, "activities");
	ovr_str(m, &b->barrier_note, &o->barrier_note, "barrier-free note");
	ovr_strs(m, &b->languages, &b->nlanguages, o->languages,
	    o->nlanguages, "languages");
	ovr_date(m, &b->from, &o->from, "start date");
	ovr_date(m, &b->to, &o->to, "end date");
	ovr_str(m, &b->qr_url, &o->qr_url, "QR link");
	ovr_figures(m);
}

/*
 * The ordinary service an override enriches: by identifikátor first, then
 * by source id, each looked up among identifikátory and source ids (an
 * office keying its additions to katalog records writes "mpsv-7583" as
 * the identifikátor). *by_source tells that the identifikátor was such.
 */
static struct service *
ovr_base(struct strmap *idents, struct strmap *sources,
    const struct service *o, bool *by_source)
{
	const char	*keys[2] = { o->ident.s, o->source_id.s };
	struct service	*b;
	size_t		 i;

	*by_source = false;
	for (i = 0; i < NELEM(keys); i++) {
		if (keys[i] == NULL)
			continue;
		if ((b = strmap_get(idents, keys[i])) != NULL)
			return b;
		if ((b = strmap_get(sources, keys[i])) != NULL) {
			*by_source = i == 0;
			return b;
		}
	}
	return NULL;
}

static void
merge_overrides(struct catalogue *c, struct diag *d)
{
	struct strmap	*idents = strmap_new(), *sources = strmap_new();
	struct service	*s;
	struct ovr	 m;
	size_t		 i;

	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (s->is_override || s->dropped)
			continue;
		if (s->ident.s != NULL)
			strmap_put(idents, s->ident.s, s);
		if (s->source_id.s != NULL)
			strmap_put(sources, s->source_id.s, s);
	}
	for (i = 0; i < c->nservices; i++) {
		s = c->services[i];
		if (!s->is_override || s->dropped)
			continue;
		s->dropped = true;
		model_touch(c);
		m.d = d;
		m.o = s;
		if ((m.base = ovr_base(idents, sources, s, &m.by_source)) !=
		    NULL) {
			ovr_apply(&m);
			/* An identifikátor learnt from the override counts. */
			if (m.base->ident.s != NULL)
				strmap_put(idents, m.base->ident.s, m.base);
		} else if (s->ident.s == NULL && s->source_id.s == NULL)
			diag(d, D_MISSING_FIELD, &s->pos, "override record %s "
			    "has no identifikátor to say which service it "
			    "enriches; override dropped", dq(d, s->name.s));
		else
			diag(d, D_UNKNOWN_REF, s->ident.s ? &s->ident.pos :
			    &s->source_id.pos, "the override file has data for "
			    "service %s, which is not in the catalogue; "
			    "override dropped", dq(d, s->ident.s ? s->ident.s :
			    s->source_id.s));
	}
	strmap_free(idents);
	strmap_free(sources);
}

/* ---- step 3: providers ---- */

struct fold {
	struct diag		*d;
	struct provider		*keep;
	const struct provider	*later;
};

static void
fold_conflict(struct fold *f, const char *field, const struct srcpos *pos,
    const char *now, const struct srcpos *kpos, const char *kept)
{
	const struct provider *k = f->keep;

	if (kpos == NULL || kpos->line == 0)
		kpos = &k->pos;
	diag(f->d, D_PROVIDER_CONFLICT, pos->line ? pos : &f->later->pos,
	    "provider %s%s%s%s: %s %s here differs from %s at %s:%d; the first "
	    "value is kept", dq(f->d, k->name.s), k->ico.s ? " (IČO " : "",
	    k->ico.s ? k->ico.s : "", k->ico.s ? ")" : "" , field,
	    dq(f->d, now), dq(f->d, kept), kpos->file ? kpos->file : "?",
	    kpos->line);
}

static void
fold_str(struct fold *f, struct str *to, const struct str *from,
    const char *field)
{
	if (from->s == NULL)
		return;
	if (to->s == NULL)
		*to = *from;
	else if (strcmp(to->s, from->s) != 0)
		fold_conflict(f, field, &from->pos, from->s, &to->pos, to->s);
}

static void
fold_strs(struct fold *f, struct str **to, size_t *nto,
    struct str *from, size_t nfrom, const char *field)
{
	struct buf	 now = { 0 }, kept = { 0 };

	if (nfrom == 0)
		return;
	if (*nto == 0) {
		*to = from;
		*nto = nfrom;
	} else if (!model_strs_eq(*to, *nto, from, nfrom)) {
		put_strs(&now, from, nfrom);
		put_strs(&kept, *to, *nto);
		fold_conflict(f, field, &from[0].pos, buf_str(&now),
		    &(*to)[0].pos, buf_str(&kept));
	}
	buf_free(&now);
	buf_free(&kept);
}

static void
fold_provider(struct diag *d, struct provider *keep, struct provider *p)
{
	struct fold	 f = { d, keep, p };
	struct buf	 now = { 0 }, kept = { 0 };

	if (keep->key.s == NULL)
		keep->key = p->key;
	fold_str(&f, &keep->name, &p->name, "name");
	fold_str(&f, &keep->ico, &p->ico, "IČO");
	fold_str(&f, &keep->legal_form, &p->legal_form, "legal form");
	fold_str(&f, &keep->dic, &p->dic, "DIČ");
	if (p->seat.present) {
		if (!keep->seat.present)
			keep->seat = p->seat;
		else if (!model_address_eq(&keep->seat, &p->seat)) {
			put_address(&now, &p->seat);
			put_address(&kept, &keep->seat);
			fold_conflict(&f, "registered office", &p->seat.pos,
			    buf_str(&now), &keep->seat.pos, buf_str(&kept));
		}
	}
	fold_strs(&f, &keep->contacts.phones, &keep->contacts.nphones,
	    p->contacts.phones, p->contacts.nphones, "phones");
	fold_strs(&f, &keep->contacts.emails, &keep->contacts.nemails,
	    p->contacts.emails, p->contacts.nemails, "e-mails");
	fold_strs(&f, &keep->contacts.webs, &keep->contacts.nwebs,
	    p->contacts.webs, p->contacts.nwebs, "web addresses");
	buf_free(&now);
	buf_free(&kept);
}

static void
merge_providers(struct catalogue *c, struct diag *d)
{
	struct strmap	 *byico = strmap_new(), *bykey = strmap_new();
	struct provider	**keeper, *p, *q, *t;
	struct service	 *s;
	size_t		  i, j, nfolded = 0;

	keeper = xcalloc(c->nproviders + 1, sizeof *keeper);
	for (i = 0; i < c->nproviders; i++) {
		p = c->providers[i];
		p->index = (int)i;
		q = NULL;
		if (p->ico.s != NULL)
			q = strmap_get(byico, p->ico.s);
		if (q == NULL && p->key.s != NULL)
			q = strmap_get(bykey, p->key.s);
		if (q != NULL) {
			fold_provider(d, q, p);
			keeper[i] = q;
			nfolded++;
		} else
			q = p;
		/* Later records with either identity find the kept one. */
		if (p->ico.s != NULL)
			strmap_put(byico, p->ico.s, q);
		if (q->ico.s != NULL)
			strmap_put(byico, q->ico.s, q);
		if (p->key.s != NULL)
			strmap_put(bykey, p->key.s, q);
	}
	if (nfolded != 0) {
		/* Re-point services while the folded records still resolve. */
		for (i = 0; i < c->nservices; i++) {
			s = c->services[i];
			t = s->provider;
			if (t == NULL && s->provider_ref.s != NULL)
				t = model_find_provider(c, s->provider_ref.s);
			if (t != NULL && keeper[t->index] != NULL)
				s->provider = keeper[t->index];
		}
		for (i = j = 0; i < c->nproviders; i++)
			if (keeper[i] == NULL) {
				c->providers[j] = c->providers[i];
				c->providers[j]->index = (int)j;
				j++;
			}
		c->nproviders = j;
		model_touch(c);
	}
	free(keeper);
	strmap_free(byico);
	strmap_free(bykey);
}

void
merge_catalogue(struct catalogue *c, struct diag *d)
{
	if (c == NULL)
		return;
	merge_duplicates(c, d);
	merge_overrides(c, d);
	merge_providers(c, d);
	model_compact(c);
}
