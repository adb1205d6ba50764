/*
 * Layout files: YAML read into the document tree (yaml.h), then every key
 * checked and turned into struct layout_spec (see layout_file.h and
 * layouts/README.md). Each problem is reported at the offending value and
 * replaced by the default, so that one run lists everything wrong with a
 * layout.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include "arena.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "layout_file.h"
#include "tree.h"
#include "typo.h"
#include "util.h"
#include "yaml.h"

#define MM	(72.0 / 25.4)	/* points in a millimetre */

struct lctx {
	struct arena		*a;
	struct diag		*d;
	const struct fonts	*fonts;
	struct layout_spec	*ls;
	struct srcpos		 filepos;	/* the whole file */
};

/* Names of enum values, in enum order, NULL-terminated. */
static const char *const role_names[] = {
	"text", "nadpis", "podnadpis", "zaznam", "popisek", "drobne",
	"zahlavi", "titul", NULL
};
static const char *const face_names[] = {
	"obycejny", "tucny", "kurziva", "tucna_kurziva", NULL
};
static const char *const colour_names[] = {
	"text", "akcent", "linky", "podklad", "papir", NULL
};
static const char *const place_names[] = {
	"nic", "vnejsi", "vnitrni", "stred", NULL
};
static const char *const align_place_names[] = {	/* place_names + 1 */
	"vnejsi", "vnitrni", "stred", NULL
};
static const char *const running_names[] = {
	"nic", "oddil", "nazev", "uzemi", NULL
};
static const char *const start_names[] = {
	"nova_strana", "licha_strana", "pokracuje", NULL
};
static const char *const align_names[] = {
	"vlevo", "do_bloku", NULL
};

static const struct field_info {
	const char	*name;
	const char	*label;		/* the default label; NULL: none */
	bool		 pictogram;	/* has a pictogram */
	bool		 entry;		/* allowed in zaznam */
	bool		 contact;	/* allowed in kontakt */
} fields[LSD__MAX] = {
	{ "druh",		"Druh služby",	 false, true,  false },
	{ "poskytovatel",	"Poskytovatel",	 false, true,  false },
	{ "ico",		"IČO",		 false, true,  false },
	{ "adresa",		"Adresa",	 true,	true,  true },
	{ "uzemni_pusobnost",	"Kde působí",	 false, true,  false },
	{ "telefony",		"Telefon",	 true,	true,  true },
	{ "emaily",		"E-mail",	 true,	true,  true },
	{ "weby",		"Web",		 true,	true,  true },
	{ "provozni_doba",	"Provozní doba", true,	true,  true },
	{ "cilove_skupiny",	"Pro koho",	 true,	true,  false },
	{ "vekove_skupiny",	"Věk",		 false, true,  false },
	{ "formy",		"Forma",	 true,	true,  false },
	{ "kapacity",		"Kapacita",	 false, true,  false },
	{ "uhrada",		"Úhrada",	 true,	true,  false },
	{ "popis",		NULL,		 false, true,  true },
	{ "cinnosti",		"Činnosti",	 false, true,  false },
	{ "bezbarierovost",	"Bezbariérovost", true, true,  false },
	{ "jazyky",		"Jazyky",	 true,	true,  false },
	{ "identifikator",	"Identifikátor", false, true,  false },
	{ "kategorie",		NULL,		 false, false, true },
	{ "pro_koho",		"Pro koho",	 false, false, true },
};

/* What an entry shows when the layout does not say. */
static const enum lspec_field default_entry[] = {
	LSD_TYPE, LSD_PROVIDER, LSD_ADDRESS, LSD_PHONES, LSD_EMAILS, LSD_WEBS,
	LSD_HOURS, LSD_TARGETS, LSD_FEES, LSD_DESCRIPTION
};
static const enum lspec_field default_contact[] = {
	LSD_CATEGORY, LSD_ADDRESS, LSD_PHONES, LSD_EMAILS, LSD_WEBS,
	LSD_HOURS, LSD_DESCRIPTION
};

const char *
lspec_field_name(enum lspec_field f)
{
	return (unsigned)f < LSD__MAX ? fields[f].name : "?";
}

const char *
lspec_role_name(enum lspec_role r)
{
	return (unsigned)r < LSR__MAX ? role_names[r] : "?";
}

double
lspec_text_width(const struct layout_spec *ls)
{
	return ls->page_w - ls->inner - ls->outer;
}

double
lspec_text_height(const struct layout_spec *ls)
{
	return ls->page_h - ls->top - ls->bottom;
}

double
lspec_column_width(const struct layout_spec *ls)
{
	int	 n = ls->columns > 0 ? ls->columns : 1;

	return (lspec_text_width(ls) - (n - 1) * ls->gutter) / n;
}

/* Numbers for messages: at most one decimal, no trailing ".0". */
static const char *
num(double v, char *out, size_t sz)
{
	long long t = llround(v * 10);

	if (t % 10 == 0)
		snprintf(out, sz, "%lld", t / 10);
	else
		snprintf(out, sz, "%s%lld.%lld", t < 0 ? "-" : "",
		    llabs(t) / 10, llabs(t) % 10);
	return out;
}

/*
 * Folds a keyword as people type it into the spelling of the file format:
 * "Tučná kurzíva" → "tucna_kurziva", "do-bloku" → "do_bloku". Characters
 * that are neither letters, digits nor separators give '?', which matches
 * nothing. Returns a malloc'd string.
 */
static char *
fold_word(const char *s)
{
	struct buf	 b = { 0 };
	const unsigned char *p = (const unsigned char *)s;
	size_t		 len = strlen(s), i = 0, k;
	uint32_t	 cp;
	int		 c;

	buf_puts(&b, "");
	while (i < len) {
		if ((k = utf8_decode(p + i, len - i, &cp)) == 0) {
			k = 1;
			cp = '?';
		}
		if (cp == ' ' || cp == '-' || cp == '_' || cp == 0xa0)
			buf_putc(&b, '_');
		else if ((c = fold_letter(cp)) != 0)
			buf_putc(&b, (char)c);
		else
			buf_putc(&b, '?');
		i += k;
	}
	return buf_steal(&b);
}

/* Family names compared as fontconfig does: no case, no spaces. */
static char *
fold_family(const char *s)
{
	struct buf	 b = { 0 };

	buf_puts(&b, "");
	for (; *s != '\0'; s++)
		if (*s != ' ')
			buf_putc(&b, (char)ascii_tolower((unsigned char)*s));
	return buf_steal(&b);
}

/* "a, b or c" from a NULL-terminated list. */
static const char *
one_of(struct buf *b, const char *const *names)
{
	size_t	 i;

	buf_reset(b);
	buf_puts(b, "");
	for (i = 0; names[i] != NULL; i++)
		buf_printf(b, "%s%s", i == 0 ? "" :
		    names[i + 1] != NULL ? ", " : " or ", names[i]);
	return buf_str(b);
}

/* The one name that starts with s ("licha" → "licha_strana"), or NULL. */
static const char *
unique_prefix(const char *s, const char *const *names)
{
	const char	*found = NULL;
	size_t		 n = strlen(s), i;

	if (n < 3)
		return NULL;
	for (i = 0; names[i] != NULL; i++)
		if (strncmp(names[i], s, n) == 0) {
			if (found != NULL)
				return NULL;
			found = names[i];
		}
	return found;
}

/*
 * Reads a keyword from a list of names; the index is stored in *out.
 * Case, diacritics and "-" or " " for "_" do not matter.
 */
