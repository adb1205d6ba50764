/*
 * Unit tests of validate.c: the pure checks with the DOMAIN.md §8 vectors
 * and edge cases, then validate_catalogue() over catalogues built in C,
 * checking the messages (codes, text, positions), repairs and drops.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "diag.h"
#include "model.h"
#include "util.h"
#include "validate.h"
#include "harness.h"

/* The check digit written the way DOMAIN §8.1 states it, independently. */
static int
ref_check_digit(const char *s)
{
	int	 w[7] = { 8, 7, 6, 5, 4, 3, 2 }, sum = 0, i, r;

	for (i = 0; i < 7; i++)
		sum += w[i] * (s[i] - '0');
	r = sum % 11;
	if (r == 0 || r == 10)
		return 1;
	if (r == 1)
		return 0;
	return 11 - r;
}

static void
test_ico(void)
{
	static const char *const valid[] = { "27085031", "03593207",
	    "75079771", "49207482", "61383082", "82276366", "00261238",
	    "44740867" };
	static const char *const bad_format[] = { "", "2708503", "270850311",
	    "2708503a", " 27085031", "27085031 ", "CZ270850", "2708 5031" };
	char	 s[9];
	size_t	 i;
	int	 pos, dig, agree = 0, mismatch = 0;

	for (i = 0; i < NELEM(valid); i++) {
		OK(val_ico_format(valid[i]), valid[i]);
		OK(val_ico_checksum(valid[i]), valid[i]);
	}
	OK(!val_ico_checksum("27085032"), "27085032 is invalid");
	OK(val_ico_format("27085032"), "27085032 has the format");
	for (i = 0; i < NELEM(bad_format); i++) {
		OK(!val_ico_format(bad_format[i]), bad_format[i]);
		OK(!val_ico_checksum(bad_format[i]), bad_format[i]);
	}
	OK(!val_ico_format(NULL), "NULL format");
	OK(!val_ico_checksum(NULL), "NULL checksum");
	INT_EQ(val_ico_check_digit("2708503"), 1, "check digit 2708503");
	INT_EQ(val_ico_check_digit("0359320"), 7, "check digit 0359320");
	INT_EQ(val_ico_check_digit("0026123"), 8, "check digit 0026123");
	INT_EQ(val_ico_check_digit("270850"), -1, "6 digits");
	INT_EQ(val_ico_check_digit("27085x3"), -1, "not digits");
	INT_EQ(val_ico_check_digit(NULL), -1, "NULL");
	/* Every last-digit change of a valid IČO fails. */
	for (dig = '0'; dig <= '9'; dig++) {
		memcpy(s, "27085031", 9);
		s[7] = (char)dig;
		INT_EQ(val_ico_checksum(s), dig == '1', s);
	}
	/* Every single-digit change agrees with the reference formula. */
	for (pos = 0; pos < 7; pos++)
		for (dig = '0'; dig <= '9'; dig++) {
			memcpy(s, "27085031", 9);
			s[pos] = (char)dig;
			if (val_ico_checksum(s) ==
			    (ref_check_digit(s) == s[7] - '0'))
				agree++;
			else
				mismatch++;
		}
	INT_EQ(mismatch, 0, "checksum agrees with the reference");
	INT_EQ(agree, 70, "single-digit changes tried");
}

static void
test_ident(void)
{
	OK(val_ident("8532431"), "8532431");
	OK(val_ident("9382099"), "9382099");
	OK(val_ident("0000001"), "leading zeros");
	OK(!val_ident("853243"), "6 digits");
	OK(!val_ident("85324311"), "8 digits");
	OK(!val_ident("853243a"), "letter");
	OK(!val_ident(" 8532431"), "space");
	OK(!val_ident(""), "empty");
	OK(!val_ident(NULL), "NULL");
}

static void
test_phone(void)
{
	static const struct { const char *in, *out; } good[] = {
		{ "+420 585 562 109", "585562109" },
		{ "00420585562109", "585562109" },
		{ "00420 585 562 109", "585562109" },
		{ "585-562-109", "585562109" },
		{ "585.562.109", "585562109" },
		{ "585 562 109", "585562109" },
		{ "585\xc2\xa0" "562\xc2\xa0" "109", "585562109" },
		{ "585\xe2\x80\xaf" "562 109", "585562109" },
		{ "585\xe2\x80\x93" "562\xe2\x80\x93" "109", "585562109" },
		{ "(+420) 737 123 970", "737123970" },
		{ "+420602277272", "602277272" },
		{ "420585562109", "585562109" },
		{ "737 123 970", "737123970" },
		{ "800 350 000", "800350000" },
		{ "212345678", "212345678" },
		{ "999999999", "999999999" },
		{ "112", "112" }, { "150", "150" }, { "155", "155" },
		{ "156", "156" }, { "158", "158" },
		{ "116 111", "116111" }, { "116000", "116000" },
		{ "116 999", "116999" }, { "116 123", "116123" },
		{ "+421 2 1234 5678", "+421212345678" },
		{ "0049 30 123456", "+4930123456" },
		{ "+43 1234567", "+431234567" },
		{ "+123456789012345", "+123456789012345" },
	};
	static const char *const bad[] = {
		"", " ", "abc", "585 562 10", "5855621091", "085562109",
		"185562109", "113", "151", "1212", "117111", "1161111", "11611",
		"+420 116 111", "+420 58556210", "+420 5855621090", "+1 234",
		"+0123456789", "+1234567890123456", "585 562 109, 604 111 222",
		"585 562 109 / 110", "+420 585 562 109 +1", "tel. 585562109",
		"585+562109", "0042058556210", "00", "+",
	};
	char	 out[VAL_PHONE_MAX];
	size_t	 i;

	for (i = 0; i < NELEM(good); i++) {
		memset(out, 0, sizeof out);
		OK(val_phone_normalise(good[i].in, out, sizeof out), good[i].in);
		STR_EQ(out, good[i].out, good[i].in);
		OK(val_phone_problem(good[i].in) == NULL, good[i].in);
	}
	for (i = 0; i < NELEM(bad); i++) {
		OK(!val_phone_normalise(bad[i], out, sizeof out), bad[i]);
		OK(val_phone_problem(bad[i]) != NULL, bad[i]);
	}
	OK(!val_phone_normalise(NULL, out, sizeof out), "NULL");
	OK(!val_phone_normalise("585562109", out, 9), "out too small");
	OK(val_phone_normalise("585562109", out, 10), "out just enough");
	STR_EQ(val_phone_problem("58556210"),
	    "it has too few digits; a Czech number has 9", "8 digits");
	STR_EQ(val_phone_problem("185562109"),
	    "a Czech number cannot start with 0 or 1", "starts with 1");
	STR_EQ(val_phone_problem("5855621091"),
	    "it has too many digits; a Czech number has 9", "10 digits");
	STR_EQ(val_phone_problem("113"), "it is not a known short number "
	    "(112, 150, 155, 156, 158, 116 xxx)", "short");
	STR_EQ(val_phone_problem("info@x.cz"), "it is an e-mail address",
	    "e-mail");
	STR_EQ(val_phone_problem("tel. 585562109"),
	    "it contains characters other than digits", "letters");
	STR_EQ(val_phone_problem(""), "it is empty", "empty");
}

