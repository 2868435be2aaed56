/* opendata.c: CSV, JSON, OC4IDS and datapackage.json under data/. */
#include "publish/opendata.h"
#include "publish/gzfile.h"

#include <stdio.h>
#include <string.h>

#include "load/complaints.h"
#include "derive/procure.h"
#include "derive/stats.h"
#include "derive/revindex.h"
#include "derive/revisions.h"
#include "derive/timeliness.h"
#include "load/history.h"
#include "publish/textout.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct od_column project_cols[] = {
	{ "id", "string", "รหัสโครงการ", "project id (fiscal year-number)" },
	{ "fiscal_year", "integer", "ปีงบประมาณ (พ.ศ.)", "fiscal year (Buddhist Era)" },
	{ "title", "string", "ชื่อโครงการ", "title (Thai)" },
	{ "title_en", "string", "ชื่อภาษาอังกฤษ", "title (English), may be empty" },
	{ "group", "string", "รหัสกลุ่มงาน (ดู lookups.csv)", "group id (see lookups.csv)" },
	{ "group_name", "string", "ชื่อกลุ่มงาน", "group name" },
	{ "districts", "string", "รหัสอำเภอ คั่นด้วย ;", "district ids separated by ;" },
	{ "dimension", "string", "รหัสมิติ", "dimension id, may be empty" },
	{ "start", "date", "วันเริ่มโครงการ", "start date" },
	{ "end", "date", "วันสิ้นสุดโครงการ", "end date" },
	{ "category", "string", "ประเภทงบ recurrent (ประจำ) หรือ capital (ลงทุน)", "budget category: recurrent or capital" },
	{ "budget_source", "string", "แหล่งงบประมาณ", "source of funds" },
	{ "allocated", "number", "งบประมาณที่ได้รับ (บาท)", "allocated budget, baht" },
	{ "weight", "number", "น้ำหนักในการรวม (ว่าง = ไม่ระบุ)", "roll-up weight, empty when not given" },
	{ "planned_percent", "number", "ความก้าวหน้าตามแผน ณ วันที่ข้อมูล (%)", "planned progress at the as-of date, %" },
	{ "actual_percent", "number", "ความก้าวหน้าจริงจากรายงานล่าสุด (%)", "actual progress, latest report, %" },
	{ "planned_disbursed", "number", "เบิกจ่ายตามแผน ณ วันที่ข้อมูล (บาท)", "planned disbursement at the as-of date, baht" },
	{ "disbursed", "number", "เบิกจ่ายสะสม (บาท)", "cumulative disbursement, baht" },
	{ "disbursement_rate", "number", "อัตราเบิกจ่าย = เบิกจ่าย ÷ งบประมาณ (%)", "disbursed / allocated, %" },
	{ "status", "string", "สถานะ", "status: not-started, on-track, behind, seriously-behind, completed, cancelled, suspended" },
	{ "last_report", "date", "วันที่รายงานล่าสุด", "date of the latest report, may be empty" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date of the figures" },
	{ "url", "string", "หน้าโครงการ (เทียบกับรากของเว็บไซต์)", "project page, relative to the site root" },
};
static const struct od_column progress_cols[] = {
	{ "project_id", "string", "รหัสโครงการ", "project id" },
	{ "fiscal_year", "integer", "ปีงบประมาณ", "fiscal year (BE)" },
	{ "date", "date", "วันที่รายงาน", "report date" },
	{ "reporter", "string", "รหัสผู้รายงาน (people.yaml)", "reporter id (people.yaml)" },
	{ "percent", "number", "ความก้าวหน้าสะสม (%)", "cumulative physical progress, %" },
	{ "disbursed", "number", "เบิกจ่ายสะสม (บาท)", "cumulative disbursement, baht" },
	{ "kpis", "string", "ผลตามตัวชี้วัด รหัส=ค่า คั่นด้วย ;", "KPI results, id=value separated by ;" },
	{ "narrative", "string", "ผลการดำเนินงาน", "what was done (Markdown)" },
	{ "problems", "string", "ปัญหาอุปสรรค", "problems and obstacles (Markdown)" },
	{ "suggestions", "string", "ข้อเสนอแนะ / แนวทางแก้ไข", "suggestions and ways forward (Markdown)" },
};
static const struct od_column budget_cols[] = {
	{ "fiscal_year", "integer", "ปีงบประมาณ", "fiscal year (BE)" },
	{ "project_id", "string", "รหัสโครงการ", "project id" },
	{ "group", "string", "รหัสกลุ่มงาน (หน่วยรับงบ)", "group id (administrative classification)" },
	{ "category", "string", "ประเภทงบ recurrent/capital", "economic classification: recurrent or capital" },
	{ "budget_source", "string", "แหล่งงบประมาณ", "source of funds" },
	{ "allocated", "number", "งบประมาณที่ได้รับ (บาท)", "allocated, baht" },
	{ "planned_disbursed", "number", "เบิกจ่ายตามแผน ณ วันที่ข้อมูล (บาท)", "planned disbursement at the as-of date, baht" },
	{ "disbursed", "number", "เบิกจ่ายสะสม (บาท)", "executed (cumulative disbursement), baht" },
	{ "cancelled", "integer", "1 = โครงการถูกยกเลิก (ไม่นับในยอดรวม)", "1 = cancelled project (left out of totals)" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date" },
};
static const struct od_column procurement_cols[] = {
	{ "fiscal_year", "integer", "ปีงบประมาณ", "fiscal year (BE)" },
	{ "date", "date", "วันที่ทำสัญญา/ข้อตกลง", "date of the contract or agreement" },
	{ "item", "string", "งานที่จัดซื้อหรือจัดจ้าง", "what was bought" },
	{ "method", "string", "วิธีซื้อหรือจ้าง (รหัส)", "method id: e-bidding, e-market, selection, specific" },
	{ "method_name", "string", "วิธีซื้อหรือจ้าง", "method (Thai)" },
	{ "budget", "number", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "budget ceiling, baht" },
	{ "reference_price", "number", "ราคากลาง (บาท) ว่าง = ไม่ได้ระบุ", "reference price (ราคากลาง), baht; empty when not given" },
	{ "bids", "string", "ผู้เสนอราคาและราคาที่เสนอ ชื่อ=ราคา คั่นด้วย ; (JSON: รายการ {name, price})", "bidders and prices, name=price separated by ; (JSON: an array of {name, price})" },
	{ "winner", "string", "ผู้ได้รับการคัดเลือก", "selected supplier" },
	{ "price", "number", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "agreed price, baht" },
	{ "reason", "string", "เหตุผลที่คัดเลือกโดยสังเขป", "reason for the selection" },
	{ "contract", "string", "เลขที่สัญญาหรือข้อตกลง", "contract or agreement number" },
	{ "egp_no", "string", "เลขที่โครงการในระบบ e-GP", "e-GP project number, may be empty" },
	{ "budget_source", "string", "แหล่งงบประมาณ", "source of funds, may be empty" },
};

static const struct od_column complaint_cols[] = {
	{ "fiscal_year", "integer", "ปีงบประมาณ (พ.ศ.) ที่รับเรื่อง", "fiscal year (BE) the complaints were received in" },
	{ "breakdown", "string", "การแจกแจง: year, quarter, month, channel, category, district, status และเฉพาะการทุจริตและประพฤติมิชอบ: corruption-year, corruption-quarter, corruption-half, corruption-month",
	  "breakdown: year, quarter, month, channel, category, district, status; the corruption channel alone: corruption-year, corruption-quarter, corruption-half, corruption-month" },
	{ "key", "string", "ไตรมาส 1-4, เดือน YYYY-MM, หรือรหัสช่องทาง/ประเภท/อำเภอ/สถานะ (ว่าง = ไม่ระบุ)",
	  "quarter 1-4, month YYYY-MM, or the channel/category/district/status id (empty = not given)" },
	{ "label", "string", "ชื่อ", "label (Thai)" },
	{ "total", "integer", "จำนวนเรื่องที่รับ", "complaints received" },
	{ "completed", "integer", "ดำเนินการแล้วเสร็จ (resolved หรือ rejected) ณ วันที่ข้อมูล",
	  "completed (resolved or rejected) by the as-of date" },
	{ "in_progress", "integer", "อยู่ระหว่างดำเนินการ", "still in progress" },
	{ "median_days_to_close", "number", "ค่ามัธยฐานจำนวนวันจนยุติเรื่อง (เฉพาะแถว year)",
	  "median days from receipt to closing (year rows only)" },
	{ "source", "string", "ที่มา: database, sample (ข้อมูลตัวอย่าง) หรือ content (ไฟล์บันทึกการตอบเท่านั้น)",
	  "source: database, sample (fictitious) or content (response files only)" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date" },
};
static const struct od_column survey_cols[] = {
	{ "form", "string", "รหัสแบบประเมิน", "survey form id" },
	{ "fiscal_year", "integer", "ปีงบประมาณ (พ.ศ.)", "fiscal year (BE)" },
	{ "question", "string", "รหัสข้อ", "question (field name)" },
	{ "label", "string", "ข้อ", "question (Thai)" },
	{ "project", "string", "รหัสโครงการ (ว่าง = คำตอบทั้งหมด)", "project id (empty = all responses)" },
	{ "n", "integer", "จำนวนผู้ตอบข้อนี้", "answers to the question" },
	{ "level_5", "integer", "มากที่สุด", "answers at level 5 (very high)" },
	{ "level_4", "integer", "มาก", "answers at level 4 (high)" },
	{ "level_3", "integer", "ปานกลาง", "answers at level 3" },
	{ "level_2", "integer", "น้อย", "answers at level 2" },
	{ "level_1", "integer", "น้อยที่สุด", "answers at level 1" },
	{ "share_high", "number", "ร้อยละระดับมากขึ้นไป (4-5)", "share at level 4 or 5, %" },
	{ "wilson_low", "number", "ขอบล่างช่วงความเชื่อมั่น 95% (Wilson, ปัดลง)", "95% Wilson interval, lower bound (rounded down), %" },
	{ "wilson_high", "number", "ขอบบนช่วงความเชื่อมั่น 95% (Wilson, ปัดขึ้น)", "95% Wilson interval, upper bound (rounded up), %" },
	{ "target", "number", "เป้าหมาย (%)", "target, %" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date" },
};
static const struct od_column indicator_cols[] = {
	{ "form", "string", "รหัสแบบประเมิน", "survey form id" },
	{ "fiscal_year", "integer", "ปีงบประมาณ (พ.ศ.)", "fiscal year (BE)" },
	{ "question", "string", "รหัสข้อที่ใช้วัด (ความพึงพอใจโดยรวม)", "question measured (field name; the overall one)" },
	{ "respondent", "string", "ประเภทผู้ใช้งาน (ว่าง = ทุกประเภท)", "respondent type (empty = all)" },
	{ "respondent_label", "string", "ชื่อประเภทผู้ใช้งาน", "respondent type (Thai)" },
	{ "n", "integer", "จำนวนผู้ตอบข้อนี้", "answers to the question" },
	{ "high", "integer", "ผู้ตอบระดับมากขึ้นไป (4-5)", "answers at level 4 or 5" },
	{ "share_high", "number", "ร้อยละระดับมากขึ้นไป (4-5)", "share at level 4 or 5, %" },
	{ "wilson_low", "number", "ขอบล่างช่วงความเชื่อมั่น 95% (Wilson, ปัดลง)", "95% Wilson interval, lower bound (rounded down), %" },
	{ "wilson_high", "number", "ขอบบนช่วงความเชื่อมั่น 95% (Wilson, ปัดขึ้น)", "95% Wilson interval, upper bound (rounded up), %" },
	{ "target", "number", "เป้าหมาย (%)", "target, %" },
	{ "min_n", "integer", "จำนวนผู้ตอบขั้นต่ำที่ตัดสินผลได้", "fewest answers for a verdict" },
	{ "verdict", "string", "ผล: met (ผ่านเป้าหมาย), not-met (ยังไม่ผ่าน), too-few (ผู้ตอบน้อยเกินไป)",
	  "verdict: met, not-met, too-few" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date" },
};

static const struct od_column lookup_cols[] = {
	{ "table", "string", "ตาราง: district, group, dimension, person", "table: district, group, dimension, person" },
	{ "id", "string", "รหัสที่ใช้ในไฟล์อื่น", "the id the other files use" },
	{ "name", "string", "ชื่อ", "name" },
	{ "name_en", "string", "ชื่อภาษาอังกฤษ", "English name" },
};

static const struct od_column revision_cols[] = {
	{ "date", "date", "วันที่ของ commit ที่แก้ไข (เวลาประเทศไทย)", "date of the commit that made the change (Bangkok)" },
	{ "record", "string", "ชนิดข้อมูล progress, project หรือ procurement",
	  "record type: progress, project or procurement" },
	{ "project_id", "string", "รหัสโครงการ (ว่าง = ไม่ใช่ข้อมูลโครงการ)", "project id, empty when not a project's file" },
	{ "path", "string", "ไฟล์ใน content/", "the file, relative to content/" },
	{ "field", "string", "ช่องข้อมูลที่แก้ เช่น disbursed, kpis.villages, plan[2026-01].percent",
	  "the field changed, e.g. disbursed, kpis.villages, plan[2026-01].percent" },
	{ "old_value", "string", "ค่าเดิมตามที่เขียนในไฟล์ (ว่าง = ไม่มี)", "old value as written, empty when added" },
	{ "new_value", "string", "ค่าใหม่ (ว่าง = ลบออก)", "new value as written, empty when removed" },
	{ "author", "string", "ผู้แก้ไข (ชื่อเจ้าหน้าที่ตาม people.yaml หรือชื่อผู้เขียนใน git)",
	  "who made it: the officer's name (people.yaml), else the git author's name" },
	{ "person", "string", "รหัสเจ้าหน้าที่ (people.yaml) ว่างถ้าไม่ใช่เจ้าหน้าที่", "officer id, empty when not an officer" },
	{ "reason", "string", "เหตุผลที่แก้ไข (ช่อง correction)", "the correction reason given, may be empty" },
	{ "commit", "string", "รหัส commit ใน git", "git commit id" },
	{ "url", "string", "หน้าที่แสดงการแก้ไขนี้ (เทียบกับรากของเว็บไซต์)", "the page that shows the change, relative to the site root" },
};

static const struct od_column timeliness_cols[] = {
	{ "scope", "string", "ระดับ office (ทั้งสำนักงาน), group (กลุ่มงาน) หรือ officer (เจ้าหน้าที่)",
	  "scope: office, group or officer" },
	{ "id", "string", "รหัสกลุ่มงานหรือเจ้าหน้าที่ (ว่างสำหรับ office)", "group or officer id, empty for the office" },
	{ "name", "string", "ชื่อ", "name" },
	{ "reports", "integer", "รายงานประจำเดือนที่รู้วันเผยแพร่", "monthly reports whose publication date is known" },
	{ "on_time", "integer", "รายงานที่ commit เผยแพร่ภายในวันครบกำหนด", "reports published (by commit) by their due date" },
	{ "share_on_time", "number", "ร้อยละที่ตรงเวลา (ว่าง = ไม่มีรายงาน)", "share on time, %, empty without reports" },
	{ "due_day", "integer", "ครบกำหนดวันที่เท่าไรของเดือนถัดไป (site.yaml report_due_day)", "due day of the next month (site.yaml report_due_day)" },
	{ "as_of", "date", "ข้อมูล ณ วันที่", "as-of date" },
};

const struct od_resource od_resources[] = {
	{ "projects", "โครงการ", "Projects",
	  "ทุกโครงการพร้อมงบประมาณ ความก้าวหน้า และการเบิกจ่าย ณ วันที่ข้อมูล",
	  "Every project with its budget, progress and disbursement at the as-of date",
	  project_cols, N(project_cols), "id" },
	{ "progress", "รายงานความก้าวหน้า", "Progress reports",
	  "รายงานความก้าวหน้าทุกฉบับ (ค่าสะสม)", "Every progress report (cumulative figures)",
	  progress_cols, N(progress_cols), NULL },
	{ "budget", "รายการงบประมาณ", "Budget lines",
	  "งบประมาณรายโครงการ ตามแบบ Fiscal Data Package: หน่วยรับงบ ประเภทงบ ยอดที่ได้รับและเบิกจ่าย",
	  "One budget line per project (Fiscal Data Package style): administrative and economic classification, allocated and executed",
	  budget_cols, N(budget_cols), NULL },
	{ "procurement", "การจัดซื้อจัดจ้าง", "Procurement",
	  "ผลการจัดซื้อจัดจ้างทุกรายการ (ข้อมูลเดียวกับแบบ สขร.1)", "Every procurement record (the fields of form สขร.1)",
	  procurement_cols, N(procurement_cols), NULL },
	{ "complaint-statistics", "สถิติเรื่องร้องเรียน", "Complaint statistics",
	  "จำนวนเรื่องร้องเรียน ดำเนินการแล้วเสร็จ และอยู่ระหว่างดำเนินการ รายปี ไตรมาส เดือน ช่องทาง ประเภท อำเภอ และสถานะ (ไม่มีข้อมูลรายเรื่อง)",
	  "Complaints received, completed and in progress by fiscal year, quarter, month, channel, category, district and status (no individual cases)",
	  complaint_cols, N(complaint_cols), NULL },
	{ "survey-results", "ผลการประเมินความพึงพอใจ", "Survey results",
	  "การกระจายคำตอบ 5 ระดับ รายข้อ รายปี และรายโครงการ พร้อมร้อยละระดับมากขึ้นไปและช่วงความเชื่อมั่น 95%",
	  "Answers over the 5 levels per question, fiscal year and project, with the share at 'high' or above and its 95% interval",
	  survey_cols, N(survey_cols), NULL },
	{ "lookups", "รหัสและชื่อ", "Lookup tables",
	  "ชื่อของรหัสอำเภอ กลุ่มงาน มิติ และบุคลากร (รหัสสาธารณะและชื่อเท่านั้น) ที่ใช้ในไฟล์อื่น",
	  "The names of the district, group, dimension and staff ids (public id and name only) the other files use",
	  lookup_cols, N(lookup_cols), NULL },
	{ "revisions", "ประวัติการแก้ไข", "Revisions",
	  "การแก้ไขตัวเลขที่เผยแพร่แล้วทุกครั้ง หนึ่งแถวต่อหนึ่งช่องข้อมูลที่เปลี่ยน ใหม่สุดก่อน อ่านจากประวัติใน git",
	  "Every change to a published figure, one row per changed field, newest first, from the git history",
	  revision_cols, N(revision_cols), NULL },
	{ "timeliness", "การส่งรายงานตรงเวลา", "Reports on time",
	  "ร้อยละของรายงานประจำเดือนที่เผยแพร่ (ตามวันที่ commit ใน git) ภายในวันครบกำหนด รายสำนักงาน กลุ่มงาน และเจ้าหน้าที่ ไม่มีแถวถ้าไม่มีประวัติ git",
	  "Share of monthly reports published (by git commit date) by their due date, for the office, each group and each officer; no rows without a git history",
	  timeliness_cols, N(timeliness_cols), NULL },
	{ "survey-indicator", "ตัวชี้วัดความพึงพอใจต่อระบบ", "Satisfaction indicator",
	  "ร้อยละของผู้ใช้งานที่พึงพอใจระดับมากขึ้นไปเทียบเป้าหมายร้อยละ 80 แยกตามประเภทผู้ใช้งาน พร้อมช่วงความเชื่อมั่น 95% และผล (แบบประเมินที่มีช่องประเภทผู้ตอบ)",
	  "Share of users at 'high' or above against the 80% target, per respondent type, with its 95% interval and verdict (surveys with a respondent type)",
	  indicator_cols, N(indicator_cols), NULL },
};
const size_t od_n_resources = N(od_resources);

_Static_assert(N(project_cols) <= OPENDATA_MAX_COLS, "projects: too many columns");
_Static_assert(N(progress_cols) <= OPENDATA_MAX_COLS, "progress: too many columns");
_Static_assert(N(budget_cols) <= OPENDATA_MAX_COLS, "budget: too many columns");
_Static_assert(N(procurement_cols) <= OPENDATA_MAX_COLS, "procurement: too many columns");
_Static_assert(N(complaint_cols) <= OPENDATA_MAX_COLS, "complaint-statistics: too many columns");
_Static_assert(N(survey_cols) <= OPENDATA_MAX_COLS, "survey-results: too many columns");
_Static_assert(N(revision_cols) <= OPENDATA_MAX_COLS, "revisions: too many columns");
_Static_assert(N(timeliness_cols) <= OPENDATA_MAX_COLS, "timeliness: too many columns");
_Static_assert(N(indicator_cols) <= OPENDATA_MAX_COLS, "survey-indicator: too many columns");

int opendata_has(const char *rel)
{
	size_t i, n = strlen(rel);
	char b[128];

	if (n > 3 && n < sizeof(b) && strcmp(rel + n - 3, ".gz") == 0 &&
		strncmp(rel, "complaints/", 11) != 0) { /* data/X.gz: the copy of data/X */
		memcpy(b, rel, n - 3);
		b[n - 3] = '\0';
		return strncmp(b, "data/", 5) == 0 && opendata_has(b);
	}
	if (strcmp(rel, "data/datapackage.json") == 0 || strcmp(rel, "data/oc4ids.json") == 0 ||
		strcmp(rel, "complaints/statistics.csv") == 0)
		return 1;
	for (i = 0; i < od_n_resources; i++) {
		snprintf(b, sizeof(b), "data/%s.csv", od_resources[i].name);
		if (strcmp(rel, b) == 0)
			return 1;
		snprintf(b, sizeof(b), "data/%s.json", od_resources[i].name);
		if (strcmp(rel, b) == 0)
			return 1;
	}
	return 0;
}

/* ---- rows: the same cells go to CSV and JSON ---- */

/* C_LIST: "a;b" in CSV, ["a","b"] in JSON (items hold no ';').
 * C_JSON: s in CSV, json (already JSON text, e.g. an array of objects) in JSON. */
enum cell_kind { C_NULL, C_STR, C_INT, C_NUM, C_DATE, C_LIST, C_JSON };

struct cell {
	enum cell_kind k;
	const char *s;
	const char *json; /* C_JSON only */
	int64_t v;
};

struct table {
	const struct od_resource *res;
	struct buf csv, json;
	size_t max;       /* bytes per file */
	int over;         /* a cell passed max */
	size_t rows;
	struct cell cells[OPENDATA_MAX_COLS];
	size_t n;
};

/* The next cell of the row, or NULL past OPENDATA_MAX_COLS (the column
 * tables are checked against it when compiled). */
static struct cell *next_cell(struct table *t)
{
	return t->n < OPENDATA_MAX_COLS ? &t->cells[t->n++] : NULL;
}

static void c_str(struct table *t, const char *s)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = s ? C_STR : C_NULL;
	c->s = s;
}

static void c_list(struct table *t, const char *s)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = s ? C_LIST : C_NULL;
	c->s = s;
}

/* s for CSV and json (JSON text) for JSON; NULL either way is null. */
static void c_json(struct table *t, const char *s, const char *json)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = s && json ? C_JSON : C_NULL;
	c->s = s;
	c->json = json;
}

/* s ("a;b;c") as a JSON array of strings; "" is []. */
static void json_list(struct buf *b, const char *s)
{
	const char *p = s, *e;
	struct buf item;

	buf_addc(b, '[');
	buf_init(&item, strlen(s) + 1);
	while (*p) {
		e = strchr(p, ';');
		if (!e)
			e = p + strlen(p);
		buf_reset(&item);
		buf_add(&item, p, (size_t)(e - p));
		if (p != s)
			buf_addc(b, ',');
		json_str(b, buf_str(&item));
		p = *e ? e + 1 : e;
	}
	buf_free(&item);
	buf_addc(b, ']');
}

static void c_int(struct table *t, int64_t v)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = C_INT;
	c->v = v;
}

