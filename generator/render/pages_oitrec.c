/* pages_oitrec.c: the pages of the OIT records: participation activities
 * per fiscal year (O19), service guides (O9), the corruption-complaint
 * guideline (O16).  The words a page must show when a part is empty
 * ("ไม่มีค่าธรรมเนียม", "ไม่ต้องใช้เอกสาร", "ยังไม่มีกิจกรรม...") are
 * set here, once. */
#include <string.h>

#include "load/ycheck.h"
#include "model/schema.h"
#include "render/markdown.h"
#include "derive/stats.h"
#include "render/pages_int.h"

/* A link of the content: a site path gets the page's root in front. */
static const char *content_href(struct arena *a, const char *root, const char *url)
{
	return link_kind(url) == LINK_SITE ? arena_printf(a, "%s%s", root, url) : url;
}

static struct tval *text_items(struct arena *a, const char *const *items, size_t n)
{
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < n; i++) {
		struct tval *t = tv_map(a);
		tv_sets(a, t, "text", items[i]);
		tv_sets(a, t, "no", arena_printf(a, "%zu", i + 1));
		tv_push(a, list, t);
	}
	return list;
}

static int format_index(const char *id)
{
	int i;

	for (i = 0; part_format_v[i]; i++)
		if (strcmp(part_format_v[i], id) == 0)
			return i;
	return 0;
}

static struct tval *activity_view(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct participation *p)
{
	const struct model *m = sc->m;
	struct tval *v = tv_map(a), *groups = tv_list(a), *links = tv_list(a), *projects = tv_list(a);
	const struct named *dist = p->district ? model_district(m, p->district) : NULL;
	int fi = format_index(p->format);
	size_t i;

	tv_sets(a, v, "id", p->slug);
	tv_sets(a, v, "topic", p->topic);
	pg_set_opt(a, v, "topic_en", p->topic_en);
	tv_sets(a, v, "date", pg_tdate(sc, a, p->date));
	tv_sets(a, v, "date_iso", pg_isodate(a, p->date));
	tv_sets(a, v, "format", part_format_th[fi]);
	tv_sets(a, v, "format_en", part_format_en[fi]);
	pg_set_opt(a, v, "district", dist ? dist->name : NULL);
	pg_set_opt(a, v, "place", p->place);
	for (i = 0; i < p->n_groups; i++) {
		struct tval *g = tv_map(a);
		tv_sets(a, g, "group", p->groups[i].group);
		tv_sets(a, g, "count", pg_integer(sc, a, p->groups[i].count));
		tv_push(a, groups, g);
	}
	tv_set(a, v, "participants", groups);
	tv_sets(a, v, "total", pg_integer(sc, a, p->total));
	tv_sets(a, v, "outcome", markdown_html(a, p->outcome));
	tv_sets(a, v, "changes", markdown_html(a, p->changes));
	for (i = 0; i < p->n_links; i++) {
		struct tval *l = tv_map(a);
		tv_sets(a, l, "label", p->links[i].label);
		tv_sets(a, l, "href", content_href(a, root, p->links[i].url));
		tv_push(a, links, l);
	}
	tv_set(a, v, "links", links);
	for (i = 0; i < p->n_projects; i++) {
		const struct project *pr = model_project(m, p->projects[i].id);
		struct tval *l;
		if (!pr)
			continue;
		l = tv_map(a);
		tv_sets(a, l, "title", pr->title);
		tv_sets(a, l, "href", arena_printf(a, "%sprojects/%s/index.html", root, pr->id));
		tv_push(a, projects, l);
	}
	tv_set(a, v, "projects", projects);
	tv_setb(a, v, "has_projects", tv_truthy(projects));
	tv_setb(a, v, "has_links", p->n_links > 0);
	if (p->body && p->body[strspn(p->body, " \t\r\n")])
		tv_sets(a, v, "body", markdown_html(a, p->body));
	return v;
}

void pg_participation(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *years = tv_list(a), *acts = tv_list(a);
	size_t i, k;

	for (k = m->site.n_fiscal_years; k > 0; k--) {
		int fy = m->site.fiscal_years[k - 1], n = 0;
		struct tval *y = tv_map(a);
		for (i = 0; i < m->n_participation; i++)
			n += m->participation[i]->fiscal_year == fy;
		tv_sets(a, y, "label", pg_fy_label(sc, a, fy));
		tv_sets(a, y, "href", arena_printf(a, "%sparticipation/%d/index.html", root, fy));
		tv_sets(a, y, "n", pg_integer(sc, a, n));
		tv_push(a, years, y);
	}
	tv_set(a, v, "years", years);
	if (!job->fy)
		return;
	tv_sets(a, v, "fy_label", pg_fy_label(sc, a, job->fy));
	for (i = 0; i < m->n_participation; i++)
		if (m->participation[i]->fiscal_year == job->fy)
			tv_push(a, acts, activity_view(sc, a, root, m->participation[i]));
	tv_set(a, v, "activities", acts);
	tv_setb(a, v, "year", 1);
}

