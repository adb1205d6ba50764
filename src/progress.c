/*
 * Progress on standard error (see progress.h).
 */
#include <sys/resource.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static enum progress_level level = PROGRESS_NORMAL;
static bool	 shown;		/* the indicator is on the screen */
static int	 tty = -1;	/* stderr is a terminal; -1: not known */
static struct timespec start;

void
progress_set(enum progress_level l)
{
	level = l;
}

/* The peak resident memory so far, in MB. */
static long
peak_mb(void)
{
	struct rusage	 ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return ru.ru_maxrss / 1024;	/* (kilobytes on Linux) */
}

static double
elapsed(void)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start.tv_sec) +
	    (double)(now.tv_nsec - start.tv_nsec) / 1e9;
}

void
progress(const char *fmt, ...)
{
	va_list	 ap;

	if (level == PROGRESS_QUIET)
		return;
	if (tty < 0) {
		tty = isatty(STDERR_FILENO);
		clock_gettime(CLOCK_MONOTONIC, &start);
	}
	if (level == PROGRESS_NORMAL && !tty)
		return;
	va_start(ap, fmt);
	if (level == PROGRESS_VERBOSE) {
		progress_clear();
		fprintf(stderr, "mapa: %6.2f s %5ld MB  ", elapsed(),
		    peak_mb());
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	} else {
		/* \033[K clears the rest of the previous indicator */
		fputs("\rmapa: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputs("…\033[K", stderr);
		shown = true;
	}
	va_end(ap);
	fflush(stderr);
}

void
progress_clear(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	shown = false;
}
