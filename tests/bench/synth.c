/* synth: write a synthetic but valid office for benchmarks.
 *
 *   synth DIR [PROJECTS [REPORTS_PER_PROJECT [TODAY]]]
 *
 * Defaults: 10000 projects, 10 progress reports per project, TODAY
 * 2026-11-24 (the --today that tests/bench/run passes: no report or news
 * item is dated after it).  Follows docs/content-format.md:
 *   DIR/site.yaml            14 districts, 5 groups, 5 dimensions, targets
 *   DIR/people.yaml          200 people
 *   DIR/projects/<FY>/<id>.md         half FY2569, half FY2570
 *   DIR/progress/<FY>/<id>/<date>.yaml  cumulative, non-decreasing,
 *                            disbursed <= allocated, within the period
 *   DIR/news/<date>-<slug>.md   one per 50 projects
 *   DIR/pages/<slug>.md      the standard pages
 * Project ids are <FY>-<n>, n zero-padded to 3 digits, or more when a
 * fiscal year has more than 999 projects (2569-0001).
 * Output is a pure function of the arguments (fixed PRNG seed).
 * Plain C11 + POSIX mkdir; no library beyond libc.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define N_PEOPLE 200
#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- PRNG: splitmix64, fixed seed ---- */
static uint64_t rng_state = 0x70726f6e67736169ULL; /* "prongsai" */
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
/* uniform in [lo, hi] */
static long range(long lo, long hi) { return lo + (long)(rnd() % (uint64_t)(hi - lo + 1)); }
#define PICK(a) ((a)[rnd() % N_ELEMS(a)])

/* ---- dates: days since 1970-01-01 (H. Hinnant's algorithms) ---- */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}
static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}
static void iso(long t, char out[11])
{
	int y, m, d;
	civil_from_days(t, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}
static long fy_start(int fy) { return days_from_civil(fy - 544, 10, 1); }
static long fy_end(int fy) { return days_from_civil(fy - 543, 9, 30); }

/* ---- output helpers ---- */
static char *root;
static long n_files;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("synth: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}
static void mkdir_p(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);
	if (n >= sizeof buf) die("path too long: %s", path);
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/') continue;
		*p = 0;
		if (mkdir(buf, 0777) != 0 && errno != EEXIST) die("mkdir %s: %s", buf, strerror(errno));
		*p = '/';
	}
	if (mkdir(buf, 0777) != 0 && errno != EEXIST) die("mkdir %s: %s", buf, strerror(errno));
}
static FILE *create(const char *fmt, ...)
{
	char rel[1024], path[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rel, sizeof rel, fmt, ap);
	va_end(ap);
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	if (!f) die("%s: %s", path, strerror(errno));
	n_files++;
	return f;
}
static void done(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) die("write error: %s", strerror(errno));
}
/* money in satang: as a plain number, or as a quoted string with commas */
static void money(FILE *f, int64_t satang, int style)
{
	int64_t baht = satang / 100, st = satang % 100;
	if (style == 0) {
		if (st) fprintf(f, "%" PRId64 ".%02d", baht, (int)st);
		else fprintf(f, "%" PRId64, baht);
		return;
	}
	char digits[32], out[48];
	int n = snprintf(digits, sizeof digits, "%" PRId64, baht), o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0) out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = 0;
	fprintf(f, "\"%s.%02d\"", out, (int)st);
}
/* percent in hundredths: 35, 35.5, 35.25 */
static void percent(FILE *f, int hundredths)
{
	if (hundredths % 100 == 0) fprintf(f, "%d", hundredths / 100);
	else if (hundredths % 10 == 0) fprintf(f, "%d.%d", hundredths / 100, hundredths % 100 / 10);
	else fprintf(f, "%d.%02d", hundredths / 100, hundredths % 100);
}

