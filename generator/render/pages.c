/* pages.c: the page plan and the view of each page (dispatch); the base
 * view every page shares.  Families live in pages_projects.c, pages_open.c
 * and pages_cases.c; formatters in pages_fmt.c. */
#include "render/pages.h"

#include <stdio.h>
#include <string.h>

#include "publish/assets.h"
#include "render/markdown.h"
#include "model/numfmt.h"
#include "render/svg.h"
#include "render/thaidate.h"
#include "render/pages_int.h"
#include "check/oit.h"

static const char *const reserved_slugs[] = { "projects", "news", "assets", "media", "forms",
	"track", "data", "feeds", "reports", "oit", "search", "dashboard", "stats", "cgi-bin",
	"procurement", "surveys", "complaints", "index", "404", "staff", "print", "participation",
	"services", "corruption-guideline", "e-service", "questions", "manual", NULL };

int page_slug_reserved(const char *slug)
{
	size_t i;

	for (i = 0; reserved_slugs[i]; i++)
		if (strcmp(slug, reserved_slugs[i]) == 0)
			return 1;
	return 0;
}
/* ---- listings cut into pages ---- */

int list_n_pages(size_t n)
{
	size_t k = n ? (n + LIST_PAGE_ROWS - 1) / LIST_PAGE_ROWS : 1;

	return k > LIST_MAX_PAGES ? LIST_MAX_PAGES : (int)k;
}

void list_page_rows(size_t n, int k, int n_pages, size_t *from, size_t *to)
{
	size_t f = k > 1 ? (size_t)(k - 1) * LIST_PAGE_ROWS : 0;

	*from = f < n ? f : n;
	*to = k >= n_pages ? n : (f + LIST_PAGE_ROWS < n ? f + LIST_PAGE_ROWS : n);
}

const char *list_page_path(struct arena *a, const char *first, int k)
{
	size_t n = strlen(first), t = sizeof("index.html") - 1;

	if (k <= 1 || n < t)
		return first;
	return arena_printf(a, "%.*spage/%d/index.html", (int)(n - t), first, k);
}

struct tval *pg_pager(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct page_job *job, const char *first, size_t n_rows)
{
	struct tval *v = tv_map(a), *links = tv_list(a);
	size_t from, to;
	int k, gap = 0;

	if (job->n_pages <= 1)
		return tv_bool(a, 0);
	list_page_rows(n_rows, job->page, job->n_pages, &from, &to);
	/* 1, ..., page-2 .. page+2, ..., n: a row that fits 360 px */
	for (k = 1; k <= job->n_pages; k++) {
		struct tval *l;
		if (k != 1 && k != job->n_pages && (k < job->page - 2 || k > job->page + 2)) {
			if (!gap) {
				l = tv_map(a);
				tv_setb(a, l, "gap", 1);
				tv_push(a, links, l);
			}
			gap = 1;
			continue;
		}
		gap = 0;
		l = tv_map(a);
		tv_sets(a, l, "href", arena_printf(a, "%s%s", root, list_page_path(a, first, k)));
		tv_sets(a, l, "label", pg_integer(sc, a, k));
		tv_setb(a, l, "current", k == job->page);
		tv_push(a, links, l);
	}
	tv_set(a, v, "links", links);
	if (job->page > 1)
		tv_sets(a, v, "prev", arena_printf(a, "%s%s", root, list_page_path(a, first, job->page - 1)));
	if (job->page < job->n_pages)
		tv_sets(a, v, "next", arena_printf(a, "%s%s", root, list_page_path(a, first, job->page + 1)));
	tv_sets(a, v, "page", pg_integer(sc, a, job->page));
	tv_sets(a, v, "n_pages", pg_integer(sc, a, job->n_pages));
	tv_sets(a, v, "from", pg_integer(sc, a, (int64_t)from + 1));
	tv_sets(a, v, "to", pg_integer(sc, a, (int64_t)to));
	tv_sets(a, v, "total", pg_integer(sc, a, (int64_t)n_rows));
	return v;
}

/* ---- common parts ---- */

static struct tval *site_view(const struct site_ctx *sc, struct arena *a)
{
	const struct site *s = &sc->m->site;
	struct tval *v = tv_map(a), *soc = tv_list(a);
	size_t i;

	pg_set_str(a, v, "name", s->name);
	pg_set_str(a, v, "name_en", s->name_en);
	pg_set_str(a, v, "parent", s->parent);
	pg_set_str(a, v, "parent_en", s->parent_en);
	pg_set_str(a, v, "address", s->address);
	pg_set_str(a, v, "phone", s->phone);
	pg_set_str(a, v, "email", s->email);
	pg_set_str(a, v, "license_name", s->license_name);
	pg_set_str(a, v, "license_name_en", s->license_name_en);
	pg_set_str(a, v, "license_url", s->license_url);
	for (i = 0; i < s->n_social; i++) {
		struct tval *l = tv_map(a);
		tv_sets(a, l, "label", s->social[i].label);
		tv_sets(a, l, "url", s->social[i].url);
		tv_push(a, soc, l);
	}
	tv_set(a, v, "social", soc);
	return v;
}

