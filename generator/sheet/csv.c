/* csv.c: CSV into a grid (see csv.h; RFC 4180). */
#include "sheet/csv.h"

#include <assert.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* Windows-874 into UTF-8 (at most 3 bytes a byte).  Returns a malloc'd,
 * NUL-terminated copy, or NULL with a message in err. */
static char *from_cp874(const char *data, size_t len, size_t *outlen, char *err, size_t errlen)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-874");
	size_t cap = len * 3 + 1, inleft = len, outleft = cap - 1;
	char *out, *in = (char *)data, *o;

	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "แปลงรหัสอักษร Windows-874 ไม่ได้ / cannot convert from Windows-874: %s",
			strerror(errno));
		return NULL;
	}
	if (!(out = malloc(cap))) {
		iconv_close(cd);
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return NULL;
	}
	o = out;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		snprintf(err, errlen, "ไฟล์ CSV ไม่ใช่ UTF-8 หรือ Windows-874 (ไบต์ที่ %zu) / the CSV is neither UTF-8"
			" nor Windows-874 (byte %zu)", len - inleft + 1, len - inleft + 1);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = 0;
	*outlen = (size_t)(o - out);
	return out;
}

static int put(struct grid *g, size_t row, size_t col, struct buf *cell, char *err, size_t errlen)
{
	int rc = 0;

	if (cell->err == BUF_TOO_BIG) {
		char name[4];
		grid_col_name(col < SHEET_MAX_COLS ? col : SHEET_MAX_COLS - 1, name);
		snprintf(err, errlen, "แถว %zu คอลัมน์ %s: ข้อความยาวเกิน %d ไบต์ / row %zu column %s: a cell"
			" longer than %d bytes", row + 1, name, SHEET_MAX_CELL, row + 1, name, SHEET_MAX_CELL);
		rc = -1;
	} else if (cell->len)
		rc = grid_set(g, row, col, cell->data, cell->len, CELL_TEXT, err, errlen);
	else if (col >= SHEET_MAX_COLS || row >= SHEET_MAX_ROWS) /* an empty cell past a cap is over it too */
		rc = grid_set(g, row, col, "", 0, CELL_TEXT, err, errlen);
	buf_reset(cell);
	return rc;
}

int csv_read(const char *data, size_t len, struct grid *g, char *err, size_t errlen)
{
	char *conv = NULL;
	size_t i, row = 0, col = 0, bad;
	struct buf cell;
	int quoted = 0, rc = -1;

	assert(len <= (size_t)SHEET_MAX_FILE);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!utf8_valid(data, len, &bad)) {
		if (!(conv = from_cp874(data, len, &len, err, errlen)))
			return -1;
		data = conv;
	}
	buf_init(&cell, SHEET_MAX_CELL);
	for (i = 0; i < len; i++) {
		char c = data[i];
		if (quoted) {
			if (c == '"' && i + 1 < len && data[i + 1] == '"') {
				buf_addc(&cell, '"');
				i++;
			} else if (c == '"')
				quoted = 0;
			else
				buf_addc(&cell, c);
		} else if (c == '"' && cell.len == 0)
			quoted = 1;
		else if (c == ',') {
			if (put(g, row, col, &cell, err, errlen) != 0)
				goto out;
			col++;
		} else if (c == '\n' || c == '\r') {
			if (put(g, row, col, &cell, err, errlen) != 0)
				goto out;
			if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
				i++;
			row++;
			col = 0;
		} else
			buf_addc(&cell, c);
	}
	if (quoted) {
		snprintf(err, errlen, "แถว %zu: เครื่องหมายคำพูดไม่ได้ปิด / row %zu: a quote is not closed", row + 1, row + 1);
		goto out;
	}
	if ((cell.len || col) && put(g, row, col, &cell, err, errlen) != 0)
		goto out;
	rc = 0;
out:
	buf_free(&cell);
	free(conv);
	return rc;
}
