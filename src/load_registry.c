/*
 * MPSV registry of social services (rpss.json, about 100 MB, one item per
 * registered service under the root key "polozky"), streamed: each item is
 * parsed into a scratch arena, filtered, mapped into the catalogue (strings
 * are copied with model_str) and the arena is reset. Memory therefore grows
 * with what is kept, not with the file.
 *
 * The loader copies only the fields it knows (a whitelist), so personal data
 * in the registry — statutory bodies of providers, heads of facilities —
 * can never reach the model; the statutory entries left out are counted in
 * one note per file.
 *
 * Items outside the territory or not active on the filter date are counted
 * and skipped before anything about them is checked: a coordinator of one
 * ORP is not told about problems in records of the rest of the country.
 * Everything that is reported per file (filter counts, codes that could not
 * be mapped, missing codebooks) is one message, not one per record.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "json.h"
#include "load.h"
#include "strmap.h"
#include "tree.h"
#include "util.h"

/* One item of an MPSV codebook file. */
struct cbentry {
	const char	*id;	/* "Obec/588296" */
	const char	*name;	/* "Kroměříž" */
	const char	*code;	/* kodNuts3, kodLau or kod; NULL if none */
};

struct cbtable {
	struct cbentry	*v;
	size_t		 n, cap;
	struct strmap	*byid;
};

enum cbfile { T_KRAJ, T_OKRES, T_OBEC, T_CAST, T_TARGET, T_AGE, T__MAX };

static const struct {
	const char	*name;		/* file in the codebook folder */
	const char	*codekey;	/* official code next to the id */
	bool		 optional;	/* no message when it is missing */
} cbfiles[T__MAX] = {
	[T_KRAJ]	= { "kraje.json", "kodNuts3", false },
	[T_OKRES]	= { "okresy.json", "kodLau", false },
	[T_OBEC]	= { "obce.json", "kod", false },
	[T_CAST]	= { "casti-obci.json", NULL, true },
	[T_TARGET]	= { "cilove-skupiny-osoby.json", NULL, false },
	[T_AGE]		= { "vekove-skupiny-osoby.json", NULL, false },
};

/* A code that could not be mapped, reported once per file with a count. */
struct unknown {
	const char	*what;	/* "target group" */
	const char	*id;
	struct srcpos	 pos;	/* first occurrence */
	int		 count;
};

struct ctx {
	struct catalogue	*c;
	struct diag		*d;
	const struct load_opts	*o;
	const char		*file;		/* interned */
	const char		*cbdir;		/* codebook folder, or NULL */
	struct arena		*tmp;		/* lives for one load */
	struct cbtable		 cb[T__MAX];
	/* Territory: registry ids per level; NULL = level not filtered. */
	struct strmap		*fkraje, *fokresy, *fobce;
	bool			 territory;
	struct strmap		*providers;	/* IČO (or name) → provider */
	struct strmap		*groups[2];	/* age, target: id → item */
	struct strmap		*unknown_idx;
	struct unknown		*unknown;
	size_t			 nunknown, capunknown;
	/* Counts for the notes at the end. */
	size_t			 items, kept, outside, inactive, unusable;
	size_t			 ended_places, outside_places, repeated_places;
	size_t			 statutory, statutory_providers;
	bool			 names_missing;
};

/* Small helpers over the item tree */

static const char *
text(struct ctx *x, struct node *n, const char *field)
{
	return tree_string(n, x->d, field, true);
}

/* The "id" of a {"id": "..."} object such as druhSocialniSluzby. */
static struct node *
id_node(struct node *obj)
{
	struct node	*n = tree_get(obj, "id");

	return n != NULL && (n->kind == N_STRING || n->kind == N_NUMBER) ?
	    n : NULL;
}

static const char *
id_of(struct node *obj)
{
	struct node	*n = id_node(obj);

	return n != NULL ? n->str : NULL;
}

/* Copies a text value into the catalogue, trimmed; absent if empty. */
static struct str
copy(struct ctx *x, struct node *n, const char *field)
{
	struct str	 s = { NULL, { NULL, 0, 0 } };
	const char	*v = text(x, n, field);
	size_t		 len;

	if (v == NULL)
		return s;
	v = trim_space(v, strlen(v), &len);
	if (len == 0)
		return s;
	s.s = arena_strndup(x->c->arena, v, len);
	s.pos = n->pos;
	return s;
}

static struct str
copy_text(struct ctx *x, const char *v, const struct srcpos *pos)
{
	return model_str(x->c, v, pos);
}

/* Registry dates are "2007-01-01", sometimes with a time after a T. */
static bool
reg_date(const char *s, struct date *out)
{
	char	 day[11];

	if (s == NULL)
		return false;
	if (strlen(s) > 10 && s[10] == 'T') {
		memcpy(day, s, 10);
		day[10] = '\0';
		s = day;
	}
	return date_parse(s, out);
}

/* A date for filtering: malformed ones count as absent (reported later). */
static bool
node_date(struct node *n, struct date *out)
{
	memset(out, 0, sizeof *out);
	return n != NULL && n->kind == N_STRING && reg_date(n->str, out);
}

/* Active on day: from <= day and (no end or end >= day). */
static bool
active_on(struct node *from, struct node *to, const struct date *day)
{
	struct date	 f, t;

	if (node_date(from, &f) && date_cmp(&f, day) > 0)
		return false;
	if (node_date(to, &t) && date_cmp(&t, day) < 0)
		return false;
	return true;
}

