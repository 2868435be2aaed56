/* load_records.c: projects, progress reports, news and pages into the model. */
#include "load/load_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "load/load.h"

static int parse_month(const char *s, int *y, int *m)
{
	char tmp[16];
	pdate t;
	int be, d;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	snprintf(tmp, sizeof(tmp), "%s-01", s);
	if (date_parse(tmp, &t, &be) != DATE_OK)
		return -1;
	date_to_ymd(t, y, m, &d);
	return 0;
}


static struct photo *load_photos(struct yctx *c, const struct ynode *map, size_t *n_out)
{
	const struct ynode *seq = yget_seq(c, map, "photos", 0);
	struct photo *ph;
	size_t i, n = 0;

	*n_out = 0;
	if (!seq)
		return NULL;
	ph = arena_alloc(c->a, (seq->n + 1) * sizeof(*ph));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "รูปแต่ละรูปต้องมี src และ alt",
				"each photo needs src and alt");
			continue;
		}
		if (fields_read(c, schema_field(&schema_report, "photos")->sub, it, &ph[n]) == 0)
			n++;
	}
	*n_out = n;
	return ph;
}

static enum budget_category parse_category(struct yctx *c, const struct ynode *budget, int *ok)
{
	const struct ynode *n = ymap_get(budget, "category");
	const char *s = get_text(c, budget, "category", 1);

	*ok = 0;
	if (!s)
		return CAT_RECURRENT;
	if (strcmp(s, "recurrent") == 0 || strcmp(s, "ประจำ") == 0 || strcmp(s, "งบประจำ") == 0) {
		*ok = 1;
		return CAT_RECURRENT;
	}
	if (strcmp(s, "capital") == 0 || strcmp(s, "ลงทุน") == 0 || strcmp(s, "งบลงทุน") == 0) {
		*ok = 1;
		return CAT_CAPITAL;
	}
	diag_error(c->d, yloc(c->path, n), "category ต้องเป็น recurrent (ประจำ) หรือ capital (ลงทุน)",
		"category must be recurrent (ประจำ) or capital (ลงทุน)");
	return CAT_RECURRENT;
}


struct project *load_project(struct loader *ld, const char *rel, const char *text, size_t len)
{
	struct yctx *c = &ld->c;
	const char *body;
	size_t i;
	int body_line, good = 1, cat_ok;
	struct ynode *root;
	const struct ynode *n, *seq;
	struct project *p;
	const char *file_id = stem(c->a, rel, ".md");
	const char *dir_fy = component(c->a, rel, 1);

