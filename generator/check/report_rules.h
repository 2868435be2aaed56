/* report_rules.h: the rules of one progress report against its project and
 * the report before it.
 *
 * One implementation for `prongsai check` (validate.c) and the staff
 * area's progress form (collector/staff/), so that the form refuses what
 * check refuses with the same Thai and English message.  Reports into d;
 * changes nothing. */
#ifndef PRONGSAI_REPORT_RULES_H
#define PRONGSAI_REPORT_RULES_H

#include "model/diag.h"
#include "model/model.h"

/* r against p: its folder's fiscal year, the date within the project period
 * and fiscal year, not after today (a warning), the cumulative
 * disbursement within the allocation. */
void report_rules_project(const struct project *p, const struct report *r, pdate today,
	struct diags *d);

/* r against prev, the project's report just before it (same project, an
 * earlier or the same date): not the same date; unless r gives a
 * correction, the cumulative percent, disbursement and KPI actuals not
 * lower than prev's. */
void report_rules_prev(const struct report *prev, const struct report *r, struct diags *d);

#endif
