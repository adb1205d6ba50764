/*
 * Unit tests of the filter stage (src/filter.c): one test per rule —
 * how an address is placed at each level (kraj, okres, obec; names folded,
 * codes exact, undecidable levels), areas of operation, which services and
 * places stay, providers and life situations left behind, target groups,
 * the notes, a registry-filtered catalogue passing through, and a
 * variant's edition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "codebook.h"
#include "diag.h"
#include "dump.h"
#include "edition.h"
#include "filter.h"
#include "harness.h"
#include "load.h"
#include "model.h"
#include "testutil.h"
#include "util.h"

/* Names */

static void
test_same_name(void)
{
	OK(filter_same_name("Kroměříž", "KROMERIZ"), "case and diacritics");
	OK(filter_same_name("Morkovice-Slížany", "morkovice – slizany"),
	    "punctuation and spacing");
	OK(filter_same_name(" Hulín ", "hulin"), "ends trimmed");
	OK(!filter_same_name("Hulín", "Hulínek"), "no prefix match");
	OK(!filter_same_name("Kroměříž", "Kroměříž-Postoloprty"),
	    "a longer name is another one");
	OK(!filter_same_name("--", "  "), "nothing to compare is no match");
	OK(!filter_same_name(NULL, "x"), "absent");
}

/* Addresses */

static struct address
addr(const char *obec, const char *kod_obce, const char *okres,
    const char *kraj, const char *kod_kraje)
{
	struct address	 a;

	memset(&a, 0, sizeof a);
	a.present = true;
	a.municipality.s = obec;
	a.municipality_code.s = kod_obce;
	a.district.s = okres;
	a.region.s = kraj;
	a.region_code.s = kod_kraje;
	return a;
}

static struct load_opts
opts(const char **kraje, size_t nk, const char **okresy, size_t no,
    const char **obce, size_t nob)
{
	struct load_opts o;

	memset(&o, 0, sizeof o);
	o.kraje = kraje;
	o.nkraje = nk;
	o.okresy = okresy;
	o.nokresy = no;
	o.obce = obce;
	o.nobce = nob;
	return o;
}

static void
test_obec(void)
{
	const char	*names[] = { "Hulín", "Kroměříž" };
	const char	*codes[] = { "588296" };
	const char	*prefixed[] = { "Obec/588296" };
	struct load_opts o = opts(NULL, 0, NULL, 0, names, 2);
	struct address	 a;

	a = addr("kroměříž", NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "name, folded");
	a = addr("Zlín", NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_OUT, "another name");
	a = addr(NULL, "588296", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN,
	    "a name filter cannot judge a code");
	a = addr(NULL, NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN, "nothing to judge");

	o = opts(NULL, 0, NULL, 0, codes, 1);
	a = addr("Kroměříž", "588296", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "code");
	a = addr("Kroměříž", "588297", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_OUT, "codes are exact");
	a = addr("Kroměříž", NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN,
	    "a code filter cannot judge a name");
	o = opts(NULL, 0, NULL, 0, prefixed, 1);
	a = addr(NULL, "588296", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "registry id Obec/…");
}

/* Mixed values: out only when every value could be judged. */
static void
test_obec_mixed(void)
{
	const char	*mixed[] = { "588296", "Hulín" };
	struct load_opts o = opts(NULL, 0, NULL, 0, mixed, 2);
	struct address	 a;

	a = addr("Kroměříž", NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN,
	    "Kroměříž may be 588296: not ruled out");
	a = addr("Kroměříž", "588296", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "by code");
	a = addr("Zlín", "585068", NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_OUT, "both judged, neither hits");
}

