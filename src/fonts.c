/*
 * The private fontconfig configuration over fonts/, the data directory
 * search, and glyph coverage (see fonts.h).
 *
 * Why files one by one and not FcConfigAppFontAddDir(): adding a directory
 * makes fontconfig write a cache file for it, and a configuration without a
 * writable cache directory prints "Fontconfig error: No writable cache
 * directories" on every run (the installed fonts/ is read-only). Scanning
 * six files takes a few milliseconds, so there is nothing to cache, and
 * FcConfigAppFontAddFile() writes nothing and reads nothing but the file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fonts.h"
#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/mapa"
#endif

struct face {
	bool		 bold;
	bool		 italic;
};

struct family {
	char		*name;
	struct face	*faces;
	size_t		 nfaces;
	size_t		 capfaces;
	FcCharSet	*common;	/* code points every face has */
};

struct fonts {
	FcConfig	*cfg;
	char		*dir;
	struct family	*families;	/* sorted by name */
	size_t		 nfamilies;
};

static char	*datadir_override;
static int	 nopen;		/* open struct fonts, for FcFini() */

void
fonts_set_datadir(const char *dir)
{
	free(datadir_override);
	datadir_override = dir == NULL ? NULL : xstrdup(dir);
}

static bool
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether base/sub is a directory. */
static bool
has_subdir(const char *base, const char *sub)
{
	struct buf	 b = { 0 };
	bool		 yes;

	buf_printf(&b, "%s/%s", base, sub);
	yes = is_dir(b.data);
	buf_free(&b);
	return yes;
}

/* Cuts the last component off path (in place); false at the root. */
static bool
parent(char *path)
{
	char	*slash = strrchr(path, '/');

	if (slash == NULL || slash == path)
		return false;
	*slash = '\0';
	return true;
}

/*
 * The data directory beside the executable: the checkout for a program
 * run from its build directory, ../share/mapa for an installed one.
 */
static char *
datadir_from_exe(void)
{
	char		 exe[4096];
	struct buf	 b = { 0 };
	ssize_t		 n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || (size_t)n >= sizeof exe - 1)
		return NULL;
	exe[n] = '\0';
	if (!parent(exe) || !parent(exe))
		return NULL;
	if (has_subdir(exe, "fonts") && has_subdir(exe, "layouts"))
		return xstrdup(exe);
	buf_printf(&b, "%s/share/mapa", exe);
	if (has_subdir(b.data, "fonts") || has_subdir(b.data, "layouts"))
		return buf_steal(&b);
	buf_free(&b);
	return NULL;
}

char *
fonts_datadir(void)
{
	const char	*env;
	char		*dir;

	if (datadir_override != NULL)
		return xstrdup(datadir_override);
	if ((env = getenv("MAPA_DATADIR")) != NULL && env[0] != '\0')
		return xstrdup(env);
	if ((dir = datadir_from_exe()) != NULL)
		return dir;
	return xstrdup(DATADIR);
}

char *
fonts_data_path(const char *name)
{
	struct buf	 b = { 0 };
	char		*dir = fonts_datadir();

	buf_printf(&b, "%s/%s", dir, name);
	free(dir);
	return buf_steal(&b);
}

/* Font files by their extension (ASCII, any case). */
static bool
is_font_file(const char *name)
{
	static const char *const exts[] = { ".ttf", ".otf", ".ttc" };
	size_t		 n = strlen(name), i, k;

	for (i = 0; i < NELEM(exts); i++) {
		if (n <= 4)
			continue;
		for (k = 0; k < 4; k++)
			if (ascii_tolower((unsigned char)name[n - 4 + k]) !=
			    exts[i][k])
				break;
		if (k == 4)
			return true;
	}
	return false;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The font file names in dir, sorted; NULL (errno set) when unreadable. */
static char **
list_font_files(const char *dir, size_t *n)
{
	DIR		*dp;
	struct dirent	*de;
	char		**v = NULL;
	size_t		 cap = 0;

	*n = 0;
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || !is_font_file(de->d_name))
			continue;
		if (*n == cap)
			grow(&v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_str);
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	return v;
}

