/*
 * Unit tests of the edition file: a complete edition read into every field
 * (paths resolved against the edition's directory, Czech dates and numbers,
 * defaults), and each check with its message and position: required keys,
 * wrong types, bad dates, unknown keys, names and codes with suggestions,
 * missing files; variants (varianty) and the editions made from them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codebook.h"
#include "diag.h"
#include "edition.h"
#include "harness.h"
#include "util.h"

static char	 dir[64];	/* the temporary directory */
static char	 msgs[16384];	/* messages of the last load */
/* The last load's diagnostics: the edition's positions point into it. */
static struct diag *cur;

/* Writes dir/name (creating dir/sub first when name has a '/'). */
static const char *
put(const char *name, const char *content)
{
	static char	 path[256];
	char		*slash, cmd[300];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((slash = strrchr(path, '/')) != NULL && slash > path + strlen(dir)) {
		*slash = '\0';
		snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
		if (system(cmd) != 0)
			abort();
		*slash = '/';
	}
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fputs(content, f);
	fclose(f);
	return path;
}

/* Loads dir/name, capturing the messages (file names shortened to t/). */
static struct edition *
load(const char *name)
{
	char		 path[256], *p, *q;
	struct diag	*d;
	struct edition	*e;
	FILE		*f = tmpfile();
	size_t		 got, dl = strlen(dir);

	snprintf(path, sizeof path, "%s/%s", dir, name);
	diag_free(cur);
	cur = d = diag_new(f);
	e = edition_load(path, d);
	diag_flush(d);
	rewind(f);
	got = fread(msgs, 1, sizeof msgs - 1, f);
	msgs[got] = '\0';
	fclose(f);
	/* Replace the temporary directory by "t" to compare messages. */
	while ((p = strstr(msgs, dir)) != NULL) {
		*p = 't';
		for (q = p + 1; (*q = q[dl - 1]) != '\0'; q++)
			;
	}
	return e;
}

/* Writes an edition, loads it and compares all messages with want. */
static void
expect(const char *yaml, const char *want, const char *what)
{
	struct edition	*e;

	put("e.yaml", yaml);
	e = load("e.yaml");
	OK(e != NULL, what);
	STR_EQ(msgs, want, what);
	edition_free(e);
}

/* A valid edition around one changed line, for focused checks. */
#define HEAD	"nazev: Mapa\nuzemi: {nazev: ORP}\nudaje_k: 2026-09-01\n" \
		"vstupy: [a.json]\n"

static const char full[] =
    "# Vydání pro rok 2026\n"
    "nazev: Mapa pomoci\n"
    "podtitul: Katalog sociálních a návazných služeb\n"
    "uzemi:\n"
    "  nazev: ORP Kroměříž\n"
    "  obce: [Kroměříž, Hulín, 588300]\n"
    "rok: 2026\n"
    "vydani: 3. vydání\n"
    "udaje_k: 2026-09-01\n"
    "vydavatel: {nazev: Město Kroměříž, adresa: \"Velké náměstí 115/1, "
    "767 01 Kroměříž\", web: www.kromeriz.eu, email: info@mesto-kromeriz.cz}\n"
    "tiraz: {naklad: 2 000, datum_vydani: 15. 10. 2026, zdroje: [Registr "
    "MPSV, šetření], poznamka: Neprodejné., isbn: 978-80-000-0000-0}\n"
    "uvodni_slovo:\n"
    "  nadpis: Vážení čtenáři\n"
    "  text: |\n"
    "    První odstavec\n"
    "    pokračuje zde.\n"
    "\n"
    "    Druhý odstavec.\n"
    "  podpis: Jana Nováková\n"
    "vstupy:\n"
    "  - soubor: katalog.json\n"
    "  - soubor: doplnky.json\n"
    "    ucel: doplnění\n"
    "  - soubor: registr/rpss.json\n"
    "    format: registr\n"
    "    ciselniky: registr/ciselniky\n"
    "  - data.csv\n"
    "filtry:\n"
    "  aktivni_k: 1. 9. 2026\n"
    "  kraje: [CZ072]\n"
    "  okresy: CZ0721\n"
    "  obce: [\"588296\", Hulín, 588300]\n"
    "  cilove_skupiny: [seniori, pečující osoby]\n"
    "cleneni: Životní situace\n"
    "rozvrzeni: a5-brozura\n"
    "oddily: [obalka, úvodní slovo, sluzby, krizove_linky]\n"
    "publicita:\n"
    "  projekt: Plánování sociálních služeb\n"
    "  registracni_cislo: CZ.03.02.02/00/22_001/0000001\n"
    "  text: Financováno Evropskou unií.\n"
    "  loga: [loga/eu.svg]\n"
    "obyvatele: {celkem: 60 000, \"65+\": 12000, \"80+\": 3000}\n"
    "ukazatele:\n"
    "  - {kod: \"6 70 01\", nazev: Účastníci, jednotka: osoby, vychozi: 0, "
    "cilova: 300, dosazena: \"280,5\", zdroj: monitoring}\n"
    "predchozi_data: 2025/katalog.json\n"
    "vystupy: {pdf: vystup/mapa.pdf, tisk: /tmp/mapa-tisk.pdf, brozura: "
    "b.pdf, xlsx: vystup/prilohy.xlsx}\n";

