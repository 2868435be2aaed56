/* multipart.h: multipart/form-data bodies (RFC 7578, with the syntax of
 * RFC 2046 §5.1.1), parsed in place. */
#ifndef PRONGSAI_MULTIPART_H
#define PRONGSAI_MULTIPART_H

#include <stddef.h>
#include "formdata.h"

#define MULTIPART_MAX_HEADERS 8       /* header fields per part */
#define MULTIPART_MAX_HEADER_LINE 1024 /* bytes per header line */

/* Parse body[0..len) delimited by boundary (1..70 bchars, from
 * cgi_content_type()).  The preamble and the epilogue are ignored; each
 * part needs a Content-Disposition of type form-data with a name parameter
 * (quoted-string or token; RFC 7578 §4.2); a filename parameter (even empty)
 * makes it a file part; Content-Type is kept, other header fields are
 * ignored.  Names, filenames, media types and values are NUL-terminated in
 * place (the buffer must have one byte past len).  Returns PARSE_OK with the
 * parts appended to out, PARSE_BAD for any syntax error (no opening or
 * closing delimiter, a header line without ":", folded, too long or too
 * many header lines, a part without a name, a NUL or control byte in a
 * header), or PARSE_TOO_MANY past FORMDATA_MAX_PARTS; *reason then says
 * which, in English, without data from the body. */
int multipart_parse(char *body, size_t len, const char *boundary, struct form_data *out,
		    const char **reason);

#endif
