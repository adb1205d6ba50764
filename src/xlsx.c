/*
 * The XLSX appendices with libxlsxwriter (see xlsx.h). One function per
 * sheet; cells go through small helpers that check every return value,
 * remember the first failure and track column widths.
 *
 * Formulas are written with their results (worksheet_write_formula_num):
 * libxlsxwriter would otherwise cache 0, and viewers that do not
 * recalculate (LibreOffice by default, openpyxl, previews) would show 0.
 * The results come from stats.c, and the tests recalculate every formula
 * with Gnumeric to prove they agree. Formulas are in Excel's en-US syntax,
 * number formats too ("#,##0" shows as "1 234" in a Czech Excel). Only
 * functions of Excel 2007 are used (COUNTIFS, SUMIFS, SUM, COUNT, COUNTA),
 * so none needs the _xlfn. prefix.
 *
 * The formulas over the network sheet match municipalities and target
 * groups through hidden key columns ("|Kroměříž|Hulín|"), so that
 * "Lhota" never matches "Lhota u Kroměříže".
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "collate.h"
#include "outfile.h"
#include "util.h"
#include "xlsx.h"

#define SHEET_CONTENTS		"Obsah"
#define SHEET_NETWORK		"Síť služeb"
#define SHEET_BYTYPE		"Podle druhu a obce"
#define SHEET_CAPACITY		"Kapacity"
#define SHEET_FUNDING		"Financování"
#define SHEET_INDICATORS	"Indikátory"
#define SHEET_CHANGES		"Změny"

#define MAX_CELL	32767	/* bytes in one cell (Excel's limit) */
#define HEAD_ROW	3	/* header row of the table sheets */
#define MAX_SHEETS	8
/*
 * More municipalities than this (a region, the whole country) make the
 * by-municipality tables unreadable and slow: they then show totals only.
 */
#define MAX_MUNI_COLUMNS 150

/* A text that wraps in its cell (bold: a header). */
struct wrapped {
	lxw_row_t	 r;
	lxw_col_t	 c;
	bool		 bold;
	char		*s;
};

/* A worksheet and the widest content seen per column (in characters). */
struct sheet {
	lxw_worksheet	*ws;
	const char	*name;
	const char	*about;		/* one line for the contents sheet */
	double		*width;
	size_t		 nwidth;	/* columns seen */
	size_t		 capwidth;
	double		*colw;		/* widths set, as stored; hidden 0 */
	size_t		 ncolw, capcolw;
	struct wrapped	*wrap;		/* texts that wrap, for row heights */
	size_t		 nwrap, capwrap;
};

/* Network sheet columns (after the unit columns come the optional ones). */
enum {
	NC_IDENT, NC_NAME, NC_PROVIDER, NC_ICO, NC_PARA, NC_TYPE, NC_GROUP,
	NC_FORMS, NC_MUNIS, NC_PLACES, NC_TARGETS, NC_AGES, NC_CAP
};

struct xl {
	lxw_workbook		*wb;
	const struct xlsx_input	*in;
	const struct edition	*e;
	const struct catalogue	*c;
	const struct stats	*st;
	lxw_error		 err;		/* the first failure */
	const char		*err_call;
	int			 err_line;
	struct buf		 b;		/* scratch for formulas and texts */
	char			**keep;		/* strings to free after closing */
	size_t			 nkeep, capkeep;
	struct sheet		 sheets[MAX_SHEETS];
	size_t			 nsheets;
	struct sheet		*contents, *network, *bytype, *capacity,
				*funding, *indicators, *changes;
	/* formats */
	lxw_format		*f_title, *f_note, *f_label, *f_head,
				*f_head_year, *f_text, *f_int, *f_dash,
				*f_sum_label, *f_sum_dash, *f_kc, *f_sum_kc,
				*f_pct, *f_sum_pct, *f_fte, *f_sum_fte,
				*f_rate, *f_date, *f_wrap, *f_int_left;
	/* the network's cells, aligned to the top of rows that wrap */
	lxw_format		*f_top, *f_top_text, *f_top_int, *f_top_fte,
				*f_top_date;
	/* the network sheet's layout, for formulas on other sheets */
	lxw_row_t		 net_first, net_last;	/* data rows */
	lxw_col_t		 nc_clients, nc_fte_direct, nc_fte_other,
				 nc_from, nc_key_muni, nc_key_target, nc_last;
	size_t			 nmuni_cols;	/* municipality columns shown */
};

/* ---- failures ------------------------------------------------------ */

#define CHECK(x, call)	check((x), (call), #call, __LINE__)

/* Remembers the first failure; true when e is not one. */
static bool
check(struct xl *x, lxw_error e, const char *call, int line)
{
	if (e == LXW_NO_ERROR)
		return true;
	if (x->err == LXW_NO_ERROR) {
		x->err = e;
		x->err_call = call;
		x->err_line = line;
	}
	return false;
}