static void
test_phone_split(void)
{
	char	 out[4][VAL_PHONE_MAX];

	INT_EQ(val_phone_split("573 333 123, 604 111 222", out, 4), 2, ",");
	STR_EQ(out[0], "573333123", "first");
	STR_EQ(out[1], "604111222", "second");
	INT_EQ(val_phone_split("573 333 123 / 604 111 222", out, 4), 2, "/");
	INT_EQ(val_phone_split("573333123;604111222;112", out, 4), 3, ";");
	STR_EQ(out[2], "112", "third");
	INT_EQ(val_phone_split("573 333 123 nebo +420 604 111 222", out, 4),
	    2, "nebo");
	STR_EQ(out[1], "604111222", "nebo second");
	INT_EQ(val_phone_split("573 333 123 a 604 111 222", out, 4), 2, "a");
	INT_EQ(val_phone_split("573 333 123\n604 111 222", out, 4), 2, "LF");
	INT_EQ(val_phone_split("585 562 109,", out, 4), 1, "stray comma");
	STR_EQ(out[0], "585562109", "stray comma number");
	INT_EQ(val_phone_split("585 562 109", out, 4), 0, "one number");
	INT_EQ(val_phone_split("585 562 109, 12", out, 4), 0, "bad part");
	INT_EQ(val_phone_split("585 562 109 / 110", out, 4), 0, "extension");
	INT_EQ(val_phone_split("112, 150, 155", out, 2), 0, "over max");
	INT_EQ(val_phone_split(",", out, 4), 0, "only a comma");
	INT_EQ(val_phone_split(NULL, out, 4), 0, "NULL");
}

static void
test_psc(void)
{
	char	 out[6];

	OK(val_psc_normalise("76701", out), "76701");
	STR_EQ(out, "76701", "76701");
	OK(val_psc_normalise("767 01", out), "767 01");
	STR_EQ(out, "76701", "767 01");
	OK(val_psc_normalise("767\xc2\xa0" "01", out), "NBSP");
	STR_EQ(out, "76701", "NBSP");
	OK(val_psc_normalise(" 352 01 ", out), "outer spaces");
	STR_EQ(out, "35201", "outer spaces");
	OK(val_psc_normalise("10000", out), "first digit 1");
	memcpy(out, "xxxxx", 6);
	OK(!val_psc_normalise("7670", out), "4 digits");
	OK(!val_psc_normalise("767011", out), "6 digits");
	OK(!val_psc_normalise("07701", out), "first 0");
	OK(!val_psc_normalise("87701", out), "first 8");
	OK(!val_psc_normalise("97701", out), "first 9");
	OK(!val_psc_normalise("767-01", out), "dash");
	OK(!val_psc_normalise("CZ76701", out), "prefix");
	OK(!val_psc_normalise("", out), "empty");
	OK(!val_psc_normalise(NULL, out), "NULL");
	STR_EQ(out, "xxxxx", "out untouched on failure");

	INT_EQ(val_psc_region_mask("CZ072", NULL), 1 << 6 | 1 << 7, "CZ072");
	INT_EQ(val_psc_region_mask("CZ0721", NULL), 1 << 6 | 1 << 7, "okres");
	INT_EQ(val_psc_region_mask(NULL, "Zlínský kraj"), 1 << 6 | 1 << 7,
	    "Zlínský kraj");
	INT_EQ(val_psc_region_mask(NULL, "Hlavní město Praha"), 1 << 1,
	    "Praha");
	INT_EQ(val_psc_region_mask(NULL, "Kraj Vysočina"),
	    1 << 3 | 1 << 5 | 1 << 6, "Vysočina");
	INT_EQ(val_psc_region_mask(NULL, "Jihomoravský kraj"), 1 << 6, "JMK");
	INT_EQ(val_psc_region_mask(NULL, "Moravskoslezský kraj"), 1 << 7,
	    "MSK");
	INT_EQ(val_psc_region_mask(NULL, "Středočeský kraj"), 1 << 2, "STČ");
	INT_EQ(val_psc_region_mask(NULL, "Jihočeský kraj"), 1 << 3, "JČ");
	INT_EQ(val_psc_region_mask(NULL, "Ústecký kraj"), 1 << 4, "ÚK");
	INT_EQ(val_psc_region_mask("CZ099", "Plzeňský kraj"), 1 << 3,
	    "unknown code, known name");
	INT_EQ(val_psc_region_mask(NULL, "Bavorsko"), 0, "unknown");
	INT_EQ(val_psc_region_mask(NULL, NULL), 0, "none");
}