/* Unknown codes */

static void
unknown_code(struct ctx *x, const char *what, const char *id,
    const struct srcpos *pos)
{
	char		 key[256];
	struct unknown	*u;
	void		*v;

	snprintf(key, sizeof key, "%s|%s", what, id);
	if ((v = strmap_get(x->unknown_idx, key)) != NULL) {
		x->unknown[(uintptr_t)v - 1].count++;
		return;
	}
	grow(&x->unknown, &x->capunknown, x->nunknown + 1, sizeof *x->unknown);
	u = &x->unknown[x->nunknown++];
	u->what = what;
	u->id = arena_strdup(x->tmp, id);
	u->pos = *pos;
	u->count = 1;
	strmap_put(x->unknown_idx, arena_strdup(x->tmp, key),
	    (void *)(uintptr_t)x->nunknown);
}

static void
report_unknown(struct ctx *x)
{
	size_t		 i;
	struct unknown	*u;
	const char	*hint;

	for (i = 0; i < x->nunknown; i++) {
		u = &x->unknown[i];
		hint = "";
		if (x->cbdir == NULL && (strcmp(u->what, "target group") == 0 ||
		    strcmp(u->what, "age group") == 0))
			hint = "; the MPSV codebook files (ciselniky: in the "
			    "edition) map such ids by name";
		if (u->count == 1)
			diag_at_level(x->d, D_UNKNOWN_CODE, DIAG_WARNING,
			    &u->pos, "unknown %s id %s; value dropped%s",
			    u->what, dq(x->d, u->id), hint);
		else
			diag_at_level(x->d, D_UNKNOWN_CODE, DIAG_WARNING,
			    &u->pos, "unknown %s id %s (%d times in this "
			    "file); values dropped%s", u->what,
			    dq(x->d, u->id), u->count, hint);
	}
}

/* MPSV codebook files */

/* "nazev" is a plain string or {"cs": "..."}. */
static const char *
cb_label(struct node *item)
{
	struct node	*n = tree_get(item, "nazev");

	if (n != NULL && n->kind == N_OBJECT)
		n = tree_get(n, "cs");
	return n != NULL && n->kind == N_STRING ? n->str : NULL;
}

static void
cb_add(struct ctx *x, struct cbtable *t, const char *id, const char *name,
    const char *code)
{
	struct cbentry	*e;

	grow(&t->v, &t->cap, t->n + 1, sizeof *t->v);
	e = &t->v[t->n++];
	e->id = arena_strdup(x->tmp, id);
	e->name = name ? arena_strdup(x->tmp, name) : NULL;
	e->code = code ? arena_strdup(x->tmp, code) : NULL;
}

/* Reads one codebook file; false (reported unless optional) if absent. */
static bool
cb_load(struct ctx *x, const char *dir, enum cbfile which)
{
	struct cbtable	*t = &x->cb[which];
	struct arena	*a;
	struct node	*root, *items, *it, *code;
	struct buf	 path = { 0 };
	char		*data;
	size_t		 len, i;

	buf_printf(&path, "%s/%s", dir, cbfiles[which].name);
	if ((data = read_file(path.data, &len)) == NULL) {
		if (!cbfiles[which].optional)
			diag_at_level(x->d, D_IO, DIAG_WARNING, NULL,
			    "cannot read the MPSV codebook %s: %s; the names "
			    "it holds stay empty", path.data, strerror(errno));
		buf_free(&path);
		return false;
	}
	a = arena_new();
	root = json_parse(a, path.data, data, len, x->d);
	items = tree_get(root, "polozky");
	if (root != NULL && (items == NULL || items->kind != N_ARRAY))
		diag(x->d, D_MISSING_FIELD, &root->pos, "an MPSV codebook "
		    "needs a list „polozky“; codebook ignored");
	else if (items != NULL)
		for (i = 0; i < items->n; i++) {
			it = items->items[i];
			if (id_of(it) == NULL)
				continue;
			code = cbfiles[which].codekey ?
			    tree_get(it, cbfiles[which].codekey) : NULL;
			cb_add(x, t, id_of(it), cb_label(it), code != NULL &&
			    (code->kind == N_STRING || code->kind == N_NUMBER) ?
			    code->str : NULL);
		}
	t->byid = strmap_new();
	for (i = 0; i < t->n; i++)
		strmap_put(t->byid, t->v[i].id, &t->v[i]);
	arena_free(a);
	free(data);
	buf_free(&path);
	return t->n > 0;
}

static const struct cbentry *
cb_get(const struct ctx *x, enum cbfile which, const char *id)
{
	return x->cb[which].byid != NULL && id != NULL ?
	    strmap_get(x->cb[which].byid, id) : NULL;
}

static bool
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
load_codebooks(struct ctx *x, const char *dir)
{
	int	 i;

	x->cbdir = dir;
	for (i = 0; i < T__MAX; i++)
		cb_load(x, dir, (enum cbfile)i);
}

/*
 * Codebook labels and ours may differ in spacing and dashes ("65 - 80 let"
 * and "65–80 let"): compare them loosely. ASCII case is ignored.
 */