static void nav_add(struct arena *a, struct tval *nav, const char *root, const char *href,
	const char *label, const char *label_en, int current)
{
	struct tval *n = tv_map(a);

	tv_sets(a, n, "href", arena_printf(a, "%s%s", root, href));
	tv_sets(a, n, "label", label);
	if (label_en)
		tv_sets(a, n, "label_en", label_en);
	tv_setb(a, n, "current", current);
	tv_push(a, nav, n);
}

/* asset.KEY: the link to the fingerprinted name of a theme file
 * ({{asset.site_css}}: ROOTassets/css/site.HASH.css). */
static struct tval *asset_view(const struct site_ctx *sc, struct arena *a, const char *root)
{
	struct tval *v = tv_map(a);
	size_t i;

	for (i = 0; sc->assets && i < sc->assets->n; i++)
		if (sc->assets->v[i].fp)
			tv_sets(a, v, sc->assets->v[i].key, arena_printf(a, "%sassets/%s", root, sc->assets->v[i].fp));
	return v;
}

static struct tval *base_view(const struct site_ctx *sc, const struct page_job *job,
	struct arena *a, const char *title, const char *title_en)
{
	const struct model *m = sc->m;
	struct tval *v = tv_map(a), *nav = tv_list(a);
	const char *root = pg_root_of(a, job->depth);
	size_t i;

	if (job->kind == PG_NOT_FOUND) {
		/* served in place of any missing path, at any depth: links start
		 * from the site's own path on its host (base_url) */
		const char *u = m->site.base_url ? strstr(m->site.base_url, "://") : NULL;
		root = u && strchr(u + 3, '/') ? strchr(u + 3, '/') : "/";
	}

	tv_sets(a, v, "root", root);
	tv_set(a, v, "asset", asset_view(sc, a, root));
	tv_sets(a, v, "title", title);
	if (title_en)
		tv_sets(a, v, "title_en", title_en);
	tv_set(a, v, "site", site_view(sc, a));
	tv_setb(a, v, "sample", m->site.sample);
	tv_sets(a, v, "version", sc->version);
	tv_sets(a, v, "today", pg_tdate(sc, a, m->today));
	tv_sets(a, v, "today_iso", pg_isodate(a, m->today));
	{
		/* the date this page's data last changed: the OIT evidence rule
		 * (oit_link_date) for the page's own path; none when unknown */
		struct oit_link self = { .href = job->out, .internal = 1 };
		pdate dd;
		if (job->kind != PG_NOT_FOUND && oit_link_date(sc, &self, &dd)) {
			tv_sets(a, v, "data_date", pg_tdate(sc, a, dd));
			tv_sets(a, v, "data_date_iso", pg_isodate(a, dd));
		}
	}
	tv_sets(a, v, "collector", arena_printf(a, "%s%s", root, m->site.collector));
	nav_add(a, nav, root, "index.html", "หน้าหลัก", "Home", job->kind == PG_HOME);
	nav_add(a, nav, root, "projects/index.html", "โครงการ", "Projects",
		job->kind == PG_PROJECTS || job->kind == PG_PROJECTS_FY || job->kind == PG_FILTER ||
		job->kind == PG_PROJECT);
	nav_add(a, nav, root, "news/index.html", "ข่าว", "News",
		job->kind == PG_NEWS_LIST || job->kind == PG_NEWS);
	for (i = 0; i < m->n_pages; i++) {
		const struct page *p = m->pages[i];
		if (p->menu < 0)
			continue;
		nav_add(a, nav, root, arena_printf(a, "%s/index.html", p->slug), p->title, p->title_en,
			job->kind == PG_PAGE && job->index == i);
	}
	nav_add(a, nav, root, "dashboard/index.html", "แดชบอร์ด", "Dashboard", job->kind == PG_DASHBOARD);
	nav_add(a, nav, root, "data/index.html", "ข้อมูลเปิด", "Open data", job->kind == PG_DATA);
	nav_add(a, nav, root, "search/index.html", "ค้นหา", "Search", job->kind == PG_SEARCH);
	if (m->n_forms)
		nav_add(a, nav, root, "forms/index.html", "ร้องเรียน/แสดงความคิดเห็น", "Complaints & feedback",
			job->kind == PG_FORMS || job->kind == PG_FORM || job->kind == PG_THANKS);
	tv_set(a, v, "nav", nav);
	if (model_form(m, "complaint"))
		tv_sets(a, v, "complaint_href", arena_printf(a, "%sforms/complaint/index.html", root));
	if (model_form(m, "corruption"))
		tv_sets(a, v, "corruption_href", arena_printf(a, "%sforms/corruption/index.html", root));
	tv_sets(a, v, "complaints_href", arena_printf(a, "%scomplaints/index.html", root));
	tv_sets(a, v, "track_href", arena_printf(a, "%strack/index.html", root));
	if (m->n_manual)
		tv_sets(a, v, "manual_href", arena_printf(a, "%smanual/index.html", root));
	tv_sets(a, v, "surveys_href", arena_printf(a, "%ssurveys/index.html", root));
	if (m->n_forms)
		tv_sets(a, v, "eservice_href", arena_printf(a, "%se-service/index.html", root));
	if (pg_has_questions(m))
		tv_sets(a, v, "questions_href", arena_printf(a, "%squestions/index.html", root));
	if (model_form(m, "satisfaction"))
		tv_sets(a, v, "satisfaction_href", arena_printf(a, "%sforms/satisfaction/index.html", root));
	for (i = 0; i < m->n_forms; i++)
		if (m->forms[i].kind == FORM_SURVEY && form_respondent_field(&m->forms[i])) {
			/* the survey of the system itself (the memo's indicator) */
			tv_sets(a, v, "system_survey_href", arena_printf(a, "%sforms/%s/index.html", root,
				m->forms[i].id));
			tv_sets(a, v, "system_results_href", arena_printf(a, "%ssurveys/%s/index.html", root,
				m->forms[i].id));
			break;
		}
	tv_sets(a, v, "canonical", arena_printf(a, "%s%s", m->site.base_url ? m->site.base_url : "",
		strcmp(job->out, "index.html") == 0 ? "" : job->out));
	return v;
}