static bool
read_enum(struct lctx *c, struct node *n, const char *field,
    const char *const *names, int *out)
{
	const char	*s, *sug;
	char		*f;
	struct buf	 b = { 0 };
	size_t		 i, nn = 0;

	if ((s = tree_string(n, c->d, field, false)) == NULL)
		return false;
	f = fold_word(s);
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(f, names[i]) == 0) {
			*out = (int)i;
			free(f);
			return true;
		}
	nn = i;
	sug = unique_prefix(f, names);
	if (sug == NULL)
		sug = tree_suggest_norm(s, names, NULL, nn, fold_word);
	if (sug != NULL)
		diag(c->d, D_BAD_VALUE, &n->pos, "unknown value %s for %s, "
		    "ignored; did you mean %s?", dq(c->d, s), field,
		    dq(c->d, sug));
	else
		diag(c->d, D_BAD_VALUE, &n->pos, "unknown value %s for %s, "
		    "ignored; use %s", dq(c->d, s), field, one_of(&b, names));
	buf_free(&b);
	free(f);
	return false;
}

static bool
read_bool(struct lctx *c, struct node *n, const char *field, bool *out)
{
	if (n == NULL)
		return false;
	if (n->kind != N_BOOL) {
		if (n->str != NULL)
			diag(c->d, D_WRONG_TYPE, &n->pos, "%s must be true or "
			    "false, not %s %s", field, node_kind_name(n->kind),
			    dq(c->d, n->str));
		else
			diag(c->d, D_WRONG_TYPE, &n->pos, "%s must be true or "
			    "false, not %s", field, node_kind_name(n->kind));
		return false;
	}
	*out = n->b;
	return true;
}

static bool
read_int(struct lctx *c, struct node *n, const char *field, int min,
    int max, int *out)
{
	long long	 v = 0;
	size_t		 i;

	if (n == NULL || !tree_expect(n, N_NUMBER, c->d, field))
		return false;
	for (i = 0; i < n->len; i++) {
		if (!is_digit((unsigned char)n->str[i]) || v > 1000000) {
			diag(c->d, D_BAD_VALUE, &n->pos, "%s must be a whole "
			    "number from %d to %d, not %s; ignored", field,
			    min, max, dq(c->d, n->str));
			return false;
		}
		v = v * 10 + (n->str[i] - '0');
	}
	if (v < min || v > max) {
		diag(c->d, D_BAD_VALUE, &n->pos, "%s must be from %d to %d, "
		    "not %s; ignored", field, min, max, dq(c->d, n->str));
		return false;
	}
	*out = (int)v;
	return true;
}

/*
 * Parses a plain decimal "12", "10.5" or "10,5" (at most six decimals)
 * into millionths. Locale-free: never strtod.
 */
static bool
parse_decimal(const char *s, size_t len, long long *micro)
{
	long long	 v = 0;
	size_t		 i = 0, digits = 0, decimals = 0;
	bool		 point = false;

	for (; i < len; i++) {
		if (is_digit((unsigned char)s[i])) {
			if (point && ++decimals > 6)
				return false;
			if (++digits > 12)
				return false;
			v = v * 10 + (s[i] - '0');
		} else if ((s[i] == '.' || s[i] == ',') && !point &&
		    digits > 0)
			point = true;
		else
			return false;
	}
	if (digits == 0 || (point && decimals == 0))
		return false;
	for (; decimals < 6; decimals++)
		v *= 10;
	*micro = v;
	return true;
}

/* Units a length may carry, in points. */
static const struct unit {
	const char	*name;
	double		 pt;
} units[] = {
	{ "mm", MM },
	{ "cm", 10 * MM },
	{ "pt", 1 },
	{ "%", 0 },		/* leading only: a share of the size */
};

/*
 * Reads a length: a number in the field's unit (unit_pt points each) or
 * text with a unit, "3 mm", "10,5 pt", "1 cm" (and "140 %" where
 * percent_of > 0: a share of percent_of points). Must lie in [min, max]
 * of the field's unit. The result is in points.
 */
static bool
read_length_pct(struct lctx *c, struct node *n, const char *field,
    const char *unit, double unit_pt, double min, double max,
    double percent_of, double *out)
{
	const char	*s, *end, *u;
	long long	 micro;
	double		 v = 0, pt = unit_pt;
	size_t		 len, ul, i;
	char		 a[32], b[32];

	if (n == NULL)
		return false;
	if (n->kind != N_NUMBER && n->kind != N_STRING) {
		tree_expect(n, N_NUMBER, c->d, field);
		return false;
	}
	s = trim_space(n->str, n->len, &len);
	end = s + len;
	/* Split the number from a unit after it. */
	for (u = s; u < end && (is_digit((unsigned char)*u) || *u == '.' ||
	    *u == ','); u++)
		continue;
	if (!parse_decimal(s, (size_t)(u - s), &micro))
		goto bad;
	/* "10 pt", "10pt", "10\u00a0pt" */
	for (;;) {
		if (u < end && *u == ' ')
			u++;
		else if (end - u >= 2 && memcmp(u, "\xc2\xa0", 2) == 0)
			u += 2;
		else
			break;
	}
	ul = (size_t)(end - u);
	if (ul > 0) {
		for (i = 0; i < NELEM(units); i++)
			if (strlen(units[i].name) == ul &&
			    strncmp(u, units[i].name, ul) == 0)
				break;
		if (i == NELEM(units) || (units[i].pt == 0 &&
		    percent_of <= 0))
			goto bad;
		pt = units[i].pt == 0 ? percent_of / 100 : units[i].pt;
	}
	v = (double)micro / 1e6 * pt;
	if (v < min * unit_pt - 1e-9 || v > max * unit_pt + 1e-9) {
		diag(c->d, D_BAD_VALUE, &n->pos, "%s %s is out of range: "
		    "%s to %s %s; ignored", field, dq(c->d, n->str),
		    num(min, a, sizeof a), num(max, b, sizeof b), unit);
		return false;
	}
	*out = v;
	return true;
bad:
	diag(c->d, D_BAD_VALUE, &n->pos, "%s must be a length such as "
	    "\xe2\x80\x9e%s\xe2\x80\x9c or \xe2\x80\x9e%s %s\xe2\x80\x9c, "
	    "not %s; ignored", field, strcmp(unit, "mm") == 0 ? "12" : "10.5",
	    strcmp(unit, "mm") == 0 ? "12" : "10.5", unit, dq(c->d, n->str));
	return false;
}

static bool
read_length(struct lctx *c, struct node *n, const char *field,
    const char *unit, double unit_pt, double min, double max, double *out)
{
	return read_length_pct(c, n, field, unit, unit_pt, min, max, 0, out);
}

static bool
read_mm(struct lctx *c, struct node *n, const char *field, double min,
    double max, double *out)
{
	return read_length(c, n, field, "mm", MM, min, max, out);
}

static bool
read_pt(struct lctx *c, struct node *n, const char *field, double min,
    double max, double *out)
{
	return read_length(c, n, field, "pt", 1, min, max, out);
}

/* Optional text. */
static const char *
read_text(struct lctx *c, struct node *obj, const char *key,
    const char *field)
{
	const char *s = tree_string(tree_get(obj, key), c->d, field, true);

	return s != NULL ? arena_strdup(c->a, s) : NULL;
}

/* The object at obj.key; NULL (reported when it is not an object). */
static struct node *
read_object(struct lctx *c, struct node *obj, const char *key,
    const char *field)
{
	struct node	*n = tree_get(obj, key);

	return tree_expect(n, N_OBJECT, c->d, field) ? n : NULL;
}

/* The position of obj.key's value, else of obj, else of the file. */
static const struct srcpos *
where(struct lctx *c, struct node *n, struct node *parent)
{
	if (n != NULL)
		return &n->pos;
	if (parent != NULL)
		return &parent->pos;
	return &c->filepos;
}

