/* import_queue.c: the import queue (see import_queue.h). */
#include "desk/import_queue.h"

#include <string.h>

#include "errmsg.h"

static int fail(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errlen, const char *what)
{
	err_set(err, errlen, "staff database: %s: %s / อ่านหรือเขียนฐานข้อมูลเจ้าหน้าที่ไม่ได้", what,
		sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return -1;
}

static const char *col_str(sqlite3_stmt *st, int i, struct arena *a)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return arena_strdup(a, s ? (const char *)s : "");
}

/* The files of e (by path), or e->too_big. */
static int read_files(sqlite3 *db, struct arena *a, struct iq_entry *e, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	long long files = 0, bytes = 0;
	size_t i = 0;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT count(*), coalesce(sum(length(data)),0) FROM queue_files"
			       " WHERE queue_id=?", -1, &st, NULL) != SQLITE_OK)
		return fail(db, st, err, errlen, "queue_files");
	sqlite3_bind_int64(st, 1, e->id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return fail(db, st, err, errlen, "queue_files");
	files = sqlite3_column_int64(st, 0);
	bytes = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	if (files > IQ_MAX_FILES || bytes > IQ_MAX_BYTES) {
		e->too_big = 1;
		return 0;
	}
	e->files = arena_alloc(a, (size_t)(files ? files : 1) * sizeof(*e->files));
	if (sqlite3_prepare_v2(db, "SELECT path, data FROM queue_files WHERE queue_id=? ORDER BY path",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(db, st, err, errlen, "queue_files");
	sqlite3_bind_int64(st, 1, e->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && i < (size_t)files) {
		const void *p = sqlite3_column_blob(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		unsigned char *copy = arena_alloc(a, len + 1);

		if (p)
			memcpy(copy, p, len);
		e->files[i].path = col_str(st, 0, a);
		e->files[i].data = copy;
		e->files[i].len = len;
		i++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, st, err, errlen, "queue_files");
	sqlite3_finalize(st);
	e->n_files = i;
	return 0;
}

int iq_next(sqlite3 *db, struct arena *a, struct iq_entry *e, int *found,
	    char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(e, 0, sizeof(*e));
	*found = 0;
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, NULL, err, errlen, "BEGIN");
	if (sqlite3_prepare_v2(db, "SELECT id, kind, person_id, subject, message, received_at FROM queue"
			       " WHERE state='queued' ORDER BY received_at, id LIMIT 1", -1, &st,
			       NULL) != SQLITE_OK)
		goto bad;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		e->kind = col_str(st, 1, a);
		e->person_id = col_str(st, 2, a);
		e->subject = col_str(st, 3, a);
		e->message = col_str(st, 4, a);
		e->received_at = sqlite3_column_int64(st, 5);
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		goto bad;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (*found && read_files(db, a, e, err, errlen) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return 0;
bad:
	fail(db, st, err, errlen, "queue");
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int iq_count(sqlite3 *db, long *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM queue WHERE state='queued'", -1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW)
		return fail(db, st, err, errlen, "queue");
	*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int settle(sqlite3 *db, long long id, const char *state, const char *commit_id, const char *reason,
		  time_t now, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	size_t len = reason ? strlen(reason) : 0;

	if (len > IQ_MAX_REASON) { /* cut on a UTF-8 boundary */
		len = IQ_MAX_REASON;
		while (len > 0 && ((unsigned char)reason[len] & 0xC0) == 0x80)
			len--;
	}
	if (sqlite3_prepare_v2(db, "UPDATE queue SET state=?, commit_id=?, reason=?, done_at=?"
			       " WHERE id=? AND state='queued'", -1, &st, NULL) != SQLITE_OK)
		return fail(db, st, err, errlen, "queue");
	sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
	if (commit_id)
		sqlite3_bind_text(st, 2, commit_id, -1, SQLITE_STATIC);
	if (reason)
		sqlite3_bind_text(st, 3, reason, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	sqlite3_bind_int64(st, 5, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return fail(db, st, err, errlen, "queue");
	sqlite3_finalize(st);
	return 0;
}

int iq_committed(sqlite3 *db, long long id, const char *commit_id, const char *reason, time_t now,
		 char *err, size_t errlen)
{
	return settle(db, id, "committed", commit_id, reason, now, err, errlen);
}

int iq_rejected(sqlite3 *db, long long id, const char *reason, time_t now, char *err, size_t errlen)
{
	return settle(db, id, "rejected", NULL, reason, now, err, errlen);
}
