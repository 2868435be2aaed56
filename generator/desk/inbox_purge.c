/* inbox_purge.c: `prongsai inbox purge --closed-before DATE [--dry-run]`
 * (inbox_cmd.h).
 *
 * A complaint is purged when its response file's last status is resolved
 * or rejected, dated before DATE, and it has not been purged yet.  In one
 * BEGIN IMMEDIATE transaction, for each: sealed = NULL, its attachments and
 * repeat digest deleted, its values deleted except those of non-personal
 * choice, scale, checkbox and date fields of its installed form (what the
 * statistics read; a submission whose form is gone keeps none), purged_at
 * set (UTC).  The row, its code and dates stay: the tracking page and the
 * statistics still count the case.  The connection runs with
 * secure_delete=ON (deleted content is overwritten with zeros) and
 * truncates the WAL after the commit, so the bytes leave the database file
 * and its WAL.  Surveys are never touched. */
#include "desk/inbox_cmd.h"
#include "formcheck.h"
#include "utcstamp.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "load/complaints.h"
#include "db.h"
#include "load/submissions.h"

#define PURGE_BUSY_MS 30000 /* wait for the collectors' short transactions */

struct victim {
	sqlite3_int64 id;
	char code[TRACKCODE_SIZE];
	char form_id[INBOX_FORM_ID_SIZE];
	pdate closed;
};

static int sqlerr(struct inbox_run *r, const char *what)
{
	fprintf(stderr, "prongsai inbox purge: database error (%s): %s / ฐานข้อมูลขัดข้อง\n", what,
		sqlite3_errmsg(r->x.db));
	return -1;
}

static int exec1(struct inbox_run *r, const char *sql)
{
	return sqlite3_exec(r->x.db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : sqlerr(r, sql);
}

/* Run st (bound) to completion and reset it. */
static int step_done(struct inbox_run *r, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : sqlerr(r, what);
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

/* The complaints to purge, oldest first, into *out (from a). */
static int find_victims(struct inbox_run *r, struct arena *a, struct victim **out, size_t *n)
{
	sqlite3_stmt *st;
	struct inbox_status s;
	struct victim *v = NULL;
	size_t alloc = 0;
	int rc;

	*n = 0;
	if (sqlite3_prepare_v2(r->x.db, "SELECT id, code, form_id FROM submissions WHERE kind = 'complaint'"
					" AND purged_at IS NULL AND code IS NOT NULL ORDER BY created_at, id",
			       -1, &st, NULL) != SQLITE_OK)
		return sqlerr(r, "submissions");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *form = (const char *)sqlite3_column_text(st, 2);
		inbox_status_of(&r->m, code, &s);
		if (!s.closed || s.since >= r->o->before)
			continue;
		if (*n == (size_t)SUBS_MAX_CASES) {
			sqlite3_finalize(st);
			fprintf(stderr, "prongsai inbox purge: more than %ld cases / มากเกินไป\n", SUBS_MAX_CASES);
			return -1;
		}
		if (*n == alloc) { /* grow in the arena (cases are few) */
			struct victim *nv = arena_alloc(a, (alloc ? alloc * 2 : 64) * sizeof(*nv));
			if (*n)
				memcpy(nv, v, *n * sizeof(*nv));
			v = nv;
			alloc = alloc ? alloc * 2 : 64;
		}
		v[*n].id = sqlite3_column_int64(st, 0);
		snprintf(v[*n].code, sizeof v[*n].code, "%s", code);
		snprintf(v[*n].form_id, sizeof v[*n].form_id, "%s", form ? form : "");
		v[*n].closed = s.since;
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlerr(r, "submissions");
	*out = v;
	return 0;
}

enum { P_SEAL, P_FILES, P_RECENT, P_NAMES, P_DEL_VALUE, P_N };
static const char *const purge_sql[P_N] = {
	[P_SEAL] = "UPDATE submissions SET sealed = NULL, purged_at = ?2 WHERE id = ?1 AND purged_at IS NULL",
	[P_FILES] = "DELETE FROM attachments WHERE submission_id = ?1",
	[P_RECENT] = "DELETE FROM recent_submissions WHERE submission_id = ?1",
	[P_NAMES] = "SELECT name FROM submission_values WHERE submission_id = ?1",
	[P_DEL_VALUE] = "DELETE FROM submission_values WHERE submission_id = ?1 AND name = ?2",
};

static int purge_one(struct inbox_run *r, sqlite3_stmt **st, const struct victim *v, const char *now,
		     struct arena *a)
{
	const struct form_def *form = inbox_db_form(&r->x, v->form_id);
	const char *drop[FORMDATA_MAX_PARTS];
	size_t n = 0, i;
	int rc;

	sqlite3_bind_int64(st[P_SEAL], 1, v->id);
	sqlite3_bind_text(st[P_SEAL], 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st[P_FILES], 1, v->id);
	sqlite3_bind_int64(st[P_RECENT], 1, v->id);
	if (step_done(r, st[P_SEAL], "purge") || step_done(r, st[P_FILES], "attachments") ||
	    step_done(r, st[P_RECENT], "recent_submissions"))
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
		return sqlerr(r, "submission_values");
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st[P_DEL_VALUE], 1, v->id);
		sqlite3_bind_text(st[P_DEL_VALUE], 2, drop[i], -1, SQLITE_STATIC);
		if (step_done(r, st[P_DEL_VALUE], "submission_values"))
			return -1;
	}
	return 0;
}

