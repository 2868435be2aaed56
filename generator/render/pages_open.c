/* pages_open.c: views of the dashboard, the periodic reports, the OIT
 * evidence index, procurement, open data and search pages. */
#include "render/pages_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/markdown.h"
#include "model/numfmt.h"
#include "check/oit.h"
#include "publish/opendata.h"
#include "derive/procure.h"
#include "render/thaidate.h"
#include "derive/workdays.h"


/* ---- dashboard ---- */

static int cmp_gap(const void *a, const void *b)
{
	const struct project *x = *(const struct project *const *)a, *y = *(const struct project *const *)b;

	if (x->fig.gap != y->fig.gap)
		return x->fig.gap > y->fig.gap ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* An alert card's level: "ok", "warn" or "bad" (class alert-LEVEL and a
 * word, so that colour is never the only cue). */
static void set_level(struct arena *a, struct tval *card, const char *level)
{
	tv_sets(a, card, "level", level);
	tv_sets(a, card, "level_label", strcmp(level, "ok") == 0 ? "ปกติ" :
		strcmp(level, "warn") == 0 ? "ควรติดตาม" : "ต้องแก้ไข");
}

/* Projects behind plan (behind or seriously behind) of fiscal year fy. */
static struct tval *alert_behind(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct fy_figures *f)
{
	struct tval *c = tv_map(a);
	size_t n = f->office.by_status[ST_BEHIND] + f->office.by_status[ST_SERIOUSLY_BEHIND];

	tv_sets(a, c, "count", pg_integer(sc, a, (int64_t)n));
	tv_sets(a, c, "of", pg_integer(sc, a, (int64_t)f->office.n_projects));
	tv_sets(a, c, "serious", pg_integer(sc, a, (int64_t)f->office.by_status[ST_SERIOUSLY_BEHIND]));
	tv_sets(a, c, "href", arena_printf(a, "%sprojects/%d/status/behind/index.html", root, f->fiscal_year));
	set_level(a, c, f->office.by_status[ST_SERIOUSLY_BEHIND] ? "bad" : n ? "warn" : "ok");
	return c;
}

/* This quarter's Cabinet disbursement target against the office's own plan
 * for the quarter's end and the actual disbursed so far. */
static struct tval *alert_target(const struct site_ctx *sc, struct arena *a, const struct fy_figures *f)
{
	const struct model *m = sc->m;
	struct tval *c = tv_map(a);
	const struct quarter_point *qp;
	struct rollup ru;
	int q = m->today > fiscal_year_end(f->fiscal_year) ? 4 :
		m->today < fiscal_year_start(f->fiscal_year) ? 1 : date_fiscal_quarter(m->today);
	int64_t gap, plan_gap;

	qp = &f->quarters[q - 1];
	if (qp->t_overall < 0)
		return NULL;
	rollup_at(m, f->fiscal_year, qp->end, m->today, &ru);
	gap = qp->t_overall - f->office.disb_rate;
	plan_gap = qp->t_overall - ru.planned_disb_rate;
	tv_sets(a, c, "quarter", pg_disp(sc, a, arena_printf(a, "%d", q)));
	tv_sets(a, c, "quarter_end", pg_tdate(sc, a, qp->end));
	tv_sets(a, c, "target", pg_pct(sc, a, qp->t_overall));
	tv_sets(a, c, "actual", pg_pct(sc, a, f->office.disb_rate));
	tv_sets(a, c, "plan", pg_pct(sc, a, ru.planned_disb_rate));
	tv_setb(a, c, "below", gap > 0);
	tv_sets(a, c, "gap", pg_dec(sc, a, gap > 0 ? gap : -gap));
	tv_setb(a, c, "plan_below", plan_gap > 0);
	tv_sets(a, c, "plan_gap", pg_dec(sc, a, plan_gap > 0 ? plan_gap : -plan_gap));
	set_level(a, c, plan_gap > 0 || (qp->complete && gap > 0) ? "bad" : gap > 0 ? "warn" : "ok");
	return c;
}

/* Open complaints (all channels, counted only) past their due date,
 * COMPLAINT_DUE_WORKDAYS working days after receipt. */
static struct tval *alert_overdue(const struct site_ctx *sc, struct arena *a, const char *root)
{
	const struct model *m = sc->m;
	struct tval *c = tv_map(a);
	size_t i, n = 0, open = 0;
	int64_t worst = 0;