void pg_services(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *list = tv_list(a);
	size_t i;

	(void)root;
	for (i = 0; i < m->n_services; i++) {
		const struct service *s = m->services[i];
		struct tval *sv = tv_map(a);
		tv_sets(a, sv, "id", s->slug);
		tv_sets(a, sv, "name", s->name);
		pg_set_opt(a, sv, "name_en", s->name_en);
		pg_set_opt(a, sv, "who", s->who);
		pg_set_opt(a, sv, "unit", s->unit);
		tv_set(a, sv, "steps", text_items(a, s->steps, s->n_steps));
		tv_sets(a, sv, "time", s->time);
		tv_set(a, sv, "channels", text_items(a, s->channels, s->n_channels));
		tv_sets(a, sv, "fee", s->fee ? arena_printf(a, "%s บาท", pg_money(sc, a, s->fee)) :
			"ไม่มีค่าธรรมเนียม");
		pg_set_opt(a, sv, "fee_note", s->fee_note);
		tv_set(a, sv, "documents", text_items(a, s->documents, s->n_documents));
		tv_setb(a, sv, "no_documents", s->n_documents == 0);
		if (s->updated)
			tv_sets(a, sv, "updated", pg_tdate(sc, a, s->updated));
		tv_push(a, list, sv);
	}
	tv_set(a, v, "services", list);
}

void pg_guideline(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	const struct guideline *g = sc->m->guideline;
	struct tval *steps = tv_list(a);
	size_t i;

	if (!g)
		return;
	pg_set_opt(a, v, "scope", g->scope);
	tv_sets(a, v, "how_to_report", markdown_html(a, g->how_to_report));
	for (i = 0; i < g->n_steps; i++) {
		struct tval *s = tv_map(a);
		tv_sets(a, s, "no", pg_integer(sc, a, (int64_t)i + 1));
		tv_sets(a, s, "step", g->steps[i].step);
		tv_sets(a, s, "time", g->steps[i].time);
		pg_set_opt(a, s, "by", g->steps[i].by);
		tv_push(a, steps, s);
	}
	tv_set(a, v, "steps", steps);
	tv_sets(a, v, "responsible", g->responsible);
	pg_set_opt(a, v, "contact", g->contact);
	tv_set(a, v, "channels", text_items(a, g->channels, g->n_channels));
	if (sc->m->n_forms && model_form(sc->m, "corruption"))
		tv_sets(a, v, "form_href", arena_printf(a, "%sforms/corruption/index.html", root));
	tv_sets(a, v, "protection", markdown_html(a, g->protection));
	if (g->updated)
		tv_sets(a, v, "updated", pg_tdate(sc, a, g->updated));
}

/* The first form of kind k, or NULL. */
static const struct form_def *form_of_kind(const struct model *m, enum form_kind k)
{
	size_t i;

	for (i = 0; i < m->n_forms; i++)
		if (m->forms[i].kind == k)
			return &m->forms[i];
	return NULL;
}

int pg_has_questions(const struct model *m)
{
	return m->n_questions > 0 || form_of_kind(m, FORM_QUESTION) != NULL;
}

/* A count under the small-count rule (eservice.h), in the site's digits. */
static const char *esv_count(const struct site_ctx *sc, struct arena *a, size_t n)
{
	return eservice_hidden(n) ? ESV_SMALL_TH : pg_integer(sc, a, (int64_t)n);
}

/* One fiscal year's table: a row per month (columns: the services), then
 * the year's totals. */
