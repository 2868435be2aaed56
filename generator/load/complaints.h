/* complaints.h: staff responses to complaints (content/complaints/<CODE>.yaml)
 * and the sample submissions of a sample site (content/sample-submissions.yaml).
 *
 * A response file is the public side of one case:
 *   category: service            # optional: overrides the submitter's choice
 *   history:                     # at least one entry, dates non-decreasing
 *     - {date: 2026-01-05, status: received, note: ได้รับเรื่องแล้ว}
 *     - {date: 2026-01-20, status: resolved, note: ..., reason: ...}
 *   summary: ...                 # staff-written, optional (summary_en too)
 *   publish_summary: true        # publish the summary on the tracking page
 * Statuses, in their only possible order: received, under-review,
 * forwarded (optional), in-progress, then resolved or rejected (final, and
 * they need a reason).  A status may repeat; none may go back.
 * See docs/content-format.md. */
#ifndef PRONGSAI_COMPLAINTS_H
#define PRONGSAI_COMPLAINTS_H

#include <stddef.h>
#include "model/model.h"
#include "load/ycheck.h"

/* "received", "under-review", ... (stable, used in URLs and open data). */
const char *case_status_name(enum case_status s);
const char *case_status_label_th(enum case_status s);
const char *case_status_label_en(enum case_status s);
/* Returns 0 and sets *s for a known name, -1 otherwise. */
int case_status_parse(const char *name, enum case_status *s);
/* 1 for resolved and rejected (the case is closed). */
int case_status_closed(enum case_status s);

/* Map a response file (rel "complaints/<CODE>.yaml", root its YAML, NULL if
 * empty).  Reports every problem into c->d; returns NULL when the file is
 * unusable (bad name, no usable history).  Checks needing the rest of the
 * model (dates against today and the submission, categories) are
 * complaints_check()'s.  Memory from c->a. */
struct complaint_resp *load_complaint(struct yctx *c, const char *rel, const struct ynode *root);

/* Map content/sample-submissions.yaml (a list "submissions" of maps with
 * form, date, code for complaints, and field values).  Reports problems of
 * form; returns the entries (*n of them, NULL/0 when none).  The values are
 * checked against the forms later (submissions.h). */
struct sample_sub *load_sample_subs(struct yctx *c, const char *rel, const struct ynode *root,
	size_t *n);

#define SAMPLE_LOOKUPS_MAX 1000000 /* one month's count in the sample */

/* The optional list "lookups" of the same file: tracking lookups per month
 * ({month: 2025-10, count: 14}, the count 0..SAMPLE_LOOKUPS_MAX), as the
 * collector counts them (OIT O10).  Reports problems at their lines;
 * returns the entries (*n, NULL/0 when none). */
struct lookup_count *load_sample_lookups(struct yctx *c, const char *rel, const struct ynode *root,
	size_t *n);

/* Cross-checks once the model and its submissions are complete: dates not
 * after m->today and not before the submission's date, a category known to
 * the complaint forms, and (when m->subs_from_db) "unknown code" warnings
 * for responses to no submission.  Errors and warnings go to d. */
void complaints_check(struct model *m, struct diags *d);

/* The response for a canonical code, or NULL (binary search). */
const struct complaint_resp *model_response(const struct model *m, const char *code);

#endif
