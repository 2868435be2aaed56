/* test_notice.c: the notices of `prongsai notify` (generator/notice.h):
 * text, JSON bodies, RFC 2047 headers and the whole mail, at their caps. */
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "check.h"
#include "jobs/notice.h"
#include "utf8.h"

static const struct notice_info complaint = {
	.id = 7, .form_id = "complaint", .form_title_th = "ร้องเรียน/ร้องทุกข์", .form_title_en = "Complaints",
	.kind = "complaint", .channel = "general", .code = "7K3M-QW9X-2HBD-RT5V",
	.created_at = "2026-01-05T07:03:09Z",
	.category = "service", .category_th = "การให้บริการ", .category_en = "Service",
	.district = "na-duang", .district_th = "นาด้วง", .district_en = "Na Duang",
};

static const struct notice_opts opts = { "https://loei.example.go.th/", "office-mail", 0 };

static int contains(const struct buf *b, const char *s)
{
	return b->data && strstr(b->data, s) != NULL;
}

/* A string of n copies of s. */
static char *repeat(const char *s, size_t n)
{
	size_t len = strlen(s), i;
	char *p = malloc(len * n + 1);

	for (i = 0; i < n; i++)
		memcpy(p + i * len, s, len);
	p[len * n] = '\0';
	return p;
}

static void test_time_key_uuid(void)
{
	char b[160], key[NOTICE_MAX_KEY], u1[37], u2[37], u3[37];
	struct notice_info survey = complaint;
	char longname[200];

	notice_thai_time("2026-01-05T07:03:09Z", b, sizeof b);
	CHECK_STR(b, "5 ม.ค. 2569 เวลา 14:03 น. (2026-01-05 14:03 UTC+7)");
	notice_thai_time("2025-12-31T20:00:00Z", b, sizeof b); /* the next day in Thailand */
	CHECK_STR(b, "1 ม.ค. 2569 เวลา 03:00 น. (2026-01-01 03:00 UTC+7)");
	notice_thai_time("yesterday", b, sizeof b);
	CHECK_STR(b, "yesterday");
	notice_thai_time("2026-02-30T00:00:00Z", b, sizeof b);
	CHECK_STR(b, "2026-02-30T00:00:00Z");
	notice_thai_time("2026-01-05T07:03:09Z", b, 8); /* cut, terminated */
	CHECK(strlen(b) < 8);

	CHECK_INT(notice_key(&complaint, "hook", key), 0);
	CHECK_STR(key, "7K3M-QW9X-2HBD-RT5V/hook");
	survey.code = NULL;
	survey.kind = "survey";
	CHECK_INT(notice_key(&survey, "hook", key), 0);
	CHECK_STR(key, "survey-7/hook");
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	CHECK_INT(notice_key(&complaint, longname, key), -1);
	CHECK_STR(key, "");

	notice_uuid("7K3M-QW9X-2HBD-RT5V/line", u1);
	notice_uuid("7K3M-QW9X-2HBD-RT5V/line", u2);
	notice_uuid("7K3M-QW9X-2HBD-RT5V/line2", u3);
	CHECK_STR(u1, u2);
	CHECK(strcmp(u1, u3) != 0);
	CHECK_INT(strlen(u1), 36);
	CHECK(u1[8] == '-' && u1[13] == '-' && u1[18] == '-' && u1[23] == '-');
	CHECK(u1[14] == '4');
	CHECK(strchr("89ab", u1[19]) != NULL);
}

