/*
 * Loader for spreadsheet CSV files (the columns are documented for
 * coordinators in samples/csv/README.md). csv.c turns the bytes into a
 * header and rows; this file maps the columns onto the catalogue model.
 *
 * Column headings are matched loosely: case, diacritics, spaces,
 * underscores, dashes and dots do not matter ("Identifikátor",
 * "IDENTIFIKATOR" and "identifikator" are one column), and the headings of
 * the flattened registry export (katalog_ukazka_vyber_ploche.csv) are
 * accepted as well.
 *
 * A service takes one row, or several rows that share its identifikátor
 * (or service id): one row per form and capacity, or per place. Values that
 * belong to the service must then agree between its rows. A row whose
 * identifying cells are all empty continues the service above it, as a
 * spreadsheet with merged cells exports it. Rows whose type is not a social
 * service (ÚZIS health-care codes such as "350") become related services
 * (návazné služby).
 *
 * Semantic checks of the values (IČO checksum, phone numbers, PSČ, …) are
 * validate.c's; this loader only reports what it cannot map at all.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "codebook.h"
#include "csv.h"
#include "hours.h"
#include "load.h"
#include "strmap.h"
#include "tree.h"
#include "util.h"

enum col {
	/* identity and type: a row with all of these empty continues the
	   service above */
	C_IDENT, C_SOURCE_ID, C_NAME, C_TYPE, C_CATEGORY, C_PROVIDER, C_ICO,
	/* the rest of the service (and its provider) */
	C_LEGAL_FORM, C_DIC,
	C_PHONE, C_EMAIL, C_WEB,
	C_TARGETS, C_AGES, C_AGE_NOTE, C_AUDIENCE,
	C_HOURS, C_FEE, C_FEE_NOTE, C_DESC, C_ACTIVITIES, C_BARRIER,
	C_BARRIER_NOTE, C_LANGUAGES, C_FROM, C_TO, C_AREA, C_AREA_MUNIS, C_QR,
	/* the place of provision (one per distinct address) */
	C_PLACE, C_STREET, C_HOUSE, C_HOUSE_EV, C_ORIENT, C_PART, C_MUNI,
	C_MUNI_CODE, C_PSC, C_DISTRICT, C_DISTRICT_CODE, C_REGION,
	C_REGION_CODE, C_RUIAN, C_ADDR_NOTE,
	/* one form and capacity per row */
	C_FORM, C_CAPACITY, C_UNIT, C_CAP_NOTE,
	/* yearly figures, one year per row */
	C_YEAR, C_CLIENTS, C_FTE_DIRECT, C_FTE_OTHER, C_COSTS, C_COSTS_PERS,
	C_REVENUE,				/* + funding source index */
	C_IGNORED = C_REVENUE + 16,		/* known, deliberately unused */
	C__MAX
};

#define C_FIRST_SERVICE	C_IDENT
#define C_LAST_SERVICE	C_QR
#define C_FIRST_PLACE	C_PLACE
#define C_LAST_PLACE	C_ADDR_NOTE
#define C_FIRST_FIGURE	C_CLIENTS

/*
 * Every heading a column answers to. The first spelling of each column is
 * the one documented first. SECONDARY columns are used only when the
 * primary one is missing (the flattened export has both telefon_zdroj and
 * telefon_normalizovany).
 */
static const struct coldef {
	enum col	 col;
	bool		 secondary;
	const char	*spellings;	/* '|'-separated */
} coldefs[] = {
	{ C_IDENT, false, "identifikátor|identifikátor služby|ident" },
	{ C_SOURCE_ID, false, "id služby|sluzba_id|id záznamu" },
	{ C_NAME, false, "název služby|nazev_sluzby|název|služba" },
	{ C_TYPE, false, "druh služby|druh|druh_kod|kód druhu|paragraf|§" },
	{ C_CATEGORY, false, "kategorie|druh_nazev|název druhu" },
	{ C_PROVIDER, false, "poskytovatel|poskytovatel_nazev|"
	    "název poskytovatele" },
	{ C_ICO, false, "IČO|poskytovatel_ico|IČO poskytovatele|IČ" },
	{ C_LEGAL_FORM, false, "právní forma|poskytovatel_pravni_forma|"
	    "právní forma poskytovatele" },
	{ C_DIC, false, "DIČ|poskytovatel_dic" },
	{ C_PHONE, false, "telefon|telefony|telefon_zdroj|tel" },
	{ C_PHONE, true, "telefon_normalizovany" },
	{ C_EMAIL, false, "e-mail|emaily|mail" },
	{ C_WEB, false, "web|weby|www|webové stránky" },
	{ C_TARGETS, false, "cílové skupiny|cílová skupina|cilove_skupiny" },
	{ C_AGES, false, "věkové skupiny|věková skupina|vekove_skupiny" },
	{ C_AGE_NOTE, false, "věk|poznámka k věku|vek_poznamka" },
	{ C_AUDIENCE, false, "pro koho" },
	{ C_HOURS, false, "provozní doba|otevírací doba|hodiny" },
	{ C_FEE, false, "úhrada|platba" },
	{ C_FEE_NOTE, false, "poznámka k úhradě|uhrada_poznamka" },
	{ C_DESC, false, "popis|popis služby|poslání" },
	{ C_ACTIVITIES, false, "činnosti|základní činnosti" },
	{ C_BARRIER, false, "bezbariérovost|bezbariérový přístup" },
	{ C_BARRIER_NOTE, false, "poznámka k bezbariérovosti|"
	    "bezbarierovost_poznamka" },
	{ C_LANGUAGES, false, "jazyky|jazyk" },
	{ C_FROM, false, "registrace od|datum_poskytovani_od|"
	    "poskytováno od|platnost od" },
	{ C_TO, false, "registrace do|datum_poskytovani_do|"
	    "poskytováno do|platnost do" },
	{ C_AREA, false, "územní působnost|působnost" },
	{ C_AREA_MUNIS, false, "obce působnosti|uzemni_pusobnost_obce" },
	{ C_QR, false, "QR|odkaz QR|qr_odkaz" },
	{ C_PLACE, false, "místo|název místa|misto_nazev|zařízení" },
	{ C_STREET, false, "ulice" },
	{ C_HOUSE, false, "číslo popisné|cislo_domovni|číslo domovní|č. p.|"
	    "cislo_popisne" },
	{ C_HOUSE_EV, false, "číslo evidenční|č. ev.|cislo_evidencni" },
	{ C_ORIENT, false, "číslo orientační|cislo_orientacni|č. o." },
	{ C_PART, false, "část obce|cast_obce" },
	{ C_MUNI, false, "obec|město|obec_nazev" },
	{ C_MUNI_CODE, false, "kód obce|kod_obce" },
	{ C_PSC, false, "PSČ" },
	{ C_DISTRICT, false, "okres" },
	{ C_DISTRICT_CODE, false, "kód okresu|kod_okresu_lau1" },
	{ C_REGION, false, "kraj" },
	{ C_REGION_CODE, false, "kód kraje|kod_kraje_nuts3" },
	{ C_RUIAN, false, "kód adresního místa|kod_adresniho_mista|RÚIAN" },
	{ C_ADDR_NOTE, false, "poznámka k adrese|dodatek adresy" },
	{ C_FORM, false, "forma|forma poskytování|formy" },
	{ C_CAPACITY, false, "kapacita|kapacita_pocet|počet" },
	{ C_UNIT, false, "jednotka kapacity|kapacita_typ|typ kapacity|"
	    "jednotka" },
	{ C_UNIT, true, "kapacita_typ_nazev" },
	{ C_CAP_NOTE, false, "poznámka ke kapacitě|kapacita_poznamka|"
	    "kapacita_popis" },
	{ C_YEAR, false, "rok" },
	{ C_CLIENTS, false, "klienti za rok|počet klientů|uživatelé za rok|"
	    "počet uživatelů" },
	{ C_FTE_DIRECT, false, "úvazky v přímé péči|uvazky_prima_pece|"
	    "úvazky přímá péče" },
	{ C_FTE_OTHER, false, "úvazky ostatní|uvazky_ostatni" },
	{ C_COSTS, false, "náklady|náklady celkem" },
	{ C_COSTS_PERS, false, "osobní náklady|naklady_osobni" },
	{ C_IGNORED, false, "lat|lng|lon|zeměpisná šířka|zeměpisná délka|"
	    "misto_id|zdroj|kod_kraje_ruian|kod_okresu_ruian" },
};

/*
 * Singular names of service types, as coordinators write them ("domov pro
 * seniory" rather than the codebook's "domovy pro seniory").
 */
static const struct {
	const char	*para;
	const char	*name;
} singulars[] = {
	{ "42", "průvodcovská a předčitatelská služba" },
	{ "44", "odlehčovací služba" },
	{ "45", "centrum denních služeb" },
	{ "46", "denní stacionář" },
	{ "47", "týdenní stacionář" },
	{ "48", "domov pro osoby se zdravotním postižením" },
	{ "49", "domov pro seniory" },
	{ "50", "domov se zvláštním režimem" },
	{ "52", "sociální služba poskytovaná ve zdravotnickém zařízení "
	    "lůžkové péče" },
	{ "56", "tlumočnická služba" },
	{ "57", "azylový dům" },
	{ "58", "dům na půl cesty" },
	{ "59", "kontaktní centrum" },
	{ "60a", "intervenční centrum" },
	{ "61", "nízkoprahové denní centrum" },
	{ "62", "nízkoprahové zařízení pro děti a mládež" },
	{ "63", "noclehárna" },
	{ "64", "služba následné péče" },
	{ "65", "sociálně aktivizační služba pro rodiny s dětmi" },
	{ "66", "sociálně aktivizační služba pro seniory a osoby se "
	    "zdravotním postižením" },
	{ "67", "sociálně terapeutická dílna" },
	{ "68", "terapeutická komunita" },
	{ "69", "terénní program" },
};

