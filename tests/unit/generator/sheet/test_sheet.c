/* test_sheet.c: the sheet readers below the command: CSV (RFC 4180 quoting,
 * CRLF, BOM, Windows-874), the grid's caps, and the xlsx reader refusing
 * what is not a workbook.  The LibreOffice-made workbooks are t31xx's. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sheet/columns.h"
#include "sheet/csv.h"
#include "sheet/grid.h"
#include "sheet/xlsx.h"

static const char *cell(const struct grid *g, size_t r, size_t c)
{
	struct cell x = grid_get(g, r, c);
	return x.text ? x.text : "(empty)";
}

static void test_csv(void)
{
	struct grid g;
	char err[512];
	/* "ก" in Windows-874 is 0xA1 */
	static const char cp874[] = "\xa1,1\r\n";
	static const char quoted[] = "\xEF\xBB\xBF" "a,\"b,\"\"c\"\"\nd\",\r\n,x\n";

	grid_init(&g);
	CHECK_INT(csv_read(quoted, strlen(quoted), &g, err, sizeof(err)), 0);
	CHECK_STR(cell(&g, 0, 0), "a");
	CHECK_STR(cell(&g, 0, 1), "b,\"c\"\nd");
	CHECK_STR(cell(&g, 0, 2), "(empty)");
	CHECK_STR(cell(&g, 1, 0), "(empty)");
	CHECK_STR(cell(&g, 1, 1), "x");
	CHECK_INT((int)g.n_rows, 2);
	grid_free(&g);
	grid_init(&g);
	CHECK_INT(csv_read(cp874, strlen(cp874), &g, err, sizeof(err)), 0);
	CHECK_STR(cell(&g, 0, 0), "ก");
	grid_free(&g);
	grid_init(&g);
	CHECK_INT(csv_read("\"open", 5, &g, err, sizeof(err)), -1);
	CHECK(strstr(err, "row 1: a quote is not closed") != NULL);
	grid_free(&g);
}

static void test_grid_caps(void)
{
	struct grid g;
	char err[512], *big = malloc(SHEET_MAX_CELL + 1);

	memset(big, 'x', SHEET_MAX_CELL + 1);
	grid_init(&g);
	CHECK_INT(grid_set(&g, SHEET_MAX_ROWS - 1, SHEET_MAX_COLS - 1, "v", 1, CELL_TEXT, err, sizeof(err)), 0);
	CHECK_INT(grid_set(&g, SHEET_MAX_ROWS, 0, "v", 1, CELL_TEXT, err, sizeof(err)), -1);
	CHECK_INT(grid_set(&g, 0, SHEET_MAX_COLS, "v", 1, CELL_TEXT, err, sizeof(err)), -1);
	CHECK(strstr(err, "more than 64 columns") != NULL);
	CHECK_INT(grid_set(&g, 0, 0, big, SHEET_MAX_CELL, CELL_TEXT, err, sizeof(err)), 0);
	CHECK_INT(grid_set(&g, 0, 1, big, SHEET_MAX_CELL + 1, CELL_TEXT, err, sizeof(err)), -1);
	CHECK_STR(cell(&g, SHEET_MAX_ROWS - 1, SHEET_MAX_COLS - 1), "v");
	CHECK_STR(cell(&g, 0, 1), "(empty)");
	grid_free(&g);
	free(big);
}

static void test_xlsx_refuses(void)
{
	struct grid g;
	char err[512];

	grid_init(&g);
	CHECK_INT(xlsx_read("PK\3\4garbage", 11, &g, err, sizeof(err)), -1);
	CHECK(strstr(err, "not a readable .xlsx workbook") != NULL);
	grid_free(&g);
}

static void test_columns(void)
{
	struct sheet_col cols[SHEET_MAX_DEFS];
	size_t n = sheet_columns(cols, 2);
	const struct sheet_col *c = sheet_col_find(cols, n, "  ความก้าวหน้าสะสม 0-100 ");

	CHECK(c != NULL && c->role == COL_FIELD && strcmp(c->field->name, "percent") == 0);
	c = sheet_col_find(cols, n, "วันที่รายงาน");
	CHECK(c != NULL && strcmp(c->field->name, "date") == 0);
	c = sheet_col_find(cols, n, "ผลสะสมตัวชี้วัดที่ 2");
	CHECK(c != NULL && c->role == COL_KPI && c->kpi == 1);
	CHECK(sheet_col_find(cols, n, "ผลสะสมตัวชี้วัดที่ 3") == NULL);
	CHECK(sheet_col_find(cols, n, "รหัสผู้รายงานจาก people.yaml") == NULL); /* the reporter is the uploader */
}

int main(void)
{
	test_csv();
	test_grid_caps();
	test_xlsx_refuses();
	test_columns();
	return CHECK_RESULT();
}
