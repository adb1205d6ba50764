/*
 * The PDF writer (see pdf.h): laid-out pages drawn with Cairo's PDF
 * surface.
 *
 * Cairo 1.16 (Debian 12) has traps that shape this file (ECOSYSTEM.md §1):
 *  - tag attributes are parsed with the C library's locale, so the whole
 *    write runs under a "C" locale of this thread (uselocale), and
 *    attributes carry integers only;
 *  - URIs and names are copied raw into PDF strings, so both are
 *    percent-encoded to plain ASCII here;
 *  - a document whose only tags are links is written damaged, so a
 *    "Document" tag encloses everything;
 *  - a structure element with child elements loses its own text, so every
 *    glyph run is drawn inside a leaf (Span, Link, Figure) of its
 *    paragraph's element;
 *  - tags on a page where nothing is drawn are lost (a named destination)
 *    or break the file (a TAG_ERROR, or an assertion failure inside
 *    cairo_surface_finish): no tag is ever issued on a page that draws
 *    nothing, and "Document" is opened at the first page that draws;
 *  - errors surface only when the surface is finished, so its status is
 *    checked then;
 *  - there is no Artifact tag, so decoration (running heads, folios,
 *    continuation marks, rules, boxes, dot leaders, pictures that are not
 *    content) is drawn inside a "Private" element of its own, which
 *    pdfpost.c removes from the structure tree and marks as an artifact;
 *  - structure elements take no attributes, so the alternative texts of
 *    Figures and the /Contents of Links are collected in struct pdf_tags
 *    (in the order the elements are opened) for pdfpost.c to add.
 *
 * Fonts are loaded from the very files the typesetter measured, through a
 * fontconfig pattern holding only the file and face index: nothing in it
 * asks cairo to embolden or slant, so every font is embedded as the real
 * TrueType face (never a Type 3 imitation).
 *
 * Text extraction: each glyph run is drawn with its characters attached
 * (cairo's clusters). Soft hyphens and word joiners, which print nothing,
 * are left out of that text; a hyphen drawn where a line breaks at a soft
 * hyphen reads as "-": poppler (pdftotext, evince) then joins the word
 * again when it extracts text in reading order, while U+00AD would stay in
 * copied text as an invisible stray character and no text at all would
 * split the word in two.
 */
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <qrencode.h>

#include "pdf.h"
#include "pdf_icons.h"
#include "strmap.h"
#include "util.h"

/* The leaf element a glyph run is drawn in (see the comment above). */
enum leaf {
	LEAF_NONE,
	LEAF_SPAN,
	LEAF_LINK,
	LEAF_FIGURE
};

/* A scaled font: one per font and size used. */
struct sfont {
	size_t		 font;
	float		 size;
	cairo_scaled_font_t *sf;
};

/* A picture file, loaded once however often it is placed. */
struct picture {
	cairo_surface_t	*surface;	/* image or recording surface */
	double		 w, h;		/* its natural size */
	size_t		 page;		/* 1 + the page it was last placed on */
};

struct pdf {
	const struct pg_doc *pd;
	struct diag	*d;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	cairo_font_options_t *fopts;
	FcPattern	**patterns;	/* [nfonts], made when first used */
	cairo_font_face_t **faces;	/* [nfonts] */
	struct sfont	*sfonts;
	size_t		 nsfonts, capsfonts;
	size_t		 last;		/* index of the one used last */
	struct strmap	*dests;		/* names defined (value: the name) */
	struct strmap	*pics;		/* path -> struct picture */
	struct picture	**piclist;	/* for freeing */
	size_t		 npics, cappics;
	char		**owned;	/* strings the maps point to */
	size_t		 nowned, capowned;

	/* Tagging state. */
	bool		 doc_open;	/* "Document" */
	size_t		*sect_of;	/* [doc->npars]: 1 + section index */
	size_t		 sect;		/* 1 + the open Sect's section; 0 */
	const char	*grp_tag;	/* "L", "TOC" or "Table" open, or NULL */
	size_t		 grp_next;	/* seq of the group's next item */
	int		 heading;	/* level of the last heading tagged */
	bool		 row;		/* the open paragraph is a table row */
	int		 cell;		/* its cell being drawn: 0, 1 */
	double		 row_x;		/* in the line drawn: where its second
					   cell starts (INFINITY: none) */
	bool		 par_open;
	size_t		 pageno;	/* 1 + index of the page being drawn */
	const struct doc_par *par;	/* the open paragraph's */
	const char	*par_tag;
	enum leaf	 leaf;
	const struct pg_mark *link;	/* the open Link's mark */
	const struct pg_line *line;	/* the line being drawn */
	bool		*linked;	/* its marks that got a Link */
	struct pdf_tags	*tags;		/* what pdfpost.c adds */
	size_t		 capalt, caplink;
	struct buf	 ltext;		/* text drawn in the open Link */

	/* Scratch buffers for one run. */
	cairo_glyph_t	*glyphs;
	size_t		 capglyphs;
	cairo_text_cluster_t *clusters;
	size_t		 capclusters;
	int		*member;	/* cluster -> link mark index or -1 */
	size_t		 capmember;
	unsigned char	*cellof;	/* cluster -> table cell (0, 1) */
	size_t		 capcellof;
	struct buf	 text;
	struct buf	 attr;

};

static void
set_rgb(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static const char *
own(struct pdf *p, const char *s)
{
	if (p->nowned == p->capowned)
		grow(&p->owned, &p->capowned, p->nowned + 1, sizeof *p->owned);
	return p->owned[p->nowned++] = xstrdup(s);
}

/* ---- encoding of URIs and names ---------------------------------------- */

static bool
is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/*
 * Appends uri to b percent-encoded to printable ASCII: bytes of non-ASCII
 * characters, controls, space, the characters a PDF string or cairo's
 * attribute parser treat specially (parentheses, backslash, apostrophe)
 * and the ones a URI may not hold ("<>{}|^`). A "%" that already starts
 * an escape stays; any other "%" is encoded.
 */
static void
encode_uri(struct buf *b, const char *uri)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*s;

	for (s = (const unsigned char *)uri; *s != '\0'; s++) {
		if (*s == '%' && is_hex(s[1]) && is_hex(s[2]))
			buf_putc(b, '%');
		else if (*s <= 0x20 || *s >= 0x7f || strchr("%()\\'\"<>{}|^`",
		    *s) != NULL) {
			buf_putc(b, '%');
			buf_putc(b, hex[*s >> 4]);
			buf_putc(b, hex[*s & 15]);
		} else
			buf_putc(b, (char)*s);
	}
}

/*
 * Appends a destination name: letters, digits and "-._:" as they are,
 * every other byte as %XX, so that any anchor name is safe in an attribute
 * and in the PDF's name tree, and the same name always encodes the same.
 */
