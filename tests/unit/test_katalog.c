/*
 * Unit tests of the katalog.json loader (src/load_katalog.c): inverting
 * places into services, one service for an id listed at several places,
 * ÚZIS records as related listings, providers per IČO, filters, conflicts
 * between repetitions, schema versions and unknown keys, and the real
 * sample from AutomatizaceKatalogu.
 *
 * The documents are written with single quotes for readability and turned
 * into JSON by json() below. Each record starts on its own line, so
 * messages can be checked by line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "diag.h"
#include "harness.h"
#include "load.h"
#include "model.h"
#include "util.h"

#define HEAD		"{'verzeSchematu': '1.0.0', 'mista': [\n"
#define TAIL		"]}\n"

#define ADDR_VM		"'adresa': {'ulice': 'Kostelní', " \
	"'cisloDomovni': null, 'cisloOrientacni': '93/11', 'psc': '59401', " \
	"'obec': 'Velké Meziříčí', 'kodObce': '597007', 'castObce': null, " \
	"'okres': 'Žďár nad Sázavou', " \
	"'kodOkresu': 'CZ0635', 'kraj': 'Kraj Vysočina', 'kodKraje': 'CZ063'}"
#define ADDR_KL		"'adresa': {'ulice': null, 'cisloDomovni': 125, " \
	"'cisloOrientacni': null, 'psc': '33501', 'obec': 'Klášter', " \
	"'kodObce': '557897', 'castObce': 'Klášter', 'okres': 'Plzeň-jih', " \
	"'kodOkresu': 'CZ0324', 'kraj': 'Plzeňský kraj', 'kodKraje': 'CZ032'}"

#define PLACE(id, ruian, addr) "{'id': '" id "', 'kodAdresnihoMista': " \
	ruian ", " addr ", 'souradnice': {'lat': 49.3, 'lng': 16.0}, " \
	"'kategorie': ['zdravi'], 'poskytujeZdravotniPeci': false, " \
	"'sluzby': [\n"
#define PLACE_END	"]}"

/* An MPSV record of a field service (pečovatelská služba). */
#define MPSV(id, name, ico, pname, cap, from, to, phone) "{'id': '" id "', " \
	"'zdroj': 'MPSV', 'nazev': '" name "', 'poskytovatel': {'nazev': '" \
	pname "', 'ico': '" ico "'}, 'druhSluzby': {'kod': " \
	"'DruhSocialniSluzby/4', 'nazev': 'pečovatelská služba'}, 'formy': " \
	"[{'forma': 'ter', 'kapacitaRegistrovana': [{'typ': 'klient', " \
	"'typNazev': 'Počet klientů', 'pocet': " cap "}]}], " \
	"'datumPoskytovaniOd': " from ", 'datumPoskytovaniDo': " to ", " \
	"'kontakt': {'weby': ['www.charita.cz'], 'emaily': " \
	"['info@charita.cz'], 'telefony': ['" phone "']}}\n"

#define UZIS(id, name, obor) "{'id': '" id "', 'zdroj': 'UZIS', 'nazev': '" \
	name "', 'poskytovatel': {'nazev': 'Charita', 'ico': '44990260'}, " \
	"'druhSluzby': {'kod': '350', 'nazev': 'Domácí zdravotní péče'}, " \
	"'oborPece': " obor ", 'kontakt': {'weby': [], 'emaily': " \
	"['zdravi@charita.cz'], 'telefony': ['+420545426610']}}\n"

#define PS(name, cap, phone) MPSV("mpsv-1", name, "44990260", "Charita", \
	cap, "'2007-01-01'", "null", phone)

struct run {
	struct catalogue *c;
	struct diag	*d;
	FILE		*f;
	char		*out;
	size_t		 len;
	bool		 ok;
};

/* Turns the single-quoted test notation into JSON (no quotes in values). */
static char *
json(const char *s)
{
	char	*j = xstrdup(s), *p;

	for (p = j; *p != '\0'; p++)
		if (*p == '\'')
			*p = '"';
	return j;
}

