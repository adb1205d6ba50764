/*
 * The pictograms of the PDF writer, drawn as vector paths with Cairo.
 * Private to pdf.c (the only other file that sees Cairo types).
 */
#ifndef MAPA_PDF_ICONS_H
#define MAPA_PDF_ICONS_H

#include <stdint.h>

#include <cairo.h>

#include "doc.h"

/*
 * The height of the icon's box for a width w: w for the square
 * pictograms, two thirds of w for the flag (3:2).
 */
double		 pdf_icon_height(enum doc_icon, double w);

/*
 * Draws the pictogram in the box whose top-left corner is (x, y), w wide
 * and pdf_icon_height() high, in colour rgb (0xRRGGBB; the flag has its
 * own colours). DI_NONE and unknown values draw nothing. The context's
 * state is saved and restored.
 */
void		 pdf_icon_draw(cairo_t *, enum doc_icon, double x, double y,
		    double w, uint32_t rgb);

#endif
