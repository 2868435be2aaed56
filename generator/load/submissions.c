/* submissions.c: see submissions.h. */
#include "load/submissions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "load/load_int.h"
#include "trackcode.h"

int subs_parse_created(const char *s, pdate *out)
{
	int64_t t;

	if (date_parse_utc_stamp(s, &t) != 0)
		return -1;
	*out = (pdate)((t + DATE_BANGKOK_OFFSET_S) / 86400);
	return 0;
}

enum val_result { V_OK, V_NO_FIELD, V_PERSONAL, V_NOT_PUBLIC, V_BAD_VALUE };

/* Apply one value to s, checked against its form.  Only choice and scale
 * fields and the "project" text field are taken. */
static enum val_result apply_value(const struct model *m, struct submission *s, const char *name,
	const char *value)
{
	const struct form_def *f = s->form;
	size_t i, k, scale = 0;

	if (!f)
		return V_NO_FIELD;
	for (i = 0; i < f->n_fields; i++) {
		const struct form_field *fd = &f->fields[i];
		if (strcmp(fd->name, name) != 0) {
			scale += fd->type == FT_SCALE;
			continue;
		}
		if (fd->personal)
			return V_PERSONAL;
		if (fd->type == FT_TEXT && strcmp(name, "project") == 0) {
			const struct project *p = model_project(m, value);
			if (!p)
				return V_BAD_VALUE;
			s->project = p->id;
			return V_OK;
		}
		if (fd->type != FT_CHOICE && fd->type != FT_SCALE)
			return V_NOT_PUBLIC;
		for (k = 0; k < fd->n_choices; k++)
			if (strcmp(fd->choices[k].value, value) == 0)
				break;
		if (k == fd->n_choices)
			return V_BAD_VALUE;
		if (fd->type == FT_SCALE) {
			if (value[0] < '1' || value[0] > '5' || value[1] || scale >= SUB_MAX_SCALE)
				return V_BAD_VALUE;
			s->levels[scale] = (unsigned char)(value[0] - '0');
		} else if (strcmp(name, "category") == 0) {
			s->category = fd->choices[k].value;
		} else if (strcmp(name, "district") == 0) {
			s->district = fd->choices[k].value;
		}
		return V_OK;
	}
	return V_NO_FIELD;
}

