/* submission.h: a parsed body checked against its form definition.
 *
 * The result is all or nothing: either every field is valid (status 0, the
 * cleaned values and attachments listed) or the request is refused with 400
 * (encoding: invalid UTF-8, control characters) or 422 (the list of field
 * problems).  Values are cleaned in place in the body buffer: single-line
 * fields trimmed of spaces, CRLF and CR turned into LF in textareas;
 * attachments have their metadata stripped in place (media.h). */
#ifndef PRONGSAI_SUBMISSION_H
#define PRONGSAI_SUBMISSION_H

#include <stddef.h>
#include "formcheck.h"
#include "formdata.h"
#include "formdef.h"
#include "media.h"

enum field_problem {
	FP_REQUIRED = 1, /* missing or empty */
	FP_INVISIBLE,    /* required, sent with only blank or invisible characters */
	FP_TOO_LONG,     /* over max_length code points */
	FP_CHOICE,       /* not one of the choices */
	FP_SCALE,        /* not 1..5 */
	FP_EMAIL,        /* not an e-mail address */
	FP_PHONE,        /* not a phone number */
	FP_DATE,         /* not a YYYY-MM-DD date */
	FP_MUST_EQUAL,   /* e.g. consent not given */
	FP_UNKNOWN,      /* no such field in the form */
	FP_REPEATED,     /* sent twice */
	FP_HONEYPOT,     /* the hidden field was filled in or sent twice */
	FP_FILE_TYPE,    /* not JPEG, PNG or PDF */
	FP_FILE_SIZE,    /* larger than the form allows */
	FP_FILE_COUNT,   /* more files than the form allows */
	FP_FILE_DAMAGED, /* its structure is broken */
	FP_NOT_FILE,     /* a file where text is expected, or the reverse */
	FP_NO_KEY        /* personal data, but no public key to seal it with */
};

/* English and Thai explanation of a problem (never NULL). */
const char *field_problem_en(enum field_problem p);
const char *field_problem_th(enum field_problem p);
/* Stable machine name ("required", "too_long", ...) for JSON and logs. */
const char *field_problem_code(enum field_problem p);

struct field_error {
	int field;           /* index into form->fields, -1 if not a form field */
	enum field_problem problem;
	char name[33];       /* the field name; "" if it was not a valid name */
};

struct field_value {
	int field;           /* index into form->fields */
	const char *value;   /* cleaned, valid UTF-8, NUL-terminated */
	size_t len;
};

struct attachment {
	int field;           /* index into form->fields (a file field) */
	enum media_type type;
	const unsigned char *data; /* stripped */
	size_t len;
};

#define VALIDATE_MAX_ERRORS (FC_MAX_FIELDS + 8)

struct submission {
	int status;          /* 0, 400 or 422 */
	const char *reason;  /* for 400: a short phrase (English, or Thai / English), no data */
	char token[FC_TOKEN_MAX + 1]; /* FC_FORM_TOKEN's value, "" if none */
	struct field_value values[FC_MAX_FIELDS]; /* non-empty values, in form order */
	size_t n_values;
	struct attachment files[FC_MAX_FILES];
	size_t n_files;
	struct field_error errors[VALIDATE_MAX_ERRORS];
	size_t n_errors;
};

/* Check every part of d against form (the honeypot FC_HONEYPOT must be
 * sent exactly once, empty; otherwise one unnamed FP_HONEYPOT error; the page token FC_FORM_TOKEN, if sent and not empty, is copied to
 * s->token, and one that is repeated or not [A-Za-z0-9_-]{16,64} is a 400; unknown and
 * repeated fields are refused), then every field of the
 * form (required, length, choice, scale, e-mail, phone, date, must_equal,
 * files: count, size, type, structure).  have_key says whether values can
 * be sealed: without it a non-empty sealed field (field_sealed(): personal
 * fields, and every field but the choices of a corruption report, files
 * included) is refused with FP_NO_KEY.
 * Fills *s (status 0 on success); the parts' buffers are modified in place
 * and must outlive *s.  Never fails otherwise. */
void validate_submission(const struct form_def *form, struct form_data *d, int have_key,
			 struct submission *s);

/* Is the attachment to be sealed (corruption channel, or a personal file
 * field)? */
int attachment_sealed(const struct form_def *form, const struct attachment *a);

/* The format checks on their own, for the unit tests: 1 if valid. */
int valid_email(const char *s, size_t len);
int valid_phone(const char *s, size_t len);
int valid_date(const char *s, size_t len);

#endif