static void
test_email(void)
{
	static const char *const good[] = { "info@senevida.cz",
	    "derner@hcare.cz", "a.b+c@sub.domain.com", "x_y-z@a-b.cz",
	    "x@example.xn--p1ai", "x@pečovatelská.cz", "1@2.cz" };
	static const char *const bad[] = { "", " ", "info.charita.cz",
	    "a@@b.cz", "a@b@c.cz", "@b.cz", "a@b", "a@b.c", "a@.b.cz",
	    "a@b..cz", "a@b.cz.", "a b@c.cz", "a@b.cz ", ".a@b.cz", "a.@b.cz",
	    "a..b@c.cz", "a@-b.cz", "a@b-.cz", "a@b.c1", "a(b)@c.cz",
	    "a@b_c.cz", "mailto:a@b.cz" };
	size_t	 i;

	for (i = 0; i < NELEM(good); i++)
		OK(val_email(good[i]), good[i]);
	for (i = 0; i < NELEM(bad); i++)
		OK(!val_email(bad[i]), bad[i]);
	OK(!val_email(NULL), "NULL");
	STR_EQ(val_email_problem("info.charita.cz"), "it has no @", "no @");
	STR_EQ(val_email_problem("www.charita.cz"),
	    "it has no @; it looks like a web address", "web");
	STR_EQ(val_email_problem("a b@c.cz"), "it contains a space", "space");
	STR_EQ(val_email_problem("a@b"),
	    "the domain name has no dot (e.g. charita.cz)", "no dot");
	STR_EQ(val_email_problem("a@b.c"), "it does not end with a "
	    "top-level domain such as .cz or .com", "tld");
	STR_EQ(val_email_problem("a@b@c.cz"), "it has more than one @", "@@");
	OK(val_email_problem("info@senevida.cz") == NULL, "fine");
}

static void
test_web(void)
{
	static const char *const good[] = { "www.senevida.cz",
	    "http://www.sos-plzen.cz", "https://charita.cz/sluzby?id=1#x",
	    "HTTPS://Charita.CZ", "charita.cz:8080/x", "www.example.cz/",
	    "https://www.kroměříž.cz", "https://x.cz/a@b" };
	static const char *const bad[] = { "", "www charita cz", "charita",
	    "ftp://x.cz", "mailto:a@b.cz", "info@charita.cz", "http:/x.cz",
	    "https://", "https//x.cz", "x.cz:abc", "x.cz:123456", "x.c", "http://-x.cz",
	    "http://x..cz", "https://x_y.cz" };
	size_t	 i;

	for (i = 0; i < NELEM(good); i++)
		OK(val_web(good[i]), good[i]);
	for (i = 0; i < NELEM(bad); i++)
		OK(!val_web(bad[i]), bad[i]);
	OK(!val_web(NULL), "NULL");
	STR_EQ(val_web_problem("info@charita.cz"), "it is an e-mail address",
	    "e-mail");
	STR_EQ(val_web_problem("mailto:a@b.cz"), "it is an e-mail address",
	    "mailto");
	STR_EQ(val_web_problem("ftp://x.cz"),
	    "only http:// and https:// addresses can be used", "ftp");
	STR_EQ(val_web_problem("http:/x.cz"),
	    "the http:// or https:// at its start is mistyped", "http:/");
	STR_EQ(val_web_problem("www charita cz"), "it contains a space",
	    "space");
}

/* ---- validate_catalogue ------------------------------------------- */

/* A catalogue and a diag that prints into memory. */
struct run {
	struct catalogue *c;
	struct diag	 *d;
	FILE		 *f;
	char		 *buf;
	size_t		  len;
	const char	 *file;
};

static void
run_start(struct run *r)
{
	memset(r, 0, sizeof *r);
	r->f = open_memstream(&r->buf, &r->len);
	r->d = diag_new(r->f);
	r->file = diag_file(r->d, "t.json");
	r->c = model_new();
}

/* Validates and returns the messages as printed. */
static const char *
run_validate(struct run *r)
{
	validate_catalogue(r->c, r->d);
	diag_flush(r->d);
	fflush(r->f);
	return r->buf;
}

static void
run_end(struct run *r)
{
	model_free(r->c);
	diag_free(r->d);
	fclose(r->f);
	free(r->buf);
}

static struct srcpos
at(const struct run *r, int line, int col)
{
	struct srcpos	 p = { r->file, line, col };

	return p;
}

static struct str
S(struct run *r, const char *s, int line, int col)
{
	struct srcpos	 p = at(r, line, col);

	return model_str(r->c, s, &p);
}

static struct provider *
provider(struct run *r, const char *key, const char *name, int line)
{
	struct provider	*p = model_add_provider(r->c);

	p->key = S(r, key, line, 8);
	p->name = S(r, name, line + 1, 10);
	p->pos = at(r, line, 1);
	return p;
}

static struct service *
service(struct run *r, const char *ident, const char *name,
    const char *prov, const char *type, int line)
{
	struct service	*s = model_add_service(r->c);

	s->ident = S(r, ident, line, 20);
	s->name = S(r, name, line + 1, 10);
	s->provider_ref = S(r, prov, line + 2, 18);
	s->type = type ? cb_type_find(type) : NULL;
	if (type)
		s->type_pos = at(r, line + 3, 11);
	s->pos = at(r, line, 3);
	s->origin = "native";
	return s;
}

