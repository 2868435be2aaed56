/* notifyconf.c: see notifyconf.h. */
#define _DEFAULT_SOURCE /* strncasecmp */
#include "jobs/notifyconf.h"
#include "formcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <curl/curl.h>
#include <sodium.h>

#include "jobs/secretfile.h"
#include "load/ycheck.h"
#include "load/yload.h"

#define DEFAULT_MAX_AGE_HOURS 72
#define DEFAULT_BASE_SECONDS 60
#define DEFAULT_MAX_SECONDS 21600
#define DEFAULT_MAX_ATTEMPTS 10
#define DEFAULT_MAX_PER_RUN 100

const char *notify_type_name(enum notify_type t)
{
	switch (t) {
	case NT_SMTP: return "smtp";
	case NT_LINE: return "line";
	case NT_TELEGRAM: return "telegram";
	case NT_WEBHOOK: return "webhook";
	}
	return "?";
}

int notifyconf_is_loopback(const char *host, size_t len)
{
	size_t i;

	if (len >= 2 && host[0] == '[' && host[len - 1] == ']') {
		host++;
		len -= 2;
	}
	if (len == 9 && strncasecmp(host, "localhost", 9) == 0)
		return 1;
	if (len == 3 && memcmp(host, "::1", 3) == 0)
		return 1;
	if (len < 5 || memcmp(host, "127.", 4) != 0)
		return 0;
	for (i = 4; i < len; i++)
		if (!((host[i] >= '0' && host[i] <= '9') || host[i] == '.'))
			return 0;
	return 1;
}

/* ---- field checks ---- */

/* A mail address we are willing to put in an SMTP envelope and a header:
 * local@domain, printable ASCII without space, quotes, <>, (), comma,
 * semicolon, colon, brackets, backslash; at most 254 bytes. */
static int mail_address_ok(const char *s)
{
	const char *at = strchr(s, '@');

	if (!at || at == s || !at[1] || strchr(at + 1, '@') || strlen(s) > 254 || !secretfile_printable(s))
		return 0;
	return strpbrk(s, "\"<>(),;:\\[]") == NULL;
}

static int header_name_ok(const char *s)
{
	if (!*s || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      strchr("!#$%&'*+-.^_`|~", *s)))
			return 0;
	return 1;
}

static int header_value_ok(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || (unsigned char)*s == 0x7f)
			return 0;
	return 1;
}

enum url_kind {
	URL_SMTP,   /* smtp:// or smtps:// */
	URL_HTTPS,  /* https://, or http:// to the loopback (it may carry secrets) */
	URL_LINK    /* https:// or http:// (a public link) */
};

/* A URL of the given kind, without user name or password in it.  Never
 * quoted in messages (a webhook URL can be a secret).  Returns the URL, or
 * NULL after a report. */
static const char *get_url(struct yctx *c, const struct ynode *map, const char *key, int required,
			   enum url_kind kind)
{
	const struct ynode *n = ymap_get(map, key);
	const char *s = yget_str(c, map, key, required, NOTIFYCONF_MAX_URL);
	CURLU *u;
	char *scheme = NULL, *host = NULL, *user = NULL;
	int ok = 0;