static void
load(struct run *r, const char *doc, const struct load_opts *o)
{
	char	*j = json(doc);

	memset(r, 0, sizeof *r);
	r->f = open_memstream(&r->out, &r->len);
	r->d = diag_new(r->f);
	r->c = model_new();
	r->ok = load_katalog(r->c, diag_file(r->d, "k.json"), j, strlen(j), o,
	    r->d);
	diag_flush(r->d);
	fflush(r->f);
	free(j);
}

static void
done(struct run *r)
{
	model_free(r->c);
	diag_free(r->d);
	fclose(r->f);
	free(r->out);
}

static bool
has(const struct run *r, const char *text)
{
	return r->out != NULL && strstr(r->out, text) != NULL;
}

static const char *
s_(const struct str *s)
{
	return s->s;
}

static const char *const basic =
    HEAD
    PLACE("misto-1", "111", ADDR_VM)
    PS("Pečovatelská služba", "18", "777 143 124") ","
    UZIS("uzis-9", "Domácí péče Charita", "'Všeobecná sestra'")
    PLACE_END ",\n"
    PLACE("misto-2", "222", ADDR_KL)
    MPSV("mpsv-2", "Domov", "44990260", "Charita", "20", "'2020-01-01'",
	"'2026-12-31'", "737 123 970") ","
    PS("Pečovatelská služba", "18", "777 143 124")
    PLACE_END ",\n"
    "{'id': 'misto-bezadresy-3', 'kodAdresnihoMista': null, "
    "'adresa': null, 'sluzby': [\n"
    MPSV("mpsv-3", "Tísňová péče", "26406608", "LADARA", "3", "null",
	"null", "777 000 111")
    PLACE_END "\n"
    TAIL;

static void
test_inversion(void)
{
	struct run	 r;
	struct service	*s;
	struct listing	*l;

	load(&r, basic, NULL);
	OK(r.ok, "loaded");
	STR_EQ(r.out, "", "no messages");
	INT_EQ(r.c->nservices, 3, "three services (mpsv-1 once)");
	INT_EQ(r.c->nproviders, 2, "one provider per IČO");
	INT_EQ(r.c->nlistings, 1, "the ÚZIS record is a listing");
	if (r.c->nservices != 3 || r.c->nlistings != 1 ||
	    r.c->nproviders != 2) {
		done(&r);
		return;
	}
	s = r.c->services[0];
	STR_EQ(s_(&s->source_id), "mpsv-1", "first service by first place");
	STR_EQ(s->ident.s, NULL, "no identifikátor in the katalog");
	STR_EQ(s->origin, "katalog", "origin");
	STR_EQ(s_(&s->name), "Pečovatelská služba", "name");
	STR_EQ(s_(&s->provider_ref), "44990260", "provider by IČO");
	OK(s->type != NULL && strcmp(s->type->para, "40") == 0, "type § 40");
	INT_EQ(s->nplaces, 2, "two places");
	INT_EQ(s->nforms, 1, "one form");
	if (s->nforms == 1) {
		STR_EQ(s->forms[0].form->code, "ter", "form");
		INT_EQ(s->forms[0].ncaps, 1, "one capacity");
		INT_EQ(s->forms[0].caps[0].count, 18, "capacity count");
		STR_EQ(s->forms[0].caps[0].unit->code, "klient", "unit");
	}
	INT_EQ(s->from.y, 2007, "from");
	INT_EQ(s->to.y, 0, "no end date");
	INT_EQ(s->contacts.nphones, 1, "phones not doubled by repetition");
	STR_EQ(s_(&s->contacts.webs[0]), "www.charita.cz", "web");
	if (s->nplaces == 2) {
		STR_EQ(s_(&s->places[0].addr.street), "Kostelní", "street");
		STR_EQ(s_(&s->places[0].addr.orient), "93/11", "orient");
		STR_EQ(s->places[0].addr.house.s, NULL, "no house number");
		STR_EQ(s_(&s->places[0].addr.municipality_code), "597007",
		    "kodObce");
		STR_EQ(s_(&s->places[0].addr.region_code), "CZ063", "kraj");
		INT_EQ(s->places[0].addr.ruian, 111, "RÚIAN");
		STR_EQ(s_(&s->places[1].addr.house), "125", "house number");
		STR_EQ(s_(&s->places[1].addr.part), "Klášter", "část obce");
		STR_EQ(s->places[1].addr.street.s, NULL, "no street");
		INT_EQ(s->places[1].addr.ruian, 222, "second RÚIAN");
		INT_EQ(s->places[1].addr.street.pos.line, 0, "absent: no pos");
		INT_EQ(s->places[1].addr.house.pos.line, 6, "house pos line");
	}
	INT_EQ(s->pos.line, 3, "service pos: its first record");
	INT_EQ(s->source_id.pos.line, 3, "source id pos");

	s = r.c->services[1];
	STR_EQ(s_(&s->source_id), "mpsv-2", "second service");
	OK(s->type == r.c->services[0]->type, "same type");
	INT_EQ(s->to.y, 2026, "end date");
	s = r.c->services[2];
	INT_EQ(s->nplaces, 1, "place without address kept");
	OK(s->nplaces == 1 && !s->places[0].addr.present, "not present");
	STR_EQ(s_(&r.c->providers[0]->ico), "44990260", "provider 1");
	STR_EQ(s_(&r.c->providers[0]->name), "Charita", "provider name");
	STR_EQ(s_(&r.c->providers[0]->key), "44990260", "key = IČO");
	STR_EQ(s_(&r.c->providers[1]->name), "LADARA", "provider 2");

	l = r.c->listings[0];
	INT_EQ(l->kind, LIST_RELATED, "related listing");
	STR_EQ(s_(&l->id), "uzis-9", "listing id");
	STR_EQ(s_(&l->name), "Domácí péče Charita", "listing name");
	STR_EQ(s_(&l->category), "Domácí zdravotní péče", "category");
	STR_EQ(s_(&l->description), "obor péče: Všeobecná sestra",
	    "description from oborPece");
	OK(l->addr.present, "listing has the place's address");
	STR_EQ(s_(&l->addr.municipality), "Velké Meziříčí", "its obec");
	STR_EQ(s_(&l->contacts.phones[0]), "+420545426610", "listing phone");
	done(&r);
}

