/* schema.c: the field tables of every record type (see schema.h). */
#include "model/schema.h"

#include <stddef.h>
#include <string.h>

#include "model/model.h"

int year_be_ok(long y)
{
	return y >= YEAR_BE_MIN && y <= YEAR_BE_MAX;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T(name, type, flags, min, max, vals, sub, st, mem, th, en, fill) \
	{ name, type, flags, min, max, vals, sub, offsetof(st, mem), th, en, fill }
/* a field the loader reads by hand */
#define M(name, type, flags, vals, sub, th, en) \
	{ name, type, (flags) | SF_MANUAL, 0, 0, vals, sub, 0, th, en, NULL }
#define SCHEMA(var, nm, arr, doc) const struct schema var = { nm, arr, N(arr), doc }

/* ---- site.yaml ---- */
static const struct sfield named_f[] = {
	T("id", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct named, id, "รหัส", "id", NULL),
	T("name", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct named, name, "ชื่อ", "name", NULL),
	T("name_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct named, name_en, "ชื่อภาษาอังกฤษ", "English name", NULL),
};
SCHEMA(schema_named, "named", named_f, NULL);

static const struct sfield link_f[] = {
	T("label", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct link, label, "ข้อความลิงก์", "link text", NULL),
	T("url", SF_URL, SF_REQ, 0, 0, NULL, NULL, struct link, url, "ที่อยู่ลิงก์", "link address", NULL),
};
static SCHEMA(schema_link, "site.office.social", link_f, NULL);

static const struct sfield office_f[] = {
	T("name", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct site, name, "ชื่อสำนักงาน", "office name", NULL),
	T("name_en", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct site, name_en, "ชื่อสำนักงานภาษาอังกฤษ", "office name in English", NULL),
	T("parent", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, parent, "หน่วยงานต้นสังกัด", "parent department", NULL),
	T("parent_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, parent_en, "หน่วยงานต้นสังกัดภาษาอังกฤษ", "parent department in English", NULL),
	T("address", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, address, "ที่อยู่", "address", NULL),
	T("address_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, address_en, "ที่อยู่ภาษาอังกฤษ", "address in English", NULL),
	T("phone", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, phone, "โทรศัพท์", "phone", NULL),
	T("email", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, email, "อีเมล", "e-mail", NULL),
	M("social", SF_LIST, 0, NULL, &schema_link, "ลิงก์สื่อสังคม", "social links"),
};
static SCHEMA(schema_office, "site.office", office_f, NULL);

static const struct sfield license_f[] = {
	T("name", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct site, license_name, "ชื่อสัญญาอนุญาต", "licence name", NULL),
	T("name_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct site, license_name_en, "ชื่อภาษาอังกฤษ", "English name", NULL),
	T("url", SF_URL, 0, 0, 0, NULL, NULL, struct site, license_url, "ที่อยู่ของสัญญาอนุญาต", "licence address", NULL),
};
static SCHEMA(schema_license, "site.license", license_f, NULL);

static const char *const digits_v[] = { "arabic", "thai", NULL };
static const struct sfield display_f[] = {
	M("digits", SF_ENUM, 0, digits_v, NULL, "เลขอารบิกหรือเลขไทย", "Arabic or Thai digits"),
};
static SCHEMA(schema_display, "site.display", display_f, NULL);

static const struct sfield status_f[] = {
	T("behind", SF_PERCENT, SF_REQ, 0, 0, NULL, NULL, struct site, behind, "ช้ากว่าแผนกี่จุดจึงถือว่าล่าช้า", "points behind plan for behind", NULL),
	T("seriously_behind", SF_PERCENT, SF_REQ, 0, 0, NULL, NULL, struct site, seriously_behind, "ช้ากว่าแผนกี่จุดจึงถือว่าล่าช้ามาก", "points behind plan for seriously behind", NULL),
};
static SCHEMA(schema_status, "site.status", status_f, NULL);

static const struct sfield target_f[] = {
	T("fiscal_year", SF_YEAR, SF_REQ, 0, 0, NULL, NULL, struct disb_target, fiscal_year, "ปีงบประมาณ", "fiscal year", NULL),
	M("overall", SF_LIST, SF_REQ, NULL, NULL, "ร้อยละสะสม ณ สิ้นไตรมาส 1-4", "cumulative % at the end of Q1-Q4"),
	M("recurrent", SF_LIST, 0, NULL, NULL, "งบประจำ ร้อยละสะสม 4 ค่า", "recurrent budget, 4 cumulative %"),
	M("capital", SF_LIST, 0, NULL, NULL, "งบลงทุน ร้อยละสะสม 4 ค่า", "capital budget, 4 cumulative %"),
};
static SCHEMA(schema_target, "site.disbursement_targets", target_f, NULL);

static const struct sfield inbox_f[] = {
	M("public_key", SF_TEXT, 0, NULL, NULL, "กุญแจสาธารณะ (base64) จาก prongsai inbox keygen", "public key (base64) from prongsai inbox keygen"),
};
static SCHEMA(schema_inbox, "site.inbox", inbox_f, NULL);

static const struct sfield collector_f[] = {
	M("rate_limit_per_hour", SF_INT, 0, NULL, NULL, "เรื่องต่อผู้ส่งต่อแบบฟอร์มต่อชั่วโมง 0 = ไม่จำกัด", "submissions per client per form per hour; 0 = no limit"),
	M("repeat_window_seconds", SF_INT, 0, NULL, NULL, "กี่วินาทีที่ถือว่าส่งซ้ำ 0 = ปิด", "seconds within which a repeat is merged; 0 = off"),
	T("busy_timeout_ms", SF_INT, 0, 100, 60000, NULL, NULL, struct site, busy_timeout_ms, "รอคิวฐานข้อมูลนานกี่มิลลิวินาที", "milliseconds to wait for the database", NULL),
	M("thanks_base", SF_URL, 0, NULL, NULL, "รากของเว็บไซต์สำหรับหน้าขอบคุณ", "the site root for the thank-you page"),
};
static SCHEMA(schema_collector, "site.collector_settings", collector_f, NULL);

static const char *const rollup_v[] = { "budget", "weight", NULL };
static const struct sfield site_f[] = {
	T("sample", SF_BOOL, 0, 0, 0, NULL, NULL, struct site, sample, "true = แสดงแถบข้อมูลตัวอย่าง", "true = a sample-data banner", NULL),
	T("office", SF_MAP, SF_REQ | SF_DOC_EXPAND, 0, 0, NULL, &schema_office, struct site, name, "ข้อมูลสำนักงาน", "the office", NULL),
	M("base_url", SF_URL, SF_REQ, NULL, NULL, "ที่อยู่เว็บไซต์ https://...", "the site's address, https://..."),
	M("collector", SF_TEXT, 0, NULL, NULL, "ที่อยู่โปรแกรมรับแบบฟอร์ม เทียบกับรากของเว็บ", "the collector's path relative to the site root"),
	T("license", SF_MAP, 0, 0, 0, NULL, &schema_license, struct site, license_name, "สัญญาอนุญาตของข้อมูลเปิด", "open-data licence", NULL),
	M("fiscal_years", SF_LIST, SF_REQ, NULL, NULL, "ปีงบประมาณที่แสดง", "fiscal years shown"),
	T("display", SF_MAP, SF_DOC_EXPAND, 0, 0, NULL, &schema_display, struct site, digits, "การแสดงผล", "display", NULL),
	T("status", SF_MAP, SF_REQ | SF_DOC_EXPAND, 0, 0, NULL, &schema_status, struct site, behind, "เกณฑ์ล่าช้า", "thresholds for behind", NULL),
	M("rollup", SF_ENUM, 0, rollup_v, NULL, "วิธีรวมความก้าวหน้า", "how progress is combined"),
	T("report_due_day", SF_INT, 0, 1, 28, NULL, NULL, struct site, report_due_day, "รายงานประจำเดือนต้องถึงภายในวันที่เท่าไรของเดือนถัดไป (ค่าเริ่มต้น 5)", "the day of the next month by which a monthly report is due (default 5)", NULL),
	M("districts", SF_LIST, SF_REQ, NULL, &schema_named, "อำเภอ", "districts"),
	M("groups", SF_LIST, SF_REQ, NULL, &schema_named, "กลุ่มงาน", "groups"),
	M("dimensions", SF_LIST, 0, NULL, &schema_named, "มิติ/ยุทธศาสตร์", "dimensions"),
	M("disbursement_targets", SF_LIST, 0, NULL, &schema_target, "เป้าหมายการเบิกจ่ายของคณะรัฐมนตรี", "Cabinet disbursement targets"),
	T("inbox", SF_MAP, SF_DOC_EXPAND, 0, 0, NULL, &schema_inbox, struct site, public_key, "กล่องรับเรื่อง", "inbox", NULL),
	T("collector_settings", SF_MAP, SF_DOC_EXPAND, 0, 0, NULL, &schema_collector, struct site, rate_limit_per_hour, "ค่าตั้งของ collector", "the collector's settings", NULL),
};
SCHEMA(schema_site, "site", site_f, "## 4.");

/* ---- people.yaml ---- */
/* people.yaml roles:, in the order of enum role_bit (model.h) */
const char *const role_names[] = { "officer", "group-director", "admin", "complaint-officer",
	"corruption-officer", NULL };
static const struct sfield person_f[] = {
	T("id", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct person, id, "รหัสบุคคล", "person id", NULL),
	T("name", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct person, name, "ชื่อพร้อมคำนำหน้า", "name with title", NULL),
	T("name_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct person, name_en, "ชื่อภาษาอังกฤษ", "English name", NULL),
	T("position", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct person, position, "ตำแหน่ง", "position", NULL),
	T("position_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct person, position_en, "ตำแหน่งภาษาอังกฤษ", "position in English", NULL),
	T("group", SF_ID, 0, 0, 0, NULL, NULL, struct person, group, "รหัสกลุ่มงาน", "group id", NULL),
	T("district", SF_ID, 0, 0, 0, NULL, NULL, struct person, district, "รหัสอำเภอ", "district id", NULL),
	T("executive", SF_BOOL, 0, 0, 0, NULL, NULL, struct person, executive, "true = ผู้บริหาร", "true = an executive", NULL),
	T("photo", SF_TEXT, 0, 0, 0, NULL, NULL, struct person, photo, "รูปถ่ายใน media/", "photo under media/", NULL),
	T("phone", SF_TEXT, 0, 0, 0, NULL, NULL, struct person, phone, "เบอร์ที่ทำงาน", "office phone", NULL),
	T("email", SF_TEXT, 0, 0, 0, NULL, NULL, struct person, email, "อีเมลที่ทำงาน", "office e-mail", NULL),
	M("roles", SF_LIST, 0, role_names, NULL, "บทบาทในส่วนเจ้าหน้าที่", "roles in the staff area"),
};
SCHEMA(schema_person, "person", person_f, "## 5.");

static const struct sfield people_f[] = {
	M("people", SF_LIST, SF_REQ | SF_DOC_NONE, NULL, &schema_person, "รายชื่อบุคลากร", "the staff"),
};
SCHEMA(schema_people, "people", people_f, NULL);

/* ---- projects ---- */
static const struct sfield period_f[] = {
	T("start", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct project, start, "วันเริ่มต้น", "start date", NULL),
	T("end", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct project, end, "วันสิ้นสุด", "end date", NULL),
};
static SCHEMA(schema_period, "project.period", period_f, NULL);

static const char *const category_v[] = { "recurrent", "capital", NULL };
static const struct sfield budget_f[] = {
	T("allocated", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct project, allocated, "งบประมาณที่ได้รับ (บาท)", "allocation (baht)", NULL),
	T("source", SF_TEXT, 0, 0, 0, NULL, NULL, struct project, budget_source, "แหล่งงบประมาณ", "source of funds", NULL),
	M("category", SF_ENUM, SF_REQ, category_v, NULL, "recurrent (ประจำ) หรือ capital (ลงทุน)", "recurrent or capital"),
};
static SCHEMA(schema_budget, "project.budget", budget_f, NULL);

static const struct sfield plan_f[] = {
	M("month", SF_TEXT, SF_REQ, NULL, NULL, "เดือน ปปปป-ดด", "month YYYY-MM"),
	T("percent", SF_PERCENT, 0, 0, 0, NULL, NULL, struct plan_point, percent, "ร้อยละสะสมตามแผน", "planned cumulative %", NULL),
	T("disbursed", SF_MONEY, 0, 0, 0, NULL, NULL, struct plan_point, disbursed, "เบิกจ่ายสะสมตามแผน (บาท)", "planned cumulative disbursement (baht)", NULL),
};
static SCHEMA(schema_plan, "project.plan", plan_f, NULL);

static const struct sfield kpi_f[] = {
	T("id", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct kpi, id, "รหัสตัวชี้วัด", "KPI id", NULL),
	T("name", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct kpi, name, "ชื่อตัวชี้วัด", "KPI name", "กรอกชื่อตัวชี้วัด"),
	T("unit", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct kpi, unit, "หน่วยนับ", "unit", "กรอกหน่วยนับ"),
	T("target", SF_DECIMAL, SF_REQ, 0, 0, NULL, NULL, struct kpi, target, "ค่าเป้าหมาย", "target", NULL),
};
static SCHEMA(schema_kpi, "project.kpis", kpi_f, NULL);

static const char *const pstatus_v[] = { "cancelled", "suspended", NULL };
static const struct sfield project_f[] = {
	T("id", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct project, id, "รหัสโครงการ ตรงกับชื่อไฟล์", "project id, the file name", NULL),
	T("title", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct project, title, "ชื่อโครงการ", "project title", "กรอกชื่อโครงการ"),
	T("title_en", SF_TEXT, 0, 0, 500, NULL, NULL, struct project, title_en, "ชื่อภาษาอังกฤษ (ลบได้)", "English title (optional)", NULL),
	T("fiscal_year", SF_YEAR, SF_REQ, 0, 0, NULL, NULL, struct project, fiscal_year, "ปีงบประมาณ ตรงกับชื่อโฟลเดอร์", "fiscal year, the folder name", NULL),
	T("group", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct project, group, "รหัสกลุ่มงานจาก site.yaml", "group id from site.yaml", "กรอกรหัสกลุ่มงาน"),
	T("owner", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct project, owner, "รหัสผู้รับผิดชอบจาก people.yaml", "owner's id from people.yaml", "กรอกรหัสผู้รับผิดชอบ"),
	M("team", SF_LIST, 0, NULL, NULL, "รหัสบุคคลในทีม", "team members' ids"),
	{ "districts", SF_LIST, SF_REQ | SF_MANUAL, 0, 0, NULL, NULL, 0, "รหัสอำเภอที่ดำเนินการ", "district ids", "กรอกรหัสอำเภอ" },
	T("dimension", SF_ID, 0, 0, 0, NULL, NULL, struct project, dimension, "รหัสมิติจาก site.yaml", "dimension id from site.yaml", NULL),
	T("strategy", SF_TEXT, 0, 0, 0, NULL, NULL, struct project, strategy, "ความสอดคล้องกับยุทธศาสตร์", "strategy", NULL),
	M("period", SF_MAP, SF_REQ | SF_DOC_EXPAND, NULL, &schema_period, "ระยะเวลาโครงการ", "the project period"),
	M("budget", SF_MAP, SF_REQ | SF_DOC_EXPAND, NULL, &schema_budget, "งบประมาณ", "budget"),
	M("plan", SF_LIST, 0, NULL, &schema_plan, "แผนสะสมรายเดือน", "cumulative monthly plan"),
	M("kpis", SF_LIST, 0, NULL, &schema_kpi, "ตัวชี้วัด", "KPIs"),
	M("weight", SF_DECIMAL, 0, NULL, NULL, "น้ำหนักเมื่อ rollup: weight", "weight for rollup: weight"),
	M("status", SF_ENUM, 0, pstatus_v, NULL, "ใส่เฉพาะเมื่อยกเลิกหรือระงับ", "only when cancelled or suspended"),
	M("status_reason", SF_TEXT, 0, NULL, NULL, "เหตุผลที่ยกเลิก/ระงับ", "reason for the status"),
};
SCHEMA(schema_project, "project", project_f, "## 6.");

/* ---- progress reports ---- */
static const struct sfield photo_f[] = {
	T("src", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct photo, src, "ไฟล์รูปใน media/", "picture under media/", NULL),
	T("alt", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct photo, alt, "คำบรรยายภาพ", "description", NULL),
};
static SCHEMA(schema_photo, "photo", photo_f, NULL);

static const struct sfield report_f[] = {
	T("date", SF_DATE, SF_REQ | SF_MANUAL, 0, 0, NULL, NULL, struct report, date, "วันที่รายงาน ตรงกับชื่อไฟล์", "report date, the file name", NULL),
	T("reporter", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct report, reporter, "รหัสผู้รายงานจาก people.yaml", "reporter's id from people.yaml", "กรอกรหัสผู้รายงาน"),
	T("percent", SF_PERCENT, SF_REQ, 0, 0, NULL, NULL, struct report, percent, "ความก้าวหน้าสะสม 0-100", "cumulative progress 0-100", NULL),
	T("disbursed", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct report, disbursed, "เบิกจ่ายสะสม (บาท)", "cumulative disbursement (baht)", NULL),
	M("kpis", SF_MAP, 0, NULL, NULL, "ผลสะสมตามตัวชี้วัด {รหัส: ค่า}", "KPI actuals {id: value}"),
	T("narrative", SF_TEXT, 0, 0, 0, NULL, NULL, struct report, narrative, "ผลการดำเนินงาน", "what was done", "กรอกผลการดำเนินงาน"),
	T("problems", SF_TEXT, 0, 0, 0, NULL, NULL, struct report, problems, "ปัญหาอุปสรรค", "problems", "กรอกปัญหาอุปสรรค หรือลบบรรทัดนี้ถ้าไม่มี"),
	T("suggestions", SF_TEXT, 0, 0, 0, NULL, NULL, struct report, suggestions, "ข้อเสนอแนะ / แนวทางแก้ไข", "suggestions and ways forward", NULL),
	M("photos", SF_LIST, 0, NULL, &schema_photo, "รูปกิจกรรม {src, alt}", "photos {src, alt}"),
	T("correction", SF_TEXT, 0, 0, 1000, NULL, NULL, struct report, correction, "เหตุผลเมื่อค่าสะสมลดลงจากรายงานก่อน (แก้ตัวเลขเดิม)", "why a cumulative figure is lower than in the previous report (a correction)", NULL),
};
SCHEMA(schema_report, "report", report_f, "## 7.");

/* ---- news and pages ---- */
static const struct sfield news_f[] = {
	T("title", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct news, title, "หัวข้อข่าว", "headline", "กรอกหัวข้อข่าว"),
	T("title_en", SF_TEXT, 0, 0, 500, NULL, NULL, struct news, title_en, "หัวข้อภาษาอังกฤษ", "English headline", NULL),
	M("date", SF_DATE, 0, NULL, NULL, "วันที่ ตรงกับชื่อไฟล์", "date, as in the file name"),
	T("summary", SF_TEXT, 0, 0, 0, NULL, NULL, struct news, summary, "สรุปสั้น ๆ", "short summary", "กรอกสรุปสั้น ๆ หนึ่งประโยค"),
	T("image", SF_TEXT, 0, 0, 0, NULL, NULL, struct news, image, "ภาพประกอบใน media/", "picture under media/", NULL),
};
SCHEMA(schema_news, "news", news_f, "## 8.");

static const struct sfield page_f[] = {
	T("title", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct page, title, "ชื่อหน้า", "page title", NULL),
	T("title_en", SF_TEXT, 0, 0, 500, NULL, NULL, struct page, title_en, "ชื่อหน้าภาษาอังกฤษ", "English title", NULL),
	T("menu", SF_INT, 0, 0, 99, NULL, NULL, struct page, menu, "ลำดับในเมนู", "position in the menu", NULL),
	T("summary", SF_TEXT, 0, 0, 0, NULL, NULL, struct page, summary, "คำอธิบายสั้น", "short description", NULL),
};
SCHEMA(schema_page, "page", page_f, "## 9.");

/* ---- forms ---- */
static const struct sfield choice_f[] = {
	T("value", SF_ID, SF_REQ, 0, 0, NULL, NULL, struct form_choice, value, "ค่าที่บันทึก", "stored value", NULL),
	T("label", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct form_choice, label_th, "ป้ายชื่อ", "label", NULL),
	T("label_en", SF_TEXT, 0, 0, 200, NULL, NULL, struct form_choice, label_en, "ป้ายชื่อภาษาอังกฤษ", "English label", NULL),
};
static SCHEMA(schema_choice, "form.fields.choices", choice_f, NULL);

static const struct sfield field_f[] = {
	M("name", SF_TEXT, SF_REQ, NULL, NULL, "ชื่อช่อง [a-z][a-z0-9_]{0,31}", "field name"),
	T("label", SF_TEXT, SF_REQ, 0, 300, NULL, NULL, struct form_field, label_th, "ป้ายชื่อ", "label", NULL),
	T("label_en", SF_TEXT, 0, 0, 300, NULL, NULL, struct form_field, label_en, "ป้ายชื่อภาษาอังกฤษ", "English label", NULL),
	T("help", SF_TEXT, 0, 0, 2000, NULL, NULL, struct form_field, help_th, "คำแนะนำใต้ช่อง", "hint", NULL),
	T("help_en", SF_TEXT, 0, 0, 2000, NULL, NULL, struct form_field, help_en, "คำแนะนำภาษาอังกฤษ", "English hint", NULL),
	M("type", SF_ENUM, SF_REQ, NULL, NULL, "ชนิดช่อง", "field type"),
	T("required", SF_BOOL, 0, 0, 0, NULL, NULL, struct form_field, required, "ต้องกรอกหรือไม่", "must be filled", NULL),
	M("max_length", SF_INT, 0, NULL, NULL, "จำนวนตัวอักษรสูงสุด", "maximum characters"),
	T("personal", SF_BOOL, 0, 0, 0, NULL, NULL, struct form_field, personal, "ข้อมูลส่วนบุคคล", "personal data", NULL),
	T("must_equal", SF_TEXT, 0, 0, 64, NULL, NULL, struct form_field, must_equal, "ค่าที่ต้องตรง", "required value", NULL),
	M("choices", SF_LIST, 0, NULL, &schema_choice, "ตัวเลือก หรือคำว่า districts หรือ projects", "choices, or the word districts or projects"),
};
SCHEMA(schema_form_field, "form.fields", field_f, "## 10.");

static const struct sfield att_f[] = {
	M("max_files", SF_INT, 0, NULL, NULL, "จำนวนไฟล์แนบ", "number of files"),
	M("max_size", SF_INT, 0, NULL, NULL, "ขนาดต่อไฟล์ (ไบต์)", "bytes per file"),
};
static SCHEMA(schema_att, "form.attachments", att_f, NULL);

static const char *const kind_v[] = { "complaint", "survey", "question", NULL };
static const char *const channel_v[] = { "general", "corruption", NULL };
static const struct sfield form_f[] = {
	M("kind", SF_ENUM, SF_REQ, kind_v, NULL, "เรื่องร้องเรียน แบบประเมิน หรือสอบถาม", "complaint, survey or question"),
	M("channel", SF_ENUM, 0, channel_v, NULL, "ช่องทางทั่วไป หรือแจ้งทุจริต", "general or corruption channel"),
	T("title", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct form_def, title_th, "ชื่อแบบฟอร์ม", "form title", NULL),
	T("title_en", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct form_def, title_en, "ชื่อภาษาอังกฤษ", "English title", NULL),
	T("help", SF_TEXT, 0, 0, 5000, NULL, NULL, struct form_def, help_th, "คำอธิบาย", "explanation", NULL),
	T("help_en", SF_TEXT, 0, 0, 5000, NULL, NULL, struct form_def, help_en, "คำอธิบายภาษาอังกฤษ", "English explanation", NULL),
	T("thanks", SF_TEXT, SF_REQ, 0, 2000, NULL, NULL, struct form_def, thanks_th, "ข้อความหลังส่ง", "shown after sending", NULL),
	T("thanks_en", SF_TEXT, SF_REQ, 0, 2000, NULL, NULL, struct form_def, thanks_en, "ข้อความหลังส่งภาษาอังกฤษ", "shown after sending, English", NULL),
	M("max_body", SF_INT, 0, NULL, NULL, "ขนาดข้อมูลที่ส่งได้ (ไบต์)", "request size cap (bytes)"),
	M("attachments", SF_MAP, 0, NULL, &schema_att, "ไฟล์แนบ", "attachments"),
	M("fields", SF_LIST, SF_REQ, NULL, &schema_form_field, "ช่องกรอก", "the fields"),
};
SCHEMA(schema_form, "form", form_f, "## 10.");

/* ---- complaint responses ---- */
static const struct sfield event_f[] = {
	T("date", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct case_event, date, "วันที่", "date", NULL),
	M("status", SF_ENUM, SF_REQ, NULL, NULL, "สถานะ", "status"),
	T("note", SF_TEXT, SF_REQ, 0, COMPLAINT_NOTE_MAX, NULL, NULL, struct case_event, note, "บันทึกที่เผยแพร่", "public note", NULL),
	T("note_en", SF_TEXT, 0, 0, COMPLAINT_NOTE_MAX, NULL, NULL, struct case_event, note_en, "บันทึกภาษาอังกฤษ", "public note, English", NULL),
	T("reason", SF_TEXT, 0, 0, COMPLAINT_NOTE_MAX, NULL, NULL, struct case_event, reason, "เหตุผลที่ปิดเรื่อง", "reason for closing", NULL),
};
SCHEMA(schema_case_event, "complaint.history", event_f, "## เรื่องร้องเรียน: บันทึกการตอบ");

static const struct sfield complaint_f[] = {
	T("category", SF_ID, 0, 0, 0, NULL, NULL, struct complaint_resp, category, "ประเภทเรื่อง", "category", NULL),
	M("history", SF_LIST, SF_REQ, NULL, &schema_case_event, "ความคืบหน้า", "history"),
	T("summary", SF_TEXT, 0, 0, COMPLAINT_SUMMARY_MAX, NULL, NULL, struct complaint_resp, summary, "สรุปผล", "summary", NULL),
	T("summary_en", SF_TEXT, 0, 0, COMPLAINT_SUMMARY_MAX, NULL, NULL, struct complaint_resp, summary_en, "สรุปผลภาษาอังกฤษ", "summary, English", NULL),
	T("publish_summary", SF_BOOL, 0, 0, 0, NULL, NULL, struct complaint_resp, publish_summary, "เผยแพร่สรุปผล", "publish the summary", NULL),
};
SCHEMA(schema_complaint, "complaint", complaint_f, "## เรื่องร้องเรียน: บันทึกการตอบ");

/* ---- procurement ---- */
static const struct sfield bid_f[] = {
	T("name", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct proc_bid, name, "ผู้เสนอราคา", "bidder", NULL),
	T("price", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct proc_bid, price, "ราคาที่เสนอ", "price offered", NULL),
};
static SCHEMA(schema_bid, "procurement.bids", bid_f, NULL);

static const char *const method_v[] = { "e-bidding", "e-market", "selection", "specific", NULL };
static const struct sfield proc_f[] = {
	T("item", SF_TEXT, SF_REQ, 0, 1000, NULL, NULL, struct proc_record, item, "งานที่จัดซื้อจัดจ้าง", "what was bought", NULL),
	M("method", SF_ENUM, SF_REQ, method_v, NULL, "วิธีซื้อหรือจ้าง", "the method"),
	T("budget", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct proc_record, budget, "วงเงินที่จะซื้อหรือจ้าง", "budget ceiling", NULL),
	T("reference_price", SF_MONEY, 0, 0, 0, NULL, NULL, struct proc_record, reference_price, "ราคากลาง", "reference price", NULL),
	M("bids", SF_LIST, 0, NULL, &schema_bid, "ผู้เสนอราคา", "bids"),
	T("winner", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct proc_record, winner, "ผู้ได้รับการคัดเลือก", "selected supplier", NULL),
	T("price", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct proc_record, price, "ราคาที่ตกลง", "agreed price", NULL),
	T("date", SF_DATE, SF_REQ | SF_MANUAL, 0, 0, NULL, NULL, struct proc_record, date, "วันที่ทำสัญญา", "contract date", NULL),
	T("reason", SF_TEXT, SF_REQ, 0, 1000, NULL, NULL, struct proc_record, reason, "เหตุผลที่คัดเลือก", "reason for the selection", NULL),
	T("contract", SF_TEXT, 0, 0, 200, NULL, NULL, struct proc_record, contract, "เลขที่สัญญา", "contract number", NULL),
	T("egp_no", SF_TEXT, 0, 0, 50, NULL, NULL, struct proc_record, egp_no, "เลขที่โครงการในระบบ e-GP", "e-GP project number", NULL),
	T("budget_source", SF_TEXT, 0, 0, 200, NULL, NULL, struct proc_record, budget_source, "แหล่งงบประมาณ", "source of funds", NULL),
};
SCHEMA(schema_proc_record, "procurement.records", proc_f, "## 15.");

static const struct sfield procfile_f[] = {
	M("records", SF_LIST, 0, NULL, &schema_proc_record, "รายการจัดซื้อจัดจ้าง (ต้องมี เว้นแต่มี no_procurement)",
		"the records (required unless no_procurement is given)"),
	M("no_procurement", SF_LIST, 0, NULL, NULL, "เดือนที่ไม่มีการจัดซื้อจัดจ้าง ปปปป-ดด", "months without procurement, YYYY-MM"),
};
SCHEMA(schema_procurement, "procurement", procfile_f, "## 15.");

/* ---- public holidays ---- */
static const struct sfield holiday_f[] = {
	M("date", SF_DATE, SF_REQ, NULL, NULL, "วันหยุด (อยู่ในปีของไฟล์)", "the day off (in the file's year)"),
	M("name", SF_TEXT, SF_REQ, NULL, NULL, "ชื่อวันหยุด", "the holiday's name"),
};
SCHEMA(schema_holiday, "holidays.holidays", holiday_f, "## 16.");
static const struct sfield holidays_f[] = {
	M("holidays", SF_LIST, SF_REQ, NULL, &schema_holiday, "วันหยุดราชการของปี", "the year's public holidays"),
};
SCHEMA(schema_holidays, "holidays", holidays_f, "## 16.");

/* ---- participation (OIT O19) ---- */
const char *const part_format_v[] = { "forum", "hearing", "survey", "meeting", "online", NULL };
const char *const part_format_th[] = { "เวทีประชาคม", "การรับฟังความคิดเห็น", "การสำรวจความคิดเห็น",
	"การประชุมหารือร่วม", "ช่องทางออนไลน์", NULL };
const char *const part_format_en[] = { "community forum", "public hearing", "survey", "joint meeting",
	"online channel", NULL };

static const struct sfield partgroup_f[] = {
	T("group", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct part_group, group, "กลุ่มผู้เข้าร่วม", "who took part", NULL),
	T("count", SF_INT, SF_REQ, 1, 100000, NULL, NULL, struct part_group, count, "จำนวนคน", "how many people", NULL),
};
static SCHEMA(schema_partgroup, "participation.participants", partgroup_f, NULL);

static const struct sfield partlink_f[] = {
	T("label", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct link, label, "ข้อความลิงก์", "link text", NULL),
	T("url", SF_URL, SF_REQ, 0, 0, NULL, NULL, struct link, url, "ไฟล์ใน media/ หน้าในเว็บไซต์ หรือ https://...", "a media/ file, a site page or https://...", NULL),
};
static SCHEMA(schema_partlink, "participation.links", partlink_f, NULL);

static const struct sfield participation_f[] = {
	T("topic", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct participation, topic, "ประเด็นหรือเรื่องที่เปิดให้มีส่วนร่วม", "the topic or issue", "กรอกประเด็น"),
	T("topic_en", SF_TEXT, 0, 0, 500, NULL, NULL, struct participation, topic_en, "ประเด็นภาษาอังกฤษ", "the topic in English", NULL),
	T("date", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct participation, date, "วันที่จัด อยู่ในปีงบประมาณของโฟลเดอร์", "the date held, within the folder's fiscal year", NULL),
	M("format", SF_ENUM, SF_REQ, part_format_v, NULL, "รูปแบบ", "the format"),
	T("district", SF_ID, 0, 0, 0, NULL, NULL, struct participation, district, "รหัสอำเภอจาก site.yaml", "district id from site.yaml", NULL),
	T("place", SF_TEXT, 0, 0, 300, NULL, NULL, struct participation, place, "สถานที่", "the place", NULL),
	M("participants", SF_LIST, SF_REQ, NULL, &schema_partgroup, "ผู้เข้าร่วม {group, count} อย่างน้อย 1 กลุ่ม", "who took part {group, count}, at least one group"),
	T("outcome", SF_TEXT, SF_REQ, 0, 4000, NULL, NULL, struct participation, outcome, "ผลที่ได้จากการมีส่วนร่วม", "what came out of it", "กรอกผลที่ได้"),
	T("changes", SF_TEXT, SF_REQ, 0, 4000, NULL, NULL, struct participation, changes, "สิ่งที่สำนักงานนำไปปรับปรุงหรือดำเนินการ", "what the office changed or did as a result", "กรอกการนำผลไปใช้"),
	M("projects", SF_LIST, 0, NULL, NULL, "รหัสโครงการที่เกี่ยวข้อง", "the project ids concerned"),
	M("links", SF_LIST, 0, NULL, &schema_partlink, "รายงานการประชุม รูปภาพ ข่าว {label, url}", "minutes, photos, news {label, url}"),
};
SCHEMA(schema_participation, "participation", participation_f, "## 19.");

/* ---- service guides (OIT O9) ---- */
static const struct sfield service_f[] = {
	T("name", SF_TEXT, SF_REQ, 0, 300, NULL, NULL, struct service, name, "ชื่อบริการ", "the service's name", NULL),
	T("name_en", SF_TEXT, 0, 0, 300, NULL, NULL, struct service, name_en, "ชื่อภาษาอังกฤษ", "English name", NULL),
	T("order", SF_INT, 0, 1, 999, NULL, NULL, struct service, order, "ลำดับบนหน้า", "position on the page", NULL),
	T("who", SF_TEXT, 0, 0, 1000, NULL, NULL, struct service, who, "ผู้มีสิทธิขอรับบริการ", "who may ask for it", NULL),
	T("unit", SF_TEXT, 0, 0, 300, NULL, NULL, struct service, unit, "หน่วยงานหรือกลุ่มงานที่ให้บริการ", "the unit that serves", NULL),
	M("steps", SF_LIST, SF_REQ, NULL, NULL, "ขั้นตอน เรียงตามลำดับ", "the steps, in order"),
	T("time", SF_TEXT, SF_REQ, 0, 300, NULL, NULL, struct service, time, "ระยะเวลาให้บริการ", "how long it takes", NULL),
	M("channels", SF_LIST, SF_REQ, NULL, NULL, "ช่องทางขอรับบริการ", "where to ask for it"),
	T("fee", SF_MONEY, SF_REQ, 0, 0, NULL, NULL, struct service, fee, "ค่าธรรมเนียม (บาท) 0 = ไม่มีค่าธรรมเนียม", "the fee, baht; 0 = no fee", NULL),
	T("fee_note", SF_TEXT, 0, 0, 300, NULL, NULL, struct service, fee_note, "คำอธิบายค่าธรรมเนียม", "about the fee", NULL),
	M("documents", SF_LIST, SF_REQ, NULL, NULL, "เอกสารที่ใช้ [] = ไม่ต้องใช้เอกสาร", "documents needed; [] = none"),
	T("updated", SF_DATE, 0, 0, 0, NULL, NULL, struct service, updated, "วันที่ปรับปรุงคู่มือ", "the date the guide was last revised", NULL),
};
SCHEMA(schema_service, "service", service_f, "## 20.");

/* ---- questions and answers (OIT O3) ---- */
static const struct sfield question_f[] = {
	T("question", SF_TEXT, SF_REQ, 0, 2000, NULL, NULL, struct question, question, "คำถาม (เขียนโดยสำนักงาน ไม่มีข้อมูลส่วนบุคคล)", "the question, in the office's words, with no personal data", NULL),
	T("question_en", SF_TEXT, 0, 0, 2000, NULL, NULL, struct question, question_en, "คำถามภาษาอังกฤษ", "the question in English", NULL),
	T("asked", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct question, asked, "วันที่ได้รับคำถาม", "the date the question came in", NULL),
	T("answer", SF_TEXT, SF_REQ, 0, 4000, NULL, NULL, struct question, answer, "คำตอบ", "the answer", NULL),
	T("answer_en", SF_TEXT, 0, 0, 4000, NULL, NULL, struct question, answer_en, "คำตอบภาษาอังกฤษ", "the answer in English", NULL),
	T("answered", SF_DATE, SF_REQ, 0, 0, NULL, NULL, struct question, answered, "วันที่ตอบ (ไม่ก่อนวันที่ได้รับคำถาม)", "the date answered (not before it was asked)", NULL),
	T("by", SF_TEXT, 0, 0, 300, NULL, NULL, struct question, by, "หน่วยงานหรือกลุ่มงานที่ตอบ", "the unit that answered", NULL),
};
SCHEMA(schema_question, "question", question_f, "## 22.");

/* ---- corruption-complaint guideline (OIT O16) ---- */
static const struct sfield gstep_f[] = {
	T("step", SF_TEXT, SF_REQ, 0, 1000, NULL, NULL, struct guide_step, step, "สิ่งที่ทำในขั้นนี้", "what is done", NULL),
	T("time", SF_TEXT, SF_REQ, 0, 200, NULL, NULL, struct guide_step, time, "ระยะเวลา", "the time frame", NULL),
	T("by", SF_TEXT, 0, 0, 300, NULL, NULL, struct guide_step, by, "ผู้รับผิดชอบขั้นนี้", "who does it", NULL),
};
static SCHEMA(schema_gstep, "guideline.steps", gstep_f, NULL);

static const struct sfield guideline_f[] = {
	T("title", SF_TEXT, 0, 0, 300, NULL, NULL, struct guideline, title, "ชื่อแนวปฏิบัติ", "the title", NULL),
	T("scope", SF_TEXT, 0, 0, 2000, NULL, NULL, struct guideline, scope, "เรื่องที่รับ", "what may be reported", NULL),
	T("how_to_report", SF_TEXT, SF_REQ, 0, 4000, NULL, NULL, struct guideline, how_to_report, "วิธีแจ้งเรื่อง", "how to report", NULL),
	M("steps", SF_LIST, SF_REQ, NULL, &schema_gstep, "ขั้นตอนการจัดการ {step, time, by}", "the handling steps {step, time, by}"),
	T("responsible", SF_TEXT, SF_REQ, 0, 500, NULL, NULL, struct guideline, responsible, "หน่วยงานที่รับผิดชอบ", "the responsible unit", NULL),
	T("contact", SF_TEXT, 0, 0, 500, NULL, NULL, struct guideline, contact, "ติดต่อหน่วยงานที่รับผิดชอบ", "how to reach it", NULL),
	M("channels", SF_LIST, SF_REQ, NULL, NULL, "ช่องทางแจ้งเรื่อง", "the channels"),
	T("protection", SF_TEXT, SF_REQ, 0, 4000, NULL, NULL, struct guideline, protection, "การคุ้มครองผู้แจ้งและการรักษาความลับ", "protection of the reporter", NULL),
	T("updated", SF_DATE, 0, 0, 0, NULL, NULL, struct guideline, updated, "วันที่ประกาศหรือปรับปรุง", "the date issued or revised", NULL),
};
SCHEMA(schema_guideline, "guideline", guideline_f, "## 21.");

/* ---- OIT ---- */
static const struct sfield oitlink_f[] = {
	M("href", SF_URL, SF_REQ, NULL, NULL, "พาธในเว็บไซต์ หรือ https://...", "a site path or https://..."),
	T("label", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_link, label, "ข้อความที่แสดง", "text shown", NULL),
	T("contains", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_link, contains, "หลักฐานนี้แสดงอะไร", "what this evidence shows", NULL),
	M("date", SF_DATE, 0, NULL, NULL, "วันที่ของหลักฐาน", "the evidence date"),
};
static SCHEMA(schema_oit_link, "oit.items.evidence", oitlink_f, NULL);

static const char *const fyrule_v[] = { "current", "previous", "any", NULL };
static const char *const period_v[] = { "first-half", "full-year", NULL };
static const struct sfield oititem_f[] = {
	T("code", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct oit_item, code, "เลขข้อ เช่น O1", "item code such as O1", NULL),
	T("title", SF_TEXT, SF_REQ, 0, 0, NULL, NULL, struct oit_item, title, "ชื่อข้อ", "title", NULL),
	T("title_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_item, title_en, "ชื่อข้อภาษาอังกฤษ", "English title", NULL),
	T("asks", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_item, asks, "ข้อนั้นต้องการอะไร", "what it asks for", NULL),
	T("asks_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_item, asks_en, "ภาษาอังกฤษ", "in English", NULL),
	M("fiscal_year", SF_ENUM, 0, fyrule_v, NULL, "ปีงบประมาณของหลักฐาน", "the evidence's fiscal year"),
	M("period", SF_ENUM, 0, period_v, NULL, "เดือนที่หลักฐานต้องครอบคลุม", "the months the evidence must cover"),
	M("evidence", SF_LIST, 0, NULL, &schema_oit_link, "หลักฐาน", "evidence"),
};
SCHEMA(schema_oit_item, "oit.items", oititem_f, "## 14.");

static const struct sfield oit_f[] = {
	M("year", SF_YEAR, 0, NULL, NULL, "ปีที่ประเมิน ตรงกับชื่อไฟล์", "assessment year, the file name"),
	T("provisional", SF_BOOL, 0, 0, 0, NULL, NULL, struct oit_year, provisional, "ยังไม่ยืนยันเลขข้อ", "item numbers not yet confirmed", NULL),
	T("note", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_year, note, "หมายเหตุ", "note", NULL),
	T("note_en", SF_TEXT, 0, 0, 0, NULL, NULL, struct oit_year, note_en, "หมายเหตุภาษาอังกฤษ", "note, English", NULL),
	T("main_site", SF_URL, 0, 0, 0, NULL, NULL, struct oit_year, main_site, "เว็บไซต์หลักของหน่วยงาน", "the office's main website", NULL),
	M("sources", SF_LIST, 0, NULL, NULL, "ที่มาของรายการข้อ", "where the item list comes from"),
	M("items", SF_LIST, SF_REQ, NULL, &schema_oit_item, "ข้อ OIT", "the items"),
};
SCHEMA(schema_oit, "oit", oit_f, "## 14.");

const struct schema *const schema_all[] = {
	&schema_site, &schema_people, &schema_person, &schema_project, &schema_report,
	&schema_news, &schema_page, &schema_form, &schema_form_field, &schema_complaint,
	&schema_case_event,
	&schema_procurement, &schema_proc_record, &schema_oit, &schema_oit_item, &schema_holidays, &schema_holiday,
	&schema_participation, &schema_service, &schema_guideline, NULL
};

const struct sfield *schema_field(const struct schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

size_t schema_names(const struct schema *s, const char *names[SCHEMA_MAX_FIELDS + 1])
{
	size_t i;

	for (i = 0; i < s->n && i < SCHEMA_MAX_FIELDS; i++)
		names[i] = s->fields[i].name;
	names[i] = NULL;
	return i;
}

int schema_enum_index(const struct sfield *f, const char *v)
{
	int i;

	for (i = 0; f->values && f->values[i]; i++)
		if (strcmp(f->values[i], v) == 0)
			return i;
	return -1;
}
