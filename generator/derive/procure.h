/* procure.h: procurement methods and the figures of the standard monthly
 * summary (แบบ สขร.1).  Pure functions over the model's records. */
#ifndef PRONGSAI_PROCURE_H
#define PRONGSAI_PROCURE_H

#include <stddef.h>
#include <stdint.h>
#include "model/model.h"

/* The methods a record may name (e-bidding, e-market, selection, specific),
 * NULL-terminated, in display order. */
extern const char *const proc_methods[];

/* Thai and English labels of a method id; NULL for an unknown id. */
const char *proc_method_th(const char *id);
const char *proc_method_en(const char *id);

/* Totals over the records of m in fiscal year fy (BE) and, when month is
 * 1..12, in that CE month only (month 0: the whole year).  Never fails. */
struct proc_total {
	size_t n;
	int64_t budget, price;    /* satang */
};
struct proc_total proc_sum(const struct model *m, int fy, int month, const char *method);

/* What is known of month (CE 1..12) of fiscal year fy as of m->today:
 * records; else not yet due (the month has not ended); recorded as none
 * (no_procurement:); or nothing entered, which the site must not present
 * as "none". */
enum proc_month_state { PM_FUTURE, PM_RECORDS, PM_NONE, PM_NOT_ENTERED };
enum proc_month_state proc_month_state(const struct model *m, int fy, int month);

#endif
