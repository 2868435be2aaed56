/* fuzz_request.c: libFuzzer harness for the collector's request parser:
 * CONTENT_TYPE and CONTENT_LENGTH readers, urlencoded and multipart parsers,
 * validation with JPEG/PNG stripping, and the child-to-parent wire format.
 *
 * Input: byte 0 picks the form (bits 0-1: complaint, corruption, survey),
 * whether a public key is installed (bit 2) and whether the Content-Type
 * comes from the input (bit 3: then it is the text up to the first "\n");
 * otherwise bit 4 picks multipart (boundary "XyZ") or urlencoded.  The rest
 * is the body.  Built by `make fuzz-build`, run briefly by
 * tests/t2050-collector-fuzz.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cgienv.h"
#include "request.h"
#include "submission.h"
#include "wire.h"
#include "testforms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct form_data fd;
	static struct submission s, back;
	const struct form_def *forms[] = { &tf_complaint, &tf_corruption, &tf_survey, &tf_complaint };
	struct request_ctx ctx;
	char boundary[CGI_BOUNDARY_MAX + 1], ct[256], cl[32];
	size_t n, len;
	char *body;
	struct buf w;
	struct arena a;

	if (size < 1)
		return 0;
	memset(&ctx, 0, sizeof ctx);
	ctx.form = forms[data[0] & 3];
	ctx.have_key = (data[0] >> 2) & 1;
	data++;
	size--;
	if (data[-1] & 8) {
		const uint8_t *nl = memchr(data, '\n', size < sizeof ct ? size : sizeof ct - 1);

		if (!nl)
			return 0;
		memcpy(ct, data, (size_t)(nl - data));
		ct[nl - data] = '\0';
		size -= (size_t)(nl - data) + 1;
		data = nl + 1;
		ctx.ct = cgi_content_type(ct, boundary);
		if (ctx.ct != CT_URLENCODED && ctx.ct != CT_MULTIPART)
			return 0;
	} else if (data[-1] & 16) {
		ctx.ct = CT_MULTIPART;
		strcpy(boundary, "XyZ");
	} else {
		ctx.ct = CT_URLENCODED;
	}
	ctx.boundary = boundary;
	/* CONTENT_LENGTH as a server would pass it, against the form's cap */
	snprintf(cl, sizeof cl, "%zu", size);
	if (cgi_content_length(cl, (size_t)form_max_body(ctx.form), &n) != CL_OK)
		return 0;
	ctx.content_length = n;
	body = malloc(size + 1);
	memcpy(body, data, size);
	body[size] = '\0';
	request_parse(&ctx, body, size, &fd, &s);
	/* what the child would send, read back as the parent would */
	buf_init(&w, size + 65536);
	arena_init(&a);
	if (wire_encode(&s, &w) == 0) {
		len = w.len;
		if (wire_decode((const unsigned char *)buf_str(&w), len, ctx.form, &a, &back) != 0)
			abort(); /* our own encoding must always decode */
		if (back.status != s.status || back.n_values != s.n_values || back.n_files != s.n_files)
			abort();
	}
	arena_free(&a);
	buf_free(&w);
	free(body);
	return 0;
}
