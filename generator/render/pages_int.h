/* pages_int.h: view helpers shared by the pages*.c files (internal).
 *
 * Formatters return text in the arena, with Thai digits when site.yaml asks
 * for them (pg_disp); none fails.  The pg_*_page functions fill a page's view
 * v (already holding the base view: root, title, site, nav). */
#ifndef PRONGSAI_PAGES_INT_H
#define PRONGSAI_PAGES_INT_H

#include "render/pages.h"

const char *pg_disp(const struct site_ctx *sc, struct arena *a, const char *s);
const char *pg_money(const struct site_ctx *sc, struct arena *a, int64_t satang);
const char *pg_pct(const struct site_ctx *sc, struct arena *a, int64_t hundredths);
const char *pg_dec(const struct site_ctx *sc, struct arena *a, int64_t hundredths);
const char *pg_integer(const struct site_ctx *sc, struct arena *a, int64_t v);
const char *pg_tdate(const struct site_ctx *sc, struct arena *a, pdate t);
const char *pg_isodate(struct arena *a, pdate t);
const char *pg_fy_label(const struct site_ctx *sc, struct arena *a, int fy);
const char *pg_month_label(const struct site_ctx *sc, struct arena *a, int y, int mo);
const char *pg_name_of(const struct named *n);
/* "../" repeated depth times ("" at the site root). */
const char *pg_root_of(struct arena *a, int depth);
void pg_set_str(struct arena *a, struct tval *v, const char *k, const char *s);
/* pg_set_str(), but false when s is NULL, so that a section of that name
 * does not find the enclosing page's value. */
void pg_set_opt(struct arena *a, struct tval *v, const char *k, const char *s);
struct tval *pg_project_row(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct project *p);
struct tval *pg_rollup_view(const struct site_ctx *sc, struct arena *a, const struct rollup *r);
const char *pg_rollup_bars(const struct site_ctx *sc, struct arena *a, const char *id,
	const char *title, const struct rollup *rs, size_t n);
void pg_method_view(const struct site_ctx *sc, struct arena *a, struct tval *v);
/* Office, group, district and dimension roll-ups and charts of fiscal year fy. */
void pg_fy_page(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root, int fy);
/* The same, as page job->page of the year's list of projects (pages.h). */
void pg_fy_list_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);

/* A listing's page links (pages.h: LIST_PAGE_ROWS): numbered links around
 * the current page, prev/next, "rows from-to of n_rows"; false when the
 * listing has one page.  first: the path of its page 1. */
struct tval *pg_pager(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct page_job *job, const char *first, size_t n_rows);
/* Whether project p is in fiscal year fy (0: any) and has the facet f
 * value of index index (a group, district or dimension of site.yaml, or a
 * status); and how many rows listing job has before it is cut into pages
 * (projects of the year, of the filter, of the report's year; every project
 * for the print kit's index). */
int pg_project_matches(const struct site_ctx *sc, const struct project *p, int fy, enum facet f,
	size_t index);
size_t pg_listing_rows(const struct site_ctx *sc, const struct page_job *job);

/* pages_projects.c: the home page, the fiscal-year and filter lists, one
 * project, one news item's view. */
void pg_home_page(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_filter_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
/* pages_history.c: a report's publication and correction marks (rv), a
 * project's "history" section, the site-wide revisions page. */
void pg_report_history(const struct site_ctx *sc, struct arena *a, struct tval *rv, const char *path);
void pg_project_history(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root);
void pg_revisions(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
/* A closed report (sc->closing for fy's annual or half-year report): when,
 * which commit, by whom, and the later changes to the data it covered. */
/* The dashboard's on-time reports per group and officer (v "timeliness"). */
void pg_timeliness(const struct site_ctx *sc, struct arena *a, struct tval *v);
void pg_report_closing(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root, int fy,
	int annual);
void pg_project_page(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root);
struct tval *pg_news_item(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct news *n);

/* pages_open.c: the dashboard, periodic reports, OIT index, procurement,
 * open data and search pages. */
void pg_dashboard(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_report(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_reports_index(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_oit(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_procurement(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_data(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);

/* pages_cases.c: complaint tracking, complaint statistics, survey results. */
struct tval *pg_case_row(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct case_row *c);
void pg_track(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_complaints(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_surveys(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
/* The max open general complaints received longest ago (oldest first, then
 * by code).  A corruption report's code is never listed (its reporter was
 * told to keep it secret), nor one whose channel is unknown: they are only
 * counted, in *n_withheld. */
struct tval *pg_open_cases(const struct site_ctx *sc, struct arena *a, const char *root, size_t max,
	size_t *n_withheld);

/* Whether form f's projects field offers project id (its page with the
 * project chosen in advance, forms/<form>/<id>/, exists). */
int pg_form_offers(const struct form_def *f, const char *id);

/* pages_print.c: the print kit.  pg_print_project: project p's A4 notice
 * sheet (the project page's view, plus QR codes "live" and "complain" to
 * its page and the complaint form with p chosen in advance);
 * pg_print_page: the index, the poster and the announcement. */
void pg_print_project(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root);
void pg_print_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);

/* pages_manual.c: the user manual's pages (PG_MANUAL_INDEX, PG_MANUAL
 * part job->index, PG_MANUAL_PRINT): parts (href, id, title, summary,
 * tasks = its "## " headings, current; the print page: body), index_href,
 * print_page_href, pdf_href when the PDF was made; a part: its summary,
 * body, prev, next. */
void pg_manual_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);

/* pages_oitrec.c: participation activities (job->fy 0: the list of years),
 * service guides, the corruption-complaint guideline. */
void pg_participation(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root);
void pg_services(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_guideline(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_eservice(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
void pg_questions(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root);
/* 1 when the site has a questions page (a question form, or questions). */
int pg_has_questions(const struct model *m);

#endif