/* Colours. */

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = ascii_tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* "#1a4f8b", "1a4f8b" or "#fff" into 0xRRGGBB. */
static bool
parse_hex(const char *s, uint32_t *rgb)
{
	size_t		 n, i;
	uint32_t	 v = 0;
	int		 h;

	if (*s == '#')
		s++;
	n = strlen(s);
	if (n != 6 && n != 3)
		return false;
	for (i = 0; i < n; i++) {
		if ((h = hexval((unsigned char)s[i])) < 0)
			return false;
		v = n == 6 ? v << 4 | (uint32_t)h : v << 8 | (uint32_t)h * 17;
	}
	*rgb = v;
	return true;
}

/*
 * A colour value; palette names are allowed when palette is true (font
 * roles). A colour written without quotes after "#" is a YAML comment and
 * arrives as nothing: say so.
 */
static bool
read_colour(struct lctx *c, struct node *obj, const char *key,
    const char *field, bool palette, uint32_t *rgb)
{
	struct node	*n = tree_get_raw(obj, key);
	const char	*s;
	char		*f;
	size_t		 i;

	if (n == NULL)
		return false;
	if (n->kind == N_NULL) {
		diag(c->d, D_EMPTY_VALUE, &n->pos, "%s has no value; a colour "
		    "must be quoted, \"#1a4f8b\", because # starts a comment "
		    "in YAML", field);
		return false;
	}
	if ((s = tree_string(n, c->d, field, true)) == NULL)
		return false;
	if (parse_hex(s, rgb))
		return true;
	if (palette) {
		f = fold_word(s);
		for (i = 0; colour_names[i] != NULL; i++)
			if (strcmp(f, colour_names[i]) == 0) {
				free(f);
				*rgb = c->ls->colour[i];
				return true;
			}
		free(f);
		diag(c->d, D_BAD_VALUE, &n->pos, "%s must be a colour "
		    "\"#rrggbb\" or one of barvy (text, akcent, linky, "
		    "podklad, papir), not %s; ignored", field, dq(c->d, s));
	} else
		diag(c->d, D_BAD_VALUE, &n->pos, "%s must be a colour "
		    "\"#rrggbb\" (six hexadecimal digits), not %s; ignored",
		    field, dq(c->d, s));
	return false;
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
luminance(uint32_t rgb)
{
	double	 ch[3], l;
	int	 i;

	for (i = 0; i < 3; i++) {
		l = (double)(rgb >> (16 - 8 * i) & 0xff) / 255;
		ch[i] = l <= 0.03928 ? l / 12.92 : pow((l + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static double
contrast(uint32_t a, uint32_t b)
{
	double	 la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static void
read_palette(struct lctx *c, struct node *root)
{
	struct node	*n = read_object(c, root, "barvy", "barvy");
	uint32_t	*col = c->ls->colour;
	bool		 got[LSC__MAX] = { false };
	char		 field[32];
	size_t		 i;

	col[LSC_TEXT] = 0x000000;
	col[LSC_PAPER] = 0xffffff;
	for (i = 0; n != NULL && i < LSC__MAX; i++) {
		snprintf(field, sizeof field, "barvy.%s", colour_names[i]);
		got[i] = read_colour(c, n, colour_names[i], field, false,
		    &col[i]);
	}
	if (!got[LSC_ACCENT])
		col[LSC_ACCENT] = col[LSC_TEXT];
	if (!got[LSC_RULES])
		col[LSC_RULES] = col[LSC_TEXT];
	if (!got[LSC_TINT])
		col[LSC_TINT] = col[LSC_PAPER];
	if (n != NULL)
		tree_check_unused(n, c->d, "barvy", colour_names);
}

/* The page. */

static const struct paper {
	const char	*name;
	double		 w, h;		/* mm */
} papers[] = {
	{ "A4", 210, 297 },
	{ "A5", 148, 210 },
	{ "A6", 105, 148 },
	{ "B5", 176, 250 },
};

static void
read_format(struct lctx *c, struct node *page)
{
	static const char *const names[] = { "A4", "A5", "A6", "B5", NULL };
	struct layout_spec *ls = c->ls;
	struct node	*fmt = tree_get(page, "format");
	struct node	*w = tree_get(page, "sirka"), *h = tree_get(page, "vyska");
	const char	*s;
	const char	*sug;
	struct buf	 b = { 0 };
	size_t		 i;
	double		 pw = 0, ph = 0;

	ls->page_name = "A5";
	ls->page_w = 148 * MM;
	ls->page_h = 210 * MM;
	if (w != NULL || h != NULL) {
		if (fmt != NULL)
			diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING,
			    &fmt->pos, "strana.format is ignored: sirka and "
			    "vyska give the size");
		if (w == NULL || h == NULL) {
			diag(c->d, D_MISSING_FIELD, where(c, w != NULL ? w : h,
			    page), "strana needs both sirka and vyska (mm); "
			    "the page stays A5");
			return;
		}
		if (read_mm(c, w, "strana.sirka", 50, 1000, &pw) &&
		    read_mm(c, h, "strana.vyska", 50, 1000, &ph)) {
			ls->page_name = NULL;
			ls->page_w = pw;
			ls->page_h = ph;
		}
		return;
	}
	if (fmt == NULL) {
		diag(c->d, D_MISSING_FIELD, where(c, NULL, page), "strana "
		    "has no format (A4, A5, A6, B5) and no sirka and vyska; "
		    "the page is A5");
		return;
	}
	if ((s = tree_string(fmt, c->d, "strana.format", false)) == NULL)
		return;
	for (i = 0; i < NELEM(papers); i++)
		if (ascii_tolower((unsigned char)s[0]) ==
		    ascii_tolower((unsigned char)papers[i].name[0]) &&
		    strcmp(s + 1, papers[i].name + 1) == 0) {
			ls->page_name = papers[i].name;
			ls->page_w = papers[i].w * MM;
			ls->page_h = papers[i].h * MM;
			return;
		}
	if ((sug = tree_suggest(s, names)) != NULL)
		diag(c->d, D_BAD_VALUE, &fmt->pos, "unknown paper format %s, "
		    "the page is A5; did you mean %s? (other sizes: sirka and "
		    "vyska in mm)", dq(c->d, s), dq(c->d, sug));
	else
		diag(c->d, D_BAD_VALUE, &fmt->pos, "unknown paper format %s, "
		    "the page is A5; use %s, or sirka and vyska in mm",
		    dq(c->d, s), one_of(&b, names));
	buf_free(&b);
}

static void
read_margins(struct lctx *c, struct node *page)
{
	static const char *const keys[] = {
		"vnitrni", "vnejsi", "horni", "dolni", NULL
	};
	struct layout_spec *ls = c->ls;
	double		*m[] = { &ls->inner, &ls->outer, &ls->top, &ls->bottom };
	struct node	*n = tree_get(page, "okraje");
	char		 field[32];
	double		 v;
	size_t		 i;

	for (i = 0; i < NELEM(m); i++)
		*m[i] = 15 * MM;
	if (n == NULL)
		return;
	if (n->kind != N_OBJECT && n->kind != N_NUMBER &&
	    n->kind != N_STRING) {
		diag(c->d, D_WRONG_TYPE, &n->pos, "strana.okraje must be an "
		    "object (vnitrni, vnejsi, horni, dolni) or one length for "
		    "all four, not %s", node_kind_name(n->kind));
		return;
	}
	if (n->kind != N_OBJECT) {
		/* One length for all four. */
		if (read_mm(c, n, "strana.okraje", 0, 100, &v))
			for (i = 0; i < NELEM(m); i++)
				*m[i] = v;
		return;
	}
	for (i = 0; i < NELEM(m); i++) {
		snprintf(field, sizeof field, "strana.okraje.%s", keys[i]);
		read_mm(c, tree_get(n, keys[i]), field, 0, 100, m[i]);
	}
	tree_check_unused(n, c->d, "strana.okraje", keys);
}

static void
read_page(struct lctx *c, struct node *root)
{
	static const char *const keys[] = {
		"format", "sirka", "vyska", "okraje", "spadavka", "sloupce",
		"mezera_sloupcu", NULL
	};
	struct layout_spec *ls = c->ls;
	struct node	*page = tree_get(root, "strana");

	ls->bleed = 3 * MM;
	ls->columns = 1;
	ls->gutter = 5 * MM;
	if (page == NULL)
		diag(c->d, D_MISSING_FIELD, &c->filepos, "the layout has no "
		    "strana (page size and margins); the page is A5 with "
		    "15 mm margins");
	else if (!tree_expect(page, N_OBJECT, c->d, "strana"))
		page = NULL;
	if (page == NULL) {
		ls->page_name = "A5";
		ls->page_w = 148 * MM;
		ls->page_h = 210 * MM;
		read_margins(c, NULL);
		return;
	}
	read_format(c, page);
	read_margins(c, page);
	read_mm(c, tree_get(page, "spadavka"), "strana.spadavka", 0, 10,
	    &ls->bleed);
	read_int(c, tree_get(page, "sloupce"), "strana.sloupce", 1, 4,
	    &ls->columns);
	read_mm(c, tree_get(page, "mezera_sloupcu"), "strana.mezera_sloupcu",
	    0, 30, &ls->gutter);
	tree_check_unused(page, c->d, "strana", keys);
}

/* Fonts. */

/* "Andika, Charis SIL" */
static const char *
family_list(struct lctx *c, struct buf *b)
{
	size_t	 i, n = fonts_nfamilies(c->fonts);

	buf_reset(b);
	buf_puts(b, "");
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i == 0 ? "" : i + 1 < n ? ", " : " and ",
		    fonts_family(c->fonts, i));
	return buf_str(b);
}

/* Checks a family against fonts/; returns the spelling found there. */
static const char *
check_family(struct lctx *c, struct node *n, const char *s,
    const char *field)
{
	const char	*found, *sug;
	const char	**names;
	struct buf	 b = { 0 };
	size_t		 i, nf;

	if (c->fonts == NULL)
		return arena_strdup(c->a, s);
	if ((found = fonts_find_family(c->fonts, s)) != NULL)
		return found;
	nf = fonts_nfamilies(c->fonts);
	names = xcalloc(nf + 1, sizeof *names);
	for (i = 0; i < nf; i++)
		names[i] = fonts_family(c->fonts, i);
	sug = tree_suggest_norm(s, names, NULL, nf, fold_family);
	if (sug != NULL)
		diag(c->d, D_FONT_MISSING, &n->pos, "%s: there is no font "
		    "family %s in fonts/; did you mean %s?", field,
		    dq(c->d, s), dq(c->d, sug));
	else
		diag(c->d, D_FONT_MISSING, &n->pos, "%s: there is no font "
		    "family %s in fonts/ (it has %s)", field, dq(c->d, s),
		    family_list(c, &b));
	free(names);
	buf_free(&b);
	return NULL;
}

/* Checks that the family has the face; reports at pos. */
static void
check_face(struct lctx *c, const struct srcpos *pos, const char *field,
    const struct lspec_font *f)
{
	static const char *const words[] = {
		"regular", "bold", "italic", "bold italic"
	};
	struct buf	 b = { 0 };
	int		 k;

	if (c->fonts == NULL || f->family == NULL ||
	    fonts_find_family(c->fonts, f->family) == NULL)
		return;
	if (fonts_has_face(c->fonts, f->family, f->face == LSF_BOLD ||
	    f->face == LSF_BOLD_ITALIC, f->face == LSF_ITALIC ||
	    f->face == LSF_BOLD_ITALIC))
		return;
	buf_puts(&b, "");
	for (k = 0; k < 4; k++)
		if (fonts_has_face(c->fonts, f->family, k & 1, (k & 2) != 0))
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", words[k]);
	diag(c->d, D_FONT_MISSING, pos, "%s: %s has no %s face in fonts/ "
	    "(only %s); it would be faked and printed badly", field,
	    f->family, words[f->face], b.data);
	buf_free(&b);
}

static void
read_role(struct lctx *c, struct node *pismo, enum lspec_role r)
{
	static const char *const keys[] = {
		"rodina", "rez", "velikost", "proklad", "barva", NULL
	};
	struct lspec_font *f = &c->ls->font[r];
	const struct lspec_font *text = &c->ls->font[LSR_TEXT];
	struct node	*n = tree_get(pismo, role_names[r]), *v, *fam, *face;
	const char	*s, *found = NULL;
	char		 field[48];
	double		 size, lead, ratio;
	int		 k;

	/* A role the file leaves out is set like text. */
	*f = *text;
	f->face = LSF_REGULAR;
	f->rgb = c->ls->colour[r == LSR_HEADING || r == LSR_SUBHEADING ||
	    r == LSR_TITLE ? LSC_ACCENT : LSC_TEXT];
	if (r == LSR_TEXT) {
		f->family = NULL;
		f->size = 10;
		f->leading = 13;
		f->pos = c->filepos;
	}
	snprintf(field, sizeof field, "pismo.%s", role_names[r]);
	if (n == NULL) {
		if (r == LSR_TEXT)
			diag(c->d, D_MISSING_FIELD, where(c, NULL, pismo),
			    "pismo has no text (the body text's font)");
		return;
	}
	if (!tree_expect(n, N_OBJECT, c->d, field))
		return;
	f->pos = n->pos;
	fam = tree_get(n, "rodina");
	snprintf(field, sizeof field, "pismo.%s.rodina", role_names[r]);
	/* A family that is not there leaves a role with text's family. */
	if ((s = tree_string(fam, c->d, field, false)) != NULL) {
		found = check_family(c, fam, s, field);
		if (found != NULL || r == LSR_TEXT)
			f->family = found;
	} else if (fam == NULL && r == LSR_TEXT)
		diag(c->d, D_MISSING_FIELD, &n->pos, "pismo.text has no "
		    "rodina (font family)");
	face = tree_get(n, "rez");
	snprintf(field, sizeof field, "pismo.%s.rez", role_names[r]);
	if (read_enum(c, face, field, face_names, &k))
		f->face = (enum lspec_face)k;
	snprintf(field, sizeof field, "pismo.%s", role_names[r]);
	if (s == NULL || found != NULL)
		check_face(c, where(c, face, fam != NULL ? fam : n), field, f);

	ratio = text->size > 0 ? text->leading / text->size : 1.3;
	v = tree_get(n, "velikost");
	snprintf(field, sizeof field, "pismo.%s.velikost", role_names[r]);
	if (read_pt(c, v, field, 4, 120, &size)) {
		f->size = size;
		f->leading = size * ratio;
	} else if (v == NULL && r == LSR_TEXT)
		diag(c->d, D_MISSING_FIELD, &n->pos, "pismo.text has no "
		    "velikost (size in pt); 10 pt is used");
	v = tree_get(n, "proklad");
	snprintf(field, sizeof field, "pismo.%s.proklad", role_names[r]);
	if (read_length_pct(c, v, field, "pt", 1, 4, 360, f->size, &lead)) {
		if (lead < f->size - 1e-9) {
			diag(c->d, D_BAD_VALUE, &v->pos, "%s %s is less than "
			    "the size, so lines would overlap; ignored", field,
			    dq(c->d, v->str));
		} else if (lead > 3 * f->size + 1e-9) {
			diag(c->d, D_BAD_VALUE, &v->pos, "%s %s is more than "
			    "three times the size; ignored", field,
			    dq(c->d, v->str));
		} else
			f->leading = lead;
	}
	snprintf(field, sizeof field, "pismo.%s.barva", role_names[r]);
	read_colour(c, n, "barva", field, true, &f->rgb);
	snprintf(field, sizeof field, "pismo.%s", role_names[r]);
	tree_check_unused(n, c->d, field, keys);
}

static void
read_fonts(struct lctx *c, struct node *root)
{
	struct node	*pismo = tree_get(root, "pismo");
	int		 r;

	if (pismo == NULL)
		diag(c->d, D_MISSING_FIELD, &c->filepos, "the layout has no "
		    "pismo (fonts)");
	else if (!tree_expect(pismo, N_OBJECT, c->d, "pismo"))
		pismo = NULL;
	for (r = 0; r < LSR__MAX; r++)
		read_role(c, pismo, (enum lspec_role)r);
	if (pismo != NULL)
		tree_check_unused(pismo, c->d, "pismo", role_names);
}

/* Running head and foot. */

static void
read_running_text(struct lctx *c, struct node *n, const char *field,
    struct lspec_band *band)
{
	static const char *const keys[] = { "licha", "suda", NULL };
	char	 f[64];
	int	 k;

	if (n == NULL)
		return;
	if (n->kind == N_OBJECT) {
		snprintf(f, sizeof f, "%s.licha", field);
		if (read_enum(c, tree_get(n, "licha"), f, running_names, &k))
			band->recto = (enum lspec_running)k;
		snprintf(f, sizeof f, "%s.suda", field);
		if (read_enum(c, tree_get(n, "suda"), f, running_names, &k))
			band->verso = (enum lspec_running)k;
		tree_check_unused(n, c->d, field, keys);
		return;
	}
	if (read_enum(c, n, field, running_names, &k))
		band->recto = band->verso = (enum lspec_running)k;
}

static void
read_band(struct lctx *c, struct node *root, const char *key, bool head)
{
	static const char *const keys[] = {
		"text", "zarovnani", "folio", "linka", "odstup",
		"na_uvodni_strane", NULL
	};
	struct layout_spec *ls = c->ls;
	struct lspec_band *band = head ? &ls->head : &ls->foot;
	struct node	*n = tree_get_raw(root, key), *v, *t, *al;
	char		 field[48];
	double		 margin = head ? ls->top : ls->bottom, need;
	char		 a[32], b[32], m[32];
	int		 k;
	bool		 align_given = false, folio_given = false;

	memset(band, 0, sizeof *band);
	band->align = LSP_OUTER;
	band->folio = head ? LSP_NONE : LSP_OUTER;
	band->distance = (head ? 5 : 6) * MM;
	band->on_opening = !head;
	if (n == NULL)
		return;
	/* "zahlavi: false" or "zahlavi: nic": none at all. */
	if (n->kind == N_NULL || (n->kind == N_BOOL && !n->b) ||
	    (n->kind == N_STRING && strcmp(n->str, "nic") == 0)) {
		band->folio = LSP_NONE;
		return;
	}
	if (!tree_expect(n, N_OBJECT, c->d, key))
		return;
	t = tree_get(n, "text");
	snprintf(field, sizeof field, "%s.text", key);
	read_running_text(c, t, field, band);
	al = tree_get(n, "zarovnani");
	snprintf(field, sizeof field, "%s.zarovnani", key);
	if (al != NULL && al->kind == N_STRING && strcmp(al->str, "nic") == 0)
		diag(c->d, D_BAD_VALUE, &al->pos, "%s cannot be nic; to print "
		    "no text write text: nic", field);
	else if (read_enum(c, al, field, align_place_names, &k)) {
		band->align = (enum lspec_place)(k + 1);
		align_given = true;
	}
	v = tree_get(n, "folio");
	snprintf(field, sizeof field, "%s.folio", key);
	if (read_enum(c, v, field, place_names, &k)) {
		band->folio = (enum lspec_place)k;
		folio_given = true;
	}
	snprintf(field, sizeof field, "%s.linka", key);
	read_pt(c, tree_get(n, "linka"), field, 0, 3, &band->rule);
	snprintf(field, sizeof field, "%s.odstup", key);
	read_mm(c, tree_get(n, "odstup"), field, 0, 50, &band->distance);
	snprintf(field, sizeof field, "%s.na_uvodni_strane", key);
	read_bool(c, tree_get(n, "na_uvodni_strane"), field,
	    &band->on_opening);
	/*
	 * Text and folio cannot share a place. A default gives way to what
	 * the file says; two places the file gives are an error.
	 */
	if (band->folio != LSP_NONE && band->folio == band->align &&
	    (band->recto != LSRT_NONE || band->verso != LSRT_NONE)) {
		if (!align_given)
			band->align = band->folio == LSP_OUTER ? LSP_INNER :
			    LSP_OUTER;
		else if (!folio_given)
			band->folio = band->align == LSP_OUTER ? LSP_INNER :
			    LSP_OUTER;
		else {
			diag(c->d, D_BAD_VALUE, &v->pos, "%s: the folio and "
			    "the text would both stand %s; the folio is left "
			    "out", key, place_names[band->folio]);
			band->folio = LSP_NONE;
		}
	}
	/* The band's line must fit in its margin. */
	need = band->distance + ls->font[LSR_RUNNING].leading;
	if ((band->recto != LSRT_NONE || band->verso != LSRT_NONE ||
	    band->folio != LSP_NONE) && need > margin + 1e-9)
		diag(c->d, D_BAD_VALUE, &n->pos, "%s does not fit in the %s "
		    "margin: it needs %s mm (odstup and one %s pt line), the "
		    "margin is %s mm", key, head ? "top" : "bottom",
		    num(need / MM, a, sizeof a),
		    num(ls->font[LSR_RUNNING].leading, b, sizeof b),
		    num(margin / MM, m, sizeof m));
	tree_check_unused(n, c->d, key, keys);
}

/* Entry templates. */

static const char *
field_names_list(struct buf *b, bool entry)
{
	size_t	 i;

	buf_reset(b);
	buf_puts(b, "");
	for (i = 0; i < LSD__MAX; i++)
		if (entry ? fields[i].entry : fields[i].contact)
			buf_printf(b, "%s%s", b->len > 0 ? ", " : "",
			    fields[i].name);
	return buf_str(b);
}

/* Looks a field name up; reports unknown and misplaced ones. */
static int
find_field(struct lctx *c, struct node *n, const char *s, const char *what,
    bool entry)
{
	const char	*names[LSD__MAX + 1], *sug;
	struct buf	 b = { 0 };
	char		*f = fold_word(s);
	size_t		 i;

	for (i = 0; i < LSD__MAX; i++) {
		names[i] = fields[i].name;
		if (strcmp(f, fields[i].name) == 0)
			break;
	}
	names[LSD__MAX] = NULL;
	free(f);
	if (i < LSD__MAX && (entry ? fields[i].entry : fields[i].contact))
		return (int)i;
	if (i < LSD__MAX)
		diag(c->d, D_BAD_VALUE, &n->pos, "%s cannot show %s (it is "
		    "a field of %s); dropped", what, dq(c->d, s),
		    entry ? "kontakt" : "zaznam");
	else if (strcmp(s, "nazev") == 0)
		diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING, &n->pos,
		    "the name always heads an entry; %s dropped from %s",
		    dq(c->d, s), what);
	else if ((sug = tree_suggest_norm(s, names, NULL, LSD__MAX,
	    fold_word)) != NULL)
		diag(c->d, D_BAD_VALUE, &n->pos, "unknown field %s in %s, "
		    "dropped; did you mean %s?", dq(c->d, s), what,
		    dq(c->d, sug));
	else
		diag(c->d, D_BAD_VALUE, &n->pos, "unknown field %s in %s, "
		    "dropped; the fields are %s", dq(c->d, s), what,
		    field_names_list(&b, entry));
	buf_free(&b);
	return -1;
}

/*
 * Reports the characters of a label the label font cannot print, each at
 * its own column (labels are one-line scalars).
 */
static void
check_glyphs(struct lctx *c, struct node *n, const char *s,
    const char *field)
{
	const struct lspec_font *f = &c->ls->font[LSR_LABEL];
	struct fonts_gap gaps[8];
	struct srcpos	 pos;
	char		 name[FONTS_CP_NAME];
	size_t		 k, i, len = strlen(s);

	if (c->fonts == NULL || f->family == NULL)
		return;
	k = fonts_missing(c->fonts, f->family, s, len, gaps, NELEM(gaps));
	for (i = 0; i < k && i < NELEM(gaps); i++) {
		pos = n->pos;
		pos.col += (int)utf8_count(s, gaps[i].offset) +
		    (n->quoted ? 1 : 0);
		diag(c->d, D_GLYPH_MISSING, &pos, "%s: %s has no glyph for %s; "
		    "it would print as an empty box", field, f->family,
		    fonts_cp_name(gaps[i].cp, name));
	}
}

/* One item of pole: "telefony" or {pole: telefony, popisek: …}. */
static bool
read_item(struct lctx *c, struct node *n, const char *what, bool entry,
    struct lspec_item *it)
{
	static const char *const keys[] = {
		"pole", "popisek", "piktogram", NULL
	};
	struct node	*fn = n, *lab, *pic;
	const char	*s;
	char		 field[64];
	int		 k;

	if (n->kind == N_OBJECT) {
		if ((fn = tree_get(n, "pole")) == NULL) {
			diag(c->d, D_MISSING_FIELD, &n->pos, "an item of %s "
			    "has no pole (which field); dropped", what);
			tree_mark_used(n);
			return false;
		}
	}
	snprintf(field, sizeof field, "%s item", what);
	if ((s = tree_string(fn, c->d, field, false)) == NULL)
		return false;
	if ((k = find_field(c, fn, s, what, entry)) < 0) {
		if (n->kind == N_OBJECT)
			tree_mark_used(n);
		return false;
	}
	memset(it, 0, sizeof *it);
	it->field = (enum lspec_field)k;
	it->label = fields[k].label;
	it->pos = fn->pos;
	if (n->kind != N_OBJECT)
		return true;
	snprintf(field, sizeof field, "%s.%s.popisek", what, fields[k].name);
	lab = tree_get_raw(n, "popisek");
	if (lab != NULL && lab->kind == N_BOOL)
		it->label = lab->b ? fields[k].label : NULL;
	else if (lab != NULL && lab->kind == N_NULL)
		it->label = NULL;
	else if ((s = tree_string(lab, c->d, field, true)) != NULL) {
		it->label = s[0] != '\0' ? arena_strdup(c->a, s) : NULL;
		if (it->label != NULL)
			check_glyphs(c, lab, s, field);
	}
	pic = tree_get(n, "piktogram");
	snprintf(field, sizeof field, "%s.%s.piktogram", what, fields[k].name);
	if (read_bool(c, pic, field, &it->pictogram) && it->pictogram &&
	    !fields[k].pictogram) {
		diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING, &pic->pos,
		    "%s has no pictogram; the row keeps its label", fields[k].name);
		it->pictogram = false;
	}
	snprintf(field, sizeof field, "an item of %s", what);
	tree_check_unused(n, c->d, field, keys);
	return true;
}

static void
default_items(struct lctx *c, struct lspec_template *t, bool entry)
{
	const enum lspec_field *v = entry ? default_entry : default_contact;
	size_t	 n = entry ? NELEM(default_entry) : NELEM(default_contact), i;

	t->items = arena_alloc(c->a, n * sizeof *t->items);
	for (i = 0; i < n; i++) {
		t->items[i].field = v[i];
		t->items[i].label = fields[v[i]].label;
		t->items[i].pictogram = fields[v[i]].pictogram;
		t->items[i].pos = c->filepos;
	}
	t->nitems = n;
}

static void
read_template(struct lctx *c, struct node *root, const char *key,
    bool entry)
{
	static const char *const keys[] = {
		"pole", "mezera", "linka", "sirka_popisku", NULL
	};
	struct lspec_template *t = entry ? &c->ls->entry : &c->ls->contact;
	struct node	*n = read_object(c, root, key, key), *list, *v;
	bool		 seen[LSD__MAX] = { false };
	char		 field[48], a[32];
	size_t		 i;

	memset(t, 0, sizeof *t);
	t->space = entry ? 9 : 6;
	if (n == NULL || (list = tree_get(n, "pole")) == NULL) {
		default_items(c, t, entry);
		if (n == NULL)
			return;
	} else {
		snprintf(field, sizeof field, "%s.pole", key);
		if (tree_expect(list, N_ARRAY, c->d, field)) {
			t->items = arena_alloc(c->a,
			    (list->n + 1) * sizeof *t->items);
			for (i = 0; i < list->n; i++) {
				if (!read_item(c, list->items[i], field, entry,
				    &t->items[t->nitems]))
					continue;
				if (seen[t->items[t->nitems].field]) {
					diag_at_level(c->d, D_BAD_VALUE,
					    DIAG_WARNING, &t->items[t->nitems].pos,
					    "%s is listed twice in %s; the "
					    "second is dropped",
					    fields[t->items[t->nitems].field].name,
					    field);
					continue;
				}
				seen[t->items[t->nitems].field] = true;
				t->nitems++;
			}
		} else
			default_items(c, t, entry);
	}
	snprintf(field, sizeof field, "%s.mezera", key);
	read_pt(c, tree_get(n, "mezera"), field, 0, 72, &t->space);
	snprintf(field, sizeof field, "%s.linka", key);
	read_pt(c, tree_get(n, "linka"), field, 0, 3, &t->rule);
	v = tree_get(n, "sirka_popisku");
	snprintf(field, sizeof field, "%s.sirka_popisku", key);
	if (read_mm(c, v, field, 0, 80, &t->label_width) &&
	    t->label_width > lspec_column_width(c->ls) / 2)
		diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING, &v->pos,
		    "%s %s takes more than half of a column (%s mm)", field,
		    dq(c->d, v->str), num(lspec_column_width(c->ls) / MM, a,
		    sizeof a));
	tree_check_unused(n, c->d, key, keys);
}

/* Typesetting and page breaking. */

static void
read_setting(struct lctx *c, struct node *root)
{
	static const char *const keys[] = {
		"zarovnani", "deleni_slov", "max_deleni_za_sebou",
		"vazne_znaky", "mezera_odstavcu", "odsazeni", NULL
	};
	struct layout_spec *ls = c->ls;
	struct node	*n = read_object(c, root, "sazba", "sazba"), *v;
	const char	*s;
	int		 k;

	ls->justify = true;
	ls->hyphenate = true;
	ls->max_hyphens = 3;
	typo_opts_default(&ls->typo);
	if (n == NULL)
		return;
	if (read_enum(c, tree_get(n, "zarovnani"), "sazba.zarovnani",
	    align_names, &k))
		ls->justify = k == 1;
	read_bool(c, tree_get(n, "deleni_slov"), "sazba.deleni_slov",
	    &ls->hyphenate);
	read_int(c, tree_get(n, "max_deleni_za_sebou"),
	    "sazba.max_deleni_za_sebou", 1, 10, &ls->max_hyphens);
	v = tree_get_raw(n, "vazne_znaky");
	if (v != NULL && v->kind == N_NULL)
		typo_opts_set_ties(&ls->typo, "");
	else if ((s = tree_string(v, c->d, "sazba.vazne_znaky", false)) !=
	    NULL && !typo_opts_set_ties(&ls->typo, s))
		diag(c->d, D_BAD_VALUE, &v->pos, "sazba.vazne_znaky must be "
		    "the one-letter words to tie to the next word, as letters "
		    "(e.g. kKsSvVzZoOuUaAiI), not %s; the default is used",
		    dq(c->d, s));
	read_pt(c, tree_get(n, "mezera_odstavcu"), "sazba.mezera_odstavcu",
	    0, 36, &ls->par_space);
	read_pt(c, tree_get(n, "odsazeni"), "sazba.odsazeni", 0, 72,
	    &ls->indent);
	tree_check_unused(n, c->d, "sazba", keys);
}

static void
read_breaking(struct lctx *c, struct node *root)
{
	static const char *const keys[] = {
		"oddil_zacina", "min_radku_dole", "min_radku_nahore",
		"nadpis_s_radky", "vyrovnat_sloupce", NULL
	};
	struct layout_spec *ls = c->ls;
	struct node	*n = read_object(c, root, "zlom", "zlom");
	int		 k;

	ls->section_start = LSS_NEW_PAGE;
	ls->orphans = ls->widows = ls->keep_heading = 2;
	ls->balance = true;
	if (n == NULL)
		return;
	if (read_enum(c, tree_get(n, "oddil_zacina"), "zlom.oddil_zacina",
	    start_names, &k))
		ls->section_start = (enum lspec_start)k;
	read_int(c, tree_get(n, "min_radku_dole"), "zlom.min_radku_dole", 1,
	    5, &ls->orphans);
	read_int(c, tree_get(n, "min_radku_nahore"), "zlom.min_radku_nahore",
	    1, 5, &ls->widows);
	read_int(c, tree_get(n, "nadpis_s_radky"), "zlom.nadpis_s_radky", 1,
	    5, &ls->keep_heading);
	read_bool(c, tree_get(n, "vyrovnat_sloupce"), "zlom.vyrovnat_sloupce",
	    &ls->balance);
	tree_check_unused(n, c->d, "zlom", keys);
}

/* Checks across keys. */

static void
check_geometry(struct lctx *c, struct node *root)
{
	struct layout_spec *ls = c->ls;
	struct node	*page = tree_get(root, "strana");
	const struct srcpos *pos = where(c, page, NULL);
	double		 tw = lspec_text_width(ls), th = lspec_text_height(ls);
	double		 cw = lspec_column_width(ls), size, chars;
	char		 a[32], b[32], e[32], f[32];

	if (tw < 20 * MM || th < 20 * MM) {
		diag(c->d, D_BAD_VALUE, pos, "the margins leave a type area of "
		    "only %s × %s mm on a %s × %s mm page",
		    num(tw / MM, a, sizeof a), num(th / MM, b, sizeof b),
		    num(ls->page_w / MM, e, sizeof e),
		    num(ls->page_h / MM, f, sizeof f));
		return;
	}
	size = ls->font[LSR_TEXT].size;
	/* About two characters of body text to the em. */
	chars = cw / (size * 0.5);
	if (chars < 30)
		diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING, pos, "a column "
		    "is %s mm wide, about %s characters of %s pt text a line; "
		    "fewer than 30 leave gaps and many hyphens",
		    num(cw / MM, a, sizeof a), num(floor(chars), b, sizeof b),
		    num(size, e, sizeof e));
}

