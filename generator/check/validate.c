#include "check/validate.h"
#include "check/report_rules.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/numfmt.h"
#include "model/suggest.h"
#include "load/ycheck.h"

#define HINT_MAX_IDS 20 /* valid ids listed after an unknown one */

/* What follows "unknown id": the closest valid id, if one is close, and
 * the valid ids (at most HINT_MAX_IDS, then "..."), in Thai and English.
 * Messages print one and skip the other ("%s%.0s" / "%.0s%s"). */
struct hint {
	const char *th, *en;
};

/* ids[i] is *(const char **)((const char *)base + i * stride + off). */
static struct hint id_hint(struct arena *a, const char *id, const void *base, size_t n,
	size_t stride, size_t off)
{
	const char **ids = arena_alloc(a, (n + 1) * sizeof(*ids));
	const char *near, *list = "";
	struct hint h = { "", "" };
	size_t i;

	for (i = 0; i < n; i++) {
		ids[i] = *(const char *const *)((const char *)base + i * stride + off);
		if (i < HINT_MAX_IDS)
			list = arena_printf(a, "%s%s%s", list, i ? ", " : "", ids[i]);
	}
	ids[n] = NULL;
	if (n > HINT_MAX_IDS)
		list = arena_printf(a, "%s, ...", list);
	if (!n)
		return h;
	near = id ? suggest_closest(id, ids) : NULL;
	if (near) {
		h.th = arena_printf(a, " หมายถึง \"%s\" หรือไม่? (รหัสที่มี: %s)", near, list);
		h.en = arena_printf(a, "; did you mean \"%s\"? (ids: %s)", near, list);
	} else {
		h.th = arena_printf(a, " (รหัสที่มี: %s)", list);
		h.en = arena_printf(a, " (ids: %s)", list);
	}
	return h;
}

#define NAMED_HINT(m, want, list, n) \
	id_hint(&(m)->arena, (want), (list), (n), sizeof(struct named), offsetof(struct named, id))

static struct loc at(const char *path, int line)
{
	struct loc l = { path, line, line ? 1 : 0 };
	return l;
}

static void unique_named(struct diags *d, const struct named *list, size_t n, const char *what)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(list[i].id, list[j].id) == 0)
				diag_error(d, at("site.yaml", 0), "รหัส %s \"%s\" ซ้ำ", "duplicate %s id \"%s\"",
					what, list[i].id);
}

static int media_exists(const struct model *m, const char *src)
{
	size_t lo = 0, hi = m->n_media;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->media[mid].path, src);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void check_media(const struct model *m, struct diags *d, const char *path, int line,
	const char *src)
{
	if (!src)
		return;
	if (strncmp(src, "media/", 6) != 0 || strstr(src, "..")) {
		diag_error(d, at(path, line), "ไฟล์รูป \"%s\" ต้องอยู่ในโฟลเดอร์ media/",
			"\"%s\" must be a file under media/", src);
		return;
	}
	if (!media_exists(m, src))
		diag_error(d, at(path, line), "ไม่พบไฟล์ \"%s\" ในโฟลเดอร์ content/",
			"file \"%s\" not found under content/", src);
}

static int project_file_exists(const struct model *m, int fy, const char *id)
{
	char key[96];
	size_t i;

	snprintf(key, sizeof(key), "%d/%s", fy, id);
	for (i = 0; i < m->n_project_files; i++)
		if (strcmp(m->project_files[i], key) == 0)
			return 1;
	return 0;
}

static void check_person(struct model *m, struct diags *d, const char *path, int line,
	const char *id, const char *field)
{
	struct hint h;

	if (!id || model_person(m, id))
		return;
	h = id_hint(&m->arena, id, m->people, m->n_people, sizeof(struct person),
		offsetof(struct person, id));
	diag_error(d, at(path, line), "%s: ไม่พบบุคคลรหัส \"%s\" ใน people.yaml%s%.0s",
		"%s: no person \"%s\" in people.yaml%.0s%s", field, id, h.th, h.en);
}

