/* newcmd.c: fill-in templates for staff. */
#define _DEFAULT_SOURCE
#include "desk/newcmd.h"
#include "fdio.h"
#include "publish/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "utf8.h"
#include "load/load.h"
#include "load/ycheck.h"
#include "model/numfmt.h"
#include "model/schema.h"

#define NEW_MAX_TEXT MODEL_MAX_YAML_SIZE /* a template: no more than check reads */

/* A value written into a template instead of the field's placeholder:
 * name is the field's (dotted below a map or list: "kpis.id"). */
struct prefill {
	const char *name, *value;
};

static const char *prefill_get(const struct prefill *pf, const char *prefix, const char *name)
{
	char full[128];

	snprintf(full, sizeof(full), "%s%s", prefix, name);
	for (; pf && pf->name; pf++)
		if (strcmp(pf->name, full) == 0)
			return pf->value;
	return NULL;
}

/* Append "name: value" and, for a one-line value, "  # help" to b. */
static void tmpl_line(struct buf *b, int indent, const char *name, const char *v, const char *help)
{
	size_t start = b->len;
	int w;

	buf_printf(b, "%*s%s:%s%s", indent, "", name, v[0] == '\n' ? "" : " ", v);
	w = b->data ? (int)utf8_count(b->data + start, b->len - start) : 0;
	if (!strchr(v, '\n') && help)
		buf_printf(b, "%*s# %s", w < 28 ? 28 - w : 1, "", help);
	buf_addc(b, '\n');
}

/* A line for each field of s that has a prefilled value or a placeholder;
 * the others are left out, to be added by hand.  A map without a value of
 * its own is written as a block of its fields, a list of mappings as one
 * flow item of its sub-fields, a list of scalars as [placeholder]. */
static void tmpl_fields(struct buf *b, const struct schema *s, const char *prefix,
	const struct prefill *pf, int indent)
{
	size_t i, j;
	char sub[96], one[160];

	for (i = 0; i < s->n; i++) {
		const struct sfield *f = &s->fields[i];
		const char *v = prefill_get(pf, prefix, f->name);
		struct buf t;

		if (v) {
			if (*v) /* "": left out */
				tmpl_line(b, indent, f->name, v, f->help_th);
			continue;
		}
		snprintf(sub, sizeof(sub), "%s%s.", prefix, f->name);
		buf_init(&t, NEW_MAX_TEXT);
		if (f->type == SF_MAP && f->sub) {
			tmpl_fields(&t, f->sub, sub, pf, indent + 2);
			if (t.len) {
				tmpl_line(b, indent, f->name, "", f->help_th);
				buf_adds(b, buf_str(&t));
			}
		} else if (f->type == SF_LIST && f->sub) {
			for (j = 0; j < f->sub->n; j++) {
				const struct sfield *g = &f->sub->fields[j];
				const char *w = prefill_get(pf, sub, g->name);
				if ((w = w ? w : g->fill) != NULL)
					buf_printf(&t, "%s%s: %s", t.len ? ", " : "", g->name, w);
			}
			if (t.len) {
				tmpl_line(b, indent, f->name, "", f->help_th);
				buf_printf(b, "%*s- {%s}\n", indent + 2, "", buf_str(&t));
			}
		} else if (f->fill) {
			snprintf(one, sizeof(one), f->type == SF_LIST ? "[%s]" : "%s", f->fill);
			tmpl_line(b, indent, f->name, one, f->help_th);
		}
		if (t.err)
			b->err = t.err;
		buf_free(&t);
	}
}

static void new_usage(FILE *f)
{
	fputs("ใช้ / usage:\n"
		"  prongsai new project --fy 2569 [--id 2569-031]   โครงการใหม่ / a new project\n"
		"  prongsai new report PROJECT-ID [--date YYYY-MM-DD]  รายงานความก้าวหน้า / a progress report\n"
		"  prongsai new news SLUG [--date YYYY-MM-DD]        ข่าว / a news item\n"
		"Options: -C DIR (content folder, default content), --help\n"
		"exit status: 0 ok, 1 failure, 2 usage error\n", f);
}

