/*
 * Loader of mapa's own catalogue format ("mapa-katalog/1", documented in
 * samples/README.md, schema in samples/mapa-katalog.schema.json).
 *
 * The JSON text is parsed into a tree with positions (json.c), then walked
 * object by object: every known key is mapped into the model with the
 * position of its value, wrong types and malformed values are reported at
 * that value and dropped, unknown keys are reported with a suggestion, and a
 * record that lacks a required field is dropped as a whole. Semantic checks
 * (IČO check digit, phone numbers, PSČ, e-mail) are left to validate.c.
 *
 * Records are filled in a local copy and appended to the catalogue only once
 * they are complete, so that a dropped record leaves no trace in the model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hours.h"
#include "json.h"
#include "load.h"
#include "tree.h"
#include "util.h"

/* Largest whole part accepted before scaling (10^15: far above any budget). */
#define NUM_LIMIT	1000000000000000LL

struct ctx {
	struct catalogue	*c;
	struct diag		*d;
	bool			 override;
	int			 input;
};

/* How a text field treats a JSON number. */
enum textmode {
	T_TEXT,		/* only text; a number is a wrong type */
	T_NUMBER_OK	/* a number is taken as its literal (house numbers) */
};

static const char *const top_keys[] = {
	"$schema", "format", "udaje_k", "poskytovatele", "sluzby",
	"navazne_sluzby", "urady", "krizove_linky", "zivotni_situace", NULL
};
static const char *const provider_keys[] = {
	"id", "nazev", "pravni_forma", "ico", "dic", "sidlo", "telefony",
	"emaily", "weby", NULL
};
static const char *const address_keys[] = {
	"ulice", "cislo_popisne", "cislo_evidencni", "cislo_orientacni",
	"cast_obce", "obec", "kod_obce", "psc", "okres", "kraj", "kod_kraje",
	"kod_adresniho_mista", "poznamka", NULL
};
static const char *const service_keys[] = {
	"identifikator", "nazev", "poskytovatel", "druh", "formy",
	"cilove_skupiny", "vekove_skupiny", "vek_poznamka", "mista",
	"uzemni_pusobnost", "telefony", "emaily", "weby", "provozni_doba",
	"uhrada", "uhrada_poznamka", "popis", "cinnosti", "bezbarierovost",
	"bezbarierovost_poznamka", "jazyky", "registrace_od", "registrace_do",
	"qr", "ukazatele", NULL
};
static const char *const form_keys[] = { "forma", "kapacity", NULL };
static const char *const capacity_keys[] = {
	"jednotka", "pocet", "poznamka", NULL
};
static const char *const place_keys[] = { "nazev", "adresa", "poznamka", NULL };
static const char *const area_keys[] = { "text", "obce", NULL };
static const char *const hours_keys[] = {
	"nonstop", "hodiny", "poznamka", NULL
};
static const char *const range_keys[] = { "dny", "od", "do", NULL };
static const char *const figures_keys[] = {
	"rok", "klienti", "kapacity", "uvazky_prima_pece", "uvazky_ostatni",
	"naklady", "naklady_osobni", "vynosy", NULL
};
static const char *const listing_keys[] = {
	"id", "nazev", "kategorie", "pro_koho", "popis", "adresa", "telefony",
	"emaily", "weby", "provozni_doba", NULL
};
static const char *const situation_keys[] = {
	"id", "skupina", "otazka", "sluzby", NULL
};

/* "a number", "text", ... for "must be X, not Y" messages. */
static const char *
kind_phrase(enum node_kind k)
{
	switch (k) {
	case N_NULL:	return "null";
	case N_BOOL:	return "true/false";
	case N_NUMBER:	return "a number";
	case N_STRING:	return "text";
	case N_ARRAY:	return "a list";
	case N_OBJECT:	return "an object";
	}
	return "?";
}

static void
wrong_type(struct ctx *x, const struct node *n, const char *name,
    const char *want, const char *dropped)
{
	diag(x->d, D_WRONG_TYPE, &n->pos, "%s must be %s, not %s; %s dropped",
	    name, want, kind_phrase(n->kind), dropped);
}

/* "„key“" in a caller's buffer, so that it survives the dq() ring. */
static const char *
fieldname(struct ctx *x, char *buf, size_t sz, const char *key)
{
	snprintf(buf, sz, "%s", dq(x->d, key));
	return buf;
}

/* Checks that n is an object; reports "name must be an object" otherwise. */
static bool
want_object(struct ctx *x, struct node *n, const char *name,
    const char *dropped)
{
	if (n == NULL)
		return false;
	if (n->kind == N_OBJECT)
		return true;
	wrong_type(x, n, name, "an object", dropped);
	return false;
}

/* Returns the array under key, or NULL (absent or reported). */
static struct node *
get_array(struct ctx *x, struct node *obj, const char *key)
{
	struct node	*n = tree_get(obj, key);
	char		 nb[96];

	if (n == NULL || n->kind == N_ARRAY)
		return n;
	wrong_type(x, n, fieldname(x, nb, sizeof nb, key), "a list", "value");
	return NULL;
}

/* Copies the trimmed text of a string or number node into out. */
static bool
take_text(struct ctx *x, struct node *n, const char *name, struct str *out)
{
	const char	*s;
	size_t		 len;

	s = trim_space(n->str, n->len, &len);
	if (memchr(s, '\0', len) != NULL) {
		diag(x->d, D_BAD_VALUE, &n->pos,
		    "%s contains a NUL character (\\u0000); value dropped", name);
		return false;
	}
	if (len == 0) {
		diag(x->d, D_EMPTY_VALUE, &n->pos, "%s is empty; ignored", name);
		return false;
	}
	out->s = arena_strndup(x->c->arena, s, len);
	out->pos = n->pos;
	return true;
}

/* The text of node n (name is the quoted field name for messages). */
static bool
node_text(struct ctx *x, struct node *n, const char *name,
    enum textmode mode, struct str *out)
{
	if (n == NULL)
		return false;
	if (n->kind == N_STRING || (n->kind == N_NUMBER && mode == T_NUMBER_OK))
		return take_text(x, n, name, out);
	wrong_type(x, n, name, "text", "value");
	return false;
}

