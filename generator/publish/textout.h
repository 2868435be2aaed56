/* textout.h: escaping for the machine-readable files (CSV, JSON, XML).
 *
 * All appenders write into a struct buf and return its result (BUF_OK, or
 * the buffer's error, leaving part of the text written; callers check the
 * final result once).  Numbers are exact: money is satang, percents are
 * hundredths, both printed as plain decimals with two places ("1250000.50",
 * "-3.05"), never with separators or Thai digits. */
#ifndef PRONGSAI_TEXTOUT_H
#define PRONGSAI_TEXTOUT_H

#include <stdint.h>
#include "buf.h"
#include "model/dates.h"

/* Hundredths as a plain decimal: 125000050 -> "1250000.50". */
enum buf_result out_decimal(struct buf *b, int64_t hundredths);
/* One CSV field per RFC 4180: quoted (with "" for ") when it holds a comma,
 * quote, CR or LF, or starts with a space; NULL writes an empty field. */
enum buf_result csv_field(struct buf *b, const char *s);
/* A JSON string literal with quotes; control characters, '"', '\\' and
 * '<', '>', '&' (so the text is safe inside <script>) escaped as \uXXXX or
 * the short forms; NULL writes null.  Input must be valid UTF-8. */
enum buf_result json_str(struct buf *b, const char *s);
/* Text escaped for XML content and attribute values (& < > " '). */
enum buf_result xml_text(struct buf *b, const char *s);
/* ISO date "2026-01-15". */
enum buf_result out_date(struct buf *b, pdate t);

#endif
