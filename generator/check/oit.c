/* oit.c: evidence dates and checks for the OIT index. */
#include "check/oit.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/procure.h"
#include "publish/opendata.h"
#include "publish/procfiles.h"
#include "publish/esvfile.h"
#include "publish/itas.h"

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

/* The latest participation activity of fiscal year fy (0: any) held on
 * or before today. */
static int latest_participation(const struct site_ctx *sc, int fy, pdate *out)
{
	size_t i;
	int found = 0;

	for (i = 0; i < sc->m->n_participation; i++) {
		const struct participation *p = sc->m->participation[i];
		if ((fy && p->fiscal_year != fy) || p->date > sc->m->today)
			continue;
		if (!found || p->date > *out)
			*out = p->date;
		found = 1;
	}
	return found;
}

/* The newest revision date of the service guides. */
static int latest_service(const struct site_ctx *sc, pdate *out)
{
	size_t i;
	int found = 0;

	for (i = 0; i < sc->m->n_services; i++) {
		pdate u = sc->m->services[i]->updated;
		if (!u || u > sc->m->today)
			continue;
		if (!found || u > *out)
			*out = u;
		found = 1;
	}
	return found;
}

/* The newest answer date of the published questions. */
static int latest_answer(const struct site_ctx *sc, pdate *out)
{
	size_t i;
	int found = 0;

	for (i = 0; i < sc->m->n_questions; i++) {
		pdate u = sc->m->questions[i]->answered;
		if (u > sc->m->today)
			continue;
		if (!found || u > *out)
			*out = u;
		found = 1;
	}
	return found;
}

/* Figures of fiscal year fy up to end: as of today, or end once past;
 * unknown before the year begins. */
