/*
 * Unit tests of xlsx_write() and outfile.c: a small edition built as
 * `mapa render` builds it (build_edition_inputs, merge, validate, link,
 * stats), written under a Czech LC_NUMERIC, read back with Python's
 * zipfile; then the failures: a missing folder, a folder as the target,
 * and that no temporary file is ever left behind.
 * (tests/scripts/xlsx.sh checks the sample workbook with real clients.)
 */
#include <sys/stat.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "codebook.h"
#include "diag.h"
#include "edition.h"
#include "harness.h"
#include "merge.h"
#include "model.h"
#include "stats.h"
#include "util.h"
#include "validate.h"
#include "xlsx.h"

static char	 dir[64];

static const char catalogue_json[] = "{\"udaje_k\": \"2026-09-01\","
    "\"poskytovatele\": [{\"id\": \"a\", \"nazev\": \"A & syn, z. ú.\","
    " \"ico\": \"71084622\"}],"
    "\"sluzby\": ["
    "{\"identifikator\": \"1000001\", \"nazev\": \"Domov\", \"poskytovatel\": \"a\","
    " \"druh\": \"§ 49\", \"formy\": [{\"forma\": \"pob\", \"kapacity\": [{\"jednotka\": \"luzka\", \"pocet\": 80}]}],"
    " \"cilove_skupiny\": [\"seniori\"], \"mista\": [{\"adresa\": {\"ulice\": \"Hlavní\","
    " \"cislo_popisne\": \"1\", \"obec\": \"Kroměříž\", \"psc\": \"76701\"}}],"
    " \"ukazatele\": [{\"rok\": 2025, \"uvazky_prima_pece\": 20.5, \"naklady\": 1000.25,"
    " \"vynosy\": {\"mpsv\": 1000.25}}]}]}";

static const char edition_yaml[] =
    "nazev: Mapa pomoci\n"
    "uzemi: {nazev: ORP Kroměříž, obce: [Kroměříž, Hulín]}\n"
    "udaje_k: 2026-09-01\n"
    "vydavatel: {nazev: Město Kroměříž}\n"
    "vstupy: [{soubor: k.json}]\n"
    "obyvatele: {celkem: 1000, \"65+\": 300}\n"
    "ukazatele: [{kod: 6 70 01, nazev: Kapacita, jednotka: místa, vychozi: 0,"
    " cilova: 80, dosazena: 60.5, zdroj: registr}]\n";

static void
put_file(const char *name, const char *text)
{
	char	 path[128];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL) {
		OK(0, "cannot create a test file");
		return;
	}
	fputs(text, f);
	fclose(f);
}

/* A part of the workbook, read with Python's zipfile; caller frees. */
static char *
part(const char *xlsx, const char *name)
{
	char		 cmd[512];
	struct buf	 b = { 0 };
	FILE		*p;
	int		 ch;

	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c 'import sys, zipfile; "
	    "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
	    ".decode())' %s %s 2>/dev/null", xlsx, name);
	if ((p = popen(cmd, "r")) == NULL)
		return xstrdup("");
	buf_puts(&b, "");
	while ((ch = getc(p)) != EOF)
		buf_putc(&b, (char)ch);
	pclose(p);
	return buf_steal(&b);
}