static void
encode_name(struct buf *b, const char *name)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*s;

	for (s = (const unsigned char *)name; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._:", *s) != NULL)
			buf_putc(b, (char)*s);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*s >> 4]);
			buf_putc(b, hex[*s & 15]);
		}
	}
}

/* ---- fonts ------------------------------------------------------------- */

/*
 * The scaled font for font index i at size, made on first use. NULL after
 * reporting when the font file cannot be used.
 */
static cairo_scaled_font_t *
get_font(struct pdf *p, size_t i, float size)
{
	const struct pg_font	*f;
	cairo_matrix_t		 fm, ctm;
	cairo_scaled_font_t	*sf;
	size_t			 k;

	if (p->last < p->nsfonts && p->sfonts[p->last].font == i &&
	    p->sfonts[p->last].size == size)
		return p->sfonts[p->last].sf;
	for (k = 0; k < p->nsfonts; k++)
		if (p->sfonts[k].font == i && p->sfonts[k].size == size) {
			p->last = k;
			return p->sfonts[k].sf;
		}
	if (i >= p->pd->nfonts) {
		diag(p->d, D_IO, NULL, "cannot write the PDF: a text run "
		    "names font %zu of %zu", i, p->pd->nfonts);
		return NULL;
	}
	f = &p->pd->fonts[i];
	if (p->faces[i] == NULL) {
		p->patterns[i] = FcPatternCreate();
		FcPatternAddString(p->patterns[i], FC_FILE,
		    (const FcChar8 *)f->file);
		FcPatternAddInteger(p->patterns[i], FC_INDEX, f->index);
		p->faces[i] = cairo_ft_font_face_create_for_pattern(
		    p->patterns[i]);
	}
	cairo_matrix_init_scale(&fm, size, size);
	cairo_matrix_init_identity(&ctm);
	sf = cairo_scaled_font_create(p->faces[i], &fm, &ctm, p->fopts);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		diag(p->d, D_IO, NULL, "cannot use the font file %s: %s",
		    f->file, cairo_status_to_string(
		    cairo_scaled_font_status(sf)));
		cairo_scaled_font_destroy(sf);
		return NULL;
	}
	if (p->nsfonts == p->capsfonts)
		grow(&p->sfonts, &p->capsfonts, p->nsfonts + 1,
		    sizeof *p->sfonts);
	p->sfonts[p->nsfonts].font = i;
	p->sfonts[p->nsfonts].size = size;
	p->sfonts[p->nsfonts].sf = sf;
	p->last = p->nsfonts++;
	return sf;
}

/* ---- tags -------------------------------------------------------------- */

static bool	 is_invisible(uint32_t);
static bool	 item_draws(const struct pg_item *);

/*
 * Whether a contents-like line is a row of a two-column table: a name,
 * dot leaders and a value (the emergency numbers on the back cover), as
 * opposed to a line of the contents, signpost or an index, which points
 * at a page.
 */
static bool
is_row(const struct doc_par *par)
{
	bool	 fill = false;
	size_t	 i;

	if (par == NULL || par->tag != DT_TOCI)
		return false;
	for (i = 0; i < par->nspans; i++) {
		if (par->spans[i].ref != NULL || par->spans[i].dest != NULL)
			return false;
		fill |= (par->spans[i].flags & DS_FILL) != 0;
	}
	return fill;
}

/*
 * The element of a paragraph. A heading is tagged at most one level
 * deeper than the heading before it in structure order (an entry name
 * right under a section title becomes H2), so that levels never skip.
 */
static const char *
par_tag(struct pdf *p, const struct doc_par *par)
{
	static const char *const hn[] = { "H1", "H2", "H3" };
	int	 lv;

	if (par == NULL)
		return "P";
	switch (par->tag) {
	case DT_H1:
	case DT_TITLE:
		lv = 1;
		break;
	case DT_H2:
		lv = 2;
		break;
	case DT_H3:
		lv = 3;
		break;
	case DT_LI:
		return "LI";
	case DT_TOCI:
		return is_row(par) ? "TR" : "TOCI";
	case DT_P:
	default:
		return "P";
	}
	if (lv > p->heading + 1)
		lv = p->heading + 1;
	p->heading = lv;
	return hn[lv - 1];
}

/* Appends a copy of s (len bytes) to a list of pdf_tags. */
static void
tags_add(char ***list, size_t *n, size_t *cap, const char *s, size_t len)
{
	if (*n == *cap)
		grow(list, cap, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrndup(s, len);
}

/*
 * Text for alternative descriptions: soft hyphens and word joiners
 * dropped, no-break spaces as spaces, runs of spaces as one, no spaces
 * at the ends.
 */
static void
plain_text(struct buf *b, const char *s, size_t len)
{
	size_t	 i, n, start = b->len;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			continue;
		}
		if (is_invisible(cp))
			continue;
		if (cp == 0xA0 || cp == 0x202F || cp == 0x2007 ||
		    is_space((unsigned char)s[i])) {
			if (b->len > start && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
			continue;
		}
		buf_put(b, s + i, n);
	}
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
}

/* The Czech alternative text of a pictogram without one of its own. */
static const char *
icon_alt(enum doc_icon icon)
{
	switch (icon) {
	case DI_ADDRESS:	return "adresa";
	case DI_PHONE:		return "telefon";
	case DI_EMAIL:		return "e-mail";
	case DI_WEB:		return "webová stránka";
	case DI_HOURS:		return "provozní doba";
	case DI_FEES:		return "úhrada";
	case DI_FREE:		return "zdarma";
	case DI_RESIDENTIAL:	return "pobytová forma";
	case DI_OUTPATIENT:	return "ambulantní forma";
	case DI_FIELD:		return "terénní forma";
	case DI_ACCESS:		return "bezbariérový přístup";
	case DI_NONSTOP:	return "nonstop";
	case DI_EU:		return "vlajka Evropské unie";
	case DI_QR:		return "QR kód";
	case DI_TG_SENIORS:	return "senioři";
	case DI_TG_DISABILITY:	return "osoby se zdravotním postižením";
	case DI_TG_FAMILY:	return "rodiny, děti a mládež";
	case DI_TG_CRISIS:	return "lidé v krizi";
	case DI_TG_ADDICTION:	return "závislosti";
	case DI_TG_FOREIGN:	return "cizinci a menšiny";
	case DI_NONE:
	case DI__MAX:
		break;
	}
	return "piktogram";
}

/* Records the alternative text of the Figure just opened. */
static void
figure_alt(struct pdf *p, const char *alt, enum doc_icon icon)
{
	struct buf	 b = { 0 };

	if (alt != NULL)
		plain_text(&b, alt, strlen(alt));
	if (b.len == 0)
		buf_puts(&b, icon != DI_NONE ? icon_alt(icon) : "obrázek");
	tags_add(&p->tags->alt, &p->tags->nalt, &p->capalt, b.data, b.len);
	buf_free(&b);
}

