/* formdata.h: a request body split into its parts, as the urlencoded and
 * multipart parsers produce it and the validator consumes it.
 *
 * The parsers work in place: names and values point into the (mutable) body
 * buffer, decoded and NUL-terminated there, so the body must outlive the
 * parts.  Nothing here has been validated beyond the syntax of the body:
 * names and values may hold any bytes (the NUL terminator is not counted in
 * the lengths; a value may contain NUL bytes of its own). */
#ifndef PRONGSAI_FORMDATA_H
#define PRONGSAI_FORMDATA_H

#include <stddef.h>

struct form_part {
	char *name;          /* the field name */
	size_t name_len;
	char *value;         /* the value, or a file's content */
	size_t len;
	int is_file;         /* multipart part with a filename parameter */
	const char *filename; /* as sent (never stored or logged); NULL unless is_file */
	const char *media_type; /* the part's Content-Type, NULL if none; advisory */
};

#define FORMDATA_MAX_PARTS 80 /* FC_MAX_FIELDS + files + honeypot, with room */

struct form_data {
	struct form_part parts[FORMDATA_MAX_PARTS];
	size_t n;
};

/* Status codes the parsers return: 0, or an HTTP status (RFC 9110 §15). */
#define PARSE_OK 0
#define PARSE_BAD 400      /* malformed body */
#define PARSE_TOO_MANY 413 /* more than FORMDATA_MAX_PARTS parts */

#endif
