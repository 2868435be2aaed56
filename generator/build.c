/* build.c: `check` and `build`: the stages in order (see build.h). */
#define _DEFAULT_SOURCE
#include "build.h"

#include <libgen.h>
#include <stdlib.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check/check.h"
#include "publish/assets.h"
#include "load/complaints.h"
#include "load/history.h"
#include "load/load.h"
#include "load/submissions.h"
#include "model/model.h"
#include "publish/output.h"
#include "publish/rendercache.h"
#include "publish/sitewrite.h"
#include "publish/staffinfo.h"
#include "render/inputs.h"
#include "render/pages.h"
#include "render/tmpl.h"
#include "site.h"
#include "version.h"

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

static size_t survey_total(const struct cstats *cs)
{
	size_t i, n = 0;

	for (i = 0; i < cs->n_surveys; i++)
		n += cs->surveys[i].n;
	return n;
}

/* The submissions: the database's (read-only snapshot) and the sample's,
 * then the complaint responses checked against them.  -1: the database
 * could not be read (message printed). */
static int load_submissions(const struct build_opts *o, struct model *m, struct diags *d)
{
	char err[1024];
	struct subs_report rep;

	if (o->db && !d->errors) {
		if (subs_read_db(m, o->db, &rep, err, sizeof(err)) != 0) {
			diags_print(d, stderr, "");
			fprintf(stderr, "prongsai: %s\n", err);
			return -1;
		}
		if (rep.skipped)
			say(o, "ข้ามเรื่องที่อ่านวันที่ไม่ได้ %zu รายการ", "skipped %zu submissions with an unreadable date",
				rep.skipped);
		if (rep.left_out) /* a warning even with -q: the site shows less than there is */
			fprintf(stderr, "prongsai: %s: คำเตือน: เรื่องร้องเรียนเก่า %zu เรื่องเกินขีดจำกัด %ld เรื่อง"
				" ไม่ได้แสดงในเว็บไซต์ / warning: %zu older complaints past the limit of %ld are left"
				" out of the site\n", o->db, rep.left_out, SUBS_MAX_CASES, rep.left_out, SUBS_MAX_CASES);
	}
	subs_merge_sample(m, d);
	complaints_check(m, d);
	return 0;
}

/* The revision history (load/history.h) into h, unless --no-history.  A
 * repository that cannot be read is a warning: the site is built without
 * history (the pages say it is not available). */
static void read_history(const struct build_opts *o, const struct model *m, struct history *h,
	struct arena *a)
{
	struct hist_opts ho = { o->content, o->history_cache, m };
	char cache[PATH_MAX], d[PATH_MAX], b[PATH_MAX], err[1024];
	double t0 = now_seconds();

	memset(h, 0, sizeof(*h));
	if (o->no_history)
		return;
	if (!ho.cache) {
		snprintf(d, sizeof(d), "%s", o->out);
		snprintf(b, sizeof(b), "%s", o->out);
		if (snprintf(cache, sizeof(cache), "%s/.%s-history", dirname(d), basename(b)) < (int)sizeof(cache))
			ho.cache = cache;
	}
	if (history_read(h, &ho, a, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s: คำเตือน: อ่านประวัติจาก git ไม่ได้ หน้าเว็บจะแสดงว่าไม่มีประวัติ"
			" / warning: the git history could not be read (%s); the pages say it is not available\n",
			o->content, err);
		return;
	}
	if (h->available)
		say(o, "ประวัติ: %zu commit ใหม่ %zu การแก้ไข (%.2f วินาที)",
			"history: %zu new commits, %zu changes (%.2f s)", h->commits_read, h->n_changes,
			now_seconds() - t0);
}

/* Each closed report (load/history.h) again, from content/ as it was at
 * its closing commit, over the page the current content gave.  A closing
 * whose content cannot be read or checked leaves the current page (with a
 * warning). */
