/* test_answer.c: the complaint desk's response file (desk/answer): what an
 * officer types survives the YAML round trip as text (quotes, backslashes,
 * newlines, control characters, YAML and HTML syntax), the file is capped,
 * and answer_check() applies check's rules (status order, reasons, dates
 * against the case and today) with check's messages. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "desk/answer.h"
#include "load/complaints.h"
#include "load/load.h"
#include "model/dates.h"

#define CODE "7NJ6-QX11-GG92-2QTE"

static int has_error(const struct diags *d, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].level == DIAG_ERROR && strstr(d->items[i].msg, part))
			return 1;
	return 0;
}

/* check text as the desk does, for a case received on created; the number of errors */
static size_t errors_of(const char *text, pdate created, pdate today, const char *want)
{
	struct model m;
	struct diags d;
	size_t n;

	model_init(&m);
	m.today = today;
	diags_init(&d, LANG_TH);
	answer_check(&m, CODE, text, created, &d);
	n = d.errors;
	if (want)
		CHECK(has_error(&d, want));
	diags_free(&d);
	model_free(&m);
	return n;
}

int main(void)
{
	const char *hostile = "line \"one\"\\ two\nline: three\n- four # five\t<script>alert(1)</script>\x01 ไทย";
	pdate d0 = date_from_ymd(2026, 12, 1), today = date_from_ymd(2026, 12, 3);
	struct case_event e1 = { 0 }, e2 = { 0 };
	struct complaint_resp base = { 0 };
	struct model m;
	struct diags d;
	const struct complaint_resp *r;
	char *y, *y2, *big;

	/* a new file with one entry, read back as check reads it */
	e1.date = d0;
	e1.status = CS_RECEIVED;
	e1.note = hostile;
	y = answer_yaml(NULL, &e1);
	CHECK(y != NULL);
	model_init(&m);
	m.today = today;
	diags_init(&d, LANG_TH);
	r = answer_check(&m, CODE, y, d0, &d);
	CHECK(r != NULL);
	CHECK_INT(d.errors, 0);
	if (r) {
		CHECK_INT(r->n_history, 1);
		CHECK_STR(r->history[0].note, hostile);
		CHECK_STR(r->code, CODE);
		/* a second entry on top of the first, with the base's summary kept */
		base = *r;
		base.summary = "สรุป \"ok\"";
		base.publish_summary = 1;
		e2.date = today;
		e2.status = CS_RESOLVED;
		e2.note = "ซ่อมแล้ว";
		e2.reason = "เสร็จ\\แล้ว";
		y2 = answer_yaml(&base, &e2);
		CHECK(y2 != NULL);
		CHECK_INT(errors_of(y2, d0, today, NULL), 0);
		CHECK(strstr(y2, "publish_summary: true") != NULL);
		free(y2);
	}
	diags_free(&d);
	model_free(&m);
	free(y);

	/* check's rules */
	CHECK(errors_of("history:\n  - {date: 2026-12-01, status: resolved, note: x}\n", d0, today, "ต้องระบุเหตุผล") > 0);
	CHECK(errors_of("history:\n  - {date: 2026-12-01, status: resolved, note: x, reason: y}\n"
			"  - {date: 2026-12-02, status: received, note: z}\n", d0, today, "ไม่มีสถานะใดตามหลังได้") > 0);
	CHECK(errors_of("history:\n  - {date: 2026-12-01, status: in-progress, note: x}\n"
			"  - {date: 2026-12-02, status: received, note: z}\n", d0, today, "ลำดับสถานะย้อนกลับไม่ได้") > 0);
	CHECK(errors_of("history:\n  - {date: 2026-11-30, status: received, note: x}\n", d0, today,
			"วันที่อยู่ก่อนวันที่ได้รับเรื่อง") > 0);
	CHECK(errors_of("history:\n  - {date: 2026-12-04, status: received, note: x}\n", d0, today,
			"วันที่อยู่ในอนาคต") > 0);
	CHECK(errors_of("history:\n  - {date: 2026-12-02, status: received, note: x}\n"
			"  - {date: 2026-12-01, status: in-progress, note: z}\n", d0, today, "วันที่ต้องไม่ก่อนรายการก่อนหน้า") > 0);
	CHECK_INT(errors_of("history:\n  - {date: 2026-12-01, status: received, note: x}\n", d0, today, NULL), 0);

	/* the cap: a file just under ANSWER_MAX_TEXT is written, one over is not */
	big = malloc(ANSWER_MAX_TEXT + 1);
	memset(big, 'a', ANSWER_MAX_TEXT);
	big[ANSWER_MAX_TEXT - 400] = '\0';
	e1.note = big;
	y = answer_yaml(NULL, &e1);
	CHECK(y != NULL && strlen(y) <= ANSWER_MAX_TEXT);
	free(y);
	big[ANSWER_MAX_TEXT - 400] = 'a';
	big[ANSWER_MAX_TEXT] = '\0';
	CHECK(answer_yaml(NULL, &e1) == NULL);
	free(big);
	return CHECK_RESULT();
}