/* One heading the columns answer to, normalised. */
struct spelling {
	char		*norm;
	const char	*shown;		/* the column's documented heading */
	enum col	 col;
	bool		 secondary;
};

/* Rows of one service (or related service). */
struct group {
	const char	*key;		/* NULL: not keyed (one row, or merged) */
	size_t		*rows;		/* indexes into csv->rows */
	size_t		 nrows, caprows;
};

struct pinfo {
	struct provider	*p;
	int		 row;		/* where it was first seen */
};

/* A capacity being collected, with the row that gave it. */
struct capbuild {
	const struct cb_item	*form;
	struct srcpos		 formpos;
	struct capacity		 cap;
	bool			 has_cap;
	int			 row;
};

struct ctx {
	struct catalogue	*c;
	struct csv		*csv;
	struct diag		*d;
	const struct load_opts	*opts;
	struct spelling		*sp;
	size_t			 nsp, capsp;
	char			 revnames[16][48];	/* "výnosy mpsv" */
	int			 colidx[C__MAX];	/* header index or -1 */
	bool			 colsec[C__MAX];	/* filled by a secondary */
	struct group		**groups;
	size_t			 ngroups, capgroups;
	struct strmap		*bykey;
	struct strmap		*prov_ico, *prov_name;
	struct pinfo		**pinfos;
	size_t			 npinfos, cappinfos;
	int			 territory_out;
};

/* The cells of one group that belong to the service as a whole. */
struct gvals {
	const struct csv_field	*f[C_LAST_SERVICE + 1];
	int			 row[C_LAST_SERVICE + 1];
};

/* ---- Text helpers ------------------------------------------------------ */

/*
 * Normalises s for loose comparison: letters folded to lower-case ASCII,
 * digits kept, everything else dropped; "§" reads as "paragraf". The result
 * goes into b (reset first) and is returned.
 */
static const char *
norm(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 n, len = strlen(s);
	uint32_t	 cp;
	int		 c;

	buf_reset(b);
	buf_puts(b, "");
	while (*p != '\0') {
		if ((n = utf8_decode(p, len - (size_t)(p -
		    (const unsigned char *)s), &cp)) == 0) {
			p++;
			continue;
		}
		p += n;
		if (cp == 0xa7)
			buf_puts(b, "paragraf");
		else if ((c = fold_letter(cp)) != 0)
			buf_putc(b, (char)c);
	}
	return buf_str(b);
}

static char *
norm_dup(const char *s)
{
	struct buf	 b = { 0 };

	norm(&b, s);
	return buf_steal(&b);
}

static bool
is_blank_char(const char *s, size_t *n)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		*n = 1;
		return true;
	}
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
		*n = 2;
		return true;
	}
	return false;
}

static bool
blank(const char *s)
{
	size_t	 n;

	while (*s != '\0') {
		if (!is_blank_char(s, &n))
			return false;
		s += n;
	}
	return true;
}

/* A piece of a cell: byte offset and length. */
struct piece {
	size_t	 off, len;
};

/*
 * Splits s at any byte of seps (and at white space when ws), trimming
 * blanks around each piece and skipping empty ones. Returns the count; the
 * caller frees *out.
 */
static size_t
split(const char *s, const char *seps, bool ws, struct piece **out)
{
	size_t	 n = 0, cap = 0, i = 0, start, end, k;

	*out = NULL;
	for (;;) {
		while (s[i] != '\0' && (is_blank_char(s + i, &k) ||
		    strchr(seps, s[i]) != NULL))
			i += is_blank_char(s + i, &k) ? k : 1;
		if (s[i] == '\0')
			break;
		start = end = i;
		while (s[i] != '\0' && strchr(seps, s[i]) == NULL &&
		    !(ws && is_blank_char(s + i, &k))) {
			if (!is_blank_char(s + i, &k)) {
				k = 1;
				end = i + 1;
			}
			i += k;
		}
		grow(out, &cap, n + 1, sizeof **out);
		(*out)[n].off = start;
		(*out)[n].len = end - start;
		n++;
	}
	return n;
}

/* ---- Cells ------------------------------------------------------------- */

/* The heading of column c as the file writes it. */
static const char *
colname(const struct ctx *x, enum col c)
{
	return x->csv->header.fields[x->colidx[c]].text;
}

/* The cell of column c in row r, or NULL when absent, empty or bad. */
static const struct csv_field *
cell(const struct ctx *x, const struct csv_row *r, enum col c)
{
	const struct csv_field *f;

	if (x->colidx[c] < 0)
		return NULL;
	f = &r->fields[x->colidx[c]];
	if (f->bad || blank(f->text))
		return NULL;
	return f;
}

/* Where a missing value of column c would be (for messages). */
static struct srcpos
cellpos(const struct ctx *x, const struct csv_row *r, enum col c)
{
	struct srcpos	 pos;

	if (x->colidx[c] >= 0)
		return r->fields[x->colidx[c]].pos;
	pos = r->fields[0].pos;
	pos.col = 1;
	pos.line = r->line;
	return pos;
}

static const struct csv_row *
group_row(const struct ctx *x, const struct group *g, size_t i)
{
	return &x->csv->rows[g->rows[i]];
}

static struct str
cstr(struct ctx *x, const struct csv_field *f)
{
	if (f == NULL) {
		struct str none = { NULL, { NULL, 0, 0 } };
		return none;
	}
	return model_str(x->c, f->text, &f->pos);
}

/* A piece of a cell as a model string positioned at the piece. */
static struct str
piece_str(struct ctx *x, const struct csv_field *f, const struct piece *p)
{
	struct srcpos	 pos = csv_value_pos(x->csv, f, p->off);
	struct str	 s;

	s.s = arena_strndup(x->c->arena, f->text + p->off, p->len);
	s.pos = pos;
	return s;
}

/* Copies n elements of size sz into the catalogue's arena. */
static void *
to_arena(struct ctx *x, const void *src, size_t n, size_t sz)
{
	void	*dst;

	if (n == 0)
		return NULL;
	dst = model_array(x->c, n, sz);
	memcpy(dst, src, n * sz);
	return dst;
}

/* ---- Numbers and dates ------------------------------------------------- */

/* Matches a thousands separator at s: space, NBSP, U+2009 or U+202F. */
static size_t
group_sep(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x89", 3) == 0)
		return 3;
	return 0;
}

/*
 * Parses a Czech number exactly, never through strtod: "1 234,5" (space,
 * NBSP or narrow NBSP between thousands, or dots when the decimal mark is a
 * comma), "1234.5" ("1.200" is 1200 where only whole numbers make
 * sense); money may end in "Kč" or ",-". Returns the value scaled
 * by 10^scale in *out, or a reason why not.
 */
static const char *
num_parse(const char *s, int scale, bool money, long long *out)
{
	char		 digits[40], dec = 0;
	size_t		 nd = 0, len, k, ncomma = 0, ndot = 0, i;
	int		 group = -1, frac = 0;
	long long	 v = 0;
	char		 tmp[64];

	while (*s == ' ' || *s == '\t' || strncmp(s, "\xc2\xa0", 2) == 0)
		s += *s == (char)0xc2 ? 2 : 1;
	len = strlen(s);
	if (len >= sizeof tmp)
		return "too long for a number";
	memcpy(tmp, s, len + 1);
	while (len > 0 && (tmp[len - 1] == ' ' || tmp[len - 1] == '\t'))
		tmp[--len] = '\0';
	if (money && len >= 2 && strcmp(tmp + len - 2, ",-") == 0)
		tmp[len -= 2] = '\0';
	else if (money && len >= 3 && strcmp(tmp + len - 3, "Kč") == 0) {
		tmp[len -= 3] = '\0';
		while (len > 0 && (k = (tmp[len - 1] == ' ' ? 1 :
		    len >= 2 && strncmp(tmp + len - 2, "\xc2\xa0", 2) == 0 ?
		    2 : 0)) > 0)
			tmp[len -= k] = '\0';
	}
	for (i = 0; i < len; i++) {
		ncomma += tmp[i] == ',';
		ndot += tmp[i] == '.';
	}
	if (tmp[0] == '-' || strncmp(tmp, "\xe2\x88\x92", 3) == 0)
		return "a negative number is not allowed here";
	if (ncomma > 1)
		return "not a number";
	/* A single dot is a decimal point, except in a whole number where
	   three digits follow it: "1.200" klientů are 1200. */
	if (ncomma == 1)
		dec = ',';
	else if (ndot == 1 && !(scale == 0 && len >= 5 &&
	    tmp[len - 4] == '.' && strchr(tmp, '.') == tmp + len - 4))
		dec = '.';
	for (i = 0; i < len; ) {
		if (is_digit((unsigned char)tmp[i])) {
			if (nd + 1 >= sizeof digits)
				return "too large";
			digits[nd++] = tmp[i++];
			if (group >= 0)
				group++;
			continue;
		}
		k = group_sep(tmp + i);
		if (k == 0 && tmp[i] == '.' && dec != '.')
			k = 1;
		if (k > 0) {
			/* Groups of exactly three digits after a separator. */
			if (nd == 0 || (group >= 0 && group != 3) ||
			    (group < 0 && nd > 3))
				return "not a number (check the digit groups)";
			group = 0;
			i += k;
			continue;
		}
		if (tmp[i] == dec)
			break;
		return "not a number";
	}
	if (nd == 0)
		return "not a number";
	if (group >= 0 && group != 3)
		return "not a number (check the digit groups)";
	if (i < len) {
		/* The fractional part after the decimal mark. */
		for (i++; i < len; i++) {
			if (!is_digit((unsigned char)tmp[i]))
				return "not a number";
			if (frac < scale) {
				if (nd + 1 >= sizeof digits)
					return "too large";
				digits[nd++] = tmp[i];
				frac++;
			} else if (tmp[i] != '0')
				return scale == 0 ? "not a whole number" :
				    "too many decimal places";
		}
	}
	if (nd + (size_t)(scale - frac) >= sizeof digits)
		return "too large";
	for (; frac < scale; frac++)
		digits[nd++] = '0';
	if (nd > 18)
		return "too large";
	for (i = 0; i < nd; i++)
		v = v * 10 + (digits[i] - '0');
	*out = v;
	return NULL;
}

