/*
 * The filter stage (see filter.h): territory and target-group filters of an
 * edition applied to the linked catalogue, for every input format alike.
 *
 * Territory filter values are compiled once into struct fspec: a kraj as a
 * NUTS 3 code where one can be found (the 14 kraje are listed below, from
 * DOMAIN.md §2.6), an okres as a LAU 1 code or a name, an obec as a code or
 * a name. Each value is then either decided against an address (the address
 * has what it needs) or not; a level rules a place out only when every value
 * of it was decided and none matched. That keeps the stage from dropping
 * what it cannot judge: a native place naming only its obec says nothing
 * about its okres code.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "strmap.h"
#include "util.h"

/* Kraje: RÚIAN code, NUTS 3 code, folded name without the word "kraj". */
static const struct {
	const char	*ruian;
	const char	*nuts;
	const char	*key;
} kraje[] = {
	{ "19",  "CZ010", "hlavni mesto praha" },
	{ "27",  "CZ020", "stredocesky" },
	{ "35",  "CZ031", "jihocesky" },
	{ "43",  "CZ032", "plzensky" },
	{ "51",  "CZ041", "karlovarsky" },
	{ "60",  "CZ042", "ustecky" },
	{ "78",  "CZ051", "liberecky" },
	{ "86",  "CZ052", "kralovehradecky" },
	{ "94",  "CZ053", "pardubicky" },
	{ "108", "CZ063", "vysocina" },
	{ "116", "CZ064", "jihomoravsky" },
	{ "124", "CZ071", "olomoucky" },
	{ "132", "CZ080", "moravskoslezsky" },
	{ "141", "CZ072", "zlinsky" },
};

enum vkind {
	VK_NAME,	/* compared by folded name (kraj: also by NUTS) */
	VK_CODE,	/* obec code, kraj NUTS 3 or okres LAU 1 */
	VK_OPAQUE	/* a registry id the model does not keep */
};

/* One filter value, compiled. */
struct fval {
	enum vkind	 kind;
	char		 code[16];	/* VK_CODE: "588296", "CZ072", "CZ0721" */
	char		*name;		/* VK_NAME: folded */
	const char	*nuts;		/* kraj: the NUTS 3 code, if known */
	/*
	 * obec: what the data pair it with, learnt from addresses that give
	 * both kod_obce and obec — the folded name of a code, the code of a
	 * name; NULL when they do not (or not unambiguously).
	 */
	char		*alias;
};

struct flevel {
	struct fval	*v;
	size_t		 n;
};

struct fspec {
	struct flevel	 kraj, okres, obec;
};

/* Folded views of one address, made once. */
struct faddr {
	const struct address *a;
	const char	*nuts;		/* the kraj's NUTS 3 code, if known */
	char		 nutsbuf[8];
	struct buf	 region, district, municipality;
	bool		 folded;
};

/* Names */

/*
 * Folds s into b: letters and digits as lower-case ASCII (fold_letter()),
 * every run of anything else as one space, none at either end.
 */
static void
fold(const char *s, struct buf *b)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 len = strlen(s), n;
	uint32_t	 cp;
	int		 c;
	bool		 gap = false;

	buf_reset(b);
	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0)
			n = 1, cp = 0xfffd;
		if ((c = fold_letter(cp)) == 0)
			gap = true;
		else {
			if (gap && b->len > 0)
				buf_putc(b, ' ');
			gap = false;
			buf_putc(b, (char)c);
		}
		p += n;
		len -= n;
	}
	(void)buf_str(b);
}

bool
filter_same_name(const char *a, const char *b)
{
	struct buf	 fa = { 0 }, fb = { 0 };
	bool		 same;

	if (a == NULL || b == NULL)
		return false;
	fold(a, &fa);
	fold(b, &fb);
	same = fa.len > 0 && strcmp(fa.data, fb.data) == 0;
	buf_free(&fa);
	buf_free(&fb);
	return same;
}

