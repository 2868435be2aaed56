/* Unit tests of collector/respond.c (responses, escaping) and
 * collector/wire.c (the child-to-parent format, hostile input). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "arena.h"
#include "buf.h"
#include "respond.h"
#include "wire.h"
#include "testforms.h"

static int has(const struct buf *b, const char *s) { return strstr(buf_str(b), s) != NULL; }

static void test_respond(void)
{
	struct buf out;
	struct respond_ctx c = { 0 };
	struct submission s;
	struct db_settings set = { 0 };
	struct form_field evil[1];
	struct form_def ef = tf_survey;

	buf_init(&out, RESPOND_MAX);
	memset(&s, 0, sizeof s);
	s.n_errors = 2;
	s.errors[0] = (struct field_error){ .field = 0, .problem = FP_REQUIRED, .name = "subject" };
	s.errors[1] = (struct field_error){ .field = -1, .problem = FP_UNKNOWN, .name = "nosuch" };
	c.form = &tf_complaint;
	c.site_root = "/loei/";
	set.office_name_th = "สำนักงาน";
	set.office_phone = "0 4281 1773";
	c.settings = &set;
	CHECK_INT(respond_error(&c, 422, &s, 0, NULL, &out), 0);
	CHECK(strncmp(buf_str(&out), "Status: 422 Unprocessable Content\r\n", 35) == 0);
	CHECK(has(&out, "Content-Type: text/html; charset=utf-8\r\n"));
	CHECK(has(&out, "Cache-Control: no-store\r\n"));
	CHECK(has(&out, "\r\n\r\n<!doctype html>"));
	CHECK(has(&out, "<a href=\"/loei/forms/complaint/#f-subject\"><strong>เรื่อง</strong></a>: ต้องกรอกช่องนี้"));
	CHECK(has(&out, "Subject: This field is required."));
	CHECK(has(&out, "nosuch"));
	CHECK(has(&out, "href=\"/loei/forms/complaint/\""));
	CHECK(has(&out, "0 4281 1773"));
	buf_reset(&out);
	c.json = 1;
	CHECK_INT(respond_error(&c, 422, &s, 0, NULL, &out), 0);
	CHECK(has(&out, "Content-Type: application/json; charset=utf-8\r\n"));
	CHECK(has(&out, "\"status\":422,\"error\":\"invalid_fields\""));
	CHECK(has(&out, "{\"name\":\"subject\",\"problem\":\"required\",\"label_th\":\"เรื่อง\""));
	CHECK(has(&out, "\"form\":\"/loei/forms/complaint/\""));
	buf_reset(&out);
	CHECK_INT(respond_error(&c, 405, NULL, 0, "POST", &out), 0);
	CHECK(has(&out, "Status: 405 Method Not Allowed\r\n") && has(&out, "Allow: POST\r\n"));
	buf_reset(&out);
	CHECK_INT(respond_error(&c, 429, NULL, 1234, NULL, &out), 0);
	CHECK(has(&out, "Status: 429 Too Many Requests\r\n") && has(&out, "Retry-After: 1234\r\n"));
	CHECK(has(&out, "\"retry_after\":1234"));
	buf_reset(&out);
	s.reason = "invalid UTF-8";
	CHECK_INT(respond_error(&c, 400, &s, 0, NULL, &out), 0);
	CHECK(has(&out, "\"detail\":\"invalid UTF-8\""));
	buf_reset(&out);
	CHECK_INT(respond_error(&c, 418, NULL, 0, NULL, &out), 0); /* unknown: 500 */
	CHECK(has(&out, "Status: 500 Internal Server Error\r\n"));
	/* escaping of labels that come from content files */
	buf_reset(&out);
	evil[0] = tf_survey_fields[0];
	evil[0].label_th = "<script>alert(\"x\")</script>&";
	ef.fields = evil;
	ef.n_fields = 1;
	ef.title_en = "\"quoted\"\n";
	c.form = &ef;
	c.json = 0;
	s.n_errors = 1;
	s.errors[0] = (struct field_error){ .field = 0, .problem = FP_REQUIRED, .name = "overall" };
	CHECK_INT(respond_error(&c, 422, &s, 0, NULL, &out), 0);
	CHECK(!has(&out, "<script>"));
	CHECK(has(&out, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"));
	buf_reset(&out);
	c.json = 1;
	CHECK_INT(respond_error(&c, 422, &s, 0, NULL, &out), 0);
	CHECK(has(&out, "\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e\\u0026"));
	/* 303 */
	buf_reset(&out);
	c.json = 0;
	c.form = &tf_complaint;
	CHECK_INT(respond_see_other(&c, "complaint", "ABCD-EFGH-JKMN-PQRS", 0, &out), 0);
	CHECK(strncmp(buf_str(&out), "Status: 303 See Other\r\n", 23) == 0);
	CHECK(has(&out, "Location: /loei/forms/complaint/thanks/index.html?code=ABCD-EFGH-JKMN-PQRS\r\n"));
	buf_reset(&out);
	CHECK_INT(respond_see_other(&c, "satisfaction", "", 0, &out), 0);
	CHECK(has(&out, "Location: /loei/forms/satisfaction/thanks/index.html\r\n"));
	/* a resubmission is told so */
	buf_reset(&out);
	CHECK_INT(respond_see_other(&c, "satisfaction", "", 1, &out), 0);
	CHECK(has(&out, "Location: /loei/forms/satisfaction/thanks/index.html?repeat=1\r\n"));
	CHECK(has(&out, "ไม่ได้บันทึกเพิ่ม"));
	buf_reset(&out);
	CHECK_INT(respond_see_other(&c, "complaint", "ABCD-EFGH-JKMN-PQRS", 1, &out), 0);
	CHECK(has(&out, "?code=ABCD-EFGH-JKMN-PQRS&repeat=1\r\n"));
	buf_reset(&out);
	CHECK_INT(respond_health(&c, 1, &out), 0);
	CHECK(has(&out, "Status: 200 OK\r\n"));
	/* the cap holds */
	buf_free(&out);
	buf_init(&out, 100);
	CHECK_INT(respond_error(&c, 422, &s, 0, NULL, &out), -1);
	buf_free(&out);
}

static void test_wire(void)
{
	struct submission s, t;
	struct buf b;
	struct arena a;
	static const unsigned char pdf[] = "%PDF-1.4 x";
	size_t i;
	int rejected = 0;

	memset(&s, 0, sizeof s);
	s.n_values = 2;
	s.values[0] = (struct field_value){ .field = 0, .value = "เรื่อง", .len = strlen("เรื่อง") };
	s.values[1] = (struct field_value){ .field = 10, .value = "yes", .len = 3 };
	s.n_files = 1;
	s.files[0] = (struct attachment){ .field = 6, .type = MEDIA_PDF, .data = pdf, .len = sizeof pdf - 1 };
	snprintf(s.token, sizeof s.token, "%s", "Tok_en-0123456789");
	buf_init(&b, 1 << 16);
	arena_init(&a);
	CHECK_INT(wire_encode(&s, &b), 0);
	CHECK_INT(wire_decode((unsigned char *)b.data, b.len, &tf_complaint, &a, &t), 0);
	CHECK_INT(t.status, 0);
	CHECK_STR(t.token, "Tok_en-0123456789");
	CHECK_INT(t.n_values, 2);
	CHECK_STR(t.values[0].value, "เรื่อง");
	CHECK_INT(t.values[1].field, 10);
	CHECK_INT(t.n_files, 1);
	CHECK(t.files[0].len == sizeof pdf - 1 && memcmp(t.files[0].data, pdf, t.files[0].len) == 0);
	/* every truncation is refused */
	for (i = 0; i < b.len; i++)
		rejected += wire_decode((unsigned char *)b.data, i, &tf_complaint, &a, &t) != 0;
	CHECK_INT(rejected, (int)b.len);
	/* indexes out of range, or pointing at the wrong kind of field */
	CHECK_INT(wire_decode((unsigned char *)b.data, b.len, &tf_survey, &a, &t), -1);
	s.values[1].field = 6; /* a file field carrying text */
	buf_reset(&b);
	CHECK_INT(wire_encode(&s, &b), 0);
	CHECK_INT(wire_decode((unsigned char *)b.data, b.len, &tf_complaint, &a, &t), -1);
	/* an error result */
	memset(&s, 0, sizeof s);
	s.status = 422;
	s.n_errors = 1;
	s.errors[0] = (struct field_error){ .field = 0, .problem = FP_TOO_LONG, .name = "subject" };
	buf_reset(&b);
	CHECK_INT(wire_encode(&s, &b), 0);
	CHECK_INT(wire_decode((unsigned char *)b.data, b.len, &tf_complaint, &a, &t), 0);
	CHECK_INT(t.status, 422);
	CHECK_STR(t.errors[0].name, "subject");
	b.data[8] = 7; /* status 7 is not a status */
	CHECK_INT(wire_decode((unsigned char *)b.data, b.len, &tf_complaint, &a, &t), -1);
	CHECK_INT(wire_decode((unsigned char *)"PSW2", 4, &tf_complaint, &a, &t), -1);
	buf_free(&b);
	arena_free(&a);
}

int main(void)
{
	test_respond();
	test_wire();
	return CHECK_RESULT();
}
