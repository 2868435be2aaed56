/* submissions.h: the submissions the public pages are made from.
 *
 * subs_read_db() reads the collector's database read-only (WAL: the
 * collector keeps writing while a build reads; one read transaction gives a
 * consistent snapshot).  It reads only form_id, kind, channel, code and
 * created_at of each submission, and from submission_values only the values
 * of fields that the installed form marks non-personal AND that are a choice
 * or scale, or the text field "project".  Each value is then checked against
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

#define SUBS_MAX_ROWS 1000000L     /* submissions read from a database */
#define SUBS_MAX_VALUES 32000000L  /* public values read from a database */

/* Read path into m->subs (appending; sets m->subs_from_db).  A missing file
 * or a database without the schema yet (never installed) gives no rows and
 * returns 0.  Returns -1 with err set when the database cannot be read or
 * passes a cap (nothing is added then).  Rows with an unreadable date are
 * skipped and counted in *skipped (may be NULL). */
int subs_read_db(struct model *m, const char *path, size_t *skipped, char *err, size_t errlen);

/* Check and append the sample submissions (see above).  Sorts m->subs by
 * date, then code, then form. */
void subs_merge_sample(struct model *m, struct diags *d);

/* Parse the collector's created_at ("2026-01-05T17:30:00Z", UTC) into the
 * date in Thailand (UTC+7).  Returns 0, or -1 if it is not in that form. */
int subs_parse_created(const char *s, pdate *out);

#endif