static void c_num(struct table *t, int64_t v)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = C_NUM;
	c->v = v;
}

static void c_date(struct table *t, pdate d, int present)
{
	struct cell *c = next_cell(t);

	if (!c)
		return;
	c->k = present ? C_DATE : C_NULL;
	c->v = d;
}

/* A cell built from many pieces ("a;b;c"): into the arena, or NULL (and
 * the table marked over) if it passed the table's cap. */
static const char *cell_text(struct table *t, struct arena *a, struct buf *b)
{
	const char *s = NULL;

	if (b->err)
		t->over = 1;
	else
		s = arena_strdup(a, buf_str(b));
	buf_free(b);
	return s;
}

static void table_begin(struct table *t, const struct od_resource *res, size_t max)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->res = res;
	t->max = max;
	buf_init(&t->csv, max);
	buf_init(&t->json, max);
	buf_adds(&t->csv, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
	for (i = 0; i < res->n_cols; i++) {
		if (i)
			buf_addc(&t->csv, ',');
		csv_field(&t->csv, res->cols[i].name);
	}
	buf_adds(&t->csv, "\r\n");
	buf_adds(&t->json, "[");
}

static void table_row(struct table *t)
{
	size_t i;

	buf_adds(&t->json, t->rows ? ",\n{" : "\n{");
	for (i = 0; i < t->n && i < t->res->n_cols; i++) {
		const struct cell *c = &t->cells[i];
		if (i) {
			buf_addc(&t->csv, ',');
			buf_addc(&t->json, ',');
		}
		json_str(&t->json, t->res->cols[i].name);
		buf_addc(&t->json, ':');
		switch (c->k) {
		case C_NULL:
			buf_adds(&t->json, "null");
			break;
		case C_STR:
			csv_field(&t->csv, c->s);
			json_str(&t->json, c->s);
			break;
		case C_LIST:
			csv_field(&t->csv, c->s);
			json_list(&t->json, c->s);
			break;
		case C_JSON:
			csv_field(&t->csv, c->s);
			buf_adds(&t->json, c->json);
			break;
		case C_INT:
			buf_printf(&t->csv, "%lld", (long long)c->v);
			buf_printf(&t->json, "%lld", (long long)c->v);
			break;
		case C_NUM:
			out_decimal(&t->csv, c->v);
			out_decimal(&t->json, c->v);
			break;
		case C_DATE:
			out_date(&t->csv, (pdate)c->v);
			buf_addc(&t->json, '"');
			out_date(&t->json, (pdate)c->v);
			buf_addc(&t->json, '"');
			break;
		}
	}
	buf_adds(&t->csv, "\r\n");
	buf_addc(&t->json, '}');
	t->rows++;
	t->n = 0;
}