/* "CZ072" (any case) into out as upper case; false when not that shape. */
static bool
shaped_code(const char *s, size_t len, char *out)
{
	size_t	 i;

	if (strlen(s) != len || ascii_tolower((unsigned char)s[0]) != 'c' ||
	    ascii_tolower((unsigned char)s[1]) != 'z')
		return false;
	for (i = 2; i < len; i++)
		if (!is_digit((unsigned char)s[i]) &&
		    !(i == len - 1 && len == 6 &&
		    ascii_tolower((unsigned char)s[i]) >= 'a' &&
		    ascii_tolower((unsigned char)s[i]) <= 'z'))
			return false;
	for (i = 0; i < len; i++)
		out[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') :
		    s[i];
	out[len] = '\0';
	return true;
}

/* The NUTS 3 code of a folded kraj name ("zlinsky kraj"), or NULL. */
static const char *
kraj_by_name(const char *folded)
{
	struct buf	 key = { 0 };
	const char	*p = folded, *sp, *nuts = NULL;
	size_t		 i, n;

	/* drop the word "kraj": "Kraj Vysočina", "Zlínský kraj" */
	while (*p != '\0') {
		sp = strchr(p, ' ');
		n = sp != NULL ? (size_t)(sp - p) : strlen(p);
		if (!(n == 4 && strncmp(p, "kraj", 4) == 0)) {
			if (key.len > 0)
				buf_putc(&key, ' ');
			buf_put(&key, p, n);
		}
		p += n;
		if (*p == ' ')
			p++;
	}
	if (key.len > 0) {
		if (strcmp(key.data, "praha") == 0)
			nuts = "CZ010";
		for (i = 0; nuts == NULL && i < NELEM(kraje); i++)
			if (strcmp(key.data, kraje[i].key) == 0)
				nuts = kraje[i].nuts;
	}
	buf_free(&key);
	return nuts;
}

static const char *
kraj_by_ruian(const char *code)
{
	size_t	 i;

	for (i = 0; i < NELEM(kraje); i++)
		if (strcmp(code, kraje[i].ruian) == 0)
			return kraje[i].nuts;
	return NULL;
}

/* "Kraj/141" → "141" when s starts with prefix and digits follow. */
static const char *
registry_id(const char *s, const char *prefix)
{
	size_t	 lp = strlen(prefix);

	if (strncmp(s, prefix, lp) == 0 && s[lp] != '\0' &&
	    all_digits(s + lp, strlen(s + lp)))
		return s + lp;
	if (*s != '\0' && all_digits(s, strlen(s)))
		return s;
	return NULL;
}

/* Compiling the filter values */

enum level { L_KRAJ, L_OKRES, L_OBEC };

static void
compile_value(enum level lv, const char *s, struct fval *v)
{
	struct buf	 b = { 0 };
	const char	*id;

	memset(v, 0, sizeof *v);
	v->kind = VK_OPAQUE;
	if (s == NULL)
		return;
	if (lv == L_KRAJ && shaped_code(s, 5, v->code)) {
		v->kind = VK_CODE;
		return;
	}
	if (lv == L_OKRES && shaped_code(s, 6, v->code)) {
		v->kind = VK_CODE;
		return;
	}
	if ((id = registry_id(s, lv == L_KRAJ ? "Kraj/" : lv == L_OKRES ?
	    "Okres/" : "Obec/")) != NULL) {
		if (lv == L_OBEC && strlen(id) < sizeof v->code) {
			v->kind = VK_CODE;
			memcpy(v->code, id, strlen(id) + 1);
		} else if (lv == L_KRAJ && (v->nuts = kraj_by_ruian(id)) !=
		    NULL) {
			v->kind = VK_CODE;
			memcpy(v->code, v->nuts, strlen(v->nuts) + 1);
		}
		return;		/* an okres's RÚIAN id: opaque */
	}
	fold(s, &b);
	if (b.len == 0) {
		buf_free(&b);
		return;
	}
	v->kind = VK_NAME;
	v->name = buf_steal(&b);
	if (lv == L_KRAJ)
		v->nuts = kraj_by_name(v->name);
}

static void
compile_level(enum level lv, const char **values, size_t n,
    struct flevel *out)
{
	size_t	 i;

	out->n = n;
	out->v = n > 0 ? xcalloc(n, sizeof *out->v) : NULL;
	for (i = 0; i < n; i++) {
		compile_value(lv, values[i], &out->v[i]);
		if (lv == L_KRAJ && out->v[i].kind == VK_CODE)
			out->v[i].nuts = out->v[i].code;
	}
}

static void
compile(const struct load_opts *o, struct fspec *f)
{
	compile_level(L_KRAJ, o->kraje, o->nkraje, &f->kraj);
	compile_level(L_OKRES, o->okresy, o->nokresy, &f->okres);
	compile_level(L_OBEC, o->obce, o->nobce, &f->obec);
}

static void
free_level(struct flevel *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].alias);
	}
	free(l->v);
}