/* Dates as written in spreadsheets: ISO, "1. 9. 2026", with " 0:00" left
   over from a date-time cell. */
static bool
csv_date(const char *s, struct date *out)
{
	char		 tmp[64];
	size_t		 len = strlen(s);
	char		*sp;

	if (len >= sizeof tmp)
		return false;
	memcpy(tmp, s, len + 1);
	if ((sp = strrchr(tmp, ' ')) != NULL && strchr(sp, ':') != NULL &&
	    sp > tmp && tmp[len - 1] != '.')
		*sp = '\0';
	return date_parse(tmp, out);
}

/* ---- Codebooks --------------------------------------------------------- */

static bool
norm_eq(const char *normed, const char *other)
{
	struct buf	 b = { 0 };
	bool		 eq;

	if (other == NULL)
		return false;
	eq = strcmp(normed, norm(&b, other)) == 0;
	buf_free(&b);
	return eq;
}

/* Finds a codebook item by code, MPSV id, label or (units) word form. */
static const struct cb_item *
cb_lookup(enum cb_kind kind, const char *s)
{
	const struct cb_item *it;
	char		*n;
	size_t		 i;

	if ((it = cb_find(kind, s)) != NULL)
		return it;
	n = norm_dup(s);
	for (i = 0; i < cb_count(kind) && *n != '\0'; i++) {
		it = cb_at(kind, i);
		if (norm_eq(n, it->code) || norm_eq(n, it->label) ||
		    norm_eq(n, it->short_label) ||
		    norm_eq(n, it->mpsv_id) || norm_eq(n, it->one) ||
		    norm_eq(n, it->few) || norm_eq(n, it->many))
			break;
	}
	free(n);
	return *s != '\0' && i < cb_count(kind) ? cb_at(kind, i) : NULL;
}

/* The closest label of a codebook, for "did you mean". */
static const char *
cb_suggest(enum cb_kind kind, const char *s)
{
	size_t		 n = cb_count(kind), i, j = 0;
	const char	**keys = xcalloc(2 * n + 1, sizeof *keys);
	const char	**shown = xcalloc(2 * n + 1, sizeof *shown);
	const char	*res;

	for (i = 0; i < n; i++) {
		shown[j] = cb_at(kind, i)->short_label;
		keys[j++] = cb_at(kind, i)->label;
		shown[j] = cb_at(kind, i)->short_label;
		keys[j++] = cb_at(kind, i)->short_label;
	}
	res = tree_suggest_norm(s, keys, shown, j, norm_dup);
	free(keys);
	free(shown);
	return res;
}

static const char *
singular_of(const struct cb_type *t)
{
	size_t	 i;

	for (i = 0; i < NELEM(singulars) && t->para != NULL; i++)
		if (strcmp(singulars[i].para, t->para) == 0)
			return singulars[i].name;
	return NULL;
}

/*
 * Finds a type of social service: "§ 49", "49", "DruhSocialniSluzby/13",
 * the portal id, the name (plural as in the codebook, or singular), the
 * abbreviation, or "§ 49 domovy pro seniory".
 */
static const struct cb_type *
find_type(const char *s)
{
	const struct cb_type *t;
	const char	*p = s;
	char		 para[8], *n;
	size_t		 i, k = 0;

	if ((t = cb_type_find(s)) != NULL)
		return t;
	if (strncmp(p, "\xc2\xa7", 2) == 0)
		p += 2;
	while (*p == ' ' || strncmp(p, "\xc2\xa0", 2) == 0)
		p += *p == ' ' ? 1 : 2;
	while (k + 1 < sizeof para && (is_digit((unsigned char)*p) ||
	    (k > 0 && *p == 'a')))
		para[k++] = *p++;
	para[k] = '\0';
	if (k > 0 && (*p == '\0' || *p == ' ' || *p == '-' || *p == '.' ||
	    *p == ',' || (unsigned char)*p == 0xe2))
		for (i = 0; i < cb_type_count(); i++) {
			t = cb_type_at(i);
			if ((t->para != NULL && strcmp(t->para, para) == 0) ||
			    (*p == '\0' && t->portal_id == atoi(para)))
				return t;
		}
	n = norm_dup(s);
	for (i = 0; i < cb_type_count() && *n != '\0'; i++) {
		t = cb_type_at(i);
		if (norm_eq(n, t->name) || norm_eq(n, singular_of(t)) ||
		    norm_eq(n, t->abbr) || norm_eq(n, t->mpsv_id))
			break;
	}
	free(n);
	return *s != '\0' && i < cb_type_count() ? cb_type_at(i) : NULL;
}

static const char *
type_suggest(const char *s)
{
	size_t		 n = cb_type_count(), i, j = 0;
	const char	**keys = xcalloc(2 * n + 1, sizeof *keys);
	const char	**shown = xcalloc(2 * n + 1, sizeof *shown);
	const char	*res;

	for (i = 0; i < n; i++) {
		shown[j] = cb_type_at(i)->name;
		keys[j++] = cb_type_at(i)->name;
		if (singular_of(cb_type_at(i)) != NULL) {
			shown[j] = cb_type_at(i)->name;
			keys[j++] = singular_of(cb_type_at(i));
		}
	}
	res = tree_suggest_norm(s, keys, shown, j, norm_dup);
	free(keys);
	free(shown);
	return res;
}

/* A type code from another register (ÚZIS health care: "350", "105"). */
static bool
foreign_code(const char *s)
{
	return *s != '\0' && all_digits(s, strlen(s));
}

/* ---- Columns ----------------------------------------------------------- */

/* At most this many unknown columns are reported one by one. */
#define CSV_MAX_UNKNOWN	20

static void
add_spelling(struct ctx *x, enum col col, bool secondary, const char *text,
    const char *shown)
{
	struct spelling	*s;

	grow(&x->sp, &x->capsp, x->nsp + 1, sizeof *x->sp);
	s = &x->sp[x->nsp++];
	s->norm = norm_dup(text);
	s->shown = shown;
	s->col = col;
	s->secondary = secondary;
}

static void
build_spellings(struct ctx *x)
{
	size_t		 i, n;
	const char	*p, *bar, *shown;
	char		 one[128];
	const struct cb_item *it;

	for (i = 0; i < NELEM(coldefs); i++) {
		shown = NULL;
		for (p = coldefs[i].spellings; *p != '\0'; p = bar + (*bar != '\0')) {
			if ((bar = strchr(p, '|')) == NULL)
				bar = p + strlen(p);
			n = (size_t)(bar - p) < sizeof one - 1 ?
			    (size_t)(bar - p) : sizeof one - 1;
			memcpy(one, p, n);
			one[n] = '\0';
			if (shown == NULL)
				shown = p;
			add_spelling(x, coldefs[i].col, coldefs[i].secondary,
			    one, NULL);
			x->sp[x->nsp - 1].shown = shown;
		}
	}
	for (i = 0; i < cb_count(CB_FUND) && i < 16; i++) {
		it = cb_at(CB_FUND, i);
		snprintf(x->revnames[i], sizeof x->revnames[i],
		    "výnosy %s", it->code);
		add_spelling(x, C_REVENUE + i, false, x->revnames[i],
		    x->revnames[i]);
		snprintf(one, sizeof one, "výnosy %s", it->short_label);
		add_spelling(x, C_REVENUE + i, false, one, x->revnames[i]);
	}
}

/* The documented heading of a spelling, up to its '|'. */
static void
shown_name(const struct spelling *s, char *out, size_t outlen)
{
	size_t	 n = strcspn(s->shown, "|");

	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, s->shown, n);
	out[n] = '\0';
}

static const struct spelling *
find_spelling(const struct ctx *x, const char *normed)
{
	size_t	 i;

	for (i = 0; i < x->nsp; i++)
		if (strcmp(x->sp[i].norm, normed) == 0)
			return &x->sp[i];
	return NULL;
}

static void
unknown_column(struct ctx *x, const struct csv_field *f, const char *normed)
{
	const char	**known = xcalloc(x->nsp + 1, sizeof *known);
	const char	*best;
	char		 name[128];
	size_t		 i;

	for (i = 0; i < x->nsp; i++)
		known[i] = x->sp[i].norm;
	best = *normed != '\0' ? tree_suggest(normed, known) : NULL;
	for (i = 0; best != NULL && i < x->nsp; i++)
		if (x->sp[i].norm == best)
			break;
	if (best != NULL && i < x->nsp) {
		shown_name(&x->sp[i], name, sizeof name);
		diag(x->d, D_UNKNOWN_COLUMN, &f->pos, "unknown column %s, "
		    "ignored; did you mean %s?", dq(x->d, f->text),
		    dq(x->d, name));
	} else
		diag(x->d, D_UNKNOWN_COLUMN, &f->pos, "unknown column %s, "
		    "ignored (the columns are listed in samples/csv/README.md)",
		    dq(x->d, f->text));
	free(known);
}

