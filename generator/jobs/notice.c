/* notice.c: see notice.h. */
#include "jobs/notice.h"

#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "model/dates.h"
#include "escape.h"
#include "render/thaidate.h"
#include "utf8.h"

#define TRY(x) do { enum buf_result r_ = (x); if (r_ != BUF_OK) return r_; } while (0)

int notice_is_corruption(const struct notice_info *n)
{
	return n->channel && strcmp(n->channel, "corruption") == 0;
}

static int is_survey(const struct notice_info *n)
{
	return !n->code || !n->code[0] || (n->kind && strcmp(n->kind, "survey") == 0);
}

int notice_key(const struct notice_info *n, const char *channel_name, char out[NOTICE_MAX_KEY])
{
	int len = is_survey(n) ? snprintf(out, NOTICE_MAX_KEY, "survey-%lld/%s", n->id, channel_name)
			       : snprintf(out, NOTICE_MAX_KEY, "%s/%s", n->code, channel_name);

	if (len < 0 || len >= NOTICE_MAX_KEY) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

void notice_uuid(const char *key, char out[37])
{
	unsigned char h[16];
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0;

	crypto_generichash(h, sizeof h, (const unsigned char *)key, strlen(key), NULL, 0);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x40); /* version 4 layout */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[h[i] >> 4];
		out[o++] = hex[h[i] & 15];
	}
	out[o] = '\0';
}

void notice_thai_time(const char *utc, char *out, size_t outlen)
{
	int64_t t;
	char day[64];
	int y, mo, d, secs;
	pdate pd;

	if (outlen == 0)
		return;
	if (date_parse_utc_stamp(utc, &t) != 0) {
		snprintf(out, outlen, "%s", utc ? utc : "");
		return;
	}
	t += DATE_BANGKOK_OFFSET_S;
	pd = (pdate)(t / 86400);
	secs = (int)(t % 86400);
	thaidate_short(pd, DIGITS_ARABIC, day, sizeof day);
	date_to_ymd(pd, &y, &mo, &d);
	snprintf(out, outlen, "%s เวลา %02d:%02d น. (%04d-%02d-%02d %02d:%02d UTC+7)", day, secs / 3600,
		 secs / 60 % 60, y, mo, d, secs / 3600, secs / 60 % 60);
}

/* 1 for code points that must not reach a notice: controls (C0, DEL, C1)
 * and the bidirectional overrides and isolates, which could make a label
 * display as something else. */
static int unwanted_cp(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* Append s cut to NOTICE_MAX_LABEL code points ("…" when cut), unwanted
 * code points as spaces and invalid bytes as "?". */
static enum buf_result add_clipped(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0, cps = 0;
	unsigned cp;

	while (i < len) {
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cps == NOTICE_MAX_LABEL)
			return buf_adds(out, "…");
		if (k == 0) {
			TRY(buf_addc(out, '?'));
			k = 1;
		} else if (unwanted_cp(cp)) {
			TRY(buf_addc(out, ' '));
		} else {
			TRY(buf_add(out, s + i, k));
		}
		i += k;
		cps++;
	}
	return BUF_OK;
}

/* "th (en)", "th", or fallback. */
static enum buf_result add_label(struct buf *out, const char *th, const char *en, const char *fallback)
{
	if (th && th[0]) {
		TRY(add_clipped(out, th));
		if (en && en[0] && strcmp(en, th) != 0) {
			TRY(buf_adds(out, " ("));
			TRY(add_clipped(out, en));
			TRY(buf_addc(out, ')'));
		}
		return BUF_OK;
	}
	if (en && en[0])
		return add_clipped(out, en);
	return add_clipped(out, fallback ? fallback : "");
}

static int show_details(const struct notice_info *n, const struct notice_opts *o)
{
	return !notice_is_corruption(n) || o->details;
}

static const char *heading(const struct notice_info *n)
{
	if (is_survey(n))
		return "แบบสำรวจใหม่ (new survey response)";
	if (notice_is_corruption(n))
		return "เบาะแสการทุจริตใหม่ (new corruption report)";
	return "เรื่องร้องเรียนใหม่ (new complaint)";
}

static const char *heading_short(const struct notice_info *n)
{
	if (is_survey(n))
		return "แบบสำรวจใหม่";
	if (notice_is_corruption(n))
		return "เบาะแสการทุจริตใหม่";
	return "เรื่องร้องเรียนใหม่";
}

static const char *heading_en(const struct notice_info *n)
{
	if (is_survey(n))
		return "new survey response";
	if (notice_is_corruption(n))
		return "new corruption report";
	return "new complaint";
}

enum buf_result notice_text(struct buf *out, const struct notice_info *n, const struct notice_opts *o)
{
	char when[160];
	int details = show_details(n, o);

