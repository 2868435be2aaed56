/* grid.h: the cells of one worksheet as read from a file, with hard caps.
 *
 * Rows and columns are 0-based here and shown 1-based (row 1 = the first
 * line, column 1 = A).  Cell text is UTF-8 (readers convert), owned by the
 * grid's arena, and freed by grid_free(). */
#ifndef PRONGSAI_SHEET_GRID_H
#define PRONGSAI_SHEET_GRID_H

#include <stddef.h>
#include "arena.h"

#define SHEET_MAX_FILE (10L * 1024 * 1024) /* bytes of an uploaded file */
#define SHEET_MAX_ROWS 20000               /* rows of a sheet (header rows included) */
#define SHEET_MAX_COLS 64                  /* columns of a sheet */
#define SHEET_MAX_CELL 32767               /* bytes of one cell (Excel's own limit is 32767 characters) */

enum cell_kind { CELL_TEXT, CELL_NUMBER, CELL_FORMULA };

struct cell {
	const char *text;      /* NULL: empty */
	enum cell_kind kind;   /* CELL_NUMBER: text is the stored number ("45", "46356") */
};

struct grid_row {
	struct cell *cells;
	size_t n;              /* cells in use (<= SHEET_MAX_COLS) */
	size_t alloc;
};

struct grid {
	struct arena a;
	struct grid_row *rows;
	size_t n_rows;         /* highest row used + 1 */
	size_t alloc;
};

void grid_init(struct grid *g);
void grid_free(struct grid *g);

/* Set cell (row, col) to a copy of text[0..len) of the given kind.  On a cap
 * (row >= SHEET_MAX_ROWS, col >= SHEET_MAX_COLS, len > SHEET_MAX_CELL) or no
 * memory, returns -1 with a Thai / English message in err naming the cell,
 * and the grid is unchanged; else 0. */
int grid_set(struct grid *g, size_t row, size_t col, const char *text, size_t len,
	enum cell_kind kind, char *err, size_t errlen);

/* The cell at (row, col); an empty cell (text NULL) when out of range. */
struct cell grid_get(const struct grid *g, size_t row, size_t col);

/* A column's letters ("A", "Z", "AA") for column col (0-based) into out. */
void grid_col_name(size_t col, char out[4]);

#endif
