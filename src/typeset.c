/*
 * The typesetter (typeset.h): Pango measures, linebreak.c breaks, and the
 * result is handed on as glyph ids with positions (page.h).
 *
 * Why PangoFT2 and not PangoCairo: the font map only has to shape and
 * measure, and Cairo types belong to pdf.c. PangoFT2 over the private
 * fontconfig configuration gives the same unhinted, fractional advances
 * as a PangoCairo context with hint metrics off (measured: "Kroměříž" in
 * Charis SIL 10.5 pt is 42.7334 pt either way): since Pango 1.44 advances
 * come from HarfBuzz's own (unhinted) font functions, and without
 * PANGO_SHAPE_ROUND_POSITIONS they are not rounded. Hinting is switched
 * off in the patterns all the same, so that no later Pango starts rounding
 * behind our back. Sizes are absolute (device units = points), so the font
 * map's resolution does not matter.
 *
 * One paragraph goes like this:
 *   1. build(): the spans' text (page references resolved, hyphenation
 *      points from hyph.h) is cleaned into one string T without soft
 *      hyphens, line separators or control characters; what is not text
 *      (soft hyphens, URL breaks, forced breaks, fills, pictograms) is kept
 *      as markers at byte offsets of T;
 *   2. T is itemised with one font attribute per span and each item is
 *      shaped span by span (so no cluster crosses a span), giving clusters
 *      (bytes of T → glyphs) in logical order;
 *   3. clusters and markers become linebreak items: a box per word piece,
 *      glue per space, penalties for breaks (see linebreak.h), with a
 *      parallel "meta" array saying what each item is;
 *   4. lb_break() chooses the lines, lb_place() places the items, and
 *      emit_line() turns each line into runs of glyphs (grouped by font,
 *      size and colour) with cairo-style clusters and marks.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "hyph.h"
#include "layout_file.h"
#include "linebreak.h"
#include "page.h"
#include "strmap.h"
#include "typeset.h"
#include "util.h"

/* Points to Pango units (linebreak.h works in them). */
#define PU(pt)		((int32_t)lround((pt) * PANGO_SCALE))
#define PT(u)		((double)(u) / PANGO_SCALE)

/*
 * The stretch of a fill: it must swamp every other glue of a line, but a
 * line's sums are int64_t and a paragraph may hold many fills, so not
 * INT32_MAX itself.
 */
#define FILL_STRETCH	(INT32_MAX / 8)

#define HYPHEN_PENALTY	50	/* TeX's \hyphenpenalty */
#define COMPOUND_PENALTY 50	/* \exhyphenpenalty */
#define LABEL_GAP	2.0	/* pt between a hanging label and the text */
#define DEFAULT_SIZE	10.0

/* What an item of the breaker's list is (struct meta.kind). */
enum kind {
	K_TEXT,			/* box: glyphs of clusters c0 .. c1 */
	K_ICON,			/* box: a pictogram */
	K_GLUE,			/* a space (drawn as nothing, text " ") */
	K_FILL,			/* elastic space before a right-set ref */
	K_TIE,			/* infinite penalty: no break here */
	K_SHY,			/* hyphenation point (hyphen drawn) */
	K_COMPOUND,		/* after a compound's own hyphen (repeated) */
	K_BREAK,		/* a break without a hyphen (URL, U+200B) */
	K_FORCED		/* a forced line break */
};

struct meta {
	unsigned char	 kind;
	bool		 leaders;	/* FILL */
	uint16_t	 font;		/* TEXT, SHY, COMPOUND: font index */
	uint32_t	 span;		/* index into ts->sp */
	uint32_t	 c0, c1;	/* TEXT: clusters */
};

/* Markers: what is not text, at a byte offset of T. */
enum mkind { M_SHY, M_COMPOUND, M_URL, M_ZWSP, M_FORCED, M_FILL, M_ICON };

struct marker {
	uint32_t	 off;
	unsigned char	 kind;
	int		 penalty;	/* URL */
	uint32_t	 span;
};

/* A span's piece of T. */
struct seg {
	uint32_t	 b0, b1;
	uint32_t	 span;
};

/* Bytes b0 .. b1 of T shown by glyphs g0 .. g1. */
struct cluster {
	uint32_t	 b0, b1;
	uint32_t	 g0, g1;
	int32_t		 width;
	uint16_t	 font;
	uint32_t	 span;
};

struct glyph {
	uint32_t	 id;		/* PANGO_GLYPH_EMPTY: not drawn */
	int32_t		 width, dx, dy;
};

/* A span of the paragraph being set, resolved against the layout. */
struct span {
	const struct doc_span *s;
	enum lspec_role	 role;
	PangoFontDescription *desc;	/* borrowed from ts->desc */
	double		 size;
	uint32_t	 rgb;
	bool		 hyphenated;	/* went through hyph_text() */
	bool		 told_long, told_glyph;
};

/* A font of the table, with what we need to draw hyphens in it. */
struct fontinfo {
	PangoFont	*font;		/* a reference of ours */
	uint32_t	 hyph_id;
	int32_t		 hyph_w;
	bool		 hyph_done;
};

struct typeset {
	const struct fonts *fonts;
	const struct layout_spec *ls;
	PangoFontMap	*fm;
	PangoContext	*ctx;
	PangoLanguage	*lang;
	PangoFontDescription *desc[LSR__MAX][4];
	double		 ascent[LSR__MAX], descent[LSR__MAX];	/* pt */
	struct hyph	*hyph;
	struct lb	*lb;
	PangoGlyphString *gs;
	struct strmap	*words;		/* "font:word" → struct word */
	struct arena	*wordmem;	/* the cache's keys and words */
	struct buf	 key;
	struct word	*tmpw;		/* a word shaped without the cache */
	size_t		 tmpwcap;

	struct fontinfo	*fi;
	struct pg_font	*pf;
	size_t		 nfonts, fcap, pfcap;

	/* Scratch of one build(). */
	struct buf	 T;
	struct seg	*seg;
	size_t		 nseg, segcap;
	struct marker	*mk;
	size_t		 nmk, mkcap;
	struct cluster	*cl;
	size_t		 ncl, clcap;
	struct glyph	*gl;
	size_t		 ngl, glcap;
	struct lb_item	*it;
	struct meta	*mt;
	size_t		 nit, itcap, mtcap;
	struct span	*sp;
	size_t		 nsp, spcap;
	uint32_t	*cps;
	size_t		 cpcap;
	int64_t		*x;
	size_t		 xcap;

	/* The line being emitted. */
	struct pg_run	*runs;
	size_t		 nruns, runcap;
	struct pg_mark	*marks;
	uint32_t	*markspan;	/* span of each link mark, or -1 */
	size_t		 nmarks, markcap, mscap;
	struct pg_glyph	*rg;
	size_t		 nrg, rgcap;
	struct pg_cluster *rc;
	size_t		 nrc, rccap;
	struct buf	 rt;
	bool		 run_open;
	bool		 pending_space;
	struct pg_run	 cur;
	struct arena	*out;
};

/* --- fonts ------------------------------------------------------------- */

/* fontconfig substitution: never hinted (see the top of the file). */
static void
no_hinting(FcPattern *p, gpointer data)
{
	(void)data;
	FcPatternDel(p, FC_HINTING);
	FcPatternAddBool(p, FC_HINTING, FcFalse);
	FcPatternDel(p, FC_HINT_STYLE);
	FcPatternAddInteger(p, FC_HINT_STYLE, FC_HINT_NONE);
}

static enum lspec_role
role_ok(enum lspec_role r)
{
	return (unsigned)r < LSR__MAX ? r : LSR_TEXT;
}

static double
role_size(const struct typeset *ts, enum lspec_role r)
{
	double	 s = ts->ls->font[role_ok(r)].size;

	return s > 0 && s < 1000 ? s : DEFAULT_SIZE;
}

/*
 * The face a span gets: the role's face with the span's added (a span in a
 * bold role stays bold; LSF_REGULAR means "as the role").
 */