	for (i = 0; i < sc->cs->n_cases; i++) {
		const struct case_row *r = &sc->cs->cases[i];
		pdate due;
		if (r->closed || r->question)
			continue;
		open++;
		due = workday_add(m, r->received, COMPLAINT_DUE_WORKDAYS);
		if (m->today > due) {
			int64_t late = workdays_between(m, due, m->today);
			n++;
			if (late > worst)
				worst = late;
		}
	}
	tv_sets(a, c, "count", pg_integer(sc, a, (int64_t)n));
	tv_sets(a, c, "open", pg_integer(sc, a, (int64_t)open));
	tv_sets(a, c, "due_days", pg_integer(sc, a, COMPLAINT_DUE_WORKDAYS));
	tv_setb(a, c, "has_worst", n > 0);
	tv_sets(a, c, "worst", pg_integer(sc, a, worst));
	tv_sets(a, c, "href", arena_printf(a, "%scomplaints/index.html", root));
	set_level(a, c, n ? "bad" : "ok");
	return c;
}

/* The person's name, or their id when people.yaml does not list them. */
static const char *person_name(const struct model *m, const char *id)
{
	const struct person *p = id ? model_person(m, id) : NULL;

	return p ? p->name : id ? id : "-";
}

struct owner_count {
	const char *owner;
	size_t n;
};

static int cmp_owner_count(const void *pa, const void *pb)
{
	const struct owner_count *x = pa, *y = pb;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->owner, y->owner);
}

/* Running projects of fiscal year fy with no report dated in today's month,
 * counted by owner (most first). */
static struct tval *alert_unreported(const struct site_ctx *sc, struct arena *a, const char *root,
	int fy)
{
	const struct model *m = sc->m;
	struct tval *c = tv_map(a), *owners = tv_list(a), *projects = tv_list(a);
	struct owner_count *oc = arena_alloc(a, (m->n_projects + 1) * sizeof(*oc));
	pdate month_start;
	size_t i, j, n = 0, n_owners = 0;
	int y, mo, d;

	date_to_ymd(m->today, &y, &mo, &d);
	month_start = date_from_ymd(y, mo, 1);
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		const struct report *r;
		struct tval *pv;
		size_t k;
		if (p->fiscal_year != fy || p->start > m->today || p->fig.status == ST_CANCELLED ||
			p->fig.status == ST_SUSPENDED || p->fig.status == ST_COMPLETED)
			continue;
		for (k = p->n_reports; k > 0 && p->reports[k - 1]->date > m->today; k--)
			;
		r = k ? p->reports[k - 1] : NULL;
		if (r && r->date >= month_start)
			continue;
		n++;
		pv = pg_project_row(sc, a, root, p);
		tv_sets(a, pv, "last_report", r ? pg_tdate(sc, a, r->date) : "ยังไม่เคยรายงาน");
		tv_sets(a, pv, "owner_name", person_name(m, p->owner));
		tv_push(a, projects, pv);
		for (j = 0; j < n_owners && strcmp(oc[j].owner, p->owner ? p->owner : "") != 0; j++)
			;
		if (j == n_owners)
			oc[n_owners++] = (struct owner_count){ p->owner ? p->owner : "", 0 };
		oc[j].n++;
	}
	qsort(oc, n_owners, sizeof(*oc), cmp_owner_count);
	for (j = 0; j < n_owners; j++) {
		struct tval *o = tv_map(a);
		tv_sets(a, o, "name", person_name(m, oc[j].owner));
		tv_sets(a, o, "count", pg_integer(sc, a, (int64_t)oc[j].n));
		tv_setb(a, o, "first", j < 4);
		tv_push(a, owners, o);
	}
	tv_sets(a, c, "count", pg_integer(sc, a, (int64_t)n));
	tv_sets(a, c, "month", pg_month_label(sc, a, y, mo));
	tv_set(a, c, "owners", owners);
	tv_setb(a, c, "more_owners", n_owners > 4);
	tv_sets(a, c, "n_more_owners", pg_integer(sc, a, (int64_t)(n_owners > 4 ? n_owners - 4 : 0)));
	tv_set(a, c, "projects", projects);
	set_level(a, c, n ? "warn" : "ok");
	return c;
}

