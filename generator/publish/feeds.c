/* feeds.c: Atom feeds, sitemap.xml, robots.txt. */
#include "publish/feeds.h"

#include <stdio.h>
#include <string.h>

#include "derive/revindex.h"
#include "publish/textout.h"
#include "utf8.h"

static const char *base(const struct site_ctx *sc)
{
	return sc->m->site.base_url ? sc->m->site.base_url : "";
}

static void stamp(struct buf *b, pdate t)
{
	out_date(b, t);
	buf_adds(b, "T00:00:00+07:00");
}

static void feed_head(const struct site_ctx *sc, struct buf *b, const char *self,
	const char *title, pdate updated)
{
	buf_adds(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">\n<title>");
	xml_text(b, title);
	buf_adds(b, "</title>\n<id>");
	xml_text(b, base(sc));
	xml_text(b, self);
	buf_adds(b, "</id>\n<link rel=\"self\" href=\"");
	xml_text(b, base(sc));
	xml_text(b, self);
	buf_adds(b, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
	xml_text(b, base(sc));
	buf_adds(b, "\"/>\n<updated>");
	stamp(b, updated);
	buf_adds(b, "</updated>\n<author><name>");
	xml_text(b, sc->m->site.name);
	buf_adds(b, "</name></author>\n");
}

static void entry(const struct site_ctx *sc, struct buf *b, const char *path, const char *id_suffix,
	const char *title, const char *summary, pdate date)
{
	buf_adds(b, "<entry>\n<title>");
	xml_text(b, title);
	buf_adds(b, "</title>\n<id>");
	xml_text(b, base(sc));
	xml_text(b, path);
	xml_text(b, id_suffix);
	buf_adds(b, "</id>\n<link href=\"");
	xml_text(b, base(sc));
	xml_text(b, path);
	buf_adds(b, "\"/>\n<updated>");
	stamp(b, date);
	buf_adds(b, "</updated>\n");
	if (summary) {
		buf_adds(b, "<summary>");
		xml_text(b, summary);
		buf_adds(b, "</summary>\n");
	}
	buf_adds(b, "</entry>\n");
}

/* Thai vowel and tone marks written above or below a letter, and the
 * general combining marks: a summary is not cut just before one. */
static int is_mark(unsigned cp)
{
	return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E) ||
		(cp >= 0x0300 && cp <= 0x036F);
}

/* s, or its first FEEDS_MAX_SUMMARY - 1 code points (fewer if the cut would
 * split a letter from its marks, less trailing spaces) and "…" */
static const char *short_summary(struct arena *a, const char *s)
{
	size_t len = strlen(s), off = 0, n = 0, cut = 0, k;
	unsigned cp;

	while (off < len && n <= FEEDS_MAX_SUMMARY) {
		if (n == FEEDS_MAX_SUMMARY - 1)
			cut = off;
		k = utf8_decode(s + off, len - off, &cp);
		off += k ? k : 1;
		n++;
	}
	if (n <= FEEDS_MAX_SUMMARY)
		return s;
	while (cut > 0 && utf8_decode(s + cut, len - cut, &cp) && is_mark(cp))
		do
			cut--;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80);
	while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == '\n'))
		cut--;
	return arena_printf(a, "%.*s…", (int)cut, s);
}

static int put(struct outdir *out, const char *rel, struct buf *b, char *err, size_t errlen)
{
	if (b->err) {
		snprintf(err, errlen, "%s: more than %zu bytes", rel, b->cap);
		buf_reset(b);
		return -1;
	}
	if (out_write(out, rel, buf_str(b), b->len) != 0) {
		snprintf(err, errlen, "%s: %s", rel, out->err);
		return -1;
	}
	buf_reset(b);
	return 0;
}

static const char sm_head[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
static const char sm_tail[] = "</urlset>\n";

/* sitemap.xml, or sitemap-1.xml ... and their index in sitemap.xml */
static int sitemaps(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, struct buf *b, char *err, size_t errlen)
{
	struct buf e;
	size_t i, count = 0, files = 0;
	char name[64];
	int rc = 0;

	buf_init(&e, b->cap);
	buf_adds(b, sm_head);
	for (i = 0; i < n_jobs; i++) {
		if (jobs[i].kind == PG_NOT_FOUND || jobs[i].kind == PG_THANKS || jobs[i].kind == PG_TRACK_CASE ||
		    jobs[i].kind == PG_STAFF_SIGNIN || jobs[i].kind == PG_PRINT_INDEX ||
		    jobs[i].kind == PG_PRINT_PROJECT || jobs[i].kind == PG_PRINT_POSTER ||
		    jobs[i].kind == PG_PRINT_ANNOUNCE || jobs[i].respondent)
			continue; /* (a form with the respondent type chosen: the form's own page is listed) */
		buf_reset(&e);
		buf_adds(&e, "<url><loc>");
		xml_text(&e, base(sc));
		if (strcmp(jobs[i].out, "index.html") != 0)
			xml_text(&e, jobs[i].out);
		buf_adds(&e, "</loc></url>\n");
		if (count && (count == FEEDS_SITEMAP_MAX_URLS ||
			b->len + e.len + sizeof(sm_tail) - 1 > FEEDS_SITEMAP_MAX_BYTES)) {
			buf_adds(b, sm_tail);
			snprintf(name, sizeof(name), "sitemap-%zu.xml", ++files);
			rc |= put(out, name, b, err, errlen);
			buf_reset(b);
			buf_adds(b, sm_head);
			count = 0;
		}
		if (e.err)
			b->err = e.err;
		buf_add(b, e.data, e.len);
		count++;
	}
	buf_adds(b, sm_tail);
	if (!files) {
		rc |= put(out, "sitemap.xml", b, err, errlen);
	} else {
		snprintf(name, sizeof(name), "sitemap-%zu.xml", ++files);
		rc |= put(out, name, b, err, errlen);
		buf_reset(b);
		buf_adds(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
			"<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (i = 1; i <= files; i++) {
			buf_adds(b, "<sitemap><loc>");
			xml_text(b, base(sc));
			buf_printf(b, "sitemap-%zu.xml</loc></sitemap>\n", i);
		}
		buf_adds(b, "</sitemapindex>\n");
		rc |= put(out, "sitemap.xml", b, err, errlen);
	}
	buf_free(&e);
	return rc;
}

int feeds_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, char *err, size_t errlen)
{
	return feeds_write_max(sc, jobs, n_jobs, out, FEEDS_MAX_SIZE, err, errlen);
}

