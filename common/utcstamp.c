/* utcstamp.c: see utcstamp.h. */
#include "utcstamp.h"

#include <string.h>

void utc_stamp(time_t t, char out[UTC_STAMP_SIZE])
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) || strftime(out, UTC_STAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) != UTC_STAMP_SIZE - 1)
		memcpy(out, "1970-01-01T00:00:00Z", UTC_STAMP_SIZE);
}