static void
add_form(struct run *r, struct service *s, const char *form, int line)
{
	struct service_form *f;

	f = model_array(r->c, s->nforms + 1, sizeof *f);
	if (s->nforms)
		memcpy(f, s->forms, s->nforms * sizeof *f);
	s->forms = f;
	f = &s->forms[s->nforms++];
	f->form = cb_find(CB_FORM, form);
	f->pos = at(r, line, 15);
}

static void
add_cap(struct run *r, struct service_form *f, const char *unit,
    long long n, int line)
{
	struct capacity	*c;

	c = model_array(r->c, f->ncaps + 1, sizeof *c);
	if (f->ncaps)
		memcpy(c, f->caps, f->ncaps * sizeof *c);
	f->caps = c;
	c = &f->caps[f->ncaps++];
	c->unit = unit ? cb_find(CB_UNIT, unit) : NULL;
	c->count = n;
	c->pos = at(r, line, 7);
}

static struct str *
strs(struct run *r, const char *const *v, size_t n, int line)
{
	struct str	*a = model_array(r->c, n, sizeof *a);
	size_t		 i;

	for (i = 0; i < n; i++)
		a[i] = S(r, v[i], line + (int)i, 9);
	return a;
}

static void
fig_init(struct run *r, struct year_figures *f, int year, int line)
{
	size_t	 i;

	memset(f, 0, sizeof *f);
	f->year = year;
	f->clients = f->fte_direct = f->fte_other = -1;
	f->costs = f->costs_personnel = -1;
	for (i = 0; i < NELEM(f->revenue); i++)
		f->revenue[i] = -1;
	f->pos = at(r, line, 9);
}

static void
test_cat_ico(void)
{
	struct run	 r;
	struct provider	*p1, *p2, *p3, *p4, *p5, *p6;
	struct service	*s;
	const char	*out;

	run_start(&r);
	p1 = provider(&r, NULL, "A", 2);
	p1->ico = S(&r, "27085032", 3, 12);
	p2 = provider(&r, "b", "B", 10);
	p2->ico = S(&r, "3593207", 11, 12);
	p3 = provider(&r, "c", "C", 20);
	p3->ico = S(&r, "3593208", 21, 12);
	p4 = provider(&r, "d", "D", 30);
	p4->ico = S(&r, "CZ61383082", 31, 12);
	p5 = provider(&r, "e", "E", 40);
	p5->ico = S(&r, " 270 85 031 ", 41, 12);
	p6 = provider(&r, "f", "F", 50);
	p6->ico = S(&r, "", 51, 12);
	/* Refers to the provider by the IČO that is about to be dropped. */
	s = service(&r, "1234567", "Služba", "27085032", "§ 40", 60);
	add_form(&r, s, "ter", 64);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:3:12: error: IČO „27085032“ fails the check digit: after "
	    "2708503 the last digit would have to be 1, not 2 (a digit is "
	    "mistyped); IČO dropped, the provider is kept [ico-checksum]\n"
	    "t.json:11:12: warning: IČO 3593207 padded to 03593207 (an IČO "
	    "has 8 digits; the leading zeros were left out) [ico-format]\n"
	    "t.json:21:12: error: IČO „3593208“ has 7 digits, not 8, and "
	    "padding it with zeros does not give a valid IČO; IČO dropped, "
	    "the provider is kept [ico-format]\n"
	    "t.json:31:12: warning: IČO „CZ61383082“ is written as a DIČ (tax "
	    "number); the CZ was removed [ico-format]\n"
	    "t.json:51:12: warning: the IČO is empty; treated as absent "
	    "[empty-value]\n", "IČO messages");
	STR_EQ(p1->ico.s, NULL, "checksum: dropped");
	STR_EQ(p2->ico.s, "03593207", "padded");
	STR_EQ(p3->ico.s, NULL, "not paddable: dropped");
	STR_EQ(p4->ico.s, "61383082", "DIČ repaired");
	STR_EQ(p5->ico.s, "27085031", "spaces removed silently");
	STR_EQ(p6->ico.s, NULL, "empty");
	INT_EQ(r.c->nproviders, 6, "providers kept");
	OK(s->provider == p1, "service keeps its provider");
	/* The lookup index follows the repaired and dropped IČOs. */
	OK(model_find_provider(r.c, "03593207") == p2, "found by padded IČO");
	OK(model_find_provider(r.c, "3593207") == NULL, "old IČO gone");
	OK(model_find_provider(r.c, "27085032") == NULL, "dropped IČO gone");
	OK(model_find_provider(r.c, "61383082") == p4, "found by DIČ-less IČO");
	INT_EQ(r.c->nservices, 1, "service kept");
	run_end(&r);
}