static void
loose(const char *s, struct buf *b)
{
	bool	 space = false;

	buf_reset(b);
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t') {
			space = true;
			continue;
		}
		if (strncmp(s, "\xe2\x80\x93", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x94", 3) == 0 || *s == '-') {
			/* no spaces around a dash */
			buf_putc(b, '-');
			s += *s == '-' ? 0 : 2;
			space = false;
			while (s[1] == ' ')
				s++;
			continue;
		}
		if (space && b->len > 0 && b->data[b->len - 1] != '-')
			buf_putc(b, ' ');
		space = false;
		buf_putc(b, (char)ascii_tolower((unsigned char)*s));
	}
	buf_str(b);
}

static const struct cb_item *
cb_find_loose(enum cb_kind kind, const char *label)
{
	const struct cb_item *it;
	struct buf	 a = { 0 }, b = { 0 };
	size_t		 i;

	if ((it = cb_find(kind, label)) != NULL)
		return it;
	loose(label, &a);
	for (i = 0; i < cb_count(kind) && it == NULL; i++) {
		loose(cb_at(kind, i)->label, &b);
		if (strcmp(a.data, b.data) == 0)
			it = cb_at(kind, i);
	}
	buf_free(&a);
	buf_free(&b);
	return it;
}

/*
 * Maps a registry id of a target or age group to our codebook item. With
 * the MPSV codebook the label decides (our compiled-in ids are partly
 * inferred); without it, our own MPSV id.
 */
static const struct cb_item *
map_group(struct ctx *x, enum cb_kind kind, enum cbfile file,
    struct node *idn)
{
	static const struct cb_item unknown;	/* cached "not found" */
	struct strmap		*cache = x->groups[kind == CB_TARGET];
	const struct cbentry	*e;
	const struct cb_item	*it;

	/* The same few dozen ids recur in every record: look each up once. */
	if ((it = strmap_get(cache, idn->str)) == NULL) {
		e = cb_get(x, file, idn->str);
		it = NULL;
		if (e != NULL && e->name != NULL)
			it = cb_find_loose(kind, e->name);
		if (it == NULL && (it = cb_find(kind, idn->str)) != NULL &&
		    e != NULL && !it->verified)
			it = NULL;	/* the codebook says otherwise */
		if (it == NULL)
			it = &unknown;
		strmap_put(cache, arena_strdup(x->tmp, idn->str),
		    (void *)(uintptr_t)it);
	}
	if (it != &unknown)
		return it;
	unknown_code(x, kind == CB_TARGET ? "target group" : "age group",
	    idn->str, &idn->pos);
	return NULL;
}

/* Territory filters */

/* "Kraj/141", "141", or a NUTS/LAU code or name through the codebook. */
static void
resolve_filter(struct ctx *x, enum cbfile which, const char *prefix,
    const char *value, struct strmap *set)
{
	struct cbtable	*t = &x->cb[which];
	struct buf	 id = { 0 };
	size_t		 i, found = 0, lp = strlen(prefix);
	const char	*what = which == T_KRAJ ? "kraj" : which == T_OKRES ?
	    "okres" : "obec";

	if (strncmp(value, prefix, lp) == 0 &&
	    all_digits(value + lp, strlen(value + lp))) {
		strmap_put(set, arena_strdup(x->tmp, value), set);
		return;
	}
	if (all_digits(value, strlen(value))) {
		buf_printf(&id, "%s%s", prefix, value);
		strmap_put(set, arena_strdup(x->tmp, id.data), set);
		buf_free(&id);
		return;
	}
	for (i = 0; i < t->n; i++)
		if ((t->v[i].code && strcmp(t->v[i].code, value) == 0) ||
		    (t->v[i].name && strcmp(t->v[i].name, value) == 0)) {
			strmap_put(set, t->v[i].id, set);
			found++;
		}
	if (found > 0)
		return;
	if (t->byid == NULL)
		diag(x->d, D_UNKNOWN_CODE, &(struct srcpos){ x->file, 0, 0 },
		    "the %s filter %s can only be matched with the MPSV "
		    "codebook %s (ciselniky: in the edition); write the "
		    "registry id, e.g. „%s%s“, instead; nothing matches it",
		    what, dq(x->d, value), cbfiles[which].name, prefix,
		    which == T_KRAJ ? "141" : which == T_OKRES ? "3708" :
		    "588296");
	else
		diag(x->d, D_UNKNOWN_CODE, &(struct srcpos){ x->file, 0, 0 },
		    "the %s filter %s is not in the MPSV codebook %s; nothing "
		    "matches it", what, dq(x->d, value), cbfiles[which].name);
}

static struct strmap *
filter_set(struct ctx *x, enum cbfile which, const char *prefix,
    const char **values, size_t n)
{
	struct strmap	*set;
	size_t		 i;

	if (n == 0)
		return NULL;
	set = strmap_new();
	for (i = 0; i < n; i++)
		if (values[i] != NULL)
			resolve_filter(x, which, prefix, values[i], set);
	x->territory = true;
	return set;
}

static bool
in_set(struct strmap *set, struct node *addr, const char *key)
{
	const char	*id;

	if (set == NULL)
		return true;
	id = id_of(tree_get(addr, key));
	return id != NULL && strmap_get(set, id) != NULL;
}

/* An address is in the territory when it matches every level filtered. */
static bool
in_territory(struct ctx *x, struct node *addr)
{
	if (!x->territory)
		return true;
	if (addr == NULL || addr->kind != N_OBJECT)
		return false;
	return in_set(x->fkraje, addr, "kraj") &&
	    in_set(x->fokresy, addr, "okres") && in_set(x->fobce, addr, "obec");
}

/* Mapping: addresses and contacts */

