/* inbox.c: see inbox.h.  The command line, the shared set-up of the
 * subcommands, and `inbox list`. */
#include "desk/inbox.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/complaints.h"
#include "model/diag.h"
#include "desk/inbox_cmd.h"
#include "desk/inbox_key.h"
#include "load/load.h"
#include "load/submissions.h"
#include "cli.h"
#include "utf8.h"

#define COMMON_OPTS                                                                                           \
	"  --db FILE       ฐานข้อมูล / the database (default: $PRONGSAI_DB)\n"                                    \
	"  --key FILE      แฟ้มกุญแจลับ (สิทธิ์ 0600) / the secret key file, mode 0600\n"                         \
	"                  (default: $PRONGSAI_INBOX_KEY); - = standard input: --key - < FILE\n"               \
	"  -C CONTENT      โฟลเดอร์เนื้อหา (สถานะจาก CONTENT/complaints/<CODE>.yaml) / the content folder,\n"    \
	"                  for the statuses in CONTENT/complaints/<CODE>.yaml (default: content)\n"

static const char usage_all[] =
	"usage: prongsai inbox keygen --key FILE\n"
	"       prongsai inbox list [--all] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"       prongsai inbox show CODE [--attachments DIR] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"       prongsai inbox export --csv [-o FILE] [--all] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"       prongsai inbox purge --closed-before DATE [--dry-run] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"       prongsai inbox purge-surveys [--keep-years N] [--today DATE] [--dry-run] [--db FILE]\n"
	"  กล่องเรื่องร้องเรียนของเจ้าหน้าที่ ใช้บนเครื่องที่มีกุญแจลับ / the complaint officer's inbox,\n"
	"  on the machine holding the secret key.  prongsai inbox COMMAND --help for each command.\n"
	"  exit status: 0 ok, 1 failure, 2 usage error\n";

static const char usage_keygen[] =
	"usage: prongsai inbox keygen --key FILE\n"
	"  สร้างคู่กุญแจ เขียนกุญแจลับลง FILE (สิทธิ์ 0600 ไม่เขียนทับ)\n"
	"  และพิมพ์กุญแจสาธารณะ (base64) สำหรับ site.yaml inbox.public_key\n"
	"  make a key pair: the secret key goes to FILE (mode 0600, never\n"
	"  overwritten); the base64 public key is printed, for site.yaml\n"
	"  inbox.public_key or prongsai build --public-key\n";

static const char usage_list[] =
	"usage: prongsai inbox list [--all] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"  เรื่องร้องเรียนที่ยังไม่ตอบ (new) และยังไม่ปิด เรียงจากเก่าไปใหม่ ไม่แสดงข้อมูลส่วนบุคคล\n"
	"  New and open complaints, oldest first, one a line: code, date (Thai time),\n"
	"  form, channel, status, category, district.  No personal data.\n"
	"  --all           รวมเรื่องที่ปิดแล้วและที่ลบข้อมูลแล้ว / closed and purged ones too\n" COMMON_OPTS;

static const char usage_show[] =
	"usage: prongsai inbox show CODE [--attachments DIR] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"  แสดงเรื่องหนึ่งเรื่อง: สถานะ ข้อมูลที่เปิดเผยได้ และข้อมูลส่วนบุคคลที่ถอดรหัสแล้ว\n"
	"  One complaint: its status history, public values and decrypted personal data.\n"
	"  CODE            รหัสติดตามเรื่อง ตัวพิมพ์ใดก็ได้ / the tracking code (any case, spaces allowed)\n"
	"  --attachments DIR  บันทึกไฟล์แนบลง DIR/<CODE>-<n>.<jpg|png|pdf> (สิทธิ์ 0600 ไม่เขียนทับ)\n"
	"                  write the attachments to DIR/<CODE>-<n>.<ext> (mode 0600, never\n"
	"                  overwritten; DIR is created with mode 0700 if missing)\n" COMMON_OPTS;

