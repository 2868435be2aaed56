/* escape.h: text escaped for HTML and JSON, shared by the generator and the
 * collector.  Both append to a capped struct buf and return its result: on
 * an error other than BUF_OK, part of the text may have been written. */
#ifndef PRONGSAI_ESCAPE_H
#define PRONGSAI_ESCAPE_H

#include <stddef.h>
#include "buf.h"

/* s[0..len) for HTML text and quoted attribute values: & < > " ' become
 * entities; everything else is copied as is. */
enum buf_result html_escape(struct buf *out, const char *s, size_t len);

/* s[0..len) for the inside of a JSON string (RFC 8259 §7), without the
 * quotes: " and \ escaped, \n \r \t in their short forms, other control
 * characters and < > & as \u00XX (so the JSON is safe inside HTML). */
enum buf_result json_escape(struct buf *out, const char *s, size_t len);

#endif
