/* staffcgi.h: staff.cgi, the staff area's CGI (private to collector/staff/).
 *
 * A second small CGI beside collect.cgi, so that the public collector keeps
 * its size and attack surface (docs/collector.md).  It answers, under
 * SCRIPT_NAME (e.g. /staff/staff.cgi):
 *   POST /login      id + password -> a session cookie, 303 to /projects
 *   GET  /projects   "my projects" and the status of one's submissions
 *   GET  /report?project=ID   the progress form for one project
 *   POST /report     the form: checked with check's rules, then queued
 *   GET  /sheet      the monthly sheet: what it is, download, upload
 *   GET  /sheet.xlsx?fy=YYYY  the pre-filled workbook of one's projects
 *   POST /sheet      a filled sheet: every row checked, then one queue entry
 *   POST /logout     ends the session on the server
 *   GET  /cases      the complaint desk: the cases the person's roles show
 *   GET  /case?code=CODE      one case and the answer form
 *   POST /answer     the answer: checked with check's rules, then queued
 *   GET  /attachment?code=CODE&n=N  attachment N (0-based) of a case, as
 *                    stored: a sealed file stays ciphertext (desk.js opens it)
 *   GET  /purge, POST /purge  the retention purge of closed complaints (admin)
 *   GET  /style.css  the pages' style sheet
 * It reads the staff database (PRONGSAI_STAFF_DB, else staff.db beside
 * PRONGSAI_DB): accounts, sessions, and what `prongsai build --staff-db`
 * installed; it writes sessions, sign-in failures and the queue.  The
 * complaint desk also reads the collector's database, read-only and its
 * public columns only (PRONGSAI_DB, else the path the build installed).
 *
 * Every POST needs an Origin equal to the site's (base_url) or the
 * request's own, and every POST but /login the session's CSRF token.
 * Without a valid session nothing is written: 401 (or 403) with a Thai
 * message.  The session token is only ever in the Cookie and Set-Cookie
 * headers: never in a URL, a page or a log line. */
#ifndef PRONGSAI_STAFFCGI_H
#define PRONGSAI_STAFFCGI_H

#include <stddef.h>
#include <time.h>
#include <sqlite3.h>

#include "arena.h"
#include "buf.h"
#include "cgienv.h"
#include "formdata.h"
#include "staffdb.h"
#include "model/dates.h"
#include "sheet/grid.h"

#define STAFF_COOKIE "prongsai_staff"
#define STAFF_MAX_PHOTOS 4                     /* photos per report */
#define STAFF_MAX_PHOTO (4L * 1024 * 1024)     /* bytes per photo */
#define STAFF_FIELD_MAX 5000                   /* bytes of any other field */
#define STAFF_MAX_BODY (STAFF_MAX_PHOTOS * STAFF_MAX_PHOTO + 256L * 1024)
#define STAFF_MAX_PAGE (1024L * 1024)          /* bytes of a response */
#define STAFF_MAX_PROJECTS 500                 /* listed on "my projects" */
#define STAFF_MAX_KPIS 32                      /* KPIs of one project on the form */
/* the sheet (sheet.c): the model read from the staff database; past a
 * cap the sheet pages answer 500 (logged) */
#define STAFF_SHEET_MAX_PROJECTS 5000          /* projects of all years */
#define STAFF_SHEET_MAX_PEOPLE 5000            /* people.yaml's people */
#define STAFF_SHEET_MAX_REPORTS 50000          /* reports of all projects and years */
#define STAFF_SHEET_MAX_TEAM 64                /* members of one project, the owner included */
#define STAFF_SHEET_MAX_SHOWN 500             /* problems listed on the page (the rest counted) */
#define STAFF_SHEET_MAX_BODY (SHEET_MAX_FILE + 64L * 1024) /* the upload: the file's cap (sheet/grid.h) and the form */

