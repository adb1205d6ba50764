/*
 * Unit tests of the native catalogue loader (load_native.c): inline JSON
 * documents mapped into the model, positions of values, and every way a
 * value or a record is reported and dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "diag.h"
#include "harness.h"
#include "testutil.h"
#include "load.h"
#include "model.h"

/* One load: the catalogue, the diagnostics and their printed text. */
struct run {
	struct capture	 cap;
	struct catalogue *c;
	bool		 ok;
};

static void
load_as(struct run *r, const char *json, bool override, int input)
{
	struct load_opts opts;

	memset(&opts, 0, sizeof opts);
	opts.is_override = override;
	opts.input = input;
	memset(r, 0, sizeof *r);
	capture_open(&r->cap);
	r->c = model_new();
	r->ok = load_native(r->c, "t.json", json, strlen(json), &opts, r->cap.d);
	capture_text(&r->cap);
}

static void
load(struct run *r, const char *json)
{
	load_as(r, json, false, 0);
}

static void
done(struct run *r)
{
	model_free(r->c);
	capture_close(&r->cap);
}

/* The printed diagnostics contain s. */
static bool
has(const struct run *r, const char *s)
{
	bool	 found = strstr(r->cap.mem, s) != NULL;

	if (!found)
		printf("  (diagnostics were:\n%s  )\n", r->cap.mem);
	return found;
}

static int
errors(const struct run *r)
{
	return diag_count(r->cap.d, DIAG_ERROR);
}

static int
warnings(const struct run *r)
{
	return diag_count(r->cap.d, DIAG_WARNING);
}

/* A minimal valid service around extra members (a JSON fragment). */
#define SVC(extra)							\
	"{\"sluzby\": [{\"identifikator\": \"1234567\", \"nazev\": \"S\", " \
	"\"poskytovatel\": \"p\", \"druh\": \"§ 40\"" extra "}]}"

static const char full[] =
"{\n"
"  \"$schema\": \"mapa-katalog.schema.json\",\n"
"  \"format\": \"mapa-katalog/1\",\n"
"  \"udaje_k\": \"1. 9. 2026\",\n"
"  \"poskytovatele\": [{\n"
"    \"id\": \"charita\",\n"
"    \"nazev\": \"  Charita Kroměříž  \",\n"
"    \"pravni_forma\": \"evidovaná právnická osoba\",\n"
"    \"ico\": \"44740867\",\n"
"    \"dic\": \"CZ44740867\",\n"
"    \"sidlo\": {\"ulice\": \"Ztracená\", \"cislo_popisne\": 43, \"cislo_orientacni\": \"12a\",\n"
"      \"cast_obce\": \"Město\", \"obec\": \"Kroměříž\", \"kod_obce\": \"588296\", \"psc\": \"767 01\",\n"
"      \"okres\": \"Kroměříž\", \"kraj\": \"Zlínský kraj\", \"kod_kraje\": \"CZ072\",\n"
"      \"kod_adresniho_mista\": \"25565028\", \"poznamka\": \"2. patro\"},\n"
"    \"telefony\": \"573 333 170\",\n"
"    \"emaily\": [\"info@charita.cz\", \"a@b.cz\"],\n"
"    \"weby\": [\"https://charita.cz\"]\n"
"  }],\n"
"  \"sluzby\": [{\n"
"    \"identifikator\": \"7654321\",\n"
"    \"nazev\": \"Domov\",\n"
"    \"poskytovatel\": \"charita\",\n"
"    \"druh\": 49,\n"
"    \"formy\": [\"pob\", {\"forma\": \"terénní\", \"kapacity\": [{\"jednotka\": \"Počet lůžek\", \"pocet\": 40, \"poznamka\": \"okamžitá\"}, {\"jednotka\": \"klient\", \"pocet\": 5}]}],\n"
"    \"cilove_skupiny\": [\"seniori\", \"Osoby s demencí\", \"CilovaSkupinaOsoby/26\"],\n"
"    \"vekove_skupiny\": [\"65-80\", \"nad 80 let\"],\n"
"    \"vek_poznamka\": \"od 65 let\",\n"
"    \"mista\": [{\"nazev\": \"Budova A\", \"adresa\": {\"obec\": \"Hulín\", \"cislo_evidencni\": \"7\"}, \"poznamka\": \"vzadu\"}, {}],\n"
"    \"uzemni_pusobnost\": {\"text\": \"ORP Kroměříž\", \"obce\": [\"Kroměříž\", \"Hulín\"]},\n"
"    \"telefony\": [\"573 111 222\"], \"emaily\": \"d@charita.cz\", \"weby\": [\"https://d.cz\"],\n"
"    \"provozni_doba\": {\"nonstop\": false, \"hodiny\": [{\"dny\": \"po–pá\", \"od\": \"7.30\", \"do\": \"24:00\"}, {\"dny\": \"so, ne\", \"od\": \"19:00\", \"do\": \"07:00\"}, {\"dny\": \"po-st, pá\", \"od\": \"0:00\", \"do\": \"1:05\"}, {\"dny\": \"denně\", \"od\": \"12:00\", \"do\": \"13:00\"}, {\"dny\": \"Út\", \"od\": \"8:00\", \"do\": \"9:00\"}], \"poznamka\": \"o svátcích zavřeno\"},\n"
"    \"uhrada\": \"částečně\", \"uhrada_poznamka\": \"dle sazebníku\",\n"
"    \"popis\": \"Popis.\\n\\nDruhý odstavec.\",\n"
"    \"cinnosti\": [\"ubytování\", \"strava\"],\n"
"    \"bezbarierovost\": true, \"bezbarierovost_poznamka\": \"výtah\",\n"
"    \"jazyky\": [\"čeština\"],\n"
"    \"registrace_od\": \"2007-01-01\", \"registrace_do\": null,\n"
"    \"qr\": \"https://d.cz/qr\",\n"
"    \"ukazatele\": [{\"rok\": 2025, \"klienti\": 130, \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 38}],\n"
"      \"uvazky_prima_pece\": 12.5, \"uvazky_ostatni\": 2.25, \"naklady\": 5230000.50,\n"
"      \"naklady_osobni\": 4100000, \"vynosy\": {\"mpsv\": 2900000, \"ostatni\": 0.07, \"dary\": 12.500}}]\n"
"  }],\n"
"  \"navazne_sluzby\": [{\"id\": \"r1\", \"nazev\": \"Poradna\", \"kategorie\": \"dluhy\", \"pro_koho\": \"všichni\", \"popis\": \"P.\",\n"
"    \"adresa\": {\"obec\": \"Kroměříž\"}, \"telefony\": [\"1\"], \"provozni_doba\": \"po domluvě\"}],\n"
"  \"urady\": [{\"nazev\": \"Úřad\"}],\n"
"  \"krizove_linky\": [{\"nazev\": \"Linka bezpečí\", \"telefony\": [\"116 111\"], \"provozni_doba\": {\"nonstop\": true}}],\n"
"  \"zivotni_situace\": [{\"id\": \"z1\", \"skupina\": \"Stáří\", \"otazka\": \"Pečuji…\", \"sluzby\": [\"7654321\", \"1234567\"]}]\n"
"}\n";