/* Whether s is a page label: arabic or lower-case roman numerals. */
static bool
is_folio(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > 8)
		return false;
	for (i = 0; i < len; i++)
		if (!is_digit((unsigned char)s[i]) &&
		    strchr("ivxlcdm", s[i]) == NULL)
			return false;
	return true;
}

/*
 * Records the /Contents of the Link being closed: the text drawn in it,
 * or, for a link over no text, what it leads to.
 */
static void
link_contents(struct pdf *p, const struct pg_mark *m)
{
	struct buf	 b = { 0 };
	const char	*t = m != NULL ? m->target : NULL;

	plain_text(&b, p->ltext.data != NULL ? p->ltext.data : "",
	    p->ltext.len);
	if (m != NULL && m->kind == PGM_DEST && is_folio(b.data, b.len)) {
		/* A page number alone says little when read out. */
		char	*n = xstrndup(b.data, b.len);

		buf_reset(&b);
		buf_printf(&b, "strana %s", n);
		free(n);
	}
	if (b.len == 0) {
		if (m == NULL || m->kind != PGM_URI || t == NULL)
			buf_puts(&b, "odkaz v dokumentu");
		else if (strncmp(t, "mailto:", 7) == 0)
			buf_printf(&b, "e-mail %s", t + 7);
		else if (strncmp(t, "tel:", 4) == 0)
			buf_printf(&b, "telefon %s", t + 4);
		else
			buf_puts(&b, t);
	}
	tags_add(&p->tags->link, &p->tags->nlink, &p->caplink, b.data, b.len);
	buf_free(&b);
	buf_reset(&p->ltext);
}

static void
leaf_close(struct pdf *p)
{
	switch (p->leaf) {
	case LEAF_SPAN:
		cairo_tag_end(p->cr, "Span");
		break;
	case LEAF_LINK:
		cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		link_contents(p, p->link);
		break;
	case LEAF_FIGURE:
		cairo_tag_end(p->cr, "Figure");
		break;
	case LEAF_NONE:
		break;
	}
	p->leaf = LEAF_NONE;
	p->link = NULL;
}

/*
 * Decoration (see pdf.h): drawn inside a "Private" element of its own,
 * which pdfpost.c turns into an artifact. Cairo 1.16 has no Artifact
 * tag.
 */
static void
art_begin(struct pdf *p)
{
	leaf_close(p);
	cairo_tag_begin(p->cr, "Private", NULL);
	p->tags->artifacts++;
}

static void
art_end(struct pdf *p)
{
	cairo_tag_end(p->cr, "Private");
}

static void
doc_open(struct pdf *p)
{
	if (!p->doc_open) {
		cairo_tag_begin(p->cr, "Document", NULL);
		p->doc_open = true;
	}
}

static void
par_close(struct pdf *p)
{
	leaf_close(p);
	if (p->par_open) {
		if (strcmp(p->par_tag, "LI") == 0)
			cairo_tag_end(p->cr, "LBody");
		else if (p->row)
			cairo_tag_end(p->cr, "TD");
		cairo_tag_end(p->cr, p->par_tag);
	}
	p->par_open = false;
	p->row = false;
	p->par = NULL;
}

/* Closes the open list or table of contents. */
static void
grp_close(struct pdf *p)
{
	par_close(p);
	if (p->grp_tag != NULL)
		cairo_tag_end(p->cr, p->grp_tag);
	p->grp_tag = NULL;
}

/* Makes the Sect of section s (1-based; 0: keep the open one) open. */
static void
sect_enter(struct pdf *p, size_t s)
{
	if (s == 0 || s == p->sect)
		return;
	grp_close(p);
	if (p->sect != 0)
		cairo_tag_end(p->cr, "Sect");
	doc_open(p);
	cairo_tag_begin(p->cr, "Sect", NULL);
	p->sect = s;
}

static void
sect_close(struct pdf *p)
{
	grp_close(p);
	if (p->sect != 0)
		cairo_tag_end(p->cr, "Sect");
	p->sect = 0;
}

/* 1 + the index of the section that holds block b, or 0. */
static size_t
block_section(const struct pdf *p, const struct doc_block *b)
{
	const struct doc *doc = p->pd->doc;
	size_t	 i;

	if (b == NULL || doc == NULL)
		return 0;
	for (i = 0; i < doc->nsections; i++)
		if (b >= doc->sections[i].blocks &&
		    b < doc->sections[i].blocks + doc->sections[i].nblocks)
			return i + 1;
	return 0;
}

/*
 * Makes par's element the open one. Lines of one paragraph keep it open
 * across columns and pages (cairo allows that), so that a paragraph split
 * by a page break stays one element; par NULL (a content line without a
 * paragraph) always gets an element of its own.
 */
static void
par_enter(struct pdf *p, const struct doc_par *par)
{
	const char	*grp = NULL;

	if (p->par_open && par != NULL && par == p->par)
		return;
	par_close(p);
	doc_open(p);
	if (par != NULL && p->sect_of != NULL && par->seq < p->pd->doc->npars)
		sect_enter(p, p->sect_of[par->seq]);
	if (par != NULL && par->tag == DT_LI)
		grp = "L";
	else if (is_row(par))
		grp = "Table";
	else if (par != NULL && par->tag == DT_TOCI)
		grp = "TOC";
	/* Consecutive items form one list. */
	if (p->grp_tag != NULL && (grp != p->grp_tag || par == NULL ||
	    par->seq != p->grp_next))
		grp_close(p);
	if (grp != NULL && p->grp_tag == NULL) {
		cairo_tag_begin(p->cr, grp, NULL);
		p->grp_tag = grp;
	}
	if (grp != NULL)
		p->grp_next = par->seq + 1;
	p->par_tag = par_tag(p, par);
	cairo_tag_begin(p->cr, p->par_tag, NULL);
	if (strcmp(p->par_tag, "LI") == 0)
		cairo_tag_begin(p->cr, "LBody", NULL);
	p->row = strcmp(p->par_tag, "TR") == 0;
	if (p->row)
		cairo_tag_begin(p->cr, "TD", NULL);
	p->cell = 0;
	p->par_open = true;
	p->par = par;
}

/* The integer rectangle (rounded outwards) of attribute "rect". */
static void
put_rect(struct buf *b, double x, double y, double w, double h)
{
	long	 x0 = (long)floor(x), y0 = (long)floor(y);
	long	 x1 = (long)ceil(x + w), y1 = (long)ceil(y + h);

	buf_printf(b, " rect=[%ld %ld %ld %ld]", x0, y0, x1 - x0, y1 - y0);
}

