/* db.c: see db.h.  Schema: docs/database.md. */
#include "db.h"
#include "errmsg.h"

#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>
#include <sodium.h>

#include "formcheck.h"
#include "origin.h"
#include "utcstamp.h"

/* ---- connection ---- */

/* The busy handler.  ctx carries the timeout in ms (no allocation, so the
 * connection needs no destructor).  count restarts at 0 for each busy
 * episode; the sleeps grow 50, 100, 200, 400 µs then stay 500..1000 µs
 * (random), and the handler gives up once the sum of the sleeps (a lower
 * bound of the time waited) reaches the timeout. */
static int busy_handler(void *ctx, int count)
{
	long limit_us = (long)(intptr_t)ctx * 1000L;
	long slept = 0, us;
	int i;
	struct timespec ts;

	/* what earlier calls of this episode have slept, without the jitter */
	for (i = 0; i < count && slept < limit_us; i++)
		slept += i < 4 ? 50L << i : 500;
	if (slept >= limit_us)
		return 0;
	us = count < 4 ? 50L << count : 500 + (long)randombytes_uniform(501);
	ts.tv_sec = 0;
	ts.tv_nsec = us * 1000L;
	nanosleep(&ts, NULL);
	return 1;
}

void db_set_busy_timeout(sqlite3 *db, int ms)
{
	assert(ms > 0);
	sqlite3_busy_handler(db, busy_handler, (void *)(intptr_t)ms);
}