static bool
get_text(struct ctx *x, struct node *obj, const char *key,
    enum textmode mode, struct str *out)
{
	char	 nb[96];

	return node_text(x, tree_get(obj, key), fieldname(x, nb, sizeof nb,
	    key), mode, out);
}

/*
 * An identifier or code that must be text. A JSON number is accepted with a
 * warning, unless it has fewer than ndigits digits: then leading zeros may
 * have been lost, and the value is dropped.
 */
static bool
node_code(struct ctx *x, struct node *n, const char *name, size_t ndigits,
    struct str *out)
{
	size_t	 len;

	if (n == NULL)
		return false;
	if (n->kind != N_NUMBER)
		return node_text(x, n, name, T_TEXT, out);
	len = strlen(n->str);
	if (!all_digits(n->str, len)) {
		wrong_type(x, n, name, "text", "value");
		return false;
	}
	if (len < ndigits) {
		diag(x->d, D_WRONG_TYPE, &n->pos,
		    "%s written as a number %s may have lost leading zeros; "
		    "write it in quotes (\"%0*d%s\"?); value dropped", name,
		    n->str, (int)(ndigits - len), 0, n->str);
		return false;
	}
	diag_at_level(x->d, D_WRONG_TYPE, DIAG_WARNING, &n->pos,
	    "%s written as a number; write it in quotes: \"%s\"", name, n->str);
	return take_text(x, n, name, out);
}

static bool
get_code(struct ctx *x, struct node *obj, const char *key, size_t ndigits,
    struct str *out)
{
	char	 nb[96];

	return node_code(x, tree_get(obj, key), fieldname(x, nb, sizeof nb,
	    key), ndigits, out);
}

/*
 * A list of texts (one text counts as a list of one). Items of the wrong
 * type are reported and dropped. ndigits > 0 makes the items codes.
 */
static void
get_texts(struct ctx *x, struct node *obj, const char *key, size_t ndigits,
    struct str **out, size_t *nout)
{
	struct node	*n = tree_get(obj, key);
	struct str	*v;
	size_t		 i, k;
	char		 nb[96], ib[128];

	*out = NULL;
	*nout = 0;
	if (n == NULL)
		return;
	fieldname(x, nb, sizeof nb, key);
	if (n->kind == N_STRING || (n->kind == N_NUMBER && ndigits > 0)) {
		v = model_array(x->c, 1, sizeof *v);
		if (ndigits > 0 ? node_code(x, n, nb, ndigits, v) :
		    node_text(x, n, nb, T_TEXT, v)) {
			*out = v;
			*nout = 1;
		}
		return;
	}
	if (n->kind != N_ARRAY) {
		wrong_type(x, n, nb, "a list of texts", "value");
		return;
	}
	snprintf(ib, sizeof ib, "each item of %s", nb);
	v = model_array(x->c, n->n, sizeof *v);
	for (i = k = 0; i < n->n; i++)
		if (ndigits > 0 ? node_code(x, n->items[i], ib, ndigits, &v[k]) :
		    node_text(x, n->items[i], ib, T_TEXT, &v[k]))
			k++;
	*out = v;
	*nout = k;
}

static void
get_contacts(struct ctx *x, struct node *obj, struct contacts *ct)
{
	get_texts(x, obj, "telefony", 0, &ct->phones, &ct->nphones);
	get_texts(x, obj, "emaily", 0, &ct->emails, &ct->nemails);
	get_texts(x, obj, "weby", 0, &ct->webs, &ct->nwebs);
}

/* Results of reading a decimal literal. */
enum numres {
	NUM_OK,
	NUM_SYNTAX,	/* not a plain decimal number */
	NUM_FRACTION,	/* a whole number was wanted */
	NUM_DECIMALS,	/* more than two decimal places */
	NUM_EXPONENT,
	NUM_NEGATIVE,
	NUM_LARGE
};

/*
 * Reads "-?digits(.digits)?" exactly (no floating point) into units of
 * 10^-scale, scale 0 or 2: "5230000.50" with scale 2 is 523000050. Extra
 * decimal places are accepted only when they are zeros.
 */
static enum numres
parse_fixed(const char *s, int scale, long long *out)
{
	const char	*p = s;
	long long	 v = 0;
	int		 frac = 0;
	bool		 neg = false, extra = false;

	if (*p == '-') {
		neg = true;
		p++;
	}
	if (!is_digit((unsigned char)*p))
		return NUM_SYNTAX;
	for (; is_digit((unsigned char)*p); p++) {
		if (v >= NUM_LIMIT)
			return NUM_LARGE;
		v = v * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		if (!is_digit((unsigned char)*p))
			return NUM_SYNTAX;
		for (; is_digit((unsigned char)*p); p++) {
			if (frac < scale) {
				v = v * 10 + (*p - '0');
				frac++;
			} else if (*p != '0')
				extra = true;
		}
	}
	if (*p == 'e' || *p == 'E')
		return NUM_EXPONENT;
	if (*p != '\0')
		return NUM_SYNTAX;
	if (extra)
		return scale == 0 ? NUM_FRACTION : NUM_DECIMALS;
	for (; frac < scale; frac++)
		v *= 10;
	if (neg && v != 0)
		return NUM_NEGATIVE;
	*out = v;
	return NUM_OK;
}

/*
 * A number that must not be negative: whole (scale 0) or with two decimal
 * places (scale 2: money, FTE). A number written as text is accepted with
 * a warning when it reads as one.
 */
