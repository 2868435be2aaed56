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

/* Tell every channel of the configuration at conf_path, once and at once,
 * that `prongsai import` rejected queue entry id (notice_import_text:
 * fixed wording, no personal data; no retries, the reason stays on the
 * officer's "my projects" page).  Returns the number of channels that
 * failed (logged on stderr), or -1 when the configuration could not be
 * loaded (its problems printed). */
int notify_import_rejected(const char *conf_path, long long id, const char *kind, const char *subject);

#endif
