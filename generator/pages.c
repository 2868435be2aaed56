/* pages.c: page list and views. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "markdown.h"
#include "numfmt.h"
#include "svg.h"
#include "thaidate.h"
#include "pages_int.h"

static const char *const reserved_slugs[] = { "projects", "news", "assets", "media", "forms",
	"track", "data", "feeds", "reports", "oit", "search", "dashboard", "stats", "cgi-bin",
	"procurement", "surveys", "complaints", "index", "404", NULL };

int page_slug_reserved(const char *slug)
{
	size_t i;

	for (i = 0; reserved_slugs[i]; i++)
		if (strcmp(slug, reserved_slugs[i]) == 0)
			return 1;
	return 0;
}

/* ---- formatting ---- */

const char *pg_disp(const struct site_ctx *sc, struct arena *a, const char *s)
{
	char out[512];

	if (sc->m->site.digits != DIGITS_THAI)
		return s;
	num_thai_digits(s, out, sizeof(out));
	return arena_strdup(a, out);
}

const char *pg_money(const struct site_ctx *sc, struct arena *a, int64_t satang)
{
	char b[64];

	num_format_money(satang, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_pct(const struct site_ctx *sc, struct arena *a, int64_t h)
{
	char b[64];

	num_format_decimal(h, b, sizeof(b));
	return pg_disp(sc, a, arena_printf(a, "%s%%", b));
}

const char *pg_dec(const struct site_ctx *sc, struct arena *a, int64_t h)
{
	char b[64];

	num_format_decimal(h, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_integer(const struct site_ctx *sc, struct arena *a, int64_t v)
{
	char b[64];

	num_format_int(v, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_tdate(const struct site_ctx *sc, struct arena *a, pdate t)
{
	char b[128];

	thaidate_short(t, sc->m->site.digits, b, sizeof(b));
	return arena_strdup(a, b);
}

const char *pg_isodate(struct arena *a, pdate t)
{
	char b[11];

	date_iso(t, b);
	return arena_strdup(a, b);
}

const char *pg_fy_label(const struct site_ctx *sc, struct arena *a, int fy)
{
	char b[128];

	thaidate_fiscal_year(fy, sc->m->site.digits, b, sizeof(b));
	return arena_strdup(a, b);
}

const char *pg_root_of(struct arena *a, int depth)
{
	char *r = arena_alloc(a, (size_t)depth * 3 + 1);
	int i;

	for (i = 0; i < depth; i++)
		memcpy(r + i * 3, "../", 3);
	return r;
}

/* Set a string and a Thai-digit-aware copy under the same key. */
void pg_set_str(struct arena *a, struct tval *v, const char *k, const char *s)
{
	if (s)
		tv_sets(a, v, k, s);
}

const char *pg_name_of(const struct named *n)
{
	return n ? n->name : "";
}

/* ---- common parts ---- */

static struct tval *site_view(const struct site_ctx *sc, struct arena *a)
{
	const struct site *s = &sc->m->site;
	struct tval *v = tv_map(a), *soc = tv_list(a);
	size_t i;

	pg_set_str(a, v, "name", s->name);
	pg_set_str(a, v, "name_en", s->name_en);
	pg_set_str(a, v, "parent", s->parent);
	pg_set_str(a, v, "parent_en", s->parent_en);
	pg_set_str(a, v, "address", s->address);
	pg_set_str(a, v, "phone", s->phone);
	pg_set_str(a, v, "email", s->email);
	pg_set_str(a, v, "license_name", s->license_name);
	pg_set_str(a, v, "license_name_en", s->license_name_en);
	pg_set_str(a, v, "license_url", s->license_url);
	for (i = 0; i < s->n_social; i++) {
		struct tval *l = tv_map(a);
		tv_sets(a, l, "label", s->social[i].label);
		tv_sets(a, l, "url", s->social[i].url);
		tv_push(a, soc, l);
	}
	tv_set(a, v, "social", soc);
	return v;
}

static const struct form_def *find_form(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->n_forms; i++)
		if (strcmp(m->forms[i].id, id) == 0)
			return &m->forms[i];
	return NULL;
}

static void nav_add(struct arena *a, struct tval *nav, const char *root, const char *href,
	const char *label, const char *label_en, int current)
{
	struct tval *n = tv_map(a);

	tv_sets(a, n, "href", arena_printf(a, "%s%s", root, href));
	tv_sets(a, n, "label", label);
	if (label_en)
		tv_sets(a, n, "label_en", label_en);
	tv_setb(a, n, "current", current);
	tv_push(a, nav, n);
}

struct tval *pg_base_view(const struct site_ctx *sc, const struct page_job *job,
	struct arena *a, const char *title, const char *title_en)
{
	const struct model *m = sc->m;
	struct tval *v = tv_map(a), *nav = tv_list(a);
	const char *root = pg_root_of(a, job->depth);
	size_t i;

	if (job->kind == PG_NOT_FOUND) {
		/* served in place of any missing path, at any depth: links start
		 * from the site's own path on its host (base_url) */
		const char *u = m->site.base_url ? strstr(m->site.base_url, "://") : NULL;
		root = u && strchr(u + 3, '/') ? strchr(u + 3, '/') : "/";
	}

	tv_sets(a, v, "root", root);
	tv_sets(a, v, "title", title);
	if (title_en)
		tv_sets(a, v, "title_en", title_en);
	tv_set(a, v, "site", site_view(sc, a));
	tv_setb(a, v, "sample", m->site.sample);
	tv_sets(a, v, "version", sc->version);
	tv_sets(a, v, "today", pg_tdate(sc, a, m->today));
	tv_sets(a, v, "today_iso", pg_isodate(a, m->today));
	tv_sets(a, v, "collector", arena_printf(a, "%s%s", root, m->site.collector));
	nav_add(a, nav, root, "index.html", "หน้าหลัก", "Home", job->kind == PG_HOME);
	nav_add(a, nav, root, "projects/index.html", "โครงการ", "Projects",
		job->kind == PG_PROJECTS || job->kind == PG_PROJECTS_FY || job->kind == PG_FILTER ||
		job->kind == PG_PROJECT);
	nav_add(a, nav, root, "news/index.html", "ข่าว", "News",
		job->kind == PG_NEWS_LIST || job->kind == PG_NEWS);
	for (i = 0; i < m->n_pages; i++) {
		const struct page *p = m->pages[i];
		if (p->menu < 0)
			continue;
		nav_add(a, nav, root, arena_printf(a, "%s/index.html", p->slug), p->title, p->title_en,
			job->kind == PG_PAGE && job->index == i);
	}
	nav_add(a, nav, root, "dashboard/index.html", "แดชบอร์ด", "Dashboard", job->kind == PG_DASHBOARD);
	nav_add(a, nav, root, "data/index.html", "ข้อมูลเปิด", "Open data", job->kind == PG_DATA);
	nav_add(a, nav, root, "search/index.html", "ค้นหา", "Search", job->kind == PG_SEARCH);
	if (m->n_forms)
		nav_add(a, nav, root, "forms/index.html", "ร้องเรียน/แสดงความคิดเห็น", "Complaints & feedback",
			job->kind == PG_FORMS || job->kind == PG_FORM || job->kind == PG_THANKS);
	tv_set(a, v, "nav", nav);
	if (find_form(m, "complaint"))
		tv_sets(a, v, "complaint_href", arena_printf(a, "%sforms/complaint/index.html", root));
	if (find_form(m, "corruption"))
		tv_sets(a, v, "corruption_href", arena_printf(a, "%sforms/corruption/index.html", root));
	tv_sets(a, v, "complaints_href", arena_printf(a, "%scomplaints/index.html", root));
	tv_sets(a, v, "track_href", arena_printf(a, "%strack/index.html", root));
	tv_sets(a, v, "surveys_href", arena_printf(a, "%ssurveys/index.html", root));
	if (find_form(m, "satisfaction"))
		tv_sets(a, v, "satisfaction_href", arena_printf(a, "%sforms/satisfaction/index.html", root));
	tv_sets(a, v, "canonical", arena_printf(a, "%s%s", m->site.base_url ? m->site.base_url : "",
		strcmp(job->out, "index.html") == 0 ? "" : job->out));
	return v;
}

/* ---- projects ---- */

struct tval *pg_project_row(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct project *p)
{
	const struct model *m = sc->m;
	struct tval *r = tv_map(a), *ds = tv_list(a);
	size_t i;

	tv_sets(a, r, "href", arena_printf(a, "%sprojects/%s/index.html", root, p->id));
	tv_sets(a, r, "id", p->id);
	tv_sets(a, r, "title", p->title);
	pg_set_str(a, r, "title_en", p->title_en);
	tv_sets(a, r, "fy", pg_disp(sc, a, arena_printf(a, "%d", p->fiscal_year)));
	tv_sets(a, r, "group", pg_name_of(model_group(m, p->group)));
	for (i = 0; i < p->n_districts; i++) {
		struct tval *d = tv_map(a);
		tv_sets(a, d, "name", pg_name_of(model_district(m, p->districts[i])));
		tv_setb(a, d, "last", i + 1 == p->n_districts);
		tv_push(a, ds, d);
	}
	tv_set(a, r, "districts", ds);
	tv_sets(a, r, "status", status_name(p->fig.status));
	tv_sets(a, r, "status_label", status_label_th(p->fig.status));
	tv_sets(a, r, "status_label_en", status_label_en(p->fig.status));
	tv_sets(a, r, "planned", pg_pct(sc, a, p->fig.planned_pct));
	tv_sets(a, r, "actual", pg_pct(sc, a, p->fig.actual_pct));
	tv_sets(a, r, "actual_raw", arena_printf(a, "%lld", (long long)((p->fig.actual_pct + 50) / 100)));
	tv_sets(a, r, "allocated", pg_money(sc, a, p->allocated));
	tv_sets(a, r, "disbursed", pg_money(sc, a, p->fig.disbursed));
	tv_sets(a, r, "disb_rate", pg_pct(sc, a, p->fig.disb_rate));
	if (p->fig.has_report)
		tv_sets(a, r, "last_report", pg_tdate(sc, a, p->fig.last_report));
	return r;
}

static int project_matches(const struct project *p, int fy, enum facet f, const char *value)
{
	size_t i;

	if (fy && p->fiscal_year != fy)
		return 0;
	switch (f) {
	case FACET_GROUP:
		return strcmp(p->group, value) == 0;
	case FACET_DIMENSION:
		return p->dimension && strcmp(p->dimension, value) == 0;
	case FACET_STATUS:
		return strcmp(status_name(p->fig.status), value) == 0;
	case FACET_DISTRICT:
		for (i = 0; i < p->n_districts; i++)
			if (strcmp(p->districts[i], value) == 0)
				return 1;
		return 0;
	default:
		return 1;
	}
}

static struct tval *project_rows(const struct site_ctx *sc, struct arena *a, const char *root,
	int fy, enum facet f, const char *value)
{
	struct tval *rows = tv_list(a);
	size_t i;

	for (i = 0; i < sc->m->n_projects; i++)
		if (project_matches(sc->m->projects[i], fy, f, value))
			tv_push(a, rows, pg_project_row(sc, a, root, sc->m->projects[i]));
	return rows;
}

struct tval *pg_rollup_view(const struct site_ctx *sc, struct arena *a, const struct rollup *r)
{
	struct tval *v = tv_map(a);

	if (r->id)
		tv_sets(a, v, "id", r->id);
	pg_set_str(a, v, "name", r->name);
	pg_set_str(a, v, "name_en", r->name_en);
	tv_sets(a, v, "n_projects", pg_integer(sc, a, (int64_t)r->n_projects));
	tv_sets(a, v, "n_cancelled", pg_integer(sc, a, (int64_t)r->n_cancelled));
	tv_setb(a, v, "has_cancelled", r->n_cancelled > 0);
	tv_setb(a, v, "empty", r->n_projects == 0);
	tv_sets(a, v, "allocated", pg_money(sc, a, r->allocated));
	tv_sets(a, v, "disbursed", pg_money(sc, a, r->disbursed));
	tv_sets(a, v, "planned_baht", pg_money(sc, a, r->planned_baht));
	tv_sets(a, v, "planned", pg_pct(sc, a, r->planned_pct));
	tv_sets(a, v, "actual", pg_pct(sc, a, r->actual_pct));
	tv_sets(a, v, "disb_rate", pg_pct(sc, a, r->disb_rate));
	tv_sets(a, v, "planned_disb_rate", pg_pct(sc, a, r->planned_disb_rate));
	tv_sets(a, v, "gap", pg_pct(sc, a, r->planned_pct > r->actual_pct ? r->planned_pct - r->actual_pct : 0));
	tv_sets(a, v, "weight_sum", sc->m->site.rollup == ROLLUP_BUDGET ? pg_money(sc, a, r->weight_sum) :
		pg_dec(sc, a, r->weight_sum));
	return v;
}

struct tval *pg_status_counts(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct rollup *r, int fy)
{
	struct tval *list = tv_list(a);
	int s;

	for (s = 0; s < ST__COUNT; s++) {
		struct tval *v = tv_map(a);
		tv_sets(a, v, "status", status_name((enum project_status)s));
		tv_sets(a, v, "label", status_label_th((enum project_status)s));
		tv_sets(a, v, "label_en", status_label_en((enum project_status)s));
		tv_sets(a, v, "count", pg_integer(sc, a, (int64_t)r->by_status[s]));
		if (r->by_status[s])
			tv_sets(a, v, "href", arena_printf(a, "%sprojects/%d/status/%s/index.html", root, fy,
				status_name((enum project_status)s)));
		tv_push(a, list, v);
	}
	return list;
}

void pg_method_view(const struct site_ctx *sc, struct arena *a, struct tval *v)
{
	tv_setb(a, v, "rollup_budget", sc->m->site.rollup == ROLLUP_BUDGET);
	tv_setb(a, v, "rollup_weight", sc->m->site.rollup == ROLLUP_WEIGHT);
	tv_sets(a, v, "behind", pg_pct(sc, a, sc->m->site.behind));
	tv_sets(a, v, "seriously_behind", pg_pct(sc, a, sc->m->site.seriously_behind));
	tv_sets(a, v, "asof", pg_tdate(sc, a, sc->m->today));
}

const char *pg_month_label(const struct site_ctx *sc, struct arena *a, int y, int mo)
{
	char b[64];

	thaidate_month(y, mo, sc->m->site.digits, b, sizeof(b));
	return arena_strdup(a, b);
}

/* The office S-curves of a fiscal year: progress and disbursement. */
void pg_fy_charts(const struct site_ctx *sc, struct arena *a, struct tval *v,
	const struct fy_figures *f)
{
	const char *labels[12];
	struct svg_series pser[2], dser[3];
	struct tval *rows = tv_list(a), *qrows = tv_list(a);
	int i, q;
	int64_t alloc = f->office.allocated;

	memset(pser, 0, sizeof(pser));
	memset(dser, 0, sizeof(dser));
	pser[0].label = "แผน (Plan)";
	pser[0].css_class = "plan";
	pser[0].dashed = 1;
	pser[1].label = "ผล (Actual)";
	pser[1].css_class = "actual";
	dser[0].label = "แผนเบิกจ่าย (Plan)";
	dser[0].css_class = "plan";
	dser[0].dashed = 1;
	dser[1].label = "เบิกจ่ายจริง (Actual)";
	dser[1].css_class = "actual";
	dser[2].label = "เป้าหมาย ครม. (Target)";
	dser[2].css_class = "target";
	for (i = 0; i < 12; i++) {
		const struct month_point *mp = &f->months[i];
		struct tval *r = tv_map(a);
		labels[i] = pg_month_label(sc, a, mp->year, mp->month);
		pser[0].values[i] = mp->planned_pct;
		pser[0].present[i] = 1;
		pser[1].values[i] = mp->actual_pct;
		pser[1].present[i] = mp->past;
		dser[0].values[i] = alloc ? num_muldiv(mp->planned_baht, 10000, alloc) : 0;
		dser[0].present[i] = 1;
		dser[1].values[i] = alloc ? num_muldiv(mp->disbursed, 10000, alloc) : 0;
		dser[1].present[i] = mp->past;
		if (i % 3 == 2 && f->quarters[i / 3].t_overall >= 0) {
			dser[2].values[i] = f->quarters[i / 3].t_overall;
			dser[2].present[i] = 1;
		}
		tv_sets(a, r, "month", labels[i]);
		tv_sets(a, r, "planned", pg_pct(sc, a, mp->planned_pct));
		tv_sets(a, r, "planned_baht", pg_money(sc, a, mp->planned_baht));
		if (mp->past) {
			tv_sets(a, r, "actual", pg_pct(sc, a, mp->actual_pct));
			tv_sets(a, r, "disbursed", pg_money(sc, a, mp->disbursed));
			tv_sets(a, r, "disb_rate", pg_pct(sc, a, dser[1].values[i]));
		}
		tv_push(a, rows, r);
	}
	tv_set(a, v, "months", rows);
	tv_sets(a, v, "progress_chart", svg_line_chart(a, "chart-progress",
		"ความก้าวหน้าสะสม แผนเทียบผล รายเดือน",
		"Cumulative physical progress, plan against actual, by month (figures in the table below)",
		labels, 12, pser, 2));
	tv_sets(a, v, "disbursement_chart", svg_line_chart(a, "chart-disbursement",
		"การเบิกจ่ายสะสม แผนเทียบผลและเป้าหมาย ครม.",
		"Cumulative disbursement as a share of the allocation: plan, actual and the Cabinet's quarterly targets (figures in the table below)",
		labels, 12, dser, f->has_target ? 3 : 2));
	for (q = 0; q < 4; q++) {
		const struct quarter_point *qp = &f->quarters[q];
		struct tval *r = tv_map(a);
		char b[64];
		thaidate_quarter(f->fiscal_year, q + 1, sc->m->site.digits, b, sizeof(b));
		tv_sets(a, r, "quarter", arena_strdup(a, b));
		tv_sets(a, r, "end", pg_tdate(sc, a, qp->end));
		if (qp->t_overall >= 0)
			tv_sets(a, r, "t_overall", pg_pct(sc, a, qp->t_overall));
		if (qp->t_recurrent >= 0)
			tv_sets(a, r, "t_recurrent", pg_pct(sc, a, qp->t_recurrent));
		if (qp->t_capital >= 0)
			tv_sets(a, r, "t_capital", pg_pct(sc, a, qp->t_capital));
		if (qp->past) {
			tv_sets(a, r, "overall", pg_pct(sc, a, qp->overall));
			tv_sets(a, r, "recurrent", pg_pct(sc, a, qp->recurrent));
			tv_sets(a, r, "capital", pg_pct(sc, a, qp->capital));
			tv_setb(a, r, "to_date", !qp->complete);
			if (qp->t_overall >= 0) {
				tv_setb(a, r, "met", qp->overall >= qp->t_overall);
				tv_setb(a, r, "missed", qp->complete && qp->overall < qp->t_overall);
			}
		}
		tv_push(a, qrows, r);
	}
	tv_set(a, v, "quarters", qrows);
	tv_setb(a, v, "has_target", f->has_target);
	tv_sets(a, v, "alloc_recurrent", pg_money(sc, a, f->alloc_recurrent));
	tv_sets(a, v, "alloc_capital", pg_money(sc, a, f->alloc_capital));
}

struct tval *pg_rollup_list(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct rollup *rs, size_t n, int fy, const char *facet)
{
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < n; i++) {
		struct tval *v = pg_rollup_view(sc, a, &rs[i]);
		if (rs[i].n_projects || rs[i].n_cancelled)
			tv_sets(a, v, "href", arena_printf(a, "%sprojects/%d/%s/%s/index.html", root, fy,
				facet, rs[i].id));
		tv_push(a, list, v);
	}
	return list;
}

const char *pg_rollup_bars(const struct site_ctx *sc, struct arena *a, const char *id,
	const char *title, const struct rollup *rs, size_t n)
{
	struct svg_bar bars[SVG_MAX_BARS];
	size_t i, k = 0;

	(void)sc;
	for (i = 0; i < n && k < SVG_MAX_BARS; i++) {
		if (!rs[i].n_projects)
			continue;
		bars[k].label = rs[i].name;
		bars[k].planned = rs[i].planned_pct;
		bars[k].actual = rs[i].actual_pct;
		k++;
	}
	return svg_bar_chart(a, id, title,
		"Weighted physical progress against plan (figures in the table)", bars, k,
		"แผน (Plan)", "ผล (Actual)");
}

static struct tval *fy_links(const struct site_ctx *sc, struct arena *a, const char *root, int current)
{
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < sc->m->site.n_fiscal_years; i++) {
		int fy = sc->m->site.fiscal_years[i];
		struct tval *v = tv_map(a);
		tv_sets(a, v, "href", arena_printf(a, "%sprojects/%d/index.html", root, fy));
		tv_sets(a, v, "label", pg_fy_label(sc, a, fy));
		tv_setb(a, v, "current", fy == current);
		tv_push(a, list, v);
	}
	return list;
}

void pg_fy_page(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root, int fy)
{
	const struct fy_figures *f = derived_fy(sc->dv, fy);

	tv_sets(a, v, "fy", pg_disp(sc, a, arena_printf(a, "%d", fy)));
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, fy));
	tv_set(a, v, "fy_links", fy_links(sc, a, root, fy));
	tv_set(a, v, "projects", project_rows(sc, a, root, fy, FACET_NONE, NULL));
	pg_method_view(sc, a, v);
	if (!f)
		return;
	tv_set(a, v, "office", pg_rollup_view(sc, a, &f->office));
	tv_set(a, v, "status_counts", pg_status_counts(sc, a, root, &f->office, fy));
	tv_set(a, v, "groups", pg_rollup_list(sc, a, root, f->groups, f->n_groups, fy, "group"));
	tv_set(a, v, "districts", pg_rollup_list(sc, a, root, f->districts, f->n_districts, fy, "district"));
	tv_set(a, v, "dimensions", pg_rollup_list(sc, a, root, f->dimensions, f->n_dimensions, fy, "dimension"));
	tv_sets(a, v, "groups_chart", pg_rollup_bars(sc, a, "chart-groups",
		"ความก้าวหน้าตามกลุ่มงาน", f->groups, f->n_groups));
	tv_sets(a, v, "districts_chart", pg_rollup_bars(sc, a, "chart-districts",
		"ความก้าวหน้าตามอำเภอ", f->districts, f->n_districts));
	pg_fy_charts(sc, a, v, f);
}

static void filter_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct fy_figures *f = derived_fy(sc->dv, job->fy);
	const struct rollup *r = NULL;
	const char *value = "", *name = "", *kind = "", *kind_en = "";

	switch (job->facet) {
	case FACET_GROUP:
		value = sc->m->site.groups[job->index].id;
		name = sc->m->site.groups[job->index].name;
		kind = "กลุ่มงาน";
		kind_en = "Group";
		r = f ? &f->groups[job->index] : NULL;
		break;
	case FACET_DISTRICT:
		value = sc->m->site.districts[job->index].id;
		name = arena_printf(a, "อำเภอ%s", sc->m->site.districts[job->index].name);
		kind = "อำเภอ";
		kind_en = "District";
		r = f ? &f->districts[job->index] : NULL;
		break;
	case FACET_DIMENSION:
		value = sc->m->site.dimensions[job->index].id;
		name = sc->m->site.dimensions[job->index].name;
		kind = "มิติ";
		kind_en = "Dimension";
		r = f ? &f->dimensions[job->index] : NULL;
		break;
	case FACET_STATUS:
		value = status_name((enum project_status)job->index);
		name = status_label_th((enum project_status)job->index);
		kind = "สถานะ";
		kind_en = "Status";
		break;
	default:
		break;
	}
	tv_sets(a, v, "fy", pg_disp(sc, a, arena_printf(a, "%d", job->fy)));
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, job->fy));
	tv_sets(a, v, "fy_href", arena_printf(a, "%sprojects/%d/index.html", root, job->fy));
	tv_sets(a, v, "facet_kind", kind);
	tv_sets(a, v, "facet_kind_en", kind_en);
	tv_sets(a, v, "facet_name", name);
	tv_set(a, v, "projects", project_rows(sc, a, root, job->fy, job->facet, value));
	if (r)
		tv_set(a, v, "rollup", pg_rollup_view(sc, a, r));
	pg_method_view(sc, a, v);
}

