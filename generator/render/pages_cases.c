/* pages_cases.c: views of the complaint tracking pages, the complaint
 * statistics and the survey results (issue 4).  Only what stats.h computed
 * is shown: status, dates, category, district counts, staff-written notes
 * and (when allowed) the staff summary; never a complaint's own text. */
#include "render/pages_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/complaints.h"
#include "render/svg.h"

static const char *const channel_th[3] = { "ไม่ทราบช่องทาง", "ร้องเรียนทั่วไป", "แจ้งเบาะแสการทุจริต" };
static const char *const channel_en[3] = { "Channel unknown", "General complaints", "Corruption reports" };

static const char *days_label(const struct site_ctx *sc, struct arena *a, int64_t hundredths)
{
	if (hundredths < 0)
		return "-";
	if (hundredths % 100 == 0)
		return pg_integer(sc, a, hundredths / 100);
	return pg_dec(sc, a, hundredths);
}

static void set_count(const struct site_ctx *sc, struct arena *a, struct tval *v,
	const struct period_count *c)
{
	tv_sets(a, v, "total", pg_integer(sc, a, (int64_t)c->total));
	tv_sets(a, v, "closed", pg_integer(sc, a, (int64_t)c->closed));
	tv_sets(a, v, "open", pg_integer(sc, a, (int64_t)c->open));
	tv_setb(a, v, "none", c->total == 0);
}

static struct tval *count_row(const struct site_ctx *sc, struct arena *a, const char *label,
	const char *label_en, const struct period_count *c)
{
	struct tval *r = tv_map(a);

	tv_sets(a, r, "label", label);
	if (label_en)
		tv_sets(a, r, "label_en", label_en);
	set_count(sc, a, r, c);
	return r;
}

/* count_row() of a period starting on start: one that has not begun by
 * today is "future" (the page says ยังไม่ถึงรอบ), never "none" or zero. */
static struct tval *period_row(const struct site_ctx *sc, struct arena *a, const char *label,
	const char *label_en, const struct period_count *c, pdate start)
{
	struct tval *r = count_row(sc, a, label, label_en, c);

	if (start > sc->m->today) {
		tv_setb(a, r, "future", 1);
		tv_setb(a, r, "none", 0);
	}
	return r;
}

/* ---- tracking ---- */

struct tval *pg_case_row(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct case_row *c)
{
	struct tval *r = tv_map(a);

	tv_sets(a, r, "code", c->code);
	tv_sets(a, r, "href", arena_printf(a, "%strack/%s/index.html", root, c->code));
	tv_sets(a, r, "received", pg_tdate(sc, a, c->received));
	tv_sets(a, r, "received_iso", pg_isodate(a, c->received));
	tv_sets(a, r, "status", case_status_name(c->status));
	tv_sets(a, r, "status_label", case_status_label_th(c->status));
	tv_sets(a, r, "status_label_en", case_status_label_en(c->status));
	tv_sets(a, r, "status_date", pg_tdate(sc, a, c->status_date));
	tv_setb(a, r, "closed", c->closed);
	tv_setb(a, r, "question", c->question);
	if (c->category_th) {
		tv_sets(a, r, "category", c->category_th);
		tv_sets(a, r, "category_en", c->category_en);
	}
	tv_sets(a, r, "days_open", pg_integer(sc, a, (int64_t)(sc->m->today - c->received)));
	return r;
}

