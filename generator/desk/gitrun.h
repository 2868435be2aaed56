/* gitrun.h: run the git command-line program (posix_spawn), for
 * `prongsai import`.
 *
 * git is found on PATH.  The child gets the caller's environment without
 * the variables that would point git elsewhere (GIT_DIR, GIT_WORK_TREE,
 * GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES,
 * GIT_CEILING_DIRECTORIES, GIT_NAMESPACE, GIT_COMMON_DIR, GIT_PREFIX), plus
 * the caller's extra "NAME=value" strings; its stdin is the given bytes (or
 * /dev/null), its stdout is captured into a capped buffer (or dropped), its
 * stderr is inherited unless captured.  Input is written whole before the
 * output is read: use it only for git commands that read all their input
 * before they answer (hash-object, update-index --index-info, commit-tree
 * -F -, receive hooks), or that read none.  The caller ignores SIGPIPE
 * (a child that stops reading must not kill it).
 */
#ifndef PRONGSAI_GITRUN_H
#define PRONGSAI_GITRUN_H

#include <stddef.h>
#include "buf.h"

#define GITRUN_MAX_ARGS 32
#define GITRUN_MAX_ENV 16   /* extra variables */

struct gitrun {
	const char *prog;              /* NULL: "git" on PATH; else a program run directly (a hook) */
	const char *args[GITRUN_MAX_ARGS + 1]; /* after argv[0]; NULL-terminated */
	const char *env[GITRUN_MAX_ENV + 1];   /* extra "NAME=value"; NULL-terminated */
	const void *in;                /* stdin bytes, or NULL: /dev/null */
	size_t in_len;
	struct buf *out;               /* stdout, or NULL: dropped */
	struct buf *err;               /* stderr, or NULL: inherited */
};

/* Run it and wait.  Returns the exit status (0..255; 128+N after signal N),
 * or -1 with a message in err when the program could not be started or its
 * output did not fit its buffer (the child has then been waited for). */
int gitrun(const struct gitrun *g, char *err, size_t errlen);

/* Trim trailing newlines from b's content (for one-line answers). */
void gitrun_chomp(struct buf *b);

#endif