/* libxlsxwriter's option structs take char * for texts it only reads. */
static char *
unconst(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* Keeps a copy of s alive until the workbook is closed. */
static char *
keep(struct xl *x, const char *s)
{
	if (x->nkeep == x->capkeep)
		grow(&x->keep, &x->capkeep, x->nkeep + 1, sizeof *x->keep);
	return x->keep[x->nkeep++] = xstrdup(s);
}

/* ---- references and text ------------------------------------------- */

/* Column letters: 0 → "A", 26 → "AA". out has room for 4. */
static char *
col_name(lxw_col_t c, char *out)
{
	char	 tmp[4];
	size_t	 n = 0, i;
	unsigned v = (unsigned)c + 1;

	while (v > 0 && n < 3) {
		tmp[n++] = (char)('A' + (v - 1) % 26);
		v = (v - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
	return out;
}

/* A cell reference ("$C$5", "C$5", "$B7", "D9") into out (16 bytes). */
static const char *
ref(char *out, lxw_row_t r, lxw_col_t c, bool absr, bool absc)
{
	char	 col[4];

	snprintf(out, 16, "%s%s%s%u", absc ? "$" : "", col_name(c, col),
	    absr ? "$" : "", (unsigned)r + 1);
	return out;
}

/* "'Sheet'!$A$5:$A$60" for a column of rows r1..r2 into x->b. */
static const char *
range_text(struct xl *x, const char *sheet, lxw_row_t r1, lxw_row_t r2,
    lxw_col_t c1, lxw_col_t c2)
{
	char	 a[16], b[16];

	buf_reset(&x->b);
	buf_printf(&x->b, "='%s'!%s:%s", sheet, ref(a, r1, c1, true, true),
	    ref(b, r2, c2, true, true));
	return buf_str(&x->b);
}

/*
 * Appends s with '&' doubled (page header and footer codes), cut at a
 * character boundary so that at most maxbytes are added: Excel allows 255
 * bytes for a whole header.
 */
static void
put_hf_text(struct buf *b, const char *s, size_t maxbytes)
{
	size_t	 used = 0, len, need;
	uint32_t cp;

	for (; *s != '\0'; s += len) {
		len = utf8_decode((const unsigned char *)s, strlen(s), &cp);
		if (len == 0)
			break;
		need = len + (*s == '&');
		if (used + need > maxbytes)
			break;
		if (*s == '&')
			buf_putc(b, '&');
		buf_put(b, s, len);
		used += need;
	}
}

/* "1. 9. 2026" (plain spaces: it goes into cells and page footers). */
static void
put_date(struct buf *b, const struct date *d)
{
	if (d->y != 0)
		buf_printf(b, "%d. %d. %d", d->d, d->m, d->y);
}

/* "Lůžka" from "lůžka": capitalises an ASCII first letter. */
static const char *
capitalised(struct xl *x, const char *s)
{
	char	*t = keep(x, s);

	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

/* ---- cells ---------------------------------------------------------- */

static void
widen(struct sheet *sh, lxw_col_t c, double w)
{
	size_t	 old = sh->capwidth;

	if (c >= sh->capwidth) {
		grow(&sh->width, &sh->capwidth, (size_t)c + 1,
		    sizeof *sh->width);
		memset(sh->width + old, 0,
		    (sh->capwidth - old) * sizeof *sh->width);
	}
	if (c >= sh->nwidth)
		sh->nwidth = (size_t)c + 1;
	if (w > sh->width[c])
		sh->width[c] = w;
}

/* Characters a number takes with its format, for the column width. */
static double
num_width(struct xl *x, double v, lxw_format *f)
{
	char	 s[64];
	int	 n;

	if (f == x->f_pct || f == x->f_sum_pct)
		return 8;
	n = snprintf(s, sizeof s, "%.0f", v < 0 ? -v : v);
	n += (n - 1) / 3 + (v < 0);
	if (f == x->f_kc || f == x->f_sum_kc)
		n += 3;
	else if (f == x->f_fte || f == x->f_sum_fte || f == x->f_rate ||
	    f == x->f_top_fte)
		n += 3;
	else if (f == x->f_date || f == x->f_top_date)
		n = 10;
	if (f == x->f_sum_kc || f == x->f_sum_dash || f == x->f_sum_fte)
		return n * 1.15;
	return n;
}

/*
 * Writes a text cell, cut to Excel's limit; NULL or "" writes nothing.
 * Returns the number of bytes written.
 */
static size_t
write_text(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    const char *s, lxw_format *f)
{
	size_t	 len, cut;
	char	*t;

	if (s == NULL || s[0] == '\0')
		return 0;
	len = strlen(s);
	if (len <= MAX_CELL) {
		CHECK(x, worksheet_write_string(sh->ws, r, c, s, f));
		return len;
	}
	cut = MAX_CELL - 3;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	t = xmalloc(cut + 4);
	memcpy(t, s, cut);
	memcpy(t + cut, "\xe2\x80\xa6", 4);	/* … */
	CHECK(x, worksheet_write_string(sh->ws, r, c, t, f));
	free(t);
	return cut;
}

/* A text cell whose width counts for its column. */
static void
put_str(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    const char *s, lxw_format *f)
{
	size_t	 len = write_text(x, sh, r, c, s, f);

	if (len == 0)
		return;
	/* bold text is about a sixth wider */
	widen(sh, c, (double)utf8_count(s, len) *
	    (f == x->f_head || f == x->f_label || f == x->f_sum_label ?
	    1.15 : 1.0));
}

/*
 * A text that wraps within its column (f_wrap, or bold for a header
 * already written), remembered for the row's height: see fit_rows().
 */
static void
put_wrap(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    const char *s, bool bold)
{
	struct wrapped	*w;

	if (!bold)
		put_str(x, sh, r, c, s, x->f_wrap);
	if (s == NULL || s[0] == '\0')
		return;
	grow(&sh->wrap, &sh->capwrap, sh->nwrap + 1, sizeof *sh->wrap);
	w = &sh->wrap[sh->nwrap++];
	w->r = r;
	w->c = c;
	w->bold = bold;
	w->s = xstrdup(s);
}

static void
put_num(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c, double v,
    lxw_format *f)
{
	CHECK(x, worksheet_write_number(sh->ws, r, c, v, f));
	widen(sh, c, num_width(x, v, f));
}

/* A formula (printf-style, en-US syntax) with its computed result. */
static void put_formula(struct xl *, struct sheet *, lxw_row_t, lxw_col_t,
    lxw_format *, double, const char *, ...)
    __attribute__((format(printf, 7, 8)));

static void
put_formula(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    lxw_format *f, double result, const char *fmt, ...)
{
	va_list	 ap;
	char	*formula;

	va_start(ap, fmt);
	if (vasprintf(&formula, fmt, ap) < 0) {
		va_end(ap);
		fputs("mapa: out of memory\n", stderr);
		exit(3);
	}
	va_end(ap);
	CHECK(x, worksheet_write_formula_num(sh->ws, r, c, formula, f,
	    result));
	widen(sh, c, num_width(x, result, f));
	free(formula);
}

static void
put_date_cell(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    const struct date *d)
{
	lxw_datetime	 dt = { d->y, d->m, d->d, 0, 0, 0 };

	if (d->y == 0)
		return;
	CHECK(x, worksheet_write_datetime(sh->ws, r, c, &dt, x->f_date));
	widen(sh, c, 10);
}

/* Sets column c's width (hidden: not shown or printed) and records it. */
static void
set_width_opt(struct xl *x, struct sheet *sh, lxw_col_t c, double w,
    bool hidden)
{
	lxw_row_col_options	 opt = { 0 };
	size_t			 old = sh->capcolw;

	opt.hidden = hidden;
	CHECK(x, worksheet_set_column_opt(sh->ws, c, c, w, NULL, &opt));
	if (c >= sh->capcolw) {
		grow(&sh->colw, &sh->capcolw, (size_t)c + 1, sizeof *sh->colw);
		memset(sh->colw + old, 0,
		    (sh->capcolw - old) * sizeof *sh->colw);
	}
	if (c >= sh->ncolw)
		sh->ncolw = (size_t)c + 1;
	/* as stored: w + 5/7 of padding, in whole pixels */
	sh->colw[c] = hidden ? 0 : ((int)(w * 7 + 0.5) + 5) / 7.0;
}

static void
set_width(struct xl *x, struct sheet *sh, lxw_col_t c, double w)
{
	set_width_opt(x, sh, c, w, false);
}

/*
 * Sets column widths from the content (header texts count too), between
 * min and max characters; a column with nothing gets min.
 */
static void
fit_columns(struct xl *x, struct sheet *sh, double min, double max)
{
	size_t	 c;
	double	 w;

	for (c = 0; c < sh->nwidth; c++) {
		w = sh->width[c] + 3;
		if (w < min)
			w = min;
		if (w > max)
			w = max;
		set_width(x, sh, (lxw_col_t)c, w);
	}
}

/* A title in row 0 and notes in the rows below it. */
static void
put_title(struct xl *x, struct sheet *sh, const char *title)
{
	write_text(x, sh, 0, 0, title, x->f_title);
	CHECK(x, worksheet_set_row(sh->ws, 0, 21, NULL));
}

/* A note that runs over the empty cells to its right. */
static void
put_note(struct xl *x, struct sheet *sh, lxw_row_t r, const char *text)
{
	write_text(x, sh, r, 0, text, x->f_note);
}

/* ---- page setup ------------------------------------------------------ */

/*
 * How a sheet prints. A table wider than a page used to be shrunk to one
 * page wide; the network sheet (some 20 columns, 520 characters) then
 * printed its 11-point text at about 3 points. The scale is now chosen so
 * that the text prints at PRINT_MIN_PT or more: a sheet is spread over up
 * to max_across pages side by side, its first repeat_cols columns (the
 * service's identifikátor and name) printed again on every page.
 *
 * The arithmetic: a column of width w (in Excel's characters, as stored)
 * is w * 7 pixels of the default font (Calibri 11, 7-pixel digits) at
 * 96 dpi in Excel, 5.25 points; LibreOffice prints it wider, 7 points
 * (measured on its PDF export: column edges at a known scale), and the
 * larger is used so that both keep the limit. A4 landscape with 0.4-inch
 * side margins leaves 784 points across: at 100 % a page takes 112
 * characters, and at the smallest allowed scale, 7/11 = 64 %, it takes 175.
 * print_pages() packs the columns into pages the way a spreadsheet breaks
 * them (a column never split, the repeated ones first on every page);
 * print_scale() finds the largest whole percentage at which they take at
 * most n pages across. The smallest n whose scale keeps 7 points wins and
 * the sheet is set to "fit to n pages wide", which Excel, LibreOffice and
 * Gnumeric turn into that scale themselves. When even max_across pages
 * would need a smaller scale (hundreds of municipality columns), the scale
 * is fixed at 64 % and the columns run over as many pages as they need.
 *
 * A sheet of blocks that each have their own header row (Podle druhu a
 * obce) instead gets a page break before every block and a fixed scale
 * small enough for its tallest block to fit one page: "fit to width"
 * would override manual page breaks.
 */
#define PRINT_FONT_PT	11.0	/* libxlsxwriter's default font size */
#define PRINT_MIN_PT	7.0	/* the smallest printed text we accept */
#define PT_PER_CHAR	7.0	/* one character of column width in points */
#define PAGE_ACROSS_PT	(841.89 - 2 * 0.4 * 72)	/* A4 landscape, margins */
#define PAGE_DOWN_PT	(595.28 - 2 * 0.75 * 72)
#define ROW_PT		15.0	/* default row height */

struct print {
	int		 head_first;	/* rows repeated on every page, */
	int		 head_last;	/* or -1 */
	size_t		 repeat_cols;	/* leading columns repeated across */
	int		 max_across;	/* pages side by side at most */
	lxw_row_t	*breaks;	/* page break before each (0-ended) */
	double		 block_rows;	/* rows of the tallest block */
};

/* Pages across that columns w[0..n) take at scale percent. */
static int
print_pages(const double *w, size_t n, size_t repeat, int percent)
{
	double	 room = PAGE_ACROSS_PT * 100.0 / percent / PT_PER_CHAR;
	double	 fixed = 0, used;
	size_t	 c;
	int	 pages = 1;

	for (c = 0; c < repeat && c < n; c++)
		fixed += w[c];
	if (fixed > room / 2)
		fixed = 0, repeat = 0;	/* a spreadsheet drops them then */
	used = 0;
	for (c = 0; c < n; c++) {
		if (used > 0 && used + w[c] > room && c >= repeat) {
			pages++;
			used = fixed;
		}
		used += w[c];
	}
	return pages;
}

/* The largest scale (10..100 %) at which w takes at most n pages across. */
static int
print_scale(const double *w, size_t ncols, size_t repeat, int n)
{
	int	 p;

	for (p = 100; p > 10; p--)
		if (print_pages(w, ncols, repeat, p) <= n)
			break;
	return p;
}

/* The printed size of the body text at percent. */
static double
print_pt(int percent)
{
	return PRINT_FONT_PT * percent / 100.0;
}

/*
 * Landscape A4, the edition's title and the sheet's name in the page
 * header, the data date and "strana x z y" in the footer; the scale and
 * the repeated rows and columns as struct print says (see above).
 */
static void
page_setup(struct xl *x, struct sheet *sh, const struct print *pr)
{
	struct buf	 hf = { 0 };
	int		 n, p = 0, min = (int)(PRINT_MIN_PT / PRINT_FONT_PT *
			    100.0 + 0.999), tall;
	bool		 across = false;

	worksheet_set_landscape(sh->ws);
	worksheet_set_paper(sh->ws, 9);		/* A4 */
	worksheet_set_margins(sh->ws, 0.4, 0.4, 0.75, 0.75);
	for (n = 1; n <= pr->max_across; n++)
		if (print_pt(p = print_scale(sh->colw, sh->ncolw,
		    pr->repeat_cols, n)) >= PRINT_MIN_PT)
			break;
	if (n > pr->max_across)
		p = min;
	if (pr->breaks != NULL && pr->block_rows > 0) {
		tall = (int)(PAGE_DOWN_PT * 100.0 / (pr->block_rows * ROW_PT));
		if (tall < p)
			p = tall < min ? min : tall;
		worksheet_set_print_scale(sh->ws, (uint16_t)p);
		CHECK(x, worksheet_set_h_pagebreaks(sh->ws, pr->breaks));
	} else if (n <= pr->max_across)
		worksheet_fit_to_pages(sh->ws, (uint16_t)n, 0);
	else
		worksheet_set_print_scale(sh->ws, (uint16_t)p);
	across = print_pages(sh->colw, sh->ncolw, pr->repeat_cols, p) > 1;
	if (across && pr->repeat_cols > 0)
		CHECK(x, worksheet_repeat_columns(sh->ws, 0,
		    (lxw_col_t)(pr->repeat_cols - 1)));
	if (across)	/* a band of rows whole, then the next one */
		worksheet_print_across(sh->ws);
	if (pr->head_first >= 0)
		CHECK(x, worksheet_repeat_rows(sh->ws,
		    (lxw_row_t)pr->head_first, (lxw_row_t)pr->head_last));
	/* at most 2 + 90 + 5 + 60 + 2 + 93 bytes: within Excel's 255 */
	buf_puts(&hf, "&L");
	if (x->e->title.s != NULL)
		put_hf_text(&hf, x->e->title.s, 90);
	if (x->e->territory.s != NULL) {
		buf_puts(&hf, " \xe2\x80\x93 ");
		put_hf_text(&hf, x->e->territory.s, 60);
	}
	buf_puts(&hf, "&R");
	put_hf_text(&hf, sh->name, 93);
	CHECK(x, worksheet_set_header(sh->ws, buf_str(&hf)));
	buf_reset(&hf);
	buf_puts(&hf, "&LÚdaje k ");
	put_date(&hf, &x->e->data_date);
	buf_puts(&hf, "&Rstrana &P z &N");
	CHECK(x, worksheet_set_footer(sh->ws, buf_str(&hf)));
	buf_free(&hf);
}

/* The usual print setup: rows head_first..head_last repeated (or -1). */
static void
page_setup_simple(struct xl *x, struct sheet *sh, int head_first,
    int head_last)
{
	struct print	 pr = { head_first, head_last, 0, 1, NULL, 0 };

	page_setup(x, sh, &pr);
}

/* ---- formats ---------------------------------------------------------- */

static lxw_format *
new_format(struct xl *x, const char *num_format, bool bold, bool top_border)
{
	lxw_format	*f = workbook_add_format(x->wb);

	if (f == NULL) {
		fputs("mapa: out of memory\n", stderr);
		exit(3);
	}
	if (num_format != NULL)
		format_set_num_format(f, num_format);
	if (bold)
		format_set_bold(f);
	if (top_border)
		format_set_top(f, LXW_BORDER_THIN);
	return f;
}

/*
 * Number formats are stored in Excel's en-US syntax and displayed with the
 * reader's separators: "#,##0" is "1 234" in Czech. Zero shows as a dash in
 * the pivot tables, where most cells are empty.
 */
static void
make_formats(struct xl *x)
{
	x->f_title = new_format(x, NULL, true, false);
	format_set_font_size(x->f_title, 14);
	x->f_note = new_format(x, NULL, false, false);
	format_set_font_color(x->f_note, 0x595959);
	format_set_italic(x->f_note);
	x->f_label = new_format(x, NULL, true, false);
	x->f_head = new_format(x, NULL, true, false);
	format_set_bottom(x->f_head, LXW_BORDER_THIN);
	format_set_bg_color(x->f_head, 0xDDEBF7);
	format_set_text_wrap(x->f_head);
	format_set_align(x->f_head, LXW_ALIGN_VERTICAL_TOP);
	x->f_head_year = new_format(x, "0", true, false);
	format_set_bottom(x->f_head_year, LXW_BORDER_THIN);
	format_set_bg_color(x->f_head_year, 0xDDEBF7);
	format_set_align(x->f_head_year, LXW_ALIGN_RIGHT);
	x->f_text = new_format(x, "@", false, false);
	x->f_int = new_format(x, "#,##0", false, false);
	x->f_dash = new_format(x, "#,##0;-#,##0;\"\xe2\x80\x93\"", false, false);
	x->f_sum_label = new_format(x, NULL, true, true);
	x->f_sum_dash = new_format(x, "#,##0;-#,##0;\"\xe2\x80\x93\"", true, true);
	x->f_kc = new_format(x, "#,##0 \"Kč\"", false, false);
	x->f_sum_kc = new_format(x, "#,##0 \"Kč\"", true, true);
	x->f_pct = new_format(x, "0.0 %", false, false);
	x->f_sum_pct = new_format(x, "0.0 %", true, true);
	x->f_fte = new_format(x, "0.00", false, false);
	x->f_sum_fte = new_format(x, "0.00", true, true);
	x->f_rate = new_format(x, "0.00", false, false);
	x->f_date = new_format(x, "d. m. yyyy", false, false);
	format_set_align(x->f_date, LXW_ALIGN_LEFT);
	x->f_int_left = new_format(x, "#,##0", false, false);
	format_set_align(x->f_int_left, LXW_ALIGN_LEFT);
	x->f_wrap = new_format(x, NULL, false, false);
	format_set_text_wrap(x->f_wrap);
	format_set_align(x->f_wrap, LXW_ALIGN_VERTICAL_TOP);
	x->f_top = new_format(x, NULL, false, false);
	x->f_top_text = new_format(x, "@", false, false);
	x->f_top_int = new_format(x, "#,##0", false, false);
	x->f_top_fte = new_format(x, "0.00", false, false);
	x->f_top_date = new_format(x, "d. m. yyyy", false, false);
	format_set_align(x->f_top_date, LXW_ALIGN_RIGHT);
	format_set_align(x->f_top, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x->f_top_text, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x->f_top_int, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x->f_top_fte, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x->f_top_date, LXW_ALIGN_VERTICAL_TOP);
}

/* ---- the network sheet ----------------------------------------------- */

struct svc_key {
	const struct service	*s;
	unsigned char		*key;
};

static int
cmp_svc(const void *a, const void *b)
{
	const struct svc_key *x = a, *y = b;
	int	 r;

	if (x->s->type->index != y->s->type->index)
		return x->s->type->index - y->s->type->index;
	if (x->key != NULL && y->key != NULL &&
	    (r = strcmp((const char *)x->key, (const char *)y->key)) != 0)
		return r;
	if (x->s->ident.s != NULL && y->s->ident.s != NULL &&
	    (r = strcmp(x->s->ident.s, y->s->ident.s)) != 0)
		return r;
	return x->s->index - y->s->index;
}

/* The live services in type order, then by name (Czech), identifikátor. */
static const struct service **
sorted_services(const struct catalogue *c, size_t *np)
{
	struct collate		 *col = collate_new(true);
	struct svc_key		 *v = xcalloc(c->nservices + 1, sizeof *v);
	const struct service	**out;
	size_t			  i, n = 0, len;

	for (i = 0; i < c->nservices; i++) {
		const struct service *s = c->services[i];

		if (s->dropped || s->type == NULL)
			continue;
		v[n].s = s;
		if (col != NULL && s->name.s != NULL)
			v[n].key = collate_key(col, s->name.s,
			    strlen(s->name.s), &len);
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_svc);
	out = xcalloc(n + 1, sizeof *out);
	for (i = 0; i < n; i++) {
		out[i] = v[i].s;
		free(v[i].key);
	}
	free(v);
	collate_free(col);
	*np = n;
	return out;
}

/* "Vejvanovského 3261/22, Kroměříž"; "Zdounky 248"; "Nětčice 5, Kroměříž". */
static void
put_address(struct buf *b, const struct address *a)
{
	const char	*place = a->street.s;
	const char	*muni = a->municipality.s;
	bool		 muni_done = false;

	if (place == NULL && a->part.s != NULL &&
	    (muni == NULL || strcmp(a->part.s, muni) != 0))
		place = a->part.s;
	if (place == NULL) {
		place = muni;
		muni_done = true;
	}
	if (place != NULL)
		buf_puts(b, place);
	if (a->house.s != NULL) {
		buf_printf(b, "%s%s%s", place != NULL ? " " : "",
		    a->evidence ? "č. ev. " : "", a->house.s);
		if (a->orient.s != NULL)
			buf_printf(b, "/%s", a->orient.s);
	} else if (a->orient.s != NULL)
		buf_printf(b, " %s", a->orient.s);
	if (!muni_done && muni != NULL)
		buf_printf(b, ", %s", muni);
}

/* The places as addresses (or names), each once, "; " between. */
static char *
places_text(const struct service *s)
{
	struct buf	 all = { 0 }, one = { 0 };
	size_t		 i;

	buf_puts(&all, "");
	for (i = 0; i < s->nplaces; i++) {
		buf_reset(&one);
		buf_puts(&one, "");
		if (s->places[i].addr.present)
			put_address(&one, &s->places[i].addr);
		if (one.len == 0 && s->places[i].name.s != NULL)
			buf_puts(&one, s->places[i].name.s);
		if (one.len == 0 || strstr(all.data, one.data) != NULL)
			continue;
		if (all.len > 0)
			buf_puts(&all, "; ");
		buf_puts(&all, one.data);
	}
	buf_free(&one);
	return buf_steal(&all);
}

/* "|Kroměříž|Hulín|", or "|" for a service without a place municipality. */
static char *
muni_key(const struct service *s)
{
	const char	**v = xcalloc(s->nplaces + 1, sizeof *v);
	size_t		  i, n = stats_service_munis(s, v);
	struct buf	  b = { 0 };

	buf_puts(&b, "|");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s|", v[i]);
	free(v);
	return buf_steal(&b);
}

static char *
target_key(const struct service *s)
{
	struct buf	 b = { 0 };
	size_t		 i;

	buf_puts(&b, "|");
	for (i = 0; i < s->ntargets; i++)
		if (s->targets[i].item != NULL)
			buf_printf(&b, "%s|", s->targets[i].item->code);
	return buf_steal(&b);
}

/* Writes one service's row. */
static void
network_row(struct xl *x, struct sheet *sh, lxw_row_t r,
    const struct service *s)
{
	long long		 cap[STATS_MAX_UNITS];
	unsigned		 mask = stats_service_caps(s, cap);
	const struct year_figures *f;
	const struct provider	*p = s->provider;
	char			*t;
	size_t			 u;

	put_str(x, sh, r, NC_IDENT, s->ident.s, x->f_top_text);
	put_wrap(x, sh, r, NC_NAME, s->name.s, false);
	if (p != NULL) {
		put_wrap(x, sh, r, NC_PROVIDER, p->name.s, false);
		put_str(x, sh, r, NC_ICO, p->ico.s, x->f_top_text);
	}
	if (s->type->para != NULL) {
		buf_reset(&x->b);
		buf_printf(&x->b, "§ %s", s->type->para);
		put_str(x, sh, r, NC_PARA, buf_str(&x->b), x->f_top);
	}
	put_wrap(x, sh, r, NC_TYPE, s->type->name, false);
	put_wrap(x, sh, r, NC_GROUP, cb_group_label(s->type->group), false);
	t = changes_field_text(s, "formy");
	put_wrap(x, sh, r, NC_FORMS, t, false);
	free(t);
	t = changes_field_text(s, "obce poskytování");
	put_wrap(x, sh, r, NC_MUNIS, t, false);
	free(t);
	t = places_text(s);
	put_wrap(x, sh, r, NC_PLACES, t, false);
	free(t);
	t = changes_field_text(s, "cílové skupiny");
	put_wrap(x, sh, r, NC_TARGETS, t, false);
	free(t);
	t = changes_field_text(s, "věkové skupiny");
	put_wrap(x, sh, r, NC_AGES, t, false);
	free(t);
	for (u = 0; u < x->st->nunits; u++)
		if (mask & (1u << u))
			put_num(x, sh, r, (lxw_col_t)(NC_CAP + u),
			    (double)cap[u], x->f_top_int);
	if (x->st->ref_year != 0 &&
	    (f = stats_service_year(s, x->st->ref_year)) != NULL) {
		if (f->clients >= 0)
			put_num(x, sh, r, x->nc_clients, (double)f->clients,
			    x->f_top_int);
		if (f->fte_direct >= 0)
			put_num(x, sh, r, x->nc_fte_direct,
			    (double)f->fte_direct / 100.0, x->f_top_fte);
		if (f->fte_other >= 0)
			put_num(x, sh, r, x->nc_fte_other,
			    (double)f->fte_other / 100.0, x->f_top_fte);
	}
	if (s->from.y != 0) {
		lxw_datetime	 dt = { s->from.y, s->from.m, s->from.d, 0, 0, 0 };

		CHECK(x, worksheet_write_datetime(sh->ws, r, x->nc_from, &dt,
		    x->f_top_date));
		widen(sh, x->nc_from, 10);
	}
	t = muni_key(s);
	put_str(x, sh, r, x->nc_key_muni, t, NULL);
	free(t);
	t = target_key(s);
	put_str(x, sh, r, x->nc_key_target, t, NULL);
	free(t);
}

/* A workbook-wide name for rows net_first..net_last of a network column. */
static void
define_column(struct xl *x, const char *name, lxw_col_t c)
{
	CHECK(x, workbook_define_name(x->wb, name, range_text(x,
	    SHEET_NETWORK, x->net_first, x->net_last, c, c)));
}

/*
 * An Excel table (filters, banded rows) over rows first..last with these
 * column headers, which worksheet_add_table writes itself. Headers count
 * for the widths, with room for the filter button.
 */
static void
add_table(struct xl *x, struct sheet *sh, const char *name, lxw_row_t first,
    lxw_row_t last, const char *const *heads, size_t n)
{
	lxw_table_column	*cols = xcalloc(n, sizeof *cols);
	lxw_table_column	**colp = xcalloc(n + 1, sizeof *colp);
	lxw_table_options	 opts = { 0 };
	size_t			 i;

	for (i = 0; i < n; i++) {
		cols[i].header = keep(x, heads[i]);
		cols[i].header_format = x->f_head;
		colp[i] = &cols[i];
		put_wrap(x, sh, first, (lxw_col_t)i, heads[i], true);
		widen(sh, (lxw_col_t)i, (double)utf8_count(heads[i],
		    strlen(heads[i])) * 1.15 + 2);
	}
	opts.name = keep(x, name);
	opts.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
	opts.style_type_number = 9;
	opts.columns = colp;
	CHECK(x, worksheet_add_table(sh->ws, first, 0, last,
	    (lxw_col_t)(n - 1), &opts));
	free(cols);
	free(colp);
}

/* Lays out the network's columns and names them into head[]. */
static size_t
network_columns(struct xl *x, const char **head)
{
	lxw_col_t	 col;
	size_t		 i;
	int		 y = x->st->ref_year;

	x->nc_clients = x->nc_fte_direct = x->nc_fte_other = 0;
	col = (lxw_col_t)(NC_CAP + x->st->nunits);
	if (y != 0) {
		x->nc_clients = col++;
		x->nc_fte_direct = col++;
		x->nc_fte_other = col++;
	}
	x->nc_from = col++;
	x->nc_key_muni = col++;
	x->nc_key_target = col;
	x->nc_last = col;

	head[NC_IDENT] = "Identifikátor";
	head[NC_NAME] = "Název služby";
	head[NC_PROVIDER] = "Poskytovatel";
	head[NC_ICO] = "IČO";
	head[NC_PARA] = "§";
	head[NC_TYPE] = "Druh služby";
	head[NC_GROUP] = "Skupina";
	head[NC_FORMS] = "Formy";
	head[NC_MUNIS] = "Obce";
	head[NC_PLACES] = "Místa poskytování";
	head[NC_TARGETS] = "Cílové skupiny";
	head[NC_AGES] = "Věkové skupiny";
	for (i = 0; i < x->st->nunits; i++)
		head[NC_CAP + i] = capitalised(x,
		    cb_at(CB_UNIT, i)->short_label);
	if (y != 0) {
		buf_reset(&x->b);
		buf_printf(&x->b, "Uživatelé %d", y);
		head[x->nc_clients] = keep(x, buf_str(&x->b));
		buf_reset(&x->b);
		buf_printf(&x->b, "Úvazky v přímé péči %d", y);
		head[x->nc_fte_direct] = keep(x, buf_str(&x->b));
		buf_reset(&x->b);
		buf_printf(&x->b, "Úvazky ostatní %d", y);
		head[x->nc_fte_other] = keep(x, buf_str(&x->b));
	}
	head[x->nc_from] = "Registrace od";
	head[x->nc_key_muni] = "Klíč obcí";
	head[x->nc_key_target] = "Klíč cílových skupin";
	return (size_t)x->nc_last + 1;
}

/* Workbook-wide names for the columns the formulas use. */
static void
network_names(struct xl *x)
{
	size_t	 i;

	define_column(x, "Sit_Identifikator", NC_IDENT);
	define_column(x, "Sit_Paragraf", NC_PARA);
	define_column(x, "Sit_Druh", NC_TYPE);
	define_column(x, "Sit_Skupina", NC_GROUP);
	define_column(x, "Sit_Formy", NC_FORMS);
	define_column(x, "Sit_Obce", x->nc_key_muni);
	define_column(x, "Sit_CiloveSkupiny", x->nc_key_target);
	for (i = 0; i < x->st->nunits; i++) {
		buf_reset(&x->b);
		buf_printf(&x->b, "Kap_%s", cb_at(CB_UNIT, i)->code);
		define_column(x, keep(x, buf_str(&x->b)),
		    (lxw_col_t)(NC_CAP + i));
	}
}

/*
 * Lines a text takes wrapped at spaces into width characters (a longer
 * word is broken). Column widths count 7-pixel digits and Czech text
 * averages less a letter, but LibreOffice's wider rendering (see
 * page_setup) fits only about the width in letters: that is the estimate.
 */
static int
wrap_lines(const char *s, double width)
{
	size_t	 cap = width > 2 ? (size_t)width : 1, line = 0, word;
	int	 lines = 1;
	const char *p = s, *q;

	while (*p != '\0') {
		for (q = p; *q != '\0' && *q != ' ' && *q != '\n'; q++)
			;
		word = utf8_count(p, (size_t)(q - p));
		if (line > 0 && line + 1 + word > cap) {
			lines++;
			line = 0;
		}
		line += (line > 0) + word;
		while (line > cap) {
			lines++;
			line -= cap;
		}
		if (*q == '\n') {
			lines++;
			line = 0;
		}
		p = *q != '\0' ? q + 1 : q;
	}
	return lines;
}

/*
 * Row heights for the wrapped texts, once the widths are set: not every
 * viewer fits rows to wrapped text on opening (LibreOffice does not), so
 * each row is made as tall as its longest text. Bold is a sixth wider.
 */
static void
fit_rows(struct xl *x, struct sheet *sh)
{
	size_t		 i, j;
	int		 lines, most;
	double		 w;
	lxw_row_t	 r;

	for (i = 0; i < sh->nwrap; i = j) {
		r = sh->wrap[i].r;
		for (most = 1, j = i; j < sh->nwrap && sh->wrap[j].r == r; j++) {
			w = sh->wrap[j].c < sh->ncolw ? sh->colw[sh->wrap[j].c] :
			    8.43;
			if (w <= 0)
				continue;	/* hidden */
			if (sh->wrap[j].bold)
				w /= 1.15;
			if ((lines = wrap_lines(sh->wrap[j].s, w)) > most)
				most = lines;
		}
		if (most > 27)
			most = 27;	/* rows are at most 409 points high */
		if (most > 1)
			CHECK(x, worksheet_set_row(sh->ws, r, 15 * most, NULL));
	}
}

/*
 * Column widths of the network sheet, in characters. Texts wrap within
 * their column (rows grow to fit on opening) rather than run to the
 * widest value: the sample's 56 services print on three A4 pages across
 * at 8.8 points (LibreOffice, more in Excel) instead of one page at 3 (see
 * page_setup). Numbers keep
 * their width; their headers wrap. A column narrower than its cap keeps
 * its content's width.
 */
static void
network_widths(struct xl *x, struct sheet *sh)
{
	static const double cap[NC_CAP] = {
		[NC_IDENT] = 14, [NC_NAME] = 28, [NC_PROVIDER] = 22,
		[NC_ICO] = 10, [NC_PARA] = 7, [NC_TYPE] = 22, [NC_GROUP] = 13,
		[NC_FORMS] = 13, [NC_MUNIS] = 16, [NC_PLACES] = 26,
		[NC_TARGETS] = 28, [NC_AGES] = 20
	};
	lxw_col_t	 c;
	double		 w;

	for (c = 0; c < x->nc_key_muni; c++) {
		w = c < (lxw_col_t)sh->nwidth ? sh->width[c] + 2 : 0;
		if (c < NC_CAP && w > cap[c])
			w = cap[c];
		else if (c >= NC_CAP && w > 11)
			w = 11;		/* numbers: the header wraps */
		if (w < 6)
			w = 6;
		set_width(x, sh, c, w);
	}
	/* one column at a time: overlapping <col> ranges make Excel repair */
	set_width_opt(x, sh, x->nc_key_muni, 20, true);
	set_width_opt(x, sh, x->nc_key_target, 20, true);
}

static void
sheet_network(struct xl *x)
{
	struct sheet		 *sh = x->network;
	const struct service	**v;
	struct print		  pr = { HEAD_ROW, HEAD_ROW, NC_NAME + 1, 3,
				    NULL, 0 };
	size_t			  n, i, ncols;
	char			  a[16], b[16], c1[16], c2[16];
	const char		 *head[NC_CAP + STATS_MAX_UNITS + 8];

	ncols = network_columns(x, head);
	buf_reset(&x->b);
	buf_puts(&x->b, "Síť sociálních služeb");
	if (x->e->territory.s != NULL)
		buf_printf(&x->b, " \xe2\x80\x93 %s", x->e->territory.s);
	put_title(x, sh, buf_str(&x->b));
	buf_reset(&x->b);
	buf_puts(&x->b, "Jeden řádek je jedna registrovaná služba. Kapacita "
	    "je uvedena zvlášť pro každou jednotku a nikdy se nesčítá napříč "
	    "jednotkami; u služby s více formami je součtem kapacit forem.");
	if (x->st->ref_year != 0)
		buf_printf(&x->b, " Uživatelé a úvazky za rok %d.",
		    x->st->ref_year);
	put_note(x, sh, 1, buf_str(&x->b));

	v = sorted_services(x->c, &n);
	x->net_first = HEAD_ROW + 1;
	x->net_last = HEAD_ROW + (lxw_row_t)(n > 0 ? n : 1);
	for (i = 0; i < n; i++)
		network_row(x, sh, x->net_first + (lxw_row_t)i, v[i]);
	free(v);
	add_table(x, sh, "SitSluzeb", HEAD_ROW, x->net_last, head, ncols);
	network_names(x);

	/* identifikátor and IČO are text on purpose: no green triangles */
	buf_reset(&x->b);
	buf_printf(&x->b, "%s:%s %s:%s",
	    ref(a, x->net_first, NC_IDENT, false, false),
	    ref(b, x->net_last, NC_IDENT, false, false),
	    ref(c1, x->net_first, NC_ICO, false, false),
	    ref(c2, x->net_last, NC_ICO, false, false));
	CHECK(x, worksheet_ignore_errors(sh->ws,
	    LXW_IGNORE_NUMBER_STORED_AS_TEXT, buf_str(&x->b)));

	worksheet_freeze_panes(sh->ws, HEAD_ROW + 1, 2);
	network_widths(x, sh);
	fit_rows(x, sh);
	page_setup(x, sh, &pr);
}

/* ---- services and capacities by type and municipality ---------------- */

/* "*|"&C$5&"|*": the criteria matching municipality column c. */
static const char *
muni_criteria(char *out, size_t outsz, lxw_row_t head, lxw_col_t c)
{
	char	 a[16];

	snprintf(out, outsz, "\"*|\"&%s&\"|*\"", ref(a, head, c, true, false));
	return out;
}

/*
 * One block: rows by type within groups with subtotals, columns by
 * municipality. unit < 0 counts services, else sums that unit's capacity.
 * Returns the next free row.
 */
static lxw_row_t
bytype_block(struct xl *x, struct sheet *sh, lxw_row_t r, int unit)
{
	const struct stats	*st = x->st;
	size_t			 g, t, m, nsub = 0, nm = x->nmuni_cols;
	lxw_row_t		 head, first, subs[STATS_NGROUPS];
	lxw_col_t		 c, cnone, ctotal;
	bool			 none = nm > 0 &&
				    st->by_muni[st->nmunis].services > 0;
	char			 crit[64], a[16], b[16], fn[64];
	const struct stats_cell	*cell;

#define VAL(cellp)	((double)(unit < 0 ? (cellp)->services : \
			    (cellp)->cap[unit]))
	cnone = (lxw_col_t)(2 + nm);
	ctotal = (lxw_col_t)(cnone + (none ? 1 : 0));
	if (unit < 0) {
		put_str(x, sh, r, 0, "Počet služeb", x->f_label);
		snprintf(fn, sizeof fn, "COUNTIFS(");
	} else {
		buf_reset(&x->b);
		buf_printf(&x->b, "Kapacita \xe2\x80\x93 %s",
		    cb_at(CB_UNIT, (size_t)unit)->short_label);
		put_str(x, sh, r, 0, buf_str(&x->b), x->f_label);
		snprintf(fn, sizeof fn, "SUMIFS(Kap_%s,",
		    cb_at(CB_UNIT, (size_t)unit)->code);
	}
	head = ++r;
	put_str(x, sh, head, 0, "§", x->f_head);
	put_str(x, sh, head, 1, "Druh služby", x->f_head);
	for (m = 0; m < nm; m++)
		put_str(x, sh, head, (lxw_col_t)(2 + m), st->munis[m], x->f_head);
	if (none)
		put_str(x, sh, head, cnone, "bez obce", x->f_head);
	put_str(x, sh, head, ctotal, "Celkem", x->f_head);
	r++;

	for (g = 0; g < STATS_NGROUPS; g++) {
		if (st->by_group[g].services == 0)
			continue;
		first = r;
		for (t = 0; t < st->ntypes; t++) {
			const struct cb_type *ty = cb_type_at(t);

			if ((size_t)ty->group != g ||
			    st->by_type[t].services == 0)
				continue;
			if (ty->para != NULL) {
				buf_reset(&x->b);
				buf_printf(&x->b, "§ %s", ty->para);
				put_str(x, sh, r, 0, buf_str(&x->b), NULL);
			}
			put_str(x, sh, r, 1, ty->name, NULL);
			ref(a, r, 1, false, true);
			for (m = 0; m < nm; m++) {
				c = (lxw_col_t)(2 + m);
				cell = stats_type_muni(st, t, m);
				put_formula(x, sh, r, c, x->f_dash, VAL(cell),
				    "=%sSit_Druh,%s,Sit_Obce,%s)", fn, a,
				    muni_criteria(crit, sizeof crit, head, c));
			}
			if (none)
				put_formula(x, sh, r, cnone, x->f_dash,
				    VAL(stats_type_muni(st, t, st->nmunis)),
				    "=%sSit_Druh,%s,Sit_Obce,\"|\")", fn, a);
			put_formula(x, sh, r, ctotal, x->f_dash,
			    VAL(&st->by_type[t]), "=%sSit_Druh,%s)", fn, a);
			r++;
		}
		buf_reset(&x->b);
		buf_printf(&x->b, "Celkem \xe2\x80\x93 %s", cb_group_label(g));
		CHECK(x, worksheet_write_blank(sh->ws, r, 0, x->f_sum_label));
		put_str(x, sh, r, 1, buf_str(&x->b), x->f_sum_label);
		for (c = 2; c <= ctotal; c++) {
			double v;

			m = c == cnone ? st->nmunis : (size_t)(c - 2);
			if (c == ctotal)
				v = VAL(&st->by_group[g]);
			else
				v = VAL(stats_group_muni(st, g, m));
			put_formula(x, sh, r, c, x->f_sum_dash, v,
			    "=SUM(%s:%s)", ref(a, first, c, false, false),
			    ref(b, r - 1, c, false, false));
		}
		subs[nsub++] = r++;
	}

	CHECK(x, worksheet_write_blank(sh->ws, r, 0, x->f_sum_label));
	put_str(x, sh, r, 1, "Celkem", x->f_sum_label);
	for (c = 2; c <= ctotal; c++) {
		double	 v;
		size_t	 k;

		m = c == cnone ? st->nmunis : (size_t)(c - 2);
		v = c == ctotal ? VAL(&st->total) : VAL(&st->by_muni[m]);
		buf_reset(&x->b);
		buf_puts(&x->b, "=");
		for (k = 0; k < nsub; k++)
			buf_printf(&x->b, "%s%s", k > 0 ? "+" : "",
			    ref(a, subs[k], c, false, false));
		if (nsub == 0)
			buf_puts(&x->b, "0");
		put_formula(x, sh, r, c, x->f_sum_dash, v, "%s", buf_str(&x->b));
	}
#undef VAL
	return r + 2;
}

/* Services by form × municipality (a service counts under each form). */
static lxw_row_t
form_block(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	const struct stats	*st = x->st;
	size_t			 f, m, nm = x->nmuni_cols;
	lxw_row_t		 head;
	lxw_col_t		 c, cnone, ctotal;
	bool			 none = nm > 0 &&
				    st->by_muni[st->nmunis].services > 0;
	char			 crit[64], a[16];

	cnone = (lxw_col_t)(2 + nm);
	ctotal = (lxw_col_t)(cnone + (none ? 1 : 0));
	put_str(x, sh, r, 0, "Počet služeb podle formy poskytování",
	    x->f_label);
	put_note(x, sh, r + 1, "Služba poskytovaná ve více formách se "
	    "započítá u každé z nich.");
	head = r += 2;
	put_str(x, sh, head, 0, "Forma", x->f_head);
	CHECK(x, worksheet_write_blank(sh->ws, head, 1, x->f_head));
	for (m = 0; m < nm; m++)
		put_str(x, sh, head, (lxw_col_t)(2 + m), st->munis[m], x->f_head);
	if (none)
		put_str(x, sh, head, cnone, "bez obce", x->f_head);
	put_str(x, sh, head, ctotal, "Celkem", x->f_head);
	r++;
	for (f = 0; f < st->nforms; f++) {
		if (st->by_form[f].services == 0)
			continue;
		put_str(x, sh, r, 0, cb_at(CB_FORM, f)->label, NULL);
		ref(a, r, 0, false, true);
		for (m = 0; m < nm; m++) {
			c = (lxw_col_t)(2 + m);
			put_formula(x, sh, r, c, x->f_dash,
			    (double)stats_form_muni(st, f, m)->services,
			    "=COUNTIFS(Sit_Formy,\"*\"&%s&\"*\",Sit_Obce,%s)",
			    a, muni_criteria(crit, sizeof crit, head, c));
		}
		if (none)
			put_formula(x, sh, r, cnone, x->f_dash,
			    (double)stats_form_muni(st, f, st->nmunis)->services,
			    "=COUNTIFS(Sit_Formy,\"*\"&%s&\"*\",Sit_Obce,\"|\")",
			    a);
		put_formula(x, sh, r, ctotal, x->f_dash,
		    (double)st->by_form[f].services,
		    "=COUNTIFS(Sit_Formy,\"*\"&%s&\"*\")", a);
		r++;
	}
	return r + 1;
}

static void
sheet_bytype(struct xl *x)
{
	struct sheet	*sh = x->bytype;
	struct print	 pr = { -1, -1, 2, 3, NULL, 0 };
	lxw_row_t	 r, prev, breaks[STATS_MAX_UNITS + 2];
	size_t		 u, i, nb = 0;

	put_title(x, sh, "Služby a kapacity podle druhu a obce");
	put_note(x, sh, 1, "Vzorce nad listem Síť služeb (COUNTIFS, SUMIFS): "
	    "po úpravě sítě se tabulky přepočítají. Kapacity různých jednotek "
	    "se nesčítají.");
	x->nmuni_cols = x->st->nmunis <= MAX_MUNI_COLUMNS ? x->st->nmunis : 0;
	if (x->nmuni_cols > 0)
		put_note(x, sh, 2, "Služba s místy poskytování ve více obcích "
		    "se započítá v každé z nich s celou kapacitou, ve sloupci "
		    "Celkem jen jednou; součet obcí tak může být vyšší než "
		    "Celkem.");
	else if (x->st->nmunis > 0) {
		buf_reset(&x->b);
		buf_printf(&x->b, "Služby jsou v %zu obcích, příliš mnoha na "
		    "sloupce: tabulky uvádějí jen součty (obce viz list Síť "
		    "služeb).", x->st->nmunis);
		put_note(x, sh, 2, buf_str(&x->b));
	}
	r = bytype_block(x, sh, 4, -1);
	for (u = 0; u < x->st->nunits; u++)
		if (x->st->units_used & (1u << u)) {
			breaks[nb++] = r;
			r = bytype_block(x, sh, r, (int)u);
		}
	breaks[nb++] = r;
	r = form_block(x, sh, r);
	/* every block starts a page, under its own header row */
	for (i = 0, prev = 0; i < nb; prev = breaks[i++])
		if (breaks[i] - prev > pr.block_rows)
			pr.block_rows = breaks[i] - prev;
	if (r - prev > pr.block_rows)
		pr.block_rows = r - prev;
	breaks[nb] = 0;
	pr.breaks = breaks;
	fit_columns(x, sh, 9, 24);
	set_width(x, sh, 0, 8);
	set_width(x, sh, 1, 60);
	worksheet_freeze_panes(sh->ws, 0, 2);
	page_setup(x, sh, &pr);
}

/* ---- capacities -------------------------------------------------------- */

/* A header row of texts starting at column 0. */
static void
head_row(struct xl *x, struct sheet *sh, lxw_row_t r, const char *const *v,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		put_str(x, sh, r, (lxw_col_t)i, v[i], x->f_head);
}

/* The used units' short labels as header cells from column c on. */
static void
unit_heads(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c)
{
	size_t	 u;

	for (u = 0; u < x->st->nunits; u++)
		if (x->st->units_used & (1u << u))
			put_str(x, sh, r, c++, capitalised(x,
			    cb_at(CB_UNIT, u)->short_label), x->f_head);
}

static lxw_row_t
capacity_units(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	static const char *const heads[] = {
		"Jednotka kapacity", "Kapacita celkem", "Počet služeb"
	};
	size_t	 u;

	put_str(x, sh, r, 0, "Kapacita podle jednotky", x->f_label);
	head_row(x, sh, ++r, heads, NELEM(heads));
	r++;
	for (u = 0; u < x->st->nunits; u++) {
		if (!(x->st->units_used & (1u << u)))
			continue;
		put_str(x, sh, r, 0, cb_at(CB_UNIT, u)->label, NULL);
		put_formula(x, sh, r, 1, x->f_int,
		    (double)x->st->total.cap[u], "=SUM(Kap_%s)",
		    cb_at(CB_UNIT, u)->code);
		put_formula(x, sh, r, 2, x->f_int,
		    (double)x->st->unit_services[u], "=COUNT(Kap_%s)",
		    cb_at(CB_UNIT, u)->code);
		r++;
	}
	return r + 1;
}

static lxw_row_t
capacity_forms(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	static const char *const heads[] = { "Forma", "Počet služeb" };
	size_t	 f, u;
	lxw_col_t c;

	put_str(x, sh, r, 0, "Kapacita podle formy poskytování", x->f_label);
	put_note(x, sh, r + 1, "Kapacity registrované u jednotlivých forem "
	    "(hodnoty, ne vzorce: list Síť služeb má kapacitu za celou "
	    "službu).");
	r += 2;
	head_row(x, sh, r, heads, NELEM(heads));
	unit_heads(x, sh, r, 2);
	r++;
	for (f = 0; f < x->st->nforms; f++) {
		if (x->st->by_form[f].services == 0)
			continue;
		put_str(x, sh, r, 0, cb_at(CB_FORM, f)->label, NULL);
		put_num(x, sh, r, 1, (double)x->st->by_form[f].services,
		    x->f_int);
		for (u = 0, c = 2; u < x->st->nunits; u++)
			if (x->st->units_used & (1u << u))
				put_num(x, sh, r, c++,
				    (double)x->st->by_form[f].cap[u], x->f_dash);
		r++;
	}
	return r + 1;
}

static lxw_row_t
capacity_targets(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	static const char *const heads[] = { "Cílová skupina", "Počet služeb" };
	size_t		 t, u;
	lxw_col_t	 c;
	const struct cb_item *item;

	put_str(x, sh, r, 0, "Kapacita podle cílové skupiny", x->f_label);
	put_note(x, sh, r + 1, "Služba pro více cílových skupin se započítá "
	    "u každé z nich s celou kapacitou, proto sloupce nemají součet.");
	r += 2;
	head_row(x, sh, r, heads, NELEM(heads));
	unit_heads(x, sh, r, 2);
	r++;
	for (t = 0; t < x->st->ntargets; t++) {
		if (x->st->by_target[t].services == 0)
			continue;
		item = cb_at(CB_TARGET, t);
		put_str(x, sh, r, 0, item->label, NULL);
		put_formula(x, sh, r, 1, x->f_int,
		    (double)x->st->by_target[t].services,
		    "=COUNTIFS(Sit_CiloveSkupiny,\"*|%s|*\")", item->code);
		for (u = 0, c = 2; u < x->st->nunits; u++)
			if (x->st->units_used & (1u << u))
				put_formula(x, sh, r, c++, x->f_dash,
				    (double)x->st->by_target[t].cap[u],
				    "=SUMIFS(Kap_%s,Sit_CiloveSkupiny,"
				    "\"*|%s|*\")", cb_at(CB_UNIT, u)->code,
				    item->code);
		r++;
	}
	return r + 1;
}

/* The capacity formula of a rate: SUMIFS per § or per group. */
static void
rate_formula(struct xl *x, const struct stats_rate_def *d, struct buf *b)
{
	size_t	 i;

	buf_reset(b);
	buf_puts(b, "=");
	if (d->unit == NULL) {
		if (d->paras[0] == NULL && d->group < 0)
			buf_puts(b, "COUNTA(Sit_Druh)");
		else if (d->paras[0] == NULL)
			buf_printf(b, "COUNTIFS(Sit_Skupina,\"%s\")",
			    cb_group_label((enum svc_group)d->group));
		for (i = 0; d->paras[i] != NULL; i++)
			buf_printf(b, "%sCOUNTIFS(Sit_Paragraf,\"§ %s\")",
			    i > 0 ? "+" : "", d->paras[i]);
		return;
	}
	if (d->paras[0] == NULL && d->group < 0)
		buf_printf(b, "SUM(Kap_%s)", d->unit);
	else if (d->paras[0] == NULL)
		buf_printf(b, "SUMIFS(Kap_%s,Sit_Skupina,\"%s\")", d->unit,
		    cb_group_label((enum svc_group)d->group));
	for (i = 0; d->paras[i] != NULL; i++)
		buf_printf(b, "%sSUMIFS(Kap_%s,Sit_Paragraf,\"§ %s\")",
		    i > 0 ? "+" : "", d->unit, d->paras[i]);
}

static lxw_row_t
capacity_rates(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	static const char *const pop_labels[] = {
		"Obyvatelé celkem", "Obyvatelé ve věku 65 a více let",
		"Obyvatelé ve věku 80 a více let"
	};
	static const char *const pop_names[] = {
		"Obyv_celkem", "Obyv_65", "Obyv_80"
	};
	static const char *const heads[] = {
		"Ukazatel", "Kapacita", "Počet obyvatel", "Na 1 000 obyvatel"
	};
	const struct edition_count *pops[3] = {
		&x->e->population.total, &x->e->population.over65,
		&x->e->population.over80
	};
	struct buf	 f = { 0 };
	size_t		 i, any = 0;
	char		 a[16], b[16];

	for (i = 0; i < 3; i++)
		if (pops[i]->n > 0)
			any++;
	if (any == 0)
		return r;
	put_str(x, sh, r, 0, "Dostupnost na 1 000 obyvatel", x->f_label);
	put_note(x, sh, r + 1, "Počty obyvatel podle vydání (obyvatele); "
	    "kapacita ze sítě služeb.");
	r += 2;
	for (i = 0; i < 3; i++) {
		if (pops[i]->n <= 0)
			continue;
		put_str(x, sh, r, 0, pop_labels[i], NULL);
		put_num(x, sh, r, 2, (double)pops[i]->n, x->f_int);
		CHECK(x, workbook_define_name(x->wb, pop_names[i],
		    range_text(x, SHEET_CAPACITY, r, r, 2, 2)));
		r++;
	}
	r++;
	head_row(x, sh, r, heads, NELEM(heads));
	r++;
	for (i = 0; i < x->st->nrates; i++) {
		const struct stats_rate *rt = &x->st->rates[i];

		if (rt->population <= 0)
			continue;
		put_str(x, sh, r, 0, rt->def->label, NULL);
		rate_formula(x, rt->def, &f);
		put_formula(x, sh, r, 1, x->f_int, (double)rt->value, "%s",
		    buf_str(&f));
		put_formula(x, sh, r, 2, x->f_int, (double)rt->population,
		    "=%s", pop_names[rt->def->pop]);
		put_formula(x, sh, r, 3, x->f_rate, rt->per1000, "=%s*1000/%s",
		    ref(a, r, 1, false, false), ref(b, r, 2, false, false));
		r++;
	}
	buf_free(&f);
	return r + 1;
}

static lxw_row_t
capacity_years(struct xl *x, struct sheet *sh, lxw_row_t r)
{
	static const char *const heads[] = {
		"Rok", "Služby s údaji", "Uživatelé", "Úvazky v přímé péči",
		"Úvazky ostatní", "Úvazky celkem"
	};
	size_t		 i;
	char		 a[16], b[16];

	if (x->st->nyears == 0)
		return r;
	put_str(x, sh, r, 0, "Uživatelé a personál podle roku", x->f_label);
	put_note(x, sh, r + 1, "Součty ročních údajů služeb, které je "
	    "uvedly (úvazky jako přepočtené úvazky).");
	r += 2;
	head_row(x, sh, r, heads, NELEM(heads));
	r++;
	for (i = 0; i < x->st->nyears; i++) {
		const struct stats_year *y = &x->st->years[i];

		put_num(x, sh, r, 0, (double)y->year, NULL);
		put_num(x, sh, r, 1, (double)y->services, x->f_int);
		put_num(x, sh, r, 2, (double)y->clients, x->f_int);
		put_num(x, sh, r, 3, (double)y->fte_direct / 100.0, x->f_fte);
		put_num(x, sh, r, 4, (double)y->fte_other / 100.0, x->f_fte);
		put_formula(x, sh, r, 5, x->f_fte, (double)y->fte_direct /
		    100.0 + (double)y->fte_other / 100.0, "=%s+%s",
		    ref(a, r, 3, false, false), ref(b, r, 4, false, false));
		r++;
	}
	return r + 1;
}

static void
sheet_capacity(struct xl *x)
{
	struct sheet	*sh = x->capacity;
	lxw_row_t	 r;

	put_title(x, sh, "Kapacity služeb");
	put_note(x, sh, 1, "Kapacita se počítá za registraci (ne za místo "
	    "poskytování); lůžka, klienti, intervence, kontakty a hovory se "
	    "nikdy nesčítají.");
	r = capacity_units(x, sh, 3);
	r = capacity_forms(x, sh, r);
	r = capacity_targets(x, sh, r);
	r = capacity_rates(x, sh, r);
	capacity_years(x, sh, r);
	fit_columns(x, sh, 10, 16);
	set_width(x, sh, 0, 60);
	page_setup_simple(x, sh, -1, -1);
}

/* ---- funding ------------------------------------------------------------ */

/* A header row: label, then the years as numbers. */
static void
year_heads(struct xl *x, struct sheet *sh, lxw_row_t r, const char *label)
{
	size_t	 i;

	put_str(x, sh, r, 0, label, x->f_head);
	for (i = 0; i < x->st->nyears; i++)
		put_num(x, sh, r, (lxw_col_t)(1 + i),
		    (double)x->st->years[i].year, x->f_head_year);
}

static void
funding_chart(struct xl *x, struct sheet *sh, lxw_row_t head,
    lxw_row_t first, lxw_row_t at)
{
	lxw_chart		*ch;
	lxw_chart_series	*se;
	lxw_chart_options	 opt = { 0 };
	size_t			 f, i;
	lxw_col_t		 last = (lxw_col_t)x->st->nyears;
	long long		 sum;

	if ((ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN_STACKED)) == NULL) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_chart",
		    __LINE__);
		return;
	}
	for (f = 0; f < x->st->nfunds; f++) {
		for (i = 0, sum = 0; i < x->st->nyears; i++)
			sum += x->st->years[i].revenue[f];
		if (sum == 0)
			continue;
		if ((se = chart_add_series(ch, NULL, NULL)) == NULL) {
			check(x, LXW_ERROR_MEMORY_MALLOC_FAILED,
			    "chart_add_series", __LINE__);
			return;
		}
		chart_series_set_categories(se, SHEET_FUNDING, head, 1, head,
		    last);
		chart_series_set_values(se, SHEET_FUNDING,
		    first + (lxw_row_t)f, 1, first + (lxw_row_t)f, last);
		chart_series_set_name_range(se, SHEET_FUNDING,
		    first + (lxw_row_t)f, 0);
	}
	chart_title_set_name(ch, "Výnosy podle zdroje financování a roku");
	chart_axis_set_name(ch->y_axis, "Kč");
	chart_axis_set_num_format(ch->y_axis, "#,##0");
	chart_axis_set_name(ch->x_axis, "Rok");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	opt.x_scale = 2.0;
	opt.y_scale = 1.6;
	opt.description = unconst("Sloupcový graf: výnosy sociálních služeb "
	    "podle zdroje financování, po letech.");
	CHECK(x, worksheet_insert_chart_opt(sh->ws, at, 0, ch, &opt));
}

