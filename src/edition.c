/*
 * The edition file: YAML read by yaml.c into a tree, then checked key by key
 * into struct edition. Each block of the file (uzemi, tiraz, vstupy, …) has
 * its own small function; unknown keys in every mapping are reported with a
 * suggestion. Problems are reported and the rest of the file is still read,
 * so that one run lists everything a coordinator has to fix.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "codebook.h"
#include "edition.h"
#include "tree.h"
#include "util.h"
#include "yaml.h"

struct ectx {
	struct edition	*e;
	struct diag	*d;
	struct arena	*a;
	const char	*dir;	/* directory of the edition file with its '/', or "" */
};

static const char *const top_keys[] = {
	"nazev", "podtitul", "uzemi", "rok", "vydani", "udaje_k", "vydavatel",
	"tiraz", "uvodni_slovo", "vstupy", "filtry", "cleneni", "rozvrzeni",
	"oddily", "publicita", "obyvatele", "ukazatele", "predchozi_data",
	"vystupy", "varianty", NULL
};
static const char *const territory_keys[] = { "nazev", "obce", NULL };
static const char *const issuer_keys[] = {
	"nazev", "adresa", "web", "email", NULL
};
static const char *const imprint_keys[] = {
	"naklad", "datum_vydani", "zdroje", "poznamka", "isbn", NULL
};
static const char *const foreword_keys[] = {
	"nadpis", "text", "podpis", NULL
};
static const char *const input_keys[] = {
	"soubor", "ucel", "format", "ciselniky", NULL
};
static const char *const filter_keys[] = {
	"aktivni_k", "kraje", "okresy", "obce", "cilove_skupiny", NULL
};
static const char *const publicity_keys[] = {
	"projekt", "registracni_cislo", "text", "loga", NULL
};
static const char *const population_keys[] = {
	"celkem", "65+", "80+", NULL
};
static const char *const indicator_keys[] = {
	"kod", "nazev", "jednotka", "vychozi", "cilova", "dosazena", "zdroj",
	NULL
};
static const char *const output_keys[] = {
	"pdf", "tisk", "brozura", "xlsx", NULL
};
static const char *const variant_keys[] = {
	"id", "nazev", "podtitul", "uzemi", "rozvrzeni", "filtry", "vystupy",
	NULL
};
static const char *const variant_filter_keys[] = {
	"obce", "cilove_skupiny", NULL
};

static const char *const section_names[EDS__MAX + 1] = {
	"obalka", "tiraz", "uvodni_slovo", "jak_pouzivat", "obsah",
	"rozcestnik", "sluzby", "navazne_sluzby", "urady", "krizove_linky",
	"rejstriky", "zadni_obalka", NULL
};
static const char *const grouping_names[] = {
	"cilove_skupiny", "zivotni_situace", "druh", NULL
};
static const char *const purpose_names[] = { "zdroj", "doplneni", NULL };
static const char *const format_names[] = {
	"mapa", "registr", "katalog", "csv", NULL
};

const char *
edition_section_name(enum edition_section s)
{
	return s < EDS__MAX ? section_names[s] : "?";
}

const char *
edition_grouping_name(enum edition_grouping g)
{
	return g <= EDG_TYPE ? grouping_names[g] : "?";
}

/* Values of every type. */

/* How a kind reads in a message to a coordinator. */
static const char *
kind_words(enum node_kind k)
{
	switch (k) {
	case N_NULL:
		return "empty";
	case N_BOOL:
		return "true/false";
	case N_NUMBER:
		return "a number";
	case N_STRING:
		return "text";
	case N_ARRAY:
		return "a list";
	default:
		return "a mapping (\xe2\x80\x9ekey: value\xe2\x80\x9c lines)";
	}
}

/* Is n of kind? NULL is absent (false, silently); otherwise reported. */
static bool
want(struct ectx *c, struct node *n, enum node_kind kind, const char *field)
{
	if (n == NULL)
		return false;
	if (n->kind == kind)
		return true;
	diag(c->d, D_WRONG_TYPE, &n->pos, "%s must be %s, not %s; ignored",
	    field, kind_words(kind), kind_words(n->kind));
	return false;
}

/*
 * A text value (a number is taken as written). Absent, empty or of the
 * wrong kind (reported) gives s == NULL.
 */
static struct str
text(struct ectx *c, struct node *n, const char *field)
{
	struct str	 s = { NULL, { NULL, 0, 0 } };

	if (n == NULL)
		return s;
	if (n->kind != N_STRING && n->kind != N_NUMBER) {
		want(c, n, N_STRING, field);
		return s;
	}
	if (n->len > 0)
		s.s = n->str;
	s.pos = n->pos;
	return s;
}

static struct str
member_text(struct ectx *c, struct node *obj, const char *key,
    const char *field)
{
	return text(c, tree_get(obj, key), field);
}

/* A list of texts; a single text counts as a list of one. */
static struct str *
text_list(struct ectx *c, struct node *n, const char *field, size_t *count)
{
	struct str	*v, s;
	size_t		 i, k = 0;

	*count = 0;
	if (n == NULL)
		return NULL;
	if (n->kind == N_STRING || n->kind == N_NUMBER) {
		v = arena_alloc(c->a, sizeof *v);
		if ((v[0] = text(c, n, field)).s != NULL)
			*count = 1;
		return v;
	}
	if (!want(c, n, N_ARRAY, field))
		return NULL;
	v = arena_alloc(c->a, (n->n ? n->n : 1) * sizeof *v);
	for (i = 0; i < n->n; i++)
		if ((s = text(c, n->items[i], field)).s != NULL)
			v[k++] = s;
	*count = k;
	return v;
}

/* A list of texts as the plain string array struct load_opts wants. */
static const char **
string_array(struct ectx *c, struct node *n, const char *field,
    size_t *count)
{
	struct str	*v = text_list(c, n, field, count);
	const char	**out;
	size_t		 i;

	if (*count == 0)
		return NULL;
	out = arena_alloc(c->a, *count * sizeof *out);
	for (i = 0; i < *count; i++)
		out[i] = v[i].s;
	return out;
}