static void test_text(void)
{
	struct buf b;
	struct notice_info n = complaint;
	struct notice_opts o = opts;

	buf_init(&b, NOTICE_MAX_TEXT);
	CHECK_INT(notice_text(&b, &n, &o), BUF_OK);
	CHECK_STR(b.data, "เรื่องร้องเรียนใหม่ (new complaint)\n"
		  "แบบฟอร์ม (form): ร้องเรียน/ร้องทุกข์ (Complaints)\n"
		  "รหัสติดตาม (tracking code): 7K3M-QW9X-2HBD-RT5V\n"
		  "ประเภท (category): การให้บริการ (Service)\n"
		  "อำเภอ (district): นาด้วง (Na Duang)\n"
		  "ได้รับเมื่อ (received): 5 ม.ค. 2569 เวลา 14:03 น. (2026-01-05 14:03 UTC+7)\n"
		  "หน้าติดตาม (tracking page): https://loei.example.go.th/track/7K3M-QW9X-2HBD-RT5V/\n"
		  "เปิดอ่าน (open it): prongsai inbox show 7K3M-QW9X-2HBD-RT5V\n");

	/* corruption: no category or district unless the channel asks */
	n.channel = "corruption";
	buf_reset(&b);
	CHECK_INT(notice_text(&b, &n, &o), BUF_OK);
	CHECK(contains(&b, "เบาะแสการทุจริตใหม่ (new corruption report)"));
	CHECK(!contains(&b, "การให้บริการ") && !contains(&b, "นาด้วง") && !contains(&b, "service"));
	CHECK(contains(&b, "category and district left out to protect the reporter"));
	o.details = 1;
	buf_reset(&b);
	CHECK_INT(notice_text(&b, &n, &o), BUF_OK);
	CHECK(contains(&b, "อำเภอ (district): นาด้วง (Na Duang)"));
	CHECK(!contains(&b, "left out"));

	/* survey: a number, the results page, no inbox command */
	n = complaint;
	n.kind = "survey";
	n.channel = "none";
	n.code = NULL;
	n.category = n.district = NULL;
	buf_reset(&b);
	CHECK_INT(notice_text(&b, &n, &opts), BUF_OK);
	CHECK(contains(&b, "แบบสำรวจใหม่ (new survey response)"));
	CHECK(contains(&b, "เลขที่ (number): 7\n"));
	CHECK(contains(&b, "https://loei.example.go.th/surveys/"));
	CHECK(!contains(&b, "inbox"));
	CHECK(!contains(&b, "category"));

	/* no site_url: no link; a form that is gone: its id */
	n = complaint;
	n.form_title_th = n.form_title_en = NULL;
	n.category_th = n.category_en = NULL;
	o = opts;
	o.site_url = NULL;
	buf_reset(&b);
	CHECK_INT(notice_text(&b, &n, &o), BUF_OK);
	CHECK(!contains(&b, "http"));
	CHECK(contains(&b, "แบบฟอร์ม (form): complaint\n"));
	CHECK(contains(&b, "ประเภท (category): service\n"));
	buf_free(&b);
}

static void test_text_caps(void)
{
	struct buf b;
	struct notice_info n = complaint;
	struct notice_opts o = opts;
	char *lab = repeat("ก", 10000), *url = repeat("a", 2048 - 20), *site;
	char bad[] = "a\x01" "b\xe2\x80\xae" "c\xff" "d\n";
	size_t cps;

	site = malloc(2100);
	snprintf(site, 2100, "https://%s/", url);
	n.form_title_th = n.form_title_en = n.category_th = n.category_en = lab;
	n.district_th = n.district_en = lab;
	o.site_url = site;
	buf_init(&b, NOTICE_MAX_TEXT);
	CHECK_INT(notice_text(&b, &n, &o), BUF_OK); /* fits at every cap */
	CHECK(b.len < NOTICE_MAX_TEXT);
	CHECK(utf8_valid(b.data, b.len, NULL));
	/* each label cut to NOTICE_MAX_LABEL code points and "…" */
	{
		char *want = repeat("ก", NOTICE_MAX_LABEL);
		struct buf w;
		buf_init(&w, 4096);
		/* the English label equals the Thai one: shown once */
		buf_printf(&w, "ประเภท (category): %s…\n", want);
		CHECK(contains(&b, w.data));
		buf_free(&w);
		free(want);
	}
	cps = utf8_count(b.data, b.len);
	CHECK(cps < 4096); /* Telegram takes 4096 characters */

	/* control characters and bidi overrides become spaces, bad bytes "?" */
	n = complaint;
	n.category_th = bad;
	n.category_en = NULL;
	buf_reset(&b);
	CHECK_INT(notice_text(&b, &n, &opts), BUF_OK);
	CHECK(contains(&b, "ประเภท (category): a b c?d \n"));
	CHECK(utf8_valid(b.data, b.len, NULL));

	/* a cap too small: an error, never a truncated notice passed as whole */
	buf_free(&b);
	buf_init(&b, 100);
	CHECK_INT(notice_text(&b, &complaint, &opts), BUF_TOO_BIG);
	buf_free(&b);
	free(lab);
	free(url);
	free(site);
}

