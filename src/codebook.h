/*
 * Codebooks (číselníky) that ship with mapa: types of social service under
 * zákon 108/2006 Sb. with their § and group, forms of provision, capacity
 * units, target groups, age groups and funding sources. The data live in
 * src/codebooks/ (one TSV per codebook) (one row per item, with the MPSV open-data id and
 * whether that id was verified) and are compiled into the program.
 *
 * Lookups accept what a coordinator or a data file is likely to write: the
 * short code, the MPSV id ("DruhSocialniSluzby/13"), the § ("§ 49", "49")
 * for service types, or the label itself.
 */
#ifndef MAPA_CODEBOOK_H
#define MAPA_CODEBOOK_H

#include <stdbool.h>
#include <stddef.h>

enum cb_kind {
	CB_FORM,	/* forma poskytování: amb, ter, pob */
	CB_UNIT,	/* typ kapacity: luzka, klient, interv, kontakt, hovor */
	CB_TARGET,	/* cílová skupina */
	CB_AGE,		/* věková skupina */
	CB_FUND,	/* zdroj financování */
	CB__MAX
};

enum svc_group {
	GROUP_PORADENSTVI,	/* sociální poradenství (§ 37) */
	GROUP_PECE,		/* služby sociální péče (§ 38–52) */
	GROUP_PREVENCE,		/* služby sociální prevence (§ 53–70) */
	GROUP_OTHER		/* e.g. centrum duševního zdraví */
};

/* One item of a generic codebook. */
struct cb_item {
	enum cb_kind	 kind;
	int		 index;		/* row number within its codebook */
	const char	*code;		/* our stable code: "pob", "luzka", "seniori" */
	const char	*mpsv_id;	/* "FormaSocialniSluzby/pob"; NULL if unknown */
	bool		 verified;	/* mpsv_id seen in real data */
	const char	*label;		/* "pobytová", "senioři" */
	const char	*short_label;	/* for tables and pictogram legends */
	/* CB_UNIT only: Czech plural forms ("lůžko", "lůžka", "lůžek"). */
	const char	*one, *few, *many;
	/* CB_UNIT only: bit mask of the forms it is normal for (1 << form index). */
	unsigned	 forms;
};

/* A type of social service. */
struct cb_type {
	int		 index;
	const char	*para;		/* "49", "60a"; NULL if none (CDZ) */
	const char	*name;		/* "domovy pro seniory" */
	enum svc_group	 group;
	unsigned	 forms;		/* allowed forms: 1 << form index */
	const char	*mpsv_id;	/* "DruhSocialniSluzby/13"; NULL if unknown */
	bool		 verified;
	int		 portal_id;	/* MPSV portal codebook id, 0 if unknown */
	const char	*abbr;		/* informal: "DpS" */
};

/*
 * Loads the compiled-in tables. Called once at start-up; the tables are
 * immutable afterwards and never freed (they live for the process).
 */
void			 cb_init(void);

size_t			 cb_count(enum cb_kind);
const struct cb_item	*cb_at(enum cb_kind, size_t);
/* Finds by code, MPSV id or label (labels ignore case). NULL if unknown. */
const struct cb_item	*cb_find(enum cb_kind, const char *);
/* NULL-terminated list of codes and labels, for "did you mean". */
const char *const	*cb_names(enum cb_kind);

size_t			 cb_type_count(void);
const struct cb_type	*cb_type_at(size_t);
/* Finds by "§ 49", "49", "DruhSocialniSluzby/13", name or abbreviation. */
const struct cb_type	*cb_type_find(const char *);
const char *const	*cb_type_names(void);

const char		*cb_group_label(enum svc_group);	/* "služby sociální péče" */
const char		*cb_group_code(enum svc_group);		/* "pece" */

/* Form index for a mask test: (type->forms & cb_form_bit(form)). */
unsigned		 cb_form_bit(const struct cb_item *form);

/* The Czech plural of a unit for count n: 1 lůžko, 2 lůžka, 5 lůžek. */
const char		*cb_unit_word(const struct cb_item *unit, long long n);

#endif
