/* Unit tests of the parsers of untrusted input: common/urlenc.c,
 * collector/multipart.c and collector/track.c, at and past every cap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "buf.h"
#include "formdata.h"
#include "multipart.h"
#include "urlenc.h"
#include "track.h"

static struct form_data fd;
static const char *reason;

/* Parse a copy of s (the parsers need a mutable buffer with a spare byte). */
static int url(const char *s)
{
	static char *copy;
	size_t n = strlen(s);

	free(copy);
	copy = malloc(n + 1);
	memcpy(copy, s, n + 1);
	fd.n = 0;
	reason = NULL;
	return urlenc_parse(copy, n, &fd, &reason);
}

static int mp(const char *s, size_t n, const char *boundary)
{
	static char *copy;

	free(copy);
	copy = malloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	fd.n = 0;
	reason = NULL;
	return multipart_parse(copy, n, boundary, &fd, &reason);
}

static int mps(const char *s) { return mp(s, strlen(s), "XyZ"); }

static void test_urlenc(void)
{
	struct buf b;
	int i;

	CHECK_INT(url(""), PARSE_OK);
	CHECK_INT(fd.n, 0);
	CHECK_INT(url("a=1&b=x+y%20z&c="), PARSE_OK);
	CHECK_INT(fd.n, 3);
	CHECK_STR(fd.parts[0].name, "a");
	CHECK_STR(fd.parts[0].value, "1");
	CHECK_STR(fd.parts[1].value, "x y z");
	CHECK_INT(fd.parts[1].len, 5);
	CHECK_STR(fd.parts[2].value, "");
	CHECK_INT(url("&&a=1&&"), PARSE_OK);
	CHECK_INT(fd.n, 1);
	CHECK_INT(url("flag"), PARSE_OK);
	CHECK_STR(fd.parts[0].name, "flag");
	CHECK_INT(fd.parts[0].len, 0);
	CHECK_INT(url("a=b=c"), PARSE_OK);
	CHECK_STR(fd.parts[0].value, "b=c");
	CHECK_INT(url("n%61me=%E0%B8%96%e0%b8%99"), PARSE_OK);
	CHECK_STR(fd.parts[0].name, "name");
	CHECK_STR(fd.parts[0].value, "\xE0\xB8\x96\xE0\xB8\x99");
	CHECK_INT(url("a=%00b"), PARSE_OK); /* a NUL byte: the validator refuses it */
	CHECK_INT(fd.parts[0].len, 2);
	/* bad percent-encoding */
	CHECK_INT(url("a=%"), PARSE_BAD);
	CHECK_INT(url("a=%4"), PARSE_BAD);
	CHECK_INT(url("a=%4G"), PARSE_BAD);
	CHECK_INT(url("a=%%41"), PARSE_BAD);
	CHECK_INT(url("%ZZ=1"), PARSE_BAD);
	CHECK_INT(url("a=1&b=%"), PARSE_BAD);
	CHECK(reason && strstr(reason, "percent"));
	CHECK_INT(url("=1"), PARSE_BAD); /* empty name */
	/* the parts cap, at and past */
	buf_init(&b, 1 << 20);
	for (i = 0; i < FORMDATA_MAX_PARTS; i++)
		buf_printf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	CHECK_INT(url(buf_str(&b)), PARSE_OK);
	CHECK_INT(fd.n, FORMDATA_MAX_PARTS);
	CHECK_STR(fd.parts[FORMDATA_MAX_PARTS - 1].name, "f79");
	buf_adds(&b, "&one=more");
	CHECK_INT(url(buf_str(&b)), PARSE_TOO_MANY);
	buf_free(&b);
}

#define P(name) "--XyZ\r\nContent-Disposition: form-data; name=\"" name "\"\r\n\r\n"

