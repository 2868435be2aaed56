/* formcheck.h: the rules a form definition must follow, and the defaults and
 * hard limits that apply to it.  Shared by the generator (to report mistakes
 * in content/forms/<id>.yaml), formdb_install() (which refuses bad forms) and
 * the collector (which applies the limits to submissions). */
#ifndef PRONGSAI_FORMCHECK_H
#define PRONGSAI_FORMCHECK_H

#include <stddef.h>
#include "formdef.h"

#define FC_MAX_FIELDS 64            /* fields per form */
#define FC_MAX_CHOICES 200          /* choices per field */
#define FC_MAX_FILES 3              /* attachments per submission */
#define FC_MAX_FILE_SIZE (5L << 20) /* 5 MiB per attachment */
#define FC_MAX_LENGTH 10000         /* code points, any field */
#define FC_HARD_MAX_BODY (20L << 20) /* no form accepts a larger body */
#define FC_HONEYPOT "website"       /* hidden field that must stay empty */
#define FC_FORM_TOKEN "form_token"  /* hidden field: the page's random token */
#define FC_TOKEN_MIN 16             /* its length: [A-Za-z0-9_-]{16,64} */
#define FC_TOKEN_MAX 64
#define FC_SCALE_POINTS 5

/* Default maximum length in code points for a field type (max_length 0). */
int field_default_max_length(enum field_type t);
/* The field's effective maximum length in code points (> 0). */
int field_max_length(const struct form_field *f);
/* The form's effective cap on the request body in bytes: max_body when set,
 * else a default from its fields and attachments; never above
 * FC_HARD_MAX_BODY. */
long form_max_body(const struct form_def *f);
/* Effective attachment limits: 0 files unless the form has a file field. */
int form_max_files(const struct form_def *f);
long form_max_file_size(const struct form_def *f);

/* The default label of scale point v (1..5: น้อยที่สุด .. มากที่สุด). */
const char *scale_label_th(int v);
const char *scale_label_en(int v);

/* Is s a valid form id ([a-z][a-z0-9-]{0,31}; "health" and "track" are
 * reserved by form_def_check) / field name
 * ([a-z][a-z0-9_]{0,31})?  Return 1 or 0. */
int form_id_valid(const char *s);
int field_name_valid(const char *s);
/* Is the field's value sealed to the officer's key rather than stored
 * readable?  Fields marked personal, and in the corruption channel every
 * field but the choices (category, district: what the public statistics
 * count), so that the subject, the details and every attachment of a
 * report are sealed (issue 19.3).  1 or 0. */
int field_sealed(const struct form_def *form, const struct form_field *f);
/* Does field f follow the respondent type's rule (formdef.h): a field
 * named FORM_RESPONDENT_FIELD is a choice and not personal?  1 (also for
 * any other name) or 0. */
int field_respondent_ok(const struct form_field *f);
/* Is s[0..len) a page token ([A-Za-z0-9_-]{FC_TOKEN_MIN,FC_TOKEN_MAX})? */
int form_token_valid(const char *s, size_t len);

/* Check one form definition.  Returns 0 if it is usable, or -1 with a
 * message (English and Thai, naming the form and field) in err.  Rules:
 * valid id and field names, unique field names, not the honeypot or token name;
 * Thai title and labels present; choice fields have 1..200 distinct choices;
 * scale fields have no choices or exactly the values 1..5; a field named
 * FORM_RESPONDENT_FIELD is a choice and not personal; surveys have
 * channel none and no file fields; complaints have channel general or
 * corruption; limits within the hard caps above. */
int form_def_check(const struct form_def *f, char *err, size_t errlen);

#endif
