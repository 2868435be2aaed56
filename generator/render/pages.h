/* pages.h: the list of pages a site has, and the view each one renders.
 *
 * pages_plan() lists every page as a job (output path, template, what it
 * shows), from the model alone.  page_view() builds a job's view in the job's
 * arena; it only reads the model, so jobs can be rendered by several threads
 * at once and in any order.  Links in views are relative (prefixed with the
 * page's "root", "../" per folder level). */
#ifndef PRONGSAI_PAGES_H
#define PRONGSAI_PAGES_H

#include <stddef.h>
#include "arena.h"
#include "derive/derive.h"
#include "derive/stats.h"
#include "model/model.h"
#include "render/tval.h"

struct assets;
struct rev_index;
struct hist_closing;
struct timeliness;

enum page_kind {
	PG_HOME, PG_PROJECTS, PG_PROJECTS_FY, PG_FILTER, PG_PROJECT, PG_NEWS_LIST, PG_NEWS,
	PG_PAGE, PG_NOT_FOUND, PG_FORMS, PG_FORM, PG_THANKS,
	PG_DASHBOARD, PG_REPORTS, PG_REPORT, PG_OIT, PG_PROCUREMENT, PG_DATA, PG_SEARCH,
	PG_TRACK, PG_TRACK_CASE, PG_COMPLAINTS, PG_SURVEYS, PG_SURVEY, PG_REVISIONS,
	PG_STAFF_SIGNIN,  /* staff/index.html: the staff area's sign-in (staff.cgi) */
	/* the print kit (pages_print.c): print/index.html, a notice sheet per
	 * project with QR codes, the office poster, the announcement */
	PG_PRINT_INDEX, PG_PRINT_PROJECT, PG_PRINT_POSTER, PG_PRINT_ANNOUNCE,
	PG_PARTICIPATION, /* participation/ (fy 0) and participation/<FY>/: OIT O19 */
	PG_SERVICES,      /* services/: the service guides, OIT O9 */
	PG_GUIDELINE,     /* corruption-guideline/: OIT O16 */
	PG_ESERVICE,      /* e-service/: the online services' use and how-to, OIT O10 */
	PG_QUESTIONS,     /* questions/: published questions and answers, OIT O3 */
	/* the user manual (build --manual, pages_manual.c): manual/, a page
	 * per part (index: the part in m->manual), manual/print/ */
	PG_MANUAL_INDEX, PG_MANUAL, PG_MANUAL_PRINT
};

enum facet { FACET_NONE, FACET_GROUP, FACET_DISTRICT, FACET_DIMENSION, FACET_STATUS };

struct page_job {
	enum page_kind kind;
	const char *out;        /* path under the site root */
	const char *tmpl;       /* template name */
	int depth;              /* folder levels below the root */
	int fy;
	enum facet facet;
	size_t index;           /* item index (project, news, page, form, facet value;
	                           PG_REPORT: 0 half-year, 1 annual; PG_OIT: the
	                           year in m->oit; PG_PROCUREMENT: CE month 1..12,
	                           0 for the year; PG_TRACK_CASE: the case in
	                           cs->cases; PG_SURVEY: the survey in
	                           cs->surveys; PG_COMPLAINTS: fy 0 = index;
	                           PG_PRINT_PROJECT: the project) */
	const char *project;    /* PG_FORM: the project chosen in advance, or NULL */
	const char *respondent; /* PG_FORM: the respondent type chosen in advance
	                           (forms/<form>/respondent/<value>/), or NULL */
	int page, n_pages;      /* a listing (PG_PROJECTS, PG_PROJECTS_FY,
	                           PG_FILTER, PG_REPORT, PG_PRINT_INDEX): this
	                           page, 1..n_pages; 0 for any other page */
	const char *first;      /* a listing: the path of its page 1 (for
	                           PG_PROJECTS, the current year's list) */
};

/* Listings are cut into pages of LIST_PAGE_ROWS rows (projects), so that
 * no page grows with the office: page 1 keeps the listing's own address
 * (X/index.html), page k >= 2 is X/page/k/index.html, and each page links
 * the others (numbered links, rel=prev/next; no JavaScript).  A listing has
 * at most LIST_MAX_PAGES pages; the rows past them are on the last one (at
 * 100 rows a page that is 1,000,000 projects). */
#define LIST_PAGE_ROWS 100
#define LIST_MAX_PAGES 10000
_Static_assert(LIST_PAGE_ROWS >= 1 && LIST_PAGE_ROWS <= 200,
	"LIST_PAGE_ROWS: at most 200 rows keep a page under 300 KB");

/* The number of pages of a listing of n rows (1 for none), at most
 * LIST_MAX_PAGES; and the rows [*from, *to) that page k (1-based) shows. */
int list_n_pages(size_t n);
void list_page_rows(size_t n, int k, int n_pages, size_t *from, size_t *to);
/* The path of page k of the listing whose first page is first
 * ("projects/2569/index.html" -> "projects/2569/page/3/index.html");
 * first itself for k <= 1.  Memory from a. */
const char *list_page_path(struct arena *a, const char *first, int k);

struct site_ctx {
	const struct model *m;
	const struct derived *dv;
	const struct report **recent; /* reports, newest first */
	size_t n_recent;
	const char *version;
	const struct cstats *cs; /* complaint and survey statistics (stats.h) */
	const struct assets *assets; /* the theme's files (assets.h), or NULL */
	const struct page_job *jobs; /* the page plan, once made (NULL before) */
	size_t n_jobs;
	const struct rev_index *rev; /* the revision history (revindex.h), never NULL */
	const struct timeliness *tl; /* on-time reports (timeliness.h), never NULL */
	const struct hist_closing *closing; /* set when rendering a closed report from
	                                       the model at its closing commit */
};

/* Folder names a page slug may not take (they hold other parts of the site). */
int page_slug_reserved(const char *slug);

/* All pages of the site, in a fixed order.  Memory from a. */
struct page_job *pages_plan(const struct site_ctx *sc, struct arena *a, size_t *n);

/* The view of one page. */
/* The page's Thai title, and its English one in *title_en (NULL if none). */
const char *page_title(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	const char **title_en);
struct tval *page_view(const struct site_ctx *sc, const struct page_job *job, struct arena *a);

/* The revision history as the pages, the feed and the open data show it
 * (pages_history.c). */
#define REV_PAGE_MAX 500          /* changes on revisions/index.html */
struct hist_change;
/* The Bangkok date of a time (seconds since the epoch). */
pdate rev_date(int64_t t);
/* A field's Thai label ("เบิกจ่ายสะสม (บาท)", "แผนเดือน 2026-01: ร้อยละ"). */
const char *rev_field_label(const char *field, struct arena *a);
/* The page that shows a change, relative to the site root. */
const char *rev_page_of(const struct hist_change *c, struct arena *a);
/* What a content path is, in Thai ("<project>: รายงานความก้าวหน้า 2026-03-25"). */
const char *rev_what(const struct site_ctx *sc, const char *path, struct arena *a);

#endif
