/*
 * Composition (compose.h): the brochure's parts in the edition's order,
 * each a section of blocks of paragraphs of spans (doc.h).
 *
 * The document is built part by part in the edition's oddily order. Three
 * parts point at pages of later ones — the contents, the signpost and the
 * indexes — so their sections are placed as empty shells where they stand
 * and filled at the end, once every entry has its anchor; the paragraphs'
 * seq numbers are given in a last pass over the finished document.
 *
 * While a section is built, its blocks, the current block's paragraphs and
 * the current paragraph's spans grow in malloc'd vectors; each is copied
 * into the document's arena, at its exact size, when it is finished.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "codebook.h"
#include "collate.h"
#include "compose.h"
#include "doc.h"
#include "edition.h"
#include "fonts.h"
#include "layout_file.h"
#include "model.h"
#include "stats.h"
#include "strmap.h"
#include "typo.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0"
#endif

#define NBSP	"\xc2\xa0"	/* U+00A0 */
#define NDASH	"\xe2\x80\x93"	/* U+2013 */

/* A line of the contents, recorded when a later section or group starts. */
struct tocent {
	int		 level;		/* 1 section, 2 group */
	const char	*title;		/* set text */
	const char	*plain;
	const char	*anchor;
};

/* A chapter of entries and the services it lists. */
struct chapter {
	const char	*title;
	enum doc_icon	 icon;		/* a target-group chapter's pictogram */
	size_t		*svcs;		/* service indexes */
	size_t		 n, cap;
};

struct cx {
	struct doc		*doc;
	struct arena		*a;
	const struct catalogue	*c;
	const struct edition	*e;
	const struct stats	*st;
	const struct layout_spec *ls;
	const struct fonts	*fonts;
	struct diag		*d;
	struct collate		*coll;
	struct strmap		*anchors;	/* anchor names in use */
	struct strmap		*checked;	/* values checked for glyphs */
	const char		*what;		/* the field being printed */

	/* Sections; the one being built is cur. */
	struct doc_section	*secs;
	size_t			 nsecs, capsecs, cur;
	struct doc_block	*blocks;
	size_t			 nblocks, capblocks;
	struct doc_block	 blk;
	bool			 blk_open;
	struct doc_par		*pars;
	size_t			 npars, cappars;
	struct doc_par		 par;
	struct doc_span		*spans;
	size_t			 nspans, capspans;
	struct doc_span		*labels;
	size_t			 nlabels, caplabels;
	bool			 in_label;

	bool			 arabic;	/* the body has begun */
	int			 nsec, ngrp;	/* anchor counters */
	bool			 toc_on;	/* the contents stand before */
	struct tocent		*toc;
	size_t			 ntoc, captoc;

	/* Services: which are printed, and where in full. */
	bool			*svc_listed;	/* by service index */
	const char		**svc_anchor;
	const char		**names;	/* for sorting by name */
};

static void	 glyph_check(struct cx *, enum lspec_role, const char *,
		    size_t, const struct srcpos *);

/* Small text helpers. */

/* The Czech plural of a count: 1 služba, 2 služby, 5 služeb. */
static const char *
plural(long long n, const char *one, const char *few, const char *many)
{
	if (n == 1)
		return one;
	if (n >= 2 && n <= 4)
		return few;
	return many;
}

/* Upper-case letters of the lower-case ones a Czech label starts with. */
static uint32_t
upper_cp(uint32_t cp)
{
	static const uint32_t map[][2] = {
		{ 0xe1, 0xc1 }, { 0x10d, 0x10c }, { 0x10f, 0x10e },
		{ 0xe9, 0xc9 }, { 0x11b, 0x11a }, { 0xed, 0xcd },
		{ 0x148, 0x147 }, { 0xf3, 0xd3 }, { 0x159, 0x158 },
		{ 0x161, 0x160 }, { 0x165, 0x164 }, { 0xfa, 0xda },
		{ 0x16f, 0x16e }, { 0xfd, 0xdd }, { 0x17e, 0x17d },
	};
	size_t	 i;

	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	for (i = 0; i < NELEM(map); i++)
		if (map[i][0] == cp)
			return map[i][1];
	return cp;
}

/* s with its first letter capitalised, in the arena. */
static const char *
capital(struct cx *x, const char *s)
{
	uint32_t	 cp;
	size_t		 n, len = strlen(s), k;
	char		 enc[4], *out;

	n = utf8_decode((const unsigned char *)s, len, &cp);
	if (n == 0)
		return arena_strdup(x->a, s);
	k = utf8_encode(upper_cp(cp), enc);
	out = arena_alloc(x->a, len - n + k + 1);
	memcpy(out, enc, k);
	memcpy(out + k, s + n, len - n + 1);
	return out;
}

static bool
has_text(const struct str *s)
{
	const char	*p;

	if (s->s == NULL)
		return false;
	for (p = s->s; *p != '\0'; p++)
		if (!is_space((unsigned char)*p))
			return true;
	return false;
}

/* A copy with line ends turned into spaces (typo_text reads a line as a
   paragraph). */
static char *
one_line(const char *s, size_t len)
{
	char	*t = xstrndup(s, len);
	size_t	 i;

	for (i = 0; i < len; i++)
		if (t[i] == '\n' || t[i] == '\r')
			t[i] = ' ';
	return t;
}

/* The typography stage over one line of text, in the arena; NULL when
   nothing is left. */
static const char *
set_text(struct cx *x, const char *s, size_t len, size_t *outlen)
{
	char	*line = one_line(s, len), *t;
	size_t	 n;
	const char *r;

	bool	 lead, trail;
	char	*o;

	/* typo_text trims a line; a span's spaces at its ends separate it
	   from its neighbours, so they stay (as one space) */
	lead = len > 0 && is_space((unsigned char)line[0]);
	trail = len > 0 && is_space((unsigned char)line[len - 1]);
	t = typo_text(line, len, &x->ls->typo, &n);
	free(line);
	if (n == 0 && !lead && !trail) {
		free(t);
		*outlen = 0;
		return NULL;
	}
	o = arena_alloc(x->a, n + 3);
	r = o;
	if (lead)
		*o++ = ' ';
	memcpy(o, t, n);
	o += n;
	if (trail && (n > 0 || !lead))
		*o++ = ' ';
	*o = '\0';
	free(t);
	*outlen = (size_t)(o - r);
	return r;
}

/* Building: sections, blocks, paragraphs, spans. */

/*
 * Pushes a new section; its anchor is "sec-N". Sections of the body (and
 * all after it) are numbered in arabic.
 */
static size_t
sec_begin(struct cx *x, const char *title, const char *plain,
    enum lspec_start start, int columns, bool cover, bool body)
{
	struct doc_section *s;
	char		 id[32];

	if (x->nsecs == x->capsecs)
		grow(&x->secs, &x->capsecs, x->nsecs + 1, sizeof *x->secs);
	s = &x->secs[x->nsecs];
	memset(s, 0, sizeof *s);
	snprintf(id, sizeof id, "sec-%d", ++x->nsec);
	s->id = arena_strdup(x->a, id);
	strmap_put(x->anchors, s->id, (void *)s->id);
	s->title = title;
	s->start = start;
	s->columns = columns < 1 ? 1 : columns;
	if (body)
		x->arabic = true;
	s->numbering = x->arabic ? DF_ARABIC : DF_ROMAN;
	s->folio = !cover;
	s->running = !cover;
	s->cover = cover;
	x->cur = x->nsecs++;
	x->nblocks = 0;
	if (x->toc_on && title != NULL) {
		if (x->ntoc == x->captoc)
			grow(&x->toc, &x->captoc, x->ntoc + 1, sizeof *x->toc);
		x->toc[x->ntoc].level = 1;
		x->toc[x->ntoc].title = title;
		x->toc[x->ntoc].plain = plain;
		x->toc[x->ntoc].anchor = s->id;
		x->ntoc++;
	}
	return x->cur;
}

/* Stores the blocks built into the current section. */
static void
sec_end(struct cx *x)
{
	struct doc_section *s = &x->secs[x->cur];

	s->nblocks = x->nblocks;
	s->blocks = NULL;
	if (x->nblocks > 0) {
		s->blocks = arena_alloc(x->a, x->nblocks * sizeof *s->blocks);
		memcpy(s->blocks, x->blocks, x->nblocks * sizeof *s->blocks);
	}
	x->nblocks = 0;
}

static void
blk_push(struct cx *x, const struct doc_block *b)
{
	if (x->nblocks == x->capblocks)
		grow(&x->blocks, &x->capblocks, x->nblocks + 1,
		    sizeof *x->blocks);
	x->blocks[x->nblocks++] = *b;
}

static void
blk_begin(struct cx *x, enum doc_block_kind kind)
{
	memset(&x->blk, 0, sizeof x->blk);
	x->blk.kind = kind;
	x->blk_open = true;
	x->npars = 0;
}

/* Ends the current block; an empty flow or entry block is dropped. */
static void
blk_end(struct cx *x)
{
	if (!x->blk_open)
		return;
	x->blk_open = false;
	if (x->npars == 0 && (x->blk.kind == DB_FLOW ||
	    x->blk.kind == DB_ENTRY))
		return;
	if (x->npars > 0) {
		x->blk.pars = arena_alloc(x->a, x->npars * sizeof *x->blk.pars);
		memcpy(x->blk.pars, x->pars, x->npars * sizeof *x->blk.pars);
		x->blk.npars = x->npars;
	}
	blk_push(x, &x->blk);
}

/* A flow block unless one is open. */
static void
flow(struct cx *x)
{
	if (!x->blk_open)
		blk_begin(x, DB_FLOW);
}

static void
vfill(struct cx *x, double min)
{
	struct doc_block b;

	blk_end(x);
	memset(&b, 0, sizeof b);
	b.kind = DB_VFILL;
	b.space_before = min;
	blk_push(x, &b);
}

/* Starts a paragraph: body text, left or justified as the layout says. */
static void
par_begin(struct cx *x, enum doc_tag tag)
{
	memset(&x->par, 0, sizeof x->par);
	x->par.tag = tag;
	x->par.align = DA_LEFT;
	x->nspans = x->nlabels = 0;
	x->in_label = false;
}

/* Ends the paragraph; one without spans or label is dropped. */
static void
par_end(struct cx *x)
{
	struct doc_par	*p = &x->par;

	x->in_label = false;
	if (x->nspans == 0 && x->nlabels == 0)
		return;
	if (x->nspans > 0) {
		p->spans = arena_alloc(x->a, x->nspans * sizeof *p->spans);
		memcpy(p->spans, x->spans, x->nspans * sizeof *p->spans);
		p->nspans = x->nspans;
	}
	if (x->nlabels > 0) {
		p->label = arena_alloc(x->a, x->nlabels * sizeof *p->label);
		memcpy(p->label, x->labels, x->nlabels * sizeof *p->label);
		p->nlabel = x->nlabels;
	}
	flow(x);
	if (x->npars == x->cappars)
		grow(&x->pars, &x->cappars, x->npars + 1, sizeof *x->pars);
	x->pars[x->npars++] = *p;
	x->nspans = x->nlabels = 0;
}

/* Appends an empty span of a role to the label or the text. */
static struct doc_span *
span_new(struct cx *x, enum lspec_role role)
{
	struct doc_span	*s;

	if (x->in_label) {
		if (x->nlabels == x->caplabels)
			grow(&x->labels, &x->caplabels, x->nlabels + 1,
			    sizeof *x->labels);
		s = &x->labels[x->nlabels++];
	} else {
		if (x->nspans == x->capspans)
			grow(&x->spans, &x->capspans, x->nspans + 1,
			    sizeof *x->spans);
		s = &x->spans[x->nspans++];
	}
	memset(s, 0, sizeof *s);
	s->role = role;
	s->face = x->ls->font[role].face;
	s->colour = -1;
	s->text = "";
	return s;
}

/*
 * A text through the typography stage; src, when given, names the value
 * it came from (checked against the role's font). NULL when the text is
 * empty.
 */
static struct doc_span *
sp_text(struct cx *x, enum lspec_role role, const char *text, size_t len,
    unsigned flags, const struct srcpos *src)
{
	struct doc_span	*s;
	const char	*t;
	size_t		 n;

	if (text == NULL)
		return NULL;
	if (src != NULL)
		glyph_check(x, role, text, len, src);
	if ((t = set_text(x, text, len, &n)) == NULL)
		return NULL;
	s = span_new(x, role);
	s->text = t;
	s->len = n;
	s->flags = flags;
	s->src = src;
	return s;
}

/* Our own words (or a value already checked), with typography. */
static struct doc_span *
sp_fixed(struct cx *x, enum lspec_role role, const char *text)
{
	return sp_text(x, role, text, strlen(text), 0, NULL);
}

/* A text printed as it is: URLs, e-mails, formatted numbers. */
static struct doc_span *
sp_raw(struct cx *x, enum lspec_role role, const char *text, size_t len,
    unsigned flags, const struct srcpos *src)
{
	struct doc_span	*s;

	if (src != NULL)
		glyph_check(x, role, text, len, src);
	s = span_new(x, role);
	s->text = arena_strndup(x->a, text, len);
	s->len = len;
	s->flags = flags;
	s->src = src;
	return s;
}

/* A value (struct str) with typography and the glyph check. */
static struct doc_span *
sp_str(struct cx *x, enum lspec_role role, const struct str *v,
    unsigned flags)
{
	if (!has_text(v))
		return NULL;
	return sp_text(x, role, v->s, strlen(v->s), flags, &v->pos);
}

static void
sp_icon(struct cx *x, enum lspec_role role, enum doc_icon icon,
    const char *alt)
{
	struct doc_span	*s = span_new(x, role);

	s->icon = icon;
	s->text = arena_strdup(x->a, alt);
	s->len = strlen(alt);
	s->flags = DS_NOBREAK;
}

static void
sp_fill(struct cx *x, enum lspec_role role, bool leaders)
{
	struct doc_span	*s = span_new(x, role);

	s->flags = DS_FILL | (leaders ? DS_LEADERS : 0);
}

static void
sp_break(struct cx *x, enum lspec_role role)
{
	span_new(x, role)->flags = DS_LINEBREAK;
}

static void
sp_ref(struct cx *x, enum lspec_role role, const char *anchor)
{
	struct doc_span	*s = span_new(x, role);

	s->ref = anchor;
	s->dest = anchor;
	s->flags = DS_NOBREAK | DS_NOHYPH;
}