/* Looks up a territorial id's name; counts what cannot be named. */
static struct str
place_name(struct ctx *x, enum cbfile which, struct node *ref,
    const char *what, const char **code)
{
	struct node	*idn = id_node(ref);
	const struct cbentry *e;

	if (code != NULL)
		*code = NULL;
	if (idn == NULL)
		return copy_text(x, NULL, NULL);
	if (x->cb[which].byid == NULL) {
		if (which != T_CAST)
			x->names_missing = true;
		return copy_text(x, NULL, NULL);
	}
	if ((e = cb_get(x, which, idn->str)) == NULL) {
		unknown_code(x, what, idn->str, &idn->pos);
		return copy_text(x, NULL, NULL);
	}
	if (code != NULL)
		*code = e->code;
	return copy_text(x, e->name, &idn->pos);
}

static void
map_address(struct ctx *x, struct node *n, struct address *a)
{
	struct node	*v;
	const char	*id, *nuts;

	if (n == NULL || n->kind != N_OBJECT)
		return;
	a->present = true;
	a->pos = n->pos;
	a->street = copy(x, tree_get(tree_get(n, "ulice"), "nazev"), "ulice");
	a->house = copy(x, tree_get(n, "cisloDomovni"), "cisloDomovni");
	/* TypStavebnihoObjektu/1 is číslo popisné; the other kind evidenční. */
	id = id_of(tree_get(n, "typCislaDomovniho"));
	a->evidence = id != NULL && strcmp(id, "TypStavebnihoObjektu/1") != 0;
	a->orient = copy(x, tree_get(n, "cisloOrientacni"), "cisloOrientacni");
	a->psc = copy(x, tree_get(n, "psc"), "psc");
	a->note = copy(x, tree_get(n, "dodatekAdresy"), "dodatekAdresy");
	if ((v = id_node(tree_get(n, "obec"))) != NULL) {
		id = strncmp(v->str, "Obec/", 5) == 0 ? v->str + 5 : v->str;
		a->municipality_code = copy_text(x, id, &v->pos);
	}
	a->municipality = place_name(x, T_OBEC, tree_get(n, "obec"),
	    "municipality", NULL);
	a->part = place_name(x, T_CAST, tree_get(n, "castObce"),
	    "part of municipality", NULL);
	/* Praha has no okres: the field is null there. */
	a->district = place_name(x, T_OKRES, tree_get(n, "okres"), "district",
	    NULL);
	a->region = place_name(x, T_KRAJ, tree_get(n, "kraj"), "region", &nuts);
	if (nuts != NULL)
		a->region_code = copy_text(x, nuts, &a->region.pos);
	if ((v = tree_get(n, "kodAdresnihoMista")) != NULL) {
		if (v->kind == N_NUMBER && all_digits(v->str, v->len) &&
		    v->len <= 12)
			a->ruian = strtoll(v->str, NULL, 10);
		else if (v->kind == N_STRING && all_digits(v->str, v->len) &&
		    v->len <= 12)
			a->ruian = strtoll(v->str, NULL, 10);
		else
			diag(x->d, D_BAD_VALUE, &v->pos, "kodAdresnihoMista "
			    "must be a number (RÚIAN address code); value "
			    "dropped");
	}
}

/* Reads [{"email": "..."}, ...] (plain strings are accepted too). */
static void
map_list(struct ctx *x, struct node *arr, const char *key, struct str **out,
    size_t *nout)
{
	struct node	*it;
	struct str	 s;
	size_t		 i;

	*out = NULL;
	*nout = 0;
	if (!tree_expect(arr, N_ARRAY, x->d, key) || arr->n == 0)
		return;
	*out = model_array(x->c, arr->n, sizeof **out);
	for (i = 0; i < arr->n; i++) {
		it = arr->items[i];
		if (it->kind == N_OBJECT)
			it = tree_get(it, key);
		s = copy(x, it, key);
		if (s.s != NULL)
			(*out)[(*nout)++] = s;
	}
}

static void
map_contacts(struct ctx *x, struct node *n, struct contacts *ct)
{
	map_list(x, tree_get(n, "telefony"), "telefon", &ct->phones,
	    &ct->nphones);
	map_list(x, tree_get(n, "emaily"), "email", &ct->emails,
	    &ct->nemails);
	map_list(x, tree_get(n, "weby"), "web", &ct->webs, &ct->nwebs);
}

/* Providers, one per IČO within a load */

static struct provider *
map_provider(struct ctx *x, struct node *n, struct str *ref)
{
	struct provider	*p;
	struct str	 ico, name;
	struct node	*st;
	const char	*key;

	memset(ref, 0, sizeof *ref);
	if (!tree_expect(n, N_OBJECT, x->d, "poskytovatel"))
		return NULL;
	ico = copy(x, tree_get(n, "ico"), "ico");
	name = copy(x, tree_get(n, "nazev"), "nazev");
	key = ico.s != NULL ? ico.s : name.s;
	if (key == NULL) {
		diag(x->d, D_MISSING_FIELD, &n->pos, "the provider has neither "
		    "ico nor nazev; the service cannot name its provider");
		return NULL;
	}
	*ref = ico.s != NULL ? ico : name;
	if ((p = strmap_get(x->providers, key)) != NULL)
		return p;
	p = model_add_provider(x->c);
	p->input = x->o->input;
	p->key = *ref;
	p->name = name;
	p->ico = ico;
	p->dic = copy(x, tree_get(n, "dic"), "dic");
	p->pos = n->pos;
	map_address(x, tree_get(n, "adresa"), &p->seat);
	map_contacts(x, n, &p->contacts);
	strmap_put(x->providers, key, p);
	/* Counted, never read: names of persons stay out of the model. */
	st = tree_get(n, "statutarniOrgany");
	if (st != NULL && st->kind == N_ARRAY && st->n > 0) {
		x->statutory += st->n;
		x->statutory_providers++;
	}
	return p;
}