static void
test_full(void)
{
	struct edition	*e;
	char		 want[256];

	put("katalog.json", "{}\n");
	put("doplnky.json", "{}\n");
	put("registr/rpss.json", "{\"polozky\": []}\n");
	put("registr/ciselniky/kraje.json", "{}\n");
	put("data.csv", "a;b\n");
	put("loga/eu.svg", "<svg/>\n");
	put("2025/katalog.json", "{}\n");
	put("full.yaml", full);
	e = load("full.yaml");
	STR_EQ(msgs, "", "no messages");
	if (e == NULL) {
		OK(0, "loaded");
		return;
	}
	OK(strstr(e->file, "/full.yaml") != NULL, "file interned");
	STR_EQ(e->title.s, "Mapa pomoci", "title");
	INT_EQ(e->title.pos.line, 2, "title line");
	INT_EQ(e->title.pos.col, 8, "title col");
	STR_EQ(e->subtitle.s, "Katalog sociálních a návazných služeb", "subtitle");
	STR_EQ(e->territory.s, "ORP Kroměříž", "territory");
	INT_EQ(e->territory.pos.line, 5, "territory line");
	INT_EQ(e->territory.pos.col, 10, "territory col");
	INT_EQ(e->nmunicipalities, 3, "municipalities");
	STR_EQ(e->municipalities[2].s, "588300", "code written as a number");
	INT_EQ(e->municipalities[1].pos.col, 20, "Hulín col");
	STR_EQ(e->year.s, "2026", "year");
	STR_EQ(e->edition_no.s, "3. vydání", "edition");
	INT_EQ(e->data_date.y * 10000 + e->data_date.m * 100 + e->data_date.d,
	    20260901, "data date");
	INT_EQ(e->data_date.pos.line, 9, "data date line");
	INT_EQ(e->data_date.pos.col, 10, "data date col");
	STR_EQ(e->issuer.name.s, "Město Kroměříž", "issuer");
	STR_EQ(e->issuer.address.s, "Velké náměstí 115/1, 767 01 Kroměříž",
	    "issuer address");
	STR_EQ(e->issuer.web.s, "www.kromeriz.eu", "web");
	STR_EQ(e->issuer.email.s, "info@mesto-kromeriz.cz", "email");
	INT_EQ(e->imprint.print_run.n, 2000, "print run with a space");
	INT_EQ(e->imprint.print_run.pos.col, 17, "print run col");
	INT_EQ(e->imprint.issued.m, 10, "issued (Czech date)");
	INT_EQ(e->imprint.nsources, 2, "sources");
	STR_EQ(e->imprint.sources[1].s, "šetření", "second source");
	STR_EQ(e->imprint.note.s, "Neprodejné.", "note");
	STR_EQ(e->imprint.isbn.s, "978-80-000-0000-0", "isbn");
	STR_EQ(e->foreword.heading.s, "Vážení čtenáři", "heading");
	STR_EQ(e->foreword.signature.s, "Jana Nováková", "signature");
	INT_EQ(e->foreword.nparagraphs, 2, "paragraphs");
	if (e->foreword.nparagraphs == 2) {
		STR_EQ(e->foreword.paragraphs[0].s,
		    "První odstavec pokračuje zde.", "paragraph 1");
		STR_EQ(e->foreword.paragraphs[1].s, "Druhý odstavec.",
		    "paragraph 2");
	}
	INT_EQ(e->ninputs, 4, "inputs");
	if (e->ninputs == 4) {
		snprintf(want, sizeof want, "%s/katalog.json", dir);
		STR_EQ(e->inputs[0].path.s, want, "input resolved");
		STR_EQ(e->inputs[0].given.s, "katalog.json", "input as written");
		INT_EQ(e->inputs[0].path.pos.line, 21, "soubor line");
		INT_EQ(e->inputs[0].path.pos.col, 13, "soubor col");
		INT_EQ(e->inputs[0].format, FMT_AUTO, "format detected");
		OK(!e->inputs[0].is_override, "base input");
		OK(e->inputs[1].is_override, "doplnění with diacritics");
		INT_EQ(e->inputs[2].format, FMT_REGISTRY, "registr");
		snprintf(want, sizeof want, "%s/registr/ciselniky", dir);
		STR_EQ(e->inputs[2].codebook_dir.s, want, "codebooks resolved");
		snprintf(want, sizeof want, "%s/data.csv", dir);
		STR_EQ(e->inputs[3].path.s, want, "file name alone");
		INT_EQ(e->inputs[3].pos.line, 27, "item line");
	}
	INT_EQ(e->filter.active_on.d * 100 + e->filter.active_on.m, 109,
	    "active on");
	INT_EQ(e->active_pos.line, 29, "active pos");
	INT_EQ(e->filter.nkraje, 1, "kraje");
	STR_EQ(e->filter.kraje[0], "CZ072", "kraj");
	INT_EQ(e->filter.nokresy, 1, "one okres as text");
	STR_EQ(e->filter.okresy[0], "CZ0721", "okres");
	INT_EQ(e->filter.nobce, 3, "obce");
	STR_EQ(e->filter.obce[2], "588300", "obec as number");
	INT_EQ(e->ntarget_filter, 2, "targets");
	if (e->ntarget_filter == 2) {
		STR_EQ(e->target_filter[0].item->code, "seniori", "by code");
		STR_EQ(e->target_filter[1].item->code, "pecujici", "by label");
		INT_EQ(e->target_filter[1].pos.col, 29, "target col");
	}
	INT_EQ(e->grouping, EDG_SITUATION, "grouping folded");
	INT_EQ(e->grouping_pos.line, 34, "grouping line");
	STR_EQ(e->layout.s, "a5-brozura", "layout");
	INT_EQ(e->nparts, 4, "parts");
	if (e->nparts == 4) {
		INT_EQ(e->parts[1].section, EDS_FOREWORD, "úvodní slovo");
		INT_EQ(e->parts[3].section, EDS_CRISIS, "krizove_linky");
		INT_EQ(e->parts[3].pos.col, 40, "part col");
	}
	STR_EQ(e->publicity.project.s, "Plánování sociálních služeb", "project");
	STR_EQ(e->publicity.reg_number.s, "CZ.03.02.02/00/22_001/0000001",
	    "reg number");
	STR_EQ(e->publicity.text.s, "Financováno Evropskou unií.", "pub text");
	INT_EQ(e->publicity.nlogos, 1, "logos");
	snprintf(want, sizeof want, "%s/loga/eu.svg", dir);
	STR_EQ(e->publicity.logos[0].s, want, "logo resolved");
	INT_EQ(e->population.total.n, 60000, "population");
	INT_EQ(e->population.over65.n, 12000, "65+");
	INT_EQ(e->population.over80.n, 3000, "80+");
	INT_EQ(e->nindicators, 1, "indicators");
	if (e->nindicators == 1) {
		STR_EQ(e->indicators[0].code.s, "6 70 01", "code");
		STR_EQ(e->indicators[0].name.s, "Účastníci", "name");
		STR_EQ(e->indicators[0].unit.s, "osoby", "unit");
		OK(e->indicators[0].baseline.present, "baseline 0 present");
		INT_EQ(e->indicators[0].baseline.x100, 0, "baseline");
		INT_EQ(e->indicators[0].target.x100, 30000, "target");
		INT_EQ(e->indicators[0].achieved.x100, 28050, "decimal comma");
		STR_EQ(e->indicators[0].achieved.text.s, "280,5", "as written");
		STR_EQ(e->indicators[0].source.s, "monitoring", "source");
		INT_EQ(e->indicators[0].pos.line, 44, "indicator line");
	}
	snprintf(want, sizeof want, "%s/2025/katalog.json", dir);
	STR_EQ(e->previous_data.s, want, "previous data");
	snprintf(want, sizeof want, "%s/vystup/mapa.pdf", dir);
	STR_EQ(e->outputs.pdf.s, want, "pdf");
	STR_EQ(e->outputs.print.s, "/tmp/mapa-tisk.pdf", "absolute kept");
	snprintf(want, sizeof want, "%s/b.pdf", dir);
	STR_EQ(e->outputs.booklet.s, want, "booklet");
	snprintf(want, sizeof want, "%s/vystup/prilohy.xlsx", dir);
	STR_EQ(e->outputs.xlsx.s, want, "xlsx");
	edition_free(e);
}

