/* xlsx.h: the one worksheet of an .xlsx workbook (Office Open XML
 * SpreadsheetML, ECMA-376 Part 1 §18) into a grid.
 *
 * Reads the zip (libzip) from memory and its XML parts (expat):
 * xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/sharedStrings.xml and the
 * sheet.  Cells: shared strings (t="s"), inline strings (t="inlineStr"),
 * numbers (stored as written, e.g. "46356" for a date), booleans, and
 * formulas (kept as CELL_FORMULA for the caller to refuse).  A workbook of
 * more than one sheet (a hidden one included) is refused: the rows of a
 * sheet nobody sees would be imported unseen.
 *
 * Zip bombs: at most XLSX_MAX_ENTRIES entries and XLSX_MAX_UNZIPPED bytes
 * uncompressed in all, counted as they are inflated (the sizes a zip
 * declares are not trusted).  XML: at most XLSX_MAX_DEPTH nested elements;
 * a document type declaration (and so any entity, internal or external) is
 * refused. */
#ifndef PRONGSAI_SHEET_XLSX_H
#define PRONGSAI_SHEET_XLSX_H

#include <stddef.h>
#include "sheet/grid.h"

#define XLSX_MAX_ENTRIES 1000                  /* files in the zip */
#define XLSX_MAX_UNZIPPED (64L * 1024 * 1024)  /* bytes of the parts read, inflated */
#define XLSX_MAX_DEPTH 32                      /* nested XML elements */
#define XLSX_MAX_STRINGS 1000000               /* shared strings */

/* Read the workbook data[0..len) into g (initialised, empty).  On error
 * returns -1 with a Thai / English message in err naming the part, and the
 * line for XML errors; g is freed by the caller. */
int xlsx_read(const char *data, size_t len, struct grid *g, char *err, size_t errlen);

#endif
