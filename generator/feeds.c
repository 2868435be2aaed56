/* feeds.c: Atom feeds, sitemap.xml, robots.txt. */
#include "feeds.h"

#include <stdio.h>
#include <string.h>

#include "textout.h"

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

static int put(struct outdir *out, const char *rel, struct buf *b, char *err, size_t errlen)
{
	if (b->len + 1 >= b->cap || out_write(out, rel, buf_str(b), b->len) != 0) {
		snprintf(err, errlen, "%s: %s", rel, out->err[0] ? out->err : "too large");
		return -1;
	}
	buf_reset(b);
	return 0;
}

int feeds_write(const struct site_ctx *sc, const struct page_job *jobs, size_t n_jobs,
	struct outdir *out, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	struct buf b;
	struct arena a;
	size_t i;
	int rc = 0;
	pdate upd;

	buf_init(&b, FEEDS_MAX_SIZE);
	arena_init(&a);
	/* news: items dated after today are not yet published */
	upd = 0;
	for (i = 0; i < m->n_news; i++)
		if (m->news[i]->date <= m->today && m->news[i]->date > upd)
			upd = m->news[i]->date;
	feed_head(sc, &b, "feeds/news.xml", arena_printf(&a, "ข่าว: %s", m->site.name), upd ? upd : m->today);
	for (i = 0; i < m->n_news; i++) {
		const struct news *n = m->news[i];
		char iso[11];
		if (n->date > m->today)
			continue;
		date_iso(n->date, iso);
		entry(sc, &b, arena_printf(&a, "news/%s-%s/index.html", iso, n->slug), "", n->title,
			n->summary, n->date);
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
	/* sitemap */
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (i = 0; i < n_jobs; i++) {
		if (jobs[i].kind == PG_NOT_FOUND || jobs[i].kind == PG_THANKS || jobs[i].kind == PG_TRACK_CASE)
			continue;
		buf_adds(&b, "<url><loc>");
		xml_text(&b, base(sc));
		if (strcmp(jobs[i].out, "index.html") != 0)
			xml_text(&b, jobs[i].out);
		buf_adds(&b, "</loc></url>\n");
	}
	buf_adds(&b, "</urlset>\n");
	rc |= put(out, "sitemap.xml", &b, err, errlen);
	buf_printf(&b, "User-agent: *\nAllow: /\nSitemap: %ssitemap.xml\n", base(sc));
	rc |= put(out, "robots.txt", &b, err, errlen);
	buf_free(&b);
	arena_free(&a);
	return rc ? -1 : 0;
}
