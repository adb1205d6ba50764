/*
 * Unit tests of stats.c and changes.c: a small catalogue, loaded and
 * validated as `mapa check` would, and every aggregate the workbook prints
 * checked against numbers worked out by hand (in the comments).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "codebook.h"
#include "diag.h"
#include "harness.h"
#include "load.h"
#include "merge.h"
#include "model.h"
#include "stats.h"
#include "util.h"
#include "validate.h"

#define PROVIDERS							\
	"\"poskytovatele\": ["						\
	"{\"id\": \"a\", \"nazev\": \"A, z. ú.\", \"ico\": \"71084622\"},"	\
	"{\"id\": \"b\", \"nazev\": \"B, o. p. s.\", \"ico\": \"48435198\"}],"

#define PLACE(obec, kod)						\
	"{\"adresa\": {\"ulice\": \"Hlavní\", \"cislo_popisne\": \"1\","	\
	"\"obec\": \"" obec "\"" kod ", \"psc\": \"76701\"}}"

/*
 * 1000001 § 49 pob 80 lůžek, Kroměříž (by code in the order), senioři;
 *         2024 and 2025 figures
 * 1000002 § 50 pob 30 lůžek, Hulín; senioři, demence; 2025 figures
 * 1000003 § 40 ter 100 + amb 20 klientů, Kroměříž and Hulín; 2025 clients
 * 1000004 § 37 amb 5 + ter 3 intervencí, Chropyně and Čelechovice
 * 1000005 § 69 ter 10 kontaktů, Zlín
 * 1000006 § 39 ter 25 klientů, no place
 */
static const char catalogue_json[] = "{\"udaje_k\": \"2026-09-01\","
    PROVIDERS
    "\"sluzby\": ["
    "{\"identifikator\": \"1000001\", \"nazev\": \"Domov\", \"poskytovatel\": \"a\","
    " \"druh\": \"§ 49\", \"formy\": [{\"forma\": \"pob\", \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 80}]}],"
    " \"cilove_skupiny\": [\"seniori\"], \"mista\": [" PLACE("Kroměříž", ", \"kod_obce\": \"588296\"") "],"
    " \"ukazatele\": ["
    "  {\"rok\": 2024, \"naklady\": 1000000.50, \"vynosy\": {\"mpsv\": 300000, \"uhrady\": 600000.25}},"
    "  {\"rok\": 2025, \"klienti\": 90, \"uvazky_prima_pece\": 20.5, \"naklady\": 1100000,"
    "   \"vynosy\": {\"mpsv\": 310000, \"kraj\": 50000}}]},"
    "{\"identifikator\": \"1000002\", \"nazev\": \"Zvláštní\", \"poskytovatel\": \"a\","
    " \"druh\": \"§ 50\", \"formy\": [{\"forma\": \"pob\", \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 30}]}],"
    " \"cilove_skupiny\": [\"seniori\", \"demence\"], \"mista\": [" PLACE("Hulín", "") "],"
    " \"ukazatele\": [{\"rok\": 2025, \"naklady\": 500000, \"vynosy\": {\"mpsv\": 200000, \"zp\": 100000}}]},"
    "{\"identifikator\": \"1000003\", \"nazev\": \"Pečovatelská\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 40\", \"formy\": ["
    "  {\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 100}]},"
    "  {\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 20}]}],"
    " \"cilove_skupiny\": [\"seniori\", \"zdravotni-postizeni\"],"
    " \"mista\": [" PLACE("Kroměříž", "") "," PLACE("Hulín", "") "," PLACE("Kroměříž", "") "],"
    " \"ukazatele\": [{\"rok\": 2025, \"klienti\": 150}]},"
    "{\"identifikator\": \"1000004\", \"nazev\": \"Poradna\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 37\", \"formy\": ["
    "  {\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": \"interv\", \"pocet\": 5}]},"
    "  {\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"interv\", \"pocet\": 3}]}],"
    " \"cilove_skupiny\": [\"v-krizi\"], \"mista\": [" PLACE("Chropyně", "") "," PLACE("Čelechovice", "") "]},"
    "{\"identifikator\": \"1000005\", \"nazev\": \"Terén\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 69\", \"formy\": [{\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"kontakt\", \"pocet\": 10}]}],"
    " \"cilove_skupiny\": [\"bez-pristresi\"], \"mista\": [" PLACE("Zlín", "") "]},"
    "{\"identifikator\": \"1000006\", \"nazev\": \"Asistence\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 39\", \"formy\": [{\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 25}]}],"
    " \"cilove_skupiny\": [\"zdravotni-postizeni\"]}"
    "]}";

