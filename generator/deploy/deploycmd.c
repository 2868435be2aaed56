/* deploycmd.c: `prongsai deploy` (see deploy.h, docs/deploy.md).
 *
 * One run: load the configuration, hash public/ (manifest), fetch the
 * target's .prongsai-manifest (none: an empty target), plan, then either
 * list the plan (--dry-run) or carry it out, recording each operation in
 * the journal, and finally send the new manifest.  The first failure stops
 * the run with a message naming the target and the file, in Thai and
 * English; the target's manifest is then still the old one, and the next
 * run resumes from the journal.
 */
#define _DEFAULT_SOURCE
#include "jobs/secretfile.h"
#include "deploy/deploy.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "cli.h"
#include "model/diag.h"

#define DEFAULT_CONFIG "/etc/prongsai/deploy.yaml"

static void usage(FILE *f)
{
	fputs("usage: prongsai deploy [--config FILE] [-o OUT] [--dry-run] [--journal FILE] [-q] [-v]\n"
	      "  ส่งเว็บไซต์ที่สร้างแล้ว (OUT) ขึ้นเครื่องที่ให้บริการ เฉพาะแฟ้มที่เปลี่ยน ผ่าน SFTP, FTPS,\n"
	      "  WebDAV หรือ S3 ตามแฟ้มตั้งค่า (สิทธิ์ 600 นอกที่เก็บเว็บไซต์) ถ้าหยุดกลางทาง รันใหม่จะส่งต่อจากเดิม\n"
	      "  Sends the built site (OUT) to its host, only what changed, over SFTP, FTPS,\n"
	      "  WebDAV or S3 as the configuration says; new assets first, then pages, then\n"
	      "  index pages and the sitemap, deletions last, the target's manifest at the end.\n"
	      "  --config FILE   the configuration (default $PRONGSAI_DEPLOY_CONFIG, else\n"
	      "                  " DEFAULT_CONFIG "; mode 600, outside the checkout)\n"
	      "  -o OUT          the built site (default public)\n"
	      "  --dry-run       list what would be sent and deleted; change nothing\n"
	      "  --journal FILE  the record of a run in progress, for resuming (default\n"
	      "                  .OUT-deploy-XXXXXXXX.journal beside OUT, one per target)\n"
	      "  -q              no progress output\n"
	      "  -v              print each file as the target takes it\n"
	      "  Exit status: 0 done (or nothing to do), 1 the deploy failed (the message names\n"
	      "  the target and the file), 2 usage or configuration error.\n", f);
}

/* Load the configuration; print every problem in Thai (English).  0 or -1. */
static int load_conf(const char *path, struct arena *a, struct deploy_conf *conf)
{
	struct diags th, en;
	struct arena a2;
	struct deploy_conf c2;

	diags_init(&th, LANG_TH);
	if (deployconf_load(path, a, &th, conf) == 0) {
		diags_free(&th);
		return 0;
	}
	diags_init(&en, LANG_EN);
	arena_init(&a2);
	deployconf_load(path, &a2, &en, &c2);
	deployconf_wipe(&c2, &a2);
	secretfile_print_errors("deploy", &th, &en);
	diags_free(&th);
	diags_free(&en);
	return -1;
}

/* The default journal: .BASE-deploy-XXXXXXXX.journal beside out, XXXXXXXX
 * from the target's url. */
static int default_journal(const char *out, const char *url, char *path, size_t len)
{
	unsigned char h[4];
	char hex[9], dir[PATH_MAX], base[NAME_MAX + 1];
	const char *slash;
	size_t ol = strlen(out);

	while (ol > 1 && out[ol - 1] == '/')
		ol--;
	crypto_generichash(h, sizeof h, (const unsigned char *)url, strlen(url), NULL, 0);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	for (slash = out + ol; slash > out && slash[-1] != '/'; slash--)
		;
	slash = slash > out ? slash - 1 : NULL;
	if (slash) {
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - out), out);
		snprintf(base, sizeof base, "%.*s", (int)(ol - (size_t)(slash - out) - 1), slash + 1);
	} else {
		snprintf(dir, sizeof dir, ".");
		snprintf(base, sizeof base, "%.*s", (int)ol, out);
	}
	return snprintf(path, len, "%s/.%s-deploy-%s.journal", dir[0] ? dir : "/", base, hex) < (int)len ? 0 : -1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail_msg(const struct deploy_conf *c, const struct transport *t, const char *file)
{
	fprintf(stderr, "prongsai deploy: %s: %s: %s (%s): %s\n", c->url, file, transport_fail_th(t->fail),
		transport_fail_en(t->fail), t->detail);
	fprintf(stderr, "prongsai deploy: หยุดแล้ว แฟ้มบัญชีบนเครื่องปลายทางยังเป็นฉบับเดิม รันใหม่เพื่อส่งต่อ "
		"(stopped: the target's manifest is still the old one; run again to resume)\n");
}