static int table_end(struct table *t, struct outdir *out, char *err, size_t errlen)
{
	char path[128];
	int rc = 0;

	buf_adds(&t->json, "\n]\n");
	if (t->over || t->csv.err || t->json.err) {
		if (!err[0])
			snprintf(err, errlen, "data/%s.%s: more than %zu bytes", t->res->name,
				t->csv.err || t->over ? "csv" : "json", t->max);
		rc = -1;
	}
	snprintf(path, sizeof(path), "data/%s.csv", t->res->name);
	if (!rc && (out_write(out, path, buf_str(&t->csv), t->csv.len) != 0 ||
		gz_write(out, path, buf_str(&t->csv), t->csv.len, err, errlen) != 0))
		rc = -1;
	snprintf(path, sizeof(path), "data/%s.json", t->res->name);
	if (!rc && (out_write(out, path, buf_str(&t->json), t->json.len) != 0 ||
		gz_write(out, path, buf_str(&t->json), t->json.len, err, errlen) != 0))
		rc = -1;
	/* the complaint statistics page's own download */
	if (!rc && strcmp(t->res->name, "complaint-statistics") == 0 &&
		out_write(out, "complaints/statistics.csv", buf_str(&t->csv), t->csv.len) != 0)
		rc = -1;
	if (rc && !err[0])
		snprintf(err, errlen, "%s", out->err);
	buf_free(&t->csv);
	buf_free(&t->json);
	return rc;
}