static void
test_kraj(void)
{
	const char	*nuts[] = { "CZ072" };
	const char	*ruian[] = { "Kraj/141" };
	const char	*digits[] = { "141" };
	const char	*name[] = { "Zlínský kraj" };
	const char	*bare[] = { "zlinsky" };
	const char	*unknown[] = { "Kraj/999" };
	struct load_opts o;
	struct address	 in_code = addr("Zlín", NULL, NULL, NULL, "CZ072");
	struct address	 in_name = addr("Zlín", NULL, NULL, "Zlínský kraj",
	    NULL);
	struct address	 out = addr("Olomouc", NULL, NULL, "Olomoucký kraj",
	    "CZ071");
	struct address	 none = addr("Zlín", NULL, NULL, NULL, NULL);

	o = opts(nuts, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &in_code), FV_IN, "NUTS = NUTS");
	INT_EQ(filter_address(&o, &in_name), FV_IN, "NUTS through the name");
	INT_EQ(filter_address(&o, &out), FV_OUT, "another kraj");
	INT_EQ(filter_address(&o, &none), FV_UNKNOWN, "no kraj in the data");
	o = opts(ruian, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &in_code), FV_IN, "Kraj/141 = CZ072");
	INT_EQ(filter_address(&o, &out), FV_OUT, "Kraj/141 is not CZ071");
	o = opts(digits, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &in_code), FV_IN, "141 = CZ072");
	o = opts(name, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &in_code), FV_IN, "name against code");
	INT_EQ(filter_address(&o, &out), FV_OUT, "name against other code");
	o = opts(bare, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &in_name), FV_IN, "without the word kraj");
	o = opts(unknown, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_address(&o, &out), FV_UNKNOWN,
	    "an id mapa does not know is not judged");
}

static void
test_okres(void)
{
	const char	*lau[] = { "CZ0721" };
	const char	*name[] = { "Kroměříž" };
	const char	*ruian[] = { "Okres/3708" };
	struct load_opts o;
	struct address	 a;

	o = opts(NULL, 0, name, 1, NULL, 0);
	a = addr("Hulín", NULL, "KROMĚŘÍŽ", NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "okres by name");
	a = addr("Zlín", NULL, "Zlín", NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_OUT, "another okres");
	o = opts(NULL, 0, lau, 1, NULL, 0);
	a = addr("Hulín", NULL, "Kroměříž", NULL, "CZ072");
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN,
	    "a LAU code cannot be matched to a name");
	a = addr("Olomouc", NULL, "Olomouc", NULL, "CZ071");
	INT_EQ(filter_address(&o, &a), FV_OUT,
	    "but it rules out another kraj");
	o = opts(NULL, 0, ruian, 1, NULL, 0);
	INT_EQ(filter_address(&o, &a), FV_UNKNOWN, "Okres/… never judged");
}

/* Levels combine: any level out rules out, one match is enough. */
static void
test_levels(void)
{
	const char	*kraje[] = { "CZ072" };
	const char	*obce[] = { "Hulín" };
	struct load_opts o = opts(kraje, 1, NULL, 0, obce, 1);
	struct address	 a;

	a = addr("Hulín", NULL, NULL, NULL, NULL);
	INT_EQ(filter_address(&o, &a), FV_IN, "obec matches, kraj unknown");
	a = addr("Hulín", NULL, NULL, NULL, "CZ071");
	INT_EQ(filter_address(&o, &a), FV_OUT, "kraj rules it out");
	a = addr("Zlín", NULL, NULL, NULL, "CZ072");
	INT_EQ(filter_address(&o, &a), FV_OUT, "obec rules it out");
	a = addr("Hulín", NULL, NULL, NULL, "CZ072");
	INT_EQ(filter_address(&o, &a), FV_IN, "both match");
}

static void
test_area(void)
{
	const char	*obce[] = { "Hulín" };
	const char	*codes[] = { "588296" };
	const char	*kraje[] = { "CZ072" };
	struct str	 area[2];
	struct load_opts o = opts(NULL, 0, NULL, 0, obce, 1);

	memset(area, 0, sizeof area);
	area[0].s = "Kroměříž";
	area[1].s = "HULÍN";
	INT_EQ(filter_area(&o, area, 2), FV_IN, "one of the obce");
	INT_EQ(filter_area(&o, area, 1), FV_OUT, "none of them");
	INT_EQ(filter_area(&o, area, 0), FV_UNKNOWN, "no area");
	o = opts(NULL, 0, NULL, 0, codes, 1);
	INT_EQ(filter_area(&o, area, 2), FV_UNKNOWN, "names against a code");
	area[0].s = "588296";
	INT_EQ(filter_area(&o, area, 1), FV_IN, "code against code");
	o = opts(kraje, 1, NULL, 0, NULL, 0);
	INT_EQ(filter_area(&o, area, 2), FV_UNKNOWN,
	    "an area of obce says nothing of kraje");
}

