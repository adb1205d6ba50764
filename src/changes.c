/*
 * Differences between two catalogues (see changes.h). Each compared field
 * is rendered twice: as the text a reader sees, and as a comparison key in
 * which the order of a set does not matter. A field changed when the keys
 * differ.
 */
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "stats.h"
#include "strmap.h"
#include "typo.h"
#include "util.h"

typedef void	(*field_fn)(const struct service *, struct buf *show,
		    struct buf *key);

static void
sep(struct buf *b, const char *s)
{
	if (b->len > 0)
		buf_puts(b, s);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Shows v[0..n) in the given order and keys them sorted. */
static void
str_set(const char **v, size_t n, const char *s, struct buf *show,
    struct buf *key)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		sep(show, s);
		buf_puts(show, v[i]);
	}
	qsort(v, n, sizeof *v, cmp_str);
	for (i = 0; i < n; i++) {
		sep(key, "\n");
		buf_puts(key, v[i]);
	}
}

static void
f_name(const struct service *s, struct buf *show, struct buf *key)
{
	if (s->name.s != NULL)
		buf_puts(show, s->name.s);
	buf_puts(key, show->data != NULL ? show->data : "");
}

static void
f_provider(const struct service *s, struct buf *show, struct buf *key)
{
	const struct provider *p = s->provider;

	if (p == NULL)
		return;
	if (p->name.s != NULL)
		buf_puts(show, p->name.s);
	if (p->ico.s != NULL) {
		buf_printf(show, "%sIČO %s", show->len > 0 ? ", " : "",
		    p->ico.s);
		buf_puts(key, p->ico.s);
	} else if (p->name.s != NULL)
		buf_printf(key, "name:%s", p->name.s);
}

static void
f_type(const struct service *s, struct buf *show, struct buf *key)
{
	if (s->type == NULL)
		return;
	if (s->type->para != NULL)
		buf_printf(show, "§ %s ", s->type->para);
	buf_puts(show, s->type->name);
	buf_puts(key, show->data);
}

/* Items of a codebook kind, shown and keyed in codebook order. */
static void
code_set(const struct coderef *v, size_t n, enum cb_kind kind,
    const char *s, struct buf *show, struct buf *key)
{
	size_t	 i, j, count = cb_count(kind);

	for (i = 0; i < count; i++)
		for (j = 0; j < n; j++)
			if (v[j].item != NULL && v[j].item == cb_at(kind, i)) {
				sep(show, s);
				buf_puts(show, v[j].item->label);
				sep(key, "\n");
				buf_puts(key, v[j].item->code);
				break;
			}
}

static void
f_forms(const struct service *s, struct buf *show, struct buf *key)
{
	struct coderef	*v = xcalloc(s->nforms + 1, sizeof *v);
	size_t		 i;

	for (i = 0; i < s->nforms; i++)
		v[i].item = s->forms[i].form;
	code_set(v, s->nforms, CB_FORM, ", ", show, key);
	free(v);
}

static void
f_capacity(const struct service *s, struct buf *show, struct buf *key)
{
	long long		 cap[STATS_MAX_UNITS];
	unsigned		 mask = stats_service_caps(s, cap);
	const struct cb_item	*u;
	size_t			 i;

	for (i = 0; i < cb_count(CB_UNIT) && i < STATS_MAX_UNITS; i++) {
		if (!(mask & (1u << i)))
			continue;
		u = cb_at(CB_UNIT, i);
		sep(show, ", ");
		typo_fmt_number(show, cap[i], 0, false);
		buf_printf(show, " %s", cb_unit_word(u, cap[i]));
		buf_printf(key, "%s=%lld;", u->code, cap[i]);
	}
}

static void
f_targets(const struct service *s, struct buf *show, struct buf *key)
{
	code_set(s->targets, s->ntargets, CB_TARGET, "; ", show, key);
}

static void
f_ages(const struct service *s, struct buf *show, struct buf *key)
{
	code_set(s->ages, s->nages, CB_AGE, "; ", show, key);
}

static void
f_munis(const struct service *s, struct buf *show, struct buf *key)
{
	const char	**v = xcalloc(s->nplaces + 1, sizeof *v);

	str_set(v, stats_service_munis(s, v), ", ", show, key);
	free(v);
}

static void
f_area(const struct service *s, struct buf *show, struct buf *key)
{
	const char	**v;
	size_t		  i, n = 0;

	if (s->narea_municipalities == 0) {
		if (s->area.s != NULL) {
			buf_puts(show, s->area.s);
			buf_puts(key, s->area.s);
		}
		return;
	}
	v = xcalloc(s->narea_municipalities, sizeof *v);
	for (i = 0; i < s->narea_municipalities; i++)
		if (s->area_municipalities[i].s != NULL)
			v[n++] = s->area_municipalities[i].s;
	str_set(v, n, ", ", show, key);
	free(v);
}

static void
f_fee(const struct service *s, struct buf *show, struct buf *key)
{
	static const char *const words[] = {
		"", "zdarma", "placená", "částečně placená"
	};

	buf_puts(show, words[s->fee]);
	buf_puts(key, words[s->fee]);
}

