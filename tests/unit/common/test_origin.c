/* Unit tests of common/origin.c: origins (RFC 6454), the allowed list at
 * its cap and one over, and the Origin/Referer check (DNS rebinding). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "origin.h"

static void test_of_url(void)
{
	char o[ORIGIN_MAX];

	CHECK_INT(origin_of_url("https://loei.example.go.th/", o, sizeof o), 0);
	CHECK_STR(o, "https://loei.example.go.th");
	CHECK_INT(origin_of_url("HTTPS://Loei.Example.go.th:443/a?b#c", o, sizeof o), 0);
	CHECK_STR(o, "https://loei.example.go.th");
	CHECK_INT(origin_of_url("http://127.0.0.1:8080/x?y", o, sizeof o), 0);
	CHECK_STR(o, "http://127.0.0.1:8080");
	CHECK_INT(origin_of_url("http://h:80", o, sizeof o), 0);
	CHECK_STR(o, "http://h");
	CHECK_INT(origin_of_url("http://h:", o, sizeof o), 0);
	CHECK_STR(o, "http://h");
	CHECK_INT(origin_of_url("http://[::1]:8080/", o, sizeof o), 0);
	CHECK_STR(o, "http://[::1]:8080");
	CHECK_INT(origin_of_url("http://h:65535", o, sizeof o), 0);
	CHECK_INT(origin_of_url("http://h:65536", o, sizeof o), -1);
	CHECK_INT(origin_of_url("http://h:0", o, sizeof o), -1);
	CHECK_INT(origin_of_url("http://h:99999", o, sizeof o), -1);
	CHECK_INT(origin_of_url("http://u@h", o, sizeof o), -1);
	CHECK_INT(origin_of_url("http://", o, sizeof o), -1);
	CHECK_INT(origin_of_url("http://h_x", o, sizeof o), -1);
	CHECK_INT(origin_of_url("javascript:x", o, sizeof o), -1);
	CHECK_INT(origin_of_url("ftp://h", o, sizeof o), -1);
	CHECK_INT(origin_of_url(NULL, o, sizeof o), -1);
	CHECK_INT(origin_of_url("https://loei.example.go.th", o, 27), 0); /* exactly fits */
	CHECK_INT(origin_of_url("https://loei.example.go.th", o, 26), -1);
}

static void test_list(void)
{
	char list[ORIGIN_LIST_SIZE] = "", url[64];
	int i;

	CHECK_INT(origin_list_add(list, sizeof list, "https://Loei.example.go.th/"), 0);
	CHECK_INT(origin_list_add(list, sizeof list, "https://loei.example.go.th:443"), 0); /* the same */
	CHECK_INT(origin_list_add(list, sizeof list, "http://127.0.0.1:8080/"), 0);
	CHECK_STR(list, "https://loei.example.go.th http://127.0.0.1:8080");
	CHECK_INT(origin_list_add(list, sizeof list, "not a url"), -1);
	CHECK_STR(list, "https://loei.example.go.th http://127.0.0.1:8080");
	CHECK(origin_list_has(list, "http://127.0.0.1:8080"));
	CHECK(!origin_list_has(list, "http://127.0.0.1:808"));
	CHECK(!origin_list_has(list, "http://127.0.0.1"));
	CHECK(!origin_list_has(list, "https://loei.example.go"));
	CHECK(!origin_list_has("", "https://loei.example.go.th"));
	CHECK(!origin_list_has(NULL, "https://loei.example.go.th"));
	/* the cap: ORIGIN_LIST_MAX origins, and one over refused */
	for (i = 3; i <= ORIGIN_LIST_MAX; i++) {
		snprintf(url, sizeof url, "http://h%d.example", i);
		CHECK_INT(origin_list_add(list, sizeof list, url), 0);
	}
	snprintf(url, sizeof url, "http://h%d.example", ORIGIN_LIST_MAX);
	CHECK(origin_list_has(list, url));
	CHECK_INT(origin_list_add(list, sizeof list, "http://one-over.example"), -1);
	CHECK(!origin_list_has(list, "http://one-over.example"));
	CHECK_INT(origin_list_add(list, sizeof list, "http://h3.example"), 0); /* already there */
	/* no room in a small buffer: unchanged */
	{
		char small[30] = "https://loei.example.go.th";

		CHECK_INT(origin_list_add(small, sizeof small, "http://h.example"), -1);
		CHECK_STR(small, "https://loei.example.go.th");
	}
}

static void test_check(void)
{
	const char *list = "https://loei.example.go.th http://127.0.0.1:8080";

	CHECK_INT(origin_check(list, "https://loei.example.go.th", NULL), ORIGIN_ALLOWED);
	CHECK_INT(origin_check(list, "https://LOEI.example.go.th:443", NULL), ORIGIN_ALLOWED);
	CHECK_INT(origin_check(list, "http://127.0.0.1:8080", NULL), ORIGIN_ALLOWED);
	/* DNS rebinding: the attacker's name, whatever Host says */
	CHECK_INT(origin_check(list, "http://rebind.example:8080", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "http://loei.example.go.th", NULL), ORIGIN_FOREIGN); /* scheme */
	CHECK_INT(origin_check(list, "https://loei.example.go.th:8443", NULL), ORIGIN_FOREIGN); /* port */
	CHECK_INT(origin_check(list, "https://loei.example.go.th.evil.example", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "https://evil.example", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "null", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "https://loei.example.go.th/x", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "https://user@loei.example.go.th", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, "https://loei.example.go.th http://127.0.0.1:8080", NULL), ORIGIN_FOREIGN);
	/* the Origin decides when present, even if Referer would pass */
	CHECK_INT(origin_check(list, "https://evil.example", "https://loei.example.go.th/forms/"), ORIGIN_FOREIGN);
	/* without Origin, the Referer's origin */
	CHECK_INT(origin_check(list, NULL, "https://loei.example.go.th/forms/complaint/?a=1"), ORIGIN_ALLOWED);
	CHECK_INT(origin_check(list, NULL, "http://rebind.example:8080/forms/complaint/"), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, NULL, "about:client"), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(list, NULL, ""), ORIGIN_FOREIGN);
	/* neither header: not a browser's form post */
	CHECK_INT(origin_check(list, NULL, NULL), ORIGIN_NONE);
	/* nothing configured: nothing allowed */
	CHECK_INT(origin_check("", "https://loei.example.go.th", NULL), ORIGIN_FOREIGN);
	CHECK_INT(origin_check(NULL, NULL, "https://loei.example.go.th/"), ORIGIN_FOREIGN);
}

int main(void)
{
	test_of_url();
	test_list();
	test_check();
	return CHECK_RESULT();
}
