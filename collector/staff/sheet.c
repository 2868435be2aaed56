/* sheet.c: the monthly sheet in the staff area (staffcgi.h): the page, the
 * pre-filled workbook of the projects in the user's scope (sheet/export.h)
 * and the upload, checked row by row with the code of `prongsai sheet
 * import` (sheet/batch.h) and queued as one 'sheet' entry.
 *
 * The CGI has no content tree: the projects, their KPIs, team and
 * reports, and the people with their roles come from what `prongsai build
 * --staff-db` installed (publish/staffinfo.c), read into a model here. */
#define _DEFAULT_SOURCE
#include "staffcgi.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "utf8.h"
#include "model/dates.h"
#include "model/model.h"
#include "model/schema.h"
#include "sheet/batch.h"
#include "sheet/export.h"
#include "sheet/grid.h"
#include "sheet/scope.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The model and the signed-in person in it; else the error page is set. */
static const struct person *open_model(struct staff_req *r, struct model *m)
{
	const struct person *me;

	model_init(m);
	m->today = staff_today(r);
	if (staff_model_read(r, m, NULL) != 0) {
		fprintf(stderr, "staff.cgi: sheet: cannot read the projects (a cap of staffcgi.h passed?): %s\n",
			sqlite3_errmsg(r->db));
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return NULL;
	}
	if (!(me = model_person(m, r->person))) {
		staff_error(r, 403, "ไม่พบชื่อของท่านใน people.yaml ให้ผู้ดูแลระบบตรวจ", "You are not in people.yaml.");
		return NULL;
	}
	return me;
}

/* ---- the page ---- */

/* The fiscal years with projects in me's scope, newest first, into fys. */
static size_t scope_years(const struct model *m, const struct person *me, int *fys, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		if (!sheet_in_scope(p, me))
			continue;
		for (j = 0; j < n && fys[j] != p->fiscal_year; j++)
			;
		if (j == n && n < max)
			fys[n++] = p->fiscal_year;
	}
	for (i = 1; i < n; i++) /* few: insertion sort, descending */
		for (j = i; j > 0 && fys[j - 1] < fys[j]; j--) {
			int t = fys[j];
			fys[j] = fys[j - 1];
			fys[j - 1] = t;
		}
	return n;
}

/* The page: what the sheet is, the download links, the upload form, and
 * (problems) what was wrong with the last upload. */
static void render(struct staff_req *r, const struct model *m, const struct person *me, int status,
		   struct batch *problems, const char *general)
{
	int fys[32];
	size_t n = scope_years(m, me, fys, 32), i, np = problems ? batch_n_problems(problems) : 0;
	char q[32], qn[32], qs[32], line[BATCH_PROBLEM_MAX];