	TRY(buf_adds(out, heading(n)));
	TRY(buf_adds(out, "\nแบบฟอร์ม (form): "));
	TRY(add_label(out, n->form_title_th, n->form_title_en, n->form_id));
	if (is_survey(n)) {
		TRY(buf_printf(out, "\nเลขที่ (number): %lld", n->id));
	} else {
		TRY(buf_adds(out, "\nรหัสติดตาม (tracking code): "));
		TRY(add_clipped(out, n->code));
	}
	if (details && n->category && n->category[0]) {
		TRY(buf_adds(out, "\nประเภท (category): "));
		TRY(add_label(out, n->category_th, n->category_en, n->category));
	}
	if (details && n->district && n->district[0]) {
		TRY(buf_adds(out, "\nอำเภอ (district): "));
		TRY(add_label(out, n->district_th, n->district_en, n->district));
	}
	notice_thai_time(n->created_at, when, sizeof when);
	TRY(buf_adds(out, "\nได้รับเมื่อ (received): "));
	TRY(add_clipped(out, when));
	if (!details)
		TRY(buf_adds(out, "\nไม่แสดงประเภทและอำเภอ เพื่อปกป้องผู้แจ้ง "
			     "(category and district left out to protect the reporter)"));
	if (o->site_url && is_survey(n)) {
		TRY(buf_printf(out, "\nผลสำรวจ (survey results): %ssurveys/", o->site_url));
	} else if (o->site_url) {
		TRY(buf_printf(out, "\nหน้าติดตาม (tracking page): %strack/", o->site_url));
		TRY(add_clipped(out, n->code));
		TRY(buf_addc(out, '/'));
	}
	if (!is_survey(n)) {
		TRY(buf_adds(out, "\nเปิดอ่าน (open it): prongsai inbox show "));
		TRY(add_clipped(out, n->code));
	}
	return buf_addc(out, '\n');
}

enum buf_result notice_subject(struct buf *out, const struct notice_info *n)
{
	TRY(buf_printf(out, "[prongsai] %s ", heading_short(n)));
	if (is_survey(n))
		TRY(buf_printf(out, "#%lld", n->id));
	else
		TRY(add_clipped(out, n->code));
	return buf_printf(out, " (%s)", heading_en(n));
}

/* ,"key":"escaped" or ,"key":null */
static enum buf_result json_field(struct buf *out, const char *key, const char *val, int clip)
{
	TRY(buf_printf(out, ",\"%s\":", key));
	if (!val)
		return buf_adds(out, "null");
	TRY(buf_addc(out, '"'));
	if (clip) {
		struct buf tmp;
		enum buf_result r;
		buf_init(&tmp, NOTICE_MAX_LABEL * 4 + 8);
		r = add_clipped(&tmp, val);
		if (r == BUF_OK)
			r = json_escape(out, tmp.data ? tmp.data : "", tmp.len);
		buf_free(&tmp);
		TRY(r);
	} else {
		TRY(json_escape(out, val, strlen(val)));
	}
	return buf_addc(out, '"');
}

enum buf_result notice_json_webhook(struct buf *out, const struct notice_info *n,
				    const struct notice_opts *o, const char *text)
{
	char key[NOTICE_MAX_KEY];
	int details = show_details(n, o), survey = is_survey(n);
	const char *cat = details && n->category && n->category[0] ? n->category : NULL;
	const char *dis = details && n->district && n->district[0] ? n->district : NULL;
	const char *code = survey ? NULL : n->code;

	notice_key(n, o->channel_name, key);
	TRY(buf_adds(out, "{\"event\":\"submission\""));
	TRY(json_field(out, "idempotency_key", key, 0));
	TRY(buf_printf(out, ",\"id\":%lld", n->id));
	TRY(json_field(out, "form", n->form_id, 1));
	TRY(json_field(out, "form_title", n->form_title_th, 1));
	TRY(json_field(out, "form_title_en", n->form_title_en, 1));
	TRY(json_field(out, "kind", n->kind, 1));
	TRY(json_field(out, "channel", n->channel, 1));
	TRY(json_field(out, "code", code, 1));
	TRY(json_field(out, "category", cat, 1));
	TRY(json_field(out, "category_label", cat ? (n->category_th ? n->category_th : cat) : NULL, 1));
	TRY(json_field(out, "district", dis, 1));
	TRY(json_field(out, "district_label", dis ? (n->district_th ? n->district_th : dis) : NULL, 1));
	TRY(json_field(out, "created_at", n->created_at, 1));
	if (o->site_url) {
		TRY(buf_adds(out, ",\"track_url\":\""));
		TRY(json_escape(out, o->site_url, strlen(o->site_url)));
		if (survey)
			TRY(buf_adds(out, "surveys/\""));
		else {
			TRY(buf_adds(out, "track/"));
			TRY(json_escape(out, code, strlen(code)));
			TRY(buf_adds(out, "/\""));
		}
	} else {
		TRY(buf_adds(out, ",\"track_url\":null"));
	}
	if (survey) {
		TRY(buf_adds(out, ",\"inbox_command\":null"));
	} else {
		TRY(buf_adds(out, ",\"inbox_command\":\"prongsai inbox show "));
		TRY(json_escape(out, code, strlen(code)));
		TRY(buf_addc(out, '"'));
	}
	TRY(json_field(out, "text", text, 0));
	return buf_addc(out, '}');
}

