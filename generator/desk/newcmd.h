/* newcmd.h: `prongsai new project|report|news`: write a correctly formed
 * file for staff to fill in, never overwriting one that exists. */
#ifndef PRONGSAI_NEWCMD_H
#define PRONGSAI_NEWCMD_H

#include "model/dates.h"

/* argv[0] is "new".  Returns the exit status (0, 1 on failure, 2 on usage). */
int new_main(int argc, char **argv, const char *content, pdate today);

#endif