/* "tel:" and the number's digits and leading "+" (spaces and dashes
 * dropped): "0 4281 1773" -> "tel:042811773". */
static const char *tel_href(struct arena *a, const char *phone)
{
	size_t n = strlen(phone), k = 4;
	char *t = arena_alloc(a, n + 5);

	memcpy(t, "tel:", 4);
	for (; *phone; phone++)
		if ((*phone >= '0' && *phone <= '9') || (*phone == '+' && k == 4))
			t[k++] = *phone;
	t[k] = '\0';
	return t;
}

/* The people marked executive: true, in people.yaml's order, for the page
 * whose slug is "executives" (OIT O2): name, position, photo, contacts. */
static struct tval *executives_view(const struct site_ctx *sc, struct arena *a, const char *root)
{
	const struct model *m = sc->m;
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < m->n_people; i++) {
		const struct person *p = &m->people[i];
		struct tval *e;
		const char *phone = p->phone ? p->phone : m->site.phone;
		if (!p->executive)
			continue;
		e = tv_map(a);
		tv_sets(a, e, "name", p->name);
		pg_set_str(a, e, "name_en", p->name_en);
		pg_set_str(a, e, "position", p->position);
		pg_set_str(a, e, "position_en", p->position_en);
		if (p->photo)
			tv_sets(a, e, "photo", arena_printf(a, "%s%s", root, p->photo));
		pg_set_str(a, e, "phone", phone);
		if (phone)
			tv_sets(a, e, "tel", tel_href(a, phone));
		pg_set_str(a, e, "email", p->email);
		tv_push(a, list, e);
	}
	return list;
}

/* The view of form f; the choice chosen (may be NULL) of its projects
 * field comes selected, and so does the choice respondent (may be NULL)
 * of its respondent field (formdef.h). */
static struct tval *form_view(const struct site_ctx *sc, struct arena *a, const struct form_def *f,
	const char *chosen, const char *respondent)
{
	const struct form_field *rf = form_respondent_field(f);
	struct tval *v = tv_map(a), *fields = tv_list(a);
	size_t i, j;

	(void)sc;
	tv_sets(a, v, "id", f->id);
	tv_sets(a, v, "title", f->title_th);
	tv_sets(a, v, "title_en", f->title_en);
	pg_set_str(a, v, "help", f->help_th);
	pg_set_str(a, v, "help_en", f->help_en);
	tv_sets(a, v, "thanks", f->thanks_th);
	tv_sets(a, v, "thanks_en", f->thanks_en);
	tv_setb(a, v, "complaint", form_kind_coded(f->kind)); /* gets a tracking code */
	tv_setb(a, v, "question", f->kind == FORM_QUESTION);
	tv_setb(a, v, "survey", f->kind == FORM_SURVEY);
	tv_setb(a, v, "corruption", f->channel == CHANNEL_CORRUPTION);
	tv_setb(a, v, "has_files", f->max_files > 0);
	tv_setb(a, v, "multipart", f->max_files > 0);
	tv_sets(a, v, "max_files", arena_printf(a, "%d", f->max_files));
	tv_sets(a, v, "max_file_mb", arena_printf(a, "%ld", f->max_file_size / (1024 * 1024)));
	for (i = 0; i < f->n_fields; i++) {
		const struct form_field *fd = &f->fields[i];
		struct tval *fv = tv_map(a), *choices = tv_list(a);
		tv_sets(a, fv, "name", fd->name);
		tv_sets(a, fv, "id", arena_printf(a, "f-%s", fd->name));
		tv_sets(a, fv, "label", fd->label_th);
		tv_sets(a, fv, "label_en", fd->label_en);
		pg_set_str(a, fv, "help", fd->help_th);
		pg_set_str(a, fv, "help_en", fd->help_en);
		tv_setb(a, fv, "required", fd->required);
		tv_setb(a, fv, "personal", fd->personal);
		tv_sets(a, fv, "max_length", arena_printf(a, "%d", fd->max_length));
		pg_set_str(a, fv, "must_equal", fd->must_equal);
		tv_setb(a, fv, field_type_name(fd->type), 1);
		tv_sets(a, fv, "type", field_type_name(fd->type));
		for (j = 0; j < fd->n_choices; j++) {
			struct tval *c = tv_map(a);
			tv_sets(a, c, "value", fd->choices[j].value);
			tv_sets(a, c, "label", fd->choices[j].label_th);
			tv_sets(a, c, "label_en", fd->choices[j].label_en);
			tv_sets(a, c, "id", arena_printf(a, "f-%s-%zu", fd->name, j));
			tv_setb(a, c, "selected", (chosen && fd->choices_projects &&
				strcmp(fd->choices[j].value, chosen) == 0) ||
				(respondent && fd == rf && strcmp(fd->choices[j].value, respondent) == 0));
			tv_push(a, choices, c);
		}
		tv_set(a, fv, "choices", choices);
		tv_push(a, fields, fv);
	}
	tv_set(a, v, "fields", fields);
	return v;
}

