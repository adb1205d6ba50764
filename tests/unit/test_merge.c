/*
 * Unit tests of merge_catalogue() (src/merge.c): overrides folded into the
 * services they enrich, providers folded by IČO or key, identifikátor
 * duplicates across inputs. The catalogues are built in C, with positions
 * in made-up files, so that messages can be checked exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "diag.h"
#include "harness.h"
#include "testutil.h"
#include "merge.h"
#include "model.h"
#include "util.h"

struct run {
	struct catalogue *c;
	struct capture	 cap;
	const char	*file[3];	/* a.json, b.json, doplnky.json */
};

static void
start(struct run *r)
{
	memset(r, 0, sizeof *r);
	capture_open(&r->cap);
	r->c = model_new();
	r->file[0] = diag_file(r->cap.d, "a.json");
	r->file[1] = diag_file(r->cap.d, "b.json");
	r->file[2] = diag_file(r->cap.d, "doplnky.json");
}

static void
merge(struct run *r)
{
	merge_catalogue(r->c, r->cap.d);
	capture_text(&r->cap);
}

static void
done(struct run *r)
{
	model_free(r->c);
	capture_close(&r->cap);
}

static bool
has(const struct run *r, const char *text)
{
	return r->cap.mem != NULL && strstr(r->cap.mem, text) != NULL;
}

/* A value in input file `in` at line:col. */
static struct str
val(struct run *r, int in, int line, int col, const char *s)
{
	struct srcpos	 pos = { r->file[in], line, col };

	return model_str(r->c, s, &pos);
}

static struct service *
svc(struct run *r, int in, int line, const char *ident, const char *name)
{
	struct service	*s = model_add_service(r->c);

	s->input = in;
	s->is_override = in == 2;
	s->origin = "native";
	s->pos = (struct srcpos){ r->file[in], line, 3 };
	if (ident != NULL)
		s->ident = val(r, in, line, 20, ident);
	if (name != NULL)
		s->name = val(r, in, line + 1, 12, name);
	return s;
}

static struct str *
strs(struct run *r, int in, int line, const char *a, const char *b)
{
	struct str	*v = model_array(r->c, 2, sizeof *v);

	v[0] = val(r, in, line, 5, a);
	if (b != NULL)
		v[1] = val(r, in, line, 25, b);
	return v;
}

static struct provider *
prov(struct run *r, int in, int line, const char *key, const char *ico,
    const char *name)
{
	struct provider	*p = model_add_provider(r->c);

	p->input = in;
	p->pos = (struct srcpos){ r->file[in], line, 3 };
	if (key)
		p->key = val(r, in, line, 10, key);
	if (ico)
		p->ico = val(r, in, line + 1, 10, ico);
	if (name)
		p->name = val(r, in, line + 2, 12, name);
	return p;
}

static void
test_override(void)
{
	struct run	 r;
	struct service	*b, *o;

	start(&r);
	b = svc(&r, 0, 10, "1234567", "Pečovatelská služba");
	b->contacts.phones = strs(&r, 0, 14, "573 333 123", "604 111 222");
	b->contacts.nphones = 2;
	b->description = val(&r, 0, 15, 12, "Stará služba.");
	b->type = cb_type_find("§ 40");
	svc(&r, 0, 30, "7654321", "Jiná");
	o = svc(&r, 2, 4, "1234567", "Pečovatelská služba Hulín");
	o->description = val(&r, 2, 6, 12, "Pomáháme seniorům doma.");
	o->contacts.phones = strs(&r, 2, 7, "573 000 000", NULL);
	o->contacts.nphones = 1;
	o->contacts.emails = strs(&r, 2, 8, "ps@hulin.cz", NULL);
	o->contacts.nemails = 1;
	o->fee = FEE_PAID;
	merge(&r);

	INT_EQ(r.c->nservices, 2, "override record removed");
	STR_EQ(r.c->services[0]->name.s, "Pečovatelská služba Hulín",
	    "name replaced");
	STR_EQ(r.c->services[0]->description.s, "Pomáháme seniorům doma.",
	    "description replaced");
	INT_EQ(r.c->services[0]->contacts.nphones, 1, "phones wholesale");
	STR_EQ(r.c->services[0]->contacts.phones[0].s, "573 000 000", "phone");
	INT_EQ(r.c->services[0]->contacts.nemails, 1, "e-mail filled");
	INT_EQ(r.c->services[0]->fee, FEE_PAID, "fee filled");
	OK(r.c->services[0]->type == cb_type_find("40"), "type kept");
	STR_EQ(r.c->services[0]->name.pos.file, "doplnky.json",
	    "replaced value keeps the override's position");
	INT_EQ(diag_count_code(r.cap.d, D_MERGE_CONFLICT), 3,
	    "name, description, phones conflict; e-mail and fee do not");
	OK(has(&r, "doplnky.json:5:12: warning: service „1234567“: the "
	    "override gives name „Pečovatelská služba Hulín“, but a.json:11 "
	    "has „Pečovatelská služba“; the value from the override file is "
	    "used [merge-conflict]"), "name conflict message");
	OK(has(&r, "doplnky.json:7:5: warning: service „1234567“: the "
	    "override gives phones „573 000 000“, but a.json:14 has „573 333 "
	    "123, 604 111 222“"), "list conflict message");
	done(&r);
}

