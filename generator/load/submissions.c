/* submissions.c: see submissions.h. */
#include "load/submissions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "load/load_int.h"
#include "trackcode.h"
#include "utcstamp.h"

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
 * fields and the "project" field (text or choice) are taken. */
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
		if ((fd->type == FT_TEXT || fd->type == FT_CHOICE) && strcmp(name, "project") == 0) {
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
		} else if (fd == form_respondent_field(f)) {
			s->respondent = fd->choices[k].value;
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

/* The index of scale field name among f's scale questions (as
 * apply_value counts them), if it is a non-personal scale field of f and
 * value one of its levels 1..5; else -1. */
static int scale_index(const struct form_def *f, const char *name, const char *value, int *level)
{
	size_t i, k;
	int q = 0;

	for (i = 0; i < f->n_fields; i++) {
		const struct form_field *fd = &f->fields[i];
		if (strcmp(fd->name, name) != 0) {
			q += fd->type == FT_SCALE;
			continue;
		}
		if (fd->personal || fd->type != FT_SCALE || q >= SUB_MAX_SCALE)
			return -1;
		for (k = 0; k < fd->n_choices; k++)
			if (strcmp(fd->choices[k].value, value) == 0)
				break;
		if (k == fd->n_choices || value[0] < '1' || value[0] > '5' || value[1])
			return -1;
		*level = value[0] - '0';
		return q;
	}
	return -1;
}

/* The project id of the model that a survey of f names, or NULL (f has no
 * non-personal text or choice field "project", or no such project). */
static const char *survey_project(const struct model *m, const struct form_def *f, const char *value)
{
	const struct project *p;
	size_t i;

	if (!value)
		return NULL;
	for (i = 0; i < f->n_fields; i++)
		if (strcmp(f->fields[i].name, "project") == 0)
			break;
	if (i == f->n_fields || f->fields[i].personal ||
		(f->fields[i].type != FT_TEXT && f->fields[i].type != FT_CHOICE))
		return NULL;
	p = model_project(m, value);
	return p ? p->id : NULL;
}

/* The respondent type value of f's respondent field (formdef.h) equal to
 * value, or NULL (no such field, or not one of its choices). */
static const char *survey_respondent(const struct form_def *f, const char *value)
{
	const struct form_field *fd = form_respondent_field(f);
	size_t k;

	for (k = 0; fd && value && k < fd->n_choices; k++)
		if (strcmp(fd->choices[k].value, value) == 0)
			return fd->choices[k].value;
	return NULL;
}

/* The first day of "YYYY-MM" (a month in Thailand), or 0. */
static pdate month_start(const char *ym)
{
	int y, mo;
	char end;

	if (!ym || sscanf(ym, "%4d-%2d%c", &y, &mo, &end) != 2 || y < 1900 || mo < 1 || mo > 12)
		return 0;
	return date_from_ymd(y, mo, 1);
}

/* The fiscal year of "YYYY-MM" (a month in Thailand), or 0. */
static int month_fiscal_year(const char *ym)
{
	pdate d = month_start(ym);

	return d ? date_fiscal_year(d) : 0;
}

/* The tracking lookups the collector counted (table lookup_counts, schema
 * version 4 on): one row per month.  Appends to *out (arena memory). */
static int read_lookups(struct model *m, sqlite3 *db, const char *path, struct lookup_count **out,
	size_t *n_out, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct lookup_count *c;
	size_t n = 0, alloc = 0;
	int step;

	*out = NULL;
	*n_out = 0;
	if (db_schema_version(db) < 4)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM lookup_counts", -1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return set_err(err, errlen, path, db, "lookup_counts");
	}
	alloc = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	c = arena_alloc(&m->arena, (alloc + 1) * sizeof(*c));
	if (sqlite3_prepare_v2(db, "SELECT month, count FROM lookup_counts ORDER BY month", -1, &st, NULL)
		!= SQLITE_OK)
		return set_err(err, errlen, path, db, "lookup_counts");
	while ((step = sqlite3_step(st)) == SQLITE_ROW && n < alloc) {
		pdate d = month_start((const char *)sqlite3_column_text(st, 0));
		int64_t k = sqlite3_column_int64(st, 1);
		if (!d || k <= 0)
			continue;
		memset(&c[n], 0, sizeof(c[n]));
		c[n].month = d;
		c[n++].n = (size_t)k;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		return set_err(err, errlen, path, db, "lookup_counts");
	*out = c;
	*n_out = n;
	return 0;
}

/* The surveys, counted by SQL (GROUP BY), never row by row: per form and
 * month in Thailand the responses, and per form, month, project, question
 * and level the answers.  Appends to *out (arena memory). */
static int read_survey_counts(struct model *m, sqlite3 *db, const char *path, struct subs_report *rep,
	struct survey_count **out, size_t *n_out, char *err, size_t errlen)
{
	char sql[1024], month[64];
	sqlite3_stmt *st = NULL;
	struct survey_count *c = NULL;
	size_t n = 0, alloc = 0;
	int step, pass;

	/* the month in Thailand: the same offset as subs_parse_created() */
	snprintf(month, sizeof month, "strftime('%%Y-%%m', s.created_at, '+%d seconds')", DATE_BANGKOK_OFFSET_S);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			snprintf(sql, sizeof sql, "SELECT s.form_id, %s, NULL, NULL, NULL, count(*)"
				" FROM submissions s WHERE s.kind = 'survey' GROUP BY 1, 2", month);
		else
			snprintf(sql, sizeof sql, "SELECT s.form_id, %s, p.value, v.name, v.value, count(*), r.value"
				" FROM submissions s JOIN submission_values v ON v.submission_id = s.id"
				" JOIN form_fields f ON f.form_id = s.form_id AND f.name = v.name"
				" LEFT JOIN submission_values p ON p.submission_id = s.id AND p.name = 'project'"
				" LEFT JOIN submission_values r ON r.submission_id = s.id AND r.name = '%s'"
				" WHERE s.kind = 'survey' AND f.personal = 0 AND f.type = 'scale'"
				" GROUP BY 1, 2, 3, 4, 5, 7", month, FORM_RESPONDENT_FIELD);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			return set_err(err, errlen, path, db, "surveys");
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			const struct form_def *f = model_form(m, (const char *)sqlite3_column_text(st, 0) ?
				(const char *)sqlite3_column_text(st, 0) : "");
			int fy = month_fiscal_year((const char *)sqlite3_column_text(st, 1)), q = -1, level = 0;
			int64_t k = sqlite3_column_int64(st, 5);
			struct survey_count *sc;

			if (pass == 0 && !fy)
				rep->skipped += (size_t)k; /* an unreadable date */
			if (!f || !fy || k <= 0)
				continue;
			if (pass == 1) {
				const char *name = (const char *)sqlite3_column_text(st, 3);
				const char *value = (const char *)sqlite3_column_text(st, 4);
				if (!name || !value || (q = scale_index(f, name, value, &level)) < 0)
					continue;
			}
			if (n == alloc) {
				struct survey_count *bigger;
				alloc = alloc ? 2 * alloc : 64;
				bigger = arena_alloc(&m->arena, alloc * sizeof(*bigger));
				if (n)
					memcpy(bigger, c, n * sizeof(*c));
				c = bigger;
			}
			sc = &c[n++];
			sc->form = f;
			sc->fiscal_year = fy;
			sc->month = month_start((const char *)sqlite3_column_text(st, 1));
			sc->project = pass ? survey_project(m, f, (const char *)sqlite3_column_text(st, 2)) : NULL;
			sc->respondent = pass ? survey_respondent(f, (const char *)sqlite3_column_text(st, 6)) : NULL;
			sc->q = q;
			sc->level = level;
			sc->n = (size_t)k;
			if (pass == 0)
				rep->surveys += (size_t)k;
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			return set_err(err, errlen, path, db, "surveys");
	}
	*out = c;
	*n_out = n;
	return 0;
}

