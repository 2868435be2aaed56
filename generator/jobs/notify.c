/* notify.c: `prongsai notify`, the loop (see notify.h, docs/notify.md).
 *
 * One run: load the configuration (notifyconf), take the lock
 * <db>-notify.lock (flock, non-blocking: a run that finds it held prints a
 * line and exits 0), open the database, then for each channel in order:
 * give new submissions their notices rows (notify_db_schedule), read the
 * due ones (notify_db_due), and deliver them one by one (notice builds the
 * message, deliver sends it), recording each outcome at once in its own
 * short transaction.  After a failure the channel's other due notices wait
 * for the next run (they are not counted as attempts), so a dead receiver
 * costs one timeout per channel and run, not one per notice.
 */
#define _DEFAULT_SOURCE /* flock */
#include "jobs/secretfile.h"
#include "jobs/notify.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "cli.h"
#include "jobs/deliver.h"
#include "model/diag.h"
#include "jobs/notice.h"
#include "jobs/notify_db.h"
#include "jobs/notifyconf.h"

#define DEFAULT_CONFIG "/etc/prongsai/notify.yaml"

struct run {
	const struct notify_conf *conf;
	sqlite3 *db;
	int dry_run, quiet;
	long sent, failed, gave_up, deferred, skipped, bad, errors; /* sent: dry run: would be */
};

static void usage(FILE *f)
{
	fputs("usage: prongsai notify --db FILE [--config FILE] [--dry-run] [-q]\n"
	      "  แจ้งเจ้าหน้าที่เมื่อมีเรื่องใหม่ (อีเมล, LINE, Telegram, webhook) ไม่ส่งข้อมูลส่วนบุคคล\n"
	      "  Sends a notice of each new submission (form, tracking code, category, district,\n"
	      "  how to open it; never personal data) to every channel of the configuration.\n"
	      "  Run it from cron every few minutes; runs never overlap (lock FILE-notify.lock).\n"
	      "  --db FILE      the collector's database (default $PRONGSAI_DB)\n"
	      "  --config FILE  channels and secrets, mode 0600, outside content/\n"
	      "                 (default $PRONGSAI_NOTIFY_CONFIG, else " DEFAULT_CONFIG ")\n"
	      "  --dry-run      show what would be sent; send and write nothing\n"
	      "  -q             print only failures\n"
	      "  Exit 0 every due notice delivered (or none due), 1 some failed or were given up,\n"
	      "  2 usage, configuration or database error.  See docs/notify.md.\n", f);
}