static void
test_defaults(void)
{
	struct edition	*e;
	int		 i;

	put("a.json", "{}\n");
	put("min.yaml", HEAD);
	e = load("min.yaml");
	STR_EQ(msgs, "", "no messages");
	INT_EQ(e->filter.active_on.y * 10000 + e->filter.active_on.m * 100 +
	    e->filter.active_on.d, 20260901, "active on = data date");
	INT_EQ(e->active_pos.line, 0, "default has no position");
	INT_EQ(e->grouping, EDG_TARGET, "default grouping");
	INT_EQ(e->nparts, EDS__MAX, "all parts");
	for (i = 0; i < EDS__MAX && (size_t)i < e->nparts; i++)
		INT_EQ(e->parts[i].section, i, "default order");
	STR_EQ(edition_section_name(e->parts[EDS__MAX - 1].section),
	    "zadni_obalka", "section name");
	STR_EQ(edition_grouping_name(EDG_TYPE), "druh", "grouping name");
	INT_EQ(e->imprint.print_run.n, -1, "no print run");
	INT_EQ(e->population.total.n, -1, "no population");
	INT_EQ(e->nindicators, 0, "no indicators");
	OK(e->subtitle.s == NULL && e->layout.s == NULL, "absent texts");
	OK(e->outputs.pdf.s == NULL, "no outputs");
	INT_EQ(e->ninputs, 1, "one input");
	edition_free(e);
}

