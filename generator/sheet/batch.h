/* batch.h: a filled progress sheet, as bytes, into the progress files it
 * asks for, or every problem with its row and column.
 *
 * One implementation for `prongsai sheet import` (import.h, with the
 * content tree) and the staff area's upload (collector/staff/sheet.c, with
 * the model the build installed in the staff database): both read the
 * file, find the columns, turn each row into a report, refuse rows of
 * unknown projects and of projects outside the uploader's scope (scope.h),
 * and queue the result the same way.  Only the check of the new reports
 * against the rest differs: the CLI runs all of `prongsai check` on the
 * content with the files laid over it (batch_check_content), the staff
 * area the rules of one report against its project and the report before
 * it (batch_check_rules, report_rules.h), as its progress form does;
 * `prongsai import` runs the whole check again before it commits. */
#ifndef PRONGSAI_SHEET_BATCH_H
#define PRONGSAI_SHEET_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <sqlite3.h>

#include "model/dates.h"
#include "model/diag.h"
#include "model/model.h"

#define BATCH_NAME_MAX 200      /* bytes of the file name kept for messages */
#define BATCH_PROBLEM_MAX 1200  /* bytes of one formatted problem */

struct batch;

struct batch_src {
	const char *name;       /* the file's name: ".csv" at its end reads it as CSV
	                         * (an .xlsx is known by its bytes); in the commit message */
	const char *data;       /* the file, len <= SHEET_MAX_FILE (else a problem) */
	size_t len;
	struct model *m;        /* projects sorted by id with KPIs, team and reports
	                         * by date; people (model_person); new reports are
	                         * read into its arena by batch_check_rules */
	const char *as;         /* the uploader's person id (in m), or NULL: no scope */
	pdate today;            /* the date of a row without one */
	enum diag_lang lang;    /* of the problems */
};

/* Read src's file and turn each row into a report (nothing is checked
 * against other reports yet).  Problems are kept in the batch, never
 * printed.  src and its model must outlive the batch.  NULL only when out
 * of memory. */
struct batch *batch_read(const struct batch_src *src);

/* The checks of `prongsai check` on the content folder with the new files
 * laid over it in memory (build_check_overlay), each problem in a new file
 * kept as a problem of its row and column.  -1 with a message in err if
 * the check could not run. */
int batch_check_content(struct batch *b, const char *content, int jobs, char *err, size_t errlen);

/* The rules of one report (load_report_text, report_rules_project and,
 * with the project's last report before it in src->m,
 * report_rules_prev) on each new report, problems kept as above. */
void batch_check_rules(struct batch *b);

size_t batch_n_problems(const struct batch *b);
/* Problem i (sorted by row and column; call after the checks) as
 * "แถว R คอลัมน์ 'header': message" (English with LANG_EN), or the bare
 * message for one about the whole file, into out.  Returns 1 for a
 * problem of the whole file, 0 for one of a row. */
int batch_problem(struct batch *b, size_t i, char *out, size_t outlen);
/* The reports made, and the rows skipped for having no new figures. */
size_t batch_n_reports(const struct batch *b);
size_t batch_n_skipped(const struct batch *b);

/* Queue all the reports as one entry of kind 'sheet' by src->as (which
 * must be set) in the staff database db, at time now: the subject is the
 * file name.  0 and the entry's id, or -1 with a message in err (nothing
 * queued). */
int batch_enqueue(const struct batch *b, sqlite3 *db, time_t now, int64_t *id, char *err, size_t errlen);

void batch_free(struct batch *b);

#endif
