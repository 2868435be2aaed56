/* staffinfo.h: what the staff area (collector/staff.cgi) needs to know
 * about people and projects, installed into the staff database by
 * `prongsai build --staff-db FILE` once the new site is live, so that the
 * CGI reads SQLite only, never content/. */
#ifndef PRONGSAI_STAFFINFO_H
#define PRONGSAI_STAFFINFO_H

#include <stddef.h>
#include "model/model.h"

/* Replace the tables staff_people, staff_projects, staff_members,
 * staff_kpis and staff_reports of the staff database path (created 0600
 * and migrated if needed) with m's people (with roles), projects (owner
 * and team as members), KPIs and reports, in one transaction.  Accounts,
 * sessions and the queue are untouched.  0, or -1 with err and the
 * database as it was. */
int staffinfo_install(const char *path, const struct model *m, char *err, size_t errlen);

#endif