static void
test_override_forms(void)
{
	struct run	 r;
	struct service	*b, *o;

	start(&r);
	b = svc(&r, 0, 10, "1234567", "Domov");
	b->nforms = 1;
	b->forms = model_array(r.c, 1, sizeof *b->forms);
	b->forms[0].form = cb_find(CB_FORM, "pob");
	b->forms[0].pos = (struct srcpos){ r.file[0], 12, 5 };
	b->forms[0].ncaps = 1;
	b->forms[0].caps = model_array(r.c, 1, sizeof *b->forms[0].caps);
	b->forms[0].caps[0].unit = cb_find(CB_UNIT, "luzka");
	b->forms[0].caps[0].count = 30;
	o = svc(&r, 2, 20, "1234567", NULL);
	o->nforms = 2;
	o->forms = model_array(r.c, 2, sizeof *o->forms);
	o->forms[0].form = cb_find(CB_FORM, "pob");
	o->forms[0].pos = (struct srcpos){ r.file[2], 22, 5 };
	o->forms[1].form = cb_find(CB_FORM, "amb");
	merge(&r);
	INT_EQ(r.c->nservices, 1, "one service");
	INT_EQ(r.c->services[0]->nforms, 2, "forms replaced wholesale");
	INT_EQ(r.c->services[0]->forms[0].ncaps, 0, "capacities too");
	STR_EQ(r.c->services[0]->name.s, "Domov", "name kept (not given)");
	OK(has(&r, "doplnky.json:22:5: warning: service „1234567“: the "
	    "override gives forms and capacities „pob; amb“, but a.json:12 "
	    "has „pob 30 luzka“"), "forms conflict rendered");
	done(&r);
}

static void
test_override_unknown(void)
{
	struct run	 r;
	struct service	*o;

	start(&r);
	svc(&r, 0, 10, "1234567", "A");
	svc(&r, 2, 3, "7777777", "B");
	o = svc(&r, 2, 9, NULL, "C");
	(void)o;
	merge(&r);
	INT_EQ(r.c->nservices, 1, "both overrides dropped");
	OK(has(&r, "doplnky.json:3:20: error: the override file has data for "
	    "service „7777777“, which is not in the catalogue; override "
	    "dropped [unknown-ref]"), "unknown identifikátor");
	OK(has(&r, "doplnky.json:9:3: error: override record „C“ has no "
	    "identifikátor"), "no identifikátor");
	done(&r);
}

