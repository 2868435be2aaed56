/* import.c: `prongsai import`, the command line, the lock and the loop
 * (see import.h). */
#define _DEFAULT_SOURCE /* flock */
#include "desk/import.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cli.h"
#include "db.h"
#include "desk/import_git.h"
#include "desk/import_queue.h"
#include "jobs/notify.h"
#include "model/dates.h"
#include "model/model.h"
#include "origin.h"
#include "publish/fsutil.h"
#include "publish/output.h"
#include "staffdb.h"

#define LOCK_WAIT_S 120          /* a run waits this long for another */
#define REBUILD_WAIT_S 900       /* and for a rebuild, as cron/rebuild does */
#define DEFAULT_INTERVAL_S 2     /* --follow polls the queue this often */
#define MAX_RETRIES 3            /* the branch moved under us */
#define MAX_MESSAGE 4096         /* bytes of a commit message we write */

struct imp {
	const char *content, *git_dir, *out, *theme, *db, *notify_conf;
	const char *manual, *manual_media; /* --manual, --manual-media, for the rebuild as for build */
	char staff_db[PATH_MAX];
	char origins[ORIGIN_LIST_SIZE]; /* --origin, for the rebuild as for build */
	pdate today;
	int jobs, quiet, follow, no_build;
	long interval;
	/* this run */
	sqlite3 *sdb;
	struct igit git;
	long committed, rejected, failed;
	int lock_fd;
};

static void usage(FILE *f)
{
	fputs("usage: prongsai import [-C CONTENT] [--git-dir DIR] [--staff-db FILE] [--db FILE]\n"
	      "                       [-o OUT] [--theme DIR] [--origin URL]... [--notify-config FILE]\n"
	      "                       [--manual DIR [--manual-media DIR]]\n"
	      "                       [--today DATE]\n"
	      "                       [--once | --follow [--interval S]] [--no-build] [-q]\n"
	      "  นำรายงานที่เจ้าหน้าที่ส่งผ่านแบบฟอร์มเข้า git ทีละรายการ: ตรวจด้วย prongsai check ทั้งชุด\n"
	      "  ผ่านแล้วจึง commit ในนามเจ้าหน้าที่ แล้วสร้างเว็บใหม่  ไม่ผ่านไม่ commit และแจ้งเหตุผล\n"
	      "  Takes the staff area's queue, oldest first: runs the full check on the content as\n"
	      "  it would be, commits with the officer as author (trailer Prongsai-Queue: ID) or\n"
	      "  rejects with check's messages and a notice; then rebuilds the site.\n"
	      "  -C CONTENT       content folder (default content); its repository is used\n"
	      "  --git-dir DIR    the repository to commit to (a bare one: through its hooks)\n"
	      "  --staff-db FILE  the staff database (default $PRONGSAI_STAFF_DB, else staff.db\n"
	      "                   beside $PRONGSAI_DB)\n"
	      "  --db FILE        the collector's database, for the rebuild (default $PRONGSAI_DB)\n"
	      "  -o OUT           the site to rebuild (default public); --theme DIR, --origin URL,\n"
	      "                   --manual DIR, --manual-media DIR as for build\n"
	      "  --notify-config FILE  send rejection notices through prongsai notify's channels\n"
	      "                   (default $PRONGSAI_NOTIFY_CONFIG; none: no notices)\n"
	      "  --once           one pass over the queue (default)\n"
	      "  --follow         keep running: look at the queue every --interval seconds\n"
	      "                   (default 2); stops on SIGINT or SIGTERM after the current entry\n"
	      "  --no-build       do not rebuild after committing\n"
	      "  -q               print only problems\n"
	      "  Exit 0 all settled, 1 an entry stays queued or the rebuild failed, 2 usage,\n"
	      "  database or repository error.  See docs/operations.md.\n", f);
}

