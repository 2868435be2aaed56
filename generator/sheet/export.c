/* export.c: the pre-filled progress workbook (see export.h), written with
 * libxlsxwriter. */
#include "sheet/export.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "model/numfmt.h"
#include "sheet/columns.h"
#include "sheet/scope.h"

#define EXPORT_INSTRUCTIONS \
	"วิธีกรอก: กรอกเฉพาะช่องสีเหลือง หนึ่งแถวต่อหนึ่งโครงการ ตัวเลขเป็นค่าสะสมถึงวันที่รายงาน " \
	"วันที่พิมพ์ได้ทั้ง 30/11/2569 (พ.ศ.) หรือ 2026-11-30 ว่างไว้ = วันนี้ แถวที่ไม่กรอกจะถูกข้าม " \
	"ห้ามแก้ชื่อคอลัมน์และห้ามเพิ่มแผ่นงาน แล้วอัปโหลดหรือสั่ง prongsai sheet import / " \
	"Fill in the yellow cells only, one row a project, cumulative figures; rows left empty are skipped."

static int wanted(const struct project *p, const struct export_opts *o)
{
	return p->fiscal_year == o->fy && (!o->group || strcmp(p->group, o->group) == 0) &&
		(!o->as || sheet_in_scope(p, o->as));
}

static void validate(lxw_worksheet *ws, lxw_row_t last, lxw_col_t col, enum sf_type type)
{
	lxw_data_validation dv;

	memset(&dv, 0, sizeof(dv));
	dv.show_error = LXW_VALIDATION_ON;
	dv.ignore_blank = LXW_VALIDATION_ON;
	switch (type) {
	case SF_PERCENT:
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = 0;
		dv.maximum_number = 100;
		dv.error_message = "ร้อยละต้องอยู่ระหว่าง 0 ถึง 100 / a percentage 0 to 100";
		break;
	case SF_MONEY: case SF_DECIMAL: case SF_INT:
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		dv.minimum_number = 0;
		dv.error_message = "ต้องเป็นตัวเลขไม่ติดลบ / a number, 0 or more";
		break;
	case SF_DATE:
		dv.validate = LXW_VALIDATION_TYPE_DATE;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_datetime = (lxw_datetime){ 2000, 1, 1, 0, 0, 0 };
		dv.maximum_datetime = (lxw_datetime){ 2199, 12, 31, 0, 0, 0 };
		dv.error_message = "ต้องเป็นวันที่ / a date";
		break;
	default:
		return;
	}
	worksheet_data_validation_range(ws, 2, col, last, col, &dv);
}

