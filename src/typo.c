/*
 * Czech typography (see typo.h; the rules and the decisions behind them are
 * listed in tests/typo/README.md).
 *
 * Each line is split into tokens at spaces; the passes below rewrite tokens
 * (quotes, dashes, ranges, splitting "12.12.2011" or "s.r.o." into parts)
 * and then decide, for every gap between two tokens, which space it gets:
 * an ordinary space, U+00A0 (a tie) or U+202F (inside a number). Working on
 * whole tokens keeps every rule local and readable: a rule looks at the two
 * tokens around a gap, rarely one further.
 *
 * Letter classes and case come from ICU (u_isalpha, u_isupper), never from
 * the C library, so the process locale does not matter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "typo.h"
#include "util.h"

#define NBSP	0x00a0
#define NNBSP	0x202f
#define WJ	0x2060
#define NDASH	0x2013
#define MDASH	0x2014
#define MINUS	0x2212
#define TIMES	0x00d7
#define ELLIPSIS 0x2026
#define LDQUO	0x201e	/* „ */
#define RDQUO	0x201c	/* “ */
#define LSQUO	0x201a	/* ‚ */
#define RSQUO	0x2018	/* ‘ */
#define APOS	0x2019	/* ’ */
#define ENRDQUO	0x201d	/* ” (English closing) */

/* What separates a token from the next one. */
enum gap {
	GAP_SPACE,
	GAP_NBSP,
	GAP_NNBSP,
	GAP_UNSET
};

struct tok {
	uint32_t	*cp;		/* the token's characters */
	size_t		 n, cap;
	enum gap	 hard;		/* the input's no-break space after it,
					   or GAP_SPACE */
	enum gap	 gap;		/* decided space after it */
	bool		 address;	/* URL or e-mail: never changed */
	bool		 range;		/* has a range dash (gets U+2060) */
	bool		 dash;		/* a spaced sentence dash "–" */
};

struct line {
	struct tok		*t;
	size_t			 n, cap;
	const struct typo_opts	*o;
	uint32_t		 ties[TYPO_MAX_TIES];
	size_t			 nties;
};

/* ---------------------------------------------------------------------- */
/* Word lists. Matching is on whole token cores unless said otherwise.     */

/* Abbreviations always tied to the next word: titles before a name,
   and abbreviations that announce what follows (č. 5, tel. 585…). */
static const char *const tie_abbrevs[] = {
	"Bc.", "BcA.", "Ing.", "arch.", "Mgr.", "MgA.", "MUDr.", "MDDr.",
	"MVDr.", "PhDr.", "PaedDr.", "JUDr.", "RNDr.", "PharmDr.", "ThDr.",
	"ThLic.", "ThMgr.", "RSDr.", "ICDr.", "PhMr.", "Dr.", "doc.", "Doc.",
	"prof.", "Prof.", "pí.", "sv.", "sl.", "gen.", "plk.", "kpt.", "mjr.",
	"č.", "čp.", "čj.", "ev.", "čl.", "odst.", "písm.", "str.", "obr.",
	"tab.", "kap.", "příl.", "tel.", "mob.", "nám.", "tř.", "ul.", "nábř.",
	"sídl.", "max.", "min.", "např.", "tzv.", "tj.", "tzn.", "resp.",
	"popř.", "příp.", "vč.", "zejm.", "cca", "viz", "spol.", "pozn.",
	"roč.", "vyhl.", "zák.", "reg.", "Tel.", "Mob.", "Č.", "Čl.", "Str.",
	"Obr.", "Tab.", "Např.", "Tzv.", "Viz", "Cca",
};

/* Titles written after a name, tied to the comma before them. */
static const char *const post_titles[] = {
	"DiS.", "Ph.D.", "PhD.", "CSc.", "DrSc.", "Th.D.", "ArtD.", "MBA",
	"MPA", "MPH", "DBA", "BBA", "LL.M.", "LLM", "MSc.", "MSc", "BSc.",
	"MA", "BA", "dr.", "Dr.",
};

/* Units, currencies and signs tied to the number before them; matched as
   a prefix followed by a non-letter ("Kč/hod.", "km).", "°C"). */
static const char *const units[] = {
	"km", "m", "cm", "mm", "m2", "m²", "m3", "m³", "km2", "km²", "ha",
	"kg", "g", "t", "l", "ml", "dl", "h", "hod", "min", "sek", "°C", "°",
	"%", "‰", "Kč", "€", "EUR", "USD", "CZK", "$", "£", "Sb", "str", "ks",
	"tis", "mil", "mld", "kWh", "MWh", "kW", "MW",
};

/* Currencies: an amount before one is grouped by thousands. */
static const char *const currencies[] = {
	"Kč", "€", "EUR", "USD", "CZK", "$", "£",
};

/* Nouns counted by the number before them ("30 klientů", "s 5 lůžky"). */
static const char *const counted[] = {
	"osob", "osoby", "osoba", "osobám", "lidí", "lidé", "klient",
	"klienti", "klientů", "klienty", "klientek", "klientky", "klientkám",
	"uživatel", "uživatelé", "uživatelů", "uživatele", "lůžko", "lůžka",
	"lůžek", "lůžky", "místo", "místa", "míst", "pokoj", "pokoje",
	"pokojů", "byt", "byty", "bytů", "rok", "roky", "roků", "let", "lety",
	"měsíc", "měsíce", "měsíců", "týden", "týdny", "týdnů", "den", "dny",
	"dní", "dnů", "dnech", "hodina", "hodiny", "hodin", "hodinu", "minut",
	"minuty", "minuta", "dítě", "děti", "dětí", "senioři", "seniorů",
	"rodina", "rodiny", "rodin", "pracovník", "pracovníci", "pracovníků",
	"zaměstnanci", "zaměstnanců", "obcí", "obyvatel", "obyvatelé",
	"stran", "strany", "kusů", "kusy", "porcí", "porce", "obědů", "obědy",
	"jídel", "intervencí", "intervence", "kontaktů", "kontakty", "hovorů",
	"hovory", "úvazků", "úvazky", "úvazek", "služeb", "týmů", "skupin",
	"skupiny", "setkání", "návštěv", "kurzů", "lekcí",
};

/* Words tied to the number after them ("identifikátor 1234567", "fax
   585…", "roce 2015"); compared without case. */
static const char *const before_number[] = {
	"identifikátor", "identifikátoru", "identifikátorem", "fax", "tel",
	"telefon", "telefonu", "mobil", "linka", "linku", "lince", "roce",
	"roku", "rok", "strana", "straně", "kapitola", "kapitole", "příloha",
	"příloze", "bod", "bodě", "patro", "patře", "pokoj", "budova",
	"budově", "vchod", "číslo", "čísle", "kód", "autobus", "tramvaj",
	"trolejbus", "zastávka", "verze", "ročník", "sál", "kancelář",
	"místnost", "dveře", "náměstí", "třída", "ulice", "nábřeží",
	"sídliště", "alej", "nádraží",
};

/* Second halves of composite acronyms tied to the first (FF UK, AV ČR). */
static const char *const designations[] = {
	"UK", "ČR", "SR", "MU", "UP", "VUT", "ČVUT", "VŠE", "ZČU", "JU", "OU",
	"UTB", "UJEP", "UHK", "SU", "TUL", "MENDELU", "VŠB-TUO",
};

