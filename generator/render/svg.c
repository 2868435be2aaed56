#include "render/svg.h"

#include <stdlib.h>
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

/* Charts are drawn phone first: a viewBox 340 wide shows at about 1:1 in a
 * 360 px screen, so that the 13-unit text (FONT, the theme's .chart text)
 * is at least 12 px there; the theme caps their width on large screens. */
#define FONT 13

/* The drawn width of s at FONT, over-estimated: Thai vowel and tone marks
 * above or below a letter (U+0E31, U+0E34-0E3A, U+0E47-0E4E) take no
 * width; every other character is taken as 0.78 em (0.62 em below
 * U+0080), wider than Sarabun's letters and a fallback font's. */
static long text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0; /* hundredths of an em */

	while (*p) {
		unsigned cp;
		if (*p < 0x80) {
			cp = *p++;
		} else if ((*p & 0xe0) == 0xc0 && p[1]) {
			cp = (unsigned)(*p & 0x1f) << 6 | (p[1] & 0x3f);
			p += 2;
		} else if ((*p & 0xf0) == 0xe0 && p[1] && p[2]) {
			cp = (unsigned)(*p & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			p += 3;
		} else {
			cp = 0xfffd;
			p++;
			while ((*p & 0xc0) == 0x80)
				p++;
		}
		if (cp == 0x0e31 || (cp >= 0x0e34 && cp <= 0x0e3a) || (cp >= 0x0e47 && cp <= 0x0e4e))
			continue;
		n += cp < 0x80 ? 62 : 78;
	}
	return (n * FONT + 99) / 100;
}

/* s escaped, cut at a character boundary with "…" so that it fits in max
 * units (the full text is in the table beside every chart). */
static void esc_fit(struct buf *b, const char *s, long max)
{
	char *cut;
	size_t len;

	s = s ? s : "";
	if (text_width(s) <= max) {
		esc(b, s);
		return;
	}
	len = strlen(s);
	cut = malloc(len + 4);
	if (!cut)
		return;
	memcpy(cut, s, len + 1);
	while (len > 0) {
		do
			len--;
		while (len > 0 && ((unsigned char)cut[len] & 0xc0) == 0x80);
		memcpy(cut + len, "\xe2\x80\xa6", 4);
		if (text_width(cut) <= max)
			break;
	}
	esc(b, cut);
	free(cut);
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
	/* the legend, one series a line, above the plot */
	const long W = 340, L = 56, R = 14, B = 76, T = 20 * (long)n_series + 14, H = T + 170 + B;
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
		/* drawn down-left from (x, H - B + 16) at 45 degrees: it may be
		 * about 1.4 times as long as the room below it and left of x */
		esc_fit(&b, xlabels[i], ((B - 16) < x ? (B - 16) : x) * 14 / 10);
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
	for (s = 0; s < n_series; s++) {
		long y = 12 + (long)s * 20;
		buf_printf(&b, "<line class=\"series %s\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"%s/>"
			"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", series[s].css_class, 4L, y, 28L,
			y, series[s].dashed ? " stroke-dasharray=\"6 4\"" : "", 34L, y + 4);
		esc_fit(&b, series[s].label, W - 34 - 2);
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
	/* each item: its label on a line of its own, the bar below it */
	const long W = 340, L = 4, R = 48, row = 42, T = 4;
	long pw = W - L - R, H;
	size_t i;

	if (n == 0 || n > SVG_MAX_BARS)
		return "";
	H = T + (long)n * row + 28;
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
		buf_printf(&b, "<text class=\"label\" x=\"%ld\" y=\"%ld\">", L, y + 14);
		esc_fit(&b, bars[i].label, W - L - 2);
		y += 18;
		buf_printf(&b, "</text><rect class=\"track\" x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"16\"/>"
			"<rect class=\"bar actual\" x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"16\"/>"
			"<line class=\"marker plan\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>"
			"<text class=\"value\" x=\"%ld\" y=\"%ld\">%lld%%</text>",
			L, y + 2, pw, L, y + 2, wa, xp, y, xp, y + 20, W - R + 6, y + 15,
			(long long)((act + 50) / 100));
	}
	buf_printf(&b, "<rect class=\"bar actual\" x=\"%ld\" y=\"%ld\" width=\"14\" height=\"10\"/>"
		"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", L, H - 16, L + 20, H - 7);
	esc_fit(&b, actual_label, 150);
	buf_printf(&b, "</text><line class=\"marker plan\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>"
		"<text class=\"legend\" x=\"%ld\" y=\"%ld\">", L + 180, H - 18, L + 180, H - 4, L + 188, H - 7);
	esc_fit(&b, planned_label, W - L - 188 - 2);
	buf_adds(&b, "</text></svg>");
	return finish(a, &b);
}