struct staff_req {
	struct cgi_env env;
	const char *route;        /* PATH_INFO, "" when none */
	const char *query;        /* QUERY_STRING or "" */
	const char *cookie;       /* HTTP_COOKIE or NULL */
	const char *base;         /* SCRIPT_NAME */
	char db_path[4096];
	sqlite3 *db;
	time_t now;
	int https;                /* HTTPS on, or REQUEST_SCHEME https */
	int loopback_http;        /* plain http on 127.0.0.1 (make serve) */
	/* the session, when signed in */
	int signed_in;
	char token[STAFFDB_TOKEN_LEN + 1];
	char person[STAFFDB_ID_MAX + 1];
	char csrf[STAFFDB_TOKEN_LEN + 1];
	char person_name[256];
	char roles[160];
	char group[STAFFDB_ID_MAX + 1];
	int scripts;              /* the page loads the desk's scripts (CSP) */
	struct buf out;           /* the whole response, headers first */
};

/* ---- http.c ---- */
/* The value of cookie name in an HTTP Cookie header (RFC 6265 §4.2.1:
 * "name=value" pairs separated by "; "), into out (outlen bytes); 0, or -1
 * if absent or too long. */
int staff_cookie_get(const char *header, const char *name, char *out, size_t outlen);
/* The value of name in a query string (urlencoded, decoded) into out; 0 or -1. */
int staff_query_get(const char *query, const char *name, char *out, size_t outlen);
/* Start the response: status line and the headers every page has
 * (no-store, noindex, CSP, nosniff, no referrer), extra (lines ending in
 * "\r\n", may be NULL), then the blank line.  Resets r->out first. */
void staff_head(struct staff_req *r, int status, const char *extra);
/* An HTML page top (title escaped) and bottom. */
void staff_page_top(struct staff_req *r, const char *title);
void staff_page_end(struct staff_req *r);
/* Append s escaped for HTML. */
void staff_h(struct staff_req *r, const char *s);
/* A whole error page: status and a Thai message with its English line. */
void staff_error(struct staff_req *r, int status, const char *th, const char *en);
/* 303 See Other to base + path (path starts with "/"), with extra headers. */
void staff_redirect(struct staff_req *r, const char *path, const char *extra);
/* The folder of the CGI ("/staff/" for /staff/staff.cgi): the static
 * sign-in page is its index.html. */
void staff_folder(const struct staff_req *r, char *out, size_t outlen);
/* The site's root folder ("/" for /staff/staff.cgi): the staff folder's
 * parent, where assets/ is. */
void staff_site_root(const struct staff_req *r, char *out, size_t outlen);
/* A link to the sign-in page with the Thai and English text (HTML-safe). */
void staff_signin_link(struct staff_req *r, const char *th, const char *en);
/* The Set-Cookie value for token (or, token NULL, one that deletes it). */
void staff_cookie_header(const struct staff_req *r, const char *token, char *out, size_t outlen);

/* A date typed as d/m/yyyy (a BE year when past 2400, Thai digits too) or
 * yyyy-mm-dd: 0 and *out, or -1.  Scratch strings from a. */
int staff_parse_date(struct arena *a, const char *s, pdate *out);
/* Thai digits to ASCII, thousands separators and spaces out: "๑,๒๕๐" ->
 * "1250".  A new string from a. */
char *staff_normalise_number(struct arena *a, const char *s);
/* d as "30/11/2569" (day/month/BE year) into out. */
void staff_be_date(pdate d, char *out, size_t outlen);

struct model;

/* ---- model_read.c ---- */
/* Today's date in Asia/Bangkok (UTC+7, no DST) at r->now. */
pdate staff_today(const struct staff_req *r);
/* The staff database's copy of the content (what `build --staff-db`
 * installs) into m, made with model_init(): people with their roles,
 * projects by id with their team, their first STAFF_MAX_KPIS KPIs, and
 * their reports by date (each project's reports a slice of m->reports).
 * Every project, or only project_id when not NULL.  0; -1 when a query
 * fails or a STAFF_SHEET_MAX_* cap is passed (m then holds what was read
 * before, to be freed with model_free()). */
