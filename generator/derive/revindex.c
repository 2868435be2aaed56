/* revindex.c: the history arranged for the pages (see revindex.h). */
#include "derive/revindex.h"
#include "derive/revisions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_path_seq(const void *x, const void *y)
{
	const struct hist_change *a = *(const struct hist_change *const *)x;
	const struct hist_change *b = *(const struct hist_change *const *)y;
	int c = strcmp(a->path, b->path);

	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

void revindex_build(struct rev_index *ix, const struct history *h, struct arena *a)
{
	size_t i;

	memset(ix, 0, sizeof(*ix));
	ix->h = h;
	if (!h || !h->available || !h->n_changes)
		return;
	ix->n = h->n_changes;
	ix->by_path = arena_alloc(a, ix->n * sizeof(*ix->by_path));
	ix->recent = arena_alloc(a, ix->n * sizeof(*ix->recent));
	for (i = 0; i < ix->n; i++)
		ix->by_path[i] = &h->changes[i];
	for (i = ix->n; i-- > 0;) /* read oldest first */
		if (rev_kind_of(h->changes[i].path) != REV_COMPLAINT)
			ix->recent[ix->n_recent++] = &h->changes[i];
	qsort(ix->by_path, ix->n, sizeof(*ix->by_path), by_path_seq);
}

const char *revindex_project_of(const char *path, char *buf, size_t len)
{
	const char *s, *e;

	if (strncmp(path, "projects/", 9) == 0) {
		if (!(s = strchr(path + 9, '/')) || !(e = strstr(s, ".md")) || e[3])
			return NULL;
		s++;
	} else if (strncmp(path, "progress/", 9) == 0) {
		if (!(s = strchr(path + 9, '/')) || !(e = strchr(s + 1, '/')))
			return NULL;
		s++;
	} else
		return NULL;
	if ((size_t)(e - s) >= len || e == s)
		return NULL;
	snprintf(buf, len, "%.*s", (int)(e - s), s);
	return buf;
}

/* The first position in by_path whose path is >= path. */
static size_t lower(const struct rev_index *ix, const char *path)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->by_path[mid]->path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct hist_change *const *revindex_file(const struct rev_index *ix, const char *path, size_t *n)
{
	size_t i = lower(ix, path), j = i;

	while (j < ix->n && strcmp(ix->by_path[j]->path, path) == 0)
		j++;
	*n = j - i;
	return j > i ? &ix->by_path[i] : NULL;
}

static int by_seq(const void *x, const void *y)
{
	const struct hist_change *a = *(const struct hist_change *const *)x;
	const struct hist_change *b = *(const struct hist_change *const *)y;

	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

const struct hist_change **revindex_project(const struct rev_index *ix, int fy, const char *id,
	struct arena *a, size_t *n)
{
	char file[256], dir[256];
	size_t i, j, k = 0, nf;
	const struct hist_change **out;
	const struct hist_change *const *f;

	*n = 0;
	if (!ix->n)
		return NULL;
	snprintf(file, sizeof(file), "projects/%d/%s.md", fy, id);
	snprintf(dir, sizeof(dir), "progress/%d/%s/", fy, id);
	i = lower(ix, dir);
	for (j = i; j < ix->n && strncmp(ix->by_path[j]->path, dir, strlen(dir)) == 0; j++)
		;
	f = revindex_file(ix, file, &nf);
	if (!nf && j == i)
		return NULL;
	out = arena_alloc(a, (nf + j - i) * sizeof(*out));
	for (k = 0; k < nf; k++)
		out[k] = f[k];
	for (; i < j; i++)
		out[k++] = ix->by_path[i];
	qsort(out, k, sizeof(*out), by_seq);
	*n = k;
	return out;
}
