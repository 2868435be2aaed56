/* test_buf.c: the byte buffer's cap (buf.h): exactly the cap fits, one byte
 * more fails and leaves the buffer as it was, and the first failure stays in
 * err (so that writers check once, at the end) until reset, free or detach.
 * And utf8_whole_prefix(), which cuts a truncated text between characters. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "utf8.h"

/* "aก" cut at every length: never ends mid-character; the 4-byte U+1F600. */
static void test_utf8_cut(void)
{
	const char *s = "a\xE0\xB8\x81", *e = "\xF0\x9F\x98\x80";

	CHECK_INT(utf8_whole_prefix(s, 0), 0);
	CHECK_INT(utf8_whole_prefix(s, 1), 1);
	CHECK_INT(utf8_whole_prefix(s, 2), 1);
	CHECK_INT(utf8_whole_prefix(s, 3), 1);
	CHECK_INT(utf8_whole_prefix(s, 4), 4);
	CHECK_INT(utf8_whole_prefix(e, 3), 0);
	CHECK_INT(utf8_whole_prefix(e, 4), 4);
	CHECK_INT(utf8_whole_prefix("ab\x80", 3), 3); /* a stray byte: left alone */
}

int main(void)
{
	struct buf b;
	char *p;
	size_t n;

	buf_init(&b, 8);
	CHECK_INT(b.err, BUF_OK);
	CHECK_INT(buf_adds(&b, "abcdefg"), BUF_OK);
	CHECK_INT(buf_addc(&b, 'h'), BUF_OK); /* exactly the cap */
	CHECK_INT(b.len, 8);
	CHECK_INT(b.err, BUF_OK);
	CHECK_INT(buf_addc(&b, 'i'), BUF_TOO_BIG); /* one over */
	CHECK_STR(buf_str(&b), "abcdefgh");
	CHECK_INT(b.err, BUF_TOO_BIG);
	CHECK_INT(buf_add(&b, "", 0), BUF_OK); /* later appends that fit ... */
	CHECK_INT(b.err, BUF_TOO_BIG);         /* ... do not clear it */
	buf_reset(&b);
	CHECK_INT(b.err, BUF_OK);
	CHECK_INT(buf_printf(&b, "%d", 123456789), BUF_TOO_BIG);
	CHECK_INT(b.len, 0);
	CHECK_INT(b.err, BUF_TOO_BIG);
	CHECK_INT(buf_printf(&b, "%d", 12345678), BUF_OK);
	CHECK_STR(buf_str(&b), "12345678");
	CHECK_INT(b.err, BUF_TOO_BIG);
	p = buf_detach(&b, &n);
	CHECK(p && n == 8 && b.err == BUF_OK && b.len == 0);
	free(p);
	buf_addc(&b, 'x');
	CHECK_INT(buf_adds(&b, "123456789"), BUF_TOO_BIG);
	buf_free(&b);
	CHECK_INT(b.err, BUF_OK);
	CHECK_INT(b.cap, 8);
	test_utf8_cut();
	return CHECK_RESULT();
}
