/*
 * The fonts mapa prints with, and where its data files live.
 *
 * Output must never depend on the fonts of the machine it runs on, so the
 * renderer uses a private fontconfig configuration that knows only the font
 * files in the fonts/ directory of mapa's data directory: no system font
 * directories, no user configuration, no cache files written anywhere (the
 * few files are scanned at start, which takes milliseconds).
 *
 * The data directory holds fonts/ and layouts/. It is, in this order: the
 * directory set with fonts_set_datadir() (a command-line option), the
 * environment variable MAPA_DATADIR, the checkout the program was built in
 * (the executable's parent directory when it has both fonts/ and layouts/),
 * ../share/mapa beside an installed executable (so that a copied or
 * DESTDIR installation works), and finally DATADIR from the build.
 *
 * The module also answers the question validation asks of every printed
 * value: which of its characters have no glyph in the family that sets it.
 */
#ifndef MAPA_FONTS_H
#define MAPA_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <fontconfig/fontconfig.h>

#include "diag.h"

struct fonts;

/* Overrides the data directory search; NULL goes back to searching. */
void		 fonts_set_datadir(const char *dir);

/*
 * Returns the data directory as a malloc'd string (the caller frees it).
 * Never NULL: when nothing is found it is DATADIR, and opening files there
 * reports what is missing.
 */
char		*fonts_datadir(void);

/* Returns "<data directory>/<name>", malloc'd. */
char		*fonts_data_path(const char *name);

/*
 * Creates the private fontconfig configuration over the font files in dir
 * (NULL: the fonts/ directory of the data directory). Each file is added in
 * name order. A missing or empty directory is reported (D_IO) and gives
 * NULL; a file that is not a readable font is reported (D_IO) and left out.
 * Free with fonts_close().
 */
struct fonts	*fonts_open(const char *dir, struct diag *);

/*
 * Destroys the configuration. When no other struct fonts is open it also
 * calls FcFini(), which frees fontconfig's global state: release every Pango
 * object that uses fonts_config() before the last fonts_close().
 */
void		 fonts_close(struct fonts *);

/*
 * The private configuration, for pango_fc_font_map_set_config() (which
 * takes its own reference). Owned by f.
 */
FcConfig	*fonts_config(const struct fonts *);

/* The directory the fonts were read from (owned by f). */
const char	*fonts_dir(const struct fonts *);

/* Families, sorted by name: fonts_family(f, i) for i < fonts_nfamilies(f). */
size_t		 fonts_nfamilies(const struct fonts *);
const char	*fonts_family(const struct fonts *, size_t i);

/*
 * The family's name as the font files spell it, found the way fontconfig
 * matches families (case and spaces ignored: "charissil" finds "Charis
 * SIL"); NULL when no font file has it.
 */
const char	*fonts_find_family(const struct fonts *, const char *family);

/*
 * Whether the family has a real face of that weight and slant: a face
 * fontconfig would have to synthesise is embedded as a Type 3 font by
 * cairo, so layouts may only ask for faces that exist.
 */
bool		 fonts_has_face(const struct fonts *, const char *family,
		    bool bold, bool italic);

/* Whether every face of the family has a glyph for code point cp. */
bool		 fonts_has_char(const struct fonts *, const char *family,
		    uint32_t cp);

/* A character that the family cannot print, where it first occurs. */
struct fonts_gap {
	uint32_t	 cp;
	size_t		 offset;	/* bytes into the text */
};

/*
 * Lists the distinct code points of text[0..len) (UTF-8) that some face of
 * the family lacks, in order of first occurrence, storing at most max of
 * them in gaps. Characters that print as nothing (controls, joiners,
 * direction marks, variation selectors, the byte order mark) and ill-formed
 * bytes are not counted. An unknown family lacks everything. Returns the
 * number of distinct missing code points (which may exceed max).
 */
size_t		 fonts_missing(const struct fonts *, const char *family,
		    const char *text, size_t len, struct fonts_gap *gaps,
		    size_t max);

/*
 * Describes a code point for a message: "U+4E00 „一“" (just "U+0007" for
 * one that does not print). out must hold FONTS_CP_NAME bytes.
 */
#define FONTS_CP_NAME	32
const char	*fonts_cp_name(uint32_t cp, char *out);

#endif