static void
test_conflicts(void)
{
	struct run	 r;
	const char	*doc =
	    HEAD
	    PLACE("misto-1", "111", ADDR_VM)
	    PS("Pečovatelská služba", "18", "777 143 124")
	    PLACE_END ",\n"
	    PLACE("misto-2", "222", ADDR_KL)
	    PS("Pečovatelská  služba", "20", "777 143 124")
	    PLACE_END "\n"
	    TAIL;

	load(&r, doc, NULL);
	INT_EQ(r.c->nservices, 1, "still one service");
	INT_EQ(diag_count_code(r.d, D_MERGE_CONFLICT), 2,
	    "name and capacity conflicts");
	OK(has(&r, "k.json:6:44: warning: service „mpsv-1“ is listed at "
	    "several places with different names (nazev): „Pečovatelská  "
	    "služba“ here, „Pečovatelská služba“ at line 3; the first value "
	    "is used [merge-conflict]"), "name conflict at the later value");
	OK(has(&r, "forms or capacities (formy): „ter 20 klient“ here, "
	    "„ter 18 klient“ at line 3"), "forms conflict rendered");
	if (r.c->nservices == 1) {
		STR_EQ(s_(&r.c->services[0]->name), "Pečovatelská služba",
		    "first name kept");
		INT_EQ(r.c->services[0]->forms[0].caps[0].count, 18,
		    "first capacity kept");
		INT_EQ(r.c->services[0]->nplaces, 2, "both places");
	}
	done(&r);

	/* The same place listed twice for a service is one place. */
	load(&r, HEAD PLACE("misto-1", "111", ADDR_VM)
	    PS("Pečovatelská služba", "18", "1") ","
	    PS("Pečovatelská služba", "18", "1") PLACE_END "\n" TAIL, NULL);
	INT_EQ(r.c->nservices, 1, "one service");
	INT_EQ(r.c->nservices ? r.c->services[0]->nplaces : 0, 1,
	    "one place");
	STR_EQ(r.out, "", "identical repetition: no message");
	done(&r);
}