/* ---- the office ---- */
static const struct { const char *id, *th, *en; } districts[] = {
	{"mueang-loei", "เมืองเลย", "Mueang Loei"}, {"na-duang", "นาด้วง", "Na Duang"},
	{"chiang-khan", "เชียงคาน", "Chiang Khan"}, {"pak-chom", "ปากชม", "Pak Chom"},
	{"dan-sai", "ด่านซ้าย", "Dan Sai"}, {"na-haeo", "นาแห้ว", "Na Haeo"},
	{"phu-ruea", "ภูเรือ", "Phu Ruea"}, {"tha-li", "ท่าลี่", "Tha Li"},
	{"wang-saphung", "วังสะพุง", "Wang Saphung"}, {"phu-kradueng", "ภูกระดึง", "Phu Kradueng"},
	{"phu-luang", "ภูหลวง", "Phu Luang"}, {"pha-khao", "ผาขาว", "Pha Khao"},
	{"erawan", "เอราวัณ", "Erawan"}, {"nong-hin", "หนองหิน", "Nong Hin"},
};
static const struct { const char *id, *th, *en; } groups[] = {
	{"admin", "กลุ่มงานอำนวยการ", "Administration"},
	{"strategy", "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน", "Community Development Strategy"},
	{"strength", "กลุ่มงานส่งเสริมและพัฒนาความเข้มแข็งชุมชน", "Community Strengthening"},
	{"economy", "กลุ่มงานส่งเสริมการพัฒนาเศรษฐกิจชุมชน", "Community Economy"},
	{"support", "กลุ่มงานประสานและสนับสนุนการบริหารงานพัฒนาชุมชน", "Coordination and Support"},
};
static const struct { const char *id, *th, *en; } dimensions[] = {
	{"d1", "เสริมสร้างเศรษฐกิจฐานรากให้มั่นคง", "A secure grassroots economy"},
	{"d2", "เสริมสร้างความเข้มแข็งของชุมชน", "Stronger communities"},
	{"d3", "แก้ไขปัญหาความยากจนแบบเบ็ดเสร็จ", "Ending poverty household by household"},
	{"d4", "ส่งเสริมการมีส่วนร่วมของประชาชน", "Public participation"},
	{"d5", "พัฒนาชุมชนใสสะอาด", "A transparent Community Development"},
};
static const struct { const char *th, *en, *id; } first_names[] = {
	{"สมชาย", "Somchai", "somchai"}, {"มาลี", "Malee", "malee"}, {"วิชัย", "Wichai", "wichai"},
	{"สุดารัตน์", "Sudarat", "sudarat"}, {"ประเสริฐ", "Prasert", "prasert"}, {"อรุณี", "Arunee", "arunee"},
	{"สมศักดิ์", "Somsak", "somsak"}, {"กาญจนา", "Kanchana", "kanchana"}, {"บุญมี", "Boonmee", "boonmee"},
	{"พิมพ์ใจ", "Phimjai", "phimjai"}, {"ธนพล", "Thanaphon", "thanaphon"}, {"รัตนา", "Rattana", "rattana"},
	{"อำนาจ", "Amnat", "amnat"}, {"นงลักษณ์", "Nongluck", "nongluck"}, {"สุรชัย", "Surachai", "surachai"},
	{"วันเพ็ญ", "Wanpen", "wanpen"},
};
static const struct { const char *th, *en; } surnames[] = {
	{"ใจดี", "Jaidee"}, {"ศรีสุข", "Srisuk"}, {"แก้วมณี", "Kaewmanee"}, {"บุญเรือง", "Boonruang"},
	{"ทองคำ", "Thongkham"}, {"พรหมมา", "Phromma"}, {"สายทอง", "Saithong"}, {"วงศ์ไชย", "Wongchai"},
	{"จันทร์เพ็ญ", "Chanphen"}, {"ภูผาสุข", "Phuphasuk"}, {"คำภู", "Khamphu"}, {"นาคสวัสดิ์", "Naksawat"},
};
static const struct { const char *th, *en; } positions[] = {
	{"นักวิชาการพัฒนาชุมชนปฏิบัติการ", "Community Development Technical Officer, Practitioner Level"},
	{"นักวิชาการพัฒนาชุมชนชำนาญการ", "Community Development Technical Officer, Professional Level"},
	{"นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ", "Community Development Technical Officer, Senior Professional Level"},
	{"เจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน", "Community Development Officer, Operational Level"},
	{"เจ้าพนักงานพัฒนาชุมชนชำนาญงาน", "Community Development Officer, Experienced Level"},
};
static const char *programmes[] = {
	"หมู่บ้านเศรษฐกิจพอเพียง", "สัมมาชีพชุมชน", "ส่งเสริมผลิตภัณฑ์ OTOP", "กองทุนพัฒนาบทบาทสตรี",
	"กลุ่มออมทรัพย์เพื่อการผลิต", "ศูนย์จัดการกองทุนชุมชน", "การจัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.)",
	"การแก้ไขปัญหาความยากจนครัวเรือนเป้าหมาย", "โคก หนอง นา", "ผ้าไทยใส่ให้สนุก", "พัฒนาชุมชนใสสะอาด",
	"ตลาดชุมชนสร้างรายได้", "การพัฒนาศักยภาพผู้นำชุมชน", "ชุมชนท่องเที่ยว OTOP นวัตวิถี",
};
static const char *title_verbs[] = {
	"โครงการขับเคลื่อน", "โครงการส่งเสริม", "โครงการพัฒนาศักยภาพ", "โครงการเสริมสร้าง", "โครงการยกระดับ",
};
static const char *title_en_verbs[] = {
	"Driving", "Promoting", "Capacity building for", "Strengthening", "Upgrading",
};
static const char *sources[] = {
	"งบประมาณกรมการพัฒนาชุมชน", "งบพัฒนาจังหวัดเลย", "งบกลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน 1",
	"กองทุนพัฒนาบทบาทสตรี",
};
static const struct { const char *id, *th, *unit; long lo, hi; } kpi_defs[] = {
	{"villages", "หมู่บ้านต้นแบบ", "หมู่บ้าน", 5, 40},
	{"households", "ครัวเรือนเป้าหมายที่ได้รับการพัฒนา", "ครัวเรือน", 50, 900},
	{"groups", "กลุ่มอาชีพที่ได้รับการส่งเสริม", "กลุ่ม", 3, 60},
	{"trainees", "ผู้ผ่านการอบรม", "คน", 30, 600},
	{"products", "ผลิตภัณฑ์ที่ได้รับการพัฒนา", "ผลิตภัณฑ์", 2, 30},
	{"income", "รายได้ที่เพิ่มขึ้นของครัวเรือน", "ร้อยละ", 5, 30},
};
static const char *body_sentences[] = {
	"กรมการพัฒนาชุมชนมีภารกิจส่งเสริมให้ชุมชนมีความเข้มแข็งและพึ่งพาตนเองได้อย่างยั่งยืน",
	"จังหวัดเลยมีครัวเรือนยากจนตามข้อมูลความจำเป็นพื้นฐานกระจายอยู่ในทุกอำเภอ",
	"การดำเนินงานเน้นการมีส่วนร่วมของผู้นำชุมชน กลุ่มอาชีพ และภาคีเครือข่ายในพื้นที่",
	"ชุมชนได้ร่วมกันวิเคราะห์ปัญหาและจัดทำแผนพัฒนาหมู่บ้านเพื่อใช้เป็นกรอบการทำงาน",
	"เจ้าหน้าที่พัฒนาชุมชนติดตามและให้คำแนะนำแก่กลุ่มเป้าหมายอย่างต่อเนื่องทุกเดือน",
	"ผลิตภัณฑ์ของชุมชนได้รับการพัฒนาบรรจุภัณฑ์และช่องทางการจำหน่ายทั้งออนไลน์และออฟไลน์",
	"ครัวเรือนเป้าหมายได้รับการส่งเสริมอาชีพตามความถนัดและทรัพยากรในท้องถิ่น",
	"การเบิกจ่ายงบประมาณเป็นไปตามระเบียบกระทรวงการคลังและแผนที่ได้รับอนุมัติ",
	"โครงการนี้สอดคล้องกับแผนพัฒนาจังหวัดเลยและยุทธศาสตร์ของกรมการพัฒนาชุมชน",
	"ผลการดำเนินงานจะเผยแพร่ต่อสาธารณะเพื่อความโปร่งใสและตรวจสอบได้",
	"มีการจัดเวทีแลกเปลี่ยนเรียนรู้ระหว่างหมู่บ้านเพื่อขยายผลแนวปฏิบัติที่ดี",
	"คณะทำงานระดับอำเภอประชุมติดตามความก้าวหน้าเป็นประจำทุกไตรมาส",
};
static const char *objectives[] = {
	"เพื่อเพิ่มรายได้และลดรายจ่ายของครัวเรือนเป้าหมาย",
	"เพื่อเสริมสร้างความเข้มแข็งของกลุ่มและองค์กรชุมชน",
	"เพื่อพัฒนาศักยภาพผู้นำชุมชนในการบริหารจัดการ",
	"เพื่อส่งเสริมการมีส่วนร่วมของประชาชนในการพัฒนาหมู่บ้าน",
	"เพื่อยกระดับผลิตภัณฑ์ชุมชนให้ได้มาตรฐาน",
};
static const char *narratives[] = {
	"ดำเนินการอบรมกลุ่มเป้าหมายตามแผนแล้ว", "ลงพื้นที่ติดตามและให้คำแนะนำแก่ครัวเรือน",
	"จัดประชุมคณะทำงานระดับอำเภอเพื่อทบทวนแผน", "สนับสนุนวัสดุอุปกรณ์แก่กลุ่มอาชีพ",
	"จัดเวทีแลกเปลี่ยนเรียนรู้ระหว่างหมู่บ้าน", "ประสานภาคีเครือข่ายเพื่อหาตลาดจำหน่ายสินค้า",
};
static const char *problems[] = {
	"ฝนตกหนักทำให้ต้องเลื่อนกิจกรรมในพื้นที่ห่างไกล", "กลุ่มเป้าหมายติดภารกิจทางการเกษตรในช่วงฤดูเก็บเกี่ยว",
	"การจัดซื้อวัสดุล่าช้ากว่าแผน", "เจ้าหน้าที่มีภารกิจเร่งด่วนจากส่วนกลาง",
};

