/*
 * The filter stage: after load → merge → validate → link, keeps the part
 * of the catalogue an edition (or one of its variants) is about, the same
 * way whatever format the data came from.
 *
 *   territory (filtry.kraje, okresy, obce): a service stays when one of its
 *     places (mista) or its area of operation (uzemni_pusobnost.obce) lies
 *     in the territory; places outside are left out of it, except that a
 *     service kept for its area of operation alone keeps its places (they
 *     are where it is reached from).
 *   target groups (filtry.cilove_skupiny): a service stays when it is for
 *     at least one of them.
 *   then providers left with no service, references from life situations
 *   to services left out, and life situations left with no service go.
 *   Listings (related services, offices, crisis lines) all stay: they serve
 *   the whole territory.
 *
 * Names are compared without regard to capitals, diacritics and
 * punctuation, codes exactly; an obec's code and name are bridged when the
 * data's own addresses pair them unambiguously. A place is in the territory when no filtered
 * level (kraj, okres, obec) rules it out and at least one matches; when the
 * data do not say enough to decide (native data without the level's name or
 * code), the service is kept and a warning says how many. The registry,
 * katalog and CSV loaders already filter while reading (with the same
 * options); what they kept is not second-guessed on levels the model cannot
 * decide, so their catalogues pass through unchanged.
 */
#ifndef MAPA_FILTER_H
#define MAPA_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "edition.h"
#include "load.h"
#include "model.h"

/* Where one place or area of operation stands against the territory. */
enum filter_verdict {
	FV_UNKNOWN,	/* the data do not say enough to decide */
	FV_OUT,
	FV_IN
};

/* What one run of filter_catalogue() did. */
struct filter_stats {
	size_t	 before;	/* services before the stage */
	size_t	 outside;	/* left out: not in the territory */
	size_t	 by_area;	/* kept for their area of operation alone */
	size_t	 unchecked;	/* kept undecided (data without the level) */
	size_t	 places_out;	/* places left out of kept services */
	size_t	 off_target;	/* left out: none of the target groups */
	size_t	 no_target;	/* of those, services with no target group */
	size_t	 providers_out;	/* providers left with no service */
	size_t	 refs_out;	/* situation references removed */
	size_t	 situations_out; /* situations left with no service */
	size_t	 after;		/* services after the stage */
};

/* Does the edition filter by territory or by target group at all? */
bool			 filter_active(const struct edition *);

/*
 * Applies the edition's filters (e may be a variant's edition from
 * edition_for_variant(); its filters are used as they are) to c in place:
 * services, places, providers and situations left out are removed and the
 * indexes renumbered. Notes (D_FILTERED) say what each filter kept and a
 * warning how many services could not be decided; they stand at where
 * (NULL: the edition file, line 0). When st is not NULL the counts are
 * stored there. Without filters nothing changes and nothing is reported.
 */
void			 filter_catalogue(struct catalogue *c,
			    const struct edition *e, const struct srcpos *where,
			    struct diag *d, struct filter_stats *st);

/*
 * The rules one at a time, for the stage and its tests. o holds the
 * territory filters (kraje, okresy, obce); every other field is ignored.
 * A level without filter values does not count.
 */
enum filter_verdict	 filter_address(const struct load_opts *o,
			    const struct address *);
/* An area of operation: municipality names or 6-digit codes. */
enum filter_verdict	 filter_area(const struct load_opts *o,
			    const struct str *munis, size_t n);

/*
 * Do two names match, ignoring capitals, diacritics, punctuation and
 * spacing ("Morkovice-Slížany" = "morkovice – slizany")?
 */
bool			 filter_same_name(const char *, const char *);

#endif