/*
 * Whether a link mark leads anywhere: a URI always, a destination only
 * when its anchor was placed on a page that draws (see the top).
 */
static bool
link_live(struct pdf *p, const struct pg_mark *m)
{
	if (m->target == NULL || m->target[0] == '\0')
		return false;
	if (m->kind == PGM_URI)
		return true;
	return m->kind == PGM_DEST && strmap_get(p->dests, m->target) != NULL;
}

/*
 * Opens the leaf for what follows: a Span, or the Link of mark m (its
 * area is the mark's extent over the line's box at (x, baseline)).
 */
static void
leaf_enter(struct pdf *p, enum leaf kind, const struct pg_mark *m,
    const struct pg_item *it)
{
	const struct pg_line	*l = it->line;

	if (p->leaf == kind && kind == LEAF_SPAN)
		return;
	if (p->leaf == kind && kind == LEAF_LINK && p->link == m)
		return;
	leaf_close(p);
	switch (kind) {
	case LEAF_SPAN:
		cairo_tag_begin(p->cr, "Span", NULL);
		break;
	case LEAF_FIGURE:
		cairo_tag_begin(p->cr, "Figure", NULL);
		figure_alt(p, m != NULL ? m->alt : NULL,
		    m != NULL ? m->icon : DI_NONE);
		break;
	case LEAF_LINK:
		buf_reset(&p->ltext);
		buf_reset(&p->attr);
		if (m->kind == PGM_URI) {
			buf_puts(&p->attr, "uri='");
			encode_uri(&p->attr, m->target);
		} else {
			buf_puts(&p->attr, "dest='");
			encode_name(&p->attr, m->target);
		}
		buf_putc(&p->attr, '\'');
		put_rect(&p->attr, it->x + m->x0, it->y - l->ascent,
		    m->x1 - m->x0, l->height);
		cairo_tag_begin(p->cr, CAIRO_TAG_LINK, buf_str(&p->attr));
		p->link = m;
		if (p->line == l && m >= l->marks && m < l->marks + l->nmarks)
			p->linked[m - l->marks] = true;
		break;
	case LEAF_NONE:
		return;
	}
	p->leaf = kind;
}

/* ---- glyph runs -------------------------------------------------------- */

/* Characters that print nothing and are left out of the extracted text. */
static bool
is_invisible(uint32_t cp)
{
	return cp == 0xAD || cp == 0x2060 || cp == 0x200B || cp == 0xFEFF;
}

/*
 * Fills p->text and p->clusters from run r (see the top for what is
 * changed), and returns the number of clusters; -1 when the run's clusters
 * do not add up to its text and glyphs (it is then drawn without text).
 */
static long
run_clusters(struct pdf *p, const struct pg_run *r)
{
	size_t	 i, off = 0, g = 0, n = 0;

	buf_reset(&p->text);
	buf_puts(&p->text, "");
	if (p->capclusters < r->nclusters)
		grow(&p->clusters, &p->capclusters, r->nclusters,
		    sizeof *p->clusters);
	for (i = 0; i < r->nclusters; i++) {
		const struct pg_cluster *c = &r->clusters[i];
		size_t	 start = p->text.len, k, len;
		bool	 dropped = false, shy = false;
		uint32_t cp;

		if (off + c->bytes > r->len || g + c->glyphs > r->nglyphs ||
		    (c->bytes == 0 && c->glyphs == 0))
			return -1;
		for (k = 0; k < c->bytes; k += len) {
			len = utf8_decode((const unsigned char *)r->text +
			    off + k, c->bytes - k, &cp);
			if (len == 0)
				return -1;
			if (is_invisible(cp)) {
				dropped = true;
				shy |= cp == 0xAD;
			} else
				buf_put(&p->text, r->text + off + k, len);
		}
		off += c->bytes;
		g += c->glyphs;
		if (p->text.len == start && dropped) {
			if (c->glyphs == 0)
				continue;	/* nothing drawn, nothing read */
			if (shy)
				buf_putc(&p->text, '-');
			else
				buf_put(&p->text, r->text + off - c->bytes,
				    c->bytes);
		}
		p->clusters[n].num_bytes = (int)(p->text.len - start);
		p->clusters[n].num_glyphs = (int)c->glyphs;
		n++;
	}
	if (off != r->len || g != r->nglyphs)
		return -1;
	return (long)n;
}

/*
 * For each cluster, the index of the live link mark of line l its first
 * glyph stands in, or -1. A cluster without glyphs (a space) belongs to a
 * link only when the glyphs on both sides of it do.
 */
static void
run_members(struct pdf *p, const struct pg_line *l, const struct pg_run *r,
    size_t nclusters)
{
	size_t	 i, k, g = 0;
	int	 prev;

	if (p->capmember < nclusters)
		grow(&p->member, &p->capmember, nclusters, sizeof *p->member);
	for (i = 0; i < nclusters; i++) {
		p->member[i] = -2;	/* no glyph: decided below */
		if (p->clusters[i].num_glyphs > 0) {
			double	 x = r->x + r->glyphs[g].x;

			p->member[i] = -1;
			for (k = 0; k < l->nmarks; k++) {
				const struct pg_mark *m = &l->marks[k];

				if ((m->kind == PGM_URI ||
				    m->kind == PGM_DEST) &&
				    x >= m->x0 - 0.01 && x < m->x1 - 0.01 &&
				    link_live(p, m)) {
					p->member[i] = (int)k;
					break;
				}
			}
		}
		g += (size_t)p->clusters[i].num_glyphs;
	}
	/* Table cells: by the glyph's x; a space goes with the one before. */
	if (p->capcellof < nclusters)
		grow(&p->cellof, &p->capcellof, nclusters, sizeof *p->cellof);
	for (i = g = 0; i < nclusters; i++) {
		p->cellof[i] = i > 0 ? p->cellof[i - 1] : 0;
		if (p->clusters[i].num_glyphs > 0)
			p->cellof[i] = r->x + r->glyphs[g].x >= p->row_x - 0.01;
		g += (size_t)p->clusters[i].num_glyphs;
	}
	prev = -1;
	for (i = 0; i < nclusters; i++) {
		if (p->member[i] != -2) {
			prev = p->member[i];
			continue;
		}
		for (k = i + 1; k < nclusters && p->member[k] == -2; k++)
			;
		p->member[i] = k < nclusters && p->member[k] == prev ?
		    prev : -1;
	}
}

/*
 * Draws run r of the line item it, in leaves of the open paragraph
 * (content) or untagged (tagged false).
 */