/* The stage over a catalogue */

static const char fixture[] =
"{\"poskytovatele\": [\n"
"  {\"id\": \"km\", \"nazev\": \"Kroměřížská\", \"ico\": \"00287351\",\n"
"   \"sidlo\": {\"obec\": \"Kroměříž\"}},\n"
"  {\"id\": \"zl\", \"nazev\": \"Zlínská\", \"ico\": \"00283924\",\n"
"   \"sidlo\": {\"obec\": \"Zlín\"}},\n"
"  {\"id\": \"ol\", \"nazev\": \"Olomoucká\", \"ico\": \"00299308\",\n"
"   \"sidlo\": {\"obec\": \"Olomouc\"}}],\n"
" \"sluzby\": [\n"
"  {\"identifikator\": \"1000001\", \"nazev\": \"Domov\",\n"
"   \"poskytovatel\": \"km\", \"druh\": \"§ 49\",\n"
"   \"cilove_skupiny\": [\"seniori\"],\n"
"   \"mista\": [{\"adresa\": {\"obec\": \"Kroměříž\"}}]},\n"
"  {\"identifikator\": \"1000002\", \"nazev\": \"Poradna\",\n"
"   \"poskytovatel\": \"km\", \"druh\": \"§ 37\",\n"
"   \"cilove_skupiny\": [\"rodiny-s-detmi\"],\n"
"   \"mista\": [{\"nazev\": \"Kroměříž\", \"adresa\": {\"obec\": \"Kroměříž\"}},\n"
"             {\"nazev\": \"Hulín\", \"adresa\": {\"obec\": \"Hulín\"}}]},\n"
"  {\"identifikator\": \"1000003\", \"nazev\": \"Terén ze Zlína\",\n"
"   \"poskytovatel\": \"zl\", \"druh\": \"§ 40\",\n"
"   \"cilove_skupiny\": [\"seniori\"],\n"
"   \"mista\": [{\"adresa\": {\"obec\": \"Zlín\"}}],\n"
"   \"uzemni_pusobnost\": {\"obce\": [\"Zlín\", \"Hulín\"]}},\n"
"  {\"identifikator\": \"1000004\", \"nazev\": \"Olomoucká služba\",\n"
"   \"poskytovatel\": \"ol\", \"druh\": \"§ 40\",\n"
"   \"cilove_skupiny\": [\"seniori\"],\n"
"   \"mista\": [{\"adresa\": {\"obec\": \"Olomouc\"}}]},\n"
"  {\"identifikator\": \"1000005\", \"nazev\": \"Bez místa\",\n"
"   \"poskytovatel\": \"km\", \"druh\": \"§ 40\",\n"
"   \"cilove_skupiny\": [\"pecujici\"]},\n"
"  {\"identifikator\": \"1000006\", \"nazev\": \"Bez obce\",\n"
"   \"poskytovatel\": \"ol\", \"druh\": \"§ 37\",\n"
"   \"mista\": [{\"adresa\": {\"ulice\": \"Nádražní\"}}]}],\n"
" \"zivotni_situace\": [\n"
"  {\"id\": \"a\", \"otazka\": \"Jen Olomouc?\", \"sluzby\": [\"1000004\"]},\n"
"  {\"id\": \"b\", \"otazka\": \"Obojí?\",\n"
"   \"sluzby\": [\"1000001\", \"1000004\"]}]}\n";

struct run {
	struct capture	  cap;
	struct catalogue *c;
	struct edition	 *e;
	struct filter_stats st;
	size_t		  base;		/* messages of the setup end here */
	const char	 *text;		/* the stage's messages */
};

