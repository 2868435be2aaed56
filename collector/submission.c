/* submission.c: see submission.h. */
#include "submission.h"

#include <assert.h>
#include <string.h>
#include <idn2.h>

#include "utf8.h"

static const struct {
	const char *code, *en, *th;
} problems[] = {
	[FP_REQUIRED] = { "required", "This field is required.", "ต้องกรอกช่องนี้" },
	[FP_INVISIBLE] = { "invisible", "Only spaces or invisible characters: please type the text.",
		"มีแต่ช่องว่างหรืออักขระที่มองไม่เห็น กรุณาพิมพ์ข้อความ" },
	[FP_TOO_LONG] = { "too_long", "Too long.", "ยาวเกินกำหนด" },
	[FP_CHOICE] = { "choice", "Choose one of the options.", "กรุณาเลือกจากตัวเลือกที่มี" },
	[FP_SCALE] = { "scale", "Choose a level from 1 to 5.", "กรุณาเลือกระดับ 1 ถึง 5" },
	[FP_EMAIL] = { "email", "Not an e-mail address (for example somchai@example.com or สมชาย@ไทย.ไทย).",
		"รูปแบบอีเมลไม่ถูกต้อง (ตัวอย่าง somchai@example.com หรือ สมชาย@ไทย.ไทย)" },
	[FP_PHONE] = { "phone", "Not a phone number (9 to 15 digits).", "รูปแบบหมายเลขโทรศัพท์ไม่ถูกต้อง (9 ถึง 15 หลัก)" },
	[FP_DATE] = { "date", "Not a date (YYYY-MM-DD).", "รูปแบบวันที่ไม่ถูกต้อง (ปปปป-ดด-วว)" },
	[FP_MUST_EQUAL] = { "must_equal", "Please tick this box to go on.", "กรุณาทำเครื่องหมายในช่องนี้เพื่อดำเนินการต่อ" },
	[FP_UNKNOWN] = { "unknown", "This form has no such field.", "แบบฟอร์มนี้ไม่มีช่องนี้" },
	[FP_REPEATED] = { "repeated", "Sent more than once.", "ส่งช่องนี้ซ้ำ" },
	[FP_HONEYPOT] = { "not_accepted", "The form could not be accepted: open the form page again and send it from there.",
		"ระบบรับแบบฟอร์มนี้ไม่ได้ กรุณาเปิดหน้าแบบฟอร์มใหม่แล้วส่งจากหน้านั้น" },
	[FP_FILE_TYPE] = { "file_type", "Only JPEG, PNG or PDF files.", "แนบได้เฉพาะไฟล์ JPEG, PNG หรือ PDF" },
	[FP_FILE_SIZE] = { "file_size", "The file is too large (at most 5 MB).", "ไฟล์ใหญ่เกินไป (ไม่เกิน 5 MB)" },
	[FP_FILE_COUNT] = { "file_count", "Too many files (at most 3).", "แนบไฟล์ได้ไม่เกิน 3 ไฟล์" },
	[FP_FILE_DAMAGED] = { "file_damaged", "The file seems damaged.", "ไฟล์เสียหรือไม่สมบูรณ์" },
	[FP_NOT_FILE] = { "not_file", "Wrong kind of input for this field.", "ข้อมูลไม่ตรงกับชนิดของช่อง" },
	[FP_NO_KEY] = { "no_key",
		"The office cannot accept personal details or attachments online yet: leave this empty to report anonymously, or contact the office.",
		"ขณะนี้ยังรับข้อมูลส่วนบุคคลหรือไฟล์แนบทางออนไลน์ไม่ได้ กรุณาเว้นว่างเพื่อแจ้งโดยไม่ระบุตัวตน หรือติดต่อสำนักงานโดยตรง" },
};

static int problem_known(enum field_problem p)
{
	return (unsigned)p < sizeof problems / sizeof problems[0] && problems[p].code;
}

const char *field_problem_en(enum field_problem p) { return problem_known(p) ? problems[p].en : "Invalid."; }
const char *field_problem_th(enum field_problem p) { return problem_known(p) ? problems[p].th : "ไม่ถูกต้อง"; }
const char *field_problem_code(enum field_problem p) { return problem_known(p) ? problems[p].code : "invalid"; }

