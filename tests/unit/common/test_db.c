/* Unit tests of common/db.c and common/formcheck.c on a real SQLite file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "check.h"
#include "db.h"
#include "formcheck.h"
#include "testforms.h"

static char dir[] = "/tmp/prongsai-test-db-XXXXXX";
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

static char *text(sqlite3 *db, const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void test_open_migrate(void)
{
	sqlite3 *db = NULL;
	char err[512], other[300];

	CHECK_INT(db_open(path, DB_OPEN_EXISTING, &db, err, sizeof err), -1); /* the collector never creates */
	CHECK(db == NULL);
	CHECK(access(path, F_OK) != 0);
	CHECK_INT(db_open(path, DB_OPEN_CREATE, &db, err, sizeof err), 0);
	CHECK_STR(text(db, "PRAGMA journal_mode"), "wal");
	CHECK_INT(count(db, "PRAGMA synchronous"), 2); /* FULL */
	CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(db_schema_version(db), 0);
	CHECK_INT(db_migrate(db, err, sizeof err), 0);
	CHECK_INT(db_schema_version(db), DB_SCHEMA_VERSION);
	CHECK_INT(db_migrate(db, err, sizeof err), 0); /* idempotent */
	/* the file and its WAL and shared memory are 0600 whatever the umask */
	{
		static const char *const sfx[] = { "", "-wal", "-shm" };
		char p[300];
		struct stat st;
		int i;

		for (i = 0; i < 3; i++) {
			snprintf(p, sizeof p, "%s%s", path, sfx[i]);
			CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600);
		}
		CHECK_INT(db_check_private(path, err, sizeof err), 0);
		snprintf(p, sizeof p, "%s-shm", path);
		chmod(p, 0644);
		CHECK_INT(db_check_private(path, err, sizeof err), -1);
		CHECK(strstr(err, "-shm has mode 0644") != NULL);
		chmod(p, 0660); /* a shared group is allowed */
		CHECK_INT(db_check_private(path, err, sizeof err), 0);
		chmod(p, 0600);
		chmod(path, 0604);
		CHECK_INT(db_check_private(path, err, sizeof err), -1);
		chmod(path, 0600);
	}
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_schema WHERE type='table'"), 12); /* with sqlite_sequence */
	/* tracking lookups: one row per month in Thailand, a count, nothing else
	 * (2026-01-31 17:30 UTC is 1 February 00:30 in Thailand) */
	CHECK_INT(db_count_lookup(db, 1769880600, err, sizeof err), 0);
	CHECK_INT(db_count_lookup(db, 1769880600 + 86400, err, sizeof err), 0);
	CHECK_INT(db_count_lookup(db, 1769880600 - 3600, err, sizeof err), 0);
	CHECK_INT(count(db, "SELECT count FROM lookup_counts WHERE month = '2026-02'"), 2);
	CHECK_INT(count(db, "SELECT count FROM lookup_counts WHERE month = '2026-01'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_table_info('lookup_counts')"), 2);
	CHECK_INT(sqlite3_exec(db, "DELETE FROM lookup_counts", NULL, NULL, NULL), SQLITE_OK);
	/* a version-1 file with a submission: step 2 adds purged_at and notices
	 * and keeps the row */
	CHECK_INT(sqlite3_exec(db, "DROP TABLE notices; DROP TABLE lookup_counts;"
			       "ALTER TABLE submissions DROP COLUMN purged_at;"
			       "PRAGMA user_version=1;"
			       "INSERT INTO submissions(form_id, kind, channel, code, created_at)"
			       " VALUES ('c','complaint','general','AAAA','2026-01-01T00:00:00Z')",
			       NULL, NULL, NULL), SQLITE_OK);
	/* step 3 removes the old in-database salt and what was keyed with it */
	CHECK_INT(sqlite3_exec(db, "INSERT INTO settings VALUES ('rate_limit_salt', 'aa');"
			       "INSERT INTO rate_limits VALUES (1, x'01', 'c', 1);"
			       "INSERT INTO recent_submissions SELECT x'02', id, 9 FROM submissions",
			       NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(db_migrate(db, err, sizeof err), 0);
	CHECK_INT(db_schema_version(db), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM submissions WHERE code='AAAA' AND purged_at IS NULL"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM lookup_counts"), 0); /* step 4 made it */
	CHECK_INT(count(db, "SELECT count(*) FROM notices"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM settings WHERE key = 'rate_limit_salt'"), 0);
	CHECK_INT(count(db, "SELECT (SELECT count(*) FROM rate_limits) + (SELECT count(*) FROM recent_submissions)"), 0);
	sqlite3_exec(db, "DELETE FROM submissions", NULL, NULL, NULL);
	CHECK_INT(db_require_current(db, "x.db", err, sizeof err), 0);
	sqlite3_exec(db, "PRAGMA user_version=1", NULL, NULL, NULL);
	CHECK_INT(db_require_current(db, "x.db", err, sizeof err), -1);
	CHECK(strstr(err, "schema version 1") != NULL && strstr(err, "prongsai build --db x.db") != NULL);
	sqlite3_exec(db, "PRAGMA user_version=0", NULL, NULL, NULL);
	CHECK_INT(db_require_current(db, "x.db", err, sizeof err), -1);
	CHECK(strstr(err, "no schema") != NULL);
	sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
	CHECK_INT(db_require_current(db, "x.db", err, sizeof err), -1);
	CHECK(strstr(err, "newer prongsai") != NULL);
	CHECK_INT(db_migrate(db, err, sizeof err), -1); /* newer than us */
	CHECK(strstr(err, "newer") != NULL);
	sqlite3_exec(db, "PRAGMA user_version=4", NULL, NULL, NULL);
	sqlite3_close(db);
	/* a database that is not ours */
	snprintf(other, sizeof other, "%s/other.db", dir);
	CHECK_INT(db_open(other, DB_OPEN_CREATE, &db, err, sizeof err), 0);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	CHECK_INT(db_migrate(db, err, sizeof err), -1);
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_schema"), 1); /* untouched */
	sqlite3_close(db);
	CHECK_INT(db_open("", DB_OPEN_CREATE, &db, err, sizeof err), -1);
}

static void test_install(void)
{
	sqlite3 *db;
	char err[512];
	struct form_def forms[3] = { tf_complaint, tf_corruption, tf_survey };
	struct form_def bad[2];
	struct db_settings s = { 0 }, got;
	struct form_def f;
	struct arena a;
	struct form_field badfields[2];

	CHECK_INT(db_open(path, DB_OPEN_EXISTING, &db, err, sizeof err), 0);
	s.public_key_b64 = "GRt9pW/hEPe/ggiooyUdeT3JCeWWAVmZPD4ifWgAU0A=";
	s.origins = "HTTPS://Loei.Example.go.th:443/some/path http://127.0.0.1:8080/ https://loei.example.go.th";
	s.collector_path = "/cgi-bin/collect.cgi";
	s.rate_limit_per_hour = 7;
	s.office_phone = "0 4281 1773";
	CHECK_INT(formdb_install(db, forms, 3, &s, err, sizeof err), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM forms"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM form_fields WHERE form_id='complaint'"), (int)tf_complaint.n_fields);
	CHECK_INT(count(db, "SELECT count(*) FROM form_choices WHERE form_id='complaint'"), 4);
	/* no key of the rate-limit hashes in the database (collector/hourkey.h) */
	CHECK_INT(count(db, "SELECT count(*) FROM settings WHERE key LIKE '%salt%' OR key LIKE '%key%' AND key <> 'public_key'"), 0);
	/* base_url and --origin, reduced to origins, no repeats (origin.h) */
	CHECK_STR(text(db, "SELECT value FROM settings WHERE key='origins'"), "https://loei.example.go.th http://127.0.0.1:8080");
	CHECK_STR(text(db, "SELECT value FROM settings WHERE key='collector_path'"), "cgi-bin/collect.cgi");
	/* load it back */
	arena_init(&a);
	CHECK_INT(formdb_load(db, "complaint", &a, &f, err, sizeof err), 0);
	CHECK_STR(f.title_th, "ร้องเรียน");
	CHECK_INT(f.kind, FORM_COMPLAINT);
	CHECK_INT(f.channel, CHANNEL_GENERAL);
	CHECK_INT(f.n_fields, tf_complaint.n_fields);
	CHECK_STR(f.fields[0].name, "subject");
	CHECK_INT(f.fields[0].max_length, 10);
	CHECK_INT(f.fields[0].required, 1);
	CHECK_STR(f.fields[2].choices[1].value, "dan-sai");
	CHECK_STR(f.fields[2].choices[1].label_th, "ด่านซ้าย");
	CHECK_INT(f.fields[2].n_choices, 2);
	CHECK_INT(f.fields[7].personal, 1);
	CHECK_STR(f.fields[10].must_equal, "yes");
	CHECK_INT(f.fields[1].type, FT_TEXTAREA);
	CHECK_INT(f.max_files, 3);
	CHECK_INT(form_def_check(&f, err, sizeof err), 0);
	CHECK_INT(formdb_load(db, "satisfaction", &a, &f, err, sizeof err), 0);
	CHECK_INT(f.kind, FORM_SURVEY);
	CHECK_INT(f.max_files, 0);
	CHECK_INT(formdb_load(db, "nosuch", &a, &f, err, sizeof err), 1);
	CHECK_INT(formdb_load(db, "../etc", &a, &f, err, sizeof err), 1);
	CHECK_INT(db_settings_load(db, &a, &got, err, sizeof err), 0);
	CHECK_INT(got.rate_limit_per_hour, 7);
	CHECK_INT(got.repeat_window_s, DB_DEFAULT_REPEAT_S);
	CHECK_INT(got.busy_timeout_ms, DB_DEFAULT_BUSY_MS);
	CHECK_STR(got.thanks_base, "");
	CHECK_STR(got.office_phone, "0 4281 1773");
	/* a second install replaces everything */
	s.rate_limit_per_hour = -1;
	s.repeat_window_s = -1;
	s.thanks_base = "https://loei.example.go.th/site";
	CHECK_INT(formdb_install(db, forms + 2, 1, &s, err, sizeof err), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM forms"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM form_fields"), 2);
	CHECK_INT(db_settings_load(db, &a, &got, err, sizeof err), 0);
	CHECK_INT(got.rate_limit_per_hour, -1);
	CHECK_INT(got.repeat_window_s, -1);
	CHECK_STR(got.thanks_base, "https://loei.example.go.th/site/");
	/* errors leave everything as it was */
	bad[0] = tf_complaint;
	bad[1] = tf_complaint; /* same id twice */
	CHECK_INT(formdb_install(db, bad, 2, &s, err, sizeof err), -1);
	CHECK(strstr(err, "twice") != NULL);
	bad[1] = tf_corruption;
	memcpy(badfields, tf_survey_fields, sizeof badfields);
	badfields[1].name = "website"; /* the honeypot's name */
	bad[1].fields = badfields;
	bad[1].n_fields = 2;
	bad[1].kind = FORM_COMPLAINT;
	CHECK_INT(formdb_install(db, bad, 2, &s, err, sizeof err), -1);
	CHECK(strstr(err, "reserved") != NULL);
	s.public_key_b64 = "not base64!";
	CHECK_INT(formdb_install(db, forms, 3, &s, err, sizeof err), -1);
	s.public_key_b64 = "";
	s.origins = "https://loei.example.go.th ftp://x";
	CHECK_INT(formdb_install(db, forms, 3, &s, err, sizeof err), -1);
	CHECK(strstr(err, "ftp://x") != NULL);
	s.origins = NULL;
	s.thanks_base = "relative/path";
	CHECK_INT(formdb_install(db, forms, 3, &s, err, sizeof err), -1);
	CHECK_INT(count(db, "SELECT count(*) FROM forms"), 1);
	CHECK_STR(text(db, "SELECT id FROM forms"), "satisfaction");
	CHECK_STR(text(db, "SELECT value FROM settings WHERE key='public_key'"),
		  "GRt9pW/hEPe/ggiooyUdeT3JCeWWAVmZPD4ifWgAU0A=");
	/* an install (the hourly build) deletes expired rate-limit counts and
	 * repeat digests, and only those */
	{
		long long hour = (long long)time(NULL) / 3600;
		char sql[600];

		snprintf(sql, sizeof sql, "INSERT INTO submissions(id, form_id, kind, channel, code, created_at)"
			 " VALUES (77, 'complaint', 'complaint', 'general', 'R', '2026-01-01T00:00:00Z');"
			 "INSERT INTO rate_limits VALUES (%lld, x'01', 'c', 1), (%lld, x'02', 'c', 1);"
			 "INSERT INTO recent_submissions VALUES (x'01', 77, %lld), (x'02', 77, %lld)",
			 hour - 1, hour, (long long)time(NULL) - 1, (long long)time(NULL) + 600);
		CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		s.thanks_base = NULL;
		CHECK_INT(formdb_install(db, forms + 2, 1, &s, err, sizeof err), 0);
		CHECK_INT(count(db, "SELECT count(*) FROM rate_limits WHERE client = x'02'"), 1);
		CHECK_INT(count(db, "SELECT count(*) FROM rate_limits"), 1);
		CHECK_INT(count(db, "SELECT count(*) FROM recent_submissions WHERE digest = x'02'"), 1);
		CHECK_INT(count(db, "SELECT count(*) FROM recent_submissions"), 1);
		CHECK_INT(db_purge_expired(db, time(NULL) + 3600, err, sizeof err), 0);
		CHECK_INT(count(db, "SELECT (SELECT count(*) FROM rate_limits) + (SELECT count(*) FROM recent_submissions)"), 0);
		sqlite3_exec(db, "DELETE FROM submissions", NULL, NULL, NULL);
	}
	/* submissions survive an install that drops their form */
	sqlite3_exec(db, "INSERT INTO submissions(form_id, kind, channel, code, created_at)"
		     " VALUES ('complaint', 'complaint', 'general', 'X', '2026-01-01T00:00:00Z')", NULL, NULL, NULL);
	s.thanks_base = NULL;
	CHECK_INT(formdb_install(db, forms + 2, 1, &s, err, sizeof err), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM submissions"), 1);
	CHECK_INT(count(db, "PRAGMA integrity_check") , 0); /* "ok" is not a number */
	CHECK_STR(text(db, "PRAGMA integrity_check"), "ok");
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	arena_free(&a);
	sqlite3_close(db);
}

static void test_formcheck(void)
{
	char err[512];
	struct form_def f = tf_complaint;
	struct form_field fields[2];

	CHECK_INT(form_def_check(&tf_complaint, err, sizeof err), 0);
	CHECK_INT(form_def_check(&tf_survey, err, sizeof err), 0);
	/* a question form: the general channel only, a tracking code, no files */
	f.kind = FORM_QUESTION;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1); /* tf_complaint has a file field */
	f = tf_survey;
	f.kind = FORM_QUESTION;
	f.channel = CHANNEL_GENERAL;
	CHECK_INT(form_def_check(&f, err, sizeof err), 0);
	f.channel = CHANNEL_CORRUPTION;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	CHECK(strstr(err, "question") != NULL);
	f.channel = CHANNEL_NONE;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	CHECK(form_kind_coded(FORM_QUESTION) && form_kind_coded(FORM_COMPLAINT) && !form_kind_coded(FORM_SURVEY));
	f = tf_complaint;
	f.id = "Bad_Id";
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	f.id = "health";
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	f.id = "complaint";
	f.max_files = 4;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	f.max_files = 3;
	f.max_file_size = FC_MAX_FILE_SIZE + 1;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	f = tf_survey;
	memcpy(fields, tf_survey_fields, sizeof fields);
	fields[1].type = FT_FILE; /* surveys take no files */
	f.fields = fields;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	fields[1].type = FT_CHOICE; /* a choice without choices */
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	fields[1].type = FT_TEXT;
	fields[1].max_length = FC_MAX_LENGTH + 1;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	fields[1].max_length = FC_MAX_LENGTH;
	CHECK_INT(form_def_check(&f, err, sizeof err), 0);
	f.channel = CHANNEL_GENERAL;
	CHECK_INT(form_def_check(&f, err, sizeof err), -1);
	/* the respondent type: a choice, not personal; found by its name */
	{
		static const struct form_choice types[] = { { "staff", "เจ้าหน้าที่", "Staff" },
			{ "public", "ประชาชน", "Public" } };
		f.channel = CHANNEL_NONE;
		CHECK(form_respondent_field(&f) == NULL);
		fields[1].name = FORM_RESPONDENT_FIELD;
		fields[1].type = FT_TEXT;
		fields[1].max_length = 0;
		CHECK_INT(form_def_check(&f, err, sizeof err), -1);
		CHECK(strstr(err, "ประเภทผู้ตอบ") != NULL);
		CHECK(form_respondent_field(&f) == NULL);
		fields[1].type = FT_CHOICE;
		fields[1].choices = types;
		fields[1].n_choices = 2;
		CHECK_INT(form_def_check(&f, err, sizeof err), 0);
		CHECK(form_respondent_field(&f) == &fields[1]);
		fields[1].personal = 1;
		CHECK_INT(form_def_check(&f, err, sizeof err), -1);
		CHECK(form_respondent_field(&f) == NULL);
	}
	CHECK(form_max_body(&tf_complaint) == 16000000);
	CHECK(form_max_body(&tf_survey) > 0 && form_max_body(&tf_survey) < 200000);
	CHECK_INT(form_max_files(&tf_survey), 0);
	CHECK_STR(scale_label_th(5), "มากที่สุด");
	CHECK_STR(scale_label_th(1), "น้อยที่สุด");
}