void pg_track(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct case_row *c;
	struct tval *hist = tv_list(a);
	size_t i;

	tv_setb(a, v, "noindex", 1);
	tv_sets(a, v, "track_action", arena_printf(a, "%s%s/track", root, sc->m->site.collector));
	tv_sets(a, v, "stats_href", arena_printf(a, "%scomplaints/index.html", root));
	if (job->kind == PG_TRACK) {
		tv_setb(a, v, "lookup", 1);
		return;
	}
	c = &sc->cs->cases[job->index];
	tv_set(a, v, "case", pg_case_row(sc, a, root, c));
	if (!c->resp || c->resp->history[0].status != CS_RECEIVED) {
		/* the receipt itself, from the submission's date */
		struct tval *e = tv_map(a);
		tv_sets(a, e, "date", pg_tdate(sc, a, c->received));
		tv_sets(a, e, "date_iso", pg_isodate(a, c->received));
		tv_sets(a, e, "status", "received");
		tv_sets(a, e, "status_label", case_status_label_th(CS_RECEIVED));
		tv_sets(a, e, "status_label_en", case_status_label_en(CS_RECEIVED));
		tv_push(a, hist, e);
	}
	for (i = 0; c->resp && i < c->resp->n_history; i++) {
		const struct case_event *ev = &c->resp->history[i];
		struct tval *e = tv_map(a);
		tv_sets(a, e, "date", pg_tdate(sc, a, ev->date));
		tv_sets(a, e, "date_iso", pg_isodate(a, ev->date));
		tv_sets(a, e, "status", case_status_name(ev->status));
		tv_sets(a, e, "status_label", case_status_label_th(ev->status));
		tv_sets(a, e, "status_label_en", case_status_label_en(ev->status));
		pg_set_str(a, e, "note", ev->note);
		pg_set_str(a, e, "note_en", ev->note_en);
		pg_set_str(a, e, "reason", ev->reason);
		tv_push(a, hist, e);
	}
	tv_set(a, v, "history", hist);
	tv_setb(a, v, "answered", c->resp != NULL);
	if (c->resp && c->resp->publish_summary) {
		pg_set_str(a, v, "summary", c->resp->summary);
		pg_set_str(a, v, "summary_en", c->resp->summary_en);
	}
}

/* ---- complaint statistics ---- */

/* The quarters, first half and months of fiscal year fy into v (rows
 * flagged future before they begin, none when empty). */
static void periods_view(const struct site_ctx *sc, struct arena *a, struct tval *v, int fy,
	const struct period_count *quarters, const struct period_count *months)
{
	static const char *const q_th[4] = { "ไตรมาส 1 (ต.ค.-ธ.ค.)", "ไตรมาส 2 (ม.ค.-มี.ค.)",
		"ไตรมาส 3 (เม.ย.-มิ.ย.)", "ไตรมาส 4 (ก.ค.-ก.ย.)" };
	static const char *const q_en[4] = { "Q1 (Oct-Dec)", "Q2 (Jan-Mar)", "Q3 (Apr-Jun)", "Q4 (Jul-Sep)" };
	struct period_count half = stats_first_half(quarters);
	struct tval *t = tv_list(a);
	size_t i;

	for (i = 0; i < 4; i++)
		tv_push(a, t, period_row(sc, a, q_th[i], q_en[i], &quarters[i],
			i ? fiscal_quarter_end(fy, (int)i) + 1 : fiscal_year_start(fy)));
	tv_set(a, v, "quarters", t);
	tv_set(a, v, "half", period_row(sc, a, "รอบ 6 เดือน (ต.ค.-มี.ค.)", "First six months (Oct-Mar)", &half,
		fiscal_year_start(fy)));
	t = tv_list(a);
	for (i = 0; i < 12; i++) {
		int mo, y;
		fiscal_month(fy, (int)i, &y, &mo);
		tv_push(a, t, period_row(sc, a, pg_month_label(sc, a, y, mo), NULL, &months[i],
			date_from_ymd(y, mo, 1)));
	}
	tv_set(a, v, "months", t);
}

