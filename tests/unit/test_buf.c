/* test_buf.c: the byte buffer's cap (buf.h): exactly the cap fits, one byte
 * more fails and leaves the buffer as it was, and the first failure stays in
 * err (so that writers check once, at the end) until reset, free or detach. */
#include <stdlib.h>

#include "buf.h"
#include "check.h"

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
	return CHECK_RESULT();
}