int pg_form_offers(const struct form_def *f, const char *id)
{
	const struct form_field *fd = form_projects_field(f);
	size_t i;

	for (i = 0; fd && i < fd->n_choices; i++)
		if (strcmp(fd->choices[i].value, id) == 0)
			return 1;
	return 0;
}

/* The survey forms that rate project id, each linking its page with the
 * project chosen in advance (a complaint form that offers it is linked
 * apart, as complain_href). */
static struct tval *rating_forms(const struct site_ctx *sc, struct arena *a, const char *root,
	const char *id)
{
	const struct model *m = sc->m;
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < m->n_forms; i++) {
		struct tval *f;

		if (m->forms[i].kind != FORM_SURVEY || !pg_form_offers(&m->forms[i], id))
			continue;
		f = tv_map(a);
		tv_sets(a, f, "title", m->forms[i].title_th);
		tv_sets(a, f, "title_en", m->forms[i].title_en);
		tv_sets(a, f, "href", arena_printf(a, "%sforms/%s/%s/index.html", root, m->forms[i].id, id));
		tv_push(a, list, f);
	}
	return list;
}

/* " หน้า k" for page k >= 2 of a listing, else "". */
static const char *page_suffix(const struct site_ctx *sc, const struct page_job *job, struct arena *a)
{
	return job->page > 1 ? arena_printf(a, " หน้า %s", pg_integer(sc, a, job->page)) : "";
}

static const char *title_of(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	const char **title_en);

const char *page_title(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	const char **title_en)
{
	const char *t = title_of(sc, job, a, title_en);

	if (job->page <= 1)
		return t;
	if (*title_en)
		*title_en = arena_printf(a, "%s, page %d", *title_en, job->page);
	return arena_printf(a, "%s%s", t, page_suffix(sc, job, a));
}

