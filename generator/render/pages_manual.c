/* pages_manual.c: the user manual (build --manual): its contents page
 * (manual/), one page per part (manual/<part>/) and the whole manual on
 * one page to print (manual/print/, from which `make manual` prints the
 * PDF). */
#include <string.h>

#include "render/markdown.h"
#include "render/pages_int.h"

/* The tasks of a part: its "## " headings, as a list of {title}. */
static struct tval *tasks_view(struct arena *a, const char *body)
{
	struct tval *list = tv_list(a);
	const char *p = body;

	while (p && *p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n > 3 && memcmp(p, "## ", 3) == 0) {
			struct tval *t = tv_map(a);
			tv_sets(a, t, "title", arena_strndup(a, p + 3, n - 3));
			tv_push(a, list, t);
		}
		p = e ? e + 1 : NULL;
	}
	return list;
}

static struct tval *part_view(const struct site_ctx *sc, struct arena *a, const char *root, size_t i,
	int current, int with_body)
{
	const struct page *p = sc->m->manual[i];
	struct tval *v = tv_map(a);

	tv_sets(a, v, "href", arena_printf(a, "%smanual/%s/index.html", root, p->slug));
	tv_sets(a, v, "id", arena_printf(a, "part-%s", p->slug));
	tv_sets(a, v, "title", p->title);
	pg_set_str(a, v, "summary", p->summary);
	tv_setb(a, v, "current", current);
	tv_set(a, v, "tasks", tasks_view(a, p->body));
	if (with_body)
		tv_sets(a, v, "body", markdown_html_at(a, p->body, 3));
	return v;
}

void pg_manual_page(const struct site_ctx *sc, const struct page_job *job, struct arena *a,
	struct tval *v, const char *root)
{
	const struct model *m = sc->m;
	struct tval *parts = tv_list(a);
	size_t i;
	int part = job->kind == PG_MANUAL;

	for (i = 0; i < m->n_manual; i++)
		tv_push(a, parts, part_view(sc, a, root, i, part && i == job->index, job->kind == PG_MANUAL_PRINT));
	tv_set(a, v, "parts", parts);
	tv_sets(a, v, "index_href", arena_printf(a, "%smanual/index.html", root));
	tv_sets(a, v, "print_page_href", arena_printf(a, "%smanual/print/index.html", root));
	if (m->manual_pdf)
		tv_sets(a, v, "pdf_href", arena_printf(a, "%smanual/manual.pdf", root));
	tv_setb(a, v, "is_index", job->kind == PG_MANUAL_INDEX);
	if (!part)
		return;
	pg_set_str(a, v, "summary", m->manual[job->index]->summary);
	tv_sets(a, v, "body", markdown_html(a, m->manual[job->index]->body));
	if (job->index > 0)
		tv_set(a, v, "prev", part_view(sc, a, root, job->index - 1, 0, 0));
	if (job->index + 1 < m->n_manual)
		tv_set(a, v, "next", part_view(sc, a, root, job->index + 1, 0, 0));
}
