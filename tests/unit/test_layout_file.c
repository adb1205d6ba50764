/*
 * Unit tests of layout files: the three shipped layouts load without a
 * message and say what they promise (A5 pocket guide, A4 in two columns,
 * large print for weak sight); units and defaults; and each check with its
 * message and position: unknown keys, wrong types, bad values, fonts and
 * faces that are not in fonts/, labels the fonts cannot print, a page with
 * no room, contrast; finding a layout from an edition. Run from the top of
 * the checkout (tests/run.sh does).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codebook.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "harness.h"
#include "testutil.h"
#include "layout_file.h"
#include "util.h"

#define MM	(72.0 / 25.4)

static struct fonts *fonts;
static char	 msgs[16384];
static int	 nerrors, nwarnings;

/* Keeps what a diag printed in msgs, and its counts. */
static void
collect(struct capture *cap)
{
	capture_copy(cap, msgs, sizeof msgs);
	nerrors = diag_count(cap->d, DIAG_ERROR) +
	    diag_count(cap->d, DIAG_FATAL);
	nwarnings = diag_count(cap->d, DIAG_WARNING);
	capture_close(cap);
}

/* Parses text as the layout file "t.yaml". */
static struct layout_spec *
parse(const char *text)
{
	struct capture	 cap;
	struct diag	*d = capture_open(&cap);
	struct layout_spec *ls;

	ls = lspec_parse("t.yaml", text, strlen(text), fonts, d);
	collect(&cap);
	return ls;
}

static struct layout_spec *
load(const char *path)
{
	struct capture	 cap;
	struct diag	*d = capture_open(&cap);
	struct layout_spec *ls;

	ls = lspec_load(path, fonts, d);
	collect(&cap);
	return ls;
}

static bool
has(const char *s)
{
	if (strstr(msgs, s) != NULL)
		return true;
	printf("  not found: %s\n  in: %s", s, msgs);
	return false;
}

static bool
near(double a, double b)
{
	return fabs(a - b) < 0.01;
}

/* A valid layout to change one thing in. */
#define BASE_PAGE	"strana: {format: A5}\n"
#define BASE_FONT	"pismo:\n  text: {rodina: Charis SIL, velikost: 10}\n"

