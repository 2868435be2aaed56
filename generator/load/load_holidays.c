/* load_holidays.c: content/holidays/<BE year>.yaml, the public holidays
 * that complaint deadlines skip (counted in Thai working days).
 *
 *   holidays:
 *     - {date: 2026-01-01, name: วันขึ้นปีใหม่}
 *
 * Each date must fall in the file's year (BE, the calendar year). */
#include "load/load_int.h"
#include "load/fields.h"
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

struct holiday_file *load_holidays(struct loader *ld, const char *rel, const struct ynode *root)
{
	struct yctx *c = &ld->c;
	const char *ys = stem(c->a, rel, ".yaml");
	const int year = be_year_name(ys);
	const struct ynode *seq = NULL;
	struct holiday_file *hf;
	size_t i;

	if (!year)
		diag_error(c->d, file_loc(rel), "ไฟล์ holidays/%s.yaml ต้องตั้งชื่อเป็นปี พ.ศ. เช่น 2569.yaml",
			"holidays/%s.yaml must be named by its Buddhist Era year, such as 2569.yaml", ys);
	else if (file_has_content(c, rel, root) && fields_check_keys(c, &schema_holidays, root) >= 0)
		seq = yget_seq(c, root, "holidays", 1);
	if (!seq)
		return NULL;
	hf = arena_alloc(c->a, sizeof(*hf));
	hf->dates = arena_alloc(c->a, (seq->n + 1) * sizeof(*hf->dates));
	hf->n = 0;
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		pdate t;
		int y, mo, d;
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it), "แต่ละวันหยุดต้องมี date และ name",
				"each holiday needs a date and a name");
			continue;
		}
		fields_check_keys(c, schema_holidays.fields[0].sub, it);
		yget_str(c, it, "name", 1, 200);
		if (yget_date(c, it, "date", 1, &t) != Y_OK)
			continue;
		date_to_ymd(t, &y, &mo, &d);
		if (y + 543 != year) {
			diag_error(c->d, yloc(rel, ymap_get(it, "date")),
				"วันที่อยู่นอกปี พ.ศ. %d ของไฟล์นี้", "the date is outside the file's year %d BE", year);
			continue;
		}
		hf->dates[hf->n++] = t;
	}
	return hf;
}
