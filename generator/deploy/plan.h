/* plan.h: what a deploy does, in the order that keeps the remote site
 * whole at every moment.
 *
 * From the local manifest (public/) and the remote one (the target's
 * .prongsai-manifest), every file that is new or whose hash differs is
 * sent, and every remote file that is no longer local is deleted.  The
 * order: (1) assets (everything that is not a page: CSS, scripts, images,
 * data files, the search index), so that a page never points at a file
 * not there yet; (2) pages; (3) index pages (index.html at the top or one
 * level down, e.g. projects/index.html), the sitemap, feeds and robots.txt,
 * the ways in; (4) deletions, deepest path first.  Within a class, by path.
 * The new manifest is sent after all of them (not part of the plan).
 */
#ifndef PRONGSAI_DEPLOY_PLAN_H
#define PRONGSAI_DEPLOY_PLAN_H

#include <stddef.h>
#include "deploy/remote_manifest.h"

enum plan_rank { RANK_ASSET = 0, RANK_PAGE = 1, RANK_INDEX = 2, RANK_DELETE = 3 };

struct plan_op {
	enum plan_rank rank;                  /* RANK_DELETE: a deletion */
	const struct remote_manifest_entry *entry;   /* local entry (put) or remote (delete) */
};

struct plan {
	struct plan_op *ops;
	size_t n, n_put, n_del;
	long long put_bytes;
};

/* The class of a path that is sent (RANK_ASSET, RANK_PAGE or RANK_INDEX). */
enum plan_rank plan_rank_of(const char *path);

/* The plan from local to remote (both sorted) into p; the ops point into
 * the manifests, which must outlive p.  Returns 0, or -1 (out of memory). */
int plan_make(const struct remote_manifest *local, const struct remote_manifest *remote, struct plan *p);

void plan_free(struct plan *p);

#endif
