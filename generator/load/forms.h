/* forms.h: content/forms/<id>.yaml to struct form_def (common/formdef.h). */
#ifndef PRONGSAI_FORMS_H
#define PRONGSAI_FORMS_H

#include "formdef.h"
#include "model/model.h"
#include "load/ycheck.h"

#define FORM_MAX_FIELDS 64
#define FORM_MAX_CHOICES 200
#define FORM_MAX_BODY_CAP (20L * 1024 * 1024)
#define FORM_MAX_FILES 3
#define FORM_MAX_FILE_SIZE (5L * 1024 * 1024)
#define FORM_TEXT_MAX 10000 /* code points, any text field */

/* Build a form definition from its YAML (rel is "forms/<id>.yaml").  The
 * choices "districts" expand to site's districts.  Reports every problem;
 * returns NULL when the form is unusable.  Memory is from c->a. */
struct form_def *load_form(struct yctx *c, const char *rel, const struct ynode *root,
	const struct site *site);

/* Fill every field of m's forms that says "choices: projects" with the
 * newest FORM_MAX_CHOICES projects of m (value the id, label "id title"),
 * newest first; m->projects must be loaded and sorted by id.  A form
 * without projects keeps no choices (check reports the field).  Memory is
 * from m's arena; never fails. */
void forms_fill_projects(struct model *m);

#endif
