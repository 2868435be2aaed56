/* csvout.c: see csvout.h. */
#include "desk/csvout.h"

#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "publish/textout.h"

void csv_begin(struct csv *c, FILE *f)
{
	c->f = f;
	c->col = 0;
	c->failed = 0;
	fputs("\xEF\xBB\xBF", f);
}

void csv_cell(struct csv *c, const char *s, size_t len)
{
	struct buf b, shown;

	if (c->col++)
		fputc(',', c->f);
	if (!len)
		return;
	/* as staff should see it: no bidi controls, U+2028/2029 as line feeds */
	buf_init(&shown, len);
	if (buf_add(&shown, s, len) != BUF_OK) {
		c->failed = 1;
		buf_free(&shown);
		return;
	}
	shown.len = utf8_for_staff(shown.data, shown.len, shown.data);
	/* at most: quotes, apostrophe, every byte doubled */
	buf_init(&b, 2 * len + 3);
	if (csv_field_n(&b, shown.data, shown.len) != BUF_OK)
		c->failed = 1;
	else if (b.len && fwrite(b.data, 1, b.len, c->f) != b.len)
		c->failed = 1;
	buf_free(&b);
	buf_free(&shown);
}

void csv_cells(struct csv *c, const char *s)
{
	csv_cell(c, s, s ? strlen(s) : 0);
}

void csv_row_end(struct csv *c)
{
	fputs("\r\n", c->f);
	c->col = 0;
}

int csv_end(struct csv *c)
{
	return fflush(c->f) == 0 && !ferror(c->f) && !c->failed ? 0 : -1;
}