/* Glyphs: every printed value once against the font of its role. */
static void
glyph_check(struct cx *x, enum lspec_role role, const char *text, size_t len,
    const struct srcpos *src)
{
	struct fonts_gap gaps[4];
	const char	*family = x->ls->font[role].family;
	char		 key[80], name[FONTS_CP_NAME], *val;
	size_t		 n;

	if (x->fonts == NULL || src == NULL || family == NULL ||
	    (src->file == NULL && src->line == 0))
		return;
	snprintf(key, sizeof key, "%p:%d:%d", (const void *)src->file,
	    src->line, src->col);
	if (strmap_get(x->checked, key) != NULL)
		return;
	val = arena_strdup(x->a, key);
	strmap_put(x->checked, val, val);
	n = fonts_missing(x->fonts, family, text, len, gaps, NELEM(gaps));
	if (n == 0)
		return;
	val = xstrndup(text, len);
	diag(x->d, D_GLYPH_MISSING, src, "%s %s has a character the font "
	    "%s cannot print: %s%s; it would print as an empty box, so "
	    "replace it", x->what != NULL ? x->what : "the value",
	    dq(x->d, val), family, fonts_cp_name(gaps[0].cp, name),
	    n > 1 ? " (and others)" : "");
	free(val);
}

static void
glyph_str(struct cx *x, enum lspec_role role, const struct str *v)
{
	if (v->s != NULL)
		glyph_check(x, role, v->s, strlen(v->s), &v->pos);
}

/* Anchors: ASCII, unique. */
static const char *
anchor_make(struct cx *x, const char *prefix, const char *name)
{
	struct buf	 b = { 0 };
	const char	*p;
	char		*s;
	int		 k;

	buf_puts(&b, prefix);
	for (p = name; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.')
			buf_putc(&b, (char)c);
		else if (c >= 'A' && c <= 'Z')
			buf_putc(&b, (char)ascii_tolower(c));
		else if (c < 0x80)
			buf_putc(&b, '-');
	}
	s = arena_strdup(x->a, buf_str(&b));
	for (k = 2; strmap_get(x->anchors, s) != NULL; k++) {
		char	 suf[16];

		snprintf(suf, sizeof suf, "-%d", k);
		s = arena_alloc(x->a, b.len + strlen(suf) + 1);
		memcpy(s, b.data, b.len);
		strcpy(s + b.len, suf);
	}
	buf_free(&b);
	strmap_put(x->anchors, s, s);
	return s;
}

/* Headings. */

static const char *icon_meaning(enum doc_icon);

static void
heading1_icon(struct cx *x, const char *text, const char *plain,
    enum doc_icon icon)
{
	const struct layout_spec *ls = x->ls;

	flow(x);
	par_begin(x, DT_H1);
	if (icon != DI_NONE && ls->pictograms) {
		sp_icon(x, LSR_HEADING, icon, icon_meaning(icon));
		sp_raw(x, LSR_HEADING, " ", 1, 0, NULL);
	}
	sp_fixed(x, LSR_HEADING, text);
	x->par.keep_with_next = true;
	x->par.anchor = x->secs[x->cur].id;
	x->par.outline = 1;
	x->par.outline_title = plain;
	x->par.space_after = ls->font[LSR_HEADING].leading * 0.5;
	par_end(x);
}

static void
heading1(struct cx *x, const char *text, const char *plain)
{
	heading1_icon(x, text, plain, DI_NONE);
}

/* A group heading; in an entry section it goes into the contents. */
static const char *
heading2(struct cx *x, const char *text, int outline, bool toc)
{
	const struct layout_spec *ls = x->ls;
	char		 id[32];
	const char	*anchor;

	blk_end(x);
	flow(x);
	snprintf(id, sizeof id, "grp-%d", ++x->ngrp);
	anchor = arena_strdup(x->a, id);
	strmap_put(x->anchors, anchor, (void *)anchor);
	par_begin(x, DT_H2);
	sp_fixed(x, LSR_SUBHEADING, text);
	x->par.keep_with_next = true;
	x->par.anchor = anchor;
	x->par.outline = outline;
	x->par.outline_title = arena_strdup(x->a, text);
	x->par.space_before = ls->font[LSR_SUBHEADING].leading * 0.75;
	x->par.space_after = ls->font[LSR_SUBHEADING].leading * 0.25;
	par_end(x);
	if (toc && x->toc_on) {
		if (x->ntoc == x->captoc)
			grow(&x->toc, &x->captoc, x->ntoc + 1, sizeof *x->toc);
		x->toc[x->ntoc].level = 2;
		x->toc[x->ntoc].title = x->toc[x->ntoc].plain =
		    arena_strdup(x->a, text);
		x->toc[x->ntoc].anchor = anchor;
		x->ntoc++;
	}
	return anchor;
}

/* A paragraph of prose (justified and hyphenated as the layout says). */
static void
prose(struct cx *x, enum lspec_role role, const struct str *v)
{
	par_begin(x, DT_P);
	x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
	x->par.hyphenate = x->ls->hyphenate;
	x->par.space_after = x->ls->par_space;
	sp_str(x, role, v, 0);
	par_end(x);
}

/* A one-line paragraph of our own words. */
static void
line(struct cx *x, enum lspec_role role, enum doc_align align,
    const char *text)
{
	par_begin(x, DT_P);
	x->par.align = align;
	sp_fixed(x, role, text);
	par_end(x);
}

/* Values. */

/* A Czech phone number as a link: "tel:+420573504110". */
static const char *
tel_uri(struct cx *x, const char *phone)
{
	struct buf	 b = { 0 };
	const char	*p, *r;

	buf_puts(&b, "tel:");
	if (strlen(phone) == 9 && all_digits(phone, 9))
		buf_puts(&b, "+420");
	for (p = phone; *p != '\0'; p++)
		if (is_digit((unsigned char)*p) || (*p == '+' && p == phone))
			buf_putc(&b, *p);
	r = arena_strdup(x->a, buf_str(&b));
	buf_free(&b);
	return r;
}

static void
sp_phone(struct cx *x, enum lspec_role role, const char *phone,
    const struct srcpos *src)
{
	struct buf	 b = { 0 };
	struct doc_span	*s;

	if (strlen(phone) == 6 && all_digits(phone, 6))
		buf_printf(&b, "%.3s" NBSP "%s", phone, phone + 3);
	else
		typo_fmt_phone(&b, phone);
	s = sp_raw(x, role, buf_str(&b), b.len, DS_NOBREAK | DS_NOHYPH, src);
	s->uri = tel_uri(x, phone);
	buf_free(&b);
}

static bool
has_scheme(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* A web address: printed without the scheme and a final "/", linked with
   it. */
static void
sp_web(struct cx *x, enum lspec_role role, const struct str *v)
{
	const char	*s = v->s, *p = s;
	size_t		 len;
	struct doc_span	*sp;
	struct buf	 b = { 0 };

	if (strncmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncmp(p, "http://", 7) == 0)
		p += 7;
	len = strlen(p);
	while (len > 0 && p[len - 1] == '/')
		len--;
	if (len == 0)
		return;
	sp = sp_raw(x, role, p, len, DS_URL | DS_NOHYPH, &v->pos);
	if (!has_scheme(s))
		buf_puts(&b, "https://");
	buf_puts(&b, s);
	sp->uri = arena_strdup(x->a, buf_str(&b));
	buf_free(&b);
}

static void
sp_email(struct cx *x, enum lspec_role role, const struct str *v)
{
	struct doc_span	*s;
	struct buf	 b = { 0 };

	s = sp_raw(x, role, v->s, strlen(v->s), DS_URL | DS_NOHYPH, &v->pos);
	buf_printf(&b, "mailto:%s", v->s);
	s->uri = arena_strdup(x->a, buf_str(&b));
	buf_free(&b);
}

/* Comma-separated contact values of one kind. */
static void
sp_list_sep(struct cx *x, enum lspec_role role, size_t i)
{
	if (i > 0)
		sp_raw(x, role, ", ", 2, 0, NULL);
}

/*
 * An address on one line: "Riegrovo náměstí 164/7, 767 01 Kroměříž"; a
 * village without streets "Zdounky 248". Each part is checked for glyphs.
 */
static void
address_text(struct cx *x, enum lspec_role role, const struct address *a,
    struct buf *b)
{
	const struct str *place = has_text(&a->street) ? &a->street :
	    has_text(&a->part) ? &a->part : &a->municipality;
	bool		 any = false;

	glyph_str(x, role, &a->street);
	glyph_str(x, role, &a->part);
	glyph_str(x, role, &a->municipality);
	glyph_str(x, role, &a->note);
	if (has_text(&a->house) || has_text(&a->orient)) {
		if (has_text(place)) {
			buf_puts(b, place->s);
			buf_putc(b, ' ');
		}
		if (has_text(&a->house)) {
			if (a->evidence)
				buf_puts(b, "č. ev. ");
			buf_puts(b, a->house.s);
			if (has_text(&a->orient))
				buf_printf(b, "/%s", a->orient.s);
		} else
			buf_puts(b, a->orient.s);
		any = true;
	} else if (has_text(&a->street)) {
		buf_puts(b, a->street.s);
		any = true;
	}
	if (has_text(&a->psc) || has_text(&a->municipality)) {
		if (any)
			buf_puts(b, ", ");
		if (has_text(&a->psc)) {
			typo_fmt_psc(b, a->psc.s);
			buf_putc(b, ' ');
		}
		if (has_text(&a->municipality))
			buf_puts(b, a->municipality.s);
		if (has_text(&a->part) && has_text(&a->municipality) &&
		    strcmp(a->part.s, a->municipality.s) != 0 &&
		    place != &a->part)
			buf_printf(b, " " NDASH " %s", a->part.s);
	}
}

/* An address span (no hyphenation) with its note after a comma. */
static void
sp_address(struct cx *x, enum lspec_role role, const struct address *a,
    const struct str *name, const struct str *note)
{
	struct buf	 b = { 0 };
	struct doc_span	*s;

	if (name != NULL && has_text(name)) {
		glyph_str(x, role, name);
		buf_printf(&b, "%s, ", name->s);
	}
	address_text(x, role, a, &b);
	if (has_text(&a->note))
		buf_printf(&b, ", %s", a->note.s);
	if (note != NULL && has_text(note)) {
		glyph_str(x, role, note);
		buf_printf(&b, " (%s)", note->s);
	}
	if (b.len > 0 && (s = sp_text(x, role, b.data, b.len, DS_NOHYPH,
	    NULL)) != NULL)
		s->src = &a->pos;
	buf_free(&b);
}

/* Opening hours. */

static const char *const day_names[7] = {
	"po", "út", "st", "čt", "pá", "so", "ne"
};

struct hrange {
	int	 from, to;
};

static int
hrange_cmp(const void *a, const void *b)
{
	const struct hrange *p = a, *q = b;

	if (p->from != q->from)
		return p->from < q->from ? -1 : 1;
	return (p->to > q->to) - (p->to < q->to);
}

static void
put_time(struct buf *b, int m)
{
	buf_printf(b, "%d.%02d", m / 60, m % 60);
}

/* The days of a mask: "po–pá", "po, st", "denně". */
static void
put_days(struct buf *b, unsigned mask)
{
	int	 d, e;
	bool	 first = true;

	if ((mask & 0x7f) == 0x7f) {
		buf_puts(b, "denně");
		return;
	}
	for (d = 0; d < 7; d = e) {
		if (!(mask & (1u << d))) {
			e = d + 1;
			continue;
		}
		for (e = d; e < 7 && (mask & (1u << e)); e++)
			;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		if (e - d >= 3)
			buf_printf(b, "%s" NDASH "%s", day_names[d],
			    day_names[e - 1]);
		else if (e - d == 2)
			buf_printf(b, "%s, %s", day_names[d], day_names[d + 1]);
		else
			buf_puts(b, day_names[d]);
	}
}

/*
 * Opening hours as lines, one per group of days with the same times:
 * "po, st 8.00–12.00, 13.00–17.00", "čt 9.00–12.00"; "nonstop"; the note
 * on a line of its own.
 */
static void
sp_hours(struct cx *x, enum lspec_role role, const struct hours *h,
    bool icons)
{
	struct hrange	*day[7];
	size_t		 nday[7], i, k;
	unsigned	 done = 0, mask;
	int		 d, e;
	bool		 lines = false;
	struct buf	 b = { 0 };

	if (h->nonstop) {
		if (icons)
			sp_icon(x, role, DI_NONSTOP, "nonstop");
		sp_fixed(x, role, icons ? " nonstop" : "nonstop");
		lines = true;
	}
	for (d = 0; d < 7; d++) {
		day[d] = xcalloc(h->nranges + 1, sizeof *day[d]);
		nday[d] = 0;
		for (i = 0; i < h->nranges; i++)
			if (h->ranges[i].days & (1u << d)) {
				day[d][nday[d]].from = h->ranges[i].from;
				day[d][nday[d]].to = h->ranges[i].to;
				nday[d]++;
			}
		qsort(day[d], nday[d], sizeof *day[d], hrange_cmp);
	}
	for (d = 0; d < 7 && !h->nonstop; d++) {
		if (nday[d] == 0 || (done & (1u << d)))
			continue;
		mask = 1u << d;
		for (e = d + 1; e < 7; e++)
			if (nday[e] == nday[d] && memcmp(day[e], day[d],
			    nday[d] * sizeof *day[d]) == 0)
				mask |= 1u << e;
		done |= mask;
		buf_reset(&b);
		put_days(&b, mask);
		buf_putc(&b, ' ');
		for (k = 0; k < nday[d]; k++) {
			if (k > 0)
				buf_puts(&b, ", ");
			put_time(&b, day[d][k].from);
			buf_puts(&b, NDASH);
			put_time(&b, day[d][k].to);
		}
		if (lines)
			sp_break(x, role);
		sp_text(x, role, b.data, b.len, 0, NULL);
		lines = true;
	}
	for (d = 0; d < 7; d++)
		free(day[d]);
	buf_free(&b);
	if (has_text(&h->note)) {
		if (lines)
			sp_break(x, role);
		sp_str(x, role, &h->note, 0);
	}
}

static bool
hours_present(const struct hours *h)
{
	return h->nonstop || h->nranges > 0 || has_text(&h->note);
}

/* Entry rows. */

/* The pictogram of a field's row, DI_NONE when it has none. */
static enum doc_icon
field_icon(enum lspec_field f)
{
	switch (f) {
	case LSD_ADDRESS:
		return DI_ADDRESS;
	case LSD_PHONES:
		return DI_PHONE;
	case LSD_EMAILS:
		return DI_EMAIL;
	case LSD_WEBS:
		return DI_WEB;
	case LSD_HOURS:
		return DI_HOURS;
	case LSD_FEES:
		return DI_FEES;
	case LSD_ACCESS:
		return DI_ACCESS;
	default:
		return DI_NONE;
	}
}

static enum doc_icon
form_icon(const struct cb_item *form)
{
	if (form == NULL)
		return DI_NONE;
	if (strcmp(form->code, "pob") == 0)
		return DI_RESIDENTIAL;
	if (strcmp(form->code, "amb") == 0)
		return DI_OUTPATIENT;
	if (strcmp(form->code, "ter") == 0)
		return DI_FIELD;
	return DI_NONE;
}

/* Whether a row shows pictograms (the layout's switch and the item's). */
static bool
pictures(const struct cx *x, const struct lspec_item *it)
{
	return x->ls->pictograms && it->pictogram;
}

/*
 * Starts a row: its label (a pictogram, or the label's text) in the
 * hanging column, or run in before the value when the layout has none.
 * icon overrides the field's own pictogram (free of charge).
 */
static void
row_begin(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, enum doc_icon icon)
{
	const char	*alt = it->label != NULL ? it->label :
			    lspec_field_name(it->field);
	bool		 pic = pictures(x, it) && icon != DI_NONE;

	par_begin(x, DT_P);
	x->par.hang = t->label_width;
	x->par.space_after = 0;
	if (t->label_width > 0) {
		x->in_label = true;
		if (pic)
			sp_icon(x, LSR_LABEL, icon, alt);
		else if (it->label != NULL)
			sp_fixed(x, LSR_LABEL, it->label);
		x->in_label = false;
	} else if (pic) {
		sp_icon(x, LSR_LABEL, icon, alt);
		sp_raw(x, LSR_TEXT, " ", 1, 0, NULL);
	} else if (it->label != NULL) {
		struct buf	 b = { 0 };

		buf_printf(&b, "%s: ", it->label);
		sp_raw(x, LSR_LABEL, b.data, b.len, 0, NULL);
		buf_free(&b);
	}
}

/* The label of a row for the "how to use" text: what it tells. */
static const char *
field_meaning(enum lspec_field f)
{
	switch (f) {
	case LSD_TYPE:		return "druh služby s paragrafem zákona";
	case LSD_PROVIDER:	return "poskytovatele";
	case LSD_ICO:		return "IČO poskytovatele";
	case LSD_ADDRESS:	return "adresu, kde se služba poskytuje";
	case LSD_AREA:		return "území, kde služba působí";
	case LSD_PHONES:	return "telefon";
	case LSD_EMAILS:	return "e-mail";
	case LSD_WEBS:		return "webové stránky";
	case LSD_HOURS:		return "provozní dobu";
	case LSD_TARGETS:	return "komu je služba určena";
	case LSD_AGES:		return "věk klientů";
	case LSD_FORMS:		return "formu poskytování";
	case LSD_CAPACITY:	return "kapacitu";
	case LSD_FEES:		return "zda je služba zdarma, nebo za úhradu";
	case LSD_DESCRIPTION:	return "krátký popis služby";
	case LSD_ACTIVITIES:	return "základní činnosti";
	case LSD_ACCESS:	return "bezbariérovost";
	case LSD_LANGUAGES:	return "jazyky, kterými se domluvíte";
	case LSD_IDENT:		return "identifikátor služby v registru "
				    "poskytovatelů";
	case LSD_CATEGORY:	return "oblast pomoci";
	case LSD_FOR_WHOM:	return "komu je určena";
	default:		return NULL;
	}
}

static const char *
icon_meaning(enum doc_icon i)
{
	switch (i) {
	case DI_ADDRESS:	return "adresa, kde se služba poskytuje";
	case DI_PHONE:		return "telefon";
	case DI_EMAIL:		return "e-mail";
	case DI_WEB:		return "webové stránky";
	case DI_HOURS:		return "provozní doba";
	case DI_NONSTOP:	return "nepřetržitý provoz, 24 hodin denně";
	case DI_FEES:		return "úhrada za službu";
	case DI_FREE:		return "služba je zdarma";
	case DI_RESIDENTIAL:	return "pobytová služba: s ubytováním";
	case DI_OUTPATIENT:	return "ambulantní služba: docházíte do "
				    "zařízení";
	case DI_FIELD:		return "terénní služba: pracovníci přijdou "
				    "za vámi";
	case DI_ACCESS:		return "bezbariérový přístup";
	case DI_EU:		return "Evropská unie";
	case DI_TG_SENIORS:	return "kapitola Senioři";
	case DI_TG_DISABILITY:	return "kapitola Osoby se zdravotním postižením";
	case DI_TG_FAMILY:	return "kapitola Rodiny, děti a mládež";
	case DI_TG_CRISIS:	return "kapitola Lidé v krizi a v obtížné situaci";
	case DI_TG_ADDICTION:	return "kapitola Závislosti";
	case DI_TG_FOREIGN:	return "kapitola Cizinci a menšiny";
	default:		return "";
	}
}

/* The years of an age group's code: "16-18", "nad-80" (81 and over, to
   -1), "do-1" (under one), "bez-omezeni"; false for anything else. */
static bool
age_range(const char *code, int *from, int *to)
{
	char	*end;
	long	 a, b;

	if (strcmp(code, "bez-omezeni") == 0) {
		*from = 0;
		*to = -1;
		return true;
	}
	if (strcmp(code, "do-1") == 0) {
		*from = *to = 0;
		return true;
	}
	if (strncmp(code, "nad-", 4) == 0 && is_digit((unsigned char)code[4])) {
		*from = (int)strtol(code + 4, &end, 10) + 1;
		*to = -1;
		return *end == '\0';
	}
	if (!is_digit((unsigned char)code[0]))
		return false;
	a = strtol(code, &end, 10);
	if (*end != '-' || !is_digit((unsigned char)end[1]))
		return false;
	b = strtol(end + 1, &end, 10);
	if (*end != '\0' || b < a)
		return false;
	*from = (int)a;
	*to = (int)b;
	return true;
}

struct agerun {
	int	 from, to;
};

static int
agerun_cmp(const void *a, const void *b)
{
	const struct agerun *p = a, *q = b;

	return (p->from > q->from) - (p->from < q->from);
}

/* Age groups joined where they meet: "16–18, 19–26, …, nad 80" is "od 16
   let". False (nothing written) when a code is not a range. */
static bool
ages_merged(const struct service *s, struct buf *b)
{
	struct agerun	*r = xcalloc(s->nages + 1, sizeof *r);
	size_t		 n = 0, i, k;
	bool		 ok = true;

	for (i = 0; i < s->nages && ok; i++)
		if (s->ages[i].item != NULL)
			ok = age_range(s->ages[i].item->code, &r[n].from,
			    &r[n].to) && (n++, true);
	if (!ok || n == 0) {
		free(r);
		return false;
	}
	qsort(r, n, sizeof *r, agerun_cmp);
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && r[k - 1].to != -1 && r[i].from <= r[k - 1].to + 1) {
			if (r[i].to == -1 || r[i].to > r[k - 1].to)
				r[k - 1].to = r[i].to;
		} else if (k > 0 && r[k - 1].to == -1)
			continue;
		else
			r[k++] = r[i];
	}
	for (i = 0; i < k; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		if (r[i].from == 0 && r[i].to == -1)
			buf_puts(b, "bez omezení věku");
		else if (r[i].to == -1 && r[i].from == 1)
			buf_puts(b, "od 1 roku");
		else if (r[i].to == -1 && r[i].from > 1 &&
		    (r[i].from - 1) % 10 == 0)
			buf_printf(b, "nad %d let", r[i].from - 1);
		else if (r[i].to == -1)
			buf_printf(b, "od %d let", r[i].from);
		else if (r[i].from == 0 && r[i].to == 0)
			buf_puts(b, "do 1 roku");
		else if (r[i].from == 0)
			buf_printf(b, "do %d let", r[i].to);
		else
			buf_printf(b, "%d" NDASH "%d let", r[i].from, r[i].to);
	}
	free(r);
	return true;
}

