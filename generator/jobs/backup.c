/* backup.c: see backup.h. */
#include "jobs/backup.h"
#include "errmsg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "cli.h"
#include "db.h"
#include "publish/fsutil.h"

#define TMP_PREFIX ".prongsai-backup-"

static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int backup_name_valid(const char *name)
{
	static const char pat[] = "prongsai-########T######Z.db";
	size_t i;

	if (strlen(name) != sizeof(pat) - 1)
		return 0;
	for (i = 0; pat[i]; i++)
		if (pat[i] == '#' ? !is_digit(name[i]) : name[i] != pat[i])
			return 0;
	return 1;
}

/* 1 if name is one of our temporary files: TMP_PREFIX, mkstemp's six
 * characters, and nothing or an SQLite suffix. */
static int tmp_name_valid(const char *name)
{
	size_t n = strlen(TMP_PREFIX), i;
	const char *rest;

	if (strncmp(name, TMP_PREFIX, n) != 0)
		return 0;
	for (i = 0; i < 6; i++)
		if (!is_alnum(name[n + i]))
			return 0;
	rest = name + n + 6;
	return !*rest || strcmp(rest, "-journal") == 0 || strcmp(rest, "-wal") == 0 ||
		strcmp(rest, "-shm") == 0;
}

/* Delete a temporary copy and whatever SQLite may have made beside it. */
static void remove_tmp(const char *tmp)
{
	static const char *const sfx[] = { "", "-journal", "-wal", "-shm" };
	char p[PATH_MAX + 16];
	size_t i;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", tmp, sfx[i]);
		unlink(p);
	}
}

/* Delete our temporary files in dir that are older than
 * BACKUP_STALE_SECONDS (a run that was killed); a running backup writes its
 * file all the time, so its mtime is recent.  Returns how many. */
static size_t remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	char p[PATH_MAX];
	time_t now = time(NULL);
	size_t n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (!tmp_name_valid(de->d_name))
			continue;
		if (snprintf(p, sizeof(p), "%s/%s", dir, de->d_name) >= (int)sizeof(p) ||
			lstat(p, &st) != 0 || !S_ISREG(st.st_mode) || now - st.st_mtime < BACKUP_STALE_SECONDS)
			continue;
		if (unlink(p) == 0)
			n++;
	}
	closedir(d);
	return n;
}

/* 1 if path starts with the SQLite header (an empty file does not). */
static int is_sqlite_file(const char *path)
{
	char h[16];
	int fd = open(path, O_RDONLY), ok;

	if (fd < 0)
		return 1; /* let SQLite say why it cannot be opened */
	ok = read(fd, h, sizeof(h)) == (ssize_t)sizeof(h) && memcmp(h, "SQLite format 3", 16) == 0;
	close(fd);
	return ok;
}

/* Open path read-only and check that it is a prongsai database.  In WAL
 * mode a read transaction is left open (the snapshot the copy is made of).
 * Returns 0 with *out, *wal and *version, or -1 with err and nothing open. */
