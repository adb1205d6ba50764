/*
 * Validation: checks the whole catalogue once it is loaded, reports every
 * problem with the position of the offending value, repairs what is safe
 * (normalises a phone number, a PSČ written with a space), drops a value or
 * a record where it is not, and says which.
 *
 * The pure checks are exposed for unit tests and for the other stages
 * (the edition file has e-mail and web addresses too). None of them
 * allocates or depends on the locale.
 */
#ifndef MAPA_VALIDATE_H
#define MAPA_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Runs every check over c (all loaders and merge_catalogue() come first):
 * identifiers, contacts, PSČ, codebook rules, dates, opening hours, yearly
 * figures, provider conflicts, required and empty fields. Values are
 * normalised in place (new strings go to c's arena); bad values are removed
 * from their arrays or set absent; dropped services get s->dropped and are
 * removed (model_compact), dropped listings are removed from c->listings.
 * Every change is reported to d.
 */
void	validate_catalogue(struct catalogue *, struct diag *);

/* IČO: exactly 8 ASCII digits. */
bool	val_ico_format(const char *);
/* IČO: 8 digits whose last one is the mod-11 check digit (DOMAIN §8.1). */
bool	val_ico_checksum(const char *);
/*
 * The check digit (0–9) that the first 7 characters of s call for, or -1
 * when they are not 7 digits. val_ico_check_digit("2708503") == 1.
 */
int	val_ico_check_digit(const char *s);

/* identifikátor sociální služby: exactly 7 ASCII digits. */
bool	val_ident(const char *);

/* Size of a buffer that holds any normalised phone number with its NUL. */
#define VAL_PHONE_MAX	32

/*
 * Normalises one phone number into out (outlen bytes, at least
 * VAL_PHONE_MAX is always enough). Spaces, NBSP, dashes, dots and
 * parentheses are ignored.
 *   Czech:   "+420 585 562 109", "00420585562109", "585-562-109" → "585562109"
 *            (9 digits, the first 2–9)
 *   short:   "112", "150", "155", "156", "158", "116 111" → digits
 *            (116 000–116 999 only)
 *   foreign: "+421 2 1234 5678", "0049 30 123456" → "+421212345678"
 *            (7–15 digits after the +)
 * Returns false (out unspecified) if it is none of these.
 */
bool	val_phone_normalise(const char *, char *out, size_t outlen);

/*
 * Splits a value that holds several phone numbers, separated by ",", ";",
 * "/", "|", a line break or the words "nebo"/"a" ("573 333 123, 604 111
 * 222"), into up to max normalised numbers. Empty parts are skipped, so
 * "585 562 109," gives one number. Returns how many, or 0 when there is no
 * separator, more than max numbers, or a part that is not a valid number.
 */
size_t	val_phone_split(const char *, char (*out)[VAL_PHONE_MAX], size_t max);

/*
 * Why a phone number is not valid, in words for a message ("it has 8
 * digits; a Czech number has 9"); NULL when val_phone_normalise() accepts
 * it. The string is static.
 */
const char *val_phone_problem(const char *);

/*
 * PSČ: "76701", "767 01" (also with NBSP) → "76701" in out (6 bytes).
 * Returns false (out untouched) unless it is 5 digits with the first 1–7.
 */
bool	val_psc_normalise(const char *, char *out);

/*
 * The first digits a PSČ may plausibly have in a region, as a bit mask
 * (bit d set = first digit d), from its NUTS 3 code ("CZ072", also the
 * first 5 characters of an okres code) or, failing that, its name
 * ("Zlínský kraj", "Kraj Vysočina", "Hlavní město Praha"). Either may be
 * NULL. Returns 0 when the region is not recognised.
 */
unsigned val_psc_region_mask(const char *code, const char *name);

/*
 * E-mail: a practical syntax check (local@domain.tld, one @, no spaces,
 * domain labels of letters, digits and hyphens, a top-level domain of at
 * least 2 letters). val_email_problem() says why not, in words for a
 * message, or returns NULL if the address is fine; the string is static.
 */
bool	val_email(const char *);
const char *val_email_problem(const char *);

/*
 * Web address: optional http:// or https://, a host name with a dot, an
 * optional :port, any path without spaces. val_web_problem() as above;
 * when the value is an e-mail address it says so.
 */
bool	val_web(const char *);
const char *val_web_problem(const char *);

#endif