static void
test_a5(void)
{
	struct layout_spec *ls = load("layouts/a5-brochure.yaml");

	OK(ls != NULL, "loads");
	if (ls == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	STR_EQ(ls->page_name, "A5", "A5");
	OK(near(ls->page_w, 148 * MM) && near(ls->page_h, 210 * MM), "size");
	INT_EQ(ls->columns, 1, "one column");
	OK(near(ls->inner, 17 * MM) && near(ls->outer, 15 * MM), "margins");
	OK(near(ls->bleed, 3 * MM), "bleed");
	STR_EQ(ls->font[LSR_TEXT].family, "Charis SIL", "body family");
	OK(ls->font[LSR_TEXT].size >= 10 && ls->font[LSR_TEXT].size <= 10.5,
	    "10 to 10.5 pt body");
	OK(near(ls->font[LSR_TEXT].leading, 14), "leading");
	STR_EQ(ls->font[LSR_HEADING].family, "Andika", "heading family");
	INT_EQ(ls->font[LSR_HEADING].face, LSF_BOLD, "bold headings");
	INT_EQ(ls->font[LSR_SMALL].face, LSF_ITALIC, "italic small print");
	INT_EQ(ls->font[LSR_HEADING].rgb, 0x1f4e79, "accent colour by name");
	INT_EQ(ls->colour[LSC_TINT], 0xeaf0f6, "tint");
	OK(ls->justify && ls->hyphenate, "justified and hyphenated");
	INT_EQ(ls->max_hyphens, 3, "three hyphens in a row");
	STR_EQ(ls->typo.tie_letters, "kKsSvVzZoOuUaAiI", "tie set");
	INT_EQ(ls->head.recto, LSRT_SECTION, "section on recto");
	INT_EQ(ls->head.verso, LSRT_TITLE, "title on verso");
	INT_EQ(ls->foot.folio, LSP_OUTER, "folio outside");
	OK(!ls->head.on_opening, "no head on openings");
	INT_EQ(ls->entry.items[0].field, LSD_TYPE, "entry starts with druh");
	OK(ls->entry.items[2].field == LSD_ADDRESS &&
	    ls->entry.items[2].pictogram, "address as a pictogram row");
	STR_EQ(ls->entry.items[2].label, "Adresa", "default label");
	INT_EQ(ls->entry.items[7].field, LSD_TARGETS, "targets");
	STR_EQ(ls->entry.items[7].label, "Pro koho", "given label");
	INT_EQ(ls->contact.items[0].field, LSD_CATEGORY, "contact template");
	STR_EQ(ls->contact.items[0].label, NULL, "category has no label");
	OK(ls->pictograms && !ls->qr, "pictograms, no QR");
	INT_EQ(ls->section_start, LSS_NEW_PAGE, "sections on a new page");
	OK(near(lspec_column_width(ls), 116 * MM), "column width");
	OK(near(ls->entry.label_width, 24 * MM), "hanging labels");
	lspec_free(ls);
}

static void
test_a4(void)
{
	struct layout_spec *ls = load("layouts/a4-directory.yaml");

	OK(ls != NULL, "loads");
	if (ls == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	STR_EQ(ls->page_name, "A4", "A4");
	INT_EQ(ls->columns, 2, "two columns");
	OK(near(lspec_column_width(ls), 83 * MM), "83 mm columns");
	OK(near(lspec_text_height(ls), 257 * MM), "type area height");
	OK(ls->balance, "columns balanced");
	INT_EQ(ls->foot.align, LSP_INNER, "foot text inside");
	INT_EQ(ls->foot.folio, LSP_OUTER, "folio outside");
	lspec_free(ls);
}

/* Large print keeps its promises: big, loose, ragged, plain, contrasty. */
static void
test_large_print(void)
{
	struct layout_spec *ls = load("layouts/large-print.yaml");
	int		 r;

	OK(ls != NULL, "loads");
	if (ls == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	OK(ls->font[LSR_TEXT].size >= 14, "body at least 14 pt");
	OK(ls->font[LSR_TEXT].leading >= 1.35 * ls->font[LSR_TEXT].size,
	    "leading at least 1.35");
	for (r = 0; r < LSR__MAX; r++) {
		OK(ls->font[r].size >= 14, lspec_role_name((enum lspec_role)r));
		OK(ls->font[r].face == LSF_REGULAR ||
		    ls->font[r].face == LSF_BOLD, "no italics");
	}
	OK(!ls->justify, "ragged right");
	OK(!ls->hyphenate, "no hyphenation");
	OK(ls->min_contrast >= 7, "AAA contrast asked");
	INT_EQ(ls->colour[LSC_TEXT], 0x000000, "black text");
	INT_EQ(ls->colour[LSC_PAPER], 0xffffff, "white paper");
	lspec_free(ls);
}

static void
test_units_defaults(void)
{
	struct layout_spec *ls;

	ls = parse(BASE_PAGE BASE_FONT);
	OK(ls != NULL, "minimal layout");
	if (ls == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	OK(near(ls->font[LSR_TEXT].leading, 13), "leading 1.3 by default");
	STR_EQ(ls->font[LSR_HEADING].family, "Charis SIL",
	    "roles not given are set like text");
	OK(near(ls->top, 15 * MM), "15 mm margins");
	INT_EQ(ls->entry.nitems, 10, "default entry template");
	INT_EQ(ls->head.folio, LSP_NONE, "no running head by default");
	INT_EQ(ls->foot.folio, LSP_OUTER, "folio by default");
	OK(ls->justify && ls->hyphenate && ls->balance, "default switches");
	OK(near(ls->min_contrast, 4.5), "WCAG AA by default");
	lspec_free(ls);

	ls = parse("strana:\n  sirka: \"12 cm\"\n  vyska: 200\n"
	    "  okraje: 1,2 cm\n  spadavka: 8pt\n"
	    "pismo:\n  text: {rodina: charis sil, velikost: \"10,5 pt\", "
	    "proklad: 140 %}\n  nadpis: {rez: Tučný, velikost: 20}\n");
	OK(ls != NULL, "units");
	if (ls == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	STR_EQ(ls->page_name, NULL, "no paper name");
	OK(near(ls->page_w, 120 * MM) && near(ls->page_h, 200 * MM), "cm, mm");
	OK(near(ls->inner, 12 * MM) && near(ls->bottom, 12 * MM),
	    "one length for all margins");
	OK(near(ls->bleed, 8), "points");
	STR_EQ(ls->font[LSR_TEXT].family, "Charis SIL", "family as fonts/ has it");
	OK(near(ls->font[LSR_TEXT].size, 10.5), "decimal comma");
	OK(near(ls->font[LSR_TEXT].leading, 14.7), "percent of the size");
	INT_EQ(ls->font[LSR_HEADING].face, LSF_BOLD, "face with diacritics");
	OK(near(ls->font[LSR_HEADING].leading, 28), "leading keeps the ratio");
	lspec_free(ls);
}

static void
test_unknown_and_types(void)
{
	struct layout_spec *ls;

	ls = parse(BASE_PAGE BASE_FONT "sloupce: 2\nsazba:\n"
	    "  zarovnani: do bloku\n  deleni_slv: true\n");
	OK(ls != NULL, "spec despite problems");
	OK(has("t.yaml:4:1: warning: unknown field „sloupce“ in the layout, "
	    "ignored"), "unknown top-level key");
	OK(has("t.yaml:7:3: warning: unknown field „deleni_slv“ in sazba, "
	    "ignored; did you mean „deleni_slov“?"), "suggestion");
	OK(ls != NULL && ls->justify, "„do bloku“ folds to do_bloku");
	lspec_free(ls);

	ls = parse("strana: {format: A5, sloupce: dva, spadavka: true}\n"
	    BASE_FONT "piktogramy: ano\n");
	OK(has("t.yaml:1:31: error: strana.sloupce must be number, not text "
	    "[wrong-type]"), "text for a number");
	OK(has("t.yaml:1:46: error: strana.spadavka must be number, not "
	    "true/false [wrong-type]"), "a boolean for a length");
	OK(has("t.yaml:4:13: error: piktogramy must be true or false, not "
	    "text „ano“ [wrong-type]"), "ano is text");
	OK(ls != NULL && ls->columns == 1 && ls->pictograms, "defaults kept");
	lspec_free(ls);

	OK(parse("- a\n- b\n") == NULL, "a list is no layout");
	OK(has("t.yaml:1:1: error: a layout file must be a set of keys"),
	    "said so");
	OK(parse("") == NULL, "an empty file");
	OK(has("t.yaml: error: a layout file must be a set of keys"),
	    "said for the whole file");
	OK(parse("strana: [\n") == NULL, "syntax error");
	OK(has("[yaml-syntax]"), "reported by the YAML reader");
}

static void
test_bad_values(void)
{
	struct layout_spec *ls;

	ls = parse("strana:\n  format: A7\n  sloupce: 9\n  okraje: {horni: "
	    "-5}\n  mezera_sloupcu: 3 palce\n" BASE_FONT
	    "zlom: {oddil_zacina: licha}\n"
	    "sazba: {vazne_znaky: \"k, s, 2\", max_deleni_za_sebou: 2.5}\n");
	OK(ls != NULL, "spec");
	OK(has("t.yaml:2:11: error: unknown paper format „A7“, the page is A5; "
	    "did you mean „A4“?"), "paper");
	OK(has("t.yaml:3:12: error: strana.sloupce must be from 1 to 4, not "
	    "„9“; ignored [bad-value]"), "columns");
	OK(has("t.yaml:4:19: error: strana.okraje.horni must be a length"),
	    "negative margin");
	OK(has("t.yaml:5:19: error: strana.mezera_sloupcu must be a length "
	    "such as „12“ or „12 mm“, not „3 palce“"), "unknown unit");
	OK(has("t.yaml:8:22: error: unknown value „licha“ for "
	    "zlom.oddil_zacina, ignored; did you mean „licha_strana“?"),
	    "enum suggestion");
	OK(has("t.yaml:9:22: error: sazba.vazne_znaky must be the one-letter "
	    "words"), "ties");
	OK(has("t.yaml:9:54: error: sazba.max_deleni_za_sebou must be a whole "
	    "number"), "not whole");
	if (ls != NULL) {
		STR_EQ(ls->page_name, "A5", "paper default");
		INT_EQ(ls->columns, 1, "columns default");
		OK(near(ls->top, 15 * MM), "margin default");
		STR_EQ(ls->typo.tie_letters, "kKsSvVzZoOuUaAiI", "tie default");
		INT_EQ(ls->section_start, LSS_NEW_PAGE, "start default");
	}
	lspec_free(ls);

	ls = parse(BASE_PAGE "pismo:\n  text: {rodina: Charis SIL, "
	    "velikost: 10, proklad: 9}\n  nadpis: {velikost: 200}\n"
	    "  popisek: {proklad: 400 %}\n");
	OK(has("t.yaml:3:53: error: pismo.text.proklad „9“ is less than the "
	    "size, so lines would overlap; ignored"), "leading below size");
	OK(has("t.yaml:4:22: error: pismo.nadpis.velikost „200“ is out of "
	    "range: 4 to 120 pt; ignored"), "size range");
	OK(has("t.yaml:5:22: error: pismo.popisek.proklad „400 %“ is more than "
	    "three times the size; ignored"), "leading range");
	lspec_free(ls);

	ls = parse(BASE_PAGE BASE_FONT "barvy:\n  text: #222222\n  akcent: "
	    "\"#12345g\"\n  papir: \"#fff\"\n");
	OK(has("t.yaml:5:8: warning: barvy.text has no value; a colour must be "
	    "quoted"), "comment hint");
	OK(has("t.yaml:6:11: error: barvy.akcent must be a colour \"#rrggbb\""),
	    "bad hex");
	if (ls != NULL)
		INT_EQ(ls->colour[LSC_PAPER], 0xffffff, "short hex");
	lspec_free(ls);
}

static void
test_fonts(void)
{
	struct layout_spec *ls;

	ls = parse(BASE_PAGE "pismo:\n  text: {rodina: Charis, velikost: 10}\n"
	    "  nadpis: {rodina: Helvetica}\n"
	    "  drobne: {rodina: Andika, rez: kurziva}\n"
	    "  titul: {rodina: Andika, rez: tucna kurziva}\n");
	OK(has("t.yaml:3:18: error: pismo.text.rodina: there is no font family "
	    "„Charis“ in fonts/; did you mean „Charis SIL“? [font-missing]"),
	    "family suggested");
	OK(has("t.yaml:4:20: error: pismo.nadpis.rodina: there is no font "
	    "family „Helvetica“ in fonts/ (it has Andika and Charis SIL) "
	    "[font-missing]"), "families listed");
	OK(has("t.yaml:5:33: error: pismo.drobne: Andika has no italic face in "
	    "fonts/ (only regular, bold)"), "no italic");
	OK(has("t.yaml:6:32: error: pismo.titul: Andika has no bold italic "
	    "face"), "no bold italic");
	lspec_free(ls);

	/* Without fonts only the file itself is checked. */
	{
		struct capture	 cap;
		struct diag	*d = capture_open(&cap);
		const char	*t = BASE_PAGE "pismo:\n  text: {rodina: Nic, "
				    "velikost: 10}\n";

		ls = lspec_parse("t.yaml", t, strlen(t), NULL, d);
		collect(&cap);
		STR_EQ(msgs, "", "no font checks without fonts");
		STR_EQ(ls != NULL ? ls->font[LSR_TEXT].family : NULL, "Nic",
		    "family kept");
		lspec_free(ls);
	}
}

static void
test_templates(void)
{
	struct layout_spec *ls;

	ls = parse(BASE_PAGE BASE_FONT "zaznam:\n  pole:\n    - telefon\n"
	    "    - nazev\n    - kategorie\n    - {pole: druh, piktogram: true}\n"
	    "    - {pole: weby, popisek: \"Web 網\", piktogram: true}\n"
	    "    - {popisek: x}\n    - druh\n    - {pole: uhrada, popisek: "
	    "false, barva: red}\n  mezera: 12\n  sirka_popisku: 70\n");
	OK(ls != NULL, "spec");
	OK(has("t.yaml:6:7: error: unknown field „telefon“ in zaznam.pole, "
	    "dropped; did you mean „telefony“?"), "field suggestion");
	OK(has("t.yaml:7:7: warning: the name always heads an entry; „nazev“ "
	    "dropped"), "nazev");
	OK(has("t.yaml:8:7: error: zaznam.pole cannot show „kategorie“ (it is a "
	    "field of kontakt)"), "wrong template");
	OK(has("t.yaml:9:31: warning: druh has no pictogram; the row keeps its "
	    "label"), "no pictogram");
	OK(has("t.yaml:10:34: error: zaznam.pole.weby.popisek: Charis SIL has "
	    "no glyph for U+7DB2 „網“; it would print as an empty box"),
	    "glyph missing at its column (labels are set like text here)");
	OK(has("[glyph-missing]"), "code");
	OK(has("t.yaml:11:7: error: an item of zaznam.pole has no pole"),
	    "item without a field");
	OK(has("t.yaml:12:7: warning: druh is listed twice in zaznam.pole"),
	    "duplicate");
	OK(has("t.yaml:15:18: warning: zaznam.sirka_popisku „70“ takes more "
	    "than half of a column (118 mm)"), "label column too wide");
	OK(has("t.yaml:13:38: warning: unknown field „barva“ in an item of "
	    "zaznam.pole"), "unknown item key");
	if (ls != NULL) {
		INT_EQ(ls->entry.nitems, 3, "three fields kept");
		INT_EQ(ls->entry.items[0].field, LSD_TYPE, "druh");
		OK(!ls->entry.items[0].pictogram, "pictogram dropped");
		STR_EQ(ls->entry.items[1].label, "Web 網", "label kept");
		STR_EQ(ls->entry.items[2].label, NULL, "label switched off");
		OK(near(ls->entry.space, 12), "spacing");
		OK(near(ls->entry.label_width, 70 * MM), "still used");
		OK(near(ls->contact.label_width, 0), "run-in labels by default");
		INT_EQ(ls->contact.nitems, 7, "default contact template");
	}
	lspec_free(ls);
}

static void
test_geometry_bands_contrast(void)
{
	struct layout_spec *ls;

	ls = parse("strana: {format: A6, okraje: 45}\n" BASE_FONT);
	OK(has("t.yaml:1:9: error: the margins leave a type area of only 15 × "
	    "58 mm on a 105 × 148 mm page"), "no room");
	lspec_free(ls);

	ls = parse("strana: {format: A6, sloupce: 2, okraje: 10}\n" BASE_FONT);
	OK(has("t.yaml:1:9: warning: a column is 40 mm wide, about 22 "
	    "characters of 10 pt text a line"), "narrow columns");
	lspec_free(ls);

	ls = parse("strana: {format: A5, okraje: {horni: 8}}\n" BASE_FONT
	    "zahlavi: {text: oddil, zarovnani: vnejsi, folio: vnejsi, odstup: 6}\n"
	    "zapati: {text: {licha: uzemi, suda: nic}, zarovnani: nic}\n");
	OK(has("t.yaml:4:50: error: zahlavi: the folio and the text would both "
	    "stand vnejsi; the folio is left out"), "folio clash");
	OK(has("t.yaml:4:10: error: zahlavi does not fit in the top margin: it "
	    "needs 10.6 mm (odstup and one 13 pt line), the margin is 8 mm"),
	    "band too big");
	OK(has("t.yaml:5:54: error: zapati.zarovnani cannot be nic"), "align");
	if (ls != NULL) {
		INT_EQ(ls->head.folio, LSP_NONE, "folio dropped");
		INT_EQ(ls->foot.recto, LSRT_TERRITORY, "recto");
		INT_EQ(ls->foot.verso, LSRT_NONE, "verso");
		INT_EQ(ls->foot.align, LSP_INNER,
		    "the default place gives way to the folio");
		INT_EQ(ls->foot.folio, LSP_OUTER, "folio where it was");
	}
	lspec_free(ls);

	ls = parse(BASE_PAGE "pismo:\n  text: {rodina: Charis SIL, velikost: "
	    "10, barva: \"#999999\"}\nbarvy: {podklad: \"#333333\"}\n"
	    "min_kontrast: 3\n");
	OK(has("t.yaml:3:9: warning: pismo.text: #999999 on papir #ffffff has a "
	    "contrast of 2.8:1, less than min_kontrast 3:1"), "low contrast");
	OK(has("t.yaml:3:9: warning: pismo.nadpis: #000000 on podklad #333333 "
	    "has a contrast of 1.6:1"), "headings on the tint");
	OK(strstr(msgs, "pismo.zaznam") == NULL, "one message a colour pair");
	INT_EQ(nwarnings, 2, "two warnings");
	lspec_free(ls);

	ls = parse(BASE_PAGE BASE_FONT "zahlavi: false\nzapati: nic\n");
	STR_EQ(msgs, "", "bands switched off");
	if (ls != NULL)
		OK(ls->head.folio == LSP_NONE && ls->foot.folio == LSP_NONE,
		    "no folios");
	lspec_free(ls);
}

/* Writes s to path. */
static void
put(const char *path, const char *s)
{
	FILE	*f = fopen(path, "w");

	if (f == NULL)
		abort();
	fputs(s, f);
	fclose(f);
}

static void
test_editions(void)
{
	char		 dir[] = "/tmp/mapa-layout-XXXXXX", path[128], *p;
	const char	*ed;
	struct edition	*e;
	struct diag	*d;
	struct capture	 cap;
	bool		 ok;

	p = lspec_path("a5-brochure", "x/edice.yaml");
	STR_EQ(p, "./layouts/a5-brochure.yaml", "a name is looked up in data");
	free(p);
	p = lspec_path("moje.yaml", "x/edice.yaml");
	STR_EQ(p, "x/moje.yaml", "a file beside the edition");
	free(p);
	p = lspec_path("../r/moje", "x/edice.yaml");
	STR_EQ(p, "x/../r/moje", "a path with a slash");
	free(p);
	p = lspec_path("/abs/l.yml", "x/edice.yaml");
	STR_EQ(p, "/abs/l.yml", "an absolute path");
	free(p);

	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return;
	}
	ed = "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [{soubor: k.json}]\nrozvrzeni: a5-brozura\n";
	d = capture_open(&cap);
	snprintf(path, sizeof path, "%s/k.json", dir);
	put(path, "{}");
	e = edition_parse("e.yaml", ed, strlen(ed), d);
	ok = e != NULL && lspec_check_edition(e, d);
	edition_free(e);
	collect(&cap);
	OK(!ok, "an unknown name");
	OK(has("e.yaml:5:12: error: no layout „a5-brozura“; did you mean "
	    "„a5-brochure“? (the layouts are a4-directory, a5-brochure and "
	    "large-print) [edition]"), "names and suggestion");

	snprintf(path, sizeof path, "%s/vlastni.yaml", dir);
	put(path, "strana: {format: A4}\npismo:\n  text: {rodina: Andika, "
	    "velikost: 12, rez: kurziva}\n");
	ed = "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [{soubor: k.json}]\nrozvrzeni: vlastni.yaml\n";
	snprintf(path, sizeof path, "%s/e.yaml", dir);
	d = capture_open(&cap);
	e = edition_parse(path, ed, strlen(ed), d);
	ok = e != NULL && lspec_check_edition(e, d);
	edition_free(e);
	collect(&cap);
	OK(ok, "a layout beside the edition loads");
	OK(has("vlastni.yaml:3:45: error: pismo.text: Andika has no italic "
	    "face"), "and is checked");

	ed = "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [{soubor: k.json}]\n";
	d = capture_open(&cap);
	e = edition_parse(path, ed, strlen(ed), d);
	ok = e != NULL && lspec_check_edition(e, d);
	edition_free(e);
	collect(&cap);
	OK(ok, "no rozvrzeni: the default layout");
	STR_EQ(msgs, "", "which is clean");

	ed = "nazev: T\nuzemi: {nazev: U}\nudaje_k: 2026-09-01\n"
	    "vstupy: [{soubor: k.json}]\nrozvrzeni: chybi/l.yaml\n";
	d = capture_open(&cap);
	e = edition_parse(path, ed, strlen(ed), d);
	ok = e != NULL && lspec_check_edition(e, d);
	edition_free(e);
	collect(&cap);
	OK(!ok, "a missing layout file");
	OK(has(":5:12: error: cannot open the layout file „chybi/l.yaml“") &&
	    has("No such file or directory [io]"), "reported as I/O");

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		OK(0, "cleanup");
}

static void
test_all_layouts(void)
{
	static char	 a5[] = "layouts/a5-brochure.yaml";
	static char	 lp[] = "layouts/large-print.yaml";
	static char	 ed[] = "samples/kromeriz/edice.yaml";
	static char	 txt[] = "fonts/OFL-charis.txt";
	char		*v[] = { a5, lp, NULL };
	char		*w[] = { a5, ed };
	char		*x[] = { txt };

	OK(lspec_all_layouts(2, v), "two layouts");
	OK(!lspec_all_layouts(2, w), "an edition is not a layout");
	OK(!lspec_all_layouts(1, x), "nor is a text file");
	OK(!lspec_all_layouts(0, v), "nothing is not layouts");
}

int
main(void)
{
	cb_init();
	fonts_set_datadir(".");
	{
		struct capture	 cap;
		struct diag	*d = capture_open(&cap);

		fonts = fonts_open("fonts", d);
		collect(&cap);
	}
	OK(fonts != NULL, "fonts/ opens");
	RUN(test_a5);
	RUN(test_a4);
	RUN(test_large_print);
	RUN(test_units_defaults);
	RUN(test_unknown_and_types);
	RUN(test_bad_values);
	RUN(test_fonts);
	RUN(test_templates);
	RUN(test_geometry_bands_contrast);
	RUN(test_editions);
	RUN(test_all_layouts);
	fonts_close(fonts);
	return DONE();
}