/*
 * Every colour text is printed in, on the paper and on the tint of boxes.
 * Roles left out of the file share the colours of others: each pair of
 * colours is reported once, at the first role that uses it.
 */
static void
check_contrast(struct lctx *c)
{
	struct layout_spec *ls = c->ls;
	uint32_t	 bg[2] = { ls->colour[LSC_PAPER], ls->colour[LSC_TINT] };
	const char	*bgname[2] = { "papir", "podklad" };
	uint32_t	 seen[2 * LSR__MAX][2];
	size_t		 nseen = 0, i;
	double		 ratio;
	char		 a[32], b[32];
	int		 r, k;

	for (r = 0; r < LSR__MAX; r++)
		for (k = 0; k < 2; k++) {
			if (k == 1 && bg[1] == bg[0])
				break;
			ratio = contrast(ls->font[r].rgb, bg[k]);
			if (ratio >= ls->min_contrast - 1e-9)
				continue;
			for (i = 0; i < nseen; i++)
				if (seen[i][0] == ls->font[r].rgb &&
				    seen[i][1] == bg[k])
					break;
			if (i < nseen)
				continue;
			seen[nseen][0] = ls->font[r].rgb;
			seen[nseen++][1] = bg[k];
			diag_at_level(c->d, D_BAD_VALUE, DIAG_WARNING,
			    &ls->font[r].pos, "pismo.%s: #%06x on %s #%06x "
			    "has a contrast of %s:1, less than min_kontrast "
			    "%s:1; readers with weak sight may not read it",
			    role_names[r], (unsigned)ls->font[r].rgb,
			    bgname[k], (unsigned)bg[k],
			    num(floor(ratio * 10) / 10, a, sizeof a),
			    num(ls->min_contrast, b, sizeof b));
		}
}

