/* svg.h: small inline SVG charts, drawn with integer arithmetic so that the
 * output is byte-identical for the same figures.  Every chart has a <title>
 * and <desc> (the caller also prints the figures as a table beside it). */
#ifndef PRONGSAI_SVG_H
#define PRONGSAI_SVG_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"

#define SVG_MAX_POINTS 64
#define SVG_MAX_BARS 64

struct svg_series {
	const char *label;        /* legend text */
	const char *css_class;    /* "plan", "actual", "target" */
	int64_t values[SVG_MAX_POINTS]; /* hundredths of a percent, 0..10000 */
	int present[SVG_MAX_POINTS];    /* 0 = no value at this point */
	int dashed;
};

/* A line chart of up to 3 cumulative series over n x-labels (0..100%).
 * id makes the title/desc ids unique on the page.  Returns the SVG text
 * (in the arena), or "" when n is 0 or over SVG_MAX_POINTS. */
const char *svg_line_chart(struct arena *a, const char *id, const char *title,
	const char *desc, const char *const *xlabels, size_t n,
	const struct svg_series *series, size_t n_series);

struct svg_bar {
	const char *label;
	int64_t planned, actual;  /* hundredths of a percent */
};

/* Horizontal bars: actual against a planned marker, for each item. */
const char *svg_bar_chart(struct arena *a, const char *id, const char *title,
	const char *desc, const struct svg_bar *bars, size_t n,
	const char *planned_label, const char *actual_label);

#endif