int staff_model_read(struct staff_req *r, struct model *m, const char *project_id);

/* ---- auth.c ---- */
/* Read the session from the cookie: sets r->signed_in and the person. */
int staff_session_load(struct staff_req *r);
/* The POST checks: the Origin, and (need_csrf) the session's token in the
 * form's "csrf" field.  1 if allowed; else the error page is set, 0. */
int staff_post_allowed(struct staff_req *r, const struct form_data *fd, int need_csrf);
/* POST /login and POST /logout; the response goes into r->out. */
void staff_login(struct staff_req *r, struct form_data *fd);
void staff_logout(struct staff_req *r, struct form_data *fd);
/* The form part called name, or NULL. */
const struct form_part *staff_part(const struct form_data *fd, const char *name);

/* ---- projects.c ---- */
/* 1 if the person's roles (space-separated) hold role. */
int staff_has_role(const struct staff_req *r, const char *role);
/* 1 if the signed-in person may report on project id (owner or team
 * member with the officer role, group director of its group, admin). */
int staff_may_report(struct staff_req *r, const char *project_id);
/* GET /projects. */
void staff_projects(struct staff_req *r);

/* ---- report.c ---- */
/* GET /report?project=ID and POST /report. */
void staff_report_form(struct staff_req *r);
void staff_report_post(struct staff_req *r, struct form_data *fd);

/* ---- cases.c: the complaint desk ---- */
/* The staff_settings value of key (what the build installed) copied into
 * a, or NULL. */
const char *staff_setting(struct staff_req *r, struct arena *a, const char *key);
/* The collector's database: PRONGSAI_DB, else the path the build
 * installed; NULL when neither. */
const char *staff_collector_db(struct staff_req *r, struct arena *a);
#define STAFF_MAX_CASES 500                    /* slots for the list: the newest 499 are shown */
/* 1 if the person may use the complaint desk (complaint-officer: the
 * general channel; corruption-officer: the corruption channel). */
int staff_desk_role(const struct staff_req *r);
/* GET /cases, GET /case?code=CODE, POST /answer.  A case of a channel the
 * person's roles do not show is answered 404, as a code that does not
 * exist. */
void staff_cases(struct staff_req *r);
void staff_case_page(struct staff_req *r);
void staff_answer_post(struct staff_req *r, struct form_data *fd);
/* GET /attachment?code=CODE&n=N: the file as stored (sealed ones as
 * ciphertext, application/octet-stream); 404 as for /case. */
void staff_attachment(struct staff_req *r);

/* ---- purge.c: the retention purge (admin role) ---- */
/* GET /purge?before=DATE: the form and what would be purged (nothing is
 * changed); POST /purge: before, csrf: purge_run() (desk/purge.h, the
 * same as `prongsai inbox purge`), one log line (person, date, count: no
 * code, no personal data), 303 to /purge?done=N&before=DATE.  403 without
 * the admin role. */
void staff_purge_page(struct staff_req *r);
void staff_purge_post(struct staff_req *r, struct form_data *fd);
/* ---- sheet.c ---- */
/* GET /sheet (with ?queued=ID&n=N&skipped=M after an upload). */
void staff_sheet_page(struct staff_req *r);
/* GET /sheet.xlsx?fy=YYYY (default: this fiscal year): the workbook of
 * `prongsai sheet export --as` for the signed-in person; 404 without
 * projects that year. */
void staff_sheet_xlsx(struct staff_req *r);
/* POST /sheet: the file part "sheet" (at most SHEET_MAX_FILE bytes, else
 * 413) read and checked by sheet/batch.h with the rules of one report;
 * every problem listed with 422 and nothing queued; else one 'sheet'
 * queue entry by the person and 303 to /sheet?queued=... */
void staff_sheet_post(struct staff_req *r, struct form_data *fd);

#endif