int feeds_write_max(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, size_t max, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	struct buf b;
	struct arena a;
	size_t i, n;
	int rc = 0;
	pdate upd;

	buf_init(&b, max);
	arena_init(&a);
	/* news: items dated after today are not yet published */
	upd = 0;
	for (i = 0; i < m->n_news; i++)
		if (m->news[i]->date <= m->today && m->news[i]->date > upd)
			upd = m->news[i]->date;
	feed_head(sc, &b, "feeds/news.xml", arena_printf(&a, "ข่าว: %s", m->site.name), upd ? upd : m->today);
	for (i = 0, n = 0; i < m->n_news && n < FEEDS_MAX_NEWS; i++) {
		const struct news *nw = m->news[i];
		char iso[11];
		if (nw->date > m->today)
			continue;
		date_iso(nw->date, iso);
		entry(sc, &b, arena_printf(&a, "news/%s-%s/index.html", iso, nw->slug), "", nw->title,
			nw->summary ? short_summary(&a, nw->summary) : NULL, nw->date);
		n++;
	}
	buf_adds(&b, "</feed>\n");
	rc |= put(out, "feeds/news.xml", &b, err, errlen);
	/* progress reports, newest first (sc->recent holds those up to today) */
	feed_head(sc, &b, "feeds/updates.xml", arena_printf(&a, "รายงานความก้าวหน้า: %s", m->site.name),
		sc->n_recent ? sc->recent[0]->date : m->today);
	for (i = 0; i < sc->n_recent && i < FEEDS_MAX_UPDATES; i++) {
		const struct report *r = sc->recent[i];
		char iso[11], pct[32], money[32];
		date_iso(r->date, iso);
		snprintf(pct, sizeof(pct), "%lld.%02lld", (long long)(r->percent / 100), (long long)(r->percent % 100));
		snprintf(money, sizeof(money), "%lld.%02lld", (long long)(r->disbursed / 100),
			(long long)(r->disbursed % 100));
		entry(sc, &b, arena_printf(&a, "projects/%s/index.html", r->project_id),
			arena_printf(&a, "#report-%s", iso),
			arena_printf(&a, "%s: รายงาน %s", r->project ? r->project->title : r->project_id, iso),
			arena_printf(&a, "ความก้าวหน้าสะสม %s%% เบิกจ่ายสะสม %s บาท", pct, money), r->date);
	}
	buf_adds(&b, "</feed>\n");
	rc |= put(out, "feeds/updates.xml", &b, err, errlen);
	/* corrections of published figures, newest first (revindex.h) */
	feed_head(sc, &b, "feeds/revisions.xml", arena_printf(&a, "การแก้ไขล่าสุด: %s", m->site.name),
		sc->rev->n_recent ? rev_date(sc->rev->recent[0]->time) : m->today);
	for (i = 0; i < sc->rev->n_recent && i < FEEDS_MAX_REVISIONS; i++) {
		const struct hist_change *c = sc->rev->recent[i];
		entry(sc, &b, rev_page_of(c, &a), arena_printf(&a, "#rev-%zu", c->seq),
			arena_printf(&a, "%s: %s", rev_what(sc, c->path, &a), rev_field_label(c->field, &a)),
			arena_printf(&a, "%s → %s · %s%s%s", c->old_value ? c->old_value : "–",
				c->new_value ? c->new_value : "–", c->who.name, c->reason ? " · เหตุผล: " : "",
				c->reason ? c->reason : ""), rev_date(c->time));
	}
	buf_adds(&b, "</feed>\n");
	rc |= put(out, "feeds/revisions.xml", &b, err, errlen);
	rc |= sitemaps(sc, jobs, n_jobs, out, &b, err, errlen);
	buf_printf(&b, "User-agent: *\nAllow: /\nSitemap: %ssitemap.xml\n", base(sc));
	rc |= put(out, "robots.txt", &b, err, errlen);
	buf_free(&b);
	arena_free(&a);
	return rc ? -1 : 0;
}
