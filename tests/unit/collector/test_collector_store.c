/* Unit tests of collector/store.c, fingerprint.c and seal.c on a real
 * SQLite file: stored once, repeats folded, rate limit, busy timeout,
 * personal data only sealed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>

#include "check.h"
#include "buf.h"
#include "db.h"
#include "fingerprint.h"
#include "seal.h"
#include "store.h"
#include "urlenc.h"
#include "submission.h"
#include "writelock.h"
#include <sys/wait.h>
#include <unistd.h>
#include "testforms.h"

static char dir[] = "/tmp/prongsai-test-store-XXXXXX";
static char path[256];
static sqlite3 *db;
static unsigned char hour_key[HOURKEY_BYTES];
static unsigned char pk[32], sk[32];

static int count(const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Validate body for form, fingerprint it as coming from addr, seal, store. */
static enum store_result submit(const struct form_def *form, const char *body, const char *addr, time_t now,
				int limit, char code[TRACKCODE_SIZE])
{
	static char copy[4096];
	static struct form_data fd;
	static struct submission s;
	static unsigned char box[8192];
	struct store_input in;
	struct buf plain;
	const char *reason;
	char err[256];
	long retry;
	int n;
	enum store_result r;

	snprintf(copy, sizeof copy, "%s=&%s", FC_HONEYPOT, body); /* as a form page sends it */
	fd.n = 0;
	if (urlenc_parse(copy, strlen(copy), &fd, &reason) != PARSE_OK)
		return STORE_FAILED;
	validate_submission(form, &fd, 1, &s);
	if (s.status)
		return STORE_FAILED;
	memset(&in, 0, sizeof in);
	in.form = form;
	in.sub = &s;
	in.now = now;
	in.rate_limit = limit;
	in.repeat_window = 600;
	in.lock_fd = -1;
	client_key(hour_key, addr, in.client);
	in.have_digest = submission_digest(form, &s, in.digest);
	buf_init(&plain, 4096);
	n = seal_serialize_personal(form, &s, &plain);
	if (n > 0) {
		CHECK_INT(seal_bytes((unsigned char *)plain.data, plain.len, pk, box), 0);
		in.sealed = box;
		in.sealed_len = plain.len + SEAL_OVERHEAD;
	}
	buf_free(&plain);
	r = store_submission(db, &in, code, &retry, err, sizeof err);
	if (r == STORE_LIMITED)
		CHECK(retry > 0 && retry <= 3600);
	return r;
}

