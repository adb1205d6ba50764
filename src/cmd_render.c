/*
 * mapa render (see cmd_render.h): the pipeline from an edition file to its
 * outputs: build → check that nothing blocks → statistics → changes
 * against the previous data → workbook.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "changes.h"
#include "cmd_render.h"
#include "diag.h"
#include "edition.h"
#include "impose.h"
#include "load.h"
#include "outfile.h"
#include "progress.h"
#include "render_pdf.h"
#include "stats.h"
#include "util.h"
#include "xlsx.h"

struct render_opts {
	bool		 strict;
	const char	*xlsx;		/* --xlsx=FILE, or NULL */
	const char	*pdf;		/* --pdf=FILE, or NULL */
	const char	*layout;	/* --layout=NAME|FILE, or NULL */
	const char	*geometry;	/* --geometry=FILE: page geometry dump */
	bool		 quiet;		/* --quiet: no progress, no "wrote" */
	bool		 verbose;	/* --verbose: each step with its time */
	const char	*print;		/* --print=FILE: print PDF, or NULL */
	const char	*booklet;	/* --booklet=FILE: imposed booklet */
	bool		 perfect;	/* --binding=perfect (else saddle) */
};

/* Output options name the only outputs to write (else the edition's). */
static bool
cli_outputs(const struct render_opts *o)
{
	return o->pdf != NULL || o->xlsx != NULL || o->print != NULL ||
	    o->booklet != NULL;
}

/* Says what was written, unless --quiet. */
static void __attribute__((format(printf, 2, 3)))
wrote(const struct render_opts *o, const char *fmt, ...)
{
	va_list	 ap;

	if (o->quiet)
		return;
	progress_clear();
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

static int
render_usage(void)
{
	fputs("usage: mapa render [--strict] [--quiet|--verbose] [--pdf=FILE] "
	    "[--xlsx=FILE]\n"
	    "                  "
	    "[--layout=LAYOUT]\n"
	    "                  [--print=FILE] [--booklet=FILE] "
	    "[--binding=saddle|perfect]\n"
	    "                  [--geometry=FILE] EDITION\n", stderr);
	return 2;
}

/* Parses options wherever they stand; returns the operand count or -1. */
static int
parse(int argc, char **argv, struct render_opts *o)
{
	int	 i, n = 0;
	bool	 options = true;

	for (i = 0; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = false;
		else if (options && strcmp(argv[i], "--strict") == 0)
			o->strict = true;
		else if (options && strcmp(argv[i], "--quiet") == 0)
			o->quiet = true;
		else if (options && strcmp(argv[i], "--verbose") == 0)
			o->verbose = true;
		else if (options && strncmp(argv[i], "--xlsx=", 7) == 0 &&
		    argv[i][7] != '\0')
			o->xlsx = argv[i] + 7;
		else if (options && strncmp(argv[i], "--pdf=", 6) == 0 &&
		    argv[i][6] != '\0')
			o->pdf = argv[i] + 6;
		else if (options && strncmp(argv[i], "--layout=", 9) == 0 &&
		    argv[i][9] != '\0')
			o->layout = argv[i] + 9;
		else if (options && strncmp(argv[i], "--geometry=", 11) == 0 &&
		    argv[i][11] != '\0')
			o->geometry = argv[i] + 11;
		else if (options && strncmp(argv[i], "--print=", 8) == 0 &&
		    argv[i][8] != '\0')
			o->print = argv[i] + 8;
		else if (options && strncmp(argv[i], "--booklet=", 10) == 0 &&
		    argv[i][10] != '\0')
			o->booklet = argv[i] + 10;
		else if (options && (strcmp(argv[i], "--binding=saddle") == 0 ||
		    strcmp(argv[i], "--binding=perfect") == 0))
			o->perfect = argv[i][10] == 'p';
		else if (options && strncmp(argv[i], "--", 2) == 0) {
			fprintf(stderr, "mapa: unknown option %s\n", argv[i]);
			return -1;
		} else
			argv[n++] = argv[i];
	}
	return n;
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static long long
days_from_civil(int y, int m, int d)
{
	long long	 yy = m <= 2 ? y - 1 : y;
	long long	 era = (yy >= 0 ? yy : yy - 399) / 400;
	long long	 yoe = yy - era * 400;
	long long	 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/*
 * The workbook's creation time: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else the edition's data date at 00:00 UTC, so that the same
 * inputs always give the same bytes. False for a malformed variable.
 */
static bool
creation_time(const struct edition *e, const struct catalogue *c, time_t *t)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	const struct date *d = e->data_date.y != 0 ? &e->data_date :
	    &c->data_date;
	char		*end;
	long long	 v;

	if (s != NULL) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0 ||
		    v <= 0 || (long long)(time_t)v != v) {
			fprintf(stderr, "mapa: SOURCE_DATE_EPOCH must be a "
			    "number of seconds since 1970, not %s\n", s);
			return false;
		}
		*t = (time_t)v;
	} else if (d->y != 0)
		*t = (time_t)(days_from_civil(d->y, d->m, d->d) * 86400);
	else
		*t = (time_t)315532800;		/* 1980-01-01, as zip dates */
	return true;
}

