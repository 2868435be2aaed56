/* notify.h: `prongsai notify`: tell staff about new submissions
 * (docs/notify.md).
 *
 *   prongsai notify --db FILE [--config FILE] [--dry-run] [-q]
 *
 * Modules: notify.c (command line, lock, the loop), notifyconf.h (the
 * configuration file), notify_db.h (table notices), notice.h (the text,
 * the JSON bodies, the mail), deliver.h (SMTP and HTTP through libcurl).
 */
#ifndef PRONGSAI_NOTIFY_H
#define PRONGSAI_NOTIFY_H

/* argv[0] is "notify".  Returns the exit status (0 every due notice
 * delivered, or none due, or another run holds the lock; 1 some failed or
 * were given up; 2 usage, configuration or database error).  Calls
 * curl_global_init() and curl_global_cleanup() once each. */
int notify_main(int argc, char **argv);

#endif