static void write_site(void)
{
	FILE *f = create("site.yaml");
	fputs("# synthetic office written by tests/bench/synth (benchmark data)\n"
	      "sample: true\n"
	      "office:\n"
	      "  name: สำนักงานพัฒนาชุมชนจังหวัดเลย\n"
	      "  name_en: Loei Provincial Community Development Office\n"
	      "  parent: กรมการพัฒนาชุมชน กระทรวงมหาดไทย\n"
	      "  parent_en: Community Development Department, Ministry of Interior\n"
	      "  address: ศาลากลางจังหวัดเลย ถนนเจริญรัฐ ตำบลกุดป่อง อำเภอเมืองเลย จังหวัดเลย 42000\n"
	      "  phone: \"0 4281 1773\"\n"
	      "  email: loei@example.go.th\n"
	      "base_url: \"https://loei.example.go.th/\"\n"
	      "collector: cgi-bin/collect.cgi\n"
	      "license: {name: สัญญาอนุญาตข้อมูลเปิด, name_en: Open Data Licence, url: \"https://example.go.th/licence\"}\n"
	      "fiscal_years: [2569, 2570]\n"
	      "display: {digits: arabic}\n"
	      "status:\n  behind: 10\n  seriously_behind: 25\n"
	      "rollup: budget\n"
	      "districts:\n", f);
	for (size_t i = 0; i < N_ELEMS(districts); i++)
		fprintf(f, "  - {id: %s, name: %s, name_en: %s}\n", districts[i].id, districts[i].th, districts[i].en);
	fputs("groups:\n", f);
	for (size_t i = 0; i < N_ELEMS(groups); i++)
		fprintf(f, "  - {id: %s, name: %s, name_en: %s}\n", groups[i].id, groups[i].th, groups[i].en);
	fputs("dimensions:\n", f);
	for (size_t i = 0; i < N_ELEMS(dimensions); i++)
		fprintf(f, "  - {id: %s, name: %s, name_en: %s}\n", dimensions[i].id, dimensions[i].th, dimensions[i].en);
	fputs("disbursement_targets:\n"
	      "  - {fiscal_year: 2569, overall: [33, 56, 80, 100], recurrent: [36, 60, 84, 100], capital: [20, 42, 65, 100]}\n"
	      "  - {fiscal_year: 2570, overall: [32, 55, 79, 100], recurrent: [35, 59, 83, 100], capital: [20, 40, 63, 100]}\n"
	      "inbox:\n  public_key: \"\"\n", f);
	done(f);
}

