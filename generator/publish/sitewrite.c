/* sitewrite.c: the whole site into the staging folder; the database after
 * the swap (see sitewrite.h). */
#define _DEFAULT_SOURCE
#include "publish/sitewrite.h"
#include "publish/assets.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "publish/feeds.h"
#include "publish/fsutil.h"
#include "publish/opendata.h"
#include "publish/procfiles.h"
#include "publish/esvfile.h"
#include "publish/itas.h"
#include "publish/search.h"
#include "render/inputs.h"

#include <sodium.h>

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
	const struct site_write_opts *wo;
	atomic_size_t reused;
};

/* The live page of job, linked into the staging folder when its inputs'
 * fingerprint fp is the one it was rendered from: 1 linked, 0 not, -1 the
 * staging folder failed. */
static int reuse_page(struct render_pool *rp, const struct page_job *job, const unsigned char *fp)
{
	const struct rcache_entry *e = rcache_find(rp->wo->cache_in, job->out);
	int r;

	if (!e || sodium_memcmp(e->fp, fp, RCACHE_HASH_BYTES) != 0)
		return 0;
	r = out_reuse(rp->out, job->out, e->out);
	if (r == 1)
		(void)rcache_add(rp->wo->cache_out, job->out, fp, e->out); /* failed: cache unsaved */
	return r;
}

static void *render_thread(void *arg)
{
	struct render_pool *rp = arg;
	struct buf b;
	size_t i;

	buf_init(&b, SITE_PAGE_MAX_SIZE);
	while (!atomic_load(&rp->failed) && (i = atomic_fetch_add(&rp->next, 1)) < rp->n) {
		const struct page_job *job = &rp->jobs[i];
		struct arena a;
		struct tval *view;
		size_t d;
		unsigned char fp[INPUTS_FP_BYTES], hash[MANIFEST_HASH_BYTES];
		int cached = rp->wo->cache_out && inputs_page_fp(rp->sc, job, rp->wo->site_fp, fp);
		int r;

		if (cached && (r = reuse_page(rp, job, fp)) != 0) {
			if (r < 0)
				atomic_store(&rp->failed, 1);
			else
				atomic_fetch_add(&rp->reused, 1);
			goto done;
		}
		arena_init(&a);
		view = page_view(rp->sc, job, &a);
		buf_reset(&b);
		if (tmpl_render(rp->tmpl, job->tmpl, view, &b) != 0) {
			pthread_mutex_lock(&rp->lock);
			if (!atomic_load(&rp->failed))
				snprintf(rp->err, sizeof(rp->err),
					"แม่แบบ %s ใช้สร้าง %s ไม่ได้ / template %s failed for %s",
					job->tmpl, job->out, job->tmpl, job->out);
			atomic_store(&rp->failed, 1);
			pthread_mutex_unlock(&rp->lock);
		} else if (out_write_hash(rp->out, job->out, b.data ? b.data : "", b.len, hash) != 0) {
			atomic_store(&rp->failed, 1);
		} else if (cached) {
			/* a failed add only leaves the cache unsaved */
			(void)rcache_add(rp->wo->cache_out, job->out, fp, hash);
		}
		arena_free(&a);
done:
		d = atomic_fetch_add(&rp->done, 1) + 1;
		if (rp->progress && d % 2000 == 0)
			fprintf(stderr, "\rprongsai: %zu/%zu", d, rp->n);
	}
	buf_free(&b);
	return NULL;
}

static int render_pages(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out,
	char *err, size_t errlen)
{
	pthread_t tids[SITE_MAX_THREADS];
	struct render_pool rp;
	int t, nthreads;

	memset(&rp, 0, sizeof(rp));
	rp.sc = sc;
	rp.tmpl = tmpl;
	rp.jobs = jobs;
	rp.n = n_jobs;
	rp.out = out;
	rp.progress = wo->progress;
	rp.wo = wo;
	atomic_init(&rp.reused, 0);
	atomic_init(&rp.next, 0);
	atomic_init(&rp.done, 0);
	atomic_init(&rp.failed, 0);
	pthread_mutex_init(&rp.lock, NULL);
	nthreads = wo->nthreads < 1 ? 1 : wo->nthreads > SITE_MAX_THREADS ? SITE_MAX_THREADS : wo->nthreads;
	for (t = 1; t < nthreads; t++)
		if (pthread_create(&tids[t], NULL, render_thread, &rp) != 0)
			break;
	render_thread(&rp);
	while (--t > 0)
		pthread_join(tids[t], NULL);
	pthread_mutex_destroy(&rp.lock);
	if (wo->reused)
		*wo->reused += atomic_load(&rp.reused);
	if (rp.progress && n_jobs >= 2000)
		fputc('\n', stderr);
	if (atomic_load(&rp.failed)) {
		snprintf(err, errlen, "%s", rp.err[0] ? rp.err : out->err);
		return -1;
	}
	return 0;
}

