/* respond.c: see respond.h. */
#include "respond.h"
#include "fdio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "formcheck.h"
#include "origin.h"

struct message {
	int status;
	const char *code;              /* JSON "error" */
	const char *title_th, *title_en;
	const char *todo_th, *todo_en; /* what to do */
};

static const struct message messages[] = {
	{ 400, "bad_request", "ข้อมูลที่ส่งมาอ่านไม่ได้", "The form data could not be read",
	  "กรุณากลับไปที่แบบฟอร์ม ตรวจสอบว่าข้อความไม่มีอักขระพิเศษ แล้วส่งใหม่อีกครั้ง",
	  "Go back to the form, check the text for unusual characters, and send it again." },
	{ 403, "forbidden_origin", "ส่งแบบฟอร์มได้จากเว็บไซต์ของสำนักงานเท่านั้น",
	  "This form can only be sent from the office's own website",
	  "กรุณาเปิดแบบฟอร์มจากเว็บไซต์ของสำนักงาน แล้วส่งจากหน้านั้น",
	  "Open the form on the office's website and send it from there." },
	{ 404, "unknown_form", "ไม่พบแบบฟอร์มนี้", "There is no such form",
	  "กรุณาเลือกแบบฟอร์มจากหน้าแรกของเว็บไซต์", "Choose a form from the website's home page." },
	{ 405, "method_not_allowed", "กรุณาส่งข้อมูลผ่านแบบฟอร์ม", "Please use the form",
	  "เปิดหน้าแบบฟอร์ม กรอกข้อมูล แล้วกดปุ่มส่ง", "Open the form page, fill it in and press Send." },
	{ 411, "length_required", "เบราว์เซอร์ส่งข้อมูลในรูปแบบที่ระบบรับไม่ได้", "The data was sent in a way this system cannot take",
	  "ยังไม่ได้บันทึกเรื่องของท่าน กรุณาส่งจากแบบฟอร์มบนเว็บไซต์ด้วยเบราว์เซอร์ทั่วไป หรือติดต่อสำนักงาน",
	  "Nothing was saved. Send it from the form on the website with an ordinary browser, or contact the office." },
	{ 413, "too_large", "ข้อมูลหรือไฟล์แนบมีขนาดใหญ่เกินไป", "The form data or its attachments are too large",
	  "แนบไฟล์ได้ไม่เกิน 3 ไฟล์ ไฟล์ละไม่เกิน 5 MB กรุณาย่อขนาดรูปภาพหรือลดจำนวนไฟล์ แล้วส่งใหม่",
	  "Attach at most 3 files of at most 5 MB each: make the pictures smaller or send fewer, and try again." },
	{ 415, "unsupported_media_type", "รูปแบบข้อมูลนี้ไม่รองรับ", "This kind of data is not accepted",
	  "กรุณาส่งข้อมูลจากแบบฟอร์มบนเว็บไซต์ของสำนักงาน", "Send it from the form on the office's website." },
	{ 422, "invalid_fields", "กรุณาแก้ไขข้อมูลต่อไปนี้", "Please correct the following",
	  "กลับไปที่แบบฟอร์ม (ปุ่มย้อนกลับของเบราว์เซอร์มักเก็บข้อความที่กรอกไว้) แก้ไขแล้วส่งใหม่ ยังไม่มีการบันทึกเรื่องของท่าน",
	  "Go back to the form (your browser's Back button usually keeps what you typed), correct it and send it again. Nothing has been saved yet." },
	{ 429, "rate_limited", "ส่งบ่อยเกินไป", "Too many submissions from your connection",
	  "ยังไม่ได้บันทึกเรื่องนี้ กรุณารอสักครู่แล้วส่งใหม่ หรือติดต่อสำนักงานทางโทรศัพท์",
	  "This one was not saved. Please wait a while and send it again, or call the office." },
	{ 500, "internal_error", "เกิดข้อผิดพลาดภายในระบบ", "Something went wrong on our side",
	  "ยังไม่ได้บันทึกเรื่องของท่าน กรุณาลองใหม่ภายหลัง หรือติดต่อสำนักงาน",
	  "Your submission was not saved. Please try again later, or contact the office." },
	{ 503, "unavailable", "ระบบรับเรื่องไม่พร้อมใช้งานชั่วคราว", "The system is temporarily unavailable",
	  "ยังไม่ได้บันทึกเรื่องของท่าน กรุณาลองใหม่ในอีกสักครู่ หรือติดต่อสำนักงาน",
	  "Nothing was saved. Please try again in a few minutes, or contact the office." },
};

