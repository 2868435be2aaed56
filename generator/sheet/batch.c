/* batch.c: a filled progress sheet into reports (see batch.h). */
#define _DEFAULT_SOURCE
#include "sheet/batch.h"

#include <stdarg.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "build.h"
#include "buf.h"
#include "escape.h"
#include "staffdb.h"
#include "check/report_rules.h"
#include "load/load.h"
#include "model/numfmt.h"
#include "render/thaidate.h"
#include "sheet/columns.h"
#include "sheet/scope.h"
#include "sheet/csv.h"
#include "sheet/xlsx.h"

#define HEADER_SEARCH_ROWS 10   /* the header row is among the first rows */
#define REPORT_MAX_LINES 64     /* lines of a generated progress file */
#define REPORT_MAX_BYTES (256 * 1024)

/* One problem of the sheet, with where it is. */
struct problem {
	size_t row;             /* 0-based; SIZE_MAX: the whole sheet */
	int col;                /* grid column, -1: the whole row */
	char *msg;
};

/* One progress file to be. */
struct newrep {
	size_t row;
	const struct project *p;
	pdate date;
	char path[128];         /* relative to content/: progress/FY/ID/DATE.yaml */
	char *text;
	size_t len;
	int line_col[REPORT_MAX_LINES + 1]; /* grid column of each line, -1 */
};

struct batch {
	const struct batch_src *o;
	struct arena a;
	struct grid g;
	struct model *mp;       /* o->m */
	struct sheet_col defs[SHEET_MAX_DEFS];
	size_t n_defs;
	const struct sheet_col *col[SHEET_MAX_COLS]; /* grid column -> its definition */
	size_t header_row;
	int id_col;
	struct problem *probs;
	size_t n_probs, alloc_probs;
	int sorted;
	struct newrep *reps;
	size_t n_reps;
	size_t skipped;
	char name[BATCH_NAME_MAX + 1]; /* the file's base name */
};

#define LB(b, th, en) ((b)->o->lang == LANG_EN ? (en) : (th))

static void problem(struct batch *r, size_t row, int col, const char *th, const char *en, ...)
	__attribute__((format(printf, 5, 6)));
static void problem(struct batch *r, size_t row, int col, const char *th, const char *en, ...)
{
	va_list ap;
	char msg[1024];

	va_start(ap, en);
	vsnprintf(msg, sizeof(msg), LB(r, th, en), ap);
	va_end(ap);
	if (r->n_probs == r->alloc_probs) {
		size_t na = r->alloc_probs ? r->alloc_probs * 2 : 32;
		struct problem *np = realloc(r->probs, na * sizeof(*np));
		if (!np)
			return; /* counted by nobody: out of memory is reported by the caller's exit */
		r->probs = np;
		r->alloc_probs = na;
	}
	r->probs[r->n_probs].row = row;
	r->probs[r->n_probs].col = col;
	r->probs[r->n_probs].msg = arena_strdup(&r->a, msg);
	r->n_probs++;
}

static int cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

int batch_problem(struct batch *r, size_t i, char *out, size_t outlen)
{
	const struct problem *p;
	const char *h;
	char name[4];

	if (!r->sorted) {
		qsort(r->probs, r->n_probs, sizeof(*r->probs), cmp_problem);
		r->sorted = 1;
	}
	if (i >= r->n_probs) {
		snprintf(out, outlen, "-");
		return 1;
	}
	p = &r->probs[i];
	h = p->col >= 0 && r->col[p->col] ? r->col[p->col]->header : NULL;
	if (p->row == SIZE_MAX) {
		snprintf(out, outlen, "%s", p->msg);
		return 1;
	}
	if (p->col < 0)
		snprintf(out, outlen, LB(r, "แถว %zu: %s", "row %zu: %s"), p->row + 1, p->msg);
	else if (h)
		snprintf(out, outlen, LB(r, "แถว %zu คอลัมน์ '%s': %s", "row %zu column '%s': %s"), p->row + 1, h, p->msg);
	else {
		grid_col_name((size_t)p->col, name);
		snprintf(out, outlen, LB(r, "แถว %zu คอลัมน์ %s: %s", "row %zu column %s: %s"), p->row + 1, name, p->msg);
	}
	return 0;
}

