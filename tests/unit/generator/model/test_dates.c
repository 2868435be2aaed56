/* test_dates.c: day counts, parsing, BE conversion, fiscal years. */
#include <stdint.h>

#include "check.h"
#include "model/dates.h"

static pdate ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static const char *iso(pdate t, char out[11])
{
	date_iso(t, out);
	return out;
}

static void test_epoch(void)
{
	int y, m, d;
	pdate t;
	char b[11];

	CHECK_INT(ymd(1970, 1, 1), 0);
	CHECK_INT(ymd(1970, 1, 2), 1);
	CHECK_INT(ymd(1969, 12, 31), -1);
	CHECK_INT(ymd(2000, 3, 1), 11017);
	CHECK_INT(ymd(2026, 1, 5), 20458);
	date_to_ymd(-1, &y, &m, &d);
	CHECK(y == 1969 && m == 12 && d == 31);
	date_to_ymd(20458, &y, &m, &d);
	CHECK(y == 2026 && m == 1 && d == 5);
	/* round trip every day 1900..2999 */
	{
		int bad = 0;
		for (t = ymd(1900, 1, 1); t <= ymd(2999, 12, 31); t++) {
			date_to_ymd(t, &y, &m, &d);
			if (!date_valid_ymd(y, m, d) || ymd(y, m, d) != t)
				bad++;
		}
		CHECK_INT(bad, 0);
	}
	CHECK_STR(iso(ymd(2026, 1, 5), b), "2026-01-05");
	CHECK_STR(iso(ymd(1900, 12, 31), b), "1900-12-31");
	CHECK_STR(iso(INT32_MAX, b), "0000-00-00"); /* out of 4-digit range */
	date_to_ymd(INT32_MIN, &y, &m, &d);        /* must not overflow */
	CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31);
}

static void test_valid(void)
{
	CHECK(date_valid_ymd(2024, 2, 29));
	CHECK(!date_valid_ymd(2026, 2, 29));
	CHECK(date_valid_ymd(2000, 2, 29));
	CHECK(!date_valid_ymd(2100, 2, 29));
	CHECK(!date_valid_ymd(2026, 13, 1));
	CHECK(!date_valid_ymd(2026, 0, 1));
	CHECK(!date_valid_ymd(2026, 4, 31));
	CHECK(!date_valid_ymd(2026, 1, 0));
	CHECK(date_valid_ymd(1900, 1, 1));
	CHECK(!date_valid_ymd(1899, 12, 31));
	CHECK(date_valid_ymd(2999, 12, 31));
	CHECK(!date_valid_ymd(3000, 1, 1));
	CHECK_INT(date_days_in_month(2024, 2), 29);
	CHECK_INT(date_days_in_month(2026, 2), 28);
	CHECK_INT(date_days_in_month(2026, 12), 31);
	CHECK_INT(date_days_in_month(2026, 13), 0);
}

