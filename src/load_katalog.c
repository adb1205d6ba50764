/*
 * Loader of the open senior-services catalogue `katalog.json` (schema
 * "verzeSchematu" 1.x, built by AutomatizaceKatalogu from RPSS, ÚZIS NRPZS
 * and RÚIAN). The file is place-centred:
 *
 *	{"verzeSchematu": "1.0.0",
 *	 "mista": [{"id", "kodAdresnihoMista", "adresa": {...},
 *	            "souradnice", "kategorie", "poskytujeZdravotniPeci",
 *	            "sluzby": [{"id": "mpsv-7583", "zdroj": "MPSV", ...}]}]}
 *
 * while the model is service-centred, so the loader inverts it in two
 * passes. Pass one reads every place and the service records in it,
 * reporting wrong types and unknown keys, into records that point into
 * the parse tree. Pass two groups the MPSV records by their "id": one
 * registered service listed at several places becomes ONE service with
 * several places, and its service-level fields (name, provider, type, forms
 * with capacities, dates, contacts) must agree between the repetitions —
 * a disagreement is a merge-conflict warning at the later value, and the
 * first value is used. ÚZIS records (health care) are not social services:
 * each becomes a related listing ("návazná služba") with the place's
 * address. Providers are made one per IČO.
 *
 * Filters from struct load_opts apply in pass one, as in the registry
 * loader: records at a place outside the territory, and records not active
 * on the given date, are counted but not checked further — a coordinator
 * is not told about problems in services that will not be printed. A
 * service keeps only its places inside the territory; providers appear
 * only when a kept service names them. One note per file says how many
 * services the filters left out.
 *
 * Ignored on purpose (read but not used, never reported): "souradnice"
 * (coordinates; the model has none yet), "kategorie" (the catalogue's own
 * senior-oriented grouping, not a codebook of ours), "poskytujeZdravotniPeci"
 * (the ÚZIS listings say it better), the place's "id" (not a name) except
 * in listing ids, the capacity's "typNazev" (the label of "typ"), "kodOkresu"
 * beyond filtering (the model has no okres code), and the provider of an
 * ÚZIS record (listings have no provider; its name is usually the
 * listing's name).
 *
 * The katalog carries no identifikátor: services get only a source id.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json.h"
#include "load.h"
#include "strmap.h"
#include "tree.h"
#include "util.h"

enum ksource { KS_MPSV, KS_UZIS };

/* A place as read. */
struct kplace {
	const char	*id;		/* "misto-79121519"; may be NULL */
	struct address	 addr;		/* strings point into the tree */
	struct str	 district_code;	/* kodOkresu, for filtering only */
	size_t		 seq;		/* order in the file */
	struct srcpos	 pos;
};

/* One service record at one place, as read. */
struct krec {
	enum ksource	 src;
	struct kplace	*place;
	/*
	 * The service-level fields. Strings point into the tree and arrays
	 * into the scratch arena; pass two copies what it keeps.
	 */
	struct service	 svc;
	struct str	 prov_name;
	struct str	 prov_ico;
	struct str	 type_code;	/* druhSluzby.kod as written */
	struct str	 type_name;	/* druhSluzby.nazev */
	struct str	 field;		/* oborPece (ÚZIS) */
	struct srcpos	 forms_pos;	/* of "formy", or of the record */
	struct srcpos	 phones_pos, emails_pos, webs_pos;
	bool		 bad;		/* reported and dropped */
};

struct kload {
	struct catalogue	*c;
	struct diag		*d;
	const struct load_opts	*o;
	const char		*file;
	struct arena		*scratch;	/* tree and pass-one records */
	struct krec		**recs;
	size_t			  nrecs, caprecs;
	size_t			  nplaces;
	/*
	 * Records the filters leave out, by source id (each id once, in file
	 * order): MPSV records at places outside the territory or not active;
	 * ÚZIS records are counted one by one.
	 */
	struct filtered {
		const char	**ids;
		size_t		  n, cap;
		struct strmap	 *seen;
	}			  outside, inactive;
	size_t			  out_listings;
};

static const char *const root_keys[] = { "verzeSchematu", "mista", NULL };
static const char *const place_keys[] = { "id", "kodAdresnihoMista",
	"adresa", "souradnice", "kategorie", "poskytujeZdravotniPeci",
	"sluzby", NULL };
static const char *const addr_keys[] = { "ulice", "cisloDomovni",
	"cisloOrientacni", "psc", "obec", "kodObce", "castObce", "okres",
	"kodOkresu", "kraj", "kodKraje", NULL };
static const char *const mpsv_keys[] = { "id", "zdroj", "nazev",
	"poskytovatel", "druhSluzby", "formy", "datumPoskytovaniOd",
	"datumPoskytovaniDo", "kontakt", NULL };
static const char *const uzis_keys[] = { "id", "zdroj", "nazev",
	"poskytovatel", "druhSluzby", "oborPece", "datumPoskytovaniOd",
	"datumPoskytovaniDo", "kontakt", NULL };
static const char *const prov_keys[] = { "nazev", "ico", NULL };
static const char *const type_keys[] = { "kod", "nazev", NULL };
static const char *const form_keys[] = { "forma", "kapacitaRegistrovana",
	NULL };
static const char *const cap_keys[] = { "typ", "typNazev", "pocet", NULL };
static const char *const contact_keys[] = { "weby", "emaily", "telefony",
	NULL };

/* ---- pass one: reading values ---- */

/*
 * A text value (numbers accepted as their literal), trimmed of spaces at
 * both ends (trim_space()) as the native format does. Empty text counts as
 * absent; text holding a NUL character is reported and dropped.
 */
