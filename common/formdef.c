/* formdef.c: names of field types (see formdef.h). */
#include "formdef.h"

#include <string.h>

static const char *const field_type_names[] = {
	[FT_TEXT] = "text", [FT_TEXTAREA] = "textarea", [FT_CHOICE] = "choice",
	[FT_SCALE] = "scale", [FT_EMAIL] = "email", [FT_PHONE] = "phone",
	[FT_DATE] = "date", [FT_CHECKBOX] = "checkbox", [FT_FILE] = "file",
};
#define N_FIELD_TYPES (sizeof(field_type_names) / sizeof(field_type_names[0]))

/* Returns the YAML/database name of t, or "?" for a value outside the enum
 * (never NULL, so it is always safe to print). */
const char *field_type_name(enum field_type t)
{
	if ((unsigned)t >= N_FIELD_TYPES || !field_type_names[t])
		return "?";
	return field_type_names[t];
}

/* Exact, case-sensitive match against the names above; 0 and *t set on
 * success, -1 (and *t untouched) otherwise. */
int field_type_parse(const char *name, enum field_type *t)
{
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < N_FIELD_TYPES; i++) {
		if (field_type_names[i] && strcmp(name, field_type_names[i]) == 0) {
			*t = (enum field_type)i;
			return 0;
		}
	}
	return -1;
}

const struct form_field *form_projects_field(const struct form_def *f)
{
	size_t i;

	for (i = 0; i < f->n_fields; i++)
		if (f->fields[i].choices_projects && f->fields[i].n_choices)
			return &f->fields[i];
	return NULL;
}

const struct form_field *form_respondent_field(const struct form_def *f)
{
	size_t i;

	for (i = 0; f && i < f->n_fields; i++)
		if (strcmp(f->fields[i].name, FORM_RESPONDENT_FIELD) == 0)
			return f->fields[i].type == FT_CHOICE && !f->fields[i].personal ? &f->fields[i] : NULL;
	return NULL;
}

int form_kind_coded(enum form_kind k)
{
	return k == FORM_COMPLAINT || k == FORM_QUESTION;
}
