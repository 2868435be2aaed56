/* projects.c: who may report on what, and "my projects" (staffcgi.h). */
#include "staffcgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int staff_has_role(const struct staff_req *r, const char *role)
{
	size_t n = strlen(role);
	const char *p = r->roles;

	while ((p = strstr(p, role)) != NULL) {
		if ((p == r->roles || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

/* The projects the person may report on, as one WHERE clause over
 * staff_projects p with ?1 = the person, ?2 = their group. */
static const char *scope_sql(const struct staff_req *r)
{
	if (staff_has_role(r, "admin"))
		return "1";
	if (staff_has_role(r, "group-director") && staff_has_role(r, "officer"))
		return "(p.grp = ?2 OR EXISTS (SELECT 1 FROM staff_members m WHERE m.project_id = p.id AND m.person_id = ?1))";
	if (staff_has_role(r, "group-director"))
		return "p.grp = ?2 AND ?1 = ?1";
	if (staff_has_role(r, "officer"))
		return "EXISTS (SELECT 1 FROM staff_members m WHERE m.project_id = p.id AND m.person_id = ?1) AND ?2 = ?2";
	return "0 AND ?1 = ?1 AND ?2 = ?2";
}

int staff_may_report(struct staff_req *r, const char *project_id)
{
	char sql[512];
	sqlite3_stmt *st;
	int ok = 0;

	snprintf(sql, sizeof sql, "SELECT 1 FROM staff_projects p WHERE p.id = ?3 AND p.status = '' AND %s",
		 scope_sql(r));
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, r->person, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, project_id, -1, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

/* "2569-11-30" style date (CE text) as a Thai date "30/11/2569". */
static void be_date(const char *iso, char *out, size_t outlen)
{
	int y, m, d;

	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		snprintf(out, outlen, "-");
	else
		snprintf(out, outlen, "%d/%d/%d", d, m, y + 543);
}

static void money(int64_t h, char *out, size_t outlen)
{
	/* hundredths with thousands separators */
	char digits[32];
	int n, i, o = 0;

	snprintf(digits, sizeof digits, "%lld", (long long)(h / 100));
	n = (int)strlen(digits);
	for (i = 0; i < n && o < (int)outlen - 8; i++) {
		out[o++] = digits[i];
		if ((n - i - 1) % 3 == 0 && i < n - 1)
			out[o++] = ',';
	}
	snprintf(out + o, outlen - (size_t)o, ".%02lld", (long long)(h % 100));
}

/* The month state: "done" (a report this month), "due", "late" (none last
 * month either), or "" (not running this month). */
static const char *due_state(const char *today, const char *start, const char *end, const char *last)
{
	char month[16], prev[32];
	int y = 2000, m = 1;

	if (strcmp(today, start) < 0 || strncmp(today, end, 7) > 0)
		return "";
	snprintf(month, sizeof month, "%.7s", today);
	if (last && strncmp(last, month, 7) == 0)
		return "done";
	sscanf(today, "%4d-%2d", &y, &m);
	if (--m == 0) {
		m = 12;
		y--;
	}
	snprintf(prev, sizeof prev, "%04d-%02d", y, m);
	if (strncmp(start, prev, 7) <= 0 && (!last || strncmp(last, prev, 7) < 0))
		return "late";
	return "due";
}

static void submissions(struct staff_req *r)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(r->db, "SELECT id, subject, state, reason, received_at FROM queue WHERE person_id = ? "
			       "ORDER BY id DESC LIMIT 20", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, r->person, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(st, 2);
		const char *reason = (const char *)sqlite3_column_text(st, 3);
		if (n++ == 0)
			buf_adds(&r->out, "<h2 id=\"sent\">รายงานที่ส่ง <span lang=\"en\">Sent reports</span></h2><ul class=\"sent\">");
		buf_printf(&r->out, "<li id=\"q%lld\"><strong>#%lld</strong> ", (long long)sqlite3_column_int64(st, 0),
			   (long long)sqlite3_column_int64(st, 0));
		staff_h(r, (const char *)sqlite3_column_text(st, 1));
		buf_printf(&r->out, " — <span class=\"state state-%s\">%s</span>", state,
			   strcmp(state, "committed") == 0 ? "เผยแพร่แล้ว (committed)" :
			   strcmp(state, "rejected") == 0 ? "ไม่ผ่านการตรวจ (rejected)" : "รอนำเข้า (queued)");
		if (reason && *reason) {
			buf_adds(&r->out, "<br><span class=\"reason\">");
			staff_h(r, reason);
			buf_adds(&r->out, "</span>");
		}
		buf_adds(&r->out, "</li>");
	}
	if (n)
		buf_adds(&r->out, "</ul>");
	sqlite3_finalize(st);
}

/* A link to the site's print kit (print/index.html, the notice sheets and
 * posters with QR codes): the staff folder is one level below the site
 * root ("/staff/" -> "/print/index.html"). */
static void print_kit_link(struct staff_req *r)
{
	char f[1024];
	size_t n;

	staff_folder(r, f, sizeof f);
	n = strlen(f);
	if (n > 1) {
		n--;
		while (n > 0 && f[n - 1] != '/')
			n--;
	}
	f[n ? n : 1] = '\0';
	buf_adds(&r->out, "<p><a href=\"");
	staff_h(r, f);
	buf_adds(&r->out, "print/index.html\">เอกสารสำหรับพิมพ์: แผ่นประกาศโครงการ โปสเตอร์ และแจ้งเวียน "
		 "พร้อมคิวอาร์โค้ด <span lang=\"en\">(Print kit: notice sheets, poster and announcement with QR "
		 "codes)</span></a></p>");
}

/* The link to the system's own survey, the staff type chosen in advance
 * (STAFFDB_SURVEY_KEY), if the build installed one: a static page of the
 * site, whose root is the folder above the CGI's ("/" for
 * /staff/staff.cgi). */
static void survey_link(struct staff_req *r)
{
	sqlite3_stmt *st;
	char folder[1024];
	size_t n;

	if (sqlite3_prepare_v2(r->db, "SELECT value FROM staff_settings WHERE key = '" STAFFDB_SURVEY_KEY "'", -1, &st,
			       NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) && sqlite3_column_text(st, 0)[0]) {
		staff_folder(r, folder, sizeof folder);
		/* drop the folder's last name: "/staff/" -> "/" */
		n = strlen(folder);
		while (n > 1 && folder[n - 2] != '/')
			n--;
		if (n > 1)
			folder[n - 1] = '\0';
		buf_adds(&r->out, "<p class=\"survey\">ช่วยประเมินระบบนี้: <a href=\"");
		staff_h(r, folder);
		staff_h(r, (const char *)sqlite3_column_text(st, 0));
		buf_adds(&r->out, "\">แบบประเมินความพึงพอใจต่อระบบติดตามความก้าวหน้า (สำหรับเจ้าหน้าที่)</a> "
			 "<span lang=\"en\">(Rate this system: the staff survey)</span></p>");
	}
	sqlite3_finalize(st);
}

void staff_projects(struct staff_req *r)
{
	char sql[1024], today[11], a[40], b[40], d1[16];
	sqlite3_stmt *st;
	char q[32];
	int n = 0;

	date_iso(staff_today(r), today);
	staff_head(r, 200, NULL);
	staff_page_top(r, "โครงการของฉัน");
	buf_adds(&r->out, "<h1>โครงการของฉัน <span lang=\"en\">My projects</span></h1>");
	if (staff_desk_role(r)) {
		buf_adds(&r->out, "<p><a class=\"button\" href=\"");
		staff_h(r, r->base);
		buf_adds(&r->out, "/cases\">เรื่องร้องเรียน <span lang=\"en\">Complaint desk</span></a></p>");
	}
	buf_adds(&r->out, "<p class=\"sheet-link\"><a href=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/sheet\">รายงานหลายโครงการพร้อมกันด้วยตาราง Excel (ตารางรายงานประจำเดือน) "
		 "<span lang=\"en\">(Update many projects at once with the monthly sheet)</span></a></p>");
	if (staff_query_get(r->query, "queued", q, sizeof q) == 0 && strspn(q, "0123456789") == strlen(q) && *q)
		buf_printf(&r->out, "<p class=\"ok\" role=\"status\">รับรายงานแล้ว เลขที่ #%s สถานะ: รอนำเข้า — ระบบจะตรวจและเผยแพร่ภายในไม่กี่นาที "
			   "<span lang=\"en\">Report #%s received: queued; it is checked and published within minutes.</span> "
			   "<a href=\"#q%s\">ดูสถานะ</a></p>", q, q, q);
	snprintf(sql, sizeof sql,
		 "SELECT p.id, p.title, p.start, p.end, p.allocated,"
		 " (SELECT max(date) FROM staff_reports x WHERE x.project_id = p.id),"
		 " (SELECT percent FROM staff_reports x WHERE x.project_id = p.id ORDER BY date DESC LIMIT 1),"
		 " (SELECT disbursed FROM staff_reports x WHERE x.project_id = p.id ORDER BY date DESC LIMIT 1)"
		 " FROM staff_projects p WHERE p.status = '' AND %s ORDER BY p.fiscal_year DESC, p.id LIMIT %d",
		 scope_sql(r), STAFF_MAX_PROJECTS);
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return;
	}
	sqlite3_bind_text(st, 1, r->person, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->group, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *last = (const char *)sqlite3_column_text(st, 5);
		const char *due = due_state(today, (const char *)sqlite3_column_text(st, 2),
					    (const char *)sqlite3_column_text(st, 3), last);
		if (n++ == 0)
			buf_adds(&r->out, "<ul class=\"projects\">");
		buf_adds(&r->out, "<li><h2>");
		staff_h(r, (const char *)sqlite3_column_text(st, 1));
		buf_adds(&r->out, "</h2><p class=\"small\">");
		staff_h(r, id);
		be_date(last, d1, sizeof d1);
		money(sqlite3_column_int64(st, 7), a, sizeof a);
		money(sqlite3_column_int64(st, 4), b, sizeof b);
		buf_printf(&r->out, "</p><p>รายงานล่าสุด <span lang=\"en\">(last report)</span>: %s · ความก้าวหน้าสะสม %lld%% · "
			   "เบิกจ่ายสะสม %s จาก %s บาท</p>", last ? d1 : "ยังไม่มี (none)",
			   (long long)(sqlite3_column_int64(st, 6) / 100), a, b);
		if (*due)
			buf_printf(&r->out, "<p class=\"due due-%s\">%s</p>", due,
				   strcmp(due, "done") == 0 ? "รายงานเดือนนี้แล้ว <span lang=\"en\">(reported this month)</span>" :
				   strcmp(due, "late") == 0 ? "ค้างรายงาน <span lang=\"en\">(late)</span>" :
				   "ถึงกำหนดรายงานเดือนนี้ <span lang=\"en\">(due this month)</span>");
		buf_adds(&r->out, "<p><a class=\"button\" href=\"");
		staff_h(r, r->base);
		buf_adds(&r->out, "/report?project=");
		staff_h(r, id);
		buf_adds(&r->out, "\">รายงานความก้าวหน้า <span lang=\"en\">Report progress</span></a></p></li>");
	}
	sqlite3_finalize(st);
	if (n)
		buf_adds(&r->out, "</ul>");
	else
		buf_adds(&r->out, "<p>ไม่มีโครงการที่ท่านรายงานได้ หากไม่ถูกต้อง ให้ผู้ดูแลระบบตรวจ roles ใน people.yaml "
			 "<span lang=\"en\">(No projects you may report on; ask the administrator to check your roles in "
			 "people.yaml.)</span></p>");
	submissions(r);
	print_kit_link(r);
	survey_link(r);
	staff_page_end(r);
}
