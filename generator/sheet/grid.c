/* grid.c: the cells of one worksheet (see grid.h). */
#include "sheet/grid.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void grid_init(struct grid *g)
{
	memset(g, 0, sizeof(*g));
	arena_init(&g->a);
}

void grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->n_rows; i++)
		free(g->rows[i].cells);
	free(g->rows);
	arena_free(&g->a);
	memset(g, 0, sizeof(*g));
}

void grid_col_name(size_t col, char out[4])
{
	assert(col < 26 * 27);
	if (col < 26) {
		out[0] = (char)('A' + col);
		out[1] = 0;
	} else {
		out[0] = (char)('A' + col / 26 - 1);
		out[1] = (char)('A' + col % 26);
		out[2] = 0;
	}
}

int grid_set(struct grid *g, size_t row, size_t col, const char *text, size_t len,
	enum cell_kind kind, char *err, size_t errlen)
{
	struct grid_row *r;
	char name[4];

	if (row >= SHEET_MAX_ROWS) {
		snprintf(err, errlen, "แถวเกิน %d แถว / more than %d rows", SHEET_MAX_ROWS, SHEET_MAX_ROWS);
		return -1;
	}
	if (col >= SHEET_MAX_COLS) {
		snprintf(err, errlen, "แถว %zu: คอลัมน์เกิน %d คอลัมน์ / row %zu: more than %d columns",
			row + 1, SHEET_MAX_COLS, row + 1, SHEET_MAX_COLS);
		return -1;
	}
	grid_col_name(col, name);
	if (len > SHEET_MAX_CELL) {
		snprintf(err, errlen, "แถว %zu คอลัมน์ %s: ข้อความยาวเกิน %d ไบต์ / row %zu column %s: a cell"
			" longer than %d bytes", row + 1, name, SHEET_MAX_CELL, row + 1, name, SHEET_MAX_CELL);
		return -1;
	}
	if (row >= g->alloc) {
		size_t na = g->alloc ? g->alloc * 2 : 64;
		struct grid_row *nr;
		while (na <= row)
			na *= 2;
		if (na > SHEET_MAX_ROWS)
			na = SHEET_MAX_ROWS;
		if (!(nr = realloc(g->rows, na * sizeof(*nr))))
			goto nomem;
		memset(nr + g->alloc, 0, (na - g->alloc) * sizeof(*nr));
		g->rows = nr;
		g->alloc = na;
	}
	r = &g->rows[row];
	if (col >= r->alloc) {
		size_t na = r->alloc ? r->alloc * 2 : 16;
		struct cell *nc;
		while (na <= col)
			na *= 2;
		if (na > SHEET_MAX_COLS)
			na = SHEET_MAX_COLS;
		if (!(nc = realloc(r->cells, na * sizeof(*nc))))
			goto nomem;
		memset(nc + r->alloc, 0, (na - r->alloc) * sizeof(*nc));
		r->cells = nc;
		r->alloc = na;
	}
	if (!(r->cells[col].text = arena_strndup(&g->a, text, len)))
		goto nomem;
	r->cells[col].kind = kind;
	if (col >= r->n)
		r->n = col + 1;
	if (row >= g->n_rows)
		g->n_rows = row + 1;
	return 0;
nomem:
	snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
	return -1;
}

struct cell grid_get(const struct grid *g, size_t row, size_t col)
{
	struct cell none = { NULL, CELL_TEXT };

	if (row >= g->n_rows || col >= g->rows[row].n)
		return none;
	return g->rows[row].cells[col];
}
