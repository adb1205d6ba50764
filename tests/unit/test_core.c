/*
 * Unit tests of the shared core: UTF-8 helpers, arena, diagnostics, tree
 * helpers, codebooks and model utilities.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "codebook.h"
#include "diag.h"
#include "harness.h"
#include "model.h"
#include "strmap.h"
#include "tree.h"
#include "util.h"

static void
test_utf8(void)
{
	uint32_t cp = 0;
	char	 out[4];

	INT_EQ(utf8_decode((const unsigned char *)"\xc4\x8d", 2, &cp), 2, "č length");
	INT_EQ(cp, 0x10D, "č code point");
	INT_EQ(utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 0, "overlong rejected");
	INT_EQ(utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0, "surrogate rejected");
	INT_EQ(utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0, "> U+10FFFF rejected");
	INT_EQ(utf8_decode((const unsigned char *)"\xe2\x80", 2, &cp), 0, "truncated rejected");
	INT_EQ(utf8_encode(0x202F, out), 3, "U+202F encodes in 3 bytes");
	OK(memcmp(out, "\xe2\x80\xaf", 3) == 0, "U+202F bytes");
	INT_EQ(utf8_check((const unsigned char *)"Krom\xec\xf8\xed\x9e", 8), 4,
	    "windows-1250 byte found at offset 4");
	INT_EQ(utf8_count("Kroměříž", strlen("Kroměříž")), 8, "characters counted");
	OK(all_digits("0123", 4) && !all_digits("12a", 3) && !all_digits("", 0), "all_digits");
}

/* Folding letters for loose matching, trimming values. */
static void
test_text_helpers(void)
{
	const char	*s = "\xc2\xa0 Hulín\t\n", *t;
	size_t		 len = 99;

	INT_EQ(fold_letter(0x10C), 'c', "Č");
	INT_EQ(fold_letter(0x16F), 'u', "ů");
	INT_EQ(fold_letter(0xDD), 'y', "Ý");
	INT_EQ(fold_letter(0x13D), 'l', "Ľ");
	INT_EQ(fold_letter(0x17D), 'z', "Ž");
	INT_EQ(fold_letter('A'), 'a', "A");
	INT_EQ(fold_letter('7'), '7', "digit");
	INT_EQ(fold_letter('-'), 0, "punctuation");
	INT_EQ(fold_letter(0xD7), 0, "multiplication sign");
	INT_EQ(fold_letter(0x3B1), 0, "Greek");
	t = trim_space(s, strlen(s), &len);
	INT_EQ(t - s, 3, "NBSP and space skipped");
	INT_EQ(len, 6, "tab and line end dropped");
	t = trim_space(" \xc2\xa0 ", 4, &len);
	INT_EQ(len, 0, "only spaces");
	t = trim_space("a", 1, &len);
	INT_EQ(len, 1, "nothing to trim");
}

static void
test_buf(void)
{
	struct buf b = { 0 };
	char	*s;

	buf_puts(&b, "Hulín");
	buf_printf(&b, " %d", 768);
	buf_put_utf8(&b, 0xA0);
	STR_EQ(buf_str(&b), "Hulín 768\xc2\xa0", "buffer contents");
	s = buf_steal(&b);
	STR_EQ(s, "Hulín 768\xc2\xa0", "stolen string");
	INT_EQ(b.len, 0, "buffer emptied");
	free(s);
	STR_EQ(buf_str(&b), "", "empty buffer is an empty string");
	buf_free(&b);
}

static void
test_arena(void)
{
	struct arena *a = arena_new();
	char	*p, *big;
	int	 i;
	bool	 aligned = true;

	for (i = 0; i < 10000; i++) {
		p = arena_alloc(a, 13);
		aligned = aligned && ((uintptr_t)p % sizeof(void *)) == 0;
		p[12] = 'x';
	}
	OK(aligned, "every allocation aligned");
	big = arena_alloc(a, 1 << 20);
	OK(big[0] == 0 && big[(1 << 20) - 1] == 0, "big allocation zeroed");
	STR_EQ(arena_strndup(a, "Chropyně", 5), "Chrop", "strndup");
	OK(arena_used(a) >= 10000 * 13, "usage counted");
	arena_reset(a);
	INT_EQ(arena_used(a), 0, "reset");
	arena_free(a);
}

