/* Unit tests of collector/cgienv.c: CGI variables at and past their caps. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cgienv.h"

static void test_content_length(void)
{
	size_t n = 0;

	CHECK_INT(cgi_content_length(NULL, 100, &n), CL_MISSING);
	CHECK_INT(cgi_content_length("", 100, &n), CL_MISSING);
	CHECK_INT(cgi_content_length("0", 100, &n), CL_OK);
	CHECK_INT(n, 0);
	CHECK_INT(cgi_content_length("100", 100, &n), CL_OK); /* at the cap */
	CHECK_INT(n, 100);
	CHECK_INT(cgi_content_length("0000100", 100, &n), CL_OK);
	CHECK_INT(cgi_content_length("101", 100, &n), CL_TOO_BIG); /* past it */
	CHECK_INT(cgi_content_length("1000", 100, &n), CL_TOO_BIG);
	/* too large for any integer type: over the cap, not an overflow */
	CHECK_INT(cgi_content_length("99999999999999999999999999999999999999", 100, &n), CL_TOO_BIG);
	CHECK_INT(cgi_content_length("18446744073709551616", SIZE_MAX, &n), CL_TOO_BIG);
	CHECK_INT(cgi_content_length("18446744073709551615", SIZE_MAX, &n), CL_OK);
	CHECK(n == SIZE_MAX);
	CHECK_INT(cgi_content_length("16777216", 16777216, &n), CL_OK);
	CHECK_INT(cgi_content_length("16777217", 16777216, &n), CL_TOO_BIG);
	CHECK_INT(cgi_content_length("-1", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length("+1", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length(" 1", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length("1 ", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length("0x10", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length("1e3", 100, &n), CL_INVALID);
	CHECK_INT(cgi_content_length("abc", 100, &n), CL_INVALID);
	/* a bad character after the digits overflowed is still invalid */
	CHECK_INT(cgi_content_length("99999999999999999999999x", 100, &n), CL_INVALID);
}

static void test_content_type(void)
{
	char b[CGI_BOUNDARY_MAX + 1];
	char ct[200], seventy[71], seventy_one[72];

	CHECK_INT(cgi_content_type(NULL, b), CT_MISSING);
	CHECK_INT(cgi_content_type("", b), CT_MISSING);
	CHECK_INT(cgi_content_type("application/x-www-form-urlencoded", b), CT_URLENCODED);
	CHECK_INT(cgi_content_type("Application/X-WWW-Form-URLEncoded", b), CT_URLENCODED);
	CHECK_INT(cgi_content_type("application/x-www-form-urlencoded; charset=UTF-8", b), CT_URLENCODED);
	CHECK_INT(cgi_content_type("application/x-www-form-urlencoded;charset=\"utf-8\"", b), CT_URLENCODED);
	CHECK_INT(cgi_content_type("application/x-www-form-urlencoded; charset=tis-620", b), CT_OTHER);
	CHECK_INT(cgi_content_type("application/x-www-form-urlencodedX", b), CT_OTHER);
	CHECK_INT(cgi_content_type("text/plain", b), CT_OTHER);
	CHECK_INT(cgi_content_type("application/json", b), CT_OTHER);
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=abc", b), CT_MULTIPART);
	CHECK_STR(b, "abc");
	CHECK_INT(cgi_content_type("multipart/form-data;boundary=\"a b:c\"", b), CT_MULTIPART);
	CHECK_STR(b, "a b:c");
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", b), CT_MULTIPART);
	CHECK_STR(b, "----WebKitFormBoundary7MA4YWxkTrZu0gW");
	CHECK_INT(cgi_content_type("multipart/form-data", b), CT_BAD);
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=", b), CT_BAD);
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=\"\"", b), CT_BAD);
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=\"ab \"", b), CT_BAD); /* ends in space */
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=a; boundary=b", b), CT_BAD);
	CHECK_INT(cgi_content_type("multipart/form-data; boundary=\"a\\\"b\"", b), CT_BAD); /* '"' not a bchar */
	CHECK_INT(cgi_content_type("multipart/mixed; boundary=abc", b), CT_OTHER);
	memset(seventy, 'x', 70);
	seventy[70] = '\0';
	memset(seventy_one, 'x', 71);
	seventy_one[71] = '\0';
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", seventy);
	CHECK_INT(cgi_content_type(ct, b), CT_MULTIPART); /* at the cap */
	CHECK_STR(b, seventy);
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", seventy_one);
	CHECK_INT(cgi_content_type(ct, b), CT_BAD); /* past it */
}

static void test_accept(void)
{
	CHECK(!cgi_wants_json(NULL));
	CHECK(!cgi_wants_json("text/html"));
	CHECK(cgi_wants_json("application/json"));
	CHECK(!cgi_wants_json("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
	CHECK(cgi_wants_json("application/json, text/html;q=0.5"));
	CHECK(!cgi_wants_json("application/json;q=0.5, text/html"));
	CHECK(cgi_wants_json("application/json, text/html"));
	CHECK(!cgi_wants_json("text/html, application/json"));
	CHECK(!cgi_wants_json("application/json;q=0"));
	CHECK(cgi_wants_json("APPLICATION/JSON"));
}

static void test_site_root(void)
{
	char out[64];

	CHECK_INT(cgi_site_root("/cgi-bin/collect.cgi", "cgi-bin/collect.cgi", "", out, sizeof out), 0);
	CHECK_STR(out, "/");
	CHECK_INT(cgi_site_root("/loei/cgi-bin/collect.cgi", "cgi-bin/collect.cgi", NULL, out, sizeof out), 0);
	CHECK_STR(out, "/loei/");
	CHECK_INT(cgi_site_root("/a b/cgi-bin/collect.cgi", "/cgi-bin/collect.cgi", NULL, out, sizeof out), 0);
	CHECK_STR(out, "/a%20b/");
	CHECK_INT(cgi_site_root("/x\r\nSet-Cookie:/cgi-bin/collect.cgi", "cgi-bin/collect.cgi", NULL, out, sizeof out), 0);
	CHECK(strchr(out, '\r') == NULL && strchr(out, '\n') == NULL);
	CHECK_INT(cgi_site_root("//evil.example/cgi-bin/collect.cgi", "cgi-bin/collect.cgi", NULL, out, sizeof out), 0);
	CHECK(strncmp(out, "//", 2) != 0);
	CHECK_INT(cgi_site_root("/other.cgi", "cgi-bin/collect.cgi", NULL, out, sizeof out), -1);
	CHECK_INT(cgi_site_root("/xcgi-bin/collect.cgi", "cgi-bin/collect.cgi", NULL, out, sizeof out), -1);
	CHECK_INT(cgi_site_root(NULL, "cgi-bin/collect.cgi", NULL, out, sizeof out), -1);
	CHECK_INT(cgi_site_root(NULL, "cgi-bin/collect.cgi", "https://loei.example.go.th/", out, sizeof out), 0);
	CHECK_STR(out, "https://loei.example.go.th/");
	/* does not fit */
	CHECK_INT(cgi_site_root("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/cgi-bin/collect.cgi",
				"cgi-bin/collect.cgi", NULL, out, sizeof out), -1);
}

int main(void)
{
	test_content_length();
	test_content_type();
	test_accept();
	test_site_root();
	return CHECK_RESULT();
}