/* Does s look like an ISO date with impossible numbers ("2026-02-30")? */
static bool
iso_shaped(const char *s)
{
	return strlen(s) == 10 && all_digits(s, 4) && s[4] == '-' &&
	    all_digits(s + 5, 2) && s[7] == '-' && all_digits(s + 8, 2);
}

/* A date: "2026-09-01" or "1. 9. 2026". Returns false when absent or bad. */
static bool
date_value(struct ectx *c, struct node *n, const char *field,
    struct date *out)
{
	struct str	 s = text(c, n, field);
	struct date	 dt;

	if (s.s == NULL)
		return false;
	if (!date_parse(s.s, &dt)) {
		if (iso_shaped(s.s))
			diag(c->d, D_DATE_FORMAT, &s.pos, "%s: %s is not a real "
			    "calendar date; ignored", field, dq(c->d, s.s));
		else
			diag(c->d, D_DATE_FORMAT, &s.pos, "%s: %s is not a date; "
			    "write it as 2026-09-01 or 1. 9. 2026 (ignored)",
			    field, dq(c->d, s.s));
		return false;
	}
	dt.pos = s.pos;
	*out = dt;
	return true;
}

/*
 * Reads a decimal the way Czech offices write it: "60000", "60 000",
 * "12.5", "12,5"; spaces (also no-break ones) only between digit groups.
 * At most maxdec decimal places; the result is scaled by 10^maxdec.
 */
static bool
parse_amount(const char *s, int maxdec, bool negative_ok, long long *out)
{
	long long	 v = 0;
	int		 dec = -1, scale;
	bool		 neg = false, digits = false;

	if (*s == '-' && negative_ok)
		neg = true, s++;
	for (; *s != '\0'; s++) {
		if (is_digit((unsigned char)*s)) {
			if (dec >= 0 && ++dec > maxdec)
				return false;
			if (v > (999999999999999LL - 9) / 10)
				return false;
			v = v * 10 + (*s - '0');
			digits = true;
		} else if ((*s == '.' || *s == ',') && dec < 0 && digits &&
		    is_digit((unsigned char)s[1]))
			dec = 0;
		else if (*s == ' ' && digits && dec < 0 &&
		    is_digit((unsigned char)s[1]))
			continue;
		else if (strncmp(s, "\xc2\xa0", 2) == 0 && digits && dec < 0 &&
		    is_digit((unsigned char)s[2]))
			s++;
		else if (strncmp(s, "\xe2\x80\xaf", 3) == 0 && digits &&
		    dec < 0 && is_digit((unsigned char)s[3]))
			s += 2;
		else
			return false;
	}
	if (!digits)
		return false;
	for (scale = dec < 0 ? 0 : dec; scale < maxdec; scale++)
		v *= 10;
	*out = neg ? -v : v;
	return true;
}

/* A whole number >= 0, e.g. a print run. */
static void
count_value(struct ectx *c, struct node *n, const char *field,
    struct edition_count *out)
{
	struct str	 s = text(c, n, field);
	long long	 v;

	out->n = -1;
	if (s.s == NULL)
		return;
	if (!parse_amount(s.s, 0, false, &v)) {
		diag(c->d, D_NUMBER_FORMAT, &s.pos, "%s must be a whole number "
		    "such as 2000, not %s; ignored", field, dq(c->d, s.s));
		return;
	}
	out->n = v;
	out->pos = s.pos;
}

/* A decimal with up to two places, e.g. an indicator's target. */
static void
amount_value(struct ectx *c, struct node *n, const char *field,
    struct edition_amount *out)
{
	struct str	 s = text(c, n, field);

	memset(out, 0, sizeof *out);
	if (s.s == NULL)
		return;
	if (!parse_amount(s.s, 2, true, &out->x100)) {
		diag(c->d, D_NUMBER_FORMAT, &s.pos, "%s must be a number with "
		    "at most two decimal places, such as 280 or 12,5, not %s; "
		    "ignored", field, dq(c->d, s.s));
		return;
	}
	out->present = true;
	out->text = s;
}

/*
 * Folds a value for matching names: "Cílové skupiny" -> "cilove_skupiny"
 * (letters by fold_letter(), spaces and hyphens to '_', other ASCII kept,
 * anything else '?').
 */
static const char *
fold(const char *s, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 o = 0, n;
	uint32_t	 cp;
	int		 c;
	char		 ch;

	while (*p != '\0' && o + 1 < outsz) {
		n = utf8_decode(p, strlen((const char *)p), &cp);
		if (n == 0)
			n = 1, cp = '?';
		if ((c = fold_letter(cp)) != 0)
			ch = (char)c;
		else
			ch = cp < 0x80 ? (char)cp : '?';
		out[o++] = ch == ' ' || ch == '-' ? '_' : ch;
		p += n;
	}
	out[o] = '\0';
	return out;
}

/* Index of the folded value in a NULL-terminated list, or -1. */
static int
name_index(const char *s, const char *const *names)
{
	char	 f[128];
	int	 i;

	fold(s, f, sizeof f);
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(f, names[i]) == 0)
			return i;
	return -1;
}

/* "; did you mean „x“?" or "; use a, b or c" for a value not in names. */
static const char *
advice(struct ectx *c, const char *s, const char *const *names,
    struct buf *b)
{
	const char	*sug;
	char		 f[128];
	size_t		 i;

	buf_reset(b);
	if ((sug = tree_suggest(fold(s, f, sizeof f), names)) != NULL) {
		buf_printf(b, "; did you mean %s?", dq(c->d, sug));
		return buf_str(b);
	}
	buf_puts(b, "; use ");
	for (i = 0; names[i] != NULL; i++)
		buf_printf(b, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ",
		    names[i]);
	return buf_str(b);
}

/* Paths. */

static struct str
resolve(struct ectx *c, struct str given)
{
	struct str	 s = given;
	size_t		 ld, lg;
	char		*p;

	if (given.s == NULL || given.s[0] == '/' || c->dir[0] == '\0')
		return s;
	ld = strlen(c->dir);
	lg = strlen(given.s);
	p = arena_alloc(c->a, ld + lg + 1);
	memcpy(p, c->dir, ld);
	memcpy(p + ld, given.s, lg + 1);
	s.s = p;
	return s;
}

