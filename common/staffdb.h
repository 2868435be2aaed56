/* staffdb.h: the staff database (accounts, sessions, the import queue, and
 * what the staff area needs to know about projects).
 *
 * A SQLite file separate from the collector's (never under content/ or
 * public/), found by staffdb_path().  Contract with `prongsai import` and
 * `prongsai sheet`: /work/wt/STAFFDB.md, schema in docs/database.md.  Its
 * version is PRAGMA user_version (STAFFDB_SCHEMA_VERSION).  Connections are
 * made by db_open() (WAL, synchronous=FULL, defensive, busy handler).
 *
 * Every function returns 0 on success (or what it says), or -1 with a
 * message (English and Thai) in err, the database as it was: each change is
 * one transaction, rolled back on any error.
 */
#ifndef PRONGSAI_STAFFDB_H
#define PRONGSAI_STAFFDB_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <sqlite3.h>

#define STAFFDB_SCHEMA_VERSION 1

#define STAFFDB_FILES_MAX 16               /* files of one queue entry */
#define STAFFDB_SHEET_FILES_MAX 20000      /* files of one 'sheet' entry (a progress file a row) */
#define STAFFDB_FILE_MAX (8L * 1024 * 1024) /* bytes of one queued file */
#define STAFFDB_PATH_MAX 255               /* bytes of one queued path */
#define STAFFDB_MESSAGE_MAX 4000           /* bytes of a commit message */
#define STAFFDB_ID_MAX 64                  /* person and project ids */
/* staff_settings key: the path under the site root of the page of the
 * system's own survey with "staff" chosen (formdef.h FORM_RESPONDENT_PATH),
 * which "my projects" links; absent when no survey has that type. */
#define STAFFDB_SURVEY_KEY "staff_survey"

/* Sessions: idle and absolute expiry, seconds. */
#define STAFFDB_SESSION_IDLE_S (30 * 60)
#define STAFFDB_SESSION_MAX_S (12 * 3600)
/* A session token: 32 random bytes, written as 43 URL-safe base64
 * characters (no padding); only its SHA-256 is stored. */
#define STAFFDB_TOKEN_LEN 43
/* Sign-in limits.  An account: after STAFFDB_LOGIN_SLOW failures in a row
 * each further attempt waits 2^(n - SLOW + 1) seconds (capped at 60); after
 * STAFFDB_LOGIN_LOCK failures it is locked for STAFFDB_LOCK_S seconds.  A
 * client network: at most STAFFDB_NET_FAILS_HOUR failures per clock hour,
 * over all accounts.  Neither touches another account. */
#define STAFFDB_LOGIN_SLOW 3
#define STAFFDB_LOGIN_LOCK 10
#define STAFFDB_LOCK_S (15 * 60)
#define STAFFDB_NET_FAILS_HOUR 50
#define STAFFDB_NETKEY_BYTES 32

/* The file: explicit (--staff-db) if not NULL/empty, else the environment
 * variable PRONGSAI_STAFF_DB, else "staff.db" in the folder of PRONGSAI_DB.
 * 0 with the path in out, or -1 with err (none of these is set, or too long). */
int staffdb_path(const char *explicit_path, char *out, size_t outlen, char *err, size_t errlen);

/* Open path with db_open() in mode (DB_OPEN_CREATE / DB_OPEN_EXISTING /
 * DB_OPEN_READONLY) and, unless read-only, bring it to
 * STAFFDB_SCHEMA_VERSION (staffdb_migrate); a read-only one must already be
 * at that version.  0 and *out, or -1 with err and nothing left open. */
int staffdb_open(const char *path, int mode, sqlite3 **out, char *err, size_t errlen);

/* Bring the schema to STAFFDB_SCHEMA_VERSION in one BEGIN IMMEDIATE
 * transaction; fails, changing nothing, on a newer file or a file with
 * tables that is not a staff database. */
int staffdb_migrate(sqlite3 *db, char *err, size_t errlen);

/* ---- the queue ---- */

struct staffdb_file {
	const char *path;          /* relative to content/ (staffdb_path_ok) */
	const unsigned char *data; /* the whole file */
	size_t len;                /* <= STAFFDB_FILE_MAX */
};

struct staffdb_entry {
	const char *kind;      /* "progress", "sheet" or "answer" */
	const char *person_id; /* the author */
	const char *subject;   /* project id, case code or sheet name */
	const char *message;   /* the commit message, Thai first line */
};

