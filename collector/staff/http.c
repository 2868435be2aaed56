/* http.c: staff.cgi's request and response helpers (see staffcgi.h). */
#include "staffcgi.h"

#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "respond.h"
#include "urlenc.h"

int staff_cookie_get(const char *header, const char *name, char *out, size_t outlen)
{
	size_t nl = strlen(name), vl;
	const char *p = header, *end;

	while (p && *p) {
		while (*p == ' ' || *p == ';')
			p++;
		end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if ((size_t)(end - p) > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
			vl = (size_t)(end - p) - nl - 1;
			while (vl && p[nl + 1 + vl - 1] == ' ')
				vl--;
			if (vl + 1 > outlen)
				return -1;
			memcpy(out, p + nl + 1, vl);
			out[vl] = '\0';
			return 0;
		}
		p = end;
	}
	return -1;
}

int staff_query_get(const char *query, const char *name, char *out, size_t outlen)
{
	size_t nl = strlen(name), vl, dl;
	const char *p = query, *end;

	while (p && *p) {
		end = strchr(p, '&');
		if (!end)
			end = p + strlen(p);
		if ((size_t)(end - p) >= nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
			vl = (size_t)(end - p) - nl - 1;
			if (vl + 1 > outlen)
				return -1;
			memcpy(out, p + nl + 1, vl);
			out[vl] = '\0';
			dl = urlenc_decode(out, vl);
			if (dl == (size_t)-1 || memchr(out, '\0', dl))
				return -1;
			out[dl] = '\0';
			return 0;
		}
		p = *end ? end + 1 : end;
	}
	return -1;
}

void staff_head(struct staff_req *r, int status, const char *extra)
{
	buf_reset(&r->out);
	buf_printf(&r->out, "Status: %d %s\r\n"
		   "Content-Type: text/html; charset=utf-8\r\n"
		   "Cache-Control: no-store\r\n"
		   "X-Robots-Tag: noindex, nofollow\r\n"
		   "X-Content-Type-Options: nosniff\r\n"
		   "Referrer-Policy: same-origin\r\n"
		   "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; %s"
		   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n"
		   "%s\r\n", status, respond_reason(status),
		   /* the case page's scripts (site files only): libsodium compiled
		    * to WebAssembly needs 'wasm-unsafe-eval' (no JavaScript eval);
		    * desk.js fetches the sealed attachments from staff.cgi */
		   r->scripts ? "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " : "",
		   extra ? extra : "");
}

void staff_h(struct staff_req *r, const char *s)
{
	if (s)
		html_escape(&r->out, s, strlen(s));
}

void staff_page_top(struct staff_req *r, const char *title)
{
	buf_adds(&r->out, "<!doctype html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		 "<meta name=\"robots\" content=\"noindex, nofollow\"><title>");
	staff_h(r, title);
	buf_adds(&r->out, " · ส่วนเจ้าหน้าที่</title><link rel=\"stylesheet\" href=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/style.css\"></head><body><header><p class=\"brand\">ส่วนเจ้าหน้าที่ "
		 "<span lang=\"en\">Staff area</span></p>");
	if (r->signed_in) {
		buf_adds(&r->out, "<form method=\"post\" action=\"");
		staff_h(r, r->base);
		buf_adds(&r->out, "/logout\" class=\"logout\"><input type=\"hidden\" name=\"csrf\" value=\"");
		staff_h(r, r->csrf);
		buf_adds(&r->out, "\"><span>");
		staff_h(r, r->person_name[0] ? r->person_name : r->person);
		buf_adds(&r->out, "</span> <button type=\"submit\">ออกจากระบบ <span lang=\"en\">Sign out</span>"
			 "</button></form>");
	}
	buf_adds(&r->out, "</header><main>");
}

void staff_page_end(struct staff_req *r)
{
	buf_adds(&r->out, "</main></body></html>\n");
}

