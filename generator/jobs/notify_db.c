/* notify_db.c: see notify_db.h. */
#include "jobs/notify_db.h"
#include "formcheck.h"
#include "utcstamp.h"
#include "errmsg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "db.h"

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

static int dberr(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	err_set(err, errlen, "database: %s: %s / ฐานข้อมูลผิดพลาด", what, sqlite3_errmsg(db));
	return -1;
}

int notify_db_open(const char *path, int readonly, sqlite3 **db, char *err, size_t errlen)
{
	if (db_open(path, readonly ? DB_OPEN_READONLY : DB_OPEN_EXISTING, db, err, errlen) != 0)
		return -1;
	if (db_require_current(*db, path, err, errlen) != 0) {
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	if (!readonly)
		db_set_busy_timeout(*db, 30000); /* not a web request: waiting is fine */
	return 0;
}

static void cutoff_string(time_t now, long max_age_hours, char out[32])
{
	utc_stamp(now - (time_t)max_age_hours * 3600, out);
}

/* The SQL condition on s (submissions) for the channel's forms: form ids
 * bound from parameter ?11 on. */
static void cover_sql(const struct notify_channel *ch, char *out, size_t outlen)
{
	size_t i, o;

	if (!ch->n_forms) {
		snprintf(out, outlen, "s.kind = 'complaint'");
		return;
	}
	o = (size_t)snprintf(out, outlen, "s.form_id IN (");
	for (i = 0; i < ch->n_forms && o < outlen; i++)
		o += (size_t)snprintf(out + o, outlen - o, "%s?%zu", i ? "," : "", 11 + i);
	if (o < outlen)
		snprintf(out + o, outlen - o, ")");
}

static int prepare(sqlite3 *db, const struct notify_channel *ch, const char *fmt, sqlite3_stmt **st,
		   char *err, size_t errlen)
{
	char cover[NOTIFYCONF_MAX_FORMS * 8 + 64], sql[4096];
	size_t i;

	cover_sql(ch, cover, sizeof cover);
	snprintf(sql, sizeof sql, fmt, cover);
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return dberr(db, "prepare", err, errlen);
	sqlite3_bind_text(*st, 1, ch->name, -1, SQLITE_STATIC);
	for (i = 0; i < ch->n_forms; i++)
		sqlite3_bind_text(*st, (int)(11 + i), ch->forms[i], -1, SQLITE_STATIC);
	return 0;
}

static const char sql_old[] =
	"INSERT INTO notices(submission_id, channel, state, attempts, next_attempt_at, last_error) "
	"SELECT s.id, ?1, 'gave_up', 0, 0, '" NOTIFY_DB_TOO_OLD "' FROM submissions s "
	"WHERE (%s) AND s.created_at < ?2 AND NOT EXISTS "
	"(SELECT 1 FROM notices n WHERE n.submission_id = s.id AND n.channel = ?1)";
static const char sql_new[] =
	"INSERT INTO notices(submission_id, channel, state, attempts, next_attempt_at, last_error) "
	"SELECT s.id, ?1, 'pending', 0, 0, NULL FROM submissions s "
	"WHERE (%s) AND s.created_at >= ?2 AND NOT EXISTS "
	"(SELECT 1 FROM notices n WHERE n.submission_id = s.id AND n.channel = ?1)";

static int run_insert(sqlite3 *db, const struct notify_channel *ch, const char *fmt, const char *cutoff,
		      long *count, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(db, ch, fmt, &st, err, errlen) != 0)
		return -1;
	sqlite3_bind_text(st, 2, cutoff, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "schedule notices", err, errlen);
	*count = sqlite3_changes(db);
	return 0;
}

