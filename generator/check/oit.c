/* oit.c: evidence dates and checks for the OIT index. */
#include "check/oit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "publish/opendata.h"

static int latest_report(const struct site_ctx *sc, int fy, pdate *out)
{
	size_t i;

	/* sc->recent: reports up to today, newest first */
	for (i = 0; i < sc->n_recent; i++)
		if (!fy || sc->recent[i]->fiscal_year == fy) {
			*out = sc->recent[i]->date;
			return 1;
		}
	return 0;
}

static int latest_news(const struct site_ctx *sc, pdate *out)
{
	size_t i;

	for (i = 0; i < sc->m->n_news; i++) /* newest first */
		if (sc->m->news[i]->date <= sc->m->today) {
			*out = sc->m->news[i]->date;
			return 1;
		}
	return 0;
}

static int latest_proc(const struct site_ctx *sc, int fy, pdate *out)
{
	size_t i;
	int found = 0;

	for (i = 0; i < sc->m->n_procurement; i++) {
		const struct proc_record *r = &sc->m->procurement[i];
		if ((fy && r->fiscal_year != fy) || r->date > sc->m->today)
			continue;
		if (!found || r->date > *out)
			*out = r->date;
		found = 1;
	}
	return found;
}

/* A 4-digit year at p followed by '/' or the end. */
static int year_at(const char *p)
{
	if (strlen(p) >= 4 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
		p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && (p[4] == '/' || !p[4]))
		return atoi(p);
	return 0;
}

int oit_link_date(const struct site_ctx *sc, const struct oit_link *l, pdate *out)
{
	const char *h = l->href;
	int fy, be;
	char iso[11];

	if (l->has_date) {
		*out = l->date;
		return 1;
	}
	if (!l->internal)
		return 0;
	if (strncmp(h, "news/", 5) == 0 && strlen(h) > 15 && h[15] == '-') {
		memcpy(iso, h + 5, 10);
		iso[10] = '\0';
		return date_parse(iso, out, &be) == DATE_OK;
	}
	if (strncmp(h, "news/", 5) == 0 || strncmp(h, "feeds/news", 10) == 0)
		return latest_news(sc, out);
	if (strncmp(h, "reports/", 8) == 0 && (fy = year_at(h + 8)) != 0) {
		pdate end = strstr(h, "half-year") ? fiscal_quarter_end(fy, 2) : fiscal_year_end(fy);
		if (sc->m->today < fiscal_year_start(fy))
			return 0;
		*out = end < sc->m->today ? end : sc->m->today;
		return 1;
	}
	if (strncmp(h, "procurement/", 12) == 0)
		return latest_proc(sc, year_at(h + 12), out);
	if (strncmp(h, "data/procurement", 16) == 0)
		return latest_proc(sc, 0, out);
	if (strncmp(h, "projects/", 9) == 0 && !year_at(h + 9) && strchr(h + 9, '/')) {
		char id[80];
		size_t k = strcspn(h + 9, "/");
		const struct project *p;
		if (k >= sizeof(id))
			return 0;
		memcpy(id, h + 9, k);
		id[k] = '\0';
		p = model_project(sc->m, id);
		if (p && p->fig.has_report) {
			*out = p->fig.last_report;
			return 1;
		}
		return 0;
	}
	if (strncmp(h, "projects/", 9) == 0)
		return latest_report(sc, year_at(h + 9), out);
	if (strcmp(h, "index.html") == 0 || strncmp(h, "dashboard/", 10) == 0 ||
		strncmp(h, "data/", 5) == 0 || strncmp(h, "feeds/updates", 13) == 0)
		return latest_report(sc, 0, out);
	return 0;
}

int oit_required_fy(const struct oit_year *y, const struct oit_item *o)
{
	switch (o->fy_rule) {
	case OIT_FY_CURRENT:
		return y->year;
	case OIT_FY_PREVIOUS:
		return y->year - 1;
	default:
		return 0;
	}
}

static int cmp_media(const void *key, const void *elem)
{
	return strcmp(key, ((const struct media *)elem)->path);
}

int site_path_exists(const struct site_ctx *sc, const struct page_job *jobs, size_t n,
	const char *rel)
{
	char p[1024];
	size_t k = strcspn(rel, "#?"), i;

	if (k == 0)
		return 0;
	if (k + 11 >= sizeof(p))
		return 0;
	memcpy(p, rel, k);
	p[k] = '\0';
	if (p[k - 1] == '/')
		strcat(p, "index.html");
	for (i = 0; i < n; i++)
		if (strcmp(jobs[i].out, p) == 0)
			return 1;
	if (opendata_has(p) || strcmp(p, "feeds/news.xml") == 0 || strcmp(p, "feeds/updates.xml") == 0 ||
		strcmp(p, "sitemap.xml") == 0 || strcmp(p, "robots.txt") == 0 ||
		strcmp(p, "search/index.json") == 0)
		return 1;
	if (strncmp(p, "media/", 6) == 0)
		return bsearch(p, sc->m->media, sc->m->n_media, sizeof(*sc->m->media), cmp_media) != NULL;
	return 0;
}

void oit_item_dates(const struct site_ctx *sc, const struct oit_year *y, const struct oit_item *o,
	struct oit_item_dates *out)
{
	size_t j;

	memset(out, 0, sizeof(*out));
	out->req = oit_required_fy(y, o);
	for (j = 0; j < o->n_links; j++) {
		pdate dt;
		if (!oit_link_date(sc, &o->links[j], &dt))
			continue;
		if (!out->any_dated || dt > out->newest)
			out->newest = dt;
		out->any_dated = 1;
		if (!out->req || date_fiscal_year(dt) == out->req)
			out->any_in = 1;
	}
	out->outside = out->req && out->any_dated && !out->any_in;
}

void oit_check(const struct site_ctx *sc, const struct page_job *jobs, size_t n, struct diags *d)
{
	const struct model *m = sc->m;
	size_t y, i, j;

	for (y = 0; y < m->n_oit; y++) {
		const struct oit_year *oy = m->oit[y];
		for (i = 0; i < oy->n_items; i++) {
			const struct oit_item *o = &oy->items[i];
			struct oit_item_dates od;
			struct loc l = { oy->path, o->line, 0 };
			if (!o->n_links) {
				diag_warn(d, l, "%s: ยังไม่มีหลักฐาน (evidence)", "%s: no evidence yet", o->code);
				continue;
			}
			for (j = 0; j < o->n_links; j++) {
				const struct oit_link *k = &o->links[j];
				struct loc kl = { oy->path, k->line, k->col };
				if (k->internal && !site_path_exists(sc, jobs, n, k->href))
					diag_warn(d, kl, "%s: \"%s\" ไม่มีหน้านี้ในเว็บไซต์ (ลิงก์ไปไม่ถึง)",
						"%s: \"%s\" is not a page of the site (a link to nothing)", o->code, k->href);
			}
			oit_item_dates(sc, oy, o, &od);
			if (od.outside)
				diag_warn(d, l, "%s: หลักฐานไม่อยู่ในปีงบประมาณ %d ที่กำหนด",
					"%s: no evidence dated in the required fiscal year %d", o->code, od.req);
			else if (od.req && !od.any_dated && m->today >= fiscal_year_start(od.req))
				diag_warn(d, l, "%s: ไม่ทราบวันที่ของหลักฐาน ใส่ date ให้หลักฐานที่อยู่ในปีงบประมาณ %d",
					"%s: the evidence has no known date; give a date for evidence of fiscal year %d",
					o->code, od.req);
		}
	}
}
