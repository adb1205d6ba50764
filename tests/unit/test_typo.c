/*
 * Unit tests of the Czech typography stage (typo.c): what the corpus in
 * tests/typo/typo-cases.tsv does not cover — options, the word joiner,
 * lines and spaces, idempotence, and the formatters. In the expected
 * strings "~" stands for U+00A0, "^" for U+202F and "|" for U+2060.
 */
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "typo.h"
#include "util.h"

/* Expands ~ ^ | into U+00A0, U+202F, U+2060 (static buffer). */
static const char *
ex(const char *s)
{
	static char	 out[4][1024];
	static int	 k;
	char		*o = out[k++ % 4];
	size_t		 n = 0;

	for (; *s != '\0' && n + 4 < sizeof out[0]; s++) {
		if (*s == '~')
			n += (size_t)snprintf(o + n, 4, "\xc2\xa0");
		else if (*s == '^')
			n += (size_t)snprintf(o + n, 4, "\xe2\x80\xaf");
		else if (*s == '|')
			n += (size_t)snprintf(o + n, 4, "\xe2\x81\xa0");
		else
			o[n++] = *s;
	}
	o[n] = '\0';
	return o;
}

/* Runs typo_text with the given options and returns a static copy. */
static const char *
run(const char *in, const struct typo_opts *o)
{
	static char	 last[2048];
	char		*out;
	size_t		 len;

	out = typo_text(in, strlen(in), o, &len);
	snprintf(last, sizeof last, "%s", out);
	if (strlen(out) != len)
		snprintf(last, sizeof last, "(length mismatch)");
	free(out);
	return last;
}

#define TYPO(in, want) STR_EQ(run((in), NULL), ex(want), (in))

static void
test_ties_default(void)
{
	TYPO("a v Praze i k lékaři", "a~v~Praze i~k~lékaři");
	TYPO("Z domova a Z Prahy", "Z~domova a~Z~Prahy");
	TYPO("[v závorce] {a}", "[v~závorce] {a}");
	TYPO("písm. a) a b)", "písm.~a) a~b)");
	/* a single letter at the end of a line has nothing to tie to */
	TYPO("služby pro seniory a", "služby pro seniory a");
}

