/* formdef.h: a form definition as the generator loads it from
 * content/forms/<id>.yaml and installs it into the database, and as the
 * collector reads it back.  Plain data; strings are owned by whoever built
 * the struct (the generator's arena, or the collector's loader). */
#ifndef PRONGSAI_FORMDEF_H
#define PRONGSAI_FORMDEF_H

#include <stddef.h>

enum field_type {
	FT_TEXT, FT_TEXTAREA, FT_CHOICE, FT_SCALE, FT_EMAIL, FT_PHONE,
	FT_DATE, FT_CHECKBOX, FT_FILE
};

/* Names as written in YAML and stored in the database ("text", ...). */
const char *field_type_name(enum field_type t);
/* Returns 0 and sets *t for a known name, -1 otherwise. */
int field_type_parse(const char *name, enum field_type *t);

struct form_choice {
	const char *value;    /* what is submitted and stored */
	const char *label_th;
	const char *label_en;
};

struct form_field {
	const char *name;     /* [a-z][a-z0-9_]{0,31} */
	const char *label_th;
	const char *label_en;
	const char *help_th;  /* may be NULL */
	const char *help_en;  /* may be NULL */
	enum field_type type;
	int required;
	int max_length;       /* in code points; 0 = the type's default */
	int personal;         /* sealed before storage, never published */
	const char *must_equal; /* e.g. consent must be "yes"; NULL = any */
	const struct form_choice *choices; /* FT_CHOICE (and FT_SCALE labels) */
	size_t n_choices;
	int choices_projects; /* generator only: "choices: projects", filled
				 with the project ids once all are loaded */
};

/* A question (OIT O3, "สอบถาม") is handled like a general complaint in
 * every respect but its statistics: it gets a tracking code, is stored
 * with kind 'complaint' and channel 'general' in the database (db.h: the
 * collector and `prongsai inbox` see a complaint), and its answer is
 * written in content/complaints/<CODE>.yaml; the build tells it apart by
 * its form and leaves it out of the complaint statistics.  The answers
 * the office publishes for everyone are content/questions/<slug>.yaml. */
enum form_kind { FORM_COMPLAINT, FORM_SURVEY, FORM_QUESTION };

/* 1 when submissions of form kind k get a tracking code (complaints and
 * questions), 0 for surveys. */
int form_kind_coded(enum form_kind k);
enum form_channel { CHANNEL_NONE, CHANNEL_GENERAL, CHANNEL_CORRUPTION };

struct form_def {
	const char *id;       /* [a-z][a-z0-9-]{0,31}, the file name */
	enum form_kind kind;
	enum form_channel channel; /* CHANNEL_NONE for surveys */
	const char *title_th, *title_en;
	const char *help_th, *help_en;
	const char *thanks_th, *thanks_en;
	long max_body;        /* bytes; cap on the whole request body */
	int max_files;        /* attachments allowed (0..3) */
	long max_file_size;   /* bytes per attachment (<= 5 MiB) */
	const struct form_field *fields;
	size_t n_fields;
};

/* The field of f whose choices the generator filled with the project ids
 * (choices_projects, at least one choice), or NULL. */
const struct form_field *form_projects_field(const struct form_def *f);

/* The respondent type of a survey (the memo's indicator counts staff,
 * executives, partner agencies and the public apart): a choice field of
 * this name.  Its results are shown per choice, and the site has a page of
 * the form per choice with that choice made in advance
 * (forms/<form>/respondent/<value>/). */
#define FORM_RESPONDENT_FIELD "respondent"
#define FORM_RESPONDENT_STAFF "staff" /* the choice the staff area links */
/* That page's path under the site root (printf: form id, choice value). */
#define FORM_RESPONDENT_PATH "forms/%s/respondent/%s/index.html"

/* f's respondent field: the non-personal choice field named
 * FORM_RESPONDENT_FIELD, or NULL when f has none. */
const struct form_field *form_respondent_field(const struct form_def *f);

#endif
