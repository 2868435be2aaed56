/* utcstamp.h: the UTC timestamps the database stores (submissions.created_at,
 * purged_at, notices.sent_at): "2026-01-05T03:04:05Z", always 20 bytes.
 * Parsing them needs the calendar: date_parse_utc_stamp() in
 * generator/dates.h. */
#ifndef PRONGSAI_UTCSTAMP_H
#define PRONGSAI_UTCSTAMP_H

#include <time.h>

#define UTC_STAMP_SIZE 21 /* with the NUL */
#define UTC_BANGKOK_OFFSET_S (7 * 3600) /* Thailand: UTC+7 all year */

/* Write t as "YYYY-MM-DDTHH:MM:SSZ" into out.  If t cannot be converted
 * (gmtime_r fails, or the year has more than 4 digits), writes
 * "1970-01-01T00:00:00Z" instead; never fails. */
void utc_stamp(time_t t, char out[UTC_STAMP_SIZE]);

#endif