static const char *title_of(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	const char **title_en)
{
	const struct model *m = sc->m;

	*title_en = NULL;
	switch (job->kind) {
	case PG_HOME:
		*title_en = "Progress and spending dashboard";
		return "ภาพรวมความก้าวหน้าและการใช้จ่ายงบประมาณ";
	case PG_PROJECTS:
		*title_en = "Projects";
		return "โครงการและกิจกรรม";
	case PG_PROJECTS_FY:
		*title_en = arena_printf(a, "Projects, fiscal year %d", job->fy);
		return arena_printf(a, "โครงการ %s", pg_fy_label(sc, a, job->fy));
	case PG_FILTER:
		return "โครงการ";
	case PG_PROJECT:
		*title_en = m->projects[job->index]->title_en;
		return m->projects[job->index]->title;
	case PG_NEWS_LIST:
		*title_en = "News";
		return "ข่าวประชาสัมพันธ์";
	case PG_NEWS:
		*title_en = m->news[job->index]->title_en;
		return m->news[job->index]->title;
	case PG_PAGE:
		*title_en = m->pages[job->index]->title_en;
		return m->pages[job->index]->title;
	case PG_NOT_FOUND:
		*title_en = "Page not found";
		return "ไม่พบหน้าที่ต้องการ";
	case PG_FORMS:
		*title_en = "Complaints, reports and feedback";
		return "ร้องเรียน แจ้งเบาะแส และประเมินความพึงพอใจ";
	case PG_FORM:
		*title_en = m->forms[job->index].title_en;
		return m->forms[job->index].title_th;
	case PG_THANKS:
		*title_en = "Thank you";
		return arena_printf(a, "ขอบคุณ: %s", m->forms[job->index].title_th);
	case PG_DASHBOARD:
		*title_en = "Executive dashboard";
		return arena_printf(a, "แดชบอร์ดผู้บริหาร %s", pg_fy_label(sc, a, sc->dv->current_fy));
	case PG_REPORTS:
		*title_en = "Performance reports";
		return "รายงานผลการดำเนินงาน";
	case PG_REPORT:
		*title_en = job->index ? arena_printf(a, "Annual report, fiscal year %d", job->fy) :
			arena_printf(a, "Six-month report, fiscal year %d", job->fy);
		return arena_printf(a, "%s %s", job->index ? "รายงานผลการดำเนินงานประจำปี" :
			"รายงานผลการดำเนินงานรอบ 6 เดือน", pg_fy_label(sc, a, job->fy));
	case PG_OIT:
		*title_en = "ITA/OIT evidence index";
		return m->n_oit ? arena_printf(a, "ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี %s",
			pg_disp(sc, a, arena_printf(a, "%d", m->oit[job->index]->year))) :
			"ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT)";
	case PG_PROCUREMENT:
		*title_en = "Procurement";
		if (!job->fy)
			return "การจัดซื้อจัดจ้าง";
		if (!job->index)
			return arena_printf(a, "สรุปผลการจัดซื้อจัดจ้าง %s", pg_fy_label(sc, a, job->fy));
		return arena_printf(a, "สรุปผลการดำเนินการจัดซื้อจัดจ้าง เดือน %s",
			pg_month_label(sc, a, fiscal_month_year(job->fy, (int)job->index), (int)job->index));
	case PG_DATA:
		*title_en = "Open data";
		return "ข้อมูลเปิด";
	case PG_REVISIONS:
		*title_en = "Recent corrections";
		return "การแก้ไขล่าสุด";
	case PG_SEARCH:
		*title_en = "Search";
		return "ค้นหา";
	case PG_PARTICIPATION:
		*title_en = job->fy ? arena_printf(a, "Public participation, fiscal year %d", job->fy) :
			"Public participation";
		return job->fy ? arena_printf(a, "การเปิดโอกาสให้มีส่วนร่วม %s", pg_fy_label(sc, a, job->fy)) :
			"การเปิดโอกาสให้มีส่วนร่วม";
	case PG_SERVICES:
		*title_en = "Service guides";
		return "คู่มือการขอรับบริการ";
	case PG_ESERVICE:
		*title_en = "Online services (e-service): how to use them and how often they are used";
		return "บริการออนไลน์ (E-Service): วิธีใช้และสถิติการใช้บริการ";
	case PG_QUESTIONS:
		*title_en = "Questions and answers";
		return "ถาม-ตอบ";
	case PG_GUIDELINE:
		*title_en = "Guideline for corruption and misconduct complaints";
		return m->guideline && m->guideline->title ? m->guideline->title :
			"แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ";
	case PG_STAFF_SIGNIN:
		*title_en = "Staff sign-in";
		return "เข้าสู่ระบบเจ้าหน้าที่";
	case PG_PRINT_INDEX:
		*title_en = "Print kit: notice sheets and QR codes";
		return "เอกสารสำหรับพิมพ์: แผ่นประกาศและคิวอาร์โค้ด";
	case PG_PRINT_PROJECT:
		*title_en = m->projects[job->index]->title_en;
		return arena_printf(a, "ประกาศโครงการ: %s", m->projects[job->index]->title);
	case PG_PRINT_POSTER:
		*title_en = "Follow our projects and have your say online";
		return "ติดตามโครงการและแจ้งเรื่องถึงสำนักงานทางออนไลน์";
	case PG_PRINT_ANNOUNCE:
		*title_en = "Announcement: the project progress tracking system";
		return "แจ้งเวียน: ระบบติดตามความก้าวหน้าโครงการ";
	case PG_MANUAL_INDEX:
	case PG_MANUAL_PRINT:
		*title_en = "User manual";
		return "คู่มือการใช้งานระบบติดตามความก้าวหน้าโครงการ";
	case PG_MANUAL:
		*title_en = m->manual[job->index]->title_en;
		return m->manual[job->index]->title;
	case PG_TRACK:
		*title_en = "Track a complaint";
		return "ติดตามเรื่องร้องเรียน";
	case PG_TRACK_CASE:
		*title_en = arena_printf(a, "Complaint %s", sc->cs->cases[job->index].code);
		return arena_printf(a, "ติดตามเรื่อง %s", sc->cs->cases[job->index].code);
	case PG_COMPLAINTS:
		*title_en = arena_printf(a, "Complaint statistics, fiscal year %d",
			job->fy ? job->fy : sc->dv->current_fy);
		return arena_printf(a, "ผลการดำเนินงานเรื่องร้องเรียน %s",
			pg_fy_label(sc, a, job->fy ? job->fy : sc->dv->current_fy));
	case PG_SURVEYS:
		*title_en = "Satisfaction survey results";
		return "ผลการประเมินความพึงพอใจ";
	case PG_SURVEY:
		*title_en = arena_printf(a, "Results: %s", sc->cs->surveys[job->index].form->title_en);
		return arena_printf(a, "ผลการประเมิน: %s", sc->cs->surveys[job->index].form->title_th);
	}
	return "";
}

struct tval *page_view(const struct site_ctx *sc, const struct page_job *job, struct arena *a)
{
	const struct model *m = sc->m;
	const char *title_en, *title = page_title(sc, job, a, &title_en);
	struct tval *v = base_view(sc, job, a, title, title_en);
	const char *root = tv_get(v, "root")->s;
	size_t i;

