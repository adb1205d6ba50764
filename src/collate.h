/*
 * Czech collation for indexes and sorted lists, with ICU's "cs" tailoring:
 * ch sorts after h, č ř š ž are letters of their own (after c r s z),
 * accents (á, ď, ě…) and case only break ties. The process locale plays no
 * part: the collator is always opened for "cs".
 */
#ifndef MAPA_COLLATE_H
#define MAPA_COLLATE_H

#include <stdbool.h>
#include <stddef.h>

struct collate;

/*
 * Opens the Czech collator. With numeric set, digit runs compare by value
 * ("Domov 2" before "Domov 10"). Returns NULL when ICU has no Czech data.
 * Free with collate_free().
 */
struct collate	*collate_new(bool numeric);
void		 collate_free(struct collate *);

/* Compares two UTF-8 strings: < 0, 0 or > 0. Invalid UTF-8 sorts by
   ICU's replacement rules, never crashes. */
int		 collate_cmp(const struct collate *, const char *a, size_t alen,
		    const char *b, size_t blen);

/*
 * Returns the sort key of a UTF-8 string: bytes that compare with
 * strcmp() as the strings compare with collate_cmp() (the key ends with
 * one NUL, not counted in *keylen). The caller frees it.
 */
unsigned char	*collate_key(const struct collate *, const char *s, size_t len,
		    size_t *keylen);

/* Sorts n NUL-terminated UTF-8 strings in Czech order; stable. */
void		 collate_sort(const struct collate *, const char **v, size_t n);

/*
 * Writes the index heading a string files under into out (at least 8
 * bytes): its first letter without accents, except the Czech letters of
 * their own ("Ch", "Č", "Ř", "Š", "Ž"), capitalised: "Ášek" → "A",
 * "chata" → "Ch", "Čáslav" → "Č". A string starting with a digit files
 * under "0–9", anything else under "#". Returns out.
 */
char		*collate_heading(const struct collate *, const char *s,
		    size_t len, char *out);

#endif
