/* purge.c: the retention purge as a desk action for the administrator
 * (staffcgi.h).  The rule and the deleting are desk/purge.h's, the code
 * `prongsai inbox purge` runs; the statuses are the response files the
 * build installed (staff_settings "case:<CODE>", the same files the CLI
 * reads from content/complaints/).  No key is needed: nothing is
 * decrypted.  Every purge is logged on one line: who, the date, how many
 * (no code, no value of a submission). */
#include "staffcgi.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "desk/purge.h"
#include "load/load.h"
#include "utcstamp.h"

struct purge_ctx {
	struct staff_req *r;
	struct model m;
};

static const struct complaint_resp *resp_of(void *ctx, const char *code)
{
	struct purge_ctx *pc = ctx;
	char key[64], rel[64];
	const char *text;
	const struct complaint_resp *resp;
	struct diags d;

	snprintf(key, sizeof key, "case:%s", code);
	text = staff_setting(pc->r, &pc->m.arena, key);
	if (!text)
		return NULL;
	snprintf(rel, sizeof rel, "complaints/%s.yaml", code);
	diags_init(&d, LANG_TH);
	resp = load_complaint_text(&pc->m, rel, text, strlen(text), &d);
	diags_free(&d);
	return resp;
}

/* today in Thailand (UTC+7) */
static pdate today(const struct staff_req *r)
{
	time_t t = r->now + 7 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int admin_only(struct staff_req *r)
{
	if (staff_has_role(r, "admin"))
		return 1;
	staff_error(r, 403, "การลบข้อมูลส่วนบุคคลเป็นงานของผู้ดูแลระบบ (บทบาท admin ใน people.yaml)",
		    "Purging is the administrator's task (the admin role).");
	fprintf(stderr, "staff.cgi: 403: purge without the admin role\n");
	return 0;
}

/* Run the rule: 0 and res, or -1 with the error page set. */
static int run(struct staff_req *r, struct purge_ctx *pc, pdate before, int dry_run, struct purge_result *res)
{
	struct inbox_db x;
	char err[1024], now[UTC_STAMP_SIZE];
	const char *db = staff_collector_db(r, &pc->m.arena);
	int rc;

	if (!db || inbox_db_open_public(&x, db, 1, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", db ? err : "no collector database (PRONGSAI_DB, or build --db)");
		staff_error(r, 503, "ยังเปิดฐานข้อมูลเรื่องร้องเรียนไม่ได้ กรุณาลองใหม่ภายหลัง", "The complaints database is not available yet.");
		return -1;
	}
	utc_stamp(r->now, now);
	rc = purge_run(&x, resp_of, pc, before, dry_run, now, &pc->m.arena, res, err, sizeof err);
	inbox_db_close(&x);
	if (rc != 0) {
		fprintf(stderr, "staff.cgi: purge: %s\n", err);
		staff_error(r, 500, "ลบข้อมูลไม่สำเร็จ ไม่ได้ลบอะไร กรุณาลองใหม่ภายหลัง", "The purge failed; nothing was purged.");
	}
	return rc;
}

static void list(struct staff_req *r, const struct purge_result *res)
{
	char d[16];
	size_t i;

	if (!res->n)
		return;
	buf_adds(&r->out, "<ul class=\"cases\">");
	for (i = 0; i < res->n; i++) {
		staff_be_date(res->v[i].closed, d, sizeof d);
		buf_printf(&r->out, "<li><code>%s</code> ปิดเรื่อง <span lang=\"en\">(closed)</span> %s</li>", res->v[i].code, d);
	}
	buf_adds(&r->out, "</ul>");
}

void staff_purge_page(struct staff_req *r)
{
	struct purge_ctx pc = { r };
	struct purge_result res;
	char before[40] = "", done[16] = "", d[16];
	pdate b;
	int have;

	if (!admin_only(r))
		return;
	model_init(&pc.m);
	pc.m.today = today(r);
	have = staff_query_get(r->query, "before", before, sizeof before) == 0 && *before &&
	       staff_parse_date(&pc.m.arena, before, &b) == 0;
	memset(&res, 0, sizeof res);
	if (have && run(r, &pc, b, 1, &res) != 0) {
		model_free(&pc.m);
		return;
	}
	staff_head(r, 200, NULL);
	staff_page_top(r, "ลบข้อมูลส่วนบุคคล");
	buf_adds(&r->out, "<h1>ลบข้อมูลส่วนบุคคลเมื่อพ้นระยะเวลาเก็บรักษา <span lang=\"en\">Purge after the retention period</span></h1>"
		 "<p>ลบข้อมูลผู้ร้องที่เข้ารหัส ไฟล์แนบ และข้อความอิสระ ของเรื่องที่ปิดแล้ว (ดำเนินการแล้วเสร็จ หรือยุติเรื่อง) "
		 "ก่อนวันที่ที่ระบุ คงรหัส วันที่ สถานะ และค่าที่เลือกไว้สำหรับสถิติ ใช้กฎเดียวกับคำสั่ง "
		 "<code>prongsai inbox purge --closed-before</code> <span lang=\"en\">(the same rule as the command)</span></p>");
	if (staff_query_get(r->query, "done", done, sizeof done) == 0 && *done && strspn(done, "0123456789") == strlen(done))
		buf_printf(&r->out, "<p class=\"ok\" role=\"status\">ลบข้อมูลส่วนบุคคลของ %s เรื่องแล้ว "
			   "<span lang=\"en\">Purged %s complaint(s).</span></p>", done, done);
	buf_adds(&r->out, "<form method=\"get\" action=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/purge\"><label for=\"f-before\">ปิดเรื่องก่อนวันที่ (วัน/เดือน/ปี พ.ศ.) "
		 "<span lang=\"en\">Closed before</span></label><input id=\"f-before\" name=\"before\" type=\"text\" "
		 "inputmode=\"numeric\" value=\"");
	staff_h(r, before);
	buf_adds(&r->out, "\"><button type=\"submit\">ดูรายการที่จะลบ <span lang=\"en\">List what would be purged</span>"
		 "</button></form>");
	if (*before && !have)
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\">วันที่ไม่ถูกต้อง ใช้ วัน/เดือน/ปี พ.ศ. เช่น 1/10/2568 "
			 "<span lang=\"en\">(not a date)</span></p>");
	if (have) {
		staff_be_date(b, d, sizeof d);
		buf_printf(&r->out, "<h2>จะลบ %zu เรื่อง ที่ปิดก่อน %s <span lang=\"en\">(%zu would be purged)</span></h2>",
			   res.n, d, res.n);
		list(r, &res);
		if (res.n) {
			buf_adds(&r->out, "<form method=\"post\" action=\"");
			staff_h(r, r->base);
			buf_adds(&r->out, "/purge\"><input type=\"hidden\" name=\"csrf\" value=\"");
			staff_h(r, r->csrf);
			buf_printf(&r->out, "\"><input type=\"hidden\" name=\"before\" value=\"%s\"><button type=\"submit\">"
				   "ลบข้อมูลส่วนบุคคลของ %zu เรื่องนี้ <span lang=\"en\">Purge these %zu</span></button></form>",
				   d, res.n, res.n);
		}
	}
	buf_adds(&r->out, "<p class=\"small\">สำเนาสำรองที่ทำก่อนการลบยังมีข้อมูลเดิมจนกว่าจะหมุนเวียนออก "
		 "<span lang=\"en\">(older backups keep the data until they rotate out)</span></p>");
	staff_page_end(r);
	model_free(&pc.m);
}

void staff_purge_post(struct staff_req *r, struct form_data *fd)
{
	const struct form_part *bp = staff_part(fd, "before");
	struct purge_ctx pc = { r };
	struct purge_result res;
	char before[40] = "", iso[11], path[96];
	pdate b;

	if (!admin_only(r))
		return;
	model_init(&pc.m);
	pc.m.today = today(r);
	if (bp && !bp->is_file && bp->len < sizeof before && !memchr(bp->value, '\0', bp->len))
		snprintf(before, sizeof before, "%.*s", (int)bp->len, bp->value);
	if (!*before || staff_parse_date(&pc.m.arena, before, &b) != 0) {
		staff_error(r, 422, "วันที่ไม่ถูกต้อง ใช้ วัน/เดือน/ปี พ.ศ. เช่น 1/10/2568", "Not a date.");
		model_free(&pc.m);
		return;
	}
	if (run(r, &pc, b, 0, &res) == 0) {
		date_iso(b, iso);
		fprintf(stderr, "staff.cgi: purge by %s: %zu complaint(s) closed before %s%s\n", r->person, res.n, iso,
			res.wal_kept ? " (WAL kept: a reader; purge again later)" : "");
		snprintf(path, sizeof path, "/purge?done=%zu", res.n);
		staff_redirect(r, path, NULL);
	}
	model_free(&pc.m);
}
