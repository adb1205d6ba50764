/*
 * Loading: recognises the format of an input file and hands it to the
 * loader for that format.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "util.h"

static const struct {
	enum input_format	 fmt;
	const char		*name;
	const char		*alias;
} formats[] = {
	{ FMT_AUTO,	"auto",		"auto" },
	{ FMT_NATIVE,	"mapa",		"native" },
	{ FMT_REGISTRY,	"registr",	"registry" },
	{ FMT_KATALOG,	"katalog",	"catalogue" },
	{ FMT_CSV,	"csv",		"csv" },
	{ FMT_EDITION,	"edice",	"edition" },
};

const char *
load_format_name(enum input_format f)
{
	size_t	 i;

	for (i = 0; i < NELEM(formats); i++)
		if (formats[i].fmt == f)
			return formats[i].name;
	return "?";
}

enum input_format
load_format_from_name(const char *s)
{
	size_t	 i;

	for (i = 0; i < NELEM(formats); i++)
		if (strcmp(s, formats[i].name) == 0 ||
		    strcmp(s, formats[i].alias) == 0)
			return formats[i].fmt;
	return (enum input_format)-1;
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t	 ls = strlen(s), lx = strlen(suffix), i;

	if (lx > ls)
		return false;
	for (i = 0; i < lx; i++)
		if (ascii_tolower((unsigned char)s[ls - lx + i]) != suffix[i])
			return false;
	return true;
}

/*
 * The first key of the top-level JSON object tells the three JSON formats
 * apart: rpss.json starts with "polozky", katalog.json with "verzeSchematu"
 * or "mista"; anything else is ours.
 */
static enum input_format
sniff_json(const char *head, size_t len)
{
	const char	*p = head, *end = head + len;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && is_space((unsigned char)*p))
		p++;
	if (p == end || *p != '{')
		return FMT_NATIVE;
	p++;
	while (p < end && is_space((unsigned char)*p))
		p++;
	if ((size_t)(end - p) >= 9 && memcmp(p, "\"polozky\"", 9) == 0)
		return FMT_REGISTRY;
	if ((size_t)(end - p) >= 15 && memcmp(p, "\"verzeSchematu\"", 15) == 0)
		return FMT_KATALOG;
	if ((size_t)(end - p) >= 7 && memcmp(p, "\"mista\"", 7) == 0)
		return FMT_KATALOG;
	return FMT_NATIVE;
}

enum input_format
load_sniff(const char *path, const char *head, size_t len)
{
	if (has_suffix(path, ".yaml") || has_suffix(path, ".yml"))
		return FMT_EDITION;
	if (has_suffix(path, ".csv") || has_suffix(path, ".txt"))
		return FMT_CSV;
	return sniff_json(head, len);
}

bool
load_sniff_file(const char *path, enum input_format *fmt, struct diag *d)
{
	FILE	*f;
	char	 head[512];
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		diag(d, D_IO, NULL, "cannot open %s: %s", path, strerror(errno));
		return false;
	}
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	/* Documents given by mistake: say what they are and what to do. */
	if (n >= 5 && memcmp(head, "%PDF-", 5) == 0) {
		diag(d, D_FORMAT_UNKNOWN, NULL, "%s is a PDF document, not "
		    "catalogue data", path);
		return false;
	}
	if (n >= 4 && (memcmp(head, "PK\3\4", 4) == 0 ||
	    memcmp(head, "\xD0\xCF\x11\xE0", 4) == 0)) {
		diag(d, D_FORMAT_UNKNOWN, NULL, "%s is a spreadsheet or office "
		    "document (.xlsx, .ods, .xls, …), not catalogue data: save "
		    "the sheet as CSV (UTF-8) and give that file", path);
		return false;
	}
	*fmt = load_sniff(path, head, n);
	return true;
}

bool
load_file(struct catalogue *c, const char *path, enum input_format fmt,
    const struct load_opts *opts, struct diag *d)
{
	char		*buf;
	size_t		 len;
	bool		 ok;
	const char	*file = diag_file(d, path);
	static const struct load_opts none;

	if (opts == NULL)
		opts = &none;
	if (fmt == FMT_AUTO && !load_sniff_file(path, &fmt, d))
		return false;
	/* The registry file is large: its loader reads it in chunks. */
	if (fmt == FMT_REGISTRY)
		return load_registry_file(c, path, opts, d);
	if ((buf = read_file(path, &len)) == NULL) {
		diag(d, D_IO, NULL, "cannot read %s: %s", path, strerror(errno));
		return false;
	}
	switch (fmt) {
	case FMT_NATIVE:
		ok = load_native(c, file, buf, len, opts, d);
		break;
	case FMT_KATALOG:
		ok = load_katalog(c, file, buf, len, opts, d);
		break;
	case FMT_CSV:
		ok = load_csv(c, file, buf, len, opts, d);
		break;
	default:
		diag(d, D_FORMAT_UNKNOWN, NULL,
		    "%s: not a catalogue data file", path);
		ok = false;
		break;
	}
	free(buf);
	return ok;
}
