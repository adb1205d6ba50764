/*
 * `mapa typo` and `mapa hyphenate` (see cmd_typo.h and README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_typo.h"
#include "hyph.h"
#include "typo.h"
#include "util.h"

/* Rule groups by the names --off takes. */
static const struct {
	const char	*name;
	unsigned	 flag;
} groups[] = {
	{ "ties",	TYPO_TIES },
	{ "numbers",	TYPO_NUMBERS },
	{ "dashes",	TYPO_DASHES },
	{ "quotes",	TYPO_QUOTES },
	{ "misc",	TYPO_MISC },
	{ "joiner",	TYPO_JOINER },
};

static void
usage_typo(FILE *f)
{
	fputs("usage: mapa typo [--ties=LETTERS] [--off=GROUP,...] [--hyphenate] [--show]\n"
	    "  reads UTF-8 lines on standard input and writes each normalised\n"
	    "  --ties=LETTERS  one-letter words tied to the next word\n"
	    "                  (default kKsSvVzZoOuUaAiI; vlna's is KkSsVvZzOoUuAI)\n"
	    "  --off=GROUPS    rule groups to skip: ties, numbers, dashes, quotes,\n"
	    "                  misc, joiner\n"
	    "  --hyphenate     also insert soft hyphens (U+00AD)\n"
	    "  --show          show U+00A0 as ~, U+202F as ^, U+2060 as ¦, U+00AD as ·\n",
	    f);
}

static void
usage_hyph(FILE *f)
{
	fputs("usage: mapa hyphenate [--dict=FILE] [--patterns-only] [--text [--names]\n"
	    "                        [--no-compound] [--show]]\n"
	    "  reads one word per line and writes it with its break points: \"-\" a\n"
	    "  break (a hyphen is added), \"=\" the word's own hyphen where a break is\n"
	    "  allowed (it is repeated on the next line), U+2011 its own hyphen where\n"
	    "  no break is allowed\n"
	    "  --dict=FILE      use a libhyphen dictionary instead of the built-in one\n"
	    "  --patterns-only  without mapa's exception list\n"
	    "  --text           lines are running text: insert soft hyphens (U+00AD)\n"
	    "  --names          with --text: also hyphenate capitalised words inside\n"
	    "                   a sentence (taken for names by default)\n"
	    "  --no-compound    with --text: never break at a word's own hyphen\n"
	    "  --show           with --text: show U+00AD as ·, U+2060 as ¦\n", f);
}

/* Writes s, making the invisible characters visible when show is set. */
static void
put(const char *s, size_t len, bool show)
{
	size_t	 i;

	if (!show) {
		fwrite(s, 1, len, stdout);
		return;
	}
	for (i = 0; i < len; i++) {
		if (strncmp(s + i, "\xc2\xa0", 2) == 0 && i + 1 < len) {
			putchar('~');
			i++;
		} else if (strncmp(s + i, "\xe2\x80\xaf", 3) == 0 && i + 2 < len) {
			putchar('^');
			i += 2;
		} else if (strncmp(s + i, "\xe2\x81\xa0", 3) == 0 && i + 2 < len) {
			fputs("¦", stdout);
			i += 2;
		} else if (strncmp(s + i, "\xc2\xad", 2) == 0 && i + 1 < len) {
			fputs("·", stdout);
			i++;
		} else
			putchar(s[i]);
	}
}

/* Reads the next line without its "\n"; returns its length or -1 at EOF. */
static long
next_line(char **line, size_t *cap)
{
	ssize_t	 n;

	if ((n = getline(line, cap, stdin)) < 0)
		return -1;
	if (n > 0 && (*line)[n - 1] == '\n')
		(*line)[--n] = '\0';
	return (long)n;
}

static bool
parse_off(const char *arg, unsigned *flags)
{
	const char	*p = arg, *e;
	size_t		 i, len;

	while (*p != '\0') {
		e = strchr(p, ',');
		len = e == NULL ? strlen(p) : (size_t)(e - p);
		for (i = 0; i < NELEM(groups); i++)
			if (strlen(groups[i].name) == len &&
			    strncmp(groups[i].name, p, len) == 0)
				break;
		if (i == NELEM(groups)) {
			fprintf(stderr, "mapa: unknown rule group %.*s\n",
			    (int)len, p);
			return false;
		}
		*flags &= ~groups[i].flag;
		p += len + (e != NULL);
	}
	return true;
}

