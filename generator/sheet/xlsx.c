/* xlsx.c: one worksheet of an .xlsx into a grid (see xlsx.h; ECMA-376
 * Part 1 §18.2 workbook, §18.4 shared strings, §18.3 worksheet; Part 2
 * for the relationships and the zip package). */
#include "sheet/xlsx.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "buf.h"

#define XLSX_MAX_SHEETS 64 /* <sheet> elements read from the workbook */

struct zipctx {
	zip_t *z;
	size_t left;           /* bytes that may still be inflated */
};

/* Inflate the part called name into a malloc'd, NUL-terminated buffer.
 * Returns 1 and sets *out, 0 when an optional part is missing, -1 on error
 * (message in err; a part past the budget is a zip bomb). */
static int read_part(struct zipctx *zc, const char *name, int optional, char **out, size_t *len,
	char *err, size_t errlen)
{
	zip_int64_t idx = zip_name_locate(zc->z, name, 0);
	zip_file_t *f;
	struct buf b;
	char chunk[16384];
	zip_int64_t n;

	*out = NULL;
	*len = 0;
	if (idx < 0) {
		if (optional)
			return 0;
		snprintf(err, errlen, "ไม่ใช่ไฟล์ Excel ที่อ่านได้: ไม่มี %s / not a readable workbook: %s is missing",
			name, name);
		return -1;
	}
	if (!(f = zip_fopen_index(zc->z, (zip_uint64_t)idx, 0))) {
		snprintf(err, errlen, "อ่าน %s ในไฟล์ zip ไม่ได้ / cannot read %s in the zip: %s", name, name,
			zip_strerror(zc->z));
		return -1;
	}
	buf_init(&b, zc->left);
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0)
		if (buf_add(&b, chunk, (size_t)n) != BUF_OK)
			break;
	zip_fclose(f);
	if (b.err == BUF_TOO_BIG) {
		buf_free(&b);
		snprintf(err, errlen, "ไฟล์ zip ขยายแล้วใหญ่เกิน %ld ไบต์ (zip bomb) / the zip inflates to more than %ld"
			" bytes (a zip bomb)", XLSX_MAX_UNZIPPED, XLSX_MAX_UNZIPPED);
		return -1;
	}
	if (n < 0 || b.err != BUF_OK) {
		buf_free(&b);
		snprintf(err, errlen, "อ่าน %s ในไฟล์ zip ไม่ได้ (ไฟล์เสีย) / cannot inflate %s (a damaged file)", name, name);
		return -1;
	}
	zc->left -= b.len;
	*out = buf_detach(&b, len);
	if (!*out) {
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return -1;
	}
	return 1;
}

/* ---- XML with expat: depth cap, no DOCTYPE, local names ---- */

struct xml;
typedef void (*xml_start_fn)(struct xml *x, const char *name, const char **atts);
typedef void (*xml_end_fn)(struct xml *x, const char *name);

