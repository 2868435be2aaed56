/* db.h: the SQLite database shared by the generator and the collector.
 *
 * One file (PRONGSAI_DB, `prongsai build --db FILE`) holds the form
 * definitions and settings the build installs, and the submissions the
 * collector stores.  Schema: docs/database.md; its version is PRAGMA
 * user_version (DB_SCHEMA_VERSION).  Every read-write connection runs in WAL
 * mode with synchronous=FULL, foreign keys on, SQLite's defensive mode, and a
 * busy handler that retries quickly (sub-millisecond sleeps with jitter)
 * until the busy timeout instead of SQLite's sleeping one.
 *
 * Every function returns 0 on success, or -1 with a message (English and
 * Thai) in err (always NUL-terminated when errlen > 0) and the database as it
 * was: each change is one transaction, rolled back on any error.
 */
#ifndef PRONGSAI_DB_H
#define PRONGSAI_DB_H

#include <stddef.h>
#include <time.h>
#include <sqlite3.h>
#include "arena.h"
#include "formdef.h"

#define DB_SCHEMA_VERSION 4

/* db_open() modes (the contract's readonly flag: 0 and 1). */
#define DB_OPEN_CREATE 0   /* read-write, the file is created if missing */
#define DB_OPEN_READONLY 1 /* read-only (e.g. the build reading submissions) */
#define DB_OPEN_EXISTING 2 /* read-write, the file must exist, and closing does not
			    * checkpoint (the collector: one process per request
			    * keeps its WAL small itself, see collector/store.h) */

#define DB_DEFAULT_BUSY_MS 5000
#define DB_DEFAULT_RATE_LIMIT 300    /* per client network per form per hour: a village meeting on one Wi-Fi (docs/collector.md) */
#define DB_DEFAULT_REPEAT_S 600      /* identical submissions folded within */
#define DB_DEFAULT_COLLECTOR "cgi-bin/collect.cgi"

/* Open path in the given mode (above) and configure the connection (a file
 * that DB_OPEN_CREATE makes is created 0600 first, so its -wal and -shm are
 * 0600 too): WAL
 * (read-write modes; fails if the file system cannot do WAL), synchronous=
 * FULL, foreign_keys=ON, journal_size_limit 4 MiB, defensive mode,
 * trusted_schema=OFF, no extension loading, and the quick
 * busy handler with DB_DEFAULT_BUSY_MS.  Returns 0 and *out, or -1 with err
 * and *out NULL (nothing left open); a read-write mode on a file this user
 * cannot write fails at once, saying the database is read-only.  Close with sqlite3_close(). */
int db_open(const char *path, int readonly, sqlite3 **out, char *err, size_t errlen);

/* The database file path and, when they exist, path-wal and path-shm must
 * be regular files that grant nothing to others (mode & 0007 == 0): 0600 as
 * db_open(DB_OPEN_CREATE) makes them, or 0660/0640 for a group holding only
 * the site's user and the CGI user (docs/database.md).  0, or -1 with err
 * naming the file, its mode and the modes allowed.  Changes nothing. */
int db_check_private(const char *path, char *err, size_t errlen);

/* Replace the busy timeout (milliseconds, > 0) of a connection opened by
 * db_open().  The handler sleeps 50 µs .. 1 ms between attempts, with
 * jitter, and gives up (SQLITE_BUSY) once it has slept ms in total. */
void db_set_busy_timeout(sqlite3 *db, int ms);

/* Bring the schema to DB_SCHEMA_VERSION, in one BEGIN IMMEDIATE transaction.
 * A new file gets the whole schema; an older version runs each migration
 * step in order; the current version does nothing.  Fails (changing nothing)
 * if the file is newer than this program or is not a prongsai database. */
int db_migrate(sqlite3 *db, char *err, size_t errlen);

/* Returns PRAGMA user_version, or -1 if it cannot be read. */
int db_schema_version(sqlite3 *db);

/* For the programs that use a database the build has set up (inbox,
 * notify): 0 if db (opened from path, which only names it in the message)
 * has schema version DB_SCHEMA_VERSION; else -1 with err giving the version
 * found and what to do (`prongsai build --db` for an empty or older file, a
 * newer prongsai for a newer one).  Changes nothing. */
int db_require_current(sqlite3 *db, const char *path, char *err, size_t errlen);