static void test_json(void)
{
	struct buf b;
	struct notice_info n = complaint;
	char *lab = repeat("\"\\<", 5000);
	size_t i;

	buf_init(&b, NOTICE_MAX_JSON);
	CHECK_INT(notice_json_line(&b, "Cabc", "a \"q\" \\ <b>\n&"), BUF_OK);
	CHECK_STR(b.data, "{\"to\":\"Cabc\",\"messages\":[{\"type\":\"text\","
		  "\"text\":\"a \\\"q\\\" \\\\ \\u003cb\\u003e\\n\\u0026\"}]}");
	buf_reset(&b);
	CHECK_INT(notice_json_telegram(&b, "-100123", "x\ty"), BUF_OK);
	CHECK_STR(b.data, "{\"chat_id\":\"-100123\",\"text\":\"x\\ty\",\"disable_web_page_preview\":true}");

	buf_reset(&b);
	CHECK_INT(notice_json_webhook(&b, &n, &opts, "T"), BUF_OK);
	CHECK_STR(b.data, "{\"event\":\"submission\",\"idempotency_key\":\"7K3M-QW9X-2HBD-RT5V/office-mail\","
		  "\"id\":7,\"form\":\"complaint\",\"form_title\":\"ร้องเรียน/ร้องทุกข์\",\"form_title_en\":\"Complaints\","
		  "\"kind\":\"complaint\",\"channel\":\"general\",\"code\":\"7K3M-QW9X-2HBD-RT5V\","
		  "\"category\":\"service\",\"category_label\":\"การให้บริการ\",\"district\":\"na-duang\","
		  "\"district_label\":\"นาด้วง\",\"created_at\":\"2026-01-05T07:03:09Z\","
		  "\"track_url\":\"https://loei.example.go.th/track/7K3M-QW9X-2HBD-RT5V/\","
		  "\"inbox_command\":\"prongsai inbox show 7K3M-QW9X-2HBD-RT5V\",\"text\":\"T\"}");

	/* corruption: category and district null; survey: code, links null */
	n.channel = "corruption";
	buf_reset(&b);
	CHECK_INT(notice_json_webhook(&b, &n, &opts, "T"), BUF_OK);
	CHECK(contains(&b, "\"category\":null,\"category_label\":null,\"district\":null,\"district_label\":null"));
	n = complaint;
	n.kind = "survey";
	n.code = NULL;
	buf_reset(&b);
	CHECK_INT(notice_json_webhook(&b, &n, &opts, "T"), BUF_OK);
	CHECK(contains(&b, "\"code\":null"));
	CHECK(contains(&b, "\"inbox_command\":null"));
	CHECK(contains(&b, "\"track_url\":\"https://loei.example.go.th/surveys/\""));

	/* labels at their caps, full of characters to escape: still fits,
	 * escaped, no raw control character or quote left loose */
	n = complaint;
	n.form_title_th = n.form_title_en = n.category_th = n.district_th = lab;
	buf_reset(&b);
	{
		struct buf t;
		buf_init(&t, NOTICE_MAX_TEXT);
		CHECK_INT(notice_text(&t, &n, &opts), BUF_OK);
		CHECK_INT(notice_json_webhook(&b, &n, &opts, t.data), BUF_OK);
		buf_free(&t);
	}
	CHECK(b.len < NOTICE_MAX_JSON);
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == '<')
			break;
	CHECK_INT(i, b.len);
	CHECK(contains(&b, "\\\"\\\\\\u003c\\\"\\\\\\u003c"));
	buf_free(&b);
	buf_init(&b, 64);
	CHECK_INT(notice_json_webhook(&b, &complaint, &opts, "T"), BUF_TOO_BIG);
	buf_free(&b);
	free(lab);
}

/* Decode every "=?UTF-8?B?...?=" of a header into out; check the shape of
 * each word and line.  Returns the number of words, -1 on a bad shape. */