static struct str
k_text(struct kload *k, struct node *n, const char *field, bool numbers)
{
	struct str	 r = { NULL, { NULL, 0, 0 } };
	const char	*s;
	size_t		 len;

	if (n == NULL || (s = tree_string(n, k->d, field, numbers)) == NULL)
		return r;
	r.pos = n->pos;
	if (strlen(s) != n->len) {
		diag(k->d, D_BAD_VALUE, &n->pos, "%s contains a NUL "
		    "character; value dropped", field);
		return r;
	}
	s = trim_space(s, n->len, &len);
	if (len == 0)
		return r;
	r.s = len == strlen(s) ? s : arena_strndup(k->scratch, s, len);
	return r;
}

/* Parses an integer literal ("-12", "125"); false if it is not one. */
static bool
k_integer(const char *s, long long *out)
{
	long long	 v = 0;
	bool		 neg = false;
	int		 digits = 0;

	if (*s == '-') {
		neg = true;
		s++;
	}
	for (; is_digit((unsigned char)*s); s++) {
		if (++digits > 18)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (digits == 0 || *s != '\0')
		return false;
	*out = neg ? -v : v;
	return true;
}

static void
k_date(struct kload *k, struct node *n, const char *field, struct date *out)
{
	struct str	 t = k_text(k, n, field, false);

	if (t.s == NULL)
		return;
	if (!date_parse(t.s, out)) {
		diag(k->d, D_DATE_FORMAT, &t.pos, "%s %s is not a date "
		    "(YYYY-MM-DD); value dropped", field, dq(k->d, t.s));
		memset(out, 0, sizeof *out);
		return;
	}
	out->pos = t.pos;
}

/* Reads a list of texts into *v (scratch arena); returns the count. */
static size_t
k_texts(struct kload *k, struct node *n, const char *field, struct str **v,
    struct srcpos *pos)
{
	size_t		 i, cnt = 0;
	struct str	 t;

	*v = NULL;
	if (n == NULL)
		return 0;
	*pos = n->pos;
	if (!tree_expect(n, N_ARRAY, k->d, field))
		return 0;
	*v = arena_alloc(k->scratch, (n->n ? n->n : 1) * sizeof **v);
	for (i = 0; i < n->n; i++) {
		t = k_text(k, n->items[i], field, false);
		if (t.s != NULL)
			(*v)[cnt++] = t;
	}
	return cnt;
}

static void
k_contacts(struct kload *k, struct node *n, struct krec *r)
{
	struct contacts	*c = &r->svc.contacts;

	r->phones_pos = r->emails_pos = r->webs_pos = r->svc.pos;
	if (n == NULL || !tree_expect(n, N_OBJECT, k->d, "kontakt"))
		return;
	c->nwebs = k_texts(k, tree_get(n, "weby"), "kontakt.weby", &c->webs,
	    &r->webs_pos);
	c->nemails = k_texts(k, tree_get(n, "emaily"), "kontakt.emaily",
	    &c->emails, &r->emails_pos);
	c->nphones = k_texts(k, tree_get(n, "telefony"), "kontakt.telefony",
	    &c->phones, &r->phones_pos);
	tree_check_unused(n, k->d, "the contacts of a service",
	    contact_keys);
}

/* One capacity {typ, typNazev, pocet}; false if it is unusable. */
static bool
k_capacity(struct kload *k, struct node *n, struct capacity *cap)
{
	struct str	 unit, count;

	memset(cap, 0, sizeof *cap);	/* the slot may hold a dropped one */
	if (!tree_expect(n, N_OBJECT, k->d, "kapacitaRegistrovana"))
		return false;
	unit = k_text(k, tree_get(n, "typ"), "kapacitaRegistrovana.typ",
	    false);
	(void)tree_get(n, "typNazev");	/* the label of "typ" */
	count = k_text(k, tree_get(n, "pocet"), "kapacitaRegistrovana.pocet",
	    true);
	tree_check_unused(n, k->d, "a capacity", cap_keys);
	cap->pos = n->pos;
	if (unit.s == NULL) {
		diag(k->d, D_MISSING_FIELD, &n->pos, "capacity has no unit "
		    "(typ); capacity dropped");
		return false;
	}
	if ((cap->unit = cb_find(CB_UNIT, unit.s)) == NULL) {
		diag(k->d, D_UNKNOWN_CODE, &unit.pos, "unknown capacity unit "
		    "%s; capacity dropped", dq(k->d, unit.s));
		return false;
	}
	if (count.s == NULL) {
		diag(k->d, D_MISSING_FIELD, &n->pos, "capacity has no number "
		    "(pocet); capacity dropped");
		return false;
	}
	if (!k_integer(count.s, &cap->count)) {
		diag(k->d, D_NUMBER_FORMAT, &count.pos, "capacity %s is not "
		    "a whole number; capacity dropped", dq(k->d, count.s));
		return false;
	}
	return true;
}

/* One form {forma, kapacitaRegistrovana[]}; false if it is unusable. */
static bool
k_form(struct kload *k, struct node *n, struct service_form *f)
{
	struct str	 form;
	struct node	*caps;
	size_t		 i;

	memset(f, 0, sizeof *f);	/* the slot may hold a dropped one */
	if (!tree_expect(n, N_OBJECT, k->d, "formy"))
		return false;
	form = k_text(k, tree_get(n, "forma"), "formy.forma", false);
	caps = tree_get(n, "kapacitaRegistrovana");
	f->pos = n->pos;
	if (caps != NULL &&
	    tree_expect(caps, N_ARRAY, k->d, "kapacitaRegistrovana")) {
		f->caps = arena_alloc(k->scratch,
		    (caps->n ? caps->n : 1) * sizeof *f->caps);
		for (i = 0; i < caps->n; i++)
			if (k_capacity(k, caps->items[i], &f->caps[f->ncaps]))
				f->ncaps++;
	}
	tree_check_unused(n, k->d, "a form of provision", form_keys);
	if (form.s == NULL) {
		diag(k->d, D_MISSING_FIELD, &n->pos, "form of provision has "
		    "no \"forma\"; form dropped");
		return false;
	}
	if ((f->form = cb_find(CB_FORM, form.s)) == NULL) {
		diag(k->d, D_UNKNOWN_CODE, &form.pos, "unknown form of "
		    "provision %s (use pob, amb or ter); form dropped",
		    dq(k->d, form.s));
		return false;
	}
	return true;
}

static void
k_forms(struct kload *k, struct node *n, struct krec *r)
{
	struct service	*s = &r->svc;
	size_t		 i;

	r->forms_pos = s->pos;
	if (n == NULL)
		return;
	r->forms_pos = n->pos;
	if (!tree_expect(n, N_ARRAY, k->d, "formy"))
		return;
	s->forms = arena_alloc(k->scratch, (n->n ? n->n : 1) *
	    sizeof *s->forms);
	for (i = 0; i < n->n; i++)
		if (k_form(k, n->items[i], &s->forms[s->nforms]))
			s->nforms++;
}

static void
k_provider(struct kload *k, struct node *n, struct krec *r)
{
	if (n == NULL || !tree_expect(n, N_OBJECT, k->d, "poskytovatel"))
		return;
	r->prov_name = k_text(k, tree_get(n, "nazev"), "poskytovatel.nazev",
	    false);
	r->prov_ico = k_text(k, tree_get(n, "ico"), "poskytovatel.ico",
	    true);
	tree_check_unused(n, k->d, "a provider", prov_keys);
}

static void
k_type(struct kload *k, struct node *n, struct krec *r)
{
	if (n == NULL || !tree_expect(n, N_OBJECT, k->d, "druhSluzby"))
		return;
	r->type_code = k_text(k, tree_get(n, "kod"), "druhSluzby.kod", true);
	r->type_name = k_text(k, tree_get(n, "nazev"), "druhSluzby.nazev",
	    false);
	tree_check_unused(n, k->d, "the type of a service", type_keys);
	if (r->src != KS_MPSV)
		return;		/* ÚZIS kinds of care are not our codebook */
	r->svc.type_pos = r->type_code.s ? r->type_code.pos :
	    r->type_name.pos;
	if ((r->svc.type = cb_type_find(r->type_code.s)) == NULL)
		r->svc.type = cb_type_find(r->type_name.s);
	/* Without a type there is no entry to print: as the other loaders. */
	if (r->svc.type == NULL && (r->type_code.s || r->type_name.s)) {
		diag(k->d, D_UNKNOWN_CODE, &r->svc.type_pos, "unknown type "
		    "of social service %s; record dropped", dq(k->d,
		    r->type_code.s ? r->type_code.s : r->type_name.s));
		r->bad = true;
	}
}

/* Decides MPSV or ÚZIS from "zdroj" (or, without it, from the id). */
static bool
k_source(struct kload *k, struct node *rec, struct krec *r)
{
	struct str	 z = k_text(k, tree_get(rec, "zdroj"), "zdroj", false);
	const char	*id = r->svc.source_id.s;

	if (z.s == NULL) {
		if (strncmp(id, "mpsv-", 5) == 0)
			z.s = "MPSV";
		else if (strncmp(id, "uzis-", 5) == 0)
			z.s = "UZIS";
	}
	if (z.s != NULL && strcmp(z.s, "MPSV") == 0)
		r->src = KS_MPSV;
	else if (z.s != NULL && strcmp(z.s, "UZIS") == 0)
		r->src = KS_UZIS;
	else if (z.s == NULL) {
		diag(k->d, D_MISSING_FIELD, &rec->pos, "service record %s "
		    "has no source (zdroj: MPSV or UZIS); record dropped",
		    dq(k->d, id));
		return false;
	} else {
		diag(k->d, D_BAD_VALUE, &z.pos, "unknown source %s (expected "
		    "MPSV or UZIS); record dropped", dq(k->d, z.s));
		return false;
	}
	return true;
}

static bool
k_active(const struct load_opts *o, const struct service *s)
{
	if (o->active_on.y == 0)
		return true;
	if (s->from.y != 0 && date_cmp(&s->from, &o->active_on) > 0)
		return false;
	if (s->to.y != 0 && date_cmp(&s->to, &o->active_on) < 0)
		return false;
	return true;
}

/* Counts a record the filters leave out, without checking it. */
static void
k_left_out(struct kload *k, struct filtered *f, struct krec *r)
{
	const char	*id = r->svc.source_id.s;

	if (r->src == KS_UZIS) {
		k->out_listings++;
		return;
	}
	if (f->seen == NULL)
		f->seen = strmap_new();
	if (strmap_get(f->seen, id) != NULL)
		return;
	strmap_put(f->seen, id, f);
	grow(&f->ids, &f->cap, f->n + 1, sizeof *f->ids);
	f->ids[f->n++] = id;
}

/*
 * A record at a place outside the territory: only its id and source are
 * looked at (silently), to count it.
 */
static void
k_outside(struct kload *k, struct node *rec, struct kplace *pl)
{
	struct krec	 r;
	struct node	*id = tree_get(rec, "id"), *z = tree_get(rec, "zdroj");

	if (id == NULL || (id->kind != N_STRING && id->kind != N_NUMBER) ||
	    strlen(id->str) != id->len)
		return;
	memset(&r, 0, sizeof r);
	r.place = pl;
	r.svc.source_id.s = id->str;
	r.src = (z != NULL && z->kind == N_STRING &&
	    strcmp(z->str, "UZIS") == 0) || (z == NULL &&
	    strncmp(id->str, "uzis-", 5) == 0) ? KS_UZIS : KS_MPSV;
	k_left_out(k, &k->outside, &r);
}

/* Reads one entry of a place's "sluzby". */
static void
k_record(struct kload *k, struct node *rec, struct kplace *pl)
{
	struct krec	*r;
	struct service	*s;

	if (!tree_expect(rec, N_OBJECT, k->d, "sluzby"))
		return;
	r = arena_alloc(k->scratch, sizeof *r);
	r->place = pl;
	s = &r->svc;
	s->pos = rec->pos;
	s->fee = FEE_UNKNOWN;
	s->barrier_free = TRI_UNKNOWN;
	s->source_id = k_text(k, tree_get(rec, "id"), "id", true);
	if (s->source_id.s == NULL) {
		s->name = k_text(k, tree_get(rec, "nazev"), "nazev", false);
		diag(k->d, D_MISSING_FIELD, &rec->pos, "service record %s has "
		    "no id; record dropped", dq(k->d, s->name.s));
		tree_mark_used(rec);
		return;
	}
	if (!k_source(k, rec, r)) {
		tree_mark_used(rec);
		return;
	}
	k_date(k, tree_get(rec, "datumPoskytovaniOd"), "datumPoskytovaniOd",
	    &s->from);
	k_date(k, tree_get(rec, "datumPoskytovaniDo"), "datumPoskytovaniDo",
	    &s->to);
	if (!k_active(k->o, s)) {
		/* Not checked further: it is not going to be printed. */
		k_left_out(k, &k->inactive, r);
		tree_mark_used(rec);
		return;
	}
	s->name = k_text(k, tree_get(rec, "nazev"), "nazev", false);
	k_provider(k, tree_get(rec, "poskytovatel"), r);
	k_type(k, tree_get(rec, "druhSluzby"), r);
	if (r->src == KS_MPSV)
		k_forms(k, tree_get(rec, "formy"), r);
	else
		r->field = k_text(k, tree_get(rec, "oborPece"), "oborPece",
		    false);
	k_contacts(k, tree_get(rec, "kontakt"), r);
	tree_check_unused(rec, k->d, r->src == KS_MPSV ?
	    "a social service (MPSV)" : "a health service (UZIS)",
	    r->src == KS_MPSV ? mpsv_keys : uzis_keys);
	if (r->bad)
		return;
	grow(&k->recs, &k->caprecs, k->nrecs + 1, sizeof *k->recs);
	k->recs[k->nrecs++] = r;
}

/* The number kodAdresnihoMista (RÚIAN); 0 when absent or unusable. */
static long long
k_ruian(struct kload *k, struct node *n)
{
	struct str	 t = k_text(k, n, "kodAdresnihoMista", true);
	long long	 v;

	if (t.s == NULL)
		return 0;
	if (!k_integer(t.s, &v) || v <= 0) {
		diag(k->d, D_BAD_VALUE, &t.pos, "address point code "
		    "(kodAdresnihoMista) %s is not a positive whole number; "
		    "value dropped", dq(k->d, t.s));
		return 0;
	}
	return v;
}

static void
k_address(struct kload *k, struct node *n, struct kplace *pl)
{
	struct address	*a = &pl->addr;

	if (n == NULL || !tree_expect(n, N_OBJECT, k->d, "adresa"))
		return;
	a->present = true;
	a->pos = n->pos;
	a->street = k_text(k, tree_get(n, "ulice"), "adresa.ulice", false);
	a->house = k_text(k, tree_get(n, "cisloDomovni"),
	    "adresa.cisloDomovni", true);
	a->orient = k_text(k, tree_get(n, "cisloOrientacni"),
	    "adresa.cisloOrientacni", true);
	a->psc = k_text(k, tree_get(n, "psc"), "adresa.psc", true);
	a->municipality = k_text(k, tree_get(n, "obec"), "adresa.obec", false);
	a->municipality_code = k_text(k, tree_get(n, "kodObce"),
	    "adresa.kodObce", true);
	a->part = k_text(k, tree_get(n, "castObce"), "adresa.castObce", false);
	a->district = k_text(k, tree_get(n, "okres"), "adresa.okres", false);
	pl->district_code = k_text(k, tree_get(n, "kodOkresu"),
	    "adresa.kodOkresu", false);
	a->region = k_text(k, tree_get(n, "kraj"), "adresa.kraj", false);
	a->region_code = k_text(k, tree_get(n, "kodKraje"), "adresa.kodKraje",
	    false);
	tree_check_unused(n, k->d, "an address", addr_keys);
}

/* ---- territorial filter ---- */

/* Kraj: RÚIAN code → NUTS 3 (DOMAIN.md §2.6). */
static const struct {
	const char	*ruian;
	const char	*nuts;
} kraj_codes[] = {
	{ "19", "CZ010" }, { "27", "CZ020" }, { "35", "CZ031" },
	{ "43", "CZ032" }, { "51", "CZ041" }, { "60", "CZ042" },
	{ "78", "CZ051" }, { "86", "CZ052" }, { "94", "CZ053" },
	{ "108", "CZ063" }, { "116", "CZ064" }, { "124", "CZ071" },
	{ "132", "CZ080" }, { "141", "CZ072" },
};

static const char *
strip_prefix(const char *s, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 ? s + n : s;
}

static bool
str_is(const struct str *v, const char *s)
{
	return v->s != NULL && strcmp(v->s, s) == 0;
}

static bool
match_kraj(const char *want, const struct address *a)
{
	const char	*code = strip_prefix(want, "Kraj/");
	size_t		 i;

	if (str_is(&a->region_code, want) || str_is(&a->region, want))
		return true;
	for (i = 0; i < NELEM(kraj_codes); i++)
		if (strcmp(code, kraj_codes[i].ruian) == 0)
			return str_is(&a->region_code, kraj_codes[i].nuts);
	return false;
}

/*
 * A place is in the territory when it matches every filter list that is
 * set (kraje AND okresy AND obce), each list matching when any of its
 * entries does — by code or by name. A place without an address matches
 * no territorial filter.
 */
static bool
k_in_area(const struct load_opts *o, const struct kplace *pl)
{
	const struct address *a = &pl->addr;
	size_t		 i;
	bool		 hit;
	const char	*w;

	if (o->nkraje == 0 && o->nokresy == 0 && o->nobce == 0)
		return true;
	if (!a->present)
		return false;
	for (hit = o->nkraje == 0, i = 0; !hit && i < o->nkraje; i++)
		hit = match_kraj(o->kraje[i], a);
	if (!hit)
		return false;
	for (hit = o->nokresy == 0, i = 0; !hit && i < o->nokresy; i++)
		hit = str_is(&pl->district_code, o->okresy[i]) ||
		    str_is(&a->district, o->okresy[i]);
	if (!hit)
		return false;
	for (hit = o->nobce == 0, i = 0; !hit && i < o->nobce; i++) {
		w = strip_prefix(o->obce[i], "Obec/");
		hit = str_is(&a->municipality_code, w) ||
		    str_is(&a->municipality, w);
	}
	return hit;
}

/*
 * Okres filters given as RÚIAN codes cannot match: the katalog lacks them
 * (and mapa has no table from them to LAU codes). Without this message the
 * file's services would all vanish unexplained.
 */
static void
k_check_filters(struct kload *k)
{
	struct srcpos	 whole = { k->file, 0, 0 };
	const char	*v;
	size_t		 i;

	for (i = 0; i < k->o->nokresy; i++) {
		v = k->o->okresy[i];
		if (strncmp(v, "Okres/", 6) == 0 || all_digits(v, strlen(v)))
			diag(k->d, D_UNKNOWN_CODE, &whole, "the okres filter "
			    "%s is a RÚIAN code, which this file does not "
			    "carry; write the LAU code (e.g. CZ0721) or the "
			    "name instead; nothing matches it", dq(k->d, v));
	}
}

static void
k_place(struct kload *k, struct node *n)
{
	struct kplace	*pl;
	struct node	*svcs;
	struct str	 id;
	size_t		 i;
	bool		 inside;

	if (!tree_expect(n, N_OBJECT, k->d, "mista"))
		return;
	pl = arena_alloc(k->scratch, sizeof *pl);
	pl->pos = n->pos;
	pl->seq = k->nplaces++;
	id = k_text(k, tree_get(n, "id"), "id", true);
	pl->id = id.s;
	k_address(k, tree_get(n, "adresa"), pl);
	pl->addr.ruian = k_ruian(k, tree_get(n, "kodAdresnihoMista"));
	/* Ignored on purpose; see the comment at the top. */
	(void)tree_get_raw(n, "souradnice");
	(void)tree_get_raw(n, "kategorie");
	(void)tree_get_raw(n, "poskytujeZdravotniPeci");
	svcs = tree_get(n, "sluzby");
	tree_check_unused(n, k->d, "a place", place_keys);
	if (svcs == NULL || !tree_expect(svcs, N_ARRAY, k->d, "sluzby"))
		return;
	inside = k_in_area(k->o, pl);
	for (i = 0; i < svcs->n; i++)
		if (!inside)
			k_outside(k, svcs->items[i], pl);
		else
			k_record(k, svcs->items[i], pl);
}

/* ---- pass two: building the model ---- */

static struct str
cstr(struct kload *k, const struct str *s)
{
	return model_str(k->c, s->s, &s->pos);
}

static struct str *
cstrs(struct kload *k, const struct str *v, size_t n)
{
	struct str	*out = model_array(k->c, n, sizeof *out);
	size_t		 i;

	for (i = 0; i < n; i++)
		out[i] = cstr(k, &v[i]);
	return out;
}

static void
copy_contacts(struct kload *k, struct contacts *to, const struct contacts *f)
{
	to->phones = cstrs(k, f->phones, to->nphones = f->nphones);
	to->emails = cstrs(k, f->emails, to->nemails = f->nemails);
	to->webs = cstrs(k, f->webs, to->nwebs = f->nwebs);
}

static void
copy_address(struct kload *k, struct address *to, const struct address *f)
{
	*to = *f;
	to->street = cstr(k, &f->street);
	to->house = cstr(k, &f->house);
	to->orient = cstr(k, &f->orient);
	to->part = cstr(k, &f->part);
	to->municipality = cstr(k, &f->municipality);
	to->municipality_code = cstr(k, &f->municipality_code);
	to->psc = cstr(k, &f->psc);
	to->district = cstr(k, &f->district);
	to->region = cstr(k, &f->region);
	to->region_code = cstr(k, &f->region_code);
	to->note = cstr(k, &f->note);
}

static void
copy_forms(struct kload *k, struct service *to, const struct service *f)
{
	size_t	 i, j;

	to->nforms = f->nforms;
	to->forms = model_array(k->c, f->nforms, sizeof *to->forms);
	for (i = 0; i < f->nforms; i++) {
		to->forms[i] = f->forms[i];
		to->forms[i].caps = model_array(k->c, f->forms[i].ncaps,
		    sizeof *to->forms[i].caps);
		for (j = 0; j < f->forms[i].ncaps; j++) {
			to->forms[i].caps[j] = f->forms[i].caps[j];
			to->forms[i].caps[j].note = cstr(k,
			    &f->forms[i].caps[j].note);
		}
	}
}

static void
put_forms(struct buf *b, const struct service *s)
{
	size_t	 i, j;

	for (i = 0; i < s->nforms; i++) {
		buf_printf(b, "%s%s", i ? "; " : "", s->forms[i].form->code);
		for (j = 0; j < s->forms[i].ncaps; j++)
			buf_printf(b, " %lld %s", s->forms[i].caps[j].count,
			    s->forms[i].caps[j].unit->code);
	}
	if (s->nforms == 0)
		buf_puts(b, "none");
}

static void
put_strs(struct buf *b, const struct str *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", v[i].s);
	if (n == 0)
		buf_puts(b, "none");
}

static void
put_date(struct buf *b, const struct date *d)
{
	if (d->y == 0)
		buf_puts(b, "none");
	else
		buf_printf(b, "%04d-%02d-%02d", d->y, d->m, d->d);
}

/* Reports one disagreement of a repeated service; a and b are rendered. */
static void
conflict(struct kload *k, const struct krec *first, const struct krec *later,
    const struct srcpos *pos, const char *field, const char *a,
    const char *b)
{
	diag(k->d, D_MERGE_CONFLICT, pos, "service %s is listed at several "
	    "places with different %s: %s here, %s at line %d; the first "
	    "value is used", dq(k->d, first->svc.source_id.s), field,
	    dq(k->d, b), dq(k->d, a), first->svc.pos.line);
}

static const struct srcpos *
pos_or(const struct srcpos *p, const struct krec *r)
{
	return p->line != 0 ? p : &r->svc.pos;
}

static void
conflict_str(struct kload *k, const struct krec *f, const struct krec *l,
    const struct str *a, const struct str *b, const char *field)
{
	if (!model_str_eq(a, b))
		conflict(k, f, l, pos_or(&b->pos, l), field,
		    a->s ? a->s : "none", b->s ? b->s : "none");
}

static void
conflict_strs(struct kload *k, const struct krec *f, const struct krec *l,
    const struct str *a, size_t na, const struct str *b, size_t nb,
    const struct srcpos *pos, const char *field)
{
	struct buf	 ba = { 0 }, bb = { 0 };

	if (model_strs_eq(a, na, b, nb))
		return;
	put_strs(&ba, a, na);
	put_strs(&bb, b, nb);
	conflict(k, f, l, pos_or(pos, l), field, buf_str(&ba), buf_str(&bb));
	buf_free(&ba);
	buf_free(&bb);
}

static void
conflict_date(struct kload *k, const struct krec *f, const struct krec *l,
    const struct date *a, const struct date *b, const char *field)
{
	struct buf	 ba = { 0 }, bb = { 0 };

	if (date_cmp(a, b) == 0)
		return;
	put_date(&ba, a);
	put_date(&bb, b);
	conflict(k, f, l, pos_or(&b->pos, l), field, buf_str(&ba),
	    buf_str(&bb));
	buf_free(&ba);
	buf_free(&bb);
}

/* Compares a later repetition of a service with its first one. */
static void
compare_recs(struct kload *k, const struct krec *f, const struct krec *l)
{
	const struct service *a = &f->svc, *b = &l->svc;
	struct buf	 ba = { 0 }, bb = { 0 };

	conflict_str(k, f, l, &a->name, &b->name, "names (nazev)");
	conflict_str(k, f, l, &f->prov_ico, &l->prov_ico,
	    "provider IČO (poskytovatel.ico)");
	conflict_str(k, f, l, &f->prov_name, &l->prov_name,
	    "provider names (poskytovatel.nazev)");
	if (a->type != b->type || (a->type == NULL &&
	    !model_str_eq(&f->type_code, &l->type_code)))
		conflict(k, f, l, pos_or(&b->type_pos, l),
		    "types (druhSluzby)", a->type ? a->type->name :
		    f->type_code.s ? f->type_code.s : "none", b->type ?
		    b->type->name : l->type_code.s ? l->type_code.s : "none");
	if (!model_forms_eq(a->forms, a->nforms, b->forms, b->nforms)) {
		put_forms(&ba, a);
		put_forms(&bb, b);
		conflict(k, f, l, &l->forms_pos, "forms or capacities (formy)",
		    buf_str(&ba), buf_str(&bb));
		buf_free(&ba);
		buf_free(&bb);
	}
	conflict_date(k, f, l, &a->from, &b->from,
	    "start dates (datumPoskytovaniOd)");
	conflict_date(k, f, l, &a->to, &b->to,
	    "end dates (datumPoskytovaniDo)");
	conflict_strs(k, f, l, a->contacts.phones, a->contacts.nphones,
	    b->contacts.phones, b->contacts.nphones, &l->phones_pos,
	    "phones (kontakt.telefony)");
	conflict_strs(k, f, l, a->contacts.emails, a->contacts.nemails,
	    b->contacts.emails, b->contacts.nemails, &l->emails_pos,
	    "e-mails (kontakt.emaily)");
	conflict_strs(k, f, l, a->contacts.webs, a->contacts.nwebs,
	    b->contacts.webs, b->contacts.nwebs, &l->webs_pos,
	    "webs (kontakt.weby)");
}

/* The provider of a kept service: one per IČO (or per name without one). */
static void
k_provider_for(struct kload *k, struct strmap *provs, const struct krec *r,
    struct service *s)
{
	const struct str *key = r->prov_ico.s ? &r->prov_ico : &r->prov_name;
	struct provider	*p;

	if (key->s == NULL)
		return;		/* model_link() reports the missing provider */
	s->provider_ref = cstr(k, key);
	if ((p = strmap_get(provs, key->s)) != NULL) {
		if (r->prov_name.s != NULL && p->name.s != NULL &&
		    strcmp(r->prov_name.s, p->name.s) != 0)
			diag(k->d, D_PROVIDER_CONFLICT, &r->prov_name.pos,
			    "provider with IČO %s is named %s here but %s "
			    "at line %d; the first name is kept",
			    dq(k->d, key->s), dq(k->d, r->prov_name.s),
			    dq(k->d, p->name.s), p->name.pos.line);
		else if (p->name.s == NULL && r->prov_name.s != NULL)
			p->name = cstr(k, &r->prov_name);
		return;
	}
	p = model_add_provider(k->c);
	p->input = k->o->input;
	p->key = s->provider_ref;
	p->name = cstr(k, &r->prov_name);
	p->ico = cstr(k, &r->prov_ico);
	p->pos = r->prov_name.s ? r->prov_name.pos : key->pos;
	strmap_put(provs, p->key.s, p);
}

static void
k_add_place(struct kload *k, struct service *s, const struct kplace *pl)
{
	struct place	*p = &s->places[s->nplaces++];

	p->pos = pl->pos;
	copy_address(k, &p->addr, &pl->addr);
	if (!pl->addr.present)
		p->addr.pos = pl->pos;
}

/* Is this place already among the service's (listed twice)? */
static bool
k_seen_place(const struct krec *const *group, size_t n, size_t j)
{
	size_t	 i;
	const struct kplace *a = group[j]->place, *b;

	for (i = 0; i < j; i++) {
		b = group[i]->place;
		if (a == b || (a->id != NULL && b->id != NULL &&
		    strcmp(a->id, b->id) == 0))
			return true;
	}
	return false;
}

/*
 * Builds one service from the records of one id, in file order (all inside
 * the territory and active): the first gives the fields, each gives a place.
 */
static void
k_build_service(struct kload *k, struct strmap *provs, struct krec **v,
    size_t n)
{
	struct service	*s;
	size_t		 i;
	int		 index;

	for (i = 1; i < n; i++)
		compare_recs(k, v[0], v[i]);
	s = model_add_service(k->c);
	index = s->index;
	*s = v[0]->svc;
	s->index = index;
	s->origin = "katalog";
	s->input = k->o->input;
	s->is_override = k->o->is_override;
	s->source_id = cstr(k, &v[0]->svc.source_id);
	s->name = cstr(k, &v[0]->svc.name);
	copy_forms(k, s, &v[0]->svc);
	copy_contacts(k, &s->contacts, &v[0]->svc.contacts);
	s->places = model_array(k->c, n, sizeof *s->places);
	s->nplaces = 0;
	for (i = 0; i < n; i++)
		if (!k_seen_place((const struct krec *const *)v, n, i))
			k_add_place(k, s, v[i]->place);
	k_provider_for(k, provs, v[0], s);
}

/* The place's id, or its number in the file when it has none. */
static void
put_place_id(struct buf *b, const struct kplace *pl)
{
	if (pl->id != NULL)
		buf_puts(b, pl->id);
	else
		buf_printf(b, "misto-%zu", pl->seq + 1);
}

/*
 * An ÚZIS record becomes a related listing at its place. The same record
 * at another place is another listing (a listing has one address), with
 * the id "uzis-N@misto-M" to keep listing ids unique; the same record twice
 * at one place is one listing.
 */
static void
k_build_listing(struct kload *k, struct strmap *ids, struct strmap *pairs,
    const struct krec *r)
{
	struct listing	*l;
	struct buf	 b = { 0 };
	const char	*id = r->svc.source_id.s;
	bool		 first;

	buf_printf(&b, "%s@", id);
	put_place_id(&b, r->place);
	if (strmap_get(pairs, buf_str(&b)) != NULL) {
		buf_free(&b);
		return;
	}
	strmap_put(pairs, arena_strdup(k->scratch, buf_str(&b)), k);
	if ((first = strmap_get(ids, id) == NULL))
		strmap_put(ids, id, k);
	l = model_add_listing(k->c, LIST_RELATED);
	l->pos = r->svc.pos;
	l->id = first ? cstr(k, &r->svc.source_id) :
	    model_str(k->c, buf_str(&b), &r->svc.source_id.pos);
	l->name = cstr(k, &r->svc.name);
	l->category = cstr(k, r->type_name.s ? &r->type_name : &r->type_code);
	if (r->field.s != NULL) {
		buf_reset(&b);
		buf_printf(&b, "obor péče: %s", r->field.s);
		l->description = model_str(k->c, buf_str(&b), &r->field.pos);
	}
	buf_free(&b);
	copy_address(k, &l->addr, &r->place->addr);
	copy_contacts(k, &l->contacts, &r->svc.contacts);
}

/*
 * One note per file on what the filters left out. A service counts as not
 * active when no record of it in the territory is active, and as outside
 * when it has no record in the territory at all.
 */
static void
k_report_filtered(struct kload *k, struct strmap *groups, size_t kept)
{
	struct buf	 b = { 0 };
	size_t		 i, out_date = 0, out_area = 0, total;

	for (i = 0; i < k->inactive.n; i++)
		if (strmap_get(groups, k->inactive.ids[i]) == NULL)
			out_date++;
	for (i = 0; i < k->outside.n; i++)
		if (strmap_get(groups, k->outside.ids[i]) == NULL &&
		    (k->inactive.seen == NULL ||
		    strmap_get(k->inactive.seen, k->outside.ids[i]) == NULL))
			out_area++;
	total = out_date + out_area;
	if (total == 0 && k->out_listings == 0)
		return;
	buf_printf(&b, "%zu of %zu services left out by the filters", total,
	    total + kept);
	if (out_date != 0)
		buf_printf(&b, ", %zu not active on %d. %d. %d", out_date,
		    k->o->active_on.d, k->o->active_on.m, k->o->active_on.y);
	if (out_area != 0)
		buf_printf(&b, ", %zu outside the territory", out_area);
	if (k->out_listings != 0)
		buf_printf(&b, "; %zu health-care listings left out",
		    k->out_listings);
	diag(k->d, D_FILTERED, &(struct srcpos){ k->file, 0, 0 }, "%s",
	    buf_str(&b));
	buf_free(&b);
}

/* The 1-based group number of a record's id; 0 if it has none yet. */
static size_t
group_of(const struct strmap *groups, const struct krec *r)
{
	return (size_t)(uintptr_t)strmap_get(groups, r->svc.source_id.s);
}

static void
k_build(struct kload *k)
{
	struct strmap	*groups = strmap_new(), *provs = strmap_new();
	struct strmap	*ids = strmap_new(), *pairs = strmap_new();
	struct krec	**members, *r;
	size_t		*count, *start, ngroups = 0, i, g;

	/* Group MPSV records by id, groups in order of first appearance. */
	count = xcalloc(k->nrecs + 1, sizeof *count);
	start = xcalloc(k->nrecs + 1, sizeof *start);
	members = xcalloc(k->nrecs + 1, sizeof *members);
	for (i = 0; i < k->nrecs; i++) {
		r = k->recs[i];
		if (r->src != KS_MPSV)
			continue;
		if ((g = group_of(groups, r)) == 0) {
			g = ++ngroups;
			strmap_put(groups, r->svc.source_id.s,
			    (void *)(uintptr_t)g);
		}
		count[g - 1]++;
	}
	for (g = 1; g < ngroups; g++)
		start[g] = start[g - 1] + count[g - 1];
	memset(count, 0, (k->nrecs + 1) * sizeof *count);
	for (i = 0; i < k->nrecs; i++) {
		r = k->recs[i];
		if (r->src != KS_MPSV)
			continue;
		g = group_of(groups, r) - 1;
		members[start[g] + count[g]++] = r;
	}
	for (g = 0; g < ngroups; g++)
		k_build_service(k, provs, members + start[g], count[g]);
	for (i = 0; i < k->nrecs; i++)
		if (k->recs[i]->src == KS_UZIS)
			k_build_listing(k, ids, pairs, k->recs[i]);

	k_report_filtered(k, groups, ngroups);
	strmap_free(groups);
	strmap_free(provs);
	strmap_free(ids);
	strmap_free(pairs);
	free(count);
	free(start);
	free(members);
}

/* Accepts "1", "1.0.0", "1.2"; false for another major version. */
static bool
k_version_ok(const char *v)
{
	return v[0] == '1' && (v[1] == '\0' || v[1] == '.');
}

static bool
k_root(struct kload *k, struct node *root)
{
	struct node	*ver, *places;
	struct str	 v;
	size_t		 i;

	if (!tree_expect(root, N_OBJECT, k->d, "the katalog file"))
		return false;
	ver = tree_get(root, "verzeSchematu");
	places = tree_get(root, "mista");
	tree_check_unused(root, k->d, "the katalog file", root_keys);
	v = k_text(k, ver, "verzeSchematu", true);
	if (v.s == NULL && ver == NULL)
		diag_at_level(k->d, D_MISSING_FIELD, DIAG_WARNING,
		    &(struct srcpos){ k->file, 0, 0 }, "the katalog file "
		    "has no \"verzeSchematu\"; read as version 1");
	else if (v.s == NULL || !k_version_ok(v.s)) {
		diag(k->d, D_BAD_VALUE, &ver->pos, "katalog schema version "
		    "%s is not supported (mapa reads version 1.x); file not "
		    "loaded", dq(k->d, v.s ? v.s : ""));
		return false;
	}
	if (places == NULL) {
		diag(k->d, D_MISSING_FIELD, &root->pos, "the katalog file has "
		    "no list of places (\"mista\"); file not loaded");
		return false;
	}
	if (!tree_expect(places, N_ARRAY, k->d, "mista"))
		return false;
	for (i = 0; i < places->n; i++)
		k_place(k, places->items[i]);
	return true;
}

bool
load_katalog(struct catalogue *c, const char *file, const char *buf,
    size_t len, const struct load_opts *opts, struct diag *d)
{
	static const struct load_opts none;
	struct kload	 k;
	struct node	*root;
	bool		 ok = false;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.d = d;
	k.o = opts ? opts : &none;
	k.file = diag_file(d, file);
	k.scratch = arena_new();
	if ((root = json_parse(k.scratch, k.file, buf, len, d)) != NULL &&
	    k_root(&k, root)) {
		k_check_filters(&k);
		k_build(&k);
		ok = true;
	}
	free(k.recs);
	free(k.outside.ids);
	free(k.inactive.ids);
	strmap_free(k.outside.seen);
	strmap_free(k.inactive.seen);
	arena_free(k.scratch);
	return ok;
}