/* "„x.json“" or "„x.json“ (dir/x.json)" when the two differ. */
static const char *
path_words(struct ectx *c, const struct str *given, const struct str *path,
    char *out, size_t outsz)
{
	if (strcmp(given->s, path->s) == 0)
		snprintf(out, outsz, "%s", dq(c->d, given->s));
	else
		snprintf(out, outsz, "%s (%s)", dq(c->d, given->s), path->s);
	return out;
}

/*
 * Reports (as D_IO) a file that cannot be read, saying what follows from
 * it; true when it can be read. Only regular files count: opening a FIFO
 * or a device named by mistake could block or read forever.
 */
static bool
check_file(struct ectx *c, const struct str *given, const struct str *path,
    const char *what, bool dir, const char *then)
{
	struct stat	 st;
	char		 words[512];
	const char	*why = NULL;
	FILE		*f;

	if (stat(path->s, &st) != 0)
		why = strerror(errno);
	else if (dir && !S_ISDIR(st.st_mode))
		why = "not a directory";
	else if (!dir && S_ISDIR(st.st_mode))
		why = "it is a directory";
	else if (!dir && !S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (!dir && (f = fopen(path->s, "rb")) == NULL)
		why = strerror(errno);
	else if (!dir)
		fclose(f);
	if (why == NULL)
		return true;
	diag(c->d, D_IO, &given->pos, "cannot open %s %s: %s; %s", what,
	    path_words(c, given, path, words, sizeof words), why, then);
	return false;
}

/* The blocks of the file. */

/* A required text: missing or empty is reported at where it belongs. */
static struct str
required_text(struct ectx *c, struct node *obj, const char *key,
    const char *field, const char *missing)
{
	struct node	*n = tree_get_raw(obj, key);
	struct str	 s;

	if (n == NULL || n->kind == N_NULL) {
		diag(c->d, D_MISSING_FIELD, n ? &n->pos : &obj->pos, "%s", missing);
		memset(&s, 0, sizeof s);
		return s;
	}
	s = text(c, n, field);
	if (s.s == NULL && (n->kind == N_STRING || n->kind == N_NUMBER))
		diag(c->d, D_MISSING_FIELD, &n->pos, "%s", missing);
	return s;
}

static void
read_territory(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "uzemi");
	struct edition	*e = c->e;

	if (n == NULL) {
		diag(c->d, D_MISSING_FIELD, &root->pos, "the edition names no "
		    "territory: add %s with %s under it",
		    dq(c->d, "uzemi:"), dq(c->d, "nazev: \xe2\x80\xa6"));
		return;
	}
	if (!want(c, n, N_OBJECT, "uzemi"))
		return;
	e->territory = required_text(c, n, "nazev", "uzemi.nazev",
	    "the territory has no name: add \xe2\x80\x9enazev: "
	    "\xe2\x80\xa6\xe2\x80\x9c under \xe2\x80\x9euzemi:\xe2\x80\x9c");
	e->municipalities = text_list(c, tree_get(n, "obce"), "uzemi.obce",
	    &e->nmunicipalities);
	tree_check_unused(n, c->d, "uzemi", territory_keys);
}

static void
read_year(struct ectx *c, struct node *root)
{
	struct str	 y = member_text(c, root, "rok", "rok");

	if (y.s != NULL && (strlen(y.s) != 4 || !all_digits(y.s, 4))) {
		diag(c->d, D_BAD_VALUE, &y.pos, "rok must be a year such as "
		    "2026, not %s; ignored", dq(c->d, y.s));
		y.s = NULL;
	}
	c->e->year = y;
}

static void
read_issuer(struct ectx *c, struct node *root)
{
	struct node		*n = tree_get(root, "vydavatel");
	struct edition_issuer	*is = &c->e->issuer;

	if (n != NULL && n->kind == N_STRING) {
		is->name = text(c, n, "vydavatel");	/* just the name */
		return;
	}
	if (!want(c, n, N_OBJECT, "vydavatel"))
		return;
	is->name = member_text(c, n, "nazev", "vydavatel.nazev");
	is->address = member_text(c, n, "adresa", "vydavatel.adresa");
	is->web = member_text(c, n, "web", "vydavatel.web");
	is->email = member_text(c, n, "email", "vydavatel.email");
	tree_check_unused(n, c->d, "vydavatel", issuer_keys);
}

static void
read_imprint(struct ectx *c, struct node *root)
{
	struct node		*n = tree_get(root, "tiraz");
	struct edition_imprint	*im = &c->e->imprint;

	im->print_run.n = -1;
	if (!want(c, n, N_OBJECT, "tiraz"))
		return;
	count_value(c, tree_get(n, "naklad"), "tiraz.naklad", &im->print_run);
	date_value(c, tree_get(n, "datum_vydani"), "tiraz.datum_vydani",
	    &im->issued);
	im->sources = text_list(c, tree_get(n, "zdroje"), "tiraz.zdroje",
	    &im->nsources);
	im->note = member_text(c, n, "poznamka", "tiraz.poznamka");
	im->isbn = member_text(c, n, "isbn", "tiraz.isbn");
	tree_check_unused(n, c->d, "tiraz", imprint_keys);
}