	if (load_front_matter(ld, rel, text, len, "ข้อมูลโครงการ", "the project's fields", &root, &body, &body_line))
		return NULL;
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มีข้อมูลโครงการระหว่างบรรทัด ---", "no project fields between the --- lines");
		return NULL;
	}
	p = arena_alloc(c->a, sizeof(*p));
	p->path = rel;
	p->body = arena_strdup(c->a, body);
	p->status_override = ST__COUNT;
	if (fields_read(c, &schema_project, root, p) != 0)
		good = 0;
	if ((n = ymap_get(root, "id")))
		p->line_id = n->line;
	if (p->id && strcmp(p->id, file_id) != 0) {
		diag_error(c->d, yloc(rel, n), "id \"%s\" ต้องตรงกับชื่อไฟล์ \"%s.md\"",
			"id \"%s\" must match the file name \"%s.md\"", p->id, file_id);
		good = 0;
	}
	if (!file_name_safe(c, rel, file_id))
		good = 0;
	if (p->fiscal_year && strcmp(dir_fy, ymap_get(root, "fiscal_year")->s) != 0) {
		diag_error(c->d, yloc(rel, ymap_get(root, "fiscal_year")),
			"fiscal_year %d ไม่ตรงกับโฟลเดอร์ projects/%s/",
			"fiscal_year %d does not match the folder projects/%s/", p->fiscal_year, dir_fy);
		good = 0;
	}
	p->line_group = (n = ymap_get(root, "group")) ? n->line : 0;
	p->line_owner = (n = ymap_get(root, "owner")) ? n->line : 0;
	p->line_team = (n = ymap_get(root, "team")) ? n->line : 0;
	p->line_districts = (n = ymap_get(root, "districts")) ? n->line : 0;
	p->line_dimension = (n = ymap_get(root, "dimension")) ? n->line : 0;
	if ((seq = yget_seq(c, root, "team", 0)) != NULL) {
		p->team = arena_alloc(c->a, (seq->n + 1) * sizeof(char *));
		for (i = 0; i < seq->n; i++)
			if ((p->team[p->n_team] = ynode_id(c, seq->items[i], "team")))
				p->n_team++;
	}
	if ((seq = yget_seq(c, root, "districts", 1)) != NULL) {
		p->districts = arena_alloc(c->a, (seq->n + 1) * sizeof(char *));
		for (i = 0; i < seq->n; i++)
			if (!fields_unfilled(c, schema_field(&schema_project, "districts"), seq->items[i]) &&
				(p->districts[p->n_districts] = ynode_id(c, seq->items[i], "districts")))
				p->n_districts++;
		if (seq->n == 0)
			diag_error(c->d, yloc(rel, seq), "ต้องระบุอำเภออย่างน้อย 1 อำเภอ",
				"name at least one district");
	}
	if ((n = yget_map(c, root, "period", 1)) != NULL) {
		if (fields_read(c, schema_field(&schema_project, "period")->sub, n, p) != 0)
			good = 0;
		else if (p->end < p->start) {
			diag_error(c->d, yloc(rel, ymap_get(n, "end")), "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น",
				"the end date is before the start date");
			good = 0;
		}
		if (ymap_get(n, "start"))
			p->line_start = ymap_get(n, "start")->line;
	} else {
		good = 0;
	}
	if ((n = yget_map(c, root, "budget", 1)) != NULL) {
		if (fields_read(c, schema_field(&schema_project, "budget")->sub, n, p) != 0)
			good = 0;
		if (ymap_get(n, "allocated"))
			p->line_allocated = ymap_get(n, "allocated")->line;
		p->category = parse_category(c, n, &cat_ok);
	} else {
		good = 0;
	}
	if ((seq = yget_seq(c, root, "plan", 0)) != NULL) {
		const struct schema *plan_s = schema_field(&schema_project, "plan")->sub;
		p->plan = arena_alloc(c->a, (seq->n + 1) * sizeof(*p->plan));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];
			struct plan_point *pp = &p->plan[p->n_plan];
			const char *ms;
			if (it->kind != YN_MAP) {
				diag_error(c->d, yloc(rel, it), "แต่ละเดือนของแผนต้องมี month และ percent หรือ disbursed",
					"each plan month needs month and percent or disbursed");
				continue;
			}
			fields_check_keys(c, plan_s, it);
			if (!(ms = get_text(c, it, "month", 1)))
				continue;
			if (parse_month(ms, &pp->year, &pp->month) != 0) {
				diag_error(c->d, yloc(rel, ymap_get(it, "month")),
					"month ต้องเป็น ปปปป-ดด เช่น 2026-01 (ได้ \"%s\")",
					"month must be YYYY-MM such as 2026-01 (got \"%s\")", ms);
				continue;
			}
			pp->month_end = date_month_end(date_from_ymd(pp->year, pp->month, 1));
			pp->percent = pp->disbursed = -1;
			if (fields_read_one(c, schema_field(plan_s, "percent"), it, pp) < 0 ||
				fields_read_one(c, schema_field(plan_s, "disbursed"), it, pp) < 0)
				continue;
			if (pp->percent < 0 && pp->disbursed < 0) {
				diag_error(c->d, yloc(rel, it), "ต้องมี percent หรือ disbursed อย่างน้อยหนึ่งค่า",
					"give percent or disbursed (or both)");
				continue;
			}
			if (p->n_plan && pp->month_end <= p->plan[p->n_plan - 1].month_end) {
				diag_error(c->d, yloc(rel, it), "เรียงเดือนของแผนจากเก่าไปใหม่และไม่ซ้ำ",
					"list plan months in order, each once");
				continue;
			}
			p->n_plan++;
		}
	}
	if ((seq = yget_seq(c, root, "kpis", 0)) != NULL) {
		p->kpis = arena_alloc(c->a, (seq->n + 1) * sizeof(*p->kpis));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];
			struct kpi *k = &p->kpis[p->n_kpis];
			size_t j;
			if (it->kind != YN_MAP) {
				diag_error(c->d, yloc(rel, it), "ตัวชี้วัดแต่ละตัวต้องมี id, name, unit, target",
					"each KPI needs id, name, unit, target");
				continue;
			}
			memset(k, 0, sizeof(*k));
			if (fields_read(c, schema_field(&schema_project, "kpis")->sub, it, k) != 0)
				continue;
			for (j = 0; j < p->n_kpis; j++)
				if (strcmp(p->kpis[j].id, k->id) == 0)
					break;
			if (j < p->n_kpis) {
				diag_error(c->d, yloc(rel, ymap_get(it, "id")), "id ตัวชี้วัด \"%s\" ซ้ำ",
					"duplicate KPI id \"%s\"", k->id);
				continue;
			}
			p->n_kpis++;
		}
	}
	if (ymap_get(root, "weight") && yget_decimal(c, root, "weight", 0, &p->weight) == Y_OK &&
		p->weight == 0) {
		diag_error(c->d, yloc(rel, ymap_get(root, "weight")), "weight ต้องมากกว่า 0",
			"weight must be greater than 0");
	}
	if ((n = ymap_get(root, "status")) && get_text(c, root, "status", 0)) {
		if (strcmp(n->s, "cancelled") == 0)
			p->status_override = ST_CANCELLED;
		else if (strcmp(n->s, "suspended") == 0)
			p->status_override = ST_SUSPENDED;
		else
			diag_error(c->d, yloc(rel, n),
				"status ใส่ได้เฉพาะ cancelled (ยกเลิก) หรือ suspended (ระงับ) สถานะอื่นคำนวณให้อัตโนมัติ",
				"status may only be cancelled or suspended; other statuses are computed");
		p->status_reason = get_text(c, root, "status_reason", 1);
	} else if (ymap_get(root, "status_reason")) {
		diag_warn(c->d, yloc(rel, ymap_get(root, "status_reason")),
			"มี status_reason แต่ไม่มี status", "status_reason without a status");
	}
	if (!good || !p->id || !p->title || !p->group || !p->owner)
		return NULL;
	return p;
}