int notify_db_schedule(sqlite3 *db, const struct notify_channel *ch, time_t now, long max_age_hours,
		       long *n_new, long *n_old, char *err, size_t errlen)
{
	char cutoff[32];

	*n_new = *n_old = 0;
	cutoff_string(now, max_age_hours, cutoff);
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return dberr(db, "begin", err, errlen);
	if (run_insert(db, ch, sql_old, cutoff, n_old, err, errlen) != 0 ||
	    run_insert(db, ch, sql_new, cutoff, n_new, err, errlen) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		*n_new = *n_old = 0;
		return -1;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		dberr(db, "commit", err, errlen);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		*n_new = *n_old = 0;
		return -1;
	}
	return 0;
}

int notify_db_count_old(sqlite3 *db, const struct notify_channel *ch, time_t now, long max_age_hours,
			long *n, char *err, size_t errlen)
{
	char cutoff[32];
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	cutoff_string(now, max_age_hours, cutoff);
	if (prepare(db, ch, "SELECT count(*) FROM submissions s WHERE (%s) AND s.created_at < ?2 AND NOT EXISTS "
		    "(SELECT 1 FROM notices n WHERE n.submission_id = s.id AND n.channel = ?1)",
		    &st, err, errlen) != 0)
		return -1;
	sqlite3_bind_text(st, 2, cutoff, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : dberr(db, "count", err, errlen);
}

/* The due rows.  Normal runs start from the index notices_state; a dry
 * run also looks for submissions without a row.  The category and district
 * are taken from the form's choices (cc, cd), never from the submitted
 * value: a form whose category or district is free text sends nothing of
 * it (only fixed vocabulary reaches a notice, issue 19.5). */
#define DUE_COLUMNS \
	"SELECT s.id, s.form_id, s.kind, s.channel, s.code, s.created_at, coalesce(n.attempts, 0), " \
	"n.submission_id IS NULL, f.title_th, f.title_en, " \
	"cc.value, cc.label_th, cc.label_en, cd.value, cd.label_th, cd.label_en "
#define DUE_JOINS \
	"LEFT JOIN forms f ON f.id = s.form_id " \
	"LEFT JOIN submission_values vc ON vc.submission_id = s.id AND vc.name = 'category' " \
	"LEFT JOIN form_fields fc ON fc.form_id = s.form_id AND fc.name = 'category' AND fc.type = 'choice' " \
	"LEFT JOIN form_choices cc ON cc.form_id = fc.form_id AND cc.field_name = fc.name " \
	"AND cc.value = vc.value " \
	"LEFT JOIN submission_values vd ON vd.submission_id = s.id AND vd.name = 'district' " \
	"LEFT JOIN form_fields fd ON fd.form_id = s.form_id AND fd.name = 'district' AND fd.type = 'choice' " \
	"LEFT JOIN form_choices cd ON cd.form_id = fd.form_id AND cd.field_name = fd.name " \
	"AND cd.value = vd.value "
static const char sql_due[] = DUE_COLUMNS
	"FROM notices n JOIN submissions s ON s.id = n.submission_id " DUE_JOINS
	"WHERE n.channel = ?1 AND n.state = 'pending' AND n.next_attempt_at <= ?2 AND (%s) "
	"ORDER BY s.id LIMIT ?5";
static const char sql_due_unseen[] = DUE_COLUMNS
	"FROM submissions s LEFT JOIN notices n ON n.submission_id = s.id AND n.channel = ?1 " DUE_JOINS
	"WHERE (%s) AND ((n.state = 'pending' AND n.next_attempt_at <= ?2) OR "
	"(n.submission_id IS NULL AND s.created_at >= ?4)) "
	"ORDER BY s.id LIMIT ?5";

static const char *dup(struct arena *a, sqlite3_stmt *st, int col)
{
	const char *s = COL_TEXT(st, col);

	return s ? arena_strdup(a, s) : NULL;
}

/* A tracking code as the collector writes it: XXXX-XXXX-XXXX-XXXX. */
static int code_ok(const char *s)
{
	size_t i;

	if (!s || strlen(s) != 19)
		return 0;
	for (i = 0; i < 19; i++)
		if (i % 5 == 4 ? s[i] != '-' : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

static int utc_ok(const char *s)
{
	size_t i;
	static const char pat[] = "dddd-dd-ddTdd:dd:ddZ";

	if (!s || strlen(s) != sizeof pat - 1)
		return 0;
	for (i = 0; pat[i]; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
			return 0;
	return 1;
}

int notify_db_due(sqlite3 *db, const struct notify_channel *ch, time_t now, int unseen,
		  long max_age_hours, long limit, struct arena *a, struct notify_due **items,
		  size_t *n, int *more, long *bad, char *err, size_t errlen)
{
	char cutoff[32];
	sqlite3_stmt *st;
	struct notify_due *v;
	size_t k = 0;
	int rc;

	*items = NULL;
	*n = 0;
	*more = 0;
	*bad = 0;
	if (limit < 1)
		limit = 1;
	cutoff_string(now, max_age_hours, cutoff);
	if (prepare(db, ch, unseen ? sql_due_unseen : sql_due, &st, err, errlen) != 0)
		return -1;
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	sqlite3_bind_text(st, 4, cutoff, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit + 1);
	v = arena_alloc(a, (size_t)(limit + 1) * sizeof *v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct notify_due *d = &v[k];
		struct notice_info *i = &d->info;
		if (k == (size_t)limit) {
			*more = 1;
			continue;
		}
		memset(d, 0, sizeof *d);
		i->id = sqlite3_column_int64(st, 0);
		i->form_id = dup(a, st, 1);
		i->kind = dup(a, st, 2);
		i->channel = dup(a, st, 3);
		i->code = dup(a, st, 4);
		i->created_at = dup(a, st, 5);
		d->attempts = (long)sqlite3_column_int64(st, 6);
		d->fresh = sqlite3_column_int(st, 7);
		i->form_title_th = dup(a, st, 8);
		i->form_title_en = dup(a, st, 9);
		i->category = dup(a, st, 10);
		i->category_th = dup(a, st, 11);
		i->category_en = dup(a, st, 12);
		i->district = dup(a, st, 13);
		i->district_th = dup(a, st, 14);
		i->district_en = dup(a, st, 15);
		if (!form_id_valid(i->form_id) || !utc_ok(i->created_at) || !i->kind || !i->channel ||
		    (strcmp(i->kind, "survey") != 0 && !code_ok(i->code)) ||
		    (strcmp(i->kind, "survey") == 0 && i->code)) {
			(*bad)++;
			continue;
		}
		k++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "read due notices", err, errlen);
	*items = v;
	*n = k;
	return 0;
}

int notify_db_sent(sqlite3 *db, long long id, const char *channel, time_t now, const char *note,
		   char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char when[32];
	int rc;

	utc_stamp(now, when);
	if (sqlite3_prepare_v2(db, "UPDATE notices SET state = 'sent', sent_at = ?3, attempts = attempts + 1, "
			       "last_error = ?4 WHERE submission_id = ?1 AND channel = ?2 AND state = 'pending'",
			       -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "prepare", err, errlen);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, when, -1, SQLITE_STATIC);
	if (note)
		sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "record the delivery", err, errlen);
	if (sqlite3_changes(db) != 1) {
		err_set(err, errlen, "database: the notice is no longer pending / รายการแจ้งเตือนไม่อยู่ในสถานะรอส่งแล้ว");
		return -1;
	}
	return 0;
}

int notify_db_failed(sqlite3 *db, long long id, const char *channel, time_t next, int gave_up,
		     const char *error, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "UPDATE notices SET attempts = attempts + 1, last_error = ?3, "
			       "next_attempt_at = ?4, state = CASE WHEN ?5 THEN 'gave_up' ELSE 'pending' END "
			       "WHERE submission_id = ?1 AND channel = ?2 AND state = 'pending'",
			       -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "prepare", err, errlen);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, error, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)next);
	sqlite3_bind_int(st, 5, gave_up);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "record the failure", err, errlen);
	return 0;
}