/* Revenue by source (rows) and year (columns); returns the total's row. */
static lxw_row_t
funding_revenue(struct xl *x, struct sheet *sh, lxw_row_t head)
{
	const struct stats	*st = x->st;
	size_t			 f, i, n = st->nyears;
	lxw_row_t		 r, first = head + 1;
	lxw_col_t		 c;
	char			 a[16], b[16];

	year_heads(x, sh, head, "Zdroj financování");
	for (f = 0, r = first; f < st->nfunds; f++, r++) {
		put_str(x, sh, r, 0, cb_at(CB_FUND, f)->label, NULL);
		for (i = 0; i < n; i++)
			put_num(x, sh, r, (lxw_col_t)(1 + i),
			    (double)st->years[i].revenue[f] / 100.0, x->f_kc);
	}
	put_str(x, sh, r, 0, "Výnosy celkem", x->f_sum_label);
	for (i = 0; i < n; i++) {
		c = (lxw_col_t)(1 + i);
		put_formula(x, sh, r, c, x->f_sum_kc,
		    (double)st->years[i].revenue_total / 100.0, "=SUM(%s:%s)",
		    ref(a, first, c, false, false),
		    ref(b, r - 1, c, false, false));
	}
	CHECK(x, workbook_define_name(x->wb, "Fin_Roky", range_text(x,
	    SHEET_FUNDING, head, head, 1, (lxw_col_t)n)));
	CHECK(x, workbook_define_name(x->wb, "Fin_Vynosy", range_text(x,
	    SHEET_FUNDING, first, r - 1, 1, (lxw_col_t)n)));
	CHECK(x, workbook_define_name(x->wb, "Fin_VynosyCelkem", range_text(x,
	    SHEET_FUNDING, r, r, 1, (lxw_col_t)n)));
	return r;
}