/* Loads the fixture and an edition with the filters given (YAML lines). */
static void
start(struct run *r, const char *filters)
{
	char		 yaml[1024];
	const char	*t;

	memset(r, 0, sizeof *r);
	capture_open(&r->cap);
	snprintf(yaml, sizeof yaml, "nazev: T\nuzemi: {nazev: U}\n"
	    "udaje_k: 2026-09-01\nvstupy: [neni.json]\nfiltry:\n%s", filters);
	r->e = edition_parse("e.yaml", yaml, strlen(yaml), r->cap.d);
	r->c = model_new();
	load_native(r->c, "t.json", fixture, sizeof fixture - 1, NULL,
	    r->cap.d);
	model_link(r->c, r->cap.d);
	/* the missing input is the only message */
	t = capture_text(&r->cap);
	OK(strstr(t, "neni.json") != NULL && strchr(t, '\n') ==
	    t + strlen(t) - 1, "a clean fixture");
	r->base = strlen(t);
}

static void
run(struct run *r, const struct edition *e)
{
	if (e == NULL)
		e = r->e;
	filter_catalogue(r->c, e, NULL, r->cap.d, &r->st);
	r->text = capture_text(&r->cap) + r->base;
}

static void
done(struct run *r)
{
	model_free(r->c);
	edition_free(r->e);
	capture_close(&r->cap);
}

static bool
has_service(const struct catalogue *c, const char *ident)
{
	size_t	 i;

	for (i = 0; i < c->nservices; i++)
		if (strcmp(c->services[i]->ident.s, ident) == 0)
			return true;
	return false;
}

static const struct service *
service(const struct catalogue *c, const char *ident)
{
	size_t	 i;

	for (i = 0; i < c->nservices; i++)
		if (strcmp(c->services[i]->ident.s, ident) == 0)
			return c->services[i];
	return NULL;
}

static bool
has(const struct run *r, const char *text)
{
	return strstr(r->text, text) != NULL;
}

static void
test_no_filters(void)
{
	struct run	 r;

	start(&r, "  aktivni_k: 2026-09-01\n");
	OK(!filter_active(r.e), "a date is not this stage's filter");
	run(&r, NULL);
	INT_EQ(r.c->nservices, 6, "nothing left out");
	INT_EQ(r.c->nproviders, 3, "providers stay");
	STR_EQ(r.text, "", "and nothing said");
	done(&r);
}

/* Places decide; places outside go; the area keeps a field service. */
static void
test_obce_services(void)
{
	struct run	 r;
	const struct service *s;

	start(&r, "  obce: [Hulín]\n");
	OK(filter_active(r.e), "active");
	run(&r, NULL);
	OK(!has_service(r.c, "1000001"), "Kroměříž only: left out");
	OK(has_service(r.c, "1000002"), "one place in Hulín: kept");
	s = service(r.c, "1000002");
	INT_EQ(s != NULL ? s->nplaces : 0, 1, "its Kroměříž place left out");
	STR_EQ(s != NULL && s->nplaces > 0 ? s->places[0].name.s : NULL,
	    "Hulín", "the Hulín place stays");
	OK(has_service(r.c, "1000003"), "based in Zlín, serves Hulín: kept");
	s = service(r.c, "1000003");
	INT_EQ(s != NULL ? s->nplaces : 0, 1,
	    "kept for its area: keeps its place (where it is reached)");
	OK(!has_service(r.c, "1000004"), "Olomouc: left out");
	OK(!has_service(r.c, "1000005"),
	    "no place: judged by the provider's seat (Kroměříž)");
	OK(has_service(r.c, "1000006"), "an address without obec: kept");
	INT_EQ(r.st.before, 6, "before");
	INT_EQ(r.st.outside, 3, "outside");
	INT_EQ(r.st.by_area, 1, "by area");
	INT_EQ(r.st.places_out, 1, "places out");
	INT_EQ(r.st.unchecked, 1, "undecided");
	INT_EQ(r.st.after, 3, "after");
	STR_EQ(r.text,
	    "e.yaml: note: filtry.obce: kept 3 of 6 services, 1 of them only "
	    "because its uzemni_pusobnost names the territory (based "
	    "elsewhere); 3 outside the territory left out; 1 place (mista) "
	    "outside the territory left out of kept services [filtered]\n"
	    "e.yaml: warning: filtry.obce: 1 service could not be placed in "
	    "the territory and was kept (for example „Bez obce“): neither its "
	    "places (mista, or the provider's sidlo) nor its uzemni_pusobnost "
	    "say enough; an obec is matched by kod_obce when the filter gives "
	    "a code, by obec when it gives a name [filtered]\n"
	    "e.yaml: note: with the services the filters left out, 3 "
	    "references from life situations (zivotni_situace) were left out "
	    "[filtered]\n"
	    "t.json:34:3: note: life situation „Jen Olomouc?“ has no service "
	    "left after the filters; left out [filtered]\n"
	    "t.json:35:3: note: life situation „Obojí?“ has no service "
	    "left after the filters; left out [filtered]\n",
	    "the notes");
	done(&r);
}

