/*
 * Unit tests of the private font configuration: it sees exactly the
 * families in fonts/ and nothing of the system's, their faces, the
 * characters Czech typography needs, the report of characters a family
 * lacks, the data directory search, and the reports for a missing or
 * broken fonts directory. Run from the top of the checkout (tests/run.sh
 * does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fonts.h"
#include "harness.h"
#include "testutil.h"
#include "util.h"

static char	 msgs[4096];

/* Opens dir with a fresh diag, keeping its messages in msgs. */
static struct fonts *
open_dir(const char *dir)
{
	struct capture	 cap;
	struct fonts	*f;

	capture_open(&cap);
	f = fonts_open(dir, cap.d);
	capture_copy(&cap, msgs, sizeof msgs);
	capture_close(&cap);
	return f;
}

static void
test_families(void)
{
	struct fonts	*f = open_dir("fonts");

	OK(f != NULL, "fonts/ opens");
	if (f == NULL)
		return;
	STR_EQ(msgs, "", "no messages");
	INT_EQ(fonts_nfamilies(f), 2, "two families");
	STR_EQ(fonts_family(f, 0), "Andika", "first family");
	STR_EQ(fonts_family(f, 1), "Charis SIL", "second family");
	STR_EQ(fonts_family(f, 2), NULL, "no third family");
	STR_EQ(fonts_dir(f), "fonts", "directory kept");
	STR_EQ(fonts_find_family(f, "charissil"), "Charis SIL",
	    "found ignoring case and spaces");
	STR_EQ(fonts_find_family(f, "ANDIKA"), "Andika", "found in capitals");
	STR_EQ(fonts_find_family(f, "DejaVu Sans"), NULL,
	    "a system font is not there");
	STR_EQ(fonts_find_family(f, "Charis"), NULL, "no prefix match");
	fonts_close(f);
}

static void
test_faces(void)
{
	struct fonts	*f = open_dir("fonts");

	if (f == NULL) {
		OK(0, "fonts/ opens");
		return;
	}
	OK(fonts_has_face(f, "Charis SIL", false, false), "Charis regular");
	OK(fonts_has_face(f, "Charis SIL", true, false), "Charis bold");
	OK(fonts_has_face(f, "Charis SIL", false, true), "Charis italic");
	OK(fonts_has_face(f, "Charis SIL", true, true), "Charis bold italic");
	OK(fonts_has_face(f, "Andika", false, false), "Andika regular");
	OK(fonts_has_face(f, "Andika", true, false), "Andika bold");
	OK(!fonts_has_face(f, "Andika", false, true), "no Andika italic");
	OK(!fonts_has_face(f, "Andika", true, true), "no Andika bold italic");
	OK(!fonts_has_face(f, "Noto Sans", false, false), "unknown family");
	fonts_close(f);
}

/*
 * The private configuration holds only our files: no system font set,
 * every application font from fonts/, and a request for a system family
 * is answered with one of ours.
 */
static void
test_private(void)
{
	struct fonts	*f = open_dir("fonts");
	FcConfig	*cfg;
	FcFontSet	*set;
	FcPattern	*p, *m;
	FcResult	 r;
	FcChar8		*file, *fam;
	int		 i, ours = 0;

	if (f == NULL) {
		OK(0, "fonts/ opens");
		return;
	}
	cfg = fonts_config(f);
	set = FcConfigGetFonts(cfg, FcSetSystem);
	INT_EQ(set != NULL ? set->nfont : 0, 0, "no system fonts");
	set = FcConfigGetFonts(cfg, FcSetApplication);
	INT_EQ(set != NULL ? set->nfont : 0, 6, "six font files");
	for (i = 0; set != NULL && i < set->nfont; i++)
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) ==
		    FcResultMatch && strncmp((char *)file, "fonts/", 6) == 0)
			ours++;
	INT_EQ(ours, 6, "every file from fonts/");
	p = FcNameParse((const FcChar8 *)"DejaVu Sans");
	FcConfigSubstitute(cfg, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	m = FcFontMatch(cfg, p, &r);
	OK(m != NULL, "a match");
	if (m != NULL) {
		OK(FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch &&
		    (strcmp((char *)fam, "Andika") == 0 ||
		    strcmp((char *)fam, "Charis SIL") == 0),
		    "a system family falls back to one of ours");
		FcPatternDestroy(m);
	}
	FcPatternDestroy(p);
	fonts_close(f);
}