/* ---- reading the file ---- */

static int read_sheet(struct batch *r, char *err, size_t errlen)
{
	const char *name = r->o->name ? r->o->name : "";
	size_t nl = strlen(name);

	if (r->o->len > (size_t)SHEET_MAX_FILE) {
		snprintf(err, errlen, "ไฟล์ใหญ่เกิน %ld ไบต์ / the file is larger than %ld bytes", SHEET_MAX_FILE,
			SHEET_MAX_FILE);
		return -1;
	}
	if (r->o->len >= 4 && memcmp(r->o->data, "PK\3\4", 4) == 0)
		return xlsx_read(r->o->data, r->o->len, &r->g, err, errlen);
	if (r->o->len > 4 && nl >= 4 && strcasecmp(name + nl - 4, ".csv") == 0)
		return csv_read(r->o->data, r->o->len, &r->g, err, errlen);
	snprintf(err, errlen, "ไม่ใช่ไฟล์ .xlsx หรือ .csv / neither an .xlsx nor a .csv file");
	return -1;
}

/* ---- cells ---- */

/* The cell's text with Thai digits (U+0E50..U+0E59) as ASCII digits and
 * surrounding blanks cut, into out. */
static void cell_plain(const char *s, char *out, size_t outlen)
{
	size_t o = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; *s && o + 1 < outlen; s++) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
			out[o++] = (char)('0' + (u[2] - 0x90));
			s += 2;
		} else
			out[o++] = *s;
	}
	while (o && (out[o - 1] == ' ' || out[o - 1] == '\t' || out[o - 1] == '\n' || out[o - 1] == '\r'))
		o--;
	out[o] = 0;
}

/* An Excel serial day (1900 date system) as a date: serial 1 is
 * 1900-01-01, and Excel counts a 29 February 1900 that never was (serial
 * 60), so serials from 61 are one day ahead.  A year from 2400 on is a
 * Buddhist-Era year typed into a date cell ("2/3/2569"): 543 years back.
 * -1 for 60 or out of range. */
static int excel_date(double v, pdate *out)
{
	long n = (long)floor(v);
	int y, m, d;

	if (!(v >= 1 && v < 2958466) || n == 60)
		return -1;
	*out = n < 60 ? date_from_ymd(1899, 12, 31) + n : date_from_ymd(1899, 12, 30) + n;
	date_to_ymd(*out, &y, &m, &d);
	if (y >= 2400) {
		y -= 543;
		if (m == 2 && d == 29 && !date_valid_ymd(y, m, d))
			return -1;
		*out = date_from_ymd(y, m, d);
	}
	return date_valid_ymd(y, m, d) ? 0 : -1;
}

/* A Thai month name, full or short ("พ.ย.", "พฤศจิกายน"): 1..12, or 0. */
static int thai_month(const char *s)
{
	int m;

	for (m = 1; m <= 12; m++)
		if (strcmp(s, thai_month_long(m)) == 0 || strcmp(s, thai_month_short(m)) == 0)
			return m;
	return 0;
}

/* A date cell: an Excel date (a number), or text "2026-11-30", "30/11/2569",
 * "30-11-2026", "30 พ.ย. 2569" (a year >= 2400 is Buddhist Era).  0 and
 * *out, or -1. */