/* Forms, capacities, groups */

static bool
whole_number(struct node *n, long long *v)
{
	if (n == NULL || n->kind != N_NUMBER || n->str[0] == '-' ||
	    !all_digits(n->str, n->len) || n->len > 15)
		return false;
	*v = strtoll(n->str, NULL, 10);
	return true;
}

static void
map_capacities(struct ctx *x, struct node *arr, struct service_form *f)
{
	struct node	*k, *idn, *cnt;
	struct capacity	*cap;
	size_t		 i;

	if (!tree_expect(arr, N_ARRAY, x->d, "kapacity") || arr->n == 0)
		return;
	f->caps = model_array(x->c, arr->n, sizeof *f->caps);
	for (i = 0; i < arr->n; i++) {
		k = arr->items[i];
		if (!tree_expect(k, N_OBJECT, x->d, "a capacity"))
			continue;
		if ((cnt = tree_get(k, "pocet")) == NULL)
			continue;	/* nothing to show */
		cap = &f->caps[f->ncaps];
		if (!whole_number(cnt, &cap->count)) {
			diag(x->d, D_CAPACITY_VALUE, &cnt->pos, "capacity "
			    "„pocet“ must be a whole number, not %s; capacity "
			    "dropped", cnt->str ? dq(x->d, cnt->str) :
			    node_kind_name(cnt->kind));
			continue;
		}
		if ((idn = id_node(tree_get(k, "typ"))) == NULL) {
			diag(x->d, D_MISSING_FIELD, &k->pos, "capacity without "
			    "its unit (typ); capacity dropped");
			continue;
		}
		if ((cap->unit = cb_find(CB_UNIT, idn->str)) == NULL) {
			unknown_code(x, "capacity unit", idn->str, &idn->pos);
			continue;
		}
		cap->note = copy(x, tree_get(k, "popis"), "popis");
		cap->pos = k->pos;
		f->ncaps++;
	}
}

/*
 * Capacity stays per registration and form, as the registry records it:
 * it is never multiplied or summed over facilities.
 */
static void
map_forms(struct ctx *x, struct node *arr, struct service *s)
{
	struct node	*f, *idn, *nonstop;
	struct service_form *sf;
	size_t		 i;

	if (!tree_expect(arr, N_ARRAY, x->d, "formy") || arr->n == 0)
		return;
	s->forms = model_array(x->c, arr->n, sizeof *s->forms);
	for (i = 0; i < arr->n; i++) {
		f = arr->items[i];
		if (!tree_expect(f, N_OBJECT, x->d, "a form"))
			continue;
		nonstop = tree_get(f, "nepretrzitePoskytovani");
		if (nonstop != NULL && nonstop->kind == N_BOOL && nonstop->b) {
			s->hours.present = true;
			s->hours.nonstop = true;
		}
		if ((idn = id_node(tree_get(f, "forma"))) == NULL) {
			diag(x->d, D_MISSING_FIELD, &f->pos, "form of "
			    "provision without its id (forma.id); form "
			    "dropped");
			continue;
		}
		sf = &s->forms[s->nforms];
		if ((sf->form = cb_find(CB_FORM, idn->str)) == NULL) {
			unknown_code(x, "form of provision", idn->str,
			    &idn->pos);
			continue;
		}
		sf->pos = idn->pos;
		map_capacities(x, tree_get(f, "kapacity"), sf);
		s->nforms++;
	}
}

static void
map_groups(struct ctx *x, struct node *arr, const char *field,
    const char *inner, enum cb_kind kind, enum cbfile file,
    struct coderef **out, size_t *nout)
{
	struct node	*idn;
	size_t		 i;

	if (!tree_expect(arr, N_ARRAY, x->d, field) || arr->n == 0)
		return;
	*out = model_array(x->c, arr->n, sizeof **out);
	for (i = 0; i < arr->n; i++) {
		if ((idn = id_node(tree_get(arr->items[i], inner))) == NULL)
			continue;
		(*out)[*nout].item = map_group(x, kind, file, idn);
		if ((*out)[*nout].item == NULL)
			continue;
		(*out)[*nout].pos = idn->pos;
		(*nout)++;
	}
}

static struct date
map_date(struct ctx *x, struct node *n, const char *field)
{
	struct date	 dt;
	const char	*v = text(x, n, field);

	memset(&dt, 0, sizeof dt);
	if (v == NULL)
		return dt;
	if (!reg_date(v, &dt)) {
		diag(x->d, D_DATE_FORMAT, &n->pos, "%s %s is not a valid date; "
		    "value dropped", field, dq(x->d, v));
		memset(&dt, 0, sizeof dt);
		return dt;
	}
	dt.pos = n->pos;
	return dt;
}

/* Places */

static bool
same_text(struct node *a, struct node *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->kind == b->kind && a->len == b->len &&
	    (a->str == NULL || memcmp(a->str, b->str, a->len) == 0);
}

