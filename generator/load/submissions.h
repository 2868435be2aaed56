/* submissions.h: the submissions the public pages are made from.
 *
 * subs_read_db() reads the collector's database read-only (WAL: the
 * collector keeps writing while a build reads; one read transaction gives a
 * consistent snapshot).  It reads only form_id, kind, channel, code and
 * created_at of each complaint (surveys: only counts, per project and
 * respondent type), and from submission_values only the values
 * of fields that the installed form marks non-personal AND that are a choice
 * or scale, or the field "project" (text or choice).  Each value is then checked against
 * the model's form (a choice must be one of its choices, a project an
 * existing project id) and dropped otherwise, so free text (subject,
 * details, comments) and personal data never enter the model.  The sealed
 * column and attachments are never read.
 *
 * subs_merge_sample() adds content/sample-submissions.yaml (only when
 * site.yaml says sample: true), checked the same way, reporting problems at
 * their lines. */
#ifndef PRONGSAI_SUBMISSIONS_H
#define PRONGSAI_SUBMISSIONS_H

#include <stddef.h>
#include "model/diag.h"
#include "model/model.h"

#define SUBS_MAX_CASES 1000000L    /* complaints read from a database (the newest) */
#define SUBS_MAX_VALUES 32000000L  /* their public values */

struct subs_report {
	size_t skipped;   /* submissions with an unreadable date, left out */
	size_t left_out;  /* older complaints past SUBS_MAX_CASES, left out */
	size_t surveys;   /* survey responses counted */
};

/* Read path: its complaints into m->subs (appending), one by one, at most
 * the newest SUBS_MAX_CASES (the older ones are counted in rep->left_out:
 * they get no tracking page and no place in the statistics, and the build
 * goes on); its surveys only as counts (m->survey_counts, aggregated by
 * SQL: any number of them costs a few hundred rows).  Sets
 * m->subs_from_db.  A missing file or a database without the schema yet
 * (never installed) gives nothing and returns 0.  Returns -1 with err set
 * when the database cannot be read (nothing is added then).  rep is always
 * filled. */
int subs_read_db(struct model *m, const char *path, struct subs_report *rep, char *err, size_t errlen);
/* subs_read_db() with max_cases (>= 1) instead of SUBS_MAX_CASES (for the
 * tests: exactly the cap, and one over). */
int subs_read_db_max(struct model *m, const char *path, long max_cases, struct subs_report *rep, char *err,
	size_t errlen);

#define SUBS_KEEP_YEARS_MAX 10 /* fiscal years of surveys a purge may keep */

/* The survey retention rule: delete every survey submission (with its
 * values, attachments and notices) received before 1 October that starts
 * fiscal year date_fiscal_year(today) - (keep_years - 1), in one
 * transaction with secure_delete on, then truncate the WAL (a warning in
 * *wal_kept when a reader blocks that; the next purge finishes it).
 * Complaints are never touched.  keep_years 1..SUBS_KEEP_YEARS_MAX.  With
 * dry_run, only counts.  *n: the surveys deleted (or that would be).
 * Returns 0, or -1 with err set and the database unchanged. */
int subs_purge_surveys(const char *path, pdate today, int keep_years, int dry_run, size_t *n,
	int *wal_kept, char *err, size_t errlen);

/* Check and append the sample submissions (see above).  Sorts m->subs by
 * date, then code, then form. */
void subs_merge_sample(struct model *m, struct diags *d);

/* Parse the collector's created_at ("2026-01-05T17:30:00Z", UTC) into the
 * date in Thailand (UTC+7).  Returns 0, or -1 if it is not in that form. */
int subs_parse_created(const char *s, pdate *out);

#endif