static void
test_required(void)
{
	expect("podtitul: jen podtitul\n",
	    "t/e.yaml:1:1: error: the edition has no title: add „nazev: …“ "
	    "[missing-field]\n"
	    "t/e.yaml:1:1: error: the edition names no territory: add „uzemi:“ "
	    "with „nazev: …“ under it [missing-field]\n"
	    "t/e.yaml:1:1: error: the edition has no data date: add „udaje_k: "
	    "2026-09-01“ [missing-field]\n"
	    "t/e.yaml:1:1: error: the edition lists no input files: add "
	    "„vstupy:“ with at least one „- soubor: …“ [missing-field]\n",
	    "all required keys");
	expect("nazev:\nuzemi:\n  obce: [A]\nudaje_k: ''\nvstupy: []\n",
	    "t/e.yaml:1:7: error: the edition has no title: add „nazev: …“ "
	    "[missing-field]\n"
	    "t/e.yaml:3:3: error: the territory has no name: add „nazev: …“ "
	    "under „uzemi:“ [missing-field]\n"
	    "t/e.yaml:4:10: error: the edition has no data date: add "
	    "„udaje_k: 2026-09-01“ [missing-field]\n"
	    "t/e.yaml:5:9: error: vstupy lists no input files: add at least one "
	    "„- soubor: …“ [missing-field]\n",
	    "empty values point at themselves");
	expect("nazev: M\nuzemi: {nazev: \"\"}\nudaje_k: 2026-09-01\nvstupy:\n"
	    "  - ucel: doplneni\n",
	    "t/e.yaml:2:16: error: the territory has no name: add „nazev: …“ "
	    "under „uzemi:“ [missing-field]\n"
	    "t/e.yaml:5:5: error: this input names no file: add „soubor: …“ "
	    "[missing-field]\n", "input without soubor");
	expect("", "t/e.yaml:1:1: error: the edition file is empty; it needs at "
	    "least nazev, uzemi, udaje_k and vstupy [missing-field]\n",
	    "empty file");
}