static void
test_providers(void)
{
	struct run	 r;

	load(&r, HEAD PLACE("misto-1", "111", ADDR_VM)
	    MPSV("mpsv-1", " A\\t", "44990260", "Charita Brno", "1", "null",
		"null", "1") ","
	    MPSV("mpsv-2", "B", "44990260", "Diecézní charita Brno", "1",
		"null", "null", "1") ","
	    MPSV("mpsv-3", "C", "", "Bez IČO", "1", "null", "null", "1")
	    PLACE_END "\n" TAIL, NULL);
	INT_EQ(r.c->nproviders, 2, "one provider per IČO, one by name");
	INT_EQ(diag_count_code(r.d, D_PROVIDER_CONFLICT), 1,
	    "different names for one IČO");
	OK(has(&r, "k.json:4:76: warning: provider with IČO „44990260“ is "
	    "named „Diecézní charita Brno“ here but „Charita Brno“ at line 3; "
	    "the first name is kept [provider-conflict]"), "message");
	if (r.c->nservices == 3) {
		STR_EQ(s_(&r.c->services[0]->name), "A", "text trimmed");
		STR_EQ(s_(&r.c->services[2]->provider_ref), "Bez IČO",
		    "without IČO the provider is referred to by name");
		STR_EQ(r.c->providers[1]->ico.s, NULL, "no IČO");
	}
	done(&r);
}

static void
test_uzis_repeated(void)
{
	struct run	 r;

	load(&r, HEAD PLACE("misto-1", "111", ADDR_VM)
	    UZIS("uzis-9", "DZP", "null") "," UZIS("uzis-9", "DZP", "null")
	    PLACE_END ",\n" PLACE("misto-2", "222", ADDR_KL)
	    UZIS("uzis-9", "DZP", "null") PLACE_END "\n" TAIL, NULL);
	INT_EQ(r.c->nlistings, 2, "one listing per place");
	INT_EQ(r.c->nservices, 0, "no services");
	INT_EQ(r.c->nproviders, 0, "no providers for listings");
	if (r.c->nlistings == 2) {
		STR_EQ(s_(&r.c->listings[0]->id), "uzis-9", "first id");
		STR_EQ(s_(&r.c->listings[1]->id), "uzis-9@misto-2",
		    "unique id at the second place");
		STR_EQ(r.c->listings[0]->description.s, NULL,
		    "no oborPece, no description");
		STR_EQ(s_(&r.c->listings[1]->addr.municipality), "Klášter",
		    "second place's address");
	}
	done(&r);
}