/* Ages: the note as written ("od 18 let"), else the groups merged, else
   their short names. */
static bool
ages_text(const struct service *s, struct buf *b)
{
	size_t	 i;

	if (has_text(&s->age_note)) {
		buf_puts(b, s->age_note.s);
		return true;
	}
	if (ages_merged(s, b))
		return true;
	for (i = 0; i < s->nages; i++) {
		if (s->ages[i].item == NULL)
			continue;
		if (b->len > 0)
			buf_puts(b, ", ");
		buf_puts(b, s->ages[i].item->short_label);
	}
	return b->len > 0;
}

static bool
template_has(const struct lspec_template *t, enum lspec_field f)
{
	size_t	 i;

	for (i = 0; i < t->nitems; i++)
		if (t->items[i].field == f)
			return true;
	return false;
}

/* A list row: each item a DT_LI paragraph with a bullet. */
static void
list_rows(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct str *v, size_t n)
{
	double	 bw = x->ls->font[LSR_TEXT].size * 0.9;
	size_t	 i;
	bool	 first = true;

	for (i = 0; i < n; i++) {
		if (!has_text(&v[i]))
			continue;
		if (first && t->label_width <= 0 && it->label != NULL) {
			par_begin(x, DT_P);
			sp_fixed(x, LSR_LABEL, it->label);
			sp_raw(x, LSR_LABEL, ":", 1, 0, NULL);
			x->par.keep_with_next = true;
			par_end(x);
		}
		par_begin(x, DT_LI);
		x->par.hang = (t->label_width > 0 ? t->label_width : 0) + bw;
		x->par.indent = -bw;
		if (first && t->label_width > 0 && it->label != NULL) {
			/* the field's label stands in the hanging column;
			   the bullet runs in before the item */
			x->in_label = true;
			sp_fixed(x, LSR_LABEL, it->label);
			x->in_label = false;
			x->par.indent = 0;
			x->par.hang = t->label_width;
		}
		sp_raw(x, LSR_TEXT, "\xe2\x80\xa2" NBSP, 5, DS_NOBREAK, NULL);
		sp_str(x, LSR_TEXT, &v[i], 0);
		par_end(x);
		first = false;
	}
}

/* Description paragraphs: the text split at line ends, full width. */
static void
description(struct cx *x, const struct str *v)
{
	const char	*p, *q;
	struct str	 part;

	if (!has_text(v))
		return;
	glyph_str(x, LSR_TEXT, v);
	for (p = v->s; *p != '\0'; p = *q != '\0' ? q + 1 : q) {
		char	*t;

		q = strchr(p, '\n');
		if (q == NULL)
			q = p + strlen(p);
		t = xstrndup(p, (size_t)(q - p));
		part.s = t;
		part.pos = v->pos;
		if (has_text(&part)) {
			struct doc_span *s;

			par_begin(x, DT_P);
			x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
			x->par.hyphenate = x->ls->hyphenate;
			x->par.space_before = x->ls->par_space;
			if ((s = sp_text(x, LSR_TEXT, t, strlen(t), 0, NULL))
			    != NULL)
				s->src = &v->pos;
			par_end(x);
		}
		free(t);
	}
}

/* Fields of a service entry; each returns after emitting its row. */

static void
row_type(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct service *s)
{
	struct buf	 b = { 0 };

	if (s->type == NULL)
		return;
	row_begin(x, t, it, DI_NONE);
	if (s->type->para != NULL)
		buf_printf(&b, "%s (§ %s)", s->type->name, s->type->para);
	else
		buf_puts(&b, s->type->name);
	sp_text(x, LSR_TEXT, b.data, b.len, 0, NULL);
	par_end(x);
	buf_free(&b);
}

static void
row_capacity(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct service *s)
{
	long long	 cap[STATS_MAX_UNITS];
	unsigned	 mask = stats_service_caps(s, cap);
	size_t		 u, f, k;
	struct buf	 b = { 0 };

	if (mask == 0)
		return;
	for (u = 0; u < cb_count(CB_UNIT) && u < STATS_MAX_UNITS; u++) {
		const struct cb_item *unit = cb_at(CB_UNIT, u);
		const char	*note = NULL;
		bool		 same = true;

		if (!(mask & (1u << u)))
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		typo_fmt_number(&b, cap[u], 0, false);
		buf_printf(&b, " %s", cb_unit_word(unit, cap[u]));
		/* a note shared by every capacity in the unit */
		for (f = 0; f < s->nforms; f++)
			for (k = 0; k < s->forms[f].ncaps; k++) {
				const struct capacity *c = &s->forms[f].caps[k];

				if (c->unit != unit)
					continue;
				if (!has_text(&c->note))
					same = false;
				else if (note == NULL)
					note = c->note.s;
				else if (strcmp(note, c->note.s) != 0)
					same = false;
			}
		if (same && note != NULL)
			buf_printf(&b, " (%s)", note);
	}
	row_begin(x, t, it, DI_NONE);
	sp_text(x, LSR_TEXT, b.data, b.len, 0, NULL);
	par_end(x);
	buf_free(&b);
}

/* A row of one word from a short list ("zdarma") and a note after it. */
static void
row_word_note(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, enum doc_icon icon, const char *word,
    const struct str *note)
{
	if (word == NULL && !has_text(note))
		return;
	row_begin(x, t, it, icon);
	if (word != NULL)
		sp_fixed(x, LSR_TEXT, word);
	if (has_text(note)) {
		if (word != NULL)
			sp_raw(x, LSR_TEXT, "; ", 2, 0, NULL);
		sp_str(x, LSR_TEXT, note, 0);
	}
	par_end(x);
}

static void
row_fees(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct service *s)
{
	static const char *const words[] = {
		NULL, "zdarma", "za úhradu", "částečně za úhradu"
	};

	row_word_note(x, t, it, s->fee == FEE_FREE ? DI_FREE : DI_FEES,
	    s->fee != FEE_UNKNOWN ? words[s->fee] : NULL, &s->fee_note);
}

static void
row_access(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct service *s)
{
	static const char *const words[] = {
		NULL, "bez bezbariérového přístupu", "bezbariérový přístup",
		"částečně bezbariérový přístup"
	};

	row_word_note(x, t, it,
	    s->barrier_free == TRI_NO ? DI_NONE : DI_ACCESS,
	    s->barrier_free != TRI_UNKNOWN ? words[s->barrier_free] : NULL,
	    &s->barrier_note);
}

