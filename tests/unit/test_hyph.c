/*
 * Unit tests of Czech hyphenation (hyph.c): the rules around the patterns
 * (minimums, acronyms, compounds, names, addresses), the exception list,
 * the compiled-in dictionary against Debian's unprocessed file, and the
 * running-text form. "·" in expected text stands for U+00AD, "|" for U+2060.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "hyph.h"
#include "util.h"

static struct hyph *h;

/* Expands · and | into U+00AD and U+2060 (static buffer). */
static const char *
ex(const char *s)
{
	static char	 out[2][1024];
	static int	 k;
	char		*o = out[k++ % 2];
	size_t		 n = 0;

	while (*s != '\0' && n + 4 < sizeof out[0]) {
		if (strncmp(s, "·", 2) == 0) {
			memcpy(o + n, "\xc2\xad", 2);
			n += 2;
			s += 2;
		} else if (*s == '|') {
			memcpy(o + n, "\xe2\x81\xa0", 3);
			n += 3;
			s++;
		} else
			o[n++] = *s++;
	}
	o[n] = '\0';
	return o;
}

static const char *
show(const struct hyph *d, const char *w)
{
	static char	 last[512];
	char		*s = hyph_show(d, w, strlen(w));

	snprintf(last, sizeof last, "%s", s);
	free(s);
	return last;
}

static const char *
text(const char *t, unsigned flags)
{
	static char	 last[1024];
	char		*s;
	size_t		 len;

	s = hyph_text(h, t, strlen(t), flags, &len);
	snprintf(last, sizeof last, "%s", s);
	if (strlen(s) != len)
		snprintf(last, sizeof last, "(length mismatch)");
	free(s);
	return last;
}

#define SHOW(w, want)		STR_EQ(show(h, (w)), (want), (w))
#define TEXT(t, f, want)	STR_EQ(text((t), (f)), ex(want), (t))

static void
test_load(void)
{
	OK(h != NULL, "built-in dictionary loads");
	OK(hyph_new("/nonexistent/hyph.dic", 0) == NULL, "missing file: NULL");
	hyph_free(NULL);
}

static void
test_words(void)
{
	SHOW("poskytovatel", "po-sky-to-va-tel");
	SHOW("společnost", "spo-leč-nost");
	SHOW("odlehčovací", "od-leh-čo-vací");
	SHOW("sociální", "so-ci-ální");
	/* 2 letters before a break, 3 after */
	SHOW("péče", "péče");
	SHOW("denní", "denní");
	SHOW("azylový", "azy-lový");
	/* capitals: a capitalised word is a word, an acronym is not */
	SHOW("Kroměříž", "Kro-mě-říž");
	SHOW("KROMĚŘÍŽ", "KROMĚŘÍŽ");
	SHOW("OSVČ", "OSVČ");
	SHOW("MUDr", "MUDr");
	SHOW("YouTube", "YouTube");
	/* not words at all: unchanged */
	SHOW("COVID19", "COVID19");
	SHOW("MUDr.", "MUDr.");
	SHOW("info@charita.cz", "info@charita.cz");
	SHOW("dvou-", "dvou-");
	SHOW("a--b", "a--b");
	SHOW("", "");
	SHOW("Øresund", "Øresund");	/* no Czech patterns for ø */
}

static void
test_compounds(void)
{
	SHOW("Frýdek-Místek", "Frý-dek=Mís-tek");
	SHOW("Brno-Líšeň", "Brno=Lí-šeň");
	SHOW("je-li", "je=li");
	SHOW("e-mail", "e\xe2\x80\x91mail");
	SHOW("Nováková-Malá", "No-vá-ková=Malá");
	SHOW("česko-německý", "česko=ně-mecký");
}

static void
test_marks(void)
{
	unsigned char	 m[32];

	INT_EQ(hyph_word(h, "bydlení", strlen("bydlení"), m, sizeof m), 7,
	    "characters, not bytes");
	INT_EQ(m[2], HYPH_SOFT, "byd-lení");
	INT_EQ(m[0] + m[1] + m[3] + m[4] + m[5] + m[6], 0, "no other break");
	INT_EQ(hyph_word(h, "e-mail", 6, m, sizeof m), 6, "e-mail");
	INT_EQ(m[1], HYPH_KEEP, "e-mail: no break at its hyphen");
	INT_EQ(hyph_word(h, "je-li", 5, m, sizeof m), 5, "je-li");
	INT_EQ(m[2], HYPH_COMPOUND, "je-li: break and repeat");
	INT_EQ(hyph_word(h, "poskytovatel", 12, m, 5), -1, "too small array");
	INT_EQ(hyph_word(h, "a1", 2, m, sizeof m), -1, "digit");
	INT_EQ(hyph_word(h, "\xff\xfe", 2, m, sizeof m), -1, "invalid UTF-8");
	INT_EQ(m[0] + m[1], 0, "marks cleared on failure");
}

