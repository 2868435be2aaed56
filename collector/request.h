/* request.h: from the raw body to a validated submission; what the
 * sandboxed child does (and what the fuzzer drives).
 *
 * The limits were checked before: the content type is urlencoded or
 * multipart (with its boundary), CONTENT_LENGTH is at most the form's cap. */
#ifndef PRONGSAI_REQUEST_H
#define PRONGSAI_REQUEST_H

#include <stddef.h>
#include "buf.h"
#include "cgienv.h"
#include "formdata.h"
#include "formdef.h"
#include "submission.h"

struct request_ctx {
	const struct form_def *form;
	enum ct_kind ct;             /* CT_URLENCODED or CT_MULTIPART */
	const char *boundary;        /* CT_MULTIPART */
	size_t content_length;       /* <= form_max_body(form) */
	int have_key;                /* a public key is installed */
};

/* Read exactly n bytes from fd into b (whose cap must be >= n; the cap is
 * enforced again here, so no more than n bytes are ever read: RFC 3875 §4.2).
 * Returns 0, 400 when the input ends early, or 500 on a read error. */
int request_read_body(int fd, size_t n, struct buf *b);

/* Parse body[0..len) (mutable, with a NUL at body[len]) as ctx says and
 * validate it into *s: s->status is 0, 400, 413 or 422.  d is scratch space
 * for the parts; the body buffer must outlive *s. */
void request_parse(const struct request_ctx *ctx, char *body, size_t len, struct form_data *d,
		   struct submission *s);

/* The child's whole job (a sandbox_run() callback; arg is a struct
 * request_ctx): read the body from stdin, parse, validate, and write the
 * result in wire format (wire.h) to fd.  Returns 0, or -1 if the result
 * could not be written (the parent then answers 500). */
int request_child(void *arg, int fd);

#endif
