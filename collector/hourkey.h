/* hourkey.h: the collector's secret key for the hour.
 *
 * The rate limit counts submissions per client network (fingerprint.h)
 * under a keyed hash.  Its key is not in the database: it is a file beside
 * it, "<PRONGSAI_DB>-key" (mode 0600, the collector's user; never under
 * public/, never in a backup), holding the clock hour it belongs to and 32
 * random bytes.  The first collector of a new hour replaces it with a fresh
 * key (written to a new file and renamed over the old one), so a stolen
 * database cannot be matched against guessed addresses once the hour is
 * over: the old key is gone, and the counts keyed with it are deleted by
 * the next write and by every `prongsai build --db` (db_purge_expired). */
#ifndef PRONGSAI_HOURKEY_H
#define PRONGSAI_HOURKEY_H

#include <stddef.h>

#define HOURKEY_BYTES 32

/* The key of clock hour `hour` (Unix time / 3600) for the database db_path,
 * made (or replaced, when it belongs to another hour) if needed.  Call it
 * while holding the writer queue (writelock.h), so that collectors agree on
 * one key per hour; without the queue two collectors may draw two keys at
 * the start of an hour, and one count of that hour is lost.  Refuses a key
 * file that is not a regular file owned by this user with mode 0600 (a
 * group- or world-readable one would let others recompute the hashes).
 * Returns 0 with key, or -1 with a message (no secret in it) in err. */
int hourkey_get(const char *db_path, long long hour, unsigned char key[HOURKEY_BYTES],
		char *err, size_t errlen);

#endif
