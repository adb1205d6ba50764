/*
 * A string-keyed hash map (open addressing, linear probing) for lookups by
 * identifikátor, IČO and the like. Keys are not copied: they must outlive
 * the map (arena strings do). Iteration order is never exposed, so results
 * cannot depend on hashing.
 */
#ifndef MAPA_STRMAP_H
#define MAPA_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap	*strmap_new(void);
void		 strmap_free(struct strmap *);
/* Returns the value for key, or NULL. */
void		*strmap_get(const struct strmap *, const char *key);
/*
 * Stores value under key unless the key is present; returns the value now
 * stored under key (the existing one if there was one).
 */
void		*strmap_put(struct strmap *, const char *key, void *value);
void		 strmap_clear(struct strmap *);
size_t		 strmap_count(const struct strmap *);

#endif
