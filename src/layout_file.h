/*
 * Layout files (YAML in layouts/, documented in layouts/README.md): the
 * page, margins and columns, the fonts of each role, colours, running head
 * and foot, the entry templates, and the switches of typesetting and page
 * breaking. Everything the renderer takes from a layout is here, checked:
 * unknown keys (with suggestions), wrong types, impossible values, a page
 * whose margins leave no room, fonts that are not in fonts/ or lack the
 * face asked for, labels with characters the fonts cannot print.
 *
 * Lengths are stored in PostScript points (1/72 in), whatever unit the
 * file used; colours as 0xRRGGBB.
 */
#ifndef MAPA_LAYOUT_FILE_H
#define MAPA_LAYOUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "typo.h"

struct arena;
struct edition;
struct fonts;

/* Font roles (pismo.*). */
enum lspec_role {
	LSR_TEXT,		/* text: body text, values of the entries */
	LSR_HEADING,		/* nadpis: section headings */
	LSR_SUBHEADING,		/* podnadpis: groups inside a section */
	LSR_ENTRY,		/* zaznam: the name heading each entry */
	LSR_LABEL,		/* popisek: field labels, legend */
	LSR_SMALL,		/* drobne: notes, imprint, identifiers */
	LSR_RUNNING,		/* zahlavi: running head and foot, folios */
	LSR_TITLE,		/* titul: the cover title */
	LSR__MAX
};

enum lspec_face {
	LSF_REGULAR,
	LSF_BOLD,
	LSF_ITALIC,
	LSF_BOLD_ITALIC
};

/* The palette (barvy.*). */
enum lspec_colour {
	LSC_TEXT,		/* text */
	LSC_ACCENT,		/* akcent: headings, pictograms */
	LSC_RULES,		/* linky: rules and frames */
	LSC_TINT,		/* podklad: background of boxes */
	LSC_PAPER,		/* papir: the page */
	LSC__MAX
};

struct lspec_font {
	const char	*family;	/* as fonts/ spells it */
	enum lspec_face	 face;
	double		 size;		/* pt */
	double		 leading;	/* baseline to baseline, pt */
	uint32_t	 rgb;
	struct srcpos	 pos;		/* of the role; line 0 = default */
};

/* Where something stands across the page width. */
enum lspec_place {
	LSP_NONE,		/* nic */
	LSP_OUTER,		/* vnejsi: away from the spine */
	LSP_INNER,		/* vnitrni: at the spine */
	LSP_CENTRE		/* stred */
};

/* What a running head or foot says. */
enum lspec_running {
	LSRT_NONE,		/* nic */
	LSRT_SECTION,		/* oddil: the current section's title */
	LSRT_TITLE,		/* nazev: the publication's title */
	LSRT_TERRITORY		/* uzemi: the territory */
};

/* A running head (zahlavi) or foot (zapati). */
struct lspec_band {
	enum lspec_running recto;	/* text on odd pages */
	enum lspec_running verso;	/* text on even pages */
	enum lspec_place   align;	/* where the text stands */
	enum lspec_place   folio;	/* where the page number stands */
	double		   rule;	/* rule between band and text, pt */
	double		   distance;	/* text area to the band's baseline */
	bool		   on_opening;	/* also on a section's first page */
};

/* Fields an entry template can show. */
enum lspec_field {
	LSD_TYPE,		/* druh: type with § */
	LSD_PROVIDER,		/* poskytovatel */
	LSD_ICO,		/* ico: the provider's IČO */
	LSD_ADDRESS,		/* adresa: places of provision */
	LSD_AREA,		/* uzemni_pusobnost */
	LSD_PHONES,		/* telefony */
	LSD_EMAILS,		/* emaily */
	LSD_WEBS,		/* weby */
	LSD_HOURS,		/* provozni_doba */
	LSD_TARGETS,		/* cilove_skupiny */
	LSD_AGES,		/* vekove_skupiny */
	LSD_FORMS,		/* formy */
	LSD_CAPACITY,		/* kapacity */
	LSD_FEES,		/* uhrada */
	LSD_DESCRIPTION,	/* popis */
	LSD_ACTIVITIES,		/* cinnosti */
	LSD_ACCESS,		/* bezbarierovost */
	LSD_LANGUAGES,		/* jazyky */
	LSD_IDENT,		/* identifikator */
	LSD_CATEGORY,		/* kategorie (listings) */
	LSD_FOR_WHOM,		/* pro_koho (listings) */
	LSD__MAX
};

