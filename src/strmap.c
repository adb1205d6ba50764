/*
 * String-keyed hash map with FNV-1a hashing and linear probing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

struct slot {
	const char	*key;
	void		*value;
};

struct strmap {
	struct slot	*slots;
	size_t		 cap;	/* power of two, or 0 */
	size_t		 n;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

struct strmap *
strmap_new(void)
{
	return xcalloc(1, sizeof(struct strmap));
}

void
strmap_free(struct strmap *m)
{
	if (m != NULL) {
		free(m->slots);
		free(m);
	}
}

void
strmap_clear(struct strmap *m)
{
	if (m->slots != NULL)
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	m->n = 0;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}

static struct slot *
find(const struct strmap *m, const char *key)
{
	size_t	 i;

	for (i = hash(key) & (m->cap - 1); m->slots[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->slots[i].key, key) == 0)
			break;
	return &m->slots[i];
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return find(m, key)->value;
}

static void
rehash(struct strmap *m)
{
	struct slot	*old = m->slots;
	size_t		 oldcap = m->cap, i;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*find(m, old[i].key) = old[i];
	free(old);
}

void *
strmap_put(struct strmap *m, const char *key, void *value)
{
	struct slot	*s;

	if ((m->n + 1) * 4 > m->cap * 3)
		rehash(m);
	s = find(m, key);
	if (s->key != NULL)
		return s->value;
	s->key = key;
	s->value = value;
	m->n++;
	return value;
}