static const struct message *message_for(int status)
{
	size_t i;

	for (i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (messages[i].status == status)
			return &messages[i];
	return status == 500 ? &messages[0] : message_for(500); /* (500 is in the table) */
}

const char *respond_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	}
	return "";
}

static int h(struct buf *out, const char *s) { return s && html_escape(out, s, strlen(s)) != BUF_OK ? -1 : 0; }
static int j(struct buf *out, const char *s) { return s && json_escape(out, s, strlen(s)) != BUF_OK ? -1 : 0; }

#define CSP_NONE "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

/* Status line and the headers every response has; csp NULL = CSP_NONE. */
static int head_csp(struct buf *out, int status, int json, const char *extra, const char *csp)
{
	return buf_printf(out, "Status: %d %s\r\n"
			  "Content-Type: %s\r\n"
			  "Cache-Control: no-store\r\n"
			  "X-Content-Type-Options: nosniff\r\n"
			  "Referrer-Policy: no-referrer\r\n"
			  "Content-Security-Policy: %s\r\n"
			  "%s\r\n",
			  status, respond_reason(status),
			  json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
			  csp ? csp : CSP_NONE, extra ? extra : "") == BUF_OK ? 0 : -1;
}

static int head(struct buf *out, int status, int json, const char *extra)
{
	return head_csp(out, status, json, extra, NULL);
}

static const char page_top[] =
	"<!doctype html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	"<meta name=\"referrer\" content=\"no-referrer\">"
	"<style>body{font-family:Sarabun,'TH Sarabun New',Tahoma,sans-serif;max-width:40rem;"
	"margin:1rem auto;padding:0 1rem;line-height:1.6;color:#222}h1{font-size:1.4rem}"
	".en{color:#555}li{margin:.3rem 0}a{color:#0645ad}</style>";

/* The field's label for messages: Thai and English labels, or the name. */
static void field_labels(const struct respond_ctx *c, const struct field_error *e,
			 const char **th, const char **en)
{
	*th = *en = e->name;
	if (!e->name[0]) { /* a problem of the whole form (the honeypot's: never named) */
		*th = "แบบฟอร์ม";
		*en = "The form";
	}
	if (c->form && e->field >= 0 && (size_t)e->field < c->form->n_fields) {
		const struct form_field *f = &c->form->fields[e->field];

		*th = f->label_th && *f->label_th ? f->label_th : f->name;
		*en = f->label_en && *f->label_en ? f->label_en : *th;
	}
}

static int office_line(struct buf *out, const struct respond_ctx *c, int json)
{
	const struct db_settings *s = c->settings;

	if (!s || !s->office_phone || !*s->office_phone)
		return 0;
	if (json)
		return buf_adds(out, ",\"office_phone\":\"") == BUF_OK && j(out, s->office_phone) == 0 &&
		       buf_addc(out, '"') == BUF_OK ? 0 : -1;
	return buf_adds(out, "<p>") == BUF_OK && h(out, s->office_name_th) == 0 &&
	       buf_adds(out, " โทร / phone ") == BUF_OK && h(out, s->office_phone) == 0 &&
	       buf_adds(out, "</p>") == BUF_OK ? 0 : -1;
}

static int has_root(const struct respond_ctx *c) { return c->site_root && *c->site_root; }