static void test_store(void)
{
	char code[TRACKCODE_SIZE], code2[TRACKCODE_SIZE], norm[TRACKCODE_SIZE];
	time_t now = 1767225600; /* 2026-01-01T00:00:00Z */
	sqlite3_stmt *st;
	unsigned char opened[512];
	const unsigned char *blob;
	int blen;

	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&name=Canary+Somchai&phone=0812345678",
			 "192.0.2.1", now, 3, code), STORE_OK);
	CHECK_INT(trackcode_normalize(code, norm), 0);
	CHECK_INT(count("SELECT count(*) FROM submissions"), 1);
	CHECK_INT(count("SELECT count(*) FROM submission_values"), 3); /* subject, detail, consent */
	CHECK_INT(count("SELECT count(*) FROM submission_values WHERE value LIKE '%Canary%' OR name IN ('name','phone')"), 0);
	CHECK_INT(count("SELECT count(*) FROM submissions WHERE created_at = '2026-01-01T00:00:00Z'"), 1);
	/* the sealed blob opens with the secret key, and only the personal values are in it */
	CHECK(sqlite3_prepare_v2(db, "SELECT sealed FROM submissions", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	blob = sqlite3_column_blob(st, 0);
	blen = sqlite3_column_bytes(st, 0);
	CHECK(blob && blen > (int)SEAL_OVERHEAD && (size_t)blen - SEAL_OVERHEAD < sizeof opened);
	if (blob && blen > (int)SEAL_OVERHEAD) {
		CHECK_INT(crypto_box_seal_open(opened, blob, (unsigned long long)blen, pk, sk), 0);
		opened[blen - SEAL_OVERHEAD] = '\0';
		CHECK_STR((char *)opened, "name=Canary%20Somchai&phone=0812345678");
	}
	sqlite3_finalize(st);
	/* without a page token nothing is folded: the same text sent again is
	 * a new submission (two people on one address) */
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&name=Canary+Somchai&phone=0812345678",
			 "192.0.2.1", now + 60, 3, code2), STORE_OK);
	CHECK(strcmp(code2, code) != 0);
	/* the same page (token) sent again minutes later: the earlier code, no new row */
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&form_token=tokAAAAAAAAAAAAAAAAAAAA",
			 "192.0.2.2", now + 60, 0, code), STORE_OK);
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&form_token=tokAAAAAAAAAAAAAAAAAAAA",
			 "192.0.2.2", now + 120, 0, code2), STORE_REPEAT);
	CHECK_STR(code2, code);
	/* from another address too (a phone moving from Wi-Fi to mobile data) */
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&form_token=tokAAAAAAAAAAAAAAAAAAAA",
			 "2001:db8::5", now + 130, 0, code2), STORE_REPEAT);
	CHECK_STR(code2, code);
	/* another page (token) with the same text: a new submission */
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&form_token=tokBBBBBBBBBBBBBBBBBBBB",
			 "192.0.2.2", now + 130, 0, code2), STORE_OK);
	CHECK(strcmp(code2, code) != 0);
	/* after the repeat window the same page is new too */
	CHECK_INT(submit(&tf_complaint, "subject=s1&detail=d&consent=yes&form_token=tokAAAAAAAAAAAAAAAAAAAA",
			 "192.0.2.2", now + 60 + 601, 0, code2), STORE_OK);
	CHECK(strcmp(code2, code) != 0);
	CHECK_INT(count("SELECT count(*) FROM submissions"), 5);
	/* rate limit 3 per hour for 192.0.2.1: 2 used; one more, then 429 */
	CHECK_INT(submit(&tf_complaint, "subject=s2&detail=d&consent=yes", "192.0.2.1", now + 700, 3, code2), STORE_OK);
	CHECK_INT(submit(&tf_complaint, "subject=s3&detail=d&consent=yes", "192.0.2.1", now + 800, 3, code2), STORE_LIMITED);
	CHECK_STR(code2, "");
	CHECK_INT(count("SELECT count(*) FROM submissions"), 6);
	/* other forms have their own count; the next hour starts again */
	CHECK_INT(submit(&tf_corruption, "subject=s3&detail=d&consent=yes", "192.0.2.1", now + 800, 3, code2), STORE_OK);
	CHECK_INT(submit(&tf_complaint, "subject=s3&detail=d&consent=yes", "192.0.2.1", now + 3600, 3, code2), STORE_OK);
	CHECK_INT(count("SELECT count(*) FROM rate_limits WHERE hour < 1767225600 / 3600 + 1"), 0); /* purged */
	/* the address itself is never stored */
	CHECK_INT(count("SELECT count(*) FROM rate_limits WHERE instr(client, '192.0.2.1') > 0"), 0);
	/* surveys have no code */
	CHECK_INT(submit(&tf_survey, "overall=5", "192.0.2.1", now, 0, code2), STORE_OK);
	CHECK_STR(code2, "");
	CHECK_INT(count("SELECT count(*) FROM submissions WHERE kind='survey' AND code IS NULL"), 1);
	/* identical answers from another person on the same Wi-Fi: kept */
	CHECK_INT(submit(&tf_survey, "overall=5", "192.0.2.1", now + 1, 0, code2), STORE_OK);
	CHECK_INT(count("SELECT count(*) FROM submissions WHERE kind='survey'"), 2);
	/* the same page sent twice: folded */
	CHECK_INT(submit(&tf_survey, "overall=5&form_token=0123456789abcdef", "192.0.2.1", now + 2, 0, code2), STORE_OK);
	CHECK_INT(submit(&tf_survey, "overall=5&form_token=0123456789abcdef", "192.0.2.1", now + 3, 0, code2), STORE_REPEAT);
	CHECK_INT(count("SELECT count(*) FROM submissions WHERE kind='survey'"), 3);
	/* the digest never involves the client: same page, other address, folded */
	CHECK_INT(submit(&tf_corruption, "subject=x&detail=d&consent=yes&form_token=0123456789abcdef", "192.0.2.1",
			 now + 4, 0, code), STORE_OK);
	CHECK_INT(submit(&tf_corruption, "subject=x&detail=d&consent=yes&form_token=0123456789abcdef", "198.51.100.3",
			 now + 5, 0, code2), STORE_REPEAT);
	CHECK_STR(code2, code);
	CHECK_INT(count("SELECT count(*) FROM submissions WHERE kind='complaint' AND channel='corruption'"), 2);
}