/* Record a problem (once per field and problem; silently capped). */
static void add_error(struct submission *s, int field, const char *name, size_t name_len,
		      enum field_problem p)
{
	struct field_error *e;
	size_t i;
	char tmp[33];

	if (name_len > 32 || memchr(name, '\0', name_len))
		name_len = 0;
	memcpy(tmp, name, name_len);
	tmp[name_len] = '\0';
	if (!field_name_valid(tmp) && strcmp(tmp, FC_HONEYPOT) != 0)
		tmp[0] = '\0'; /* never echo arbitrary bytes */
	for (i = 0; i < s->n_errors; i++)
		if (s->errors[i].problem == p && strcmp(s->errors[i].name, tmp) == 0)
			return;
	if (s->n_errors == VALIDATE_MAX_ERRORS)
		return;
	e = &s->errors[s->n_errors++];
	e->field = field;
	e->problem = p;
	memcpy(e->name, tmp, strlen(tmp) + 1);
}

static void bad_request(struct submission *s, const char *reason)
{
	if (s->status != 400) {
		s->status = 400;
		s->reason = reason;
	}
}

static int find_field(const struct form_def *form, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < form->n_fields; i++)
		if (strlen(form->fields[i].name) == len && memcmp(form->fields[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/* 400-class checks of a text value: valid UTF-8 and no control characters
 * (C0 but tab and line breaks in multi-line fields, DEL, C1).  0 or -1. */
static int text_ok(const char *v, size_t len, int multiline, const char **reason)
{
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		unsigned char c = (unsigned char)v[i];

		if (c < 0x80) {
			if ((c < 0x20 && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) || c == 0x7f) {
				*reason = "control character in a value";
				return -1;
			}
			i++;
			continue;
		}
		n = utf8_decode(v + i, len - i, &cp);
		if (n == 0) {
			*reason = "invalid UTF-8";
			return -1;
		}
		if (cp >= 0x80 && cp <= 0x9f) {
			*reason = "control character in a value";
			return -1;
		}
		i += n;
	}
	return 0;
}

/* The length of the blank (utf8_is_blank) code point at v[i..len), or 0. */
static size_t blank_at(const char *v, size_t i, size_t len)
{
	unsigned cp;
	size_t n = utf8_decode(v + i, len - i, &cp);

	return n && utf8_is_blank(cp) ? n : 0;
}

/* Clean a valid UTF-8 text value in place (text_ok passed); returns the new
 * length: bidirectional controls removed (UAX #9: they can make what staff
 * read differ from what was sent), U+2028/U+2029 turned into a space
 * (one-line fields) or LF (text areas), CRLF and CR into LF, and blank
 * characters (spaces and invisible ones, utf8_is_blank) trimmed from both
 * ends, so a value of only ZWSP, NBSP or BOM is empty; then NFC (utf8_nfc),
 * so that the same text typed on two keyboards is stored the same. */
static size_t clean(char **vp, size_t len, int multiline)
{
	char *v = *vp;
	size_t i, o = 0, n;
	unsigned cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(v + i, len - i, &cp);
		if (n == 0) { /* cannot happen after text_ok */
			n = 1;
			continue;
		}
		if (utf8_is_bidi_control(cp))
			continue;
		if (utf8_is_line_separator(cp)) {
			v[o++] = multiline ? '\n' : ' ';
		} else if (multiline && cp == '\r') {
			v[o++] = '\n';
			if (i + 1 < len && v[i + 1] == '\n')
				i++;
		} else {
			memmove(v + o, v + i, n);
			o += n;
		}
	}
	len = o;
	while (len) { /* trailing blanks, one code point at a time */
		size_t k = len - 1;

		while (k && ((unsigned char)v[k] & 0xC0) == 0x80)
			k--;
		if (blank_at(v, k, len) != len - k)
			break;
		len = k;
	}
	while (len && (n = blank_at(v, 0, len)) != 0) {
		v += n;
		len -= n;
	}
	v[len] = '\0'; /* inside the original value or on its old terminator */
	*vp = v;
	return utf8_nfc(v, len);
}

/* A non-ASCII code point allowed in an address: a letter or mark of a
 * script, not a space, control, format character, symbol block or
 * private-use (a conservative stand-in for RFC 5892's PVALID). */
static int intl_ok(unsigned cp)
{
	return cp >= 0xA0 && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
	       !(cp >= 0xE000 && cp <= 0xF8FF) && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0xFEFF &&
	       !(cp >= 0xFFF0 && cp <= 0xFFFF) && cp < 0xE0000 && cp != 0xA0 && cp != 0xAD && cp != 0x0E3F;
}

/* The domain of an address (RFC 5321 §4.1.2, RFC 6531 §3.3): UTF-8 is
 * converted to an A-label domain by libidn2 (IDNA2008, RFC 5891, with the
 * UTS #46 non-transitional mapping, so ไทย.ไทย is xn--o3cw4h.xn--o3cw4h and
 * a disallowed code point, a bad bidi label or a broken A-label fail); the
 * result must be at least two LDH labels (RFC 5890 §2.3.1) of at most 63
 * octets, 253 in all.  1 or 0. */
static int email_domain_ok(const char *d, size_t len)
{
	char in[256], *ascii = NULL;
	size_t i, label = 0, n;
	int ok = 1, dots = 0;

	if (len == 0 || len >= sizeof in || memchr(d, '\0', len))
		return 0;
	memcpy(in, d, len);
	in[len] = '\0';
	if (idn2_to_ascii_8z(in, &ascii, IDN2_NONTRANSITIONAL) != IDN2_OK)
		return 0;
	n = strlen(ascii);
	if (n > 253 || ascii[0] == '.' || ascii[n - 1] == '.' || ascii[n - 1] == '-')
		ok = 0;
	for (i = 0; ok && i < n; i++) {
		unsigned char c = (unsigned char)ascii[i];

		if (c == '.') {
			ok = label > 0 && ascii[i - 1] != '-';
			dots++;
			label = 0;
		} else {
			ok = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			      (c == '-' && label > 0)) && ++label <= 63;
		}
	}
	idn2_free(ascii);
	return ok && dots > 0;
}

