#include "derive/derive.h"

#include <assert.h>
#include <string.h>

#include "model/numfmt.h"

typedef __int128 wide; /* sums of weight x percent can pass 2^63 */

/* Value of a cumulative series at t: 0 at day0, v[i] at d[i], straight
 * lines between, held after the last point. */
static int64_t series_at(pdate day0, const pdate *d, const int64_t *v, size_t n, pdate t)
{
	pdate pd = day0;
	int64_t pv = 0;
	size_t i;

	if (t < day0)
		return 0;
	for (i = 0; i < n; i++) {
		if (t <= d[i]) {
			if (d[i] == pd)
				return v[i];
			return pv + num_muldiv(v[i] - pv, t - pd, d[i] - pd);
		}
		pd = d[i];
		pv = v[i];
	}
	return pv;
}

void project_planned_at(const struct project *p, pdate t, int64_t *pct, int64_t *baht)
{
	pdate d[64];
	int64_t v[64];
	size_t i, n;
	pdate day0 = p->start - 1;
	int64_t span = (int64_t)p->end - day0;

	/* percent */
	for (i = 0, n = 0; i < p->n_plan && n < 64; i++)
		if (p->plan[i].percent >= 0) {
			d[n] = p->plan[i].month_end;
			v[n++] = p->plan[i].percent;
		}
	if (n)
		*pct = series_at(day0, d, v, n, t);
	else
		*pct = t <= day0 ? 0 : t >= p->end ? 10000 : num_muldiv(10000, t - day0, span);
	/* baht */
	for (i = 0, n = 0; i < p->n_plan && n < 64; i++)
		if (p->plan[i].disbursed >= 0) {
			d[n] = p->plan[i].month_end;
			v[n++] = p->plan[i].disbursed;
		}
	if (n)
		*baht = series_at(day0, d, v, n, t);
	else
		*baht = t <= day0 ? 0 : t >= p->end ? p->allocated : num_muldiv(p->allocated, t - day0, span);
}

const struct report *project_report_at(const struct project *p, pdate t)
{
	size_t i = p->n_reports;

	while (i > 0) {
		if (p->reports[i - 1]->date <= t)
			return p->reports[i - 1];
		i--;
	}
	return NULL;
}

static void project_figures(const struct model *m, struct project *p)
{
	struct figures *f = &p->fig;
	const struct report *r = project_report_at(p, m->today);

	memset(f, 0, sizeof(*f));
	f->plan_linear = 1;
	for (size_t i = 0; i < p->n_plan; i++)
		if (p->plan[i].percent >= 0)
			f->plan_linear = 0;
	project_planned_at(p, m->today, &f->planned_pct, &f->planned_baht);
	if (r) {
		f->has_report = 1;
		f->last_report = r->date;
		f->actual_pct = r->percent;
		f->disbursed = r->disbursed;
	}
	f->disb_rate = p->allocated ? num_muldiv(f->disbursed, 10000, p->allocated) : 0;
	f->gap = f->planned_pct - f->actual_pct;
	if (p->status_override != ST__COUNT)
		f->status = p->status_override;
	else if (f->has_report && f->actual_pct >= 10000)
		f->status = ST_COMPLETED;
	else if (m->today < p->start && !f->has_report)
		f->status = ST_NOT_STARTED;
	else if (f->gap > m->site.seriously_behind)
		f->status = ST_SERIOUSLY_BEHIND;
	else if (f->gap > m->site.behind)
		f->status = ST_BEHIND;
	else
		f->status = ST_ON_TRACK;
}

/* Accumulators for one roll-up. */
struct acc {
	wide w_planned, w_actual;
	int64_t w_sum;
};

static int64_t project_weight(const struct model *m, const struct project *p)
{
	if (m->site.rollup == ROLLUP_WEIGHT)
		return p->weight ? p->weight : 100;
	return p->allocated;
}

/* Add project p with the given figures (planned %, planned baht, actual %,
 * disbursed) to roll-up r; a cancelled project is only counted. */
