/* check.c: the check stage's entry point (see check.h). */
#include "check/check.h"

#include "render/pages.h"

/* Checks that need the whole model and belong to no single record. */
static void check_site_wide(const struct model *m, struct diags *d)
{
	size_t i;
	const char *s;

	for (i = 0; i < m->n_pages; i++)
		if (page_slug_reserved(m->pages[i]->slug)) {
			struct loc l = { m->pages[i]->path, 0, 0 };
			diag_error(d, l, "ชื่อหน้า \"%s\" ซ้ำกับส่วนอื่นของเว็บไซต์ ให้เปลี่ยนชื่อไฟล์",
				"page name \"%s\" is reserved for another part of the site; rename the file",
				m->pages[i]->slug);
		}
	for (i = 0; i < m->n_projects; i++) {
		for (s = m->projects[i]->id; *s >= '0' && *s <= '9'; s++)
			;
		if (!*s) {
			struct loc l = { m->projects[i]->path, m->projects[i]->line_id, 1 };
			diag_error(d, l, "รหัสโครงการต้องไม่เป็นตัวเลขล้วน (เช่น ใช้ 2569-001)",
				"a project id must not be digits only (use e.g. 2569-001)");
		}
	}
	if (m->site.n_fiscal_years == 0 && m->site.name) {
		struct loc l = { "site.yaml", 0, 0 };
		diag_error(d, l, "ไม่มีปีงบประมาณที่จะแสดง", "no fiscal years to show");
	}
}

void check_model(struct model *m, struct diags *d)
{
	validate_model(m, d);
	check_site_wide(m, d);
}