static void fy_stats_view(const struct site_ctx *sc, struct arena *a, struct tval *v,
	const struct cstats_fy *f)
{
	struct tval *t, *cv, *fv = tv_map(a);
	size_t i;
	int s;

	tv_sets(a, fv, "fy", arena_printf(a, "%d", f->fiscal_year));
	tv_sets(a, fv, "fy_label", pg_fy_label(sc, a, f->fiscal_year));
	set_count(sc, a, fv, &f->all);
	if (fiscal_year_start(f->fiscal_year) > sc->m->today) {
		tv_setb(a, fv, "future", 1);
		tv_setb(a, fv, "none", 0);
	}
	tv_sets(a, fv, "median_days", days_label(sc, a, f->median_days));
	tv_setb(a, fv, "has_median", f->median_days >= 0);
	periods_view(sc, a, fv, f->fiscal_year, f->quarters, f->months);
	cv = tv_map(a);
	set_count(sc, a, cv, &f->corr_all);
	if (fiscal_year_start(f->fiscal_year) > sc->m->today) {
		tv_setb(a, cv, "future", 1);
		tv_setb(a, cv, "none", 0);
	}
	periods_view(sc, a, cv, f->fiscal_year, f->corr_quarters, f->corr_months);
	tv_set(a, fv, "corruption", cv);
	t = tv_list(a);
	for (i = CHANNEL_GENERAL; i <= CHANNEL_CORRUPTION; i++)
		tv_push(a, t, count_row(sc, a, channel_th[i], channel_en[i], &f->channels[i]));
	if (f->channels[CHANNEL_NONE].total)
		tv_push(a, t, count_row(sc, a, channel_th[0], channel_en[0], &f->channels[0]));
	tv_set(a, fv, "channels", t);
	t = tv_list(a);
	for (i = 0; i < f->n_categories; i++)
		tv_push(a, t, count_row(sc, a, f->categories[i].label, f->categories[i].label_en,
			&f->categories[i].c));
	tv_set(a, fv, "categories", t);
	t = tv_list(a);
	for (i = 0; i < f->n_districts; i++)
		if (f->districts[i].c.total || f->districts[i].id)
			tv_push(a, t, count_row(sc, a, f->districts[i].label, f->districts[i].label_en,
				&f->districts[i].c));
	tv_set(a, fv, "districts", t);
	t = tv_list(a);
	for (s = 0; s < CS__COUNT; s++) {
		struct tval *r = tv_map(a);
		tv_sets(a, r, "status", case_status_name((enum case_status)s));
		tv_sets(a, r, "label", case_status_label_th((enum case_status)s));
		tv_sets(a, r, "label_en", case_status_label_en((enum case_status)s));
		tv_sets(a, r, "n", pg_integer(sc, a, (int64_t)f->by_status[s]));
		tv_push(a, t, r);
	}
	tv_set(a, fv, "statuses", t);
	tv_set(a, v, "stats", fv);
}

void pg_complaints(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct cstats *cs = sc->cs;
	const struct site *s = &sc->m->site;
	const struct cstats_fy *f;
	struct tval *years = tv_list(a);
	int fy = job->fy ? job->fy : sc->dv->current_fy;
	size_t i;

	tv_setb(a, v, "from_db", cs->from_db);
	tv_setb(a, v, "sample_subs", cs->sample);
	tv_setb(a, v, "content_only", cs->content_only);
	tv_sets(a, v, "csv_href", arena_printf(a, "%scomplaints/statistics.csv", root));
	tv_sets(a, v, "track_href", arena_printf(a, "%strack/index.html", root));
	for (i = s->n_fiscal_years; i-- > 0;) {
		const struct cstats_fy *y = cstats_fy(cs, s->fiscal_years[i]);
		struct tval *r = period_row(sc, a, pg_fy_label(sc, a, s->fiscal_years[i]), NULL, &y->all,
			fiscal_year_start(s->fiscal_years[i]));
		tv_sets(a, r, "href", arena_printf(a, "%scomplaints/%d/index.html", root, s->fiscal_years[i]));
		tv_setb(a, r, "current", s->fiscal_years[i] == fy);
		tv_sets(a, r, "median_days", days_label(sc, a, y->median_days));
		tv_push(a, years, r);
	}
	tv_set(a, v, "years", years);
	if ((f = cstats_fy(cs, fy)) != NULL)
		fy_stats_view(sc, a, v, f);
}

