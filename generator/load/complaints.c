/* complaints.c: see complaints.h. */
#include "load/complaints.h"

#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "load/load_int.h"
#include "trackcode.h"

static const char *const names[CS__COUNT] = { "received", "under-review", "forwarded",
	"in-progress", "resolved", "rejected" };
static const char *const labels_th[CS__COUNT] = { "รับเรื่องแล้ว", "อยู่ระหว่างพิจารณา",
	"ส่งต่อหน่วยงานที่เกี่ยวข้อง", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ยุติเรื่อง (ไม่รับพิจารณา)" };
static const char *const labels_en[CS__COUNT] = { "Received", "Under review",
	"Forwarded to an agency", "In progress", "Resolved", "Rejected" };
/* position in the only possible order; forwarded is optional */
static const int rank[CS__COUNT] = { 0, 1, 2, 3, 4, 4 };

const char *case_status_name(enum case_status s)
{
	return (unsigned)s < CS__COUNT ? names[s] : "";
}

const char *case_status_label_th(enum case_status s)
{
	return (unsigned)s < CS__COUNT ? labels_th[s] : "";
}

const char *case_status_label_en(enum case_status s)
{
	return (unsigned)s < CS__COUNT ? labels_en[s] : "";
}

int case_status_parse(const char *name, enum case_status *s)
{
	int i;

	for (i = 0; i < CS__COUNT; i++)
		if (strcmp(name, names[i]) == 0) {
			*s = (enum case_status)i;
			return 0;
		}
	return -1;
}

int case_status_closed(enum case_status s)
{
	return s == CS_RESOLVED || s == CS_REJECTED;
}

struct complaint_resp *load_complaint(struct yctx *c, const char *rel, const struct ynode *root)
{
	char code[TRACKCODE_SIZE], given[64];
	const char *base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	size_t bl = strlen(base) - 5; /* ".yaml" */
	struct complaint_resp *r;
	const struct ynode *seq, *n;
	size_t i;
	int good = 1, closed_line = 0;

	if (bl >= sizeof(given) || (memcpy(given, base, bl), given[bl] = '\0',
		trackcode_normalize(given, code) != 0)) {
		diag_error(c->d, file_loc(rel),
			"ชื่อไฟล์ต้องเป็นรหัสติดตามเรื่องที่ถูกต้อง เช่น complaints/7NJ6-QX11-GG92-2QTE.yaml (ตรวจการพิมพ์รหัส)",
			"the file name must be a valid tracking code, e.g. complaints/7NJ6-QX11-GG92-2QTE.yaml (check the code for typos)");
		return NULL;
	}
	if (strcmp(code, given) != 0) {
		diag_error(c->d, file_loc(rel), "ให้ตั้งชื่อไฟล์ตามรหัสในรูปแบบมาตรฐาน: complaints/%s.yaml",
			"name the file after the code in its standard form: complaints/%s.yaml", code);
		return NULL;
	}
	if (!file_has_content(c, rel, root))
		return NULL;
	r = arena_alloc(c->a, sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->path = rel;
	r->code = arena_strdup(c->a, code);
	fields_read(c, &schema_complaint, root, r);
	if ((n = ymap_get(root, "category")) != NULL)
		r->line_category = n->line;
	if (r->publish_summary && !r->summary) {
		diag_error(c->d, yloc(rel, ymap_get(root, "publish_summary")),
			"publish_summary: true แต่ไม่มี summary ที่จะเผยแพร่",
			"publish_summary is true but there is no summary to publish");
		good = 0;
	}
	if (!(seq = yget_seq(c, root, "history", 1)))
		return NULL;
	if (seq->n == 0) {
		diag_error(c->d, yloc(rel, seq), "history ต้องมีอย่างน้อยหนึ่งรายการ (เช่น status: received)",
			"history needs at least one entry (e.g. status: received)");
		return NULL;
	}
	r->history = arena_alloc(c->a, seq->n * sizeof(*r->history));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i], *sn;
		struct case_event *e = &r->history[r->n_history];
		const char *st;
		int ok = 1;

		memset(e, 0, sizeof(*e));
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it), "แต่ละรายการใน history ต้องมี date, status และ note",
				"each history entry needs date, status and note");
			good = 0;
			continue;
		}
		e->line = it->line;
		e->col = it->col;
		if (fields_read(c, schema_field(&schema_complaint, "history")->sub, it, e) != 0)
			ok = 0;
		st = yget_str(c, it, "status", 1, 32);
		sn = ymap_get(it, "status");
		if (!st) {
			ok = 0;
		} else if (case_status_parse(st, &e->status) != 0) {
			diag_error(c->d, yloc(rel, sn),
				"status ต้องเป็น received, under-review, forwarded, in-progress, resolved หรือ rejected (ได้ \"%s\")",
				"status must be received, under-review, forwarded, in-progress, resolved or rejected (got \"%s\")",
				st);
			ok = 0;
		} else {
			if (case_status_closed(e->status) && !e->reason) {
				diag_error(c->d, yloc(rel, it),
					"สถานะ %s ต้องระบุเหตุผล (reason) ที่ยุติหรือปิดเรื่อง",
					"status %s needs a reason for closing the case", st);
				ok = 0;
			}
			if (closed_line) {
				diag_error(c->d, yloc(rel, sn),
					"เรื่องนี้ปิดแล้วที่บรรทัด %d ไม่มีสถานะใดตามหลังได้",
					"the case was closed on line %d; no status may follow", closed_line);
				ok = 0;
			} else if (r->n_history && rank[e->status] < rank[r->history[r->n_history - 1].status]) {
				diag_error(c->d, yloc(rel, sn),
					"ลำดับสถานะย้อนกลับไม่ได้: %s มาหลัง %s ไม่ได้ (ลำดับ: received, under-review, forwarded, in-progress, resolved/rejected)",
					"impossible status order: %s cannot follow %s (order: received, under-review, forwarded, in-progress, resolved/rejected)",
					st, case_status_name(r->history[r->n_history - 1].status));
				ok = 0;
			}
			if (case_status_closed(e->status))
				closed_line = it->line;
		}
		if (ok && r->n_history && e->date < r->history[r->n_history - 1].date) {
			diag_error(c->d, yloc(rel, ymap_get(it, "date")),
				"วันที่ต้องไม่ก่อนรายการก่อนหน้า (เรียงวันที่จากเก่าไปใหม่)",
				"the date is before the previous entry's (list entries oldest first)");
			ok = 0;
		}
		if (ok)
			r->n_history++;
		else
			good = 0;
	}
	return good && r->n_history ? r : NULL;
}