static void validate_project(struct model *m, struct diags *d, struct project *p)
{
	size_t i;
	int fy_start = 0;
	pdate fs = fiscal_year_start(p->fiscal_year), fe = fiscal_year_end(p->fiscal_year);
	char a[64], b[64];

	(void)fy_start;
	if (!model_group(m, p->group)) {
		struct hint h = NAMED_HINT(m, p->group, m->site.groups, m->site.n_groups);
		diag_error(d, at(p->path, p->line_group), "ไม่รู้จักกลุ่มงาน \"%s\" (ดูรายชื่อใน site.yaml)%s%.0s",
			"unknown group \"%s\" (see site.yaml)%.0s%s", p->group, h.th, h.en);
	}
	check_person(m, d, p->path, p->line_owner, p->owner, "owner");
	for (i = 0; i < p->n_team; i++)
		check_person(m, d, p->path, p->line_team, p->team[i], "team");
	for (i = 0; i < p->n_districts; i++)
		if (!model_district(m, p->districts[i])) {
			struct hint h = NAMED_HINT(m, p->districts[i], m->site.districts, m->site.n_districts);
			diag_error(d, at(p->path, p->line_districts), "ไม่รู้จักอำเภอ \"%s\" (ดูรายชื่อใน site.yaml)%s%.0s",
				"unknown district \"%s\" (see site.yaml)%.0s%s", p->districts[i], h.th, h.en);
		}
	if (p->dimension && !model_dimension(m, p->dimension)) {
		struct hint h = NAMED_HINT(m, p->dimension, m->site.dimensions, m->site.n_dimensions);
		diag_error(d, at(p->path, p->line_dimension), "ไม่รู้จักมิติ \"%s\" (ดูรายชื่อใน site.yaml)%s%.0s",
			"unknown dimension \"%s\" (see site.yaml)%.0s%s", p->dimension, h.th, h.en);
	}
	if (p->start < fs || p->end > fe)
		diag_error(d, at(p->path, p->line_start),
			"ระยะเวลาโครงการต้องอยู่ในปีงบประมาณ %d (1 ต.ค. ถึง 30 ก.ย.)",
			"the period must lie within fiscal year %d (1 Oct to 30 Sep)", p->fiscal_year);
	for (i = 0; i < p->n_plan; i++) {
		struct plan_point *pp = &p->plan[i];
		if (pp->month_end < date_month_end(p->start) || pp->month_end > date_month_end(p->end))
			diag_error(d, at(p->path, p->line_start), "เดือน %04d-%02d ของแผนอยู่นอกระยะเวลาโครงการ",
				"plan month %04d-%02d is outside the project period", pp->year, pp->month);
		if (pp->disbursed > p->allocated) {
			num_format_money(pp->disbursed, a, sizeof(a));
			num_format_money(p->allocated, b, sizeof(b));
			diag_error(d, at(p->path, p->line_allocated),
				"แผนเบิกจ่ายเดือน %04d-%02d (%s บาท) เกินงบที่ได้รับ (%s บาท)",
				"planned disbursement for %04d-%02d (%s baht) exceeds the allocation (%s baht)",
				pp->year, pp->month, a, b);
		}
	}
}

static void validate_reports(struct model *m, struct diags *d)
{
	size_t i, j, k, keep = 0;

	/* reports are sorted by project id then date: group them */
	for (i = 0; i < m->n_reports; i++) {
		struct report *r = m->reports[i];
		struct project *p = model_project(m, r->project_id);
		if (!p && project_file_exists(m, r->fiscal_year, r->project_id))
			continue; /* the project file has its own errors */
		if (!p) {
			diag_error(d, at(r->path, 0),
				"รายงานของโครงการที่ไม่มีอยู่ \"%s\" (ไม่พบ projects/%d/%s.md)",
				"report for an unknown project \"%s\" (no projects/%d/%s.md)",
				r->project_id, r->fiscal_year, r->project_id);
			continue;
		}
		r->project = p;
		report_rules_project(p, r, m->today, d);
		check_person(m, d, r->path, r->line_reporter, r->reporter, "reporter");
		for (j = 0; j < r->n_kpis; j++) {
			for (k = 0; k < p->n_kpis; k++)
				if (strcmp(p->kpis[k].id, r->kpis[j].kpi) == 0)
					break;
			if (k == p->n_kpis) {
				struct loc l = { r->path, r->kpis[j].line, r->kpis[j].col };
				struct hint h = id_hint(&m->arena, r->kpis[j].kpi, p->kpis, p->n_kpis,
					sizeof(struct kpi), offsetof(struct kpi, id));
				diag_error(d, l, "โครงการ %s ไม่มีตัวชี้วัด \"%s\"%s%.0s",
					"project %s has no KPI \"%s\"%.0s%s", p->id, r->kpis[j].kpi, h.th, h.en);
			}
		}
		for (j = 0; j < r->n_photos; j++)
			check_media(m, d, r->path, 0, r->photos[j].src);
		m->reports[keep++] = r;
	}
	m->n_reports = keep;
	/* attach, and compare each report with the one before */
	for (i = 0; i < m->n_reports; i = j) {
		struct project *p = m->reports[i]->project;
		for (j = i; j < m->n_reports && m->reports[j]->project == p; j++)
			;
		p->reports = &m->reports[i];
		p->n_reports = j - i;
		for (k = i + 1; k < j; k++)
			report_rules_prev(m->reports[k - 1], m->reports[k], d);
	}
}

/* Participation activities (OIT O19): the projects and district they name,
 * the media they link; a folder's fiscal year the site shows. */