static struct family *
family_get(struct fonts *f, const char *name, size_t *cap)
{
	size_t	 i;

	for (i = 0; i < f->nfamilies; i++)
		if (strcmp(f->families[i].name, name) == 0)
			return &f->families[i];
	if (f->nfamilies == *cap)
		grow(&f->families, cap, f->nfamilies + 1, sizeof *f->families);
	memset(&f->families[f->nfamilies], 0, sizeof *f->families);
	f->families[f->nfamilies].name = xstrdup(name);
	return &f->families[f->nfamilies++];
}

static int
cmp_family(const void *a, const void *b)
{
	return strcmp(((const struct family *)a)->name,
	    ((const struct family *)b)->name);
}

/* Adds one pattern of the configuration's font set to the family list. */
static void
add_face(struct fonts *f, FcPattern *p, size_t *cap)
{
	FcChar8		*name;
	FcCharSet	*cs, *both;
	struct family	*fam;
	int		 weight, slant;

	if (FcPatternGetString(p, FC_FAMILY, 0, &name) != FcResultMatch)
		return;
	if (FcPatternGetInteger(p, FC_WEIGHT, 0, &weight) != FcResultMatch)
		weight = FC_WEIGHT_REGULAR;
	if (FcPatternGetInteger(p, FC_SLANT, 0, &slant) != FcResultMatch)
		slant = FC_SLANT_ROMAN;
	fam = family_get(f, (const char *)name, cap);
	if (fam->nfaces == fam->capfaces)
		grow(&fam->faces, &fam->capfaces, fam->nfaces + 1,
		    sizeof *fam->faces);
	fam->faces[fam->nfaces].bold = weight >= FC_WEIGHT_DEMIBOLD;
	fam->faces[fam->nfaces].italic = slant != FC_SLANT_ROMAN;
	fam->nfaces++;
	if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch)
		cs = NULL;
	if (fam->nfaces == 1)
		fam->common = cs != NULL ? FcCharSetCopy(cs) : FcCharSetCreate();
	else if (cs == NULL) {
		FcCharSetDestroy(fam->common);
		fam->common = FcCharSetCreate();
	} else {
		both = FcCharSetIntersect(fam->common, cs);
		FcCharSetDestroy(fam->common);
		fam->common = both != NULL ? both : FcCharSetCreate();
	}
}

/* Adds one file; reports a file fontconfig cannot read as a font. */
static void
add_file(struct fonts *f, const char *path, struct diag *d)
{
	FcFontSet	*set = FcConfigGetFonts(f->cfg, FcSetApplication);
	int		 before = set != NULL ? set->nfont : 0;

	if (!FcConfigAppFontAddFile(f->cfg, (const FcChar8 *)path) ||
	    (set = FcConfigGetFonts(f->cfg, FcSetApplication)) == NULL ||
	    set->nfont == before)
		diag(d, D_IO, NULL, "cannot read the font file %s: not a "
		    "readable TrueType or OpenType font; left out", path);
}

struct fonts *
fonts_open(const char *dir, struct diag *d)
{
	struct fonts	*f;
	FcFontSet	*set;
	char		**names, *own = NULL;
	size_t		 n, i, cap = 0;
	struct buf	 b = { 0 };

	if (dir == NULL)
		dir = own = fonts_data_path("fonts");
	if ((names = list_font_files(dir, &n)) == NULL) {
		diag(d, D_IO, NULL, "cannot open the fonts directory %s: %s "
		    "(set MAPA_DATADIR to the directory that holds fonts/ and "
		    "layouts/)", dir, strerror(errno));
		free(own);
		return NULL;
	}
	if (n == 0) {
		diag(d, D_IO, NULL, "no font files (.ttf, .otf) in the fonts "
		    "directory %s", dir);
		free(names);
		free(own);
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->dir = own != NULL ? own : xstrdup(dir);
	f->cfg = FcConfigCreate();
	/* The file list never changes during a run: never look again. */
	FcConfigSetRescanInterval(f->cfg, 0);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s/%s", f->dir, names[i]);
		add_file(f, b.data, d);
		free(names[i]);
	}
	free(names);
	buf_free(&b);
	nopen++;
	if ((set = FcConfigGetFonts(f->cfg, FcSetApplication)) != NULL)
		for (i = 0; i < (size_t)set->nfont; i++)
			add_face(f, set->fonts[i], &cap);
	if (f->nfamilies == 0) {
		diag(d, D_IO, NULL, "no usable font in the fonts directory %s",
		    f->dir);
		fonts_close(f);
		return NULL;
	}
	qsort(f->families, f->nfamilies, sizeof *f->families, cmp_family);
	/*
	 * Also fontconfig's default configuration: cairo resolves the font
	 * patterns of the PDF writer through it, and would otherwise load the
	 * system's configuration (whose rules could make a face synthetic).
	 */
	FcConfigSetCurrent(f->cfg);
	return f;
}

