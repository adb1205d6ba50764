/*
 * Unit tests of compose.c: the small edition of tests/regress/doc/ built
 * as `mapa dump --doc` builds it, and the document checked for what the
 * page builder and the reader rely on — parts in the edition's order, a
 * service printed once in full and referred to elsewhere, references that
 * name anchors, unique anchors, Czech order in the indexes, the layout's
 * field order — plus a catalogue in memory for the glyph check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "codebook.h"
#include "compose.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "fonts.h"
#include "harness.h"
#include "layout_file.h"
#include "load.h"
#include "merge.h"
#include "model.h"
#include "stats.h"
#include "strmap.h"
#include "testutil.h"
#include "util.h"
#include "validate.h"

#define EDITION	"tests/regress/doc/mala.yaml"

struct fixture {
	struct capture	  cap;
	struct catalogue *c;
	struct edition	 *e;
	struct stats	 *st;
	struct fonts	 *fonts;
	struct layout_spec *ls;
	struct doc	 *doc;
};

/* Builds the document of an edition with a layout file (NULL: its own). */
static bool
fixture_open(struct fixture *f, const char *edition, const char *layout)
{
	struct build_opts bo = { FMT_AUTO, { 0, 0, 0, { NULL, 0, 0 } } };
	char		*argv[1] = { (char *)edition };
	char		*path;

	memset(f, 0, sizeof *f);
	capture_open(&f->cap);
	f->c = build_catalogue(1, argv, &bo, f->cap.d, &f->e);
	if (f->e == NULL)
		return false;
	f->fonts = fonts_open("fonts", f->cap.d);
	path = layout != NULL ? xstrdup(layout) :
	    lspec_path(f->e->layout.s != NULL ? f->e->layout.s :
	    LSPEC_DEFAULT, f->e->file);
	f->ls = lspec_load(path, f->fonts, f->cap.d);
	free(path);
	if (f->ls == NULL)
		return false;
	f->st = stats_compute(f->c, NULL);
	f->doc = compose(f->c, f->e, f->st, f->ls, f->fonts,
	    "2026-09-01T00:00:00Z", f->cap.d);
	return f->doc != NULL;
}

static void
fixture_close(struct fixture *f)
{
	compose_free(f->doc);
	stats_free(f->st);
	lspec_free(f->ls);
	fonts_close(f->fonts);
	edition_free(f->e);
	model_free(f->c);
	capture_close(&f->cap);
}

/* Opens the fixture or says why not (and the test stops). */
static bool
fixture(struct fixture *f, const char *edition, const char *layout)
{
	bool	 ok = fixture_open(f, edition, layout);

	OK(ok, "fixture");
	if (!ok) {
		printf("%s", capture_text(&f->cap));
		fixture_close(f);
	}
	return ok;
}

/* The plain text of a paragraph's spans (no labels). */
static const char *
par_text(const struct doc_par *p, char *out, size_t sz)
{
	size_t	 i, n = 0;

	out[0] = '\0';
	for (i = 0; i < p->nspans && n + 1 < sz; i++) {
		size_t	 k = p->spans[i].len;

		if (k > sz - n - 1)
			k = sz - n - 1;
		memcpy(out + n, p->spans[i].text, k);
		n += k;
		out[n] = '\0';
	}
	return out;
}

static const struct doc_section *
section_titled(const struct doc *d, const char *title)
{
	size_t	 i;

	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].title != NULL &&
		    strcmp(d->sections[i].title, title) == 0)
			return &d->sections[i];
	return NULL;
}

/* Calls fn on every paragraph of a section. */
#define EACH_PAR(s, p)							\
	for (size_t b_ = 0; b_ < (s)->nblocks; b_++)			\
		for (size_t p_ = 0; p_ < (s)->blocks[b_].npars &&		\
		    ((p) = &(s)->blocks[b_].pars[p_]) != NULL; p_++)