/* ---- surveys ---- */

static struct tval *q_view(const struct site_ctx *sc, struct arena *a, const struct survey_q *q)
{
	struct tval *r = tv_map(a), *d = tv_list(a);
	int k;

	tv_sets(a, r, "label", q->label);
	tv_sets(a, r, "label_en", q->label_en);
	tv_sets(a, r, "n", pg_integer(sc, a, (int64_t)q->n));
	for (k = 5; k >= 1; k--) {
		struct tval *c = tv_map(a);
		tv_sets(a, c, "n", pg_integer(sc, a, (int64_t)q->dist[k - 1]));
		tv_push(a, d, c);
	}
	tv_set(a, r, "dist", d);
	tv_setb(a, r, "has_n", q->n > 0);
	if (q->n) {
		tv_sets(a, r, "share", pg_pct(sc, a, q->w.share));
		tv_sets(a, r, "lo", pg_pct(sc, a, q->w.lo));
		tv_sets(a, r, "hi", pg_pct(sc, a, q->w.hi));
		tv_setb(a, r, "meets", q->w.share >= STATS_TARGET);
		tv_setb(a, r, "surely_meets", q->w.lo >= STATS_TARGET);
		tv_setb(a, r, "surely_below", q->w.hi < STATS_TARGET);
	}
	return r;
}

/* One row of the memo's indicator: q's figures under label, with the
 * verdict on the target. */
static struct tval *indicator_row(const struct site_ctx *sc, struct arena *a, const struct survey_q *q,
	const char *label, const char *label_en)
{
	struct tval *r = q_view(sc, a, q);
	enum stats_verdict v = stats_verdict(q->high, q->n);

	tv_sets(a, r, "label", label);
	tv_sets(a, r, "label_en", label_en);
	tv_sets(a, r, "high", pg_integer(sc, a, (int64_t)q->high));
	tv_sets(a, r, "verdict", stats_verdict_th(v));
	tv_sets(a, r, "verdict_en", stats_verdict_en(v));
	tv_sets(a, r, "verdict_class", v == SV_MEETS ? "meets" : v == SV_BELOW ? "below" : "few");
	return r;
}