enum buf_result notice_json_line(struct buf *out, const char *to, const char *text)
{
	TRY(buf_adds(out, "{\"to\":\""));
	TRY(json_escape(out, to, strlen(to)));
	TRY(buf_adds(out, "\",\"messages\":[{\"type\":\"text\",\"text\":\""));
	TRY(json_escape(out, text, strlen(text)));
	return buf_adds(out, "\"}]}");
}

enum buf_result notice_json_telegram(struct buf *out, const char *chat_id, const char *text)
{
	TRY(buf_adds(out, "{\"chat_id\":\""));
	TRY(json_escape(out, chat_id, strlen(chat_id)));
	TRY(buf_adds(out, "\",\"text\":\""));
	TRY(json_escape(out, text, strlen(text)));
	return buf_adds(out, "\",\"disable_web_page_preview\":true}");
}

/* ---- mail ---- */

static enum buf_result add_base64(struct buf *out, const unsigned char *p, size_t len)
{
	char b64[sodium_base64_ENCODED_LEN(57, sodium_base64_VARIANT_ORIGINAL)];

	sodium_bin2base64(b64, sizeof b64, p, len, sodium_base64_VARIANT_ORIGINAL);
	return buf_adds(out, b64);
}

#define WORD_BYTES 42 /* 56 base64 characters: "=?UTF-8?B?" + 56 + "?=" = 68 */

enum buf_result notice_header_encode(struct buf *out, const char *name, const char *value)
{
	size_t len = strlen(value), i, ascii = 1;

	for (i = 0; i < len; i++)
		if ((unsigned char)value[i] < 0x20 || (unsigned char)value[i] >= 0x7f)
			ascii = 0;
	/* "=?" in plain text would read as an encoded word: encode it too */
	if (ascii && !strstr(value, "=?") && strlen(name) + 2 + len <= 78)
		return buf_printf(out, "%s: %s\r\n", name, value);
	TRY(buf_printf(out, "%s:", name));
	i = 0;
	while (i < len) {
		size_t take = 0;
		unsigned cp;
		/* whole UTF-8 sequences, up to WORD_BYTES */
		while (i + take < len) {
			size_t k = utf8_decode(value + i + take, len - i - take, &cp);
			if (k == 0)
				k = 1;
			if (take + k > WORD_BYTES)
				break;
			take += k;
		}
		TRY(buf_adds(out, i ? "\r\n =?UTF-8?B?" : " =?UTF-8?B?"));
		TRY(add_base64(out, (const unsigned char *)value + i, take));
		TRY(buf_adds(out, "?="));
		i += take;
	}
	return buf_adds(out, "\r\n");
}

/* The host of an http(s) URL (between "//" and the next "/", ":", "?"). */
static void url_host(const char *url, char *out, size_t outlen)
{
	const char *p = strstr(url, "//"), *e;

	out[0] = '\0';
	if (!p)
		return;
	p += 2;
	e = p + strcspn(p, "/:?#[]@");
	if (*e == '@') /* user info: skip (not expected) */
		return;
	if ((size_t)(e - p) < outlen)
		snprintf(out, outlen, "%.*s", (int)(e - p), p);
}

enum buf_result notice_mail(struct buf *out, const struct notice_info *n, const struct notice_opts *o,
			    const char *from, const char *const *to, size_t n_to, time_t now,
			    const char *text)
{
	char key[NOTICE_MAX_KEY];
	struct buf subj;
	enum buf_result r;

	buf_init(&subj, 1024);
	r = notice_subject(&subj, n);
	if (r == BUF_OK)
		r = notice_mail_text(out, notice_key(n, o->channel_name, key) == 0 ? key : NULL, buf_str(&subj), o,
				     from, to, n_to, now, text);
	buf_free(&subj);
	return r;
}

