/* staffinfo.c: see staffinfo.h.  Tables: common/staffdb.c. */
#define _DEFAULT_SOURCE /* realpath under c11 */
#include "publish/staffinfo.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "desk/answer.h"
#include "db.h"
#include "errmsg.h"
#include "origin.h"
#include "model/dates.h"
#include "model/schema.h"
#include "staffdb.h"

enum { S_PERSON, S_PROJECT, S_MEMBER, S_KPI, S_REPORT, S_SETTING, S_N };

static const char *const sql[S_N] = {
	"INSERT INTO staff_people(id, name, grp, roles) VALUES (?,?,?,?)",
	("INSERT INTO staff_projects(id, fiscal_year, title, grp, owner, start, end, allocated, status) "
	 "VALUES (?,?,?,?,?,?,?,?,?)"),
	"INSERT OR IGNORE INTO staff_members(project_id, person_id) VALUES (?,?)",
	"INSERT OR IGNORE INTO staff_kpis(project_id, position, kpi_id, name, unit, target) VALUES (?,?,?,?,?,?)",
	"INSERT OR REPLACE INTO staff_reports(project_id, date, percent, disbursed, kpis) VALUES (?,?,?,?,?)",
	"INSERT OR REPLACE INTO staff_settings(key, value) VALUES (?,?)",
};

static void text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

static int step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Insert the two text parameters a and b with st. */
static int bind2(sqlite3_stmt *st, const char *a, const char *b)
{
	text(st, 1, a);
	text(st, 2, b);
	return step(st);
}

/* What the complaint desk needs (staffinfo.h): the collector's database,
 * the holidays and the responses. */
static int fill_desk(sqlite3_stmt *set, const struct model *m, const char *collector_db)
{
	char abs[PATH_MAX], iso[11], key[64];
	struct buf h;
	size_t i;
	int bad;

	if (collector_db && *collector_db) {
		/* the file may not exist yet on a first build: its folder does */
		const char *slash = strrchr(collector_db, '/');
		char dir[PATH_MAX];
		if (collector_db[0] == '/')
			snprintf(abs, sizeof abs, "%s", collector_db);
		else if (snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - collector_db) : 1,
				  slash ? collector_db : ".") < (int)sizeof dir && realpath(dir, abs) &&
			 strlen(abs) + strlen(slash ? slash : collector_db) + 2 < sizeof abs)
			snprintf(abs + strlen(abs), sizeof abs - strlen(abs), "/%s", slash ? slash + 1 : collector_db);
		else
			snprintf(abs, sizeof abs, "%s", collector_db);
		if (bind2(set, "collector_db", abs))
			return -1;
	}
	buf_init(&h, 64 * 1024);
	for (i = 0; i < m->n_holidays; i++) {
		date_iso(m->holidays[i], iso);
		buf_printf(&h, "%s%s", i ? " " : "", iso);
	}
	bad = h.err != BUF_OK || bind2(set, "holidays", buf_str(&h));
	buf_free(&h);
	if (bad)
		return -1;
	for (i = 0; i < m->n_responses; i++) {
		char *y = answer_yaml(m->responses[i], NULL);
		snprintf(key, sizeof key, "case:%s", m->responses[i]->code);
		bad = !y || bind2(set, key, y);
		free(y);
		if (bad)
			return -1;
	}
	return 0;
}