/* local@domain, RFC 5321 §4.5.3.1 lengths (octets); a pragmatic subset of
 * RFC 5322 addr-spec (dot-atom only), with RFC 6531 §3.3 / RFC 6532 §3.2:
 * UTF-8 letters in the local part (intl_ok), and an internationalised
 * domain (email_domain_ok), so สมชาย@ไทย.ไทย is an address. */
int valid_email(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	size_t local, i, n;
	unsigned cp;

	if (!at || len > 254)
		return 0;
	local = (size_t)(at - s);
	if (local == 0 || local > 64 || s[0] == '.' || s[local - 1] == '.')
		return 0;
	for (i = 0; i < local; i += n) {
		unsigned char c = (unsigned char)s[i];

		n = 1;
		if (c >= 0x80) {
			n = utf8_decode(s + i, local - i, &cp);
			if (n == 0 || !intl_ok(cp))
				return 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("!#$%&'*+-/=?^_`{|}~.", c)) || c == 0)
			return 0;
		if (c == '.' && s[i + 1] == '.')
			return 0;
	}
	return email_domain_ok(at + 1, len - local - 1);
}

/* Digits (ASCII or Thai ๐-๙), spaces, hyphens, dots, parentheses, one
 * leading "+"; 9..15 digits (E.164 has at most 15). */
int valid_phone(const char *s, size_t len)
{
	size_t i = 0, n;
	int digits = 0;
	unsigned cp;

	if (len && s[0] == '+')
		i = 1;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return 0;
		if ((cp >= '0' && cp <= '9') || (cp >= 0x0E50 && cp <= 0x0E59))
			digits++;
		else if (!(cp == ' ' || cp == '-' || cp == '.' || cp == '(' || cp == ')'))
			return 0;
		i += n;
	}
	return digits >= 9 && digits <= 15;
}

