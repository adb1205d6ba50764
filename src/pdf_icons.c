/*
 * Pictograms as vector drawings (see pdf_icons.h). Each is drawn in a unit
 * square (0,0)-(1,1), y downwards, scaled to the box: one em of the text
 * they stand in. They share one style so that a row of them looks like a
 * set: strokes STROKE units wide with round ends and joins (0.8 pt at
 * 9 pt, as heavy as the text's stems), filled shapes where a thin outline
 * would close up at small sizes, and holes cut out (even-odd fill) rather
 * than painted white, so that they stay right on a tinted background.
 * Every shape keeps a margin of about 0.06 inside the square, so that two
 * pictograms side by side do not touch.
 */
#include <math.h>
#include <stdbool.h>

#include "pdf_icons.h"

#define STROKE	0.09
#define PI	3.14159265358979323846

/* EU flag colours (the emblem's graphic rules: Reflex Blue, Yellow). */
#define EU_BLUE		0x003399
#define EU_YELLOW	0xFFCC00

static void
set_rgb(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* A rectangle with round corners of radius r, as a closed sub-path. */
static void
round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, PI / 2, PI);
	cairo_arc(cr, x + r, y + r, r, PI, 3 * PI / 2);
	cairo_close_path(cr);
}

static void
circle(cairo_t *cr, double cx, double cy, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, cx, cy, r, 0, 2 * PI);
	cairo_close_path(cr);
}

/* Where: a map pin, a drop standing on its point, with a round hole. */
static void
icon_pin(cairo_t *cr)
{
	double	 cx = 0.5, cy = 0.37, r = 0.30, tipy = 0.96;
	double	 b = acos(r / (tipy - cy));	/* tangent from the tip */

	cairo_move_to(cr, cx, tipy);
	cairo_arc(cr, cx, cy, r, PI / 2 + b, 2 * PI + PI / 2 - b);
	cairo_close_path(cr);
	circle(cr, cx, cy, 0.115);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_fill(cr);
}

/*
 * A telephone handset: a band bent round the upper right corner, with
 * the ear and mouth pieces at its ends, wider than the band and turned
 * inwards.
 */
static void
icon_phone(cairo_t *cr)
{
	double	 cx = 0.84, cy = 0.16;		/* centre of the bend */
	double	 ro = 0.72, rm = 0.57, ri = 0.36;	/* outer, band, pieces */
	double	 a0 = PI / 2, a1 = PI;		/* ends of the band */
	double	 p = 0.36;			/* angle the pieces take */

	cairo_new_sub_path(cr);
	cairo_arc(cr, cx, cy, ro, a0, a1);
	cairo_arc_negative(cr, cx, cy, ri, a1, a1 - p);
	cairo_arc_negative(cr, cx, cy, rm, a1 - p, a0 + p);
	cairo_arc_negative(cr, cx, cy, ri, a0 + p, a0);
	cairo_close_path(cr);
	cairo_fill_preserve(cr);
	/* Round the corners off. */
	cairo_set_line_width(cr, 0.07);
	cairo_stroke(cr);
}

/* E-mail: an envelope with its flap. */
static void
icon_envelope(cairo_t *cr)
{
	round_rect(cr, 0.07, 0.2, 0.86, 0.6, 0.06);
	cairo_move_to(cr, 0.1, 0.24);
	cairo_line_to(cr, 0.5, 0.55);
	cairo_line_to(cr, 0.9, 0.24);
	cairo_stroke(cr);
}

/* Web: a globe with two meridians, the equator and two parallels. */
static void
icon_globe(cairo_t *cr)
{
	double	 r = 0.42;

	circle(cr, 0.5, 0.5, r);
	/* The meridian: an ellipse half as wide as the globe. */
	cairo_save(cr);
	cairo_translate(cr, 0.5, 0.5);
	cairo_scale(cr, 0.45, 1);
	circle(cr, 0, 0, r);
	cairo_restore(cr);
	cairo_move_to(cr, 0.5 - r, 0.5);
	cairo_line_to(cr, 0.5 + r, 0.5);
	cairo_move_to(cr, 0.5 - 0.36, 0.29);
	cairo_line_to(cr, 0.5 + 0.36, 0.29);
	cairo_move_to(cr, 0.5 - 0.36, 0.71);
	cairo_line_to(cr, 0.5 + 0.36, 0.71);
	cairo_set_line_width(cr, STROKE * 0.75);
	cairo_stroke(cr);
}