/* Truncate the WAL: the old page images go with it.  Never fails the purge. */
static void checkpoint(struct inbox_run *r)
{
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(r->x.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);

	if (rc != SQLITE_OK)
		fprintf(stderr, "prongsai inbox purge: คำเตือน ยังล้าง WAL ไม่ได้ (มีโปรแกรมอื่นกำลังอ่าน) ให้รันคำสั่งนี้อีกครั้งภายหลัง "
			"/ warning: the WAL could not be truncated now (%s; another process is reading): run "
			"purge again later to clear it\n", sqlite3_errmsg(r->x.db));
}

int inbox_cmd_purge(struct inbox_run *r)
{
	sqlite3_stmt *st[P_N] = { NULL };
	struct victim *v = NULL;
	struct arena a;
	char now[INBOX_TIME_SIZE], day[11];
	size_t n = 0, i;
	time_t t = time(NULL);
	int rc = -1, k;

	if (!r->responses_ok) {
		fputs("prongsai inbox purge: ไม่ลบข้อมูลเพราะแฟ้มบันทึกการตอบมีข้อผิดพลาด แก้ให้ผ่าน prongsai check ก่อน / "
		      "nothing purged: fix the response files first (prongsai check)\n", stderr);
		return 1;
	}
	utc_stamp(t, now);
	arena_init(&a);
	db_set_busy_timeout(r->x.db, PURGE_BUSY_MS);
	if (exec1(r, "PRAGMA secure_delete=ON") || exec1(r, "BEGIN IMMEDIATE"))
		goto out;
	if (find_victims(r, &a, &v, &n))
		goto rollback;
	for (k = 0; k < P_N; k++)
		if (sqlite3_prepare_v2(r->x.db, purge_sql[k], -1, &st[k], NULL) != SQLITE_OK) {
			sqlerr(r, purge_sql[k]);
			goto rollback;
		}
	for (i = 0; i < n && !r->o->dry_run; i++)
		if (purge_one(r, st, &v[i], now, &a))
			goto rollback;
	for (k = 0; k < P_N; k++) {
		sqlite3_finalize(st[k]);
		st[k] = NULL;
	}
	if (exec1(r, r->o->dry_run ? "ROLLBACK" : "COMMIT"))
		goto rollback;
	rc = 0;
	if (!r->o->dry_run)
		checkpoint(r); /* also finishes one that a reader blocked last time */
	printf("%s %zu เรื่อง ที่ปิดก่อน %s / %s %zu complaint(s) closed before %s%s\n",
	       r->o->dry_run ? "จะลบข้อมูลส่วนบุคคลของ" : "ลบข้อมูลส่วนบุคคลของ", n, r->o->before_iso,
	       r->o->dry_run ? "would purge" : "purged", n, r->o->before_iso,
	       r->o->dry_run ? " (--dry-run: ไม่ได้เปลี่ยนแปลงอะไร / nothing changed)" : "");
	for (i = 0; i < n; i++) {
		date_iso(v[i].closed, day);
		printf("  %s  closed %s\n", v[i].code, day);
	}
	if (fflush(stdout) != 0)
		rc = -1;
	goto out;
rollback:
	for (k = 0; k < P_N; k++)
		sqlite3_finalize(st[k]);
	if (!sqlite3_get_autocommit(r->x.db))
		sqlite3_exec(r->x.db, "ROLLBACK", NULL, NULL, NULL);
	fputs("prongsai inbox purge: ไม่ได้ลบอะไร / nothing was purged\n", stderr);
out:
	arena_free(&a);
	return rc ? 1 : 0;
}