static void
read_root(struct lctx *c, struct node *root)
{
	static const char *const keys[] = {
		"nazev", "popis", "strana", "pismo", "barvy", "min_kontrast",
		"zahlavi", "zapati", "zaznam", "kontakt", "piktogramy", "qr",
		"sazba", "zlom", NULL
	};
	struct layout_spec *ls = c->ls;
	struct node	*n;
	long long	 micro;

	ls->name = read_text(c, root, "nazev", "nazev");
	ls->description = read_text(c, root, "popis", "popis");
	read_page(c, root);
	read_palette(c, root);
	ls->min_contrast = 4.5;
	if ((n = tree_get(root, "min_kontrast")) != NULL &&
	    tree_expect(n, N_NUMBER, c->d, "min_kontrast")) {
		if (parse_decimal(n->str, n->len, &micro) &&
		    micro >= 1000000 && micro <= 21000000)
			ls->min_contrast = (double)micro / 1e6;
		else
			diag(c->d, D_BAD_VALUE, &n->pos, "min_kontrast must be "
			    "a contrast ratio from 1 to 21 (4.5 is WCAG's "
			    "minimum for text, 7 its enhanced level), not %s; "
			    "4.5 is used", dq(c->d, n->str));
	}
	read_fonts(c, root);
	read_band(c, root, "zahlavi", true);
	read_band(c, root, "zapati", false);
	read_template(c, root, "zaznam", true);
	read_template(c, root, "kontakt", false);
	ls->pictograms = true;
	read_bool(c, tree_get(root, "piktogramy"), "piktogramy",
	    &ls->pictograms);
	read_bool(c, tree_get(root, "qr"), "qr", &ls->qr);
	read_setting(c, root);
	read_breaking(c, root);
	check_geometry(c, root);
	check_contrast(c);
	tree_check_unused(root, c->d, "the layout", keys);
}

