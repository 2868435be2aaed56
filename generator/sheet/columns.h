/* columns.h: the columns of the progress sheet, shared by export and import.
 *
 * First the project and its last report, locked (id, title, owner, the last
 * report's date and cumulative figures, the budget); then one column to
 * fill in for each field of the progress report's schema (schema_report in
 * model/schema.c) that a person types: dates, numbers and texts, in table
 * order (the reporter is the uploader; photos are not a cell); the kpis map
 * becomes SHEET_MAX_KPIS pairs of a locked label and a value.  A field
 * added to the schema is a column without a change here.  Import finds the
 * columns by their Thai headers. */
#ifndef PRONGSAI_SHEET_COLUMNS_H
#define PRONGSAI_SHEET_COLUMNS_H

#include <stddef.h>
#include "model/schema.h"

#define SHEET_MAX_KPIS 10       /* KPI columns (a project has few) */
#define SHEET_MAX_DEFS (8 + SCHEMA_MAX_FIELDS + 2 * SHEET_MAX_KPIS)
#define SHEET_HEADER_MAX 160    /* bytes of a header */

enum col_role {
	COL_ID, COL_TITLE, COL_OWNER, COL_LAST_DATE, COL_LAST_PERCENT, COL_LAST_DISBURSED,
	COL_BUDGET, COL_FIELD, COL_KPI_LABEL, COL_KPI
};

struct sheet_col {
	enum col_role role;
	char header[SHEET_HEADER_MAX];  /* Thai */
	const struct sfield *field;     /* COL_FIELD: the report's field */
	int kpi;                        /* COL_KPI, COL_KPI_LABEL: 0-based */
	int locked;                     /* filled by export, not to be edited */
};

/* The columns for sheets with n_kpis KPI pairs (<= SHEET_MAX_KPIS,
 * asserted), into out (SHEET_MAX_DEFS slots).  Returns their count. */
size_t sheet_columns(struct sheet_col *out, size_t n_kpis);

/* The column whose header is h (surrounding blanks ignored), or NULL. */
const struct sheet_col *sheet_col_find(const struct sheet_col *cols, size_t n, const char *h);

/* 1 if f is a field a person fills in a cell (see above). */
int sheet_field_is_cell(const struct sfield *f);

#endif