static void
free_spec(struct fspec *f)
{
	free_level(&f->kraj);
	free_level(&f->okres);
	free_level(&f->obec);
}

static bool
territorial(const struct fspec *f)
{
	return f->kraj.n + f->okres.n + f->obec.n > 0;
}

/* Deciding */

static bool
has_text(const struct str *s)
{
	return s->s != NULL && s->s[0] != '\0';
}

static void
faddr_init(struct faddr *fa, const struct address *a)
{
	memset(fa, 0, sizeof *fa);
	fa->a = a;
	if (has_text(&a->region_code) &&
	    shaped_code(a->region_code.s, 5, fa->nutsbuf))
		fa->nuts = fa->nutsbuf;
	if (has_text(&a->region))
		fold(a->region.s, &fa->region);
	if (has_text(&a->district))
		fold(a->district.s, &fa->district);
	if (has_text(&a->municipality))
		fold(a->municipality.s, &fa->municipality);
	if (fa->nuts == NULL && fa->region.len > 0)
		fa->nuts = kraj_by_name(fa->region.data);
}

static void
faddr_free(struct faddr *fa)
{
	buf_free(&fa->region);
	buf_free(&fa->district);
	buf_free(&fa->municipality);
}

/* An obec value's code and folded name, its own or learnt (alias). */
static const char *
obec_code(const struct fval *v)
{
	return v->kind == VK_CODE ? v->code : v->kind == VK_NAME ?
	    v->alias : NULL;
}

static const char *
obec_name(const struct fval *v)
{
	return v->kind == VK_NAME ? v->name : v->kind == VK_CODE ?
	    v->alias : NULL;
}

/*
 * One value against one address: true when decided, with *hit set.
 */
static bool
decide(enum level lv, const struct fval *v, const struct faddr *fa,
    bool *hit)
{
	const struct address *a = fa->a;

	*hit = false;
	switch (lv) {
	case L_KRAJ:
		if (v->nuts != NULL && fa->nuts != NULL) {
			*hit = strcmp(v->nuts, fa->nuts) == 0;
			return true;
		}
		if (v->kind == VK_NAME && fa->region.len > 0) {
			*hit = strcmp(v->name, fa->region.data) == 0;
			return true;
		}
		return false;
	case L_OKRES:
		/* a LAU 1 code begins with its kraj's NUTS 3 code */
		if (v->kind == VK_CODE && fa->nuts != NULL &&
		    strncmp(v->code, fa->nuts, 5) != 0)
			return true;
		if (v->kind == VK_NAME && fa->district.len > 0) {
			*hit = strcmp(v->name, fa->district.data) == 0;
			return true;
		}
		return false;
	case L_OBEC:
		if (obec_code(v) != NULL && has_text(&a->municipality_code)) {
			*hit = strcmp(obec_code(v), a->municipality_code.s) == 0;
			return true;
		}
		if (obec_name(v) != NULL && fa->municipality.len > 0) {
			*hit = strcmp(obec_name(v), fa->municipality.data) == 0;
			return true;
		}
		return false;
	}
	return false;
}

/* A level: in when a value matches, out when every value says no. */
static enum filter_verdict
decide_level(enum level lv, const struct flevel *l, const struct faddr *fa)
{
	size_t	 i, decided = 0;
	bool	 hit;

	for (i = 0; i < l->n; i++)
		if (decide(lv, &l->v[i], fa, &hit)) {
			if (hit)
				return FV_IN;
			decided++;
		}
	return decided == l->n ? FV_OUT : FV_UNKNOWN;
}

/* Every filtered level must allow the place; one at least must match. */
static enum filter_verdict
decide_address(const struct fspec *f, const struct address *a)
{
	const struct flevel *lvl[3] = { &f->kraj, &f->okres, &f->obec };
	struct faddr	 fa;
	enum filter_verdict v, out = FV_UNKNOWN;
	int		 i;

	if (!territorial(f))
		return FV_IN;
	faddr_init(&fa, a);
	for (i = 0; i < 3; i++) {
		if (lvl[i]->n == 0)
			continue;
		v = decide_level((enum level)i, lvl[i], &fa);
		if (v == FV_OUT) {
			out = FV_OUT;
			break;
		}
		if (v == FV_IN)
			out = FV_IN;
	}
	faddr_free(&fa);
	return out;
}

