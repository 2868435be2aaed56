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
/* The first bytes that make a spreadsheet read a cell as a formula. */
#define CSV_FORMULA_START "=+-@\t\r"

/* One CSV text cell, the only CSV cell writer of prongsai (open data and
 * the officer's export): RFC 4180, quoted (with "" for ") when it holds a
 * comma, quote, CR or LF, or starts or ends with a space.  A cell whose
 * first byte is in CSV_FORMULA_START gets a leading apostrophe (inside the
 * quotes), so that text typed by staff or strangers cannot run as a
 * formula when the file is opened (CSV injection, OWASP).  Numbers are not
 * text: the open data's numeric columns are written with out_decimal() or
 * as integers, never through here, so "-3.05" keeps its sign.  NULL or
 * len 0 writes an empty cell. */
enum buf_result csv_field_n(struct buf *b, const char *s, size_t len);
/* The same for a NUL-terminated string (NULL: an empty cell). */
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
