/*
 * Unit tests of the CSV loader (src/load_csv.c): column headings, grouping
 * rows into services, value mapping (types, forms, capacities, hours, fees,
 * numbers with decimal commas, dates), providers, related services, filters
 * and the messages with their positions.
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
#include "util.h"

struct run {
	struct capture	  cap;
	struct catalogue *c;
	bool		  ok;
};

static void
load_opts(struct run *r, const char *text, const struct load_opts *o)
{
	memset(r, 0, sizeof *r);
	capture_open(&r->cap);
	r->c = model_new();
	r->ok = load_csv(r->c, diag_file(r->cap.d, "t.csv"), text, strlen(text),
	    o, r->cap.d);
	capture_text(&r->cap);
}

static void
load(struct run *r, const char *text)
{
	load_opts(r, text, NULL);
}

static void
run_free(struct run *r)
{
	model_free(r->c);
	capture_close(&r->cap);
}

static bool
said(const struct run *r, const char *text)
{
	bool	 yes = r->cap.mem != NULL && strstr(r->cap.mem, text) != NULL;

	if (!yes)
		printf("  (messages were:\n%s)\n", r->cap.mem ? r->cap.mem : "");
	return yes;
}

static const struct service *
svc(const struct run *r, size_t i)
{
	static const struct service none;

	return i < r->c->nservices ? r->c->services[i] : &none;
}

static void
test_headings(void)
{
	struct run r;

	load(&r, "IDENTIFIKÁTOR;Název_Služby;druh-služby;Poskytovatel;ico;"
	    "Telefoon\n"
	    "1234567;Pečovatelská služba Hulín;§ 40;Město Hulín;00287351;x\n");
	OK(r.ok, "loaded");
	INT_EQ(r.c->nservices, 1, "one service");
	STR_EQ(svc(&r, 0)->ident.s, "1234567", "identifikátor");
	STR_EQ(svc(&r, 0)->name.s, "Pečovatelská služba Hulín", "name");
	OK(svc(&r, 0)->type != NULL && strcmp(svc(&r, 0)->type->para,
	    "40") == 0, "type by §");
	STR_EQ(svc(&r, 0)->origin, "csv", "origin");
	STR_EQ(svc(&r, 0)->provider_ref.s, "00287351", "provider by IČO");
	INT_EQ(r.c->nproviders, 1, "one provider");
	STR_EQ(r.c->providers[0]->name.s, "Město Hulín", "provider name");
	INT_EQ(diag_count_code(r.cap.d, D_UNKNOWN_COLUMN), 1, "one unknown");
	OK(said(&r, "t.csv:1:57: warning: unknown column „Telefoon“, ignored; "
	    "did you mean „telefon“?"), "suggestion at the header cell");
	INT_EQ(svc(&r, 0)->pos.line, 2, "service at its name: line");
	INT_EQ(svc(&r, 0)->pos.col, 9, "service at its name: column");
	run_free(&r);
}

static void
test_required_columns(void)
{
	struct run r;

	load(&r, "identifikátor;druh\n1234567;§ 40\n");
	OK(!r.ok, "nothing loaded without a name column");
	OK(said(&r, "t.csv:1:1: error: the header has no column „název "
	    "služby“"), "missing column reported");
	INT_EQ(r.c->nservices, 0, "no services");
	run_free(&r);

	load(&r, "1234567;Domov;49\n");
	OK(!r.ok, "no header line");
	OK(said(&r, "none of the column headings is known"), "one message");
	INT_EQ(diag_count_code(r.cap.d, D_UNKNOWN_COLUMN), 0, "not one per cell");
	run_free(&r);
}

static void
test_types(void)
{
	struct run r;

	load(&r, "název;druh služby\n"
	    "A;domov pro seniory\n"
	    "B;49\n"
	    "C;DruhSocialniSluzby/13\n"
	    "D;DpS\n"
	    "E;§ 49 – domovy pro seniory\n"
	    "F;Domovy Pro Seniory\n"
	    "G;domov seniorů\n"
	    "H;\n");
	INT_EQ(r.c->nservices, 6, "six recognised");
	OK(svc(&r, 0)->type && strcmp(svc(&r, 0)->type->para, "49") == 0,
	    "singular name");
	OK(svc(&r, 5)->type && strcmp(svc(&r, 5)->type->para, "49") == 0,
	    "capitals");
	OK(said(&r, "t.csv:8:3: error: unknown type of social service „domov "
	    "seniorů“; did you mean „domovy pro seniory“? row dropped"),
	    "unknown type with a suggestion");
	OK(said(&r, "t.csv:9:3: error: „H“ has no type of service"),
	    "missing type");
	run_free(&r);
}

static void
test_grouping(void)
{
	struct run r;

	load(&r, "identifikátor;název služby;druh služby;forma;kapacita;"
	    "jednotka kapacity;obec\n"
	    "1111111;Odlehčovací služba;44;pobytová;10;lůžka;Kroměříž\n"
	    "1111111;;;terénní;25;klienti;Kroměříž\n"
	    ";;;ambulantní;5;klientů;\n"
	    "2222222;Domov;49;;31;;Hulín\n"
	    "1111111;Odlehčovací služba Kroměříž;;pob;12;luzka;Hulín\n");
	INT_EQ(r.c->nservices, 2, "two services");
	INT_EQ(svc(&r, 0)->nforms, 3, "three forms grouped");
	STR_EQ(svc(&r, 0)->forms[0].form->code, "pob", "first form");
	INT_EQ(svc(&r, 0)->forms[0].caps[0].count, 10, "beds");
	STR_EQ(svc(&r, 0)->forms[0].caps[0].unit->code, "luzka", "unit");
	STR_EQ(svc(&r, 0)->forms[2].form->code, "amb", "continuation row");
	STR_EQ(svc(&r, 0)->forms[2].caps[0].unit->code, "klient",
	    "unit by its plural");
	INT_EQ(svc(&r, 0)->nplaces, 2, "two places");
	STR_EQ(svc(&r, 0)->places[1].addr.municipality.s, "Hulín",
	    "second place");
	OK(said(&r, "t.csv:6:9: warning: row 6 gives „Odlehčovací služba "
	    "Kroměříž“ in column „název služby“, but row 2 of the same "
	    "service gave „Odlehčovací služba“"), "conflicting name");
	OK(said(&r, "t.csv:6:42: warning: row 6 gives capacity 12 for the "
	    "pobytová form, but row 2 gave 10"), "conflicting capacity");
	STR_EQ(svc(&r, 1)->forms[0].form->code, "pob",
	    "the only form of § 49 inferred");
	INT_EQ(svc(&r, 1)->forms[0].caps[0].count, 31, "its capacity");
	OK(svc(&r, 1)->forms[0].caps[0].unit == NULL,
	    "no unit given: left to validation");
	run_free(&r);
}

static void
test_related(void)
{
	struct run r;

	load(&r, "sluzba_id,nazev_sluzby,druh_kod,druh_nazev,obec,lat,"
	    "telefon_zdroj,telefon_normalizovany\n"
	    "uzis-1,Domácí péče Hulín,350,Domácí zdravotní péče,Hulín,49.1,"
	    "+420573372012,573 372 012\n"
	    "mpsv-2,Pečovatelská služba,DruhSocialniSluzby/4,pečovatelská "
	    "služba,Hulín,49.2,573 372 012 | 777 123 456,x\n"
	    ",Poradna,,dluhové poradenství,Kroměříž,,,\n");
	INT_EQ(r.c->nservices, 1, "one social service");
	INT_EQ(r.c->nlistings, 2, "two related services");
	INT_EQ(r.c->listings[0]->kind, LIST_RELATED, "related kind");
	STR_EQ(r.c->listings[0]->category.s, "Domácí zdravotní péče",
	    "category from druh_nazev");
	STR_EQ(r.c->listings[0]->id.s, "uzis-1", "id");
	STR_EQ(r.c->listings[0]->addr.municipality.s, "Hulín", "address");
	STR_EQ(r.c->listings[0]->contacts.phones[0].s, "+420573372012",
	    "primary phone column wins over the secondary one");
	STR_EQ(r.c->listings[1]->category.s, "dluhové poradenství",
	    "no type but a category");
	INT_EQ(svc(&r, 0)->contacts.nphones, 2, "phones split at |");
	STR_EQ(svc(&r, 0)->contacts.phones[1].s, "777 123 456", "second");
	INT_EQ(svc(&r, 0)->contacts.phones[1].pos.col, 94,
	    "second phone at its own column");
	STR_EQ(svc(&r, 0)->source_id.s, "mpsv-2", "service id");
	INT_EQ(diag_count(r.cap.d, DIAG_WARNING), 0, "lat and the secondary "
	    "phone column are silent");
	run_free(&r);
}

static void
test_numbers(void)
{
	struct run r;
	const struct year_figures *y;

	load(&r, "\xef\xbb\xbfnázev;druh;rok;klienti za rok;úvazky v přímé "
	    "péči;úvazky ostatní;náklady;osobní náklady;výnosy mpsv;"
	    "výnosy kraj;výnosy obce;výnosy úhrady uživatelů\n"
	    "A;§ 40;2025;1 234;12,5;0,25;5 230 000,50 Kč;4\xc2\xa0" "100\xc2\xa0"
	    "000;1.234.567,89;2500,-;12,345;-5\n"
	    "A2;§ 40;2025;12 34;1,2,3;x;;;;;;\n");
	y = svc(&r, 0)->figures;
	INT_EQ(svc(&r, 0)->nfigures, 1, "one year");
	INT_EQ(y->year, 2025, "year");
	INT_EQ(y->clients, 1234, "clients with a space");
	INT_EQ(y->fte_direct, 1250, "FTE ×100");
	INT_EQ(y->fte_other, 25, "0,25");
	INT_EQ(y->costs, 523000050LL, "money in haléře, Kč stripped");
	INT_EQ(y->costs_personnel, 410000000LL, "NBSP thousands");
	INT_EQ(y->revenue[0], 123456789LL, "dots as thousands");
	INT_EQ(y->revenue[1], 250000, "2500,-");
	INT_EQ(y->revenue[2], -1, "too many decimals dropped");
	INT_EQ(y->revenue[3], -1, "negative dropped");
	OK(said(&r, "t.csv:2:75: error: „12,345“ in column „výnosy obce“: "
	    "too many decimal places; value dropped"), "decimals reported");
	OK(said(&r, "„-5“ in column „výnosy úhrady uživatelů“: a negative"),
	    "negative reported, column by short label");
	OK(said(&r, "t.csv:3:14: error: „12 34“ in column „klienti za rok“: "
	    "not a number (check the digit groups)"), "digit groups");
	OK(said(&r, "„1,2,3“"), "two commas");
	INT_EQ(svc(&r, 1)->figures[0].clients, -1, "bad value not set");
	run_free(&r);

	load(&r, "název;druh;kapacita;forma\nA;§ 49;31,0;pob\nB;§ 49;3,5;pob\n"
	    "C;§ 49;20 lůžek;pob\nD;§ 40;1.200;ter\nE;§ 40;1.5;ter\n");
	INT_EQ(svc(&r, 3)->forms[0].caps[0].count, 1200, "1.200 is 1200");
	INT_EQ(svc(&r, 4)->forms[0].ncaps, 0, "1.5 dropped");
	OK(said(&r, "„1.5“ in column „kapacita“: not a whole number"),
	    "1.5 reported");
	INT_EQ(svc(&r, 0)->forms[0].caps[0].count, 31, "31,0 is whole");
	INT_EQ(svc(&r, 1)->forms[0].ncaps, 0, "3,5 dropped");
	OK(said(&r, "t.csv:3:8: error: capacity „3,5“ in column „kapacita“: "
	    "not a whole number; capacity dropped"), "capacity message");
	OK(said(&r, "t.csv:4:8: error: capacity „20 lůžek“"), "text refused");
	run_free(&r);
}

static void
test_hours(void)
{
	struct run r;
	const struct hours *h;

	load(&r, "název;druh;provozní doba\n"
	    "A;40;\"po–pá 7:00–15:30; so 8:00–12:00\"\n"
	    "B;40;nonstop\n"
	    "C;40;\"Po, St: 8.00 - 12.00, 13.00 - 16.00\nčt 9-11 hod\"\n"
	    "D;40;\"po–čt 7:30–15:00, pá 7:30–13:00; jinak po domluvě\"\n"
	    "E;40;denně od 6 do 22\n"
	    "F;40;po 16:00-8:00\n");
	h = &svc(&r, 0)->hours;
	INT_EQ(h->nranges, 2, "two ranges");
	if (r.c->nservices != 6 || h->nranges != 2 ||
	    svc(&r, 2)->hours.nranges != 3 || svc(&r, 3)->hours.nranges != 2 ||
	    svc(&r, 4)->hours.nranges != 1) {
		OK(false, "hours parsed as expected (details skipped)");
		run_free(&r);
		return;
	}
	INT_EQ(h->ranges[0].days, 0x1f, "po–pá");
	INT_EQ(h->ranges[0].from, 420, "7:00");
	INT_EQ(h->ranges[0].to, 930, "15:30");
	INT_EQ(h->ranges[1].days, 0x20, "sobota");
	INT_EQ(h->ranges[1].pos.col, 25, "range at its part");
	OK(h->note.s == NULL, "no note");
	OK(svc(&r, 1)->hours.nonstop, "nonstop");
	h = &svc(&r, 2)->hours;
	INT_EQ(h->nranges, 3, "two ranges, then Thursday");
	INT_EQ(h->ranges[0].days, 0x05, "po, st");
	INT_EQ(h->ranges[1].from, 780, "13.00");
	INT_EQ(h->ranges[2].days, 0x08, "čt");
	INT_EQ(h->ranges[2].pos.line, 5, "on the second line of the cell");
	h = &svc(&r, 3)->hours;
	INT_EQ(h->nranges, 2, "two day groups in one part");
	INT_EQ(h->ranges[1].days, 0x10, "pá");
	STR_EQ(h->note.s, "jinak po domluvě", "the rest is a note");
	h = &svc(&r, 4)->hours;
	INT_EQ(h->nranges, 1, "denně");
	INT_EQ(h->ranges[0].days, 0x7f, "every day");
	INT_EQ(h->ranges[0].to, 1320, "od 6 do 22");
	h = &svc(&r, 5)->hours;
	INT_EQ(h->nranges, 1, "a range ending before it starts");
	if (h->nranges == 1) {
		INT_EQ(h->ranges[0].from, 960, "runs from 16:00");
		INT_EQ(h->ranges[0].to, 480, "past midnight to 8:00");
	}
	OK(h->note.s == NULL, "overnight range not a note");
	run_free(&r);

	/* The forms samples/csv/README.md promises. */
	load(&r, "Identifi-kátor;název;druh;provozní doba\n"
	    "1;A;40;čt od 9 do 11\n"
	    "2;B;40;\"pracovní dny 7–15; víkend 9–12; so zavřeno\"\n"
	    "3;C;40;non-stop\n"
	    "4;D;40;Nepřetržitě\n"
	    "5;E;40;Po: 8.00 - 12.00 | út 8-12 hod\n");
	INT_EQ(r.c->nservices, 5, "five");
	INT_EQ(diag_count(r.cap.d, DIAG_WARNING), 0, "heading with a dash known");
	INT_EQ(svc(&r, 0)->hours.nranges, 1, "od … do");
	INT_EQ(svc(&r, 1)->hours.nranges, 2, "pracovní dny, víkend");
	OK(svc(&r, 1)->hours.note.s == NULL, "zavřeno parsed");
	OK(svc(&r, 2)->hours.nonstop, "non-stop");
	OK(svc(&r, 3)->hours.nonstop, "nepřetržitě");
	INT_EQ(svc(&r, 4)->hours.nranges, 2, "colon after days, hod");
	if (svc(&r, 1)->hours.nranges == 2) {
		INT_EQ(svc(&r, 1)->hours.ranges[0].days, 0x1f, "po–pá");
		INT_EQ(svc(&r, 1)->hours.ranges[1].days, 0x60, "so–ne");
	}
	run_free(&r);
}

