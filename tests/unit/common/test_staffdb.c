/* Unit tests of common/staffdb.c on a real SQLite file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "check.h"
#include "db.h"
#include "staffdb.h"

static char dir[] = "/tmp/prongsai-test-staffdb-XXXXXX";
static char path[256];

static int count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_path(void)
{
	char out[300], err[300];

	unsetenv("PRONGSAI_STAFF_DB");
	unsetenv("PRONGSAI_DB");
	CHECK_INT(staffdb_path(NULL, out, sizeof out, err, sizeof err), -1);
	CHECK(strstr(err, "--staff-db") != NULL);
	setenv("PRONGSAI_DB", "/srv/db/prongsai.db", 1);
	CHECK_INT(staffdb_path(NULL, out, sizeof out, err, sizeof err), 0);
	CHECK_STR(out, "/srv/db/staff.db");
	setenv("PRONGSAI_STAFF_DB", "/x/s.db", 1);
	CHECK_INT(staffdb_path(NULL, out, sizeof out, err, sizeof err), 0);
	CHECK_STR(out, "/x/s.db");
	CHECK_INT(staffdb_path("given.db", out, sizeof out, err, sizeof err), 0);
	CHECK_STR(out, "given.db");
	CHECK_INT(staffdb_path("given.db", out, 5, err, sizeof err), -1);
	unsetenv("PRONGSAI_STAFF_DB");
	unsetenv("PRONGSAI_DB");
}

static void test_open(sqlite3 **dbp)
{
	char err[300];
	struct stat st;
	sqlite3 *db;

	CHECK_INT(staffdb_open(path, DB_OPEN_READONLY, &db, err, sizeof err), -1);
	CHECK_INT(staffdb_open(path, DB_OPEN_CREATE, &db, err, sizeof err), 0);
	CHECK_INT(db_schema_version(db), STAFFDB_SCHEMA_VERSION);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK_INT(staffdb_migrate(db, err, sizeof err), 0); /* idempotent */
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('queue','queue_files','accounts','sessions')"), 4);
	/* a newer file is refused */
	sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
	CHECK_INT(staffdb_migrate(db, err, sizeof err), -1);
	CHECK(strstr(err, "newer") != NULL);
	sqlite3_exec(db, "PRAGMA user_version=1", NULL, NULL, NULL);
	*dbp = db;
	/* a file with someone else's tables is not a staff database */
	{
		char other[300];
		sqlite3 *o;

		snprintf(other, sizeof other, "%s/other.db", dir);
		CHECK_INT(db_open(other, DB_OPEN_CREATE, &o, err, sizeof err), 0);
		sqlite3_exec(o, "CREATE TABLE t(x)", NULL, NULL, NULL);
		CHECK_INT(staffdb_migrate(o, err, sizeof err), -1);
		CHECK(strstr(err, "not a prongsai staff database") != NULL);
		sqlite3_close(o);
	}
}