/* The same network a year earlier (for changes.c). */
static const char before_json[] = "{\"udaje_k\": \"2025-09-01\","
    PROVIDERS
    "\"sluzby\": ["
    "{\"identifikator\": \"1000001\", \"nazev\": \"Domov pro seniory\", \"poskytovatel\": \"a\","
    " \"druh\": \"§ 49\", \"formy\": [{\"forma\": \"pob\", \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 76}]}],"
    " \"cilove_skupiny\": [\"seniori\"], \"mista\": [" PLACE("Kroměříž", "") "]},"
    "{\"identifikator\": \"1000002\", \"nazev\": \"Zvláštní\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 50\", \"formy\": [{\"forma\": \"pob\", \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 30}]}],"
    " \"cilove_skupiny\": [\"demence\", \"seniori\"], \"mista\": [" PLACE("Hulín", "") "]},"
    "{\"identifikator\": \"1000003\", \"nazev\": \"Pečovatelská\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 40\", \"formy\": ["
    "  {\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 20}]},"
    "  {\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 100}]}],"
    " \"cilove_skupiny\": [\"zdravotni-postizeni\", \"seniori\"],"
    " \"mista\": [" PLACE("Hulín", "") "," PLACE("Kroměříž", "") "]},"
    "{\"identifikator\": \"1000009\", \"nazev\": \"Ukončená\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 63\", \"formy\": [{\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": \"klient\", \"pocet\": 12}]}],"
    " \"cilove_skupiny\": [\"bez-pristresi\"], \"mista\": [" PLACE("Kroměříž", "") "]},"
    "{\"identifikator\": \"1000004\", \"nazev\": \"Poradna\", \"poskytovatel\": \"b\","
    " \"druh\": \"§ 37\", \"formy\": ["
    "  {\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": \"interv\", \"pocet\": 5}]},"
    "  {\"forma\": \"ter\", \"kapacity\": [{\"jednotka\": \"interv\", \"pocet\": 3}]}],"
    " \"cilove_skupiny\": [\"v-krizi\"], \"mista\": [" PLACE("Chropyně", "") "," PLACE("Čelechovice", "") "]}"
    "]}";

static int unit_luzka, unit_klient, unit_interv, unit_kontakt;

/* Loads, merges, validates and links a catalogue; no errors expected. */
static struct catalogue *
build(const char *name, const char *json)
{
	struct catalogue *c = model_new();
	struct load_opts opts = { 0 };
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f = open_memstream(&out, &len);
	struct diag	*d = diag_new(f);

	load_native(c, diag_file(d, name), json, strlen(json), &opts, d);
	merge_catalogue(c, d);
	validate_catalogue(c, d);
	model_link(c, d);
	INT_EQ(diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_FATAL), 0,
	    "the test catalogue has no errors");
	diag_flush(d);
	fflush(f);
	if (diag_count(d, DIAG_ERROR) > 0)
		printf("%s", out);
	diag_free(d);
	fclose(f);
	free(out);
	return c;
}

static const struct cb_type *
type(const char *para)
{
	return cb_type_find(para);
}

static struct stats *
compute(const struct catalogue *c)
{
	static const char *const order[] = { "Hulín", "588296", "Koryčany" };
	struct stats_opts o = { order, 3, { 10000, 2000, 500 } };

	return stats_compute(c, &o);
}