static void acc_add_figures(const struct model *m, struct rollup *r, struct acc *a,
	const struct project *p, int64_t planned_pct, int64_t planned_baht, int64_t actual_pct,
	int64_t disbursed)
{
	int64_t w;

	if (p->fig.status == ST_CANCELLED) {
		r->n_cancelled++;
		r->by_status[ST_CANCELLED]++;
		return;
	}
	w = project_weight(m, p);
	r->n_projects++;
	r->by_status[p->fig.status]++;
	r->allocated += p->allocated;
	r->disbursed += disbursed;
	r->planned_baht += planned_baht;
	a->w_sum += w;
	a->w_planned += (wide)w * planned_pct;
	a->w_actual += (wide)w * actual_pct;
}

/* Add p with its figures as of today. */
static void acc_add(const struct model *m, struct rollup *r, struct acc *a, const struct project *p)
{
	acc_add_figures(m, r, a, p, p->fig.planned_pct, p->fig.planned_baht, p->fig.actual_pct,
		p->fig.disbursed);
}

static int64_t wide_div_round(wide num, int64_t den)
{
	wide q, r;

	if (den <= 0)
		return 0;
	q = num / den;
	r = num % den;
	if (r * 2 >= den)
		q++;
	return (int64_t)q;
}

static void acc_finish(struct rollup *r, const struct acc *a)
{
	r->weight_sum = a->w_sum;
	r->planned_pct = wide_div_round(a->w_planned, a->w_sum);
	r->actual_pct = wide_div_round(a->w_actual, a->w_sum);
	r->disb_rate = r->allocated ? num_muldiv(r->disbursed, 10000, r->allocated) : 0;
	r->planned_disb_rate = r->allocated ? num_muldiv(r->planned_baht, 10000, r->allocated) : 0;
}

static struct rollup *named_rollups(struct arena *a, const struct named *list, size_t n)
{
	struct rollup *r = arena_alloc(a, (n + 1) * sizeof(*r));
	size_t i;

	for (i = 0; i < n; i++) {
		r[i].id = list[i].id;
		r[i].name = list[i].name;
		r[i].name_en = list[i].name_en;
	}
	return r;
}

static size_t named_index(const struct named *list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; id && i < n; i++)
		if (strcmp(list[i].id, id) == 0)
			return i;
	return n;
}

static void acc_finish(struct rollup *r, const struct acc *a);

void rollup_at(const struct model *m, int fy, pdate plan_at, pdate actual_at, struct rollup *out)
{
	struct acc a = { 0, 0, 0 };
	size_t k;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < m->n_projects; k++) {
		const struct project *p = m->projects[k];
		const struct report *r;
		int64_t pp, pb;
		if (p->fiscal_year != fy)
			continue;
		project_planned_at(p, plan_at, &pp, &pb);
		r = project_report_at(p, actual_at);
		acc_add_figures(m, out, &a, p, pp, pb, r ? r->percent : 0, r ? r->disbursed : 0);
	}
	acc_finish(out, &a);
}

static void fy_series(const struct model *m, struct fy_figures *f)
{
	pdate fs = fiscal_year_start(f->fiscal_year);
	int y, mo, d, i, q;
	const struct disb_target *t = model_target(m, f->fiscal_year);
	size_t k;

	date_to_ymd(fs, &y, &mo, &d);
	for (i = 0; i < 12; i++) {
		struct month_point *mp = &f->months[i];
		struct rollup r;
		mp->year = y;
		mp->month = mo;
		mp->end = date_month_end(date_from_ymd(y, mo, 1));
		mp->past = date_from_ymd(y, mo, 1) <= m->today;
		rollup_at(m, f->fiscal_year, mp->end, mp->end < m->today ? mp->end : m->today, &r);
		mp->planned_pct = r.planned_pct;
		mp->actual_pct = r.actual_pct;
		mp->planned_baht = r.planned_baht;
		mp->disbursed = r.disbursed;
		if (++mo > 12) {
			mo = 1;
			y++;
		}
	}
	f->has_target = t != NULL;
	for (q = 0; q < 4; q++) {
		struct quarter_point *qp = &f->quarters[q];
		int64_t dis = 0, dr = 0, dc = 0;
		pdate qs = q ? fiscal_quarter_end(f->fiscal_year, q) + 1 : fs;
		qp->end = fiscal_quarter_end(f->fiscal_year, q + 1);
		qp->past = qs <= m->today;
		qp->complete = qp->end < m->today;
		for (k = 0; k < m->n_projects; k++) {
			const struct project *p = m->projects[k];
			const struct report *r;
			if (p->fiscal_year != f->fiscal_year || p->fig.status == ST_CANCELLED)
				continue;
			r = project_report_at(p, qp->end < m->today ? qp->end : m->today);
			if (!r)
				continue;
			dis += r->disbursed;
			if (p->category == CAT_CAPITAL)
				dc += r->disbursed;
			else
				dr += r->disbursed;
		}
		qp->overall = f->office.allocated ? num_muldiv(dis, 10000, f->office.allocated) : 0;
		qp->recurrent = f->alloc_recurrent ? num_muldiv(dr, 10000, f->alloc_recurrent) : 0;
		qp->capital = f->alloc_capital ? num_muldiv(dc, 10000, f->alloc_capital) : 0;
		qp->t_overall = t ? t->overall[q] : -1;
		qp->t_recurrent = t && t->has_recurrent ? t->recurrent[q] : -1;
		qp->t_capital = t && t->has_capital ? t->capital[q] : -1;
	}
}

