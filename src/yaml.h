/*
 * YAML files (the edition file, layouts) read with libyaml into the same
 * document tree as JSON, with the position of every key and value. Plain
 * scalars become numbers, booleans (true/false/yes/no/ano/ne are NOT
 * guessed: only true/false) or null (null, ~, empty) when they look like
 * one; quoted scalars are always text. Anchors and aliases are rejected.
 */
#ifndef MAPA_YAML_H
#define MAPA_YAML_H

#include <stddef.h>

#include "diag.h"
#include "tree.h"

struct arena;

/* Parses buf[0..len) into a tree in arena; NULL after reporting an error. */
struct node	*yaml_parse(struct arena *, const char *file, const char *buf,
		    size_t len, struct diag *);

#endif
