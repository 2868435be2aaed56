/* staffdb.c: see staffdb.h.  Schema: docs/database.md. */
#include "staffdb.h"
#include "db.h"
#include "errmsg.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

/* ---- schema ---- */

/* Version 1.  queue and queue_files are the contract with `prongsai import`
 * (STAFFDB.md): keep them exactly.  The staff_* tables are replaced whole by
 * every `prongsai build --staff-db` (staffproj.h). */
static const char schema_v1[] =
	"CREATE TABLE queue("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK(kind IN ('progress','sheet','answer')),"
	" person_id TEXT NOT NULL,"
	" subject TEXT NOT NULL,"
	" message TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'queued' CHECK(state IN ('queued','committed','rejected')),"
	" reason TEXT,"
	" commit_id TEXT,"
	" received_at INTEGER NOT NULL,"
	" done_at INTEGER"
	");"
	"CREATE TABLE queue_files("
	" queue_id INTEGER NOT NULL REFERENCES queue(id) ON DELETE CASCADE,"
	" path TEXT NOT NULL,"
	" data BLOB NOT NULL,"
	" PRIMARY KEY(queue_id, path)"
	");"
	"CREATE INDEX queue_state ON queue(state, id);"
	"CREATE INDEX queue_person ON queue(person_id, id);"
	"CREATE TABLE accounts("
	" person_id TEXT PRIMARY KEY NOT NULL,"
	" pwhash TEXT NOT NULL,"
	" disabled INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0,1)),"
	" failed INTEGER NOT NULL DEFAULT 0,"
	" last_failed_at INTEGER NOT NULL DEFAULT 0,"
	" locked_until INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL,"
	" changed_at INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE sessions("
	" token_hash BLOB PRIMARY KEY NOT NULL,"
	" person_id TEXT NOT NULL REFERENCES accounts(person_id) ON DELETE CASCADE,"
	" csrf TEXT NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" seen_at INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX sessions_person ON sessions(person_id);"
	"CREATE TABLE login_failures("
	" hour INTEGER NOT NULL,"
	" netkey BLOB NOT NULL,"
	" count INTEGER NOT NULL,"
	" PRIMARY KEY(hour, netkey)"
	") WITHOUT ROWID;"
	/* what the build installs: people with roles, projects, members, KPIs,
	 * and the reports already in content/ (for the form's rules) */
	"CREATE TABLE staff_settings("
	" key TEXT PRIMARY KEY NOT NULL,"
	" value TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE staff_people("
	" id TEXT PRIMARY KEY NOT NULL,"
	" name TEXT NOT NULL,"
	" grp TEXT NOT NULL DEFAULT '',"
	" roles TEXT NOT NULL DEFAULT ''"
	") WITHOUT ROWID;"
	"CREATE TABLE staff_projects("
	" id TEXT PRIMARY KEY NOT NULL,"
	" fiscal_year INTEGER NOT NULL,"
	" title TEXT NOT NULL,"
	" grp TEXT NOT NULL,"
	" owner TEXT NOT NULL,"
	" start TEXT NOT NULL,"
	" end TEXT NOT NULL,"
	" allocated INTEGER NOT NULL,"
	" status TEXT NOT NULL DEFAULT ''"
	") WITHOUT ROWID;"
	"CREATE TABLE staff_members("
	" project_id TEXT NOT NULL REFERENCES staff_projects(id) ON DELETE CASCADE,"
	" person_id TEXT NOT NULL,"
	" PRIMARY KEY(project_id, person_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX staff_members_person ON staff_members(person_id);"
	"CREATE TABLE staff_kpis("
	" project_id TEXT NOT NULL REFERENCES staff_projects(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" kpi_id TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" unit TEXT NOT NULL,"
	" target INTEGER NOT NULL,"
	" PRIMARY KEY(project_id, kpi_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE staff_reports("
	" project_id TEXT NOT NULL REFERENCES staff_projects(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" percent INTEGER NOT NULL,"
	" disbursed INTEGER NOT NULL,"
	" kpis TEXT NOT NULL DEFAULT '',"
	" PRIMARY KEY(project_id, date)"
	") WITHOUT ROWID;";

