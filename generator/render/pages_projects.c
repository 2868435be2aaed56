/* pages_projects.c: the project pages: fiscal-year and filter lists, one
 * project, the home page, and the rows and roll-ups they share. */
#include "render/pages.h"

#include <stdio.h>
#include <string.h>

#include "render/markdown.h"
#include "model/numfmt.h"
#include "render/svg.h"
#include "render/thaidate.h"
#include "render/pages_int.h"

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

/* The facet value of index index: a group, district or dimension id, or a
 * status name. */
static const char *facet_value(const struct site_ctx *sc, enum facet f, size_t index)
{
	switch (f) {
	case FACET_GROUP:
		return sc->m->site.groups[index].id;
	case FACET_DISTRICT:
		return sc->m->site.districts[index].id;
	case FACET_DIMENSION:
		return sc->m->site.dimensions[index].id;
	case FACET_STATUS:
		return status_name((enum project_status)index);
	default:
		return "";
	}
}

int pg_project_matches(const struct site_ctx *sc, const struct project *p, int fy, enum facet f,
	size_t index)
{
	const char *value = facet_value(sc, f, index);
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

size_t pg_listing_rows(const struct site_ctx *sc, const struct page_job *job)
{
	size_t i, n = 0;

	if (job->kind == PG_PRINT_INDEX)
		return sc->m->n_projects;
	for (i = 0; i < sc->m->n_projects; i++)
		n += pg_project_matches(sc, sc->m->projects[i], job->fy,
			job->kind == PG_FILTER ? job->facet : FACET_NONE, job->index);
	return n;
}

/* The rows of page job->page of a listing of projects (fiscal year fy,
 * facet f of index index), and the pager (v "pager"). */
static struct tval *project_rows(const struct site_ctx *sc, const struct page_job *job,
	struct arena *a, struct tval *v, const char *root, int fy, enum facet f, size_t index)
{
	struct tval *rows = tv_list(a);
	size_t i, k = 0, n = pg_listing_rows(sc, job), from, to;

	list_page_rows(n, job->page, job->n_pages, &from, &to);
	for (i = 0; i < sc->m->n_projects && k < to; i++)
		if (pg_project_matches(sc, sc->m->projects[i], fy, f, index) && k++ >= from)
			tv_push(a, rows, pg_project_row(sc, a, root, sc->m->projects[i]));
	tv_set(a, v, "pager", pg_pager(sc, a, root, job, job->first, n));
	tv_setb(a, v, "later", job->page > 1);
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

static struct tval *pg_status_counts(const struct site_ctx *sc, struct arena *a, const char *root,
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
static void pg_fy_charts(const struct site_ctx *sc, struct arena *a, struct tval *v,
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

static struct tval *pg_rollup_list(const struct site_ctx *sc, struct arena *a, const char *root,
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

void pg_fy_list_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	if (job->page > 1) { /* the list only: the summary is on page 1 */
		tv_sets(a, v, "fy", pg_disp(sc, a, arena_printf(a, "%d", job->fy)));
		tv_sets(a, v, "fy_label", pg_fy_label(sc, a, job->fy));
		tv_set(a, v, "fy_links", fy_links(sc, a, root, job->fy));
		pg_method_view(sc, a, v);
	} else {
		pg_fy_page(sc, a, v, root, job->fy);
	}
	tv_set(a, v, "projects", project_rows(sc, job, a, v, root, job->fy, FACET_NONE, 0));
}

void pg_filter_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct fy_figures *f = derived_fy(sc->dv, job->fy);
	const struct rollup *r = NULL;
	const char *name = "", *kind = "", *kind_en = "";

	switch (job->facet) {
	case FACET_GROUP:
		name = sc->m->site.groups[job->index].name;
		kind = "กลุ่มงาน";
		kind_en = "Group";
		r = f ? &f->groups[job->index] : NULL;
		break;
	case FACET_DISTRICT:
		name = arena_printf(a, "อำเภอ%s", sc->m->site.districts[job->index].name);
		kind = "อำเภอ";
		kind_en = "District";
		r = f ? &f->districts[job->index] : NULL;
		break;
	case FACET_DIMENSION:
		name = sc->m->site.dimensions[job->index].name;
		kind = "มิติ";
		kind_en = "Dimension";
		r = f ? &f->dimensions[job->index] : NULL;
		break;
	case FACET_STATUS:
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
	tv_set(a, v, "projects", project_rows(sc, job, a, v, root, job->fy, job->facet, job->index));
	if (r)
		tv_set(a, v, "rollup", pg_rollup_view(sc, a, r));
	pg_method_view(sc, a, v);
}

static struct tval *pg_person_view(const struct site_ctx *sc, struct arena *a, const char *id)
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

void pg_project_page(const struct site_ctx *sc, const struct project *p, struct arena *a,
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
		if (r->suggestions)
			tv_sets(a, rv, "suggestions", markdown_html_at(a, r->suggestions, 5));
		if (r->correction)
			tv_sets(a, rv, "correction", r->correction);
		pg_report_history(sc, a, rv, r->path);
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
	pg_project_history(sc, p, a, v, root);
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

void pg_home_page(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
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
