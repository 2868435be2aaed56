#include "render/svg.h"

#include <string.h>

#include "buf.h"
#include "render/tmpl.h"

#define SVG_CAP (256 * 1024)

static const char *finish(struct arena *a, struct buf *b)
{
	const char *s = arena_strndup(a, buf_str(b), b->len);
	buf_free(b);
	return s;
}

static void esc(struct buf *b, const char *s)
{
	html_escape(b, s ? s : "", s ? strlen(s) : 0);
}

/* y coordinate of a percentage on a plot from top to top+h. */
static long ypos(int64_t v, long top, long h)
{
	if (v < 0)
		v = 0;
	if (v > 10000)
		v = 10000;
	return top + h - (long)(v * h / 10000);
}

const char *svg_line_chart(struct arena *a, const char *id, const char *title,
	const char *desc, const char *const *xlabels, size_t n,
	const struct svg_series *series, size_t n_series)
{
	struct buf b;
	const long W = 640, H = 320, L = 44, R = 12, T = 36, B = 56;
	long pw = W - L - R, ph = H - T - B;
	size_t i, s;
	int g;

	if (n == 0 || n > SVG_MAX_POINTS)
		return "";
	buf_init(&b, SVG_CAP);
	buf_printf(&b, "<svg class=\"chart line-chart\" viewBox=\"0 0 %ld %ld\" role=\"img\" "
		"aria-labelledby=\"%s-t %s-d\" xmlns=\"http://www.w3.org/2000/svg\">"
		"<title id=\"%s-t\">", W, H, id, id, id);
	esc(&b, title);
	buf_printf(&b, "</title><desc id=\"%s-d\">", id);
	esc(&b, desc);
	buf_adds(&b, "</desc>");
	for (g = 0; g <= 4; g++) {
		long y = ypos(g * 2500, T, ph);
		buf_printf(&b, "<line class=\"grid\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>"
			"<text class=\"axis\" x=\"%ld\" y=\"%ld\" text-anchor=\"end\">%d%%</text>",
			L, y, W - R, y, L - 6, y + 4, g * 25);
	}
	for (i = 0; i < n; i++) {
		long x = n == 1 ? L + pw / 2 : L + (long)i * pw / (long)(n - 1);
		buf_printf(&b, "<text class=\"axis\" x=\"%ld\" y=\"%ld\" text-anchor=\"end\" "
			"transform=\"rotate(-45 %ld %ld)\">", x, H - B + 16, x, H - B + 16);
		esc(&b, xlabels[i]);
		buf_adds(&b, "</text>");
	}
	for (s = 0; s < n_series; s++) {
		const struct svg_series *sr = &series[s];
		int started = 0;
		buf_printf(&b, "<polyline class=\"series %s\"%s points=\"", sr->css_class,
			sr->dashed ? " stroke-dasharray=\"6 4\"" : "");
		for (i = 0; i < n; i++) {
			long x = n == 1 ? L + pw / 2 : L + (long)i * pw / (long)(n - 1);
			if (!sr->present[i])
				continue;
			buf_printf(&b, "%s%ld,%ld", started ? " " : "", x, ypos(sr->values[i], T, ph));
			started = 1;
		}
		buf_adds(&b, "\" fill=\"none\"/>");
		for (i = 0; i < n; i++) {
			long x = n == 1 ? L + pw / 2 : L + (long)i * pw / (long)(n - 1);
			if (sr->present[i])
				buf_printf(&b, "<circle class=\"dot %s\" cx=\"%ld\" cy=\"%ld\" r=\"3\"/>",
					sr->css_class, x, ypos(sr->values[i], T, ph));
		}
	}
	/* legend, above the plot */
	for (s = 0; s < n_series; s++) {
		long x = L + (long)s * 190;
		buf_printf(&b, "<line class=\"series %s\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"%s/>"
			"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", series[s].css_class, x, 12L, x + 24,
			12L, series[s].dashed ? " stroke-dasharray=\"6 4\"" : "", x + 30, 16L);
		esc(&b, series[s].label);
		buf_adds(&b, "</text>");
	}
	buf_adds(&b, "</svg>");
	return finish(a, &b);
}

const char *svg_bar_chart(struct arena *a, const char *id, const char *title,
	const char *desc, const struct svg_bar *bars, size_t n,
	const char *planned_label, const char *actual_label)
{
	struct buf b;
	const long W = 640, L = 200, R = 56, row = 26, T = 8;
	long pw = W - L - R, H;
	size_t i;

	if (n == 0 || n > SVG_MAX_BARS)
		return "";
	H = T + (long)n * row + 30;
	buf_init(&b, SVG_CAP);
	buf_printf(&b, "<svg class=\"chart bar-chart\" viewBox=\"0 0 %ld %ld\" role=\"img\" "
		"aria-labelledby=\"%s-t %s-d\" xmlns=\"http://www.w3.org/2000/svg\">"
		"<title id=\"%s-t\">", W, H, id, id, id);
	esc(&b, title);
	buf_printf(&b, "</title><desc id=\"%s-d\">", id);
	esc(&b, desc);
	buf_adds(&b, "</desc>");
	for (i = 0; i < n; i++) {
		long y = T + (long)i * row;
		int64_t act = bars[i].actual < 0 ? 0 : bars[i].actual > 10000 ? 10000 : bars[i].actual;
		int64_t pln = bars[i].planned < 0 ? 0 : bars[i].planned > 10000 ? 10000 : bars[i].planned;
		long wa = (long)(act * pw / 10000), xp = L + (long)(pln * pw / 10000);
		buf_printf(&b, "<text class=\"label\" x=\"%ld\" y=\"%ld\" text-anchor=\"end\">", L - 8, y + 16);
		esc(&b, bars[i].label);
		buf_printf(&b, "</text><rect class=\"track\" x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"16\"/>"
			"<rect class=\"bar actual\" x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"16\"/>"
			"<line class=\"marker plan\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>"
			"<text class=\"value\" x=\"%ld\" y=\"%ld\">%lld%%</text>",
			L, y + 2, pw, L, y + 2, wa, xp, y, xp, y + 20, W - R + 6, y + 16,
			(long long)((act + 50) / 100));
	}
	buf_printf(&b, "<rect class=\"bar actual\" x=\"%ld\" y=\"%ld\" width=\"14\" height=\"10\"/>"
		"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", L, H - 16, L + 20, H - 7);
	esc(&b, actual_label);
	buf_printf(&b, "</text><line class=\"marker plan\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>"
		"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", L + 220, H - 18, L + 220, H - 4, L + 228, H - 7);
	esc(&b, planned_label);
	buf_adds(&b, "</text></svg>");
	return finish(a, &b);
}