static void
test_full(void)
{
	struct run	 r;
	struct provider	*p;
	struct service	*s;
	struct listing	*l;
	struct situation *z;

	load_as(&r, full, false, 3);
	OK(r.ok, "loaded");
	INT_EQ(errors(&r), 0, "no errors");
	INT_EQ(warnings(&r), 0, "no warnings");
	INT_EQ(r.c->data_date.y * 10000 + r.c->data_date.m * 100 +
	    r.c->data_date.d, 20260901, "udaje_k in Czech form");
	STR_EQ(r.c->data_date_text.s, "1. 9. 2026", "udaje_k text");

	INT_EQ(r.c->nproviders, 1, "one provider");
	p = r.c->providers[0];
	STR_EQ(p->key.s, "charita", "id");
	STR_EQ(p->name.s, "Charita Kroměříž", "name trimmed");
	INT_EQ(p->name.pos.line, 7, "name line");
	INT_EQ(p->name.pos.col, 14, "name column");
	STR_EQ(p->legal_form.s, "evidovaná právnická osoba", "legal form");
	STR_EQ(p->ico.s, "44740867", "ico");
	STR_EQ(p->dic.s, "CZ44740867", "dic");
	OK(p->seat.present, "seat present");
	STR_EQ(p->seat.street.s, "Ztracená", "street");
	STR_EQ(p->seat.house.s, "43", "house number from a JSON number");
	OK(!p->seat.evidence, "číslo popisné");
	STR_EQ(p->seat.orient.s, "12a", "orient");
	STR_EQ(p->seat.part.s, "Město", "part");
	STR_EQ(p->seat.municipality.s, "Kroměříž", "municipality");
	STR_EQ(p->seat.municipality_code.s, "588296", "municipality code");
	STR_EQ(p->seat.psc.s, "767 01", "PSČ as written (validate normalises)");
	INT_EQ(p->seat.psc.pos.line, 12, "psc line");
	INT_EQ(p->seat.psc.pos.col, 78, "psc column (characters)");
	STR_EQ(p->seat.district.s, "Kroměříž", "district");
	STR_EQ(p->seat.region.s, "Zlínský kraj", "region");
	STR_EQ(p->seat.region_code.s, "CZ072", "region code");
	INT_EQ(p->seat.ruian, 25565028, "RÚIAN code from text");
	STR_EQ(p->seat.note.s, "2. patro", "address note");
	INT_EQ(p->seat.pos.line, 11, "address position");
	INT_EQ(p->contacts.nphones, 1, "one phone from a single text");
	STR_EQ(p->contacts.phones[0].s, "573 333 170", "phone as written");
	INT_EQ(p->contacts.nemails, 2, "two e-mails");
	STR_EQ(p->contacts.emails[1].s, "a@b.cz", "second e-mail");
	INT_EQ(p->contacts.nwebs, 1, "web");
	INT_EQ(p->pos.line, 5, "provider position line");
	INT_EQ(p->pos.col, 21, "provider position column");
	INT_EQ(p->input, 3, "provider input index");

	INT_EQ(r.c->nservices, 1, "one service");
	s = r.c->services[0];
	STR_EQ(s->origin, "native", "origin");
	INT_EQ(s->input, 3, "input index");
	OK(!s->is_override, "not an override");
	STR_EQ(s->ident.s, "7654321", "ident");
	STR_EQ(s->name.s, "Domov", "name");
	STR_EQ(s->provider_ref.s, "charita", "provider ref");
	OK(s->type != NULL && strcmp(s->type->para, "49") == 0,
	    "type from the number 49");
	INT_EQ(s->type_pos.line, 23, "type line");
	INT_EQ(s->type_pos.col, 13, "type column");
	INT_EQ(s->nforms, 2, "two forms");
	STR_EQ(s->forms[0].form->code, "pob", "bare form");
	INT_EQ(s->forms[0].ncaps, 0, "bare form has no capacities");
	STR_EQ(s->forms[1].form->code, "ter", "form by label");
	INT_EQ(s->forms[1].ncaps, 2, "two capacities");
	STR_EQ(s->forms[1].caps[0].unit->code, "luzka", "unit by label");
	INT_EQ(s->forms[1].caps[0].count, 40, "count");
	STR_EQ(s->forms[1].caps[0].note.s, "okamžitá", "capacity note");
	STR_EQ(s->forms[1].caps[1].unit->code, "klient", "unit by code");
	INT_EQ(s->ntargets, 3, "three targets");
	STR_EQ(s->targets[0].item->code, "seniori", "target by code");
	STR_EQ(s->targets[1].item->code, "demence", "target by label, case ignored");
	STR_EQ(s->targets[2].item->code, "pecujici", "target by MPSV id");
	INT_EQ(s->targets[1].pos.line, 25, "target position line");
	INT_EQ(s->targets[1].pos.col, 35, "target position column");
	INT_EQ(s->nages, 2, "two ages");
	STR_EQ(s->ages[1].item->code, "nad-80", "age by short label");
	STR_EQ(s->age_note.s, "od 65 let", "age note");
	INT_EQ(s->nplaces, 2, "two places (one empty)");
	STR_EQ(s->places[0].name.s, "Budova A", "place name");
	STR_EQ(s->places[0].addr.house.s, "7", "č. ev.");
	OK(s->places[0].addr.evidence, "evidence number flagged");
	STR_EQ(s->places[0].note.s, "vzadu", "place note");
	OK(!s->places[1].addr.present, "empty place has no address");
	STR_EQ(s->area.s, "ORP Kroměříž", "area");
	INT_EQ(s->narea_municipalities, 2, "area municipalities");
	STR_EQ(s->area_municipalities[1].s, "Hulín", "area municipality");
	INT_EQ(s->contacts.nemails, 1, "single e-mail text");
	OK(s->hours.present && !s->hours.nonstop, "hours present");
	INT_EQ(s->hours.nranges, 5, "five ranges");
	INT_EQ(s->hours.ranges[0].days, 0x1f, "po–pá with an en dash");
	INT_EQ(s->hours.ranges[0].from, 7 * 60 + 30, "7.30");
	INT_EQ(s->hours.ranges[0].to, 1440, "24:00");
	INT_EQ(s->hours.ranges[1].days, 0x60, "so, ne");
	INT_EQ(s->hours.ranges[1].from, 19 * 60, "overnight from");
	INT_EQ(s->hours.ranges[1].to, 7 * 60, "overnight to");
	INT_EQ(s->hours.ranges[2].days, 0x17, "po-st, pá");
	INT_EQ(s->hours.ranges[2].to, 65, "1:05");
	INT_EQ(s->hours.ranges[3].days, 0x7f, "denně");
	INT_EQ(s->hours.ranges[4].days, 0x02, "Út capitalised");
	INT_EQ(s->hours.ranges[0].pos.line, 31, "range position");
	STR_EQ(s->hours.note.s, "o svátcích zavřeno", "hours note");
	INT_EQ(s->fee, FEE_PARTLY, "fee");
	STR_EQ(s->fee_note.s, "dle sazebníku", "fee note");
	STR_EQ(s->description.s, "Popis.\n\nDruhý odstavec.", "description");
	INT_EQ(s->nactivities, 2, "activities");
	INT_EQ(s->barrier_free, TRI_YES, "barrier-free from true");
	STR_EQ(s->barrier_note.s, "výtah", "barrier note");
	INT_EQ(s->nlanguages, 1, "languages");
	INT_EQ(s->from.y, 2007, "from year");
	INT_EQ(s->from.pos.line, 37, "from position");
	INT_EQ(s->to.y, 0, "to is null");
	STR_EQ(s->qr_url.s, "https://d.cz/qr", "qr");
	INT_EQ(s->nfigures, 1, "figures");
	INT_EQ(s->figures[0].year, 2025, "year");
	INT_EQ(s->figures[0].clients, 130, "clients");
	INT_EQ(s->figures[0].ncaps, 1, "figure capacities");
	INT_EQ(s->figures[0].caps[0].count, 38, "figure capacity");
	INT_EQ(s->figures[0].fte_direct, 1250, "FTE 12.5 in hundredths");
	INT_EQ(s->figures[0].fte_other, 225, "FTE 2.25");
	INT_EQ(s->figures[0].costs, 523000050LL, "5230000.50 Kč exactly");
	INT_EQ(s->figures[0].costs_personnel, 410000000LL, "4100000 Kč");
	INT_EQ(s->figures[0].revenue[cb_find(CB_FUND, "mpsv")->index],
	    290000000LL, "mpsv revenue");
	INT_EQ(s->figures[0].revenue[cb_find(CB_FUND, "ostatni")->index], 7,
	    "0.07 Kč = 7 haléřů");
	INT_EQ(s->figures[0].revenue[cb_find(CB_FUND, "dary")->index], 1250,
	    "12.500: trailing zero decimals accepted");
	INT_EQ(s->figures[0].revenue[cb_find(CB_FUND, "kraj")->index], -1,
	    "absent revenue is -1");

	INT_EQ(r.c->nlistings, 3, "three listings");
	l = r.c->listings[0];
	INT_EQ(l->kind, LIST_RELATED, "related");
	STR_EQ(l->id.s, "r1", "listing id");
	STR_EQ(l->category.s, "dluhy", "category");
	STR_EQ(l->audience.s, "všichni", "audience");
	STR_EQ(l->description.s, "P.", "listing description");
	STR_EQ(l->addr.municipality.s, "Kroměříž", "listing address");
	OK(l->hours.present && l->hours.nranges == 0, "hours as a note");
	STR_EQ(l->hours.note.s, "po domluvě", "hours note from text");
	INT_EQ(r.c->listings[1]->kind, LIST_OFFICE, "office");
	INT_EQ(r.c->listings[2]->kind, LIST_CRISIS, "crisis line");
	OK(r.c->listings[2]->hours.nonstop, "nonstop");
	INT_EQ(r.c->listings[2]->index, 2, "listing index");

	INT_EQ(r.c->nsituations, 1, "one situation");
	z = r.c->situations[0];
	STR_EQ(z->id.s, "z1", "situation id");
	STR_EQ(z->group.s, "Stáří", "situation group");
	STR_EQ(z->question.s, "Pečuji…", "question");
	INT_EQ(z->nrefs, 2, "refs");
	STR_EQ(z->refs[1].s, "1234567", "second ref");
	done(&r);
}