static void
test_ties_configurable(void)
{
	struct typo_opts o;

	typo_opts_default(&o);
	STR_EQ(o.tie_letters, "kKsSvVzZoOuUaAiI", "default tie set");
	OK(typo_opts_set_ties(&o, "KkSsVvZzOoUuAI"), "vlna's set accepted");
	STR_EQ(run("a v Praze i k lékaři A u nás", &o),
	    ex("a v~Praze i k~lékaři A~u~nás"), "vlna: lowercase a, i untied");
	OK(typo_opts_set_ties(&o, "k, s, v, z"), "separators dropped");
	STR_EQ(o.tie_letters, "ksvz", "letters kept");
	STR_EQ(run("a v Praze, o nás", &o), ex("a v~Praze, o nás"),
	    "only k s v z");
	OK(!typo_opts_set_ties(&o, "k1"), "a digit is refused");
	OK(!typo_opts_set_ties(&o, "\xff"), "invalid UTF-8 is refused");
	OK(!typo_opts_set_ties(&o, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "too long is refused");
	STR_EQ(o.tie_letters, "ksvz", "a refused set changes nothing");
	OK(typo_opts_set_ties(&o, ""), "empty set: no ties");
	STR_EQ(run("a v Praze", &o), "a v Praze", "empty set");
}

static void
test_groups_off(void)
{
	struct typo_opts o;

	typo_opts_default(&o);
	o.flags &= ~TYPO_QUOTES;
	STR_EQ(run("\"Domov\" a 'Klub'", &o), ex("\"Domov\" a~'Klub'"),
	    "quotes off");
	typo_opts_default(&o);
	o.flags &= ~TYPO_JOINER;
	STR_EQ(run("2013 - 2015", &o), "2013\xe2\x80\x93" "2015",
	    "no word joiner");
	typo_opts_default(&o);
	o.flags &= ~TYPO_DASHES;
	STR_EQ(run("2013 - 2015, a - b", &o), ex("2013 - 2015, a~- b"),
	    "dashes off");
	typo_opts_default(&o);
	o.flags &= ~TYPO_NUMBERS;
	STR_EQ(run("10000 Kč a 1 500 Kč", &o), ex("10000 Kč a~1 500 Kč"),
	    "numbers off");
	typo_opts_default(&o);
	o.flags &= ~TYPO_TIES;
	STR_EQ(run("v Praze, Ing. Novák", &o), "v Praze, Ing. Novák",
	    "ties off");
	o.flags = 0;
	STR_EQ(run("  \"a\"  v   Praze...  ", &o), "\"a\" v Praze...",
	    "nothing but spaces");
}

static void
test_joiner(void)
{
	TYPO("8.00-16.00", "8.00–|16.00");
	TYPO("Po - Pá", "Po–|Pá");
	TYPO("pondělí-pátek", "pondělí–|pátek");
	TYPO("leden - březen", "leden–|březen");
	TYPO("2–3x týdně", "2–|3× týdně");
	/* already joined: the joiner is not doubled */
	TYPO("2013–\xe2\x81\xa0" "2015", "2013–|2015");
	/* not ranges: a sentence dash, a relation, a code */
	TYPO("Praha - Brno", "Praha~– Brno");
	TYPO("klient–pracovník", "klient–pracovník");
	TYPO("978-80-7422", "978-80-7422");
}

static void
test_lines_spaces(void)
{
	TYPO("a  v\t\tPraze", "a~v~Praze");
	TYPO("   v Praze   ", "v~Praze");
	TYPO("v Praze\r", "v~Praze");
	TYPO("v Praze\nk lékaři\n", "v~Praze\nk~lékaři\n");
	TYPO("\n\n", "\n\n");
	TYPO("", "");
	TYPO("v\xe2\x80\x89" "Praze", "v~Praze");	/* thin space */
	TYPO("1\xe2\x80\xaf" "500 Kč", "1^500~Kč");	/* kept */
	/* an author's no-break space stays even where no rule ties */
	TYPO("Karel\xc2\xa0Novák", "Karel~Novák");
	/* an invalid line is copied as it is, the others are done */
	STR_EQ(run("v Praze\na\xff v\nk lékaři", NULL),
	    ex("v~Praze\na\xff v\nk~lékaři"), "invalid line copied");
}

static void
test_untouched(void)
{
	TYPO("http://example.cz/a-b/\"x\"?q=1...2", "http://example.cz/a-b/\"x\"?q=1...2");
	TYPO("(www.mpsv.cz)", "(www.mpsv.cz)");
	TYPO("'jan.novak'@example.cz", "'jan.novak'@example.cz");
	TYPO("COVID-19", "COVID-19");
	TYPO("Ph.D.", "Ph.D.");
	TYPO("01.03.2007", "01.03.2007");
	TYPO("99.99.2000", "99.99.2000");
	TYPO("50% sleva", "50% sleva");
}

static void
test_tokens(void)
{
	TYPO("T.G.Masaryk", "T.~G.~Masaryk");
	TYPO("s.r.o., Kroměříž", "s.~r.~o., Kroměříž");
	TYPO("Charita, o. p. s. Služba", "Charita, o.~p.~s. Služba");
	TYPO("§§40", "§§~40");
	TYPO("(§52)", "(§~52)");
	TYPO("do 31.12.2024.", "do 31.~12.~2024.");
	TYPO("tel. 573335112", "tel.~573~335~112");
	TYPO("IČO 123456789", "IČO~123456789");
	TYPO("+421905123456", "+421~905~123~456");
	TYPO("3 x 4 m", "3~×~4~m");
	TYPO("3 x týdně", "3× týdně");
	TYPO("10000 Kč", "10^000~Kč");
	TYPO("−1200,50 Kč", "−1200,50~Kč");
	TYPO("12345678,90 EUR", "12^345^678,90~EUR");
	TYPO("10 000 obyvatel", "10^000~obyvatel");
	TYPO("celkem 10 000", "celkem 10^000");
	TYPO("Velké náměstí 115/1", "Velké náměstí~115/1");
	TYPO("obědy apod. Služba", "obědy apod. Služba");
	TYPO("např. služba", "např.~služba");
	TYPO("30 min. denně", "30~min. denně");
	TYPO("min. 5 osob", "min.~5~osob");
	TYPO("(8.00 - 16.00)", "(8.00–|16.00)");
	TYPO("- 5 °C", "– 5~°C");
	TYPO("Karel IV. byl král", "Karel~IV. byl král");
	TYPO("II. patro", "II.~patro");
}

/* Years, PSČ, IČO, identifikátor and house numbers are never grouped. */
static void
test_never_grouped(void)
{
	TYPO("v roce 20150 a 2015", "v~roce~20150 a~2015");
	TYPO("PSČ 76701", "PSČ~76701");
	TYPO("IČO 00287351", "IČO~00287351");
	TYPO("identifikátor 1234567", "identifikátor~1234567");
	TYPO("Komenského 14201", "Komenského 14201");
	TYPO("Komenského 1420/2", "Komenského~1420/2");
	TYPO("č. ú. 1234567890/0800", "č.~ú.~1234567890/0800");
	TYPO("ISBN 9788074221234", "ISBN~9788074221234");
	/* an amount is: before a currency, or when written in groups */
	TYPO("12345 Kč", "12^345~Kč");
	TYPO("celkem 12 345 osob", "celkem 12^345~osob");
}

static void
test_quotes(void)
{
	TYPO("\"Klub \"Senior\" Kroměříž\"", "„Klub ‚Senior‘ Kroměříž“");
	TYPO("‘Domov’", "‚Domov‘");
	TYPO("„Domov“", "„Domov“");
	TYPO("rock'n'roll", "rock’n’roll");
	TYPO("x \" y", "x \" y");	/* a lone quote: left */
	TYPO("„Nedokončená", "„Nedokončená");
}

static void
test_idempotent(void)
{
	static const char *const in[] = {
		"Rozpočet 2 703 663,20 Kč, z toho dotace 1 500 000 Kč (55 %).",
		"Otevřeno: pondělí - čtvrtek 8.00 - 16.00, pátek 8.00 - 14.00",
		"\"Projekt 'Nový začátek' pokračuje\" - T.G. Masaryk, s.r.o.",
		"1. 1. - 31. 12. 2024, +420585562109, -5 °C, 3x týdně...",
		"Sídlo: T. G. Masaryka 1420/2, 767 01 Kroměříž 1",
		/* found by tests/fuzz/fuzz_typo.c */
		"§477777777",
		"Klub \"Seniorni Klubo \"Seniror\"ik ba\"y",
		".01. 1. - 31. 11. -01. 1. - 31. 12. 2024",
		"1.-3. x # patr",
	};
	char	*a, *b;
	size_t	 i, la, lb;

	for (i = 0; i < NELEM(in); i++) {
		a = typo_text(in[i], strlen(in[i]), NULL, &la);
		b = typo_text(a, la, NULL, &lb);
		STR_EQ(b, a, in[i]);
		free(a);
		free(b);
	}
}

#define FMT(call, want) do {						\
	struct buf b_ = { 0 };						\
	buf_puts(&b_, "");						\
	(void)(call);							\
	STR_EQ(buf_str(&b_), ex(want), #call);				\
	buf_free(&b_);							\
} while (0)

static void
test_formatters(void)
{
	FMT(typo_fmt_number(&b_, 0, 0, false), "0");
	FMT(typo_fmt_number(&b_, 1234, 0, false), "1234");
	FMT(typo_fmt_number(&b_, 1234, 0, true), "1^234");
	FMT(typo_fmt_number(&b_, 12345, 0, false), "12^345");
	FMT(typo_fmt_number(&b_, -1234567, 2, false), "−12^345,67");
	FMT(typo_fmt_number(&b_, 1250, 2, false), "12,50");
	FMT(typo_fmt_number(&b_, 5, 3, false), "0,005");
	FMT(typo_fmt_number(&b_, LLONG_MIN, 0, false),
	    "−9^223^372^036^854^775^808");
	FMT(typo_fmt_number(&b_, 7, 9, false), "0,000007");	/* at most 6 */
	FMT(typo_fmt_amount(&b_, 270366320, false), "2^703^663,20~Kč");
	FMT(typo_fmt_amount(&b_, 15000, false), "150~Kč");
	FMT(typo_fmt_amount(&b_, 15000, true), "150,00~Kč");
	FMT(typo_fmt_amount(&b_, -120000, false), "−1200~Kč");
	FMT(typo_fmt_amount(&b_, 150000000, false), "1^500^000~Kč");
	FMT(typo_fmt_date(&b_, 2026, 9, 1, false), "1.~září~2026");
	FMT(typo_fmt_date(&b_, 2026, 10, 28, false), "28.~října~2026");
	FMT(typo_fmt_date(&b_, 2026, 9, 1, true), "1.~9.~2026");
	FMT(typo_fmt_date(&b_, 2024, 2, 29, false), "29.~února~2024");
	FMT(typo_fmt_date(&b_, 2025, 2, 29, false), "");
	FMT(typo_fmt_date(&b_, 1900, 2, 29, false), "");
	FMT(typo_fmt_date(&b_, 2026, 13, 1, false), "");
	FMT(typo_fmt_phone(&b_, "585562109"), "585~562~109");
	FMT(typo_fmt_phone(&b_, "+420585562109"), "+420~585~562~109");
	FMT(typo_fmt_phone(&b_, "+420 585 562 109"), "+420~585~562~109");
	FMT(typo_fmt_phone(&b_, "00420 585 562 109"), "+420~585~562~109");
	FMT(typo_fmt_phone(&b_, "(+420) 585-562-109"), "+420~585~562~109");
	FMT(typo_fmt_phone(&b_, "800 11 22 33"), "800~11~22~33");
	FMT(typo_fmt_phone(&b_, "585 56 21 09"), "585~56~21~09");
	FMT(typo_fmt_phone(&b_, "58 5562 109"), "58~5562~109");
	FMT(typo_fmt_phone(&b_, "5855 6 2109"), "585~562~109");
	FMT(typo_fmt_phone(&b_, "12345"), "12345");
	FMT(typo_fmt_phone(&b_, "+49 30 1234567"), "+49 30 1234567");
	FMT(typo_fmt_phone(&b_, "585 562 109 ext"), "585 562 109 ext");
	FMT(typo_fmt_phone(&b_, ""), "");
	FMT(typo_fmt_psc(&b_, "76701"), "767~01");
	FMT(typo_fmt_psc(&b_, "767 01"), "767~01");
	FMT(typo_fmt_psc(&b_, "7670"), "7670");
	FMT(typo_fmt_psc(&b_, "76 701"), "76 701");
	FMT(typo_fmt_psc(&b_, "767012"), "767012");
	{
		struct buf	 b = { 0 };

		OK(!typo_fmt_psc(&b, "x"), "bad PSČ returns false");
		OK(typo_fmt_psc(&b, "76701"), "PSČ returns true");
		OK(!typo_fmt_phone(&b, "1"), "bad phone returns false");
		OK(typo_fmt_phone(&b, "585562109"), "phone returns true");
		buf_free(&b);
	}
}

static void
test_locale(void)
{
	const char	*in = "Úřad v Kroměříži, \"Domov\" - 1 500 Kč, ČSN 01 6910";
	char		*a, *b;

	setlocale(LC_ALL, "C");
	a = typo_text(in, strlen(in), NULL, NULL);
	if (setlocale(LC_ALL, "cs_CZ.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	b = typo_text(in, strlen(in), NULL, NULL);
	STR_EQ(b, a, "same output under both locales");
	setlocale(LC_ALL, "C");
	free(a);
	free(b);
}

int
main(void)
{
	RUN(test_ties_default);
	RUN(test_ties_configurable);
	RUN(test_groups_off);
	RUN(test_joiner);
	RUN(test_lines_spaces);
	RUN(test_untouched);
	RUN(test_tokens);
	RUN(test_never_grouped);
	RUN(test_quotes);
	RUN(test_idempotent);
	RUN(test_formatters);
	RUN(test_locale);
	return DONE();
}