static void
draw_run(struct pdf *p, const struct pg_item *it, const struct pg_run *r,
    bool tagged)
{
	cairo_scaled_font_t	*sf;
	size_t			 i, g, b, start, gstart, bstart;
	long			 nc;

	if (r->nglyphs == 0)
		return;
	if ((sf = get_font(p, r->font, r->size)) == NULL)
		return;		/* not reached: prepare() loaded it */
	if (p->capglyphs < r->nglyphs)
		grow(&p->glyphs, &p->capglyphs, r->nglyphs,
		    sizeof *p->glyphs);
	for (i = 0; i < r->nglyphs; i++) {
		p->glyphs[i].index = r->glyphs[i].id;
		p->glyphs[i].x = it->x + r->x + r->glyphs[i].x;
		p->glyphs[i].y = it->y + r->glyphs[i].y;
	}
	cairo_set_scaled_font(p->cr, sf);
	set_rgb(p->cr, r->rgb);
	nc = run_clusters(p, r);
	if (nc < 0) {
		/* Inconsistent clusters: the glyphs still print. */
		if (tagged)
			leaf_enter(p, LEAF_SPAN, NULL, it);
		cairo_show_glyphs(p->cr, p->glyphs, (int)r->nglyphs);
		return;
	}
	if (!tagged) {
		cairo_show_text_glyphs(p->cr, p->text.data, (int)p->text.len,
		    p->glyphs, (int)r->nglyphs, p->clusters, (int)nc, 0);
		return;
	}
	run_members(p, it->line, r, (size_t)nc);
	/* One show per stretch of clusters in the same leaf. */
	start = gstart = bstart = 0;
	for (i = g = b = 0; i <= (size_t)nc; i++) {
		if (i == (size_t)nc || (i > start &&
		    (p->member[i] != p->member[start] ||
		    p->cellof[i] != p->cellof[start]))) {
			int	 m = p->member[start];

			if (p->row && p->cell == 0 && p->cellof[start]) {
				/* The value's cell. */
				leaf_close(p);
				cairo_tag_end(p->cr, "TD");
				cairo_tag_begin(p->cr, "TD", NULL);
				p->cell = 1;
			}
			if (m >= 0) {
				leaf_enter(p, LEAF_LINK, &it->line->marks[m],
				    it);
				buf_put(&p->ltext, p->text.data + bstart,
				    b - bstart);
			} else
				leaf_enter(p, LEAF_SPAN, NULL, it);
			cairo_show_text_glyphs(p->cr, p->text.data + bstart,
			    (int)(b - bstart), p->glyphs + gstart,
			    (int)(g - gstart), p->clusters + start,
			    (int)(i - start), 0);
			start = i;
			gstart = g;
			bstart = b;
		}
		if (i < (size_t)nc) {
			g += (size_t)p->clusters[i].num_glyphs;
			b += (size_t)p->clusters[i].num_bytes;
		}
	}
}

/*
 * Dot leaders over x0 .. x1 of the mark (absolute ax0 .. ax1): small
 * discs on a grid of absolute x, so that the dots of consecutive lines
 * stand in columns, kept a little away from the text on both sides. In a
 * content line (tagged) they are decoration of their own.
 */
static void
draw_leaders(struct pdf *p, double ax0, double ax1, double baseline,
    const struct pg_mark *m, bool tagged)
{
	double	 size = m->size > 0 ? m->size : 10;
	double	 step = size * 0.5, r = size * 0.06, gap = size * 0.3;
	double	 dash[2] = { 0, step };
	double	 x0, x1;
	long	 k, n;

	k = (long)ceil((ax0 + gap) / step);
	x0 = k * step;
	if (!(x0 <= ax1 - gap + 1e-9))
		return;		/* no room for a dot */
	n = (long)floor((ax1 - gap + 1e-9 - x0) / step);
	x1 = x0 + n * step;
	if (tagged)
		art_begin(p);
	/*
	 * The dots are the round caps of zero-length dashes on one line:
	 * a few bytes for the viewer to draw, where a path per dot (four
	 * curves each) made leaders a third of the drawing time of an
	 * index. The line runs a quarter step past the last dot, so that it
	 * surely gets its cap and no further one.
	 */
	cairo_save(p->cr);
	cairo_new_path(p->cr);
	cairo_set_line_width(p->cr, 2 * r);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(p->cr, dash, 2, 0);
	cairo_move_to(p->cr, x0, baseline - r);
	cairo_line_to(p->cr, x1 + step / 4, baseline - r);
	set_rgb(p->cr, m->rgb);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	if (tagged)
		art_end(p);
}

/*
 * A QR code of the mark's target in the square (x, y) w wide, standing on
 * the baseline: dark modules as filled squares (vector), the quiet zone of
 * four modules inside the square, error correction level M. A target that
 * does not fit a QR code draws nothing.
 */
