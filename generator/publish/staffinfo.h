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
 * and team as members), KPIs and reports, and the origins staff.cgi
 * accepts POSTs from (base_url's and those of origins, space-separated
 * URLs, as `build --origin` gives the collector), in one transaction.  Accounts,
 * sessions and the queue are untouched.  For the complaint desk it also
 * keeps, in staff_settings: "collector_db", the collector's database
 * (collector_db made absolute; not set when NULL), which staff.cgi reads
 * read-only for the case list; "holidays", the public holidays (ISO dates,
 * space-separated) for the working days; and "case:<CODE>", each staff
 * response's text as answer_yaml() writes it.  0, or -1 with err and the
 * database as it was. */
int staffinfo_install(const char *path, const struct model *m, const char *origins, const char *collector_db,
	char *err, size_t errlen);

#endif
