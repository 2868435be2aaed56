/* thaidate.h: dates as Thai readers expect them. */
#ifndef PRONGSAI_THAIDATE_H
#define PRONGSAI_THAIDATE_H

#include <stddef.h>
#include "model/dates.h"

enum digit_style { DIGITS_ARABIC = 0, DIGITS_THAI = 1 };

/* Short Thai date in Buddhist Era: "5 ม.ค. 2569" (or "๕ ม.ค. ๒๕๖๙"). */
char *thaidate_short(pdate t, enum digit_style ds, char *out, size_t outlen);
/* Long Thai date: "5 มกราคม 2569". */
char *thaidate_long(pdate t, enum digit_style ds, char *out, size_t outlen);
/* Month and BE year: "ม.ค. 2569". */
char *thaidate_month(int ce_year, int month, enum digit_style ds, char *out, size_t outlen);
/* English date: "5 Jan 2026". */
char *date_english(pdate t, char *out, size_t outlen);
/* Fiscal year label "ปีงบประมาณ 2569"; quarter label "ไตรมาส 2/2569". */
char *thaidate_fiscal_year(int fy, enum digit_style ds, char *out, size_t outlen);
char *thaidate_quarter(int fy, int q, enum digit_style ds, char *out, size_t outlen);

/* Thai month names, index 1..12; NULL for any other m.  (thaidate_month
 * writes "" for a month outside 1..12.)  All formatters cut an over-long
 * result at a character boundary and write nothing when outlen is 0. */
const char *thai_month_short(int m);
const char *thai_month_long(int m);

#endif