static bool
node_number(struct ctx *x, struct node *n, const char *name, int scale,
    long long *out)
{
	const char	*lit, *s;
	char		 buf[64];
	size_t		 len;
	enum numres	 r;
	const char	*want = scale == 0 ? "a whole number" : "a number";

	if (n == NULL)
		return false;
	if (n->kind == N_NUMBER)
		lit = n->str;
	else if (n->kind == N_STRING) {
		s = trim_space(n->str, n->len, &len);
		/* Too long to be a sensible number: let it fail as text. */
		if (len >= sizeof buf || memchr(s, '\0', len) != NULL)
			len = 0;
		memcpy(buf, s, len);
		buf[len] = '\0';
		lit = buf;
	} else {
		wrong_type(x, n, name, want, "value");
		return false;
	}
	r = parse_fixed(lit, scale, out);
	if (r == NUM_SYNTAX || (r != NUM_OK && n->kind == N_STRING)) {
		diag(x->d, D_WRONG_TYPE, &n->pos,
		    "%s must be %s, not %s %s; value dropped", name, want,
		    kind_phrase(n->kind), dq(x->d, n->str));
		return false;
	}
	switch (r) {
	case NUM_OK:
		break;
	case NUM_FRACTION:
		diag(x->d, D_NUMBER_FORMAT, &n->pos,
		    "%s must be a whole number, not %s; value dropped", name,
		    lit);
		return false;
	case NUM_DECIMALS:
		diag(x->d, D_NUMBER_FORMAT, &n->pos,
		    "%s has more than two decimal places: %s; value dropped",
		    name, lit);
		return false;
	case NUM_EXPONENT:
		diag(x->d, D_NUMBER_FORMAT, &n->pos,
		    "%s is written with an exponent (%s); write the digits "
		    "out; value dropped", name, lit);
		return false;
	case NUM_NEGATIVE:
		diag(x->d, D_BAD_VALUE, &n->pos,
		    "%s must not be negative: %s; value dropped", name, lit);
		return false;
	case NUM_LARGE:
		diag(x->d, D_NUMBER_FORMAT, &n->pos,
		    "%s is too large: %s; value dropped", name, lit);
		return false;
	case NUM_SYNTAX:
		return false;
	}
	if (n->kind == N_STRING)
		diag_at_level(x->d, D_WRONG_TYPE, DIAG_WARNING, &n->pos,
		    "%s should be a number, not text; read %s as %s", name,
		    dq(x->d, n->str), lit);
	return true;
}

static bool
get_number(struct ctx *x, struct node *obj, const char *key, int scale,
    long long *out)
{
	char	 nb[96];

	return node_number(x, tree_get(obj, key), fieldname(x, nb, sizeof nb,
	    key), scale, out);
}

static bool
get_date(struct ctx *x, struct node *obj, const char *key, struct date *out)
{
	struct str	 t;
	struct date	 dt;
	char		 nb[96];

	memset(&t, 0, sizeof t);
	if (!get_text(x, obj, key, T_TEXT, &t))
		return false;
	memset(&dt, 0, sizeof dt);
	if (!date_parse(t.s, &dt)) {
		diag(x->d, D_DATE_FORMAT, &t.pos,
		    "%s is not a date: %s (write 2007-01-31 or 31. 1. 2007); "
		    "value dropped", fieldname(x, nb, sizeof nb, key),
		    dq(x->d, t.s));
		return false;
	}
	dt.pos = t.pos;
	*out = dt;
	return true;
}

/*
 * A malloc'd copy of s with letters folded to lower-case ASCII ("Terénní" →
 * "terenni", fold_letter()), so that suggestions are found for values typed
 * without diacritics; everything else is copied.
 */
static char *
fold_dup(const char *s)
{
	size_t		 len = strlen(s), n;
	char		*r = xmalloc(len + 1), *out = r;
	uint32_t	 cp;
	int		 c;

	while (len > 0) {
		if ((n = utf8_decode((const unsigned char *)s, len, &cp)) == 0)
			n = 1, cp = 0xfffd;
		if ((c = fold_letter(cp)) != 0)
			*out++ = (char)c;
		else {
			memcpy(out, s, n);
			out += n;
		}
		s += n;
		len -= n;
	}
	*out = '\0';
	return r;
}

/*
 * The known name closest to s, comparing both without diacritics; NULL when
 * nothing is close. Only runs when a value is unknown.
 */
static const char *
suggest_folded(const char *s, const char *const *known)
{
	size_t	 n;

	for (n = 0; known[n] != NULL; n++)
		;
	return tree_suggest_norm(s, known, NULL, n, fold_dup);
}

/* Looks a codebook value up; reports an unknown one with a suggestion. */
static const struct cb_item *
node_cb(struct ctx *x, struct node *n, enum cb_kind kind, const char *name,
    const char *what)
{
	struct str	 t;
	const struct cb_item *it;
	const char	*sug;

	memset(&t, 0, sizeof t);
	if (!node_text(x, n, name, T_TEXT, &t))
		return NULL;
	if ((it = cb_find(kind, t.s)) != NULL)
		return it;
	sug = suggest_folded(t.s, cb_names(kind));
	if (sug != NULL)
		diag(x->d, D_UNKNOWN_CODE, &t.pos,
		    "unknown %s %s, %s dropped; did you mean %s?", what,
		    dq(x->d, t.s), kind == CB_FORM ? "form with its capacities" :
		    "value", dq(x->d, sug));
	else
		diag(x->d, D_UNKNOWN_CODE, &t.pos,
		    "unknown %s %s, %s dropped (see the list in "
		    "samples/README.md)", what, dq(x->d, t.s),
		    kind == CB_FORM ? "form with its capacities" : "value");
	return NULL;
}

/* A list of codebook references (target or age groups). */
static void
get_coderefs(struct ctx *x, struct node *obj, const char *key,
    enum cb_kind kind, const char *what, struct coderef **out, size_t *nout)
{
	struct node	*n = get_array(x, obj, key);
	const struct cb_item *it;
	struct coderef	*v;
	size_t		 i, k;
	char		 nb[128];

	*out = NULL;
	*nout = 0;
	if (n == NULL)
		return;
	snprintf(nb, sizeof nb, "each item of %s", dq(x->d, key));
	v = model_array(x->c, n->n, sizeof *v);
	for (i = k = 0; i < n->n; i++)
		if ((it = node_cb(x, n->items[i], kind, nb, what)) != NULL) {
			v[k].item = it;
			v[k].pos = n->items[i]->pos;
			k++;
		}
	*out = v;
	*nout = k;
}