struct run {
	const struct deploy_conf *c;
	const char *out;
	int quiet, verbose, dry;
};

static int run_deploy(struct run *R, const char *journal_path)
{
	const struct deploy_conf *c = R->c;
	struct remote_manifest local, remote;
	struct transport t;
	struct plan plan;
	struct journal j;
	struct buf rtext, ltext;
	unsigned char remote_id[REMOTE_MANIFEST_HASH_BYTES];
	char err[PATH_MAX + 600], jpath[PATH_MAX];
	int rc = 1, have_remote = 0, jopen = 0;
	size_t i, done = 0, skipped = 0, n_put = 0, n_del = 0;
	double t0 = now(), last = t0;
	long long sent = 0;

	remote_manifest_init(&local);
	remote_manifest_init(&remote);
	memset(&plan, 0, sizeof plan);
	buf_init(&rtext, REMOTE_MANIFEST_MAX_TEXT);
	buf_init(&ltext, REMOTE_MANIFEST_MAX_TEXT);
	if (transport_open(&t, c) != 0) {
		fputs("prongsai deploy: libcurl ไม่พร้อม (libcurl failed to start)\n", stderr);
		goto out;
	}
	if (remote_manifest_scan(R->out, &local, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai deploy: %s\n", err);
		goto out;
	}
	if (transport_get(&t, REMOTE_MANIFEST_NAME, &rtext) == 0) {
		have_remote = 1;
		if (remote_manifest_parse(rtext.data ? rtext.data : "", rtext.len, &remote, err, sizeof err) != 0) {
			fprintf(stderr, "prongsai deploy: %s: %s: แฟ้มบัญชีบนเครื่องปลายทางเสียหาย "
				"(the target's manifest is damaged): %s\n", c->url, REMOTE_MANIFEST_NAME, err);
			goto out;
		}
	} else if (t.fail != TR_NOT_FOUND) {
		fail_msg(c, &t, REMOTE_MANIFEST_NAME);
		goto out;
	}
	crypto_generichash(remote_id, sizeof remote_id, (const unsigned char *)(rtext.data ? rtext.data : ""),
			   rtext.len, NULL, 0);
	if (plan_make(&local, &remote, &plan) != 0) {
		fputs("prongsai deploy: หน่วยความจำไม่พอ (out of memory)\n", stderr);
		goto out;
	}
	if (R->dry) {
		for (i = 0; i < plan.n; i++) {
			const struct plan_op *op = &plan.ops[i];
			if (op->rank == RANK_DELETE)
				printf("delete %s\n", op->entry->path);
			else
				printf("put %s %lld\n", op->entry->path, op->entry->size);
		}
		printf("prongsai deploy: --dry-run: จะส่ง %zu แฟ้ม (%lld ไบต์) และลบ %zu แฟ้ม ที่ %s "
		       "(would send %zu files, %lld bytes, and delete %zu at %s)\n", plan.n_put, plan.put_bytes,
		       plan.n_del, c->url, plan.n_put, plan.put_bytes, plan.n_del, c->url);
		rc = 0;
		goto out;
	}
	if (plan.n == 0 && have_remote) {
		if (!R->quiet)
			fprintf(stderr, "prongsai deploy: %s: ไม่มีแฟ้มที่เปลี่ยน (nothing changed)\n", c->url);
		rc = 0;
		goto out;
	}
	if (journal_path) {
		snprintf(jpath, sizeof jpath, "%s", journal_path);
	} else if (default_journal(R->out, c->url, jpath, sizeof jpath) != 0) {
		fprintf(stderr, "prongsai deploy: %s: ชื่อยาวเกิน (path too long)\n", R->out);
		goto out;
	}
	if (journal_open(&j, jpath, remote_id, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai deploy: %s\n", err);
		goto out;
	}
	jopen = 1;
	for (i = 0; i < plan.n; i++) {
		const struct plan_op *op = &plan.ops[i];
		char full[PATH_MAX + REMOTE_MANIFEST_MAX_PATH + 2];
		int r;
		if (journal_is_done(&j, op)) {
			skipped++;
			continue;
		}
		if (op->rank == RANK_DELETE) {
			r = transport_delete(&t, op->entry->path);
		} else {
			snprintf(full, sizeof full, "%s/%s", R->out, op->entry->path);
			r = transport_put_file(&t, op->entry->path, full, op->entry->size);
		}
		if (r != 0) {
			fail_msg(c, &t, op->entry->path);
			goto out;
		}
		if (journal_record(&j, op) != 0) {
			fprintf(stderr, "prongsai deploy: %s: เขียนบันทึกการส่งไม่ได้ (cannot write the journal): %s\n",
				jpath, strerror(errno));
			goto out;
		}
		done++;
		if (op->rank == RANK_DELETE)
			n_del++;
		else
			n_put++;
		if (R->verbose) {
			printf("%s %s\n", op->rank == RANK_DELETE ? "delete" : "put", op->entry->path);
			fflush(stdout);
		}
		if (!R->quiet && now() - last >= 1.0) {
			last = now();
			fprintf(stderr, "prongsai deploy: %zu/%zu แฟ้ม, %lld ไบต์ (files, bytes sent)\n",
				done + skipped, plan.n, t.sent);
		}
	}
	sent = t.sent;
	if (remote_manifest_format(&local, &ltext) != BUF_OK) {
		fputs("prongsai deploy: แฟ้มบัญชีใหญ่เกิน (the manifest is too large)\n", stderr);
		goto out;
	}
	if (transport_put_mem(&t, REMOTE_MANIFEST_NAME, ltext.data, ltext.len) != 0) {
		fail_msg(c, &t, REMOTE_MANIFEST_NAME);
		goto out;
	}
	journal_finish(&j);
	jopen = 0;
	if (!R->quiet)
		fprintf(stderr, "prongsai deploy: %s: ส่ง %zu แฟ้ม (%lld ไบต์) ลบ %zu แฟ้ม ข้าม %zu ที่ส่งไว้แล้ว "
			"ใน %.2f วินาที (sent %zu files, %lld bytes, deleted %zu, %zu already sent, in %.2f s)\n",
			c->url, n_put, sent, n_del, skipped, now() - t0, n_put, sent, n_del, skipped,
			now() - t0);
	rc = 0;
out:
	if (jopen)
		journal_close(&j);
	plan_free(&plan);
	remote_manifest_free(&local);
	remote_manifest_free(&remote);
	buf_free(&rtext);
	buf_free(&ltext);
	transport_close(&t);
	return rc;
}

enum { OPT_CONFIG = 256, OPT_DRY_RUN, OPT_JOURNAL };

int deploy_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "journal", required_argument, NULL, OPT_JOURNAL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *conf_path = getenv("PRONGSAI_DEPLOY_CONFIG"), *journal = NULL;
	struct run R;
	struct deploy_conf conf;
	struct arena ca;
	int c, rc;

	memset(&R, 0, sizeof R);
	R.out = "public";
	if (!conf_path || !conf_path[0])
		conf_path = DEFAULT_CONFIG;
	cli_start();
	while ((c = cli_next("deploy", argc, argv, "o:qvh", longopts)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'o':
			R.out = optarg;
			break;
		case 'q':
			R.quiet = 1;
			break;
		case 'v':
			R.verbose = 1;
			break;
		case OPT_CONFIG:
			conf_path = optarg;
			break;
		case OPT_DRY_RUN:
			R.dry = 1;
			break;
		case OPT_JOURNAL:
			journal = optarg;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return cli_usage_error("deploy", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	}
	if (access(R.out, R_OK | X_OK) != 0) {
		fprintf(stderr, "prongsai deploy: %s: ไม่พบเว็บไซต์ที่สร้างแล้ว ให้รัน prongsai build ก่อน "
			"(no built site: run prongsai build first): %s\n", R.out, strerror(errno));
		return 2;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || sodium_init() < 0) {
		fputs("prongsai deploy: libcurl/libsodium ไม่พร้อม (failed to start)\n", stderr);
		return 1;
	}
	arena_init(&ca);
	if (load_conf(conf_path, &ca, &conf) != 0) {
		deployconf_wipe(&conf, &ca);
		curl_global_cleanup();
		return 2;
	}
	R.c = &conf;
	rc = run_deploy(&R, journal);
	deployconf_wipe(&conf, &ca);
	curl_global_cleanup();
	return rc;
}
