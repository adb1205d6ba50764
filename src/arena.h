/*
 * Arena allocator: one per document run (or per registry item while
 * streaming). Everything allocated from an arena is freed at once with
 * arena_free() or arena_reset(); nothing allocated here is freed alone.
 *
 * Built with -DARENA_DEBUG every allocation is a separate malloc, so that
 * AddressSanitizer and valgrind see overruns inside the arena.
 */
#ifndef MAPA_ARENA_H
#define MAPA_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *);
/* Frees everything allocated so far but keeps the arena usable. */
void		 arena_reset(struct arena *);
/* Zero-filled, aligned for any type. Never returns NULL. */
void		*arena_alloc(struct arena *, size_t);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
/* Bytes handed out so far (for measurements). */
size_t		 arena_used(const struct arena *);

/* Allocates one zeroed object of the pointed-to type. */
#define ANEW(a, p)	((p) = arena_alloc((a), sizeof *(p)))

#endif