static int error_json(const struct respond_ctx *c, const struct message *m, int status,
		      const struct submission *s, long retry_after, struct buf *out)
{
	size_t i;
	int ok = buf_printf(out, "{\"status\":%d,\"error\":\"%s\",\"title_th\":\"", status, m->code) == BUF_OK &&
		 j(out, m->title_th) == 0 && buf_adds(out, "\",\"title_en\":\"") == BUF_OK &&
		 j(out, m->title_en) == 0 && buf_adds(out, "\",\"message_th\":\"") == BUF_OK &&
		 j(out, m->todo_th) == 0 && buf_adds(out, "\",\"message_en\":\"") == BUF_OK &&
		 j(out, m->todo_en) == 0 && buf_addc(out, '"') == BUF_OK;

	if (ok && status == 400 && s && s->reason && *s->reason)
		ok = buf_adds(out, ",\"detail\":\"") == BUF_OK && j(out, s->reason) == 0 && buf_addc(out, '"') == BUF_OK;
	if (ok && retry_after > 0)
		ok = buf_printf(out, ",\"retry_after\":%ld", retry_after) == BUF_OK;
	if (ok && c->form && has_root(c))
		ok = buf_adds(out, ",\"form\":\"") == BUF_OK && j(out, c->site_root) == 0 &&
		     buf_printf(out, "forms/%s/\"", c->form->id) == BUF_OK;
	if (ok)
		ok = office_line(out, c, 1) == 0;
	if (ok && status == 422 && s) {
		ok = buf_adds(out, ",\"fields\":[") == BUF_OK;
		for (i = 0; ok && i < s->n_errors; i++) {
			const struct field_error *e = &s->errors[i];
			const char *th, *en;

			field_labels(c, e, &th, &en);
			ok = buf_printf(out, "%s{\"name\":\"", i ? "," : "") == BUF_OK && j(out, e->name) == 0 &&
			     buf_printf(out, "\",\"problem\":\"%s\",\"label_th\":\"", field_problem_code(e->problem)) == BUF_OK &&
			     j(out, th) == 0 && buf_adds(out, "\",\"label_en\":\"") == BUF_OK && j(out, en) == 0 &&
			     buf_adds(out, "\",\"message_th\":\"") == BUF_OK && j(out, field_problem_th(e->problem)) == 0 &&
			     buf_adds(out, "\",\"message_en\":\"") == BUF_OK && j(out, field_problem_en(e->problem)) == 0 &&
			     buf_adds(out, "\"}") == BUF_OK;
		}
		ok = ok && buf_addc(out, ']') == BUF_OK;
	}
	return ok && buf_adds(out, "}\n") == BUF_OK ? 0 : -1;
}

static int error_html(const struct respond_ctx *c, const struct message *m, int status,
		      const struct submission *s, long retry_after, struct buf *out)
{
	size_t i;
	int ok = buf_adds(out, page_top) == BUF_OK && buf_printf(out, "<title>%d ", status) == BUF_OK &&
		 h(out, m->title_th) == 0 && buf_adds(out, "</title></head><body>") == BUF_OK;

	if (ok && c->form)
		ok = buf_adds(out, "<p>") == BUF_OK && h(out, c->form->title_th) == 0 &&
		     buf_adds(out, " <span class=\"en\">/ ") == BUF_OK && h(out, c->form->title_en) == 0 &&
		     buf_adds(out, "</span></p>") == BUF_OK;
	ok = ok && buf_adds(out, "<h1>") == BUF_OK && h(out, m->title_th) == 0 &&
	     buf_adds(out, "<br><span class=\"en\">") == BUF_OK && h(out, m->title_en) == 0 &&
	     buf_adds(out, "</span></h1>") == BUF_OK;
	if (ok && status == 422 && s && s->n_errors) {
		ok = buf_adds(out, "<ul>") == BUF_OK;
		for (i = 0; ok && i < s->n_errors; i++) {
			const struct field_error *e = &s->errors[i];
			const char *th, *en;

			field_labels(c, e, &th, &en);
			ok = buf_adds(out, "<li>") == BUF_OK;
			/* a link to the field on the form page (the generator's ids: f-<name>) */
			if (ok && has_root(c) && c->form && e->field >= 0)
				ok = buf_adds(out, "<a href=\"") == BUF_OK && h(out, c->site_root) == 0 &&
				     buf_printf(out, "forms/%s/#f-%s\">", c->form->id, e->name) == BUF_OK;
			ok = ok && buf_adds(out, "<strong>") == BUF_OK && h(out, th) == 0 &&
			     buf_adds(out, has_root(c) && c->form && e->field >= 0 ? "</strong></a>: " : "</strong>: ") == BUF_OK && h(out, field_problem_th(e->problem)) == 0 &&
			     buf_adds(out, "<br><span class=\"en\">") == BUF_OK && h(out, en) == 0 &&
			     buf_adds(out, ": ") == BUF_OK && h(out, field_problem_en(e->problem)) == 0 &&
			     buf_adds(out, "</span></li>") == BUF_OK;
		}
		ok = ok && buf_adds(out, "</ul>") == BUF_OK;
	}
	ok = ok && buf_adds(out, "<p>") == BUF_OK && h(out, m->todo_th) == 0 &&
	     buf_adds(out, "<br><span class=\"en\">") == BUF_OK && h(out, m->todo_en) == 0 &&
	     buf_adds(out, "</span></p>") == BUF_OK;
	if (ok && retry_after > 0)
		ok = buf_printf(out, "<p>ลองใหม่ได้ในอีกประมาณ %ld นาที <span class=\"en\">/ You can try again in about %ld minute(s).</span></p>",
				(retry_after + 59) / 60, (retry_after + 59) / 60) == BUF_OK;
	if (ok && status == 400 && s && s->reason && *s->reason)
		ok = buf_adds(out, "<p class=\"en\"><small>") == BUF_OK && h(out, s->reason) == 0 &&
		     buf_adds(out, "</small></p>") == BUF_OK;
	ok = ok && office_line(out, c, 0) == 0;
	if (ok && has_root(c)) {
		ok = buf_adds(out, "<p>") == BUF_OK;
		if (ok && c->form)
			ok = buf_adds(out, "<a href=\"") == BUF_OK && h(out, c->site_root) == 0 &&
			     buf_printf(out, "forms/%s/\">กลับไปที่แบบฟอร์ม / Back to the form</a> · ", c->form->id) == BUF_OK;
		ok = ok && buf_adds(out, "<a href=\"") == BUF_OK && h(out, c->site_root) == 0 &&
		     buf_adds(out, "\">หน้าแรก / Home</a></p>") == BUF_OK;
	}
	return ok && buf_adds(out, "</body></html>\n") == BUF_OK ? 0 : -1;
}

