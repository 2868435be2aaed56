/* formcheck.c: see formcheck.h. */
#include "formcheck.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

int field_default_max_length(enum field_type t)
{
	switch (t) {
	case FT_TEXT: return 200;
	case FT_TEXTAREA: return 5000;
	case FT_CHOICE: return 64;
	case FT_SCALE: return 1;
	case FT_EMAIL: return 254;
	case FT_PHONE: return 32;
	case FT_DATE: return 10;
	case FT_CHECKBOX: return 8;
	case FT_FILE: return 255;
	}
	return 200;
}

int field_max_length(const struct form_field *f)
{
	if (f->max_length > 0 && f->max_length <= FC_MAX_LENGTH)
		return f->max_length;
	return field_default_max_length(f->type);
}

int form_max_files(const struct form_def *f)
{
	size_t i;
	int has_file = 0;

	for (i = 0; i < f->n_fields; i++)
		if (f->fields[i].type == FT_FILE)
			has_file = 1;
	if (!has_file)
		return 0;
	if (f->max_files <= 0)
		return FC_MAX_FILES;
	return f->max_files < FC_MAX_FILES ? f->max_files : FC_MAX_FILES;
}

long form_max_file_size(const struct form_def *f)
{
	if (f->max_file_size <= 0 || f->max_file_size > FC_MAX_FILE_SIZE)
		return FC_MAX_FILE_SIZE;
	return f->max_file_size;
}

long form_max_body(const struct form_def *f)
{
	long total = 4096;
	size_t i;

	if (f->max_body > 0)
		return f->max_body < FC_HARD_MAX_BODY ? f->max_body : FC_HARD_MAX_BODY;
	/* a code point is at most 4 bytes, 12 when percent-encoded */
	for (i = 0; i < f->n_fields; i++)
		if (f->fields[i].type != FT_FILE)
			total += 512 + 12L * field_max_length(&f->fields[i]);
	total += 512; /* the honeypot */
	total += (long)form_max_files(f) * (form_max_file_size(f) + 1024);
	return total < FC_HARD_MAX_BODY ? total : FC_HARD_MAX_BODY;
}

static const char *const scale_th[] = { "", "น้อยที่สุด", "น้อย", "ปานกลาง", "มาก", "มากที่สุด" };
static const char *const scale_en[] = { "", "Very low", "Low", "Moderate", "High", "Very high" };

const char *scale_label_th(int v)
{
	return v >= 1 && v <= FC_SCALE_POINTS ? scale_th[v] : "";
}

const char *scale_label_en(int v)
{
	return v >= 1 && v <= FC_SCALE_POINTS ? scale_en[v] : "";
}

/* [a-z][a-z0-9<extra>]{0,31} */
static int name_valid(const char *s, char extra)
{
	size_t i;

	if (!s || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; s[i]; i++) {
		if (i >= 32)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == extra))
			return 0;
	}
	return 1;
}

int form_id_valid(const char *s) { return name_valid(s, '-'); }
int field_name_valid(const char *s) { return name_valid(s, '_'); }

int field_sealed(const struct form_def *form, const struct form_field *f)
{
	return f->personal || (form->channel == CHANNEL_CORRUPTION && f->type != FT_CHOICE);
}

int field_respondent_ok(const struct form_field *f)
{
	return !f->name || strcmp(f->name, FORM_RESPONDENT_FIELD) != 0 || (f->type == FT_CHOICE && !f->personal);
}

