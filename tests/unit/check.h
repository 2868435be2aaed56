/* check.h: the smallest unit-test harness that can fail.
 * Each CHECK prints the failing expression with file:line; main() returns
 * CHECK_RESULT(), which prints "unit NAME: N passed, N failed". */
#ifndef PRONGSAI_CHECK_H
#define PRONGSAI_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(expr) do { \
	if (expr) check_passed++; \
	else { check_failed++; fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #expr); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *check_g_ = (got), *check_w_ = (want); \
	if (check_g_ && check_w_ && strcmp(check_g_, check_w_) == 0) check_passed++; \
	else { check_failed++; fprintf(stderr, "%s:%d: FAILED: %s\n  got:  \"%s\"\n  want: \"%s\"\n", \
		__FILE__, __LINE__, #got, check_g_ ? check_g_ : "(null)", check_w_ ? check_w_ : "(null)"); } \
} while (0)

#define CHECK_INT(got, want) do { \
	long long check_g_ = (long long)(got), check_w_ = (long long)(want); \
	if (check_g_ == check_w_) check_passed++; \
	else { check_failed++; fprintf(stderr, "%s:%d: FAILED: %s\n  got:  %lld\n  want: %lld\n", \
		__FILE__, __LINE__, #got, check_g_, check_w_); } \
} while (0)

#define CHECK_RESULT() (printf("%s: %d passed, %d failed\n", __FILE__, check_passed, check_failed), \
	check_failed ? 1 : 0)

#endif
