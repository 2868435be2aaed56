/* journal.h: the local record of a deploy in progress, for resuming.
 *
 * A deploy appends one line to the journal after each file the target has
 * taken ("P <hash> <path>", sent; "D <path>", deleted), and flushes it to
 * disk.  The journal's first line names the remote manifest the run
 * started from (its BLAKE2b hash): a later run that finds the same remote
 * manifest skips what the journal says is done (a file counts as done only
 * with the same hash: one changed since is sent again); a journal of
 * another remote manifest is discarded.  After the new manifest is on the
 * target the journal is removed.  It holds no secret.
 *
 * Lines are capped at REMOTE_MANIFEST_MAX_PATH + 80 bytes, the journal at
 * REMOTE_MANIFEST_MAX_FILES lines; a journal that is damaged or over a cap is
 * discarded (the run then sends again what it cannot prove was sent).
 */
#ifndef PRONGSAI_DEPLOY_JOURNAL_H
#define PRONGSAI_DEPLOY_JOURNAL_H

#include "deploy/remote_manifest.h"
#include "deploy/plan.h"

struct journal {
	int fd;
	char *path;
	struct remote_manifest done_put;  /* sent: path and hash */
	struct remote_manifest done_del;  /* deleted: path */
};

/* Open (create) path for the remote manifest whose hash is remote_id.
 * The file is locked (flock) while open.  Returns 0, -2 when another
 * deploy holds the lock, or -1; with a message in err. */
int journal_open(struct journal *j, const char *path, const unsigned char remote_id[REMOTE_MANIFEST_HASH_BYTES],
		 char *err, size_t errlen);

/* 1 if op is recorded as done. */
int journal_is_done(const struct journal *j, const struct plan_op *op);

/* Record op as done (written and flushed).  0, or -1 with errno. */
int journal_record(struct journal *j, const struct plan_op *op);

/* Remove the journal (the deploy is complete) and release j. */
void journal_finish(struct journal *j);

/* Release j, keeping the file (the deploy stopped). */
void journal_close(struct journal *j);

#endif