/* Each source's share of the year's revenue; returns the next free row. */
static lxw_row_t
funding_shares(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_row_t first,
    lxw_row_t tot)
{
	const struct stats	*st = x->st;
	size_t			 f, i;
	lxw_col_t		 c;
	char			 a[16], b[16];

	put_str(x, sh, r, 0, "Podíl zdrojů na výnosech", x->f_label);
	year_heads(x, sh, ++r, "Zdroj financování");
	r++;
	for (f = 0; f < st->nfunds; f++, r++) {
		put_str(x, sh, r, 0, cb_at(CB_FUND, f)->label, NULL);
		for (i = 0; i < st->nyears; i++) {
			double total = (double)st->years[i].revenue_total / 100.0;

			if (st->years[i].revenue_total == 0)
				continue;
			c = (lxw_col_t)(1 + i);
			put_formula(x, sh, r, c, x->f_pct,
			    (double)st->years[i].revenue[f] / 100.0 / total,
			    "=%s/%s", ref(a, first + (lxw_row_t)f, c, false,
			    false), ref(b, tot, c, true, false));
		}
	}
	return r + 1;
}

/* Costs against revenue per year; returns the next free row. */
static lxw_row_t
funding_costs(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_row_t tot)
{
	const struct stats	*st = x->st;
	size_t			 i, n = st->nyears;
	lxw_row_t		 cost, pers, rev;
	lxw_col_t		 c;
	char			 a[16], b[16];

	put_str(x, sh, r, 0, "Náklady a výnosy (Kč)", x->f_label);
	year_heads(x, sh, ++r, "Ukazatel");
	cost = ++r;
	pers = cost + 1;
	rev = cost + 2;
	put_str(x, sh, cost, 0, "Náklady celkem", NULL);
	put_str(x, sh, pers, 0, "z toho osobní náklady", NULL);
	put_str(x, sh, rev, 0, "Výnosy celkem", NULL);
	put_str(x, sh, rev + 1, 0, "Výnosy minus náklady", x->f_sum_label);
	put_str(x, sh, rev + 2, 0, "Krytí nákladů výnosy", NULL);
	put_str(x, sh, rev + 3, 0, "Služby s ročními údaji", NULL);
	put_str(x, sh, rev + 4, 0, "z toho s údaji o nákladech", NULL);
	put_str(x, sh, rev + 5, 0, "z toho s údaji o výnosech", NULL);
	for (i = 0; i < n; i++) {
		const struct stats_year *y = &st->years[i];
		double	 kc_cost = (double)y->costs / 100.0;
		double	 kc_rev = (double)y->revenue_total / 100.0;

		c = (lxw_col_t)(1 + i);
		put_num(x, sh, cost, c, kc_cost, x->f_kc);
		put_num(x, sh, pers, c, (double)y->costs_personnel / 100.0,
		    x->f_kc);
		put_formula(x, sh, rev, c, x->f_kc, kc_rev, "=%s",
		    ref(a, tot, c, false, false));
		put_formula(x, sh, rev + 1, c, x->f_sum_kc, kc_rev - kc_cost,
		    "=%s-%s", ref(a, rev, c, false, false),
		    ref(b, cost, c, false, false));
		if (y->costs > 0)
			put_formula(x, sh, rev + 2, c, x->f_pct,
			    kc_rev / kc_cost, "=%s/%s",
			    ref(a, rev, c, false, false),
			    ref(b, cost, c, false, false));
		put_num(x, sh, rev + 3, c, (double)y->services, x->f_int);
		put_num(x, sh, rev + 4, c, (double)y->costs_given, x->f_int);
		put_num(x, sh, rev + 5, c, (double)y->revenue_given, x->f_int);
	}
	return rev + 7;
}