int respond_error(const struct respond_ctx *c, int status, const struct submission *s,
		  long retry_after, const char *allow, struct buf *out)
{
	const struct message *m = message_for(status);
	char extra[96] = "";

	status = m->status;
	if (allow)
		snprintf(extra, sizeof extra, "Allow: %s\r\n", allow);
	else if (retry_after > 0)
		snprintf(extra, sizeof extra, "Retry-After: %ld\r\n", retry_after);
	if (head(out, status, c->json, extra) < 0)
		return -1;
	return c->json ? error_json(c, m, status, s, retry_after, out) : error_html(c, m, status, s, retry_after, out);
}

int respond_see_other(const struct respond_ctx *c, const char *form_id, const char *code,
		      int repeat, struct buf *out)
{
	struct buf loc;
	int ok, has_code = code && *code;

	buf_init(&loc, 2048);
	if (has_code && c->self && *c->self)
		ok = buf_adds(&loc, c->self) == BUF_OK && buf_printf(&loc, "/track?code=%s", code) == BUF_OK;
	else
		ok = buf_printf(&loc, "%sforms/%s/thanks/index.html", c->site_root ? c->site_root : "/", form_id) == BUF_OK &&
		     (!has_code || buf_printf(&loc, "?code=%s", code) == BUF_OK);
	ok = ok &&
	     (!repeat || buf_adds(&loc, has_code ? "&repeat=1" : "?repeat=1") == BUF_OK);
	if (ok) {
		char extra[2100];

		snprintf(extra, sizeof extra, "Location: %s\r\n", buf_str(&loc));
		ok = head(out, 303, c->json, extra) == 0;
	}
	if (ok && c->json)
		ok = buf_adds(out, "{\"status\":303,\"code\":\"") == BUF_OK && j(out, code ? code : "") == 0 &&
		     buf_adds(out, "\",\"location\":\"") == BUF_OK && j(out, buf_str(&loc)) == 0 &&
		     buf_adds(out, repeat ? "\",\"repeat\":true}\n" : "\"}\n") == BUF_OK;
	else if (ok)
		ok = buf_adds(out, page_top) == BUF_OK &&
		     buf_adds(out, "<title>ได้รับเรื่องแล้ว / Received</title></head><body><h1>ได้รับเรื่องแล้ว<br>"
			      "<span class=\"en\">Received</span></h1>") == BUF_OK &&
		     (!repeat || buf_adds(out, "<p>ส่งซ้ำ: เรื่องนี้ได้รับไว้แล้ว ไม่ได้บันทึกเพิ่ม / "
					   "Sent again: this was already received; nothing new was stored.</p>") == BUF_OK) &&
		     (!code || !*code || (buf_adds(out, "<p>รหัสติดตามเรื่อง / Tracking code: <strong>") == BUF_OK &&
					  h(out, code) == 0 && buf_adds(out, "</strong></p>") == BUF_OK)) &&
		     buf_adds(out, "<p><a href=\"") == BUF_OK && h(out, buf_str(&loc)) == 0 &&
		     buf_adds(out, "\">ดำเนินการต่อ / Continue</a></p></body></html>\n") == BUF_OK;
	buf_free(&loc);
	return ok ? 0 : -1;
}

