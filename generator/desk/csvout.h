/* csvout.h: writing CSV (RFC 4180) for spreadsheets to a stream.
 *
 * Records end in CRLF; each cell is written by csv_field_n()
 * (publish/textout.h), the one CSV cell writer, which quotes where needed
 * and puts an apostrophe before a cell that a spreadsheet would take for a
 * formula.  csv_begin() writes the UTF-8 byte order mark, which makes Excel
 * read the file as UTF-8 (Thai text).  Errors are sticky: check csv_end()
 * once at the end. */
#ifndef PRONGSAI_CSVOUT_H
#define PRONGSAI_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

struct csv {
	FILE *f;
	int col;   /* cells written in the current record */
	int failed; /* a cell could not be written */
};

/* Start a file on f: the byte order mark EF BB BF. */
void csv_begin(struct csv *c, FILE *f);

/* Append the cell s[0..len) (bytes as they are; s may be NULL when len is
 * 0) to the current record. */
void csv_cell(struct csv *c, const char *s, size_t len);
/* The same for a NUL-terminated string (NULL = empty cell). */
void csv_cells(struct csv *c, const char *s);

/* End the current record (CRLF). */
void csv_row_end(struct csv *c);

/* Flush f.  Returns 0, or -1 if anything could not be written. */
int csv_end(struct csv *c);

#endif