/* A column without a heading is fine unless some row fills it. */
static void
check_unnamed(struct ctx *x, size_t i)
{
	size_t		 j;
	const struct csv_field *f;

	for (j = 0; j < x->csv->nrows; j++) {
		f = &x->csv->rows[j].fields[i];
		if (!f->bad && !blank(f->text)) {
			diag(x->d, D_UNKNOWN_COLUMN, &f->pos, "column %zu has "
			    "no heading, so its values (here %s) are ignored",
			    i + 1, dq(x->d, f->text));
			return;
		}
	}
}

/* Maps the header onto columns; returns how many headings were known. */
static int
map_header(struct ctx *x)
{
	const struct csv_row *h = &x->csv->header;
	const struct csv_field *f;
	const struct spelling *s;
	struct buf	 b = { 0 };
	size_t		 i, nunknown = 0;
	size_t		*unknown = xcalloc(h->n + 1, sizeof *unknown);
	int		 known = 0;
	enum col	 c;

	for (i = 0; i < C__MAX; i++)
		x->colidx[i] = -1;
	for (i = 0; i < h->n; i++) {
		f = &h->fields[i];
		if (f->bad)
			continue;
		if (blank(f->text)) {
			check_unnamed(x, i);
			continue;
		}
		if ((s = find_spelling(x, norm(&b, f->text))) == NULL) {
			unknown[nunknown++] = i;
			continue;
		}
		known++;
		c = s->col;
		if (c == C_IGNORED)
			continue;
		if (x->colidx[c] < 0 || (x->colsec[c] && !s->secondary)) {
			x->colidx[c] = (int)i;
			x->colsec[c] = s->secondary;
		} else if (!s->secondary)
			diag_at_level(x->d, D_DUPLICATE_KEY, DIAG_WARNING,
			    &f->pos, "column %s repeats column %d (%s); this "
			    "one is ignored", dq(x->d, f->text),
			    x->colidx[c] + 1, dq(x->d, colname(x, c)));
	}
	/* A header of hundreds of unknown cells is listed in part. */
	if (known > 0)
		for (i = 0; i < nunknown && i < CSV_MAX_UNKNOWN; i++)
			unknown_column(x, &h->fields[unknown[i]],
			    norm(&b, h->fields[unknown[i]].text));
	if (known > 0 && nunknown > CSV_MAX_UNKNOWN)
		diag(x->d, D_UNKNOWN_COLUMN,
		    &h->fields[unknown[CSV_MAX_UNKNOWN]].pos, "%zu more "
		    "unknown columns from here on, ignored (not listed)",
		    nunknown - CSV_MAX_UNKNOWN);
	free(unknown);
	buf_free(&b);
	return known;
}

/* Reports a required column that the header lacks. */
static bool
require_column(struct ctx *x, bool present, const char *name, const char *what)
{
	struct srcpos	 pos = x->csv->header.fields[0].pos;

	if (present)
		return true;
	pos.col = 1;
	diag(x->d, D_MISSING_FIELD, &pos, "the header has no column %s (%s); "
	    "nothing was loaded from this file", dq(x->d, name), what);
	return false;
}

static bool
check_columns(struct ctx *x)
{
	bool	 ok = true;

	if (x->opts->is_override)
		return require_column(x, x->colidx[C_IDENT] >= 0 ||
		    x->colidx[C_SOURCE_ID] >= 0, "identifikátor",
		    "an enrichment file names the services it completes");
	ok &= require_column(x, x->colidx[C_NAME] >= 0, "název služby",
	    "the name of each service");
	ok &= require_column(x, x->colidx[C_TYPE] >= 0 ||
	    x->colidx[C_CATEGORY] >= 0, "druh služby",
	    "the type of each service");
	return ok;
}

/* ---- Grouping rows into services --------------------------------------- */

static struct group *
new_group(struct ctx *x, const char *key)
{
	struct group	*g = xcalloc(1, sizeof *g);

	grow(&x->groups, &x->capgroups, x->ngroups + 1, sizeof *x->groups);
	x->groups[x->ngroups++] = g;
	if (key != NULL) {
		g->key = xstrdup(key);
		strmap_put(x->bykey, g->key, g);
	}
	return g;
}

static void
group_add(struct group *g, size_t row)
{
	grow(&g->rows, &g->caprows, g->nrows + 1, sizeof *g->rows);
	g->rows[g->nrows++] = row;
}

/* A row with no identity of its own continues the service above it. */
static bool
continues(const struct ctx *x, const struct csv_row *r)
{
	int	 c;

	for (c = C_IDENT; c <= C_ICO; c++)
		if (cell(x, r, (enum col)c) != NULL)
			return false;
	return true;
}

static void
group_rows(struct ctx *x)
{
	struct group	*g, *prev = NULL;
	const struct csv_row *r;
	const struct csv_field *f;
	struct buf	 key = { 0 };
	size_t		 i;

	for (i = 0; i < x->csv->nrows; i++) {
		r = &x->csv->rows[i];
		buf_reset(&key);
		if ((f = cell(x, r, C_IDENT)) != NULL)
			buf_printf(&key, "i:%s", f->text);
		else if ((f = cell(x, r, C_SOURCE_ID)) != NULL)
			buf_printf(&key, "s:%s", f->text);
		if (f != NULL && (g = strmap_get(x->bykey, key.data)) != NULL)
			;
		else if (f == NULL && prev != NULL && continues(x, r))
			g = prev;
		else
			g = new_group(x, f != NULL ? key.data : NULL);
		group_add(g, i);
		prev = g;
	}
	buf_free(&key);
}

/*
 * Collects the service-level cells of a group: the first filled one wins,
 * and a later row that says something else is reported (once for each
 * run of rows repeating the same other value).
 */
static void
group_values(struct ctx *x, const struct group *g, struct gvals *v)
{
	const struct csv_row *r;
	const struct csv_field *f, *told;
	size_t		 i;
	int		 c;

	memset(v, 0, sizeof *v);
	for (c = C_FIRST_SERVICE; c <= C_LAST_SERVICE; c++)
		for (i = 0, told = NULL; i < g->nrows; i++) {
			r = group_row(x, g, i);
			if ((f = cell(x, r, (enum col)c)) == NULL)
				continue;
			if (v->f[c] == NULL) {
				v->f[c] = f;
				v->row[c] = r->number;
				continue;
			}
			if (strcmp(f->text, v->f[c]->text) == 0 ||
			    (told != NULL && strcmp(f->text, told->text) == 0))
				continue;
			told = f;
			diag(x->d, D_MERGE_CONFLICT, &f->pos, "row %d gives %s "
			    "in column %s, but row %d of the same service gave "
			    "%s; the first value is kept", r->number,
			    dq(x->d, f->text), dq(x->d, colname(x, (enum col)c)),
			    v->row[c], dq(x->d, v->f[c]->text));
		}
}

/* ---- Values ------------------------------------------------------------ */

/* Splits a cell into model strings, each positioned at its own text. */
static size_t
str_list(struct ctx *x, const struct csv_field *f, const char *seps, bool ws,
    struct str **out)
{
	struct piece	*p;
	size_t		 n, i;

	*out = NULL;
	if (f == NULL)
		return 0;
	n = split(f->text, seps, ws, &p);
	if (n > 0)
		*out = model_array(x->c, n, sizeof **out);
	for (i = 0; i < n; i++)
		(*out)[i] = piece_str(x, f, &p[i]);
	free(p);
	return n;
}

static void
contacts(struct ctx *x, const struct gvals *v, struct contacts *k)
{
	k->nphones = str_list(x, v->f[C_PHONE], ",;|\n", false, &k->phones);
	k->nemails = str_list(x, v->f[C_EMAIL], ",;|\n", true, &k->emails);
	k->nwebs = str_list(x, v->f[C_WEB], ",;|\n", true, &k->webs);
}

static void
add_coderef(struct coderef **v, size_t *n, size_t *cap,
    const struct cb_item *it, const struct srcpos *pos)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].item == it)
			return;
	grow(v, cap, *n + 1, sizeof **v);
	(*v)[*n].item = it;
	(*v)[*n].pos = *pos;
	(*n)++;
}

/*
 * Target groups contain commas ("osoby, které vedou rizikový způsob
 * života…"), so a piece is first looked up whole and only then split at
 * commas, if every part is a known group.
 */
static bool
codes_by_comma(struct ctx *x, const struct csv_field *f,
    const struct piece *pc, enum cb_kind kind, struct coderef **v,
    size_t *n, size_t *cap)
{
	char		*text = xstrndup(f->text + pc->off, pc->len);
	struct piece	*sub;
	size_t		 nsub, i;
	const struct cb_item **its;
	struct srcpos	 pos;
	bool		 all = true;

	nsub = split(text, ",", false, &sub);
	its = xcalloc(nsub + 1, sizeof *its);
	for (i = 0; i < nsub && all; i++) {
		text[sub[i].off + sub[i].len] = '\0';
		all = (its[i] = cb_lookup(kind, text + sub[i].off)) != NULL;
	}
	for (i = 0; all && nsub > 1 && i < nsub; i++) {
		pos = csv_value_pos(x->csv, f, pc->off + sub[i].off);
		add_coderef(v, n, cap, its[i], &pos);
	}
	free(its);
	free(sub);
	free(text);
	return all && nsub > 1;
}

