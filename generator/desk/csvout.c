/* csvout.c: see csvout.h. */
#include "desk/csvout.h"

#include <string.h>

void csv_begin(struct csv *c, FILE *f)
{
	c->f = f;
	c->col = 0;
	fputs("\xEF\xBB\xBF", f);
}

void csv_cell(struct csv *c, const char *s, size_t len)
{
	size_t i;
	int quote = 0, formula = 0;

	if (c->col++)
		fputc(',', c->f);
	if (!len)
		return;
	formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
	quote = s[0] == ' ' || s[len - 1] == ' ';
	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		fputc('"', c->f);
	if (formula)
		fputc('\'', c->f);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			fputc('"', c->f);
		fputc(s[i], c->f);
	}
	if (quote)
		fputc('"', c->f);
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
	return fflush(c->f) == 0 && !ferror(c->f) ? 0 : -1;
}