static int open_source(const char *path, sqlite3 **out, int *wal, int *version,
	char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	char msg[512];
	int n = -1, code;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		err_set(err, errlen, "database %s: %s / ไม่พบฐานข้อมูล %s", path, strerror(errno), path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set(err, errlen, "database %s is not a file / %s ไม่ใช่แฟ้มฐานข้อมูล", path, path);
		return -1;
	}
	if (!is_sqlite_file(path)) {
		err_set(err, errlen, "%s is not a prongsai database (not an SQLite file) / "
			"แฟ้ม %s ไม่ใช่ฐานข้อมูลของ prongsai", path, path);
		return -1;
	}
	if (db_open(path, DB_OPEN_READONLY, &db, msg, sizeof(msg)) != 0) {
		err_set(err, errlen, "%s", msg);
		return -1;
	}
	*wal = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW)
		goto bad;
	*wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	st = NULL;
	if (*wal && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto bad;
	/* the first read: in WAL mode this fixes the snapshot */
	/* the collector's database, or the staff database (common/staffdb.h) */
	if (sqlite3_prepare_v2(db, "SELECT coalesce(sum(name IN ('settings', 'forms', 'submissions')), 0),"
		" coalesce(sum(name IN ('queue', 'queue_files')), 0) FROM sqlite_schema WHERE type = 'table'",
		-1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW)
		goto bad;
	n = sqlite3_column_int(st, 0) == 3 || sqlite3_column_int(st, 1) == 2;
	sqlite3_finalize(st);
	st = NULL;
	*version = db_schema_version(db);
	if (!n || *version < 1) {
		err_set(err, errlen, "%s is not a prongsai database (no schema version or tables) / "
			"แฟ้ม %s ไม่ใช่ฐานข้อมูลของ prongsai", path, path);
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
bad:
	code = sqlite3_errcode(db) & 0xff;
	if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
		err_set(err, errlen, "%s is not a prongsai database: %s / แฟ้ม %s ไม่ใช่ฐานข้อมูลของ prongsai",
			path, sqlite3_errmsg(db), path);
	else
		err_set(err, errlen, "cannot read database %s: %s / อ่านฐานข้อมูลไม่ได้", path, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return -1;
}

/* One-row, one-column query on db; its text into out.  0 or -1. */
static int query_text(sqlite3 *db, const char *sql, char *out, size_t outlen)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		snprintf(out, outlen, "%s", t ? (const char *)t : "");
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Copy src into dst, BACKUP_STEP_PAGES at a time.  0 or -1 with err. */
static int copy_pages(sqlite3 *src, sqlite3 *dst, int wal, struct backup_report *r,
	char *err, size_t errlen)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	double deadline = mono_now() + BACKUP_MAX_SECONDS;
	int rc, prev = -1, left;

	if (!b) {
		err_set(err, errlen, "backup: %s / เริ่มสำรองข้อมูลไม่ได้", sqlite3_errmsg(dst));
		return -1;
	}
	for (;;) {
		rc = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if (rc == SQLITE_DONE)
			break;
		if (mono_now() > deadline) {
			sqlite3_backup_finish(b);
			err_set(err, errlen, "backup: gave up after %d s: the database was busy or kept changing / "
				"ฐานข้อมูลไม่ว่างหรือเปลี่ยนตลอดเวลา เลิกสำรองหลัง %d วินาที",
				BACKUP_MAX_SECONDS, BACKUP_MAX_SECONDS);
			return -1;
		}
		if (rc == SQLITE_OK) {
			left = sqlite3_backup_remaining(b);
			if (prev >= 0 && left > prev)
				r->restarts++;
			prev = left;
			if (!wal)
				sleep_ms(2); /* a writer may take the lock between steps */
			continue;
		}
		if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
			sleep_ms(10);
			continue;
		}
		err_set(err, errlen, "backup: copying failed: %s%s / คัดลอกฐานข้อมูลไม่สำเร็จ%s", sqlite3_errstr(rc),
			(rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ? " (disk full? file too large?)" : "",
			(rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ? " (ดิสก์เต็ม?)" : "");
		sqlite3_backup_finish(b);
		return -1;
	}
	r->pages = sqlite3_backup_pagecount(b);
	rc = sqlite3_backup_finish(b);
	if (rc != SQLITE_OK) {
		err_set(err, errlen, "backup: %s / คัดลอกฐานข้อมูลไม่สำเร็จ", sqlite3_errmsg(dst));
		return -1;
	}
	return 0;
}

/* Turn the finished copy into one checked, self-contained file, and close
 * it.  0 or -1 with err (*dst closed either way). */
static int finish_copy(sqlite3 **dst, int version, struct backup_report *r, char *err, size_t errlen)
{
	char text[64];
	int rc;

	/* quick_check reads the copy first: its header still says WAL (copied
	 * from the source), so this opens it as WAL, and journal_mode=DELETE
	 * then really converts it */
	if (query_text(*dst, "PRAGMA quick_check", text, sizeof(text)) != 0 || strcmp(text, "ok") != 0) {
		err_set(err, errlen, "the copy fails PRAGMA quick_check (%s) / สำเนาไม่ผ่านการตรวจ quick_check",
			sqlite3_errmsg(*dst));
		goto fail;
	}
	if (query_text(*dst, "PRAGMA user_version", text, sizeof(text)) != 0 || atoi(text) != version) {
		err_set(err, errlen, "the copy has schema version %s, the database %d / รุ่นของสำเนาไม่ตรงกับฐานข้อมูล",
			text, version);
		goto fail;
	}
	/* the short-lived rate-limit counts and repeat digests (the staff
	 * database: the sessions) stay out of backups (docs/database.md);
	 * secure_delete zeroes their pages */
	if (query_text(*dst, "SELECT count(*) FROM sqlite_schema WHERE name = 'rate_limits'", text, sizeof(text)) != 0 ||
		sqlite3_exec(*dst, atoi(text) ? "PRAGMA secure_delete=ON; DELETE FROM rate_limits; DELETE FROM recent_submissions;"
				  : "PRAGMA secure_delete=ON; DELETE FROM sessions;",
			NULL, NULL, NULL) != SQLITE_OK) {
		err_set(err, errlen, "the copy: cannot drop the rate-limit rows (%s) / ลบข้อมูลจำกัดอัตราในสำเนาไม่ได้",
			sqlite3_errmsg(*dst));
		goto fail;
	}
	if (query_text(*dst, "PRAGMA journal_mode=DELETE", text, sizeof(text)) != 0 ||
		strcmp(text, "delete") != 0) {
		err_set(err, errlen, "the copy cannot leave WAL mode (%s) / เปลี่ยนโหมดของสำเนาไม่ได้",
			sqlite3_errmsg(*dst));
		goto fail;
	}
	if (query_text(*dst, "PRAGMA page_size", text, sizeof(text)) == 0)
		r->page_size = atoi(text);
	rc = sqlite3_close(*dst);
	*dst = NULL;
	if (rc != SQLITE_OK) {
		err_set(err, errlen, "closing the copy: %s / ปิดสำเนาไม่สำเร็จ", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
fail:
	sqlite3_close(*dst);
	*dst = NULL;
	return -1;
}

/* The file is one SQLite file in a rollback-journal mode, nothing beside. */
static int check_single_file(int fd, const char *tmp, char *err, size_t errlen)
{
	unsigned char h[100];
	char p[PATH_MAX + 16];
	struct stat st;

	if (pread(fd, h, sizeof(h), 0) != (ssize_t)sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0 ||
		h[18] != 1 || h[19] != 1) {
		err_set(err, errlen, "the copy is not a self-contained SQLite file / สำเนาไม่ใช่แฟ้มเดียวที่สมบูรณ์");
		return -1;
	}
	snprintf(p, sizeof(p), "%s-wal", tmp);
	if (lstat(p, &st) == 0) {
		err_set(err, errlen, "the copy left a -wal file / สำเนามีแฟ้ม -wal เหลืออยู่");
		return -1;
	}
	return 0;
}

/* Give tmp its final name in dir without ever replacing a file: the start
 * time; if a run of the same second has that name, the next free second,
 * waited for, so that names stay real times in the order the backups were
 * made (unless the clock goes back).  0 with r->path, or -1 with err. */
static int publish(const char *tmp, const char *dir, time_t started, struct backup_report *r,
	double *waited, char *err, size_t errlen)
{
	double w0 = mono_now();
	char name[64];
	struct stat st;
	struct tm tm;
	time_t t = started, now;
	int i;

	for (i = 0; i < 10; i++) {
		if (!gmtime_r(&t, &tm) || strftime(name, sizeof(name), "prongsai-%Y%m%dT%H%M%SZ.db", &tm) == 0 ||
			!backup_name_valid(name) ||
			snprintf(r->path, sizeof(r->path), "%s/%s", dir, name) >= (int)sizeof(r->path)) {
			err_set(err, errlen, "cannot name the backup / ตั้งชื่อแฟ้มสำรองไม่ได้");
			return -1;
		}
		if (link(tmp, r->path) == 0) {
			unlink(tmp);
			return 0;
		}
		/* a file system without hard links: rename, after checking */
		if (errno != EEXIST && lstat(r->path, &st) != 0) {
			if (rename(tmp, r->path) == 0)
				return 0;
			break;
		}
		while ((now = time(NULL)) <= t)
			sleep_ms(50);
		t = now;
		*waited = mono_now() - w0;
	}
	err_set(err, errlen, "cannot name the backup %s: %s / ตั้งชื่อแฟ้มสำรองไม่ได้", r->path,
		i == 10 ? "the name is taken" : strerror(errno));
	r->path[0] = '\0';
	return -1;
}

int backup_make(const struct backup_opts *o, struct backup_report *r, char *err, size_t errlen)
{
	sqlite3 *src = NULL, *dst = NULL;
	char tmp[PATH_MAX];
	struct stat st;
	double t0 = mono_now(), waited = 0;
	time_t started = time(NULL);
	int fd = -1, wal = 0, version = 0, ret = -1;

	memset(r, 0, sizeof(*r));
	tmp[0] = '\0';
	if (stat(o->dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		err_set(err, errlen, "%s is not a directory / %s ไม่ใช่โฟลเดอร์", o->dir, o->dir);
		return -1;
	}
	if (open_source(o->db, &src, &wal, &version, err, errlen) != 0)
		return -1;
	if (fs_mkdirs(o->dir, 0700, &r->dir_created, err, errlen) != 0)
		goto out;
	r->stale = remove_stale(o->dir);
	if (snprintf(tmp, sizeof(tmp), "%s/" TMP_PREFIX "XXXXXX", o->dir) >= (int)sizeof(tmp) - 16) {
		err_set(err, errlen, "path too long: %s / พาธยาวเกินไป", o->dir);
		tmp[0] = '\0';
		goto out;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		err_set(err, errlen, "cannot create a file in %s: %s / สร้างแฟ้มใน %s ไม่ได้", o->dir,
			strerror(errno), o->dir);
		tmp[0] = '\0';
		goto out;
	}
	if (fchmod(fd, 0600) != 0 ||
		sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
		/* durability comes from the fsync below, before the file is named */
		sqlite3_exec(dst, "PRAGMA synchronous=OFF", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(err, errlen, "cannot open %s: %s / เปิดแฟ้มสำเนาไม่ได้", tmp,
			dst ? sqlite3_errmsg(dst) : strerror(errno));
		goto out;
	}
	if (copy_pages(src, dst, wal, r, err, errlen) != 0)
		goto out;
	/* release the snapshot at once: the collector may reset its WAL again */
	if (wal)
		sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(src);
	src = NULL;
	if (finish_copy(&dst, version, r, err, errlen) != 0 ||
		check_single_file(fd, tmp, err, errlen) != 0)
		goto out;
	if (fstat(fd, &st) != 0 || fsync(fd) != 0) {
		err_set(err, errlen, "fsync %s: %s / บันทึกสำเนาลงดิสก์ไม่ได้", tmp, strerror(errno));
		goto out;
	}
	r->bytes = (long long)st.st_size;
	if (close(fd) != 0) {
		fd = -1;
		err_set(err, errlen, "close %s: %s / ปิดแฟ้มสำเนาไม่ได้", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (publish(tmp, o->dir, started, r, &waited, err, errlen) != 0)
		goto out;
	tmp[0] = '\0';
	if (fs_sync_dir(o->dir, err, errlen) != 0) {
		/* named but perhaps not durable: a failure leaves no new file */
		unlink(r->path);
		goto out;
	}
	ret = 0;
out:
	if (dst)
		sqlite3_close(dst);
	if (src) {
		if (wal)
			sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(src);
	}
	if (fd >= 0)
		close(fd);
	if (tmp[0])
		remove_tmp(tmp);
	r->seconds = mono_now() - t0 - waited;
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void note_removed(struct backup_report *r, const char *name)
{
	size_t len = strlen(r->removed_names), cap = sizeof(r->removed_names);

	r->removed++;
	if (len + 3 >= cap || (len >= 3 && strcmp(r->removed_names + len - 3, "...") == 0))
		return;
	if (len + strlen(name) + 2 + 4 >= cap) {
		snprintf(r->removed_names + len, cap - len, "%s...", len ? ", " : "");
		return;
	}
	snprintf(r->removed_names + len, cap - len, "%s%s", len ? ", " : "", name);
}

int backup_rotate(const char *dir, int keep, struct backup_report *r, char *err, size_t errlen)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char p[PATH_MAX], **names = NULL;
	const char *slash = strrchr(r->path, '/'), *mine = slash ? slash + 1 : r->path;
	size_t n = 0, cap = 0, left, i;
	int ret = 0;

	r->newer = 0;
	if (keep < 1)
		keep = 1;
	if (!(d = opendir(dir))) {
		err_set(err, errlen, "cannot read %s: %s / อ่านโฟลเดอร์ %s ไม่ได้", dir, strerror(errno), dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!backup_name_valid(de->d_name) ||
			snprintf(p, sizeof(p), "%s/%s", dir, de->d_name) >= (int)sizeof(p) ||
			lstat(p, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof(*names));
			if (!nn) {
				ret = -1;
				break;
			}
			names = nn;
		}
		if (!(names[n] = strdup(de->d_name))) {
			ret = -1;
			break;
		}
		n++;
	}
	closedir(d);
	if (ret != 0) {
		err_set(err, errlen, "out of memory / หน่วยความจำไม่พอ");
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return -1; /* delete nothing on a partial list */
	}
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++)
		if (*mine && strcmp(names[i], mine) > 0)
			r->newer++;
	for (i = 0, left = n; i < n && left > (size_t)keep; i++) {
		if (strcmp(names[i], mine) == 0)
			continue; /* never the backup just made */
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		if (unlink(p) == 0) {
			note_removed(r, names[i]);
			left--;
		} else if (errno == ENOENT) {
			left--; /* another run deleted it */
		} else {
			err_set(err, errlen, "cannot delete %s: %s / ลบแฟ้มสำรองเก่าไม่ได้", p, strerror(errno));
			ret = -1;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (r->removed && fs_sync_dir(dir, ret ? NULL : err, errlen) != 0)
		ret = -1;
	return ret;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: prongsai backup --db FILE --dir DIR [--keep N] [-q]\n"
		"  สำรองฐานข้อมูลขณะที่ collector ยังทำงาน ลงใน DIR/prongsai-YYYYMMDDTHHMMSSZ.db (เวลา UTC)\n"
		"  แล้วเก็บไว้ N ฉบับล่าสุด ลบฉบับที่เก่ากว่า\n"
		"  Copies the database online (SQLite backup API) into one self-contained file\n"
		"  DIR/prongsai-YYYYMMDDTHHMMSSZ.db (UTC, mode 0600), checked and fsynced, then\n"
		"  keeps the N newest such files of DIR and deletes older ones (no other file).\n"
		"  --db FILE   the collector's database (only read)\n"
		"  --dir DIR   where backups go (made 0700 if missing)\n"
		"  --keep N    backups kept, 1..%d (default %d): match it to the retention policy\n"
		"  -q          print nothing unless something fails\n"
		"  Exit 0 ok, 1 failure (earlier backups untouched), 2 usage error.\n",
		BACKUP_MAX_KEEP, BACKUP_DEFAULT_KEEP);
}

enum { OPT_DB = 256, OPT_DIR, OPT_KEEP };

int backup_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "keep", required_argument, NULL, OPT_KEEP },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct backup_opts o = { NULL, NULL, BACKUP_DEFAULT_KEEP };
	struct backup_report r;
	char err[1024];
	long k;
	int quiet = 0, c, rot;

	cli_start();
	while ((c = cli_next("backup", argc, argv, "qh", longopts)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'q':
			quiet = 1;
			break;
		case OPT_DB:
			o.db = optarg;
			break;
		case OPT_DIR:
			o.dir = optarg;
			break;
		case OPT_KEEP:
			if (cli_long(optarg, 1, BACKUP_MAX_KEEP, &k) != 0) {
				fprintf(stderr, "prongsai backup: --keep ต้องเป็น 1..%d / must be 1..%d (got %s)\n",
					BACKUP_MAX_KEEP, BACKUP_MAX_KEEP, optarg);
				return 2;
			}
			o.keep = (int)k;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		cli_usage_error("backup", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
		usage(stderr);
		return 2;
	}
	if (!o.db || !o.dir || !*o.db || !*o.dir) {
		fprintf(stderr, "prongsai backup: ต้องระบุ --db และ --dir / --db and --dir are required\n");
		usage(stderr);
		return 2;
	}
	if (backup_make(&o, &r, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai backup: %s\n"
			"prongsai backup: ไม่ได้สำรอง ฉบับสำรองเดิมไม่ถูกแตะต้อง / no backup made; "
			"earlier backups are untouched\n", err);
		return 1;
	}
	rot = backup_rotate(o.dir, o.keep, &r, err, sizeof(err));
	if (!quiet) {
		printf("prongsai backup: %s: %.1f MB, %lld pages, %.2f s", r.path, (double)r.bytes / 1e6,
			r.pages, r.seconds);
		if (r.restarts)
			printf(" (restarted %d times)", r.restarts);
		if (r.removed)
			printf("; removed %zu old (keep %d): %s", r.removed, o.keep, r.removed_names);
		else
			printf("; removed none (keep %d)", o.keep);
		if (r.stale)
			printf("; removed %zu stale temporary file(s)", r.stale);
		printf(" / สำรองแล้ว ลบฉบับเก่า %zu ฉบับ\n", r.removed);
		fflush(stdout);
	}
	if (r.newer)
		fprintf(stderr, "prongsai backup: คำเตือน: มีฉบับสำรอง %zu ฉบับที่ชื่อระบุเวลาหลังฉบับนี้ ตรวจนาฬิกาของเครื่อง / "
			"warning: %zu backup(s) are named later than this one: has the clock gone back? "
			"They count as the newest until then.\n", r.newer, r.newer);
	if (rot != 0) {
		fprintf(stderr, "prongsai backup: %s\nprongsai backup: สำรองแล้วแต่หมุนเวียนฉบับเก่าไม่สำเร็จ / "
			"the backup was made but the rotation failed\n", err);
		return 1;
	}
	return 0;
}
