/* purge.c: see purge.h. */
#include "desk/purge.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "errmsg.h"
#include "formcheck.h"
#include "load/complaints.h"
#include "load/submissions.h"

static int sqlerr(struct inbox_db *x, const char *what, char *err, size_t errlen)
{
	err_set(err, errlen, "database error (%s): %s / ฐานข้อมูลขัดข้อง", what, sqlite3_errmsg(x->db));
	return -1;
}

int purge_closed_on(const struct complaint_resp *resp, pdate *since)
{
	const struct case_event *e;

	if (!resp || !resp->n_history)
		return 0;
	e = &resp->history[resp->n_history - 1];
	*since = e->date;
	return case_status_closed(e->status) ? 1 : 0;
}

/* Run st (bound) to completion and reset it. */
static int step_done(struct inbox_db *x, sqlite3_stmt *st, const char *what, char *err, size_t errlen)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : sqlerr(x, what, err, errlen);
}

/* 1 if a value of this field survives a purge. */
static int keep_value(const struct form_def *form, const char *name)
{
	size_t i;

	for (i = 0; form && i < form->n_fields; i++) {
		const struct form_field *f = &form->fields[i];
		if (strcmp(f->name, name) != 0)
			continue;
		return !field_sealed(form, f) && (f->type == FT_CHOICE || f->type == FT_SCALE || f->type == FT_CHECKBOX ||
					f->type == FT_DATE);
	}
	return 0;
}

/* The complaints to purge, oldest first, into out (from a). */
static int find_victims(struct inbox_db *x, purge_resp_fn resp_of, void *ctx, pdate before, struct arena *a,
			struct purge_result *out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	pdate since;
	int rc;

	if (sqlite3_prepare_v2(x->db, "SELECT id, code, form_id FROM submissions WHERE kind = 'complaint'"
				      " AND purged_at IS NULL AND code IS NOT NULL ORDER BY created_at, id",
			       -1, &st, NULL) != SQLITE_OK)
		return sqlerr(x, "submissions", err, errlen);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *form = (const char *)sqlite3_column_text(st, 2);
		if (!purge_closed_on(resp_of(ctx, code), &since) || since >= before)
			continue;
		if (out->n == (size_t)SUBS_MAX_CASES) {
			sqlite3_finalize(st);
			err_set(err, errlen, "more than %ld cases / มากเกินไป", SUBS_MAX_CASES);
			return -1;
		}
		if (out->n == alloc) { /* grow in the arena (cases are few) */
			struct purge_victim *nv = arena_alloc(a, (alloc ? alloc * 2 : 64) * sizeof(*nv));
			if (out->n)
				memcpy(nv, out->v, out->n * sizeof(*nv));
			out->v = nv;
			alloc = alloc ? alloc * 2 : 64;
		}
		out->v[out->n].id = sqlite3_column_int64(st, 0);
		snprintf(out->v[out->n].code, sizeof out->v[out->n].code, "%s", code);
		snprintf(out->v[out->n].form_id, sizeof out->v[out->n].form_id, "%s", form ? form : "");
		out->v[out->n].closed = since;
		out->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sqlerr(x, "submissions", err, errlen);
}

enum { P_SEAL, P_FILES, P_RECENT, P_NAMES, P_DEL_VALUE, P_N };
static const char *const purge_sql[P_N] = {
	[P_SEAL] = "UPDATE submissions SET sealed = NULL, purged_at = ?2 WHERE id = ?1 AND purged_at IS NULL",
	[P_FILES] = "DELETE FROM attachments WHERE submission_id = ?1",
	[P_RECENT] = "DELETE FROM recent_submissions WHERE submission_id = ?1",
	[P_NAMES] = "SELECT name FROM submission_values WHERE submission_id = ?1",
	[P_DEL_VALUE] = "DELETE FROM submission_values WHERE submission_id = ?1 AND name = ?2",
};

static int purge_one(struct inbox_db *x, sqlite3_stmt **st, const struct purge_victim *v, const char *now,
		     struct arena *a, char *err, size_t errlen)
{
	const struct form_def *form = inbox_db_form(x, v->form_id);
	const char *drop[FORMDATA_MAX_PARTS];
	size_t n = 0, i;
	int rc;

	sqlite3_bind_int64(st[P_SEAL], 1, v->id);
	sqlite3_bind_text(st[P_SEAL], 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st[P_FILES], 1, v->id);
	sqlite3_bind_int64(st[P_RECENT], 1, v->id);
	if (step_done(x, st[P_SEAL], "purge", err, errlen) || step_done(x, st[P_FILES], "attachments", err, errlen) ||
	    step_done(x, st[P_RECENT], "recent_submissions", err, errlen))
		return -1;
	sqlite3_bind_int64(st[P_NAMES], 1, v->id);
	while ((rc = sqlite3_step(st[P_NAMES])) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st[P_NAMES], 0);
		if (name && keep_value(form, name))
			continue;
		if (n == FORMDATA_MAX_PARTS) {
			rc = SQLITE_ERROR;
			break;
		}
		drop[n++] = arena_strdup(a, name ? name : "");
	}
	sqlite3_reset(st[P_NAMES]);
	if (rc != SQLITE_DONE)
		return sqlerr(x, "submission_values", err, errlen);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st[P_DEL_VALUE], 1, v->id);
		sqlite3_bind_text(st[P_DEL_VALUE], 2, drop[i], -1, SQLITE_STATIC);
		if (step_done(x, st[P_DEL_VALUE], "submission_values", err, errlen))
			return -1;
	}
	return 0;
}

int purge_run(struct inbox_db *x, purge_resp_fn resp_of, void *ctx, pdate before, int dry_run, const char *now,
	      struct arena *a, struct purge_result *out, char *err, size_t errlen)
{
	sqlite3_stmt *st[P_N] = { NULL };
	size_t i;
	int k, log = 0, done = 0;

	memset(out, 0, sizeof *out);
	db_set_busy_timeout(x->db, PURGE_BUSY_MS);
	if (sqlite3_exec(x->db, "PRAGMA secure_delete=ON", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(x->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return sqlerr(x, "begin", err, errlen);
	if (find_victims(x, resp_of, ctx, before, a, out, err, errlen))
		goto rollback;
	for (k = 0; k < P_N; k++)
		if (sqlite3_prepare_v2(x->db, purge_sql[k], -1, &st[k], NULL) != SQLITE_OK) {
			sqlerr(x, purge_sql[k], err, errlen);
			goto rollback;
		}
	for (i = 0; i < out->n && !dry_run; i++)
		if (purge_one(x, st, &out->v[i], now, a, err, errlen))
			goto rollback;
	for (k = 0; k < P_N; k++) {
		sqlite3_finalize(st[k]);
		st[k] = NULL;
	}
	if (sqlite3_exec(x->db, dry_run ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlerr(x, "commit", err, errlen);
		goto rollback;
	}
	/* truncate the WAL: the old page images go with it (also finishes one
	 * that a reader blocked last time); never fails the purge */
	if (!dry_run && sqlite3_wal_checkpoint_v2(x->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) != SQLITE_OK)
		out->wal_kept = 1;
	return 0;
rollback:
	for (k = 0; k < P_N; k++)
		sqlite3_finalize(st[k]);
	if (!sqlite3_get_autocommit(x->db))
		sqlite3_exec(x->db, "ROLLBACK", NULL, NULL, NULL);
	out->n = 0;
	return -1;
}