static void
get_address(struct ctx *x, struct node *obj, const char *key,
    struct address *a)
{
	struct node	*n = tree_get(obj, key), *r;
	struct str	 ev;
	long long	 v;
	char		 nb[96];

	if (!want_object(x, n, fieldname(x, nb, sizeof nb, key), "address"))
		return;
	a->present = true;
	a->pos = n->pos;
	get_text(x, n, "ulice", T_TEXT, &a->street);
	get_text(x, n, "cislo_popisne", T_NUMBER_OK, &a->house);
	memset(&ev, 0, sizeof ev);
	if (get_text(x, n, "cislo_evidencni", T_NUMBER_OK, &ev)) {
		if (a->house.s != NULL)
			diag(x->d, D_BAD_VALUE, &ev.pos,
			    "an address has either „cislo_popisne“ or "
			    "„cislo_evidencni“, not both; „cislo_evidencni“ "
			    "dropped");
		else {
			a->house = ev;
			a->evidence = true;
		}
	}
	get_text(x, n, "cislo_orientacni", T_NUMBER_OK, &a->orient);
	get_text(x, n, "cast_obce", T_TEXT, &a->part);
	get_text(x, n, "obec", T_TEXT, &a->municipality);
	get_code(x, n, "kod_obce", 6, &a->municipality_code);
	get_code(x, n, "psc", 5, &a->psc);
	get_text(x, n, "okres", T_TEXT, &a->district);
	get_text(x, n, "kraj", T_TEXT, &a->region);
	get_text(x, n, "kod_kraje", T_TEXT, &a->region_code);
	get_text(x, n, "poznamka", T_TEXT, &a->note);
	if ((r = tree_get(n, "kod_adresniho_mista")) != NULL) {
		if ((r->kind == N_NUMBER || r->kind == N_STRING) &&
		    r->len > 0 && r->len <= 15 && all_digits(r->str, r->len) &&
		    parse_fixed(r->str, 0, &v) == NUM_OK && v > 0)
			a->ruian = v;
		else
			diag(x->d, D_BAD_VALUE, &r->pos,
			    "„kod_adresniho_mista“ must be the RÚIAN code "
			    "(digits only), not %s; value dropped",
			    r->kind == N_STRING ? dq(x->d, r->str) :
			    kind_phrase(r->kind));
	}
	tree_check_unused(n, x->d, "an address", address_keys);
}

/* A text of an opening hours item; a wrong type drops the whole item. */
static bool
range_text(struct ctx *x, struct node *item, const char *key, struct str *out)
{
	struct node	*n = tree_get(item, key);
	char		 nb[96];

	if (n == NULL)
		return false;
	if (n->kind != N_STRING) {
		wrong_type(x, n, fieldname(x, nb, sizeof nb, key),
		    strcmp(key, "dny") == 0 ? "text such as „po-pá“" :
		    "text such as „7:30“", "item");
		return false;
	}
	return take_text(x, n, fieldname(x, nb, sizeof nb, key), out);
}

/* One item of "hodiny": {"dny", "od", "do"}. False = item dropped. */
static bool
get_range(struct ctx *x, struct node *n, struct hours_range *r)
{
	struct str	 days, from, to;
	struct hours_error e;
	static const char *const req[] = { "dny", "od", "do" };
	size_t		 i;
	bool		 ok = true;

	if (!want_object(x, n, "each item of „hodiny“", "item"))
		return false;
	memset(&days, 0, sizeof days);
	memset(&from, 0, sizeof from);
	memset(&to, 0, sizeof to);
	r->pos = n->pos;
	for (i = 0; i < NELEM(req); i++)
		if (tree_get(n, req[i]) == NULL) {
			diag(x->d, D_MISSING_FIELD, &n->pos,
			    "opening hours item has no %s; item dropped",
			    dq(x->d, req[i]));
			ok = false;
		}
	/*
	 * Messages point at the value, not at e.off inside it: escapes and
	 * trimmed blanks keep offsets in the text from being JSON columns.
	 */
	if (range_text(x, n, "dny", &days) &&
	    !hours_days(days.s, strlen(days.s), &r->days, &e)) {
		diag(x->d, D_HOURS_FORMAT, &days.pos,
		    "bad days %s in opening hours (write e.g. „po-pá“ or "
		    "„po, st“); item dropped", dq(x->d, days.s));
		ok = false;
	}
	if (range_text(x, n, "od", &from) &&
	    !hours_time(from.s, strlen(from.s), false, &r->from, &e)) {
		diag(x->d, D_HOURS_FORMAT, &from.pos,
		    "bad time %s in opening hours (write e.g. „7:30“); item "
		    "dropped", dq(x->d, from.s));
		ok = false;
	}
	if (range_text(x, n, "do", &to) &&
	    !hours_time(to.s, strlen(to.s), true, &r->to, &e)) {
		diag(x->d, D_HOURS_FORMAT, &to.pos,
		    "bad time %s in opening hours (write e.g. „15:30“); item "
		    "dropped", dq(x->d, to.s));
		ok = false;
	}
	tree_check_unused(n, x->d, "an opening hours item", range_keys);
	if (!ok || days.s == NULL || from.s == NULL || to.s == NULL)
		return false;
	if (hours_range_check(r->from, r->to) == HOURS_E_SAME) {
		diag(x->d, D_HOURS_FORMAT, &to.pos,
		    "opening hours end when they start (%s to %s); item dropped",
		    dq(x->d, from.s), dq(x->d, to.s));
		return false;
	}
	return true;
}