static void
row_contacts(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct contacts *c)
{
	size_t	 i;

	switch (it->field) {
	case LSD_PHONES:
		if (c->nphones == 0)
			return;
		x->what = "the phone number";
		row_begin(x, t, it, DI_PHONE);
		for (i = 0; i < c->nphones; i++) {
			sp_list_sep(x, LSR_TEXT, i);
			sp_phone(x, LSR_TEXT, c->phones[i].s,
			    &c->phones[i].pos);
		}
		break;
	case LSD_EMAILS:
		if (c->nemails == 0)
			return;
		x->what = "the e-mail address";
		row_begin(x, t, it, DI_EMAIL);
		for (i = 0; i < c->nemails; i++) {
			sp_list_sep(x, LSR_TEXT, i);
			sp_email(x, LSR_TEXT, &c->emails[i]);
		}
		break;
	default:
		if (c->nwebs == 0)
			return;
		x->what = "the web address";
		row_begin(x, t, it, DI_WEB);
		for (i = 0; i < c->nwebs; i++) {
			sp_list_sep(x, LSR_TEXT, i);
			sp_web(x, LSR_TEXT, &c->webs[i]);
		}
		break;
	}
	par_end(x);
}

static void
row_hours(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct hours *h)
{
	if (!hours_present(h))
		return;
	x->what = "the opening hours";
	row_begin(x, t, it, DI_HOURS);
	sp_hours(x, LSR_TEXT, h, pictures(x, it));
	par_end(x);
}

/* Texts joined by ", " with typography; false when none has text. */
static bool
row_strs(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct str *v, size_t n)
{
	size_t	 i;
	bool	 any = false;

	for (i = 0; i < n; i++)
		any = any || has_text(&v[i]);
	if (!any)
		return false;
	row_begin(x, t, it, DI_NONE);
	for (i = 0, any = false; i < n; i++) {
		if (!has_text(&v[i]))
			continue;
		if (any)
			sp_raw(x, LSR_TEXT, ", ", 2, 0, NULL);
		sp_str(x, LSR_TEXT, &v[i], 0);
		any = true;
	}
	par_end(x);
	return true;
}

static void
service_row(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct service *s)
{
	struct buf	 b = { 0 };
	size_t		 i, k;
	const struct place *pl;

	switch (it->field) {
	case LSD_TYPE:
		row_type(x, t, it, s);
		break;
	case LSD_PROVIDER:
		if (s->provider == NULL || !has_text(&s->provider->name))
			break;
		x->what = "the provider's name";
		row_begin(x, t, it, DI_NONE);
		sp_str(x, LSR_TEXT, &s->provider->name, DS_NOHYPH);
		par_end(x);
		break;
	case LSD_ICO:
		if (s->provider == NULL || !has_text(&s->provider->ico))
			break;
		row_begin(x, t, it, DI_NONE);
		sp_raw(x, LSR_TEXT, s->provider->ico.s,
		    strlen(s->provider->ico.s), DS_NOBREAK | DS_NOHYPH,
		    &s->provider->ico.pos);
		par_end(x);
		break;
	case LSD_ADDRESS:
		x->what = "the address";
		if (s->nplaces == 0) {
			/* a field service: where the provider sits */
			if (s->provider == NULL || !s->provider->seat.present)
				break;
			row_begin(x, t, it, DI_ADDRESS);
			sp_address(x, LSR_TEXT, &s->provider->seat, NULL, NULL);
			sp_fixed(x, LSR_TEXT, " (sídlo poskytovatele)");
			par_end(x);
			break;
		}
		row_begin(x, t, it, DI_ADDRESS);
		for (i = 0, k = 0; i < s->nplaces; i++) {
			pl = &s->places[i];
			if (!pl->addr.present && !has_text(&pl->name))
				continue;
			if (k++ > 0)
				sp_break(x, LSR_TEXT);
			sp_address(x, LSR_TEXT, &pl->addr,
			    s->nplaces > 1 ? &pl->name : NULL, &pl->note);
		}
		par_end(x);
		break;
	case LSD_AREA:
		x->what = "the area served";
		if (has_text(&s->area)) {
			row_begin(x, t, it, DI_NONE);
			sp_str(x, LSR_TEXT, &s->area, 0);
			par_end(x);
		} else
			row_strs(x, t, it, s->area_municipalities,
			    s->narea_municipalities);
		break;
	case LSD_PHONES:
	case LSD_EMAILS:
	case LSD_WEBS:
		row_contacts(x, t, it, &s->contacts);
		break;
	case LSD_HOURS:
		row_hours(x, t, it, &s->hours);
		break;
	case LSD_TARGETS:
		for (i = 0; i < s->ntargets; i++) {
			if (s->targets[i].item == NULL)
				continue;
			if (b.len > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, s->targets[i].item->short_label);
		}
		/* the ages go with the groups unless they have a row */
		if (!template_has(&x->ls->entry, LSD_AGES)) {
			struct buf	 ab = { 0 };

			if (ages_text(s, &ab))
				buf_printf(&b, "%s%s", b.len > 0 ? "; " : "",
				    ab.data);
			buf_free(&ab);
		}
		if (b.len == 0)
			break;
		x->what = "the target groups";
		glyph_str(x, LSR_TEXT, &s->age_note);
		row_begin(x, t, it, DI_NONE);
		sp_text(x, LSR_TEXT, b.data, b.len, 0, NULL);
		par_end(x);
		break;
	case LSD_AGES:
		if (!ages_text(s, &b))
			break;
		x->what = "the age note";
		glyph_str(x, LSR_TEXT, &s->age_note);
		row_begin(x, t, it, DI_NONE);
		sp_text(x, LSR_TEXT, b.data, b.len, 0, NULL);
		par_end(x);
		break;
	case LSD_FORMS:
		if (s->nforms == 0)
			break;
		row_begin(x, t, it, DI_NONE);
		for (i = 0; i < s->nforms; i++) {
			const struct cb_item *f = s->forms[i].form;

			if (f == NULL)
				continue;
			sp_list_sep(x, LSR_TEXT, i);
			if (pictures(x, it) && form_icon(f) != DI_NONE) {
				sp_icon(x, LSR_TEXT, form_icon(f), f->label);
				sp_raw(x, LSR_TEXT, NBSP, 2, 0, NULL);
			}
			sp_fixed(x, LSR_TEXT, f->label);
		}
		par_end(x);
		break;
	case LSD_CAPACITY:
		row_capacity(x, t, it, s);
		break;
	case LSD_FEES:
		x->what = "the note on fees";
		row_fees(x, t, it, s);
		break;
	case LSD_DESCRIPTION:
		x->what = "the description";
		description(x, &s->description);
		break;
	case LSD_ACTIVITIES:
		x->what = "the activity";
		list_rows(x, t, it, s->activities, s->nactivities);
		break;
	case LSD_ACCESS:
		x->what = "the note on access";
		row_access(x, t, it, s);
		break;
	case LSD_LANGUAGES:
		x->what = "the language";
		row_strs(x, t, it, s->languages, s->nlanguages);
		break;
	case LSD_IDENT:
		if (!has_text(&s->ident))
			break;
		row_begin(x, t, it, DI_NONE);
		sp_raw(x, LSR_SMALL, s->ident.s, strlen(s->ident.s),
		    DS_NOBREAK | DS_NOHYPH, &s->ident.pos);
		par_end(x);
		break;
	default:
		break;		/* listing fields */
	}
	buf_free(&b);
}

/* The name heading an entry. */
static void
entry_name(struct cx *x, const char *name, const struct srcpos *src,
    const char *anchor, int outline, double space)
{
	struct buf	 b = { 0 };
	const char	*p;

	par_begin(x, DT_H3);
	sp_text(x, LSR_ENTRY, name, strlen(name), DS_NOHYPH, src);
	x->par.anchor = anchor;
	x->par.outline = outline;
	/* the bookmark: the name without line ends */
	for (p = name; *p != '\0'; p++)
		buf_putc(&b, *p == '\n' ? ' ' : *p);
	x->par.outline_title = arena_strdup(x->a, buf_str(&b));
	x->par.keep_with_next = true;
	x->par.space_before = space;
	x->par.space_after = x->ls->font[LSR_ENTRY].leading * 0.15;
	par_end(x);
	buf_free(&b);
}

static const char *
cont_mark(struct cx *x, const struct str *name)
{
	struct buf	 b = { 0 };
	const char	*r;
	size_t		 n;

	buf_printf(&b, "%s (pokračování)", name->s != NULL ? name->s : "");
	r = set_text(x, b.data, b.len, &n);
	buf_free(&b);
	return r;
}

/*
 * The QR code row of an entry when the layout asks for one (qr: true): the
 * service's own QR address (qr), else its first web page; nothing without
 * either. The code is QR_SIDE square, quiet zone included.
 */
#define QR_SIDE		48.0	/* pt, about 17 mm */

static void
qr_row(struct cx *x, const struct lspec_template *t, const struct service *s)
{
	const struct str *u = has_text(&s->qr_url) ? &s->qr_url :
			    s->contacts.nwebs > 0 ? &s->contacts.webs[0] : NULL;
	struct doc_span	*sp;
	struct buf	 b = { 0 }, alt = { 0 };

	if (!x->ls->qr || u == NULL || u->s == NULL)
		return;
	par_begin(x, DT_P);
	x->par.hang = t->label_width;
	x->par.space_before = 2;
	x->par.keep_lines = true;
	if (!has_scheme(u->s))
		buf_puts(&b, "https://");
	buf_puts(&b, u->s);
	buf_printf(&alt, "QR kód s odkazem na %s", u->s);
	sp_icon(x, LSR_TEXT, DI_QR, buf_str(&alt));
	sp = &x->spans[x->nspans - 1];
	sp->size = QR_SIDE;
	sp->uri = arena_strdup(x->a, buf_str(&b));
	sp->src = &u->pos;
	par_end(x);
	buf_free(&b);
	buf_free(&alt);
}

/* One service in full: a DB_ENTRY block. */
static void
service_entry(struct cx *x, const struct service *s, int outline)
{
	const struct lspec_template *t = &x->ls->entry;
	const char	*anchor;
	size_t		 i;

	blk_end(x);
	anchor = anchor_make(x, "svc-", has_text(&s->ident) ? s->ident.s :
	    "n");
	x->svc_anchor[s->index] = anchor;
	blk_begin(x, DB_ENTRY);
	x->blk.rule = t->rule;
	x->blk.cont = cont_mark(x, &s->name);
	x->what = "the service name";
	entry_name(x, s->name.s != NULL ? s->name.s : "", &s->name.pos, anchor,
	    outline, t->space);
	for (i = 0; i < t->nitems; i++)
		service_row(x, t, &t->items[i], s);
	qr_row(x, t, s);
	blk_end(x);
	x->what = NULL;
}

/* A later appearance: "Název → s. 23" as a line of its own. */
static void
cross_ref(struct cx *x, const struct service *s)
{
	const char	*anchor = x->svc_anchor[s->index];
	struct doc_span	*sp;

	blk_end(x);
	blk_begin(x, DB_FLOW);
	par_begin(x, DT_TOCI);
	x->par.space_before = x->ls->entry.space;
	x->par.keep_lines = true;
	if ((sp = sp_str(x, LSR_ENTRY, &s->name, DS_NOHYPH)) != NULL)
		sp->dest = anchor;
	sp_raw(x, LSR_TEXT, " \xe2\x86\x92 s." NBSP, 9, DS_NOBREAK, NULL);
	sp_ref(x, LSR_TEXT, anchor);
	par_end(x);
	blk_end(x);
}

/* Sorting by Czech collation. */

struct skey {
	unsigned char	*key;
	size_t		 idx;
};

static int
skey_cmp(const void *a, const void *b)
{
	const struct skey *p = a, *q = b;
	int		 r = strcmp((const char *)p->key, (const char *)q->key);

	if (r != 0)
		return r;
	return (p->idx > q->idx) - (p->idx < q->idx);
}

static unsigned char *
sort_key(const struct cx *x, const char *s)
{
	size_t	 n;

	if (s == NULL)
		s = "";
	if (x->coll != NULL)
		return collate_key(x->coll, s, strlen(s), &n);
	return (unsigned char *)xstrdup(s);
}

/* Sorts the indexes v[0..n) by the names name(i) gives. */
static void
sort_by(const struct cx *x, size_t *v, size_t n,
    const char *(*name)(const struct cx *, size_t))
{
	struct skey	*k = xcalloc(n + 1, sizeof *k);
	size_t		 i;

	for (i = 0; i < n; i++) {
		k[i].key = sort_key(x, name(x, v[i]));
		k[i].idx = v[i];
	}
	qsort(k, n, sizeof *k, skey_cmp);
	for (i = 0; i < n; i++) {
		v[i] = k[i].idx;
		free(k[i].key);
	}
	free(k);
}

static const char *
svc_name(const struct cx *x, size_t i)
{
	return x->c->services[i]->name.s;
}

static const char *
prov_name(const struct cx *x, size_t i)
{
	return x->c->providers[i]->name.s;
}

static const char *
listing_name(const struct cx *x, size_t i)
{
	return x->c->listings[i]->name.s;
}

static void
push_idx(size_t **v, size_t *n, size_t *cap, size_t i)
{
	if (*n == *cap)
		grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = i;
}

/* Chapters. */

/*
 * Target groups → chapters, after the printed catalogues (DOMAIN.md §5.1
 * item 4): one chapter per kind of reader. Carers, people with dementia
 * and those in need of palliative care read the seniors' chapter; long
 * illness and mental illness belong with disability; children leaving
 * institutional care with families and youth; everyone whose trouble is a
 * situation rather than a condition — homelessness, violence, crime (as
 * victim or offender), exploitation, a risky way of life, an excluded
 * community — with people in crisis. Addictions, and foreigners and
 * minorities, have chapters of their own. A target code not in the table
 * (a codebook grown later) and a service without target groups go to the
 * last chapter, "Další služby".
 */
static const char *const target_chapters[] = {
	"Senioři",
	"Osoby se zdravotním postižením",
	"Rodiny, děti a mládež",
	"Lidé v krizi a v obtížné situaci",
	"Závislosti",
	"Cizinci a menšiny",
	"Další služby",
};
#define CH_OTHER	6

/* Their pictograms, in the same order (none for the last). */
static const enum doc_icon target_chapter_icons[] = {
	DI_TG_SENIORS, DI_TG_DISABILITY, DI_TG_FAMILY, DI_TG_CRISIS,
	DI_TG_ADDICTION, DI_TG_FOREIGN, DI_NONE
};