/* The creation time as ISO 8601 UTC, for the PDF's metadata. */
static void
iso_date(time_t t, char *buf, size_t size)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Writes the print PDF and the booklet (impose.h) the options or the
 * edition name, from the reader PDF at reader; false after a failure.
 */
static bool
write_print(const struct render_opts *o, const struct edition *e,
    const char *reader, struct diag *d)
{
	struct impose_opts io;
	struct impose_out res;
	const char	*print = o->print != NULL ? o->print :
			    cli_outputs(o) ? NULL : e->outputs.print.s;
	const char	*booklet = o->booklet != NULL ? o->booklet :
			    cli_outputs(o) ? NULL : e->outputs.booklet.s;
	bool		 ok = true;

	impose_opts_for(&io, e, o->layout);
	io.binding = o->perfect ? IMPOSE_PERFECT : IMPOSE_SADDLE;
	if (print != NULL) {
		io.pos = o->print != NULL ? NULL : &e->outputs.print.pos;
		if ((ok = impose_print(reader, print, &io, d, &res)))
			wrote(o, "mapa: wrote %s (%zu pages with bleed and crop "
			    "marks)\n", print, res.pages);
	}
	if (booklet != NULL) {
		io.pos = o->booklet != NULL ? NULL : &e->outputs.booklet.pos;
		if (!impose_booklet(reader, booklet, &io, d, &res))
			ok = false;
		else if (o->perfect)
			wrote(o, "mapa: wrote %s (%zu pages for perfect binding, "
			    "%zu blank added)\n", booklet, res.pages,
			    res.blanks);
		else
			wrote(o, "mapa: wrote %s (%zu sheet sides for saddle "
			    "stitch, %zu blank pages added)\n", booklet,
			    res.pages, res.blanks);
	}
	return ok;
}

/*
 * Writes the reader PDF and the print files made from it (to a temporary
 * reader PDF when only they are asked for); false after a reported
 * failure.
 */
static bool
write_pdf(const struct render_opts *o, const struct edition *e,
    const struct catalogue *c, const struct stats *st, time_t created,
    struct diag *d)
{
	struct render_pdf_in in = { 0 };
	struct render_pdf_out out;
	char		 date[32];
	FILE		*geo = NULL;
	char		*tmp = NULL;
	bool		 ok, print;

	in.path = o->pdf != NULL ? o->pdf : cli_outputs(o) ? NULL :
	    e->outputs.pdf.s;
	in.pos = o->pdf != NULL ? NULL : &e->outputs.pdf.pos;
	print = o->print != NULL || o->booklet != NULL || (!cli_outputs(o) &&
	    (e->outputs.print.s != NULL || e->outputs.booklet.s != NULL));
	if (in.path == NULL && print) {
		if ((in.path = tmp = outfile_scratch_new(".pdf",
		    "the print files", d)) == NULL)
			return false;
		in.pos = NULL;
	}
	if (in.path == NULL)
		return true;
	if (o->geometry != NULL && (geo = fopen(o->geometry, "w")) == NULL) {
		fprintf(stderr, "mapa: %s: cannot write the geometry dump\n",
		    o->geometry);
		outfile_scratch_drop(tmp);
		return false;
	}
	iso_date(created, date, sizeof date);
	in.catalogue = c;
	in.edition = e;
	in.stats = st;
	in.date = date;
	in.layout = o->layout;
	in.geometry = geo;
	ok = render_pdf(&in, &out, d);
	if (geo != NULL)
		fclose(geo);
	if (ok && tmp == NULL)
		wrote(o, "mapa: wrote %s (%zu pages)\n", in.path, out.pages);
	if (ok && print)
		ok = write_print(o, e, in.path, d);
	outfile_scratch_drop(tmp);
	return ok;
}

/* Writes the workbook; false after a reported failure. */
static bool
write_xlsx(const struct render_opts *o, const struct edition *e,
    const struct catalogue *c, const struct catalogue *prev,
    const struct stats *st, time_t created, struct diag *d)
{
	struct xlsx_input in = { 0 };
	struct changes	*ch;
	const char	*path = o->xlsx != NULL ? o->xlsx : cli_outputs(o) ?
			    NULL : e->outputs.xlsx.s;
	const struct srcpos *pos = o->xlsx != NULL ? NULL :
	    &e->outputs.xlsx.pos;
	bool		 ok;

	if (path == NULL)
		return true;
	in.edition = e;
	in.catalogue = c;
	in.stats = st;
	in.previous = prev;
	in.changes = ch = prev != NULL ? changes_compute(c, prev) : NULL;
	in.created = created;
	progress("writing the workbook");
	ok = xlsx_write(path, &in, pos, d);
	if (ok)
		wrote(o, "mapa: wrote %s\n", path);
	changes_free(ch);
	return ok;
}

