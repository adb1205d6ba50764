/*
 * libFuzzer harness for the typography stage: typo_text(), hyph_text(),
 * hyph_show() and the collation calls on arbitrary bytes. The first byte
 * chooses the rule groups. Checks, besides memory safety: the output of
 * valid UTF-8 is valid UTF-8, keeps the number of lines, and normalising
 * it again changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "hyph.h"
#include "typo.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static size_t
lines(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hyph	*h;
	static struct collate	*c;
	struct typo_opts	 o;
	const char		*in;
	char			*a, *b, *hy, head[8];
	unsigned char		*key;
	size_t			 n, la, lb, lh, kl;
	bool			 valid;

	if (h == NULL && (h = hyph_new(NULL, 0)) == NULL)
		abort();
	if (c == NULL && (c = collate_new(false)) == NULL)
		abort();
	if (size == 0)
		return 0;
	typo_opts_default(&o);
	o.flags = data[0] & TYPO_ALL;
	if (data[0] & 0x80)
		(void)typo_opts_set_ties(&o, "KkSsVvZzOoUuAI");
	in = (const char *)data + 1;
	n = size - 1;
	valid = utf8_check(data + 1, n) == n;

	a = typo_text(in, n, &o, &la);
	if (valid && utf8_check((unsigned char *)a, la) != la)
		abort();
	if (lines(a, la) != lines(in, n))
		abort();
	if (valid) {
		b = typo_text(a, la, &o, &lb);
		if (lb != la || memcmp(a, b, la) != 0)
			abort();	/* not idempotent */
		free(b);
	}
	hy = hyph_text(h, a, la, data[0] & 3, &lh);
	if (valid && utf8_check((unsigned char *)hy, lh) != lh)
		abort();
	free(hy);
	free(a);

	a = hyph_show(h, in, n < 200 ? n : 200);
	free(a);
	key = collate_key(c, in, n, &kl);
	free(key);
	(void)collate_cmp(c, in, n, "Kroměříž", strlen("Kroměříž"));
	(void)collate_heading(c, in, n, head);
	return 0;
}
