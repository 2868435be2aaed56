/* cases.c: the complaint desk (staffcgi.h).
 *
 * The cases are the collector's complaints, read read-only from its
 * database with `prongsai inbox`'s own reader (inbox_db_open_public: no
 * key; code, form, channel, date, category, district, subject and details;
 * the sealed personal values and attachments only as stored, ciphertext,
 * which the case page hands to desk.js to open with the officer's key file
 * on the officer's device: the server never opens them).  Their public side is
 * content/complaints/<CODE>.yaml as the build installed it
 * (staff_settings "case:<CODE>"), or the last answer still queued.  The
 * working days count the holidays the build installed (workdays.h).
 *
 * A complaint-officer sees the general channel, a corruption-officer the
 * corruption channel; a case outside one's roles is a 404, the same answer
 * as a code that does not exist.  An answer is the response file with one
 * more history entry (answer_yaml), checked with check's own code
 * (answer_check) and queued as an 'answer' for `prongsai import`. */
#include "staffcgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/answer.h"
#include "desk/inbox_db.h"
#include "derive/workdays.h"
#include "load/complaints.h"
#include "load/load.h"
#include "load/submissions.h"
#include "trackcode.h"
#include "utf8.h"
#include "formcheck.h"

#include <sodium.h>

#define NOTE_MAX 6000 /* bytes of a note or reason typed (the rule is check's: code points) */

struct desk {
	struct model m;           /* today, holidays, forms; the arena */
	struct inbox_db x;
	int general, corruption;  /* channels the person may see */
	int open;
};

struct kase {
	struct inbox_case c;
	pdate received;
	const struct complaint_resp *resp; /* NULL: nothing answered yet */
	int queued;               /* resp is an answer still queued */
	int corruption;
	int closed;
	pdate closed_on;
	int64_t days;             /* working days open (to the closing) */
	int overdue;
};

int staff_desk_role(const struct staff_req *r)
{
	return staff_has_role(r, "complaint-officer") || staff_has_role(r, "corruption-officer");
}

