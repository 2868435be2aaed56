/* report.c: the progress form, one project at a time (staffcgi.h).
 *
 * The form's fields are the progress report's (schema_report): the figures,
 * one field per KPI of the project, and every text field of the table (a
 * text field added there shows up here by itself).  A POST is turned into
 * the report file `prongsai new report` would write (new_report_text), read
 * back with check's own loader (load_report_text) and checked with check's
 * own rules (report_rules.h), so the form refuses what check refuses with
 * the same message.  Only then are the file and its photos queued. */
#include "staffcgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check/report_rules.h"
#include "desk/newcmd.h"
#include "load/load.h"
#include "media.h"
#include "model/dates.h"
#include "model/model.h"
#include "model/numfmt.h"
#include "model/schema.h"
#include "utf8.h"

#define MAX_VALS (SCHEMA_MAX_FIELDS + STAFF_MAX_KPIS + 8)

/* One form field: its name, the value shown, and the error beside it. */
struct fval {
	char name[STAFFDB_ID_MAX + 8];
	const char *label, *unit;
	const char *value;
	const char *error;
	int kind;                 /* 0 text input, 1 textarea, 2 number */
};

struct form {
	struct model m;           /* arena, and the project and reports */
	struct project *p;
	struct report *prev;      /* the last report before the date */
	struct report *same;      /* a report on the date itself */
	struct fval v[MAX_VALS];
	size_t n;
	const char *general;      /* an error for the whole form */
	const char *photos_error; /* beside the photo field */
	struct report **reports;  /* all of the project's, by date */
	size_t n_reports;
};

static struct fval *field(struct form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			return &f->v[i];
	return NULL;
}

static struct fval *add(struct form *f, const char *name, const char *label, int kind)
{
	struct fval *v;

	if (f->n >= MAX_VALS)
		return NULL;
	v = &f->v[f->n++];
	memset(v, 0, sizeof *v);
	snprintf(v->name, sizeof v->name, "%s", name);
	v->label = label;
	v->kind = kind;
	v->value = "";
	return v;
}

/* The last report before date, and one on date, if any. */
static void find_prev(struct form *f, pdate date)
{
	size_t i;

	f->prev = f->same = NULL;
	for (i = 0; i < f->n_reports; i++) {
		if (f->reports[i]->date < date)
			f->prev = f->reports[i];
		else if (f->reports[i]->date == date)
			f->same = f->reports[i];
	}
}

static const char *be_text(struct form *f, pdate d)
{
	char out[16];

	staff_be_date(d, out, sizeof out);
	return arena_strdup(&f->m.arena, out);
}

static const char *hundredths(struct form *f, int64_t h)
{
	return h % 100 ? arena_printf(&f->m.arena, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100))
		       : arena_printf(&f->m.arena, "%lld", (long long)(h / 100));
}

/* The fields, with the last report's figures (or zero) and today's date. */
static void setup_fields(struct staff_req *r, struct form *f)
{
	struct fval *v;
	const struct report *last = f->n_reports ? f->reports[f->n_reports - 1] : NULL;
	pdate today = staff_today(r);
	size_t i, j;

	v = add(f, "date", "วันที่รายงาน (วัน/เดือน/ปี พ.ศ.) Report date", 0);
	v->value = be_text(f, today);
	v = add(f, "percent", schema_field(&schema_report, "percent")->help_th, 2);
	v->unit = "%";
	v->value = hundredths(f, last ? last->percent : 0);
	v = add(f, "disbursed", schema_field(&schema_report, "disbursed")->help_th, 2);
	v->value = hundredths(f, last ? last->disbursed : 0);
	for (i = 0; i < f->p->n_kpis; i++) {
		const struct kpi *k = &f->p->kpis[i];
		int64_t x = 0;
		v = add(f, arena_printf(&f->m.arena, "kpi.%s", k->id), k->name, 2);
		if (!v)
			break;
		v->unit = k->unit;
		for (j = 0; last && j < last->n_kpis; j++)
			if (strcmp(last->kpis[j].kpi, k->id) == 0)
				x = last->kpis[j].value;
		v->value = hundredths(f, x);
	}
	for (i = 0; i < schema_report.n; i++) {
		const struct sfield *sf = &schema_report.fields[i];
		if (sf->type == SF_TEXT && !(sf->flags & SF_MANUAL))
			add(f, sf->name, sf->help_th, 1);
	}
	add(f, "photo_alt", "คำบรรยายรูป (ถ้ามีรูป) Photo description", 0);
}

