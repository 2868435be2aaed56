#include "load/forms.h"

#include <string.h>

#include "formcheck.h"
#include "load/fields.h"

static int default_max_length(enum field_type t)
{
	switch (t) {
	case FT_TEXTAREA: return 5000;
	case FT_EMAIL: return 254;
	case FT_PHONE: return 20;
	case FT_DATE: return 10;
	case FT_CHOICE: case FT_SCALE: case FT_CHECKBOX: return 64;
	default: return 200;
	}
}

static const struct form_choice *load_choices(struct yctx *c, const struct ynode *n,
	const struct site *site, size_t *count)
{
	struct form_choice *ch;
	size_t i, k = 0;

	*count = 0;
	if (n->kind == YN_SCALAR && strcmp(n->s, "projects") == 0)
		return NULL; /* filled by forms_fill_projects() */
	if (n->kind == YN_SCALAR && strcmp(n->s, "districts") == 0) {
		if (!site->n_districts) {
			diag_error(c->d, yloc(c->path, n), "site.yaml ยังไม่มีรายชื่ออำเภอ",
				"site.yaml lists no districts");
			return NULL;
		}
		ch = arena_alloc(c->a, site->n_districts * sizeof(*ch));
		for (i = 0; i < site->n_districts; i++) {
			ch[i].value = site->districts[i].id;
			ch[i].label_th = site->districts[i].name;
			ch[i].label_en = site->districts[i].name_en ? site->districts[i].name_en : site->districts[i].id;
		}
		*count = site->n_districts;
		return ch;
	}
	if (n->kind != YN_SEQ || n->n == 0 || n->n > FORM_MAX_CHOICES) {
		diag_error(c->d, yloc(c->path, n),
			"choices ต้องเป็นรายการ 1 ถึง %d ตัวเลือก หรือคำว่า districts หรือ projects",
			"choices must be a list of 1 to %d items, or the word districts or projects", FORM_MAX_CHOICES);
		return NULL;
	}
	ch = arena_alloc(c->a, n->n * sizeof(*ch));
	for (i = 0; i < n->n; i++) {
		const struct ynode *it = n->items[i];
		size_t j;
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "ตัวเลือกต้องมี value และ label",
				"each choice needs value and label");
			continue;
		}
		if (fields_read(c, schema_field(&schema_form_field, "choices")->sub, it, &ch[k]) != 0)
			continue;
		if (!ch[k].label_en)
			ch[k].label_en = ch[k].label_th;
		for (j = 0; j < k; j++)
			if (strcmp(ch[j].value, ch[k].value) == 0)
				break;
		if (j < k) {
			diag_error(c->d, yloc(c->path, ymap_get(it, "value")), "ตัวเลือก \"%s\" ซ้ำ",
				"duplicate choice \"%s\"", ch[k].value);
			continue;
		}
		k++;
	}
	*count = k;
	return ch;
}

