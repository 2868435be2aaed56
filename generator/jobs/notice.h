/* notice.h: what `prongsai notify` sends, built as text (docs/notify.md).
 *
 * A notice says that a submission arrived and how to open it; it never
 * carries the subject, the details, a personal value or an attachment.
 * Its input (struct notice_info) holds only what may go out: the form, the
 * tracking code, the category and district (chosen values and their labels)
 * and the time received.  Corruption reports leave out the category and
 * district unless the channel asks for them (notice_opts.details).
 *
 * Every builder appends to a capped struct buf and returns BUF_OK, or the
 * buf error (BUF_NOMEM, BUF_TOO_BIG) with part of the output possibly
 * written: the caller then drops the whole buffer.  Labels and titles are
 * cut to NOTICE_MAX_LABEL code points ("…" added) and control characters
 * in them become spaces, so a notice fits NOTICE_MAX_TEXT whatever the
 * database holds (site_url is at most NOTIFYCONF_MAX_URL bytes).  Pure
 * functions: no I/O, no global state.
 */
#ifndef PRONGSAI_NOTICE_H
#define PRONGSAI_NOTICE_H

#include <stddef.h>
#include <time.h>
#include "buf.h"

#define NOTICE_MAX_LABEL 120         /* code points of a title or label */
#define NOTICE_MAX_TEXT (12 * 1024)  /* bytes of the plain text */
#define NOTICE_MAX_JSON (96 * 1024)  /* bytes of a JSON body */
#define NOTICE_MAX_MAIL (128 * 1024) /* bytes of a whole mail message */
#define NOTICE_MAX_KEY 96            /* bytes of an idempotency key, with NUL */

struct notice_info {
	long long id;               /* submissions.id */
	const char *form_id;
	const char *form_title_th;  /* NULL when the form is gone */
	const char *form_title_en;  /* may be NULL */
	const char *kind;           /* "complaint" or "survey" */
	const char *channel;        /* "general", "corruption" or "none" */
	const char *code;           /* tracking code; NULL for surveys */
	const char *created_at;     /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	const char *category, *category_th, *category_en; /* value, labels; NULL = none */
	const char *district, *district_th, *district_en;
};

struct notice_opts {
	const char *site_url;       /* ends in "/", or NULL: no links */
	const char *channel_name;   /* the notify channel ([a-z0-9-]) */
	int details;                /* category and district of corruption reports too */
};

/* 1 for a corruption report. */
int notice_is_corruption(const struct notice_info *n);

/* The idempotency key "CODE/channel" (surveys: "survey-ID/channel") into
 * out[NOTICE_MAX_KEY].  Returns 0, or -1 if it does not fit. */
int notice_key(const struct notice_info *n, const char *channel_name, char out[NOTICE_MAX_KEY]);

/* A UUID (8-4-4-4-12 hex, version 4 layout) derived from key by BLAKE2b:
 * the same key gives the same UUID (LINE's X-Line-Retry-Key). */
void notice_uuid(const char *key, char out[37]);

/* The UTC time "YYYY-MM-DDTHH:MM:SSZ" as Thai time, e.g. "5 ม.ค. 2569
 * เวลา 14:03 น. (2026-01-05 14:03 UTC+7)".  A malformed time is copied as
 * it is (cut to fit).  out is always NUL-terminated when outlen > 0. */
void notice_thai_time(const char *utc, char *out, size_t outlen);

/* The plain text, Thai with English in brackets, lines ending in LF. */
enum buf_result notice_text(struct buf *out, const struct notice_info *n, const struct notice_opts *o);

/* A one-line subject: "[prongsai] เรื่องร้องเรียนใหม่ CODE (new complaint)". */
enum buf_result notice_subject(struct buf *out, const struct notice_info *n);

/* The generic webhook body: {"event":"submission","idempotency_key":..,
 * "id":..,"form":..,"form_title":..,"form_title_en":..,"kind":..,
 * "channel":..,"code":..,"category":..,"category_label":..,"district":..,
 * "district_label":..,"created_at":..,"track_url":..,"inbox_command":..,
 * "text":..}; absent values are null. */
enum buf_result notice_json_webhook(struct buf *out, const struct notice_info *n,
				    const struct notice_opts *o, const char *text);

/* LINE Messaging API push body: {"to":..,"messages":[{"type":"text","text":..}]}. */
enum buf_result notice_json_line(struct buf *out, const char *to, const char *text);

/* Telegram Bot API sendMessage body: {"chat_id":..,"text":..,
 * "disable_web_page_preview":true}. */
enum buf_result notice_json_telegram(struct buf *out, const char *chat_id, const char *text);

/* Append "Name: value" CRLF, value as RFC 2047 encoded-words (UTF-8,
 * base64) when it is not plain ASCII, each word at most 75 characters,
 * folded with CRLF SP, never splitting a UTF-8 sequence. */
enum buf_result notice_header_encode(struct buf *out, const char *name, const char *value);

/* The whole RFC 5322 message (CRLF line ends): From, To (folded, one
 * address per line), Subject, Date (now, in +0700), Message-ID
 * "<KEY-LEFT.channel@host>" (host of site_url, else of from; the same for
 * every attempt), MIME-Version, Content-Type text/plain; charset=UTF-8,
 * Content-Transfer-Encoding base64 (76-column lines), Auto-Submitted:
 * auto-generated; then the text with CRLF line ends, base64-encoded.
 * Addresses must be checked by the caller (notifyconf does). */
enum buf_result notice_mail(struct buf *out, const struct notice_info *n, const struct notice_opts *o,
			    const char *from, const char *const *to, size_t n_to, time_t now,
			    const char *text);

/* notice_mail() for any notice: key (NULL: no Message-ID) and the
 * subject given. */
enum buf_result notice_mail_text(struct buf *out, const char *key, const char *subject,
				 const struct notice_opts *o, const char *from, const char *const *to,
				 size_t n_to, time_t now, const char *text);

/* The notice of a queue entry that `prongsai import` rejected (fixed
 * wording: the entry's number, its kind, its subject only when it is an
 * id, and where to see why; never the reason, a name or a value).
 * site_url ends in "/" or is NULL. */
enum buf_result notice_import_text(struct buf *out, long long id, const char *kind, const char *subject,
				   const char *site_url);
enum buf_result notice_import_subject(struct buf *out, long long id);
/* The webhook body: {"event":"import-rejected","idempotency_key":..,
 * "queue_id":..,"kind":..,"subject":..,"text":..}. */
enum buf_result notice_json_import(struct buf *out, const char *key, long long id, const char *kind,
				   const char *subject, const char *text);

#endif