struct report *load_report(struct loader *ld, const char *rel, const char *text, size_t len)
{
	struct yctx *c = &ld->c;
	struct ynode *root;
	const struct ynode *n;
	struct report *r;
	int ok, good = 1;
	char iso[11];
	const char *file_date = stem(c->a, rel, ".yaml");
	const char *fy = component(c->a, rel, 1);

	root = yload(ld->scratch, c->d, rel, text, len, 0, &ok);
	if (!ok)
		return NULL;
	if (!root) {
		diag_error(c->d, file_loc(rel), "รายงานว่างเปล่า", "the report is empty");
		return NULL;
	}
	r = arena_alloc(c->a, sizeof(*r));
	r->path = rel;
	r->project_id = component(c->a, rel, 2);
	r->fiscal_year = is_digits(fy, strlen(fy)) && strlen(fy) == 4 ? atoi(fy) : 0;
	if (!r->fiscal_year) {
		diag_error(c->d, file_loc(rel), "โฟลเดอร์ progress/%s/ ต้องเป็นปีงบประมาณ เช่น 2569",
			"the folder progress/%s/ must be a fiscal year such as 2569", fy);
		good = 0;
	}
	if (!id_is_safe(r->project_id)) {
		diag_error(c->d, file_loc(rel), "ชื่อโฟลเดอร์ \"%s\" ไม่ใช่รหัสโครงการที่ใช้ได้",
			"folder name \"%s\" is not a valid project id", r->project_id);
		good = 0;
	}
	if (fields_read(c, &schema_report, root, r) != 0)
		good = 0;
	if (fields_read_one(c, schema_field(&schema_report, "date"), root, r) == 1) {
		pdate fd;
		int be;
		n = ymap_get(root, "date");
		r->line_date = n->line;
		date_iso(r->date, iso);
		if (date_parse(file_date, &fd, &be) != DATE_OK || fd != r->date) {
			diag_error(c->d, yloc(rel, n), "date %s ต้องตรงกับชื่อไฟล์ (ชื่อไฟล์คือ %s.yaml ควรเป็น %s.yaml)",
				"date %s must match the file name (%s.yaml; expected %s.yaml)", n->s, file_date, iso);
			good = 0;
		}
	} else {
		good = 0;
	}
	r->line_reporter = (n = ymap_get(root, "reporter")) ? n->line : 0;
	r->line_percent = (n = ymap_get(root, "percent")) ? n->line : 0;
	r->line_disbursed = (n = ymap_get(root, "disbursed")) ? n->line : 0;
	if ((n = yget_map(c, root, "kpis", 0)) != NULL) {
		size_t i;
		r->kpis = arena_alloc(c->a, (n->n + 1) * sizeof(*r->kpis));
		for (i = 0; i < n->n; i++) {
			struct kpi_actual *k = &r->kpis[r->n_kpis];
			k->kpi = arena_strdup(c->a, n->keys[i]->s);
			k->line = n->keys[i]->line;
			k->col = n->keys[i]->col;
			if (ynode_decimal(c, n->items[i], k->kpi, &k->value) == Y_OK)
				r->n_kpis++;
		}
	}
	r->photos = load_photos(c, root, &r->n_photos);
	if (!good || !r->reporter)
		return NULL;
	return r;
}

