/*
 * Tests of the accessibility post-processor (pdfpost.c) and the tagged
 * structure pdf.c writes: the content-stream rewriting on crafted
 * streams; a small document (headings that would skip a level, a list,
 * contents lines with leaders and links, pictograms with and without
 * their own text, a web link, a picture, running heads and rules) set,
 * paginated and written as the renderer does, checked with
 * tests/pdf/uacheck.py before post-processing (it must fail) and after
 * (it must pass), with qpdf --check and with qpdf's JSON; errors.
 * Run from the checkout (tests/run.sh does): fonts/, layouts/, tests/pdf/.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "doc.h"
#include "fonts.h"
#include "harness.h"
#include "layout_file.h"
#include "page.h"
#include "paginate.h"
#include "pdf.h"
#include "pdfpost.h"
#include "testutil.h"
#include "typeset.h"
#include "util.h"

static char		 tmpdir[] = "/tmp/test_pdfpost.XXXXXX";

/* Runs a shell command; returns its exit status and its stdout (malloc'd). */
static int
run(const char *cmd, char **out)
{
	FILE	*f;
	struct buf b = { 0 };
	char	 chunk[4096];
	size_t	 n;
	int	 st;

	if ((f = popen(cmd, "r")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	st = pclose(f);
	buf_puts(&b, "");
	if (out != NULL)
		*out = buf_steal(&b);
	else
		buf_free(&b);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *
tmp_path(const char *name)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s/%s", tmpdir, name);
	return buf_steal(&b);
}

/* Runs pre + path + post (path used twice when post starts with "@"). */
static int
runf(char **out, const char *pre, const char *path, const char *post)
{
	struct buf b = { 0 };
	int	 st;

	buf_puts(&b, pre);
	buf_puts(&b, path);
	if (post[0] == '@') {
		buf_puts(&b, post + 1);
		buf_puts(&b, path);
		buf_puts(&b, ".json");
	} else
		buf_puts(&b, post);
	st = run(buf_str(&b), out);
	buf_free(&b);
	return st;
}

static bool
same_file(const char *a, const char *b)
{
	size_t	 la, lb;
	char	*x = read_file(a, &la), *y = read_file(b, &lb);
	bool	 same = x != NULL && y != NULL && la == lb &&
		    memcmp(x, y, la) == 0;

	free(x);
	free(y);
	return same;
}

/* ---- the content-stream rewriting -------------------------------------- */

/* Rewrites in; checks the result and the MCIDs ("3,-1" or ""). */
static void
artifacts_case(const char *in, const char *want, const char *want_ids,
    const char *msg)
{
	size_t		 outlen, n, i;
	long		*ids;
	unsigned char	*out;
	struct buf	 b = { 0 };

	out = pdfpost_artifacts((const unsigned char *)in, strlen(in), &outlen,
	    &ids, &n);
	buf_put(&b, out, outlen);
	STR_EQ(buf_str(&b), want, msg);
	buf_reset(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%ld", i > 0 ? "," : "", ids[i]);
	STR_EQ(buf_str(&b), want_ids, msg);
	buf_free(&b);
	free(out);
	free(ids);
}

static void
test_artifacts(void)
{
	artifacts_case("/Private << /MCID 3 >> BDC 0 0 1 1 re f EMC",
	    "/Artifact BMC 0 0 1 1 re f EMC", "3", "cairo's form");
	artifacts_case("q\n/Span <</MCID 0>>BDC BT (a) Tj ET EMC\n"
	    "/Private<</MCID 12>>BDC BT (b) Tj ET EMC Q",
	    "q\n/Span <</MCID 0>>BDC BT (a) Tj ET EMC\n"
	    "/Artifact BMC BT (b) Tj ET EMC Q", "12", "tight spacing");
	artifacts_case("BT (/Private << /MCID 1 >> BDC) Tj ET",
	    "BT (/Private << /MCID 1 >> BDC) Tj ET", "", "inside a string");
	artifacts_case("BT (a\\) /Private <<>> BDC \\(b) Tj ET",
	    "BT (a\\) /Private <<>> BDC \\(b) Tj ET", "", "escaped parens");
	artifacts_case("% /Private << /MCID 1 >> BDC\n1 0 0 RG",
	    "% /Private << /MCID 1 >> BDC\n1 0 0 RG", "", "in a comment");
	artifacts_case("BI /W 2 /H 1 /BPC 8 /CS /G ID /P BDC\nEI "
	    "/Private <</MCID 4>> BDC EMC",
	    "BI /W 2 /H 1 /BPC 8 /CS /G ID /P BDC\nEI "
	    "/Artifact BMC EMC", "4", "inline image data skipped");
	artifacts_case("/Private /Props1 BDC EMC", "/Artifact BMC EMC", "-1",
	    "named properties: no MCID");
	artifacts_case("/Private << /MCID 5 /Alt (x >> BDC) >> BDC EMC",
	    "/Artifact BMC EMC", "5", "a string in the dictionary");
	artifacts_case("/Privates <</MCID 1>> BDC EMC",
	    "/Privates <</MCID 1>> BDC EMC", "", "another name");
	artifacts_case("", "", "", "empty");
	artifacts_case("/Private << /MCID 7", "/Private << /MCID 7", "",
	    "cut short");
}

/* ---- a small document through the real pipeline ------------------------ */

struct fixture {
	struct capture	 cap;
	struct fonts	*fonts;
	struct layout_spec *ls;
	struct typeset	*ts;
	struct arena	*a;
	struct doc	 doc;
	struct pg_par	*set;
	struct pg_doc	*pd;
	char		*svg;
};

static struct doc_span *
spans(struct fixture *fx, size_t n)
{
	struct doc_span	*s = arena_alloc(fx->a, n * sizeof *s);
	size_t		 i;

	for (i = 0; i < n; i++) {
		s[i].role = LSR_TEXT;
		s[i].colour = -1;
	}
	return s;
}

static void
text(struct doc_span *s, const char *t, enum lspec_role role)
{
	s->text = t;
	s->len = strlen(t);
	s->role = role;
}

static struct doc_par *
par(struct fixture *fx, struct doc_block *b, enum doc_tag tag,
    struct doc_span *sp, size_t n)
{
	struct doc_par	*p;

	b->pars = xrealloc(b->pars, (b->npars + 1) * sizeof *b->pars);
	p = &b->pars[b->npars++];
	memset(p, 0, sizeof *p);
	p->seq = fx->doc.npars++;
	p->tag = tag;
	p->spans = sp;
	p->nspans = n;
	p->align = DA_LEFT;
	if (tag == DT_H1 || tag == DT_H2 || tag == DT_H3)
		p->keep_with_next = true;
	return p;
}

static struct doc_block *
block(struct doc_section *sec, enum doc_block_kind kind)
{
	struct doc_block *b;

	sec->blocks = xrealloc(sec->blocks, (sec->nblocks + 1) *
	    sizeof *sec->blocks);
	b = &sec->blocks[sec->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

static struct pg_line *
set_line(void *ctx, enum lspec_role role, enum lspec_face face,
    const char *t, double width, struct arena *a)
{
	struct fixture	*fx = ctx;

	return typeset_line(fx->ts, role, face, t, width, a);
}

static const char *
resolve(void *ctx, const char *anchor)
{
	(void)ctx;
	return strcmp(anchor, "entry-1") == 0 ? "2" : "i";
}

/*
 * Two sections: "Úvod" (H1, a paragraph with a web link, a list of three
 * items, a picture, contents lines with leaders pointing at an entry) and
 * "Služby" (H1, then an entry name tagged H3 right under it, fields with
 * pictograms: one with its own text, one without).
 */
static bool
fixture_open(struct fixture *fx)
{
	struct doc_section *sec;
	struct doc_block *b;
	struct doc_span	*s;
	struct doc_par	*p;
	struct paginate_in in;
	struct paginate_out po;
	struct typeset_opts o;
	size_t		 i, k, nf;
	FILE		*f;

	memset(fx, 0, sizeof *fx);
	capture_open(&fx->cap);
	fx->a = arena_new();
	if ((fx->fonts = fonts_open("fonts", fx->cap.d)) == NULL ||
	    (fx->ls = lspec_load("layouts/a5-brochure.yaml", fx->fonts,
	    fx->cap.d)) == NULL ||
	    (fx->ts = typeset_new(fx->fonts, fx->ls, fx->cap.d)) == NULL)
		return false;
	fx->svg = tmp_path("logo.svg");
	if ((f = fopen(fx->svg, "w")) == NULL)
		return false;
	fputs("<svg xmlns='http://www.w3.org/2000/svg' width='60' "
	    "height='40'><rect width='60' height='40' fill='#3a6'/></svg>\n",
	    f);
	fclose(f);

	fx->doc.arena = fx->a;
	fx->doc.layout = fx->ls;
	fx->doc.meta.title = "Zkouška – přístupné PDF";
	fx->doc.meta.author = "Město <Kroměříž> & spol.";
	fx->doc.meta.subject = "Test";
	fx->doc.meta.keywords = "a, b";
	fx->doc.meta.creator = "mapa test";
	fx->doc.meta.lang = "cs-CZ";
	fx->doc.meta.date = "2026-09-01T00:00:00Z";
	fx->doc.meta.running_title = "Zkouška";
	fx->doc.sections = xcalloc(2, sizeof *fx->doc.sections);
	fx->doc.nsections = 2;

	sec = &fx->doc.sections[0];
	sec->id = "sec-1";
	sec->title = "Úvod";
	sec->columns = 1;
	sec->numbering = DF_ROMAN;
	sec->folio = sec->running = true;
	b = block(sec, DB_FLOW);
	s = spans(fx, 1);
	text(&s[0], "Úvod", LSR_HEADING);
	p = par(fx, b, DT_H1, s, 1);
	p->anchor = "sec-1";
	s = spans(fx, 3);
	text(&s[0], "Více na ", LSR_TEXT);
	text(&s[1], "www.example.cz", LSR_TEXT);
	s[1].uri = "https://www.example.cz/a(b)";
	s[1].flags = DS_URL;
	text(&s[2], " a v tištěné příručce.", LSR_TEXT);
	par(fx, b, DT_P, s, 3);
	for (i = 0; i < 3; i++) {
		static const char *const items[] = { "•\u00a0první položka",
		    "•\u00a0druhá položka", "•\u00a0třetí položka" };

		s = spans(fx, 1);
		text(&s[0], items[i], LSR_TEXT);
		par(fx, b, DT_LI, s, 1);
	}
	b = block(sec, DB_IMAGE);
	b->image = fx->svg;
	b->image_w = 60;
	b->image_h = 40;
	b->alt = "logo města";
	b = block(sec, DB_FLOW);
	for (i = 0; i < 2; i++) {
		s = spans(fx, 3);
		text(&s[0], i == 0 ? "Poradna" : "Rejstřík", LSR_TEXT);
		s[0].dest = "entry-1";
		s[1].flags = DS_FILL | DS_LEADERS;
		s[1].text = "";
		s[2].flags = DS_NOBREAK;
		s[2].text = "";
		s[2].ref = "entry-1";
		s[2].dest = "entry-1";
		par(fx, b, DT_TOCI, s, 3);
	}

	sec = &fx->doc.sections[1];
	sec->id = "sec-2";
	sec->title = "Služby";
	sec->start = LSS_NEW_PAGE;
	sec->columns = 1;
	sec->numbering = DF_ARABIC;
	sec->folio = sec->running = true;
	b = block(sec, DB_FLOW);
	s = spans(fx, 1);
	text(&s[0], "Služby", LSR_HEADING);
	par(fx, b, DT_H1, s, 1)->anchor = "sec-2";
	b = block(sec, DB_ENTRY);
	b->rule = 0.4;
	b->cont = "Poradna (pokračování)";
	s = spans(fx, 1);
	text(&s[0], "Poradna", LSR_ENTRY);
	par(fx, b, DT_H3, s, 1)->anchor = "entry-1";
	s = spans(fx, 3);
	text(&s[0], "Telefon", LSR_LABEL);
	s[0].icon = DI_PHONE;
	text(&s[1], "573 000 000", LSR_TEXT);
	s[1].uri = "tel:+420573000000";
	s[1].flags = DS_NOBREAK;
	s[2].icon = DI_ACCESS;		/* no text: the Czech default */
	s[2].text = "";
	par(fx, b, DT_P, s, 3);
	/* Name …… number rows: a table (one value a link, one not). */
	b = block(sec, DB_FLOW);
	for (i = 0; i < 2; i++) {
		s = spans(fx, 3);
		text(&s[0], i == 0 ? "Linka bezpečí" : "Policie", LSR_TEXT);
		s[1].flags = DS_FILL | DS_LEADERS;
		s[1].text = "";
		text(&s[2], i == 0 ? "116 111" : "158", LSR_TEXT);
		s[2].flags = DS_NOBREAK;
		if (i == 0)
			s[2].uri = "tel:116111";
		par(fx, b, DT_TOCI, s, 3);
	}

	fx->set = xcalloc(fx->doc.npars, sizeof *fx->set);
	for (i = 0; i < fx->doc.nsections; i++) {
		struct doc_section *sc = &fx->doc.sections[i];

		memset(&o, 0, sizeof o);
		o.measure = paginate_measure(&fx->doc, sc);
		o.ref = resolve;
		for (k = 0; k < sc->nblocks; k++) {
			size_t	 j;

			for (j = 0; j < sc->blocks[k].npars; j++) {
				const struct doc_par *dp =
				    &sc->blocks[k].pars[j];

				if (!typeset_par(fx->ts, dp, &o, fx->a,
				    &fx->set[dp->seq], fx->cap.d))
					return false;
			}
		}
	}
	memset(&in, 0, sizeof in);
	memset(&po, 0, sizeof po);
	in.doc = &fx->doc;
	in.pars = fx->set;
	in.fonts = typeset_fonts(fx->ts, &nf);
	in.nfonts = nf;
	in.line = set_line;
	in.line_ctx = fx;
	paginate(&in, &po, fx->cap.d);
	free(po.fixes);
	fx->pd = po.pages;
	/* Running heads may have used a face no paragraph did. */
	if (fx->pd != NULL) {
		fx->pd->fonts = typeset_fonts(fx->ts, &nf);
		fx->pd->nfonts = nf;
	}
	return fx->pd != NULL && fx->pd->npages >= 2;
}

static void
fixture_close(struct fixture *fx)
{
	size_t	 i, k;

	paginate_free(fx->pd);
	for (i = 0; i < fx->doc.nsections; i++) {
		for (k = 0; k < fx->doc.sections[i].nblocks; k++)
			free(fx->doc.sections[i].blocks[k].pars);
		free(fx->doc.sections[i].blocks);
	}
	free(fx->doc.sections);
	free(fx->set);
	typeset_free(fx->ts);
	lspec_free(fx->ls);
	fonts_close(fx->fonts);
	arena_free(fx->a);
	free(fx->svg);
	capture_close(&fx->cap);
}

/* Counts the occurrences of needle in hay. */
static int
count(const char *hay, const char *needle)
{
	int	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static void
test_document(void)
{
	struct fixture	 fx;
	struct pdf_tags	 tags;
	struct pdfpost_opts o;
	char		*plain = tmp_path("plain.pdf"), *ua = tmp_path("ua.pdf");
	char		*ua2 = tmp_path("ua2.pdf"), *json = tmp_path("ua.pdf.json");
	char		*out = NULL, *js = NULL;
	struct stat	 st;
	size_t		 i, len;

	if (!fixture_open(&fx)) {
		OK(false, "fixture");
		printf("%s", capture_text(&fx.cap));
		fixture_close(&fx);
		return;
	}
	OK(pdf_write_tagged(fx.pd, plain, &tags, fx.cap.d), "written");
	/* Two pictograms (one with its text), the picture. */
	INT_EQ(tags.nalt, 3, "figures");
	if (tags.nalt == 3) {
		STR_EQ(tags.alt[0], "logo města", "picture's alt");
		STR_EQ(tags.alt[1], "Telefon", "pictogram's own text");
		STR_EQ(tags.alt[2], "bezbariérový přístup",
		    "pictogram without text: the Czech name");
	}
	OK(tags.nlink >= 5, "links: web, two contents lines, two phones");
	for (i = 0; i < tags.nlink; i++)
		OK(tags.link[i][0] != '\0', "link text not empty");
	OK(tags.artifacts > 0, "decoration wrapped");

	/* The plain Cairo file fails the checker, for the right reasons. */
	INT_EQ(runf(&out, "/usr/bin/python3 tests/pdf/uacheck.py ", plain, ""),
	    1, "plain cairo PDF fails uacheck");
	OK(strstr(out, "[06-002]") != NULL, "no pdfuaid");
	OK(strstr(out, "[11-001]") != NULL, "no Lang");
	OK(strstr(out, "[07-001]") != NULL, "no DisplayDocTitle");
	OK(strstr(out, "[13-004]") != NULL, "no Alt");
	OK(strstr(out, "[28-004]") != NULL, "no link Contents");
	OK(strstr(out, "[28-010]") != NULL, "no Tabs");
	OK(strstr(out, "Private elements") != NULL, "decoration in tree");
	free(out);

	memset(&o, 0, sizeof o);
	o.lang = fx.doc.meta.lang;
	o.tags = &tags;
	OK(pdfpost_file(plain, ua, &o, fx.cap.d), "post-processed");
	STR_EQ(capture_text(&fx.cap), "", "no messages");
	INT_EQ(runf(&out, "/usr/bin/python3 tests/pdf/uacheck.py ", ua, ""), 0,
	    "post-processed PDF passes uacheck");
	if (strstr(out, "ok,") == NULL)
		printf("%s", out);
	free(out);
	INT_EQ(runf(NULL, "qpdf --check ", ua, " >/dev/null 2>&1"), 0,
	    "qpdf --check");

	/* Same input, same bytes; in place gives the same too. */
	OK(pdfpost_file(plain, ua2, &o, fx.cap.d), "again");
	OK(same_file(ua, ua2), "deterministic");
	/* Without lists: default texts, still a valid file. */
	o.tags = NULL;
	OK(pdfpost_file(plain, ua2, &o, fx.cap.d), "no lists");
	o.tags = &tags;
	INT_EQ(runf(&out, "/usr/bin/python3 tests/pdf/uacheck.py ", ua2, ""),
	    0, "without lists it still passes");
	if (strstr(out, "ok,") == NULL)
		printf("%s", out);
	free(out);
	/*
	 * Only Cairo's kind of file is read: a finished one (object and
	 * cross-reference streams) is refused, and left as it was.
	 */
	OK(!pdfpost_file(ua, ua2, NULL, fx.cap.d), "finished file refused");
	OK(strstr(capture_text(&fx.cap), "cross-reference stream") != NULL,
	    "with the reason");
	OK(pdfpost_file(plain, ua2, &o, fx.cap.d), "again over it");
	OK(same_file(ua, ua2), "same bytes again");

	/* What is in it. */
	runf(NULL, "qpdf --json=2 --json-stream-data=inline "
	    "--decode-level=generalized ", ua, "@ > ");
	js = read_file(json, &len);
	OK(js != NULL, "json");
	if (js != NULL) {
		OK(strstr(js, "\"/Lang\": \"u:cs-CZ\"") != NULL, "Lang");
		OK(strstr(js, "\"/DisplayDocTitle\": true") != NULL,
		    "DisplayDocTitle");
		OK(strstr(js, "\"/Tabs\": \"/S\"") != NULL, "Tabs");
		OK(strstr(js, "\"/Alt\": \"u:logo města\"") != NULL, "Alt");
		OK(strstr(js, "\"/Alt\": \"u:bezbariérový přístup\"") != NULL,
		    "Alt default");
		OK(strstr(js, "\"/Contents\": \"u:www.example.cz\"") != NULL,
		    "web link Contents");
		OK(strstr(js, "\"/Contents\": \"u:strana 2\"") != NULL,
		    "a page number link reads as a page");
		OK(strstr(js, "\"/CreationDate\": \"u:D:20260901000000Z\"") !=
		    NULL, "Info date normalised");
		OK(strstr(js, "\"/Type\": \"/ObjStm\"") != NULL,
		    "object streams");
		INT_EQ(count(js, "\"/S\": \"/Private\""), 0, "no Private");
		INT_EQ(count(js, "\"/S\": \"/H1\""), 2, "two H1");
		INT_EQ(count(js, "\"/S\": \"/H2\""), 1,
		    "the entry right under H1 is H2");
		INT_EQ(count(js, "\"/S\": \"/H3\""), 0, "no H3");
		INT_EQ(count(js, "\"/S\": \"/L\""), 1, "one list");
		INT_EQ(count(js, "\"/S\": \"/LI\""), 3, "three items");
		INT_EQ(count(js, "\"/S\": \"/LBody\""), 3, "item bodies");
		INT_EQ(count(js, "\"/S\": \"/TOC\""), 1, "one TOC");
		INT_EQ(count(js, "\"/S\": \"/TOCI\""), 2, "two TOC items");
		INT_EQ(count(js, "\"/S\": \"/Sect\""), 2, "two Sect");
		INT_EQ(count(js, "\"/S\": \"/Table\""), 1, "one table");
		INT_EQ(count(js, "\"/S\": \"/TR\""), 2, "two rows");
		INT_EQ(count(js, "\"/S\": \"/TD\""), 4, "name and value");
		INT_EQ(count(js, "\"/S\": \"/Figure\""), 3, "three Figure");
	}
	free(js);
	INT_EQ(runf(&out, "pdfinfo -meta ", ua, ""), 0, "pdfinfo");
	OK(strstr(out, "<pdfuaid:part>1</pdfuaid:part>") != NULL, "pdfuaid");
	OK(strstr(out, "Město &lt;Kroměříž&gt; &amp; spol.") != NULL,
	    "XML escaped author");
	OK(strstr(out, "<xmp:CreateDate>2026-09-01T00:00:00Z</xmp:"
	    "CreateDate>") != NULL, "CreateDate");
	OK(strstr(out, "<xmp:MetadataDate>2026-09-01T00:00:00Z</xmp:"
	    "MetadataDate>") != NULL, "MetadataDate");
	free(out);
	INT_EQ(runf(&out, "pdftotext ", ua, " -"), 0, "pdftotext");
	OK(strstr(out, "Více na www.example.cz a v tištěné příručce.") !=
	    NULL, "text extraction");
	OK(strstr(out, "\xc2\xad") == NULL, "no soft hyphens");
	free(out);

	/* The result replaces the file whole: its mode stays. */
	OK(chmod(ua2, 0640) == 0, "chmod");
	OK(pdfpost_file(plain, ua2, &o, fx.cap.d), "over an existing file");
	OK(same_file(ua, ua2), "same bytes over an existing file");
	OK(stat(ua2, &st) == 0 && (st.st_mode & 0777) == 0640,
	    "mode kept");

	/* A mismatched list is refused, not misplaced. */
	if (tags.nalt > 0)
		free(tags.alt[--tags.nalt]);
	OK(!pdfpost_file(plain, ua2, &o, fx.cap.d), "mismatch refused");
	OK(strstr(capture_text(&fx.cap), "more figures than were drawn") !=
	    NULL, "mismatch reported");
	OK(strstr(capture_text(&fx.cap), "[io]") != NULL, "as io");
	OK(same_file(ua, ua2), "a refused file leaves the target alone");
	/* Neither a refusal nor a success leaves a temporary file. */
	runf(&out, "ls ", tmpdir, " | grep -c 'pdf\\.[A-Za-z0-9]\\{6\\}$'");
	STR_EQ(out, "0\n", "no temporary files");
	free(out);
	/* A folder that cannot be written in: reported, nothing made. */
	pdf_tags_free(&tags);
	OK(pdf_write_tagged(fx.pd, plain, &tags, fx.cap.d), "written again");
	OK(!pdfpost_file(plain, "/nonexistent/ua.pdf", &o, fx.cap.d),
	    "unwritable target refused");

	/* A device is written through a temporary file. */
	OK(pdfpost_write(fx.pd, "/dev/null", fx.cap.d), "to /dev/null");
	pdf_tags_free(&tags);
	INT_EQ(tags.nalt, 0, "freed");
	fixture_close(&fx);
	free(plain);
	free(ua);
	free(ua2);
	free(json);
}

static void
test_errors(void)
{
	struct capture	 cap;
	char		*junk = tmp_path("junk.pdf");
	FILE		*f;

	capture_open(&cap);
	OK(!pdfpost_file("/nonexistent/x.pdf", junk, NULL, cap.d),
	    "missing input");
	OK(strstr(capture_text(&cap), "cannot finish the accessible PDF") !=
	    NULL, "reported");
	capture_close(&cap);

	capture_open(&cap);
	if ((f = fopen(junk, "w")) != NULL) {
		fputs("not a PDF at all\n", f);
		fclose(f);
	}
	OK(!pdfpost_file(junk, junk, NULL, cap.d), "not a PDF");
	OK(strstr(capture_text(&cap), "[io]") != NULL, "reported as io");
	capture_close(&cap);
	free(junk);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_artifacts);
	RUN(test_document);
	RUN(test_errors);
	{
		char	 cmd[PATH_MAX + 16];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			fputs("cannot remove the temporary folder\n", stderr);
	}
	return DONE();
}
