/*
 * libFuzzer harness for the line breaker: the first 4 bytes choose the
 * options, every further 3 bytes make one item (box, glue or penalty, with
 * out-of-range values now and then). Checks, besides memory safety: the
 * lines are in order and end at legal breaks, every forced break is taken,
 * no forbidden one is; a line without overflow fits; overflow is reported
 * exactly when present; the hyphen rules hold unless LB_RELAXED is set;
 * lb_place() ends every line at its width; breaking again gives the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct lb_item
item(const uint8_t *b, bool odd)
{
	struct lb_item	 it;
	int32_t		 sign = odd && (b[2] & 0x80) ? -1 : 1;

	switch (b[0] & 3) {
	case 0:
	case 1:
		return lb_box(sign * b[1] * 8);
	case 2:
		it = lb_glue(b[1] * 4, sign * (b[2] & 0x3f) * 4,
		    (b[2] >> 6) * b[1]);
		return it;
	default:
		it = lb_penalty((b[1] & 0x3f) * 4, b[2] == 0xff ? LB_INF :
		    b[2] == 0xfe ? -LB_INF : b[2] == 0xfd ? 99999 :
		    (b[2] - 128) * 10, (unsigned)(b[1] >> 6));
		it.post = (b[0] >> 2) & 1 ? 40 * sign : 0;
		return it;
	}
}

/* The last item that is not trailing glue, as lb_break() sees the end. */
static size_t
para_end(const struct lb_item *it, size_t n)
{
	while (n > 0 && it[n - 1].type == LB_GLUE)
		n--;
	if (n > 0 && it[n - 1].type == LB_PENALTY &&
	    it[n - 1].penalty <= -LB_INF)
		n--;
	return n;
}

static void
check(const struct lb_item *it, size_t n, const struct lb_opts *o,
    const struct lb_result *r)
{
	const struct lb_line *l;
	size_t		 k, i, prev = 0, e = para_end(it, n);
	int64_t		*x, ovf = 0;
	int		 run = 0;
	bool		 clean = true;

	if (r->nlines == 0) {
		for (i = 0; i < n; i++)
			if (it[i].type != LB_GLUE)
				abort();	/* material lost */
		return;
	}
	if (r->lines[r->nlines - 1].end != e)
		abort();
	for (k = 0; k < r->nlines; k++) {
		l = &r->lines[k];
		if (k > 0 && l->end <= r->lines[k - 1].end)
			abort();
		if (l->start < prev || l->start > l->end)
			abort();
		for (i = prev; i < l->end; i++)
			if (it[i].type == LB_PENALTY &&
			    it[i].penalty <= -LB_INF)
				abort();	/* forced break skipped */
		if (l->end < e) {
			if (it[l->end].type == LB_BOX)
				abort();
			if (it[l->end].type == LB_GLUE && (l->end == 0 ||
			    it[l->end - 1].type != LB_BOX))
				abort();
			if (it[l->end].type == LB_PENALTY &&
			    it[l->end].penalty >= LB_INF)
				abort();	/* forbidden break taken */
		}
		if (l->overflow == 0 && l->natural -
		    (o->ragged ? 0 : l->shrink) > l->target)
			abort();
		if (l->overflow != 0 && l->overflow != l->natural -
		    (o->ragged ? 0 : l->shrink) - l->target)
			abort();
		ovf += l->overflow;
		x = xcalloc(l->end - l->start + 1, sizeof *x);
		lb_place(it, l, x);
		if (x[0] != l->post || x[l->end - l->start] + l->pre !=
		    l->width)
			abort();
		free(x);
		run = l->hyphen ? run + 1 : 0;
		if (o->max_hyphens > 0 && run > o->max_hyphens)
			clean = false;
		if (l->hyphen && k < o->nno_hyphen && o->no_hyphen[k])
			clean = false;
		if (k + 1 == r->nlines && k > 0 && r->lines[k - 1].hyphen &&
		    o->no_final_hyphen)
			clean = false;
		prev = l->end + 1;
	}
	if (ovf != r->overflow || (ovf > 0) != !!(r->status & LB_OVERFULL))
		abort();
	if (!clean && !(r->status & LB_RELAXED))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lb	*b;
	struct lb_item		*it;
	struct lb_opts		 o;
	struct lb_result	 r, r2;
	struct lb_line		*copy;
	int32_t			 widths[3];
	unsigned char		 noh[3];
	size_t			 n, i;
	bool			 odd;

	if (b == NULL)
		b = lb_new();
	if (size < 4)
		return 0;
	lb_opts_default(&o, 100 + (data[0] | data[1] << 8) % 4000);
	odd = data[2] & 0x80;
	o.ragged = data[2] & 1;
	o.no_final_hyphen = data[2] & 2;
	if (data[2] & 4)
		o.pretolerance = -1;
	if (data[2] & 8)
		o.emergency_stretch = 200;
	if (data[2] & 0x10) {
		widths[0] = o.width / 2;
		widths[1] = o.width;
		widths[2] = o.width * 3 / 4;
		o.widths = widths;
		o.nwidths = 3;
	}
	if (data[2] & 0x20) {
		noh[0] = noh[2] = 1;
		noh[1] = 0;
		o.no_hyphen = noh;
		o.nno_hyphen = 3;
	}
	if (data[2] & 0x40) {
		o.last_line_min = o.width / 3;
		o.runt_demerits = 5000;
	}
	o.max_hyphens = data[3] & 3;
	o.tolerance = (data[3] >> 2) * 200;
	o.ragged_stretch = odd ? -5 : 0;

	n = (size - 4) / 3;
	it = xcalloc(n + 1, sizeof *it);
	for (i = 0; i < n; i++)
		it[i] = item(data + 4 + 3 * i, odd);
	lb_break(b, it, n, &o, &r);
	check(it, n, &o, &r);

	/* The same input again gives the same lines. */
	copy = xcalloc(r.nlines + 1, sizeof *copy);
	if (r.nlines > 0)
		memcpy(copy, r.lines, r.nlines * sizeof *copy);
	lb_break(b, it, n, &o, &r2);
	if (r2.nlines != r.nlines || r2.demerits != r.demerits ||
	    r2.status != r.status)
		abort();
	for (i = 0; i < r.nlines; i++)
		if (copy[i].start != r2.lines[i].start ||
		    copy[i].end != r2.lines[i].end ||
		    copy[i].width != r2.lines[i].width)
			abort();
	free(copy);
	free(it);
	return 0;
}