int subs_read_db(struct model *m, const char *path, struct subs_report *rep, char *err, size_t errlen)
{
	return subs_read_db_max(m, path, SUBS_MAX_CASES, rep, err, errlen);
}

int subs_read_db_max(struct model *m, const char *path, long max_cases, struct subs_report *rep, char *err,
	size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	struct submission *subs = NULL;
	struct survey_count *counts = NULL;
	struct lookup_count *lookups = NULL;
	size_t n_lookups = 0;
	int64_t *ids = NULL, count = 0, first_id = 0, through = 0;
	size_t n = 0, nv = 0, n_counts = 0;
	int rc = -1, step;

	memset(rep, 0, sizeof(*rep));
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
	/* what this snapshot holds: the collector tells a code whose page is
	 * not built yet by an id above it (db.h, built_through) */
	if (sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM submissions", -1, &st, NULL) != SQLITE_OK ||
		sqlite3_step(st) != SQLITE_ROW) {
		set_err(err, errlen, path, db, "count");
		goto out;
	}
	through = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM submissions WHERE kind = 'complaint'", -1, &st, NULL)
			!= SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		set_err(err, errlen, path, db, "count");
		goto out;
	}
	count = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (count > max_cases) {
		/* only the newest max_cases complaints: from this id on */
		rep->left_out = (size_t)(count - max_cases);
		if (sqlite3_prepare_v2(db, "SELECT id FROM submissions WHERE kind = 'complaint'"
				" ORDER BY id DESC LIMIT 1 OFFSET ?1", -1, &st, NULL) != SQLITE_OK) {
			set_err(err, errlen, path, db, "count");
			goto out;
		}
		sqlite3_bind_int64(st, 1, max_cases - 1);
		if (sqlite3_step(st) != SQLITE_ROW) {
			set_err(err, errlen, path, db, "count");
			goto out;
		}
		first_id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		count = max_cases;
	}
	subs = arena_alloc(&m->arena, ((size_t)count + 1) * sizeof(*subs));
	ids = malloc(((size_t)count + 1) * sizeof(*ids));
	if (!ids) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT id, form_id, kind, channel, code, created_at FROM submissions"
		" WHERE kind = 'complaint' AND id >= ?2 ORDER BY id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "submissions");
		goto out;
	}
	sqlite3_bind_int64(st, 1, count);
	sqlite3_bind_int64(st, 2, first_id);
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
			rep->skipped++;
			continue;
		}
		s->form = model_form(m, form_id);
		s->form_id = s->form ? s->form->id : arena_strdup(&m->arena, form_id);
		/* a question is stored as a complaint: its form tells (formdef.h) */
		s->kind = s->form && s->form->kind == FORM_QUESTION ? FORM_QUESTION : FORM_COMPLAINT;
		s->channel = strcmp(channel, "corruption") == 0 ? CHANNEL_CORRUPTION :
			strcmp(channel, "general") == 0 ? CHANNEL_GENERAL : CHANNEL_NONE;
		if (code && trackcode_normalize(code, canon) == 0)
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
		" WHERE s.kind = 'complaint' AND s.id >= ?2 AND f.personal = 0"
		" AND (f.type IN ('choice', 'scale') OR (f.type = 'text' AND f.name = 'project'))"
		" ORDER BY v.submission_id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "submission_values");
		goto out;
	}
	sqlite3_bind_int64(st, 1, SUBS_MAX_VALUES + 1);
	sqlite3_bind_int64(st, 2, first_id);
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
	sqlite3_finalize(st);
	st = NULL;
	if (read_survey_counts(m, db, path, rep, &counts, &n_counts, err, errlen) != 0 ||
		read_lookups(m, db, path, &lookups, &n_lookups, err, errlen) != 0)
		goto out;
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
		m->survey_counts = counts;
		m->n_survey_counts = n_counts;
		m->lookups = lookups;
		m->n_lookups = n_lookups;
		m->subs_from_db = 1;
		m->subs_through = through;
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
		if (form_kind_coded(s->kind)) {
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
	if (rel && m->n_sample_lookups) {
		struct lookup_count *lk = arena_alloc(&m->arena,
			(m->n_lookups + m->n_sample_lookups + 1) * sizeof(*lk));
		if (m->n_lookups)
			memcpy(lk, m->lookups, m->n_lookups * sizeof(*lk));
		for (i = 0; i < m->n_sample_lookups; i++) {
			const struct lookup_count *sl = &m->sample_lookups[i];
			struct loc l = { rel, sl->line, sl->col };
			if (sl->month > m->today) {
				diag_error(d, l, "เดือนอยู่ในอนาคต (หลังวันที่ข้อมูล)", "the month is in the future");
				continue;
			}
			lk[m->n_lookups++] = *sl;
		}
		m->lookups = lk;
		m->subs_sample = 1;
	}
	m->subs = all;
	m->n_subs = n;
	qsort(m->subs, m->n_subs, sizeof(*m->subs), cmp_sub);
}

