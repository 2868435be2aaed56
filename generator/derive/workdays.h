/* workdays.h: Thai government working days: Monday to Friday except the
 * public holidays of content/holidays/ (m->holidays, ascending).
 *
 * A complaint is due COMPLAINT_DUE_WORKDAYS working days after the day it
 * was received (the promise of forms/complaint.yaml's thank-you text). */
#ifndef PRONGSAI_WORKDAYS_H
#define PRONGSAI_WORKDAYS_H

#include "model/model.h"

#define COMPLAINT_DUE_WORKDAYS 15

/* 1 when t is a working day. */
int workday_is(const struct model *m, pdate t);
/* Working days in (from, to]; 0 when to <= from. */
int64_t workdays_between(const struct model *m, pdate from, pdate to);
/* The n-th working day after from (n >= 0; n = 0 gives from). */
pdate workday_add(const struct model *m, pdate from, int n);

#endif