	staff_head(r, status, NULL);
	staff_page_top(r, "ตารางรายงานประจำเดือน");
	buf_adds(&r->out, "<h1>ตารางรายงานประจำเดือน <span lang=\"en\">Monthly progress sheet</span></h1>");
	if (status == 200 && staff_query_get(r->query, "queued", q, sizeof q) == 0 && *q &&
	    strspn(q, "0123456789") == strlen(q) && staff_query_get(r->query, "n", qn, sizeof qn) == 0 && *qn &&
	    strspn(qn, "0123456789") == strlen(qn) && staff_query_get(r->query, "skipped", qs, sizeof qs) == 0 && *qs &&
	    strspn(qs, "0123456789") == strlen(qs))
		buf_printf(&r->out, "<p class=\"ok\" role=\"status\" id=\"done\">รับตารางแล้ว เลขที่ #%s: เข้าคิว %s รายงาน "
			   "ข้าม %s แถว (ไม่มีตัวเลขใหม่) ระบบจะตรวจและเผยแพร่ภายในไม่กี่นาที "
			   "<span lang=\"en\">Sheet #%s received: %s reports queued, %s rows skipped (no new figures).</span> "
			   "<a href=\"%s/projects#q%s\">ดูสถานะ</a></p>", q, qn, qs, q, qn, qs, r->base, q);
	if (status != 200) {
		buf_adds(&r->out, "<div class=\"error\" role=\"alert\" id=\"problems\"><p>ยังไม่ได้นำเข้าแถวใดเลย: "
			 "แก้ตามรายการนี้แล้วอัปโหลดใหม่ <span lang=\"en\">Nothing was imported: correct these and upload "
			 "again.</span></p>");
		if (general) {
			buf_adds(&r->out, "<p>");
			staff_h(r, general);
			buf_adds(&r->out, "</p>");
		}
		if (np) {
			buf_printf(&r->out, "<p>พบ %zu ปัญหา <span lang=\"en\">(%zu problems)</span></p><ul class=\"problems\">",
				   np, np);
			for (i = 0; i < np && i < STAFF_SHEET_MAX_SHOWN; i++) {
				batch_problem(problems, i, line, sizeof line);
				buf_adds(&r->out, "<li>");
				staff_h(r, line);
				buf_adds(&r->out, "</li>");
			}
			buf_adds(&r->out, "</ul>");
			if (np > STAFF_SHEET_MAX_SHOWN)
				buf_printf(&r->out, "<p>และอีก %zu ปัญหา (แสดง %d ปัญหาแรก) <span lang=\"en\">(and %zu more)</span></p>",
					   np - STAFF_SHEET_MAX_SHOWN, STAFF_SHEET_MAX_SHOWN, np - STAFF_SHEET_MAX_SHOWN);
		}
		buf_adds(&r->out, "</div>");
	}
	buf_adds(&r->out,
		 "<p>ถ้าต้องรายงานหลายโครงการพร้อมกัน เช่น ตัวเลขเบิกจ่ายจาก GFMIS ทุกสิ้นเดือน ให้ใช้ตาราง Excel นี้แทนการกรอกแบบฟอร์มทีละโครงการ "
		 "<span lang=\"en\">(To update many projects at once, use this Excel sheet instead of the form.)</span></p>"
		 "<h2>ขั้นตอน <span lang=\"en\">Steps</span></h2><ol>"
		 "<li>ดาวน์โหลดตาราง ตารางมีเฉพาะโครงการที่ท่านรับผิดชอบ พร้อมตัวเลขจากรายงานล่าสุด</li>"
		 "<li>เปิดด้วย Excel หรือ LibreOffice กรอกเฉพาะช่องสีเหลือง หนึ่งแถวต่อหนึ่งโครงการ "
		 "ตัวเลขเป็นค่าสะสมถึงวันที่รายงาน วันที่พิมพ์เป็น 30/11/2569 ได้ ว่างไว้คือวันนี้</li>"
		 "<li>โครงการที่ไม่มีอะไรใหม่ ให้เว้นว่างทั้งแถว ระบบจะข้ามแถวนั้น อย่าแก้ชื่อคอลัมน์และอย่าเพิ่มแผ่นงาน</li>"
		 "<li>บันทึกเป็น .xlsx (หรือ .csv) แล้วอัปโหลดด้านล่าง ระบบตรวจทุกแถวก่อน ถ้ามีแถวใดผิด จะแสดงทุกปัญหาพร้อมเลขแถวและชื่อคอลัมน์ "
		 "และจะไม่บันทึกอะไรเลย ถ้าถูกทุกแถว รายงานทั้งหมดจะเผยแพร่พร้อมกันในครั้งเดียว ในชื่อของท่าน</li></ol>"
		 "<h2>1. ดาวน์โหลดตาราง <span lang=\"en\">Download</span></h2>");
	if (!n)
		buf_adds(&r->out, "<p>ไม่มีโครงการที่ท่านรายงานได้ หากไม่ถูกต้อง ให้ผู้ดูแลระบบตรวจ roles ใน people.yaml "
			 "<span lang=\"en\">(No projects you may report on.)</span></p>");
	for (i = 0; i < n; i++) {
		buf_adds(&r->out, "<p><a class=\"button\" href=\"");
		staff_h(r, r->base);
		buf_printf(&r->out, "/sheet.xlsx?fy=%d\" download>ดาวน์โหลดตาราง ปีงบประมาณ %d (.xlsx) "
			   "<span lang=\"en\">Download the sheet, FY %d</span></a></p>", fys[i], fys[i], fys[i]);
	}
	buf_adds(&r->out, "<h2>2. อัปโหลดตารางที่กรอกแล้ว <span lang=\"en\">Upload</span></h2>"
		 "<form method=\"post\" enctype=\"multipart/form-data\" action=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/sheet\"><input type=\"hidden\" name=\"csrf\" value=\"");
	staff_h(r, r->csrf);
	buf_printf(&r->out, "\"><label for=\"f-sheet\">ไฟล์ตาราง .xlsx หรือ .csv ไม่เกิน %ld MB <span lang=\"en\">Sheet "
		   "file</span></label><input id=\"f-sheet\" name=\"sheet\" type=\"file\" required accept=\".xlsx,.csv,"
		   XLSX_TYPE ",text/csv\"><button type=\"submit\">ตรวจและส่งตาราง <span lang=\"en\">Check and send"
		   "</span></button></form><p><a href=\"", SHEET_MAX_FILE / (1024 * 1024));
	staff_h(r, r->base);
	buf_adds(&r->out, "/projects\">กลับไปโครงการของฉัน <span lang=\"en\">(My projects)</span></a></p>");
	staff_page_end(r);
}