void staff_error(struct staff_req *r, int status, const char *th, const char *en)
{
	staff_head(r, status, status == 401 ? "WWW-Authenticate: Cookie realm=\"staff\"\r\n" : NULL);
	staff_page_top(r, "ทำรายการไม่ได้");
	buf_adds(&r->out, "<h1>ทำรายการไม่ได้ <span lang=\"en\">Not done</span></h1><p class=\"error\" role=\"alert\">");
	staff_h(r, th);
	buf_adds(&r->out, " <span lang=\"en\">");
	staff_h(r, en);
	buf_adds(&r->out, "</span></p><p>ไม่มีการบันทึกข้อมูลใด ๆ <span lang=\"en\">(Nothing was saved.)</span></p><p>");
	if (r->signed_in) {
		buf_adds(&r->out, "<a href=\"");
		staff_h(r, r->base);
		buf_adds(&r->out, "/projects\">กลับไปโครงการของฉัน <span lang=\"en\">(My projects)</span></a>");
	} else {
		staff_signin_link(r, "เข้าสู่ระบบ", "Sign in");
	}
	buf_adds(&r->out, "</p>");
	staff_page_end(r);
}

void staff_redirect(struct staff_req *r, const char *path, const char *extra)
{
	buf_reset(&r->out);
	buf_printf(&r->out, "Status: 303 See Other\r\nLocation: %s%s\r\nCache-Control: no-store\r\n"
		   "X-Robots-Tag: noindex, nofollow\r\nReferrer-Policy: same-origin\r\n"
		   "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n%s\r\n",
		   r->base, path, extra ? extra : "");
}

void staff_folder(const struct staff_req *r, char *out, size_t outlen)
{
	const char *slash = strrchr(r->base, '/');
	int plen = slash ? (int)(slash - r->base) + 1 : 0;

	snprintf(out, outlen, "%.*s", plen, r->base);
	if (!out[0])
		snprintf(out, outlen, "/");
}

void staff_site_root(const struct staff_req *r, char *out, size_t outlen)
{
	char f[1024];
	size_t n;

	staff_folder(r, f, sizeof f);
	n = strlen(f);
	if (n > 1)
		n--; /* the folder's own slash */
	while (n > 0 && f[n - 1] != '/')
		n--;
	snprintf(out, outlen, "%.*s", (int)(n ? n : 1), n ? f : "/");
}

void staff_signin_link(struct staff_req *r, const char *th, const char *en)
{
	char f[1024];

	staff_folder(r, f, sizeof f);
	buf_adds(&r->out, "<a href=\"");
	staff_h(r, f);
	buf_printf(&r->out, "\">%s <span lang=\"en\">(%s)</span></a>", th, en);
}

void staff_cookie_header(const struct staff_req *r, const char *token, char *out, size_t outlen)
{
	/* Path: the folder of the CGI ("/staff" for /staff/staff.cgi), which
	 * also holds the static sign-in page */
	const char *slash = strrchr(r->base, '/');
	int plen = slash && slash != r->base ? (int)(slash - r->base) : 1;

	snprintf(out, outlen, "Set-Cookie: " STAFF_COOKIE "=%s; Path=%.*s; HttpOnly;%s SameSite=Strict%s\r\n",
		 token ? token : "", plen, r->base, r->loopback_http ? "" : " Secure",
		 token ? "" : "; Max-Age=0");
}

char *staff_normalise_number(struct arena *a, const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *out = arena_alloc(a, n + 1);

	for (i = 0; i < n; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (i + 2 < n && u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
			out[o++] = (char)('0' + (u[2] - 0x90));
			i += 2;
		} else if (s[i] != ',' && s[i] != ' ') {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

int staff_parse_date(struct arena *a, const char *s, pdate *out)
{
	char *t = staff_normalise_number(a, s);
	int d, m, y, be;
	char tail;

	if (sscanf(t, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3) {
		if (y > 2400)
			y -= 543;
		t = arena_printf(a, "%04d-%02d-%02d", y, m, d);
	}
	return date_parse(t, out, &be) == DATE_OK ? 0 : -1;
}

void staff_be_date(pdate d, char *out, size_t outlen)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	snprintf(out, outlen, "%d/%d/%d", dd, m, y + 543);
}