/* Settings installed with the forms (table settings). */
struct db_settings {
	/* base64 (standard, padded) X25519 public key of the complaint officer
	 * (32 bytes); NULL or "" = none: the collector then refuses personal
	 * fields and corruption attachments and takes anonymous reports. */
	const char *public_key_b64;
	/* The origins forms may be posted from (the Origin check, origin.h):
	 * space-separated URLs (base_url, `build --origin`), at most
	 * ORIGIN_LIST_MAX, each reduced to its origin by formdb_install();
	 * NULL or "" = none, and every post with an Origin is refused. */
	const char *origins;
	/* The site root the collector redirects to after a submission: an
	 * absolute URL or an absolute path, ending in "/" (added if missing).
	 * NULL or "" = derive it from SCRIPT_NAME minus collector_path, which
	 * is right whenever the site and the collector share a host. */
	const char *thanks_base;
	/* site.yaml `collector`: the collector's path relative to the site
	 * root; NULL or "" = DB_DEFAULT_COLLECTOR. */
	const char *collector_path;
	/* Submissions per client per form per clock hour: 0 = default
	 * (DB_DEFAULT_RATE_LIMIT), negative = no limit. */
	int rate_limit_per_hour;
	/* Seconds within which an identical submission from the same client
	 * returns the earlier tracking code: 0 = default (DB_DEFAULT_REPEAT_S),
	 * negative = off. */
	int repeat_window_s;
	/* Busy timeout for the collector in ms: 0 = DB_DEFAULT_BUSY_MS. */
	int busy_timeout_ms;
	/* Shown on the collector's error pages (what to do); may be NULL. */
	const char *office_name_th, *office_name_en, *office_phone;
	/* The highest submission id the live site was built from (the build's
	 * snapshot); a complaint with a higher id has no tracking page yet.
	 * 0 = none built. */
	long long built_through;
};

/* Replace every form definition and every setting with forms[0..n) and s,
 * in one BEGIN IMMEDIATE transaction: on error nothing changes.  Each form
 * must pass form_def_check(), ids must be unique, the public key (if any)
 * must decode to 32 bytes.  In the same transaction it deletes expired
 * rate-limit counts and repeat digests (db_purge_expired), so the hourly
 * build purges them even when nobody submits.  Submissions are never
 * touched (they keep their form id even if a form is removed). */
int formdb_install(sqlite3 *db, const struct form_def *forms, size_t n,
		   const struct db_settings *s, char *err, size_t errlen);

/* Load the form with the given id into *out, strings and arrays allocated
 * from a.  Returns 0 if found, 1 if there is no such form (or the id is not
 * a valid form id), -1 on a database error (err). */
int formdb_load(sqlite3 *db, const char *id, struct arena *a, struct form_def *out,
		char *err, size_t errlen);

/* Delete the rate-limit counts of hours before now's and the repeat
 * digests that expired by now (tables rate_limits, recent_submissions), in
 * one BEGIN IMMEDIATE transaction.  0, or -1 with err (nothing deleted). */
int db_purge_expired(sqlite3 *db, time_t now, char *err, size_t errlen);

/* Case-tracking lookups (OIT O10's e-service statistics): add one to the
 * count of now's month in Thailand (table lookup_counts, "YYYY-MM" and a
 * count, nothing else: no code, no address, no finer time).  One
 * autocommit UPSERT with the connection's busy timeout.  0, or -1 with err
 * (nothing counted). */
int db_count_lookup(sqlite3 *db, time_t now, char *err, size_t errlen);

/* Load the settings (defaults filled in: numbers > 0 or < 0 as in the
 * struct's comments, strings never NULL but possibly "") into *s, strings
 * from a.  Returns 0, or -1 if the database has not been installed yet
 * (no collector_path row) or cannot be read. */
int db_settings_load(sqlite3 *db, struct arena *a, struct db_settings *s,
		     char *err, size_t errlen);

/* Decode a base64 X25519 public key (standard or URL-safe alphabet, padding
 * optional).  Returns 0 and the 32 bytes, or -1. */
int db_public_key_decode(const char *b64, unsigned char pk[32]);

/* 1 if t can be the site root the collector redirects to (thanks_base): an
 * http(s) URL with a host, or a path starting with one "/"; no character
 * that would need percent-encoding in a Location header, no query or
 * fragment (the collector appends "forms/<id>/thanks/index.html?code=...").
 * 0 otherwise (NULL included). */
int db_thanks_base_valid(const char *t);

#endif