/* Names in dir starting with '.', other than . and .. */
static int
hidden_files(const char *path)
{
	DIR		*dp = opendir(path);
	struct dirent	*de;
	int		 n = 0;

	if (dp == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(dp);
	return n;
}

struct run {
	FILE		 *f;
	char		 *out;
	size_t		  len;
	struct diag	 *d;
	struct edition	 *e;
	struct catalogue *c;
	struct stats	 *st;
	struct xlsx_input in;
};

static void
start(struct run *r)
{
	char		 path[128];
	struct stats_opts so = { NULL, 0, { -1, -1, -1 } };
	const char	*order[2];

	memset(r, 0, sizeof *r);
	r->f = open_memstream(&r->out, &r->len);
	r->d = diag_new(r->f);
	snprintf(path, sizeof path, "%s/e.yaml", dir);
	r->e = edition_parse(diag_file(r->d, path), edition_yaml,
	    strlen(edition_yaml), r->d);
	r->c = model_new();
	if (r->e != NULL) {
		build_edition_inputs(r->c, r->e, r->d);
		order[0] = r->e->municipalities[0].s;
		order[1] = r->e->municipalities[1].s;
		so.order = order;
		so.norder = 2;
		so.pop[STATS_POP_TOTAL] = r->e->population.total.n;
		so.pop[STATS_POP_65] = r->e->population.over65.n;
	}
	merge_catalogue(r->c, r->d);
	validate_catalogue(r->c, r->d);
	model_link(r->c, r->d);
	r->st = stats_compute(r->c, &so);
	r->in.edition = r->e;
	r->in.catalogue = r->c;
	r->in.stats = r->st;
	r->in.created = 1788220800;
}

static bool
said(struct run *r, const char *text)
{
	diag_flush(r->d);
	fflush(r->f);
	return r->out != NULL && strstr(r->out, text) != NULL;
}

static void
done(struct run *r)
{
	stats_free(r->st);
	model_free(r->c);
	edition_free(r->e);
	diag_free(r->d);
	fclose(r->f);
	free(r->out);
}

static void
test_write(void)
{
	struct run	 r;
	char		 out[128], *xml;
	bool		 czech;

	put_file("k.json", catalogue_json);
	start(&r);
	OK(r.e != NULL, "edition parsed");
	INT_EQ(diag_count(r.d, DIAG_ERROR) + diag_count(r.d, DIAG_FATAL), 0,
	    "no errors in the test data");
	if (r.e == NULL) {
		done(&r);
		return;
	}
	snprintf(out, sizeof out, "%s/vystup/x.xlsx", dir);
	/* a Czech decimal comma would break the numbers libxlsxwriter prints */
	czech = setlocale(LC_ALL, "cs_CZ.UTF-8") != NULL;
	if (!czech)
		printf("note: no cs_CZ.UTF-8 locale, written under C\n");
	OK(xlsx_write(out, &r.in, NULL, r.d), "written");
	OK(strcmp(localeconv()->decimal_point, czech ? "," : ".") == 0,
	    "the caller's locale is restored");
	setlocale(LC_ALL, "C");
	OK(access(out, F_OK) == 0, "the output's folder was created");
	xml = part(out, "xl/worksheets/sheet2.xml");
	OK(strstr(xml, "<v>20.5</v>") != NULL, "FTE written with a point");
	OK(strstr(xml, "20,5") == NULL, "no decimal comma");
	free(xml);
	xml = part(out, "xl/worksheets/sheet6.xml");
	OK(strstr(xml, "<v>60.5</v>") != NULL, "indicator 60.5");
	free(xml);
	xml = part(out, "docProps/core.xml");
	OK(strstr(xml, "2026-09-01T00:00:00Z") != NULL, "created as given");
	OK(strstr(xml, "<dc:creator>Město Kroměříž</dc:creator>") != NULL,
	    "author is the issuer");
	free(xml);
	snprintf(out, sizeof out, "%s/vystup", dir);
	INT_EQ(hidden_files(out), 0, "no temporary file left");

	/* over a previous file: replaced whole */
	snprintf(out, sizeof out, "%s/old.xlsx", dir);
	put_file("old.xlsx", "old");
	OK(xlsx_write(out, &r.in, NULL, r.d), "written over a file");
	xml = part(out, "[Content_Types].xml");
	OK(strstr(xml, "spreadsheetml") != NULL, "the old file was replaced");
	free(xml);
	INT_EQ(hidden_files(dir), 0, "no temporary file left over");
	INT_EQ(diag_count(r.d, DIAG_FATAL), 0, "no I/O errors so far");
	done(&r);
}

static void
test_failures(void)
{
	struct run	 r;
	char		 out[128];
	struct srcpos	 pos = { NULL, 0, 0 };

	start(&r);
	if (r.e == NULL) {
		done(&r);
		return;
	}
	pos = r.e->outputs.xlsx.pos;
	snprintf(out, sizeof out, "%s/no/such/x.xlsx", dir);
	OK(!xlsx_write(out, &r.in, NULL, r.d), "missing parent fails");
	OK(said(&r, "folder above it does not exist"), "says why");
	snprintf(out, sizeof out, "%s/no", dir);
	OK(access(out, F_OK) != 0, "no folder created");
	INT_EQ(diag_count(r.d, DIAG_FATAL), 1, "reported as an I/O error");

	snprintf(out, sizeof out, "%s/vystup", dir);
	OK(!xlsx_write(out, &r.in, &pos, r.d), "a folder as the target fails");
	OK(said(&r, "it is a folder"), "says it is a folder");

	OK(!xlsx_write("", &r.in, NULL, r.d), "an empty name fails");
	snprintf(out, sizeof out, "%s/vystup/", dir);
	OK(!xlsx_write(out, &r.in, NULL, r.d), "a name ending in / fails");
	OK(said(&r, "the name of the file is missing"), "says the name is missing");
	INT_EQ(hidden_files(dir), 0, "no temporary file left");
	done(&r);
}

static void
cleanup(void)
{
	char	 cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("note: could not remove %s\n", dir);
}

int
main(void)
{
	cb_init();
	setlocale(LC_ALL, "C");
	snprintf(dir, sizeof dir, "/tmp/mapa-test-xlsx-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return DONE();
	}
	RUN(test_write);
	RUN(test_failures);
	cleanup();
	return DONE();
}