void
fonts_close(struct fonts *f)
{
	size_t	 i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nfamilies; i++) {
		free(f->families[i].name);
		free(f->families[i].faces);
		if (f->families[i].common != NULL)
			FcCharSetDestroy(f->families[i].common);
	}
	free(f->families);
	FcConfigDestroy(f->cfg);
	free(f->dir);
	free(f);
	if (--nopen == 0)
		FcFini();
}

FcConfig *
fonts_config(const struct fonts *f)
{
	return f->cfg;
}

const char *
fonts_dir(const struct fonts *f)
{
	return f->dir;
}

size_t
fonts_nfamilies(const struct fonts *f)
{
	return f->nfamilies;
}

const char *
fonts_family(const struct fonts *f, size_t i)
{
	return i < f->nfamilies ? f->families[i].name : NULL;
}

/*
 * Compares family names the way fontconfig matches them: ignoring spaces
 * and the case of ASCII letters.
 */
static bool
same_family(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (ascii_tolower((unsigned char)*a) !=
		    ascii_tolower((unsigned char)*b))
			return false;
		if (*a == '\0')
			return true;
		a++;
		b++;
	}
}

static const struct family *
find(const struct fonts *f, const char *name)
{
	size_t	 i;

	if (f == NULL || name == NULL)
		return NULL;
	for (i = 0; i < f->nfamilies; i++)
		if (same_family(name, f->families[i].name))
			return &f->families[i];
	return NULL;
}

const char *
fonts_find_family(const struct fonts *f, const char *family)
{
	const struct family *fam = find(f, family);

	return fam != NULL ? fam->name : NULL;
}

bool
fonts_has_face(const struct fonts *f, const char *family, bool bold,
    bool italic)
{
	const struct family *fam = find(f, family);
	size_t		 i;

	if (fam == NULL)
		return false;
	for (i = 0; i < fam->nfaces; i++)
		if (fam->faces[i].bold == bold &&
		    fam->faces[i].italic == italic)
			return true;
	return false;
}

bool
fonts_has_char(const struct fonts *f, const char *family, uint32_t cp)
{
	const struct family *fam = find(f, family);

	return fam != NULL && FcCharSetHasChar(fam->common, cp);
}

/*
 * Code points that take no glyph: Pango draws them as nothing whatever
 * the font has, so a font lacking them is no problem.
 */
static bool
prints_nothing(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    cp == 0xfeff;
}

size_t
fonts_missing(const struct fonts *f, const char *family, const char *text,
    size_t len, struct fonts_gap *gaps, size_t max)
{
	const struct family *fam = find(f, family);
	const unsigned char *s = (const unsigned char *)text;
	FcCharSet	*seen = FcCharSetCreate();
	size_t		 i = 0, k, n = 0;
	uint32_t	 cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;
			continue;
		}
		if (!prints_nothing(cp) && !FcCharSetHasChar(seen, cp) &&
		    (fam == NULL || !FcCharSetHasChar(fam->common, cp))) {
			FcCharSetAddChar(seen, cp);
			if (n < max) {
				gaps[n].cp = cp;
				gaps[n].offset = i;
			}
			n++;
		}
		i += k;
	}
	FcCharSetDestroy(seen);
	return n;
}

const char *
fonts_cp_name(uint32_t cp, char *out)
{
	char	 u[5];
	size_t	 n;

	if (prints_nothing(cp) || cp > 0x10ffff) {
		snprintf(out, FONTS_CP_NAME, "U+%04X", (unsigned)cp);
		return out;
	}
	n = utf8_encode(cp, u);
	u[n] = '\0';
	snprintf(out, FONTS_CP_NAME, "U+%04X \xe2\x80\x9e%s\xe2\x80\x9c",
	    (unsigned)cp, u);
	return out;
}
