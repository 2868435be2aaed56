/* newcmd.h: `prongsai new project|report|news`: write a correctly formed
 * file for staff to fill in, never overwriting one that exists. */
#ifndef PRONGSAI_NEWCMD_H
#define PRONGSAI_NEWCMD_H

#include "model/dates.h"

struct project;
struct report;

/* A text field's value for new_report_text(): plain text, quoted there. */
struct new_value {
	const char *name, *value;
};

/* A progress report's text as `prongsai new report` writes it: the fields
 * in schema_report's order with their help comments.  The figures
 * (reporter, percent, disbursed, KPI actuals for each of p's KPIs) come
 * from now when given, else from prev (the report before), else are zero
 * and the owner.  text NULL: the text fields get their placeholders (the
 * command's fill-in file); else a NULL-name-terminated list of the text
 * fields to write (YAML double-quoted), the others left out (the staff
 * form).  Returns malloc'd text, or NULL if it would exceed the cap of a
 * YAML file or memory ran out. */
char *new_report_text(const char *iso, const struct project *p, const struct report *prev,
	const struct report *now, const struct new_value *text);

/* argv[0] is "new".  Returns the exit status (0, 1 on failure, 2 on usage). */
int new_main(int argc, char **argv, const char *content, pdate today);

#endif
