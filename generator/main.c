/* main.c: the prongsai command line. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cli.h"
#include "model/model.h"
#include "model/dates.h"
#include "jobs/backup.h"
#include "desk/inbox.h"
#include "desk/import.h"
#include "desk/closecmd.h"
#include "desk/newcmd.h"
#include "sheet/sheet.h"
#include "desk/staff.h"
#include "jobs/notify.h"
#include "deploy/deploy.h"
#include "version.h"

static void usage(FILE *f)
{
	fputs("prongsai " PRONGSAI_VERSION ": เว็บไซต์ความโปร่งใส / a transparency site generator\n"
		"\n"
		"ใช้ / usage:\n"
		"  prongsai check [-C CONTENT] [--lang th|en] [--today YYYY-MM-DD]\n"
		"      ตรวจเนื้อหา รายงานทุกปัญหาเป็น path:line:col / validate content\n"
		"  prongsai build [-C CONTENT] [-o OUT] [--theme DIR] [--db FILE] [--staff-db FILE]\n"
		"                 [--public-key B64] [--origin URL]... [--today YYYY-MM-DD] [-j JOBS] [-q]\n"
		"                 [--lang th|en] [--no-history] [--history-cache FILE]\n"
		"                 [--manual DIR [--manual-media DIR]]\n"
		"      สร้างเว็บไซต์ / render the site (OUT is replaced atomically, or left as it was)\n"
		"  prongsai new project|report|news ...\n"
		"      สร้างไฟล์สำหรับกรอก / write a fill-in file\n"
		"  prongsai report close FY half-year|annual [-C CONTENT]\n"
		"      ปิดรายงานที่ลงนามแล้ว (บันทึกใน git) / record in git that a report was closed\n"
		"  prongsai inbox keygen|list|show|export|purge ...\n"
		"      กล่องเรื่องร้องเรียนของเจ้าหน้าที่ / the complaint officer's inbox\n"
		"  prongsai staff add|passwd|disable|list ...\n"
		"      บัญชีเจ้าหน้าที่สำหรับส่วนเจ้าหน้าที่ (staff/) / staff accounts for the staff area\n"
		"  prongsai notify --db FILE [--config FILE]\n"
		"      แจ้งเจ้าหน้าที่เมื่อมีเรื่องใหม่ (อีเมล, webhook, LINE, Telegram) / notify staff of new submissions\n"
		"  prongsai import [-C CONTENT] [--staff-db FILE] [--db FILE] [-o OUT] [--once|--follow]\n"
		"      นำรายงานจากแบบฟอร์มเจ้าหน้าที่เข้า git หลังตรวจ / commit the staff area's queue after the full check\n"
		"  prongsai backup --db FILE --dir DIR [--keep N] [-q]\n"
		"      สำรองฐานข้อมูลขณะใช้งาน / online backup of the database, with rotation\n"
		"  prongsai sheet export|import ...\n"
		"      ตารางความก้าวหน้า Excel ทุกโครงการในครั้งเดียว / the progress spreadsheet round trip\n"
		"  prongsai deploy [--config FILE] [-o OUT] [--dry-run] [--journal FILE] [-q] [-v]\n"
		"      ส่งเว็บไซต์ขึ้นเครื่องที่ให้บริการ (SFTP, FTPS, WebDAV, S3) เฉพาะที่เปลี่ยน / publish OUT to its host\n"
		"\n"
		"ค่าปริยาย / defaults: -C content, -o public, --theme themes/default,\n"
		"  --today = วันนี้ตามเวลาประเทศไทย / today in Asia/Bangkok, -j = CPU count\n"
		"ผลลัพธ์ / exit status: 0 ok, 1 problems found, 2 usage error\n"
		"See prongsai(1) and docs/.\n", f);
}

static void cmd_usage(const char *cmd, FILE *f)
{
	if (strcmp(cmd, "check") == 0)
		fputs("usage: prongsai check [-C CONTENT] [--lang th|en] [--today YYYY-MM-DD]\n"
			"  ตรวจทุกไฟล์ใน CONTENT และรายงานทุกปัญหา (ไม่ใช่แค่ปัญหาแรก)\n"
			"  Validates every file and reports every problem as path:line:col: error|warning: message.\n"
			"  Exit 0 without errors (warnings allowed), 1 with errors, 2 on usage errors.\n", f);
	else
		fputs("usage: prongsai build [-C CONTENT] [-o OUT] [--theme DIR] [--db FILE] [--staff-db FILE]\n"
			"                      [--public-key B64] [--origin URL]... [--today YYYY-MM-DD] [-j JOBS] [-q]\n"
			"                      [--lang th|en] [--no-history] [--history-cache FILE]\n"
			"                      [--manual DIR [--manual-media DIR]]\n"
			"  ตรวจเนื้อหาแล้วสร้างเว็บไซต์ใน OUT; ถ้าพบข้อผิดพลาด OUT จะไม่ถูกแตะต้อง\n"
			"  Runs the checks, then renders the site beside OUT and swaps it in at once.\n"
			"  --db FILE        create/migrate the collector's database and install the forms\n"
			"  --staff-db FILE  install the projects for the staff area (staff.cgi) into FILE\n"
			"  --public-key B64 the complaint officer's public key (overrides site.yaml)\n"
			"  --origin URL     another origin the collector accepts forms from, besides\n"
			"                   base_url's (a second host name, or http://127.0.0.1:PORT to test);\n"
			"                   repeat for more, up to 7\n"
			"  --today DATE     the as-of date for every figure (default: today, Asia/Bangkok)\n"
			"  -j JOBS          threads (default: CPU count)\n"
			"  -q               no progress output\n"
			"  --no-history     do not read the revision history from git (the pages say so)\n"
			"  --history-cache FILE  where the history read is kept (default: .OUT-history\n"
			"                   beside OUT); a missing or bad cache means a full read\n"
			"  --manual DIR     the user manual (DIR/*.md, e.g. docs/manual) as pages under manual/\n"
			"  --manual-media DIR  its screenshots (DIR/shots/) and PDF (DIR/manual.pdf), as\n"
			"                   `make manual` leaves them in build/manual; without them the\n"
			"                   pages show the text only, and no PDF link\n", f);
}

enum { OPT_LANG = 256, OPT_TODAY, OPT_THEME, OPT_DB, OPT_PUBLIC_KEY, OPT_STAFF_DB, OPT_ORIGIN, OPT_NO_HISTORY,
	OPT_HISTORY_CACHE, OPT_MANUAL, OPT_MANUAL_MEDIA };

/* The options of check (build = 0) and build.  Returns 0, 1 after --help
 * (printed), or 2 on a usage error (reported). */