/* Splits the foreword at blank lines; a paragraph's lines join with spaces. */
static void
split_paragraphs(struct ectx *c, struct edition_foreword *fw)
{
	const char	*p = fw->text.s, *eol, *s, *t;
	struct buf	 para = { 0 };
	size_t		 cap = 0;

	for (;;) {
		eol = strchr(p, '\n');
		t = eol ? eol : p + strlen(p);
		for (s = p; s < t && is_space((unsigned char)*s); s++)
			;
		while (t > s && is_space((unsigned char)t[-1]))
			t--;
		if (s < t) {
			if (para.len > 0)
				buf_putc(&para, ' ');
			buf_put(&para, s, (size_t)(t - s));
		}
		if ((s == t || eol == NULL) && para.len > 0) {
			grow(&fw->paragraphs, &cap, fw->nparagraphs + 1,
			    sizeof *fw->paragraphs);
			fw->paragraphs[fw->nparagraphs].s = arena_strdup(c->a,
			    buf_str(&para));
			fw->paragraphs[fw->nparagraphs++].pos = fw->text.pos;
			buf_reset(&para);
		}
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	buf_free(&para);
	/* The array moves into the arena, which owns everything else. */
	if (fw->nparagraphs > 0) {
		struct str *v = arena_alloc(c->a, fw->nparagraphs * sizeof *v);

		memcpy(v, fw->paragraphs, fw->nparagraphs * sizeof *v);
		free(fw->paragraphs);
		fw->paragraphs = v;
	}
}

static void
read_foreword(struct ectx *c, struct node *root)
{
	struct node		*n = tree_get(root, "uvodni_slovo");
	struct edition_foreword	*fw = &c->e->foreword;

	if (n != NULL && n->kind == N_STRING)
		fw->text = text(c, n, "uvodni_slovo");	/* just the text */
	else if (want(c, n, N_OBJECT, "uvodni_slovo")) {
		fw->heading = member_text(c, n, "nadpis", "uvodni_slovo.nadpis");
		fw->text = member_text(c, n, "text", "uvodni_slovo.text");
		fw->signature = member_text(c, n, "podpis",
		    "uvodni_slovo.podpis");
		tree_check_unused(n, c->d, "uvodni_slovo", foreword_keys);
	}
	if (fw->text.s != NULL)
		split_paragraphs(c, fw);
}

/* ucel and format of one input (a value not understood is reported). */
static void
input_kind(struct ectx *c, struct node *item, struct edition_input *in)
{
	struct str	 s;
	struct buf	 b = { 0 };
	int		 i;

	s = member_text(c, item, "ucel", "vstupy.ucel");
	if (s.s != NULL && (i = name_index(s.s, purpose_names)) < 0)
		diag(c->d, D_EDITION, &s.pos, "unknown purpose %s for ucel, "
		    "ignored%s", dq(c->d, s.s), advice(c, s.s, purpose_names, &b));
	else if (s.s != NULL)
		in->is_override = i == 1;
	s = member_text(c, item, "format", "vstupy.format");
	if (s.s != NULL && (i = name_index(s.s, format_names)) < 0)
		diag(c->d, D_EDITION, &s.pos, "unknown input format %s, ignored "
		    "(the format is then recognised from the file)%s",
		    dq(c->d, s.s), advice(c, s.s, format_names, &b));
	else if (s.s != NULL)
		in->format = load_format_from_name(format_names[i]);
	buf_free(&b);
}

/*
 * Loading one file twice would only report each service as a duplicate.
 * The same file may be written two ways ("a.json", "./a.json").
 */
static bool
listed_before(struct ectx *c, const struct edition_input *in)
{
	struct stat	 a, b;
	size_t		 i;

	if (stat(in->path.s, &a) != 0)
		return false;
	for (i = 0; i < c->e->ninputs; i++)
		if (stat(c->e->inputs[i].path.s, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			diag_at_level(c->d, D_EDITION, DIAG_WARNING,
			    &in->given.pos, "%s is already listed in vstupy "
			    "(line %d); loaded once", dq(c->d, in->given.s),
			    c->e->inputs[i].given.pos.line);
			return true;
		}
	return false;
}

/* One item of vstupy: a mapping, or just the file name. */
static void
read_input(struct ectx *c, struct node *item, size_t *cap)
{
	struct edition		*e = c->e;
	struct edition_input	 in;
	struct str		 dir;

	memset(&in, 0, sizeof in);
	in.pos = item->pos;
	if (item->kind == N_STRING)
		in.given = text(c, item, "vstupy");
	else if (item->kind == N_OBJECT) {
		in.given = required_text(c, item, "soubor", "vstupy.soubor",
		    "this input names no file: add \xe2\x80\x9esoubor: "
		    "\xe2\x80\xa6\xe2\x80\x9c");
		input_kind(c, item, &in);
		dir = member_text(c, item, "ciselniky", "vstupy.ciselniky");
		if (dir.s != NULL) {
			in.codebook_dir = resolve(c, dir);
			if (!check_file(c, &dir, &in.codebook_dir,
			    "codebook directory", true, "codebook labels "
			    "stay empty"))
				in.codebook_dir.s = NULL;
		}
		tree_check_unused(item, c->d, "an input of vstupy", input_keys);
	} else {
		diag(c->d, D_WRONG_TYPE, &item->pos, "each item of vstupy must "
		    "be a mapping with %s (or just a file name), not %s; ignored",
		    dq(c->d, "soubor: \xe2\x80\xa6"), kind_words(item->kind));
		return;
	}
	if (in.given.s == NULL)
		return;
	in.path = resolve(c, in.given);
	if (!check_file(c, &in.given, &in.path, "input file", false,
	    "input skipped"))
		return;		/* reported; the other inputs still load */
	if (listed_before(c, &in))
		return;
	grow(&e->inputs, cap, e->ninputs + 1, sizeof *e->inputs);
	e->inputs[e->ninputs++] = in;
}

static void
read_inputs(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "vstupy");
	struct edition	*e = c->e;
	size_t		 i, cap = 0;

	if (n == NULL) {
		diag(c->d, D_MISSING_FIELD, &root->pos, "the edition lists no "
		    "input files: add %s with at least one %s",
		    dq(c->d, "vstupy:"), dq(c->d, "- soubor: \xe2\x80\xa6"));
		return;
	}
	if (!want(c, n, N_ARRAY, "vstupy"))
		return;
	if (n->n == 0)
		diag(c->d, D_MISSING_FIELD, &n->pos, "vstupy lists no input "
		    "files: add at least one %s",
		    dq(c->d, "- soubor: \xe2\x80\xa6"));
	for (i = 0; i < n->n; i++)
		read_input(c, n->items[i], &cap);
	/* Copy into the arena so that edition_free() frees everything. */
	if (e->ninputs > 0) {
		struct edition_input *v = arena_alloc(c->a,
		    e->ninputs * sizeof *v);

		memcpy(v, e->inputs, e->ninputs * sizeof *v);
		free(e->inputs);
		e->inputs = v;
	}
}

/* filtry.cilove_skupiny (field names it in messages) into *out, *nout. */
static void
read_targets(struct ectx *c, struct node *n, const char *field,
    struct coderef **out, size_t *nout)
{
	struct str		*v;
	size_t			 i, k = 0, count;
	const struct cb_item	*it;
	const char		*sug;

	v = text_list(c, n, field, &count);
	if (count == 0)
		return;
	*out = arena_alloc(c->a, count * sizeof **out);
	for (i = 0; i < count; i++) {
		if ((it = cb_find(CB_TARGET, v[i].s)) != NULL) {
			(*out)[k].item = it;
			(*out)[k++].pos = v[i].pos;
		} else if ((sug = tree_suggest(v[i].s, cb_names(CB_TARGET)))
		    != NULL)
			diag(c->d, D_UNKNOWN_CODE, &v[i].pos, "unknown target "
			    "group %s in %s, ignored; did you mean %s?",
			    dq(c->d, v[i].s), field, dq(c->d, sug));
		else
			diag(c->d, D_UNKNOWN_CODE, &v[i].pos, "unknown target "
			    "group %s in %s, ignored", dq(c->d, v[i].s), field);
	}
	*nout = k;
}

static void
read_filters(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "filtry");
	struct edition	*e = c->e;
	struct date	 dt;

	if (!want(c, n, N_OBJECT, "filtry"))
		return;
	if (date_value(c, tree_get(n, "aktivni_k"), "filtry.aktivni_k", &dt)) {
		e->filter.active_on = dt;
		e->active_pos = dt.pos;
	}
	e->filter.kraje = string_array(c, tree_get(n, "kraje"),
	    "filtry.kraje", &e->filter.nkraje);
	e->filter.okresy = string_array(c, tree_get(n, "okresy"),
	    "filtry.okresy", &e->filter.nokresy);
	e->filter.obce = string_array(c, tree_get(n, "obce"), "filtry.obce",
	    &e->filter.nobce);
	read_targets(c, tree_get(n, "cilove_skupiny"), "filtry.cilove_skupiny",
	    &e->target_filter, &e->ntarget_filter);
	tree_check_unused(n, c->d, "filtry", filter_keys);
}

