/* inbox_db.h: the complaints in the collector's database, as the complaint
 * officer reads them with the key (`prongsai inbox`).
 *
 * inbox_db_open() refuses a database of another schema version than
 * DB_SCHEMA_VERSION and a key whose public key is not the one the database
 * seals to (settings public_key).  Complaints are the rows of submissions
 * with kind = 'complaint'; their public values come from submission_values,
 * their personal values from the sealed column (crypto_box_seal of
 * "name=value&..." application/x-www-form-urlencoded, parsed with
 * urlenc_parse()), their files from attachments (sealed = 1: crypto_box_seal
 * of the file).  Schema: docs/database.md.
 *
 * Every function returns 0 on success, or -1 with a message (English and
 * Thai) in err; messages name codes and files but never hold a value of a
 * submission.  Whatever is decrypted is wiped when released. */
#ifndef PRONGSAI_INBOX_DB_H
#define PRONGSAI_INBOX_DB_H

#include <stddef.h>
#include <sqlite3.h>
#include "arena.h"
#include "formdata.h"
#include "formdef.h"
#include "desk/inbox_key.h"
#include "trackcode.h"

#define INBOX_MAX_FORMS 256       /* installed forms loaded */
#define INBOX_FORM_ID_SIZE 40     /* form ids are at most 32 bytes */
#define INBOX_TIME_SIZE 24        /* "YYYY-MM-DDTHH:MM:SSZ" and room */

struct inbox_db {
	sqlite3 *db;
	unsigned char sk[INBOX_KEY_BYTES], pk[INBOX_KEY_BYTES];
	struct arena arena;       /* the installed forms */
	struct form_def *forms;   /* by position */
	size_t n_forms;
};

/* Read the key file (inbox_key_read(): a key readable by others is
 * refused), open the database (read-only, or read-write when writable; the
 * file must exist), check its schema version and that the key's public key
 * is the database's public_key, and load the installed forms.  Returns 0,
 * or -1 with err and nothing left open. */
int inbox_db_open(struct inbox_db *x, const char *db_path, const char *key_path, int writable,
		  char *err, size_t errlen);

/* Open the database without a key, for the staff desk (staff.cgi):
 * read-only, or read-write (writable, for purge.h; the file must exist).
 * The schema version is checked and the installed forms loaded, and only
 * the functions that read public columns or ciphertext may be used
 * (inbox_each_case, inbox_find_case, inbox_public_values, attachments
 * without data, inbox_sealed_raw, inbox_attachment_raw); the sealed
 * personal values stay ciphertext.  Returns 0, or -1 with err and nothing
 * left open. */
int inbox_db_open_public(struct inbox_db *x, const char *db_path, int writable, char *err, size_t errlen);

/* Close the database and wipe the key; x may have failed to open. */
void inbox_db_close(struct inbox_db *x);

/* The installed form with that id, or NULL (a submission outlives its form). */
const struct form_def *inbox_db_form(const struct inbox_db *x, const char *id);

/* One read transaction (a consistent snapshot) around several reads. */
int inbox_db_read_begin(struct inbox_db *x, char *err, size_t errlen);
void inbox_db_read_end(struct inbox_db *x);

struct inbox_case {
	sqlite3_int64 id;
	char code[TRACKCODE_SIZE];
	char form_id[INBOX_FORM_ID_SIZE];
	char channel[16];                 /* general, corruption */
	char created_at[INBOX_TIME_SIZE]; /* UTC, as stored */
	char purged_at[INBOX_TIME_SIZE];  /* "" unless purged */
	int sealed;                       /* personal values are stored */
	int n_attachments;
	char category[64], district[64];  /* public values, "" when none */
};

/* Call fn(ctx, case) for every complaint, oldest first (created_at, then
 * id).  Stops at the first fn that returns non-zero and returns that value;
 * returns 0 after the last one, -1 with err on a database error. */