static void
test_filters(void)
{
	struct run	 r;
	struct load_opts o;
	const char	*vysocina[] = { "Kraj/108" };
	const char	*obce[] = { "Klášter", "999999" };
	const char	*obce_code[] = { "557897" };
	const char	*obce_vm[] = { "597007" };
	const char	*okresy[] = { "CZ0635" };
	const char	*okres_ruian[] = { "Okres/3708" };

	memset(&o, 0, sizeof o);
	o.active_on.y = 2027, o.active_on.m = 1, o.active_on.d = 1;
	load(&r, basic, &o);
	INT_EQ(r.c->nservices, 2, "ended service left out");
	OK(has(&r, "k.json: note: 1 of 3 services left out by the filters, "
	    "1 not active on 1. 1. 2027 [filtered]"), "summary note");
	done(&r);

	memset(&o, 0, sizeof o);
	o.active_on.y = 2006, o.active_on.m = 12, o.active_on.d = 31;
	load(&r, basic, &o);
	INT_EQ(r.c->nservices, 1, "not yet started left out");
	STR_EQ(r.c->nservices ? r.c->services[0]->source_id.s : NULL,
	    "mpsv-3", "no dates: always active");
	done(&r);

	memset(&o, 0, sizeof o);
	o.kraje = vysocina, o.nkraje = 1;
	load(&r, basic, &o);
	INT_EQ(r.c->nservices, 1, "only Vysočina (RÚIAN kraj code)");
	INT_EQ(r.c->nservices ? r.c->services[0]->nplaces : 0, 1,
	    "place outside left out");
	INT_EQ(r.c->nlistings, 1, "listing in Vysočina kept");
	OK(has(&r, "2 outside the territory"), "counted as outside");
	done(&r);

	memset(&o, 0, sizeof o);
	o.obce = obce, o.nobce = 2;
	load(&r, basic, &o);
	INT_EQ(r.c->nservices, 2, "obec by name: mpsv-1 and mpsv-2");
	INT_EQ(r.c->nlistings, 0, "listing elsewhere left out");
	OK(has(&r, "1 health-care listings left out"), "listing counted");
	if (r.c->nservices == 2)
		STR_EQ(s_(&r.c->services[0]->places[0].addr.municipality),
		    "Klášter", "only the place in the territory");
	done(&r);

	memset(&o, 0, sizeof o);
	o.obce = obce_code, o.nobce = 1;
	o.okresy = okresy, o.nokresy = 1;
	load(&r, basic, &o);
	INT_EQ(r.c->nservices, 0, "okres AND obec: nothing matches both");
	done(&r);

	/* Records the filters leave out are counted, not checked. */
	memset(&o, 0, sizeof o);
	o.obce = obce_vm, o.nobce = 1;
	o.active_on.y = 2026, o.active_on.m = 9, o.active_on.d = 1;
	load(&r, HEAD PLACE("misto-1", "111", ADDR_VM)
	    PS("Pečovatelská služba", "18", "1") ","
	    "{'id': 'mpsv-8', 'zdroj': 'MPSV', 'nazev': 8, "
	    "'datumPoskytovaniDo': '2020-01-01', 'bogus': 1},\n"
	    UZIS("uzis-7", "x", "null") PLACE_END ",\n"
	    PLACE("misto-2", "222", ADDR_KL)
	    "{'id': 'mpsv-9', 'zdroj': 'MPSV', 'nazev': 9, 'formy': 'x'},\n"
	    "{'id': 'mpsv-1', 'zdroj': 'MPSV', 'nazev': 1},\n"
	    "{'id': 'mpsv-8', 'zdroj': 'MPSV'},\n"
	    UZIS("uzis-7", "x", "null") PLACE_END "\n" TAIL, &o);
	INT_EQ(diag_count(r.d, DIAG_ERROR) + diag_count(r.d, DIAG_WARNING), 0,
	    "nothing reported about records left out");
	OK(has(&r, "k.json: note: 2 of 3 services left out by the filters, "
	    "1 not active on 1. 9. 2026, 1 outside the territory; 1 "
	    "health-care listings left out [filtered]"), "each counted once");
	INT_EQ(r.c->nservices, 1, "mpsv-1 kept");
	INT_EQ(r.c->nservices ? r.c->services[0]->nplaces : 0, 1,
	    "at its place in the territory only");
	INT_EQ(r.c->nlistings, 1, "uzis-7 in the territory kept");
	done(&r);

	memset(&o, 0, sizeof o);
	o.okresy = okres_ruian, o.nokresy = 1;
	load(&r, basic, &o);
	OK(has(&r, "k.json: error: the okres filter „Okres/3708“ is a RÚIAN "
	    "code, which this file does not carry; write the LAU code (e.g. "
	    "CZ0721) or the name instead; nothing matches it "
	    "[unknown-code]"), "RÚIAN okres code explained");
	done(&r);
}