static void
test_override_by_source_id(void)
{
	struct run	 r;
	struct service	*b, *o, *o2;

	start(&r);
	b = svc(&r, 0, 10, NULL, "Senevida");
	b->source_id = val(&r, 0, 10, 9, "mpsv-7583");
	b->origin = "katalog";
	o = svc(&r, 2, 3, "8532431", NULL);
	o->source_id = val(&r, 2, 3, 40, "mpsv-7583");
	o->age_note = val(&r, 2, 4, 9, "od 65 let");
	/* A second override, keyed by the identifikátor learnt above. */
	o2 = svc(&r, 2, 8, "8532431", NULL);
	o2->age_note = val(&r, 2, 9, 9, "od 60 let");
	/* Keyed by the katalog's id written as the identifikátor. */
	o = svc(&r, 2, 12, "mpsv-7583", NULL);
	o->qr_url = val(&r, 2, 13, 9, "https://senevida.cz");
	merge(&r);
	INT_EQ(r.c->nservices, 1, "merged");
	STR_EQ(r.c->services[0]->qr_url.s, "https://senevida.cz",
	    "matched by the source id in „identifikator“");
	STR_EQ(r.c->services[0]->source_id.s, "mpsv-7583", "source id kept");
	STR_EQ(r.c->services[0]->age_note.s, "od 60 let",
	    "overrides apply in input order");
	OK(has(&r, "doplnky.json:9:9: warning: service „8532431“: the "
	    "override gives age note „od 60 let“, but doplnky.json:4 has „od "
	    "65 let“"), "second override conflicts with the first");
	done(&r);
}

/* An id in „identifikator“ that is a source id is not copied as one. */
static void
test_override_source_id_as_ident(void)
{
	struct run	 r;
	struct service	*b, *o;

	start(&r);
	b = svc(&r, 0, 10, NULL, "Senevida");
	b->source_id = val(&r, 0, 10, 9, "mpsv-7583");
	o = svc(&r, 2, 3, "mpsv-7583", NULL);
	o->description = val(&r, 2, 4, 9, "Domov se zvláštním režimem.");
	merge(&r);
	INT_EQ(r.c->nservices, 1, "merged");
	STR_EQ(r.c->services[0]->description.s, "Domov se zvláštním režimem.",
	    "description added");
	STR_EQ(r.c->services[0]->ident.s, NULL, "no identifikátor invented");
	STR_EQ(r.cap.mem, "", "no message");
	done(&r);
}

static void
test_duplicates(void)
{
	struct run	 r;

	start(&r);
	svc(&r, 0, 10, "1234567", "A");
	svc(&r, 0, 20, "1234567", "A again");
	svc(&r, 1, 5, "1234567", "B");
	svc(&r, 1, 9, "2222222", "C");
	svc(&r, 2, 3, "1234567", NULL)->description =
	    val(&r, 2, 4, 5, "Popis.");
	merge(&r);
	INT_EQ(diag_count_code(r.cap.d, D_IDENT_DUPLICATE), 1,
	    "only the cross-input duplicate");
	OK(has(&r, "b.json:5:20: error: identifikátor „1234567“ of service "
	    "„B“ was already loaded from a.json:10 (service „A“); this later "
	    "record is dropped [ident-duplicate]"), "message");
	INT_EQ(r.c->nservices, 3, "A, A again (validate's job), C");
	STR_EQ(r.c->services[0]->description.s, "Popis.",
	    "the override went to the first");
	STR_EQ(r.c->services[1]->description.s, NULL, "not the second");
	INT_EQ(r.c->services[2]->index, 2, "renumbered");
	done(&r);
}

/* The katalog has no identifikátor: the registry's id finds its duplicate. */
static void
test_duplicates_by_source_id(void)
{
	struct run	 r;
	struct service	*a, *b, *k;

	start(&r);
	k = svc(&r, 0, 5, NULL, "Senevida (katalog)");
	k->source_id = val(&r, 0, 5, 9, "mpsv-7583");
	a = svc(&r, 1, 10, "8532431", "Senevida (registr)");
	a->source_id = val(&r, 1, 11, 15, "mpsv-7583");
	b = svc(&r, 1, 20, "1111111", "Jiná");
	b->source_id = val(&r, 1, 21, 15, "mpsv-1");
	merge(&r);
	INT_EQ(r.c->nservices, 2, "the later copy dropped");
	OK(r.c->services[0] == k && r.c->services[1] == b, "first kept");
	OK(has(&r, "b.json:11:15: error: registry id „mpsv-7583“ of service "
	    "„Senevida (registr)“ was already loaded from a.json:5 (service "
	    "„Senevida (katalog)“); this later record is dropped "
	    "[ident-duplicate]"), "reported at the source id");
	done(&r);
}