/* Everything Czech typography puts in a text, in every face. */
static void
test_coverage(void)
{
	static const char czech[] = "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyý"
	    "zžAÁBCČDĎEÉĚFGHIÍJKLMNŇOÓPQRŘSŠTŤUÚŮVWXYÝZŽ0123456789";
	static const uint32_t special[] = {
		0x00a0, 0x202f, 0x2011, 0x2060, 0x00ad, 0x201e, 0x201c,
		0x201a, 0x2018, 0x2019, 0x2013, 0x2014, 0x2212, 0x2026,
		0x00d7, 0x00a7, 0x00b0, 0x2010, 0x2022, 0x2192
	};
	static const char *const fams[] = { "Charis SIL", "Andika" };
	struct fonts	*f = open_dir("fonts");
	struct fonts_gap gaps[4];
	char		 what[80];
	size_t		 i, k, missing;
	uint32_t	 c;

	if (f == NULL) {
		OK(0, "fonts/ opens");
		return;
	}
	for (k = 0; k < NELEM(fams); k++) {
		missing = 0;
		for (c = 0x20; c < 0x7f; c++)
			if (!fonts_has_char(f, fams[k], c))
				missing++;
		snprintf(what, sizeof what, "%s: printable ASCII", fams[k]);
		INT_EQ(missing, 0, what);
		snprintf(what, sizeof what, "%s: Czech letters", fams[k]);
		INT_EQ(fonts_missing(f, fams[k], czech, strlen(czech), gaps,
		    NELEM(gaps)), 0, what);
		for (i = 0; i < NELEM(special); i++) {
			snprintf(what, sizeof what, "%s has U+%04X", fams[k],
			    (unsigned)special[i]);
			OK(fonts_has_char(f, fams[k], special[i]), what);
		}
	}
	OK(!fonts_has_char(f, "Charis SIL", 0x4e00), "no CJK in Charis");
	OK(!fonts_has_char(f, "Nothing", 'a'), "unknown family has nothing");
	fonts_close(f);
}

static void
test_missing(void)
{
	/* "Ahoj 一 světe ☎ 一!" */
	static const char text[] = "Ahoj \xe4\xb8\x80 sv\xc4\x9bte "
	    "\xe2\x98\x8e \xe4\xb8\x80!";
	/* Tab, newline, zero width space, word joiner, BOM, a stray byte. */
	static const char quiet[] = "a\tb\n\xe2\x80\x8b\xe2\x81\xa0\xef\xbb\xbf"
	    "\xff";
	struct fonts	*f = open_dir("fonts");
	struct fonts_gap gaps[4];
	char		 name[FONTS_CP_NAME];

	if (f == NULL) {
		OK(0, "fonts/ opens");
		return;
	}
	INT_EQ(fonts_missing(f, "Charis SIL", text, strlen(text), gaps, 4), 2,
	    "two characters missing");
	INT_EQ(gaps[0].cp, 0x4e00, "first: U+4E00");
	INT_EQ(gaps[0].offset, 5, "at byte 5");
	INT_EQ(gaps[1].cp, 0x260e, "second: the telephone sign");
	INT_EQ(gaps[1].offset, 16, "at byte 16");
	INT_EQ(fonts_missing(f, "Andika", text, strlen(text), gaps, 1), 2,
	    "counted beyond max");
	INT_EQ(gaps[0].cp, 0x4e00, "the first stored");
	INT_EQ(fonts_missing(f, "Charis SIL", quiet, strlen(quiet), gaps, 4),
	    0, "invisible characters and bad bytes are not glyphs");
	INT_EQ(fonts_missing(f, "Comic Sans", "abca", 4, gaps, 4), 3,
	    "an unknown family lacks every distinct character");
	INT_EQ(fonts_missing(f, "Charis SIL", "", 0, gaps, 4), 0, "empty");
	STR_EQ(fonts_cp_name(0x4e00, name), "U+4E00 \xe2\x80\x9e\xe4\xb8\x80"
	    "\xe2\x80\x9c", "name of a printing character");
	STR_EQ(fonts_cp_name(7, name), "U+0007", "name of a control");
	fonts_close(f);
}

