/* answer.h: the staff desk's answer to a complaint (staff.cgi's case page):
 * the text of content/complaints/<CODE>.yaml with one more history entry,
 * and the rules `prongsai check` applies to that file, from check's own
 * code (load_complaint_text() and complaints_check()), so that the form
 * refuses what check would refuse, with the same message.
 *
 * The build writes each response in this form into the staff database
 * (staffinfo.h); staff.cgi reads it back, appends the officer's entry and
 * queues the result as an 'answer' for `prongsai import`. */
#ifndef PRONGSAI_ANSWER_H
#define PRONGSAI_ANSWER_H

#include "model/diag.h"
#include "model/model.h"

#define ANSWER_MAX_TEXT (256 * 1024) /* bytes of one response file */

/* The YAML of a response file: base's category, history, summary,
 * summary_en and publish_summary (base may be NULL: a new file), then add
 * (may be NULL) as a last history entry.  Every text is a double-quoted
 * YAML scalar (backslash, quote and control characters escaped), so what
 * an officer types is never read as YAML.  A malloc'd string, or NULL when
 * it would be over ANSWER_MAX_TEXT bytes or memory ran out. */
char *answer_yaml(const struct complaint_resp *base, const struct case_event *add);

/* Check text as content/complaints/<code>.yaml the way `prongsai check`
 * does: read it with load_complaint_text() (the file's rules: statuses,
 * their order, reasons, dates in order), then complaints_check() against
 * one submission with this code received on created (dates not after
 * m->today, not before the case; a category of m->forms).  m is the
 * caller's (today and forms set); its responses and submissions are
 * replaced by this one case.  Returns the response, or NULL when unusable;
 * every problem is in d (d->errors counts the errors). */
const struct complaint_resp *answer_check(struct model *m, const char *code, const char *text, pdate created,
	struct diags *d);

#endif
