/* staff.cgi: the staff area (see staffcgi.h for the routes and rules).
 * One request per process (RFC 3875).  Checks run cheapest first: route
 * and method (404/405), session (401, before any body is read), Origin
 * (403), content type and length (415/413), then the body, the CSRF token
 * (403) and the form.  The log (stderr) gets one line per failure, with no
 * submitted data, token or client address in it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>

#include "db.h"
#include "fdio.h"
#include "multipart.h"
#include "request.h"
#include "staffcgi.h"
#include "urlenc.h"

#define STAFF_TIME_LIMIT 120 /* seconds, against a stuck request */
#define STAFF_LOGIN_MAX_BODY 4096
#define STAFF_ANSWER_MAX_BODY (64 * 1024)
#define STAFF_DRAIN_MAX (32ULL * 1024 * 1024) /* above the web servers' own limit (docs/webserver/) */

static const char style[] =
	"body{font-family:Sarabun,'TH Sarabun New',Tahoma,sans-serif;margin:0;line-height:1.6;color:#1a1a1a;"
	"font-size:1.05rem}header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;"
	"gap:.5rem;padding:.5rem 1rem;background:#0b4f6c;color:#fff}header .brand{margin:0;font-weight:bold}"
	"header form{margin:0}main{max-width:40rem;margin:0 auto;padding:0 1rem 2rem}h1{font-size:1.4rem}"
	"h2{font-size:1.15rem;margin:.2rem 0}label{display:block;font-weight:bold;margin-top:.8rem}"
	"input,textarea,button,.button{box-sizing:border-box;font:inherit;min-height:44px;border-radius:4px}"
	"input[type=text],input[type=password],textarea{width:100%;padding:.5rem;border:1px solid #555}"
	"input[type=file]{width:100%;padding:.4rem 0}"
	"button,.button{display:inline-block;min-width:44px;padding:.5rem 1rem;border:0;background:#0b4f6c;"
	"color:#fff;text-decoration:none;margin-top:1rem;cursor:pointer}header button{background:#fff;color:#0b4f6c;"
	"margin:0}.error{color:#a00000;font-weight:bold}.invalid input,.invalid textarea{border:2px solid #a00000}"
	".ok{background:#e6f4ea;padding:.6rem;border-left:4px solid #1e7b34}.small{font-size:.9rem;color:#444}"
	"ul.projects,ul.sent{list-style:none;padding:0}ul.projects li{border-bottom:1px solid #ccc;padding:.6rem 0}"
	".due-late{color:#a00000;font-weight:bold}.due-due{color:#7a4b00}.due-done{color:#1e7b34}"
	"a{color:#0645ad}a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #f0b400}"
	"[lang=en]{color:inherit;opacity:.85}"
	"select{box-sizing:border-box;font:inherit;min-height:44px;width:100%;padding:.5rem;border:1px solid #555;"
	"border-radius:4px;background:#fff}select:focus{outline:3px solid #f0b400}"
	"ul.cases{list-style:none;padding:0}ul.cases li{border-bottom:1px solid #ccc;padding:.6rem 0}"
	"ul.cases h2 a{display:inline-block;min-height:44px;line-height:44px}.filters a{display:inline-block;"
	"min-height:44px;line-height:44px;margin-right:.6rem}.sealed{background:#fff8e1;padding:.6rem;"
	"border-left:4px solid #8a5300}dl.values dt{font-weight:bold}dl.values dd{margin:0 0 .5rem;"
	"white-space:pre-wrap}code,dd,.answer,ol.history li{overflow-wrap:anywhere}";

static int env_is(const char *v, const char *want)
{
	return v && strcmp(v, want) == 0;
}

/* Plain http is allowed only between 127.0.0.1 and itself (make serve). */
static int loopback(const struct staff_req *r)
{
	const char *a = r->env.remote_addr, *h = getenv("HTTP_HOST");

	return a && (strcmp(a, "127.0.0.1") == 0 || strcmp(a, "::1") == 0) && h &&
	       (strncmp(h, "127.0.0.1", 9) == 0 || strncmp(h, "localhost", 9) == 0 || strncmp(h, "[::1]", 5) == 0);
}

/* Read and drop a body of at most STAFF_DRAIN_MAX bytes that is too large
 * to take, so that the web server, still sending it, passes the 413 page
 * on instead of failing the request (lighttpd answers 502 when the CGI
 * exits before reading).  A larger one is not read. */
static void drain(const char *content_length)
{
	unsigned long long n;
	char b[65536], *end;
	ssize_t k;

	if (!content_length || !*content_length)
		return;
	errno = 0;
	n = strtoull(content_length, &end, 10);
	if (errno || *end || n > STAFF_DRAIN_MAX)
		return;
	while (n) {
		k = read(0, b, n < sizeof b ? (size_t)n : sizeof b);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		n -= (unsigned long long)k;
	}
}

