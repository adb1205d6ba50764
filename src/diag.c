/*
 * Diagnostics: collection, sorting and printing of messages.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "progress.h"
#include "strmap.h"
#include "util.h"

struct msg {
	enum diag_level	 level;
	enum diag_code	 code;
	struct srcpos	 pos;
	int		 fileno;	/* order of the file; -1 = none */
	size_t		 seq;		/* arrival order, for a stable sort */
	size_t		 first;		/* seq of the first identical message */
	char		*key;		/* identity for folding repeats */
	char		*text;
};

struct diag {
	FILE		*out;
	char		**files;
	size_t		 nfiles, filescap;
	struct msg	*msgs;
	size_t		 nmsgs, msgscap;
	size_t		 seq;
	int		 counts[DIAG_FATAL + 1];
	int		 codecounts[D__MAX];
	struct strmap	*seen;		/* message key -> first seq + 1 */
	char		 ring[8][256];
	unsigned	 ringpos;
};

static const struct {
	enum diag_level	 level;
	const char	*name;
} codes[D__MAX] = {
#define DIAG_ROW(name, lvl, str)	[name] = { DIAG_##lvl, str },
	DIAG_CODES(DIAG_ROW)
#undef DIAG_ROW
};

static const char *const level_names[] = {
	"note", "warning", "error", "error"
};

struct diag *
diag_new(FILE *out)
{
	struct diag	*d = xcalloc(1, sizeof *d);

	d->out = out;
	return d;
}

/* Frees the collected messages and the repeat index. */
static void
forget(struct diag *d)
{
	size_t	 i;

	strmap_free(d->seen);
	d->seen = NULL;
	for (i = 0; i < d->nmsgs; i++) {
		free(d->msgs[i].text);
		free(d->msgs[i].key);
	}
	d->nmsgs = 0;
}

void
diag_free(struct diag *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	forget(d);
	free(d->files);
	free(d->msgs);
	free(d);
}

const char *
diag_file(struct diag *d, const char *name)
{
	size_t	 i;

	for (i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], name) == 0)
			return d->files[i];
	grow(&d->files, &d->filescap, d->nfiles + 1, sizeof *d->files);
	d->files[d->nfiles] = xstrdup(name);
	return d->files[d->nfiles++];
}

static int
file_order(const struct diag *d, const char *file)
{
	size_t	 i;

	if (file == NULL)
		return -1;
	for (i = 0; i < d->nfiles; i++)
		if (d->files[i] == file || strcmp(d->files[i], file) == 0)
			return (int)i;
	return (int)d->nfiles;
}

/*
 * The arrival number of the first message with the same position, code and
 * text as m (m's own if none), through a hash of those fields.
 */
static size_t
first_copy(struct diag *d, struct msg *m)
{
	struct buf	 b = { 0 };
	void		*first;

	buf_printf(&b, "%d\x1f%d\x1f%d\x1f%d\x1f%s", m->fileno, m->pos.line,
	    m->pos.col, (int)m->code, m->text);
	m->key = buf_steal(&b);
	if (d->seen == NULL)
		d->seen = strmap_new();
	/* The value is seq + 1 stored in the pointer itself (never NULL). */
	first = strmap_get(d->seen, m->key);
	if (first != NULL)
		return (size_t)(uintptr_t)first - 1;
	strmap_put(d->seen, m->key, (void *)(uintptr_t)(m->seq + 1));
	return m->seq;
}

static void
vreport(struct diag *d, enum diag_code code, enum diag_level level,
    const struct srcpos *pos, const char *fmt, va_list ap)
{
	struct buf	 b = { 0 };
	struct msg	*m;
	va_list		 aq;
	int		 n;
	char		 probe[1];

	if (fmt == NULL)	/* never; tells GCC 12 + UBSan it is not null */
		fmt = "";
	va_copy(aq, ap);
	n = vsnprintf(probe, sizeof probe, fmt, aq);
	va_end(aq);
	if (n > 0) {
		b.data = xmalloc((size_t)n + 1);
		vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	} else
		b.data = xstrdup("");

	grow(&d->msgs, &d->msgscap, d->nmsgs + 1, sizeof *d->msgs);
	m = &d->msgs[d->nmsgs++];
	m->level = level;
	m->code = code;
	if (pos != NULL)
		m->pos = *pos;
	else
		memset(&m->pos, 0, sizeof m->pos);
	m->fileno = file_order(d, m->pos.file);
	m->seq = d->seq++;
	m->text = b.data;
	m->first = first_copy(d, m);
	d->counts[level]++;
	d->codecounts[code]++;
}

void
diag(struct diag *d, enum diag_code code, const struct srcpos *pos,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vreport(d, code, codes[code].level, pos, fmt, ap);
	va_end(ap);
}