/* "a;b;c" of the ids, in the arena */
static const char *joined(struct table *t, struct arena *a, const char *const *ids, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b, t->max);
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(&b, ';');
		buf_adds(&b, ids[i]);
	}
	return cell_text(t, a, &b);
}

static const char *name_or_empty(const struct named *n)
{
	return n ? n->name : "";
}

static void lookup_named(struct table *t, const char *table, const struct named *n, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		c_str(t, table);
		c_str(t, n[i].id);
		c_str(t, n[i].name);
		c_str(t, n[i].name_en ? n[i].name_en : "");
		table_row(t);
	}
}

/* Districts, groups, dimensions, and people by public id and name (no
 * phone or e-mail: those are on the pages a person is named on). */
static void lookup_rows(const struct site_ctx *sc, struct table *t)
{
	const struct model *m = sc->m;
	size_t i;

	lookup_named(t, "district", m->site.districts, m->site.n_districts);
	lookup_named(t, "group", m->site.groups, m->site.n_groups);
	lookup_named(t, "dimension", m->site.dimensions, m->site.n_dimensions);
	for (i = 0; i < m->n_people; i++) {
		c_str(t, "person");
		c_str(t, m->people[i].id);
		c_str(t, m->people[i].name);
		c_str(t, m->people[i].name_en ? m->people[i].name_en : "");
		table_row(t);
	}
}

