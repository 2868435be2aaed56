/* pages_history.c: the revision history on the pages: a project's
 * "ประวัติการแก้ไข" section, the marks on corrected figures, and the
 * site-wide "การแก้ไขล่าสุด" page (see load/history.h for what is read). */
#include "render/pages.h"

#include <stdio.h>
#include <string.h>

#include "derive/revindex.h"
#include "derive/timeliness.h"
#include "load/history.h"
#include "model/numfmt.h"
#include "render/pages_int.h"

pdate rev_date(int64_t t)
{
	return history_date(t);
}

/* The number at the start of s (0 when none); at most 9 digits. */
static int leading_int(const char *s)
{
	int n = 0, k = 0;

	while (*s >= '0' && *s <= '9' && k++ < 9)
		n = n * 10 + (*s++ - '0');
	return n;
}

const char *rev_field_label(const char *field, struct arena *a)
{
	static const struct {
		const char *key, *label;
	} fixed[] = {
		{ "percent", "ความก้าวหน้าสะสม (%)" },
		{ "disbursed", "เบิกจ่ายสะสม (บาท)" },
		{ "budget.allocated", "งบประมาณที่ได้รับ (บาท)" },
		{ "period.start", "วันเริ่มโครงการ" },
		{ "period.end", "วันสิ้นสุดโครงการ" },
		{ "status", "สถานะโครงการ" },
		{ "summary", "สรุปเรื่อง" },
		{ "file", "ไฟล์" },
	};
	const char *s;
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(field, fixed[i].key) == 0)
			return fixed[i].label;
	if (strncmp(field, "kpis.", 5) == 0)
		return arena_printf(a, "ตัวชี้วัด %s", field + 5);
	if (strncmp(field, "plan[", 5) == 0 && (s = strchr(field, ']')))
		return arena_printf(a, "แผนเดือน %.*s: %s", (int)(s - field - 5), field + 5,
			strcmp(s, "].percent") == 0 ? "ร้อยละ" : strcmp(s, "].disbursed") == 0 ?
			"เบิกจ่าย (บาท)" : s[1] ? s + 2 : "");
	if (strncmp(field, "history.", 8) == 0 && (s = strrchr(field, '.')))
		return arena_printf(a, "ผลการดำเนินการ ลำดับที่ %d: %s", 1 + leading_int(field + 8),
			strcmp(s, ".status") == 0 ? "สถานะ" : strcmp(s, ".reason") == 0 ? "เหตุผล" : "คำตอบ");
	if (strncmp(field, "records.", 8) == 0 && (s = strchr(field + 8, '.')))
		return arena_printf(a, "รายการที่ %d: %s", 1 + leading_int(field + 8), s + 1);
	return field;
}

/* Money fields show as baht with separators. */
static int is_money(const char *field)
{
	size_t n = strlen(field);

	return strcmp(field, "disbursed") == 0 || strcmp(field, "budget.allocated") == 0 ||
		(n > 10 && strcmp(field + n - 10, ".disbursed") == 0) ||
		(strncmp(field, "records.", 8) == 0 && n > 6 &&
			(strcmp(field + n - 6, ".price") == 0 || strcmp(field + n - 7, ".budget") == 0));
}

static const char *value_text(const struct site_ctx *sc, struct arena *a, const char *field,
	const char *v)
{
	int64_t h;

	if (!v)
		return strcmp(field, "file") == 0 ? "ลบแล้ว" : "–";
	if (strcmp(field, "file") == 0)
		return "มีอยู่";
	if (is_money(field) && num_parse_hundredths(v, &h) == NUM_OK)
		return pg_money(sc, a, h);
	return pg_disp(sc, a, v);
}

const char *rev_page_of(const struct hist_change *c, struct arena *a)
{
	char id[MODEL_MAX_ID + 1];
	const char *s;

	if (revindex_project_of(c->path, id, sizeof(id)))
		return arena_printf(a, "projects/%s/index.html", id);
	if (strncmp(c->path, "procurement/", 12) == 0 && (s = strchr(c->path + 12, '/')))
		return arena_printf(a, "procurement/%.*s/index.html", (int)(s - c->path - 12), c->path + 12);
	return "revisions/index.html";
}

