/* build.h: `prongsai check` and `prongsai build`, start to finish.
 *
 * load (content, then the submissions of --db) -> check (check_model) ->
 * assemble (site_assemble: figures, statistics, page plan) -> OIT checks ->
 * (check stops here) -> render every page, the open data, feeds, search,
 * assets and media into a staging folder with `jobs` threads -> swap the
 * staging folder in -> install the forms and settings into the database
 * (--db) and the projects into the staff database (--staff-db).  On any problem in the content, the theme or the output, the build
 * stops before the live site or the database is touched, and prints every
 * problem found; the database is written only once the new site is live. */
#ifndef PRONGSAI_BUILD_H
#define PRONGSAI_BUILD_H

#include "origin.h"
#include "model/dates.h"
#include "model/diag.h"
#include "load/load.h"
#include "model/model.h"

struct build_opts {
	const char *content;     /* default "content" */
	const char *out;         /* default "public" */
	const char *theme;       /* default "themes/default" */
	const char *db;          /* NULL: no database */
	const char *staff_db;    /* NULL: no staff database (publish/staffinfo.h) */
	const char *public_key;  /* overrides site.yaml inbox.public_key */
	char origins[ORIGIN_LIST_SIZE]; /* --origin: more origins the collector
					 * accepts besides base_url's ("" = none) */
	pdate today;             /* as-of date for every figure */
	int jobs;                /* threads, >= 1 */
	int quiet;               /* no progress on stderr */
	int check_only;          /* stop after validation */
	int no_history;          /* do not read git (load/history.h) */
	const char *history_cache; /* NULL: ".<OUT>-history" beside OUT */
	const char *manual;      /* --manual DIR: the user manual's Markdown, or NULL (no manual/) */
	const char *manual_media; /* --manual-media DIR: what `make manual` took (shots/, manual.pdf), or NULL */
	enum diag_lang lang;
	const struct load_overlay *overlay; /* files laid over content (load.h), or NULL */
	size_t n_overlay;
};

/* Run; returns the exit status: 0 success, 1 problems in content or the
 * build failed (with messages on stderr). */
int build_run(const struct build_opts *o);

/* The checks of `prongsai check` (the same code, without a database) on
 * the content folder as of today: every problem goes into d (initialised by
 * the caller, in its language); nothing is printed.  m (initialised by the
 * caller, who frees it) is left loaded, e.g. to look people up. */
void build_check_content(const char *content, pdate today, int jobs, struct model *m, struct diags *d);

/* The same with the n files of ov (sorted by path) laid over the content
 * in memory (load_content_overlay()): what those files would do, before
 * anything is written (`sheet import`). */
void build_check_overlay(const char *content, const struct load_overlay *ov, size_t n, pdate today,
	int jobs, struct model *m, struct diags *d);

#endif