static void
read_grouping(struct ectx *c, struct node *root)
{
	struct str	 s = member_text(c, root, "cleneni", "cleneni");
	struct buf	 b = { 0 };
	int		 i;

	c->e->grouping = EDG_TARGET;
	if (s.s == NULL)
		return;
	if ((i = name_index(s.s, grouping_names)) < 0) {
		diag(c->d, D_EDITION, &s.pos, "unknown grouping %s for "
		    "cleneni, so entries are grouped by cilove_skupiny%s",
		    dq(c->d, s.s),
		    advice(c, s.s, grouping_names, &b));
		buf_free(&b);
		return;
	}
	c->e->grouping = (enum edition_grouping)i;
	c->e->grouping_pos = s.pos;
}

/* Appends one part unless it is already listed. */
static void
add_part(struct ectx *c, enum edition_section sec, const struct srcpos *pos)
{
	struct edition	*e = c->e;
	size_t		 i;

	for (i = 0; i < e->nparts; i++)
		if (e->parts[i].section == sec) {
			diag_at_level(c->d, D_EDITION, DIAG_WARNING, pos, "%s is "
			    "listed twice in oddily (first at line %d, column "
			    "%d); the second is ignored",
			    dq(c->d, section_names[sec]), e->parts[i].pos.line,
			    e->parts[i].pos.col);
			return;
		}
	e->parts[e->nparts].section = sec;
	e->parts[e->nparts++].pos = *pos;
}

static void
read_parts(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "oddily");
	struct edition	*e = c->e;
	struct str	*v;
	struct buf	 b = { 0 };
	struct srcpos	 none = { NULL, 0, 0 };
	size_t		 i, count;
	int		 k;

	v = text_list(c, n, "oddily", &count);
	e->parts = arena_alloc(c->a, (count + EDS__MAX) * sizeof *e->parts);
	for (i = 0; i < count; i++) {
		if ((k = name_index(v[i].s, section_names)) >= 0)
			add_part(c, (enum edition_section)k, &v[i].pos);
		else
			diag(c->d, D_EDITION, &v[i].pos, "unknown part %s in "
			    "oddily, ignored%s", dq(c->d, v[i].s),
			    advice(c, v[i].s, section_names, &b));
	}
	buf_free(&b);
	if (e->nparts == 0) {
		if (n != NULL && (n->kind == N_ARRAY || n->kind == N_STRING))
			diag_at_level(c->d, D_EDITION, DIAG_WARNING, &n->pos,
			    "oddily lists no known parts; the default order "
			    "is used");
		for (k = 0; k < EDS__MAX; k++)
			add_part(c, (enum edition_section)k, &none);
		return;
	}
	for (i = 0; i < e->nparts; i++)
		if (e->parts[i].section == EDS_SERVICES)
			return;
	diag_at_level(c->d, D_EDITION, DIAG_WARNING, &n->pos, "oddily does "
	    "not include %s: the brochure will list no services",
	    dq(c->d, "sluzby"));
}

static void
read_publicity(struct ectx *c, struct node *root)
{
	struct node		*n = tree_get(root, "publicita");
	struct edition_publicity *p = &c->e->publicity;
	struct str		*given;
	size_t			 i, k = 0, count;

	if (!want(c, n, N_OBJECT, "publicita"))
		return;
	p->project = member_text(c, n, "projekt", "publicita.projekt");
	p->reg_number = member_text(c, n, "registracni_cislo",
	    "publicita.registracni_cislo");
	p->text = member_text(c, n, "text", "publicita.text");
	given = text_list(c, tree_get(n, "loga"), "publicita.loga", &count);
	p->logos = arena_alloc(c->a, (count ? count : 1) * sizeof *p->logos);
	for (i = 0; i < count; i++) {
		p->logos[k] = resolve(c, given[i]);
		if (check_file(c, &given[i], &p->logos[k], "logo", false,
		    "logo left out"))
			k++;
	}
	p->nlogos = k;
	tree_check_unused(n, c->d, "publicita", publicity_keys);
}

