/* timeliness.c: on-time monthly reports from the history (timeliness.h). */
#include "derive/timeliness.h"

#include <stdlib.h>
#include <string.h>

pdate timeliness_due(pdate d, int due_day)
{
	int y, mo, dd;

	date_to_ymd(d, &y, &mo, &dd);
	if (++mo > 12) {
		mo = 1;
		y++;
	}
	return date_from_ymd(y, mo, due_day);
}

static int by_id(const void *x, const void *y)
{
	return strcmp(((const struct timely *)x)->id, ((const struct timely *)y)->id);
}

void timeliness_build(struct timeliness *t, const struct model *m, const struct history *h,
	struct arena *a)
{
	size_t i, k;

	memset(t, 0, sizeof(*t));
	t->due_day = m->site.report_due_day ? m->site.report_due_day : TIMELY_DEFAULT_DUE_DAY;
	t->n_groups = m->site.n_groups;
	t->groups = arena_alloc(a, (t->n_groups + 1) * sizeof(*t->groups));
	for (i = 0; i < t->n_groups; i++) {
		t->groups[i].id = m->site.groups[i].id;
		t->groups[i].reports = t->groups[i].on_time = 0;
	}
	t->officers = arena_alloc(a, (m->n_people + 1) * sizeof(*t->officers));
	for (i = 0; i < m->n_people; i++) {
		t->officers[i].id = m->people[i].id;
		t->officers[i].reports = t->officers[i].on_time = 0;
	}
	if (!h || !h->available)
		return;
	t->available = 1;
	for (i = 0; i < m->n_reports; i++) {
		const struct report *r = m->reports[i];
		const struct hist_file *f = history_file(h, r->path);
		int ok;
		if (r->date > m->today || !f || !f->time || f->present_at_start)
			continue;
		ok = history_date(f->time) <= timeliness_due(r->date, t->due_day);
		t->reports++;
		t->on_time += ok;
		for (k = 0; r->project && k < t->n_groups; k++)
			if (strcmp(t->groups[k].id, r->project->group) == 0) {
				t->groups[k].reports++;
				t->groups[k].on_time += ok;
			}
		for (k = 0; r->reporter && k < m->n_people; k++)
			if (strcmp(t->officers[k].id, r->reporter) == 0) {
				t->officers[k].reports++;
				t->officers[k].on_time += ok;
				break;
			}
	}
	for (i = k = 0; i < m->n_people; i++) /* keep those with a report */
		if (t->officers[i].reports)
			t->officers[k++] = t->officers[i];
	t->n_officers = k;
	if (k)
		qsort(t->officers, k, sizeof(*t->officers), by_id);
}