void pg_dashboard(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	const struct fy_figures *f = derived_fy(sc->dv, sc->dv->current_fy);
	const struct project **list = arena_alloc(a, (m->n_projects + 1) * sizeof(*list));
	struct tval *behind = tv_list(a);
	size_t i, n = 0;

	pg_fy_page(sc, a, v, root, sc->dv->current_fy);
	pg_timeliness(sc, a, v);
	tv_set(a, v, "projects", tv_bool(a, 0));
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		if (p->fiscal_year == sc->dv->current_fy && p->fig.gap > 0 &&
			p->fig.status != ST_CANCELLED && p->fig.status != ST_SUSPENDED &&
			p->fig.status != ST_COMPLETED)
			list[n++] = p;
	}
	qsort((void *)list, n, sizeof(*list), cmp_gap);
	for (i = 0; i < n && i < 10; i++) {
		struct tval *r = pg_project_row(sc, a, root, list[i]);
		tv_sets(a, r, "gap", pg_pct(sc, a, list[i]->fig.gap));
		tv_sets(a, r, "rank", pg_integer(sc, a, (int64_t)i + 1));
		tv_push(a, behind, r);
	}
	tv_set(a, v, "behind", behind);
	if (f)
		tv_sets(a, v, "dimensions_chart", pg_rollup_bars(sc, a, "chart-dimensions",
			"ความก้าวหน้าตามมิติ", f->dimensions, f->n_dimensions));
	tv_sets(a, v, "fy_href", arena_printf(a, "%sprojects/%d/index.html", root, sc->dv->current_fy));
	if (f) {
		struct tval *t = alert_target(sc, a, f);
		tv_set(a, v, "alert_behind", alert_behind(sc, a, root, f));
		if (t)
			tv_set(a, v, "alert_target", t);
		tv_set(a, v, "alert_unreported", alert_unreported(sc, a, root, f->fiscal_year));
	}
	tv_set(a, v, "alert_overdue", alert_overdue(sc, a, root));
	{
		/* the last fiscal year that has ended, when the site shows it */
		const struct site *s = &sc->m->site;
		int last = 0;
		for (i = 0; i < s->n_fiscal_years; i++)
			if (fiscal_year_end(s->fiscal_years[i]) < sc->m->today)
				last = s->fiscal_years[i];
		if (last) {
			tv_sets(a, v, "closed_fy_href", arena_printf(a, "%sprojects/%d/index.html", root, last));
			tv_sets(a, v, "closed_fy_label", pg_fy_label(sc, a, last));
			tv_sets(a, v, "closed_report_href", arena_printf(a, "%sreports/%d/annual/index.html", root, last));
		}
	}
	{
		size_t withheld;
		struct tval *oc = pg_open_cases(sc, a, root, 10, &withheld);
		tv_set(a, v, "open_cases", oc);
		tv_setb(a, v, "has_withheld", withheld > 0);
		tv_sets(a, v, "n_withheld", pg_integer(sc, a, (int64_t)withheld));
		tv_setb(a, v, "has_open_cases", tv_truthy(oc));
	}
}

/* ---- periodic reports ---- */

static const struct person *approver(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->n_people; i++)
		if (m->people[i].executive && !m->people[i].district)
			return &m->people[i];
	for (i = 0; i < m->n_people; i++)
		if (m->people[i].executive)
			return &m->people[i];
	return NULL;
}

