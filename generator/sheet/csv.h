/* csv.h: a .csv file (RFC 4180: comma-separated, fields in double quotes
 * with "" for a quote, CRLF or LF line ends) into a grid.
 *
 * The text is UTF-8, with or without a byte-order mark, or Windows-874
 * (TIS-620 with Microsoft's additions: what Thai Excel writes for "CSV"),
 * converted to UTF-8 with iconv(3).  Every cell is CELL_TEXT. */
#ifndef PRONGSAI_SHEET_CSV_H
#define PRONGSAI_SHEET_CSV_H

#include <stddef.h>
#include "sheet/grid.h"

/* Read data[0..len) (len <= SHEET_MAX_FILE, asserted) into g (initialised,
 * empty).  On error (a cap of grid.h, an unclosed quote, text that is
 * neither UTF-8 nor Windows-874) returns -1 with a Thai / English message
 * in err; g may hold the rows before the error and is freed by the caller. */
int csv_read(const char *data, size_t len, struct grid *g, char *err, size_t errlen);

#endif