static void
test_override(void)
{
	struct run	 r;

	load_as(&r, "{\"sluzby\": [{\"identifikator\": \"1234567\", "
	    "\"popis\": \"jen popis\"}, {\"popis\": \"bez identifikátoru\"}]}",
	    true, 2);
	OK(r.ok, "loaded");
	INT_EQ(r.c->nservices, 1, "override service kept with only an ident");
	OK(r.c->services[0]->is_override, "is_override set");
	INT_EQ(r.c->services[0]->input, 2, "input index");
	OK(r.c->services[0]->type == NULL && r.c->services[0]->name.s == NULL,
	    "absent fields stay absent");
	INT_EQ(r.c->services[0]->fee, FEE_UNKNOWN, "absent fee");
	INT_EQ(r.c->services[0]->barrier_free, TRI_UNKNOWN, "absent barrier");
	OK(has(&r, "t.json:1:65: error: service has no „identifikator“; "
	    "record dropped [missing-field]"), "ident required in overrides");
	INT_EQ(errors(&r), 1, "one error");
	done(&r);

	load(&r, "{\"sluzby\": [{\"identifikator\": \"1234567\"}]}");
	INT_EQ(r.c->nservices, 0, "ordinary file: dropped");
	OK(has(&r, "service has no „nazev“ (name); record dropped"), "nazev");
	OK(has(&r, "service has no „poskytovatel“ (provider); record dropped"),
	    "poskytovatel");
	OK(has(&r, "service has no „druh“ (type of service); record dropped"),
	    "druh");
	INT_EQ(diag_count_code(r.cap.d, D_MISSING_FIELD), 3, "three missing");
	done(&r);
}

