/* errmsg.h: the "char *err, size_t errlen" convention of every function
 * that reports a failure as text. */
#ifndef PRONGSAI_ERRMSG_H
#define PRONGSAI_ERRMSG_H

#include <stddef.h>

/* Format the message into err, truncated to errlen - 1 bytes and always
 * NUL-terminated.  Does nothing when err is NULL or errlen is 0; never
 * fails. */
void err_set(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
