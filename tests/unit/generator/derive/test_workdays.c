/* test_workdays.c: Thai working days skip weekends and the holidays list. */
#include "check.h"
#include "derive/workdays.h"

int main(void)
{
	struct model m;
	pdate hol[] = { date_from_ymd(2026, 4, 13), date_from_ymd(2026, 4, 14), date_from_ymd(2026, 4, 15) };

	model_init(&m);
	/* no holidays: weekends only */
	CHECK(workday_is(&m, date_from_ymd(2026, 4, 10)));   /* Friday */
	CHECK(!workday_is(&m, date_from_ymd(2026, 4, 11)));  /* Saturday */
	CHECK(!workday_is(&m, date_from_ymd(2026, 4, 12)));  /* Sunday */
	CHECK(workday_is(&m, date_from_ymd(2026, 4, 13)));
	CHECK(!workday_is(&m, date_from_ymd(1969, 12, 28))); /* a Sunday before the epoch */
	CHECK_INT(workdays_between(&m, date_from_ymd(2026, 4, 10), date_from_ymd(2026, 4, 17)), 5);
	m.holidays = hol;
	m.n_holidays = 3;
	CHECK(!workday_is(&m, date_from_ymd(2026, 4, 14)));
	CHECK(workday_is(&m, date_from_ymd(2026, 4, 16)));
	/* Friday 10 April plus one working day is Thursday 16 April (Songkran) */
	CHECK_INT(workday_add(&m, date_from_ymd(2026, 4, 10), 1), date_from_ymd(2026, 4, 16));
	CHECK_INT(workday_add(&m, date_from_ymd(2026, 4, 10), 0), date_from_ymd(2026, 4, 10));
	CHECK_INT(workdays_between(&m, date_from_ymd(2026, 4, 10), date_from_ymd(2026, 4, 17)), 2);
	CHECK_INT(workdays_between(&m, date_from_ymd(2026, 4, 17), date_from_ymd(2026, 4, 10)), 0);
	/* 15 working days from Thursday 9 April: 10, 16, 17, 20-24, 27-30, 1 May, 4, 5 */
	CHECK_INT(workday_add(&m, date_from_ymd(2026, 4, 9), 15), date_from_ymd(2026, 5, 5));
	m.holidays = NULL;
	m.n_holidays = 0;
	model_free(&m);
	return CHECK_RESULT();
}
