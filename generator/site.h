/* site.h: the site assembled between the check and the render stages.
 *
 * site_assemble() takes a model that passed the checks (no errors) and
 * computes what every page is made from: the figures (derive_all), the
 * complaint and survey statistics (stats_build), the reports published by
 * today newest first, and the plan of every page (pages_plan).  `build`
 * and the unit tests' fixture (tests/unit/testsite.h) both use it, so the
 * tests see the site exactly as the build renders it. */
#ifndef PRONGSAI_SITE_H
#define PRONGSAI_SITE_H

#include "arena.h"
#include "derive/derive.h"
#include "derive/revindex.h"
#include "derive/timeliness.h"
#include "derive/stats.h"
#include "model/model.h"
#include "render/pages.h"

struct site_assembly {
	struct derived dv;
	struct cstats cs;
	struct rev_index rev;    /* the history, indexed (empty without one) */
	struct timeliness tl;    /* on-time reports, from the history */
	struct site_ctx sc;      /* points into m, dv and cs */
	struct arena plan;       /* the page plan's memory */
	struct page_job *jobs;   /* every page, in a fixed order */
	size_t n_jobs;
};

/* Assemble s from m (which must outlive s); version is shown in the page
 * footers.  Memory comes from m->arena and s->plan; it cannot fail (an
 * allocation failure aborts, as the arena does everywhere). */
void site_assemble(struct site_assembly *s, struct model *m, const char *version);

/* site_assemble() with the revision history h (NULL: none), which must
 * outlive s. */
void site_assemble_hist(struct site_assembly *s, struct model *m, const char *version,
	const struct history *h);

/* Release s->plan (the rest goes with the model). */
void site_assembly_free(struct site_assembly *s);

#endif