static size_t
codes(struct ctx *x, const struct csv_field *f, enum cb_kind kind,
    const char *seps, const char *what, struct coderef **out)
{
	struct piece	*p;
	struct coderef	*v = NULL;
	size_t		 np, n = 0, cap = 0, i;
	const struct cb_item *it;
	const char	*sug;
	char		*text;
	struct srcpos	 pos;

	*out = NULL;
	if (f == NULL)
		return 0;
	np = split(f->text, seps, false, &p);
	for (i = 0; i < np; i++) {
		text = xstrndup(f->text + p[i].off, p[i].len);
		pos = csv_value_pos(x->csv, f, p[i].off);
		if ((it = cb_lookup(kind, text)) != NULL)
			add_coderef(&v, &n, &cap, it, &pos);
		else if (kind == CB_TARGET && strchr(text, ',') != NULL &&
		    codes_by_comma(x, f, &p[i], kind, &v, &n, &cap))
			;
		else if ((sug = cb_suggest(kind, text)) != NULL)
			diag(x->d, D_UNKNOWN_CODE, &pos, "unknown %s %s; did "
			    "you mean %s? value dropped", what, dq(x->d, text),
			    dq(x->d, sug));
		else
			diag(x->d, D_UNKNOWN_CODE, &pos, "unknown %s %s; value "
			    "dropped", what, dq(x->d, text));
		free(text);
	}
	free(p);
	*out = to_arena(x, v, n, sizeof *v);
	free(v);
	return n;
}

static bool
date_cell(struct ctx *x, const struct csv_field *f, enum col c,
    struct date *out)
{
	memset(out, 0, sizeof *out);
	if (f == NULL)
		return true;
	if (!csv_date(f->text, out)) {
		memset(out, 0, sizeof *out);
		diag(x->d, D_DATE_FORMAT, &f->pos, "%s in column %s is not a "
		    "date (write 1. 9. 2026 or 2026-09-01); value dropped",
		    dq(x->d, f->text), dq(x->d, colname(x, c)));
		return false;
	}
	out->pos = f->pos;
	return true;
}

/* ---- Opening hours ----------------------------------------------------- */

/*
 * Opening hours as coordinators type them: "po–pá 7:00–15:30; so 8–12",
 * "denně 6–22", "nonstop" (hours_text() reads them). Each range points at
 * the part of the cell it came from; parts that are not hours are kept,
 * word for word, as the note.
 */
static void
hours_cell(struct ctx *x, const struct csv_field *f, struct hours *h)
{
	struct hours_text	 t;
	size_t			 i;

	memset(h, 0, sizeof *h);
	if (f == NULL)
		return;
	h->present = true;
	hours_text(f->text, strlen(f->text), &t);
	h->nonstop = t.nonstop;
	if (t.nranges > 0)
		h->ranges = model_array(x->c, t.nranges, sizeof *h->ranges);
	for (i = 0; i < t.nranges; i++) {
		h->ranges[i].days = t.ranges[i].days;
		h->ranges[i].from = t.ranges[i].from;
		h->ranges[i].to = t.ranges[i].to;
		h->ranges[i].pos = csv_value_pos(x->csv, f, t.ranges[i].off);
	}
	h->nranges = t.nranges;
	if (t.note != NULL)
		h->note = model_str(x->c, t.note, &f->pos);
	hours_text_free(&t);
}

/* ---- Fees, yes/no ------------------------------------------------------ */

struct word_value {
	const char	*word;		/* normalised */
	int		 value;
};

static const struct word_value fee_words[] = {
	{ "zdarma", FEE_FREE }, { "bezplatne", FEE_FREE },
	{ "bezplatna", FEE_FREE }, { "bezplatny", FEE_FREE },
	{ "bezuhrady", FEE_FREE }, { "nehradise", FEE_FREE },
	{ "placena", FEE_PAID }, { "placene", FEE_PAID },
	{ "placeny", FEE_PAID }, { "hrazena", FEE_PAID },
	{ "zauhradu", FEE_PAID }, { "uhrada", FEE_PAID },
	{ "castecne", FEE_PARTLY }, { "castecna", FEE_PARTLY },
	{ "castecnehrazena", FEE_PARTLY }, { "castecneplacena", FEE_PARTLY },
	{ NULL, 0 }
};

static const struct word_value tri_words[] = {
	{ "ano", TRI_YES }, { "bezbarierovy", TRI_YES },
	{ "bezbarierova", TRI_YES }, { "bezbarierove", TRI_YES },
	{ "ne", TRI_NO }, { "nebezbarierovy", TRI_NO },
	{ "castecne", TRI_PARTLY }, { "castecny", TRI_PARTLY },
	{ "castecna", TRI_PARTLY }, { "castecnebezbarierovy", TRI_PARTLY },
	{ NULL, 0 }
};

static int
word_value(const struct word_value *w, const char *normed)
{
	for (; w->word != NULL; w++)
		if (strcmp(w->word, normed) == 0)
			return w->value;
	return -1;
}

/*
 * Reads a value from a short list ("zdarma", "částečně, strava se hradí"):
 * the whole cell or its first word. When only the first word counts, or the
 * value is unknown, the text becomes the note (if the note column is
 * empty). Returns -1 for an unknown value (reported).
 */
static int
choice_cell(struct ctx *x, const struct csv_field *f, enum col c,
    const struct word_value *words, const char *choices, struct str *note,
    bool note_given)
{
	char		*n, *first;
	size_t		 k = 0;
	int		 v;

	n = norm_dup(f->text);
	v = word_value(words, n);
	free(n);
	if (v >= 0)
		return v;
	first = xstrdup(f->text);
	while (first[k] != '\0' && first[k] != ',' && first[k] != ' ' &&
	    first[k] != '(' && first[k] != ';' && first[k] != '-')
		k++;
	first[k] = '\0';
	n = norm_dup(first);
	v = word_value(words, n);
	free(n);
	free(first);
	if (!note_given)
		*note = cstr(x, f);
	if (v < 0)
		diag_at_level(x->d, D_BAD_VALUE, note_given ? DIAG_ERROR :
		    DIAG_WARNING, &f->pos,
		    "%s in column %s is not one of %s; %s", dq(x->d, f->text),
		    dq(x->d, colname(x, c)), choices, note_given ?
		    "value dropped" : "kept as a note");
	return v;
}

/* ---- Places ------------------------------------------------------------ */

static bool
region_code_like(const char *s)
{
	return strlen(s) == 5 && strncmp(s, "CZ0", 3) == 0 &&
	    is_digit((unsigned char)s[3]) && is_digit((unsigned char)s[4]);
}

static void
address_cells(struct ctx *x, const struct csv_row *r, struct address *a)
{
	const struct csv_field *f;
	long long	 v;
	int		 c, best;

	memset(a, 0, sizeof *a);
	/* The address starts at its leftmost cell. */
	for (c = C_FIRST_PLACE, best = -1; c <= C_LAST_PLACE; c++)
		if (c != C_PLACE && cell(x, r, (enum col)c) != NULL &&
		    (best < 0 || x->colidx[c] < x->colidx[best]))
			best = c;
	if (best >= 0) {
		a->present = true;
		a->pos = cell(x, r, (enum col)best)->pos;
	}
	a->street = cstr(x, cell(x, r, C_STREET));
	if ((f = cell(x, r, C_HOUSE)) == NULL &&
	    (f = cell(x, r, C_HOUSE_EV)) != NULL)
		a->evidence = true;
	a->house = cstr(x, f);
	a->orient = cstr(x, cell(x, r, C_ORIENT));
	a->part = cstr(x, cell(x, r, C_PART));
	a->municipality = cstr(x, cell(x, r, C_MUNI));
	a->municipality_code = cstr(x, cell(x, r, C_MUNI_CODE));
	a->psc = cstr(x, cell(x, r, C_PSC));
	a->district = cstr(x, cell(x, r, C_DISTRICT));
	a->region_code = cstr(x, cell(x, r, C_REGION_CODE));
	if ((f = cell(x, r, C_REGION)) != NULL && region_code_like(f->text) &&
	    a->region_code.s == NULL)
		a->region_code = cstr(x, f);
	else
		a->region = cstr(x, f);
	a->note = cstr(x, cell(x, r, C_ADDR_NOTE));
	if ((f = cell(x, r, C_RUIAN)) != NULL) {
		if (all_digits(f->text, f->len) && f->len <= 15 &&
		    num_parse(f->text, 0, false, &v) == NULL)
			a->ruian = v;
		else
			diag(x->d, D_NUMBER_FORMAT, &f->pos, "%s in column %s "
			    "is not an address point code (digits only); "
			    "value dropped", dq(x->d, f->text),
			    dq(x->d, colname(x, C_RUIAN)));
	}
}

/* The place cells of a row joined, to recognise the same place again. */
static char *
place_key(const struct ctx *x, const struct csv_row *r, bool *any)
{
	struct buf	 b = { 0 };
	const struct csv_field *f;
	int		 c;

	*any = false;
	buf_puts(&b, "");
	for (c = C_FIRST_PLACE; c <= C_LAST_PLACE; c++) {
		if ((f = cell(x, r, (enum col)c)) != NULL) {
			buf_puts(&b, f->text);
			*any = true;
		}
		buf_putc(&b, '\x1f');
	}
	return buf_steal(&b);
}