/* Runs diag_flush into a memory stream and returns the text (caller frees). */
static char *
flushed(struct diag *d, FILE *f, char **mem)
{
	diag_flush(d);
	fflush(f);
	return *mem;
}

static void
test_diag(void)
{
	char	*mem = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&mem, &len);
	struct diag *d = diag_new(f);
	struct srcpos a = { diag_file(d, "a.json"), 3, 7 };
	struct srcpos b = { diag_file(d, "b.csv"), 1, 2 };
	struct srcpos a2 = { diag_file(d, "a.json"), 2, 9 };

	diag(d, D_PSC_FORMAT, &b, "PSČ %s is not five digits", dq(d, "7670"));
	diag(d, D_ICO_CHECKSUM, &a, "IČO %s fails", dq(d, "27085032"));
	diag(d, D_UNKNOWN_KEY, &a2, "unknown");
	diag(d, D_IO, NULL, "cannot open x");
	STR_EQ(flushed(d, f, &mem),
	    "mapa: error: cannot open x [io]\n"
	    "a.json:2:9: warning: unknown [unknown-key]\n"
	    "a.json:3:7: error: IČO „27085032“ fails [ico-checksum]\n"
	    "b.csv:1:2: error: PSČ „7670“ is not five digits [psc-format]\n",
	    "sorted by file order, line, column");
	INT_EQ(diag_count(d, DIAG_ERROR), 2, "errors counted");
	INT_EQ(diag_exit_status(d, false), 3, "fatal gives 3");
	INT_EQ(diag_count_code(d, D_UNKNOWN_KEY), 1, "per-code count");
	diag_free(d);
	fclose(f);
	free(mem);

	/* Repeats of one message about one value are printed once. */
	mem = NULL;
	f = open_memstream(&mem, &len);
	d = diag_new(f);
	a.file = diag_file(d, "a.json");
	diag(d, D_PHONE_FORMAT, &a, "bad phone");
	diag(d, D_EMAIL_FORMAT, &a, "bad e-mail");
	diag(d, D_PHONE_FORMAT, &a, "bad phone");
	diag(d, D_PHONE_FORMAT, &a, "bad phone");
	STR_EQ(flushed(d, f, &mem),
	    "a.json:3:7: error: bad phone [phone-format]\n"
	    "a.json:3:7: error: bad e-mail [email-format]\n",
	    "repeats folded, first arrival order kept");
	INT_EQ(diag_count(d, DIAG_ERROR), 2, "folded repeats not counted");
	diag_free(d);
	fclose(f);
	free(mem);

	d = diag_new(NULL);
	diag(d, D_UNKNOWN_KEY, NULL, "w");
	INT_EQ(diag_exit_status(d, false), 0, "warnings alone: 0");
	INT_EQ(diag_exit_status(d, true), 1, "warnings with strict: 1");
	OK(strstr(dq(d, "line\nbreak"), "\\n") != NULL, "control characters shown");
	OK(strstr(dq(d, "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789"), "\xe2\x80\xa6") != NULL,
	    "long values shortened");
	diag_free(d);
}

static void
test_suggest(void)
{
	static const char *const keys[] = { "nazev", "identifikator",
	    "poskytovatel", "telefony", NULL };

	STR_EQ(tree_suggest("nazve", keys), "nazev", "transposition");
	STR_EQ(tree_suggest("telefon", keys), "telefony", "missing letter");
	STR_EQ(tree_suggest("xyz", keys), NULL, "nothing close");
	STR_EQ(tree_suggest("Identifikator", keys), "identifikator", "case ignored");
}