static struct person {
	char id[32];
	int group, district; /* district -1: provincial office */
} people[N_PEOPLE];

static void write_people(void)
{
	FILE *f = create("people.yaml");
	fputs("people:\n", f);
	for (int i = 0; i < N_PEOPLE; i++) {
		struct person *p = &people[i];
		int fn = (int)(rnd() % N_ELEMS(first_names)), sn = (int)(rnd() % N_ELEMS(surnames));
		int female = fn % 2; /* the list alternates male and female names */
		snprintf(p->id, sizeof p->id, "%s-%03d", first_names[fn].id, i + 1);
		p->group = (int)(rnd() % N_ELEMS(groups));
		p->district = i < 40 ? -1 : (int)(rnd() % N_ELEMS(districts));
		fprintf(f, "  - id: %s\n    name: %s%s %s\n    name_en: %s %s\n", p->id,
			female ? (rnd() % 2 ? "นาง" : "นางสาว") : "นาย", first_names[fn].th, surnames[sn].th,
			first_names[fn].en, surnames[sn].en);
		if (i == 0) {
			fputs("    position: พัฒนาการจังหวัดเลย\n    position_en: Loei Provincial Community Development Officer\n", f);
		} else if (i <= 5) {
			fprintf(f, "    position: หัวหน้า%s\n    position_en: Head, %s\n", groups[i - 1].th, groups[i - 1].en);
			p->group = i - 1;
		} else if (p->district >= 0 && i % 10 == 0) {
			fprintf(f, "    position: พัฒนาการอำเภอ%s\n    position_en: District Community Development Officer, %s\n",
				districts[p->district].th, districts[p->district].en);
		} else {
			int k = (int)(rnd() % N_ELEMS(positions));
			fprintf(f, "    position: %s\n    position_en: %s\n", positions[k].th, positions[k].en);
		}
		fprintf(f, "    group: %s\n", groups[p->group].id);
		if (p->district >= 0) fprintf(f, "    district: %s\n", districts[p->district].id);
		if (i <= 5) fputs("    executive: true\n", f);
		fprintf(f, "    phone: \"0 4281 %04d\"\n", 1700 + i);
	}
	done(f);
}

