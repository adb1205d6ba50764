/*
 * Small utilities shared by every stage: allocation that never returns NULL,
 * a growable byte buffer, and UTF-8 helpers. Nothing here knows about the
 * catalogue.
 */
#ifndef MAPA_UTIL_H
#define MAPA_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: print a message and exit(3) when memory runs out. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/*
 * Grows the array *p of *cap elements of size sz so that it holds at least
 * need elements (doubling). For the usual "push" pattern:
 *	if (n == cap) grow(&v, &cap, n + 1, sizeof *v);
 */
void	 grow(void *p, size_t *cap, size_t need, size_t sz);

/* A growable byte buffer, always NUL-terminated after the first append. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_putc(struct buf *, char);
void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_put_utf8(struct buf *, uint32_t cp);
/* Room for extra more bytes (and a terminating NUL) after len. */
void	 buf_reserve(struct buf *, size_t extra);
void	 buf_reset(struct buf *);	/* len = 0, keeps the memory */
void	 buf_free(struct buf *);
/* Returns the contents as a malloc'd string and empties the buffer. */
char	*buf_steal(struct buf *);
/* Returns a NUL-terminated view of the contents (valid until the next change). */
const char *buf_str(struct buf *);

/*
 * Decodes one UTF-8 sequence at s (at most len bytes). Returns its length in
 * bytes and stores the code point in *cp, or returns 0 when the bytes are not
 * well-formed UTF-8 (overlongs, surrogates and values above U+10FFFF are
 * rejected).
 */
size_t	 utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t	 utf8_encode(uint32_t cp, char *out);
/* Returns the offset of the first ill-formed byte, or len when all is valid. */
size_t	 utf8_check(const unsigned char *s, size_t len);
/* Counts code points in s[0..len) (assumes valid UTF-8). */
size_t	 utf8_count(const char *s, size_t len);

/* ASCII-only helpers that do not depend on the process locale. */
bool	 is_digit(int c);
bool	 is_space(int c);
bool	 all_digits(const char *s, size_t len);
int	 ascii_tolower(int c);

/*
 * Trims a value read from a file: ASCII white space (is_space()) and
 * no-break spaces at both ends of s[0..len). Returns the new start and
 * stores the new length in *outlen; s itself is not changed.
 */
const char *trim_space(const char *s, size_t len, size_t *outlen);

/*
 * The lower-case ASCII letter or digit that code point cp folds to, for
 * matching words typed with or without diacritics and capitals: "Č" → 'c',
 * "ů" → 'u', "A" → 'a', "7" → '7' (Czech and the nearby Latin-1 and Latin
 * Extended-A letters). 0 for anything else (spaces, punctuation, other
 * scripts).
 */
int	 fold_letter(uint32_t cp);

/*
 * Reads a whole file into a malloc'd buffer (NUL-terminated, *len without the
 * NUL). Returns NULL and sets errno on failure.
 */
char	*read_file(const char *path, size_t *len);

#endif
