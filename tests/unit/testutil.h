/*
 * Shared fixture for the unit tests: a diag whose messages are printed into
 * memory so that a test can compare them.
 *
 *	struct capture	 cap;
 *
 *	capture_open(&cap);		(or: struct diag *d = capture_open(&cap);)
 *	ok = code_under_test(..., cap.d);
 *	STR_EQ(capture_text(&cap), "t.json:1:2: error: ... [code]\n", "msg");
 *	capture_close(&cap);
 *
 * Header-only; every function is static inline so that a test which uses
 * only some of them gets no -Wunused-function warning.
 */
#ifndef MAPA_TESTUTIL_H
#define MAPA_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

struct capture {
	FILE		*f;	/* memory stream the diag prints to */
	char		*mem;	/* its text (open_memstream's buffer) */
	size_t		 len;	/* its length */
	struct diag	*d;	/* pass this to the code under test */
};

/*
 * Makes a fresh diag printing into memory and returns it (also in c->d);
 * exits if there is no memory.
 */
static inline struct diag *
capture_open(struct capture *c)
{
	memset(c, 0, sizeof *c);
	c->f = open_memstream(&c->mem, &c->len);
	if (c->f == NULL) {
		perror("open_memstream");
		exit(2);
	}
	c->d = diag_new(c->f);
	return c->d;
}

/*
 * Prints the messages collected so far (diag_flush) and returns everything
 * printed since capture_open, NUL-terminated. The pointer stays valid until
 * the next call to a capture function.
 */
static inline const char *
capture_text(struct capture *c)
{
	diag_flush(c->d);
	fflush(c->f);
	return c->mem != NULL ? c->mem : "";
}

/*
 * Like capture_text, but copies the text into buf (size bytes, at least 1),
 * cutting it at size - 1 bytes as the tests' fixed message buffers expect.
 */
static inline void
capture_copy(struct capture *c, char *buf, size_t size)
{
	const char	*s = capture_text(c);
	size_t		 n = c->len < size - 1 ? c->len : size - 1;

	memcpy(buf, s, n);
	buf[n] = '\0';
}

/* Frees the diag, the stream and its text; c may be reused by capture_open. */
static inline void
capture_close(struct capture *c)
{
	diag_free(c->d);
	if (c->f != NULL)
		fclose(c->f);
	free(c->mem);
	memset(c, 0, sizeof *c);
}

#endif
