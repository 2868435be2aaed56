/* qr.c: QR codes as inline SVG (qr.h). */
#include "render/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render/tmpl.h"

/* The largest code of QR_MAX_INPUT bytes (version 18 at level M, 89
 * modules) has at most 89 * 45 runs of at most 18 bytes each (72 KiB):
 * 128 KiB holds it with room to spare. */
#define QR_SVG_CAP (128 * 1024)

const char *qr_svg(struct arena *a, const char *id, const char *text, const char *label)
{
	QRcode *q;
	struct buf b;
	const char *out;
	size_t n = text ? strlen(text) : 0;
	int x, y, size;

	if (n == 0 || n > QR_MAX_INPUT)
		return NULL;
	q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!q)
		return NULL;
	size = q->width + 2 * QR_QUIET;
	buf_init(&b, QR_SVG_CAP);
	buf_printf(&b, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		   "role=\"img\" aria-labelledby=\"%s-title\" shape-rendering=\"crispEdges\"><title id=\"%s-title\">",
		   size, size, id, id);
	html_escape(&b, label ? label : text, strlen(label ? label : text));
	buf_printf(&b, "</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", size, size);
	/* one "M x y h w v1 h-w z" per run of dark modules in a row */
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width;) {
			int run = 0;
			while (x + run < q->width && (q->data[y * q->width + x + run] & 1))
				run++;
			if (run) {
				buf_printf(&b, "M%d %dh%dv1h-%dz", x + QR_QUIET, y + QR_QUIET, run, run);
				x += run;
			} else {
				x++;
			}
		}
	buf_adds(&b, "\"/></svg>");
	QRcode_free(q);
	out = b.err ? NULL : arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}