/* The CSP of a page that uses the site's stylesheet, fonts and scripts
 * (assets/): this host, and the site's own origin when root is a whole URL. */
static void site_csp(const char *root, char *out, size_t outlen)
{
	char origin[300] = "";

	if (strncmp(root, "http", 4) == 0 && origin_of_url(root, origin + 1, sizeof origin - 1) == 0)
		origin[0] = ' ';
	else
		origin[0] = '\0';
	snprintf(out, outlen, "default-src 'none'; style-src 'self'%s 'unsafe-inline'; font-src 'self'%s; "
		 "img-src 'self'%s; script-src 'self'%s; frame-ancestors 'none'", origin, origin, origin, origin);
}

/* The 200 answer for a complaint whose tracking page is not built yet. */
static int track_pending(const struct respond_ctx *c, const struct track_case *tc, const char *root,
			 struct buf *out)
{
	char csp[1600]; /* four origins of at most 299 bytes fit */
	const struct form_def *f = c->form;
	int ok;

	site_csp(root, csp, sizeof csp);
	if (head_csp(out, 200, c->json, NULL, csp) < 0)
		return -1;
	if (c->json)
		return buf_printf(out, "{\"status\":200,\"code\":\"%s\",\"built\":false,\"received\":\"", tc->code) == BUF_OK &&
		       j(out, tc->received) == 0 && buf_adds(out, "\",\"location\":\"") == BUF_OK && j(out, root) == 0 &&
		       buf_printf(out, "track/%s/index.html\"%s}\n", tc->code, tc->repeat ? ",\"repeat\":true" : "") == BUF_OK ? 0 : -1;
	ok = buf_adds(out, page_top) == BUF_OK &&
	     buf_adds(out, "<style>.code{font-family:ui-monospace,Menlo,Consolas,Sarabun,'TH Sarabun New',monospace;"
		      "white-space:nowrap;font-size:1.3rem;font-weight:700;letter-spacing:.05em}"
		      ".codebox{border-left:4px solid #0b5394;background:#eef3f8;padding:.5rem .75rem}"
		      "button{font:inherit;min-height:44px;min-width:44px;padding:.4rem .9rem}button[hidden]{display:none}"
		      "a{display:inline-block;min-height:44px;line-height:44px}</style>"
		      "<link rel=\"stylesheet\" href=\"") == BUF_OK && h(out, root) == 0 &&
	     buf_adds(out, "assets/css/site.css\"><script src=\"") == BUF_OK && h(out, root) == 0 &&
	     buf_adds(out, "assets/js/copy.js\" defer></script>"
		      "<title>ได้รับเรื่องแล้ว / Received</title></head><body><main id=\"main\" class=\"wrap\">") == BUF_OK;
	if (ok && f)
		ok = buf_adds(out, "<p>") == BUF_OK && h(out, f->title_th) == 0 &&
		     buf_adds(out, " <span class=\"en\" lang=\"en\">/ ") == BUF_OK && h(out, f->title_en) == 0 &&
		     buf_adds(out, "</span></p>") == BUF_OK;
	ok = ok && buf_adds(out, "<h1>ได้รับเรื่องของท่านแล้ว <span class=\"en\" lang=\"en\">Received, thank you</span></h1>") == BUF_OK;
	if (ok && tc->repeat)
		ok = buf_adds(out, "<p class=\"notice\">ส่งซ้ำ: เรื่องนี้ได้รับไว้แล้ว ไม่ได้บันทึกเพิ่ม "
			      "<span lang=\"en\">(Sent again: this was already received; nothing new was stored.)</span></p>") == BUF_OK;
	if (ok && f && f->thanks_th && *f->thanks_th)
		ok = buf_adds(out, "<p>") == BUF_OK && h(out, f->thanks_th) == 0 && buf_adds(out, "</p>") == BUF_OK &&
		     (!f->thanks_en || !*f->thanks_en ||
		      (buf_adds(out, "<p class=\"en\" lang=\"en\">") == BUF_OK && h(out, f->thanks_en) == 0 &&
		       buf_adds(out, "</p>") == BUF_OK));
	ok = ok && buf_adds(out, "<div class=\"codebox notice notice-strong\"><p>รหัสติดตามเรื่อง "
			    "<span lang=\"en\">(Tracking code)</span>: <strong class=\"code\" id=\"tracking-code\">") == BUF_OK &&
	     h(out, tc->code) == 0 &&
	     buf_adds(out, "</strong> <button type=\"button\" class=\"button copy-code\" data-copy=\"tracking-code\" hidden>"
		      "คัดลอกรหัส <span lang=\"en\">(Copy)</span></button></p>"
		      "<p>รับเรื่องแล้วเมื่อ ") == BUF_OK && h(out, tc->received) == 0 &&
	     buf_adds(out, " หน้าติดตามจะปรากฏภายในประมาณ 1 ชั่วโมง เมื่อเว็บไซต์ปรับปรุงรอบถัดไป "
		      "<span lang=\"en\">(Received; the tracking page appears within about an hour, at the next site update.)</span></p>"
		      "<p>โปรดจดหรือบันทึกรหัสนี้ไว้ (ถ่ายภาพหน้าจอได้) เจ้าหน้าที่ค้นหาเรื่องจากชื่อไม่ได้หากท่านไม่ได้ระบุตัวตน "
		      "<span lang=\"en\">(Write this code down or take a screenshot: it is the only way to follow your case.)</span></p>"
		      "<p><a href=\"") == BUF_OK && h(out, root) == 0 &&
	     buf_printf(out, "track/%s/index.html\">หน้าติดตามเรื่องนี้ <span lang=\"en\">(Tracking page)</span></a></p></div>", tc->code) == BUF_OK;
	ok = ok && office_line(out, c, 0) == 0 &&
	     buf_adds(out, "<p><a href=\"") == BUF_OK && h(out, root) == 0 &&
	     buf_adds(out, "index.html\">หน้าหลัก / Home</a></p></main></body></html>\n") == BUF_OK;
	return ok ? 0 : -1;
}

