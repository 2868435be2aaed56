/* testforms.h: form definitions for the collector's unit tests and fuzzer,
 * shaped like content/forms/complaint.yaml with a few more field types. */
#ifndef PRONGSAI_TESTFORMS_H
#define PRONGSAI_TESTFORMS_H

#include "formdef.h"

static const struct form_choice tf_districts[] = {
	{ "mueang-loei", "เมืองเลย", "Mueang Loei" },
	{ "dan-sai", "ด่านซ้าย", "Dan Sai" },
};
static const struct form_choice tf_categories[] = {
	{ "service", "การให้บริการ", "Service" },
	{ "other", "อื่น ๆ", "Other" },
};

static const struct form_field tf_complaint_fields[] = {
	{ .name = "subject", .label_th = "เรื่อง", .label_en = "Subject", .type = FT_TEXT, .required = 1, .max_length = 10 },
	{ .name = "detail", .label_th = "รายละเอียด", .label_en = "Details", .type = FT_TEXTAREA, .required = 1, .max_length = 50 },
	{ .name = "district", .label_th = "อำเภอ", .label_en = "District", .type = FT_CHOICE,
	  .choices = tf_districts, .n_choices = 2 },
	{ .name = "category", .label_th = "ประเภท", .label_en = "Category", .type = FT_CHOICE,
	  .choices = tf_categories, .n_choices = 2 },
	{ .name = "rating", .label_th = "ระดับ", .label_en = "Rating", .type = FT_SCALE },
	{ .name = "when", .label_th = "วันที่", .label_en = "Date", .type = FT_DATE },
	{ .name = "attachments", .label_th = "ไฟล์แนบ", .label_en = "Attachments", .type = FT_FILE },
	{ .name = "name", .label_th = "ชื่อ", .label_en = "Name", .type = FT_TEXT, .personal = 1, .max_length = 100 },
	{ .name = "phone", .label_th = "โทรศัพท์", .label_en = "Phone", .type = FT_PHONE, .personal = 1 },
	{ .name = "email", .label_th = "อีเมล", .label_en = "E-mail", .type = FT_EMAIL, .personal = 1 },
	{ .name = "consent", .label_th = "ยินยอม", .label_en = "Consent", .type = FT_CHECKBOX, .required = 1,
	  .must_equal = "yes" },
};

static const struct form_def tf_complaint = {
	.id = "complaint", .kind = FORM_COMPLAINT, .channel = CHANNEL_GENERAL,
	.title_th = "ร้องเรียน", .title_en = "Complaints", .thanks_th = "ขอบคุณ", .thanks_en = "Thanks",
	.max_body = 16000000, .max_files = 3, .max_file_size = 5242880,
	.fields = tf_complaint_fields, .n_fields = sizeof tf_complaint_fields / sizeof tf_complaint_fields[0],
};

static const struct form_def tf_corruption = {
	.id = "corruption", .kind = FORM_COMPLAINT, .channel = CHANNEL_CORRUPTION,
	.title_th = "แจ้งเบาะแส", .title_en = "Report corruption", .thanks_th = "ขอบคุณ", .thanks_en = "Thanks",
	.max_body = 16000000, .max_files = 3, .max_file_size = 5242880,
	.fields = tf_complaint_fields, .n_fields = sizeof tf_complaint_fields / sizeof tf_complaint_fields[0],
};

static const struct form_field tf_survey_fields[] = {
	{ .name = "overall", .label_th = "โดยรวม", .label_en = "Overall", .type = FT_SCALE, .required = 1 },
	{ .name = "comment", .label_th = "ข้อเสนอแนะ", .label_en = "Comment", .type = FT_TEXTAREA },
};

static const struct form_def tf_survey = {
	.id = "satisfaction", .kind = FORM_SURVEY, .channel = CHANNEL_NONE,
	.title_th = "ความพึงพอใจ", .title_en = "Satisfaction", .thanks_th = "ขอบคุณ", .thanks_en = "Thanks",
	.fields = tf_survey_fields, .n_fields = 2,
};

#endif
