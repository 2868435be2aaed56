/* inbox_export.c: `prongsai inbox export --csv [-o FILE] [--all]`
 * (inbox_cmd.h).  One row per complaint: code, form, channel, created_at
 * (Thai time), status, status_date, category, district, then a column per
 * public value and per personal value (the fields of the installed
 * complaint forms, in form order, then any other name found in the data),
 * then the number of attachments and purged_at.  Two passes over one read
 * snapshot: the first finds the columns, the second writes the rows. */
#include "desk/inbox_cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/complaints.h"
#include "desk/csvout.h"
#include "formcheck.h"

#define INBOX_MAX_COLUMNS 512

struct column {
	const char *name;
	int personal;
};

struct export_ctx {
	struct inbox_run *r;
	struct arena names;       /* column names */
	struct arena scratch;     /* public values of one case */
	struct column cols[INBOX_MAX_COLUMNS];
	size_t n_cols;
	int pass;                 /* 1: find the columns, 2: write */
	struct csv csv;
	size_t rows;
	char err[1024];
};

/* Add a column (once per name and kind).  Returns 0, -1 past the cap. */
static int add_column(struct export_ctx *e, const char *name, int personal)
{
	size_t i;

	if (!personal && (strcmp(name, "category") == 0 || strcmp(name, "district") == 0))
		return 0; /* fixed columns */
	for (i = 0; i < e->n_cols; i++)
		if (e->cols[i].personal == personal && strcmp(e->cols[i].name, name) == 0)
			return 0;
	if (e->n_cols == INBOX_MAX_COLUMNS) {
		snprintf(e->err, sizeof e->err, "more than %d columns / คอลัมน์มากเกิน %d", INBOX_MAX_COLUMNS,
			 INBOX_MAX_COLUMNS);
		return -1;
	}
	e->cols[e->n_cols].name = arena_strdup(&e->names, name);
	e->cols[e->n_cols++].personal = personal;
	return 0;
}

static const struct form_part *find_part(const struct form_data *fd, const char *name)
{
	size_t i;

	for (i = 0; i < fd->n; i++)
		if (strcmp(fd->parts[i].name, name) == 0)
			return &fd->parts[i];
	return NULL;
}

static void write_header(struct export_ctx *e)
{
	static const char *const fixed[] = { "code", "form", "channel", "created_at (UTC+7)", "status",
		"status_date", "category", "district" };
	size_t i;

	for (i = 0; i < sizeof fixed / sizeof *fixed; i++)
		csv_cells(&e->csv, fixed[i]);
	for (i = 0; i < e->n_cols; i++)
		if (!e->cols[i].personal)
			csv_cells(&e->csv, e->cols[i].name);
	for (i = 0; i < e->n_cols; i++)
		if (e->cols[i].personal)
			csv_cells(&e->csv, e->cols[i].name);
	csv_cells(&e->csv, "attachments");
	csv_cells(&e->csv, "purged_at (UTC+7)");
	csv_row_end(&e->csv);
}

static void write_row(struct export_ctx *e, const struct inbox_case *c, const struct inbox_status *s,
		      const struct form_data *pub, const struct form_data *pers)
{
	const struct form_part *p;
	char t[INBOX_TIME_SIZE], day[11], n[16];
	size_t i;
	int kind;

	csv_cells(&e->csv, c->code);
	csv_cells(&e->csv, c->form_id);
	csv_cells(&e->csv, c->channel);
	inbox_time_bangkok(c->created_at, 1, t);
	csv_cells(&e->csv, t);
	csv_cells(&e->csv, inbox_status_name(s));
	if (s->resp)
		date_iso(s->since, day);
	csv_cells(&e->csv, s->resp ? day : "");
	csv_cells(&e->csv, s->resp && s->resp->category ? s->resp->category : c->category);
	csv_cells(&e->csv, c->district);
	for (kind = 0; kind < 2; kind++)
		for (i = 0; i < e->n_cols; i++) {
			if (e->cols[i].personal != kind)
				continue;
			p = find_part(kind ? pers : pub, e->cols[i].name);
			csv_cell(&e->csv, p ? p->value : NULL, p ? p->len : 0);
		}
	snprintf(n, sizeof n, "%d", c->n_attachments);
	csv_cells(&e->csv, n);
	if (c->purged_at[0])
		inbox_time_bangkok(c->purged_at, 1, t);
	csv_cells(&e->csv, c->purged_at[0] ? t : "");
	csv_row_end(&e->csv);
}