struct sample_sub *load_sample_subs(struct yctx *c, const char *rel, const struct ynode *root,
	size_t *n_out)
{
	static const char *const keys[] = { "submissions", "lookups", NULL };
	const struct ynode *seq;
	struct sample_sub *out;
	size_t i, j, n = 0;

	*n_out = 0;
	if (!root)
		return NULL;
	ycheck_keys(c, root, keys);
	if (!(seq = yget_seq(c, root, "submissions", 1)))
		return NULL;
	out = arena_alloc(c->a, (seq->n + 1) * sizeof(*out));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i], *cn;
		struct sample_sub *s = &out[n];
		int ok = 1;

		memset(s, 0, sizeof(*s));
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it), "แต่ละรายการต้องมี form และ date",
				"each submission needs form and date");
			continue;
		}
		s->line = it->line;
		s->col = it->col;
		s->form = yget_id(c, it, "form", 1);
		s->code = yget_str(c, it, "code", 0, 64);
		if ((cn = ymap_get(it, "code")) != NULL) {
			s->line_code = cn->line;
			s->col_code = cn->col;
		}
		if (yget_date(c, it, "date", 1, &s->date) != Y_OK || !s->form)
			ok = 0;
		s->values = arena_alloc(c->a, (it->n + 1) * sizeof(*s->values));
		for (j = 0; j < it->n; j++) {
			const struct ynode *k = it->keys[j], *v = it->items[j];
			if (!strcmp(k->s, "form") || !strcmp(k->s, "date") || !strcmp(k->s, "code"))
				continue;
			if (v->kind != YN_SCALAR) {
				diag_error(c->d, yloc(rel, v), "ค่าของ %s ต้องเป็นข้อความหรือตัวเลข",
					"the value of %s must be text or a number", k->s);
				ok = 0;
				continue;
			}
			s->values[s->n_values].name = arena_strdup(c->a, k->s);
			s->values[s->n_values].value = arena_strdup(c->a, v->s);
			s->values[s->n_values].line = v->line;
			s->values[s->n_values].col = v->col;
			s->n_values++;
		}
		if (ok)
			n++;
	}
	*n_out = n;
	return out;
}

