/* revindex.h: the history (load/history.h) arranged for the pages: the
 * changes of each project (its project file and its progress reports),
 * the changes of each file, and all changes newest first.
 *
 * The site-wide list (recent) leaves out complaint answers: a case's code
 * and notes are shown only on its own tracking page (whistle-blowers'
 * codes are listed nowhere else).
 * A project's files are projects/<fy>/<id>.md and the reports in progress/<fy>/<id>/.
 * Pure: no I/O; memory from the arena given. */
#ifndef PRONGSAI_REVINDEX_H
#define PRONGSAI_REVINDEX_H

#include <stddef.h>
#include "arena.h"
#include "load/history.h"

struct rev_index {
	const struct history *h;          /* NULL or not available: no history */
	const struct hist_change **by_path; /* by path, then oldest first */
	size_t n;
	const struct hist_change **recent;  /* newest first, no complaint answers */
	size_t n_recent;
};

/* Index h (which must outlive ix); h may be NULL. */
void revindex_build(struct rev_index *ix, const struct history *h, struct arena *a);

/* The project id of a content path (projects/<fy>/<id>.md or
 * progress/<fy>/<id>/...) into buf, or NULL. */
const char *revindex_project_of(const char *path, char *buf, size_t len);

/* The changes of one file, oldest first: *n of them from the returned
 * position (NULL, *n 0 when none). */
const struct hist_change *const *revindex_file(const struct rev_index *ix, const char *path, size_t *n);

/* The changes of the files of project `id` of fiscal year fy (the project
 * file and its reports), oldest first, into a new array from a. */
const struct hist_change **revindex_project(const struct rev_index *ix, int fy, const char *id,
	struct arena *a, size_t *n);

#endif
