/* build.c: the pipeline behind `check` and `build`. */
#define _DEFAULT_SOURCE
#include "build.h"

#include <dirent.h>
#include <stdarg.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "derive/derive.h"
#include "publish/assets.h"
#include "publish/feeds.h"
#include "publish/fsutil.h"
#include "load/load.h"
#include "model/model.h"
#include "check/oit.h"
#include "publish/opendata.h"
#include "publish/output.h"
#include "render/pages.h"
#include "publish/search.h"
#include "load/complaints.h"
#include "derive/stats.h"
#include "load/submissions.h"
#include "render/tmpl.h"
#include "check/validate.h"
#include "version.h"

#define PAGE_MAX_SIZE (64 * 1024 * 1024)

static const char placeholder_index[] =
	"<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
	"<meta name=\"robots\" content=\"noindex\"><title>ไม่มีหน้านี้ / Nothing here</title></head>"
	"<body><main><h1>ไม่มีหน้านี้ / Nothing here</h1></main></body></html>\n";

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void say(const struct build_opts *o, const char *th, const char *en, ...)
	__attribute__((format(printf, 3, 4)));
static void say(const struct build_opts *o, const char *th, const char *en, ...)
{
	va_list ap;

	if (o->quiet)
		return;
	va_start(ap, en);
	fputs("prongsai: ", stderr);
	vfprintf(stderr, o->lang == LANG_EN ? en : th, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* Checks that need the whole model and belong to no single record. */
static void extra_checks(struct model *m, struct diags *d)
{
	size_t i;
	const char *s;

	for (i = 0; i < m->n_pages; i++)
		if (page_slug_reserved(m->pages[i]->slug)) {
			struct loc l = { m->pages[i]->path, 0, 0 };
			diag_error(d, l, "ชื่อหน้า \"%s\" ซ้ำกับส่วนอื่นของเว็บไซต์ ให้เปลี่ยนชื่อไฟล์",
				"page name \"%s\" is reserved for another part of the site; rename the file",
				m->pages[i]->slug);
		}
	for (i = 0; i < m->n_projects; i++) {
		for (s = m->projects[i]->id; *s >= '0' && *s <= '9'; s++)
			;
		if (!*s) {
			struct loc l = { m->projects[i]->path, m->projects[i]->line_id, 1 };
			diag_error(d, l, "รหัสโครงการต้องไม่เป็นตัวเลขล้วน (เช่น ใช้ 2569-001)",
				"a project id must not be digits only (use e.g. 2569-001)");
		}
	}
	if (m->site.n_fiscal_years == 0 && m->site.name) {
		struct loc l = { "site.yaml", 0, 0 };
		diag_error(d, l, "ไม่มีปีงบประมาณที่จะแสดง", "no fiscal years to show");
	}
}

struct render_pool {
	const struct site_ctx *sc;
	const struct tmpl_set *tmpl;
	const struct page_job *jobs;
	size_t n;
	struct outdir *out;
	atomic_size_t next, done;
	atomic_int failed;
	char err[512];
	pthread_mutex_t lock;
	int progress;
};

static void *render_thread(void *arg)
{
	struct render_pool *rp = arg;
	struct buf b;
	size_t i;

	buf_init(&b, PAGE_MAX_SIZE);
	while (!atomic_load(&rp->failed) && (i = atomic_fetch_add(&rp->next, 1)) < rp->n) {
		const struct page_job *job = &rp->jobs[i];
		struct arena a;
		struct tval *view;
		size_t d;

		arena_init(&a);
		view = page_view(rp->sc, job, &a);
		buf_reset(&b);
		if (tmpl_render(rp->tmpl, job->tmpl, view, &b) != 0) {
			pthread_mutex_lock(&rp->lock);
			if (!atomic_load(&rp->failed))
				snprintf(rp->err, sizeof(rp->err), "template %s failed for %s", job->tmpl, job->out);
			atomic_store(&rp->failed, 1);
			pthread_mutex_unlock(&rp->lock);
		} else if (out_write(rp->out, job->out, b.data ? b.data : "", b.len) != 0) {
			atomic_store(&rp->failed, 1);
		}
		arena_free(&a);
		d = atomic_fetch_add(&rp->done, 1) + 1;
		if (rp->progress && d % 2000 == 0)
			fprintf(stderr, "\rprongsai: %zu/%zu", d, rp->n);
	}
	buf_free(&b);
	return NULL;
}

static int cmp_recent(const void *pa, const void *pb)
{
	const struct report *a = *(const struct report *const *)pa, *b = *(const struct report *const *)pb;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return strcmp(a->path, b->path);
}

static int install_db(const struct build_opts *o, const struct model *m)
{
	sqlite3 *db = NULL;
	char err[512];
	char dir[PATH_MAX];
	struct db_settings s;
	int made = 0;

	/* a missing folder is made 0700: the database holds personal data
	 * (general complaints' attachments are not sealed), so nobody else may
	 * read it until the administrator gives the collector's user access */
	if (fs_parent(o->db, dir, sizeof(dir), err, sizeof(err)) != 0 ||
		fs_mkdirs(dir, 0700, &made, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: --db %s: %s\n", o->db, err);
		return -1;
	}
	if (made)
		say(o, "สร้างโฟลเดอร์ %s (สิทธิ์ 0700) ให้ผู้ใช้ของ collector เขียนได้ก่อนเปิดบริการ",
			"made the folder %s (mode 0700); give the collector's user access to it", dir);
	memset(&s, 0, sizeof(s));
	s.public_key_b64 = o->public_key ? o->public_key : m->site.public_key;
	s.site_origin = m->site.base_url;
	s.collector_path = m->site.collector;
	s.thanks_base = m->site.thanks_base;
	s.rate_limit_per_hour = m->site.rate_limit_per_hour;
	s.repeat_window_s = m->site.repeat_window_s;
	s.busy_timeout_ms = m->site.busy_timeout_ms;
	s.office_name_th = m->site.name;
	s.office_name_en = m->site.name_en;
	s.office_phone = m->site.phone;
	if (db_open(o->db, DB_OPEN_CREATE, &db, err, sizeof(err)) != 0 ||
		db_migrate(db, err, sizeof(err)) != 0 ||
		formdb_install(db, m->forms, m->n_forms, &s, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s: %s\n", o->db, err);
		if (db)
			sqlite3_close(db);
		return -1;
	}
	sqlite3_close(db);
	return 0;
}

int build_run(const struct build_opts *o)
{
	struct diags d;
	struct model m;
	struct derived dv;
	struct cstats cs;
	struct site_ctx sc;
	struct assets assets;
	struct tmpl_set *tmpl = NULL;
	struct outdir out;
	struct arena plan_arena;
	struct page_job *jobs;
	size_t n_jobs, i;
	char err[1024], path[PATH_MAX];
	double t0 = now_seconds(), t_load = t0, t_render = t0;
	int rc = 1, t, nthreads;
	pthread_t tids[MODEL_MAX_JOBS];
	struct render_pool rp;

	diags_init(&d, o->lang);
	model_init(&m);
	arena_init(&plan_arena);
	m.today = o->today;
	say(o, "กำลังอ่าน %s ...", "reading %s ...", o->content);
	load_content(&m, o->content, o->jobs, &d);
	validate_model(&m, &d);
	extra_checks(&m, &d);
	if (o->db && !d.errors) {
		size_t skipped = 0;
		/* read-only, one snapshot; the collector keeps writing meanwhile */
		if (subs_read_db(&m, o->db, &skipped, err, sizeof(err)) != 0) {
			diags_print(&d, stderr, "");
			fprintf(stderr, "prongsai: %s\n", err);
			goto done;
		}
		if (skipped)
			say(o, "ข้ามเรื่องที่อ่านวันที่ไม่ได้ %zu รายการ", "skipped %zu submissions with an unreadable date",
				skipped);
	}
	subs_merge_sample(&m, &d);
	complaints_check(&m, &d);
	jobs = NULL;
	n_jobs = 0;
	if (!d.errors) {
		/* the OIT checks need the figures and the list of pages */
		derive_all(&m, &dv);
		stats_build(&m, &m.arena, &cs);
		sc.m = &m;
		sc.dv = &dv;
		sc.cs = &cs;
		sc.version = PRONGSAI_VERSION;
		sc.assets = NULL;
		sc.recent = arena_alloc(&m.arena, (m.n_reports + 1) * sizeof(*sc.recent));
		sc.n_recent = 0;
		for (i = 0; i < m.n_reports; i++)
			if (m.reports[i]->date <= m.today)
				sc.recent[sc.n_recent++] = m.reports[i];
		qsort((void *)sc.recent, sc.n_recent, sizeof(*sc.recent), cmp_recent);
		jobs = pages_plan(&sc, &plan_arena, &n_jobs);
		oit_check(&sc, jobs, n_jobs, &d);
	}
	t_load = now_seconds();
	diags_print(&d, stderr, "");
	if (d.errors) {
		if (!o->check_only)
			fprintf(stderr, "%s\n", L(&d, "prongsai: ไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังคงอยู่ตามเดิม",
				"prongsai: nothing was built; the live site is unchanged"));
		goto done;
	}
	say(o, "โครงการ %zu รายงาน %zu ข่าว %zu หน้า %zu แบบฟอร์ม %zu เรื่องร้องเรียน %zu แบบสำรวจที่ตอบ %zu",
		"%zu projects, %zu reports, %zu news, %zu pages, %zu forms, %zu complaints, %zu survey responses",
		m.n_projects, m.n_reports, m.n_news, m.n_pages, m.n_forms, cs.n_cases,
		m.n_subs - cs.n_cases);
	if (o->check_only) {
		rc = 0;
		goto done;
	}
	snprintf(path, sizeof(path), "%s/templates", o->theme);
	if (!(tmpl = tmpl_load_dir(path, err, sizeof(err)))) {
		fprintf(stderr, "%s\n", err);
		goto done;
	}
	snprintf(path, sizeof(path), "%s/static", o->theme);
	if (assets_load(&assets, path, &m.arena, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		goto done;
	}
	sc.assets = &assets;
	if (o->db && install_db(o, &m) != 0)
		goto done;
	if (out_begin(&out, o->out, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		goto done;
	}
	say(o, "กำลังสร้าง %zu หน้า ...", "rendering %zu pages ...", n_jobs);
	memset(&rp, 0, sizeof(rp));
	rp.sc = &sc;
	rp.tmpl = tmpl;
	rp.jobs = jobs;
	rp.n = n_jobs;
	rp.out = &out;
	rp.progress = !o->quiet && isatty(2);
	atomic_init(&rp.next, 0);
	atomic_init(&rp.done, 0);
	atomic_init(&rp.failed, 0);
	pthread_mutex_init(&rp.lock, NULL);
	nthreads = o->jobs < 1 ? 1 : o->jobs > MODEL_MAX_JOBS ? MODEL_MAX_JOBS : o->jobs;
	for (t = 1; t < nthreads; t++)
		if (pthread_create(&tids[t], NULL, render_thread, &rp) != 0)
			break;
	render_thread(&rp);
	while (--t > 0)
		pthread_join(tids[t], NULL);
	pthread_mutex_destroy(&rp.lock);
	if (rp.progress && n_jobs >= 2000)
		fputc('\n', stderr);
	t_render = now_seconds();
	if (atomic_load(&rp.failed)) {
		fprintf(stderr, "prongsai: %s\n", rp.err[0] ? rp.err : out.err);
		out_abort(&out);
		out_free(&out);
		goto done;
	}
	if (opendata_write(&sc, &out, err, sizeof(err)) != 0 ||
		feeds_write(&sc, jobs, n_jobs, &out, err, sizeof(err)) != 0 ||
		search_write(&sc, &out, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		out_abort(&out);
		out_free(&out);
		goto done;
	}
	assets_write(&assets, &out);
	for (i = 0; i < m.n_media; i++) {
		snprintf(path, sizeof(path), "%s/%s", o->content, m.media[i].path);
		out_copy(&out, m.media[i].path, path);
	}
	if (out_commit(&out, placeholder_index, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		out_free(&out);
		goto done;
	}
	say(o, "เสร็จ: %zu ไฟล์ %.1f MB ใน %.2f วินาที (อ่าน %.2f สร้าง %.2f เผยแพร่ %.2f) -> %s",
		"done: %zu files, %.1f MB in %.2f s (load %.2f, render %.2f, publish %.2f) -> %s",
		out.files, (double)out.bytes / 1e6, now_seconds() - t0, t_load - t0, t_render - t_load,
		now_seconds() - t_render, o->out);
	out_free(&out);
	rc = 0;
done:
	if (tmpl)
		tmpl_free(tmpl);
	arena_free(&plan_arena);
	model_free(&m);
	diags_free(&d);
	return rc;
}