static void
test_providers(void)
{
	struct run	 r;
	struct provider	*a, *b;
	struct service	*s1, *s2;

	start(&r);
	a = prov(&r, 0, 3, "charita-km", "44740867", "Charita Kroměříž");
	b = prov(&r, 1, 7, "44740867", "44740867", "Charita  Kroměříž");
	b->legal_form = val(&r, 1, 10, 5, "evidovaná právnická osoba");
	b->contacts.webs = strs(&r, 1, 11, "www.kromeriz.charita.cz", NULL);
	b->contacts.nwebs = 1;
	prov(&r, 1, 20, "jiny", "00287351", "Město Hulín");
	prov(&r, 1, 30, "jiny", NULL, NULL);
	s1 = svc(&r, 0, 50, "1111111", "S1");
	s1->provider_ref = val(&r, 0, 52, 5, "charita-km");
	s2 = svc(&r, 1, 50, "2222222", "S2");
	s2->provider_ref = val(&r, 1, 52, 5, "44740867");
	s2->provider = b;
	merge(&r);
	INT_EQ(r.c->nproviders, 2, "folded into two");
	OK(r.c->providers[0] == a, "the first is kept");
	INT_EQ(r.c->providers[1]->index, 1, "renumbered");
	STR_EQ(a->name.s, "Charita Kroměříž", "first name kept");
	STR_EQ(a->legal_form.s, "evidovaná právnická osoba", "empty filled");
	INT_EQ(a->contacts.nwebs, 1, "webs filled");
	OK(s2->provider == a, "service re-pointed");
	INT_EQ(diag_count_code(r.cap.d, D_PROVIDER_CONFLICT), 1, "one conflict");
	OK(has(&r, "b.json:9:12: warning: provider „Charita Kroměříž“ (IČO "
	    "44740867): name „Charita  Kroměříž“ here differs from „Charita "
	    "Kroměříž“ at a.json:5; the first value is kept "
	    "[provider-conflict]"), "message names the first's position");
	model_link(r.c, r.cap.d);
	OK(s1->provider == a, "key still resolves");
	done(&r);
}

/* A provider referred to by the key of a folded record is re-pointed. */
static void
test_provider_ref_by_folded_key(void)
{
	struct run	 r;
	struct provider	*a;
	struct service	*s;

	start(&r);
	a = prov(&r, 0, 3, "charita-km", "44740867", "Charita");
	prov(&r, 1, 3, "charita", "44740867", "Charita");
	s = svc(&r, 1, 10, "1111111", "S");
	s->provider_ref = val(&r, 1, 12, 5, "charita");
	merge(&r);
	INT_EQ(r.c->nproviders, 1, "folded");
	OK(s->provider == a, "resolved to the kept record");
	STR_EQ(r.cap.mem, "", "same data: no message");
	model_link(r.c, r.cap.d);
	INT_EQ(diag_count_code(r.cap.d, D_UNKNOWN_REF), 0, "link finds it");
	done(&r);
}

/* Same inputs in the same order give the same result, message for message. */
static void
test_deterministic(void)
{
	struct run	 r;
	char		*first = NULL;
	int		 i;

	for (i = 0; i < 2; i++) {
		start(&r);
		prov(&r, 0, 3, "p", "44740867", "A");
		prov(&r, 1, 3, "q", "44740867", "B");
		svc(&r, 0, 10, "1234567", "X");
		svc(&r, 1, 10, "1234567", "Y");
		svc(&r, 2, 10, "1234567", "Z");
		merge(&r);
		if (i == 0)
			first = xstrdup(r.cap.mem);
		else
			STR_EQ(r.cap.mem, first, "identical messages");
		done(&r);
	}
	free(first);
}

int
main(void)
{
	cb_init();
	RUN(test_override);
	RUN(test_override_forms);
	RUN(test_override_unknown);
	RUN(test_override_by_source_id);
	RUN(test_override_source_id_as_ident);
	RUN(test_duplicates);
	RUN(test_duplicates_by_source_id);
	RUN(test_providers);
	RUN(test_provider_ref_by_folded_key);
	RUN(test_deterministic);
	return DONE();
}
