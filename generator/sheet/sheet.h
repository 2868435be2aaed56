/* sheet.h: the spreadsheet round trip (`prongsai sheet export|import`).
 *
 * Folder generator/sheet/: the monthly update of many projects in one
 * workbook.  export writes a pre-filled .xlsx (libxlsxwriter) from the
 * model; import reads a filled .xlsx (libzip + expat) or .csv (UTF-8 or
 * Windows-874 via iconv) into a grid of cells, turns each filled row into a
 * progress file, runs the same checks as `prongsai check` on the content
 * with those files laid over it in memory, and, only if every row is clean,
 * enqueues all the files as one queue entry of kind 'sheet' for `prongsai
 * import` to commit.
 * Readers cap everything they read (file, zip, rows, columns, cells, XML
 * depth) and refuse external entities.
 *
 *   grid.h     the cells of one sheet, with the caps
 *   xlsx.h     .xlsx (Office Open XML, ECMA-376) into a grid
 *   csv.h      .csv (RFC 4180) into a grid
 *   columns.h  the sheet's columns, from the progress schema
 *   export.h   `sheet export` (also staff.cgi's download)
 *   batch.h    a sheet's bytes into reports and problems (the CLI and staff.cgi)
 *   import.h   `sheet import`
 */
#ifndef PRONGSAI_SHEET_H
#define PRONGSAI_SHEET_H

#include "model/dates.h"

/* `prongsai sheet export|import ...`; argv[0] is "sheet".  today is the
 * default date of a row without one.  Returns the exit status: 0, 1 when
 * the sheet or the content has problems (all printed), 2 on usage. */
int sheet_main(int argc, char **argv, const char *content, pdate today);

#endif