void pg_report(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	int fy = job->fy, annual = job->index == 1;
	pdate start = fiscal_year_start(fy), end = annual ? fiscal_year_end(fy) : fiscal_quarter_end(fy, 2);
	pdate t = end < m->today ? end : m->today;
	struct tval *rows = tv_list(a);
	const struct person *ex = approver(m);
	struct rollup ru;
	size_t i, j, k = 0, n = pg_listing_rows(sc, job), from, to;

	list_page_rows(n, job->page, job->n_pages, &from, &to);
	tv_set(a, v, "pager", pg_pager(sc, a, root, job, job->first, n));
	tv_setb(a, v, "later", job->page > 1);
	tv_setb(a, v, "last_page", job->page >= job->n_pages);
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, fy));
	tv_sets(a, v, "period_start", pg_tdate(sc, a, start));
	tv_sets(a, v, "period_end", pg_tdate(sc, a, end));
	tv_sets(a, v, "asof", pg_tdate(sc, a, t));
	tv_setb(a, v, "annual", annual);
	tv_setb(a, v, "provisional", m->today < end && !sc->closing);
	pg_report_closing(sc, a, v, root, fy, annual);
	for (i = 0; i < m->n_projects && k < to; i++) {
		const struct project *p = m->projects[i];
		const struct report *r;
		struct tval *row, *kpis;
		int64_t pp, pb, act, dis;
		if (p->fiscal_year != fy || k++ < from)
			continue;
		r = project_report_at(p, t);
		row = tv_map(a);
		kpis = tv_list(a);
		act = r ? r->percent : 0;
		dis = r ? r->disbursed : 0;
		project_planned_at(p, t, &pp, &pb);
		tv_sets(a, row, "id", p->id);
		tv_sets(a, row, "title", p->title);
		tv_sets(a, row, "href", arena_printf(a, "%sprojects/%s/index.html", root, p->id));
		tv_sets(a, row, "group", pg_name_of(model_group(m, p->group)));
		tv_sets(a, row, "allocated", pg_money(sc, a, p->allocated));
		tv_sets(a, row, "disbursed", pg_money(sc, a, dis));
		tv_sets(a, row, "disb_rate", pg_pct(sc, a, p->allocated ? num_muldiv(dis, 10000, p->allocated) : 0));
		tv_sets(a, row, "planned", pg_pct(sc, a, pp));
		tv_sets(a, row, "actual", pg_pct(sc, a, act));
		if (p->status_override == ST_CANCELLED || p->status_override == ST_SUSPENDED)
			tv_sets(a, row, "note", status_label_th(p->status_override));
		for (j = 0; j < p->n_kpis; j++) {
			struct tval *k = tv_map(a);
			size_t q;
			tv_sets(a, k, "name", p->kpis[j].name);
			tv_sets(a, k, "unit", p->kpis[j].unit);
			tv_sets(a, k, "target", pg_dec(sc, a, p->kpis[j].target));
			tv_sets(a, k, "actual", "-");
			for (q = 0; r && q < r->n_kpis; q++)
				if (strcmp(r->kpis[q].kpi, p->kpis[j].id) == 0)
					tv_sets(a, k, "actual", pg_dec(sc, a, r->kpis[q].value));
			tv_push(a, kpis, k);
		}
		tv_set(a, row, "kpis", kpis);
		if (r && r->problems)
			tv_sets(a, row, "problems", markdown_html(a, r->problems));
		if (r && r->suggestions)
			tv_sets(a, row, "suggestions", markdown_html(a, r->suggestions));
		tv_push(a, rows, row);
	}
	tv_set(a, v, "rows", rows);
	rollup_at(m, fy, t, t, &ru);
	tv_sets(a, v, "n_projects", pg_integer(sc, a, (int64_t)ru.n_projects));
	tv_sets(a, v, "n_cancelled", pg_integer(sc, a, (int64_t)ru.n_cancelled));
	tv_setb(a, v, "has_cancelled", ru.n_cancelled > 0);
	tv_sets(a, v, "allocated", pg_money(sc, a, ru.allocated));
	tv_sets(a, v, "disbursed", pg_money(sc, a, ru.disbursed));
	tv_sets(a, v, "planned_baht", pg_money(sc, a, ru.planned_baht));
	tv_sets(a, v, "disb_rate", pg_pct(sc, a, ru.disb_rate));
	tv_sets(a, v, "planned", pg_pct(sc, a, ru.planned_pct));
	tv_sets(a, v, "actual", pg_pct(sc, a, ru.actual_pct));
	if (ex) {
		tv_sets(a, v, "approver", ex->name);
		tv_sets(a, v, "approver_position", ex->position);
	}
	tv_sets(a, v, "printed", pg_tdate(sc, a, m->today));
	pg_method_view(sc, a, v);
	tv_sets(a, v, "asof", pg_tdate(sc, a, t));
}

void pg_reports_index(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	struct tval *list = tv_list(a);
	size_t i;

	for (i = sc->m->site.n_fiscal_years; i > 0; i--) {
		int fy = sc->m->site.fiscal_years[i - 1];
		struct tval *r = tv_map(a);
		if (sc->m->today < fiscal_year_start(fy))
			continue;
		tv_sets(a, r, "fy_label", pg_fy_label(sc, a, fy));
		tv_sets(a, r, "half", arena_printf(a, "%sreports/%d/half-year/index.html", root, fy));
		tv_sets(a, r, "annual", arena_printf(a, "%sreports/%d/annual/index.html", root, fy));
		tv_setb(a, r, "annual_done", sc->m->today > fiscal_year_end(fy));
		tv_setb(a, r, "half_done", sc->m->today > fiscal_quarter_end(fy, 2));
		tv_push(a, list, r);
	}
	tv_set(a, v, "years", list);
}