static void
test_values(void)
{
	struct run r;
	const struct service *s;

	load(&r, "název;druh;úhrada;bezbariérovost;registrace od;"
	    "registrace do;cílové skupiny;věkové skupiny;e-mail;web;činnosti;"
	    "IČO;poskytovatel\n"
	    "A;40;zdarma;ano;1. 9. 2007;2026-12-31;\"senioři; osoby se "
	    "zdravotním postižením|pečující\";65-80, nad 80 let;a@b.cz c@d.cz;"
	    "www.x.cz;\"pomoc při hygieně; dovoz obědů\";3593207;Charita\n"
	    "B;40;částečně (strava se hradí);Částečně;31.12.2030;;senioři, "
	    "osoby s demencí;27-64;;;;03593207;Charita Kroměříž\n"
	    "C;40;nevím;možná;1. 13. 2020;;seniorky;;;;;;Charita\n");
	if (r.c->nservices != 3 || svc(&r, 0)->ntargets != 3 ||
	    svc(&r, 0)->nages != 2 || svc(&r, 0)->nactivities != 2) {
		OK(false, "values mapped as expected (details skipped)");
		said(&r, "(show)");
		run_free(&r);
		return;
	}
	s = svc(&r, 0);
	INT_EQ(s->fee, FEE_FREE, "zdarma");
	INT_EQ(s->barrier_free, TRI_YES, "ano");
	INT_EQ(s->from.y, 2007, "Czech date");
	INT_EQ(s->to.m, 12, "ISO date");
	INT_EQ(s->ntargets, 3, "three target groups");
	STR_EQ(s->targets[2].item->code, "pecujici", "after |");
	INT_EQ(s->nages, 2, "two age groups");
	STR_EQ(s->ages[1].item->code, "nad-80", "by short label");
	INT_EQ(s->contacts.nemails, 2, "e-mails split at space");
	INT_EQ(s->nactivities, 2, "activities");
	STR_EQ(s->activities[1].s, "dovoz obědů", "trimmed");
	STR_EQ(s->provider_ref.s, "03593207", "IČO padded");
	OK(said(&r, "t.csv:2:164: warning: IČO „3593207“ has only 7 digits"),
	    "padding reported");
	s = svc(&r, 1);
	INT_EQ(s->fee, FEE_PARTLY, "first word");
	STR_EQ(s->fee_note.s, "částečně (strava se hradí)", "kept as note");
	INT_EQ(s->barrier_free, TRI_PARTLY, "capitalised");
	INT_EQ(s->ntargets, 2, "split at a comma when all parts are known");
	STR_EQ(s->provider_ref.s, "03593207", "same provider");
	OK(said(&r, "warning: the provider „03593207“ has „Charita Kroměříž“ "
	    "in column „poskytovatel“ here, but „Charita“ in row 2"),
	    "provider conflict");
	s = svc(&r, 2);
	INT_EQ(s->fee, FEE_UNKNOWN, "unknown fee");
	STR_EQ(s->fee_note.s, "nevím", "unknown fee kept as a note");
	OK(said(&r, "t.csv:4:6: warning: „nevím“ in column „úhrada“ is not one "
	    "of zdarma, placená, částečně; kept as a note"), "fee message");
	OK(said(&r, "t.csv:4:18: error: „1. 13. 2020“ in column „registrace "
	    "od“ is not a date"), "bad date");
	OK(said(&r, "t.csv:4:31: error: unknown target group „seniorky“; did "
	    "you mean „senioři“? value dropped"), "unknown target group");
	OK(s->provider_ref.s != NULL && strcmp(s->provider_ref.s,
	    "03593207") == 0, "provider found by name");
	INT_EQ(r.c->nproviders, 1, "one provider for all three");
	run_free(&r);
}