static const char usage_export[] =
	"usage: prongsai inbox export --csv [-o FILE] [--all] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"  ส่งออกเป็น CSV (UTF-8 มี BOM เปิดใน Excel ได้) รวมข้อมูลส่วนบุคคล เก็บแฟ้มเป็นความลับ\n"
	"  CSV (RFC 4180, UTF-8 with a BOM for Excel) of the new and open complaints,\n"
	"  with their personal data: keep the file confidential.\n"
	"  --csv           รูปแบบ CSV (ต้องระบุ) / CSV format (required)\n"
	"  -o FILE         เขียนลง FILE (สร้างใหม่ สิทธิ์ 0600 ไม่เขียนทับ) แทน stdout /\n"
	"                  write to a new FILE (mode 0600, never overwritten) instead of stdout\n"
	"  --all           รวมเรื่องที่ปิดแล้วและที่ลบข้อมูลแล้ว / closed and purged ones too\n" COMMON_OPTS;

static const char usage_purge[] =
	"usage: prongsai inbox purge --closed-before DATE [--dry-run] [--db FILE] [--key FILE] [-C CONTENT]\n"
	"  ลบข้อมูลส่วนบุคคลของเรื่องที่ปิด (resolved/rejected) ก่อนวันที่ DATE ตามระยะเวลาเก็บรักษาตาม PDPA:\n"
	"  ข้อมูลที่เข้ารหัส ไฟล์แนบ และข้อความอิสระ (เก็บรหัส วันที่ และค่าที่เลือกไว้สำหรับสถิติ)\n"
	"  Deletes the personal data of the complaints closed (resolved or rejected)\n"
	"  before DATE, for the PDPA retention period: sealed values, attachments and\n"
	"  free-text values (the code, dates and chosen values stay, for statistics).\n"
	"  --closed-before DATE  YYYY-MM-DD (ค.ศ. หรือ พ.ศ. / CE or BE)\n"
	"  --dry-run       แสดงว่าจะลบเรื่องใดโดยไม่ลบ / list what would be purged, change nothing\n" COMMON_OPTS;

static const char usage_purge_surveys[] =
	"usage: prongsai inbox purge-surveys [--keep-years N] [--today DATE] [--dry-run] [--db FILE]\n"
	"  ลบคำตอบแบบสำรวจที่เก่ากว่า N ปีงบประมาณ (รวมปีปัจจุบัน) ตามระยะเวลาเก็บรักษา ไม่ต้องใช้กุญแจลับ\n"
	"  The survey retention rule: deletes the survey answers received before\n"
	"  the N most recent fiscal years (this one included), with their values.\n"
	"  Complaints are never touched.  Needs no key.\n"
	"  --keep-years N  ปีงบประมาณที่เก็บไว้ 1..10 (ค่าปริยาย 2) / fiscal years kept, 1..10 (default 2)\n"
	"  --today DATE    วันที่ที่ใช้คิด (ค่าปริยาย วันนี้) / the day to count from (default: today, Thailand)\n"
	"  --dry-run       นับอย่างเดียว ไม่ลบ / count only, delete nothing\n"
	"  --db FILE       ฐานข้อมูล / the database (default: $PRONGSAI_DB)\n";

static const char *sub_usage(const char *sub)
{
	if (strcmp(sub, "purge-surveys") == 0)
		return usage_purge_surveys;
	if (strcmp(sub, "keygen") == 0)
		return usage_keygen;
	if (strcmp(sub, "list") == 0)
		return usage_list;
	if (strcmp(sub, "show") == 0)
		return usage_show;
	if (strcmp(sub, "export") == 0)
		return usage_export;
	if (strcmp(sub, "purge") == 0)
		return usage_purge;
	return usage_all;
}

static int usage_error(const char *sub, const char *th, const char *en, const char *arg)
{
	fprintf(stderr, "prongsai inbox %s: %s / %s%s%s\n", sub, th, en, arg ? ": " : "", arg ? arg : "");
	fputs(sub_usage(sub), stderr);
	return 2;
}

/* ---- shared helpers (inbox_cmd.h) ---- */

