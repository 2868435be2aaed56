/* test_stats.c: the Wilson interval, the verdict on the target, the integer
 * square root, the median,
 * created_at parsing and complaint status names (stats.h, submissions.h,
 * complaints.h). */
#include <string.h>

#include "check.h"
#include "load/complaints.h"
#include "derive/stats.h"
#include "load/submissions.h"

static void wilson(uint64_t x, uint64_t n, int64_t share, int64_t lo, int64_t hi)
{
	struct wilson w;

	stats_wilson(x, n, &w);
	CHECK(w.share == share);
	CHECK(w.lo == lo);
	CHECK(w.hi == hi);
	if (w.share != share || w.lo != lo || w.hi != hi)
		fprintf(stderr, "wilson(%llu, %llu) = %lld [%lld, %lld]\n", (unsigned long long)x,
			(unsigned long long)n, (long long)w.share, (long long)w.lo, (long long)w.hi);
}

int main(void)
{
	int64_t v[] = { 9, 1, 5, 3 }, one[] = { 7 };
	pdate t;

	/* the small-count rule (eservice.h): 1..4 hidden, 0 and 5 shown */
	{
		struct arena a;
		struct eservice_row r;
		arena_init(&a);
		CHECK(!eservice_hidden(0) && eservice_hidden(1) && eservice_hidden(ESV_SMALL_MAX) &&
			!eservice_hidden(ESV_SMALL_MAX + 1));
		CHECK_STR(eservice_count_text(&a, 0), "0");
		CHECK_STR(eservice_count_text(&a, 1), "น้อยกว่า 5");
		CHECK_STR(eservice_count_text(&a, 4), "น้อยกว่า 5");
		CHECK_STR(eservice_count_text(&a, 5), "5");
		CHECK_STR(eservice_count_text(&a, 1234567), "1234567");
		memset(&r, 0, sizeof(r));
		r.total = 9;
		CHECK_STR(eservice_total_text(&a, &r), "9");
		r.any_hidden = 1; /* 9 = 5 + a hidden 4: the total would tell */
		CHECK_STR(eservice_total_text(&a, &r), "—");
		arena_free(&a);
	}
	CHECK(stats_isqrt(0) == 0);
	CHECK(stats_isqrt(1) == 1);
	CHECK(stats_isqrt(15) == 3);
	CHECK(stats_isqrt(16) == 4);
	CHECK(stats_isqrt((unsigned __int128)UINT64_MAX * UINT64_MAX) == UINT64_MAX);
	CHECK(stats_isqrt(((unsigned __int128)1 << 100) - 1) == ((uint64_t)1 << 50) - 1);
	/* reference values (exact Wilson, z = 1.96), hundredths of a percent:
	 * 8/10: 0.8 [0.490162, 0.943318]; 45/50: [0.786, 0.9565];
	 * 0/10: [0, 0.27753]; 10/10: [0.72247, 1]; 1/1: [0.2065, 1] */
	wilson(8, 10, 8000, 4901, 9434);
	wilson(45, 50, 9000, 7863, 9566);
	wilson(0, 10, 0, 0, 2776);
	wilson(10, 10, 10000, 7224, 10000);
	wilson(1, 1, 10000, 2065, 10000);
	wilson(2, 3, 6667, 2076, 9386);
	wilson(0, 0, 0, 0, 0);
	wilson(800000, 1000000, 8000, 7992, 8008);
	/* the verdict on the 80% target: a minimum of STATS_MIN_N (30) answers
	 * (29 is too few, 30 is enough), then x/n >= 80% exactly, unrounded */
	CHECK(STATS_MIN_N == 30);
	CHECK(stats_verdict(29, 29) == SV_TOO_FEW);
	CHECK(stats_verdict(0, 0) == SV_TOO_FEW);
	CHECK(stats_verdict(24, 30) == SV_MEETS);       /* 80.00% exactly */
	CHECK(stats_verdict(23, 30) == SV_BELOW);       /* 76.67% */
	CHECK(stats_verdict(30, 30) == SV_MEETS);
	CHECK(stats_verdict(31, 30) == SV_MEETS);       /* x > n counts as n */
	CHECK(stats_verdict(79999, 100000) == SV_BELOW); /* 79.999%: rounds to 80.00, not met */
	CHECK(stats_verdict(80000, 100000) == SV_MEETS);
	CHECK(stats_verdict(UINT64_MAX / 5 * 4, UINT64_MAX / 5 * 5) == SV_MEETS); /* no overflow */
	CHECK(stats_verdict(UINT64_MAX / 5 * 4 - 1, UINT64_MAX / 5 * 5) == SV_BELOW);
	CHECK(strcmp(stats_verdict_th(SV_MEETS), "ผ่านเป้าหมาย") == 0);
	CHECK(strcmp(stats_verdict_th(SV_BELOW), "ยังไม่ผ่านเป้าหมาย") == 0);
	CHECK(strcmp(stats_verdict_th(SV_TOO_FEW), "ยังมีผู้ตอบน้อยเกินไป") == 0);
	CHECK(strcmp(stats_verdict_en(SV_MEETS), "Target met") == 0);
	/* median in hundredths; even counts take the mean of the middle two */
	CHECK(stats_median_x100(v, 4) == 400);
	CHECK(stats_median_x100(one, 1) == 700);
	CHECK(stats_median_x100(v, 0) == -1);
	{
		int64_t w[] = { 1, 2 };
		CHECK(stats_median_x100(w, 2) == 150);
	}
	/* created_at (UTC) to the date in Thailand */
	CHECK(subs_parse_created("2026-01-05T16:59:59Z", &t) == 0 && t == date_from_ymd(2026, 1, 5));
	CHECK(subs_parse_created("2026-01-05T17:00:00Z", &t) == 0 && t == date_from_ymd(2026, 1, 6));
	CHECK(subs_parse_created("2026-09-30T23:00:00Z", &t) == 0 && date_fiscal_year(t) == 2570);
	CHECK(subs_parse_created("2026-01-05 17:00:00", &t) == -1);
	CHECK(subs_parse_created("2569-01-05T10:00:00Z", &t) == -1);
	CHECK(subs_parse_created(NULL, &t) == -1);
	{
		enum case_status s;
		CHECK(case_status_parse("under-review", &s) == 0 && s == CS_UNDER_REVIEW);
		CHECK(case_status_parse("closed", &s) == -1);
		CHECK(case_status_closed(CS_REJECTED) && !case_status_closed(CS_IN_PROGRESS));
		CHECK(strcmp(case_status_name(CS_IN_PROGRESS), "in-progress") == 0);
	}
	return CHECK_RESULT();
}