/* Hours: a clock face, its hands at twelve and four. */
static void
icon_clock(cairo_t *cr)
{
	circle(cr, 0.5, 0.5, 0.42);
	cairo_move_to(cr, 0.5, 0.24);
	cairo_line_to(cr, 0.5, 0.5);
	cairo_line_to(cr, 0.7, 0.62);
	cairo_stroke(cr);
}

/*
 * Fees: a stack of coins seen from the side, the top coin's face showing
 * as a ring. Free of charge: the same, struck through, the stack cut back
 * along the stroke so that the two do not run together.
 */
static void
icon_coin(cairo_t *cr, bool crossed)
{
	int	 i;

	if (crossed) {
		/* Everything but a band along the stroke. */
		cairo_rectangle(cr, -1, -1, 3, 3);
		cairo_move_to(cr, -0.04, 0.88);
		cairo_line_to(cr, 0.88, -0.04);
		cairo_line_to(cr, 1.12, 0.2);
		cairo_line_to(cr, 0.2, 1.12);
		cairo_close_path(cr);
		cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
		cairo_clip(cr);
	}
	/* Three coins' edges, with gaps between them. */
	for (i = 0; i < 3; i++)
		round_rect(cr, 0.14, 0.77 - i * 0.17, 0.72, 0.13, 0.065);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	cairo_fill(cr);
	/* The top coin: an ellipse with a ring cut out. */
	cairo_save(cr);
	cairo_translate(cr, 0.5, 0.3);
	cairo_scale(cr, 1, 0.5);
	circle(cr, 0, 0, 0.36);
	circle(cr, 0, 0, 0.24);
	circle(cr, 0, 0, 0.14);
	cairo_restore(cr);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_fill(cr);
	if (crossed) {
		cairo_reset_clip(cr);
		cairo_move_to(cr, 0.1, 0.9);
		cairo_line_to(cr, 0.9, 0.1);
		cairo_set_line_width(cr, STROKE * 1.1);
		cairo_stroke(cr);
	}
}

/* Residential: a bed with a pillow and a blanket, seen from the side. */
static void
icon_bed(cairo_t *cr)
{
	/* Frame: the headboard on the left, the side rail, the legs. */
	cairo_move_to(cr, 0.1, 0.2);
	cairo_line_to(cr, 0.1, 0.86);
	cairo_move_to(cr, 0.1, 0.7);
	cairo_line_to(cr, 0.9, 0.7);
	cairo_line_to(cr, 0.9, 0.86);
	cairo_stroke(cr);
	/* Pillow and blanket. */
	round_rect(cr, 0.2, 0.44, 0.2, 0.16, 0.06);
	round_rect(cr, 0.44, 0.4, 0.46, 0.2, 0.06);
	cairo_fill(cr);
}

/* Outpatient: a door standing open, in its frame. */
static void
icon_door(cairo_t *cr)
{
	/* The frame. */
	cairo_move_to(cr, 0.16, 0.92);
	cairo_line_to(cr, 0.16, 0.08);
	cairo_line_to(cr, 0.84, 0.08);
	cairo_line_to(cr, 0.84, 0.92);
	cairo_move_to(cr, 0.06, 0.92);
	cairo_line_to(cr, 0.94, 0.92);
	cairo_stroke(cr);
	/* The leaf, swung open towards us: a trapezoid; its knob a hole. */
	cairo_move_to(cr, 0.16, 0.08);
	cairo_line_to(cr, 0.58, 0.2);
	cairo_line_to(cr, 0.58, 0.98);
	cairo_line_to(cr, 0.16, 0.92);
	cairo_close_path(cr);
	circle(cr, 0.49, 0.56, 0.045);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_fill(cr);
}

/*
 * Field work: a small car seen from the side; windows cut out, the body
 * arched over the wheels with a gap.
 */