/* ---- OIT ---- */

void pg_oit(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	const struct oit_year *y = job->index < m->n_oit ? m->oit[job->index] : NULL;
	struct tval *items = tv_list(a), *years = tv_list(a);
	size_t i, j;

	for (i = m->n_oit; i > 0; i--) {
		struct tval *yv = tv_map(a);
		tv_sets(a, yv, "label", pg_disp(sc, a, arena_printf(a, "%d", m->oit[i - 1]->year)));
		tv_sets(a, yv, "href", arena_printf(a, "%soit/%d/index.html", root, m->oit[i - 1]->year));
		tv_setb(a, yv, "current", y == m->oit[i - 1] && job->fy);
		tv_push(a, years, yv);
	}
	tv_set(a, v, "years", years);
	if (!y)
		return;
	tv_sets(a, v, "year", pg_disp(sc, a, arena_printf(a, "%d", y->year)));
	tv_setb(a, v, "provisional", y->provisional);
	pg_set_str(a, v, "note", y->note);
	pg_set_str(a, v, "note_en", y->note_en);
	if (!job->fy)
		tv_sets(a, v, "year_href", arena_printf(a, "%soit/%d/index.html", root, y->year));
	tv_setb(a, v, "has_main_site", y->main_site != NULL);
	pg_set_str(a, v, "main_site", y->main_site);
	tv_sets(a, v, "itas_href", arena_printf(a, "%soit/%d/itas.csv", root, y->year));
	if (y->n_sources) {
		struct tval *src = tv_list(a);
		for (i = 0; i < y->n_sources; i++)
			tv_push(a, src, tv_str(a, y->sources[i]));
		tv_set(a, v, "sources", src);
	}
	for (i = 0; i < y->n_items; i++) {
		const struct oit_item *o = &y->items[i];
		struct tval *iv = tv_map(a), *links = tv_list(a), *finds = tv_list(a);
		struct oit_assessment as;
		tv_sets(a, iv, "code", o->code);
		tv_sets(a, iv, "title", o->title);
		pg_set_opt(a, iv, "title_en", o->title_en);
		pg_set_opt(a, iv, "asks", o->asks);
		oit_assess(sc, sc->jobs, sc->n_jobs, y, o, &as);
		pg_set_opt(a, iv, "required", as.dates.req ? pg_fy_label(sc, a, as.dates.req) : NULL);
		pg_set_opt(a, iv, "period", !o->period ? NULL : o->period == OIT_PERIOD_FIRST_HALF ?
			"ครอบคลุมอย่างน้อยเดือนตุลาคมถึงมีนาคม" : "ครบทั้ง 12 เดือน");
		tv_sets(a, iv, "state", oit_state_th(as.state));
		tv_sets(a, iv, "state_en", oit_state_en(as.state));
		tv_sets(a, iv, "state_class", as.state == OIT_MISSING ? "status-seriously-behind" :
			as.n ? "status-behind" : "status-on-track");
		for (j = 0; j < o->n_links; j++) {
			const struct oit_link *l = &o->links[j];
			struct tval *lv = tv_map(a);
			pdate dt;
			tv_sets(a, lv, "href", l->internal ? arena_printf(a, "%s%s", root, l->href) : l->href);
			tv_sets(a, lv, "label", l->label ? l->label : l->href);
			tv_setb(a, lv, "external", !l->internal);
			pg_set_opt(a, lv, "contains", l->contains);
			if (oit_link_date(sc, l, &dt)) {
				tv_sets(a, lv, "date", pg_tdate(sc, a, dt));
				tv_sets(a, lv, "date_iso", pg_isodate(a, dt));
			} else {
				tv_setb(a, lv, "date", 0);
			}
			tv_push(a, links, lv);
		}
		tv_set(a, iv, "links", links);
		for (j = 0; j < as.n; j++) {
			char buf[512];
			oit_finding_text(&as.f[j], o, 0, buf, sizeof(buf));
			tv_push(a, finds, tv_strdup(a, buf));
		}
		if (as.n)
			tv_set(a, iv, "findings", finds);
		else
			tv_setb(a, iv, "findings", 0);
		tv_setb(a, iv, "outside", as.dates.outside);
		if (as.dates.any_dated) {
			tv_sets(a, iv, "newest", pg_tdate(sc, a, as.dates.newest));
			tv_sets(a, iv, "newest_iso", pg_isodate(a, as.dates.newest));
		} else {
			tv_setb(a, iv, "newest", 0);
		}
		tv_push(a, items, iv);
	}
	tv_set(a, v, "items", items);
}