static int fill(sqlite3 *db, sqlite3_stmt **st, const struct model *m, const char *origins)
{
	size_t i, j;
	char iso[11], roles[160], list[ORIGIN_LIST_SIZE] = "";
	const char *o = origins ? origins : "";

	/* the origins staff.cgi accepts POSTs from (base_url's and --origin's,
	 * as for the collector: origin.h), and the office */
	if (m->site.base_url)
		origin_list_add(list, sizeof list, m->site.base_url);
	while (*o) {
		char url[ORIGIN_MAX];
		size_t n = strcspn(o, " ");
		snprintf(url, sizeof url, "%.*s", (int)(n < sizeof url ? n : sizeof url - 1), o);
		origin_list_add(list, sizeof list, url);
		o += n;
		o += strspn(o, " ");
	}
	if (bind2(st[S_SETTING], "origins", list))
		return -1;
	if (bind2(st[S_SETTING], "office", m->site.name))
		return -1;
	/* the staff's page of the survey of the system itself (the memo's
	 * indicator), which the staff area links: its path under the site root */
	for (i = 0; i < m->n_forms; i++) {
		const struct form_field *rf = m->forms[i].kind == FORM_SURVEY ?
			form_respondent_field(&m->forms[i]) : NULL;
		char path[256];
		for (j = 0; rf && j < rf->n_choices; j++)
			if (strcmp(rf->choices[j].value, FORM_RESPONDENT_STAFF) == 0)
				break;
		if (!rf || j == rf->n_choices)
			continue;
		snprintf(path, sizeof path, FORM_RESPONDENT_PATH, m->forms[i].id, FORM_RESPONDENT_STAFF);
		if (bind2(st[S_SETTING], STAFFDB_SURVEY_KEY, path))
			return -1;
		break;
	}

	for (i = 0; i < m->n_people; i++) {
		const struct person *p = &m->people[i];
		roles[0] = '\0';
		for (j = 0; role_names[j]; j++)
			if (p->roles & (1u << j))
				snprintf(roles + strlen(roles), sizeof roles - strlen(roles), "%s%s",
					 roles[0] ? " " : "", role_names[j]);
		text(st[S_PERSON], 1, p->id);
		text(st[S_PERSON], 2, p->name);
		text(st[S_PERSON], 3, p->group);
		text(st[S_PERSON], 4, roles);
		if (step(st[S_PERSON]))
			return -1;
	}
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		text(st[S_PROJECT], 1, p->id);
		sqlite3_bind_int(st[S_PROJECT], 2, p->fiscal_year);
		text(st[S_PROJECT], 3, p->title);
		text(st[S_PROJECT], 4, p->group);
		text(st[S_PROJECT], 5, p->owner);
		date_iso(p->start, iso);
		text(st[S_PROJECT], 6, iso);
		date_iso(p->end, iso);
		text(st[S_PROJECT], 7, iso);
		sqlite3_bind_int64(st[S_PROJECT], 8, p->allocated);
		text(st[S_PROJECT], 9, p->status_override == ST_CANCELLED ? "cancelled" :
		     p->status_override == ST_SUSPENDED ? "suspended" : "");
		if (step(st[S_PROJECT]) || bind2(st[S_MEMBER], p->id, p->owner))
			return -1;
		for (j = 0; j < p->n_team; j++)
			if (bind2(st[S_MEMBER], p->id, p->team[j]))
				return -1;
		for (j = 0; j < p->n_kpis; j++) {
			text(st[S_KPI], 1, p->id);
			sqlite3_bind_int(st[S_KPI], 2, (int)j);
			text(st[S_KPI], 3, p->kpis[j].id);
			text(st[S_KPI], 4, p->kpis[j].name);
			text(st[S_KPI], 5, p->kpis[j].unit);
			sqlite3_bind_int64(st[S_KPI], 6, p->kpis[j].target);
			if (step(st[S_KPI]))
				return -1;
		}
		for (j = 0; j < p->n_reports; j++) {
			const struct report *r = p->reports[j];
			struct buf k;
			size_t x;
			int bad;

			buf_init(&k, 64 * 1024);
			for (x = 0; x < r->n_kpis; x++)
				buf_printf(&k, "%s%s=%lld", x ? " " : "", r->kpis[x].kpi, (long long)r->kpis[x].value);
			text(st[S_REPORT], 1, p->id);
			date_iso(r->date, iso);
			text(st[S_REPORT], 2, iso);
			sqlite3_bind_int64(st[S_REPORT], 3, r->percent);
			sqlite3_bind_int64(st[S_REPORT], 4, r->disbursed);
			text(st[S_REPORT], 5, buf_str(&k));
			bad = k.err != BUF_OK || step(st[S_REPORT]);
			buf_free(&k);
			if (bad)
				return -1;
		}
	}
	(void)db;
	return 0;
}

int staffinfo_install(const char *path, const struct model *m, const char *origins, const char *collector_db,
	char *err, size_t errlen)
{
	sqlite3 *db;
	sqlite3_stmt *st[S_N] = { NULL };
	int i, rc = -1;

	if (staffdb_open(path, DB_OPEN_CREATE, &db, err, errlen) != 0)
		return -1;
	if (sqlite3_exec(db, "BEGIN IMMEDIATE; DELETE FROM staff_settings; DELETE FROM staff_reports; DELETE FROM staff_kpis;"
			 "DELETE FROM staff_members; DELETE FROM staff_projects; DELETE FROM staff_people;",
			 NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	for (i = 0; i < S_N; i++)
		if (sqlite3_prepare_v2(db, sql[i], -1, &st[i], NULL) != SQLITE_OK)
			goto out;
	if (fill(db, st, m, origins) == 0 && fill_desk(st[S_SETTING], m, collector_db) == 0 &&
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		rc = 0;
out:
	if (rc)
		err_set(err, errlen, "staff database %s: %s / ติดตั้งข้อมูลโครงการลงฐานข้อมูลเจ้าหน้าที่ไม่ได้", path,
			sqlite3_errmsg(db));
	for (i = 0; i < S_N; i++)
		sqlite3_finalize(st[i]);
	if (rc)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}