/* Run SQL without results; on error fill err with what. */
static int exec(sqlite3 *db, const char *sql, const char *what, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, errlen, "database: %s: %s / ฐานข้อมูลผิดพลาด", what, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int db_open(const char *path, int readonly, sqlite3 **out, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int flags, rc;

	*out = NULL;
	if (!path || !*path) {
		err_set(err, errlen, "no database path / ไม่ได้ระบุแฟ้มฐานข้อมูล");
		return -1;
	}
	if (sodium_init() < 0) {
		err_set(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	if (readonly == DB_OPEN_CREATE) {
		/* a new file is made 0600 here, not by SQLite (0644 less the
		 * umask); SQLite gives FILE-wal and FILE-shm the file's mode */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

		if (fd >= 0)
			close(fd);
		else if (errno != EEXIST) {
			err_set(err, errlen, "cannot create database %s: %s / สร้างแฟ้มฐานข้อมูลไม่ได้", path, strerror(errno));
			return -1;
		}
	}
	if (readonly == DB_OPEN_READONLY)
		flags = SQLITE_OPEN_READONLY;
	else if (readonly == DB_OPEN_EXISTING)
		flags = SQLITE_OPEN_READWRITE;
	else
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err_set(err, errlen, "cannot open database %s: %s / เปิดฐานข้อมูลไม่ได้", path,
		       db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db, 1);
	/* SQLite falls back to read-only when the file cannot be written: say
	 * so, rather than fail later at the first write */
	if (readonly != DB_OPEN_READONLY && sqlite3_db_readonly(db, "main") == 1) {
		err_set(err, errlen, "database %s is read-only for this user: check the permissions of the file and"
		       " its folder / ฐานข้อมูล %s อ่านได้อย่างเดียว เขียนไม่ได้ ตรวจสิทธิ์ของแฟ้มและโฟลเดอร์", path, path);
		sqlite3_close(db);
		return -1;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	db_set_busy_timeout(db, DB_DEFAULT_BUSY_MS);
	if (readonly == DB_OPEN_EXISTING)
		/* a checkpoint at every close (each request) costs fsyncs and
		 * stalls the next process; the collector checkpoints itself */
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (readonly != DB_OPEN_READONLY) {
		/* journal_mode answers with the mode in effect */
		if (sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW ||
		    sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") != 0) {
			err_set(err, errlen, "database %s: cannot use WAL mode: %s (disk full? it must be on a local "
			       "file system) / ใช้โหมด WAL ไม่ได้ (ดิสก์เต็ม? ฐานข้อมูลต้องอยู่บนดิสก์ของเครื่อง)",
			       path, sqlite3_errmsg(db));
			sqlite3_finalize(st);
			sqlite3_close(db);
			return -1;
		}
		sqlite3_finalize(st);
	}
	if (exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=4194304;",
		 "pragmas", err, errlen) < 0) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int db_check_private(const char *path, char *err, size_t errlen)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char p[4096];
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		if (snprintf(p, sizeof p, "%s%s", path, suffix[i]) >= (int)sizeof p) {
			err_set(err, errlen, "database path too long / ชื่อแฟ้มฐานข้อมูลยาวเกินไป");
			return -1;
		}
		if (lstat(p, &st) != 0) {
			if (errno == ENOENT && i > 0)
				continue;
			err_set(err, errlen, "database %s: %s / เข้าถึงแฟ้มฐานข้อมูลไม่ได้", p, strerror(errno));
			return -1;
		}
		if (!S_ISREG(st.st_mode) || (st.st_mode & 0007) != 0) {
			err_set(err, errlen, "database file %s has mode %04o: it must grant nothing to others (0600, "
			       "or 0660 for a shared group) / ผู้อื่นเข้าถึงแฟ้มฐานข้อมูลได้ ต้องเป็นสิทธิ์ 0600",
			       p, (unsigned)(st.st_mode & 07777));
			return -1;
		}
	}
	return 0;
}

int db_schema_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_require_current(sqlite3 *db, const char *path, char *err, size_t errlen)
{
	int v = db_schema_version(db);

	if (v == DB_SCHEMA_VERSION)
		return 0;
	if (v <= 0)
		err_set(err, errlen, "%s is not a prongsai database yet (no schema): run prongsai build --db %s / "
		       "แฟ้มนี้ยังไม่ใช่ฐานข้อมูลของ prongsai ให้รัน prongsai build --db ก่อน", path, path);
	else if (v < DB_SCHEMA_VERSION)
		err_set(err, errlen, "%s has schema version %d, this prongsai needs %d: run prongsai build --db %s / "
		       "ฐานข้อมูลเป็นรุ่นเก่า ให้รัน prongsai build --db เพื่อปรับรุ่น", path, v, DB_SCHEMA_VERSION, path);
	else
		err_set(err, errlen, "%s has schema version %d, newer than this prongsai (%d): use a newer prongsai / "
		       "ฐานข้อมูลใหม่กว่าโปรแกรมนี้ กรุณาปรับรุ่นโปรแกรม", path, v, DB_SCHEMA_VERSION);
	return -1;
}

/* ---- schema ---- */

/* Version 1.  Keep docs/database.md in step with this text. */
static const char schema_v1[] =
	"CREATE TABLE settings ("
	" key TEXT PRIMARY KEY NOT NULL,"
	" value TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE forms ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" position INTEGER NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('complaint','survey')),"
	" channel TEXT NOT NULL CHECK (channel IN ('none','general','corruption')),"
	" title_th TEXT NOT NULL, title_en TEXT NOT NULL,"
	" help_th TEXT NOT NULL, help_en TEXT NOT NULL,"
	" thanks_th TEXT NOT NULL, thanks_en TEXT NOT NULL,"
	" max_body INTEGER NOT NULL CHECK (max_body > 0),"
	" max_files INTEGER NOT NULL CHECK (max_files BETWEEN 0 AND 3),"
	" max_file_size INTEGER NOT NULL CHECK (max_file_size > 0)"
	") WITHOUT ROWID;"
	"CREATE TABLE form_fields ("
	" form_id TEXT NOT NULL REFERENCES forms(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" label_th TEXT NOT NULL, label_en TEXT NOT NULL,"
	" help_th TEXT, help_en TEXT,"
	" type TEXT NOT NULL CHECK (type IN ('text','textarea','choice','scale',"
	"'email','phone','date','checkbox','file')),"
	" required INTEGER NOT NULL CHECK (required IN (0,1)),"
	" max_length INTEGER NOT NULL CHECK (max_length > 0),"
	" personal INTEGER NOT NULL CHECK (personal IN (0,1)),"
	" must_equal TEXT,"
	" PRIMARY KEY (form_id, name)"
	") WITHOUT ROWID;"
	"CREATE TABLE form_choices ("
	" form_id TEXT NOT NULL,"
	" field_name TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" label_th TEXT NOT NULL, label_en TEXT NOT NULL,"
	" PRIMARY KEY (form_id, field_name, value),"
	" FOREIGN KEY (form_id, field_name) REFERENCES form_fields(form_id, name) ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"CREATE TABLE submissions ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" form_id TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('complaint','survey')),"
	" channel TEXT NOT NULL CHECK (channel IN ('none','general','corruption')),"
	" code TEXT UNIQUE,"
	" created_at TEXT NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'received',"
	" sealed BLOB"
	");"
	"CREATE INDEX submissions_form_created ON submissions(form_id, created_at);"
	"CREATE TABLE submission_values ("
	" submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (submission_id, name)"
	") WITHOUT ROWID;"
	"CREATE TABLE attachments ("
	" id INTEGER PRIMARY KEY,"
	" submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" field TEXT NOT NULL,"
	" media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg','image/png','application/pdf')),"
	" size INTEGER NOT NULL,"
	" sealed INTEGER NOT NULL CHECK (sealed IN (0,1)),"
	" data BLOB NOT NULL"
	");"
	"CREATE INDEX attachments_submission ON attachments(submission_id);"
	"CREATE TABLE recent_submissions ("
	" digest BLOB PRIMARY KEY NOT NULL,"
	" submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
	" expires INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX recent_submissions_expires ON recent_submissions(expires);"
	"CREATE INDEX recent_submissions_submission ON recent_submissions(submission_id);"
	"CREATE TABLE rate_limits ("
	" hour INTEGER NOT NULL,"
	" client BLOB NOT NULL,"
	" form_id TEXT NOT NULL,"
	" count INTEGER NOT NULL,"
	" PRIMARY KEY (hour, client, form_id)"
	") WITHOUT ROWID;";

/* Version 2 (issue 4): when the personal data of a case was purged, and one
 * row per submission and notification channel for `prongsai notify`. */
static const char schema_v2[] =
	"ALTER TABLE submissions ADD COLUMN purged_at TEXT;"
	"CREATE TABLE notices ("
	" submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
	" channel TEXT NOT NULL,"
	" state TEXT NOT NULL CHECK (state IN ('pending','sent','gave_up')),"
	" attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
	" next_attempt_at INTEGER NOT NULL DEFAULT 0,"
	" last_error TEXT,"
	" sent_at TEXT,"
	" PRIMARY KEY (submission_id, channel)"
	") WITHOUT ROWID;"
	"CREATE INDEX notices_state ON notices(state, next_attempt_at);";

/* Version 3 (issue 19): the rate-limit salt leaves the database (the key is
 * now a file beside it, replaced every hour: collector/hourkey.h); counts
 * and digests made with the salt go with it. */
static const char schema_v3[] =
	"DELETE FROM settings WHERE key = 'rate_limit_salt';"
	"DELETE FROM rate_limits;"
	"DELETE FROM recent_submissions;";

/* Version 4 (issue 15, OIT O10): case-tracking lookups counted per month
 * in Thailand, and nothing else about them (db_count_lookup). */
static const char schema_v4[] =
	"CREATE TABLE lookup_counts ("
	" month TEXT PRIMARY KEY NOT NULL CHECK (length(month) = 7),"
	" count INTEGER NOT NULL CHECK (count >= 0)"
	") WITHOUT ROWID;";

/* migrations[v] takes the schema from version v to v + 1 (index 0: the
 * whole schema for a new file). */
static const char *const migrations[DB_SCHEMA_VERSION] = { schema_v1, schema_v2, schema_v3, schema_v4 };

int db_migrate(sqlite3 *db, char *err, size_t errlen)
{
	int v, n_tables = 0;
	sqlite3_stmt *st;
	char sql[64];

	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	v = db_schema_version(db);
	if (v < 0 || v > DB_SCHEMA_VERSION) {
		if (v < 0)
			err_set(err, errlen, "database: cannot read its version: %s / อ่านรุ่นของฐานข้อมูลไม่ได้",
			       sqlite3_errmsg(db));
		else
			err_set(err, errlen, "database schema version %d is newer than this program (%d) / "
			       "ฐานข้อมูลใหม่กว่าโปรแกรมนี้ กรุณาปรับรุ่นโปรแกรม", v, DB_SCHEMA_VERSION);
		goto fail;
	}
	if (v == 0) {
		/* a new file must be empty, not someone else's database */
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			n_tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (n_tables) {
			err_set(err, errlen, "database has tables but no prongsai version: not a prongsai database / "
			       "แฟ้มนี้ไม่ใช่ฐานข้อมูลของ prongsai");
			goto fail;
		}
	}
	for (; v < DB_SCHEMA_VERSION; v++) {
		if (exec(db, migrations[v], "migration", err, errlen) < 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
		if (exec(db, sql, "set version", err, errlen) < 0)
			goto fail;
	}
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* ---- helpers ---- */

int db_public_key_decode(const char *b64, unsigned char pk[32])
{
	static const int variants[] = {
		sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
		sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING,
	};
	size_t i, len;

	if (!b64)
		return -1;
	for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
		if (sodium_base642bin(pk, 32, b64, strlen(b64), NULL, &len, NULL, variants[i]) == 0 &&
		    len == 32)
			return 0;
	return -1;
}

int db_thanks_base_valid(const char *t)
{
	const char *p;
	size_t i;

	if (!t)
		return 0;
	p = t;
	if (strncmp(t, "https://", 8) == 0)
		p = t + 8;
	else if (strncmp(t, "http://", 7) == 0)
		p = t + 7;
	else if (t[0] != '/' || t[1] == '/')
		return 0;
	if (p != t && (!*p || *p == '/'))
		return 0; /* no host */
	for (i = 0; t[i]; i++)
		if ((unsigned char)t[i] <= ' ' || (unsigned char)t[i] >= 0x7f || strchr("\"<>\\^`{|}?#", t[i]))
			return 0;
	return 1;
}

/* a question is stored as a complaint (formdef.h) */
static const char *kind_name(enum form_kind k) { return k == FORM_SURVEY ? "survey" : "complaint"; }

static const char *channel_name(enum form_channel c)
{
	return c == CHANNEL_GENERAL ? "general" : c == CHANNEL_CORRUPTION ? "corruption" : "none";
}

/* Bind text, NULL stays NULL. */
static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* Step a prepared INSERT/DELETE once and reset it; 0 or -1. */
static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- install ---- */

static int insert_setting(sqlite3 *db, sqlite3_stmt *st, const char *key, const char *value)
{
	(void)db;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
	return step_done(st);
}

static int insert_setting_int(sqlite3 *db, sqlite3_stmt *st, const char *key, long v)
{
	char num[32];

	snprintf(num, sizeof num, "%ld", v);
	return insert_setting(db, st, key, num);
}

/* The settings rows for s (defaults applied, see db.h).  0 or -1. */
static int install_settings(sqlite3 *db, const struct db_settings *s, const char *origins,
			    char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	char *root = NULL;
	const char *base = s->thanks_base && *s->thanks_base ? s->thanks_base : "";
	const char *cpath = s->collector_path && *s->collector_path ? s->collector_path : DB_DEFAULT_COLLECTOR;
	int rc = -1;
	size_t blen = strlen(base);

	while (*cpath == '/')
		cpath++;
	if (blen && !db_thanks_base_valid(base)) {
		err_set(err, errlen, "thanks_base must be an absolute URL (https://host/...) or a path starting "
		       "with /, without spaces, special characters, ? or # / thanks_base ต้องเป็น URL เต็มหรือพาธที่ขึ้นต้นด้วย / "
		       "โดยไม่มีช่องว่าง อักขระพิเศษ ? หรือ #");
		return -1;
	}
	root = sqlite3_mprintf("%s%s", base, blen && base[blen - 1] != '/' ? "/" : "");
	if (!root) {
		err_set(err, errlen, "out of memory / หน่วยความจำไม่พอ");
		return -1;
	}
	if (sqlite3_prepare_v2(db, "DELETE FROM settings", -1, &st, NULL) != SQLITE_OK || step_done(st) < 0)
		goto dberr;
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "INSERT INTO settings(key, value) VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	if (insert_setting(db, st, "public_key", s->public_key_b64) < 0 ||
	    insert_setting(db, st, "origins", origins) < 0 ||
	    insert_setting(db, st, "thanks_base", root) < 0 ||
	    insert_setting(db, st, "collector_path", cpath) < 0 ||
	    insert_setting_int(db, st, "rate_limit_per_hour",
			       s->rate_limit_per_hour == 0 ? DB_DEFAULT_RATE_LIMIT :
			       s->rate_limit_per_hour < 0 ? 0 : s->rate_limit_per_hour) < 0 ||
	    insert_setting_int(db, st, "repeat_window_s",
			       s->repeat_window_s == 0 ? DB_DEFAULT_REPEAT_S :
			       s->repeat_window_s < 0 ? 0 : s->repeat_window_s) < 0 ||
	    insert_setting_int(db, st, "busy_timeout_ms",
			       s->busy_timeout_ms > 0 ? s->busy_timeout_ms : DB_DEFAULT_BUSY_MS) < 0 ||
	    insert_setting(db, st, "office_name_th", s->office_name_th) < 0 ||
	    insert_setting(db, st, "office_name_en", s->office_name_en) < 0 ||
	    insert_setting(db, st, "office_phone", s->office_phone) < 0 ||
	    insert_setting_int(db, st, "built_through", s->built_through > 0 ? (long)s->built_through : 0) < 0)
		goto dberr;
	rc = 0;
	goto out;
dberr:
	err_set(err, errlen, "database: settings: %s / บันทึกค่าตั้งไม่ได้", sqlite3_errmsg(db));
out:
	sqlite3_finalize(st);
	sqlite3_free(root);
	return rc;
}

/* Insert one form with its fields and choices using the three statements. */
static int install_form(const struct form_def *f, int position, sqlite3_stmt *sf,
			sqlite3_stmt *sfld, sqlite3_stmt *sch)
{
	size_t i, j;

	sqlite3_bind_text(sf, 1, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(sf, 2, position);
	sqlite3_bind_text(sf, 3, kind_name(f->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 4, channel_name(f->channel), -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 5, f->title_th, -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 6, f->title_en ? f->title_en : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 7, f->help_th ? f->help_th : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 8, f->help_en ? f->help_en : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 9, f->thanks_th ? f->thanks_th : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(sf, 10, f->thanks_en ? f->thanks_en : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(sf, 11, form_max_body(f));
	sqlite3_bind_int(sf, 12, form_max_files(f));
	sqlite3_bind_int64(sf, 13, form_max_file_size(f));
	if (step_done(sf) < 0)
		return -1;
	for (i = 0; i < f->n_fields; i++) {
		const struct form_field *fl = &f->fields[i];

		sqlite3_bind_text(sfld, 1, f->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(sfld, 2, fl->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(sfld, 3, (int)i);
		sqlite3_bind_text(sfld, 4, fl->label_th, -1, SQLITE_STATIC);
		sqlite3_bind_text(sfld, 5, fl->label_en ? fl->label_en : "", -1, SQLITE_STATIC);
		bind_text(sfld, 6, fl->help_th);
		bind_text(sfld, 7, fl->help_en);
		sqlite3_bind_text(sfld, 8, field_type_name(fl->type), -1, SQLITE_STATIC);
		sqlite3_bind_int(sfld, 9, fl->required ? 1 : 0);
		sqlite3_bind_int(sfld, 10, field_max_length(fl));
		sqlite3_bind_int(sfld, 11, fl->personal ? 1 : 0);
		bind_text(sfld, 12, fl->must_equal);
		if (step_done(sfld) < 0)
			return -1;
		for (j = 0; j < fl->n_choices; j++) {
			const struct form_choice *c = &fl->choices[j];

			sqlite3_bind_text(sch, 1, f->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(sch, 2, fl->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(sch, 3, c->value, -1, SQLITE_STATIC);
			sqlite3_bind_int(sch, 4, (int)j);
			sqlite3_bind_text(sch, 5, c->label_th, -1, SQLITE_STATIC);
			sqlite3_bind_text(sch, 6, c->label_en ? c->label_en : "", -1, SQLITE_STATIC);
			if (step_done(sch) < 0)
				return -1;
		}
	}
	return 0;
}

/* Delete the rate-limit counts of past hours and the repeat digests that
 * have expired, inside the caller's transaction.  0 or -1 with err. */
static int purge_expired(sqlite3 *db, time_t now, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int ok;

	ok = sqlite3_prepare_v2(db, "DELETE FROM rate_limits WHERE hour < ?1", -1, &st, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)now / 3600);
		ok = step_done(st) == 0;
	}
	sqlite3_finalize(st);
	st = NULL;
	ok = ok && sqlite3_prepare_v2(db, "DELETE FROM recent_submissions WHERE expires <= ?1", -1, &st, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
		ok = step_done(st) == 0;
	}
	sqlite3_finalize(st);
	if (!ok)
		err_set(err, errlen, "database: deleting expired rate-limit rows: %s / ลบข้อมูลจำกัดอัตราที่หมดอายุไม่ได้",
			sqlite3_errmsg(db));
	return ok ? 0 : -1;
}

int db_count_lookup(sqlite3 *db, time_t now, char *err, size_t errlen)
{
	time_t local = now + UTC_BANGKOK_OFFSET_S;
	struct tm tm;
	char month[32];
	sqlite3_stmt *st = NULL;
	int rc;

	if (!gmtime_r(&local, &tm)) {
		err_set(err, errlen, "lookup count: bad time / เวลาไม่ถูกต้อง");
		return -1;
	}
	snprintf(month, sizeof month, "%04d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon % 12 + 12) % 12 + 1);
	rc = sqlite3_prepare_v2(db, "INSERT INTO lookup_counts (month, count) VALUES (?1, 1)"
				" ON CONFLICT (month) DO UPDATE SET count = count + 1", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	if (rc != SQLITE_OK)
		err_set(err, errlen, "lookup count: %s / นับการติดตามเรื่องไม่ได้", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -1;
}

int db_purge_expired(sqlite3 *db, time_t now, char *err, size_t errlen)
{
	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	if (purge_expired(db, now, err, errlen) < 0 || exec(db, "COMMIT", "commit", err, errlen) < 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* The serialised origins of the space-separated URLs in urls (NULL: none)
 * into out (ORIGIN_LIST_SIZE bytes).  0, or -1 with err naming the URL. */
static int origins_reduce(const char *urls, char *out, size_t outlen, char *err, size_t errlen)
{
	char url[ORIGIN_MAX * 2];
	const char *p = urls;

	out[0] = '\0';
	while (p && *(p += strspn(p, " "))) {
		size_t len = strcspn(p, " ");

		snprintf(url, sizeof url, "%.*s", (int)(len < sizeof url ? len : sizeof url - 1), p);
		if (len >= sizeof url || origin_list_add(out, outlen, url) < 0) {
			err_set(err, errlen, "origin \"%s\" is not an http(s) URL, or more than %d origins / "
				"base_url หรือ --origin ไม่ใช่ URL แบบ http(s) หรือเกิน %d รายการ",
				url, ORIGIN_LIST_MAX, ORIGIN_LIST_MAX);
			return -1;
		}
		p += len;
	}
	return 0;
}

int formdb_install(sqlite3 *db, const struct form_def *forms, size_t n,
		   const struct db_settings *s, char *err, size_t errlen)
{
	static const struct db_settings none;
	sqlite3_stmt *sf = NULL, *sfld = NULL, *sch = NULL;
	unsigned char pk[32];
	char origins[ORIGIN_LIST_SIZE];
	size_t i, j;

	if (!s)
		s = &none;
	for (i = 0; i < n; i++) {
		if (form_def_check(&forms[i], err, errlen) < 0)
			return -1;
		for (j = 0; j < i; j++)
			if (strcmp(forms[i].id, forms[j].id) == 0) {
				err_set(err, errlen, "form %s defined twice / แบบฟอร์ม %s ซ้ำ", forms[i].id, forms[i].id);
				return -1;
			}
	}
	if (s->public_key_b64 && *s->public_key_b64 && db_public_key_decode(s->public_key_b64, pk) < 0) {
		err_set(err, errlen, "inbox public key is not base64 of 32 bytes / กุญแจสาธารณะ (inbox.public_key) ไม่ถูกต้อง");
		return -1;
	}
	if (origins_reduce(s->origins, origins, sizeof origins, err, errlen) < 0)
		return -1;
	if (db_schema_version(db) != DB_SCHEMA_VERSION) {
		err_set(err, errlen, "database schema is not version %d: run db_migrate first / "
		       "ฐานข้อมูลยังไม่ได้ปรับโครงสร้าง", DB_SCHEMA_VERSION);
		return -1;
	}
	if (exec(db, "BEGIN IMMEDIATE", "begin", err, errlen) < 0)
		return -1;
	/* the choices and fields go with their forms (ON DELETE CASCADE) */
	if (exec(db, "DELETE FROM forms", "delete forms", err, errlen) < 0)
		goto fail;
	if (install_settings(db, s, origins, err, errlen) < 0 || purge_expired(db, time(NULL), err, errlen) < 0)
		goto fail;
	if (sqlite3_prepare_v2(db, "INSERT INTO forms(id, position, kind, channel, title_th, title_en, help_th,"
			       " help_en, thanks_th, thanks_en, max_body, max_files, max_file_size)"
			       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)", -1, &sf, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO form_fields(form_id, name, position, label_th, label_en, help_th,"
			       " help_en, type, required, max_length, personal, must_equal)"
			       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)", -1, &sfld, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO form_choices(form_id, field_name, value, position, label_th, label_en)"
			       " VALUES (?1,?2,?3,?4,?5,?6)", -1, &sch, NULL) != SQLITE_OK)
		goto dberr;
	for (i = 0; i < n; i++)
		if (install_form(&forms[i], (int)i, sf, sfld, sch) < 0)
			goto dberr;
	sqlite3_finalize(sf);
	sqlite3_finalize(sfld);
	sqlite3_finalize(sch);
	sf = sfld = sch = NULL;
	if (exec(db, "COMMIT", "commit", err, errlen) < 0)
		goto fail;
	return 0;
dberr:
	err_set(err, errlen, "database: installing forms: %s / บันทึกแบบฟอร์มลงฐานข้อมูลไม่ได้", sqlite3_errmsg(db));
fail:
	sqlite3_finalize(sf);
	sqlite3_finalize(sfld);
	sqlite3_finalize(sch);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* ---- load ---- */

/* Copy column i (NULL stays NULL unless empty_for_null). */
static const char *col_str(struct arena *a, sqlite3_stmt *st, int i, int empty_for_null)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	if (!s)
		return empty_for_null ? "" : NULL;
	return arena_strndup(a, (const char *)s, (size_t)sqlite3_column_bytes(st, i));
}

int formdb_load(sqlite3 *db, const char *id, struct arena *a, struct form_def *out,
		char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct form_field *fields;
	struct form_choice *choices;
	size_t nf = 0, i;
	int rc = -1, step;
	const char *s;

	memset(out, 0, sizeof *out);
	if (!form_id_valid(id))
		return 1;
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto dberr;
	if (sqlite3_prepare_v2(db, "SELECT kind, channel, title_th, title_en, help_th, help_en, thanks_th, thanks_en,"
			       " max_body, max_files, max_file_size, (SELECT count(*) FROM form_fields WHERE form_id = ?1)"
			       " FROM forms WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		rc = 1;
		goto out;
	}
	if (step != SQLITE_ROW)
		goto dberr;
	out->id = arena_strdup(a, id);
	s = (const char *)sqlite3_column_text(st, 0);
	out->kind = s && strcmp(s, "survey") == 0 ? FORM_SURVEY : FORM_COMPLAINT;
	s = (const char *)sqlite3_column_text(st, 1);
	out->channel = !s ? CHANNEL_NONE : strcmp(s, "general") == 0 ? CHANNEL_GENERAL :
		strcmp(s, "corruption") == 0 ? CHANNEL_CORRUPTION : CHANNEL_NONE;
	out->title_th = col_str(a, st, 2, 1);
	out->title_en = col_str(a, st, 3, 1);
	out->help_th = col_str(a, st, 4, 1);
	out->help_en = col_str(a, st, 5, 1);
	out->thanks_th = col_str(a, st, 6, 1);
	out->thanks_en = col_str(a, st, 7, 1);
	out->max_body = (long)sqlite3_column_int64(st, 8);
	out->max_files = sqlite3_column_int(st, 9);
	out->max_file_size = (long)sqlite3_column_int64(st, 10);
	nf = (size_t)sqlite3_column_int(st, 11);
	sqlite3_finalize(st);
	st = NULL;
	if (nf > FC_MAX_FIELDS) {
		err_set(err, errlen, "form %s: too many fields in the database / จำนวนช่องในฐานข้อมูลเกินกำหนด", id);
		goto out;
	}
	fields = arena_alloc(a, (nf ? nf : 1) * sizeof *fields);
	out->fields = fields;
	if (sqlite3_prepare_v2(db, "SELECT name, label_th, label_en, help_th, help_en, type, required, max_length,"
			       " personal, must_equal FROM form_fields WHERE form_id = ?1 ORDER BY position",
			       -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	for (i = 0; i < nf && (step = sqlite3_step(st)) == SQLITE_ROW; i++) {
		struct form_field *f = &fields[i];

		f->name = col_str(a, st, 0, 1);
		f->label_th = col_str(a, st, 1, 1);
		f->label_en = col_str(a, st, 2, 1);
		f->help_th = col_str(a, st, 3, 0);
		f->help_en = col_str(a, st, 4, 0);
		if (field_type_parse((const char *)sqlite3_column_text(st, 5), &f->type) < 0)
			f->type = FT_TEXT;
		f->required = sqlite3_column_int(st, 6);
		f->max_length = sqlite3_column_int(st, 7);
		f->personal = sqlite3_column_int(st, 8);
		f->must_equal = col_str(a, st, 9, 0);
	}
	out->n_fields = i;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value, label_th, label_en FROM form_choices"
			       " WHERE form_id = ?1 AND field_name = ?2 ORDER BY position", -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	for (i = 0; i < out->n_fields; i++) {
		struct form_field *f = &fields[i];
		size_t nc = 0, cap = 8;

		choices = arena_alloc(a, cap * sizeof *choices);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, f->name, -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW && nc < FC_MAX_CHOICES) {
			if (nc == cap) {
				struct form_choice *bigger = arena_alloc(a, 2 * cap * sizeof *bigger);

				memcpy(bigger, choices, cap * sizeof *bigger);
				choices = bigger;
				cap *= 2;
			}
			choices[nc].value = col_str(a, st, 0, 1);
			choices[nc].label_th = col_str(a, st, 1, 1);
			choices[nc].label_en = col_str(a, st, 2, 1);
			nc++;
		}
		sqlite3_reset(st);
		f->choices = nc ? choices : NULL;
		f->n_choices = nc;
	}
	rc = 0;
	goto out;
dberr:
	err_set(err, errlen, "database: loading form %s: %s / อ่านแบบฟอร์มจากฐานข้อมูลไม่ได้", id, sqlite3_errmsg(db));
	rc = -1;
out:
	sqlite3_finalize(st);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/* The decimal number s if it is 1..max, else dflt (strtonum-like: no sign,
 * no space, no overflow). */
static int positive_or(const char *s, long max, int dflt)
{
	long v = 0;

	if (!s || !*s)
		return dflt;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return dflt;
		v = v * 10 + (*s - '0');
		if (v > max)
			return dflt;
	}
	return v > 0 ? (int)v : dflt;
}

int db_settings_load(sqlite3 *db, struct arena *a, struct db_settings *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v2(db, "SELECT key, value FROM settings", -1, &st, NULL) != SQLITE_OK) {
		err_set(err, errlen, "database: settings: %s / อ่านค่าตั้งไม่ได้", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = col_str(a, st, 1, 1);

		if (!k)
			continue;
		if (strcmp(k, "public_key") == 0) s->public_key_b64 = v;
		else if (strcmp(k, "origins") == 0) s->origins = v;
		else if (strcmp(k, "thanks_base") == 0) s->thanks_base = v;
		else if (strcmp(k, "collector_path") == 0) s->collector_path = v;
		else if (strcmp(k, "rate_limit_per_hour") == 0) s->rate_limit_per_hour = positive_or(v, 1000000, -1);
		else if (strcmp(k, "repeat_window_s") == 0) s->repeat_window_s = positive_or(v, 86400, -1);
		else if (strcmp(k, "busy_timeout_ms") == 0) s->busy_timeout_ms = positive_or(v, 600000, 0);
		else if (strcmp(k, "office_name_th") == 0) s->office_name_th = v;
		else if (strcmp(k, "office_name_en") == 0) s->office_name_en = v;
		else if (strcmp(k, "office_phone") == 0) s->office_phone = v;
		else if (strcmp(k, "built_through") == 0) s->built_through = v ? strtoll(v, NULL, 10) : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		err_set(err, errlen, "database: settings: %s / อ่านค่าตั้งไม่ได้", sqlite3_errmsg(db));
		return -1;
	}
	if (!s->collector_path) { /* every install writes it */
		err_set(err, errlen, "database has no forms installed yet: run prongsai build --db / "
		       "ยังไม่ได้ติดตั้งแบบฟอร์มลงฐานข้อมูล");
		return -1;
	}
#define DEFAULT_STR(x) if (!s->x) s->x = ""
	DEFAULT_STR(public_key_b64);
	DEFAULT_STR(origins);
	DEFAULT_STR(thanks_base);
	DEFAULT_STR(office_name_th);
	DEFAULT_STR(office_name_en);
	DEFAULT_STR(office_phone);
#undef DEFAULT_STR
	if (!s->collector_path || !*s->collector_path)
		s->collector_path = DB_DEFAULT_COLLECTOR;
	if (s->rate_limit_per_hour == 0)
		s->rate_limit_per_hour = DB_DEFAULT_RATE_LIMIT;
	if (s->repeat_window_s == 0)
		s->repeat_window_s = DB_DEFAULT_REPEAT_S;
	if (s->busy_timeout_ms <= 0)
		s->busy_timeout_ms = DB_DEFAULT_BUSY_MS;
	return 0;
}
