/* itas.c: oit/<year>/itas.csv (see itas.h). */
#include "publish/itas.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "publish/textout.h"

#define ITAS_MAX_SIZE (4u * 1024 * 1024)

int itas_has(const struct model *m, const char *rel)
{
	size_t i;
	char b[64];

	for (i = 0; i < m->n_oit; i++) {
		snprintf(b, sizeof(b), "oit/%d/itas.csv", m->oit[i]->year);
		if (strcmp(b, rel) == 0)
			return 1;
	}
	return 0;
}

int itas_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	const char *base = m->site.base_url ? m->site.base_url : "";
	size_t y, i, j;

	for (y = 0; y < m->n_oit; y++) {
		const struct oit_year *oy = m->oit[y];
		struct buf b, u;
		char rel[64];
		int rc;
		buf_init(&b, ITAS_MAX_SIZE);
		buf_init(&u, ITAS_MAX_SIZE);
		buf_adds(&b, "\xEF\xBB\xBF" "item,title,urls\r\n");
		for (i = 0; i < oy->n_items; i++) {
			const struct oit_item *o = &oy->items[i];
			buf_reset(&u);
			for (j = 0; j < o->n_links; j++) {
				if (j)
					buf_addc(&u, ' ');
				if (o->links[j].internal)
					buf_adds(&u, base);
				buf_adds(&u, o->links[j].href);
			}
			csv_field(&b, o->code);
			buf_addc(&b, ',');
			csv_field(&b, o->title);
			buf_addc(&b, ',');
			csv_field(&b, buf_str(&u));
			buf_adds(&b, "\r\n");
		}
		snprintf(rel, sizeof(rel), "oit/%d/itas.csv", oy->year);
		rc = b.err || u.err ? -1 : out_write(out, rel, buf_str(&b), b.len);
		buf_free(&b);
		buf_free(&u);
		if (rc) {
			snprintf(err, errlen, "%s: %s", rel, out->err[0] ? out->err : "too large / ใหญ่เกินไป");
			return -1;
		}
	}
	return 0;
}