/* The same facility repeated: same name, address point and dates. */
static bool
same_facility(struct node *a, struct node *b)
{
	return same_text(tree_get(a, "nazev"), tree_get(b, "nazev")) &&
	    same_text(tree_get(tree_get(a, "adresa"), "kodAdresnihoMista"),
	    tree_get(tree_get(b, "adresa"), "kodAdresnihoMista")) &&
	    same_text(tree_get(a, "poskytujeOd"), tree_get(b, "poskytujeOd")) &&
	    same_text(tree_get(a, "poskytujeDo"), tree_get(b, "poskytujeDo"));
}

/*
 * The facilities to keep: active on the filter date, not repeats; with a
 * territory, only those inside it. Returns how many are left in keep[].
 * *any tells whether the item lists facilities at all.
 */
static size_t
select_facilities(struct ctx *x, struct node *arr, struct node **keep,
    bool *any, size_t *ended, size_t *outside, size_t *repeated)
{
	struct node	*z;
	size_t		 i, j, n = 0;

	*any = false;
	if (arr == NULL || arr->kind != N_ARRAY)
		return 0;
	for (i = 0; i < arr->n; i++) {
		z = arr->items[i];
		if (z->kind != N_OBJECT)
			continue;
		*any = true;
		if (x->o->active_on.y != 0 &&
		    !active_on(tree_get(z, "poskytujeOd"),
		    tree_get(z, "poskytujeDo"), &x->o->active_on)) {
			(*ended)++;
			continue;
		}
		for (j = 0; j < n; j++)
			if (same_facility(keep[j], z))
				break;
		if (j < n) {
			(*repeated)++;
			continue;
		}
		if (!in_territory(x, tree_get(z, "adresa"))) {
			(*outside)++;
			continue;
		}
		keep[n++] = z;
	}
	return n;
}

/* Contact addresses, used as places when the item lists no facility. */
static size_t
select_contact_places(struct ctx *x, struct node *arr, struct node **keep,
    size_t *outside)
{
	struct node	*k;
	size_t		 i, n = 0;

	if (arr == NULL || arr->kind != N_ARRAY)
		return 0;
	for (i = 0; i < arr->n; i++) {
		k = arr->items[i];
		if (k->kind != N_OBJECT || tree_get(k, "adresa") == NULL)
			continue;
		if (!in_territory(x, tree_get(k, "adresa"))) {
			(*outside)++;
			continue;
		}
		keep[n++] = k;
	}
	return n;
}

static void
map_places(struct ctx *x, struct service *s, struct node **v, size_t n)
{
	struct place	*pl;
	size_t		 i;

	if (n == 0)
		return;
	s->places = model_array(x->c, n, sizeof *s->places);
	for (i = 0; i < n; i++) {
		pl = &s->places[s->nplaces++];
		pl->name = copy(x, tree_get(v[i], "nazev"), "nazev");
		map_address(x, tree_get(v[i], "adresa"), &pl->addr);
		pl->pos = v[i]->pos;
	}
}

/* One item */

/* Problems that make the record unusable; reported, returns false. */
static bool
usable(struct ctx *x, struct node *it, const struct cb_type **type,
    struct srcpos *type_pos)
{
	struct node	*druh, *idn;

	if (tree_get(it, "identifikator") == NULL &&
	    tree_get(it, "portalId") == NULL) {
		diag(x->d, D_MISSING_FIELD, &it->pos, "registry record has "
		    "neither identifikator nor portalId; record dropped");
		return false;
	}
	druh = tree_get(it, "druhSocialniSluzby");
	if ((idn = id_node(druh)) == NULL) {
		diag(x->d, D_MISSING_FIELD, druh ? &druh->pos : &it->pos,
		    "registry record has no type of service "
		    "(druhSocialniSluzby.id); record dropped");
		return false;
	}
	if ((*type = cb_type_find(idn->str)) == NULL) {
		diag(x->d, D_UNKNOWN_CODE, &idn->pos, "unknown type of service "
		    "%s; record dropped", dq(x->d, idn->str));
		return false;
	}
	*type_pos = idn->pos;
	return true;
}

/*
 * A copy of a provider's contact list for a service: the service's list is
 * its own (validation replaces and shortens lists), the strings are shared.
 */
static void
inherit(struct ctx *x, const struct str *from, size_t n, struct str **to,
    size_t *nto)
{
	if (*nto > 0 || n == 0)
		return;
	*to = model_array(x->c, n, sizeof **to);
	memcpy(*to, from, n * sizeof **to);
	*nto = n;
}

/*
 * Contacts: the service's own; for each kind (phones, e-mails, webs) the
 * service lacks, the provider's. The registry keeps contacts at both levels
 * and many services list none of their own (DOMAIN.md §1.4).
 */
static void
contacts_with_fallback(struct ctx *x, struct node *it, struct service *s,
    const struct provider *p)
{
	map_contacts(x, it, &s->contacts);
	if (p == NULL)
		return;
	inherit(x, p->contacts.phones, p->contacts.nphones,
	    &s->contacts.phones, &s->contacts.nphones);
	inherit(x, p->contacts.emails, p->contacts.nemails,
	    &s->contacts.emails, &s->contacts.nemails);
	inherit(x, p->contacts.webs, p->contacts.nwebs, &s->contacts.webs,
	    &s->contacts.nwebs);
}

