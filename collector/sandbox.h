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
 * fit; SANDBOX_UNAVAILABLE when the seccomp filter could not be installed
 * and allow_unsandboxed is 0 (the child exits before reading anything);
 * -1 otherwise, with *why saying what happened (child killed by a signal,
 * non-zero exit, output too big, fork or pipe failed). */
#define SANDBOX_UNAVAILABLE (-2)
int sandbox_run(int (*fn)(void *arg, int fd), void *arg, int allow_unsandboxed, unsigned wall_seconds,
		struct buf *out, const char **why);

/* The child's wall-time limit for a body of content_length bytes: 30 s
 * plus the time the body takes at SANDBOX_SLOW_RATE (a slow phone), so
 * that every upload a form allows can arrive (issue 19.10): 16 MB, the
 * largest default form body, gets 30 + 320 s. */
#define SANDBOX_SLOW_RATE (50 * 1024) /* bytes per second: about 400 kbit/s */
unsigned sandbox_time_limit(size_t content_length);

#endif
