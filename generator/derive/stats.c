/* stats.c: see stats.h. */
#include "derive/stats.h"

#include <stdlib.h>
#include <string.h>

#include "load/complaints.h"

typedef unsigned __int128 u128;

uint64_t stats_isqrt(u128 v)
{
	u128 x, y;

	if (v < 2)
		return (uint64_t)v;
	/* Newton from above: an initial guess >= sqrt(v) */
	x = v;
	y = (x + 1) / 2;
	if (v >> 64) {
		x = (u128)1 << 64;
		y = (x + v / x) / 2;
	}
	while (y < x) {
		x = y;
		y = (x + v / x) / 2;
	}
	return (uint64_t)x;
}

void stats_wilson(uint64_t x, uint64_t n, struct wilson *out)
{
	/* scale S = 10^6; z = 1.96, z^2 = 3.8416, z^2/2 = 1.9208, z^2/4 = 0.9604 */
	const u128 S = 1000000, Z2S = 3841600, Z2HS = 1920800, Z2QS2 = (u128)960400000000ULL;
	u128 inner, root, zs, c, d, lo, hi;

	memset(out, 0, sizeof(*out));
	if (n == 0 || x > n)
		return;
	out->share = (int64_t)(((u128)x * 20000 + n) / (2 * (u128)n)); /* half up */
	/* sqrt(x(n-x)/n + z²/4) * S, from the floor of (x(n-x)/n + z²/4) * S² */
	inner = (u128)x * (n - x) * S * S / n + Z2QS2;
	root = stats_isqrt(inner);
	zs = root * 196 / 100;           /* z * sqrt * S, floor */
	c = (u128)x * S + Z2HS;
	d = (u128)n * S + Z2S;
	/* zs is short of the exact value by less than 3 units: lower = floor((c - zs - 3) / d),
	 * upper = ceil((c + zs + 3) / d) */
	lo = c > zs + 3 ? (c - zs - 3) * 10000 / d : 0;
	hi = ((c + zs + 3) * 10000 + d - 1) / d;
	if (hi > 10000)
		hi = 10000;
	out->lo = (int64_t)lo;
	out->hi = (int64_t)hi;
}

enum stats_verdict stats_verdict(uint64_t x, uint64_t n)
{
	if (n < STATS_MIN_N)
		return SV_TOO_FEW;
	if (x > n)
		x = n;
	return (u128)x * 10000 >= (u128)n * STATS_TARGET ? SV_MEETS : SV_BELOW;
}

const char *stats_verdict_th(enum stats_verdict v)
{
	return v == SV_MEETS ? "ผ่านเป้าหมาย" : v == SV_BELOW ? "ยังไม่ผ่านเป้าหมาย" : "ยังมีผู้ตอบน้อยเกินไป";
}