struct tval *pg_person_view(const struct site_ctx *sc, struct arena *a, const char *id)
{
	const struct person *p = model_person(sc->m, id);
	struct tval *v = tv_map(a);

	if (!p)
		return v;
	tv_sets(a, v, "name", p->name);
	pg_set_str(a, v, "name_en", p->name_en);
	tv_sets(a, v, "position", p->position);
	pg_set_str(a, v, "phone", p->phone);
	pg_set_str(a, v, "email", p->email);
	return v;
}

static void project_page(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *team = tv_list(a), *ds = tv_list(a), *kpis = tv_list(a), *reps = tv_list(a),
		*rows = tv_list(a);
	const struct report *latest = project_report_at(p, m->today);
	const char *labels[SVG_MAX_POINTS];
	struct svg_series ser[2];
	size_t i, j, n = 0;
	int y, mo, d, ey, emo;

	tv_set(a, v, "p", pg_project_row(sc, a, root, p));
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, p->fiscal_year));
	tv_sets(a, v, "fy_href", arena_printf(a, "%sprojects/%d/index.html", root, p->fiscal_year));
	tv_sets(a, v, "group_href", arena_printf(a, "%sprojects/%d/group/%s/index.html", root,
		p->fiscal_year, p->group));
	tv_set(a, v, "owner", pg_person_view(sc, a, p->owner));
	for (i = 0; i < p->n_team; i++)
		tv_push(a, team, pg_person_view(sc, a, p->team[i]));
	tv_set(a, v, "team", team);
	for (i = 0; i < p->n_districts; i++) {
		struct tval *dv = tv_map(a);
		tv_sets(a, dv, "name", pg_name_of(model_district(m, p->districts[i])));
		tv_sets(a, dv, "href", arena_printf(a, "%sprojects/%d/district/%s/index.html", root,
			p->fiscal_year, p->districts[i]));
		tv_push(a, ds, dv);
	}
	tv_set(a, v, "districts", ds);
	if (p->dimension) {
		tv_sets(a, v, "dimension", pg_name_of(model_dimension(m, p->dimension)));
		tv_sets(a, v, "dimension_href", arena_printf(a, "%sprojects/%d/dimension/%s/index.html",
			root, p->fiscal_year, p->dimension));
	}
	pg_set_str(a, v, "strategy", p->strategy);
	tv_sets(a, v, "start", pg_tdate(sc, a, p->start));
	tv_sets(a, v, "end", pg_tdate(sc, a, p->end));
	pg_set_str(a, v, "source", p->budget_source);
	tv_sets(a, v, "category", p->category == CAT_CAPITAL ? "งบลงทุน" : "งบประจำ");
	tv_sets(a, v, "category_en", p->category == CAT_CAPITAL ? "Capital" : "Recurrent");
	tv_sets(a, v, "planned_baht", pg_money(sc, a, p->fig.planned_baht));
	tv_sets(a, v, "gap", pg_pct(sc, a, p->fig.gap > 0 ? p->fig.gap : 0));
	tv_setb(a, v, "ahead", p->fig.gap < 0);
	tv_setb(a, v, "plan_linear", p->fig.plan_linear);
	tv_setb(a, v, "has_plan", p->n_plan > 0);
	if (p->weight)
		tv_sets(a, v, "weight", pg_dec(sc, a, p->weight));
	if (p->status_override != ST__COUNT)
		pg_set_str(a, v, "status_reason", p->status_reason);
	tv_sets(a, v, "body", markdown_html_at(a, p->body, 3));
	pg_method_view(sc, a, v);
	/* KPIs with the latest actuals */
	for (i = 0; i < p->n_kpis; i++) {
		struct tval *k = tv_map(a);
		tv_sets(a, k, "name", p->kpis[i].name);
		tv_sets(a, k, "unit", p->kpis[i].unit);
		tv_sets(a, k, "target", pg_dec(sc, a, p->kpis[i].target));
		for (j = 0; latest && j < latest->n_kpis; j++)
			if (strcmp(latest->kpis[j].kpi, p->kpis[i].id) == 0)
				tv_sets(a, k, "actual", pg_dec(sc, a, latest->kpis[j].value));
		tv_push(a, kpis, k);
	}
	tv_set(a, v, "kpis", kpis);
	/* reports, newest first */
	for (i = p->n_reports; i > 0; i--) {
		const struct report *r = p->reports[i - 1];
		struct tval *rv = tv_map(a), *photos = tv_list(a), *rk = tv_list(a);
		const struct person *who = model_person(m, r->reporter);
		tv_sets(a, rv, "date", pg_tdate(sc, a, r->date));
		tv_sets(a, rv, "date_iso", pg_isodate(a, r->date));
		tv_sets(a, rv, "reporter", who ? who->name : r->reporter);
		tv_sets(a, rv, "percent", pg_pct(sc, a, r->percent));
		tv_sets(a, rv, "disbursed", pg_money(sc, a, r->disbursed));
		if (r->narrative)
			tv_sets(a, rv, "narrative", markdown_html_at(a, r->narrative, 4));
		if (r->problems)
			tv_sets(a, rv, "problems", markdown_html_at(a, r->problems, 5));
		for (j = 0; j < r->n_photos; j++) {
			struct tval *ph = tv_map(a);
			tv_sets(a, ph, "src", arena_printf(a, "%s%s", root, r->photos[j].src));
			tv_sets(a, ph, "alt", r->photos[j].alt);
			tv_push(a, photos, ph);
		}
		tv_set(a, rv, "photos", photos);
		for (j = 0; j < r->n_kpis; j++) {
			struct tval *kv = tv_map(a);
			size_t k;
			for (k = 0; k < p->n_kpis; k++)
				if (strcmp(p->kpis[k].id, r->kpis[j].kpi) == 0)
					tv_sets(a, kv, "name", p->kpis[k].name);
			tv_sets(a, kv, "value", pg_dec(sc, a, r->kpis[j].value));
			tv_push(a, rk, kv);
		}
		tv_set(a, rv, "kpis", rk);
		tv_push(a, reps, rv);
	}
	tv_set(a, v, "reports", reps);
	if (p->fig.has_report)
		tv_sets(a, v, "updated", pg_tdate(sc, a, p->fig.last_report));
	/* plan against actual, month by month over the period */
	memset(ser, 0, sizeof(ser));
	ser[0].label = "แผน (Plan)";
	ser[0].css_class = "plan";
	ser[0].dashed = 1;
	ser[1].label = "ผล (Actual)";
	ser[1].css_class = "actual";
	date_to_ymd(p->start, &y, &mo, &d);
	date_to_ymd(p->end, &ey, &emo, &d);
	while ((y < ey || (y == ey && mo <= emo)) && n < SVG_MAX_POINTS) {
		pdate first = date_from_ymd(y, mo, 1), end = date_month_end(first);
		int64_t pp, pb;
		const struct report *r;
		struct tval *row = tv_map(a);
		project_planned_at(p, end, &pp, &pb);
		labels[n] = pg_month_label(sc, a, y, mo);
		ser[0].values[n] = pp;
		ser[0].present[n] = 1;
		tv_sets(a, row, "month", labels[n]);
		tv_sets(a, row, "planned", pg_pct(sc, a, pp));
		tv_sets(a, row, "planned_baht", pg_money(sc, a, pb));
		if (first <= m->today) {
			r = project_report_at(p, end < m->today ? end : m->today);
			ser[1].values[n] = r ? r->percent : 0;
			ser[1].present[n] = 1;
			tv_sets(a, row, "actual", pg_pct(sc, a, r ? r->percent : 0));
			tv_sets(a, row, "disbursed", pg_money(sc, a, r ? r->disbursed : 0));
		}
		tv_push(a, rows, row);
		n++;
		if (++mo > 12) {
			mo = 1;
			y++;
		}
	}
	tv_set(a, v, "months", rows);
	tv_sets(a, v, "chart", svg_line_chart(a, "chart-project", "ความก้าวหน้าสะสม แผนเทียบผล",
		"Cumulative physical progress of this project, plan against actual, by month (figures in the table)",
		labels, n, ser, 2));
}

