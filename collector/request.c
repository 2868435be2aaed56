/* request.c: see request.h. */
#include "request.h"
#include "fdio.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "multipart.h"
#include "urlenc.h"
#include "wire.h"

int request_read_body(int fd, size_t n, struct buf *b)
{
	char chunk[65536];
	size_t want;
	ssize_t got;

	if (n > b->cap)
		return 500;
	while (b->len < n) {
		want = n - b->len < sizeof chunk ? n - b->len : sizeof chunk;
		got = read(fd, chunk, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return 500;
		if (got == 0)
			return 400; /* shorter than CONTENT_LENGTH */
		assert((size_t)got <= want);
		if (buf_add(b, chunk, (size_t)got) != BUF_OK)
			return 500;
	}
	return 0;
}

void request_parse(const struct request_ctx *ctx, char *body, size_t len, struct form_data *d,
		   struct submission *s)
{
	const char *reason = "";
	int rc;

	d->n = 0;
	if (ctx->ct == CT_URLENCODED)
		rc = urlenc_parse(body, len, d, &reason);
	else
		rc = multipart_parse(body, len, ctx->boundary, d, &reason);
	if (rc != PARSE_OK) {
		memset(s, 0, sizeof *s);
		s->status = rc;
		s->reason = reason;
		return;
	}
	validate_submission(ctx->form, d, ctx->have_key, s);
}

int request_child(void *arg, int fd)
{
	const struct request_ctx *ctx = arg;
	struct buf body, out;
	struct form_data *d = malloc(sizeof *d);
	struct submission *s = malloc(sizeof *s);
	char empty[1] = { 0 };
	int rc, res = -1;

	buf_init(&body, ctx->content_length);
	buf_init(&out, ctx->content_length + 65536); /* the body plus its framing */
	if (!d || !s)
		goto done;
	rc = request_read_body(0, ctx->content_length, &body);
	if (rc == 400) {
		memset(s, 0, sizeof *s);
		s->status = 400;
		s->reason = "body shorter than CONTENT_LENGTH";
	} else if (rc != 0) {
		goto done;
	} else {
		request_parse(ctx, body.data ? body.data : empty, body.len, d, s);
	}
	if (wire_encode(s, &out) == 0 && fd_write_all(fd, out.data, out.len) == 0)
		res = 0;
done:
	buf_free(&out);
	buf_free(&body);
	free(s);
	free(d);
	return res;
}
