/* newcmd.c: fill-in templates for staff. */
#define _DEFAULT_SOURCE
#include "desk/newcmd.h"
#include "fdio.h"
#include "publish/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/ycheck.h"

static void new_usage(FILE *f)
{
	fputs("ใช้ / usage:\n"
		"  prongsai new project --fy 2569 [--id 2569-031]   โครงการใหม่ / a new project\n"
		"  prongsai new report PROJECT-ID [--date YYYY-MM-DD]  รายงานความก้าวหน้า / a progress report\n"
		"  prongsai new news SLUG [--date YYYY-MM-DD]        ข่าว / a news item\n"
		"Options: -C DIR (content folder, default content)\n", f);
}

/* Create path exclusively with text; print it.  Returns the exit status. */
static int write_new(const char *path, const char *text)
{
	int fd;
	size_t len = strlen(text);
	char dir[PATH_MAX], err[PATH_MAX + 256];

	if (fs_parent(path, dir, sizeof dir, err, sizeof err) != 0 ||
	    fs_mkdirs(dir, 0755, NULL, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		return 1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		if (errno == EEXIST)
			fprintf(stderr, "prongsai: มีไฟล์ %s อยู่แล้ว (ไม่เขียนทับ) / %s exists (not overwritten)\n",
				path, path);
		else
			fprintf(stderr, "prongsai: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (fd_write_all(fd, text, len) != 0 || close(fd) != 0) {
		fprintf(stderr, "prongsai: %s: %s\n", path, strerror(errno));
		unlink(path);
		return 1;
	}
	printf("%s\n", path);
	return 0;
}

static const char *opt_value(int argc, char **argv, const char *name)
{
	int i;

	for (i = 1; i < argc - 1; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return NULL;
}

/* The first free id FY-NNN in content/projects/FY/. */
static void next_project_id(const char *content, int fy, char *out, size_t outlen)
{
	char path[PATH_MAX];
	struct stat st;
	int n;

	for (n = 1; n < 1000; n++) {
		snprintf(out, outlen, "%d-%03d", fy, n);
		snprintf(path, sizeof(path), "%s/projects/%d/%s.md", content, fy, out);
		if (stat(path, &st) != 0)
			return;
	}
}

/* The fiscal year folder holding project id, or 0. */
static int project_fy(const char *content, const char *id)
{
	char path[PATH_MAX];
	struct stat st;
	int fy;

	for (fy = 2500; fy <= 2700; fy++) {
		snprintf(path, sizeof(path), "%s/projects/%d/%s.md", content, fy, id);
		if (stat(path, &st) == 0)
			return fy;
	}
	return 0;
}

int new_main(int argc, char **argv, const char *content, pdate today)
{
	char path[PATH_MAX], text[4096], iso[11], start[11], end[11], id[32];
	const char *what = argc > 1 ? argv[1] : NULL, *v;
	pdate date = today;
	int be, fy;

	if (!what || strcmp(what, "--help") == 0 || strcmp(what, "-h") == 0) {
		new_usage(what ? stdout : stderr);
		return what ? 0 : 2;
	}
	if ((v = opt_value(argc, argv, "--date")) && date_parse(v, &date, &be) != DATE_OK) {
		fprintf(stderr, "prongsai: วันที่ไม่ถูกต้อง / bad date: %s (YYYY-MM-DD)\n", v);
		return 2;
	}
	date_iso(date, iso);
	if (strcmp(what, "project") == 0) {
		fy = (v = opt_value(argc, argv, "--fy")) ? atoi(v) : date_fiscal_year(today);
		if (fy < 2500 || fy > 2700) {
			fprintf(stderr, "prongsai: --fy ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569 / --fy takes a BE fiscal year\n");
			return 2;
		}
		if ((v = opt_value(argc, argv, "--id"))) {
			if (!id_is_safe(v)) {
				fprintf(stderr, "prongsai: id ใช้ได้เฉพาะ a-z 0-9 - / ids use only a-z 0-9 -\n");
				return 2;
			}
			snprintf(id, sizeof(id), "%s", v);
		} else {
			next_project_id(content, fy, id, sizeof(id));
		}
		date_iso(fiscal_year_start(fy), start);
		date_iso(fiscal_year_end(fy), end);
		snprintf(text, sizeof(text),
			"---\n"
			"id: %s\n"
			"title: ชื่อโครงการ\n"
			"title_en: Project title (optional)\n"
			"fiscal_year: %d\n"
			"group: กรอกรหัสกลุ่มงานจาก site.yaml\n"
			"owner: กรอกรหัสผู้รับผิดชอบจาก people.yaml\n"
			"team: []\n"
			"districts: [mueang-loei]\n"
			"period: {start: %s, end: %s}\n"
			"budget:\n"
			"  allocated: 0.00          # งบประมาณที่ได้รับ (บาท)\n"
			"  source: งบประมาณกรมการพัฒนาชุมชน\n"
			"  category: recurrent      # recurrent (ประจำ) หรือ capital (ลงทุน)\n"
			"plan:                      # แผนสะสมรายเดือน (ลบได้ถ้าไม่มี)\n"
			"  - {month: %.7s, percent: 100, disbursed: 0.00}\n"
			"kpis:\n"
			"  - {id: kpi-1, name: ชื่อตัวชี้วัด, unit: หน่วยนับ, target: 1}\n"
			"---\n"
			"## วัตถุประสงค์\n\n- \n\n## วิธีดำเนินการ\n\n- \n\n## กลุ่มเป้าหมาย\n\n- \n",
			id, fy, start, end, end);
		snprintf(path, sizeof(path), "%s/projects/%d/%s.md", content, fy, id);
		return write_new(path, text);
	}
	if (strcmp(what, "report") == 0) {
		if (argc < 3 || argv[2][0] == '-' || !id_is_safe(argv[2])) {
			new_usage(stderr);
			return 2;
		}
		if (!(fy = project_fy(content, argv[2]))) {
			fprintf(stderr, "prongsai: ไม่พบโครงการ %s ใน %s/projects/ / no project %s\n",
				argv[2], content, argv[2]);
			return 1;
		}
		snprintf(text, sizeof(text),
			"date: %s\n"
			"reporter: กรอกรหัสผู้รายงานจาก people.yaml\n"
			"percent: 0            # ความก้าวหน้าสะสม 0-100\n"
			"disbursed: 0.00       # เบิกจ่ายสะสม (บาท)\n"
			"kpis: {}              # ผลตามตัวชี้วัด เช่น {kpi-1: 3}\n"
			"narrative: |\n"
			"  ผลการดำเนินงาน\n"
			"problems: |\n"
			"  ปัญหาอุปสรรค (ถ้าไม่มี ลบสองบรรทัดนี้)\n", iso);
		snprintf(path, sizeof(path), "%s/progress/%d/%s/%s.yaml", content, fy, argv[2], iso);
		return write_new(path, text);
	}
	if (strcmp(what, "news") == 0) {
		if (argc < 3 || argv[2][0] == '-' || !id_is_safe(argv[2])) {
			new_usage(stderr);
			return 2;
		}
		snprintf(text, sizeof(text),
			"---\n"
			"title: หัวข้อข่าว\n"
			"date: %s\n"
			"summary: สรุปสั้น ๆ หนึ่งประโยค\n"
			"---\n"
			"เนื้อหาข่าว\n", iso);
		snprintf(path, sizeof(path), "%s/news/%s-%s.md", content, iso, argv[2]);
		return write_new(path, text);
	}
	new_usage(stderr);
	return 2;
}
