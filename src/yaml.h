/*
 * YAML files (the edition file, layouts) read with libyaml into the same
 * document tree as JSON, with the position of every key and value (1-based,
 * columns in characters; a leading byte order mark is skipped).
 *
 * Plain scalars are typed by a small fixed schema: numbers in JSON's
 * spelling (12, -3, 1.50, 2e3 — not 012, +1, 0x1F or 1,5; the literal is
 * kept in str), true/false (also True, TRUE; yes/no/ano/ne are text), null
 * (null, ~, or nothing); everything else, dates like 2026-09-01 included, is
 * text. Quoted and block scalars are always text (node->quoted). The core
 * tags !!str, !!int, !!float, !!bool, !!null, !!seq, !!map and "!" apply.
 *
 * Refused with an error, the tree still returned without the offending
 * part: a key given twice in one mapping (the first value is kept), anchors
 * (ignored), aliases (become null), other tags (ignored). Fatal, NULL
 * returned: syntax errors (reworded for people who do not know YAML's
 * grammar), bytes that are not UTF-8 (with a hint at windows-1250 or
 * UTF-16), more than one document, lists and mappings nested deeper than
 * 64 levels, a list or mapping used as a key.
 */
#ifndef MAPA_YAML_H
#define MAPA_YAML_H

#include <stddef.h>

#include "diag.h"
#include "tree.h"

struct arena;

/*
 * Parses buf[0..len) into a tree in arena; file is the interned name for
 * positions (diag_file()). An empty document gives an N_NULL node. Returns
 * NULL after reporting why the text cannot be read.
 */
struct node	*yaml_parse(struct arena *, const char *file, const char *buf,
		    size_t len, struct diag *);

#endif