void inbox_status_of(const struct model *m, const char *code, struct inbox_status *s)
{
	memset(s, 0, sizeof(*s));
	s->resp = model_response(m, code);
	if (s->resp && s->resp->n_history) {
		const struct case_event *e = &s->resp->history[s->resp->n_history - 1];
		s->status = e->status;
		s->since = e->date;
		s->closed = case_status_closed(e->status);
	} else {
		s->resp = NULL;
	}
}

const char *inbox_status_name(const struct inbox_status *s)
{
	return s->resp ? case_status_name(s->status) : "new";
}

void inbox_print_text(FILE *f, const char *s, size_t len, const char *indent)
{
	size_t i, k;
	unsigned cp;

	for (i = 0; i < len; i += k) {
		unsigned char c = (unsigned char)s[i];
		k = 1;
		if (c == '\n') {
			fputc('\n', f);
			fputs(indent, f);
		} else if (c == '\r') {
			continue;
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			fputc('?', f);
		} else if (c < 0x80) {
			fputc(c, f);
		} else if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			k = 1;
			fputc('?', f); /* not UTF-8 (a lone 0x80..0x9f is a C1 control to some terminals) */
		} else if (cp < 0xa0) {
			fputc('?', f); /* C1 control */
		} else if (utf8_is_bidi_control(cp)) {
			continue; /* shown in the order sent (UAX #9: no reordering) */
		} else if (utf8_is_line_separator(cp)) {
			fputc('\n', f); /* U+2028/2029: a visible line break, indented */
			fputs(indent, f);
		} else {
			fwrite(s + i, 1, k, f);
		}
	}
}

void inbox_print_field(FILE *f, const char *s, int width)
{
	size_t len = s ? strlen(s) : 0;

	inbox_print_text(f, s ? s : "", len, "");
	for (; width > 0 && (size_t)width > len; width--)
		fputc(' ', f);
}

/* ---- list ---- */

struct list_ctx {
	struct inbox_run *r;
	size_t shown, hidden;
};

static int list_one(void *ctx, const struct inbox_case *c)
{
	struct list_ctx *l = ctx;
	struct inbox_status s;
	char when[INBOX_TIME_SIZE], purged[INBOX_TIME_SIZE];
	const char *category;

	inbox_status_of(&l->r->m, c->code, &s);
	if ((s.closed || c->purged_at[0]) && !l->r->o->all) {
		l->hidden++;
		return 0;
	}
	inbox_time_bangkok(c->created_at, 0, when);
	category = s.resp && s.resp->category ? s.resp->category : c->category;
	/* every value from the database or a content file goes through
	 * inbox_print_text(): no control character reaches the terminal */
	inbox_print_field(stdout, c->code, 19);
	fputs("  ", stdout);
	inbox_print_field(stdout, when, 16);
	fputs("  ", stdout);
	inbox_print_field(stdout, c->form_id, 12);
	fputs("  ", stdout);
	inbox_print_field(stdout, c->channel, 10);
	printf("  %-12s  ", inbox_status_name(&s));
	inbox_print_field(stdout, category[0] ? category : "-", 14);
	fputs("  ", stdout);
	inbox_print_field(stdout, c->district[0] ? c->district : "-", 0);
	if (c->purged_at[0]) {
		inbox_time_bangkok(c->purged_at, 0, purged);
		printf("  purged %s", purged);
	}
	putchar('\n');
	l->shown++;
	return 0;
}

int inbox_cmd_list(struct inbox_run *r)
{
	struct list_ctx l = { r, 0, 0 };
	char err[512];
	int rc;

	printf("%-19s  %-16s  %-12s  %-10s  %-12s  %-14s  %s\n", "CODE", "CREATED (UTC+7)", "FORM", "CHANNEL",
	       "STATUS", "CATEGORY", "DISTRICT");
	rc = inbox_db_read_begin(&r->x, err, sizeof err);
	if (rc == 0)
		rc = inbox_each_case(&r->x, list_one, &l, err, sizeof err);
	inbox_db_read_end(&r->x);
	if (rc != 0) {
		fprintf(stderr, "prongsai inbox list: %s\n", err);
		return 1;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("prongsai inbox list: เขียนผลลัพธ์ไม่ได้ / cannot write the output\n", stderr);
		return 1;
	}
	fprintf(stderr, "%zu เรื่อง%s / %zu complaint(s)%s", l.shown, r->o->all ? "" : "ที่ยังไม่ปิด", l.shown,
		r->o->all ? "" : " new or open");
	if (l.hidden)
		fprintf(stderr, " (ปิดแล้ว %zu เรื่อง ดูด้วย --all / %zu closed: --all shows them)", l.hidden, l.hidden);
	fputs("\n  prongsai inbox show CODE: อ่านเรื่อง / read one\n", stderr);
	return 0;
}