int subs_purge_surveys(const char *path, pdate today, int keep_years, int dry_run, size_t *n,
	int *wal_kept, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char before[UTC_STAMP_SIZE];
	int fy, log = 0, done = 0, rc = -1;

	*n = 0;
	*wal_kept = 0;
	if (keep_years < 1 || keep_years > SUBS_KEEP_YEARS_MAX) {
		snprintf(err, errlen, "keep_years %d: not 1..%d", keep_years, SUBS_KEEP_YEARS_MAX);
		return -1;
	}
	fy = date_fiscal_year(today) - (keep_years - 1);
	/* midnight in Thailand, as the collector's UTC stamps write it */
	utc_stamp((time_t)fiscal_year_start(fy) * 86400 - DATE_BANGKOK_OFFSET_S, before);
	if (db_open(path, dry_run ? DB_OPEN_READONLY : DB_OPEN_EXISTING, &db, err, errlen) != 0)
		return -1;
	if (db_require_current(db, path, err, errlen) != 0)
		goto out;
	if (!dry_run && (sqlite3_exec(db, "PRAGMA secure_delete=ON", NULL, NULL, NULL) != SQLITE_OK ||
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)) {
		set_err(err, errlen, path, db, "begin");
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM submissions WHERE kind = 'survey' AND created_at < ?1",
			-1, &st, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "count");
		goto rollback;
	}
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		set_err(err, errlen, path, db, "count");
		goto rollback;
	}
	*n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (dry_run) {
		rc = 0;
		goto out;
	}
	/* values, attachments, notices and repeat digests go with their rows
	 * (ON DELETE CASCADE, foreign_keys is on) */
	if (sqlite3_prepare_v2(db, "DELETE FROM submissions WHERE kind = 'survey' AND created_at < ?1", -1, &st,
			NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "delete");
		goto rollback;
	}
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		set_err(err, errlen, path, db, "delete");
		goto rollback;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		set_err(err, errlen, path, db, "commit");
		goto rollback;
	}
	if (sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) != SQLITE_OK)
		*wal_kept = 1;
	rc = 0;
	goto out;
rollback:
	if (st)
		sqlite3_finalize(st);
	st = NULL;
	if (!dry_run)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	*n = 0;
out:
	if (st)
		sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}