void
diag_at_level(struct diag *d, enum diag_code code, enum diag_level level,
    const struct srcpos *pos, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vreport(d, code, level, pos, fmt, ap);
	va_end(ap);
}

static int
msgcmp(const void *pa, const void *pb)
{
	const struct msg *a = pa, *b = pb;

	/* Messages without a file come first: they concern the whole run. */
	if (a->fileno != b->fileno)
		return a->fileno < b->fileno ? -1 : 1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	/*
	 * At one position, arrival order — except that repeats of one message
	 * (compared by code and text) must end up side by side to be folded:
	 * order such messages by the arrival of their first copy.
	 */
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool
same_message(const struct msg *a, const struct msg *b)
{
	return a->code == b->code && a->level == b->level &&
	    a->fileno == b->fileno && a->pos.line == b->pos.line &&
	    a->pos.col == b->pos.col && strcmp(a->text, b->text) == 0;
}

void
diag_flush(struct diag *d)
{
	size_t		 i;
	struct msg	*m;

	if (d->nmsgs > 0)
		progress_clear();
	if (d->nmsgs > 1)	/* msgs may still be NULL */
		qsort(d->msgs, d->nmsgs, sizeof *d->msgs, msgcmp);
	for (i = 0; i < d->nmsgs; i++) {
		m = &d->msgs[i];
		/*
		 * The same problem found twice at the same place (a provider's
		 * phone inherited by several services) is printed once.
		 */
		if (i > 0 && same_message(m, &d->msgs[i - 1])) {
			d->counts[m->level]--;
			d->codecounts[m->code]--;
			continue;
		}
		if (d->out != NULL) {
			if (m->pos.file == NULL)
				fputs("mapa: ", d->out);
			else if (m->pos.line <= 0)
				fprintf(d->out, "%s: ", m->pos.file);
			else if (m->pos.col <= 0)
				fprintf(d->out, "%s:%d: ", m->pos.file,
				    m->pos.line);
			else
				fprintf(d->out, "%s:%d:%d: ", m->pos.file,
				    m->pos.line, m->pos.col);
			fprintf(d->out, "%s: %s [%s]\n", level_names[m->level],
			    m->text, codes[m->code].name);
		}
	}
	forget(d);
	if (d->out != NULL)
		fflush(d->out);
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
diag_summary(struct diag *d, FILE *out)
{
	int	 e = d->counts[DIAG_ERROR] + d->counts[DIAG_FATAL];
	int	 w = d->counts[DIAG_WARNING];

	if (e == 0 && w == 0)
		fputs("mapa: no problems found\n", out);
	else
		fprintf(out, "mapa: %d %s, %d %s\n", e,
		    plural(e, "error", "errors"), w,
		    plural(w, "warning", "warnings"));
}

int
diag_count(const struct diag *d, enum diag_level level)
{
	return d->counts[level];
}

int
diag_count_code(const struct diag *d, enum diag_code code)
{
	return d->codecounts[code];
}

int
diag_exit_status(const struct diag *d, bool strict)
{
	if (d->counts[DIAG_FATAL])
		return 3;
	if (d->counts[DIAG_ERROR] || (strict && d->counts[DIAG_WARNING]))
		return 1;
	return 0;
}

const char *
diag_code_name(enum diag_code code)
{
	return codes[code].name;
}

enum diag_level
diag_code_level(enum diag_code code)
{
	return codes[code].level;
}

const char *
dq(struct diag *d, const char *value)
{
	char		*out = d->ring[d->ringpos++ % NELEM(d->ring)];
	const unsigned char *s = (const unsigned char *)(value ? value : "");
	size_t		 o = 0, chars = 0, n;
	uint32_t	 cp;
	const size_t	 cap = sizeof d->ring[0] - 8;

	o += (size_t)snprintf(out, cap, "\xe2\x80\x9e");	/* „ */
	while (*s != '\0' && o < cap - 8) {
		if (chars == 60) {
			o += (size_t)snprintf(out + o, cap - o, "\xe2\x80\xa6");
			break;
		}
		if (*s < 0x20) {
			o += (size_t)snprintf(out + o, cap - o, "%s",
			    *s == '\n' ? "\\n" : *s == '\t' ? "\\t" :
			    *s == '\r' ? "\\r" : "?");
			s++;
		} else if ((n = utf8_decode(s, strlen((const char *)s), &cp))
		    == 0) {
			out[o++] = '?';
			s++;
		} else {
			memcpy(out + o, s, n);
			o += n;
			s += n;
		}
		chars++;
	}
	o += (size_t)snprintf(out + o, sizeof d->ring[0] - o, "\xe2\x80\x9c");
	out[o] = '\0';
	return out;
}
