/*
 * Validation: checks the whole catalogue once it is loaded, reports every
 * problem with the position of the offending value, repairs what is safe
 * (normalises a phone number, a PSČ written with a space), drops a value or
 * a record where it is not, and says which.
 *
 * The pure checks are exposed for unit tests and for the other stages.
 */
#ifndef MAPA_VALIDATE_H
#define MAPA_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Runs every check over c; dropped services are removed (model_compact). */
void	validate_catalogue(struct catalogue *, struct diag *);

/* IČO: 8 digits with the mod-11 check digit. */
bool	val_ico_format(const char *);
bool	val_ico_checksum(const char *);
/* identifikátor sociální služby: 7 digits. */
bool	val_ident(const char *);
/*
 * Normalises a phone number into out (at least 32 bytes): "+420 585 562 109",
 * "585562109", "00420585562109" → "585562109"; "112", "116 111" → short
 * numbers; "+421 …" → "+421…". Returns false if it is not a phone number.
 */
bool	val_phone_normalise(const char *, char *out, size_t outlen);
/* PSČ: "76701" or "767 01" → "76701" in out (6 bytes). */
bool	val_psc_normalise(const char *, char *out);
bool	val_email(const char *);
bool	val_web(const char *);

#endif