	if (!s)
		return NULL;
	u = curl_url();
	if (u && secretfile_printable(s) && strlen(s) <= NOTIFYCONF_MAX_URL &&
	    curl_url_set(u, CURLUPART_URL, s, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host[0] &&
	    curl_url_get(u, CURLUPART_USER, &user, 0) != CURLUE_OK) {
		if (kind == URL_SMTP)
			ok = strcmp(scheme, "smtp") == 0 || strcmp(scheme, "smtps") == 0;
		else if (strcmp(scheme, "https") == 0)
			ok = 1;
		else if (strcmp(scheme, "http") == 0)
			ok = kind == URL_LINK || notifyconf_is_loopback(host, strlen(host));
	}
	if (!ok) {
		if (kind == URL_SMTP)
			diag_error(c->d, yloc(c->path, n),
				   "\"%s\" ต้องเป็น smtps://โฮสต์:พอร์ต หรือ smtp://โฮสต์:พอร์ต ไม่มีชื่อผู้ใช้ในที่อยู่",
				   "\"%s\" must be smtps://host:port or smtp://host:port, without a user name in it", key);
		else if (kind == URL_LINK)
			diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นที่อยู่ https:// หรือ http://",
				   "\"%s\" must be an https:// or http:// URL", key);
		else
			diag_error(c->d, yloc(c->path, n),
				   "\"%s\" ต้องเป็นที่อยู่ https:// (http:// ได้เฉพาะเครื่องนี้ 127.0.0.1) ไม่มีชื่อผู้ใช้ในที่อยู่",
				   "\"%s\" must be an https:// URL (http:// only to the loopback), without a user name in it",
				   key);
		s = NULL;
	}
	curl_free(user);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return s;
}

/* The host of a (checked) URL is the loopback. */
static int url_host_is_loopback(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL;
	int loop = 0;

	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		loop = notifyconf_is_loopback(host, strlen(host));
	curl_free(host);
	curl_url_cleanup(u);
	return loop;
}

static void get_retry(struct yctx *c, const struct ynode *map, struct notify_retry *r)
{
	static const char *const keys[] = { "base_seconds", "max_seconds", "max_attempts", NULL };
	const struct ynode *m = yget_map(c, map, "retry", 0);
	long v;

	if (!m)
		return;
	ycheck_keys(c, m, keys);
	if (yget_int(c, m, "base_seconds", 0, 1, 86400, &v) == Y_OK)
		r->base_seconds = v;
	if (yget_int(c, m, "max_seconds", 0, 1, 7 * 86400, &v) == Y_OK)
		r->max_seconds = v;
	if (yget_int(c, m, "max_attempts", 0, 1, 1000, &v) == Y_OK)
		r->max_attempts = v;
	if (r->max_seconds < r->base_seconds)
		diag_error(c->d, yloc(c->path, m), "\"max_seconds\" ต้องไม่น้อยกว่า \"base_seconds\"",
			   "\"max_seconds\" must not be less than \"base_seconds\"");
}

/* A list of strings (or one string) each checked by ok(), no repeats.
 * Returns NULL with *n_out 0 when absent or after a report. */
static const char *const *get_list(struct yctx *c, const struct ynode *map, const char *key,
				   size_t max, int (*ok)(const char *), const char *what_th,
				   const char *what_en, size_t *n_out)
{
	const struct ynode *n = ymap_get(map, key);
	const char **v;
	size_t i, k;

	*n_out = 0;
	if (ynode_is_null(n))
		return NULL;
	if (n->kind == YN_SCALAR) {
		if (!ok(n->s)) {
			diag_error(c->d, yloc(c->path, n), "\"%s\": %s ไม่ถูกต้อง", "\"%s\": not a valid %s",
				   key, L(c->d, what_th, what_en));
			return NULL;
		}
		v = arena_alloc(c->a, sizeof *v);
		v[0] = arena_strndup(c->a, n->s, n->len);
		*n_out = 1;
		return v;
	}
	if (!yget_seq(c, map, key, 0))
		return NULL;
	if (n->n == 0 || n->n > max) {
		diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องมี 1 ถึง %zu รายการ",
			   "\"%s\" must have 1 to %zu items", key, max);
		return NULL;
	}
	v = arena_alloc(c->a, n->n * sizeof *v);
	for (i = 0; i < n->n; i++) {
		const struct ynode *it = n->items[i];
		if (it->kind != YN_SCALAR || !ok(it->s)) {
			diag_error(c->d, yloc(c->path, it), "\"%s\": %s ไม่ถูกต้อง", "\"%s\": not a valid %s",
				   key, L(c->d, what_th, what_en));
			return NULL;
		}
		for (k = 0; k < i; k++)
			if (strcmp(v[k], it->s) == 0) {
				diag_error(c->d, yloc(c->path, it), "\"%s\": รายการซ้ำ", "\"%s\": repeated item",
					   key);
				return NULL;
			}
		v[i] = arena_strndup(c->a, it->s, it->len);
	}
	*n_out = n->n;
	return v;
}