static void
draw_qr(cairo_t *cr, const char *target, double x, double y, double w)
{
	QRcode		*q;
	double		 m;
	int		 r, c;

	if (target == NULL ||
	    (q = QRcode_encodeString(target, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return;
	m = w / (q->width + 8);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (r = 0; r < q->width; r++)
		for (c = 0; c < q->width; c++)
			if (q->data[r * q->width + c] & 1)
				cairo_rectangle(cr, x + (c + 4) * m,
				    y + (r + 4) * m, m, m);
	cairo_fill(cr);
	cairo_restore(cr);
	QRcode_free(q);
}

static void
draw_icon(struct pdf *p, const struct pg_item *it, const struct pg_mark *m,
    bool tagged)
{
	double	 w = m->x1 - m->x0, h = pdf_icon_height(m->icon, w);

	if (!(w > 0) || m->icon <= DI_NONE || m->icon >= DI__MAX)
		return;
	if (tagged)
		leaf_enter(p, LEAF_FIGURE, m, it);
	if (m->icon == DI_QR)
		draw_qr(p->cr, m->target, it->x + m->x0, it->y - w, w);
	else
		pdf_icon_draw(p->cr, m->icon, it->x + m->x0, it->y - 0.8 * h,
		    w, m->rgb);
}

/*
 * A line: glyph runs and pictograms in the order of x (which is reading
 * order), dot leaders, and the areas of links that have no glyphs. A
 * content line is drawn in its paragraph's element (tagged), anything
 * else untagged.
 */
static void
draw_line(struct pdf *p, const struct pg_item *it)
{
	const struct pg_line	*l = it->line;
	bool			 tagged = it->role == PGR_CONTENT;
	bool			*done = NULL;
	size_t			 i, k;

	if (l == NULL)
		return;
	if (tagged)
		par_enter(p, it->par);
	else if (item_draws(it))
		art_begin(p);
	else
		return;		/* an empty decoration line */
	if (l->nmarks > 0) {
		done = xcalloc(2 * l->nmarks, sizeof *done);
		p->linked = done + l->nmarks;
		p->line = l;
	}
	p->row_x = INFINITY;
	for (k = 0; tagged && p->row && k < l->nmarks; k++)
		if (l->marks[k].kind == PGM_LEADERS) {
			p->row_x = l->marks[k].x1;
			break;
		}
	for (i = 0; i <= l->nruns; i++) {
		double	 x = i < l->nruns ? l->runs[i].x : INFINITY;

		if (i < l->nruns && l->runs[i].nglyphs > 0)
			x += l->runs[i].glyphs[0].x;
		for (k = 0; k < l->nmarks; k++)
			if (!done[k] && l->marks[k].kind == PGM_ICON &&
			    l->marks[k].x0 <= x) {
				draw_icon(p, it, &l->marks[k], tagged);
				done[k] = true;
			}
		if (i < l->nruns)
			draw_run(p, it, &l->runs[i], tagged);
	}
	for (k = 0; k < l->nmarks; k++) {
		const struct pg_mark *m = &l->marks[k];

		if (m->kind == PGM_LEADERS)
			draw_leaders(p, it->x + m->x0, it->x + m->x1, it->y,
			    m, tagged);
		else if (tagged && (m->kind == PGM_URI ||
		    m->kind == PGM_DEST) && !p->linked[k] && link_live(p, m)) {
			/* A link over no glyphs: its area alone. */
			leaf_enter(p, LEAF_LINK, m, it);
			leaf_close(p);
		}
	}
	p->line = NULL;
	p->linked = NULL;
	free(done);
	if (!tagged)
		art_end(p);
}

/* ---- pictures ---------------------------------------------------------- */

static cairo_status_t
read_png(struct pdf *p, const char *path, struct picture *pic)
{
	cairo_surface_t	*s;
	cairo_status_t	 st;

	s = cairo_image_surface_create_from_png(path);
	if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
		diag(p->d, D_IO, NULL, "cannot read the picture %s: %s",
		    path, cairo_status_to_string(st));
		cairo_surface_destroy(s);
		return st;
	}
	pic->surface = s;
	pic->w = cairo_image_surface_get_width(s);
	pic->h = cairo_image_surface_get_height(s);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * An SVG file, drawn once into a recording surface at its natural size
 * (its width and height, or its viewBox, or 100 × 100) so that placing it
 * again costs nothing and it is embedded once.
 */
static bool
read_svg(struct pdf *p, const char *path, struct picture *pic)
{
	RsvgHandle		*h;
	GError			*err = NULL;
	gdouble			 w = 0, hh = 0;
	RsvgRectangle		 vp;
	cairo_rectangle_t	 ext;
	cairo_t			*cr;
	bool			 ok;

	if ((h = rsvg_handle_new_from_file(path, &err)) == NULL) {
		diag(p->d, D_IO, NULL, "cannot read the picture %s: %s", path,
		    err != NULL ? err->message : "not an SVG file");
		if (err != NULL)
			g_error_free(err);
		return false;
	}
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) ||
	    !(w > 0) || !(hh > 0)) {
		gboolean	 has_w, has_h, has_vb;
		RsvgLength	 lw, lh;
		RsvgRectangle	 vb;

		rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h,
		    &lh, &has_vb, &vb);
		if (has_vb && vb.width > 0 && vb.height > 0) {
			w = vb.width;
			hh = vb.height;
		} else
			w = hh = 100;
	}
	ext.x = ext.y = 0;
	ext.width = w;
	ext.height = hh;
	pic->surface = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cr = cairo_create(pic->surface);
	vp.x = vp.y = 0;
	vp.width = w;
	vp.height = hh;
	ok = rsvg_handle_render_document(h, cr, &vp, &err);
	cairo_destroy(cr);
	g_object_unref(h);
	if (!ok) {
		diag(p->d, D_IO, NULL, "cannot draw the picture %s: %s", path,
		    err != NULL ? err->message : "rendering failed");
		if (err != NULL)
			g_error_free(err);
		cairo_surface_destroy(pic->surface);
		pic->surface = NULL;
		return false;
	}
	pic->w = w;
	pic->h = hh;
	return true;
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix), i;

	if (n < m)
		return false;
	for (i = 0; i < m; i++)
		if (ascii_tolower((unsigned char)s[n - m + i]) != suffix[i])
			return false;
	return true;
}

/* The picture of path, read on first use; NULL after reporting. */
static struct picture *
get_picture(struct pdf *p, const char *path)
{
	struct picture	*pic;
	char		*id;
	bool		 ok;

	if ((pic = strmap_get(p->pics, path)) != NULL)
		return pic;
	pic = xcalloc(1, sizeof *pic);
	if (has_suffix(path, ".svg"))
		ok = read_svg(p, path, pic);
	else
		ok = read_png(p, path, pic) == CAIRO_STATUS_SUCCESS;
	if (!ok || !(pic->w > 0) || !(pic->h > 0)) {
		if (ok)
			diag(p->d, D_IO, NULL, "cannot use the picture %s: "
			    "it has no size", path);
		if (pic->surface != NULL)
			cairo_surface_destroy(pic->surface);
		free(pic);
		return NULL;
	}
	/* Placed many times, embedded once. */
	id = xstrdup(path);
	cairo_surface_set_mime_data(pic->surface, CAIRO_MIME_TYPE_UNIQUE_ID,
	    (const unsigned char *)id, strlen(id), free, id);
	if (p->npics == p->cappics)
		grow(&p->piclist, &p->cappics, p->npics + 1,
		    sizeof *p->piclist);
	p->piclist[p->npics++] = pic;
	strmap_put(p->pics, own(p, path), pic);
	return pic;
}

/* A picture scaled to fit the item's box, keeping its proportions. */
static void
draw_image(struct pdf *p, const struct pg_item *it)
{
	struct picture	*pic;
	const char	*path = it->block != NULL ? it->block->image : NULL;
	double		 s;
	bool		 again;

	if (path == NULL || !(it->w > 0) || !(it->h > 0))
		return;
	if ((pic = get_picture(p, path)) == NULL)
		return;		/* not reached: prepare() read it */
	s = fmin(it->w / pic->w, it->h / pic->h);
	if (it->role == PGR_CONTENT) {
		par_close(p);
		doc_open(p);
		grp_close(p);
		sect_enter(p, block_section(p, it->block));
		cairo_tag_begin(p->cr, "Figure", NULL);
		figure_alt(p, it->block->alt, DI_NONE);
	} else
		art_begin(p);
	cairo_save(p->cr);
	cairo_translate(p->cr, it->x + (it->w - pic->w * s) / 2,
	    it->y + (it->h - pic->h * s) / 2);
	cairo_scale(p->cr, s, s);
	/*
	 * A fill, not cairo_paint(): cairo 1.16 loses the tags around a
	 * paint that is the first drawing on a page (TAG_ERROR at finish).
	 * The same picture again on one page goes through a group: cairo
	 * 1.16 would name it twice in the page's resources (a duplicated
	 * key qpdf warns about); the picture itself is still stored once.
	 */
	again = pic->page == p->pageno;
	pic->page = p->pageno;
	if (again)
		cairo_push_group(p->cr);
	cairo_rectangle(p->cr, 0, 0, pic->w, pic->h);
	cairo_set_source_surface(p->cr, pic->surface, 0, 0);
	cairo_fill(p->cr);
	if (again) {
		cairo_pop_group_to_source(p->cr);
		cairo_rectangle(p->cr, 0, 0, pic->w, pic->h);
		cairo_fill(p->cr);
	}
	cairo_restore(p->cr);
	if (it->role == PGR_CONTENT)
		cairo_tag_end(p->cr, "Figure");
	else
		art_end(p);
}