/* ---- home, news, pages, forms ---- */

struct tval *pg_news_item(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct news *n)
{
	struct tval *v = tv_map(a);

	tv_sets(a, v, "href", arena_printf(a, "%snews/%s-%s/index.html", root, pg_isodate(a, n->date), n->slug));
	tv_sets(a, v, "title", n->title);
	pg_set_str(a, v, "title_en", n->title_en);
	pg_set_str(a, v, "summary", n->summary);
	tv_sets(a, v, "date", pg_tdate(sc, a, n->date));
	tv_sets(a, v, "date_iso", pg_isodate(a, n->date));
	if (n->image)
		tv_sets(a, v, "image", arena_printf(a, "%s%s", root, n->image));
	return v;
}

static void home_page(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	struct tval *recent = tv_list(a), *news = tv_list(a);
	size_t i;

	pg_fy_page(sc, a, v, root, sc->dv->current_fy);
	tv_sets(a, v, "fy_href", arena_printf(a, "%sprojects/%d/index.html", root, sc->dv->current_fy));
	for (i = 0; i < sc->n_recent && i < 10; i++) {
		const struct report *r = sc->recent[i];
		struct tval *rv = tv_map(a);
		tv_sets(a, rv, "date", pg_tdate(sc, a, r->date));
		tv_sets(a, rv, "date_iso", pg_isodate(a, r->date));
		tv_sets(a, rv, "title", r->project->title);
		tv_sets(a, rv, "href", arena_printf(a, "%sprojects/%s/index.html", root, r->project->id));
		tv_sets(a, rv, "percent", pg_pct(sc, a, r->percent));
		tv_push(a, recent, rv);
	}
	tv_set(a, v, "recent", recent);
	for (i = 0; i < sc->m->n_news && i < 5; i++)
		tv_push(a, news, pg_news_item(sc, a, root, sc->m->news[i]));
	tv_set(a, v, "news", news);
	/* the projects table is for the projects pages */
	tv_set(a, v, "projects", tv_bool(a, 0));
}