static void write_body(FILE *f, const char *programme)
{
	/* about 1 KB: a paragraph, objectives, a bullet list */
	size_t b = (size_t)rnd(), o = (size_t)rnd(), a = (size_t)rnd();
	fprintf(f, "## หลักการและเหตุผล\n\n%s โครงการ%sจัดทำขึ้นเพื่อตอบสนองความต้องการของชุมชน\n\n## วัตถุประสงค์\n\n",
		body_sentences[b % N_ELEMS(body_sentences)], programme);
	for (size_t i = 0; i < 2; i++) fprintf(f, "%zu. %s\n", i + 1, objectives[(o + i) % N_ELEMS(objectives)]);
	fputs("\n## วิธีดำเนินการ\n\n", f);
	for (size_t i = 0; i < 2; i++) fprintf(f, "- %s\n", narratives[(a + i) % N_ELEMS(narratives)]);
	fprintf(f, "\n**%s**\n", body_sentences[(b + 1) % N_ELEMS(body_sentences)]);
}

static void write_project(int fy, int idx, int width, int reports, long today)
{
	char id[32];
	snprintf(id, sizeof id, "%d-%0*d", fy, width, idx);
	long fs = fy_start(fy), fe = fy_end(fy);
	long start = fs + range(0, 45), end = fe - range(0, 75);
	if (fy >= 2570 && start > today - 40) start = fs + range(0, 10); /* leave room for reports */
	const struct person *owner = &people[range(6, N_PEOPLE - 1)];
	int prog = (int)(rnd() % N_ELEMS(programmes)), verb = (int)(rnd() % N_ELEMS(title_verbs));
	int64_t allocated = (int64_t)range(200, 50000) * 100 * 100; /* 20,000 .. 5,000,000 baht */
	if (rnd() % 5 == 0) allocated += range(1, 99);              /* some satang */
	int category_capital = rnd() % 4 == 0;
	int n_kpi = (int)range(1, 3), kpi[3];
	long target[3];
	kpi[0] = (int)(rnd() % N_ELEMS(kpi_defs));
	for (int k = 1; k < n_kpi; k++) kpi[k] = (kpi[k - 1] + 1 + (int)(rnd() % 2)) % (int)N_ELEMS(kpi_defs);
	if (n_kpi == 3 && kpi[2] == kpi[0]) n_kpi = 2;
	for (int k = 0; k < n_kpi; k++) target[k] = range(kpi_defs[kpi[k]].lo, kpi_defs[kpi[k]].hi);
	long status_roll = range(0, 199);

	FILE *f = create("projects/%d/%s.md", fy, id);
	fprintf(f, "---\nid: %s\ntitle: %s%s อำเภอ%s ปีงบประมาณ %d\n", id, title_verbs[verb], programmes[prog],
		districts[owner->district >= 0 ? owner->district : idx % 14].th, fy);
	if (idx % 3 == 0) fprintf(f, "title_en: %s community projects no. %d, FY%d\n", title_en_verbs[verb], idx, fy);
	fprintf(f, "fiscal_year: %d\ngroup: %s\nowner: %s\n", fy, groups[owner->group].id, owner->id);
	int n_team = (int)range(0, 3);
	if (n_team) {
		fputs("team: [", f);
		int first = (int)range(6, N_PEOPLE - 1);
		for (int t = 0, w = 0; t < n_team; t++) {
			const struct person *m = &people[(first + t * 7) % N_PEOPLE];
			if (m == owner) continue;
			fprintf(f, "%s%s", w++ ? ", " : "", m->id);
		}
		fputs("]\n", f);
	}
	fputs("districts: [", f);
	int d0 = owner->district >= 0 ? owner->district : (int)(rnd() % N_ELEMS(districts));
	int n_d = rnd() % 10 == 0 ? (int)N_ELEMS(districts) : (int)range(1, 3);
	for (int k = 0; k < n_d; k++) fprintf(f, "%s%s", k ? ", " : "", districts[(d0 + k) % N_ELEMS(districts)].id);
	fprintf(f, "]\ndimension: %s\n", dimensions[rnd() % N_ELEMS(dimensions)].id);
	if (rnd() % 2) fprintf(f, "strategy: ยุทธศาสตร์ที่ %d ของแผนพัฒนาจังหวัดเลย\n", (int)range(1, 4));
	char s[11], e[11];
	iso(start, s);
	iso(end, e);
	fprintf(f, "period: {start: %s, end: %s}\nbudget:\n  allocated: ", s, e);
	money(f, allocated, rnd() % 4 == 0);
	fprintf(f, "\n  source: %s\n  category: %s\n", PICK(sources), category_capital ? "capital" : "recurrent");

	/* plan: one entry per month of the period, cumulative, 100% at the end */
	int sy, sm, sd, ey, em, ed;
	civil_from_days(start, &sy, &sm, &sd);
	civil_from_days(end, &ey, &em, &ed);
	int months = (ey - sy) * 12 + (em - sm) + 1;
	fputs("plan:\n", f);
	for (int k = 1; k <= months; k++) {
		int y = sy + (sm - 1 + k - 1) / 12, m = (sm - 1 + k - 1) % 12 + 1;
		int pct = k * 10000 / months;
		int64_t dis = k == months ? allocated : allocated * k / months / 100 * 100;
		fprintf(f, "  - {month: %04d-%02d, percent: ", y, m);
		percent(f, pct / 100 * 100);
		fputs(", disbursed: ", f);
		money(f, dis, 0);
		fputs("}\n", f);
	}
	fputs("kpis:\n", f);
	for (int k = 0; k < n_kpi; k++)
		fprintf(f, "  - {id: %s, name: %s, unit: %s, target: %ld}\n", kpi_defs[kpi[k]].id, kpi_defs[kpi[k]].th,
			kpi_defs[kpi[k]].unit, target[k]);
	if (rnd() % 4 == 0) fprintf(f, "weight: %d\n", (int)range(1, 5));
	if (status_roll == 0) fputs("status: cancelled\nstatus_reason: ยกเลิกตามมติคณะกรรมการเนื่องจากได้รับการจัดสรรงบประมาณไม่เพียงพอ\n", f);
	else if (status_roll == 1) fputs("status: suspended\nstatus_reason: ชะลอการดำเนินงานเพื่อรอผลการพิจารณาปรับแผน\n", f);
	fputs("---\n", f);
	write_body(f, programmes[prog]);
	done(f);

	/* progress reports: distinct dates in [start, min(end, today)], ascending */
	long last = end < today ? end : today;
	long span = last - start + 1;
	if (span <= 0 || reports <= 0) return;
	if (reports > span) reports = (int)span;
	char dir[256];
	snprintf(dir, sizeof dir, "%s/progress/%d/%s", root, fy, id);
	mkdir_p(dir);
	/* evenly spaced slots with jitter: distinct and ascending */
	double pace = 0.55 + (double)(rnd() % 60) / 100.0; /* 0.55 .. 1.14 of plan */
	double spend = 0.5 + (double)(rnd() % 55) / 100.0;
	int prev_pct = 0;
	int64_t prev_dis = 0;
	long prev_kpi[3] = {0, 0, 0};
	long prev_day = start - 1;
	for (int r = 0; r < reports; r++) {
		long lo = start + span * r / reports, hi = start + span * (r + 1) / reports - 1;
		if (lo <= prev_day) lo = prev_day + 1;
		if (hi < lo) hi = lo;
		long day = range(lo, hi);
		prev_day = day;
		double elapsed = (double)(day - start + 1) / (double)(end - start + 1);
		int pct = (int)(elapsed * pace * 10000.0);
		if (rnd() % 3) pct = pct / 100 * 100; /* mostly whole percents */
		if (pct > 10000) pct = 10000;
		if (pct < prev_pct) pct = prev_pct;
		int64_t dis = (int64_t)((double)allocated * elapsed * spend);
		if (rnd() % 2) dis = dis / 100 * 100;
		if (dis > allocated) dis = allocated;
		if (dis < prev_dis) dis = prev_dis;
		prev_pct = pct;
		prev_dis = dis;

		char date[11];
		iso(day, date);
		FILE *g = create("progress/%d/%s/%s.yaml", fy, id, date);
		const struct person *rep = rnd() % 4 ? owner : &people[range(6, N_PEOPLE - 1)];
		fprintf(g, "date: %s\nreporter: %s\npercent: ", date, rep->id);
		percent(g, pct);
		fputs("\ndisbursed: ", g);
		money(g, dis, rnd() % 8 == 0);
		fputs("\nkpis: {", g);
		for (int k = 0; k < n_kpi; k++) {
			long v = target[k] * pct / 10000;
			if (v < prev_kpi[k]) v = prev_kpi[k];
			prev_kpi[k] = v;
			fprintf(g, "%s%s: %ld", k ? ", " : "", kpi_defs[kpi[k]].id, v);
		}
		fprintf(g, "}\nnarrative: %s %s\n", PICK(narratives), PICK(narratives));
		if (rnd() % 4 == 0) fprintf(g, "problems: %s\n", PICK(problems));
		done(g);
	}
}

