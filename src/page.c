/*
 * Laid-out pages (see page.h): looking up anchors, and the text dump of the
 * geometry that golden tests compare. Numbers are printed by hand, to the
 * hundredth, so that the dump cannot depend on LC_NUMERIC.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_file.h"
#include "page.h"
#include "util.h"

static int
anchor_key_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pg_anchor *)elem)->name);
}

const struct pg_anchor *
pg_find_anchor(const struct pg_doc *pg, const char *name)
{
	if (pg == NULL || name == NULL || pg->nanchors == 0)
		return NULL;
	return bsearch(name, pg->anchors, pg->nanchors, sizeof *pg->anchors,
	    anchor_key_cmp);
}

char *
pg_line_text(const struct pg_line *l)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < l->nruns; i++)
		if (l->runs[i].text != NULL)
			buf_put(&b, l->runs[i].text, l->runs[i].len);
	return buf_steal(&b);
}

/* A length to the hundredth, whatever the locale: "-12.05". */
static void
put_num(FILE *f, double v)
{
	long long	 t;

	if (!isfinite(v)) {
		fputs("nan", f);
		return;
	}
	t = llround(v * 100);
	if (t < 0) {
		fputc('-', f);
		t = -t;
	}
	fprintf(f, "%lld.%02lld", t / 100, t % 100);
}

/* Text without soft hyphens, in quotes (quotes and backslashes escaped). */
static void
put_text(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	for (; *p != '\0'; p++) {
		if (p[0] == 0xC2 && p[1] == 0xAD) {
			p++;
			continue;
		}
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		if (*p < 0x20)
			fprintf(f, "\\x%02x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static const char *
kind_name(enum pg_item_kind k)
{
	switch (k) {
	case PGI_LINE:
		return "line";
	case PGI_RULE:
		return "rule";
	case PGI_BOX:
		return "box";
	case PGI_IMAGE:
		return "image";
	case PGI_DEST:
		return "dest";
	default:
		return "?";
	}
}

static void
dump_item(FILE *f, const struct pg_item *it)
{
	char		*t;

	fprintf(f, "  %s ", kind_name(it->kind));
	put_num(f, it->x);
	fputc(' ', f);
	put_num(f, it->y);
	if (it->kind != PGI_DEST) {
		fputc(' ', f);
		put_num(f, it->w);
		fputc(' ', f);
		put_num(f, it->h);
	}
	if (it->role == PGR_ARTIFACT)
		fputs(" artifact", f);
	switch (it->kind) {
	case PGI_LINE:
		fputc(' ', f);
		if (it->line != NULL) {
			t = pg_line_text(it->line);
			put_text(f, t);
			free(t);
		}
		break;
	case PGI_RULE:
	case PGI_BOX:
		fprintf(f, " #%06x", (unsigned)(it->rgb & 0xffffff));
		break;
	case PGI_IMAGE:
		fputc(' ', f);
		put_text(f, it->block != NULL && it->block->image != NULL ?
		    it->block->image : "");
		break;
	case PGI_DEST:
		fprintf(f, " %s", it->name != NULL ? it->name : "");
		break;
	default:
		break;
	}
	fputc('\n', f);
}

/*
 * The type area of page i (0-based; even indexes are rectos, the inner
 * margin on the left), so that a check of the dump needs nothing else.
 */
static void
put_area(FILE *f, const struct pg_doc *pg, size_t i)
{
	const struct layout_spec *ls = pg->doc != NULL ? pg->doc->layout :
			    NULL;
	double		 x0;

	if (ls == NULL)
		return;
	x0 = i % 2 == 0 ? ls->inner : ls->outer;
	fputs(" area ", f);
	put_num(f, x0);
	fputc(' ', f);
	put_num(f, ls->top);
	fputc(' ', f);
	put_num(f, x0 + lspec_text_width(ls));
	fputc(' ', f);
	put_num(f, ls->top + lspec_text_height(ls));
}

void
pg_dump(FILE *f, const struct pg_doc *pg)
{
	const struct pg_page *p;
	size_t		 i, j;

	fputs("pages ", f);
	put_num(f, pg->page_w);
	fputs(" x ", f);
	put_num(f, pg->page_h);
	fprintf(f, " count %zu\n", pg->npages);
	for (i = 0; i < pg->npages; i++) {
		p = &pg->pages[i];
		fprintf(f, "page %zu label %s section %zu blank %s", i + 1,
		    p->label != NULL ? p->label : "-", p->section,
		    p->blank ? "yes" : "no");
		put_area(f, pg, i);
		fputc('\n', f);
		for (j = 0; j < p->nitems; j++)
			dump_item(f, &p->items[j]);
	}
	for (i = 0; i < pg->nanchors; i++) {
		fprintf(f, "anchor %s page %zu y ", pg->anchors[i].name,
		    pg->anchors[i].page + 1);
		put_num(f, pg->anchors[i].y);
		fputc('\n', f);
	}
	for (i = 0; i < pg->noutline; i++) {
		fprintf(f, "outline %d %s ", pg->outline[i].level,
		    pg->outline[i].dest);
		put_text(f, pg->outline[i].title != NULL ?
		    pg->outline[i].title : "");
		fputc('\n', f);
	}
}