static struct tval *form_view(const struct site_ctx *sc, struct arena *a, const struct form_def *f)
{
	struct tval *v = tv_map(a), *fields = tv_list(a);
	size_t i, j;

	(void)sc;
	tv_sets(a, v, "id", f->id);
	tv_sets(a, v, "title", f->title_th);
	tv_sets(a, v, "title_en", f->title_en);
	pg_set_str(a, v, "help", f->help_th);
	pg_set_str(a, v, "help_en", f->help_en);
	tv_sets(a, v, "thanks", f->thanks_th);
	tv_sets(a, v, "thanks_en", f->thanks_en);
	tv_setb(a, v, "complaint", f->kind == FORM_COMPLAINT);
	tv_setb(a, v, "survey", f->kind == FORM_SURVEY);
	tv_setb(a, v, "corruption", f->channel == CHANNEL_CORRUPTION);
	tv_setb(a, v, "has_files", f->max_files > 0);
	tv_setb(a, v, "multipart", f->max_files > 0);
	tv_sets(a, v, "max_files", arena_printf(a, "%d", f->max_files));
	tv_sets(a, v, "max_file_mb", arena_printf(a, "%ld", f->max_file_size / (1024 * 1024)));
	for (i = 0; i < f->n_fields; i++) {
		const struct form_field *fd = &f->fields[i];
		struct tval *fv = tv_map(a), *choices = tv_list(a);
		tv_sets(a, fv, "name", fd->name);
		tv_sets(a, fv, "id", arena_printf(a, "f-%s", fd->name));
		tv_sets(a, fv, "label", fd->label_th);
		tv_sets(a, fv, "label_en", fd->label_en);
		pg_set_str(a, fv, "help", fd->help_th);
		pg_set_str(a, fv, "help_en", fd->help_en);
		tv_setb(a, fv, "required", fd->required);
		tv_setb(a, fv, "personal", fd->personal);
		tv_sets(a, fv, "max_length", arena_printf(a, "%d", fd->max_length));
		pg_set_str(a, fv, "must_equal", fd->must_equal);
		tv_setb(a, fv, field_type_name(fd->type), 1);
		tv_sets(a, fv, "type", field_type_name(fd->type));
		for (j = 0; j < fd->n_choices; j++) {
			struct tval *c = tv_map(a);
			tv_sets(a, c, "value", fd->choices[j].value);
			tv_sets(a, c, "label", fd->choices[j].label_th);
			tv_sets(a, c, "label_en", fd->choices[j].label_en);
			tv_sets(a, c, "id", arena_printf(a, "f-%s-%zu", fd->name, j));
			tv_push(a, choices, c);
		}
		tv_set(a, fv, "choices", choices);
		tv_push(a, fields, fv);
	}
	tv_set(a, v, "fields", fields);
	return v;
}