/* Codes written before a number that is an identifier, not a phone. */
static const char *const id_words[] = {
	"IČO", "IČ", "DIČ", "ISBN", "ISSN", "identifikátor", "č.", "ú.",
	"účet", "účtu", "č.ú.", "IČO:", "IČ:", "DIČ:", "§", "§§",
};

/* Conjunctions an ordinal is not tied to ("5. a 6. třída"). */
static const char *const conjunctions[] = {
	"a", "i", "nebo", "anebo", "ani", "či", "až", "ale", "resp.", "tj.",
};

static const char *const weekdays[] = {
	"po", "út", "st", "čt", "pá", "so", "ne", "pondělí", "úterý", "středa",
	"čtvrtek", "pátek", "sobota", "neděle",
};

static const char *const months[] = {
	"leden", "únor", "březen", "duben", "květen", "červen", "červenec",
	"srpen", "září", "říjen", "listopad", "prosinec",
};

static const char *const months_genitive[] = {
	"ledna", "února", "března", "dubna", "května", "června", "července",
	"srpna", "září", "října", "listopadu", "prosince",
};

/* ---------------------------------------------------------------------- */
/* Characters                                                              */

static bool
is_digit_cp(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool
is_letter(uint32_t c)
{
	return u_isalpha((UChar32)c) != 0;
}

static bool
is_upper(uint32_t c)
{
	return u_isupper((UChar32)c) != 0;
}

static bool
is_lower(uint32_t c)
{
	return u_islower((UChar32)c) != 0;
}

static uint32_t
lower(uint32_t c)
{
	return (uint32_t)u_tolower((UChar32)c);
}

/* Spaces that separate tokens; U+00A0 and U+202F are remembered. */
static bool
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
	    c == NBSP || c == NNBSP || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x205f || c == 0x3000;
}

static bool
is_opener(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == LDQUO || c == LSQUO ||
	    c == '"' || c == '\'' || c == RDQUO || c == RSQUO || c == 0x00ab ||
	    c == 0x00bb;
}

static bool
is_closer(uint32_t c)
{
	return c == ')' || c == ']' || c == '}' || c == RDQUO || c == RSQUO ||
	    c == '"' || c == '\'' || c == ENRDQUO || c == APOS || c == ',' ||
	    c == ';' || c == ':' || c == '!' || c == '?' || c == 0x00ab ||
	    c == 0x00bb;
}

/* ---------------------------------------------------------------------- */
/* Comparing code points with UTF-8 literals                               */

/* Compares cp[0..n) with the UTF-8 string s, optionally without case. */
static bool
eq(const uint32_t *cp, size_t n, const char *s, bool fold)
{
	size_t		 i = 0, k, len;
	uint32_t	 c;

	/* Most list words differ at once: tell them before measuring. */
	if ((unsigned char)s[0] < 0x80 && (n == 0 ? s[0] != '\0' :
	    fold ? lower(cp[0]) != lower((unsigned char)s[0]) :
	    cp[0] != (unsigned char)s[0]))
		return false;
	len = strlen(s);
	while (i < len) {
		if ((k = utf8_decode((const unsigned char *)s + i, len - i,
		    &c)) == 0 || n == 0)
			return false;
		if (fold ? lower(*cp) != lower(c) : *cp != c)
			return false;
		cp++;
		n--;
		i += k;
	}
	return n == 0;
}

/* Returns the length in code points of s when cp starts with it. */
static size_t
starts(const uint32_t *cp, size_t n, const char *s)
{
	size_t		 i = 0, k, m = 0, len;
	uint32_t	 c;

	if ((unsigned char)s[0] < 0x80 && s[0] != '\0' &&
	    (n == 0 || cp[0] != (unsigned char)s[0]))
		return 0;
	len = strlen(s);

	while (i < len) {
		if ((k = utf8_decode((const unsigned char *)s + i, len - i,
		    &c)) == 0 || m == n || cp[m] != c)
			return 0;
		m++;
		i += k;
	}
	return m;
}

static bool
in_list(const uint32_t *cp, size_t n, const char *const *list, size_t nl,
    bool fold)
{
	size_t	 i;

	for (i = 0; i < nl; i++)
		if (eq(cp, n, list[i], fold))
			return true;
	return false;
}

#define IN(cp, n, list, fold) in_list((cp), (n), (list), NELEM(list), (fold))

/* A list word as a prefix of cp, followed by the end or a non-letter. */
static bool
prefix_in(const uint32_t *cp, size_t n, const char *const *list, size_t nl)
{
	size_t	 i, m;

	for (i = 0; i < nl; i++) {
		if ((m = starts(cp, n, list[i])) == 0)
			continue;
		if (m == n || (!is_letter(cp[m]) && !is_digit_cp(cp[m])))
			return true;
	}
	return false;
}

/* ---------------------------------------------------------------------- */
/* Tokens                                                                  */

static void
tok_push(struct tok *t, uint32_t c)
{
	if (t->n == t->cap)
		grow(&t->cp, &t->cap, t->n + 1, sizeof *t->cp);
	t->cp[t->n++] = c;
}

/*
 * The passes that split or join tokens rebuild the line: they move every
 * token into a new array (line_begin, line_take, line_end), so that a long
 * line costs linear time, not an insertion per split.
 */

/* Appends a new empty token and returns it. */
static struct tok *
line_new(struct line *l)
{
	if (l->n == l->cap)
		grow(&l->t, &l->cap, l->n + 1, sizeof *l->t);
	memset(&l->t[l->n], 0, sizeof *l->t);
	l->t[l->n].gap = GAP_UNSET;
	return &l->t[l->n++];
}

/* Moves token t to the end of l (l takes over its characters). */
static struct tok *
line_take(struct line *l, struct tok *t)
{
	struct tok	*n = line_new(l);

	*n = *t;
	t->cp = NULL;
	t->n = t->cap = 0;
	return n;
}

/*
 * Moves token t to the end of l cut at the positions pos[0] < pos[1] < …
 * (np of them, each inside t): the gaps between the pieces are ordinary
 * spaces for the rules to decide, the last piece keeps t's gap.
 */
static void
line_take_split(struct line *l, struct tok *t, const size_t *pos, size_t np)
{
	struct tok	*p;
	size_t		 k, j, from = 0, to;

	for (k = 0; k < np; k++) {
		to = pos[k];
		if (to <= from || to >= t->n)
			continue;
		p = line_new(l);
		for (j = from; j < to; j++)
			tok_push(p, t->cp[j]);
		from = to;
	}
	if (from > 0) {
		memmove(t->cp, t->cp + from, (t->n - from) * sizeof *t->cp);
		t->n -= from;
		t->address = t->range = t->dash = false;
	}
	line_take(l, t);
}

/* Starts rebuilding l into out. */
static void
line_begin(const struct line *l, struct line *out)
{
	*out = *l;
	out->t = NULL;
	out->n = out->cap = 0;
}

/* Ends it: l gets out's tokens; what was not moved is freed. */
static void
line_end(struct line *l, struct line *out)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->t[i].cp);
	free(l->t);
	l->t = out->t;
	l->n = out->n;
	l->cap = out->cap;
}

/* Number of opening brackets and quotes at the token's start. */
static size_t
lead(const struct tok *t)
{
	size_t	 i = 0;

	while (i < t->n && is_opener(t->cp[i]))
		i++;
	return i;
}

/*
 * Where the token's trailing punctuation starts: the longest run at the end
 * of closers and dots, when it has at least one closer (a lone final dot
 * belongs to an abbreviation or an ordinal: "č.", "5.").
 */