/* One place per distinct address among the rows of a group. */
static size_t
places(struct ctx *x, const struct group *g, struct place **out,
    int **rows)
{
	struct place	*v = NULL;
	char		**keys = xcalloc(g->nrows + 1, sizeof *keys);
	size_t		 n = 0, cap = 0, i, j;
	const struct csv_row *r;
	const struct csv_field *f;
	bool		 any;

	*rows = xcalloc(g->nrows + 1, sizeof **rows);
	for (i = 0; i < g->nrows; i++) {
		r = group_row(x, g, i);
		keys[n] = place_key(x, r, &any);
		for (j = 0; j < n && any; j++)
			if (strcmp(keys[j], keys[n]) == 0)
				break;
		if (!any || j < n) {
			free(keys[n]);
			keys[n] = NULL;
			continue;
		}
		grow(&v, &cap, n + 1, sizeof *v);
		memset(&v[n], 0, sizeof v[n]);
		address_cells(x, r, &v[n].addr);
		f = cell(x, r, C_PLACE);
		v[n].name = cstr(x, f);
		v[n].pos = f != NULL ? f->pos : v[n].addr.pos;
		if (!v[n].addr.present)
			v[n].addr.pos = v[n].pos;
		(*rows)[n] = r->number;
		n++;
	}
	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	*out = to_arena(x, v, n, sizeof *v);
	free(v);
	return n;
}

/* Does one filter value name this code or name? */
static bool
filter_hit(const char *const *vals, size_t n, const struct csv_field *code,
    const struct csv_field *name)
{
	char	*nn, *nv;
	size_t	 i;
	bool	 hit = false;

	nn = name != NULL ? norm_dup(name->text) : NULL;
	for (i = 0; i < n && !hit; i++) {
		if (code != NULL && strcmp(code->text, vals[i]) == 0)
			hit = true;
		else if (name != NULL && strcmp(name->text, vals[i]) == 0)
			hit = true;
		else if (nn != NULL && *nn != '\0') {
			nv = norm_dup(vals[i]);
			hit = strcmp(nn, nv) == 0;
			free(nv);
		}
	}
	free(nn);
	return hit;
}

/*
 * Keeps a group when the edition filters by territory and one of its
 * places lies in it (kraj by NUTS 3 code or name, okres by LAU 1 code or
 * name, obec by code or name).
 */
static bool
in_territory(const struct ctx *x, const struct group *g)
{
	const struct load_opts *o = x->opts;
	const struct csv_row *r;
	size_t		 i;

	if (o->nkraje == 0 && o->nokresy == 0 && o->nobce == 0)
		return true;
	for (i = 0; i < g->nrows; i++) {
		r = group_row(x, g, i);
		if ((o->nkraje == 0 || filter_hit(o->kraje, o->nkraje,
		    cell(x, r, C_REGION_CODE), cell(x, r, C_REGION))) &&
		    (o->nokresy == 0 || filter_hit(o->okresy, o->nokresy,
		    cell(x, r, C_DISTRICT_CODE), cell(x, r, C_DISTRICT))) &&
		    (o->nobce == 0 || filter_hit(o->obce, o->nobce,
		    cell(x, r, C_MUNI_CODE), cell(x, r, C_MUNI))))
			return true;
	}
	return false;
}

/* ---- Forms and capacities ---------------------------------------------- */

/* The forms named in a cell ("ambulantní a terénní", "amb, ter"). */
static size_t
form_cell(struct ctx *x, const struct csv_field *f,
    const struct cb_item *out[3])
{
	struct piece	*p;
	size_t		 np, n = 0, i, j;
	char		*text, *nt;
	const struct cb_item *it;
	struct srcpos	 pos;

	np = split(f->text, ",;|/+", true, &p);
	for (i = 0; i < np; i++) {
		text = xstrndup(f->text + p[i].off, p[i].len);
		nt = norm_dup(text);
		if (strcmp(nt, "a") == 0 || strcmp(nt, "i") == 0 ||
		    strcmp(nt, "forma") == 0 || *nt == '\0')
			;
		else if ((it = cb_lookup(CB_FORM, text)) == NULL) {
			pos = csv_value_pos(x->csv, f, p[i].off);
			diag(x->d, D_UNKNOWN_CODE, &pos, "unknown form of "
			    "provision %s (write ambulantní, terénní or "
			    "pobytová); value dropped", dq(x->d, text));
		} else {
			for (j = 0; j < n; j++)
				if (out[j] == it)
					break;
			if (j == n && n < 3)
				out[n++] = it;
		}
		free(nt);
		free(text);
	}
	free(p);
	return n;
}

/* The only form a type allows, or NULL. */
static const struct cb_item *
only_form(const struct cb_type *t)
{
	size_t	 i;
	const struct cb_item *it, *found = NULL;

	if (t == NULL)
		return NULL;
	for (i = 0; i < cb_count(CB_FORM); i++) {
		it = cb_at(CB_FORM, i);
		if (t->forms & cb_form_bit(it)) {
			if (found != NULL)
				return NULL;
			found = it;
		}
	}
	return found;
}

/* Reads the capacity of a row; false when it has to be dropped. */
static bool
capacity_cells(struct ctx *x, const struct csv_row *r, struct capacity *cap)
{
	const struct csv_field *fc = cell(x, r, C_CAPACITY);
	const struct csv_field *fu = cell(x, r, C_UNIT);
	const char	*why, *sug;

	memset(cap, 0, sizeof *cap);
	cap->pos = fc->pos;
	if ((why = num_parse(fc->text, 0, false, &cap->count)) != NULL) {
		diag(x->d, D_NUMBER_FORMAT, &fc->pos, "capacity %s in column "
		    "%s: %s; capacity dropped", dq(x->d, fc->text),
		    dq(x->d, colname(x, C_CAPACITY)), why);
		return false;
	}
	if (fu != NULL && (cap->unit = cb_lookup(CB_UNIT, fu->text)) ==
	    NULL) {
		sug = cb_suggest(CB_UNIT, fu->text);
		diag(x->d, D_UNKNOWN_CODE, &fu->pos, "unknown capacity unit %s "
		    "(write lůžka, klienti, intervence, kontakty or hovory)%s%s%s "
		    "capacity dropped", dq(x->d, fu->text), sug ? "; did you "
		    "mean " : "", sug ? dq(x->d, sug) : "", sug ? "?" : ";");
		return false;
	}
	cap->note = cstr(x, cell(x, r, C_CAP_NOTE));
	return true;
}

/* Adds one form (and capacity) from a row, unless it is a repetition. */
static void
add_capbuild(struct ctx *x, struct capbuild **v, size_t *n, size_t *cap,
    const struct cb_item *form, const struct capacity *c, int row,
    const struct srcpos *formpos)
{
	struct capbuild	*b;
	size_t		 i;

	for (i = 0; i < *n; i++) {
		b = &(*v)[i];
		if (b->form != form)
			continue;
		if (c == NULL)
			return;
		if (!b->has_cap || b->cap.unit != c->unit)
			continue;
		if (b->cap.count != c->count)
			diag(x->d, D_MERGE_CONFLICT, &c->pos, "row %d gives "
			    "capacity %lld for the %s form, but row %d gave "
			    "%lld; the first value is kept", row, c->count,
			    form->label, b->row, b->cap.count);
		return;
	}
	grow(v, cap, *n + 1, sizeof **v);
	b = &(*v)[(*n)++];
	memset(b, 0, sizeof *b);
	b->form = form;
	b->row = row;
	b->formpos = *formpos;
	if (c != NULL) {
		b->cap = *c;
		b->has_cap = true;
	}
}

/* Turns the collected forms and capacities into the service's forms. */
static void
store_forms(struct ctx *x, struct service *s, const struct capbuild *v,
    size_t n)
{
	size_t	 i, j, k, ncaps;

	s->forms = model_array(x->c, n ? n : 1, sizeof *s->forms);
	for (i = 0; i < n; i++) {
		for (j = 0; j < s->nforms; j++)
			if (s->forms[j].form == v[i].form)
				break;
		if (j < s->nforms)
			continue;
		s->forms[j].form = v[i].form;
		s->forms[j].pos = v[i].formpos;
		for (k = i, ncaps = 0; k < n; k++)
			ncaps += v[k].form == v[i].form && v[k].has_cap;
		s->forms[j].caps = ncaps ? model_array(x->c, ncaps,
		    sizeof *s->forms[j].caps) : NULL;
		for (k = i; k < n; k++)
			if (v[k].form == v[i].form && v[k].has_cap)
				s->forms[j].caps[s->forms[j].ncaps++] = v[k].cap;
		s->nforms++;
	}
}

static void
forms(struct ctx *x, const struct group *g, struct service *s)
{
	struct capbuild	*v = NULL;
	size_t		 n = 0, cap = 0, i, k, nf;
	const struct csv_row *r;
	const struct csv_field *ff, *fc;
	const struct cb_item *fv[3];
	struct capacity	 c;
	bool		 hascap;

	for (i = 0; i < g->nrows; i++) {
		r = group_row(x, g, i);
		ff = cell(x, r, C_FORM);
		fc = cell(x, r, C_CAPACITY);
		if (ff == NULL && fc == NULL)
			continue;
		nf = 0;
		if (ff != NULL)
			nf = form_cell(x, ff, fv);
		else if ((fv[0] = only_form(s->type)) != NULL)
			nf = 1;
		else {
			diag(x->d, D_MISSING_FIELD, &fc->pos, "capacity %s has "
			    "no form of provision (column forma); capacity "
			    "dropped", dq(x->d, fc->text));
			continue;
		}
		hascap = false;
		if (fc != NULL && nf > 1)
			diag(x->d, D_BAD_VALUE, &fc->pos, "one capacity %s "
			    "for several forms: write one row per form; "
			    "capacity dropped", dq(x->d, fc->text));
		else if (fc != NULL)
			hascap = capacity_cells(x, r, &c);
		for (k = 0; k < nf; k++)
			add_capbuild(x, &v, &n, &cap, fv[k], hascap ? &c : NULL,
			    r->number, ff != NULL ? &ff->pos : &fc->pos);
	}
	store_forms(x, s, v, n);
	free(v);
}