struct news *load_news(struct loader *ld, const char *rel, const char *text, size_t len)
{
	struct yctx *c = &ld->c;
	const char *body, *name = stem(c->a, rel, ".md");
	int body_line, be;
	struct ynode *root;
	struct news *nw;
	char prefix[11];
	pdate fdate;

	if (strlen(name) < 12 || name[10] != '-' ||
		(memcpy(prefix, name, 10), prefix[10] = '\0', date_parse(prefix, &fdate, &be)) != DATE_OK ||
		!id_is_safe(name + 11)) {
		diag_error(c->d, file_loc(rel),
			"ชื่อไฟล์ข่าวต้องเป็น ปปปป-ดด-วว-ชื่อ.md เช่น 2026-01-15-meeting.md (ชื่อใช้ a-z 0-9 -)",
			"news file names are YYYY-MM-DD-slug.md, e.g. 2026-01-15-meeting.md (slug: a-z 0-9 -)");
		return NULL;
	}
	if (load_front_matter(ld, rel, text, len, "หัวข้อข่าว", "the news fields", &root, &body, &body_line))
		return NULL;
	nw = arena_alloc(c->a, sizeof(*nw));
	nw->path = rel;
	nw->slug = name + 11;
	nw->body = arena_strdup(c->a, body);
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มีหัวข้อข่าว (title)", "missing title");
		return NULL;
	}
	fields_read(c, &schema_news, root, nw);
	nw->date = fdate;
	if (ymap_get(root, "date")) {
		pdate d2;
		if (yget_date(c, root, "date", 0, &d2) == Y_OK && d2 != fdate)
			diag_error(c->d, yloc(rel, ymap_get(root, "date")),
				"date ต้องตรงกับวันที่ในชื่อไฟล์ (%s)", "date must match the file name's date (%s)",
				prefix);
	}
	return nw->title ? nw : NULL;
}

struct page *load_page(struct loader *ld, const char *rel, const char *text, size_t len)
{
	struct yctx *c = &ld->c;
	const char *body, *slug = stem(c->a, rel, ".md");
	int body_line;
	struct ynode *root;
	struct page *pg;

	if (!id_is_safe(slug)) {
		diag_error(c->d, file_loc(rel), "ชื่อไฟล์หน้าใช้ได้เฉพาะ a-z ตัวเล็ก 0-9 และ -",
			"page file names may use only lowercase a-z, 0-9 and -");
		return NULL;
	}
	if (load_front_matter(ld, rel, text, len, " title", "the title", &root, &body, &body_line))
		return NULL;
	pg = arena_alloc(c->a, sizeof(*pg));
	pg->path = rel;
	pg->slug = slug;
	pg->body = arena_strdup(c->a, body);
	pg->menu = -1;
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มี title", "missing title");
		return NULL;
	}
	fields_read(c, &schema_page, root, pg);
	return pg->title ? pg : NULL;
}


