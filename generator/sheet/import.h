/* import.h: `prongsai sheet import`: a filled progress sheet into one
 * queue entry of progress files, or every problem with its row and column. */
#ifndef PRONGSAI_SHEET_IMPORT_H
#define PRONGSAI_SHEET_IMPORT_H

#include "model/dates.h"
#include "model/diag.h"

struct import_opts {
	const char *file;       /* .xlsx or .csv */
	const char *content;    /* the content folder */
	const char *as;         /* the uploader's person id; NULL: check only */
	const char *staff_db;   /* NULL: staffdb_path()'s default */
	pdate today;            /* the date of a row without one; the as-of date */
	int jobs;
	int quiet;              /* no progress on stderr */
	enum diag_lang lang;
};

/* Read o->file (caps of grid.h and xlsx.h), turn each row with new figures
 * into content/progress/<FY>/<project>/<date>.yaml, check the content with
 * those files laid over it in memory exactly as `prongsai check` does,
 * and refuse rows of unknown projects and, with o->as, of projects outside
 * the uploader's scope (roles of people.yaml: officer, group director,
 * admin).  Prints every problem on
 * stderr as "แถว R คอลัมน์ 'header': message" and returns 1 with nothing
 * written; rows without new figures are skipped and counted.  When clean
 * and o->as is given, enqueues all files as one queue entry of kind
 * 'sheet' by o->as in the staff database (STAFFDB.md) for `prongsai
 * import` to commit, prints its id on stdout and returns 0.  Returns 0 also
 * for a clean check without o->as (nothing enqueued). */
int sheet_import(const struct import_opts *o);

#endif