	switch (job->kind) {
	case PG_HOME:
		pg_home_page(sc, a, v, root);
		break;
	case PG_PROJECTS:
	case PG_PROJECTS_FY:
		pg_fy_list_page(sc, job, a, v, root);
		break;
	case PG_FILTER:
		pg_filter_page(sc, job, a, v, root);
		tv_sets(a, v, "title", arena_printf(a, "%s: %s%s", tv_get(v, "facet_name")->s,
			tv_get(v, "fy_label")->s, page_suffix(sc, job, a)));
		break;
	case PG_PROJECT:
		pg_project_page(sc, m->projects[job->index], a, v, root);
		tv_set(a, v, "rating_forms", rating_forms(sc, a, root, m->projects[job->index]->id));
		tv_sets(a, v, "sheet_href", arena_printf(a, "%sprint/projects/%s/index.html", root,
			m->projects[job->index]->id));
		if (model_form(m, "complaint") && pg_form_offers(model_form(m, "complaint"),
			m->projects[job->index]->id))
			tv_sets(a, v, "complain_href", arena_printf(a, "%sforms/complaint/%s/index.html", root,
				m->projects[job->index]->id));
		break;
	case PG_PRINT_PROJECT:
		pg_print_project(sc, m->projects[job->index], a, v, root);
		break;
	case PG_PRINT_INDEX:
	case PG_PRINT_POSTER:
	case PG_PRINT_ANNOUNCE:
		pg_print_page(sc, job, a, v, root);
		break;
	case PG_MANUAL_INDEX:
	case PG_MANUAL:
	case PG_MANUAL_PRINT:
		pg_manual_page(sc, job, a, v, root);
		break;
	case PG_NEWS_LIST: {
		struct tval *list = tv_list(a);
		for (i = 0; i < m->n_news; i++)
			tv_push(a, list, pg_news_item(sc, a, root, m->news[i]));
		tv_set(a, v, "news", list);
		break;
	}
	case PG_NEWS:
		tv_set(a, v, "item", pg_news_item(sc, a, root, m->news[job->index]));
		tv_sets(a, v, "body", markdown_html(a, m->news[job->index]->body));
		break;
	case PG_PAGE:
		pg_set_str(a, v, "summary", m->pages[job->index]->summary);
		tv_sets(a, v, "body", markdown_html(a, m->pages[job->index]->body));
		if (strcmp(m->pages[job->index]->slug, "executives") == 0) {
			struct tval *ex = executives_view(sc, a, root);
			tv_set(a, v, "executives", ex);
			tv_setb(a, v, "has_executives", tv_truthy(ex));
		}
		break;
	case PG_FORMS: {
		struct tval *list = tv_list(a);
		for (i = 0; i < m->n_forms; i++) {
			struct tval *f = form_view(sc, a, &m->forms[i], NULL, NULL);
			tv_sets(a, f, "href", arena_printf(a, "%sforms/%s/index.html", root, m->forms[i].id));
			tv_push(a, list, f);
		}
		tv_set(a, v, "forms", list);
		break;
	}
	case PG_DASHBOARD:
		pg_dashboard(sc, a, v, root);
		break;
	case PG_REPORTS:
		pg_reports_index(sc, a, v, root);
		break;
	case PG_REPORT:
		pg_report(sc, job, a, v, root);
		break;
	case PG_OIT:
		pg_oit(sc, job, a, v, root);
		break;
	case PG_PROCUREMENT:
		pg_procurement(sc, job, a, v, root);
		break;
	case PG_DATA:
		pg_data(sc, a, v, root);
		break;
	case PG_REVISIONS:
		pg_revisions(sc, a, v, root);
		break;
	case PG_TRACK:
	case PG_TRACK_CASE:
		pg_track(sc, job, a, v, root);
		break;
	case PG_COMPLAINTS:
		pg_complaints(sc, job, a, v, root);
		break;
	case PG_SURVEYS:
	case PG_SURVEY:
		pg_surveys(sc, job, a, v, root);
		break;
	case PG_PARTICIPATION:
		pg_participation(sc, job, a, v, root);
		break;
	case PG_SERVICES:
		pg_services(sc, a, v, root);
		break;
	case PG_GUIDELINE:
		pg_guideline(sc, a, v, root);
		break;
	case PG_ESERVICE:
		pg_eservice(sc, a, v, root);
		break;
	case PG_QUESTIONS:
		pg_questions(sc, a, v, root);
		break;
	case PG_STAFF_SIGNIN:
		tv_setb(a, v, "noindex", 1);
		tv_sets(a, v, "login_action", arena_printf(a, "%sstaff/staff.cgi/login", root));
		tv_sets(a, v, "print_href", arena_printf(a, "%sprint/index.html", root));
		break;
	case PG_FORM:
	case PG_THANKS:
		tv_set(a, v, "form", form_view(sc, a, &m->forms[job->index], job->project, job->respondent));
		tv_sets(a, v, "action", arena_printf(a, "%s%s/%s", root, m->site.collector,
			m->forms[job->index].id));
		tv_sets(a, v, "form_href", arena_printf(a, "%sforms/%s/index.html", root,
			m->forms[job->index].id));
		break;
	default:
		break;
	}
	if (m->site.sample)
		tv_setb(a, v, "sample", 1);
	return v;
}

/* ---- the plan ---- */

struct plan {
	struct page_job *jobs;
	size_t n, alloc;
	struct arena *a;
};

static struct page_job *add_job(struct plan *pl, enum page_kind kind, const char *tmpl,
	const char *out)
{
	struct page_job *j;
	const char *p;

	if (pl->n == pl->alloc) {
		size_t na = pl->alloc ? pl->alloc * 2 : 256;
		struct page_job *nj = arena_alloc(pl->a, na * sizeof(*nj));
		if (pl->n)
			memcpy(nj, pl->jobs, pl->n * sizeof(*nj));
		pl->jobs = nj;
		pl->alloc = na;
	}
	j = &pl->jobs[pl->n++];
	memset(j, 0, sizeof(*j));
	j->kind = kind;
	j->tmpl = tmpl;
	j->out = out;
	for (p = out; *p; p++)
		j->depth += *p == '/';
	return j;
}