static void
test_versions(void)
{
	struct run	 r;

	load(&r, "{'verzeSchematu': '2.0.0', 'mista': [\n"
	    PLACE("misto-1", "111", ADDR_VM) PS("P", "1", "1") PLACE_END
	    "]}", NULL);
	OK(!r.ok, "major version 2 refused");
	INT_EQ(r.c->nservices, 0, "nothing loaded");
	OK(has(&r, "k.json:1:19: error: katalog schema version „2.0.0“ is "
	    "not supported (mapa reads version 1.x); file not loaded "
	    "[bad-value]"), "at the value");
	done(&r);

	load(&r, "{'verzeSchematu': '1.4.2', 'mista': []}", NULL);
	OK(r.ok, "1.x accepted");
	STR_EQ(r.out, "", "quietly");
	done(&r);

	load(&r, "{'mista': []}", NULL);
	OK(r.ok, "no version: read as 1");
	INT_EQ(diag_count(r.d, DIAG_WARNING), 1, "with a warning");
	done(&r);

	load(&r, "{'verzeSchematu': '1.0.0'}", NULL);
	OK(!r.ok, "no places: not loaded");
	INT_EQ(diag_count_code(r.d, D_MISSING_FIELD), 1, "reported");
	done(&r);

	load(&r, "[1, 2]", NULL);
	OK(!r.ok, "not an object");
	INT_EQ(diag_count_code(r.d, D_WRONG_TYPE), 1, "wrong type");
	done(&r);

	load(&r, "{'verzeSchematu': '1.0.0', 'mista': [", NULL);
	OK(!r.ok, "syntax error: not loaded");
	INT_EQ(diag_count_code(r.d, D_JSON_SYNTAX), 1, "syntax reported");
	done(&r);
}

static void
test_bad_values(void)
{
	struct run	 r;
	const char	*doc =
	    HEAD
	    "{'id': 'misto-1', 'kodAdresnihoMista': 'x1', 'adres': {}, "
	    "'sluzby': [\n"
	    "{'id': 'mpsv-1', 'zdroj': 'MPSV', 'nazev': 'A', 'poskytovatel': "
	    "{'nazev': 'P', 'ico': '44990260'}, 'druhSluzby': {'kod': "
	    "'DruhSocialniSluzby/999', 'nazev': 'pečovatelská služba'}, "
	    "'formy': [{'forma': 'xyz', "
	    "'kapacitaRegistrovana': [{'typ': 'klient', 'pocet': 1}, "
	    "{'typ': 'klient', 'pocet': 2}, {'typ': 'luzka', 'pocet': 3}]}, "
	    "{'forma': 'amb', 'kapacitaRegistrovana': [{'typ': 'sloni', "
	    "'pocet': 3}, {'typ': 'klient', 'pocet': 2.5}, {'typ': 'klient', "
	    "'pocet': 7}]}], 'datumPoskytovaniOd': '1. 13. 2020', "
	    "'kontakty': {}},\n"
	    "{'id': 'x-2', 'zdroj': 'AISP', 'nazev': 'B'},\n"
	    "{'zdroj': 'MPSV', 'nazev': 'C'},\n"
	    "{'id': 'uzis-5', 'nazev': 'D', 'formy': []},\n"
	    "{'id': 'mpsv-6', 'nazev': 7, 'kontakt': {'telefony': 'abc'}},\n"
	    "{'id': 'mpsv-8', 'druhSluzby': {'kod': 'DruhSocialniSluzby/99'}}\n"
	    "]}\n" TAIL;

	load(&r, doc, NULL);
	OK(r.ok, "loaded despite bad records");
	OK(has(&r, "k.json:2:46: warning: unknown field „adres“ in a place, "
	    "ignored; did you mean „adresa“? [unknown-key]"),
	    "unknown key with a suggestion");
	OK(has(&r, "k.json:2:40: error: address point code "
	    "(kodAdresnihoMista) „x1“ is not a positive whole number; value "
	    "dropped [bad-value]"), "bad RÚIAN");
	OK(!has(&r, "„DruhSocialniSluzby/999“"), "type found by its name");
	OK(has(&r, "k.json:8:40: error: unknown type of social service "
	    "„DruhSocialniSluzby/99“; record dropped [unknown-code]"),
	    "unknown type");
	OK(has(&r, "unknown form of provision „xyz“"), "unknown form");
	OK(has(&r, "unknown capacity unit „sloni“; capacity dropped"),
	    "unknown unit");
	OK(has(&r, "capacity „2.5“ is not a whole number"), "decimal count");
	OK(has(&r, "datumPoskytovaniOd „1. 13. 2020“ is not a date"),
	    "bad date");
	OK(has(&r, "unknown field „kontakty“ in a social service (MPSV), "
	    "ignored; did you mean „kontakt“?"), "unknown service key");
	OK(has(&r, "k.json:4:24: error: unknown source „AISP“ (expected MPSV "
	    "or UZIS); record dropped [bad-value]"), "unknown source");
	OK(has(&r, "k.json:5:1: error: service record „C“ has no id; record "
	    "dropped [missing-field]"), "no id");
	OK(has(&r, "k.json:6:32: warning: unknown field „formy“ in a health "
	    "service (UZIS)"), "ÚZIS inferred from the id; formy unknown");
	OK(has(&r, "k.json:7:27: error: nazev must be text, not number"),
	    "wrong type");
	OK(has(&r, "kontakt.telefony must be a list, not text"),
	    "contacts type");
	INT_EQ(r.c->nservices, 2, "mpsv-1 and mpsv-6 kept, mpsv-8 dropped");
	INT_EQ(r.c->nlistings, 1, "uzis-5");
	if (r.c->nservices == 2) {
		INT_EQ(r.c->services[0]->nforms, 1, "bad form dropped");
		INT_EQ(r.c->services[0]->forms[0].ncaps, 1,
		    "bad capacities dropped");
		OK(r.c->services[0]->type == cb_type_find("40"),
		    "type by name when the code is unknown");
		INT_EQ(r.c->services[0]->from.y, 0, "bad date dropped");
		INT_EQ(r.c->services[0]->places[0].addr.ruian, 0, "no RÚIAN");
	}
	done(&r);
}