static int decode_words(const char *h, char *out, size_t outlen)
{
	const char *p = h, *e;
	size_t o = 0, line = 0;
	int words = 0;

	for (e = h; *e; e++) {
		if (*e == '\r') {
			if (e[1] != '\n' || line > 78)
				return -1;
			line = 0;
			e++;
			continue;
		}
		line++;
	}
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		unsigned char bin[64];
		size_t n;
		p += 10;
		e = strstr(p, "?=");
		if (!e || e - p + 12 > 75)
			return -1;
		if (sodium_base642bin(bin, sizeof bin, p, (size_t)(e - p), NULL, &n, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0 || o + n >= outlen)
			return -1;
		if (!utf8_valid((const char *)bin, n, NULL)) /* never split a character */
			return -1;
		memcpy(out + o, bin, n);
		o += n;
		words++;
		p = e + 2;
	}
	out[o] = '\0';
	return words;
}

static void test_headers(void)
{
	struct buf b;
	char dec[4096];
	char *thai = repeat("ร้องเรียน", 20);

	buf_init(&b, 8192);
	CHECK_INT(notice_header_encode(&b, "Subject", "plain ascii"), BUF_OK);
	CHECK_STR(b.data, "Subject: plain ascii\r\n");
	buf_reset(&b);
	CHECK_INT(notice_header_encode(&b, "Subject", "looks =?like?= a word"), BUF_OK);
	CHECK(strncmp(b.data, "Subject: =?UTF-8?B?", 19) == 0);
	CHECK(decode_words(b.data, dec, sizeof dec) >= 1);
	CHECK_STR(dec, "looks =?like?= a word");
	buf_reset(&b);
	CHECK_INT(notice_header_encode(&b, "Subject", thai), BUF_OK);
	CHECK(decode_words(b.data, dec, sizeof dec) > 5);
	CHECK_STR(dec, thai);
	CHECK(b.len >= 2 && strcmp(b.data + b.len - 2, "\r\n") == 0);
	CHECK(strstr(b.data, "\r\n ") != NULL); /* folded */
	buf_free(&b);
	free(thai);
}

static void test_mail(void)
{
	struct buf b, body;
	const char *to[] = { "officer@example.go.th", "chief@example.go.th" };
	const char *p, *e;
	struct buf text;
	unsigned char bin[8192];
	size_t n, i;
	/* 2026-01-05 07:03:09 UTC = Monday 14:03:09 in Thailand */
	time_t now = (time_t)1767596589;

	buf_init(&text, NOTICE_MAX_TEXT);
	notice_text(&text, &complaint, &opts);
	buf_init(&b, NOTICE_MAX_MAIL);
	CHECK_INT(notice_mail(&b, &complaint, &opts, "prongsai@example.go.th", to, 2, now, text.data), BUF_OK);
	CHECK(strncmp(b.data, "From: prongsai <prongsai@example.go.th>\r\n"
		      "To: officer@example.go.th,\r\n chief@example.go.th\r\nSubject: =?UTF-8?B?", 90) == 0);
	CHECK(contains(&b, "\r\nDate: Mon, 05 Jan 2026 14:03:09 +0700\r\n"));
	CHECK(contains(&b, "\r\nMessage-ID: <7K3M-QW9X-2HBD-RT5V.office-mail@loei.example.go.th>\r\n"));
	CHECK(contains(&b, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
		       "Content-Transfer-Encoding: base64\r\n"));
	CHECK(contains(&b, "\r\nAuto-Submitted: auto-generated\r\n"));
	/* CRLF only */
	for (i = 0; i < b.len; i++)
		if (b.data[i] == '\n' && (i == 0 || b.data[i - 1] != '\r'))
			break;
	CHECK_INT(i, b.len);
	/* the body: base64 lines of at most 76, decoding to the text with CRLF */
	p = strstr(b.data, "\r\n\r\n");
	CHECK(p != NULL);
	buf_init(&body, 65536);
	for (p = p ? p + 4 : b.data + b.len; *p; p = e + 2) {
		e = strstr(p, "\r\n");
		if (!e)
			break;
		CHECK(e - p <= 76);
		buf_add(&body, p, (size_t)(e - p));
	}
	CHECK_INT(sodium_base642bin(bin, sizeof bin, body.data, body.len, NULL, &n, NULL,
				    sodium_base64_VARIANT_ORIGINAL), 0);
	{
		struct buf crlf;
		buf_init(&crlf, 65536);
		for (i = 0; i < text.len; i++)
			text.data[i] == '\n' ? buf_adds(&crlf, "\r\n") : buf_addc(&crlf, text.data[i]);
		CHECK_INT(n, crlf.len);
		CHECK(n == crlf.len && memcmp(bin, crlf.data, n) == 0);
		buf_free(&crlf);
	}
	/* without site_url the Message-ID takes the sender's domain */
	{
		struct notice_opts o = opts;
		o.site_url = NULL;
		buf_reset(&b);
		CHECK_INT(notice_mail(&b, &complaint, &o, "prongsai@office.example", to, 1, now, "x\n"), BUF_OK);
		CHECK(contains(&b, "Message-ID: <7K3M-QW9X-2HBD-RT5V.office-mail@office.example>\r\n"));
	}
	/* at the caps: 50 recipients of 254 bytes, the longest text */
	{
		const char *many[50];
		char *local = repeat("x", 240);
		char addr[300];
		struct notice_info n = complaint;
		char *lab = repeat("ก", 500);
		snprintf(addr, sizeof addr, "%s@example.go.th", local);
		for (i = 0; i < 50; i++)
			many[i] = addr;
		n.form_title_th = n.category_th = n.district_th = lab;
		buf_reset(&text);
		CHECK_INT(notice_text(&text, &n, &opts), BUF_OK);
		buf_reset(&b);
		CHECK_INT(notice_mail(&b, &n, &opts, addr, many, 50, now, text.data), BUF_OK);
		CHECK(b.len < NOTICE_MAX_MAIL);
		free(local);
		free(lab);
	}
	buf_free(&body);
	buf_free(&text);
	buf_free(&b);
}