static const char *job_title(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	const char **title_en)
{
	const struct model *m = sc->m;

	*title_en = NULL;
	switch (job->kind) {
	case PG_HOME:
		*title_en = "Progress and spending dashboard";
		return "ภาพรวมความก้าวหน้าและการใช้จ่ายงบประมาณ";
	case PG_PROJECTS:
		*title_en = "Projects";
		return "โครงการและกิจกรรม";
	case PG_PROJECTS_FY:
		*title_en = arena_printf(a, "Projects, fiscal year %d", job->fy);
		return arena_printf(a, "โครงการ %s", pg_fy_label(sc, a, job->fy));
	case PG_FILTER:
		return "โครงการ";
	case PG_PROJECT:
		*title_en = m->projects[job->index]->title_en;
		return m->projects[job->index]->title;
	case PG_NEWS_LIST:
		*title_en = "News";
		return "ข่าวประชาสัมพันธ์";
	case PG_NEWS:
		*title_en = m->news[job->index]->title_en;
		return m->news[job->index]->title;
	case PG_PAGE:
		*title_en = m->pages[job->index]->title_en;
		return m->pages[job->index]->title;
	case PG_NOT_FOUND:
		*title_en = "Page not found";
		return "ไม่พบหน้าที่ต้องการ";
	case PG_FORMS:
		*title_en = "Complaints, reports and feedback";
		return "ร้องเรียน แจ้งเบาะแส และประเมินความพึงพอใจ";
	case PG_FORM:
		*title_en = m->forms[job->index].title_en;
		return m->forms[job->index].title_th;
	case PG_THANKS:
		*title_en = "Thank you";
		return arena_printf(a, "ขอบคุณ: %s", m->forms[job->index].title_th);
	case PG_DASHBOARD:
		*title_en = "Executive dashboard";
		return arena_printf(a, "แดชบอร์ดผู้บริหาร %s", pg_fy_label(sc, a, sc->dv->current_fy));
	case PG_REPORTS:
		*title_en = "Performance reports";
		return "รายงานผลการดำเนินงาน";
	case PG_REPORT:
		*title_en = job->index ? arena_printf(a, "Annual report, fiscal year %d", job->fy) :
			arena_printf(a, "Six-month report, fiscal year %d", job->fy);
		return arena_printf(a, "%s %s", job->index ? "รายงานผลการดำเนินงานประจำปี" :
			"รายงานผลการดำเนินงานรอบ 6 เดือน", pg_fy_label(sc, a, job->fy));
	case PG_OIT:
		*title_en = "ITA/OIT evidence index";
		return m->n_oit ? arena_printf(a, "ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี %s",
			pg_disp(sc, a, arena_printf(a, "%d", m->oit[job->index]->year))) :
			"ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT)";
	case PG_PROCUREMENT:
		*title_en = "Procurement";
		if (!job->fy)
			return "การจัดซื้อจัดจ้าง";
		if (!job->index)
			return arena_printf(a, "สรุปผลการจัดซื้อจัดจ้าง %s", pg_fy_label(sc, a, job->fy));
		return arena_printf(a, "สรุปผลการดำเนินการจัดซื้อจัดจ้าง เดือน %s",
			pg_month_label(sc, a, job->index >= 10 ? job->fy - 544 : job->fy - 543, (int)job->index));
	case PG_DATA:
		*title_en = "Open data";
		return "ข้อมูลเปิด";
	case PG_SEARCH:
		*title_en = "Search";
		return "ค้นหา";
	case PG_TRACK:
		*title_en = "Track a complaint";
		return "ติดตามเรื่องร้องเรียน";
	case PG_TRACK_CASE:
		*title_en = arena_printf(a, "Complaint %s", sc->cs->cases[job->index].code);
		return arena_printf(a, "ติดตามเรื่อง %s", sc->cs->cases[job->index].code);
	case PG_COMPLAINTS:
		*title_en = arena_printf(a, "Complaint statistics, fiscal year %d",
			job->fy ? job->fy : sc->dv->current_fy);
		return arena_printf(a, "ผลการดำเนินงานเรื่องร้องเรียน %s",
			pg_fy_label(sc, a, job->fy ? job->fy : sc->dv->current_fy));
	case PG_SURVEYS:
		*title_en = "Satisfaction survey results";
		return "ผลการประเมินความพึงพอใจ";
	case PG_SURVEY:
		*title_en = arena_printf(a, "Results: %s", sc->cs->surveys[job->index].form->title_en);
		return arena_printf(a, "ผลการประเมิน: %s", sc->cs->surveys[job->index].form->title_th);
	}
	return "";
}