static const char *const migrations[STAFFDB_SCHEMA_VERSION] = { schema_v1 };

static int exec(sqlite3 *db, const char *sql, const char *what, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, errlen, "staff database: %s: %s / ฐานข้อมูลเจ้าหน้าที่ผิดพลาด", what,
			msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int dberr(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	err_set(err, errlen, "staff database: %s: %s / ฐานข้อมูลเจ้าหน้าที่ผิดพลาด", what, sqlite3_errmsg(db));
	return -1;
}

static int rollback(sqlite3 *db)
{
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int staffdb_path(const char *explicit_path, char *out, size_t outlen, char *err, size_t errlen)
{
	const char *p = explicit_path && *explicit_path ? explicit_path : getenv("PRONGSAI_STAFF_DB");
	const char *db, *slash;
	int n;

	if (p && *p)
		n = snprintf(out, outlen, "%s", p);
	else if ((db = getenv("PRONGSAI_DB")) && *db) {
		slash = strrchr(db, '/');
		if (slash)
			n = snprintf(out, outlen, "%.*sstaff.db", (int)(slash - db + 1), db);
		else
			n = snprintf(out, outlen, "staff.db");
	} else {
		err_set(err, errlen, "no staff database: give --staff-db FILE or set PRONGSAI_STAFF_DB (or PRONGSAI_DB) / "
			"ไม่ได้ระบุฐานข้อมูลเจ้าหน้าที่ ให้ใส่ --staff-db แฟ้ม หรือตั้ง PRONGSAI_STAFF_DB");
		return -1;
	}
	if (n < 0 || (size_t)n >= outlen) {
		err_set(err, errlen, "staff database path too long / ชื่อแฟ้มฐานข้อมูลเจ้าหน้าที่ยาวเกินไป");
		return -1;
	}
	return 0;
}

int staffdb_migrate(sqlite3 *db, char *err, size_t errlen)
{
	int v, n_tables = 0;
	sqlite3_stmt *st;
	char sql[64];

	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	v = db_schema_version(db);
	if (v < 0 || v > STAFFDB_SCHEMA_VERSION) {
		if (v < 0)
			err_set(err, errlen, "staff database: cannot read its version: %s / อ่านรุ่นของฐานข้อมูลไม่ได้",
				sqlite3_errmsg(db));
		else
			err_set(err, errlen, "staff database schema version %d is newer than this program (%d) / "
				"ฐานข้อมูลเจ้าหน้าที่ใหม่กว่าโปรแกรมนี้ กรุณาปรับรุ่นโปรแกรม", v, STAFFDB_SCHEMA_VERSION);
		return rollback(db);
	}
	if (v == 0) {
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			n_tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (n_tables) {
			err_set(err, errlen, "file has tables but no version: not a prongsai staff database / "
				"แฟ้มนี้ไม่ใช่ฐานข้อมูลเจ้าหน้าที่ของ prongsai");
			return rollback(db);
		}
	}
	for (; v < STAFFDB_SCHEMA_VERSION; v++) {
		if (exec(db, migrations[v], "migration", err, errlen) < 0)
			return rollback(db);
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
		if (exec(db, sql, "set version", err, errlen) < 0)
			return rollback(db);
	}
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	return 0;
}

int staffdb_open(const char *path, int mode, sqlite3 **out, char *err, size_t errlen)
{
	sqlite3 *db;
	int v;

	if (db_open(path, mode, &db, err, errlen) < 0)
		return -1;
	if (mode == DB_OPEN_READONLY) {
		v = db_schema_version(db);
		if (v != STAFFDB_SCHEMA_VERSION) {
			err_set(err, errlen, "%s: staff database version %d, this prongsai needs %d / "
				"ฐานข้อมูลเจ้าหน้าที่ไม่ตรงรุ่น", path, v, STAFFDB_SCHEMA_VERSION);
			sqlite3_close(db);
			return -1;
		}
	} else if (staffdb_migrate(db, err, errlen) < 0) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* ---- the queue ---- */

static int seg_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '.' || c == '_' || c == '-';
}

int staffdb_path_ok(const char *p)
{
	static const char *const tops[] = { "progress/", "media/", "complaints/" };
	size_t i, len, seg = 0;
	int under = 0;

	if (!p)
		return 0;
	len = strlen(p);
	if (len == 0 || len > STAFFDB_PATH_MAX)
		return 0;
	for (i = 0; i < sizeof tops / sizeof tops[0]; i++)
		if (strncmp(p, tops[i], strlen(tops[i])) == 0)
			under = 1;
	if (!under)
		return 0;
	for (i = 0; i <= len; i++) {
		if (p[i] == '/' || p[i] == '\0') {
			if (seg == 0)
				return 0; /* empty segment, leading or trailing "/" */
			seg = 0;
			continue;
		}
		if (!seg_char(p[i]) || (seg == 0 && p[i] == '.'))
			return 0;
		seg++;
	}
	return 1;
}

static int id_ok(const char *s)
{
	size_t i, n = s ? strlen(s) : 0;

	if (n == 0 || n > STAFFDB_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && i > 0)))
			return 0;
	return 1;
}