static void
test_codebook(void)
{
	const struct cb_type *t;
	const struct cb_item *u;

	t = cb_type_find("§ 49");
	OK(t != NULL && strcmp(t->name, "domovy pro seniory") == 0, "§ 49");
	OK(cb_type_find("49") == t, "bare paragraph");
	OK(cb_type_find("DruhSocialniSluzby/13") == t, "MPSV id");
	OK(cb_type_find("Domovy pro seniory") == t, "name, any case of ASCII");
	OK(cb_type_find("§\xc2\xa0" "60a") != NULL, "§ with NBSP and a letter");
	OK(cb_type_find("§ 38") == NULL, "§ 38 is not a type");
	INT_EQ(cb_type_count(), 34, "33 statutory types + CDZ");
	OK(t->group == GROUP_PECE, "group");
	OK((t->forms & cb_form_bit(cb_find(CB_FORM, "pob"))) != 0, "DpS is residential");
	OK((t->forms & cb_form_bit(cb_find(CB_FORM, "ter"))) == 0, "DpS is not field");
	u = cb_find(CB_UNIT, "TypKapacitySocialniSluzby/luzka");
	OK(u != NULL && strcmp(u->code, "luzka") == 0, "unit by MPSV id");
	STR_EQ(cb_unit_word(u, 1), "lůžko", "1 lůžko");
	STR_EQ(cb_unit_word(u, 3), "lůžka", "3 lůžka");
	STR_EQ(cb_unit_word(u, 32), "lůžek", "32 lůžek");
	OK(cb_find(CB_TARGET, "CilovaSkupinaOsoby/24") == cb_find(CB_TARGET, "seniori"),
	    "verified target id");
	OK(cb_find(CB_TARGET, "senioři") != NULL, "target by label");
	OK(cb_find(CB_FUND, "esf") != NULL, "funding source");
	INT_EQ(cb_count(CB_FORM), 3, "three forms");
}

static void
test_dates(void)
{
	struct date d = { 0 }, e = { 0 };

	OK(date_parse("2026-09-01", &d) && d.y == 2026 && d.m == 9 && d.d == 1, "ISO");
	OK(date_parse("1. 9. 2026", &e) && date_cmp(&d, &e) == 0, "Czech with spaces");
	OK(date_parse("1.9.2026", &e) && date_cmp(&d, &e) == 0, "Czech without spaces");
	OK(date_parse("1.\xc2\xa0" "9.\xc2\xa0" "2026", &e), "Czech with NBSP");
	OK(!date_parse("2026-02-30", &e), "30 February rejected");
	OK(date_parse("2024-02-29", &e), "leap day");
	OK(!date_parse("2023-02-29", &e), "no leap day in 2023");
	OK(!date_parse("2026-9-1x", &e), "trailing junk");
	OK(!date_parse("20260901", &e), "no separators");
	OK(!date_parse("", &e), "empty");
}

static void
test_model_link(void)
{
	struct catalogue *c = model_new();
	struct diag	*d = diag_new(NULL);
	struct provider *p = model_add_provider(c);
	struct service	*s1 = model_add_service(c), *s2 = model_add_service(c);
	struct situation *sit = model_add_situation(c);

	p->key = model_str(c, "charita", NULL);
	p->ico = model_str(c, "44740867", NULL);
	s1->ident = model_str(c, "1234567", NULL);
	s1->provider_ref = model_str(c, "44740867", NULL);
	s2->ident = model_str(c, "7654321", NULL);
	s2->provider_ref = model_str(c, "nikdo", NULL);
	sit->question = model_str(c, "Pečuji o blízkého", NULL);
	sit->refs = model_array(c, 2, sizeof *sit->refs);
	sit->refs[0] = model_str(c, "1234567", NULL);
	sit->refs[1] = model_str(c, "7654321", NULL);
	sit->nrefs = 2;
	model_link(c, d);
	OK(s1->provider == p, "provider found by IČO");
	INT_EQ(c->nservices, 1, "service with unknown provider dropped");
	INT_EQ(diag_count_code(d, D_UNKNOWN_REF), 2, "both unknown references reported");
	INT_EQ(sit->nservices, 1, "situation keeps the known service");
	model_free(c);
	diag_free(d);
}