static int render_closed(const struct build_opts *o, const struct site_assembly *s,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out, char *err,
	size_t errlen)
{
	const struct history *h = s->rev.h;
	size_t i, k;

	for (i = 0; h && h->available && i < s->n_jobs; i++) {
		const struct page_job *job = &s->jobs[i];
		const struct hist_closing *c;
		char tmp[PATH_MAX - 16], dir[PATH_MAX];
		const char *td = getenv("TMPDIR");
		struct model cm;
		struct diags d;
		struct site_assembly cs;
		int rc = 0;

		/* a report cut into pages: read the closing commit once, at page 1,
		 * and render every page its own plan has */
		if (job->kind != PG_REPORT || job->page > 1 ||
			!(c = history_closing(h, job->fy, job->index == 1)))
			continue;
		snprintf(tmp, sizeof(tmp), "%s/prongsai-closed-XXXXXX", td && td[0] ? td : "/tmp");
		if (!mkdtemp(tmp)) {
			snprintf(err, errlen, "mkdtemp %.200s failed", tmp);
			return -1;
		}
		snprintf(dir, sizeof(dir), "%s/content", tmp);
		if (history_checkout(o->content, c->commit, dir, err, errlen) != 0) {
			fprintf(stderr, "prongsai: %s: คำเตือน: อ่านเนื้อหา ณ commit ที่ปิดรายงานไม่ได้ / warning: the"
				" content at the closing commit could not be read\n", err);
			remove_tree(tmp);
			continue;
		}
		diags_init(&d, o->lang);
		model_init(&cm);
		cm.today = rev_date(c->time) < o->today ? rev_date(c->time) : o->today;
		load_content(&cm, dir, 1, &d);
		check_model(&cm, &d);
		subs_merge_sample(&cm, &d);
		if (d.errors) {
			fprintf(stderr, "prongsai: %s: คำเตือน: เนื้อหา ณ commit ที่ปิดรายงานมีข้อผิดพลาด แสดงตัวเลขปัจจุบัน"
				" / warning: the content at the closing commit has errors; the current figures are shown\n",
				job->out);
		} else {
			site_assemble_hist(&cs, &cm, PRONGSAI_VERSION, h);
			cs.sc.closing = c;
			cs.sc.assets = s->sc.assets;
			for (k = 0; k < cs.n_jobs && !rc; k++)
				if (cs.jobs[k].kind == PG_REPORT && cs.jobs[k].fy == job->fy &&
					cs.jobs[k].index == job->index)
					rc = site_render_pages(&cs.sc, &cs.jobs[k], 1, tmpl, wo, out, err, errlen);
			site_assembly_free(&cs);
		}
		model_free(&cm);
		diags_free(&d);
		remove_tree(tmp);
		if (rc)
			return -1;
	}
	return 0;
}

/* Render into a staging folder and swap it in; then the database.  Returns
 * 0, or -1 with the message printed and the live site (and, unless the
 * swap was done, the database) as they were. */
