/*
 * mapa — renders a "mapa pomoci" (a directory of social services) from
 * catalogue data. This file parses the command line and runs the stages in
 * order: load → merge → validate → model → (typography → layout → PDF;
 * model → XLSX).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "cmd_render.h"
#include "cmd_typo.h"
#include "codebook.h"
#include "diag.h"
#include "dump.h"
#include "edition.h"
#include "layout_file.h"
#include "load.h"
#include "model.h"
#include "util.h"

struct options {
	bool			 strict;
	bool			 quiet;
	bool			 doc;		/* dump --doc */
	enum input_format	 format;
	struct date		 active_on;
};

static void
usage(FILE *f)
{
	fputs("usage: mapa check [--strict] [--format=F] [--date=D] EDITION|FILE...\n"
	    "       mapa dump [--format=F] [--date=D] EDITION|FILE...\n"
	    "       mapa dump --doc EDITION\n"
	    "       mapa render [--strict] [--xlsx=FILE] EDITION\n"
	    "       mapa typo [--ties=LETTERS] [--off=GROUP,...] [--hyphenate] [--show]\n"
	    "       mapa hyphenate [--dict=FILE] [--patterns-only] [--text [--names]\n"
	    "                      [--no-compound] [--show]]\n"
	    "       mapa version\n"
	    "\n"
	    "  check   validate an edition (.yaml) or data files and list every problem\n"
	    "  dump    print the validated catalogue model as text; with --doc\n"
	    "          the composed brochure (parts, entries, spans) instead\n"
	    "  render  write the edition's outputs (vystupy: the XLSX appendices)\n"
	    "          when the data have no errors; --xlsx=FILE writes elsewhere\n"
	    "  typo    set Czech typography in lines of standard input\n"
	    "  hyphenate  show the break points of words, one per line\n"
	    "\n"
	    "  --strict     warnings also make the exit status 1\n"
	    "  --format=F   read data files as F: mapa, registr, katalog, csv\n"
	    "               (default: recognised from the file)\n"
	    "  --date=D     keep only services active on D (YYYY-MM-DD)\n"
	    "\n"
	    "Exit status: 0 no errors, 1 errors in the data, 2 usage, 3 a file\n"
	    "could not be read or written.\n", f);
}

/* Parses one --option; returns false (after a message) if it is wrong. */
static bool
parse_option(const char *arg, struct options *o)
{
	if (strcmp(arg, "--strict") == 0)
		o->strict = true;
	else if (strcmp(arg, "--quiet") == 0)
		o->quiet = true;
	else if (strcmp(arg, "--doc") == 0)
		o->doc = true;
	else if (strncmp(arg, "--format=", 9) == 0) {
		o->format = load_format_from_name(arg + 9);
		if ((int)o->format < 0 || o->format == FMT_EDITION) {
			fprintf(stderr, "mapa: unknown format %s (use mapa, "
			    "registr, katalog or csv)\n", arg + 9);
			return false;
		}
	} else if (strncmp(arg, "--date=", 7) == 0) {
		if (!date_parse(arg + 7, &o->active_on)) {
			fprintf(stderr, "mapa: bad date %s (use YYYY-MM-DD)\n",
			    arg + 7);
			return false;
		}
	} else {
		fprintf(stderr, "mapa: unknown option %s\n", arg);
		return false;
	}
	return true;
}

/*
 * Parses options wherever they stand (a "--" ends them) and moves the
 * operands to the front of argv. Returns the number of operands, or -1.
 */
static int
parse_options(int argc, char **argv, struct options *o)
{
	int	 i, n = 0;
	bool	 options = true;

	for (i = 0; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = false;
		else if (options && strncmp(argv[i], "--", 2) == 0) {
			if (!parse_option(argv[i], o))
				return -1;
		} else
			argv[n++] = argv[i];
	}
	return n;
}

