/*
 * The document's text dump (doc.h) and the names of its enums: the golden
 * format of `mapa dump --doc`. One line per section, block, paragraph and
 * span, indented by depth; what is at its default is left out so that the
 * lines say what matters.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "layout_file.h"
#include "util.h"

static const char *const icon_names[DI__MAX] = {
	"none", "address", "phone", "email", "web", "hours", "fees", "free",
	"residential", "outpatient", "field", "access", "nonstop", "eu", "qr",
	"seniors", "disability", "family", "crisis", "addiction", "foreign"
};

static const char *const tag_names[] = {
	"P", "H1", "H2", "H3", "LI", "TOCI", "TITLE"
};

const char *
doc_icon_name(enum doc_icon i)
{
	return (unsigned)i < DI__MAX && icon_names[i] != NULL ?
	    icon_names[i] : "?";
}

const char *
doc_tag_name(enum doc_tag t)
{
	return (unsigned)t < NELEM(tag_names) ? tag_names[t] : "?";
}

static const char *const face_names[] = {
	"regular", "bold", "italic", "bold-italic"
};
static const char *const align_names[] = {
	"justify", "left", "centre", "right"
};
static const char *const start_names[] = {
	"new-page", "recto", "continue"
};
static const char *const block_names[] = {
	"flow", "entry", "image", "vfill"
};

/* A length: up to two decimals, no trailing zeros ("24", "6.5", "0.4"). */
static void
num(FILE *f, double v)
{
	char	 s[64];
	size_t	 n;

	snprintf(s, sizeof s, "%.2f", v);
	n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	fputs(strcmp(s, "-0") == 0 ? "0" : s, f);
}

/* A text in quotes with the invisible characters spelled out. */
static void
text(FILE *f, const char *s, size_t len)
{
	size_t	 i = 0, n;
	uint32_t cp;

	fputc('"', f);
	while (i < len) {
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0) {
			fprintf(f, "\\x%02x", (unsigned char)s[i]);
			i++;
			continue;
		}
		switch (cp) {
		case 0xa0:
			fputs("<nbsp>", f);
			break;
		case 0x202f:
			fputs("<nnbsp>", f);
			break;
		case 0x2060:
			fputs("<wj>", f);
			break;
		case 0xad:
			fputs("<shy>", f);
			break;
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		default:
			if (cp < 0x20)
				fprintf(f, "\\x%02x", (unsigned)cp);
			else
				fwrite(s + i, 1, n, f);
			break;
		}
		i += n;
	}
	fputc('"', f);
}

static void
cstr(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("-", f);
	else
		text(f, s, strlen(s));
}

static void
span(FILE *f, const struct doc *d, const struct doc_span *s)
{
	static const struct {
		unsigned	 flag;
		const char	*name;
	} flags[] = {
		{ DS_NOHYPH, "nohyph" }, { DS_URL, "url" },
		{ DS_NOBREAK, "nobreak" }, { DS_FILL, "fill" },
		{ DS_LEADERS, "leaders" }, { DS_LINEBREAK, "linebreak" },
	};
	size_t	 i;

	fprintf(f, "[%s", lspec_role_name(s->role));
	if (d->layout != NULL && s->face != d->layout->font[s->role].face &&
	    (unsigned)s->face < NELEM(face_names))
		fprintf(f, " %s", face_names[s->face]);
	if (s->colour >= 0)
		fprintf(f, " colour=%d", s->colour);
	if (s->icon != DI_NONE)
		fprintf(f, " icon=%s", doc_icon_name(s->icon));
	for (i = 0; i < NELEM(flags); i++)
		if (s->flags & flags[i].flag)
			fprintf(f, " %s", flags[i].name);
	if (s->len > 0 || (s->flags & (DS_FILL | DS_LINEBREAK)) == 0) {
		fputc(' ', f);
		text(f, s->text != NULL ? s->text : "", s->len);
	}
	if (s->uri != NULL)
		fprintf(f, " uri=%s", s->uri);
	if (s->dest != NULL && (s->ref == NULL || strcmp(s->dest, s->ref)))
		fprintf(f, " dest=%s", s->dest);
	if (s->ref != NULL)
		fprintf(f, " ref=%s", s->ref);
	fputs("]\n", f);
}

