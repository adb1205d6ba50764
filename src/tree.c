/*
 * Document tree helpers shared by the JSON and YAML loaders.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tree.h"
#include "util.h"

const char *
node_kind_name(enum node_kind k)
{
	static const char *const names[] = {
		"null", "true/false", "number", "text", "list", "object"
	};

	return names[k];
}

struct node *
tree_get_raw(struct node *obj, const char *key)
{
	size_t	 i;

	if (obj == NULL || obj->kind != N_OBJECT)
		return NULL;
	for (i = 0; i < obj->n; i++)
		if (strcmp(obj->members[i].key, key) == 0) {
			obj->members[i].used = true;
			return obj->members[i].val;
		}
	return NULL;
}

struct node *
tree_get(struct node *obj, const char *key)
{
	struct node	*n = tree_get_raw(obj, key);

	return n != NULL && n->kind == N_NULL ? NULL : n;
}

void
tree_mark_used(struct node *obj)
{
	size_t	 i;

	if (obj != NULL && obj->kind == N_OBJECT)
		for (i = 0; i < obj->n; i++)
			obj->members[i].used = true;
}

/* Edit distance over bytes, good enough for ASCII keys. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t	 row[64];

	if (la >= NELEM(row) || lb >= NELEM(row))
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			tmp = prev + (ascii_tolower((unsigned char)a[i - 1]) !=
			    ascii_tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < tmp)
				tmp = row[j] + 1;
			if (row[j - 1] + 1 < tmp)
				tmp = row[j - 1] + 1;
			row[j] = tmp;
			prev = cur;
		}
	}
	return row[lb];
}

const char *
tree_suggest(const char *s, const char *const *known)
{
	const char	*best = NULL;
	size_t		 bestd = (size_t)-1, d, limit;

	if (known == NULL)
		return NULL;
	limit = strlen(s) / 3 + 1;
	for (; *known != NULL; known++) {
		d = distance(s, *known);
		if (d < bestd) {
			bestd = d;
			best = *known;
		}
	}
	return bestd <= limit ? best : NULL;
}

const char *
tree_suggest_norm(const char *s, const char *const *keys,
    const char *const *shown, size_t n, char *(*norm)(const char *))
{
	char		**normed = xcalloc(n + 1, sizeof *normed), *ns;
	const char	*best, *res = NULL;
	size_t		 i;

	for (i = 0; i < n; i++)
		normed[i] = norm(keys[i]);
	ns = norm(s);
	best = tree_suggest(ns, (const char *const *)normed);
	for (i = 0; i < n; i++) {
		if (best != NULL && normed[i] == best && res == NULL)
			res = shown != NULL ? shown[i] : keys[i];
		free(normed[i]);
	}
	free(normed);
	free(ns);
	return res;
}

int
tree_check_unused(struct node *obj, struct diag *d, const char *what,
    const char *const *known)
{
	size_t		 i;
	int		 count = 0;
	const char	*s;

	if (obj == NULL || obj->kind != N_OBJECT)
		return 0;
	for (i = 0; i < obj->n; i++) {
		if (obj->members[i].used)
			continue;
		count++;
		s = tree_suggest(obj->members[i].key, known);
		if (s != NULL)
			diag(d, D_UNKNOWN_KEY, &obj->members[i].keypos,
			    "unknown field %s in %s, ignored; did you mean %s?",
			    dq(d, obj->members[i].key), what, dq(d, s));
		else
			diag(d, D_UNKNOWN_KEY, &obj->members[i].keypos,
			    "unknown field %s in %s, ignored",
			    dq(d, obj->members[i].key), what);
	}
	return count;
}

bool
tree_expect(struct node *n, enum node_kind kind, struct diag *d,
    const char *field)
{
	if (n == NULL)
		return false;
	if (n->kind == kind)
		return true;
	diag(d, D_WRONG_TYPE, &n->pos, "%s must be %s%s, not %s", field,
	    kind == N_ARRAY ? "a " : kind == N_OBJECT ? "an " : "",
	    node_kind_name(kind), node_kind_name(n->kind));
	return false;
}

const char *
tree_string(struct node *n, struct diag *d, const char *field,
    bool allow_number)
{
	if (n == NULL)
		return NULL;
	if (n->kind == N_STRING || (allow_number && n->kind == N_NUMBER))
		return n->str;
	diag(d, D_WRONG_TYPE, &n->pos, "%s must be text, not %s", field,
	    node_kind_name(n->kind));
	return NULL;
}

struct node *
tree_node(struct arena *a, enum node_kind kind, const struct srcpos *pos)
{
	struct node	*n = arena_alloc(a, sizeof *n);

	n->kind = kind;
	if (pos != NULL)
		n->pos = *pos;
	return n;
}

/* Capacity is the next power of two >= n (n > 0); grows in the arena. */
static void *
arena_grow(struct arena *a, void *old, size_t n, size_t sz)
{
	void	*p;

	if (n == 0 || (n & (n - 1)) != 0)
		return old;	/* not at a power of two: room is left */
	p = arena_alloc(a, 2 * n * sz);
	if (old != NULL)
		memcpy(p, old, n * sz);
	return p;
}

void
tree_append(struct arena *a, struct node *arr, struct node *item)
{
	if (arr->n == 0)
		arr->items = arena_alloc(a, sizeof *arr->items);
	else
		arr->items = arena_grow(a, arr->items, arr->n, sizeof *arr->items);
	arr->items[arr->n++] = item;
}

struct member *
tree_add_member(struct arena *a, struct node *obj, const char *key,
    const struct srcpos *keypos, struct node *val)
{
	struct member	*m;

	if (obj->n == 0)
		obj->members = arena_alloc(a, sizeof *obj->members);
	else
		obj->members = arena_grow(a, obj->members, obj->n,
		    sizeof *obj->members);
	m = &obj->members[obj->n++];
	m->key = key;
	m->keypos = *keypos;
	m->val = val;
	m->used = false;
	return m;
}
