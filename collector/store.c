/* store.c: see store.h.  Every statement binds its parameters. */
#include "store.h"
#include "utcstamp.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "writelock.h"

enum {
	S_PURGE_RATE, S_PURGE_RECENT, S_FIND_RECENT, S_RATE_COUNT, S_INSERT_SUB,
	S_INSERT_VALUE, S_INSERT_FILE, S_INSERT_RECENT, S_COUNT_RATE, N_STMT
};

static const char *const sql[N_STMT] = {
	[S_PURGE_RATE] = "DELETE FROM rate_limits WHERE hour < ?1",
	[S_PURGE_RECENT] = "DELETE FROM recent_submissions WHERE expires <= ?1",
	[S_FIND_RECENT] = "SELECT coalesce(s.code, '') FROM recent_submissions r"
		" JOIN submissions s ON s.id = r.submission_id WHERE r.digest = ?1",
	[S_RATE_COUNT] = "SELECT count FROM rate_limits WHERE hour = ?1 AND client = ?2 AND form_id = ?3",
	[S_INSERT_SUB] = "INSERT INTO submissions(form_id, kind, channel, code, created_at, sealed)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_INSERT_VALUE] = "INSERT INTO submission_values(submission_id, name, position, value)"
		" VALUES (?1, ?2, ?3, ?4)",
	[S_INSERT_FILE] = "INSERT INTO attachments(submission_id, position, field, media_type, size, sealed, data)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_INSERT_RECENT] = "INSERT OR REPLACE INTO recent_submissions(digest, submission_id, expires)"
		" VALUES (?1, ?2, ?3)",
	[S_COUNT_RATE] = "INSERT INTO rate_limits(hour, client, form_id, count) VALUES (?1, ?2, ?3, 1)"
		" ON CONFLICT(hour, client, form_id) DO UPDATE SET count = count + 1",
};

/* The result for SQLite error code rc. */
static enum store_result classify(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_BUSY;
	case SQLITE_FULL:
		return STORE_FULL;
	default:
		return STORE_FAILED;
	}
}

/* Step a statement that returns no row, then reset it; the SQLite code. */
static int run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* a question is stored as a complaint (formdef.h) */
static const char *kind_name(const struct form_def *f)
{
	return f->kind == FORM_SURVEY ? "survey" : "complaint";
}

static const char *channel_name(const struct form_def *f)
{
	return f->channel == CHANNEL_GENERAL ? "general" : f->channel == CHANNEL_CORRUPTION ? "corruption" : "none";
}

/* The transaction's body, after BEGIN IMMEDIATE.  Returns STORE_OK,
 * STORE_REPEAT or STORE_LIMITED (caller commits only STORE_OK), or an error
 * with *rc_out the SQLite code. */