static void validate_participation(struct model *m, struct diags *d)
{
	const struct site *s = &m->site;
	size_t i, j, k;

	for (i = 0; i < m->n_participation; i++) {
		const struct participation *p = m->participation[i];
		for (k = 0; k < s->n_fiscal_years && s->fiscal_years[k] != p->fiscal_year; k++)
			;
		if (k == s->n_fiscal_years)
			diag_warn(d, at(p->path, 0),
				"ปีงบประมาณ %d ไม่อยู่ใน fiscal_years ของ site.yaml จึงไม่มีหน้า participation/%d/",
				"fiscal year %d is not in site.yaml's fiscal_years, so participation/%d/ is not built",
				p->fiscal_year, p->fiscal_year);
		if (p->district && !model_district(m, p->district)) {
			struct hint h = NAMED_HINT(m, p->district, s->districts, s->n_districts);
			struct loc l = { p->path, p->line_district, p->col_district };
			diag_error(d, l, "ไม่รู้จักอำเภอ \"%s\"%s%.0s", "unknown district \"%s\"%.0s%s",
				p->district, h.th, h.en);
		}
		for (j = 0; j < p->n_projects; j++) {
			const struct idref *r = &p->projects[j];
			struct loc l = { p->path, r->line, r->col };
			const char **ids;
			struct hint h;
			if (model_project(m, r->id))
				continue;
			ids = arena_alloc(&m->arena, (m->n_projects + 1) * sizeof(*ids));
			for (k = 0; k < m->n_projects; k++)
				ids[k] = m->projects[k]->id;
			h = id_hint(&m->arena, r->id, ids, m->n_projects, sizeof(*ids), 0);
			diag_error(d, l, "ไม่พบโครงการรหัส \"%s\" (projects:)%s%.0s",
				"unknown project id \"%s\" (projects:)%.0s%s", r->id, h.th, h.en);
		}
		for (j = 0; j < p->n_links; j++)
			if (strncmp(p->links[j].url, "media/", 6) == 0)
				check_media(m, d, p->path, p->line_links, p->links[j].url);
	}
}

void validate_model(struct model *m, struct diags *d)
{
	size_t i, j;
	const struct site *s = &m->site;

	unique_named(d, s->districts, s->n_districts, "district");
	unique_named(d, s->groups, s->n_groups, "group");
	unique_named(d, s->dimensions, s->n_dimensions, "dimension");
	for (i = 0; i < m->n_people; i++) {
		const struct person *p = &m->people[i];
		for (j = 0; j < i; j++)
			if (strcmp(m->people[j].id, p->id) == 0)
				diag_error(d, at("people.yaml", p->line), "รหัสบุคคล \"%s\" ซ้ำ (บรรทัด %d)",
					"duplicate person id \"%s\" (line %d)", p->id, m->people[j].line);
		if (p->group && !model_group(m, p->group)) {
			struct hint h = NAMED_HINT(m, p->group, s->groups, s->n_groups);
			diag_error(d, at("people.yaml", p->line), "ไม่รู้จักกลุ่มงาน \"%s\"%s%.0s",
				"unknown group \"%s\"%.0s%s", p->group, h.th, h.en);
		}
		if (p->district && !model_district(m, p->district)) {
			struct hint h = NAMED_HINT(m, p->district, s->districts, s->n_districts);
			diag_error(d, at("people.yaml", p->line), "ไม่รู้จักอำเภอ \"%s\"%s%.0s",
				"unknown district \"%s\"%.0s%s", p->district, h.th, h.en);
		}
		check_media(m, d, "people.yaml", p->line, p->photo);
	}
	for (i = 0; i < m->n_projects; i++) {
		if (i && strcmp(m->projects[i]->id, m->projects[i - 1]->id) == 0)
			diag_error(d, at(m->projects[i]->path, m->projects[i]->line_id),
				"รหัสโครงการ \"%s\" ซ้ำกับ %s", "duplicate project id \"%s\" (also %s)",
				m->projects[i]->id, m->projects[i - 1]->path);
		validate_project(m, d, m->projects[i]);
	}
	validate_reports(m, d);
	for (i = 0; i < m->n_news; i++) {
		check_media(m, d, m->news[i]->path, 0, m->news[i]->image);
		if (i && m->news[i]->date == m->news[i - 1]->date &&
			strcmp(m->news[i]->slug, m->news[i - 1]->slug) == 0)
			diag_error(d, at(m->news[i]->path, 0), "ข่าวซ้ำ", "duplicate news item");
	}
	validate_participation(m, d);
	for (i = 0; i < m->n_forms; i++)
		for (j = 0; j < i; j++)
			if (strcmp(m->forms[i].id, m->forms[j].id) == 0)
				diag_error(d, at("forms", 0), "แบบฟอร์ม \"%s\" ซ้ำ", "duplicate form \"%s\"", m->forms[i].id);
}
