/* validate.h: checks that need more than one file.
 *
 * Runs after load_content: unique ids, references between records (people,
 * groups, districts, dimensions, projects), dates within periods and fiscal
 * years, money within allocations, progress that goes down, media that
 * exists.  Links each report to its project (report->project, project->
 * reports).  Everything found is reported into d; nothing is removed except
 * reports whose project does not exist. */
#ifndef PRONGSAI_VALIDATE_H
#define PRONGSAI_VALIDATE_H

#include "model/diag.h"
#include "model/model.h"

void validate_model(struct model *m, struct diags *d);

#endif
