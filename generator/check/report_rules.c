/* report_rules.c: see report_rules.h. */
#include "check/report_rules.h"

#include <string.h>

#include "model/dates.h"
#include "model/numfmt.h"

static struct loc at(const char *path, int line)
{
	struct loc l = { path, line, line ? 1 : 0 };
	return l;
}

void report_rules_project(const struct project *p, const struct report *r, pdate today,
	struct diags *d)
{
	char a[64], b[64];

	if (r->fiscal_year != p->fiscal_year)
		diag_error(d, at(r->path, 0), "รายงานอยู่ในโฟลเดอร์ progress/%d/ แต่โครงการเป็นของปีงบประมาณ %d",
			"report is under progress/%d/ but the project belongs to fiscal year %d",
			r->fiscal_year, p->fiscal_year);
	if (r->date < p->start || r->date > p->end)
		diag_error(d, at(r->path, r->line_date), "วันที่รายงานอยู่นอกระยะเวลาโครงการ",
			"the report date is outside the project period");
	else if (date_fiscal_year(r->date) != p->fiscal_year)
		diag_error(d, at(r->path, r->line_date), "วันที่รายงานอยู่นอกปีงบประมาณ %d",
			"the report date is outside fiscal year %d", p->fiscal_year);
	if (r->date > today)
		diag_warn(d, at(r->path, r->line_date), "วันที่รายงานเป็นวันในอนาคต",
			"the report is dated in the future");
	if (r->disbursed > p->allocated) {
		num_format_money(r->disbursed, a, sizeof(a));
		num_format_money(p->allocated, b, sizeof(b));
		diag_error(d, at(r->path, r->line_disbursed),
			"เบิกจ่ายสะสม %s บาท เกินงบที่ได้รับ %s บาท",
			"cumulative disbursement %s baht exceeds the allocation of %s baht", a, b);
	}
}

/* A KPI actual is cumulative too: lower than in prev is an error. */
static void check_kpis_down(struct diags *d, const struct report *prev, const struct report *r)
{
	size_t i, j;

	for (i = 0; i < r->n_kpis; i++)
		for (j = 0; j < prev->n_kpis; j++)
			if (strcmp(r->kpis[i].kpi, prev->kpis[j].kpi) == 0 &&
				r->kpis[i].value < prev->kpis[j].value) {
				struct loc l = { r->path, r->kpis[i].line, r->kpis[i].col };
				diag_error(d, l, "ผลตัวชี้วัด \"%s\" ลดลงจากรายงานก่อน (%s) ซึ่งเป็นค่าสะสม แก้ตัวเลข หรือเขียนเหตุผลใน correction:",
					"KPI \"%s\" went down since the previous report (%s); it is cumulative: fix it, or give the reason in correction:",
					r->kpis[i].kpi, prev->path);
			}
}

void report_rules_prev(const struct report *prev, const struct report *r, struct diags *d)
{
	if (r->date == prev->date)
		diag_error(d, at(r->path, 0), "มีรายงานวันเดียวกันสองฉบับ", "two reports on the same date");
	if (r->correction)
		return; /* the report says why its figures are lower */
	if (r->percent < prev->percent)
		diag_error(d, at(r->path, r->line_percent),
			"ความก้าวหน้าลดลงจากรายงานก่อน (%s) ซึ่งเป็นค่าสะสม แก้ตัวเลข หรือถ้าเป็นการแก้ตัวเลขเดิม ให้เขียนเหตุผลใน correction:",
			"progress went down since the previous report (%s); it is cumulative: fix it, or give the reason in correction:",
			prev->path);
	if (r->disbursed < prev->disbursed)
		diag_error(d, at(r->path, r->line_disbursed),
			"ยอดเบิกจ่ายสะสมลดลงจากรายงานก่อน (%s) แก้ตัวเลข หรือเขียนเหตุผลใน correction:",
			"cumulative disbursement went down since the previous report (%s): fix it, or give the reason in correction:",
			prev->path);
	check_kpis_down(d, prev, r);
}