static const struct {
	const char	*code;
	int		 chapter;
} target_map[] = {
	{ "seniori",			0 },
	{ "pecujici",			0 },
	{ "demence",			0 },
	{ "paliativni-pece",		0 },
	{ "zdravotni-postizeni",	1 },
	{ "telesne-postizeni",		1 },
	{ "mentalni-postizeni",		1 },
	{ "kombinovane-postizeni",	1 },
	{ "sluchove-postizeni",		1 },
	{ "zrakove-postizeni",		1 },
	{ "jine-zdravotni-postizeni",	1 },
	{ "chronicke-onemocneni",	1 },
	{ "dusevni-onemocneni",		1 },
	{ "rodiny-s-detmi",		2 },
	{ "deti-mladez-ohrozeni",	2 },
	{ "opoustejici-ustavni-peci",	2 },
	{ "v-krizi",			3 },
	{ "bez-pristresi",		3 },
	{ "obeti-domaciho-nasili",	3 },
	{ "obeti-trestne-cinnosti",	3 },
	{ "obeti-obchodu-s-lidmi",	3 },
	{ "komercne-zneuzivani",	3 },
	{ "rizikovy-zpusob-zivota",	3 },
	{ "socialne-vyloucene-komunity", 3 },
	{ "pachatele",			3 },
	{ "zavislosti",			4 },
	{ "etnicke-mensiny",		5 },
	{ "imigranti",			5 },
};

static int
target_chapter(const struct cb_item *it)
{
	size_t	 i;

	if (it == NULL)
		return CH_OTHER;
	for (i = 0; i < NELEM(target_map); i++)
		if (strcmp(target_map[i].code, it->code) == 0)
			return target_map[i].chapter;
	return CH_OTHER;
}

static const char *const group_titles[STATS_NGROUPS] = {
	"Sociální poradenství",
	"Služby sociální péče",
	"Služby sociální prevence",
	"Další služby",
};

static int
svc_group(const struct service *s)
{
	return s->type != NULL ? (int)s->type->group : GROUP_OTHER;
}

static void
chapter_add(struct chapter *ch, size_t i)
{
	size_t	 k;

	for (k = 0; k < ch->n; k++)
		if (ch->svcs[k] == i)
			return;
	push_idx(&ch->svcs, &ch->n, &ch->cap, i);
}

/*
 * The chapters of the edition's grouping, each with its services (a
 * service may be in several). Returns how many; *out is malloc'd.
 */
static size_t
plan_chapters(struct cx *x, struct chapter **out)
{
	const struct catalogue *c = x->c;
	struct chapter	*ch = NULL;
	size_t		 nch = 0, cap = 0, i, k, j;
	int		 g;

	switch (x->e->grouping) {
	case EDG_SITUATION:
		for (i = 0; i < c->nsituations; i++) {
			const struct situation *si = c->situations[i];
			const char *grp = has_text(&si->group) ?
			    si->group.s : "Další situace";

			for (k = 0; k < nch; k++)
				if (strcmp(ch[k].title, grp) == 0)
					break;
			if (k == nch) {
				if (nch == cap)
					grow(&ch, &cap, nch + 1, sizeof *ch);
				memset(&ch[nch], 0, sizeof *ch);
				ch[nch++].title = grp;
			}
			for (j = 0; j < si->nservices; j++)
				if (si->services[j] != NULL &&
				    !si->services[j]->dropped)
					chapter_add(&ch[k],
					    (size_t)si->services[j]->index);
		}
		break;
	case EDG_TYPE:
		cap = nch = STATS_NGROUPS;
		ch = xcalloc(nch, sizeof *ch);
		for (k = 0; k < nch; k++)
			ch[k].title = group_titles[k];
		break;
	default:
		cap = nch = NELEM(target_chapters);
		ch = xcalloc(nch, sizeof *ch);
		for (k = 0; k < nch; k++) {
			ch[k].title = target_chapters[k];
			ch[k].icon = target_chapter_icons[k];
		}
		break;
	}
	for (i = 0; i < c->nservices; i++) {
		const struct service *s = c->services[i];
		bool	 placed = false;

		if (s->dropped)
			continue;
		switch (x->e->grouping) {
		case EDG_SITUATION:
			for (k = 0; k < nch && !placed; k++)
				for (j = 0; j < ch[k].n; j++)
					if (ch[k].svcs[j] == i)
						placed = true;
			if (!placed) {
				for (k = 0; k < nch; k++)
					if (strcmp(ch[k].title,
					    "Další služby") == 0)
						break;
				if (k == nch) {
					if (nch == cap)
						grow(&ch, &cap, nch + 1,
						    sizeof *ch);
					memset(&ch[nch], 0, sizeof *ch);
					ch[nch++].title = "Další služby";
				}
				chapter_add(&ch[k], i);
			}
			break;
		case EDG_TYPE:
			chapter_add(&ch[svc_group(s)], i);
			break;
		default:
			for (k = 0; k < s->ntargets; k++) {
				g = target_chapter(s->targets[k].item);
				chapter_add(&ch[g], i);
			}
			if (s->ntargets == 0)
				chapter_add(&ch[CH_OTHER], i);
			break;
		}
	}
	*out = ch;
	return nch;
}

/* The subgroup of a service inside a chapter: its type under "druh", else
   its type's group. */
static size_t
subgroup_of(const struct cx *x, const struct service *s)
{
	if (x->e->grouping == EDG_TYPE)
		return s->type != NULL ? (size_t)s->type->index :
		    cb_type_count();
	return (size_t)svc_group(s);
}

static const char *
subgroup_title(struct cx *x, size_t g)
{
	struct buf	 b = { 0 };
	const struct cb_type *t;
	const char	*r;

	if (x->e->grouping != EDG_TYPE)
		return group_titles[g];
	if (g >= cb_type_count())
		return "Jiné služby";
	t = cb_type_at(g);
	if (t->para != NULL)
		buf_printf(&b, "%s (§ %s)", t->name, t->para);
	else
		buf_puts(&b, t->name);
	r = capital(x, buf_str(&b));
	buf_free(&b);
	return r;
}

/* One chapter: its section, subgroups and entries. */
static void
emit_chapter(struct cx *x, struct chapter *ch)
{
	size_t	 ng = cb_type_count() + 1, g, i, n, *v;
	size_t	 used = 0;
	bool	*has = xcalloc(ng + STATS_NGROUPS, sizeof *has);
	bool	 sub;

	sort_by(x, ch->svcs, ch->n, svc_name);
	for (i = 0; i < ch->n; i++) {
		g = subgroup_of(x, x->c->services[ch->svcs[i]]);
		if (!has[g])
			used++;
		has[g] = true;
	}
	/* by type, a heading per type always; else only when they differ */
	sub = x->e->grouping == EDG_TYPE || used > 1;
	sec_begin(x, ch->title, ch->title, x->ls->section_start,
	    x->ls->columns, false, true);
	heading1_icon(x, ch->title, ch->title, ch->icon);
	v = xcalloc(ch->n + 1, sizeof *v);
	for (g = 0; g < ng + STATS_NGROUPS; g++) {
		if (!has[g])
			continue;
		for (i = n = 0; i < ch->n; i++)
			if (subgroup_of(x, x->c->services[ch->svcs[i]]) == g)
				v[n++] = ch->svcs[i];
		if (sub)
			heading2(x, subgroup_title(x, g), 2, true);
		for (i = 0; i < n; i++) {
			const struct service *s = x->c->services[v[i]];

			if (x->svc_anchor[v[i]] == NULL)
				service_entry(x, s, sub ? 3 : 2);
			else
				cross_ref(x, s);
		}
	}
	blk_end(x);
	sec_end(x);
	free(v);
	free(has);
}

static void
part_services(struct cx *x)
{
	struct chapter	*ch;
	size_t		 n = plan_chapters(x, &ch), i;

	for (i = 0; i < n; i++) {
		if (ch[i].n > 0)
			emit_chapter(x, &ch[i]);
		free(ch[i].svcs);
	}
	free(ch);
}

/* Listings: related services, offices, crisis lines. */

static void
listing_row(struct cx *x, const struct lspec_template *t,
    const struct lspec_item *it, const struct listing *l, bool grouped)
{
	switch (it->field) {
	case LSD_CATEGORY:
		if (grouped || !has_text(&l->category))
			break;
		x->what = "the category";
		row_begin(x, t, it, DI_NONE);
		sp_str(x, LSR_TEXT, &l->category, 0);
		par_end(x);
		break;
	case LSD_FOR_WHOM:
		if (!has_text(&l->audience))
			break;
		x->what = "the audience";
		row_begin(x, t, it, DI_NONE);
		sp_str(x, LSR_TEXT, &l->audience, 0);
		par_end(x);
		break;
	case LSD_ADDRESS:
		if (!l->addr.present)
			break;
		x->what = "the address";
		row_begin(x, t, it, DI_ADDRESS);
		sp_address(x, LSR_TEXT, &l->addr, NULL, NULL);
		par_end(x);
		break;
	case LSD_PHONES:
	case LSD_EMAILS:
	case LSD_WEBS:
		row_contacts(x, t, it, &l->contacts);
		break;
	case LSD_HOURS:
		row_hours(x, t, it, &l->hours);
		break;
	case LSD_DESCRIPTION:
		x->what = "the description";
		description(x, &l->description);
		break;
	default:
		break;		/* service fields */
	}
}

static void
listing_entry(struct cx *x, const struct listing *l, int outline,
    bool grouped)
{
	const struct lspec_template *t = &x->ls->contact;
	const char	*anchor;
	size_t		 i;

	blk_end(x);
	anchor = anchor_make(x, "lst-", has_text(&l->id) ? l->id.s : "n");
	blk_begin(x, DB_ENTRY);
	x->blk.rule = l->kind == LIST_CRISIS ? 0 : t->rule;
	x->blk.tint = l->kind == LIST_CRISIS;
	x->blk.cont = cont_mark(x, &l->name);
	x->what = "the name";
	entry_name(x, l->name.s != NULL ? l->name.s : "", &l->name.pos,
	    anchor, outline, t->space);
	for (i = 0; i < t->nitems; i++)
		listing_row(x, t, &t->items[i], l, grouped);
	blk_end(x);
	x->what = NULL;
}

/* The emergency numbers every crisis page has. */
static const struct {
	const char	*number;
	const char	*name;
} emergency[] = {
	{ "112", "Jednotné evropské číslo tísňového volání" },
	{ "150", "Hasičský záchranný sbor" },
	{ "155", "Zdravotnická záchranná služba" },
	{ "156", "Městská policie" },
	{ "158", "Policie České republiky" },
};

/* Whether some crisis line of the data has the phone number. */
static bool
crisis_has(const struct catalogue *c, const char *number)
{
	size_t	 i, k;

	for (i = 0; i < c->nlistings; i++) {
		const struct listing *l = c->listings[i];

		if (l->kind != LIST_CRISIS)
			continue;
		for (k = 0; k < l->contacts.nphones; k++)
			if (strcmp(l->contacts.phones[k].s, number) == 0)
				return true;
	}
	return false;
}

/* A line "name ...... number" with a tel: link. */
static void
number_line(struct cx *x, const char *name, const char *number,
    const struct srcpos *src)
{
	par_begin(x, DT_TOCI);
	sp_fixed(x, LSR_TEXT, name);
	sp_fill(x, LSR_TEXT, true);
	sp_phone(x, LSR_TEXT, number, src);
	par_end(x);
}

static void
part_listings(struct cx *x, enum listing_kind kind, const char *title)
{
	const struct catalogue *c = x->c;
	size_t		*v = NULL, n = 0, cap = 0, i, k, ncat = 0;
	const char	**cats = NULL;
	size_t		 capcats = 0;
	bool		 grouped, missing = false;

	for (i = 0; i < c->nlistings; i++)
		if (c->listings[i]->kind == kind)
			push_idx(&v, &n, &cap, i);
	if (kind == LIST_CRISIS)
		for (i = 0; i < NELEM(emergency); i++)
			if (!crisis_has(c, emergency[i].number))
				missing = true;
	if (n == 0 && !missing)
		return;
	/* crisis lines keep the data's order: emergency numbers first */
	if (kind != LIST_CRISIS)
		sort_by(x, v, n, listing_name);
	for (i = 0; i < n; i++) {
		const struct str *cat = &c->listings[v[i]]->category;
		const char *name = has_text(cat) ? cat->s : "";

		for (k = 0; k < ncat; k++)
			if (strcmp(cats[k], name) == 0)
				break;
		if (k == ncat) {
			if (ncat == capcats)
				grow(&cats, &capcats, ncat + 1, sizeof *cats);
			cats[ncat++] = name;
		}
	}
	grouped = ncat > 1;
	sec_begin(x, title, title, x->ls->section_start, x->ls->columns,
	    false, true);
	heading1(x, title, title);
	if (kind == LIST_CRISIS && missing) {
		blk_end(x);
		blk_begin(x, DB_ENTRY);
		x->blk.tint = true;
		entry_name(x, "Tísňová volání", NULL,
		    anchor_make(x, "lst-", "tisnova-volani"), 2,
		    x->ls->contact.space);
		for (i = 0; i < NELEM(emergency); i++)
			if (!crisis_has(c, emergency[i].number))
				number_line(x, emergency[i].name,
				    emergency[i].number, NULL);
		blk_end(x);
	}
	/* categories in the order they first come; the uncategorised last */
	for (k = 0; k < ncat; k++) {
		if (grouped && cats[k][0] != '\0')
			heading2(x, capital(x, cats[k]), 2, false);
		else if (grouped)
			heading2(x, "Další", 2, false);
		for (i = 0; i < n; i++) {
			const struct str *cat = &c->listings[v[i]]->category;

			if (strcmp(has_text(cat) ? cat->s : "", cats[k]) == 0)
				listing_entry(x, c->listings[v[i]],
				    grouped ? 3 : 2, grouped);
		}
	}
	blk_end(x);
	sec_end(x);
	free(cats);
	free(v);
}

/* The cover, imprint and foreword. */

/* An image's width for a height, from its file (PNG or SVG); the height
   when it cannot be read. */
static double
image_width(const char *path, double h)
{
	size_t		 len;
	char		*buf = read_file(path, &len);
	double		 w = h, iw = 0, ih = 0;
	const unsigned char *u = (const unsigned char *)buf;
	const char	*p;

	if (buf == NULL)
		return w;
	if (len > 24 && memcmp(buf, "\x89PNG", 4) == 0) {
		iw = (double)((u[16] << 24) | (u[17] << 16) | (u[18] << 8) |
		    u[19]);
		ih = (double)((u[20] << 24) | (u[21] << 16) | (u[22] << 8) |
		    u[23]);
	} else if ((p = strstr(buf, "viewBox=\"")) != NULL) {
		double	 v[4] = { 0 };
		int	 k;

		p += 9;
		for (k = 0; k < 4 && *p != '\0' && *p != '"'; k++) {
			char	*end;

			while (*p == ' ' || *p == ',')
				p++;
			/* numbers in the C locale: the program runs in it */
			v[k] = strtod(p, &end);
			if (end == p)
				break;
			p = end;
		}
		if (k == 4) {
			iw = v[2];
			ih = v[3];
		}
	}
	if (iw > 0 && ih > 0)
		w = h * iw / ih;
	free(buf);
	return w;
}