/* ---- procurement ---- */

static struct tval *proc_row(const struct site_ctx *sc, struct arena *a, const struct proc_record *r,
	size_t no)
{
	struct tval *v = tv_map(a), *bids = tv_list(a);
	size_t i;

	tv_sets(a, v, "no", pg_integer(sc, a, (int64_t)no));
	tv_sets(a, v, "item", r->item);
	tv_sets(a, v, "budget", pg_money(sc, a, r->budget));
	tv_sets(a, v, "reference_price", r->has_reference_price ? pg_money(sc, a, r->reference_price) : "-");
	pg_set_str(a, v, "egp_no", r->egp_no);
	pg_set_str(a, v, "budget_source", r->budget_source);
	tv_sets(a, v, "method", proc_method_th(r->method));
	tv_sets(a, v, "winner", r->winner);
	tv_sets(a, v, "price", pg_money(sc, a, r->price));
	tv_sets(a, v, "reason", r->reason);
	tv_sets(a, v, "date", pg_tdate(sc, a, r->date));
	pg_set_str(a, v, "contract", r->contract);
	for (i = 0; i < r->n_bids; i++) {
		struct tval *b = tv_map(a);
		tv_sets(a, b, "name", r->bids[i].name);
		tv_sets(a, b, "price", pg_money(sc, a, r->bids[i].price));
		tv_push(a, bids, b);
	}
	if (!r->n_bids) {
		struct tval *b = tv_map(a);
		tv_sets(a, b, "name", r->winner);
		tv_sets(a, b, "price", pg_money(sc, a, r->price));
		tv_push(a, bids, b);
	}
	tv_set(a, v, "bids", bids);
	return v;
}

/* The month's state as flags for the templates, and its words: a future
 * month is "ยังไม่ถึงรอบ", an empty past month "ยังไม่ได้บันทึก" unless
 * the office recorded that there was none. */
static void set_month_state(struct arena *a, struct tval *v, enum proc_month_state st)
{
	static const char *const words[] = { "ยังไม่ถึงรอบ", "", "ไม่มีการจัดซื้อจัดจ้าง", "ยังไม่ได้บันทึก" };
	static const char *const words_en[] = { "Not yet due", "", "No procurement", "Not yet entered" };

	tv_setb(a, v, "has_records", st == PM_RECORDS);
	tv_setb(a, v, "no_records", st != PM_RECORDS);
	tv_sets(a, v, "state_label", words[st]);
	tv_sets(a, v, "state_label_en", words_en[st]);
}

