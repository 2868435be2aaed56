/* qr.h: a QR code (libqrencode) drawn as an inline SVG.
 *
 * The code is drawn as one <path> of whole modules on a white square with
 * a quiet zone of QR_QUIET modules, in a viewBox one unit per module, so it
 * stays crisp at any size and prints sharp; it carries role="img", an
 * aria-label and a <title>.  The drawing depends only on the text, so the
 * same text gives the same bytes. */
#ifndef PRONGSAI_QR_H
#define PRONGSAI_QR_H

#include <stddef.h>
#include "arena.h"

#define QR_MAX_INPUT 512   /* bytes of text a code may carry */
#define QR_QUIET 4         /* modules of white margin each side (the standard's) */

/* The SVG of a QR code (error correction level M, 8-bit mode) for text,
 * in the arena.  label is its accessible name (escaped here; NULL: the
 * text itself); id makes its <title>'s id unique on the page.  Returns
 * NULL, drawing nothing, when text is empty, longer than QR_MAX_INPUT
 * bytes, or libqrencode fails (out of memory). */
const char *qr_svg(struct arena *a, const char *id, const char *text, const char *label);

#endif