/* ---- Yearly figures ---------------------------------------------------- */

static long long *
figure_field(struct year_figures *y, int c)
{
	switch (c) {
	case C_CLIENTS:
		return &y->clients;
	case C_FTE_DIRECT:
		return &y->fte_direct;
	case C_FTE_OTHER:
		return &y->fte_other;
	case C_COSTS:
		return &y->costs;
	case C_COSTS_PERS:
		return &y->costs_personnel;
	default:
		return &y->revenue[c - C_REVENUE];
	}
}

static int
last_figure_col(void)
{
	size_t	 n = cb_count(CB_FUND);

	return C_REVENUE + (int)(n < 16 ? n : 16) - 1;
}

static struct year_figures *
figure_year(struct year_figures **v, size_t *n, size_t *cap, int **rows,
    int year, int row, const struct srcpos *pos)
{
	struct year_figures *y;
	size_t		 i, k;

	for (i = 0; i < *n; i++)
		if ((*v)[i].year == year)
			return &(*v)[i];
	k = *cap;
	grow(v, cap, *n + 1, sizeof **v);
	grow(rows, &k, *n + 1, sizeof **rows);
	y = &(*v)[*n];
	memset(y, 0, sizeof *y);
	y->year = year;
	y->clients = y->fte_direct = y->fte_other = -1;
	y->costs = y->costs_personnel = -1;
	for (i = 0; i < NELEM(y->revenue); i++)
		y->revenue[i] = -1;
	y->pos = *pos;
	(*rows)[(*n)++] = row;
	return y;
}

/* Reads the figure cells of one row into its year. */
static void
figure_cells(struct ctx *x, const struct csv_row *r, struct year_figures *y,
    int firstrow)
{
	const struct csv_field *f;
	long long	 v, *dst;
	const char	*why;
	int		 c;

	for (c = C_FIRST_FIGURE; c <= last_figure_col(); c++) {
		if ((f = cell(x, r, (enum col)c)) == NULL)
			continue;
		why = num_parse(f->text, c == C_CLIENTS ? 0 : 2,
		    c >= C_COSTS, &v);
		if (why != NULL) {
			diag(x->d, D_NUMBER_FORMAT, &f->pos, "%s in column %s: "
			    "%s; value dropped", dq(x->d, f->text),
			    dq(x->d, colname(x, (enum col)c)), why);
			continue;
		}
		dst = figure_field(y, c);
		if (*dst >= 0 && *dst != v)
			diag(x->d, D_MERGE_CONFLICT, &f->pos, "row %d gives %s "
			    "in column %s for %d, but row %d gave another "
			    "value; the first value is kept", r->number,
			    dq(x->d, f->text), dq(x->d, colname(x, (enum col)c)),
			    y->year, firstrow);
		else
			*dst = v;
	}
}

static void
figures(struct ctx *x, const struct group *g, struct service *s)
{
	struct year_figures *v = NULL, *y;
	int		*rows = NULL, c, year;
	size_t		 n = 0, cap = 0, i;
	const struct csv_row *r;
	const struct csv_field *fy, *first;
	long long	 yv;

	for (i = 0; i < g->nrows; i++) {
		r = group_row(x, g, i);
		first = NULL;
		for (c = C_FIRST_FIGURE; c <= last_figure_col() && !first; c++)
			first = cell(x, r, (enum col)c);
		if (first == NULL)
			continue;
		if ((fy = cell(x, r, C_YEAR)) == NULL) {
			diag(x->d, D_MISSING_FIELD, &first->pos, "yearly "
			    "figures need the year (column rok); the figures "
			    "of row %d are dropped", r->number);
			continue;
		}
		if (num_parse(fy->text, 0, false, &yv) != NULL ||
		    yv < 1990 || yv > 2100) {
			diag(x->d, D_NUMBER_FORMAT, &fy->pos, "%s in column %s "
			    "is not a year; the figures of row %d are dropped",
			    dq(x->d, fy->text), dq(x->d, colname(x, C_YEAR)),
			    r->number);
			continue;
		}
		year = (int)yv;
		y = figure_year(&v, &n, &cap, &rows, year, r->number, &fy->pos);
		figure_cells(x, r, y, rows[y - v]);
	}
	s->figures = to_arena(x, v, n, sizeof *v);
	s->nfigures = n;
	free(v);
	free(rows);
}

/* ---- Providers --------------------------------------------------------- */

/*
 * A spreadsheet drops the leading zeros of an IČO typed as a number
 * (03593207 → 3593207): they are put back, with a warning. Whether the IČO
 * is valid is validate.c's question.
 */
static struct str
ico_cell(struct ctx *x, const struct csv_field *f)
{
	char	 padded[9];
	size_t	 n = f->len;

	if (n == 0 || n >= 8 || !all_digits(f->text, n))
		return cstr(x, f);
	memset(padded, '0', 8 - n);
	memcpy(padded + 8 - n, f->text, n);
	padded[8] = '\0';
	diag_at_level(x->d, D_ICO_FORMAT, DIAG_WARNING, &f->pos, "IČO %s has "
	    "only %zu digits (a spreadsheet drops leading zeros); read as %s",
	    dq(x->d, f->text), n, dq(x->d, padded));
	return model_str(x->c, padded, &f->pos);
}

static struct pinfo *
new_provider(struct ctx *x, const struct csv_field *fn, const struct str *ico,
    const struct gvals *v, int row)
{
	struct pinfo	*pi = xcalloc(1, sizeof *pi);
	struct provider	*p = model_add_provider(x->c);

	p->input = x->opts->input;
	if (ico->s != NULL)
		p->key = *ico;
	else
		p->key = cstr(x, fn);
	p->name = cstr(x, fn);
	p->ico = *ico;
	p->legal_form = cstr(x, v->f[C_LEGAL_FORM]);
	p->dic = cstr(x, v->f[C_DIC]);
	p->pos = fn != NULL ? fn->pos : ico->pos;
	pi->p = p;
	pi->row = row;
	grow(&x->pinfos, &x->cappinfos, x->npinfos + 1, sizeof *x->pinfos);
	x->pinfos[x->npinfos++] = pi;
	if (p->ico.s != NULL)
		strmap_put(x->prov_ico, p->ico.s, pi);
	if (p->name.s != NULL)
		strmap_put(x->prov_name, p->name.s, pi);
	return pi;
}

/* Fills a provider field from a later row, or reports a disagreement. */
static void
provider_field(struct ctx *x, struct pinfo *pi, struct str *have,
    const struct csv_field *f, enum col c)
{
	const char	*who;

	if (f == NULL)
		return;
	if (have->s == NULL) {
		*have = cstr(x, f);
		if (c == C_PROVIDER)
			strmap_put(x->prov_name, have->s, pi);
		return;
	}
	if (strcmp(have->s, f->text) == 0)
		return;
	who = pi->p->ico.s != NULL ? pi->p->ico.s : pi->p->name.s;
	diag(x->d, D_PROVIDER_CONFLICT, &f->pos, "the provider %s has %s in "
	    "column %s here, but %s in row %d; the first value is kept",
	    dq(x->d, who), dq(x->d, f->text), dq(x->d, colname(x, c)),
	    dq(x->d, have->s), pi->row);
}

/*
 * One provider per IČO, or per name when the IČO is missing; the service
 * refers to it by its key (the IČO, else the name).
 */
static void
provider(struct ctx *x, const struct gvals *v, struct service *s)
{
	const struct csv_field *fn = v->f[C_PROVIDER], *fi = v->f[C_ICO];
	struct str	 ico = { NULL, { NULL, 0, 0 } };
	struct pinfo	*pi = NULL, *q;

	if (fn == NULL && fi == NULL)
		return;
	if (fi != NULL) {
		ico = ico_cell(x, fi);
		pi = strmap_get(x->prov_ico, ico.s);
	}
	if (pi == NULL && fn != NULL &&
	    (q = strmap_get(x->prov_name, fn->text)) != NULL &&
	    (ico.s == NULL || q->p->ico.s == NULL))
		pi = q;
	if (pi == NULL)
		pi = new_provider(x, fn, &ico, v, v->row[fn ? C_PROVIDER :
		    C_ICO]);
	else {
		if (ico.s != NULL && pi->p->ico.s == NULL) {
			pi->p->ico = ico;
			strmap_put(x->prov_ico, pi->p->ico.s, pi);
		}
		provider_field(x, pi, &pi->p->name, fn, C_PROVIDER);
		provider_field(x, pi, &pi->p->legal_form, v->f[C_LEGAL_FORM],
		    C_LEGAL_FORM);
		provider_field(x, pi, &pi->p->dic, v->f[C_DIC], C_DIC);
	}
	s->provider_ref = model_str(x->c, pi->p->key.s,
	    fi != NULL ? &fi->pos : &fn->pos);
}

/* ---- Services and related services ------------------------------------- */

static const char *
colname_or(const struct ctx *x, enum col c, const char *dflt)
{
	return x->colidx[c] >= 0 ? colname(x, c) : dflt;
}

