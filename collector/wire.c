/* wire.c: see wire.h. */
#include "wire.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

static int put32(struct buf *b, size_t v)
{
	unsigned char x[4];

	if (v > UINT32_MAX)
		return -1;
	x[0] = (unsigned char)v;
	x[1] = (unsigned char)(v >> 8);
	x[2] = (unsigned char)(v >> 16);
	x[3] = (unsigned char)(v >> 24);
	return buf_add(b, x, 4) == BUF_OK ? 0 : -1;
}

static int put_bytes(struct buf *b, const void *p, size_t n)
{
	return put32(b, n) == 0 && buf_add(b, p, n) == BUF_OK ? 0 : -1;
}

int wire_encode(const struct submission *s, struct buf *out)
{
	size_t i;
	const char *reason = s->reason ? s->reason : "";

	if (buf_add(out, "PSW2", 4) != BUF_OK || put32(out, (size_t)s->status) < 0 ||
	    put_bytes(out, reason, strlen(reason)) < 0 || put_bytes(out, s->token, strlen(s->token)) < 0 ||
	    put32(out, s->n_errors) < 0)
		return -1;
	for (i = 0; i < s->n_errors; i++)
		if (put32(out, (size_t)(s->errors[i].field + 1)) < 0 || put32(out, s->errors[i].problem) < 0 ||
		    put_bytes(out, s->errors[i].name, strlen(s->errors[i].name)) < 0)
			return -1;
	if (put32(out, s->n_values) < 0)
		return -1;
	for (i = 0; i < s->n_values; i++)
		if (put32(out, (size_t)s->values[i].field) < 0 ||
		    put_bytes(out, s->values[i].value, s->values[i].len) < 0)
			return -1;
	if (put32(out, s->n_files) < 0)
		return -1;
	for (i = 0; i < s->n_files; i++)
		if (put32(out, (size_t)s->files[i].field) < 0 || put32(out, s->files[i].type) < 0 ||
		    put_bytes(out, s->files[i].data, s->files[i].len) < 0)
			return -1;
	return 0;
}

struct reader {
	const unsigned char *p;
	size_t left;
};

static int get32(struct reader *r, uint32_t *v)
{
	if (r->left < 4)
		return -1;
	*v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	r->left -= 4;
	return 0;
}

/* A length-prefixed byte string of at most max bytes. */
static int get_bytes(struct reader *r, size_t max, const unsigned char **p, size_t *n)
{
	uint32_t len;

	if (get32(r, &len) < 0 || len > max || len > r->left)
		return -1;
	*p = r->p;
	*n = len;
	r->p += len;
	r->left -= len;
	return 0;
}

int wire_decode(const unsigned char *data, size_t len, const struct form_def *form,
		struct arena *a, struct submission *s)
{
	struct reader r = { data, len };
	const unsigned char *p;
	size_t n, i;
	uint32_t v, field, count;

	memset(s, 0, sizeof *s);
	if (len < 4 || memcmp(data, "PSW2", 4) != 0)
		return -1;
	r.p += 4;
	r.left -= 4;
	if (get32(&r, &v) < 0 || !(v == 0 || v == 400 || v == 413 || v == 422))
		return -1;
	s->status = (int)v;
	if (get_bytes(&r, 200, &p, &n) < 0 || memchr(p, '\0', n))
		return -1;
	s->reason = arena_strndup(a, (const char *)p, n);
	if (get_bytes(&r, FC_TOKEN_MAX, &p, &n) < 0 || (n && !form_token_valid((const char *)p, n)))
		return -1;
	memcpy(s->token, p, n);
	s->token[n] = '\0';
	if (get32(&r, &count) < 0 || count > VALIDATE_MAX_ERRORS)
		return -1;
	for (i = 0; i < count; i++) {
		struct field_error *e = &s->errors[i];

		if (get32(&r, &field) < 0 || field > form->n_fields || get32(&r, &v) < 0 ||
		    v < FP_REQUIRED || v > FP_NO_KEY || get_bytes(&r, 32, &p, &n) < 0)
			return -1;
		e->field = (int)field - 1;
		e->problem = (enum field_problem)v;
		memcpy(e->name, p, n);
		e->name[n] = '\0';
		if (strlen(e->name) != n || (n && !field_name_valid(e->name) && strcmp(e->name, FC_HONEYPOT) != 0))
			return -1;
	}
	s->n_errors = count;
	if (get32(&r, &count) < 0 || count > form->n_fields)
		return -1;
	for (i = 0; i < count; i++) {
		if (get32(&r, &field) < 0 || field >= form->n_fields || form->fields[field].type == FT_FILE ||
		    get_bytes(&r, 4u * FC_MAX_LENGTH, &p, &n) < 0 || !utf8_valid((const char *)p, n, NULL) ||
		    memchr(p, '\0', n))
			return -1;
		s->values[i].field = (int)field;
		s->values[i].value = arena_strndup(a, (const char *)p, n);
		s->values[i].len = n;
	}
	s->n_values = count;
	if (get32(&r, &count) < 0 || count > FC_MAX_FILES)
		return -1;
	for (i = 0; i < count; i++) {
		if (get32(&r, &field) < 0 || field >= form->n_fields || form->fields[field].type != FT_FILE ||
		    get32(&r, &v) < 0 || v < MEDIA_JPEG || v > MEDIA_PDF ||
		    get_bytes(&r, (size_t)form_max_file_size(form), &p, &n) < 0 || n == 0)
			return -1;
		s->files[i].field = (int)field;
		s->files[i].type = (enum media_type)v;
		s->files[i].data = p;
		s->files[i].len = n;
	}
	s->n_files = count;
	if (r.left != 0)
		return -1;
	/* a success carries no errors, a failure no values */
	if (s->status == 0 && s->n_errors)
		return -1;
	if (s->status != 0 && (s->n_values || s->n_files))
		return -1;
	return 0;
}