static void
read_population(struct ectx *c, struct node *root)
{
	struct node			*n = tree_get(root, "obyvatele");
	struct edition_population	*p = &c->e->population;

	p->total.n = p->over65.n = p->over80.n = -1;
	if (!want(c, n, N_OBJECT, "obyvatele"))
		return;
	count_value(c, tree_get(n, "celkem"), "obyvatele.celkem", &p->total);
	count_value(c, tree_get(n, "65+"), "obyvatele.65+", &p->over65);
	count_value(c, tree_get(n, "80+"), "obyvatele.80+", &p->over80);
	tree_check_unused(n, c->d, "obyvatele", population_keys);
	if (p->over65.n >= 0 && p->total.n >= 0 && p->over65.n > p->total.n)
		diag(c->d, D_FIGURES, &p->over65.pos, "obyvatele: %lld people "
		    "aged 65+ is more than the %lld in total", p->over65.n,
		    p->total.n);
	if (p->over80.n >= 0 && p->over65.n >= 0 && p->over80.n > p->over65.n)
		diag(c->d, D_FIGURES, &p->over80.pos, "obyvatele: %lld people "
		    "aged 80+ is more than the %lld aged 65+", p->over80.n,
		    p->over65.n);
}

static void
read_indicator(struct ectx *c, struct node *n, struct edition_indicator *ind)
{
	ind->pos = n->pos;
	ind->code = member_text(c, n, "kod", "ukazatele.kod");
	ind->name = required_text(c, n, "nazev", "ukazatele.nazev",
	    "this indicator has no name: add \xe2\x80\x9enazev: "
	    "\xe2\x80\xa6\xe2\x80\x9c");
	ind->unit = member_text(c, n, "jednotka", "ukazatele.jednotka");
	amount_value(c, tree_get(n, "vychozi"), "ukazatele.vychozi",
	    &ind->baseline);
	amount_value(c, tree_get(n, "cilova"), "ukazatele.cilova", &ind->target);
	amount_value(c, tree_get(n, "dosazena"), "ukazatele.dosazena",
	    &ind->achieved);
	ind->source = member_text(c, n, "zdroj", "ukazatele.zdroj");
	tree_check_unused(n, c->d, "an indicator of ukazatele", indicator_keys);
}

static void
read_indicators(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "ukazatele");
	struct edition	*e = c->e;
	size_t		 i;

	if (!want(c, n, N_ARRAY, "ukazatele"))
		return;
	e->indicators = arena_alloc(c->a, (n->n ? n->n : 1) *
	    sizeof *e->indicators);
	for (i = 0; i < n->n; i++)
		if (want(c, n->items[i], N_OBJECT, "each item of ukazatele"))
			read_indicator(c, n->items[i],
			    &e->indicators[e->nindicators++]);
}

/* The output files of a vystupy mapping (field: its name in messages). */
static void
read_outputs(struct ectx *c, struct node *n, const char *field,
    struct edition_outputs *o)
{
	static const char *const keys[] = { "pdf", "tisk", "brozura", "xlsx" };
	struct str	*out[4] = { &o->pdf, &o->print, &o->booklet, &o->xlsx };
	char		 name[64];
	size_t		 i;

	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "%s.%s", field, keys[i]);
		*out[i] = resolve(c, member_text(c, n, keys[i], name));
	}
	tree_check_unused(n, c->d, field, output_keys);
}

static void
read_paths(struct ectx *c, struct node *root)
{
	struct node		*n = tree_get(root, "vystupy");
	struct edition_outputs	*o = &c->e->outputs;
	struct str		 s;

	s = member_text(c, root, "predchozi_data", "predchozi_data");
	if (s.s != NULL) {
		c->e->previous_data = resolve(c, s);
		if (!check_file(c, &s, &c->e->previous_data,
		    "the previous edition's data", false, "no list of "
		    "changes can be made"))
			c->e->previous_data.s = NULL;
	}
	if (want(c, n, N_OBJECT, "vystupy"))
		read_outputs(c, n, "vystupy", o);
}

static void
read_dates(struct ectx *c, struct node *root)
{
	struct str	 s;

	s = required_text(c, root, "udaje_k", "udaje_k", "the edition has no "
	    "data date: add \xe2\x80\x9eudaje_k: 2026-09-01\xe2\x80\x9c");
	if (s.s != NULL)
		date_value(c, tree_get(root, "udaje_k"), "udaje_k",
		    &c->e->data_date);
}

/* Variants (varianty). */

/* An id names a variant in messages and file names: ASCII only. */
static bool
id_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!is_digit((unsigned char)*s) && *s != '-' && *s != '_' &&
		    !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

/* Do two texts name the same thing, ignoring case and diacritics? */
static bool
same_name(const char *a, const char *b)
{
	char	 fa[128], fb[128];

	return strcmp(fold(a, fa, sizeof fa), fold(b, fb, sizeof fb)) == 0;
}

/*
 * The variant's filtry.obce. A variant narrows the edition: with the
 * edition's own filtry.obce, a municipality not among them is dropped
 * (it is compared as written: a name does not match its code).
 */
static void
variant_obce(struct ectx *c, struct node *n, struct edition_variant *v)
{
	const struct load_opts *f = &c->e->filter;
	struct str	*given;
	size_t		 i, j, k = 0, count;

	given = text_list(c, n, "varianty.filtry.obce", &count);
	if (count == 0)
		return;
	v->municipalities = arena_alloc(c->a, count * sizeof *v->municipalities);
	v->obce = arena_alloc(c->a, count * sizeof *v->obce);
	for (i = 0; i < count; i++) {
		for (j = 0; j < f->nobce; j++)
			if (same_name(given[i].s, f->obce[j]))
				break;
		if (f->nobce > 0 && j == f->nobce) {
			diag_at_level(c->d, D_EDITION, DIAG_WARNING,
			    &given[i].pos, "variant %s: %s is not among the "
			    "edition's filtry.obce, and a variant only narrows "
			    "them; dropped (write it as it is written there)",
			    dq(c->d, v->id.s), dq(c->d, given[i].s));
			continue;
		}
		/* the edition's spelling, which its filters already match */
		v->municipalities[k] = given[i];
		if (f->nobce > 0)
			v->municipalities[k].s = f->obce[j];
		v->obce[k] = v->municipalities[k].s;
		k++;
	}
	v->nobce = k;
	if (k == 0)
		diag(c->d, D_EDITION, &n->pos, "variant %s: none of its "
		    "filtry.obce is among the edition's, so it would list no "
		    "services", dq(c->d, v->id.s));
}