static void
test_order(void)
{
	struct fixture	 f;
	const char	*want[] = {
		NULL, "Tiráž", "Úvodní slovo", "Jak používat katalog",
		"Obsah", "Rozcestník podle životních situací", "Senioři",
		"Rodiny, děti a mládež", "Lidé v krizi a v obtížné situaci",
		"Závislosti", "Cizinci a menšiny", "Další služby",
		"Návazné služby", "Úřady a instituce",
		"Krizové linky a tísňová volání", "Rejstřík poskytovatelů",
		"Rejstřík služeb podle druhu", "Rejstřík služeb podle obcí",
		NULL
	};
	size_t		 i, seq = 0;

	if (!fixture(&f, EDITION, NULL))
		return;
	INT_EQ(f.doc->nsections, NELEM(want), "sections");
	for (i = 0; i < f.doc->nsections && i < NELEM(want); i++)
		STR_EQ(f.doc->sections[i].title, want[i], "section title");
	OK(f.doc->sections[0].cover && !f.doc->sections[0].folio,
	    "the cover has no folio");
	OK(f.doc->sections[f.doc->nsections - 1].cover, "back cover");
	INT_EQ(f.doc->sections[5].numbering, DF_ROMAN, "signpost roman");
	INT_EQ(f.doc->sections[6].numbering, DF_ARABIC, "chapters arabic");
	INT_EQ(f.doc->sections[4].columns, 1, "contents in one column");
	STR_EQ(f.doc->meta.title, "Mapa pomoci – ORP Kroměříž 2026",
	    "meta title");
	STR_EQ(f.doc->meta.lang, "cs-CZ", "lang");
	/* seq numbers run in document order */
	for (i = 0; i < f.doc->nsections; i++) {
		const struct doc_par *p;

		EACH_PAR(&f.doc->sections[i], p) {
			INT_EQ(p->seq, seq, "seq");
			seq++;
		}
	}
	INT_EQ(f.doc->npars, seq, "npars");
	STR_EQ(capture_text(&f.cap), "", "no messages");
	fixture_close(&f);
}

/* Rodinná poradna (senioři, rodiny s dětmi): in full once, then a line. */
static void
test_once_in_full(void)
{
	struct fixture	 f;
	const struct doc_section *sen, *rod;
	const struct doc_par *p;
	size_t		 i, k, full = 0, refs = 0;

	if (!fixture(&f, EDITION, NULL))
		return;
	for (i = 0; i < f.doc->nsections; i++)
		EACH_PAR(&f.doc->sections[i], p)
			if (p->tag == DT_H3 && p->anchor != NULL &&
			    strcmp(p->anchor, "svc-1000002") == 0)
				full++;
	INT_EQ(full, 1, "printed in full once");
	sen = section_titled(f.doc, "Senioři");
	rod = section_titled(f.doc, "Rodiny, děti a mládež");
	OK(sen != NULL && rod != NULL, "both chapters");
	if (rod != NULL)
		EACH_PAR(rod, p)
			for (k = 0; k < p->nspans; k++)
				if (p->spans[k].ref != NULL && strcmp(
				    p->spans[k].ref, "svc-1000002") == 0) {
					refs++;
					INT_EQ(p->tag, DT_TOCI, "a TOCI line");
					STR_EQ(p->spans[0].dest, "svc-1000002",
					    "the name links");
				}
	INT_EQ(refs, 1, "one cross reference");
	fixture_close(&f);
}

/* Every ref and dest names an anchor; anchors are unique and ASCII. */
static void
test_anchors(void)
{
	struct fixture	 f;
	struct strmap	*m = strmap_new();
	const struct doc_par *p;
	size_t		 i, k, dup = 0, bad = 0, refs = 0;
	const char	*a;

	if (!fixture(&f, EDITION, NULL))
		return;
	for (i = 0; i < f.doc->nsections; i++)
		EACH_PAR(&f.doc->sections[i], p) {
			if ((a = p->anchor) == NULL)
				continue;
			if (strmap_get(m, a) != NULL)
				dup++;
			strmap_put(m, a, (void *)a);
			for (; *a != '\0'; a++)
				if ((unsigned char)*a >= 0x80 || *a == ' ')
					bad++;
		}
	INT_EQ(dup, 0, "duplicate anchors");
	INT_EQ(bad, 0, "non-ASCII anchors");
	for (i = 0; i < f.doc->nsections; i++) {
		OK(strmap_get(m, f.doc->sections[i].id) != NULL,
		    "a section's id is the anchor of a paragraph");
		EACH_PAR(&f.doc->sections[i], p)
			for (k = 0; k < p->nspans; k++) {
				const struct doc_span *s = &p->spans[k];

				if (s->ref != NULL) {
					refs++;
					OK(strmap_get(m, s->ref) != NULL,
					    s->ref);
				}
				if (s->dest != NULL)
					OK(strmap_get(m, s->dest) != NULL,
					    s->dest);
			}
	}
	OK(refs > 20, "references exist");
	strmap_free(m);
	fixture_close(&f);
}

