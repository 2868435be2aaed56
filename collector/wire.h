/* wire.h: a validated submission as the sandboxed parser child sends it to
 * its parent over a pipe.  The parent trusts nothing in it: every length and
 * index is checked against the buffer and the form.
 *
 * Format (integers are 4-byte little-endian):
 *   "PSW2" status reason_len reason token_len token
 *   n_errors  { field+1 problem name_len name }
 *   n_values  { field len bytes }
 *   n_files   { field type len bytes }
 */
#ifndef PRONGSAI_WIRE_H
#define PRONGSAI_WIRE_H

#include <stddef.h>
#include "arena.h"
#include "buf.h"
#include "submission.h"

/* Append s to out.  Returns 0, or -1 if out's cap is reached. */
int wire_encode(const struct submission *s, struct buf *out);

/* Rebuild *s from data[0..len) for form.  Text values and the reason are
 * copied into a (NUL-terminated); attachments point into data, which must
 * outlive *s.  Returns 0, or -1 if anything is malformed, out of range or
 * inconsistent (then *s is unspecified). */
int wire_decode(const unsigned char *data, size_t len, const struct form_def *form,
		struct arena *a, struct submission *s);

#endif
