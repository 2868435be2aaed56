/* columns.c: the progress sheet's columns (see columns.h). */
#include "sheet/columns.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

int sheet_field_is_cell(const struct sfield *f)
{
	switch (f->type) {
	case SF_TEXT: case SF_INT: case SF_MONEY: case SF_PERCENT: case SF_DECIMAL: case SF_DATE:
		return 1;
	default:
		return 0;
	}
}

static struct sheet_col *add(struct sheet_col *c, enum col_role role, int locked, const char *header)
{
	memset(c, 0, sizeof(*c));
	c->role = role;
	c->locked = locked;
	snprintf(c->header, sizeof(c->header), "%s", header);
	return c;
}

size_t sheet_columns(struct sheet_col *out, size_t n_kpis)
{
	size_t n = 0, i, k;
	struct sheet_col *c;

	assert(n_kpis <= SHEET_MAX_KPIS);
	add(&out[n++], COL_ID, 1, "รหัสโครงการ");
	add(&out[n++], COL_TITLE, 1, "ชื่อโครงการ");
	add(&out[n++], COL_OWNER, 1, "ผู้รับผิดชอบ");
	add(&out[n++], COL_BUDGET, 1, "งบประมาณ (บาท)");
	add(&out[n++], COL_LAST_DATE, 1, "รายงานล่าสุด");
	add(&out[n++], COL_LAST_PERCENT, 1, "ร้อยละสะสมล่าสุด");
	add(&out[n++], COL_LAST_DISBURSED, 1, "เบิกจ่ายสะสมล่าสุด (บาท)");
	for (i = 0; i < schema_report.n; i++) {
		const struct sfield *f = &schema_report.fields[i];
		if (f->type == SF_MAP && strcmp(f->name, "kpis") == 0) {
			for (k = 0; k < n_kpis; k++) {
				char h[SHEET_HEADER_MAX];
				snprintf(h, sizeof(h), "ตัวชี้วัดที่ %zu", k + 1);
				c = add(&out[n++], COL_KPI_LABEL, 1, h);
				c->kpi = (int)k;
				snprintf(h, sizeof(h), "ผลสะสมตัวชี้วัดที่ %zu", k + 1);
				c = add(&out[n++], COL_KPI, 0, h);
				c->kpi = (int)k;
			}
		} else if (sheet_field_is_cell(f)) {
			/* the help up to what concerns the file ("ตรงกับชื่อไฟล์") */
			const char *cut = strstr(f->help_th, " ตรงกับ");
			c = add(&out[n++], COL_FIELD, 0, f->help_th);
			if (cut)
				c->header[cut - f->help_th] = 0;
			c->field = f;
		}
	}
	assert(n <= SHEET_MAX_DEFS);
	return n;
}

const struct sheet_col *sheet_col_find(const struct sheet_col *cols, size_t n, const char *h)
{
	size_t i, len;

	while (*h == ' ' || *h == '\t' || *h == '\n')
		h++;
	len = strlen(h);
	while (len && (h[len - 1] == ' ' || h[len - 1] == '\t' || h[len - 1] == '\n'))
		len--;
	for (i = 0; i < n; i++)
		if (strlen(cols[i].header) == len && memcmp(cols[i].header, h, len) == 0)
			return &cols[i];
	return NULL;
}