static void
test_wrong_types(void)
{
	struct run	 r;

	load(&r, SVC(", \"formy\": [{\"forma\": \"ter\", \"kapacity\": "
	    "[{\"jednotka\": \"klient\", \"pocet\": \"sto\"}, "
	    "{\"jednotka\": \"klient\", \"pocet\": \" 120 \"}]}]"));
	OK(has(&r, "error: „pocet“ must be a whole number, not text „sto“; "
	    "value dropped [wrong-type]"), "count as words");
	OK(has(&r, "warning: „pocet“ should be a number, not text; read "
	    "„ 120 “ as 120 [wrong-type]"), "count as text accepted");
	INT_EQ(r.c->nservices, 1, "service kept");
	INT_EQ(r.c->services[0]->forms[0].ncaps, 1, "bad capacity dropped");
	INT_EQ(r.c->services[0]->forms[0].caps[0].count, 120, "text count");
	done(&r);

	load(&r, SVC(", \"popis\": 5, \"cinnosti\": [\"a\", 1, null], "
	    "\"telefony\": {}, \"mista\": \"x\", \"provozni_doba\": 7"));
	OK(has(&r, "t.json:1:102: error: „popis“ must be text, not a number; "
	    "value dropped [wrong-type]"), "text field as number");
	OK(has(&r, "each item of „cinnosti“ must be text, not a number"),
	    "list item number");
	OK(has(&r, "each item of „cinnosti“ must be text, not null"),
	    "list item null");
	OK(has(&r, "„telefony“ must be a list of texts, not an object"),
	    "contacts object");
	OK(has(&r, "„mista“ must be a list, not text"), "places text");
	OK(has(&r, "„provozni_doba“ must be an object, not a number"), "hours");
	INT_EQ(r.c->services[0]->nactivities, 1, "one activity kept");
	INT_EQ(errors(&r), 6, "six errors");
	done(&r);

	load(&r, "{\"sluzby\": {}}");
	OK(has(&r, "„sluzby“ must be a list, not an object"), "sluzby object");
	done(&r);

	load(&r, "{\"sluzby\": [3], \"poskytovatele\": [\"x\"]}");
	OK(has(&r, "each item of „sluzby“ must be an object, not a number; "
	    "item dropped"), "service item");
	OK(has(&r, "each item of „poskytovatele“ must be an object, not text"),
	    "provider item");
	done(&r);

	load(&r, SVC(", \"druh\": {}") );
	INT_EQ(diag_count_code(r.cap.d, D_DUPLICATE_KEY) +
	    diag_count_code(r.cap.d, D_JSON_SYNTAX), 1, "duplicate key rejected by JSON");
	done(&r);

	load(&r, "{\"sluzby\": [{\"identifikator\": \"1234567\", \"nazev\": "
	    "\"S\", \"poskytovatel\": \"p\", \"druh\": [40]}]}");
	OK(has(&r, "„druh“ must be text, not a list; value dropped"),
	    "druh list");
	OK(has(&r, "service „S“ has no usable „druh“ (type of service); "
	    "record dropped"), "and the record dropped");
	INT_EQ(r.c->nservices, 0, "dropped");
	done(&r);
}

