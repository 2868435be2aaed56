/* procfiles.c: สขร.1 downloads, CSV and .xlsx (see procfiles.h). */
#include "publish/procfiles.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "derive/procure.h"
#include "publish/textout.h"
#include "render/thaidate.h"

enum pc_kind { PC_TEXT, PC_MONEY };
struct pcell {
	enum pc_kind k;
	const char *s;            /* PC_TEXT (NULL: empty) */
	int64_t v;                /* PC_MONEY, satang */
};

#define NCOLS 15
static const char *const head[NCOLS] = {
	"เดือน", "ลำดับ", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)",
	"วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก",
	"ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "เหตุผลที่คัดเลือกโดยสังเขป", "เลขที่สัญญาหรือข้อตกลง",
	"วันที่ของสัญญาหรือข้อตกลง", "เลขที่โครงการ e-GP", "แหล่งงบประมาณ", "หมายเหตุ"
};

/* The rows of one file: NCOLS cells each. */
struct sheet {
	struct pcell *cells;      /* rows * NCOLS */
	size_t rows, cap;
	struct arena *a;
};

static struct pcell *new_row(struct sheet *s)
{
	struct pcell *r;

	assert(s->rows < s->cap);
	r = &s->cells[s->rows++ * NCOLS];
	memset(r, 0, NCOLS * sizeof(*r));
	return r;
}

static void month_rows(const struct site_ctx *sc, struct sheet *s, int fy, int mo)
{
	static const char *const words[] = { "ยังไม่ถึงรอบ", "", "ไม่มีการจัดซื้อจัดจ้าง", "ยังไม่ได้บันทึก" };
	const struct model *m = sc->m;
	int y = fiscal_month_year(fy, mo);
	char label[64], d[64];
	const char *ml;
	size_t i, j, no = 0;
	enum proc_month_state st = proc_month_state(m, fy, mo);

	ml = arena_strdup(s->a, thaidate_month(y, mo, m->site.digits, label, sizeof(label)));
	if (st != PM_RECORDS) {
		struct pcell *r = new_row(s);
		r[0].s = ml;
		r[14].s = words[st];
		return;
	}
	for (i = 0; i < m->n_procurement; i++) {
		const struct proc_record *p = &m->procurement[i];
		struct buf bb;
		struct pcell *r;
		int ry, rm, rd;
		date_to_ymd(p->date, &ry, &rm, &rd);
		if (p->fiscal_year != fy || rm != mo)
			continue;
		r = new_row(s);
		buf_init(&bb, 64 * 1024);
		for (j = 0; j < p->n_bids; j++) {
			if (j)
				buf_adds(&bb, "; ");
			buf_printf(&bb, "%s ", p->bids[j].name);
			out_decimal(&bb, p->bids[j].price);
		}
		if (!p->n_bids) {
			buf_printf(&bb, "%s ", p->winner);
			out_decimal(&bb, p->price);
		}
		r[0].s = ml;
		r[1].s = arena_printf(s->a, "%zu", ++no);
		r[2].s = p->item;
		r[3].k = PC_MONEY;
		r[3].v = p->budget;
		if (p->has_reference_price) {
			r[4].k = PC_MONEY;
			r[4].v = p->reference_price;
		}
		r[5].s = proc_method_th(p->method);
		r[6].s = arena_strdup(s->a, buf_str(&bb));
		r[7].s = p->winner;
		r[8].k = PC_MONEY;
		r[8].v = p->price;
		r[9].s = p->reason;
		r[10].s = p->contract;
		r[11].s = arena_strdup(s->a, thaidate_short(p->date, m->site.digits, d, sizeof(d)));
		r[12].s = p->egp_no;
		r[13].s = p->budget_source;
		buf_free(&bb);
	}
}

static void build_sheet(const struct site_ctx *sc, struct arena *a, struct sheet *s, int fy, int mo)
{
	int k, y, m;

	s->a = a;
	s->rows = 0;
	s->cap = sc->m->n_procurement + 12;
	s->cells = arena_alloc(a, s->cap * NCOLS * sizeof(*s->cells));
	if (mo) {
		month_rows(sc, s, fy, mo);
		return;
	}
	for (k = 0; k < 12; k++) {
		fiscal_month(fy, k, &y, &m);
		month_rows(sc, s, fy, m);
	}
}