static void
test_types(void)
{
	expect(HEAD "tiraz: [2000]\nrok: true\nvydavatel: 12\noddily: {a: b}\n"
	    "ukazatele: [x]\n",
	    "t/e.yaml:5:8: error: tiraz must be a mapping („key: value“ lines), "
	    "not a list; ignored [wrong-type]\n"
	    "t/e.yaml:6:6: error: rok must be text, not true/false; ignored "
	    "[wrong-type]\n"
	    "t/e.yaml:7:12: error: vydavatel must be a mapping („key: value“ "
	    "lines), not a number; ignored [wrong-type]\n"
	    "t/e.yaml:8:9: error: oddily must be a list, not a mapping („key: "
	    "value“ lines); ignored [wrong-type]\n"
	    "t/e.yaml:9:13: error: each item of ukazatele must be a mapping "
	    "(„key: value“ lines), not text; ignored [wrong-type]\n",
	    "wrong types");
	expect("nazev: [a, b]\nuzemi: ORP Kroměříž\nudaje_k: 2026-09-01\n"
	    "vstupy: a.json\n",
	    "t/e.yaml:1:8: error: nazev must be text, not a list; ignored "
	    "[wrong-type]\n"
	    "t/e.yaml:2:8: error: uzemi must be a mapping („key: value“ lines), "
	    "not text; ignored [wrong-type]\n"
	    "t/e.yaml:4:9: error: vstupy must be a list, not text; ignored "
	    "[wrong-type]\n", "wrong types of required keys");
	expect("- nazev: x\n", "t/e.yaml:1:1: error: the edition file must "
	    "consist of „key: value“ lines, not a list [wrong-type]\n",
	    "root list");
	expect("nazev:Mapa\n", "t/e.yaml:1:1: error: the edition file must "
	    "consist of „key: value“ lines; a space is missing after a „:“ "
	    "[wrong-type]\n", "root text");
	expect(HEAD "vstupy: [[a.json]]\n", "t/e.yaml:5:1: error: „vstupy“ is "
	    "given twice in this mapping (first at line 4); the second value is "
	    "ignored [duplicate-key]\n", "duplicate key");
}

static void
test_values(void)
{
	expect(HEAD "rok: 26\ntiraz: {naklad: 2000 ks, datum_vydani: "
	    "2026-02-30}\nobyvatele: {celkem: -5, \"65+\": 12.5}\n"
	    "filtry: {aktivni_k: září 2026}\n"
	    "ukazatele: [{nazev: N, cilova: 1.234, dosazena: \"12,50\"}]\n",
	    "t/e.yaml:5:6: error: rok must be a year such as 2026, not „26“; "
	    "ignored [bad-value]\n"
	    "t/e.yaml:6:17: error: tiraz.naklad must be a whole number such as "
	    "2000, not „2000 ks“; ignored [number-format]\n"
	    "t/e.yaml:6:40: error: tiraz.datum_vydani: „2026-02-30“ is not a "
	    "real calendar date; ignored [date-format]\n"
	    "t/e.yaml:7:21: error: obyvatele.celkem must be a whole number such "
	    "as 2000, not „-5“; ignored [number-format]\n"
	    "t/e.yaml:7:32: error: obyvatele.65+ must be a whole number such as "
	    "2000, not „12.5“; ignored [number-format]\n"
	    "t/e.yaml:8:21: error: filtry.aktivni_k: „září 2026“ is not a date; "
	    "write it as 2026-09-01 or 1. 9. 2026 (ignored) [date-format]\n"
	    "t/e.yaml:9:32: error: ukazatele.cilova must be a number with at "
	    "most two decimal places, such as 280 or 12,5, not „1.234“; "
	    "ignored [number-format]\n",
	    "bad values");
	expect("nazev: M\nuzemi: {nazev: U}\nudaje_k: 31. 9. 2026\n"
	    "vstupy: [a.json]\n",
	    "t/e.yaml:3:10: error: udaje_k: „31. 9. 2026“ is not a date; write "
	    "it as 2026-09-01 or 1. 9. 2026 (ignored) [date-format]\n",
	    "impossible Czech date");
	expect(HEAD "tiraz: {datum_vydani: 2026-08-01}\nobyvatele: {celkem: "
	    "1000, \"65+\": 2000, \"80+\": \"2\u00a0500\"}\n",
	    "t/e.yaml:5:23: warning: tiraz.datum_vydani 2026-08-01 is before "
	    "the data date udaje_k 2026-09-01 [date-range]\n"
	    "t/e.yaml:6:34: warning: obyvatele: 2000 people aged 65+ is more "
	    "than the 1000 in total [figures]\n"
	    "t/e.yaml:6:47: warning: obyvatele: 2500 people aged 80+ is more "
	    "than the 2000 aged 65+ [figures]\n", "cross checks");
}