static void
icon_car(cairo_t *cr)
{
	cairo_move_to(cr, 0.06, 0.72);
	cairo_line_to(cr, 0.06, 0.58);
	cairo_curve_to(cr, 0.06, 0.51, 0.1, 0.48, 0.17, 0.47);
	cairo_line_to(cr, 0.27, 0.46);
	cairo_line_to(cr, 0.37, 0.3);
	cairo_curve_to(cr, 0.39, 0.27, 0.41, 0.26, 0.45, 0.26);
	cairo_line_to(cr, 0.65, 0.26);
	cairo_curve_to(cr, 0.69, 0.26, 0.71, 0.27, 0.73, 0.3);
	cairo_line_to(cr, 0.83, 0.46);
	cairo_curve_to(cr, 0.9, 0.47, 0.94, 0.51, 0.94, 0.58);
	cairo_line_to(cr, 0.94, 0.72);
	cairo_line_to(cr, 0.87, 0.72);
	cairo_arc_negative(cr, 0.72, 0.72, 0.15, 0, -PI);
	cairo_line_to(cr, 0.43, 0.72);
	cairo_arc_negative(cr, 0.28, 0.72, 0.15, 0, -PI);
	cairo_close_path(cr);
	/* Windows. */
	cairo_move_to(cr, 0.35, 0.45);
	cairo_line_to(cr, 0.43, 0.33);
	cairo_line_to(cr, 0.53, 0.33);
	cairo_line_to(cr, 0.53, 0.45);
	cairo_close_path(cr);
	cairo_move_to(cr, 0.59, 0.45);
	cairo_line_to(cr, 0.59, 0.33);
	cairo_line_to(cr, 0.67, 0.33);
	cairo_line_to(cr, 0.75, 0.45);
	cairo_close_path(cr);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_fill(cr);
	circle(cr, 0.28, 0.75, 0.105);
	circle(cr, 0.72, 0.75, 0.105);
	cairo_fill(cr);
}

/* Barrier-free access: the international symbol (a wheelchair user). */
static void
icon_wheelchair(cairo_t *cr)
{
	circle(cr, 0.47, 0.13, 0.085);
	cairo_fill(cr);
	/* Back, seat, shin and foot. */
	cairo_move_to(cr, 0.45, 0.27);
	cairo_line_to(cr, 0.47, 0.56);
	cairo_line_to(cr, 0.7, 0.56);
	cairo_line_to(cr, 0.79, 0.84);
	cairo_line_to(cr, 0.9, 0.84);
	/* The arm. */
	cairo_move_to(cr, 0.46, 0.4);
	cairo_line_to(cr, 0.66, 0.4);
	cairo_stroke(cr);
	/* The wheel: a circle open at the top right, where the body is. */
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.42, 0.66, 0.26, -0.25 * PI, 1.42 * PI);
	cairo_stroke(cr);
}

/* A person's head and body, standing at x (the target-group set). */
static void
figure(cairo_t *cr, double x, double top, double h)
{
	double	 r = h * 0.13;

	circle(cr, x, top + r, r);
	cairo_fill(cr);
	cairo_move_to(cr, x, top + 2.6 * r);
	cairo_line_to(cr, x, top + 0.62 * h);
	cairo_move_to(cr, x - 0.11 * h, top + 0.38 * h);
	cairo_line_to(cr, x + 0.11 * h, top + 0.38 * h);
	cairo_move_to(cr, x, top + 0.62 * h);
	cairo_line_to(cr, x - 0.09 * h, top + h);
	cairo_move_to(cr, x, top + 0.62 * h);
	cairo_line_to(cr, x + 0.09 * h, top + h);
	cairo_stroke(cr);
}

/* Seniors: a figure bent a little, leaning on a walking stick. */
static void
icon_seniors(cairo_t *cr)
{
	circle(cr, 0.42, 0.14, 0.1);
	cairo_fill(cr);
	cairo_move_to(cr, 0.44, 0.3);
	cairo_curve_to(cr, 0.5, 0.42, 0.48, 0.52, 0.44, 0.62);
	cairo_line_to(cr, 0.34, 0.95);
	cairo_move_to(cr, 0.44, 0.62);
	cairo_line_to(cr, 0.52, 0.95);
	cairo_move_to(cr, 0.47, 0.42);
	cairo_line_to(cr, 0.66, 0.5);
	/* the stick with its crook */
	cairo_move_to(cr, 0.7, 0.95);
	cairo_line_to(cr, 0.7, 0.5);
	cairo_curve_to(cr, 0.7, 0.4, 0.58, 0.4, 0.6, 0.48);
	cairo_stroke(cr);
}

