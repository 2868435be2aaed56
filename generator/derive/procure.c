/* procure.c: procurement methods and totals. */
#include "derive/procure.h"

#include <string.h>

const char *const proc_methods[] = { "e-bidding", "e-market", "selection", "specific", NULL };
static const char *const th[] = { "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
	"ตลาดอิเล็กทรอนิกส์ (e-market)", "วิธีคัดเลือก", "วิธีเฉพาะเจาะจง" };
static const char *const en[] = { "Electronic bidding", "Electronic market", "Selection",
	"Specific (direct)" };

static int method_index(const char *id)
{
	int i;

	for (i = 0; id && proc_methods[i]; i++)
		if (strcmp(id, proc_methods[i]) == 0)
			return i;
	return -1;
}

const char *proc_method_th(const char *id)
{
	int i = method_index(id);
	return i < 0 ? NULL : th[i];
}

const char *proc_method_en(const char *id)
{
	int i = method_index(id);
	return i < 0 ? NULL : en[i];
}

struct proc_total proc_sum(const struct model *m, int fy, int month, const char *method)
{
	struct proc_total t = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < m->n_procurement; i++) {
		const struct proc_record *r = &m->procurement[i];
		int y, mo, d;
		if (r->fiscal_year != fy)
			continue;
		date_to_ymd(r->date, &y, &mo, &d);
		if (month && mo != month)
			continue;
		if (method && strcmp(method, r->method) != 0)
			continue;
		t.n++;
		t.budget += r->budget;
		t.price += r->price;
	}
	return t;
}

enum proc_month_state proc_month_state(const struct model *m, int fy, int month)
{
	int y = month >= 10 ? fy - 544 : fy - 543;
	size_t i;

	if (proc_sum(m, fy, month, NULL).n)
		return PM_RECORDS;
	/* not yet due until the month has ended */
	if (date_from_ymd(month == 12 ? y + 1 : y, month == 12 ? 1 : month + 1, 1) > m->today)
		return PM_FUTURE;
	for (i = 0; i < m->n_proc_none; i++)
		if (m->proc_none[i].fiscal_year == fy && m->proc_none[i].month == month)
			return PM_NONE;
	return PM_NOT_ENTERED;
}