/* A listing whose page 1 is at out: one job per page (pages.h), each a
 * copy of proto but for its path and page; first: the path of page 1 of
 * the list its page links lead to (out itself but for PG_PROJECTS). */
static void add_listing(struct plan *pl, const struct site_ctx *sc, const struct page_job *proto,
	const char *out, const char *first)
{
	struct page_job *j;
	int n = list_n_pages(pg_listing_rows(sc, proto)), k;

	for (k = 1; k <= n; k++) {
		j = add_job(pl, proto->kind, proto->tmpl, k == 1 ? out : list_page_path(pl->a, first, k));
		j->fy = proto->fy;
		j->facet = proto->facet;
		j->index = proto->index;
		j->page = k;
		j->n_pages = n;
		j->first = first;
	}
}

/* The filter page projects/<fy>/<folder>/<value>/index.html (and its
 * later pages). */
static void add_filter_job(struct plan *pl, const struct site_ctx *sc, int fy, enum facet facet,
	const char *folder, const char *value, size_t index)
{
	struct page_job proto = { .kind = PG_FILTER, .tmpl = "filter", .fy = fy, .facet = facet,
		.index = index };

	const char *out = arena_printf(pl->a, "projects/%d/%s/%s/index.html", fy, folder, value);

	add_listing(pl, sc, &proto, out, out);
}

struct page_job *pages_plan(const struct site_ctx *sc, struct arena *a, size_t *n)
{
	const struct model *m = sc->m;
	const struct site *s = &m->site;
	struct plan pl = { NULL, 0, 0, a };
	struct page_job *j;
	size_t i, k;
	const struct form_field *rf;
	int st;