long sheet_export(const struct model *m, const struct export_opts *o, char *err, size_t errlen)
{
	struct sheet_col cols[SHEET_MAX_DEFS];
	size_t i, j, n_cols, n_kpis = 0;
	long n = 0;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *head_fill, *lock, *fill, *fill_date, *fill_num, *lock_num, *note;
	lxw_protection prot;
	lxw_error e;
	lxw_row_t row = 2;

	for (i = 0; i < m->n_projects; i++)
		if (wanted(m->projects[i], o)) {
			n++;
			if (m->projects[i]->n_kpis > n_kpis)
				n_kpis = m->projects[i]->n_kpis;
		}
	if (!n) {
		snprintf(err, errlen, "ไม่มีโครงการของปีงบประมาณ %d%s%s / no projects of fiscal year %d%s%s",
			o->fy, o->group ? " กลุ่ม " : "", o->group ? o->group : "", o->fy,
			o->group ? " in group " : "", o->group ? o->group : "");
		return -1;
	}
	if (n_kpis > SHEET_MAX_KPIS)
		n_kpis = SHEET_MAX_KPIS;
	n_cols = sheet_columns(cols, n_kpis);
	if (!(wb = workbook_new(o->out))) {
		snprintf(err, errlen, "เขียน %s ไม่ได้ / cannot write %s", o->out, o->out);
		return -1;
	}
	ws = workbook_add_worksheet(wb, "ความก้าวหน้า");
	note = workbook_add_format(wb);
	format_set_text_wrap(note);
	format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_bg_color(head, 0xD9D9D9);
	format_set_border(head, LXW_BORDER_THIN);
	head_fill = workbook_add_format(wb);
	format_set_bold(head_fill);
	format_set_text_wrap(head_fill);
	format_set_bg_color(head_fill, 0xFFE699);
	format_set_border(head_fill, LXW_BORDER_THIN);
	lock = workbook_add_format(wb);
	format_set_text_wrap(lock);
	format_set_bg_color(lock, 0xF2F2F2);
	lock_num = workbook_add_format(wb);
	format_set_num_format(lock_num, "#,##0.00");
	format_set_bg_color(lock_num, 0xF2F2F2);
	fill = workbook_add_format(wb);
	format_set_unlocked(fill);
	format_set_text_wrap(fill);
	format_set_bg_color(fill, 0xFFF2CC);
	fill_num = workbook_add_format(wb);
	format_set_unlocked(fill_num);
	format_set_num_format(fill_num, "#,##0.00");
	format_set_bg_color(fill_num, 0xFFF2CC);
	fill_date = workbook_add_format(wb);
	format_set_unlocked(fill_date);
	format_set_num_format(fill_date, "yyyy-mm-dd");
	format_set_bg_color(fill_date, 0xFFF2CC);

	worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(n_cols - 1), EXPORT_INSTRUCTIONS, note);
	worksheet_set_row(ws, 0, 48, NULL);
	worksheet_set_row(ws, 1, 45, NULL);
	for (j = 0; j < n_cols; j++) {
		const struct sheet_col *c = &cols[j];
		int num = c->role == COL_KPI || (c->field && c->field->type != SF_TEXT && c->field->type != SF_DATE);
		worksheet_write_string(ws, 1, (lxw_col_t)j, c->header, c->locked ? head : head_fill);
		worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
			c->role == COL_TITLE || (c->field && c->field->type == SF_TEXT) ? 40 : c->role == COL_KPI_LABEL ? 30 : 16,
			c->locked ? NULL : c->field && c->field->type == SF_DATE ? fill_date : num ? fill_num : fill);
	}
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		const struct report *last = p->n_reports ? p->reports[p->n_reports - 1] : NULL;
		char s[SHEET_HEADER_MAX * 2];
		if (!wanted(p, o))
			continue;
		for (j = 0; j < n_cols; j++) {
			const struct sheet_col *c = &cols[j];
			lxw_col_t cj = (lxw_col_t)j;
			switch (c->role) {
			case COL_ID: worksheet_write_string(ws, row, cj, p->id, lock); break;
			case COL_TITLE: worksheet_write_string(ws, row, cj, p->title, lock); break;
			case COL_OWNER: {
				const struct person *who = model_person(m, p->owner);
				worksheet_write_string(ws, row, cj, who ? who->name : p->owner, lock);
				break;
			}
			case COL_BUDGET: worksheet_write_number(ws, row, cj, (double)p->allocated / 100, lock_num); break;
			case COL_LAST_DATE:
				if (last) {
					int y, mo, d;
					date_to_ymd(last->date, &y, &mo, &d);
					snprintf(s, sizeof(s), "%d/%d/%d", d, mo, date_be_year(y));
					worksheet_write_string(ws, row, cj, s, lock);
				} else
					worksheet_write_string(ws, row, cj, "ยังไม่มี", lock);
				break;
			case COL_LAST_PERCENT:
				worksheet_write_number(ws, row, cj, last ? (double)last->percent / 100 : 0, lock_num);
				break;
			case COL_LAST_DISBURSED:
				worksheet_write_number(ws, row, cj, last ? (double)last->disbursed / 100 : 0, lock_num);
				break;
			case COL_KPI_LABEL:
				if ((size_t)c->kpi < p->n_kpis) {
					const struct kpi *k = &p->kpis[c->kpi];
					char t[32], v[32] = "-";
					size_t a;
					num_format_decimal(k->target, t, sizeof(t));
					for (a = 0; last && a < last->n_kpis; a++)
						if (strcmp(last->kpis[a].kpi, k->id) == 0)
							num_format_decimal(last->kpis[a].value, v, sizeof(v));
					snprintf(s, sizeof(s), "%s (%s) เป้าหมาย %s ล่าสุด %s", k->name, k->unit, t, v);
					worksheet_write_string(ws, row, cj, s, lock);
				} else
					worksheet_write_blank(ws, row, cj, lock);
				break;
			case COL_KPI:
				/* no such KPI: a locked blank */
				if ((size_t)c->kpi >= p->n_kpis)
					worksheet_write_blank(ws, row, cj, lock);
				break;
			case COL_FIELD:
				break;
			}
		}
		row++;
	}
	for (j = 0; j < n_cols; j++)
		if (cols[j].role == COL_FIELD)
			validate(ws, row - 1, (lxw_col_t)j, cols[j].field->type);
		else if (cols[j].role == COL_KPI)
			validate(ws, row - 1, (lxw_col_t)j, SF_DECIMAL);
	worksheet_freeze_panes(ws, 2, 2);
	memset(&prot, 0, sizeof(prot));
	prot.format_columns = 1;  /* widths may change: 1 = allowed by libxlsxwriter's naming */
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
		snprintf(err, errlen, "เขียน %s ไม่ได้ / cannot write %s: %s", o->out, o->out, lxw_strerror(e));
		unlink(o->out);
		return -1;
	}
	return n;
}
