/* urlenc.h: application/x-www-form-urlencoded bodies (the WHATWG URL
 * standard §5.1, with RFC 3986 §2.1 percent-encoding), parsed in place. */
#ifndef PRONGSAI_URLENC_H
#define PRONGSAI_URLENC_H

#include <stddef.h>
#include "formdata.h"

/* Split body[0..len) on "&" into name=value pairs, decoding "+" as a space
 * and %XX as a byte, in place; every name and value is NUL-terminated inside
 * the buffer, which must have one byte past len (struct buf guarantees it).
 * Empty segments ("a=1&&b=2") are skipped; a segment without "=" has an
 * empty value.  Returns PARSE_OK with the parts appended to out;
 * PARSE_BAD for a "%" not followed by two hex digits or an empty name;
 * PARSE_TOO_MANY past FORMDATA_MAX_PARTS.  On error *reason is a short
 * English phrase (no data from the body) and out may hold some parts. */
int urlenc_parse(char *body, size_t len, struct form_data *out, const char **reason);

/* Decode s[0..len) in place as above; returns the decoded length, or
 * (size_t)-1 for bad percent-encoding. */
size_t urlenc_decode(char *s, size_t len);

#endif