int
cmd_typo(int argc, char **argv)
{
	struct typo_opts o;
	struct hyph	*h = NULL;
	char		*line = NULL, *out, *hy;
	size_t		 cap = 0, outlen, hylen;
	long		 n, lineno = 0;
	int		 i, status = 0;
	bool		 show = false, hyphenate = false;

	typo_opts_default(&o);
	for (i = 0; i < argc; i++) {
		if (strncmp(argv[i], "--ties=", 7) == 0) {
			if (!typo_opts_set_ties(&o, argv[i] + 7)) {
				fprintf(stderr, "mapa: --ties takes letters, "
				    "not %s\n", argv[i] + 7);
				return 2;
			}
		} else if (strncmp(argv[i], "--off=", 6) == 0) {
			if (!parse_off(argv[i] + 6, &o.flags))
				return 2;
		} else if (strcmp(argv[i], "--hyphenate") == 0)
			hyphenate = true;
		else if (strcmp(argv[i], "--show") == 0)
			show = true;
		else if (strcmp(argv[i], "--help") == 0) {
			usage_typo(stdout);
			return 0;
		} else {
			usage_typo(stderr);
			return 2;
		}
	}
	if (hyphenate && (h = hyph_new(NULL, 0)) == NULL) {
		fprintf(stderr, "mapa: cannot load the hyphenation patterns\n");
		return 3;
	}
	while ((n = next_line(&line, &cap)) >= 0) {
		lineno++;
		if (utf8_check((unsigned char *)line, (size_t)n) != (size_t)n) {
			fprintf(stderr, "mapa: line %ld: not valid UTF-8, "
			    "copied unchanged\n", lineno);
			status = 1;
		}
		out = typo_text(line, (size_t)n, &o, &outlen);
		if (h != NULL) {
			hy = hyph_text(h, out, outlen, 0, &hylen);
			free(out);
			out = hy;
			outlen = hylen;
		}
		put(out, outlen, show);
		putchar('\n');
		free(out);
	}
	free(line);
	hyph_free(h);
	return status;
}

int
cmd_hyphenate(int argc, char **argv)
{
	struct hyph	*h;
	const char	*dict = NULL;
	char		*line = NULL, *out;
	size_t		 cap = 0, outlen, s, e;
	unsigned	 hflags = 0, tflags = 0;
	long		 n, lineno = 0;
	int		 i, status = 0;
	bool		 text = false, show = false;

	for (i = 0; i < argc; i++) {
		if (strncmp(argv[i], "--dict=", 7) == 0)
			dict = argv[i] + 7;
		else if (strcmp(argv[i], "--patterns-only") == 0)
			hflags |= HYPH_NO_EXCEPTIONS;
		else if (strcmp(argv[i], "--text") == 0)
			text = true;
		else if (strcmp(argv[i], "--names") == 0)
			tflags |= HYPH_NAMES;
		else if (strcmp(argv[i], "--no-compound") == 0)
			tflags |= HYPH_NO_COMPOUND;
		else if (strcmp(argv[i], "--show") == 0)
			show = true;
		else if (strcmp(argv[i], "--help") == 0) {
			usage_hyph(stdout);
			return 0;
		} else {
			usage_hyph(stderr);
			return 2;
		}
	}
	if ((h = hyph_new(dict, hflags)) == NULL) {
		fprintf(stderr, "mapa: %s: cannot load the hyphenation "
		    "dictionary\n", dict != NULL ? dict : "built-in");
		return 3;
	}
	while ((n = next_line(&line, &cap)) >= 0) {
		lineno++;
		if (utf8_check((unsigned char *)line, (size_t)n) != (size_t)n) {
			fprintf(stderr, "mapa: line %ld: not valid UTF-8, "
			    "copied unchanged\n", lineno);
			status = 1;
		}
		if (text) {
			out = hyph_text(h, line, (size_t)n, tflags, &outlen);
			put(out, outlen, show);
		} else {
			/* One word: surrounding blanks do not count. */
			for (s = 0; s < (size_t)n && (line[s] == ' ' ||
			    line[s] == '\t' || line[s] == '\r'); s++)
				;
			for (e = (size_t)n; e > s && (line[e - 1] == ' ' ||
			    line[e - 1] == '\t' || line[e - 1] == '\r'); e--)
				;
			out = hyph_show(h, line + s, e - s);
			fputs(out, stdout);
		}
		putchar('\n');
		free(out);
	}
	free(line);
	hyph_free(h);
	return status;
}