static int
face_of(const struct typeset *ts, enum lspec_role r, enum lspec_face f)
{
	int	 rf = (int)ts->ls->font[r].face & 3;

	return rf | ((int)f & 3);
}

static PangoFontDescription *
desc_of(struct typeset *ts, enum lspec_role r, enum lspec_face f)
{
	int	 face;
	PangoFontDescription *d;
	const char *family;

	r = role_ok(r);
	face = face_of(ts, r, f);
	if ((d = ts->desc[r][face]) != NULL)
		return d;
	family = ts->ls->font[r].family;
	d = pango_font_description_new();
	pango_font_description_set_family(d, family != NULL ? family :
	    "Charis SIL");
	pango_font_description_set_weight(d, (face & LSF_BOLD) ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(d, (face & LSF_ITALIC) ?
	    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(d,
	    role_size(ts, r) * PANGO_SCALE);
	ts->desc[r][face] = d;
	return d;
}

/*
 * The index of font in the table, adding it (with its file, face index,
 * family and style from the fontconfig pattern) when new. The table keeps
 * a reference, so a pointer is never reused for another font.
 */
static uint16_t
font_index(struct typeset *ts, PangoFont *font)
{
	struct pg_font	*p;
	FcPattern	*pat = NULL;
	FcChar8		*s;
	int		 v;
	size_t		 i;
	char		*abs;

	for (i = 0; i < ts->nfonts; i++)
		if (ts->fi[i].font == font)
			return (uint16_t)i;
	if (ts->nfonts >= UINT16_MAX)
		return 0;
	grow(&ts->fi, &ts->fcap, ts->nfonts + 1, sizeof *ts->fi);
	grow(&ts->pf, &ts->pfcap, ts->nfonts + 1, sizeof *ts->pf);
	memset(&ts->fi[i], 0, sizeof ts->fi[i]);
	ts->fi[i].font = g_object_ref(font);
	p = &ts->pf[i];
	memset(p, 0, sizeof *p);
	if (PANGO_IS_FC_FONT(font))
		pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (pat != NULL && FcPatternGetString(pat, FC_FILE, 0, &s) ==
	    FcResultMatch) {
		abs = realpath((const char *)s, NULL);
		p->file = abs != NULL ? abs : xstrdup((const char *)s);
	} else
		p->file = xstrdup("");
	if (pat != NULL && FcPatternGetInteger(pat, FC_INDEX, 0, &v) ==
	    FcResultMatch)
		p->index = v;
	p->family = xstrdup(pat != NULL && FcPatternGetString(pat, FC_FAMILY,
	    0, &s) == FcResultMatch ? (const char *)s : "");
	p->bold = pat != NULL && FcPatternGetInteger(pat, FC_WEIGHT, 0, &v) ==
	    FcResultMatch && v >= FC_WEIGHT_DEMIBOLD;
	p->italic = pat != NULL && FcPatternGetInteger(pat, FC_SLANT, 0, &v) ==
	    FcResultMatch && v != FC_SLANT_ROMAN;
	ts->nfonts++;
	return (uint16_t)i;
}

/* The hyphen drawn at a break in font i: "-" shaped in it. */
static void
hyphen_of(struct typeset *ts, uint16_t i, uint32_t *id, int32_t *w)
{
	struct fontinfo	*f = &ts->fi[i];
	PangoAnalysis	 a;

	if (!f->hyph_done) {
		memset(&a, 0, sizeof a);
		a.font = f->font;
		a.level = 0;
		a.gravity = PANGO_GRAVITY_SOUTH;
		a.script = PANGO_SCRIPT_LATIN;
		a.language = ts->lang;
		pango_shape_with_flags("-", 1, "-", 1, &a, ts->gs,
		    PANGO_SHAPE_NONE);
		if (ts->gs->num_glyphs > 0 && !(ts->gs->glyphs[0].glyph &
		    PANGO_GLYPH_UNKNOWN_FLAG)) {
			f->hyph_id = ts->gs->glyphs[0].glyph;
			f->hyph_w = ts->gs->glyphs[0].geometry.width;
		} else {
			f->hyph_id = PANGO_GLYPH_EMPTY;
			f->hyph_w = 0;
		}
		f->hyph_done = true;
	}
	*id = f->hyph_id;
	*w = f->hyph_w;
}

/* --- setup ------------------------------------------------------------- */

/*
 * Loads the role's font once: reports a family fontconfig does not have
 * (it would quietly substitute another) and keeps the metrics for the
 * line boxes.
 */
static bool
check_role(struct typeset *ts, enum lspec_role r, struct diag *d)
{
	PangoFont	*font;
	PangoFontMetrics *m;
	FcPattern	*pat;
	FcChar8		*fam;
	const struct lspec_font *lf = &ts->ls->font[r];
	bool		 ok = true;

	font = pango_font_map_load_font(ts->fm, ts->ctx,
	    desc_of(ts, r, LSF_REGULAR));
	if (font == NULL) {
		diag(d, D_FONT_MISSING, lf->pos.line > 0 ? &lf->pos : NULL,
		    "no font can be loaded for the %s text (family %s)",
		    lspec_role_name(r), dq(d, lf->family));
		return false;
	}
	if (lf->family == NULL || !PANGO_IS_FC_FONT(font) ||
	    (pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font))) == NULL ||
	    FcPatternGetString(pat, FC_FAMILY, 0, &fam) != FcResultMatch ||
	    strcmp((const char *)fam, lf->family) != 0) {
		diag(d, D_FONT_MISSING, lf->pos.line > 0 ? &lf->pos : NULL,
		    "the font family %s of the %s text is not in the fonts "
		    "directory; nothing can be set",
		    dq(d, lf->family), lspec_role_name(r));
		ok = false;
	}
	m = pango_font_get_metrics(font, ts->lang);
	ts->ascent[r] = PT(pango_font_metrics_get_ascent(m));
	ts->descent[r] = PT(pango_font_metrics_get_descent(m));
	pango_font_metrics_unref(m);
	g_object_unref(font);
	return ok;
}

struct typeset *
typeset_new(const struct fonts *f, const struct layout_spec *ls,
    struct diag *d)
{
	struct typeset	*ts;
	bool		 ok = true;
	int		 r;

	if (f == NULL || ls == NULL)
		return NULL;
	ts = xcalloc(1, sizeof *ts);
	ts->fonts = f;
	ts->ls = ls;
	ts->fm = pango_ft2_font_map_new();
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(ts->fm),
	    fonts_config(f));
	pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(ts->fm),
	    no_hinting, NULL, NULL);
	ts->ctx = pango_font_map_create_context(ts->fm);
	ts->lang = pango_language_from_string("cs");
	pango_context_set_language(ts->ctx, ts->lang);
	pango_context_set_round_glyph_positions(ts->ctx, FALSE);
	pango_context_set_base_dir(ts->ctx, PANGO_DIRECTION_LTR);
	ts->gs = pango_glyph_string_new();
	ts->words = strmap_new();
	ts->wordmem = arena_new();
	ts->lb = lb_new();
	ts->hyph = hyph_new(NULL, 0);
	for (r = 0; r < LSR__MAX; r++)
		if (!check_role(ts, (enum lspec_role)r, d))
			ok = false;
	if (ts->hyph == NULL) {
		diag(d, D_IO, NULL, "the Czech hyphenation patterns cannot "
		    "be loaded");
		ok = false;
	}
	if (!ok) {
		typeset_free(ts);
		return NULL;
	}
	return ts;
}

