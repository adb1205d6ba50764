/*
 * Czech hyphenation: libhyphen with the Czech TeX patterns, preprocessed at
 * build time (src/hyph_cs.sh) and compiled into the program, plus mapa's own
 * exception list. Pure text in, text out; nothing here knows about fonts.
 *
 * Rules: at least 2 letters before and 3 after a break (csplain's
 * \lefthyphenmin 2, \righthyphenmin 3); no breaks in acronyms (two or more
 * capitals), in words with digits, in URLs and e-mail addresses; the parts of
 * a compound with its own hyphen (Frýdek-Místek) are hyphenated separately,
 * and a break at the compound's hyphen is allowed only when both sides have
 * at least two letters (never in e-mail); the layout must then repeat the
 * hyphen at the start of the next line (Frýdek-/-Místek, ČSN 01 6910).
 *
 * Independent of the process locale: case mapping and letter classes come
 * from ICU, the dictionary encoding is handled here.
 */
#ifndef MAPA_HYPH_H
#define MAPA_HYPH_H

#include <stdbool.h>
#include <stddef.h>

struct hyph;

/* What may happen after one character of a word (hyph_word). */
enum hyph_mark {
	HYPH_NONE = 0,		/* no break */
	HYPH_SOFT,		/* break here and add a hyphen (U+00AD) */
	HYPH_COMPOUND,		/* this char is the word's own hyphen: break
				   after it and repeat it on the next line */
	HYPH_KEEP		/* the word's own hyphen, no break (e-mail) */
};

/* Flags for hyph_new(). */
#define HYPH_NO_EXCEPTIONS	0x01	/* patterns only (for measurements) */

/* Flags for hyph_text(). */
#define HYPH_NAMES	0x01	/* also hyphenate capitalised words inside a
				   sentence (by default they are taken for
				   names and left whole) */
#define HYPH_NO_COMPOUND 0x02	/* never break at a compound's own hyphen
				   (for a layout that cannot repeat it) */

/*
 * Loads the dictionary: the compiled-in Czech one when path is NULL, else a
 * libhyphen .dic file (for comparisons). Returns NULL when the file cannot
 * be read or parsed. Free with hyph_free().
 */
struct hyph	*hyph_new(const char *path, unsigned flags);
void		 hyph_free(struct hyph *);

/*
 * Finds the break points of one word (UTF-8, len bytes). marks gets one
 * enum hyph_mark per character (code point) of the word, at most nmarks.
 * Returns the number of characters, 0 for an empty word, or -1 when the word
 * is not a hyphenatable word at all (has digits, punctuation, is longer
 * than nmarks, or is not valid UTF-8): then every mark is HYPH_NONE.
 * A word made only of letters that cannot be hyphenated (acronym, too
 * short) returns its length with no marks.
 */
int		 hyph_word(const struct hyph *, const char *word, size_t len,
		    unsigned char *marks, size_t nmarks);

/*
 * Returns the word with its break points shown as the command line shows
 * them: "-" for a break with an added hyphen, "=" for the word's own hyphen
 * where a break is allowed (and repeated), U+2011 for the word's own hyphen
 * where no break is allowed ("po-sky-to-va-tel", "Frý-dek=Mís-tek",
 * "e‑mail"). A word hyph_word() rejects comes back unchanged.
 * The caller frees the result.
 */
char		*hyph_show(const struct hyph *, const char *word, size_t len);

/*
 * Hyphenates running text (UTF-8, e.g. the output of typo_text()): inserts
 * U+00AD at every permitted break, puts U+2060 (word joiner) after a
 * compound's own hyphen where no break is allowed, and leaves URLs, e-mail
 * addresses, acronyms, words with digits and text the author already
 * hyphenated (has U+00AD) alone. A capitalised word that does not start a
 * sentence is taken for a name and left whole unless HYPH_NAMES is given.
 * Invalid UTF-8 is copied unchanged. The caller frees the result; *outlen
 * (if not NULL) gets its length.
 */
char		*hyph_text(const struct hyph *, const char *text, size_t len,
		    unsigned flags, size_t *outlen);

#endif
