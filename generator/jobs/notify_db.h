/* notify_db.h: the database side of `prongsai notify` (table notices,
 * docs/database.md; the delivery rules in docs/notify.md).
 *
 * A channel covers the submissions of its forms (notify_channel.forms), or
 * of every complaint form when it lists none.  Each (submission, channel)
 * gets at most one notices row, which goes pending -> sent, or pending ->
 * gave_up; a row is never deleted by notify (deleting the submission
 * deletes it).  Reads happen in their own short read transaction and are
 * copied out before any delivery; each write is one short transaction, so
 * no lock is ever held while a notice is on the network.
 *
 * Functions return 0, or -1 with a message in err (English, then Thai)
 * and the database unchanged.
 */
#ifndef PRONGSAI_NOTIFY_DB_H
#define PRONGSAI_NOTIFY_DB_H

#include <stddef.h>
#include <time.h>
#include <sqlite3.h>
#include "arena.h"
#include "jobs/notice.h"
#include "jobs/notifyconf.h"

#define NOTIFY_DB_TOO_OLD "too old when first seen"

/* Open the database (which must exist and have schema DB_SCHEMA_VERSION)
 * read-write, or read-only for a dry run. */
int notify_db_open(const char *path, int readonly, sqlite3 **db, char *err, size_t errlen);

/* In one BEGIN IMMEDIATE transaction, give every covered submission that
 * has no row for channel ch one: 'gave_up' (last_error NOTIFY_DB_TOO_OLD,
 * attempts 0) when it was created before now - max_age_hours, else
 * 'pending' and due at once.  *n_new and *n_old count them. */
int notify_db_schedule(sqlite3 *db, const struct notify_channel *ch, time_t now, long max_age_hours,
		       long *n_new, long *n_old, char *err, size_t errlen);

struct notify_due {
	struct notice_info info; /* strings in the arena */
	long attempts;           /* attempts made so far */
	int fresh;               /* dry run: no row yet */
};

/* The due notices of channel ch, oldest submission first, at most limit
 * of them into *items (allocated in a): its pending rows with
 * next_attempt_at <= now, and, when unseen is set (a dry run, which writes
 * nothing), also the covered submissions that have no row yet and are not
 * older than max_age_hours.  *more is set when there were more than limit.
 * Rows whose stored values are malformed (a code or time not in the
 * collector's format) are left out and counted in *bad. */
int notify_db_due(sqlite3 *db, const struct notify_channel *ch, time_t now, int unseen,
		  long max_age_hours, long limit, struct arena *a, struct notify_due **items,
		  size_t *n, int *more, long *bad, char *err, size_t errlen);

/* Number of covered submissions with no row yet that are older than
 * max_age_hours (what notify_db_schedule would mark; for a dry run). */
int notify_db_count_old(sqlite3 *db, const struct notify_channel *ch, time_t now, long max_age_hours,
			long *n, char *err, size_t errlen);

/* Record a delivery: state 'sent', sent_at now (UTC), attempts + 1,
 * last_error NULL (or a note for an earlier acceptance) -- only if the row
 * is still pending. */
int notify_db_sent(sqlite3 *db, long long id, const char *channel, time_t now, const char *note,
		   char *err, size_t errlen);

/* Record a failed attempt: attempts + 1, last_error error (short, no
 * secret), and either next_attempt_at = next or, when gave_up, state
 * 'gave_up'. */
int notify_db_failed(sqlite3 *db, long long id, const char *channel, time_t next, int gave_up,
		     const char *error, char *err, size_t errlen);

#endif