/* The file name without directory and extension: a logo's alt text. */
static const char *
base_name(struct cx *x, const char *path)
{
	const char	*b = strrchr(path, '/'), *dot;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	return dot != NULL && dot > b ? arena_strndup(x->a, b,
	    (size_t)(dot - b)) : arena_strdup(x->a, b);
}

static void
centred(struct cx *x, enum lspec_role role, const struct str *v,
    unsigned flags, double space_after)
{
	if (!has_text(v))
		return;
	par_begin(x, DT_P);
	x->par.align = DA_CENTRE;
	x->par.space_after = space_after;
	sp_str(x, role, v, flags);
	par_end(x);
}

static void
part_cover(struct cx *x)
{
	const struct edition *e = x->e;
	const struct edition_publicity *pb = &e->publicity;
	const struct layout_spec *ls = x->ls;
	struct buf	 b = { 0 };
	size_t		 i;

	sec_begin(x, NULL, NULL, LSS_NEW_PAGE, 1, true, false);
	flow(x);
	x->what = "the title";
	par_begin(x, DT_TITLE);
	x->par.align = DA_CENTRE;
	sp_str(x, LSR_TITLE, &e->title, DS_NOHYPH);
	x->par.anchor = x->secs[x->cur].id;
	x->par.outline = 1;
	x->par.outline_title = e->title.s != NULL ? e->title.s : "Obálka";
	x->par.space_after = ls->font[LSR_TITLE].leading * 0.5;
	x->par.keep_with_next = true;
	par_end(x);
	x->what = "the subtitle";
	centred(x, LSR_SUBHEADING, &e->subtitle, 0,
	    ls->font[LSR_SUBHEADING].leading);
	x->what = "the territory";
	centred(x, LSR_HEADING, &e->territory, DS_NOHYPH,
	    ls->font[LSR_HEADING].leading * 0.25);
	if (has_text(&e->edition_no))
		buf_puts(&b, e->edition_no.s);
	if (has_text(&e->year))
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", e->year.s);
	if (b.len > 0) {
		glyph_str(x, LSR_SUBHEADING, &e->edition_no);
		par_begin(x, DT_P);
		x->par.align = DA_CENTRE;
		sp_text(x, LSR_SUBHEADING, b.data, b.len, DS_NOHYPH, NULL);
		par_end(x);
	}
	vfill(x, ls->font[LSR_TEXT].leading);
	x->what = "the issuer";
	centred(x, LSR_SUBHEADING, &e->issuer.name, DS_NOHYPH,
	    ls->font[LSR_TEXT].leading);
	if (has_text(&pb->project) || has_text(&pb->reg_number) ||
	    has_text(&pb->text) || pb->nlogos > 0) {
		flow(x);
		par_begin(x, DT_P);
		x->par.align = DA_CENTRE;
		x->par.keep_with_next = true;
		sp_icon(x, LSR_TEXT, DI_EU, "vlajka Evropské unie");
		sp_raw(x, LSR_TEXT, " ", 1, 0, NULL);
		sp_fixed(x, LSR_TEXT, "Spolufinancováno Evropskou unií");
		par_end(x);
		x->what = "the project name";
		centred(x, LSR_SMALL, &pb->project, 0, 0);
		if (has_text(&pb->reg_number)) {
			par_begin(x, DT_P);
			x->par.align = DA_CENTRE;
			sp_fixed(x, LSR_SMALL, "Registrační číslo projektu: ");
			x->what = "the registration number";
			sp_raw(x, LSR_SMALL, pb->reg_number.s,
			    strlen(pb->reg_number.s), DS_NOBREAK | DS_NOHYPH,
			    &pb->reg_number.pos);
			par_end(x);
		}
		x->what = "the publicity text";
		centred(x, LSR_SMALL, &pb->text, 0, 0);
		for (i = 0; i < pb->nlogos; i++) {
			struct doc_block im;

			if (!has_text(&pb->logos[i]))
				continue;
			blk_end(x);
			memset(&im, 0, sizeof im);
			im.kind = DB_IMAGE;
			im.image = arena_strdup(x->a, pb->logos[i].s);
			im.image_h = 36;
			im.image_w = image_width(pb->logos[i].s, im.image_h);
			im.alt = base_name(x, pb->logos[i].s);
			im.space_before = ls->font[LSR_TEXT].leading * 0.5;
			blk_push(x, &im);
		}
	}
	blk_end(x);
	sec_end(x);
	buf_free(&b);
	x->what = NULL;
}

static void
small_line(struct cx *x, const char *text)
{
	line(x, LSR_SMALL, DA_LEFT, text);
}

/* The issuer's web and e-mail as one linked paragraph (imprint, back). */
static void
issuer_links(struct cx *x, const struct edition *e, enum lspec_role role)
{
	if (!has_text(&e->issuer.web) && !has_text(&e->issuer.email))
		return;
	par_begin(x, DT_P);
	if (has_text(&e->issuer.web))
		sp_web(x, role, &e->issuer.web);
	if (has_text(&e->issuer.email)) {
		if (has_text(&e->issuer.web))
			sp_raw(x, role, ", ", 2, 0, NULL);
		sp_email(x, role, &e->issuer.email);
	}
	par_end(x);
}

static void
part_imprint(struct cx *x)
{
	const struct edition *e = x->e;
	const struct edition_imprint *im = &e->imprint;
	struct buf	 b = { 0 };
	size_t		 i;

	sec_begin(x, "Tiráž", "Tiráž", LSS_NEW_PAGE, 1, false, false);
	/* the imprint stands at the foot of its page */
	vfill(x, 0);
	flow(x);
	x->what = "the title";
	par_begin(x, DT_P);
	sp_str(x, LSR_SUBHEADING, &e->title, DS_NOHYPH);
	x->par.anchor = x->secs[x->cur].id;
	x->par.outline = 1;
	x->par.outline_title = "Tiráž";
	x->par.keep_with_next = true;
	par_end(x);
	x->what = "the subtitle";
	if (has_text(&e->subtitle))
		prose(x, LSR_SMALL, &e->subtitle);
	if (has_text(&e->territory) || has_text(&e->edition_no) ||
	    has_text(&e->year)) {
		par_begin(x, DT_P);
		x->what = "the territory";
		sp_str(x, LSR_SMALL, &e->territory, DS_NOHYPH);
		if (has_text(&e->edition_no)) {
			if (has_text(&e->territory))
				sp_raw(x, LSR_SMALL, ", ", 2, 0, NULL);
			x->what = "the edition";
			sp_str(x, LSR_SMALL, &e->edition_no, 0);
		}
		if (has_text(&e->year)) {
			if (x->nspans > 0)
				sp_raw(x, LSR_SMALL, ", ", 2, 0, NULL);
			sp_str(x, LSR_SMALL, &e->year, DS_NOBREAK);
		}
		par_end(x);
	}
	if (has_text(&e->issuer.name)) {
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		sp_fixed(x, LSR_SMALL, "Vydal: ");
		x->what = "the issuer";
		sp_str(x, LSR_SMALL, &e->issuer.name, DS_NOHYPH);
		if (has_text(&e->issuer.address)) {
			sp_raw(x, LSR_SMALL, ", ", 2, 0, NULL);
			x->what = "the issuer's address";
			sp_str(x, LSR_SMALL, &e->issuer.address, DS_NOHYPH);
		}
		par_end(x);
	}
	issuer_links(x, e, LSR_SMALL);
	if (e->data_date.y != 0) {
		buf_reset(&b);
		buf_puts(&b, "Údaje jsou aktuální k ");
		typo_fmt_date(&b, e->data_date.y, e->data_date.m,
		    e->data_date.d, false);
		buf_putc(&b, '.');
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		sp_fixed(x, LSR_SMALL, buf_str(&b));
		par_end(x);
	}
	if (im->issued.y != 0) {
		buf_reset(&b);
		buf_puts(&b, "Datum vydání: ");
		typo_fmt_date(&b, im->issued.y, im->issued.m, im->issued.d,
		    false);
		small_line(x, buf_str(&b));
	}
	if (im->print_run.n >= 0) {
		buf_reset(&b);
		buf_puts(&b, "Náklad ");
		typo_fmt_number(&b, im->print_run.n, 0, true);
		buf_printf(&b, " %s", plural(im->print_run.n, "výtisk",
		    "výtisky", "výtisků"));
		small_line(x, buf_str(&b));
	}
	if (im->nsources > 0) {
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		x->par.keep_with_next = true;
		sp_fixed(x, LSR_SMALL, "Zdroje údajů:");
		par_end(x);
		x->what = "the data source";
		for (i = 0; i < im->nsources; i++) {
			par_begin(x, DT_LI);
			x->par.hang = x->ls->font[LSR_SMALL].size;
			x->par.indent = -x->ls->font[LSR_SMALL].size;
			sp_raw(x, LSR_SMALL, "\xe2\x80\xa2" NBSP, 5, DS_NOBREAK,
			    NULL);
			sp_str(x, LSR_SMALL, &im->sources[i], 0);
			par_end(x);
		}
	}
	if (has_text(&im->note)) {
		x->what = "the note";
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
		x->par.hyphenate = x->ls->hyphenate;
		sp_str(x, LSR_SMALL, &im->note, 0);
		par_end(x);
	}
	if (has_text(&e->publicity.text)) {
		x->what = "the publicity text";
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
		x->par.hyphenate = x->ls->hyphenate;
		sp_str(x, LSR_SMALL, &e->publicity.text, 0);
		par_end(x);
	}
	if (has_text(&im->isbn)) {
		par_begin(x, DT_P);
		x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
		sp_raw(x, LSR_SMALL, "ISBN ", 5, 0, NULL);
		x->what = "the ISBN";
		sp_raw(x, LSR_SMALL, im->isbn.s, strlen(im->isbn.s),
		    DS_NOBREAK | DS_NOHYPH, &im->isbn.pos);
		par_end(x);
	}
	par_begin(x, DT_P);
	x->par.space_before = x->ls->font[LSR_SMALL].leading * 0.5;
	sp_fixed(x, LSR_SMALL, "Neprodejné.");
	par_end(x);
	blk_end(x);
	sec_end(x);
	buf_free(&b);
	x->what = NULL;
}

static void
part_foreword(struct cx *x)
{
	const struct edition_foreword *f = &x->e->foreword;
	const char	*h;
	size_t		 i;

	if (f->nparagraphs == 0 && !has_text(&f->heading))
		return;
	sec_begin(x, "Úvodní slovo", "Úvodní slovo", x->ls->section_start, 1,
	    false, false);
	x->what = "the foreword's heading";
	h = has_text(&f->heading) ? f->heading.s : "Úvodní slovo";
	if (has_text(&f->heading))
		glyph_str(x, LSR_HEADING, &f->heading);
	heading1(x, h, "Úvodní slovo");
	x->what = "the foreword";
	for (i = 0; i < f->nparagraphs; i++) {
		prose(x, LSR_TEXT, &f->paragraphs[i]);
		if (i > 0 && x->npars > 0)
			x->pars[x->npars - 1].indent = x->ls->indent;
	}
	if (has_text(&f->signature)) {
		x->what = "the signature";
		par_begin(x, DT_P);
		x->par.align = DA_RIGHT;
		x->par.space_before = x->ls->font[LSR_TEXT].leading;
		sp_str(x, LSR_TEXT, &f->signature, DS_NOHYPH);
		par_end(x);
	}
	blk_end(x);
	sec_end(x);
	x->what = NULL;
}

/* How to use the catalogue. */

/* The pictograms the layout prints, in the legend's order. */
static size_t
icons_used(const struct cx *x, enum doc_icon *out)
{
	const struct lspec_template *t[2] = { &x->ls->entry, &x->ls->contact };
	bool		 used[DI__MAX] = { false };
	size_t		 i, k, n = 0;

	if (!x->ls->pictograms)
		return 0;
	for (k = 0; k < 2; k++)
		for (i = 0; i < t[k]->nitems; i++) {
			const struct lspec_item *it = &t[k]->items[i];

			if (!it->pictogram)
				continue;
			switch (it->field) {
			case LSD_FORMS:
				used[DI_OUTPATIENT] = used[DI_FIELD] =
				    used[DI_RESIDENTIAL] = true;
				break;
			case LSD_HOURS:
				used[DI_HOURS] = used[DI_NONSTOP] = true;
				break;
			case LSD_FEES:
				used[DI_FEES] = used[DI_FREE] = true;
				break;
			default:
				if (field_icon(it->field) != DI_NONE)
					used[field_icon(it->field)] = true;
				break;
			}
		}
	/* the pictograms of the target-group chapters there will be */
	if (x->e->grouping == EDG_TARGET)
		for (i = 0; i < x->c->nservices; i++)
			for (k = 0; !x->c->services[i]->dropped &&
			    k < x->c->services[i]->ntargets; k++)
				used[target_chapter_icons[target_chapter(
				    x->c->services[i]->targets[k].item)]] = true;
	used[DI_NONE] = false;
	for (i = DI_NONE + 1; i < DI__MAX; i++)
		if (used[i])
			out[n++] = (enum doc_icon)i;
	return n;
}

/* Abbreviations and where they are explained. */
static const struct {
	const char	*abbr;
	const char	*meaning;
	const char	*look;		/* printed only when the data use it;
					   NULL: always */
} abbreviations[] = {
	{ "§", "paragraf zákona č. 108/2006 Sb., o sociálních službách", NULL },
	{ "IČO", "identifikační číslo osoby (organizace)", NULL },
	{ "ORP", "obec s rozšířenou působností", "ORP" },
	{ "OSPOD", "orgán sociálně-právní ochrany dětí", "OSPOD" },
	{ "o. p. s.", "obecně prospěšná společnost", "o. p. s." },
	{ "p. o.", "příspěvková organizace", "p. o." },
	{ "s. r. o.", "společnost s ručením omezeným", "s. r. o." },
	{ "z. s.", "zapsaný spolek", "z. s." },
	{ "z. ú.", "zapsaný ústav", "z. ú." },
};