static void projects_rows(const struct site_ctx *sc, struct table *t, struct arena *a)
{
	const struct model *m = sc->m;
	size_t i;

	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		c_str(t, p->id);
		c_int(t, p->fiscal_year);
		c_str(t, p->title);
		c_str(t, p->title_en ? p->title_en : "");
		c_str(t, p->group);
		c_str(t, name_or_empty(model_group(m, p->group)));
		c_list(t, joined(t, a, p->districts, p->n_districts));
		c_str(t, p->dimension ? p->dimension : "");
		c_date(t, p->start, 1);
		c_date(t, p->end, 1);
		c_str(t, p->category == CAT_CAPITAL ? "capital" : "recurrent");
		c_str(t, p->budget_source ? p->budget_source : "");
		c_num(t, p->allocated);
		if (p->weight)
			c_num(t, p->weight);
		else
			c_str(t, NULL);
		c_num(t, p->fig.planned_pct);
		c_num(t, p->fig.actual_pct);
		c_num(t, p->fig.planned_baht);
		c_num(t, p->fig.disbursed);
		c_num(t, p->fig.disb_rate);
		c_str(t, status_name(p->fig.status));
		c_date(t, p->fig.last_report, p->fig.has_report);
		c_date(t, m->today, 1);
		c_str(t, arena_printf(a, "projects/%s/index.html", p->id));
		table_row(t);
	}
}

static void progress_rows(const struct site_ctx *sc, struct table *t, struct arena *a)
{
	const struct model *m = sc->m;
	size_t i, j;

	for (i = 0; i < m->n_reports; i++) {
		const struct report *r = m->reports[i];
		struct buf kb;
		if (r->date > m->today)
			continue; /* not yet public: figures are as of today */
		buf_init(&kb, t->max);
		for (j = 0; j < r->n_kpis; j++) {
			if (j)
				buf_addc(&kb, ';');
			buf_printf(&kb, "%s=", r->kpis[j].kpi);
			out_decimal(&kb, r->kpis[j].value);
		}
		c_str(t, r->project_id);
		c_int(t, r->fiscal_year);
		c_date(t, r->date, 1);
		c_str(t, r->reporter);
		c_num(t, r->percent);
		c_num(t, r->disbursed);
		c_list(t, cell_text(t, a, &kb));
		c_str(t, r->narrative ? r->narrative : "");
		c_str(t, r->problems ? r->problems : "");
		c_str(t, r->suggestions ? r->suggestions : "");
		table_row(t);
	}
}

static void budget_rows(const struct site_ctx *sc, struct table *t)
{
	const struct model *m = sc->m;
	size_t i;

	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		c_int(t, p->fiscal_year);
		c_str(t, p->id);
		c_str(t, p->group);
		c_str(t, p->category == CAT_CAPITAL ? "capital" : "recurrent");
		c_str(t, p->budget_source ? p->budget_source : "");
		c_num(t, p->allocated);
		c_num(t, p->fig.planned_baht);
		c_num(t, p->fig.disbursed);
		c_int(t, p->fig.status == ST_CANCELLED);
		c_date(t, m->today, 1);
		table_row(t);
	}
}

static void procurement_rows(const struct site_ctx *sc, struct table *t, struct arena *a)
{
	const struct model *m = sc->m;
	size_t i, j;

	for (i = 0; i < m->n_procurement; i++) {
		const struct proc_record *r = &m->procurement[i];
		struct buf bb, bj;
		buf_init(&bb, t->max);
		buf_init(&bj, t->max);
		buf_addc(&bj, '[');
		for (j = 0; j < r->n_bids; j++) {
			if (j)
				buf_addc(&bb, ';');
			buf_printf(&bb, "%s=", r->bids[j].name);
			out_decimal(&bb, r->bids[j].price);
			buf_adds(&bj, j ? ",{\"name\":" : "{\"name\":");
			json_str(&bj, r->bids[j].name);
			buf_adds(&bj, ",\"price\":");
			out_decimal(&bj, r->bids[j].price);
			buf_addc(&bj, '}');
		}
		buf_addc(&bj, ']');
		c_int(t, r->fiscal_year);
		c_date(t, r->date, 1);
		c_str(t, r->item);
		c_str(t, r->method);
		c_str(t, proc_method_th(r->method));
		c_num(t, r->budget);
		if (r->has_reference_price)
			c_num(t, r->reference_price);
		else
			c_str(t, NULL);
		{
			const char *csv = cell_text(t, a, &bb);

			c_json(t, csv, cell_text(t, a, &bj));
		}
		c_str(t, r->winner);
		c_num(t, r->price);
		c_str(t, r->reason);
		c_str(t, r->contract ? r->contract : "");
		c_str(t, r->egp_no ? r->egp_no : "");
		c_str(t, r->budget_source ? r->budget_source : "");
		table_row(t);
	}
}

static void crow(const struct site_ctx *sc, struct table *t, int fy, const char *breakdown,
	const char *key, const char *label, const struct period_count *c, int64_t median)
{
	const struct cstats *cs = sc->cs;

	c_int(t, fy);
	c_str(t, breakdown);
	c_str(t, key ? key : "");
	c_str(t, label);
	c_int(t, (int64_t)c->total);
	c_int(t, (int64_t)c->closed);
	c_int(t, (int64_t)c->open);
	if (median >= 0)
		c_num(t, median);
	else
		c_str(t, NULL);
	c_str(t, cs->from_db ? (cs->sample ? "database+sample" : "database") :
		cs->sample ? "sample" : "content");
	c_date(t, sc->m->today, 1);
	table_row(t);
}