static int period_date(const struct site_ctx *sc, int fy, pdate end, pdate *out)
{
	if (sc->m->today < fiscal_year_start(fy))
		return 0;
	*out = end < sc->m->today ? end : sc->m->today;
	return 1;
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
	if (strncmp(h, "reports/", 8) == 0 && (fy = year_at(h + 8)) != 0)
		return period_date(sc, fy, strstr(h, "half-year") ? fiscal_quarter_end(fy, 2) : fiscal_year_end(fy),
			out);
	/* complaint statistics of a year are figures as of the build, up to its end */
	if (strncmp(h, "complaints/", 11) == 0 && (fy = year_at(h + 11)) != 0)
		return period_date(sc, fy, fiscal_year_end(fy), out);
	if (strncmp(h, "procurement/", 12) == 0)
		return latest_proc(sc, year_at(h + 12), out);
	if (strncmp(h, "participation/", 14) == 0)
		return latest_participation(sc, year_at(h + 14), out);
	if (strncmp(h, "services/", 9) == 0)
		return latest_service(sc, out);
	/* e-service statistics: counts as of the build (eservice.h) */
	if (strncmp(h, "e-service/", 10) == 0) {
		*out = sc->m->today;
		return 1;
	}
	if (strncmp(h, "questions/", 10) == 0)
		return latest_answer(sc, out);
	if (strncmp(h, "corruption-guideline/", 21) == 0 && sc->m->guideline && sc->m->guideline->updated) {
		*out = sc->m->guideline->updated;
		return 1;
	}
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
	if (opendata_has(p) || procfiles_has(sc->m, p) || itas_has(sc->m, p) ||
		esvfile_has(sc->m, p) || strcmp(p, "feeds/news.xml") == 0 || strcmp(p, "feeds/updates.xml") == 0 ||
		strcmp(p, "sitemap.xml") == 0 || strcmp(p, "robots.txt") == 0 ||
		strcmp(p, "search/meta.js") == 0)
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

static void add_finding(struct oit_assessment *a, enum oit_finding_kind k, size_t link, int fy,
	unsigned months)
{
	if (a->n == OIT_FINDINGS_MAX) {
		a->n_more++;
		return;
	}
	a->f[a->n].kind = k;
	a->f[a->n].link = link;
	a->f[a->n].fy = fy;
	a->f[a->n].months = months;
	a->n++;
}

static int on_main_site(const struct oit_year *y, const struct oit_link *l)
{
	return !l->internal && y->main_site && strncmp(l->href, y->main_site, strlen(y->main_site)) == 0;
}

/* Procurement months of fiscal year fy in the period that have ended and
 * have neither records nor a no_procurement entry (bit k: fiscal month k). */
static unsigned months_not_entered(const struct model *m, int fy, enum oit_period p)
{
	unsigned bits = 0;
	int k, y, mo;

	for (k = 0; k < (p == OIT_PERIOD_FIRST_HALF ? 6 : 12); k++) {
		fiscal_month(fy, k, &y, &mo);
		if (proc_month_state(m, fy, mo) == PM_NOT_ENTERED)
			bits |= 1u << k;
	}
	return bits;
}

void oit_assess(const struct site_ctx *sc, const struct page_job *jobs, size_t n,
	const struct oit_year *y, const struct oit_item *o, struct oit_assessment *out)
{
	size_t j, live = 0, generated = 0, main = 0;

	memset(out, 0, sizeof(*out));
	oit_item_dates(sc, y, o, &out->dates);
	if (!o->n_links) {
		out->state = OIT_MISSING;
		add_finding(out, OF_NO_EVIDENCE, 0, 0, 0);
		return;
	}
	for (j = 0; j < o->n_links; j++) {
		const struct oit_link *k = &o->links[j];
		pdate dt;
		if (k->internal && !site_path_exists(sc, jobs, n, k->href)) {
			add_finding(out, OF_DEAD_LINK, j, 0, 0);
			continue;
		}
		live++;
		if (on_main_site(y, k))
			main++;
		else if (k->internal && strncmp(k->href, "media/", 6) != 0)
			generated++;
		else if (!oit_link_date(sc, k, &dt))
			add_finding(out, OF_LINK_NO_DATE, j, 0, 0);
		if (o->period && out->dates.req && strncmp(k->href, "procurement/", 12) == 0 &&
			year_at(k->href + 12) == out->dates.req) {
			unsigned bits = months_not_entered(sc->m, out->dates.req, o->period);
			if (bits)
				add_finding(out, OF_MONTHS, j, out->dates.req, bits);
		}
	}
	out->state = !live ? OIT_MISSING : main == live ? OIT_MAIN_SITE : generated ? OIT_ANSWERED : OIT_HOSTED;
	if (out->dates.outside)
		add_finding(out, OF_OUTSIDE, 0, out->dates.req, 0);
	else if (out->dates.req && !out->dates.any_dated && sc->m->today >= fiscal_year_start(out->dates.req))
		add_finding(out, OF_NO_DATE, 0, out->dates.req, 0);
}

static const char *const month_abbr[] = { "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.",
	"พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย." };
static const char *const month_abbr_en[] = { "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep" };

void oit_finding_text(const struct oit_finding *f, const struct oit_item *o, int en, char *buf,
	size_t cap)
{
	const char *href = f->link < o->n_links ? o->links[f->link].href : "";
	size_t used;
	int k;

	assert(cap > 0);
	switch (f->kind) {
	case OF_NO_EVIDENCE:
		snprintf(buf, cap, en ? "%s: no evidence yet" : "%s: ยังไม่มีหลักฐาน (evidence)", o->code);
		break;
	case OF_DEAD_LINK:
		snprintf(buf, cap, en ? "%s: \"%s\" is not a page of the site (a link to nothing)" :
			"%s: \"%s\" ไม่มีหน้านี้ในเว็บไซต์ (ลิงก์ไปไม่ถึง)", o->code, href);
		break;
	case OF_OUTSIDE:
		snprintf(buf, cap, en ? "%s: no evidence dated in the required fiscal year %d" :
			"%s: หลักฐานไม่อยู่ในปีงบประมาณ %d ที่กำหนด", o->code, f->fy);
		break;
	case OF_NO_DATE:
		snprintf(buf, cap, en ? "%s: the evidence has no known date; give a date for evidence of fiscal year %d" :
			"%s: ไม่ทราบวันที่ของหลักฐาน ใส่ date ให้หลักฐานที่อยู่ในปีงบประมาณ %d", o->code, f->fy);
		break;
	case OF_LINK_NO_DATE:
		snprintf(buf, cap, en ? "%s: \"%s\" has no date; give the document's date (date:)" :
			"%s: \"%s\" ไม่มีวันที่ของเอกสาร ใส่ date", o->code, href);
		break;
	case OF_MONTHS:
		snprintf(buf, cap, en ? "%s: procurement of fiscal year %d not entered for:" :
			"%s: ยังไม่ได้บันทึกการจัดซื้อจัดจ้างปีงบประมาณ %d เดือน", o->code, f->fy);
		for (k = 0; k < 12; k++)
			if (f->months & (1u << k)) {
				used = strlen(buf);
				snprintf(buf + used, cap - used, " %s", en ? month_abbr_en[k] : month_abbr[k]);
			}
		used = strlen(buf);
		snprintf(buf + used, cap - used, en ? " (records, or no_procurement: for a month without any)" :
			" (ใส่รายการ หรือ no_procurement: ถ้าเดือนนั้นไม่มี)");
		break;
	}
}

const char *oit_state_th(enum oit_state s)
{
	static const char *const t[] = { "มีหลักฐานบนเว็บไซต์นี้", "เอกสารที่นำมาเผยแพร่",
		"อยู่บนเว็บไซต์หลัก", "ยังไม่มีหลักฐาน" };
	return t[s];
}

const char *oit_state_en(enum oit_state s)
{
	static const char *const t[] = { "answered", "hosted document", "on the main website",
		"not yet provided" };
	return t[s];
}

void oit_check(const struct site_ctx *sc, const struct page_job *jobs, size_t n, struct diags *d)
{
	const struct model *m = sc->m;
	size_t y, i, j;

	for (y = 0; y < m->n_oit; y++) {
		const struct oit_year *oy = m->oit[y];
		for (i = 0; i < oy->n_items; i++) {
			const struct oit_item *o = &oy->items[i];
			struct oit_assessment as;
			oit_assess(sc, jobs, n, oy, o, &as);
			for (j = 0; j < as.n; j++) {
				const struct oit_finding *f = &as.f[j];
				int per_link = f->kind == OF_DEAD_LINK || f->kind == OF_LINK_NO_DATE || f->kind == OF_MONTHS;
				struct loc l = { oy->path, per_link ? o->links[f->link].line : o->line,
					per_link ? o->links[f->link].col : 0 };
				char th[512], en[512];
				oit_finding_text(f, o, 0, th, sizeof(th));
				oit_finding_text(f, o, 1, en, sizeof(en));
				diag_warn(d, l, "%s%.0s", "%.0s%s", th, en);
			}
		}
	}
}
