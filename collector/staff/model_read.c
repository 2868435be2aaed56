/* model_read.c: the staff database's copy of the content (people,
 * projects, their teams, KPIs and reports, which `prongsai build
 * --staff-db` installs) read into a struct model, for the progress form
 * (one project) and the sheet (all of them); and today's date in the
 * office's time zone (staffcgi.h). */
#include "staffcgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "model/model.h"
#include "model/schema.h"

pdate staff_today(const struct staff_req *r)
{
	time_t t = r->now + 7 * 3600; /* Asia/Bangkok: UTC+7, no DST */
	struct tm tm;

	gmtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *text(struct model *m, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return arena_strdup(&m->arena, t ? (const char *)t : "");
}

/* Grow an arena array of n elements of size sz to hold one more: a new
 * copy when full (cap doubles).  NULL at the cap max. */
static void *grow(struct model *m, void *arr, size_t n, size_t *cap, size_t sz, size_t max)
{
	void *bigger;

	if (n < *cap)
		return arr;
	if (n >= max)
		return NULL;
	*cap = *cap ? *cap * 2 : 16;
	if (*cap > max)
		*cap = max;
	bigger = arena_alloc(&m->arena, *cap * sz);
	if (n)
		memcpy(bigger, arr, n * sz);
	return bigger;
}

/* "officer group-director" into ROLE_* bits (names in schema.h). */
static unsigned parse_roles(const char *s)
{
	unsigned bits = 0;
	size_t j, n;

	while (*s) {
		s += strspn(s, " ");
		n = strcspn(s, " ");
		for (j = 0; n && role_names[j]; j++)
			if (strlen(role_names[j]) == n && strncmp(role_names[j], s, n) == 0)
				bits |= 1u << j;
		s += n;
	}
	return bits;
}

/* "villages=100 households=2000" into r's KPI actuals (the first
 * STAFF_MAX_KPIS). */
static void parse_kpis(struct model *m, struct report *r, const char *s)
{
	char *copy = arena_strdup(&m->arena, s), *tok, *save = NULL, *eq;
	size_t n = 0;
	const char *c;

	for (c = s; (c = strchr(c, '=')) != NULL; c++)
		n++;
	r->kpis = arena_alloc(&m->arena, ((n < STAFF_MAX_KPIS ? n : STAFF_MAX_KPIS) + 1) * sizeof *r->kpis);
	for (tok = strtok_r(copy, " ", &save); tok && r->n_kpis < STAFF_MAX_KPIS; tok = strtok_r(NULL, " ", &save))
		if ((eq = strchr(tok, '=')) != NULL) {
			*eq = '\0';
			r->kpis[r->n_kpis].kpi = tok;
			r->kpis[r->n_kpis++].value = strtoll(eq + 1, NULL, 10);
		}
}

/* st prepared from sql with "?1" bound to project_id (NULL: every row, the
 * SQL's "?1 IS NULL" branch).  SQLITE_OK or the prepare's error. */
static int prepare(sqlite3 *db, const char *sql, const char *project_id, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);

	if (rc == SQLITE_OK && project_id)
		sqlite3_bind_text(*st, 1, project_id, -1, SQLITE_STATIC);
	return rc;
}

