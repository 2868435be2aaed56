/* itas.h: oit/<year>/itas.csv, the OIT mapping ready to paste into the
 * NACC's assessment system (ITAS): one row per item with its code, title
 * and the full URLs of its evidence (site paths joined to base_url),
 * separated by a space.  Same CSV writer as the open data (textout.h). */
#ifndef PRONGSAI_ITAS_H
#define PRONGSAI_ITAS_H

#include <stddef.h>
#include "publish/output.h"
#include "render/pages.h"

/* 1 if rel is an itas.csv that itas_write() writes for the model. */
int itas_has(const struct model *m, const char *rel);

/* Write oit/<year>/itas.csv for every OIT year.  Returns 0, or -1 with a
 * message in err (the output is marked failed). */
int itas_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen);

#endif
