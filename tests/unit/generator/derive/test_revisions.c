/* test_revisions.c: the tracked fields of two versions of a content file,
 * the correction reason, the close trailer, the due date of a report and
 * the project a path belongs to (derive/revisions, revindex, timeliness;
 * load/history's pure helpers). */
#include <string.h>

#include "check.h"
#include "derive/revindex.h"
#include "derive/revisions.h"
#include "derive/timeliness.h"
#include "load/history.h"

struct got {
	char buf[2048];
	size_t n;
};

static void collect(void *ctx, const char *field, const char *old, const char *new)
{
	struct got *g = ctx;
	size_t k = strlen(g->buf);

	snprintf(g->buf + k, sizeof(g->buf) - k, "%s:%s>%s;", field, old ? old : "-", new ? new : "-");
	g->n++;
}

static const char *diff(struct arena *a, const char *path, const char *old, const char *new)
{
	static struct got g;

	memset(&g, 0, sizeof(g));
	rev_diff(path, old, old ? strlen(old) : 0, new, new ? strlen(new) : 0, collect, &g, a);
	return g.buf;
}

int main(void)
{
	struct arena a;
	char id[64], big[3000];
	const char *r = "date: 2026-03-25\nreporter: somchai\npercent: 40\ndisbursed: \"400,000.25\"\n"
		"kpis: {villages: 4}\nnarrative: x\n";
	int fy, annual;

	arena_init(&a);
	CHECK_INT(rev_kind_of("progress/2569/2569-001/2026-03-25.yaml"), REV_PROGRESS);
	CHECK_INT(rev_kind_of("projects/2569/2569-001.md"), REV_PROJECT);
	CHECK_INT(rev_kind_of("complaints/ABCD.yaml"), REV_COMPLAINT);
	CHECK_INT(rev_kind_of("procurement/2569/a.yaml"), REV_PROCUREMENT);
	CHECK_INT(rev_kind_of("news/2026-01-01-x.md"), REV_NONE);
	CHECK_INT(rev_kind_of("site.yaml"), REV_NONE);
	/* only the tracked fields, in key order; narrative is not tracked */
	CHECK_STR(diff(&a, "progress/2569/2569-001/2026-03-25.yaml", r,
		"date: 2026-03-25\nreporter: somchai\npercent: 40\ndisbursed: 350000\nkpis: {villages: 5}\n"
		"narrative: y\ncorrection: dup\n"), "disbursed:400,000.25>350000;kpis.villages:4>5;");
	CHECK_STR(diff(&a, "progress/2569/2569-001/2026-03-25.yaml", r, r), "");
	/* added file: every tracked field from nothing */
	CHECK_STR(diff(&a, "progress/2569/2569-001/2026-03-25.yaml", NULL, "percent: 1\n"), "percent:->1;");
	/* unparsable YAML counts as no fields, never a failure */
	CHECK_STR(diff(&a, "progress/2569/2569-001/2026-03-25.yaml", "percent: [", "percent: 2\n"), "percent:->2;");
	/* a project's front matter: plan items named by month, budget, period */
	CHECK_STR(diff(&a, "projects/2569/2569-001.md",
		"---\nid: x\nbudget: {allocated: 100}\nperiod: {start: 2025-10-01, end: 2026-09-30}\n"
		"plan:\n  - {month: 2026-01, percent: 10}\n---\nbody\n",
		"---\nid: x\nbudget: {allocated: 90}\nperiod: {start: 2025-10-01, end: 2026-08-31}\n"
		"plan:\n  - {month: 2025-12, percent: 5}\n  - {month: 2026-01, percent: 12}\n---\nbody 2\n"),
		"budget.allocated:100>90;period.end:2026-09-30>2026-08-31;plan[2025-12].month:->2025-12;"
		"plan[2025-12].percent:->5;plan[2026-01].percent:10>12;");
	/* complaint answers: status, note, reason; not the date */
	CHECK_STR(diff(&a, "complaints/ABCD.yaml", "history:\n  - {date: 2026-01-01, status: received}\n",
		"history:\n  - {date: 2026-01-02, status: resolved, reason: done}\n"),
		"history.0.reason:->done;history.0.status:received>resolved;");
	/* a value past REV_MAX_VALUE is cut, with "…" */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	{
		char *v = arena_printf(&a, "history:\n  - {status: received, note: %s}\n", big);
		const char *g = diff(&a, "complaints/ABCD.yaml", NULL, v);
		CHECK(strstr(g, "…;") != NULL);
	}
	/* a complaint's summary is not tracked (published only on request) */
	CHECK_STR(diff(&a, "complaints/ABCD.yaml", "summary: a\n", "summary: b\n"), "");
	{
		const char *t = "correction: ใบเสร็จซ้ำ\n";
		CHECK_STR(rev_reason("progress/2569/2569-001/a.yaml", t, strlen(t), &a), "ใบเสร็จซ้ำ");
	}
	CHECK(rev_reason("progress/2569/2569-001/a.yaml", "percent: 1\n", 11, &a) == NULL);
	/* the close trailer */
	CHECK(history_close_trailer("ปิดรายงาน\n\nProngsai-Close: 2569 annual\n", &fy, &annual));
	CHECK_INT(fy, 2569);
	CHECK_INT(annual, 1);
	CHECK(history_close_trailer("x\nProngsai-Close: 2570 half-year", &fy, &annual));
	CHECK_INT(annual, 0);
	CHECK(!history_close_trailer("Prongsai-Close: 2569 yearly\n", &fy, &annual));
	CHECK(!history_close_trailer("Prongsai-Close: 99 annual\n", &fy, &annual));
	CHECK(!history_close_trailer("no trailer", &fy, &annual));
	/* dates: Bangkok is UTC+7; due day of the next month */
	CHECK_INT(history_date(1775095200), date_from_ymd(2026, 4, 2)); /* 2026-04-02 09:00 +07 */
	CHECK_INT(history_date(1775062799), date_from_ymd(2026, 4, 1)); /* 23:59:59 +07 */
	CHECK_INT(history_date(1775062800), date_from_ymd(2026, 4, 2)); /* midnight +07 */
	CHECK_INT(timeliness_due(date_from_ymd(2026, 3, 25), 5), date_from_ymd(2026, 4, 5));
	CHECK_INT(timeliness_due(date_from_ymd(2025, 12, 20), 28), date_from_ymd(2026, 1, 28));
	/* the project of a path */
	CHECK_STR(revindex_project_of("progress/2569/2569-001/2026-03-25.yaml", id, sizeof(id)), "2569-001");
	CHECK_STR(revindex_project_of("projects/2569/2569-002.md", id, sizeof(id)), "2569-002");
	CHECK(revindex_project_of("projects/2569/2569-002.yaml", id, sizeof(id)) == NULL);
	CHECK(revindex_project_of("complaints/X.yaml", id, sizeof(id)) == NULL);
	CHECK(revindex_project_of("progress/2569/2569-001/a.yaml", id, 4) == NULL); /* too long for buf */
	/* the site-wide list leaves out complaint answers (codes stay private) */
	{
		struct hist_change ch[2] = {
			{ .path = "complaints/ABCD-EFGH.yaml", .field = "history.0.status", .seq = 0 },
			{ .path = "progress/2569/2569-001/a.yaml", .field = "disbursed", .seq = 1 },
		};
		struct history h = { .available = 1, .changes = ch, .n_changes = 2 };
		struct rev_index ix;
		size_t n;
		revindex_build(&ix, &h, &a);
		CHECK_INT(ix.n, 2);
		CHECK_INT(ix.n_recent, 1);
		CHECK_STR(ix.recent[0]->path, "progress/2569/2569-001/a.yaml");
		CHECK(revindex_file(&ix, "complaints/ABCD-EFGH.yaml", &n) != NULL && n == 1);
	}
	arena_free(&a);
	return CHECK_RESULT();
}