static int publish(const struct build_opts *o, const struct model *m, struct site_assembly *s)
{
	struct assets assets;
	struct arena asset_arena;
	struct site_write_opts wo = { o->theme, o->content, o->jobs, !o->quiet && isatty(2) };
	struct tmpl_set *tmpl;
	struct outdir out;
	struct rcache cache_in, cache_out;
	unsigned char templates[INPUTS_FP_BYTES], site_fp[INPUTS_FP_BYTES];
	size_t reused = 0;
	char err[1024], path[PATH_MAX];
	double t0 = now_seconds(), t1;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/templates", o->theme);
	if (!(tmpl = tmpl_load_dir(path, err, sizeof(err)))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	/* the theme's files, fingerprinted: the pages link to their names */
	arena_init(&asset_arena);
	snprintf(path, sizeof(path), "%s/static", o->theme);
	if (assets_load(&assets, path, &asset_arena, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		arena_free(&asset_arena);
		tmpl_free(tmpl);
		return -1;
	}
	s->sc.assets = &assets;
	if ((o->db && site_install_db_ready(o->db, o->quiet ? NULL : stderr, err, sizeof(err)) != 0) ||
		out_begin(&out, o->out, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		arena_free(&asset_arena);
		tmpl_free(tmpl);
		return -1;
	}
	/* the render cache: pages whose inputs did not change are not rendered
	 * again (publish/rendercache.h); a cache that cannot be read only
	 * means every page is rendered */
	rcache_init(&cache_in);
	rcache_init(&cache_out);
	snprintf(path, sizeof(path), "%s/templates", o->theme);
	if (inputs_dir_digest(path, templates, err, sizeof(err)) == 0) {
		inputs_site_fp(&s->sc, templates, site_fp);
		if (rcache_load(&cache_in, out.render_cache, err, sizeof(err)) < 0)
			say(o, "อ่านแคชการสร้างหน้าไม่ได้ จะสร้างทุกหน้า (%s)",
				"the render cache cannot be read; every page is rendered (%s)", err);
		wo.cache_in = &cache_in;
		wo.cache_out = &cache_out;
		wo.site_fp = site_fp;
		wo.reused = &reused;
	}
	say(o, "กำลังสร้าง %zu หน้า ...", "rendering %zu pages ...", s->n_jobs);
	if (site_write(&s->sc, s->jobs, s->n_jobs, tmpl, &wo, &out, err, sizeof(err)) != 0 ||
		render_closed(o, s, tmpl, &wo, &out, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		out_abort(&out);
		goto fail;
	}
	t1 = now_seconds();
	if (out_commit(&out, placeholder_index, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		goto fail;
	}
	/* after the swap: the cache describes the live site */
	if (wo.cache_out && rcache_save(&cache_out, out.render_cache, err, sizeof(err)) != 0)
		fprintf(stderr, "prongsai: คำเตือน: บันทึกแคชการสร้างหน้าไม่ได้ ครั้งหน้าจะสร้างทุกหน้า / warning:"
			" the render cache was not saved; the next build renders every page (%s)\n", err);
	say(o, "เสร็จ: %zu ไฟล์ %.1f MB เขียนใหม่ %zu ไฟล์ %.1f MB ใช้หน้าเดิม %zu หน้า (สร้าง %.2f เผยแพร่ %.2f วินาที) -> %s",
		"done: %zu files, %.1f MB; %zu files, %.1f MB written, the rest unchanged;"
		" %zu pages not rendered again (render %.2f s, publish %.2f s) -> %s",
		out.files, (double)out.bytes / 1e6, out.files - out.linked,
		(double)(out.bytes - out.linked_bytes) / 1e6, reused, t1 - t0, now_seconds() - t1, o->out);
	rc = 0;
fail:
	rcache_free(&cache_in);
	rcache_free(&cache_out);
	out_free(&out);
	tmpl_free(tmpl);
	s->sc.assets = NULL;
	arena_free(&asset_arena);
	if (rc != 0)
		return -1;
	/* only now, with the new site live: a failed build never changes it */
	if (o->db && site_install_db(o->db, m, o->public_key, o->origins, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n%s\n", err,
			o->lang == LANG_EN ? "prongsai: the site was published but the database was not updated; fix the"
				" database and build again"
			: "prongsai: เผยแพร่เว็บไซต์แล้ว แต่ยังไม่ได้ปรับฐานข้อมูล แก้ไขฐานข้อมูลแล้วสร้างใหม่อีกครั้ง");
		return -1;
	}
	if (o->staff_db && staffinfo_install(o->staff_db, m, o->origins, o->db, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n%s\n", err,
			o->lang == LANG_EN ? "prongsai: the site was published but the staff database was not updated;"
				" fix it and build again"
			: "prongsai: เผยแพร่เว็บไซต์แล้ว แต่ยังไม่ได้ปรับฐานข้อมูลเจ้าหน้าที่ แก้ไขแล้วสร้างใหม่อีกครั้ง");
		return -1;
	}
	return 0;
}

/* The checks, as `prongsai check` runs them: load (content, with
 * o->overlay laid over it, then the submissions of o->db) -> check_model ->
 * the git history into hist (build only; check leaves it empty) ->
 * assemble -> OIT checks.  Returns 0 (problems in d; *assembled set and s
 * to be freed when there were no errors), or -1 when the database could
 * not be read (message printed). */
static int validate(const struct build_opts *o, struct model *m, struct diags *d, struct site_assembly *s,
		    struct history *hist, int *assembled)
{
	*assembled = 0;
	m->today = o->today;
	say(o, "กำลังอ่าน %s ...", "reading %s ...", o->content);
	load_content_overlay(m, o->content, o->overlay, o->n_overlay, o->jobs, d);
	if (o->manual)
		load_manual(m, o->manual, o->manual_media, d);
	check_model(m, d);
	if (load_submissions(o, m, d) != 0)
		return -1;
	if (!d->errors) {
		if (!o->check_only)
			read_history(o, m, hist, &m->arena);
		else
			memset(hist, 0, sizeof(*hist));
		site_assemble_hist(s, m, PRONGSAI_VERSION, hist);
		*assembled = 1;
		/* the OIT checks need the figures and the list of pages */
		oit_check(&s->sc, s->jobs, s->n_jobs, d);
	}
	return 0;
}

void build_check_content(const char *content, pdate today, int jobs, struct model *m, struct diags *d)
{
	build_check_overlay(content, NULL, 0, today, jobs, m, d);
}

void build_check_overlay(const char *content, const struct load_overlay *ov, size_t n, pdate today,
	int jobs, struct model *m, struct diags *d)
{
	struct build_opts o;
	struct site_assembly s;
	struct history hist;
	int assembled;

	memset(&o, 0, sizeof(o));
	o.content = content;
	o.overlay = ov;
	o.n_overlay = n;
	o.today = today;
	o.jobs = jobs;
	o.quiet = 1;
	o.check_only = 1;
	o.lang = d->lang;
	validate(&o, m, d, &s, &hist, &assembled); /* no database: cannot fail */
	if (assembled)
		site_assembly_free(&s);
}

int build_run(const struct build_opts *o)
{
	struct diags d;
	struct model m;
	struct site_assembly s;
	struct history hist;
	double t0 = now_seconds();
	int rc = 1, assembled = 0;

	diags_init(&d, o->lang);
	model_init(&m);
	if (validate(o, &m, &d, &s, &hist, &assembled) != 0)
		goto done;
	diags_print(&d, stderr, "");
	if (d.errors) {
		if (!o->check_only)
			fprintf(stderr, "%s\n", L(&d, "prongsai: ไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังคงอยู่ตามเดิม",
				"prongsai: nothing was built; the live site is unchanged"));
		goto done;
	}
	say(o, "โครงการ %zu รายงาน %zu ข่าว %zu หน้า %zu แบบฟอร์ม %zu เรื่องร้องเรียน %zu แบบสำรวจที่ตอบ %zu"
		" (อ่าน %.2f วินาที)",
		"%zu projects, %zu reports, %zu news, %zu pages, %zu forms, %zu complaints, %zu survey responses"
		" (load %.2f s)",
		m.n_projects, m.n_reports, m.n_news, m.n_pages, m.n_forms, s.cs.n_cases,
		survey_total(&s.cs), now_seconds() - t0);
	rc = o->check_only ? 0 : publish(o, &m, &s) == 0 ? 0 : 1;
done:
	if (assembled)
		site_assembly_free(&s);
	model_free(&m);
	diags_free(&d);
	return rc;
}
