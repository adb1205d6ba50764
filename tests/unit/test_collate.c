/*
 * Unit tests of Czech collation (collate.c): the letters Czech sorts on
 * their own (ch, č, ř, š, ž), accents and case as tie-breakers, numeric
 * order, sort keys, stable sorting, index headings and the locale.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "harness.h"
#include "util.h"

static struct collate *c;

static int
cmp(const char *a, const char *b)
{
	return collate_cmp(c, a, strlen(a), b, strlen(b));
}

#define BEFORE(a, b)	OK(cmp((a), (b)) < 0 && cmp((b), (a)) > 0, a " < " b)

static void
test_letters(void)
{
	BEFORE("hrad", "chata");	/* ch after h */
	BEFORE("chata", "ihned");	/* … and before i */
	BEFORE("Hulín", "Chropyně");
	BEFORE("cyklus", "čas");	/* č after c, not with it */
	BEFORE("Cyril", "Čáslav");
	BEFORE("čas", "dům");
	BEFORE("rybník", "řeka");
	BEFORE("sýr", "šála");
	BEFORE("zvon", "žába");
	BEFORE("Zlín", "Žďár");
}

static void
test_levels(void)
{
	/* accents and case matter only when the letters are equal */
	BEFORE("kasa", "kása");
	BEFORE("kása", "kasy");
	BEFORE("Ďáblice", "Dobruška");	/* ď sorts with d */
	BEFORE("ťuk", "tvar");
	BEFORE("dum", "dům");
	BEFORE("dům", "dumy");
	OK(cmp("Brno", "brno") != 0, "case differs at the last level");
	OK(cmp("Brno", "brno") * cmp("brno", "Brno") < 0, "antisymmetric");
	INT_EQ(cmp("Kroměříž", "Kroměříž"), 0, "equal");
	BEFORE("Nová", "Nová Ves");
}

static void
test_numeric(void)
{
	struct collate	*n = collate_new(true);

	OK(n != NULL, "numeric collator");
	BEFORE("Domov 10", "Domov 2");	/* by characters */
	if (n != NULL) {
		OK(collate_cmp(n, "Domov 2", 7, "Domov 10", 8) < 0,
		    "numeric: 2 before 10");
		collate_free(n);
	}
}

static void
test_keys(void)
{
	static const char *const w[] = {
		"Chropyně", "Hulín", "Kroměříž", "Čáslav", "Cyril", "chata",
		"Řím", "rybník", "Ždánice", "zvon", "Šumperk", "sýr", "Ábel",
		"azyl", "Bystřice", "dům", "Ďáblice",
	};
	unsigned char	*ka, *kb;
	size_t		 i, j, la, lb;
	int		 bad = 0;

	for (i = 0; i < NELEM(w); i++)
		for (j = 0; j < NELEM(w); j++) {
			ka = collate_key(c, w[i], strlen(w[i]), &la);
			kb = collate_key(c, w[j], strlen(w[j]), &lb);
			if ((strcmp((char *)ka, (char *)kb) < 0) !=
			    (cmp(w[i], w[j]) < 0) || strlen((char *)ka) != la)
				bad++;
			free(ka);
			free(kb);
		}
	INT_EQ(bad, 0, "keys order as collate_cmp");
	ka = collate_key(c, "", 0, &la);
	OK(ka != NULL, "empty string has a key");
	free(ka);
	ka = collate_key(c, "a\xff" "b", 3, &la);
	OK(ka != NULL && la > 0, "invalid UTF-8 has a key");
	free(ka);
}

static void
test_sort(void)
{
	const char	*v[] = { "Žatec", "Chropyně", "Hulín", "Čáslav",
	    "Cheb", "Cyril", "Řevnice", "Rokytnice", "Šumperk", "Sedlec",
	    "Ábel", "Adamov", "Zlín" };
	const char	*want[] = { "Ábel", "Adamov", "Cyril", "Čáslav", "Hulín",
	    "Cheb", "Chropyně", "Rokytnice", "Řevnice", "Sedlec", "Šumperk",
	    "Zlín", "Žatec" };
	const char	*x = "kasa", *y = "kasa";
	const char	*s[] = { x, "a", y };
	size_t		 i;
	int		 bad = 0;

	collate_sort(c, v, NELEM(v));
	for (i = 0; i < NELEM(v); i++)
		if (strcmp(v[i], want[i]) != 0) {
			printf("  at %zu: %s, want %s\n", i, v[i], want[i]);
			bad++;
		}
	INT_EQ(bad, 0, "Czech order");
	collate_sort(c, s, NELEM(s));
	OK(s[1] == x && s[2] == y, "stable for equal strings");
	collate_sort(c, s, 0);
}

static void
test_headings(void)
{
	char	 h[8];

#define HEAD(s, want) STR_EQ(collate_heading(c, (s), strlen(s), h), (want), (s))
	HEAD("Ášek", "A");
	HEAD("azyl", "A");
	HEAD("chata", "Ch");
	HEAD("Chropyně", "Ch");
	HEAD("CHARITA", "Ch");
	HEAD("Cyril", "C");
	HEAD("Čáslav", "Č");
	HEAD("Ďáblice", "D");
	HEAD("Ěš", "E");
	HEAD("Řím", "Ř");
	HEAD("Šumperk", "Š");
	HEAD("Ťukání", "T");
	HEAD("Úřad", "U");
	HEAD("Ůdolí", "U");
	HEAD("Žďár", "Ž");
	HEAD("„Domov“", "D");
	HEAD("(Klub)", "K");
	HEAD("1. pomoc", "0\xe2\x80\x93" "9");
	HEAD("Łódź", "L");	/* ICU files ł with l */
	HEAD("Ωmega", "Ω");	/* outside the alphabet: itself */
	HEAD("", "#");
	HEAD("—", "#");
	HEAD("\xff", "#");
#undef HEAD
}

static void
test_locale(void)
{
	int	 a, b;

	setlocale(LC_ALL, "C");
	a = cmp("chata", "ihned");
	if (setlocale(LC_ALL, "cs_CZ.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	b = cmp("chata", "ihned");
	INT_EQ(b, a, "same order under both locales");
	setlocale(LC_ALL, "C");
}

int
main(void)
{
	c = collate_new(false);
	if (c == NULL) {
		printf("FAIL: no Czech collation in ICU\n");
		return 1;
	}
	RUN(test_letters);
	RUN(test_levels);
	RUN(test_numeric);
	RUN(test_keys);
	RUN(test_sort);
	RUN(test_headings);
	RUN(test_locale);
	collate_free(c);
	return DONE();
}
