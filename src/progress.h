/*
 * What a long run is doing, on standard error: a one-line indicator that
 * rewrites itself while stderr is a terminal ("mapa: pagination, pass
 * 2…"), nothing when it is not (logs stay clean), and with --verbose one
 * line per step with the time since the start, wherever stderr goes.
 * --quiet silences both. Never writes to standard output.
 */
#ifndef MAPA_PROGRESS_H
#define MAPA_PROGRESS_H

enum progress_level {
	PROGRESS_QUIET,
	PROGRESS_NORMAL,	/* the indicator, on a terminal only */
	PROGRESS_VERBOSE	/* a line per step, with times */
};

/* Sets the level (the default is PROGRESS_NORMAL). */
void	progress_set(enum progress_level);

/* Reports the step now starting. */
void	progress(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* Clears the indicator before other output (messages, "wrote" lines). */
void	progress_clear(void);

#endif