static size_t
trail(const struct tok *t)
{
	size_t	 i = t->n;
	bool	 closer = false;

	while (i > 0 && (is_closer(t->cp[i - 1]) || t->cp[i - 1] == '.' ||
	    t->cp[i - 1] == ELLIPSIS)) {
		closer |= is_closer(t->cp[i - 1]);
		i--;
	}
	return closer ? i : t->n;
}

/* The token without leading openers and trailing punctuation. */
struct core {
	const uint32_t	*cp;
	size_t		 n;
	bool		 lead;		/* had openers before it */
	bool		 trail;		/* had punctuation after it */
};

static struct core
core(const struct tok *t)
{
	struct core	 c;
	size_t		 a = lead(t), b = trail(t);

	if (b < a)
		b = a;
	c.cp = t->cp + a;
	c.n = b - a;
	c.lead = a > 0;
	c.trail = b < t->n;
	return c;
}

/* ---------------------------------------------------------------------- */
/* Token classes                                                           */

static size_t
digits(const uint32_t *cp, size_t n)
{
	size_t	 i = 0;

	while (i < n && is_digit_cp(cp[i]))
		i++;
	return i;
}

/* A plain number: [sign] digits [ [.,:] digits ]. */
static bool
is_number(const uint32_t *cp, size_t n)
{
	size_t	 i = 0, k;

	if (n > 0 && (cp[0] == '-' || cp[0] == MINUS || cp[0] == '+'))
		i++;
	if ((k = digits(cp + i, n - i)) == 0)
		return false;
	i += k;
	if (i == n)
		return true;
	if (cp[i] != '.' && cp[i] != ',' && cp[i] != ':')
		return false;
	i++;
	k = digits(cp + i, n - i);
	return k > 0 && i + k == n;
}

/* An ordinal number: 1–3 digits and a dot ("5.", "21."). */
static bool
is_ordinal_num(const uint32_t *cp, size_t n)
{
	size_t	 k = digits(cp, n);

	return k >= 1 && k <= 3 && n == k + 1 && cp[k] == '.';
}

/* A Roman numeral with a dot ("IV.", "II."). */
static bool
is_roman_ordinal(const uint32_t *cp, size_t n)
{
	size_t	 i;

	if (n < 2 || n > 8 || cp[n - 1] != '.')
		return false;
	for (i = 0; i + 1 < n; i++) {
		switch (cp[i]) {
		case 'I': case 'V': case 'X': case 'L': case 'C': case 'D':
		case 'M':
			break;
		default:
			return false;
		}
	}
	return true;
}

/* Finds the single en dash of a range "a–b"; returns its index or 0. */
static size_t
range_dash(const uint32_t *cp, size_t n)
{
	size_t	 i, at = 0;

	for (i = 1; i + 1 < n; i++) {
		if (cp[i] == NDASH) {
			if (at != 0)
				return 0;
			at = i;
		}
	}
	return at;
}

/* An ordinal, also a range of ordinals ("1.–3."), or a Roman one. */
static bool
is_ordinal(const uint32_t *cp, size_t n)
{
	size_t	 d = range_dash(cp, n);

	if (d != 0)
		return is_ordinal_num(cp, d) &&
		    is_ordinal_num(cp + d + 1, n - d - 1);
	return is_ordinal_num(cp, n) || is_roman_ordinal(cp, n);
}

/* What can stand at either end of a range: 1 number or time or ordinal,
   2 a day of the week, 3 a month; 0 anything else. */
static int
range_kind(const uint32_t *cp, size_t n)
{
	size_t	 m = n;

	if (n > 0 && cp[0] != '-' && cp[0] != '+' && cp[0] != MINUS &&
	    (is_number(cp, n) || is_ordinal_num(cp, n)))
		return 1;
	if (m > 1 && cp[m - 1] == '.')
		m--;
	if (IN(cp, m, weekdays, true))
		return 2;
	if (IN(cp, n, months, true))
		return 3;
	return 0;
}

/* A number, a range of numbers, or a number with a slash (505/2006). */
static bool
is_quantity(const uint32_t *cp, size_t n)
{
	size_t	 d, k;

	if (is_number(cp, n))
		return true;
	if ((d = range_dash(cp, n)) != 0)
		return range_kind(cp, d) == 1 &&
		    range_kind(cp + d + 1, n - d - 1) == 1;
	k = digits(cp, n);
	return k > 0 && k < n && cp[k] == '/' &&
	    digits(cp + k + 1, n - k - 1) == n - k - 1 && n - k - 1 > 0;
}

/* Two or more letters, all capitals (IČO, ČSN, BOX). */
static bool
is_acronym(const uint32_t *cp, size_t n)
{
	size_t	 i;

	if (n < 2)
		return false;
	for (i = 0; i < n; i++)
		if (!is_upper(cp[i]))
			return false;
	return true;
}

/* A capitalised word: a capital, then lowercase letters (Masaryka). */
static bool
is_capword(const uint32_t *cp, size_t n)
{
	size_t	 i;

	if (n < 2 || !is_upper(cp[0]))
		return false;
	for (i = 1; i < n; i++)
		if (!is_lower(cp[i]))
			return false;
	return true;
}

/* "x." or "X." or "Ch.": 1 lowercase, 2 capital (an initial), 0 neither. */
static int
letter_abbrev(const struct tok *t)
{
	size_t	 n = t->n;

	while (n > 0 && is_closer(t->cp[n - 1]))
		n--;		/* "o.," */
	if (n == 2 && t->cp[1] == '.' && is_letter(t->cp[0]))
		return is_upper(t->cp[0]) ? 2 : 1;
	if (n == 3 && t->cp[0] == 'C' && t->cp[1] == 'h' && t->cp[2] == '.')
		return 2;
	return 0;
}

/* A house number: 1–4 digits, "/" and 1–4 digits, a letter, or
   "-Holešovice" after it. */
static bool
is_house_number(const uint32_t *cp, size_t n)
{
	size_t	 i, k = digits(cp, n);

	if (k == 0 || k > 4)
		return false;
	i = k;
	if (i < n && cp[i] == '/') {
		k = digits(cp + i + 1, n - i - 1);
		if (k == 0 || k > 4)
			return false;
		i += k + 1;
	}
	if (i < n && is_lower(cp[i]) && i + 1 == n)
		return true;
	if (i < n && cp[i] == '-' && i + 1 < n && is_upper(cp[i + 1]))
		return true;
	return i == n;
}

/* A whole-token sentence dash candidate: -, --, —, –. */
static bool
is_dash_token(const struct tok *t)
{
	if (t->address)
		return false;
	if (t->n == 1)
		return t->cp[0] == '-' || t->cp[0] == NDASH ||
		    t->cp[0] == MDASH;
	return t->n == 2 && t->cp[0] == '-' && t->cp[1] == '-';
}

/* A one-letter word from the tie set, nothing after it. */
static bool
is_tie_word(const struct line *l, const struct tok *t)
{
	size_t	 a = lead(t), i;

	if (t->address || t->n != a + 1)
		return false;
	for (i = 0; i < l->nties; i++)
		if (l->ties[i] == t->cp[a])
			return true;
	return false;
}

/*
 * A token of a digit group run: "585", "+420", "(+420)", "−1", "663,20";
 * *end is set when punctuation after it ("109,") ends the run.
 */