/* YYYY-MM-DD, a real day of the Gregorian calendar, year 1900..2399 (CE,
 * as date inputs send it). */
int valid_date(const char *s, size_t len)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, leap;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2399 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

int attachment_sealed(const struct form_def *form, const struct attachment *a)
{
	assert(a->field >= 0 && (size_t)a->field < form->n_fields);
	return field_sealed(form, &form->fields[a->field]);
}

/* The checks of one non-empty text value against its field. */
static void check_value(const struct form_def *form, const struct form_field *f, int idx, const char *v,
			size_t len, int have_key, struct submission *s)
{
	size_t i;
	int ok;

	if (utf8_count(v, len) > (size_t)field_max_length(f)) {
		add_error(s, idx, f->name, strlen(f->name), FP_TOO_LONG);
		return;
	}
	if (f->must_equal && strcmp(v, f->must_equal) != 0) {
		add_error(s, idx, f->name, strlen(f->name), FP_MUST_EQUAL);
		return;
	}
	switch (f->type) {
	case FT_CHOICE:
		for (ok = 0, i = 0; i < f->n_choices && !ok; i++)
			ok = strcmp(f->choices[i].value, v) == 0;
		if (!ok && strcmp(f->name, "project") == 0) /* the build installs every project id */
			bad_request(s, "ไม่มีโครงการรหัสนี้ในแบบประเมิน / no such project in this survey");
		else if (!ok)
			add_error(s, idx, f->name, strlen(f->name), FP_CHOICE);
		break;
	case FT_SCALE:
		if (!(len == 1 && v[0] >= '1' && v[0] <= '5'))
			add_error(s, idx, f->name, strlen(f->name), FP_SCALE);
		break;
	case FT_EMAIL:
		if (!valid_email(v, len))
			add_error(s, idx, f->name, strlen(f->name), FP_EMAIL);
		break;
	case FT_PHONE:
		if (!valid_phone(v, len))
			add_error(s, idx, f->name, strlen(f->name), FP_PHONE);
		break;
	case FT_DATE:
		if (!valid_date(v, len))
			add_error(s, idx, f->name, strlen(f->name), FP_DATE);
		break;
	default:
		break;
	}
	if (field_sealed(form, f) && !have_key)
		add_error(s, idx, f->name, strlen(f->name), FP_NO_KEY);
}

/* One file part for file field idx. */
static void check_file(const struct form_def *form, int idx, struct form_part *p, int have_key,
		       struct submission *s)
{
	const struct form_field *f = &form->fields[idx];
	const char *name = f->name;
	enum media_type t;
	size_t n;
	struct attachment *a;

	if (p->len == 0)
		return; /* no file chosen: browsers send an empty part */
	if (s->n_files >= (size_t)form_max_files(form)) {
		add_error(s, idx, name, strlen(name), FP_FILE_COUNT);
		return;
	}
	if (p->len > (size_t)form_max_file_size(form)) {
		add_error(s, idx, name, strlen(name), FP_FILE_SIZE);
		return;
	}
	t = media_sniff((const unsigned char *)p->value, p->len);
	if (t == MEDIA_NONE) {
		add_error(s, idx, name, strlen(name), FP_FILE_TYPE);
		return;
	}
	n = media_strip(t, (unsigned char *)p->value, p->len);
	if (n == (size_t)-1) {
		add_error(s, idx, name, strlen(name), FP_FILE_DAMAGED);
		return;
	}
	if (!have_key && field_sealed(form, f)) {
		add_error(s, idx, name, strlen(name), FP_NO_KEY);
		return;
	}
	a = &s->files[s->n_files++];
	a->field = idx;
	a->type = t;
	a->data = (const unsigned char *)p->value;
	a->len = n;
}

/* The page token (*seen counts its parts; an empty one, sent by a page
 * without JavaScript, is no token): 0 and s->token, or -1. */
static int take_token(const struct form_part *p, int *seen, struct submission *s)
{
	if (p->is_file || ++*seen > 1)
		return -1;
	if (p->len == 0)
		return 0;
	if (!form_token_valid(p->value, p->len))
		return -1;
	memcpy(s->token, p->value, p->len);
	s->token[p->len] = '\0';
	return 0;
}