/* The variant's target groups, narrowed to the edition's like obce. */
static void
variant_targets(struct ectx *c, struct node *n, struct edition_variant *v)
{
	const struct edition *e = c->e;
	size_t		 i, j, k = 0, given = 0;

	read_targets(c, n, "varianty.filtry.cilove_skupiny",
	    &v->target_filter, &given);
	for (i = 0; i < given; i++) {
		for (j = 0; j < e->ntarget_filter; j++)
			if (e->target_filter[j].item == v->target_filter[i].item)
				break;
		if (e->ntarget_filter > 0 && j == e->ntarget_filter) {
			diag_at_level(c->d, D_EDITION, DIAG_WARNING,
			    &v->target_filter[i].pos, "variant %s: target group "
			    "%s is not among the edition's "
			    "filtry.cilove_skupiny, and a variant only narrows "
			    "them; dropped", dq(c->d, v->id.s),
			    dq(c->d, v->target_filter[i].item->code));
			continue;
		}
		v->target_filter[k++] = v->target_filter[i];
	}
	v->ntarget_filter = k;
	if (given > 0 && k == 0)
		diag(c->d, D_EDITION, &n->pos, "variant %s: none of its "
		    "filtry.cilove_skupiny is among the edition's, so it would "
		    "list no services", dq(c->d, v->id.s));
}

/* One item of varianty; false when it has no usable id (reported). */
static bool
read_variant(struct ectx *c, struct node *n, struct edition_variant *v)
{
	struct node	*f, *o;

	memset(v, 0, sizeof *v);
	v->pos = n->pos;
	v->id = required_text(c, n, "id", "varianty.id", "this variant has "
	    "no id: add \xe2\x80\x9eid: \xe2\x80\xa6\xe2\x80\x9c (letters, "
	    "digits, - and _); variant ignored");
	if (v->id.s != NULL && !id_ok(v->id.s)) {
		diag(c->d, D_BAD_VALUE, &v->id.pos, "varianty.id %s may contain "
		    "only ASCII letters, digits, %s and %s; variant ignored",
		    dq(c->d, v->id.s), dq(c->d, "-"), dq(c->d, "_"));
		v->id.s = NULL;
	}
	v->title = member_text(c, n, "nazev", "varianty.nazev");
	v->subtitle = member_text(c, n, "podtitul", "varianty.podtitul");
	v->territory = member_text(c, n, "uzemi", "varianty.uzemi");
	v->layout = member_text(c, n, "rozvrzeni", "varianty.rozvrzeni");
	f = tree_get(n, "filtry");
	if (v->id.s != NULL && want(c, f, N_OBJECT, "varianty.filtry")) {
		variant_obce(c, tree_get(f, "obce"), v);
		variant_targets(c, tree_get(f, "cilove_skupiny"), v);
		tree_check_unused(f, c->d, "the filtry of a variant",
		    variant_filter_keys);
	}
	o = tree_get(n, "vystupy");
	if (o == NULL && v->id.s != NULL)
		diag(c->d, D_MISSING_FIELD, &n->pos, "variant %s names no "
		    "outputs: add %s with %s or %s under it", dq(c->d, v->id.s),
		    dq(c->d, "vystupy:"), dq(c->d, "pdf: \xe2\x80\xa6"),
		    dq(c->d, "xlsx: \xe2\x80\xa6"));
	else if (want(c, o, N_OBJECT, "varianty.vystupy")) {
		read_outputs(c, o, "varianty.vystupy", &v->outputs);
		if (v->id.s != NULL && v->outputs.pdf.s == NULL &&
		    v->outputs.xlsx.s == NULL)
			diag(c->d, D_MISSING_FIELD, &o->pos, "variant %s: "
			    "vystupy names neither pdf nor xlsx; add at least "
			    "one", dq(c->d, v->id.s));
	}
	tree_check_unused(n, c->d, "a variant of varianty", variant_keys);
	return v->id.s != NULL;
}

/* An output file and who writes it, for the check of duplicates. */
struct output_use {
	const struct str	*path;
	const char		*variant;	/* NULL: the edition itself */
	const char		*key;
};

/* Two outputs may not be the same file: the second would replace the first. */
static void
check_outputs(struct ectx *c)
{
	static const char *const keys[] = { "pdf", "tisk", "brozura", "xlsx" };
	struct edition		*e = c->e;
	struct output_use	*u;
	const struct edition_outputs *o;
	const struct str	*p[4];
	size_t			 n = 0, i, j, k;
	char			 who[160];

	u = xcalloc(4 * (e->nvariants + 1), sizeof *u);
	for (i = 0; i <= e->nvariants; i++) {
		o = i == 0 ? &e->outputs : &e->variants[i - 1].outputs;
		p[0] = &o->pdf, p[1] = &o->print, p[2] = &o->booklet;
		p[3] = &o->xlsx;
		for (k = 0; k < 4; k++) {
			if (p[k]->s == NULL)
				continue;
			for (j = 0; j < n; j++)
				if (strcmp(u[j].path->s, p[k]->s) == 0)
					break;
			if (j == n) {
				u[n].path = p[k];
				u[n].variant = i == 0 ? NULL :
				    e->variants[i - 1].id.s;
				u[n++].key = keys[k];
				continue;
			}
			if (u[j].variant != NULL)
				snprintf(who, sizeof who, "vystupy.%s of variant "
				    "%s", u[j].key, dq(c->d, u[j].variant));
			else
				snprintf(who, sizeof who, "the edition's "
				    "vystupy.%s", u[j].key);
			diag(c->d, D_EDITION, &p[k]->pos, "%s is also written by "
			    "%s (line %d): each output needs its own file",
			    dq(c->d, p[k]->s), who, u[j].path->pos.line);
		}
	}
	free(u);
}