const char *stats_verdict_en(enum stats_verdict v)
{
	return v == SV_MEETS ? "Target met" : v == SV_BELOW ? "Target not met" : "Too few responses";
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int64_t stats_median_x100(int64_t *v, size_t n)
{
	if (n == 0)
		return -1;
	qsort(v, n, sizeof(*v), cmp_i64);
	if (n % 2)
		return v[n / 2] * 100;
	return (v[n / 2 - 1] + v[n / 2]) * 50;
}

/* ---- cases ---- */

static const struct form_field *form_field(const struct form_def *f, const char *name)
{
	size_t i;

	for (i = 0; f && i < f->n_fields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

/* Labels of a category value: the case's own form first, then any complaint form. */
static void category_labels(const struct model *m, struct case_row *c)
{
	const struct form_def *own = model_form(m, c->form_id);
	size_t i, k;

	for (i = 0; i <= m->n_forms; i++) {
		const struct form_def *f = i == 0 ? own : &m->forms[i - 1];
		const struct form_field *fd;
		if (!f || f->kind != FORM_COMPLAINT || !(fd = form_field(f, "category")))
			continue;
		for (k = 0; k < fd->n_choices; k++)
			if (strcmp(fd->choices[k].value, c->category) == 0) {
				c->category = fd->choices[k].value;
				c->category_th = fd->choices[k].label_th;
				c->category_en = fd->choices[k].label_en;
				return;
			}
	}
}

static void case_status_of(struct case_row *c)
{
	c->status = CS_RECEIVED;
	c->status_date = c->received;
	if (c->resp && c->resp->n_history) {
		const struct case_event *e = &c->resp->history[c->resp->n_history - 1];
		c->status = e->status;
		c->status_date = e->date;
		if (case_status_closed(e->status)) {
			c->closed = 1;
			c->closed_date = e->date;
		}
	}
	if (c->resp && c->resp->category)
		c->category = c->resp->category;
}

static int cmp_case(const void *a, const void *b)
{
	return strcmp(((const struct case_row *)a)->code, ((const struct case_row *)b)->code);
}

static void build_cases(const struct model *m, struct arena *a, struct cstats *out)
{
	size_t i, n = 0;
	int have_source = m->subs_from_db || m->subs_sample;

	out->cases = arena_alloc(a, (m->n_subs + m->n_responses + 1) * sizeof(*out->cases));
	for (i = 0; i < m->n_subs; i++) {
		const struct submission *s = &m->subs[i];
		struct case_row *c = &out->cases[n];
		if (!form_kind_coded(s->kind) || !s->code)
			continue;
		memset(c, 0, sizeof(*c));
		c->code = s->code;
		c->question = s->kind == FORM_QUESTION;
		c->form_id = s->form_id;
		c->channel = s->channel;
		c->received = s->created;
		c->category = s->category;
		c->district = s->district;
		c->resp = model_response(m, s->code);
		n++;
	}
	/* response files without a submission: from the content alone, unless
	 * a database says they do not exist */
	for (i = 0; i < m->n_responses && !m->subs_from_db; i++) {
		const struct complaint_resp *r = m->responses[i];
		size_t j;
		for (j = 0; j < n; j++)
			if (strcmp(out->cases[j].code, r->code) == 0)
				break;
		if (j < n)
			continue;
		memset(&out->cases[n], 0, sizeof(out->cases[n]));
		out->cases[n].code = r->code;
		out->cases[n].channel = CHANNEL_NONE;
		out->cases[n].received = r->history[0].date;
		out->cases[n].resp = r;
		n++;
	}
	for (i = 0; i < n; i++) {
		case_status_of(&out->cases[i]);
		if (out->cases[i].category)
			category_labels(m, &out->cases[i]);
	}
	qsort(out->cases, n, sizeof(*out->cases), cmp_case);
	out->n_cases = n;
	out->content_only = !have_source;
}

struct period_count stats_first_half(const struct period_count *q)
{
	struct period_count h = { q[0].total + q[1].total, q[0].closed + q[1].closed, q[0].open + q[1].open };
	return h;
}

static void count(struct period_count *p, const struct case_row *c)
{
	p->total++;
	if (c->closed)
		p->closed++;
	else
		p->open++;
}

static void build_fy(const struct model *m, struct arena *a, const struct cstats *cs, int fy,
	struct cstats_fy *out)
{
	size_t i, j, k, nd = 0;
	int64_t *days = arena_alloc(a, (cs->n_cases + 1) * sizeof(*days));
	const struct named *sd = m->site.districts;

	memset(out, 0, sizeof(*out));
	out->fiscal_year = fy;
	/* categories: every complaint form's choices, in order, deduplicated */
	for (i = 0, k = 0; i < m->n_forms; i++) {
		const struct form_field *fd = m->forms[i].kind == FORM_COMPLAINT ?
			form_field(&m->forms[i], "category") : NULL;
		k += fd ? fd->n_choices : 0;
	}
	out->categories = arena_alloc(a, (k + 1) * sizeof(*out->categories));
	for (i = 0; i < m->n_forms; i++) {
		const struct form_field *fd = m->forms[i].kind == FORM_COMPLAINT ?
			form_field(&m->forms[i], "category") : NULL;
		for (k = 0; fd && k < fd->n_choices; k++) {
			for (j = 0; j < out->n_categories; j++)
				if (strcmp(out->categories[j].id, fd->choices[k].value) == 0)
					break;
			if (j < out->n_categories)
				continue;
			memset(&out->categories[j], 0, sizeof(out->categories[j]));
			out->categories[j].id = fd->choices[k].value;
			out->categories[j].label = fd->choices[k].label_th;
			out->categories[j].label_en = fd->choices[k].label_en;
			out->n_categories++;
		}
	}
	out->districts = arena_alloc(a, (m->site.n_districts + 1) * sizeof(*out->districts));
	for (i = 0; i < m->site.n_districts; i++) {
		memset(&out->districts[i], 0, sizeof(out->districts[i]));
		out->districts[i].id = sd[i].id;
		out->districts[i].label = sd[i].name;
		out->districts[i].label_en = sd[i].name_en;
	}
	memset(&out->districts[i], 0, sizeof(out->districts[i]));
	out->districts[i].label = "ไม่ระบุ";
	out->districts[i].label_en = "Not given";
	out->n_districts = m->site.n_districts + 1;
	for (i = 0; i < cs->n_cases; i++) {
		const struct case_row *c = &cs->cases[i];
		int q, mo;
		if (c->question || date_fiscal_year(c->received) != fy)
			continue;
		q = date_fiscal_quarter(c->received);
		{
			int y, d;
			date_to_ymd(c->received, &y, &mo, &d);
		}
		count(&out->all, c);
		count(&out->quarters[q - 1], c);
		count(&out->months[fiscal_month_index(mo)], c);
		count(&out->channels[c->channel], c);
		if (c->channel == CHANNEL_CORRUPTION) {
			count(&out->corr_all, c);
			count(&out->corr_quarters[q - 1], c);
			count(&out->corr_months[fiscal_month_index(mo)], c);
		}
		out->by_status[c->status]++;
		if (c->category)
			for (j = 0; j < out->n_categories; j++)
				if (strcmp(out->categories[j].id, c->category) == 0) {
					count(&out->categories[j].c, c);
					break;
				}
		for (j = 0; j + 1 < out->n_districts; j++)
			if (c->district && strcmp(out->districts[j].id, c->district) == 0)
				break;
		count(&out->districts[j].c, c);
		if (c->closed)
			days[nd++] = c->closed_date - c->received;
	}
	out->median_days = stats_median_x100(days, nd);
}

/* ---- surveys ---- */

static void q_finish(struct survey_q *q)
{
	stats_wilson(q->high, q->n, &q->w);
}

/* count answers at level lv (1..5; anything else is no answer) */
static void q_add_n(struct survey_q *q, unsigned lv, size_t count)
{
	if (lv < 1 || lv > 5)
		return;
	q->dist[lv - 1] += count;
	q->n += count;
	if (lv >= 4)
		q->high += count;
}

static void q_add(struct survey_q *q, unsigned lv)
{
	q_add_n(q, lv, 1);
}

/* Index of the project with this id in m->projects (sorted), or n_projects. */
static size_t project_index(const struct model *m, const char *id)
{
	size_t lo = 0, hi = m->n_projects;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->projects[mid]->id, id);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return m->n_projects;
}

/* Index of the respondent type value in sf->groups, or sf->n_groups. */
static size_t group_index(const struct survey_fy *sf, const char *value)
{
	size_t k;

	for (k = 0; k < sf->n_groups; k++)
		if (strcmp(sf->groups[k].value, value) == 0)
			break;
	return k;
}

static void build_survey(const struct model *m, struct arena *a, const struct form_def *f,
	struct survey_stats *out)
{
	size_t i, j, k, nq = 0, fi;
	const struct form_field *scale[SUB_MAX_SCALE] = { NULL };
	const struct form_field *resp = form_respondent_field(f);
	size_t n_groups = resp ? resp->n_choices : 0;
	struct survey_q *pq;

	memset(out, 0, sizeof(*out));
	out->form = f;
	for (i = 0; i < f->n_fields && nq < SUB_MAX_SCALE; i++)
		if (f->fields[i].type == FT_SCALE) {
			if (strcmp(f->fields[i].name, "overall") == 0)
				out->summary_q = nq;
			scale[nq++] = &f->fields[i];
		}
	out->fys = arena_alloc(a, (m->site.n_fiscal_years + 1) * sizeof(*out->fys));
	for (fi = m->site.n_fiscal_years; fi-- > 0;) {
		struct survey_fy *sf = &out->fys[out->n_fys++];
		int fy = m->site.fiscal_years[fi];
		memset(sf, 0, sizeof(*sf));
		sf->fiscal_year = fy;
		sf->qs = arena_alloc(a, (nq + 1) * sizeof(*sf->qs));
		sf->n_qs = nq;
		for (k = 0; k < nq; k++) {
			memset(&sf->qs[k], 0, sizeof(sf->qs[k]));
			sf->qs[k].name = scale[k]->name;
			sf->qs[k].label = scale[k]->label_th;
			sf->qs[k].label_en = scale[k]->label_en;
		}
		sf->groups = arena_alloc(a, (n_groups + 1) * sizeof(*sf->groups));
		sf->n_groups = n_groups;
		for (k = 0; k < n_groups; k++) {
			memset(&sf->groups[k], 0, sizeof(sf->groups[k]));
			sf->groups[k].value = resp->choices[k].value;
			sf->groups[k].label = resp->choices[k].label_th;
			sf->groups[k].label_en = resp->choices[k].label_en;
			if (nq) { /* (no scale question: no groups, below) */
				sf->groups[k].q.name = scale[out->summary_q]->name;
				sf->groups[k].q.label = scale[out->summary_q]->label_th;
				sf->groups[k].q.label_en = scale[out->summary_q]->label_en;
			}
		}
		if (!nq)
			sf->n_groups = 0;
		/* per project, indexed like m->projects (sorted by id) */
		pq = arena_alloc(a, (m->n_projects + 1) * sizeof(*pq));
		memset(pq, 0, (m->n_projects + 1) * sizeof(*pq));
		for (i = 0; i < m->n_subs; i++) {
			const struct submission *s = &m->subs[i];
			size_t pi, gi;
			if (s->form != f || date_fiscal_year(s->created) != fy)
				continue;
			sf->n++;
			out->n++;
			for (k = 0; k < nq; k++)
				q_add(&sf->qs[k], s->levels[k]);
			if (s->project && nq && (pi = project_index(m, s->project)) < m->n_projects)
				q_add(&pq[pi], s->levels[out->summary_q]);
			if (s->respondent && (gi = group_index(sf, s->respondent)) < sf->n_groups)
				q_add(&sf->groups[gi].q, s->levels[out->summary_q]);
		}
		/* the database's surveys, counted by SQL */
		for (i = 0; i < m->n_survey_counts; i++) {
			const struct survey_count *c = &m->survey_counts[i];
			size_t pi, gi;
			if (c->form != f || c->fiscal_year != fy)
				continue;
			if (c->q < 0) {
				sf->n += c->n;
				out->n += c->n;
				continue;
			}
			if ((size_t)c->q >= nq)
				continue;
			q_add_n(&sf->qs[c->q], (unsigned)c->level, c->n);
			if (c->respondent && (size_t)c->q == out->summary_q &&
				(gi = group_index(sf, c->respondent)) < sf->n_groups)
				q_add_n(&sf->groups[gi].q, (unsigned)c->level, c->n);
			if (c->project && (size_t)c->q == out->summary_q &&
				(pi = project_index(m, c->project)) < m->n_projects)
				q_add_n(&pq[pi], (unsigned)c->level, c->n);
		}
		for (k = 0; k < nq; k++)
			q_finish(&sf->qs[k]);
		for (k = 0; k < sf->n_groups; k++)
			q_finish(&sf->groups[k].q);
		for (j = 0, k = 0; j < m->n_projects; j++)
			k += pq[j].n > 0;
		sf->projects = arena_alloc(a, (k + 1) * sizeof(*sf->projects));
		for (j = 0; j < m->n_projects; j++) {
			struct survey_project *sp;
			if (!pq[j].n)
				continue;
			sp = &sf->projects[sf->n_projects++];
			sp->project_id = m->projects[j]->id;
			sp->q = pq[j];
			sp->q.name = scale[out->summary_q]->name;
			sp->q.label = scale[out->summary_q]->label_th;
			sp->q.label_en = scale[out->summary_q]->label_en;
			q_finish(&sp->q);
		}
	}
}

void stats_build(const struct model *m, struct arena *a, struct cstats *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->from_db = m->subs_from_db;
	out->sample = m->subs_sample;
	build_cases(m, a, out);
	out->fys = arena_alloc(a, (m->site.n_fiscal_years + 1) * sizeof(*out->fys));
	for (i = 0; i < m->site.n_fiscal_years; i++)
		build_fy(m, a, out, m->site.fiscal_years[i], &out->fys[out->n_fys++]);
	out->surveys = arena_alloc(a, (m->n_forms + 1) * sizeof(*out->surveys));
	for (i = 0; i < m->n_forms; i++)
		if (m->forms[i].kind == FORM_SURVEY)
			build_survey(m, a, &m->forms[i], &out->surveys[out->n_surveys++]);
	eservice_build(m, a, date_fiscal_year(m->today), &out->eservice[0]);
	eservice_build(m, a, date_fiscal_year(m->today) - 1, &out->eservice[1]);
}

const struct cstats_fy *cstats_fy(const struct cstats *cs, int fy)
{
	size_t i;

	for (i = 0; cs && i < cs->n_fys; i++)
		if (cs->fys[i].fiscal_year == fy)
			return &cs->fys[i];
	return NULL;
}