void validate_submission(const struct form_def *form, struct form_data *d, int have_key,
			 struct submission *s)
{
	/* which part carries each field's text value (-1: none) */
	int part_of[FC_MAX_FIELDS];
	unsigned char invisible[FC_MAX_FIELDS] = { 0 }; /* sent, but nothing visible */
	size_t i;
	int idx, tokens = 0, honeypots = 0, honeypot_bad = 0;
	const char *reason;

	assert(form->n_fields <= FC_MAX_FIELDS);
	memset(s, 0, sizeof *s);
	for (i = 0; i < form->n_fields; i++)
		part_of[i] = -1;
	for (i = 0; i < d->n; i++) {
		struct form_part *p = &d->parts[i];
		const struct form_field *f;

		if (p->name_len == sizeof FC_HONEYPOT - 1 && memcmp(p->name, FC_HONEYPOT, p->name_len) == 0) {
			if (++honeypots > 1 || p->len || p->is_file)
				honeypot_bad = 1;
			continue;
		}
		if (p->name_len == sizeof FC_FORM_TOKEN - 1 && memcmp(p->name, FC_FORM_TOKEN, p->name_len) == 0) {
			if (take_token(p, &tokens, s) < 0)
				bad_request(s, "bad or repeated form token");
			continue;
		}
		idx = find_field(form, p->name, p->name_len);
		if (idx < 0) {
			add_error(s, -1, p->name, p->name_len, FP_UNKNOWN);
			continue;
		}
		f = &form->fields[idx];
		if (f->type == FT_FILE) {
			if (!p->is_file) {
				if (p->len)
					add_error(s, idx, f->name, strlen(f->name), FP_NOT_FILE);
				continue;
			}
			check_file(form, idx, p, have_key, s);
			continue;
		}
		if (p->is_file) {
			add_error(s, idx, f->name, strlen(f->name), FP_NOT_FILE);
			continue;
		}
		if (part_of[idx] >= 0) {
			add_error(s, idx, f->name, strlen(f->name), FP_REPEATED);
			continue;
		}
		if (text_ok(p->value, p->len, f->type == FT_TEXTAREA, &reason) < 0) {
			bad_request(s, reason);
			continue;
		}
		invisible[idx] = p->len > 0;
		p->len = clean(&p->value, p->len, f->type == FT_TEXTAREA);
		invisible[idx] &= p->len == 0;
		part_of[idx] = (int)i;
	}
	/* filled in, sent twice, or missing (every form page sends it once):
	 * one unnamed error that never says which field it was */
	if (honeypots != 1 || honeypot_bad)
		add_error(s, -1, "", 0, FP_HONEYPOT);
	for (i = 0; i < form->n_fields; i++) {
		const struct form_field *f = &form->fields[i];
		struct form_part *p;

		if (f->type == FT_FILE) {
			size_t k;
			int have = 0;

			for (k = 0; k < s->n_files; k++)
				have |= s->files[k].field == (int)i;
			if (f->required && !have)
				add_error(s, (int)i, f->name, strlen(f->name), FP_REQUIRED);
			continue;
		}
		if (part_of[i] < 0 || d->parts[part_of[i]].len == 0) {
			if (f->required)
				add_error(s, (int)i, f->name, strlen(f->name), f->must_equal ? FP_MUST_EQUAL :
					  invisible[i] ? FP_INVISIBLE : FP_REQUIRED);
			continue;
		}
		p = &d->parts[part_of[i]];
		check_value(form, f, (int)i, p->value, p->len, have_key, s);
		assert(s->n_values < FC_MAX_FIELDS);
		s->values[s->n_values].field = (int)i;
		s->values[s->n_values].value = p->value;
		s->values[s->n_values].len = p->len;
		s->n_values++;
	}
	if (s->status != 400 && s->n_errors)
		s->status = 422;
	if (s->status) { /* all or nothing */
		s->n_values = 0;
		s->n_files = 0;
		s->token[0] = '\0';
	}
}
