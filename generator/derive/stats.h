/* stats.h: complaint statistics and survey results, from the model only.
 *
 * Cases: every complaint submission (by its tracking code) joined with its
 * response file; without any submission source (no --db, no sample
 * submissions) the response files alone, received on their first date.
 * A case's status is the latest history entry's, else "received" on the
 * submission's date.  Periods (fiscal year BE, quarter, month) are those of
 * the date received; "closed" = resolved or rejected by m->today.
 * Median days to close: over the closed cases received in the period, the
 * closing date minus the date received; the mean of the two middle values
 * when the count is even; kept in hundredths (integers only).
 * Surveys: per survey form, per fiscal year of the response, per scale
 * question: the count at each level 1..5, n, and x = the count at level 4
 * ("มาก") or 5; the share x/n and its 95% Wilson score interval (z = 1.96):
 *   (x + z²/2 ± z·sqrt(x(n−x)/n + z²/4)) / (n + z²)
 * computed in integer fixed point (z² = 3.8416 exactly, an integer square
 * root), the share rounded half up to 0.01 percentage point, the lower bound
 * rounded down and the upper bound up (never narrower than the exact
 * interval).  Per project (responses naming a project): the question named
 * "overall" (else the form's first scale question).  Per respondent type
 * (a form with a respondent field, formdef.h; the memo's indicator): the
 * same summary question, per choice of that field in the form's order.
 * The verdict on the 80% target (stats_verdict) needs at least STATS_MIN_N
 * answers; then it is met when x/n >= 80% exactly (100·x >= 80·n), the
 * point estimate, whatever the interval. */
#ifndef PRONGSAI_STATS_H
#define PRONGSAI_STATS_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "derive/eservice.h"
#include "model/model.h"

#define STATS_TARGET 8000         /* 80.00%: the share at "มาก" or above */
#define STATS_MIN_N 30            /* fewest answers for a verdict on the target */
#define STATS_ALL_TH "ผู้ใช้งานทุกประเภท" /* the indicator's row of all respondent types */
#define STATS_ALL_EN "All users"

struct case_row {
	const char *code;
	const char *form_id;      /* NULL for a response file without a submission */
	int question;             /* a question (formdef.h): tracked, never counted */
	enum form_channel channel;
	pdate received;
	const char *category;     /* value, or NULL */
	const char *category_th, *category_en; /* its labels, or NULL */
	const char *district;     /* site district id, or NULL */
	const struct complaint_resp *resp; /* NULL: not answered yet */
	enum case_status status;
	pdate status_date;
	int closed;
	pdate closed_date;
};

struct period_count {
	size_t total, closed, open;
};

struct count_item {
	const char *id, *label, *label_en;
	struct period_count c;
};

struct cstats_fy {
	int fiscal_year;
	struct period_count all, quarters[4], months[12]; /* months from October */
	struct period_count channels[3]; /* by enum form_channel (none = unknown) */
	/* the corruption channel alone (OIT O18): year, quarters, months */
	struct period_count corr_all, corr_quarters[4], corr_months[12];
	size_t by_status[CS__COUNT];
	struct count_item *categories;   /* complaint forms' order; only those seen */
	size_t n_categories;
	struct count_item *districts;    /* site order, then "not given" */
	size_t n_districts;
	int64_t median_days;             /* hundredths; -1 when nothing closed */
};

struct wilson {
	int64_t share, lo, hi;           /* hundredths of a percent */
};

struct survey_q {
	const char *name, *label, *label_en;
	size_t dist[5];                  /* levels 1..5 */
	size_t n, high;                  /* answers; at level 4 or 5 */
	struct wilson w;
};

struct survey_project {
	const char *project_id;
	struct survey_q q;               /* the summary question */
};

struct survey_group {
	const char *value, *label, *label_en; /* the respondent type (its choice) */
	struct survey_q q;               /* the summary question */
};

struct survey_fy {
	int fiscal_year;
	size_t n;                        /* responses */
	struct survey_q *qs;
	size_t n_qs;
	struct survey_project *projects; /* by id */
	size_t n_projects;
	struct survey_group *groups;     /* per respondent type, the form's order */
	size_t n_groups;                 /* 0: the form has no respondent field */
};

enum stats_verdict {
	SV_TOO_FEW,                      /* fewer than STATS_MIN_N answers */
	SV_MEETS,                        /* x/n >= STATS_TARGET */
	SV_BELOW
};

struct survey_stats {
	const struct form_def *form;
	size_t n;                        /* responses, all years */
	struct survey_fy *fys;           /* site fiscal years, newest first */
	size_t n_fys;
	size_t summary_q;                /* index of the summary question */
};

struct cstats {
	struct case_row *cases;          /* by code */
	size_t n_cases;
	struct cstats_fy *fys;           /* site fiscal years, ascending */
	size_t n_fys;
	struct survey_stats *surveys;    /* survey forms, model order */
	size_t n_surveys;
	/* OIT O10: [0] the fiscal year of m->today, [1] the one before (eservice.h) */
	struct eservice_fy eservice[2];
	int from_db, sample, content_only;
};

/* Wilson interval of x successes in n (n may be 0: all zero). */
void stats_wilson(uint64_t x, uint64_t n, struct wilson *out);
/* The verdict on the target for x answers at "มาก" or above out of n:
 * SV_TOO_FEW when n < STATS_MIN_N, else SV_MEETS when x·10000 >= n·STATS_TARGET
 * (x > n counts as x = n), else SV_BELOW.  Never fails. */
enum stats_verdict stats_verdict(uint64_t x, uint64_t n);
/* The verdict in words: "ผ่านเป้าหมาย", "ยังไม่ผ่านเป้าหมาย",
 * "ยังมีผู้ตอบน้อยเกินไป" (en: "Target met", "Target not met", "Too few
 * responses").  Never NULL. */
const char *stats_verdict_th(enum stats_verdict v);
const char *stats_verdict_en(enum stats_verdict v);
/* Floor of the square root. */
uint64_t stats_isqrt(unsigned __int128 v);
/* Median of v[0..n) in hundredths (sorts v); -1 when n is 0. */
int64_t stats_median_x100(int64_t *v, size_t n);
/* The first half (Oct-Mar) of a year's quarters q[0..3]. */
struct period_count stats_first_half(const struct period_count *q);
/* Compute everything; memory from a.  Never fails. */
void stats_build(const struct model *m, struct arena *a, struct cstats *out);
/* The figures of fiscal year fy, or NULL. */
const struct cstats_fy *cstats_fy(const struct cstats *cs, int fy);

#endif
