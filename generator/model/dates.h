/* dates.h: calendar dates, the Thai fiscal year, and the Buddhist Era.
 *
 * A date is a count of days since 1970-01-01 (proleptic Gregorian, CE), so
 * that comparison and differences are integer arithmetic.  BE = CE + 543.
 * The Thai fiscal year FY N (named by the BE year in which it ends) runs from
 * 1 October (N-544 CE) to 30 September (N-543 CE).
 */
#ifndef PRONGSAI_DATES_H
#define PRONGSAI_DATES_H

#include <stdint.h>
#include "utcstamp.h" /* UTC_BANGKOK_OFFSET_S */

typedef int32_t pdate; /* days since 1970-01-01 */

/* Thai time is UTC+7 all year (no daylight saving). */
#define DATE_BANGKOK_OFFSET_S UTC_BANGKOK_OFFSET_S

/* Days since the epoch for a valid CE y-m-d (no validation; m is asserted). */
pdate date_from_ymd(int y, int m, int d);
/* Split a date into CE year, month (1-12), day (1-31). */
void date_to_ymd(pdate t, int *y, int *m, int *d);
/* 1 if y-m-d is a real CE date in 1900..2999, else 0. */
int date_valid_ymd(int y, int m, int d);
/* Parse a database timestamp "YYYY-MM-DDTHH:MM:SSZ" (common/utcstamp.h; a
 * CE year before 2400, so never a BE year) into seconds since 1970-01-01
 * UTC.  Returns 0 and *out, or -1 (out untouched) if s is NULL or not
 * exactly that form of a real date and time (a leap second :60 allowed). */
int date_parse_utc_stamp(const char *s, int64_t *out);

enum date_parse_result {
	DATE_OK = 0,
	DATE_SYNTAX = 1,   /* not YYYY-MM-DD */
	DATE_INVALID = 2   /* well formed but no such day (e.g. 2026-02-30) */
};
/* Parse exactly "YYYY-MM-DD".  A year >= 2400 is read as Buddhist Era and
 * converted to CE (2569-01-05 -> 2026-01-05) before the date_valid_ymd()
 * check.  On success *out is set and *was_be (was_be may be NULL) says
 * whether the year was BE; on failure *out and *was_be are unchanged. */
enum date_parse_result date_parse(const char *s, pdate *out, int *was_be);

/* Format as ISO "YYYY-MM-DD" (CE) into out (at least 11 bytes); a year
 * outside 0..9999 gives "0000-00-00". */
void date_iso(pdate t, char out[11]);

/* Fiscal year (BE) a date belongs to: 2025-10-01 .. 2026-09-30 -> 2569. */
int date_fiscal_year(pdate t);
/* Fiscal quarter 1..4: Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep. */
int date_fiscal_quarter(pdate t);
/* First and last day of fiscal year fy (BE). */
pdate fiscal_year_start(int fy);
pdate fiscal_year_end(int fy);
/* Today in Thailand (UTC+7, no daylight saving), from the system clock. */
pdate date_today_bangkok(void);
/* The Buddhist-Era year of a CE year (ce_year + 543). */
int date_be_year(int ce_year);
/* Months of a fiscal year, numbered k = 0 (October) .. 11 (September). */
/* Month k (0..11, asserted) of fiscal year fy (BE): its CE year and month
 * 1..12. */
void fiscal_month(int fy, int k, int *ce_year, int *month);
/* k of month (1..12, asserted): October 0 ... September 11. */
int fiscal_month_index(int month);
/* The CE year in which month (1..12, asserted) of fiscal year fy falls. */
int fiscal_month_year(int fy, int month);
/* Last day of quarter q (1..4) of fiscal year fy. */
pdate fiscal_quarter_end(int fy, int q);
/* Last day of the month containing t. */
pdate date_month_end(pdate t);
/* Days in month m of CE year y; 0 if m is not 1..12. */
int date_days_in_month(int y, int m);

#endif
