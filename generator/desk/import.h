/* import.h: `prongsai import`: the one path from the staff area's queue
 * into git (docs/operations.md, "Import"; the queue: STAFFDB.md).
 *
 *   prongsai import [-C CONTENT] [--git-dir DIR] [--staff-db FILE]
 *                   [--db FILE] [-o OUT] [--theme DIR] [--notify-config FILE]
 *                   [--today DATE] [--once | --follow [--interval S]]
 *                   [--no-build] [-q]
 *
 * For each queued entry, oldest first: its paths are checked; the content
 * folder of the branch's tip is written out into a scratch folder with the
 * entry's files on top, and the full `prongsai check` (build_check_content)
 * runs on it.  If it passes, a commit (author: the person, from
 * people.yaml; committer: the site; trailer "Prongsai-Queue: ID") lands on
 * the branch through the same gate as a push (import_git.h) and the entry
 * is settled 'committed'; else nothing is written into the repository, the
 * entry is settled 'rejected' with check's messages (Thai, then English)
 * as its reason, and a notice goes out (notify_import.h).  After a run that
 * committed in a checkout, the site is rebuilt as cron/rebuild does (same
 * lock, atomic publish); in a bare repository its post-receive hook does.
 *
 * Serialised by an flock on FILE-import.lock beside the staff database;
 * idempotent: an entry whose trailer is already on the branch is settled
 * with that commit instead of being committed again.
 *
 * Modules: import.c (command line, lock, loop), import_queue.h (the
 * database), import_git.h (git), gitrun.h (running git).
 */
#ifndef PRONGSAI_IMPORT_H
#define PRONGSAI_IMPORT_H

/* argv[0] is "import".  Returns the exit status: 0 every entry settled
 * (committed or rejected), or nothing to do; 1 an entry could not be
 * settled (it stays queued for the next run) or the rebuild failed; 2 usage,
 * configuration, database or repository error. */
int import_main(int argc, char **argv);

#endif
