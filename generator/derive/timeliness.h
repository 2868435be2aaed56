/* timeliness.h: the share of monthly progress reports that arrived on
 * time, per group and per officer, from the revision history.
 *
 * A report dated in month M is due on site.yaml's report_due_day (default
 * 5) of month M+1; it arrived when the commit that first published it
 * reached the repository (load/history.h), not on a date typed into the
 * file.  Reports whose publication is unknown (no history, a shallow
 * clone's files present at its start) are not counted.  Reports dated
 * after the as-of date are not counted.  The reporter is the officer; the
 * group is the project's.  Pure: no I/O. */
#ifndef PRONGSAI_TIMELINESS_H
#define PRONGSAI_TIMELINESS_H

#include <stddef.h>
#include "arena.h"
#include "load/history.h"
#include "model/model.h"

#define TIMELY_DEFAULT_DUE_DAY 5

struct timely {
	const char *id;           /* group or person id */
	size_t reports, on_time;
};

struct timeliness {
	int available;            /* a history was read */
	int due_day;
	size_t reports, on_time;  /* the office */
	struct timely *groups;    /* in site.yaml order, every group */
	size_t n_groups;
	struct timely *officers;  /* by id, those with a counted report */
	size_t n_officers;
};

/* Count m's reports against h (NULL or not available: nothing counted,
 * available 0).  Memory from a. */
void timeliness_build(struct timeliness *t, const struct model *m, const struct history *h,
	struct arena *a);

/* The due date of a report dated d. */
pdate timeliness_due(pdate d, int due_day);

#endif