struct form_def *load_form(struct yctx *c, const char *rel, const struct ynode *root,
	const struct site *site)
{
	struct form_def *f;
	struct form_field *fields;
	const struct ynode *n, *seq;
	const char *s;
	const char *base = strrchr(rel, '/');
	size_t i, k = 0, idlen;
	long v;
	int good = 1, has_file = 0;

	if (!root) {
		diag_error(c->d, yloc(rel, NULL), "แบบฟอร์มว่างเปล่า", "the form is empty");
		return NULL;
	}
	f = arena_alloc(c->a, sizeof(*f));
	base = base ? base + 1 : rel;
	idlen = strlen(base) - strlen(".yaml");
	f->id = arena_strndup(c->a, base, idlen);
	if (!form_id_valid(f->id)) {
		diag_error(c->d, yloc(rel, NULL), "ชื่อไฟล์แบบฟอร์มใช้ได้เฉพาะ a-z 0-9 - ขึ้นต้นด้วยตัวอักษร (ไม่เกิน 32 ตัว)",
			"form file names may use only a-z, 0-9, -, starting with a letter (at most 32)");
		good = 0;
	}
	if (fields_read(c, &schema_form, root, f) != 0)
		good = 0;
	switch (fields_enum(c, schema_field(&schema_form, "kind"), root)) {
	case 0: f->kind = FORM_COMPLAINT; break;
	case 1: f->kind = FORM_SURVEY; break;
	case 2: f->kind = FORM_QUESTION; break;
	default: good = 0; break;
	}
	f->channel = CHANNEL_NONE;
	if (ymap_get(root, "channel") && f->kind != FORM_COMPLAINT &&
		yget_str(c, root, "channel", 0, 0) != NULL) {
		diag_error(c->d, yloc(rel, ymap_get(root, "channel")),
			"channel ใช้กับแบบฟอร์มร้องเรียนเท่านั้น", "channel applies to complaint forms only");
	} else if (f->kind == FORM_COMPLAINT) {
		f->channel = fields_enum(c, schema_field(&schema_form, "channel"), root) == 1 ?
			CHANNEL_CORRUPTION : CHANNEL_GENERAL;
	} else if (f->kind == FORM_QUESTION) {
		f->channel = CHANNEL_GENERAL; /* stored as a general complaint (formdef.h) */
	}
	f->max_body = 64 * 1024;
	if (yget_int(c, root, "max_body", 0, 1024, FORM_MAX_BODY_CAP, &v) == Y_OK)
		f->max_body = v;
	if ((n = yget_map(c, root, "attachments", 0)) != NULL) {
		fields_check_keys(c, schema_field(&schema_form, "attachments")->sub, n);
		if (f->kind != FORM_COMPLAINT)
			diag_error(c->d, yloc(rel, n), "แนบไฟล์ได้เฉพาะแบบฟอร์มร้องเรียน",
				"attachments are for complaint forms only");
		f->max_files = FORM_MAX_FILES;
		f->max_file_size = FORM_MAX_FILE_SIZE;
		if (yget_int(c, n, "max_files", 0, 0, FORM_MAX_FILES, &v) == Y_OK)
			f->max_files = (int)v;
		if (yget_int(c, n, "max_size", 0, 1024, FORM_MAX_FILE_SIZE, &v) == Y_OK)
			f->max_file_size = v;
	}
	if (!(seq = yget_seq(c, root, "fields", 1)))
		return NULL;
	if (seq->n == 0 || seq->n > FORM_MAX_FIELDS) {
		diag_error(c->d, yloc(rel, seq), "fields ต้องมี 1 ถึง %d ช่อง",
			"fields needs 1 to %d fields", FORM_MAX_FIELDS);
		return NULL;
	}
	fields = arena_alloc(c->a, seq->n * sizeof(*fields));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		struct form_field *fd = &fields[k];
		size_t j;
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it), "ช่องกรอกแต่ละช่องต้องเป็นชุดฟิลด์",
				"each field must be a mapping");
			good = 0;
			continue;
		}
		memset(fd, 0, sizeof(*fd));
		fields_read(c, &schema_form_field, it, fd);
		fd->name = yget_str(c, it, "name", 1, 0);
		if (fd->name && (!field_name_valid(fd->name) || strcmp(fd->name, "website") == 0)) {
			diag_error(c->d, yloc(rel, ymap_get(it, "name")),
				"ชื่อช่อง \"%s\" ใช้ไม่ได้ (a-z 0-9 _ ขึ้นต้นด้วยตัวอักษร ไม่เกิน 32 ตัว; website สงวนไว้)",
				"field name \"%s\" is invalid ([a-z][a-z0-9_]{0,31}; \"website\" is reserved)", fd->name);
			fd->name = NULL;
		}
		if (!fd->label_en)
			fd->label_en = fd->label_th;
		fd->type = FT_TEXT;
		if ((s = yget_str(c, it, "type", 1, 0)) != NULL && field_type_parse(s, &fd->type) != 0) {
			diag_error(c->d, yloc(rel, ymap_get(it, "type")),
				"ไม่รู้จักชนิดช่อง \"%s\" (text, textarea, choice, scale, email, phone, date, checkbox, file)",
				"unknown field type \"%s\" (text, textarea, choice, scale, email, phone, date, checkbox, file)", s);
			fd->name = NULL;
		}
		fd->max_length = default_max_length(fd->type);
		if (yget_int(c, it, "max_length", 0, 1, FORM_TEXT_MAX, &v) == Y_OK)
			fd->max_length = (int)v;
		if ((n = ymap_get(it, "choices")) != NULL) {
			if (fd->type != FT_CHOICE && fd->type != FT_SCALE)
				diag_error(c->d, yloc(rel, n), "choices ใช้กับช่องชนิด choice หรือ scale เท่านั้น",
					"choices apply to choice and scale fields only");
			fd->choices = load_choices(c, n, site, &fd->n_choices);
			fd->choices_projects = n->kind == YN_SCALAR && strcmp(n->s, "projects") == 0;
			if (fd->choices_projects && fd->type != FT_CHOICE)
				diag_error(c->d, yloc(rel, n), "choices: projects ใช้กับช่องชนิด choice เท่านั้น",
					"choices: projects applies to choice fields only");
			if (fd->type == FT_SCALE && fd->n_choices != 5)
				diag_error(c->d, yloc(rel, n), "ช่อง scale ต้องมี 5 ระดับพอดี",
					"a scale field needs exactly 5 levels");
		} else if (fd->type == FT_CHOICE) {
			diag_error(c->d, yloc(rel, it), "ช่องชนิด choice ต้องมี choices",
				"a choice field needs choices");
			fd->name = NULL;
		}
		if (fd->name && !field_respondent_ok(fd))
			diag_error(c->d, yloc(rel, it),
				"ช่อง %s (ประเภทผู้ตอบ) ต้องเป็นช่องแบบเลือก (choice) และไม่ใช่ข้อมูลส่วนบุคคล",
				"the field %s (the respondent type) must be a choice field, not personal", fd->name);
		if (fd->type == FT_FILE) {
			has_file = 1;
			if (f->max_files == 0)
				diag_error(c->d, yloc(rel, it), "มีช่องแนบไฟล์ แต่ไม่ได้กำหนด attachments",
					"a file field needs attachments: in the form");
		}
		if (!fd->name || !fd->label_th)
			continue;
		for (j = 0; j < k; j++)
			if (strcmp(fields[j].name, fd->name) == 0)
				break;
		if (j < k) {
			diag_error(c->d, yloc(rel, ymap_get(it, "name")), "ชื่อช่อง \"%s\" ซ้ำ",
				"duplicate field \"%s\"", fd->name);
			continue;
		}
		k++;
	}
	(void)has_file;
	f->fields = fields;
	f->n_fields = k;
	if (!good || !f->title_th || !f->title_en || !f->thanks_th || !f->thanks_en)
		return NULL;
	return f;
}

void forms_fill_projects(struct model *m)
{
	size_t i, j, k, n = m->n_projects < FORM_MAX_CHOICES ? m->n_projects : FORM_MAX_CHOICES;
	struct form_choice *ch = NULL;

	for (i = 0; i < m->n_forms; i++)
		for (j = 0; j < m->forms[i].n_fields; j++) {
			struct form_field *fd = (struct form_field *)&m->forms[i].fields[j];

			if (!fd->choices_projects || !n)
				continue;
			if (!ch) {
				ch = arena_alloc(&m->arena, n * sizeof(*ch));
				for (k = 0; k < n; k++) {
					const struct project *p = m->projects[m->n_projects - 1 - k];

					ch[k].value = p->id;
					ch[k].label_th = arena_printf(&m->arena, "%s %s", p->id, p->title);
					ch[k].label_en = arena_printf(&m->arena, "%s %s", p->id,
						p->title_en && *p->title_en ? p->title_en : p->title);
				}
			}
			fd->choices = ch;
			fd->n_choices = n;
		}
}
