/* Unit tests of collector/validate.c and collector/media.c: every field
 * rule at and past its limit, encoding errors, files, metadata stripping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "buf.h"
#include "media.h"
#include "urlenc.h"
#include "submission.h"
#include "testforms.h"
#include <png.h>
#include <turbojpeg.h>

static struct form_data fd;

/* Does needle occur in hay? (memmem is not POSIX) */
static int contains(const unsigned char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return 1;
	return 0;
}
static struct submission sub;

#define OK "subject=s&detail=d&consent=yes"

/* Parse a urlencoded body exactly as given and validate it against form. */
static int check_raw(const struct form_def *form, const char *body, int have_key)
{
	static char *copy;
	const char *reason;
	size_t n = strlen(body);

	free(copy);
	copy = malloc(n + 1);
	memcpy(copy, body, n + 1);
	fd.n = 0;
	if (urlenc_parse(copy, n, &fd, &reason) != PARSE_OK)
		return -1;
	validate_submission(form, &fd, have_key, &sub);
	return sub.status;
}

/* The same, with the empty honeypot a form page sends in front, unless the
 * body has its own. */
static int check_url(const struct form_def *form, const char *body, int have_key)
{
	static char with[4096];

	if (strstr(body, FC_HONEYPOT "="))
		return check_raw(form, body, have_key);
	snprintf(with, sizeof with, "%s=&%s", FC_HONEYPOT, body);
	return check_raw(form, with, have_key);
}

static int has_error(const char *name, enum field_problem p)
{
	size_t i;

	for (i = 0; i < sub.n_errors; i++)
		if (strcmp(sub.errors[i].name, name) == 0 && sub.errors[i].problem == p)
			return 1;
	return 0;
}

static const char *value_of(const char *name)
{
	size_t i;

	for (i = 0; i < sub.n_values; i++)
		if (strcmp(tf_complaint.fields[sub.values[i].field].name, name) == 0)
			return sub.values[i].value;
	return NULL;
}