void derive_all(struct model *m, struct derived *out)
{
	size_t i, j, k;
	const struct site *s = &m->site;

	for (i = 0; i < m->n_projects; i++)
		project_figures(m, m->projects[i]);
	out->n_fy = s->n_fiscal_years;
	out->fy = arena_alloc(&m->arena, (s->n_fiscal_years + 1) * sizeof(*out->fy));
	out->current_fy = s->n_fiscal_years ? s->fiscal_years[0] : date_fiscal_year(m->today);
	for (i = 0; i < s->n_fiscal_years; i++)
		if (s->fiscal_years[i] <= date_fiscal_year(m->today))
			out->current_fy = s->fiscal_years[i];
	for (i = 0; i < s->n_fiscal_years; i++) {
		struct fy_figures *f = &out->fy[i];
		struct acc office = { 0, 0, 0 };
		struct acc *ga = arena_alloc(&m->arena, (s->n_groups + 1) * sizeof(*ga));
		struct acc *da = arena_alloc(&m->arena, (s->n_districts + 1) * sizeof(*da));
		struct acc *xa = arena_alloc(&m->arena, (s->n_dimensions + 1) * sizeof(*xa));

		f->fiscal_year = s->fiscal_years[i];
		f->groups = named_rollups(&m->arena, s->groups, s->n_groups);
		f->districts = named_rollups(&m->arena, s->districts, s->n_districts);
		f->dimensions = named_rollups(&m->arena, s->dimensions, s->n_dimensions);
		f->n_groups = s->n_groups;
		f->n_districts = s->n_districts;
		f->n_dimensions = s->n_dimensions;
		for (j = 0; j < m->n_projects; j++) {
			const struct project *p = m->projects[j];
			if (p->fiscal_year != f->fiscal_year)
				continue;
			acc_add(m, &f->office, &office, p);
			if (p->fig.status != ST_CANCELLED) {
				if (p->category == CAT_CAPITAL)
					f->alloc_capital += p->allocated;
				else
					f->alloc_recurrent += p->allocated;
			}
			k = named_index(s->groups, s->n_groups, p->group);
			if (k < s->n_groups)
				acc_add(m, &f->groups[k], &ga[k], p);
			k = named_index(s->dimensions, s->n_dimensions, p->dimension);
			if (k < s->n_dimensions)
				acc_add(m, &f->dimensions[k], &xa[k], p);
			for (size_t t = 0; t < p->n_districts; t++) {
				k = named_index(s->districts, s->n_districts, p->districts[t]);
				if (k < s->n_districts)
					acc_add(m, &f->districts[k], &da[k], p);
			}
		}
		acc_finish(&f->office, &office);
		for (k = 0; k < s->n_groups; k++)
			acc_finish(&f->groups[k], &ga[k]);
		for (k = 0; k < s->n_districts; k++)
			acc_finish(&f->districts[k], &da[k]);
		for (k = 0; k < s->n_dimensions; k++)
			acc_finish(&f->dimensions[k], &xa[k]);
		fy_series(m, f);
	}
}

const struct fy_figures *derived_fy(const struct derived *d, int fy)
{
	size_t i;

	for (i = 0; i < d->n_fy; i++)
		if (d->fy[i].fiscal_year == fy)
			return &d->fy[i];
	return NULL;
}
