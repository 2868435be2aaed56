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

#include "cli.h"
#include "load/ycheck.h"

static void new_usage(FILE *f)
{
	fputs("ใช้ / usage:\n"
		"  prongsai new project --fy 2569 [--id 2569-031]   โครงการใหม่ / a new project\n"
		"  prongsai new report PROJECT-ID [--date YYYY-MM-DD]  รายงานความก้าวหน้า / a progress report\n"
		"  prongsai new news SLUG [--date YYYY-MM-DD]        ข่าว / a news item\n"
		"Options: -C DIR (content folder, default content), --help\n"
		"exit status: 0 ok, 1 failure, 2 usage error\n", f);
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

enum { OPT_FY = 256, OPT_ID, OPT_DATE };

int new_main(int argc, char **argv, const char *content, pdate today)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, OPT_FY },
		{ "id", required_argument, NULL, OPT_ID },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char path[PATH_MAX], text[4096], iso[11], start[11], end[11], id[32];
	const char *what, *arg, *fy_arg = NULL, *id_arg = NULL;
	pdate date = today;
	long fyl;
	int be, fy, c;

	cli_start();
	while ((c = cli_next("new", argc, argv, "C:h", longopts)) != -1) {
		switch (c) {
		case 'h':
			new_usage(stdout);
			return 0;
		case 'C':
			content = optarg;
			break;
		case OPT_FY:
			fy_arg = optarg;
			break;
		case OPT_ID:
			id_arg = optarg;
			break;
		case OPT_DATE:
			if (date_parse(optarg, &date, &be) != DATE_OK) {
				fprintf(stderr, "prongsai: วันที่ไม่ถูกต้อง / bad date: %s (YYYY-MM-DD)\n", optarg);
				return 2;
			}
			break;
		default:
			new_usage(stderr);
			return 2;
		}
	}
	/* operands: what [ID|SLUG]; nothing more */
	what = optind < argc ? argv[optind] : NULL;
	arg = optind + 1 < argc ? argv[optind + 1] : NULL;
	if (!what || optind + 2 < argc) {
		if (what)
			cli_usage_error("new", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind + 2]);
		new_usage(stderr);
		return 2;
	}
	if ((fy_arg || id_arg) && strcmp(what, "project") != 0)
		return cli_usage_error("new", "--fy และ --id ใช้กับ project เท่านั้น", "--fy and --id are for project only",
			NULL);
	date_iso(date, iso);
	if (strcmp(what, "project") == 0) {
		if (arg)
			return cli_usage_error("new", "มีอาร์กิวเมนต์เกิน", "unexpected argument", arg);
		fy = date_fiscal_year(today);
		if (fy_arg && cli_long(fy_arg, 2500, 2700, &fyl) == 0)
			fy = (int)fyl;
		else if (fy_arg)
			fy = 0;
		if (fy < 2500 || fy > 2700) {
			fprintf(stderr, "prongsai: --fy ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569 / --fy takes a BE fiscal year\n");
			return 2;
		}
		if (id_arg) {
			if (!id_is_safe(id_arg)) {
				fprintf(stderr, "prongsai: id ใช้ได้เฉพาะ a-z 0-9 - / ids use only a-z 0-9 -\n");
				return 2;
			}
			snprintf(id, sizeof(id), "%s", id_arg);
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
		if (!arg || !id_is_safe(arg)) {
			new_usage(stderr);
			return 2;
		}
		if (!(fy = project_fy(content, arg))) {
			fprintf(stderr, "prongsai: ไม่พบโครงการ %s ใน %s/projects/ / no project %s\n",
				arg, content, arg);
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
		snprintf(path, sizeof(path), "%s/progress/%d/%s/%s.yaml", content, fy, arg, iso);
		return write_new(path, text);
	}
	if (strcmp(what, "news") == 0) {
		if (!arg || !id_is_safe(arg)) {
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
		snprintf(path, sizeof(path), "%s/news/%s-%s.md", content, iso, arg);
		return write_new(path, text);
	}
	new_usage(stderr);
	return 2;
}
