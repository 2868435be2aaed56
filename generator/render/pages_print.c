/* pages_print.c: the print kit under print/: a notice sheet per project, the
 * office poster, the announcement for officers and executives, and their
 * index (pages_int.h).  Every QR code carries an absolute URL under
 * site.yaml's base_url; the page also prints that URL beside it. */
#include <string.h>

#include "render/pages_int.h"
#include "render/qr.h"

/* The absolute URL of path (relative to the site root); NULL without a
 * base_url. */
static const char *abs_url(const struct site_ctx *sc, struct arena *a, const char *path)
{
	const char *base = sc->m->site.base_url;

	return base ? arena_printf(a, "%s%s", base, path) : NULL;
}

/* A code's view: its label, the absolute URL of path (url; path "" is the
 * site's home, base_url itself), the page's own relative link (href), and
 * the SVG (qr; none when there is no base_url or the URL is too long for a
 * code). */
static struct tval *code_view(const struct site_ctx *sc, struct arena *a, const char *root,
	const char *id, const char *path, const char *label, const char *label_en)
{
	struct tval *v = tv_map(a);
	const char *url = abs_url(sc, a, path);
	const char *svg = url ? qr_svg(a, id, url, arena_printf(a, "คิวอาร์โค้ด: %s (%s)", label, url)) : NULL;

	tv_sets(a, v, "id", id);
	tv_sets(a, v, "label", label);
	pg_set_str(a, v, "label_en", label_en);
	tv_sets(a, v, "href", arena_printf(a, "%s%s", root, *path ? path : "index.html"));
	pg_set_opt(a, v, "url", url);
	pg_set_opt(a, v, "qr", svg);
	return v;
}

/* The complaint form's page with project id chosen in advance when the
 * form offers it (forms/complaint/<id>/), else the form itself; NULL when
 * the site has no complaint form. */
static const char *complaint_path(const struct site_ctx *sc, struct arena *a, const char *id)
{
	const struct form_def *f = model_form(sc->m, "complaint");

	if (!f)
		return NULL;
	if (id && pg_form_offers(f, id))
		return arena_printf(a, "forms/complaint/%s/index.html", id);
	return "forms/complaint/index.html";
}

void pg_print_project(const struct site_ctx *sc, const struct project *p, struct arena *a,
	struct tval *v, const char *root)
{
	const struct person *o = model_person(sc->m, p->owner);
	const char *phone = o && o->phone ? o->phone : sc->m->site.phone;
	const char *cpath = complaint_path(sc, a, p->id);

	pg_project_page(sc, p, a, v, root);
	tv_setb(a, v, "noindex", 1);
	tv_sets(a, v, "project_title", p->title);
	pg_set_str(a, v, "owner_phone", phone);
	tv_sets(a, v, "project_href", arena_printf(a, "%sprojects/%s/index.html", root, p->id));
	tv_set(a, v, "live", code_view(sc, a, root, "qr-live",
		arena_printf(a, "projects/%s/index.html", p->id), "หน้าโครงการนี้ (ข้อมูลล่าสุด)",
		"This project's live page"));
	if (cpath)
		tv_set(a, v, "complain", code_view(sc, a, root, "qr-complain", cpath,
			"ร้องเรียนเรื่องโครงการนี้", "Complain about this project"));
	tv_sets(a, v, "print_href", arena_printf(a, "%sprint/index.html", root));
}

/* The poster's codes: the site, the complaint form, the corruption channel,
 * the satisfaction survey and the case tracker (each form only when the
 * site has it). */
static struct tval *poster_codes(const struct site_ctx *sc, struct arena *a, const char *root)
{
	struct tval *list = tv_list(a);

	tv_push(a, list, code_view(sc, a, root, "qr-site", "",
		"เว็บไซต์ติดตามโครงการของสำนักงาน", "The office's project website"));
	if (model_form(sc->m, "complaint"))
		tv_push(a, list, code_view(sc, a, root, "qr-complaint", "forms/complaint/index.html",
			"ร้องเรียน/ร้องทุกข์", "Complaints"));
	if (model_form(sc->m, "corruption"))
		tv_push(a, list, code_view(sc, a, root, "qr-corruption", "forms/corruption/index.html",
			"แจ้งเบาะแสการทุจริต (เป็นความลับ)", "Report corruption (confidential)"));
	if (model_form(sc->m, "satisfaction"))
		tv_push(a, list, code_view(sc, a, root, "qr-satisfaction", "forms/satisfaction/index.html",
			"ประเมินความพึงพอใจ", "Satisfaction survey"));
	tv_push(a, list, code_view(sc, a, root, "qr-track", "track/index.html",
		"ติดตามเรื่องร้องเรียน", "Track a complaint"));
	return list;
}

/* The people with the admin role, in people.yaml's order: whom officers
 * ask about accounts. */
static struct tval *admins_view(const struct site_ctx *sc, struct arena *a)
{
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < sc->m->n_people; i++) {
		const struct person *p = &sc->m->people[i];
		struct tval *e;
		if (!(p->roles & ROLE_ADMIN))
			continue;
		e = tv_map(a);
		tv_sets(a, e, "name", p->name);
		pg_set_str(a, e, "position", p->position);
		pg_set_str(a, e, "phone", p->phone);
		pg_set_str(a, e, "email", p->email);
		tv_push(a, list, e);
	}
	return list;
}

void pg_print_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	size_t i;

	tv_setb(a, v, "noindex", 1);
	tv_sets(a, v, "print_href", arena_printf(a, "%sprint/index.html", root));
	switch (job->kind) {
	case PG_PRINT_POSTER:
		tv_set(a, v, "codes", poster_codes(sc, a, root));
		break;
	case PG_PRINT_ANNOUNCE: {
		struct tval *admins = admins_view(sc, a);
		tv_set(a, v, "site_code", code_view(sc, a, root, "qr-site", "",
			"เว็บไซต์ติดตามโครงการ", "The project website"));
		tv_set(a, v, "staff_code", code_view(sc, a, root, "qr-staff", "staff/index.html",
			"เข้าสู่ระบบเจ้าหน้าที่", "Staff sign-in"));
		tv_set(a, v, "admins", admins);
		tv_setb(a, v, "has_admins", tv_truthy(admins));
		break;
	}
	case PG_PRINT_INDEX: {
		struct tval *list = tv_list(a);
		size_t from, to;
		list_page_rows(m->n_projects, job->page, job->n_pages, &from, &to);
		tv_set(a, v, "pager", pg_pager(sc, a, root, job, job->first, m->n_projects));
		tv_setb(a, v, "later", job->page > 1);
		for (i = from; i < to; i++) {
			const struct project *p = m->projects[i];
			struct tval *e = tv_map(a);
			tv_sets(a, e, "id", p->id);
			tv_sets(a, e, "title", p->title);
			tv_sets(a, e, "fy", pg_disp(sc, a, arena_printf(a, "%d", p->fiscal_year)));
			tv_sets(a, e, "href", arena_printf(a, "%sprint/projects/%s/index.html", root, p->id));
			tv_push(a, list, e);
		}
		tv_set(a, v, "sheets", list);
		tv_sets(a, v, "poster_href", arena_printf(a, "%sprint/poster/index.html", root));
		tv_sets(a, v, "announcement_href", arena_printf(a, "%sprint/announcement/index.html", root));
		break;
	}
	default:
		break;
	}
}