int site_render_pages(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out,
	char *err, size_t errlen)
{
	return render_pages(sc, jobs, n_jobs, tmpl, wo, out, err, errlen);
}

int site_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out,
	char *err, size_t errlen)
{
	const struct model *m = sc->m;
	char path[PATH_MAX];
	size_t i;

	if (render_pages(sc, jobs, n_jobs, tmpl, wo, out, err, errlen) != 0 ||
		opendata_write(sc, out, err, errlen) != 0 ||
		procfiles_write(sc, out, err, errlen) != 0 ||
		itas_write(sc, out, err, errlen) != 0 ||
		esvfile_write(sc, out, err, errlen) != 0 ||
		feeds_write(sc, jobs, n_jobs, out, err, errlen) != 0 ||
		search_write(sc, out, err, errlen) != 0)
		return -1;
	if (sc->assets && assets_write(sc->assets, out) != 0) {
		snprintf(err, errlen, "%s", out->err);
		return -1;
	}
	for (i = 0; i < m->n_media; i++) {
		if (snprintf(path, sizeof(path), "%s/%s", wo->content, m->media[i].path) >= (int)sizeof(path) ||
			out_copy(out, m->media[i].path, path) != 0) {
			snprintf(err, errlen, "%s", out->err[0] ? out->err : "media: name too long / ชื่อยาวเกินไป");
			return -1;
		}
	}
	/* the manual's screenshots and PDF, as `make manual` left them */
	for (i = 0; i <= m->n_manual_shots; i++) {
		const char *dest = i < m->n_manual_shots ? "manual/%s" : "manual/manual.pdf";
		char rel[PATH_MAX];
		if (i == m->n_manual_shots && !m->manual_pdf)
			break;
		if ((i < m->n_manual_shots ? snprintf(path, sizeof(path), "%s/shots/%s", m->manual_media,
			m->manual_shots[i]) : snprintf(path, sizeof(path), "%s/manual.pdf", m->manual_media)) >= (int)sizeof(path) ||
			snprintf(rel, sizeof(rel), dest, i < m->n_manual_shots ? m->manual_shots[i] : "") >= (int)sizeof(rel) ||
			out_copy(out, rel, path) != 0) {
			snprintf(err, errlen, "%s", out->err[0] ? out->err : "manual: name too long / ชื่อยาวเกินไป");
			return -1;
		}
	}
	return 0;
}

int site_install_db_ready(const char *db, FILE *note, char *err, size_t errlen)
{
	char dir[PATH_MAX];
	int made = 0;

	/* a missing folder is made 0700: the database holds personal data
	 * (general complaints' attachments are not sealed), so nobody else may
	 * read it until the administrator gives the collector's user access */
	if (fs_parent(db, dir, sizeof(dir), err, errlen) != 0 ||
		fs_mkdirs(dir, 0700, &made, err, errlen) != 0)
		return -1;
	if (made && note)
		fprintf(note, "prongsai: สร้างโฟลเดอร์ %s (สิทธิ์ 0700) ให้ผู้ใช้ของ collector เขียนได้ก่อนเปิดบริการ"
			" / made the folder %s (mode 0700); give the collector's user access to it\n", dir, dir);
	if (access(dir, W_OK) != 0 || (access(db, F_OK) == 0 && access(db, W_OK) != 0)) {
		snprintf(err, errlen, "--db %s: เขียนฐานข้อมูลไม่ได้ (อ่านได้อย่างเดียว?) / cannot write the database"
			" (read-only?): %s", db, strerror(errno));
		return -1;
	}
	return 0;
}

int site_install_db(const char *path, const struct model *m, const char *public_key,
	const char *origins, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	struct db_settings s;
	char why[512], *all;
	int rc;

	memset(&s, 0, sizeof(s));
	s.public_key_b64 = public_key ? public_key : m->site.public_key;
	s.collector_path = m->site.collector;
	s.thanks_base = m->site.thanks_base;
	s.rate_limit_per_hour = m->site.rate_limit_per_hour;
	s.repeat_window_s = m->site.repeat_window_s;
	s.busy_timeout_ms = m->site.busy_timeout_ms;
	s.office_name_th = m->site.name;
	s.office_name_en = m->site.name_en;
	s.office_phone = m->site.phone;
	s.built_through = m->subs_through;
	/* base_url first: formdb_install() reduces each to its origin */
	all = sqlite3_mprintf("%s %s", m->site.base_url ? m->site.base_url : "", origins ? origins : "");
	if (!all) {
		snprintf(err, errlen, "%s: out of memory / หน่วยความจำไม่พอ", path);
		return -1;
	}
	s.origins = all;
	rc = db_open(path, DB_OPEN_CREATE, &db, why, sizeof(why)) != 0 ||
		db_migrate(db, why, sizeof(why)) != 0 ||
		formdb_install(db, m->forms, m->n_forms, &s, why, sizeof(why)) != 0 ? -1 : 0;
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", path, why);
	if (db)
		sqlite3_close(db);
	sqlite3_free(all);
	return rc;
}