static int telegram_token_ok(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == ':' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* An id for LINE's `to` or Telegram's chat_id: printable, no quotes. */
static int chat_id_ok(const char *s)
{
	return s[0] && secretfile_printable(s) && !strpbrk(s, "\"\\");
}

static const char *const common_keys[] = { "name", "type", "forms", "corruption_details", "retry",
	"max_per_run", "ca_file" };
#define N_COMMON (sizeof common_keys / sizeof common_keys[0])

/* Unknown keys of a channel of one type: the common ones plus extra. */
static void check_keys(struct yctx *c, const struct ynode *m, const char *const *extra)
{
	const char *keys[N_COMMON + 12];
	size_t n = 0, i;

	for (i = 0; i < N_COMMON; i++)
		keys[n++] = common_keys[i];
	for (i = 0; extra[i] && n < sizeof keys / sizeof keys[0] - 1; i++)
		keys[n++] = extra[i];
	keys[n] = NULL;
	ycheck_keys(c, m, keys);
}

static void load_smtp(struct yctx *c, const struct ynode *m, struct notify_channel *ch)
{
	static const char *const keys[] = { "url", "starttls", "username", "password", "from", "to", NULL };
	const char *tls;

	check_keys(c, m, keys);
	ch->url = get_url(c, m, "url", 1, URL_SMTP);
	tls = yget_str(c, m, "starttls", 0, 16);
	ch->starttls = STARTTLS_REQUIRED;
	if (tls) {
		if (strcmp(tls, "required") == 0)
			ch->starttls = STARTTLS_REQUIRED;
		else if (strcmp(tls, "try") == 0)
			ch->starttls = STARTTLS_TRY;
		else if (strcmp(tls, "no") == 0)
			ch->starttls = STARTTLS_NO;
		else
			diag_error(c->d, yloc(c->path, ymap_get(m, "starttls")),
				   "\"starttls\" ต้องเป็น required, try หรือ no",
				   "\"starttls\" must be required, try or no");
		if (ch->url && strncmp(ch->url, "smtps:", 6) == 0)
			diag_error(c->d, yloc(c->path, ymap_get(m, "starttls")),
				   "\"starttls\" ใช้กับ smtp:// เท่านั้น (smtps:// เข้ารหัสตั้งแต่ต้น)",
				   "\"starttls\" is for smtp:// only (smtps:// is encrypted from the start)");
	}
	ch->username = yget_str(c, m, "username", 0, 256);
	ch->password = secretfile_get_secret(c, m, "password", 0, NOTIFYCONF_MAX_SECRET);
	if (ynode_is_null(ymap_get(m, "username")) != ynode_is_null(ymap_get(m, "password")))
		diag_error(c->d, yloc(c->path, m), "ต้องมีทั้ง \"username\" และ \"password\" หรือไม่มีทั้งคู่",
			   "give both \"username\" and \"password\", or neither");
	if (ch->password && ch->url && strncmp(ch->url, "smtp:", 5) == 0 &&
	    ch->starttls != STARTTLS_REQUIRED && !url_host_is_loopback(ch->url))
		diag_error(c->d, yloc(c->path, m),
			   "จะไม่ส่งรหัสผ่านผ่านการเชื่อมต่อที่ไม่เข้ารหัส: ใช้ smtps:// หรือ starttls: required",
			   "a password is never sent over an unencrypted connection: use smtps:// or starttls: required");
	ch->from = yget_str(c, m, "from", 1, 254);
	if (ch->from && !mail_address_ok(ch->from)) {
		diag_error(c->d, yloc(c->path, ymap_get(m, "from")), "\"from\": ที่อยู่อีเมลไม่ถูกต้อง",
			   "\"from\": not a valid mail address");
		ch->from = NULL;
	}
	ch->to = get_list(c, m, "to", NOTIFYCONF_MAX_RCPTS, mail_address_ok, "ที่อยู่อีเมล", "mail address",
			  &ch->n_to);
	if (ynode_is_null(ymap_get(m, "to")))
		diag_error(c->d, yloc(c->path, m), "ไม่มีฟิลด์ \"to\" ซึ่งจำเป็นต้องกรอก",
			   "missing required field \"to\"");
}

static const char *get_api_base(struct yctx *c, const struct ynode *m, const char *dflt)
{
	const char *s;
	size_t len;

	if (ynode_is_null(ymap_get(m, "api_base")))
		return dflt;
	s = get_url(c, m, "api_base", 0, URL_HTTPS);
	if (!s)
		return NULL;
	len = strlen(s);
	while (len > 0 && s[len - 1] == '/')
		len--;
	return arena_strndup(c->a, s, len);
}

static void load_line(struct yctx *c, const struct ynode *m, struct notify_channel *ch)
{
	static const char *const keys[] = { "token", "to", "api_base", NULL };

	check_keys(c, m, keys);
	ch->token = secretfile_get_secret(c, m, "token", 1, NOTIFYCONF_MAX_SECRET);
	ch->line_to = yget_str(c, m, "to", 1, 64);
	if (ch->line_to && !chat_id_ok(ch->line_to)) {
		diag_error(c->d, yloc(c->path, ymap_get(m, "to")),
			   "\"to\": ต้องเป็นรหัสผู้ใช้ กลุ่ม หรือห้องของ LINE (เช่น Cxxxxxxxx)",
			   "\"to\": must be a LINE user, group or room id (e.g. Cxxxxxxxx)");
		ch->line_to = NULL;
	}
	ch->api_base = get_api_base(c, m, "https://api.line.me");
}

static void load_telegram(struct yctx *c, const struct ynode *m, struct notify_channel *ch)
{
	static const char *const keys[] = { "token", "chat_id", "api_base", NULL };

	check_keys(c, m, keys);
	ch->token = secretfile_get_secret(c, m, "token", 1, NOTIFYCONF_MAX_SECRET);
	if (ch->token && !telegram_token_ok(ch->token)) {
		diag_error(c->d, yloc(c->path, ymap_get(m, "token")),
			   "\"token\": โทเค็นของ Telegram มีได้เฉพาะ A-Z a-z 0-9 : _ - (ไม่แสดงค่าเพราะเป็นความลับ)",
			   "\"token\": a Telegram token has only A-Z a-z 0-9 : _ - (the value is secret: not shown)");
		ch->token = NULL;
	}
	ch->chat_id = yget_str(c, m, "chat_id", 1, 64);
	if (ch->chat_id && !chat_id_ok(ch->chat_id)) {
		diag_error(c->d, yloc(c->path, ymap_get(m, "chat_id")),
			   "\"chat_id\": ต้องเป็นเลขห้องสนทนา (เช่น \"-100123\") หรือ @ชื่อช่อง",
			   "\"chat_id\": must be a chat id (e.g. \"-100123\") or @channelname");
		ch->chat_id = NULL;
	}
	ch->api_base = get_api_base(c, m, "https://api.telegram.org");
}

static void load_webhook(struct yctx *c, const struct ynode *m, struct notify_channel *ch)
{
	static const char *const keys[] = { "url", "headers", NULL };
	static const char *const reserved[] = { "content-type", "content-length", "host",
		"transfer-encoding", "idempotency-key", "expect", "connection", NULL };
	const struct ynode *h;
	struct notify_header *hs;
	size_t i, k;

	check_keys(c, m, keys);
	ch->url = get_url(c, m, "url", 1, URL_HTTPS);
	h = yget_map(c, m, "headers", 0);
	if (!h)
		return;
	if (h->n > NOTIFYCONF_MAX_HEADERS) {
		diag_error(c->d, yloc(c->path, h), "\"headers\" มีได้ไม่เกิน %d รายการ",
			   "\"headers\" has more than %d items", NOTIFYCONF_MAX_HEADERS);
		return;
	}
	hs = arena_alloc(c->a, (h->n ? h->n : 1) * sizeof *hs);
	for (i = 0; i < h->n; i++) {
		const struct ynode *kn = h->keys[i], *vn = h->items[i];
		int bad = !header_name_ok(kn->s);
		for (k = 0; !bad && reserved[k]; k++)
			bad = strcasecmp(kn->s, reserved[k]) == 0;
		if (bad) {
			diag_error(c->d, yloc(c->path, kn), "\"headers\": ตั้งค่าส่วนหัว \"%s\" ที่นี่ไม่ได้",
				   "\"headers\": \"%s\" is not a header that can be set here", kn->s);
			continue;
		}
		if (vn->kind != YN_SCALAR || vn->len > NOTIFYCONF_MAX_SECRET || !header_value_ok(vn->s)) {
			diag_error(c->d, yloc(c->path, vn),
				   "\"%s\": ค่าต้องเป็นข้อความบรรทัดเดียว ยาวไม่เกิน %d ไบต์ (ไม่แสดงค่า)",
				   "\"%s\": the value must be one line of at most %d bytes (not shown)",
				   kn->s, NOTIFYCONF_MAX_SECRET);
			continue;
		}
		hs[ch->n_headers].name = arena_strndup(c->a, kn->s, kn->len);
		hs[ch->n_headers].value = arena_strndup(c->a, vn->s, vn->len);
		ch->n_headers++;
	}
	ch->headers = hs;
}

static void load_channel(struct yctx *c, const struct ynode *m, const struct notify_conf *conf,
			 long max_per_run, struct notify_channel *ch)
{
	const char *type;
	long v;
	int b;

	memset(ch, 0, sizeof *ch);
	ch->retry = conf->retry;
	ch->max_per_run = max_per_run;
	if (yget_int(c, m, "max_per_run", 0, 1, 10000, &v) == Y_OK)
		ch->max_per_run = v;
	get_retry(c, m, &ch->retry);
	ch->name = yget_id(c, m, "name", 1);
	if (ch->name && strlen(ch->name) > NOTIFYCONF_MAX_NAME) {
		diag_error(c->d, yloc(c->path, ymap_get(m, "name")), "\"name\" ยาวเกิน %d ตัวอักษร",
			   "\"name\" is longer than %d characters", NOTIFYCONF_MAX_NAME);
		ch->name = NULL;
	}
	ch->forms = get_list(c, m, "forms", NOTIFYCONF_MAX_FORMS, form_id_valid, "รหัสแบบฟอร์ม", "form id",
			     &ch->n_forms);
	if (yget_bool(c, m, "corruption_details", 0, &b) == Y_OK)
		ch->corruption_details = b;
	ch->ca_file = yget_str(c, m, "ca_file", 0, 1024);
	if (ch->ca_file) {
		struct stat st;
		if (stat(ch->ca_file, &st) != 0 || !S_ISREG(st.st_mode))
			diag_error(c->d, yloc(c->path, ymap_get(m, "ca_file")),
				   "\"ca_file\": ไม่พบแฟ้ม %s", "\"ca_file\": no such file %s", ch->ca_file);
	}
	type = yget_str(c, m, "type", 1, 16);
	if (!type)
		return;
	if (strcmp(type, "smtp") == 0) {
		ch->type = NT_SMTP;
		load_smtp(c, m, ch);
	} else if (strcmp(type, "line") == 0) {
		ch->type = NT_LINE;
		load_line(c, m, ch);
	} else if (strcmp(type, "telegram") == 0) {
		ch->type = NT_TELEGRAM;
		load_telegram(c, m, ch);
	} else if (strcmp(type, "webhook") == 0) {
		ch->type = NT_WEBHOOK;
		load_webhook(c, m, ch);
	} else {
		diag_error(c->d, yloc(c->path, ymap_get(m, "type")),
			   "\"type\" ต้องเป็น smtp, line, telegram หรือ webhook (ได้ \"%s\")",
			   "\"type\" must be smtp, line, telegram or webhook (got \"%s\")", type);
	}
}

int notifyconf_load(const char *path, struct arena *a, struct diags *d, struct notify_conf *out)
{
	static const char *const top_keys[] = { "site_url", "max_age_hours", "retry", "max_per_run",
		"channels", NULL };
	struct yctx c = { a, d, path };
	size_t i, k, errors = d->errors;
	const struct ynode *root, *chans;
	struct notify_channel *chs;
	long v, max_per_run = DEFAULT_MAX_PER_RUN;

	memset(out, 0, sizeof *out);
	out->path = path;
	root = secretfile_load_map(path, NOTIFYCONF_MAX_FILE, "notify", "/etc/prongsai/notify.yaml",
		"ที่มี channels", "with channels", a, d);
	if (!root)
		return -1;
	ycheck_keys(&c, root, top_keys);
	out->site_url = get_url(&c, root, "site_url", 0, URL_LINK);
	if (out->site_url && out->site_url[strlen(out->site_url) - 1] != '/')
		out->site_url = arena_printf(a, "%s/", out->site_url);
	out->max_age_hours = DEFAULT_MAX_AGE_HOURS;
	if (yget_int(&c, root, "max_age_hours", 0, 1, 24 * 366, &v) == Y_OK)
		out->max_age_hours = v;
	out->retry.base_seconds = DEFAULT_BASE_SECONDS;
	out->retry.max_seconds = DEFAULT_MAX_SECONDS;
	out->retry.max_attempts = DEFAULT_MAX_ATTEMPTS;
	get_retry(&c, root, &out->retry);
	if (yget_int(&c, root, "max_per_run", 0, 1, 10000, &v) == Y_OK)
		max_per_run = v;
	chans = yget_seq(&c, root, "channels", 1);
	if (chans && (chans->n == 0 || chans->n > NOTIFYCONF_MAX_CHANNELS)) {
		diag_error(d, yloc(path, chans), "\"channels\" ต้องมี 1 ถึง %d ช่องทาง",
			   "\"channels\" must have 1 to %d channels", NOTIFYCONF_MAX_CHANNELS);
		chans = NULL;
	}
	if (chans) {
		chs = arena_alloc(a, chans->n * sizeof *chs);
		for (i = 0; i < chans->n; i++) {
			const struct ynode *m = chans->items[i];
			if (m->kind != YN_MAP) {
				diag_error(d, yloc(path, m), "แต่ละช่องทางต้องเป็นชุดฟิลด์ (name, type, ...)",
					   "each channel must be a mapping (name, type, ...)");
				continue;
			}
			load_channel(&c, m, out, max_per_run, &chs[i]);
			for (k = 0; k < i && chs[i].name; k++)
				if (chs[k].name && strcmp(chs[k].name, chs[i].name) == 0)
					diag_error(d, yloc(path, ymap_get(m, "name")),
						   "มีช่องทางชื่อ \"%s\" แล้ว", "a channel named \"%s\" exists already",
						   chs[i].name);
		}
		out->channels = chs;
		out->n_channels = chans->n;
	}
	return d->errors > errors ? -1 : 0;
}

void notifyconf_wipe(struct notify_conf *c, struct arena *a)
{
	arena_wipe(a);
	memset(c, 0, sizeof *c);
}
