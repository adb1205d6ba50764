/*
 * libFuzzer harness for layout files (layout_file.c over yaml.c): any bytes
 * given to lspec_parse() must give either NULL with a reported error or a
 * spec whose every value lies in the range the renderer relies on, whatever
 * was wrong in the file. The fonts are those of the checkout (found beside
 * the harness, like the program finds them), opened once.
 * Seed corpus: tests/fuzz/corpus/fuzz_layout/ (the shipped layouts and the
 * broken ones of tests/regress/layout/).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fonts.h"
#include "layout_file.h"

int		 LLVMFuzzerTestOneInput(const uint8_t *, size_t);
const char	*__lsan_default_suppressions(void);

/*
 * The fonts stay open for the whole run; fontconfig stores its character
 * sets as offsets, which LeakSanitizer cannot follow, so at exit they look
 * lost. The same narrow suppression as tests/lsan.supp.
 */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static void
check_font(const struct lspec_font *f)
{
	if (!(f->size >= 4 && f->size <= 120))
		abort();
	if (!(f->leading >= f->size - 1e-6 && f->leading <= 3 * f->size + 1e-6))
		abort();
	if ((unsigned)f->face > LSF_BOLD_ITALIC || f->rgb > 0xffffff)
		abort();
}

static void
check_template(const struct lspec_template *t)
{
	bool	 seen[LSD__MAX] = { false };
	size_t	 i;

	for (i = 0; i < t->nitems; i++) {
		if ((unsigned)t->items[i].field >= LSD__MAX ||
		    seen[t->items[i].field])
			abort();
		seen[t->items[i].field] = true;
		if (t->items[i].label != NULL && t->items[i].label[0] == '\0')
			abort();
	}
	if (t->space < 0 || t->space > 72 || t->rule < 0 || t->rule > 3 ||
	    t->label_width < 0)
		abort();
}

static void
check_band(const struct lspec_band *b)
{
	if ((unsigned)b->recto > LSRT_TERRITORY ||
	    (unsigned)b->verso > LSRT_TERRITORY ||
	    b->align == LSP_NONE || (unsigned)b->align > LSP_CENTRE ||
	    (unsigned)b->folio > LSP_CENTRE)
		abort();
	if (b->folio != LSP_NONE && b->folio == b->align &&
	    (b->recto != LSRT_NONE || b->verso != LSRT_NONE))
		abort();
	if (b->rule < 0 || b->rule > 3 || b->distance < 0)
		abort();
}

static void
check(const struct layout_spec *ls)
{
	int	 r;

	if (!(ls->page_w > 0 && ls->page_h > 0) || ls->columns < 1 ||
	    ls->columns > 4 || ls->gutter < 0 || ls->bleed < 0)
		abort();
	if (ls->inner < 0 || ls->outer < 0 || ls->top < 0 || ls->bottom < 0)
		abort();
	for (r = 0; r < LSR__MAX; r++)
		check_font(&ls->font[r]);
	check_band(&ls->head);
	check_band(&ls->foot);
	check_template(&ls->entry);
	check_template(&ls->contact);
	if (ls->max_hyphens < 1 || ls->max_hyphens > 10 || ls->orphans < 1 ||
	    ls->orphans > 5 || ls->widows < 1 || ls->widows > 5 ||
	    ls->keep_heading < 1 || ls->keep_heading > 5)
		abort();
	if (ls->min_contrast < 1 || ls->min_contrast > 21 ||
	    (unsigned)ls->section_start > LSS_CONTINUE)
		abort();
	if (memchr(ls->typo.tie_letters, '\0', sizeof ls->typo.tie_letters) ==
	    NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fonts *fonts;
	static bool	 init;
	struct diag	*d;
	struct layout_spec *ls;

	if (!init) {
		d = diag_new(NULL);
		fonts = fonts_open(NULL, d);
		diag_free(d);
		init = true;
	}
	d = diag_new(NULL);
	ls = lspec_parse("fuzz.yaml", (const char *)data, size, fonts, d);
	if (ls == NULL && diag_count(d, DIAG_ERROR) == 0 &&
	    diag_count(d, DIAG_FATAL) == 0)
		abort();
	if (ls != NULL) {
		check(ls);
		lspec_free(ls);
	}
	diag_flush(d);
	diag_free(d);
	return 0;
}