static void
sheet_funding(struct xl *x)
{
	struct sheet	*sh = x->funding;
	lxw_row_t	 r, tot;

	put_title(x, sh, "Financování sociálních služeb podle zdroje");
	put_note(x, sh, 1, "Výnosy a náklady podle ročních výkazů "
	    "poskytovatelů (ukazatele), v Kč; součet za služby, které údaje "
	    "uvedly.");
	if (x->st->nyears == 0) {
		put_str(x, sh, 3, 0, "Údaje o financování služeb nejsou k "
		    "dispozici.", NULL);
		set_width(x, sh, 0, 60);
		page_setup_simple(x, sh, -1, -1);
		return;
	}
	put_str(x, sh, 3, 0, "Výnosy podle zdroje (Kč)", x->f_label);
	tot = funding_revenue(x, sh, 4);
	r = funding_shares(x, sh, tot + 2, 5, tot);
	r = funding_costs(x, sh, r, tot);
	funding_chart(x, sh, 4, 5, r);
	fit_columns(x, sh, 10, 18);
	set_width(x, sh, 0, 46);
	page_setup_simple(x, sh, -1, -1);
}

/* ---- indicators --------------------------------------------------------- */

static void
put_amount(struct xl *x, struct sheet *sh, lxw_row_t r, lxw_col_t c,
    const struct edition_amount *v)
{
	if (v->present)
		put_num(x, sh, r, c, (double)v->x100 / 100.0,
		    v->x100 % 100 == 0 ? x->f_int : x->f_fte);
}