/* ---- keygen ---- */

enum { OPT_DB = 256, OPT_KEY, OPT_ATTACHMENTS, OPT_CLOSED_BEFORE, OPT_ALL, OPT_CSV, OPT_DRY_RUN };

static int keygen_main(int argc, char **argv)
{
	static const struct option keygen_long[] = {
		{ "key", required_argument, NULL, OPT_KEY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	char pub[INBOX_KEY_B64], err[512];
	int c;

	cli_start();
	while ((c = cli_next("inbox keygen", argc, argv, "h", keygen_long)) != -1) {
		if (c == 'h') {
			fputs(usage_keygen, stdout);
			return 0;
		} else if (c == OPT_KEY) {
			path = optarg;
		} else {
			fputs(usage_keygen, stderr);
			return 2;
		}
	}
	if (optind < argc)
		return usage_error("keygen", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	if (!path)
		return usage_error("keygen", "ต้องระบุ --key FILE", "--key FILE is required", NULL);
	if (inbox_keygen(path, pub, err, sizeof err) < 0) {
		fprintf(stderr, "prongsai inbox keygen: %s\n", err);
		return 1;
	}
	printf("%s\n", pub);
	fprintf(stderr, "prongsai inbox keygen: กุญแจลับอยู่ใน %s (เก็บเป็นความลับและสำรองไว้) / "
		"secret key in %s (keep it secret, keep a backup)\n"
		"  กุญแจสาธารณะด้านบน ใส่ใน site.yaml inbox.public_key / "
		"put the public key above in site.yaml inbox.public_key\n", path, path);
	return 0;
}

/* ---- purge-surveys ---- */

enum { OPT_KEEP_YEARS = 300, OPT_TODAY, OPT_PS_DB, OPT_PS_DRY_RUN };

static int purge_surveys_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_PS_DB },
		{ "keep-years", required_argument, NULL, OPT_KEEP_YEARS },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "dry-run", no_argument, NULL, OPT_PS_DRY_RUN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = getenv("PRONGSAI_DB");
	pdate today = date_today_bangkok();
	long keep = 2;
	size_t n;
	char err[1024];
	int c, be, dry_run = 0, wal_kept;

	cli_start();
	while ((c = cli_next("inbox purge-surveys", argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_purge_surveys, stdout);
			return 0;
		case OPT_PS_DB:
			db = optarg;
			break;
		case OPT_KEEP_YEARS:
			if (cli_long(optarg, 1, SUBS_KEEP_YEARS_MAX, &keep) != 0)
				return usage_error("purge-surveys", "--keep-years ต้องเป็น 1..10", "--keep-years takes 1..10",
					optarg);
			break;
		case OPT_TODAY:
			if (date_parse(optarg, &today, &be) != DATE_OK)
				return usage_error("purge-surveys", "--today: วันที่ไม่ถูกต้อง", "--today: bad date", optarg);
			break;
		case OPT_PS_DRY_RUN:
			dry_run = 1;
			break;
		default:
			fputs(usage_purge_surveys, stderr);
			return 2;
		}
	}
	if (optind < argc)
		return usage_error("purge-surveys", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	if (!db || !db[0])
		return usage_error("purge-surveys", "ต้องระบุ --db FILE (หรือ PRONGSAI_DB)",
			"--db FILE or PRONGSAI_DB is required", NULL);
	if (subs_purge_surveys(db, today, (int)keep, dry_run, &n, &wal_kept, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai inbox purge-surveys: %s\n"
			"prongsai inbox purge-surveys: ไม่ได้ลบ ฐานข้อมูลคงเดิม / nothing deleted\n", err);
		return 1;
	}
	printf("prongsai inbox purge-surveys: %s %zu / %s %zu survey answer(s) received before fiscal year %d\n",
		dry_run ? "จะลบ" : "ลบแล้ว", n, dry_run ? "would delete" : "deleted", n,
		date_fiscal_year(today) - (int)keep + 1);
	if (wal_kept)
		fputs("prongsai inbox purge-surveys: คำเตือน ยังล้าง WAL ไม่ได้ ให้รันอีกครั้งภายหลัง / warning: the WAL"
			" could not be truncated now (another process is reading): run again later\n", stderr);
	return 0;
}

/* ---- the command line of list, show, export, purge ---- */

/* Returns 0, 2 (usage error, reported), or -1 for --help (printed). */
static int parse_opts(int argc, char **argv, struct inbox_opts *o)
{
	static const struct option all_long[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "help", no_argument, NULL, 'h' },
		{ "attachments", required_argument, NULL, OPT_ATTACHMENTS },
		{ "closed-before", required_argument, NULL, OPT_CLOSED_BEFORE },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ NULL, 0, NULL, 0 },
	};
	struct option longopts[sizeof all_long / sizeof all_long[0]];
	const char *sub = argv[0], *before = NULL;
	char cmd[32];
	size_t n, k = 0;
	int c, show = strcmp(sub, "show") == 0, export = strcmp(sub, "export") == 0,
	       purge = strcmp(sub, "purge") == 0, list = strcmp(sub, "list") == 0, be;

	memset(o, 0, sizeof(*o));
	o->sub = sub;
	o->db = getenv("PRONGSAI_DB");
	o->key = getenv("PRONGSAI_INBOX_KEY");
	o->content = "content";
	/* each subcommand knows only its own options */
	snprintf(cmd, sizeof cmd, "inbox %s", sub);
	for (n = 0; all_long[n].name; n++)
		if (all_long[n].val < OPT_ATTACHMENTS || (show && all_long[n].val == OPT_ATTACHMENTS) ||
		    (export && (all_long[n].val == OPT_CSV || all_long[n].val == OPT_ALL)) ||
		    (list && all_long[n].val == OPT_ALL) ||
		    (purge && (all_long[n].val == OPT_CLOSED_BEFORE || all_long[n].val == OPT_DRY_RUN)))
			longopts[k++] = all_long[n];
	memset(&longopts[k], 0, sizeof(longopts[k]));
	cli_start();
	while ((c = cli_next(cmd, argc, argv, export ? "C:o:h" : "C:h", longopts)) != -1) {
		switch (c) {
		case 'h':
			fputs(sub_usage(sub), stdout);
			return -1;
		case OPT_DB:
			o->db = optarg;
			break;
		case OPT_KEY:
			o->key = optarg;
			break;
		case 'C':
			o->content = optarg;
			break;
		case OPT_ATTACHMENTS:
			o->attachments = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case OPT_CLOSED_BEFORE:
			before = optarg;
			break;
		case OPT_ALL:
			o->all = 1;
			break;
		case OPT_CSV:
			o->csv = 1;
			break;
		case OPT_DRY_RUN:
			o->dry_run = 1;
			break;
		default:
			fputs(sub_usage(sub), stderr);
			return 2;
		}
	}
	if (show && optind < argc)
		o->code = argv[optind++];
	if (optind < argc)
		return usage_error(sub, "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	if (!o->db || !o->db[0])
		return usage_error(sub, "ต้องระบุ --db FILE (หรือ PRONGSAI_DB)", "--db FILE or PRONGSAI_DB is required",
				   NULL);
	if (!o->key || !o->key[0])
		return usage_error(sub, "ต้องระบุ --key FILE (หรือ PRONGSAI_INBOX_KEY)",
				   "--key FILE or PRONGSAI_INBOX_KEY is required", NULL);
	if (show && !o->code)
		return usage_error(sub, "ต้องระบุรหัสติดตามเรื่อง", "CODE is required", NULL);
	if (show && strlen(o->code) > INBOX_CODE_ARG_MAX)
		return usage_error(sub, "รหัสติดตามเรื่องยาวเกินไป", "not a tracking code (too long)", NULL);
	if (o->attachments && (!o->attachments[0] || strlen(o->attachments) > PATH_MAX - 64))
		return usage_error(sub, "--attachments: ชื่อโฟลเดอร์ว่างหรือยาวเกินไป",
				   "--attachments: empty or too long a path", NULL);
	if (o->out && (!o->out[0] || strlen(o->out) >= PATH_MAX))
		return usage_error(sub, "-o: ชื่อแฟ้มว่างหรือยาวเกินไป", "-o: empty or too long a path", NULL);
	if (export && !o->csv)
		return usage_error(sub, "ต้องระบุ --csv (รูปแบบเดียวที่มี)", "--csv is required (the only format)", NULL);
	if (purge && !before)
		return usage_error(sub, "ต้องระบุ --closed-before DATE", "--closed-before DATE is required", NULL);
	if (purge && (strlen(before) != 10 || date_parse(before, &o->before, &be) != DATE_OK))
		return usage_error(sub, "--closed-before: วันที่ต้องเป็น YYYY-MM-DD", "--closed-before: not a YYYY-MM-DD date",
				   strlen(before) <= 32 ? before : NULL);
	if (purge)
		date_iso(o->before, o->before_iso);
	return 0;
}

static int run_sub(int argc, char **argv)
{
	struct inbox_opts o;
	struct inbox_run r;
	struct diags d;
	char err[1024], prefix[PATH_MAX];
	int rc;

	rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc < 0 ? 0 : rc;
	memset(&r, 0, sizeof r);
	r.o = &o;
	if (inbox_db_open(&r.x, o.db, o.key, strcmp(o.sub, "purge") == 0, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai inbox %s: %s\n", o.sub, err);
		return 1;
	}
	model_init(&r.m);
	diags_init(&d, LANG_TH);
	rc = load_responses(&r.m, o.content, &d);
	snprintf(prefix, sizeof prefix, "%s/", o.content);
	if (d.errors || d.warnings)
		diags_print(&d, stderr, rc == 0 ? prefix : "");
	if (rc != 0) {
		fprintf(stderr, "prongsai inbox %s: ไม่พบโฟลเดอร์เนื้อหา %s (ใช้ -C) / content folder %s not found "
			"(use -C): the statuses come from its complaints/\n", o.sub, o.content, o.content);
		rc = 1;
		goto done;
	}
	r.responses_ok = d.errors == 0;
	if (!r.responses_ok)
		fprintf(stderr, "prongsai inbox %s: แฟ้มบันทึกการตอบบางแฟ้มมีข้อผิดพลาด (ดู prongsai check) "
			"เรื่องเหล่านั้นแสดงเป็น new / some response files have errors (see prongsai check): "
			"those cases show as new\n", o.sub);
	if (strcmp(o.sub, "list") == 0)
		rc = inbox_cmd_list(&r);
	else if (strcmp(o.sub, "show") == 0)
		rc = inbox_cmd_show(&r);
	else if (strcmp(o.sub, "export") == 0)
		rc = inbox_cmd_export(&r);
	else
		rc = inbox_cmd_purge(&r);
done:
	diags_free(&d);
	model_free(&r.m);
	inbox_db_close(&r.x);
	return rc;
}

int inbox_main(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
		fputs(usage_all, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	if (strcmp(sub, "keygen") == 0)
		return keygen_main(argc - 1, argv + 1);
	if (strcmp(sub, "purge-surveys") == 0)
		return purge_surveys_main(argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "show") == 0 || strcmp(sub, "export") == 0 ||
	    strcmp(sub, "purge") == 0)
		return run_sub(argc - 1, argv + 1);
	fprintf(stderr, "prongsai inbox: ไม่รู้จักคำสั่ง / unknown command: %s\n", sub);
	fputs(usage_all, stderr);
	return 2;
}