const char *rev_what(const struct site_ctx *sc, const char *path, struct arena *a)
{
	char id[MODEL_MAX_ID + 1];
	const char *base = strrchr(path, '/');
	struct project *p;

	base = base ? base + 1 : path;
	if (strncmp(path, "progress/", 9) == 0 && revindex_project_of(path, id, sizeof(id))) {
		p = model_project(sc->m, id);
		return arena_printf(a, "%s: รายงานความก้าวหน้า %s", p ? p->title : id,
			pg_disp(sc, a, arena_printf(a, "%.*s", (int)strcspn(base, "."), base)));
	}
	if (strncmp(path, "projects/", 9) == 0 && revindex_project_of(path, id, sizeof(id))) {
		p = model_project(sc->m, id);
		return arena_printf(a, "%s: ข้อมูลโครงการ", p ? p->title : id);
	}
	if (strncmp(path, "complaints/", 11) == 0)
		return arena_printf(a, "เรื่องร้องเรียน %.*s", (int)strcspn(base, "."), base);
	if (strncmp(path, "procurement/", 12) == 0)
		return arena_printf(a, "การจัดซื้อจัดจ้าง %s", path + 12);
	return path;
}

/* One change, for a list. */
static struct tval *change_view(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct hist_change *c, int with_link)
{
	struct tval *v = tv_map(a);
	pdate d = rev_date(c->time);

	tv_sets(a, v, "id", arena_printf(a, "rev-%zu", c->seq));
	tv_sets(a, v, "date", pg_tdate(sc, a, d));
	tv_sets(a, v, "date_iso", pg_isodate(a, d));
	tv_sets(a, v, "who", c->who.name);
	tv_sets(a, v, "what", rev_what(sc, c->path, a));
	tv_sets(a, v, "field", rev_field_label(c->field, a));
	tv_sets(a, v, "old", value_text(sc, a, c->field, c->old_value));
	tv_sets(a, v, "new", value_text(sc, a, c->field, c->new_value));
	tv_sets(a, v, "commit", arena_printf(a, "%.10s", c->commit));
	pg_set_str(a, v, "reason", c->reason);
	if (with_link)
		tv_sets(a, v, "href", arena_printf(a, "%s%s#rev-%zu", root, rev_page_of(c, a), c->seq));
	return v;
}

/* What the history says about itself: not available, shallow, rewritten. */
static void history_state(const struct site_ctx *sc, struct arena *a, struct tval *v)
{
	const struct history *h = sc->rev->h;

	tv_setb(a, v, "available", h && h->available);
	if (!h || !h->available)
		return;
	if (h->shallow)
		tv_sets(a, v, "starts", pg_tdate(sc, a, rev_date(h->starts)));
	if (h->rewritten_after)
		tv_sets(a, v, "rewritten", pg_tdate(sc, a, rev_date(h->rewritten_after)));
}

void pg_report_history(const struct site_ctx *sc, struct arena *a, struct tval *rv, const char *path)
{
	const struct history *h = sc->rev->h;
	const struct hist_file *f = h && h->available ? history_file(h, path) : NULL;
	const struct hist_change *const *cs;
	size_t n, i;

	if (f && f->time && !f->present_at_start) {
		tv_sets(a, rv, "published", pg_tdate(sc, a, rev_date(f->time)));
		tv_sets(a, rv, "published_by", f->who.name);
	}
	cs = revindex_file(sc->rev, path, &n);
	for (i = n; i > 0; i--) /* the latest correction of a figure */
		if (strcmp(cs[i - 1]->field, "file") != 0) {
			tv_sets(a, rv, "corrected", pg_tdate(sc, a, rev_date(cs[i - 1]->time)));
			tv_sets(a, rv, "corrected_href", arena_printf(a, "#rev-%zu", cs[i - 1]->seq));
			break;
		}
}

void pg_project_history(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root)
{
	struct tval *hv = tv_map(a), *list = tv_list(a), *pub = tv_list(a);
	const struct hist_change **cs;
	const struct history *h = sc->rev->h;
	size_t n, i;

	history_state(sc, a, hv);
	cs = revindex_project(sc->rev, p->fiscal_year, p->id, a, &n);
	for (i = n; i > 0; i--)
		tv_push(a, list, change_view(sc, a, root, cs[i - 1], 0));
	if (h && h->available) {
		const struct hist_file *f = history_file(h, p->path);
		struct tval *e;
		if (f && f->time) {
			e = tv_map(a);
			tv_sets(a, e, "what", "ข้อมูลโครงการ");
			tv_sets(a, e, "date", pg_tdate(sc, a, rev_date(f->time)));
			tv_sets(a, e, "who", f->who.name);
			tv_setb(a, e, "at_start", f->present_at_start);
			tv_push(a, pub, e);
		}
		for (i = 0; i < p->n_reports; i++) {
			f = history_file(h, p->reports[i]->path);
			if (!f || !f->time)
				continue;
			e = tv_map(a);
			tv_sets(a, e, "what", arena_printf(a, "รายงาน %s", pg_tdate(sc, a, p->reports[i]->date)));
			tv_sets(a, e, "date", pg_tdate(sc, a, rev_date(f->time)));
			tv_sets(a, e, "who", f->who.name);
			tv_setb(a, e, "at_start", f->present_at_start);
			tv_push(a, pub, e);
		}
	}
	tv_set(a, hv, "changes", list);
	tv_set(a, hv, "published", pub);
	tv_setb(a, hv, "has_published", tv_truthy(pub));
	tv_sets(a, hv, "all_href", arena_printf(a, "%srevisions/index.html", root));
	tv_set(a, v, "history", hv);
	{
		const struct hist_change *const *fc = revindex_file(sc->rev, p->path, &n);
		for (i = n; i > 0; i--)
			if (strcmp(fc[i - 1]->field, "budget.allocated") == 0) {
				tv_sets(a, v, "allocated_corrected", pg_tdate(sc, a, rev_date(fc[i - 1]->time)));
				tv_sets(a, v, "allocated_corrected_href", arena_printf(a, "#rev-%zu", fc[i - 1]->seq));
				break;
			}
	}
}

