/* test_thaidate.c: Thai date strings, both digit styles. */
#include "check.h"
#include "render/thaidate.h"

static void test_dates(void)
{
	char b[128];
	pdate t = date_from_ymd(2026, 1, 5);

	CHECK_STR(thaidate_short(t, DIGITS_ARABIC, b, sizeof b), "5 ม.ค. 2569");
	CHECK_STR(thaidate_short(t, DIGITS_THAI, b, sizeof b), "๕ ม.ค. ๒๕๖๙");
	CHECK_STR(thaidate_long(t, DIGITS_ARABIC, b, sizeof b), "5 มกราคม 2569");
	CHECK_STR(thaidate_long(t, DIGITS_THAI, b, sizeof b), "๕ มกราคม ๒๕๖๙");
	CHECK_STR(date_english(t, b, sizeof b), "5 Jan 2026");
	CHECK_STR(thaidate_short(date_from_ymd(2025, 12, 31), DIGITS_ARABIC, b, sizeof b), "31 ธ.ค. 2568");
	CHECK_STR(thaidate_long(date_from_ymd(2024, 2, 29), DIGITS_ARABIC, b, sizeof b), "29 กุมภาพันธ์ 2567");
	CHECK_STR(thaidate_long(date_from_ymd(2025, 10, 1), DIGITS_THAI, b, sizeof b), "๑ ตุลาคม ๒๕๖๘");
	CHECK_STR(date_english(date_from_ymd(1999, 12, 31), b, sizeof b), "31 Dec 1999");
	CHECK_STR(thaidate_month(2026, 1, DIGITS_ARABIC, b, sizeof b), "ม.ค. 2569");
	CHECK_STR(thaidate_month(2026, 4, DIGITS_THAI, b, sizeof b), "เม.ย. ๒๕๖๙");
	CHECK_STR(thaidate_month(2026, 13, DIGITS_ARABIC, b, sizeof b), "");
	CHECK_STR(thaidate_fiscal_year(2569, DIGITS_ARABIC, b, sizeof b), "ปีงบประมาณ 2569");
	CHECK_STR(thaidate_fiscal_year(2569, DIGITS_THAI, b, sizeof b), "ปีงบประมาณ ๒๕๖๙");
	CHECK_STR(thaidate_quarter(2569, 2, DIGITS_ARABIC, b, sizeof b), "ไตรมาส 2/2569");
	CHECK_STR(thaidate_quarter(2569, 2, DIGITS_THAI, b, sizeof b), "ไตรมาส ๒/๒๕๖๙");
}

static void test_truncation(void)
{
	char b[16];
	pdate t = date_from_ymd(2026, 1, 5);

	/* "5 มกราคม 2569": '5', ' ', then 3-byte letters; cut on a boundary */
	CHECK_STR(thaidate_long(t, DIGITS_ARABIC, b, 6), "5 ม");
	CHECK_STR(thaidate_long(t, DIGITS_ARABIC, b, 7), "5 ม");
	CHECK_STR(thaidate_long(t, DIGITS_ARABIC, b, 9), "5 มก");
	CHECK_STR(thaidate_short(t, DIGITS_THAI, b, 3), "");
	CHECK_STR(thaidate_short(t, DIGITS_THAI, b, 4), "๕");
	CHECK_STR(date_english(t, b, 4), "5 J");
	b[0] = 'x';
	thaidate_short(t, DIGITS_ARABIC, b, 0);
	CHECK(b[0] == 'x');
}

static void test_months(void)
{
	int m;

	CHECK_STR(thai_month_short(1), "ม.ค.");
	CHECK_STR(thai_month_short(12), "ธ.ค.");
	CHECK_STR(thai_month_long(5), "พฤษภาคม");
	CHECK_STR(thai_month_long(7), "กรกฎาคม");
	CHECK_STR(thai_month_long(11), "พฤศจิกายน");
	CHECK(thai_month_short(0) == NULL);
	CHECK(thai_month_long(13) == NULL);
	for (m = 1; m <= 12; m++)
		CHECK(thai_month_short(m) && thai_month_long(m));
}

int main(void)
{
	test_dates();
	test_truncation();
	test_months();
	return CHECK_RESULT();
}
