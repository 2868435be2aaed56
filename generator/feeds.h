/* feeds.h: discovery files with absolute URLs from site.yaml's base_url
 * (feeds and sitemaps are read by other programs, not linked from pages):
 *   feeds/news.xml     Atom, every news item, newest first
 *   feeds/updates.xml  Atom, the latest FEEDS_MAX_UPDATES progress reports
 *   sitemap.xml        every page except 404.html and the forms' thanks pages
 *   robots.txt         allow all, name the sitemap
 * Dates are the record's date at 00:00 Bangkok time (+07:00). */
#ifndef PRONGSAI_FEEDS_H
#define PRONGSAI_FEEDS_H

#include "output.h"
#include "pages.h"

#define FEEDS_MAX_UPDATES 50
#define FEEDS_MAX_SIZE (256u * 1024 * 1024)

/* Write the four files.  Returns 0, or -1 with err set (write failed). */
int feeds_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, char *err, size_t errlen);

#endif