static void
test_cat_ident(void)
{
	struct run	 r;
	struct service	*a, *b, *o, *bad, *noid, *src;
	const char	*out;

	run_start(&r);
	provider(&r, "p", "P", 1);
	a = service(&r, "8532431", "První", "p", "§ 40", 10);
	add_form(&r, a, "ter", 14);
	b = service(&r, "8532431", "Druhá", "p", "§ 40", 20);
	add_form(&r, b, "ter", 24);
	o = service(&r, "8532431", "Doplnění", "p", "§ 40", 30);
	o->is_override = true;
	add_form(&r, o, "ter", 34);
	bad = service(&r, "853243", "Krátká", "p", "§ 40", 40);
	add_form(&r, bad, "ter", 44);
	noid = service(&r, NULL, "Bez identifikátoru", "p", "§ 40", 50);
	add_form(&r, noid, "ter", 54);
	src = service(&r, NULL, "Z registru", "p", "§ 40", 60);
	src->source_id = S(&r, "mpsv-7583", 60, 30);
	add_form(&r, src, "ter", 64);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:20:20: error: identifikátor 8532431 of service „Druhá“ "
	    "is already used by service „První“ (line 10); this one dropped "
	    "[ident-duplicate]\n"
	    "t.json:40:20: error: identifikátor „853243“ of service „Krátká“ "
	    "is not 7 digits; service dropped [ident-format]\n"
	    "t.json:50:3: warning: service „Bez identifikátoru“ has no "
	    "identifikátor; it is printed, but life situations and override "
	    "files cannot refer to it [missing-field]\n", "ident messages");
	OK(b->dropped && bad->dropped, "dropped");
	OK(!a->dropped && !o->dropped && !noid->dropped && !src->dropped,
	    "kept");
	INT_EQ(r.c->nservices, 4, "compacted");
	OK(r.c->services[1] == o && o->index == 1, "renumbered");
	run_end(&r);
}

static void
test_cat_psc(void)
{
	struct run	 r;
	struct provider	*p, *q, *u;
	const char	*out;

	run_start(&r);
	p = provider(&r, "p", "P", 1);
	p->seat.present = true;
	p->seat.psc = S(&r, "767 01", 5, 14);
	p->seat.region = S(&r, "Zlínský kraj", 6, 15);
	q = provider(&r, "q", "Q", 10);
	q->seat.present = true;
	q->seat.psc = S(&r, "07701", 15, 14);
	u = provider(&r, "u", "U", 20);
	u->seat.present = true;
	u->seat.psc = S(&r, "120 00", 25, 14);
	u->seat.region_code = S(&r, "CZ072", 26, 18);
	u->seat.region = S(&r, "Zlínský kraj", 27, 15);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:15:14: error: PSČ „07701“ is not a Czech postal code (5 "
	    "digits, the first one 1 to 7); PSČ dropped [psc-format]\n"
	    "t.json:25:14: warning: PSČ 120 00 starts with 1, which does not "
	    "fit the region „Zlínský kraj“ (PSČ there start with 6 or 7); "
	    "check the address [psc-region]\n", "PSČ messages");
	STR_EQ(p->seat.psc.s, "76701", "normalised");
	STR_EQ(q->seat.psc.s, NULL, "dropped");
	STR_EQ(u->seat.psc.s, "12000", "kept");
	run_end(&r);
}

static void
test_cat_contacts(void)
{
	static const char *const phones[] = { "+420 585 562 109",
	    "573 333 123, 604 111 222", "12345", "585562109", " ",
	    "116 111" };
	static const char *const emails[] = { "mailto:info@x.cz", "bad",
	    "a@x.cz; b@y.cz", "www.x.cz" };
	static const char *const webs[] = { "www.example.cz/", "info@x.cz",
	    "https://x.cz/a/", "ftp://x.cz" };
	struct run	 r;
	struct provider	*p;
	struct listing	*l;
	const char	*out;

	run_start(&r);
	p = provider(&r, "p", "P", 1);
	p->contacts.phones = strs(&r, phones, NELEM(phones), 10);
	p->contacts.nphones = NELEM(phones);
	p->contacts.emails = strs(&r, emails, NELEM(emails), 20);
	p->contacts.nemails = NELEM(emails);
	p->contacts.webs = strs(&r, webs, NELEM(webs), 30);
	p->contacts.nwebs = NELEM(webs);
	l = model_add_listing(r.c, LIST_CRISIS);
	l->name = S(&r, "Linka bezpečí", 40, 12);
	l->contacts.phones = strs(&r, phones + 5, 1, 41);
	l->contacts.nphones = 1;
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:11:9: warning: phone „573 333 123, 604 111 222“ holds 2 "
	    "numbers; split into 573 333 123 and 604 111 222 "
	    "[phone-repaired]\n"
	    "t.json:12:9: error: phone number „12345“ is not valid: it has "
	    "too few digits; a Czech number has 9; value dropped "
	    "[phone-format]\n"
	    "t.json:13:9: warning: phone number 585 562 109 is listed twice; "
	    "printed once [phone-repaired]\n"
	    "t.json:14:9: warning: a phone number is empty; treated as absent "
	    "[empty-value]\n"
	    "t.json:20:9: warning: e-mail „mailto:info@x.cz“: the mailto: in "
	    "front was removed [email-format]\n"
	    "t.json:21:9: error: e-mail „bad“ is not valid: it has no @; "
	    "value dropped [email-format]\n"
	    "t.json:22:9: warning: e-mail „a@x.cz; b@y.cz“ holds 2 addresses; "
	    "split into separate e-mails [email-format]\n"
	    "t.json:23:9: error: e-mail „www.x.cz“ is not valid: it has no @; "
	    "it looks like a web address; value dropped [email-format]\n"
	    "t.json:31:9: error: web address „info@x.cz“ is an e-mail "
	    "address; put it among the e-mails (emaily); value dropped "
	    "[web-format]\n"
	    "t.json:33:9: error: web address „ftp://x.cz“ is not valid: only "
	    "http:// and https:// addresses can be used; value dropped "
	    "[web-format]\n", "contact messages");
	INT_EQ(p->contacts.nphones, 4, "phones");
	STR_EQ(p->contacts.phones[0].s, "585562109", "phone 0");
	STR_EQ(p->contacts.phones[1].s, "573333123", "phone 1");
	STR_EQ(p->contacts.phones[2].s, "604111222", "phone 2");
	INT_EQ(p->contacts.phones[2].pos.line, 11, "split keeps the position");
	STR_EQ(p->contacts.phones[3].s, "116111", "phone 3");
	INT_EQ(p->contacts.nemails, 3, "e-mails");
	STR_EQ(p->contacts.emails[0].s, "info@x.cz", "e-mail 0");
	STR_EQ(p->contacts.emails[1].s, "a@x.cz", "e-mail 1");
	STR_EQ(p->contacts.emails[2].s, "b@y.cz", "e-mail 2");
	INT_EQ(p->contacts.nwebs, 2, "webs");
	STR_EQ(p->contacts.webs[0].s, "www.example.cz", "slash trimmed");
	STR_EQ(p->contacts.webs[1].s, "https://x.cz/a/", "deep slash kept");
	INT_EQ(l->contacts.nphones, 1, "listing phone");
	STR_EQ(l->contacts.phones[0].s, "116111", "listing phone value");
	run_end(&r);
}

