/* auth.c: sessions, sign-in, sign-out and the POST checks (staffcgi.h). */
#include "staffcgi.h"

#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "fingerprint.h"
#include "hourkey.h"

const struct form_part *staff_part(const struct form_data *fd, const char *name)
{
	size_t i;

	for (i = 0; fd && i < fd->n; i++)
		if (strcmp(fd->parts[i].name, name) == 0)
			return &fd->parts[i];
	return NULL;
}

/* The person's name, roles and group as the build installed them. */
static void load_person(struct staff_req *r)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(r->db, "SELECT name, roles, grp FROM staff_people WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, r->person, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(r->person_name, sizeof r->person_name, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(r->roles, sizeof r->roles, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(r->group, sizeof r->group, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
}

int staff_session_load(struct staff_req *r)
{
	char err[512];
	int rc;

	r->signed_in = 0;
	if (!r->cookie || staff_cookie_get(r->cookie, STAFF_COOKIE, r->token, sizeof r->token) != 0)
		return 0;
	rc = staffdb_session_check(r->db, r->token, r->now, r->person, r->csrf, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		return -1;
	}
	if (rc == 0) {
		r->signed_in = 1;
		load_person(r);
	}
	return 0;
}

/* The site's origin installed by the build (base_url), or "". */
static void site_origin(struct staff_req *r, char *out, size_t outlen)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(r->db, "SELECT value FROM staff_settings WHERE key = 'origin'", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

int staff_post_allowed(struct staff_req *r, const struct form_data *fd, int need_csrf)
{
	char site[512], own[512];
	const struct form_part *c;

	site_origin(r, site, sizeof site);
	if (cgi_request_origin(&r->env, own, sizeof own) != 0)
		own[0] = '\0';
	/* a browser sends Origin with every POST: none, or another site's, is refused */
	if (!r->env.origin || !cgi_origin_allowed(r->env.origin, site, own)) {
		staff_error(r, 403, "คำขอนี้ไม่ได้มาจากหน้าเว็บของสำนักงาน", "This request did not come from the office's site.");
		fprintf(stderr, "staff.cgi: 403: origin refused\n");
		return 0;
	}
	if (need_csrf) {
		c = staff_part(fd, "csrf");
		if (!c || c->len != STAFFDB_TOKEN_LEN || !staffdb_token_equal(c->value, r->csrf)) {
			staff_error(r, 403, "แบบฟอร์มหมดอายุหรือไม่ถูกต้อง กรุณาเปิดหน้าใหม่แล้วส่งอีกครั้ง",
				    "The form has expired or is not valid: open the page again and resend.");
			fprintf(stderr, "staff.cgi: 403: csrf token refused\n");
			return 0;
		}
	}
	return 1;
}

/* The keyed hash of the client's network for the sign-in limit (the
 * collector's: fingerprint.h, with an hourly key in "<staff.db>-key"). */
static int netkey(struct staff_req *r, unsigned char out[STAFFDB_NETKEY_BYTES])
{
	unsigned char key[HOURKEY_BYTES], ck[CLIENT_KEY_BYTES];
	char err[512];

	if (hourkey_get(r->db_path, (long long)(r->now / 3600), key, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		return -1;
	}
	client_key(key, r->env.remote_addr, ck);
	crypto_generichash(out, STAFFDB_NETKEY_BYTES, ck, sizeof ck, key, sizeof key);
	sodium_memzero(key, sizeof key);
	return 0;
}

static void login_failed_page(struct staff_req *r, int status, long wait)
{
	char extra[64] = "";

	if (wait > 0)
		snprintf(extra, sizeof extra, "Retry-After: %ld\r\n", wait);
	staff_head(r, status, extra);
	staff_page_top(r, "เข้าสู่ระบบไม่สำเร็จ");
	buf_adds(&r->out, "<h1>เข้าสู่ระบบไม่สำเร็จ <span lang=\"en\">Sign-in failed</span></h1><p class=\"error\" role=\"alert\">");
	if (status == 429)
		buf_printf(&r->out, "ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ %ld วินาทีแล้วลองใหม่ หากลืมรหัสผ่าน ติดต่อผู้ดูแลระบบ "
			   "<span lang=\"en\">Too many wrong passwords: wait %ld seconds and try again.</span>", wait, wait);
	else
		buf_adds(&r->out, "รหัสผู้ใช้หรือรหัสผ่านไม่ถูกต้อง <span lang=\"en\">Wrong user id or password.</span>");
	buf_adds(&r->out, "</p><p>");
	staff_signin_link(r, "ลองอีกครั้ง", "Try again");
	buf_adds(&r->out, "</p>");
	staff_page_end(r);
}

void staff_login(struct staff_req *r, struct form_data *fd)
{
	const struct form_part *id = staff_part(fd, "id"), *pw = staff_part(fd, "password");
	unsigned char nk[STAFFDB_NETKEY_BYTES];
	struct staffdb_account a;
	char err[512], cookie[256], uid[STAFFDB_ID_MAX + 1];
	long wait = 0;
	int rc, ok = 0;
	/* a hash to check against when there is no such account, so that the
	 * answer takes as long either way */
	static const char dummy[crypto_pwhash_STRBYTES] = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
				    "Qk9HVVNIQVNIQk9HVVNIQVNIQk9HVVNIQVNIQk9HVVM";

	if (!staff_post_allowed(r, fd, 0))
		return;
	if (!r->https && !r->loopback_http) {
		staff_error(r, 403, "ส่วนเจ้าหน้าที่ใช้ได้ผ่าน HTTPS เท่านั้น", "The staff area works over HTTPS only.");
		return;
	}
	if (!id || !pw || id->len == 0 || id->len > STAFFDB_ID_MAX || pw->len == 0 || pw->len > 256 ||
	    memchr(id->value, '\0', id->len) || memchr(pw->value, '\0', pw->len)) {
		login_failed_page(r, 401, 0);
		return;
	}
	snprintf(uid, sizeof uid, "%s", id->value);
	if (netkey(r, nk) != 0) {
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return;
	}
	if ((rc = staffdb_login_allowed(r->db, uid, nk, r->now, &wait, err, sizeof err)) != 0) {
		if (rc < 0) {
			fprintf(stderr, "staff.cgi: %s\n", err);
			staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		} else {
			fprintf(stderr, "staff.cgi: 429: sign-in limited\n");
			login_failed_page(r, 429, wait);
		}
		return;
	}
	rc = staffdb_account_get(r->db, uid, &a, err, sizeof err);
	if (rc == 0 && !a.disabled)
		ok = crypto_pwhash_str_verify(a.hash, pw->value, pw->len) == 0;
	else
		if (crypto_pwhash_str_verify(dummy, pw->value, pw->len) == 0)
			ok = 0; /* never: no password matches the dummy */
	sodium_memzero(pw->value, pw->len);
	if (!ok) {
		if (staffdb_login_failed(r->db, uid, nk, r->now, err, sizeof err) != 0)
			fprintf(stderr, "staff.cgi: %s\n", err);
		fprintf(stderr, "staff.cgi: 401: sign-in failed\n");
		login_failed_page(r, 401, 0);
		return;
	}
	if (staffdb_session_start(r->db, uid, r->now, r->token, r->csrf, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return;
	}
	staff_cookie_header(r, r->token, cookie, sizeof cookie);
	staff_redirect(r, "/projects", cookie);
	sodium_memzero(cookie, sizeof cookie);
}

void staff_logout(struct staff_req *r, struct form_data *fd)
{
	char err[512], cookie[256], f[1024];

	if (!r->signed_in) {
		staff_error(r, 401, "ยังไม่ได้เข้าสู่ระบบ หรือหมดเวลาแล้ว", "You are not signed in, or the session has ended.");
		return;
	}
	if (!staff_post_allowed(r, fd, 1))
		return;
	if (staffdb_session_end(r->db, r->token, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return;
	}
	r->signed_in = 0;
	staff_cookie_header(r, NULL, cookie, sizeof cookie);
	buf_reset(&r->out);
	staff_folder(r, f, sizeof f);
	buf_printf(&r->out, "Status: 303 See Other\r\nLocation: %s?signed-out=1\r\nCache-Control: no-store\r\n%s\r\n",
		   f, cookie);
}