/* Writes the outputs the edition (or the options) name. */
static void
write_outputs(const struct render_opts *o, const struct edition *e,
    const struct catalogue *c, const struct catalogue *prev, time_t created,
    struct diag *d)
{
	struct stats	*st;

	if (!cli_outputs(o) && e->outputs.pdf.s == NULL &&
	    e->outputs.xlsx.s == NULL && e->outputs.print.s == NULL &&
	    e->outputs.booklet.s == NULL) {
		if (e->nvariants == 0)
			printf("mapa: the edition names no outputs (vystupy: "
			    "pdf, tisk, brozura, xlsx); nothing written\n");
		return;
	}
	if (e->variant != NULL)
		wrote(o, "mapa: variant „%s“:\n", e->variant->id.s);
	st = build_stats(e, c);
	write_pdf(o, e, c, st, created, d);
	diag_flush(d);
	write_xlsx(o, e, c, prev, st, created, d);
	stats_free(st);
}

/*
 * The editions to render: the edition itself, then each of its variants
 * (varianty) as a full edition with its own catalogue — the inputs are
 * loaded again with the variant's narrower filters. Output options on the
 * command line name the edition's own outputs only: variants are then
 * skipped.
 */
struct job {
	struct edition	 *e;		/* owned unless it is the edition */
	struct catalogue *c;
	struct catalogue *prev;
};

static struct job *
variant_jobs(const struct render_opts *o, struct edition *e,
    struct diag *d, size_t *n)
{
	struct job	*jobs;
	size_t		 i;

	*n = 0;
	if (cli_outputs(o) || e->nvariants == 0)
		return NULL;
	jobs = xcalloc(e->nvariants, sizeof *jobs);
	for (i = 0; i < e->nvariants; i++) {
		progress("loading variant %s", e->variants[i].id.s);
		jobs[i].e = edition_for_variant(e, i, d);
		jobs[i].c = build_edition(jobs[i].e, d);
		jobs[i].prev = build_previous(jobs[i].e, d);
	}
	*n = e->nvariants;
	return jobs;
}

static void
jobs_free(struct job *jobs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		model_free(jobs[i].prev);
		model_free(jobs[i].c);
		edition_free(jobs[i].e);
	}
	free(jobs);
}

int
cmd_render(int argc, char **argv)
{
	struct render_opts o = { 0 };
	struct build_opts  bo = { FMT_AUTO, { 0 } };
	struct diag	  *d;
	struct catalogue  *c, *prev = NULL;
	struct edition	  *e = NULL;
	struct job	  *jobs = NULL;
	time_t		   created = 0;
	size_t		   njobs = 0, i;
	int		   n, status;
	bool		   errors, warnings;

	if ((n = parse(argc, argv, &o)) < 0 || n != 1)
		return render_usage();
	progress_set(o.quiet ? PROGRESS_QUIET : o.verbose ? PROGRESS_VERBOSE :
	    PROGRESS_NORMAL);
	d = diag_new(stdout);
	progress("loading %s", argv[0]);
	c = build_catalogue(1, argv, &bo, d, &e);
	/*
	 * No edition: a usage error, unless the edition file was given but
	 * could not be read (its errors are reported; exit status 1).
	 */
	if (e == NULL && diag_count(d, DIAG_FATAL) == 0 &&
	    (load_sniff(argv[0], "", 0) != FMT_EDITION ||
	    diag_count(d, DIAG_ERROR) == 0)) {
		diag_flush(d);
		fprintf(stderr, "mapa: render needs an edition file (.yaml), "
		    "not %s\n", argv[0]);
		model_free(c);
		diag_free(d);
		return 2;
	}
	if (e != NULL) {
		prev = build_previous(e, d);
		jobs = variant_jobs(&o, e, d, &njobs);
		if (!creation_time(e, c, &created)) {
			jobs_free(jobs, njobs);
			model_free(prev);
			model_free(c);
			edition_free(e);
			diag_free(d);
			return 2;
		}
	}
	errors = e == NULL || diag_count(d, DIAG_FATAL) > 0 ||
	    diag_count(d, DIAG_ERROR) > 0;
	warnings = o.strict && diag_count(d, DIAG_WARNING) > 0;
	diag_flush(d);
	if (errors || warnings)
		printf("mapa: outputs not written: fix the %s\n",
		    errors ? "errors above" : "warnings above (--strict)");
	else {
		write_outputs(&o, e, c, prev, created, d);
		diag_flush(d);
		for (i = 0; i < njobs; i++) {
			write_outputs(&o, jobs[i].e, jobs[i].c, jobs[i].prev,
			    created, d);
			diag_flush(d);
		}
	}
	if (!o.quiet)
		diag_summary(d, stdout);
	status = diag_exit_status(d, o.strict);
	jobs_free(jobs, njobs);
	model_free(prev);
	model_free(c);
	edition_free(e);
	diag_free(d);
	return status;
}