static void test_parse(void)
{
	pdate t = 12345;
	int be = -1;
	char b[11];

	CHECK_INT(date_parse("2026-01-05", &t, &be), DATE_OK);
	CHECK_STR(iso(t, b), "2026-01-05");
	CHECK_INT(be, 0);
	CHECK_INT(date_parse("2569-01-05", &t, &be), DATE_OK);
	CHECK_STR(iso(t, b), "2026-01-05");
	CHECK_INT(be, 1);
	CHECK_INT(date_parse("2024-02-29", &t, NULL), DATE_OK);
	/* BE leap years are CE leap years: 2567 = 2024 */
	CHECK_INT(date_parse("2567-02-29", &t, &be), DATE_OK);
	CHECK_STR(iso(t, b), "2024-02-29");
	CHECK_INT(date_parse("2569-02-29", &t, &be), DATE_INVALID);
	/* 2399 is still CE; 2400 BE = 1857 CE, out of range */
	CHECK_INT(date_parse("2399-01-01", &t, &be), DATE_OK);
	CHECK_INT(be, 0);
	CHECK_INT(date_parse("2400-01-01", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("3542-12-31", &t, &be), DATE_OK);
	CHECK_STR(iso(t, b), "2999-12-31");

	t = 777;
	be = 5;
	CHECK_INT(date_parse("2026-02-29", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("2026-13-01", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("2026-00-10", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("2026-04-31", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("2026-01-00", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("1899-12-31", &t, &be), DATE_INVALID);
	CHECK_INT(date_parse("2026-1-05", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026-01-5", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026-01-05x", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026-01-05 ", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse(" 2026-01-05", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026-01-05T00:00", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026/01/05", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("26-01-05", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("+026-01-05", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("2026-01", &t, &be), DATE_SYNTAX);
	CHECK_INT(date_parse("๒๕๖๙-01-05", &t, &be), DATE_SYNTAX);
	CHECK_INT(t, 777); /* unchanged on failure */
	CHECK_INT(be, 5);
}

static void test_fiscal(void)
{
	char b[11];

	CHECK_INT(date_fiscal_year(ymd(2025, 9, 30)), 2568);
	CHECK_INT(date_fiscal_quarter(ymd(2025, 9, 30)), 4);
	CHECK_INT(date_fiscal_year(ymd(2025, 10, 1)), 2569);
	CHECK_INT(date_fiscal_quarter(ymd(2025, 10, 1)), 1);
	CHECK_INT(date_fiscal_year(ymd(2025, 12, 31)), 2569);
	CHECK_INT(date_fiscal_quarter(ymd(2025, 12, 31)), 1);
	CHECK_INT(date_fiscal_year(ymd(2026, 1, 1)), 2569);
	CHECK_INT(date_fiscal_quarter(ymd(2026, 1, 1)), 2);
	CHECK_INT(date_fiscal_quarter(ymd(2026, 3, 31)), 2);
	CHECK_INT(date_fiscal_quarter(ymd(2026, 4, 1)), 3);
	CHECK_INT(date_fiscal_quarter(ymd(2026, 6, 30)), 3);
	CHECK_INT(date_fiscal_quarter(ymd(2026, 7, 1)), 4);
	CHECK_INT(date_fiscal_year(ymd(2026, 9, 30)), 2569);
	CHECK_INT(date_fiscal_year(ymd(2026, 10, 1)), 2570);

	CHECK_STR(iso(fiscal_year_start(2569), b), "2025-10-01");
	CHECK_STR(iso(fiscal_year_end(2569), b), "2026-09-30");
	CHECK_STR(iso(fiscal_quarter_end(2569, 1), b), "2025-12-31");
	CHECK_STR(iso(fiscal_quarter_end(2569, 2), b), "2026-03-31");
	CHECK_STR(iso(fiscal_quarter_end(2569, 3), b), "2026-06-30");
	CHECK_STR(iso(fiscal_quarter_end(2569, 4), b), "2026-09-30");
	CHECK_INT(fiscal_year_end(2568) + 1, fiscal_year_start(2569));
	CHECK_INT(fiscal_year_end(2567) - fiscal_year_start(2567) + 1, 366); /* FY2567 has 29 Feb 2024 */

	CHECK_STR(iso(date_month_end(ymd(2024, 2, 10)), b), "2024-02-29");
	CHECK_STR(iso(date_month_end(ymd(2026, 2, 1)), b), "2026-02-28");
	CHECK_STR(iso(date_month_end(ymd(2025, 12, 31)), b), "2025-12-31");
	/* every date's quarter ends on or after it, within its fiscal year */
	{
		int bad = 0;
		pdate t;
		for (t = ymd(2020, 1, 1); t < ymd(2030, 1, 1); t++) {
			int fy = date_fiscal_year(t), q = date_fiscal_quarter(t);
			pdate qe = fiscal_quarter_end(fy, q);
			if (qe < t || qe - t > 92 || t < fiscal_year_start(fy) || t > fiscal_year_end(fy))
				bad++;
		}
		CHECK_INT(bad, 0);
	}
	/* the months of a fiscal year: October first, and back again */
	{
		int k, y, mo, bad = 0;
		fiscal_month(2569, 0, &y, &mo);
		CHECK_INT(y * 100 + mo, 202510);
		fiscal_month(2569, 2, &y, &mo);
		CHECK_INT(y * 100 + mo, 202512);
		fiscal_month(2569, 3, &y, &mo);
		CHECK_INT(y * 100 + mo, 202601);
		fiscal_month(2569, 11, &y, &mo);
		CHECK_INT(y * 100 + mo, 202609);
		CHECK_INT(fiscal_month_year(2569, 10), 2025);
		CHECK_INT(fiscal_month_year(2569, 9), 2026);
		CHECK_INT(date_be_year(2026), 2569);
		for (k = 0; k < 12; k++) {
			fiscal_month(2569, k, &y, &mo);
			if (fiscal_month_index(mo) != k || date_fiscal_year(ymd(y, mo, 1)) != 2569 ||
				fiscal_month_year(2569, mo) != y)
				bad++;
		}
		CHECK_INT(bad, 0);
	}
}

/* date_parse_utc_stamp(): the database's timestamps, and nothing else. */
static void test_utc_stamp(void)
{
	int64_t t = -1;

	CHECK_INT(date_parse_utc_stamp("1970-01-01T00:00:00Z", &t), 0);
	CHECK(t == 0);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T03:04:05Z", &t), 0);
	CHECK(t == (int64_t)date_from_ymd(2026, 1, 5) * 86400 + 3 * 3600 + 4 * 60 + 5);
	CHECK_INT(date_parse_utc_stamp("2026-12-31T23:59:60Z", &t), 0); /* leap second */
	CHECK_INT(date_parse_utc_stamp("2399-12-31T23:59:59Z", &t), 0);
	CHECK_INT(date_parse_utc_stamp("2569-01-05T03:04:05Z", &t), -1); /* a BE year */
	CHECK_INT(date_parse_utc_stamp("2026-02-30T03:04:05Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T24:00:00Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T03:60:00Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T03:04:61Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05 03:04:05Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T03:04:05", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T03:04:05Z ", &t), -1);
	CHECK_INT(date_parse_utc_stamp("2026-01-05T+3:04:05Z", &t), -1);
	CHECK_INT(date_parse_utc_stamp(NULL, &t), -1);
}

int main(void)
{
	test_epoch();
	test_valid();
	test_parse();
	test_fiscal();
	test_utc_stamp();
	return CHECK_RESULT();
}