static bool
is_group(const struct tok *t, bool first, bool *end)
{
	const uint32_t	*cp = t->cp;
	size_t		 n = trail(t), i = 0, k;

	*end = n < t->n;
	if (t->address)
		return false;
	if (first && n > 2 && cp[0] == '(' && cp[1] == '+' && n + 1 == t->n &&
	    t->cp[n] == ')') {
		cp++;		/* (+420) 585 … */
		n--;
		*end = false;
	}
	if (first && n > 0 && (cp[0] == '+' || cp[0] == MINUS || cp[0] == '-'))
		i++;
	if ((k = digits(cp + i, n - i)) == 0)
		return false;
	i += k;
	if (i < n && cp[i] == ',') {
		k = digits(cp + i + 1, n - i - 1);
		if (k == 0)
			return false;
		i += k + 1;
	}
	return i == n;
}

/* The integer digits of a group token, and whether it has a decimal part. */
static size_t
group_digits(const struct tok *t, size_t *frac)
{
	size_t	 i = 0, k;

	while (i < t->n && !is_digit_cp(t->cp[i]))
		i++;
	k = digits(t->cp + i, t->n - i);
	*frac = 0;
	if (i + k < t->n && t->cp[i + k] == ',')
		*frac = digits(t->cp + i + k + 1, t->n - i - k - 1);
	return k;
}

/* Whether the token starts with a currency, unit or counted noun. */
static bool
is_unit(const struct tok *t)
{
	struct core	 c = core(t);

	if (t->address || c.lead || c.n == 0)
		return false;
	return prefix_in(t->cp, t->n, units, NELEM(units)) ||
	    prefix_in(t->cp, t->n, currencies, NELEM(currencies)) ||
	    IN(c.cp, c.n, counted, false) ||
	    (c.n > 1 && c.cp[c.n - 1] == '.' &&
	    IN(c.cp, c.n - 1, counted, false));
}

static bool
is_currency(const struct tok *t)
{
	return !t->address && prefix_in(t->cp, t->n, currencies,
	    NELEM(currencies));
}

static bool
starts_digit(const struct tok *t)
{
	size_t	 a = 0;

	if (a < t->n && t->cp[a] == '+')
		a++;
	return a < t->n && is_digit_cp(t->cp[a]);
}

/* ---------------------------------------------------------------------- */
/* Splitting a line into tokens                                            */

static void
line_tokens(struct line *l, const uint32_t *cp, size_t n)
{
	struct tok	*t = NULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (is_blank(cp[i])) {
			if (t != NULL) {
				if (cp[i] == NBSP && t->hard != GAP_NNBSP)
					t->hard = GAP_NBSP;
				else if (cp[i] == NNBSP)
					t->hard = GAP_NNBSP;
			}
			continue;
		}
		if (t == NULL || (i > 0 && is_blank(cp[i - 1])))
			t = line_new(l);
		/* Our own word joiner after a dash is put back at the end. */
		if (cp[i] == WJ && i > 0 && cp[i - 1] == NDASH)
			continue;
		tok_push(t, cp[i]);
	}
}

/* URLs and e-mail addresses. */
static bool
is_address(const struct tok *t)
{
	size_t	 i, a = lead(t);
	bool	 at = false;

	for (i = 0; i < t->n; i++) {
		if (t->cp[i] == '@' && i > a)
			at = true;
		else if (at && t->cp[i] == '.' && i + 1 < t->n &&
		    is_letter(t->cp[i + 1]))
			return true;
		if (t->cp[i] == ':' && i + 2 < t->n && t->cp[i + 1] == '/' &&
		    t->cp[i + 2] == '/')
			return true;
	}
	return t->n - a > 4 && lower(t->cp[a]) == 'w' &&
	    lower(t->cp[a + 1]) == 'w' && lower(t->cp[a + 2]) == 'w' &&
	    t->cp[a + 3] == '.';
}

/* ---------------------------------------------------------------------- */
/* Character rules: ellipsis, typewriter quotes                            */

static void
tok_replace(struct tok *t, size_t at, size_t len, uint32_t c)
{
	t->cp[at] = c;
	memmove(&t->cp[at + 1], &t->cp[at + len],
	    (t->n - at - len) * sizeof *t->cp);
	t->n -= len - 1;
}

static void
pass_chars(struct line *l)
{
	struct tok	*t;
	size_t		 i, j;

	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		if (t->address)
			continue;
		for (j = 0; (l->o->flags & TYPO_MISC) && j + 2 < t->n; j++) {
			if (t->cp[j] == '.' && t->cp[j + 1] == '.' &&
			    t->cp[j + 2] == '.' &&
			    (j + 3 == t->n || t->cp[j + 3] != '.') &&
			    (j == 0 || t->cp[j - 1] != '.'))
				tok_replace(t, j, 3, ELLIPSIS);
		}
		/* ,,Domov'' is a typewriter's „Domov“. */
		if ((l->o->flags & TYPO_QUOTES) && t->n > 2 &&
		    t->cp[0] == ',' && t->cp[1] == ',')
			tok_replace(t, 0, 2, LDQUO);
		for (j = 1; (l->o->flags & TYPO_QUOTES) && j < t->n; j++)
			if (t->cp[j] == '\'' && t->cp[j - 1] == '\'')
				tok_replace(t, j - 1, 2, '"');
	}
}

/* Quotes: „…“ outside, ‚…‘ inside, ’ between letters. */
static void
pass_quotes(struct line *l)
{
	char		 stack[16];	/* 'D' „ opened, 'S' ‚ opened */
	size_t		 depth = 0, i, j;
	struct tok	*t;
	uint32_t	 c, prev, next;
	bool		 open;

	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		if (t->address)
			continue;
		for (j = 0; j < t->n; j++) {
			c = t->cp[j];
			if (c != '"' && c != '\'' && c != LDQUO && c != RDQUO &&
			    c != ENRDQUO && c != LSQUO && c != RSQUO &&
			    c != APOS)
				continue;
			prev = j > 0 ? t->cp[j - 1] : ' ';
			next = j + 1 < t->n ? t->cp[j + 1] : ' ';
			open = (prev == ' ' || prev == '(' || prev == '[' ||
			    prev == '{' || prev == LDQUO || prev == LSQUO ||
			    prev == NDASH || prev == '/') && next != ' ';
			if (c == '\'' || c == APOS) {
				if (is_letter(prev) && is_letter(next)) {
					t->cp[j] = APOS;
					continue;
				}
			}
			if (c == LDQUO || ((c == '"' || c == RDQUO ||
			    c == ENRDQUO) && open)) {
				t->cp[j] = depth > 0 && c != LDQUO ? LSQUO :
				    LDQUO;
				if (depth < sizeof stack)
					stack[depth++] = t->cp[j] == LDQUO ?
					    'D' : 'S';
				continue;
			}
			if (c == LSQUO || ((c == '\'' || c == RSQUO ||
			    c == APOS) && open)) {
				t->cp[j] = LSQUO;
				if (depth < sizeof stack)
					stack[depth++] = 'S';
				continue;
			}
			if (prev == ' ' && next == ' ')
				continue;	/* a lone quote: leave it */
			if (c == '"' || c == RDQUO || c == ENRDQUO) {
				if (depth > 0 && stack[depth - 1] == 'S') {
					t->cp[j] = RSQUO;
					depth--;
				} else {
					t->cp[j] = RDQUO;
					if (depth > 0)
						depth--;
				}
			} else if (depth > 0 && stack[depth - 1] == 'S') {
				t->cp[j] = RSQUO;
				depth--;
			} else
				t->cp[j] = APOS;
		}
	}
}

