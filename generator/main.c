/* main.c: the prongsai command line. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "model/dates.h"
#include "jobs/backup.h"
#include "desk/inbox.h"
#include "desk/newcmd.h"
#include "jobs/notify.h"
#include "version.h"

static void usage(FILE *f)
{
	fputs("prongsai " PRONGSAI_VERSION ": เว็บไซต์ความโปร่งใส / a transparency site generator\n"
		"\n"
		"ใช้ / usage:\n"
		"  prongsai check [-C CONTENT] [--lang th|en] [--today YYYY-MM-DD]\n"
		"      ตรวจเนื้อหา รายงานทุกปัญหาเป็น path:line:col / validate content\n"
		"  prongsai build [-C CONTENT] [-o OUT] [--theme DIR] [--db FILE]\n"
		"                 [--public-key B64] [--today YYYY-MM-DD] [-j JOBS] [-q] [--lang th|en]\n"
		"      สร้างเว็บไซต์ / render the site (OUT is replaced atomically, or left as it was)\n"
		"  prongsai new project|report|news ...\n"
		"      สร้างไฟล์สำหรับกรอก / write a fill-in file\n"
		"  prongsai inbox keygen|list|show|export|purge ...\n"
		"      กล่องเรื่องร้องเรียนของเจ้าหน้าที่ / the complaint officer's inbox\n"
		"  prongsai notify --db FILE [--config FILE]\n"
		"      แจ้งเจ้าหน้าที่เมื่อมีเรื่องใหม่ (อีเมล, webhook, LINE, Telegram) / notify staff of new submissions\n"
		"  prongsai backup --db FILE --dir DIR [--keep N] [-q]\n"
		"      สำรองฐานข้อมูลขณะใช้งาน / online backup of the database, with rotation\n"
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
		fputs("usage: prongsai build [-C CONTENT] [-o OUT] [--theme DIR] [--db FILE]\n"
			"                      [--public-key B64] [--today YYYY-MM-DD] [-j JOBS] [-q] [--lang th|en]\n"
			"  ตรวจเนื้อหาแล้วสร้างเว็บไซต์ใน OUT; ถ้าพบข้อผิดพลาด OUT จะไม่ถูกแตะต้อง\n"
			"  Runs the checks, then renders the site beside OUT and swaps it in at once.\n"
			"  --db FILE        create/migrate the collector's database and install the forms\n"
			"  --public-key B64 the complaint officer's public key (overrides site.yaml)\n"
			"  --today DATE     the as-of date for every figure (default: today, Asia/Bangkok)\n"
			"  -j JOBS          threads (default: CPU count)\n"
			"  -q               no progress output\n", f);
}

/* Today in Thailand (UTC+7, no daylight saving). */
static pdate today_bangkok(void)
{
	time_t now = time(NULL);

	return (pdate)((now + DATE_BANGKOK_OFFSET_S) / 86400);
}

static int parse_common(int argc, char **argv, struct build_opts *o, int build)
{
	int i, be;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cmd_usage(argv[0], stdout);
			exit(0);
		} else if (strcmp(a, "-q") == 0 && build) {
			o->quiet = 1;
			continue;
		}
		if (!next) {
			fprintf(stderr, "prongsai: ไม่รู้จักหรือขาดค่า / unknown option or missing value: %s\n", a);
			cmd_usage(argv[0], stderr);
			return -1;
		}
		if (strcmp(a, "-C") == 0)
			o->content = next;
		else if (strcmp(a, "--lang") == 0) {
			if (strcmp(next, "en") == 0)
				o->lang = LANG_EN;
			else if (strcmp(next, "th") == 0)
				o->lang = LANG_TH;
			else {
				fprintf(stderr, "prongsai: --lang th|en\n");
				return -1;
			}
		} else if (strcmp(a, "--today") == 0) {
			if (date_parse(next, &o->today, &be) != DATE_OK) {
				fprintf(stderr, "prongsai: --today: วันที่ไม่ถูกต้อง / bad date: %s\n", next);
				return -1;
			}
		} else if (build && strcmp(a, "-o") == 0)
			o->out = next;
		else if (build && strcmp(a, "--theme") == 0)
			o->theme = next;
		else if (build && strcmp(a, "--db") == 0)
			o->db = next;
		else if (build && strcmp(a, "--public-key") == 0)
			o->public_key = next;
		else if (build && strcmp(a, "-j") == 0) {
			char *end;
			long j = strtol(next, &end, 10);
			if (*end || j < 1 || j > 16) {
				fprintf(stderr, "prongsai: -j 1..16\n");
				return -1;
			}
			o->jobs = (int)j;
		} else {
			fprintf(stderr, "prongsai: ไม่รู้จักตัวเลือก / unknown option: %s\n", a);
			cmd_usage(argv[0], stderr);
			return -1;
		}
		i++;
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
	o.today = today_bangkok();
	if (env_today && env_today[0] && date_parse(env_today, &o.today, &be) != DATE_OK) {
		fprintf(stderr, "prongsai: PRONGSAI_TODAY: bad date %s\n", env_today);
		return 2;
	}
	o.jobs = ncpu < 1 ? 1 : ncpu > 16 ? 16 : (int)ncpu;
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
		int build = strcmp(cmd, "build") == 0;
		if (parse_common(argc - 1, argv + 1, &o, build) != 0)
			return 2;
		o.check_only = !build;
		if (!build)
			o.quiet = 1;
		return build_run(&o);
	}
	if (strcmp(cmd, "new") == 0) {
		int i;
		for (i = 2; i < argc - 1; i++)
			if (strcmp(argv[i], "-C") == 0)
				o.content = argv[i + 1];
		return new_main(argc - 1, argv + 1, o.content, o.today);
	}
	if (strcmp(cmd, "inbox") == 0)
		return inbox_main(argc - 1, argv + 1);
	if (strcmp(cmd, "notify") == 0)
		return notify_main(argc - 1, argv + 1);
	if (strcmp(cmd, "backup") == 0)
		return backup_main(argc - 1, argv + 1);
	fprintf(stderr, "prongsai: ไม่รู้จักคำสั่ง / unknown command: %s\n", cmd);
	usage(stderr);
	return 2;
}