static void
test_missing_and_forms(void)
{
	struct run r;

	load(&r, "název;druh;forma;kapacita;jednotka\n"
	    ";40;ter;5;klienti\n"
	    "A;40;;5;klienti\n"
	    "B;40;amb a ter;5;klienti\n"
	    "C;40;pobytová služba;5;klienti\n"
	    "D;40;ter;5;postele\n");
	INT_EQ(r.c->nservices, 4, "row without a name dropped");
	OK(said(&r, "t.csv:2:1: error: row 2 has no name of the service"),
	    "missing name at the empty cell");
	OK(said(&r, "t.csv:3:7: error: capacity „5“ has no form of provision"),
	    "form needed: § 40 has two");
	INT_EQ(svc(&r, 1)->nforms, 2, "two forms from one cell");
	INT_EQ(svc(&r, 1)->forms[0].ncaps, 0, "capacity not guessed");
	OK(said(&r, "t.csv:4:16: error: one capacity „5“ for several forms"),
	    "ambiguous capacity");
	OK(said(&r, "t.csv:5:15: error: unknown form of provision „služba“"),
	    "unknown word in the form cell");
	OK(said(&r, "t.csv:6:12: error: unknown capacity unit „postele“"),
	    "unknown unit");
	run_free(&r);
}

static void
test_filters(void)
{
	struct run r;
	struct load_opts o;
	const char *obce[] = { "Hulín" };
	static const char text[] = "název;druh;registrace od;registrace do;"
	    "obec;kód obce\n"
	    "A;40;2007-01-01;2026-06-30;Kroměříž;588296\n"
	    "B;40;2027-01-01;;Hulín;588652\n"
	    "C;40;;;Hulin;588652\n"
	    "D;40;;;Bystřice pod Hostýnem;588377\n";

	memset(&o, 0, sizeof o);
	date_parse("2026-09-01", &o.active_on);
	o.obce = obce;
	o.nobce = 1;
	load_opts(&r, text, &o);
	INT_EQ(r.c->nservices, 1, "only C is active and in Hulín");
	STR_EQ(svc(&r, 0)->name.s, "C", "C kept (name without diacritics)");
	OK(said(&r, "t.csv:2:17: note: „A“ ended on 2026-06-30, before "
	    "2026-09-01; left out"), "ended");
	OK(said(&r, "t.csv:3:6: note: „B“ starts only on 2027-01-01"),
	    "not yet");
	OK(said(&r, "t.csv: note: 1 record outside the territory"),
	    "territory summary");
	run_free(&r);

	memset(&o, 0, sizeof o);
	o.is_override = true;
	load_opts(&r, "identifikátor;název;popis\n1234567;;Nový popis\n"
	    ";Jiný;x\n", &o);
	INT_EQ(r.c->nservices, 1, "override rows need no name or type");
	OK(svc(&r, 0)->is_override, "marked");
	STR_EQ(svc(&r, 0)->description.s, "Nový popis", "field");
	OK(said(&r, "row 3 of an enrichment file has no identifikátor"),
	    "override needs an identifikátor");
	run_free(&r);
}

static void
test_cp1250_file(void)
{
	struct run r;

	/* "název;druh;obec" / "Domov Kroměříž;49;Kroměříž" in windows-1250 */
	load(&r, "n\xe1zev;druh;obec\nDomov Krom\xec\xf8\xed\x9e;49;"
	    "Krom\xec\xf8\xed\x9e\n");
	INT_EQ(r.c->nservices, 1, "loaded");
	STR_EQ(svc(&r, 0)->name.s, "Domov Kroměříž", "converted");
	INT_EQ(diag_count(r.cap.d, DIAG_ERROR), 0, "no errors");
	INT_EQ(diag_count_code(r.cap.d, D_ENCODING), 1, "one note");
	run_free(&r);
}

int
main(void)
{
	cb_init();
	RUN(test_headings);
	RUN(test_required_columns);
	RUN(test_types);
	RUN(test_grouping);
	RUN(test_related);
	RUN(test_numbers);
	RUN(test_hours);
	RUN(test_values);
	RUN(test_missing_and_forms);
	RUN(test_filters);
	RUN(test_cp1250_file);
	return DONE();
}
