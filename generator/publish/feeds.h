/* feeds.h: discovery files with absolute URLs from site.yaml's base_url
 * (feeds and sitemaps are read by other programs, not linked from pages):
 *   feeds/news.xml     Atom, the latest FEEDS_MAX_NEWS published news items,
 *                      newest first; a summary longer than FEEDS_MAX_SUMMARY
 *                      code points is cut to FEEDS_MAX_SUMMARY - 1 and "…"
 *   feeds/updates.xml  Atom, the latest FEEDS_MAX_UPDATES progress reports
 *   feeds/revisions.xml Atom, the latest FEEDS_MAX_REVISIONS changes of
 *                      published figures (load/history.h), newest first; an
 *                      entry links to the change on its page (#rev-N)
 *   sitemap.xml        every page except 404.html, the forms' thanks pages and
 *                      the case-tracking pages.  Past the sitemap protocol's
 *                      limits (FEEDS_SITEMAP_MAX_URLS URLs or
 *                      FEEDS_SITEMAP_MAX_BYTES bytes in one file) the URLs go
 *                      to sitemap-1.xml, sitemap-2.xml, ... (each within both
 *                      limits) and sitemap.xml is their sitemap index
 *   robots.txt         allow all, name the sitemap
 * Dates are the record's date at 00:00 Bangkok time (+07:00) (a change:
 * the date of its commit). */
#ifndef PRONGSAI_FEEDS_H
#define PRONGSAI_FEEDS_H

#include "publish/output.h"
#include "render/pages.h"

#define FEEDS_MAX_NEWS 100
#define FEEDS_MAX_UPDATES 50
#define FEEDS_MAX_REVISIONS 100
#define FEEDS_MAX_SUMMARY 500                        /* code points */
#define FEEDS_SITEMAP_MAX_URLS 50000                 /* sitemaps.org limits */
#define FEEDS_SITEMAP_MAX_BYTES (50u * 1024 * 1024)
#define FEEDS_MAX_SIZE (256u * 1024 * 1024)          /* bytes of any one file */

/* Write the files.  Returns 0, or -1 with err set (a write failed, or a file
 * would pass FEEDS_MAX_SIZE). */
int feeds_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, char *err, size_t errlen);

/* feeds_write() with max bytes per file instead of FEEDS_MAX_SIZE (for the
 * tests: a file of exactly max bytes is written, one more fails). */
int feeds_write_max(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, size_t max, char *err, size_t errlen);

#endif