static void write_news(int n, long today)
{
	long first = fy_start(2569);
	for (int i = 0; i < n; i++) {
		long day = first + (today - first) * (i + 1) / n;
		char date[11];
		iso(day, date);
		FILE *f = create("news/%s-news-%05d.md", date, i + 1);
		fprintf(f, "---\ntitle: %s อำเภอ%s\ndate: %s\nsummary: %s\n---\n\n%s %s\n\n%s\n", PICK(programmes),
			districts[i % N_ELEMS(districts)].th, date, PICK(narratives), PICK(body_sentences),
			PICK(body_sentences), PICK(body_sentences));
		done(f);
	}
}

static void write_pages(void)
{
	static const struct { const char *slug, *th, *en; int menu; } pages[] = {
		{"about", "เกี่ยวกับหน่วยงาน", "About us", 1}, {"structure", "โครงสร้างหน่วยงาน", "Structure", 2},
		{"executives", "ผู้บริหาร", "Executives", 3}, {"contact", "ติดต่อเรา", "Contact", 6},
		{"laws", "กฎหมายที่เกี่ยวข้อง", "Laws", 4}, {"manuals", "คู่มือการปฏิบัติงาน", "Manuals", 5},
	};
	for (size_t i = 0; i < N_ELEMS(pages); i++) {
		FILE *f = create("pages/%s.md", pages[i].slug);
		fprintf(f, "---\ntitle: %s\ntitle_en: %s\nmenu: %d\n---\n\n%s %s\n", pages[i].th, pages[i].en, pages[i].menu,
			PICK(body_sentences), PICK(body_sentences));
		done(f);
	}
}