/* The corruption channel alone (OIT O18): the year, begun quarters, the
 * first half once begun, begun months; zero rows are written (a period
 * with none is stated, not left out). */
static void corruption_rows(const struct site_ctx *sc, struct table *t, struct arena *a,
	const struct cstats_fy *f)
{
	int fy = f->fiscal_year;
	pdate today = sc->m->today;
	struct period_count half = stats_first_half(f->corr_quarters);
	size_t k;

	crow(sc, t, fy, "corruption-year", arena_printf(a, "%d", fy),
		arena_printf(a, "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ %d", fy), &f->corr_all, -1);
	for (k = 0; k < 4 && (k ? fiscal_quarter_end(fy, (int)k) + 1 : fiscal_year_start(fy)) <= today; k++)
		crow(sc, t, fy, "corruption-quarter", arena_printf(a, "%zu", k + 1),
			arena_printf(a, "ไตรมาส %zu", k + 1), &f->corr_quarters[k], -1);
	crow(sc, t, fy, "corruption-half", "1", "รอบ 6 เดือน (ต.ค.-มี.ค.)", &half, -1);
	for (k = 0; k < 12; k++) {
		int mo, y;
		fiscal_month(fy, (int)k, &y, &mo);
		if (date_from_ymd(y, mo, 1) > today)
			break;
		crow(sc, t, fy, "corruption-month", arena_printf(a, "%04d-%02d", y, mo),
			arena_printf(a, "%04d-%02d", date_be_year(y), mo), &f->corr_months[k], -1);
	}
}

static void complaint_rows(const struct site_ctx *sc, struct table *t, struct arena *a)
{
	static const char *const ch_id[3] = { "", "general", "corruption" };
	static const char *const ch_label[3] = { "ไม่ทราบช่องทาง", "ร้องเรียนทั่วไป", "แจ้งเบาะแสการทุจริต" };
	const struct cstats *cs = sc->cs;
	size_t i, k;

	for (i = 0; cs && i < cs->n_fys; i++) {
		const struct cstats_fy *f = &cs->fys[i];
		int fy = f->fiscal_year;
		pdate today = sc->m->today;
		/* a period that has not begun is left out, never written as zero */
		if (fiscal_year_start(fy) > today)
			continue;
		crow(sc, t, fy, "year", arena_printf(a, "%d", fy), arena_printf(a, "ปีงบประมาณ %d", fy),
			&f->all, f->median_days);
		for (k = 0; k < 4 && (k ? fiscal_quarter_end(fy, (int)k) + 1 : fiscal_year_start(fy)) <= today; k++)
			crow(sc, t, fy, "quarter", arena_printf(a, "%zu", k + 1),
				arena_printf(a, "ไตรมาส %zu", k + 1), &f->quarters[k], -1);
		for (k = 0; k < 12; k++) {
			int mo, y;
			fiscal_month(fy, (int)k, &y, &mo);
			if (date_from_ymd(y, mo, 1) > today)
				break;
			crow(sc, t, fy, "month", arena_printf(a, "%04d-%02d", y, mo),
				arena_printf(a, "%04d-%02d", date_be_year(y), mo), &f->months[k], -1);
		}
		corruption_rows(sc, t, a, f);
		for (k = 1; k < 3; k++)
			crow(sc, t, fy, "channel", ch_id[k], ch_label[k], &f->channels[k], -1);
		if (f->channels[0].total)
			crow(sc, t, fy, "channel", ch_id[0], ch_label[0], &f->channels[0], -1);
		for (k = 0; k < f->n_categories; k++)
			crow(sc, t, fy, "category", f->categories[k].id, f->categories[k].label,
				&f->categories[k].c, -1);
		for (k = 0; k < f->n_districts; k++)
			crow(sc, t, fy, "district", f->districts[k].id, f->districts[k].label,
				&f->districts[k].c, -1);
		for (k = 0; k < CS__COUNT; k++) {
			struct period_count c = { f->by_status[k], case_status_closed((enum case_status)k) ?
				f->by_status[k] : 0, case_status_closed((enum case_status)k) ? 0 : f->by_status[k] };
			crow(sc, t, fy, "status", case_status_name((enum case_status)k),
				case_status_label_th((enum case_status)k), &c, -1);
		}
	}
}

static void srow(const struct site_ctx *sc, struct table *t, const char *form, int fy,
	const struct survey_q *q, const char *project)
{
	int k;

	c_str(t, form);
	c_int(t, fy);
	c_str(t, q->name);
	c_str(t, q->label);
	c_str(t, project ? project : "");
	c_int(t, (int64_t)q->n);
	for (k = 5; k >= 1; k--)
		c_int(t, (int64_t)q->dist[k - 1]);
	if (q->n) {
		c_num(t, q->w.share);
		c_num(t, q->w.lo);
		c_num(t, q->w.hi);
	} else {
		c_str(t, NULL);
		c_str(t, NULL);
		c_str(t, NULL);
	}
	c_num(t, STATS_TARGET);
	c_date(t, sc->m->today, 1);
	table_row(t);
}

static void survey_rows(const struct site_ctx *sc, struct table *t)
{
	const struct cstats *cs = sc->cs;
	size_t i, j, k;

	for (i = 0; cs && i < cs->n_surveys; i++) {
		const struct survey_stats *ss = &cs->surveys[i];
		for (j = ss->n_fys; j-- > 0;) {
			const struct survey_fy *sf = &ss->fys[j];
			for (k = 0; k < sf->n_qs; k++)
				srow(sc, t, ss->form->id, sf->fiscal_year, &sf->qs[k], NULL);
			for (k = 0; k < sf->n_projects; k++)
				srow(sc, t, ss->form->id, sf->fiscal_year, &sf->projects[k].q,
					sf->projects[k].project_id);
		}
	}
}

static void irow(const struct site_ctx *sc, struct table *t, const char *form, int fy,
	const struct survey_q *q, const char *respondent, const char *label)
{
	enum stats_verdict v = stats_verdict(q->high, q->n);

	c_str(t, form);
	c_int(t, fy);
	c_str(t, q->name);
	c_str(t, respondent ? respondent : "");
	c_str(t, label);
	c_int(t, (int64_t)q->n);
	c_int(t, (int64_t)q->high);
	if (q->n) {
		c_num(t, q->w.share);
		c_num(t, q->w.lo);
		c_num(t, q->w.hi);
	} else {
		c_str(t, NULL);
		c_str(t, NULL);
		c_str(t, NULL);
	}
	c_num(t, STATS_TARGET);
	c_int(t, STATS_MIN_N);
	c_str(t, v == SV_MEETS ? "met" : v == SV_BELOW ? "not-met" : "too-few");
	c_date(t, sc->m->today, 1);
	table_row(t);
}

/* The memo's indicator: per survey with a respondent type, per fiscal
 * year, the summary question for all respondents, then per type. */