struct layout_spec *
lspec_parse(const char *file, const char *buf, size_t len,
    const struct fonts *fonts, struct diag *d)
{
	struct lctx	 c;
	struct arena	*a = arena_new();
	struct node	*root;

	memset(&c, 0, sizeof c);
	c.a = a;
	c.d = d;
	c.fonts = fonts;
	c.filepos.file = diag_file(d, file);
	if ((root = yaml_parse(a, c.filepos.file, buf, len, d)) == NULL) {
		arena_free(a);
		return NULL;
	}
	if (root->kind != N_OBJECT) {
		diag(d, D_WRONG_TYPE, root->kind == N_NULL ? &c.filepos :
		    &root->pos, "a layout file must be a set of keys (strana:, "
		    "pismo:, …), not %s", node_kind_name(root->kind));
		arena_free(a);
		return NULL;
	}
	ANEW(a, c.ls);
	c.ls->arena = a;
	c.ls->file = c.filepos.file;
	read_root(&c, root);
	return c.ls;
}

struct layout_spec *
lspec_load(const char *path, const struct fonts *fonts, struct diag *d)
{
	struct layout_spec *ls;
	size_t		 len;
	char		*buf;

	if ((buf = read_file(path, &len)) == NULL) {
		diag(d, D_IO, NULL, "cannot read the layout file %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	ls = lspec_parse(path, buf, len, fonts, d);
	free(buf);
	return ls;
}

void
lspec_free(struct layout_spec *ls)
{
	if (ls != NULL)
		arena_free(ls->arena);
}

/* Finding layouts. */

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A layout's name, as opposed to the path of a layout file. */
static bool
is_name(const char *value)
{
	return strchr(value, '/') == NULL && !ends_with(value, ".yaml") &&
	    !ends_with(value, ".yml");
}

char *
lspec_path(const char *value, const char *edition_file)
{
	struct buf	 b = { 0 };
	const char	*slash;

	char		*path;

	if (is_name(value)) {
		buf_printf(&b, "layouts/%s.yaml", value);
		path = fonts_data_path(b.data);
		buf_free(&b);
		return path;
	}
	if (value[0] != '/' && edition_file != NULL &&
	    (slash = strrchr(edition_file, '/')) != NULL)
		buf_put(&b, edition_file, (size_t)(slash - edition_file + 1));
	buf_puts(&b, value);
	return buf_steal(&b);
}

/* Names of the layouts in the data directory, sorted; NULL-terminated. */
static char **
layout_names(size_t *n)
{
	char		*dir = fonts_data_path("layouts");
	char		**v = NULL;
	DIR		*dp;
	struct dirent	*de;
	size_t		 cap = 0, len;

	*n = 0;
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			len = strlen(de->d_name);
			if (de->d_name[0] == '.' || !ends_with(de->d_name,
			    ".yaml"))
				continue;
			if (*n + 1 >= cap)
				grow(&v, &cap, *n + 2, sizeof *v);
			v[(*n)++] = xstrndup(de->d_name, len - 5);
		}
		closedir(dp);
	}
	free(dir);
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	v[*n] = NULL;
	for (len = 1; len < *n; len++) {	/* few names: insertion sort */
		char *t = v[len];
		size_t j = len;

		for (; j > 0 && strcmp(v[j - 1], t) > 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
	return v;
}

/* Reports a layout name with no file, with the names there are. */
static void
unknown_layout(const char *value, const struct srcpos *pos, struct diag *d)
{
	char		**names, *dir;
	const char	*sug;
	struct buf	 b = { 0 };
	size_t		 n, i;

	names = layout_names(&n);
	if (n == 0) {
		dir = fonts_data_path("layouts");
		diag(d, D_IO, pos, "no layout %s: there are no layouts in %s "
		    "(set MAPA_DATADIR to the directory that holds fonts/ and "
		    "layouts/)", dq(d, value), dir);
		free(dir);
	} else {
		sug = tree_suggest(value, (const char *const *)names);
		buf_puts(&b, "");
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 < n ? ", " :
			    " and ", names[i]);
		if (sug != NULL)
			diag(d, D_EDITION, pos, "no layout %s; did you mean "
			    "%s? (the layouts are %s)", dq(d, value),
			    dq(d, sug), b.data);
		else
			diag(d, D_EDITION, pos, "no layout %s; the layouts "
			    "are %s, or give the path of a layout file",
			    dq(d, value), b.data);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&b);
}

bool
lspec_check_edition(const struct edition *e, struct diag *d)
{
	struct srcpos	 whole = { e->file, 0, 0 };
	const char	*value = LSPEC_DEFAULT;
	const struct srcpos *pos = &whole;
	struct layout_spec *ls;
	struct fonts	*fonts;
	struct stat	 st;
	char		*path;

	memset(&st, 0, sizeof st);
	if (e->layout.s != NULL && e->layout.s[0] != '\0') {
		value = e->layout.s;
		pos = &e->layout.pos;
	}
	path = lspec_path(value, e->file);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (is_name(value))
			unknown_layout(value, pos, d);
		else
			diag(d, D_IO, pos, "cannot open the layout file %s "
			    "(%s): %s", dq(d, value), path,
			    S_ISDIR(st.st_mode) ? "it is a directory" :
			    strerror(errno));
		free(path);
		return false;
	}
	fonts = fonts_open(NULL, d);
	ls = lspec_load(path, fonts, d);
	lspec_free(ls);
	fonts_close(fonts);
	free(path);
	return ls != NULL;
}