/* ---- the page ---- */

static void render(struct staff_req *r, struct form *f, int status)
{
	char a[40], b[40];
	size_t i;

	staff_head(r, status, NULL);
	staff_page_top(r, "รายงานความก้าวหน้า");
	buf_adds(&r->out, "<h1>รายงานความก้าวหน้า <span lang=\"en\">Progress report</span></h1><p class=\"project\">");
	staff_h(r, f->p->title);
	num_format_money(f->p->allocated, a, sizeof a);
	buf_printf(&r->out, "</p><p class=\"small\">%s · ", f->p->id);
	staff_h(r, be_text(f, f->p->start));
	buf_adds(&r->out, " – ");
	staff_h(r, be_text(f, f->p->end));
	buf_printf(&r->out, " · งบประมาณ %s บาท", a);
	if (f->n_reports) {
		const struct report *l = f->reports[f->n_reports - 1];
		num_format_money(l->disbursed, b, sizeof b);
		buf_printf(&r->out, "<br>รายงานล่าสุด %s: %s%% เบิกจ่าย %s บาท", be_text(f, l->date),
			   hundredths(f, l->percent), b);
	}
	buf_adds(&r->out, "</p>");
	if (status != 200)
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"form-error\">ยังไม่ได้ส่ง: กรุณาแก้ช่องที่มีข้อความสีแดง "
			 "<span lang=\"en\">Not sent: please correct the fields marked in red.</span></p>");
	if (f->general) {
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\">");
		staff_h(r, f->general);
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "<form method=\"post\" enctype=\"multipart/form-data\" action=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/report\" novalidate><input type=\"hidden\" name=\"csrf\" value=\"");
	staff_h(r, r->csrf);
	buf_adds(&r->out, "\"><input type=\"hidden\" name=\"project\" value=\"");
	staff_h(r, f->p->id);
	buf_adds(&r->out, "\">");
	for (i = 0; i < f->n; i++) {
		struct fval *v = &f->v[i];
		buf_printf(&r->out, "<div class=\"field%s\"><label for=\"f-%s\">", v->error ? " invalid" : "", v->name);
		staff_h(r, v->label);
		if (v->unit) {
			buf_adds(&r->out, " (");
			staff_h(r, v->unit);
			buf_adds(&r->out, ")");
		}
		buf_adds(&r->out, "</label>");
		if (v->kind == 1)
			buf_printf(&r->out, "<textarea id=\"f-%s\" name=\"%s\" rows=\"4\" maxlength=\"%d\"", v->name, v->name,
				   STAFF_FIELD_MAX);
		else
			buf_printf(&r->out, "<input id=\"f-%s\" name=\"%s\" type=\"text\"%s", v->name, v->name,
				   v->kind == 2 ? " inputmode=\"decimal\"" : strcmp(v->name, "date") == 0 ? " inputmode=\"numeric\"" : "");
		if (v->error)
			buf_printf(&r->out, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", v->name);
		if (v->kind == 1) {
			buf_adds(&r->out, ">");
			staff_h(r, v->value);
			buf_adds(&r->out, "</textarea>");
		} else {
			buf_adds(&r->out, " value=\"");
			staff_h(r, v->value);
			buf_adds(&r->out, "\">");
		}
		if (v->error) {
			buf_printf(&r->out, "<p class=\"error\" id=\"e-%s\">", v->name);
			staff_h(r, v->error);
			buf_adds(&r->out, "</p>");
		}
		buf_adds(&r->out, "</div>");
	}
	{
		const char *pe = f->photos_error;
		buf_printf(&r->out, "<div class=\"field%s\"><label for=\"f-photos\">รูปกิจกรรม (JPEG หรือ PNG ไม่เกิน %d รูป รูปละไม่เกิน %ld MB) "
			   "<span lang=\"en\">Photos</span></label><input id=\"f-photos\" name=\"photos\" type=\"file\" "
			   "accept=\"image/jpeg,image/png\" multiple%s>",
			   pe ? " invalid" : "", STAFF_MAX_PHOTOS, STAFF_MAX_PHOTO / (1024 * 1024),
			   pe ? " aria-invalid=\"true\" aria-describedby=\"e-photos\"" : "");
		if (pe) {
			buf_adds(&r->out, "<p class=\"error\" id=\"e-photos\">");
			staff_h(r, pe);
			buf_adds(&r->out, "</p>");
		}
		buf_adds(&r->out, "<p class=\"small\">ระบบลบข้อมูลตำแหน่ง (GPS) และข้อมูล EXIF ออกจากรูปก่อนบันทึก "
			 "<span lang=\"en\">(Location and EXIF data are removed.)</span></p></div>");
	}
	buf_adds(&r->out, "<p class=\"small\">ถ้าแก้รายงานที่ส่งไปแล้ว ให้ใช้วันที่เดิมและเขียนเหตุผลในช่อง “");
	staff_h(r, schema_field(&schema_report, "correction")->help_th);
	buf_adds(&r->out, "” <span lang=\"en\">(To correct an earlier report, use its date and give the reason.)</span></p>"
		 "<button type=\"submit\">ส่งรายงาน <span lang=\"en\">Send report</span></button></form><p><a href=\"");
	staff_h(r, r->base);
	buf_adds(&r->out, "/projects\">กลับไปโครงการของฉัน <span lang=\"en\">(My projects)</span></a></p>");
	staff_page_end(r);
}