static void test_queue(sqlite3 *db)
{
	static const unsigned char yaml[] = "date: 2026-11-30\n";
	struct staffdb_entry e = { "progress", "somchai", "loei-otop-2569", "รายงานความก้าวหน้า loei-otop-2569" };
	struct staffdb_file f[STAFFDB_FILES_MAX + 1];
	char err[300], p[STAFFDB_FILES_MAX + 1][64];
	int64_t id = 0;
	size_t i;

	CHECK(staffdb_path_ok("progress/2569/loei-otop-2569/2026-11-30.yaml"));
	CHECK(staffdb_path_ok("media/progress/2569/loei-otop-2569/2026-11-30-1.jpg"));
	CHECK(!staffdb_path_ok("../progress/x.yaml"));
	CHECK(!staffdb_path_ok("progress/../site.yaml"));
	CHECK(!staffdb_path_ok("/progress/x.yaml"));
	CHECK(!staffdb_path_ok("progress//x.yaml"));
	CHECK(!staffdb_path_ok("progress/.hidden"));
	CHECK(!staffdb_path_ok("progress/"));
	CHECK(!staffdb_path_ok("site.yaml"));
	CHECK(!staffdb_path_ok("people.yaml"));
	CHECK(!staffdb_path_ok("progress/a b.yaml"));
	CHECK(!staffdb_path_ok("progress/a\\b.yaml"));

	f[0].path = "progress/2569/loei-otop-2569/2026-11-30.yaml";
	f[0].data = yaml;
	f[0].len = sizeof yaml - 1;
	f[1].path = "media/progress/2569/loei-otop-2569/2026-11-30-1.jpg";
	f[1].data = (const unsigned char *)"\xff\xd8\xff";
	f[1].len = 3;
	CHECK_INT(staffdb_enqueue(db, &e, f, 2, 1000, &id, err, sizeof err), 0);
	CHECK(id > 0);
	CHECK_INT(count(db, "SELECT count(*) FROM queue WHERE state='queued' AND kind='progress' AND received_at=1000"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM queue_files"), 2);
	CHECK_INT(count(db, "SELECT length(data) FROM queue_files WHERE path LIKE 'media/%'"), 3);

	/* refused: nothing written */
	f[1].path = "../etc/passwd";
	CHECK_INT(staffdb_enqueue(db, &e, f, 2, 1000, &id, err, sizeof err), -1);
	f[1].path = f[0].path; /* twice */
	CHECK_INT(staffdb_enqueue(db, &e, f, 2, 1000, &id, err, sizeof err), -1);
	CHECK(strstr(err, "twice") != NULL);
	CHECK_INT(staffdb_enqueue(db, &e, f, 0, 1000, &id, err, sizeof err), -1);
	e.kind = "other";
	CHECK_INT(staffdb_enqueue(db, &e, f, 1, 1000, &id, err, sizeof err), -1);
	e.kind = "progress";
	e.person_id = "Bad Id";
	CHECK_INT(staffdb_enqueue(db, &e, f, 1, 1000, &id, err, sizeof err), -1);
	e.person_id = "somchai";
	f[0].len = STAFFDB_FILE_MAX + 1;
	CHECK_INT(staffdb_enqueue(db, &e, f, 1, 1000, &id, err, sizeof err), -1);
	f[0].len = sizeof yaml - 1;
	/* the file count: at the cap, and one over */
	for (i = 0; i < STAFFDB_FILES_MAX + 1; i++) {
		snprintf(p[i], sizeof p[i], "media/progress/2569/x/%zu.jpg", i);
		f[i].path = p[i];
		f[i].data = yaml;
		f[i].len = 1;
	}
	CHECK_INT(staffdb_enqueue(db, &e, f, STAFFDB_FILES_MAX + 1, 1000, &id, err, sizeof err), -1);
	CHECK_INT(count(db, "SELECT count(*) FROM queue"), 1);
	CHECK_INT(staffdb_enqueue(db, &e, f, STAFFDB_FILES_MAX, 1000, &id, err, sizeof err), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM queue"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM queue_files"), 2 + STAFFDB_FILES_MAX);
	/* a failure inside the transaction leaves nothing: a trigger refuses the 3rd file */
	sqlite3_exec(db, "CREATE TEMP TRIGGER no3 BEFORE INSERT ON queue_files WHEN NEW.path LIKE '%/2.jpg' "
		     "BEGIN SELECT RAISE(ABORT, 'refused'); END", NULL, NULL, NULL);
	CHECK_INT(staffdb_enqueue(db, &e, f, 4, 1000, &id, err, sizeof err), -1);
	CHECK_INT(count(db, "SELECT count(*) FROM queue"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM queue_files"), 2 + STAFFDB_FILES_MAX);
	sqlite3_exec(db, "DROP TRIGGER no3", NULL, NULL, NULL);
}

struct listed {
	int n;
	char ids[4][STAFFDB_ID_MAX + 1];
	int disabled[4];
};

static int list_cb(void *ctx, const struct staffdb_account *a)
{
	struct listed *l = ctx;

	if (l->n < 4) {
		snprintf(l->ids[l->n], sizeof l->ids[0], "%s", a->person_id);
		l->disabled[l->n] = a->disabled;
	}
	l->n++;
	return 0;
}

static void test_accounts(sqlite3 *db)
{
	struct staffdb_account a;
	struct listed l = { 0 };
	char err[300];

	CHECK_INT(staffdb_account_set(db, "somchai", "$argon2id$x", 1, 100, err, sizeof err), 0);
	CHECK_INT(staffdb_account_set(db, "somchai", "$argon2id$y", 1, 100, err, sizeof err), -1);
	CHECK(strstr(err, "already") != NULL);
	CHECK_INT(staffdb_account_set(db, "nobody", "$argon2id$y", 0, 100, err, sizeof err), -1);
	CHECK_INT(staffdb_account_set(db, "BAD ID", "$argon2id$y", 1, 100, err, sizeof err), -1);
	CHECK_INT(staffdb_account_set(db, "malee", "$argon2id$m", 1, 100, err, sizeof err), 0);
	CHECK_INT(staffdb_account_get(db, "somchai", &a, err, sizeof err), 0);
	CHECK_STR(a.hash, "$argon2id$x");
	CHECK_INT(a.disabled, 0);
	CHECK_INT(staffdb_account_get(db, "nobody", &a, err, sizeof err), 1);
	CHECK_INT(staffdb_account_disable(db, "malee", err, sizeof err), 0);
	CHECK_INT(staffdb_account_disable(db, "nobody", err, sizeof err), -1);
	CHECK_INT(staffdb_account_each(db, list_cb, &l, err, sizeof err), 0);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.ids[0], "malee");
	CHECK_INT(l.disabled[0], 1);
	CHECK_STR(l.ids[1], "somchai");
	/* passwd re-enables */
	CHECK_INT(staffdb_account_set(db, "malee", "$argon2id$m2", 0, 200, err, sizeof err), 0);
	CHECK_INT(staffdb_account_get(db, "malee", &a, err, sizeof err), 0);
	CHECK_INT(a.disabled, 0);
	CHECK_STR(a.hash, "$argon2id$m2");
	CHECK_INT(a.changed_at, 200);
}

static void test_sessions(sqlite3 *db)
{
	char tok[STAFFDB_TOKEN_LEN + 1], tok2[STAFFDB_TOKEN_LEN + 1], csrf[STAFFDB_TOKEN_LEN + 1];
	char csrf2[STAFFDB_TOKEN_LEN + 1], person[STAFFDB_ID_MAX + 1], err[300];
	time_t t0 = 1000000;

	CHECK_INT(staffdb_session_start(db, "nobody", t0, tok, csrf, err, sizeof err), -1);
	CHECK_INT(staffdb_session_start(db, "somchai", t0, tok, csrf, err, sizeof err), 0);
	CHECK_INT(strlen(tok), STAFFDB_TOKEN_LEN);
	CHECK(strcmp(tok, csrf) != 0);
	/* only the hash is stored */
	{
		sqlite3_stmt *st;
		int found = 0;

		sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions WHERE token_hash = ? OR CAST(token_hash AS TEXT) = ?",
				   -1, &st, NULL);
		sqlite3_bind_text(st, 1, tok, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, tok, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			found = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		CHECK_INT(found, 0);
		CHECK_INT(count(db, "SELECT length(token_hash) FROM sessions"), 32);
	}
	CHECK_INT(staffdb_session_check(db, tok, t0 + 10, person, csrf2, err, sizeof err), 0);
	CHECK_STR(person, "somchai");
	CHECK_STR(csrf2, csrf);
	CHECK(staffdb_token_equal(csrf2, csrf));
	CHECK(!staffdb_token_equal(csrf2, tok));
	CHECK(!staffdb_token_equal("abc", "abcd"));
	CHECK_INT(staffdb_session_check(db, "x", t0, person, csrf2, err, sizeof err), 1);
	/* idle expiry: renewed by each use */
	CHECK_INT(staffdb_session_check(db, tok, t0 + STAFFDB_SESSION_IDLE_S, person, csrf2, err, sizeof err), 0);
	CHECK_INT(staffdb_session_check(db, tok, t0 + 2 * STAFFDB_SESSION_IDLE_S + 1, person, csrf2, err, sizeof err), 1);
	/* absolute expiry: even when used every few minutes */
	CHECK_INT(staffdb_session_start(db, "somchai", t0, tok2, csrf, err, sizeof err), 0);
	{
		time_t t;
		int ok = 1;

		for (t = t0 + 600; t < t0 + STAFFDB_SESSION_MAX_S; t += 600)
			ok &= staffdb_session_check(db, tok2, t, person, csrf2, err, sizeof err) == 0;
		CHECK(ok);
		CHECK_INT(staffdb_session_check(db, tok2, t0 + STAFFDB_SESSION_MAX_S + 1, person, csrf2, err, sizeof err), 1);
	}
	/* logout ends it on the server */
	CHECK_INT(staffdb_session_start(db, "somchai", t0, tok, csrf, err, sizeof err), 0);
	CHECK_INT(staffdb_session_check(db, tok, t0 + 1, person, csrf2, err, sizeof err), 0);
	CHECK_INT(staffdb_session_end(db, tok, err, sizeof err), 0);
	CHECK_INT(staffdb_session_check(db, tok, t0 + 2, person, csrf2, err, sizeof err), 1);
	/* disabling the account ends its sessions; a new password too */
	CHECK_INT(staffdb_session_start(db, "malee", t0, tok, csrf, err, sizeof err), 0);
	CHECK_INT(staffdb_account_disable(db, "malee", err, sizeof err), 0);
	CHECK_INT(staffdb_session_check(db, tok, t0 + 1, person, csrf2, err, sizeof err), 1);
	CHECK_INT(staffdb_session_start(db, "malee", t0, tok, csrf, err, sizeof err), -1);
	CHECK_INT(staffdb_account_set(db, "malee", "$argon2id$m3", 0, t0, err, sizeof err), 0);
	CHECK_INT(staffdb_session_start(db, "malee", t0, tok, csrf, err, sizeof err), 0);
	CHECK_INT(staffdb_account_set(db, "malee", "$argon2id$m4", 0, t0, err, sizeof err), 0);
	CHECK_INT(staffdb_session_check(db, tok, t0 + 1, person, csrf2, err, sizeof err), 1);
}

static void test_limits(sqlite3 *db)
{
	unsigned char net1[STAFFDB_NETKEY_BYTES], net2[STAFFDB_NETKEY_BYTES];
	char err[300], tok[STAFFDB_TOKEN_LEN + 1], csrf[STAFFDB_TOKEN_LEN + 1];
	time_t t = 7200000;
	long w;
	int i;

	memset(net1, 1, sizeof net1);
	memset(net2, 2, sizeof net2);
	CHECK_INT(staffdb_login_allowed(db, "somchai", net1, t, &w, err, sizeof err), 0);
	for (i = 0; i < STAFFDB_LOGIN_SLOW; i++)
		CHECK_INT(staffdb_login_failed(db, "somchai", net1, t, err, sizeof err), 0);
	/* slowed */
	CHECK_INT(staffdb_login_allowed(db, "somchai", net1, t, &w, err, sizeof err), 1);
	CHECK_INT(w, 2);
	CHECK_INT(staffdb_login_allowed(db, "somchai", net2, t + 2, &w, err, sizeof err), 0);
	/* other accounts unaffected */
	CHECK_INT(staffdb_login_allowed(db, "malee", net1, t, &w, err, sizeof err), 0);
	for (i = STAFFDB_LOGIN_SLOW; i < STAFFDB_LOGIN_LOCK; i++)
		CHECK_INT(staffdb_login_failed(db, "somchai", net2, t + 100 * i, err, sizeof err), 0);
	t += 100 * STAFFDB_LOGIN_LOCK;
	/* locked, from any network; others still allowed */
	CHECK_INT(staffdb_login_allowed(db, "somchai", net1, t, &w, err, sizeof err), 1);
	CHECK(w > 60 && w <= STAFFDB_LOCK_S);
	CHECK_INT(staffdb_login_allowed(db, "malee", net1, t, &w, err, sizeof err), 0);
	CHECK_INT(staffdb_login_allowed(db, "somchai", net1, t + STAFFDB_LOCK_S, &w, err, sizeof err), 0);
	/* a successful sign-in clears the count */
	CHECK_INT(staffdb_session_start(db, "somchai", t + STAFFDB_LOCK_S, tok, csrf, err, sizeof err), 0);
	CHECK_INT(staffdb_login_allowed(db, "somchai", net1, t + STAFFDB_LOCK_S, &w, err, sizeof err), 0);
	/* a network: at most STAFFDB_NET_FAILS_HOUR failures an hour (unknown ids count too) */
	t = 3600L * 5000;
	for (i = 0; i < STAFFDB_NET_FAILS_HOUR - 1; i++)
		staffdb_login_failed(db, "nobody", net1, t, err, sizeof err);
	CHECK_INT(staffdb_login_allowed(db, "malee", net1, t, &w, err, sizeof err), 0);
	staffdb_login_failed(db, "nobody", net1, t, err, sizeof err);
	CHECK_INT(staffdb_login_allowed(db, "malee", net1, t, &w, err, sizeof err), 1);
	CHECK_INT(staffdb_login_allowed(db, "malee", net2, t, &w, err, sizeof err), 0);
	CHECK_INT(staffdb_login_allowed(db, "malee", net1, t + 3600, &w, err, sizeof err), 0);
	/* earlier hours are deleted by the next failure */
	staffdb_login_failed(db, "nobody", net2, t + 3600, err, sizeof err);
	CHECK_INT(count(db, "SELECT count(*) FROM login_failures"), 1);
}

int main(void)
{
	sqlite3 *db = NULL;
	char cmd[300];

	if (!mkdtemp(dir))
		return 2;
	snprintf(path, sizeof path, "%s/staff.db", dir);
	test_path();
	test_open(&db);
	if (db) {
		test_queue(db);
		test_accounts(db);
		test_sessions(db);
		test_limits(db);
		sqlite3_close(db);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 2;
	return CHECK_RESULT();
}