static int check_entry(const struct staffdb_entry *e, const struct staffdb_file *files, size_t n,
		       char *err, size_t errlen)
{
	size_t i, j, max_files;

	if (!e->kind || (strcmp(e->kind, "progress") && strcmp(e->kind, "sheet") && strcmp(e->kind, "answer"))) {
		err_set(err, errlen, "queue: unknown kind \"%s\" / ชนิดรายการไม่ถูกต้อง", e->kind ? e->kind : "");
		return -1;
	}
	if (!id_ok(e->person_id)) {
		err_set(err, errlen, "queue: not a person id / รหัสบุคคลไม่ถูกต้อง");
		return -1;
	}
	if (!e->subject || !*e->subject || strlen(e->subject) > STAFFDB_PATH_MAX) {
		err_set(err, errlen, "queue: empty or too long subject / หัวเรื่องว่างหรือยาวเกินไป");
		return -1;
	}
	if (!e->message || !*e->message || strlen(e->message) > STAFFDB_MESSAGE_MAX) {
		err_set(err, errlen, "queue: commit message empty or over %d bytes / ข้อความ commit ว่างหรือยาวเกินไป",
			STAFFDB_MESSAGE_MAX);
		return -1;
	}
	max_files = strcmp(e->kind, "sheet") == 0 ? STAFFDB_SHEET_FILES_MAX : STAFFDB_FILES_MAX;
	if (n < 1 || n > max_files) {
		err_set(err, errlen, "queue: %zu files, 1 to %zu allowed / จำนวนแฟ้มต้องอยู่ระหว่าง 1 ถึง %zu",
			n, max_files, max_files);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!staffdb_path_ok(files[i].path)) {
			err_set(err, errlen, "queue: path \"%.80s\" is not allowed (relative, under progress/, media/ or "
				"complaints/) / ที่อยู่แฟ้มไม่ถูกต้อง", files[i].path ? files[i].path : "");
			return -1;
		}
		if (files[i].len > (size_t)STAFFDB_FILE_MAX || (files[i].len && !files[i].data)) {
			err_set(err, errlen, "queue: %s is over %ld bytes / แฟ้มใหญ่เกินไป", files[i].path,
				STAFFDB_FILE_MAX);
			return -1;
		}
		/* a sheet's thousands of files: the primary key (queue_id, path)
		 * refuses a second one and the transaction is rolled back */
		for (j = 0; j < i && n <= STAFFDB_FILES_MAX; j++)
			if (strcmp(files[i].path, files[j].path) == 0) {
				err_set(err, errlen, "queue: %s given twice / แฟ้มซ้ำ", files[i].path);
				return -1;
			}
	}
	return 0;
}