/* An area of operation speaks only of obce. */
static enum filter_verdict
decide_area(const struct fspec *f, const struct str *munis, size_t n)
{
	struct buf	 b = { 0 };
	const struct fval *v;
	const char	*code;
	size_t		 i, j, pairs = 0, decided = 0;
	bool		 hit = false;

	if (f->obec.n == 0 || n == 0)
		return FV_UNKNOWN;
	for (i = 0; i < n && !hit; i++) {
		if (!has_text(&munis[i]))
			continue;
		code = registry_id(munis[i].s, "Obec/");
		if (code == NULL)
			fold(munis[i].s, &b);
		for (j = 0; j < f->obec.n && !hit; j++) {
			v = &f->obec.v[j];
			pairs++;
			if (code != NULL && obec_code(v) != NULL) {
				hit = strcmp(code, obec_code(v)) == 0;
				decided++;
			} else if (code == NULL && obec_name(v) != NULL &&
			    b.len > 0) {
				hit = strcmp(b.data, obec_name(v)) == 0;
				decided++;
			}
		}
	}
	buf_free(&b);
	if (hit)
		return FV_IN;
	return pairs > 0 && decided == pairs ? FV_OUT : FV_UNKNOWN;
}

enum filter_verdict
filter_address(const struct load_opts *o, const struct address *a)
{
	struct fspec	 f;
	enum filter_verdict v;

	compile(o, &f);
	v = decide_address(&f, a);
	free_spec(&f);
	return v;
}

enum filter_verdict
filter_area(const struct load_opts *o, const struct str *munis, size_t n)
{
	struct fspec	 f;
	enum filter_verdict v;

	compile(o, &f);
	v = decide_area(&f, munis, n);
	free_spec(&f);
	return v;
}

bool
filter_active(const struct edition *e)
{
	return e != NULL && (e->filter.nkraje + e->filter.nokresy +
	    e->filter.nobce + e->ntarget_filter > 0);
}

/*
 * Codes and names of obce as the data pair them. A filter by code can then
 * judge places that give only the name, and a filter by name places that
 * give only the code — when the data agree on the pair: a code seen with
 * two names, or a name with two codes (there are many a Lhota), is not
 * used.
 */
struct pairing {
	const char	*other;		/* the folded name, or the code */
	bool		 ambiguous;
};

struct learn {
	struct strmap	*by_code, *by_name;
	struct pairing	**pv;		/* to free */
	size_t		 npv, cappv;
	char		**names;	/* folded names, to free */
	size_t		 nnames, capnames;
};

static void
pair_note(struct learn *l, struct strmap *m, const char *key,
    const char *other)
{
	struct pairing	*p;

	if ((p = strmap_get(m, key)) != NULL) {
		if (strcmp(p->other, other) != 0)
			p->ambiguous = true;
		return;
	}
	p = xcalloc(1, sizeof *p);
	p->other = other;
	if (l->npv == l->cappv)
		grow(&l->pv, &l->cappv, l->npv + 1, sizeof *l->pv);
	l->pv[l->npv++] = p;
	strmap_put(m, key, p);
}

static void
learn_address(struct learn *l, const struct address *a)
{
	struct buf	 b = { 0 };
	char		*name;

	if (!has_text(&a->municipality_code) || !has_text(&a->municipality))
		return;
	fold(a->municipality.s, &b);
	if (b.len == 0) {
		buf_free(&b);
		return;
	}
	name = buf_steal(&b);
	if (l->nnames == l->capnames)
		grow(&l->names, &l->capnames, l->nnames + 1, sizeof *l->names);
	l->names[l->nnames++] = name;
	pair_note(l, l->by_code, a->municipality_code.s, name);
	pair_note(l, l->by_name, name, a->municipality_code.s);
}

/* The other half of a pair, when the data agree on it both ways. */
static const char *
paired(struct learn *l, struct strmap *m, struct strmap *back,
    const char *key)
{
	struct pairing	*p = strmap_get(m, key), *q;

	if (p == NULL || p->ambiguous)
		return NULL;
	q = strmap_get(back, p->other);
	return q != NULL && !q->ambiguous ? p->other : NULL;
}

