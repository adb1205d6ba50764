/*
 * A tiny unit-test harness (after cmark's api_test/harness.h).
 *
 *	static void test_x(void) { INT_EQ(1 + 1, 2, "sum"); }
 *	int main(void) { RUN(test_x); return DONE(); }
 *
 * Each check prints nothing when it passes and "FAIL file:line: msg" when it
 * fails; DONE() prints "<program>: N passed, M failed" and returns the exit
 * status (0 when nothing failed). tests/run.sh adds the counts up.
 */
#ifndef MAPA_HARNESS_H
#define MAPA_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;
static const char *harness_test = "";

#define HARNESS_REPORT(ok, fmt, ...) do {				\
	if (ok)								\
		harness_passed++;					\
	else {								\
		harness_failed++;					\
		printf("FAIL %s:%d: %s: " fmt "\n", __FILE__, __LINE__,	\
		    harness_test, __VA_ARGS__);				\
	}								\
} while (0)

#define OK(cond, msg)		HARNESS_REPORT((cond), "%s", (msg))
#define INT_EQ(got, want, msg) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	HARNESS_REPORT(g_ == w_, "%s: got %lld, want %lld", (msg), g_, w_); \
} while (0)
#define STR_EQ(got, want, msg) do {					\
	const char *g_ = (got), *w_ = (want);				\
	HARNESS_REPORT((g_ == NULL && w_ == NULL) ||			\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0),		\
	    "%s: got \"%s\", want \"%s\"", (msg), g_ ? g_ : "(null)",	\
	    w_ ? w_ : "(null)");					\
} while (0)

#define RUN(fn)	do { harness_test = #fn; fn(); } while (0)
#define DONE()	(printf("%s: %d passed, %d failed\n", __FILE__,	\
	    harness_passed, harness_failed), harness_failed != 0)

#endif