struct tval *page_view(const struct site_ctx *sc, const struct page_job *job, struct arena *a)
{
	const struct model *m = sc->m;
	const char *title_en, *title = job_title(sc, job, a, &title_en);
	struct tval *v = pg_base_view(sc, job, a, title, title_en);
	const char *root = tv_get(v, "root")->s;
	size_t i;

	switch (job->kind) {
	case PG_HOME:
		home_page(sc, a, v, root);
		break;
	case PG_PROJECTS:
	case PG_PROJECTS_FY:
		pg_fy_page(sc, a, v, root, job->fy);
		break;
	case PG_FILTER:
		filter_page(sc, job, a, v, root);
		tv_sets(a, v, "title", arena_printf(a, "%s: %s", tv_get(v, "facet_name")->s,
			tv_get(v, "fy_label")->s));
		break;
	case PG_PROJECT:
		project_page(sc, m->projects[job->index], a, v, root);
		break;
	case PG_NEWS_LIST: {
		struct tval *list = tv_list(a);
		for (i = 0; i < m->n_news; i++)
			tv_push(a, list, pg_news_item(sc, a, root, m->news[i]));
		tv_set(a, v, "news", list);
		break;
	}
	case PG_NEWS:
		tv_set(a, v, "item", pg_news_item(sc, a, root, m->news[job->index]));
		tv_sets(a, v, "body", markdown_html(a, m->news[job->index]->body));
		break;
	case PG_PAGE:
		pg_set_str(a, v, "summary", m->pages[job->index]->summary);
		tv_sets(a, v, "body", markdown_html(a, m->pages[job->index]->body));
		break;
	case PG_FORMS: {
		struct tval *list = tv_list(a);
		for (i = 0; i < m->n_forms; i++) {
			struct tval *f = form_view(sc, a, &m->forms[i]);
			tv_sets(a, f, "href", arena_printf(a, "%sforms/%s/index.html", root, m->forms[i].id));
			tv_push(a, list, f);
		}
		tv_set(a, v, "forms", list);
		break;
	}
	case PG_DASHBOARD:
		pg_dashboard(sc, a, v, root);
		break;
	case PG_REPORTS:
		pg_reports_index(sc, a, v, root);
		break;
	case PG_REPORT:
		pg_report(sc, job, a, v, root);
		break;
	case PG_OIT:
		pg_oit(sc, job, a, v, root);
		break;
	case PG_PROCUREMENT:
		pg_procurement(sc, job, a, v, root);
		break;
	case PG_DATA:
		pg_data(sc, a, v, root);
		break;
	case PG_TRACK:
	case PG_TRACK_CASE:
		pg_track(sc, job, a, v, root);
		break;
	case PG_COMPLAINTS:
		pg_complaints(sc, job, a, v, root);
		break;
	case PG_SURVEYS:
	case PG_SURVEY:
		pg_surveys(sc, job, a, v, root);
		break;
	case PG_FORM:
	case PG_THANKS:
		tv_set(a, v, "form", form_view(sc, a, &m->forms[job->index]));
		tv_sets(a, v, "action", arena_printf(a, "%s%s/%s", root, m->site.collector,
			m->forms[job->index].id));
		tv_sets(a, v, "form_href", arena_printf(a, "%sforms/%s/index.html", root,
			m->forms[job->index].id));
		break;
	default:
		break;
	}
	if (m->site.sample)
		tv_setb(a, v, "sample", 1);
	return v;
}

