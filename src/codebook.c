/*
 * Codebooks: parses the compiled-in TSV tables once at start-up.
 */
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "util.h"

/* Generated from src/codebooks/ (one TSV per codebook) by the Makefile (build/codebooks_data.c). */
extern const char cb_tsv_types[], cb_tsv_forms[], cb_tsv_units[],
    cb_tsv_targets[], cb_tsv_ages[], cb_tsv_funds[];

static struct cb_item	*items[CB__MAX];
static size_t		 nitems[CB__MAX];
static const char	**names[CB__MAX];
static struct cb_type	*types;
static size_t		 ntypes;
static const char	**type_names;
static bool		 loaded;

/* Splits a TSV table into rows of cells; "-" is an empty cell (NULL). */
struct table {
	char	***rows;
	size_t	 nrows;
	size_t	 ncols;
};

static void
split(const char *tsv, struct table *t)
{
	char	*copy = xstrdup(tsv), *line, *save = NULL, *cell;
	size_t	 cap = 0, col;
	bool	 header = true;

	memset(t, 0, sizeof *t);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (header) {
			/* Count the columns; the header itself is documentation. */
			t->ncols = 1;
			for (cell = line; *cell; cell++)
				t->ncols += *cell == '\t';
			header = false;
			continue;
		}
		grow(&t->rows, &cap, t->nrows + 1, sizeof *t->rows);
		t->rows[t->nrows] = xcalloc(t->ncols, sizeof(char *));
		for (col = 0; col < t->ncols && line != NULL; col++) {
			cell = line;
			line = strchr(line, '\t');
			if (line != NULL)
				*line++ = '\0';
			t->rows[t->nrows][col] = strcmp(cell, "-") == 0 ? NULL :
			    xstrdup(cell);
		}
		t->nrows++;
	}
	free(copy);
}

/*
 * Frees the table and every cell that take() did not hand over to a
 * codebook entry.
 */
static void
table_free(struct table *t)
{
	size_t	 i, j;

	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->ncols; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	free(t->rows);
}

/* Hands a cell over to a codebook entry (which keeps it for the process). */
static char *
take(struct table *t, size_t row, size_t col)
{
	char	*cell;

	if (col >= t->ncols)
		return NULL;
	cell = t->rows[row][col];
	t->rows[row][col] = NULL;
	return cell;
}

static bool
flag(const struct table *t, size_t row, size_t col)
{
	return col < t->ncols && t->rows[row][col] != NULL &&
	    t->rows[row][col][0] == '1';
}

