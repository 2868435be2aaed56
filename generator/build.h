/* build.h: `prongsai check` and `prongsai build`, start to finish.
 *
 * load (content, then the submissions of --db) -> check (check_model) ->
 * assemble (site_assemble: figures, statistics, page plan) -> OIT checks ->
 * (check stops here) -> render every page, the open data, feeds, search,
 * assets and media into a staging folder with `jobs` threads -> swap the
 * staging folder in -> install the forms and settings into the database
 * (--db).  On any problem in the content, the theme or the output, the build
 * stops before the live site or the database is touched, and prints every
 * problem found; the database is written only once the new site is live. */
#ifndef PRONGSAI_BUILD_H
#define PRONGSAI_BUILD_H

#include "model/dates.h"
#include "model/diag.h"

struct build_opts {
	const char *content;     /* default "content" */
	const char *out;         /* default "public" */
	const char *theme;       /* default "themes/default" */
	const char *db;          /* NULL: no database */
	const char *public_key;  /* overrides site.yaml inbox.public_key */
	pdate today;             /* as-of date for every figure */
	int jobs;                /* threads, >= 1 */
	int quiet;               /* no progress on stderr */
	int check_only;          /* stop after validation */
	int no_history;          /* do not read git (load/history.h) */
	const char *history_cache; /* NULL: ".<OUT>-history" beside OUT */
	enum diag_lang lang;
};

/* Run; returns the exit status: 0 success, 1 problems in content or the
 * build failed (with messages on stderr). */
int build_run(const struct build_opts *o);

#endif