static void
test_codes(void)
{
	struct run	 r;

	load(&r, "{\"poskytovatele\": [{\"id\": \"a\", \"nazev\": \"A\", "
	    "\"ico\": 4474086}, {\"id\": \"b\", \"nazev\": \"B\", \"ico\": "
	    "44740867}, {\"id\": \"c\", \"nazev\": \"C\", \"ico\": 4.5e7}],\n"
	    "\"sluzby\": [{\"identifikator\": 123456, \"nazev\": \"S\", "
	    "\"poskytovatel\": \"a\", \"druh\": \"40\"}, {\"identifikator\": "
	    "1234567, \"nazev\": \"T\", \"poskytovatel\": \"a\", "
	    "\"druh\": \"40\"}]}");
	OK(has(&r, "t.json:1:53: error: „ico“ written as a number 4474086 may "
	    "have lost leading zeros; write it in quotes (\"04474086\"?); "
	    "value dropped [wrong-type]"), "short IČO number");
	OK(has(&r, "t.json:1:96: warning: „ico“ written as a number; write it "
	    "in quotes: \"44740867\" [wrong-type]"), "full IČO number");
	OK(has(&r, "„ico“ must be text, not a number; value dropped"),
	    "IČO with an exponent");
	INT_EQ(r.c->nproviders, 3, "providers kept (they have ids)");
	OK(r.c->providers[0]->ico.s == NULL, "short IČO dropped");
	STR_EQ(r.c->providers[1]->ico.s, "44740867", "full IČO kept");
	OK(has(&r, "„identifikator“ written as a number 123456 may have lost "
	    "leading zeros; write it in quotes (\"0123456\"?)"), "short ident");
	OK(has(&r, "service „S“ has no usable „identifikator“; record dropped"),
	    "record dropped");
	INT_EQ(r.c->nservices, 1, "one service kept");
	STR_EQ(r.c->services[0]->ident.s, "1234567", "numeric ident kept");
	done(&r);

	load(&r, "{\"poskytovatele\": [{\"nazev\": \"A\"}, {\"id\": \"x\"}, "
	    "{\"ico\": \"12345679\", \"nazev\": \"\"}]}");
	OK(has(&r, "t.json:1:20: error: provider „A“ has neither a usable "
	    "„id“ nor „ico“"), "no key");
	OK(has(&r, "t.json:1:36: error: provider has no „nazev“ (name); "
	    "record dropped [missing-field]"), "no name");
	OK(has(&r, "warning: „nazev“ is empty; ignored [empty-value]"), "empty");
	OK(has(&r, "provider has no usable „nazev“ (name)"), "empty name");
	INT_EQ(r.c->nproviders, 0, "all dropped");
	done(&r);
}

static void
test_unknown_keys(void)
{
	struct run	 r;

	load(&r, "{\"sluzbi\": [], \"poskytovatele\": [{\"id\": \"a\", "
	    "\"nazev\": \"A\", \"sidlo\": {\"obce\": \"X\"}}],\n"
	    "\"sluzby\": [{\"identifikator\": \"1234567\", \"nazv\": \"S\", "
	    "\"poskytovatel\": \"a\", \"druh\": \"40\", \"xyzzy\": 1}]}");
	OK(has(&r, "t.json:1:2: warning: unknown field „sluzbi“ in the "
	    "catalogue, ignored; did you mean „sluzby“? [unknown-key]"), "top");
	OK(has(&r, "unknown field „obce“ in an address, ignored; did you mean "
	    "„obec“?"), "address");
	OK(has(&r, "t.json:2:41: warning: unknown field „nazv“ in a service, "
	    "ignored; did you mean „nazev“?"), "service");
	OK(has(&r, "unknown field „xyzzy“ in a service, ignored [unknown-key]"),
	    "no suggestion");
	OK(has(&r, "service has no „nazev“ (name); record dropped"),
	    "so the name is missing");
	done(&r);

	load(&r, SVC(", \"ukazatele\": [{\"rok\": 2025, \"vynosy\": "
	    "{\"mpsw\": 1, \"nic\": 2, \"kraj\": null}}]"));
	OK(has(&r, "warning: unknown funding source „mpsw“ in „vynosy“, "
	    "amount ignored; did you mean „mpsv“? [unknown-key]"), "fund");
	OK(has(&r, "unknown funding source „nic“ in „vynosy“, amount ignored "
	    "(known: mpsv,"), "fund without suggestion");
	INT_EQ(r.c->services[0]->figures[0].revenue[0], -1, "nothing stored");
	INT_EQ(errors(&r), 0, "only warnings");
	done(&r);
}