static void
test_broken_dirs(void)
{
	char		 dir[] = "/tmp/mapa-fonts-XXXXXX";
	char		 path[128], cwd[1024];
	struct fonts	*f;
	FILE		*fp;

	OK(open_dir("/nonexistent/fonts") == NULL, "missing directory");
	OK(strstr(msgs, "error: cannot open the fonts directory "
	    "/nonexistent/fonts: No such file or directory") != NULL,
	    "missing directory reported");
	OK(strstr(msgs, "[io]") != NULL, "as an I/O problem");
	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return;
	}
	OK(open_dir(dir) == NULL, "empty directory");
	OK(strstr(msgs, "no font files (.ttf, .otf) in the fonts directory")
	    != NULL, "empty directory reported");
	snprintf(path, sizeof path, "%s/Broken.ttf", dir);
	if ((fp = fopen(path, "w")) != NULL) {
		fputs("not a font\n", fp);
		fclose(fp);
	}
	OK(open_dir(dir) == NULL, "a directory with only a broken file");
	OK(strstr(msgs, "cannot read the font file") != NULL &&
	    strstr(msgs, "Broken.ttf") != NULL, "broken file named");
	OK(strstr(msgs, "no usable font in the fonts directory") != NULL,
	    "nothing usable reported");
	snprintf(path, sizeof path, "%s/Andika-Bold.ttf", dir);
	if (getcwd(cwd, sizeof cwd - 32) == NULL)
		cwd[0] = '\0';
	strcat(cwd, "/fonts/Andika-Bold.ttf");
	OK(symlink(cwd, path) == 0, "symlink a real font");
	f = open_dir(dir);
	OK(f != NULL, "opens with one good file");
	OK(strstr(msgs, "Broken.ttf") != NULL, "the broken one still named");
	if (f != NULL) {
		INT_EQ(fonts_nfamilies(f), 1, "one family");
		OK(fonts_has_face(f, "Andika", true, false), "its face");
		OK(!fonts_has_face(f, "Andika", false, false), "only that face");
	}
	fonts_close(f);
	unlink(path);
	snprintf(path, sizeof path, "%s/Broken.ttf", dir);
	unlink(path);
	rmdir(dir);
}

static void
test_datadir(void)
{
	char	*s;

	fonts_set_datadir("/opt/x");
	s = fonts_datadir();
	STR_EQ(s, "/opt/x", "the override wins");
	free(s);
	s = fonts_data_path("layouts/a.yaml");
	STR_EQ(s, "/opt/x/layouts/a.yaml", "a path inside");
	free(s);
	setenv("MAPA_DATADIR", "/srv/mapa", 1);
	s = fonts_datadir();
	STR_EQ(s, "/opt/x", "the override wins over the environment");
	free(s);
	fonts_set_datadir(NULL);
	s = fonts_datadir();
	STR_EQ(s, "/srv/mapa", "the environment");
	free(s);
	setenv("MAPA_DATADIR", "", 1);
	s = fonts_datadir();
	OK(s[0] == '/' && strcmp(s, "/srv/mapa") != 0,
	    "an empty variable does not count");
	free(s);
	unsetenv("MAPA_DATADIR");
}

int
main(void)
{
	RUN(test_families);
	RUN(test_faces);
	RUN(test_private);
	RUN(test_coverage);
	RUN(test_missing);
	RUN(test_broken_dirs);
	RUN(test_datadir);
	return DONE();
}
