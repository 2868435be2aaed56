/* backup.h: `prongsai backup`: online backup of the collector's database,
 * rotated.
 *
 *   prongsai backup --db FILE --dir DIR [--keep N] [-q]
 *
 * Copies FILE with SQLite's online backup API while the collector keeps
 * writing, into DIR/prongsai-YYYYMMDDTHHMMSSZ.db (UTC, the time the copy
 * started): one self-contained file (journal mode DELETE, no -wal/-shm),
 * mode 0600, checked (quick_check, schema version), made durable (fsync of
 * the file, then of DIR) and only then given its name.  Then keeps the N
 * newest files of DIR whose names match that pattern exactly and deletes the
 * older ones; no other file of DIR is touched, except the program's own
 * temporary files (.prongsai-backup-XXXXXX) left by a run that was killed,
 * once they are a day old.
 *
 * Why the collector is not held up: the source is opened read-only.  When it
 * is in WAL mode (every database that `prongsai build --db` made), one read
 * transaction is held for the whole copy, so the copy is one consistent
 * snapshot and writers are never blocked (WAL readers do not block writers);
 * the WAL can only not be reset past that snapshot until the copy ends.  A
 * source in a rollback-journal mode is copied BACKUP_STEP_PAGES at a time
 * with a short pause between steps, so a writer waits at most one step; if
 * it is written meanwhile, SQLite restarts the copy, which gives up after
 * BACKUP_MAX_SECONDS.
 */
#ifndef PRONGSAI_BACKUP_H
#define PRONGSAI_BACKUP_H

#include <limits.h>
#include <stddef.h>

#define BACKUP_DEFAULT_KEEP 14
#define BACKUP_MAX_KEEP 1000
#define BACKUP_STEP_PAGES 256
#define BACKUP_MAX_SECONDS 600      /* give up copying after this long */
#define BACKUP_STALE_SECONDS 86400  /* age of a left-over temporary file */
#define BACKUP_NAME_LEN 28          /* strlen("prongsai-20260101T023000Z.db") */

struct backup_opts {
	const char *db;   /* the live database (only read) */
	const char *dir;  /* where the backups go; made 0700 if missing */
	int keep;         /* 1..BACKUP_MAX_KEEP newest kept (backup_main: rotation) */
};

struct backup_report {
	char path[PATH_MAX];      /* the new backup */
	long long bytes;          /* its size */
	long long pages;          /* pages copied */
	int page_size;
	int restarts;             /* times SQLite restarted the copy */
	double seconds;           /* copy, checks and fsyncs (not the wait
				   * for a free name) */
	int dir_created;          /* DIR did not exist */
	size_t removed;           /* old backups deleted by the rotation */
	char removed_names[512];  /* their names, ", "-separated, "..." if cut */
	size_t stale;             /* left-over temporary files deleted */
	size_t newer;             /* backups named later than the new one */
};

/* 1 if name is exactly "prongsai-YYYYMMDDTHHMMSSZ.db" (digits where the
 * letters are), the names that backup_rotate() manages; else 0. */
int backup_name_valid(const char *name);

/* Make one backup of o->db in o->dir (see the top of this file).  Refuses,
 * before creating anything: a missing o->db or one that is not a regular
 * file, a file that is not a prongsai database (not SQLite, or without
 * PRAGMA user_version >= 1 and the tables settings, forms, submissions), and
 * an o->dir that exists but is not a directory.  Returns 0 with r filled in
 * (r->stale: temporary files of killed runs deleted; the rotation fields
 * stay 0), or -1 with err (English and Thai): then no temporary file of
 * this run is left and the existing backups are as they were.  o->dir may have been created (empty) if the failure came later. */
int backup_make(const struct backup_opts *o, struct backup_report *r, char *err, size_t errlen);

/* Delete the files of dir whose names pass backup_name_valid(), all but the
 * keep (>= 1) newest (by name, which is by time); regular files only.  The
 * file named in r->path (the backup just made; "" for none) is never
 * deleted, even if older names sort after it (a clock that went back: they
 * are counted in r->newer).  Counts and names the deleted files into
 * r->removed, r->removed_names.  Returns 0, or -1 with err if dir cannot be
 * read (nothing deleted) or a file cannot be deleted (the others are still
 * tried; a file that vanished meanwhile is not an error). */
int backup_rotate(const char *dir, int keep, struct backup_report *r, char *err, size_t errlen);

/* argv[0] is "backup".  Returns the exit status: 0 ok, 1 failure (message
 * on stderr, earlier backups untouched), 2 usage error. */
int backup_main(int argc, char **argv);

#endif