/* Read and parse a POST body of at most cap bytes into fd (parts point
 * into body).  0, or an HTTP status with the error page set. */
static int read_body(struct staff_req *r, size_t cap, struct buf *body, struct form_data *fd)
{
	char boundary[CGI_BOUNDARY_MAX + 1];
	enum ct_kind ct = cgi_content_type(r->env.content_type, boundary);
	const char *why = NULL;
	size_t n;
	int st;

	if (ct != CT_URLENCODED && ct != CT_MULTIPART) {
		staff_error(r, ct == CT_BAD ? 400 : 415, "รูปแบบข้อมูลที่ส่งไม่ถูกต้อง", "Unsupported request body.");
		return 415;
	}
	switch (cgi_content_length(r->env.content_length, cap, &n)) {
	case CL_OK:
		break;
	case CL_TOO_BIG:
		drain(r->env.content_length);
		if (strcmp(r->route, "/sheet") == 0)
			staff_error(r, 413, "ไฟล์ตารางใหญ่เกิน 10 MB ไม่ได้บันทึกอะไร", "The sheet is over 10 MB; nothing was saved.");
		else
			staff_error(r, 413, "ข้อมูลที่ส่งใหญ่เกินไป (รูปรวมกันต้องไม่เกินขนาดที่กำหนด) ไม่ได้บันทึกอะไร",
				    "The request is too large; nothing was saved.");
		return 413;
	default:
		staff_error(r, 400, "คำขอไม่ถูกต้อง", "Bad request.");
		return 400;
	}
	buf_init(body, n);
	if ((st = request_read_body(0, n, body)) != 0) {
		staff_error(r, st, "อ่านข้อมูลที่ส่งไม่ครบ", "The request body ended early.");
		return st;
	}
	fd->n = 0;
	st = ct == CT_URLENCODED ? urlenc_parse(body->data ? body->data : (char *)"", body->len, fd, &why)
				 : multipart_parse(body->data ? body->data : (char *)"", body->len, boundary, fd, &why);
	if (st != PARSE_OK) {
		staff_error(r, st, "ข้อมูลที่ส่งมีรูปแบบไม่ถูกต้อง", "Malformed request body.");
		fprintf(stderr, "staff.cgi: %d: %s\n", st, why ? why : "bad body");
		return st;
	}
	return 0;
}

static void not_signed_in(struct staff_req *r)
{
	staff_error(r, 401, "ยังไม่ได้เข้าสู่ระบบ หรือหมดเวลาแล้ว กรุณาเข้าสู่ระบบใหม่",
		    "You are not signed in, or the session has ended: please sign in again.");
}