static void test_fields(void)
{
	CHECK_INT(check_url(&tf_complaint, OK, 0), 0);
	CHECK_INT(sub.n_values, 3);
	CHECK_STR(value_of("subject"), "s");
	/* required */
	CHECK_INT(check_url(&tf_complaint, "detail=d&consent=yes", 0), 422);
	CHECK(has_error("subject", FP_REQUIRED));
	CHECK_INT(sub.n_values, 0); /* all or nothing */
	CHECK_INT(check_url(&tf_complaint, "subject=+++&detail=d&consent=yes", 0), 422); /* blank */
	CHECK(has_error("subject", FP_INVISIBLE));
	CHECK_INT(check_url(&tf_complaint, "", 0), 422);
	CHECK(has_error("subject", FP_REQUIRED) && has_error("detail", FP_REQUIRED) &&
	      has_error("consent", FP_MUST_EQUAL));
	CHECK_INT(sub.n_errors, 3);
	/* consent */
	CHECK_INT(check_url(&tf_complaint, "subject=s&detail=d&consent=no", 0), 422);
	CHECK(has_error("consent", FP_MUST_EQUAL));
	CHECK_INT(check_url(&tf_complaint, "subject=s&detail=d&consent=YES", 0), 422);
	/* max_length in code points: subject 10, Thai is 3 bytes each */
	CHECK_INT(check_url(&tf_complaint, "subject=0123456789&detail=d&consent=yes", 0), 0);
	CHECK_INT(check_url(&tf_complaint, "subject=0123456789A&detail=d&consent=yes", 0), 422);
	CHECK(has_error("subject", FP_TOO_LONG));
	CHECK_INT(check_url(&tf_complaint, "subject=" "%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96"
			    "%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96&detail=d&consent=yes", 0), 0);
	CHECK_INT(check_url(&tf_complaint, "subject=" "%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96"
			    "%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96%E0%B8%96&detail=d&consent=yes", 0), 422);
	/* trimming before the length check */
	CHECK_INT(check_url(&tf_complaint, "subject=++0123456789++&detail=d&consent=yes", 0), 0);
	CHECK_STR(value_of("subject"), "0123456789");
	/* choice */
	CHECK_INT(check_url(&tf_complaint, OK "&district=dan-sai&category=other", 0), 0);
	CHECK_STR(value_of("district"), "dan-sai");
	CHECK_INT(check_url(&tf_complaint, OK "&district=bangkok", 0), 422);
	CHECK(has_error("district", FP_CHOICE));
	CHECK_INT(check_url(&tf_complaint, OK "&district=", 0), 0); /* optional and empty */
	/* scale */
	CHECK_INT(check_url(&tf_complaint, OK "&rating=1", 0), 0);
	CHECK_INT(check_url(&tf_complaint, OK "&rating=5", 0), 0);
	CHECK_INT(check_url(&tf_complaint, OK "&rating=0", 0), 422);
	CHECK(has_error("rating", FP_SCALE));
	CHECK_INT(check_url(&tf_complaint, OK "&rating=6", 0), 422);
	CHECK_INT(check_url(&tf_complaint, OK "&rating=5.0", 0), 422);
	/* date */
	CHECK_INT(check_url(&tf_complaint, OK "&when=2026-01-05", 0), 0);
	CHECK_INT(check_url(&tf_complaint, OK "&when=2024-02-29", 0), 0);
	CHECK_INT(check_url(&tf_complaint, OK "&when=2025-02-29", 0), 422);
	CHECK(has_error("when", FP_DATE));
	CHECK_INT(check_url(&tf_complaint, OK "&when=2026-13-01", 0), 422);
	CHECK_INT(check_url(&tf_complaint, OK "&when=05/01/2026", 0), 422);
	/* personal fields need the key */
	CHECK_INT(check_url(&tf_complaint, OK "&name=Somchai", 0), 422);
	CHECK(has_error("name", FP_NO_KEY));
	CHECK_INT(check_url(&tf_complaint, OK "&name=&phone=&email=", 0), 0); /* anonymous is fine */
	CHECK_INT(check_url(&tf_complaint, OK "&name=Somchai&phone=081-234-5678&email=a%40b.co", 1), 0);
	CHECK_STR(value_of("phone"), "081-234-5678");
	CHECK_INT(check_url(&tf_complaint, OK "&phone=12345", 1), 422);
	CHECK(has_error("phone", FP_PHONE));
	CHECK_INT(check_url(&tf_complaint, OK "&email=not-an-address", 1), 422);
	CHECK(has_error("email", FP_EMAIL));
	/* unknown, repeated, honeypot */
	CHECK_INT(check_url(&tf_complaint, OK "&nosuch=1", 0), 422);
	CHECK(has_error("nosuch", FP_UNKNOWN));
	CHECK_INT(check_url(&tf_complaint, OK "&%3Cscript%3E=1", 0), 422);
	CHECK(has_error("", FP_UNKNOWN)); /* never echoes an invalid name */
	CHECK_INT(check_url(&tf_complaint, OK "&subject=again", 0), 422);
	CHECK(has_error("subject", FP_REPEATED));
	CHECK_INT(check_url(&tf_complaint, OK "&website=", 0), 0);
	CHECK_INT(check_url(&tf_complaint, OK "&website=http%3A%2F%2Fspam", 0), 422);
	CHECK(has_error("", FP_HONEYPOT) && sub.n_errors == 1); /* unnamed */
	CHECK_INT(check_url(&tf_complaint, OK "&website=&website=", 0), 422); /* twice */
	CHECK(has_error("", FP_HONEYPOT) && sub.n_errors == 1);
	CHECK_INT(check_url(&tf_complaint, OK "&website=x&website=y", 0), 422); /* one error, not two */
	CHECK(has_error("", FP_HONEYPOT) && sub.n_errors == 1);
	CHECK_INT(check_raw(&tf_complaint, OK, 0), 422); /* missing (issue 19.17) */
	CHECK(has_error("", FP_HONEYPOT) && sub.n_errors == 1);
	CHECK_INT(check_raw(&tf_survey, "overall=4", 0), 422); /* every kind of form */
	CHECK(has_error("", FP_HONEYPOT) && sub.n_errors == 1);
	CHECK(strstr(field_problem_en(FP_HONEYPOT), "website") == NULL && strstr(field_problem_en(FP_HONEYPOT), "empty") == NULL);
	/* issue 19.19: blanks and invisible characters are trimmed, a value of
	 * only those is missing; bidi controls go; U+2028 is no line break in a
	 * one-line field */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=%E2%80%8B&detail=d&consent=yes", 0), 422); /* ZWSP */
	CHECK(has_error("subject", FP_INVISIBLE) && sub.n_errors == 1);
	CHECK(strstr(field_problem_th(FP_INVISIBLE), "มองไม่เห็น") != NULL); /* says why, in Thai */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=%C2%A0%EF%BB%BF%E3%80%80&detail=d&consent=yes", 0), 422);
	CHECK(has_error("subject", FP_INVISIBLE)); /* NBSP, BOM, ideographic space */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=%E2%80%8F%E2%80%8E&detail=%0A%E2%80%8B%0A&consent=yes", 0), 422);
	CHECK(has_error("subject", FP_INVISIBLE) && has_error("detail", FP_INVISIBLE)); /* RLM LRM; blank lines */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=&detail=d&consent=yes", 0), 422);
	CHECK(has_error("subject", FP_REQUIRED)); /* empty: simply missing */
	CHECK_INT(check_url(&tf_complaint, OK "&name=%E2%80%8B", 1), 0); /* optional: invisible is empty */
	/* NFC (UAX #15): e + COMBINING ACUTE is é; Thai is already NFC; a
	 * composition exclusion whose NFC form is longer stays as sent */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=e%CC%81&detail=%E0%B8%81%E0%B9%89%E0%B8%B3&consent=yes", 0), 0);
	CHECK_STR(value_of("subject"), "\xC3\xA9");
	CHECK_STR(value_of("detail"), "\xE0\xB8\x81\xE0\xB9\x89\xE0\xB8\xB3");
	CHECK_INT(check_url(&tf_complaint, "website=&subject=%E2%84%AB&detail=d&consent=yes", 0), 0); /* ANGSTROM SIGN */
	CHECK_STR(value_of("subject"), "\xC3\x85"); /* A WITH RING ABOVE */
	CHECK_INT(check_url(&tf_complaint, "website=&subject=%C2%A0%E0%B8%81%E2%80%8B&detail=a%E2%80%AEb%E2%80%A8c"
			    "&consent=yes&name=x%E2%80%A8y%E2%81%A6z", 1), 0);
	CHECK_STR(value_of("subject"), "ก");
	CHECK_STR(value_of("detail"), "ab\nc");
	CHECK_STR(value_of("name"), "x yz");
	/* the page token: empty is none; 16..64 of [A-Za-z0-9_-]; once */
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=", 0), 0);
	CHECK_STR(sub.token, "");
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=abcdefghijklmnop", 0), 0); /* 16: the minimum */
	CHECK_STR(sub.token, "abcdefghijklmnop");
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=abcdefghijklmno", 0), 400); /* 15 */
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token="
			    "0123456789012345678901234567890123456789012345678901234567890123", 0), 0); /* 64: the cap */
	CHECK_INT(strlen(sub.token), 64);
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token="
			    "01234567890123456789012345678901234567890123456789012345678901234", 0), 400); /* 65 */
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=abcdefghijklmnop%2B", 0), 400);
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=abcdefghijklmnop&form_token=abcdefghijklmnop", 0), 400);
	CHECK_INT(check_url(&tf_complaint, OK "&website=&form_token=&form_token=", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=&form_token=abcdefghijklmnop", 0), 422);
	CHECK_STR(sub.token, ""); /* a refused submission carries none */
	/* corruption reports without a key: the subject and details are sealed too,
	 * so they cannot be taken; the choices alone are readable */
	CHECK_INT(check_url(&tf_corruption, OK, 0), 422);
	CHECK(has_error("subject", FP_NO_KEY) && has_error("detail", FP_NO_KEY));
	CHECK_INT(check_url(&tf_corruption, OK, 1), 0);
	CHECK(field_sealed(&tf_corruption, &tf_corruption.fields[0]) && !field_sealed(&tf_complaint, &tf_complaint.fields[0]));
	CHECK(!field_sealed(&tf_corruption, &tf_corruption.fields[2])); /* district: a choice */
	/* a file field sent as text */
	CHECK_INT(check_url(&tf_complaint, OK "&attachments=photo.jpg", 0), 422);
	CHECK(has_error("attachments", FP_NOT_FILE));
	/* surveys */
	CHECK_INT(check_url(&tf_survey, "overall=4&comment=", 0), 0);
	CHECK_INT(check_url(&tf_survey, "comment=x", 0), 422);
	CHECK(has_error("overall", FP_REQUIRED));
}

static void test_encoding(void)
{
	/* control characters: 400, except tabs and line breaks in textareas */
	CHECK_INT(check_url(&tf_complaint, "subject=a%0Ab&detail=d&consent=yes", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=a%09b&detail=d&consent=yes", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=a%00b&detail=d&consent=yes", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=a%7Fb&detail=d&consent=yes", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=a%C2%85b&detail=d&consent=yes", 0), 400); /* C1 NEL */
	CHECK_INT(check_url(&tf_complaint, "subject=s&detail=a%0D%0Ab%09c%0Dd&consent=yes", 0), 0);
	CHECK_STR(value_of("detail"), "a\nb\tc\nd"); /* CRLF and CR become LF */
	CHECK_INT(check_url(&tf_complaint, "subject=s&detail=a%00&consent=yes", 0), 400);
	CHECK_INT(check_url(&tf_complaint, "subject=s&detail=a%1B&consent=yes", 0), 400);
	/* invalid UTF-8: 400 */
	CHECK_INT(check_url(&tf_complaint, "subject=%FF&detail=d&consent=yes", 0), 400);
	CHECK(sub.reason && strstr(sub.reason, "UTF-8"));
	CHECK_INT(check_url(&tf_complaint, "subject=%C0%AF&detail=d&consent=yes", 0), 400); /* overlong */
	CHECK_INT(check_url(&tf_complaint, "subject=%ED%A0%80&detail=d&consent=yes", 0), 400); /* surrogate */
	CHECK_INT(check_url(&tf_complaint, "subject=%E0%B8&detail=d&consent=yes", 0), 400); /* truncated */
	CHECK_INT(check_url(&tf_complaint, "subject=%F4%90%80%80&detail=d&consent=yes", 0), 400); /* > U+10FFFF */
	/* 400 wins over 422 */
	CHECK_INT(check_url(&tf_complaint, "subject=%FF", 0), 400);
}

static void test_formats(void)
{
	CHECK(valid_email("a@b.co", 6));
	CHECK(valid_email("somchai.j+loei@mail.example.go.th", 33));
	CHECK(!valid_email("a@b", 3));
	CHECK(!valid_email("@b.co", 5));
	CHECK(!valid_email("a@@b.co", 7));
	CHECK(!valid_email("a..b@c.co", 9));
	CHECK(!valid_email("a@-b.co", 7));
	CHECK(!valid_email("a@b.co-", 7));
	CHECK(!valid_email("a b@c.co", 8));
	CHECK(!valid_email("a@b..co", 7));
#define EM(x) valid_email(x, strlen(x))
	/* issue 19.24: RFC 6531 local parts, IDNA domains */
	CHECK(EM("สมชาย@ไทย.ไทย"));
	CHECK(EM("สมชาย.ใจดี@example.go.th"));
	CHECK(EM("somchai@ตัวอย่าง.ไทย"));
	CHECK(EM("somchai@xn--o3cw4h.xn--o3cw4h"));
	CHECK(!EM("สมชาย\xE2\x80\x8B@ไทย.ไทย"));   /* ZWSP */
	CHECK(!EM("สม\xC2\xA0ชาย@ไทย.ไทย"));        /* NBSP */
	CHECK(!EM("somchai@ไทย\xE2\x80\xAE.ไทย"));  /* RLO */
	CHECK(!EM("somchai@\xFF.th"));               /* not UTF-8 */
	/* 63 octets in a label, counted in its A-label (RFC 5890 §2.3.2.1):
	 * 57 ก are xn--12c + 54 a = 63, the cap; 58 are one over */
	CHECK(EM("a@กกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกก.th"));
	CHECK(!EM("a@กกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกกก.th"));
	/* IDNA2008 through libidn2: a symbol is not PVALID; upper case is
	 * mapped (UTS #46); a broken A-label is refused */
	CHECK(!EM("a@x\xE2\x99\xA5.com"));          /* U+2665 */
	CHECK(EM("a@\xC3\x84" "bc.de"));                 /* Ä */
	CHECK(!EM("a@xn--zzzzzzz-.th"));
	CHECK(!EM("a@ไทย"));                          /* one label */
#undef EM
	CHECK(valid_phone("0812345678", 10));
	CHECK(valid_phone("042811773", 9));
	CHECK(valid_phone("+66 81 234 5678", 15));
	CHECK(valid_phone("(042) 811-773", 13));
	CHECK(valid_phone("\xE0\xB9\x90\xE0\xB9\x98\xE0\xB9\x91" "2345678", 16)); /* ๐๘๑2345678 */
	CHECK(!valid_phone("12345678", 8));            /* 8 digits */
	CHECK(valid_phone("123456789012345", 15));     /* 15 */
	CHECK(!valid_phone("1234567890123456", 16));   /* 16 */
	CHECK(!valid_phone("081-234-567x", 12));
	CHECK(!valid_phone("++66812345678", 13));
	CHECK(valid_date("2399-12-31", 10));
	CHECK(!valid_date("2400-01-01", 10));
	CHECK(!valid_date("1899-12-31", 10));
	CHECK(valid_date("2000-02-29", 10));
	CHECK(!valid_date("1900-02-29", 10));
	CHECK(!valid_date("2026-04-31", 10));
	CHECK(!valid_date("2026-4-1", 8));
}

/* ---- files ---- */

/* A tiny JPEG-shaped byte string: SOI, APP0 JFIF, APP1 Exif with a GPS
 * marker, COM, DQT, SOF0, DHT, SOS, entropy data with a stuffed 0xFF00 and
 * RST0, EOI, then trailing junk. */
static size_t make_jpeg(unsigned char *out)
{
	static const unsigned char parts[] = {
		0xFF, 0xD8,
		0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
		0xFF, 0xE1, 0x00, 0x0E, 'E', 'x', 'i', 'f', 0, 0, 'G', 'P', 'S', '1', '7', '.',
		0xFF, 0xFE, 0x00, 0x07, 's', 'e', 'c', 'r', 't',
		0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01,
		0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0,
		0xFF, 0xC4, 0x00, 0x03, 0x00,
		0xFF, 0xDA, 0x00, 0x03, 0x01,
		0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
		0xFF, 0xD9,
		'j', 'u', 'n', 'k', 'G', 'P', 'S',
	};

	/* (the caller's buffer holds 256 bytes) */
	memcpy(out, parts, sizeof parts);
	return sizeof parts;
}

/* A real 16x16 JPEG (libjpeg-turbo) with an Exif block naming a GPS
 * position, a JFXX thumbnail and a comment after SOI, into out (4096
 * bytes); returns its length. */
static size_t make_real_jpeg(unsigned char *out)
{
	static const unsigned char extra[] = {
		0xFF, 0xE1, 0x00, 0x0E, 'E', 'x', 'i', 'f', 0, 0, 'G', 'P', 'S', '1', '7', '.',
		0xFF, 0xE0, 0x00, 0x0E, 'J', 'F', 'X', 'X', 0, 0x10, 'G', 'P', 'S', 't', 'h', 'm',
		0xFF, 0xFE, 0x00, 0x07, 's', 'e', 'c', 'r', 't',
	};
	unsigned char px[16 * 16], *jpg = NULL;
	unsigned long n = 0;
	tjhandle h = tjInitCompress();
	size_t i;

	for (i = 0; i < sizeof px; i++)
		px[i] = (unsigned char)(i * 7);
	if (!h || tjCompress2(h, px, 16, 0, 16, TJPF_GRAY, &jpg, &n, TJSAMP_GRAY, 90, 0) != 0 ||
	    n + sizeof extra > 4096) {
		tjDestroy(h);
		return 0;
	}
	memcpy(out, jpg, 2);
	memcpy(out + 2, extra, sizeof extra);
	memcpy(out + 2 + sizeof extra, jpg + 2, n - 2);
	tjFree(jpg);
	tjDestroy(h);
	return n + sizeof extra;
}

/* libjpeg-turbo's lossless transform (jpegtran -copy none): no APPn
 * segment survives, the image still decodes; 6 bytes are no JPEG. */
static void test_jpeg_recode(void)
{
	static unsigned char j[4096];
	size_t n = make_real_jpeg(j), m;
	int w = 0, hh = 0, ss, cs;
	tjhandle h = tjInitDecompress();

	CHECK(n > 0);
	CHECK(contains(j, n, "GPS") && contains(j, n, "JFXX"));
	m = media_strip(MEDIA_JPEG, j, n);
	CHECK(m != (size_t)-1 && m < n);
	CHECK(!contains(j, m, "GPS") && !contains(j, m, "JFXX") &&
	      !contains(j, m, "Exif") && !contains(j, m, "secrt"));
	CHECK(tjDecompressHeader3(h, j, (unsigned long)m, &w, &hh, &ss, &cs) == 0 && w == 16 && hh == 16);
	tjDestroy(h);
	memcpy(j, "\xFF\xD8\xFF\xE0\x00\x02", 6);
	CHECK(media_strip(MEDIA_JPEG, j, 6) == (size_t)-1);
	/* structure fine, image data garbage: libjpeg refuses it */
	n = make_real_jpeg(j);
	memset(j + n - 40, 0xFF, 38);
	CHECK(media_strip(MEDIA_JPEG, j, n) == (size_t)-1);
}

static void png_out(png_structp p, png_bytep d, size_t n)
{
	buf_add(png_get_io_ptr(p), d, n);
}

static void png_flush(png_structp p)
{
	(void)p;
}

/* A 1-bit grey w x h PNG (libpng) with a tEXt chunk, into b. */
static void make_real_png(struct buf *b, png_uint_32 w, png_uint_32 h)
{
	png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(p);
	png_text t = { PNG_TEXT_COMPRESSION_NONE, "Comment", "GPS 17.48 101.72", 16, 0, NULL, NULL };
	png_bytep row = calloc(1, w / 8 + 1);
	png_uint_32 y;

	buf_reset(b);
	png_set_write_fn(p, b, png_out, png_flush);
	png_set_IHDR(p, info, w, h, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
		     PNG_FILTER_TYPE_DEFAULT);
	png_set_text(p, info, &t, 1);
	png_write_info(p, info);
	for (y = 0; y < h; y++)
		png_write_row(p, row);
	png_write_end(p, info);
	png_destroy_write_struct(&p, &info);
	free(row);
}

/* libpng decodes what png_strip() keeps; the pixel cap at the cap (8000 x
 * 8000 = MEDIA_MAX_PIXELS) and one row over */
static void test_png_decodes(void)
{
	struct buf b;
	size_t m;

	buf_init(&b, 64 * 1024 * 1024);
	make_real_png(&b, 16, 16);
	CHECK(contains((const unsigned char *)b.data, b.len, "GPS"));
	m = media_strip(MEDIA_PNG, (unsigned char *)b.data, b.len);
	CHECK(m != (size_t)-1 && !contains((const unsigned char *)b.data, m, "GPS") && !contains((const unsigned char *)b.data, m, "tEXt"));
	CHECK(png_decodes((const unsigned char *)b.data, m) == m);
	make_real_png(&b, 16, 16);
	b.data[b.len - 20] ^= 0x55; /* damaged image data: libpng's CRC/zlib check */
	CHECK(media_strip(MEDIA_PNG, (unsigned char *)b.data, b.len) == (size_t)-1);
	make_real_png(&b, 8000, 8000);
	CHECK(media_strip(MEDIA_PNG, (unsigned char *)b.data, b.len) != (size_t)-1);
	make_real_png(&b, 8000, 8001);
	CHECK(media_strip(MEDIA_PNG, (unsigned char *)b.data, b.len) == (size_t)-1);
	buf_free(&b);
}

static void test_jpeg(void)
{
	unsigned char j[256];
	static const unsigned char want[] = {
		0xFF, 0xD8,
		0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
		0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01,
		0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0,
		0xFF, 0xC4, 0x00, 0x03, 0x00,
		0xFF, 0xDA, 0x00, 0x03, 0x01,
		0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
		0xFF, 0xD9,
	};
	size_t n = make_jpeg(j), m;

	CHECK_INT(media_sniff(j, n), MEDIA_JPEG);
	m = jpeg_strip(j, n);
	CHECK_INT(m, sizeof want);
	CHECK(m == sizeof want && memcmp(j, want, m) == 0);
	/* stripping is idempotent */
	CHECK_INT(jpeg_strip(j, m), m);
	/* broken: a segment running past the end, no SOS, a second SOI */
	n = make_jpeg(j);
	CHECK(jpeg_strip(j, 30) == (size_t)-1);
	CHECK(jpeg_strip(j, 2) == (size_t)-1);
	{
		unsigned char bad[] = { 0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x04, 0, 1, 0xFF, 0xD9 };
		unsigned char soi[] = { 0xFF, 0xD8, 0xFF, 0xD8, 0xFF, 0xD9 };
		unsigned char len1[] = { 0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x01, 0xFF, 0xD9 };
		unsigned char junk[] = { 0xFF, 0xD8, 0x00, 0xFF, 0xD9 };

		CHECK(jpeg_strip(bad, sizeof bad) == (size_t)-1);
		CHECK(jpeg_strip(soi, sizeof soi) == (size_t)-1);
		CHECK(jpeg_strip(len1, sizeof len1) == (size_t)-1);
		CHECK(jpeg_strip(junk, sizeof junk) == (size_t)-1);
	}
	/* issue 19.16: six bytes are not a JPEG (a scan without a frame) */
	{
		unsigned char six[] = { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02 };
		unsigned char sof0[] = { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 0, 0, 16, 1, 1, 0x11, 0,
					 0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12, 0xFF, 0xD9 };
		unsigned char big[] = { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0x1F, 0x40, 0x1F, 0x41, 1, 1, 0x11, 0,
					0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12, 0xFF, 0xD9 };
		unsigned char cap[sizeof big];

		CHECK(jpeg_strip(six, sizeof six) == (size_t)-1);
		CHECK(jpeg_strip(sof0, sizeof sof0) == (size_t)-1); /* height 0 */
		memcpy(cap, big, sizeof big);
		cap[7] = 0x1F; cap[8] = 0x40; cap[9] = 0x1F; cap[10] = 0x40; /* 8000 x 8000 = 64 MP: the cap */
		CHECK(jpeg_strip(cap, sizeof cap) == sizeof cap);
		CHECK(jpeg_strip(big, sizeof big) == (size_t)-1); /* 8000 x 8001: one row over */
	}
	/* APP0 JFXX (a thumbnail that may carry its own Exif and GPS) goes; the
	 * JFIF segment keeps its 16 bytes and loses its thumbnail */
	{
		unsigned char in[] = { 0xFF, 0xD8,
			0xFF, 0xE0, 0x00, 0x13, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 'G', 'P', 'S',
			0xFF, 0xE0, 0x00, 0x0E, 'J', 'F', 'X', 'X', 0, 0x10, 'G', 'P', 'S', '1', '7', '.',
			0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0,
			0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12, 0xFF, 0xD9 };
		unsigned char out[] = { 0xFF, 0xD8,
			0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
			0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0,
			0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12, 0xFF, 0xD9 };

		CHECK_INT(jpeg_strip(in, sizeof in), sizeof out);
		CHECK(memcmp(in, out, sizeof out) == 0);
	}
}

static void test_pdf(void)
{
	static const char ok[] = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";
	static const char html[] = "%PDF-1.4\n<!DOCTYPE html><html><script>alert(1)</script>";
	static const char html2[] = "%PDF-1.4\r<ScRiPt>alert(1)</script>";
	static const char nover[] = "%PDF-<html>";
	static const char nol[] = "%PDF-1.4 x";
	static const char noeof[] = "%PDF-1.7\n1 0 obj << >> endobj\n";
	static const char htmltail[] = "%PDF-1.7\n%%EOF\n<html><script>alert(1)</script>";
	static unsigned char big[3 * PDF_EDGE];

	CHECK(pdf_ok((const unsigned char *)ok, sizeof ok - 1));
	CHECK(!pdf_ok((const unsigned char *)html, sizeof html - 1));
	CHECK(!pdf_ok((const unsigned char *)html2, sizeof html2 - 1));
	CHECK(!pdf_ok((const unsigned char *)nover, sizeof nover - 1));
	CHECK(!pdf_ok((const unsigned char *)nol, sizeof nol - 1));
	CHECK(media_strip(MEDIA_PDF, (unsigned char *)html, sizeof html - 1) == (size_t)-1);
	/* issue 19.16: no trailer; HTML after it */
	CHECK(!pdf_ok((const unsigned char *)noeof, sizeof noeof - 1));
	CHECK(!pdf_ok((const unsigned char *)htmltail, sizeof htmltail - 1));
	/* %%EOF at PDF_EDGE bytes from the end: found; one byte further: not */
	memset(big, ' ', sizeof big);
	memcpy(big, "%PDF-1.7\n", 9);
	memcpy(big + sizeof big - PDF_EDGE, "%%EOF", 5);
	CHECK(pdf_ok(big, sizeof big));
	memset(big + sizeof big - PDF_EDGE, ' ', 5);
	memcpy(big + sizeof big - PDF_EDGE - 1, "%%EOF", 5);
	CHECK(!pdf_ok(big, sizeof big));
}

static void png_chunk(struct buf *b, const char *type, const char *data, size_t len)
{
	unsigned char h[8] = { (unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8),
			       (unsigned char)len, 0, 0, 0, 0 };

	memcpy(h + 4, type, 4);
	buf_add(b, h, 8);
	buf_add(b, data, len);
	buf_add(b, "CRC!", 4); /* not checked by the stripper */
}

static void test_png(void)
{
	struct buf b, w;
	size_t m;

	buf_init(&b, 4096);
	buf_init(&w, 4096);
	buf_add(&b, "\x89PNG\r\n\x1a\n", 8);
	buf_add(&w, "\x89PNG\r\n\x1a\n", 8);
	png_chunk(&b, "IHDR", "\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 13);
	png_chunk(&w, "IHDR", "\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 13);
	png_chunk(&b, "tEXt", "GPS\0secret", 10);
	png_chunk(&b, "eXIf", "MM\0*GPS", 7);
	png_chunk(&b, "pHYs", "123456789", 9);
	png_chunk(&w, "pHYs", "123456789", 9);
	png_chunk(&b, "IDAT", "xyz", 3);
	png_chunk(&w, "IDAT", "xyz", 3);
	png_chunk(&b, "tIME", "1234567", 7);
	png_chunk(&b, "IEND", "", 0);
	png_chunk(&w, "IEND", "", 0);
	buf_adds(&b, "trailing GPS");
	CHECK_INT(media_sniff((unsigned char *)b.data, b.len), MEDIA_PNG);
	m = png_strip((unsigned char *)b.data, b.len);
	CHECK_INT(m, w.len);
	CHECK(m == w.len && memcmp(b.data, w.data, m) == 0);
	CHECK(png_strip((unsigned char *)w.data, 40) == (size_t)-1); /* cut */
	buf_reset(&b);
	buf_add(&b, "\x89PNG\r\n\x1a\n", 8);
	png_chunk(&b, "IDAT", "xyz", 3); /* IHDR must come first */
	png_chunk(&b, "IEND", "", 0);
	CHECK(png_strip((unsigned char *)b.data, b.len) == (size_t)-1);
	/* issue 19.16: 100000 x 100000 is refused; 8000 x 8000 (the cap) is not */
	buf_reset(&b);
	buf_add(&b, "\x89PNG\r\n\x1a\n", 8);
	png_chunk(&b, "IHDR", "\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0", 13);
	png_chunk(&b, "IDAT", "xyz", 3);
	png_chunk(&b, "IEND", "", 0);
	CHECK(png_strip((unsigned char *)b.data, b.len) == (size_t)-1);
	memcpy(b.data + 16, "\0\0\x1f\x40\0\0\x1f\x40", 8);
	CHECK(png_strip((unsigned char *)b.data, b.len) == b.len);
	memcpy(b.data + 16, "\0\0\x1f\x40\0\0\x1f\x41", 8);
	CHECK(png_strip((unsigned char *)b.data, b.len) == (size_t)-1);
	buf_free(&b);
	buf_free(&w);
}

/* Validate a form_data with text fields from OK plus the given file parts. */
static int check_files(const struct form_def *form, int have_key, int n, char **data, size_t *len)
{
	static char s[] = "s", d[] = "d", y[] = "yes", empty[] = "";
	static char n1[] = "subject", n2[] = "detail", n3[] = "consent", nf[] = "attachments", hp[] = FC_HONEYPOT;
	int i;

	memset(&fd, 0, sizeof fd);
	fd.parts[0] = (struct form_part){ .name = n1, .name_len = 7, .value = s, .len = 1 };
	fd.parts[1] = (struct form_part){ .name = n2, .name_len = 6, .value = d, .len = 1 };
	fd.parts[2] = (struct form_part){ .name = n3, .name_len = 7, .value = y, .len = 3 };
	fd.parts[3] = (struct form_part){ .name = hp, .name_len = sizeof hp - 1, .value = empty, .len = 0 };
	fd.n = 4;
	for (i = 0; i < n; i++)
		fd.parts[fd.n++] = (struct form_part){ .name = nf, .name_len = 11, .value = data[i], .len = len[i],
						       .is_file = 1, .filename = "x" };
	validate_submission(form, &fd, have_key, &sub);
	return sub.status;
}

static void test_files(void)
{
	char *data[5];
	size_t len[5];
	static unsigned char jpeg[4096];
	size_t jn = make_real_jpeg(jpeg), big = 5242880, k;
	int i;

	for (i = 0; i < 5; i++) {
		data[i] = malloc(big + 1);
		memcpy(data[i], "%PDF-1.4\n", 9);
		memset(data[i] + 9, 'x', big - 9);
		for (k = 50; k + 7 < big; k += 512) /* a trailer near every length used */
			memcpy(data[i] + k, "\n%%EOF\n", 7);
		len[i] = 100;
	}
	CHECK_INT(check_files(&tf_complaint, 0, 3, data, len), 0); /* 3 files: the cap */
	CHECK_INT(sub.n_files, 3);
	CHECK_INT(sub.files[0].type, MEDIA_PDF);
	CHECK_INT(check_files(&tf_complaint, 0, 4, data, len), 422); /* one more */
	CHECK(has_error("attachments", FP_FILE_COUNT));
	len[0] = big; /* 5 MiB: the cap */
	CHECK_INT(check_files(&tf_complaint, 0, 1, data, len), 0);
	len[0] = big + 1;
	CHECK_INT(check_files(&tf_complaint, 0, 1, data, len), 422);
	CHECK(has_error("attachments", FP_FILE_SIZE));
	len[0] = 100;
	memcpy(data[1], "GIF89a", 6); /* not accepted, whatever its name says */
	CHECK_INT(check_files(&tf_complaint, 0, 2, data, len), 422);
	CHECK(has_error("attachments", FP_FILE_TYPE));
	memcpy(data[1], jpeg, jn);
	len[1] = jn;
	CHECK_INT(check_files(&tf_complaint, 0, 2, data, len), 0);
	CHECK_INT(sub.files[1].type, MEDIA_JPEG);
	CHECK(sub.files[1].len < jn);
	CHECK(!contains(sub.files[1].data, sub.files[1].len, "GPS"));
	len[1] = 30; /* damaged */
	memcpy(data[1], jpeg, jn);
	CHECK_INT(check_files(&tf_complaint, 0, 2, data, len), 422);
	CHECK(has_error("attachments", FP_FILE_DAMAGED));
	len[1] = 0; /* an empty file part: no file chosen */
	CHECK_INT(check_files(&tf_complaint, 0, 2, data, len), 0);
	CHECK_INT(sub.n_files, 1);
	/* corruption reports: attachments are sealed, so they need the key */
	CHECK_INT(check_files(&tf_corruption, 0, 1, data, len), 422);
	CHECK(has_error("attachments", FP_NO_KEY));
	CHECK_INT(check_files(&tf_corruption, 1, 1, data, len), 0);
	CHECK(attachment_sealed(&tf_corruption, &sub.files[0]));
	CHECK_INT(check_files(&tf_complaint, 0, 1, data, len), 0);
	CHECK(!attachment_sealed(&tf_complaint, &sub.files[0]));
	/* a file in a text field */
	fd.parts[0].is_file = 1;
	validate_submission(&tf_complaint, &fd, 0, &sub);
	CHECK_INT(sub.status, 422);
	CHECK(has_error("subject", FP_NOT_FILE));
	for (i = 0; i < 5; i++)
		free(data[i]);
}

int main(void)
{
	test_fields();
	test_encoding();
	test_formats();
	test_jpeg();
	test_png();
	test_jpeg_recode();
	test_png_decodes();
	test_pdf();
	test_files();
	return CHECK_RESULT();
}