static void
learn_aliases(struct fspec *f, const struct catalogue *c)
{
	struct learn	 l;
	struct fval	*v;
	const char	*o;
	size_t		 i, j;

	if (f->obec.n == 0)
		return;
	memset(&l, 0, sizeof l);
	l.by_code = strmap_new();
	l.by_name = strmap_new();
	for (i = 0; i < c->nservices; i++)
		for (j = 0; j < c->services[i]->nplaces; j++)
			learn_address(&l, &c->services[i]->places[j].addr);
	for (i = 0; i < c->nproviders; i++)
		learn_address(&l, &c->providers[i]->seat);
	for (i = 0; i < c->nlistings; i++)
		learn_address(&l, &c->listings[i]->addr);
	for (i = 0; i < f->obec.n; i++) {
		v = &f->obec.v[i];
		o = NULL;
		if (v->kind == VK_CODE)
			o = paired(&l, l.by_code, l.by_name, v->code);
		else if (v->kind == VK_NAME)
			o = paired(&l, l.by_name, l.by_code, v->name);
		if (o != NULL)
			v->alias = xstrdup(o);
	}
	for (i = 0; i < l.npv; i++)
		free(l.pv[i]);
	for (i = 0; i < l.nnames; i++)
		free(l.names[i]);
	free(l.pv);
	free(l.names);
	strmap_free(l.by_code);
	strmap_free(l.by_name);
}

/* The stage */

struct fctx {
	struct catalogue	*c;
	const struct edition	*e;
	struct diag		*d;
	struct srcpos		 where;
	struct fspec		 spec;
	struct filter_stats	 st;
	bool			*gone;		/* by service index */
	size_t			 judged;	/* native services judged */
	const struct service	*example;	/* first one left undecided */
};

/* Loaders other than the native one filter by territory while reading. */
static bool
filtered_on_load(const struct service *s)
{
	return s->origin != NULL && strcmp(s->origin, "native") != 0;
}

/*
 * Keeps the places that are not out. The caller does not call it for a
 * service kept for its area of operation alone: that one keeps them all.
 */
static void
drop_places(struct fctx *x, struct service *s, const enum filter_verdict *v)
{
	size_t	 i, k = 0;

	for (i = 0; i < s->nplaces; i++)
		if (v[i] != FV_OUT)
			s->places[k++] = s->places[i];
	x->st.places_out += s->nplaces - k;
	s->nplaces = k;
}

/*
 * One service against the territory. A service without places of its own
 * is reached at its provider's seat (that is what the brochure prints for
 * it), so the seat is judged instead; it is never dropped from anything.
 */
static void
territory_one(struct fctx *x, struct service *s)
{
	enum filter_verdict *v, area, seat;
	size_t		 i, in = 0, unknown = 0, looked = s->nplaces;

	v = xcalloc(s->nplaces + 1, sizeof *v);
	for (i = 0; i < s->nplaces; i++) {
		v[i] = decide_address(&x->spec, &s->places[i].addr);
		in += v[i] == FV_IN;
		unknown += v[i] == FV_UNKNOWN;
	}
	if (s->nplaces == 0 && s->provider != NULL &&
	    s->provider->seat.present) {
		seat = decide_address(&x->spec, &s->provider->seat);
		in += seat == FV_IN;
		unknown += seat == FV_UNKNOWN;
		looked = 1;
	}
	area = decide_area(&x->spec, s->area_municipalities,
	    s->narea_municipalities);
	if (!filtered_on_load(s))
		x->judged++;
	if (in > 0 || area == FV_IN) {
		if (in + unknown > 0)
			drop_places(x, s, v);
		else
			x->st.by_area++;
	} else if (unknown > 0 || (looked == 0 && area != FV_OUT)) {
		drop_places(x, s, v);
		if (!filtered_on_load(s)) {
			x->st.unchecked++;
			if (x->example == NULL)
				x->example = s;
		}
	} else {
		x->gone[s->index] = true;
		x->st.outside++;
	}
	free(v);
}

static bool
for_target(const struct edition *e, const struct service *s)
{
	size_t	 i, j;

	for (i = 0; i < s->ntargets; i++)
		for (j = 0; j < e->ntarget_filter; j++)
			if (s->targets[i].item == e->target_filter[j].item)
				return true;
	return false;
}