static void
get_hours(struct ctx *x, struct node *obj, struct hours *h)
{
	struct node	*n = tree_get(obj, "provozni_doba"), *b, *arr;
	size_t		 i;

	if (n == NULL)
		return;
	if (n->kind == N_STRING) {
		h->present = take_text(x, n, "„provozni_doba“", &h->note);
		return;
	}
	if (!want_object(x, n, "„provozni_doba“", "value"))
		return;
	if ((b = tree_get(n, "nonstop")) != NULL) {
		if (b->kind == N_BOOL)
			h->nonstop = b->b;
		else
			wrong_type(x, b, "„nonstop“", "true or false", "value");
	}
	if ((arr = get_array(x, n, "hodiny")) != NULL) {
		if (h->nonstop)
			diag_at_level(x->d, D_BAD_VALUE, DIAG_WARNING, &arr->pos,
			    "the service is open nonstop; „hodiny“ ignored");
		else {
			h->ranges = model_array(x->c, arr->n, sizeof *h->ranges);
			for (i = 0; i < arr->n; i++)
				if (get_range(x, arr->items[i],
				    &h->ranges[h->nranges]))
					h->nranges++;
		}
	}
	get_text(x, n, "poznamka", T_TEXT, &h->note);
	tree_check_unused(n, x->d, "opening hours", hours_keys);
	/* Nothing usable left (all dropped): no empty "Provozní doba". */
	h->present = h->nonstop || h->nranges > 0 || h->note.s != NULL;
}

/* One capacity {"jednotka", "pocet", "poznamka"}. False = dropped. */
static bool
get_capacity(struct ctx *x, struct node *n, struct capacity *cap)
{
	struct node	*u;
	bool		 ok = true;

	if (!want_object(x, n, "each item of „kapacity“", "item"))
		return false;
	cap->pos = n->pos;
	if ((u = tree_get(n, "jednotka")) == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos,
		    "capacity has no „jednotka“ (unit); capacity dropped");
		ok = false;
	} else if ((cap->unit = node_cb(x, u, CB_UNIT, "„jednotka“",
	    "capacity unit")) == NULL)
		ok = false;
	if (tree_get(n, "pocet") == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos,
		    "capacity has no „pocet“ (count); capacity dropped");
		ok = false;
	} else if (!get_number(x, n, "pocet", 0, &cap->count))
		ok = false;
	get_text(x, n, "poznamka", T_TEXT, &cap->note);
	tree_check_unused(n, x->d, "a capacity", capacity_keys);
	return ok;
}

static void
get_capacities(struct ctx *x, struct node *obj, struct capacity **out,
    size_t *nout)
{
	struct node	*arr = get_array(x, obj, "kapacity");
	size_t		 i;

	*out = NULL;
	*nout = 0;
	if (arr == NULL)
		return;
	*out = model_array(x->c, arr->n, sizeof **out);
	for (i = 0; i < arr->n; i++)
		if (get_capacity(x, arr->items[i], &(*out)[*nout]))
			(*nout)++;
}

/* One item of "formy": "ter" or {"forma", "kapacity"}. False = dropped. */
static bool
get_form(struct ctx *x, struct node *n, struct service_form *f)
{
	struct node	*fn;
	bool		 ok = true;

	f->pos = n->pos;
	if (n->kind == N_STRING)
		return (f->form = node_cb(x, n, CB_FORM, "„forma“",
		    "form of provision")) != NULL;
	if (!want_object(x, n, "each item of „formy“", "item"))
		return false;
	if ((fn = tree_get(n, "forma")) == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos,
		    "item of „formy“ has no „forma“; item dropped");
		ok = false;
	} else if ((f->form = node_cb(x, fn, CB_FORM, "„forma“",
	    "form of provision")) == NULL)
		ok = false;
	get_capacities(x, n, &f->caps, &f->ncaps);
	tree_check_unused(n, x->d, "a form of provision", form_keys);
	return ok;
}

static void
get_places(struct ctx *x, struct node *obj, struct service *s)
{
	struct node	*arr = get_array(x, obj, "mista"), *n;
	struct place	*p;
	size_t		 i;

	if (arr == NULL)
		return;
	s->places = model_array(x->c, arr->n, sizeof *s->places);
	for (i = 0; i < arr->n; i++) {
		n = arr->items[i];
		if (!want_object(x, n, "each item of „mista“", "item"))
			continue;
		p = &s->places[s->nplaces++];
		p->pos = n->pos;
		get_text(x, n, "nazev", T_TEXT, &p->name);
		get_address(x, n, "adresa", &p->addr);
		get_text(x, n, "poznamka", T_TEXT, &p->note);
		tree_check_unused(n, x->d, "a place of provision", place_keys);
	}
}

static void
get_area(struct ctx *x, struct node *obj, struct service *s)
{
	struct node	*n = tree_get(obj, "uzemni_pusobnost");

	if (n == NULL)
		return;
	if (n->kind == N_STRING) {
		take_text(x, n, "„uzemni_pusobnost“", &s->area);
		return;
	}
	if (!want_object(x, n, "„uzemni_pusobnost“", "value"))
		return;
	get_text(x, n, "text", T_TEXT, &s->area);
	get_texts(x, n, "obce", 0, &s->area_municipalities,
	    &s->narea_municipalities);
	tree_check_unused(n, x->d, "the area of operation", area_keys);
}

/* "zdarma" | "placená" | "částečně" (and the spellings without diacritics). */
static void
get_fee(struct ctx *x, struct node *obj, struct service *s)
{
	struct str	 t;

	memset(&t, 0, sizeof t);
	if (!get_text(x, obj, "uhrada", T_TEXT, &t))
		return;
	if (strcmp(t.s, "zdarma") == 0)
		s->fee = FEE_FREE;
	else if (strcmp(t.s, "placen\xc3\xa1") == 0 ||
	    strcmp(t.s, "placena") == 0)
		s->fee = FEE_PAID;
	else if (strcmp(t.s, "\xc4\x8d\xc3\xa1ste\xc4\x8dn\xc4\x9b") == 0 ||
	    strcmp(t.s, "castecne") == 0)
		s->fee = FEE_PARTLY;
	else
		diag(x->d, D_BAD_VALUE, &t.pos,
		    "„uhrada“ must be „zdarma“, „placená“ or „částečně“, not "
		    "%s; value dropped", dq(x->d, t.s));
}

