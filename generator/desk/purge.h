/* purge.h: the complaints' retention rule, written once: what `prongsai
 * inbox purge` (inbox_purge.c) and the staff desk's purge page
 * (collector/staff/purge.c) both run.
 *
 * A complaint is purged when its response's last status is resolved or
 * rejected, dated before the day given, and it has not been purged yet.
 * In one BEGIN IMMEDIATE transaction, for each: sealed = NULL, its
 * attachments and repeat digest deleted, its values deleted except those
 * of non-personal choice, scale, checkbox and date fields of its installed
 * form (what the statistics read; a submission whose form is gone keeps
 * none), purged_at set (UTC).  The row, its code and dates stay: the
 * tracking page and the statistics still count the case.  The connection
 * runs with secure_delete=ON (deleted content is overwritten with zeros)
 * and the WAL is truncated after the commit, so the bytes leave the
 * database file and its WAL.  Surveys are never touched.  No key is
 * needed: nothing is decrypted. */
#ifndef PRONGSAI_PURGE_H
#define PRONGSAI_PURGE_H

#include <stddef.h>
#include "arena.h"
#include "desk/inbox_db.h"
#include "model/dates.h"
#include "model/model.h"

#define PURGE_BUSY_MS 30000 /* wait for the collectors' short transactions */

struct purge_victim {
	sqlite3_int64 id;
	char code[TRACKCODE_SIZE];
	char form_id[INBOX_FORM_ID_SIZE];
	pdate closed;             /* the date of the closing entry */
};

struct purge_result {
	struct purge_victim *v;   /* oldest first, from the caller's arena */
	size_t n;
	int wal_kept;             /* the WAL could not be truncated now (a reader): run again later */
};

/* The response of the case with the canonical code, or NULL (none yet). */
typedef const struct complaint_resp *(*purge_resp_fn)(void *ctx, const char *code);

/* 1 and *since when resp's last status closes the case, else 0. */
int purge_closed_on(const struct complaint_resp *resp, pdate *since);

/* Purge (dry_run: only list) the complaints of x (opened writable for a
 * real purge) that resp_of says were closed before `before`, stamping
 * purged_at with now (utc_stamp()).  Returns 0 with *out, or -1 with err
 * (English and Thai; never a value of a submission) and nothing changed. */
int purge_run(struct inbox_db *x, purge_resp_fn resp_of, void *ctx, pdate before, int dry_run, const char *now,
	      struct arena *a, struct purge_result *out, char *err, size_t errlen);

#endif