static bool
str_has(const struct str *s, const char *needle)
{
	return s->s != NULL && strstr(s->s, needle) != NULL;
}

/* Whether an abbreviation occurs in a printed name or in the edition. */
static bool
abbr_used(const struct cx *x, const char *look)
{
	size_t	 i;

	if (look == NULL || str_has(&x->e->territory, look))
		return true;
	for (i = 0; i < x->c->nproviders; i++)
		if (str_has(&x->c->providers[i]->name, look))
			return true;
	for (i = 0; i < x->c->nservices; i++)
		if (str_has(&x->c->services[i]->name, look))
			return true;
	for (i = 0; i < x->c->nlistings; i++)
		if (str_has(&x->c->listings[i]->name, look))
			return true;
	return false;
}

static void
li_text(struct cx *x, const char *text)
{
	double	 bw = x->ls->font[LSR_TEXT].size * 0.9;

	par_begin(x, DT_LI);
	x->par.hang = bw;
	x->par.indent = -bw;
	sp_raw(x, LSR_TEXT, "\xe2\x80\xa2" NBSP, 5, DS_NOBREAK, NULL);
	sp_fixed(x, LSR_TEXT, text);
	par_end(x);
}

/* "Síť služeb v číslech": the same figures as the workbook's. */
static void
figures(struct cx *x)
{
	const struct stats *st = x->st;
	const struct stats_year *y;
	struct buf	 b = { 0 };
	size_t		 u;

	if (st == NULL)
		return;
	heading2(x, "Síť služeb v číslech", 2, false);
	if (x->e->data_date.y != 0) {
		buf_puts(&b, "Stav k ");
		typo_fmt_date(&b, x->e->data_date.y, x->e->data_date.m,
		    x->e->data_date.d, false);
		buf_puts(&b, ":");
		par_begin(x, DT_P);
		x->par.keep_with_next = true;
		sp_fixed(x, LSR_TEXT, buf_str(&b));
		par_end(x);
	}
	buf_reset(&b);
	typo_fmt_number(&b, (long long)st->nservices, 0, false);
	buf_printf(&b, " %s", plural((long long)st->nservices,
	    "registrovaná sociální služba", "registrované sociální služby",
	    "registrovaných sociálních služeb"));
	li_text(x, buf_str(&b));
	buf_reset(&b);
	typo_fmt_number(&b, (long long)st->nproviders, 0, false);
	buf_printf(&b, " %s", plural((long long)st->nproviders,
	    "poskytovatel", "poskytovatelé", "poskytovatelů"));
	li_text(x, buf_str(&b));
	if (st->units_used != 0) {
		bool	 first = true;

		buf_reset(&b);
		buf_puts(&b, "kapacita podle registrace: ");
		for (u = 0; u < st->nunits && u < STATS_MAX_UNITS; u++) {
			if (!(st->units_used & (1u << u)))
				continue;
			if (!first)
				buf_puts(&b, ", ");
			first = false;
			typo_fmt_number(&b, st->total.cap[u], 0, false);
			buf_printf(&b, " %s", cb_unit_word(cb_at(CB_UNIT, u),
			    st->total.cap[u]));
		}
		li_text(x, buf_str(&b));
	}
	if (st->ref_year != 0 && (y = stats_year(st, st->ref_year)) != NULL &&
	    y->revenue_given > 0) {
		buf_reset(&b);
		buf_printf(&b, "příjmy služeb v roce %d: ", st->ref_year);
		typo_fmt_amount(&b, y->revenue_total, false);
		buf_puts(&b, " (údaje od ");
		typo_fmt_number(&b, y->revenue_given, 0, false);
		buf_printf(&b, " %s)", plural(y->revenue_given, "služby",
		    "služeb", "služeb"));
		li_text(x, buf_str(&b));
	}
	par_begin(x, DT_P);
	x->par.space_before = x->ls->par_space;
	x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
	x->par.hyphenate = x->ls->hyphenate;
	sp_fixed(x, LSR_SMALL, "Kapacity různých jednotek (lůžka, klienti, "
	    "intervence…) se nesčítají. Podrobné tabulky jsou v přílohách "
	    "XLSX.");
	par_end(x);
	buf_free(&b);
}

static void
part_howto(struct cx *x)
{
	const struct lspec_template *t = &x->ls->entry;
	enum doc_icon	 icons[DI__MAX];
	struct buf	 b = { 0 };
	size_t		 i, n, k;
	double		 hang = x->ls->font[LSR_TEXT].size * 3.5;

	sec_begin(x, "Jak používat katalog", "Jak používat katalog",
	    x->ls->section_start, 1, false, false);
	heading1(x, "Jak používat katalog", "Jak používat katalog");
	switch (x->e->grouping) {
	case EDG_SITUATION:
		buf_puts(&b, "Služby jsou rozděleny do kapitol podle "
		    "životních situací, ve kterých pomáhají.");
		break;
	case EDG_TYPE:
		buf_puts(&b, "Služby jsou rozděleny do kapitol podle druhu "
		    "služby podle zákona o sociálních službách.");
		break;
	default:
		buf_puts(&b, "Služby jsou rozděleny do kapitol podle toho, "
		    "komu jsou určeny.");
		break;
	}
	buf_puts(&b, " V kapitole jsou seřazeny podle abecedy. Služba, která "
	    "patří do více kapitol, je popsána jen v první z nich; v dalších "
	    "na ni odkazuje řádek s číslem strany.");
	par_begin(x, DT_P);
	x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
	x->par.hyphenate = x->ls->hyphenate;
	x->par.space_after = x->ls->par_space;
	sp_fixed(x, LSR_TEXT, buf_str(&b));
	par_end(x);
	buf_reset(&b);
	buf_puts(&b, "Každý záznam začíná názvem služby. Pod ním najdete ");
	for (i = 0, k = 0; i < t->nitems; i++)
		if (field_meaning(t->items[i].field) != NULL)
			k++;
	for (i = 0, n = 0; i < t->nitems; i++) {
		const char *m = field_meaning(t->items[i].field);

		if (m == NULL)
			continue;
		n++;
		if (n > 1)
			buf_puts(&b, n == k ? " a " : ", ");
		buf_puts(&b, m);
	}
	buf_puts(&b, ". Údaj, který služba neuvedla, v záznamu chybí.");
	par_begin(x, DT_P);
	x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
	x->par.hyphenate = x->ls->hyphenate;
	x->par.space_after = x->ls->par_space;
	sp_fixed(x, LSR_TEXT, buf_str(&b));
	par_end(x);
	if ((n = icons_used(x, icons)) > 0) {
		heading2(x, "Piktogramy", 2, false);
		for (i = 0; i < n; i++) {
			par_begin(x, DT_P);
			x->par.hang = hang;
			x->in_label = true;
			sp_icon(x, LSR_LABEL, icons[i], icon_meaning(icons[i]));
			x->in_label = false;
			sp_fixed(x, LSR_TEXT, icon_meaning(icons[i]));
			par_end(x);
		}
	}
	heading2(x, "Zkratky", 2, false);
	for (i = 0; i < NELEM(abbreviations); i++) {
		if (!abbr_used(x, abbreviations[i].look))
			continue;
		par_begin(x, DT_P);
		x->par.hang = hang;
		x->in_label = true;
		sp_fixed(x, LSR_LABEL, abbreviations[i].abbr);
		x->in_label = false;
		sp_fixed(x, LSR_TEXT, abbreviations[i].meaning);
		par_end(x);
	}
	figures(x);
	blk_end(x);
	sec_end(x);
	buf_free(&b);
}

/* The contents, signpost and indexes: filled at the end. */

static void
toc_line(struct cx *x, const struct tocent *t)
{
	struct doc_span	*s;
	double		 em = x->ls->font[LSR_TEXT].size;

	par_begin(x, DT_TOCI);
	x->par.hang = (t->level - 1) * 1.5 * em + 1.5 * em;
	x->par.indent = -1.5 * em;
	x->par.right = 0;
	x->par.space_before = t->level == 1 ? x->ls->par_space : 0;
	s = sp_fixed(x, t->level == 1 ? LSR_ENTRY : LSR_TEXT, t->title);
	if (s != NULL) {
		s->dest = t->anchor;
		s->flags |= DS_NOHYPH;
	}
	sp_fill(x, LSR_TEXT, true);
	sp_ref(x, LSR_TEXT, t->anchor);
	par_end(x);
}

static void
fill_contents(struct cx *x, size_t sec)
{
	size_t	 i;

	x->cur = sec;
	x->nblocks = 0;
	heading1(x, "Obsah", "Obsah");
	for (i = 0; i < x->ntoc; i++)
		toc_line(x, &x->toc[i]);
	blk_end(x);
	sec_end(x);
}

/* A service line of the signpost or an index: name, leaders, page. */
static void
svc_line(struct cx *x, const struct service *s, double hang)
{
	const char	*anchor = x->svc_anchor[s->index];
	struct doc_span	*sp;
	double		 em = x->ls->font[LSR_TEXT].size;

	par_begin(x, DT_TOCI);
	x->par.hang = hang + em;
	x->par.indent = -em;
	if ((sp = sp_str(x, LSR_TEXT, &s->name, DS_NOHYPH)) != NULL)
		sp->dest = anchor;
	sp_fill(x, LSR_TEXT, true);
	sp_ref(x, LSR_TEXT, anchor);
	par_end(x);
}

static void
fill_signpost(struct cx *x, size_t sec)
{
	const struct catalogue *c = x->c;
	const char	**groups = NULL;
	size_t		 ngroups = 0, cap = 0, i, k, j, shown;

	x->cur = sec;
	x->nblocks = 0;
	heading1(x, "Rozcestník podle životních situací",
	    "Rozcestník podle životních situací");
	par_begin(x, DT_P);
	x->par.align = x->ls->justify ? DA_JUSTIFY : DA_LEFT;
	x->par.hyphenate = x->ls->hyphenate;
	x->par.space_after = x->ls->par_space;
	sp_fixed(x, LSR_TEXT, "Najděte otázku, která nejlépe vystihuje vaši "
	    "situaci. Pod ní jsou služby, které vám mohou pomoci, s číslem "
	    "strany, kde je najdete.");
	par_end(x);
	for (i = 0; i < c->nsituations; i++) {
		const char *g = has_text(&c->situations[i]->group) ?
		    c->situations[i]->group.s : "";

		for (k = 0; k < ngroups; k++)
			if (strcmp(groups[k], g) == 0)
				break;
		if (k == ngroups) {
			if (ngroups == cap)
				grow(&groups, &cap, ngroups + 1,
				    sizeof *groups);
			groups[ngroups++] = g;
		}
	}
	for (k = 0; k < ngroups; k++) {
		bool	 head = false;

		for (i = 0; i < c->nsituations; i++) {
			const struct situation *si = c->situations[i];

			if (strcmp(has_text(&si->group) ? si->group.s : "",
			    groups[k]) != 0)
				continue;
			for (j = shown = 0; j < si->nservices; j++)
				if (si->services[j] != NULL &&
				    x->svc_anchor[si->services[j]->index] !=
				    NULL)
					shown++;
			if (shown == 0)
				continue;
			if (!head && groups[k][0] != '\0') {
				x->what = "the situation group";
				glyph_str(x, LSR_SUBHEADING, &si->group);
				heading2(x, groups[k], 2, false);
			}
			head = true;
			blk_end(x);
			blk_begin(x, DB_ENTRY);
			par_begin(x, DT_P);
			x->par.keep_with_next = true;
			x->par.space_before = x->ls->par_space * 2;
			x->what = "the question";
			sp_str(x, LSR_ENTRY, &si->question, 0);
			par_end(x);
			x->what = NULL;
			for (j = 0; j < si->nservices; j++)
				if (si->services[j] != NULL &&
				    x->svc_anchor[si->services[j]->index] !=
				    NULL)
					svc_line(x, si->services[j], 0);
			blk_end(x);
		}
	}
	blk_end(x);
	sec_end(x);
	free(groups);
}

/* Whether the index has anything: printed services exist. */
static bool
any_printed(const struct cx *x)
{
	size_t	 i;

	for (i = 0; i < x->c->nservices; i++)
		if (x->svc_listed[i])
			return true;
	return false;
}

/*
 * Services grouped by a key 0 .. nkeys - 1, from n pairs (keys[i],
 * svcs[i]) given in service order: a counting sort, so that each group
 * keeps that order. Returns the services; key k's are
 * ids[(*start)[k] .. (*start)[k + 1]). Both arrays are malloc'd. (The
 * indexes used to scan every service for every provider and every
 * municipality: quadratic; composing 100 000 services took 64 s.)
 */
/* Appends the pair (key, svc) to the arrays keys and svcs. */
static void
push_pair(size_t **keys, size_t **svcs, size_t *n, size_t *cap, size_t key,
    size_t svc)
{
	if (*n == *cap) {
		size_t	 c2 = *cap;

		grow(keys, cap, *n + 1, sizeof **keys);
		grow(svcs, &c2, *n + 1, sizeof **svcs);
	}
	(*keys)[*n] = key;
	(*svcs)[(*n)++] = svc;
}

static size_t *
group_by_key(const size_t *keys, const size_t *svcs, size_t n, size_t nkeys,
    size_t **start)
{
	size_t	*ids = xcalloc(n + 1, sizeof *ids), *at, i, k;

	*start = xcalloc(nkeys + 2, sizeof **start);
	for (i = 0; i < n; i++)
		(*start)[keys[i] + 1]++;
	for (k = 0; k < nkeys; k++)
		(*start)[k + 1] += (*start)[k];
	at = xcalloc(nkeys + 1, sizeof *at);
	memcpy(at, *start, nkeys * sizeof *at);
	for (i = 0; i < n; i++)
		ids[at[keys[i]]++] = svcs[i];
	free(at);
	return ids;
}

