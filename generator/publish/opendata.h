/* opendata.h: the open data under data/: every project, progress report,
 * budget line and procurement record as CSV (UTF-8 with a BOM so that Excel
 * reads Thai, RFC 4180 quoting, money and percents as plain decimals
 * "1250000.50") and JSON (an array of objects with the same fields), a
 * project-level OC4IDS-style export (data/oc4ids.json) and a Frictionless
 * Data Package (data/datapackage.json) describing each resource.  The same
 * column table drives the CSV header, the JSON keys and the package schema,
 * so they cannot disagree.  Figures are as of the build's date (m->today).
 * Each file stays whole (a download) and has its gzipped copy beside it,
 * data/X.gz (gzfile.h), which the open-data page links. */
#ifndef PRONGSAI_OPENDATA_H
#define PRONGSAI_OPENDATA_H

#include <stddef.h>
#include "publish/output.h"
#include "render/pages.h"

struct od_column {
	const char *name;         /* CSV header and JSON key */
	const char *type;         /* Frictionless type: string, integer, number, date */
	const char *desc_th, *desc_en;
};

struct od_resource {
	const char *name;         /* "projects": data/projects.csv and .json */
	const char *title_th, *title_en, *desc_th, *desc_en;
	const struct od_column *cols;
	size_t n_cols;
	const char *primary_key;  /* NULL when none */
};

/* The tabular resources, in display order. */
extern const struct od_resource od_resources[];
extern const size_t od_n_resources;

/* 1 if rel ("data/projects.csv", "data/projects.csv.gz", ...) is a file
 * opendata_write() writes. */
int opendata_has(const char *rel);

#define OPENDATA_MAX_COLS 32                   /* columns of one resource */
#define OPENDATA_MAX_SIZE (512u * 1024 * 1024) /* bytes of one file */

/* Write every file under data/ (not data/index.html, a page) into out.
 * Returns 0, or -1 with err set: a write failed (out is then marked failed),
 * or a file would pass OPENDATA_MAX_SIZE (no file of that resource is
 * written; the caller discards out). */
int opendata_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen);

/* opendata_write() with max bytes per file instead of OPENDATA_MAX_SIZE
 * (for the tests: a file of exactly max bytes is written, one more fails). */
int opendata_write_max(const struct site_ctx *sc, struct outdir *out, size_t max, char *err,
	size_t errlen);

#endif