/* ---------------------------------------------------------------------- */
/* Splitting tokens: §40, 12.12.2011, s.r.o., T.G., +420585562109          */

/* "D.M.YYYY" without leading zeros: returns the positions after the dots. */
static bool
split_date(const struct tok *t, size_t *p1, size_t *p2)
{
	const uint32_t	*cp = t->cp;
	size_t		 n = trail(t), a, b, c;

	if (n > 0 && cp[n - 1] == '.')
		n--;		/* "… 12.12.2011." ends a sentence */
	a = digits(cp, n);
	if (a == 0 || a > 2 || a >= n || cp[a] != '.' || cp[0] == '0')
		return false;
	b = digits(cp + a + 1, n - a - 1);
	if (b == 0 || b > 2 || a + 1 + b >= n || cp[a + 1 + b] != '.' ||
	    cp[a + 1] == '0')
		return false;
	c = digits(cp + a + b + 2, n - a - b - 2);
	if (c != 4 || a + b + 2 + c != n)
		return false;
	/* a real day and month */
	if ((a == 2 && (cp[0] - '0') * 10 + (cp[1] - '0') > 31) ||
	    (b == 2 && (cp[a + 1] - '0') * 10 + (cp[a + 2] - '0') > 12))
		return false;
	*p1 = a + 1;
	*p2 = a + b + 2;
	return true;
}

/*
 * Ends of the "x." segments at the token's start ("s.r.o." → 2, 4, 6;
 * "Ch." counts as one letter); returns how many there are.
 */
static size_t
letter_dots(const struct tok *t, size_t *ends, size_t max)
{
	size_t	 i = 0, k = 0;

	while (k < max) {
		if (i + 1 < t->n && is_letter(t->cp[i]) && t->cp[i + 1] == '.')
			i += 2;
		else if (i + 2 < t->n && t->cp[i] == 'C' &&
		    t->cp[i + 1] == 'h' && t->cp[i + 2] == '.')
			i += 3;
		else
			break;
		ends[k++] = i;
	}
	return k;
}

/* Whether everything from index from on is closing punctuation. */
static bool
only_closers(const struct tok *t, size_t from)
{
	for (; from < t->n; from++)
		if (!is_closer(t->cp[from]))
			return false;
	return true;
}

static bool
is_id_word(const struct tok *t)
{
	struct core	 c;

	if (t == NULL)
		return false;
	c = core(t);
	return IN(t->cp, t->n, id_words, false) || IN(c.cp, c.n, id_words, false);
}

/*
 * Where token t splits (pos, ascending; returns how many): dates, letters
 * with dots, phone numbers. prev is the token before it, next after it.
 */
static size_t
split_points(const struct line *l, const struct tok *t, const struct tok *prev,
    const struct tok *next, size_t *pos)
{
	size_t		 p1, p2, k, m = trail(t), end;
	unsigned	 f = l->o->flags;

	if (t->address || lead(t) > 0)
		return 0;
	/* 12.12.2011 → 12. 12. 2011 (01.03.2007 is ČSN's form) */
	if ((f & TYPO_NUMBERS) && split_date(t, &p1, &p2)) {
		pos[0] = p1;
		pos[1] = p2;
		return 2;
	}
	/* s.r.o. → s. r. o., T.G. Masaryk → T. G. Masaryk */
	if ((f & TYPO_MISC) && (k = letter_dots(t, pos, 7)) >= 1) {
		end = pos[k - 1];
		if (k >= 2 && only_closers(t, end))
			return k - 1;
		if (end < m && m - end > 1 && is_capword(t->cp + end, m - end))
			return k;
	}
	if (!(f & TYPO_NUMBERS))
		return 0;
	/* +420585562109 → +420 585 562 109 */
	if (m == 13 && t->n == 13 && t->cp[0] == '+' &&
	    digits(t->cp + 1, 12) == 12 && t->cp[1] == '4' &&
	    t->cp[2] == '2' && (t->cp[3] == '0' || t->cp[3] == '1')) {
		pos[0] = 4;
		pos[1] = 7;
		pos[2] = 10;
		return 3;
	}
	/* 585562109 → 585 562 109 (not an amount, not an identifier) */
	if (m == 9 && digits(t->cp, 9) == 9 && t->cp[0] >= '2' &&
	    !(next != NULL && is_unit(next)) && !is_id_word(prev)) {
		pos[0] = 3;
		pos[1] = 6;
		return 2;
	}
	return 0;
}

static void
pass_split(struct line *l)
{
	struct line	 out;
	struct tok	*t, *prev, rest;
	size_t		 i, k, j, a, m, pos[8], np;

	line_begin(l, &out);
	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		a = lead(t);
		m = trail(t);
		/* §40 → § 40; the number is then looked at as any token */
		if ((l->o->flags & TYPO_NUMBERS) && !t->address && m > a + 1 &&
		    t->cp[a] == 0x00a7) {
			for (k = a; k < m && t->cp[k] == 0x00a7; k++)
				;
			if (k < m && is_digit_cp(t->cp[k])) {
				memset(&rest, 0, sizeof rest);
				for (j = k; j < t->n; j++)
					tok_push(&rest, t->cp[j]);
				rest.hard = t->hard;
				rest.gap = GAP_UNSET;
				t->n = k;
				t->hard = GAP_SPACE;
				line_take(&out, t);
				t = &rest;
			}
		}
		prev = out.n > 0 ? &out.t[out.n - 1] : NULL;
		np = split_points(l, t, prev, i + 1 < l->n ? &l->t[i + 1] : NULL,
		    pos);
		line_take_split(&out, t, pos, np);
	}
	line_end(l, &out);
}

/* ---------------------------------------------------------------------- */
/* Dashes: ranges, sentence dashes, minus                                  */

/* Whether tokens a and b may be joined into the range "a–b". */
static bool
rangeable(const struct tok *a, const struct tok *b)
{
	struct core	 ca = core(a), cb = core(b);
	int		 k;

	if (a->address || b->address || ca.trail || cb.lead)
		return false;
	k = range_kind(ca.cp, ca.n);
	return k != 0 && k == range_kind(cb.cp, cb.n);
}

/* A part of a date written in several tokens: "1.", "12.", "2024". */
static bool
is_date_part(const struct tok *t)
{
	struct core	 c = core(t);

	return is_ordinal_num(c.cp, c.n) || (c.n == 4 && digits(c.cp, 4) == 4);
}

/* Appends the characters of b from index from on to a. */
static void
tok_append(struct tok *a, const struct tok *b, size_t from)
{
	for (; from < b->n; from++)
		tok_push(a, b->cp[from]);
}

/* Inside a token: 8.00-16.00, Po-Pá, 1.-3., § 37-40, 2-3x. */
static void
dash_in_token(struct tok *t)
{
	size_t	 c = trail(t), s = lead(t), d = 0, j;

	if (c > s + 2 && (t->cp[c - 1] == 'x' || t->cp[c - 1] == TIMES) &&
	    is_digit_cp(t->cp[c - 2]))
		c--;
	for (j = s + 1; j + 1 < c; j++) {
		if (t->cp[j] == '-' || t->cp[j] == NDASH) {
			if (d != 0)
				return;		/* 978-80-7422, 2013-05-01 */
			d = j;
		}
	}
	if (d != 0 && range_kind(t->cp + s, d - s) != 0 &&
	    range_kind(t->cp + s, d - s) == range_kind(t->cp + d + 1, c - d - 1)) {
		t->cp[d] = NDASH;
		t->range = true;
	}
}