static unsigned
forms_mask(const char *list)
{
	unsigned	 mask = 0;
	size_t		 i;
	const char	*p = list;

	while (p != NULL && *p) {
		for (i = 0; i < nitems[CB_FORM]; i++)
			if (strncmp(p, items[CB_FORM][i].code, 3) == 0)
				mask |= 1u << i;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return mask;
}

static void
load_items(enum cb_kind kind, const char *tsv)
{
	struct table	 t;
	struct cb_item	*it;
	size_t		 i, j;

	split(tsv, &t);
	items[kind] = xcalloc(t.nrows, sizeof *items[kind]);
	names[kind] = xcalloc(2 * t.nrows + 1, sizeof(char *));
	for (i = j = 0; i < t.nrows; i++) {
		it = &items[kind][i];
		it->kind = kind;
		it->index = (int)i;
		it->code = take(&t, i, 0);
		it->mpsv_id = take(&t, i, 1);
		it->verified = flag(&t, i, 2);
		it->label = take(&t, i, 3);
		it->short_label = take(&t, i, 4);
		if (it->short_label == NULL)
			it->short_label = it->label;
		if (kind == CB_UNIT) {
			it->one = take(&t, i, 5);
			it->few = take(&t, i, 6);
			it->many = take(&t, i, 7);
			it->forms = t.ncols > 8 ? forms_mask(t.rows[i][8]) : 0;
		}
		names[kind][j++] = it->code;
		names[kind][j++] = it->label;
	}
	nitems[kind] = t.nrows;
	table_free(&t);
}

static enum svc_group
group_from(const char *s)
{
	if (s == NULL)
		return GROUP_OTHER;
	if (strcmp(s, "poradenstvi") == 0)
		return GROUP_PORADENSTVI;
	if (strcmp(s, "pece") == 0)
		return GROUP_PECE;
	if (strcmp(s, "prevence") == 0)
		return GROUP_PREVENCE;
	return GROUP_OTHER;
}

static void
load_types(void)
{
	struct table	 t;
	struct cb_type	*ty;
	size_t		 i, j = 0;

	split(cb_tsv_types, &t);
	types = xcalloc(t.nrows, sizeof *types);
	type_names = xcalloc(3 * t.nrows + 1, sizeof(char *));
	for (i = 0; i < t.nrows; i++) {
		ty = &types[i];
		ty->index = (int)i;
		ty->para = take(&t, i, 0);
		ty->name = take(&t, i, 1);
		ty->group = group_from(t.rows[i][2]);
		ty->forms = forms_mask(t.rows[i][3]);
		ty->mpsv_id = take(&t, i, 4);
		ty->verified = flag(&t, i, 5);
		ty->portal_id = t.rows[i][6] ? atoi(t.rows[i][6]) : 0;
		ty->abbr = take(&t, i, 7);
		if (ty->para)
			type_names[j++] = ty->para;
		type_names[j++] = ty->name;
		if (ty->abbr)
			type_names[j++] = ty->abbr;
	}
	ntypes = t.nrows;
	table_free(&t);
}

void
cb_init(void)
{
	if (loaded)
		return;
	load_items(CB_FORM, cb_tsv_forms);	/* first: the others refer to forms */
	load_items(CB_UNIT, cb_tsv_units);
	load_items(CB_TARGET, cb_tsv_targets);
	load_items(CB_AGE, cb_tsv_ages);
	load_items(CB_FUND, cb_tsv_funds);
	load_types();
	if (nitems[CB_FUND] > 16)
		abort();	/* MODEL_MAX_FUNDS in model.h is too small */
	loaded = true;
}

size_t
cb_count(enum cb_kind kind)
{
	return nitems[kind];
}

const struct cb_item *
cb_at(enum cb_kind kind, size_t i)
{
	return i < nitems[kind] ? &items[kind][i] : NULL;
}

/* Case-insensitive for ASCII and for the Czech capitals that labels start with. */
static bool
label_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (ascii_tolower((unsigned char)*a) !=
		    ascii_tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

const struct cb_item *
cb_find(enum cb_kind kind, const char *s)
{
	size_t	 i;
	const struct cb_item *it;

	if (s == NULL)
		return NULL;
	for (i = 0; i < nitems[kind]; i++) {
		it = &items[kind][i];
		if (strcmp(s, it->code) == 0 ||
		    (it->mpsv_id && strcmp(s, it->mpsv_id) == 0) ||
		    label_eq(s, it->label) || label_eq(s, it->short_label))
			return it;
	}
	return NULL;
}

const char *const *
cb_names(enum cb_kind kind)
{
	return names[kind];
}

size_t
cb_type_count(void)
{
	return ntypes;
}

const struct cb_type *
cb_type_at(size_t i)
{
	return i < ntypes ? &types[i] : NULL;
}

const struct cb_type *
cb_type_find(const char *s)
{
	size_t		 i;
	const struct cb_type *ty;
	const char	*p = s;

	if (s == NULL)
		return NULL;
	/* "§ 49", "§49", "§ 49" with a no-break space */
	if (strncmp(p, "\xc2\xa7", 2) == 0) {
		p += 2;
		while (*p == ' ' || strncmp(p, "\xc2\xa0", 2) == 0)
			p += *p == ' ' ? 1 : 2;
	}
	for (i = 0; i < ntypes; i++) {
		ty = &types[i];
		if ((ty->para && strcmp(p, ty->para) == 0) ||
		    (ty->mpsv_id && strcmp(s, ty->mpsv_id) == 0) ||
		    label_eq(s, ty->name) ||
		    (ty->abbr && strcmp(s, ty->abbr) == 0))
			return ty;
	}
	return NULL;
}

const char *const *
cb_type_names(void)
{
	return type_names;
}

const char *
cb_group_label(enum svc_group g)
{
	static const char *const labels[] = {
		"sociální poradenství", "služby sociální péče",
		"služby sociální prevence", "ostatní služby"
	};

	return labels[g];
}

const char *
cb_group_code(enum svc_group g)
{
	static const char *const codes[] = {
		"poradenstvi", "pece", "prevence", "jine"
	};

	return codes[g];
}

unsigned
cb_form_bit(const struct cb_item *form)
{
	return form != NULL && form->kind == CB_FORM ? 1u << form->index : 0;
}

const char *
cb_unit_word(const struct cb_item *unit, long long n)
{
	if (n == 1)
		return unit->one;
	if (n >= 2 && n <= 4)
		return unit->few;
	return unit->many;
}