static void
map_service(struct ctx *x, struct node *it, const struct cb_type *type,
    const struct srcpos *type_pos, struct node **places, size_t nplaces)
{
	struct service	*s = model_add_service(x->c);
	struct provider	*p;
	struct node	*portal;
	struct buf	 b = { 0 };

	s->origin = "registry";
	s->input = x->o->input;
	s->is_override = x->o->is_override;
	s->pos = it->pos;
	s->ident = copy(x, tree_get(it, "identifikator"), "identifikator");
	if ((portal = tree_get(it, "portalId")) != NULL &&
	    text(x, portal, "portalId") != NULL) {
		buf_printf(&b, "mpsv-%s", portal->str);
		s->source_id = copy_text(x, b.data, &portal->pos);
		buf_free(&b);
	}
	s->name = copy(x, tree_get(it, "nazev"), "nazev");
	s->type = type;
	s->type_pos = *type_pos;
	p = map_provider(x, tree_get(it, "poskytovatel"), &s->provider_ref);
	map_forms(x, tree_get(it, "formy"), s);
	map_groups(x, tree_get(it, "ciloveSkupiny"), "ciloveSkupiny",
	    "cilovaSkupina", CB_TARGET, T_TARGET, &s->targets, &s->ntargets);
	map_groups(x, tree_get(it, "vekoveSkupiny"), "vekoveSkupiny",
	    "vekovaSkupina", CB_AGE, T_AGE, &s->ages, &s->nages);
	s->age_note = copy(x, tree_get(it, "doplnujiciInformaceVekoveSkupiny"),
	    "doplnujiciInformaceVekoveSkupiny");
	map_places(x, s, places, nplaces);
	contacts_with_fallback(x, it, s, p);
	s->from = map_date(x, tree_get(it, "datumPoskytovaniOd"),
	    "datumPoskytovaniOd");
	s->to = map_date(x, tree_get(it, "datumPoskytovaniDo"),
	    "datumPoskytovaniDo");
}

static void
load_item(struct ctx *x, struct node *it, struct arena *scratch)
{
	struct node	**places, *fac, *contact;
	const struct cb_type *type = NULL;
	struct srcpos	 type_pos;
	size_t		 n = 0, ended = 0, outside = 0, repeated = 0;
	bool		 any;

	x->items++;
	if (it->kind != N_OBJECT) {
		diag(x->d, D_WRONG_TYPE, &it->pos, "an item of „polozky“ must "
		    "be an object, not %s; item skipped",
		    node_kind_name(it->kind));
		x->unusable++;
		return;
	}
	if (x->o->active_on.y != 0 && !active_on(
	    tree_get(it, "datumPoskytovaniOd"),
	    tree_get(it, "datumPoskytovaniDo"), &x->o->active_on)) {
		x->inactive++;
		return;
	}
	fac = tree_get(it, "zarizeni");
	contact = tree_get(it, "kontaktniAdresy");
	places = arena_alloc(scratch, sizeof *places *
	    ((fac && fac->kind == N_ARRAY ? fac->n : 0) +
	    (contact && contact->kind == N_ARRAY ? contact->n : 0) + 1));
	n = select_facilities(x, fac, places, &any, &ended, &outside,
	    &repeated);
	/* Every facility ended: the service is not provided anywhere. */
	if (any && n == 0 && ended > 0 && outside == 0) {
		x->inactive++;
		return;
	}
	if (!any)
		n = select_contact_places(x, contact, places, &outside);
	if (x->territory && n == 0) {
		x->outside++;
		return;
	}
	if (!usable(x, it, &type, &type_pos)) {
		x->unusable++;
		return;
	}
	x->ended_places += ended;
	x->outside_places += outside;
	x->repeated_places += repeated;
	map_service(x, it, type, &type_pos, places, n);
	x->kept++;
}

/* Notes at the end of a file */

static void
czech_date(struct buf *b, const struct date *d)
{
	buf_printf(b, "%d. %d. %d", d->d, d->m, d->y);
}

/* Joins the phrases of a count list: "a", "a and b", "a, b and c". */
static void
phrase(struct buf *b, size_t count, const char *what, int *n, int total)
{
	if (count == 0)
		return;
	if (*n > 0)
		buf_puts(b, *n == total - 1 ? " and " : ", ");
	buf_printf(b, "%zu %s", count, what);
	(*n)++;
}