/*
 * Whether a range's ends are dates written in several tokens (1. 1. –
 * 31. 12. 2024): out ends with the left end, b is the right end and
 * after the token after it. Such a range gets a spaced dash.
 */
static bool
multi_token(const struct line *out, const struct tok *b,
    const struct tok *after)
{
	const struct tok	*a, *before;

	if (out->n == 0)
		return false;
	a = &out->t[out->n - 1];
	before = out->n >= 2 ? &out->t[out->n - 2] : NULL;
	return (is_date_part(a) && before != NULL &&
	    is_ordinal_num(core(before).cp, core(before).n)) ||
	    (is_ordinal_num(core(b).cp, core(b).n) && after != NULL &&
	    is_date_part(after));
}

static void
pass_dashes(struct line *l)
{
	struct line	 out;
	struct tok	*t, *prev, *next, rest;
	size_t		 i, pos[1];
	bool		 multi;

	line_begin(l, &out);
	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		prev = out.n > 0 ? &out.t[out.n - 1] : NULL;
		next = i + 1 < l->n ? &l->t[i + 1] : NULL;
		if (t->address) {
			line_take(&out, t);
			continue;
		}
		if (is_dash_token(t)) {
			multi = prev != NULL && next != NULL &&
			    multi_token(&out, next, i + 2 < l->n ?
			    &l->t[i + 2] : NULL);
			if (prev != NULL && next != NULL && !multi &&
			    rangeable(prev, next)) {
				/* 2013 - 2015 → 2013–2015 */
				tok_push(prev, NDASH);
				tok_append(prev, next, 0);
				prev->hard = next->hard;
				prev->range = true;
				i++;
				continue;
			}
			t->n = 1;
			t->cp[0] = NDASH;
			t->dash = true;
			line_take(&out, t);
			continue;
		}
		/* 8.00 -12.00 is a range; -5 °C has a minus */
		if (t->n > 1 && t->cp[0] == '-' && is_digit_cp(t->cp[1])) {
			rest = *t;
			rest.cp = t->cp + 1;
			rest.n = t->n - 1;
			if (prev != NULL && rangeable(prev, &rest)) {
				if (multi_token(&out, &rest, next)) {
					/* 1. 1. -31. 12. → a spaced dash */
					t->cp[0] = NDASH;
					pos[0] = 1;
					line_take_split(&out, t, pos, 1);
					out.t[out.n - 2].dash = true;
					continue;
				}
				tok_push(prev, NDASH);
				tok_append(prev, t, 1);
				prev->hard = t->hard;
				prev->range = true;
				continue;
			}
			t->cp[0] = MINUS;
		} else
			dash_in_token(t);
		line_take(&out, t);
	}
	line_end(l, &out);
}

/* "3x" → "3×"; "3 x týdně" → "3× týdně"; "3 x 4" → "3 × 4". */
static void
pass_times(struct line *l)
{
	struct line	 out;
	struct tok	*t, *prev;
	struct core	 c;
	size_t		 i;

	line_begin(l, &out);
	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		prev = out.n > 0 ? &out.t[out.n - 1] : NULL;
		c = core(t);
		if (!t->address && c.n >= 2 && c.cp[c.n - 1] == 'x' &&
		    is_digit_cp(c.cp[c.n - 2]) && is_quantity(c.cp, c.n - 1))
			t->cp[lead(t) + c.n - 1] = TIMES;
		else if (!t->address && t->n == 1 && t->cp[0] == 'x' &&
		    prev != NULL && i + 1 < l->n && !core(prev).trail &&
		    core(prev).n > 0 &&
		    is_digit_cp(core(prev).cp[core(prev).n - 1]) &&
		    is_quantity(core(prev).cp, core(prev).n)) {
			t->cp[0] = TIMES;
			if (!starts_digit(&l->t[i + 1])) {
				/* solid: 3× týdně */
				tok_push(prev, TIMES);
				prev->hard = t->hard;
				continue;
			}
		}
		line_take(&out, t);
	}
	line_end(l, &out);
}

/*
 * Thousands groups inside an amount before a currency: "10000 Kč" becomes
 * the tokens "10" "000" "Kč", and pass_runs() joins them with U+202F.
 */
static void
pass_amounts(struct line *l)
{
	struct line	 out;
	struct tok	*t;
	struct core	 c;
	size_t		 i, k, s, j, np, pos[16];

	line_begin(l, &out);
	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		np = 0;
		c = core(t);
		if (!t->address && i + 1 < l->n && is_currency(&l->t[i + 1]) &&
		    !c.lead && !c.trail && is_number(c.cp, c.n)) {
			s = (c.cp[0] == MINUS || c.cp[0] == '-' || c.cp[0] == '+');
			k = digits(c.cp + s, c.n - s);
			if (k >= 5 && k <= 3 * NELEM(pos) &&
			    (s + k == c.n || c.cp[s + k] == ','))
				for (j = k % 3 == 0 ? 3 : k % 3; j < k; j += 3)
					pos[np++] = s + j;
		}
		line_take_split(&out, t, pos, np);
	}
	line_end(l, &out);
}

/* ---------------------------------------------------------------------- */
/* Gaps                                                                    */

/*
 * Digit runs ("2 703 663,20", "585 562 109", "767 01", "+420 …"): decides
 * every gap inside a run at once. Groups of a number get U+202F; phone
 * numbers, PSČ and codes get U+00A0.
 */
static void
pass_runs(struct line *l)
{
	size_t	 i, j, k, g[32], frac[32], ng, total;
	bool	 phone, grouping, unit, end;
	enum gap gap;

	for (i = 0; i < l->n; i = j + 1) {
		j = i;
		if (!is_group(&l->t[i], true, &end))
			continue;
		while (!end && j + 1 < l->n && is_group(&l->t[j + 1], false,
		    &end))
			j++;
		if (j == i || (ng = j - i + 1) > NELEM(g))
			continue;
		total = 0;
		for (k = 0; k < ng; k++) {
			g[k] = group_digits(&l->t[i + k], &frac[k]);
			total += g[k];
		}
		phone = l->t[i].cp[0] == '+' || l->t[i].cp[0] == '(';
		unit = !end && j + 1 < l->n && is_unit(&l->t[j + 1]);
		grouping = g[0] >= 1 && g[0] <= 3 && frac[0] == 0;
		for (k = 1; k < ng; k++)
			if (g[k] != 3 || (frac[k] != 0 && k + 1 < ng))
				grouping = false;
		if (l->t[i].cp[0] == '0' || (l->t[i].n > 1 &&
		    l->t[i].cp[0] == MINUS && l->t[i].cp[1] == '0'))
			grouping = false;
		gap = GAP_NBSP;		/* phone numbers, PSČ, codes */
		if (phone)
			gap = GAP_NBSP;
		else if (grouping && unit)
			gap = GAP_NNBSP;	/* 1 500 000 Kč */
		else if (ng == 2 && frac[0] == 3 && g[1] <= 3 && frac[1] == 0)
			gap = GAP_NNBSP;	/* 25,325 23 */
		else if (grouping && !(ng == 3 && total == 9))
			gap = GAP_NNBSP;	/* 10 000, not 585 562 109 */
		if (!(l->o->flags & TYPO_NUMBERS))
			gap = GAP_UNSET;
		for (k = i; k < j; k++)
			l->t[k].gap = gap;
	}
}