/* "ano" | "ne" | "částečně", or true/false. */
static void
get_barrier(struct ctx *x, struct node *obj, struct service *s)
{
	struct node	*n = tree_get(obj, "bezbarierovost");
	struct str	 t;

	if (n == NULL)
		return;
	if (n->kind == N_BOOL) {
		s->barrier_free = n->b ? TRI_YES : TRI_NO;
		return;
	}
	memset(&t, 0, sizeof t);
	if (!node_text(x, n, "„bezbarierovost“", T_TEXT, &t))
		return;
	if (strcmp(t.s, "ano") == 0)
		s->barrier_free = TRI_YES;
	else if (strcmp(t.s, "ne") == 0)
		s->barrier_free = TRI_NO;
	else if (strcmp(t.s, "\xc4\x8d\xc3\xa1ste\xc4\x8dn\xc4\x9b") == 0 ||
	    strcmp(t.s, "castecne") == 0)
		s->barrier_free = TRI_PARTLY;
	else
		diag(x->d, D_BAD_VALUE, &t.pos,
		    "„bezbarierovost“ must be „ano“, „ne“ or „částečně“, not "
		    "%s; value dropped", dq(x->d, t.s));
}

/* "vynosy": {fund code: money}. */
static void
get_revenues(struct ctx *x, struct node *obj, struct year_figures *y)
{
	struct node	*n = tree_get(obj, "vynosy");
	struct member	*m;
	const struct cb_item *it;
	const char	*codes[17], *sug;
	size_t		 i, k, nc = cb_count(CB_FUND);
	char		 nb[128];

	if (!want_object(x, n, "„vynosy“", "value"))
		return;
	for (i = 0; i < nc && i < NELEM(codes) - 1; i++)
		codes[i] = cb_at(CB_FUND, i)->code;
	codes[i] = NULL;
	for (i = 0; i < n->n; i++) {
		m = &n->members[i];
		m->used = true;
		it = NULL;
		for (k = 0; codes[k] != NULL; k++)
			if (strcmp(m->key, codes[k]) == 0)
				it = cb_at(CB_FUND, k);
		if (it == NULL || it->index >= (int)NELEM(y->revenue)) {
			if ((sug = tree_suggest(m->key, codes)) != NULL)
				diag(x->d, D_UNKNOWN_KEY, &m->keypos,
				    "unknown funding source %s in „vynosy“, "
				    "amount ignored; did you mean %s?",
				    dq(x->d, m->key), dq(x->d, sug));
			else
				diag(x->d, D_UNKNOWN_KEY, &m->keypos,
				    "unknown funding source %s in „vynosy“, "
				    "amount ignored (known: mpsv, kraj, obce, "
				    "uhrady, zp, esf, up, resorty, dary, "
				    "ostatni)", dq(x->d, m->key));
			continue;
		}
		if (m->val->kind == N_NULL)
			continue;
		snprintf(nb, sizeof nb, "„vynosy.%s“", m->key);
		node_number(x, m->val, nb, 2, &y->revenue[it->index]);
	}
}

/* One item of "ukazatele". False = dropped (no usable year). */
static bool
get_figures(struct ctx *x, struct node *n, struct year_figures *y)
{
	struct node	*rn;
	long long	 year = 0;
	size_t		 i;
	bool		 ok = true;

	if (!want_object(x, n, "each item of „ukazatele“", "item"))
		return false;
	y->pos = n->pos;
	y->clients = y->fte_direct = y->fte_other = -1;
	y->costs = y->costs_personnel = -1;
	for (i = 0; i < NELEM(y->revenue); i++)
		y->revenue[i] = -1;
	if ((rn = tree_get(n, "rok")) == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos,
		    "yearly figures have no „rok“ (year); figures dropped");
		ok = false;
	} else if (!get_number(x, n, "rok", 0, &year))
		ok = false;
	else if (year < 1990 || year > 2100) {
		diag(x->d, D_BAD_VALUE, &rn->pos,
		    "„rok“ must be a year between 1990 and 2100, not %lld; "
		    "figures dropped", year);
		ok = false;
	}
	y->year = (int)year;
	get_number(x, n, "klienti", 0, &y->clients);
	get_capacities(x, n, &y->caps, &y->ncaps);
	get_number(x, n, "uvazky_prima_pece", 2, &y->fte_direct);
	get_number(x, n, "uvazky_ostatni", 2, &y->fte_other);
	get_number(x, n, "naklady", 2, &y->costs);
	get_number(x, n, "naklady_osobni", 2, &y->costs_personnel);
	get_revenues(x, n, y);
	tree_check_unused(n, x->d, "yearly figures", figures_keys);
	return ok;
}

/* A type whose § is p with two neighbouring digits swapped ("94" → 49). */
static const struct cb_type *
swapped_type(const char *p)
{
	char		 b[8];
	size_t		 i, n = strlen(p);
	const struct cb_type *ty;

	if (n < 2 || n >= sizeof b)
		return NULL;
	for (i = 0; i + 1 < n; i++) {
		memcpy(b, p, n + 1);
		b[i] = p[i + 1];
		b[i + 1] = p[i];
		if (strcmp(b, p) != 0 && all_digits(b, 2) &&
		    (ty = cb_type_find(b)) != NULL && ty->para != NULL &&
		    strcmp(ty->para, b) == 0)
			return ty;
	}
	return NULL;
}

/*
 * The type of service. Returns false only for a type that is not in the
 * codebook (reported with a suggestion); a value of the wrong type leaves
 * s->type NULL and is reported as unusable by the caller.
 */
