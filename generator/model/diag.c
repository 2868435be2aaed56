#define _DEFAULT_SOURCE /* vasprintf-free; for strdup under c11 */
#include "model/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diags_init(struct diags *d, enum diag_lang lang)
{
	memset(d, 0, sizeof(*d));
	d->lang = lang;
	pthread_mutex_init(&d->lock, NULL);
}

void diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].path);
		free(d->items[i].msg);
	}
	free(d->items);
	pthread_mutex_destroy(&d->lock);
	d->items = NULL;
	d->n = d->alloc = 0;
}

void diag_at(struct diags *d, enum diag_level level, struct loc where,
	const char *fmt_th, const char *fmt_en, ...)
{
	va_list ap;
	char msg[1024];
	struct diag_item *it;

	va_start(ap, fmt_en);
	vsnprintf(msg, sizeof(msg), d->lang == LANG_EN ? fmt_en : fmt_th, ap);
	va_end(ap);
	pthread_mutex_lock(&d->lock);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n < DIAG_MAX_ITEMS) {
		if (d->n == d->alloc) {
			size_t na = d->alloc ? d->alloc * 2 : 32;
			struct diag_item *p = realloc(d->items, na * sizeof(*p));
			if (!p)
				goto out;
			d->items = p;
			d->alloc = na;
		}
		it = &d->items[d->n];
		it->path = strdup(where.path ? where.path : "");
		it->msg = strdup(msg);
		if (!it->path || !it->msg) {
			free(it->path);
			free(it->msg);
			goto out;
		}
		it->line = where.line;
		it->col = where.col;
		it->level = level;
		d->n++;
	}
out:
	pthread_mutex_unlock(&d->lock);
}

static int diag_cmp(const void *pa, const void *pb)
{
	const struct diag_item *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	return strcmp(a->msg, b->msg);
}

/* s with every control byte (and, in a path, the backslash) written as a
 * C escape, so that one problem is always one line: \n \r \t \\ \xHH. */
static void put_escaped(FILE *f, const char *s, int path)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\\' && path)
			fputs("\\\\", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

void diags_print(struct diags *d, FILE *f, const char *prefix)
{
	size_t i;
	const char *lv;

	if (d->n)
		qsort(d->items, d->n, sizeof(d->items[0]), diag_cmp);
	for (i = 0; i < d->n; i++) {
		struct diag_item *it = &d->items[i];
		lv = it->level == DIAG_ERROR ? "error" : "warning";
		put_escaped(f, prefix, 1);
		put_escaped(f, it->path, 1);
		if (it->line > 0)
			fprintf(f, ":%d:%d", it->line, it->col > 0 ? it->col : 1);
		fprintf(f, ": %s: ", lv);
		put_escaped(f, it->msg, 0);
		fputc('\n', f);
	}
	if (d->n < d->errors + d->warnings)
		fprintf(f, "%s\n", L(d, "(แสดงไม่ครบ: ปัญหามากเกินไป)", "(not all shown: too many problems)"));
	if (d->errors || d->warnings)
		fprintf(f, L(d, "พบข้อผิดพลาด %zu รายการ คำเตือน %zu รายการ\n",
				"%zu error(s), %zu warning(s)\n"), d->errors, d->warnings);
}
