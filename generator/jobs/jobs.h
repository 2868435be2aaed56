/* jobs/jobs.h: the jobs stage.
 *
 * What the folder is for: the server's scheduled jobs: `prongsai notify`
 * (configuration, notices, delivery over libcurl) and `prongsai backup`.
 * Run from cron; not part of the build pipeline.
 */
#ifndef PRONGSAI_STAGE_JOBS_H
#define PRONGSAI_STAGE_JOBS_H

#include "jobs/backup.h"
#include "jobs/deliver.h"
#include "jobs/notice.h"
#include "jobs/notify.h"
#include "jobs/notify_db.h"
#include "jobs/notifyconf.h"
#include "jobs/secretfile.h"

#endif