static bool
get_type(struct ctx *x, struct node *obj, struct service *s)
{
	struct node	*n = tree_get(obj, "druh");
	struct str	 t;
	const char	*p, *sug;
	const struct cb_type *ty;

	memset(&t, 0, sizeof t);
	if (!node_text(x, n, "„druh“", T_NUMBER_OK, &t))
		return true;	/* reported; the caller sees no type */
	s->type_pos = t.pos;
	if ((s->type = cb_type_find(t.s)) != NULL)
		return true;
	/* Suggest against "49" for "§ 94": the § would weigh too much. */
	p = t.s;
	if (strncmp(p, "\xc2\xa7", 2) == 0)
		for (p += 2; *p == ' '; p++)
			;
	if ((ty = swapped_type(p)) != NULL)
		sug = ty->para;
	else {
		sug = suggest_folded(p, cb_type_names());
		ty = sug != NULL ? cb_type_find(sug) : NULL;
	}
	if (ty != NULL && ty->para != NULL && strcmp(ty->para, sug) == 0)
		diag(x->d, D_UNKNOWN_CODE, &t.pos,
		    "unknown type of service %s in „druh“; did you mean "
		    "„§ %s“ (%s)? record dropped", dq(x->d, t.s), ty->para,
		    ty->name);
	else if (sug != NULL)
		diag(x->d, D_UNKNOWN_CODE, &t.pos,
		    "unknown type of service %s in „druh“; did you mean %s? "
		    "record dropped", dq(x->d, t.s), dq(x->d, sug));
	else
		diag(x->d, D_UNKNOWN_CODE, &t.pos,
		    "unknown type of service %s in „druh“ (write the § as "
		    "„§ 49“, see samples/README.md); record dropped",
		    dq(x->d, t.s));
	return false;
}

/*
 * Reports a required field that is absent or unusable: "service „X“ has no
 * „druh“; record dropped".
 */
static void
missing(struct ctx *x, struct node *obj, const char *key, const char *gloss,
    const char *what, const struct str *name)
{
	struct node	*n = tree_get(obj, key);
	char		 who[256];

	if (name != NULL && name->s != NULL)
		snprintf(who, sizeof who, "%s %s", what, dq(x->d, name->s));
	else
		snprintf(who, sizeof who, "%s", what);
	if (n != NULL)
		diag(x->d, D_MISSING_FIELD, &obj->pos,
		    "%s has no usable %s%s; record dropped", who,
		    dq(x->d, key), gloss);
	else
		diag(x->d, D_MISSING_FIELD, &obj->pos,
		    "%s has no %s%s; record dropped", who, dq(x->d, key),
		    gloss);
}

static void
load_provider(struct ctx *x, struct node *n)
{
	struct provider	 p, *np;
	bool		 ok = true;
	int		 index;

	if (!want_object(x, n, "each item of „poskytovatele“", "item"))
		return;
	memset(&p, 0, sizeof p);
	p.input = x->input;
	p.pos = n->pos;
	get_text(x, n, "id", T_TEXT, &p.key);
	get_text(x, n, "nazev", T_TEXT, &p.name);
	get_text(x, n, "pravni_forma", T_TEXT, &p.legal_form);
	get_code(x, n, "ico", 8, &p.ico);
	get_code(x, n, "dic", 0, &p.dic);
	get_address(x, n, "sidlo", &p.seat);
	get_contacts(x, n, &p.contacts);
	tree_check_unused(n, x->d, "a provider", provider_keys);
	if (p.name.s == NULL) {
		missing(x, n, "nazev", " (name)", "provider", NULL);
		ok = false;
	}
	if (p.key.s == NULL && p.ico.s == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos,
		    "provider%s%s has neither a usable „id“ nor „ico“, so no "
		    "service can refer to it; record dropped",
		    p.name.s ? " " : "", p.name.s ? dq(x->d, p.name.s) : "");
		ok = false;
	}
	if (!ok)
		return;
	np = model_add_provider(x->c);
	index = np->index;
	*np = p;
	np->index = index;
}

static void
load_service(struct ctx *x, struct node *n)
{
	struct service	 s, *ns;
	struct node	*arr;
	bool		 ok = true, type_ok = true;
	size_t		 i;
	int		 index;

	if (!want_object(x, n, "each item of „sluzby“", "item"))
		return;
	memset(&s, 0, sizeof s);
	s.input = x->input;
	s.is_override = x->override;
	s.origin = "native";
	s.pos = n->pos;
	s.fee = FEE_UNKNOWN;
	s.barrier_free = TRI_UNKNOWN;

	get_code(x, n, "identifikator", 7, &s.ident);
	get_text(x, n, "nazev", T_TEXT, &s.name);
	get_text(x, n, "poskytovatel", T_TEXT, &s.provider_ref);
	if (tree_get(n, "druh") != NULL)
		type_ok = get_type(x, n, &s);
	if ((arr = get_array(x, n, "formy")) != NULL) {
		s.forms = model_array(x->c, arr->n, sizeof *s.forms);
		for (i = 0; i < arr->n; i++)
			if (get_form(x, arr->items[i], &s.forms[s.nforms]))
				s.nforms++;
	}
	get_coderefs(x, n, "cilove_skupiny", CB_TARGET, "target group",
	    &s.targets, &s.ntargets);
	get_coderefs(x, n, "vekove_skupiny", CB_AGE, "age group", &s.ages,
	    &s.nages);
	get_text(x, n, "vek_poznamka", T_TEXT, &s.age_note);
	get_places(x, n, &s);
	get_area(x, n, &s);
	get_contacts(x, n, &s.contacts);
	get_hours(x, n, &s.hours);
	get_fee(x, n, &s);
	get_text(x, n, "uhrada_poznamka", T_TEXT, &s.fee_note);
	get_text(x, n, "popis", T_TEXT, &s.description);
	get_texts(x, n, "cinnosti", 0, &s.activities, &s.nactivities);
	get_barrier(x, n, &s);
	get_text(x, n, "bezbarierovost_poznamka", T_TEXT, &s.barrier_note);
	get_texts(x, n, "jazyky", 0, &s.languages, &s.nlanguages);
	get_date(x, n, "registrace_od", &s.from);
	get_date(x, n, "registrace_do", &s.to);
	get_text(x, n, "qr", T_TEXT, &s.qr_url);
	if ((arr = get_array(x, n, "ukazatele")) != NULL) {
		s.figures = model_array(x->c, arr->n, sizeof *s.figures);
		for (i = 0; i < arr->n; i++)
			if (get_figures(x, arr->items[i],
			    &s.figures[s.nfigures]))
				s.nfigures++;
	}
	tree_check_unused(n, x->d, "a service", service_keys);

	if (s.ident.s == NULL) {
		missing(x, n, "identifikator", "", "service", &s.name);
		ok = false;
	}
	if (!x->override) {
		if (s.name.s == NULL) {
			missing(x, n, "nazev", " (name)", "service", NULL);
			ok = false;
		}
		if (s.provider_ref.s == NULL) {
			missing(x, n, "poskytovatel", " (provider)", "service",
			    &s.name);
			ok = false;
		}
		if (s.type == NULL && type_ok) {
			missing(x, n, "druh", " (type of service)", "service",
			    &s.name);
			ok = false;
		}
	}
	if (!type_ok)
		ok = false;
	if (!ok)
		return;
	ns = model_add_service(x->c);
	index = ns->index;
	*ns = s;
	ns->index = index;
}