static void
test_names(void)
{
	expect(HEAD "nazv: x\nuzemi2: y\nfiltry:\n  krje: [CZ072]\n"
	    "vystupy: {pfd: a.pdf}\nvydavatel: {jmeno: x}\n",
	    "t/e.yaml:5:1: warning: unknown field „nazv“ in the edition, "
	    "ignored; did you mean „nazev“? [unknown-key]\n"
	    "t/e.yaml:6:1: warning: unknown field „uzemi2“ in the edition, "
	    "ignored; did you mean „uzemi“? [unknown-key]\n"
	    "t/e.yaml:8:3: warning: unknown field „krje“ in filtry, ignored; "
	    "did you mean „kraje“? [unknown-key]\n"
	    "t/e.yaml:9:11: warning: unknown field „pfd“ in vystupy, ignored; "
	    "did you mean „pdf“? [unknown-key]\n"
	    "t/e.yaml:10:13: warning: unknown field „jmeno“ in vydavatel, "
	    "ignored [unknown-key]\n", "unknown keys");
	expect(HEAD "cleneni: druhy\noddily: [obalka, tiraž, sluzby, obalka, "
	    "mapa]\n",
	    "t/e.yaml:5:10: error: unknown grouping „druhy“ for cleneni, so "
	    "entries are grouped by cilove_skupiny; did you mean „druh“? "
	    "[edition]\n"
	    "t/e.yaml:6:33: warning: „obalka“ is listed twice in oddily (first "
	    "at line 6, column 10); the second is ignored [edition]\n"
	    "t/e.yaml:6:41: error: unknown part „mapa“ in oddily, ignored; use "
	    "obalka, tiraz, uvodni_slovo, jak_pouzivat, obsah, rozcestnik, "
	    "sluzby, navazne_sluzby, urady, krizove_linky, rejstriky or "
	    "zadni_obalka [edition]\n", "grouping and parts");
	expect(HEAD "oddily: [obsah]\n", "t/e.yaml:5:9: warning: oddily does "
	    "not include „sluzby“: the brochure will list no services "
	    "[edition]\n", "no services part");
	expect(HEAD "oddily: [x]\n", "t/e.yaml:5:9: warning: oddily lists no "
	    "known parts; the default order is used [edition]\n"
	    "t/e.yaml:5:10: error: unknown part „x“ in oddily, ignored; use "
	    "obalka, tiraz, uvodni_slovo, jak_pouzivat, obsah, rozcestnik, "
	    "sluzby, navazne_sluzby, urady, krizove_linky, rejstriky or "
	    "zadni_obalka [edition]\n", "no known parts");
	expect("nazev: M\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\nvstupy:\n"
	    "  - {soubor: a.json, format: json, ucel: doplnek}\n"
	    "  - {soubor: a.json, format: edice, kod: 1}\n",
	    "t/e.yaml:5:30: error: unknown input format „json“, ignored (the "
	    "format is then recognised from the file); use mapa, registr, "
	    "katalog or csv [edition]\n"
	    "t/e.yaml:5:42: error: unknown purpose „doplnek“ for ucel, "
	    "ignored; did you mean „doplneni“? [edition]\n"
	    "t/e.yaml:6:14: warning: „a.json“ is already listed in vstupy "
	    "(line 5); loaded once [edition]\n"
	    "t/e.yaml:6:30: error: unknown input format „edice“, ignored (the "
	    "format is then recognised from the file); use mapa, registr, "
	    "katalog or csv [edition]\n"
	    "t/e.yaml:6:37: warning: unknown field „kod“ in an input of vstupy, "
	    "ignored [unknown-key]\n", "formats and purposes");
	expect(HEAD "filtry:\n  cilove_skupiny: [senioři, seniory, hasiči]\n",
	    "t/e.yaml:6:29: error: unknown target group „seniory“ in "
	    "filtry.cilove_skupiny, ignored; did you mean „seniori“? "
	    "[unknown-code]\n"
	    "t/e.yaml:6:38: error: unknown target group „hasiči“ in "
	    "filtry.cilove_skupiny, ignored [unknown-code]\n", "target groups");
}