/* The real extract must load quietly apart from its one real conflict. */
static void
test_real_sample(void)
{
	struct run	 r;
	char		*buf;
	size_t		 len, i, nplaces = 0;
	struct service	*s;

	buf = read_file("tests/regress/katalog/katalog_ukazka_vyber.json",
	    &len);
	OK(buf != NULL, "fixture readable (run from the top directory)");
	if (buf == NULL)
		return;
	memset(&r, 0, sizeof r);
	r.f = open_memstream(&r.out, &r.len);
	r.d = diag_new(r.f);
	r.c = model_new();
	r.ok = load_katalog(r.c, diag_file(r.d, "ukazka.json"), buf, len,
	    NULL, r.d);
	diag_flush(r.d);
	fflush(r.f);
	free(buf);
	OK(r.ok, "loaded");
	INT_EQ(diag_count_code(r.d, D_UNKNOWN_KEY), 0, "every key known");
	INT_EQ(diag_count(r.d, DIAG_ERROR), 0, "no errors");
	INT_EQ(diag_count_code(r.d, D_MERGE_CONFLICT), 1,
	    "mpsv-4429 is named with a double space at one place");
	INT_EQ(r.c->nservices, 16, "16 social services");
	INT_EQ(r.c->nlistings, 6, "6 health-care listings");
	INT_EQ(r.c->nproviders, 10, "10 providers (one per IČO)");
	for (i = 0; i < r.c->nservices; i++) {
		s = r.c->services[i];
		nplaces += s->nplaces;
		if (strcmp(s->source_id.s, "mpsv-4429") == 0) {
			INT_EQ(s->nplaces, 2, "mpsv-4429 at two places");
			INT_EQ(s->nforms, 2, "pob and ter");
		}
		if (strcmp(s->source_id.s, "mpsv-4674") == 0)
			OK(!s->places[0].addr.present, "place without address");
		OK(s->type != NULL, "every type known");
	}
	INT_EQ(nplaces, 17, "17 service places");
	done(&r);
}

int
main(void)
{
	cb_init();
	RUN(test_inversion);
	RUN(test_conflicts);
	RUN(test_providers);
	RUN(test_uzis_repeated);
	RUN(test_filters);
	RUN(test_versions);
	RUN(test_bad_values);
	RUN(test_real_sample);
	return DONE();
}