/* Providers: those whose every service went are left out, indexes renumbered. */
static void
test_providers(void)
{
	struct run	 r;
	size_t		 i;

	start(&r, "  obce: [Kroměříž]\n");
	run(&r, NULL);
	OK(has_service(r.c, "1000001") && has_service(r.c, "1000005"),
	    "Kroměříž, and the seat in Kroměříž");
	OK(!has_service(r.c, "1000003"), "Zlín with an area without Kroměříž");
	INT_EQ(r.st.providers_out, 1, "Zlínská has nothing left");
	INT_EQ(r.c->nproviders, 2, "Kroměřížská and Olomoucká (undecided)");
	for (i = 0; i < r.c->nproviders; i++)
		INT_EQ(r.c->providers[i]->index, (long long)i, "renumbered");
	for (i = 0; i < r.c->nservices; i++)
		INT_EQ(r.c->services[i]->index, (long long)i,
		    "services renumbered");
	OK(model_find_service(r.c, "1000004") == NULL, "index rebuilt");
	OK(model_find_provider(r.c, "zl") == NULL, "provider index rebuilt");
	done(&r);
}

/* Life situations: references go, a situation left empty goes. */
static void
test_situations(void)
{
	struct run	 r;

	start(&r, "  obce: [Kroměříž]\n");
	run(&r, NULL);
	INT_EQ(r.c->nsituations, 1, "the Olomouc-only one left out");
	STR_EQ(r.c->situations[0]->id.s, "b", "the other stays");
	INT_EQ(r.c->situations[0]->index, 0, "renumbered");
	INT_EQ(r.c->situations[0]->nservices, 1, "one service left in it");
	INT_EQ(r.c->situations[0]->nrefs, 1, "and one reference");
	STR_EQ(r.c->situations[0]->refs[0].s, "1000001", "the live one");
	INT_EQ(r.st.refs_out, 2, "two references removed");
	INT_EQ(r.st.situations_out, 1, "one situation");
	done(&r);
}

static void
test_kraje_services(void)
{
	struct run	 r;

	start(&r, "  kraje: [CZ072]\n");
	run(&r, NULL);
	INT_EQ(r.c->nservices, 6, "native places name no kraj: all kept");
	INT_EQ(r.st.unchecked, 6, "and counted as undecided");
	OK(has(&r, "warning: filtry.kraje: 6 services could not be placed "
	    "in the territory and were kept (for example „Domov“)"),
	    "warned, with an example");
	OK(has(&r, "a kraj is matched by kod_kraje or kraj [filtered]"),
	    "and told what the data need");
	done(&r);
}

static void
test_targets(void)
{
	struct run	 r;

	start(&r, "  cilove_skupiny: [senioři, pecujici]\n");
	run(&r, NULL);
	OK(has_service(r.c, "1000001") && has_service(r.c, "1000003") &&
	    has_service(r.c, "1000004") && has_service(r.c, "1000005"),
	    "services for seniors or carers");
	OK(!has_service(r.c, "1000002"), "for families: left out");
	OK(!has_service(r.c, "1000006"), "no target group: left out");
	INT_EQ(r.st.off_target, 2, "two off target");
	INT_EQ(r.st.no_target, 1, "one with none at all");
	OK(has(&r, "e.yaml: note: filtry.cilove_skupiny: kept 4 of 6 "
	    "services, 2 for none of its target groups (1 of them lists no "
	    "target group at all) [filtered]"), "the note");
	done(&r);
}