static void
sheet_indicators(struct xl *x)
{
	static const char *const heads[] = {
		"Kód", "Název indikátoru", "Měrná jednotka", "Výchozí hodnota",
		"Cílová hodnota", "Dosažená hodnota", "Plnění",
		"Zdroj ověření"
	};
	struct sheet		*sh = x->indicators;
	size_t			 i, n = x->e->nindicators;
	lxw_row_t		 r;
	char			 a[16], b[16];

	put_title(x, sh, "Monitorovací indikátory (ESF, OPZ+)");
	put_note(x, sh, 1, "Hodnoty podle vydání; plnění je dosažená hodnota "
	    "vydělená cílovou.");
	for (i = 0; i < n; i++) {
		const struct edition_indicator *in = &x->e->indicators[i];

		r = HEAD_ROW + 1 + (lxw_row_t)i;
		put_str(x, sh, r, 0, in->code.s, x->f_text);
		put_wrap(x, sh, r, 1, in->name.s, false);
		put_wrap(x, sh, r, 2, in->unit.s, false);
		put_amount(x, sh, r, 3, &in->baseline);
		put_amount(x, sh, r, 4, &in->target);
		put_amount(x, sh, r, 5, &in->achieved);
		if (in->target.present && in->achieved.present &&
		    in->target.x100 > 0)
			put_formula(x, sh, r, 6, x->f_pct,
			    ((double)in->achieved.x100 / 100.0) /
			    ((double)in->target.x100 / 100.0), "=%s/%s",
			    ref(a, r, 5, false, false),
			    ref(b, r, 4, false, false));
		put_wrap(x, sh, r, 7, in->source.s, false);
	}
	add_table(x, sh, "Indikatory", HEAD_ROW,
	    HEAD_ROW + (lxw_row_t)(n > 0 ? n : 1), heads, NELEM(heads));
	worksheet_freeze_panes(sh->ws, HEAD_ROW + 1, 0);
	/* names and sources wrap, the numbers' headers too: one page wide */
	fit_columns(x, sh, 8, 12);
	set_width(x, sh, 1, sh->width[1] + 3 > 40 ? 40 : sh->width[1] + 3);
	set_width(x, sh, 7, sh->width[7] + 3 > 30 ? 30 : sh->width[7] + 3);
	fit_rows(x, sh);
	page_setup_simple(x, sh, HEAD_ROW, HEAD_ROW);
}