/* ---- pages ------------------------------------------------------------- */

/* Whether the item surely draws something (see the top). */
static bool
item_draws(const struct pg_item *it)
{
	size_t	 i;

	switch (it->kind) {
	case PGI_LINE:
		if (it->line == NULL)
			return false;
		for (i = 0; i < it->line->nruns; i++)
			if (it->line->runs[i].nglyphs > 0)
				return true;
		for (i = 0; i < it->line->nmarks; i++)
			if (it->line->marks[i].kind == PGM_ICON &&
			    it->line->marks[i].icon > DI_NONE &&
			    it->line->marks[i].icon < DI__MAX &&
			    it->line->marks[i].x1 > it->line->marks[i].x0)
				return true;
		return false;
	case PGI_RULE:
	case PGI_BOX:
		return it->w > 0 && it->h > 0;
	case PGI_IMAGE:
		return it->block != NULL && it->block->image != NULL &&
		    it->w > 0 && it->h > 0;
	case PGI_DEST:
		return false;
	}
	return false;
}

static bool
page_draws(const struct pg_page *pg)
{
	size_t	 i;

	if (pg->blank)
		return false;
	for (i = 0; i < pg->nitems; i++)
		if (item_draws(&pg->items[i]))
			return true;
	return false;
}

/* Records the names of destinations on pages that draw (first wins). */
static void
collect_dests(struct pdf *p)
{
	size_t	 i, k;

	for (i = 0; i < p->pd->npages; i++) {
		const struct pg_page *pg = &p->pd->pages[i];

		if (!page_draws(pg))
			continue;
		for (k = 0; k < pg->nitems; k++)
			if (pg->items[k].kind == PGI_DEST &&
			    pg->items[k].name != NULL &&
			    pg->items[k].name[0] != '\0' &&
			    strmap_get(p->dests, pg->items[k].name) == NULL)
				strmap_put(p->dests, pg->items[k].name,
				    (void *)&pg->items[k]);
	}
}

static void
draw_dest(struct pdf *p, const struct pg_item *it)
{
	if (it->name == NULL ||
	    strmap_get(p->dests, it->name) != (const void *)it)
		return;		/* a repeated name: the first one stands */
	doc_open(p);
	buf_reset(&p->attr);
	buf_puts(&p->attr, "name='");
	encode_name(&p->attr, it->name);
	buf_printf(&p->attr, "' x=%ld y=%ld", (long)floor(it->x),
	    (long)floor(it->y));
	cairo_tag_begin(p->cr, CAIRO_TAG_DEST, buf_str(&p->attr));
	cairo_tag_end(p->cr, CAIRO_TAG_DEST);
}

/*
 * Loads every font and picture the pages use before anything is drawn:
 * a failure then leaves no half-drawn page with open tags (which cairo
 * cannot finish cleanly). Returns false after reporting.
 */
static bool
prepare(struct pdf *p)
{
	size_t	 i, k, r;

	for (i = 0; i < p->pd->npages; i++) {
		const struct pg_page *pg = &p->pd->pages[i];

		if (pg->blank)
			continue;
		for (k = 0; k < pg->nitems; k++) {
			const struct pg_item *it = &pg->items[k];

			if (it->kind == PGI_IMAGE && item_draws(it) &&
			    get_picture(p, it->block->image) == NULL)
				return false;
			if (it->kind != PGI_LINE || it->line == NULL)
				continue;
			for (r = 0; r < it->line->nruns; r++)
				if (it->line->runs[r].nglyphs > 0 &&
				    get_font(p, it->line->runs[r].font,
				    it->line->runs[r].size) == NULL)
					return false;
		}
	}
	return true;
}

static void
draw_item(struct pdf *p, const struct pg_item *it)
{
	switch (it->kind) {
	case PGI_LINE:
		draw_line(p, it);
		break;
	case PGI_RULE:
		if (!item_draws(it))
			break;
		art_begin(p);
		set_rgb(p->cr, it->rgb);
		cairo_rectangle(p->cr, it->x, it->y - it->h / 2, it->w,
		    it->h);
		cairo_fill(p->cr);
		art_end(p);
		break;
	case PGI_BOX:
		if (!item_draws(it))
			break;
		art_begin(p);
		set_rgb(p->cr, it->rgb);
		cairo_rectangle(p->cr, it->x, it->y, it->w, it->h);
		cairo_fill(p->cr);
		art_end(p);
		break;
	case PGI_IMAGE:
		draw_image(p, it);
		break;
	case PGI_DEST:
		draw_dest(p, it);
		break;
	}
}

static void
draw_page(struct pdf *p, const struct pg_page *pg, bool last)
{
	size_t	 i;

	p->pageno++;
	cairo_pdf_surface_set_size(p->surface, p->pd->page_w, p->pd->page_h);
	if (pg->label != NULL)
		cairo_pdf_surface_set_page_label(p->surface, pg->label);
	if (page_draws(pg)) {
		doc_open(p);
		for (i = 0; i < pg->nitems; i++)
			draw_item(p, &pg->items[i]);
		/* Structure ends on the last page that draws. */
		if (last) {
			sect_close(p);
			if (p->doc_open)
				cairo_tag_end(p->cr, "Document");
			p->doc_open = false;
		}
	}
	cairo_show_page(p->cr);
}

/* ---- outline and document ---------------------------------------------- */

/*
 * Bookmarks: each entry hangs under the last entry of a lower level (a
 * level skipped counts as the one above). Entries whose anchor is not on
 * a page are left out, with their children moving up.
 */