enum buf_result notice_mail_text(struct buf *out, const char *key_in, const char *subject,
				 const struct notice_opts *o, const char *from, const char *const *to,
				 size_t n_to, time_t now, const char *text)
{
	static const char *const wday[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
		"Sep", "Oct", "Nov", "Dec" };
	char key[NOTICE_MAX_KEY], host[256];
	struct buf body;
	enum buf_result r;
	long long t = (long long)now + DATE_BANGKOK_OFFSET_S;
	long long days = t >= 0 ? t / 86400 : 0;
	int y, m, d, secs = (int)(t >= 0 ? t % 86400 : 0);
	size_t i, len;
	const char *at = strrchr(from, '@');

	/* From, To */
	TRY(buf_printf(out, "From: prongsai <%s>\r\nTo: ", from));
	for (i = 0; i < n_to; i++)
		TRY(buf_printf(out, "%s%s", to[i], i + 1 < n_to ? ",\r\n " : "\r\n"));
	TRY(notice_header_encode(out, "Subject", subject));
	/* Date in Thai time */
	date_to_ymd((pdate)days, &y, &m, &d);
	TRY(buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0700\r\n", wday[days % 7], d, mon[m - 1], y,
		       secs / 3600, secs / 60 % 60, secs % 60));
	/* Message-ID: the same for every attempt of this notice */
	host[0] = '\0';
	if (o->site_url)
		url_host(o->site_url, host, sizeof host);
	if (!host[0] && at)
		snprintf(host, sizeof host, "%s", at + 1);
	if (!host[0])
		snprintf(host, sizeof host, "prongsai.invalid");
	if (key_in && snprintf(key, sizeof key, "%s", key_in) < (int)sizeof key) {
		char *slash = strchr(key, '/');
		if (slash)
			*slash = '.';
		TRY(buf_printf(out, "Message-ID: <%s@%s>\r\n", key, host));
	}
	TRY(buf_adds(out, "MIME-Version: 1.0\r\n"
		     "Content-Type: text/plain; charset=UTF-8\r\n"
		     "Content-Transfer-Encoding: base64\r\n"
		     "Auto-Submitted: auto-generated\r\n"
		     "X-Auto-Response-Suppress: All\r\n"
		     "\r\n"));
	/* body: the text with CRLF line ends, base64 in 76-column lines */
	buf_init(&body, NOTICE_MAX_TEXT * 2);
	r = BUF_OK;
	for (i = 0; text[i] && r == BUF_OK; i++)
		r = text[i] == '\n' ? buf_adds(&body, "\r\n") : buf_addc(&body, text[i]);
	for (i = 0; r == BUF_OK && i < body.len; i += 57) {
		len = body.len - i < 57 ? body.len - i : 57;
		r = add_base64(out, (const unsigned char *)body.data + i, len);
		if (r == BUF_OK)
			r = buf_adds(out, "\r\n");
	}
	buf_free(&body);
	return r;
}

/* ---- import rejections (prongsai import) ---- */

/* A queue entry's subject when it is an id ([a-z0-9-], at most 64
 * characters), else NULL: free text (a sheet's name) is not sent. */
static const char *import_subject(const char *s)
{
	size_t i, n = s ? strlen(s) : 0;

	if (n == 0 || n > 64)
		return NULL;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return NULL;
	return s;
}

static const char *import_kind(const char *k)
{
	return strcmp(k, "progress") == 0 ? "progress" : strcmp(k, "sheet") == 0 ? "sheet"
		: strcmp(k, "answer") == 0 ? "answer" : "other";
}

enum buf_result notice_import_text(struct buf *out, long long id, const char *kind, const char *subject,
				   const char *site_url)
{
	const char *sub = import_subject(subject);

	TRY(buf_printf(out, "รายการที่ส่งผ่านระบบเจ้าหน้าที่ไม่ผ่านการตรวจ จึงยังไม่เผยแพร่\n"
		       "(an entry sent through the staff area failed the check and was not published)\n"
		       "รายการ / entry: #%lld (%s%s%s)\n", id, import_kind(kind), sub ? ", " : "", sub ? sub : ""));
	if (site_url)
		return buf_printf(out, "ดูเหตุผลและแก้ไข / see why and correct it: %sstaff/\n", site_url);
	return buf_adds(out, "ดูเหตุผลที่หน้า \"โครงการของฉัน\" / see why on \"my projects\"\n");
}

enum buf_result notice_import_subject(struct buf *out, long long id)
{
	return buf_printf(out, "[prongsai] รายการ #%lld ไม่ผ่านการตรวจ (entry #%lld not accepted)", id, id);
}

enum buf_result notice_json_import(struct buf *out, const char *key, long long id, const char *kind,
				   const char *subject, const char *text)
{
	TRY(buf_adds(out, "{\"event\":\"import-rejected\""));
	TRY(json_field(out, "idempotency_key", key, 0));
	TRY(buf_printf(out, ",\"queue_id\":%lld", id));
	TRY(json_field(out, "kind", import_kind(kind), 0));
	TRY(json_field(out, "subject", import_subject(subject), 0));
	TRY(json_field(out, "text", text, 0));
	return buf_addc(out, '}');
}