/* Equality of model values: absent equals absent only; positions ignored. */
static void
test_model_eq(void)
{
	struct srcpos	 p1 = { NULL, 1, 1 }, p2 = { NULL, 9, 9 };
	struct str	 none = { NULL, { 0 } }, empty = { "", p1 };
	struct str	 a = { "Hulín", p1 }, a2 = { "Hulín", p2 };
	struct str	 b = { "hulín", p1 };
	struct str	 l1[] = { a, b }, l2[] = { a2, b }, l3[] = { b, a };
	struct coderef	 c1 = { cb_find(CB_FORM, "ter"), { 0 } };
	struct coderef	 c2 = { cb_find(CB_FORM, "amb"), p2 };
	struct capacity	 k1 = { cb_find(CB_UNIT, "klient"), 5, { NULL, { 0 } },
	    { 0 } };
	struct capacity	 k2 = k1, k3 = k1;
	struct service_form f1 = { c1.item, &k1, 1, { 0 } }, f2 = f1, f3 = f1;
	struct address	 d1, d2;

	OK(model_str_eq(&none, &none), "absent equals absent");
	OK(!model_str_eq(&none, &empty), "absent is not empty");
	OK(!model_str_eq(&empty, &none), "empty is not absent");
	OK(model_str_eq(&a, &a2), "positions ignored");
	OK(!model_str_eq(&a, &b), "case counts");
	OK(model_strs_eq(l1, 2, l2, 2), "lists equal");
	OK(!model_strs_eq(l1, 2, l3, 2), "order counts");
	OK(!model_strs_eq(l1, 2, l2, 1), "length counts");
	OK(model_strs_eq(NULL, 0, NULL, 0), "empty lists");
	OK(c1.item != NULL && c2.item != NULL, "codebook items found");
	OK(model_codes_eq(&c1, 1, &c1, 1), "same code");
	OK(!model_codes_eq(&c1, 1, &c2, 1), "other code");
	k3.note = a;
	OK(model_caps_eq(&k1, 1, &k2, 1), "same capacity");
	OK(!model_caps_eq(&k1, 1, &k3, 1), "capacity note counts");
	k2.count = 6;
	OK(!model_caps_eq(&k1, 1, &k2, 1), "count counts");
	f2.caps = &k2;
	f3.form = c2.item;
	OK(model_forms_eq(&f1, 1, &f1, 1), "same form");
	OK(!model_forms_eq(&f1, 1, &f2, 1), "capacities compared");
	OK(!model_forms_eq(&f1, 1, &f3, 1), "form compared");
	memset(&d1, 0, sizeof d1);
	memset(&d2, 0, sizeof d2);
	OK(model_address_eq(&d1, &d2), "two absent addresses");
	d1.present = d2.present = true;
	d1.municipality = a;
	d2.municipality = a2;
	OK(model_address_eq(&d1, &d2), "same municipality");
	d2.note = b;
	OK(!model_address_eq(&d1, &d2), "note counts");
}

static void
test_strmap(void)
{
	struct strmap	*m = strmap_new();
	char		 keys[5000][12];
	int		 i, vals[5000];
	bool		 all = true;

	for (i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof keys[i], "%07d", i * 7919 % 10000000);
		vals[i] = i;
		strmap_put(m, keys[i], &vals[i]);
	}
	INT_EQ(strmap_count(m), 5000, "all keys stored");
	for (i = 0; i < 5000; i++)
		all = all && strmap_get(m, keys[i]) == &vals[i];
	OK(all, "every key found after growing");
	OK(strmap_get(m, "nothing") == NULL, "missing key");
	OK(strmap_put(m, keys[3], &vals[4]) == &vals[3], "first value wins");
	strmap_clear(m);
	OK(strmap_get(m, keys[3]) == NULL, "cleared");
	strmap_free(m);
}

int
main(void)
{
	cb_init();
	RUN(test_utf8);
	RUN(test_text_helpers);
	RUN(test_buf);
	RUN(test_arena);
	RUN(test_diag);
	RUN(test_suggest);
	RUN(test_codebook);
	RUN(test_dates);
	RUN(test_model_link);
	RUN(test_model_eq);
	RUN(test_strmap);
	return DONE();
}