static void indicator_rows(const struct site_ctx *sc, struct table *t)
{
	const struct cstats *cs = sc->cs;
	size_t i, j, k;

	for (i = 0; cs && i < cs->n_surveys; i++) {
		const struct survey_stats *ss = &cs->surveys[i];
		for (j = ss->n_fys; j-- > 0;) {
			const struct survey_fy *sf = &ss->fys[j];
			if (!sf->n_groups || !sf->n)
				continue;
			irow(sc, t, ss->form->id, sf->fiscal_year, &sf->qs[ss->summary_q], NULL, STATS_ALL_TH);
			for (k = 0; k < sf->n_groups; k++)
				irow(sc, t, ss->form->id, sf->fiscal_year, &sf->groups[k].q, sf->groups[k].value,
					sf->groups[k].label);
		}
	}
}

/* OC4IDS 0.9.5 project level: projectStatus codelist values. */
static void revision_rows(const struct site_ctx *sc, struct table *t, struct arena *a)
{
	static const char *const records[] = { NULL, "progress", "project", "complaint", "procurement" };
	char id[MODEL_MAX_ID + 1];
	size_t i;

	for (i = 0; i < sc->rev->n_recent; i++) {
		const struct hist_change *c = sc->rev->recent[i];
		c_date(t, rev_date(c->time), 1);
		c_str(t, records[rev_kind_of(c->path)]);
		c_str(t, revindex_project_of(c->path, id, sizeof(id)) ? arena_strdup(a, id) : NULL);
		c_str(t, c->path);
		c_str(t, c->field);
		c_str(t, c->old_value);
		c_str(t, c->new_value);
		c_str(t, c->who.name);
		c_str(t, c->who.person);
		c_str(t, c->reason);
		c_str(t, c->commit);
		c_str(t, arena_printf(a, "%s#rev-%zu", rev_page_of(c, a), c->seq));
		table_row(t);
	}
}

static void timely_row(const struct site_ctx *sc, struct table *t, const char *scope, const char *id,
	const char *name, size_t n, size_t ok)
{
	c_str(t, scope);
	c_str(t, id);
	c_str(t, name);
	c_int(t, (int64_t)n);
	c_int(t, (int64_t)ok);
	if (n)
		c_num(t, (int64_t)(ok * 10000 / n));
	else
		c_str(t, NULL);
	c_int(t, sc->tl->due_day);
	c_date(t, sc->m->today, 1);
	table_row(t);
}

static void timeliness_rows(const struct site_ctx *sc, struct table *t)
{
	const struct timeliness *tl = sc->tl;
	size_t i;

	if (!tl->available)
		return;
	timely_row(sc, t, "office", NULL, sc->m->site.name, tl->reports, tl->on_time);
	for (i = 0; i < tl->n_groups; i++)
		timely_row(sc, t, "group", tl->groups[i].id, name_or_empty(model_group(sc->m, tl->groups[i].id)),
			tl->groups[i].reports, tl->groups[i].on_time);
	for (i = 0; i < tl->n_officers; i++) {
		const struct person *p = model_person(sc->m, tl->officers[i].id);
		timely_row(sc, t, "officer", tl->officers[i].id, p ? p->name : "", tl->officers[i].reports,
			tl->officers[i].on_time);
	}
}

static const char *oc4ids_status(const struct project *p, pdate today)
{
	switch (p->fig.status) {
	case ST_CANCELLED:
		return "cancelled";
	case ST_COMPLETED:
		return "completion";
	case ST_NOT_STARTED:
		return "preparation";
	default:
		return p->end < today ? "completion" : "implementation";
	}
}

/* A date as OC4IDS's date-time: midnight in Thailand. */
static void oc4ids_time(struct buf *b, pdate t)
{
	buf_addc(b, '"');
	out_date(b, t);
	buf_adds(b, "T00:00:00+07:00\"");
}

/* One observation of a metric: a percent (measure) or baht (value), for
 * the period ending on end. */
static void oc4ids_obs(struct buf *b, const char *id, int first, pdate start, pdate end,
	int64_t hundredths, int money)
{
	buf_adds(b, first ? "{\"id\":" : ",{\"id\":");
	json_str(b, id);
	buf_adds(b, ",\"period\":{\"startDate\":");
	oc4ids_time(b, start);
	buf_adds(b, ",\"endDate\":");
	oc4ids_time(b, end);
	buf_addc(b, '}');
	if (money) {
		buf_adds(b, ",\"value\":{\"amount\":");
		out_decimal(b, hundredths);
		buf_adds(b, ",\"currency\":\"THB\"}}");
	} else {
		buf_adds(b, ",\"measure\":");
		out_decimal(b, hundredths);
		buf_adds(b, ",\"unit\":{\"name\":\"percent\"}}");
	}
}

/* physicalProgress and financialProgress (metricID codelist): the actual
 * figures as of today, the plan as of today, and the monthly plan. */
static void oc4ids_metrics(struct buf *b, const struct project *p, pdate today)
{
	size_t k;
	int money;

	buf_adds(b, ",\"metrics\":[");
	for (money = 0; money < 2; money++) {
		buf_adds(b, money ? ",{\"id\":\"financialProgress\",\"title\":\"การเบิกจ่ายสะสม (บาท)\",\"observations\":["
			: "{\"id\":\"physicalProgress\",\"title\":\"ความก้าวหน้าสะสม (%)\",\"observations\":[");
		oc4ids_obs(b, "actual", 1, p->start, today, money ? p->fig.disbursed : p->fig.actual_pct, money);
		oc4ids_obs(b, "planned", 0, p->start, today, money ? p->fig.planned_baht : p->fig.planned_pct, money);
		for (k = 0; k < p->n_plan; k++) {
			const struct plan_point *pp = &p->plan[k];
			int64_t v = money ? pp->disbursed : pp->percent;
			char id[24];
			if (v < 0)
				continue;
			snprintf(id, sizeof id, "plan-%04d-%02d", pp->year % 10000, pp->month % 100);
			oc4ids_obs(b, id, 0, p->start, pp->month_end, v, money);
		}
		buf_adds(b, "]}");
	}
	buf_addc(b, ']');
}

static void oc4ids(const struct site_ctx *sc, struct buf *b)
{
	const struct model *m = sc->m;
	const struct site *s = &m->site;
	size_t i, j;

	buf_adds(b, "{\"uri\":");
	if (s->base_url) {
		struct buf u;
		buf_init(&u, strlen(s->base_url) + 32);
		buf_adds(&u, s->base_url);
		buf_adds(&u, "data/oc4ids.json");
		json_str(b, buf_str(&u));
		buf_free(&u);
	} else {
		json_str(b, "urn:prongsai:data:oc4ids.json");
	}
	buf_adds(b, ",\"version\":\"0.9\",\"publisher\":{\"name\":");
	json_str(b, s->name);
	buf_adds(b, "},\"publishedDate\":");
	oc4ids_time(b, m->today);
	buf_addc(b, ',');
	if (s->license_url) {
		buf_adds(b, "\"license\":");
		json_str(b, s->license_url);
		buf_addc(b, ',');
	}
	buf_adds(b, "\"projects\":[");
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		buf_adds(b, i ? ",\n{" : "\n{");
		buf_adds(b, "\"id\":");
		json_str(b, p->id);
		buf_adds(b, ",\"title\":");
		json_str(b, p->title);
		buf_adds(b, ",\"status\":");
		json_str(b, oc4ids_status(p, m->today));
		buf_adds(b, ",\"period\":{\"startDate\":");
		oc4ids_time(b, p->start);
		buf_adds(b, ",\"endDate\":");
		oc4ids_time(b, p->end);
		buf_adds(b, "},\"budget\":{\"amount\":{\"amount\":");
		out_decimal(b, p->allocated);
		buf_adds(b, ",\"currency\":\"THB\"}},\"publicAuthority\":{\"name\":");
		json_str(b, s->name);
		buf_adds(b, "},\"locations\":[");
		for (j = 0; j < p->n_districts; j++) {
			const struct named *d = model_district(m, p->districts[j]);
			buf_adds(b, j ? ",{\"id\":" : "{\"id\":");
			json_str(b, p->districts[j]);
			buf_adds(b, ",\"description\":");
			json_str(b, d ? d->name : p->districts[j]);
			buf_addc(b, '}');
		}
		buf_addc(b, ']');
		oc4ids_metrics(b, p, m->today);
		buf_addc(b, '}');
	}
	buf_adds(b, "\n]}\n");
}

