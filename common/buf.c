#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
	b->err = BUF_OK;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->err = BUF_OK;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = BUF_OK;
	if (b->data)
		b->data[0] = '\0';
}

static enum buf_result failed(struct buf *b, enum buf_result r)
{
	if (b->err == BUF_OK)
		b->err = r;
	return r;
}

/* Make room for len more bytes plus the NUL.  On error only err changes. */
static enum buf_result buf_grow(struct buf *b, size_t len)
{
	size_t need, a;
	char *p;

	assert(b->len <= b->cap);
	if (len > b->cap - b->len)
		return failed(b, BUF_TOO_BIG);
	need = b->len + len + 1;
	if (need <= b->alloc)
		return BUF_OK;
	a = b->alloc ? b->alloc : 64;
	while (a < need)
		a = (a > ((size_t)-1) / 2) ? need : a * 2;
	if (a > b->cap + 1)
		a = b->cap + 1;
	p = realloc(b->data, a);
	if (!p)
		return failed(b, BUF_NOMEM);
	b->data = p;
	b->alloc = a;
	return BUF_OK;
}

enum buf_result buf_add(struct buf *b, const void *mem, size_t len)
{
	enum buf_result r = buf_grow(b, len);

	if (r != BUF_OK)
		return r;
	if (len)
		memcpy(b->data + b->len, mem, len);
	b->len += len;
	b->data[b->len] = '\0';
	return BUF_OK;
}

enum buf_result buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

enum buf_result buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

enum buf_result buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	enum buf_result r;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return failed(b, BUF_NOMEM);
	r = buf_grow(b, (size_t)n);
	if (r != BUF_OK)
		return r;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return BUF_OK;
}

enum buf_result buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	enum buf_result r;

	va_start(ap, fmt);
	r = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return r;
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->err = BUF_OK;
	return p;
}