void pg_surveys(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct cstats *cs = sc->cs;
	struct tval *list = tv_list(a);
	size_t i, j, k;

	tv_sets(a, v, "target", pg_pct(sc, a, STATS_TARGET));
	tv_sets(a, v, "min_n", pg_integer(sc, a, STATS_MIN_N));
	tv_setb(a, v, "sample_subs", cs->sample);
	tv_setb(a, v, "from_db", cs->from_db);
	if (job->kind == PG_SURVEYS) {
		for (i = 0; i < cs->n_surveys; i++) {
			const struct survey_stats *ss = &cs->surveys[i];
			struct tval *r = tv_map(a);
			tv_sets(a, r, "title", ss->form->title_th);
			tv_sets(a, r, "title_en", ss->form->title_en);
			tv_sets(a, r, "href", arena_printf(a, "%ssurveys/%s/index.html", root, ss->form->id));
			tv_sets(a, r, "n", pg_integer(sc, a, (int64_t)ss->n));
			tv_push(a, list, r);
		}
		tv_set(a, v, "surveys", list);
		return;
	}
	{
		const struct survey_stats *ss = &cs->surveys[job->index];
		tv_sets(a, v, "form_href", arena_printf(a, "%sforms/%s/index.html", root, ss->form->id));
		tv_sets(a, v, "n_all", pg_integer(sc, a, (int64_t)ss->n));
		tv_setb(a, v, "has_groups", form_respondent_field(ss->form) != NULL);
		for (j = 0; j < ss->n_fys; j++) {
			const struct survey_fy *sf = &ss->fys[j];
			struct tval *y = tv_map(a), *qs = tv_list(a), *ps = tv_list(a);
			struct svg_bar bars[SVG_MAX_BARS];
			size_t nb = 0;
			tv_sets(a, y, "fy_label", pg_fy_label(sc, a, sf->fiscal_year));
			tv_sets(a, y, "n", pg_integer(sc, a, (int64_t)sf->n));
			tv_setb(a, y, "none", sf->n == 0);
			for (k = 0; k < sf->n_qs; k++) {
				tv_push(a, qs, q_view(sc, a, &sf->qs[k]));
				if (nb < SVG_MAX_BARS) {
					bars[nb].label = sf->qs[k].label;
					bars[nb].planned = STATS_TARGET;
					bars[nb++].actual = sf->qs[k].w.share;
				}
			}
			tv_set(a, y, "questions", qs);
			if (sf->n)
				tv_sets(a, y, "chart", svg_bar_chart(a, arena_printf(a, "chart-%s-%d", ss->form->id,
					sf->fiscal_year), "ร้อยละของคำตอบระดับมากขึ้นไป เทียบเป้าหมายร้อยละ 80",
					"ร้อยละของผู้ตอบที่พึงพอใจระดับมากหรือมากที่สุด รายข้อ ตัวเลขอยู่ในตารางถัดไป",
					bars, nb, "เป้าหมาย 80%", "ระดับมากขึ้นไป"));
			for (k = 0; k < sf->n_projects; k++) {
				struct tval *p = q_view(sc, a, &sf->projects[k].q);
				const struct project *pr = model_project(sc->m, sf->projects[k].project_id);
				tv_sets(a, p, "project", sf->projects[k].project_id);
				if (pr)
					tv_sets(a, p, "project_title", pr->title);
				tv_sets(a, p, "href", arena_printf(a, "%sprojects/%s/index.html", root,
					sf->projects[k].project_id));
				tv_push(a, ps, p);
			}
			tv_set(a, y, "projects", ps);
			tv_setb(a, y, "has_projects", sf->n_projects > 0);
			if (sf->n_qs)
				tv_sets(a, y, "summary_q", sf->qs[ss->summary_q].label);
			if (sf->n_groups) {
				struct tval *ind = tv_list(a);
				tv_push(a, ind, indicator_row(sc, a, &sf->qs[ss->summary_q], STATS_ALL_TH, STATS_ALL_EN));
				for (k = 0; k < sf->n_groups; k++)
					tv_push(a, ind, indicator_row(sc, a, &sf->groups[k].q, sf->groups[k].label,
						sf->groups[k].label_en));
				tv_set(a, y, "indicator", ind);
				tv_setb(a, y, "has_indicator", 1);
			}
			tv_push(a, list, y);
		}
		tv_set(a, v, "years", list);
	}
}

/* ---- dashboard: the oldest open cases ---- */

static int cmp_open(const void *pa, const void *pb)
{
	const struct case_row *a = *(const struct case_row *const *)pa, *b = *(const struct case_row *const *)pb;

	if (a->received != b->received)
		return a->received < b->received ? -1 : 1;
	return strcmp(a->code, b->code);
}

struct tval *pg_open_cases(const struct site_ctx *sc, struct arena *a, const char *root, size_t max,
	size_t *n_withheld)
{
	const struct cstats *cs = sc->cs;
	struct tval *list = tv_list(a);
	const struct case_row **open = arena_alloc(a, (cs->n_cases + 1) * sizeof(*open));
	size_t i, n = 0;

	*n_withheld = 0;
	for (i = 0; i < cs->n_cases; i++) {
		if (cs->cases[i].closed || cs->cases[i].question)
			continue;
		if (cs->cases[i].channel == CHANNEL_GENERAL)
			open[n++] = &cs->cases[i];
		else
			(*n_withheld)++;
	}
	qsort((void *)open, n, sizeof(*open), cmp_open); /* oldest first, then by code */
	for (i = 0; i < n && i < max; i++)
		tv_push(a, list, pg_case_row(sc, a, root, open[i]));
	return list;
}
