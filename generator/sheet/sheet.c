/* sheet.c: `prongsai sheet export|import`: the command line (see sheet.h). */
#include "sheet/sheet.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "check/check.h"
#include "load/load.h"
#include "model/model.h"
#include "model/schema.h"
#include "sheet/export.h"
#include "sheet/import.h"

static void usage(FILE *f)
{
	fputs("usage: prongsai sheet export [-C CONTENT] [--fy 2569] [--group ID] [--as PERSON-ID] -o FILE.xlsx\n"
		"       prongsai sheet import FILE.xlsx|FILE.csv [-C CONTENT] [--as PERSON-ID] [--staff-db FILE]\n"
		"                             [--today YYYY-MM-DD] [--lang th|en] [-q]\n"
		"  export: ตารางความก้าวหน้าหนึ่งแถวต่อโครงการ ช่องเดิมล็อกไว้ ช่องสีเหลืองให้กรอก\n"
		"          the progress workbook, one row a project (default --fy: this fiscal year;\n"
		"          --as: only the projects that person may update, by roles in people.yaml)\n"
		"  import: ตรวจทุกแถวด้วยกฎเดียวกับ prongsai check แจ้งทุกปัญหาเป็น แถว/คอลัมน์ ถ้าไม่มีปัญหา\n"
		"          และระบุ --as จะเข้าคิวเป็นหนึ่ง commit ของผู้นำเข้า (prongsai import commit ให้)\n"
		"          checks every row as `prongsai check` does and lists every problem by row and\n"
		"          column; when clean, with --as, queues all reports as one commit by that person.\n"
		"          Without --as it only checks.  .xlsx, or .csv in UTF-8 or Windows-874.\n"
		"  --staff-db FILE  the staff database (default: $PRONGSAI_STAFF_DB, else staff.db beside $PRONGSAI_DB)\n"
		"Exit status: 0 ok, 1 problems (nothing written), 2 usage error.\n", f);
}

enum { OPT_FY = 256, OPT_GROUP, OPT_AS, OPT_STAFF_DB, OPT_TODAY, OPT_LANG };

static int export_cmd(int argc, char **argv, const char *content, pdate today)
{
	static const struct option lo[] = {
		{ "fy", required_argument, NULL, OPT_FY },
		{ "group", required_argument, NULL, OPT_GROUP },
		{ "as", required_argument, NULL, OPT_AS },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_opts o = { 0, NULL, NULL, NULL };
	const char *as = NULL;
	struct diags d;
	struct model m;
	char err[1024];
	long v;
	int c, rc = 1, be;

	cli_start();
	while ((c = cli_next("sheet export", argc, argv, "C:o:h", lo)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return 0;
		case 'C': content = optarg; break;
		case 'o': o.out = optarg; break;
		case OPT_GROUP: o.group = optarg; break;
		case OPT_AS: as = optarg; break;
		case OPT_FY:
			if (cli_long(optarg, YEAR_BE_MIN, YEAR_BE_MAX, &v) != 0)
				return cli_usage_error("sheet export", "--fy ต้องเป็นปี พ.ศ.", "--fy takes a BE year", optarg);
			o.fy = (int)v;
			break;
		case OPT_TODAY:
			if (date_parse(optarg, &today, &be) != DATE_OK)
				return cli_usage_error("sheet export", "--today: วันที่ไม่ถูกต้อง", "--today: bad date", optarg);
			break;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc)
		return cli_usage_error("sheet export", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	if (!o.out)
		return cli_usage_error("sheet export", "ต้องระบุ -o FILE.xlsx", "-o FILE.xlsx is required", NULL);
	if (!o.fy)
		o.fy = date_fiscal_year(today);
	diags_init(&d, LANG_TH);
	model_init(&m);
	m.today = today;
	load_content(&m, content, 1, &d);
	check_model(&m, &d);
	if (d.errors) {
		diags_print(&d, stderr, "");
		fputs("prongsai: เนื้อหามีข้อผิดพลาด ไม่ได้สร้างตาราง / the content has errors; no sheet written\n", stderr);
	} else if (as && !(o.as = model_person(&m, as)))
		rc = cli_usage_error("sheet export", "ไม่มีบุคคลนี้ใน people.yaml", "no such person in people.yaml", as);
	else if (o.group && !model_group(&m, o.group))
		rc = cli_usage_error("sheet export", "ไม่มีกลุ่มงานนี้ใน site.yaml", "no such group in site.yaml", o.group);
	else if ((v = sheet_export(&m, &o, err, sizeof(err))) < 0)
		fprintf(stderr, "prongsai: %s\n", err);
	else {
		fprintf(stderr, "prongsai: %ld โครงการ / projects -> %s\n", v, o.out);
		rc = 0;
	}
	model_free(&m);
	diags_free(&d);
	return rc;
}

static int import_cmd(int argc, char **argv, const char *content, pdate today)
{
	static const struct option lo[] = {
		{ "as", required_argument, NULL, OPT_AS },
		{ "staff-db", required_argument, NULL, OPT_STAFF_DB },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_opts o;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int c, be;

	memset(&o, 0, sizeof(o));
	o.content = content;
	o.today = today;
	o.jobs = ncpu < 1 ? 1 : ncpu > MODEL_MAX_JOBS ? MODEL_MAX_JOBS : (int)ncpu;
	cli_start();
	while ((c = cli_next("sheet import", argc, argv, "C:qh", lo)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return 0;
		case 'C': o.content = optarg; break;
		case 'q': o.quiet = 1; break;
		case OPT_AS: o.as = optarg; break;
		case OPT_STAFF_DB: o.staff_db = optarg; break;
		case OPT_TODAY:
			if (date_parse(optarg, &o.today, &be) != DATE_OK)
				return cli_usage_error("sheet import", "--today: วันที่ไม่ถูกต้อง", "--today: bad date", optarg);
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") == 0)
				o.lang = LANG_EN;
			else if (strcmp(optarg, "th") != 0)
				return cli_usage_error("sheet import", "--lang ต้องเป็น th หรือ en", "--lang takes th or en", optarg);
			break;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind != 1) {
		usage(stderr);
		return cli_usage_error("sheet import", "ต้องระบุไฟล์หนึ่งไฟล์", "one FILE is required",
			optind < argc ? argv[optind] : NULL);
	}
	o.file = argv[optind];
	return sheet_import(&o);
}

int sheet_main(int argc, char **argv, const char *content, pdate today)
{
	if (argc >= 2 && strcmp(argv[1], "export") == 0)
		return export_cmd(argc - 1, argv + 1, content, today);
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return import_cmd(argc - 1, argv + 1, content, today);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return 0;
	}
	usage(stderr);
	return 2;
}