static int open_form(struct staff_req *r, struct form *f, const char *id)
{
	memset(f, 0, sizeof *f);
	model_init(&f->m);
	if (!id || !staff_may_report(r, id)) {
		/* the same answer whether the project exists or not */
		staff_error(r, 403, "ท่านไม่มีสิทธิ์รายงานโครงการนี้", "You may not report on this project.");
		fprintf(stderr, "staff.cgi: 403: project not in the person's scope\n");
		return -1;
	}
	if (staff_model_read(r, &f->m, id) != 0 || !(f->p = model_project(&f->m, id))) {
		fprintf(stderr, "staff.cgi: report: cannot read the project: %s\n", sqlite3_errmsg(r->db));
		staff_error(r, 500, "ระบบขัดข้อง กรุณาลองใหม่ภายหลัง", "Server error: try again later.");
		return -1;
	}
	f->reports = f->p->reports;
	f->n_reports = f->p->n_reports;
	setup_fields(r, f);
	return 0;
}

void staff_report_form(struct staff_req *r)
{
	struct form f;
	char id[STAFFDB_ID_MAX + 1];

	if (open_form(r, &f, staff_query_get(r->query, "project", id, sizeof id) == 0 ? id : NULL) == 0)
		render(r, &f, 200);
	model_free(&f.m);
}

/* ---- the POST ---- */