int form_token_valid(const char *s, size_t len)
{
	size_t i;

	if (len < FC_TOKEN_MIN || len > FC_TOKEN_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

static int empty(const char *s) { return !s || !*s; }

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } while (0)

/* Checks of one field; fid is the form id for messages. */
static int field_check(const char *fid, const struct form_def *form,
		       const struct form_field *f, char *err, size_t errlen)
{
	size_t i, j;
	const char *n = f->name ? f->name : "?";

	if (!field_name_valid(f->name))
		FAIL("form %s: field name \"%s\" must be [a-z][a-z0-9_]{0,31} / ชื่อช่อง \"%s\" ไม่ถูกต้อง", fid, n, n);
	if (strcmp(f->name, FC_HONEYPOT) == 0 || strcmp(f->name, FC_FORM_TOKEN) == 0)
		FAIL("form %s: the field name \"%s\" is reserved / ชื่อช่อง \"%s\" สงวนไว้ใช้ในระบบ", fid, n, n);
	if (empty(f->label_th))
		FAIL("form %s, field %s: label is required / ต้องมี label", fid, n);
	if ((unsigned)f->type > FT_FILE)
		FAIL("form %s, field %s: unknown type / ชนิดช่องไม่ถูกต้อง", fid, n);
	if (f->max_length < 0 || f->max_length > FC_MAX_LENGTH)
		FAIL("form %s, field %s: max_length must be 0..%d / max_length ต้องอยู่ระหว่าง 0 ถึง %d", fid, n,
		     FC_MAX_LENGTH, FC_MAX_LENGTH);
	if (f->n_choices > FC_MAX_CHOICES)
		FAIL("form %s, field %s: at most %d choices / ตัวเลือกได้ไม่เกิน %d", fid, n, FC_MAX_CHOICES, FC_MAX_CHOICES);
	if (f->n_choices && !f->choices)
		FAIL("form %s, field %s: choices missing / ไม่มีตัวเลือก", fid, n);
	if (f->type == FT_CHOICE && f->n_choices == 0)
		FAIL("form %s, field %s: a choice field needs choices / ช่องแบบเลือกต้องมี choices", fid, n);
	if (f->type != FT_CHOICE && f->type != FT_SCALE && f->n_choices)
		FAIL("form %s, field %s: only choice and scale fields have choices / มี choices ได้เฉพาะช่อง choice และ scale", fid, n);
	if (f->type == FT_SCALE && f->n_choices && f->n_choices != FC_SCALE_POINTS)
		FAIL("form %s, field %s: a scale has exactly 5 choices (1..5) / ช่องระดับต้องมี 5 ตัวเลือก (1..5)", fid, n);
	if (f->type == FT_FILE && form->kind != FORM_COMPLAINT)
		FAIL("form %s, field %s: only complaint forms take files / แนบไฟล์ได้เฉพาะแบบฟอร์มเรื่องร้องเรียน", fid, n);
	if (!field_respondent_ok(f))
		FAIL("form %s, field %s: the respondent type is a choice field, not personal / ช่อง %s (ประเภทผู้ตอบ) ต้องเป็นช่องแบบเลือก (choice) และไม่ใช่ข้อมูลส่วนบุคคล",
		     fid, n, n);
	if (f->type == FT_FILE && f->must_equal)
		FAIL("form %s, field %s: must_equal does not apply to files / ช่องไฟล์ใช้ must_equal ไม่ได้", fid, n);
	for (i = 0; i < f->n_choices; i++) {
		const struct form_choice *c = &f->choices[i];

		if (empty(c->value) || strlen(c->value) > 64 || empty(c->label_th))
			FAIL("form %s, field %s: choice %zu needs a value (at most 64 bytes) and a label / ตัวเลือกที่ %zu ต้องมี value และ label",
			     fid, n, i + 1, i + 1);
		if (f->type == FT_SCALE && !(c->value[0] >= '1' && c->value[0] <= '5' && !c->value[1]))
			FAIL("form %s, field %s: scale values are 1..5 / ค่าของช่องระดับต้องเป็น 1..5", fid, n);
		for (j = 0; j < i; j++)
			if (strcmp(f->choices[j].value, c->value) == 0)
				FAIL("form %s, field %s: choice \"%s\" twice / ตัวเลือก \"%s\" ซ้ำ", fid, n, c->value, c->value);
	}
	return 0;
}

int form_def_check(const struct form_def *f, char *err, size_t errlen)
{
	const char *fid = f->id ? f->id : "?";
	size_t i, j;

	if (!form_id_valid(f->id))
		FAIL("form id \"%s\" must be [a-z][a-z0-9-]{0,31} / รหัสแบบฟอร์ม \"%s\" ไม่ถูกต้อง", fid, fid);
	if (strcmp(f->id, "health") == 0 || strcmp(f->id, "track") == 0)
		FAIL("form id \"%s\" is reserved for the collector / รหัสแบบฟอร์ม \"%s\" สงวนไว้ใช้ในระบบ", fid, fid);
	if (f->kind != FORM_COMPLAINT && f->kind != FORM_SURVEY && f->kind != FORM_QUESTION)
		FAIL("form %s: kind must be complaint, survey or question / kind ต้องเป็น complaint, survey หรือ question", fid);
	if (f->kind == FORM_QUESTION && f->channel != CHANNEL_GENERAL)
		FAIL("form %s: a question form is in the general channel / แบบฟอร์มสอบถามอยู่ในช่องทางทั่วไป (general)", fid);
	if (f->kind == FORM_SURVEY && f->channel != CHANNEL_NONE)
		FAIL("form %s: a survey has no channel / แบบสำรวจไม่มี channel", fid);
	if (f->kind == FORM_COMPLAINT && f->channel != CHANNEL_GENERAL && f->channel != CHANNEL_CORRUPTION)
		FAIL("form %s: channel must be general or corruption / channel ต้องเป็น general หรือ corruption", fid);
	if (empty(f->title_th))
		FAIL("form %s: title is required / ต้องมี title", fid);
	if (f->max_body < 0 || f->max_body > FC_HARD_MAX_BODY)
		FAIL("form %s: max_body must be 0..%ld / max_body ต้องอยู่ระหว่าง 0 ถึง %ld", fid,
		     FC_HARD_MAX_BODY, FC_HARD_MAX_BODY);
	if (f->max_files < 0 || f->max_files > FC_MAX_FILES)
		FAIL("form %s: at most %d attachments / แนบไฟล์ได้ไม่เกิน %d ไฟล์", fid, FC_MAX_FILES, FC_MAX_FILES);
	if (f->max_file_size < 0 || f->max_file_size > FC_MAX_FILE_SIZE)
		FAIL("form %s: an attachment is at most %ld bytes / ไฟล์แนบต้องไม่เกิน %ld ไบต์", fid,
		     FC_MAX_FILE_SIZE, FC_MAX_FILE_SIZE);
	if (f->n_fields == 0 || f->n_fields > FC_MAX_FIELDS || !f->fields)
		FAIL("form %s: 1..%d fields / ต้องมี 1 ถึง %d ช่อง", fid, FC_MAX_FIELDS, FC_MAX_FIELDS);
	for (i = 0; i < f->n_fields; i++) {
		if (field_check(fid, f, &f->fields[i], err, errlen) < 0)
			return -1;
		for (j = 0; j < i; j++)
			if (strcmp(f->fields[j].name, f->fields[i].name) == 0)
				FAIL("form %s: field \"%s\" twice / ช่อง \"%s\" ซ้ำ", fid, f->fields[i].name, f->fields[i].name);
	}
	assert(form_max_body(f) > 0);
	return 0;
}