/* The import rejection notice: fixed wording, the subject only when it is
 * an id, the link to staff/; its webhook body and mail carry the key. */
static void test_import(void)
{
	struct buf b, j, m;
	const char *to[] = { "officers@example.go.th" };
	struct notice_opts o = { "https://loei.example.go.th/", "officers", 0 };

	buf_init(&b, NOTICE_MAX_TEXT);
	CHECK_INT(notice_import_text(&b, 42, "progress", "2570-001", "https://loei.example.go.th/"), BUF_OK);
	CHECK(strstr(buf_str(&b), "#42 (progress, 2570-001)") != NULL);
	CHECK(strstr(buf_str(&b), "https://loei.example.go.th/staff/") != NULL);
	buf_reset(&b);
	/* free text (a sheet's name) and an unknown kind are not sent */
	CHECK_INT(notice_import_text(&b, 7, "<script>", "นายสมชาย ผลงาน.xlsx", NULL), BUF_OK);
	CHECK(strstr(buf_str(&b), "#7 (other)") != NULL);
	CHECK(strstr(buf_str(&b), "สมชาย") == NULL);
	CHECK(strstr(buf_str(&b), "<script>") == NULL);
	CHECK(strstr(buf_str(&b), "my projects") != NULL);
	buf_init(&j, NOTICE_MAX_JSON);
	CHECK_INT(notice_json_import(&j, "import-7/hook", 7, "sheet", "x y", buf_str(&b)), BUF_OK);
	const char *want = "{\"event\":\"import-rejected\",\"idempotency_key\":\"import-7/hook\","
			   "\"queue_id\":7,\"kind\":\"sheet\",\"subject\":null,\"text\":\"";
	CHECK(strncmp(buf_str(&j), want, strlen(want)) == 0);
	buf_init(&m, NOTICE_MAX_MAIL);
	buf_reset(&b);
	CHECK_INT(notice_import_subject(&b, 7), BUF_OK);
	CHECK_INT(notice_mail_text(&m, "import-7/officers", buf_str(&b), &o, "prongsai@example.go.th", to, 1,
				   (time_t)1767225600, "x\n"), BUF_OK);
	CHECK(strstr(buf_str(&m), "Message-ID: <import-7.officers@loei.example.go.th>") != NULL);
	CHECK(strstr(buf_str(&m), "Subject: =?UTF-8?B?") != NULL);
	buf_free(&b);
	buf_free(&j);
	buf_free(&m);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_time_key_uuid();
	test_text();
	test_text_caps();
	test_json();
	test_headers();
	test_mail();
	test_import();
	return CHECK_RESULT();
}
