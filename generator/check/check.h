/* check/check.h: the check stage.
 *
 * What the folder is for: checks that need more than one record (ids,
 * references, dates within periods, money within budgets, OIT evidence).
 * Runs after load, before derive; reports into diags, changes nothing.
 */
#ifndef PRONGSAI_STAGE_CHECK_H
#define PRONGSAI_STAGE_CHECK_H

#include "check/oit.h"
#include "check/validate.h"

#endif