struct lookup_count *load_sample_lookups(struct yctx *c, const char *rel, const struct ynode *root,
	size_t *n_out)
{
	static const char *const keys[] = { "month", "count", NULL };
	const struct ynode *seq;
	struct lookup_count *out;
	size_t i, n = 0;

	*n_out = 0;
	if (!root || !(seq = yget_seq(c, root, "lookups", 0)))
		return NULL;
	out = arena_alloc(c->a, (seq->n + 1) * sizeof(*out));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i], *mn;
		char day[16];
		long k;
		pdate t;

		if (it->kind != YN_MAP || !(mn = ymap_get(it, "month")) || mn->kind != YN_SCALAR ||
			mn->len != 7 || (snprintf(day, sizeof day, "%s-01", mn->s), date_parse(day, &t, NULL) != DATE_OK)) {
			diag_error(c->d, yloc(rel, it), "แต่ละรายการของ lookups ต้องเป็น {month: ปปปป-ดด, count: จำนวน}"
				" เช่น {month: 2025-10, count: 14}",
				"each item of lookups must be {month: YYYY-MM, count: N}, such as {month: 2025-10, count: 14}");
			continue;
		}
		ycheck_keys(c, it, keys);
		if (yget_int(c, it, "count", 1, 0, SAMPLE_LOOKUPS_MAX, &k) != Y_OK)
			continue;
		out[n].month = t;
		out[n].n = (size_t)k;
		out[n].line = it->line;
		out[n].col = it->col;
		n++;
	}
	*n_out = n;
	return out;
}

const struct complaint_resp *model_response(const struct model *m, const char *code)
{
	size_t lo = 0, hi = m->n_responses;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->responses[mid]->code, code);
		if (c == 0)
			return m->responses[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_sub_code(const void *a, const void *b)
{
	return strcmp((*(const struct submission *const *)a)->code, (*(const struct submission *const *)b)->code);
}

/* The submission with this code among idx[0..n) (sorted by code), or NULL. */
static const struct submission *sub_by_code(const struct submission **idx, size_t n, const char *code)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(idx[mid]->code, code);
		if (c == 0)
			return idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int category_known(const struct model *m, const char *cat)
{
	size_t i, j, k;

	for (i = 0; i < m->n_forms; i++) {
		const struct form_def *f = &m->forms[i];
		if (f->kind != FORM_COMPLAINT)
			continue;
		for (j = 0; j < f->n_fields; j++)
			if (strcmp(f->fields[j].name, "category") == 0)
				for (k = 0; k < f->fields[j].n_choices; k++)
					if (strcmp(f->fields[j].choices[k].value, cat) == 0)
						return 1;
	}
	return 0;
}

void complaints_check(struct model *m, struct diags *d)
{
	size_t i, j, n = 0;
	const struct submission **idx = arena_alloc(&m->arena, (m->n_subs + 1) * sizeof(*idx));

	for (i = 0; i < m->n_subs; i++)
		if (m->subs[i].code)
			idx[n++] = &m->subs[i];
	qsort((void *)idx, n, sizeof(*idx), cmp_sub_code);
	for (i = 0; i < m->n_responses; i++) {
		const struct complaint_resp *r = m->responses[i];
		const struct submission *s = sub_by_code(idx, n, r->code);
		if (r->category && !category_known(m, r->category)) {
			struct loc l = { r->path, r->line_category, 1 };
			diag_error(d, l, "ไม่รู้จักประเภทเรื่อง \"%s\" (ต้องเป็นค่าหนึ่งของ category ในแบบฟอร์มร้องเรียน)",
				"unknown category \"%s\" (it must be a category value of a complaint form)", r->category);
		}
		for (j = 0; j < r->n_history; j++) {
			const struct case_event *e = &r->history[j];
			struct loc l = { r->path, e->line, e->col };
			if (e->date > m->today) {
				diag_error(d, l, "วันที่อยู่ในอนาคต (หลังวันที่ข้อมูล)", "the date is in the future");
				break;
			}
			if (s && e->date < s->created) {
				diag_error(d, l, "วันที่อยู่ก่อนวันที่ได้รับเรื่อง", "the date is before the complaint was received");
				break;
			}
		}
		if (!s && m->subs_from_db)
			diag_warn(d, file_loc(r->path),
				"ไม่พบรหัส %s ในฐานข้อมูลเรื่องร้องเรียน (unknown code) จึงไม่ได้เผยแพร่",
				"unknown code %s: no such complaint in the database; not published", r->code);
	}
}