/* ---- changes ------------------------------------------------------------ */

static void
change_row(struct xl *x, struct sheet *sh, lxw_row_t r, const struct change *ch)
{
	static const char *const kinds[] = {
		"nová služba", "ukončená služba", "změna údaje"
	};
	const struct service	*s = ch->now != NULL ? ch->now : ch->before;
	char			*t;

	put_str(x, sh, r, 0, kinds[ch->kind], NULL);
	put_str(x, sh, r, 1, s->ident.s, x->f_text);
	put_wrap(x, sh, r, 2, s->name.s, false);
	t = changes_field_text(s, "druh");
	put_wrap(x, sh, r, 3, t, false);
	free(t);
	if (s->provider != NULL)
		put_wrap(x, sh, r, 4, s->provider->name.s, false);
	if (ch->kind == CHANGE_FIELD) {
		put_wrap(x, sh, r, 5, ch->field, false);
		put_wrap(x, sh, r, 6, ch->was, false);
		put_wrap(x, sh, r, 7, ch->is, false);
		return;
	}
	/* a new or ended service: what capacity came or went */
	put_wrap(x, sh, r, 5, "kapacita", false);
	t = changes_field_text(s, "kapacita");
	put_wrap(x, sh, r, ch->kind == CHANGE_NEW ? 7 : 6, t, false);
	free(t);
}

static void
sheet_changes(struct xl *x)
{
	static const char *const heads[] = {
		"Změna", "Identifikátor", "Název služby", "Druh služby",
		"Poskytovatel", "Údaj", "Dříve", "Nyní"
	};
	struct sheet		*sh = x->changes;
	const struct changes	*chs = x->in->changes;
	lxw_row_t		 head = 7, r;
	size_t			 i;
	char			 a[16], b[16];

	put_title(x, sh, "Změny oproti předchozímu vydání");
	buf_reset(&x->b);
	buf_puts(&x->b, "Porovnání podle identifikátoru služby s daty "
	    "předchozího vydání");
	if (x->in->previous != NULL && x->in->previous->data_date.y != 0) {
		buf_puts(&x->b, " (údaje k ");
		put_date(&x->b, &x->in->previous->data_date);
		buf_puts(&x->b, ")");
	}
	buf_puts(&x->b, "; sledují se název, poskytovatel, druh, formy, "
	    "kapacita, cílové a věkové skupiny, obce, územní působnost a "
	    "úhrada.");
	put_note(x, sh, 1, buf_str(&x->b));
	put_str(x, sh, 3, 0, "Nové služby", x->f_label);
	put_num(x, sh, 3, 1, (double)chs->nnew, x->f_int);
	put_str(x, sh, 4, 0, "Ukončené služby", x->f_label);
	put_num(x, sh, 4, 1, (double)chs->nended, x->f_int);
	put_str(x, sh, 5, 0, "Služby se změnou", x->f_label);
	put_num(x, sh, 5, 1, (double)chs->nchanged, x->f_int);
	for (i = 0; i < chs->n; i++)
		change_row(x, sh, head + 1 + (lxw_row_t)i, &chs->v[i]);
	r = head + (lxw_row_t)(chs->n > 0 ? chs->n : 1);
	add_table(x, sh, "Zmeny", head, r, heads, NELEM(heads));
	buf_reset(&x->b);
	buf_printf(&x->b, "%s:%s", ref(a, head + 1, 1, false, false),
	    ref(b, r, 1, false, false));
	CHECK(x, worksheet_ignore_errors(sh->ws,
	    LXW_IGNORE_NUMBER_STORED_AS_TEXT, buf_str(&x->b)));
	worksheet_freeze_panes(sh->ws, head + 1, 0);
	/* the texts wrap: one page wide (see page_setup) */
	fit_columns(x, sh, 8, 22);
	set_width(x, sh, 0, 16);
	set_width(x, sh, 1, 14);
	fit_rows(x, sh);
	page_setup_simple(x, sh, (int)head, (int)head);
}

