/*
 * Arena allocator: a list of large blocks, bump allocation inside each.
 */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define BLOCK_SIZE	(64 * 1024)
#define ALIGN		alignof(max_align_t)

struct block {
	struct block	*next;
	size_t		 size;	/* usable bytes in data */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block	*head;
	size_t		 total;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_reset(struct arena *a)
{
	struct block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b;

	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	a->total += n;
#ifdef ARENA_DEBUG
	/* One block per allocation: overruns hit the allocator's redzone. */
	b = xmalloc(sizeof *b + n);
	b->size = b->used = n;
	b->next = a->head;
	a->head = b;
	memset(b->data, 0, n);
	return b->data;
#else
	size_t		 size;
	void		*p;

	b = a->head;
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		/* A big one-off allocation goes behind the current block. */
		if (size != BLOCK_SIZE && a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
#endif
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