static int export_one(void *ctx, const struct inbox_case *c)
{
	struct export_ctx *e = ctx;
	struct inbox_status s;
	struct inbox_personal p;
	struct form_data *pub;
	size_t i, cl;
	int rc = 0;

	inbox_status_of(&e->r->m, c->code, &s);
	if ((s.closed || c->purged_at[0]) && !e->r->o->all)
		return 0;
	arena_reset(&e->scratch);
	pub = arena_alloc(&e->scratch, sizeof(*pub));
	if (inbox_public_values(&e->r->x, c->id, &e->scratch, pub, e->err, sizeof e->err) != 0)
		return -1;
	cl = strlen(c->code); /* the message: "CODE: reason" */
	if (inbox_personal_open(&e->r->x, c->id, &p, e->err + cl + 2, sizeof e->err - cl - 2) != 0) {
		memcpy(e->err, c->code, cl);
		memcpy(e->err + cl, ": ", 2);
		inbox_personal_wipe(&p);
		return -1;
	}
	if (e->pass == 1) {
		for (i = 0; i < pub->n && !rc; i++)
			rc = add_column(e, pub->parts[i].name, 0);
		for (i = 0; i < p.fd.n && !rc; i++)
			rc = add_column(e, p.fd.parts[i].name, 1);
	} else {
		write_row(e, c, &s, pub, &p.fd);
		e->rows++;
	}
	inbox_personal_wipe(&p);
	return rc;
}

/* -o FILE: a new file, mode 0600.  Returns the stream or NULL (reported). */
static FILE *open_out(const char *path)
{
	FILE *f;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0) {
		fprintf(stderr, "prongsai inbox export: %s: %s%s / สร้างแฟ้มไม่ได้%s\n", path, strerror(errno),
			errno == EEXIST ? " (never overwritten)" : "", errno == EEXIST ? " (จะไม่เขียนทับแฟ้มเดิม)" : "");
		return NULL;
	}
	if (fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "w"))) {
		fprintf(stderr, "prongsai inbox export: %s: %s / เขียนแฟ้มไม่ได้\n", path, strerror(errno));
		close(fd);
		unlink(path);
		return NULL;
	}
	return f;
}

int inbox_cmd_export(struct inbox_run *r)
{
	struct export_ctx *e;
	const struct form_def *f;
	FILE *out = stdout;
	size_t i, j;
	int rc = 0;

	e = arena_alloc(&r->m.arena, sizeof(*e));
	e->r = r;
	arena_init(&e->names);
	arena_init(&e->scratch);
	/* the fields of the installed complaint forms first, in form order */
	for (i = 0; i < r->x.n_forms && !rc; i++) {
		f = &r->x.forms[i];
		if (f->kind != FORM_COMPLAINT)
			continue;
		for (j = 0; j < f->n_fields && !rc; j++)
			if (f->fields[j].type != FT_FILE)
				rc = add_column(e, f->fields[j].name, field_sealed(f, &f->fields[j]));
	}
	if (!rc)
		rc = inbox_db_read_begin(&r->x, e->err, sizeof e->err);
	if (!rc) {
		e->pass = 1;
		rc = inbox_each_case(&r->x, export_one, e, e->err, sizeof e->err);
	}
	if (!rc && r->o->out && !(out = open_out(r->o->out))) {
		inbox_db_read_end(&r->x);
		arena_free(&e->names);
		arena_free(&e->scratch);
		return 1;
	}
	if (!rc) {
		csv_begin(&e->csv, out);
		write_header(e);
		e->pass = 2;
		rc = inbox_each_case(&r->x, export_one, e, e->err, sizeof e->err);
		if (csv_end(&e->csv) != 0 && !rc) {
			snprintf(e->err, sizeof e->err, "cannot write the CSV / เขียน CSV ไม่ได้");
			rc = -1;
		}
	}
	inbox_db_read_end(&r->x);
	if (out != stdout && fclose(out) != 0 && !rc) {
		snprintf(e->err, sizeof e->err, "%s: %s / เขียนแฟ้มไม่ได้", r->o->out, strerror(errno));
		rc = -1;
	}
	if (rc && out != stdout)
		unlink(r->o->out);
	if (rc)
		fprintf(stderr, "prongsai inbox export: %s\n", e->err);
	else
		fprintf(stderr, "prongsai inbox export: %zu เรื่อง / %zu complaint(s)%s%s%s\n", e->rows, e->rows,
			r->o->out ? " -> " : "", r->o->out ? r->o->out : "",
			r->o->out ? " (มีข้อมูลส่วนบุคคล เก็บเป็นความลับ / holds personal data: keep it confidential)" : "");
	arena_free(&e->names);
	arena_free(&e->scratch);
	return rc ? 1 : 0;
}
