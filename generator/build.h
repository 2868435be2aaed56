/* build.h: `prongsai check` and `prongsai build`, start to finish.
 *
 * load -> validate -> (check stops here) -> derive -> install forms into the
 * database (--db) -> render every page into a staging folder with `jobs`
 * threads -> copy theme assets and media -> swap the staging folder in.
 * On any problem in the content the build stops before the database or the
 * live site is touched, and prints every problem found. */
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
	enum diag_lang lang;
};

/* Run; returns the exit status: 0 success, 1 problems in content or the
 * build failed (with messages on stderr). */
int build_run(const struct build_opts *o);

#endif
