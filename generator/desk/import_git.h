/* import_git.h: the git side of `prongsai import`, through the git
 * program (gitrun.h).
 *
 * Two layouts (docs/operations.md):
 *  - a checkout (make serve, a clone): the repository holding the content
 *    folder; a commit moves the checked-out branch with update-ref (old
 *    value given), after the repository's own pre-receive hook, when it has
 *    one, accepted it; then the committed files are written into the work
 *    tree and its index;
 *  - a bare repository (production, --git-dir /srv/prongsai.git): the
 *    commit is pushed into it, so that its pre-receive hook (the gate of
 *    every push) and post-receive hook (checkout and rebuild) run as for
 *    an officer's push.
 * Commits are made with a temporary index (read-tree, hash-object,
 * update-index, write-tree, commit-tree): the checkout's own index and work
 * tree are not read or written until the commit has landed.
 *
 * Functions return 0, or -1 with a message in err (English, then Thai).
 */
#ifndef PRONGSAI_IMPORT_GIT_H
#define PRONGSAI_IMPORT_GIT_H

#include <limits.h>
#include <stddef.h>
#include "buf.h"
#include "desk/import_queue.h"

#define IGIT_TRAILER "Prongsai-Queue"
#define IGIT_SEARCH_DEPTH 1000 /* commits searched for a queue entry's trailer */
#define IGIT_MAX_OUT (4 * 1024 * 1024) /* bytes of one git answer kept */

struct igit {
	char git_dir[PATH_MAX];   /* absolute */
	char work_tree[PATH_MAX]; /* absolute; "" for a bare repository */
	char prefix[PATH_MAX];    /* the content folder in the repository: "" or "content/" */
	char branch[256];         /* "refs/heads/main": what HEAD names */
	char tmp[PATH_MAX];       /* this run's scratch folder (igit_open makes it) */
};

struct igit_who {
	const char *name, *email;
	long long when; /* unix seconds */
};

/* Find the repository: git_dir when given (a bare repository, or any),
 * else the one whose work tree holds content.  Makes a scratch folder
 * under TMPDIR (removed by igit_close). */
int igit_open(struct igit *g, const char *git_dir, const char *content, char *err, size_t errlen);
void igit_close(struct igit *g);

/* The commit the branch points at, into tip[41]. */
int igit_tip(const struct igit *g, char tip[41], char *err, size_t errlen);

/* Look through the last IGIT_SEARCH_DEPTH commits of the branch for one
 * whose message has the trailer "Prongsai-Queue: id".  *found, and its id
 * into out[41]. */
int igit_find_entry(const struct igit *g, long long id, char out[41], int *found, char *err, size_t errlen);

/* Write the content folder of commit tip into the new folder dir (a
 * temporary index; nothing in the repository changes). */
int igit_export(const struct igit *g, const char *tip, const char *dir, char *err, size_t errlen);

/* Make a commit on top of tip with the n files (paths relative to the
 * content folder, already checked) and message; its id into out[41].
 * *unchanged set (and no commit made) when the files are already so in
 * tip.  Writes only objects into the repository, never a ref. */
int igit_commit(const struct igit *g, const char *tip, const struct iq_file *files, size_t n,
		const struct igit_who *author, const struct igit_who *committer, const char *message,
		char out[41], int *unchanged, char *err, size_t errlen);

enum igit_landed { IGIT_LANDED, IGIT_REFUSED, IGIT_MOVED };

/* Move the branch from tip to commit through the gate (see the top).
 * IGIT_LANDED; IGIT_REFUSED: the pre-receive hook said no (its messages
 * in hook_out; the branch is as it was); IGIT_MOVED: the branch no longer
 * points at tip (nothing changed; try again).  The hooks' messages are
 * appended to hook_out (capped) either way.  -1 on other failures. */
int igit_land(const struct igit *g, const char *tip, const char *commit, struct buf *hook_out,
	      enum igit_landed *result, char *err, size_t errlen);

/* In a checkout whose branch has landed a commit with these files: write
 * them into the work tree (each atomically) and its index.  No-op for a
 * bare repository. */
int igit_sync_worktree(const struct igit *g, const struct iq_file *files, size_t n, char *err, size_t errlen);

#endif
