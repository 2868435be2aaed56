/* eservice.h: OIT O10's e-service statistics, from the model only.
 *
 * How often each online service was used, per month (in Thailand) of a
 * fiscal year: every form of content/forms/ (its submissions: complaints,
 * corruption reports, questions from m->subs; survey responses from the
 * database's counts, m->survey_counts, and sample surveys from m->subs),
 * and the case-tracking lookups the collector counted per month
 * (m->lookups).  Nothing identifies anyone: the inputs are counts and
 * dates only.
 *
 * The small-count rule (written once, here): a count of 1 to
 * ESV_SMALL_MAX is shown as ESV_SMALL_TH ("น้อยกว่า 5"), never as its
 * number; 0 is shown as 0.  A row's yearly total is shown only when none
 * of its months is hidden (else the hidden month could be worked out from
 * the total), and is itself subject to the rule. */
#ifndef PRONGSAI_ESERVICE_H
#define PRONGSAI_ESERVICE_H

#include <stddef.h>
#include "arena.h"
#include "model/model.h"

#define ESV_SMALL_MAX 4
#define ESV_SMALL_TH "น้อยกว่า 5"
#define ESV_SMALL_EN "fewer than 5"
#define ESV_TRACK_ID "track" /* the row of the tracking lookups */

struct eservice_row {
	const char *id;                /* the form id, or ESV_TRACK_ID */
	const char *label, *label_en;
	const char *path;              /* its page under the site root */
	size_t months[12];             /* from October */
	size_t total;
	int any_hidden;                /* some month is 1..ESV_SMALL_MAX */
};

struct eservice_fy {
	int fiscal_year;
	int months_begun;              /* months of the year begun by m->today (0..12) */
	struct eservice_row *rows;     /* the forms in the model's order, then tracking */
	size_t n_rows;
};

/* The figures of fiscal year fy; memory from a.  Never fails. */
void eservice_build(const struct model *m, struct arena *a, int fy, struct eservice_fy *out);

/* 1 when the small-count rule hides n (1..ESV_SMALL_MAX), else 0. */
int eservice_hidden(size_t n);

/* n as shown under the rule: "0", ESV_SMALL_TH, or the decimal number
 * (memory from a).  Never NULL. */
const char *eservice_count_text(struct arena *a, size_t n);

/* A row's total as shown: "—" when a month is hidden, else as
 * eservice_count_text(). */
const char *eservice_total_text(struct arena *a, const struct eservice_row *r);

#endif
