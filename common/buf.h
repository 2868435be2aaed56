/* buf.h: a growable byte buffer with a hard cap.
 *
 * Every buffer is created with a maximum size; any append that would take it
 * past the cap fails with BUF_TOO_BIG and leaves the buffer as it was; the
 * first failure is kept in err until buf_reset(), buf_free() or buf_detach(),
 * so that a writer can append many pieces and check once at the end.  The
 * content is always NUL-terminated (the terminator is not counted in len and
 * does not count against the cap).  Ownership: the buffer owns its memory until
 * buf_detach() hands it to the caller, or buf_free() releases it.
 * Modelled on curl's lib/curlx/dynbuf.c.
 */
#ifndef PRONGSAI_BUF_H
#define PRONGSAI_BUF_H

#include <stdarg.h>
#include <stddef.h>

enum buf_result { BUF_OK = 0, BUF_NOMEM = 1, BUF_TOO_BIG = 2 };

struct buf {
	char *data;   /* NULL until the first append */
	size_t len;   /* bytes in use, excluding the NUL */
	size_t alloc; /* bytes allocated */
	size_t cap;   /* hard maximum for len */
	enum buf_result err; /* the first failed append since init/reset/free */
};

/* Initialise an empty buffer that may grow to at most cap bytes. */
void buf_init(struct buf *b, size_t cap);

/* Release the memory and reset to empty (the cap is kept, err cleared). */
void buf_free(struct buf *b);

/* Forget the content (and err) but keep the memory for reuse. */
void buf_reset(struct buf *b);

/* Append len bytes.  On error, nothing is changed. */
enum buf_result buf_add(struct buf *b, const void *mem, size_t len);

/* Append a NUL-terminated string.  On error, nothing is changed. */
enum buf_result buf_adds(struct buf *b, const char *s);

/* Append one byte.  On error, nothing is changed. */
enum buf_result buf_addc(struct buf *b, char c);

/* Append printf-formatted text.  On error, nothing is changed. */
enum buf_result buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum buf_result buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* The content as a NUL-terminated string ("" when empty); owned by b. */
const char *buf_str(const struct buf *b);

/* Hand the content to the caller, who must free() it; b is left empty.
 * Returns a malloc'd "" for an empty buffer, or NULL if that allocation fails. */
char *buf_detach(struct buf *b, size_t *len);

#endif