/* The catalogue from the operands, with the command line's options. */
static struct catalogue *
catalogue_from(int argc, char **argv, const struct options *o,
    struct diag *d)
{
	struct build_opts bo = { o->format, o->active_on };

	return build_catalogue(argc, argv, &bo, d, NULL);
}

static int
cmd_check(int argc, char **argv)
{
	struct options	  o = { 0 };
	struct diag	 *d;
	struct catalogue *c;
	int		  n, status;

	if ((n = parse_options(argc, argv, &o)) < 0)
		return 2;
	if (n == 0 || o.doc) {
		usage(stderr);
		return 2;
	}
	if (lspec_all_layouts(n, argv))
		return lspec_check_files(n, argv, o.strict, o.quiet);
	d = diag_new(stdout);
	c = catalogue_from(n, argv, &o, d);
	diag_flush(d);
	if (!o.quiet) {
		if (c != NULL)
			printf("mapa: %zu %s from %zu %s\n", c->nservices,
			    c->nservices == 1 ? "service" : "services",
			    c->nproviders,
			    c->nproviders == 1 ? "provider" : "providers");
		diag_summary(d, stdout);
	}
	status = diag_exit_status(d, o.strict);
	model_free(c);
	diag_free(d);
	return status;
}

/* `mapa dump --doc EDITION`: the composed document of one edition. */
static int
dump_doc(int n, char **argv, const struct options *o)
{
	struct build_opts bo = { o->format, o->active_on };
	struct diag	 *d;
	struct catalogue *c;
	struct edition	 *e = NULL;
	int		  status;

	if (n != 1) {
		fprintf(stderr, "mapa: dump --doc takes one edition file\n");
		return 2;
	}
	d = diag_new(stderr);
	c = build_catalogue(n, argv, &bo, d, &e);
	if (e == NULL) {
		diag_flush(d);
		fprintf(stderr, "mapa: %s is not an edition file; dump --doc "
		    "needs one\n", argv[0]);
		model_free(c);
		diag_free(d);
		return 2;
	}
	dump_document(stdout, c, e, d);
	diag_flush(d);
	status = diag_exit_status(d, o->strict);
	edition_free(e);
	model_free(c);
	diag_free(d);
	return status;
}

static int
cmd_dump(int argc, char **argv)
{
	struct options	  o = { 0 };
	struct diag	 *d;
	struct catalogue *c;
	int		  n, status;

	if ((n = parse_options(argc, argv, &o)) < 0)
		return 2;
	if (n == 0) {
		usage(stderr);
		return 2;
	}
	if (o.doc)
		return dump_doc(n, argv, &o);
	d = diag_new(stderr);
	c = catalogue_from(n, argv, &o, d);
	diag_flush(d);
	dump_catalogue(stdout, c);
	status = diag_exit_status(d, o.strict);
	model_free(c);
	diag_free(d);
	return status;
}

static int
cmd_version(int argc, char **argv)
{
	printf("mapa %s\n", VERSION);
	return 0;
}

static int
cmd_help(int argc, char **argv)
{
	usage(stdout);
	return 0;
}

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
} commands[] = {
	{ "check",	cmd_check },
	{ "dump",	cmd_dump },
	{ "render",	cmd_render },
	{ "typo",	cmd_typo },
	{ "hyphenate",	cmd_hyphenate },
	{ "version",	cmd_version },
	{ "--version",	cmd_version },
	{ "help",	cmd_help },
	{ "--help",	cmd_help },
};

int
main(int argc, char **argv)
{
	size_t	 i;

	/*
	 * Messages and data are UTF-8 whatever the locale; numbers are always
	 * formatted by our own code, and LC_NUMERIC stays "C" for the
	 * libraries that print numbers through printf (cairo, libxlsxwriter).
	 */
	setlocale(LC_ALL, "C");
	cb_init();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	for (i = 0; i < NELEM(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 2, argv + 2);
	fprintf(stderr, "mapa: unknown command %s\n", argv[1]);
	usage(stderr);
	return 2;
}