static void
load_listing(struct ctx *x, struct node *n, enum listing_kind kind,
    const char *key)
{
	struct listing	 l, *nl;
	char		 nb[128];
	int		 index;

	snprintf(nb, sizeof nb, "each item of %s", dq(x->d, key));
	if (!want_object(x, n, nb, "item"))
		return;
	memset(&l, 0, sizeof l);
	l.kind = kind;
	l.pos = n->pos;
	get_text(x, n, "id", T_TEXT, &l.id);
	get_text(x, n, "nazev", T_TEXT, &l.name);
	get_text(x, n, "kategorie", T_TEXT, &l.category);
	get_text(x, n, "pro_koho", T_TEXT, &l.audience);
	get_text(x, n, "popis", T_TEXT, &l.description);
	get_address(x, n, "adresa", &l.addr);
	get_contacts(x, n, &l.contacts);
	get_hours(x, n, &l.hours);
	tree_check_unused(n, x->d, kind == LIST_RELATED ? "a related service" :
	    kind == LIST_OFFICE ? "an office" : "a crisis line", listing_keys);
	if (l.name.s == NULL) {
		missing(x, n, "nazev", " (name)", kind == LIST_RELATED ?
		    "related service" : kind == LIST_OFFICE ? "office" :
		    "crisis line", NULL);
		return;
	}
	nl = model_add_listing(x->c, kind);
	index = nl->index;
	*nl = l;
	nl->index = index;
}

static void
load_situation(struct ctx *x, struct node *n)
{
	struct situation s, *ns;
	int		 index;

	if (!want_object(x, n, "each item of „zivotni_situace“", "item"))
		return;
	memset(&s, 0, sizeof s);
	s.pos = n->pos;
	get_text(x, n, "id", T_TEXT, &s.id);
	get_text(x, n, "skupina", T_TEXT, &s.group);
	get_text(x, n, "otazka", T_TEXT, &s.question);
	get_texts(x, n, "sluzby", 7, &s.refs, &s.nrefs);
	tree_check_unused(n, x->d, "a life situation", situation_keys);
	if (s.question.s == NULL) {
		missing(x, n, "otazka", " (the question)", "life situation",
		    NULL);
		return;
	}
	ns = model_add_situation(x->c);
	index = ns->index;
	*ns = s;
	ns->index = index;
}

static void
load_list(struct ctx *x, struct node *top, const char *key,
    void (*fn)(struct ctx *, struct node *))
{
	struct node	*arr = get_array(x, top, key);
	size_t		 i;

	if (arr != NULL)
		for (i = 0; i < arr->n; i++)
			fn(x, arr->items[i]);
}

static void
load_listings(struct ctx *x, struct node *top, const char *key,
    enum listing_kind kind)
{
	struct node	*arr = get_array(x, top, key);
	size_t		 i;

	if (arr != NULL)
		for (i = 0; i < arr->n; i++)
			load_listing(x, arr->items[i], kind, key);
}

bool
load_native(struct catalogue *c, const char *file, const char *buf,
    size_t len, const struct load_opts *opts, struct diag *d)
{
	struct arena	*a = arena_new();
	struct node	*top;
	struct ctx	 x;
	struct str	 fmt, date;
	struct date	 dt;

	memset(&x, 0, sizeof x);
	x.c = c;
	x.d = d;
	if (opts != NULL) {
		x.override = opts->is_override;
		x.input = opts->input;
	}
	file = diag_file(d, file);
	if ((top = json_parse(a, file, buf, len, d)) == NULL) {
		arena_free(a);
		return false;
	}
	if (top->kind != N_OBJECT) {
		diag(d, D_WRONG_TYPE, &top->pos,
		    "a mapa catalogue must be a JSON object {…}, not %s; "
		    "nothing loaded", kind_phrase(top->kind));
		arena_free(a);
		return false;
	}
	tree_get(top, "$schema");
	memset(&fmt, 0, sizeof fmt);
	if (get_text(&x, top, "format", T_TEXT, &fmt) &&
	    strcmp(fmt.s, "mapa-katalog/1") != 0)
		diag_at_level(d, D_BAD_VALUE, DIAG_WARNING, &fmt.pos,
		    "unknown format %s; read as „mapa-katalog/1“",
		    dq(d, fmt.s));
	memset(&date, 0, sizeof date);
	memset(&dt, 0, sizeof dt);
	if (get_date(&x, top, "udaje_k", &dt) && c->data_date.y == 0) {
		get_text(&x, top, "udaje_k", T_TEXT, &date);
		c->data_date_text = date;
		c->data_date = dt;
	}
	load_list(&x, top, "poskytovatele", load_provider);
	load_list(&x, top, "sluzby", load_service);
	load_listings(&x, top, "navazne_sluzby", LIST_RELATED);
	load_listings(&x, top, "urady", LIST_OFFICE);
	load_listings(&x, top, "krizove_linky", LIST_CRISIS);
	load_list(&x, top, "zivotni_situace", load_situation);
	tree_check_unused(top, d, "the catalogue", top_keys);
	arena_free(a);
	return true;
}
