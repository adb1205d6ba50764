/*
 * libFuzzer harness for the YAML reader (yaml.c). Besides not crashing, the
 * tree it returns must keep the promises of tree.h and yaml.h: every value
 * and key has a 1-based position in the parsed file, text values have their
 * text, numbers look like numbers, and no mapping holds a key twice. A
 * broken promise aborts, so the fuzzer reports it like a crash.
 * Seed corpus: tests/fuzz/corpus/fuzz_yaml/ (editions, layouts, each kind of
 * syntax error).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "tree.h"
#include "util.h"
#include "yaml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_pos(const struct srcpos *pos, const char *file)
{
	if (pos->file != file || pos->line < 1 || pos->col < 1)
		abort();
}

/* Walks the tree (depth is bounded by the reader's limit). */
static void
check(const struct node *n, const char *file, int depth)
{
	size_t	 i, j;

	if (n == NULL || depth > 65)
		abort();
	check_pos(&n->pos, file);
	switch (n->kind) {
	case N_STRING:
	case N_NUMBER:
		if (n->str == NULL || n->str[n->len] != '\0')
			abort();
		if (n->kind == N_NUMBER && !is_digit((unsigned char)
		    n->str[n->str[0] == '-']))
			abort();
		break;
	case N_BOOL:
		if (strcmp(n->str, n->b ? "true" : "false") != 0)
			abort();
		break;
	case N_ARRAY:
		for (i = 0; i < n->n; i++)
			check(n->items[i], file, depth + 1);
		break;
	case N_OBJECT:
		for (i = 0; i < n->n; i++) {
			check_pos(&n->members[i].keypos, file);
			for (j = 0; j < i; j++)
				if (strcmp(n->members[i].key,
				    n->members[j].key) == 0)
					abort();
			check(n->members[i].val, file, depth + 1);
		}
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	struct diag	*d = diag_new(NULL);
	const char	*file = diag_file(d, "fuzz.yaml");
	struct node	*n;

	n = yaml_parse(a, file, (const char *)data, size, d);
	if (n != NULL)
		check(n, file, 0);
	/* No tree without a reason: a failure is always reported. */
	if (n == NULL && diag_count(d, DIAG_ERROR) == 0)
		abort();
	diag_flush(d);
	diag_free(d);
	arena_free(a);
	return 0;
}