static void
test_files(void)
{
	struct edition	*e;
	char		 abs[256], yaml[512];

	put("a.json", "{}\n");
	put("b.json", "{}\n");
	put("e.yaml", "nazev: M\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy:\n  - soubor: a.json\n  - soubor: chybi.json\n"
	    "  - soubor: registr\n    ciselniky: nic\n  - b.json\n"
	    "  - ./a.json\n  - a.json\n"
	    "publicita: {loga: [a.json, logo.svg]}\n"
	    "predchozi_data: /dev/null\n");
	put("registr/x", "");
	e = load("e.yaml");
	STR_EQ(msgs, "t/e.yaml:6:13: error: cannot open input file "
	    "„chybi.json“ (t/chybi.json): No such file or directory; input "
	    "skipped [io]\n"
	    "t/e.yaml:7:13: error: cannot open input file „registr“ "
	    "(t/registr): it is a directory; input skipped [io]\n"
	    "t/e.yaml:8:16: error: cannot open codebook directory „nic“ "
	    "(t/nic): No such file or directory; codebook labels stay empty "
	    "[io]\n"
	    "t/e.yaml:10:5: warning: „./a.json“ is already listed in vstupy "
	    "(line 5); loaded once [edition]\n"
	    "t/e.yaml:11:5: warning: „a.json“ is already listed in vstupy (line "
	    "5); loaded once [edition]\n"
	    "t/e.yaml:12:28: error: cannot open logo „logo.svg“ (t/logo.svg): "
	    "No such file or directory; logo left out [io]\n"
	    "t/e.yaml:13:17: error: cannot open the previous edition's data "
	    "„/dev/null“: not a regular file; no list of changes can be made "
	    "[io]\n", "missing files");
	INT_EQ(e->ninputs, 2, "the readable inputs stay, once each");
	OK(strstr(e->inputs[1].path.s, "/b.json") != NULL, "second input");
	INT_EQ(e->publicity.nlogos, 1, "one logo");
	OK(e->previous_data.s == NULL, "no previous data");
	edition_free(e);

	/* An edition named without a directory: paths stay as written. */
	snprintf(abs, sizeof abs, "%s/a.json", dir);
	snprintf(yaml, sizeof yaml, "nazev: M\nuzemi: {nazev: U}\nudaje_k: "
	    "2026-09-01\nvstupy: [\"%s\", zadny-takovy.json]\n", abs);
	{
		struct diag	*d = diag_new(NULL);

		e = edition_parse("e.yaml", yaml, strlen(yaml), d);
		INT_EQ(e->ninputs, 1, "absolute input");
		STR_EQ(e->inputs[0].path.s, abs, "absolute kept");
		INT_EQ(diag_count_code(d, D_IO), 1, "relative one missing");
		edition_free(e);
		diag_free(d);
	}
}