static void
test_cat_codebook(void)
{
	struct run	 r;
	struct service	*oa, *ps, *unk, *notype;
	const char	*out;

	run_start(&r);
	provider(&r, "p", "P", 1);
	/* § 39 osobní asistence is terénní only. */
	oa = service(&r, "1000001", "Asistence", "p", "§ 39", 10);
	add_form(&r, oa, "ter", 14);
	add_form(&r, oa, "pob", 15);
	add_cap(&r, &oa->forms[1], "luzka", 10, 16);
	add_form(&r, oa, "ter", 17);
	add_cap(&r, &oa->forms[0], "klient", 30, 18);
	add_cap(&r, &oa->forms[2], "luzka", 32, 19);
	/* § 40 pečovatelská služba, terénní and ambulantní. */
	ps = service(&r, "1000002", "Pečovatelská", "p", "§ 40", 30);
	add_form(&r, ps, "amb", 34);
	add_cap(&r, &ps->forms[0], NULL, 30, 35);
	add_cap(&r, &ps->forms[0], "klient", -5, 36);
	add_cap(&r, &ps->forms[0], "klient", 200000, 37);
	add_cap(&r, &ps->forms[0], "hovor", 100, 38);
	add_cap(&r, &ps->forms[0], "klient", 100000, 39);
	unk = service(&r, "1000003", "Neznámý druh", "p", NULL, 50);
	unk->type_pos = at(&r, 53, 11);
	notype = service(&r, "1000004", "Bez druhu", "p", NULL, 60);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:15:15: error: form „pobytová“ is not allowed for § 39 "
	    "osobní asistence (allowed: terénní); form dropped with "
	    "its capacities [form-not-allowed]\n"
	    "t.json:17:15: warning: form „terénní“ is listed twice for "
	    "service „Asistence“ (first at line 14); the two were merged "
	    "[bad-value]\n"
	    "t.json:19:7: error: a service in the terénní form cannot have "
	    "beds: capacity „32 lůžek“ dropped (use klienti) [unit-form]\n"
	    "t.json:35:7: error: capacity 30 has no unit (jednotka: lůžka, "
	    "klienti, intervence, kontakty or hovory); capacity dropped "
	    "[capacity-unit]\n"
	    "t.json:36:7: error: capacity „-5 klientů“ is negative; capacity "
	    "dropped [capacity-value]\n"
	    "t.json:37:7: error: capacity „200 000 klientů“ is not plausible "
	    "(more than 100 000); capacity dropped [capacity-value]\n"
	    "t.json:38:7: warning: capacity unit „hovory“ is unusual for the "
	    "ambulantní form (it goes with: terénní); check the unit "
	    "[unit-form]\n"
	    "t.json:53:11: error: service „Neznámý druh“ has no known type "
	    "(druh); service dropped [unknown-code]\n"
	    "t.json:60:3: error: service „Bez druhu“ has no type (druh, e.g. "
	    "\"§ 40\"); service dropped [missing-field]\n", "codebook messages");
	INT_EQ(oa->nforms, 1, "one form left");
	INT_EQ(oa->forms[0].ncaps, 1, "the klienti capacity only");
	INT_EQ(oa->forms[0].caps[0].count, 30, "klienti");
	INT_EQ(ps->forms[0].ncaps, 2, "hovory and 100 000 kept");
	INT_EQ(ps->forms[0].caps[1].count, 100000, "limit kept");
	OK(unk->dropped && notype->dropped, "no type: dropped");
	INT_EQ(r.c->nservices, 2, "compacted");
	run_end(&r);
}