/* 1 if p may be a queued file's path: relative, at most STAFFDB_PATH_MAX
 * bytes, segments [A-Za-z0-9._-] not starting with "." (so no "..", no
 * hidden file), no empty segment, and under a folder the record types
 * use: progress/, media/, complaints/.  0 otherwise. */
int staffdb_path_ok(const char *p);

/* Insert one queue row (state 'queued', received_at now) and its files
 * [0..n) in one transaction.  Checks kind, ids, message (non-empty, <=
 * STAFFDB_MESSAGE_MAX), 1 <= n <= STAFFDB_FILES_MAX, each path
 * (staffdb_path_ok, no two alike) and size.  0 and *id, or -1 with err and
 * nothing written. */
int staffdb_enqueue(sqlite3 *db, const struct staffdb_entry *e, const struct staffdb_file *files,
		    size_t n, time_t now, int64_t *id, char *err, size_t errlen);

/* ---- accounts ---- */

/* Store hash (a crypto_pwhash_str() string) for person_id: creates the
 * account (create = 1, fails if it exists) or replaces the password of an
 * existing one (create = 0, fails if there is none; re-enables it, clears
 * its failures and ends its sessions). */
int staffdb_account_set(sqlite3 *db, const char *person_id, const char *hash, int create,
			time_t now, char *err, size_t errlen);

/* Disable an account and end its sessions.  Fails if there is none. */
int staffdb_account_disable(sqlite3 *db, const char *person_id, char *err, size_t errlen);

struct staffdb_account {
	char person_id[STAFFDB_ID_MAX + 1];
	char hash[128];        /* crypto_pwhash_STRBYTES */
	int disabled;
	int failed;            /* failed sign-ins in a row */
	time_t locked_until, last_failed_at, created_at, changed_at;
};

/* Read the account of person_id: 0 and *out, 1 if there is none, -1 on a
 * database error. */
int staffdb_account_get(sqlite3 *db, const char *person_id, struct staffdb_account *out,
			char *err, size_t errlen);

/* Call fn for each account in id order (stops when fn returns non-zero,
 * which is then returned).  -1 on a database error. */
int staffdb_account_each(sqlite3 *db, int (*fn)(void *ctx, const struct staffdb_account *a),
			 void *ctx, char *err, size_t errlen);

/* ---- sign-in limits ---- */

/* May person_id (may be an unknown id) try to sign in now from the client
 * network netkey (a keyed hash, never an address)?  0 = yes; 1 = not now,
 * with *wait_s the seconds to wait (account slowed or locked, or the
 * network over its hourly limit); -1 on a database error. */
int staffdb_login_allowed(sqlite3 *db, const char *person_id,
			  const unsigned char netkey[STAFFDB_NETKEY_BYTES], time_t now,
			  long *wait_s, char *err, size_t errlen);

/* Record a failed attempt: the account's count (if it exists) and the
 * network's count for this hour; counts of earlier hours are deleted. */
int staffdb_login_failed(sqlite3 *db, const char *person_id,
			 const unsigned char netkey[STAFFDB_NETKEY_BYTES], time_t now,
			 char *err, size_t errlen);

/* ---- sessions ---- */

/* Start a session for person_id (whose password was just verified; the
 * account must exist and not be disabled): clears its failures, makes a
 * random token (out, STAFFDB_TOKEN_LEN + 1 bytes) and a CSRF token (csrf,
 * STAFFDB_TOKEN_LEN + 1), stores the token's SHA-256 only, and deletes
 * expired sessions. */
int staffdb_session_start(sqlite3 *db, const char *person_id, time_t now,
			  char token[STAFFDB_TOKEN_LEN + 1], char csrf[STAFFDB_TOKEN_LEN + 1],
			  char *err, size_t errlen);

/* Look a token up: 0 with the person (person, STAFFDB_ID_MAX + 1 bytes) and
 * the session's CSRF token, and its idle time renewed; 1 if there is no such
 * session, or it expired (idle or absolute), or its account is disabled; -1
 * on a database error. */
int staffdb_session_check(sqlite3 *db, const char *token, time_t now,
			  char person[STAFFDB_ID_MAX + 1], char csrf[STAFFDB_TOKEN_LEN + 1],
			  char *err, size_t errlen);

/* End the session of token (nothing if there is none). */
int staffdb_session_end(sqlite3 *db, const char *token, char *err, size_t errlen);

/* 1 if the two NUL-terminated tokens are equal (time independent of where
 * they differ), else 0. */
int staffdb_token_equal(const char *a, const char *b);

#endif
