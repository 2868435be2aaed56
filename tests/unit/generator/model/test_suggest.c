/* test_suggest.c: edit distance and "did you mean". */
#include <string.h>

#include "check.h"
#include "model/suggest.h"

static void test_distance(void)
{
	char a[80], b[80];

	CHECK_INT(suggest_distance("", ""), 0);
	CHECK_INT(suggest_distance("abc", "abc"), 0);
	CHECK_INT(suggest_distance("", "abc"), 3);
	CHECK_INT(suggest_distance("abc", ""), 3);
	CHECK_INT(suggest_distance("kitten", "sitting"), 3);
	CHECK_INT(suggest_distance("title", "titl"), 1);
	CHECK_INT(suggest_distance("title", "tittle"), 1);
	CHECK_INT(suggest_distance("title", "titel"), 1); /* adjacent transposition */
	CHECK_INT(suggest_distance("ab", "ba"), 1);
	CHECK_INT(suggest_distance("ca", "abc"), 3);    /* OSA, not full Damerau */
	CHECK_INT(suggest_distance("budget", "budjet"), 1);
	CHECK_INT(suggest_distance("Title", "title"), 1); /* case matters */
	memset(a, 'a', 64);
	a[64] = '\0';
	memset(b, 'a', 64);
	b[64] = '\0';
	b[63] = 'b';
	CHECK_INT(suggest_distance(a, b), 1);        /* 64 bytes is allowed */
	memset(a, 'a', 65);
	a[65] = '\0';
	CHECK_INT(suggest_distance(a, "a"), 1000);   /* 65 is not */
	CHECK_INT(suggest_distance("a", a), 1000);
}

static void test_closest(void)
{
	static const char *const fields[] = { "id", "title", "budget", "status",
		"start_date", "end_date", "district", NULL };
	static const char *const none[] = { NULL };
	static const char *const tie[] = { "cat", "car", NULL };
	char longw[100];

	CHECK_STR(suggest_closest("titel", fields), "title");
	CHECK_STR(suggest_closest("title", fields), "title");
	CHECK_STR(suggest_closest("budjet", fields), "budget");
	CHECK_STR(suggest_closest("statsu", fields), "status");
	CHECK_STR(suggest_closest("start-date", fields), "start_date");
	CHECK_STR(suggest_closest("ed", fields), "id");       /* limit is at least 1 */
	CHECK(suggest_closest("xyzzy", fields) == NULL);
	CHECK(suggest_closest("owner", fields) == NULL);
	CHECK_STR(suggest_closest("enddate_x", fields), "end_date"); /* 3 <= 9/3 */
	CHECK(suggest_closest("enddate_xy", fields) == NULL);        /* 4 > 10/3 */
	CHECK(suggest_closest("title", none) == NULL);
	CHECK_STR(suggest_closest("cax", tie), "cat");        /* ties: earliest */
	/* limit is strlen/3: "distrcit" (8 -> 2) is 1 transposition away */
	CHECK_STR(suggest_closest("distrcit", fields), "district");
	CHECK(suggest_closest("dstrc", fields) == NULL);      /* 5 -> 1, distance 3 */
	memset(longw, 'a', 99);
	longw[99] = '\0';
	CHECK(suggest_closest(longw, fields) == NULL);        /* too long to compare */
}

int main(void)
{
	test_distance();
	test_closest();
	return CHECK_RESULT();
}