static void
fill_providers(struct cx *x, size_t sec)
{
	const struct catalogue *c = x->c;
	size_t		*prov = NULL, np = 0, capp = 0, *sv, *start, n, i, k;
	size_t		*keys = NULL, *svcs = NULL, nk = 0, capk = 0;
	bool		*seen = xcalloc(c->nproviders + 1, sizeof *seen);
	char		 letter[16], last[16] = "";
	double		 em = x->ls->font[LSR_TEXT].size;

	x->cur = sec;
	x->nblocks = 0;
	heading1(x, x->secs[sec].title, x->secs[sec].title);
	for (i = 0; i < c->nservices; i++) {
		const struct provider *p = c->services[i]->provider;

		if (x->svc_anchor[i] == NULL || p == NULL)
			continue;
		push_pair(&keys, &svcs, &nk, &capk, (size_t)p->index, i);
		if (seen[p->index])
			continue;
		seen[p->index] = true;
		push_idx(&prov, &np, &capp, (size_t)p->index);
	}
	sort_by(x, prov, np, prov_name);
	sv = group_by_key(keys, svcs, nk, c->nproviders, &start);
	for (k = 0; k < np; k++) {
		const struct provider *p = c->providers[prov[k]];
		const char *name = p->name.s != NULL ? p->name.s : "";

		if (x->coll != NULL)
			collate_heading(x->coll, name, strlen(name), letter);
		else
			snprintf(letter, sizeof letter, "%c", name[0]);
		if (strcmp(letter, last) != 0) {
			heading2(x, letter, 0, false);
			memcpy(last, letter, sizeof last);
		}
		n = start[prov[k] + 1] - start[prov[k]];
		sort_by(x, sv + start[prov[k]], n, svc_name);
		par_begin(x, DT_TOCI);
		x->par.hang = em;
		x->par.indent = -em;
		x->par.keep_with_next = true;
		x->what = "the provider's name";
		sp_str(x, LSR_ENTRY, &p->name, DS_NOHYPH);
		par_end(x);
		for (i = 0; i < n; i++)
			svc_line(x, c->services[sv[start[prov[k]] + i]], em);
	}
	blk_end(x);
	sec_end(x);
	free(sv);
	free(start);
	free(keys);
	free(svcs);
	free(seen);
	free(prov);
	x->what = NULL;
}

static void
fill_types(struct cx *x, size_t sec)
{
	const struct catalogue *c = x->c;
	size_t		 nt = cb_type_count(), t, i, n;
	size_t		*sv = xcalloc(c->nservices + 1, sizeof *sv);

	x->cur = sec;
	x->nblocks = 0;
	heading1(x, x->secs[sec].title, x->secs[sec].title);
	for (t = 0; t <= nt; t++) {
		for (i = n = 0; i < c->nservices; i++) {
			const struct cb_type *ty = c->services[i]->type;

			if (x->svc_anchor[i] != NULL && (ty != NULL ?
			    (size_t)ty->index == t : t == nt))
				sv[n++] = i;
		}
		if (n == 0)
			continue;
		sort_by(x, sv, n, svc_name);
		heading2(x, t < nt ? capital(x, cb_type_at(t)->name) :
		    "Jiné služby", 0, false);
		for (i = 0; i < n; i++)
			svc_line(x, c->services[sv[i]], 0);
	}
	blk_end(x);
	sec_end(x);
	free(sv);
}

/* Municipalities of a service for the index: its places', else those it
   serves. Stores arena-lasting pointers into out; returns how many. */
static size_t
svc_munis(const struct service *s, const char **out)
{
	size_t	 n = stats_service_munis(s, out), i;

	if (n > 0)
		return n;
	for (i = 0; i < s->narea_municipalities; i++)
		if (has_text(&s->area_municipalities[i]))
			out[n++] = s->area_municipalities[i].s;
	return n;
}

static const char *
muni_name(const struct cx *x, size_t i)
{
	return x->names[i];
}

static void
fill_munis(struct cx *x, size_t sec)
{
	const struct catalogue *c = x->c;
	struct strmap	*index = strmap_new();	/* name -> its place + 1 */
	const char	**names = NULL, **m;
	size_t		 nn = 0, capn = 0, *order, *sv, *start, i, k, j, n, nm;
	size_t		*keys = NULL, *svcs = NULL, np = 0, capp = 0;
	uintptr_t	 at;

	x->cur = sec;
	x->nblocks = 0;
	heading1(x, x->secs[sec].title, x->secs[sec].title);
	for (i = 0; i < c->nservices; i++) {
		const struct service *s = c->services[i];

		if (x->svc_anchor[i] == NULL)
			continue;
		m = xcalloc(s->nplaces + s->narea_municipalities + 1,
		    sizeof *m);
		nm = svc_munis(s, m);
		for (k = 0; k < nm; k++) {
			if ((at = (uintptr_t)strmap_get(index, m[k])) == 0) {
				if (nn == capn)
					grow(&names, &capn, nn + 1,
					    sizeof *names);
				names[nn++] = m[k];
				at = nn;
				strmap_put(index, m[k], (void *)at);
			}
			/* A service is listed once under each name. */
			for (j = 0; j < k && strcmp(m[j], m[k]) != 0; j++)
				;
			if (j == k)
				push_pair(&keys, &svcs, &np, &capp, at - 1, i);
		}
		free(m);
	}
	order = xcalloc(nn + 1, sizeof *order);
	for (k = 0; k < nn; k++)
		order[k] = k;
	x->names = names;
	sort_by(x, order, nn, muni_name);
	x->names = NULL;
	sv = group_by_key(keys, svcs, np, nn, &start);
	for (k = 0; k < nn; k++) {
		size_t	*in = sv + start[order[k]];

		n = start[order[k] + 1] - start[order[k]];
		sort_by(x, in, n, svc_name);
		heading2(x, names[order[k]], 0, false);
		for (i = 0; i < n; i++)
			svc_line(x, c->services[in[i]], 0);
	}
	blk_end(x);
	sec_end(x);
	free(sv);
	free(start);
	free(keys);
	free(svcs);
	free(order);
	free(names);
	strmap_free(index);
}

/* The back cover. */
static void
part_back(struct cx *x)
{
	const struct edition *e = x->e;
	const struct catalogue *c = x->c;
	struct buf	 b = { 0 };
	size_t		 i, k, shown = 0;

	sec_begin(x, NULL, NULL, LSS_NEW_PAGE, 1, true, true);
	flow(x);
	par_begin(x, DT_P);
	x->par.keep_with_next = true;
	x->par.space_after = x->ls->par_space;
	sp_fixed(x, LSR_SUBHEADING, "Důležitá telefonní čísla");
	x->par.anchor = x->secs[x->cur].id;
	x->par.outline = 1;
	x->par.outline_title = "Zadní obálka";
	par_end(x);
	for (i = 0; i < NELEM(emergency); i++)
		if (!crisis_has(c, emergency[i].number))
			number_line(x, emergency[i].name, emergency[i].number,
			    NULL);
	/* crisis lines with short numbers: the ones to remember */
	for (i = 0; i < c->nlistings && shown < 12; i++) {
		const struct listing *l = c->listings[i];

		if (l->kind != LIST_CRISIS || !has_text(&l->name))
			continue;
		for (k = 0; k < l->contacts.nphones; k++)
			if (strlen(l->contacts.phones[k].s) <= 6 ||
			    strncmp(l->contacts.phones[k].s, "800", 3) == 0)
				break;
		if (k == l->contacts.nphones)
			continue;
		x->what = "the name";
		glyph_str(x, LSR_TEXT, &l->name);
		number_line(x, l->name.s, l->contacts.phones[k].s,
		    &l->contacts.phones[k].pos);
		shown++;
	}
	vfill(x, x->ls->font[LSR_TEXT].leading);
	flow(x);
	if (has_text(&e->issuer.name)) {
		x->what = "the issuer";
		par_begin(x, DT_P);
		sp_str(x, LSR_SUBHEADING, &e->issuer.name, DS_NOHYPH);
		par_end(x);
		if (has_text(&e->issuer.address)) {
			par_begin(x, DT_P);
			sp_str(x, LSR_TEXT, &e->issuer.address, DS_NOHYPH);
			par_end(x);
		}
		issuer_links(x, e, LSR_TEXT);
	}
	if (e->data_date.y != 0) {
		buf_puts(&b, "Údaje jsou aktuální k ");
		typo_fmt_date(&b, e->data_date.y, e->data_date.m,
		    e->data_date.d, false);
		buf_putc(&b, '.');
		par_begin(x, DT_P);
		x->par.space_before = x->ls->par_space;
		sp_fixed(x, LSR_SMALL, buf_str(&b));
		par_end(x);
	}
	line(x, LSR_SMALL, DA_LEFT, "Neprodejné. Vydáno zdarma.");
	blk_end(x);
	sec_end(x);
	buf_free(&b);
	x->what = NULL;
}

/* The whole. */

static void
fill_meta(struct cx *x, const char *date)
{
	const struct edition *e = x->e;
	struct doc_meta	*m = &x->doc->meta;
	struct buf	 b = { 0 };

	buf_puts(&b, e->title.s != NULL ? e->title.s : "Mapa pomoci");
	if (has_text(&e->territory))
		buf_printf(&b, " " NDASH " %s", e->territory.s);
	if (has_text(&e->year))
		buf_printf(&b, " %s", e->year.s);
	m->title = arena_strdup(x->a, buf_str(&b));
	m->author = e->issuer.name.s != NULL ?
	    arena_strdup(x->a, e->issuer.name.s) : NULL;
	m->subject = e->subtitle.s != NULL ?
	    arena_strdup(x->a, e->subtitle.s) : NULL;
	buf_reset(&b);
	buf_puts(&b, "sociální služby, mapa pomoci, katalog");
	if (has_text(&e->territory))
		buf_printf(&b, ", %s", e->territory.s);
	m->keywords = arena_strdup(x->a, buf_str(&b));
	m->creator = "mapa " VERSION;
	m->lang = "cs-CZ";
	m->date = date != NULL ? arena_strdup(x->a, date) : NULL;
	m->running_title = e->title.s != NULL ?
	    arena_strdup(x->a, e->title.s) : NULL;
	m->territory = e->territory.s != NULL ?
	    arena_strdup(x->a, e->territory.s) : NULL;
	buf_free(&b);
}

/* Numbers the paragraphs in document order. */
static void
number_pars(struct doc *d)
{
	size_t	 s, b, p, seq = 0;

	for (s = 0; s < d->nsections; s++)
		for (b = 0; b < d->sections[s].nblocks; b++)
			for (p = 0; p < d->sections[s].blocks[b].npars; p++)
				d->sections[s].blocks[b].pars[p].seq = seq++;
	d->npars = seq;
}

struct doc *
compose(const struct catalogue *c, const struct edition *e,
    const struct stats *st, const struct layout_spec *ls,
    const struct fonts *fonts, const char *date, struct diag *d)
{
	struct cx	 x;
	struct doc	*doc = xcalloc(1, sizeof *doc);
	size_t		 i, contents = SIZE_MAX, signpost = SIZE_MAX;
	size_t		 idx[3] = { SIZE_MAX, SIZE_MAX, SIZE_MAX };
	bool		 services = false;

	memset(&x, 0, sizeof x);
	doc->arena = arena_new();
	doc->layout = ls;
	x.doc = doc;
	x.a = doc->arena;
	x.c = c;
	x.e = e;
	x.st = st;
	x.ls = ls;
	x.fonts = fonts;
	x.d = d;
	x.coll = collate_new(true);
	x.anchors = strmap_new();
	x.checked = strmap_new();
	x.svc_listed = xcalloc(c->nservices + 1, sizeof *x.svc_listed);
	x.svc_anchor = xcalloc(c->nservices + 1, sizeof *x.svc_anchor);
	for (i = 0; i < e->nparts; i++)
		if (e->parts[i].section == EDS_SERVICES)
			services = true;
	for (i = 0; i < c->nservices; i++)
		x.svc_listed[i] = services && !c->services[i]->dropped;
	fill_meta(&x, date);

	for (i = 0; i < e->nparts; i++) {
		switch (e->parts[i].section) {
		case EDS_COVER:
			part_cover(&x);
			break;
		case EDS_IMPRINT:
			part_imprint(&x);
			break;
		case EDS_FOREWORD:
			part_foreword(&x);
			break;
		case EDS_HOWTO:
			part_howto(&x);
			break;
		case EDS_CONTENTS:
			if (contents != SIZE_MAX)
				break;
			contents = sec_begin(&x, "Obsah", "Obsah",
			    ls->section_start, 1, false, false);
			sec_end(&x);
			x.toc_on = true;
			break;
		case EDS_SIGNPOST:
			if (signpost != SIZE_MAX || c->nsituations == 0 ||
			    !any_printed(&x))
				break;
			signpost = sec_begin(&x, "Rozcestník podle životních "
			    "situací", "Rozcestník podle životních situací",
			    ls->section_start, 1, false, false);
			sec_end(&x);
			break;
		case EDS_SERVICES:
			part_services(&x);
			break;
		case EDS_RELATED:
			part_listings(&x, LIST_RELATED, "Návazné služby");
			break;
		case EDS_OFFICES:
			part_listings(&x, LIST_OFFICE, "Úřady a instituce");
			break;
		case EDS_CRISIS:
			part_listings(&x, LIST_CRISIS,
			    "Krizové linky a tísňová volání");
			break;
		case EDS_INDEXES:
			if (idx[0] != SIZE_MAX || !any_printed(&x))
				break;
			idx[0] = sec_begin(&x, "Rejstřík poskytovatelů",
			    "Rejstřík poskytovatelů", ls->section_start,
			    ls->columns, false, true);
			sec_end(&x);
			idx[1] = sec_begin(&x, "Rejstřík služeb podle druhu",
			    "Rejstřík služeb podle druhu", LSS_CONTINUE,
			    ls->columns, false, true);
			sec_end(&x);
			idx[2] = sec_begin(&x, "Rejstřík služeb podle obcí",
			    "Rejstřík služeb podle obcí", LSS_CONTINUE,
			    ls->columns, false, true);
			sec_end(&x);
			break;
		case EDS_BACK:
			part_back(&x);
			break;
		default:
			break;
		}
	}
	if (signpost != SIZE_MAX)
		fill_signpost(&x, signpost);
	if (idx[0] != SIZE_MAX) {
		fill_providers(&x, idx[0]);
		fill_types(&x, idx[1]);
		fill_munis(&x, idx[2]);
	}
	if (contents != SIZE_MAX)
		fill_contents(&x, contents);

	doc->nsections = x.nsecs;
	if (x.nsecs > 0) {
		doc->sections = arena_alloc(x.a, x.nsecs *
		    sizeof *doc->sections);
		memcpy(doc->sections, x.secs, x.nsecs * sizeof *x.secs);
	}
	number_pars(doc);

	free(x.secs);
	free(x.blocks);
	free(x.pars);
	free(x.spans);
	free(x.labels);
	free(x.toc);
	free(x.svc_listed);
	free(x.svc_anchor);
	strmap_free(x.anchors);
	strmap_free(x.checked);
	collate_free(x.coll);
	return doc;
}

void
compose_free(struct doc *doc)
{
	if (doc == NULL)
		return;
	arena_free(doc->arena);
	free(doc);
}
