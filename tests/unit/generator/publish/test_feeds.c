/* test_feeds.c: the caps of the feeds and the sitemap (feeds.h), each
 * exactly at the cap and one over: FEEDS_MAX_NEWS and FEEDS_MAX_UPDATES
 * entries, FEEDS_MAX_SUMMARY code points of a summary, the sitemap protocol's
 * FEEDS_SITEMAP_MAX_URLS and FEEDS_SITEMAP_MAX_BYTES (then a sitemap index),
 * and FEEDS_MAX_SIZE bytes of a file (through feeds_write_max). */
#include "check.h"
#include "publish/feeds.h"
#include "testsite.h"

static const char sm_head[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
static const char sm_tail[] = "</urlset>\n";

/* write the feeds; 0 or -1 */
static int write_feeds(struct testsite *ts, struct outdir *o, const struct page_job *jobs, size_t n)
{
	char err[512];
	int rc;

	if (ts_out(o) != 0)
		return -1;
	rc = feeds_write(&ts->site.sc, jobs ? jobs : ts->site.jobs, jobs ? n : ts->site.n_jobs, o, err, sizeof(err));
	if (rc)
		fprintf(stderr, "feeds_write: %s\n", err);
	return rc;
}

/* "<entry>"s in rel, or -1 */
static long entries(const struct outdir *o, const char *rel)
{
	char *s = ts_read(o, rel, NULL);
	long n = s ? (long)ts_count(s, "<entry>") : -1;

	free(s);
	return n;
}

static void test_news(struct testsite *ts)
{
	struct model *m = &ts->m;
	struct news **old = m->news, **nw, future;
	size_t old_n = m->n_news, i, k;
	struct outdir o;
	char *s;

	CHECK(old_n >= 1);
	if (!old_n)
		return;
	/* one item dated after today first (never in the feed), then
	 * FEEDS_MAX_NEWS + 1 published items, newest first */
	nw = arena_alloc(&m->arena, (FEEDS_MAX_NEWS + 2) * sizeof(*nw));
	future = *old[0];
	future.date = m->today + 1;
	future.slug = "future";
	nw[0] = &future;
	for (i = 1; i <= FEEDS_MAX_NEWS + 1; i++) {
		nw[i] = arena_alloc(&m->arena, sizeof(**nw));
		*nw[i] = *old[0];
		nw[i]->date = m->today - (pdate)i;
		nw[i]->slug = arena_printf(&m->arena, "item-%zu", i);
	}
	m->news = nw;
	for (k = FEEDS_MAX_NEWS; k <= FEEDS_MAX_NEWS + 1; k++) {
		m->n_news = k + 1;
		if (write_feeds(ts, &o, NULL, 0) == 0) {
			CHECK_INT(entries(&o, "feeds/news.xml"), FEEDS_MAX_NEWS);
			s = ts_read(&o, "feeds/news.xml", NULL);
			CHECK(s && !strstr(s, "-future/"));
			CHECK(s && strstr(s, arena_printf(&m->arena, "-item-%d/", FEEDS_MAX_NEWS)));
			CHECK(s && !strstr(s, arena_printf(&m->arena, "-item-%d/", FEEDS_MAX_NEWS + 1)));
			free(s);
		}
		ts_out_done(&o);
	}
	m->news = old;
	m->n_news = old_n;
}

/* the summary of the news feed's only entry after the fixture's summary is
 * replaced by s; malloc'd */
static char *summary(struct testsite *ts, const char *s)
{
	struct model *m = &ts->m;
	struct news *n = m->news[0];
	const char *old = n->summary;
	struct outdir o;
	char *x, *a, *b, *r = NULL;

	n->summary = s;
	if (write_feeds(ts, &o, NULL, 0) == 0 && (x = ts_read(&o, "feeds/news.xml", NULL)) != NULL) {
		if ((a = strstr(x, "<summary>")) && (b = strstr(a, "</summary>"))) {
			*b = '\0';
			r = strdup(a + strlen("<summary>"));
		}
		free(x);
	}
	ts_out_done(&o);
	n->summary = old;
	return r;
}

static char *rep(const char *ch, size_t n, const char *tail)
{
	size_t k = strlen(ch), i;
	char *s = malloc(n * k + strlen(tail) + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * k, ch, k);
	strcpy(s + n * k, tail);
	return s;
}

static void test_summary(struct testsite *ts)
{
	char *s, *got, *want;

	if (!ts->m.n_news || ts->m.news[0]->date > ts->m.today) {
		CHECK(0);
		return;
	}
	/* exactly the cap: whole */
	s = rep("ก", FEEDS_MAX_SUMMARY, "");
	got = summary(ts, s);
	CHECK_STR(got, s);
	free(got);
	free(s);
	/* one over: FEEDS_MAX_SUMMARY - 1 and "…" */
	s = rep("ก", FEEDS_MAX_SUMMARY + 1, "");
	want = rep("ก", FEEDS_MAX_SUMMARY - 1, "…");
	got = summary(ts, s);
	CHECK_STR(got, want);
	free(got);
	free(want);
	free(s);
	/* not between a letter and its vowel mark, no space before "…" */
	s = rep("x", FEEDS_MAX_SUMMARY - 2, "กิyyy");
	want = rep("x", FEEDS_MAX_SUMMARY - 2, "…");
	got = summary(ts, s);
	CHECK_STR(got, want);
	free(got);
	free(want);
	free(s);
	s = rep("x", FEEDS_MAX_SUMMARY - 2, " yyy");
	want = rep("x", FEEDS_MAX_SUMMARY - 2, "…");
	got = summary(ts, s);
	CHECK_STR(got, want);
	free(got);
	free(want);
	free(s);
	/* escaped after the cut: 500 "&" are whole, as 500 "&amp;" */
	s = rep("&", FEEDS_MAX_SUMMARY, "");
	want = rep("&amp;", FEEDS_MAX_SUMMARY, "");
	got = summary(ts, s);
	CHECK_STR(got, want);
	free(got);
	free(want);
	free(s);
}

static void test_updates(struct testsite *ts)
{
	const struct report **old = ts->site.sc.recent, **r;
	size_t old_n = ts->site.sc.n_recent, i, k;
	struct outdir o;

	CHECK(old_n >= 1);
	if (!old_n)
		return;
	r = arena_alloc(&ts->m.arena, (FEEDS_MAX_UPDATES + 1) * sizeof(*r));
	for (i = 0; i <= FEEDS_MAX_UPDATES; i++)
		r[i] = old[0];
	ts->site.sc.recent = r;
	for (k = FEEDS_MAX_UPDATES - 1; k <= FEEDS_MAX_UPDATES + 1; k++) {
		ts->site.sc.n_recent = k;
		if (write_feeds(ts, &o, NULL, 0) == 0)
			CHECK_INT(entries(&o, "feeds/updates.xml"), k < FEEDS_MAX_UPDATES ? k : FEEDS_MAX_UPDATES);
		ts_out_done(&o);
	}
	ts->site.sc.recent = old;
	ts->site.sc.n_recent = old_n;
}

/* sitemap.xml is a urlset of n URLs (index == 0), or a sitemapindex of
 * index sitemaps */
static void expect_sitemap(const struct outdir *o, long urls, long index)
{
	char *s = ts_read(o, "sitemap.xml", NULL);

	CHECK(s != NULL);
	if (!s)
		return;
	if (!index) {
		CHECK(strstr(s, "<urlset") != NULL);
		CHECK_INT(ts_count(s, "<url>"), urls);
		CHECK_INT(ts_size(o, "sitemap-1.xml"), -1);
	} else {
		CHECK(strstr(s, "<sitemapindex") != NULL && !strstr(s, "<url>"));
		CHECK_INT(ts_count(s, "<sitemap>"), index);
		CHECK(strstr(s, "<loc>https://test.example.go.th/sitemap-1.xml</loc>") != NULL);
	}
	free(s);
}

static void test_sitemap_urls(struct testsite *ts)
{
	size_t n = FEEDS_SITEMAP_MAX_URLS + 2, i;
	struct page_job *jobs = calloc(n, sizeof(*jobs));
	struct outdir o;
	char *s;

	/* a page left out of sitemaps does not count */
	jobs[0].kind = PG_NOT_FOUND;
	jobs[0].out = "404.html";
	for (i = 1; i < n; i++) {
		jobs[i].kind = PG_PAGE;
		jobs[i].out = "p/index.html";
	}
	jobs[n - 1].out = "last/index.html";
	/* exactly FEEDS_SITEMAP_MAX_URLS: one sitemap */
	if (write_feeds(ts, &o, jobs, n - 1) == 0)
		expect_sitemap(&o, FEEDS_SITEMAP_MAX_URLS, 0);
	ts_out_done(&o);
	/* one more: two sitemaps and their index */
	if (write_feeds(ts, &o, jobs, n) == 0) {
		expect_sitemap(&o, 0, 2);
		s = ts_read(&o, "sitemap-1.xml", NULL);
		CHECK(s && ts_count(s, "<url>") == FEEDS_SITEMAP_MAX_URLS && !strstr(s, "404"));
		free(s);
		s = ts_read(&o, "sitemap-2.xml", NULL);
		CHECK(s && ts_count(s, "<url>") == 1 && strstr(s, "/last/index.html</loc>"));
		free(s);
		CHECK_INT(ts_size(&o, "sitemap-3.xml"), -1);
	}
	ts_out_done(&o);
	free(jobs);
}

static void test_sitemap_bytes(struct testsite *ts)
{
	const char *base = ts->m.site.base_url;
	size_t over = strlen("<url><loc>") + strlen(base) + strlen("</loc></url>\n"), len = 2000, e, k, r, i;
	size_t room = FEEDS_SITEMAP_MAX_BYTES - strlen(sm_head) - strlen(sm_tail);
	char *path, *last;
	struct page_job *jobs;
	struct outdir o;

	/* k - 1 URLs of e bytes, and a last one that fills the file exactly */
	e = over + len;
	k = room / e;
	r = room - (k - 1) * e;
	CHECK(k < FEEDS_SITEMAP_MAX_URLS && r >= e);
	path = rep("a", len, "");
	last = rep("b", r - over + 1, "");
	last[r - over] = '\0';
	jobs = calloc(k, sizeof(*jobs));
	for (i = 0; i < k; i++) {
		jobs[i].kind = PG_PAGE;
		jobs[i].out = i + 1 < k ? path : last;
	}
	if (write_feeds(ts, &o, jobs, k) == 0) {
		expect_sitemap(&o, (long)k, 0);
		CHECK_INT(ts_size(&o, "sitemap.xml"), (long)FEEDS_SITEMAP_MAX_BYTES);
	}
	ts_out_done(&o);
	/* one byte more: the last URL goes to a second file */
	last[r - over] = 'b';
	if (write_feeds(ts, &o, jobs, k) == 0) {
		expect_sitemap(&o, 0, 2);
		CHECK_INT(ts_size(&o, "sitemap-1.xml"), (long)(FEEDS_SITEMAP_MAX_BYTES - r));
		CHECK_INT(ts_size(&o, "sitemap-2.xml"), (long)(strlen(sm_head) + r + 1 + strlen(sm_tail)));
	}
	ts_out_done(&o);
	free(jobs);
	free(path);
	free(last);
}

static void test_size_cap(struct testsite *ts)
{
	static const char *const files[] = { "feeds/news.xml", "feeds/updates.xml", "sitemap.xml",
		"robots.txt" };
	struct outdir o;
	char err[512], want[256];
	const char *big = NULL;
	long s = -1, n;
	size_t i;

	if (write_feeds(ts, &o, NULL, 0) != 0) {
		CHECK(0);
		ts_out_done(&o);
		return;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		n = ts_size(&o, files[i]);
		CHECK(n > 0);
		if (n > s) {
			s = n;
			big = files[i];
		}
	}
	ts_out_done(&o);
	if (ts_out(&o) == 0) {
		CHECK_INT(feeds_write_max(&ts->site.sc, ts->site.jobs, ts->site.n_jobs, &o, (size_t)s, err, sizeof(err)), 0);
		CHECK_INT(ts_size(&o, big), s);
		ts_out_done(&o);
	}
	if (ts_out(&o) == 0) {
		CHECK_INT(feeds_write_max(&ts->site.sc, ts->site.jobs, ts->site.n_jobs, &o, (size_t)s - 1, err, sizeof(err)),
			-1);
		snprintf(want, sizeof(want), "%s: more than %ld bytes", big, s - 1);
		CHECK_STR(err, want);
		CHECK_INT(ts_size(&o, big), -1);
		ts_out_done(&o);
	}
}

int main(void)
{
	struct testsite ts;

	CHECK_INT(ts_load(&ts), 0);
	CHECK_STR(ts.m.site.base_url, "https://test.example.go.th/");
	test_news(&ts);
	test_summary(&ts);
	test_updates(&ts);
	test_sitemap_urls(&ts);
	test_sitemap_bytes(&ts);
	test_size_cap(&ts);
	ts_free(&ts);
	return CHECK_RESULT();
}