static const struct field {
	const char	*name;
	field_fn	 fn;
} fields[] = {
	{ "název",		f_name },
	{ "poskytovatel",	f_provider },
	{ "druh",		f_type },
	{ "formy",		f_forms },
	{ "kapacita",		f_capacity },
	{ "cílové skupiny",	f_targets },
	{ "věkové skupiny",	f_ages },
	{ "obce poskytování",	f_munis },
	{ "územní působnost",	f_area },
	{ "úhrada",		f_fee },
};

char *
changes_field_text(const struct service *s, const char *field)
{
	struct buf	 show = { 0 }, key = { 0 };
	size_t		 i;

	for (i = 0; i < NELEM(fields); i++)
		if (strcmp(fields[i].name, field) == 0)
			break;
	if (i == NELEM(fields))
		return NULL;
	buf_puts(&show, "");
	fields[i].fn(s, &show, &key);
	buf_free(&key);
	return buf_steal(&show);
}

/* ---- the comparison -------------------------------------------------- */

static struct change *
add(struct changes *ch, enum change_kind kind, const struct service *now,
    const struct service *before)
{
	struct change	*c;

	if (ch->n == ch->cap)
		grow(&ch->v, &ch->cap, ch->n + 1, sizeof *ch->v);
	c = &ch->v[ch->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->now = now;
	c->before = before;
	return c;
}

/* Adds a row per field that differs; true when any did. */
static bool
compare(struct changes *ch, const struct service *now,
    const struct service *before)
{
	struct buf	 s1 = { 0 }, k1 = { 0 }, s2 = { 0 }, k2 = { 0 };
	struct change	*c;
	size_t		 i;
	bool		 any = false;

	for (i = 0; i < NELEM(fields); i++) {
		buf_reset(&s1);
		buf_reset(&k1);
		buf_reset(&s2);
		buf_reset(&k2);
		buf_puts(&s1, "");
		buf_puts(&k1, "");
		buf_puts(&s2, "");
		buf_puts(&k2, "");
		fields[i].fn(before, &s1, &k1);
		fields[i].fn(now, &s2, &k2);
		if (strcmp(k1.data, k2.data) == 0)
			continue;
		c = add(ch, CHANGE_FIELD, now, before);
		c->field = fields[i].name;
		c->was = xstrdup(s1.data);
		c->is = xstrdup(s2.data);
		any = true;
	}
	buf_free(&s1);
	buf_free(&k1);
	buf_free(&s2);
	buf_free(&k2);
	return any;
}

static int
field_index(const char *name)
{
	int	 i;

	for (i = 0; i < (int)NELEM(fields); i++)
		if (fields[i].name == name)
			return i;
	return -1;
}

static int
type_order(const struct service *s)
{
	return s->type != NULL ? s->type->index : 1 << 20;
}

static int
cmp_change(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	const struct service *sx = x->now != NULL ? x->now : x->before;
	const struct service *sy = y->now != NULL ? y->now : y->before;
	int	 r;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if ((r = type_order(sx) - type_order(sy)) != 0)
		return r;
	if ((r = strcmp(sx->ident.s, sy->ident.s)) != 0)
		return r;
	/* fields of one service keep the table's order */
	return field_index(x->field) - field_index(y->field);
}

/* Maps the identifikátory of c's live services to the services. */
static struct strmap *
index_idents(const struct catalogue *c)
{
	struct strmap	*m = strmap_new();
	size_t		 i;

	for (i = 0; i < c->nservices; i++)
		if (!c->services[i]->dropped &&
		    c->services[i]->ident.s != NULL)
			strmap_put(m, c->services[i]->ident.s,
			    c->services[i]);
	return m;
}

struct changes *
changes_compute(const struct catalogue *now, const struct catalogue *before)
{
	struct changes	*ch = xcalloc(1, sizeof *ch);
	struct strmap	*inow = index_idents(now);
	struct strmap	*ibefore = index_idents(before);
	struct service	*s, *t;
	size_t		 i;

	for (i = 0; i < now->nservices; i++) {
		s = now->services[i];
		if (s->dropped || s->ident.s == NULL ||
		    strmap_get(inow, s->ident.s) != s)
			continue;
		if ((t = strmap_get(ibefore, s->ident.s)) == NULL) {
			add(ch, CHANGE_NEW, s, NULL);
			ch->nnew++;
		} else if (compare(ch, s, t))
			ch->nchanged++;
	}
	for (i = 0; i < before->nservices; i++) {
		t = before->services[i];
		if (t->dropped || t->ident.s == NULL ||
		    strmap_get(ibefore, t->ident.s) != t)
			continue;
		if (strmap_get(inow, t->ident.s) == NULL) {
			add(ch, CHANGE_ENDED, NULL, t);
			ch->nended++;
		}
	}
	if (ch->n > 1)
		qsort(ch->v, ch->n, sizeof *ch->v, cmp_change);
	strmap_free(inow);
	strmap_free(ibefore);
	return ch;
}

void
changes_free(struct changes *ch)
{
	size_t	 i;

	if (ch == NULL)
		return;
	for (i = 0; i < ch->n; i++) {
		free(ch->v[i].was);
		free(ch->v[i].is);
	}
	free(ch->v);
	free(ch);
}