static void
test_totals(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	struct stats	 *st = compute(c);

	INT_EQ(st->nservices, 6, "services");
	INT_EQ(st->nproviders, 2, "providers");
	/* 1000003 and 1000006 have clients; 1000001 and 1000002 beds */
	INT_EQ(st->unit_services[unit_klient], 2, "services with clients");
	INT_EQ(st->unit_services[unit_luzka], 2, "services with beds");
	INT_EQ(st->unit_services[unit_kontakt], 1, "services with contacts");
	INT_EQ(st->total.services, 6, "total services");
	/* 80 + 30 */
	INT_EQ(st->total.cap[unit_luzka], 110, "beds");
	/* 100 + 20 + 25: forms add up, no place multiplies */
	INT_EQ(st->total.cap[unit_klient], 145, "clients");
	INT_EQ(st->total.cap[unit_interv], 8, "interventions");
	INT_EQ(st->total.cap[unit_kontakt], 10, "contacts");
	INT_EQ(st->units_used, (1u << unit_luzka) | (1u << unit_klient) |
	    (1u << unit_interv) | (1u << unit_kontakt), "units used");
	/* care: § 49, § 50, § 40, § 39 */
	INT_EQ(st->by_group[GROUP_PECE].services, 4, "care services");
	INT_EQ(st->by_group[GROUP_PECE].cap[unit_luzka], 110, "care beds");
	INT_EQ(st->by_group[GROUP_PECE].cap[unit_klient], 145, "care clients");
	INT_EQ(st->by_group[GROUP_PORADENSTVI].services, 1, "counselling");
	INT_EQ(st->by_group[GROUP_PREVENCE].cap[unit_kontakt], 10, "prevention");
	INT_EQ(st->by_type[type("40")->index].cap[unit_klient], 120, "§ 40");
	INT_EQ(st->by_type[type("48")->index].services, 0, "§ 48 absent");
	stats_free(st);
	model_free(c);
}

static void
test_municipalities(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	struct stats	 *st = compute(c);
	size_t		  t40 = (size_t)type("40")->index;
	size_t		  t37 = (size_t)type("37")->index;
	size_t		  t39 = (size_t)type("39")->index;

	/* order first (the code became the place's name), then Czech order:
	   Č before Ch before Z, unlike bytes */
	INT_EQ(st->nmunis, 6, "columns");
	if (st->nmunis == 6) {
		STR_EQ(st->munis[0], "Hulín", "ordered 1");
		STR_EQ(st->munis[1], "Kroměříž", "code resolved to a name");
		STR_EQ(st->munis[2], "Koryčany", "listed without services");
		STR_EQ(st->munis[3], "Čelechovice", "Czech order 1");
		STR_EQ(st->munis[4], "Chropyně", "Czech order 2");
		STR_EQ(st->munis[5], "Zlín", "Czech order 3");
	}
	INT_EQ(stats_muni_index(st, "Zlín"), 5, "index");
	INT_EQ(stats_muni_index(st, "Brno"), -1, "no index");
	/* Hulín: § 50 and § 40 with its whole capacity */
	INT_EQ(st->by_muni[0].services, 2, "Hulín services");
	INT_EQ(st->by_muni[0].cap[unit_luzka], 30, "Hulín beds");
	INT_EQ(st->by_muni[0].cap[unit_klient], 120, "Hulín clients");
	/* Kroměříž: § 49 and § 40 (two places there count once) */
	INT_EQ(st->by_muni[1].services, 2, "Kroměříž services");
	INT_EQ(st->by_muni[1].cap[unit_klient], 120, "Kroměříž clients");
	INT_EQ(st->by_muni[2].services, 0, "Koryčany");
	INT_EQ(st->by_muni[3].cap[unit_interv], 8, "Čelechovice");
	INT_EQ(st->by_muni[4].cap[unit_interv], 8, "Chropyně");
	/* no place: § 39 */
	INT_EQ(st->by_muni[6].services, 1, "no municipality");
	INT_EQ(st->by_muni[6].cap[unit_klient], 25, "no municipality clients");
	INT_EQ(stats_type_muni(st, t40, 0)->cap[unit_klient], 120, "§ 40 Hulín");
	INT_EQ(stats_type_muni(st, t40, 1)->services, 1, "§ 40 Kroměříž");
	INT_EQ(stats_type_muni(st, t40, 5)->services, 0, "§ 40 Zlín");
	INT_EQ(stats_type_muni(st, t37, 3)->services, 1, "§ 37 Čelechovice");
	INT_EQ(stats_type_muni(st, t39, 6)->services, 1, "§ 39 nowhere");
	INT_EQ(stats_group_muni(st, GROUP_PECE, 0)->services, 2, "care Hulín");
	INT_EQ(stats_group_muni(st, GROUP_PECE, 1)->cap[unit_luzka], 80,
	    "care Kroměříž beds");
	stats_free(st);
	model_free(c);
}