static void
report_counts(struct ctx *x)
{
	struct srcpos	 whole = { x->file, 0, 0 };
	struct buf	 b = { 0 }, day = { 0 };
	int		 n = 0, total;

	if (x->territory || x->o->active_on.y != 0 || x->unusable > 0 ||
	    x->repeated_places > 0) {
		if (x->o->active_on.y != 0)
			czech_date(&day, &x->o->active_on);
		buf_printf(&b, "kept %zu of %zu services", x->kept, x->items);
		if (x->territory)
			buf_printf(&b, "; %zu outside the territory",
			    x->outside);
		if (x->o->active_on.y != 0)
			buf_printf(&b, "%s%zu not active on %s",
			    x->territory ? ", " : "; ", x->inactive, day.data);
		if (x->unusable > 0)
			buf_printf(&b, "; %zu dropped for the errors reported",
			    x->unusable);
		total = (x->ended_places > 0) + (x->outside_places > 0) +
		    (x->repeated_places > 0);
		if (total > 0) {
			buf_puts(&b, "; of the kept services' places, ");
			phrase(&b, x->ended_places, "not active on that day",
			    &n, total);
			phrase(&b, x->outside_places, "outside the territory",
			    &n, total);
			phrase(&b, x->repeated_places, "repeated", &n, total);
			buf_puts(&b, n == 1 && total == 1 &&
			    (x->ended_places + x->outside_places +
			    x->repeated_places) == 1 ? " was left out" :
			    " were left out");
		}
		diag(x->d, D_FILTERED, &whole, "%s", b.data);
	}
	if (x->statutory > 0)
		diag(x->d, D_PRIVACY, &whole, "%zu statutory-body entries "
		    "(names of persons) of %zu providers were left out; the "
		    "registry's personal data are never imported",
		    x->statutory, x->statutory_providers);
	if (x->names_missing)
		diag_at_level(x->d, D_UNKNOWN_CODE, DIAG_NOTE, &whole,
		    "addresses in the registry carry only codes of the "
		    "municipality, district and region, so their names stay "
		    "empty: download obce.json, okresy.json, kraje.json (and "
		    "cilove-skupiny-osoby.json, vekove-skupiny-osoby.json) "
		    "from https://data.mpsv.cz/od/soubory/ciselniky/ into a "
		    "folder and name it with „ciselniky:“ in the edition (or "
		    "put it beside the file as ciselniky/)");
	buf_free(&b);
	buf_free(&day);
}

/* Driving the reader */

static void
ctx_init(struct ctx *x, struct catalogue *c, const char *file,
    const struct load_opts *opts, struct diag *d, const char *cbdir)
{
	static const struct load_opts none;

	memset(x, 0, sizeof *x);
	x->c = c;
	x->d = d;
	x->o = opts != NULL ? opts : &none;
	x->file = diag_file(d, file);
	x->tmp = arena_new();
	x->providers = strmap_new();
	x->unknown_idx = strmap_new();
	x->groups[0] = strmap_new();
	x->groups[1] = strmap_new();
	if (cbdir != NULL)
		load_codebooks(x, cbdir);
	x->fkraje = filter_set(x, T_KRAJ, "Kraj/", x->o->kraje, x->o->nkraje);
	x->fokresy = filter_set(x, T_OKRES, "Okres/", x->o->okresy,
	    x->o->nokresy);
	x->fobce = filter_set(x, T_OBEC, "Obec/", x->o->obce, x->o->nobce);
}

static void
ctx_free(struct ctx *x)
{
	int	 i;

	for (i = 0; i < T__MAX; i++) {
		free(x->cb[i].v);
		strmap_free(x->cb[i].byid);
	}
	strmap_free(x->fkraje);
	strmap_free(x->fokresy);
	strmap_free(x->fobce);
	strmap_free(x->providers);
	strmap_free(x->unknown_idx);
	strmap_free(x->groups[0]);
	strmap_free(x->groups[1]);
	free(x->unknown);
	arena_free(x->tmp);
}

/* Walks {"polozky": [item, ...]}, one item at a time. */
static bool
walk(struct ctx *x, struct json_reader *r)
{
	struct arena	*scratch = arena_new();
	struct srcpos	 pos, keypos;
	struct node	*it;
	const char	*key;
	bool		 seen = false;

	if (!json_begin_object(r, &pos))
		goto out;
	while (json_next_key(r, &key, &keypos)) {
		if (strcmp(key, "polozky") != 0) {
			json_skip_value(r);
			continue;
		}
		seen = true;
		if (!json_begin_array(r, NULL))
			break;
		while (json_next_item(r)) {
			if ((it = json_read_value(r, scratch)) == NULL)
				break;
			load_item(x, it, scratch);
			arena_reset(scratch);
		}
	}
	if (!json_reader_failed(r) && json_reader_end(r) && !seen)
		diag(x->d, D_MISSING_FIELD, &pos, "the registry file has no "
		    "list „polozky“");
out:
	arena_free(scratch);
	report_unknown(x);
	report_counts(x);
	return !json_reader_failed(r);
}

bool
load_registry_mem(struct catalogue *c, const char *file, const char *buf,
    size_t len, const struct load_opts *opts, struct diag *d)
{
	struct ctx	 x;
	struct json_reader *r;
	bool		 ok;

	ctx_init(&x, c, file, opts, d, opts ? opts->codebook_dir : NULL);
	r = json_reader_mem(file, buf, len, d);
	ok = walk(&x, r);
	json_reader_close(r);
	ctx_free(&x);
	return ok;
}

/*
 * Without a codebook folder from the edition, a folder "ciselniky" beside
 * the registry file is used, so that `mapa check rpss.json` names places.
 */
bool
load_registry_file(struct catalogue *c, const char *path,
    const struct load_opts *opts, struct diag *d)
{
	struct ctx	 x;
	struct json_reader *r;
	struct buf	 dir = { 0 };
	const char	*slash, *cbdir = opts ? opts->codebook_dir : NULL;
	bool		 ok;

	if (cbdir == NULL) {
		slash = strrchr(path, '/');
		if (slash != NULL)
			buf_put(&dir, path, (size_t)(slash - path + 1));
		buf_puts(&dir, "ciselniky");
		if (is_dir(dir.data))
			cbdir = dir.data;
	}
	if ((r = json_reader_open(path, d)) == NULL) {
		buf_free(&dir);
		return false;
	}
	ctx_init(&x, c, path, opts, d, cbdir);
	ok = walk(&x, r);
	json_reader_close(r);
	ctx_free(&x);
	buf_free(&dir);
	return ok;
}
