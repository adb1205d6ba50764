/*
 * Unit tests of the streaming MPSV registry loader (load_registry_mem) on
 * small inline rpss.json-shaped data: mapping into the model, providers
 * deduplicated by IČO, facilities deduplicated and filtered, territory and
 * date filters with their one summary note, the MPSV codebook files, codes
 * that cannot be mapped, and privacy (no statutory names anywhere).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codebook.h"
#include "diag.h"
#include "dump.h"
#include "harness.h"
#include "testutil.h"
#include "load.h"
#include "model.h"
#include "util.h"

static char	 msgs[16384];
static char	 cbdir[64];

/*
 * Builders of rpss.json-shaped text (at run time: whole items would be too
 * long for string literals). Each returns a pointer into a ring of buffers.
 */
static char *
fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *
fmt(const char *f, ...)
{
	static char	*ring[256];
	static unsigned	 next;
	char		**slot = &ring[next++ % NELEM(ring)];
	va_list		 ap;

	free(*slot);
	va_start(ap, f);
	if (vasprintf(slot, f, ap) < 0)
		abort();
	va_end(ap);
	return *slot;
}

/* An address object; okres NULL is JSON null (Praha). */
static char *
addr(int kraj, const char *okres, int obec, const char *street, int cp,
    long kod)
{
	return fmt("{\"cisloDomovni\": %d, \"cisloOrientacni\": \"5a\", "
	    "\"dodatekAdresy\": null, \"kodAdresnihoMista\": %ld, "
	    "\"psc\": \"76701\", \"typCislaDomovniho\": "
	    "{\"id\": \"TypStavebnihoObjektu/1\"}, \"kraj\": {\"id\": "
	    "\"Kraj/%d\"}, \"okres\": %s%s%s, \"obec\": {\"id\": "
	    "\"Obec/%d\"}, \"castObce\": {\"id\": \"CastObce/413381\"}, "
	    "\"ulice\": {\"nazev\": \"%s\"}}", cp, kod, kraj,
	    okres ? "{\"id\": \"Okres/" : "null", okres ? okres : "",
	    okres ? "\"}" : "", obec, street);
}

#define KM_ADDR		addr(141, "3708", 588296, "Velké náměstí", 115, 21705123)
#define HULIN_ADDR	addr(141, "3708", 588458, "Nádražní", 1390, 21740500)
#define ZLIN_ADDR	addr(141, "3705", 585068, "Burešov", 4884, 15671201)
#define PRAHA_ADDR	addr(19, NULL, 554782, "Vinohradská", 1200, 21712345)

static char *
provider(const char *ico, const char *name)
{
	return fmt("{\"ico\": \"%s\", \"nazev\": \"%s\", \"adresa\": %s, "
	    "\"emaily\": [{\"email\": \"info@charita.example.cz\"}], "
	    "\"telefony\": [{\"telefon\": \"573 341 234\"}], \"weby\": "
	    "[{\"web\": \"www.charita.example.cz\"}], \"statutarniOrgany\": "
	    "[{\"jmeno\": \"Bohuslava\", \"prijmeni\": \"Kropáčková\", "
	    "\"funkce\": \"ředitelka\"}, {\"jmeno\": \"Radim\", "
	    "\"prijmeni\": \"Zatloukal\"}]}", ico, name, KM_ADDR);
}

#define CHARITA	provider("44740867", "Charita Kroměříž")

/* od and do are JSON values: "\"2007-01-01\"" or "null". */
static char *
facility(const char *name, const char *address, const char *od,
    const char *do_)
{
	return fmt("{\"nazev\": \"%s\", \"adresa\": %s, \"poskytujeOd\": %s, "
	    "\"poskytujeDo\": %s, \"vedouciZarizeni\": {\"jmeno\": "
	    "\"Věroslava\", \"prijmeni\": \"Tichoňová\"}}", name, address,
	    od, do_);
}

/* A service item with the given identity, type, dates and facilities. */
static char *
item(int portal, const char *ident, int druh, const char *od,
    const char *do_, const char *prov, const char *fac)
{
	return fmt("{\"portalId\": %d, \"identifikator\": \"%s\", "
	    "\"nazev\": \"Služba %s\", \"datumPoskytovaniOd\": %s, "
	    "\"datumPoskytovaniDo\": %s, \"druhSocialniSluzby\": "
	    "{\"id\": \"DruhSocialniSluzby/%d\"}, \"poskytovatel\": %s, "
	    "\"zarizeni\": [%s], \"formy\": [{\"forma\": {\"id\": "
	    "\"FormaSocialniSluzby/ter\"}, \"nepretrzitePoskytovani\": false, "
	    "\"kapacity\": [{\"pocet\": 20, \"typ\": {\"id\": "
	    "\"TypKapacitySocialniSluzby/klient\"}}]}], \"ciloveSkupiny\": "
	    "[{\"cilovaSkupina\": {\"id\": \"CilovaSkupinaOsoby/24\"}}]}",
	    portal, ident, ident, od, do_, druh, prov, fac);
}

