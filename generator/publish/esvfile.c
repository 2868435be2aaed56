/* esvfile.c: e-service/statistics.csv (see esvfile.h). */
#include "publish/esvfile.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "derive/stats.h"
#include "publish/textout.h"

#define ESVFILE_MAX_SIZE (1u * 1024 * 1024)

int esvfile_has(const struct model *m, const char *rel)
{
	return m->n_forms > 0 && strcmp(rel, ESVFILE_PATH) == 0;
}

int esvfile_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	struct buf b;
	struct arena a;
	size_t y, i;
	int k, rc;

	if (!sc->m->n_forms)
		return 0;
	buf_init(&b, ESVFILE_MAX_SIZE);
	arena_init(&a);
	buf_adds(&b, "\xEF\xBB\xBF" "fiscal_year,month,service,service_name,count\r\n");
	for (y = 0; y < 2; y++) {
		const struct eservice_fy *e = &sc->cs->eservice[y];
		for (k = 0; k < e->months_begun && k < 12; k++) {
			int cy, mo;
			char ym[16];
			fiscal_month(e->fiscal_year, k, &cy, &mo);
			snprintf(ym, sizeof ym, "%04d-%02d", cy % 10000, mo % 100);
			for (i = 0; i < e->n_rows; i++) {
				buf_printf(&b, "%d,%s,", e->fiscal_year, ym);
				csv_field(&b, e->rows[i].id);
				buf_addc(&b, ',');
				csv_field(&b, e->rows[i].label);
				buf_addc(&b, ',');
				csv_field(&b, eservice_count_text(&a, e->rows[i].months[k]));
				buf_adds(&b, "\r\n");
			}
		}
	}
	rc = b.err ? -1 : out_write(out, ESVFILE_PATH, buf_str(&b), b.len);
	if (rc)
		snprintf(err, errlen, "%s: %s", ESVFILE_PATH, out->err[0] ? out->err : "too large / ใหญ่เกินไป");
	buf_free(&b);
	arena_free(&a);
	return rc;
}