static void
test_forms_targets(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	struct stats	 *st = compute(c);
	int		  pob = cb_find(CB_FORM, "pob")->index;
	int		  ter = cb_find(CB_FORM, "ter")->index;
	int		  amb = cb_find(CB_FORM, "amb")->index;
	int		  sen = cb_find(CB_TARGET, "seniori")->index;
	int		  dem = cb_find(CB_TARGET, "demence")->index;

	INT_EQ(st->by_form[pob].services, 2, "residential");
	INT_EQ(st->by_form[pob].cap[unit_luzka], 110, "residential beds");
	/* § 40 ter, § 37 ter, § 69, § 39 */
	INT_EQ(st->by_form[ter].services, 4, "field");
	INT_EQ(st->by_form[ter].cap[unit_klient], 125, "field clients: 100 + 25");
	INT_EQ(st->by_form[ter].cap[unit_interv], 3, "field interventions");
	INT_EQ(st->by_form[amb].services, 2, "outpatient");
	INT_EQ(st->by_form[amb].cap[unit_klient], 20, "outpatient clients");
	INT_EQ(st->by_form[amb].cap[unit_interv], 5, "outpatient interventions");
	/* § 40 ter in Kroměříž and Hulín; § 39 ter nowhere; amb: § 40, § 37 */
	INT_EQ(stats_form_muni(st, (size_t)ter, 0)->services, 1, "field Hulín");
	INT_EQ(stats_form_muni(st, (size_t)ter, 6)->services, 1, "field nowhere");
	INT_EQ(stats_form_muni(st, (size_t)amb, 3)->services, 1,
	    "outpatient Čelechovice");
	INT_EQ(stats_form_muni(st, (size_t)pob, 1)->services, 1, "residential Kroměříž");
	INT_EQ(stats_form_muni(st, (size_t)pob, 5)->services, 0, "residential Zlín");
	INT_EQ(st->by_target[sen].services, 3, "seniors");
	INT_EQ(st->by_target[sen].cap[unit_luzka], 110, "seniors beds");
	INT_EQ(st->by_target[sen].cap[unit_klient], 120, "seniors clients");
	INT_EQ(st->by_target[dem].services, 1, "dementia");
	INT_EQ(st->by_target[dem].cap[unit_luzka], 30, "dementia beds");
	stats_free(st);
	model_free(c);
}