#define FROM2007	"\"2007-01-01\""

/* Loads text with opts; messages end up in msgs. */
static bool
load(struct catalogue *c, const char *text, const struct load_opts *o)
{
	struct capture	 cap;
	bool		 ok;

	capture_open(&cap);
	ok = load_registry_mem(c, "rpss.json", text, strlen(text), o, cap.d);
	capture_copy(&cap, msgs, sizeof msgs);
	capture_close(&cap);
	return ok;
}

static bool
has(const char *needle)
{
	return strstr(msgs, needle) != NULL;
}

static void
test_mapping(void)
{
	const char	*text = fmt("{\"polozky\": [{"
	    "\"portalId\": 7583, \"identifikator\": \"8532431\", "
	    "\"nazev\": \"Odlehčovací služby\", "
	    "\"datumPoskytovaniOd\": \"2007-01-01T00:00:00\", "
	    "\"datumPoskytovaniDo\": null, "
	    "\"druhSocialniSluzby\": {\"id\": \"DruhSocialniSluzby/8\"}, "
	    "\"poskytovatel\": %s, \"zarizeni\": [%s, %s, %s], "
	    "\"formy\": [{\"forma\": {\"id\": \"FormaSocialniSluzby/pob\"}, "
	    "\"nepretrzitePoskytovani\": true, \"kapacity\": [{\"pocet\": 32, "
	    "\"popis\": \"Maximální kapacita 32 lůžek.\", \"typ\": {\"id\": "
	    "\"TypKapacitySocialniSluzby/luzka\"}}]}, "
	    "{\"forma\": {\"id\": \"FormaSocialniSluzby/ter\"}, "
	    "\"nepretrzitePoskytovani\": false, \"kapacity\": [{\"pocet\": 15, "
	    "\"typ\": {\"id\": \"TypKapacitySocialniSluzby/klient\"}}]}], "
	    "\"ciloveSkupiny\": [{\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/24\"}}, {\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/30\"}}], "
	    "\"vekoveSkupiny\": [{\"vekovaSkupina\": {\"id\": "
	    "\"VekovaSkupinaOsoby/8\"}}], "
	    "\"doplnujiciInformaceVekoveSkupiny\": \"od 60 let\", "
	    "\"emaily\": [{\"email\": \"odlehcovaci@charita.example.cz\", "
	    "\"poznamka\": null}], \"telefony\": [{\"telefon\": "
	    "\"+420 604 111 222\"}, {\"telefon\": \"  573341299 \"}], "
	    "\"weby\": []}]}", CHARITA,
	    facility("Domov", KM_ADDR, FROM2007, "null"),
	    facility("Pobočka Hulín", HULIN_ADDR, "\"2010-01-01\"", "null"),
	    facility("Pobočka Praha", PRAHA_ADDR, "\"2010-01-01\"", "null"));
	struct catalogue *c = model_new();
	struct load_opts o = { 0 };
	struct service	*s;
	struct provider	*p;
	struct address	*a;

	o.input = 2;
	o.is_override = true;
	OK(load(c, text, &o), "loaded");
	INT_EQ(c->nservices, 1, "one service");
	INT_EQ(c->nproviders, 1, "one provider");
	if (c->nservices != 1 || c->nproviders != 1)
		goto out;
	s = c->services[0];
	p = c->providers[0];
	STR_EQ(s->ident.s, "8532431", "identifikátor");
	INT_EQ(s->ident.pos.line, 1, "identifikátor line");
	OK(s->ident.pos.col > 1, "identifikátor column");
	STR_EQ(s->source_id.s, "mpsv-7583", "source id");
	STR_EQ(s->name.s, "Odlehčovací služby", "name");
	STR_EQ(s->origin, "registry", "origin");
	INT_EQ(s->input, 2, "input index");
	OK(s->is_override, "override flag from the options");
	INT_EQ(p->input, 2, "provider's input index");
	OK(s->type != NULL && strcmp(s->type->para, "44") == 0, "type § 44");
	STR_EQ(s->provider_ref.s, "44740867", "provider referred to by IČO");
	STR_EQ(p->key.s, "44740867", "provider key is the IČO");
	STR_EQ(p->name.s, "Charita Kroměříž", "provider name");
	STR_EQ(p->seat.street.s, "Velké náměstí", "provider seat");
	INT_EQ(p->contacts.nphones, 1, "provider phone");
	/* Two forms with their own units, never summed over facilities. */
	INT_EQ(s->nforms, 2, "two forms");
	STR_EQ(s->forms[0].form->code, "pob", "first form");
	INT_EQ(s->forms[0].ncaps, 1, "one capacity for pob");
	STR_EQ(s->forms[0].caps[0].unit->code, "luzka", "beds");
	INT_EQ(s->forms[0].caps[0].count, 32, "32 beds, not 96");
	STR_EQ(s->forms[0].caps[0].note.s, "Maximální kapacita 32 lůžek.",
	    "capacity note");
	STR_EQ(s->forms[1].form->code, "ter", "second form");
	STR_EQ(s->forms[1].caps[0].unit->code, "klient", "clients");
	INT_EQ(s->forms[1].caps[0].count, 15, "15 clients");
	OK(s->hours.present && s->hours.nonstop, "nonstop from a form");
	INT_EQ(s->ntargets, 2, "target groups by verified id");
	STR_EQ(s->targets[0].item->code, "seniori", "senioři");
	STR_EQ(s->targets[1].item->code, "demence", "demence");
	INT_EQ(s->nages, 0, "age group id unknown without the codebook");
	OK(has("rpss.json:1:") && has("warning: unknown age group id "
	    "„VekovaSkupinaOsoby/8“; value dropped; the MPSV codebook files"),
	    "unknown age group reported with its position");
	STR_EQ(s->age_note.s, "od 60 let", "age note");
	INT_EQ(s->from.y, 2007, "from, time part ignored");
	INT_EQ(s->to.y, 0, "no end");
	/* Places: all three facilities, addresses mapped. */
	INT_EQ(s->nplaces, 3, "three places");
	STR_EQ(s->places[0].name.s, "Domov", "place name");
	a = &s->places[0].addr;
	OK(a->present, "address present");
	STR_EQ(a->street.s, "Velké náměstí", "street");
	STR_EQ(a->house.s, "115", "house number from a JSON number");
	OK(!a->evidence, "číslo popisné");
	STR_EQ(a->orient.s, "5a", "číslo orientační");
	STR_EQ(a->psc.s, "76701", "PSČ");
	STR_EQ(a->municipality_code.s, "588296", "municipality code");
	INT_EQ(a->ruian, 21705123, "address point");
	OK(a->municipality.s == NULL && a->district.s == NULL &&
	    a->region.s == NULL, "no names without codebooks");
	OK(s->places[2].addr.district.s == NULL, "Praha without okres");
	/* Contacts: the service's own phones and e-mail, the provider's web. */
	INT_EQ(s->contacts.nphones, 2, "service phones");
	STR_EQ(s->contacts.phones[0].s, "+420 604 111 222", "phone as written");
	STR_EQ(s->contacts.phones[1].s, "573341299", "phone trimmed");
	INT_EQ(s->contacts.nemails, 1, "service e-mail");
	STR_EQ(s->contacts.emails[0].s, "odlehcovaci@charita.example.cz",
	    "service e-mail kept");
	INT_EQ(s->contacts.nwebs, 1, "web falls back to the provider's");
	STR_EQ(s->contacts.webs[0].s, "www.charita.example.cz",
	    "provider web");
	OK(s->contacts.webs != p->contacts.webs, "the service has its own list");
	OK(has("note: 2 statutory-body entries (names of persons) of 1 "
	    "providers were left out"), "privacy note");
	OK(has("rpss.json: note: addresses in the registry carry only codes"),
	    "one note about missing names");
out:
	model_free(c);
}