/* Create path exclusively with text; print it.  Returns the exit status. */
static int write_new(const char *path, const char *text)
{
	int fd;
	size_t len = strlen(text);
	char dir[PATH_MAX], err[PATH_MAX + 256];

	if (fs_parent(path, dir, sizeof dir, err, sizeof err) != 0 ||
	    fs_mkdirs(dir, 0755, NULL, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		return 1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		if (errno == EEXIST)
			fprintf(stderr, "prongsai: มีไฟล์ %s อยู่แล้ว (ไม่เขียนทับ) / %s exists (not overwritten)\n",
				path, path);
		else
			fprintf(stderr, "prongsai: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (fd_write_all(fd, text, len) != 0 || close(fd) != 0) {
		fprintf(stderr, "prongsai: %s: %s\n", path, strerror(errno));
		unlink(path);
		return 1;
	}
	printf("%s\n", path);
	return 0;
}

/* The first free id FY-NNN in content/projects/FY/. */
static void next_project_id(const char *content, int fy, char *out, size_t outlen)
{
	char path[PATH_MAX];
	struct stat st;
	int n;

	for (n = 1; n < 1000; n++) {
		snprintf(out, outlen, "%d-%03d", fy, n);
		snprintf(path, sizeof(path), "%s/projects/%d/%s.md", content, fy, out);
		if (stat(path, &st) != 0)
			return;
	}
}

/* The new project's text (front matter from the project table). */
static char *project_text(const char *id, int fy, const char *start, const char *end)
{
	struct buf b;
	char fys[16], period[64], month[8];
	const struct prefill pf[] = {
		{ "id", id }, { "fiscal_year", fys }, { "team", "[]" }, { "period", period },
		{ "budget.allocated", "0.00" }, { "budget.category", "recurrent" },
		{ "plan.month", month }, { "plan.percent", "100" }, { "plan.disbursed", "0.00" },
		{ "kpis.id", "kpi-1" }, { "kpis.target", "1" }, { NULL, NULL }
	};

	snprintf(fys, sizeof(fys), "%d", fy);
	snprintf(period, sizeof(period), "{start: %s, end: %s}", start, end);
	snprintf(month, sizeof(month), "%.7s", end);
	buf_init(&b, NEW_MAX_TEXT);
	buf_adds(&b, "---\n");
	tmpl_fields(&b, &schema_project, "", pf, 0);
	buf_adds(&b, "---\n## วัตถุประสงค์\n\n- \n\n## วิธีดำเนินการ\n\n- \n\n## กลุ่มเป้าหมาย\n\n- \n");
	return b.err ? (buf_free(&b), NULL) : buf_detach(&b, NULL);
}

/* v as one YAML double-quoted scalar (YAML 1.2 §7.3.1): \ " and control
 * characters escaped, so any text stays one line and one value. */
static void yaml_quote(struct buf *b, const char *v)
{
	const unsigned char *s = (const unsigned char *)v;

	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			buf_adds(b, "\\n");
		else if (*s == '\t')
			buf_adds(b, "\\t");
		else if (*s < 0x20 || *s == 0x7f)
			buf_printf(b, "\\x%02x", *s);
		else
			buf_addc(b, (char)*s);
	}
	buf_addc(b, '"');
}

char *new_report_text(const char *iso, const struct project *p, const struct report *prev,
	const struct report *now, const struct new_value *text)
{
	struct buf b, kb, tb, pb;
	char pct[32], disb[32];
	const struct report *from = now ? now : prev;
	const char *reporter = from ? from->reporter : p ? p->owner : NULL;
	struct prefill pf[SCHEMA_MAX_FIELDS + 6] = {
		{ "date", iso }, { "reporter", reporter }, { "percent", pct }, { "disbursed", disb },
		{ "kpis", NULL }, { NULL, NULL }
	};
	size_t i, j, n = 5, t0, off[SCHEMA_MAX_FIELDS + 6] = { 0 };

	num_format_plain(from ? from->percent : 0, pct, sizeof(pct));
	num_format_plain(from ? from->disbursed : 0, disb, sizeof(disb));
	if (!reporter)
		pf[1].name = "-"; /* keep the placeholder */
	buf_init(&kb, NEW_MAX_TEXT);
	buf_init(&tb, NEW_MAX_TEXT);
	for (i = 0; p && i < p->n_kpis; i++) {
		int64_t v = 0;
		char num[32];
		for (j = 0; from && j < from->n_kpis; j++)
			if (strcmp(from->kpis[j].kpi, p->kpis[i].id) == 0)
				v = from->kpis[j].value;
		num_format_plain(v, num, sizeof(num));
		buf_printf(&kb, "\n  %s: %s    # %s (%s)", p->kpis[i].id, num, p->kpis[i].name, p->kpis[i].unit);
	}
	pf[4].value = kb.len ? buf_str(&kb) : NULL;
	if (!pf[4].value)
		pf[4].name = "-";
	/* the form's photos, one flow mapping each */
	buf_init(&pb, NEW_MAX_TEXT);
	for (i = 0; now && i < now->n_photos; i++) {
		buf_printf(&pb, "\n  - {src: %s, alt: ", now->photos[i].src);
		yaml_quote(&pb, now->photos[i].alt);
		buf_addc(&pb, '}');
	}
	if (pb.len) {
		pf[n].name = "photos";
		pf[n++].value = buf_str(&pb);
	}
	/* the form's text fields, quoted; the others left out ("") */
	t0 = n;
	for (i = 0; text && i < schema_report.n && n < SCHEMA_MAX_FIELDS + 5; i++) {
		const struct sfield *f = &schema_report.fields[i];
		const char *v = NULL;
		if (f->type != SF_TEXT || strcmp(f->name, "date") == 0)
			continue;
		for (j = 0; text[j].name; j++)
			if (strcmp(text[j].name, f->name) == 0)
				v = text[j].value;
		off[n] = tb.len;
		if (v && *v)
			yaml_quote(&tb, v);
		buf_addc(&tb, '\0');
		pf[n].name = f->name;
		pf[n++].value = NULL;
	}
	for (i = t0; i < n; i++)
		pf[i].value = tb.data ? tb.data + off[i] : "";
	pf[n].name = NULL;
	buf_init(&b, NEW_MAX_TEXT);
	if (!tb.err && !pb.err)
		tmpl_fields(&b, &schema_report, "", pf, 0);
	buf_free(&kb);
	if (tb.err || pb.err)
		b.err = tb.err ? tb.err : pb.err;
	buf_free(&pb);
	buf_free(&tb);
	return b.err ? (buf_free(&b), NULL) : buf_detach(&b, NULL);
}

static char *news_text(const char *iso)
{
	struct buf b;
	const struct prefill pf[] = { { "date", iso }, { NULL, NULL } };

	buf_init(&b, NEW_MAX_TEXT);
	buf_adds(&b, "---\n");
	tmpl_fields(&b, &schema_news, "", pf, 0);
	buf_adds(&b, "---\nเนื้อหาข่าว\n");
	return b.err ? (buf_free(&b), NULL) : buf_detach(&b, NULL);
}

/* Write text (freed) to path; an allocation failure is reported. */
static int write_text(const char *path, char *text)
{
	int rc;

	if (!text) {
		fprintf(stderr, "prongsai: แม่แบบยาวเกิน %d ไบต์ หรือหน่วยความจำไม่พอ / "
			"the template is over %d bytes, or out of memory\n", NEW_MAX_TEXT, NEW_MAX_TEXT);
		return 1;
	}
	rc = write_new(path, text);
	free(text);
	return rc;
}

/* `new report ID`: the project and its latest report before date come
 * from loading content (problems there are check's to report). */
static int new_report(const char *content, const char *id, pdate date, const char *iso)
{
	struct model m;
	struct diags d;
	char key[96], path[PATH_MAX];
	const struct project *p;
	const struct report *prev = NULL;
	size_t i;
	int fy = 0, rc;

	model_init(&m);
	diags_init(&d, LANG_EN);
	load_content(&m, content, 1, &d);
	for (i = 0; i < m.n_project_files; i++) {
		const char *slash = strchr(m.project_files[i], '/');
		if (slash && strcmp(slash + 1, id) == 0) {
			snprintf(key, sizeof(key), "%.*s", (int)(slash - m.project_files[i]), m.project_files[i]);
			fy = atoi(key);
		}
	}
	if (!fy) {
		fprintf(stderr, "prongsai: ไม่พบโครงการ %s ใน %s/projects/ / no project %s\n", id, content, id);
		rc = 1;
		goto out;
	}
	p = model_project(&m, id);
	for (i = 0; i < m.n_reports; i++)
		if (strcmp(m.reports[i]->project_id, id) == 0 && m.reports[i]->date < date)
			prev = m.reports[i]; /* sorted by date: the last one wins */
	snprintf(path, sizeof(path), "%s/progress/%d/%s/%s.yaml", content, fy, id, iso);
	rc = write_text(path, new_report_text(iso, p, prev, NULL, NULL));
out:
	diags_free(&d);
	model_free(&m);
	return rc;
}

enum { OPT_FY = 256, OPT_ID, OPT_DATE };

int new_main(int argc, char **argv, const char *content, pdate today)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, OPT_FY },
		{ "id", required_argument, NULL, OPT_ID },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char path[PATH_MAX], iso[11], start[11], end[11], id[32];
	const char *what, *arg, *fy_arg = NULL, *id_arg = NULL;
	pdate date = today;
	long fyl;
	int be, fy, c;

	cli_start();
	while ((c = cli_next("new", argc, argv, "C:h", longopts)) != -1) {
		switch (c) {
		case 'h':
			new_usage(stdout);
			return 0;
		case 'C':
			content = optarg;
			break;
		case OPT_FY:
			fy_arg = optarg;
			break;
		case OPT_ID:
			id_arg = optarg;
			break;
		case OPT_DATE:
			if (date_parse(optarg, &date, &be) != DATE_OK) {
				fprintf(stderr, "prongsai: วันที่ไม่ถูกต้อง / bad date: %s (YYYY-MM-DD)\n", optarg);
				return 2;
			}
			break;
		default:
			new_usage(stderr);
			return 2;
		}
	}
	/* operands: what [ID|SLUG]; nothing more */
	what = optind < argc ? argv[optind] : NULL;
	arg = optind + 1 < argc ? argv[optind + 1] : NULL;
	if (!what || optind + 2 < argc) {
		if (what)
			cli_usage_error("new", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind + 2]);
		new_usage(stderr);
		return 2;
	}
	if ((fy_arg || id_arg) && strcmp(what, "project") != 0)
		return cli_usage_error("new", "--fy และ --id ใช้กับ project เท่านั้น", "--fy and --id are for project only",
			NULL);
	date_iso(date, iso);
	if (strcmp(what, "project") == 0) {
		if (arg)
			return cli_usage_error("new", "มีอาร์กิวเมนต์เกิน", "unexpected argument", arg);
		fy = date_fiscal_year(today);
		if (fy_arg && cli_long(fy_arg, YEAR_BE_MIN, YEAR_BE_MAX, &fyl) == 0)
			fy = (int)fyl;
		else if (fy_arg)
			fy = 0;
		if (!year_be_ok(fy)) {
			fprintf(stderr, "prongsai: --fy ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569 / --fy takes a BE fiscal year\n");
			return 2;
		}
		if (id_arg) {
			if (!id_is_safe(id_arg)) {
				fprintf(stderr, "prongsai: id ใช้ได้เฉพาะ a-z 0-9 - / ids use only a-z 0-9 -\n");
				return 2;
			}
			snprintf(id, sizeof(id), "%s", id_arg);
		} else {
			next_project_id(content, fy, id, sizeof(id));
		}
		date_iso(fiscal_year_start(fy), start);
		date_iso(fiscal_year_end(fy), end);
		snprintf(path, sizeof(path), "%s/projects/%d/%s.md", content, fy, id);
		return write_text(path, project_text(id, fy, start, end));
	}
	if (strcmp(what, "report") == 0) {
		if (!arg || !id_is_safe(arg)) {
			new_usage(stderr);
			return 2;
		}
		return new_report(content, arg, date, iso);
	}
	if (strcmp(what, "news") == 0) {
		if (!arg || !id_is_safe(arg)) {
			new_usage(stderr);
			return 2;
		}
		snprintf(path, sizeof(path), "%s/news/%s-%s.md", content, iso, arg);
		return write_text(path, news_text(iso));
	}
	new_usage(stderr);
	return 2;
}