void
typeset_free(struct typeset *ts)
{
	size_t	 i;
	int	 r, f;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->nfonts; i++) {
		g_object_unref(ts->fi[i].font);
		free((char *)ts->pf[i].file);
		free((char *)ts->pf[i].family);
	}
	free(ts->fi);
	free(ts->pf);
	for (r = 0; r < LSR__MAX; r++)
		for (f = 0; f < 4; f++)
			if (ts->desc[r][f] != NULL)
				pango_font_description_free(ts->desc[r][f]);
	if (ts->gs != NULL)
		pango_glyph_string_free(ts->gs);
	if (ts->ctx != NULL)
		g_object_unref(ts->ctx);
	if (ts->fm != NULL)
		g_object_unref(ts->fm);
	hyph_free(ts->hyph);
	lb_free(ts->lb);
	strmap_free(ts->words);
	arena_free(ts->wordmem);
	buf_free(&ts->key);
	free(ts->tmpw);
	buf_free(&ts->T);
	buf_free(&ts->rt);
	free(ts->seg);
	free(ts->mk);
	free(ts->cl);
	free(ts->gl);
	free(ts->it);
	free(ts->mt);
	free(ts->sp);
	free(ts->cps);
	free(ts->x);
	free(ts->runs);
	free(ts->marks);
	free(ts->markspan);
	free(ts->rg);
	free(ts->rc);
	free(ts);
}

const struct pg_font *
typeset_fonts(const struct typeset *ts, size_t *nfonts)
{
	if (nfonts != NULL)
		*nfonts = ts != NULL ? ts->nfonts : 0;
	return ts != NULL ? ts->pf : NULL;
}

/* --- building the item list -------------------------------------------- */

static void
add_marker(struct typeset *ts, unsigned char kind, int penalty, uint32_t span)
{
	grow(&ts->mk, &ts->mkcap, ts->nmk + 1, sizeof *ts->mk);
	ts->mk[ts->nmk++] = (struct marker){ (uint32_t)ts->T.len, kind,
	    penalty, span };
}

static bool
is_letter(uint32_t c)
{
	return g_unichar_isalpha((gunichar)c);
}

/* Spaces that break and stretch (all set as U+0020). */
static bool
is_break_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a && c != 0x2007) || c == 0x205f ||
	    c == 0x3000;
}

static bool
is_line_sep(uint32_t c)
{
	return c == '\n' || c == 0x0b || c == 0x0c || c == 0x85 ||
	    c == 0x2028 || c == 0x2029;
}