/* Everything the model holds, as `mapa dump` prints it. */
static char *
dump_text(const struct catalogue *c)
{
	FILE	*f = tmpfile();
	long	 n;
	char	*s;

	dump_catalogue(f, c);
	n = ftell(f);
	rewind(f);
	s = xmalloc((size_t)n + 1);
	n = (long)fread(s, 1, (size_t)n, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void
test_privacy(void)
{
	const char	*text = fmt("{\"polozky\": [%s, %s]}",
	    item(1, "1000001", 4, FROM2007, "null", CHARITA,
	    facility("Středisko", KM_ADDR, FROM2007, "null")),
	    item(2, "1000002", 3, FROM2007, "null", CHARITA,
	    facility("Středisko", HULIN_ADDR, FROM2007, "null")));
	static const char *const names[] = {
		"Bohuslava", "Kropáčková", "Radim", "Zatloukal", "Věroslava",
		"Tichoňová", "ředitelka"
	};
	struct catalogue *c = model_new();
	char		*all;
	size_t		 i;
	int		 found = 0;

	OK(load(c, text, NULL), "loaded");
	INT_EQ(c->nservices, 2, "two services");
	INT_EQ(c->nproviders, 1, "one provider per IČO");
	OK(c->nservices == 2 && c->services[0]->provider_ref.s != NULL &&
	    strcmp(c->services[0]->provider_ref.s,
	    c->services[1]->provider_ref.s) == 0, "both refer to it");
	all = dump_text(c);
	OK(strstr(all, "Charita Kroměříž") != NULL, "the dump shows data");
	for (i = 0; i < NELEM(names); i++)
		if (strstr(all, names[i]) != NULL || strstr(msgs, names[i])) {
			printf("personal name %s leaked\n", names[i]);
			found++;
		}
	INT_EQ(found, 0, "no statutory or facility-head name in the model");
	OK(has("note: 2 statutory-body entries (names of persons) of 1 "
	    "providers were left out"), "counted once per provider");
	free(all);
	model_free(c);
}

static void
test_facilities(void)
{
	const char	*text = fmt("{\"polozky\": [%s, %s, %s, %s, %s]}",
	    /* repeated facility, one ended, one not yet open */
	    item(1, "1000001", 4, FROM2007, "null", CHARITA, fmt("%s, %s, %s, %s",
	    facility("Středisko", KM_ADDR, FROM2007, "null"),
	    facility("Středisko", KM_ADDR, FROM2007, "null"),
	    facility("Staré", HULIN_ADDR, FROM2007, "\"2020-12-31\""),
	    facility("Nové", HULIN_ADDR, "\"2027-01-01\"", "null"))),
	    /* every facility ended: service dropped */
	    item(2, "1000002", 4, FROM2007, "null", CHARITA,
	    facility("Zavřené", KM_ADDR, FROM2007, "\"2015-01-01\"")),
	    /* the service ended */
	    item(3, "1000003", 4, FROM2007, "\"2026-08-31\"", CHARITA,
	    facility("Středisko", KM_ADDR, FROM2007, "null")),
	    /* ends on the day itself: still active */
	    item(4, "1000004", 4, FROM2007, "\"2026-09-01\"", CHARITA,
	    facility("Středisko", KM_ADDR, FROM2007, "null")),
	    /* no facility: the contact address is the place */
	    fmt("{\"portalId\": 5, \"identifikator\": \"1000005\", "
	    "\"druhSocialniSluzby\": {\"id\": \"DruhSocialniSluzby/32\"}, "
	    "\"poskytovatel\": %s, \"zarizeni\": [], "
	    "\"kontaktniAdresy\": [{\"adresa\": %s}]}", CHARITA, ZLIN_ADDR));
	struct catalogue *c = model_new();
	struct load_opts o = { 0 };
	struct service	*s;

	OK(date_parse("2026-09-01", &o.active_on), "date");
	OK(load(c, text, &o), "loaded");
	INT_EQ(c->nservices, 3, "three services active");
	if (c->nservices != 3)
		goto out;
	s = c->services[0];
	STR_EQ(s->ident.s, "1000001", "first kept");
	INT_EQ(s->nplaces, 1, "repeated, ended and future facilities left out");
	INT_EQ(s->forms[0].caps[0].count, 20, "capacity not multiplied");
	STR_EQ(c->services[1]->ident.s, "1000004", "ends on the day: kept");
	s = c->services[2];
	STR_EQ(s->ident.s, "1000005", "field service kept");
	INT_EQ(s->nplaces, 1, "contact address as place");
	OK(s->places[0].name.s == NULL, "contact place has no name");
	STR_EQ(s->places[0].addr.municipality_code.s, "585068",
	    "contact address mapped");
	STR_EQ(msgs, "rpss.json: note: kept 3 of 5 services; 2 not active on "
	    "1. 9. 2026; of the kept services' places, 2 not active on that day "
	    "and 1 repeated were left out [filtered]\n"
	    "rpss.json: note: 2 statutory-body entries (names of persons) of 1 "
	    "providers were left out; the registry's personal data are never "
	    "imported [privacy]\n"
	    "rpss.json: note: addresses in the registry carry only codes of the "
	    "municipality, district and region, so their names stay empty: "
	    "download obce.json, okresy.json, kraje.json (and "
	    "cilove-skupiny-osoby.json, vekove-skupiny-osoby.json) from "
	    "https://data.mpsv.cz/od/soubory/ciselniky/ into a folder and name "
	    "it with „ciselniky:“ in the edition (or put it beside the file as "
	    "ciselniky/) [unknown-code]\n", "exactly the summary notes");
out:
	model_free(c);
}

static char *
territory(void)
{
	return fmt("{\"polozky\": [%s, %s, %s, %s]}",
	    item(1, "1000001", 4, FROM2007, "null", CHARITA,
	    facility("Kroměříž", KM_ADDR, FROM2007, "null")),
	    item(2, "1000002", 4, FROM2007, "null", CHARITA, fmt("%s, %s",
	    facility("Hulín", HULIN_ADDR, FROM2007, "null"),
	    facility("Zlín", ZLIN_ADDR, FROM2007, "null"))),
	    item(3, "1000003", 4, FROM2007, "null", CHARITA,
	    facility("Zlín", ZLIN_ADDR, FROM2007, "null")),
	    item(4, "1000004", 4, FROM2007, "null", CHARITA,
	    facility("Praha", PRAHA_ADDR, FROM2007, "null")));
}

/* Loads territory[] with the filters; returns the identifikátory kept. */
static void
filter_run(const char **kraje, size_t nk, const char **okresy, size_t no,
    const char **obce, size_t nb, const char *dir, char *out, size_t outlen)
{
	struct catalogue *c = model_new();
	struct load_opts o = { 0 };
	size_t		 i;

	o.kraje = kraje;
	o.nkraje = nk;
	o.okresy = okresy;
	o.nokresy = no;
	o.obce = obce;
	o.nobce = nb;
	o.codebook_dir = dir;
	load(c, territory(), &o);
	out[0] = '\0';
	for (i = 0; i < c->nservices; i++) {
		strncat(out, c->services[i]->ident.s + 6, outlen - strlen(out) - 1);
		strncat(out, "/", outlen - strlen(out) - 1);
		strncat(out, c->services[i]->nplaces == 1 ? "1" : "n",
		    outlen - strlen(out) - 1);
		strncat(out, " ", outlen - strlen(out) - 1);
	}
	model_free(c);
}

static void
test_territory(void)
{
	const char	*v[4];
	char		 got[64];

	v[0] = "Kraj/141";
	filter_run(v, 1, NULL, 0, NULL, 0, NULL, got, sizeof got);
	STR_EQ(got, "1/1 2/n 3/1 ", "kraj by RÚIAN id");
	OK(has("rpss.json: note: kept 3 of 4 services; 1 outside the "
	    "territory [filtered]"), "one filter note");
	v[0] = "141";
	filter_run(v, 1, NULL, 0, NULL, 0, NULL, got, sizeof got);
	STR_EQ(got, "1/1 2/n 3/1 ", "kraj by bare number");
	v[0] = "19";
	filter_run(v, 1, NULL, 0, NULL, 0, NULL, got, sizeof got);
	STR_EQ(got, "4/1 ", "Praha by kraj");
	v[0] = "Okres/3708";
	filter_run(NULL, 0, v, 1, NULL, 0, NULL, got, sizeof got);
	STR_EQ(got, "1/1 2/1 ", "okres: the Zlín place of 2 is left out");
	OK(has("kept 2 of 4 services; 2 outside the territory; of the kept "
	    "services' places, 1 outside the territory was left out"),
	    "places outside counted");
	v[0] = "588458";
	filter_run(NULL, 0, NULL, 0, v, 1, NULL, got, sizeof got);
	STR_EQ(got, "2/1 ", "obec by code");
	v[0] = "Obec/588296";
	v[1] = "Obec/585068";
	filter_run(NULL, 0, NULL, 0, v, 2, NULL, got, sizeof got);
	STR_EQ(got, "1/1 2/1 3/1 ", "obce by id, any of the list");
	/* Levels combine: in kraj 141 AND in obec Zlín. */
	v[0] = "141";
	v[2] = "585068";
	filter_run(v, 1, NULL, 0, v + 2, 1, NULL, got, sizeof got);
	STR_EQ(got, "2/1 3/1 ", "levels combine");
	/* NUTS codes need the codebook. */
	v[0] = "CZ072";
	filter_run(v, 1, NULL, 0, NULL, 0, NULL, got, sizeof got);
	STR_EQ(got, "", "NUTS without codebook matches nothing");
	OK(has("rpss.json: error: the kraj filter „CZ072“ can only be matched "
	    "with the MPSV codebook kraje.json (ciselniky: in the edition); "
	    "write the registry id, e.g. „Kraj/141“, instead; nothing matches "
	    "it [unknown-code]"), "NUTS without codebook reported");
	v[0] = "Hulín";
	filter_run(NULL, 0, NULL, 0, v, 1, NULL, got, sizeof got);
	STR_EQ(got, "", "names without codebook match nothing");
	/* With the codebooks: NUTS, LAU and names. */
	v[0] = "CZ072";
	filter_run(v, 1, NULL, 0, NULL, 0, cbdir, got, sizeof got);
	STR_EQ(got, "1/1 2/n 3/1 ", "NUTS through kraje.json");
	v[0] = "CZ0721";
	filter_run(NULL, 0, v, 1, NULL, 0, cbdir, got, sizeof got);
	STR_EQ(got, "1/1 2/1 ", "LAU through okresy.json");
	v[0] = "Hulín";
	v[1] = "Kroměříž";
	filter_run(NULL, 0, NULL, 0, v, 2, cbdir, got, sizeof got);
	STR_EQ(got, "1/1 2/1 ", "municipality names through obce.json");
	v[0] = "CZ099";
	filter_run(v, 1, NULL, 0, NULL, 0, cbdir, got, sizeof got);
	OK(has("error: the kraj filter „CZ099“ is not in the MPSV codebook "
	    "kraje.json; nothing matches it"), "unknown NUTS reported");
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void
make_codebooks(void)
{
	snprintf(cbdir, sizeof cbdir, "/tmp/mapa-test-cb-XXXXXX");
	if (mkdtemp(cbdir) == NULL)
		return;
	write_file(cbdir, "kraje.json", "{\"polozky\": ["
	    "{\"id\": \"Kraj/141\", \"kodNuts3\": \"CZ072\", \"nazev\": "
	    "{\"cs\": \"Zlínský kraj\"}}, {\"id\": \"Kraj/19\", \"kodNuts3\": "
	    "\"CZ010\", \"nazev\": \"Hlavní město Praha\"}]}");
	write_file(cbdir, "okresy.json", "{\"polozky\": ["
	    "{\"id\": \"Okres/3708\", \"kodLau\": \"CZ0721\", \"nazev\": "
	    "{\"cs\": \"Kroměříž\"}}, {\"id\": \"Okres/3705\", \"kodLau\": "
	    "\"CZ0724\", \"nazev\": {\"cs\": \"Zlín\"}}]}");
	write_file(cbdir, "obce.json", "{\"polozky\": ["
	    "{\"id\": \"Obec/588296\", \"kod\": \"588296\", \"nazev\": "
	    "{\"cs\": \"Kroměříž\"}}, {\"id\": \"Obec/588458\", \"kod\": "
	    "\"588458\", \"nazev\": {\"cs\": \"Hulín\"}}, {\"id\": "
	    "\"Obec/585068\", \"kod\": \"585068\", \"nazev\": {\"cs\": "
	    "\"Zlín\"}}]}");
	write_file(cbdir, "cilove-skupiny-osoby.json", "{\"polozky\": ["
	    "{\"id\": \"CilovaSkupinaOsoby/24\", \"nazev\": {\"cs\": "
	    "\"senioři\"}}, {\"id\": \"CilovaSkupinaOsoby/7\", \"nazev\": "
	    "{\"cs\": \"Osoby v krizi\"}}, {\"id\": \"CilovaSkupinaOsoby/99\", "
	    "\"nazev\": {\"cs\": \"skupina, kterou neznáme\"}}]}");
	write_file(cbdir, "vekove-skupiny-osoby.json", "{\"polozky\": ["
	    "{\"id\": \"VekovaSkupinaOsoby/8\", \"nazev\": \"mladší senioři "
	    "(65 - 80 let)\"}, {\"id\": \"VekovaSkupinaOsoby/9\", \"nazev\": "
	    "\"starší  senioři (nad 80 let)\"}]}");
}

static void
remove_codebooks(void)
{
	static const char *const files[] = { "kraje.json", "okresy.json",
	    "obce.json", "cilove-skupiny-osoby.json",
	    "vekove-skupiny-osoby.json" };
	char		 path[256];
	size_t		 i;

	for (i = 0; i < NELEM(files); i++) {
		snprintf(path, sizeof path, "%s/%s", cbdir, files[i]);
		unlink(path);
	}
	rmdir(cbdir);
}

static void
test_codebooks(void)
{
	const char	*text = fmt("{\"polozky\": [{"
	    "\"portalId\": 9, \"identifikator\": \"1000009\", "
	    "\"druhSocialniSluzby\": {\"id\": \"DruhSocialniSluzby/4\"}, "
	    "\"poskytovatel\": %s, \"zarizeni\": [%s, %s, %s], "
	    "\"ciloveSkupiny\": [{\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/24\"}}, {\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/7\"}}, {\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/99\"}}, {\"cilovaSkupina\": {\"id\": "
	    "\"CilovaSkupinaOsoby/31\"}}], "
	    "\"vekoveSkupiny\": [{\"vekovaSkupina\": {\"id\": "
	    "\"VekovaSkupinaOsoby/8\"}}, {\"vekovaSkupina\": {\"id\": "
	    "\"VekovaSkupinaOsoby/9\"}}]}]}", CHARITA,
	    facility("A", KM_ADDR, FROM2007, "null"),
	    facility("B", PRAHA_ADDR, FROM2007, "null"),
	    facility("C", addr(141, "3708", 588999, "Nová", 1, 1), FROM2007,
	    "null"));
	struct catalogue *c = model_new();
	struct load_opts o = { 0 };
	struct service	*s;
	struct address	*a;

	o.codebook_dir = cbdir;
	OK(load(c, text, &o), "loaded");
	if (c->nservices != 1)
		goto out;
	s = c->services[0];
	a = &s->places[0].addr;
	STR_EQ(a->municipality.s, "Kroměříž", "municipality name");
	OK(a->municipality.pos.line == 1 && a->municipality.pos.col > 1,
	    "name positioned at the id");
	STR_EQ(a->district.s, "Kroměříž", "district name");
	STR_EQ(a->region.s, "Zlínský kraj", "region name ({\"cs\": …})");
	STR_EQ(a->region_code.s, "CZ072", "NUTS code from kraje.json");
	a = &s->places[1].addr;
	STR_EQ(a->region.s, "Hlavní město Praha", "plain-string nazev");
	OK(a->district.s == NULL, "Praha has no okres");
	OK(s->places[2].addr.municipality.s == NULL, "unknown obec unnamed");
	OK(has("warning: unknown municipality id „Obec/588999“; value "
	    "dropped [unknown-code]"), "unknown obec reported");
	INT_EQ(s->ntargets, 2, "targets by label");
	STR_EQ(s->targets[0].item->code, "seniori", "senioři");
	STR_EQ(s->targets[1].item->code, "v-krizi", "label ignoring case");
	OK(has("warning: unknown target group id „CilovaSkupinaOsoby/99“; "
	    "value dropped [unknown-code]"), "label we lack reported");
	OK(has("„CilovaSkupinaOsoby/31“; value dropped [unknown-code]"),
	    "id missing from the codebook reported, without the hint");
	INT_EQ(s->nages, 2, "ages by loose label");
	STR_EQ(s->nages == 2 ? s->ages[0].item->code : NULL, "65-80",
	    "spaced hyphen matches the en dash");
	STR_EQ(s->nages == 2 ? s->ages[1].item->code : NULL, "nad-80",
	    "double space matches");
	OK(!has("carry only codes"), "no missing-names note with codebooks");
out:
	model_free(c);
	/* A missing codebook file is a warning, not a failure. */
	c = model_new();
	o.codebook_dir = "/nonexistent-mapa-codebooks";
	OK(load(c, text, &o), "loaded without codebook files");
	OK(has("warning: cannot read the MPSV codebook "
	    "/nonexistent-mapa-codebooks/kraje.json"), "missing file warned");
	OK(!has("casti-obci.json"), "the optional file is not asked for");
	model_free(c);
}

static void
test_unusable(void)
{
	const char	*first = item(1, "1000001", 99, FROM2007, "null", CHARITA,
	    facility("A", KM_ADDR, FROM2007, "null"));
	const char	*text = fmt("{\"polozky\": [%s, "
	    "{\"nazev\": \"Bez identifikace\", \"druhSocialniSluzby\": "
	    "{\"id\": \"DruhSocialniSluzby/4\"}}, "
	    "{\"portalId\": 3, \"druhSocialniSluzby\": {\"id\": "
	    "\"DruhSocialniSluzby/4\"}, \"poskytovatel\": %s, "
	    "\"datumPoskytovaniOd\": \"2007-02-30\", \"formy\": [{\"forma\": "
	    "{\"id\": \"FormaSocialniSluzby/xyz\"}}, {\"forma\": {\"id\": "
	    "\"FormaSocialniSluzby/amb\"}, \"kapacity\": [{\"pocet\": 2.5, "
	    "\"typ\": {\"id\": \"TypKapacitySocialniSluzby/klient\"}}, "
	    "{\"pocet\": 4, \"typ\": {\"id\": \"TypKapacitySocialniSluzby/x\"}},"
	    " {\"pocet\": 4, \"typ\": {\"id\": \"TypKapacitySocialniSluzby/x\"}}"
	    "]}]}, 42]}", first, CHARITA);
	struct catalogue *c = model_new();
	struct service	*s;
	char		 want[256];
	ptrdiff_t	 col;

	OK(load(c, text, NULL), "loaded");
	INT_EQ(c->nservices, 1, "only the usable record kept");
	/* The column of the id's opening quote, in characters. */
	col = strstr(text, "\"DruhSocialniSluzby/99") - text;
	snprintf(want, sizeof want, "rpss.json:1:%zu: error: unknown type of "
	    "service „DruhSocialniSluzby/99“; record dropped [unknown-code]",
	    utf8_count(text, (size_t)col) + 1);
	OK(has(want), "unknown type at the id");
	OK(has("error: registry record has neither identifikator nor portalId; "
	    "record dropped [missing-field]"), "no identification");
	OK(has("error: an item of „polozky“ must be an object, not number; "
	    "item skipped"), "not an object");
	OK(has("error: datumPoskytovaniOd „2007-02-30“ is not a valid date; "
	    "value dropped [date-format]"), "impossible date");
	OK(has("warning: unknown form of provision id "
	    "„FormaSocialniSluzby/xyz“; value dropped"), "unknown form");
	OK(has("error: capacity „pocet“ must be a whole number, not „2.5“; "
	    "capacity dropped [capacity-value]"), "fractional capacity");
	OK(has("warning: unknown capacity unit id „TypKapacitySocialniSluzby/x“"
	    " (2 times in this file); values dropped"), "unknown unit counted");
	OK(has("note: kept 1 of 4 services; 3 dropped for the errors "
	    "reported [filtered]"), "unusable counted");
	if (c->nservices == 1) {
		s = c->services[0];
		OK(s->ident.s == NULL, "no identifikátor");
		STR_EQ(s->source_id.s, "mpsv-3", "portal id kept");
		INT_EQ(s->nforms, 1, "known form kept");
		INT_EQ(s->forms[0].ncaps, 0, "bad capacities dropped");
		INT_EQ(s->from.y, 0, "bad date dropped");
	}
	model_free(c);
}

static void
test_syntax(void)
{
	const char	*text = fmt("{\"polozky\": [%s,\n"
	    "{\"portalId\": 2 \"identifikator\": \"1000002\"}]}",
	    item(1, "1000001", 4, FROM2007, "null", CHARITA,
	    facility("A", KM_ADDR, FROM2007, "null")));
	static const char noitems[] = "{\"verze\": 1}";
	struct catalogue *c = model_new();

	OK(!load(c, text, NULL), "syntax error fails the load");
	INT_EQ(c->nservices, 1, "items before the error are kept");
	OK(has("rpss.json:2:16: error: missing comma between fields "
	    "[json-syntax]"), "syntax error with position");
	model_free(c);
	c = model_new();
	OK(load(c, noitems, NULL), "a file without items loads");
	OK(has("rpss.json:1:1: error: the registry file has no list "
	    "„polozky“ [missing-field]"), "missing polozky reported");
	model_free(c);
	c = model_new();
	OK(!load(c, "[]", NULL), "not an object");
	OK(has("expected an object ({…}), found „[“"), "top level checked");
	model_free(c);
}

static void
test_file(void)
{
	char		 dir[] = "/tmp/mapa-test-reg-XXXXXX", path[256], cb[128];
	struct catalogue *c = model_new();
	struct diag	*d = diag_new(NULL);
	FILE		*f;
	int		 i;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/rpss.json", dir);
	f = fopen(path, "w");
	/* Several 64 KiB chunks. */
	fputs("{\"polozky\": [", f);
	for (i = 0; i < 300; i++)
		fprintf(f, "%s%s\n", i ? "," : "", item(i, fmt("1%06d", i), 4,
		    FROM2007, "null", CHARITA, facility("A", KM_ADDR, FROM2007,
		    "null")));
	fputs("]}", f);
	fclose(f);
	/* A ciselniky/ folder beside the file is used without being named. */
	snprintf(cb, sizeof cb, "%s/ciselniky", dir);
	mkdir(cb, 0700);
	write_file(cb, "obce.json", "{\"polozky\": [{\"id\": \"Obec/588296\", "
	    "\"nazev\": \"Kroměříž\"}]}");
	OK(load_registry_file(c, path, NULL, d), "file loaded");
	INT_EQ(c->nservices, 300, "all items");
	STR_EQ(c->nservices ? c->services[299]->ident.s : NULL, "1000299",
	    "last item");
	INT_EQ(c->services[299]->pos.line, 300, "line of the last item");
	STR_EQ(c->nservices ? c->services[0]->places[0].addr.municipality.s :
	    NULL, "Kroměříž", "names from ciselniky/ beside the file");
	INT_EQ(diag_count(d, DIAG_WARNING), 4, "four codebook files missing");
	OK(!load_registry_file(c, "/nonexistent/rpss.json", NULL, d),
	    "missing file fails");
	INT_EQ(diag_count(d, DIAG_FATAL), 1, "reported");
	snprintf(path, sizeof path, "%s/obce.json", cb);
	unlink(path);
	rmdir(cb);
	snprintf(path, sizeof path, "%s/rpss.json", dir);
	unlink(path);
	rmdir(dir);
	diag_free(d);
	model_free(c);
}

int
main(void)
{
	cb_init();
	make_codebooks();
	RUN(test_mapping);
	RUN(test_privacy);
	RUN(test_facilities);
	RUN(test_territory);
	RUN(test_codebooks);
	RUN(test_unusable);
	RUN(test_syntax);
	RUN(test_file);
	remove_codebooks();
	return DONE();
}