/* One log line: "2026-01-05T14:03:00+0700 prongsai-notify[123]: ...". */
static void log_line(const struct run *R, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void log_line(const struct run *R, int err, const char *fmt, ...)
{
	FILE *f = err ? stderr : stdout;
	char when[40];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;

	if (!err && R->quiet)
		return;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S%z", &tm);
	fprintf(f, "%s prongsai-notify[%ld]: ", when, (long)getpid());
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fflush(f);
}

/* The seconds to wait after the attempts-th failed attempt (1-based):
 * base * 2^(attempts-1), at most max, minus up to a fifth (jitter, so that
 * notices failed together are not retried together). */
static long backoff(const struct notify_retry *r, long attempts)
{
	long delay = r->base_seconds;
	long i;

	for (i = 1; i < attempts && delay < r->max_seconds; i++)
		delay *= 2;
	if (delay > r->max_seconds)
		delay = r->max_seconds;
	delay -= (long)randombytes_uniform((uint32_t)(delay / 5) + 1);
	return delay < 1 ? 1 : delay;
}

/* The item's name in the log: its tracking code, or "survey-ID". */
static void item_name(const struct notice_info *n, char *out, size_t outlen)
{
	if (n->code && n->code[0])
		snprintf(out, outlen, "%s", n->code);
	else
		snprintf(out, outlen, "survey-%lld", n->id);
}

/* One notice, whatever it announces: its idempotency key for the channel,
 * the mail subject, the text, and the webhook body. */
struct notify_msg {
	const char *key, *subject, *text;
	struct buf *webhook; /* the generic webhook's JSON body */
};

/* Build and send one message.  Temporary strings that hold secrets live
 * in tmp, which the caller wipes. */
static void deliver_msg(const struct notify_channel *ch, const struct notice_opts *o, const struct notify_msg *m,
			struct arena *tmp, struct deliver_result *r)
{
	struct buf body;
	const char *headers[NOTIFYCONF_MAX_HEADERS + 2];
	char uuid[37];
	size_t nh = 0, i;
	enum buf_result br = BUF_OK;
	const char *url = NULL;
	const char *data;
	size_t len;

	memset(r, 0, sizeof *r);
	buf_init(&body, ch->type == NT_SMTP ? NOTICE_MAX_MAIL : NOTICE_MAX_JSON);
	switch (ch->type) {
	case NT_SMTP:
		br = notice_mail_text(&body, m->key, m->subject, o, ch->from, ch->to, ch->n_to, time(NULL), m->text);
		break;
	case NT_LINE:
		url = arena_printf(tmp, "%s/v2/bot/message/push", ch->api_base);
		headers[nh++] = arena_printf(tmp, "Authorization: Bearer %s", ch->token);
		notice_uuid(m->key, uuid);
		headers[nh++] = arena_printf(tmp, "X-Line-Retry-Key: %s", uuid);
		br = notice_json_line(&body, ch->line_to, m->text);
		break;
	case NT_TELEGRAM:
		url = arena_printf(tmp, "%s/bot%s/sendMessage", ch->api_base, ch->token);
		br = notice_json_telegram(&body, ch->chat_id, m->text);
		break;
	default: /* NT_WEBHOOK */
		url = ch->url;
		for (i = 0; i < ch->n_headers; i++)
			headers[nh++] = arena_printf(tmp, "%s: %s", ch->headers[i].name, ch->headers[i].value);
		headers[nh++] = arena_printf(tmp, "Idempotency-Key: %s", m->key);
		br = m->webhook->err;
		break;
	}
	data = ch->type == NT_WEBHOOK ? buf_str(m->webhook) : buf_str(&body);
	len = ch->type == NT_WEBHOOK ? m->webhook->len : body.len;
	if (br != BUF_OK) {
		snprintf(r->error, sizeof r->error, "the message does not fit its cap");
		r->suspect_conf = 1;
	} else if (ch->type == NT_SMTP) {
		deliver_smtp(ch, data, len, r);
	} else {
		deliver_http(ch, url, headers, nh, data, len, ch->type == NT_LINE, r);
	}
	buf_free(&body);
}

/* Build and send the notice of one submission. */
static void deliver_one(const struct notify_channel *ch, const struct notice_info *n,
			const struct notice_opts *o, const char *text, struct arena *tmp,
			struct deliver_result *r)
{
	char key[NOTICE_MAX_KEY];
	struct buf subj, hook;
	struct notify_msg m = { key, NULL, text, &hook };

	notice_key(n, ch->name, key);
	buf_init(&subj, 1024);
	buf_init(&hook, NOTICE_MAX_JSON);
	notice_subject(&subj, n);
	m.subject = buf_str(&subj);
	if (ch->type == NT_WEBHOOK)
		notice_json_webhook(&hook, n, o, text);
	deliver_msg(ch, o, &m, tmp, r);
	buf_free(&subj);
	buf_free(&hook);
}

static void run_channel(struct run *R, const struct notify_channel *ch)
{
	const struct notify_conf *c = R->conf;
	struct notice_opts o = { c->site_url, ch->name, ch->corruption_details };
	struct arena a, tmp;
	struct notify_due *items;
	char err[512], name[64];
	size_t n, i;
	long n_new = 0, n_old = 0, bad = 0;
	int more = 0;

	arena_init(&a);
	arena_init(&tmp);
	if (!R->dry_run) {
		if (notify_db_schedule(R->db, ch, time(NULL), c->max_age_hours, &n_new, &n_old, err, sizeof err)) {
			log_line(R, 1, "%s: %s", ch->name, err);
			R->errors++;
			goto out;
		}
	} else if (notify_db_count_old(R->db, ch, time(NULL), c->max_age_hours, &n_old, err, sizeof err)) {
		log_line(R, 1, "%s: %s", ch->name, err);
		R->errors++;
		goto out;
	}
	if (n_old) {
		log_line(R, 0, "%s: %s%ld submission(s) older than %ld hours when first seen: not announced",
		      ch->name, R->dry_run ? "would skip " : "", n_old, c->max_age_hours);
		R->skipped += n_old;
	}
	if (notify_db_due(R->db, ch, time(NULL), R->dry_run, c->max_age_hours, ch->max_per_run, &a, &items,
			  &n, &more, &bad, err, sizeof err)) {
		log_line(R, 1, "%s: %s", ch->name, err);
		R->errors++;
		goto out;
	}
	if (bad) {
		log_line(R, 1, "%s: %ld notice(s) left out: the submission's stored code or time is malformed",
		      ch->name, bad);
		R->bad += bad;
	}
	for (i = 0; i < n; i++) {
		const struct notice_info *info = &items[i].info;
		struct deliver_result r;
		struct buf text;
		long attempt = items[i].attempts + 1;

		item_name(info, name, sizeof name);
		buf_init(&text, NOTICE_MAX_TEXT);
		if (notice_text(&text, info, &o) != BUF_OK) {
			buf_free(&text);
			log_line(R, 1, "%s %s: the notice does not fit its cap", ch->name, name);
			R->errors++;
			continue;
		}
		if (R->dry_run) {
			log_line(R, 0, "%s %s: would send (%s):", ch->name, name, notify_type_name(ch->type));
			if (!R->quiet) {
				const char *p = text.data, *e;
				while (*p && (e = strchr(p, '\n')) != NULL) {
					printf("    %.*s\n", (int)(e - p), p);
					p = e + 1;
				}
				fflush(stdout);
			}
			buf_free(&text);
			R->sent++; /* would be */
			continue;
		}
		deliver_one(ch, info, &o, text.data, &tmp, &r);
		arena_wipe(&tmp);
		arena_init(&tmp);
		buf_free(&text);
		if (r.ok) {
			if (notify_db_sent(R->db, info->id, ch->name, time(NULL),
					   r.already ? "accepted earlier (same retry key)" : NULL, err, sizeof err)) {
				log_line(R, 1, "%s %s: SENT BUT NOT RECORDED, it may be sent again: %s", ch->name, name,
				      err);
				R->errors++;
				continue;
			}
			R->sent++;
			if (r.already)
				log_line(R, 0, "%s %s: sent (the server had accepted it before)", ch->name, name);
			else if (attempt > 1)
				log_line(R, 0, "%s %s: sent (attempt %ld)", ch->name, name, attempt);
			else
				log_line(R, 0, "%s %s: sent", ch->name, name);
			continue;
		}
		/* failed */
		{
			int give_up = attempt >= ch->retry.max_attempts;
			long wait = give_up ? 0 : backoff(&ch->retry, attempt);
			const char *hint = r.suspect_conf ? " -- CHECK THE CHANNEL'S CONFIGURATION "
							    "(address, token, password, certificate) / "
							    "ตรวจการตั้งค่าของช่องทางนี้" : "";
			if (notify_db_failed(R->db, info->id, ch->name, time(NULL) + wait, give_up, r.error, err,
					     sizeof err)) {
				log_line(R, 1, "%s %s: %s", ch->name, name, err);
				R->errors++;
			}
			if (give_up) {
				log_line(R, 1, "%s %s: gave up after %ld attempts: %s%s", ch->name, name, attempt,
				      r.error, hint);
				R->gave_up++;
			} else {
				log_line(R, 1, "%s %s: failed (attempt %ld, next in %lds): %s%s", ch->name, name, attempt,
				      wait, r.error, hint);
				R->failed++;
			}
			if (i + 1 < n) {
				log_line(R, 1, "%s: %zu more notice(s) wait for the next run", ch->name, n - i - 1);
				R->deferred += (long)(n - i - 1);
			}
			break;
		}
	}
	if (more)
		log_line(R, 0, "%s: more than %ld notices due: the rest go in the next run", ch->name,
		      ch->max_per_run);
out:
	arena_wipe(&tmp);
	arena_free(&a);
}

/* Load the configuration; on errors print each one as
 * "path:line:col: error: Thai (English)" and return -1. */
static int load_conf(const char *path, struct arena *a, struct notify_conf *conf)
{
	struct diags th, en;
	struct arena a2;
	struct notify_conf c2;
	int rc;

	diags_init(&th, LANG_TH);
	rc = notifyconf_load(path, a, &th, conf);
	if (rc == 0) {
		diags_free(&th);
		return 0;
	}
	/* the same checks again for the English messages (cheap: a small file) */
	diags_init(&en, LANG_EN);
	arena_init(&a2);
	notifyconf_load(path, &a2, &en, &c2);
	notifyconf_wipe(&c2, &a2);
	secretfile_print_errors("notify", &th, &en);
	diags_free(&th);
	diags_free(&en);
	return -1;
}

/* Take <db>-notify.lock.  Returns the descriptor, -2 when another run
 * holds it, -1 on an error (message printed). */
static int take_lock(const char *db)
{
	char path[4096];
	int fd;

	if (snprintf(path, sizeof path, "%s-notify.lock", db) >= (int)sizeof path) {
		fputs("prongsai notify: database path too long\n", stderr);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		fprintf(stderr, "prongsai notify: cannot open the lock %s: %s / เปิดแฟ้มล็อกไม่ได้\n", path,
			strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;
		close(fd);
		if (e == EWOULDBLOCK)
			return -2;
		fprintf(stderr, "prongsai notify: cannot lock %s: %s\n", path, strerror(e));
		return -1;
	}
	return fd;
}

enum { OPT_DB = 256, OPT_CONFIG, OPT_DRY_RUN };

int notify_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db_path = getenv("PRONGSAI_DB"), *conf_path = getenv("PRONGSAI_NOTIFY_CONFIG");
	struct run R;
	struct notify_conf conf;
	struct arena ca;
	char err[1024];
	int c, lock = -1, rc = 0;
	size_t k;

	memset(&R, 0, sizeof R);
	cli_start();
	while ((c = cli_next("notify", argc, argv, "qh", longopts)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case OPT_DRY_RUN:
			R.dry_run = 1;
			break;
		case 'q':
			R.quiet = 1;
			break;
		case OPT_DB:
			db_path = optarg;
			break;
		case OPT_CONFIG:
			conf_path = optarg;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		cli_usage_error("notify", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
		usage(stderr);
		return 2;
	}
	if (!db_path || !db_path[0]) {
		fputs("prongsai notify: ไม่ได้ระบุฐานข้อมูล ใช้ --db FILE หรือ PRONGSAI_DB / "
		      "no database: give --db FILE or set PRONGSAI_DB\n", stderr);
		return 2;
	}
	if (!conf_path || !conf_path[0])
		conf_path = DEFAULT_CONFIG;
	if (sodium_init() < 0) {
		fputs("prongsai notify: libsodium cannot start / เริ่ม libsodium ไม่ได้\n", stderr);
		return 2;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fputs("prongsai notify: libcurl cannot start / เริ่ม libcurl ไม่ได้\n", stderr);
		return 2;
	}
	arena_init(&ca);
	rc = load_conf(conf_path, &ca, &conf) != 0 ? 2 : 0;
	R.conf = &conf;
	if (rc == 0 && notify_db_open(db_path, R.dry_run, &R.db, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai notify: %s\n", err);
		rc = 2;
	}
	if (R.db && !R.dry_run) {
		lock = take_lock(db_path);
		if (lock == -2)
			log_line(&R, 0, "another notify run holds %s-notify.lock: nothing done", db_path);
		if (lock < 0) {
			rc = lock == -2 ? 0 : 2;
			sqlite3_close(R.db);
			R.db = NULL;
		}
	}
	if (R.db) {
		int bad;
		for (k = 0; k < conf.n_channels; k++)
			run_channel(&R, &conf.channels[k]);
		sqlite3_close(R.db);
		bad = R.failed || R.gave_up || R.deferred || R.errors || R.bad;
		if (R.dry_run)
			log_line(&R, bad, "dry run: %ld would be sent, %ld not announced (too old), %ld error(s)",
				 R.sent, R.skipped, R.errors + R.bad);
		else if (R.sent || bad || R.skipped)
			log_line(&R, bad, "done: %ld sent, %ld failed, %ld gave up, %ld waiting for the next run, "
				 "%ld not announced (too old), %ld error(s)",
				 R.sent, R.failed, R.gave_up, R.deferred, R.skipped, R.errors + R.bad);
		rc = bad ? 1 : 0;
	}
	curl_global_cleanup();
	notifyconf_wipe(&conf, &ca);
	if (lock >= 0)
		close(lock);
	return rc;
}

int notify_import_rejected(const char *conf_path, long long id, const char *kind, const char *subject)
{
	struct run R;
	struct notify_conf conf;
	struct arena ca, tmp;
	struct buf text, subj, hook;
	char key[NOTICE_MAX_KEY];
	size_t k;
	int failed = 0;

	memset(&R, 0, sizeof R);
	if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	arena_init(&ca);
	if (load_conf(conf_path, &ca, &conf) != 0) {
		notifyconf_wipe(&conf, &ca);
		curl_global_cleanup();
		return -1;
	}
	buf_init(&text, NOTICE_MAX_TEXT);
	buf_init(&subj, 1024);
	notice_import_text(&text, id, kind, subject, conf.site_url);
	notice_import_subject(&subj, id);
	arena_init(&tmp);
	for (k = 0; k < conf.n_channels; k++) {
		const struct notify_channel *ch = &conf.channels[k];
		struct notice_opts o = { conf.site_url, ch->name, 0 };
		struct notify_msg m = { key, buf_str(&subj), buf_str(&text), &hook };
		struct deliver_result r;

		snprintf(key, sizeof key, "import-%lld/%s", id, ch->name);
		buf_init(&hook, NOTICE_MAX_JSON);
		notice_json_import(&hook, key, id, kind, subject, buf_str(&text));
		deliver_msg(ch, &o, &m, &tmp, &r);
		buf_free(&hook);
		arena_wipe(&tmp);
		arena_init(&tmp);
		if (r.ok) {
			log_line(&R, 0, "%s import-%lld: sent", ch->name, id);
		} else {
			log_line(&R, 1, "%s import-%lld: failed: %s", ch->name, id, r.error);
			failed++;
		}
	}
	arena_wipe(&tmp);
	buf_free(&text);
	buf_free(&subj);
	curl_global_cleanup();
	notifyconf_wipe(&conf, &ca);
	return failed;
}