int staffdb_enqueue(sqlite3 *db, const struct staffdb_entry *e, const struct staffdb_file *files,
		    size_t n, time_t now, int64_t *id, char *err, size_t errlen)
{
	sqlite3_stmt *q = NULL, *f = NULL;
	size_t i;
	int64_t row;

	assert(db && e && id);
	if (check_entry(e, files, n, err, errlen) < 0)
		return -1;
	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT INTO queue(kind, person_id, subject, message, received_at) "
			       "VALUES (?,?,?,?,?)", -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO queue_files(queue_id, path, data) VALUES (?,?,?)", -1, &f,
			       NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(q, 1, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, e->person_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, e->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, e->message, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 5, (sqlite3_int64)now);
	if (sqlite3_step(q) != SQLITE_DONE)
		goto fail;
	row = sqlite3_last_insert_rowid(db);
	for (i = 0; i < n; i++) {
		sqlite3_reset(f);
		sqlite3_bind_int64(f, 1, row);
		sqlite3_bind_text(f, 2, files[i].path, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(f, 3, files[i].len ? (const void *)files[i].data : "", files[i].len,
				    SQLITE_STATIC);
		if (sqlite3_step(f) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(q);
	sqlite3_finalize(f);
	q = f = NULL;
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	*id = row;
	return 0;
fail:
	dberr(db, "enqueue", err, errlen);
	sqlite3_finalize(q);
	sqlite3_finalize(f);
	return rollback(db);
}

/* ---- accounts ---- */

/* Run one statement with text parameters (NULL-terminated after sql) and an
 * optional trailing integer; returns the number of rows changed, or -1. */
static int run(sqlite3 *db, const char *sql, const char *a, const char *b, int64_t i1, int64_t i2,
	       char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "prepare", err, errlen);
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, i1);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_int64(st, 4, i2);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "write", err, errlen);
	return sqlite3_changes(db);
}

int staffdb_account_set(sqlite3 *db, const char *person_id, const char *hash, int create,
			time_t now, char *err, size_t errlen)
{
	int n;

	if (!id_ok(person_id) || !hash || !*hash || strlen(hash) >= sizeof(((struct staffdb_account *)0)->hash)) {
		err_set(err, errlen, "account: bad id or password hash / รหัสบุคคลหรือรหัสผ่านไม่ถูกต้อง");
		return -1;
	}
	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	if (create)
		n = run(db, "INSERT OR IGNORE INTO accounts(person_id, pwhash, created_at, changed_at) "
			"VALUES (?1, ?2, ?3, ?3)", person_id, hash, now, 0, err, errlen);
	else
		n = run(db, "UPDATE accounts SET pwhash = ?2, disabled = 0, failed = 0, locked_until = 0, "
			"changed_at = ?3 WHERE person_id = ?1", person_id, hash, now, 0, err, errlen);
	if (n < 0)
		return rollback(db);
	if (n == 0) {
		if (create)
			err_set(err, errlen, "%s already has an account (use staff passwd) / %s มีบัญชีอยู่แล้ว "
				"(ใช้ staff passwd)", person_id, person_id);
		else
			err_set(err, errlen, "%s has no account (use staff add) / %s ยังไม่มีบัญชี (ใช้ staff add)",
				person_id, person_id);
		return rollback(db);
	}
	if (!create && run(db, "DELETE FROM sessions WHERE person_id = ?1", person_id, NULL, 0, 0, err, errlen) < 0)
		return rollback(db);
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	return 0;
}

int staffdb_account_disable(sqlite3 *db, const char *person_id, char *err, size_t errlen)
{
	int n;

	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	n = run(db, "UPDATE accounts SET disabled = 1 WHERE person_id = ?1", person_id, NULL, 0, 0, err, errlen);
	if (n < 0)
		return rollback(db);
	if (n == 0) {
		err_set(err, errlen, "%s has no account / %s ยังไม่มีบัญชี", person_id, person_id);
		return rollback(db);
	}
	if (run(db, "DELETE FROM sessions WHERE person_id = ?1", person_id, NULL, 0, 0, err, errlen) < 0)
		return rollback(db);
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	return 0;
}

