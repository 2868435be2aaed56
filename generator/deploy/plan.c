/* plan.c: see plan.h. */
#include "deploy/plan.h"

#include <stdlib.h>
#include <string.h>

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

enum plan_rank plan_rank_of(const char *path)
{
	const char *slash = strchr(path, '/');
	int top = slash == NULL;

	if (ends_with(path, ".html")) {
		/* index.html, or DIR/index.html one level down */
		if (strcmp(path, "index.html") == 0 ||
		    (slash && strcmp(slash, "/index.html") == 0))
			return RANK_INDEX;
		return RANK_PAGE;
	}
	if (top && (strncmp(path, "sitemap", 7) == 0 || strcmp(path, "robots.txt") == 0 ||
		    ends_with(path, ".xml") || ends_with(path, ".rss") || ends_with(path, ".atom")))
		return RANK_INDEX;
	return RANK_ASSET;
}

static size_t depth(const char *p)
{
	size_t n = 0;

	for (; *p; p++)
		n += *p == '/';
	return n;
}

static int cmp_op(const void *a, const void *b)
{
	const struct plan_op *x = a, *y = b;

	if (x->rank != y->rank)
		return (int)x->rank - (int)y->rank;
	if (x->rank == RANK_DELETE) {
		size_t dx = depth(x->entry->path), dy = depth(y->entry->path);
		if (dx != dy)
			return dx > dy ? -1 : 1;
	}
	return strcmp(x->entry->path, y->entry->path);
}

int plan_make(const struct remote_manifest *local, const struct remote_manifest *remote, struct plan *p)
{
	size_t i = 0, j = 0;

	memset(p, 0, sizeof *p);
	p->ops = malloc((local->n + remote->n + 1) * sizeof *p->ops);
	if (!p->ops)
		return -1;
	while (i < local->n || j < remote->n) {
		int c = i == local->n ? 1 : j == remote->n ? -1 : strcmp(local->e[i].path, remote->e[j].path);
		if (c < 0 || (c == 0 && (local->e[i].size != remote->e[j].size ||
					 memcmp(local->e[i].hash, remote->e[j].hash, REMOTE_MANIFEST_HASH_BYTES) != 0))) {
			p->ops[p->n].rank = plan_rank_of(local->e[i].path);
			p->ops[p->n++].entry = &local->e[i];
			p->n_put++;
			p->put_bytes += local->e[i].size;
		} else if (c > 0) {
			p->ops[p->n].rank = RANK_DELETE;
			p->ops[p->n++].entry = &remote->e[j];
			p->n_del++;
		}
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	qsort(p->ops, p->n, sizeof *p->ops, cmp_op);
	return 0;
}

void plan_free(struct plan *p)
{
	free(p->ops);
	memset(p, 0, sizeof *p);
}