static long parse_count(const char *s, const char *what, long max)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < 0 || v > max) die("%s must be a number 0..%ld, not '%s'", what, max, s);
	return v;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 5 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fprintf(argc < 2 || argc > 5 ? stderr : stdout,
			"usage: synth DIR [PROJECTS [REPORTS_PER_PROJECT [TODAY]]]\n"
			"  writes a synthetic office (docs/content-format.md) into DIR;\n"
			"  defaults 10000 projects, 10 reports each, TODAY 2026-11-24\n");
		return argc < 2 || argc > 5 ? 2 : 0;
	}
	root = argv[1];
	long projects = argc > 2 ? parse_count(argv[2], "PROJECTS", 1000000) : 10000;
	int reports = argc > 3 ? (int)parse_count(argv[3], "REPORTS_PER_PROJECT", 300) : 10;
	int ty = 2026, tm = 11, td = 24;
	if (argc > 4 && (sscanf(argv[4], "%4d-%2d-%2d", &ty, &tm, &td) != 3 || ty < 2026 || tm < 1 || tm > 12 || td < 1 || td > 31))
		die("TODAY must be YYYY-MM-DD, 2026 or later (FY2570 has begun)");
	long today = days_from_civil(ty, tm, td);

	mkdir_p(root);
	static const char *dirs[] = {"projects/2569", "projects/2570", "progress/2569", "progress/2570", "news", "pages"};
	for (size_t i = 0; i < N_ELEMS(dirs); i++) {
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
		mkdir_p(p);
	}
	write_site();
	write_people();
	write_pages();
	long per_fy[2] = {(projects + 1) / 2, projects / 2};
	for (int k = 0; k < 2; k++) {
		int width = 3;
		for (long n = per_fy[k]; n > 999; n /= 10) width++;
		for (long i = 1; i <= per_fy[k]; i++) write_project(2569 + k, (int)i, width, reports, today);
	}
	write_news((int)(projects / 50 > 0 ? projects / 50 : 1), today);
	printf("synth: %ld projects, %ld files in %s\n", projects, n_files, root);
	return 0;
}