	add_job(&pl, PG_HOME, "home", "index.html");
	{
		/* projects/index.html: page 1 of the current year's list, whose
		 * later pages are that year's own */
		struct page_job proto = { .kind = PG_PROJECTS, .tmpl = "projects", .fy = sc->dv->current_fy };
		j = add_job(&pl, PG_PROJECTS, "projects", "projects/index.html");
		j->fy = proto.fy;
		j->page = 1;
		j->n_pages = list_n_pages(pg_listing_rows(sc, &proto));
		j->first = arena_printf(a, "projects/%d/index.html", proto.fy);
	}
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i];
		struct page_job proto = { .kind = PG_PROJECTS_FY, .tmpl = "projects", .fy = fy };
		const char *out = arena_printf(a, "projects/%d/index.html", fy);
		add_listing(&pl, sc, &proto, out, out);
		for (k = 0; k < s->n_groups; k++)
			add_filter_job(&pl, sc, fy, FACET_GROUP, "group", s->groups[k].id, k);
		for (k = 0; k < s->n_districts; k++)
			add_filter_job(&pl, sc, fy, FACET_DISTRICT, "district", s->districts[k].id, k);
		for (k = 0; k < s->n_dimensions; k++)
			add_filter_job(&pl, sc, fy, FACET_DIMENSION, "dimension", s->dimensions[k].id, k);
		for (st = 0; st < ST__COUNT; st++)
			add_filter_job(&pl, sc, fy, FACET_STATUS, "status", status_name((enum project_status)st),
				(size_t)st);
	}
	for (i = 0; i < m->n_projects; i++) {
		j = add_job(&pl, PG_PROJECT, "project", arena_printf(a, "projects/%s/index.html",
			m->projects[i]->id));
		j->index = i;
	}
	add_job(&pl, PG_NEWS_LIST, "news-list", "news/index.html");
	for (i = 0; i < m->n_news; i++) {
		char iso[11];
		date_iso(m->news[i]->date, iso);
		j = add_job(&pl, PG_NEWS, "news", arena_printf(a, "news/%s-%s/index.html", iso,
			m->news[i]->slug));
		j->index = i;
	}
	for (i = 0; i < m->n_pages; i++) {
		j = add_job(&pl, PG_PAGE, "page", arena_printf(a, "%s/index.html", m->pages[i]->slug));
		j->index = i;
	}
	if (m->n_forms) {
		add_job(&pl, PG_FORMS, "forms", "forms/index.html");
		for (i = 0; i < m->n_forms; i++) {
			j = add_job(&pl, PG_FORM, "form", arena_printf(a, "forms/%s/index.html", m->forms[i].id));
			j->index = i;
			j = add_job(&pl, PG_THANKS, "thanks", arena_printf(a, "forms/%s/thanks/index.html",
				m->forms[i].id));
			j->index = i;
			for (k = 0; k < m->n_projects; k++) {
				if (!pg_form_offers(&m->forms[i], m->projects[k]->id))
					continue;
				j = add_job(&pl, PG_FORM, "form", arena_printf(a, "forms/%s/%s/index.html",
					m->forms[i].id, m->projects[k]->id));
				j->index = i;
				j->project = m->projects[k]->id;
			}
			/* one page per respondent type, that type chosen in advance */
			rf = form_respondent_field(&m->forms[i]);
			for (k = 0; rf && k < rf->n_choices; k++) {
				j = add_job(&pl, PG_FORM, "form", arena_printf(a, FORM_RESPONDENT_PATH,
					m->forms[i].id, rf->choices[k].value));
				j->index = i;
				j->respondent = rf->choices[k].value;
			}
		}
	}
	add_job(&pl, PG_TRACK, "track", "track/index.html");
	for (i = 0; i < sc->cs->n_cases; i++) {
		j = add_job(&pl, PG_TRACK_CASE, "track", arena_printf(a, "track/%s/index.html",
			sc->cs->cases[i].code));
		j->index = i;
	}
	add_job(&pl, PG_COMPLAINTS, "complaints", "complaints/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		j = add_job(&pl, PG_COMPLAINTS, "complaints", arena_printf(a, "complaints/%d/index.html",
			s->fiscal_years[i]));
		j->fy = s->fiscal_years[i];
	}
	add_job(&pl, PG_SURVEYS, "surveys", "surveys/index.html");
	for (i = 0; i < sc->cs->n_surveys; i++) {
		j = add_job(&pl, PG_SURVEY, "surveys", arena_printf(a, "surveys/%s/index.html",
			sc->cs->surveys[i].form->id));
		j->index = i;
	}
	add_job(&pl, PG_DASHBOARD, "dashboard", "dashboard/index.html");
	add_job(&pl, PG_REPORTS, "reports", "reports/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i];
		if (m->today < fiscal_year_start(fy))
			continue; /* nothing to report yet */
		for (k = 0; k < 2; k++) {
			struct page_job proto = { .kind = PG_REPORT, .tmpl = "report", .fy = fy, .index = k };
			const char *out = arena_printf(a, "reports/%d/%s/index.html", fy, k ? "annual" : "half-year");
			add_listing(&pl, sc, &proto, out, out);
		}
	}
	j = add_job(&pl, PG_OIT, "oit", "oit/index.html");
	j->index = m->n_oit ? m->n_oit - 1 : 0;
	for (i = 0; i < m->n_oit; i++) {
		j = add_job(&pl, PG_OIT, "oit", arena_printf(a, "oit/%d/index.html", m->oit[i]->year));
		j->fy = m->oit[i]->year;
		j->index = i;
	}
	add_job(&pl, PG_PROCUREMENT, "procurement", "procurement/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		int fy = s->fiscal_years[i], mo;
		j = add_job(&pl, PG_PROCUREMENT, "procurement", arena_printf(a, "procurement/%d/index.html", fy));
		j->fy = fy;
		for (mo = 1; mo <= 12; mo++) {
			j = add_job(&pl, PG_PROCUREMENT, "procurement",
				arena_printf(a, "procurement/%d/%02d/index.html", fy, mo));
			j->fy = fy;
			j->index = (size_t)mo;
		}
	}
	add_job(&pl, PG_PARTICIPATION, "participation", "participation/index.html");
	for (i = 0; i < s->n_fiscal_years; i++) {
		j = add_job(&pl, PG_PARTICIPATION, "participation",
			arena_printf(a, "participation/%d/index.html", s->fiscal_years[i]));
		j->fy = s->fiscal_years[i];
	}
	if (m->n_services)
		add_job(&pl, PG_SERVICES, "services", "services/index.html");
	if (m->guideline)
		add_job(&pl, PG_GUIDELINE, "guideline", "corruption-guideline/index.html");
	if (m->n_forms)
		add_job(&pl, PG_ESERVICE, "eservice", "e-service/index.html");
	if (pg_has_questions(m))
		add_job(&pl, PG_QUESTIONS, "questions", "questions/index.html");
	add_job(&pl, PG_DATA, "data", "data/index.html");
	add_job(&pl, PG_REVISIONS, "revisions", "revisions/index.html");
	add_job(&pl, PG_SEARCH, "search", "search/index.html");
	add_job(&pl, PG_NOT_FOUND, "404", "404.html");
	add_job(&pl, PG_STAFF_SIGNIN, "staff-signin", "staff/index.html");
	{
		struct page_job proto = { .kind = PG_PRINT_INDEX, .tmpl = "print-index" };
		add_listing(&pl, sc, &proto, "print/index.html", "print/index.html");
	}
	for (i = 0; i < m->n_projects; i++) {
		j = add_job(&pl, PG_PRINT_PROJECT, "print-project", arena_printf(a, "print/projects/%s/index.html",
			m->projects[i]->id));
		j->index = i;
	}
	add_job(&pl, PG_PRINT_POSTER, "print-poster", "print/poster/index.html");
	add_job(&pl, PG_PRINT_ANNOUNCE, "print-announcement", "print/announcement/index.html");
	if (m->n_manual) {
		add_job(&pl, PG_MANUAL_INDEX, "manual", "manual/index.html");
		for (i = 0; i < m->n_manual; i++) {
			j = add_job(&pl, PG_MANUAL, "manual", arena_printf(a, "manual/%s/index.html", m->manual[i]->slug));
			j->index = i;
		}
		add_job(&pl, PG_MANUAL_PRINT, "manual-print", "manual/print/index.html");
	}
	*n = pl.n;
	return pl.jobs;
}