/* Providers Chata, Čáp, Hrad, Cihla: C, Č, H, Ch. */
static void
test_index_order(void)
{
	struct fixture	 f;
	const struct doc_section *s;
	const struct doc_par *p;
	char		 buf[256], heads[64] = "", names[256] = "";

	if (!fixture(&f, EDITION, NULL))
		return;
	s = section_titled(f.doc, "Rejstřík poskytovatelů");
	OK(s != NULL, "provider index");
	if (s != NULL)
		EACH_PAR(s, p) {
			if (p->tag == DT_H2) {
				strcat(heads, par_text(p, buf, sizeof buf));
				strcat(heads, "|");
			} else if (p->tag == DT_TOCI && p->nspans == 1) {
				strncat(names, par_text(p, buf, sizeof buf),
				    4);
				strcat(names, "|");
			}
		}
	STR_EQ(heads, "C|Č|H|Ch|", "letter headings");
	STR_EQ(names, "Cihl|Čá|Hrad|Chat|", "providers in Czech order");
	/* services under Cihla: Ábel before Cesta ven */
	names[0] = '\0';
	if (s != NULL)
		EACH_PAR(s, p)
			if (p->tag == DT_TOCI && p->nspans == 3 &&
			    strlen(names) < 200) {
				strcat(names, p->spans[2].ref);
				strcat(names, "|");
			}
	STR_EQ(names, "svc-1000005|svc-1000004|svc-1000002|svc-1000003|"
	    "svc-1000001|", "services under providers");
	fixture_close(&f);
}

/* The entry's rows follow the layout's template. */
static void
test_template(void)
{
	static const char layout[] =
	    "strana: {format: A5}\n"
	    "pismo: {text: {rodina: Charis SIL}}\n"
	    "zaznam:\n"
	    "  pole: [telefony, {pole: druh, popisek: Typ}, identifikator,"
	    " vekove_skupiny, kapacity]\n"
	    "  sirka_popisku: 0\n"
	    "piktogramy: false\n";
	struct fixture	 f;
	const struct doc_section *s;
	const struct doc_par *p;
	char		 buf[512], rows[2048] = "";
	FILE		*fp;

	fp = fopen("build-test-compose-layout.yaml", "w");
	OK(fp != NULL, "temporary layout");
	if (fp == NULL)
		return;
	fputs(layout, fp);
	fclose(fp);
	if (!fixture(&f, EDITION, "build-test-compose-layout.yaml")) {
		remove("build-test-compose-layout.yaml");
		return;
	}
	remove("build-test-compose-layout.yaml");
	s = section_titled(f.doc, "Senioři");
	OK(s != NULL, "chapter");
	if (s != NULL)
		EACH_PAR(s, p) {
			if (strlen(rows) > 1500)
				break;
			strcat(rows, par_text(p, buf, sizeof buf));
			strcat(rows, "|");
		}
	STR_EQ(rows, "Senioři|Sociální poradenství|Rodinná poradna|"
	    "Telefon: 573\xc2\xa0" "339\xc2\xa0" "041, 739\xc2\xa0" "552"
	    "\xc2\xa0" "018|Typ: odborné sociální poradenství (§\xc2\xa0" "37)|"
	    "Identifikátor: 1000002|Věk: 16–\xe2\x81\xa0" "64\xc2\xa0let|"
	    "Kapacita: 4\xc2\xa0intervence (okamžitá kapacita)|"
	    "Služby sociální péče|Domov U\xc2\xa0Lípy|"
	    "Telefon: 573\xc2\xa0" "504\xc2\xa0" "110|"
	    "Typ: domovy pro seniory (§\xc2\xa0" "49)|"
	    "Identifikátor: 1000001|Věk: od 65\xc2\xa0let|"
	    "Kapacita: 80\xc2\xa0lůžek|", "rows in the template's order");
	fixture_close(&f);
}

/* Opening hours grouped by days; the emergency numbers the data lack. */
static void
test_values(void)
{
	struct fixture	 f;
	const struct doc_section *s;
	const struct doc_par *p;
	char		 buf[512];
	bool		 hours = false, e112 = false, e158 = false;
	size_t		 k;

	if (!fixture(&f, EDITION, NULL))
		return;
	s = section_titled(f.doc, "Senioři");
	if (s != NULL)
		EACH_PAR(s, p)
			if (strstr(par_text(p, buf, sizeof buf), "po, st 8.00–"
			    "\xe2\x81\xa0" "12.00, 13.00–\xe2\x81\xa0" "17.00"
			    "út, čt, pá 8.00–\xe2\x81\xa0" "12.00jindy po "
			    "domluvě") != NULL)
				hours = true;
	OK(hours, "hours grouped by days, note on its own line");
	s = section_titled(f.doc, "Krizové linky a tísňová volání");
	if (s != NULL)
		EACH_PAR(s, p)
			for (k = 0; k < p->nspans; k++) {
				const char *u = p->spans[k].uri;

				if (u != NULL && strcmp(u, "tel:112") == 0)
					e112 = true;
				if (u != NULL && strcmp(u, "tel:158") == 0)
					e158 = true;
			}
	OK(e112 && e158, "emergency numbers added");
	fixture_close(&f);
}

