/* inbox_cmd.h: what the `prongsai inbox` subcommands share.  inbox.c
 * parses the command line, opens the database with the key and loads the
 * staff responses, then runs one of inbox_cmd_list() (inbox.c),
 * inbox_cmd_show() (inbox_show.c), inbox_cmd_export() (inbox_export.c) or
 * inbox_cmd_purge() (inbox_purge.c).  Each returns the exit status: 0 done,
 * 1 failed (the reason, in Thai and English, on stderr — never a value of a
 * submission).  Internal to generator/inbox*.c. */
#ifndef PRONGSAI_INBOX_CMD_H
#define PRONGSAI_INBOX_CMD_H

#include <stddef.h>
#include <stdio.h>
#include "model/dates.h"
#include "desk/inbox_db.h"
#include "model/model.h"

#define INBOX_CODE_ARG_MAX 64 /* bytes of a CODE argument (trackcode_normalize looks at 64) */

struct inbox_opts {
	const char *sub;          /* list, show, export, purge */
	const char *db, *key, *content;
	const char *code;         /* show: as typed */
	const char *attachments;  /* show --attachments DIR, or NULL */
	const char *out;          /* export -o FILE, or NULL for stdout */
	int csv, all, dry_run;
	pdate before;             /* purge --closed-before */
	char before_iso[11];      /* the same, YYYY-MM-DD (CE) */
};

struct inbox_run {
	const struct inbox_opts *o;
	struct inbox_db x;
	struct model m;           /* only m.responses is loaded (load_responses()) */
	int responses_ok;         /* no problem was found in the response files */
};

/* A case's status, from its response file content/complaints/<CODE>.yaml. */
struct inbox_status {
	const struct complaint_resp *resp; /* NULL: no response yet ("new") */
	enum case_status status;  /* the last history entry's (when resp) */
	pdate since;              /* its date */
	int closed;               /* resolved or rejected */
};

/* The status of the case with the canonical code. */
void inbox_status_of(const struct model *m, const char *code, struct inbox_status *s);
/* "new" or case_status_name(). */
const char *inbox_status_name(const struct inbox_status *s);

/* Print s[0..len) for a person at a terminal: control characters (C0 but
 * tab and line feed, DEL, C1) and bytes that are not UTF-8 become "?", CR
 * is dropped, and every line after the first starts with indent. */
void inbox_print_text(FILE *f, const char *s, size_t len, const char *indent);
/* inbox_print_text() of the string s (NULL: ""), then spaces up to width
 * bytes (as printf's "%-*s"). */
void inbox_print_field(FILE *f, const char *s, int width);

int inbox_cmd_list(struct inbox_run *r);
int inbox_cmd_show(struct inbox_run *r);
int inbox_cmd_export(struct inbox_run *r);
int inbox_cmd_purge(struct inbox_run *r);

#endif
