/* respond.h: the collector's CGI responses (RFC 3875 §6): a Status header
 * (RFC 9110 §15), and a small page in Thai and English that says what to do,
 * as HTML or, when the client prefers it, as JSON.  Every response carries
 * Cache-Control: no-store, nosniff, no-referrer and a CSP that allows
 * nothing but inline style.  Responses are built into a buffer (struct buf,
 * capped at RESPOND_MAX) and written in one go by respond_write(). */
#ifndef PRONGSAI_RESPOND_H
#define PRONGSAI_RESPOND_H

#include <stddef.h>
#include "buf.h"
#include "escape.h" /* html_escape, json_escape */
#include "db.h"
#include "formdef.h"
#include "submission.h"

#define RESPOND_MAX 65536

struct respond_ctx {
	int json;                            /* cgi_wants_json() */
	const char *site_root;               /* for links; NULL or "" = unknown */
	const struct form_def *form;         /* NULL = none (labels, title) */
	const struct db_settings *settings;  /* NULL = none (office contact) */
	const char *self;                    /* SCRIPT_NAME, for the collector's own
					      * links; NULL or "" = unknown */
};

/* A complaint the tracking lookup found. */
struct track_case {
	const char *code;     /* canonical tracking code */
	const char *received; /* when it was received, Thai time, for people
			       * ("2/12/2569 เวลา 17:21 น.") */
	int built;            /* its tracking page is on the site */
	int repeat;           /* shown after a resubmission (nothing new stored) */
};

/* The reason phrase of an HTTP status ("See Other", ...); "" if unknown. */
const char *respond_reason(int status);

/* An error response for status 400, 403, 404, 405, 413, 415, 422, 429, 500
 * or 503 into out.  s (may be NULL) gives the field problems for 422;
 * retry_after (seconds, > 0) adds Retry-After (429, 503); allow adds an
 * Allow header (405).  Returns 0, or -1 if out is full. */
int respond_error(const struct respond_ctx *c, int status, const struct submission *s,
		  long retry_after, const char *allow, struct buf *out);

/* 303 See Other (RFC 9110 §15.4.4): with a tracking code (complaints) to
 * the collector's own answer <self>/track?code=CODE, which shows the code
 * without JavaScript (respond_track); without one (surveys) to
 * <site_root>forms/<id>/thanks/index.html.  repeat=1 is added when the
 * submission was a resubmission of one already stored (nothing new was
 * stored: the page says so; JSON "repeat":true).  Without c->self a code
 * goes to the thank-you page as ?code=.  site_root comes from
 * cgi_site_root(); code is a tracking code (safe characters only).  The
 * web server configurations (docs/webserver/) log no collector request, so
 * the code reaches no log.  Returns 0, or -1 if out is full. */
int respond_see_other(const struct respond_ctx *c, const char *form_id, const char *code,
		      int repeat, struct buf *out);

/* The tracking lookup.  tc NULL (no such complaint): 404 with a page saying
 * what to do.  tc->built: 303 See Other to <site_root>track/<CODE>/index.html.
 * Else 200: received when, the code (never wrapped; a copy button that
 * assets/js/copy.js shows), the form's thank-you text (c->form, may be
 * NULL), and that its tracking page appears after the next site update,
 * with the link.  Returns 0, or -1 if out is full. */
int respond_track(const struct respond_ctx *c, const struct track_case *tc, struct buf *out);

/* 200 for GET /health (ok != 0), else 503.  Returns 0 or -1. */
int respond_health(const struct respond_ctx *c, int ok, struct buf *out);


/* Write out to fd completely (EINTR and short writes handled).  0 or -1. */
int respond_write(int fd, const struct buf *out);

#endif