/* The field of the generated report's line (1-based), from the text. */
static const char *line_field(struct form *f, const char *text, int line)
{
	const char *p = text, *colon;
	int i, in_kpis = 0;

	for (i = 1; p && *p; i++) {
		const char *eol = strchr(p, '\n');
		if (strncmp(p, "kpis:", 5) == 0)
			in_kpis = 1;
		else if (*p != ' ')
			in_kpis = 0;
		if (i == line) {
			colon = strchr(p, ':');
			if (!colon || (eol && colon > eol))
				return NULL;
			if (in_kpis && *p == ' ') {
				while (*p == ' ')
					p++;
				return arena_printf(&f->m.arena, "kpi.%.*s", (int)(colon - p), p);
			}
			if (strncmp(p, "photos:", 7) == 0)
				return "photos";
			return arena_printf(&f->m.arena, "%.*s", (int)(colon - p), p);
		}
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

/* A field's value from the POST: UTF-8 without NUL, CRs dropped, at most
 * STAFF_FIELD_MAX bytes; else an error beside it. */
static const char *take(struct form *f, struct form_data *fd, struct fval *v)
{
	const struct form_part *pt = staff_part(fd, v->name);
	char *s;
	size_t i, o = 0;

	if (!pt || pt->is_file)
		return v->value = "";
	if (pt->len > STAFF_FIELD_MAX) {
		v->value = "";
		v->error = arena_printf(&f->m.arena, "ยาวเกิน %d ไบต์ (ประมาณ %d ตัวอักษรไทย) กรุณาย่อให้สั้นลง / over %d bytes",
					STAFF_FIELD_MAX, STAFF_FIELD_MAX / 3, STAFF_FIELD_MAX);
		return NULL;
	}
	if (memchr(pt->value, '\0', pt->len) || !utf8_valid(pt->value, pt->len, NULL)) {
		v->value = "";
		v->error = "มีอักขระที่ใช้ไม่ได้ / invalid characters";
		return NULL;
	}
	s = arena_alloc(&f->m.arena, pt->len + 1);
	for (i = 0; i < pt->len; i++)
		if (pt->value[i] != '\r')
			s[o++] = pt->value[i];
	s[o] = '\0';
	return v->value = s;
}

/* The photos: at most STAFF_MAX_PHOTOS, each at most STAFF_MAX_PHOTO bytes,
 * JPEG or PNG by their bytes, metadata stripped in place (media.h). */
static int take_photos(struct form *f, struct form_data *fd, struct form_part **out, size_t *n,
		       enum media_type *types)
{
	size_t i;

	*n = 0;
	for (i = 0; i < fd->n; i++) {
		struct form_part *pt = &fd->parts[i];
		enum media_type t;
		size_t len;
		if (strcmp(pt->name, "photos") != 0 || !pt->is_file || pt->len == 0)
			continue;
		if (*n == STAFF_MAX_PHOTOS) {
			f->photos_error = arena_printf(&f->m.arena, "ส่งรูปได้ไม่เกิน %d รูป / at most %d photos",
						 STAFF_MAX_PHOTOS, STAFF_MAX_PHOTOS);
			return -1;
		}
		if (pt->len > (size_t)STAFF_MAX_PHOTO) {
			f->photos_error = arena_printf(&f->m.arena, "รูปที่ %zu ใหญ่เกิน %ld MB / photo %zu is over %ld MB", *n + 1,
						 STAFF_MAX_PHOTO / (1024 * 1024), *n + 1, STAFF_MAX_PHOTO / (1024 * 1024));
			return -1;
		}
		t = media_sniff((const unsigned char *)pt->value, pt->len);
		if (t != MEDIA_JPEG && t != MEDIA_PNG) {
			f->photos_error = arena_printf(&f->m.arena, "รูปที่ %zu ไม่ใช่ไฟล์ JPEG หรือ PNG / photo %zu is not a JPEG or PNG",
						 *n + 1, *n + 1);
			return -1;
		}
		len = media_strip(t, (unsigned char *)pt->value, pt->len);
		if (len == (size_t)-1) {
			f->photos_error = arena_printf(&f->m.arena, "รูปที่ %zu เสียหาย เปิดไม่ได้ / photo %zu is damaged", *n + 1, *n + 1);
			return -1;
		}
		pt->len = len;
		types[*n] = t;
		out[(*n)++] = pt;
	}
	return 0;
}

void staff_report_post(struct staff_req *r, struct form_data *fd)
{
	const struct form_part *proj = staff_part(fd, "project");
	struct form f;
	struct fval *fdate, *fpct, *fdisb;
	struct form_part *photos[STAFF_MAX_PHOTOS];
	enum media_type types[STAFF_MAX_PHOTOS];
	struct report now;
	struct new_value text[SCHEMA_MAX_FIELDS + 1];
	struct staffdb_file files[1 + STAFF_MAX_PHOTOS];
	struct staffdb_entry e;
	struct diags d;
	char id[STAFFDB_ID_MAX + 1] = "", iso[11], err[512];
	const char *yaml, *rel, *alt;
	size_t i, nt = 0, nph = 0;
	int bad = 0;
	int64_t qid;
	pdate today;

	if (proj && !proj->is_file && proj->len <= STAFFDB_ID_MAX && !memchr(proj->value, '\0', proj->len))
		snprintf(id, sizeof id, "%s", proj->value);
	if (open_form(r, &f, id[0] ? id : NULL) != 0) {
		model_free(&f.m);
		return;
	}
	memset(&now, 0, sizeof now);
	now.reporter = r->person;
	now.kpis = arena_alloc(&f.m.arena, (STAFF_MAX_KPIS + 1) * sizeof *now.kpis);
	fdate = field(&f, "date");
	fpct = field(&f, "percent");
	fdisb = field(&f, "disbursed");
	for (i = 0; i < f.n; i++) {
		struct fval *v = &f.v[i];
		const char *pre = v->value, *s = take(&f, fd, v);
		enum num_parse_result nr;
		if (!s) {
			bad = 1;
			continue;
		}
		if (!*s && strncmp(v->name, "kpi.", 4) == 0)
			s = v->value = pre; /* a KPI left empty keeps its last figure */
		if (v == fdate) {
			if (staff_parse_date(&f.m.arena, s, &now.date) != 0) {
				v->error = "วันที่ไม่ถูกต้อง ใช้ วัน/เดือน/ปี พ.ศ. เช่น 30/11/2569 / not a date (day/month/BE year)";
				bad = 1;
			}
		} else if (v->kind == 2) {
			int64_t x = 0;
			nr = num_parse_hundredths(staff_normalise_number(&f.m.arena, s), &x);
			if (!*s || nr == NUM_SYNTAX) {
				v->error = "ต้องเป็นตัวเลข เช่น 45 หรือ 1,250,000.50 / a number such as 45 or 1,250,000.50";
				bad = 1;
			} else if (nr != NUM_OK) {
				v->error = nr == NUM_PRECISION ? "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง / at most two decimals" :
					   nr == NUM_NEGATIVE ? "ต้องไม่ติดลบ / must not be negative" : "ตัวเลขใหญ่เกินไป / too large";
				bad = 1;
			} else if (v == fpct) {
				now.percent = x;
			} else if (v == fdisb) {
				now.disbursed = x;
			} else {
				now.kpis[now.n_kpis].kpi = v->name + 4;
				now.kpis[now.n_kpis++].value = x;
			}
		} else if (v->kind == 1) {
			text[nt].name = v->name;
			text[nt++].value = s;
		}
	}
	text[nt].name = NULL;
	if (take_photos(&f, fd, photos, &nph, types) != 0)
		bad = 1;
	if (bad) {
		render(r, &f, 422);
		model_free(&f.m);
		return;
	}
	date_iso(now.date, iso);
	find_prev(&f, now.date);
	rel = arena_printf(&f.m.arena, "progress/%d/%s/%s.yaml", f.p->fiscal_year, f.p->id, iso);
	/* the photos go under media/, named by the date */
	alt = field(&f, "photo_alt")->value;
	if (!*alt)
		alt = arena_printf(&f.m.arena, "ภาพกิจกรรม %s %s", f.p->title, be_text(&f, now.date));
	now.photos = arena_alloc(&f.m.arena, (nph + 1) * sizeof *now.photos);
	for (i = 0; i < nph; i++) {
		now.photos[i].src = arena_printf(&f.m.arena, "media/progress/%d/%s/%s-%zu.%s", f.p->fiscal_year, f.p->id,
						 iso, i + 1, types[i] == MEDIA_PNG ? "png" : "jpg");
		now.photos[i].alt = alt;
	}
	now.n_photos = nph;
	yaml = new_report_text(iso, f.p, f.prev, &now, text);
	if (!yaml) {
		f.general = "รายงานยาวเกินไป / the report is too long";
		render(r, &f, 422);
		model_free(&f.m);
		return;
	}
	/* read back as check reads it, then check's rules */
	diags_init(&d, LANG_TH);
	{
		struct report *rep = load_report_text(&f.m, rel, yaml, strlen(yaml), &d);
		today = staff_today(r);
		if (rep) {
			report_rules_project(f.p, rep, today, &d);
			if (f.prev)
				report_rules_prev(f.prev, rep, &d);
			if (f.same && !rep->correction) {
				fdate->error = arena_printf(&f.m.arena, "มีรายงานวันนี้แล้ว ถ้าจะแก้รายงานเดิม ให้เขียนเหตุผลในช่อง"
					" “%s” / a report for this date exists; to replace it, give the reason in “%s”",
					schema_field(&schema_report, "correction")->help_th,
					schema_field(&schema_report, "correction")->help_en);
				bad = 1;
			}
		}
	}
	for (i = 0; i < d.n; i++) {
		struct fval *v;
		const char *name;
		if (d.items[i].level != DIAG_ERROR)
			continue;
		bad = 1;
		name = line_field(&f, yaml, d.items[i].line);
		v = name ? field(&f, name) : NULL;
		if (v && !v->error)
			v->error = arena_strdup(&f.m.arena, d.items[i].msg);
		else if (name && strcmp(name, "photos") == 0 && !f.photos_error)
			f.photos_error = arena_strdup(&f.m.arena, d.items[i].msg);
		else if (!f.general)
			f.general = arena_strdup(&f.m.arena, d.items[i].msg);
	}
	if (!bad && d.errors)
		bad = 1;
	diags_free(&d);
	if (bad) {
		render(r, &f, 422);
		free((void *)yaml);
		model_free(&f.m);
		return;
	}
	/* queue the file and its photos in one transaction */
	files[0].path = rel;
	files[0].data = (const unsigned char *)yaml;
	files[0].len = strlen(yaml);
	for (i = 0; i < nph; i++) {
		files[1 + i].path = now.photos[i].src;
		files[1 + i].data = (const unsigned char *)photos[i]->value;
		files[1 + i].len = photos[i]->len;
	}
	e.kind = "progress";
	e.person_id = r->person;
	e.subject = f.p->id;
	e.message = arena_printf(&f.m.arena, "รายงานความก้าวหน้า %s วันที่ %s\n\nProgress report for %s, %s, from the staff form.",
				 f.p->id, be_text(&f, now.date), f.p->id, iso);
	if (staffdb_enqueue(r->db, &e, files, 1 + nph, r->now, &qid, err, sizeof err) != 0) {
		fprintf(stderr, "staff.cgi: %s\n", err);
		staff_error(r, 500, "บันทึกรายงานไม่ได้ กรุณาลองใหม่ภายหลัง", "The report could not be saved: try again later.");
	} else {
		char path[64];
		snprintf(path, sizeof path, "/projects?queued=%lld#q%lld", (long long)qid, (long long)qid);
		staff_redirect(r, path, NULL);
	}
	free((void *)yaml);
	model_free(&f.m);
}