/* ---- the plan ---- */

struct plan {
	struct page_job *jobs;
	size_t n, alloc;
	struct arena *a;
};

static struct page_job *add_job(struct plan *pl, enum page_kind kind, const char *tmpl,
	const char *out)
{
	struct page_job *j;
	const char *p;

	if (pl->n == pl->alloc) {
		size_t na = pl->alloc ? pl->alloc * 2 : 256;
		struct page_job *nj = arena_alloc(pl->a, na * sizeof(*nj));
		if (pl->n)
			memcpy(nj, pl->jobs, pl->n * sizeof(*nj));
		pl->jobs = nj;
		pl->alloc = na;
	}
	j = &pl->jobs[pl->n++];
	memset(j, 0, sizeof(*j));
	j->kind = kind;
	j->tmpl = tmpl;
	j->out = out;
	for (p = out; *p; p++)
		j->depth += *p == '/';
	return j;
}

/* The filter page projects/<fy>/<folder>/<value>/index.html. */
static void add_filter_job(struct plan *pl, int fy, enum facet facet, const char *folder,
	const char *value, size_t index)
{
	struct page_job *j = add_job(pl, PG_FILTER, "filter",
		arena_printf(pl->a, "projects/%d/%s/%s/index.html", fy, folder, value));

	j->fy = fy;
	j->facet = facet;
	j->index = index;
}

