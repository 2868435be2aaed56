/* store.h: one valid submission written to the database, or not at all.
 *
 * Everything that can be done before the write lock is done before it (the
 * tracking code is drawn, the statements prepared, the personal data sealed
 * by the caller); then one short BEGIN IMMEDIATE transaction: forget expired
 * rate-limit counts and repeat digests, look for an identical submission
 * within the repeat window (its code is returned and nothing is added), check
 * and count the rate limit, insert the submission, its public values and its
 * attachments, COMMIT.  With synchronous=FULL in WAL mode, a successful
 * COMMIT has reached the disk: only then may the caller acknowledge.
 * The collectors queue for the write lock in the kernel (writelock.h).
 * store_submission() leaves that queue lock held (whatever the result):
 * after answering, the caller runs store_checkpoint() and then
 * writelock_release(), so that the WAL is emptied while no collector writes
 * (under a steady stream of writes a checkpoint would otherwise never
 * catch up, and the WAL would grow without end). */
#ifndef PRONGSAI_STORE_H
#define PRONGSAI_STORE_H

#include <stddef.h>
#include <time.h>
#include <sqlite3.h>

#include "fingerprint.h"
#include "formdef.h"
#include "trackcode.h"
#include "submission.h"

struct store_file {
	int field;                 /* form field index */
	const char *media_type;    /* media_type_name() */
	size_t size;               /* bytes of the file before sealing */
	int sealed;
	const unsigned char *data; /* sealed or plain */
	size_t len;
};

struct store_input {
	const struct form_def *form;
	const struct submission *sub;    /* valid (status 0) */
	const unsigned char *sealed;     /* sealed personal values, NULL if none */
	size_t sealed_len;
	struct store_file files[FC_MAX_FILES];
	size_t n_files;
	unsigned char client[CLIENT_KEY_BYTES]; /* client_key(), when rate_limit > 0 */
	unsigned char digest[DIGEST_BYTES];
	int have_digest;    /* submission_digest() found a page token */
	time_t now;
	int rate_limit;     /* per client per form per hour; <= 0: none */
	int repeat_window;  /* seconds; <= 0 (or no digest): no folding of repeats */
	int lock_fd;        /* writelock_open(), or -1 */
	int busy_ms;        /* how long to wait for the lock(s) */
};

enum store_result {
	STORE_OK,       /* stored; code is the new tracking code ("" for surveys) */
	STORE_REPEAT,   /* identical to a recent one; code is that one's */
	STORE_LIMITED,  /* rate limit reached; *retry_after set; nothing written */
	STORE_BUSY,     /* the database stayed locked past the busy timeout */
	STORE_FULL,     /* disk or database full */
	STORE_FAILED    /* any other database error (err says which) */
};

/* Store in (see above) through db (opened with db_open()).  code receives the
 * tracking code (TRACKCODE_SIZE bytes; "" for surveys).  On every result but
 * STORE_OK nothing has been written.  err gets a message without any
 * submitted data. */
enum store_result store_submission(sqlite3 *db, const struct store_input *in,
				   char code[TRACKCODE_SIZE], long *retry_after,
				   char *err, size_t errlen);

/* Count the WAL's frames after each commit into *frames (which must live as
 * long as db), instead of SQLite's automatic checkpoint in the commit. */
void store_watch_wal(sqlite3 *db, int *frames);

/* After the answer, still in the writer queue: if the WAL held
 * STORE_CHECKPOINT_FRAMES frames or more, copy them into the database and,
 * when no other process is reading, empty the WAL file (a TRUNCATE
 * checkpoint that never waits: with readers present it copies what it can,
 * and the next writer starts the WAL over).  The collector's connections
 * do not checkpoint when they close (db_open DB_OPEN_EXISTING): a process
 * that finds no other one attached rebuilds the WAL index from the WAL,
 * which a short WAL keeps cheap.  Removes the connection's busy handler.
 * Errors are ignored: a later request tries again. */
#define STORE_CHECKPOINT_FRAMES 128
void store_checkpoint(sqlite3 *db, int frames);

#endif