static void
test_money(void)
{
	struct catalogue	*c = build("t.json", catalogue_json);
	struct stats		*st = compute(c);
	const struct stats_year	*y;
	int			 mpsv = cb_find(CB_FUND, "mpsv")->index;
	int			 kraj = cb_find(CB_FUND, "kraj")->index;
	int			 uhr = cb_find(CB_FUND, "uhrady")->index;
	int			 zp = cb_find(CB_FUND, "zp")->index;

	INT_EQ(st->nyears, 2, "years");
	INT_EQ(st->ref_year, 2025, "reference year");
	OK(stats_year(st, 2023) == NULL, "no 2023");
	if ((y = stats_year(st, 2024)) != NULL) {
		INT_EQ(y->services, 1, "2024 services");
		INT_EQ(y->costs, 100000050, "2024 costs in haléře");
		INT_EQ(y->revenue[mpsv], 30000000, "2024 MPSV");
		INT_EQ(y->revenue[uhr], 60000025, "2024 fees");
		INT_EQ(y->revenue_total, 90000025, "2024 revenue");
	} else
		OK(0, "2024 present");
	if ((y = stats_year(st, 2025)) != NULL) {
		/* 1000001, 1000002, 1000003 (clients only) */
		INT_EQ(y->services, 3, "2025 services");
		INT_EQ(y->costs, 160000000, "2025 costs");
		INT_EQ(y->costs_given, 2, "2025 costs given by two");
		INT_EQ(y->revenue[mpsv], 51000000, "2025 MPSV");
		INT_EQ(y->revenue[kraj], 5000000, "2025 kraj");
		INT_EQ(y->revenue[zp], 10000000, "2025 ZP");
		INT_EQ(y->revenue_total, 66000000, "2025 revenue");
		INT_EQ(y->revenue_given, 2, "2025 revenue given by two");
		INT_EQ(y->clients, 240, "2025 clients");
		INT_EQ(y->fte_direct, 2050, "2025 FTE");
	} else
		OK(0, "2025 present");
	stats_free(st);
	model_free(c);
}

static void
test_rates(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	struct stats	 *st = compute(c);
	struct stats_opts o = { NULL, 0, { 10000, -1, 0 } };

	INT_EQ(st->nrates, 4, "rates");
	/* (80 + 30) / 2000 * 1000 */
	INT_EQ(st->rates[0].value, 110, "DpS + DZR beds");
	OK(st->rates[0].per1000 == 55.0, "55 beds per 1 000 aged 65+");
	/* (25 + 120) / 500 * 1000 */
	INT_EQ(st->rates[1].value, 145, "OA + PS clients");
	OK(st->rates[1].per1000 == 290.0, "290 per 1 000 aged 80+");
	INT_EQ(st->rates[2].value, 110, "care beds");
	OK(st->rates[2].per1000 == 11.0, "11 per 1 000");
	INT_EQ(st->rates[3].value, 6, "services");
	OK(st->rates[3].per1000 == 0.6, "0.6 services per 1 000");
	stats_free(st);

	st = stats_compute(c, &o);
	INT_EQ(st->rates[0].population, -1, "65+ not given");
	OK(st->rates[0].per1000 == 0.0, "no rate without population");
	INT_EQ(st->rates[1].population, -1, "0 inhabitants is no population");
	INT_EQ(st->nmunis, 5, "no order: every place municipality");
	if (st->nmunis == 5) {
		STR_EQ(st->munis[0], "Čelechovice", "sorted from the start");
		STR_EQ(st->munis[1], "Hulín", "H before Ch");
		STR_EQ(st->munis[2], "Chropyně", "Ch after H");
	}
	stats_free(st);
	st = stats_compute(c, NULL);
	INT_EQ(st->rates[3].population, -1, "no options");
	stats_free(st);
	model_free(c);
}

static void
test_per_service(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	long long	  cap[STATS_MAX_UNITS];
	const char	 *m[8];
	struct service	 *s = model_find_service(c, "1000003");

	OK(s != NULL, "found");
	if (s == NULL)
		return;
	INT_EQ(stats_service_caps(s, cap), 1u << unit_klient, "mask");
	INT_EQ(cap[unit_klient], 120, "summed over forms");
	INT_EQ(stats_service_munis(s, m), 2, "three places, two towns");
	STR_EQ(m[0], "Kroměříž", "place order");
	STR_EQ(m[1], "Hulín", "place order 2");
	OK(stats_service_year(s, 2025) != NULL, "2025 figures");
	OK(stats_service_year(s, 2024) == NULL, "no 2024 figures");
	model_free(c);
}

static void
test_empty(void)
{
	struct catalogue *c = model_new();
	struct stats	 *st = stats_compute(c, NULL);

	INT_EQ(st->nservices, 0, "empty");
	INT_EQ(st->nmunis, 0, "no columns");
	INT_EQ(st->nyears, 0, "no years");
	INT_EQ(st->ref_year, 0, "no reference year");
	INT_EQ(st->by_muni[0].services, 0, "the no-municipality column exists");
	stats_free(st);
	model_free(c);
}