static void
add_outline(struct pdf *p)
{
	int	 parent[16] = { 0 };	/* id of the last entry per level */
	size_t	 i;

	for (i = 0; i < p->pd->noutline; i++) {
		const struct pg_outline *o = &p->pd->outline[i];
		int	 lv = o->level < 1 ? 1 : o->level > 15 ? 15 : o->level;
		int	 id, k;

		if (o->dest == NULL || strmap_get(p->dests, o->dest) == NULL)
			continue;
		buf_reset(&p->attr);
		buf_puts(&p->attr, "dest='");
		encode_name(&p->attr, o->dest);
		buf_putc(&p->attr, '\'');
		for (k = lv - 1; k > 0 && parent[k] == 0; k--)
			;
		id = cairo_pdf_surface_add_outline(p->surface,
		    k > 0 ? parent[k] : CAIRO_PDF_OUTLINE_ROOT,
		    o->title != NULL ? o->title : "", buf_str(&p->attr), 0);
		parent[lv] = id;
		for (k = lv + 1; k < 16; k++)
			parent[k] = 0;
	}
}

/*
 * The document information from doc.meta. Both dates are doc.meta.date
 * as given (ISO 8601 UTC), so that the same pages give the same bytes;
 * without one, the current time in UTC (never cairo's default, local
 * time).
 */
static void
set_metadata(struct pdf *p)
{
	const struct doc_meta *m = &p->pd->doc->meta;
	char		 now[32];
	const char	*date = m->date;

	if (m->title != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_TITLE, m->title);
	if (m->author != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_AUTHOR, m->author);
	if (m->subject != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_SUBJECT, m->subject);
	if (m->keywords != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	if (m->creator != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_CREATOR, m->creator);
	if (date == NULL || date[0] == '\0') {
		time_t		 t = time(NULL);
		struct tm	 tm;

		gmtime_r(&t, &tm);
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
		date = now;
	}
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_MOD_DATE, date);
}

static void
pdf_free(struct pdf *p)
{
	size_t	 i;

	if (p->cr != NULL)
		cairo_destroy(p->cr);
	if (p->surface != NULL)
		cairo_surface_destroy(p->surface);
	for (i = 0; i < p->nsfonts; i++)
		cairo_scaled_font_destroy(p->sfonts[i].sf);
	free(p->sfonts);
	for (i = 0; i < p->pd->nfonts; i++) {
		if (p->faces[i] != NULL)
			cairo_font_face_destroy(p->faces[i]);
		if (p->patterns[i] != NULL)
			FcPatternDestroy(p->patterns[i]);
	}
	free(p->faces);
	free(p->patterns);
	for (i = 0; i < p->npics; i++) {
		cairo_surface_destroy(p->piclist[i]->surface);
		free(p->piclist[i]);
	}
	free(p->piclist);
	strmap_free(p->pics);
	strmap_free(p->dests);
	for (i = 0; i < p->nowned; i++)
		free(p->owned[i]);
	free(p->owned);
	if (p->fopts != NULL)
		cairo_font_options_destroy(p->fopts);
	free(p->glyphs);
	free(p->clusters);
	free(p->member);
	free(p->cellof);
	buf_free(&p->text);
	buf_free(&p->attr);
	buf_free(&p->ltext);
	free(p->sect_of);
}

/* Which section each paragraph is in (by seq), for the Sect elements. */
static void
map_sections(struct pdf *p)
{
	const struct doc *doc = p->pd->doc;
	size_t	 s, b, k;

	if (doc == NULL)
		return;
	p->sect_of = xcalloc(doc->npars + 1, sizeof *p->sect_of);
	for (s = 0; s < doc->nsections; s++)
		for (b = 0; b < doc->sections[s].nblocks; b++)
			for (k = 0; k < doc->sections[s].blocks[b].npars;
			    k++) {
				size_t seq =
				    doc->sections[s].blocks[b].pars[k].seq;

				if (seq < doc->npars)
					p->sect_of[seq] = s + 1;
			}
}

static bool
write_pages(struct pdf *p, const char *path)
{
	cairo_status_t	 st;
	size_t		 i, lastdraw = SIZE_MAX;

	p->surface = cairo_pdf_surface_create(path,
	    p->pd->page_w > 0 ? p->pd->page_w : 1,
	    p->pd->page_h > 0 ? p->pd->page_h : 1);
	if ((st = cairo_surface_status(p->surface)) != CAIRO_STATUS_SUCCESS) {
		diag(p->d, D_IO, NULL, "cannot write the PDF %s: %s", path,
		    cairo_status_to_string(st));
		return false;
	}
	set_metadata(p);
	if (!prepare(p))
		return false;
	p->cr = cairo_create(p->surface);
	map_sections(p);
	collect_dests(p);
	add_outline(p);
	for (i = 0; i < p->pd->npages; i++)
		if (page_draws(&p->pd->pages[i]))
			lastdraw = i;
	for (i = 0; i < p->pd->npages; i++)
		draw_page(p, &p->pd->pages[i], i == lastdraw);
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->surface);
	if ((st = cairo_surface_status(p->surface)) != CAIRO_STATUS_SUCCESS) {
		diag(p->d, D_IO, NULL, "cannot write the PDF %s: %s", path,
		    cairo_status_to_string(st));
		return false;
	}
	return true;
}

bool
pdf_write(const struct pg_doc *pd, const char *path, struct diag *d)
{
	struct pdf_tags	 tags;
	bool		 ok;

	ok = pdf_write_tagged(pd, path, &tags, d);
	pdf_tags_free(&tags);
	return ok;
}

void
pdf_tags_free(struct pdf_tags *t)
{
	size_t	 i;

	for (i = 0; i < t->nalt; i++)
		free(t->alt[i]);
	for (i = 0; i < t->nlink; i++)
		free(t->link[i]);
	free(t->alt);
	free(t->link);
	memset(t, 0, sizeof *t);
}

bool
pdf_write_tagged(const struct pg_doc *pd, const char *path,
    struct pdf_tags *tags, struct diag *d)
{
	struct pdf	 p;
	locale_t	 cloc, old;
	bool		 ok;

	memset(tags, 0, sizeof *tags);
	memset(&p, 0, sizeof p);
	p.pd = pd;
	p.d = d;
	p.tags = tags;
	p.leaf = LEAF_NONE;
	p.faces = xcalloc(pd->nfonts + 1, sizeof *p.faces);
	p.patterns = xcalloc(pd->nfonts + 1, sizeof *p.patterns);
	p.dests = strmap_new();
	p.pics = strmap_new();
	p.fopts = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(p.fopts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(p.fopts, CAIRO_HINT_STYLE_NONE);

	/* Cairo parses tag attributes with the locale's decimal point. */
	if ((cloc = newlocale(LC_ALL_MASK, "C", (locale_t)0)) == (locale_t)0) {
		diag(d, D_IO, NULL, "cannot write the PDF %s: no C locale",
		    path);
		pdf_free(&p);
		return false;
	}
	old = uselocale(cloc);
	ok = write_pages(&p, path);
	pdf_free(&p);
	uselocale(old);
	freelocale(cloc);
	return ok;
}