static void
test_type_and_codebooks(void)
{
	struct run	 r;

	load(&r, "{\"sluzby\": [{\"identifikator\": \"1234567\", \"nazev\": "
	    "\"S\", \"poskytovatel\": \"p\", \"druh\": \"§ 94\"}, "
	    "{\"identifikator\": \"1234568\", \"nazev\": \"T\", "
	    "\"poskytovatel\": \"p\", \"druh\": \"domovy pro senjory\"}, "
	    "{\"identifikator\": \"1234569\", \"nazev\": \"U\", "
	    "\"poskytovatel\": \"p\", \"druh\": \"kavárna\"}, "
	    "{\"identifikator\": \"1234560\", \"nazev\": \"V\", "
	    "\"poskytovatel\": \"p\", \"druh\": \"DruhSocialniSluzby/13\"}, "
	    "{\"identifikator\": \"1234561\", \"nazev\": \"W\", "
	    "\"poskytovatel\": \"p\", \"druh\": \"DpS\"}]}");
	OK(has(&r, "t.json:1:85: error: unknown type of service „§ 94“ in "
	    "„druh“; did you mean „§ 49“ (domovy pro seniory)? record dropped "
	    "[unknown-code]"), "§ suggestion");
	OK(has(&r, "did you mean „domovy pro seniory“? record dropped"),
	    "name suggestion");
	OK(has(&r, "unknown type of service „kavárna“ in „druh“ (write the § "
	    "as „§ 49“, see samples/README.md); record dropped"), "none");
	INT_EQ(r.c->nservices, 2, "unknown types dropped");
	INT_EQ(diag_count_code(r.cap.d, D_MISSING_FIELD), 0, "not also missing");
	OK(r.c->services[0]->type == r.c->services[1]->type,
	    "MPSV id and abbreviation");
	done(&r);

	load(&r, SVC(", \"cilove_skupiny\": [\"senoiri\", \"seniori\", "
	    "\"marťané\"], \"vekove_skupiny\": [\"65-81\"], \"formy\": "
	    "[\"terenni\", {\"forma\": \"amb\", \"kapacity\": [{\"jednotka\": "
	    "\"lužka\", \"pocet\": 3}, {\"pocet\": 1}, {\"jednotka\": "
	    "\"klient\"}]}, {\"kapacity\": []}]"));
	OK(has(&r, "error: unknown target group „senoiri“, value dropped; did "
	    "you mean „seniori“? [unknown-code]"), "target suggestion");
	OK(has(&r, "unknown target group „marťané“, value dropped (see the "
	    "list in samples/README.md)"), "target without suggestion");
	OK(has(&r, "unknown age group „65-81“, value dropped; did you mean "
	    "„65-80“?"), "age");
	OK(has(&r, "unknown form of provision „terenni“, form with its "
	    "capacities dropped; did you mean „terénní“?"), "form");
	OK(has(&r, "unknown capacity unit „lužka“, value dropped; did you mean "
	    "„luzka“?"), "unit");
	OK(has(&r, "capacity has no „jednotka“ (unit); capacity dropped"),
	    "no unit");
	OK(has(&r, "capacity has no „pocet“ (count); capacity dropped"),
	    "no count");
	OK(has(&r, "item of „formy“ has no „forma“; item dropped"), "no form");
	INT_EQ(r.c->services[0]->ntargets, 1, "one target kept");
	INT_EQ(r.c->services[0]->nages, 0, "no age kept");
	INT_EQ(r.c->services[0]->nforms, 1, "one form kept");
	INT_EQ(r.c->services[0]->forms[0].ncaps, 0, "no capacity kept");
	done(&r);
}