static int write_csv(const struct sheet *s, struct outdir *out, const char *rel)
{
	struct buf b;
	size_t i, c;
	int rc;

	buf_init(&b, PROCFILES_MAX_SIZE);
	buf_adds(&b, "\xEF\xBB\xBF"); /* UTF-8 BOM: Excel reads Thai */
	for (c = 0; c < NCOLS; c++) {
		if (c)
			buf_addc(&b, ',');
		csv_field(&b, head[c]);
	}
	buf_adds(&b, "\r\n");
	for (i = 0; i < s->rows; i++) {
		for (c = 0; c < NCOLS; c++) {
			const struct pcell *p = &s->cells[i * NCOLS + c];
			if (c)
				buf_addc(&b, ',');
			if (p->k == PC_MONEY)
				out_decimal(&b, p->v);
			else
				csv_field(&b, p->s);
		}
		buf_adds(&b, "\r\n");
	}
	rc = b.err ? -1 : out_write(out, rel, buf_str(&b), b.len);
	buf_free(&b);
	return rc;
}

static int write_xlsx(const struct sheet *s, struct outdir *out, const char *rel, const char *title,
	pdate today)
{
	char path[PATH_MAX];
	lxw_doc_properties props;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *money, *wrap;
	size_t i, c;

	if (out_path(out, rel, path, sizeof(path)) != 0)
		return -1;
	if (!(wb = workbook_new(path)))
		return -1;
	/* a fixed creation time (the data date) keeps builds byte-identical */
	memset(&props, 0, sizeof(props));
	props.title = (char *)title;
	props.created = (time_t)today * 86400;
	workbook_set_properties(wb, &props);
	ws = workbook_add_worksheet(wb, "sor-kor-1");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00");
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	worksheet_write_string(ws, 0, 0, title, bold);
	for (c = 0; c < NCOLS; c++) {
		worksheet_write_string(ws, 1, (lxw_col_t)c, head[c], bold);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c == 2 || c == 6 || c == 9 ? 40 : 16, wrap);
	}
	for (i = 0; i < s->rows; i++)
		for (c = 0; c < NCOLS; c++) {
			const struct pcell *p = &s->cells[i * NCOLS + c];
			lxw_row_t r = (lxw_row_t)(i + 2);
			if (p->k == PC_MONEY)
				worksheet_write_number(ws, r, (lxw_col_t)c, (double)p->v / 100.0, money);
			else if (p->s && p->s[0])
				worksheet_write_string(ws, r, (lxw_col_t)c, p->s, NULL);
		}
	if (workbook_close(wb) != LXW_NO_ERROR)
		return -1;
	return out_written(out, rel);
}

int procfiles_has(const struct model *m, const char *rel)
{
	size_t i;
	int k;
	char b[96];

	for (i = 0; i < m->site.n_fiscal_years; i++) {
		int fy = m->site.fiscal_years[i];
		for (k = 0; k <= 12; k++) {
			const char *ext[2] = { "csv", "xlsx" };
			int e;
			for (e = 0; e < 2; e++) {
				if (k)
					snprintf(b, sizeof(b), "procurement/%d/%02d/sor-kor-1-%d-%02d.%s", fy, k, fy, k, ext[e]);
				else
					snprintf(b, sizeof(b), "procurement/%d/sor-kor-1-%d.%s", fy, fy, ext[e]);
				if (strcmp(b, rel) == 0)
					return 1;
			}
		}
	}
	return 0;
}

int procfiles_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	struct arena a;
	size_t i;
	int k, rc = 0;

	arena_init(&a);
	for (i = 0; i < m->site.n_fiscal_years && !rc; i++) {
		int fy = m->site.fiscal_years[i];
		for (k = 0; k <= 12 && !rc; k++) {
			struct sheet s;
			char rel[96], title[256], lb[64];
			build_sheet(sc, &a, &s, fy, k);
			if (k) {
				snprintf(rel, sizeof(rel), "procurement/%d/%02d/sor-kor-1-%d-%02d", fy, k, fy, k);
				snprintf(title, sizeof(title), "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน %s %s",
					thaidate_month(fiscal_month_year(fy, k), k, m->site.digits, lb, sizeof(lb)),
					m->site.name);
			} else {
				snprintf(rel, sizeof(rel), "procurement/%d/sor-kor-1-%d", fy, fy);
				snprintf(title, sizeof(title), "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง %s %s",
					thaidate_fiscal_year(fy, m->site.digits, lb, sizeof(lb)), m->site.name);
			}
			{
				char f[128];
				snprintf(f, sizeof(f), "%s.csv", rel);
				rc = write_csv(&s, out, f);
				snprintf(f, sizeof(f), "%s.xlsx", rel);
				if (!rc && write_xlsx(&s, out, f, title, m->today) != 0) {
					rc = -1;
					if (!out->err[0])
						snprintf(out->err, sizeof(out->err), "%s: libxlsxwriter failed", f);
				}
			}
		}
		arena_reset(&a);
	}
	if (rc)
		snprintf(err, errlen, "%s", out->err[0] ? out->err : "procurement files: too large / ใหญ่เกินไป");
	arena_free(&a);
	return rc;
}