/* One row of an entry. */
struct lspec_item {
	enum lspec_field field;
	const char	*label;		/* NULL: no label */
	bool		 pictogram;	/* the row starts with the pictogram */
	struct srcpos	 pos;
};

struct lspec_template {
	struct lspec_item *items;	/* in print order */
	size_t		   nitems;
	double		   space;	/* between entries, pt */
	double		   rule;	/* rule between entries, pt; 0 = none */
	double		   label_width;	/* hanging labels' column, pt; 0 = the
					   label runs in before the value */
};

/* How a section starts (zlom.oddil_zacina). */
enum lspec_start {
	LSS_NEW_PAGE,		/* nova_strana */
	LSS_RECTO,		/* licha_strana: a new odd page */
	LSS_CONTINUE		/* pokracuje: in the same column */
};

struct layout_spec {
	struct arena	*arena;		/* owns the spec and its strings */
	const char	*file;		/* interned */
	const char	*name;		/* nazev; NULL when not given */
	const char	*description;	/* popis */

	/* strana */
	const char	*page_name;	/* "A5"; NULL for a size in numbers */
	double		 page_w, page_h;
	double		 inner, outer, top, bottom;	/* margins */
	double		 bleed;
	int		 columns;
	double		 gutter;

	struct lspec_font font[LSR__MAX];	/* pismo */
	uint32_t	 colour[LSC__MAX];	/* barvy */
	double		 min_contrast;		/* min_kontrast */

	struct lspec_band head;		/* zahlavi */
	struct lspec_band foot;		/* zapati */

	struct lspec_template entry;	/* zaznam: services */
	struct lspec_template contact;	/* kontakt: related, offices, crisis */

	bool		 pictograms;	/* piktogramy */
	bool		 qr;

	/* sazba */
	bool		 justify;	/* zarovnani: do_bloku */
	bool		 hyphenate;	/* deleni_slov */
	int		 max_hyphens;	/* hyphenated lines in a row */
	struct typo_opts typo;		/* the tie set (vazne_znaky) */
	double		 par_space;	/* mezera_odstavcu, pt */
	double		 indent;	/* odsazeni of a paragraph's first line */

	/* zlom */
	enum lspec_start section_start;
	int		 orphans;	/* min_radku_dole */
	int		 widows;	/* min_radku_nahore */
	int		 keep_heading;	/* nadpis_s_radky */
	bool		 balance;	/* vyrovnat_sloupce */
};

/*
 * Reads and checks a layout file. fonts (from fonts_open()) is what the
 * font roles are checked against; NULL skips those checks (the caller has
 * reported why the fonts cannot be read). Returns NULL when the file cannot
 * be read or is not YAML (reported); otherwise a spec with every problem
 * reported and a usable default in place of each bad value. Free with
 * lspec_free().
 */
struct layout_spec *lspec_load(const char *path, const struct fonts *,
		    struct diag *);

/* The same over a buffer; file (any name) is interned for positions. */
struct layout_spec *lspec_parse(const char *file, const char *buf, size_t len,
		    const struct fonts *, struct diag *);

void		 lspec_free(struct layout_spec *);

/*
 * The file an edition's rozvrzeni names, malloc'd: a value with a "/" or
 * ending in .yaml or .yml is a path (relative to the edition file's
 * directory, taken from edition_file); anything else is the name of a file
 * in the data directory's layouts/ (fonts_datadir()).
 */
char		*lspec_path(const char *value, const char *edition_file);

/* The layout an edition without rozvrzeni gets. */
#define LSPEC_DEFAULT	"a5-brochure"

/*
 * Checks the layout an edition names (or the default one) with the fonts
 * of the data directory: an unknown name is reported at the rozvrzeni
 * value with the names there are. Returns true when the layout loaded.
 */
bool		 lspec_check_edition(const struct edition *, struct diag *);

/*
 * Whether every one of the n files is a layout file (a YAML file with a
 * top-level strana: or pismo: key), for `mapa check` of layouts.
 */
bool		 lspec_all_layouts(int n, char **paths);

/*
 * `mapa check LAYOUT...`: checks each layout file, prints the problems, a
 * line describing each layout (unless quiet) and the summary. Returns the
 * exit status.
 */
int		 lspec_check_files(int n, char **paths, bool strict, bool quiet);

/* Key names as written in the file: "telefony", "nadpis". */
const char	*lspec_field_name(enum lspec_field);
const char	*lspec_role_name(enum lspec_role);

/* The type area (page less margins) and one column's width, in pt. */
double		 lspec_text_width(const struct layout_spec *);
double		 lspec_text_height(const struct layout_spec *);
double		 lspec_column_width(const struct layout_spec *);

#endif