struct page_job *pages_plan(const struct site_ctx *sc, struct arena *a, size_t *n)
{
	const struct model *m = sc->m;
	const struct site *s = &m->site;
	struct plan pl = { NULL, 0, 0, a };
	struct page_job *j;
	size_t i, k;
	int st;

	add_job(&pl, PG_HOME, "home", "index.html");
	j = add_job(&pl, PG_PROJECTS, "projects", "projects/index.html");
	j->fy = sc->dv->current_fy;
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i];
		j = add_job(&pl, PG_PROJECTS_FY, "projects", arena_printf(a, "projects/%d/index.html", fy));
		j->fy = fy;
		for (k = 0; k < s->n_groups; k++)
			add_filter_job(&pl, fy, FACET_GROUP, "group", s->groups[k].id, k);
		for (k = 0; k < s->n_districts; k++)
			add_filter_job(&pl, fy, FACET_DISTRICT, "district", s->districts[k].id, k);
		for (k = 0; k < s->n_dimensions; k++)
			add_filter_job(&pl, fy, FACET_DIMENSION, "dimension", s->dimensions[k].id, k);
		for (st = 0; st < ST__COUNT; st++)
			add_filter_job(&pl, fy, FACET_STATUS, "status", status_name((enum project_status)st),
				(size_t)st);
	}
	for (i = 0; i < m->n_projects; i++) {
		j = add_job(&pl, PG_PROJECT, "project", arena_printf(a, "projects/%s/index.html",
			m->projects[i]->id));
		j->index = i;
	}
	add_job(&pl, PG_NEWS_LIST, "news-list", "news/index.html");
	for (i = 0; i < m->n_news; i++) {
		char iso[11];
		date_iso(m->news[i]->date, iso);
		j = add_job(&pl, PG_NEWS, "news", arena_printf(a, "news/%s-%s/index.html", iso,
			m->news[i]->slug));
		j->index = i;
	}
	for (i = 0; i < m->n_pages; i++) {
		j = add_job(&pl, PG_PAGE, "page", arena_printf(a, "%s/index.html", m->pages[i]->slug));
		j->index = i;
	}
	if (m->n_forms) {
		add_job(&pl, PG_FORMS, "forms", "forms/index.html");
		for (i = 0; i < m->n_forms; i++) {
			j = add_job(&pl, PG_FORM, "form", arena_printf(a, "forms/%s/index.html", m->forms[i].id));
			j->index = i;
			j = add_job(&pl, PG_THANKS, "thanks", arena_printf(a, "forms/%s/thanks/index.html",
				m->forms[i].id));
			j->index = i;
		}
	}
	add_job(&pl, PG_TRACK, "track", "track/index.html");
	for (i = 0; i < sc->cs->n_cases; i++) {
		j = add_job(&pl, PG_TRACK_CASE, "track", arena_printf(a, "track/%s/index.html",
			sc->cs->cases[i].code));
		j->index = i;
	}
	add_job(&pl, PG_COMPLAINTS, "complaints", "complaints/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		j = add_job(&pl, PG_COMPLAINTS, "complaints", arena_printf(a, "complaints/%d/index.html",
			s->fiscal_years[i]));
		j->fy = s->fiscal_years[i];
	}
	add_job(&pl, PG_SURVEYS, "surveys", "surveys/index.html");
	for (i = 0; i < sc->cs->n_surveys; i++) {
		j = add_job(&pl, PG_SURVEY, "surveys", arena_printf(a, "surveys/%s/index.html",
			sc->cs->surveys[i].form->id));
		j->index = i;
	}
	add_job(&pl, PG_DASHBOARD, "dashboard", "dashboard/index.html");
	add_job(&pl, PG_REPORTS, "reports", "reports/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i];
		if (m->today < fiscal_year_start(fy))
			continue; /* nothing to report yet */
		j = add_job(&pl, PG_REPORT, "report", arena_printf(a, "reports/%d/half-year/index.html", fy));
		j->fy = fy;
		j = add_job(&pl, PG_REPORT, "report", arena_printf(a, "reports/%d/annual/index.html", fy));
		j->fy = fy;
		j->index = 1;
	}
	j = add_job(&pl, PG_OIT, "oit", "oit/index.html");
	j->index = m->n_oit ? m->n_oit - 1 : 0;
	for (i = 0; i < m->n_oit; i++) {
		j = add_job(&pl, PG_OIT, "oit", arena_printf(a, "oit/%d/index.html", m->oit[i]->year));
		j->fy = m->oit[i]->year;
		j->index = i;
	}
	add_job(&pl, PG_PROCUREMENT, "procurement", "procurement/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i], mo;
		j = add_job(&pl, PG_PROCUREMENT, "procurement", arena_printf(a, "procurement/%d/index.html", fy));
		j->fy = fy;
		for (mo = 1; mo <= 12; mo++) {
			j = add_job(&pl, PG_PROCUREMENT, "procurement",
				arena_printf(a, "procurement/%d/%02d/index.html", fy, mo));
			j->fy = fy;
			j->index = (size_t)mo;
		}
	}
	add_job(&pl, PG_DATA, "data", "data/index.html");
	add_job(&pl, PG_SEARCH, "search", "search/index.html");
	add_job(&pl, PG_NOT_FOUND, "404", "404.html");
	*n = pl.n;
	return pl.jobs;
}