/* A character the fonts lack is reported at the value, once. */
static void
test_glyphs(void)
{
	static const char json[] =
	    "{\"poskytovatele\": [{\"id\": \"p\", \"nazev\": \"P\"}],\n"
	    "\"sluzby\": [{\"identifikator\": \"1000001\", \"druh\": \"§ 49\",\n"
	    "  \"poskytovatel\": \"p\",\n"
	    "  \"nazev\": \"Domov \xe4\xb8\x80\",\n"
	    "  \"cilove_skupiny\": [\"seniori\", \"rodiny-s-detmi\"],\n"
	    "  \"formy\": [\"pob\"]}]}\n";
	static const char ed[] =
	    "nazev: T\nuzemi: {nazev: X}\nudaje_k: 2026-09-01\n"
	    "vstupy: [tests/regress/doc/data/mala.json]\n"
	    "oddily: [obsah, sluzby, rejstriky]\n";
	struct capture	 cap;
	struct catalogue *c;
	struct edition	*e;
	struct fonts	*fonts;
	struct layout_spec *ls;
	struct doc	*doc;
	const char	*t;

	capture_open(&cap);
	c = model_new();
	load_native(c, "t.json", json, sizeof json - 1, NULL, cap.d);
	merge_catalogue(c, cap.d);
	validate_catalogue(c, cap.d);
	model_link(c, cap.d);
	e = edition_parse("e.yaml", ed, sizeof ed - 1, cap.d);
	fonts = fonts_open("fonts", cap.d);
	ls = lspec_load("layouts/a5-brochure.yaml", fonts, cap.d);
	OK(e != NULL && ls != NULL && c->nservices == 1, "fixture");
	STR_EQ(capture_text(&cap), "", "a clean fixture");
	if (e != NULL && ls != NULL) {
		doc = compose(c, e, NULL, ls, fonts, NULL, cap.d);
		t = capture_text(&cap);
		STR_EQ(t, "t.json:4:12: error: the service name „Domov 一“ "
		    "has a character the font Andika cannot print: U+4E00 "
		    "„一“; it would print as an empty box, so replace it "
		    "[glyph-missing]\n", "reported once at the name");
		INT_EQ(doc->nsections, 6, "contents, two chapters, three indexes");
		compose_free(doc);
	}
	lspec_free(ls);
	fonts_close(fonts);
	edition_free(e);
	model_free(c);
	capture_close(&cap);
}

/* Grouping by type: a chapter per group, a heading per type, no
   repetition. */
static void
test_by_type(void)
{
	struct fixture	 f;
	const struct doc_par *p;
	size_t		 i, k, refs = 0, h3 = 0;

	if (!fixture(&f, "tests/regress/doc/druh.yaml", NULL))
		return;
	OK(section_titled(f.doc, "Služby sociální péče") != NULL,
	    "group chapter");
	OK(section_titled(f.doc, "Sociální poradenství") != NULL,
	    "group chapter");
	INT_EQ(section_titled(f.doc, "Rejstřík poskytovatelů")->columns, 2,
	    "indexes in the layout's columns");
	for (i = 0; i < f.doc->nsections; i++)
		EACH_PAR(&f.doc->sections[i], p) {
			if (p->tag == DT_H3 && p->anchor != NULL &&
			    strncmp(p->anchor, "svc-", 4) == 0)
				h3++;
			if (f.doc->sections[i].title != NULL &&
			    strncmp(f.doc->sections[i].title, "Rejst", 5) != 0 &&
			    strcmp(f.doc->sections[i].title, "Obsah") != 0)
				for (k = 0; k < p->nspans; k++)
					if (p->spans[k].ref != NULL &&
					    strncmp(p->spans[k].ref, "svc-", 4)
					    == 0)
						refs++;
		}
	INT_EQ(h3, 5, "every service once");
	INT_EQ(refs, 0, "no cross references");
	fixture_close(&f);
}

static void
test_names(void)
{
	STR_EQ(doc_icon_name(DI_PHONE), "phone", "icon");
	STR_EQ(doc_icon_name(DI_EU), "eu", "icon");
	STR_EQ(doc_tag_name(DT_H1), "H1", "tag");
	STR_EQ(doc_tag_name(DT_TOCI), "TOCI", "tag");
}

int
main(void)
{
	cb_init();
	fonts_set_datadir(".");		/* layouts/ of the checkout */
	RUN(test_names);
	RUN(test_order);
	RUN(test_once_in_full);
	RUN(test_anchors);
	RUN(test_index_order);
	RUN(test_template);
	RUN(test_values);
	RUN(test_glyphs);
	RUN(test_by_type);
	return DONE();
}