static void
test_cat_dates_hours(void)
{
	struct run	 r;
	struct service	*s;
	struct listing	*l;
	const char	*out;

	run_start(&r);
	provider(&r, "p", "P", 1);
	s = service(&r, "1000001", "Služba", "p", "§ 40", 10);
	add_form(&r, s, "ter", 14);
	date_parse("2015-03-01", &s->from);
	s->from.pos = at(&r, 15, 22);
	date_parse("2012-01-01", &s->to);
	s->to.pos = at(&r, 16, 22);
	s->hours.present = true;
	s->hours.nranges = 6;
	s->hours.ranges = model_array(r.c, 6, sizeof *s->hours.ranges);
	s->hours.ranges[0] = (struct hours_range){ 0x1f, 420, 930,
	    at(&r, 20, 9) };
	/* Overnight (a noclehárna): kept. */
	s->hours.ranges[1] = (struct hours_range){ 0x1f, 1140, 420,
	    at(&r, 21, 9) };
	s->hours.ranges[2] = (struct hours_range){ 0x1f, 0, 1500,
	    at(&r, 22, 9) };
	s->hours.ranges[3] = (struct hours_range){ 0, 480, 600,
	    at(&r, 23, 9) };
	s->hours.ranges[4] = (struct hours_range){ 0x60, 1440, 600,
	    at(&r, 24, 9) };
	s->hours.ranges[5] = (struct hours_range){ 0x60, 1320, 1440,
	    at(&r, 25, 9) };
	l = model_add_listing(r.c, LIST_OFFICE);
	l->name = S(&r, "Úřad", 30, 12);
	l->hours.present = true;
	l->hours.nranges = 1;
	l->hours.ranges = model_array(r.c, 1, sizeof *l->hours.ranges);
	l->hours.ranges[0] = (struct hours_range){ 0x01, 480, 480,
	    at(&r, 31, 9) };
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:16:22: error: the registration of service „Služba“ ends "
	    "(2012-01-01) before it starts (2015-03-01); both dates dropped "
	    "[date-range]\n"
	    "t.json:22:9: error: opening hours 0:00–25:00 are outside "
	    "0:00–24:00; range dropped [hours-format]\n"
	    "t.json:23:9: error: opening hours 8:00–10:00 have no valid days; "
	    "range dropped [hours-format]\n"
	    "t.json:24:9: error: opening hours 24:00–10:00 are outside "
	    "0:00–24:00; range dropped [hours-format]\n"
	    "t.json:31:9: error: opening hours 8:00–8:00 end when they start; "
	    "range dropped (write „nonstop“ for a service open all day) "
	    "[hours-format]\n",
	    "date and hours messages");
	INT_EQ(s->from.y, 0, "from dropped");
	INT_EQ(s->to.y, 0, "to dropped");
	INT_EQ(s->hours.nranges, 3, "three ranges left");
	INT_EQ(s->hours.ranges[0].from, 420, "the day one");
	INT_EQ(s->hours.ranges[1].from, 1140, "the overnight one");
	INT_EQ(s->hours.ranges[2].to, 1440, "until midnight");
	INT_EQ(l->hours.nranges, 0, "listing range dropped");
	run_end(&r);
}

static void
test_cat_figures(void)
{
	struct run	 r;
	struct service	*s;
	struct year_figures *f;
	const char	*out;

	run_start(&r);
	provider(&r, "p", "P", 1);
	s = service(&r, "1000001", "Služba", "p", "§ 40", 10);
	add_form(&r, s, "ter", 14);
	s->nfigures = 5;
	s->figures = f = model_array(r.c, 5, sizeof *f);
	fig_init(&r, &f[0], 2025, 20);
	f[0].costs = 523000050;
	f[0].costs_personnel = 410000000;
	f[0].revenue[0] = 300000000;
	f[0].revenue[3] = 100000000;
	fig_init(&r, &f[1], 1999, 30);
	fig_init(&r, &f[2], 2025, 40);
	fig_init(&r, &f[3], 2024, 50);
	f[3].costs = 100000;
	f[3].costs_personnel = 200000;
	f[3].revenue[1] = 250000;
	f[3].fte_direct = -250;
	fig_init(&r, &f[4], 2023, 60);
	f[4].costs = -500000;
	f[4].clients = 130;
	f[4].caps = model_array(r.c, 1, sizeof *f[4].caps);
	f[4].ncaps = 1;
	f[4].caps[0].unit = cb_find(CB_UNIT, "luzka");
	f[4].caps[0].count = 12;
	f[4].caps[0].pos = at(&r, 62, 11);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:30:9: error: year 1999 of the yearly figures of service "
	    "„Služba“ is outside 2000–2100; figures for that year dropped "
	    "[bad-value]\n"
	    "t.json:40:9: error: figures for 2025 are given twice for service "
	    "„Služba“ (first at line 20); the second set dropped [figures]\n"
	    "t.json:50:9: warning: negative FTE in direct care for 2024 "
	    "(-2,50); check the figures [figures]\n"
	    "t.json:50:9: warning: personnel costs for 2024 (2 000 Kč) are "
	    "higher than the costs (1 000 Kč); check the figures [figures]\n"
	    "t.json:50:9: warning: revenues for 2024 (2 500 Kč in total) are "
	    "more than twice the costs (1 000 Kč); check the figures "
	    "[figures]\n"
	    "t.json:60:9: warning: negative costs for 2023 (-5 000 Kč); check "
	    "the figures [figures]\n"
	    "t.json:62:11: error: service „Služba“ has no pobytová form, so it "
	    "cannot have beds: capacity „12 lůžek“ dropped [unit-form]\n",
	    "figures messages");
	INT_EQ(s->nfigures, 3, "two sets dropped");
	INT_EQ(s->figures[0].year, 2025, "order kept 0");
	INT_EQ(s->figures[1].year, 2024, "order kept 1");
	INT_EQ(s->figures[2].year, 2023, "order kept 2");
	INT_EQ(s->figures[2].ncaps, 0, "beds dropped");
	run_end(&r);
}