static enum store_result transaction(sqlite3 *db, sqlite3_stmt **st, const struct store_input *in,
				     char code[TRACKCODE_SIZE], long *retry_after, int *rc_out)
{
	const struct form_def *form = in->form;
	long long hour = (long long)in->now / 3600;
	sqlite3_int64 id;
	char created[21];
	size_t i;
	int rc, tries, pos;

	utc_stamp(in->now, created);
	sqlite3_bind_int64(st[S_PURGE_RATE], 1, hour);
	sqlite3_bind_int64(st[S_PURGE_RECENT], 1, (sqlite3_int64)in->now);
	if ((rc = run(st[S_PURGE_RATE])) != SQLITE_OK || (rc = run(st[S_PURGE_RECENT])) != SQLITE_OK)
		goto fail;
	if (in->repeat_window > 0 && in->have_digest) {
		sqlite3_bind_blob(st[S_FIND_RECENT], 1, in->digest, DIGEST_BYTES, SQLITE_STATIC);
		rc = sqlite3_step(st[S_FIND_RECENT]);
		if (rc == SQLITE_ROW) {
			const char *earlier = (const char *)sqlite3_column_text(st[S_FIND_RECENT], 0);

			snprintf(code, TRACKCODE_SIZE, "%s", earlier ? earlier : "");
			sqlite3_reset(st[S_FIND_RECENT]);
			return STORE_REPEAT;
		}
		sqlite3_reset(st[S_FIND_RECENT]);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	if (in->rate_limit > 0) {
		sqlite3_bind_int64(st[S_RATE_COUNT], 1, hour);
		sqlite3_bind_blob(st[S_RATE_COUNT], 2, in->client, CLIENT_KEY_BYTES, SQLITE_STATIC);
		sqlite3_bind_text(st[S_RATE_COUNT], 3, form->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st[S_RATE_COUNT]);
		if (rc == SQLITE_ROW && sqlite3_column_int64(st[S_RATE_COUNT], 0) >= in->rate_limit) {
			sqlite3_reset(st[S_RATE_COUNT]);
			*retry_after = 3600 - (long)(in->now % 3600);
			return STORE_LIMITED;
		}
		sqlite3_reset(st[S_RATE_COUNT]);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	/* the submission; a tracking code that is taken already is drawn again */
	for (tries = 0;; tries++) {
		sqlite3_stmt *s = st[S_INSERT_SUB];

		sqlite3_bind_text(s, 1, form->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, kind_name(form), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, channel_name(form), -1, SQLITE_STATIC);
		if (form_kind_coded(form->kind))
			sqlite3_bind_text(s, 4, code, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 4);
		sqlite3_bind_text(s, 5, created, -1, SQLITE_STATIC);
		if (in->sealed)
			sqlite3_bind_blob(s, 6, in->sealed, (int)in->sealed_len, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 6);
		rc = run(s);
		if (rc == SQLITE_OK)
			break;
		if (rc != SQLITE_CONSTRAINT_UNIQUE || tries == 3 || trackcode_new(code) < 0)
			goto fail;
	}
	id = sqlite3_last_insert_rowid(db);
	for (i = 0, pos = 0; i < in->sub->n_values; i++) {
		const struct field_value *v = &in->sub->values[i];
		const struct form_field *f = &form->fields[v->field];

		if (field_sealed(form, f))
			continue; /* sealed, never stored in the clear */
		sqlite3_bind_int64(st[S_INSERT_VALUE], 1, id);
		sqlite3_bind_text(st[S_INSERT_VALUE], 2, f->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st[S_INSERT_VALUE], 3, pos++);
		sqlite3_bind_text(st[S_INSERT_VALUE], 4, v->value, (int)v->len, SQLITE_STATIC);
		if ((rc = run(st[S_INSERT_VALUE])) != SQLITE_OK)
			goto fail;
	}
	for (i = 0; i < in->n_files; i++) {
		const struct store_file *f = &in->files[i];

		sqlite3_bind_int64(st[S_INSERT_FILE], 1, id);
		sqlite3_bind_int(st[S_INSERT_FILE], 2, (int)i);
		sqlite3_bind_text(st[S_INSERT_FILE], 3, form->fields[f->field].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st[S_INSERT_FILE], 4, f->media_type, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st[S_INSERT_FILE], 5, (sqlite3_int64)f->size);
		sqlite3_bind_int(st[S_INSERT_FILE], 6, f->sealed);
		sqlite3_bind_blob(st[S_INSERT_FILE], 7, f->data, (int)f->len, SQLITE_STATIC);
		if ((rc = run(st[S_INSERT_FILE])) != SQLITE_OK)
			goto fail;
	}
	if (in->repeat_window > 0 && in->have_digest) {
		sqlite3_bind_blob(st[S_INSERT_RECENT], 1, in->digest, DIGEST_BYTES, SQLITE_STATIC);
		sqlite3_bind_int64(st[S_INSERT_RECENT], 2, id);
		sqlite3_bind_int64(st[S_INSERT_RECENT], 3, (sqlite3_int64)in->now + in->repeat_window);
		if ((rc = run(st[S_INSERT_RECENT])) != SQLITE_OK)
			goto fail;
	}
	if (in->rate_limit > 0) {
		sqlite3_bind_int64(st[S_COUNT_RATE], 1, hour);
		sqlite3_bind_blob(st[S_COUNT_RATE], 2, in->client, CLIENT_KEY_BYTES, SQLITE_STATIC);
		sqlite3_bind_text(st[S_COUNT_RATE], 3, form->id, -1, SQLITE_STATIC);
		if ((rc = run(st[S_COUNT_RATE])) != SQLITE_OK)
			goto fail;
	}
	return STORE_OK;
fail:
	*rc_out = rc;
	return classify(rc);
}

/* The WAL size after the last commit, from the WAL hook (which replaces
 * SQLite's automatic checkpoint on this connection). */
static int wal_frames_hook(void *ctx, sqlite3 *db, const char *name, int frames)
{
	(void)db;
	(void)name;
	*(int *)ctx = frames;
	return SQLITE_OK;
}

void store_watch_wal(sqlite3 *db, int *frames)
{
	*frames = 0;
	sqlite3_wal_hook(db, wal_frames_hook, frames);
}

void store_checkpoint(sqlite3 *db, int frames)
{
	if (frames < STORE_CHECKPOINT_FRAMES)
		return;
	/* never wait: a TRUNCATE checkpoint that finds readers has still
	 * copied what it could, and the next writer restarts the WAL */
	sqlite3_busy_handler(db, NULL, NULL);
	sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

enum store_result store_submission(sqlite3 *db, const struct store_input *in,
				   char code[TRACKCODE_SIZE], long *retry_after,
				   char *err, size_t errlen)
{
	sqlite3_stmt *st[N_STMT] = { 0 };
	enum store_result r;
	int rc = SQLITE_OK, i;

	assert(in->sub->status == 0);
	code[0] = '\0';
	err[0] = '\0';
	*retry_after = 0;
	if (form_kind_coded(in->form->kind) && trackcode_new(code) < 0) {
		snprintf(err, errlen, "no random source");
		return STORE_FAILED;
	}
	for (i = 0; i < N_STMT; i++) {
		rc = sqlite3_prepare_v3(db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &st[i], NULL);
		if (rc != SQLITE_OK) {
			r = classify(rc);
			snprintf(err, errlen, "prepare: %s", sqlite3_errmsg(db));
			goto out;
		}
	}
	if (in->lock_fd >= 0) {
		switch (writelock_acquire(in->lock_fd, in->busy_ms > 0 ? in->busy_ms : 5000)) {
		case 0:
			break;
		case 1:
			r = STORE_BUSY;
			snprintf(err, errlen, "waited %d ms for the writer queue", in->busy_ms);
			goto out;
		default:
			break; /* no queue: SQLite's busy handler alone */
		}
	}
	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		r = classify(rc);
		snprintf(err, errlen, "begin: %s", sqlite3_errmsg(db));
		goto out;
	}
	r = transaction(db, st, in, code, retry_after, &rc);
	if (r == STORE_OK) {
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			r = classify(rc);
			snprintf(err, errlen, "commit: %s", sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		}
	} else {
		if (r != STORE_REPEAT && r != STORE_LIMITED)
			snprintf(err, errlen, "write: %s", sqlite3_errstr(rc));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
out:
	/* the writer queue stays held: see store.h */
	for (i = 0; i < N_STMT; i++)
		sqlite3_finalize(st[i]);
	if (r != STORE_OK && r != STORE_REPEAT)
		code[0] = '\0';
	return r;
}