static int cell_date(const struct cell *c, pdate *out)
{
	char s[128], mon[64];
	int d, m, y, n = 0;

	if (c->kind == CELL_NUMBER)
		return excel_date(strtod(c->text, NULL), out);
	cell_plain(c->text, s, sizeof(s));
	if (date_parse(s, out, NULL) == DATE_OK)
		return 0;
	if (sscanf(s, "%d/%d/%d%n", &d, &m, &y, &n) != 3 || s[n]) {
		n = 0;
		if (sscanf(s, "%d-%d-%d%n", &d, &m, &y, &n) != 3 || s[n]) {
			n = 0;
			if (sscanf(s, "%d %63s %d%n", &d, mon, &y, &n) != 3 || s[n] || !(m = thai_month(mon)))
				return -1;
		}
	}
	if (y >= 2400)
		y -= 543;
	if (!date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* A number cell as YAML: a plain number when it reads as one (Excel's
 * stored double rounded to hundredths; or text with Thai digits and
 * thousands separators), else the text quoted for the loader to judge. */
static void cell_number(const struct cell *c, struct buf *b)
{
	char s[128];
	int64_t h;

	if (c->kind == CELL_NUMBER) {
		double v = strtod(c->text, NULL);
		if (isfinite(v) && v >= 0 && v < 1e15) {
			num_format_plain((int64_t)llround(v * 100), s, sizeof(s));
			buf_adds(b, s);
			return;
		}
	}
	cell_plain(c->text, s, sizeof(s));
	if (num_parse_hundredths(s, &h) == NUM_OK) {
		num_format_plain(h, s, sizeof(s));
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	json_escape(b, c->text, strlen(c->text));
	buf_addc(b, '"');
}

/* ---- the header and the rows ---- */

static int find_header(struct batch *r)
{
	size_t row, j;
	char err[256];

	r->n_defs = sheet_columns(r->defs, SHEET_MAX_KPIS);
	for (row = 0; row < r->g.n_rows && row < HEADER_SEARCH_ROWS; row++) {
		const struct sheet_col *first = NULL;
		for (j = 0; j < r->g.rows[row].n && !first; j++) {
			struct cell c = grid_get(&r->g, row, j);
			if (c.text && (first = sheet_col_find(r->defs, r->n_defs, c.text)) && first->role != COL_ID)
				first = NULL;
		}
		if (!first)
			continue;
		r->header_row = row;
		r->id_col = -1;
		for (j = 0; j < r->g.rows[row].n; j++) {
			struct cell c = grid_get(&r->g, row, j);
			const struct sheet_col *def;
			size_t k;
			if (!c.text || !c.text[0])
				continue;
			if (!(def = sheet_col_find(r->defs, r->n_defs, c.text))) {
				problem(r, row, (int)j, "ไม่รู้จักหัวคอลัมน์ '%s' (อย่าแก้หัวคอลัมน์)",
					"unknown column header '%s' (headers must stay as exported)", c.text);
				continue;
			}
			for (k = 0; k < j; k++)
				if (r->col[k] == def)
					problem(r, row, (int)j, "คอลัมน์ซ้ำ", "a column given twice");
			r->col[j] = def;
			if (def->role == COL_ID)
				r->id_col = (int)j;
		}
		return 0;
	}
	(void)err;
	problem(r, SIZE_MAX, -1, "ไม่พบแถวหัวตาราง (คอลัมน์ 'รหัสโครงการ') ใน %d แถวแรก",
		"no header row (a column 'รหัสโครงการ') in the first %d rows", HEADER_SEARCH_ROWS);
	return -1;
}

/* A line "key: value\n" of the report, remembering its column. */
static void line_start(struct newrep *n, int *line, int col)
{
	(*line)++;
	if (*line <= REPORT_MAX_LINES)
		n->line_col[*line] = col;
}

/* Turn data row `row` into r->reps[r->n_reps], or count it as skipped, or
 * report its problems. */
static void take_row(struct batch *r, size_t row)
{
	const struct grid_row *gr = &r->g.rows[row];
	struct cell idc = r->id_col >= 0 ? grid_get(&r->g, row, (size_t)r->id_col) : (struct cell){ 0 };
	const struct project *p;
	struct newrep *n;
	struct buf b;
	size_t j, k, before = r->n_probs;
	int filled = 0, date_col = -1, line = 0, bad = 0;
	char id[MODEL_MAX_ID + 8], iso[11];
	pdate date = r->o->today;

	for (j = 0; j < gr->n; j++) {
		const struct cell *c = &gr->cells[j];
		if (!c->text)
			continue;
		if (c->kind == CELL_FORMULA) {
			problem(r, row, (int)j, "เป็นสูตร ให้พิมพ์ค่าแทนสูตร", "a formula: type the value instead");
			bad = 1;
		}
		if (r->col[j] && !r->col[j]->locked && c->text[0])
			filled = 1;
		if (!r->col[j] && c->text[0]) {
			problem(r, row, (int)j, "มีข้อมูลในคอลัมน์ที่ไม่มีหัว", "a value in a column without a header");
			bad = 1;
		}
	}
	if (!idc.text || !idc.text[0]) {
		if (filled)
			problem(r, row, r->id_col, "ไม่มีรหัสโครงการ", "no project id");
		return;
	}
	if (!filled) {
		r->skipped++;
		return;
	}
	cell_plain(idc.text, id, sizeof(id));
	if (!(p = model_project(r->mp, id))) {
		problem(r, row, r->id_col, "ไม่มีโครงการรหัส '%s'", "no project with the id '%s'", id);
		return;
	}
	if (r->o->as && !sheet_in_scope(p, model_person(r->mp, r->o->as))) {
		problem(r, row, r->id_col, "โครงการ '%s' ไม่อยู่ในความรับผิดชอบของ %s (ดู roles ใน people.yaml)",
			"project '%s' is not in the scope of %s (see roles in people.yaml)", id, r->o->as);
		return;
	}
	for (j = 0; j < gr->n; j++)
		if (r->col[j] && r->col[j]->role == COL_FIELD && strcmp(r->col[j]->field->name, "date") == 0) {
			date_col = (int)j;
			if (gr->cells[j].text && gr->cells[j].text[0] && cell_date(&gr->cells[j], &date) != 0) {
				problem(r, row, (int)j, "วันที่ '%s' อ่านไม่ได้ ให้พิมพ์เช่น 30/11/2569 หรือ 2026-11-30",
					"cannot read the date '%s'; type e.g. 30/11/2569 or 2026-11-30", gr->cells[j].text);
				bad = 1;
			}
		}
	if (bad || r->n_probs > before)
		return;
	date_iso(date, iso);
	n = &r->reps[r->n_reps];
	memset(n, 0, sizeof(*n));
	for (k = 0; k <= REPORT_MAX_LINES; k++)
		n->line_col[k] = -1;
	n->row = row;
	n->p = p;
	n->date = date;
	snprintf(n->path, sizeof(n->path), "progress/%d/%s/%s.yaml", p->fiscal_year, p->id, iso);
	buf_init(&b, REPORT_MAX_BYTES);
	/* the fields in the schema's order; the kpis map as one line a KPI */
	for (k = 0; k < schema_report.n; k++) {
		const struct sfield *f = &schema_report.fields[k];
		if (strcmp(f->name, "date") == 0) {
			line_start(n, &line, date_col);
			buf_printf(&b, "date: %s\n", iso);
		} else if (strcmp(f->name, "reporter") == 0) {
			line_start(n, &line, r->id_col);
			buf_printf(&b, "reporter: %s\n", r->o->as ? r->o->as : p->owner);
		} else if (f->type == SF_MAP && strcmp(f->name, "kpis") == 0) {
			int any = 0;
			for (j = 0; j < gr->n; j++) {
				const struct sheet_col *c = r->col[j];
				if (!c || c->role != COL_KPI || !gr->cells[j].text || !gr->cells[j].text[0])
					continue;
				if ((size_t)c->kpi >= p->n_kpis) {
					problem(r, row, (int)j, "โครงการนี้มีตัวชี้วัด %zu ตัว", "this project has %zu KPIs",
						p->n_kpis);
					continue;
				}
				if (!any++) {
					line_start(n, &line, (int)j);
					buf_adds(&b, "kpis:\n");
				}
				line_start(n, &line, (int)j);
				buf_printf(&b, "  %s: ", p->kpis[c->kpi].id);
				cell_number(&gr->cells[j], &b);
				buf_addc(&b, '\n');
			}
		} else if (sheet_field_is_cell(f)) {
			for (j = 0; j < SHEET_MAX_COLS; j++) {
				struct cell cv = grid_get(&r->g, row, j);
				const struct cell *c = &cv;
				if (!r->col[j] || r->col[j]->field != f)
					continue;
				if (!c->text || !c->text[0]) {
					if (f->flags & SF_REQ) { /* for the loader to name at its line */
						line_start(n, &line, (int)j);
						buf_printf(&b, "%s: \"\"\n", f->name);
					}
					break;
				}
				line_start(n, &line, (int)j);
				buf_printf(&b, "%s: ", f->name);
				if (f->type == SF_TEXT) {
					buf_addc(&b, '"');
					json_escape(&b, c->text, strlen(c->text));
					buf_addc(&b, '"');
				} else if (f->type == SF_DATE) {
					pdate dt;
					char diso[11];
					if (cell_date(c, &dt) == 0) {
						date_iso(dt, diso);
						buf_adds(&b, diso);
					} else {
						buf_addc(&b, '"');
						json_escape(&b, c->text, strlen(c->text));
						buf_addc(&b, '"');
					}
				} else
					cell_number(c, &b);
				buf_addc(&b, '\n');
				break;
			}
		}
	}
	if (b.err || line > REPORT_MAX_LINES || r->n_probs > before) {
		if (b.err || line > REPORT_MAX_LINES)
			problem(r, row, -1, "รายงานยาวเกินไป", "the report is too long");
		buf_free(&b);
		return;
	}
	n->text = buf_detach(&b, &n->len);
	r->n_reps++;
}

/* ---- checking the content with the new files ---- */

static int cmp_rep_path(const void *key, const void *elem)
{
	return strcmp(key, ((const struct newrep *)elem)->path);
}

static int cmp_rep(const void *a, const void *b)
{
	const struct newrep *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* Sort the reports by path and refuse the second of two rows for the same
 * project and date (it would overwrite the first). */
static void drop_duplicates(struct batch *r)
{
	size_t i, o = 0;

	qsort(r->reps, r->n_reps, sizeof(*r->reps), cmp_rep);
	for (i = 0; i < r->n_reps; i++) {
		if (o && strcmp(r->reps[o - 1].path, r->reps[i].path) == 0) {
			char iso[11];
			date_iso(r->reps[i].date, iso);
			problem(r, r->reps[i].row, r->id_col, "โครงการ '%s' วันที่ %s ซ้ำกับแถว %zu",
				"project '%s' on %s is also in row %zu", r->reps[i].p->id, iso, r->reps[o - 1].row + 1);
			free(r->reps[i].text);
			continue;
		}
		r->reps[o++] = r->reps[i];
	}
	r->n_reps = o;
}

/* Keep the errors of d: one in a new file as a problem of its row and the
 * column of its line, any other as a problem of the whole sheet. */
static void keep_diags(struct batch *r, const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diag_item *it = &d->items[i];
		const struct newrep *n;
		if (it->level != DIAG_ERROR)
			continue;
		if ((n = bsearch(it->path, r->reps, r->n_reps, sizeof(*r->reps), cmp_rep_path)))
			problem(r, n->row, it->line > 0 && it->line <= REPORT_MAX_LINES ? n->line_col[it->line] : -1,
				"%s", "%s", it->msg);
		else
			problem(r, SIZE_MAX, -1, "%s:%d:%d: %s", "%s:%d:%d: %s", it->path, it->line, it->col, it->msg);
	}
	if (d->errors > d->n)
		problem(r, SIZE_MAX, -1, "และอีก %zu ปัญหา", "and %zu more problems", d->errors - d->n);
}

int batch_check_content(struct batch *r, const char *content, int jobs, char *err, size_t errlen)
{
	struct model m;
	struct load_overlay *ov;
	struct diags d;
	size_t i;

	if (!r->n_reps)
		return 0;
	if (!(ov = calloc(r->n_reps, sizeof(*ov)))) {
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return -1;
	}
	for (i = 0; i < r->n_reps; i++) {
		ov[i].rel = r->reps[i].path;
		ov[i].text = r->reps[i].text;
		ov[i].len = r->reps[i].len;
	}
	diags_init(&d, r->o->lang);
	model_init(&m);
	build_check_overlay(content, ov, r->n_reps, r->o->today, jobs, &m, &d);
	model_free(&m);
	keep_diags(r, &d);
	diags_free(&d);
	free(ov);
	return 0;
}

void batch_check_rules(struct batch *r)
{
	size_t i, j;

	for (i = 0; i < r->n_reps; i++) {
		const struct newrep *n = &r->reps[i];
		const struct report *prev = NULL;
		struct report *rep;
		struct diags d;

		diags_init(&d, r->o->lang);
		/* a file of the same date replaces the one there (as in the
		 * content check): the report before is the last earlier one */
		for (j = 0; j < n->p->n_reports; j++)
			if (n->p->reports[j]->date < n->date)
				prev = n->p->reports[j];
		if ((rep = load_report_text(r->mp, n->path, n->text, n->len, &d))) {
			report_rules_project(n->p, rep, r->o->today, &d);
			if (prev)
				report_rules_prev(prev, rep, &d);
		}
		keep_diags(r, &d);
		diags_free(&d);
	}
}

size_t batch_n_problems(const struct batch *b)
{
	return b->n_probs;
}

size_t batch_n_reports(const struct batch *b)
{
	return b->n_reps;
}

size_t batch_n_skipped(const struct batch *b)
{
	return b->skipped;
}

/* ---- the queue ---- */

int batch_enqueue(const struct batch *r, sqlite3 *db, time_t now, int64_t *id, char *err, size_t errlen)
{
	char msg[STAFFDB_MESSAGE_MAX + 1];
	struct staffdb_file *files;
	struct staffdb_entry e;
	size_t i;
	int rc;

	if (!r->o->as || !r->n_reps || r->n_probs) {
		snprintf(err, errlen, "ไม่มีอะไรจะเข้าคิว / nothing to queue");
		return -1;
	}
	if (!(files = calloc(r->n_reps, sizeof(*files)))) {
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return -1;
	}
	for (i = 0; i < r->n_reps; i++) {
		files[i].path = r->reps[i].path;
		files[i].data = (const unsigned char *)r->reps[i].text;
		files[i].len = r->reps[i].len;
	}
	snprintf(msg, sizeof(msg), "รายงานความก้าวหน้าจากตาราง %zu โครงการ (%.200s)\n\n"
		"Progress of %zu projects from the spreadsheet %.200s, uploaded by %s.",
		r->n_reps, r->name, r->n_reps, r->name, r->o->as);
	e.kind = "sheet";
	e.person_id = r->o->as;
	e.subject = r->name;
	e.message = msg;
	rc = staffdb_enqueue(db, &e, files, r->n_reps, now, id, err, errlen);
	free(files);
	return rc;
}

/* The base name of path, cut to BATCH_NAME_MAX bytes at a character
 * boundary, into out. */
static void base_name(const char *path, char *out)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (n > BATCH_NAME_MAX) {
		n = BATCH_NAME_MAX;
		while (n && ((unsigned char)b[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, b, n);
	out[n] = '\0';
}

struct batch *batch_read(const struct batch_src *src)
{
	struct batch *r = calloc(1, sizeof(*r));
	char err[1024];
	size_t row;

	if (!r)
		return NULL;
	r->o = src;
	r->mp = src->m;
	arena_init(&r->a);
	grid_init(&r->g);
	base_name(src->name ? src->name : "", r->name);
	if (read_sheet(r, err, sizeof(err)) != 0) {
		problem(r, SIZE_MAX, -1, "%s", "%s", err);
		return r;
	}
	if (src->as && !model_person(r->mp, src->as)) {
		problem(r, SIZE_MAX, -1, "ไม่มีบุคคลรหัส '%s' ใน people.yaml", "no person '%s' in people.yaml", src->as);
		return r;
	}
	if (find_header(r) != 0)
		return r;
	if (!(r->reps = calloc(r->g.n_rows ? r->g.n_rows : 1, sizeof(*r->reps)))) {
		batch_free(r);
		return NULL;
	}
	if (r->id_col < 0)
		r->id_col = 0;
	for (row = r->header_row + 1; row < r->g.n_rows; row++)
		take_row(r, row);
	drop_duplicates(r);
	return r;
}

void batch_free(struct batch *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n_reps; i++)
		free(r->reps[i].text);
	free(r->reps);
	free(r->probs);
	grid_free(&r->g);
	arena_free(&r->a);
	free(r);
}
