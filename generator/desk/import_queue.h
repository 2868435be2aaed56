/* import_queue.h: the import queue in the staff database (STAFFDB.md:
 * tables queue and queue_files), as `prongsai import` reads and settles it.
 *
 * import is the only writer of queue.state, reason, commit_id and done_at.
 * Each write is one short transaction and changes a row only while it is
 * still 'queued', so a row is settled at most once.
 *
 * The database is opened with staffdb_open().  Functions return 0, or -1 with a message in err (English, then Thai)
 * and the database unchanged.
 */
#ifndef PRONGSAI_IMPORT_QUEUE_H
#define PRONGSAI_IMPORT_QUEUE_H

#include <stddef.h>
#include <time.h>
#include <sqlite3.h>
#include "arena.h"
#include "staffdb.h"

#define IQ_MAX_FILES STAFFDB_FILES_MAX    /* files of one entry, as enqueueing allows */
#define IQ_MAX_BYTES (STAFFDB_FILES_MAX * STAFFDB_FILE_MAX) /* bytes of one entry's files */
#define IQ_MAX_REASON (16 * 1024)         /* bytes of a stored reason */

struct iq_file {
	const char *path;          /* relative to the content folder (unchecked) */
	const unsigned char *data; /* the whole file */
	size_t len;
};

struct iq_entry {
	long long id;
	const char *kind, *person_id, *subject, *message;
	long long received_at;
	struct iq_file *files;     /* by path */
	size_t n_files;
	int too_big;               /* more than IQ_MAX_FILES files or IQ_MAX_BYTES
				    * bytes: files not read (n_files 0) */
};

/* The oldest 'queued' entry (by received_at, then id) with its files,
 * copied into a (one read transaction); *found 0 when there is none. */
int iq_next(sqlite3 *db, struct arena *a, struct iq_entry *e, int *found,
	    char *err, size_t errlen);

/* Number of 'queued' entries. */
int iq_count(sqlite3 *db, long *n, char *err, size_t errlen);

/* Settle entry id as 'committed' with commit_id (40 hex), done_at now;
 * reason may be NULL.  Only a 'queued' row is changed. */
int iq_committed(sqlite3 *db, long long id, const char *commit_id, const char *reason, time_t now,
		 char *err, size_t errlen);

/* Settle entry id as 'rejected' with reason (cut to IQ_MAX_REASON bytes on
 * a UTF-8 boundary), done_at now.  Only a 'queued' row is changed. */
int iq_rejected(sqlite3 *db, long long id, const char *reason, time_t now, char *err, size_t errlen);

#endif
