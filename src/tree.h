/*
 * Document tree: what the JSON and YAML parsers produce, with the source
 * position of every value and every key. Loaders walk it to build the model
 * and use the helpers below to report wrong types and unknown keys.
 *
 * Nodes live in the arena given to the parser.
 */
#ifndef MAPA_TREE_H
#define MAPA_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;

enum node_kind {
	N_NULL,
	N_BOOL,
	N_NUMBER,	/* str holds the literal as written */
	N_STRING,
	N_ARRAY,
	N_OBJECT
};

struct member {
	const char	*key;
	struct srcpos	 keypos;
	struct node	*val;
	bool		 used;	/* set by tree_get(); see tree_check_unused() */
};

struct node {
	enum node_kind	 kind;
	struct srcpos	 pos;	/* first character of the value */
	const char	*str;	/* N_STRING, N_NUMBER (literal), N_BOOL ("true"/"false") */
	size_t		 len;	/* bytes in str (a JSON string may hold \u0000) */
	bool		 b;	/* N_BOOL */
	bool		 quoted; /* YAML: the scalar was quoted (never a number) */
	struct node	**items;	/* N_ARRAY */
	struct member	*members;	/* N_OBJECT, in source order */
	size_t		 n;		/* items or members */
};

/* "string", "number", ... for messages. */
const char	*node_kind_name(enum node_kind);

/*
 * Looks up key in an object and marks the member used. Returns NULL when obj
 * is not an object or has no such key (a key whose value is null counts as
 * absent: returns NULL too).
 */
struct node	*tree_get(struct node *obj, const char *key);
/* Same, but keeps JSON null: returns the N_NULL node. */
struct node	*tree_get_raw(struct node *obj, const char *key);
/* Marks every member used (for objects that are passed through). */
void		 tree_mark_used(struct node *obj);

/*
 * Reports every member of obj that no tree_get() asked for, as
 * "unknown field „klic“ in <what>; did you mean „kluc“?" with the known keys
 * from the NULL-terminated list (for the suggestion). Returns the count.
 */
int		 tree_check_unused(struct node *obj, struct diag *, const char *what,
		    const char *const *known);

/*
 * Typed access with a message on mismatch. Each returns false (and reports
 * D_WRONG_TYPE naming the field) when the node has the wrong kind; a NULL
 * node is "absent" and returns false without a message.
 */
bool		 tree_expect(struct node *, enum node_kind, struct diag *,
		    const char *field);
/*
 * Returns the string value of a string node; numbers are accepted too when
 * allow_number (their literal text). NULL (with a message) otherwise.
 */
const char	*tree_string(struct node *, struct diag *, const char *field,
		    bool allow_number);

/* Levenshtein-based suggestion: the closest of known to s, or NULL. */
const char	*tree_suggest(const char *s, const char *const *known);
/*
 * The same, comparing norm(s) with norm(keys[i]) for i < n, where norm
 * returns a malloc'd normalised copy (e.g. without diacritics). Returns
 * shown[i] for the closest key (keys[i] when shown is NULL), or NULL when
 * nothing is close.
 */
const char	*tree_suggest_norm(const char *s, const char *const *keys,
		    const char *const *shown, size_t n,
		    char *(*norm)(const char *));

/* Allocates nodes (used by the parsers). */
struct node	*tree_node(struct arena *, enum node_kind, const struct srcpos *);
/* Appends to an array or object node (amortised; memory from the arena). */
void		 tree_append(struct arena *, struct node *arr, struct node *item);
struct member	*tree_add_member(struct arena *, struct node *obj, const char *key,
		    const struct srcpos *keypos, struct node *val);

#endif