int inbox_each_case(struct inbox_db *x, int (*fn)(void *ctx, const struct inbox_case *c), void *ctx,
		    char *err, size_t errlen);

/* The complaint with the canonical code.  Returns 0 and *out, 1 if there is
 * none, -1 with err on a database error. */
int inbox_find_case(struct inbox_db *x, const char *code, struct inbox_case *out, char *err, size_t errlen);

/* The public values of case id, in the form's order, names and values
 * copied into a.  Returns 0 and out (out->n may be 0), -1 with err on a
 * database error or more than FORMDATA_MAX_PARTS values. */
int inbox_public_values(struct inbox_db *x, sqlite3_int64 id, struct arena *a, struct form_data *out,
			char *err, size_t errlen);

/* The personal values of case id, decrypted and parsed. */
struct inbox_personal {
	unsigned char *plain;   /* decrypted, decoded in place; NULL when none */
	size_t len;
	struct form_data fd;    /* names and values point into plain */
};

/* Open and parse the sealed personal values of case id into *p (p->fd.n
 * is 0 when none were sealed or they were purged).  Returns 0, or -1 with
 * err ("wrong key or damaged") when they cannot be opened or parsed; p is
 * then empty.  Release with inbox_personal_wipe() in both cases. */
int inbox_personal_open(struct inbox_db *x, sqlite3_int64 id, struct inbox_personal *p,
			char *err, size_t errlen);
void inbox_personal_wipe(struct inbox_personal *p);

struct inbox_attachment {
	int position;           /* 0-based, in the order sent */
	char field[40];
	char media_type[32];    /* image/jpeg, image/png, application/pdf */
	sqlite3_int64 size;     /* of the file (before sealing) */
	int sealed;
};

/* Call fn(ctx, attachment, data, len) for every attachment of case id, in
 * order.  With with_data the file is passed (opened when sealed, checked
 * against its recorded size, and wiped after fn returns); without, data is
 * NULL and len 0.  Stops at the first fn that returns non-zero and returns
 * that value; returns 0 after the last, -1 with err on a database error or
 * a file that cannot be opened with the key or has the wrong size. */
int inbox_each_attachment(struct inbox_db *x, sqlite3_int64 id, int with_data,
			  int (*fn)(void *ctx, const struct inbox_attachment *a, const unsigned char *data,
				    size_t len),
			  void *ctx, char *err, size_t errlen);

/* For the staff desk (inbox_db_open_public): the sealed personal values of
 * case id as stored, ciphertext only (crypto_box_seal; never opened here),
 * copied into a.  Returns 0 with *data and *len (*data NULL and *len 0 when
 * nothing is sealed: none were given, or they were purged), -1 with err on
 * a database error or no such case. */
int inbox_sealed_raw(struct inbox_db *x, sqlite3_int64 id, struct arena *a, const unsigned char **data,
		     size_t *len, char *err, size_t errlen);

/* For the staff desk: attachment number position (0-based) of case id as
 * stored (sealed: ciphertext, never opened here), with its description;
 * the bytes are copied into a.  Returns 0, 1 if there is no such
 * attachment, -1 with err on a database error. */
int inbox_attachment_raw(struct inbox_db *x, sqlite3_int64 id, int position, struct arena *a,
			 struct inbox_attachment *att, const unsigned char **data, size_t *len, char *err,
			 size_t errlen);

/* The file name extension for a media type ("jpg", "png", "pdf"; "bin"). */
const char *inbox_media_ext(const char *media_type);

/* created_at (UTC "YYYY-MM-DDTHH:MM:SSZ") as Thai time (UTC+7)
 * "YYYY-MM-DD HH:MM" (with_seconds: ":SS" too) into out.  Returns 0, or -1
 * (out "?") if utc is not in that form. */
int inbox_time_bangkok(const char *utc, int with_seconds, char out[INBOX_TIME_SIZE]);

#endif