/* The rules for one gap between tokens a (at index i) and b. */
static enum gap
decide(const struct line *l, size_t i)
{
	const struct tok	*a = &l->t[i], *b = &l->t[i + 1];
	struct core		 ca = core(a), cb = core(b);
	unsigned		 f = l->o->flags;
	int			 la;
	bool			 end;

	/* A line must not start with a dash. */
	if (b->dash)
		return (f & TYPO_TIES) ? GAP_NBSP : GAP_UNSET;
	if (a->dash || a->address)
		return GAP_UNSET;
	/* No tie after a colon ("tel.: 585…", a corpus convention). */
	if (ca.trail && a->cp[a->n - 1] == ':')
		return GAP_UNSET;
	/* Jana Malá, DiS. */
	if (ca.trail && a->cp[a->n - 1] == ',') {
		if ((f & TYPO_TIES) && IN(b->cp, b->n, post_titles, false))
			return GAP_NBSP;
		return GAP_UNSET;
	}
	if ((f & TYPO_TIES) && is_tie_word(l, a))
		return GAP_NBSP;
	/* 3 × 4 m */
	if ((f & TYPO_MISC) && ((b->n == 1 && b->cp[0] == TIMES &&
	    is_quantity(ca.cp, ca.n)) || (a->n == 1 && a->cp[0] == TIMES &&
	    starts_digit(b))))
		return GAP_NBSP;
	if (ca.trail)
		return GAP_UNSET;
	if (f & TYPO_NUMBERS) {
		/* 5 km, 100 Kč, 30 klientů, 10–15 osob, 505/2006 Sb. */
		if (is_quantity(ca.cp, ca.n) && is_unit(b))
			return GAP_NBSP;
		/* € 50, § 40, §§ 37 */
		if (starts_digit(b) && (IN(ca.cp, ca.n, currencies, false) ||
		    (ca.n > 0 && ca.cp[0] == 0x00a7 &&
		    (ca.n == 1 || (ca.n == 2 && ca.cp[1] == 0x00a7)))))
			return GAP_NBSP;
		/* IČO 00287351, ČSN 01 6910, BOX 152, PSČ 767 01 */
		if (starts_digit(b) && is_acronym(ca.cp, ca.n))
			return GAP_NBSP;
	}
	if (f & TYPO_TIES) {
		/* 1. patro, 12. 12. 2011, 1.–3. patro, II. patro */
		if (is_ordinal(ca.cp, ca.n) && !IN(b->cp, b->n, conjunctions,
		    false) && !(is_roman_ordinal(ca.cp, ca.n) && i > 0 &&
		    is_capword(core(&l->t[i - 1]).cp, core(&l->t[i - 1]).n)))
			return GAP_NBSP;
		/* Karel IV. */
		if (is_roman_ordinal(cb.cp, cb.n) && !cb.lead &&
		    is_capword(ca.cp, ca.n))
			return GAP_NBSP;
		/* Ing. Novák, č. 5, tel. 585… (but "30 min. denně") */
		if (IN(ca.cp, ca.n, tie_abbrevs, false) && !ca.lead &&
		    !(i > 0 && is_unit(a) &&
		    is_quantity(core(&l->t[i - 1]).cp, core(&l->t[i - 1]).n)))
			return GAP_NBSP;
		if ((la = letter_abbrev(a)) == 2 && lead(b) < b->n &&
		    is_upper(b->cp[lead(b)]))
			return GAP_NBSP;	/* T. G. Masaryk */
		if (la == 1) {
			/* s. r. o. holds together; its last part does not
			   hold to a following word */
			if (i > 0 && letter_abbrev(&l->t[i - 1]) == 1 &&
			    !core(&l->t[i - 1]).trail && !starts_digit(b) &&
			    letter_abbrev(b) == 0)
				return GAP_UNSET;
			return GAP_NBSP;
		}
		/* FF UK, AV ČR */
		if (is_acronym(ca.cp, ca.n) && !cb.lead &&
		    IN(cb.cp, cb.n, designations, false))
			return GAP_NBSP;
	}
	if (f & TYPO_NUMBERS) {
		/* identifikátor 1234567, fax 585…, tel./fax 573… */
		if (starts_digit(b) && !ca.lead) {
			size_t	 s = ca.n;

			while (s > 0 && ca.cp[s - 1] != '/')
				s--;
			if (IN(ca.cp + s, ca.n - s, before_number, true) ||
			    (ca.n - s > 1 && ca.cp[ca.n - 1] == '.' &&
			    IN(ca.cp + s, ca.n - s - 1, before_number, true)))
				return GAP_NBSP;
		}
		/* Velehradská 625, Praha 7-Holešovice, Kroměříž 1: not when
		   the number goes on (Rozpočet 2 703 663 Kč) */
		if (is_capword(ca.cp, ca.n) && !cb.lead &&
		    is_house_number(cb.cp, cb.n) &&
		    (cb.trail || i + 2 >= l->n ||
		    (!is_group(&l->t[i + 2], false, &end) &&
		    !is_unit(&l->t[i + 2]))))
			return GAP_NBSP;
	}
	return GAP_UNSET;
}

static void
pass_gaps(struct line *l)
{
	size_t	 i;
	enum gap g;

	for (i = 0; i + 1 < l->n; i++) {
		g = l->t[i].gap;
		if (g == GAP_UNSET)
			g = decide(l, i);
		if (g == GAP_UNSET || (g == GAP_SPACE && l->t[i].hard != GAP_SPACE))
			g = l->t[i].hard;
		l->t[i].gap = g;
	}
}

/* ---------------------------------------------------------------------- */

void
typo_opts_default(struct typo_opts *o)
{
	memset(o, 0, sizeof *o);
	o->flags = TYPO_ALL;
	(void)typo_opts_set_ties(o, "kKsSvVzZoOuUaAiI");
}

bool
typo_opts_set_ties(struct typo_opts *o, const char *letters)
{
	char		 out[TYPO_MAX_TIES];
	size_t		 i = 0, k, n = 0, len = strlen(letters);
	uint32_t	 c;

	while (i < len) {
		if ((k = utf8_decode((const unsigned char *)letters + i,
		    len - i, &c)) == 0)
			return false;
		if (c != ' ' && c != ',') {
			if (!is_letter(c) || n + k >= sizeof out)
				return false;
			memcpy(out + n, letters + i, k);
			n += k;
		}
		i += k;
	}
	memcpy(o->tie_letters, out, n);
	o->tie_letters[n] = '\0';
	return true;
}

/* Normalises one line (no "\n" in it) into b. */
static void
typo_line(const uint32_t *cp, size_t n, const struct typo_opts *o,
    struct buf *b)
{
	struct line	 l;
	size_t		 i, j, k, len;
	unsigned	 f = o->flags;