int staff_model_read(struct staff_req *r, struct model *m, const char *project_id)
{
	sqlite3_stmt *st;
	size_t cap = 0, rcap = 0, i;
	int be, rc = 0;
	void *g;

	if (sqlite3_prepare_v2(r->db, "SELECT id, name, grp, roles FROM staff_people ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct person *p;
		if (!(g = grow(m, m->people, m->n_people, &cap, sizeof *m->people, STAFF_SHEET_MAX_PEOPLE))) {
			rc = -1; /* m->people stays whole */
			break;
		}
		m->people = g;
		p = &m->people[m->n_people++];
		memset(p, 0, sizeof *p);
		p->id = text(m, st, 0);
		p->name = text(m, st, 1);
		p->group = text(m, st, 2);
		p->roles = parse_roles(text(m, st, 3));
	}
	sqlite3_finalize(st);
	if (rc)
		return -1;
	cap = 0;
	if (prepare(r->db, "SELECT id, fiscal_year, title, grp, owner, start, end, allocated, status "
			   "FROM staff_projects WHERE ?1 IS NULL OR id = ?1 ORDER BY id", project_id, &st) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct project *p;
		const char *status;
		if (!(g = grow(m, m->projects, m->n_projects, &cap, sizeof *m->projects, STAFF_SHEET_MAX_PROJECTS))) {
			rc = -1; /* m->projects stays whole */
			break;
		}
		m->projects = g;
		p = m->projects[m->n_projects++] = arena_alloc(&m->arena, sizeof *p);
		memset(p, 0, sizeof *p);
		p->id = text(m, st, 0);
		p->fiscal_year = sqlite3_column_int(st, 1);
		p->title = text(m, st, 2);
		p->group = text(m, st, 3);
		p->owner = text(m, st, 4);
		date_parse(text(m, st, 5), &p->start, &be);
		date_parse(text(m, st, 6), &p->end, &be);
		p->allocated = sqlite3_column_int64(st, 7);
		status = text(m, st, 8);
		p->status_override = strcmp(status, "cancelled") == 0 ? ST_CANCELLED :
				     strcmp(status, "suspended") == 0 ? ST_SUSPENDED : p->status_override;
	}
	sqlite3_finalize(st);
	model_index(m);
	if (rc)
		return -1;
	/* the team (the owner is among the members: harmless) */
	if (prepare(r->db, "SELECT project_id, person_id FROM staff_members WHERE ?1 IS NULL OR project_id = ?1 "
			   "ORDER BY project_id", project_id, &st) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct project *p = model_project(m, (const char *)sqlite3_column_text(st, 0));
		if (!p)
			continue;
		if (p->n_team >= STAFF_SHEET_MAX_TEAM) {
			rc = -1;
			break;
		}
		if (!p->team)
			p->team = arena_alloc(&m->arena, STAFF_SHEET_MAX_TEAM * sizeof *p->team);
		p->team[p->n_team++] = text(m, st, 1);
	}
	sqlite3_finalize(st);
	if (rc || prepare(r->db, "SELECT project_id, kpi_id, name, unit, target FROM staff_kpis "
				 "WHERE ?1 IS NULL OR project_id = ?1 ORDER BY project_id, position", project_id, &st) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct project *p = model_project(m, (const char *)sqlite3_column_text(st, 0));
		struct kpi *k;
		if (!p || p->n_kpis >= STAFF_MAX_KPIS)
			continue;
		if (!p->kpis)
			p->kpis = arena_alloc(&m->arena, (STAFF_MAX_KPIS + 1) * sizeof *p->kpis);
		k = &p->kpis[p->n_kpis++];
		memset(k, 0, sizeof *k);
		k->id = text(m, st, 1);
		k->name = text(m, st, 2);
		k->unit = text(m, st, 3);
		k->target = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	/* the reports by project and date: one array, each project's a slice */
	if (prepare(r->db, "SELECT project_id, date, percent, disbursed, kpis FROM staff_reports "
			   "WHERE ?1 IS NULL OR project_id = ?1 ORDER BY project_id, date", project_id, &st) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct project *p = model_project(m, (const char *)sqlite3_column_text(st, 0));
		struct report *x;
		if (!p)
			continue;
		if (!(g = grow(m, m->reports, m->n_reports, &rcap, sizeof *m->reports, STAFF_SHEET_MAX_REPORTS))) {
			rc = -1; /* m->reports stays whole */
			break;
		}
		m->reports = g;
		x = m->reports[m->n_reports++] = arena_alloc(&m->arena, sizeof *x);
		memset(x, 0, sizeof *x);
		x->project_id = p->id;
		x->project = p;
		x->fiscal_year = p->fiscal_year;
		date_parse(text(m, st, 1), &x->date, &be);
		x->path = arena_printf(&m->arena, "progress/%d/%s/%s.yaml", p->fiscal_year, p->id, text(m, st, 1));
		x->reporter = p->owner;
		x->percent = sqlite3_column_int64(st, 2);
		x->disbursed = sqlite3_column_int64(st, 3);
		parse_kpis(m, x, text(m, st, 4));
	}
	sqlite3_finalize(st);
	if (rc)
		return -1;
	for (i = 0; i < m->n_reports; i++) {
		struct project *p = m->reports[i]->project;
		if (!p->reports)
			p->reports = &m->reports[i];
		p->n_reports++;
	}
	return 0;
}