void pg_revisions(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	struct tval *hv = tv_map(a), *list = tv_list(a);
	size_t i;

	history_state(sc, a, hv);
	for (i = 0; i < sc->rev->n_recent && i < REV_PAGE_MAX; i++)
		tv_push(a, list, change_view(sc, a, root, sc->rev->recent[i], 1));
	tv_set(a, hv, "changes", list);
	tv_setb(a, hv, "more", sc->rev->n_recent > REV_PAGE_MAX);
	tv_sets(a, hv, "shown", pg_integer(sc, a, (int64_t)(sc->rev->n_recent < REV_PAGE_MAX ? sc->rev->n_recent : REV_PAGE_MAX)));
	tv_sets(a, hv, "total", pg_integer(sc, a, (int64_t)sc->rev->n_recent));
	tv_set(a, v, "history", hv);
}

void pg_report_closing(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root, int fy,
	int annual)
{
	const struct hist_closing *c = sc->closing;
	struct tval *cv, *after;
	char fp[32], fq[32];
	size_t i;

	if (!c || c->fy != fy || c->annual != annual)
		return;
	cv = tv_map(a);
	after = tv_list(a);
	tv_sets(a, cv, "date", pg_tdate(sc, a, rev_date(c->time)));
	tv_sets(a, cv, "date_iso", pg_isodate(a, rev_date(c->time)));
	tv_sets(a, cv, "commit", c->commit);
	tv_sets(a, cv, "commit_short", arena_printf(a, "%.10s", c->commit));
	tv_sets(a, cv, "who", c->who.name);
	snprintf(fp, sizeof(fp), "progress/%d/", fy);
	snprintf(fq, sizeof(fq), "projects/%d/", fy);
	for (i = 0; i < sc->rev->n_recent; i++) {
		const struct hist_change *x = sc->rev->recent[i];
		if (x->seq < c->seq)
			continue; /* read before the closing commit */
		if (strncmp(x->path, fp, strlen(fp)) == 0 || strncmp(x->path, fq, strlen(fq)) == 0)
			tv_push(a, after, change_view(sc, a, root, x, 1));
	}
	tv_set(a, cv, "changes", after);
	tv_set(a, v, "closed", cv);
}

static struct tval *timely_view(const struct site_ctx *sc, struct arena *a, const char *name, size_t n,
	size_t ok)
{
	struct tval *v = tv_map(a);

	tv_sets(a, v, "name", name);
	tv_sets(a, v, "reports", pg_integer(sc, a, (int64_t)n));
	tv_sets(a, v, "on_time", pg_integer(sc, a, (int64_t)ok));
	tv_sets(a, v, "share", n ? pg_pct(sc, a, (int64_t)(ok * 10000 / n)) : "–");
	return v;
}

void pg_timeliness(const struct site_ctx *sc, struct arena *a, struct tval *v)
{
	const struct timeliness *t = sc->tl;
	struct tval *tv = tv_map(a), *groups = tv_list(a), *officers = tv_list(a);
	size_t i;

	tv_setb(a, tv, "available", t->available);
	tv_sets(a, tv, "due_day", pg_integer(sc, a, t->due_day));
	tv_set(a, tv, "office", timely_view(sc, a, "ทั้งสำนักงาน", t->reports, t->on_time));
	for (i = 0; i < t->n_groups; i++)
		tv_push(a, groups, timely_view(sc, a, pg_name_of(model_group(sc->m, t->groups[i].id)),
			t->groups[i].reports, t->groups[i].on_time));
	for (i = 0; i < t->n_officers; i++) {
		const struct person *p = model_person(sc->m, t->officers[i].id);
		tv_push(a, officers, timely_view(sc, a, p ? p->name : t->officers[i].id, t->officers[i].reports,
			t->officers[i].on_time));
	}
	tv_set(a, tv, "groups", groups);
	tv_set(a, tv, "officers", officers);
	tv_set(a, v, "timeliness", tv);
}