static void handle(struct staff_req *r)
{
	const char *m = r->env.method ? r->env.method : "";
	int get = strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0, post = strcmp(m, "POST") == 0;
	struct form_data *fd;
	struct buf body;
	char err[1024];

	if (strcmp(r->route, "/style.css") == 0 && get) {
		buf_reset(&r->out);
		buf_printf(&r->out, "Status: 200 OK\r\nContent-Type: text/css; charset=utf-8\r\n"
			   "Cache-Control: max-age=3600\r\nX-Content-Type-Options: nosniff\r\n\r\n%s", style);
		return;
	}
	if (strcmp(r->route, "/login") && strcmp(r->route, "/logout") && strcmp(r->route, "/projects") &&
	    strcmp(r->route, "/report") && strcmp(r->route, "/cases") && strcmp(r->route, "/case") &&
	    strcmp(r->route, "/answer") && strcmp(r->route, "/sheet") && strcmp(r->route, "/sheet.xlsx") &&
	    strcmp(r->route, "/attachment") && strcmp(r->route, "/purge")) {
		staff_error(r, 404, "ไม่พบหน้านี้", "Not found.");
		return;
	}
	if (!get && !post) {
		staff_error(r, 405, "ใช้วิธีนี้กับหน้านี้ไม่ได้", "Method not allowed.");
		return;
	}
	if (staffdb_path(NULL, r->db_path, sizeof r->db_path, err, sizeof err) != 0 ||
	    staffdb_open(r->db_path, DB_OPEN_EXISTING, &r->db, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 503, "ระบบยังไม่พร้อม กรุณาลองใหม่ภายหลัง", "The staff area is not available yet.");
		return;
	}
	if (staff_session_load(r) != 0) {
		staff_error(r, 503, "ระบบยังไม่พร้อม กรุณาลองใหม่ภายหลัง", "The staff area is not available yet.");
		return;
	}
	if (get) {
		if (strcmp(r->route, "/login") == 0 || strcmp(r->route, "/logout") == 0)
			staff_error(r, 405, "ใช้วิธีนี้กับหน้านี้ไม่ได้", "Method not allowed.");
		else if (!r->signed_in)
			not_signed_in(r);
		else if (strcmp(r->route, "/projects") == 0)
			staff_projects(r);
		else if (strcmp(r->route, "/cases") == 0)
			staff_cases(r);
		else if (strcmp(r->route, "/case") == 0)
			staff_case_page(r);
		else if (strcmp(r->route, "/answer") == 0)
			staff_error(r, 405, "ใช้วิธีนี้กับหน้านี้ไม่ได้", "Method not allowed.");
		else if (strcmp(r->route, "/sheet") == 0)
			staff_sheet_page(r);
		else if (strcmp(r->route, "/sheet.xlsx") == 0)
			staff_sheet_xlsx(r);
		else if (strcmp(r->route, "/attachment") == 0)
			staff_attachment(r);
		else if (strcmp(r->route, "/purge") == 0)
			staff_purge_page(r);
		else
			staff_report_form(r);
		return;
	}
	/* a POST: no body is read without a session, except to sign in */
	if (!r->signed_in && strcmp(r->route, "/login") != 0) {
		fprintf(stderr, "staff.cgi: 401: no session\n");
		drain(getenv("CONTENT_LENGTH")); /* dropped unread, so the server passes the 401 on */
		not_signed_in(r);
		return;
	}
	if (!staff_post_allowed(r, NULL, 0)) {
		drain(getenv("CONTENT_LENGTH"));
		return;
	}
	fd = calloc(1, sizeof *fd);
	if (!fd) {
		staff_error(r, 500, "ระบบขัดข้อง", "Out of memory.");
		return;
	}
	memset(&body, 0, sizeof body);
	if (read_body(r, strcmp(r->route, "/report") == 0 ? (size_t)STAFF_MAX_BODY :
		      strcmp(r->route, "/answer") == 0 ? STAFF_ANSWER_MAX_BODY :
		      strcmp(r->route, "/sheet") == 0 ? (size_t)STAFF_SHEET_MAX_BODY : STAFF_LOGIN_MAX_BODY,
		      &body, fd) == 0) {
		if (strcmp(r->route, "/login") == 0)
			staff_login(r, fd);
		else if (strcmp(r->route, "/logout") == 0)
			staff_logout(r, fd);
		else if (!staff_post_allowed(r, fd, 1))
			; /* the error page is set */
		else if (strcmp(r->route, "/report") == 0)
			staff_report_post(r, fd);
		else if (strcmp(r->route, "/answer") == 0)
			staff_answer_post(r, fd);
		else if (strcmp(r->route, "/sheet") == 0)
			staff_sheet_post(r, fd);
		else if (strcmp(r->route, "/purge") == 0)
			staff_purge_post(r, fd);
		else
			staff_error(r, 405, "ใช้วิธีนี้กับหน้านี้ไม่ได้", "Method not allowed.");
	}
	if (body.data)
		sodium_memzero(body.data, body.len);
	buf_free(&body);
	free(fd);
}

int main(void)
{
	struct staff_req r;
	int rc;

	signal(SIGPIPE, SIG_IGN);
	alarm(STAFF_TIME_LIMIT);
	if (sodium_init() < 0)
		return 1;
	memset(&r, 0, sizeof r);
	cgi_env_read(&r.env);
	r.route = getenv("PATH_INFO") ? getenv("PATH_INFO") : "";
	r.query = getenv("QUERY_STRING") ? getenv("QUERY_STRING") : "";
	r.cookie = getenv("HTTP_COOKIE");
	r.base = r.env.script_name ? r.env.script_name : "/staff/staff.cgi";
	r.now = time(NULL);
	r.https = env_is(getenv("HTTPS"), "on") || env_is(getenv("HTTPS"), "1") ||
		  env_is(getenv("REQUEST_SCHEME"), "https");
	r.loopback_http = !r.https && loopback(&r);
	buf_init(&r.out, STAFF_MAX_PAGE);
	handle(&r);
	if (r.out.err != BUF_OK || !r.out.len) {
		buf_free(&r.out);
		fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
		      "ระบบขัดข้อง / server error\n", stdout);
		rc = 1;
	} else {
		rc = fd_write_all(1, r.out.data, r.out.len) == 0 ? 0 : 1;
	}
	if (r.db)
		sqlite3_close(r.db);
	sodium_memzero(r.token, sizeof r.token);
	buf_free(&r.out);
	return rc;
}
