/* dates.c: calendar arithmetic on day counts, the Thai fiscal year and the
 * Buddhist Era.  See dates.h for the contracts.
 *
 * The day-count conversions are Howard Hinnant's days_from_civil and
 * civil_from_days (http://howardhinnant.github.io/date_algorithms.html),
 * done in 64-bit so that no int32 pdate can overflow an intermediate.
 */
#include "model/dates.h"

#include <assert.h>
#include <stdint.h>
#include <time.h>
#include <string.h>

#define BE_OFFSET 543
#define BE_THRESHOLD 2400 /* a parsed year at or above this is Buddhist Era */
#define YEAR_MIN 1900
#define YEAR_MAX 2999

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1..12) of CE year y; 0 for a month outside 1..12. */
int date_days_in_month(int y, int m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* Days since 1970-01-01 for CE y-m-d.  The caller guarantees a real date
 * (asserted in debug builds only for the month; the day is not checked so
 * that date_from_ymd(y, m, 0) style arithmetic is the caller's risk). */
pdate date_from_ymd(int y, int m, int d)
{
	int64_t yy, era, yoe, doy, doe;

	assert(m >= 1 && m <= 12);
	yy = (int64_t)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;                                   /* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
	return (pdate)(era * 146097 + doe - 719468);
}

/* Split t into CE year, month 1..12 and day 1..31.  Any pdate is accepted;
 * every output pointer must be non-NULL. */
void date_to_ymd(pdate t, int *y, int *m, int *d)
{
	int64_t z = (int64_t)t + 719468, era, doe, yoe, doy, mp, yy;

	assert(y && m && d);
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* 1 if y-m-d is a real CE date with 1900 <= y <= 2999, else 0. */
int date_valid_ymd(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read exactly n ASCII digits at s into *v; 0 if any is not a digit. */
static int digits(const char *s, int n, int *v)
{
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

/* Parse exactly "YYYY-MM-DD" (no sign, no spaces, no trailing bytes).  A
 * year >= 2400 is Buddhist Era and is converted to CE before validation
 * (so 2567-02-29 is valid: 2024 is a leap year).  The CE date must pass
 * date_valid_ymd(), else DATE_INVALID.  On failure *out and *was_be are left
 * unchanged; was_be may be NULL. */
enum date_parse_result date_parse(const char *s, pdate *out, int *was_be)
{
	int y, m, d, be = 0;

	assert(s && out);
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-'
	    || !digits(s + 8, 2, &d) || s[10] != '\0')
		return DATE_SYNTAX;
	if (y >= BE_THRESHOLD) {
		y -= BE_OFFSET;
		be = 1;
	}
	if (!date_valid_ymd(y, m, d))
		return DATE_INVALID;
	*out = date_from_ymd(y, m, d);
	if (was_be)
		*was_be = be;
	return DATE_OK;
}

/* "YYYY-MM-DD" in CE into out[11].  Years outside 0..9999 (far outside the
 * range anything parses to) are written as "0000-00-00" rather than
 * overflowing the fixed-size buffer. */
void date_iso(pdate t, char out[11])
{
	int y, m, d, i;

	assert(out);
	date_to_ymd(t, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = m = d = 0;
	for (i = 3; i >= 0; i--, y /= 10)
		out[i] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* The BE fiscal year of t: October..December belong to the next CE year's
 * fiscal year. */
int date_fiscal_year(pdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return y + BE_OFFSET + (m >= 10);
}

/* Fiscal quarter 1..4 of t (Q1 = Oct-Dec). */
int date_fiscal_quarter(pdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return (m >= 10) ? 1 : (m - 1) / 3 + 2;
}

pdate date_today_bangkok(void)
{
	return (pdate)(((int64_t)time(NULL) + DATE_BANGKOK_OFFSET_S) / 86400);
}

int date_be_year(int ce_year)
{
	return ce_year + BE_OFFSET;
}

void fiscal_month(int fy, int k, int *ce_year, int *month)
{
	assert(k >= 0 && k < 12);
	*month = (k + 9) % 12 + 1;
	*ce_year = fiscal_month_year(fy, *month);
}

int fiscal_month_index(int month)
{
	assert(month >= 1 && month <= 12);
	return (month + 2) % 12;
}

int fiscal_month_year(int fy, int month)
{
	assert(month >= 1 && month <= 12);
	return fy - BE_OFFSET - (month >= 10);
}

/* 1 October of CE year fy-544. */
pdate fiscal_year_start(int fy)
{
	return date_from_ymd(fy - BE_OFFSET - 1, 10, 1);
}

/* 30 September of CE year fy-543. */
pdate fiscal_year_end(int fy)
{
	return date_from_ymd(fy - BE_OFFSET, 9, 30);
}

/* Last day of quarter q (1..4, asserted) of fiscal year fy: 31 Dec, 31 Mar,
 * 30 Jun, 30 Sep. */
pdate fiscal_quarter_end(int fy, int q)
{
	assert(q >= 1 && q <= 4);
	switch (q) {
	case 1: return date_from_ymd(fy - BE_OFFSET - 1, 12, 31);
	case 2: return date_from_ymd(fy - BE_OFFSET, 3, 31);
	case 3: return date_from_ymd(fy - BE_OFFSET, 6, 30);
	default: return date_from_ymd(fy - BE_OFFSET, 9, 30);
	}
}

/* Last day of t's month. */
pdate date_month_end(pdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return t + (date_days_in_month(y, m) - d);
}

/* The value of n ASCII digits at s, or -1 if one is not a digit. */
static int stamp_digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse_utc_stamp(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, se;

	if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != 'Z')
		return -1;
	y = stamp_digits(s, 4);
	mo = stamp_digits(s + 5, 2);
	d = stamp_digits(s + 8, 2);
	h = stamp_digits(s + 11, 2);
	mi = stamp_digits(s + 14, 2);
	se = stamp_digits(s + 17, 2);
	if (y < 0 || y >= 2400 || mo < 0 || d < 0 || !date_valid_ymd(y, mo, d) || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	*out = (int64_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}