const char *staff_setting(struct staff_req *r, struct arena *a, const char *key)
{
	sqlite3_stmt *st;
	const char *v = NULL;

	if (sqlite3_prepare_v2(r->db, "SELECT value FROM staff_settings WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

const char *staff_collector_db(struct staff_req *r, struct arena *a)
{
	const char *db = getenv("PRONGSAI_DB");

	return db && *db ? db : staff_setting(r, a, "collector_db");
}

static const char *setting(struct staff_req *r, struct desk *dk, const char *key)
{
	return staff_setting(r, &dk->m.arena, key);
}

static void desk_close(struct desk *dk)
{
	if (dk->open)
		inbox_db_close(&dk->x);
	model_free(&dk->m);
}

/* The roles, the collector's database, today and the holidays.  0, or -1
 * with the error page set. */
static int desk_open(struct staff_req *r, struct desk *dk)
{
	const char *db, *hol;
	char err[1024];
	size_t n = 0, cap;

	memset(dk, 0, sizeof *dk);
	model_init(&dk->m);
	dk->general = staff_has_role(r, "complaint-officer");
	dk->corruption = staff_has_role(r, "corruption-officer");
	if (!dk->general && !dk->corruption) {
		staff_error(r, 403, "ท่านไม่มีสิทธิ์ดูเรื่องร้องเรียน (ต้องมีบทบาท complaint-officer หรือ corruption-officer ใน people.yaml)",
			    "You may not see complaints (the complaint-officer or corruption-officer role is needed).");
		fprintf(stderr, "staff.cgi: 403: no complaint desk role\n");
		return -1;
	}
	db = staff_collector_db(r, &dk->m.arena);
	if (!db || inbox_db_open_public(&dk->x, db, 0, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", db ? err : "no collector database (PRONGSAI_DB, or build --db)");
		staff_error(r, 503, "ยังเปิดฐานข้อมูลเรื่องร้องเรียนไม่ได้ กรุณาลองใหม่ภายหลัง",
			    "The complaints database is not available yet.");
		return -1;
	}
	dk->open = 1;
	dk->m.today = staff_today(r);
	dk->m.forms = dk->x.forms;
	dk->m.n_forms = dk->x.n_forms;
	hol = setting(r, dk, "holidays");
	cap = hol ? strlen(hol) / 10 + 1 : 1;
	dk->m.holidays = arena_alloc(&dk->m.arena, cap * sizeof *dk->m.holidays);
	while (hol && *hol && n < cap) {
		char iso[11];
		int be;
		snprintf(iso, sizeof iso, "%.10s", hol);
		if (date_parse(iso, &dk->m.holidays[n], &be) == DATE_OK)
			n++;
		hol += strcspn(hol, " ");
		hol += strspn(hol, " ");
	}
	dk->m.n_holidays = n;
	return 0;
}

/* The newest answer to code still in the queue (its file's text), or NULL. */
static const char *queued_answer(struct staff_req *r, struct desk *dk, const char *code)
{
	sqlite3_stmt *st;
	const char *v = NULL;

	if (sqlite3_prepare_v2(r->db, "SELECT f.data FROM queue q JOIN queue_files f ON f.queue_id = q.id "
			       "WHERE q.kind = 'answer' AND q.subject = ?1 AND q.state = 'queued' "
			       "ORDER BY q.id DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		char *s = arena_alloc(&dk->m.arena, n + 1);
		if (n)
			memcpy(s, b, n);
		s[n] = '\0';
		if (utf8_valid(s, n, NULL) && !memchr(s, '\0', n))
			v = s;
	}
	sqlite3_finalize(st);
	return v;
}

/* The case's public side now: the last queued answer, else the build's. */
static void current(struct staff_req *r, struct desk *dk, struct kase *k)
{
	char key[64];
	const char *text = queued_answer(r, dk, k->c.code);
	struct diags d;

	k->queued = text != NULL;
	if (!text) {
		snprintf(key, sizeof key, "case:%s", k->c.code);
		text = setting(r, dk, key);
	}
	k->resp = NULL;
	if (text) {
		char rel[64];
		diags_init(&d, LANG_TH);
		snprintf(rel, sizeof rel, "complaints/%s.yaml", k->c.code);
		k->resp = load_complaint_text(&dk->m, rel, text, strlen(text), &d);
		diags_free(&d);
	}
}

/* Fill k from its row: visible to the person?  1 yes, 0 no. */
static int kase_fill(struct staff_req *r, struct desk *dk, const struct inbox_case *c, struct kase *k)
{
	memset(k, 0, sizeof *k);
	k->c = *c;
	k->corruption = strcmp(c->channel, "corruption") == 0;
	if (k->corruption ? !dk->corruption : !dk->general)
		return 0;
	if (subs_parse_created(c->created_at, &k->received) != 0)
		k->received = dk->m.today;
	current(r, dk, k);
	if (k->resp && k->resp->n_history) {
		const struct case_event *last = &k->resp->history[k->resp->n_history - 1];
		k->closed = case_status_closed(last->status);
		k->closed_on = last->date;
	}
	k->days = workdays_between(&dk->m, k->received, k->closed ? k->closed_on : dk->m.today);
	k->overdue = !k->closed && k->days > COMPLAINT_DUE_WORKDAYS;
	return 1;
}

/* The label of value in field name of the case's form, or value itself. */
static const char *choice_label(struct desk *dk, const char *form_id, const char *name, const char *value)
{
	const struct form_def *f = inbox_db_form(&dk->x, form_id);
	size_t i, j;

	for (i = 0; f && i < f->n_fields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			for (j = 0; j < f->fields[i].n_choices; j++)
				if (strcmp(f->fields[i].choices[j].value, value) == 0)
					return f->fields[i].choices[j].label_th;
	return value;
}

static const char *status_th(const struct kase *k)
{
	return k->resp && k->resp->n_history ? case_status_label_th(k->resp->history[k->resp->n_history - 1].status)
					      : "ยังไม่ตอบ (รับเรื่องอัตโนมัติ)";
}

static void days_line(struct staff_req *r, const struct kase *k)
{
	buf_printf(&r->out, "<span class=\"days%s\">%s %lld วันทำการ <span lang=\"en\">(%lld working days)</span> "
		   "จากกำหนด %d วันทำการ%s</span>", k->overdue ? " due-late" : "",
		   k->closed ? "ปิดเรื่องใน" : "เปิดมาแล้ว", (long long)k->days, (long long)k->days,
		   COMPLAINT_DUE_WORKDAYS, k->overdue ? " — เกินกำหนด <span lang=\"en\">(overdue)</span>" : "");
}

static void last_answer(struct staff_req *r, const struct kase *k)
{
	const struct case_event *e;
	char d[16];

	if (!k->resp || !k->resp->n_history) {
		buf_adds(&r->out, "<p class=\"small\">ยังไม่มีคำตอบสาธารณะ <span lang=\"en\">(no public answer yet)</span></p>");
		return;
	}
	e = &k->resp->history[k->resp->n_history - 1];
	staff_be_date(e->date, d, sizeof d);
	buf_printf(&r->out, "<p class=\"answer\">คำตอบล่าสุด <span lang=\"en\">(last public answer)</span> %s: ", d);
	staff_h(r, e->note);
	if (e->reason) {
		buf_adds(&r->out, " — เหตุผล: ");
		staff_h(r, e->reason);
	}
	if (k->queued)
		buf_adds(&r->out, " <em>(รอนำเข้า <span lang=\"en\">queued</span>)</em>");
	buf_adds(&r->out, "</p>");
}

static void desk_nav(struct staff_req *r, const struct desk *dk, const char *filter, const char *order)
{
	static const char *const fs[][3] = { { "", "ทั้งหมด", "all" }, { "open", "ยังไม่ปิด", "open" },
					      { "overdue", "เกินกำหนด", "overdue" },
					      { "corruption", "เรื่องทุจริต", "corruption" } };
	size_t i;

	buf_adds(&r->out, "<nav aria-label=\"ตัวกรอง\"><p class=\"filters\">");
	for (i = 0; i < sizeof fs / sizeof fs[0]; i++) {
		if (i == 3 && !dk->corruption)
			continue;
		buf_adds(&r->out, "<a href=\"");
		staff_h(r, r->base);
		buf_printf(&r->out, "/cases?filter=%s&amp;order=%s\"%s>%s <span lang=\"en\">(%s)</span></a> ", fs[i][0], order,
			   strcmp(filter, fs[i][0]) == 0 ? " aria-current=\"page\"" : "", fs[i][1], fs[i][2]);
	}
	buf_adds(&r->out, "· <a href=\"");
	staff_h(r, r->base);
	buf_printf(&r->out, "/cases?filter=%s&amp;order=%s\">%s</a></p></nav>", filter,
		   strcmp(order, "old") == 0 ? "new" : "old",
		   strcmp(order, "old") == 0 ? "ใหม่ก่อน <span lang=\"en\">(newest first)</span>"
					     : "เก่าก่อน <span lang=\"en\">(oldest first)</span>");
}

struct collect {
	struct staff_req *r;
	struct desk *dk;
	struct kase *k;
	size_t n;                 /* listed: at most STAFF_MAX_CASES - 1 */
	size_t dropped;           /* older ones left out */
	const char *filter;
};

static int collect_one(void *ctx, const struct inbox_case *c)
{
	struct collect *cl = ctx;
	struct kase *k = &cl->k[cl->n];

	if (!kase_fill(cl->r, cl->dk, c, k))
		return 0;
	if ((strcmp(cl->filter, "open") == 0 && k->closed) || (strcmp(cl->filter, "overdue") == 0 && !k->overdue) ||
	    (strcmp(cl->filter, "corruption") == 0 && !k->corruption))
		return 0;
	if (cl->n + 1 < STAFF_MAX_CASES) {
		cl->n++;
		return 0;
	}
	/* full: the newest STAFF_MAX_CASES - 1 are kept (the rows come oldest first) */
	memmove(cl->k, cl->k + 1, (STAFF_MAX_CASES - 1) * sizeof *cl->k);
	cl->dropped++;
	return 0;
}

void staff_cases(struct staff_req *r)
{
	struct desk dk;
	struct collect cl;
	char filter[16] = "", order[8] = "new", err[1024], d[16], iso[11];
	size_t i;
	int rc;

	if (desk_open(r, &dk) != 0) {
		desk_close(&dk);
		return;
	}
	if (staff_query_get(r->query, "filter", filter, sizeof filter) != 0 ||
	    (strcmp(filter, "open") && strcmp(filter, "overdue") && strcmp(filter, "corruption")))
		filter[0] = '\0';
	if (staff_query_get(r->query, "order", order, sizeof order) != 0 || strcmp(order, "old") != 0)
		snprintf(order, sizeof order, "new");
	memset(&cl, 0, sizeof cl);
	cl.r = r;
	cl.dk = &dk;
	cl.filter = filter;
	cl.k = arena_alloc(&dk.m.arena, STAFF_MAX_CASES * sizeof *cl.k);
	rc = inbox_each_case(&dk.x, collect_one, &cl, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 503, "อ่านฐานข้อมูลเรื่องร้องเรียนไม่ได้ กรุณาลองใหม่ภายหลัง", "The complaints database could not be read.");
		desk_close(&dk);
		return;
	}
	staff_head(r, 200, NULL);
	staff_page_top(r, "เรื่องร้องเรียน");
	buf_adds(&r->out, "<h1>เรื่องร้องเรียน <span lang=\"en\">Complaint desk</span></h1><p class=\"small\">");
	buf_adds(&r->out, dk.general && dk.corruption ? "เรื่องร้องเรียนทั่วไปและเรื่องแจ้งเบาะแสการทุจริต"
			  : dk.general ? "เรื่องร้องเรียนทั่วไป (เรื่องทุจริตเห็นเฉพาะผู้มีบทบาท corruption-officer)"
				       : "เรื่องแจ้งเบาะแสการทุจริต");
	buf_printf(&r->out, " · ตอบภายใน %d วันทำการ <span lang=\"en\">(answered within %d working days)</span></p>",
		   COMPLAINT_DUE_WORKDAYS, COMPLAINT_DUE_WORKDAYS);
	if (staff_query_get(r->query, "queued", d, sizeof d) == 0 && *d && strspn(d, "0123456789") == strlen(d))
		buf_printf(&r->out, "<p class=\"ok\" role=\"status\">รับคำตอบแล้ว เลขที่ #%s สถานะ: รอนำเข้า — ระบบจะตรวจ commit "
			   "และเผยแพร่ในหน้าติดตามเรื่องภายในไม่กี่นาที <span lang=\"en\">Answer #%s received: queued; it is "
			   "checked, committed and published on the tracking page within minutes.</span></p>", d, d);
	desk_nav(r, &dk, filter, order);
	if (cl.n == 0)
		buf_adds(&r->out, "<p>ไม่มีเรื่อง <span lang=\"en\">(No cases.)</span></p>");
	else
		buf_printf(&r->out, "<p class=\"small\">%zu เรื่อง <span lang=\"en\">(cases)</span>%s</p><ul class=\"cases\">",
			   cl.n, cl.dropped ? " (แสดงเฉพาะเรื่องล่าสุด ใช้ตัวกรองหรือ prongsai inbox list สำหรับเรื่องที่เก่ากว่า "
					      "<span lang=\"en\">newest only: use a filter or prongsai inbox list for older ones</span>)" : "");
	for (i = 0; i < cl.n; i++) {
		const struct kase *k = &cl.k[strcmp(order, "old") == 0 ? i : cl.n - 1 - i];
		staff_be_date(k->received, d, sizeof d);
		buf_adds(&r->out, "<li><h2><a href=\"");
		staff_h(r, r->base);
		buf_printf(&r->out, "/case?code=%s\"><code>%s</code></a></h2><p>%s · ", k->c.code, k->c.code,
			   k->corruption ? "แจ้งเบาะแสการทุจริต <span lang=\"en\">(corruption)</span>"
					 : "ร้องเรียนทั่วไป <span lang=\"en\">(complaint)</span>");
		staff_h(r, k->c.category[0] ? choice_label(&dk, k->c.form_id, "category", k->c.category) : "-");
		buf_adds(&r->out, " · ");
		staff_h(r, k->c.district[0] ? choice_label(&dk, k->c.form_id, "district", k->c.district) : "-");
		date_iso(k->received, iso);
		buf_printf(&r->out, "</p><p>รับเรื่อง <span lang=\"en\">(received)</span> <time datetime=\"%s\">%s</time> · ",
			   iso, d);
		days_line(r, k);
		buf_printf(&r->out, "</p><p>สถานะ <span lang=\"en\">(status)</span>: <strong class=\"case-status\">%s</strong></p>",
			   status_th(k));
		last_answer(r, k);
		buf_adds(&r->out, "</li>");
	}
	if (cl.n)
		buf_adds(&r->out, "</ul>");
	if (staff_has_role(r, "admin")) {
		buf_adds(&r->out, "<p><a href=\"");
		staff_h(r, r->base);
		buf_adds(&r->out, "/purge\">ลบข้อมูลส่วนบุคคลเมื่อพ้นระยะเวลาเก็บรักษา <span lang=\"en\">(Purge after the retention period)</span></a></p>");
	}
	staff_page_end(r);
	desk_close(&dk);
}

/* The visible case of the code in s, into k.  0, or -1 with a 404 set. */
static int find_visible(struct staff_req *r, struct desk *dk, const char *s, struct kase *k)
{
	char code[TRACKCODE_SIZE], err[1024] = "";
	struct inbox_case c;
	int rc = -1;

	if (s && trackcode_normalize(s, code) == 0)
		rc = inbox_find_case(&dk->x, code, &c, err, sizeof err);
	if (rc < 0 && s && *err)
		fprintf(stderr, "staff.cgi: %s\n", err);
	if (rc != 0 || !kase_fill(r, dk, &c, k)) {
		/* the same answer for a case of another channel as for none */
		staff_error(r, 404, "ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์ดูเรื่องนี้", "No such case.");
		fprintf(stderr, "staff.cgi: 404: no such case in the person's channels\n");
		return -1;
	}
	return 0;
}

/* bytes as standard base64 (libsodium's) into the page */
static void b64(struct staff_req *r, struct desk *dk, const unsigned char *data, size_t len)
{
	size_t n = sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL);
	char *s = arena_alloc(&dk->m.arena, n);

	sodium_bin2base64(s, n, data, len, sodium_base64_VARIANT_ORIGINAL);
	buf_adds(&r->out, s);
}

struct att_list {
	struct staff_req *r;
	const struct kase *k;
};

static int att_item(void *ctx, const struct inbox_attachment *a, const unsigned char *data, size_t len)
{
	struct att_list *al = ctx;

	(void)data;
	(void)len;
	buf_printf(&al->r->out, "<li data-n=\"%d\" data-type=\"", a->position);
	staff_h(al->r, a->media_type);
	buf_printf(&al->r->out, "\" data-sealed=\"%d\" data-name=\"%s-%d.%s\">ไฟล์แนบ %d <span lang=\"en\">(attachment %d)</span>, "
		   "%lld ไบต์</li>", a->sealed, al->k->c.code, a->position + 1, inbox_media_ext(a->media_type),
		   a->position + 1, a->position + 1, (long long)a->size);
	return 0;
}

/* The complainant's personal data: ciphertext only.  Without JavaScript
 * the page says it stays sealed and names `prongsai inbox show`; with it,
 * desk.js opens it with the officer's key file on the officer's device
 * (libsodium's crypto_box_seal_open), the key never leaving the page. */
static void personal_section(struct staff_req *r, struct desk *dk, const struct kase *k)
{
	const struct form_def *f = inbox_db_form(&dk->x, k->c.form_id);
	const unsigned char *sealed = NULL;
	const char *pk = NULL;
	sqlite3_stmt *st;
	struct att_list al = { r, k };
	size_t slen = 0, i;
	char err[1024], root[1024];

	if (sqlite3_prepare_v2(dk->x.db, "SELECT value FROM settings WHERE key = 'public_key'", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			pk = arena_strdup(&dk->m.arena, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (inbox_sealed_raw(&dk->x, k->c.id, &dk->m.arena, &sealed, &slen, err, sizeof err) != 0)
		fprintf(stderr, "staff.cgi: %s\n", err);
	buf_adds(&r->out, "<h2 id=\"personal-title\">ข้อมูลส่วนบุคคลของผู้ร้อง <span lang=\"en\">The complainant's personal data</span></h2>"
		 "<section id=\"personal\" aria-labelledby=\"personal-title\" data-pk=\"");
	staff_h(r, pk ? pk : "");
	buf_adds(&r->out, "\" data-sealed=\"");
	if (sealed)
		b64(r, dk, sealed, slen);
	buf_adds(&r->out, "\" data-att-url=\"");
	staff_h(r, r->base);
	buf_printf(&r->out, "/attachment?code=%s&amp;n=\">", k->c.code);
	buf_printf(&r->out, "<p class=\"sealed\">ข้อมูลส่วนบุคคล (ชื่อ โทรศัพท์ อีเมล)%s ถูกเข้ารหัสไว้ด้วยกุญแจสาธารณะของสำนักงาน "
		   "เซิร์ฟเวอร์ไม่มีกุญแจลับ จึงส่งมาเฉพาะข้อมูลที่เข้ารหัสแล้ว เปิดอ่านได้บนเครื่องของท่านเท่านั้น: "
		   "ในหน้านี้ด้วยแฟ้มกุญแจของท่าน (ต้องเปิด JavaScript) หรือด้วยคำสั่ง "
		   "<code>prongsai inbox show %s</code> (ดูคู่มือ docs/complaint-desk.md) "
		   "<span lang=\"en\">The personal data%s stays sealed with the office's public key; the server has no "
		   "secret key and sends only ciphertext. Open it on your own device: on this page with your key file "
		   "(JavaScript needed), or with <code>prongsai inbox show %s</code>.</span></p>",
		   k->c.n_attachments ? " และไฟล์แนบ " : "", k->c.code, k->c.n_attachments ? " and the attachments" : "",
		   k->c.code);
	if (!sealed && !k->c.n_attachments) {
		buf_adds(&r->out, k->c.purged_at[0] ? "<p>ลบข้อมูลส่วนบุคคลแล้วเมื่อพ้นระยะเวลาเก็บรักษา <span lang=\"en\">(purged)</span></p>"
						  : "<p>ไม่มีข้อมูลส่วนบุคคล <span lang=\"en\">(none given)</span></p>");
	}
	buf_adds(&r->out, "<div id=\"key-opener\" hidden><label for=\"key-file\">แฟ้มกุญแจลับของท่าน "
		 "<span lang=\"en\">Your secret key file</span> (inbox.key)</label><p class=\"small\">"
		 "เบราว์เซอร์อ่านแฟ้มนี้ไว้ในหน่วยความจำของหน้านี้เท่านั้น ไม่ส่งไปที่ใด และลืมเมื่อปิดหน้า "
		 "<span lang=\"en\">(read into this page's memory only, never sent, forgotten when the page closes)</span></p>"
		 "<input type=\"file\" id=\"key-file\" accept=\".key,text/plain\">"
		 "<p id=\"key-msg\" role=\"alert\"></p><dl class=\"values\" id=\"personal-values\" hidden></dl></div>");
	buf_adds(&r->out, "<ul hidden id=\"personal-labels\">");
	for (i = 0; f && i < f->n_fields; i++) {
		if (!field_sealed(f, &f->fields[i]))
			continue;
		buf_adds(&r->out, "<li data-name=\"");
		staff_h(r, f->fields[i].name);
		buf_adds(&r->out, "\">");
		staff_h(r, f->fields[i].label_th);
		buf_adds(&r->out, "</li>");
	}
	buf_adds(&r->out, "</ul>");
	if (k->c.n_attachments) {
		buf_adds(&r->out, "<ul class=\"attachments\" id=\"attachments\">");
		if (inbox_each_attachment(&dk->x, k->c.id, 0, att_item, &al, err, sizeof err) != 0)
			fprintf(stderr, "staff.cgi: %s\n", err);
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "</section>");
	staff_site_root(r, root, sizeof root);
	buf_adds(&r->out, "<script src=\"");
	staff_h(r, root);
	buf_adds(&r->out, "assets/js/vendor/libsodium.js\"></script><script src=\"");
	staff_h(r, root);
	buf_adds(&r->out, "assets/js/vendor/libsodium-wrappers.js\"></script><script src=\"");
	staff_h(r, root);
	buf_adds(&r->out, "assets/js/desk.js\"></script>");
}

struct answer_form {
	const char *status, *date, *note, *reason;
	const char *error;        /* for the whole form */
};

static const enum case_status offered[] = { CS_RECEIVED, CS_UNDER_REVIEW, CS_IN_PROGRESS, CS_FORWARDED,
					      CS_RESOLVED, CS_REJECTED };

static void case_render(struct staff_req *r, struct desk *dk, const struct kase *k, const struct answer_form *af,
			int status)
{
	struct form_data *pub = calloc(1, sizeof *pub);
	char d[16], err[1024];
	size_t i;

	r->scripts = 1; /* the key opener (desk.js) */
	staff_head(r, status, NULL);
	staff_page_top(r, k->c.code);
	buf_printf(&r->out, "<h1>เรื่อง <span lang=\"en\">Case</span> <code>%s</code></h1><p>%s · ", k->c.code,
		   k->corruption ? "แจ้งเบาะแสการทุจริต (corruption)" : "ร้องเรียนทั่วไป (complaint)");
	staff_be_date(k->received, d, sizeof d);
	buf_printf(&r->out, "รับเรื่อง %s · ", d);
	days_line(r, k);
	buf_printf(&r->out, "</p><p>สถานะ <span lang=\"en\">(status)</span>: <strong class=\"case-status\">%s</strong></p>",
		   status_th(k));
	/* what the citizen wrote that is not personal data: the public values */
	if (pub && inbox_public_values(&dk->x, k->c.id, &dk->m.arena, pub, err, sizeof err) == 0 && pub->n) {
		buf_adds(&r->out, "<h2>รายละเอียดเรื่อง <span lang=\"en\">Details</span></h2><dl class=\"values\">");
		for (i = 0; i < pub->n; i++) {
			const char *v = pub->parts[i].value;
			if (strcmp(pub->parts[i].name, "category") == 0 || strcmp(pub->parts[i].name, "district") == 0)
				v = choice_label(dk, k->c.form_id, pub->parts[i].name, v);
			buf_adds(&r->out, "<dt>");
			staff_h(r, pub->parts[i].name);
			buf_adds(&r->out, "</dt><dd>");
			staff_h(r, v);
			buf_adds(&r->out, "</dd>");
		}
		buf_adds(&r->out, "</dl>");
	}
	free(pub);
	personal_section(r, dk, k);
	buf_adds(&r->out, "<h2>คำตอบที่เผยแพร่ <span lang=\"en\">Public answers</span></h2>");
	if (!k->resp || !k->resp->n_history) {
		buf_adds(&r->out, "<p>ยังไม่มี หน้าติดตามเรื่องแสดง \"รับเรื่องแล้ว\" <span lang=\"en\">(none yet)</span></p>");
	} else {
		buf_adds(&r->out, "<ol class=\"history\">");
		for (i = 0; i < k->resp->n_history; i++) {
			const struct case_event *e = &k->resp->history[i];
			staff_be_date(e->date, d, sizeof d);
			buf_printf(&r->out, "<li>%s <strong>%s</strong>: ", d, case_status_label_th(e->status));
			staff_h(r, e->note);
			if (e->reason) {
				buf_adds(&r->out, " — เหตุผล: ");
				staff_h(r, e->reason);
			}
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ol>");
		if (k->queued)
			buf_adds(&r->out, "<p class=\"small\">คำตอบล่าสุดรอนำเข้า <span lang=\"en\">(the last answer is queued)</span></p>");
	}
	buf_adds(&r->out, "<h2 id=\"answer\">ตอบเรื่อง <span lang=\"en\">Answer</span></h2>");
	if (af && af->error) {
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"form-error\">ยังไม่ได้ส่ง: ");
		staff_h(r, af->error);
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/answer\"><input type=\"hidden\" name=\"csrf\" value=\"");
	staff_h(r, r->csrf);
	buf_printf(&r->out, "\"><input type=\"hidden\" name=\"code\" value=\"%s\">"
		   "<label for=\"f-status\">สถานะ <span lang=\"en\">Status</span></label><select id=\"f-status\" name=\"status\">",
		   k->c.code);
	for (i = 0; i < sizeof offered / sizeof offered[0]; i++) {
		const char *nm = case_status_name(offered[i]);
		buf_printf(&r->out, "<option value=\"%s\"%s>%s (%s)</option>", nm,
			   af && af->status && strcmp(af->status, nm) == 0 ? " selected" : "",
			   case_status_label_th(offered[i]), case_status_label_en(offered[i]));
	}
	staff_be_date(dk->m.today, d, sizeof d);
	buf_adds(&r->out, "</select><label for=\"f-date\">วันที่ (วัน/เดือน/ปี พ.ศ.) <span lang=\"en\">Date</span></label>"
		 "<input id=\"f-date\" name=\"date\" type=\"text\" inputmode=\"numeric\" value=\"");
	staff_h(r, af && af->date ? af->date : d);
	buf_printf(&r->out, "\"><label for=\"f-note\">คำตอบที่เผยแพร่ในหน้าติดตามเรื่อง <span lang=\"en\">Public answer</span></label>"
		   "<p class=\"small\">ทุกคนที่มีรหัสเห็นข้อความนี้ ห้ามใส่ชื่อหรือข้อมูลที่ระบุตัวผู้ร้อง "
		   "<span lang=\"en\">(anyone with the code reads it: no names, nothing that identifies the complainant)</span></p>"
		   "<textarea id=\"f-note\" name=\"note\" rows=\"5\" maxlength=\"%d\">", NOTE_MAX);
	staff_h(r, af ? af->note : NULL);
	buf_printf(&r->out, "</textarea><label for=\"f-reason\">เหตุผล (เมื่อดำเนินการแล้วเสร็จหรือยุติเรื่อง) "
		   "<span lang=\"en\">Reason (when resolved or rejected)</span></label>"
		   "<textarea id=\"f-reason\" name=\"reason\" rows=\"3\" maxlength=\"%d\">", NOTE_MAX);
	staff_h(r, af ? af->reason : NULL);
	buf_adds(&r->out, "</textarea><button type=\"submit\">ส่งคำตอบ <span lang=\"en\">Send the answer</span></button></form>"
		 "<p><a href=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/cases\">กลับไปรายการเรื่อง <span lang=\"en\">(All cases)</span></a></p>");
	staff_page_end(r);
}

void staff_case_page(struct staff_req *r)
{
	struct desk dk;
	struct kase k;
	char code[64];

	if (desk_open(r, &dk) == 0 &&
	    find_visible(r, &dk, staff_query_get(r->query, "code", code, sizeof code) == 0 ? code : NULL, &k) == 0)
		case_render(r, &dk, &k, NULL, 200);
	desk_close(&dk);
}

void staff_attachment(struct staff_req *r)
{
	struct desk dk;
	struct kase k;
	struct inbox_attachment a;
	const unsigned char *data;
	size_t len;
	char code[64], n[8], err[1024];
	int rc = 1;

	if (desk_open(r, &dk) == 0 &&
	    find_visible(r, &dk, staff_query_get(r->query, "code", code, sizeof code) == 0 ? code : NULL, &k) == 0) {
		if (staff_query_get(r->query, "n", n, sizeof n) == 0 && *n && strspn(n, "0123456789") == strlen(n) &&
		    strlen(n) < 3)
			rc = inbox_attachment_raw(&dk.x, k.c.id, atoi(n), &dk.m.arena, &a, &data, &len, err, sizeof err);
		if (rc < 0)
			fprintf(stderr, "staff.cgi: %s\n", err);
		if (rc != 0) {
			staff_error(r, 404, "ไม่พบไฟล์แนบนี้", "No such attachment.");
		} else {
			/* as stored: sealed files stay ciphertext, opened by desk.js */
			buf_reset(&r->out);
			buf_printf(&r->out, "Status: 200 OK\r\nContent-Type: application/octet-stream\r\n"
				   "Content-Disposition: attachment\r\nCache-Control: no-store\r\n"
				   "X-Robots-Tag: noindex, nofollow\r\nX-Content-Type-Options: nosniff\r\n"
				   "Referrer-Policy: same-origin\r\nContent-Security-Policy: default-src 'none'; "
				   "frame-ancestors 'none'\r\nContent-Length: %zu\r\n\r\n", len);
			buf_add(&r->out, data, len);
		}
	}
	desk_close(&dk);
}

/* A text field of the POST: UTF-8 without NUL, CRs dropped, trimmed, at
 * most NOTE_MAX bytes; "" when absent; NULL when not acceptable. */
static const char *take(struct desk *dk, struct form_data *fd, const char *name)
{
	const struct form_part *pt = staff_part(fd, name);
	char *s;
	size_t i, o = 0;

	if (!pt || pt->is_file)
		return "";
	if (pt->len > NOTE_MAX || memchr(pt->value, '\0', pt->len) || !utf8_valid(pt->value, pt->len, NULL))
		return NULL;
	s = arena_alloc(&dk->m.arena, pt->len + 1);
	for (i = 0; i < pt->len; i++)
		if (pt->value[i] != '\r')
			s[o++] = pt->value[i];
	while (o && (s[o - 1] == ' ' || s[o - 1] == '\n' || s[o - 1] == '\t'))
		o--;
	s[o] = '\0';
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	return s;
}

void staff_answer_post(struct staff_req *r, struct form_data *fd)
{
	const struct form_part *cp = staff_part(fd, "code");
	struct desk dk;
	struct kase k;
	struct answer_form af;
	struct case_event ev;
	struct diags d;
	struct staffdb_file file;
	struct staffdb_entry e;
	char code[64] = "", err[512], iso[11], rel[64];
	const struct complaint_resp *checked;
	char *yaml = NULL;
	int64_t qid;
	size_t i;

	if (cp && !cp->is_file && cp->len < sizeof code && !memchr(cp->value, '\0', cp->len))
		snprintf(code, sizeof code, "%.*s", (int)cp->len, cp->value);
	if (desk_open(r, &dk) != 0 || find_visible(r, &dk, code, &k) != 0) {
		desk_close(&dk);
		return;
	}
	memset(&af, 0, sizeof af);
	memset(&ev, 0, sizeof ev);
	af.status = take(&dk, fd, "status");
	af.date = take(&dk, fd, "date");
	af.note = take(&dk, fd, "note");
	af.reason = take(&dk, fd, "reason");
	if (!af.status || !af.date || !af.note || !af.reason)
		af.error = "ข้อความยาวเกินไปหรือมีอักขระที่ใช้ไม่ได้ / a text is too long or has invalid characters";
	else if (case_status_parse(af.status, &ev.status) != 0)
		af.error = "กรุณาเลือกสถานะ / choose a status";
	else if (staff_parse_date(&dk.m.arena, af.date, &ev.date) != 0)
		af.error = "วันที่ไม่ถูกต้อง ใช้ วัน/เดือน/ปี พ.ศ. เช่น 30/11/2569 / not a date (day/month/BE year)";
	if (af.error) {
		case_render(r, &dk, &k, &af, 422);
		desk_close(&dk);
		return;
	}
	ev.note = *af.note ? af.note : NULL;
	ev.reason = *af.reason ? af.reason : NULL;
	yaml = answer_yaml(k.resp, &ev);
	if (!yaml) {
		af.error = "บันทึกการตอบยาวเกินไป / the response file is too long";
		case_render(r, &dk, &k, &af, 422);
		desk_close(&dk);
		return;
	}
	/* check's own rules, on the file as check will read it */
	diags_init(&d, LANG_TH);
	checked = answer_check(&dk.m, k.c.code, yaml, k.received, &d);
	for (i = 0; i < d.n && !af.error; i++)
		if (d.items[i].level == DIAG_ERROR)
			af.error = arena_strdup(&dk.m.arena, d.items[i].msg);
	if (!af.error && (!checked || d.errors))
		af.error = "บันทึกการตอบไม่ผ่านการตรวจ / the answer does not pass the check";
	diags_free(&d);
	if (af.error) {
		fprintf(stderr, "staff.cgi: 422: answer refused by the rules\n");
		case_render(r, &dk, &k, &af, 422);
		free(yaml);
		desk_close(&dk);
		return;
	}
	snprintf(rel, sizeof rel, "complaints/%s.yaml", k.c.code);
	file.path = rel;
	file.data = (const unsigned char *)yaml;
	file.len = strlen(yaml);
	date_iso(ev.date, iso);
	e.kind = "answer";
	e.person_id = r->person;
	e.subject = k.c.code;
	e.message = arena_printf(&dk.m.arena, "ตอบเรื่องร้องเรียน %s: %s\n\nAnswer to case %s: %s (%s), from the staff desk.",
				 k.c.code, case_status_label_th(ev.status), k.c.code, case_status_name(ev.status), iso);
	if (staffdb_enqueue(r->db, &e, &file, 1, r->now, &qid, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 500, "บันทึกคำตอบไม่ได้ กรุณาลองใหม่ภายหลัง", "The answer could not be saved: try again later.");
	} else {
		char path[64];
		snprintf(path, sizeof path, "/cases?queued=%lld", (long long)qid);
		staff_redirect(r, path, NULL);
	}
	free(yaml);
	desk_close(&dk);
}