/* Both filters: the target filter counts what the territory kept. */
static void
test_both(void)
{
	struct run	 r;

	start(&r, "  obce: [Hulín]\n  cilove_skupiny: [seniori]\n");
	run(&r, NULL);
	INT_EQ(r.c->nservices, 1, "only the field service from Zlín");
	OK(has_service(r.c, "1000003"), "that one");
	OK(has(&r, "filtry.cilove_skupiny: kept 1 of 3 services"),
	    "counted from what the territory kept");
	INT_EQ(r.c->nsituations, 0, "no situation left");
	INT_EQ(r.c->nproviders, 1, "one provider left");
	done(&r);
}

/* A variant's edition narrows: the stage takes its filters as they are. */
static void
test_variant(void)
{
	struct run	 r;
	struct edition	*e, *v;
	static const char yaml[] =
	    "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [neni.json]\n"
	    "filtry: {obce: [Hulín, Kroměříž]}\n"
	    "varianty:\n"
	    "  - id: hulin\n    filtry: {obce: [Hulín]}\n"
	    "    vystupy: {pdf: h.pdf}\n";

	start(&r, "  obce: [Hulín, Kroměříž]\n");
	e = edition_parse("v.yaml", yaml, sizeof yaml - 1, r.cap.d);
	v = edition_for_variant(e, 0, r.cap.d);
	r.base = strlen(capture_text(&r.cap));
	OK(v != NULL, "the variant's edition");
	if (v != NULL) {
		run(&r, v);
		INT_EQ(r.c->nservices, 3, "as filtering by Hulín alone");
		OK(has(&r, "v.yaml: note: variant „hulin“: filtry.obce: kept "
		    "3 of 6 services"), "the note names the variant");
		edition_free(v);
	}
	edition_free(e);
	done(&r);
}

/*
 * What a loader that filters while reading kept is not second-guessed on
 * what the model cannot judge: a registry service whose place names only
 * its obec code passes a kraj filter unchanged and silently.
 */
static void
test_registry_trusted(void)
{
	struct run	 r;
	size_t		 i;

	start(&r, "  kraje: [Kraj/141]\n");
	for (i = 0; i < r.c->nservices; i++)
		r.c->services[i]->origin = "registry";
	run(&r, NULL);
	INT_EQ(r.c->nservices, 6, "all kept");
	INT_EQ(r.st.unchecked, 0, "not counted as undecided");
	STR_EQ(r.text, "", "nothing said: the loader reported its counts");
	done(&r);
}

/* But a trusted service that is certainly outside still goes (variants). */
static void
test_registry_narrowed(void)
{
	struct run	 r;
	size_t		 i;

	start(&r, "  obce: [Kroměříž]\n");
	for (i = 0; i < r.c->nservices; i++)
		r.c->services[i]->origin = "registry";
	run(&r, NULL);
	OK(!has_service(r.c, "1000004"), "Olomouc left out");
	OK(!has_service(r.c, "1000003"), "Zlín, area without Kroměříž: out");
	OK(has(&r, "e.yaml: note: filtry.obce: kept 4 of 6 services; 2 "
	    "outside the territory left out; 1 place (mista) outside the "
	    "territory left out of kept services [filtered]"), "and said");
	done(&r);
}

/* Everything left out: every array is empty and consistent. */
static void
test_all_out(void)
{
	struct run	 r;

	start(&r, "  obce: [Brno]\n  cilove_skupiny: [demence]\n");
	run(&r, NULL);
	INT_EQ(r.st.outside, 5, "Brno: all but the undecided one out");
	INT_EQ(r.st.unchecked, 1, "that one kept");
	INT_EQ(r.st.off_target, 1, "and the target filter takes it");
	INT_EQ(r.c->nservices, 0, "none left");
	done(&r);
	start(&r, "  cilove_skupiny: [demence]\n");
	run(&r, NULL);
	INT_EQ(r.c->nservices, 0, "none");
	INT_EQ(r.c->nproviders, 0, "no providers");
	INT_EQ(r.c->nsituations, 0, "no situations");
	INT_EQ(r.st.after, 0, "after");
	done(&r);
}

/*
 * Codes and names learnt from the data: a code filter judges name-only
 * places when some address pairs the code with that name, never when the
 * data pair a code with two names (or a name with two codes).
 */