static void
test_hours(void)
{
	struct run	 r;

	load(&r, SVC(",\n\"provozni_doba\": {\"hodiny\": [\n"
	    "{\"dny\": \"po-pa 7-15\", \"od\": \"7:00\", \"do\": \"15:00\"},\n"
	    "{\"dny\": \"pondělí\", \"od\": \"7:00\", \"do\": \"15:00\"},\n"
	    "{\"dny\": \"pá-po\", \"od\": \"7:00\", \"do\": \"15:00\"},\n"
	    "{\"dny\": \"po\", \"od\": \"7\", \"do\": \"15:00\"},\n"
	    "{\"dny\": \"po\", \"od\": \"24:00\", \"do\": \"15:00\"},\n"
	    "{\"dny\": \"po\", \"od\": \"7:00\", \"do\": \"15:60\"},\n"
	    "{\"dny\": \"po\", \"od\": \"8:00\", \"do\": \"8.00\"},\n"
	    "{\"dny\": \"po\", \"od\": 7.30, \"do\": \"9:00\"},\n"
	    "{\"dny\": \"po\", \"do\": \"9:00\"},\n"
	    "{\"dny\": \"po,\", \"od\": \"7:00\", \"do\": \"9:00\"},\n"
	    "{\"dny\": \" pa , ct \", \"od\": \" 07:05 \", \"do\": \"9:00\"}\n"
	    "], \"poznamka\": 1}"));
	OK(has(&r, "t.json:3:9: error: bad days „po-pa 7-15“ in opening hours "
	    "(write e.g. „po-pá“ or „po, st“); item dropped [hours-format]"),
	    "days with times");
	OK(has(&r, "t.json:4:9: error: bad days „pondělí“"), "full day name");
	OK(has(&r, "t.json:5:9: error: bad days „pá-po“"), "backwards range");
	OK(has(&r, "t.json:6:21: error: bad time „7“ in opening hours (write "
	    "e.g. „7:30“); item dropped"), "time without minutes");
	OK(has(&r, "t.json:7:21: error: bad time „24:00“"), "24:00 as od");
	OK(has(&r, "t.json:8:35: error: bad time „15:60“"), "minutes 60");
	OK(has(&r, "t.json:9:35: error: opening hours end when they start "
	    "(„8:00“ to „8.00“); item dropped"), "empty range");
	OK(has(&r, "t.json:10:21: error: „od“ must be text such as „7:30“, not "
	    "a number; item dropped [wrong-type]"), "time as number");
	OK(has(&r, "t.json:11:1: error: opening hours item has no „od“; item "
	    "dropped [missing-field]"), "missing od");
	OK(has(&r, "t.json:12:9: error: bad days „po,“"), "trailing comma");
	OK(has(&r, "„poznamka“ must be text, not a number"), "note type");
	INT_EQ(r.c->services[0]->hours.nranges, 1, "one good range");
	INT_EQ(r.c->services[0]->hours.ranges[0].days, 0x18, "pa, ct");
	INT_EQ(r.c->services[0]->hours.ranges[0].from, 7 * 60 + 5, "07:05");
	INT_EQ(errors(&r), 11, "eleven errors");
	done(&r);

	load(&r, SVC(", \"provozni_doba\": {\"nonstop\": true, \"hodiny\": "
	    "[{\"dny\": \"po\", \"od\": \"7:00\", \"do\": \"9:00\"}]}"));
	OK(has(&r, "warning: the service is open nonstop; „hodiny“ ignored "
	    "[bad-value]"), "nonstop with hours");
	OK(r.c->services[0]->hours.nonstop &&
	    r.c->services[0]->hours.nranges == 0, "nonstop kept, ranges not");
	done(&r);

	load(&r, SVC(", \"provozni_doba\": {\"nonstop\": \"ano\"}"));
	OK(has(&r, "„nonstop“ must be true or false, not text"), "nonstop type");
	OK(!r.c->services[0]->hours.present, "nothing usable: no hours");
	done(&r);

	load(&r, SVC(", \"provozni_doba\": {\"nonstop\": false, \"hodiny\": "
	    "[{\"dny\": \"xx\", \"od\": \"7:00\", \"do\": \"9:00\"}]}"));
	OK(!r.c->services[0]->hours.present, "every range dropped: no hours");
	done(&r);
}

static void
test_values(void)
{
	struct run	 r;

	load(&r, SVC(", \"uhrada\": \"Zdarma\", \"bezbarierovost\": \"jo\", "
	    "\"registrace_od\": \"2007-13-01\", \"registrace_do\": \"1.1.07\", "
	    "\"uzemni_pusobnost\": \" ORP Hulín \""));
	OK(has(&r, "error: „uhrada“ must be „zdarma“, „placená“ or „částečně“, "
	    "not „Zdarma“; value dropped [bad-value]"), "fee");
	OK(has(&r, "„bezbarierovost“ must be „ano“, „ne“ or „částečně“, not "
	    "„jo“; value dropped"), "barrier");
	OK(has(&r, "error: „registrace_od“ is not a date: „2007-13-01“ (write "
	    "2007-01-31 or 31. 1. 2007); value dropped [date-format]"), "date");
	OK(has(&r, "„registrace_do“ is not a date: „1.1.07“"), "short year");
	INT_EQ(r.c->services[0]->fee, FEE_UNKNOWN, "fee dropped");
	INT_EQ(r.c->services[0]->from.y, 0, "date dropped");
	STR_EQ(r.c->services[0]->area.s, "ORP Hulín", "area as text");
	done(&r);

	load(&r, SVC(", \"uhrada\": \"placena\", \"bezbarierovost\": "
	    "\"castecne\""));
	INT_EQ(r.c->services[0]->fee, FEE_PAID, "placena");
	INT_EQ(r.c->services[0]->barrier_free, TRI_PARTLY, "castecne");
	INT_EQ(errors(&r) + warnings(&r), 0, "clean");
	done(&r);

	load(&r, "{\"poskytovatele\": [{\"id\": \"a\", \"nazev\": \"A\", "
	    "\"sidlo\": {\"cislo_popisne\": \"1\", \"cislo_evidencni\": \"2\", "
	    "\"kod_adresniho_mista\": \"12x\", \"psc\": 76701, "
	    "\"kod_obce\": 58829}}], \"format\": \"mapa-katalog/2\", "
	    "\"udaje_k\": \"zítra\"}");
	OK(has(&r, "an address has either „cislo_popisne“ or „cislo_evidencni“"
	    ", not both; „cislo_evidencni“ dropped"), "both numbers");
	OK(has(&r, "„kod_adresniho_mista“ must be the RÚIAN code (digits only)"
	    ", not „12x“; value dropped"), "ruian");
	OK(has(&r, "warning: „psc“ written as a number; write it in quotes: "
	    "\"76701\""), "psc number");
	OK(has(&r, "„kod_obce“ written as a number 58829 may have lost leading "
	    "zeros"), "short municipality code");
	OK(has(&r, "warning: unknown format „mapa-katalog/2“; read as "
	    "„mapa-katalog/1“ [bad-value]"), "format");
	OK(has(&r, "„udaje_k“ is not a date: „zítra“"), "data date");
	STR_EQ(r.c->providers[0]->seat.house.s, "1", "popisné kept");
	OK(!r.c->providers[0]->seat.evidence, "not evidence");
	done(&r);

	load(&r, "{\"urady\": [{\"id\": \"u\"}], \"zivotni_situace\": "
	    "[{\"sluzby\": [\"1234567\"]}, {\"otazka\": \"Q\", \"sluzby\": "
	    "\"1234567\"}], \"krizove_linky\": [{\"nazev\": \"L\", "
	    "\"adresa\": []}]}");
	OK(has(&r, "t.json:1:12: error: office has no „nazev“ (name); record "
	    "dropped [missing-field]"), "listing name");
	OK(has(&r, "life situation has no „otazka“ (the question); record "
	    "dropped"), "situation question");
	OK(has(&r, "„adresa“ must be an object, not a list; address dropped"),
	    "address type");
	INT_EQ(r.c->nlistings, 1, "crisis line kept");
	INT_EQ(r.c->nsituations, 1, "one situation");
	INT_EQ(r.c->situations[0]->nrefs, 1, "single ref text");
	INT_EQ(r.c->situations[0]->index, 0, "index");
	done(&r);

	load(&r, SVC(", \"popis\": \"a\\u0000b\""));
	OK(has(&r, "„popis“ contains a NUL character (\\u0000); value dropped"),
	    "NUL");
	done(&r);
}