int respond_track(const struct respond_ctx *c, const struct track_case *tc, struct buf *out)
{
	char extra[2100];
	const char *root = c->site_root && *c->site_root ? c->site_root : "/";
	int ok;

	if (tc && tc->built) {
		snprintf(extra, sizeof extra, "Location: %strack/%s/index.html\r\n", root, tc->code);
		ok = head(out, 303, c->json, extra) == 0;
		if (ok && c->json)
			return buf_printf(out, "{\"status\":303,\"code\":\"%s\",\"built\":true,\"location\":\"%strack/%s/index.html\"}\n",
				tc->code, root, tc->code) == BUF_OK ? 0 : -1;
		return ok && buf_adds(out, page_top) == BUF_OK &&
			buf_adds(out, "<title>ติดตามเรื่อง / Tracking</title></head><body><p><a href=\"") == BUF_OK &&
			h(out, root) == 0 && buf_printf(out, "track/%s/index.html\">ดูสถานะเรื่อง / Status</a></p></body></html>\n",
				tc->code) == BUF_OK ? 0 : -1;
	}
	if (tc)
		return track_pending(c, tc, root, out);
	if (head(out, 404, c->json, NULL) < 0)
		return -1;
	if (c->json)
		return buf_adds(out, "{\"status\":404,\"error\":\"unknown tracking code\","
			"\"message_th\":\"ไม่พบรหัสติดตามเรื่องนี้\"}\n") == BUF_OK ? 0 : -1;
	return buf_adds(out, page_top) == BUF_OK &&
		buf_adds(out, "<title>ไม่พบรหัสติดตามเรื่อง / Unknown tracking code</title></head><body>"
			"<h1>ไม่พบรหัสติดตามเรื่องนี้<br><span class=\"en\">Unknown tracking code</span></h1>"
			"<p>ตรวจสอบรหัส 16 ตัวอักษรที่ได้รับหลังส่งเรื่องอีกครั้ง (เช่น ABCD-EFGH-JKMN-PQRS) "
			"ตัวพิมพ์เล็กหรือใหญ่และขีดกลางไม่มีผล</p>"
			"<p class=\"en\">Check the 16-character code you were given after sending "
			"(case and hyphens do not matter).</p><p><a href=\"") == BUF_OK &&
		h(out, root) == 0 &&
		buf_adds(out, "track/index.html\">ลองอีกครั้ง / Try again</a></p></body></html>\n") == BUF_OK ? 0 : -1;
}

int respond_health(const struct respond_ctx *c, int ok, struct buf *out)
{
	if (!ok)
		return respond_error(c, 503, NULL, 30, NULL, out);
	if (head(out, 200, c->json, NULL) < 0)
		return -1;
	return buf_adds(out, c->json ? "{\"status\":\"ok\"}\n" : "ok\n") == BUF_OK ? 0 : -1;
}

int respond_write(int fd, const struct buf *out)
{
	return fd_write_all(fd, buf_str(out), out->len);
}