/* Disability: a heart above the cup of an open hand (care). */
static void
icon_disability(cairo_t *cr)
{
	cairo_move_to(cr, 0.5, 0.62);
	cairo_curve_to(cr, 0.2, 0.42, 0.22, 0.12, 0.4, 0.14);
	cairo_curve_to(cr, 0.46, 0.15, 0.5, 0.22, 0.5, 0.26);
	cairo_curve_to(cr, 0.5, 0.22, 0.54, 0.15, 0.6, 0.14);
	cairo_curve_to(cr, 0.78, 0.12, 0.8, 0.42, 0.5, 0.62);
	cairo_close_path(cr);
	cairo_fill(cr);
	cairo_move_to(cr, 0.1, 0.66);
	cairo_curve_to(cr, 0.2, 0.88, 0.8, 0.88, 0.9, 0.66);
	cairo_move_to(cr, 0.1, 0.66);
	cairo_line_to(cr, 0.06, 0.92);
	cairo_stroke(cr);
}

/* Families: two adults and a child between them. */
static void
icon_family(cairo_t *cr)
{
	figure(cr, 0.2, 0.08, 0.88);
	figure(cr, 0.8, 0.08, 0.88);
	figure(cr, 0.5, 0.42, 0.54);
}

/* People in crisis: a lifebuoy, a ring with four bands. */
static void
icon_crisis(cairo_t *cr)
{
	int	 i;

	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.5, 0.5, 0.4, 0, 2 * PI);
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.5, 0.5, 0.2, 0, 2 * PI);
	cairo_stroke(cr);
	for (i = 0; i < 4; i++) {
		double	 a = PI / 4 + i * PI / 2;

		cairo_new_sub_path(cr);
		cairo_arc(cr, 0.5, 0.5, 0.4, a - 0.28, a + 0.28);
		cairo_arc_negative(cr, 0.5, 0.5, 0.2, a + 0.5, a - 0.5);
		cairo_close_path(cr);
	}
	cairo_fill(cr);
}

/* Addictions: a bottle. */
static void
icon_addiction(cairo_t *cr)
{
	cairo_move_to(cr, 0.43, 0.06);
	cairo_line_to(cr, 0.57, 0.06);
	cairo_line_to(cr, 0.57, 0.3);
	cairo_curve_to(cr, 0.57, 0.36, 0.68, 0.38, 0.68, 0.46);
	cairo_line_to(cr, 0.68, 0.94);
	cairo_line_to(cr, 0.32, 0.94);
	cairo_line_to(cr, 0.32, 0.46);
	cairo_curve_to(cr, 0.32, 0.38, 0.43, 0.36, 0.43, 0.3);
	cairo_close_path(cr);
	cairo_stroke(cr);
	cairo_rectangle(cr, 0.32, 0.58, 0.36, 0.2);
	cairo_fill(cr);
}

/* Foreigners and minorities: two speech bubbles (other languages). */
static void
icon_foreign(cairo_t *cr)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.36, 0.36, 0.26, 0.6 * PI, 2.45 * PI);
	cairo_line_to(cr, 0.16, 0.7);
	cairo_close_path(cr);
	cairo_stroke(cr);
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.66, 0.6, 0.24, -0.55 * PI, 0.4 * PI);
	cairo_line_to(cr, 0.86, 0.92);
	cairo_close_path(cr);
	cairo_fill(cr);
}