static void test_multipart(void)
{
	struct buf b;
	int i;
	char line[1200];

	CHECK_INT(mps(P("a") "1\r\n" P("b") "two\r\nlines\r\n--XyZ--\r\n"), PARSE_OK);
	CHECK_INT(fd.n, 2);
	CHECK_STR(fd.parts[0].name, "a");
	CHECK_STR(fd.parts[0].value, "1");
	CHECK_STR(fd.parts[1].value, "two\r\nlines");
	CHECK(!fd.parts[0].is_file);
	/* preamble, transport padding, epilogue, no final CRLF */
	CHECK_INT(mps("preamble\r\n--XyZ  \t\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--epilogue"), PARSE_OK);
	CHECK_INT(fd.n, 1);
	CHECK_STR(fd.parts[0].value, "v");
	/* empty multipart */
	CHECK_INT(mps("--XyZ--\r\n"), PARSE_OK);
	CHECK_INT(fd.n, 0);
	/* file parts, Content-Type, quoting */
	{
		static const char body[] = "--XyZ\r\ncontent-disposition: form-data; name=\"f\"; filename=\"a;b \\\"c\\\".jpg\"\r\n"
			"Content-Type: image/jpeg  \r\n\r\n\xFF\xD8\xFF\x00\r\n\r\n--XyZ--";

		CHECK_INT(mp(body, sizeof body - 1, "XyZ"), PARSE_OK);
	}
	CHECK_INT(fd.n, 1);
	CHECK(fd.parts[0].is_file);
	CHECK_STR(fd.parts[0].filename, "a;b \"c\".jpg");
	CHECK_STR(fd.parts[0].media_type, "image/jpeg");
	CHECK_INT(fd.parts[0].len, 6); /* binary content with its own CRLF and NUL */
	CHECK(fd.parts[0].value && memcmp(fd.parts[0].value, "\xFF\xD8\xFF\x00\r\n", 6) == 0);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=f; filename=\"\"\r\n\r\n\r\n--XyZ--"), PARSE_OK);
	CHECK(fd.parts[0].is_file);
	CHECK_INT(fd.parts[0].len, 0);
	/* token values followed by more parameters */
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=abc; filename=x.pdf\r\n\r\nq\r\n--XyZ--"), PARSE_OK);
	CHECK_STR(fd.parts[0].name, "abc");
	CHECK_STR(fd.parts[0].filename, "x.pdf");
	/* a value that contains a near-boundary */
	CHECK_INT(mps(P("a") "x\r\n--XyY\r\n--Xy\r\n" "\r\n--XyZ--"), PARSE_OK);
	CHECK_STR(fd.parts[0].value, "x\r\n--XyY\r\n--Xy\r\n");
	/* syntax errors */
	CHECK_INT(mps(""), PARSE_BAD);
	CHECK_INT(mps("no boundary here"), PARSE_BAD);
	CHECK_INT(mps(P("a") "1"), PARSE_BAD);              /* no close delimiter */
	CHECK_INT(mps(P("a") "1\r\n--XyZ"), PARSE_BAD);     /* delimiter without CRLF or -- */
	CHECK_INT(mps("--XyZ\r\n\r\nvalue\r\n--XyZ--"), PARSE_BAD); /* no headers */
	CHECK_INT(mps("--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nv\r\n--XyZ--"), PARSE_BAD); /* folded */
	CHECK_INT(mps("--XyZ\r\nNo colon\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	{
		static const char nul[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n\r\nv\r\n--XyZ--";
		static const char ok[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a_b\"\r\n\r\nv\r\n--XyZ--";

		CHECK_INT(mp(ok, sizeof ok - 1, "XyZ"), PARSE_OK); /* the same, without the NUL */
		CHECK_INT(mp(nul, sizeof nul - 1, "XyZ"), PARSE_BAD);
		CHECK(reason && strstr(reason, "control"));
	}
	CHECK_INT(mps("--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\nv\r\n--XyZ--"), PARSE_BAD);
	/* header line cap, at and past */
	snprintf(line, sizeof line, "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: %0*d\r\n\r\nv\r\n--XyZ--",
		 1024 - 7, 0);
	CHECK_INT(mps(line), PARSE_OK);
	snprintf(line, sizeof line, "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: %0*d\r\n\r\nv\r\n--XyZ--",
		 1024 - 6, 0);
	CHECK_INT(mps(line), PARSE_BAD);
	/* header count cap, at and past */
	buf_init(&b, 1 << 20);
	buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n");
	for (i = 1; i < MULTIPART_MAX_HEADERS; i++)
		buf_printf(&b, "X-H%d: 1\r\n", i);
	buf_adds(&b, "\r\nv\r\n--XyZ--");
	CHECK_INT(mps(buf_str(&b)), PARSE_OK);
	buf_reset(&b);
	buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n");
	for (i = 0; i < MULTIPART_MAX_HEADERS; i++)
		buf_printf(&b, "X-H%d: 1\r\n", i);
	buf_adds(&b, "\r\nv\r\n--XyZ--");
	CHECK_INT(mps(buf_str(&b)), PARSE_BAD);
	/* parts cap, at and past */
	buf_reset(&b);
	for (i = 0; i < FORMDATA_MAX_PARTS; i++)
		buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; name=f%d\r\n\r\n%d\r\n", i, i);
	buf_adds(&b, "--XyZ--\r\n");
	CHECK_INT(mps(buf_str(&b)), PARSE_OK);
	CHECK_INT(fd.n, FORMDATA_MAX_PARTS);
	buf_reset(&b);
	for (i = 0; i <= FORMDATA_MAX_PARTS; i++)
		buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; name=f%d\r\n\r\n%d\r\n", i, i);
	buf_adds(&b, "--XyZ--\r\n");
	CHECK_INT(mps(buf_str(&b)), PARSE_TOO_MANY);
	buf_free(&b);
	/* a 70-character boundary */
	{
		char bnd[71], body[300];

		memset(bnd, 'b', 70);
		bnd[70] = '\0';
		snprintf(body, sizeof body, "--%s\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--%s--", bnd, bnd);
		CHECK_INT(mp(body, strlen(body), bnd), PARSE_OK);
		CHECK_STR(fd.parts[0].value, "v");
	}
}

/* track_code_from_query(): the decoded code is capped at
 * TRACK_CODE_INPUT_MAX bytes, the query at TRACK_QUERY_MAX. */
static void test_track(void)
{
	char out[TRACKCODE_SIZE], q[TRACK_QUERY_MAX + 64];
	size_t n;

	CHECK_INT(track_code_from_query("code=1JBC-C0RE-CEPB-MH7D", out), 0);
	CHECK_STR(out, "1JBC-C0RE-CEPB-MH7D");
	CHECK_INT(track_code_from_query("x=1&code=1jbc+c0re%20cepb-mh7d&y=2", out), 0);
	CHECK_STR(out, "1JBC-C0RE-CEPB-MH7D");
	CHECK_INT(track_code_from_query("code=1JBC-C0RE-CEPB-MH7E", out), -1); /* check symbol */
	CHECK_INT(track_code_from_query("code=%zz", out), -1);
	CHECK_INT(track_code_from_query("code=1JBC-C0RE-CEPB-MH7D%00", out), -1);
	CHECK_INT(track_code_from_query("xcode=1JBC-C0RE-CEPB-MH7D", out), -1);
	CHECK_INT(track_code_from_query(NULL, out), -1);
	/* exactly TRACK_CODE_INPUT_MAX decoded bytes (trailing spaces), then one more */
	strcpy(q, "code=1JBC-C0RE-CEPB-MH7D");
	for (n = 19; n < TRACK_CODE_INPUT_MAX; n++)
		strcat(q, "+");
	CHECK_INT(track_code_from_query(q, out), 0);
	strcat(q, "+");
	CHECK_INT(track_code_from_query(q, out), -1);
	/* exactly TRACK_QUERY_MAX bytes of query, then one more */
	memset(q, 'a', TRACK_QUERY_MAX);
	memcpy(q, "code=1JBC-C0RE-CEPB-MH7D&", 25);
	q[TRACK_QUERY_MAX] = '\0';
	CHECK_INT(track_code_from_query(q, out), 0);
	q[TRACK_QUERY_MAX] = 'a';
	q[TRACK_QUERY_MAX + 1] = '\0';
	CHECK_INT(track_code_from_query(q, out), -1);
}

int main(void)
{
	test_urlenc();
	test_multipart();
	test_track();
	return CHECK_RESULT();
}