/* Characters that are dropped: they print nothing and mean nothing here. */
static bool
is_dropped(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

/* Letters of a word before c[i] (back to a non-letter). */
static size_t
letters_before(const uint32_t *c, size_t i)
{
	size_t	 n = 0;

	while (i > 0 && is_letter(c[i - 1])) {
		i--;
		n++;
	}
	return n;
}

static size_t
letters_after(const uint32_t *c, size_t n, size_t i)
{
	size_t	 k = 0;

	while (i + 1 < n && is_letter(c[i + 1])) {
		i++;
		k++;
	}
	return k;
}

/*
 * The penalty of a break after c[i] in a URL or e-mail address, or -1 for
 * none: after "/", "." and "@" when something follows, but not inside
 * "://" and not before the top-level domain (".cz").
 */
static int
url_break(const uint32_t *c, size_t n, size_t i)
{
	size_t	 k;

	if (i == 0 || i + 1 >= n || is_break_space(c[i + 1]) ||
	    c[i + 1] == 0xa0)
		return -1;
	switch (c[i]) {
	case '/':
		if (c[i + 1] == '/')
			return -1;
		if (i >= 2 && c[i - 1] == '/' && c[i - 2] == ':')
			return 50;	/* only "https://" on the line */
		return 0;
	case '@':
		return 0;
	case '.':
		if (c[i + 1] == '.' || c[i - 1] == '.')
			return -1;
		for (k = i + 1; k < n && c[k] != '/' && c[k] != '?' &&
		    c[k] != '#' && c[k] != ':'; k++)
			if (c[k] == '.')
				return 20;
		return -1;	/* the top-level domain */
	default:
		return -1;
	}
}

/*
 * Appends span si's text to T (see the top of the file), with its markers.
 * text is what the span prints (a resolved reference, or hyphenated).
 */
static void
scan_span(struct typeset *ts, uint32_t si, const char *text, size_t len,
    bool nobreak, bool hyphenate)
{
	const struct span *sp = &ts->sp[si];
	const unsigned char *s = (const unsigned char *)text;
	size_t		 i, n = 0, k;
	uint32_t	 c;
	bool		 url = (sp->s->flags & DS_URL) != 0;
	int		 pen;
	char		 enc[4];

	grow(&ts->cps, &ts->cpcap, len + 1, sizeof *ts->cps);
	for (i = 0; i < len; i += k) {
		if ((k = utf8_decode(s + i, len - i, &c)) == 0) {
			k = 1;
			c = 0xfffd;
		}
		if (c == '\r' || (is_dropped(c) && !is_line_sep(c) &&
		    c != '\t'))
			continue;
		ts->cps[n++] = c;
	}
	for (i = 0; i < n; i++) {
		c = ts->cps[i];
		if (is_line_sep(c) && nobreak)
			c = ' ';
		else if (is_line_sep(c)) {
			add_marker(ts, M_FORCED, 0, si);
			continue;
		}
		if (c == 0xad) {
			/* Only inside a word: a hyphen after a space would
			   stand alone at the line's end. */
			if (hyphenate && !nobreak && !url && i > 0 &&
			    i + 1 < n && !is_break_space(ts->cps[i - 1]) &&
			    !is_break_space(ts->cps[i + 1]) &&
			    ts->cps[i - 1] != 0xa0 && ts->cps[i + 1] != 0xa0)
				add_marker(ts, M_SHY, 0, si);
			continue;
		}
		if (c == 0x200b) {
			if (!nobreak)
				add_marker(ts, M_ZWSP, 0, si);
			continue;
		}
		/* The hyphenator's word joiner after a compound's hyphen
		   (no break there) would only clutter the extracted text:
		   the rule below finds the same. */
		if (c == 0x2060 && sp->hyphenated && i > 0 &&
		    ts->cps[i - 1] == '-')
			continue;
		if (is_break_space(c))
			c = ' ';
		buf_put(&ts->T, enc, utf8_encode(c, enc));
		if (nobreak)
			continue;
		if (url && (pen = url_break(ts->cps, n, i)) >= 0)
			add_marker(ts, M_URL, pen, si);
		else if (!url && sp->hyphenated && c == '-' &&
		    letters_before(ts->cps, i) >= 2 &&
		    letters_after(ts->cps, n, i) >= 2)
			add_marker(ts, M_COMPOUND, 0, si);
	}
}

static void
add_item(struct typeset *ts, struct lb_item it, struct meta m)
{
	grow(&ts->it, &ts->itcap, ts->nit + 1, sizeof *ts->it);
	grow(&ts->mt, &ts->mtcap, ts->nit + 1, sizeof *ts->mt);
	ts->it[ts->nit] = it;
	ts->mt[ts->nit] = m;
	ts->nit++;
}

/* Whether the last item is a box (so that a glue after it would be a
   legal break). */
static bool
after_box(const struct typeset *ts)
{
	return ts->nit > 0 && ts->it[ts->nit - 1].type == LB_BOX;
}

/* Reports a character Pango had to take from another family, or that no
   font has, once per span. */
static void
report_glyph(struct typeset *ts, struct diag *d, uint32_t si, uint32_t cp,
    bool nowhere)
{
	struct span	*sp = &ts->sp[si];
	char		 name[FONTS_CP_NAME];
	const char	*fam = ts->ls->font[sp->role].family;

	if (d == NULL || sp->told_glyph)
		return;
	sp->told_glyph = true;
	fonts_cp_name(cp, name);
	diag(d, D_GLYPH_MISSING, sp->s->src, nowhere ?
	    "the character %s cannot be printed: no font has it; nothing is "
	    "printed in its place" :
	    "the character %s is not in the font %s of the %s text; it is "
	    "printed in another font", name, dq(d, fam),
	    lspec_role_name(sp->role));
}

/*
 * A shaped word: its glyphs in logical order with the byte offset (in the
 * word) of each glyph's cluster. Words are cached per font: a directory
 * repeats the same words thousands of times, and shaping is most of the
 * time a paragraph takes.
 */
struct wglyph {
	uint32_t	 id;		/* as Pango gave it (flags kept) */
	int32_t		 width, dx, dy;
	uint32_t	 cl;
};

struct word {
	size_t		 n;
	struct wglyph	 g[];
};

#define WORD_CACHE_MAX	50000	/* words before the cache starts over */

/* Shapes T[b0 .. b1) with the item's analysis into a word (malloc'd in
   the cache's arena when cache is set, else in ts->tmpw). */
static struct word *
shape_word(struct typeset *ts, PangoItem *item, uint32_t b0, uint32_t b1,
    struct arena *cache)
{
	PangoGlyphString *gs = ts->gs;
	struct word	*w;
	bool		 rtl = (item->analysis.level & 1) != 0;
	int		 n, j, k;
	size_t		 sz;

	pango_shape_with_flags(ts->T.data + b0, (int)(b1 - b0), ts->T.data,
	    (int)ts->T.len, &item->analysis, gs, PANGO_SHAPE_NONE);
	n = gs->num_glyphs;
	sz = sizeof *w + (size_t)n * sizeof w->g[0];
	if (cache != NULL)
		w = arena_alloc(cache, sz);
	else {
		if (sz > ts->tmpwcap) {
			free(ts->tmpw);
			ts->tmpw = xmalloc(sz);
			ts->tmpwcap = sz;
		}
		w = ts->tmpw;
	}
	w->n = (size_t)n;
	for (k = 0; k < n; k++) {
		j = rtl ? n - 1 - k : k;
		w->g[k].id = gs->glyphs[j].glyph;
		w->g[k].width = gs->glyphs[j].geometry.width;
		w->g[k].dx = gs->glyphs[j].geometry.x_offset;
		w->g[k].dy = gs->glyphs[j].geometry.y_offset;
		w->g[k].cl = (uint32_t)gs->log_clusters[j];
	}
	return w;
}

/* Appends the word shaped from T[b0 .. b1) as clusters and glyphs. */
static void
add_word(struct typeset *ts, const struct word *w, uint32_t b0, uint32_t b1,
    uint16_t font, uint32_t si, struct diag *d)
{
	struct cluster	*c = NULL;
	struct glyph	*o;
	size_t		 k;
	long		 prev = -1;

	grow(&ts->gl, &ts->glcap, ts->ngl + w->n, sizeof *ts->gl);
	for (k = 0; k < w->n; k++) {
		if (c == NULL || (long)w->g[k].cl > prev) {
			/* A new cluster; a cluster offset that goes back
			   (never seen) stays in the current one. */
			if (c != NULL)
				c->b1 = b0 + w->g[k].cl;
			grow(&ts->cl, &ts->clcap, ts->ncl + 1, sizeof *ts->cl);
			c = &ts->cl[ts->ncl++];
			*c = (struct cluster){ b0 + (prev < 0 ? 0 : w->g[k].cl),
			    b1, (uint32_t)ts->ngl, (uint32_t)ts->ngl, 0, font,
			    si };
			prev = (long)w->g[k].cl;
		}
		o = &ts->gl[ts->ngl++];
		o->id = w->g[k].id;
		o->width = w->g[k].width;
		o->dx = w->g[k].dx;
		o->dy = w->g[k].dy;
		if (o->id & PANGO_GLYPH_UNKNOWN_FLAG) {
			if (o->id != PANGO_GLYPH_INVALID_INPUT)
				report_glyph(ts, d, si,
				    o->id & ~PANGO_GLYPH_UNKNOWN_FLAG, true);
			o->id = PANGO_GLYPH_EMPTY;
		}
		c->g1 = (uint32_t)ts->ngl;
		c->width += o->width;
	}
	if (c == NULL) {
		/* No glyphs at all: keep the bytes as an empty cluster. */
		grow(&ts->cl, &ts->clcap, ts->ncl + 1, sizeof *ts->cl);
		ts->cl[ts->ncl++] = (struct cluster){ b0, b1, (uint32_t)ts->ngl,
		    (uint32_t)ts->ngl, 0, font, si };
	}
}

/* The cached word T[b0 .. b1) in font, shaping it on a miss. */
static const struct word *
cached_word(struct typeset *ts, PangoItem *item, uint16_t font, uint32_t b0,
    uint32_t b1)
{
	struct word	*w;
	char		*key;

	buf_reset(&ts->key);
	buf_printf(&ts->key, "%u:", (unsigned)font);
	buf_put(&ts->key, ts->T.data + b0, b1 - b0);
	if ((w = strmap_get(ts->words, buf_str(&ts->key))) != NULL)
		return w;
	if (strmap_count(ts->words) >= WORD_CACHE_MAX) {
		strmap_clear(ts->words);
		arena_free(ts->wordmem);
		ts->wordmem = arena_new();
	}
	key = arena_strndup(ts->wordmem, ts->key.data, ts->key.len);
	w = shape_word(ts, item, b0, b1, ts->wordmem);
	strmap_put(ts->words, key, w);
	return w;
}

/*
 * Shapes T[b0 .. b1) (one span, one Pango item) and appends its clusters
 * in logical order. Left-to-right text is shaped word by word (spaces on
 * their own) through the cache; right-to-left text as a whole.
 */
static void
shape_piece(struct typeset *ts, PangoItem *item, uint32_t b0, uint32_t b1,
    uint32_t si, struct diag *d)
{
	const char	*T = ts->T.data;
	uint16_t	 font = font_index(ts, item->analysis.font);
	const char	*fam = ts->ls->font[ts->sp[si].role].family;
	const char	*p;
	gunichar	 u;
	uint32_t	 a, e;
	bool		 sp;

	if (fam != NULL && strcmp(ts->pf[font].family, fam) != 0) {
		/* Pango fell back to another family: find the culprit. */
		for (p = T + b0; p < T + b1; p = g_utf8_next_char(p)) {
			u = g_utf8_get_char(p);
			if (!fonts_has_char(ts->fonts, fam, u)) {
				report_glyph(ts, d, si, u, false);
				break;
			}
		}
	}
	if (item->analysis.level & 1) {
		add_word(ts, shape_word(ts, item, b0, b1, NULL), b0, b1, font,
		    si, d);
		return;
	}
	/* Words and single spaces (U+0020, U+00A0). */
	for (a = b0; a < b1; a = e) {
		sp = T[a] == ' ' || ((unsigned char)T[a] == 0xc2 &&
		    a + 1 < b1 && (unsigned char)T[a + 1] == 0xa0);
		if (sp)
			e = a + (T[a] == ' ' ? 1 : 2);
		else
			for (e = a; e < b1 && T[e] != ' ' &&
			    !((unsigned char)T[e] == 0xc2 && e + 1 < b1 &&
			    (unsigned char)T[e + 1] == 0xa0); e++)
				continue;
		add_word(ts, cached_word(ts, item, font, a, e), a, e, font,
		    si, d);
	}
}

/* Itemises T with one font per span and shapes it (clusters, glyphs). */
static void
shape_all(struct typeset *ts, struct diag *d)
{
	PangoAttrList	*attrs;
	PangoAttribute	*a;
	GList		*items, *l;
	size_t		 i, s = 0;
	uint32_t	 ib, ie, b0, b1;

	ts->ncl = ts->ngl = 0;
	if (ts->T.len == 0)
		return;
	attrs = pango_attr_list_new();
	for (i = 0; i < ts->nseg; i++) {
		a = pango_attr_font_desc_new(ts->sp[ts->seg[i].span].desc);
		a->start_index = ts->seg[i].b0;
		a->end_index = ts->seg[i].b1;
		pango_attr_list_insert(attrs, a);
	}
	items = pango_itemize(ts->ctx, ts->T.data, 0, (int)ts->T.len, attrs,
	    NULL);
	for (l = items; l != NULL; l = l->next) {
		PangoItem	*item = l->data;

		ib = (uint32_t)item->offset;
		ie = ib + (uint32_t)item->length;
		while (s < ts->nseg && ts->seg[s].b1 <= ib)
			s++;
		for (i = s; i < ts->nseg && ts->seg[i].b0 < ie; i++) {
			b0 = ts->seg[i].b0 > ib ? ts->seg[i].b0 : ib;
			b1 = ts->seg[i].b1 < ie ? ts->seg[i].b1 : ie;
			if (b0 < b1)
				shape_piece(ts, item, b0, b1, ts->seg[i].span,
				    d);
		}
	}
	g_list_free_full(items, (GDestroyNotify)pango_item_free);
	pango_attr_list_unref(attrs);
}

/* Whether the cluster is a space of T (U+0020 or U+00A0). */
static int
space_kind(const struct typeset *ts, const struct cluster *c)
{
	const char	*t = ts->T.data + c->b0;
	size_t		 n = c->b1 - c->b0;

	if (n == 1 && t[0] == ' ')
		return 1;
	if (n == 2 && (unsigned char)t[0] == 0xc2 &&
	    (unsigned char)t[1] == 0xa0)
		return 2;
	return 0;
}

/* The font of the last text box (for a hyphen after it), or -1. */
static int
last_font(const struct typeset *ts)
{
	size_t	 i = ts->nit;

	while (i-- > 0)
		if (ts->mt[i].kind == K_TEXT)
			return ts->mt[i].font;
		else if (ts->it[i].type != LB_PENALTY)
			return -1;
	return -1;
}

/* The marker mk as items. */
static void
marker_items(struct typeset *ts, const struct marker *m)
{
	struct meta	 mt = { 0 };
	const struct span *sp = &ts->sp[m->span];
	int		 f = last_font(ts);
	uint32_t	 id;
	int32_t		 w;
	double		 em = sp->size;
	struct lb_item	 g;

	mt.span = m->span;
	switch (m->kind) {
	case M_SHY:
	case M_COMPOUND:
		if (f < 0)
			return;
		hyphen_of(ts, (uint16_t)f, &id, &w);
		mt.kind = m->kind == M_SHY ? K_SHY : K_COMPOUND;
		mt.font = (uint16_t)f;
		if (m->kind == M_SHY)
			add_item(ts, lb_penalty(w, HYPHEN_PENALTY, LB_FLAGGED |
			    LB_HYPHENATION), mt);
		else {
			g = lb_penalty(0, COMPOUND_PENALTY, LB_FLAGGED);
			g.post = w;
			add_item(ts, g, mt);
		}
		break;
	case M_URL:
	case M_ZWSP:
		if (!after_box(ts))
			return;
		mt.kind = K_BREAK;
		add_item(ts, lb_penalty(0, m->penalty, 0), mt);
		break;
	case M_FORCED:
		/* Spaces before a forced break would widen the line. */
		while (ts->nit > 0 && (ts->mt[ts->nit - 1].kind == K_GLUE ||
		    ts->mt[ts->nit - 1].kind == K_TIE))
			ts->nit--;
		mt.kind = K_FORCED;
		add_item(ts, lb_penalty(0, -LB_INF, 0), mt);
		break;
	case M_FILL:
		/* No break before the fill: a space just before it must
		   not be one either, or the ref would start a line alone. */
		if (ts->nit >= 2 && ts->it[ts->nit - 1].type == LB_GLUE &&
		    ts->it[ts->nit - 2].type == LB_BOX) {
			struct meta	 gm = ts->mt[ts->nit - 1];

			g = ts->it[ts->nit - 1];
			ts->nit--;
			add_item(ts, lb_penalty(0, LB_INF, 0),
			    (struct meta){ .kind = K_TIE, .span = gm.span });
			add_item(ts, g, gm);
		}
		mt.kind = K_TIE;
		add_item(ts, lb_penalty(0, LB_INF, 0), mt);
		mt.kind = K_FILL;
		mt.leaders = (sp->s->flags & DS_LEADERS) != 0;
		add_item(ts, lb_glue(PU((mt.leaders ? 1.0 : 0.3) * em),
		    FILL_STRETCH, 0), mt);
		break;
	case M_ICON:
		/* One em square; the EU flag is 3 : 2. */
		mt.kind = K_ICON;
		add_item(ts, lb_box(PU(sp->s->size > 0 ? sp->s->size :
		    sp->s->icon == DI_EU ? 1.5 * em : em)), mt);
		break;
	default:
		break;
	}
}

/*
 * Builds T, shapes it and makes the item list for spans[0 .. n). nobreak:
 * no break anywhere (labels, one-line texts).
 */
static void
build(struct typeset *ts, const struct doc_span *spans, size_t n,
    bool hyphenate, bool nobreak, const struct typeset_opts *o,
    struct diag *d)
{
	const struct doc_span *s;
	struct span	*sp;
	size_t		 i, mi = 0, ci, start;
	const char	*text;
	size_t		 len;
	char		*hy = NULL;
	struct cluster	*c;
	struct meta	 mt;
	int		 sk;
	bool		 nb;
	uint32_t	 b;

	buf_reset(&ts->T);
	ts->nseg = ts->nmk = ts->nit = 0;
	grow(&ts->sp, &ts->spcap, n + 1, sizeof *ts->sp);
	ts->nsp = n;
	for (i = 0; i < n; i++) {
		s = &spans[i];
		sp = &ts->sp[i];
		memset(sp, 0, sizeof *sp);
		sp->s = s;
		sp->role = role_ok(s->role);
		sp->desc = desc_of(ts, sp->role, s->face);
		sp->size = role_size(ts, sp->role);
		sp->rgb = s->colour >= 0 && s->colour < LSC__MAX ?
		    ts->ls->colour[s->colour] : ts->ls->font[sp->role].rgb;
		if (s->icon != DI_NONE) {
			add_marker(ts, M_ICON, 0, (uint32_t)i);
			continue;
		}
		if (s->flags & DS_LINEBREAK) {
			if (!nobreak)
				add_marker(ts, M_FORCED, 0, (uint32_t)i);
			continue;
		}
		if (s->flags & DS_FILL) {
			add_marker(ts, M_FILL, 0, (uint32_t)i);
			continue;
		}
		if (s->ref != NULL) {
			text = o != NULL && o->ref != NULL ?
			    o->ref(o->ref_ctx, s->ref) : NULL;
			if (text == NULL)
				text = "000";
			len = strlen(text);
		} else {
			text = s->text != NULL ? s->text : "";
			len = s->text != NULL ? s->len : 0;
		}
		if (hyphenate && !nobreak && ts->hyph != NULL &&
		    !(s->flags & (DS_NOHYPH | DS_URL | DS_NOBREAK)) &&
		    s->ref == NULL && len > 0) {
			hy = hyph_text(ts->hyph, text, len, 0, &len);
			text = hy;
			sp->hyphenated = true;
		}
		start = ts->T.len;
		scan_span(ts, (uint32_t)i, text, len,
		    nobreak || (s->flags & DS_NOBREAK),
		    hyphenate && !(s->flags & DS_NOHYPH));
		free(hy);
		hy = NULL;
		if (ts->T.len > start) {
			grow(&ts->seg, &ts->segcap, ts->nseg + 1,
			    sizeof *ts->seg);
			ts->seg[ts->nseg++] = (struct seg){ (uint32_t)start,
			    (uint32_t)ts->T.len, (uint32_t)i };
		}
	}
	shape_all(ts, d);

	/* Clusters and markers, in the order of T, become items. */
	for (ci = 0; ci <= ts->ncl; ci++) {
		b = ci < ts->ncl ? ts->cl[ci].b0 : (uint32_t)ts->T.len;
		/* Markers inside a cluster (a ligature over a hyphenation
		   point) are dropped, except those of whole spans. */
		for (; mi < ts->nmk && ts->mk[mi].off <= b; mi++)
			if (ts->mk[mi].off == b || ts->mk[mi].kind >= M_FORCED)
				marker_items(ts, &ts->mk[mi]);
		if (ci == ts->ncl)
			break;
		c = &ts->cl[ci];
		nb = nobreak || (ts->sp[c->span].s->flags & DS_NOBREAK);
		memset(&mt, 0, sizeof mt);
		mt.span = c->span;
		if ((sk = space_kind(ts, c)) != 0) {
			if ((sk == 2 || nb) && after_box(ts)) {
				mt.kind = K_TIE;
				add_item(ts, lb_penalty(0, LB_INF, 0), mt);
			}
			mt.kind = K_GLUE;
			add_item(ts, lb_glue(c->width, c->width / 2,
			    c->width / 3), mt);
			continue;
		}
		if (ts->nit > 0 && ts->mt[ts->nit - 1].kind == K_TEXT &&
		    ts->mt[ts->nit - 1].span == c->span &&
		    ts->mt[ts->nit - 1].font == c->font &&
		    ts->mt[ts->nit - 1].c1 == ci) {
			ts->mt[ts->nit - 1].c1 = (uint32_t)ci + 1;
			ts->it[ts->nit - 1].width += c->width;
			continue;
		}
		mt.kind = K_TEXT;
		mt.font = c->font;
		mt.c0 = (uint32_t)ci;
		mt.c1 = (uint32_t)ci + 1;
		add_item(ts, lb_box(c->width), mt);
	}
}

/* Natural placement of items[0 .. n): x[k] for k = 0 .. n. */
static int64_t
place_natural(struct typeset *ts, size_t n)
{
	size_t	 k;
	int64_t	 acc = 0;

	grow(&ts->x, &ts->xcap, n + 1, sizeof *ts->x);
	for (k = 0; k < n; k++) {
		ts->x[k] = acc;
		if (ts->it[k].type != LB_PENALTY)
			acc += ts->it[k].width;
	}
	ts->x[n] = acc;
	return acc;
}

/* --- emitting lines ---------------------------------------------------- */

/* A copy of n elements of size sz in the arena (never NULL). */
static void *
arena_copy(struct arena *a, const void *src, size_t n, size_t sz)
{
	void	*p = arena_alloc(a, (n ? n : 1) * sz);

	if (n > 0)
		memcpy(p, src, n * sz);
	return p;
}

static void
run_close(struct typeset *ts)
{
	struct pg_run	*r;
	struct arena	*a = ts->out;

	if (!ts->run_open)
		return;
	ts->run_open = false;
	if (ts->nrg == 0 && ts->nrc == 0)
		return;
	grow(&ts->runs, &ts->runcap, ts->nruns + 1, sizeof *ts->runs);
	r = &ts->runs[ts->nruns++];
	*r = ts->cur;
	r->nglyphs = ts->nrg;
	r->glyphs = arena_copy(a, ts->rg, ts->nrg, sizeof *r->glyphs);
	r->len = ts->rt.len;
	r->text = arena_strndup(a, ts->rt.data != NULL ? ts->rt.data : "",
	    ts->rt.len);
	r->nclusters = ts->nrc;
	r->clusters = arena_copy(a, ts->rc, ts->nrc, sizeof *r->clusters);
}

/* Appends one cluster (bytes of text shown by nglyphs glyphs), split when
   a count would not fit pg_cluster's 16 bits. */
static void
add_cluster(struct typeset *ts, const char *text, size_t bytes,
    size_t nglyphs)
{
	size_t	 b, g;

	buf_put(&ts->rt, text, bytes);
	do {
		b = bytes;
		if (b > UINT16_MAX) {
			/* Cut at a character boundary. */
			b = UINT16_MAX;
			while (b > 0 && ((unsigned char)text[b] & 0xc0) == 0x80)
				b--;
		}
		g = nglyphs > UINT16_MAX ? UINT16_MAX : nglyphs;
		if (b < bytes && g == nglyphs)
			g = 0;		/* the glyphs go with the last part */
		grow(&ts->rc, &ts->rccap, ts->nrc + 1, sizeof *ts->rc);
		ts->rc[ts->nrc++] = (struct pg_cluster){ (uint16_t)b,
		    (uint16_t)g };
		text += b;
		bytes -= b;
		nglyphs -= g;
	} while (bytes > 0 || nglyphs > 0);
}

/* Makes sure a run for span si in font f is open, starting at x (pt). */
static void
run_for(struct typeset *ts, uint32_t si, uint16_t f, double x)
{
	const struct span *sp = &ts->sp[si];

	if (ts->run_open && ts->cur.font == f &&
	    ts->cur.size == (float)sp->size && ts->cur.rgb == sp->rgb)
		return;
	run_close(ts);
	memset(&ts->cur, 0, sizeof ts->cur);
	ts->cur.font = f;
	ts->cur.size = (float)sp->size;
	ts->cur.rgb = sp->rgb;
	ts->cur.x = x;
	ts->nrg = ts->nrc = 0;
	buf_reset(&ts->rt);
	ts->run_open = true;
	if (ts->pending_space) {
		add_cluster(ts, " ", 1, 0);
		ts->pending_space = false;
	}
}

static void
add_glyph(struct typeset *ts, uint32_t id, double x, double y)
{
	grow(&ts->rg, &ts->rgcap, ts->nrg + 1, sizeof *ts->rg);
	ts->rg[ts->nrg++] = (struct pg_glyph){ id, (float)(x - ts->cur.x),
	    (float)y };
}

static struct pg_mark *
add_mark(struct typeset *ts, enum pg_mark_kind kind, double x0, double x1,
    uint32_t span)
{
	struct pg_mark	*m;

	grow(&ts->marks, &ts->markcap, ts->nmarks + 1, sizeof *ts->marks);
	grow(&ts->markspan, &ts->mscap, ts->nmarks + 1, sizeof *ts->markspan);
	m = &ts->marks[ts->nmarks];
	memset(m, 0, sizeof *m);
	m->kind = kind;
	m->x0 = x0;
	m->x1 = x1;
	ts->markspan[ts->nmarks++] = span;
	return m;
}

/* Extends the link marks of span si over x0 .. x1 (or starts them). */
static void
link_marks(struct typeset *ts, uint32_t si, double x0, double x1)
{
	const struct doc_span *s = ts->sp[si].s;
	struct pg_mark	*m;
	size_t		 i;
	int		 k;

	for (k = 0; k < 2; k++) {
		const char *target = k == 0 ? s->uri : s->dest;
		enum pg_mark_kind kind = k == 0 ? PGM_URI : PGM_DEST;

		if (target == NULL)
			continue;
		for (i = ts->nmarks; i-- > 0; )
			if (ts->marks[i].kind == kind &&
			    ts->markspan[i] == si)
				break;
		if (i != (size_t)-1 && i < ts->nmarks) {
			m = &ts->marks[i];
			m->x0 = x0 < m->x0 ? x0 : m->x0;
			m->x1 = x1 > m->x1 ? x1 : m->x1;
		} else {
			m = add_mark(ts, kind, x0, x1, si);
			m->target = arena_strdup(ts->out, target);
		}
	}
}

/* Draws a hyphen glyph of font f for span si at x (pt); text as given. */
static void
draw_hyphen(struct typeset *ts, uint16_t f, uint32_t si, double x,
    const char *text, size_t bytes)
{
	uint32_t	 id;
	int32_t		 w;

	hyphen_of(ts, f, &id, &w);
	run_for(ts, si, f, x);
	if (id != PANGO_GLYPH_EMPTY) {
		add_glyph(ts, id, x, 0);
		add_cluster(ts, text, bytes, 1);
	} else if (bytes > 0)
		add_cluster(ts, text, bytes, 0);
}

/*
 * Emits items[start .. end) placed at ts->x[0 ..] (Pango units, relative
 * to the line) shifted by xoff pt. post: the compound penalty that broke
 * the line before (its hyphen is repeated at the start), or -1. shy: the
 * line ends at a hyphenation point items[end] (hyphen drawn).
 */
static void
emit_items(struct typeset *ts, size_t start, size_t end, ptrdiff_t post,
    bool shy, double xoff)
{
	const int64_t	*x = ts->x;
	size_t		 i, ci, g;
	const struct meta *m;
	const struct cluster *c;
	const struct glyph *gl;
	double		 pen, x0, x1;
	struct pg_mark	*mk;
	const struct span *sp;

	ts->pending_space = false;
	if (post >= 0)
		draw_hyphen(ts, ts->mt[post].font, ts->mt[post].span, xoff,
		    "", 0);
	for (i = start; i < end; i++) {
		m = &ts->mt[i];
		x0 = xoff + PT(x[i - start]);
		sp = &ts->sp[m->span];
		switch (m->kind) {
		case K_TEXT:
			run_for(ts, m->span, m->font, x0);
			pen = x0;
			for (ci = m->c0; ci < m->c1; ci++) {
				size_t	 drawn = 0;

				c = &ts->cl[ci];
				for (g = c->g0; g < c->g1; g++) {
					gl = &ts->gl[g];
					if (gl->id != PANGO_GLYPH_EMPTY) {
						add_glyph(ts, gl->id,
						    pen + PT(gl->dx),
						    PT(gl->dy));
						drawn++;
					}
					pen += PT(gl->width);
				}
				add_cluster(ts, ts->T.data + c->b0,
				    c->b1 - c->b0, drawn);
			}
			link_marks(ts, m->span, x0, pen);
			break;
		case K_GLUE:
		case K_FILL:
			if (ts->run_open)
				add_cluster(ts, " ", 1, 0);
			else
				ts->pending_space = true;
			if (m->kind == K_FILL && m->leaders) {
				mk = add_mark(ts, PGM_LEADERS, x0,
				    xoff + PT(x[i + 1 - start]), (uint32_t)-1);
				mk->rgb = sp->rgb;
				mk->size = (float)sp->size;
			}
			break;
		case K_ICON:
			run_close(ts);
			x1 = x0 + PT(ts->it[i].width);
			mk = add_mark(ts, PGM_ICON, x0, x1, (uint32_t)-1);
			mk->icon = sp->s->icon;
			mk->rgb = sp->rgb;
			mk->size = (float)sp->size;
			if (sp->s->icon == DI_QR && sp->s->uri != NULL)
				mk->target = arena_strdup(ts->out,
				    sp->s->uri);
			if (sp->s->text != NULL && sp->s->len > 0)
				mk->alt = arena_strndup(ts->out, sp->s->text,
				    sp->s->len);
			link_marks(ts, m->span, x0, x1);
			break;
		default:
			break;
		}
	}
	if (shy)
		draw_hyphen(ts, ts->mt[end].font, ts->mt[end].span,
		    xoff + PT(x[end - start]), "\xc2\xad", 2);
	run_close(ts);
}

/* Moves the runs and marks emitted so far into line l (in the arena). */
static void
finish_line(struct typeset *ts, struct pg_line *l)
{
	l->nruns = ts->nruns;
	l->runs = arena_copy(ts->out, ts->runs, ts->nruns, sizeof *l->runs);
	l->nmarks = ts->nmarks;
	l->marks = arena_copy(ts->out, ts->marks, ts->nmarks,
	    sizeof *l->marks);
	ts->nruns = ts->nmarks = 0;
}

/*
 * Makes the line box tall enough for a pictogram set larger than the text
 * (a QR code stands on the baseline): its top 2 pt under the box's top,
 * the depth under the baseline kept.
 */
static void
fit_tall_icons(struct pg_line *l)
{
	double	 depth = l->height - l->ascent, side;
	size_t	 i;

	for (i = 0; i < l->nmarks; i++) {
		if (l->marks[i].kind != PGM_ICON || l->marks[i].icon != DI_QR)
			continue;
		side = l->marks[i].x1 - l->marks[i].x0;
		if (side + 2 > l->ascent) {
			l->ascent = side + 2;
			l->height = l->ascent + depth;
		}
	}
}

/* The line box of a role: the leading, with the font's ascent + descent
   centred in it. */
static void
line_box(const struct typeset *ts, enum lspec_role r, struct pg_line *l)
{
	double	 lead;

	r = role_ok(r);
	lead = ts->ls->font[r].leading;
	if (!(lead > 0 && lead < 1000))
		lead = role_size(ts, r) * 1.2;
	l->height = lead;
	l->ascent = (lead - (ts->ascent[r] + ts->descent[r])) / 2 +
	    ts->ascent[r];
}

/* --- paragraphs -------------------------------------------------------- */

/*
 * The text of the unbreakable piece around item k (boxes and ties with no
 * break between them), for a message; malloc'd.
 */
static char *
piece_text(const struct typeset *ts, size_t k)
{
	size_t	 a = k, b = k + 1, i, ci;
	struct buf out = { 0 };

	while (a > 0 && (ts->mt[a - 1].kind == K_TEXT ||
	    ts->mt[a - 1].kind == K_TIE || (ts->mt[a - 1].kind == K_GLUE &&
	    a >= 2 && ts->mt[a - 2].kind == K_TIE)))
		a--;
	while (b < ts->nit && (ts->mt[b].kind == K_TEXT ||
	    ts->mt[b].kind == K_TIE || (ts->mt[b].kind == K_GLUE &&
	    ts->mt[b - 1].kind == K_TIE)))
		b++;
	for (i = a; i < b; i++) {
		if (ts->mt[i].kind == K_GLUE)
			buf_putc(&out, ' ');
		if (ts->mt[i].kind != K_TEXT)
			continue;
		for (ci = ts->mt[i].c0; ci < ts->mt[i].c1; ci++)
			buf_put(&out, ts->T.data + ts->cl[ci].b0,
			    ts->cl[ci].b1 - ts->cl[ci].b0);
	}
	buf_putc(&out, '\0');
	return buf_steal(&out);
}

/* Reports an overfull line: its widest box is the culprit. */
static void
report_long(struct typeset *ts, const struct lb_line *ln, struct diag *d)
{
	size_t		 i, best = SIZE_MAX;
	int32_t		 w = -1;
	struct span	*sp;
	char		*word;

	if (d == NULL)
		return;
	/* The widest box, or (a fill wider than the line) any item. */
	for (i = ln->start; i < ln->end && i < ts->nit; i++)
		if (ts->it[i].type != LB_PENALTY && (ts->it[i].type ==
		    LB_BOX ? ts->it[i].width + 1 : 0) > w) {
			w = ts->it[i].type == LB_BOX ? ts->it[i].width + 1 : 0;
			best = i;
		}
	if (best == SIZE_MAX)
		return;
	sp = &ts->sp[ts->mt[best].span];
	if (sp->told_long)
		return;
	sp->told_long = true;
	word = piece_text(ts, best);
	diag(d, D_TOO_LONG, sp->s->src, "%s is %.1f pt wider than the "
	    "column and cannot be broken; it sticks out into the margin",
	    dq(d, word), PT(ln->overflow));
	free(word);
}

/*
 * After lb_place(): a line with fills gets what it lacks of its target
 * width in them (split evenly), so that what follows a fill ends at the
 * line's end even when the line is set ragged. Returns the line's width.
 */
static int64_t
fill_line(struct typeset *ts, const struct lb_line *ln)
{
	size_t	 i, n = ln->end - ln->start, nf = 0, f = 0;
	int64_t	 extra, add = 0;

	for (i = ln->start; i < ln->end; i++)
		if (ts->mt[i].kind == K_FILL)
			nf++;
	extra = ln->target - ln->width;
	if (nf == 0 || extra <= 0)
		return ln->width;
	for (i = 0; i <= n; i++) {
		ts->x[i] += add;
		if (i < n && ts->mt[ln->start + i].kind == K_FILL) {
			f++;
			add = extra * (int64_t)f / (int64_t)nf;
		}
	}
	return ln->target;
}

/* The hanging label, set on one line at x = 0; returns its width (pt). */
static double
set_label(struct typeset *ts, const struct doc_par *par,
    const struct typeset_opts *o, struct diag *d)
{
	int64_t	 w;

	size_t	 i;

	build(ts, par->label, par->nlabel, false, true, o, d);
	w = place_natural(ts, ts->nit);
	emit_items(ts, 0, ts->nit, -1, false, 0);
	/* The text's spans are numbered anew: no link may continue. */
	for (i = 0; i < ts->nmarks; i++)
		ts->markspan[i] = UINT32_MAX;
	return PT(w);
}

bool
typeset_par(struct typeset *ts, const struct doc_par *par,
    const struct typeset_opts *o, struct arena *out, struct pg_par *res,
    struct diag *d)
{
	struct lb_opts	 lo;
	struct lb_result lr;
	const struct lb_line *ln;
	struct pg_line	*l;
	int32_t		 widths[2];
	double		 measure, hang, base, label_w = 0, overrun = 0, shift;
	double		 indent;
	int64_t		 w;
	size_t		 i, n;
	ptrdiff_t	 post = -1;
	enum lspec_role	 role;
	bool		 has_label;

	memset(res, 0, sizeof *res);
	res->par = par;
	if (ts == NULL || par == NULL || o == NULL)
		return false;
	ts->out = out;
	ts->nruns = ts->nmarks = 0;
	ts->run_open = false;
	has_label = par->nlabel > 0 && par->label != NULL;
	role = par->nspans > 0 ? par->spans[0].role : has_label ?
	    par->label[0].role : LSR_TEXT;
	role = role_ok(role);
	hang = isfinite(par->hang) ? par->hang : 0;
	indent = isfinite(par->indent) ? par->indent : 0;
	measure = isfinite(o->measure) ? o->measure : 0;
	if (has_label) {
		label_w = set_label(ts, par, o, d);
		if (label_w > 0 && label_w > hang - LABEL_GAP)
			overrun = label_w - (hang - LABEL_GAP);
	}

	build(ts, par->spans, par->nspans, par->hyphenate, false, o, d);
	n = 0;
	memset(&lr, 0, sizeof lr);
	if (ts->nit > 0) {
		double	 rest = measure - hang - (isfinite(par->right) ?
		    par->right : 0);
		double	 first = rest - indent - overrun;

		widths[0] = PU(first > 1e6 ? 1e6 : first < 1 ? 1 : first);
		widths[1] = PU(rest > 1e6 ? 1e6 : rest < 1 ? 1 : rest);
		lb_opts_default(&lo, widths[1]);
		lo.widths = widths;
		lo.nwidths = 2;
		lo.ragged = par->align != DA_JUSTIFY;
		lo.max_hyphens = ts->ls->max_hyphens > 0 ?
		    ts->ls->max_hyphens : 0;
		lo.no_hyphen = o->no_hyphen;
		lo.nno_hyphen = o->no_hyphen != NULL ? o->nno_hyphen : 0;
		lo.emergency_stretch = PU(1.5 * role_size(ts, role));
		lb_break(ts->lb, ts->it, ts->nit, &lo, &lr);
		n = lr.nlines;
	}
	if (n == 0 && has_label)
		n = 1;
	if (n == 0) {
		ts->nruns = ts->nmarks = 0;
		return true;
	}
	res->lines = arena_alloc(out, n * sizeof *res->lines);
	res->nlines = n;
	for (i = 0; i < n; i++) {
		l = &res->lines[i];
		line_box(ts, role, l);
		base = hang + (i == 0 ? indent + overrun : 0);
		if (i >= lr.nlines) {
			/* A label without text. */
			l->x = 0;
			l->width = label_w;
			finish_line(ts, l);
			break;
		}
		ln = &lr.lines[i];
		grow(&ts->x, &ts->xcap, ln->end - ln->start + 1,
		    sizeof *ts->x);
		lb_place(ts->it, ln, ts->x);
		w = fill_line(ts, ln);
		shift = 0;
		if (par->align == DA_CENTRE && w < ln->target)
			shift = PT(ln->target - w) / 2;
		else if (par->align == DA_RIGHT && w < ln->target)
			shift = PT(ln->target - w);
		if (i == 0 && has_label) {
			l->x = 0;
			emit_items(ts, ln->start, ln->end, post,
			    ln->end_kind == LB_END_PENALTY &&
			    ts->mt[ln->end].kind == K_SHY, base + shift);
			l->width = base + shift + PT(w);
		} else {
			l->x = base + shift;
			emit_items(ts, ln->start, ln->end, post,
			    ln->end_kind == LB_END_PENALTY &&
			    ts->mt[ln->end].kind == K_SHY, 0);
			l->width = PT(w);
		}
		l->hyphen = ln->hyphen;
		if (ln->overflow > 0) {
			l->overfull = true;
			report_long(ts, ln, d);
		}
		post = ln->end_kind == LB_END_PENALTY &&
		    ts->mt[ln->end].kind == K_COMPOUND ? (ptrdiff_t)ln->end :
		    -1;
		finish_line(ts, l);
		fit_tall_icons(l);
	}
	return true;
}

/* --- one-line texts ---------------------------------------------------- */

/* Sets text[0 .. len) as one unbreakable line; returns its width (pt). */
static double
line_width(struct typeset *ts, struct doc_span *sp, const char *text,
    size_t len)
{
	sp->text = text;
	sp->len = len;
	build(ts, sp, 1, false, true, NULL, NULL);
	return PT(place_natural(ts, ts->nit));
}

struct pg_line *
typeset_line(struct typeset *ts, enum lspec_role role, enum lspec_face face,
    const char *text, double width, struct arena *out)
{
	struct pg_line	*l;
	struct doc_span	 sp;
	struct buf	 b = { 0 };
	size_t		 len, lo, hi, mid, cut, *offs = NULL, noffs = 0, cap = 0;
	size_t		 i, k;
	uint32_t	 c;
	double		 w;
	bool		 over = false;

	if (ts == NULL)
		return NULL;
	ts->out = out;
	ts->nruns = ts->nmarks = 0;
	ts->run_open = false;
	role = role_ok(role);
	text = text != NULL ? text : "";
	len = strlen(text);
	memset(&sp, 0, sizeof sp);
	sp.role = role;
	sp.face = face;
	sp.colour = -1;
	sp.flags = DS_NOHYPH | DS_NOBREAK;
	w = line_width(ts, &sp, text, len);
	if (w > width) {
		/* The longest prefix (in characters) that fits with "…". */
		for (i = 0; i < len; i += k) {
			grow(&offs, &cap, noffs + 1, sizeof *offs);
			offs[noffs++] = i;
			if ((k = utf8_decode((const unsigned char *)text + i,
			    len - i, &c)) == 0)
				k = 1;
		}
		lo = 0;
		hi = noffs;	/* the whole text did not fit */
		while (lo + 1 < hi) {
			mid = (lo + hi) / 2;
			cut = offs[mid];
			while (cut > 0 && text[cut - 1] == ' ')
				cut--;
			buf_reset(&b);
			buf_put(&b, text, cut);
			buf_puts(&b, "\xe2\x80\xa6");
			if (line_width(ts, &sp, b.data, b.len) <= width)
				lo = mid;
			else
				hi = mid;
		}
		cut = noffs > 0 ? offs[lo] : 0;
		while (cut > 0 && text[cut - 1] == ' ')
			cut--;
		buf_reset(&b);
		buf_put(&b, text, cut);
		buf_puts(&b, "\xe2\x80\xa6");
		w = line_width(ts, &sp, b.data, b.len);
		over = w > width;
		free(offs);
	}
	emit_items(ts, 0, ts->nit, -1, false, 0);
	buf_free(&b);
	l = arena_alloc(out, sizeof *l);
	line_box(ts, role, l);
	l->x = 0;
	l->width = w;
	l->overfull = over;
	finish_line(ts, l);
	return l;
}