static int set_err(char *err, size_t errlen, const char *path, sqlite3 *db, const char *what)
{
	snprintf(err, errlen, "%s: %s: %s / อ่านฐานข้อมูลไม่ได้", path, what, db ? sqlite3_errmsg(db) : "");
	return -1;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int subs_read_db(struct model *m, const char *path, size_t *skipped, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	struct submission *subs = NULL;
	int64_t *ids = NULL, count = 0;
	size_t n = 0, nv = 0, skip = 0;
	int rc = -1, step;

	if (skipped)
		*skipped = 0;
	if (stat(path, &sb) != 0)
		return 0; /* first build: the database is created after the checks */
	if (db_open(path, DB_OPEN_READONLY, &db, err, errlen) != 0)
		return -1;
	if (db_schema_version(db) < 1) {
		sqlite3_close(db);
		return 0; /* never installed: no submissions */
	}
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "begin");
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM submissions", -1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW) {
		set_err(err, errlen, path, db, "count");
		goto out;
	}
	count = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (count > SUBS_MAX_ROWS) {
		snprintf(err, errlen, "%s: %lld submissions, more than the limit %ld / มีเรื่องเกินขีดจำกัด",
			path, (long long)count, SUBS_MAX_ROWS);
		goto out;
	}
	subs = arena_alloc(&m->arena, ((size_t)count + 1) * sizeof(*subs));
	ids = malloc(((size_t)count + 1) * sizeof(*ids));
	if (!ids) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT id, form_id, kind, channel, code, created_at FROM submissions"
		" ORDER BY id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "submissions");
		goto out;
	}
	sqlite3_bind_int64(st, 1, count);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct submission *s = &subs[n];
		const char *form_id = (const char *)sqlite3_column_text(st, 1);
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		const char *channel = (const char *)sqlite3_column_text(st, 3);
		const char *code = (const char *)sqlite3_column_text(st, 4);
		const char *created = (const char *)sqlite3_column_text(st, 5);
		char canon[TRACKCODE_SIZE];

		memset(s, 0, sizeof(*s));
		if (!form_id || !kind || !channel || subs_parse_created(created, &s->created) != 0) {
			skip++;
			continue;
		}
		s->form = model_form(m, form_id);
		s->form_id = s->form ? s->form->id : arena_strdup(&m->arena, form_id);
		s->kind = strcmp(kind, "complaint") == 0 ? FORM_COMPLAINT : FORM_SURVEY;
		s->channel = strcmp(channel, "corruption") == 0 ? CHANNEL_CORRUPTION :
			strcmp(channel, "general") == 0 ? CHANNEL_GENERAL : CHANNEL_NONE;
		if (s->kind == FORM_COMPLAINT && code && trackcode_normalize(code, canon) == 0)
			s->code = arena_strdup(&m->arena, canon);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (step != SQLITE_DONE) {
		set_err(err, errlen, path, db, "submissions");
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* ids are ascending (ORDER BY id): binary search below */
	if (sqlite3_prepare_v2(db, "SELECT v.submission_id, v.name, v.value FROM submission_values v"
		" JOIN submissions s ON s.id = v.submission_id"
		" JOIN form_fields f ON f.form_id = s.form_id AND f.name = v.name"
		" WHERE f.personal = 0 AND (f.type IN ('choice', 'scale') OR (f.type = 'text' AND f.name = 'project'))"
		" ORDER BY v.submission_id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "submission_values");
		goto out;
	}
	sqlite3_bind_int64(st, 1, SUBS_MAX_VALUES + 1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *value = (const char *)sqlite3_column_text(st, 2);
		int64_t *hit;

		if (++nv > (size_t)SUBS_MAX_VALUES) {
			snprintf(err, errlen, "%s: more than %ld submitted values / มีข้อมูลเกินขีดจำกัด",
				path, SUBS_MAX_VALUES);
			goto out;
		}
		hit = bsearch(&id, ids, n, sizeof(*ids), cmp_id);
		if (hit && name && value)
			apply_value(m, &subs[hit - ids], name, value);
	}
	if (step != SQLITE_DONE) {
		set_err(err, errlen, path, db, "submission_values");
		goto out;
	}
	rc = 0;
out:
	if (st)
		sqlite3_finalize(st);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	free(ids);
	if (rc == 0) {
		struct submission *all = arena_alloc(&m->arena, (m->n_subs + n + 1) * sizeof(*all));
		if (m->n_subs)
			memcpy(all, m->subs, m->n_subs * sizeof(*all));
		if (n)
			memcpy(all + m->n_subs, subs, n * sizeof(*all));
		m->subs = all;
		m->n_subs += n;
		m->subs_from_db = 1;
		if (skipped)
			*skipped = skip;
	}
	return rc;
}

static int cmp_sub(const void *pa, const void *pb)
{
	const struct submission *a = pa, *b = pb;
	int c;

	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	if ((a->code != NULL) != (b->code != NULL))
		return a->code ? -1 : 1;
	if (a->code && (c = strcmp(a->code, b->code)) != 0)
		return c;
	return strcmp(a->form_id, b->form_id);
}

void subs_merge_sample(struct model *m, struct diags *d)
{
	const char *rel = m->sample_subs_path;
	struct submission *all;
	size_t i, j, n;

	if (rel && !m->site.sample) {
		diag_warn(d, file_loc(rel),
			"ไม่ได้ใช้ไฟล์นี้: ใช้ได้เฉพาะเว็บไซต์ตัวอย่าง (site.yaml: sample: true)",
			"not used: sample submissions count only on a sample site (site.yaml: sample: true)");
		rel = NULL;
	}
	n = m->n_subs;
	all = arena_alloc(&m->arena, (m->n_subs + (rel ? m->n_sample_subs : 0) + 1) * sizeof(*all));
	if (m->n_subs)
		memcpy(all, m->subs, m->n_subs * sizeof(*all));
	for (i = 0; rel && i < m->n_sample_subs; i++) {
		const struct sample_sub *ss = &m->sample_subs[i];
		struct submission *s = &all[n];
		char canon[TRACKCODE_SIZE];
		struct loc l = { rel, ss->line, ss->col };
		int ok = 1;

		memset(s, 0, sizeof(*s));
		s->sample = 1;
		s->created = ss->date;
		if (!(s->form = model_form(m, ss->form))) {
			diag_error(d, l, "ไม่มีแบบฟอร์ม \"%s\" ใน forms/", "no form \"%s\" in forms/", ss->form);
			continue;
		}
		s->form_id = s->form->id;
		s->kind = s->form->kind;
		s->channel = s->form->channel;
		if (ss->date > m->today) {
			diag_error(d, l, "วันที่อยู่ในอนาคต (หลังวันที่ข้อมูล)", "the date is in the future");
			ok = 0;
		}
		if (s->kind == FORM_COMPLAINT) {
			struct loc lc = { rel, ss->line_code, ss->col_code };
			if (!ss->code) {
				diag_error(d, l, "เรื่องร้องเรียนต้องมี code (รหัสติดตามเรื่อง)",
					"a complaint needs a code (its tracking code)");
				ok = 0;
			} else if (trackcode_normalize(ss->code, canon) != 0) {
				diag_error(d, lc, "รหัสติดตามเรื่องไม่ถูกต้อง: %s", "invalid tracking code: %s", ss->code);
				ok = 0;
			} else {
				s->code = arena_strdup(&m->arena, canon);
				for (j = 0; j < n; j++)
					if (all[j].code && strcmp(all[j].code, canon) == 0) {
						diag_error(d, lc, "รหัส %s ซ้ำ", "duplicate code %s", canon);
						ok = 0;
						break;
					}
			}
		}
		for (j = 0; j < ss->n_values; j++) {
			const struct sample_value *v = &ss->values[j];
			struct loc lv = { rel, v->line, v->col };
			switch (apply_value(m, s, v->name, v->value)) {
			case V_OK:
				break;
			case V_NO_FIELD:
				diag_error(d, lv, "แบบฟอร์ม %s ไม่มีช่อง %s", "the form %s has no field %s",
					s->form_id, v->name);
				ok = 0;
				break;
			case V_PERSONAL:
			case V_NOT_PUBLIC:
				diag_error(d, lv, "ช่อง %s ไม่ใช่ข้อมูลที่เผยแพร่ได้ (ข้อมูลตัวอย่างมีได้เฉพาะตัวเลือก ระดับคะแนน และรหัสโครงการ)",
					"the field %s is not public (sample submissions hold only choices, scale answers and project ids)",
					v->name);
				ok = 0;
				break;
			case V_BAD_VALUE:
				diag_error(d, lv, "ค่า \"%s\" ใช้กับช่อง %s ไม่ได้", "\"%s\" is not a value of the field %s",
					v->value, v->name);
				ok = 0;
				break;
			}
		}
		if (ok)
			n++;
	}
	if (rel && m->n_sample_subs)
		m->subs_sample = 1;
	m->subs = all;
	m->n_subs = n;
	qsort(m->subs, m->n_subs, sizeof(*m->subs), cmp_sub);
}