static void
par(FILE *f, const struct doc *d, const struct doc_par *p)
{
	size_t	 i;

	fprintf(f, "    %s #%zu", doc_tag_name(p->tag), p->seq);
	if ((unsigned)p->align < NELEM(align_names) && p->align != DA_LEFT)
		fprintf(f, " %s", align_names[p->align]);
	if (p->hang != 0) {
		fputs(" hang=", f);
		num(f, p->hang);
	}
	if (p->indent != 0) {
		fputs(" indent=", f);
		num(f, p->indent);
	}
	if (p->right != 0) {
		fputs(" right=", f);
		num(f, p->right);
	}
	if (p->space_before != 0 || p->space_after != 0) {
		fputs(" space=", f);
		num(f, p->space_before);
		fputc('/', f);
		num(f, p->space_after);
	}
	if (p->hyphenate)
		fputs(" hyph", f);
	if (p->keep_with_next)
		fputs(" keep-next", f);
	if (p->keep_lines)
		fputs(" keep-lines", f);
	if (p->anchor != NULL)
		fprintf(f, " anchor=%s", p->anchor);
	if (p->outline > 0) {
		fprintf(f, " outline=%d ", p->outline);
		cstr(f, p->outline_title);
	}
	fputc('\n', f);
	for (i = 0; i < p->nlabel; i++) {
		fputs("      label ", f);
		span(f, d, &p->label[i]);
	}
	for (i = 0; i < p->nspans; i++) {
		fputs("      ", f);
		span(f, d, &p->spans[i]);
	}
}

static void
block(FILE *f, const struct doc *d, const struct doc_block *b)
{
	size_t	 i;

	fprintf(f, "  block %s", (unsigned)b->kind < NELEM(block_names) ?
	    block_names[b->kind] : "?");
	if (b->rule != 0) {
		fputs(" rule=", f);
		num(f, b->rule);
	}
	if (b->tint)
		fputs(" tint", f);
	if (b->space_before != 0) {
		fputs(" space=", f);
		num(f, b->space_before);
	}
	if (b->kind == DB_IMAGE) {
		fputs(" image=", f);
		cstr(f, b->image);
		fputs(" size=", f);
		num(f, b->image_w);
		fputc('x', f);
		num(f, b->image_h);
		fputs(" alt=", f);
		cstr(f, b->alt);
	}
	if (b->cont != NULL) {
		fputs(" cont=", f);
		cstr(f, b->cont);
	}
	fputc('\n', f);
	for (i = 0; i < b->npars; i++)
		par(f, d, &b->pars[i]);
}

void
doc_dump(FILE *f, const struct doc *d)
{
	const struct doc_meta *m = &d->meta;
	size_t		 i, k;

	fputs("meta\n  title ", f);
	cstr(f, m->title);
	fputs("\n  author ", f);
	cstr(f, m->author);
	fputs("\n  subject ", f);
	cstr(f, m->subject);
	fputs("\n  keywords ", f);
	cstr(f, m->keywords);
	fputs("\n  lang ", f);
	cstr(f, m->lang);
	fputs("\n  date ", f);
	cstr(f, m->date);
	fputs("\n  running-title ", f);
	cstr(f, m->running_title);
	fputs("\n  territory ", f);
	cstr(f, m->territory);
	fputc('\n', f);
	for (i = 0; i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];

		fprintf(f, "section %s ", s->id != NULL ? s->id : "-");
		cstr(f, s->title);
		fprintf(f, " %s columns=%d %s%s%s%s\n",
		    (unsigned)s->start < NELEM(start_names) ?
		    start_names[s->start] : "?", s->columns,
		    s->numbering == DF_ROMAN ? "roman" : "arabic",
		    s->folio ? " folio" : "", s->running ? " running" : "",
		    s->cover ? " cover" : "");
		for (k = 0; k < s->nblocks; k++)
			block(f, d, &s->blocks[k]);
	}
}