/* Life situations: references to services left out go, then empty ones. */
static void
prune_situations(struct fctx *x)
{
	struct catalogue *c = x->c;
	struct situation *sit;
	struct service	 *s;
	size_t		  i, j, k, n = 0;

	for (i = 0; i < c->nsituations; i++) {
		sit = c->situations[i];
		for (j = k = 0; j < sit->nrefs; j++) {
			s = model_find_service(c, sit->refs[j].s);
			if (s != NULL && x->gone[s->index])
				continue;
			sit->refs[k++] = sit->refs[j];
		}
		sit->nrefs = k;
		for (j = k = 0; j < sit->nservices; j++) {
			if (x->gone[sit->services[j]->index])
				continue;
			sit->services[k++] = sit->services[j];
		}
		x->st.refs_out += sit->nservices - k;
		if (k == 0 && sit->nservices > 0) {
			diag(x->d, D_FILTERED, &sit->pos, "life situation %s "
			    "has no service left after the filters; left out",
			    dq(x->d, sit->question.s != NULL ?
			    sit->question.s : sit->id.s));
			x->st.situations_out++;
			sit->nservices = 0;
			continue;
		}
		sit->nservices = k;
		sit->index = (int)n;
		c->situations[n++] = sit;
	}
	c->nsituations = n;
}

/* Providers whose every service was left out go too. */
static void
prune_providers(struct fctx *x)
{
	struct catalogue *c = x->c;
	size_t		 *before, *after, i, n = 0;
	const struct provider *p;

	before = xcalloc(c->nproviders + 1, sizeof *before);
	after = xcalloc(c->nproviders + 1, sizeof *after);
	for (i = 0; i < c->nservices; i++) {
		p = c->services[i]->provider;
		if (p == NULL || p->index < 0 ||
		    (size_t)p->index >= c->nproviders ||
		    c->providers[p->index] != p)
			continue;
		before[p->index]++;
		if (!x->gone[i])
			after[p->index]++;
	}
	for (i = 0; i < c->nproviders; i++) {
		if (before[i] > 0 && after[i] == 0) {
			x->st.providers_out++;
			continue;
		}
		c->providers[i]->index = (int)n;
		c->providers[n++] = c->providers[i];
	}
	c->nproviders = n;
	free(before);
	free(after);
}

/* "variant „hulin“: " when filtering for a variant. */
static void
prefix(struct fctx *x, struct buf *b)
{
	if (x->e->variant != NULL)
		buf_printf(b, "variant %s: ", dq(x->d, x->e->variant->id.s));
}

/* "filtry.kraje and filtry.obce" */
static void
territory_keys(struct fctx *x, struct buf *b)
{
	const char	*k[3];
	size_t		 n = 0, i;

	if (x->spec.kraj.n > 0)
		k[n++] = "filtry.kraje";
	if (x->spec.okres.n > 0)
		k[n++] = "filtry.okresy";
	if (x->spec.obec.n > 0)
		k[n++] = "filtry.obce";
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i == 0 ? "" : i == n - 1 ? " and " :
		    ", ", k[i]);
}

static const char *
services(size_t n)
{
	return n == 1 ? "service" : "services";
}

static void
report_territory(struct fctx *x, size_t before, size_t kept)
{
	struct buf	 b = { 0 };

	/* a loader that filtered while reading has said it already */
	if (x->judged == 0 && x->st.outside == 0 && x->st.places_out == 0)
		return;
	prefix(x, &b);
	territory_keys(x, &b);
	buf_printf(&b, ": kept %zu of %zu %s", kept, before, services(before));
	if (x->st.by_area > 0)
		buf_printf(&b, ", %zu of them only because %s "
		    "uzemni_pusobnost names the territory (based elsewhere)",
		    x->st.by_area, x->st.by_area == 1 ? "its" : "their");
	if (x->st.outside > 0)
		buf_printf(&b, "; %zu outside the territory left out",
		    x->st.outside);
	if (x->st.places_out > 0)
		buf_printf(&b, "; %zu %s outside the territory left out of "
		    "kept services", x->st.places_out,
		    x->st.places_out == 1 ? "place (mista)" : "places (mista)");
	diag(x->d, D_FILTERED, &x->where, "%s", b.data);
	buf_reset(&b);
	if (x->st.unchecked > 0) {
		prefix(x, &b);
		territory_keys(x, &b);
		buf_printf(&b, ": %zu %s could not be placed in the territory "
		    "and %s kept (for example %s): neither %s places (mista, or "
		    "the provider's sidlo) nor %s uzemni_pusobnost say enough",
		    x->st.unchecked, services(x->st.unchecked),
		    x->st.unchecked == 1 ? "was" : "were",
		    dq(x->d, x->example->name.s != NULL ?
		    x->example->name.s : x->example->ident.s),
		    x->st.unchecked == 1 ? "its" : "their",
		    x->st.unchecked == 1 ? "its" : "their");
		/* what the data would need, level by level */
		if (x->spec.kraj.n > 0)
			buf_puts(&b, "; a kraj is matched by kod_kraje or kraj");
		if (x->spec.okres.n > 0)
			buf_puts(&b, "; an okres is matched by name in okres "
			    "(a LAU code such as CZ0721 only rules out other "
			    "kraje)");
		if (x->spec.obec.n > 0)
			buf_puts(&b, "; an obec is matched by kod_obce when "
			    "the filter gives a code, by obec when it gives a "
			    "name");
		diag_at_level(x->d, D_FILTERED, DIAG_WARNING, &x->where, "%s",
		    b.data);
	}
	buf_free(&b);
}

