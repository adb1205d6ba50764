/*
 * libFuzzer harness for the JSON parser. Each input is parsed three ways:
 * json_parse() over the whole buffer; the pull reader over the same bytes
 * seen through a small window (1–64 bytes, chosen by the first byte), which
 * must give the same tree, the same positions and the same messages; and a
 * streaming walk of {"key": [item, ...]} that reads items into a scratch
 * arena reset after each one, as the registry loader does. Any difference
 * aborts. Seed corpus: tests/fuzz/corpus/fuzz_json/.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "tree.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
same_pos(const struct srcpos *a, const struct srcpos *b)
{
	return a->line == b->line && a->col == b->col && a->line >= 1 &&
	    a->col >= 1;
}

static bool
same_tree(const struct node *a, const struct node *b)
{
	size_t	 i;

	if (a->kind != b->kind || a->n != b->n || !same_pos(&a->pos, &b->pos))
		return false;
	if (a->kind == N_STRING || a->kind == N_NUMBER)
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	if (a->kind == N_BOOL)
		return a->b == b->b;
	for (i = 0; i < a->n; i++)
		if (a->kind == N_ARRAY ?
		    !same_tree(a->items[i], b->items[i]) :
		    strcmp(a->members[i].key, b->members[i].key) != 0 ||
		    !same_pos(&a->members[i].keypos, &b->members[i].keypos) ||
		    !same_tree(a->members[i].val, b->members[i].val))
			return false;
	return true;
}

/* Runs one parse, returning its tree and its messages (malloc'd). */
static struct node *
parse(struct arena *a, const char *buf, size_t len, size_t window,
    char **msgs)
{
	size_t		 msglen;
	FILE		*f = open_memstream(msgs, &msglen);
	struct diag	*d = diag_new(f);
	struct json_reader *r;
	struct node	*n;

	if (window == 0)
		n = json_parse(a, "fuzz.json", buf, len, d);
	else {
		r = json_reader_mem("fuzz.json", buf, len, d);
		json_reader_set_window(r, window);
		n = json_read_value(r, a);
		if (n != NULL && !json_reader_end(r))
			n = NULL;
		json_reader_close(r);
	}
	diag_flush(d);
	diag_free(d);
	fclose(f);
	return n;
}

/* Walks the first list member of a top-level object item by item. */
static void
stream(const char *buf, size_t len, size_t window)
{
	struct diag	*d = diag_new(NULL);
	struct json_reader *r = json_reader_mem("fuzz.json", buf, len, d);
	struct arena	*scratch = arena_new();
	struct srcpos	 pos;
	const char	*key;

	json_reader_set_window(r, window);
	if (json_begin_object(r, &pos)) {
		while (json_next_key(r, &key, &pos)) {
			if (!json_begin_array(r, NULL))
				break;
			while (json_next_item(r)) {
				if (json_read_value(r, scratch) == NULL)
					break;
				arena_reset(scratch);
			}
		}
		json_reader_end(r);
	}
	json_reader_close(r);
	arena_free(scratch);
	diag_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a, *b;
	struct node	*whole, *windowed;
	char		*m1 = NULL, *m2 = NULL;
	const char	*buf;
	size_t		 window, len;

	if (size < 1)
		return 0;
	window = data[0] % 64 + 1;
	buf = (const char *)data + 1;
	len = size - 1;
	a = arena_new();
	b = arena_new();
	whole = parse(a, buf, len, 0, &m1);
	windowed = parse(b, buf, len, window, &m2);
	if ((whole == NULL) != (windowed == NULL) || strcmp(m1, m2) != 0)
		abort();
	if (whole != NULL && !same_tree(whole, windowed))
		abort();
	stream(buf, len, window);
	free(m1);
	free(m2);
	arena_free(a);
	arena_free(b);
	return 0;
}
