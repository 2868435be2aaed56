/* derive.h: the figures the site shows, computed from the model only.
 *
 * Folder generator/derive/: the figures the site shows, from the model only
 * (planned versus actual, roll-ups, quarterly targets, complaint statistics,
 * procurement totals).  Pure: no I/O.
 *
 * Per project (struct figures in model.h), as of m->today:
 *  - planned percent and baht: from the monthly plan, each plan value holding
 *    at the month's last day and straight-line between those days (0 at the
 *    start date); with no plan, straight-line from 0 at the start to 100% /
 *    the allocation at the end (fig.plan_linear is set);
 *  - actual percent and disbursed: from the latest report on or before today;
 *  - status: cancelled/suspended as stated; completed at 100%; not started
 *    before the start date without a report; otherwise by the gap between
 *    planned and actual percent against site.yaml's thresholds.
 * Roll-ups per fiscal year, for the office and per group, district and
 * dimension: sums of money, and weighted means of percentages, weight = the
 * allocation (rollup: budget) or the project's weight (rollup: weight; 1 when
 * absent).  Cancelled projects are left out of roll-ups (and counted apart).
 * A project in several districts counts fully in each. */
#ifndef PRONGSAI_DERIVE_H
#define PRONGSAI_DERIVE_H

#include "model/model.h"

struct rollup {
	const char *id, *name, *name_en; /* id NULL for the whole office */
	size_t n_projects;       /* in the roll-up (cancelled excluded) */
	size_t n_cancelled;
	size_t by_status[ST__COUNT];
	int64_t allocated, disbursed, planned_baht;
	int64_t weight_sum;      /* hundredths (budget mode: satang) */
	int64_t planned_pct, actual_pct; /* weighted means, hundredths */
	int64_t disb_rate;       /* disbursed / allocated, hundredths */
	int64_t planned_disb_rate; /* planned_baht / allocated */
};

struct month_point {
	int year, month;         /* CE */
	pdate end;
	int past;                /* the month has begun by today */
	int64_t planned_pct, actual_pct, planned_baht, disbursed;
};

struct quarter_point {
	pdate end;
	int past;                /* the quarter has begun by today */
	int complete;            /* the quarter has ended by today */
	int64_t overall, recurrent, capital;       /* actual disbursed %, hundredths */
	int64_t t_overall, t_recurrent, t_capital; /* targets, -1 when none */
};

struct fy_figures {
	int fiscal_year;
	struct rollup office;
	struct rollup *groups, *districts, *dimensions; /* site order */
	size_t n_groups, n_districts, n_dimensions;
	struct month_point months[12];
	struct quarter_point quarters[4];
	int64_t alloc_recurrent, alloc_capital;
	int has_target;
};

struct derived {
	struct fy_figures *fy;   /* one per site fiscal year, ascending */
	size_t n_fy;
	int current_fy;          /* the fiscal year containing today, or the
	                            latest shown before it */
};

/* Planned percent and baht of p at date t (see above). */
void project_planned_at(const struct project *p, pdate t, int64_t *pct, int64_t *baht);
/* The latest report of p on or before t, or NULL. */
const struct report *project_report_at(const struct project *p, pdate t);

/* The roll-up of fiscal year fy's projects (as above) with each plan taken at
 * plan_at and the actuals from the latest report on or before actual_at;
 * by_status counts today's statuses.  Used for the monthly S-curves and the
 * periodic reports, so that every page rolls up the same way. */
void rollup_at(const struct model *m, int fy, pdate plan_at, pdate actual_at, struct rollup *out);

/* Compute everything; memory from m->arena. */
void derive_all(struct model *m, struct derived *out);

/* The figures of fiscal year fy, or NULL. */
const struct fy_figures *derived_fy(const struct derived *d, int fy);

#endif