/* ---- contents ------------------------------------------------------------- */

/* A label in column A and a text in column B. */
static void
pair(struct xl *x, struct sheet *sh, lxw_row_t r, const char *label,
    const char *text)
{
	put_str(x, sh, r, 0, label, x->f_label);
	put_str(x, sh, r, 1, text, x->f_wrap);
}

/*
 * A wrapped text in column B (100 characters wide), its row made tall
 * enough: libxlsxwriter cannot measure text, and not every viewer fits
 * row heights on opening.
 */
static void
paragraph(struct xl *x, struct sheet *sh, lxw_row_t r, const char *text)
{
	size_t	 chars = utf8_count(text, strlen(text));
	double	 lines = (double)(chars / 85 + 1);

	if (lines > 27)
		lines = 27;	/* rows are at most 409 points high */

	write_text(x, sh, r, 1, text, x->f_wrap);
	if (lines > 1)
		CHECK(x, worksheet_set_row(sh->ws, r, 15 * lines, NULL));
}

static void
sheet_contents(struct xl *x)
{
	struct sheet		*sh = x->contents;
	const struct edition	*e = x->e;
	lxw_row_t		 r = 3;
	size_t			 i;

	buf_reset(&x->b);
	buf_printf(&x->b, "%s \xe2\x80\x93 statistické přílohy",
	    e->title.s != NULL ? e->title.s : "Mapa pomoci");
	put_title(x, sh, buf_str(&x->b));
	write_text(x, sh, 1, 0, e->subtitle.s, NULL);
	pair(x, sh, r++, "Území", e->territory.s);
	buf_reset(&x->b);
	if (e->edition_no.s != NULL)
		buf_puts(&x->b, e->edition_no.s);
	if (e->year.s != NULL)
		buf_printf(&x->b, "%s%s", x->b.len > 0 ? ", " : "", e->year.s);
	if (x->b.len > 0)
		pair(x, sh, r++, "Vydání", buf_str(&x->b));
	if (e->data_date.y != 0) {
		put_str(x, sh, r, 0, "Údaje k", x->f_label);
		put_date_cell(x, sh, r++, 1, &e->data_date);
	}
	pair(x, sh, r++, "Vydavatel", e->issuer.name.s);
	put_str(x, sh, r, 0, "Počet služeb", x->f_label);
	put_formula(x, sh, r++, 1, x->f_int_left, (double)x->st->nservices,
	    "=COUNTA(Sit_Druh)");
	put_str(x, sh, r, 0, "Počet poskytovatelů", x->f_label);
	put_num(x, sh, r++, 1, (double)x->st->nproviders, x->f_int_left);
	for (i = 0; i < e->imprint.nsources; i++)
		pair(x, sh, r++, i == 0 ? "Zdroje dat" : "",
		    e->imprint.sources[i].s);

	r++;
	put_str(x, sh, r, 0, "List", x->f_head);
	put_str(x, sh, r++, 1, "Obsah", x->f_head);
	for (i = 1; i < x->nsheets; i++, r++) {
		buf_reset(&x->b);
		buf_printf(&x->b, "internal:'%s'!A1", x->sheets[i].name);
		CHECK(x, worksheet_write_url_opt(sh->ws, r, 0, buf_str(&x->b),
		    NULL, x->sheets[i].name, NULL));
		paragraph(x, sh, r, x->sheets[i].about);
	}

	r++;
	put_str(x, sh, r++, 0, "Jak číst tabulky", x->f_label);
	paragraph(x, sh, r++, "Kapacita se počítá za registraci služby, ne za "
	    "místo poskytování: u služby s více formami je součtem kapacit "
	    "forem. Lůžka, klienti, intervence, kontakty a hovory se nikdy "
	    "nesčítají dohromady.");
	paragraph(x, sh, r++, "Obcí služby jsou obce jejích míst poskytování. "
	    "Služba s místy ve více obcích se v tabulkách podle obcí započítá v "
	    "každé z nich, v celkových součtech jen jednou.");
	paragraph(x, sh, r++, "Tabulky na listech Podle druhu a obce a "
	    "Kapacity jsou vzorce nad listem Síť služeb; po jeho úpravě se "
	    "přepočítají. Finanční údaje jsou součty ročních výkazů "
	    "poskytovatelů v Kč.");
	r++;
	buf_reset(&x->b);
	buf_printf(&x->b, "Vytvořeno programem mapa %s.", VERSION);
	put_note(x, sh, r, buf_str(&x->b));
	set_width(x, sh, 0, 26);
	set_width(x, sh, 1, 100);
	page_setup_simple(x, sh, -1, -1);
}

/* ---- the workbook ------------------------------------------------------- */

static struct sheet *
add_sheet(struct xl *x, const char *name, const char *about)
{
	struct sheet	*sh = &x->sheets[x->nsheets++];

	sh->name = name;
	sh->about = about;
	if ((sh->ws = workbook_add_worksheet(x->wb, name)) == NULL)
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED,
		    "workbook_add_worksheet", __LINE__);
	return sh;
}

static bool
add_sheets(struct xl *x)
{
	x->contents = add_sheet(x, SHEET_CONTENTS, NULL);
	x->network = add_sheet(x, SHEET_NETWORK, "jeden řádek na službu: "
	    "druh, poskytovatel, formy, obce, cílové skupiny, kapacita "
	    "podle jednotek, úvazky");
	x->bytype = add_sheet(x, SHEET_BYTYPE, "počty služeb a kapacity podle "
	    "druhu a obce, součty za poradenství, péči a prevenci, podle formy");
	x->capacity = add_sheet(x, SHEET_CAPACITY, "kapacita podle jednotky, "
	    "formy a cílové skupiny; dostupnost na 1 000 obyvatel; uživatelé "
	    "a úvazky podle roku");
	x->funding = add_sheet(x, SHEET_FUNDING, "výnosy podle zdroje a roku, "
	    "podíly zdrojů, náklady a výnosy, graf");
	if (x->e->nindicators > 0)
		x->indicators = add_sheet(x, SHEET_INDICATORS, "monitorovací "
		    "indikátory ESF / OPZ+: výchozí, cílová a dosažená "
		    "hodnota");
	if (x->in->changes != NULL)
		x->changes = add_sheet(x, SHEET_CHANGES, "nové, ukončené a "
		    "změněné služby oproti předchozímu vydání");
	return x->err == LXW_NO_ERROR;
}

/* Title, subject, author, dates: what a file manager shows. */
static void
set_properties(struct xl *x)
{
	lxw_doc_properties	 p = { 0 };
	struct buf		 title = { 0 }, subject = { 0 }, kw = { 0 };
	const struct edition	*e = x->e;

	buf_printf(&title, "%s \xe2\x80\x93 statistické přílohy",
	    e->title.s != NULL ? e->title.s : "Mapa pomoci");
	buf_puts(&subject, "Statistické přílohy ke katalogu sociálních služeb");
	buf_puts(&kw, "sociální služby, komunitní plánování, kapacity, "
	    "financování");
	if (e->territory.s != NULL) {
		buf_printf(&subject, " \xe2\x80\x93 %s", e->territory.s);
		buf_printf(&kw, ", %s", e->territory.s);
	}
	p.title = title.data;
	p.subject = subject.data;
	p.author = unconst(e->issuer.name.s);
	p.company = unconst(e->issuer.name.s);
	p.category = unconst("Statistické přílohy");
	p.keywords = kw.data;
	p.comments = unconst("Vytvořeno programem mapa " VERSION);
	p.created = x->in->created;
	CHECK(x, workbook_set_properties(x->wb, &p));
	buf_free(&title);
	buf_free(&subject);
	buf_free(&kw);
}

/*
 * Reports the first failure; true when there was none. A failure to write
 * the file says why in the system's words (libxlsxwriter's own are about
 * zip internals); any other names the call, which would be a bug here.
 */
static bool
report(struct xl *x, const char *path, int sys_errno, bool direct,
    const struct srcpos *pos, struct diag *d)
{
	const char	*kept = direct ? "" :
			    "; the previous file, if any, is unchanged";
	size_t		 n;

	if (x->err == LXW_NO_ERROR)
		return true;
	if (strcmp(x->err_call, "workbook_close") == 0 && sys_errno != 0) {
		diag(d, D_IO, pos, "cannot write the workbook %s: %s%s", path,
		    strerror(sys_errno), kept);
		return false;
	}
	n = strcspn(x->err_call, "(");
	diag(d, D_IO, pos, "cannot write the workbook %s: %s (in %.*s, "
	    "xlsx.c:%d)%s", path, lxw_strerror(x->err), (int)n, x->err_call,
	    x->err_line, kept);
	return false;
}

/*
 * Builds the whole workbook into file; the first failure is in x->err.
 * Returns errno as workbook_close() left it (why the file failed).
 */
static int
build_workbook(struct xl *x, const char *file)
{
	lxw_workbook_options	 wo = { 0 };
	lxw_error		 err;
	int			 sys_errno;

	errno = 0;
	if ((x->wb = workbook_new_opt(file, &wo)) == NULL) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_new_opt",
		    __LINE__);
		return errno;
	}
	make_formats(x);
	if (add_sheets(x)) {
		set_properties(x);
		sheet_network(x);
		sheet_contents(x);
		sheet_bytype(x);
		sheet_capacity(x);
		sheet_funding(x);
		if (x->indicators != NULL)
			sheet_indicators(x);
		if (x->changes != NULL)
			sheet_changes(x);
	}
	/* closing also frees the workbook, so it runs even after a failure */
	errno = 0;
	err = workbook_close(x->wb);
	sys_errno = errno;
	check(x, err, "workbook_close", __LINE__);
	return sys_errno;
}

bool
xlsx_write(const char *path, const struct xlsx_input *in,
    const struct srcpos *pos, struct diag *d)
{
	struct xl	 x = { 0 };
	struct outfile	 of;
	size_t		 i, j;
	int		 sys_errno;
	locale_t	 c_locale, old_locale = (locale_t)0;

	if (!outfile_begin(&of, path, pos, d))
		return false;
	x.in = in;
	x.e = in->edition;
	x.c = in->catalogue;
	x.st = in->stats;
	/*
	 * libxlsxwriter prints numbers with snprintf: under a Czech LC_NUMERIC
	 * it would write <v>12,5</v>, which Excel "repairs" and openpyxl
	 * rejects. The program runs in the C locale anyway; this thread's
	 * locale is made sure of for any other caller.
	 */
	if ((c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0)) != (locale_t)0)
		old_locale = uselocale(c_locale);
	sys_errno = build_workbook(&x, of.tmp);
	if (c_locale != (locale_t)0) {
		uselocale(old_locale);
		freelocale(c_locale);
	}
	for (i = 0; i < x.nkeep; i++)
		free(x.keep[i]);
	free(x.keep);
	for (i = 0; i < x.nsheets; i++) {
		free(x.sheets[i].width);
		free(x.sheets[i].colw);
		for (j = 0; j < x.sheets[i].nwrap; j++)
			free(x.sheets[i].wrap[j].s);
		free(x.sheets[i].wrap);
	}
	buf_free(&x.b);
	if (!report(&x, path, sys_errno, of.direct, pos, d)) {
		outfile_abort(&of);
		return false;
	}
	return outfile_commit(&of, pos, d);
}