static void
test_numbers(void)
{
	struct run	 r;
	struct year_figures *y;

	load(&r, SVC(", \"ukazatele\": [{\"rok\": 2025,\n"
	    "\"naklady\": 5230000.505,\n"
	    "\"naklady_osobni\": 5.2e6,\n"
	    "\"klienti\": 12.5,\n"
	    "\"uvazky_prima_pece\": 0.125,\n"
	    "\"uvazky_ostatni\": -1,\n"
	    "\"vynosy\": {\"mpsv\": \"2900000.50\", \"kraj\": \"2 900 000\", "
	    "\"obce\": 99999999999999999999, \"zp\": true}},\n"
	    "{\"rok\": 1890}, {\"klienti\": 1}, {\"rok\": \"2024\"}]"));
	OK(has(&r, "t.json:2:12: error: „naklady“ has more than two decimal "
	    "places: 5230000.505; value dropped [number-format]"), "3 decimals");
	OK(has(&r, "„naklady_osobni“ is written with an exponent (5.2e6); write "
	    "the digits out; value dropped [number-format]"), "exponent");
	OK(has(&r, "„klienti“ must be a whole number, not 12.5; value dropped "
	    "[number-format]"), "fraction");
	OK(has(&r, "„uvazky_prima_pece“ has more than two decimal places: "
	    "0.125"), "FTE decimals");
	OK(has(&r, "„uvazky_ostatni“ must not be negative: -1; value dropped "
	    "[bad-value]"), "negative");
	OK(has(&r, "warning: „vynosy.mpsv“ should be a number, not text; read "
	    "„2900000.50“ as 2900000.50 [wrong-type]"), "money as text");
	OK(has(&r, "„vynosy.kraj“ must be a number, not text „2 900 000“; "
	    "value dropped"), "spaces in money");
	OK(has(&r, "„vynosy.obce“ is too large: 99999999999999999999"), "large");
	OK(has(&r, "„vynosy.zp“ must be a number, not true/false"), "bool");
	OK(has(&r, "„rok“ must be a year between 1990 and 2100, not 1890; "
	    "figures dropped"), "year range");
	OK(has(&r, "yearly figures have no „rok“ (year); figures dropped"),
	    "no year");
	INT_EQ(r.c->services[0]->nfigures, 2, "two figures kept");
	y = &r.c->services[0]->figures[0];
	INT_EQ(y->costs, -1, "costs dropped");
	INT_EQ(y->costs_personnel, -1, "personnel dropped");
	INT_EQ(y->clients, -1, "clients dropped");
	INT_EQ(y->fte_direct, -1, "FTE dropped");
	INT_EQ(y->revenue[cb_find(CB_FUND, "mpsv")->index], 290000050LL,
	    "money from text");
	INT_EQ(r.c->services[0]->figures[1].year, 2024, "year from text");
	done(&r);
}

static void
test_unusable(void)
{
	struct run	 r;

	load(&r, "[1, 2]");
	OK(!r.ok, "a top-level list is unusable");
	OK(has(&r, "t.json:1:1: error: a mapa catalogue must be a JSON object "
	    "{…}, not a list; nothing loaded [wrong-type]"), "message");
	done(&r);

	load(&r, "{\"sluzby\": [}");
	OK(!r.ok, "syntax error");
	INT_EQ(diag_count_code(r.cap.d, D_JSON_SYNTAX), 1, "reported by json.c");
	done(&r);

	load(&r, "{}");
	OK(r.ok, "an empty catalogue loads");
	INT_EQ(errors(&r) + warnings(&r), 0, "silently");
	done(&r);

	load(&r, "{\"sluzby\": null, \"poskytovatele\": []}");
	OK(r.ok && errors(&r) == 0, "null lists are absent");
	done(&r);
}

int
main(void)
{
	cb_init();
	RUN(test_full);
	RUN(test_override);
	RUN(test_wrong_types);
	RUN(test_codes);
	RUN(test_unknown_keys);
	RUN(test_type_and_codebooks);
	RUN(test_hours);
	RUN(test_values);
	RUN(test_numbers);
	RUN(test_unusable);
	return DONE();
}