	memset(&l, 0, sizeof l);
	l.o = o;
	len = strlen(o->tie_letters);
	for (i = 0; i < len && l.nties < NELEM(l.ties); i += k) {
		if ((k = utf8_decode((const unsigned char *)o->tie_letters + i,
		    len - i, &l.ties[l.nties])) == 0)
			break;
		l.nties++;
	}
	line_tokens(&l, cp, n);
	for (i = 0; i < l.n; i++) {
		l.t[i].address = is_address(&l.t[i]);
		l.t[i].gap = GAP_UNSET;
	}
	pass_chars(&l);
	if (f & TYPO_QUOTES)
		pass_quotes(&l);
	pass_split(&l);
	if (f & TYPO_DASHES)
		pass_dashes(&l);
	if (f & TYPO_MISC)
		pass_times(&l);
	if (f & TYPO_NUMBERS)
		pass_amounts(&l);
	pass_runs(&l);
	pass_gaps(&l);
	for (i = 0; i < l.n; i++) {
		for (j = 0; j < l.t[i].n; j++) {
			buf_put_utf8(b, l.t[i].cp[j]);
			if (l.t[i].cp[j] == NDASH && l.t[i].range &&
			    (f & TYPO_JOINER))
				buf_put_utf8(b, WJ);
		}
		if (i + 1 < l.n)
			buf_put_utf8(b, l.t[i].gap == GAP_NBSP ? NBSP :
			    l.t[i].gap == GAP_NNBSP ? NNBSP : ' ');
		free(l.t[i].cp);
	}
	free(l.t);
}

char *
typo_text(const char *text, size_t len, const struct typo_opts *o,
    size_t *outlen)
{
	struct typo_opts def;
	struct buf	 b = { 0 };
	uint32_t	*cp;
	size_t		 i = 0, k, n, end;

	if (o == NULL) {
		typo_opts_default(&def);
		o = &def;
	}
	buf_putc(&b, '\0');
	b.len = 0;
	cp = xmalloc((len + 1) * sizeof *cp);
	while (i <= len) {
		for (end = i; end < len && text[end] != '\n'; end++)
			;
		if (utf8_check((const unsigned char *)text + i, end - i) !=
		    end - i)
			buf_put(&b, text + i, end - i);
		else {
			for (n = 0; i < end; i += k)
				k = utf8_decode((const unsigned char *)text + i,
				    end - i, &cp[n++]);
			typo_line(cp, n, o, &b);
		}
		if (end < len)
			buf_putc(&b, '\n');
		i = end + 1;
	}
	free(cp);
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}

/* ---------------------------------------------------------------------- */
/* Formatters                                                              */

static void
put_digits_grouped(struct buf *b, const char *d, size_t n, bool group)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (group && i > 0 && (n - i) % 3 == 0)
			buf_put_utf8(b, NNBSP);
		buf_putc(b, d[i]);
	}
}

void
typo_fmt_number(struct buf *b, long long value, int decimals, bool group4)
{
	unsigned long long	 v, p = 1, ip, fp;
	char			 d[32];
	int			 i, n;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	for (i = 0; i < decimals; i++)
		p *= 10;
	if (value < 0) {
		buf_put_utf8(b, MINUS);
		v = (unsigned long long)(-(value + 1)) + 1;
	} else
		v = (unsigned long long)value;
	ip = v / p;
	fp = v % p;
	n = 0;
	do {
		d[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	for (i = 0; i < n / 2; i++) {
		char	 c = d[i];

		d[i] = d[n - 1 - i];
		d[n - 1 - i] = c;
	}
	put_digits_grouped(b, d, (size_t)n, n >= 5 || (group4 && n == 4));
	if (decimals > 0) {
		buf_putc(b, ',');
		for (i = decimals - 1; i >= 0; i--) {
			d[i] = (char)('0' + fp % 10);
			fp /= 10;
		}
		buf_put(b, d, (size_t)decimals);
	}
}

void
typo_fmt_amount(struct buf *b, long long halere, bool cents)
{
	if (!cents && halere % 100 == 0)
		typo_fmt_number(b, halere / 100, 0, false);
	else
		typo_fmt_number(b, halere, 2, false);
	buf_put_utf8(b, NBSP);
	buf_puts(b, "Kč");
}

bool
typo_fmt_date(struct buf *b, int y, int m, int d, bool numeric)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 max;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	if (d > max)
		return false;
	buf_printf(b, "%d.", d);
	buf_put_utf8(b, NBSP);
	if (numeric)
		buf_printf(b, "%d.", m);
	else
		buf_puts(b, months_genitive[m - 1]);
	buf_put_utf8(b, NBSP);
	buf_printf(b, "%d", y);
	return true;
}

bool
typo_fmt_phone(struct buf *b, const char *s)
{
	char	 d[32];
	size_t	 groups[16], ng = 0, nd = 0, i, k, start = 0, len = strlen(s);
	bool	 plus = false, keep;

	for (i = 0; i < len; i++) {
		if (is_digit(s[i])) {
			if (nd == sizeof d)
				goto bad;
			if (ng == 0 || !is_digit(s[i - 1])) {
				if (ng == NELEM(groups))
					goto bad;
				groups[ng++] = 0;
			}
			groups[ng - 1]++;
			d[nd++] = s[i];
		} else if (s[i] == '+' && nd == 0 && !plus)
			plus = true;
		else if ((unsigned char)s[i] == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] == 0xa0)
			i++;		/* U+00A0 */
		else if (s[i] != ' ' && s[i] != '-' && s[i] != '/' &&
		    s[i] != '(' && s[i] != ')' && s[i] != '.')
			goto bad;
	}
	if (ng == 0)
		goto bad;
	if (!plus && nd == 14 && d[0] == '0' && d[1] == '0') {
		plus = true;	/* 00420 585 562 109 */
		start = 2;
	}
	if (plus) {
		if (nd - start != 12 || d[start] != '4' || d[start + 1] != '2' ||
		    (d[start + 2] != '0' && d[start + 2] != '1'))
			goto bad;
		/* Drop the prefix from the groups, wherever it was glued. */
		for (k = start + 3; k > 0; ) {
			if (groups[0] <= k) {
				k -= groups[0];
				memmove(groups, groups + 1, --ng * sizeof *groups);
			} else {
				groups[0] -= k;
				k = 0;
			}
		}
		start += 3;
	} else if (nd != 9)
		goto bad;
	/* Keep the writer's grouping (800 11 22 33) when it is sane. */
	keep = ng > 1;
	for (i = 0; i < ng; i++)
		if (groups[i] < 2 || groups[i] > 4)
			keep = false;
	if (plus) {
		buf_putc(b, '+');
		buf_put(b, d + start - 3, 3);
		buf_put_utf8(b, NBSP);
	}
	for (i = 0, k = 0; i < 9; i++) {
		if (i > 0 && (keep ? i == k : i % 3 == 0))
			buf_put_utf8(b, NBSP);
		if (keep && i == k) {
			k += groups[0];
			memmove(groups, groups + 1, --ng * sizeof *groups);
		}
		buf_putc(b, d[start + i]);
	}
	return true;
bad:
	buf_puts(b, s);
	return false;
}

bool
typo_fmt_psc(struct buf *b, const char *s)
{
	char	 d[5];
	size_t	 i, n = 0, len = strlen(s);

	for (i = 0; i < len; i++) {
		if (is_digit(s[i])) {
			if (n == sizeof d)
				goto bad;
			d[n++] = s[i];
		} else if (s[i] != ' ' || n != 3)
			goto bad;
	}
	if (n != 5)
		goto bad;
	buf_put(b, d, 3);
	buf_put_utf8(b, NBSP);
	buf_put(b, d + 3, 2);
	return true;
bad:
	buf_puts(b, s);
	return false;
}