static int parse_build_opts(int argc, char **argv, struct build_opts *o, int build)
{
	static const struct option check_long[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option build_long[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "theme", required_argument, NULL, OPT_THEME },
		{ "db", required_argument, NULL, OPT_DB },
		{ "staff-db", required_argument, NULL, OPT_STAFF_DB },
		{ "public-key", required_argument, NULL, OPT_PUBLIC_KEY },
		{ "origin", required_argument, NULL, OPT_ORIGIN },
		{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
		{ "history-cache", required_argument, NULL, OPT_HISTORY_CACHE },
		{ "manual", required_argument, NULL, OPT_MANUAL },
		{ "manual-media", required_argument, NULL, OPT_MANUAL_MEDIA },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = argv[0];
	long j;
	int c, be, n_origins = 0;

	cli_start();
	while ((c = cli_next(cmd, argc, argv, build ? "C:o:j:qh" : "C:h", build ? build_long : check_long)) != -1) {
		switch (c) {
		case 'h':
			cmd_usage(cmd, stdout);
			return 1;
		case 'q':
			o->quiet = 1;
			break;
		case 'C':
			o->content = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case OPT_THEME:
			o->theme = optarg;
			break;
		case OPT_DB:
			o->db = optarg;
			break;
		case OPT_STAFF_DB:
			o->staff_db = optarg;
			break;
		case OPT_PUBLIC_KEY:
			o->public_key = optarg;
			break;
		case OPT_ORIGIN: /* base_url's origin takes one place of the list */
			if (++n_origins >= ORIGIN_LIST_MAX ||
				origin_list_add(o->origins, sizeof o->origins, optarg) != 0)
				return cli_usage_error(cmd, "--origin ต้องเป็น URL แบบ http(s)://ชื่อโฮสต์[:พอร์ต] ไม่เกิน 7 รายการ",
					"--origin takes an http(s)://host[:port] URL, at most 7 of them", optarg);
			break;
		case OPT_NO_HISTORY:
			o->no_history = 1;
			break;
		case OPT_HISTORY_CACHE:
			o->history_cache = optarg;
			break;
		case OPT_MANUAL:
			o->manual = optarg;
			break;
		case OPT_MANUAL_MEDIA:
			o->manual_media = optarg;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") == 0)
				o->lang = LANG_EN;
			else if (strcmp(optarg, "th") == 0)
				o->lang = LANG_TH;
			else
				return cli_usage_error(cmd, "--lang ต้องเป็น th หรือ en", "--lang takes th or en", optarg);
			break;
		case OPT_TODAY:
			if (date_parse(optarg, &o->today, &be) != DATE_OK)
				return cli_usage_error(cmd, "--today: วันที่ไม่ถูกต้อง", "--today: bad date", optarg);
			break;
		case 'j':
			if (cli_long(optarg, 1, MODEL_MAX_JOBS, &j) != 0)
				return cli_usage_error(cmd, "-j ต้องเป็น 1..16", "-j takes 1..16", optarg);
			o->jobs = (int)j;
			break;
		default:
			cmd_usage(cmd, stderr);
			return 2;
		}
	}
	if (o->manual_media && !o->manual)
		return cli_usage_error(cmd, "--manual-media ใช้คู่กับ --manual", "--manual-media goes with --manual",
			o->manual_media);
	if (optind < argc) {
		cmd_usage(cmd, stderr);
		return cli_usage_error(cmd, "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct build_opts o;
	const char *cmd = argc > 1 ? argv[1] : NULL;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env_today = getenv("PRONGSAI_TODAY");
	int be;

	memset(&o, 0, sizeof(o));
	o.content = "content";
	o.out = "public";
	o.theme = "themes/default";
	o.today = date_today_bangkok();
	if (env_today && env_today[0] && date_parse(env_today, &o.today, &be) != DATE_OK) {
		fprintf(stderr, "prongsai: PRONGSAI_TODAY: bad date %s\n", env_today);
		return 2;
	}
	o.jobs = ncpu < 1 ? 1 : ncpu > MODEL_MAX_JOBS ? MODEL_MAX_JOBS : (int)ncpu;
	if (!cmd) {
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("prongsai %s\n", PRONGSAI_VERSION);
		return 0;
	}
	if (strcmp(cmd, "check") == 0 || strcmp(cmd, "build") == 0) {
		int build = strcmp(cmd, "build") == 0, rc = parse_build_opts(argc - 1, argv + 1, &o, build);
		if (rc != 0)
			return rc == 1 ? 0 : rc;
		o.check_only = !build;
		if (!build)
			o.quiet = 1;
		return build_run(&o);
	}
	if (strcmp(cmd, "new") == 0)
		return new_main(argc - 1, argv + 1, o.content, o.today);
	if (strcmp(cmd, "report") == 0)
		return report_main(argc - 1, argv + 1, o.content);
	if (strcmp(cmd, "inbox") == 0)
		return inbox_main(argc - 1, argv + 1);
	if (strcmp(cmd, "staff") == 0)
		return staff_main(argc - 1, argv + 1);
	if (strcmp(cmd, "notify") == 0)
		return notify_main(argc - 1, argv + 1);
	if (strcmp(cmd, "import") == 0)
		return import_main(argc - 1, argv + 1);
	if (strcmp(cmd, "backup") == 0)
		return backup_main(argc - 1, argv + 1);
	if (strcmp(cmd, "deploy") == 0)
		return deploy_main(argc - 1, argv + 1);
	if (strcmp(cmd, "sheet") == 0)
		return sheet_main(argc - 1, argv + 1, o.content, o.today);
	fprintf(stderr, "prongsai: ไม่รู้จักคำสั่ง / unknown command: %s\n", cmd);
	usage(stderr);
	return 2;
}