/* varianty: each variant read, checked and turned into a whole edition. */
static void
test_variants(void)
{
	struct edition	*e, *v;

	put("a.json", "{}");
	put("e.yaml", HEAD
	    "filtry: {obce: [Hulín, Chropyně]}\n"
	    "obyvatele: {celkem: 9000}\n"
	    "vystupy: {pdf: out/all.pdf}\n"
	    "varianty:\n"
	    "  - id: hulin\n"
	    "    nazev: Mapa – Hulín\n"
	    "    uzemi: Hulín\n"
	    "    filtry: {obce: [hulin]}\n"
	    "    vystupy: {pdf: out/hulin.pdf, tisk: out/hulin-tisk.pdf}\n"
	    "  - id: seniori\n"
	    "    podtitul: Pro seniory\n"
	    "    filtry: {cilove_skupiny: [senioři, pecujici]}\n"
	    "    vystupy: {xlsx: out/seniori.xlsx}\n");
	e = load("e.yaml");
	STR_EQ(msgs, "", "variants: no messages");
	INT_EQ(e->nvariants, 2, "two variants");
	OK(e->variant == NULL, "the edition is no variant");
	STR_EQ(e->variants[0].id.s, "hulin", "id");
	INT_EQ(e->variants[0].id.pos.line, 9, "id line");

	v = edition_for_variant(e, 0, cur);
	OK(v != NULL && v != e, "variant 0 made");
	OK(v->variant == &e->variants[0], "knows its variant");
	INT_EQ(v->nvariants, 0, "no variants of its own");
	STR_EQ(v->title.s, "Mapa – Hulín", "title replaced");
	STR_EQ(v->territory.s, "Hulín", "territory replaced");
	STR_EQ(v->subtitle.s == NULL ? "(none)" : v->subtitle.s, "(none)",
	    "subtitle kept (none)");
	INT_EQ(v->filter.nobce, 1, "one municipality");
	STR_EQ(v->filter.obce[0], "Hulín", "in the edition's spelling");
	INT_EQ(v->nmunicipalities, 1, "municipalities for the statistics");
	INT_EQ(v->municipalities[0].pos.line, 12, "position of the value");
	INT_EQ(v->population.total.n, -1, "no population: no rates");
	OK(strstr(v->outputs.pdf.s, "/out/hulin.pdf") != NULL, "own pdf");
	OK(strstr(v->outputs.print.s, "/out/hulin-tisk.pdf") != NULL,
	    "own print pdf");
	OK(v->outputs.xlsx.s == NULL, "no workbook: not the edition's");
	INT_EQ(v->ninputs, e->ninputs, "same inputs");
	INT_EQ(v->data_date.y, 2026, "same data date");
	INT_EQ(v->filter.active_on.y, 2026, "same date filter");
	edition_free(v);

	v = edition_for_variant(e, 1, cur);
	STR_EQ(v->title.s, "Mapa", "title kept");
	STR_EQ(v->subtitle.s, "Pro seniory", "subtitle replaced");
	INT_EQ(v->filter.nobce, 2, "the edition's municipalities");
	INT_EQ(v->population.total.n, 9000, "and its population");
	INT_EQ(v->ntarget_filter, 2, "target groups");
	STR_EQ(v->target_filter[1].item->code, "pecujici", "by code");
	OK(strstr(v->outputs.xlsx.s, "/out/seniori.xlsx") != NULL, "xlsx");
	OK(v->outputs.pdf.s == NULL, "no pdf");
	edition_free(v);
	OK(edition_for_variant(e, 2, cur) == NULL, "out of range");
	edition_free(e);

	/* without varianty nothing changes */
	put("e.yaml", HEAD);
	e = load("e.yaml");
	INT_EQ(e->nvariants, 0, "no variants");
	OK(e->variants == NULL, "no array");
	OK(edition_for_variant(e, 0, cur) == NULL, "none to make");
	edition_free(e);

	/* a variant narrows the edition's target groups, never widens */
	expect(HEAD "filtry: {cilove_skupiny: [seniori]}\n"
	    "varianty:\n"
	    "  - {id: a, filtry: {cilove_skupiny: [seniori, pecujici]},"
	    " vystupy: {pdf: a.pdf}}\n"
	    "  - {id: b, vystupy: {pdf: a.pdf}}\n"
	    "  - {id: A, vystupy: {xlsx: b.xlsx}}\n",
	    "t/e.yaml:7:48: warning: variant „a“: target group „pecujici“ is "
	    "not among the edition's filtry.cilove_skupiny, and a variant only "
	    "narrows them; dropped [edition]\n"
	    "t/e.yaml:8:28: error: „t/a.pdf“ is also written by vystupy.pdf of "
	    "variant „a“ (line 7): each output needs its own file [edition]\n"
	    "t/e.yaml:9:10: error: variant id „A“ is already used (line 7): "
	    "each variant needs its own; this one ignored [edition]\n",
	    "narrowing, duplicate output and id");
}

static void
test_not_yaml(void)
{
	struct edition	*e;

	put("bad.yaml", "nazev: Mapa\nuzemi:\n\tnazev: ORP\n");
	e = load("bad.yaml");
	OK(e == NULL, "syntax error: no edition");
	STR_EQ(msgs, "t/bad.yaml:3:1: error: a tab character cannot indent "
	    "YAML; use spaces [yaml-syntax]\n", "tab");
	put("cp.yaml", "nazev: Mapa\nuzemi: {nazev: ORP Krom\xec\xf8\xed\x9e}\n");
	e = load("cp.yaml");
	OK(e == NULL, "bad UTF-8: no edition");
	STR_EQ(msgs, "t/cp.yaml:2:24: error: the file is not valid UTF-8 "
	    "(byte 0xEC); it looks like windows-1250, where this reads "
	    "„Kroměříž“: save the file as UTF-8 [bad-utf8]\n", "cp1250");
	e = load("does-not-exist.yaml");
	OK(e == NULL, "unreadable: no edition");
	STR_EQ(msgs, "mapa: error: cannot read the edition file "
	    "t/does-not-exist.yaml: No such file or directory [io]\n",
	    "unreadable");
}

int
main(void)
{
	char	 cmd[128];

	cb_init();
	snprintf(dir, sizeof dir, "/tmp/mapa-edition-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_full);
	RUN(test_defaults);
	RUN(test_required);
	RUN(test_types);
	RUN(test_values);
	RUN(test_names);
	RUN(test_files);
	RUN(test_not_yaml);
	RUN(test_variants);
	diag_free(cur);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return DONE();
}
