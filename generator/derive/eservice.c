/* eservice.c: OIT O10's e-service statistics (see eservice.h). */
#include "derive/eservice.h"

#include <string.h>

int eservice_hidden(size_t n)
{
	return n >= 1 && n <= ESV_SMALL_MAX;
}

const char *eservice_count_text(struct arena *a, size_t n)
{
	if (eservice_hidden(n))
		return ESV_SMALL_TH;
	return arena_printf(a, "%zu", n);
}

const char *eservice_total_text(struct arena *a, const struct eservice_row *r)
{
	return r->any_hidden ? "—" : eservice_count_text(a, r->total);
}

/* The row of form id, or NULL. */
static struct eservice_row *row_of(struct eservice_fy *out, const char *id)
{
	size_t i;

	for (i = 0; id && i < out->n_rows; i++)
		if (strcmp(out->rows[i].id, id) == 0)
			return &out->rows[i];
	return NULL;
}

/* Add n at date d (any day of its month) to r, when d is in fy. */
static void add(struct eservice_row *r, int fy, pdate d, size_t n)
{
	int y, mo, day;

	if (!r || !d || date_fiscal_year(d) != fy)
		return;
	date_to_ymd(d, &y, &mo, &day);
	r->months[fiscal_month_index(mo)] += n;
}

void eservice_build(const struct model *m, struct arena *a, int fy, struct eservice_fy *out)
{
	struct eservice_row *track;
	size_t i, k;
	pdate start = fiscal_year_start(fy);

	memset(out, 0, sizeof(*out));
	out->fiscal_year = fy;
	if (m->today >= start) {
		int y, mo, d, ty, tm;
		date_to_ymd(start, &y, &mo, &d);
		date_to_ymd(m->today, &ty, &tm, &d);
		out->months_begun = (ty - y) * 12 + (tm - mo) + 1;
		if (out->months_begun > 12)
			out->months_begun = 12;
	}
	out->rows = arena_alloc(a, (m->n_forms + 1) * sizeof(*out->rows));
	for (i = 0; i < m->n_forms; i++) {
		struct eservice_row *r = &out->rows[out->n_rows++];
		memset(r, 0, sizeof(*r));
		r->id = m->forms[i].id;
		r->label = m->forms[i].title_th;
		r->label_en = m->forms[i].title_en;
		r->path = arena_printf(a, "forms/%s/index.html", m->forms[i].id);
	}
	track = &out->rows[out->n_rows++];
	memset(track, 0, sizeof(*track));
	track->id = ESV_TRACK_ID;
	track->label = "ติดตามเรื่องด้วยรหัสติดตาม";
	track->label_en = "Case tracking (lookups by tracking code)";
	track->path = "track/index.html";
	/* every submission the model holds (from a database: complaints and
	 * questions; sample: every kind) */
	for (i = 0; i < m->n_subs; i++)
		add(row_of(out, m->subs[i].form ? m->subs[i].form->id : NULL), fy, m->subs[i].created, 1);
	/* the database's surveys, counted by month */
	for (i = 0; i < m->n_survey_counts; i++) {
		const struct survey_count *c = &m->survey_counts[i];
		if (c->q == -1 && c->form)
			add(row_of(out, c->form->id), fy, c->month, c->n);
	}
	for (i = 0; i < m->n_lookups; i++)
		add(track, fy, m->lookups[i].month, m->lookups[i].n);
	for (i = 0; i < out->n_rows; i++) {
		struct eservice_row *r = &out->rows[i];
		for (k = 0; k < 12; k++) {
			r->total += r->months[k];
			r->any_hidden |= eservice_hidden(r->months[k]);
		}
	}
}