struct xml {
	XML_Parser p;
	const char *part;
	int depth;
	int collect;           /* append character data to text */
	struct buf text;
	char *err;
	size_t errlen;
	int failed;
	xml_start_fn start;
	xml_end_fn end;
	void *user;
};

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (; atts[0]; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

/* Stop with a message (the first one is kept). */
static void xml_fail(struct xml *x, const char *msg)
{
	if (!x->failed)
		snprintf(x->err, x->errlen, "%s บรรทัด %lu: %s", x->part,
			(unsigned long)XML_GetCurrentLineNumber(x->p), msg);
	x->failed = 1;
	XML_StopParser(x->p, XML_FALSE);
}

static void on_start(void *u, const char *name, const char **atts)
{
	struct xml *x = u;

	if (x->failed)
		return;
	if (++x->depth > XLSX_MAX_DEPTH) {
		char m[160];
		snprintf(m, sizeof(m), "XML ซ้อนกันเกิน %d ชั้น / XML nested deeper than %d", XLSX_MAX_DEPTH,
			XLSX_MAX_DEPTH);
		xml_fail(x, m);
		return;
	}
	x->start(x, local(name), atts);
}

static void on_end(void *u, const char *name)
{
	struct xml *x = u;

	if (x->failed)
		return;
	x->depth--;
	x->end(x, local(name));
}

static void on_text(void *u, const char *s, int len)
{
	struct xml *x = u;

	if (x->failed || !x->collect)
		return;
	if (buf_add(&x->text, s, (size_t)len) != BUF_OK) {
		char m[160];
		snprintf(m, sizeof(m), "ข้อความยาวเกิน %d ไบต์ / a text longer than %d bytes", SHEET_MAX_CELL,
			SHEET_MAX_CELL);
		xml_fail(x, m);
	}
}

static void on_doctype(void *u, const char *name, const char *sysid, const char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	xml_fail(u, "มีการประกาศ DOCTYPE/entity ซึ่งไม่อนุญาต / a DOCTYPE (entities) is not allowed");
}

static void on_entity(void *u, const char *name, int is_param, const char *value, int value_len,
	const char *base, const char *sysid, const char *pubid, const char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid,
		(void)notation;
	xml_fail(u, "มีการประกาศ entity ซึ่งไม่อนุญาต / an entity declaration is not allowed");
}

/* Parse data as the part called part.  Returns 0, or -1 with the message in
 * err (the part, the line, what is wrong). */
static int xml_parse(const char *part, const char *data, size_t len, xml_start_fn start, xml_end_fn end,
	void *user, char *err, size_t errlen)
{
	struct xml x;
	int rc = 0;

	memset(&x, 0, sizeof(x));
	if (!(x.p = XML_ParserCreate("UTF-8"))) {
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return -1;
	}
	x.part = part;
	x.err = err;
	x.errlen = errlen;
	x.start = start;
	x.end = end;
	x.user = user;
	buf_init(&x.text, SHEET_MAX_CELL);
	XML_SetUserData(x.p, &x);
	XML_SetElementHandler(x.p, on_start, on_end);
	XML_SetCharacterDataHandler(x.p, on_text);
	XML_SetStartDoctypeDeclHandler(x.p, on_doctype);
	XML_SetEntityDeclHandler(x.p, on_entity);
	XML_SetParamEntityParsing(x.p, XML_PARAM_ENTITY_PARSING_NEVER);
	if (XML_Parse(x.p, data, (int)len, XML_TRUE) == XML_STATUS_ERROR && !x.failed) {
		snprintf(err, errlen, "%s บรรทัด %lu: XML เสีย / malformed XML: %s", part,
			(unsigned long)XML_GetCurrentLineNumber(x.p), XML_ErrorString(XML_GetErrorCode(x.p)));
		rc = -1;
	}
	if (x.failed)
		rc = -1;
	buf_free(&x.text);
	XML_ParserFree(x.p);
	return rc;
}

/* ---- xl/workbook.xml and its relationships ---- */

struct book {
	struct arena *a;
	size_t n;
	const char *name[XLSX_MAX_SHEETS], *state[XLSX_MAX_SHEETS], *rid[XLSX_MAX_SHEETS];
	const char *target;    /* the first sheet's part, from the rels */
};

static void book_start(struct xml *x, const char *name, const char **atts)
{
	struct book *b = x->user;
	const char *v;

	if (strcmp(name, "sheet") != 0)
		return;
	if (b->n == XLSX_MAX_SHEETS) {
		xml_fail(x, "แผ่นงานมากเกินไป / too many sheets");
		return;
	}
	v = attr(atts, "name");
	b->name[b->n] = arena_strdup(b->a, v ? v : "?");
	v = attr(atts, "state");
	b->state[b->n] = v ? arena_strdup(b->a, v) : NULL;
	v = attr(atts, "id");
	b->rid[b->n] = v ? arena_strdup(b->a, v) : NULL;
	b->n++;
}

static void rels_start(struct xml *x, const char *name, const char **atts)
{
	struct book *b = x->user;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");

	if (strcmp(name, "Relationship") == 0 && id && target && b->n && b->rid[0] &&
		strcmp(id, b->rid[0]) == 0)
		b->target = arena_strdup(b->a, target);
}

static void no_end(struct xml *x, const char *name)
{
	(void)x, (void)name;
}

/* ---- xl/sharedStrings.xml ---- */

struct strings {
	struct arena *a;
	const char **v;
	size_t n, alloc;
	int in_si, in_rph;
};

static void sst_start(struct xml *x, const char *name, const char **atts)
{
	struct strings *s = x->user;

	(void)atts;
	if (strcmp(name, "si") == 0) {
		s->in_si = 1;
		buf_reset(&x->text);
	} else if (strcmp(name, "rPh") == 0)
		s->in_rph = 1;
	else if (strcmp(name, "t") == 0 && s->in_si && !s->in_rph)
		x->collect = 1;
}

static void sst_end(struct xml *x, const char *name)
{
	struct strings *s = x->user;

	if (strcmp(name, "t") == 0)
		x->collect = 0;
	else if (strcmp(name, "rPh") == 0)
		s->in_rph = 0;
	else if (strcmp(name, "si") == 0) {
		if (s->n == s->alloc) {
			size_t na = s->alloc ? s->alloc * 2 : 256;
			const char **nv;
			if (s->n >= XLSX_MAX_STRINGS || !(nv = realloc(s->v, na * sizeof(*nv)))) {
				xml_fail(x, "ข้อความในสมุดงานมากเกินไป / too many shared strings");
				return;
			}
			s->v = nv;
			s->alloc = na;
		}
		s->v[s->n++] = arena_strndup(s->a, buf_str(&x->text), x->text.len);
		s->in_si = 0;
	}
}

/* ---- the worksheet ---- */

struct ws {
	struct grid *g;
	const struct strings *sst;
	size_t row, col;        /* the current cell */
	size_t next_row, next_col;
	char type[12];
	int formula, in_is, in_rph, has_value;
	char *err;
	size_t errlen;
};

/* "AB12" into 0-based col and row; 0 on success. */
static int parse_ref(const char *r, size_t *row, size_t *col)
{
	size_t c = 0, n = 0;

	for (; *r >= 'A' && *r <= 'Z'; r++)
		if ((c = c * 26 + (size_t)(*r - 'A' + 1)) > 20000)
			return -1;
	if (!c || *r < '1' || *r > '9')
		return -1;
	for (; *r >= '0' && *r <= '9'; r++)
		if ((n = n * 10 + (size_t)(*r - '0')) > 2000000)
			return -1;
	if (*r)
		return -1;
	*col = c - 1;
	*row = n - 1;
	return 0;
}

static void ws_start(struct xml *x, const char *name, const char **atts)
{
	struct ws *w = x->user;
	const char *v;

	if (strcmp(name, "row") == 0) {
		size_t n;
		v = attr(atts, "r");
		if (v && sscanf(v, "%zu", &n) == 1 && n > 0)
			w->next_row = n - 1;
		w->next_col = 0;
	} else if (strcmp(name, "c") == 0) {
		v = attr(atts, "r");
		w->row = w->next_row;
		w->col = w->next_col;
		if (v && parse_ref(v, &w->row, &w->col) != 0) {
			xml_fail(x, "ตำแหน่งเซลล์ไม่ถูกต้อง / a bad cell reference");
			return;
		}
		v = attr(atts, "t");
		snprintf(w->type, sizeof(w->type), "%s", v ? v : "n");
		w->formula = w->in_is = w->has_value = 0;
		buf_reset(&x->text);
	} else if (strcmp(name, "f") == 0)
		w->formula = 1;
	else if (strcmp(name, "v") == 0) {
		x->collect = 1;
		w->has_value = 1;
	} else if (strcmp(name, "is") == 0) {
		w->in_is = 1;
		w->has_value = 1;
	} else if (strcmp(name, "rPh") == 0)
		w->in_rph = 1;
	else if (strcmp(name, "t") == 0 && w->in_is && !w->in_rph)
		x->collect = 1;
}

static void ws_end(struct xml *x, const char *name)
{
	struct ws *w = x->user;
	const char *text = buf_str(&x->text);
	size_t len = x->text.len;
	enum cell_kind kind = CELL_TEXT;

	if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
		x->collect = 0;
		return;
	}
	if (strcmp(name, "rPh") == 0) {
		w->in_rph = 0;
		return;
	}
	if (strcmp(name, "row") == 0) {
		w->next_row++;
		return;
	}
	if (strcmp(name, "c") != 0)
		return;
	w->next_row = w->row;
	w->next_col = w->col + 1;
	if (!w->has_value && !w->formula)
		return;
	if (strcmp(w->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(text, &end, 10);
		if (end == text || *end || i >= w->sst->n) {
			xml_fail(x, "อ้างถึงข้อความที่ไม่มีอยู่ / a shared string that is not there");
			return;
		}
		text = w->sst->v[i];
		len = strlen(text);
	} else if (strcmp(w->type, "b") == 0) {
		text = strcmp(text, "1") == 0 ? "TRUE" : "FALSE";
		len = strlen(text);
	} else if (strcmp(w->type, "n") == 0)
		kind = CELL_NUMBER;
	if (w->formula)
		kind = CELL_FORMULA;
	if (!len && kind != CELL_FORMULA)
		return;
	if (grid_set(w->g, w->row, w->col, text, len, kind, w->err, w->errlen) != 0) {
		char m[512];
		snprintf(m, sizeof(m), "%s", w->err);
		xml_fail(x, m);
	}
}

int xlsx_read(const char *data, size_t len, struct grid *g, char *err, size_t errlen)
{
	struct zipctx zc = { NULL, XLSX_MAX_UNZIPPED };
	zip_source_t *src;
	zip_error_t ze;
	struct book book;
	struct strings sst;
	struct ws ws;
	char *part = NULL, path[300];
	size_t plen;
	int rc = -1, r;
	zip_int64_t entries;

	memset(&book, 0, sizeof(book));
	memset(&sst, 0, sizeof(sst));
	book.a = sst.a = &g->a;
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(data, len, 0, &ze)) ||
		!(zc.z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
		snprintf(err, errlen, "ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ / not a readable .xlsx workbook: %s",
			zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	if ((entries = zip_get_num_entries(zc.z, 0)) > XLSX_MAX_ENTRIES) {
		snprintf(err, errlen, "ไฟล์ zip มีเกิน %d ไฟล์ (zip bomb) / the zip holds more than %d files (a zip bomb)",
			XLSX_MAX_ENTRIES, XLSX_MAX_ENTRIES);
		goto out;
	}
	if (read_part(&zc, "xl/workbook.xml", 0, &part, &plen, err, errlen) < 0 ||
		xml_parse("xl/workbook.xml", part, plen, book_start, no_end, &book, err, errlen) != 0)
		goto out;
	free(part);
	part = NULL;
	if (book.n != 1) {
		size_t i;
		struct buf names;
		buf_init(&names, 2000);
		for (i = 0; i < book.n; i++)
			buf_printf(&names, "%s'%s'%s", i ? ", " : "", book.name[i],
				book.state[i] && strcmp(book.state[i], "visible") != 0 ? " (ซ่อน/hidden)" : "");
		snprintf(err, errlen, "สมุดงานต้องมีแผ่นงานเดียว แต่มี %zu แผ่น: %s ลบแผ่นอื่นออก (รวมแผ่นที่ซ่อนไว้) /"
			" the workbook must hold one sheet, it holds %zu: %s; delete the others (hidden ones too)",
			book.n, buf_str(&names), book.n, buf_str(&names));
		buf_free(&names);
		goto out;
	}
	if (read_part(&zc, "xl/_rels/workbook.xml.rels", 0, &part, &plen, err, errlen) < 0 ||
		xml_parse("xl/_rels/workbook.xml.rels", part, plen, rels_start, no_end, &book, err, errlen) != 0)
		goto out;
	free(part);
	part = NULL;
	if (!book.target || strstr(book.target, "..")) {
		snprintf(err, errlen, "หาแผ่นงานในสมุดงานไม่พบ / the workbook's sheet is not found");
		goto out;
	}
	if (book.target[0] == '/')
		snprintf(path, sizeof(path), "%s", book.target + 1);
	else
		snprintf(path, sizeof(path), "xl/%s", book.target);
	if ((r = read_part(&zc, "xl/sharedStrings.xml", 1, &part, &plen, err, errlen)) < 0 ||
		(r > 0 && xml_parse("xl/sharedStrings.xml", part, plen, sst_start, sst_end, &sst, err, errlen) != 0))
		goto out;
	free(part);
	part = NULL;
	memset(&ws, 0, sizeof(ws));
	ws.g = g;
	ws.sst = &sst;
	ws.err = err;
	ws.errlen = errlen;
	if (read_part(&zc, path, 0, &part, &plen, err, errlen) < 0 ||
		xml_parse(path, part, plen, ws_start, ws_end, &ws, err, errlen) != 0)
		goto out;
	rc = 0;
out:
	free(part);
	free(sst.v);
	zip_discard(zc.z);
	return rc;
}
