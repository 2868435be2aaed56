/* check/check.h: the check stage.
 *
 * What the folder is for: checks that need more than one record (ids,
 * references, dates within periods, money within budgets, OIT evidence).
 * Runs after load, before derive; reports into diags, changes nothing.
 */
#ifndef PRONGSAI_STAGE_CHECK_H
#define PRONGSAI_STAGE_CHECK_H

#include "check/oit.h"
#include "check/report_rules.h"
#include "check/validate.h"
#include "model/diag.h"
#include "model/model.h"

/* The check stage's one entry point, called by `check`, `build`, the unit
 * tests and the content fuzzer alike: validate_model() (records against
 * each other) and then the site-wide checks (page names reserved for other
 * parts of the site, project ids that are digits only, no fiscal year to
 * show).  Every problem goes into d; it cannot fail otherwise.  The OIT
 * checks need the page plan and run later (oit_check()). */
void check_model(struct model *m, struct diags *d);

#endif