static void
test_aliases(void)
{
	static const char json[] =
	    "{\"poskytovatele\": [{\"id\": \"p\", \"nazev\": \"P\",\n"
	    "  \"sidlo\": {\"obec\": \"Kroměříž\", \"kod_obce\": \"588296\"}}%s],\n"
	    " \"sluzby\": [\n"
	    "  {\"identifikator\": \"2000001\", \"nazev\": \"A\",\n"
	    "   \"poskytovatel\": \"p\", \"druh\": \"§ 40\",\n"
	    "   \"mista\": [{\"adresa\": {\"obec\": \"KROMĚŘÍŽ\"}}]},\n"
	    "  {\"identifikator\": \"2000002\", \"nazev\": \"B\",\n"
	    "   \"poskytovatel\": \"p\", \"druh\": \"§ 40\",\n"
	    "   \"mista\": [{\"adresa\": {\"obec\": \"Zlín\"}}]},\n"
	    "  {\"identifikator\": \"2000003\", \"nazev\": \"C\",\n"
	    "   \"poskytovatel\": \"p\", \"druh\": \"§ 40\",\n"
	    "   \"mista\": [{\"adresa\": {\"kod_obce\": \"588296\"}}]},\n"
	    "  {\"identifikator\": \"2000004\", \"nazev\": \"D\",\n"
	    "   \"poskytovatel\": \"p\", \"druh\": \"§ 40\",\n"
	    "   \"mista\": [{\"adresa\": {\"kod_obce\": \"585068\"}}]}]}\n";
	/* a second seat pairing the code with another name */
	static const char other[] = ",\n {\"id\": \"q\", \"nazev\": \"Q\", "
	    "\"sidlo\": {\"obec\": \"Kotojedy\", \"kod_obce\": \"588296\"}}";
	static const char *cases[][3] = {
		/* filter, ambiguous?, the identifikátory kept (in order) */
		{ "obce: [\"588296\"]", "", "2000001 2000003" },
		{ "obce: [kromeriz]", "", "2000001 2000003" },
		{ "obce: [Zlín]", "", "2000002 2000003 2000004" },
		{ "obce: [\"588296\"]", "y", "2000001 2000002 2000003" },
		{ "obce: [kromeriz]", "y", "2000001 2000003 2000004" },
	};
	char		 data[2048];
	struct capture	 cap;
	struct catalogue *c;
	struct edition	*e;
	struct buf	 got = { 0 };
	char		 yaml[512];
	size_t		 i, j;

	for (i = 0; i < NELEM(cases); i++) {
		capture_open(&cap);
		c = model_new();
		snprintf(data, sizeof data, json, cases[i][1][0] ? other : "");
		load_native(c, "a.json", data, strlen(data), NULL, cap.d);
		model_link(c, cap.d);
		snprintf(yaml, sizeof yaml, "nazev: T\nuzemi: {nazev: U}\n"
		    "udaje_k: 2026-09-01\nvstupy: [neni.json]\nfiltry: {%s}\n",
		    cases[i][0]);
		e = edition_parse("e.yaml", yaml, strlen(yaml), cap.d);
		filter_catalogue(c, e, NULL, cap.d, NULL);
		buf_reset(&got);
		for (j = 0; j < c->nservices; j++)
			buf_printf(&got, "%s%s", j > 0 ? " " : "",
			    c->services[j]->ident.s);
		STR_EQ(buf_str(&got), cases[i][2], cases[i][0]);
		edition_free(e);
		model_free(c);
		capture_close(&cap);
	}
	buf_free(&got);
}

/* The catalogue as `mapa dump` prints it, malloc'd. */
static char *
dumped(const struct catalogue *c)
{
	char	*mem = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&mem, &len);

	if (f == NULL)
		return NULL;
	dump_catalogue(f, c);
	fclose(f);
	return mem;
}

/*
 * The registry loader filtered the real fixture while reading; the stage,
 * given the same filters, must change nothing (the dump is the same) and
 * say nothing.
 */