static void
report_targets(struct fctx *x, size_t before, size_t kept)
{
	struct buf	 b = { 0 };

	prefix(x, &b);
	buf_printf(&b, "filtry.cilove_skupiny: kept %zu of %zu %s", kept,
	    before, services(before));
	if (x->st.off_target > 0)
		buf_printf(&b, ", %zu for none of its target groups",
		    x->st.off_target);
	if (x->st.no_target > 0)
		buf_printf(&b, " (%zu of them %s no target group at all)",
		    x->st.no_target, x->st.no_target == 1 ? "lists" : "list");
	diag(x->d, D_FILTERED, &x->where, "%s", b.data);
	buf_free(&b);
}

static void
report_rest(struct fctx *x)
{
	struct buf	 b = { 0 };

	if (x->st.providers_out == 0 && x->st.refs_out == 0)
		return;
	prefix(x, &b);
	buf_puts(&b, "with the services the filters left out, ");
	if (x->st.providers_out > 0)
		buf_printf(&b, "%zu %s with no other service",
		    x->st.providers_out, x->st.providers_out == 1 ?
		    "provider" : "providers");
	if (x->st.providers_out > 0 && x->st.refs_out > 0)
		buf_puts(&b, " and ");
	if (x->st.refs_out > 0)
		buf_printf(&b, "%zu %s from life situations (zivotni_situace)",
		    x->st.refs_out, x->st.refs_out == 1 ? "reference" :
		    "references");
	buf_printf(&b, " %s left out", x->st.providers_out +
	    x->st.refs_out == 1 ? "was" : "were");
	diag(x->d, D_FILTERED, &x->where, "%s", b.data);
	buf_free(&b);
}

void
filter_catalogue(struct catalogue *c, const struct edition *e,
    const struct srcpos *where, struct diag *d, struct filter_stats *st)
{
	struct fctx	 x;
	size_t		 i, before, kept;
	struct service	*s;

	if (st != NULL)
		memset(st, 0, sizeof *st);
	if (!filter_active(e)) {
		if (st != NULL)
			st->before = st->after = c->nservices;
		return;
	}
	memset(&x, 0, sizeof x);
	x.c = c;
	x.e = e;
	x.d = d;
	x.where = where != NULL ? *where : (struct srcpos){ e->file, 0, 0 };
	compile(&e->filter, &x.spec);
	learn_aliases(&x.spec, c);
	x.gone = xcalloc(c->nservices + 1, sizeof *x.gone);
	x.st.before = before = c->nservices;
	for (i = 0; i < c->nservices; i++)
		c->services[i]->index = (int)i;
	if (territorial(&x.spec)) {
		for (i = 0; i < c->nservices; i++)
			territory_one(&x, c->services[i]);
		report_territory(&x, before, before - x.st.outside);
	}
	if (e->ntarget_filter > 0) {
		kept = 0;
		for (i = 0; i < c->nservices; i++) {
			s = c->services[i];
			if (x.gone[i])
				continue;
			if (for_target(e, s)) {
				kept++;
				continue;
			}
			x.gone[i] = true;
			x.st.off_target++;
			x.st.no_target += s->ntargets == 0;
		}
		report_targets(&x, before - x.st.outside, kept);
	}
	prune_situations(&x);
	prune_providers(&x);
	report_rest(&x);
	for (i = 0; i < c->nservices; i++)
		if (x.gone[i])
			c->services[i]->dropped = true;
	model_compact(c);
	model_touch(c);
	x.st.after = c->nservices;
	if (st != NULL)
		*st = x.st;
	free(x.gone);
	free_spec(&x.spec);
}
