#include "model/model.h"

#include <stdlib.h>
#include <string.h>

void model_init(struct model *m)
{
	int i;

	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
	for (i = 0; i < MODEL_MAX_JOBS; i++)
		arena_init(&m->worker[i]);
}

void model_free(struct model *m)
{
	int i;

	arena_free(&m->arena);
	for (i = 0; i < MODEL_MAX_JOBS; i++)
		arena_free(&m->worker[i]);
	memset(m, 0, sizeof(*m));
}

struct project *model_project(const struct model *m, const char *id)
{
	size_t lo = 0, hi = m->n_projects;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->projects[mid]->id, id);
		if (c == 0)
			return m->projects[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct source_digest *model_source(const struct model *m, const char *rel)
{
	size_t lo = 0, hi = m->n_sources;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->sources[mid].rel, rel);
		if (c == 0)
			return &m->sources[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_person(const void *a, const void *b)
{
	return strcmp((*(const struct person *const *)a)->id, (*(const struct person *const *)b)->id);
}

void model_index(struct model *m)
{
	size_t i;

	m->people_by_id = arena_alloc(&m->arena, (m->n_people + 1) * sizeof(*m->people_by_id));
	for (i = 0; i < m->n_people; i++)
		m->people_by_id[i] = &m->people[i];
	if (m->n_people)
		qsort(m->people_by_id, m->n_people, sizeof(*m->people_by_id), cmp_person);
}

const struct person *model_person(const struct model *m, const char *id)
{
	size_t lo = 0, hi = m->people_by_id ? m->n_people : 0, i;

	if (!m->people_by_id) { /* before model_index() */
		for (i = 0; i < m->n_people; i++)
			if (strcmp(m->people[i].id, id) == 0)
				return &m->people[i];
		return NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->people_by_id[mid]->id, id);
		if (c == 0)
			return m->people_by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct named *find_named(const struct named *list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	return NULL;
}

const struct named *model_district(const struct model *m, const char *id)
{
	return find_named(m->site.districts, m->site.n_districts, id);
}

const struct named *model_group(const struct model *m, const char *id)
{
	return find_named(m->site.groups, m->site.n_groups, id);
}

const struct named *model_dimension(const struct model *m, const char *id)
{
	return find_named(m->site.dimensions, m->site.n_dimensions, id);
}

const struct disb_target *model_target(const struct model *m, int fy)
{
	size_t i;

	for (i = 0; i < m->site.n_targets; i++)
		if (m->site.targets[i].fiscal_year == fy)
			return &m->site.targets[i];
	return NULL;
}

const struct form_def *model_form(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; id && i < m->n_forms; i++)
		if (strcmp(m->forms[i].id, id) == 0)
			return &m->forms[i];
	return NULL;
}

static const char *const status_names[ST__COUNT] = {
	"not-started", "on-track", "behind", "seriously-behind", "completed", "cancelled", "suspended"
};
static const char *const status_th[ST__COUNT] = {
	"ยังไม่เริ่ม", "ตามแผน", "ล่าช้า", "ล่าช้ามาก", "เสร็จสิ้น", "ยกเลิก", "ระงับ"
};
static const char *const status_en[ST__COUNT] = {
	"Not started", "On track", "Behind", "Seriously behind", "Completed", "Cancelled", "Suspended"
};

const char *status_name(enum project_status s)
{
	return s < ST__COUNT ? status_names[s] : "";
}

const char *status_label_th(enum project_status s)
{
	return s < ST__COUNT ? status_th[s] : "";
}

const char *status_label_en(enum project_status s)
{
	return s < ST__COUNT ? status_en[s] : "";
}