/* Checking layout files on their own. */

/* A layout has strana: or pismo: at the start of a line. */
static bool
is_layout_file(const char *path)
{
	size_t		 len, i;
	char		*buf;
	bool		 yes = false;

	if (!ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return false;
	if ((buf = read_file(path, &len)) == NULL)
		return false;
	for (i = 0; i < len && !yes; i++) {
		if (i > 0 && buf[i - 1] != '\n')
			continue;
		yes = (len - i >= 7 && strncmp(buf + i, "strana:", 7) == 0) ||
		    (len - i >= 6 && strncmp(buf + i, "pismo:", 6) == 0);
	}
	free(buf);
	return yes;
}

bool
lspec_all_layouts(int n, char **paths)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (!is_layout_file(paths[i]))
			return false;
	return n > 0;
}

/* "A5 (148 × 210 mm), 1 column of 112 mm, Charis SIL 10.5/14 pt" */
static void
describe(struct buf *b, const struct layout_spec *ls)
{
	const struct lspec_font *t = &ls->font[LSR_TEXT];
	char		 w[32], h[32], cw[32], s[32], l[32];

	num(ls->page_w / MM, w, sizeof w);
	num(ls->page_h / MM, h, sizeof h);
	if (ls->page_name != NULL)
		buf_printf(b, "%s (%s × %s mm)", ls->page_name, w, h);
	else
		buf_printf(b, "%s × %s mm", w, h);
	buf_printf(b, ", %d %s of %s mm, %s %s/%s pt", ls->columns,
	    ls->columns == 1 ? "column" : "columns",
	    num(lspec_column_width(ls) / MM, cw, sizeof cw),
	    t->family != NULL ? t->family : "(no font)",
	    num(t->size, s, sizeof s), num(t->leading, l, sizeof l));
	buf_printf(b, ", %s%s", ls->justify ? "justified" : "ragged right",
	    ls->hyphenate ? ", hyphenated" : "");
}

int
lspec_check_files(int n, char **paths, bool strict, bool quiet)
{
	struct diag	*d = diag_new(stdout);
	struct fonts	*fonts = fonts_open(NULL, d);
	struct layout_spec *ls;
	struct buf	 out = { 0 };
	int		 i, status;

	buf_puts(&out, "");
	for (i = 0; i < n; i++) {
		if ((ls = lspec_load(paths[i], fonts, d)) == NULL)
			continue;
		buf_printf(&out, "mapa: layout %s: ", paths[i]);
		describe(&out, ls);
		buf_putc(&out, '\n');
		lspec_free(ls);
	}
	fonts_close(fonts);
	diag_flush(d);
	if (!quiet) {
		fputs(out.data, stdout);
		diag_summary(d, stdout);
	}
	status = diag_exit_status(d, strict);
	buf_free(&out);
	diag_free(d);
	return status;
}