static void datapackage(const struct site_ctx *sc, struct buf *b, struct arena *a)
{
	const struct site *s = &sc->m->site;
	size_t i, j;

	buf_adds(b, "{\n\"profile\":\"data-package\",\n\"name\":\"prongsai-open-data\",\n\"title\":");
	json_str(b, s->name);
	buf_adds(b, ",\n\"description\":");
	json_str(b, "ข้อมูลเปิดโครงการ ความก้าวหน้า งบประมาณ การจัดซื้อจัดจ้าง สถิติเรื่องร้องเรียน และผลการประเมินความพึงพอใจ / "
		"Open data: projects, progress, budget, procurement, complaint statistics and survey results. CSV files are UTF-8 with a byte-order mark; money in baht with 2 decimals.");
	if (s->base_url) {
		buf_adds(b, ",\n\"homepage\":");
		json_str(b, s->base_url);
	}
	buf_adds(b, ",\n\"created\":\"");
	out_date(b, sc->m->today);
	buf_adds(b, "T00:00:00+07:00\"");
	if (s->license_name) {
		buf_adds(b, ",\n\"licenses\":[{\"title\":");
		json_str(b, s->license_name_en ? s->license_name_en : s->license_name);
		if (s->license_url) {
			buf_adds(b, ",\"path\":");
			json_str(b, s->license_url);
		}
		buf_adds(b, ",\"name\":");
		json_str(b, strstr(s->license_url ? s->license_url : "", "creativecommons.org/licenses/by/4.0") ?
			"CC-BY-4.0" : "other-open");
		buf_adds(b, "}]");
	}
	buf_adds(b, ",\n\"resources\":[");
	for (i = 0; i < od_n_resources; i++) {
		const struct od_resource *r = &od_resources[i];
		buf_adds(b, i ? ",\n{" : "\n{");
		buf_printf(b, "\"name\":\"%s\",\"path\":\"%s.csv\",\"profile\":\"tabular-data-resource\","
			"\"format\":\"csv\",\"mediatype\":\"text/csv\",\"encoding\":\"utf-8\",\"title\":", r->name, r->name);
		json_str(b, r->title_en);
		buf_adds(b, ",\"description\":");
		json_str(b, arena_printf(a, "%s / %s", r->desc_th, r->desc_en));
		buf_adds(b, ",\"dialect\":{\"delimiter\":\",\",\"doubleQuote\":true,\"quoteChar\":\"\\\"\",\"lineTerminator\":\"\\r\\n\",\"header\":true},"
			"\"schema\":{\"fields\":[");
		for (j = 0; j < r->n_cols; j++) {
			buf_adds(b, j ? ",\n  {" : "\n  {");
			buf_printf(b, "\"name\":\"%s\",\"type\":\"%s\"", r->cols[j].name, r->cols[j].type);
			if (strcmp(r->cols[j].type, "number") == 0)
				buf_adds(b, ",\"decimalChar\":\".\",\"groupChar\":\"\"");
			buf_adds(b, ",\"description\":");
			json_str(b, arena_printf(a, "%s / %s", r->cols[j].desc_th,
				r->cols[j].desc_en));
			buf_addc(b, '}');
		}
		buf_adds(b, "]");
		if (r->primary_key)
			buf_printf(b, ",\"primaryKey\":[\"%s\"]", r->primary_key);
		buf_adds(b, "}}");
	}
	buf_adds(b, ",\n{\"name\":\"oc4ids\",\"path\":\"oc4ids.json\",\"format\":\"json\","
		"\"mediatype\":\"application/json\",\"encoding\":\"utf-8\",\"profile\":\"data-resource\",\"title\":\"Projects (OC4IDS)\","
		"\"description\":");
	json_str(b, "โครงการตามรูปแบบ OC4IDS ระดับโครงการ / Projects in OC4IDS project-level form "
		"(projectStatus, physicalProgress, financialProgress)");
	buf_adds(b, "}\n]\n}\n");
}

/* Write b to rel unless it passed its cap. */
static int put(struct outdir *out, const char *rel, struct buf *b, char *err, size_t errlen)
{
	if (b->err) {
		if (!err[0])
			snprintf(err, errlen, "%s: more than %zu bytes", rel, b->cap);
		return -1;
	}
	return out_write(out, rel, buf_str(b), b->len) != 0 ||
		gz_write(out, rel, buf_str(b), b->len, err, errlen) != 0 ? -1 : 0;
}

int opendata_write_max(const struct site_ctx *sc, struct outdir *out, size_t max, char *err,
	size_t errlen)
{
	struct table t;
	struct arena a;
	struct buf b;
	int rc = 0;

	err[0] = '\0';
	arena_init(&a);
	table_begin(&t, &od_resources[0], max);
	projects_rows(sc, &t, &a);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[1], max);
	progress_rows(sc, &t, &a);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[2], max);
	budget_rows(sc, &t);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[3], max);
	procurement_rows(sc, &t, &a);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[4], max);
	complaint_rows(sc, &t, &a);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[5], max);
	survey_rows(sc, &t);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[6], max);
	lookup_rows(sc, &t);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[7], max);
	revision_rows(sc, &t, &a);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[8], max);
	timeliness_rows(sc, &t);
	rc |= table_end(&t, out, err, errlen);
	table_begin(&t, &od_resources[9], max);
	indicator_rows(sc, &t);
	rc |= table_end(&t, out, err, errlen);
	buf_init(&b, max);
	oc4ids(sc, &b);
	if (!rc)
		rc = put(out, "data/oc4ids.json", &b, err, errlen);
	buf_reset(&b);
	datapackage(sc, &b, &a);
	if (!rc)
		rc = put(out, "data/datapackage.json", &b, err, errlen);
	buf_free(&b);
	arena_free(&a);
	if (rc && !err[0])
		snprintf(err, errlen, "%s", out->err[0] ? out->err : "data/: write failed");
	return rc ? -1 : 0;
}

int opendata_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	return opendata_write_max(sc, out, OPENDATA_MAX_SIZE, err, errlen);
}