static void
test_registry_unchanged(void)
{
	static const char *kraje[] = { "Kraj/141" };
	static const char *okresy[] = { "CZ0721" };
	static const char *obce[] = { "Hulín", "588296" };
	static const char yaml[] =
	    "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [neni.json]\n"
	    "filtry: {kraje: [Kraj/141], okresy: [CZ0721], "
	    "obce: [Hulín, \"588296\"]}\n";
	struct capture	 cap;
	struct load_opts o;
	struct catalogue *c;
	struct edition	*e;
	struct filter_stats st;
	char		*before, *after;
	size_t		 base;

	capture_open(&cap);
	memset(&o, 0, sizeof o);
	o.kraje = kraje;
	o.nkraje = 1;
	o.okresy = okresy;
	o.nokresy = 1;
	o.obce = obce;
	o.nobce = 2;
	o.codebook_dir = "tests/regress/filter/data/registr/ciselniky";
	c = model_new();
	OK(load_registry_file(c, "tests/regress/filter/data/registr/rpss.json",
	    &o, cap.d), "the fixture loads (run from the top directory)");
	model_link(c, cap.d);
	e = edition_parse("e.yaml", yaml, sizeof yaml - 1, cap.d);
	base = strlen(capture_text(&cap));
	before = dumped(c);
	OK(c->nservices > 0, "something kept by the loader");
	filter_catalogue(c, e, NULL, cap.d, &st);
	after = dumped(c);
	STR_EQ(after, before, "the same catalogue");
	STR_EQ(capture_text(&cap) + base, "", "nothing said");
	INT_EQ(st.before, st.after, "counts");
	free(before);
	free(after);
	edition_free(e);
	model_free(c);
	capture_close(&cap);
}

/* Writes text into dir/name. */
static void
put(const char *dir, const char *name, const char *text, size_t len)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		return;
	fwrite(text, 1, len, f);
	fclose(f);
}

/*
 * build_edition() runs the stage after linking; build_previous() filters
 * the previous data the same way (or every service outside would look
 * ended in the list of changes), its notes at that file.
 */
static void
test_build(void)
{
	static const char yaml[] =
	    "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [t.json]\npredchozi_data: t.json\n"
	    "filtry: {obce: [Hulín]}\n";
	char		 dir[] = "/tmp/test_filter.XXXXXX", path[512];
	struct capture	 cap;
	struct edition	*e;
	struct catalogue *c, *prev;
	const char	*t;

	if (mkdtemp(dir) == NULL) {
		OK(false, "mkdtemp");
		return;
	}
	put(dir, "t.json", fixture, sizeof fixture - 1);
	put(dir, "e.yaml", yaml, sizeof yaml - 1);
	snprintf(path, sizeof path, "%s/e.yaml", dir);
	capture_open(&cap);
	e = edition_load(path, cap.d);
	OK(e != NULL, "the edition");
	if (e != NULL) {
		c = build_edition(e, cap.d);
		prev = build_previous(e, cap.d);
		INT_EQ(c->nservices, 3, "filtered");
		INT_EQ(prev != NULL ? prev->nservices : 0, 3,
		    "previous data filtered alike");
		t = capture_text(&cap);
		OK(strstr(t, "/e.yaml: note: filtry.obce: kept 3 of 6") !=
		    NULL, "the edition's note");
		OK(strstr(t, "/t.json: note: filtry.obce: kept 3 of 6") !=
		    NULL, "the previous data's note at that file");
		model_free(prev);
		model_free(c);
		edition_free(e);
	}
	capture_close(&cap);
	snprintf(path, sizeof path, "%s/t.json", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/e.yaml", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	cb_init();
	RUN(test_same_name);
	RUN(test_obec);
	RUN(test_obec_mixed);
	RUN(test_kraj);
	RUN(test_okres);
	RUN(test_levels);
	RUN(test_area);
	RUN(test_no_filters);
	RUN(test_obce_services);
	RUN(test_providers);
	RUN(test_situations);
	RUN(test_kraje_services);
	RUN(test_targets);
	RUN(test_both);
	RUN(test_variant);
	RUN(test_registry_trusted);
	RUN(test_registry_narrowed);
	RUN(test_all_out);
	RUN(test_aliases);
	RUN(test_registry_unchanged);
	RUN(test_build);
	return DONE();
}
