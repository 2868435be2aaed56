/* sitewrite.h: the whole site into a staging folder, and the collector's
 * database after the site is live.
 *
 * site_write() renders every page of the plan with nthreads threads, then
 * writes the open data, the feeds and sitemap, the search index, the
 * theme's static files (under assets/) and the content's media, all into
 * out's staging folder.  It never touches the live site or any database.
 *
 * site_install_db() puts the forms and the settings of site.yaml into the
 * collector's database (creating and migrating it), in one transaction.
 * `build --db` calls it only after out_commit() succeeded, so that a build
 * that fails leaves the database as it was; site_install_db_ready() is the
 * check `build` makes before rendering, so that a database that cannot be
 * written stops the build while the live site is still the old one. */
#ifndef PRONGSAI_SITEWRITE_H
#define PRONGSAI_SITEWRITE_H

#include <stddef.h>
#include <stdio.h>

#include "model/model.h"
#include "publish/output.h"
#include "publish/rendercache.h"
#include "render/pages.h"
#include "render/tmpl.h"

#define SITE_MAX_THREADS MODEL_MAX_JOBS
#define SITE_PAGE_MAX_SIZE (64 * 1024 * 1024) /* bytes of one rendered page */

struct site_write_opts {
	const char *theme;     /* theme folder: its static/ goes to assets/ */
	const char *content;   /* content folder: m->media paths are below it */
	int nthreads;          /* clamped to 1..SITE_MAX_THREADS */
	int progress;          /* "\rprongsai: N/M" on stderr every 2000 pages */
	/* the render cache (rendercache.h), or all NULL: every page rendered.
	 * A page whose kind declares its inputs (render/inputs.h) and whose
	 * fingerprint is the one cache_in has for it is linked from the live
	 * site (out_reuse()) instead of rendered; every such page, rendered or
	 * not, goes into cache_out. */
	const struct rcache *cache_in;
	struct rcache *cache_out;
	const unsigned char *site_fp; /* inputs_site_fp() */
	size_t *reused;        /* counts the pages linked, or NULL */
};

/* Returns 0, or -1 with err set (bilingual, naming the page, template or
 * file); on -1 the staging folder holds a partial site that the caller
 * discards with out_abort(). */
int site_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out,
	char *err, size_t errlen);

/* Render just these pages into out (what site_write() does first), e.g. a
 * closed report's page again from the model at its closing commit.
 * Returns 0, or -1 with err set. */
int site_render_pages(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	const struct tmpl_set *tmpl, const struct site_write_opts *wo, struct outdir *out,
	char *err, size_t errlen);

/* Whether db can be written: makes its folder (0700) if missing and says
 * so on note (may be NULL), then checks that the database file, if it
 * exists, and its folder are writable.  Changes no file.  Returns 0, or -1
 * with err set. */
int site_install_db_ready(const char *db, FILE *note, char *err, size_t errlen);

/* Create or migrate db and install m's forms and settings (public_key,
 * when not NULL, overrides site.yaml's).  The collector accepts posts from
 * base_url's origin and those of origins (space-separated URLs, `build
 * --origin`; may be NULL).  Returns 0, or -1 with err set and the database
 * as it was (one transaction). */
int site_install_db(const char *db, const struct model *m, const char *public_key,
	const char *origins, char *err, size_t errlen);

#endif