/* Leaves out a service that is not active on the edition's date. */
static bool
active(struct ctx *x, const struct date *from, const struct date *to,
    const char *name)
{
	const struct date *a = &x->opts->active_on;

	if (a->y == 0)
		return true;
	if (to->y != 0 && date_cmp(to, a) < 0) {
		diag(x->d, D_SERVICE_INACTIVE, &to->pos, "%s ended on "
		    "%04d-%02d-%02d, before %04d-%02d-%02d; left out",
		    dq(x->d, name), to->y, to->m, to->d, a->y, a->m, a->d);
		return false;
	}
	if (from->y != 0 && date_cmp(from, a) > 0) {
		diag(x->d, D_SERVICE_INACTIVE, &from->pos, "%s starts only on "
		    "%04d-%02d-%02d, after %04d-%02d-%02d; left out",
		    dq(x->d, name), from->y, from->m, from->d, a->y, a->m,
		    a->d);
		return false;
	}
	return true;
}

static void
make_service(struct ctx *x, const struct group *g, const struct gvals *v,
    const struct cb_type *type, const struct date *from,
    const struct date *to)
{
	struct service	*s = model_add_service(x->c);
	const struct csv_row *first = group_row(x, g, 0);
	int		*rows, k;

	s->input = x->opts->input;
	s->is_override = x->opts->is_override;
	s->origin = "csv";
	s->ident = cstr(x, v->f[C_IDENT]);
	s->source_id = cstr(x, v->f[C_SOURCE_ID]);
	s->name = cstr(x, v->f[C_NAME]);
	s->pos = v->f[C_NAME] ? v->f[C_NAME]->pos : cellpos(x, first, C_IDENT);
	s->type = type;
	if (v->f[C_TYPE] != NULL)
		s->type_pos = v->f[C_TYPE]->pos;
	provider(x, v, s);
	forms(x, g, s);
	s->ntargets = codes(x, v->f[C_TARGETS], CB_TARGET, ";|\n",
	    "target group", &s->targets);
	s->nages = codes(x, v->f[C_AGES], CB_AGE, ",;|\n", "age group",
	    &s->ages);
	s->age_note = cstr(x, v->f[C_AGE_NOTE]);
	s->nplaces = places(x, g, &s->places, &rows);
	free(rows);
	s->area = cstr(x, v->f[C_AREA]);
	s->narea_municipalities = str_list(x, v->f[C_AREA_MUNIS], ",;|\n",
	    false, &s->area_municipalities);
	contacts(x, v, &s->contacts);
	hours_cell(x, v->f[C_HOURS], &s->hours);
	s->fee_note = cstr(x, v->f[C_FEE_NOTE]);
	if (v->f[C_FEE] != NULL && (k = choice_cell(x, v->f[C_FEE], C_FEE,
	    fee_words, "zdarma, placená, částečně", &s->fee_note,
	    v->f[C_FEE_NOTE] != NULL)) >= 0)
		s->fee = (enum fee)k;
	s->description = cstr(x, v->f[C_DESC]);
	s->nactivities = str_list(x, v->f[C_ACTIVITIES], ";|\n", false,
	    &s->activities);
	s->barrier_note = cstr(x, v->f[C_BARRIER_NOTE]);
	if (v->f[C_BARRIER] != NULL && (k = choice_cell(x, v->f[C_BARRIER],
	    C_BARRIER, tri_words, "ano, ne, částečně", &s->barrier_note,
	    v->f[C_BARRIER_NOTE] != NULL)) >= 0)
		s->barrier_free = (enum tri)k;
	s->nlanguages = str_list(x, v->f[C_LANGUAGES], ",;|\n", false,
	    &s->languages);
	s->from = *from;
	s->to = *to;
	s->qr_url = cstr(x, v->f[C_QR]);
	figures(x, g, s);
}

static void
make_listing(struct ctx *x, const struct group *g, const struct gvals *v)
{
	struct listing	*l = model_add_listing(x->c, LIST_RELATED);
	const struct csv_row *first = group_row(x, g, 0);
	struct place	*pl;
	int		*rows;
	size_t		 n;

	l->id = cstr(x, v->f[C_IDENT] ? v->f[C_IDENT] : v->f[C_SOURCE_ID]);
	l->name = cstr(x, v->f[C_NAME]);
	l->category = cstr(x, v->f[C_CATEGORY]);
	l->audience = cstr(x, v->f[C_AUDIENCE]);
	l->description = cstr(x, v->f[C_DESC]);
	l->pos = v->f[C_NAME] ? v->f[C_NAME]->pos : cellpos(x, first, C_NAME);
	n = places(x, g, &pl, &rows);
	if (n > 0)
		l->addr = pl[0].addr;
	if (n > 1)
		diag(x->d, D_MERGE_CONFLICT, &pl[1].pos, "row %d gives another "
		    "address for the related service %s, which has one "
		    "address; the address of row %d is kept", rows[1],
		    dq(x->d, l->name.s), rows[0]);
	free(rows);
	contacts(x, v, &l->contacts);
	hours_cell(x, v->f[C_HOURS], &l->hours);
}

static void
process_group(struct ctx *x, const struct group *g)
{
	struct gvals	 v;
	const struct csv_row *first = group_row(x, g, 0);
	const struct csv_field *ft;
	const struct cb_type *type = NULL;
	struct date	 from, to;
	struct srcpos	 pos;
	const char	*sug, *name;
	bool		 listing = false, over = x->opts->is_override;

	group_values(x, g, &v);
	ft = v.f[C_TYPE];
	name = v.f[C_NAME] ? v.f[C_NAME]->text : NULL;
	if (name == NULL && !over) {
		pos = cellpos(x, first, C_NAME);
		diag(x->d, D_MISSING_FIELD, &pos, "row %d has no name of the "
		    "service (column %s); row dropped", first->number,
		    dq(x->d, colname_or(x, C_NAME, "název služby")));
		return;
	}
	if (over && v.f[C_IDENT] == NULL && v.f[C_SOURCE_ID] == NULL) {
		pos = cellpos(x, first, C_IDENT);
		diag(x->d, D_MISSING_FIELD, &pos, "row %d of an enrichment "
		    "file has no identifikátor; row dropped", first->number);
		return;
	}
	if (ft != NULL && (type = find_type(ft->text)) == NULL) {
		if (foreign_code(ft->text))
			listing = true;
		else {
			sug = type_suggest(ft->text);
			diag(x->d, D_UNKNOWN_CODE, &ft->pos, "unknown type of "
			    "social service %s%s%s%s %s dropped",
			    dq(x->d, ft->text), sug ? "; did you mean " : "",
			    sug ? dq(x->d, sug) : "", sug ? "?" : ";",
			    g->nrows > 1 ? "its rows are" : "row");
			return;
		}
	} else if (ft == NULL && v.f[C_CATEGORY] != NULL)
		listing = true;
	else if (ft == NULL && !over) {
		pos = cellpos(x, first, C_TYPE);
		diag(x->d, D_MISSING_FIELD, &pos, "%s has no type of service "
		    "(column %s); row dropped", dq(x->d, name),
		    dq(x->d, colname_or(x, C_TYPE, "druh služby")));
		return;
	}
	date_cell(x, v.f[C_FROM], C_FROM, &from);
	date_cell(x, v.f[C_TO], C_TO, &to);
	if (!over && !active(x, &from, &to, name))
		return;
	if (!over && !in_territory(x, g)) {
		x->territory_out++;
		return;
	}
	if (listing)
		make_listing(x, g, &v);
	else
		make_service(x, g, &v, type, &from, &to);
}

/* ---- Entry point ------------------------------------------------------- */

static void
ctx_free(struct ctx *x)
{
	size_t	 i;

	for (i = 0; i < x->nsp; i++)
		free(x->sp[i].norm);
	free(x->sp);
	for (i = 0; i < x->ngroups; i++) {
		free((char *)(uintptr_t)x->groups[i]->key);
		free(x->groups[i]->rows);
		free(x->groups[i]);
	}
	free(x->groups);
	for (i = 0; i < x->npinfos; i++)
		free(x->pinfos[i]);
	free(x->pinfos);
	strmap_free(x->bykey);
	strmap_free(x->prov_ico);
	strmap_free(x->prov_name);
	csv_free(x->csv);
}

bool
load_csv(struct catalogue *c, const char *file, const char *buf, size_t len,
    const struct load_opts *opts, struct diag *d)
{
	static const struct load_opts none;
	struct ctx	 x;
	struct srcpos	 pos = { file, 0, 0 };
	size_t		 i;
	bool		 ok = true;

	memset(&x, 0, sizeof x);
	x.c = c;
	x.d = d;
	x.opts = opts != NULL ? opts : &none;
	if ((x.csv = csv_read(file, buf, len, d)) == NULL)
		return false;
	x.bykey = strmap_new();
	x.prov_ico = strmap_new();
	x.prov_name = strmap_new();
	build_spellings(&x);
	if (map_header(&x) == 0) {
		diag(d, D_MISSING_FIELD, &x.csv->header.fields[0].pos, "none of "
		    "the column headings is known (the first is %s): the first "
		    "line must name the columns (see samples/csv/README.md); "
		    "nothing was loaded from this file",
		    dq(d, x.csv->header.fields[0].text));
		ok = false;
	} else if (!check_columns(&x))
		ok = false;
	if (ok) {
		group_rows(&x);
		for (i = 0; i < x.ngroups; i++)
			process_group(&x, x.groups[i]);
		if (x.territory_out > 0)
			diag(d, D_FILTERED, &pos, "%d %s outside the territory "
			    "of the edition left out", x.territory_out,
			    x.territory_out == 1 ? "record" : "records");
	}
	ctx_free(&x);
	return ok;
}