static void
read_variants(struct ectx *c, struct node *root)
{
	struct node	*n = tree_get(root, "varianty");
	struct edition	*e = c->e;
	size_t		 i, j;

	if (!want(c, n, N_ARRAY, "varianty"))
		return;
	if (n->n == 0) {
		diag_at_level(c->d, D_EDITION, DIAG_WARNING, &n->pos,
		    "varianty lists no variants; only the edition itself is "
		    "rendered");
		return;
	}
	e->variants = arena_alloc(c->a, n->n * sizeof *e->variants);
	for (i = 0; i < n->n; i++) {
		struct edition_variant *v = &e->variants[e->nvariants];

		if (!want(c, n->items[i], N_OBJECT, "each item of varianty") ||
		    !read_variant(c, n->items[i], v))
			continue;
		for (j = 0; j < e->nvariants; j++)
			if (same_name(e->variants[j].id.s, v->id.s))
				break;
		if (j < e->nvariants) {
			diag(c->d, D_EDITION, &v->id.pos, "variant id %s is "
			    "already used (line %d): each variant needs its own; "
			    "this one ignored", dq(c->d, v->id.s),
			    e->variants[j].id.pos.line);
			continue;
		}
		e->nvariants++;
	}
	check_outputs(c);
}

struct edition *
edition_for_variant(const struct edition *e, size_t i, struct diag *d)
{
	const struct edition_variant *var;
	struct edition	*v;
	struct arena	*a;

	(void)d;
	if (e == NULL || i >= e->nvariants)
		return NULL;
	var = &e->variants[i];
	a = arena_new();
	v = arena_alloc(a, sizeof *v);
	*v = *e;
	v->arena = a;
	v->variants = NULL;
	v->nvariants = 0;
	v->variant = var;
	if (var->title.s != NULL)
		v->title = var->title;
	if (var->subtitle.s != NULL)
		v->subtitle = var->subtitle;
	if (var->territory.s != NULL)
		v->territory = var->territory;
	if (var->layout.s != NULL)
		v->layout = var->layout;
	if (var->nobce > 0) {
		v->filter.obce = var->obce;
		v->filter.nobce = var->nobce;
		v->municipalities = var->municipalities;
		v->nmunicipalities = var->nobce;
		/* obyvatele counts the whole territory: no rates are better
		   than rates per 1 000 of the wrong population */
		v->population.total.n = v->population.over65.n = -1;
		v->population.over80.n = -1;
	}
	if (var->ntarget_filter > 0) {
		v->target_filter = var->target_filter;
		v->ntarget_filter = var->ntarget_filter;
	}
	v->outputs = var->outputs;
	return v;
}

/* Checks between blocks, once everything is read. */
static void
cross_checks(struct ectx *c)
{
	struct edition	*e = c->e;

	if (e->filter.active_on.y == 0 && e->data_date.y != 0)
		e->filter.active_on = e->data_date;	/* active_pos stays 0 */
	if (e->imprint.issued.y != 0 && e->data_date.y != 0 &&
	    date_cmp(&e->imprint.issued, &e->data_date) < 0)
		diag_at_level(c->d, D_DATE_RANGE, DIAG_WARNING,
		    &e->imprint.issued.pos, "tiraz.datum_vydani "
		    "%d-%02d-%02d is before the data date udaje_k %d-%02d-%02d",
		    e->imprint.issued.y, e->imprint.issued.m,
		    e->imprint.issued.d, e->data_date.y, e->data_date.m,
		    e->data_date.d);
}

/* The root is not a mapping: say what an edition file looks like. */
static void
not_a_mapping(struct ectx *c, struct node *root)
{
	if (root->kind == N_NULL)
		diag(c->d, D_MISSING_FIELD, &root->pos, "the edition file is "
		    "empty; it needs at least nazev, uzemi, udaje_k and vstupy");
	else if (root->kind == N_STRING && strchr(root->str, ':') != NULL)
		diag(c->d, D_WRONG_TYPE, &root->pos, "the edition file must "
		    "consist of %s lines; a space is missing after a %s",
		    dq(c->d, "key: value"), dq(c->d, ":"));
	else
		diag(c->d, D_WRONG_TYPE, &root->pos, "the edition file must "
		    "consist of %s lines, not %s", dq(c->d, "key: value"),
		    kind_words(root->kind));
}

static void
read_root(struct ectx *c, struct node *root)
{
	struct edition	*e = c->e;

	e->title = required_text(c, root, "nazev", "nazev", "the edition has "
	    "no title: add \xe2\x80\x9enazev: \xe2\x80\xa6\xe2\x80\x9c");
	e->subtitle = member_text(c, root, "podtitul", "podtitul");
	read_territory(c, root);
	read_year(c, root);
	e->edition_no = member_text(c, root, "vydani", "vydani");
	read_dates(c, root);
	read_issuer(c, root);
	read_imprint(c, root);
	read_foreword(c, root);
	read_inputs(c, root);
	read_filters(c, root);
	read_grouping(c, root);
	e->layout = member_text(c, root, "rozvrzeni", "rozvrzeni");
	read_parts(c, root);
	read_publicity(c, root);
	read_population(c, root);
	read_indicators(c, root);
	read_paths(c, root);
	read_variants(c, root);
	tree_check_unused(root, c->d, "the edition", top_keys);
	cross_checks(c);
}

struct edition *
edition_parse(const char *file, const char *buf, size_t len, struct diag *d)
{
	struct ectx	 c;
	struct edition	*e;
	struct arena	*a = arena_new();
	struct node	*root;
	const char	*slash;

	cb_init();
	file = diag_file(d, file);
	if ((root = yaml_parse(a, file, buf, len, d)) == NULL) {
		arena_free(a);
		return NULL;
	}
	e = arena_alloc(a, sizeof *e);
	e->arena = a;
	e->file = file;
	memset(&c, 0, sizeof c);
	c.e = e;
	c.d = d;
	c.a = a;
	slash = strrchr(file, '/');
	c.dir = slash ? arena_strndup(a, file, (size_t)(slash - file + 1)) : "";
	e->imprint.print_run.n = -1;
	e->population.total.n = e->population.over65.n = -1;
	e->population.over80.n = -1;
	if (root->kind == N_OBJECT)
		read_root(&c, root);
	else
		not_a_mapping(&c, root);
	return e;
}

struct edition *
edition_load(const char *path, struct diag *d)
{
	char		*buf;
	size_t		 len;
	struct edition	*e;

	if ((buf = read_file(path, &len)) == NULL) {
		diag(d, D_IO, NULL, "cannot read the edition file %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	e = edition_parse(path, buf, len, d);
	free(buf);
	return e;
}

void
edition_free(struct edition *e)
{
	if (e != NULL)
		arena_free(e->arena);
}