void staff_sheet_page(struct staff_req *r)
{
	struct model m;
	const struct person *me = open_model(r, &m);

	if (me)
		render(r, &m, me, 200, NULL, NULL);
	model_free(&m);
}

/* ---- the workbook ---- */

/* Exactly n bytes from fd into p: 0, or -1. */
static int read_all(int fd, char *p, size_t n)
{
	ssize_t k;

	while (n) {
		if ((k = read(fd, p, n)) < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

void staff_sheet_xlsx(struct staff_req *r)
{
	struct model m;
	const struct person *me = open_model(r, &m);
	struct export_opts o;
	char fy[8], path[4096], err[512], *data = NULL;
	const char *tmp = getenv("TMPDIR");
	struct stat st;
	long n;
	int fd = -1;

	if (!me)
		goto done;
	memset(&o, 0, sizeof o);
	o.as = me;
	o.fy = date_fiscal_year(m.today);
	if (staff_query_get(r->query, "fy", fy, sizeof fy) == 0 && strlen(fy) == 4 && strspn(fy, "0123456789") == 4)
		o.fy = atoi(fy);
	{
		int fys[32];
		size_t i, n = scope_years(&m, me, fys, 32);
		for (i = 0; i < n && fys[i] != o.fy; i++)
			;
		if (i == n) {
			staff_error(r, 404, "ไม่มีโครงการของท่านในปีงบประมาณนี้", "No projects of yours in this fiscal year.");
			goto done;
		}
	}
	snprintf(path, sizeof path, "%s/prongsai-sheet-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		fprintf(stderr, "staff.cgi: sheet: mkstemp: %s\n", strerror(errno));
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		goto done;
	}
	close(fd);
	o.out = path;
	if ((n = sheet_export(&m, &o, err, sizeof err)) < 0) {
		unlink(path);
		fprintf(stderr, "staff.cgi: sheet: %s\n", err);
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		goto done;
	}
	/* read the workbook back: at most SHEET_MAX_FILE bytes */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	unlink(path);
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size > SHEET_MAX_FILE || !(data = malloc((size_t)st.st_size + 1)) ||
	    read_all(fd, data, (size_t)st.st_size) != 0) {
		fprintf(stderr, "staff.cgi: sheet: cannot read the workbook back\n");
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		goto done;
	}
	buf_free(&r->out);
	buf_init(&r->out, (size_t)SHEET_MAX_FILE + 4096);
	buf_printf(&r->out, "Status: 200 OK\r\nContent-Type: " XLSX_TYPE "\r\n"
		   "Content-Disposition: attachment; filename=\"progress-%d.xlsx\"\r\n"
		   "Cache-Control: no-store\r\nX-Robots-Tag: noindex, nofollow\r\nX-Content-Type-Options: nosniff\r\n"
		   "Referrer-Policy: same-origin\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n",
		   o.fy);
	buf_add(&r->out, data, (size_t)st.st_size);
done:
	if (fd >= 0)
		close(fd);
	free(data);
	model_free(&m);
}

/* ---- the upload ---- */

void staff_sheet_post(struct staff_req *r, struct form_data *fd)
{
	const struct form_part *pt = NULL;
	struct model m;
	const struct person *me;
	struct batch_src src;
	struct batch *b = NULL;
	char name[64], iso[11], err[512], path[128];
	int64_t qid;
	size_t i;

	for (i = 0; i < fd->n; i++)
		if (strcmp(fd->parts[i].name, "sheet") == 0 && fd->parts[i].is_file)
			pt = &fd->parts[i];
	if (pt && pt->len > (size_t)SHEET_MAX_FILE) {
		fprintf(stderr, "staff.cgi: 413: sheet over the cap\n");
		staff_error(r, 413, "ไฟล์ตารางใหญ่เกิน 10 MB ไม่ได้บันทึกอะไร", "The sheet is over 10 MB; nothing was saved.");
		return;
	}
	if (!(me = open_model(r, &m))) {
		model_free(&m);
		return;
	}
	if (!pt || pt->len == 0) {
		render(r, &m, me, 422, NULL, "กรุณาเลือกไฟล์ตาราง (.xlsx หรือ .csv) / choose the sheet file");
		model_free(&m);
		return;
	}
	/* the name kept with the entry is the date and the kind, never what was sent */
	date_iso(m.today, iso);
	i = pt->filename ? strlen(pt->filename) : 0;
	snprintf(name, sizeof name, "sheet-%s.%s", iso,
		 i >= 4 && strcasecmp(pt->filename + i - 4, ".csv") == 0 ? "csv" : "xlsx");
	memset(&src, 0, sizeof src);
	src.name = name;
	src.data = pt->value;
	src.len = pt->len;
	src.m = &m;
	src.as = me->id;
	src.today = m.today;
	src.lang = LANG_TH;
	if (!(b = batch_read(&src))) {
		staff_error(r, 500, "ระบบขัดข้อง", "Out of memory.");
		model_free(&m);
		return;
	}
	batch_check_rules(b);
	if (batch_n_problems(b)) {
		fprintf(stderr, "staff.cgi: 422: sheet with %zu problems\n", batch_n_problems(b));
		render(r, &m, me, 422, b, NULL);
	} else if (!batch_n_reports(b)) {
		snprintf(err, sizeof err, "ไม่มีแถวที่กรอกตัวเลขใหม่ (ข้าม %zu แถว) / no row has new figures (%zu rows skipped)",
			 batch_n_skipped(b), batch_n_skipped(b));
		render(r, &m, me, 422, NULL, err);
	} else if (batch_enqueue(b, r->db, r->now, &qid, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 500, "บันทึกตารางไม่ได้ กรุณาลองใหม่ภายหลัง", "The sheet could not be saved: try again later.");
	} else {
		snprintf(path, sizeof path, "/sheet?queued=%lld&n=%zu&skipped=%zu#done", (long long)qid,
			 batch_n_reports(b), batch_n_skipped(b));
		staff_redirect(r, path, NULL);
	}
	batch_free(b);
	model_free(&m);
}