/* A corruption report: only its choices readable; subject, details and
 * personal values in one sealed box (issue 19.3). */
static void test_corruption_sealed(void)
{
	char code[TRACKCODE_SIZE];
	sqlite3_stmt *st;
	unsigned char opened[1024];
	const unsigned char *blob;
	int blen, before = count("SELECT count(*) FROM submission_values");

	CHECK_INT(submit(&tf_corruption, "subject=CanarySubj&detail=CanaryDetail&district=dan-sai&consent=yes"
			 "&name=CanaryName", "192.0.2.50", 1767225600, 0, code), STORE_OK);
	CHECK_INT(count("SELECT count(*) FROM submission_values") - before, 1);
	CHECK_INT(count("SELECT count(*) FROM submission_values v JOIN submissions s ON s.id = v.submission_id"
			" WHERE s.id = (SELECT max(id) FROM submissions) AND v.name = 'district' AND v.value = 'dan-sai'"), 1);
	CHECK_INT(count("SELECT count(*) FROM submission_values WHERE value LIKE 'Canary%'"), 0);
	CHECK(sqlite3_prepare_v2(db, "SELECT sealed FROM submissions WHERE id = (SELECT max(id) FROM submissions)",
				 -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	blob = sqlite3_column_blob(st, 0);
	blen = sqlite3_column_bytes(st, 0);
	CHECK(blob && blen > (int)SEAL_OVERHEAD && (size_t)blen - SEAL_OVERHEAD < sizeof opened);
	if (blob && blen > (int)SEAL_OVERHEAD && (size_t)blen - SEAL_OVERHEAD < sizeof opened) {
		CHECK_INT(crypto_box_seal_open(opened, blob, (unsigned long long)blen, pk, sk), 0);
		opened[blen - SEAL_OVERHEAD] = '\0';
		CHECK_STR((char *)opened, "subject=CanarySubj&detail=CanaryDetail&name=CanaryName&consent=yes");
	}
	sqlite3_finalize(st);
}

/* IPv4 /32, IPv6 /64, every text form of an address alike (issue 19.7). */
static void test_network(void)
{
	unsigned char a[CLIENT_NET_BYTES], b[CLIENT_NET_BYTES], k1[CLIENT_KEY_BYTES], k2[CLIENT_KEY_BYTES];
	unsigned char key2[HOURKEY_BYTES];
	time_t now = 1767225600 + 7200;
	char code[TRACKCODE_SIZE];
	int i;

	CHECK_INT(client_network("192.0.2.7", a), 5);
	CHECK(a[0] == 4 && a[1] == 192 && a[4] == 7);
	CHECK_INT(client_network("::ffff:192.0.2.7", b), 5);
	CHECK(memcmp(a, b, 5) == 0);
	CHECK_INT(client_network("2001:db8:1:2:aaaa::1", a), 9);
	CHECK_INT(client_network("2001:0DB8:0001:0002:ffff:ffff:ffff:fffe%eth0", b), 9);
	CHECK(memcmp(a, b, 9) == 0);
	CHECK_INT(client_network("2001:db8:1:3::1", b), 9);
	CHECK(memcmp(a, b, 9) != 0);
	CHECK_INT(client_network("not an address", a), 0);
	CHECK_INT(client_network("", a), 0);
	CHECK_INT(client_network(NULL, a), 0);
	CHECK_INT(client_network("1.2.3.4.5", a), 0);
	CHECK_INT(client_network("2001:db8::1::2", a), 0);
	/* 192.0.2.7 and 192.0.2.8 are two clients (/32) */
	client_key(hour_key, "192.0.2.7", k1);
	client_key(hour_key, "192.0.2.8", k2);
	CHECK(memcmp(k1, k2, sizeof k1) != 0);
	/* another hour's key gives another hash for the same address */
	memcpy(key2, hour_key, sizeof key2);
	key2[0] ^= 1;
	client_key(key2, "192.0.2.7", k2);
	CHECK(memcmp(k1, k2, sizeof k1) != 0);
	/* one IPv6 /64 is one client: the limit (3) holds across its addresses */
	for (i = 0; i < 3; i++) {
		char addr[64], body[64];

		snprintf(addr, sizeof addr, "2001:db8:7:7:%x::%x", i * 4096 + 1, i + 1);
		snprintf(body, sizeof body, "subject=v6-%d&detail=d&consent=yes", i);
		CHECK_INT(submit(&tf_complaint, body, addr, now, 3, code), STORE_OK);
	}
	CHECK_INT(submit(&tf_complaint, "subject=v6-x&detail=d&consent=yes", "2001:db8:7:7:ffff::9", now, 3, code),
		  STORE_LIMITED);
	CHECK_INT(submit(&tf_complaint, "subject=v6-y&detail=d&consent=yes", "2001:db8:7:8::1", now, 3, code), STORE_OK);
}

static void test_busy(void)
{
	sqlite3 *other;
	char err[256], code[TRACKCODE_SIZE];
	struct timespec t0, t1;
	double ms;
	int before = count("SELECT count(*) FROM submissions");

	CHECK_INT(db_open(path, DB_OPEN_EXISTING, &other, err, sizeof err), 0);
	CHECK_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	db_set_busy_timeout(db, 200);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(submit(&tf_complaint, "subject=busy&detail=d&consent=yes", "192.0.2.9", time(NULL), 0, code), STORE_BUSY);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1000 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	CHECK(ms >= 200 && ms < 2000);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	CHECK_INT(count("SELECT count(*) FROM submissions"), before); /* nothing written */
	CHECK_INT(submit(&tf_complaint, "subject=busy&detail=d&consent=yes", "192.0.2.9", time(NULL), 0, code), STORE_OK);
	sqlite3_close(other);
	db_set_busy_timeout(db, DB_DEFAULT_BUSY_MS);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void test_writelock(void)
{
	int a = writelock_open(path), b = writelock_open(path);
	pid_t pid;
	struct timespec t0, t1;
	double ms;

	CHECK(a >= 0 && b >= 0);
	CHECK_INT(writelock_acquire(a, 1000), 0);
	pid = fork();
	if (pid == 0) { /* another process: must wait, then time out */
		int c = writelock_open(path), r = writelock_acquire(c, 100);

		_exit(r == 1 ? 0 : 1);
	}
	CHECK(pid > 0);
	if (pid > 0) {
		int st = -1;

		waitpid(pid, &st, 0);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	/* released: the other process gets it while we wait our turn */
	pid = fork();
	if (pid == 0) {
		int c = writelock_open(path), r = writelock_acquire(c, 2000);

		sleep_ms(200);
		writelock_release(c);
		_exit(r == 0 ? 0 : 1);
	}
	writelock_release(a);
	sleep_ms(50);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(writelock_acquire(b, 3000), 0); /* after the child's 200 ms */
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1000 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	CHECK(ms >= 100 && ms < 2000);
	writelock_release(b);
	if (pid > 0) {
		int st = -1;

		waitpid(pid, &st, 0);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	CHECK_INT(writelock_acquire(-1, 100), -1);
	close(a);
	close(b);
}

int main(void)
{
	char err[512], cmd[300];
	struct form_def forms[3] = { tf_complaint, tf_corruption, tf_survey };
	struct db_settings s = { 0 };
	struct arena a;
	char pk_b64[64];

	if (!mkdtemp(dir) || sodium_init() < 0)
		return 1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	crypto_box_keypair(pk, sk);
	sodium_bin2base64(pk_b64, sizeof pk_b64, pk, 32, sodium_base64_VARIANT_ORIGINAL);
	s.public_key_b64 = pk_b64;
	arena_init(&a);
	if (db_open(path, DB_OPEN_CREATE, &db, err, sizeof err) || db_migrate(db, err, sizeof err) ||
	    formdb_install(db, forms, 3, &s, err, sizeof err) || db_settings_load(db, &a, &s, err, sizeof err)) {
		fprintf(stderr, "setup: %s\n", err);
		return 1;
	}
	randombytes_buf(hour_key, sizeof hour_key);
	test_store();
	test_network();
	test_corruption_sealed();
	test_busy();
	test_writelock();
	CHECK_INT(count("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
	sqlite3_close(db);
	arena_free(&a);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_RESULT();
}