/* One log line: "2026-01-05T14:03:00+0700 prongsai-import[123]: ...". */
static void say(const struct imp *I, int problem, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(const struct imp *I, int problem, const char *fmt, ...)
{
	char when[40];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;

	if (!problem && I->quiet)
		return;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S%z", &tm);
	fprintf(stderr, "%s prongsai-import[%ld]: ", when, (long)getpid());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* An flock(2) on path (made with mode if missing), waiting up to wait_s
 * seconds for whoever holds it (said once).  The descriptor, or -1 (said
 * why). */
static int lock_file(const struct imp *I, const char *path, int wait_s, mode_t mode)
{
	int fd, waited = 0;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)) < 0) {
		say(I, 1, "cannot open the lock %s: %s / เปิดแฟ้มล็อกไม่ได้", path, strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			say(I, 1, "cannot lock %s: %s / ล็อกไม่ได้", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (waited == 0)
			say(I, 0, "รอผู้ถือล็อก / waiting for whoever holds %s", path);
		if (waited >= wait_s * 10) {
			say(I, 1, "%s is still held after %ds / ยังมีผู้ถือล็อกอยู่", path, wait_s);
			close(fd);
			return -1;
		}
		usleep(100000);
		waited++;
	}
	return fd;
}

/* The check's messages in one language, as `prongsai check` prints them. */
static char *check_messages(const char *tree, const struct imp *I, enum diag_lang lang, size_t *errors,
			    struct model *keep)
{
	struct diags d;
	struct model m;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	diags_init(&d, lang);
	model_init(&m);
	build_check_content(tree, I->today, I->jobs, &m, &d);
	*errors = d.errors;
	if ((f = open_memstream(&text, &len)) != NULL) {
		diags_print(&d, f, "");
		fclose(f);
	}
	diags_free(&d);
	if (keep)
		*keep = m;
	else
		model_free(&m);
	return text;
}

/* Write the entry's files over the exported tree.  -1 with the reason in
 * err (the entry's fault). */
static int overlay(const char *tree, const struct iq_entry *e, char *err, size_t errlen)
{
	char path[PATH_MAX + 64], dir[PATH_MAX + 64];
	size_t i;
	int created;

	for (i = 0; i < e->n_files; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/%s", tree, e->files[i].path);
		if (fs_parent(path, dir, sizeof dir, err, errlen) != 0 || fs_mkdirs(dir, 0700, &created, err, errlen) != 0) {
			snprintf(err, errlen, "%s: ไม่สามารถเขียนแฟ้มนี้ได้ (อาจซ้ำกับชื่อโฟลเดอร์) / cannot be written "
				 "(a folder of that name?)", e->files[i].path);
			return -1;
		}
		if (!(f = fopen(path, "wb")) || fwrite(e->files[i].data, 1, e->files[i].len, f) != e->files[i].len ||
			fclose(f) != 0) {
			snprintf(err, errlen, "%s: ไม่สามารถเขียนแฟ้มนี้ได้ (อาจซ้ำกับชื่อโฟลเดอร์) / cannot be written "
				 "(a folder of that name?)", e->files[i].path);
			return -1;
		}
	}
	return 0;
}

/* The entry's own problems before any check: kind, files, paths.  NULL, or
 * the reason (static text or in a). */
static const char *entry_problem(const struct iq_entry *e, struct arena *a)
{
	size_t i;

	if (strcmp(e->kind, "progress") != 0 && strcmp(e->kind, "sheet") != 0 && strcmp(e->kind, "answer") != 0)
		return "ชนิดรายการไม่รู้จัก / unknown kind of entry";
	if (e->too_big)
		return "รายการนี้มีแฟ้มมากหรือใหญ่เกินกำหนด / the entry has too many or too large files";
	if (e->n_files == 0)
		return "รายการนี้ไม่มีแฟ้ม / the entry has no files";
	for (i = 0; i < e->n_files; i++)
		if (!staffdb_path_ok(e->files[i].path))
			return arena_printf(a, "ที่อยู่แฟ้มไม่ได้รับอนุญาต (ต้องอยู่ใต้ progress/, media/ หรือ complaints/"
					    " ไม่มี .. ไม่ขึ้นต้นด้วย /): \"%.200s\" / path not allowed (relative, under"
					    " progress/, media/ or complaints/, no ..): \"%.200s\"",
					    e->files[i].path, e->files[i].path);
	return NULL;
}

/* The commit message: the entry's, with control characters but newline
 * and tab dropped, capped, then the trailer. */
static char *commit_message(const struct iq_entry *e, struct arena *a)
{
	struct buf b;
	const char *p;
	char *out;
	size_t n = 0;

	buf_init(&b, MAX_MESSAGE + 128);
	for (p = e->message; *p && n < MAX_MESSAGE; p++, n++)
		if ((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t')
			buf_addc(&b, *p);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_printf(&b, "รายงานความก้าวหน้า %s", e->subject);
	buf_printf(&b, "\n\n" IGIT_TRAILER ": %lld\n", e->id);
	out = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return out;
}

static void notify_rejection(struct imp *I, const struct iq_entry *e)
{
	int n;

	if (!I->notify_conf)
		return;
	n = notify_import_rejected(I->notify_conf, e->id, e->kind, e->subject);
	if (n < 0)
		say(I, 1, "#%lld: notice not sent: the notify configuration could not be read / ส่งแจ้งเตือนไม่ได้", e->id);
	else if (n > 0)
		say(I, 1, "#%lld: notice failed on %d channel(s) (see above) / ส่งแจ้งเตือนไม่สำเร็จ", e->id, n);
}

static int reject(struct imp *I, const struct iq_entry *e, const char *reason)
{
	char err[512];

	if (iq_rejected(I->sdb, e->id, reason, time(NULL), err, sizeof err) != 0) {
		say(I, 1, "#%lld: %s", e->id, err);
		I->failed++;
		return -1;
	}
	I->rejected++;
	say(I, 0, "#%lld %s %s (%s): ไม่ผ่านการตรวจ ไม่ได้ commit / rejected, nothing committed:\n%s", e->id,
	    e->kind, e->subject, e->person_id, reason);
	notify_rejection(I, e);
	return 0;
}

/* Test hook: PRONGSAI_IMPORT_CRASH_AFTER=commit kills the process between
 * the landed commit and the queue update (tests/t3070). */
static void crash_point(const char *where)
{
	const char *c = getenv("PRONGSAI_IMPORT_CRASH_AFTER");

	if (c && strcmp(c, where) == 0)
		raise(SIGKILL);
}

/* Settle one entry.  0 settled; -1 it stays queued (said why). */
static int import_one(struct imp *I, const struct iq_entry *e)
{
	struct arena a;
	struct model m;
	struct buf hook;
	char err[1024], tip[41], commit[41], tree[PATH_MAX + 32];
	const char *problem;
	char *th = NULL, *en = NULL;
	size_t n_err = 0, n_err_en = 0;
	int tries, rc = -1, unchanged, have_model = 0;
	enum igit_landed landed = IGIT_MOVED;

	arena_init(&a);
	buf_init(&hook, 256 * 1024);
	for (tries = 0; tries < MAX_RETRIES; tries++) {
		int found;

		if (have_model)
			model_free(&m);
		have_model = 0;
		free(th);
		th = NULL;
		/* 1. already committed (a crash after the commit)? */
		if (igit_tip(&I->git, tip, err, sizeof err) != 0 ||
			igit_find_entry(&I->git, e->id, commit, &found, err, sizeof err) != 0)
			goto fail;
		if (found) {
			/* a checkout left behind at the crash: its work tree follows */
			if (strcmp(commit, tip) == 0 && igit_sync_worktree(&I->git, e->files, e->n_files, err, sizeof err) != 0)
				say(I, 1, "#%lld: the work tree was not updated: %s", e->id, err);
			if (iq_committed(I->sdb, e->id, commit, NULL, time(NULL), err, sizeof err) != 0)
				goto fail;
			I->committed++;
			say(I, 0, "#%lld: commit %.12s มีอยู่แล้ว (ครั้งก่อนหยุดกลางคัน) / already committed (an earlier run"
			    " stopped before recording it)", e->id, commit);
			rc = 0;
			goto out;
		}
		/* 2. the entry itself */
		if ((problem = entry_problem(e, &a)) != NULL) {
			rc = reject(I, e, problem);
			goto out;
		}
		/* 3. the tree as it would be, and the full check on it */
		snprintf(tree, sizeof tree, "%s/tree", I->git.tmp);
		remove_tree(tree);
		if (igit_export(&I->git, tip, tree, err, sizeof err) != 0)
			goto fail;
		if (overlay(tree, e, err, sizeof err) != 0) {
			remove_tree(tree);
			rc = reject(I, e, err);
			goto out;
		}
		say(I, 0, "#%lld %s %s (%s): ตรวจ / checking ...", e->id, e->kind, e->subject, e->person_id);
		th = check_messages(tree, I, LANG_TH, &n_err, &m);
		have_model = 1;
		if (n_err) {
			en = check_messages(tree, I, LANG_EN, &n_err_en, NULL);
			remove_tree(tree);
			char *reason = arena_printf(&a, "%s\n%s", th ? th : "", en ? en : "");
			free(en);
			en = NULL;
			rc = reject(I, e, reason);
			goto out;
		}
		remove_tree(tree);
		/* 4. the commit: the person from people.yaml, the site as committer */
		const struct person *p = model_person(&m, e->person_id);
		if (!p) {
			rc = reject(I, e, arena_printf(&a, "ผู้ส่ง %s ไม่มีใน people.yaml / the sender %s is not in"
						       " people.yaml", e->person_id, e->person_id));
			goto out;
		}
		struct igit_who author = {
			p->name, p->email && *p->email ? p->email : arena_printf(&a, "%s@users.noreply.invalid", p->id),
			e->received_at
		};
		struct igit_who committer = {
			m.site.name && *m.site.name ? m.site.name : "prongsai",
			m.site.email && *m.site.email ? m.site.email : "prongsai@users.noreply.invalid",
			(long long)time(NULL)
		};
		if (igit_commit(&I->git, tip, e->files, e->n_files, &author, &committer, commit_message(e, &a), commit,
				&unchanged, err, sizeof err) != 0)
			goto fail;
		if (unchanged) {
			if (iq_committed(I->sdb, e->id, tip, "ไม่มีการเปลี่ยนแปลง: แฟ้มเหมือนที่มีอยู่แล้ว / unchanged: the"
					 " files are already so", time(NULL), err, sizeof err) != 0)
				goto fail;
			I->committed++;
			say(I, 0, "#%lld: ไม่มีการเปลี่ยนแปลง / unchanged, nothing to commit", e->id);
			rc = 0;
			goto out;
		}
		/* 5. through the gate onto the branch */
		buf_reset(&hook);
		if (igit_land(&I->git, tip, commit, &hook, &landed, err, sizeof err) != 0)
			goto fail;
		if (hook.len)
			fprintf(stderr, "%s%s", buf_str(&hook), hook.data[hook.len - 1] == '\n' ? "" : "\n");
		if (landed == IGIT_REFUSED) {
			rc = reject(I, e, arena_printf(&a, "pre-receive ปฏิเสธ / refused by the pre-receive hook:\n%s",
						       buf_str(&hook)));
			goto out;
		}
		if (landed == IGIT_LANDED)
			break;
		say(I, 0, "#%lld: สาขาเปลี่ยนระหว่างทำงาน ลองใหม่ / the branch moved meanwhile, trying again", e->id);
	}
	if (landed != IGIT_LANDED) {
		snprintf(err, sizeof err, "the branch kept moving / สาขาเปลี่ยนตลอด");
		goto fail;
	}
	crash_point("commit");
	if (igit_sync_worktree(&I->git, e->files, e->n_files, err, sizeof err) != 0)
		say(I, 1, "#%lld: committed, but the work tree was not updated: %s", e->id, err);
	if (iq_committed(I->sdb, e->id, commit, NULL, time(NULL), err, sizeof err) != 0)
		goto fail; /* the next run finds the trailer */
	I->committed++;
	say(I, 0, "#%lld %s %s (%s): commit %.12s", e->id, e->kind, e->subject, e->person_id, commit);
	rc = 0;
	goto out;
fail:
	say(I, 1, "#%lld: ยังอยู่ในคิว / stays queued: %s", e->id, err);
	I->failed++;
out:
	if (have_model)
		model_free(&m);
	free(th);
	buf_free(&hook);
	arena_free(&a);
	return rc;
}

/* The site, as cron/rebuild builds it: under its lock ($PRONGSAI_LOCK, else
 * OUT.rebuild.lock), atomically swapped in.  0 or 1. */
static int rebuild(const struct imp *I)
{
	struct build_opts o;
	char lock[PATH_MAX + 32];
	const char *env = getenv("PRONGSAI_LOCK");
	int fd, rc;

	snprintf(lock, sizeof lock, "%s.rebuild.lock", I->out);
	if (env && *env)
		snprintf(lock, sizeof lock, "%s", env);
	if ((fd = lock_file(I, lock, REBUILD_WAIT_S, 0644)) < 0)
		return 1;
	memset(&o, 0, sizeof(o));
	o.content = I->content;
	o.out = I->out;
	o.theme = I->theme;
	o.manual = I->manual;
	o.manual_media = I->manual_media;
	o.db = I->db;
	o.staff_db = I->staff_db; /* "my projects" shows the new report */
	memcpy(o.origins, I->origins, sizeof o.origins);
	o.today = I->today;
	o.jobs = I->jobs;
	o.quiet = 1;
	say(I, 0, "สร้างเว็บใหม่ / rebuilding %s", I->out);
	rc = build_run(&o);
	close(fd);
	if (rc != 0)
		say(I, 1, "FAILED: the rebuild failed; the live site is unchanged / สร้างเว็บไม่สำเร็จ เว็บเดิมยังอยู่");
	else
		say(I, 0, "เผยแพร่แล้ว / published %s", I->out);
	return rc;
}

/* One pass: lock, every queued entry, unlock, rebuild.  The exit status. */
static int pass(struct imp *I)
{
	struct arena a;
	struct iq_entry e;
	char err[1024], lock[PATH_MAX + 16];
	long before = I->committed;
	int found, status = 0;

	snprintf(lock, sizeof lock, "%s-import.lock", I->staff_db);
	if ((I->lock_fd = lock_file(I, lock, LOCK_WAIT_S, 0600)) < 0)
		return 1;
	if (igit_open(&I->git, I->git_dir, I->content, err, sizeof err) != 0) {
		say(I, 1, "%s", err);
		close(I->lock_fd);
		return 2;
	}
	arena_init(&a);
	for (;;) {
		arena_reset(&a);
		if (iq_next(I->sdb, &a, &e, &found, err, sizeof err) != 0) {
			say(I, 1, "%s", err);
			status = 2;
			break;
		}
		if (!found)
			break;
		if (import_one(I, &e) != 0) {
			status = 1; /* keep the order: later entries wait for it */
			break;
		}
	}
	arena_free(&a);
	igit_close(&I->git);
	close(I->lock_fd);
	I->lock_fd = -1;
	if (I->committed > before && I->git.work_tree[0] && !I->no_build && rebuild(I) != 0 && status == 0)
		status = 1;
	return status;
}

enum { OPT_GIT_DIR = 256, OPT_STAFF_DB, OPT_DB, OPT_THEME, OPT_NOTIFY, OPT_TODAY, OPT_ONCE, OPT_FOLLOW,
       OPT_INTERVAL, OPT_NO_BUILD, OPT_ORIGIN, OPT_MANUAL, OPT_MANUAL_MEDIA };

int import_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "git-dir", required_argument, NULL, OPT_GIT_DIR },
		{ "staff-db", required_argument, NULL, OPT_STAFF_DB },
		{ "db", required_argument, NULL, OPT_DB },
		{ "out", required_argument, NULL, 'o' },
		{ "theme", required_argument, NULL, OPT_THEME },
		{ "manual", required_argument, NULL, OPT_MANUAL },
		{ "manual-media", required_argument, NULL, OPT_MANUAL_MEDIA },
		{ "notify-config", required_argument, NULL, OPT_NOTIFY },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "once", no_argument, NULL, OPT_ONCE },
		{ "follow", no_argument, NULL, OPT_FOLLOW },
		{ "interval", required_argument, NULL, OPT_INTERVAL },
		{ "no-build", no_argument, NULL, OPT_NO_BUILD },
		{ "origin", required_argument, NULL, OPT_ORIGIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct imp I;
	const char *staff_db = NULL, *env;
	char err[1024], path[PATH_MAX], beside[PATH_MAX + 16];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int c, be, status, n_origins = 0;

	memset(&I, 0, sizeof(I));
	I.content = "content";
	I.out = "public";
	I.theme = "themes/default";
	I.db = (env = getenv("PRONGSAI_DB")) && *env ? env : NULL;
	I.notify_conf = (env = getenv("PRONGSAI_NOTIFY_CONFIG")) && *env ? env : NULL;
	I.interval = DEFAULT_INTERVAL_S;
	I.jobs = ncpu < 1 ? 1 : ncpu > MODEL_MAX_JOBS ? MODEL_MAX_JOBS : (int)ncpu;
	I.today = date_today_bangkok();
	I.lock_fd = -1;
	if ((env = getenv("PRONGSAI_TODAY")) && *env && date_parse(env, &I.today, &be) != DATE_OK)
		return cli_usage_error("import", "PRONGSAI_TODAY: วันที่ไม่ถูกต้อง", "PRONGSAI_TODAY: bad date", env);
	cli_start();
	while ((c = cli_next("import", argc, argv, "C:o:qh", longopts)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'C': I.content = optarg; break;
		case 'o': I.out = optarg; break;
		case 'q': I.quiet = 1; break;
		case OPT_GIT_DIR: I.git_dir = optarg; break;
		case OPT_STAFF_DB: staff_db = optarg; break;
		case OPT_DB: I.db = optarg; break;
		case OPT_THEME: I.theme = optarg; break;
		case OPT_MANUAL: I.manual = optarg; break;
		case OPT_MANUAL_MEDIA: I.manual_media = optarg; break;
		case OPT_NOTIFY: I.notify_conf = optarg; break;
		case OPT_ONCE: I.follow = 0; break;
		case OPT_FOLLOW: I.follow = 1; break;
		case OPT_NO_BUILD: I.no_build = 1; break;
		case OPT_ORIGIN: /* as for build: base_url's origin takes one place */
			if (++n_origins >= ORIGIN_LIST_MAX || origin_list_add(I.origins, sizeof I.origins, optarg) != 0)
				return cli_usage_error("import", "--origin ต้องเป็น URL แบบ http(s)://ชื่อโฮสต์[:พอร์ต] ไม่เกิน 7 รายการ",
						       "--origin takes an http(s)://host[:port] URL, at most 7 of them", optarg);
			break;
		case OPT_TODAY:
			if (date_parse(optarg, &I.today, &be) != DATE_OK)
				return cli_usage_error("import", "--today: วันที่ไม่ถูกต้อง", "--today: bad date", optarg);
			break;
		case OPT_INTERVAL:
			if (cli_long(optarg, 1, 3600, &I.interval) != 0)
				return cli_usage_error("import", "--interval ต้องเป็น 1..3600 วินาที",
						       "--interval takes 1..3600 seconds", optarg);
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return cli_usage_error("import", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	}
	/* the staff database: --staff-db, $PRONGSAI_STAFF_DB, staff.db beside --db */
	if (!staff_db && !getenv("PRONGSAI_STAFF_DB") && I.db) {
		char dir[PATH_MAX];
		if (fs_parent(I.db, dir, sizeof dir, err, sizeof err) == 0 &&
			snprintf(beside, sizeof beside, "%s/staff.db", dir) < (int)sizeof beside)
			staff_db = beside;
	}
	if (staffdb_path(staff_db, path, sizeof path, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai import: %s\n", err);
		return 2;
	}
	snprintf(I.staff_db, sizeof I.staff_db, "%s", path);
	/* --follow may start before anything made the database (make serve) */
	if (staffdb_open(I.staff_db, I.follow ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &I.sdb, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai import: %s\n", err);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN); /* a git that stops reading must not kill us (gitrun.h) */
	if (!I.follow) {
		status = pass(&I);
	} else {
		sigset_t stop;
		struct timespec wait = { I.interval, 0 };
		long queued;

		sigemptyset(&stop);
		sigaddset(&stop, SIGINT);
		sigaddset(&stop, SIGTERM);
		sigprocmask(SIG_BLOCK, &stop, NULL); /* taken only between passes */
		say(&I, 0, "เฝ้าคิวทุก %ld วินาที / watching the queue every %ld s (%s)", I.interval, I.interval,
		    I.staff_db);
		status = 0;
		for (;;) {
			if (iq_count(I.sdb, &queued, err, sizeof err) != 0) {
				say(&I, 1, "%s", err);
			} else if (queued > 0) {
				status = pass(&I);
				if (status == 2)
					say(&I, 1, "ลองใหม่ในรอบถัดไป / trying again next time");
			}
			if (sigtimedwait(&stop, NULL, &wait) > 0)
				break;
		}
		say(&I, 0, "หยุด / stopped: %ld committed, %ld rejected", I.committed, I.rejected);
		status = 0;
	}
	sqlite3_close(I.sdb);
	if (!I.follow && (I.committed || I.rejected || status))
		say(&I, status != 0, "%ld committed, %ld rejected%s", I.committed, I.rejected,
		    status ? ", some stay queued / บางรายการยังอยู่ในคิว" : "");
	return status;
}
