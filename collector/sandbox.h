/* sandbox.h: the request body is parsed in a child process that can do
 * almost nothing, as kcgi does: after fork() it sets resource limits and,
 * on Linux (x86-64, AArch64), a seccomp filter that lets it read its input,
 * write to its result pipe and to stderr, manage memory (anonymous,
 * non-executable mappings only) and exit; any other system call (open,
 * socket, execve, kill, ...) kills it.  The parent closes the database
 * before the fork, so the child inherits neither its descriptors nor
 * SQLite's shared mapping of the WAL index.  Builds with sanitizers (or
 * -DSANDBOX_SANITIZED, for valgrind) make refused calls fail with EPERM
 * instead, since those runtimes need a few more calls to report. */
#ifndef PRONGSAI_SANDBOX_H
#define PRONGSAI_SANDBOX_H

#include "buf.h"

/* Restrict the calling process (see above): read only from in_fd, write
 * only to out_fd and 2.  Returns 0, or -1 where seccomp is not available
 * (the caller goes on with the resource limits alone). */
int sandbox_enter(int in_fd, int out_fd);

/* Run fn(arg, fd) in a sandboxed child (stdin stays its input; fd is the
 * write end of a pipe) and collect what it writes into out, whose cap
 * bounds it.  Returns 0 if the child exited with status 0 and its output
 * fit; -1 otherwise, with *why saying what happened (child killed by a
 * signal, non-zero exit, output too big, fork or pipe failed). */
int sandbox_run(int (*fn)(void *arg, int fd), void *arg, struct buf *out, const char **why);

#endif
