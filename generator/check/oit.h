/* oit.h: the ITA/OIT evidence index: dates of evidence and the checks that
 * `prongsai check` runs on content/oit/<year>.yaml.
 *
 * The date of a piece of evidence is the date given in the file, else what
 * the site knows of the page it names: a news item's date; the latest news
 * for the news list; a project's latest report; the latest report of a fiscal
 * year (or of all) for the project lists, dashboard and open data; the end
 * of a report's period (or today, when earlier); the latest procurement
 * record of a fiscal year.  Only reports, news and records dated on or
 * before the build's date count.  The same date, for a page's own path, is
 * what each page states as the date its data last changed. */
#ifndef PRONGSAI_OIT_H
#define PRONGSAI_OIT_H

#include "model/diag.h"
#include "render/pages.h"

/* The date of link l; returns 1 and sets *out, or 0 when unknown. */
int oit_link_date(const struct site_ctx *sc, const struct oit_link *l, pdate *out);

/* The fiscal year (BE) evidence of item o must fall in, for assessment
 * year y; 0 when any year will do. */
int oit_required_fy(const struct oit_year *y, const struct oit_item *o);

/* What the dated evidence of item o says against its required fiscal year
 * (the one rule of the OIT page and `prongsai check`): evidence is in the
 * year when any of its dated links falls in it. */
struct oit_item_dates {
	int req;                  /* oit_required_fy(), 0 = any */
	int any_dated, any_in;
	pdate newest;             /* when any_dated */
	int outside;              /* req, dated, and no link in req */
};
void oit_item_dates(const struct site_ctx *sc, const struct oit_year *y, const struct oit_item *o,
	struct oit_item_dates *out);

/* 1 if the site path rel (a "#fragment" is ignored; a path ending in '/'
 * means its index.html) is a page in jobs, a data/feed/search file the build
 * writes, a media file or a theme asset. */
int site_path_exists(const struct site_ctx *sc, const struct page_job *jobs, size_t n,
	const char *rel);

/* Warn about each item with no evidence, evidence dated outside the
 * required fiscal year, and links to nothing in the site. */
void oit_check(const struct site_ctx *sc, const struct page_job *jobs, size_t n, struct diags *d);

#endif