/* Nonstop: a circular arrow round the figures 24. */
static void
icon_nonstop(cairo_t *cr)
{
	double	 r = 0.41, a = -0.34 * PI;	/* where the arrow ends */
	double	 ex = 0.5 + r * cos(a), ey = 0.5 + r * sin(a);

	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.5, 0.5, r, -0.5 * PI + 0.42, 2 * PI + a);
	cairo_stroke(cr);
	/* Arrow head at the end, pointing along the circle (clockwise). */
	cairo_save(cr);
	cairo_translate(cr, ex, ey);
	cairo_rotate(cr, a + PI / 2);
	cairo_move_to(cr, 0.15, 0);
	cairo_line_to(cr, -0.06, -0.13);
	cairo_line_to(cr, -0.06, 0.13);
	cairo_close_path(cr);
	cairo_restore(cr);
	cairo_fill(cr);
	/* "2": a hook, a diagonal, a foot; "4": an open triangle and stem. */
	cairo_set_line_width(cr, 0.065);
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0.365, 0.43, 0.085, -PI, 0.25 * PI);
	cairo_line_to(cr, 0.27, 0.64);
	cairo_line_to(cr, 0.47, 0.64);
	cairo_move_to(cr, 0.68, 0.64);
	cairo_line_to(cr, 0.68, 0.34);
	cairo_line_to(cr, 0.53, 0.56);
	cairo_line_to(cr, 0.74, 0.56);
	cairo_stroke(cr);
}

/*
 * The EU flag in a 1.5 × 1 box: twelve five-pointed stars on a circle of
 * radius one third of the height, each star in a circle of one eighteenth
 * of the height, one point up, the first star at twelve o'clock.
 */
static void
icon_eu(cairo_t *cr)
{
	double	 h = 1, w = 1.5, cx = w / 2, cy = h / 2;
	double	 rc = h / 3, rs = h / 18;
	double	 ri = rs * 0.381966;	/* inner radius of a regular star */
	int	 i, k;

	set_rgb(cr, EU_BLUE);
	cairo_rectangle(cr, 0, 0, w, h);
	cairo_fill(cr);
	set_rgb(cr, EU_YELLOW);
	for (i = 0; i < 12; i++) {
		double	 sx = cx + rc * sin(i * PI / 6);
		double	 sy = cy - rc * cos(i * PI / 6);

		for (k = 0; k < 10; k++) {
			double	 rr = k % 2 == 0 ? rs : ri;
			double	 t = k * PI / 5;
			double	 px = sx + rr * sin(t), py = sy - rr * cos(t);

			if (k == 0)
				cairo_move_to(cr, px, py);
			else
				cairo_line_to(cr, px, py);
		}
		cairo_close_path(cr);
	}
	cairo_fill(cr);
}

double
pdf_icon_height(enum doc_icon icon, double w)
{
	return icon == DI_EU ? w / 1.5 : w;
}

void
pdf_icon_draw(cairo_t *cr, enum doc_icon icon, double x, double y, double w,
    uint32_t rgb)
{
	if (icon <= DI_NONE || icon >= DI__MAX || !(w > 0))
		return;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	if (icon == DI_EU)
		cairo_scale(cr, w / 1.5, w / 1.5);
	else
		cairo_scale(cr, w, w);
	cairo_new_path(cr);
	set_rgb(cr, rgb);
	cairo_set_line_width(cr, STROKE);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	switch (icon) {
	case DI_ADDRESS:
		icon_pin(cr);
		break;
	case DI_PHONE:
		icon_phone(cr);
		break;
	case DI_EMAIL:
		icon_envelope(cr);
		break;
	case DI_WEB:
		icon_globe(cr);
		break;
	case DI_HOURS:
		icon_clock(cr);
		break;
	case DI_FEES:
		icon_coin(cr, false);
		break;
	case DI_FREE:
		icon_coin(cr, true);
		break;
	case DI_RESIDENTIAL:
		icon_bed(cr);
		break;
	case DI_OUTPATIENT:
		icon_door(cr);
		break;
	case DI_FIELD:
		icon_car(cr);
		break;
	case DI_ACCESS:
		icon_wheelchair(cr);
		break;
	case DI_NONSTOP:
		icon_nonstop(cr);
		break;
	case DI_EU:
		icon_eu(cr);
		break;
	case DI_TG_SENIORS:
		icon_seniors(cr);
		break;
	case DI_TG_DISABILITY:
		icon_disability(cr);
		break;
	case DI_TG_FAMILY:
		icon_family(cr);
		break;
	case DI_TG_CRISIS:
		icon_crisis(cr);
		break;
	case DI_TG_ADDICTION:
		icon_addiction(cr);
		break;
	case DI_TG_FOREIGN:
		icon_foreign(cr);
		break;
	case DI_QR:		/* drawn by pdf.c: it needs the address */
	case DI_NONE:
	case DI__MAX:
		break;
	}
	cairo_restore(cr);
}
