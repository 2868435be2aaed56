/* esvfile.h: e-service/statistics.csv, the figures of the e-service page
 * (OIT O10) as data: one row per fiscal year, month begun and service,
 * the count under the small-count rule (derive/eservice.h: "0",
 * "น้อยกว่า 5" or the number).  Columns: fiscal_year (BE), month
 * (YYYY-MM), service (form id, or "track"), service_name, count.  Same CSV
 * writer as the open data (textout.h), UTF-8 with a BOM for spreadsheets. */
#ifndef PRONGSAI_ESVFILE_H
#define PRONGSAI_ESVFILE_H

#include <stddef.h>
#include "publish/output.h"
#include "render/pages.h"

#define ESVFILE_PATH "e-service/statistics.csv"

/* 1 if rel is the file esvfile_write() writes for the model (a site with
 * forms), else 0. */
int esvfile_has(const struct model *m, const char *rel);

/* Write it.  Returns 0, or -1 with a message in err. */
int esvfile_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen);

#endif