static void
test_exceptions(void)
{
	struct hyph	*p = hyph_new(NULL, HYPH_NO_EXCEPTIONS);

	OK(p != NULL, "patterns only");
	SHOW("koeficient", "koe-fi-ci-ent");
	SHOW("Koeficienty", "Koe-fi-ci-enty");	/* -ty: right minimum */
	SHOW("úhlopříčka", "úhlo-příčka");
	SHOW("Google", "Google");
	SHOW("Facebook", "Face-book");
	SHOW("workshop", "work-shop");
	if (p != NULL) {
		STR_EQ(show(p, "koeficient"), "ko-efi-ci-ent",
		    "without exceptions: the patterns' answer");
		STR_EQ(show(p, "poskytovatel"), "po-sky-to-va-tel",
		    "patterns the same otherwise");
	}
	hyph_free(p);
}

/* mapa's own patterns (src/hyph_cs_extra.pat) */
static void
test_extra_patterns(void)
{
	SHOW("terapeutické", "te-ra-peu-tické");
	SHOW("pneumatika", "pneu-ma-tika");
	SHOW("poukázat", "po-uká-zat");
	SHOW("doučování", "do-učo-vání");
	SHOW("pousmát", "po-usmát");
	SHOW("rozúčtovat", "roz-úč-to-vat");
	SHOW("vyúčtování", "vy-úč-to-vání");
	SHOW("bezúplatného", "bez-úplat-ného");
	SHOW("všeobecná", "vše-obecná");
	SHOW("noclehárna", "noc-le-hárna");
}

/* The reason for src/hyph_cs.sh: Debian's file as shipped misses breaks. */
static void
test_debian_raw(void)
{
	struct hyph	*raw;

	raw = hyph_new("/usr/share/hyphen/hyph_cs_CZ.dic", HYPH_NO_EXCEPTIONS);
	OK(raw != NULL, "Debian's hyph_cs_CZ.dic loads (hyphen-cs)");
	if (raw == NULL)
		return;
	STR_EQ(show(raw, "společnost"), "společnost", "raw: no break at all");
	STR_EQ(show(raw, "dlouhodobě"), "dlouhodobě", "raw: no break at all");
	SHOW("dlouhodobě", "dlou-ho-době");
	STR_EQ(show(raw, "poskytovatel"), "po-sky-tova-tel", "raw: poskyto- missing");
	hyph_free(raw);
}

static void
test_text(void)
{
	TEXT("Služba poskytuje poradenství.", 0,
	    "Služba po·sky·tuje po·ra·den·ství.");
	/* a capitalised word inside a sentence is a name; at its start not */
	TEXT("Organizace Charita Kroměříž. Kroměříž leží", 0,
	    "Or·ga·ni·zace Charita Kroměříž. Kro·mě·říž leží");
	TEXT("Organizace Charita Kroměříž", HYPH_NAMES,
	    "Or·ga·ni·zace Cha·rita Kro·mě·říž");
	TEXT("„Organizace“ a (společnost)", 0,
	    "„Or·ga·ni·zace“ a (spo·leč·nost)");
	TEXT("e-mail je-li Frýdek-Místek", 0, "e-|mail je-li Frýdek-Místek");
	TEXT("je-li Frýdek-Místek", HYPH_NO_COMPOUND, "je-|li Frýdek-|Místek");
	TEXT("COVID-19 a 978-80-7422", 0, "COVID-|19 a 978-|80-|7422");
	TEXT("www.poradna-kromeriz.cz info@socialni-sluzby.cz", 0,
	    "www.poradna-kromeriz.cz info@socialni-sluzby.cz");
	TEXT("poskytovatel 12V OSVČ O’Neillová", 0,
	    "po·sky·to·va·tel 12V OSVČ O’Neillová");
	/* text the author hyphenated is left as it is */
	TEXT("posky\xc2\xadtovatel", 0, "posky\xc2\xadtovatel");
	/* no-break spaces separate words too */
	TEXT("v\xc2\xa0organizaci", 0, "v\xc2\xa0or·ga·ni·zaci");
	TEXT("první\nKroměříž", 0, "první\nKro·mě·říž");
	STR_EQ(text("a\xff poskytovatel", 0), "a\xff poskytovatel",
	    "invalid UTF-8 copied");
	TEXT("", 0, "");
}

static void
test_locale(void)
{
	const char	*t = "Úřad práce a Pečovatelská služba Kroměříž. Čeština";
	char		*a, *b;

	setlocale(LC_ALL, "C");
	a = hyph_text(h, t, strlen(t), 0, NULL);
	if (setlocale(LC_ALL, "cs_CZ.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	b = hyph_text(h, t, strlen(t), 0, NULL);
	STR_EQ(b, a, "same output under both locales");
	setlocale(LC_ALL, "C");
	free(a);
	free(b);
}

int
main(void)
{
	h = hyph_new(NULL, 0);
	if (h == NULL) {
		printf("FAIL: the built-in dictionary does not load\n");
		return 1;
	}
	RUN(test_load);
	RUN(test_words);
	RUN(test_compounds);
	RUN(test_marks);
	RUN(test_exceptions);
	RUN(test_extra_patterns);
	RUN(test_debian_raw);
	RUN(test_text);
	RUN(test_locale);
	hyph_free(h);
	return DONE();
}