static void test_helpers(void)
{
	unsigned char pk[32];

	CHECK_INT(db_public_key_decode("GRt9pW/hEPe/ggiooyUdeT3JCeWWAVmZPD4ifWgAU0A=", pk), 0);
	CHECK_INT(db_public_key_decode("GRt9pW_hEPe_ggiooyUdeT3JCeWWAVmZPD4ifWgAU0A", pk), 0);
	CHECK_INT(db_public_key_decode("GRt9pW/hEPe/ggiooyUdeT3JCeWWAVmZPD4ifWgAU0", pk), -1);
	CHECK_INT(db_public_key_decode("", pk), -1);
}

/* thanks_base: one rule for check (site.yaml) and the database install. */
static void test_thanks_base(void)
{
	CHECK(db_thanks_base_valid("/"));
	CHECK(db_thanks_base_valid("https://loei.example.go.th/site"));
	CHECK(!db_thanks_base_valid("https://loei.example.go.th/?a=1")); /* the collector appends a query */
	CHECK(!db_thanks_base_valid("https:///path"));                   /* no host */
	CHECK(!db_thanks_base_valid("//host/path"));
	CHECK(!db_thanks_base_valid("loei.example.go.th/forms"));
	CHECK(!db_thanks_base_valid("/a b"));
	CHECK(!db_thanks_base_valid(NULL));
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	test_open_migrate();
	test_install();
	test_formcheck();
	test_helpers();
	test_thanks_base();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_RESULT();
}