static void account_row(sqlite3_stmt *st, struct staffdb_account *a)
{
	const char *t;

	memset(a, 0, sizeof *a);
	t = (const char *)sqlite3_column_text(st, 0);
	snprintf(a->person_id, sizeof a->person_id, "%s", t ? t : "");
	t = (const char *)sqlite3_column_text(st, 1);
	snprintf(a->hash, sizeof a->hash, "%s", t ? t : "");
	a->disabled = sqlite3_column_int(st, 2);
	a->failed = sqlite3_column_int(st, 3);
	a->last_failed_at = (time_t)sqlite3_column_int64(st, 4);
	a->locked_until = (time_t)sqlite3_column_int64(st, 5);
	a->created_at = (time_t)sqlite3_column_int64(st, 6);
	a->changed_at = (time_t)sqlite3_column_int64(st, 7);
}

#define ACCOUNT_COLS "person_id, pwhash, disabled, failed, last_failed_at, locked_until, created_at, changed_at"

int staffdb_account_get(sqlite3 *db, const char *person_id, struct staffdb_account *out,
			char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT " ACCOUNT_COLS " FROM accounts WHERE person_id = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return dberr(db, "read account", err, errlen);
	sqlite3_bind_text(st, 1, person_id ? person_id : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		account_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return dberr(db, "read account", err, errlen);
}

int staffdb_account_each(sqlite3 *db, int (*fn)(void *ctx, const struct staffdb_account *a),
			 void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	struct staffdb_account a;
	int rc, r = 0;

	if (sqlite3_prepare_v2(db, "SELECT " ACCOUNT_COLS " FROM accounts ORDER BY person_id", -1, &st,
			       NULL) != SQLITE_OK)
		return dberr(db, "list accounts", err, errlen);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		account_row(st, &a);
		if ((r = fn(ctx, &a)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (r == 0 && rc != SQLITE_DONE)
		return dberr(db, "list accounts", err, errlen);
	return r;
}

/* ---- sign-in limits ---- */

#define STR(x) #x
#define XSTR(x) STR(x)

static long account_wait(const struct staffdb_account *a, time_t now)
{
	long w;

	if (a->locked_until > now)
		return (long)(a->locked_until - now);
	if (a->failed < STAFFDB_LOGIN_SLOW)
		return 0;
	w = a->failed - STAFFDB_LOGIN_SLOW >= 5 ? 60 : 2L << (a->failed - STAFFDB_LOGIN_SLOW);
	if (w > 60)
		w = 60;
	w -= (long)(now - a->last_failed_at);
	return w > 0 ? w : 0;
}

int staffdb_login_allowed(sqlite3 *db, const char *person_id,
			  const unsigned char netkey[STAFFDB_NETKEY_BYTES], time_t now,
			  long *wait_s, char *err, size_t errlen)
{
	struct staffdb_account a;
	sqlite3_stmt *st;
	int rc, n = 0;

	*wait_s = 0;
	rc = staffdb_account_get(db, person_id, &a, err, errlen);
	if (rc < 0)
		return -1;
	if (rc == 0)
		*wait_s = account_wait(&a, now);
	if (sqlite3_prepare_v2(db, "SELECT count FROM login_failures WHERE hour = ? AND netkey = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return dberr(db, "read limits", err, errlen);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now / 3600));
	sqlite3_bind_blob(st, 2, netkey, STAFFDB_NETKEY_BYTES, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n >= STAFFDB_NET_FAILS_HOUR) {
		long w = (long)(3600 - now % 3600);
		if (w > *wait_s)
			*wait_s = w;
	}
	return *wait_s > 0 ? 1 : 0;
}

int staffdb_login_failed(sqlite3 *db, const char *person_id,
			 const unsigned char netkey[STAFFDB_NETKEY_BYTES], time_t now,
			 char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	/* the account: one more failure; locked at STAFFDB_LOGIN_LOCK */
	if (run(db, "UPDATE accounts SET failed = failed + 1, last_failed_at = ?3, "
		"locked_until = CASE WHEN failed + 1 >= ?4 THEN ?3 + " XSTR(STAFFDB_LOCK_S) " ELSE locked_until END "
		"WHERE person_id = ?1", person_id ? person_id : "", NULL, now, STAFFDB_LOGIN_LOCK, err, errlen) < 0)
		return rollback(db);
	if (run(db, "DELETE FROM login_failures WHERE hour < ?3", NULL, NULL, now / 3600, 0, err, errlen) < 0)
		return rollback(db);
	if (sqlite3_prepare_v2(db, "INSERT INTO login_failures(hour, netkey, count) VALUES (?, ?, 1) "
			       "ON CONFLICT(hour, netkey) DO UPDATE SET count = count + 1", -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "limits", err, errlen), rollback(db);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now / 3600));
	sqlite3_bind_blob(st, 2, netkey, STAFFDB_NETKEY_BYTES, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "limits", err, errlen), rollback(db);
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	return 0;
}

/* ---- sessions ---- */

static void random_token(char out[STAFFDB_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, STAFFDB_TOKEN_LEN + 1, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

static void token_hash(const char *token, unsigned char h[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
}

int staffdb_token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

int staffdb_session_start(sqlite3 *db, const char *person_id, time_t now,
			  char token[STAFFDB_TOKEN_LEN + 1], char csrf[STAFFDB_TOKEN_LEN + 1],
			  char *err, size_t errlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *st;
	int rc, n;

	if (sodium_init() < 0) {
		err_set(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	random_token(token);
	random_token(csrf);
	token_hash(token, h);
	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	n = run(db, "UPDATE accounts SET failed = 0, locked_until = 0 WHERE person_id = ?1 AND disabled = 0",
		person_id, NULL, 0, 0, err, errlen);
	if (n < 0)
		return rollback(db);
	if (n == 0) {
		err_set(err, errlen, "%s has no active account / %s ไม่มีบัญชีที่ใช้งานได้", person_id, person_id);
		return rollback(db);
	}
	if (run(db, "DELETE FROM sessions WHERE seen_at < ?3 OR created_at < ?4", NULL, NULL,
		now - STAFFDB_SESSION_IDLE_S, now - STAFFDB_SESSION_MAX_S, err, errlen) < 0)
		return rollback(db);
	if (sqlite3_prepare_v2(db, "INSERT INTO sessions(token_hash, person_id, csrf, created_at, seen_at) "
			       "VALUES (?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "session", err, errlen), rollback(db);
	sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "session", err, errlen), rollback(db);
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		return rollback(db);
	return 0;
}

int staffdb_session_check(sqlite3 *db, const char *token, time_t now,
			  char person[STAFFDB_ID_MAX + 1], char csrf[STAFFDB_TOKEN_LEN + 1],
			  char *err, size_t errlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *st;
	int rc, found = 0;

	if (!token || strlen(token) != STAFFDB_TOKEN_LEN)
		return 1;
	token_hash(token, h);
	if (sqlite3_prepare_v2(db, "SELECT s.person_id, s.csrf FROM sessions s JOIN accounts a USING(person_id) "
			       "WHERE s.token_hash = ? AND a.disabled = 0 AND s.seen_at >= ? AND s.created_at >= ?",
			       -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "session", err, errlen);
	sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(now - STAFFDB_SESSION_IDLE_S));
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(now - STAFFDB_SESSION_MAX_S));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(person, STAFFDB_ID_MAX + 1, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(csrf, STAFFDB_TOKEN_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 1));
		found = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return dberr(db, "session", err, errlen);
	if (!found)
		return 1;
	if (sqlite3_prepare_v2(db, "UPDATE sessions SET seen_at = ? WHERE token_hash = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return dberr(db, "session", err, errlen);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
	sqlite3_bind_blob(st, 2, h, sizeof h, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "session", err, errlen);
	return 0;
}

int staffdb_session_end(sqlite3 *db, const char *token, char *err, size_t errlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	sqlite3_stmt *st;
	int rc;

	if (!token || !*token)
		return 0;
	token_hash(token, h);
	if (sqlite3_prepare_v2(db, "DELETE FROM sessions WHERE token_hash = ?", -1, &st, NULL) != SQLITE_OK)
		return dberr(db, "logout", err, errlen);
	sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(db, "logout", err, errlen);
	return 0;
}
