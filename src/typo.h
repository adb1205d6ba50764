/*
 * Czech typography as a pure text-to-text stage between the model and the
 * layout: no-break spaces (ties) where a Czech line must not break, digit
 * grouping, dashes, quotes and the other rules of ../spec/TYPOGRAPHY.md §3.1
 * (and tests/typo/README.md), plus formatters for the values the layout
 * prints itself (amounts, dates, phone numbers, PSČ).
 *
 * The output is UTF-8 with real characters: U+00A0 no-break space (ties),
 * U+202F narrow no-break space (digit groups: it does not stretch when a
 * line is justified), U+2013 en dash, U+2060 word joiner (after a range
 * dash, so that "2013–" / "2015" cannot happen), U+2212 minus, „“ ‚‘ ’ … ×.
 * Hyphenation (U+00AD) is a separate step: hyph_text() in hyph.h.
 *
 * Independent of the process locale: only code points are compared.
 * URLs and e-mail addresses are never changed; a value the data marks
 * verbatim must simply not be passed through typo_text().
 */
#ifndef MAPA_TYPO_H
#define MAPA_TYPO_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Rule groups (struct typo_opts.flags). */
#define TYPO_TIES	0x0001	/* one-letter words, abbreviations, titles,
				   initials, ordinals, a tie before a dash */
#define TYPO_NUMBERS	0x0002	/* number + unit ties, digit groups, phone
				   numbers, PSČ, codes, "§40", dates */
#define TYPO_DASHES	0x0004	/* ranges, sentence dashes, minus sign */
#define TYPO_QUOTES	0x0008	/* „…“ ‚…‘ and the apostrophe ’ */
#define TYPO_MISC	0x0010	/* ellipsis, × for "krát", s.r.o. → s. r. o. */
#define TYPO_JOINER	0x0020	/* U+2060 after a range dash */
#define TYPO_ALL	0x003f

/* At most this many bytes of one-letter words (UTF-8). */
#define TYPO_MAX_TIES	64

/*
 * Options; the layout stage fills them from the layout file. Start from
 * typo_opts_default().
 */
struct typo_opts {
	unsigned	 flags;		/* TYPO_* */
	/* One-letter words tied to the next word, as a UTF-8 string of
	   letters; case matters. Default "kKsSvVzZoOuUaAiI" (ÚJČ, ČSN 01
	   6910); vlna's tradition is "KkSsVvZzOoUuAI". */
	char		 tie_letters[TYPO_MAX_TIES];
};

/* Fills o with the defaults: every rule group, the ÚJČ tie set. */
void	 typo_opts_default(struct typo_opts *o);

/*
 * Sets the tie letters from a UTF-8 string of letters (spaces and commas
 * between them are allowed and dropped). Returns false, leaving o as it
 * was, when the string has something else or is too long.
 */
bool	 typo_opts_set_ties(struct typo_opts *o, const char *letters);

/*
 * Normalises text (UTF-8, len bytes). Each line ("\n" separates them) is
 * one paragraph: runs of spaces (also tabs, U+2009 and other spaces) become
 * one and spaces at both ends of a line are dropped; an existing U+00A0 is
 * kept. Invalid UTF-8 is copied unchanged. o may be NULL for the defaults.
 * Returns a malloc'd NUL-terminated string (the caller frees it); *outlen,
 * if not NULL, gets its length. Applying it twice gives the same text.
 */
char	*typo_text(const char *text, size_t len, const struct typo_opts *o,
	    size_t *outlen);

/*
 * Formatters; each appends to b. Digit groups use U+202F, ties U+00A0.
 *
 * typo_fmt_number: value / 10^decimals (decimals 0..6) with a decimal comma,
 *   groups of three digits (a four-digit whole part stays ungrouped unless
 *   group4: "1500", "15 000") and a real minus sign (U+2212).
 * typo_fmt_amount: money in haléře: "2 703 663,20 Kč", "150 Kč" (whole
 *   crowns without ",00" unless cents is true), "−1 200 Kč".
 * typo_fmt_date: "1. září 2026" (genitive month name), or "1. 9. 2026" when
 *   numeric; ties inside. Returns false (appending nothing) for an invalid
 *   date.
 * typo_fmt_phone: a Czech phone number (9 digits, optionally +420/+421 or
 *   00420 before them) in any spacing, with ties: "585562109" → "585 562
 *   109", "00420585562109" → "+420 585 562 109"; groups of 2–4 digits the
 *   writer chose are kept ("800 11 22 33"). Returns false, appending s
 *   unchanged, when s is not such a number.
 * typo_fmt_psc: "76701" or "767 01" → "767 01". Returns false, appending s
 *   unchanged, for anything else.
 */
void	 typo_fmt_number(struct buf *b, long long value, int decimals,
	    bool group4);
void	 typo_fmt_amount(struct buf *b, long long halere, bool cents);
bool	 typo_fmt_date(struct buf *b, int y, int m, int d, bool numeric);
bool	 typo_fmt_phone(struct buf *b, const char *s);
bool	 typo_fmt_psc(struct buf *b, const char *s);

#endif