static void
test_cat_conflict(void)
{
	struct run	 r;
	struct provider	*a, *b, *c;
	const char	*out;

	run_start(&r);
	a = provider(&r, "a", "Charita Kroměříž", 1);
	a->ico = S(&r, "44740867", 3, 12);
	a->seat.present = true;
	a->seat.pos = at(&r, 4, 14);
	a->seat.street = S(&r, "Ztracená", 4, 26);
	a->seat.house = S(&r, "36", 4, 50);
	a->seat.psc = S(&r, "76701", 4, 70);
	a->seat.municipality = S(&r, "Kroměříž", 4, 85);
	b = provider(&r, "b", "Oblastní charita Kroměříž", 10);
	b->ico = S(&r, "44740867", 12, 12);
	b->seat = a->seat;
	b->seat.pos = at(&r, 13, 14);
	b->seat.house = S(&r, "38", 13, 50);
	c = provider(&r, "c", "Charita Kroměříž", 20);
	c->ico = S(&r, "44740867", 22, 12);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:11:10: warning: provider „Oblastní charita Kroměříž“ has "
	    "the same IČO 44740867 as provider „Charita Kroměříž“ (line 2) "
	    "but a different name; both kept [provider-conflict]\n"
	    "t.json:13:14: warning: provider with IČO 44740867 has the seat "
	    "„Ztracená 38, 76701 Kroměříž“ here but „Ztracená 36, 76701 "
	    "Kroměříž“ at line 4; both kept [provider-conflict]\n",
	    "conflict messages");
	INT_EQ(r.c->nproviders, 3, "all kept");
	run_end(&r);
}

static void
test_cat_required(void)
{
	struct run	 r;
	struct provider	*p;
	struct service	*noname, *noprov, *ok;
	struct listing	*l1, *l2, *l3;
	const char	*out;

	run_start(&r);
	p = provider(&r, "p", NULL, 1);
	p->ico = S(&r, "27085031", 3, 12);
	noname = service(&r, "1000001", "  ", "p", "§ 40", 10);
	add_form(&r, noname, "ter", 14);
	noprov = service(&r, "1000002", "Bez poskytovatele", NULL, "§ 40", 20);
	add_form(&r, noprov, "ter", 24);
	ok = service(&r, "1000003", "Dobrá", "p", "§ 40", 30);
	add_form(&r, ok, "ter", 34);
	ok->description = S(&r, "", 35, 12);
	l1 = model_add_listing(r.c, LIST_RELATED);
	l1->id = S(&r, "nemocnice", 40, 9);
	l1->pos = at(&r, 40, 3);
	l2 = model_add_listing(r.c, LIST_RELATED);
	l2->id = S(&r, "bez-nazvu", 50, 9);
	l2->pos = at(&r, 50, 3);
	l3 = model_add_listing(r.c, LIST_CRISIS);
	l3->name = S(&r, "Linka", 60, 12);
	l3->pos = at(&r, 60, 3);
	l1->name = S(&r, "Nemocnice", 41, 12);
	out = run_validate(&r);
	STR_EQ(out,
	    "t.json:1:1: warning: provider „p“ has no name (nazev); it is "
	    "printed without one [missing-field]\n"
	    "t.json:10:3: error: service with identifikátor „1000001“ has no "
	    "name (nazev); service dropped [missing-field]\n"
	    "t.json:11:10: warning: the service name is empty; treated as "
	    "absent [empty-value]\n"
	    "t.json:20:3: error: service „Bez poskytovatele“ has no provider "
	    "(poskytovatel); service dropped [missing-field]\n"
	    "t.json:35:12: warning: the description (popis) is empty; treated "
	    "as absent [empty-value]\n"
	    "t.json:50:3: error: related service (navazne_sluzby) "
	    "„bez-nazvu“ has no name (nazev); record dropped "
	    "[missing-field]\n", "required-field messages");
	INT_EQ(r.c->nservices, 1, "one service left");
	OK(r.c->services[0] == ok && ok->index == 0, "the good one");
	STR_EQ(ok->description.s, NULL, "empty description absent");
	INT_EQ(r.c->nlistings, 2, "listing dropped");
	OK(r.c->listings[1] == l3 && l3->index == 1, "listings renumbered");
	INT_EQ(diag_count_code(r.d, D_MISSING_FIELD), 4, "missing-field count");
	INT_EQ(diag_exit_status(r.d, false), 1, "errors: exit 1");
	run_end(&r);
}

/* A clean catalogue gives no message at all and changes nothing. */
static void
test_cat_clean(void)
{
	static const char *const phones[] = { "585562109", "+421212345678" };
	struct run	 r;
	struct provider	*p;
	struct service	*s;
	const char	*out;

	run_start(&r);
	p = provider(&r, "p", "Charita", 1);
	p->ico = S(&r, "44740867", 3, 12);
	p->seat.present = true;
	p->seat.psc = S(&r, "76701", 4, 12);
	p->seat.region_code = S(&r, "CZ072", 4, 30);
	s = service(&r, "8532431", "Pečovatelská služba", "44740867", "§ 40",
	    10);
	add_form(&r, s, "ter", 14);
	add_cap(&r, &s->forms[0], "klient", 120, 15);
	s->contacts.phones = strs(&r, phones, 2, 16);
	s->contacts.nphones = 2;
	out = run_validate(&r);
	STR_EQ(out, "", "no messages");
	OK(s->contacts.phones[0].s == s->contacts.phones[0].s, "kept");
	STR_EQ(s->contacts.phones[1].s, "+421212345678", "foreign kept");
	INT_EQ(diag_count(r.d, DIAG_WARNING) + diag_count(r.d, DIAG_ERROR), 0,
	    "counts");
	OK(s->provider == p, "linked by IČO");
	run_end(&r);
}

int
main(void)
{
	cb_init();
	RUN(test_ico);
	RUN(test_ident);
	RUN(test_phone);
	RUN(test_phone_split);
	RUN(test_psc);
	RUN(test_email);
	RUN(test_web);
	RUN(test_cat_ico);
	RUN(test_cat_ident);
	RUN(test_cat_psc);
	RUN(test_cat_contacts);
	RUN(test_cat_codebook);
	RUN(test_cat_dates_hours);
	RUN(test_cat_figures);
	RUN(test_cat_conflict);
	RUN(test_cat_required);
	RUN(test_cat_clean);
	return DONE();
}