void pg_procurement(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *rows = tv_list(a), *months = tv_list(a), *methods = tv_list(a), *years = tv_list(a);
	struct proc_total tot;
	size_t i, no = 0;
	int k;

	for (i = m->site.n_fiscal_years; i > 0; i--) {
		int fy = m->site.fiscal_years[i - 1];
		struct tval *yv = tv_map(a);
		tot = proc_sum(m, fy, 0, NULL);
		tv_sets(a, yv, "label", pg_fy_label(sc, a, fy));
		tv_sets(a, yv, "href", arena_printf(a, "%sprocurement/%d/index.html", root, fy));
		tv_sets(a, yv, "n", pg_integer(sc, a, (int64_t)tot.n));
		tv_sets(a, yv, "price", pg_money(sc, a, tot.price));
		tv_push(a, years, yv);
	}
	tv_set(a, v, "years", years);
	tv_sets(a, v, "csv_href", arena_printf(a, "%sdata/procurement.csv", root));
	if (!job->fy)
		return;
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, job->fy));
	tv_sets(a, v, "fy_href", arena_printf(a, "%sprocurement/%d/index.html", root, job->fy));
	if (job->index)
		tv_sets(a, v, "file_base", arena_printf(a, "%sprocurement/%d/%02d/sor-kor-1-%d-%02zu", root, job->fy,
			(int)job->index, job->fy, job->index));
	else
		tv_sets(a, v, "file_base", arena_printf(a, "%sprocurement/%d/sor-kor-1-%d", root, job->fy, job->fy));
	if (job->index) { /* one month, the สขร.1 layout */
		int mo = (int)job->index, y = fiscal_month_year(job->fy, mo);
		tv_sets(a, v, "month_label", pg_month_label(sc, a, y, mo));
		for (i = 0; i < m->n_procurement; i++) {
			const struct proc_record *r = &m->procurement[i];
			int ry, rm, rd;
			date_to_ymd(r->date, &ry, &rm, &rd);
			if (r->fiscal_year == job->fy && rm == mo)
				tv_push(a, rows, proc_row(sc, a, r, ++no));
		}
		tot = proc_sum(m, job->fy, mo, NULL);
		tv_set(a, v, "rows", rows);
		tv_setb(a, v, "month", 1);
		set_month_state(a, v, proc_month_state(m, job->fy, mo));
		tv_sets(a, v, "total_budget", pg_money(sc, a, tot.budget));
		tv_sets(a, v, "total_price", pg_money(sc, a, tot.price));
		return;
	}
	for (k = 0; k < 12; k++) { /* yearly summary: by month, by method */
		int mo, y;
		struct tval *mv = tv_map(a);
		fiscal_month(job->fy, k, &y, &mo);
		tot = proc_sum(m, job->fy, mo, NULL);
		tv_sets(a, mv, "label", pg_month_label(sc, a, y, mo));
		tv_sets(a, mv, "href", arena_printf(a, "%sprocurement/%d/%02d/index.html", root, job->fy, mo));
		tv_sets(a, mv, "n", pg_integer(sc, a, (int64_t)tot.n));
		tv_sets(a, mv, "budget", pg_money(sc, a, tot.budget));
		tv_sets(a, mv, "price", pg_money(sc, a, tot.price));
		set_month_state(a, mv, proc_month_state(m, job->fy, mo));
		tv_push(a, months, mv);
	}
	for (k = 0; proc_methods[k]; k++) {
		struct tval *mv = tv_map(a);
		tot = proc_sum(m, job->fy, 0, proc_methods[k]);
		tv_sets(a, mv, "label", proc_method_th(proc_methods[k]));
		tv_sets(a, mv, "n", pg_integer(sc, a, (int64_t)tot.n));
		tv_sets(a, mv, "budget", pg_money(sc, a, tot.budget));
		tv_sets(a, mv, "price", pg_money(sc, a, tot.price));
		tv_push(a, methods, mv);
	}
	tot = proc_sum(m, job->fy, 0, NULL);
	tv_set(a, v, "months", months);
	tv_set(a, v, "methods", methods);
	tv_setb(a, v, "year", 1);
	tv_sets(a, v, "total_n", pg_integer(sc, a, (int64_t)tot.n));
	tv_sets(a, v, "total_budget", pg_money(sc, a, tot.budget));
	tv_sets(a, v, "total_price", pg_money(sc, a, tot.price));
	tv_sets(a, v, "saving", pg_money(sc, a, tot.budget - tot.price));
}

/* ---- open data ---- */

void pg_data(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	struct tval *list = tv_list(a);
	size_t i, j;

	for (i = 0; i < od_n_resources; i++) {
		const struct od_resource *r = &od_resources[i];
		struct tval *rv = tv_map(a), *cols = tv_list(a);
		tv_sets(a, rv, "name", r->name);
		tv_sets(a, rv, "title", r->title_th);
		tv_sets(a, rv, "title_en", r->title_en);
		tv_sets(a, rv, "desc", r->desc_th);
		tv_sets(a, rv, "desc_en", r->desc_en);
		tv_sets(a, rv, "csv", arena_printf(a, "%sdata/%s.csv", root, r->name));
		tv_sets(a, rv, "json", arena_printf(a, "%sdata/%s.json", root, r->name));
		for (j = 0; j < r->n_cols; j++) {
			struct tval *c = tv_map(a);
			tv_sets(a, c, "name", r->cols[j].name);
			tv_sets(a, c, "type", r->cols[j].type);
			tv_sets(a, c, "desc", r->cols[j].desc_th);
			tv_sets(a, c, "desc_en", r->cols[j].desc_en);
			tv_push(a, cols, c);
		}
		tv_set(a, rv, "cols", cols);
		tv_push(a, list, rv);
	}
	tv_set(a, v, "resources", list);
	tv_sets(a, v, "asof", pg_tdate(sc, a, sc->m->today));
}