static struct tval *esv_year(const struct site_ctx *sc, struct arena *a, const char *root,
	const struct eservice_fy *e)
{
	struct tval *y = tv_map(a), *cols = tv_list(a), *months = tv_list(a), *totals = tv_list(a);
	size_t i;
	int k;

	tv_sets(a, y, "label", pg_fy_label(sc, a, e->fiscal_year));
	tv_sets(a, y, "id", arena_printf(a, "fy%d", e->fiscal_year));
	for (i = 0; i < e->n_rows; i++) {
		struct tval *c = tv_map(a), *t = tv_map(a);
		tv_sets(a, c, "label", e->rows[i].label);
		tv_sets(a, c, "label_en", e->rows[i].label_en);
		tv_sets(a, c, "href", arena_printf(a, "%s%s", root, e->rows[i].path));
		tv_push(a, cols, c);
		tv_sets(a, t, "text", e->rows[i].any_hidden ? "—" : esv_count(sc, a, e->rows[i].total));
		tv_push(a, totals, t);
	}
	for (k = 0; k < 12; k++) {
		struct tval *mv = tv_map(a), *cells = tv_list(a);
		int cy, mo;
		fiscal_month(e->fiscal_year, k, &cy, &mo);
		tv_sets(a, mv, "label", pg_month_label(sc, a, cy, mo));
		tv_setb(a, mv, "future", k >= e->months_begun);
		for (i = 0; i < e->n_rows; i++) {
			struct tval *c = tv_map(a);
			tv_sets(a, c, "text", esv_count(sc, a, e->rows[i].months[k]));
			tv_push(a, cells, c);
		}
		tv_set(a, mv, "cells", cells);
		tv_push(a, months, mv);
	}
	tv_sets(a, y, "ncols", arena_printf(a, "%zu", e->n_rows));
	tv_set(a, y, "cols", cols);
	tv_set(a, y, "months", months);
	tv_set(a, y, "totals", totals);
	tv_setb(a, y, "begun", e->months_begun > 0);
	return y;
}

void pg_eservice(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *years = tv_list(a), *services = tv_list(a);
	const struct eservice_fy *cur = &sc->cs->eservice[0];
	const struct form_def *qf = form_of_kind(m, FORM_QUESTION);
	size_t i;

	tv_push(a, years, esv_year(sc, a, root, &sc->cs->eservice[0]));
	tv_push(a, years, esv_year(sc, a, root, &sc->cs->eservice[1]));
	tv_set(a, v, "years", years);
	for (i = 0; i < cur->n_rows; i++) {
		struct tval *s = tv_map(a);
		const struct form_def *f = model_form(m, cur->rows[i].id);
		tv_sets(a, s, "label", cur->rows[i].label);
		tv_sets(a, s, "label_en", cur->rows[i].label_en);
		tv_sets(a, s, "href", arena_printf(a, "%s%s", root, cur->rows[i].path));
		tv_setb(a, s, "coded", f && form_kind_coded(f->kind));
		tv_push(a, services, s);
	}
	tv_set(a, v, "services", services);
	tv_sets(a, v, "csv_href", arena_printf(a, "%se-service/statistics.csv", root));
	tv_sets(a, v, "forms_href", arena_printf(a, "%sforms/index.html", root));
	tv_sets(a, v, "track_href", arena_printf(a, "%strack/index.html", root));
	tv_sets(a, v, "small_max", pg_integer(sc, a, ESV_SMALL_MAX));
	tv_sets(a, v, "small", ESV_SMALL_TH);
	tv_setb(a, v, "sample", sc->cs->sample);
	if (pg_has_questions(m))
		tv_sets(a, v, "questions_href", arena_printf(a, "%squestions/index.html", root));
	if (qf)
		tv_sets(a, v, "ask_href", arena_printf(a, "%sforms/%s/index.html", root, qf->id));
}

void pg_questions(const struct site_ctx *sc, struct arena *a, struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	const struct form_def *qf = form_of_kind(m, FORM_QUESTION);
	struct tval *list = tv_list(a);
	size_t i;

	for (i = 0; i < m->n_questions; i++) {
		const struct question *q = m->questions[i];
		struct tval *qv = tv_map(a);
		tv_sets(a, qv, "id", q->slug);
		tv_sets(a, qv, "question", q->question);
		pg_set_opt(a, qv, "question_en", q->question_en);
		tv_sets(a, qv, "answer", q->answer);
		pg_set_opt(a, qv, "answer_en", q->answer_en);
		pg_set_opt(a, qv, "by", q->by);
		tv_sets(a, qv, "asked", pg_tdate(sc, a, q->asked));
		tv_sets(a, qv, "asked_iso", pg_isodate(a, q->asked));
		tv_sets(a, qv, "answered", pg_tdate(sc, a, q->answered));
		tv_sets(a, qv, "answered_iso", pg_isodate(a, q->answered));
		tv_push(a, list, qv);
	}
	tv_set(a, v, "questions", list);
	tv_setb(a, v, "has_questions", m->n_questions > 0);
	if (qf)
		tv_sets(a, v, "ask_href", arena_printf(a, "%sforms/%s/index.html", root, qf->id));
	tv_sets(a, v, "track_href", arena_printf(a, "%strack/index.html", root));
	tv_sets(a, v, "contact_href", arena_printf(a, "%scontact/index.html", root));
}
