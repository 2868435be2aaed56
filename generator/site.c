/* site.c: the site assembled between check and render (see site.h). */
#include "site.h"

#include <stdlib.h>
#include <string.h>

static int cmp_recent(const void *pa, const void *pb)
{
	const struct report *a = *(const struct report *const *)pa, *b = *(const struct report *const *)pb;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return strcmp(a->path, b->path);
}

void site_assemble(struct site_assembly *s, struct model *m, const char *version)
{
	site_assemble_hist(s, m, version, NULL);
}

void site_assemble_hist(struct site_assembly *s, struct model *m, const char *version,
	const struct history *h)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	arena_init(&s->plan);
	revindex_build(&s->rev, h, &m->arena);
	s->sc.rev = &s->rev;
	timeliness_build(&s->tl, m, h, &m->arena);
	s->sc.tl = &s->tl;
	derive_all(m, &s->dv);
	stats_build(m, &m->arena, &s->cs);
	s->sc.m = m;
	s->sc.dv = &s->dv;
	s->sc.cs = &s->cs;
	s->sc.version = version;
	s->sc.recent = arena_alloc(&m->arena, (m->n_reports + 1) * sizeof(*s->sc.recent));
	for (i = 0; i < m->n_reports; i++)
		if (m->reports[i]->date <= m->today)
			s->sc.recent[s->sc.n_recent++] = m->reports[i];
	qsort((void *)s->sc.recent, s->sc.n_recent, sizeof(*s->sc.recent), cmp_recent);
	s->jobs = pages_plan(&s->sc, &s->plan, &s->n_jobs);
	s->sc.jobs = s->jobs;
	s->sc.n_jobs = s->n_jobs;
}

void site_assembly_free(struct site_assembly *s)
{
	arena_free(&s->plan);
}
