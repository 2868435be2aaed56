/* export.h: `prongsai sheet export`: the pre-filled progress workbook. */
#ifndef PRONGSAI_SHEET_EXPORT_H
#define PRONGSAI_SHEET_EXPORT_H

#include "model/model.h"

struct export_opts {
	int fy;                 /* fiscal year (BE) of the projects */
	const char *group;      /* only this group's projects, or NULL */
	const struct person *as; /* only the projects in this person's scope (scope.h), or NULL */
	const char *out;        /* the .xlsx to write */
};

/* Write the workbook of m's projects (checked, reports attached) for o to
 * o->out: one row a project (sorted by id) with its id, title, owner,
 * budget and last report locked (sheet protection without a password),
 * the columns of columns.h to fill, Thai headers, an instruction row and
 * data validation (percent 0-100, a date, amounts >= 0).  Returns the
 * number of projects written, or -1 with a Thai / English message in err
 * (no projects, or the file cannot be written; a partial file is removed). */
long sheet_export(const struct model *m, const struct export_opts *o, char *err, size_t errlen);

#endif
