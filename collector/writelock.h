/* writelock.h: a queue for the collector's writers.
 *
 * Many collector processes want SQLite's write lock at once; SQLite lets the
 * losers poll (sleep and retry), which on a small machine steals the CPU
 * from the one holding the lock.  So before BEGIN IMMEDIATE each collector
 * waits in the kernel for an exclusive POSIX lock (fcntl F_SETLKW) on a
 * lock file beside the database, "<PRONGSAI_DB>-writer", and releases it
 * after COMMIT: waiting costs no CPU.  SQLite's own locking still guards
 * everything (other writers such as `prongsai build` do not take this
 * lock); this only orders the collectors.  The file is empty and is never
 * read or written; it is named from PRONGSAI_DB, never from the request. */
#ifndef PRONGSAI_WRITELOCK_H
#define PRONGSAI_WRITELOCK_H

/* Open (creating, mode 0600) the lock file of the database
 * db_path.  Returns the descriptor (close-on-exec), or -1 (the caller goes
 * on without the queue: SQLite's busy handler still serialises). */
int writelock_open(const char *db_path);

/* Wait at most ms milliseconds (> 0) for the lock.  Returns 0 when held,
 * 1 when the time ran out, -1 on another error.  Uses ITIMER_REAL and
 * SIGALRM for the wait; the caller's timer and handler are restored. */
int writelock_acquire(int fd, int ms);

/* Release the lock (no-op for fd < 0). */
void writelock_release(int fd);

#endif