static void
test_changes(void)
{
	struct catalogue *now = build("now.json", catalogue_json);
	struct catalogue *before = build("before.json", before_json);
	struct changes	 *ch = changes_compute(now, before);
	const struct change *v = ch->v;

	/* new: 1000005, 1000006 (§ 69 after § 39 in codebook order:
	   § 39 first); ended: 1000009; changed: 1000001 (name, capacity),
	   1000002 (provider). 1000003 differs only in order: no change. */
	INT_EQ(ch->nnew, 2, "new");
	INT_EQ(ch->nended, 1, "ended");
	INT_EQ(ch->nchanged, 2, "changed services");
	INT_EQ(ch->n, 6, "rows");
	if (ch->n == 6) {
		INT_EQ(v[0].kind, CHANGE_NEW, "new first");
		STR_EQ(v[0].now->ident.s, "1000006", "§ 39 first");
		STR_EQ(v[1].now->ident.s, "1000005", "§ 69 second");
		INT_EQ(v[2].kind, CHANGE_ENDED, "then ended");
		STR_EQ(v[2].before->ident.s, "1000009", "ended one");
		OK(v[2].now == NULL, "ended has no current service");
		INT_EQ(v[3].kind, CHANGE_FIELD, "then changed");
		STR_EQ(v[3].now->ident.s, "1000001", "§ 49 before § 50");
		STR_EQ(v[3].field, "název", "name first");
		STR_EQ(v[3].was, "Domov pro seniory", "old name");
		STR_EQ(v[3].is, "Domov", "new name");
		STR_EQ(v[4].field, "kapacita", "capacity second");
		STR_EQ(v[4].was, "76 lůžek", "old capacity");
		STR_EQ(v[4].is, "80 lůžek", "new capacity");
		STR_EQ(v[5].now->ident.s, "1000002", "then § 50");
		STR_EQ(v[5].field, "poskytovatel", "provider changed");
		STR_EQ(v[5].was, "B, o. p. s., IČO 48435198", "old provider");
		STR_EQ(v[5].is, "A, z. ú., IČO 71084622", "new provider");
	}
	changes_free(ch);

	ch = changes_compute(now, now);
	INT_EQ(ch->n, 0, "no change against itself");
	changes_free(ch);
	model_free(now);
	model_free(before);
}

static void
test_field_text(void)
{
	struct catalogue *c = build("t.json", catalogue_json);
	struct service	 *s = model_find_service(c, "1000003");
	char		 *t;

	if (s == NULL) {
		OK(0, "found");
		return;
	}
	t = changes_field_text(s, "kapacita");
	STR_EQ(t, "120 klientů", "capacity text");
	free(t);
	t = changes_field_text(s, "formy");
	STR_EQ(t, "ambulantní, terénní", "forms in codebook order");
	free(t);
	t = changes_field_text(s, "obce poskytování");
	STR_EQ(t, "Kroměříž, Hulín", "municipalities in place order");
	free(t);
	t = changes_field_text(s, "druh");
	STR_EQ(t, "§ 40 pečovatelská služba", "type");
	free(t);
	OK(changes_field_text(s, "barva") == NULL, "unknown field");
	model_free(c);
}

int
main(void)
{
	cb_init();
	unit_luzka = cb_find(CB_UNIT, "luzka")->index;
	unit_klient = cb_find(CB_UNIT, "klient")->index;
	unit_interv = cb_find(CB_UNIT, "interv")->index;
	unit_kontakt = cb_find(CB_UNIT, "kontakt")->index;
	RUN(test_totals);
	RUN(test_municipalities);
	RUN(test_forms_targets);
	RUN(test_money);
	RUN(test_rates);
	RUN(test_per_service);
	RUN(test_empty);
	RUN(test_changes);
	RUN(test_field_text);
	return DONE();
}
